"""The one client layer every request goes through: politeness, limits, faults, decoding.

A fetch never raises for a portal's fault: it returns a :class:`Page` or a :class:`FetchError`
naming the URL and what went wrong, so the crawler can record it and go on.
"""

from __future__ import annotations

import asyncio
import random
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from camthuy_audit.config import CrawlSettings
from camthuy_audit.models import FetchError

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)""", re.IGNORECASE)
_RETRY_STATUS = {429, 500, 502, 503, 504}
_MAX_REDIRECTS = 5
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain", "")
_FEED_TYPES = ("xml", "rss", "atom")


@dataclass
class Page:
    url: str              # the URL asked for
    final_url: str        # after redirects
    status: int
    content_type: str
    text: str
    size: int
    content: bytes = b""  # raw bytes, kept only for images


class ResolvingTransport(httpx.AsyncBaseTransport):
    """Sends requests for named hosts to fixed addresses (the simulated district on loopback).

    The request keeps its real host name (Host header, URLs in evidence); only the connection
    goes to ``resolve[host]``, over plain HTTP.
    """

    def __init__(self, resolve: Mapping[str, str], inner: httpx.AsyncBaseTransport | None = None) -> None:
        self._resolve = {host.lower(): target for host, target in resolve.items()}
        self._inner = inner or httpx.AsyncHTTPTransport()

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        target = self._resolve.get(request.url.host.lower())
        if target is None:
            return await self._inner.handle_async_request(request)
        address, _, port = target.rpartition(":")
        # A new request: the caller's keeps its real URL (httpx reports that one as response.url).
        routed = httpx.Request(
            request.method,
            request.url.copy_with(scheme="http", host=address, port=int(port)),
            headers=request.headers,  # the Host header still names the real host
            stream=request.stream,
            extensions=request.extensions,
        )
        return await self._inner.handle_async_request(routed)

    async def aclose(self) -> None:
        await self._inner.aclose()


def _decode(body: bytes, content_type: str) -> str:
    """Charset from the header, then the meta tag, then UTF-8, then Vietnamese windows-1258."""
    candidates: list[str] = []
    header = re.search(r"charset=([\w-]+)", content_type, re.IGNORECASE)
    if header:
        candidates.append(header.group(1))
    meta = _META_CHARSET.search(body[:4096])
    if meta:
        candidates.append(meta.group(1).decode("ascii", "ignore"))
    candidates += ["utf-8", "cp1258"]
    for charset in candidates:
        try:
            text = body.decode(charset)
        except (LookupError, UnicodeDecodeError):
            continue
        return unicodedata.normalize("NFC", text)
    return unicodedata.normalize("NFC", body.decode("utf-8", errors="replace"))


def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


@dataclass
class Fetcher:
    """Fetches pages of one audit; shared by all portals so per-host limits hold globally."""

    settings: CrawlSettings
    resolve: Mapping[str, str] = field(default_factory=dict)
    respect_robots: bool = True
    transport: httpx.AsyncBaseTransport | None = None
    requests: int = 0
    _client: httpx.AsyncClient | None = None
    _slots: dict[str, asyncio.Semaphore] = field(default_factory=dict)
    _robots: dict[str, Protego | None] = field(default_factory=dict)
    _robots_lock: dict[str, asyncio.Lock] = field(default_factory=dict)

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        transport = self.transport or (ResolvingTransport(self.resolve) if self.resolve else None)
        self._client = httpx.AsyncClient(
            transport=transport,
            timeout=httpx.Timeout(s.read_timeout, connect=s.connect_timeout),
            headers={"User-Agent": s.user_agent, "Accept-Language": "vi,en;q=0.5"},
            follow_redirects=False,
            limits=httpx.Limits(max_connections=200, max_keepalive_connections=50),
        )
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()

    def _slot(self, host: str) -> asyncio.Semaphore:
        if host not in self._slots:
            self._slots[host] = asyncio.Semaphore(self.settings.per_host_concurrency)
        return self._slots[host]

    async def get(self, url: str, *, allowed_hosts: frozenset[str], accept: str = "html",
                  max_bytes: int | None = None) -> Page | FetchError:
        """GET a page, following redirects only within ``allowed_hosts``."""
        current = url
        for _ in range(_MAX_REDIRECTS + 1):
            host = host_of(current)
            if host not in allowed_hosts:
                return FetchError(url=url, kind="off_site",
                                  message=f"chuyển hướng ra ngoài cổng của đơn vị: {current}")
            if self.respect_robots and not await self._robots_allow(current, allowed_hosts):
                return FetchError(url=current, kind="robots", message="robots.txt không cho phép truy cập")
            result = await self._get_once(current, max_bytes or self.settings.max_bytes, accept)
            if isinstance(result, tuple):  # a redirect
                current = result[1]
                continue
            if isinstance(result, Page):
                result.url = url
            return result
        return FetchError(url=url, kind="redirect", message=f"quá {_MAX_REDIRECTS} lần chuyển hướng")

    async def _get_once(self, url: str, max_bytes: int, accept: str) -> Page | FetchError | tuple[str, str]:
        attempts = self.settings.attempts
        last: FetchError | None = None
        retry_after: float | None = None
        for attempt in range(attempts):
            if attempt:
                await asyncio.sleep(self._backoff(attempt, retry_after))
            async with self._slot(host_of(url)):
                try:
                    outcome, retry_after = await asyncio.wait_for(
                        self._request(url, max_bytes, accept), timeout=self.settings.page_timeout)
                except TimeoutError:
                    outcome = FetchError(url=url, kind="timeout",
                                         message=f"quá thời gian {self.settings.page_timeout:g} giây cho một trang")
            if isinstance(outcome, FetchError) and self._retryable(outcome):
                last = outcome
                continue
            return outcome
        assert last is not None
        return last

    @staticmethod
    def _retryable(error: FetchError) -> bool:
        if error.kind in ("connect", "timeout"):
            return True
        return error.kind == "http_status" and error.status in _RETRY_STATUS

    @staticmethod
    def _backoff(attempt: int, retry_after: float | None) -> float:
        base = retry_after if retry_after is not None else 0.5 * 2 ** (attempt - 1)
        return min(base, 30.0) + random.uniform(0, 0.25)

    async def _request(self, url: str, max_bytes: int, accept: str
                       ) -> tuple[Page | FetchError | tuple[str, str], float | None]:
        """One attempt: the outcome, and the server's Retry-After in seconds if it sent one."""
        retry_after: list[float] = []
        outcome = await self._attempt(url, max_bytes, accept, retry_after)
        return outcome, (retry_after[0] if retry_after else None)

    async def _attempt(self, url: str, max_bytes: int, accept: str, retry_after: list[float]
                       ) -> Page | FetchError | tuple[str, str]:
        assert self._client is not None, "Fetcher used outside 'async with'"
        self.requests += 1
        try:
            async with self._client.stream("GET", url) as response:
                if response.is_redirect and "location" in response.headers:
                    return ("redirect", urljoin(url, response.headers["location"]))
                if response.status_code >= 400:
                    error = FetchError(url=url, kind="http_status", status=response.status_code,
                                       message=f"máy chủ trả lời HTTP {response.status_code}")
                    wait = response.headers.get("retry-after", "").strip()
                    if wait.isdigit():
                        retry_after.append(float(wait))
                    return error
                content_type = response.headers.get("content-type", "").lower()
                if accept == "html" and not content_type.startswith(_HTML_TYPES):
                    return FetchError(url=url, kind="not_html", status=response.status_code,
                                      message=f"không phải trang HTML ({content_type})")
                if accept == "feed" and not any(t in content_type for t in _FEED_TYPES):
                    return FetchError(url=url, kind="not_html", status=response.status_code,
                                      message=f"không phải RSS/XML ({content_type})")
                body = bytearray()
                async for chunk in response.aiter_bytes():
                    body += chunk
                    if len(body) > max_bytes:
                        if accept == "image":
                            break
                        return FetchError(url=url, kind="too_large",
                                          message=f"trang lớn hơn giới hạn {max_bytes:,} byte")
                raw = bytes(body)
                image = accept == "image"
                return Page(url=url, final_url=str(response.url), status=response.status_code,
                            content_type=content_type, text="" if image else _decode(raw, content_type),
                            size=len(raw), content=raw if image else b"")
        except httpx.ConnectError as exc:
            kind = "dns" if "name" in str(exc).lower() and "resol" in str(exc).lower() else "connect"
            if "ssl" in str(exc).lower() or "certificate" in str(exc).lower():
                kind = "tls"
            return FetchError(url=url, kind=kind, message=f"không kết nối được: {exc or type(exc).__name__}")
        except httpx.TimeoutException as exc:
            return FetchError(url=url, kind="timeout", message=f"hết thời gian chờ ({type(exc).__name__})")
        except httpx.HTTPError as exc:
            return FetchError(url=url, kind="other", message=f"lỗi HTTP: {exc or type(exc).__name__}")

    async def _robots_allow(self, url: str, allowed_hosts: frozenset[str]) -> bool:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}"
        lock = self._robots_lock.setdefault(origin, asyncio.Lock())
        async with lock:
            if origin not in self._robots:
                self._robots[origin] = await self._load_robots(origin, allowed_hosts)
        rules = self._robots[origin]
        return rules is None or rules.can_fetch(url, self.settings.user_agent)

    async def _load_robots(self, origin: str, allowed_hosts: frozenset[str]) -> Protego | None:
        result = await self._get_once(origin + "/robots.txt", 500_000, "any")
        if isinstance(result, Page) and result.status == 200:
            return Protego.parse(result.text)
        return None  # no robots.txt, or not readable: everything allowed

    async def image_head(self, url: str, *, allowed_hosts: frozenset[str]) -> bytes | None:
        """The first bytes of an image (enough for its dimensions), or None."""
        result = await self.get(url, allowed_hosts=allowed_hosts, accept="image", max_bytes=32_768)
        return result.content if isinstance(result, Page) else None
