"""Find the portal's main menu among all the lists of links on its home page.

Candidates are lists (ul/ol) that are not inside another list's item, and containers whose
direct children are links. Each gets a score; the best wins:
  + nav/menu hints on it or close ancestors (nav, role=navigation, class "menu", "navbar"...)
  + items, submenus, a home entry first, being near the top of the page
  - being in the footer, a side column, a breadcrumb, a pager, a top utility bar, or a post list

The winner is *confident* only when strong signs say it is the main menu: navigation markup (nav,
role=navigation, a "menu"/"nav" name), at least four entries, outside the footer and side columns;
or, without such markup, a large menu with submenus that starts with the home page. A menu drawn by
JavaScript leaves only weaker lists (a row of utility links): the rules then say "?" rather than
accuse the portal of missing entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from camthuy_audit.extract.html import (
    absolute_url,
    ancestors,
    element_children,
    hint_text,
    hint_tokens,
    inline_text,
)
from camthuy_audit.extract.layout import Layout
from camthuy_audit.models import MenuItem
from camthuy_audit.vntext import fold

_NAV_TOKENS = {"menu", "nav", "navbar", "navigation", "mainmenu", "primary", "dropdown", "mega", "menutop",
               "topmenu", "mainnav", "menubar", "sf"}
_BAD_TOKENS = {"breadcrumb", "breadcrumbs", "pagination", "pager", "paging", "topbar", "toolbar", "social",
               "language", "lang", "tags", "tag", "tab", "tabs", "footer", "slide", "slider", "carousel", "news",
               "quick", "weblink", "weblinks", "lienket", "counter", "poll", "share", "sitemap"}
_BAD_PARTS = ("top-bar", "top-links", "toplinks", "list-news", "lien-ket", "link-web", "tin-moi", "tin-noi-bat")
_HOME_WORDS = ("trang chu", "trang nhat", "home")


def _home_first(items: list[MenuItem]) -> bool:
    """Whether a menu's first entry is the home page ("Trang chủ", "Trang nhất", "Home")."""
    return bool(items) and any(w in fold(items[0].label or items[0].title) for w in _HOME_WORDS)


@dataclass
class MenuCandidate:
    node: LexborNode
    items: list[MenuItem]
    score: float
    why: str


@dataclass
class MainMenu:
    """The main menu found on a page (empty when none), how it was recognised and how surely."""

    items: list[MenuItem]
    source: str | None = None
    node: LexborNode | None = None
    confident: bool = False
    signals: list[str] | None = None


def _label(anchor: LexborNode | None, item: LexborNode) -> tuple[str, str, str | None]:
    """Label, title and raw href of a menu entry (icon-only home links use title or alt)."""
    if anchor is None:
        # A heading without a link ("Văn bản" opening a submenu).
        for child in element_children(item):
            if child.tag not in ("ul", "ol", "div"):
                return inline_text(child), child.attributes.get("title") or "", None
        return "", "", None
    label = inline_text(anchor)
    title = anchor.attributes.get("title") or ""
    if not label:
        image = anchor.css_first("img")
        label = (image.attributes.get("alt") or "") if image is not None else ""
    if not label:
        label = title or anchor.attributes.get("aria-label") or ""
    if not label and _is_home_icon(anchor):
        label = "Trang chủ (biểu tượng)"
    return label, title, anchor.attributes.get("href")


def _is_home_icon(anchor: LexborNode) -> bool:
    """An icon-only link to the site's root, or one whose icon is named "home"."""
    href = (anchor.attributes.get("href") or "").strip()
    path = urlsplit(href).path
    icons = " ".join(hint_text(n) for n in anchor.traverse() if n.tag not in ("-text",))
    return path in ("", "/", "/index.php", "/index.html", "/web/trang-chu", "/trang-chu") or "home" in icons


def _first_anchor(item: LexborNode) -> LexborNode | None:
    """The item's own link, not one inside its submenu."""
    for node in item.traverse():
        if node.mem_id == item.mem_id:
            continue
        if node.tag in ("ul", "ol"):
            return None
        if node.tag == "a":
            return node
    return None


def _sublists(item: LexborNode) -> list[LexborNode]:
    """Direct submenus of a list item (lists nested inside it but not inside a deeper item)."""
    found = []
    for node in item.traverse():
        if node.mem_id == item.mem_id or node.tag not in ("ul", "ol"):
            continue
        owner = next((a for a in ancestors(node) if a.tag == "li"), None)
        if owner is not None and owner.mem_id == item.mem_id:
            found.append(node)
    return found


def read_list(list_node: LexborNode, base: str, depth: int = 0) -> list[MenuItem]:
    items: list[MenuItem] = []
    for li in element_children(list_node):
        if li.tag != "li":
            continue
        label, title, href = _label(_first_anchor(li), li)
        children: list[MenuItem] = []
        if depth < 3:
            for sub in _sublists(li):
                children += read_list(sub, base, depth + 1)
        if label or children:
            items.append(MenuItem(label=label, title=title, url=absolute_url(base, href), children=children))
    return items


def _anchor_row(container: LexborNode, base: str) -> list[MenuItem]:
    """Menus written as a row of links (div > a, a, a)."""
    items = []
    for child in element_children(container):
        if child.tag == "a":
            label, title, href = _label(child, child)
            if label:
                items.append(MenuItem(label=label, title=title, url=absolute_url(base, href)))
    return items


def _block_menu(container: LexborNode, base: str) -> list[MenuItem]:
    """Menus built from repeated blocks (div.item > a + div.panel > a, a): a mega menu."""
    blocks = [c for c in element_children(container) if c.tag not in ("script", "style")]
    if not 3 <= len(blocks) <= 16 or len({b.tag for b in blocks}) > 1 or blocks[0].tag in ("li", "a", "tr"):
        return []
    items: list[MenuItem] = []
    for block in blocks:
        anchors = block.css("a")
        if not anchors:
            return []
        label, title, href = _label(anchors[0], block)
        if not label or len(label.split()) > 6:
            return []
        children = []
        for anchor in anchors[1:]:
            sub_label, sub_title, sub_href = _label(anchor, anchor)
            if sub_label:
                children.append(MenuItem(label=sub_label, title=sub_title, url=absolute_url(base, sub_href)))
        items.append(MenuItem(label=label, title=title, url=absolute_url(base, href), children=children))
    return items


def _hints_near(node: LexborNode, levels: int = 3) -> tuple[set[str], str]:
    """Class/id words of the node, its first link and a few ancestors (and role=navigation)."""
    nodes = [node, *list(ancestors(node))[:levels]]
    anchor = node.css_first("a")
    if anchor is not None:
        nodes.append(anchor)
    tokens: set[str] = set()
    joined = []
    for item in nodes:
        tokens.update(hint_tokens(item))
        joined.append(hint_text(item))
        if item.attributes.get("role") == "navigation" or item.tag == "nav":
            tokens.add("navigation")
    return tokens, " ".join(joined)


def _marked(tokens: set[str]) -> bool:
    return bool(tokens & _NAV_TOKENS) or any(t.startswith(("menu", "nav")) for t in tokens)


def _score(node: LexborNode, items: list[MenuItem], layout: Layout, page_size: int) -> tuple[float, str]:
    n = len(items)
    tokens, joined = _hints_near(node)
    why: list[str] = []
    score = min(n, 12) / 2
    if _marked(tokens):
        score += 4
        why.append("thẻ/lớp menu")
    if tokens & _BAD_TOKENS or any(part in joined for part in _BAD_PARTS):
        score -= 6
    zone = layout.zone(node)
    if zone in ("footer", "left", "right"):
        score -= 8
    if any(i.children for i in items):
        score += 3
        why.append("có menu con")
    if _home_first(items):
        score += 3
        why.append("mục đầu là Trang chủ")
    position = layout.order(node) / max(page_size, 1)
    score += 2 * (1 - position)
    long_labels = sum(1 for i in items if len(i.label.split()) > 7)
    if long_labels > n / 2:
        score -= 6  # a list of post titles, not a menu
    return score, ", ".join(why)


def _confidence(best: MenuCandidate, layout: Layout) -> tuple[bool, list[str]]:
    """Whether the chosen list is surely the main menu, and the signs either way (Vietnamese)."""
    items = best.items
    zone = layout.zone(best.node)
    signals: list[str] = []
    tokens, _ = _hints_near(best.node)
    marked = _marked(tokens)
    signals.append("có thẻ/lớp đánh dấu menu" if marked else "không có thẻ/lớp đánh dấu menu (nav, menu)")
    signals.append(f"{len(items)} mục cấp 1")
    if zone in ("footer", "left", "right"):
        signals.append("nằm ở chân trang/cột bên")
    has_children = any(i.children for i in items)
    home_first = _home_first(items)
    strong_shape = len(items) >= 5 and has_children and home_first
    confident = zone not in ("footer", "left", "right") and len(items) >= 4 and (marked or strong_shape)
    if not marked and strong_shape:
        signals.append("nhiều mục, có menu con, mục đầu là Trang chủ")
    return confident, signals


def _empty_menu_frames(body: LexborNode) -> int:
    """Elements named as a menu that hold no link: a menu the page draws with JavaScript."""
    found = 0
    for node in body.css("nav, div, ul"):
        tokens = set(hint_tokens(node))
        if not _marked(tokens) or tokens & {"toggle", "toggler", "button", "btn", "icon", "search", "mobile"}:
            continue
        if node.css_first("a") is None and not node.text(strip=True):
            found += 1
    return found


def find_main_menu(tree: LexborHTMLParser, layout: Layout, base: str) -> MainMenu:
    """The main menu (empty when none is found), how it was recognised and whether surely."""
    body = tree.body
    if body is None:
        return MainMenu([])
    page_size = max(len(layout._order), 1)
    candidates: list[MenuCandidate] = []
    for node in body.css("ul, ol"):
        if any(a.tag == "li" for a in ancestors(node)):
            continue
        items = read_list(node, base)
        if len(items) >= 3:
            score, why = _score(node, items, layout, page_size)
            candidates.append(MenuCandidate(node, items, score, why))
    for node in body.css("nav, div, td"):
        items = _anchor_row(node, base)
        if len(items) >= 4:
            score, why = _score(node, items, layout, page_size)
            candidates.append(MenuCandidate(node, items, score - 1, why))
        blocks = _block_menu(node, base) if node.tag != "td" else []
        if blocks:
            score, why = _score(node, blocks, layout, page_size)
            candidates.append(MenuCandidate(node, blocks, score - 1, why))
    frames = _empty_menu_frames(body)
    frame_signal = [f"có {frames} khung menu trống (menu có thể được vẽ bằng JavaScript)"] if frames else []
    if not candidates:
        return MainMenu([], signals=["không có danh sách liên kết nào giống menu", *frame_signal])
    best = max(candidates, key=lambda c: c.score)
    if best.score < 2:
        return MainMenu([], signals=["không có danh sách liên kết nào giống menu", *frame_signal])
    tag = (best.node.tag or "") + (f".{best.node.attributes.get('class')}" if best.node.attributes.get("class") else "")
    confident, signals = _confidence(best, layout)
    return MainMenu(best.items, f"{tag} ({best.why or 'danh sách liên kết dày nhất'})", best.node,
                    confident, [*signals, *frame_signal])


@dataclass(frozen=True)
class MenuTemplate:
    """Where a portal's main menu sits (its element's tag, id and class) and the pages it links:
    the pages of one portal share the home page's template, so the menu is found again there
    without scoring every list of the page."""

    tag: str
    ident: str
    classes: str
    urls: frozenset[str]

    @staticmethod
    def of(menu: MainMenu) -> MenuTemplate | None:
        node = menu.node
        urls = frozenset(i.url for i in flatten(menu.items) if i.url)
        if node is None or not urls or not (node.attributes.get("id") or node.attributes.get("class")):
            return None
        return MenuTemplate(node.tag or "", node.attributes.get("id") or "", node.attributes.get("class") or "", urls)

    def find(self, tree: LexborHTMLParser, base: str) -> MainMenu | None:
        """The same menu on another page of the portal: same element, (nearly) the same links."""
        body = tree.body
        if body is None:
            return None
        for node in body.css(self.tag):
            attrs = node.attributes
            if (attrs.get("id") or "") != self.ident or (attrs.get("class") or "") != self.classes:
                continue
            links = {absolute_url(base, a.attributes.get("href")) for a in node.css("a[href]")}
            if len(links & self.urls) >= 0.8 * len(self.urls):
                return MainMenu([], "mẫu trang chủ", node, True)
        return None


def flatten(items: list[MenuItem]) -> list[MenuItem]:
    out: list[MenuItem] = []
    for item in items:
        out.append(item)
        out += flatten(item.children)
    return out
