"""The traps the auditor must handle are really in the simulated portals."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from sim_html import Node, fold, parse
from sim_images import image_size
from sim_walk import Portal, post_date, walk_listings

from camthuy_audit.simulator.units import UNITS

THANHHOA = [u for u in UNITS if u.platform == "thanhhoa"]
YEAR = re.compile(r"\b20(1\d|2[0-2])\b")


def _side_banners(doc: Node) -> list[tuple[Node, Node]]:
    columns = [doc.find(id="col-left"), doc.find(id="col-right"), doc.find("div", cls="col-sm-8 col-md-6")]
    return [(a, a.find("img")) for col in columns if col is not None for a in col.find_all("a") if a.find("img")]


def _home(portal: Callable[..., Portal], unit_id: str) -> tuple[Portal, Node]:
    site = portal(unit_id)
    return site, parse(site.get("/").text)


@pytest.mark.parametrize("unit", THANHHOA, ids=lambda u: u.id)
def test_thanhhoa_post_pages_date_under_title_and_repeat_block(unit, portal: Callable[..., Portal]) -> None:
    site = portal(unit.id)
    listing = site.get(f"/web/trang-chu/{'tin-tuc' if unit.news == 'Tin tức' else 'tin-tuc-su-kien'}").text
    post = re.search(r'<h3 class="news-title"><a href="([^"]+)"', listing)
    assert post
    html = site.get(site.local("/", post.group(1)) or "").text
    stamp = re.search(r"Ngày (\d\d/\d\d/\d{4} \d\d:\d\d:\d\d)", html)
    assert stamp
    repeated = re.findall(r"Đăng lúc: (\d\d/\d\d/\d{4} \d\d:\d\d:\d\d) \(GMT\+7\)", html)
    assert repeated == ([stamp.group(1)] if unit.repeat_block else [])
    assert ("Tin khác" in html) or ("Tin liên quan" in html)


def test_generic_alt_banners_and_feedback_told_only_by_link(portal: Callable[..., Portal]) -> None:
    generic_units, generic_feedback = 0, 0
    for unit in UNITS:
        _, home = _home(portal, unit.id)
        banners = _side_banners(home)
        generic = [(a, i) for a, i in banners if i.attrs.get("alt") == "image banner"]
        generic_units += bool(generic)
        generic_feedback += any(re.search(r"gop-y|hoi-dap|phan-anh-kien-nghi|pakn", a.attrs["href"])
                                for a, _ in generic)
    assert generic_units >= 8
    assert generic_feedback >= 5


def test_two_units_run_nukeviet(portal: Callable[..., Portal]) -> None:
    generators = {u.id for u in UNITS
                  if '<meta name="generator" content="NukeViet v4.5">' in portal(u.id).get("/").text}
    assert generators == {"camtu", "camlien"}
    camtu = portal("camtu")
    assert "<rss" in camtu.get("/rss/").text and "<rss" in camtu.get("/rss/chuyen-doi-so/").text
    sitemap = camtu.get("/sitemap-vi.news.xml").text
    locs = {camtu.local("/", loc) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    assert locs == set(walk_listings(camtu).posts)
    # RSS dates are in GMT: the post of 01/04/2023 00:15 (+07:00) reads as 31 March there
    assert "<pubDate>Fri, 31 Mar 2023 17:15:30 GMT</pubDate>" in camtu.get("/rss/tin-trong-xa/").text


def test_camyen_stale_digital_transformation_day_banner(portal: Callable[..., Portal]) -> None:
    site, home = _home(portal, "camyen")
    stale = [(a, i) for a, i in _side_banners(home)
             if "ngay-chuyen-doi-so-quoc-gia" in a.attrs["href"] and "2022" in a.attrs["href"]]
    assert len(stale) == 1
    anchor, image = stale[0]
    assert image.attrs["alt"] == "image banner"
    assert re.fullmatch(r"(https://camyen\.camthuy\.thanhhoa\.gov\.vn)?/file/thumb/500/\d+\.jpg", image.attrs["src"])
    assert post_date(site, site.local("/", anchor.attrs["href"]) or "").year == 2022


def test_camtam_two_stale_campaign_banners(portal: Callable[..., Portal]) -> None:
    site, home = _home(portal, "camtam")
    banners = _side_banners(home)
    teachers = [i for _a, i in banners
                if "Ngày Nhà giáo Việt Nam 20/11/1982 - 20/11/2022" in i.attrs.get("alt", "") + i.attrs.get("title", "")]
    unity = [a for a, _i in banners if "Đại đoàn kết toàn dân tộc 18/11/2022" in a.attrs.get("title", "")
             and "ngay-hoi-dai-doan-ket-toan-dan-toc-18-11-2022" in a.attrs["href"]]
    assert len(teachers) == 1 and len(unity) == 1
    assert site.get(site.local("/", unity[0].attrs["href"]) or "").status_code == 200


def test_no_other_unit_shows_a_campaign_banner(portal: Callable[..., Portal]) -> None:
    for unit in UNITS:
        if unit.id in ("camyen", "camtam"):
            continue
        _, home = _home(portal, unit.id)
        for anchor, image in _side_banners(home):
            visible = " ".join((image.attrs.get("alt", ""), image.attrs.get("title", ""), anchor.attrs.get("title", ""),
                                image.attrs["src"].rsplit("/", 1)[-1], anchor.attrs["href"].rsplit("/", 1)[-1]))
            assert not YEAR.search(visible), (unit.id, visible)


def test_current_banners_in_upload_folders_named_after_a_year(portal: Callable[..., Portal]) -> None:
    found = []
    for unit_id in ("camvan", "camluong"):
        site, home = _home(portal, unit_id)
        for anchor, image in _side_banners(home):
            if re.search(r"/uploads/20\d\d/\d\d/", image.attrs["src"]):
                found.append(image.attrs["src"])
                response = site.get(site.local("/", image.attrs["src"]) or "")
                assert response.headers["content-type"] == "image/png"
                assert image_size(response.content) == (280, 90)
                assert anchor.attrs["href"].startswith("https://")
    assert len(found) == 2


def test_camphu_keeps_the_2021_election_category(portal: Callable[..., Portal]) -> None:
    site, home = _home(portal, "camphu")
    menu = home.find("ul", cls="menu-top")
    assert menu is not None
    entry = next(a for a in menu.find_all("a") if "bau cu" in fold(a.text()))
    # The official title, as real portals carry it: the 15th National Assembly, the 2021-2026 term.
    assert "khóa XV" in entry.text() and "nhiệm kỳ 2021-2026" in entry.text()
    assert "Hội đồng nhân dân" in entry.attrs["title"]
    listing = parse(site.get(site.local("/", entry.attrs["href"]) or "").text)
    posts = [site.local("/", a.attrs["href"]) for h3 in listing.find_all("h3", cls="news-title") for a in h3.find_all("a")]
    assert len(posts) >= 5
    assert {post_date(site, p or "").year for p in posts} == {2021}


@pytest.mark.parametrize("unit_id", ["camvan", "camtu"])
def test_unknown_path_is_a_real_404_page(unit_id: str, portal: Callable[..., Portal]) -> None:
    response = portal(unit_id).get("/web/trang-chu/khong-co-trang-nay")
    assert response.status_code == 404
    assert response.headers["content-type"] == "text/html; charset=utf-8"
    assert "<html" in response.text


def test_section_causes_of_o(portal: Callable[..., Portal]) -> None:
    assert portal("camyen").get("/web/trang-chu/van-ban/van-ban-phap-quy").status_code == 404
    camthach = portal("camthach").get("/web/trang-chu/van-ban/van-ban-phap-quy")
    assert camthach.status_code == 200 and "<tbody>\n\n</tbody>" in camthach.text
    assert "Chưa có dữ liệu" in portal("camngoc").get("/web/trang-chu/lich-tiep-cong-dan").text
    assert "Chưa có dữ liệu" in portal("camlong").get("/web/trang-chu/du-lich").text
    assert portal("camphu").get("/web/trang-chu/danh-ba-dien-thoai").status_code == 404


def test_banners_are_not_oversized(portal: Callable[..., Portal]) -> None:
    for unit in UNITS:
        site, home = _home(portal, unit.id)
        for _anchor, image in _side_banners(home):
            response = site.get(site.local("/", image.attrs["src"]) or "")
            width, height = image_size(response.content)
            assert 250 <= width <= 300 and 60 <= height <= 120, (unit.id, image.attrs["src"])
            if "width" in image.attrs:
                assert (int(image.attrs["width"]), int(image.attrs["height"])) == (width, height)


def test_walk_sees_posts_listed_in_two_categories_once(portal: Callable[..., Portal]) -> None:
    site = portal("camvan")
    walk = walk_listings(site)
    shared = []
    for number in range(1, 6):
        html = site.get(f"/web/trang-chu/tin-tuc-su-kien/tin-trong-xa?page={number}").text
        shared += re.findall(r'<h3 class="news-title"><a href="(/web/trang-chu/chuyen-muc/[^"]+\.html)"', html)
    assert len(shared) == 2 and all(p in walk.posts for p in shared)
