"""Crawl one portal into a PortalSnapshot: the home page, its navigation, the pages it leads to, posts.

The crawler gathers and never judges. It records the home page's navigation (main menu at every
level, side-column category lists, footer and top-bar links, banners leading into the portal) and
reads every page of the portal that navigation leads to — its heading, title, breadcrumb, items,
contacts and opening text — so that the rules, not the crawler, decide which page is which section
(a menu entry "Văn bản" whose page is headed "Văn bản pháp quy" included). Links in the body of the
home page (news items) and banners leading off the portal are not navigation. Those pages are read
once: the post scan, which reads every category as a listing, shares them through the session's
memo. Fetch failures are recorded, and a post count that could not be completed is marked
incomplete with the reason.
"""

from __future__ import annotations

import asyncio
import io
import re
from collections.abc import Iterator
from datetime import datetime
from urllib.parse import urlsplit

import imagesize

from camthuy_audit.config import CrawlSettings
from camthuy_audit.extract.html import is_click_counter, is_file_url, is_home_link
from camthuy_audit.extract.menu import flatten
from camthuy_audit.extract.page import CATEGORY_WORDS, PageView
from camthuy_audit.fetch import FIRST, Fetcher
from camthuy_audit.models import Banner, FetchError, MenuItem, NavLink, NavWhere, PageFacts, PortalSnapshot
from camthuy_audit.postscan import scan_posts
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.session import PortalSession, Target

__all__ = ["PortalCrawl", "PortalSession", "Target", "crawl_portal", "navigation"]

_MAX_BANNER_PROBES = 40
_MAX_NAV_PAGES = 120       # navigation pages read per portal (menus of real portals hold 20-60)
_MAX_PAGE_ITEMS = 30       # items kept per page in the snapshot (their count is kept whole)
_TEXT_START = 600          # characters of a page's own text kept for the rules
_SIDE_LABEL_WORDS = 10     # a longer side-column link is a post title, not a category
_MENU_WHERE: tuple[NavWhere, ...] = ("menu", "submenu", "menu_deep")
# Links that lead to a function of the site, never to a section of content.
_NOT_A_SECTION = re.compile(r"(^|[/=_.-])(login|logout|dang-?nhap|dang-?xuat|dang-?ky|register|search|tim-?kiem"
                            r"|print|in-?bai|rss|feed|sitemap|so-?do-?site)([/=_.?-]|$)", re.I)


# --- navigation ------------------------------------------------------------------------------


def _menu_links(items: list[MenuItem], depth: int = 0, parent: str = "") -> Iterator[NavLink]:
    where = _MENU_WHERE[min(depth, 2)]
    for item in items:
        if item.url:
            yield NavLink(url=item.url, label=item.label, title=item.title, where=where, group=parent)
        yield from _menu_links(item.children, depth + 1, item.label or item.title)


def navigation(session: PortalSession, home: PageView) -> list[NavLink]:
    """Every navigation link of the home page, best place first, one per (URL, place)."""
    found: list[NavLink] = list(_menu_links(home.menu))
    pictures = {b.link_url for b in home.banners if b.link_url}   # image links: banners, judged as such
    for section in home.side_sections:
        for link in section.links:
            if link.url in pictures:
                continue
            if link.label and (section.category_list or len(link.label.split()) <= _SIDE_LABEL_WORDS):
                found.append(NavLink(url=link.url, label=link.label, title=link.title, where="side",
                                     group=section.title))
    for on_page in home.links:
        link = on_page.link
        if link.url in pictures:
            continue
        if on_page.where == "side" and link.label and len(link.label.split()) <= _SIDE_LABEL_WORDS:
            found.append(NavLink(url=link.url, label=link.label, title=link.title, where="side"))
        elif on_page.where in ("footer", "top") and link.label:
            found.append(NavLink(url=link.url, label=link.label, title=link.title, where=on_page.where))
    for banner in home.banners:
        # A banner leading into the portal may be how it links a category; one leading elsewhere is not.
        if banner.link_url and session.is_own(banner.link_url):
            found.append(NavLink(url=banner.link_url, label=banner.alt or banner.text or banner.title,
                                 title=banner.title, where="banner", group=banner.zone))
    result: list[NavLink] = []
    seen: set[tuple[str, str]] = set()
    for nav_link in found:
        own = session.is_own(nav_link.url)
        url = session.canonical(nav_link.url)
        if (url, nav_link.where) in seen:
            continue
        seen.add((url, nav_link.where))
        result.append(nav_link.model_copy(update={"url": url, "href": nav_link.url, "own": own}))
    return result


def pages_to_read(session: PortalSession, home: PageView, nav: list[NavLink]) -> dict[str, str]:
    """The pages of the portal the navigation leads to (not files, not the home page, not functions):
    canonical URL -> the URL to fetch.

    A banner linked through the portal's click counter (``/banners/click/?id=3``) is left out: it
    leads to another site, and where it ends is read only when it can decide a check
    (:meth:`PortalCrawl.read_more`, asked for by the rules' :func:`~camthuy_audit.rules.pages_wanted`).
    A banner linking a page of the portal itself (a category) is read like any navigation.
    """
    # The home page and its other addresses: where a "Trang chủ" link leads (/web/trang-chu).
    homes = {session.canonical(home.url), session.canonical(session.target.url)}
    homes |= {link.url for link in nav if link.own and is_home_link(link.label or link.title)}
    not_banner = {link.url for link in nav if link.where != "banner"}
    urls: dict[str, str] = {}
    for link in nav:
        if not link.own or link.url in homes or is_file_url(link.url) or link.url in urls:
            continue
        if link.url not in not_banner and is_click_counter(link.href or link.url):
            continue
        parts = urlsplit(link.url)
        if _NOT_A_SECTION.search(parts.path + "?" + parts.query):
            continue
        urls[link.url] = link.href or link.url
        if len(urls) >= _MAX_NAV_PAGES:
            break
    return urls


def page_facts(url: str, view: PageView | FetchError) -> PageFacts:
    """What a navigation page holds, for the rules."""
    if isinstance(view, FetchError):
        return PageFacts(url=url, status=view.status, error=view)
    items = view.page_items()
    return PageFacts(url=url, final_url=view.url, status=200, heading=view.heading, title=view.title,
                     breadcrumb=view.breadcrumb, items=items[:_MAX_PAGE_ITEMS], item_count=len(items),
                     phones=view.phones[:20], emails=view.emails[:20], text_length=len(view.content_text),
                     text_start=view.content_text[:_TEXT_START], article_date=view.date,
                     redirect_to=view.redirect_to)


async def read_pages(session: PortalSession, urls: dict[str, str]) -> dict[str, PageFacts]:
    views = await asyncio.gather(*(session.view(href) for href in urls.values()))
    return {url: page_facts(url, view) for url, view in zip(urls, views, strict=True)}


def banner_targets(session: PortalSession, banners: list[Banner], pages: dict[str, PageFacts]) -> None:
    """Where each banner's link ends, when it goes through the portal's click counter or a redirect.

    A banner "image banner" whose link is ``/banners/click/?id=3`` says what it is only where the
    click leads (the national feedback system, say): a clerk clicks it, so we read it too.
    """
    for banner in banners:
        if not banner.link_url or not session.is_own(banner.link_url):
            continue
        page = pages.get(session.canonical(banner.link_url))
        if page is None:
            continue
        if page.redirect_to:
            banner.target_url = page.redirect_to
        elif page.error is not None and page.error.location:
            banner.target_url = page.error.location
        elif page.final_url and session.canonical(page.final_url) != page.url:
            banner.target_url = page.final_url


# --- banners ---------------------------------------------------------------------------------


async def probe_banners(session: PortalSession, banners: list[Banner]) -> None:
    """Read the first bytes of each banner image once: its size when the HTML does not give it, and
    the bytes themselves (a thumbnail for the staff report when the whole image fits).

    Images on the unit's own hosts, or on other hosts that resolve to public addresses only (never
    an address inside the auditor's network: see :mod:`camthuy_audit.netguard`).
    """
    todo = [b for b in banners if urlsplit(b.image_url).scheme in ("http", "https")]
    heads: dict[str, asyncio.Task[bytes | None]] = {}

    async def probe(banner: Banner) -> None:
        if banner.image_url not in heads:
            heads[banner.image_url] = asyncio.ensure_future(session.image_head(banner.image_url))
        head = await asyncio.shield(heads[banner.image_url])
        if not head:
            return
        banner.image_bytes = head
        if banner.width and banner.height:
            return
        try:
            width, height = imagesize.get(io.BytesIO(head))
        except Exception:
            return
        if width > 0 and height > 0:
            banner.width, banner.height, banner.size_source = width, height, "image"

    await asyncio.gather(*(probe(b) for b in todo[:_MAX_BANNER_PROBES]))


# --- the portal ------------------------------------------------------------------------------


def _category_urls(session: PortalSession, home: PageView) -> tuple[frozenset[str], frozenset[str]]:
    """Menu entries (categories, never counted as posts nor listed as items), and the short links of
    the side columns (categories too, unless a listing shows them with a date: a short post title)."""
    def both(urls: list[str]) -> frozenset[str]:
        return frozenset(urls) | {session.canonical(u) for u in urls}

    menu = [i.url for i in flatten(home.menu) if i.url]
    side = [link.url for section in home.side_sections for link in section.links
            if 1 <= len(link.label.split()) <= CATEGORY_WORDS]
    return both(menu), both(side)


class PortalCrawl:
    """One portal's crawl: :meth:`snapshot` gathers everything the checks need; :meth:`read_more`
    reads the pages the rules still want (a banner's click-through, say) into a new snapshot;
    :meth:`close` lets the portal's connections go."""

    def __init__(self, target: Target, fetcher: Fetcher, settings: CrawlSettings, quarter: Quarter) -> None:
        self.target, self.fetcher, self.quarter = target, fetcher, quarter
        self.session = PortalSession(target, fetcher, settings)
        self._home: PageView | None = None
        self._snapshot: PortalSnapshot | None = None

    async def snapshot(self) -> PortalSnapshot:
        session, target = self.session, self.target
        fetched_at = datetime.now(VN_TZ)
        home = await session.view(target.url, full=True, priority=FIRST)
        if isinstance(home, FetchError):
            self._snapshot = PortalSnapshot(
                unit_id=target.unit_id, url=target.url, fetched_at=fetched_at, reachable=False, home_error=home,
                errors=session.errors, notes=session.notes, pages_fetched=session.pages)
            return self._snapshot
        self._home = home
        session.skip, side_links = _category_urls(session, home)
        session.menu = home.menu_template
        session.patient = True
        nav = navigation(session, home)
        to_read = pages_to_read(session, home, nav)
        # The menu's pages at once; links of the side columns, footer and top bar once the posts are
        # known: a post linked there ("Tin mới") is not read as a page (a rule that needs it asks).
        menu_urls = {link.url for link in nav if link.where in _MENU_WHERE or link.where == "banner"}
        first = {url: href for url, href in to_read.items() if url in menu_urls}
        pages, posts, _ = await asyncio.gather(read_pages(session, first),
                                               scan_posts(session, home, self.quarter, side_links),
                                               probe_banners(session, home.banners))
        known_posts = {session.canonical(p.url) for p in posts.posts} | {session.canonical(u) for u in posts.undated}
        then = {url: href for url, href in to_read.items()
                if url not in first and url not in known_posts and session.final(url) not in known_posts}
        pages.update(await read_pages(session, then))
        banner_targets(session, home.banners, pages)
        other_nav = [lp.link for lp in home.links if lp.where in ("top", "footer")]
        self._snapshot = PortalSnapshot(
            unit_id=target.unit_id, url=target.url, final_url=home.url, fetched_at=fetched_at, reachable=True,
            platform=home.platform, platform_hints=home.platform_hints, home_title=home.title, menu=home.menu,
            menu_source=home.menu_source, menu_confident=home.menu_confident, menu_signals=home.menu_signals,
            other_nav=other_nav, nav=nav, banners=home.banners, side_sections=home.side_sections,
            footer_text=home.footer_text, pages=pages, posts=posts, errors=session.errors, notes=session.notes,
            pages_fetched=session.pages, bytes_fetched=session.bytes,
        )
        return self._snapshot

    async def read_more(self, urls: list[str]) -> PortalSnapshot:
        """The snapshot with these pages of the portal read too (banner targets updated)."""
        snapshot, session = self._snapshot, self.session
        assert snapshot is not None and self._home is not None, "read_more() before snapshot()"
        todo = {session.canonical(u): u for u in urls if session.is_own(u)
                and session.canonical(u) not in snapshot.pages}
        if not todo:
            return snapshot
        pages = {**snapshot.pages, **await read_pages(session, todo)}
        banner_targets(session, self._home.banners, pages)
        self._snapshot = snapshot.model_copy(update={
            "pages": pages, "banners": self._home.banners, "errors": session.errors,
            "pages_fetched": session.pages, "bytes_fetched": session.bytes})
        return self._snapshot

    async def close(self) -> None:
        await self.fetcher.release_portal(self.target.hosts)


async def crawl_portal(target: Target, fetcher: Fetcher, settings: CrawlSettings, quarter: Quarter) -> PortalSnapshot:
    """The portal's snapshot with every banner click-through read, whatever the rules would ask.

    Audits use :func:`camthuy_audit.audit.crawl_and_judge`, which reads only the pages the rules
    ask for (:func:`camthuy_audit.rules.pages_wanted`); this reads them all, for tests and tools
    that want the whole snapshot without judging it."""
    crawl = PortalCrawl(target, fetcher, settings, quarter)
    try:
        snapshot = await crawl.snapshot()
        if snapshot.reachable:
            snapshot = await crawl.read_more([link.href or link.url for link in snapshot.nav
                                              if link.where == "banner" and link.own])
        return snapshot
    finally:
        await crawl.close()
