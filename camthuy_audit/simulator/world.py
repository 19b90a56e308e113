"""Build the content of every simulated portal (deterministic, seeded per unit).

The first quarter's portal is built from the unit's seed alone. A later quarter's portal is the
previous one grown by three months: its structure rebuilt from the unit as it now is (unchanged
sections kept as they were), its posts kept and the quarter's added, its banners and footer drawn
again from the same draws as before (so a banner or a line changes only where the unit changed),
everything new drawn from a generator seeded by the unit and the quarter.
"""

from __future__ import annotations

import copy
import random
import re
import threading
from dataclasses import dataclass

from camthuy_audit.simulator import tables
from camthuy_audit.simulator.banners import build_banners
from camthuy_audit.simulator.model import Image, Link, Post, SideBlock, Site
from camthuy_audit.simulator.posts import build_posts, grow_posts, villages_of
from camthuy_audit.simulator.quarters import FIRST, period, posts_in, previous, unit_in
from camthuy_audit.simulator.structure import build_structure
from camthuy_audit.simulator.units import UNITS_BY_ID, Unit
from camthuy_audit.simulator.vn import capitalize

WEB_LINKS = (
    ("Cổng thông tin điện tử Chính phủ", "https://chinhphu.vn/"),
    ("Cổng thông tin điện tử tỉnh Thanh Hóa", "https://thanhhoa.gov.vn/"),
    ("Cổng thông tin điện tử huyện Cẩm Thủy", "https://camthuy.thanhhoa.gov.vn/"),
    ("Sở Thông tin và Truyền thông Thanh Hóa", "https://stttt.thanhhoa.gov.vn/"),
    ("Báo Thanh Hóa", "https://baothanhhoa.vn/"),
)
POLL_QUESTION = "Bạn đánh giá thế nào về Trang thông tin điện tử của xã?"
POLL_OPTIONS = ("Rất hữu ích", "Hữu ích", "Bình thường", "Chưa hữu ích")
_THUMB = re.compile(r"^/file/thumb/500/(\d+)\.jpg$")

_cache: dict[tuple[str, str], _Build] = {}
_lock = threading.Lock()


@dataclass
class _Build:
    """A portal and what a later quarter needs to grow it: the campaign posts and the generator
    states each phase of the first build started from."""

    site: Site
    campaign: dict[str, Post]
    states: dict[str, object]


def site_for(unit_id: str, quarter: str = FIRST) -> Site:
    """The portal of a unit as it stands when `quarter` is audited, built once per process."""
    with _lock:
        return _build_for(unit_id, period(quarter).name, _cache).site


def build_quarter_site(unit_id: str, quarter: str) -> Site:
    """The portal of a unit as it stands when `quarter` is audited, built afresh (not cached)."""
    return _build_for(unit_id, period(quarter).name, {}).site


def _build_for(unit_id: str, quarter: str, cache: dict[tuple[str, str], _Build]) -> _Build:
    key = (unit_id, quarter)
    if key not in cache:
        before = previous(quarter)
        cache[key] = _first(UNITS_BY_ID[unit_id]) if before is None else \
            _grow(_build_for(unit_id, before, cache), unit_in(unit_id, quarter), quarter)
    return cache[key]


def build_site(unit: Unit) -> Site:
    """The portal of a unit in the first quarter (2023-Q1)."""
    return _first(unit).site


def _first(unit: Unit) -> _Build:
    rng = random.Random(unit.seed)
    site = Site(unit)
    build_structure(site, rng)
    nukeviet = unit.platform == "nukeviet"
    thumbs = _ThumbMaker(site, rng.randint(140000, 190000))
    states: dict[str, object] = {"posts": rng.getstate()}
    campaign = build_posts(site, rng, _nukeviet_post_path if nukeviet else _thanhhoa_post_path,
                           thumbs.nukeviet if nukeviet else thumbs.thanhhoa)
    states["banners"] = rng.getstate()
    build_banners(site, rng, campaign)
    states["widgets"] = rng.getstate()
    _widgets(site, rng)
    states["footer"] = rng.getstate()
    _header_and_footer(site, rng)
    _home(site, rng)
    return _Build(site, campaign, states)


def _replay(state: object) -> random.Random:
    rng = random.Random()
    rng.setstate(state)  # type: ignore[arg-type]
    return rng


def _grow(before: _Build, unit: Unit, quarter: str) -> _Build:
    """The portal of `before` three months later, for the unit as it now is."""
    when = period(quarter)
    rng = random.Random(f"{unit.seed}/{quarter}")
    memo: dict[int, object] = {id(before.site.unit): before.site.unit}
    old, campaign = copy.deepcopy((before.site, before.campaign), memo)  # the earlier quarter stays as it was
    site = Site(unit, now=when.now)
    site.files.update(old.files)
    build_structure(site, rng, before=old.unit, sections={s.key: s for s in old.sections.values()})
    for section in site.sections.values():
        if section.key == "schedule" and section.table is not None:
            section.table = tables.schedule_until(section.table, when.now)
    _keep_posts(site, old)

    build_banners(site, _replay(before.states["banners"]), campaign)
    _widgets(site, _replay(before.states["widgets"]))
    _advance_counter(site, rng)
    _header_and_footer(site, _replay(before.states["footer"]))

    nukeviet = unit.platform == "nukeviet"
    numbers = [int(m.group(1)) for p in site.posts.values() if (m := _THUMB.match(p.thumb.path))]
    thumbs = _ThumbMaker(site, max(numbers, default=140000) + rng.randint(40, 400))
    grow_posts(site, rng, _nukeviet_post_path if nukeviet else _thanhhoa_post_path,
               thumbs.nukeviet if nukeviet else thumbs.thanhhoa,
               villages=villages_of(unit, _replay(before.states["posts"])), quarter=when,
               since=old.now, count=posts_in(unit.id, quarter), edge=unit.edge_cases, after=unit.new_posts)
    _home(site, rng)
    return _Build(site, campaign, before.states)


def _keep_posts(site: Site, old: Site) -> None:
    """Carry the earlier posts over; those of a category that is gone went with it."""
    live = {id(s) for s in site.sections.values()}
    kept: set[int] = set()
    for post in sorted(old.posts.values(), key=lambda p: p.published):
        if id(post.category) not in live:
            continue
        post.extra_categories = [c for c in post.extra_categories if id(c) in live]
        site.posts[post.path] = post
        site.add_image(post.thumb)
        kept.add(id(post))
    for section in site.sections.values():
        section.own_posts = [p for p in section.own_posts if id(p) in kept]
        section.listed_posts = [p for p in section.listed_posts if id(p) in kept]


def _advance_counter(site: Site, rng: random.Random) -> None:
    """The visitor counter three months on."""
    for block in site.right:
        if block.kind == "counter":
            total = int(block.entries[-1][1].replace(".", "")) + rng.randint(9000, 42000)
            counts = (rng.randint(3, 40), rng.randint(80, 400), rng.randint(60, 380), rng.randint(600, 2400),
                      rng.randint(1800, 9000), total)
            block.entries = [(label, f"{n:,}".replace(",", ".")) for (label, _), n in
                             zip(block.entries, counts, strict=True)]


def _thanhhoa_post_path(post: Post) -> str:
    return f"{post.category.path}/{post.slug}.html"


def _nukeviet_post_path(post: Post) -> str:
    alias = post.category.path.strip("/").split("/")[-1]
    return f"/{alias}/{post.slug}-{post.id}.html"


class _ThumbMaker:
    def __init__(self, site: Site, start: int) -> None:
        self.site, self.next = site, start

    def thanhhoa(self, post: Post, rng: random.Random) -> Image:
        self.next += rng.randint(1, 29)
        while f"/file/thumb/500/{self.next}.jpg" in self.site.images:  # a banner's image already
            self.next += 1
        return self.site.add_image(Image(f"/file/thumb/500/{self.next}.jpg", 500, 333))

    def nukeviet(self, post: Post, rng: random.Random) -> Image:
        folder = post.published.strftime("%Y_%m")
        return self.site.add_image(Image(f"/assets/news/{folder}/{post.slug[:48].rstrip('-')}.jpg", 150, 100))


def _widgets(site: Site, rng: random.Random) -> None:
    site.left.append(SideBlock("poll", "Ý kiến thăm dò", entries=[(o, "") for o in POLL_OPTIONS]))
    total = rng.randint(180000, 960000)
    counts = (rng.randint(3, 40), rng.randint(80, 400), rng.randint(60, 380), rng.randint(600, 2400),
              rng.randint(1800, 9000), total)
    labels = ("Đang truy cập", "Hôm nay", "Hôm qua", "Tuần này", "Tháng này", "Tất cả")
    site.right.append(SideBlock("counter", "Truy cập",
                                entries=[(label, f"{n:,}".replace(",", ".")) for label, n in zip(labels, counts, strict=True)]))
    site.right.append(SideBlock("weblinks", "Liên kết website", links=[Link(a, b) for a, b in WEB_LINKS]))


def _header_and_footer(site: Site, rng: random.Random) -> None:
    unit = site.unit
    if unit.platform == "nukeviet":
        site.logo = site.add_image(Image("/uploads/logo-ubnd.png", 84, 84))
        site.header_image = site.add_image(Image("/uploads/banner-header.jpg", 1000, 180))
    else:
        digits = rng.randint(300000, 399999)
        site.header_image = site.add_image(Image(f"/file/thumb/1000/{digits}.jpg", 1000, 180))
    chairman, spokesman = tables.person(rng, female=False), tables.person(rng)
    village = f"thôn {rng.choice(('Trung Tâm', 'Đồng Tâm', 'Tiến Thành'))}" if unit.kind == "xã" else "khu phố 2"
    address = f"{capitalize(village)}, {unit.full_place}, huyện Cẩm Thủy, tỉnh Thanh Hóa"
    if unit.platform == "nukeviet":
        site.footer_lines = [
            f"© Bản quyền thuộc về UBND {unit.full_place}",
            f"Chịu trách nhiệm: Ông {chairman} - Chủ tịch UBND {unit.full_place}" if unit.responsible_named
            else "Chịu trách nhiệm: .",
            f"Địa chỉ: {address}",
            f"Điện thoại: {tables.landline(rng)} - Email: {tables.email_slug(unit)}.camthuy@thanhhoa.gov.vn",
        ]
        return
    spokesman_line = "Người phát ngôn: . SĐT " if unit.id == "camgiang" else \
        f"Người phát ngôn: {spokesman}. SĐT {tables.mobile(rng)}"
    responsible = chairman if unit.responsible_named else ""  # "" as real footers left it: ": . SĐT"
    site.footer_lines = [
        f"TRANG THÔNG TIN ĐIỆN TỬ {unit.full_place.upper()} - HUYỆN CẨM THỦY - TỈNH THANH HÓA",
        f"Địa chỉ: {address}",
        f"Chịu trách nhiệm nội dung: {responsible}. SĐT {tables.mobile(rng)}",
        spokesman_line,
        f"Bản quyền thuộc về: UBND {unit.full_place.upper()}",
    ]


def _home(site: Site, rng: random.Random) -> None:
    recent = [p for p in site.all_posts()[:40] if p.category.key.startswith("news-")]
    site.featured = sorted(rng.sample(recent, min(5, len(recent))), key=lambda p: p.published, reverse=True)
    site.home_blocks = [s for s in site.sections.values()
                        if s.kind == "posts" and s.own_posts and s.key != "election"]
