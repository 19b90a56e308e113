"""Side-column banners: the usual links, the feedback banner, stale campaign banners and traps."""

from __future__ import annotations

import random
import re

from camthuy_audit.simulator.model import Banner, Image, Post, SideBlock, Site
from camthuy_audit.simulator.units import Unit

GENERIC_ALT = "image banner"
DVC_FEEDBACK = "https://dichvucong.gov.vn/p/home/dvc-phan-anh-kien-nghi.html"
PROVINCE_FEEDBACK = "https://pakn.thanhhoa.gov.vn/"

# (file stem for NukeViet uploads, link, descriptive alt). None of them is a campaign or feedback banner.
STANDARD = (
    ("cong-dvc-quoc-gia", "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", "Cổng Dịch vụ công Quốc gia"),
    ("dich-vu-cong-thanh-hoa", "https://dichvucong.thanhhoa.gov.vn/", "Cổng Dịch vụ công tỉnh Thanh Hóa"),
    ("cong-ttdt-tinh", "https://thanhhoa.gov.vn/", "Cổng thông tin điện tử tỉnh Thanh Hóa"),
    ("cong-ttdt-huyen", "https://camthuy.thanhhoa.gov.vn/", "Cổng thông tin điện tử huyện Cẩm Thủy"),
    ("bao-thanh-hoa", "https://baothanhhoa.vn/", "Báo Thanh Hóa điện tử"),
    ("thu-dien-tu", "https://mail.thanhhoa.gov.vn/", "Hệ thống thư điện tử công vụ"),
    ("bhxh", "https://baohiemxahoi.gov.vn/", "Bảo hiểm xã hội Việt Nam"),
    ("chinh-phu", "https://chinhphu.vn/", "Cổng thông tin điện tử Chính phủ"),
)

# A current banner whose image sits in an upload folder named after a past year (not stale).
UPLOAD_YEAR_TRAPS = {
    "camvan": ("/uploads/2022/10/cong-dich-vu-cong-quoc-gia.png", 0),
    "camluong": ("/uploads/2021/03/thu-dien-tu-cong-vu.png", 5),
}
_YEARISH = re.compile(r"(19|20)\d\d")


def build_banners(site: Site, rng: random.Random, campaign: dict[str, Post]) -> None:
    """Put image banners in the side columns (left and/or right)."""
    unit = site.unit
    generic = unit.platform == "thanhhoa" and unit.seed % 3 != 1
    pool = list(STANDARD)
    rng.shuffle(pool)
    chosen = pool[: rng.randint(3, 5)]
    if unit.id == "camyen" and STANDARD[1] not in chosen:
        chosen.append(STANDARD[1])  # its only way to the public-service portal
    trap = UPLOAD_YEAR_TRAPS.get(unit.id)
    if trap:
        chosen = [entry for entry in chosen if entry != STANDARD[trap[1]]]
    banners = [_standard(site, rng, stem, href, alt, generic) for stem, href, alt in chosen]
    if trap:
        path, index = trap
        _stem, href, alt = STANDARD[index]
        banners.insert(1, Banner(href, site.add_image(Image(path, 280, 90)), alt))
    feedback = _feedback(site, rng, generic)
    if feedback:
        banners.insert(rng.randint(0, 2), feedback)

    left, right = _split(unit, banners)
    stale = _stale(site, rng, campaign)
    right[:0] = stale.get("right", [])
    left[:0] = stale.get("left", [])
    css_left, css_right = ("banner-left", "banner-right") if unit.seed % 2 else ("adv-left", "adv-right")
    if left:
        site.left.append(SideBlock("banners", "", banners=left, css=css_left))
    if right:
        site.right.insert(0, SideBlock("banners", "", banners=right, css=css_right))


def _split(unit: Unit, banners: list[Banner]) -> tuple[list[Banner], list[Banner]]:
    if unit.platform == "nukeviet":
        return [], banners
    mode = unit.seed % 3
    if mode == 0:
        return [], banners
    if mode == 1:
        return banners, []
    half = len(banners) // 2
    return banners[:half], banners[half:]


def _image(site: Site, rng: random.Random, stem: str, width: int | None = None,
           height: int | None = None) -> Image:
    width = width or rng.choice((250, 260, 270, 280, 290, 300))
    height = height or rng.choice((60, 70, 80, 90, 100, 110, 120))
    if site.unit.platform == "nukeviet":
        ext = "png" if rng.random() < 0.5 else "jpg"
        return site.add_image(Image(f"/uploads/banners/{stem}.{ext}", width, height))
    while True:
        digits = str(rng.randint(100000, 999999))
        path = f"/file/thumb/500/{digits}.jpg"
        if not _YEARISH.search(digits) and path not in site.images:
            return site.add_image(Image(path, width, height))


def _standard(site: Site, rng: random.Random, stem: str, href: str, alt: str, generic: bool) -> Banner:
    return Banner(href, _image(site, rng, stem), GENERIC_ALT if generic else alt)


def _feedback(site: Site, rng: random.Random, generic: bool) -> Banner | None:
    kind = site.unit.feedback
    if kind.startswith("own:"):
        section = next(s for s in site.sections.values() if s.key == "feedback")
        alt = "Hỏi đáp trực tuyến" if "hoi-dap" in section.path else "Góp ý, phản ánh của công dân"
        stem = "hoi-dap-truc-tuyen" if "hoi-dap" in section.path else "gop-y"
        return Banner(section.path, _image(site, rng, stem), GENERIC_ALT if generic else alt, new_window=False)
    if kind == "dvc":
        return Banner(DVC_FEEDBACK, _image(site, rng, "phan-anh-kien-nghi"),
                      GENERIC_ALT if generic else "Tiếp nhận phản ánh, kiến nghị")
    if kind == "pakn":
        return Banner(PROVINCE_FEEDBACK, _image(site, rng, "pakn-thanh-hoa"),
                      GENERIC_ALT if generic else "Hệ thống tiếp nhận phản ánh, kiến nghị tỉnh Thanh Hóa")
    return None  # "none" and "footer-text": no feedback banner


# How each campaign banner is shown: (column, width, height, alt is the post's title, title attribute).
CAMPAIGN_BANNERS = {
    "cds-day-2022": ("right", 300, 110, False, None),
    "teachers-day-2022": ("left", 270, 100, True, None),
    "unity-day-2022": ("right", 280, 90, False, "Ngày hội Đại đoàn kết toàn dân tộc 18/11/2022"),
}


def _stale(site: Site, rng: random.Random, campaign: dict[str, Post]) -> dict[str, list[Banner]]:
    """Banners of campaigns that ended in 2022 and are still shown (the unit's campaign_banners)."""
    stale: dict[str, list[Banner]] = {}
    for key in site.unit.campaign_banners:
        post = campaign[key]
        column, width, height, titled_alt, title = CAMPAIGN_BANNERS[key]
        image = _image(site, rng, "", width, height)
        stale.setdefault(column, []).append(
            Banner(post.path, image, post.title if titled_alt else GENERIC_ALT, title=title, new_window=False))
    return stale
