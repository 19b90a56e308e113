"""Builders for PortalSnapshot objects and the real default rules, shared by the rule tests."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from camthuy_audit.config import RulesConfig, load_rules
from camthuy_audit.models import (
    Banner,
    FetchError,
    MenuItem,
    NavLink,
    PageFacts,
    PageItem,
    PortalSnapshot,
    Post,
    PostScan,
)
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.rules import RuleContext
from camthuy_audit.vntext import fold

RULES_TOML = Path(__file__).resolve().parents[2] / "config" / "rules.toml"
HOME = "https://camtest.camthuy.thanhhoa.gov.vn"

GOOD_FOOTER = (
    "TRANG THÔNG TIN ĐIỆN TỬ XÃ CẨM TEST - HUYỆN CẨM THỦY - TỈNH THANH HÓA\n"
    "Địa chỉ: thôn Một, xã Cẩm Test, huyện Cẩm Thủy\n"
    "Chịu trách nhiệm nội dung: Nguyễn Văn An. SĐT 0237 3876 123\n"
    "Người phát ngôn: Lê Thị Bình. SĐT 0912 345 678\n"
    "Bản quyền thuộc về: UBND XÃ CẨM TEST"
)
STANDARD_MENU = ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản", "Thủ tục hành chính", "Liên hệ"]
SECTION_LABELS = {
    "citizen_reception_schedule": "Lịch tiếp công dân",
    "legal_documents": "Văn bản pháp quy",
    "tourism_festivals": "Du lịch - Lễ hội",
    "law_propaganda_category": "Tuyên truyền PBGDPL",
    "digital_transformation_category": "Chuyển đổi số",
    "agency_directory": "Danh bạ",
}


@dataclass(frozen=True)
class Section:
    """A navigation link and the page it leads to (what the crawler gives a section rule)."""

    link: NavLink
    page: PageFacts | None

    @property
    def url(self) -> str:
        return self.link.url


def vn(year: int, month: int, day: int, hour: int = 9, minute: int = 0) -> datetime:
    return datetime(year, month, day, hour, minute, tzinfo=VN_TZ)


def slug(label: str) -> str:
    return fold(label).replace(" ", "-")


class Build:
    """Small factories for what the crawler would have seen."""

    home = HOME
    good_footer = GOOD_FOOTER
    vn = staticmethod(vn)

    def url(self, *parts: str) -> str:
        return "/".join([HOME, "web", "trang-chu", *parts])

    def item(self, label: str, *children: MenuItem | str, title: str = "", url: str | None = None) -> MenuItem:
        kids = [c if isinstance(c, MenuItem) else self.item(c) for c in children]
        return MenuItem(label=label, title=title, url=url or self.url(slug(label) or "muc"), children=kids)

    def menu(self, *entries: MenuItem | str) -> list[MenuItem]:
        return [e if isinstance(e, MenuItem) else self.item(e) for e in entries]

    def error(self, kind: Any, status: int | None = None, message: str = "", url: str | None = None) -> FetchError:
        return FetchError(url=url or self.url("loi"), kind=kind, status=status,
                          message=message or f"{kind} {status or ''}".strip())

    def section(self, check_id: str, *, items: int = 3, label: str | None = None, error: FetchError | None = None,
                newest: datetime | None = None, where: Any = "menu", url: str | None = None,
                **fields: Any) -> Section:
        label = label if label is not None else SECTION_LABELS[check_id]
        url = url or self.url(slug(label) or "muc")
        newest = newest or vn(2023, 3, 20)
        page_items = [PageItem(title=f"Mục {n}", url=f"{url}/muc-{n}.html",
                               date=newest.replace(day=max(1, newest.day - n))) for n in range(items)]
        fields.setdefault("text_length", 800 if items else 0)
        page = PageFacts(url=url, final_url=url, status=error.status if error else 200, error=error,
                         items=page_items, item_count=len(page_items), **fields)
        own = url.startswith(HOME)
        return Section(NavLink(url=url, label=label, where=where, own=own), page if own else None)

    def nav_and_pages(self, sections: dict[str, Section]) -> tuple[list[NavLink], dict[str, PageFacts]]:
        nav = [s.link for s in sections.values()]
        pages = {s.url: s.page for s in sections.values() if s.page is not None}
        return nav, pages

    def all_sections(self) -> dict[str, Section]:
        sections = {cid: self.section(cid) for cid in SECTION_LABELS}
        sections["agency_directory"] = self.section("agency_directory", items=0, phones=["0237 3876 123"],
                                                    emails=["ubnd@camtest.gov.vn"])
        return sections

    def banner(self, image: str, **fields: Any) -> Banner:
        fields.setdefault("zone", "right")
        image_url = image if image.startswith("http") else HOME + image
        return Banner(image_url=image_url, **fields)

    def post(self, n: int | str, published: datetime, title: str = "") -> Post:
        url = self.url("tin-tuc", f"bai-{n}.html")
        return Post(url=url, title=title or f"Bài {n}", published=published, source=self.url("tin-tuc"))

    def scan(self, *posts: Post, complete: bool = True, reason: str | None = None) -> PostScan:
        return PostScan(posts=list(posts), complete=complete, incomplete_reason=reason,
                        listings=[self.url("tin-tuc") + "?page=1", self.url("tin-tuc") + "?page=2"])

    def snapshot(self, **fields: Any) -> PortalSnapshot:
        """A reachable portal where every Appendix 1 check passes, unless ``fields`` say otherwise."""
        base: dict[str, Any] = {
            "unit_id": "camtest",
            "url": HOME + "/",
            "fetched_at": vn(2023, 4, 5),
            "reachable": True,
            "menu": self.menu(*STANDARD_MENU),
            "menu_source": "nav#main-menu",
            "menu_confident": True,
            "menu_signals": ["có thẻ/lớp đánh dấu menu", "6 mục cấp 1"],
            "banners": [self.banner("/file/thumb/500/1.jpg", alt="Hộp thư góp ý", link_url=HOME + "/gop-y"),
                        self.banner("/file/thumb/500/2.jpg", alt="Dịch vụ công trực tuyến", zone="left")],
            "footer_text": GOOD_FOOTER,
            "posts": self.scan(self.post(1, vn(2023, 2, 1)), self.post(2, vn(2023, 3, 1))),
        }
        sections = fields.pop("sections", None)
        base["nav"], base["pages"] = self.nav_and_pages(self.all_sections() if sections is None else sections)
        base.update(fields)
        return PortalSnapshot(**base)


@pytest.fixture(scope="session")
def rules_config() -> RulesConfig:
    return load_rules(RULES_TOML)


@pytest.fixture
def ctx(rules_config: RulesConfig) -> RuleContext:
    return RuleContext(rules=rules_config, quarter=Quarter(2023, 1))


@pytest.fixture
def ctx_for(rules_config: RulesConfig) -> Callable[[str], RuleContext]:
    return lambda quarter: RuleContext(rules=rules_config, quarter=Quarter.parse(quarter))


@pytest.fixture
def build() -> Build:
    return Build()
