"""One portal's crawl session: its hosts, canonical URLs, page cap and time budget, and an in-run memo.

Every page of a portal goes through :meth:`PortalSession.page`, which fetches each URL at most once
per run: sections, listings and posts that meet the same URL share one request (and one parse, in
:meth:`PortalSession.view`). Parsing runs in a worker thread, so a large page never stalls the
other portals' requests.
"""

from __future__ import annotations

import asyncio
import logging
import re
import time
from dataclasses import dataclass, field
from functools import lru_cache
from urllib.parse import unquote, urlsplit, urlunsplit

from camthuy_audit.config import CrawlSettings
from camthuy_audit.extract.menu import MenuTemplate
from camthuy_audit.extract.page import PageView
from camthuy_audit.fetch import IMAGE, PAGE, PRIORITY, Fetcher, Page, host_of
from camthuy_audit.models import FetchError
from camthuy_audit.parsing import analyze_page

log = logging.getLogger(__name__)

ImageHead = bytes          # the first bytes of an image
_MAX_REPEATED_PAGES = 30   # pages whose content repeats another URL's, before the portal is a trap
_MAX_RATE_LIMIT_WAITS = 3  # times one page waits out a long Retry-After inside the portal's budget


@dataclass(frozen=True)
class Target:
    """What to crawl: a unit id, its main URL and other host names of the same portal."""

    unit_id: str
    url: str
    aliases: tuple[str, ...] = ()
    ignore_robots: bool = False   # per-unit switches from config (logged, noted in the session)
    insecure_tls: bool = False

    @property
    def hosts(self) -> frozenset[str]:
        return _hosts(self.url, self.aliases)


@lru_cache(maxsize=4096)
def _hosts(url: str, aliases: tuple[str, ...]) -> frozenset[str]:
    hosts = {host_of(u) for u in (url, *aliases)}
    return frozenset(hosts | {f"www.{h}" for h in hosts} | {h.removeprefix("www.") for h in hosts})


# Query and path parameters that carry a session, not content: stripped from canonical URLs.
_SESSION_PARAMS = frozenset({"jsessionid", "phpsessid", "aspsessionid", "cfid", "cftoken", "zenid", "oscsid"})
# Generic names ("sid") are a session only with a token-like value: "?sid=12" may well be a story id.
_MAYBE_SESSION_PARAMS = frozenset({"sid", "sessionid", "session_id", "session", "sess", "s"})
_TOKEN = re.compile(r"^[0-9A-Za-z_-]{16,}$")
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#;]*", re.IGNORECASE)


def _is_session_param(pair: str) -> bool:
    name, _, value = pair.partition("=")
    name = unquote(name).strip().lower()
    if name in _SESSION_PARAMS or name.startswith("aspsessionid"):
        return True
    return name in _MAYBE_SESSION_PARAMS and bool(_TOKEN.match(unquote(value)))


def strip_session(path: str, query: str) -> tuple[str, str]:
    """Path and query without session ids (``;jsessionid=…``, ``PHPSESSID=…``, token-like ``sid=…``)."""
    path = _PATH_SESSION.sub("", path)
    if query:
        pairs = query.split("&")
        kept = [p for p in pairs if p and not _is_session_param(p)]
        if len(kept) != len(pairs):
            query = "&".join(kept)
    return path, query


@dataclass
class PortalSession:
    """One portal's crawl: page cap, time budget, canonical URLs, recorded errors, the page memo.

    Past the page cap or the time budget a page is refused, and ``cut_short`` says why (the post
    count then is unknown, never a lower number).
    """

    target: Target
    fetcher: Fetcher
    settings: CrawlSettings
    started: float = field(default_factory=time.monotonic)
    pages: int = 0
    bytes: int = 0
    errors: list[FetchError] = field(default_factory=list)
    cut_short: str | None = None
    notes: list[str] = field(default_factory=list)  # config switches used for this unit, for the report
    repeated: int = 0                                # pages whose content another URL already gave
    skip: frozenset[str] = frozenset()               # menu entries: never items of a listing
    menu: MenuTemplate | None = None                 # where the home page's menu sits (other pages)
    redirected: dict[str, str] = field(default_factory=dict)  # canonical URL -> canonical final URL
    # Whether a long Retry-After is waited out here: not for the home page, whose portal is rather
    # put back in the queue (see audit.py) so that it holds no turn while it waits.
    patient: bool = False
    _digests: dict[int, str] = field(default_factory=dict, repr=False)
    _canonical: dict[str, str] = field(default_factory=dict, repr=False)
    _pages: dict[tuple[str, str], asyncio.Task[Page | FetchError]] = field(default_factory=dict, repr=False)
    _views: dict[str, asyncio.Task[PageView | FetchError]] = field(default_factory=dict, repr=False)

    def __post_init__(self) -> None:
        self.fetcher.register_portal(self.target.hosts, insecure_tls=self.target.insecure_tls)
        if self.target.ignore_robots:
            self.notes.append("Không áp dụng robots.txt của cổng theo cấu hình (ignore_robots = true)")
            log.warning("%s: robots.txt ignored by configuration (ignore_robots = true)", self.target.unit_id)
        if self.target.insecure_tls:
            self.notes.append("Không kiểm tra chứng chỉ TLS của cổng theo cấu hình (insecure_tls = true)")
            log.warning("%s: TLS certificates not verified by configuration (insecure_tls = true)",
                        self.target.unit_id)

    def is_own(self, url: str) -> bool:
        return host_of(url) in self.target.hosts

    def canonical(self, url: str) -> str:
        """Aliases mapped to the main host and scheme; no fragment; no session ids."""
        known = self._canonical.get(url)
        if known is not None:
            return known
        main = urlsplit(self.target.url)
        parts = urlsplit(url)
        path, query = strip_session(parts.path or "/", parts.query)
        if self.is_own(url):
            found = urlunsplit((main.scheme, main.netloc, path or "/", query, ""))
        else:
            found = urlunsplit((parts.scheme, parts.netloc.lower(), path or "/", query, ""))
        self._canonical[url] = found   # the same links come back on every page of the portal
        return found

    def final(self, url: str) -> str:
        """The canonical URL a link ends at, when the run already followed its redirect."""
        canonical = self.canonical(url)
        return self.redirected.get(canonical, canonical)

    def _memo(self, url: str) -> str:
        """The key under which a page is fetched once: its final URL, a trailing slash aside
        ("/tin-tuc" and "/tin-tuc/" are one page on every server that answers both, one by a redirect)."""
        final = self.final(url)
        parts = urlsplit(final)
        if len(parts.path) > 1 and parts.path.endswith("/"):
            return urlunsplit((parts.scheme, parts.netloc, parts.path.rstrip("/"), parts.query, ""))
        return final

    def elapsed(self) -> float:
        return time.monotonic() - self.started

    def left(self) -> float:
        return max(0.0, self.settings.portal_budget - self.elapsed())

    def _refusal(self, url: str) -> FetchError | None:
        if self.pages >= self.settings.max_pages:
            self.cut_short = f"đạt giới hạn {self.settings.max_pages} trang cho một cổng"
        elif self.elapsed() >= self.settings.portal_budget:
            self.cut_short = f"hết thời gian {self.settings.portal_budget:g} giây cho một cổng"
        elif self.repeated > _MAX_REPEATED_PAGES:
            self.cut_short = f"quá {_MAX_REPEATED_PAGES} trang trùng nội dung với trang khác (bẫy thu thập)"
        else:
            return None
        return FetchError(url=url, kind="budget", message=self.cut_short)

    async def page(self, url: str, *, accept: str = "html", priority: int = PAGE) -> Page | FetchError:
        """A page of the portal (``accept="feed"`` for RSS/XML), fetched at most once per run.

        A URL already seen redirecting is asked for at its end (one request for both). ``priority``
        orders the requests waiting for the host (see :data:`camthuy_audit.fetch.PRIORITY`)."""
        key = (self._memo(url), accept)
        task = self._pages.get(key)
        if task is None:
            refused = self._refusal(url)
            if refused is not None:
                return refused
            self.pages += 1
            task = self._pages[key] = asyncio.ensure_future(self._fetch(url, key[0], accept, priority))
        return await asyncio.shield(task)

    async def _fetch(self, url: str, asked_as: str, accept: str, priority: int) -> Page | FetchError:
        """Fetch ``url``, stored in the memo under ``asked_as`` (its memo key when it was asked for)."""
        PRIORITY.set(priority)   # this task's own context: its requests wait in this order
        result: Page | FetchError = FetchError(url=url, kind="budget", message="")
        for _ in range(_MAX_RATE_LIMIT_WAITS + 1):
            fetch = self.fetcher.get(url, allowed_hosts=self.target.hosts, accept=accept,
                                     robots=not self.target.ignore_robots)
            try:
                result = await asyncio.wait_for(fetch, self.left())
            except TimeoutError:
                self.cut_short = f"hết thời gian {self.settings.portal_budget:g} giây cho một cổng"
                result = FetchError(url=url, kind="budget", message=self.cut_short)
            wait = result.retry_after if isinstance(result, FetchError) else None
            if wait is None or not self.patient or wait >= self.left():
                break
            # The server asked for a longer pause than one request waits: wait it out within the
            # portal's budget (other portals go on meanwhile), then ask again.
            log.info("%s asks to wait %.0f s before %s", host_of(url), wait, url)
            await asyncio.sleep(wait)
        if isinstance(result, FetchError):
            if not result.gone:
                self.errors.append(result)
            return result
        self.bytes += result.size
        final = self.canonical(result.final_url)
        if final != self.canonical(url):
            self.redirected[self.canonical(url)] = final
            # The end of a redirect is that page: a link straight to it is not fetched again.
            this = self._pages.get((asked_as, accept))
            if this is not None:
                self._pages.setdefault((self._memo(final), accept), this)
        self._note_repeat(result)
        return result

    def _note_repeat(self, page: Page) -> None:
        digest = hash(page.text)   # within one run: a repeat of another URL's page, not a signature
        canonical = self.canonical(page.final_url)
        first = self._digests.setdefault(digest, canonical)
        if first != canonical:
            self.repeated += 1

    async def image_head(self, url: str) -> ImageHead | None:
        """The first bytes of a banner image: own hosts, or other hosts at public addresses only."""
        if self.elapsed() >= self.settings.portal_budget:
            return None
        PRIORITY.set(IMAGE)   # called in its own task (see crawl.probe_banners): nothing waits on it
        own = self.is_own(url)
        fetch = self.fetcher.image_head(url, allowed_hosts=self.target.hosts if own else None,
                                        robots=not (own and self.target.ignore_robots))
        try:
            return await asyncio.wait_for(fetch, self.left())
        except TimeoutError:
            return None

    async def view(self, url: str, *, full: bool = False, priority: int = PAGE) -> PageView | FetchError:
        """A page read (parsed in a worker thread), at most once per run; ``full`` for the home page."""
        key = f"{self._memo(url)} full" if full else self._memo(url)
        task = self._views.get(key)
        if task is None:
            task = self._views[key] = asyncio.ensure_future(self._read(url, full, priority))
        return await asyncio.shield(task)

    def cancel(self, url: str) -> None:
        """Stop reading a page asked for ahead that turned out not to be needed (if not done yet)."""
        key = self._memo(url)
        for task in (self._views.get(key), self._pages.get((key, "html"))):
            if task is not None and not task.done():
                task.cancel()

    async def _read(self, url: str, full: bool, priority: int) -> PageView | FetchError:
        result = await self.page(url, priority=priority)
        if isinstance(result, FetchError):
            return result
        try:
            return await analyze_page(result.text, result.final_url, self.target.hosts, skip=self.skip,
                                      full=full, template=self.menu)
        except Exception as exc:  # malformed HTML must never stop the audit
            error = FetchError(url=url, kind="parse", message=f"không đọc được trang: {exc}")
            self.errors.append(error)
            return error
