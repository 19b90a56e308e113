"""Write six more labelled portals on platforms build.py does not cover (the author's tool; output committed).

    .venv/bin/python tests/corpus/build_more.py          # rewrite the six site-*/ folders below
    .venv/bin/python tests/corpus/build_more.py --check  # fail if the committed files differ
    .venv/bin/python tests/corpus/build_more.py --links  # list own-site links that no saved file answers

The portals (README.md, "Six more portals"): two Joomla sites (3.10 with SEF URLs under
``/index.php/``, 4.2 with query-string URLs), a SharePoint-style provincial-platform site, a
home-made PHP table-layout site, a Liferay 6.2 portal as VNPT builds them, and a vendor CMS full of
real-world mess. Each is written as its platform renders pages, from the platform's own templates
and conventions; none of it is shaped to camthuy_audit, which this script never imports.

The content model and the image/date helpers are build.py's (loaded from the file beside this one).
The labels live in answers.json and are written by hand; like build.py, this script only checks that
the post counts it generated equal the labelled ``posts_in_quarter``.

Served-file conventions (camthuy_audit.evaluate): ``/x`` -> ``x``, ``x.html`` or ``x/index.html``;
``/x?q`` -> ``x/__q/q.html``. The server types files by extension and knows no ``.aspx`` or ``.php``,
so pages whose URL ends in ``.aspx`` or ``.php`` are saved as ``<name>.aspx.html`` / ``<name>.php.html``
(a real server sends them as text/html).
"""

from __future__ import annotations

import argparse
import hashlib
import importlib.util
import re
import sys
import tempfile
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

HERE = Path(__file__).resolve().parent


def _load_build():  # noqa: ANN202 - the module object of build.py
    spec = importlib.util.spec_from_file_location("corpus_build_base", HERE / "build.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module          # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module


B = _load_build()
Site, Post, Banner, Link = B.Site, B.Post, B.Banner, B.Link
esc, slugify, unaccent, table_html = B.esc, B.slugify, B.unaccent, B.table_html
add_posts, add_post, body_paragraphs, pages_of, index_file = B.add_posts, B.add_post, B.body_paragraphs, B.pages_of, B.index_file
doc_rows, reception_rows, directory_rows = B.doc_rows, B.reception_rows, B.directory_rows
LEGAL_DOCS, DIRECTIVE_DOCS, WEEKDAYS = B.LEGAL_DOCS, B.DIRECTIVE_DOCS, B.WEEKDAYS


def iso(moment: datetime) -> str:
    return moment.strftime("%Y-%m-%dT%H:%M:%S+07:00")


def dmy(moment: datetime | date) -> str:
    return moment.strftime("%d/%m/%Y")


def token(text: str, length: int = 6) -> str:
    """A stable lower-case id (SharePoint page suffixes, Liferay instance ids)."""
    digest = hashlib.md5(text.encode()).hexdigest()
    return "".join(chr(ord("a") + int(c, 16) % 26) for c in digest)[:length]


def hits(post: Post) -> int:
    return 40 + post.ident * 7 % 113


def save_as(path: str) -> str:
    """The file of a URL path without query (``.aspx``/``.php`` pages get ``.html`` appended)."""
    path = path.lstrip("/")
    if path.endswith((".aspx", ".php")):
        return path + ".html"
    if path.endswith(".html") or "." in path.rsplit("/", 1)[-1]:
        return path
    return index_file(path)


JOOMLA_GENERATOR = "Joomla! - Open Source Content Management"
JOOMLA_ROBOTS = ("# If the Joomla site is installed within a folder\n# eg www.example.com/joomla/ then the robots.txt file\n"
                 "User-agent: *\nDisallow: /administrator/\nDisallow: /bin/\nDisallow: /cache/\nDisallow: /cli/\n"
                 "Disallow: /components/\nDisallow: /includes/\nDisallow: /installation/\nDisallow: /language/\n"
                 "Disallow: /layouts/\nDisallow: /libraries/\nDisallow: /logs/\nDisallow: /modules/\nDisallow: /plugins/\n"
                 "Disallow: /tmp/\n")


# --- Joomla 3.10 (a Bootstrap 2 template as Vietnamese vendors sell them) ----------------------
# SEF URLs without rewriting (/index.php/<menu>/<id>-<alias>), <base href> of the current URL,
# mod_menu ul.nav.menu (separator parents as span.nav-header), modules div.moduletable with h3 in
# #sidebar-left / #sidebar-right, mod_banners with click links that redirect (303), category blog
# (items-leading, items-row, items-more, div.pagination with ?start=N), category list (table, no
# dates), dl.article-info with dd.published > time[datetime], footer custom module.


@dataclass
class Joomla3:
    site: Site
    menu: list[Link]
    left: list[str]
    right: list[str]
    footer_html: str
    template: str = "vietgov3"
    header: str = "/images/banner/header.jpg"

    @property
    def site_title(self) -> str:
        return f"Trang thông tin điện tử {self.site.name}"

    def page(self, path: str, title: str, main: str, *, body: str, query: str = "", head: str = "") -> str:
        site = self.site
        here = site.origin + path + (f"?{query}" if query else "")
        full = f"{title} - {self.site_title}" if title else self.site_title
        return f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<meta charset="utf-8" />
<base href="{esc(here)}" />
<meta name="keywords" content="{esc(site.name)}, {esc(site.district)}, tin tức, thủ tục hành chính" />
<meta name="description" content="{esc(self.site_title)}" />
<meta name="generator" content="{JOOMLA_GENERATOR}" />
<title>{esc(full)}</title>
{head}<link href="/templates/{self.template}/favicon.ico" rel="shortcut icon" type="image/vnd.microsoft.icon" />
<link href="/templates/{self.template}/css/template.css?5d1f0a3c7e" rel="stylesheet" />
<script src="/media/jui/js/jquery.min.js?5d1f0a3c7e"></script>
</head>
<body class="site {body}">
<div class="body" id="top">
<div class="container">
<header class="header" role="banner">
<div class="header-inner clearfix">
<a class="brand pull-left" href="/"><img src="{site.origin}{self.header}" alt="{esc(self.site_title)}" /></a>
</div>
</header>
<nav class="navigation" role="navigation">
<div class="nav-collapse">
<ul class="nav menu nav-pills mod-list">
{self._menu()}
</ul>
</div>
</nav>
<div class="row-fluid">
<div id="sidebar-left" class="span3">
{chr(10).join(self.left)}
</div>
<main id="content" role="main" class="span6">
<div id="system-message-container">
</div>
{main}
</main>
<div id="sidebar-right" class="span3">
{chr(10).join(self.right)}
</div>
</div>
</div>
</div>
<footer class="footer" role="contentinfo">
<div class="container">
<hr />
{self.footer_html}
<p class="pull-right"><a href="#top" id="back-top">Về đầu trang</a></p>
<p>&copy; 2023 {esc(self.site_title)}</p>
</div>
</footer>
</body>
</html>
"""

    def _menu(self) -> str:
        lines = []
        number = 100
        for item in self.menu:
            number += 1
            css = f"item-{number}" + (" default" if number == 101 else "") + (" deeper parent" if item.children else "")
            sub = ""
            if item.children:
                rows = []
                for child in item.children:
                    number += 1
                    rows.append(f'<li class="item-{number}">{self._anchor(child)}</li>')
                sub = '<ul class="nav-child unstyled small">' + "".join(rows) + "</ul>"
            lines.append(f'<li class="{css}">{self._anchor(item)}{sub}</li>')
        return "\n".join(lines)

    @staticmethod
    def _anchor(item: Link) -> str:
        if not item.href:                                   # a separator/heading menu item
            return f'<span class="nav-header ">{esc(item.label)}</span>'
        if item.href.startswith("http"):
            return f'<a href="{esc(item.href)}" target="_blank" rel="noopener noreferrer">{esc(item.label)}</a>'
        return f'<a href="{esc(item.href)}" >{esc(item.label)}</a>'

    # -- modules --

    @staticmethod
    def module(title: str, body: str, suffix: str = "") -> str:
        heading = f"<h3>{esc(title)}</h3>\n" if title else ""
        return f'<div class="moduletable{suffix}">\n{heading}{body}\n</div>'

    def menu_module(self, title: str, links: list[Link]) -> str:
        rows = "".join(f'<li class="item-{130 + i}"><a href="{esc(x.href)}" >{esc(x.label)}</a></li>' for i, x in enumerate(links))
        return self.module(title, f'<ul class="nav menu mod-list">\n{rows}\n</ul>', "_menu")

    def banners_module(self, title: str, banners: list[tuple[int, Banner]]) -> str:
        items = []
        for number, b in banners:
            click = f"/index.php/component/banners/click/{number}"
            self.site.files.setdefault("_redirects", b"")
            self.site.files["_redirects"] += f"{click} {b.href} 303\n".encode()
            self.site.image(b.image, b.width, b.height)
            items.append(f'<div class="banneritem">\n<a href="{click}" target="_blank" rel="noopener noreferrer" title="{esc(b.title or b.alt)}">\n'
                         f'<img src="{self.site.origin}{b.image}" alt="{esc(b.alt)}" width="{b.width}" height="{b.height}" />\n</a>\n'
                         '<div class="clr"></div>\n</div>')
        return self.module(title, '<div class="bannergroup">\n' + "\n".join(items) + "\n</div>")

    # -- content --

    def post_url(self, post: Post) -> str:
        return f"{self.site.cats[post.cat].path}/{post.ident}-{post.slug}"

    def info(self, post: Post, *, category: bool) -> str:
        cat = self.site.cats[post.cat]
        parts = ['<dl class="article-info muted">', '<dt class="article-info-term">Chi tiết</dt>']
        if category:
            parts.append(f'<dd class="category-name"><span class="icon-folder-open" aria-hidden="true"></span> Chuyên mục: '
                         f'<a href="{cat.path}" itemprop="genre">{esc(cat.label)}</a></dd>')
        parts.append(f'<dd class="published"><span class="icon-calendar" aria-hidden="true"></span> '
                     f'<time datetime="{iso(post.published)}" itemprop="datePublished">Ngày đăng: {dmy(post.published)}</time></dd>')
        parts.append(f'<dd class="hits"><span class="icon-eye-open" aria-hidden="true"></span> '
                     f'<meta itemprop="interactionCount" content="UserPageVisits:{hits(post)}" />Lượt xem: {hits(post)}</dd>')
        parts.append("</dl>")
        return "\n".join(parts)

    def blog_item(self, post: Post, css: str) -> str:
        url = self.post_url(post)
        return (f'<div class="{css}" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">\n'
                f'<div class="page-header"><h2 itemprop="name"><a href="{url}" itemprop="url">{esc(post.title)}</a></h2></div>\n'
                f'{self.info(post, category=False)}\n<p>{esc(post.summary)}</p>\n'
                f'<p class="readmore"><a class="btn" href="{url}" itemprop="url" aria-label="Xem thêm: {esc(post.title)}">'
                '<span class="icon-chevron-right" aria-hidden="true"></span> Xem thêm...</a></p>\n</div>')

    def pager(self, base: str, number: int, count: int, per_page: int) -> str:
        if count < 2:
            return ""

        def href(n: int) -> str:
            return base if n == 1 else f"{base}?start={(n - 1) * per_page}"

        def cell(css: str, label: str, n: int, enabled: bool) -> str:
            inner = (f'<a title="{label}" href="{href(n)}" class="hasTooltip pagenav">{label}</a>' if enabled
                     else f'<span class="pagenav">{label}</span>')
            return f'<li class="{css}">{inner}</li>'
        cells = [cell("pagination-start", "Đầu", 1, number > 1), cell("pagination-prev", "Trước", number - 1, number > 1)]
        for n in range(1, count + 1):
            cells.append(f'<li><span class="pagenav">{n}</span></li>' if n == number else f'<li><a href="{href(n)}" class="pagenav">{n}</a></li>')
        cells += [cell("pagination-next", "Sau", number + 1, number < count), cell("pagination-end", "Cuối", count, number < count)]
        return (f'<div class="pagination">\n<p class="counter pull-right"> Trang {number} / {count} </p>\n<ul>\n'
                + "\n".join(cells) + "\n</ul>\n</div>")

    def blog(self, key: str, *, per_page: int = 10, links: int = 4, description: str = "") -> None:
        site = self.site
        cat = site.cats[key]
        posts = site.listing(key)
        chunks = pages_of(posts, per_page)
        for number, chunk in enumerate(chunks, 1):
            start = (number - 1) * per_page
            parts = [f'<div class="blog" itemscope itemtype="https://schema.org/Blog">\n<div class="page-header">\n<h1> {esc(cat.label)} </h1>\n</div>']
            if description and number == 1:
                parts.append(f'<div class="category-desc clearfix">\n<p>{esc(description)}</p>\n</div>')
            if not chunk:
                parts.append("<p>Không có bài viết trong chuyên mục này. Nếu danh mục con được hiển thị trên trang này, "
                             "chúng có thể có bài viết.</p>")
            else:
                parts.append('<div class="items-leading clearfix">\n' + self.blog_item(chunk[0], "leading-0") + "\n</div>")
                for row, post in enumerate(chunk[1:]):
                    parts.append(f'<div class="items-row cols-1 row-{row} row-fluid clearfix">\n<div class="span12">\n'
                                 f'{self.blog_item(post, "item column-1")}\n</div>\n<span class="row-separator"></span>\n</div>')
                more = posts[start + per_page:start + per_page + links]
                if more:
                    rows = "".join(f'<li><a href="{self.post_url(p)}">{esc(p.title)}</a></li>\n' for p in more)
                    parts.append(f'<div class="items-more">\n<ol class="nav nav-tabs nav-stacked">\n{rows}</ol>\n</div>')
                parts.append(self.pager(cat.path, number, len(chunks), per_page))
            parts.append("</div>")
            query = "" if number == 1 else f"start={start}"
            head = f'<link href="{cat.path}?format=feed&amp;type=rss" rel="alternate" type="application/rss+xml" title="RSS 2.0" />\n'
            site.write(index_file(cat.path, query), self.page(cat.path, cat.label, "\n".join(p for p in parts if p), query=query,
                                                              body="com_content view-category layout-blog no-task itemid-103",
                                                              head=head))

    def category_list(self, key: str) -> None:
        """The category list layout: a table of titles and hits, no dates (list_show_date off)."""
        site = self.site
        cat = site.cats[key]
        rows = []
        for index, post in enumerate(site.listing(key)):
            rows.append(f'<tr class="cat-list-row{index % 2}" >\n<td headers="categorylist_header_title" class="list-title">\n'
                        f'<a href="{self.post_url(post)}">\n{esc(post.title)}</a>\n</td>\n'
                        f'<td headers="categorylist_header_hits" class="list-hits">\n<span class="badge badge-info">\nLượt xem: {hits(post)}</span>\n</td>\n</tr>')
        main = (f'<div class="category-list">\n<div>\n<div class="content-category">\n<h2> {esc(cat.label)} </h2>\n'
                f'<form action="{site.origin}{cat.path}" method="post" name="adminForm" id="adminForm" class="form-inline">\n'
                f'<table class="category table table-striped table-bordered table-hover">\n<caption class="hide">Danh sách bài viết trong chuyên mục {esc(cat.label)}</caption>\n'
                '<thead>\n<tr>\n<th scope="col" id="categorylist_header_title"><a href="#" onclick="Joomla.tableOrdering(\'a.title\',\'asc\',\'\', document.getElementById(\'adminForm\'));return false;" class="hasPopover" title="Tiêu đề">Tiêu đề</a></th>\n'
                '<th scope="col" id="categorylist_header_hits"><a href="#" onclick="Joomla.tableOrdering(\'a.hits\',\'asc\',\'\');return false;" class="hasPopover">Lượt xem</a></th>\n</tr>\n</thead>\n'
                f'<tbody>\n{chr(10).join(rows)}\n</tbody>\n</table>\n<input type="hidden" name="filter_order" value="" />\n<input type="hidden" name="limitstart" value="" />\n'
                '</form>\n</div>\n</div>\n</div>')
        site.write(index_file(cat.path), self.page(cat.path, cat.label, main, body="com_content view-category no-layout no-task itemid-121"))

    def article(self, post: Post) -> None:
        site = self.site
        url = self.post_url(post)
        listing = site.listing(post.cat)
        index = listing.index(post)
        nav = ""
        if index + 1 < len(listing):
            nav += (f'<li class="previous"><a class="hasTooltip" title="{esc(listing[index + 1].title)}" aria-label="Bài trước: {esc(listing[index + 1].title)}" '
                    f'href="{self.post_url(listing[index + 1])}" rel="prev"><span class="icon-chevron-left" aria-hidden="true"></span> <span aria-hidden="true">Trước</span></a></li>')
        if index > 0:
            nav += (f'<li class="next"><a class="hasTooltip" title="{esc(listing[index - 1].title)}" aria-label="Bài tiếp theo: {esc(listing[index - 1].title)}" '
                    f'href="{self.post_url(listing[index - 1])}" rel="next"><span aria-hidden="true">Sau</span> <span class="icon-chevron-right" aria-hidden="true"></span></a></li>')
        main = (f'<div class="item-page" itemscope itemtype="https://schema.org/Article">\n<meta itemprop="inLanguage" content="vi-VN" />\n'
                f'<div class="page-header">\n<h2 itemprop="headline">\n{esc(post.title)}</h2>\n</div>\n'
                '<div class="icons">\n<div class="btn-group pull-right">\n<button class="btn dropdown-toggle" type="button" data-toggle="dropdown" aria-haspopup="true" aria-expanded="false">'
                '<span class="icon-cog" aria-hidden="true"></span><span class="caret" aria-hidden="true"></span></button>\n<ul class="dropdown-menu">\n'
                f'<li class="print-icon"><a href="{url}?tmpl=component&amp;print=1" title="In bài viết" onclick="window.open(this.href,\'win2\',\'status=no,toolbar=no\'); return false;" rel="nofollow">'
                '<span class="icon-print" aria-hidden="true"></span> In</a></li>\n</ul>\n</div>\n</div>\n'
                f'{self.info(post, category=True)}\n<div itemprop="articleBody">\n<p><strong>{esc(post.summary)}</strong></p>\n{body_paragraphs(site, post)}\n'
                f'<p style="text-align: right;"><strong>Ban Văn hóa - Thông tin xã</strong></p>\n</div>\n<ul class="pager pagenav">\n{nav}\n</ul>\n</div>')
        site.write(url.lstrip("/") + ".html", self.page(url, post.title, main, body="com_content view-article no-layout no-task itemid-102"))

    def static(self, path: str, title: str, html: str) -> None:
        """A single-article menu item with the article info hidden (about, documents, directory)."""
        main = (f'<div class="item-page" itemscope itemtype="https://schema.org/Article">\n<meta itemprop="inLanguage" content="vi-VN" />\n'
                f'<div class="page-header">\n<h2 itemprop="headline">\n{esc(title)}</h2>\n</div>\n<div itemprop="articleBody">\n{html}\n</div>\n</div>')
        self.site.write(index_file(path), self.page(path, title, main, body="com_content view-article no-layout no-task itemid-110"))

    def contact(self, path: str, name: str, lines: list[tuple[str, str]]) -> None:
        """com_contact's single contact view (a contact page, not a directory)."""
        rows = "".join(f'<dt><span class="jicons-text">{esc(label)}</span></dt>\n<dd><span class="contact-{css}" itemprop="{css}">{esc(value)}</span></dd>\n'
                       for label, value, css in ((lines[0][0], lines[0][1], "street"), (lines[1][0], lines[1][1], "telephone"), (lines[2][0], lines[2][1], "email")))
        main = (f'<div class="contact" itemscope itemtype="https://schema.org/Person">\n<div class="page-header">\n<h2>\n<span class="contact-name" itemprop="name">{esc(name)}</span>\n</h2>\n</div>\n'
                f'<h3>Liên hệ</h3>\n<dl class="contact-address dl-horizontal" itemprop="address" itemscope itemtype="https://schema.org/PostalAddress">\n{rows}</dl>\n'
                '<h3>Gửi thư</h3>\n<form id="contact-form" action="" method="post" class="form-validate form-horizontal well">\n'
                '<fieldset><legend>Gửi thư đến cơ quan</legend><div class="control-group"><div class="control-label"><label id="jform_contact_name-lbl" for="jform_contact_name">Họ tên<span class="star">&#160;*</span></label></div>'
                '<div class="controls"><input type="text" name="jform[contact_name]" id="jform_contact_name" value="" class="required" size="30" required aria-required="true" /></div></div>'
                '<div class="control-group"><div class="control-label"><label for="jform_contact_message">Nội dung</label></div><div class="controls"><textarea name="jform[contact_message]" id="jform_contact_message" cols="50" rows="10"></textarea></div></div>'
                '</fieldset><div class="control-group"><div class="controls"><button class="btn btn-primary validate" type="submit">Gửi</button></div></div></form>\n</div>')
        self.site.write(index_file(path), self.page(path, "Liên hệ", main, body="com_contact view-contact no-layout no-task itemid-119"))

    def featured(self, posts: list[Post]) -> None:
        site = self.site
        items = []
        for index, post in enumerate(posts):
            items.append(f'<div class="items-row cols-1 row-{index} row-fluid">\n<div class="item column-1" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">\n'
                         f'<div class="page-header"><h2 itemprop="name"><a href="{self.post_url(post)}" itemprop="url">{esc(post.title)}</a></h2></div>\n'
                         f'{self.info(post, category=False)}\n<p>{esc(post.summary)}</p>\n</div>\n</div>')
        main = '<div class="blog-featured" itemscope itemtype="https://schema.org/Blog">\n' + "\n".join(items) + "\n</div>"
        html = self.page("/", "", main, body="com_content view-featured no-layout no-task itemid-101")
        site.write("index.html", html)
        site.write("index.php.html", html.replace(f'<base href="{site.origin}/" />', f'<base href="{site.origin}/index.php" />'))

    def error_page(self) -> None:
        self.site.write("_404.html", f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
<meta charset="utf-8" />
<title>404 - Lỗi: 404</title>
<meta name="viewport" content="width=device-width, initial-scale=1.0" />
<link href="/templates/{self.template}/css/template.css?5d1f0a3c7e" rel="stylesheet" />
</head>
<body class="site">
<div class="body"><div class="container">
<div class="row-fluid"><div id="content" class="span12">
<h1 class="page-header">Không tìm thấy trang yêu cầu.</h1>
<div class="well">
<p><strong>Có lỗi xảy ra khi xử lý yêu cầu của bạn.</strong></p>
<p>Bạn không thể truy cập trang này vì:</p>
<ul><li>liên kết hoặc đánh dấu đã hết hạn</li><li>địa chỉ gõ sai</li><li>trang yêu cầu không tồn tại</li></ul>
<p><a href="/index.php" class="btn"><span class="icon-home" aria-hidden="true"></span> Trang chủ</a></p>
<hr />
<span class="label label-inverse">404</span> Không tìm thấy bài viết
</div>
</div></div>
</div></div>
</body>
</html>
""")


# --- Joomla 4.2 (Cassiopeia) ------------------------------------------------------------------
# Search-engine-friendly URLs switched off: every link is index.php?option=...&Itemid=N (articles
# id=N:alias). ul.mod-menu (metismenu dropdown, separator items as span.mod-menu__heading), modules
# as Cassiopeia cards (div.sidebar-left.card > h3.card-header) or "noCard" (div.moduletable > h3),
# mod_banners whose alt falls back to the banner's name, category blog with &limitstart=N paging,
# dl.article-info with published / created / modified dates, footer custom module and footer menu.


FEATURED = "/index.php?option=com_content&view=featured&Itemid=101"     # the home menu item's non-SEF link


def vi_long(moment: datetime) -> str:
    """DATE_FORMAT_LC3 ("d F Y") of the vi-VN language pack: "31 Tháng 3 2023"."""
    return f"{moment.day:02d} Tháng {moment.month} {moment.year}"


@dataclass
class Joomla4:
    site: Site
    menu: list[Link]
    left: list[str]
    right: list[str]
    footer_html: str
    created: dict[int, datetime] = field(default_factory=dict)
    catids: dict[str, tuple[int, int]] = field(default_factory=dict)     # category key -> (catid, Itemid)

    @property
    def site_title(self) -> str:
        return f"Trang thông tin điện tử {self.site.name}"

    def page(self, path: str, title: str, main: str, *, body: str, head: str = "") -> str:
        site = self.site
        full = f"{title} - {self.site_title}" if title else self.site_title
        return f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="description" content="{esc(self.site_title)} - {esc(site.district)}, {esc(site.province)}">
<meta name="generator" content="{JOOMLA_GENERATOR}">
<title>{esc(full)}</title>
{head}<link href="/media/templates/site/cassiopeia/images/joomla-favicon.svg" rel="icon" type="image/svg+xml">
<link href="/media/templates/site/cassiopeia/css/template.min.css?8c4e1d2f" rel="stylesheet" />
<script src="/media/vendor/metismenujs/js/metismenujs.min.js?1.3.1" defer></script>
</head>
<body class="site {body} has-sidebar-left has-sidebar-right">
<header class="header container-header full-width">
<div class="grid-child">
<div class="navbar-brand">
<a class="brand-logo" href="/"><img loading="eager" decoding="async" src="{site.origin}/images/logo/logo-xa.png" alt="{esc(self.site_title)}" width="1000" height="120"></a>
</div>
</div>
<div class="grid-child container-nav">
<nav class="navbar navbar-expand-lg" aria-label="Menu chính">
<div class="collapse navbar-collapse" id="navbar1">
<ul class="mod-menu mod-menu_dropdown-metismenu metismenu mod-list ">
{self._menu()}
</ul>
</div>
</nav>
</div>
</header>
<div class="site-grid">
<div class="grid-child container-sidebar-left">
{chr(10).join(self.left)}
</div>
<div class="grid-child container-component">
<div id="system-message-container" aria-live="polite"></div>
<main>
{main}
</main>
</div>
<div class="grid-child container-sidebar-right">
{chr(10).join(self.right)}
</div>
</div>
<footer class="container-footer footer full-width">
<div class="grid-child">
{self.footer_html}
</div>
</footer>
<a href="#top" id="back-top" class="back-to-top-link" aria-label="Về đầu trang"><span class="icon-arrow-up icon-fw" aria-hidden="true"></span></a>
</body>
</html>
"""

    def _menu(self) -> str:
        lines = []
        number = 100
        for item in self.menu:
            number += 1
            css = f"metismenu-item item-{number} level-1" + (" default" if number == 101 else "") + (" deeper parent" if item.children else "")
            sub = ""
            if item.children:
                rows = []
                for child in item.children:
                    number += 1
                    rows.append(f'<li class="metismenu-item item-{number} level-2">{self._anchor(child)}</li>')
                sub = (f'<button class="mm-collapsed mm-toggler mm-toggler-{"nolink" if not item.href else "link"}" aria-haspopup="true" aria-expanded="false" '
                       f'aria-label="{esc(item.label)}"></button><ul class="mm-collapse">' + "".join(rows) + "</ul>")
            lines.append(f'<li class="{css}">{self._anchor(item)}{sub}</li>')
        return "\n".join(lines)

    @staticmethod
    def _anchor(item: Link) -> str:
        if not item.href:
            return f'<span class="mod-menu__heading nav-header ">{esc(item.label)}</span>'
        if item.href.startswith("http"):
            return f'<a href="{esc(item.href)}" target="_blank" rel="noopener noreferrer">{esc(item.label)}</a>'
        return f'<a href="{esc(item.href)}" >{esc(item.label)}</a>'

    # -- modules --

    @staticmethod
    def card(position: str, title: str, body: str) -> str:
        return f'<div class="{position} card ">\n<h3 class="card-header ">{esc(title)}</h3>\n<div class="card-body">\n{body}\n</div>\n</div>'

    @staticmethod
    def plain(title: str, body: str) -> str:
        return f'<div class="moduletable ">\n<h3 >{esc(title)}</h3>\n{body}\n</div>'

    @staticmethod
    def menu_list(links: list[Link], first: int = 130) -> str:
        rows = "".join(f'<li class="nav-item item-{first + i}"><a href="{esc(x.href)}" >{esc(x.label)}</a></li>' for i, x in enumerate(links))
        return f'<ul class="mod-menu mod-list nav ">\n{rows}\n</ul>'

    def banners(self, banners: list[tuple[int, str, Banner]]) -> str:
        """(id, the banner's name in the admin, banner): alt falls back to the name, the link's title is the name."""
        items = []
        for number, name, b in banners:
            click = f"/index.php?option=com_banners&task=click&id={number}"
            self.site.files.setdefault("_redirects", b"")
            self.site.files["_redirects"] += f"{click} {b.href} 303\n".encode()
            self.site.image(b.image, b.width, b.height)
            items.append(f'<div class="mod-banners__item banneritem">\n<a href="{esc(click)}" target="_blank" rel="noopener noreferrer" title="{esc(name)}">\n'
                         f'<img src="{self.site.origin}{b.image}" alt="{esc(b.alt or name)}" width="{b.width}" height="{b.height}">\n</a>\n</div>')
        return '<div class="mod-banners bannergroup">\n' + "\n".join(items) + "\n</div>"

    # -- content --

    def cat_url(self, key: str, limitstart: int = 0) -> str:
        catid, itemid = self.catids[key]
        url = f"/index.php?option=com_content&view=category&layout=blog&id={catid}&Itemid={itemid}"
        return url + (f"&limitstart={limitstart}" if limitstart else "")

    def post_url(self, post: Post) -> str:
        catid, itemid = self.catids[post.cat]
        return f"/index.php?option=com_content&view=article&id={post.ident}:{post.slug}&catid={catid}&Itemid={itemid}"

    def info(self, post: Post, *, full: bool) -> str:
        cat = self.site.cats[post.cat]
        created = self.created.get(post.ident, post.published - timedelta(minutes=20 + post.ident % 40))
        parts = ['<dl class="article-info text-muted">', '<dt class="article-info-term">Chi tiết</dt>']
        if full:
            parts.append(f'<dd class="category-name"><span class="icon-folder-open icon-fw" aria-hidden="true"></span> Chuyên mục: '
                         f'<a href="{esc(self.cat_url(post.cat))}" itemprop="genre">{esc(cat.label)}</a></dd>')
        parts.append(f'<dd class="published"><span class="icon-calendar icon-fw" aria-hidden="true"></span> '
                     f'<time datetime="{iso(post.published)}" itemprop="datePublished">Ngày đăng: {vi_long(post.published)}</time></dd>')
        parts.append(f'<dd class="create"><span class="icon-calendar icon-fw" aria-hidden="true"></span> '
                     f'<time datetime="{iso(created)}" itemprop="dateCreated">Ngày tạo: {vi_long(created)}</time></dd>')
        if post.edited:
            parts.append(f'<dd class="modified"><span class="icon-calendar icon-fw" aria-hidden="true"></span> '
                         f'<time datetime="{iso(post.edited)}" itemprop="dateModified">Cập nhật lần cuối: {vi_long(post.edited)}</time></dd>')
        if full:                                                     # show_hits is off in the blog
            parts.append(f'<dd class="hits"><span class="icon-eye icon-fw" aria-hidden="true"></span> '
                         f'<meta itemprop="interactionCount" content="UserPageVisits:{hits(post)}">Lượt xem: {hits(post)}</dd>')
        parts.append("</dl>")
        return "\n".join(parts)

    def blog_item(self, post: Post) -> str:
        url = esc(self.post_url(post))
        return ('<div class="com-content-category-blog__item blog-item" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">\n'
                f'<div class="item-content">\n<div class="page-header">\n<h2 itemprop="name">\n<a href="{url}" itemprop="url">\n{esc(post.title)}</a>\n</h2>\n</div>\n'
                f'{self.info(post, full=False)}\n<p>{esc(post.summary)}</p>\n'
                f'<p class="readmore"><a class="btn btn-secondary" href="{url}" aria-label="Xem thêm: {esc(post.title)}">'
                '<span class="icon-chevron-right" aria-hidden="true"></span> Xem thêm ...</a></p>\n</div>\n</div>')

    def pager(self, key: str, number: int, count: int, per_page: int) -> str:
        if count < 2:
            return ""

        def href(n: int) -> str:
            return esc(self.cat_url(key, (n - 1) * per_page))

        def arrow(icon: str, label: str, n: int, enabled: bool) -> str:
            if not enabled:
                return f'<li class="disabled page-item"><span class="page-link" aria-hidden="true"><span class="icon-{icon}" aria-hidden="true"></span></span></li>'
            return f'<li class="page-item"><a aria-label="{label}" href="{href(n)}" class="page-link"><span class="icon-{icon}" aria-hidden="true"></span></a></li>'
        cells = [arrow("angle-double-left", "Đi đến trang đầu", 1, number > 1), arrow("angle-left", "Đi đến trang trước", number - 1, number > 1)]
        for n in range(1, count + 1):
            cells.append(f'<li class="active page-item"><a aria-current="true" aria-label="Trang {n}" href="#" class="page-link">{n}</a></li>' if n == number
                         else f'<li class="page-item"><a aria-label="Đi đến trang {n}" href="{href(n)}" class="page-link">{n}</a></li>')
        cells += [arrow("angle-right", "Đi đến trang kế tiếp", number + 1, number < count), arrow("angle-double-right", "Đi đến trang cuối", count, number < count)]
        return ('<div class="com-content-category-blog__navigation w-100">\n'
                f'<p class="com-content-category-blog__counter counter float-md-end pt-3 pe-2">Trang {number} / {count}</p>\n'
                '<div class="com-content-category-blog__pagination">\n<nav class="pagination__wrapper" aria-label="Phân trang">\n'
                '<ul class="pagination ms-0 mb-4">\n' + "\n".join(cells) + "\n</ul>\n</nav>\n</div>\n</div>")

    def blog(self, key: str, *, per_page: int = 10) -> None:
        site = self.site
        cat = site.cats[key]
        chunks = pages_of(site.listing(key), per_page)
        for number, chunk in enumerate(chunks, 1):
            parts = ['<div class="com-content-category-blog blog" itemscope itemtype="https://schema.org/Blog">',
                     f'<div class="page-header">\n<h1> {esc(cat.label)} </h1>\n</div>']
            if chunk:
                parts.append('<div class="com-content-category-blog__items blog-items items-leading ">\n' + self.blog_item(chunk[0]) + "\n</div>")
                if chunk[1:]:
                    parts.append('<div class="com-content-category-blog__items blog-items ">\n' + "\n".join(self.blog_item(p) for p in chunk[1:]) + "\n</div>")
            else:
                parts.append('<div class="com-content-category-blog__items blog-items"><p>Chưa có bài viết nào trong chuyên mục này.</p></div>')
            parts.append(self.pager(key, number, len(chunks), per_page))
            parts.append("</div>")
            url = self.cat_url(key, (number - 1) * per_page)
            catid, itemid = self.catids[key]
            head = f'<link href="/index.php?option=com_content&amp;view=category&amp;id={catid}&amp;format=feed&amp;type=rss&amp;Itemid={itemid}" rel="alternate" type="application/rss+xml" title="{esc(cat.label)}">\n'
            site.write(index_file("/index.php", url.split("?", 1)[1]),
                       self.page(url, cat.label, "\n".join(p for p in parts if p), head=head,
                                 body=f"com_content wrapper-static view-category layout-blog no-task itemid-{itemid}"))

    def article(self, post: Post) -> None:
        site = self.site
        url = self.post_url(post)
        listing = site.listing(post.cat)
        index = listing.index(post)
        nav = []
        if index + 1 < len(listing):
            nav.append(f'<a class="btn btn-sm btn-secondary previous" href="{esc(self.post_url(listing[index + 1]))}" rel="prev">'
                       f'<span class="visually-hidden">Bài trước: {esc(listing[index + 1].title)}</span><span class="icon-chevron-left" aria-hidden="true"></span> <span aria-hidden="true">Trước</span></a>')
        if index > 0:
            nav.append(f'<a class="btn btn-sm btn-secondary next" href="{esc(self.post_url(listing[index - 1]))}" rel="next">'
                       f'<span class="visually-hidden">Bài tiếp theo: {esc(listing[index - 1].title)}</span><span aria-hidden="true">Sau</span> <span class="icon-chevron-right" aria-hidden="true"></span></a>')
        main = ('<div class="com-content-article item-page" itemscope itemtype="https://schema.org/Article">\n<meta itemprop="inLanguage" content="vi-VN">\n'
                f'<div class="page-header">\n<h1 itemprop="headline">\n{esc(post.title)}</h1>\n</div>\n{self.info(post, full=True)}\n'
                f'<div itemprop="articleBody" class="com-content-article__body">\n<p><strong>{esc(post.summary)}</strong></p>\n{body_paragraphs(site, post)}\n</div>\n'
                f'<nav class="pagenavigation" aria-label="Điều hướng trang">\n<span class="pagination ms-0">\n{chr(10).join(nav)}\n</span>\n</nav>\n</div>')
        catid, itemid = self.catids[post.cat]
        site.write(index_file("/index.php", url.split("?", 1)[1]),
                   self.page(url, post.title, main, body=f"com_content wrapper-static view-article no-layout no-task itemid-{itemid}"))

    def static(self, url: str, title: str, html: str) -> None:
        """A single-article menu item, article info hidden."""
        main = ('<div class="com-content-article item-page" itemscope itemtype="https://schema.org/Article">\n<meta itemprop="inLanguage" content="vi-VN">\n'
                f'<div class="page-header">\n<h1 itemprop="headline">\n{esc(title)}</h1>\n</div>\n'
                f'<div itemprop="articleBody" class="com-content-article__body">\n{html}\n</div>\n</div>')
        path, _, query = url.partition("?")
        self.site.write(index_file(path, query), self.page(url, title, main, body="com_content wrapper-static view-article no-layout no-task"))

    def featured(self, posts: list[Post]) -> None:
        items = "\n".join(self.blog_item(p).replace("com-content-category-blog__item", "com-content-featured__item") for p in posts)
        main = ('<div class="blog-featured" itemscope itemtype="https://schema.org/Blog">\n'
                f'<div class="blog-items items-leading ">\n{items}\n</div>\n</div>')
        html = self.page("/", "", main, body="com_content wrapper-static view-featured no-layout no-task itemid-101")
        self.site.write("index.html", html)
        self.site.write(index_file("/index.php", FEATURED.split("?", 1)[1]), html)

    def error_page(self, message: str) -> None:
        self.site.write("_404.html", f"""<!DOCTYPE html>
<html lang="vi-vn" dir="ltr">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>404 - {esc(message)}</title>
<link href="/media/templates/site/cassiopeia/css/template.min.css?8c4e1d2f" rel="stylesheet" />
</head>
<body class="site error_site view- no-layout no-task">
<header class="header container-header full-width">
<div class="grid-child"><div class="navbar-brand"><a class="brand-logo" href="/"><img src="{self.site.origin}/images/logo/logo-xa.png" alt="{esc(self.site_title)}"></a></div></div>
</header>
<div class="site-grid">
<div class="grid-child container-component">
<h1 class="page-header">Không tìm thấy trang</h1>
<div class="card">
<div class="card-body">
<p><strong>Bạn không thể truy cập trang này vì:</strong></p>
<ul><li>một dấu trang/mục ưa thích đã hết hạn</li><li>một địa chỉ bị gõ sai</li><li>trang yêu cầu không tồn tại</li><li>bạn không có quyền xem trang này</li></ul>
<p><a href="/" class="btn btn-secondary"><span class="icon-home" aria-hidden="true"></span> Trang chủ</a></p>
<hr>
<p>Nếu tình trạng vẫn tiếp diễn, vui lòng liên hệ với quản trị viên.</p>
<blockquote><span class="badge bg-secondary">404</span> {esc(message)}</blockquote>
</div>
</div>
</div>
</div>
</body>
</html>
""")


# --- SharePoint-style provincial platform (SharePoint 2010 publishing, a vendor's master page) -----
# /portal/Pages/<Name>.aspx pages, posts /portal/Pages/<yyyy-m-d of creation>/<Slug>-<id>.aspx,
# "Đăng ngày dd - mm - yyyy" (the publishing date, without time), WebForms markup (ctl00_ ids, one
# aspnetForm, __VIEWSTATE), layout tables, AspMenu (ul.root.static), web parts (ms-WPTitle/ms-WPBody),
# listings paged by __doPostBack only, print view /portal/pages/print.aspx?p=<id>.

SP_VIEWSTATE = ("/wEPDwUBMA9kFgJmD2QWAgIBD2QWBAIBD2QWAgIDD2QWAmYPZBYCAgEPFgIeBFRleHQFD1Ro4bupIGhhaSwgMTAvMDQvMjAy"
                "M2RkGAEFHl9fQ29udHJvbHNSZXF1aXJlUG9zdEJhY2tLZXlfXxYBBQ1jdGwwMCRpbWdTZWFyY2i3dd1vVxHq0mW8Kk1fXH0o")


def sp_date(moment: datetime) -> str:
    return f"Đăng ngày {moment:%d} - {moment:%m} - {moment:%Y}"


@dataclass
class SharePoint:
    site: Site
    menu: list[Link]
    left: list[str]
    right: list[str]
    footer_html: str
    created: dict[int, datetime] = field(default_factory=dict)
    part: str = "g_6c1d2e3f_5a4b_4c3d_9e8f_0a1b2c3d4e5f"

    def page(self, path: str, title: str, main: str) -> str:
        action = path.rsplit("/", 1)[-1]
        return f"""<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Transitional//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-transitional.dtd">
<html dir="ltr" lang="vi-VN">
<head id="ctl00_Head1"><meta name="GENERATOR" content="Microsoft SharePoint" /><meta name="progid" content="SharePoint.WebPartPage.Document" /><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><meta http-equiv="Expires" content="0" /><title>
	{esc(title)}
</title><link rel="stylesheet" type="text/css" href="/_layouts/1066/styles/Themable/corev4.css?rev=ke%2FeK0pEo1JmTZhvPf5QQw%3D%3D"/>
<link rel="stylesheet" type="text/css" href="/Style%20Library/portal/css/xa.css"/>
</head>
<body scroll="yes" onload="javascript:if (typeof(_spBodyOnLoadWrapper) != 'undefined') _spBodyOnLoadWrapper();">
<form name="aspnetForm" method="post" action="{esc(action)}" onsubmit="javascript:return WebForm_OnSubmit();" id="aspnetForm">
<div>
<input type="hidden" name="MSOWebPartPage_PostbackSource" id="MSOWebPartPage_PostbackSource" value="" />
<input type="hidden" name="__EVENTTARGET" id="__EVENTTARGET" value="" />
<input type="hidden" name="__EVENTARGUMENT" id="__EVENTARGUMENT" value="" />
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{SP_VIEWSTATE}" />
</div>
<script type="text/javascript">
//<![CDATA[
var theForm = document.forms['aspnetForm'];
if (!theForm) {{
    theForm = document.aspnetForm;
}}
function __doPostBack(eventTarget, eventArgument) {{
    if (!theForm.onsubmit || (theForm.onsubmit() != false)) {{
        theForm.__EVENTTARGET.value = eventTarget;
        theForm.__EVENTARGUMENT.value = eventArgument;
        theForm.submit();
    }}
}}
//]]>
</script>
<table id="ctl00_tblWrapper" class="wrapper" width="1000" cellpadding="0" cellspacing="0" border="0" align="center">
<tr><td colspan="3" class="header"><a href="/portal/Pages/default.aspx"><img id="ctl00_imgBanner" src="/portal/PublishingImages/banner-top.jpg" alt="" width="1000" height="140" border="0" /></a></td></tr>
<tr><td colspan="3" class="topmenu">
<div id="zz1_TopNavigationMenuV4" class="s4-tn">
<div class="menu horizontal menu-horizontal">
<ul class="root static">
{self._menu()}
</ul>
</div>
</div>
</td></tr>
<tr><td colspan="3" class="datebar"><span id="ctl00_lblDate">Thứ Hai, 10/04/2023</span></td></tr>
<tr valign="top">
<td id="ctl00_tdLeft" class="left-col" width="220" valign="top">
{chr(10).join(self.left)}
</td>
<td id="ctl00_tdMain" class="main-col" valign="top">
{main}
</td>
<td id="ctl00_tdRight" class="right-col" width="220" valign="top">
{chr(10).join(self.right)}
</td>
</tr>
<tr><td colspan="3" id="ctl00_tdFooter" class="footer-row" align="center">
{self.footer_html}
</td></tr>
</table>
<script type="text/javascript">
//<![CDATA[
function WebForm_OnSubmit() {{
return true;
}}
//]]>
</script>
</form>
</body>
</html>
"""

    def _menu(self) -> str:
        def anchor(item: Link, level: str, children: bool) -> str:
            css = f"{level} dynamic-children menu-item" if children else f"{level} menu-item"
            return (f'<a class="{css}" href="{esc(item.href)}"><span class="additional-background">'
                    f'<span class="menu-item-text">{esc(item.label)}</span></span></a>')
        lines = []
        for item in self.menu:
            sub = ""
            if item.children:
                sub = '<ul class="dynamic">' + "".join(f'<li class="dynamic">{anchor(c, "dynamic", False)}</li>' for c in item.children) + "</ul>"
            lines.append(f'<li class="static{" dynamic-children" if item.children else ""}">{anchor(item, "static", bool(item.children))}{sub}</li>')
        return "\n".join(lines)

    @staticmethod
    def webpart(number: int, title: str, body: str) -> str:
        header = (f'<tr class="ms-WPHeader"><td id="WebPartTitleWPQ{number}" class="ms-WPHeaderTd"><h3 class="ms-standardheader ms-WPTitle">'
                  f'<nobr><span>{esc(title)}</span></nobr></h3></td></tr>') if title else ""
        return (f'<table class="s4-wpTopTable" id="MSOZoneCell_WebPartWPQ{number}" border="0" cellpadding="0" cellspacing="0" width="100%">{header}'
                f'<tr><td valign="top"><div id="WebPartWPQ{number}" class="ms-WPBody">\n{body}\n</div></td></tr></table>')

    def banners(self, number: int, title: str, banners: list[Banner]) -> str:
        rows = []
        for b in banners:
            self.site.image(b.image, b.width, b.height)
            rows.append(f'<tr><td align="center" class="banner-cell"><a href="{esc(b.href)}" target="_blank"><img src="{esc(b.image)}" alt="{esc(b.alt)}" '
                        f'width="{b.width}" height="{b.height}" border="0" /></a></td></tr>')
        return self.webpart(number, title, '<table width="100%" cellpadding="2" cellspacing="0" class="tbl-banner">' + "".join(rows) + "</table>")

    def links(self, number: int, title: str, links: list[Link]) -> str:
        rows = "".join(f'<li><a href="{esc(x.href)}">{esc(x.label)}</a></li>' for x in links)
        return self.webpart(number, title, f'<ul class="cate-list">{rows}</ul>')

    # -- content --

    def post_url(self, post: Post) -> str:
        made = self.created.get(post.ident, post.published)
        slug = post.slug[:1].upper() + post.slug[1:]
        return f"/portal/Pages/{made.year}-{made.month}-{made.day}/{slug}-{token(post.slug)}.aspx"

    def thumb(self, post: Post) -> str:
        return self.site.image(f"/portal/PublishingImages/{post.published:%Y}/thumb-{post.ident % 3 + 1}.jpg", 120, 90)

    def listing(self, key: str, *, per_page: int = 10) -> None:
        """Page 1 of a category; the other pages only by postback (lbtPage, lbtNext)."""
        site = self.site
        cat = site.cats[key]
        posts = site.listing(key)
        chunks = pages_of(posts, per_page)
        rows = []
        for post in chunks[0]:
            url = self.post_url(post)
            rows.append(f'<tr><td><table class="tblNews" width="100%" cellpadding="3" cellspacing="0" border="0"><tr>'
                        f'<td valign="top" width="130"><a href="{esc(url)}"><img src="{self.thumb(post)}" width="120" height="90" border="0" alt="" /></a></td>'
                        f'<td valign="top"><a class="tieude" href="{esc(url)}">{esc(post.title)}</a><br />'
                        f'<span class="ngaydang">{sp_date(post.published)}</span><div class="tomtat">{esc(post.summary)}</div></td></tr></table></td></tr>')
        body = (f'<table id="ctl00_m_{self.part}_ctl00_dlNews" cellspacing="0" border="0" style="width:100%;border-collapse:collapse;">\n'
                + "\n".join(rows) + "\n</table>") if posts else '<div class="no-data">Chưa có tin bài trong chuyên mục này.</div>'
        if len(chunks) > 1:
            target = f"ctl00$m${self.part}$ctl00$rptPager"
            cells = ['<span class="pager-label">Trang:</span>', '<span class="current">1</span>']
            for n in range(2, len(chunks) + 1):
                cells.append(f'<a href="javascript:__doPostBack(&#39;{target}$ctl{n - 1:02d}$lbtPage&#39;,&#39;&#39;)">{n}</a>')
            cells.append(f'<a id="ctl00_m_{self.part}_ctl00_lbtNext" href="javascript:__doPostBack(&#39;ctl00$m${self.part}$ctl00$lbtNext&#39;,&#39;&#39;)">Sau &#8250;</a>')
            body += f'\n<div class="pager" id="ctl00_m_{self.part}_ctl00_divPager">{" ".join(cells)}</div>'
        main = (f'<div class="breadcrumb"><a href="/portal/Pages/default.aspx">Trang chủ</a> &gt; <span>{esc(cat.label)}</span></div>\n'
                + self.webpart(2, cat.label, body))
        site.write(save_as(cat.path), self.page(cat.path, cat.label, main))

    def article(self, post: Post) -> None:
        site = self.site
        cat = site.cats[post.cat]
        url = self.post_url(post)
        older = [p for p in site.listing(post.cat) if p.published < post.published][:6]
        others = "".join(f'<li><a href="{esc(self.post_url(o))}">{esc(o.title)}</a> <span class="other-date">({dmy(o.published)})</span></li>' for o in older)
        prefix = f"ctl00_m_{self.part}_ctl00"
        main = (f'<div class="breadcrumb"><a href="/portal/Pages/default.aspx">Trang chủ</a> &gt; <a href="{esc(cat.path)}">{esc(cat.label)}</a></div>\n'
                f'<table width="100%" cellpadding="0" cellspacing="0" border="0" class="tbl-detail"><tr><td>\n'
                f'<span id="{prefix}_lblTitle" class="title-detail">{esc(post.title)}</span><br />\n'
                f'<span id="{prefix}_lblDate" class="date-detail">{sp_date(post.published)}</span>\n'
                f'<div id="{prefix}_divSummary" class="summary-detail"><b>{esc(post.summary)}</b></div>\n'
                f'<div id="{prefix}_divContent" class="content-detail">\n{body_paragraphs(site, post)}\n<p align="right"><b>Văn phòng UBND xã</b></p>\n</div>\n'
                f'<div class="tool-detail"><a href="/portal/pages/print.aspx?p={post.ident}" target="_blank"><img src="/portal/PublishingImages/print.gif" alt="" border="0" /> In bài viết</a>'
                ' | <a href="javascript:history.back();">Quay lại</a></div>\n</td></tr></table>\n')
        if others:
            main += (f'<table width="100%" cellpadding="0" cellspacing="0" border="0" class="tbl-other"><tr><td class="other-title">Các tin đã đưa</td></tr>'
                     f'<tr><td><ul class="other-list">{others}</ul></td></tr></table>')
        site.write(save_as(url), self.page(url, post.title, main))
        site.write(index_file("/portal/pages/print.aspx", f"p={post.ident}"), f"""<html>
<head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>{esc(post.title)}</title></head>
<body onload="window.print();">
<div class="print-page">
<h2>{esc(post.title)}</h2>
<p><i>{sp_date(post.published)}</i></p>
<p><b>{esc(post.summary)}</b></p>
{body_paragraphs(site, post)}
<p>Nguồn: {site.origin}{esc(url)}</p>
</div>
</body>
</html>
""")

    def static(self, path: str, title: str, html: str) -> None:
        main = (f'<div class="breadcrumb"><a href="/portal/Pages/default.aspx">Trang chủ</a> &gt; <span>{esc(title)}</span></div>\n'
                + self.webpart(2, title, f'<div class="ms-rtestate-field">{html}</div>'))
        self.site.write(save_as(path), self.page(path, title, main))

    def doc_list(self, path: str, title: str, rows: list[list[str]]) -> None:
        """A document library view (ms-listviewtable): documents, not posts."""
        head = "".join(f'<th class="ms-vh2" nowrap="nowrap" scope="col">{h}</th>' for h in ("Số ký hiệu", "Ngày ban hành", "Trích yếu", "Tệp đính kèm"))
        body = "".join(f'<tr class="{"ms-alternating" if i % 2 else ""}"><td class="ms-vb2">{esc(r[1])}</td><td class="ms-vb2">{r[2]}</td>'
                       f'<td class="ms-vb2">{esc(r[3])}</td><td class="ms-vb2"><a href="/portal/VanBan/{slugify(r[1])}.pdf">Tải về</a></td></tr>'
                       for i, r in enumerate(rows))
        table = (f'<table summary="{esc(title)}" class="ms-listviewtable" cellpadding="1" cellspacing="0" border="0" width="100%" dir="None">'
                 f'<tr class="ms-viewheadertr ms-vhltr" valign="top">{head}</tr>{body}</table>')
        main = (f'<div class="breadcrumb"><a href="/portal/Pages/default.aspx">Trang chủ</a> &gt; <span>{esc(title)}</span></div>\n'
                + self.webpart(2, title, table))
        self.site.write(save_as(path), self.page(path, title, main))

    def home(self, blocks: list[tuple[str, str]]) -> None:
        site = self.site
        parts = []
        latest = site.all_posts()[:5]
        rows = "".join(f'<li><a href="{esc(self.post_url(p))}">{esc(p.title)}</a> <span class="ngaydang">({dmy(p.published)})</span></li>' for p in latest)
        parts.append(self.webpart(2, "TIN NỔI BẬT", f'<ul class="hot-news">{rows}</ul>'))
        for index, (title, key) in enumerate(blocks):
            rows = "".join(f'<li><a href="{esc(self.post_url(p))}">{esc(p.title)}</a></li>' for p in site.listing(key)[:4])
            parts.append(self.webpart(4 + index, title, f'<ul class="home-news">{rows}</ul><div class="view-more"><a href="{esc(site.cats[key].path)}">Xem tiếp &raquo;</a></div>'))
        site.write(save_as("/portal/Pages/default.aspx"), self.page("/portal/Pages/default.aspx", f"Trang thông tin điện tử {site.name}", "\n".join(parts)))
        site.write("_redirects", "/ /portal/Pages/default.aspx 302\n/portal /portal/Pages/default.aspx 302\n/portal/ /portal/Pages/default.aspx 302\n")
        site.write("_404.html", '<!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd">\n'
                   '<html dir="ltr"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8" /><title>Lỗi</title></head>\n'
                   '<body><div style="margin:60px auto;width:600px"><h2>Lỗi</h2><p>Không tìm thấy tệp.</p>'
                   '<p><a href="/portal/Pages/default.aspx">Quay lại trang chủ</a></p><p>Thời gian: 10/04/2023 08:12:45</p></div></body></html>\n')
        site.image("/portal/PublishingImages/banner-top.jpg", 1000, 140)


# --- a home-made PHP site of the 2010s (one table for the layout) ------------------------------
# index.php?com=<module>&... URLs written relative ("index.php?com=tintuc_ct&id_news=N"), the
# menu as a row of links in one td separated by " | ", td width="200" side columns with box
# tables, listings "Ngày đăng: dd/mm/yyyy - Lượt xem: N" paged with &page=N, no footer element
# (the last row of the table), images without alt.


@dataclass
class TableLayout:
    site: Site
    menu: list[Link]
    left: list[str]
    right: list[str]
    bottom_html: str
    cat_ids: dict[str, int] = field(default_factory=dict)

    def page(self, title: str, main: str) -> str:
        site = self.site
        menu = " | ".join(f'<a href="{esc(x.href)}" class="menu">{esc(x.label)}</a>' for x in self.menu)
        return f"""<!DOCTYPE HTML PUBLIC "-//W3C//DTD HTML 4.01 Transitional//EN">
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{esc(title)}</title>
<link href="css/style.css" rel="stylesheet" type="text/css">
<script language="javascript" src="js/script.js"></script>
</head>
<body topmargin="0" leftmargin="0" marginwidth="0" marginheight="0" bgcolor="#DDE7F0">
<table width="1000" border="0" align="center" cellpadding="0" cellspacing="0" bgcolor="#FFFFFF">
<tr>
<td colspan="3"><img src="images/banner_top.jpg" width="1000" height="160" border="0"></td>
</tr>
<tr>
<td colspan="3" height="32" align="center" background="images/bg_menu.gif" class="td_menu">{menu}</td>
</tr>
<tr>
<td colspan="3" height="24" class="td_marquee"><marquee scrollamount="3" onmouseover="this.stop()" onmouseout="this.start()">Chào mừng quý vị đến với Trang thông tin điện tử {esc(site.name)}, {esc(site.district)}, {esc(site.province)}</marquee></td>
</tr>
<tr>
<td width="200" valign="top" class="td_left">
{chr(10).join(self.left)}
</td>
<td valign="top" class="td_content">
{main}
</td>
<td width="200" valign="top" class="td_right">
{chr(10).join(self.right)}
</td>
</tr>
<tr>
<td colspan="3" align="center" class="td_bottom">{self.bottom_html}</td>
</tr>
</table>
</body>
</html>
"""

    @staticmethod
    def box(title: str, body: str) -> str:
        return (f'<table width="100%" border="0" cellspacing="0" cellpadding="0" class="box">\n<tr><td class="title_box" height="28">{esc(title)}</td></tr>\n'
                f'<tr><td class="content_box">{body}</td></tr>\n</table>')

    def links_box(self, title: str, links: list[Link]) -> str:
        return self.box(title, "<br>\n".join(f'<img src="images/bullet.gif" width="7" height="7"> <a href="{esc(x.href)}" class="link_left">{esc(x.label)}</a>'
                                             for x in links))

    def banner_box(self, banners: list[Banner]) -> str:
        rows = []
        for b in banners:
            self.site.image(b.image, b.width, b.height)
            alt = f' alt="{esc(b.alt)}"' if b.alt else ""
            rows.append(f'<a href="{esc(b.href)}" target="_blank"><img src="{esc(b.image)}" width="{b.width}" border="0"{alt}></a>')
        return '<table width="100%" border="0" cellspacing="0" cellpadding="3">' + "".join(f"<tr><td align=\"center\">{r}</td></tr>" for r in rows) + "</table>"

    # -- content --

    def cat_url(self, key: str, page: int = 1) -> str:
        return f"index.php?com=tintuc&id_cat={self.cat_ids[key]}" + (f"&page={page}" if page > 1 else "")

    @staticmethod
    def post_url(post: Post) -> str:
        return f"index.php?com=tintuc_ct&id_news={post.ident}"

    @staticmethod
    def meta(post: Post) -> str:
        return f"Ngày đăng: {dmy(post.published)} - Lượt xem: {hits(post)}"

    def write(self, url: str, title: str, main: str) -> None:
        path, _, query = url.partition("?")
        self.site.write(index_file("/" + path, query) if query else save_as("/" + path), self.page(title, main))

    def listing(self, key: str, *, per_page: int = 8) -> None:
        site = self.site
        cat = site.cats[key]
        chunks = pages_of(site.listing(key), per_page)
        for number, chunk in enumerate(chunks, 1):
            rows = []
            for post in chunk:
                url = esc(self.post_url(post))
                thumb = self.site.image(f"/uploads/news/thumb_{post.ident % 4 + 1}.jpg", 100, 75).lstrip("/")
                rows.append(f'<table width="100%" border="0" cellspacing="0" cellpadding="4" class="tin">\n<tr>\n'
                            f'<td width="110" valign="top"><a href="{url}"><img src="{thumb}" width="100" height="75" border="0"></a></td>\n'
                            f'<td valign="top"><a href="{url}" class="tieude">{esc(post.title)}</a><br>\n<span class="ngay">{self.meta(post)}</span><br>\n'
                            f'{esc(post.summary)}</td>\n</tr>\n</table>')
            if not chunk:
                rows.append('<p align="center">Chưa có tin trong mục này</p>')
            pager = ""
            if len(chunks) > 1:
                cells = [f"<b>[{n}]</b>" if n == number else f'<a href="{esc(self.cat_url(key, n))}" class="phantrang">{n}</a>' for n in range(1, len(chunks) + 1)]
                pager = f'<div align="center" class="phantrang">Trang: {" ".join(cells)}</div>'
            main = (f'<table width="100%" border="0" cellspacing="0" cellpadding="0"><tr><td class="title_main">{esc(cat.label.upper())}</td></tr>'
                    f'<tr><td>\n{chr(10).join(rows)}\n{pager}\n</td></tr></table>')
            self.write(self.cat_url(key, number), cat.label, main)

    def article(self, post: Post) -> None:
        site = self.site
        others = [p for p in site.listing(post.cat) if p is not post][:5]
        rows = "".join(f'<img src="images/bullet.gif" width="7" height="7"> <a href="{esc(self.post_url(o))}" class="link_other">{esc(o.title)}</a> '
                       f'<span class="ngay">({dmy(o.published)})</span><br>\n' for o in others)
        main = (f'<table width="100%" border="0" cellspacing="0" cellpadding="5"><tr><td class="title_main">{esc(site.cats[post.cat].label.upper())}</td></tr>\n'
                f'<tr><td><span class="tieude_ct">{esc(post.title)}</span><br>\n<span class="ngay">{self.meta(post)}</span>\n'
                f'<p><b>{esc(post.summary)}</b></p>\n<font face="Times New Roman" size="3">{body_paragraphs(site, post)}</font>\n'
                f'<p align="right"><b>Văn phòng UBND xã</b></p>\n<p align="right"><a href="javascript:window.print()">[In trang]</a> <a href="javascript:history.back()">[Quay lại]</a></p></td></tr>\n'
                f'<tr><td class="title_other">Các tin khác:</td></tr>\n<tr><td>{rows}</td></tr></table>')
        self.write(self.post_url(post), post.title, main)

    def static(self, url: str, title: str, html: str) -> None:
        main = (f'<table width="100%" border="0" cellspacing="0" cellpadding="5"><tr><td class="title_main">{esc(title.upper())}</td></tr>'
                f'<tr><td>\n{html}\n</td></tr></table>')
        self.write(url, title, main)


# --- Liferay 6.2 (a VNPT provincial portal theme) ---------------------------------------------
# /web/guest/<friendly-url> pages (flat friendly URLs), absolute links, nav#navigation with
# ul.child-menu, columns #column-1 / #column-2, portlets div.portlet-boundary > section.portlet with
# span.portlet-title-text, asset publishers (abstracts with the publish date, or a title list
# without dates) whose posts live at <page>/-/asset_publisher/<instance>/content/<urlTitle> (so one
# post has one URL per publisher showing it), paging by p_p_id=...&_101_INSTANCE_<id>_cur=N.


@dataclass
class Liferay:
    site: Site
    menu: list[Link]
    side: list[str]
    footer_html: str
    theme: str = "xa-theme"
    instances: dict[str, str] = field(default_factory=dict)   # page path -> asset publisher instance id

    def url(self, path: str) -> str:
        return self.site.origin + path

    def page(self, path: str, title: str, main: str) -> str:
        site = self.site
        full = f"{title} - Trang thông tin điện tử {site.name}" if title else f"Trang thông tin điện tử {site.name}"
        return f"""<!DOCTYPE html>
<html class="aui ltr" dir="ltr" lang="vi-VN">
<head>
<title>{esc(full)}</title>
<meta content="initial-scale=1.0, width=device-width" name="viewport" />
<meta content="text/html; charset=UTF-8" http-equiv="content-type" />
<link href="{self.url(f"/{self.theme}/images/favicon.ico")}" rel="Shortcut Icon" />
<link href="{self.url(path)}" rel="canonical" />
<link class="lfr-css-file" href="{self.url(f"/{self.theme}/css/main.css")}?browserId=other&amp;themeId=xatheme_WAR_xatheme&amp;minifierType=css&amp;languageId=vi_VN&amp;b=6205&amp;t=1672531200000" rel="stylesheet" type="text/css" />
</head>
<body class="yui3-skin-sam controls-visible guest-site signed-out public-page site">
<div class="container-fluid" id="wrapper">
<header id="banner" role="banner">
<div id="heading">
<h1 class="site-title">
<a class="logo custom-logo" href="{self.url("/web/guest")}" title="Đi đến Trang thông tin điện tử {esc(site.name)}"><img alt="Trang thông tin điện tử {esc(site.name)}" height="150" src="/{self.theme}/images/custom/header.jpg" width="1170" /></a>
</h1>
</div>
<nav class="sort-pages modify-pages" id="navigation" role="navigation">
<h1 class="hide-accessible">Điều hướng</h1>
<ul aria-label="Các trang của trang web" role="menubar">
{self._menu(path)}
</ul>
</nav>
</header>
<div id="content">
<div class="columns-2" id="main-content" role="main">
<div class="portlet-layout row-fluid">
<div class="portlet-column portlet-column-first span3" id="column-1">
<div class="portlet-dropzone portlet-column-content portlet-column-content-first" id="layout-column_column-1">
{chr(10).join(self.side)}
</div>
</div>
<div class="portlet-column portlet-column-last span9" id="column-2">
<div class="portlet-dropzone portlet-column-content portlet-column-content-last" id="layout-column_column-2">
{main}
</div>
</div>
</div>
</div>
</div>
<footer id="footer" role="contentinfo">
{self.portlet("56_INSTANCE_FtR9kLmN2pQs", "", f'<div class="journal-content-article">{self.footer_html}</div>', borderless=True)}
</footer>
</div>
</body>
</html>
"""

    def _menu(self, current: str) -> str:
        lines = []
        for number, item in enumerate(self.menu, 1):
            selected = item.href.endswith(current) and current != "/"
            href = item.href if item.href.startswith("http") else self.url(item.href)
            popup = ' aria-haspopup="true"' if item.children else ""
            sub = ""
            if item.children:
                rows = "".join(f'<li class="" id="layout_{number * 10 + i}" role="presentation"><a href="{esc(c.href if c.href.startswith("http") else self.url(c.href))}" role="menuitem">{esc(c.label)}</a></li>'
                               for i, c in enumerate(item.children, 1))
                sub = f'\n<ul class="child-menu" role="menu">{rows}</ul>'
            lines.append(f'<li class="{"selected" if selected else ""}" id="layout_{number}" role="presentation"><a aria-labelledby="layout_{number}"{popup} '
                         f'href="{esc(href)}" role="menuitem"><span> {esc(item.label)}</span></a>{sub}</li>')
        return "\n".join(lines)

    @staticmethod
    def portlet(portlet_id: str, title: str, body: str, *, borderless: bool = False, kind: str = "journal-content") -> str:
        name = portlet_id.split("_INSTANCE_")[0]
        css = f"portlet-boundary portlet-boundary_{name}_ portlet-static portlet-static-end {'portlet-borderless' if borderless else 'portlet-decorate'} portlet-{kind} "
        if borderless:
            inner = f'<div class="portlet-borderless-container" style="">\n<div class="portlet-body">\n{body}\n</div>\n</div>'
        else:
            inner = (f'<section class="portlet" id="portlet_{portlet_id}">\n<header class="portlet-topper">\n<h1 class="portlet-title">\n'
                     f'<span class="portlet-title-text">{esc(title)}</span>\n</h1>\n</header>\n<div class="portlet-content">\n'
                     f'<div class=" portlet-content-container" style="">\n<div class="portlet-body">\n{body}\n</div>\n</div>\n</div>\n</section>')
        return f'<div class="{css}" id="p_p_id_{portlet_id}_">\n<span id="p_{portlet_id}"></span>\n<div class="portlet-body">\n{inner}\n</div>\n</div>'

    # -- asset publishers --

    def post_url(self, post: Post, page: str) -> str:
        return self.url(f"{page}/-/asset_publisher/{self.instances[page]}/content/{post.slug}")

    def paging_url(self, page: str, cur: int) -> str:
        inst = self.instances[page]
        return (f"{page}?p_p_id=101_INSTANCE_{inst}&p_p_lifecycle=0&p_p_state=normal&p_p_mode=view&p_p_col_id=column-2"
                f"&p_p_col_count=1&_101_INSTANCE_{inst}_delta=10&_101_INSTANCE_{inst}_cur={cur}")

    def abstract(self, post: Post, page: str) -> str:
        url = esc(self.post_url(post, page))
        return ('<div class="asset-abstract ">\n'
                f'<h3 class="asset-title"><a href="{url}">{esc(post.title)}</a></h3>\n'
                f'<div class="asset-content">\n<div class="asset-summary">{esc(post.summary)}</div>\n<div class="asset-more"><a href="{url}">Xem thêm &raquo; </a></div>\n</div>\n'
                f'<div class="asset-metadata">\n<span class="metadata-entry metadata-publish-date"><span class="icon-calendar"></span> {dmy(post.published)}</span>\n'
                f'<span class="metadata-entry metadata-view-count">{hits(post)} Lượt xem</span>\n</div>\n</div>')

    def pager(self, page: str, number: int, count: int, total: int) -> str:
        def button(css: str, label: str, cur: int, enabled: bool) -> str:
            href = esc(self.url(self.paging_url(page, cur))) if enabled else "javascript:;"
            return f'<li class="{css}{" disabled" if not enabled else ""}"><a href="{href}"> {label} </a></li>'
        start, end = (number - 1) * 10 + 1, min(number * 10, total)
        inst = self.instances[page]
        return (f'<div class="taglib-page-iterator" id="_101_INSTANCE_{inst}_ocerSearchContainerPageIterator">\n<div class="clearfix lfr-pagination">\n'
                f'<small class="search-results">Hiển thị {start} - {end} của {total} kết quả.</small>\n<ul class="lfr-pagination-buttons pager">\n'
                + button("first", "&larr; Đầu", 1, number > 1) + "\n" + button("", "Trước", number - 1, number > 1) + "\n"
                + button("", "Tiếp", number + 1, number < count) + "\n" + button("last", "Cuối &rarr;", count, number < count)
                + "\n</ul>\n</div>\n</div>")

    def publisher(self, page: str, title: str, posts: list[Post]) -> None:
        """An abstracts asset publisher on a page, paged by 10 (page 1 also answers &_cur=1)."""
        chunks = pages_of(posts, 10)
        inst = self.instances[page]
        for number, chunk in enumerate(chunks, 1):
            if chunk:
                body = "\n".join(self.abstract(p, page) for p in chunk)
            else:
                body = '<div class="alert alert-info">Không có kết quả nào được tìm thấy.</div>'
            if len(chunks) > 1:
                body += "\n" + self.pager(page, number, len(chunks), len(posts))
            html = self.page(page, title, self.portlet(f"101_INSTANCE_{inst}", title, body, kind="asset-publisher"))
            if number == 1:
                self.site.write(index_file(page), html)
            if len(chunks) > 1:
                self.site.write(index_file(page, self.paging_url(page, number).split("?", 1)[1]), html)

    def title_list(self, page: str, title: str, posts: list[Post], portlet_id: str) -> str:
        rows = "".join(f'<li class="title-list icon-file-alt"><a href="{esc(self.post_url(p, page))}">{esc(p.title)}</a></li>\n' for p in posts)
        return self.portlet(portlet_id, title, f'<ul class="title-list">\n{rows}</ul>', kind="asset-publisher")

    def article(self, post: Post, page: str) -> None:
        url = self.post_url(post, page)
        path = url[len(self.site.origin):]
        weekday = WEEKDAYS[post.published.weekday()]
        body = (f'<div class="taglib-header "><span class="header-back-to"><a class="icon-circle-arrow-left previous-level" href="{esc(self.url(page))}" title="Quay lại">'
                f'<span class="helper-hidden-accessible">Quay lại</span></a></span><h3 class="header-title"><span>{esc(post.title)}</span></h3></div>\n'
                '<div class="asset-full-content default-asset-publisher show-asset-title">\n<div class="asset-content">\n<div class="journal-content-article">\n'
                f'<div class="news-detail-date">{weekday}, {dmy(post.published)} {post.published:%H:%M}</div>\n<p><strong>{esc(post.summary)}</strong></p>\n'
                f'{body_paragraphs(self.site, post)}\n<p style="text-align: right;"><strong>Văn phòng HĐND - UBND xã</strong></p>\n</div>\n</div>\n'
                f'<div class="asset-metadata">\n<span class="metadata-entry metadata-publish-date"><span class="icon-calendar"></span> {dmy(post.published)}</span>\n'
                f'<span class="metadata-entry metadata-view-count">{hits(post)} Lượt xem</span>\n</div>\n</div>')
        inst = self.instances[page]
        self.site.write(index_file(path), self.page(path, post.title, self.portlet(f"101_INSTANCE_{inst}", "", body, kind="asset-publisher")))

    def journal(self, page: str, title: str, html: str) -> None:
        body = f'<div class="journal-content-article">\n{html}\n</div>'
        self.site.write(index_file(page), self.page(page, title, self.portlet(f"56_INSTANCE_{token(page, 12)}", title, body)))


# --- a vendor CMS full of real-world mess -----------------------------------------------------
# /vi/<slug>.html pages (/ redirects to /vi/trang-chu.html), absolute links to its own host written
# http://, https://, // and through a www. alias, a mega menu built from divs, <font> tags pasted
# into labels and texts, a cookie banner after the footer, a home-page popup poster.


@dataclass
class Mess:
    site: Site
    menu: list[tuple[Link, list[tuple[str, list[Link]]]]]     # top item, its mega panel columns
    side: list[str]
    footer_html: str

    @property
    def www(self) -> str:
        return self.site.origin.replace("https://", "https://www.")

    @property
    def http(self) -> str:
        return self.site.origin.replace("https://", "http://")

    @property
    def bare(self) -> str:
        return self.site.origin.replace("https:", "")

    def page(self, path: str, title: str, main: str, *, extra: str = "") -> str:
        site = self.site
        full = f"{title} - UBND xã Tam Hiệp" if title else "Trang thông tin điện tử xã Tam Hiệp"
        return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=edge">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{esc(full)}</title>
<meta name="description" content="Trang thông tin điện tử {esc(site.name)}, {esc(site.district)}, {esc(site.province)}">
<meta property="og:url" content="{self.http}{esc(path)}">
<link rel="canonical" href="{self.www}{esc(path)}">
<link href="/Content/css/bootstrap.min.css" rel="stylesheet">
<link href="/Content/css/font-awesome.min.css" rel="stylesheet">
<link href="/Content/css/style.css?v=1.0.7" rel="stylesheet">
<script src="/Scripts/jquery-1.12.4.min.js"></script>
</head>
<body>
<div class="top-bar"><div class="container"><span class="today">Thứ Hai, ngày 10/04/2023</span>
<div class="top-links pull-right"><a href="/en/home.html">English</a></div></div></div>
<div class="header"><div class="container"><a href="{self.www}/"><img src="{self.bare}/uploads/images/header-tamhiep.png" alt="UBND xã Tam Hiệp" class="img-responsive"></a></div></div>
<div class="mega-wrap"><div class="container">
<div class="mega-nav" id="megaNav">
{self._menu()}
</div>
</div></div>
<div class="container page-body"><div class="row">
<div class="col-md-9 col-main">
{main}
</div>
<div class="col-md-3 col-side">
{chr(10).join(self.side)}
</div>
</div></div>
<div class="footer"><div class="container">
{self.footer_html}
</div></div>
{extra}<div id="cookieConsent" class="cookie-consent" style="position:fixed;bottom:0;left:0;right:0;z-index:9999">
<div class="container"><span>Trang thông tin điện tử sử dụng cookie để nâng cao trải nghiệm của bạn. Tiếp tục truy cập nghĩa là bạn đồng ý với việc sử dụng cookie.</span>
<a href="/vi/chinh-sach-cookie.html">Tìm hiểu thêm</a> <button type="button" class="btn btn-sm btn-primary" onclick="acceptCookie()">Đồng ý</button></div>
</div>
<script>function acceptCookie(){{document.cookie="cookie_ok=1;path=/;max-age=31536000";document.getElementById("cookieConsent").style.display="none";}}
$(function(){{$("#megaNav .mn-item").hover(function(){{$(this).addClass("open")}},function(){{$(this).removeClass("open")}});}});</script>
</body>
</html>
"""

    def _menu(self) -> str:
        items = []
        for top, columns in self.menu:
            panel = ""
            if columns:
                cols = []
                for heading, links in columns:
                    rows = "".join(f'<a class="mn-sub" href="{esc(x.href)}">{x.label}</a>' for x in links)
                    cols.append(f'<div class="mn-col"><div class="mn-col-title">{esc(heading)}</div>{rows}</div>')
                panel = f'<div class="mn-panel">{"".join(cols)}</div>'
            css = "mn-item mn-has-sub" if columns else "mn-item"
            items.append(f'<div class="{css}"><a class="mn-link" href="{esc(top.href)}">{top.label}</a>{panel}</div>')
        return "\n".join(items)

    # -- content --

    def post_url(self, post: Post) -> str:
        return f"/vi/{self.site.cats[post.cat].path}/{post.slug}-{post.ident}.html"

    def cat_url(self, key: str) -> str:
        return f"/vi/{self.site.cats[key].path}.html"

    def listing(self, key: str, *, per_page: int = 8, dated: bool = True) -> None:
        site = self.site
        cat = site.cats[key]
        posts = site.listing(key)
        chunks = pages_of(posts, per_page)
        base = self.cat_url(key)
        for number, chunk in enumerate(chunks, 1):
            if not chunk:
                body = '<div class="empty-data"><font color="#888888"><i>Dữ liệu đang được cập nhật...</i></font></div>'
            elif dated:
                rows = []
                for post in chunk:
                    path = self.post_url(post)
                    image = site.image(f"/uploads/news/{post.published:%Y/%m}/anh-{post.ident % 2 + 1}.jpg", 240, 160)
                    rows.append(f'<div class="news-item clearfix">\n<a class="news-img" href="{self.site.origin}{path}"><img src="{image}" alt="" class="img-responsive"></a>\n'
                                f'<div class="news-info"><h3 class="news-title"><a href="{self.http}{path}">{esc(post.title)}</a></h3>\n'
                                f'<div class="news-date"><i class="fa fa-clock-o"></i> {dmy(post.published)} {post.published:%H:%M}</div>\n'
                                f'<p class="news-sapo"><font face="Arial">{esc(post.summary)}</font></p>\n'
                                f'<a class="news-more" href="{self.bare}{path}">Xem tiếp <i class="fa fa-angle-double-right"></i></a></div>\n</div>')
                body = "\n".join(rows)
            else:
                rows = "".join(f'<li><i class="fa fa-caret-right"></i> <a href="{self.http}{self.post_url(p)}">{esc(p.title)}</a></li>\n' for p in chunk)
                body = f'<ul class="list-title">\n{rows}</ul>'
            if len(chunks) > 1:
                cells = []
                for n in range(1, len(chunks) + 1):
                    target = base if n == 1 else f"?page={n}"
                    cells.append(f'<li class="active"><span>{n}</span></li>' if n == number else f'<li><a href="{target}">{n}</a></li>')
                if number < len(chunks):
                    cells.append(f'<li><a href="{base}?page={number + 1}" aria-label="Trang sau">&raquo;</a></li>')
                body += f'\n<nav class="text-center"><ul class="pagination">{"".join(cells)}</ul></nav>'
            main = (f'<ol class="breadcrumb"><li><a href="/vi/trang-chu.html">Trang chủ</a></li><li class="active">{esc(cat.label)}</li></ol>\n'
                    f'<div class="cate-box"><h2 class="cate-title">{esc(cat.label.upper())}</h2>\n{body}\n</div>')
            site.write(f"{base.lstrip('/')}/index.html" if number == 1 else index_file(base, f"page={number}"), self.page(base, cat.label, main))

    def article(self, post: Post) -> None:
        site = self.site
        path = self.post_url(post)
        related = [p for p in site.listing(post.cat) if p is not post][:4]
        rows = "".join(f'<li><a href="{self.www}{self.post_url(p)}">{esc(p.title)}</a> <span class="date">({dmy(p.published)})</span></li>' for p in related)
        ld = ('{"@context":"https://schema.org","@type":"NewsArticle","headline":"' + post.title.replace('"', "'")
              + f'","datePublished":"{iso(post.published)}","publisher":{{"@type":"Organization","name":"UBND xã Tam Hiệp"}}}}')
        main = (f'<ol class="breadcrumb"><li><a href="/vi/trang-chu.html">Trang chủ</a></li><li><a href="{self.http}{self.cat_url(post.cat)}">{esc(site.cats[post.cat].label)}</a></li></ol>\n'
                f'<div class="news-detail">\n<h1 class="nd-title">{esc(post.title)}</h1>\n'
                f'<div class="nd-meta"><span class="nd-date"><i class="fa fa-calendar"></i> Ngày đăng: {dmy(post.published)} | {post.published:%H:%M}</span> '
                f'<span class="nd-view"><i class="fa fa-eye"></i> Lượt xem: {hits(post)}</span></div>\n'
                f'<div class="nd-sapo"><font size="3"><b>{esc(post.summary)}</b></font></div>\n'
                f'<div class="nd-content"><font face="Times New Roman" size="3">\n{body_paragraphs(site, post)}\n</font></div>\n'
                f'<p class="nd-author" style="text-align:right"><font color="#333333"><b>Ban Văn hóa xã</b></font></p>\n'
                f'<script type="application/ld+json">{ld}</script>\n</div>\n'
                + (f'<div class="nd-related"><h3>Tin liên quan</h3><ul>{rows}</ul></div>' if rows else ""))
        site.write(path.lstrip("/"), self.page(path, post.title, main))

    def static(self, path: str, title: str, html: str) -> None:
        main = (f'<ol class="breadcrumb"><li><a href="/vi/trang-chu.html">Trang chủ</a></li><li class="active">{esc(title)}</li></ol>\n'
                f'<div class="static-page"><h1 class="page-title">{esc(title)}</h1>\n<div class="static-content">\n{html}\n</div></div>')
        self.site.write(path.lstrip("/"), self.page(path, title, main))


# --- the six portals ------------------------------------------------------------------------


def build_joomla_1() -> Site:
    """Tân Lập (Joomla 3.10): upper-case menu with a separator parent and TTHC; the reception
    schedule only in the left column, as a category list without dates (titles with the next
    month); an empty digital-transformation category; a Great Unity Day 2022 banner; blog paging
    ?start=10; posts at 31/03 23:50, 01/04 00:15, 31/12 23:55 (+07:00)."""
    site = Site("site-joomla-1", "https://tanlap.danphuong.hanoi.gov.vn", "xã Tân Lập", "huyện Đan Phượng", "thành phố Hà Nội")
    news = site.cat("tin-tuc", "Tin tức - Sự kiện", "/index.php/tin-tuc")
    site.cat("thong-bao", "Thông báo", "/index.php/tin-tuc/thong-bao", "notice")
    site.cat("lich-tiep", "Lịch tiếp công dân", "/index.php/lich-tiep-cong-dan", "reception")
    site.cat("pbgdpl", "Phổ biến giáo dục pháp luật", "/index.php/pho-bien-giao-duc-phap-luat", "law")
    site.cat("cds", "Chuyển đổi số", "/index.php/chuyen-doi-so", "digital")
    site.cat("du-lich", "Du lịch - Lễ hội", "/index.php/du-lich-le-hoi", "travel")
    news.children = ["thong-bao"]
    edges = [datetime(2023, 3, 31, 23, 50, 0), datetime(2023, 4, 1, 0, 15, 0), datetime(2022, 12, 31, 23, 55, 0)]
    add_posts(site, "tin-tuc", q1=8, before=1, after=1, salt=4, extra=edges)
    add_posts(site, "thong-bao", q1=3, before=1, salt=2)
    add_posts(site, "lich-tiep", extra=[datetime(2022, 12, 28, 15, 30, 0), datetime(2023, 1, 30, 9, 20, 0),
                                        datetime(2023, 2, 27, 14, 10, 0), datetime(2023, 3, 31, 16, 40, 0)])
    add_posts(site, "pbgdpl", q1=2, before=1, salt=3)
    add_posts(site, "du-lich", q1=1, before=1, salt=5)

    j = Joomla3(site, [
        Link("TRANG CHỦ", "/index.php"),
        Link("GIỚI THIỆU", "/index.php/gioi-thieu"),
        Link("TIN TỨC", news.path),
        Link("VĂN BẢN", "", children=[Link("Văn bản QPPL", "/index.php/van-ban/van-ban-qppl")]),
        Link("TTHC", "https://dichvucong.hanoi.gov.vn/"),
        Link("LIÊN HỆ", "/index.php/lien-he"),
    ], left=[], right=[], footer_html="""<div class="moduletable">
<div class="custom"  >
<p style="text-align: center;"><strong>TRANG THÔNG TIN ĐIỆN TỬ XÃ TÂN LẬP - HUYỆN ĐAN PHƯỢNG - THÀNH PHỐ HÀ NỘI</strong></p>
<p style="text-align: center;">Bản quyền thuộc về Ủy ban nhân dân xã Tân Lập</p>
<p style="text-align: center;">Chịu trách nhiệm nội dung: Ông Nguyễn Hữu Tài - Chủ tịch UBND xã</p>
<p style="text-align: center;">Địa chỉ: Cụm 5, xã Tân Lập, huyện Đan Phượng - Điện thoại: 024 3363 8123 - Email: ubnd_tanlap@hanoi.gov.vn</p>
</div>
</div>""")
    j.header = site.image("/images/banner/header-tanlap.jpg", 1170, 160)
    j.left = [
        j.menu_module("CHUYÊN MỤC", [Link("Lịch tiếp công dân", site.cats["lich-tiep"].path),
                                     Link("PBGDPL", site.cats["pbgdpl"].path),
                                     Link("Chuyển đổi số", site.cats["cds"].path),
                                     Link("Du lịch - Lễ hội", site.cats["du-lich"].path),
                                     Link("Danh bạ điện thoại", "/index.php/danh-ba-dien-thoai")]),
    ]
    j.right = [
        j.banners_module("", [
            (3, Banner("/images/banners/dich-vu-cong-ha-noi.jpg", 270, 90, "https://dichvucong.hanoi.gov.vn/", "Cổng dịch vụ công thành phố Hà Nội")),
            (4, Banner("/images/banners/hop-thu-gop-y.jpg", 270, 90, "/index.php/lien-he", "Hộp thư góp ý")),
            (7, Banner("/images/banners/ngay-hoi-dai-doan-ket-2022.jpg", 270, 150, news.path,
                       "Ngày hội Đại đoàn kết toàn dân tộc - Kỷ niệm 92 năm Ngày thành lập MTTQ Việt Nam (18/11/1930 - 18/11/2022)")),
            (8, Banner("/images/banners/cong-ttdt-dan-phuong.jpg", 270, 90, "https://danphuong.hanoi.gov.vn/", "Cổng thông tin điện tử huyện Đan Phượng")),
        ]),
    ]
    j.featured(site.listing("tin-tuc")[3:6])
    for key in ("tin-tuc", "pbgdpl", "du-lich"):
        j.blog(key)
    j.blog("cds", description="Chuyên mục tuyên truyền về chuyển đổi số, chính quyền số, kinh tế số và xã hội số.")
    j.category_list("lich-tiep")
    for post in site.all_posts():
        if post.cat == "lich-tiep":                                  # listed without dates: every article saved
            j.article(post)
    j.static("/index.php/gioi-thieu", "Giới thiệu chung", "<p>Xã Tân Lập nằm ở phía Đông Nam huyện Đan Phượng, có diện tích tự nhiên 612 ha, gồm 9 cụm dân cư.</p>")
    headers = ["STT", "Số ký hiệu", "Ngày ban hành", "Trích yếu", "Tệp đính kèm"]
    j.static("/index.php/van-ban/van-ban-qppl", "Văn bản quy phạm pháp luật", table_html(headers, doc_rows(site, LEGAL_DOCS, 5, salt=2), "table table-bordered"))
    j.static("/index.php/danh-ba-dien-thoai", "Danh bạ điện thoại", table_html(["Chức vụ", "Họ và tên", "Điện thoại", "Thư điện tử"],
                                                                              directory_rows(site, "hanoi.gov.vn", chair="Nguyễn Hữu Tài"), "table table-bordered"))
    j.contact("/index.php/lien-he", "Ủy ban nhân dân xã Tân Lập", [("Địa chỉ", "Cụm 5, xã Tân Lập, huyện Đan Phượng, thành phố Hà Nội"),
                                                                   ("Điện thoại", "024 3363 8123"), ("Email", "ubnd_tanlap@hanoi.gov.vn")])
    j.error_page()
    site.write("robots.txt", JOOMLA_ROBOTS)
    return site


def build_joomla_2() -> Site:
    """Nam Thượng (Joomla 4.2, SEF off): index.php?option=... URLs and &limitstart paging; article
    info with publish, creation and last-edit dates (a post created 31/03 and published 01/04 00:15,
    one created in December and published 02/01); the feedback banner named "Banner 3" (known by its
    file name); a 30/4/1975 - 30/4/2023 anniversary banner (current); the reception schedule as an
    image module; tourism answering 404; the directory only in the footer menu; a footer whose
    responsible person reads "Đang cập nhật"."""
    site = Site("site-joomla-2", "https://namthuong.kimboi.hoabinh.gov.vn", "xã Nam Thượng", "huyện Kim Bôi", "tỉnh Hòa Bình")
    j = Joomla4(site, [], [], [], "")
    j.catids = {"tin-tuc": (8, 102), "thong-bao": (9, 102), "cds": (11, 112), "pbpl": (12, 113)}
    news_cat = site.cat("tin-tuc", "Tin tức - Sự kiện", "")
    site.cat("thong-bao", "Thông báo", "", "notice")
    site.cat("cds", "Chuyển đổi số", "", "digital")
    site.cat("pbpl", "Tuyên truyền, phổ biến pháp luật", "", "law")
    for key in site.cats:
        site.cats[key].path = j.cat_url(key)
    scheduled, after_holiday, late = datetime(2023, 4, 1, 0, 15, 0), datetime(2023, 1, 2, 8, 0, 0), datetime(2023, 3, 31, 23, 50, 0)
    news = add_posts(site, "tin-tuc", q1=6, before=1, after=1, salt=6, extra=[scheduled, after_holiday, late])
    by_day = {p.published: p for p in news}
    j.created[by_day[scheduled].ident] = datetime(2023, 3, 31, 22, 40, 0)
    j.created[by_day[after_holiday].ident] = datetime(2022, 12, 29, 16, 5, 0)
    news[0].edited = datetime(2023, 2, 10, 9, 30, 0)                 # a 2022 post edited in the quarter
    add_posts(site, "thong-bao", q1=2, before=1, salt=3)
    add_posts(site, "cds", q1=1, before=1, salt=1)
    add_posts(site, "pbpl", q1=1, before=1, salt=2)

    def art(ident: int, itemid: int) -> str:
        return f"/index.php?option=com_content&view=article&id={ident}&Itemid={itemid}"
    contact = "/index.php?option=com_contact&view=contact&id=1&Itemid=111"
    j.menu = [
        Link("Trang chủ", FEATURED),
        Link("Giới thiệu", art(1, 104)),
        Link("Tin tức - Sự kiện", j.cat_url("tin-tuc")),
        Link("Văn bản", "", children=[Link("Văn bản pháp quy", art(5, 108))]),
        Link("Dịch vụ công", "https://dichvucong.hoabinh.gov.vn/"),
        Link("Liên hệ", contact),
    ]
    j.left = [
        j.card("sidebar-left", "Chuyên mục", Joomla4.menu_list([
            Link("Chuyển đổi số", j.cat_url("cds")), Link("Tuyên truyền, phổ biến pháp luật", j.cat_url("pbpl")),
            Link("Du lịch", "/index.php?option=com_content&view=category&layout=blog&id=14&Itemid=114"),
            Link("Hỏi đáp", art(9, 116))])),
        Joomla4.plain("Lịch tiếp công dân", f'<div id="mod-custom118" class="mod-custom custom">\n<p><a href="{esc(art(12, 115))}">'
                      f'<img src="{site.origin}/images/banners/lich-tiep-cong-dan.jpg" alt="Lịch tiếp công dân" width="270" height="90" loading="lazy" '
                      'data-path="local-images:/banners/lich-tiep-cong-dan.jpg"></a></p></div>'),
    ]
    site.image("/images/banners/lich-tiep-cong-dan.jpg", 270, 90)
    j.right = [
        j.card("sidebar-right", "Liên kết", j.banners([
            (2, "Banner 3", Banner("/images/banners/hoi-dap-truc-tuyen.png", 270, 90, art(9, 116))),
            (3, "Dịch vụ công", Banner("/images/banners/dvc-hoabinh.jpg", 270, 90, "https://dichvucong.hoabinh.gov.vn/",
                                       "Cổng dịch vụ công tỉnh Hòa Bình")),
            (4, "30-4", Banner("/images/banners/30-4-2023.jpg", 270, 160, "/",
                               "Kỷ niệm 48 năm Ngày Giải phóng miền Nam, thống nhất đất nước (30/4/1975 - 30/4/2023)")),
        ])),
    ]
    j.footer_html = ("""<div id="mod-custom121" class="mod-custom custom">
<p style="text-align: center;"><strong>TRANG THÔNG TIN ĐIỆN TỬ XÃ NAM THƯỢNG</strong></p>
<p style="text-align: center;">© 2023 Ủy ban nhân dân xã Nam Thượng, huyện Kim Bôi, tỉnh Hòa Bình</p>
<p style="text-align: center;">Địa chỉ: Xóm Mớ Đá, xã Nam Thượng - Điện thoại: 0218 3871 456 - Email: namthuong@hoabinh.gov.vn</p>
<p style="text-align: center;">Chịu trách nhiệm nội dung: Đang cập nhật</p>
</div>
""" + Joomla4.menu_list([Link("Danh bạ điện thoại", art(7, 117)), Link("Liên hệ", contact)], first=140))
    site.image("/images/logo/logo-xa.png", 1000, 120)
    j.featured(site.listing("tin-tuc")[:3])
    news_cat.children = ["thong-bao"]                                # the blog shows its subcategory's articles
    for key in ("tin-tuc", "cds", "pbpl"):
        j.blog(key)
    j.article(by_day[scheduled])
    j.static(art(1, 104), "Giới thiệu", "<p>Xã Nam Thượng nằm ở phía Nam huyện Kim Bôi, có 7 xóm, đồng bào dân tộc Mường chiếm trên 90% dân số.</p>")
    headers = ["STT", "Số ký hiệu", "Ngày ban hành", "Trích yếu", "Tệp đính kèm"]
    j.static(art(5, 108), "Văn bản pháp quy", table_html(headers, doc_rows(site, LEGAL_DOCS, 4, salt=4), "table table-striped"))
    j.static(art(7, 117), "Danh bạ điện thoại", table_html(["Chức vụ", "Họ và tên", "Điện thoại", "Thư điện tử"],
                                                          directory_rows(site, "hoabinh.gov.vn", chair="Bùi Văn Thành"), "table table-striped"))
    j.static(art(9, 116), "Hỏi đáp", "<p>Công dân gửi câu hỏi về thủ tục hành chính, chính sách tại địa phương; UBND xã trả lời trên trang này.</p>"
             "<p><strong>Hỏi:</strong> Làm giấy khai sinh cho con cần những giấy tờ gì?<br><strong>Đáp:</strong> Tờ khai và giấy chứng sinh.</p>")
    j.static(art(12, 115), "Lịch tiếp công dân", "<p>UBND xã Nam Thượng thông báo lịch tiếp công dân định kỳ năm 2023:</p>"
             + table_html(["Tháng", "Người tiếp công dân", "Chức vụ", "Thời gian, địa điểm"], reception_rows(site, "Bùi Văn Thành", "Quách Thị Hương"), "table table-striped"))
    j.static(contact, "Liên hệ", "<p>Ủy ban nhân dân xã Nam Thượng - Xóm Mớ Đá, xã Nam Thượng, huyện Kim Bôi, tỉnh Hòa Bình</p>"
             "<p>Điện thoại: 0218 3871 456 - Email: namthuong@hoabinh.gov.vn</p>")
    j.error_page("Không tìm thấy danh mục")
    site.write("robots.txt", JOOMLA_ROBOTS)
    return site


def sp_path(name: str) -> str:
    return f"/portal/Pages/{name}.aspx"


def build_sharepoint_1() -> Site:
    """Gia Sinh (SharePoint-style provincial platform): listings whose later pages only answer a
    __doPostBack (page 1 by GET, older posts also reachable through "Các tin đã đưa" on the article
    pages); post URLs dated by creation (one created 31/03 is "Đăng ngày 01 - 04 - 2023", one
    created 30/12/2022 is "Đăng ngày 03 - 01 - 2023"); print views; no feedback banner (Hỏi đáp
    only as a footer text link)."""
    site = Site("site-sharepoint-1", "https://giasinh.giavien.ninhbinh.gov.vn", "xã Gia Sinh", "huyện Gia Viễn", "tỉnh Ninh Bình")
    site.cat("tin-tuc", "Tin tức - Sự kiện", sp_path("Tin-tuc-su-kien"))
    site.cat("pbgdpl", "Phổ biến giáo dục pháp luật", sp_path("Pho-bien-giao-duc-phap-luat"), "law")
    site.cat("cds", "Chuyển đổi số", sp_path("Chuyen-doi-so"), "digital")
    site.cat("dltc", "Danh lam thắng cảnh", sp_path("Danh-lam-thang-canh"), "travel")
    sp = SharePoint(site, [], [], [], "")
    approved_late, after_tet = datetime(2023, 4, 1, 7, 30, 0), datetime(2023, 1, 3, 8, 15, 0)
    news = add_posts(site, "tin-tuc", q1=8, before=1, after=1, salt=11, extra=[approved_late, after_tet])
    for post in news:
        if post.published == approved_late:
            sp.created[post.ident] = datetime(2023, 3, 31, 16, 20, 0)
        if post.published == after_tet:
            sp.created[post.ident] = datetime(2022, 12, 30, 15, 0, 0)
    add_posts(site, "pbgdpl", q1=2, before=2, salt=2)
    add_posts(site, "cds", q1=2, before=1, salt=4)
    add_posts(site, "dltc", before=2, salt=1)

    sp.menu = [
        Link("Trang chủ", sp_path("default")),
        Link("Giới thiệu", sp_path("Gioi-thieu")),
        Link("Tin tức - Sự kiện", site.cats["tin-tuc"].path),
        Link("Văn bản", sp_path("Van-ban-phap-quy"), children=[Link("Văn bản pháp quy", sp_path("Van-ban-phap-quy"))]),
        Link("Thủ tục hành chính", "https://dichvucong.ninhbinh.gov.vn/"),
        Link("Liên hệ", sp_path("Lien-he")),
    ]
    sp.left = [
        sp.links(3, "CHUYÊN MỤC", [Link("Lịch tiếp công dân", sp_path("Lich-tiep-cong-dan")),
                                   Link("Phổ biến giáo dục pháp luật", site.cats["pbgdpl"].path),
                                   Link("Chuyển đổi số", site.cats["cds"].path),
                                   Link("Danh lam thắng cảnh", site.cats["dltc"].path),
                                   Link("Danh bạ điện thoại", sp_path("Danh-ba-dien-thoai"))]),
        sp.banners(5, "LIÊN KẾT", [
            Banner("/portal/PublishingImages/Banner/cong-ttdt-ninhbinh.jpg", 200, 70, "https://ninhbinh.gov.vn/", "Cổng thông tin điện tử tỉnh Ninh Bình"),
            Banner("/portal/PublishingImages/Banner/dvc-ninhbinh.jpg", 200, 70, "https://dichvucong.ninhbinh.gov.vn/", "Dịch vụ công trực tuyến"),
            Banner("/portal/PublishingImages/Banner/cong-gia-vien.jpg", 200, 70, "https://giavien.ninhbinh.gov.vn/", "Cổng TTĐT huyện Gia Viễn")]),
    ]
    sp.right = [
        sp.webpart(8, "THỐNG KÊ TRUY CẬP", '<table class="tbl-counter"><tr><td>Đang trực tuyến:</td><td>12</td></tr>'
                   '<tr><td>Tổng lượt truy cập:</td><td>318.402</td></tr></table>'),
    ]
    sp.footer_html = ('<div class="footer-text"><b>TRANG THÔNG TIN ĐIỆN TỬ XÃ GIA SINH - HUYỆN GIA VIỄN - TỈNH NINH BÌNH</b><br />\n'
                      'Cơ quan chủ quản: Ủy ban nhân dân xã Gia Sinh<br />\n'
                      'Chịu trách nhiệm chính: Ông Đinh Văn Hải - Chủ tịch UBND xã<br />\n'
                      'Địa chỉ: Thôn Tập Ninh, xã Gia Sinh, huyện Gia Viễn, tỉnh Ninh Bình - Điện thoại: 0229 3640 123 - Email: giasinh.giavien@ninhbinh.gov.vn<br />\n'
                      f'<a href="{sp_path("Hoi-dap")}">Hỏi đáp</a> | <a href="{sp_path("Lien-he")}">Liên hệ</a></div>')
    sp.home([("TIN TỨC - SỰ KIỆN", "tin-tuc"), ("PHỔ BIẾN GIÁO DỤC PHÁP LUẬT", "pbgdpl"), ("CHUYỂN ĐỔI SỐ", "cds")])
    for key in site.cats:
        sp.listing(key, per_page=8)
    for index, post in enumerate(site.listing("tin-tuc")):           # page 1 shows 8; later posts only by postback
        if index >= 7 and post.published.year == 2023:
            sp.article(post)
    sp.static(sp_path("Gioi-thieu"), "Giới thiệu", "<p>Xã Gia Sinh nằm ở phía Nam huyện Gia Viễn, giáp Khu du lịch sinh thái Tràng An.</p>")
    sp.doc_list(sp_path("Van-ban-phap-quy"), "Văn bản pháp quy", doc_rows(site, LEGAL_DOCS, 5, salt=6))
    sp.static(sp_path("Lich-tiep-cong-dan"), "Lịch tiếp công dân", "<p>Lịch tiếp công dân định kỳ của lãnh đạo UBND xã Gia Sinh năm 2023:</p>"
              + table_html(["Tháng", "Người tiếp công dân", "Chức vụ", "Thời gian, địa điểm"], reception_rows(site, "Đinh Văn Hải", "Phạm Thị Thu"), "ms-rteTable-default"))
    sp.static(sp_path("Danh-ba-dien-thoai"), "Danh bạ điện thoại", table_html(["Chức vụ", "Họ và tên", "Điện thoại", "Thư điện tử"],
                                                                               directory_rows(site, "ninhbinh.gov.vn", chair="Đinh Văn Hải"), "ms-rteTable-default"))
    sp.static(sp_path("Hoi-dap"), "Hỏi đáp", "<p>Công dân gửi câu hỏi qua thư điện tử giasinh.giavien@ninhbinh.gov.vn; câu trả lời được đăng tại đây.</p>")
    sp.static(sp_path("Lien-he"), "Liên hệ", "<p>UBND xã Gia Sinh - Điện thoại: 0229 3640 123 - Email: giasinh.giavien@ninhbinh.gov.vn</p>")
    return site


def build_tablelayout_1() -> Site:
    """Thụy Lôi (a home-made PHP site): the menu as " | "-separated links typed without diacritics,
    without Thủ tục hành chính; a feedback banner without alt (known by its link and file name); a
    current banner in /uploads/2022/10/; a footer row without a responsible person; no tourism
    section; "Ngày đăng: dd/mm/yyyy - Lượt xem: N" without time; a notice posted 30/03 about a power
    cut on 05/04; the reception schedule of "quý II" posted 31/03."""
    site = Site("site-tablelayout-1", "http://thuyloi.tienlu.hungyen.gov.vn", "xã Thụy Lôi", "huyện Tiên Lữ", "tỉnh Hưng Yên")
    t = TableLayout(site, [], [], [], "")
    t.cat_ids = {"tin-tuc": 1, "thong-bao": 2, "ttpl": 3, "cds": 4, "lich-tiep": 5}
    for key, label, topic in (("tin-tuc", "Tin tức - Sự kiện", "news"), ("thong-bao", "Thông báo", "notice"),
                              ("ttpl", "Tuyên truyền pháp luật", "law"), ("cds", "Chuyển đổi số", "digital"),
                              ("lich-tiep", "Lịch tiếp dân", "reception")):
        site.cat(key, label, "", topic)
        site.cats[key].path = t.cat_url(key)
    edges = [datetime(2023, 3, 31, 23, 50, 0), datetime(2023, 4, 1, 0, 15, 0), datetime(2023, 1, 1, 6, 30, 0)]
    add_posts(site, "tin-tuc", q1=4, before=2, after=1, salt=9, extra=edges)
    add_posts(site, "thong-bao", q1=2, before=1, salt=5)
    power = add_post(site, "thong-bao", "Thông báo lịch cắt điện ngày 05/04/2023", datetime(2023, 3, 30, 15, 0, 0),
                     "Điện lực Tiên Lữ thông báo lịch tạm ngừng cung cấp điện để bảo dưỡng lưới điện ngày 05/04/2023.")
    add_posts(site, "ttpl", q1=1, before=1, salt=2)
    add_posts(site, "cds", q1=1, salt=3)
    add_post(site, "lich-tiep", "Lịch tiếp công dân quý IV/2022", datetime(2022, 10, 3, 8, 0, 0), "UBND xã Thụy Lôi thông báo lịch tiếp công dân quý IV/2022.")
    add_post(site, "lich-tiep", "Lịch tiếp công dân quý I/2023", datetime(2023, 1, 5, 8, 0, 0), "UBND xã Thụy Lôi thông báo lịch tiếp công dân quý I/2023.")
    add_post(site, "lich-tiep", "Lịch tiếp công dân quý II/2023", datetime(2023, 3, 31, 10, 0, 0), "UBND xã Thụy Lôi thông báo lịch tiếp công dân quý II/2023.")

    t.menu = [Link("TRANG CHU", "index.php"), Link("GIOI THIEU", "index.php?com=gioithieu"), Link("TIN TUC", t.cat_url("tin-tuc")),
              Link("VAN BAN", "index.php?com=vanban"), Link("HOI DAP", "index.php?com=hoidap"), Link("LIEN HE", "index.php?com=lienhe")]
    t.left = [
        t.links_box("DANH MỤC", [Link(site.cats[k].label if k != "cds" else "CHUYỂN ĐỔI SỐ", t.cat_url(k)) for k in t.cat_ids]
                    + [Link("Văn bản QPPL", "index.php?com=vanban"), Link("Danh bạ điện thoại", "index.php?com=danhba")]),
        t.box("LIÊN KẾT WEBSITE", '<select name="lienket" onchange="window.open(this.value)" style="width:180px"><option value="">--- Chọn liên kết ---</option>'
              '<option value="https://hungyen.gov.vn/">Cổng TTĐT tỉnh Hưng Yên</option><option value="https://tienlu.hungyen.gov.vn/">Cổng TTĐT huyện Tiên Lữ</option></select>'),
    ]
    banners = [Banner("uploads/banner/hoidap.gif", 190, 70, "index.php?com=hoidap"),
               Banner("/uploads/2022/10/dich-vu-cong-truc-tuyen.jpg", 190, 70, "https://dichvucong.hungyen.gov.vn/", "Dịch vụ công trực tuyến"),
               Banner("uploads/banner/cong-ttdt-hung-yen.jpg", 190, 70, "https://hungyen.gov.vn/")]
    for b in banners:
        site.image(b.image, b.width, b.height)
    t.right = [t.box("LIÊN KẾT", t.banner_box(banners)),
               t.box("THỐNG KÊ", "Đang online: <b>3</b><br>Hôm nay: <b>57</b><br>Tổng truy cập: <b>45.678</b>")]
    t.bottom_html = ("Bản quyền &copy; 2015 thuộc UBND xã Thụy Lôi - huyện Tiên Lữ - tỉnh Hưng Yên<br>\n"
                     "Địa chỉ: Thôn Thụy Lôi, xã Thụy Lôi - ĐT: 0221 3871 234 - Email: thuyloi@hungyen.gov.vn<br>\n"
                     "Thiết kế bởi: Công ty TNHH Phần mềm Hưng Thịnh")
    for image, width, height in (("images/banner_top.jpg", 1000, 160), ("images/bg_menu.gif", 10, 32), ("images/bullet.gif", 7, 7)):
        site.image(image, width, height)
    latest = site.all_posts()[:6]
    rows = "".join(f'<img src="images/bullet.gif" width="7" height="7"> <a href="{esc(t.post_url(p))}" class="link_home">{esc(p.title)}</a> '
                   f'<span class="ngay">({dmy(p.published)})</span><br>\n' for p in latest)
    notices = "".join(f'<img src="images/bullet.gif" width="7" height="7"> <a href="{esc(t.post_url(p))}" class="link_home">{esc(p.title)}</a><br>\n'
                      for p in site.listing("thong-bao")[:3])
    home = (f'<table width="100%" border="0" cellspacing="0" cellpadding="5"><tr><td class="title_main">TIN MỚI NHẤT</td></tr><tr><td>{rows}</td></tr>'
            f'<tr><td class="title_main">THÔNG BÁO</td></tr><tr><td>{notices}</td></tr></table>')
    html = t.page(f"UBND {site.name.upper()}", home)
    site.write("index.html", html)
    site.write("index.php.html", html)
    for key in t.cat_ids:
        t.listing(key)
    for post in site.all_posts():
        if post is power:
            t.article(post)
    t.static("index.php?com=gioithieu", "Giới thiệu", "<p>Xã Thụy Lôi nằm ở phía Bắc huyện Tiên Lữ, có 6 thôn, diện tích tự nhiên 540 ha.</p>")
    t.static("index.php?com=vanban", "Văn bản pháp quy", table_html(["STT", "Số ký hiệu", "Ngày ban hành", "Trích yếu", "Tệp"],
                                                                     doc_rows(site, LEGAL_DOCS, 5, salt=3), "tbl_vanban"))
    t.static("index.php?com=hoidap", "Hỏi đáp", "<p><b>Hỏi:</b> Thủ tục chứng thực bản sao cần mang theo giấy tờ gì?<br><b>Trả lời:</b> Bản chính và bản sao cần chứng thực.</p>"
             '<p><a href="index.php?com=hoidap&amp;act=gui">Gửi câu hỏi</a></p>')
    t.static("index.php?com=lienhe", "Liên hệ", "<p>UBND xã Thụy Lôi - ĐT: 0221 3871 234 - Email: thuyloi@hungyen.gov.vn</p>")
    t.static("index.php?com=danhba", "Danh bạ điện thoại", table_html(["Chức vụ", "Họ và tên", "Điện thoại", "Thư điện tử"],
                                                                       directory_rows(site, "hungyen.gov.vn", chair="Đào Văn Khánh"), "tbl_danhba"))
    site.write("_404.html", '<!DOCTYPE HTML PUBLIC "-//IETF//DTD HTML 2.0//EN">\n<html><head>\n<title>404 Not Found</title>\n</head><body>\n'
               "<h1>Not Found</h1>\n<p>The requested URL was not found on this server.</p>\n<hr>\n<address>Apache/2.2.15 (CentOS) Server Port 80</address>\n</body></html>\n")
    return site


def lr(path: str) -> str:
    return f"/web/guest/{path}"


def build_liferay_1() -> Site:
    """Tân Thành (Liferay 6.2, VNPT theme): flat /web/guest/ pages; one post reachable at a URL per
    asset publisher (home, Tin tức, Tin hoạt động); p_p_id paging with _cur=N; the digital
    transformation category as a title list without dates, in the side column and on its page;
    an empty reception schedule ("Không có kết quả nào được tìm thấy."); a Digital Transformation
    Day banner (10/10, no year) still shown in April."""
    site = Site("site-liferay-1", "https://tanthanh.phubinh.thainguyen.gov.vn", "xã Tân Thành", "huyện Phú Bình", "tỉnh Thái Nguyên")
    news = site.cat("tin-tuc", "Tin tức", lr("tin-tuc"))
    site.cat("hoat-dong", "Tin hoạt động", lr("tin-hoat-dong"))
    site.cat("thong-bao", "Thông báo", lr("thong-bao"), "notice")
    site.cat("pbgdpl", "Phổ biến, giáo dục pháp luật", lr("pbgdpl"), "law")
    site.cat("cds", "Chuyển đổi số", lr("chuyen-doi-so"), "digital")
    site.cat("du-lich", "Du lịch - Văn hóa", lr("du-lich-van-hoa"), "travel")
    news.children = ["hoat-dong", "thong-bao"]
    edges = [datetime(2023, 3, 31, 23, 50, 0), datetime(2023, 4, 1, 0, 15, 0)]
    add_posts(site, "hoat-dong", q1=6, before=1, after=1, salt=12, extra=edges)
    add_posts(site, "thong-bao", q1=2, before=1, salt=6)
    add_posts(site, "pbgdpl", q1=1, before=1, salt=4)
    add_posts(site, "cds", q1=1, before=1, salt=7)
    add_posts(site, "du-lich", q1=1, before=1, salt=3)

    menu = [
        Link("Trang chủ", lr("trang-chu")),
        Link("Giới thiệu", lr("gioi-thieu")),
        Link("Tin tức", news.path),
        Link("Văn bản", lr("van-ban-qppl"), children=[Link("Văn bản QPPL", lr("van-ban-qppl"))]),
        Link("Thủ tục hành chính", "https://dichvucong.thainguyen.gov.vn/"),
        Link("Liên hệ", lr("lien-he")),
    ]
    li = Liferay(site, menu, [], "")
    for page in ("trang-chu", "tin-tuc", "tin-hoat-dong", "thong-bao", "pbgdpl", "chuyen-doi-so", "du-lich-van-hoa", "lich-tiep-cong-dan"):
        li.instances[lr(page)] = "".join(c.upper() if i % 3 == 0 else c for i, c in enumerate(token(page, 12)))
    nav = "".join(f'<li class=""><a class="" href="{esc(li.url(x.href))}">{esc(x.label)}</a></li>'
                  for x in (Link("PBGDPL", lr("pbgdpl")), Link("Chuyển đổi số", lr("chuyen-doi-so")), Link("Du lịch - Văn hóa", lr("du-lich-van-hoa")),
                            Link("Lịch tiếp công dân", lr("lich-tiep-cong-dan")), Link("Danh bạ điện thoại", lr("danh-ba"))))
    banners = [Banner("/documents/20182/0/banner-hoi-dap.png", 270, 90, li.url(lr("hoi-dap")), "Hỏi đáp trực tuyến"),
               Banner("/documents/20182/0/banner-ngay-cds-quoc-gia.jpg", 270, 150, li.url(lr("chuyen-doi-so")), "Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10"),
               Banner("/documents/20182/0/dvc-thainguyen.png", 270, 90, "https://dichvucong.thainguyen.gov.vn/", "Dịch vụ công trực tuyến tỉnh Thái Nguyên")]
    for b in banners:
        site.image(b.image, b.width, b.height)
    images = "\n".join(f'<p style="text-align: center;"><a href="{esc(b.href)}" target="_blank"><img alt="{esc(b.alt)}" src="{b.image}" style="width: 100%;" /></a></p>'
                       for b in banners)
    li.side = [
        Liferay.portlet("71_INSTANCE_Nv3xQ8wZ1kRt", "Chuyên mục", f'<div class="nav-menu nav-menu-style-"><ul class="layouts level-1">{nav}</ul></div>', kind="navigation"),
        Liferay.portlet("56_INSTANCE_Bn7yT2mP4cLs", "", f'<div class="journal-content-article">\n{images}\n</div>', borderless=True),
        li.title_list(lr("chuyen-doi-so"), "Chuyển đổi số", site.listing("cds")[:2], "101_INSTANCE_Sd4kW9pZ7hQe"),
    ]
    li.footer_html = ('<p style="text-align: center;"><strong>TRANG THÔNG TIN ĐIỆN TỬ XÃ TÂN THÀNH - HUYỆN PHÚ BÌNH - TỈNH THÁI NGUYÊN</strong></p>\n'
                      '<p style="text-align: center;">Cơ quan chủ quản: Ủy ban nhân dân xã Tân Thành</p>\n'
                      '<p style="text-align: center;">Người chịu trách nhiệm: Ông Dương Văn Toàn - Chủ tịch UBND xã</p>\n'
                      '<p style="text-align: center;">Địa chỉ: Xóm Tân Sơn, xã Tân Thành, huyện Phú Bình - Điện thoại: 0208 3867 123</p>\n'
                      '<p style="text-align: center;">Thiết kế và phát triển bởi VNPT Thái Nguyên</p>')
    site.image(f"/{li.theme}/images/custom/header.jpg", 1170, 150)
    home = lr("trang-chu")
    body = "\n".join(li.abstract(p, home) for p in site.listing("tin-tuc")[:3])
    site.write(index_file(home), li.page(home, "", li.portlet(f"101_INSTANCE_{li.instances[home]}", "Tin mới", body, kind="asset-publisher")))
    site.write("_redirects", f"/ {home} 302\n/web/guest {home} 302\n/web/guest/ {home} 302\n")
    for key in ("tin-tuc", "pbgdpl", "du-lich"):
        li.publisher(site.cats[key].path, site.cats[key].label, site.listing(key))
    li.publisher(lr("lich-tiep-cong-dan"), "Lịch tiếp công dân", [])
    cds_page = lr("chuyen-doi-so")
    site.write(index_file(cds_page), li.page(cds_page, "Chuyển đổi số",
                                             li.title_list(cds_page, "Chuyển đổi số", site.listing("cds"), f"101_INSTANCE_{li.instances[cds_page]}")))
    for post in site.listing("cds"):
        li.article(post, cds_page)
    li.journal(lr("gioi-thieu"), "Giới thiệu", "<p>Xã Tân Thành nằm ở phía Bắc huyện Phú Bình, có 12 xóm, diện tích tự nhiên 1.560 ha.</p>")
    headers = ["STT", "Số ký hiệu", "Ngày ban hành", "Trích yếu", "Tải về"]
    li.journal(lr("van-ban-qppl"), "Văn bản QPPL", table_html(headers, doc_rows(site, LEGAL_DOCS, 5, salt=1), "table table-bordered table-hover table-striped"))
    li.journal(lr("danh-ba"), "Danh bạ điện thoại", table_html(["Chức vụ", "Họ và tên", "Điện thoại", "Thư điện tử"],
                                                               directory_rows(site, "thainguyen.gov.vn", chair="Dương Văn Toàn"), "table table-bordered"))
    li.journal(lr("hoi-dap"), "Hỏi đáp", "<p>Mời công dân gửi câu hỏi, góp ý về hoạt động của UBND xã Tân Thành.</p>")
    li.journal(lr("lien-he"), "Liên hệ", "<p>UBND xã Tân Thành - Điện thoại: 0208 3867 123 - Email: tanthanh.pb@thainguyen.gov.vn</p>")
    site.write("_404.html", '<!DOCTYPE html>\n<html class="aui ltr" dir="ltr" lang="vi-VN">\n<head>\n<title>Trạng thái</title>\n'
               '<meta content="text/html; charset=UTF-8" http-equiv="content-type" />\n</head>\n<body class="portal-popup">\n'
               '<div class="alert alert-error">Không tìm thấy trang được yêu cầu.</div>\n'
               f'<div class="url"><a href="{li.url(home)}">Về trang chủ</a></div>\n</body>\n</html>\n')
    return site


def build_mess_1() -> Site:
    """Tam Hiệp (a vendor CMS with real-world mess): / -> /vi/trang-chu.html; own links written
    http://, https://, // and via www.; a div mega menu (Thủ tục hành chính through the www alias);
    <font> pasted into labels ("Chuyển " + "đổi số") and texts; a cookie banner after the footer; a
    1240x1754 popup poster on the home page; an election category in the side list; an empty law
    category; reception schedules listed without dates."""
    site = Site("site-mess-1", "https://tamhiep.phuctho.hanoi.gov.vn", "xã Tam Hiệp", "huyện Phúc Thọ", "thành phố Hà Nội")
    for key, label, path, topic in (("tin-tuc", "Tin tức - Sự kiện", "tin-tuc-su-kien", "news"),
                                    ("lich-tiep", "Lịch tiếp công dân", "lich-tiep-cong-dan", "reception"),
                                    ("pbgdpl", "Tuyên truyền PBGDPL", "tuyen-truyen-pbgdpl", "law"), ("cds", "Chuyển đổi số", "chuyen-doi-so", "digital"),
                                    ("du-lich", "Du lịch - Làng nghề", "du-lich-lang-nghe", "travel"),
                                    ("bau-cu", "Bầu cử ĐBQH và HĐND các cấp", "bau-cu-dbqh-va-hdnd-cac-cap", "notice")):
        site.cat(key, label, path, topic)
    edges = [datetime(2023, 3, 31, 23, 50, 0), datetime(2023, 4, 1, 0, 15, 0), datetime(2022, 12, 31, 23, 59, 0)]
    add_posts(site, "tin-tuc", q1=7, before=1, after=1, salt=14, extra=edges)
    add_post(site, "tin-tuc", "Hội nghị tổng kết công tác năm 2022 (ngày 30/12/2022)", datetime(2023, 1, 4, 9, 10, 0),
                       "Ngày 30/12/2022, UBND xã Tam Hiệp tổ chức hội nghị tổng kết công tác năm 2022, triển khai nhiệm vụ năm 2023.")
    add_posts(site, "lich-tiep", extra=[datetime(2022, 12, 29, 14, 0, 0), datetime(2023, 1, 30, 8, 30, 0),
                                        datetime(2023, 2, 27, 8, 30, 0), datetime(2023, 3, 30, 16, 0, 0)])
    add_posts(site, "cds", q1=2, before=1, salt=5)
    add_posts(site, "du-lich", q1=1, before=1, salt=4)
    add_post(site, "bau-cu", "Danh sách những người ứng cử đại biểu HĐND xã Tam Hiệp nhiệm kỳ 2021-2026", datetime(2021, 5, 4, 9, 0, 0),
             "Ủy ban bầu cử xã công bố danh sách chính thức những người ứng cử.")
    add_post(site, "bau-cu", "Kết quả bầu cử đại biểu HĐND xã Tam Hiệp nhiệm kỳ 2021-2026", datetime(2021, 5, 28, 15, 0, 0),
             "Ủy ban bầu cử xã công bố kết quả bầu cử.")

    m = Mess(site, [], [], "")

    def sub(label: str, href: str) -> Link:
        return Link(esc(label), href)
    m.menu = [
        (Link('<i class="fa fa-home"></i> TRANG CHỦ', f"{site.origin}/vi/trang-chu.html"), []),
        (Link("GIỚI THIỆU", "javascript:void(0)"), [
            ("Tổng quan", [sub("Điều kiện tự nhiên", "/vi/gioi-thieu/dieu-kien-tu-nhien.html"), sub("Danh bạ điện thoại", f"{m.http}/vi/danh-ba-dien-thoai.html")]),
            ("Quê hương", [sub("Du lịch - Làng nghề", m.cat_url("du-lich"))])]),
        (Link('<font color="#ffff00">TIN TỨC</font> - SỰ KIỆN', f"{m.http}{m.cat_url('tin-tuc')}"), [
            ("Tin tức", [sub("Tin tức - Sự kiện", f"{site.origin}{m.cat_url('tin-tuc')}"), sub("Hoạt động của xã", f"{m.bare}{m.cat_url('tin-tuc')}")])]),
        (Link("VĂN BẢN", "javascript:void(0)"), [
            ("Văn bản", [sub("Văn bản pháp quy", "/vi/van-ban-phap-quy.html")])]),
        (Link("THỦ TỤC HÀNH CHÍNH", f"{m.www}/vi/thu-tuc-hanh-chinh.html"), []),
        (Link("LIÊN HỆ", f"{m.bare}/vi/lien-he.html"), []),
    ]
    cats = [(f"{m.http}{m.cat_url('tin-tuc')}", "Tin tức - Sự kiện"),
            (f"{m.bare}{m.cat_url('lich-tiep')}", "Lịch tiếp công dân"), (m.cat_url("pbgdpl"), "Tuyên truyền PBGDPL"),
            (f"{m.http}{m.cat_url('cds')}", '<font color="#cc0000"><b>Chuyển </b></font><font color="#0000cc">đổi số</font>'),
            (m.cat_url("bau-cu"), "Bầu cử ĐBQH và HĐND các cấp")]
    rows = "".join(f'<li><i class="fa fa-angle-right"></i> <a href="{esc(href)}">{label if "<font" in label else esc(label)}</a></li>' for href, label in cats)
    banners = [Banner("/uploads/banner/gop-y-phan-anh.png", 270, 90, "/vi/gop-y.html", "banner"),
               Banner("/uploads/banner/dvc-hanoi.jpg", 270, 90, "https://dichvucong.hanoi.gov.vn/", "Cổng dịch vụ công Hà Nội"),
               Banner("/uploads/banner/cong-phuc-tho.jpg", 270, 90, "http://phuctho.hanoi.gov.vn/", "banner")]
    for b in banners:
        site.image(b.image, b.width, b.height)
    images = "".join(f'<div class="sb-banner"><a href="{esc(b.href)}" target="_blank"><img src="{m.bare}{b.image}" alt="{esc(b.alt)}" class="img-responsive"></a></div>'
                     for b in banners)
    m.side = [
        f'<div class="sidebar-box"><div class="sb-title">DANH MỤC TIN</div><ul class="sb-cats">{rows}</ul></div>',
        f'<div class="sidebar-box sb-banners">{images}</div>',
    ]
    m.footer_html = ('<p><font size="4" color="#ffff00"><b>TRANG THÔNG TIN ĐIỆN TỬ XÃ TAM HIỆP</b></font></p>\n'
                     '<p>Cơ quan chủ quản: <font color="#ffffff">Ủy ban nhân dân xã Tam Hiệp, huyện Phúc Thọ, thành phố Hà Nội</font></p>\n'
                     '<p>Người chịu trách nhiệm: Ông Nguyễn Văn Bình - Chủ tịch UBND xã</p>\n'
                     '<p>Địa chỉ: Thôn Phú Lộc, xã Tam Hiệp - Điện thoại: 024 3364 1234 - Email: ubnd_tamhiep@hanoi.gov.vn</p>')
    site.image("/uploads/images/header-tamhiep.png", 1170, 140)
    popup = site.image("/uploads/popup/2023/poster-tuyen-truyen-cccd.png", 1240, 1754)
    hot = site.listing("tin-tuc")[:5]
    hot_rows = "".join(f'<li><a href="{m.http}{m.post_url(p)}">{esc(p.title)}</a> <span class="date">{dmy(p.published)}</span></li>' for p in hot)
    blocks = [f'<div class="home-box"><h2 class="hb-title">TIN NỔI BẬT</h2><ul class="hb-list">{hot_rows}</ul></div>']
    for key in ("cds", "du-lich"):
        items = "".join(f'<li><a href="{site.origin}{m.post_url(p)}">{esc(p.title)}</a></li>' for p in site.listing(key)[:3])
        blocks.append(f'<div class="home-box"><h2 class="hb-title"><a href="{m.cat_url(key)}">{esc(site.cats[key].label.upper())}</a></h2><ul class="hb-list">{items}</ul></div>')
    modal = (f'<div id="popupHome" class="popup-overlay" style="display:block"><div class="popup-box"><span class="popup-close" onclick="this.parentNode.parentNode.style.display=\'none\'">&times;</span>'
             f'<a href="{m.cat_url("tin-tuc")}"><img src="{popup}" width="1240" height="1754" alt="Tuyên truyền cấp căn cước công dân gắn chíp"></a></div></div>\n')
    site.write("vi/trang-chu.html", m.page("/vi/trang-chu.html", "", "\n".join(blocks), extra=modal))
    site.write("_redirects", "/ /vi/trang-chu.html 302\n/vi /vi/trang-chu.html 301\n/vi/ /vi/trang-chu.html 301\n/index.html /vi/trang-chu.html 301\n")
    for key in site.cats:
        m.listing(key, dated=key != "lich-tiep")
    for post in site.all_posts():
        if post.cat == "lich-tiep":                                  # listed without dates: every article saved
            m.article(post)
    m.static("/vi/gioi-thieu/dieu-kien-tu-nhien.html", "Điều kiện tự nhiên", "<p><font face=\"Times New Roman\">Xã Tam Hiệp nằm ở phía Đông huyện Phúc Thọ, "
             "ven sông Hồng, diện tích tự nhiên 820 ha.</font></p>")
    rows_dir = "".join(f'<tr><td>{esc(r[0])}</td><td>{esc(r[1])}</td><td><font color="#0000ff">{esc(r[2])}</font></td><td>{esc(r[3])}</td></tr>'
                       for r in directory_rows(site, "hanoi.gov.vn", chair="Nguyễn Văn Bình"))
    m.static("/vi/danh-ba-dien-thoai.html", "Danh bạ điện thoại", '<table class="table table-bordered"><tr><th>Chức vụ</th><th>Họ và tên</th><th>Điện thoại</th>'
             f"<th>Email</th></tr>{rows_dir}</table>")
    headers = ["STT", "Số ký hiệu", "Ngày ban hành", "Trích yếu", "Tệp"]
    m.static("/vi/van-ban-phap-quy.html", "Văn bản pháp quy", table_html(headers, doc_rows(site, LEGAL_DOCS, 5, salt=5)))
    m.static("/vi/thu-tuc-hanh-chinh.html", "Thủ tục hành chính", '<p>Tra cứu, nộp hồ sơ tại <a href="https://dichvucong.hanoi.gov.vn/">Cổng dịch vụ công thành phố Hà Nội</a>.</p>')
    m.static("/vi/lien-he.html", "Liên hệ", "<p>UBND xã Tam Hiệp - Điện thoại: 024 3364 1234 - Email: ubnd_tamhiep@hanoi.gov.vn</p>")
    m.static("/vi/gop-y.html", "Góp ý - Phản ánh", "<p>Mời người dân gửi góp ý, phản ánh về hoạt động của chính quyền xã.</p>")
    site.write("_404.html", '<!DOCTYPE html>\n<html lang="vi">\n<head>\n<meta charset="utf-8">\n<title>404 - Không tìm thấy trang</title>\n'
               '<link href="/Content/css/style.css?v=1.0.7" rel="stylesheet">\n</head>\n<body>\n<div class="page-404"><h1>404</h1>'
               '<p>Trang bạn tìm không tồn tại hoặc đã bị xóa.</p><p><a href="/vi/trang-chu.html">Về trang chủ</a></p></div>\n</body>\n</html>\n')
    site.write("robots.txt", f"User-agent: *\nDisallow: /admin/\nDisallow: /Scripts/\nSitemap: {m.www}/sitemap.xml\n")
    return site


# --- writing ----------------------------------------------------------------------------------

BUILDERS = [build_joomla_1, build_joomla_2, build_sharepoint_1, build_tablelayout_1, build_liferay_1, build_mess_1]


def own_links(site: Site) -> list[str]:
    """Own-site links (any scheme, //host, www. alias excepted) that no saved file answers."""
    files = set(site.files)
    redirects = {line.split()[0] for line in site.files.get("_redirects", b"").decode().splitlines() if line.strip()}
    host = urlsplit(site.origin).netloc
    missing = set()
    for name, content in site.files.items():
        if not name.endswith((".html", ".htm")) or name.startswith("_"):
            continue
        text = content.decode("utf-8", errors="replace")
        folder_of, _, query = name.partition("__q/")
        if query:
            page_path = "/" + folder_of.rstrip("/") + "?" + query.removesuffix(".html")
        else:
            page_path = "/" + name.removesuffix("index.html").removesuffix(".html" if name.endswith((".aspx.html", ".php.html")) else "")
        for href in re.findall(r'(?:href|src)="([^"#]+)"', text):
            href = href.replace("&amp;", "&")
            if href.startswith(("javascript:", "mailto:", "tel:")):
                continue
            url = urljoin(site.origin + page_path, href)
            parts = urlsplit(url)
            if parts.netloc != host:
                continue
            key = parts.path + (f"?{parts.query}" if parts.query else "")
            if key in redirects:
                continue
            path = unquote(parts.path).strip("/")
            folder = f"{path}/" if path else ""
            if parts.query:
                candidates = [f"{folder}__q/{parts.query}.html"]
            elif parts.path.endswith("/") or not path:
                candidates = [f"{folder}index.html", f"{folder}index.xml"]
            else:
                candidates = [path, f"{path}.html", f"{folder}index.html", f"{folder}index.xml"]
            if not any(c in files for c in candidates):
                missing.add(key)
    return sorted(missing)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    parser.add_argument("--links", action="store_true", help="list own-site links that no saved file answers")
    args = parser.parse_args(argv)
    sites = [build() for build in BUILDERS]
    problems = B.check_labels(sites)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            for site in sites:
                B.write_site(site, Path(tmp))
                for path, content in site.files.items():
                    committed = HERE / site.id / path
                    if not committed.is_file() or committed.read_bytes() != content:
                        problems.append(f"{site.id}/{path} differs from the committed file")
                extra = {str(p.relative_to(HERE / site.id)) for p in (HERE / site.id).rglob("*") if p.is_file()} - set(site.files)
                problems += [f"{site.id}/{p} is committed but not generated" for p in sorted(extra)]
    else:
        for site in sites:
            B.write_site(site, HERE)
    total = sum(len(c) for s in sites for c in s.files.values())
    print(f"{len(sites)} portals, {sum(len(s.files) for s in sites)} files, {total / 1024:.0f} KiB")
    for site in sites:
        size = sum(len(c) for c in site.files.values())
        print(f"  {site.id}: {len(site.files)} files, {size / 1024:.0f} KiB, {site.posts_in_q1()} posts in 2023-Q1")
    if args.links:
        for site in sites:
            for link in own_links(site):
                print(f"  not saved: {site.id} {link}")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
