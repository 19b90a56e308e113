"""Page chrome of NukeViet 4 with its default theme (header, navbar menu, right column, footer)."""

from __future__ import annotations

from camthuy_audit.simulator.markup import Ctx, esc, img
from camthuy_audit.simulator.model import MenuItem, SideBlock

GENERATOR = "NukeViet v4.5"


def page(ctx: Ctx, title: str, main: str, *, canonical: str = "", crumbs: list[tuple[str, str]] | None = None,
         description: str = "") -> str:
    site = ctx.site
    unit = site.unit
    full_title = f"{title} - {unit.name}" if title else unit.name
    feeds = "".join(
        f'<link rel="alternate" href="{esc(ctx.absolute("/rss/" + s.path.strip("/") + "/"))}" '
        f'title="Tin Tức - {esc(s.label)}" type="application/rss+xml">\n'
        for s in site.sections.values() if s.kind == "posts")
    canonical_tag = f'<link rel="canonical" href="{esc(ctx.absolute(canonical))}">\n' if canonical else ""
    return "\n".join((
        "<!DOCTYPE html>",
        '<html lang="vi" xmlns="http://www.w3.org/1999/xhtml" prefix="og: http://ogp.me/ns#">',
        "<head>",
        f"<title>{esc(full_title)}</title>",
        f'<meta name="description" content="{esc(description or "Cổng thông tin điện tử " + unit.name)}">',
        f'<meta name="author" content="{esc(unit.name)}">',
        f'<meta name="copyright" content="{esc(unit.name)}">',
        f'<meta name="generator" content="{GENERATOR}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta http-equiv="Content-Type" content="text/html; charset=utf-8">',
        f'<meta property="og:title" content="{esc(full_title)}">',
        '<meta property="og:type" content="website">',
        f'<meta property="og:url" content="{esc(ctx.absolute(canonical or "/"))}">',
        '<link rel="shortcut icon" href="/favicon.ico">',
        canonical_tag + f'<link rel="alternate" href="{esc(ctx.absolute("/rss/"))}" title="Tin Tức" '
        'type="application/rss+xml">',
        feeds + '<link rel="preload" as="style" href="/assets/css/font-awesome.min.css" type="text/css">',
        '<link rel="StyleSheet" href="/themes/default/css/bootstrap.min.css">',
        '<link rel="StyleSheet" href="/themes/default/css/style.css">',
        '<link rel="StyleSheet" href="/themes/default/css/style.responsive.css">',
        '<link rel="StyleSheet" href="/themes/default/css/news.css">',
        '<script data-show="inline">var nv_base_siteurl="/",nv_lang_data="vi",nv_lang_interface="vi",'
        'nv_name_variable="nv",nv_fc_variable="op",nv_lang_variable="language",nv_module_name="news",'
        'nv_func_name="main",nv_is_user=0,nv_area_admin=0,nv_my_ofs=7,nv_cookie_prefix="nv4c_Rz4V5";</script>',
        '<script src="/assets/js/jquery/jquery.min.js"></script>',
        '<script src="/assets/js/language/vi.js"></script>',
        '<script src="/assets/js/global.js"></script>',
        '<script src="/themes/default/js/main.js"></script>',
        "</head>",
        "<body>",
        '<noscript><div class="alert alert-danger">Trình duyệt của bạn đã tắt chức năng hỗ trợ JavaScript.<br>'
        "Website chỉ làm việc khi bạn bật nó trở lại.</div></noscript>",
        '<div class="body-bg"><div class="wraper">',
        _header(ctx),
        _menu(ctx),
        '<section><div class="container" id="body">',
        _third_nav(ctx, crumbs or []),
        '<div class="row">',
        f'<div class="col-sm-16 col-md-18">\n{main}\n</div>',
        f'<div class="col-sm-8 col-md-6">\n{"".join(side_block(ctx, b) for b in site.left + site.right)}\n</div>',
        "</div>",
        "</div></section>",
        "</div>",
        _footer(ctx),
        "</div>",
        '<div id="timeoutsess" class="chromeframe">Bạn đã không sử dụng Site, <a onclick="timeoutsesscancel();" '
        'href="#">Bấm vào đây để duy trì trạng thái đăng nhập</a>.</div>',
        '<script src="/themes/default/js/bootstrap.min.js"></script>',
        "</body>",
        "</html>",
    ))


def _header(ctx: Ctx) -> str:
    site = ctx.site
    logo = img(ctx, site.logo, site.unit.name, dims=True) if site.logo else ""
    banner = img(ctx, site.header_image, site.unit.name, css="img-responsive", dims=True) if site.header_image else ""
    return ('<header><div class="container"><div id="header" class="row">'
            f'<div class="logo col-xs-24 col-sm-24 col-md-8"><a title="{esc(site.unit.name)}" href="/">{logo}</a>'
            f'<h1>{esc(site.unit.name)}</h1><h2>Cổng thông tin điện tử</h2></div>'
            f'<div class="col-xs-24 col-sm-24 col-md-16"><div class="header-banner">{banner}</div></div>'
            "</div></div></header>")


def _menu_entry(ctx: Ctx, item: MenuItem, *, first: bool) -> str:
    title = esc(item.title or item.label)
    if first:
        return (f'<li><a title="{title}" href="{esc(item.href)}"><em class="fa fa-lg fa-home">&nbsp;</em>'
                f'<span class="visible-xs-inline-block"> {esc(item.label)}</span></a></li>')
    if not item.children:
        return f'<li role="presentation"><a class="dropdown-toggle" href="{esc(item.href)}" title="{title}">{esc(item.label)}</a></li>'
    subs = "".join(f'<li><a href="{esc(c.href)}" title="{esc(c.title or c.label)}">{esc(c.label)}</a></li>'
                   for c in item.children)
    return (f'<li class="dropdown" role="presentation"><a class="dropdown-toggle" href="{esc(item.href)}" '
            f'role="button" aria-expanded="false" title="{title}">{esc(item.label)} '
            f'<strong class="caret">&nbsp;</strong></a><ul class="dropdown-menu">{subs}</ul></li>')


def _menu(ctx: Ctx) -> str:
    entries = "".join(_menu_entry(ctx, item, first=i == 0) for i, item in enumerate(ctx.site.menu))
    return ('<nav class="second-nav" id="menusite"><div class="container"><div class="row"><div class="bg box-shadow">'
            '<div class="navbar navbar-default navbar-static-top" role="navigation"><div class="navbar-header">'
            '<button type="button" class="navbar-toggle" data-toggle="collapse" data-target="#menu-site-default">'
            '<span class="sr-only">&nbsp;</span><span class="icon-bar">&nbsp;</span><span class="icon-bar">&nbsp;'
            '</span></button></div><div class="collapse navbar-collapse" id="menu-site-default">'
            f'<ul class="nav navbar-nav">{entries}</ul></div></div></div></div></div></nav>')


def _third_nav(ctx: Ctx, crumbs: list[tuple[str, str]]) -> str:
    items = "".join(f'<li><a href="{esc(href)}" title="{esc(label)}"><span>{esc(label)}</span></a></li>'
                    for label, href in crumbs)
    return ('<nav class="third-nav"><div class="row"><div class="bg"><div class="clearfix">'
            '<div class="col-xs-24 col-sm-18 col-md-18"><div class="breadcrumbs-wrap"><div class="display">'
            f'<ul class="breadcrumbs list-none"><li><a href="/" title="Trang nhất"><span>Trang nhất</span></a></li>'
            f"{items}</ul></div></div></div>"
            '<div class="headerSearch col-xs-24 col-sm-6 col-md-6"><div class="input-group">'
            '<input type="text" class="form-control" maxlength="60" placeholder="Tìm kiếm...">'
            '<span class="input-group-btn"><button type="button" class="btn btn-info" data-url="/seek/?q=" '
            'data-minlength="3" data-click="y"><em class="fa fa-search fa-lg"></em></button></span></div></div>'
            "</div></div></div></nav>")


def side_block(ctx: Ctx, block: SideBlock) -> str:
    if block.kind == "banners":
        items = "".join(
            f'<div class="nv-block-banners"><a rel="nofollow" href="{esc(b.href)}" '
            + ("onclick=\"this.target='_blank'\" " if b.new_window else "")
            + f'title="{esc(b.title or b.alt)}">{img(ctx, b.image, b.alt)}</a></div>'
            for b in block.banners)
        return f'<div class="panel-body-banners {block.css}">{items}</div>'
    heading = f'<div class="panel-heading">{esc(block.title)}</div>'
    if block.kind == "links":
        body = "".join(f'<li><a href="{esc(link.href)}" title="{esc(link.label)}">{esc(link.label)}</a></li>'
                       for link in block.links)
        return f'<div class="panel panel-primary">{heading}<div class="panel-body"><ul class="list-none">{body}</ul></div></div>'
    if block.kind == "poll":
        options = "".join(f'<div class="radio"><label><input type="radio" name="option" value="{i}"> {esc(label)}'
                          "</label></div>" for i, (label, _value) in enumerate(block.entries, start=1))
        return (f'<div class="panel panel-primary"><div class="panel-heading">Thăm dò ý kiến</div><div class="panel-body">'
                f'<form action="/voting/" method="post"><p>Bạn đánh giá thế nào về Cổng thông tin điện tử?</p>{options}'
                '<input class="btn btn-success btn-sm" type="submit" value="Bình chọn"></form></div></div>')
    if block.kind == "counter":
        rows = "".join(f'<li><span><em class="fa fa-bar-chart fa-lg fa-horizon"></em>{esc(label)}</span>'
                       f"<span>{esc(value)}</span></li>" for label, value in block.entries)
        return (f'<div class="panel panel-primary"><div class="panel-heading">Thống kê truy cập</div>'
                f'<div class="panel-body"><ul class="counter list-none display-table">{rows}</ul></div></div>')
    options = "".join(f'<option value="{esc(link.href)}">{esc(link.label)}</option>' for link in block.links)
    return (f'<div class="panel panel-primary">{heading}<div class="panel-body"><select class="form-control" '
            f'onchange="window.open(this.value);"><option value="">--- Liên kết ---</option>{options}</select></div></div>')


def _footer(ctx: Ctx) -> str:
    lines = ctx.site.footer_lines
    copyright_lines = "<br>".join(f"<span>{esc(line)}</span>" for line in lines[:2])
    info = "".join(f"<li>{esc(line)}</li>" for line in lines[2:])
    return ('<footer id="footer"><div class="wraper"><div class="container"><div class="row">'
            f'<div class="col-xs-24 col-sm-24 col-md-12"><div class="panel-body"><h3>{esc(ctx.site.unit.name)}</h3>'
            f'<ul class="company_info list-none">{info}</ul></div></div>'
            f'<div class="col-xs-24 col-sm-24 col-md-12"><div class="copyright">{copyright_lines}</div>'
            '<div class="bttop"><a class="pointer"><em class="fa fa-eject fa-lg"></em></a></div></div>'
            "</div></div></div></footer>")
