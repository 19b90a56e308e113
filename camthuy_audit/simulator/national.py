"""A simulated nation of commune portals: as many invented communes and wards as a benchmark needs.

Each national unit is a synthetic `Unit` built by the district's own generator (structure, posts,
banners, the thanhhoa and NukeViet layouts), in its 2023-Q1 state (audited 2023-04-12). Every
portal has every section the rules look for: the main menu's required entries (home, about, news,
documents, administrative procedures, contact), a feedback banner, the citizen reception schedule,
legal documents, tourism and festivals, law propaganda, digital transformation, the agency
directory, side banners and a footer naming who is responsible. Its placements and wordings vary
among the ones the district's passing units use (a section in a submenu, at the top level or in a
side column; "Văn bản QPPL", "Danh bạ điện thoại", ...). Listings always show each post's date.

Every portal has at least 20 posts dated in 2023-Q1, and its main news category ("Tin trong xã" /
"Tin trong phường") alone holds more of them than one listing page shows, so the quarter's posts
always spread over at least two pages of a news listing.

Unit `index` of `seed` is the same whatever `count` is asked: `national_units(10)` is the start of
`national_units(3300)`. Texts other than names (footers, post titles) still speak of the Cẩm Thủy
district, as the district's portals do.

    units = national_units(3300)
    units[0].url   # "https://xa-<name>-0000.national.example/"
    site = national_site(units[0])
"""

from __future__ import annotations

import math
import random
from dataclasses import dataclass, field
from types import MappingProxyType

from camthuy_audit.simulator.app import PortalApp
from camthuy_audit.simulator.model import Site
from camthuy_audit.simulator.quarters import FIRST
from camthuy_audit.simulator.structure import TOPIC_WEIGHTS
from camthuy_audit.simulator.units import CHECKS, SECTION_LABELS, Section, Unit
from camthuy_audit.simulator.vn import slugify
from camthuy_audit.simulator.world import build_site

DOMAIN = "national.example"
SCHEME = "https"
QUARTER = FIRST  # the only state national portals are built in (2023-Q1)
ALL_PASS = "x" * len(CHECKS)

# Syllables of invented commune names (two distinct ones per name: 64 * 63 = 4032 names).
SYLLABLES = (
    "An", "Bình", "Hòa", "Phú", "Tân", "Thạnh", "Long", "Mỹ", "Phước", "Thuận", "Hưng", "Lộc", "Đông", "Tây",
    "Nam", "Bắc", "Trung", "Xuân", "Hạ", "Thu", "Đức", "Hiệp", "Nghĩa", "Quang", "Vĩnh", "Minh", "Thành", "Lợi",
    "Thịnh", "Phong", "Sơn", "Hải", "Hà", "Lâm", "Kim", "Ngọc", "Cát", "Tiến", "Hợp", "Đồng", "Yên", "Lạc",
    "Khánh", "Phúc", "Thái", "Định", "Hồng", "Lương", "Tường", "Quý", "Vân", "Thượng", "Thủy", "Điền",
    "Trường", "Hoàng", "Liên", "Châu", "Gia", "Phượng", "Toàn", "Thắng", "Dương", "Mai",
)
_NAMES = len(SYLLABLES) * (len(SYLLABLES) - 1)

# Placements and wordings of the sections, each one passing in the simulated district.
_SCHEDULE = (Section(), Section(style="posts"), Section(where="side"), Section(where="side", style="posts"))
_LEGAL = (Section(), Section(label="Văn bản QPPL"))
_TOURISM = (Section(), Section(), Section(where="top", label="Du lịch"))
_PBGDPL = (Section(), Section(label="Phổ biến giáo dục pháp luật"),
           Section(where="top", label="Tuyên truyền PBGDPL"))
_CDS = (Section(), Section(), Section(where="top"))
_DIRECTORY = (Section(), Section(where="side", label="Danh bạ điện thoại"), Section(where="side"))
_FEEDBACK = ("own:gop-y", "own:hoi-dap", "dvc", "pakn")
_MORE_NEWS = (("Tin huyện", "huyen"), ("Tin tỉnh", "tinh"), ("Thông báo", "thongbao"),
              ("Hoạt động đoàn thể", "doanthe"))
_PAGE_SIZES = (8, 10, 10, 10, 12)
_SCHEDULE_POSTS_IN_Q1 = 3  # posts.py: the schedules of February, March and April are published in Q1
_EDGE_POSTS_IN_Q1 = 2  # posts.py: 1 January 00:05 and 31 March 23:50


@dataclass(frozen=True)
class NationalUnit:
    """An invented commune or ward and its portal's definition."""

    index: int
    id: str
    name: str  # "UBND xã Tân Lập" / "UBND phường An Bình"
    url: str  # "https://<id>.national.example/"
    host: str
    platform: str  # "thanhhoa" or "nukeviet"
    posts_in_quarter: int  # distinct posts dated in 2023-Q1
    definition: Unit = field(repr=False, compare=False)


def national_units(count: int, *, seed: int = 0) -> list[NationalUnit]:
    """The first `count` units of the nation `seed`."""
    if count < 0:
        raise ValueError("count must not be negative")
    return [national_unit(index, seed=seed) for index in range(count)]


def national_unit(index: int, *, seed: int = 0) -> NationalUnit:
    """Unit number `index` of the nation `seed` (deterministic from the two)."""
    rng = random.Random(f"national/{seed}/{index}")
    kind = "phường" if rng.random() < 0.25 else "xã"
    place = _place(index, seed)
    unit_id = f"{slugify(kind)}-{slugify(place)}-{index:04d}"
    host = f"{unit_id}.{DOMAIN}"
    unit = _definition(rng, unit_id, kind, place, host)
    return NationalUnit(index, unit_id, unit.name, f"{SCHEME}://{host}/", host, unit.platform, unit.q1_posts, unit)


def national_site(unit: NationalUnit) -> Site:
    """The unit's portal as it stands when 2023-Q1 is audited (built afresh: about 5 ms of CPU)."""
    return build_site(unit.definition)


def national_app(unit: NationalUnit) -> PortalApp:
    """The unit's portal as an HTTP application; nothing is kept rendered (memory)."""
    return PortalApp(national_site(unit), unit.host, SCHEME, cache_limit=0)


def _place(index: int, seed: int) -> str:
    """Two distinct syllables, a different pair for each of the first 4032 indexes of a seed."""
    mixer = random.Random(f"national-names/{seed}")
    step = mixer.randrange(1, _NAMES)
    while math.gcd(step, _NAMES) != 1:
        step += 1
    number = (index % _NAMES * step + mixer.randrange(_NAMES)) % _NAMES
    first, second = divmod(number, len(SYLLABLES) - 1)
    if second >= first:
        second += 1
    place = f"{SYLLABLES[first]} {SYLLABLES[second]}"
    return place if index < _NAMES else f"{place} {index // _NAMES + 1}"


def _definition(rng: random.Random, unit_id: str, kind: str, place: str, host: str) -> Unit:
    nukeviet = rng.random() < 0.4
    local = "Tin trong phường" if kind == "phường" else "Tin trong xã"
    extra = [entry for entry in _MORE_NEWS if rng.random() < 0.6]
    news_cats = ((local, "xa"), *extra)
    choices = {"schedule": _SCHEDULE, "legal": _LEGAL, "tourism": _TOURISM, "pbgdpl": _PBGDPL, "cds": _CDS,
               "directory": _DIRECTORY}
    sections = MappingProxyType({key: rng.choice(choices[key]) for key in SECTION_LABELS})
    edge = rng.random() < 0.25
    page_size = rng.choice(_PAGE_SIZES)
    topics = [topic for _label, topic in news_cats] + ["pbgdpl", "cds", "dulich"]
    fixed = (_SCHEDULE_POSTS_IN_Q1 if sections["schedule"].style == "posts" else 0) + \
        (_EDGE_POSTS_IN_Q1 if edge else 0)
    q1_posts = max(rng.randint(24, 44), fixed + _posts_to_fill(page_size + 1, topics))
    return Unit(
        unit_id, f"UBND {kind} {place}", place, ((SCHEME, host),),
        "nukeviet" if nukeviet else "thanhhoa", q1_posts, ALL_PASS, rng.randint(1_000_000, 999_999_999),
        kind=kind,
        home_label="Trang nhất" if nukeviet and rng.random() < 0.5 else "Trang chủ",
        members_in_menu=nukeviet and rng.random() < 0.3,
        about=rng.choice(("Giới thiệu", "Tổng quan")),
        news=rng.choice(("Tin tức - Sự kiện", "Tin tức")),
        news_cats=news_cats,
        procedures=rng.choice(("Thủ tục hành chính", "Dịch vụ công")),
        contact=rng.choice((("menu", "footer"), ("menu", "topbar", "footer"))),
        sections=sections,
        feedback=rng.choice(_FEEDBACK),
        listing_dates="datetime" if nukeviet else rng.choice(("date", "datetime")),
        repeat_block=rng.random() < 0.5,
        img_dims=rng.random() < 0.5,
        absolute_links=rng.random() < 0.3,
        edge_cases=edge,
        page_size=page_size,
        old_posts=len(topics) + rng.randint(2, 8),
        new_posts=rng.randint(1, 3),
    )


def _posts_to_fill(local_posts: int, topics: list[str]) -> int:
    """Posts to spread over `topics` (posts.py: by weight, largest remainder) so that the local news
    category ("xa") gets at least `local_posts` of them."""
    total = sum(TOPIC_WEIGHTS[topic] for topic in topics)
    return math.ceil(local_posts * total / TOPIC_WEIGHTS["xa"]) + 1
