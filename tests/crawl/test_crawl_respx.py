"""The crawler against a small portal mocked with respx (no network)."""

from __future__ import annotations

import asyncio

import httpx
import pytest
import respx

from camthuy_audit.config import CrawlSettings
from camthuy_audit.crawl import Target, crawl_portal
from camthuy_audit.fetch import Fetcher
from camthuy_audit.quarter import Quarter

BASE = "https://xa-mau.example.gov.vn"

HOME = """<!doctype html><html><head><meta charset="utf-8"><title>Xã Mẫu</title></head><body>
<div class="topbar"><a href="/lien-he">Liên hệ</a> | <a href="/so-do">Sơ đồ site</a> | <a href="/login">Đăng nhập</a></div>
<header class="site-header"><img class="logo" src="/logo.png" alt="logo"></header>
<nav class="main-nav"><ul class="menu">
  <li><a href="/">Trang chủ</a></li>
  <li><a href="/gioi-thieu">Giới thiệu</a></li>
  <li><a href="/tin-tuc">Tin tức - Sự kiện</a>
     <ul><li><a href="/tin-tuc/tin-trong-xa">Tin trong xã</a></li></ul></li>
  <li><span>Văn bản</span><ul><li><a href="/van-ban-phap-quy">Văn bản pháp quy</a></li></ul></li>
  <li><a href="/chuyen-doi-so">Chuyển đổi số</a></li>
</ul></nav>
<div class="container"><div class="row">
 <div class="col-md-3 sidebar-left">
   <a href="https://dichvucong.gov.vn/p/home/dvc-phan-anh-kien-nghi.html"><img src="/file/banner1.jpg" alt="image banner" width="250" height="80"></a>
 </div>
 <div class="col-md-6 content">
   <h2>Tin mới</h2>
   <ul class="news">
     <li><a href="/tin-tuc/tin-trong-xa/hoi-nghi-trien-khai-nhiem-vu-nam-2023.html">Hội nghị triển khai nhiệm vụ năm 2023</a> <span>15/01/2023</span></li>
     <li><a href="/tin-tuc/tin-trong-xa/ra-quan-lam-thuy-loi-dau-xuan.html">Ra quân làm thủy lợi đầu xuân</a> <span>10/02/2023</span></li>
   </ul>
   <p>Xã Mẫu là một xã miền núi của huyện, có nhiều danh lam thắng cảnh và di tích lịch sử văn hóa, nhân dân cần cù lao động. Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore et dolore magna aliqua.</p>
 </div>
 <div class="col-md-3 sidebar-right">
   <h3 class="title">Liên kết</h3>
   <a href="/hoi-dap"><img src="/file/hoidap.png" alt="Hỏi đáp trực tuyến"></a>
   <a href="https://chinhphu.vn"><img src="/uploads/2022/10/chinhphu.png" alt="Cổng TTĐT Chính phủ" width="250" height="90"></a>
 </div>
</div></div>
<footer><p>TRANG THÔNG TIN ĐIỆN TỬ XÃ MẪU</p><p>Chịu trách nhiệm nội dung: <b>Nguyễn Văn A</b> - Chủ tịch UBND xã</p>
<p>Bản quyền thuộc về: UBND XÃ MẪU</p><a href="/lien-he">Liên hệ</a></footer>
</body></html>"""


def listing(items: list[tuple[str, str, str]], next_url: str | None) -> str:
    rows = "".join(
        f'<div class="item"><h3><a href="{u}">{t}</a></h3><span class="date">{d}</span><p>Tóm tắt tin.</p></div>'
        for u, t, d in items)
    pager = f'<ul class="pagination"><li><a href="{next_url}">2</a></li><li><a href="{next_url}">Sau</a></li></ul>' if next_url else ""
    return f"<html><body><nav><ul class='menu'><li><a href='/'>Trang chủ</a></li><li><a href='/tin-tuc'>Tin tức</a></li><li><a href='/lien-he'>Liên hệ</a></li></ul></nav><div class='content'>{rows}{pager}</div></body></html>"


PAGE1 = listing([
    ("/tin-tuc/tin-trong-xa/ra-quan-lam-thuy-loi-dau-xuan.html", "Ra quân làm thủy lợi đầu xuân", "10/02/2023"),
    ("/tin-tuc/tin-trong-xa/tin-thang-tu-sau-quy.html", "Tin tháng tư sau quý một", "01/04/2023 00:15"),
    ("/tin-tuc/tin-trong-xa/hoi-nghi-trien-khai-nhiem-vu-nam-2023.html", "Hội nghị triển khai nhiệm vụ năm 2023", "15/01/2023"),
], "/tin-tuc/tin-trong-xa?page=2")
PAGE2 = listing([
    ("/tin-tuc/tin-trong-xa/dau-nam-moi.html", "Tin đầu năm mới trong xã", "01/01/2023 00:05"),
    ("/tin-tuc/tin-trong-xa/cuoi-nam-cu.html", "Tin cuối năm cũ trong xã", "31/12/2022 23:59"),
], "/tin-tuc/tin-trong-xa?page=3")
PAGE3 = listing([("/tin-tuc/tin-trong-xa/tin-rat-cu.html", "Tin rất cũ trong xã", "01/06/2022")], None)
DOCS = """<html><body><div class="content"><h1>Văn bản pháp quy</h1><table>
<tr><th>Số ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th></tr>
<tr><td>01/QĐ-UBND</td><td>05/01/2023</td><td><a href="/files/qd01.pdf">Quyết định ban hành quy chế</a></td></tr>
</table></div></body></html>"""


def _mock(router: respx.Router) -> None:
    html = {"content-type": "text/html; charset=utf-8"}
    router.get(f"{BASE}/robots.txt").respond(404)
    router.get(f"{BASE}/").respond(200, text=HOME, headers=html)
    router.get(f"{BASE}/tin-tuc/tin-trong-xa", params={"page": "2"}).respond(200, text=PAGE2, headers=html)
    router.get(f"{BASE}/tin-tuc/tin-trong-xa", params={"page": "3"}).respond(200, text=PAGE3, headers=html)
    router.get(f"{BASE}/tin-tuc/tin-trong-xa").respond(200, text=PAGE1, headers=html)
    router.get(f"{BASE}/van-ban-phap-quy").respond(200, text=DOCS, headers=html)
    router.get(f"{BASE}/chuyen-doi-so").respond(500)
    router.get(url__regex=r".*").respond(404, text="<html><body>Không tìm thấy</body></html>", headers=html)


def crawl(quarter: str = "2023-Q1"):  # type: ignore[no-untyped-def]
    settings = CrawlSettings(attempts=1)

    async def go():  # type: ignore[no-untyped-def]
        async with Fetcher(settings) as fetcher:
            return await crawl_portal(Target("mau", BASE + "/"), fetcher, settings, Quarter.parse(quarter))

    with respx.mock(assert_all_called=False) as router:
        _mock(router)
        return asyncio.run(go())


@pytest.fixture(scope="module")
def snapshot():  # type: ignore[no-untyped-def]
    return crawl()


def test_main_menu_is_the_nav_not_the_top_bar(snapshot) -> None:  # type: ignore[no-untyped-def]
    labels = [m.label for m in snapshot.menu]
    assert labels == ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản", "Chuyển đổi số"]
    assert snapshot.menu[3].children[0].label == "Văn bản pháp quy"
    assert any(link.label == "Liên hệ" for link in snapshot.other_nav)


def test_banners_zones_and_thumbnails(snapshot) -> None:  # type: ignore[no-untyped-def]
    by_image = {b.image_url.rsplit("/", 1)[-1]: b for b in snapshot.banners}
    assert by_image["banner1.jpg"].zone == "left"
    assert by_image["hoidap.png"].zone == "right"
    assert by_image["chinhphu.png"].link_url == "https://chinhphu.vn/"
    assert "logo.png" not in by_image


def test_footer_lines_keep_inline_names(snapshot) -> None:  # type: ignore[no-untyped-def]
    assert "Chịu trách nhiệm nội dung: Nguyễn Văn A - Chủ tịch UBND xã" in snapshot.footer_text.splitlines()
    assert "Bản quyền thuộc về: UBND XÃ MẪU" in snapshot.footer_text


def test_navigation_pages_read_and_failed(snapshot) -> None:  # type: ignore[no-untyped-def]
    places = {(link.label, link.where) for link in snapshot.nav}
    assert ("Văn bản pháp quy", "submenu") in places and ("Chuyển đổi số", "menu") in places
    assert ("Liên hệ", "top") in places
    # A banner leading off the portal is not navigation; one leading into it is.
    assert not any("dichvucong" in link.url for link in snapshot.nav)
    assert any(link.where == "banner" and link.url.endswith("/hoi-dap") for link in snapshot.nav)
    legal = snapshot.pages[f"{BASE}/van-ban-phap-quy"]
    assert legal.heading == "Văn bản pháp quy" and legal.items and legal.items[0].url.endswith("qd01.pdf")
    digital = snapshot.pages[f"{BASE}/chuyen-doi-so"]
    assert digital.error is not None and digital.error.status == 500
    assert snapshot.menu_confident and "có thẻ/lớp đánh dấu menu" in snapshot.menu_signals


def test_posts_follow_pagination_until_before_the_quarter(snapshot) -> None:  # type: ignore[no-untyped-def]
    scan = snapshot.posts
    # The CĐS category answered 500: its posts are unknown, so the count cannot be complete.
    assert not scan.complete and "chuyen-doi-so" in (scan.incomplete_reason or "")
    urls = {p.url.rsplit("/", 1)[-1] for p in scan.posts}
    assert "dau-nam-moi.html" in urls and "cuoi-nam-cu.html" in urls
    # Page 2 still had a post of the quarter, so page 3 was read; nothing after it.
    assert any(u.endswith("?page=3") for u in scan.listings)
    in_q1 = [p for p in scan.posts if Quarter.parse("2023-Q1").__contains__(p.published)]
    assert len(in_q1) == 3


def test_unreachable_portal_is_recorded_not_raised() -> None:
    settings = CrawlSettings(attempts=1)

    async def go():  # type: ignore[no-untyped-def]
        async with Fetcher(settings) as fetcher:
            return await crawl_portal(Target("mau", BASE + "/"), fetcher, settings, Quarter.parse("2023-Q1"))

    with respx.mock() as router:
        router.get(url__regex=r".*").mock(side_effect=httpx.ConnectError("Connection refused"))
        snapshot = asyncio.run(go())
    assert not snapshot.reachable
    assert snapshot.home_error is not None and snapshot.home_error.kind == "connect"
