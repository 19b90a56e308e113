"""Page chrome of the thanhhoa commune platform: head, top bar, header, main menu, columns, footer."""

from __future__ import annotations

from camthuy_audit.simulator.markup import Ctx, esc, img
from camthuy_audit.simulator.model import MenuItem, SideBlock
from camthuy_audit.simulator.vn import fmt_today_bar

_HEAD_ASSETS = """<link rel="shortcut icon" href="/favicon.ico" type="image/x-icon">
<link href="/Content/bootstrap/css/bootstrap.min.css" rel="stylesheet" type="text/css">
<link href="/Content/font-awesome/css/font-awesome.min.css" rel="stylesheet" type="text/css">
<link href="/Content/portal/css/portal.css?v=20220815" rel="stylesheet" type="text/css">
<script src="/Scripts/jquery-1.12.4.min.js" type="text/javascript"></script>
<script src="/Content/bootstrap/js/bootstrap.min.js" type="text/javascript"></script>"""

_FOOT_SCRIPTS = """<script type="text/javascript">
  $(function () {
    $('.menu-top > li.has-sub').hover(function () { $(this).children('ul').stop(true, true).slideDown(150); },
      function () { $(this).children('ul').stop(true, true).slideUp(100); });
    $('#btnTimKiem').on('click', function () { window.location = '/web/trang-chu/tim-kiem?q=' + encodeURIComponent($('#txtTimKiem').val()); });
  });
</script>
<script async src="https://www.googletagmanager.com/gtag/js?id=G-9QJ1X7C4RZ"></script>
<script>window.dataLayer = window.dataLayer || []; function gtag(){dataLayer.push(arguments);} gtag('js', new Date()); gtag('config', 'G-9QJ1X7C4RZ');</script>"""


def page(ctx: Ctx, title: str, main: str, *, crumbs: list[tuple[str, str]] | None = None,
         canonical: str = "", description: str = "", active: str = "") -> str:
    unit = ctx.site.unit
    site_title = f"Trang thông tin điện tử {unit.full_place}"
    full_title = site_title if not title else f"{title} - {site_title}"
    canonical_tag = f'<link rel="canonical" href="{esc(ctx.absolute(canonical))}">\n' if canonical else ""
    return "\n".join((
        "<!DOCTYPE html>",
        '<html lang="vi">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta http-equiv="X-UA-Compatible" content="IE=edge">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{esc(full_title)}</title>",
        f'<meta name="description" content="{esc(description or site_title)}">',
        f'<meta property="og:title" content="{esc(title or site_title)}">',
        f'<meta property="og:site_name" content="{esc(site_title)}">',
        canonical_tag + _HEAD_ASSETS,
        "</head>",
        '<body class="portal-body">',
        '<div id="wrapper">',
        _topbar(ctx),
        _header(ctx),
        _menu(ctx, active),
        _marquee(ctx),
        '<div id="content" class="container">',
        '<div class="row">',
        _column(ctx, ctx.site.left, "col-left col-md-3 col-sm-3 hidden-xs", "col-left"),
        f'<div class="col-main col-md-6 col-sm-6" id="col-main">\n{_crumbs(ctx, crumbs)}\n{main}\n</div>',
        _column(ctx, ctx.site.right, "sidebar-right col-md-3 col-sm-3", "col-right"),
        "</div>",
        "</div>",
        _footer(ctx),
        "</div>",
        _FOOT_SCRIPTS,
        "</body>",
        "</html>",
    ))


def _topbar(ctx: Ctx) -> str:
    links = "".join(f'<li><a href="{esc(ctx.href(link.href))}">{esc(link.label)}</a></li>' for link in ctx.site.topbar)
    return (f'<div class="top-bar"><div class="container">'
            f'<span class="date-now"><i class="fa fa-calendar"></i> {fmt_today_bar(ctx.site.now)}</span>'
            f'<ul class="top-links pull-right">{links}</ul>'
            '<div class="search-box pull-right"><input type="text" id="txtTimKiem" placeholder="Tìm kiếm...">'
            '<button type="button" id="btnTimKiem"><i class="fa fa-search"></i></button></div>'
            "</div></div>")


def _header(ctx: Ctx) -> str:
    image = ctx.site.header_image
    banner = img(ctx, image, ctx.site.unit.name, css="img-responsive img-banner-top", dims=True) if image else ""
    return (f'<div id="header" class="banner-top"><div class="container">'
            f'<a href="{esc(ctx.absolute("/web/trang-chu"))}">{banner}</a></div></div>')


def _menu_item(ctx: Ctx, item: MenuItem, active: str, depth: int) -> str:
    css = ["menu-item"] if depth == 0 else []
    if item.children:
        css.append("has-sub")
    if active and item.href == active:
        css.append("active")
    title = f' title="{esc(item.title)}"' if item.title else ""
    cls = f' class="{" ".join(css)}"' if css else ""
    sub = ""
    if item.children:
        inner = "".join(_menu_item(ctx, child, active, depth + 1) for child in item.children)
        sub = f'<ul class="sub-menu">{inner}</ul>'
    return f'<li{cls}><a href="{esc(ctx.href(item.href))}"{title}>{esc(item.label)}</a>{sub}</li>'


def _menu(ctx: Ctx, active: str) -> str:
    items = "".join(_menu_item(ctx, item, active, 0) for item in ctx.site.menu)
    return (f'<nav id="main-menu" class="navbar-main"><div class="container">'
            '<button type="button" class="btn-menu-mobile visible-xs"><i class="fa fa-bars"></i></button>'
            f'<ul class="menu-top">{items}</ul></div></nav>')


def _marquee(ctx: Ctx) -> str:
    unit = ctx.site.unit
    return (f'<div class="marquee-bar"><div class="container"><marquee scrollamount="3">Chào mừng bạn đến với '
            f'Trang thông tin điện tử {esc(unit.full_place)}, huyện Cẩm Thủy, tỉnh Thanh Hóa</marquee></div></div>')


def _crumbs(ctx: Ctx, crumbs: list[tuple[str, str]] | None) -> str:
    if not crumbs:
        return ""
    parts = [f'<li><a href="{esc(ctx.absolute("/web/trang-chu"))}"><i class="fa fa-home"></i></a></li>']
    for label, href in crumbs:
        parts.append(f'<li><a href="{esc(ctx.href(href))}">{esc(label)}</a></li>' if href else
                     f'<li class="active">{esc(label)}</li>')
    return f'<ol class="breadcrumb">{"".join(parts)}</ol>'


def _column(ctx: Ctx, blocks: list[SideBlock], css: str, element_id: str) -> str:
    inner = "\n".join(side_block(ctx, block) for block in blocks)
    return f'<div class="{css}" id="{element_id}">\n{inner}\n</div>'


def side_block(ctx: Ctx, block: SideBlock) -> str:
    if block.kind == "banners":
        items = "".join(
            f'<div class="banner-item"><a href="{esc(ctx.href(b.href))}"'
            + (' target="_blank"' if b.new_window else "")
            + (f' title="{esc(b.title)}"' if b.title else "")
            + f">{img(ctx, b.image, b.alt)}</a></div>"
            for b in block.banners)
        return f'<div class="{block.css} block-banner">{items}</div>'
    if block.kind == "links":
        items = "".join(f'<li><i class="fa fa-caret-right"></i> <a href="{esc(ctx.href(link.href))}">'
                        f"{esc(link.label)}</a></li>" for link in block.links)
        return (f'<div class="box {block.css}"><div class="box-title"><span>{esc(block.title)}</span></div>'
                f'<ul class="box-content list-link">{items}</ul></div>')
    if block.kind == "poll":
        options = "".join(f'<li><label><input type="radio" name="rdBinhChon" value="{i}"> {esc(label)}</label></li>'
                          for i, (label, _value) in enumerate(block.entries, start=1))
        return (f'<div class="box box-poll"><div class="box-title"><span>{esc(block.title)}</span></div>'
                '<div class="box-content"><p class="poll-question">Bạn đánh giá thế nào về Trang thông tin điện tử?</p>'
                f'<form method="post" action="/web/trang-chu/binh-chon"><ul class="list-unstyled">{options}</ul>'
                '<button type="submit" class="btn btn-primary btn-sm">Bình chọn</button> '
                '<a class="btn btn-default btn-sm" href="javascript:void(0);">Xem kết quả</a></form></div></div>')
    if block.kind == "counter":
        rows = "".join(f"<tr><td>{esc(label)}:</td><td class=\"text-right\">{esc(value)}</td></tr>"
                       for label, value in block.entries)
        return (f'<div class="box box-counter"><div class="box-title"><span>{esc(block.title)}</span></div>'
                f'<div class="box-content"><table class="table-counter">{rows}</table></div></div>')
    options = "".join(f'<option value="{esc(link.href)}">{esc(link.label)}</option>' for link in block.links)
    return (f'<div class="box box-weblink"><div class="box-title"><span>{esc(block.title)}</span></div>'
            '<div class="box-content"><select class="form-control" onchange="if(this.value) window.open(this.value);">'
            f'<option value="">-- Chọn liên kết --</option>{options}</select></div></div>')


def _footer(ctx: Ctx) -> str:
    site = ctx.site
    links = " | ".join(f'<a href="{esc(ctx.href(link.href))}">{esc(link.label)}</a>' for link in site.footer_links)
    lines = "".join(f"<p>{'<strong>' + esc(line) + '</strong>' if i == 0 else esc(line)}</p>"
                    for i, line in enumerate(site.footer_lines))
    return (f'<div id="footer"><div class="footer-links"><div class="container">{links}</div></div>'
            f'<div class="container footer-info">{lines}'
            '<p class="footer-note">Ghi rõ nguồn "Trang thông tin điện tử" khi phát hành lại thông tin từ website này.</p>'
            "</div></div>")
