"""The 17 units of the simulated district and how each portal is laid out (data).

Each entry states the facts of the world at audit time (2023-04-12): the platform, the Q1-2023 post
count and the Appendix 1 marks of the seed notice, and the layout choices that make those marks true
(which menu entries exist, where each section is linked and whether its page has content).
Later quarters replace some of these fields (`quarters.py`); these entries stay the Q1-2023 state.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

DOMAIN = "camthuy.thanhhoa.gov.vn"

# Appendix 1 columns, in the seed's order.
CHECKS = (
    "main_menu",
    "feedback_banner",
    "citizen_reception_schedule",
    "legal_documents",
    "tourism_festivals",
    "law_propaganda_category",
    "digital_transformation_category",
    "agency_directory",
    "side_banners",
    "copyright",
)

SECTION_LABELS = MappingProxyType(
    {
        "schedule": "Lịch tiếp công dân",
        "legal": "Văn bản pháp quy",
        "tourism": "Du lịch - Lễ hội",
        "pbgdpl": "Tuyên truyền phổ biến giáo dục pháp luật",
        "cds": "Chuyển đổi số",
        "directory": "Danh bạ cơ quan chức năng",
    }
)


@dataclass(frozen=True)
class Section:
    """Where a dispatch-155 section is linked and what its page holds.

    where: "menu" (submenu of its menu group, top level when the group is absent), "top" (top-level
    menu entry), "side" (link in a side column) or "none" (absent). state: "ok", "empty" (page
    without items) or "missing" (linked, but the page answers 404).
    """

    where: str = "menu"
    state: str = "ok"
    label: str = ""
    style: str = "table"  # schedule only: "table" or "posts"


def _sections(**overrides: Section) -> Mapping[str, Section]:
    base = {key: Section() for key in SECTION_LABELS}
    base.update(overrides)
    return MappingProxyType(base)


NONE = Section(where="none")
NEWS_XA = (("Tin trong xã", "xa"), ("Tin huyện", "huyen"), ("Tin tỉnh", "tinh"))


@dataclass(frozen=True)
class Unit:
    id: str
    name: str
    place: str
    hosts: tuple[tuple[str, str], ...]  # (scheme, host); the first is canonical
    platform: str  # "thanhhoa" or "nukeviet"
    q1_posts: int
    marks: str  # Appendix 1, ten "x"/"o" in CHECKS order
    seed: int
    kind: str = "xã"
    home_label: str = "Trang chủ"
    members_in_menu: bool = False  # NukeViet default menu entry "Thành viên"
    about: str | None = "Giới thiệu"
    news: str = "Tin tức - Sự kiện"
    news_cats: tuple[tuple[str, str], ...] = NEWS_XA
    docs: str | None = "Văn bản"
    procedures: str | None = "Thủ tục hành chính"
    topics: str | None = "Chuyên mục"
    contact: tuple[str, ...] = ("menu", "footer")  # where a "Liên hệ" link is shown
    sections: Mapping[str, Section] = field(default_factory=_sections)
    feedback: str = "own:gop-y"  # own:<slug> | dvc | pakn | none | footer-text
    listing_dates: str = "date"  # "date", "datetime" or "none" (listings show no date)
    repeat_block: bool = True  # post page repeats title/body under "Đăng lúc: ... (GMT+7)"
    img_dims: bool = True  # <img> tags carry width/height
    absolute_links: bool = False  # menus and listings use absolute URLs
    edge_cases: bool = False  # posts at the quarter's edges
    page_size: int = 10
    election: bool = False  # keeps the 2021 election category
    old_posts: int = 30
    new_posts: int = 4  # posts after the quarter's end, before the audit
    responsible_named: bool = True  # the footer names who is responsible for the content
    campaign_banners: tuple[str, ...] = ()  # banners of ended campaigns still shown (posts.CAMPAIGN_POSTS keys)

    @property
    def host(self) -> str:
        return self.hosts[0][1]

    @property
    def mark(self) -> Mapping[str, str]:
        return MappingProxyType(dict(zip(CHECKS, self.marks, strict=True)))

    @property
    def full_place(self) -> str:
        """'xã Cẩm Vân' / 'thị trấn Phong Sơn'."""
        return f"{self.kind} {self.place}"


def _https(sub: str) -> tuple[tuple[str, str], ...]:
    return (("https", f"{sub}.{DOMAIN}"),)


UNITS: tuple[Unit, ...] = (
    Unit(
        "camvan", "UBND xã Cẩm Vân", "Cẩm Vân", _https("camvan"), "thanhhoa", 41, "xxxxxxxxxx", 101,
        edge_cases=True,
    ),
    Unit(
        "camgiang", "UBND xã Cẩm Giang", "Cẩm Giang", _https("camgiang"), "thanhhoa", 12, "xxxxxxxxxx", 102,
        about="Tổng quan", procedures="Dịch vụ công",
        news_cats=(("Tin trong xã", "xa"), ("Thông báo", "thongbao")),
        sections=_sections(
            schedule=Section(where="side", style="posts"),
            legal=Section(label="Văn bản QPPL"),
            pbgdpl=Section(label="Phổ biến giáo dục pháp luật"),
            directory=Section(where="side", label="Danh bạ điện thoại"),
        ),
        feedback="dvc", listing_dates="datetime", img_dims=False, absolute_links=True, old_posts=22,
    ),
    Unit(
        "camthanh", "UBND xã Cẩm Thành", "Cẩm Thành", _https("camthanh"), "thanhhoa", 44, "oxxxxxxxxx", 103,
        contact=("topbar", "footer"),
        news_cats=(("Tin trong xã", "xa"), ("Tin huyện", "huyen"), ("Thông báo", "thongbao")),
        feedback="own:hoi-dap", img_dims=False,
    ),
    Unit(
        "camquy", "UBND xã Cẩm Quý", "Cẩm Quý", _https("camquy"), "thanhhoa", 32, "oooooxxxxx", 104,
        about=None, procedures=None, topics=None,
        news_cats=(("Tin trong xã", "xa"), ("Tin huyện", "huyen")),
        sections=_sections(
            schedule=NONE, legal=NONE, tourism=NONE,
            pbgdpl=Section(where="top", label="Tuyên truyền PBGDPL"),
            cds=Section(where="top"),
            directory=Section(where="side", label="Danh bạ điện thoại"),
        ),
        feedback="none", listing_dates="datetime", repeat_block=False,
    ),
    Unit(
        "camtan", "UBND xã Cẩm Tân", "Cẩm Tân", _https("camtan"), "thanhhoa", 75, "xxxxxxxxxx", 105,
        news_cats=NEWS_XA + (("Thông báo", "thongbao"), ("Hoạt động Mặt trận - Đoàn thể", "doanthe")),
        feedback="pakn", repeat_block=False, absolute_links=True, edge_cases=True, old_posts=36,
    ),
    Unit(
        "camngoc", "UBND xã Cẩm Ngọc", "Cẩm Ngọc", _https("camngoc"), "thanhhoa", 108, "oxooxxxxxx", 106,
        docs=None, contact=(),
        news_cats=NEWS_XA + (("Thông báo", "thongbao"), ("Hoạt động đoàn thể", "doanthe")),
        sections=_sections(schedule=Section(where="side", state="empty"), legal=NONE),
        img_dims=False, edge_cases=True, page_size=12, old_posts=40, new_posts=6,
    ),
    Unit(
        "camtu", "UBND xã Cẩm Tú", "Cẩm Tú", _https("camtu"), "nukeviet", 55, "xxxxxxxxxx", 107,
        news_cats=(("Tin trong xã", "xa"), ("Tin huyện", "huyen"), ("Thông báo", "thongbao")),
        sections=_sections(schedule=Section(style="posts")),
        feedback="own:hoi-dap", listing_dates="datetime", edge_cases=True,
    ),
    Unit(
        "camchau", "UBND xã Cẩm Châu", "Cẩm Châu", _https("camchau"), "thanhhoa", 51, "xxxxxxxxxx", 108,
        sections=_sections(schedule=Section(style="posts")),
        feedback="dvc", listing_dates="none", edge_cases=True,
    ),
    Unit(
        "camyen", "UBND xã Cẩm Yên", "Cẩm Yên", _https("camyen"), "thanhhoa", 37, "oxxooxxxxx", 109,
        procedures=None,
        sections=_sections(legal=Section(state="missing"), tourism=NONE),
        feedback="own:hoi-dap", listing_dates="datetime", img_dims=False, absolute_links=True,
        campaign_banners=("cds-day-2022",),
    ),
    Unit(
        "camphu", "UBND xã Cẩm Phú", "Cẩm Phú", _https("camphu"), "thanhhoa", 11, "ooooooxoxx", 110,
        news="Tin tức", news_cats=(("Tin trong xã", "xa"), ("Tin huyện", "huyen")),
        docs=None, procedures=None, topics=None, contact=("footer",),
        sections=_sections(
            schedule=NONE, legal=NONE, tourism=NONE,
            pbgdpl=Section(where="top", state="empty", label="Phổ biến pháp luật"),
            cds=Section(where="top"),
            directory=Section(where="side", state="missing", label="Danh bạ điện thoại"),
        ),
        feedback="none", repeat_block=False, img_dims=False, election=True, old_posts=24, new_posts=2,
    ),
    Unit(
        "camthach", "UBND Xã Cẩm Thạch", "Cẩm Thạch", _https("camthach"), "thanhhoa", 34, "oxxooxxxxx", 111,
        about=None,
        sections=_sections(
            schedule=Section(style="posts"),
            legal=Section(state="empty"),
            tourism=NONE,
            directory=Section(where="side"),
        ),
        feedback="dvc", listing_dates="datetime",
    ),
    Unit(
        "cambinh", "UBND xã Cẩm Bình", "Cẩm Bình", _https("cambinh"), "thanhhoa", 42, "oxxxxxxxxx", 112,
        contact=("footer",),
        sections=_sections(schedule=Section(where="side")),
        feedback="own:gop-y", edge_cases=True,
    ),
    Unit(
        "phongson", "UBND thị trấn Phong Sơn", "Phong Sơn",
        (("https", f"thitranphongson.{DOMAIN}"), ("http", f"thitran.{DOMAIN}")),
        "thanhhoa", 12, "xxxxxxxxxx", 113,
        kind="thị trấn",
        news_cats=(("Tin trong thị trấn", "xa"), ("Tin huyện", "huyen"), ("Tin tỉnh", "tinh")),
        feedback="own:hoi-dap", listing_dates="datetime", old_posts=24, new_posts=3,
    ),
    Unit(
        "camlien", "UBND xã Cẩm Liên", "Cẩm Liên", _https("camlien"), "nukeviet", 5, "oxooooxoxx", 114,
        home_label="Trang nhất", members_in_menu=True,
        news="Tin Tức", news_cats=(("Tin trong xã", "xa"), ("Thông báo", "thongbao")),
        docs=None, procedures=None, topics=None,
        sections=_sections(
            schedule=NONE, legal=NONE, tourism=NONE,
            pbgdpl=Section(where="top", state="empty", label="Phổ biến giáo dục pháp luật"),
            cds=Section(where="top"),
            directory=NONE,
        ),
        feedback="dvc", listing_dates="datetime", img_dims=False, old_posts=20, new_posts=1,
    ),
    Unit(
        "camlong", "UBND xã Cẩm Long", "Cẩm Long", _https("camlong"), "thanhhoa", 21, "oxxooxxxxx", 115,
        procedures=None,
        sections=_sections(legal=NONE, tourism=Section(where="top", state="empty", label="Du lịch")),
        feedback="own:gop-y", img_dims=False, old_posts=26, new_posts=3,
    ),
    Unit(
        "camluong", "UBND xã Cẩm Lương", "Cẩm Lương", _https("camluong"), "thanhhoa", 23, "xxxxxxxxxx", 116,
        sections=_sections(schedule=Section(where="side", style="posts")),
        feedback="dvc", listing_dates="none", repeat_block=False, old_posts=26,
    ),
    Unit(
        "camtam", "UBND xã Cẩm Tâm", "Cẩm Tâm", _https("camtam"), "thanhhoa", 21, "xoxxxxxxxx", 117,
        feedback="footer-text", absolute_links=True, old_posts=28, new_posts=3,
        campaign_banners=("teachers-day-2022", "unity-day-2022"),
    ),
)

UNITS_BY_ID: Mapping[str, Unit] = MappingProxyType({unit.id: unit for unit in UNITS})
UNIT_OF_HOST: Mapping[str, Unit] = MappingProxyType(
    {host: unit for unit in UNITS for _scheme, host in unit.hosts}
)
SCHEME_OF_HOST: Mapping[str, str] = MappingProxyType(
    {host: scheme for unit in UNITS for scheme, host in unit.hosts}
)
