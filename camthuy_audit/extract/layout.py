"""Page layout: which part of a page an element is in (top, main, left, right, footer).

Precedence, nearest ancestor first: explicit class/id hints ("sidebar-right", "col-left",
"footer"), semantic tags (header, footer, aside), then grid analysis (sibling columns: the one
with the most text is the main column, columns before it are left, after it right).

The footer is the page's bottom region, not only the ``<footer>`` element: names ("footer-*",
"bottom", "colophon", "site-info", "copyright"), then position. Once the page's main column and its
footer are known, whatever comes after the block that holds the main column (and its side
columns) is footer too — the widget areas and module positions CMS themes place just before or
after ``<footer>`` (WordPress ``aside.widget-area``, Joomla's bottom positions). Only a block named
as a side column ("sidebar", "secondary", "left"/"right") keeps its side there: an ``aside`` or a
"widget-area" below the content is a footer widget area, not a right column.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from camthuy_audit.extract.html import ancestors, element_children, hint_tokens
from camthuy_audit.models import Zone

_LEFT = {"left", "trai", "leftcol", "colleft", "leftcolumn", "sidebarleft", "leftside"}
_RIGHT = {"right", "phai", "rightcol", "colright", "rightcolumn", "sidebarright", "rightside"}
_SIDE = {"sidebar", "aside", "side", "sidebox", "sidebanner", "widget", "widgets"}
_FOOTER = {"footer", "foot", "bottom", "chantrang", "contentinfo", "colophon", "copyright", "siteinfo",
           "footerwidgets", "footerwidget"}
# Names that make a block a side column even below the content (otherwise it is footer there).
_STRONG_SIDE = {"sidebar", "secondary", "sidebarleft", "sidebarright"}
_TOP_PARTS = ("header", "topbar", "top-bar", "toolbar", "masthead", "topbanner", "banner-top", "top-links")
# Whole class names or ids that mark the page's own content column.
_STRONG_MAIN = {"main", "main-content", "maincontent", "site-main", "col-main", "colmain", "content-main",
                "main-col", "noidung", "page-main", "main-column"}
_MAIN = {"content", "main", "maincontent", "noidung", "middle", "centercol", "primary"}
# Words before left/right that make them about alignment, not about a column.
_ALIGN = {"pull", "float", "text", "align", "f", "fl", "fr", "ml", "mr", "pl", "pr", "m", "p", "border",
          "rounded", "justify", "offset", "margin", "padding", "nav", "navbar", "dropdown", "menu", "arrow",
          "icon", "fa", "glyphicon", "caret", "chevron", "angle", "to", "slide", "carousel"}
_GRID = re.compile(r"^(col|column|grid|span)\d*$|^col(-(xs|sm|md|lg|xl))?-\d+$")


_WIDTH = re.compile(r"^(?:col-(?:xs-|sm-|md-|lg-|xl-)?|span|grid-|grid_|w-)(\d{1,2})$")


def _grid_width(node: LexborNode) -> int | None:
    """The widest grid width a column declares (col-md-18, span9, grid_8), or None."""
    attrs = node.attributes.get("class") or ""
    widths = [int(m.group(1)) for t in attrs.lower().split() if (m := _WIDTH.match(t))]
    return max(widths) if widths else None


def _side_token(token: str, before: str) -> str | None:
    if before in _ALIGN or token == "copyright":
        return None
    if token in _LEFT or (token.startswith("left") and len(token) <= 12):
        return "left"
    if token in _RIGHT or (token.startswith("right") and len(token) <= 12):
        return "right"
    return None


def _zone_from_tokens(tokens: list[str]) -> str | None:
    if any(t in _FOOTER for t in tokens) or "site-info" in "-".join(tokens):
        return "footer"
    for index, token in enumerate(tokens):
        side = _side_token(token, tokens[index - 1] if index else "")
        if side:
            return side
    joined = "-".join(tokens)
    if any(t in _SIDE for t in tokens) or "sidebar" in joined:
        return "side"
    if any(part in joined for part in _TOP_PARTS):
        return "top"
    if any(t in _MAIN for t in tokens):
        return "content"   # weak: a widget's "box-content" inside a side column stays in that column
    return None


_CONTENT_PARTS = {"entry", "post", "article", "card", "panel", "box", "widget", "item", "news", "page",
                  "section", "block", "module", "cat", "category", "list", "content", "comment", "comments"}


def _part_of_content(node: LexborNode, tokens: list[str]) -> bool:
    """A header/footer that belongs to an article, a box or a widget, not to the page."""
    if any(t in _CONTENT_PARTS for t in tokens):
        return True
    return any(a.tag in ("article", "main") or a.attributes.get("role") == "main" for a in ancestors(node))


class Layout:
    """Zones of one parsed page, computed once."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.tree = tree
        self._order: dict[int, int] = {}
        self.from_grid: set[int] = set()  # zones decided by column widths, not by names
        self._zones: dict[int, str] = {}
        body = tree.body
        if body is None:
            return
        for index, node in enumerate(body.traverse()):
            self._order[node.mem_id] = index
            zone = self._own_zone(node)
            if zone:
                self._zones[node.mem_id] = zone
        self._mark_grid_columns(body)
        self._mark_bottom_region(body)

    @staticmethod
    def _own_zone(node: LexborNode) -> str | None:
        tag = node.tag
        tokens = hint_tokens(node)
        names_edge = tag in ("header", "footer") or any(t in ("header", "footer", "heading") for t in tokens)
        if names_edge and _part_of_content(node, tokens):
            return None  # an article's own header or footer ("entry-header", "entry-footer")
        if tag == "footer" or node.attributes.get("role") == "contentinfo":
            return "footer"
        if tag == "header" or node.attributes.get("role") == "banner":
            return "top"
        if tag == "aside":
            return "side"
        if Layout.is_page_main(node):
            return "main"
        return _zone_from_tokens(tokens)

    def _mark_grid_columns(self, body: LexborNode) -> None:
        """Sibling columns without hints: the one with the most text is main."""
        seen: set[int] = set()
        for node in body.traverse():
            parent = node.parent
            if parent is None or parent.mem_id in seen:
                continue
            is_column = node.tag == "td" or any(_GRID.match(t) for t in hint_tokens(node))
            if not is_column:
                continue
            seen.add(parent.mem_id)
            columns = [c for c in element_children(parent)
                       if c.tag == "td" or any(_GRID.match(t) for t in hint_tokens(c))]
            if not 2 <= len(columns) <= 4:
                continue
            sizes = [len(c.text(separator=" ", strip=True)) for c in columns]
            widths = [_grid_width(c) or 0 for c in columns]
            if all(widths) and len(set(widths)) > 1:
                # Declared widths beat text: an empty category's main column is still the widest.
                main_index = widths.index(max(widths))
                sizes = [w * 1000 for w in widths]
            elif max(sizes) < 200:
                continue
            else:
                main_index = sizes.index(max(sizes))
            for index, column in enumerate(columns):
                if column.mem_id in self._zones:
                    continue
                self.from_grid.add(column.mem_id)
                if index == main_index:
                    self._zones[column.mem_id] = "main"
                elif sizes[index] < 0.8 * sizes[main_index]:
                    self._zones[column.mem_id] = "left" if index < main_index else "right"

    def _mark_bottom_region(self, body: LexborNode) -> None:
        """Blocks after the one holding the main column, down to the page footer, are footer."""
        main = next((n for n in body.traverse() if self._zones.get(n.mem_id) == "main"), None)
        if main is None:
            return
        main_line = {a.mem_id for a in ancestors(main)} | {main.mem_id}
        footers = [n for n in body.traverse()
                   if self._zones.get(n.mem_id) == "footer" and n.mem_id not in main_line
                   and not any(a.mem_id == main.mem_id for a in ancestors(n))]
        if not footers:
            return  # no page footer to anchor the region: the footer is found by its content
        footer_lines = {a.mem_id for f in footers for a in ancestors(f)} | {f.mem_id for f in footers}
        holder = main
        for ancestor in ancestors(main):
            if ancestor.tag == "body" or ancestor.mem_id in footer_lines:
                break
            holder = ancestor
        node: LexborNode | None = holder
        while node is not None and node.tag not in ("body", "html"):
            sibling = node.next
            while sibling is not None:
                if sibling.tag not in ("-text", "-comment"):
                    self._to_footer(sibling)
                sibling = sibling.next
            node = node.parent

    def _to_footer(self, block: LexborNode) -> None:
        """A block of the bottom region, with everything in it, as footer (named side columns excepted)."""
        if self._strongly_side(block):
            return
        for node in block.traverse():
            if node.tag in ("-text", "-comment"):
                continue
            if node is not block and self._strongly_side(node):
                continue
            if node is block or self._zones.get(node.mem_id) in ("side", "left", "right", "main", "content"):
                self._zones[node.mem_id] = "footer"

    @staticmethod
    def _strongly_side(node: LexborNode) -> bool:
        tokens = hint_tokens(node)
        if any(t in _FOOTER for t in tokens):
            return False
        return bool(set(tokens) & (_STRONG_SIDE | _LEFT | _RIGHT)) or "sidebar" in "-".join(tokens)

    @staticmethod
    def is_page_main(node: LexborNode) -> bool:
        """The page's main column by a strong sign (<main>, role=main, "main"/"noidung" in its name) —
        not a widget's "box-content"."""
        if node.tag == "main" or node.attributes.get("role") == "main":
            return True
        classes = set((node.attributes.get("class") or "").lower().split())
        ident = (node.attributes.get("id") or "").lower()
        return bool(classes & _STRONG_MAIN) or ident in _STRONG_MAIN or ident in ("primary", "content")

    @property
    def has_main(self) -> bool:
        return any(z in ("main", "content") for z in self._zones.values())

    def order(self, node: LexborNode) -> int:
        return self._order.get(node.mem_id, 0)

    def zone(self, node: LexborNode) -> Zone:
        """The zone of the nearest ancestor (or the node itself) that has one."""
        weak = False
        for candidate in (node, *ancestors(node)):
            zone = self._zones.get(candidate.mem_id)
            if zone == "content":
                weak = True  # remember, but an enclosing column decides
                continue
            if zone == "side":
                return self._side_of(candidate)
            if zone:
                return zone  # type: ignore[return-value]
        return "main" if weak else "unknown"

    def _side_of(self, node: LexborNode) -> Zone:
        """A side column without left/right hints: left when it comes before the main column."""
        for candidate in ancestors(node):
            zone = self._zones.get(candidate.mem_id)
            if zone in ("left", "right"):
                return zone  # type: ignore[return-value]
        mains = [m for m, z in self._zones.items() if z in ("main", "content")]
        if not mains:
            return "right"
        main_order = min(self._order.get(m, 0) for m in mains)
        return "left" if self.order(node) < main_order else "right"

    def in_boilerplate(self, node: LexborNode) -> bool:
        return self.zone(node) in ("left", "right", "top", "footer")
