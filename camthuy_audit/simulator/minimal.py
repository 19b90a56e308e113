"""The fewest requests that audit a simulated portal for a quarter, computed from its own content.

A benchmark compares an auditor's requests with this floor. Per portal, each request target
(path and query, as the portal links it) is counted once, even when two sections share it:

1. ``/robots.txt``, once.
2. The home page ``/`` (the thanhhoa platform's ``/web/trang-chu`` is the same page: not counted).
3. One page per section the home page's navigation leads to: every page the main menu links to,
   at every level, and every link of a side-column link block (sections placed in a side column).
   Links that lead nowhere (``#``, ``javascript:``), the home page and the login page are not
   counted; a linked section that answers 404 is (opening it is how a clerk finds it missing).
   Banner targets, top-bar and footer links are not sections and are not counted.
4. The listing pages that hold the quarter's posts: for each category listing with posts dated in
   the quarter (Vietnam time), its pages from the first up to and including the page that holds
   its oldest post of the quarter; never the next page, even when that post ends its page. A
   group page that lists its sub-categories' posts together (the news group, "Tin tức - Sự
   kiện") is a section page (3) but its later pages are not counted: each of its posts is counted
   on its own category's pages. Page 1 is the category's path; page n is ``<path>?page=n`` on
   the thanhhoa platform and ``<path>page-n`` on NukeViet.
5. No article page when the listing shows each post's date (NukeViet always does; the thanhhoa
   platform does unless its unit has ``listing_dates="none"``, as Cẩm Châu and Cẩm Lương). On a
   listing without dates, the article page of each of the quarter's posts it shows is counted,
   and of the posts next to them in the listing's order (the oldest one after the quarter, the
   newest one before it) when those are on the counted pages: their dates bound the others.
6. One read of each banner image's headers (HEAD or the first bytes): every distinct image URL of
   the side-column banners once. The header image, logo and post thumbnails are not counted.

Everything here comes from the simulator's own content model; nothing is fetched or served.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from camthuy_audit.simulator.app import PortalApp
from camthuy_audit.simulator.model import MenuItem, Post, Section, Site
from camthuy_audit.simulator.national import NationalUnit, national_site, national_units
from camthuy_audit.simulator.quarters import FIRST, Period, period, units_in
from camthuy_audit.simulator.structure import NukeVietPaths, Paths
from camthuy_audit.simulator.world import site_for

ROBOTS = "/robots.txt"
HOME = "/"


def minimal_requests(portal: Site | PortalApp, quarter: str = FIRST) -> list[str]:
    """The request targets of the minimal audit of `portal` for `quarter`, in the order above."""
    site = portal.site if isinstance(portal, PortalApp) else portal
    when = period(quarter)
    targets: dict[str, None] = dict.fromkeys((ROBOTS, HOME))
    targets.update(dict.fromkeys(section_pages(site)))
    for section in _categories(site):
        pages, articles = _quarter_pages(site, section, when)
        targets.update(dict.fromkeys(listing_target(site, section, n) for n in range(1, pages + 1)))
        targets.update(dict.fromkeys(post.path for post in articles))
    targets.update(dict.fromkeys(banner_images(site)))
    return list(targets)


def minimal_request_count(portal: Site | PortalApp, quarter: str = FIRST) -> int:
    return len(minimal_requests(portal, quarter))


def district_minimal_requests(quarter: str = FIRST) -> dict[str, list[str]]:
    """Canonical host of each of the 17 units -> its minimal requests for `quarter` (that quarter's state)."""
    return {unit.host: minimal_requests(site_for(unit.id, quarter), quarter) for unit in units_in(quarter)}


def national_minimal_requests(units: int | Iterable[NationalUnit], *, seed: int = 0) -> dict[str, list[str]]:
    """Host -> minimal requests for 2023-Q1, for the first `units` national units of `seed` (or the
    units given). Builds each portal and lets it go: about 5 ms a unit."""
    chosen = national_units(units, seed=seed) if isinstance(units, int) else list(units)
    return {unit.host: minimal_requests(national_site(unit), FIRST) for unit in chosen}


# -- the parts --------------------------------------------------------------------------------------

def section_pages(site: Site) -> list[str]:
    """Pages of the sections the main menu and the side-column link blocks lead to, each once."""
    nukeviet = site.unit.platform == "nukeviet"
    skipped = {HOME, (NukeVietPaths if nukeviet else Paths).home}
    hrefs = [*_menu_hrefs(site.menu),
             *(link.href for block in site.left + site.right if block.kind == "links" for link in block.links)]
    pages: dict[str, None] = {}
    for href in hrefs:
        if not href.startswith("/") or href in skipped:
            continue
        section = site.sections.get(href)
        if section is not None and section.kind == "login":
            continue
        pages[href] = None
    return list(pages)


def listing_target(site: Site, section: Section, number: int) -> str:
    """The request target of page `number` of a category listing, as its pager links it."""
    if number == 1:
        return section.path
    if site.unit.platform == "nukeviet":
        return f"{section.path}page-{number}"
    return f"{section.path}?page={number}"


def listing_pages(site: Site, section: Section, quarter: str = FIRST) -> int:
    """How many of a category's listing pages the minimal set counts for `quarter`: those that hold
    its posts of the quarter (0: none, and for a group page or a page that is not a listing)."""
    if section.kind != "posts":
        return 0
    return _quarter_pages(site, section, period(quarter))[0]


def banner_images(site: Site) -> list[str]:
    """Distinct image paths of the side-column banners, in page order."""
    return list(dict.fromkeys(banner.image.path for block in site.left + site.right if block.kind == "banners"
                              for banner in block.banners))


def listing_shows_dates(site: Site) -> bool:
    return site.unit.platform == "nukeviet" or site.unit.listing_dates != "none"


def _menu_hrefs(items: list[MenuItem]) -> Iterator[str]:
    for item in items:
        yield item.href
        yield from _menu_hrefs(item.children)


def _categories(site: Site) -> list[Section]:
    """Listings of the posts filed in them (not group pages), shown with their posts."""
    return [s for s in site.sections.values() if s.kind == "posts" and not s.empty]


def _quarter_pages(site: Site, section: Section, when: Period) -> tuple[int, list[Post]]:
    """Pages of `section` up to the one holding its oldest post of the quarter, and the posts whose
    article pages must be read when the listing shows no dates."""
    posts = [] if section.empty else section.listing()
    inside = [i for i, post in enumerate(posts) if when.start <= post.published < when.end]
    if not inside:
        return 0, []
    size = site.unit.page_size
    pages = inside[-1] // size + 1
    if listing_shows_dates(site):
        return pages, []
    shown = posts[: pages * size]
    first, last = max(inside[0] - 1, 0), min(inside[-1] + 1, len(shown) - 1)
    return pages, shown[first: last + 1]
