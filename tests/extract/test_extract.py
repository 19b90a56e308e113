"""Extraction heuristics on small pages written the ways real portals write them."""

from __future__ import annotations

from datetime import datetime

from camthuy_audit.extract.feeds import feed_links, parse_feed
from camthuy_audit.extract.html import parse_html
from camthuy_audit.extract.layout import Layout
from camthuy_audit.extract.listing import next_page, page_key
from camthuy_audit.extract.page import analyze
from camthuy_audit.quarter import VN_TZ

BASE = "https://xa.example.gov.vn/"


def own(url: str) -> bool:
    return url.startswith(BASE)


def test_declared_grid_widths_beat_text_when_the_main_column_is_empty() -> None:
    html = """<html><body><div class="row">
      <div class="col-sm-16 col-md-18"><h1>Phổ biến giáo dục pháp luật</h1></div>
      <div class="col-sm-8 col-md-6"><div class="panel"><div class="panel-heading">Thăm dò ý kiến</div>
        <p>Bạn đánh giá thế nào về Cổng thông tin điện tử? Rất hữu ích. Hữu ích. Bình thường. Chưa hữu ích.
        Thống kê truy cập: Đang truy cập 13, Hôm nay 265, Hôm qua 70, Tuần này 1.449, Tháng này 3.296,
        Tất cả 627.744. Liên kết website. Cổng thông tin điện tử Chính phủ. Báo Thanh Hóa.</p></div></div>
    </div></body></html>"""
    view = analyze(html, BASE, own)
    assert "Thăm dò" not in view.content_text
    assert "Phổ biến giáo dục pháp luật" in view.content_text


def test_a_misleading_wrapper_name_does_not_remove_the_page() -> None:
    html = """<html><body><div class="content-right"><h1>Danh bạ cơ quan chức năng</h1>
      <table><tr><td>Văn phòng UBND xã</td><td>0237.3876.123</td></tr>
      <tr><td>Công an xã</td><td>0912 345 678</td></tr></table></div></body></html>"""
    view = analyze(html, BASE, own)
    assert view.phones == ["0237.3876.123", "0912 345 678"]


def test_alignment_classes_are_not_columns() -> None:
    tree = parse_html("""<html><body><div class="main"><img class="pull-left" src="/a.jpg">
      <div class="text-right">x</div></div></body></html>""")
    layout = Layout(tree)
    image = tree.css_first("img")
    assert image is not None and layout.zone(image) == "main"


def test_listing_dates_come_from_the_date_element_not_the_title() -> None:
    html = """<html><body><div class="list">
      <div class="item"><h3><a href="/tin/ke-hoach-to-chuc-ngay-20-11-2022.html">Kế hoạch tổ chức kỷ niệm ngày 20/11/2022 của xã</a></h3>
        <span class="post-date">15/01/2023</span></div>
      <div class="item"><h3><a href="/tin/hoi-nghi-tong-ket-nam-2022.html">Hội nghị tổng kết công tác năm 2022</a></h3>
        <span class="post-date">10/01/2023</span></div>
    </div></body></html>"""
    view = analyze(html, BASE, own)
    dates = {item.url.rsplit("/", 1)[-1]: item.date for item in view.items}
    assert dates["ke-hoach-to-chuc-ngay-20-11-2022.html"] == datetime(2023, 1, 15, tzinfo=VN_TZ)


def test_a_featured_block_is_not_dated_by_its_neighbours() -> None:
    html = """<html><body><div class="home">
      <div class="hot"><div class="hot-main"><a href="/tin/bai-noi-bat.html"><img src="/t.jpg"></a>
        <h2><a href="/tin/bai-noi-bat.html">Bài nổi bật của xã trong tháng</a></h2></div>
        <ul class="hot-list"><li><a href="/tin/a.html">Tin thứ nhất của xã</a></li><li><a href="/tin/b.html">Tin thứ hai của xã</a></li></ul></div>
      <ul class="news"><li><a href="/tin/c.html">Tin mới thứ nhất của xã</a> <span>07/04/2023</span></li>
        <li><a href="/tin/d.html">Tin mới thứ hai của xã</a> <span>04/04/2023</span></li></ul>
    </div></body></html>"""
    view = analyze(html, BASE, own)
    featured = next(i for i in view.items if i.url.endswith("bai-noi-bat.html"))
    assert featured.date is None  # to be read from the article, never borrowed from "Tin mới"


def test_pagers_of_common_platforms() -> None:
    assert page_key("https://x.gov.vn/tin-tuc/page-3") == ("https://x.gov.vn/tin-tuc/", 3)
    assert page_key("https://x.gov.vn/category/tin-tuc/page/2/") == ("https://x.gov.vn/category/tin-tuc/", 2)
    assert page_key("https://x.gov.vn/tin-tuc?page=2") == ("https://x.gov.vn/tin-tuc", 2)
    assert page_key("https://x.gov.vn/index.php?option=com_content&start=20")[1] == 20  # type: ignore[index]
    tree = parse_html('<ul class="pagination"><li><a href="?page=2">2</a></li><li><a href="?page=3">3</a></li></ul>')
    assert tree.body is not None
    assert next_page(tree.body, "https://x.gov.vn/tin-tuc") == "https://x.gov.vn/tin-tuc?page=2"
    assert next_page(tree.body, "https://x.gov.vn/tin-tuc?page=2") == "https://x.gov.vn/tin-tuc?page=3"


def test_feeds_give_dates_in_vietnam_time() -> None:
    rss = """<?xml version="1.0"?><rss version="2.0"><channel><item><title>Tin</title>
      <link>https://x.gov.vn/tin/a-1.html</link><pubDate>Fri, 31 Mar 2023 17:15:30 GMT</pubDate></item></channel></rss>"""
    (entry,) = parse_feed(rss, "https://x.gov.vn/rss/")
    assert entry.published.astimezone(VN_TZ).date().isoformat() == "2023-04-01"
    assert parse_feed("<not xml", "https://x.gov.vn/") == []
    assert feed_links('<link rel="alternate" type="application/rss+xml" href="/feed/">', BASE) == [BASE + "feed/"]


def test_menu_is_found_among_other_lists() -> None:
    html = """<html><body>
      <div class="top-links"><ul><li><a href="/lien-he">Liên hệ</a></li><li><a href="/sitemap">Sơ đồ</a></li><li><a href="/login">Đăng nhập</a></li></ul></div>
      <div id="menu"><ul><li><a href="/"><i class="fa fa-home"></i></a></li><li><a href="/gt">GIỚI THIỆU</a></li>
        <li><a href="/tt">TIN TỨC</a><ul><li><a href="/tt/x">Tin trong xã</a></li></ul></li><li><a href="/vb">VĂN BẢN</a></li></ul></div>
      <div class="content"><ul><li><a href="/tin/1.html">Một bài viết rất dài về hoạt động của xã trong tuần qua</a></li>
        <li><a href="/tin/2.html">Một bài viết khác rất dài về hoạt động của xã trong tuần qua</a></li>
        <li><a href="/tin/3.html">Bài thứ ba rất dài về hoạt động của xã trong tuần qua nữa</a></li></ul></div>
    </body></html>"""
    view = analyze(html, BASE, own)
    assert [m.label for m in view.menu][1:] == ["GIỚI THIỆU", "TIN TỨC", "VĂN BẢN"]


def test_an_old_table_layout_portal() -> None:
    """ASP.NET-era page: menu as a row of links in a td, side columns as tds, no footer element."""
    from pathlib import Path

    html = (Path(__file__).parent / "table_layout_portal.html").read_text(encoding="utf-8")
    view = analyze(html, "https://camx.gov.vn/", lambda u: "camx.gov.vn" in u, full=True)
    assert [m.label for m in view.menu] == ["TRANG CHỦ", "GIỚI THIỆU", "TIN TỨC - SỰ KIỆN", "VĂN BẢN",
                                            "THỦ TỤC HÀNH CHÍNH", "LIÊN HỆ"]
    zones = {b.image_url.rsplit("/", 1)[-1]: b.zone for b in view.banners}
    assert zones == {"hoidap.gif": "left", "cp.jpg": "right", "th.jpg": "right"}
    assert view.footer_text.startswith("Bản quyền thuộc UBND xã Cẩm X. Chịu trách nhiệm nội dung: Ông Nguyễn Văn B")
    (side,) = view.side_sections
    assert side.zone == "left" and [link.label for link in side.links][:2] == ["Tin trong xã", "Chuyển đổi số"]
    assert [i.date.day for i in view.items if i.date] == [5, 3]
