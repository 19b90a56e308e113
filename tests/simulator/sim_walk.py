"""Walk a simulated portal over HTTP the way a careful reader would (test helper)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from urllib.parse import urljoin, urlsplit

import httpx
from sim_html import Node, parse

VN = timezone(timedelta(hours=7))
Q1 = (datetime(2023, 1, 1, tzinfo=VN), datetime(2023, 4, 1, tzinfo=VN))
Q2 = (datetime(2023, 4, 1, tzinfo=VN), datetime(2023, 7, 1, tzinfo=VN))
THANHHOA_DATE = re.compile(r"Ngày (\d\d)/(\d\d)/(\d{4}) (\d\d):(\d\d):(\d\d)")
NUKEVIET_DATE = re.compile(r"(?:Thứ [a-zà-ỹ]+|Chủ nhật) - (\d\d)/(\d\d)/(\d{4}) (\d\d):(\d\d)")
NV_POST = re.compile(r"^/[a-z0-9-]+/[a-z0-9-]+-\d+\.html$")


@dataclass
class Portal:
    """A client bound to one served host, which knows the unit's other host names."""

    client: httpx.Client
    scheme: str
    host: str
    aliases: tuple[str, ...]
    nukeviet: bool
    fetched: int = 0

    def get(self, path: str) -> httpx.Response:
        self.fetched += 1
        return self.client.get(path, headers={"Host": self.host})

    def page(self, path: str) -> tuple[httpx.Response, Node]:
        response = self.get(path)
        return response, parse(response.text)

    def local(self, base: str, href: str) -> str | None:
        """The site path of a link, or None when it leaves the portal."""
        if not href or href.startswith(("javascript:", "#", "mailto:")):
            return None
        url = urljoin(f"{self.scheme}://{self.host}{base}", href)
        parts = urlsplit(url)
        if parts.hostname not in (self.host, *self.aliases):
            return None
        return parts.path + (f"?{parts.query}" if parts.query else "")

    def is_post(self, path: str) -> bool:
        path = path.split("?")[0]
        return bool(NV_POST.match(path)) if self.nukeviet else path.endswith(".html")


def post_date(portal: Portal, path: str) -> datetime:
    response = portal.get(path)
    assert response.status_code == 200, path
    pattern = NUKEVIET_DATE if portal.nukeviet else THANHHOA_DATE
    match = pattern.search(response.text)
    assert match, f"no date on {path}"
    day, month, year, hour, minute, *rest = (int(g) for g in match.groups())
    return datetime(year, month, day, hour, minute, rest[0] if rest else 0, tzinfo=VN)


def menu_and_side_links(portal: Portal, doc: Node) -> list[tuple[str, str]]:
    """(label, href) of the main menu and side columns."""
    roots = [doc.find("ul", cls="menu-top") or doc.find("ul", cls="nav navbar-nav")]
    roots += [doc.find(id="col-left"), doc.find(id="col-right"), doc.find("div", cls="col-sm-8 col-md-6")]
    links = []
    for root in roots:
        if root is None:
            continue
        for a in root.find_all("a"):
            links.append((a.text() or a.attrs.get("title", ""), a.attrs.get("href", "")))
    return links


@dataclass
class Walk:
    listings: set[str] = field(default_factory=set)
    posts: dict[str, str] = field(default_factory=dict)  # post path -> date text shown in the listing


def walk_listings(portal: Portal) -> Walk:
    """Visit every category listing reachable from the menus, with its pages; collect post links."""
    _, home = portal.page("/")
    queue = [p for _label, href in menu_and_side_links(portal, home)
             if (p := portal.local("/", href)) and not portal.is_post(p)]
    walk = Walk()
    while queue:
        path = queue.pop()
        if path in walk.listings:
            continue
        walk.listings.add(path)
        response, doc = portal.page(path)
        if response.status_code != 200:
            continue
        container = doc.find("div", cls="news-list") or doc.find("div", cls="news_column")
        if container is None:
            continue
        for item in container.find_all("div", cls="news-item") + container.find_all("div", cls="panel-body"):
            title_link = item.find("h3")
            anchor = title_link.find("a") if title_link else None
            target = portal.local(path, anchor.attrs.get("href", "")) if anchor else None
            if target and portal.is_post(target):
                date = item.find("span", cls="news-date") or item.find("div", cls="text-muted")
                walk.posts[target] = date.text() if date else ""
        pager = doc.find("ul", cls="pagination")
        for a in pager.find_all("a") if pager else []:
            target = portal.local(path, a.attrs.get("href", ""))
            if target and target not in walk.listings:
                queue.append(target)
    return walk


def count_q1(portal: Portal, posts: dict[str, str]) -> tuple[int, dict[str, datetime]]:
    dates = {path: post_date(portal, path) for path in posts}
    return sum(1 for d in dates.values() if Q1[0] <= d < Q1[1]), dates


def count_in(dates: dict[str, datetime], quarter: tuple[datetime, datetime]) -> int:
    return sum(1 for d in dates.values() if quarter[0] <= d < quarter[1])
