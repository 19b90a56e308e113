"""The one client layer every request goes through: politeness, limits, faults, decoding.

A fetch never raises for a portal's fault: it returns a :class:`Page` or a :class:`FetchError`
naming the URL and what went wrong, so the crawler can record it and go on.

Politeness: at most ``per_host_concurrency`` requests in flight per host and ``min_delay`` between
two starts (or the robots.txt Crawl-delay, capped), robots.txt obeyed, a User-Agent with a contact,
conditional requests from an on-disk cache. Faults: connect/read/page timeouts, retries with
backoff and jitter (honouring Retry-After) under a deadline per page, redirects kept on the unit's
hosts, bodies capped while streaming and after decompression, TLS errors named as such.
"""

from __future__ import annotations

import asyncio
import contextlib
import contextvars
import heapq
import itertools
import logging
import random
import socket
import ssl
import time
from collections.abc import AsyncIterator, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import httpx
from protego import Protego

from camthuy_audit.bodies import Decoder, UnsupportedEncoding, decode_chunk, decode_text, decoders_for
from camthuy_audit.config import CrawlSettings
from camthuy_audit.httpcache import CachedResponse, HttpCache
from camthuy_audit.models import FetchError
from camthuy_audit.netguard import (
    AddressNotAllowed,
    HostRouter,
    PerHostTransport,
    ResolvingTransport,
    Routes,
    pool_transport,
    ssl_context,
)

__all__ = ["Fetcher", "FetchStats", "Page", "ResolvingTransport", "host_of"]

log = logging.getLogger(__name__)

_RETRY_STATUS = frozenset({429, 500, 502, 503, 504})
_REDIRECT_STATUS = frozenset({301, 302, 303, 307, 308})
_HTML_TYPES = ("text/html", "application/xhtml+xml", "text/plain")  # or no Content-Type at all
_FEED_TYPES = ("xml", "rss", "atom")
_IMAGE_TYPES = ("image/", "application/octet-stream", "binary/octet-stream")
_ROBOTS_MAX_BYTES = 500_000          # RFC 9309 asks crawlers to read at least 500 KiB
_MIN_ATTEMPT_SECONDS = 0.5           # a retry with less time left than this is not worth making
_UNREACHABLE = frozenset({"dns", "connect", "timeout", "tls"})
_RATE_LIMIT_STATUS = frozenset({429, 503})
_MAX_RATE_LIMIT_WAITS = 10           # a server asking to wait again and again is given up on
_ROBOTS_LOADS = 3                    # a robots.txt that failed for a passing reason is read again
_TLS_HINT = " (chứng chỉ lỗi: có thể đặt insecure_tls = true cho đơn vị này)"


@dataclass
class Page:
    url: str              # the URL asked for
    final_url: str        # after redirects
    status: int
    content_type: str
    text: str
    size: int             # bytes of the (decompressed) body
    content: bytes = b""  # raw bytes, kept only for images
    transferred: int = 0  # bytes received on the wire for it (0 when a 304 reused the cache)
    from_cache: bool = False


@dataclass
class FetchStats:
    """What an audit cost the servers: requests sent, body bytes received, 304s, retries."""

    requests: int = 0
    bytes_received: int = 0
    not_modified: int = 0
    retries: int = 0
    blocked: int = 0      # connections refused by address (a foreign host inside our network)


@dataclass
class _Redirect:
    location: str


@dataclass
class _Clock:
    """Time a page may still use: attempts, backoff waits and its robots.txt (not queueing for a slot)."""

    limit: float
    spent: float = 0.0

    def left(self) -> float:
        return self.limit - self.spent


@dataclass
class _Attempt:
    responded: bool = False            # response headers arrived (a timeout after that is not retried)
    retry_after: float | None = None
    rate_limited: bool = False         # 429/503 with Retry-After: the server asks us to wait


@dataclass
class _Robots:
    rules: Protego | None = None       # None: no robots.txt, everything allowed
    error: FetchError | None = None    # robots.txt unreachable: nothing is fetched (RFC 9309)
    loads: int = 1

    @property
    def passing(self) -> bool:
        """Failed for a reason that may pass (a timeout, a 5xx, a 429): worth reading again."""
        error = self.error
        return error is not None and (error.kind in ("connect", "timeout")
                                      or (error.kind == "http_status" and error.status in _RETRY_STATUS))


@lru_cache(maxsize=65_536)
def host_of(url: str) -> str:
    return (urlsplit(url).hostname or "").lower()


def _causes(exc: BaseException) -> list[BaseException]:
    chain: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in chain and len(chain) < 10:
        chain.append(current)
        current = current.__cause__ or current.__context__
    return chain


def _network_error(url: str, exc: httpx.HTTPError) -> FetchError:
    """A transport exception as a FetchError with the right kind."""
    chain = _causes(exc)
    detail = str(exc) or type(exc).__name__
    blocked = next((e for e in chain if isinstance(e, AddressNotAllowed)), None)
    if blocked is not None:
        return FetchError(url=url, kind="off_site", message=str(blocked))
    if any(isinstance(e, ssl.SSLError) for e in chain) or "SSL" in detail or "certificate" in detail.lower():
        return FetchError(url=url, kind="tls", message=f"lỗi TLS/SSL: {detail}{_TLS_HINT}")
    if any(isinstance(e, socket.gaierror) for e in chain) or detail.startswith("DNS:"):
        return FetchError(url=url, kind="dns", message=f"không phân giải được tên máy: {detail}")
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(url=url, kind="timeout", message=f"hết thời gian chờ ({type(exc).__name__})")
    if isinstance(exc, httpx.ConnectError):
        return FetchError(url=url, kind="connect", message=f"không kết nối được: {detail}")
    if isinstance(exc, (httpx.NetworkError, httpx.RemoteProtocolError)):
        return FetchError(url=url, kind="connect", message=f"kết nối bị ngắt: {detail}")
    return FetchError(url=url, kind="other", message=f"lỗi HTTP: {detail}")


def _retry_after(value: str | None) -> float | None:
    """Retry-After in seconds (a number or an HTTP date), None when absent or unreadable."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


# How urgent a request is (lower first), for the requests waiting for one host's slots: a portal's
# audit lasts as long as its longest chain of requests that wait on each other (home page, a listing
# and its next pages), so those go before pages nothing waits on (sections, articles, images).
PRIORITY: contextvars.ContextVar[int] = contextvars.ContextVar("camthuy_priority", default=2)
FIRST, CHAIN, PAGE, ARTICLE, IMAGE = 0, 1, 2, 3, 4


class HostSlots:
    """``limit`` requests in flight to one host; waiting ones start by priority, then in order."""

    def __init__(self, limit: int) -> None:
        self._limit = self._free = limit
        self._waiting: list[tuple[int, int, asyncio.Future[None]]] = []
        self._order = itertools.count()

    async def acquire(self, priority: int) -> None:
        if self._free > 0 and not self._waiting:
            self._free -= 1
            return
        future: asyncio.Future[None] = asyncio.get_running_loop().create_future()
        heapq.heappush(self._waiting, (priority, next(self._order), future))
        try:
            await future
        except asyncio.CancelledError:
            if future.done() and not future.cancelled():
                self.release()   # granted just as it was cancelled: pass the slot on
            raise

    @property
    def idle(self) -> bool:
        return not self._waiting and self._free == self._limit

    def release(self) -> None:
        while self._waiting:
            _, _, future = heapq.heappop(self._waiting)
            if not future.done():
                future.set_result(None)
                return
        self._free += 1


class Fetcher:
    """Fetches the pages of one audit; shared by all portals so per-host limits hold globally.

    ``transport`` replaces the network (tests, replay); the on-disk cache is then off unless
    ``cache`` is given. ``cache=None`` turns it off; by default it follows ``settings.http_cache``.
    """

    def __init__(self, settings: CrawlSettings, *, resolve: Mapping[str, str] | None = None,
                 respect_robots: bool = True, transport: httpx.AsyncBaseTransport | None = None,
                 cache: HttpCache | None | str = "settings") -> None:
        self.settings = settings
        self.resolve = {host.lower(): target for host, target in (resolve or {}).items()}
        self._routes = Routes.of(self.resolve)
        self.respect_robots = respect_robots
        self.transport = transport
        self.stats = FetchStats()
        self._cache_choice = cache
        self._cache: HttpCache | None = None
        self._client: httpx.AsyncClient | None = None
        self._trusted: set[str] = set()
        self._insecure: set[str] = set()
        self._slots: dict[str, HostSlots] = {}
        self._all = asyncio.Semaphore(settings.total_concurrency)
        self._next_start: dict[str, float] = {}
        self._paused_until: dict[str, float] = {}   # a host that asked us to wait (Retry-After)
        self._delays: dict[str, float] = {}
        self._robots: dict[str, _Robots] = {}
        self._robots_lock: dict[str, asyncio.Lock] = {}
        self._pools: PerHostTransport | None = None

    @property
    def requests(self) -> int:
        return self.stats.requests

    # -- lifecycle ---------------------------------------------------------------------------

    async def __aenter__(self) -> Fetcher:
        s = self.settings
        # Pools are per host (see netguard.PerHostTransport): a few connections each, TLS contexts shared.
        limits = httpx.Limits(max_connections=2 * s.per_host_concurrency + 2,
                              max_keepalive_connections=s.per_host_concurrency, keepalive_expiry=5.0)
        contexts = {True: ssl_context(True), False: ssl_context(False)}
        transport = self.transport
        if transport is None:
            transport = self._pools = PerHostTransport(lambda: HostRouter(
                self._layer(contexts[True], limits), lambda: self._layer(contexts[False], limits), self._insecure))
        self._client = httpx.AsyncClient(
            transport=transport,
            timeout=httpx.Timeout(connect=s.connect_timeout, read=s.read_timeout, write=s.read_timeout,
                                  pool=s.page_timeout),
            headers={"User-Agent": s.user_agent, "Accept-Language": "vi,en;q=0.5",
                     "Accept-Encoding": "gzip, deflate",
                     "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"},
            follow_redirects=False,
            trust_env=False,
        )
        if isinstance(self._cache_choice, HttpCache):
            self._cache = self._cache_choice
        elif self._cache_choice == "settings" and s.http_cache and self.transport is None:
            self._cache = HttpCache(Path(s.cache_dir).expanduser())
        return self

    async def __aexit__(self, *exc: object) -> None:
        if self._client is not None:
            await self._client.aclose()
        if self._cache is not None:
            self._cache.close()

    async def release_portal(self, hosts: frozenset[str]) -> None:
        """A portal's crawl is over: close the connections to its hosts (thousands of portals audited
        one after another would otherwise keep theirs open)."""
        if self._pools is not None:
            await self._pools.release(hosts)
        for host in hosts:   # what the fetcher kept per host (thousands of portals, one run)
            slot = self._slots.get(host)
            if slot is not None and slot.idle:
                del self._slots[host]
            self._next_start.pop(host, None)
            self._delays.pop(host, None)
            for scheme in ("http", "https"):
                origin = f"{scheme}://{host}"
                lock = self._robots_lock.get(origin)
                if lock is None or not lock.locked():
                    self._robots.pop(origin, None)
                    self._robots_lock.pop(origin, None)

    def _layer(self, verify: ssl.SSLContext, limits: httpx.Limits) -> httpx.AsyncBaseTransport:
        guarded = pool_transport(verify=verify, limits=limits, trusted=self._is_trusted)
        if not self.resolve:
            return guarded
        return ResolvingTransport(self._routes, guarded, direct=pool_transport(verify=verify, limits=limits))

    def _is_trusted(self, host: str) -> bool:
        return host in self._trusted

    def register_portal(self, hosts: frozenset[str], *, insecure_tls: bool = False) -> None:
        """A unit's own hosts: reachable at any address, and (if asked) without certificate checks."""
        self._trusted.update(hosts)
        if insecure_tls:
            self._insecure.update(hosts)

    # -- politeness --------------------------------------------------------------------------

    @contextlib.asynccontextmanager
    async def _turn(self, host: str) -> AsyncIterator[None]:
        """A slot of the host and of the whole run, after the minimum delay since the host's last start."""
        slot = self._slots.get(host)
        if slot is None:
            slot = self._slots[host] = HostSlots(self.settings.per_host_concurrency)
        await slot.acquire(PRIORITY.get())
        try:
            async with self._all:
                loop = asyncio.get_running_loop()
                now = loop.time()
                start = max(now, self._next_start.get(host, 0.0), self._paused_until.get(host, 0.0))
                self._next_start[host] = start + self._delays.get(host, self.settings.min_delay)
                if start > now:
                    await asyncio.sleep(start - now)
                yield
        finally:
            slot.release()

    # -- pages -------------------------------------------------------------------------------

    async def get(self, url: str, *, allowed_hosts: frozenset[str] | None, accept: str = "html",
                  max_bytes: int | None = None, robots: bool = True) -> Page | FetchError:
        """GET a page, following redirects only within ``allowed_hosts`` (None: any host, by address).

        The whole of it — robots.txt, redirects, attempts and waits — stays within
        ``settings.request_deadline`` of active time.
        """
        clock = _Clock(self.settings.request_deadline)
        limit = max_bytes or self.settings.max_bytes
        return await self._follow(url, allowed_hosts, accept, limit, clock,
                                  robots=robots and self.respect_robots)

    async def image_head(self, url: str, *, allowed_hosts: frozenset[str] | None = None,
                         robots: bool = True) -> bytes | None:
        """The first bytes of an image (enough for its dimensions), or None.

        With ``allowed_hosts=None`` the image may be on any host (and redirect anywhere), but a host
        that is not a unit's is only connected to at public addresses (see :mod:`netguard`).
        """
        result = await self.get(url, allowed_hosts=allowed_hosts, accept="image",
                                max_bytes=self.settings.max_image_bytes, robots=robots)
        return result.content if isinstance(result, Page) else None

    async def _follow(self, url: str, allowed_hosts: frozenset[str] | None, accept: str, limit: int,
                      clock: _Clock, *, robots: bool) -> Page | FetchError:
        current = url
        for _ in range(self.settings.max_redirects + 1):
            parts = urlsplit(current)
            host = (parts.hostname or "").lower()
            if parts.scheme not in ("http", "https") or not host:
                return FetchError(url=url, kind="off_site", message=f"địa chỉ không phải http(s): {current[:200]}")
            if allowed_hosts is not None and host not in allowed_hosts:
                return FetchError(url=url, kind="off_site", location=current,
                                  message=f"chuyển hướng ra ngoài cổng của đơn vị: {current[:200]}")
            if robots:
                verdict = await self._robots_allow(current, allowed_hosts, clock)
                if isinstance(verdict, FetchError):
                    return verdict
                if not verdict:
                    return FetchError(url=current, kind="robots", message="robots.txt không cho phép truy cập")
            result = await self._fetch(current, limit, accept, clock)
            if isinstance(result, _Redirect):
                current = result.location
                continue
            if isinstance(result, Page):
                result.url, result.final_url = url, current
            elif current != url and result.url == current:
                result = result.model_copy(update={"message": f"{result.message} (sau chuyển hướng từ {url})"})
            return result
        return FetchError(url=url, kind="redirect", message=f"quá {self.settings.max_redirects} lần chuyển hướng")

    async def _fetch(self, url: str, limit: int, accept: str, clock: _Clock) -> Page | FetchError | _Redirect:
        """One URL with its attempts: retries for connection errors, timeouts without answer, 429, 5xx.

        A 429 or 503 with Retry-After is a request to wait, not a failure: the whole host pauses as
        asked (up to ``max_retry_after``) and the attempt is not counted. A longer pause comes back
        as an error carrying ``retry_after``, for the portal to wait out within its own budget.
        """
        s = self.settings
        host = host_of(url)
        outcome: Page | FetchError | _Redirect | None = None
        state = _Attempt()
        attempt = rate_waits = 0
        while attempt < s.attempts:
            if clock.left() <= 0:
                return outcome or FetchError(url=url, kind="timeout",
                                             message=f"quá {s.request_deadline:g} giây cho một trang")
            if attempt and not state.rate_limited:
                wait = self._wait(attempt, state.retry_after)
                if wait is None or clock.left() - wait < _MIN_ATTEMPT_SECONDS:
                    break
                self.stats.retries += 1
                clock.spent += wait
                await asyncio.sleep(wait)
            state = _Attempt()
            async with self._turn(host):
                started = time.monotonic()
                timeout = min(s.page_timeout, clock.left())
                try:
                    outcome = await asyncio.wait_for(self._attempt(url, limit, accept, state), timeout)
                except TimeoutError:
                    seconds = f"{timeout:g}".replace(".", ",")
                    outcome = FetchError(url=url, kind="timeout",
                                         message=f"quá thời gian {seconds} giây cho một trang")
                clock.spent += time.monotonic() - started
            if not (isinstance(outcome, FetchError) and self._retryable(outcome, state)):
                return outcome
            if state.rate_limited and state.retry_after is not None:
                if state.retry_after > s.max_retry_after:
                    return outcome.model_copy(update={
                        "retry_after": state.retry_after,
                        "message": f"{outcome.message}; máy chủ yêu cầu chờ {state.retry_after:g} giây"})
                if rate_waits < _MAX_RATE_LIMIT_WAITS:
                    rate_waits += 1
                    self.stats.retries += 1
                    self._pause(host, state.retry_after)
                    continue  # a wait the server asked for is not a failed attempt
            state.rate_limited = False
            attempt += 1
        assert outcome is not None
        return outcome

    def _pause(self, host: str, seconds: float) -> None:
        """No request to ``host`` starts for ``seconds`` (plus a little jitter)."""
        until = asyncio.get_running_loop().time() + seconds + random.uniform(0, 0.1 * seconds + 0.05)
        self._paused_until[host] = max(self._paused_until.get(host, 0.0), until)

    @staticmethod
    def _retryable(error: FetchError, state: _Attempt) -> bool:
        if error.kind == "connect":
            return True
        if error.kind == "timeout":
            return not state.responded  # a server that answered but trickles would only trickle again
        return error.kind == "http_status" and error.status in _RETRY_STATUS

    def _wait(self, attempt: int, retry_after: float | None) -> float | None:
        """Seconds before the next attempt; None when the server asks for more than we wait."""
        if retry_after is not None:
            if retry_after > self.settings.max_retry_after:
                return None
            return retry_after + random.uniform(0, 0.1 * retry_after + 0.05)
        base = self.settings.backoff * 2 ** (attempt - 1)
        return base + random.uniform(0, base / 2)

    def _cache_key(self, url: str) -> str:
        # A host sent elsewhere by `resolve` (the simulated district) never shares entries with the
        # real host; its port may change from run to run, the pages it serves do not.
        return f"{url} [resolve]" if host_of(url) in self.resolve else url

    async def _attempt(self, url: str, limit: int, accept: str, state: _Attempt) -> Page | FetchError | _Redirect:
        assert self._client is not None, "Fetcher used outside 'async with'"
        cached = None
        # An image is read only to its first bytes: its entry holds those, never a whole body.
        key = self._cache_key(url) + (" [head]" if accept == "image" else "")
        if self._cache is not None:
            cached = self._cache.get(key)
        self.stats.requests += 1
        try:
            request = self._client.build_request("GET", url, headers=cached.validators() if cached else None)
            response = await self._client.send(request, stream=True)
        except httpx.HTTPError as exc:
            error = _network_error(url, exc)
            if error.kind == "off_site":
                self.stats.blocked += 1
                log.warning("not connecting to %s: %s", url, error.message)
            return error
        except ValueError as exc:  # an URL httpx refuses
            return FetchError(url=url, kind="other", message=f"địa chỉ không hợp lệ: {exc}")
        state.responded = True
        try:
            return await self._read(response, url, limit, accept, state, key, cached)
        except httpx.HTTPError as exc:
            return _network_error(url, exc)
        finally:
            await response.aclose()

    async def _read(self, response: httpx.Response, url: str, limit: int, accept: str, state: _Attempt,
                    key: str, cached: CachedResponse | None) -> Page | FetchError | _Redirect:
        status = response.status_code
        headers = response.headers
        if status in _REDIRECT_STATUS and headers.get("location"):
            return _Redirect(urljoin(url, headers["location"].strip()))
        if status == 304:
            if cached is None:
                return FetchError(url=url, kind="other", status=304, message="máy chủ trả lời 304 không đúng lúc")
            self.stats.not_modified += 1
            if self._cache is not None:
                self._cache.touch(key)
            return self._page(url, 200, cached.content_type, cached.body, accept, transferred=0, from_cache=True)
        if status >= 400:
            state.retry_after = _retry_after(headers.get("retry-after"))
            state.rate_limited = status in _RATE_LIMIT_STATUS and state.retry_after is not None
            return FetchError(url=url, kind="http_status", status=status, message=f"máy chủ trả lời HTTP {status}")
        if status >= 300:
            return FetchError(url=url, kind="redirect", status=status,
                              message=f"chuyển hướng HTTP {status} không có địa chỉ đích")
        content_type = headers.get("content-type", "").lower().strip()
        refused = self._refuse_type(url, status, content_type, accept)
        if refused is not None:
            return refused
        try:
            chain = decoders_for(headers.get("content-encoding", ""))
        except UnsupportedEncoding as exc:
            return FetchError(url=url, kind="other", message=f"mã hóa nội dung không hỗ trợ: {exc}")
        declared = headers.get("content-length", "")
        if not chain and declared.isdigit() and int(declared) > limit and accept != "image":
            return FetchError(url=url, kind="too_large",
                              message=f"trang lớn hơn giới hạn {limit:,} byte ({int(declared):,} byte)")
        body = bytearray()
        transferred = 0
        async for raw in self._raw_chunks(response, chain):
            transferred += len(raw)
            self.stats.bytes_received += len(raw)
            try:
                data, full = decode_chunk(chain, raw, limit - len(body) + 1)
            except Exception as exc:  # zlib.error and friends: a broken compressed body
                return FetchError(url=url, kind="other", message=f"nội dung nén bị hỏng: {exc}")
            if full:
                if accept == "image":
                    body += data[: limit - len(body)]
                    break
                return FetchError(url=url, kind="too_large",
                                  message=f"trang lớn hơn giới hạn {limit:,} byte (đã dừng đọc)")
            body += data
        raw_body = bytes(body)
        page = self._page(url, status, content_type, raw_body, accept, transferred=transferred)
        if self._cache is not None and status == 200:
            self._cache.put(key, etag=headers.get("etag"), last_modified=headers.get("last-modified"),
                            content_type=content_type, body=raw_body)
        return page

    @staticmethod
    async def _raw_chunks(response: httpx.Response, chain: list[Decoder]) -> AsyncIterator[bytes]:
        """The body as received; a response a custom transport already read comes decoded."""
        if response.is_stream_consumed:
            chain.clear()
            yield response.content
            return
        async for raw in response.aiter_raw():
            yield raw

    @staticmethod
    def _refuse_type(url: str, status: int, content_type: str, accept: str) -> FetchError | None:
        if not content_type:
            return None
        if accept == "html" and not content_type.startswith(_HTML_TYPES):
            return FetchError(url=url, kind="not_html", status=status,
                              message=f"không phải trang HTML ({content_type[:80]})")
        if accept == "feed" and not any(t in content_type for t in _FEED_TYPES):
            return FetchError(url=url, kind="not_html", status=status,
                              message=f"không phải RSS/XML ({content_type[:80]})")
        if accept == "image" and not content_type.startswith(_IMAGE_TYPES):
            return FetchError(url=url, kind="not_html", status=status,
                              message=f"không phải ảnh ({content_type[:80]})")
        return None

    @staticmethod
    def _page(url: str, status: int, content_type: str, body: bytes, accept: str, *, transferred: int,
              from_cache: bool = False) -> Page:
        image = accept == "image"
        return Page(url=url, final_url=url, status=status, content_type=content_type,
                    text="" if image else decode_text(body, content_type), size=len(body),
                    content=body if image else b"", transferred=transferred, from_cache=from_cache)

    # -- robots.txt --------------------------------------------------------------------------

    async def _robots_allow(self, url: str, allowed_hosts: frozenset[str] | None,
                            clock: _Clock) -> bool | FetchError:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
        lock = self._robots_lock.setdefault(origin, asyncio.Lock())
        async with lock:
            known = self._robots.get(origin)
            if known is None:
                self._robots[origin] = await self._load_robots(origin, allowed_hosts, clock)
            elif known.passing and known.loads < _ROBOTS_LOADS:
                # It failed for a passing reason: read it again before giving the portal up.
                again = await self._load_robots(origin, allowed_hosts, clock)
                again.loads = known.loads + 1
                self._robots[origin] = again
        entry = self._robots[origin]
        if entry.error is not None:
            error = entry.error
            return FetchError(url=url, kind=error.kind, status=error.status,
                              message=f"không đọc được {origin}/robots.txt nên không truy cập: {error.message}")
        return entry.rules is None or entry.rules.can_fetch(url, self.settings.user_agent)

    async def _load_robots(self, origin: str, allowed_hosts: frozenset[str] | None, clock: _Clock) -> _Robots:
        """robots.txt of an origin: 4xx means none; 5xx, 429 or no connection means stay away."""
        result = await self._follow(origin + "/robots.txt", allowed_hosts, "any", _ROBOTS_MAX_BYTES, clock,
                                    robots=False)
        if isinstance(result, Page):
            if result.status != 200:
                return _Robots()
            rules = Protego.parse(result.text)
            delay = rules.crawl_delay(self.settings.user_agent)
            if delay:
                host = host_of(origin)
                chosen = min(float(delay), self.settings.max_crawl_delay)
                self._delays[host] = max(self.settings.min_delay, chosen)
            return _Robots(rules=rules)
        if result.kind in _UNREACHABLE or (result.kind == "http_status" and result.status in _RETRY_STATUS):
            return _Robots(error=result)
        return _Robots()  # 404, 403, an off-site redirect, an oversized file: no rules
