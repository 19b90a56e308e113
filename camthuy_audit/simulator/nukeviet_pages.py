"""Pages of a NukeViet 4 portal: news home, category pages (/cat/page-N), articles, module pages."""

from __future__ import annotations

import re
from collections.abc import Mapping

from camthuy_audit.simulator import fragments, nukeviet_feeds
from camthuy_audit.simulator.markup import Ctx, Rendered, esc, img, table_html
from camthuy_audit.simulator.model import Post, Section
from camthuy_audit.simulator.nukeviet_layout import page
from camthuy_audit.simulator.vn import fmt_date, fmt_datetime, nukeviet_detail_date

_PAGED = re.compile(r"^(?P<cat>/[a-z0-9-]+/)page-(?P<n>\d+)/?$")


def render(ctx: Ctx, path: str, query: Mapping[str, str]) -> Rendered | None:
    site = ctx.site
    if path == "/":
        return _home(ctx)
    feed = nukeviet_feeds.render(ctx, path)
    if feed is not None:
        return feed
    post = site.posts.get(path)
    if post is not None:
        return _post(ctx, post)
    number = 1
    paged = _PAGED.match(path)
    if paged:
        path, number = paged["cat"], int(paged["n"])
    section = site.sections.get(path) or site.sections.get(path + "/")
    if section is None or (paged and section.kind not in ("posts", "aggregate")):
        return None
    if section.kind in ("posts", "aggregate"):
        return _listing(ctx, section, number)
    return _section_page(ctx, section)


def not_found(ctx: Ctx) -> Rendered:
    main = ('<div class="alert alert-danger"><h2>Lỗi 404</h2><p>Trang bạn yêu cầu không tồn tại hoặc đã bị xóa.</p>'
            '<p><a href="/">Quay lại trang chủ</a></p></div>')
    return Rendered(page(ctx, "Trang không tồn tại", main), fragments.STATIC_MODIFIED, status=404)


def _clock(post: Post) -> str:
    return f'<em class="fa fa-clock-o">&nbsp;</em> {fmt_datetime(post.published, seconds=False)}'


def _home(ctx: Ctx) -> Rendered:
    site = ctx.site
    panels = []
    for section in site.home_blocks:
        latest = section.listing()[:5]
        if not latest:
            continue
        top, rest = latest[0], latest[1:]
        others = "".join(f'<li class="icon_list"><a class="show" href="{esc(p.path)}" title="{esc(p.title)}">'
                         f"{esc(p.title)}</a></li>" for p in rest)
        panels.append(
            '<div class="news_column"><div class="panel panel-default clearfix"><div class="panel-heading">'
            f'<ul class="list-inline sub-list-icon" style="margin: 0"><li><h4><a title="{esc(section.label)}" '
            f'href="{esc(section.path)}"><span>{esc(section.label)}</span></a></h4></li></ul></div>'
            '<div class="panel-body"><div class="row"><div class="col-md-12">'
            f'<a href="{esc(top.path)}" title="{esc(top.title)}">{img(ctx, top.thumb, top.title, css="img-thumbnail pull-left imghome")}</a>'
            f'<h3><a href="{esc(top.path)}" title="{esc(top.title)}">{esc(top.title)}</a></h3>'
            f'<div class="text-muted"><ul class="list-unstyled list-inline"><li>{_clock(top)}</li></ul></div>'
            f"<p>{esc(top.summary)}</p></div>"
            f'<div class="col-md-12"><ul class="related">{others}</ul></div></div></div></div></div>')
    newest = site.all_posts()
    modified = newest[0].published if newest else fragments.STATIC_MODIFIED
    return Rendered(page(ctx, "", "\n".join(panels), canonical="/"), modified)


def _listing(ctx: Ctx, section: Section, number: int) -> Rendered:
    posts = [] if section.empty else section.listing()
    size = ctx.site.unit.page_size
    pages = max(1, -(-len(posts) // size))
    shown = posts[(number - 1) * size: number * size]
    items = []
    for post in shown:
        items.append(
            '<div class="panel panel-default"><div class="panel-body">'
            f'<a href="{esc(post.path)}" title="{esc(post.title)}">'
            f'{img(ctx, post.thumb, post.title, css="img-thumbnail pull-left imghome")}</a>'
            f'<h3><a href="{esc(post.path)}" title="{esc(post.title)}">{esc(post.title)}</a></h3>'
            f'<div class="text-muted"><ul class="list-unstyled list-inline"><li>{_clock(post)}</li>'
            f'<li><em class="fa fa-eye">&nbsp;</em> Lượt xem: {post.views}</li></ul></div>'
            f"{esc(post.summary)}</div></div>")
    body = "\n".join(items) if items else '<div class="alert alert-info">Chưa có dữ liệu</div>'
    main = (f'<div class="news_column"><h1 class="hidden">{esc(section.label)}</h1>\n{body}\n</div>'
            + _pager(section, number, pages))
    modified = shown[0].published if shown else fragments.STATIC_MODIFIED
    canonical = section.path if number == 1 else f"{section.path}page-{number}"
    return Rendered(page(ctx, section.label, main, canonical=canonical, crumbs=[(section.label, section.path)]),
                    modified)


def _pager(section: Section, number: int, pages: int) -> str:
    if pages <= 1:
        return ""

    def url(n: int) -> str:
        return section.path if n == 1 else f"{section.path}page-{n}"

    items = ['<li class="disabled"><a href="#">&laquo;</a></li>' if number == 1 else
             f'<li><a rel="prev" href="{url(number - 1)}">&laquo;</a></li>']
    for n in range(1, pages + 1):
        if n == number:
            items.append(f'<li class="active"><a href="#">{n}</a></li>')
        elif abs(n - number) <= 3 or n in (1, pages):
            rel = ' rel="next"' if n == number + 1 else ""
            items.append(f'<li><a{rel} href="{url(n)}">{n}</a></li>')
        elif abs(n - number) == 4:
            items.append('<li class="disabled"><span>...</span></li>')
    items.append('<li class="disabled"><a href="#">&raquo;</a></li>' if number == pages else
                 f'<li><a href="{url(number + 1)}">&raquo;</a></li>')
    return f'<div class="clearfix"></div><div class="text-center"><ul class="pagination">{"".join(items)}</ul></div>'


def _post(ctx: Ctx, post: Post) -> Rendered:
    body = fragments.post_body(ctx, post, image_css="img-thumbnail")
    listing = post.category.listing()
    index = listing.index(post) if post in listing else 0
    newer, older = listing[max(0, index - 4): index], listing[index + 1: index + 7]
    main = (
        '<div class="news_column panel panel-default" itemtype="http://schema.org/NewsArticle" itemscope>'
        '<div class="panel-body">'
        f'<h1 class="title margin-bottom-lg" itemprop="headline">{esc(post.title)}</h1>'
        f'<span class="hidden hide d-none" itemprop="datePublished">{post.published.isoformat()}</span>'
        '<div class="row margin-bottom-lg"><div class="col-md-12">'
        f'<span class="h5">{nukeviet_detail_date(post.published)}</span></div>'
        '<div class="col-md-12"><ul class="list-inline text-right"><li><a class="dimgray" rel="nofollow" title="In ra" '
        f'href="javascript: void(0)" onclick="nv_open_browse(\'/print/{post.slug}-{post.id}.html\',\'\',840,500,'
        f'\'resizable=yes,scrollbars=yes\');return false"><em class="fa fa-print fa-lg">&nbsp;</em></a></li></ul></div></div>'
        f'<div class="clearfix"><div class="hometext m-bottom" itemprop="description">{esc(post.summary)}</div></div>'
        f'<div id="news-bodyhtml" class="bodytext margin-bottom-lg">\n{body}\n</div>'
        f'<div class="margin-bottom-lg"><p class="h5 text-right"><strong>Tác giả: </strong>{esc(post.author)}</p></div>'
        "</div></div>"
        + _related("Những tin mới hơn", newer) + _related("Những tin cũ hơn", older))
    crumbs = [(post.category.label, post.category.path)]
    return Rendered(page(ctx, post.title, main, canonical=post.path, crumbs=crumbs, description=post.summary),
                    post.published)


def _related(title: str, posts: list[Post]) -> str:
    if not posts:
        return ""
    items = "".join(f'<li><em class="fa fa-angle-right">&nbsp;</em><h4><a href="{esc(p.path)}" title="{esc(p.title)}">'
                    f"{esc(p.title)}</a></h4><em>({fmt_date(p.published)})</em></li>" for p in posts)
    return (f'<div class="news_column panel panel-default"><div class="panel-body other-news">'
            f'<p class="h3"><strong>{title}</strong></p><ul class="related list-items">{items}</ul></div></div>')


def _section_page(ctx: Ctx, section: Section) -> Rendered:
    heading = f'<h1 class="title margin-bottom-lg">{esc(section.article_title or section.label)}</h1>'
    if section.kind == "article":
        paragraphs = "".join(f"<p>{esc(t)}</p>" for t in section.article_paragraphs)
        inner = heading + f'<div class="bodytext">{paragraphs}</div>'
    elif section.kind == "table" and section.table is not None:
        inner = heading + fragments.table_intro(ctx, section) + table_html(
            ctx, section.table, "table table-striped table-bordered table-hover")
    elif section.kind == "contact":
        inner = heading + fragments.contact_body(ctx, section.path)
    elif section.kind == "procedures":
        inner = heading + fragments.procedures_body(ctx, section)
    elif section.kind == "feedback":
        inner = heading + fragments.feedback_body(ctx, section, section.path)
    else:
        inner = heading + fragments.login_body(section.path)
    main = f'<div class="page panel panel-default"><div class="panel-body">{inner}</div></div>'
    return Rendered(page(ctx, section.label, main, canonical=section.path, crumbs=[(section.label, section.path)]),
                    fragments.STATIC_MODIFIED)
