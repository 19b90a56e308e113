"""NukeViet feeds: RSS (/rss/, /rss/<cat>/) and sitemaps (/sitemap.xml and its module sitemaps)."""

from __future__ import annotations

from datetime import UTC, datetime
from email.utils import format_datetime
from xml.sax.saxutils import escape

from camthuy_audit.simulator import fragments
from camthuy_audit.simulator.markup import Ctx, Rendered
from camthuy_audit.simulator.model import Post

RSS_TYPE = "application/rss+xml; charset=utf-8"
XML_TYPE = "application/xml; charset=utf-8"
RSS_ITEMS = 30


def render(ctx: Ctx, path: str) -> Rendered | None:
    site = ctx.site
    if path in ("/rss", "/rss/"):
        return _rss(ctx, "Tin Tức", "/rss/", site.all_posts())
    if path.startswith("/rss/"):
        section = site.sections.get("/" + path[len("/rss/"):].strip("/") + "/")
        if section is None or section.kind not in ("posts", "aggregate"):
            return None
        posts = [] if section.empty else section.listing()
        return _rss(ctx, f"Tin Tức - {section.label}", path, posts)
    if path == "/sitemap.xml":
        return _sitemap_index(ctx)
    if path == "/sitemap-vi.news.xml":
        entries = [(p.path, p.published.isoformat()) for p in site.all_posts()]
        return _urlset(ctx, entries, _newest(site.all_posts()))
    if path == "/sitemap-vi.page.xml":
        stamp = fragments.STATIC_MODIFIED.isoformat()
        entries = [(s.path, stamp) for s in site.sections.values() if s.kind in ("article", "table")]
        return _urlset(ctx, entries, fragments.STATIC_MODIFIED)
    return None


def _newest(posts: list[Post]) -> datetime:
    return posts[0].published if posts else fragments.STATIC_MODIFIED


def _rss(ctx: Ctx, title: str, self_path: str, posts: list[Post]) -> Rendered:
    unit = ctx.site.unit
    items = []
    for post in posts[:RSS_ITEMS]:
        items.append(
            "<item>"
            f"<title>{escape(post.title)}</title>"
            f"<link>{escape(ctx.absolute(post.path))}</link>"
            f'<guid isPermaLink="false">news_{post.id}</guid>'
            f"<description><![CDATA[{post.summary}]]></description>"
            f"<pubDate>{format_datetime(post.published.astimezone(UTC), usegmt=True)}</pubDate>"
            "</item>")
    newest = _newest(posts)
    body = (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
        f"<title>{escape(unit.name)} - {escape(title)}</title>\n"
        f"<link>{escape(ctx.absolute('/'))}</link>\n"
        f'<atom:link href="{escape(ctx.absolute(self_path))}" rel="self" type="application/rss+xml"/>\n'
        f"<description>Tin tức của {escape(unit.name)}</description>\n"
        "<language>vi</language>\n"
        f"<copyright>{escape(unit.name)}</copyright>\n"
        f"<docs>{escape(ctx.absolute('/rss/'))}</docs>\n"
        "<generator>NukeViet v4.5</generator>\n"
        f"<lastBuildDate>{format_datetime(newest.astimezone(UTC), usegmt=True)}</lastBuildDate>\n"
        + "\n".join(items)
        + "\n</channel>\n</rss>\n")
    return Rendered(body, newest, content_type=RSS_TYPE)


def _sitemap_index(ctx: Ctx) -> Rendered:
    newest = _newest(ctx.site.all_posts())
    entries = "".join(
        f"<sitemap><loc>{escape(ctx.absolute(path))}</loc><lastmod>{stamp.isoformat()}</lastmod></sitemap>\n"
        for path, stamp in (("/sitemap-vi.news.xml", newest), ("/sitemap-vi.page.xml", fragments.STATIC_MODIFIED)))
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<?xml-stylesheet type="text/xsl" href="/themes/default/css/sitemapindex.xsl"?>\n'
            f'<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{entries}</sitemapindex>\n')
    return Rendered(body, newest, content_type=XML_TYPE)


def _urlset(ctx: Ctx, entries: list[tuple[str, str]], modified: datetime) -> Rendered:
    urls = "".join(f"<url><loc>{escape(ctx.absolute(path))}</loc><lastmod>{stamp}</lastmod>"
                   "<changefreq>daily</changefreq><priority>0.8</priority></url>\n" for path, stamp in entries)
    body = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<?xml-stylesheet type="text/xsl" href="/themes/default/css/sitemap.xsl"?>\n'
            f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n')
    return Rendered(body, modified, content_type=XML_TYPE)
