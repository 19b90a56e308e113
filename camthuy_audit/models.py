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
    zone: Zone = "unknown"
    width: int | None = None
    height: int | None = None
    size_source: Literal["html", "image", "unknown"] = "unknown"


class SideSection(_Model):
    """A titled block of links in a side column (a category list, a widget)."""

    title: str
    zone: Zone
    links: list[Link] = Field(default_factory=list)
    category_list: bool = False   # short undated labels: a list of categories, not of posts


class PageItem(_Model):
    """One entry of a section page: a listed post, a table row, a document."""

    title: str
    url: str | None = None
    date: datetime | None = None


class SectionPage(_Model):
    """The page the crawler reached for one section check (e.g. legal_documents)."""

    check_id: str
    link: Link | None = None            # the link followed (None: no matching link on the portal)
    matched_keyword: str | None = None
    found_in: str | None = None         # "menu", "side", "page", "footer", ...
    url: str | None = None              # final URL after redirects
    status: int | None = None
    error: FetchError | None = None
    items: list[PageItem] = Field(default_factory=list)
    phones: list[str] = Field(default_factory=list)
    emails: list[str] = Field(default_factory=list)
    text_length: int = 0                # characters of main-content text
    single_article: bool = False        # the category shows one article instead of a list
    candidates: list[Link] = Field(default_factory=list)  # other matching links, for evidence

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
    menu: list[MenuItem] = Field(default_factory=list)
    menu_source: str | None = None       # how the main menu was recognised
    other_nav: list[Link] = Field(default_factory=list)   # top bar, footer links: not the main menu
    banners: list[Banner] = Field(default_factory=list)
    side_sections: list[SideSection] = Field(default_factory=list)
    footer_text: str = ""
    sections: dict[str, SectionPage] = Field(default_factory=dict)
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
