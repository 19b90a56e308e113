"""Pages of the thanhhoa commune platform: home, category listings, posts, section pages."""

from __future__ import annotations

from collections.abc import Mapping

from camthuy_audit.simulator import fragments
from camthuy_audit.simulator.markup import Ctx, Rendered, esc, img, table_html
from camthuy_audit.simulator.model import Post, Section
from camthuy_audit.simulator.thanhhoa_layout import page
from camthuy_audit.simulator.vn import fmt_date, fmt_datetime

HOME = "/web/trang-chu"


def render(ctx: Ctx, path: str, query: Mapping[str, str]) -> Rendered | None:
    site = ctx.site
    if path in ("/", HOME):
        return _home(ctx)
    post = site.posts.get(path)
    if post is not None:
        return _post(ctx, post)
    section = site.sections.get(path)
    if section is None:
        return None
    if section.kind in ("posts", "aggregate"):
        return _listing(ctx, section, _page_number(query.get("page", "1")))
    return _section_page(ctx, section)


def not_found(ctx: Ctx) -> Rendered:
    body = ("<!DOCTYPE html>\n<html lang=\"vi\"><head><meta charset=\"utf-8\"><title>404 - Không tìm thấy trang"
            "</title></head><body style=\"font-family:Arial;text-align:center;padding-top:60px\">"
            "<h1>404</h1><h2>Trang bạn tìm kiếm không tồn tại hoặc đã bị xóa.</h2>"
            f'<p><a href="{esc(ctx.absolute(HOME))}">Quay về trang chủ</a></p></body></html>')
    return Rendered(body, fragments.STATIC_MODIFIED, status=404)


def _page_number(raw: str) -> int:
    return int(raw) if raw.isdigit() and int(raw) > 0 else 1


def _listing_date(ctx: Ctx, post: Post, css: str = "news-date") -> str:
    style = ctx.site.unit.listing_dates
    if style == "none":
        return ""
    text = fmt_date(post.published) if style == "date" else f"Ngày {fmt_datetime(post.published, seconds=False)}"
    return f'<span class="{css}"><i class="fa fa-clock-o"></i> {text}</span>'


def _crumbs_for(ctx: Ctx, section: Section) -> list[tuple[str, str]]:
    for parent in ctx.site.sections.values():
        if section in parent.children:
            return [(parent.label, parent.path), (section.label, "")]
    return [(section.label, "")]


# -- home ---------------------------------------------------------------------------------------

def _home(ctx: Ctx) -> Rendered:
    site = ctx.site
    featured = site.featured
    parts = ['<div class="home-page">']
    if featured:
        top = featured[0]
        others = "".join(f'<li><a href="{esc(ctx.href(p.path))}">{esc(p.title)}</a></li>' for p in featured[1:])
        parts.append(
            '<div class="box-hot"><div class="box-title"><span>Tin nổi bật</span></div><div class="row">'
            f'<div class="col-sm-7 hot-main"><a href="{esc(ctx.href(top.path))}">{img(ctx, top.thumb, top.title)}</a>'
            f'<h2><a href="{esc(ctx.href(top.path))}">{esc(top.title)}</a></h2><p>{esc(top.summary)}</p></div>'
            f'<div class="col-sm-5"><ul class="hot-list">{others}</ul></div></div></div>')
    newest = site.all_posts()[:8]
    multi_host = len(site.unit.hosts) > 1
    items = "".join(
        f'<li><a href="{esc(ctx.legacy_absolute(p.path) if multi_host else ctx.href(p.path))}">{esc(p.title)}</a> '
        f"{_listing_date(ctx, p, 'date')}</li>" for p in newest)
    parts.append(f'<div class="box-news-new"><div class="box-title"><span>Tin mới</span></div>'
                 f'<ul class="list-news-new">{items}</ul></div>')
    for section in site.home_blocks:
        latest = section.listing()[:4]
        rows = "".join(f'<li><a href="{esc(ctx.href(p.path))}">{esc(p.title)}</a> {_listing_date(ctx, p, "date")}</li>'
                       for p in latest)
        parts.append(f'<div class="box-category"><div class="box-title"><a href="{esc(ctx.href(section.path))}">'
                     f'{esc(section.label)}</a><a class="view-more" href="{esc(ctx.href(section.path))}">Xem thêm</a>'
                     f'</div><ul class="list-news">{rows}</ul></div>')
    parts.append("</div>")
    modified = newest[0].published if newest else fragments.STATIC_MODIFIED
    return Rendered(page(ctx, "", "\n".join(parts), canonical=HOME, active=HOME), modified)


# -- listings -------------------------------------------------------------------------------------

def _listing(ctx: Ctx, section: Section, number: int) -> Rendered:
    unit = ctx.site.unit
    posts = [] if section.empty else section.listing()
    size = unit.page_size
    pages = max(1, -(-len(posts) // size))
    shown = posts[(number - 1) * size: number * size]
    items = []
    for post in shown:
        link = esc(ctx.href(post.path))
        items.append(
            '<div class="news-item row">'
            f'<div class="col-xs-4"><a class="news-thumb" href="{link}">{img(ctx, post.thumb, post.title)}</a></div>'
            f'<div class="col-xs-8"><h3 class="news-title"><a href="{link}" title="{esc(post.title)}">'
            f"{esc(post.title)}</a></h3>{_listing_date(ctx, post)}"
            f'<p class="news-sapo">{esc(post.summary)}</p></div></div>')
    body = "\n".join(items) if items else '<p class="no-data">Chưa có dữ liệu</p>'
    main = (f'<div class="category-page"><h1 class="cat-title"><span>{esc(section.label)}</span></h1>'
            f'<div class="news-list">\n{body}\n</div>{_pager(ctx, section, number, pages)}</div>')
    modified = shown[0].published if shown else fragments.STATIC_MODIFIED
    canonical = section.path if number == 1 else f"{section.path}?page={number}"
    return Rendered(page(ctx, section.label, main, crumbs=_crumbs_for(ctx, section), canonical=canonical,
                         active=section.path), modified)


def _pager(ctx: Ctx, section: Section, number: int, pages: int) -> str:
    if pages <= 1:
        return ""

    def href(n: int) -> str:
        if ctx.site.unit.absolute_links:
            return esc(ctx.href(f"{section.path}?page={n}"))
        return f"?page={n}"

    items = []
    if number > 1:
        items.append(f'<li><a href="{href(1)}" title="Trang đầu">«</a></li>')
        items.append(f'<li><a href="{href(number - 1)}">Trước</a></li>')
    for n in range(max(1, number - 2), min(pages, number + 2) + 1):
        items.append(f'<li class="active"><span>{n}</span></li>' if n == number else
                     f'<li><a href="{href(n)}">{n}</a></li>')
    if number < pages:
        items.append(f'<li><a href="{href(number + 1)}">Sau</a></li>')
        items.append(f'<li><a href="{href(pages)}" title="Trang cuối">»</a></li>')
    return f'<div class="paging text-center"><ul class="pagination">{"".join(items)}</ul></div>'


# -- posts ----------------------------------------------------------------------------------------

def _post(ctx: Ctx, post: Post) -> Rendered:
    unit = ctx.site.unit
    body = fragments.post_body(ctx, post)
    stamp = fmt_datetime(post.published)
    main = [
        '<div class="news-detail">',
        f'<h1 class="title-detail">{esc(post.title)}</h1>',
        f'<div class="date-detail"><i class="fa fa-clock-o"></i> Ngày {stamp}</div>',
        '<div class="tools-detail"><a href="javascript:window.print();"><i class="fa fa-print"></i> In bài viết</a>'
        f' <a href="https://www.facebook.com/sharer/sharer.php?u={esc(ctx.absolute(post.path))}" target="_blank">'
        '<i class="fa fa-facebook"></i> Chia sẻ</a></div>',
        f'<div class="sapo-detail"><strong>{esc(post.summary)}</strong></div>',
        f'<div class="content-detail">\n{body}\n</div>',
        f'<p class="author-detail text-right"><strong>{esc(post.author)}</strong></p>',
        "</div>",
    ]
    if unit.repeat_block:
        main += [
            '<div class="news-detail-mobile visible-xs">',
            f'<h2 class="title-mobile">{esc(post.title)}</h2>',
            f'<p class="time-mobile">Đăng lúc: {stamp} (GMT+7)</p>',
            f'<div class="content-mobile">{"".join(f"<p>{esc(t)}</p>" for t in post.paragraphs)}</div>',
            "</div>",
        ]
    main.append(_other_posts(ctx, post))
    crumbs = _crumbs_for(ctx, post.category)
    crumbs[-1] = (post.category.label, post.category.path)
    html = page(ctx, post.title, "\n".join(main), crumbs=crumbs, canonical=post.path, description=post.summary,
                active=post.category.path)
    return Rendered(html, post.published)


def _other_posts(ctx: Ctx, post: Post) -> str:
    listing = post.category.listing()
    index = listing.index(post) if post in listing else 0
    others = [p for p in listing[index + 1: index + 7] + listing[max(0, index - 3): index] if p is not post][:6]
    if not others:
        return ""
    title = "Tin liên quan" if ctx.site.unit.seed % 2 else "Tin khác"
    items = "".join(f'<li><a href="{esc(ctx.href(p.path))}">{esc(p.title)}</a> '
                    f"{_listing_date(ctx, p, 'date-other')}</li>" for p in others)
    return f'<div class="other-news"><h3 class="title-other">{title}</h3><ul>{items}</ul></div>'


# -- section pages --------------------------------------------------------------------------------

def _section_page(ctx: Ctx, section: Section) -> Rendered:
    seed = ctx.site.unit.seed
    heading = f'<h1 class="cat-title"><span>{esc(section.label)}</span></h1>'
    if section.kind == "article":
        stamp = fmt_datetime(fragments.article_date(seed))
        paragraphs = "".join(f'<p style="text-align: justify;">{esc(t)}</p>' for t in section.article_paragraphs)
        main = (f'<div class="news-detail article-single"><h1 class="title-detail">{esc(section.article_title)}</h1>'
                f'<div class="date-detail">Ngày {stamp}</div><div class="content-detail">{paragraphs}</div></div>')
    elif section.kind == "table" and section.table is not None:
        search = ""
        if section.key in ("legal", "directive"):
            search = ('<form class="form-inline form-search-vb" method="get"><input class="form-control" name="keyword" '
                      'placeholder="Số ký hiệu, trích yếu"> <button class="btn btn-primary" type="submit">Tìm kiếm'
                      "</button></form>")
        main = heading + fragments.table_intro(ctx, section) + search + table_html(
            ctx, section.table, "table table-bordered table-striped table-" + section.key)
    elif section.kind == "contact":
        main = heading + fragments.contact_body(ctx, section.path)
    elif section.kind == "procedures":
        main = heading + fragments.procedures_body(ctx, section)
    elif section.kind == "feedback":
        main = heading + fragments.feedback_body(ctx, section, section.path)
    else:
        main = heading + fragments.login_body(section.path)
    modified = ctx.site.now.replace(hour=6, minute=0) if section.key == "schedule" else fragments.STATIC_MODIFIED
    return Rendered(page(ctx, section.label, main, crumbs=_crumbs_for(ctx, section), canonical=section.path,
                         active=section.path), modified)
