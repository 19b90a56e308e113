"""Every post of the quarter across a portal: listings followed page by page, dated per item.

A post is one post however many URLs show it: a CMS that files a post in several categories lists
it under one URL per category (and redirects the others to the canonical one), and lists may
shorten its title. Posts are the same when their final URL is, when their URLs end in the same
numbered slug ("…/tap-huan-ky-nang-so-21.html" under two categories), or when title and time agree.
Register rows (documents) are never posts. When a listing cannot be read to its end the count is
incomplete, with the reason; it is never a smaller number.
"""

from __future__ import annotations

import asyncio
import re
from dataclasses import dataclass, field
from datetime import datetime
from urllib.parse import unquote, urlsplit

from camthuy_audit.extract.feeds import FeedEntry, parse_feed
from camthuy_audit.extract.html import is_click_counter, is_file_url, is_home_link
from camthuy_audit.extract.listing import listing_base, page_key, with_page_number
from camthuy_audit.extract.menu import flatten
from camthuy_audit.extract.page import CATEGORY_WORDS, PageView
from camthuy_audit.fetch import ARTICLE, CHAIN, PAGE
from camthuy_audit.models import FetchError, Post, PostScan
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.session import PortalSession
from camthuy_audit.vntext import fold

_MAX_LISTING_PAGES = 300
_MAX_FEEDS = 5
_MAX_LISTING_DEPTH = 2     # category -> sub-category -> sub-sub-category
_MAX_DISCOVERED = 60       # category pages found beyond the menu, per portal
_NUMBERED_SLUG = re.compile(r"^(?=.*[a-z])(?=.*\d{2}).{6,}$")
_GENERIC_NAMES = frozenset({"index", "default", "home", "view", "detail", "details", "chi-tiet", "news"})


def group_pages(session: PortalSession, home: PageView) -> set[str]:
    """Menu entries whose sub-menu holds categories of the portal: a group page ("Tin tức - Sự kiện")
    that usually lists its sub-categories' posts together."""
    groups = set()
    for item in flatten(home.menu):
        if item.url and any(child.url and session.is_own(child.url) for child in item.children):
            groups.add(session.canonical(item.url))
    return groups


def listing_starts(session: PortalSession, home: PageView) -> tuple[list[str], list[str]]:
    """Category pages to read posts from: first the menu at every level and the side column's
    category lists; then the other short links of the side columns and of the page, which may be
    categories the menu lacks or may be posts (read only if no listing showed them as posts)."""
    # A banner through a click counter leads elsewhere: read only when that decides a check.
    pictures = {session.canonical(b.link_url) for b in home.banners if b.link_url and is_click_counter(b.link_url)}
    first = [item.url for item in flatten(home.menu) if item.url and not is_home_link(item.label or item.title)]
    then: list[str] = []
    for section in home.side_sections:
        links = [link.url for link in section.links if session.canonical(link.url) not in pictures]
        (first if section.category_list else then).extend(links)
    not_categories = {session.canonical(i.url) for i in home.items} | pictures
    then += [lp.link.url for lp in home.links if lp.where in ("menu", "page", "side")
             and session.canonical(lp.link.url) not in not_categories and not is_home_link(lp.link.label)]
    seen: set[str] = {session.canonical(home.url)}
    chosen: tuple[list[str], list[str]] = ([], [])
    for kept, urls in zip(chosen, (first, then), strict=True):
        for url in urls:
            canonical = session.canonical(url)
            if session.is_own(url) and canonical not in seen:
                seen.add(canonical)
                kept.append(url)
    return chosen


def _page_after(view: PageView, following: str) -> str | None:
    """The URL of the page after ``following`` (the next page of ``view``): from the pager when it
    lists it, else by the number in the URL (``?page=N``, ``/page/N/``, ``?start=K``)."""
    key = page_key(following)
    if key is None:
        return None
    number = key[1]
    here = page_key(view.url)
    # The first page carries no number: pages count 1, 2, 3 ... or offsets 0, K, 2K ...
    step = number - here[1] if here is not None else 1 if number == 2 else number
    if step <= 0:
        return None
    return view.pager.get(number + step) or with_page_number(following, number + step)


def _numbered_slug(url: str) -> str | None:
    """The last path segment when it names one post by slug and number ("bai-viet-21.html")."""
    segment = unquote(urlsplit(url).path.rstrip("/").rsplit("/", 1)[-1]).lower()
    stem = re.sub(r"\.[a-z0-9]{2,5}$", "", segment)
    if stem in _GENERIC_NAMES or not _NUMBERED_SLUG.match(stem) or "-" not in stem:
        return None
    return segment


def identities(url: str, title: str, published: datetime) -> list[tuple[str, ...]]:
    """The keys under which two listings' entries are one post (any shared key)."""
    keys: list[tuple[str, ...]] = [("url", url)]
    slug = _numbered_slug(url)
    if slug:
        keys.append(("slug", slug))
    local = published.astimezone(VN_TZ)
    words = fold(title)
    if words and (local.hour or local.minute) and len(words.split()) >= 2:
        keys.append(("title-time", words, local.strftime("%Y-%m-%d %H:%M")))
    if len(words.split()) >= 4:
        keys.append(("title-day", words, local.date().isoformat()))
    return keys


@dataclass
class PostCollector:
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
    known: set[tuple[str, ...]] = field(default_factory=set)
    feed_dates: dict[str, tuple[FeedEntry, str]] = field(default_factory=dict)  # post -> (entry, feed URL)
    ahead: list[str] = field(default_factory=list)   # pages asked for ahead of need
    later: list[tuple[str, str]] = field(default_factory=list)   # undated items, dated when still unknown
    seen_in: dict[str, set[str]] = field(default_factory=dict)   # post -> listings that show it
    categories_done: asyncio.Event = field(default_factory=asyncio.Event)
    _feeds: list[str] = field(default_factory=list)
    _feeds_read: asyncio.Task[None] | None = None

    async def feeds(self) -> None:
        """The portal's feeds, read once and only when an item has no date on its listing."""
        if self._feeds_read is None:
            self._feeds_read = asyncio.ensure_future(self._read_feeds())
        await asyncio.shield(self._feeds_read)

    async def _read_feeds(self) -> None:
        """Publish dates from the portal's own feeds, to date listing items without opening them."""
        for url in self._feeds[:_MAX_FEEDS]:
            if not self.session.is_own(url):
                continue
            result = await self.session.page(url, accept="feed")
            if isinstance(result, FetchError):
                continue  # a feed is a shortcut, not a source we depend on
            for entry in parse_feed(result.text, result.final_url):
                self.feed_dates.setdefault(self.session.canonical(entry.url), (entry, url))

    def add(self, url: str, title: str, published: datetime, source: str) -> None:
        canonical = self.session.final(url)
        self.seen_in.setdefault(canonical, set()).add(self.session.canonical(source))
        keys = identities(canonical, title, published)
        if any(key in self.known for key in keys):
            self.known.update(keys)
            return
        self.known.update(keys)
        self.posts[canonical] = Post(url=canonical, title=title, published=published.astimezone(VN_TZ),
                                     source=source)

    def is_known(self, url: str) -> bool:
        final = self.session.final(url)
        slug = _numbered_slug(final)
        return ("url", final) in self.known or (slug is not None and ("slug", slug) in self.known)

    async def read_listing(self, start: str, first: PageView | None = None, *, depth: int = 0,
                           group: bool = False) -> None:
        """Read a listing and its next pages until they are older than the quarter.

        Each next page waits on the one before (its link is there), so while the quarter is not yet
        covered the page after next is asked for ahead when its URL is predictable (the pager lists
        it, or it is ``?page=N``, ``/page/N/``, ``?start=K``) and the dates read so far say the
        listing reaches that far back. A failure on a menu/side category or on a later page of a
        listing makes the count incomplete; a failing link that was only a guess (any other link of
        the home page) does not. ``group``: a group page, paged only when it shows posts of its own
        (after the other categories are read).
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
            view = first if first is not None else await self.session.view(
                url, priority=CHAIN if page_number else PAGE)
            first = None
            if isinstance(view, FetchError):
                required = page_number > 0 or canonical in self.category_urls
                if required and not view.gone:
                    self.incomplete.append(f"không đọc được trang danh sách {url}: {view.message}")
                return
            if page_number == 0 and depth < _MAX_LISTING_DEPTH:
                await self._follow_subcategories(view, depth)
            if not view.items:
                return
            self.listings.append(view.url)
            dates = await self.date_items(view)
            newest_first = not (len(dates) >= 2 and dates[0] < dates[-1])
            if dates and newest_first and max(dates) < quarter_start:
                return
            if page_number == 0 and group and view.next_page:
                # A group page: its next pages are read only if it shows posts its sub-categories
                # do not (known once they are read).
                await self.categories_done.wait()
                if self._only_repeats(view):
                    return
            if view.script_pager:
                self.incomplete.append(f"các trang sau của danh sách {view.url} chỉ mở được bằng JavaScript")
                return
            url = view.next_page
            if url is not None and newest_first:
                self._ask_ahead(view, url, dates, quarter_start)
        self.incomplete.append(f"danh sách {start} có quá {_MAX_LISTING_PAGES} trang")

    def _only_repeats(self, view: PageView) -> bool:
        """Every post this page lists is also listed elsewhere (its sub-categories)."""
        here = self.session.canonical(view.url)
        posts = [i for i in view.items if not i.document and self.session.canonical(i.url) != here
                 and self.session.canonical(i.url) not in self.category_urls]
        return bool(posts) and all(self.seen_in.get(self.session.final(i.url), set()) - {here} for i in posts)

    def _ask_ahead(self, view: PageView, following: str, dates: list[datetime], quarter_start: datetime) -> None:
        """Ask for the page after ``following`` now, when the listing's dates say it will be needed."""
        if len(dates) < 2 or min(dates) < quarter_start:
            return   # this page already reaches the quarter's start: the next one may be the last
        span = max(dates) - min(dates)
        if span.total_seconds() <= 0 or (min(dates) - quarter_start) < span:
            return   # the next page probably covers the rest of the quarter
        after = _page_after(view, following)
        if after is not None and self.session.canonical(after) not in self.listing_seen:
            self.ahead.append(after)
            asyncio.ensure_future(self.session.view(after, priority=CHAIN))

    async def _follow_subcategories(self, view: PageView, depth: int) -> None:
        """Categories linked from a category page ("Xem thêm", sub-category boxes) that the menu lacks."""
        listed = {self.session.canonical(i.url) for i in view.items}
        own_pages = {self.session.canonical(u) for u in view.pager.values()}   # its pager: not a category
        base = listing_base(view.url).rstrip("/")
        found = []
        for link_on_page in view.links:
            link = link_on_page.link
            if link_on_page.where != "page" or not 1 <= len(link.label.split()) <= CATEGORY_WORDS \
                    or not self.session.is_own(link.url):
                continue
            canonical = self.session.canonical(link.url)
            if (canonical in listed or canonical in self.listing_seen or canonical in self.category_urls
                    or canonical in own_pages or is_file_url(link.url)):
                continue
            if page_key(link.url) and listing_base(link.url).rstrip("/") == base:
                continue
            found.append(link.url)
        room = max(0, _MAX_DISCOVERED - self.discovered)
        self.discovered += min(room, len(found))
        await asyncio.gather(*(self.read_listing(u, depth=depth + 1) for u in found[:room]))

    async def date_items(self, view: PageView, *, defer: bool = False) -> list[datetime]:
        """Add the page's posts; the dates it shows (for paging).

        An item without a date on its page is dated later, only if no other listing showed it
        (``defer``, and always when other items of the page have dates to page by): from the
        portal's feeds, else by opening it. A page whose items show no date at all is dated now,
        as paging it needs its dates."""
        dates: list[datetime] = []
        undated = []
        here = self.session.canonical(view.url)
        for item in view.items:
            if item.document:
                continue  # a documents register lists documents, not posts ("tin bài")
            own = self.session.canonical(item.url)
            if own == here or own in self.session.skip or (own in self.category_urls and item.date is None):
                continue  # a category's own heading link, or another category: not a post (a short
                          # side-column link listed with a date is one: a post with a short title)
            if item.date is not None:
                self.add(item.url, item.title, item.date, view.url)
                dates.append(item.date)
            elif self.is_known(item.url):
                self.seen_in.setdefault(self.session.final(item.url), set()).add(here)
            else:
                undated.append(item)
        if undated and (defer or dates):
            self.later += [(item.url, item.title) for item in undated]
            return dates
        dates += await self._date_now([(item.url, item.title) for item in undated], view.url)
        return dates

    async def _date_now(self, items: list[tuple[str, str]], source: str) -> list[datetime]:
        """Dates of items not dated on their listing: from the feeds, else from the item's own page."""
        if not items:
            return []
        await self.feeds()
        dates: list[datetime] = []
        opened = []
        for url, title in items:
            entry = self.feed_dates.get(self.session.canonical(url))
            if entry is not None:
                self.add(url, title, entry[0].published, entry[1])
                dates.append(entry[0].published)
            else:
                self.seen_in.setdefault(self.session.final(url), set()).add(self.session.canonical(source))
                opened.append((url, title))
        results = await asyncio.gather(*(self._article(url, title) for url, title in opened))
        return dates + [d for d in results if d is not None]

    async def date_the_rest(self) -> None:
        """Items no listing dated and no other listing showed: dated now (feeds, then their pages)."""
        while self.later:
            todo, self.later = self.later, []
            await self._date_now([(u, t) for u, t in dict.fromkeys(todo) if not self.is_known(u)], "")

    async def _article(self, url: str, title: str) -> datetime | None:
        canonical = self.session.canonical(url)
        if canonical in self.article_seen:
            post = self.posts.get(self.session.final(url))
            return post.published if post else None
        self.article_seen.add(canonical)
        view = await self.session.view(url, priority=ARTICLE)
        if isinstance(view, FetchError):
            if not view.gone and view.kind != "not_html":  # a feed or a file listed like a post is not one
                self.undated.append(url)
            return None
        if len(view.items) >= 3 and view.next_page:
            # Not an article: a category listed like a post. Read it as a listing.
            await self.read_listing(url, view)
            return None
        if view.date is None:
            self.undated.append(url)
            return None
        self.add(url, title, view.date, view.url)
        return view.date


async def scan_posts(session: PortalSession, home: PageView, quarter: Quarter,
                     side_links: frozenset[str] = frozenset()) -> PostScan:
    """Every post the portal lists, dated; complete only when every listing was read to its end.

    ``side_links``: the side columns' short links (categories, unless a listing dates them)."""
    collector = PostCollector(session, quarter)
    first, then = listing_starts(session, home)
    collector.category_urls = set(session.skip | side_links)
    collector._feeds = home.feeds
    # Posts listed on the home page itself (dated by their listings when those show them).
    await collector.date_items(home, defer=True)
    group_urls = group_pages(session, home)
    groups = [url for url in first if session.canonical(url) in group_urls]

    async def categories() -> None:
        try:
            await asyncio.gather(*(collector.read_listing(url) for url in first if url not in groups))
            # Links that may be categories or posts: a post some listing showed is not read.
            await asyncio.gather(*(collector.read_listing(url) for url in then if not collector.is_known(url)))
        finally:
            collector.categories_done.set()

    await asyncio.gather(categories(), *(collector.read_listing(url, group=True) for url in groups))
    await collector.date_the_rest()
    for url in collector.ahead:   # asked ahead, not needed after all: not read if not yet sent
        if session.canonical(url) not in collector.listing_seen:
            session.cancel(url)
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
