"""Build the content of every simulated portal (deterministic, seeded per unit)."""

from __future__ import annotations

import random
import threading

from camthuy_audit.simulator import tables
from camthuy_audit.simulator.banners import build_banners
from camthuy_audit.simulator.model import Image, Link, Post, SideBlock, Site
from camthuy_audit.simulator.posts import build_posts
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

_cache: dict[str, Site] = {}
_lock = threading.Lock()


def site_for(unit_id: str) -> Site:
    """The portal of a unit, built once per process."""
    with _lock:
        if unit_id not in _cache:
            _cache[unit_id] = build_site(UNITS_BY_ID[unit_id])
        return _cache[unit_id]


def build_site(unit: Unit) -> Site:
    rng = random.Random(unit.seed)
    site = Site(unit)
    build_structure(site, rng)
    nukeviet = unit.platform == "nukeviet"
    thumbs = _ThumbMaker(site, rng.randint(140000, 190000))
    campaign = build_posts(site, rng, _nukeviet_post_path if nukeviet else _thanhhoa_post_path,
                           thumbs.nukeviet if nukeviet else thumbs.thanhhoa)
    build_banners(site, rng, campaign)
    _widgets(site, rng)
    _header_and_footer(site, rng)
    _home(site, rng)
    return site


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
            f"Chịu trách nhiệm: Ông {chairman} - Chủ tịch UBND {unit.full_place}",
            f"Địa chỉ: {address}",
            f"Điện thoại: {tables.landline(rng)} - Email: {tables.email_slug(unit)}.camthuy@thanhhoa.gov.vn",
        ]
        return
    spokesman_line = "Người phát ngôn: . SĐT " if unit.id == "camgiang" else \
        f"Người phát ngôn: {spokesman}. SĐT {tables.mobile(rng)}"
    site.footer_lines = [
        f"TRANG THÔNG TIN ĐIỆN TỬ {unit.full_place.upper()} - HUYỆN CẨM THỦY - TỈNH THANH HÓA",
        f"Địa chỉ: {address}",
        f"Chịu trách nhiệm nội dung: {chairman}. SĐT {tables.mobile(rng)}",
        spokesman_line,
        f"Bản quyền thuộc về: UBND {unit.full_place.upper()}",
    ]


def _home(site: Site, rng: random.Random) -> None:
    recent = [p for p in site.all_posts()[:40] if p.category.key.startswith("news-")]
    site.featured = sorted(rng.sample(recent, min(5, len(recent))), key=lambda p: p.published, reverse=True)
    site.home_blocks = [s for s in site.sections.values()
                        if s.kind == "posts" and s.own_posts and s.key != "election"]
