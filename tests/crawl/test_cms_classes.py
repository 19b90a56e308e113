"""One minimal portal per class of false accusation seen on real CMS output (issue 8).

Each test failed on the crawler of commit e4d0609 (the class was marked "o", a post was counted
twice, a count was left incomplete or a rate-limited portal became all "?") and passes now.
"""

from __future__ import annotations

from camthuy_audit.config import CrawlSettings

from .portal_kit import BASE, audit, news_list, page, snapshot_of

Q1_NEWS = [("/tin-tuc/hop-dan-thon-dong-tam-11.html", "Họp dân thôn Đồng Tâm về giao thông nông thôn", "16/01/2023"),
           ("/tin-tuc/tap-huan-ky-thuat-chan-nuoi-12.html", "Tập huấn kỹ thuật chăn nuôi cho hội viên", "20/02/2023"),
           ("/tin-tuc/ra-quan-lam-thuy-loi-dau-xuan-13.html", "Ra quân làm thủy lợi đầu xuân năm 2023", "03/03/2023")]


def _portal(**overrides: object) -> dict[str, object]:
    """A small compliant portal; ``overrides`` replace or add pages by path."""
    pages: dict[str, object] = {
        "/": page(news_list(Q1_NEWS)),
        "/tin-tuc/": page("<h1>Tin tức - Sự kiện</h1>" + news_list(Q1_NEWS)),
    }
    pages.update({k.replace("__", "/"): v for k, v in overrides.items()})
    return pages


# --- footer content outside <footer> ---------------------------------------------------------

TWENTY_TWENTY_ONE = """<!doctype html><html><head><meta charset="utf-8"><title>Xã Thử</title></head>
<body class="home blog"><div id="page" class="site">
<header id="masthead" class="site-header has-menu"><div class="site-branding"><p class="site-title"><a href="/">Xã Thử</a></p></div>
<nav id="site-navigation" class="primary-navigation" aria-label="Primary menu"><div class="primary-menu-container">
<ul id="primary-menu-list" class="menu-wrapper"><li class="menu-item"><a href="/">Trang chủ</a></li>
<li class="menu-item"><a href="/gioi-thieu/">Giới thiệu</a></li><li class="menu-item"><a href="/tin-tuc/">Tin tức - Sự kiện</a></li>
<li class="menu-item"><a href="/van-ban/">Văn bản</a></li><li class="menu-item"><a href="/thu-tuc/">Thủ tục hành chính</a></li>
<li class="menu-item"><a href="/lien-he/">Liên hệ</a></li></ul></div></nav></header>
<div id="content" class="site-content"><div id="primary" class="content-area"><main id="main" class="site-main">
<article class="post type-post"><header class="entry-header"><h2 class="entry-title"><a href="/2023/01/16/hop-dan/">Họp dân thôn Đồng Tâm về giao thông nông thôn</a></h2></header>
<footer class="entry-footer"><span class="posted-on">Đã đăng <time class="entry-date published" datetime="2023-01-16T08:00:00+07:00">16/01/2023</time></span></footer></article>
</main></div></div>
<aside class="widget-area"><section id="text-2" class="widget widget_text"><h2 class="widget-title">Thông tin</h2>
<div class="textwidget"><p>Cơ quan chủ quản: Ủy ban nhân dân xã Thử</p><p>Chịu trách nhiệm nội dung: Ông Lê Văn Bình - Chủ tịch UBND xã</p>
<p>Địa chỉ: thôn Trung Tâm, xã Thử. Điện thoại: 0237 3876 123</p></div></section>
<section id="media_image-2" class="widget widget_media_image"><a href="https://dichvucong.gov.vn/"><img width="300" height="100" src="/wp-content/uploads/2023/01/dich-vu-cong.png" alt="Dịch vụ công trực tuyến"></a></section>
</aside>
<footer id="colophon" class="site-footer"><div class="site-info"><div class="site-name"><a href="/">Xã Thử</a></div>
<div class="powered-by">Tự hào sử dụng WordPress</div></div></footer></div></body></html>"""


def test_footer_widget_area_before_the_footer_element_is_footer() -> None:
    pages = {"/": TWENTY_TWENTY_ONE}
    snapshot = snapshot_of(pages)
    assert "Chịu trách nhiệm nội dung: Ông Lê Văn Bình" in snapshot.footer_text
    assert all(b.zone == "footer" for b in snapshot.banners), [(b.image_url, b.zone) for b in snapshot.banners]
    result = audit(pages)
    assert result.mark("copyright") == "x", result.verdicts["copyright"].reason
    assert result.mark("side_banners") == "o"  # a footer widget area is not a right column


# --- a generic menu label leading to a page headed with the section's name -------------------

REGISTER = """<h1 class="page-title">Văn bản pháp quy</h1><table class="table">
<thead><tr><th>STT</th><th>Số/Ký hiệu</th><th>Ngày ban hành</th><th>Trích yếu</th></tr></thead><tbody>
<tr><td>1</td><td>05/2023/QĐ-UBND</td><td>15/02/2023</td><td><a href="/van-ban/chi-tiet/5-2023-qd-ubnd.html">Ban hành quy chế làm việc của Ủy ban nhân dân xã nhiệm kỳ 2021-2026</a></td></tr>
<tr><td>2</td><td>12/NQ-HĐND</td><td>10/01/2023</td><td><a href="/van-ban/chi-tiet/12-nq-hdnd.html">Về kế hoạch phát triển kinh tế - xã hội năm 2023 của xã</a></td></tr>
<tr><td>3</td><td>98/QĐ-UBND</td><td>28/12/2022</td><td><a href="/van-ban/chi-tiet/98-qd-ubnd.html">Phê duyệt dự toán ngân sách xã năm 2023 và phương án phân bổ</a></td></tr>
</tbody></table>"""


def _document(number: str, day: str) -> str:
    return page(f"<h1>Quyết định số {number}</h1><p>Ngày ban hành: {day}</p><p>Trích yếu: nội dung văn bản.</p>")


def test_generic_menu_label_is_judged_by_the_page_heading() -> None:
    result = audit(_portal(**{"/van-ban/": page(REGISTER)}))
    verdict = result.verdicts["legal_documents"]
    assert verdict.mark == "x", verdict.reason
    assert any("Văn bản pháp quy" in e.text for e in verdict.evidence)


# --- a register laid out as table rows -------------------------------------------------------


def test_table_register_rows_are_documents_not_posts() -> None:
    pages = _portal(**{
        "/van-ban/": page(REGISTER),
        "/van-ban/chi-tiet/5-2023-qd-ubnd.html": _document("05/2023/QĐ-UBND", "15/02/2023"),
        "/van-ban/chi-tiet/12-nq-hdnd.html": _document("12/NQ-HĐND", "10/01/2023"),
        "/van-ban/chi-tiet/98-qd-ubnd.html": _document("98/QĐ-UBND", "28/12/2022"),
    })
    result = audit(pages)
    assert result.mark("legal_documents") == "x"
    assert result.posts_in_quarter == 3  # the three news posts; documents are not posts ("tin bài")


# --- a menu drawn by JavaScript --------------------------------------------------------------

JS_MENU = """<div id="mainmenu" class="navbar-menu"></div>
<script>var MENU=[["Trang chủ","/"],["Giới thiệu","/gioi-thieu/"],["Tin tức","/tin-tuc/"]];render(MENU);</script>
<ul class="list-inline"><li><a href="/">Trang chủ</a></li><li><a href="/lien-he/">Liên hệ</a></li>
<li><a href="/so-do-site/">Sơ đồ site</a></li><li><a href="/hoi-dap/">Hỏi đáp</a></li></ul>"""


def test_menu_drawn_by_javascript_is_unknown_not_missing() -> None:
    result = audit(_portal(**{"/": page(news_list(Q1_NEWS), menu=JS_MENU)}))
    verdict = result.verdicts["main_menu"]
    assert verdict.mark == "?", verdict.reason
    assert "menu chính" in verdict.reason


# --- one post filed in several categories ----------------------------------------------------


def test_post_listed_under_two_category_urls_counts_once() -> None:
    # NukeViet lists a post filed in two categories under one URL per category, with a title
    # shortened in one of the lists, and redirects the second URL to the canonical one.
    menu = """<nav class="main-menu"><ul class="menu"><li><a href="/">Trang chủ</a></li>
    <li><a href="/tin-tuc/">Tin tức</a></li><li><a href="/chuyen-doi-so/">Chuyển đổi số</a></li>
    <li><a href="/lien-he/">Liên hệ</a></li></ul></nav>"""
    shared = [("/tin-tuc/tap-huan-ky-nang-so-cho-to-cong-nghe-so-cong-dong-21.html",
               "Tập huấn kỹ năng số cho tổ công nghệ số cộng đồng", "14/02/2023 08:30")]
    in_digital = [("/chuyen-doi-so/tap-huan-ky-nang-so-cho-to-cong-nghe-so-cong-dong-21.html",
                   "Tập huấn kỹ năng số cho tổ...", "14/02/2023 08:30"),
                  ("/chuyen-doi-so/huong-dan-cai-dat-vneid-22.html", "Hướng dẫn cài đặt ứng dụng VNeID", "01/03/2023 10:00")]
    redirect = (301, "", {"location": f"{BASE}/tin-tuc/tap-huan-ky-nang-so-cho-to-cong-nghe-so-cong-dong-21.html"})
    pages = {
        "/": page(news_list(shared), menu=menu),
        "/tin-tuc/": page("<h1>Tin tức</h1>" + news_list(shared), menu=menu),
        "/chuyen-doi-so/": page("<h1>Chuyển đổi số</h1>" + news_list(in_digital), menu=menu),
        "/chuyen-doi-so/tap-huan-ky-nang-so-cho-to-cong-nghe-so-cong-dong-21.html": redirect,
    }
    assert audit(pages).posts_in_quarter == 2


# --- an empty category that says so ----------------------------------------------------------


def test_category_saying_it_has_no_posts_is_empty() -> None:
    other_news = ('<div class="box"><h2>Tin mới nhất</h2>' + news_list(Q1_NEWS) + "</div>")
    digital = page("<h1>Chuyển đổi số</h1><div class='alert alert-info'>Chưa có bài viết nào trong chuyên mục "
                   "này.</div>" + other_news)
    left = '<h3 class="title">Chuyên mục</h3><ul><li><a href="/chuyen-doi-so/">Chuyển đổi số</a></li></ul>'
    pages = _portal(**{"/": page(news_list(Q1_NEWS), left=left), "/chuyen-doi-so/": digital})
    verdict = audit(pages).verdicts["digital_transformation_category"]
    assert verdict.mark == "o", verdict.reason
    assert any("Chưa có bài viết" in e.text for e in verdict.evidence)


# --- a banner to another site is not a category ----------------------------------------------


def test_banner_to_an_external_site_is_not_the_category() -> None:
    right = ('<a href="https://chuyendoiso.thanhhoa.gov.vn/"><img src="/images/banner-cds.png" '
             'alt="Chuyển đổi số tỉnh Thanh Hóa" width="250" height="90"></a>')
    verdict = audit(_portal(**{"/": page(news_list(Q1_NEWS), right=right)})).verdicts[
        "digital_transformation_category"]
    assert verdict.mark == "o", verdict.reason  # the portal has no such category: not "?"


# --- one festival news item on the home page -------------------------------------------------


def test_a_festival_news_item_on_the_home_page_is_not_the_tourism_section() -> None:
    festival = ("/tin-tuc/khai-mac-le-hoi-den-ba-14.html", "Khai mạc lễ hội đền Bà", "05/02/2023")
    article = page("<h1>Khai mạc lễ hội đền Bà</h1><p class='date'>05/02/2023</p><p>" + "Lễ hội diễn ra trang "
                   "trọng với sự tham gia của đông đảo nhân dân và du khách thập phương. " * 5 + "</p>")
    pages = _portal(**{"/": page(news_list([*Q1_NEWS, festival])), festival[0]: article})
    verdict = audit(pages).verdicts["tourism_festivals"]
    assert verdict.mark == "o", verdict.reason


# --- a numbered JavaScript slider is not a pager ---------------------------------------------

SLIDER = """<div class="slider"><div class="slides"><img src="/img/slide1.jpg" alt="Cảnh đẹp quê hương"></div>
<div class="slider-nav"><a href="javascript:slide(1)">1</a><a href="javascript:slide(2)">2</a>
<a href="javascript:slide(3)">3</a></div></div>"""


def test_a_javascript_slider_is_not_a_listing_pager() -> None:
    pages = _portal(**{"/tin-tuc/": page("<h1>Tin tức - Sự kiện</h1>" + news_list(Q1_NEWS), right=SLIDER),
                       "/": page(news_list(Q1_NEWS), right=SLIDER)})
    result = audit(pages)
    assert result.posts_in_quarter == 3, result.verdicts["posts_in_quarter"].reason


# --- a portal that rate-limits its first requests --------------------------------------------


def test_429_with_retry_after_is_a_wait_not_a_failure() -> None:
    slow_down = (429, "<html><body>Too Many Requests</body></html>", {"retry-after": "1"})
    plain = _portal()
    expected = audit(plain)
    limited = {**plain, "/robots.txt": [slow_down, (404, "", {})], "/": [slow_down, slow_down, plain["/"]],
               "/tin-tuc/": [slow_down, plain["/tin-tuc/"]]}
    settings = CrawlSettings(attempts=2, backoff=0.01, min_delay=0)
    result = audit(limited, settings=settings)
    assert {c: v.mark for c, v in result.verdicts.items()} == {c: v.mark for c, v in expected.verdicts.items()}
    assert result.posts_in_quarter == expected.posts_in_quarter == 3


# --- campaign titles as portals write them ---------------------------------------------------

ELECTION_2021 = "Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026"
ELECTION_2026 = "Bầu cử đại biểu Quốc hội khóa XVI và đại biểu HĐND các cấp nhiệm kỳ 2026-2031"


def _with_category(label: str) -> dict[str, object]:
    left = f'<h3 class="title">Chuyên mục</h3><ul><li><a href="/bau-cu/">{label}</a></li></ul>'
    return _portal(**{"/": page(news_list(Q1_NEWS), left=left)})


def test_official_election_title_names_the_term_elected_at_its_start() -> None:
    assert audit(_with_category(ELECTION_2021)).mark("stale_categories") == "o"
    # In 2026-Q1 the 2026 election is on: its own category is legitimate, the 2021 one is not.
    assert audit(_with_category(ELECTION_2021), quarter="2026-Q1").mark("stale_categories") == "o"
    assert audit(_with_category(ELECTION_2026), quarter="2026-Q1").mark("stale_categories") == "x"


# --- classes the real-CMS portals of tests/corpus/cms showed (also failing on e4d0609) ---------

NUKEVIET_ROWS = """<!doctype html><html><head><meta charset="utf-8"><title>Xã Thử</title></head><body>
<header><div class="logo"><a href="/"><img src="/logo.png" alt="logo"></a></div></header>
<div class="section-nav"><nav class="second-nav" id="menusite"><ul class="nav navbar-nav">
<li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu/">Giới thiệu</a></li><li><a href="/tin-tuc/">Tin tức</a></li>
<li><a href="/lien-he/">Liên hệ</a></li></ul></nav></div>
<div class="section-body"><div class="container" id="body">
<div class="row">
 <div class="col-sm-18 col-md-19 col-sm-push-6 col-md-push-5">{main}</div>
 <div class="col-sm-6 col-md-5 col-sm-pull-18 col-md-pull-19">
  <div class="panel"><div class="panel-heading">Liên kết</div><div class="panel-body m-bottom">
  <a href="/banners/click/?id=3&amp;s=9bb40e5fc1ce615f8e224b601abd1a32"><img alt="banner" src="/uploads/banners/banner-1.png" width="250" height="90"></a>
  </div></div></div>
</div>
<div class="row"><p><strong>Cơ quan chủ quản: Ủy ban nhân dân xã Thử</strong></p>
<p>Chịu trách nhiệm nội dung: Ông Trịnh Văn Hùng - Chủ tịch UBND xã</p></div>
</div></div>
<footer class="section-footer-top" id="footer"><div class="copyright">© Bản quyền thuộc về UBND xã Thử.</div></footer>
</body></html>"""
CLICK_COUNTER = """<html><body><noscript><meta http-equiv="refresh" content="0;url=https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-pakn.html" /></noscript>
<script>window.location.href="https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-pakn.html";</script></body></html>"""


def test_a_row_below_the_columns_is_footer_and_a_click_counter_is_followed() -> None:
    pages = {"/": NUKEVIET_ROWS.replace("{main}", news_list(Q1_NEWS)),
             "/banners/click/?id=3&s=9bb40e5fc1ce615f8e224b601abd1a32": CLICK_COUNTER}
    snapshot = snapshot_of(pages)
    assert "Chịu trách nhiệm nội dung: Ông Trịnh Văn Hùng" in snapshot.footer_text
    [banner] = snapshot.banners
    assert banner.zone == "left"                       # "m-bottom" is a margin, the column is a side
    assert banner.target_url and "phananhkiennghi" in banner.target_url
    result = audit(pages)
    assert result.mark("copyright") == "x" and result.mark("side_banners") == "x"
    assert result.mark("feedback_banner") == "x", result.verdicts["feedback_banner"].reason


WHOLE_LINKS = "".join(
    f'<a class="show h4" href="/van-ban-chi-dao/{slug}-{n}.html" title="{title}"><h4><span class="label">{n}</span> '
    f"{title}</h4></a>" for n, (slug, title) in enumerate([
        ("ke-hoach-thang-thanh-nien", "Kế hoạch tổ chức Tháng Thanh niên năm 2023"),
        ("cong-van-an-ninh-tet", "Công văn về việc bảo đảm an ninh trật tự dịp Tết"),
        ("thong-bao-cat-dien", "Thông báo lịch cắt điện ngày 05/4/2023")], start=21))


def test_items_written_as_one_link_each_are_listed() -> None:
    article = "<h1>{}</h1><p class='date'>Thứ năm - {} 09:00</p><p>Nội dung văn bản chỉ đạo.</p>"
    pages = _portal(**{
        "/tin-tuc/": page("<h1>Văn bản chỉ đạo điều hành</h1><div class='list-group'>" + WHOLE_LINKS + "</div>"),
        "/van-ban-chi-dao/ke-hoach-thang-thanh-nien-21.html": page(article.format("Kế hoạch", "03/03/2023")),
        "/van-ban-chi-dao/cong-van-an-ninh-tet-22.html": page(article.format("Công văn", "19/01/2023")),
        "/van-ban-chi-dao/thong-bao-cat-dien-23.html": page(article.format("Thông báo", "30/03/2023")),
    })
    assert audit(pages).posts_in_quarter == 6   # three news posts on the home page, three here


BLOCK_THEME = """<!doctype html><html><head><meta charset="utf-8"><title>Xã Thử</title></head><body>
<div class="wp-site-blocks"><header class="wp-block-template-part"><div class="wp-block-group">
<p class="wp-block-site-title"><a href="/">Xã Thử</a></p>
<nav class="is-content-justification-right is-layout-flex items-justified-right wp-block-navigation">
<ul class="wp-block-navigation__container"><li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu/">Giới thiệu</a></li>
<li><a href="/tin-tuc/">Tin tức - Sự kiện</a><ul><li><a href="/tin-tuc/tin-xa/">Tin trong xã</a></li></ul></li>
<li><a href="/van-ban/">Văn bản</a></li><li><a href="/thu-tuc/">Thủ tục hành chính</a></li><li><a href="/lien-he/">Liên hệ</a></li></ul></nav>
</div></header>
<main class="wp-block-group">{main}</main>
<footer class="wp-block-template-part"><div class="wp-block-group"><p>© 2023 Bản quyền thuộc Ủy ban nhân dân xã Thử</p>
<p>Chịu trách nhiệm nội dung: Bà Lê Thị Hoa</p><p><a href="/lien-he/">Góp ý, phản ánh</a> | <a href="/wp-sitemap.xml">Sơ đồ trang</a></p>
</div></footer></div></body></html>"""


def test_a_block_themes_template_parts_are_the_pages_header_and_footer() -> None:
    empty_category = BLOCK_THEME.replace("{main}", '<h1 class="wp-block-query-title">Category: <span>Chuyển đổi số</span>'
                                                   '</h1><div class="wp-block-query"></div>')
    left = "{main}<div class='row'><div class='col-lg-4'><a href='/chuyen-doi-so/'>Chuyển đổi số</a></div></div>"
    pages = {"/": BLOCK_THEME.replace("{main}", news_list(Q1_NEWS) + left.replace("{main}", "")),
             "/chuyen-doi-so/": empty_category}
    snapshot = snapshot_of(pages)
    assert snapshot.menu_confident, snapshot.menu_signals   # justified right: not a side column
    assert "Chịu trách nhiệm nội dung: Bà Lê Thị Hoa" in snapshot.footer_text
    result = audit(pages)
    assert result.mark("main_menu") == "x"
    assert result.mark("copyright") == "x"
    # The footer's links are not the empty category's items.
    assert result.mark("digital_transformation_category") == "o", result.verdicts[
        "digital_transformation_category"].reason


def test_a_strip_of_equal_boxes_under_the_news_is_not_a_side_column() -> None:
    strip = "".join(f'<div class="col-lg-4"><a href="https://{host}/"><img src="/media/{host}.png" alt="{host}" '
                    'width="300" height="100"></a></div>' for host in ("dichvucong.gov.vn", "thanhhoa.gov.vn",
                                                                      "baohiemxahoi.gov.vn"))
    body = (f'<div class="container crx-grid"><div class="row"><div class="col-lg-12">{news_list(Q1_NEWS)}</div></div></div>'
            f'<div class="container crx-grid"><div class="row">{strip}</div></div>')
    pages = {"/": BLOCK_THEME.replace("{main}", body)}
    assert {b.zone for b in snapshot_of(pages).banners} == {"main"}
    assert audit(pages).mark("side_banners") == "o"
