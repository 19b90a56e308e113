"""Crawl one portal into a PortalSnapshot: home page, section pages, every post of the quarter.

The crawler gathers and never judges: fetch failures are recorded in the snapshot, and a post
count that could not be completed is marked incomplete with the reason.
"""

from __future__ import annotations

import asyncio
import hashlib
import io
import logging
import re
import time
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from urllib.parse import unquote, urlsplit, urlunsplit

import imagesize

from camthuy_audit.config import CrawlSettings, RulesConfig
from camthuy_audit.extract.feeds import FeedEntry, parse_feed
from camthuy_audit.extract.html import is_file_url
from camthuy_audit.extract.menu import flatten
from camthuy_audit.extract.page import LinkOnPage, PageView, analyze
from camthuy_audit.fetch import Fetcher, Page, host_of
from camthuy_audit.models import Banner, FetchError, Link, PortalSnapshot, Post, PostScan, SectionPage
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.vntext import Matcher, fold

log = logging.getLogger(__name__)

_WHERE_RANK = {"menu": 0, "side": 1, "page": 2, "top": 3, "footer": 4}
_MAX_LISTING_PAGES = 300
_MAX_BANNER_PROBES = 40
_MAX_SECTION_WORDS = 10
_MAX_FEEDS = 5
_MAX_LISTING_DEPTH = 2     # category -> sub-category -> sub-sub-category
_MAX_DISCOVERED = 60       # category pages found beyond the menu, per portal


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
        hosts = {host_of(u) for u in (self.url, *self.aliases)}
        return frozenset(hosts | {f"www.{h}" for h in hosts} | {h.removeprefix("www.") for h in hosts})


# Query and path parameters that carry a session, not content: stripped from canonical URLs.
_SESSION_PARAMS = frozenset({"jsessionid", "phpsessid", "aspsessionid", "cfid", "cftoken", "zenid", "oscsid"})
# Generic names ("sid") are a session only with a token-like value: "?sid=12" may well be a story id.
_MAYBE_SESSION_PARAMS = frozenset({"sid", "sessionid", "session_id", "session", "sess", "s"})
_TOKEN = re.compile(r"^[0-9A-Za-z_-]{16,}$")
_PATH_SESSION = re.compile(r";(?:jsessionid|phpsessid|sid)=[^/?#;]*", re.IGNORECASE)
_MAX_REPEATED_PAGES = 30   # pages whose content repeats another URL's, before the portal is a trap
ImageHead = bytes          # the first bytes of an image (PortalSession.bytes is a counter)


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
    """One portal's crawl: page cap, time budget, canonical URLs, recorded errors.

    Every page of the portal goes through :meth:`page`: past the page cap or the time budget it is
    refused, and ``cut_short`` says why (the post count then is unknown, never a lower number).
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
    _digests: dict[str, str] = field(default_factory=dict, repr=False)

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
        main = urlsplit(self.target.url)
        parts = urlsplit(url)
        path, query = strip_session(parts.path or "/", parts.query)
        if self.is_own(url):
            return urlunsplit((main.scheme, main.netloc, path or "/", query, ""))
        return urlunsplit((parts.scheme, parts.netloc.lower(), path or "/", query, ""))

    def elapsed(self) -> float:
        return time.monotonic() - self.started

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

    async def _in_budget(self, fetch: Awaitable[Page | FetchError], url: str) -> Page | FetchError:
        """The fetch, stopped when the portal's time budget runs out."""
        try:
            return await asyncio.wait_for(fetch, max(0.0, self.settings.portal_budget - self.elapsed()))
        except TimeoutError:
            self.cut_short = f"hết thời gian {self.settings.portal_budget:g} giây cho một cổng"
            return FetchError(url=url, kind="budget", message=self.cut_short)

    async def page(self, url: str, *, accept: str = "html") -> Page | FetchError:
        """A page of the portal (``accept="feed"`` for RSS/XML), within its caps and budget."""
        refused = self._refusal(url)
        if refused is not None:
            return refused
        self.pages += 1
        fetch = self.fetcher.get(url, allowed_hosts=self.target.hosts, accept=accept,
                                 robots=not self.target.ignore_robots)
        result = await self._in_budget(fetch, url)
        if isinstance(result, FetchError):
            if not result.gone:
                self.errors.append(result)
            return result
        self.bytes += result.size
        self._note_repeat(result)
        return result

    def _note_repeat(self, page: Page) -> None:
        digest = hashlib.blake2b(page.text.encode("utf-8", "surrogatepass"), digest_size=16).hexdigest()
        canonical = self.canonical(page.final_url)
        first = self._digests.setdefault(digest, canonical)
        if first != canonical:
            self.repeated += 1

    async def image_head(self, url: str) -> ImageHead | None:
        """The first bytes of a banner image: own hosts, or other hosts at public addresses only."""
        if self.elapsed() >= self.settings.portal_budget:
            return None
        own = self.is_own(url)
        fetch = self.fetcher.image_head(url, allowed_hosts=self.target.hosts if own else None,
                                        robots=not (own and self.target.ignore_robots))
        try:
            return await asyncio.wait_for(fetch, max(0.0, self.settings.portal_budget - self.elapsed()))
        except TimeoutError:
            return None

    async def view(self, url: str, *, full: bool = False, skip: set[str] | None = None) -> PageView | FetchError:
        result = await self.page(url)
        if isinstance(result, FetchError):
            return result
        try:
            return analyze(result.text, result.final_url, self.is_own, skip=skip, full=full)
        except Exception as exc:  # malformed HTML must never stop the audit
            error = FetchError(url=url, kind="parse", message=f"không đọc được trang: {exc}")
            self.errors.append(error)
            return error


# --- sections --------------------------------------------------------------------------------


def _matching_links(links: Iterable[LinkOnPage], matcher: Matcher, exclude: Matcher | None,
                    is_own: Callable[[str], bool]) -> list[tuple[int, int, LinkOnPage, str]]:
    """Links that match a section's keywords, best first (menu before side before page; text before slug)."""
    found = []
    for index, item in enumerate(links):
        link = item.link
        text = f"{link.label} {link.title}"
        if item.where != "menu" and len(link.label.split()) > _MAX_SECTION_WORDS:
            continue  # a post title that mentions the topic, not the section itself
        if exclude is not None and exclude.find(text):
            continue
        keyword = matcher.find(text)
        by_text = 0
        if keyword is None:
            keyword = matcher.find_in_url(link.url)
            by_text = 1
            if keyword is None or (exclude is not None and exclude.find_in_url(link.url)):
                continue
        rank = _WHERE_RANK.get(item.where, 5) + (0 if is_own(link.url) else 10)
        found.append((rank * 2 + by_text, index, item, keyword))
    found.sort(key=lambda f: (f[0], f[1]))
    return found


async def _section(session: PortalSession, check_id: str, home: PageView, links: list[LinkOnPage],
                   rules: RulesConfig) -> SectionPage:
    rule = rules.sections[check_id]
    matcher = Matcher.of(rule.keywords, rules.abbreviations)
    exclude = Matcher.of(rule.exclude, rules.abbreviations) if rule.exclude else None
    found = _matching_links(links, matcher, exclude, session.is_own)
    if not found:
        return SectionPage(check_id=check_id)
    _, _, best, keyword = found[0]
    candidates = [f[2].link for f in found[1:6]]
    section = SectionPage(check_id=check_id, link=best.link, matched_keyword=keyword, found_in=best.where,
                          candidates=candidates)
    if not session.is_own(best.link.url):
        section.url = best.link.url
        section.error = FetchError(url=best.link.url, kind="off_site",
                                   message="chuyên mục nằm ở trang web khác, không kiểm tra")
        return section
    view = home if session.canonical(best.link.url) == session.canonical(home.url) else \
        await session.view(best.link.url)
    if isinstance(view, FetchError):
        section.url = best.link.url
        section.status = view.status
        section.error = view
        return section
    section.url = view.url
    section.status = 200
    section.items = view.page_items()
    section.phones = view.phones[:20]
    section.emails = view.emails[:20]
    section.text_length = 0 if view.looks_empty else len(view.content_text)
    # No recognised list but real content of its own: a single-article category, not an empty one.
    section.single_article = not section.items and (view.date is not None or section.text_length >= 200)
    return section


# --- posts -----------------------------------------------------------------------------------


def _listing_starts(session: PortalSession, home: PageView) -> list[str]:
    """Category pages to read posts from: menu entries at every level, side-column links, sections."""
    starts: list[str] = []
    for item in flatten(home.menu):
        if item.url:
            starts.append(item.url)
    for section in home.side_sections:
        starts += [link.url for link in section.links]
    listed_posts = {session.canonical(i.url) for i in home.items}
    starts += [lp.link.url for lp in home.links if lp.where in ("menu", "page", "side")
               and session.canonical(lp.link.url) not in listed_posts]
    seen: set[str] = set()
    result = []
    for url in starts:
        canonical = session.canonical(url)
        if session.is_own(url) and canonical not in seen and canonical != session.canonical(home.url):
            seen.add(canonical)
            result.append(url)
    return result


@dataclass
class _PostCollector:
    session: PortalSession
    quarter: Quarter
    posts: dict[str, Post] = field(default_factory=dict)
    listings: list[str] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    listing_seen: set[str] = field(default_factory=set)
    article_seen: set[str] = field(default_factory=set)
    incomplete: list[str] = field(default_factory=list)
    category_urls: set[str] = field(default_factory=set)
    discovered: int = 0
    twins: dict[tuple[str, date], str] = field(default_factory=dict)

    feed_dates: dict[str, tuple[FeedEntry, str]] = field(default_factory=dict)  # post -> (entry, feed URL)

    async def read_feeds(self, urls: list[str]) -> None:
        """Publish dates from the portal's own feeds, to date listing items without opening them."""
        for url in urls[:_MAX_FEEDS]:
            if not self.session.is_own(url):
                continue
            result = await self.session.page(url, accept="feed")
            if isinstance(result, FetchError):
                continue  # a feed is a shortcut, not a source we depend on
            for entry in parse_feed(result.text, result.final_url):
                self.feed_dates.setdefault(self.session.canonical(entry.url), (entry, url))

    def add(self, url: str, title: str, published: datetime, source: str) -> None:
        canonical = self.session.canonical(url)
        # The same post under two URLs (a portal's home and its category often link differently):
        # same title, same day.
        twin = (fold(title), published.astimezone(VN_TZ).date()) if len(title.split()) >= 4 else None
        if twin is not None and canonical not in self.posts:
            if twin in self.twins:
                return
            self.twins[twin] = canonical
        if canonical not in self.posts:
            self.posts[canonical] = Post(url=canonical, title=title, published=published.astimezone(VN_TZ),
                                         source=source)

    async def read_listing(self, start: str, first: PageView | None = None, *, depth: int = 0) -> None:
        """Read a listing and its next pages until they are older than the quarter.

        A failure on a menu/side category or on a later page of a listing makes the count
        incomplete; a failing link that was only a guess (any other link of the home page) does not.
        """
        url: str | None = start
        quarter_start = datetime.combine(self.quarter.start, datetime.min.time(), VN_TZ)
        for page_number in range(_MAX_LISTING_PAGES):
            if url is None:
                return
            canonical = self.session.canonical(url)
            if canonical in self.listing_seen:
                return
            self.listing_seen.add(canonical)
            view = first if first is not None else await self.session.view(url, skip=self.category_urls)
            first = None
            if isinstance(view, FetchError):
                required = page_number > 0 or url in self.category_urls or canonical in self.category_urls
                if required and not view.gone:
                    self.incomplete.append(f"không đọc được trang danh sách {url}: {view.message}")
                return
            if page_number == 0 and depth < _MAX_LISTING_DEPTH:
                await self._follow_subcategories(view, depth)
            if not view.items:
                return
            self.listings.append(view.url)
            dates = await self._date_items(view)
            newest_first = not (len(dates) >= 2 and dates[0] < dates[-1])
            if dates and newest_first and max(dates) < quarter_start:
                return
            if view.script_pager:
                self.incomplete.append(f"các trang sau của danh sách {view.url} chỉ mở được bằng JavaScript")
                return
            url = view.next_page
        self.incomplete.append(f"danh sách {start} có quá {_MAX_LISTING_PAGES} trang")

    async def _follow_subcategories(self, view: PageView, depth: int) -> None:
        """Categories linked from a category page ("Xem thêm", sub-category boxes) that the menu lacks."""
        listed = {self.session.canonical(i.url) for i in view.items}
        found = []
        for link_on_page in view.links:
            link = link_on_page.link
            words = len(link.label.split())
            canonical = self.session.canonical(link.url)
            if (link_on_page.where == "page" and 1 <= words <= 6 and self.session.is_own(link.url)
                    and canonical not in listed and canonical not in self.listing_seen
                    and canonical not in self.category_urls and not is_file_url(link.url)):
                found.append(link.url)
        room = max(0, _MAX_DISCOVERED - self.discovered)
        self.discovered += min(room, len(found))
        await asyncio.gather(*(self.read_listing(u, depth=depth + 1) for u in found[:room]))

    async def _date_items(self, view: PageView) -> list[datetime]:
        dates: list[datetime] = []
        undated = []
        here = self.session.canonical(view.url)
        for item in view.items:
            if item.document:
                continue  # a documents register lists documents, not posts ("tin bài")
            if (own := self.session.canonical(item.url)) == here or own in self.category_urls:
                continue  # a category's own heading link, or another category: not a post
            if item.date is not None:
                self.add(item.url, item.title, item.date, view.url)
                dates.append(item.date)
            elif (canonical := self.session.canonical(item.url)) in self.posts:
                continue
            elif canonical in self.feed_dates:
                entry, feed = self.feed_dates[canonical]
                self.add(item.url, item.title, entry.published, feed)
                dates.append(entry.published)
            else:
                undated.append(item)
        results = await asyncio.gather(*(self._article(item.url, item.title) for item in undated))
        dates += [d for d in results if d is not None]
        return dates

    async def _article(self, url: str, title: str) -> datetime | None:
        canonical = self.session.canonical(url)
        if canonical in self.article_seen:
            post = self.posts.get(canonical)
            return post.published if post else None
        self.article_seen.add(canonical)
        view = await self.session.view(url, skip=self.category_urls)
        if isinstance(view, FetchError):
            if not view.gone:
                self.undated.append(url)
            return None
        if len(view.items) >= 3 and view.next_page:
            # Not an article: a category listed like a post. Read it as a listing.
            await self.read_listing(url, view)
            return None
        if view.date is None:
            self.undated.append(url)
            return None
        self.add(url, title, view.date, url)
        return view.date


async def _scan_posts(session: PortalSession, home: PageView, quarter: Quarter,
                      sections: dict[str, SectionPage]) -> PostScan:
    collector = _PostCollector(session, quarter)
    starts = _listing_starts(session, home)
    # Menu and side-column entries are categories: never count them as posts.
    categories = [i.url for i in flatten(home.menu) if i.url]
    categories += [link.url for section in home.side_sections for link in section.links
                   if 1 <= len(link.label.split()) <= 6]
    collector.category_urls = set(categories) | {session.canonical(u) for u in categories}
    await collector.read_feeds(home.feeds)
    # Posts listed on the home page itself.
    await collector._date_items(home)
    await asyncio.gather(*(collector.read_listing(url) for url in starts))
    reasons = collector.incomplete[:]
    if collector.undated:
        reasons.append(f"{len(collector.undated)} bài không đọc được ngày đăng (vd. {collector.undated[0]})")
    if session.cut_short:
        reasons.insert(0, session.cut_short)
    if not collector.listings and not collector.posts:
        reasons.append("không tìm thấy trang danh sách tin bài nào")
    posts = sorted(collector.posts.values(), key=lambda p: p.published, reverse=True)
    return PostScan(posts=posts, complete=not reasons, incomplete_reason="; ".join(reasons) or None,
                    listings=collector.listings, undated=collector.undated)


# --- banners ---------------------------------------------------------------------------------


async def _probe_banner_sizes(session: PortalSession, banners: list[Banner]) -> None:
    """Read the first bytes of banner images whose size the HTML does not give.

    Images on the unit's own hosts, or on other hosts that resolve to public addresses only (never
    an address inside the auditor's network: see :mod:`camthuy_audit.netguard`).
    """
    todo = [b for b in banners
            if not (b.width and b.height) and urlsplit(b.image_url).scheme in ("http", "https")]

    async def probe(banner: Banner) -> None:
        head = await session.image_head(banner.image_url)
        if not head:
            return
        try:
            width, height = imagesize.get(io.BytesIO(head))
        except Exception:
            return
        if width > 0 and height > 0:
            banner.width, banner.height, banner.size_source = width, height, "image"

    await asyncio.gather(*(probe(b) for b in todo[:_MAX_BANNER_PROBES]))


# --- the portal ------------------------------------------------------------------------------


async def crawl_portal(target: Target, fetcher: Fetcher, settings: CrawlSettings, rules: RulesConfig,
                       quarter: Quarter) -> PortalSnapshot:
    session = PortalSession(target, fetcher, settings)
    fetched_at = datetime.now(VN_TZ)
    home = await session.view(target.url, full=True)
    if isinstance(home, FetchError):
        return PortalSnapshot(unit_id=target.unit_id, url=target.url, fetched_at=fetched_at, reachable=False,
                              home_error=home, errors=session.errors, notes=session.notes,
                              pages_fetched=session.pages)
    links = sorted(home.links, key=lambda lp: _WHERE_RANK.get(lp.where, 5))
    links += [LinkOnPage(Link(url=b.link_url, label=b.alt or b.title, title=b.title), "side")
              for b in home.banners if b.link_url]
    check_ids = [c for c in rules.sections if rules.enabled(c)]
    section_list = await asyncio.gather(*(_section(session, c, home, links, rules) for c in check_ids))
    sections = {s.check_id: s for s in section_list}
    await _probe_banner_sizes(session, home.banners)
    posts = await _scan_posts(session, home, quarter, sections)
    other_nav = [lp.link for lp in home.links if lp.where in ("top", "footer")]
    return PortalSnapshot(
        unit_id=target.unit_id, url=target.url, final_url=home.url, fetched_at=fetched_at, reachable=True,
        platform=home.platform, platform_hints=home.platform_hints, menu=home.menu,
        menu_source=home.menu_source, other_nav=other_nav, banners=home.banners,
        side_sections=home.side_sections, footer_text=home.footer_text, sections=sections, posts=posts,
        errors=session.errors, notes=session.notes, pages_fetched=session.pages, bytes_fetched=session.bytes,
    )
