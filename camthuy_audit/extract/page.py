"""One parsed page and everything the crawler reads from it."""

from __future__ import annotations

import re
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from datetime import datetime

from selectolax.lexbor import LexborHTMLParser, LexborNode

from camthuy_audit.extract.banners import find_banners
from camthuy_audit.extract.feeds import feed_links
from camthuy_audit.extract.html import (
    absolute_url,
    ancestors,
    block_text,
    hint_text,
    inline_text,
    is_file_url,
    parse_html,
)
from camthuy_audit.extract.layout import Layout
from camthuy_audit.extract.listing import (
    ListedItem,
    article_date,
    listed_items,
    next_page,
    pager_links,
    script_only_pager,
)
from camthuy_audit.extract.menu import MenuTemplate, find_main_menu, flatten
from camthuy_audit.models import Banner, Link, MenuItem, PageItem, SideSection
from camthuy_audit.vntext import find_datetimes, find_emails, find_phones, fold, parse_datetime

_CATEGORY_HEADINGS = ("chuyen muc", "danh muc", "chuyen de", "categories", "category")
_HEADING_HINTS = ("title", "tieude", "tieu-de", "heading", "header", "caption", "head")
_GENERATOR_PLATFORMS = (("nukeviet", "nukeviet"), ("wordpress", "wordpress"), ("joomla", "joomla"),
                        ("drupal", "drupal"), ("sharepoint", "sharepoint"), ("liferay", "liferay"))
_URL_PLATFORMS = (("/web/trang-chu/", "thanhhoa-commune"), ("/portal/pages/", "sharepoint"),
                  ("/webcenter/portal/", "oracle-webcenter"), ("p_p_id=", "liferay"), ("/web/guest/", "liferay"),
                  ("wp-content/", "wordpress"), ("index.php?com=", "query-string-cms"),
                  ("newsdetail.aspx", "query-string-cms"), ("/index.php/", "joomla"))
CATEGORY_WORDS = 6   # a link label this short may name a category ("Tin trong xã", "Văn bản pháp quy")
_PAGER_WORDS = ("pagination", "pager", "paging", "phantrang", "page-numbers", "pagenav")


@dataclass
class LinkOnPage:
    link: Link
    where: str          # menu, side, top, footer, page


@dataclass
class PageView:
    url: str
    title: str = ""               # <title>
    heading: str = ""             # the content's first h1, else h2
    breadcrumb: str = ""          # the breadcrumb's last item
    menu: list[MenuItem] = field(default_factory=list)
    menu_source: str | None = None
    menu_confident: bool = False
    menu_signals: list[str] = field(default_factory=list)
    banners: list[Banner] = field(default_factory=list)
    footer_text: str = ""
    side_sections: list[SideSection] = field(default_factory=list)
    links: list[LinkOnPage] = field(default_factory=list)
    items: list[ListedItem] = field(default_factory=list)
    next_page: str | None = None
    pager: dict[int, str] = field(default_factory=dict)   # the listing's other pages, by number
    table_rows: list[str] = field(default_factory=list)
    files: list[Link] = field(default_factory=list)
    content_text: str = ""
    date: datetime | None = None
    platform: str | None = None
    platform_hints: list[str] = field(default_factory=list)
    feeds: list[str] = field(default_factory=list)
    script_pager: bool = False    # more pages exist but open only by JavaScript
    redirect_to: str | None = None  # the page only sends the browser on (a banner's click counter)
    menu_template: MenuTemplate | None = None   # home page: where its menu sits, for the other pages

    def page_items(self) -> list[PageItem]:
        """What a section page holds: listed posts, else document files, else table rows."""
        if self.items:
            return [PageItem(title=i.title, url=i.url, date=i.date, document=i.document) for i in self.items]
        if self.files:
            return [PageItem(title=f.label, url=f.url) for f in self.files]
        return [PageItem(title=row, date=parse_datetime(row)) for row in self.table_rows]

    @property
    def phones(self) -> list[str]:
        return find_phones(self.content_text)

    @property
    def emails(self) -> list[str]:
        return find_emails(self.content_text)


def _footer(tree_body: LexborNode, layout: Layout) -> str:
    nodes = [n for n in tree_body.traverse() if layout.zone(n) == "footer" and n.tag != "-text"]
    outer = [n for n in nodes if not any(layout.zone(a) == "footer" for a in ancestors(n))]
    if outer:
        return "\n".join(block_text(n) for n in outer)
    return _footer_by_content(tree_body)


_FOOTER_WORDS = ("ban quyen", "copyright", "chiu trach nhiem", "co quan chu quan", "dia chi", "dien thoai")


def _footer_by_content(body: LexborNode) -> str:
    """No element is named as a footer: the last small block that reads like one (copyright,
    responsible person, address), widened to its parent while that stays small."""
    best: LexborNode | None = None
    for node in body.traverse():
        if node.tag in ("-text", "a", "span", "b", "strong", "font", "i", "em", "br", "script", "style"):
            continue
        text = fold(node.text(separator=" ", strip=True)[:1200])
        if len(text) <= 1000 and ("ban quyen" in text or "copyright" in text or "chiu trach nhiem" in text
                                  or "©" in node.text()):
            best = node
    if best is None:
        return ""
    while best.parent is not None and best.parent.tag not in ("body", "html"):
        parent_text = fold(best.parent.text(separator=" ", strip=True))
        if len(parent_text) > 1000 or sum(w in parent_text for w in _FOOTER_WORDS) <= sum(
                w in fold(best.text(separator=" ", strip=True)) for w in _FOOTER_WORDS):
            break
        best = best.parent
    return block_text(best)


def _side_sections(body: LexborNode, layout: Layout, base: str) -> list[SideSection]:
    sections: list[SideSection] = []
    for node in body.traverse():
        if node.tag == "-text":
            continue
        heading = node.tag in ("h2", "h3", "h4", "h5", "h6") or (
            node.tag in ("div", "span", "p", "strong", "b", "td", "th", "li")
            and any(h in hint_text(node) for h in _HEADING_HINTS))
        if not heading:
            continue
        zone = layout.zone(node)
        if zone not in ("left", "right"):
            continue
        title = inline_text(node)
        if not title or len(title) > 100:
            continue
        block = node.parent or node
        for _ in range(3):  # a title row of a table: the links are in the rows after it
            if block.css_first("a[href]") is not None or block.parent is None:
                break
            if len(block.parent.text(separator=" ", strip=True)) > 1500:
                break  # do not take in the whole column
            block = block.parent
        links = []
        for anchor in block.css("a[href]")[:40]:
            url = absolute_url(base, anchor.attributes.get("href"))
            if url:
                links.append(Link(url=url, label=inline_text(anchor), title=anchor.attributes.get("title") or ""))
        labels = [len(link.label.split()) for link in links if link.label]
        # A list of categories: short undated labels, or undated links under a heading that says
        # so ("Chuyên mục") — official campaign titles are long ("Bầu cử đại biểu Quốc hội khóa XV…").
        undated = not find_datetimes(block_text(block))
        named = any(word in fold(title) for word in _CATEGORY_HEADINGS)
        category_list = bool(labels) and undated and (max(labels) <= 8 or named)
        sections.append(SideSection(title=title, zone=zone, links=links, category_list=category_list))
    return sections


def _platform(tree_html: str, tree: LexborHTMLParser, links: list[LinkOnPage]) -> tuple[str | None, list[str]]:
    hints: list[str] = []
    platform = None
    generator = tree.css_first('meta[name="generator"]')
    if generator is not None:
        content = (generator.attributes.get("content") or "").strip()
        hints.append(f"generator: {content}")
        platform = next((name for key, name in _GENERATOR_PLATFORMS if key in content.lower()), None)
    lowered = " ".join(link.link.url.lower() for link in links[:300])
    for key, name in _URL_PLATFORMS:
        if key in lowered:
            hints.append(f"URL có dạng {key}")
            platform = platform or name
    if platform is None and "wp-content" in tree_html[:50000]:
        platform = "wordpress"
    return platform, hints


def _wraps_content(node: LexborNode, own: str | None, layout: Layout, total: int) -> bool:
    """The node holds the page's own content, whatever its name says."""
    if layout.holds_page_main(node):
        return True
    if own in ("left", "right", "side"):
        # A side column may outweigh an empty main column; it is content only if it has the title.
        return layout.has_main is False and node.css_first("h1, article") is not None
    return len(node.text(separator=" ", strip=True)) > 0.6 * total


def _is_pager(node: LexborNode, url: str) -> bool:
    """A block of page-number links (it pages the listing above it: kept with the content)."""
    hints = hint_text(node)
    return (any(word in hints for word in _PAGER_WORDS) or bool(pager_links(node, url))
            or node.css_first('a[rel="next"]') is not None)


def _strip_boilerplate(body: LexborNode, layout: Layout, menu_node: LexborNode | None, url: str) -> None:
    """Remove side columns, header, footer and the menu so the rest is the page's own content."""
    total = len(body.text(separator=" ", strip=True)) or 1
    doomed: list[LexborNode] = []
    doomed_ids: set[int] = set()
    for node in body.traverse():
        if node.tag == "-text":
            continue
        own = layout._zones.get(node.mem_id)
        named_out = own in ("left", "right", "top", "footer", "side")
        boilerplate = named_out or node.tag in ("nav", "script", "style")
        if menu_node is not None and node.mem_id == menu_node.mem_id:
            boilerplate = True
        if not boilerplate or any(a.mem_id in doomed_ids for a in ancestors(node)):
            continue
        if (node.tag == "nav" and not named_out and layout.zone(node) in ("main", "unknown")
                and _is_pager(node, url)):
            continue  # a listing's pager, often a <nav>: it belongs with the listing
        if node.mem_id not in layout.from_grid and _wraps_content(node, own, layout, total):
            continue  # a wrapper whose name misleads ("content-right", "page-header") holds the page
        doomed.append(node)
        doomed_ids.add(node.mem_id)
    for node in doomed:
        node.decompose()


_CRUMB_SEPARATORS = {">", "»", "/", "|", "›", "→", "-", "::"}
_REFRESH = re.compile(r"""<meta[^>]+http-equiv\s*=\s*["']?refresh["']?[^>]*content\s*=\s*["']?\s*\d{1,2}\s*[;,]\s*url\s*=\s*['"]?([^"'>\s]+)""",
                      re.I)
_SCRIPT_JUMP = re.compile(r"""(?:window\.|document\.|top\.)?location(?:\.href)?\s*=\s*["']([^"']+)["']"""
                          r"""|location\.(?:replace|assign)\(\s*["']([^"']+)["']""", re.I)
_REDIRECT_PAGE_CHARS = 300   # a page that sends the browser on says (almost) nothing itself


def redirect_target(html: str, base: str, content_text: str) -> str | None:
    """Where a page that only sends the browser on leads: a meta refresh, or a script on a page
    with (almost) no text of its own (a click counter's page)."""
    match = _REFRESH.search(html)
    target = match.group(1) if match else None
    if target is None and len(content_text) < _REDIRECT_PAGE_CHARS:
        jump = _SCRIPT_JUMP.search(html)
        target = (jump.group(1) or jump.group(2)) if jump else None
    return absolute_url(base, target) if target else None


def breadcrumb_last(tree: LexborHTMLParser) -> str:
    """The last item of the page's breadcrumb ("Trang chủ › Văn bản › Văn bản pháp quy")."""
    body = tree.body
    if body is None:
        return ""
    trail = None
    for node in body.traverse():
        if node.tag in ("-text", "-comment", "a", "span", "li"):
            continue
        attrs = node.attributes
        if ("breadcrumb" in hint_text(node) or "breadcrumblist" in (attrs.get("itemtype") or "").lower()
                or "breadcrumb" in (attrs.get("aria-label") or "").lower()):
            trail = node
            break
    if trail is None:
        return ""
    parts = [inline_text(li) for li in trail.css("li")] or [inline_text(a) for a in trail.css("a, span")]
    if not parts:
        parts = [p.strip() for p in re.split(r"[>»›|/]", inline_text(trail))]
    parts = [p for p in parts if p and p not in _CRUMB_SEPARATORS and len(p) <= 150]
    return parts[-1] if parts else ""


def _heading(content: LexborNode) -> str:
    """The content's own heading: its first h1, else its first h2."""
    for selector in ("h1", "h2"):
        node = content.css_first(selector)
        if node is not None and (text := inline_text(node)):
            return text[:300]
    return ""


def analyze(html: str, url: str, is_own: Callable[[str], bool], *, skip: AbstractSet[str] | None = None,
            full: bool = True, template: MenuTemplate | None = None) -> PageView:
    """Read a page. ``full`` also reads menu, banners, footer and side sections (home page).

    ``template``: where the home page's menu sits; another page of the portal that has it there is
    not searched for its menu (its links are the home page's, already known)."""
    tree = parse_html(html)
    view = PageView(url=url)
    body = tree.body
    if body is None:
        return view
    layout = Layout(tree)
    known = template.find(tree, url) if template is not None and not full else None
    main_menu = known or find_main_menu(tree, layout, url)
    if full:
        view.menu_template = MenuTemplate.of(main_menu)
    menu, menu_node = main_menu.items, main_menu.node
    title_node = tree.css_first("title")
    view.title = inline_text(title_node)[:300] if title_node is not None else ""
    view.breadcrumb = breadcrumb_last(tree)
    if full:
        view.menu, view.menu_source = menu, main_menu.source
        view.menu_confident, view.menu_signals = main_menu.confident, main_menu.signals or []
        view.banners = find_banners(tree, layout, url, menu_node)
        view.footer_text = _footer(body, layout)
        view.side_sections = _side_sections(body, layout, url)
    menu_urls = {i.url for i in flatten(menu) if i.url} | (template.urls if known and template else frozenset())
    in_menu_ids = {a.mem_id for a in menu_node.css("a[href]")} if menu_node is not None else set()
    for anchor in body.css("a[href]"):
        link_url = absolute_url(url, anchor.attributes.get("href"))
        if not link_url:
            continue
        label = inline_text(anchor)
        if not label:
            image = anchor.css_first("img")
            label = (image.attributes.get("alt") or "") if image is not None else ""
        in_menu = anchor.mem_id in in_menu_ids
        if not full and (in_menu or not 1 <= len(label.split()) <= CATEGORY_WORDS):
            continue   # another page keeps only the links that may be a category the menu lacks
        zone = layout.zone(anchor)
        where = "menu" if in_menu else {"left": "side", "right": "side"}.get(zone, zone if zone in ("top", "footer") else "page")
        if not full and where != "page":
            continue
        view.links.append(LinkOnPage(Link(url=link_url, label=label, title=anchor.attributes.get("title") or ""), where))
    if full:   # what the portal runs on and its feeds: read on the home page
        view.platform, view.platform_hints = _platform(html, tree, view.links)
        view.feeds = feed_links(html, url)
    _strip_boilerplate(body, layout, menu_node, url)
    view.content_text = block_text(body)
    view.heading = _heading(body)
    listing = listed_items(body, url, is_own, (skip or set()) | menu_urls | {url})
    view.items = listing.items
    # A pager pages the listing it follows: numbered links elsewhere (a slider) page nothing.
    view.pager = pager_links(body, url, listing.regions) if listing.regions else {}
    view.next_page = next_page(body, url, listing.regions, view.pager) if listing.regions else None
    view.script_pager = view.next_page is None and bool(listing.regions) and script_only_pager(body, listing.regions)
    view.table_rows = [
        inline_text(row) for row in body.css("tr")
        if row.css_first("table") is None and len([c for c in row.css("td") if inline_text(c)]) >= 2
    ]
    for anchor in body.css("a[href]"):
        file_url = absolute_url(url, anchor.attributes.get("href"))
        if file_url and is_file_url(file_url) and not file_url.lower().endswith((".jpg", ".jpeg", ".png", ".gif")):
            view.files.append(Link(url=file_url, label=inline_text(anchor)))
    view.date = article_date(tree, body)
    view.redirect_to = redirect_target(html, url, view.content_text)
    return view
