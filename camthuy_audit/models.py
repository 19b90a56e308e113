"""The vocabulary passed between stages: what the crawler saw, and what the rules decided.

crawl -> PortalSnapshot -> rules -> Verdict -> UnitResult -> aggregate -> render.
"""

from __future__ import annotations

from datetime import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

Mark = Literal["x", "o", "?"]
Zone = Literal["left", "right", "top", "main", "footer", "unknown"]
FetchErrorKind = Literal[
    "dns", "connect", "timeout", "tls", "http_status", "too_large", "not_html", "robots",
    "redirect", "off_site", "parse", "budget", "other",
]


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


# --- what the crawler saw --------------------------------------------------------------------


class FetchError(_Model):
    """A request that did not give a usable page."""

    url: str
    kind: FetchErrorKind
    status: int | None = None
    message: str
    retry_after: float | None = None   # the server asked to wait this long (429/503 Retry-After)
    location: str | None = None        # where a redirect off the portal pointed

    @property
    def gone(self) -> bool:
        """The portal itself says the page does not exist (404/410): that is an answer, not a failure."""
        return self.kind == "http_status" and self.status in (404, 410)


class Link(_Model):
    url: str
    label: str = ""
    title: str = ""


class MenuItem(_Model):
    label: str
    title: str = ""
    url: str | None = None
    children: list[MenuItem] = Field(default_factory=list)


class Banner(_Model):
    image_url: str
    alt: str = ""
    title: str = ""
    text: str = ""          # visible text in or next to the banner link
    link_url: str | None = None
    target_url: str | None = None   # where the link ends when it goes through a click counter or redirect
    zone: Zone = "unknown"
    width: int | None = None
    height: int | None = None
    size_source: Literal["html", "image", "unknown"] = "unknown"
    # The first bytes of the image as read (its size, and a thumbnail for the report): kept in
    # memory with the snapshot, never written out.
    image_bytes: bytes | None = Field(default=None, exclude=True, repr=False)


class SideSection(_Model):
    """A titled block of links in a side column (a category list, a widget)."""

    title: str
    zone: Zone
    links: list[Link] = Field(default_factory=list)
    category_list: bool = False   # short undated labels: a list of categories, not of posts


class PageItem(_Model):
    """One entry of a page: a listed post, a register row, a document."""

    title: str
    url: str | None = None
    date: datetime | None = None
    document: bool = False        # an entry of a documents register (number, date, summary), not a post


NavWhere = Literal["menu", "submenu", "menu_deep", "side", "footer", "top", "banner"]


class NavLink(_Model):
    """A link of the home page's navigation: where a portal links its categories from.

    ``menu`` is a top-level entry of the main menu, ``submenu`` one of its first-level children,
    ``menu_deep`` anything deeper; ``side`` a side-column category list, ``footer`` and ``top`` the
    footer and the top bar, ``banner`` an image link to a page of the portal itself.
    """

    url: str                  # canonical (the unit's main host, no session ids): the key of its page
    href: str = ""            # the URL as linked (what is fetched: a click counter's checksum included)
    label: str = ""
    title: str = ""
    where: NavWhere
    group: str = ""           # the menu parent or side block it sits in, for the clerk
    own: bool = True          # on the unit's own hosts


class PageFacts(_Model):
    """What one page reached from the navigation holds; the rules decide which section it is."""

    url: str                  # canonical URL as linked
    final_url: str | None = None
    status: int | None = None
    error: FetchError | None = None
    heading: str = ""         # the content's first h1 (else h2)
    title: str = ""           # <title>
    breadcrumb: str = ""      # the breadcrumb's last item
    items: list[PageItem] = Field(default_factory=list)   # the first 30
    item_count: int = 0
    phones: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    text_length: int = 0      # characters of the page's own content
    text_start: str = ""      # its first characters (an empty category says so there)
    article_date: datetime | None = None   # the page reads as an article dated so
    redirect_to: str | None = None         # a page that only sends the browser on (meta refresh, script)

    @property
    def newest(self) -> datetime | None:
        dates = [i.date for i in self.items if i.date]
        return max(dates) if dates else None


class Post(_Model):
    url: str                 # canonical URL (aliases mapped to the unit's main host)
    title: str = ""
    published: datetime      # Vietnam local time
    source: str              # the listing, feed or article page the date came from


class PostScan(_Model):
    """Every post found across the portal, with whether the scan could be completed."""

    posts: list[Post] = Field(default_factory=list)
    complete: bool = False
    incomplete_reason: str | None = None
    listings: list[str] = Field(default_factory=list)     # listing pages visited
    undated: list[str] = Field(default_factory=list)      # post URLs whose date could not be read


class PortalSnapshot(_Model):
    """Everything the crawler gathered from one portal; the rules decide from this alone."""

    unit_id: str
    url: str
    final_url: str | None = None
    fetched_at: datetime
    reachable: bool
    home_error: FetchError | None = None
    platform: str | None = None
    platform_hints: list[str] = Field(default_factory=list)
    home_title: str = ""                 # the home page's <title>: words every page's title repeats
    menu: list[MenuItem] = Field(default_factory=list)
    menu_source: str | None = None       # how the main menu was recognised
    menu_confident: bool = False         # recognised by strong signs (nav markup, size, position)
    menu_signals: list[str] = Field(default_factory=list)  # what made it (un)certain, for the clerk
    other_nav: list[Link] = Field(default_factory=list)   # top bar, footer links: not the main menu
    nav: list[NavLink] = Field(default_factory=list)      # every navigation link of the home page
    banners: list[Banner] = Field(default_factory=list)
    side_sections: list[SideSection] = Field(default_factory=list)
    footer_text: str = ""
    pages: dict[str, PageFacts] = Field(default_factory=dict)   # navigation pages read, by canonical URL
    posts: PostScan = Field(default_factory=PostScan)
    errors: list[FetchError] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)       # config switches used (ignore_robots, insecure_tls)
    pages_fetched: int = 0
    bytes_fetched: int = 0


# --- what the rules decided ------------------------------------------------------------------


class Evidence(_Model):
    """One fact behind a verdict that a clerk can follow."""

    kind: Literal["found", "missing", "url", "count", "date", "reason", "note", "error"]
    text: str
    url: str | None = None


class Finding(_Model):
    """A stale or oversized banner, or a stale category."""

    label: str                 # what the clerk sees ("Ngày Chuyển đổi số quốc gia 2022")
    note: str                  # the Appendix 2 note ("Ngày Chuyển đổi số quốc gia (từ năm 2022)")
    url: str | None = None     # image or category URL
    link_url: str | None = None


class Verdict(_Model):
    """A rule's decision for one portal.

    Appendix 1 checks: ``mark`` is "x" (done), "o" (not done) or "?" (could not be checked).
    posts_in_quarter: ``count`` (None when it could not be completed; then mark is "?").
    stale_banners, stale_categories, oversized_banners: ``findings``; mark "?" when undecidable,
    otherwise "o" when something was found and "x" when nothing was.
    """

    check_id: str
    mark: Mark
    reason: str                          # one line, Vietnamese, for the clerk
    evidence: list[Evidence] = Field(default_factory=list)
    count: int | None = None
    findings: list[Finding] = Field(default_factory=list)
    images: list[str] = Field(default_factory=list)   # banner images the verdict is about (report thumbnails)
    override: OverrideNote | None = None


class OverrideNote(_Model):
    original_mark: Mark
    original_count: int | None = None
    reason: str
    by: str


class UnitResult(_Model):
    """One unit's audit: self-contained, so it can be stored as soon as it is done."""

    unit_id: str
    name: str
    url: str
    quarter: str
    audited_at: datetime
    reachable: bool
    unreachable_reason: str | None = None
    platform: str | None = None
    platform_hints: list[str] = Field(default_factory=list)   # what the platform was recognised by
    verdicts: dict[str, Verdict]         # by check id, in rule order
    thumbnails: dict[str, str] = Field(default_factory=dict)  # image URL -> data URI, flagged banners only
    banners: list[Banner] = Field(default_factory=list)       # every banner seen (the report links them)
    posts: list[Post] = Field(default_factory=list)           # the posts found inside the audited quarter
    pages_fetched: int = 0
    errors: list[FetchError] = Field(default_factory=list)
    notes: list[str] = Field(default_factory=list)

    def mark(self, check_id: str) -> Mark:
        verdict = self.verdicts.get(check_id)
        return verdict.mark if verdict else "?"

    @property
    def posts_in_quarter(self) -> int | None:
        verdict = self.verdicts.get("posts_in_quarter")
        return verdict.count if verdict else None

    def findings(self, check_id: str) -> list[Finding]:
        verdict = self.verdicts.get(check_id)
        return verdict.findings if verdict else []


Verdict.model_rebuild()
