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
_ALIGN = {"pull", "float", "text", "align", "justification", "justified", "items", "is", "has", "f", "fl", "fr", "ml", "mr", "pl", "pr", "m", "p", "border",
          "rounded", "justify", "offset", "margin", "padding", "nav", "navbar", "dropdown", "menu", "arrow",
          "icon", "fa", "glyphicon", "caret", "chevron", "angle", "to", "slide", "carousel"}
# Column names ("col-md-3", "col-left", "span9", "grid_4"); a bare "grid" ("crx-grid") names a
# container of rows, not a column.
_COLUMN_TOKENS = {"col", "column", "cot"}
_COLUMN_WORD = re.compile(r"^(col|span|grid)([-_](xs|sm|md|lg|xl))?[-_]?\d{1,2}$")


def _siblings(node: LexborNode, direction: str) -> list[LexborNode]:
    """The element siblings before (``"prev"``) or after (``"next"``) a node."""
    found = []
    current = node.prev if direction == "prev" else node.next
    while current is not None:
        if current.tag not in ("-text", "-comment"):
            found.append(current)
        current = current.prev if direction == "prev" else current.next
    return found


def _siblings_between(first: LexborNode, last: LexborNode) -> list[LexborNode]:
    """The element siblings after ``first`` and before ``last`` (same parent)."""
    found = []
    current = first.next
    while current is not None and current.mem_id != last.mem_id:
        if current.tag not in ("-text", "-comment"):
            found.append(current)
        current = current.next
    return found


def _is_column(node: LexborNode) -> bool:
    if node.tag == "td":
        return True
    words = (node.attributes.get("class") or "").lower().split()
    return any(_COLUMN_WORD.match(w) for w in words) or bool(set(hint_tokens(node)) & _COLUMN_TOKENS)


_WIDTH = re.compile(r"^(?:col-(?:xs-|sm-|md-|lg-|xl-)?|span|grid-|grid_|w-)(\d{1,2})$")


def _grid_width(node: LexborNode) -> int | None:
    """The widest grid width a column declares (col-md-18, span9, grid_8), or None."""
    attrs = node.attributes.get("class") or ""
    widths = [int(m.group(1)) for t in attrs.lower().split() if (m := _WIDTH.match(t))]
    return max(widths) if widths else None


_SHIFT = re.compile(r"^col-(?:xs-|sm-|md-|lg-|xl-)?(push|pull)-(\d{1,2})$")


def _visual_places(columns: list[LexborNode], widths: list[int]) -> list[float]:
    """Where each column shows on the screen, left to right: its place in the source, moved by the
    grid's push/pull classes (a left column written after the main one and pulled left)."""
    places: list[float] = []
    start = 0.0
    for column, width in zip(columns, widths, strict=True):
        shift = 0
        for word in (column.attributes.get("class") or "").lower().split():
            match = _SHIFT.match(word)
            if match:
                amount = int(match.group(2))
                shift = max(shift, amount) if match.group(1) == "push" else min(shift, -amount)
        places.append(start + shift)
        start += width or 1
    return places


def _side_token(token: str, before: str) -> str | None:
    if before in _ALIGN or token == "copyright":
        return None
    if token in _LEFT or (token.startswith("left") and len(token) <= 12):
        return "left"
    if token in _RIGHT or (token.startswith("right") and len(token) <= 12):
        return "right"
    return None


# Words before "bottom"/"foot" that make it about spacing or alignment ("m-bottom", "margin-bottom").
_SPACING = {"m", "mb", "margin", "p", "pb", "padding", "border", "text", "align", "valign", "v", "to", "fixed",
            "sticky", "space", "spacing", "gap", "pull", "push", "scroll"}


def _names_footer(tokens: list[str]) -> bool:
    for index, token in enumerate(tokens):
        if token in _FOOTER and not (token in ("bottom", "foot") and index and tokens[index - 1] in _SPACING):
            return True
    return "site-info" in "-".join(tokens)


def _zone_from_tokens(tokens: list[str]) -> str | None:
    if _names_footer(tokens):
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



_EDGE_PARTS = {"header", "footer", "heading", "head", "foot"}
# What a header or footer of a piece of content is named after ("entry-footer", "card-header");
# "section", "page", "block" are words themes use for the page's own parts ("section-footer-top").
_CONTENT_OWNERS = {"entry", "post", "article", "card", "panel", "box", "widget", "item", "news", "comment",
                   "comments", "cat", "category", "module", "blog", "portlet"}


def _part_of_content(node: LexborNode, tokens: list[str]) -> bool:
    """A header/footer that belongs to an article, a box or a widget, not to the page.

    Named so in one class word ("entry-footer", "card-header", "widget_head"), or inside an article
    or the main column. A word naming a CMS building block ("wp-block-template-part") does not make
    the page's own header or footer part of the content.
    """
    attrs = node.attributes
    for word in f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower().split():
        parts = set(re.split(r"[-_]+", word))
        if parts & _EDGE_PARTS and parts & _CONTENT_OWNERS:
            return True
    return any(a.tag in ("article", "main") or a.attributes.get("role") == "main" for a in ancestors(node))


_NAMED_TAGS = frozenset({"header", "footer", "aside", "main"})   # tags that name a zone by themselves


class Layout:
    """Zones of one parsed page, computed once."""

    def __init__(self, tree: LexborHTMLParser) -> None:
        self.tree = tree
        self._order: dict[int, int] = {}
        self.from_grid: set[int] = set()  # zones decided by column widths, not by names
        self._zones: dict[int, str] = {}
        self.page_mains: list[LexborNode] = []   # elements that are the page's main column by a strong sign
        body = tree.body
        if body is None:
            return
        # Only an element with a class, id or role, or a sectioning tag, can name a zone (asked of
        # the parser at once: most elements of a page have none).
        named = {n.mem_id for n in body.css(", ".join(["[class]", "[id]", "[role]", *sorted(_NAMED_TAGS)]))}
        for index, node in enumerate(body.traverse()):
            self._order[node.mem_id] = index
            if node.mem_id in named:
                main = Layout.is_page_main(node)
                zone = self._own_zone(node, main)
                if zone:
                    self._zones[node.mem_id] = zone
                if main:
                    self.page_mains.append(node)
        self._mark_grid_columns(body)
        self._mark_bottom_region(body)

    @staticmethod
    def _own_zone(node: LexborNode, page_main: bool) -> str | None:
        """The zone a named element (class, id, role or a sectioning tag) gives itself; ``page_main``:
        whether it is the page's main column by a strong sign (:meth:`is_page_main`)."""
        tag = node.tag
        if tag in ("body", "html"):
            return None  # the page itself ("has-main-navigation" on <body> names no zone)
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
        if page_main:
            return "main"
        return _zone_from_tokens(tokens)

    def _mark_grid_columns(self, body: LexborNode) -> None:
        """Sibling columns without hints: the one with the most text is main."""
        seen: set[int] = set()
        for node in body.css("[class], [id], td"):   # a column is a td or named by its class or id
            parent = node.parent
            if parent is None or parent.mem_id in seen:
                continue
            if not _is_column(node):
                continue
            seen.add(parent.mem_id)
            columns = [c for c in element_children(parent) if _is_column(c)]
            if not 2 <= len(columns) <= 4:
                continue
            sizes = [len(c.text(separator=" ", strip=True)) for c in columns]
            widths = [_grid_width(c) or 0 for c in columns]
            if all(widths) and len(set(widths)) == 1:
                continue  # equal declared widths: a row of boxes (a strip of banners), not side columns
            if all(widths) and len(set(widths)) > 1:
                # Declared widths beat text: an empty category's main column is still the widest.
                main_index = widths.index(max(widths))
                sizes = [w * 1000 for w in widths]
            elif max(sizes) < 200:
                continue
            else:
                main_index = sizes.index(max(sizes))
            places = _visual_places(columns, widths)
            for index, column in enumerate(columns):
                if column.mem_id in self._zones:
                    continue
                self.from_grid.add(column.mem_id)
                if index == main_index:
                    self._zones[column.mem_id] = "main"
                elif sizes[index] < 0.8 * sizes[main_index]:
                    self._zones[column.mem_id] = "left" if places[index] < places[main_index] else "right"

    def _mark_bottom_region(self, body: LexborNode) -> None:
        """What lies between the main column (with its side columns) and the page footer is footer.

        With M the main column and F the page footer, and A, B the children of their lowest common
        ancestor that hold them: the blocks between A and B, the blocks around F inside B, and — when
        side columns were found, so that the row of columns is known — the blocks after that row
        inside A. Without side columns a block right after M may be an unnamed column beside it,
        so it keeps its zone.
        """
        main = next((n for n in body.traverse() if self._zones.get(n.mem_id) == "main"), None)
        if main is None:
            return
        main_line = [main, *ancestors(main)]
        main_ids = {n.mem_id for n in main_line}
        columns = ("main", "content", "left", "right", "side")
        # The page's footer: after the main column, not inside a column (a box's footer is not it).
        footer = next((n for n in body.traverse()
                       if self._zones.get(n.mem_id) == "footer" and n.mem_id not in main_ids
                       and self.order(n) > self.order(main)
                       and not any(self._zones.get(a.mem_id) in columns for a in ancestors(n))), None)
        if footer is None:
            return  # no page footer to anchor the region: the footer is found by its content
        footer_line = [footer, *ancestors(footer)]
        footer_ids = {n.mem_id for n in footer_line}
        common = next((n for n in main_line if n.mem_id in footer_ids), None)
        if common is None:
            return
        holds_main = main_line[[n.mem_id for n in main_line].index(common.mem_id) - 1]
        holds_footer = footer_line[[n.mem_id for n in footer_line].index(common.mem_id) - 1]
        for block in _siblings_between(holds_main, holds_footer):
            self._to_footer(block)
        node = footer
        while node.mem_id != holds_footer.mem_id and node.parent is not None:
            for block in (*_siblings(node, "prev"), *_siblings(node, "next")):
                self._to_footer(block)
            node = node.parent
        row = self._columns_row(main, holds_main)
        while row is not None and row.mem_id != holds_main.mem_id and row.parent is not None:
            for block in _siblings(row, "next"):
                self._to_footer(block)
            row = row.parent

    def _columns_row(self, main: LexborNode, within: LexborNode) -> LexborNode | None:
        """The block holding the main column and every side column beside it (inside ``within``)."""
        sides = [n for n in within.traverse()
                 if self._zones.get(n.mem_id) in ("left", "right", "side")
                 and not any(a.mem_id == main.mem_id for a in ancestors(n))]
        if not sides:
            return None
        row: LexborNode | None = main
        while row is not None and row.mem_id != within.mem_id:
            if all(any(a.mem_id == row.mem_id for a in ancestors(side)) for side in sides):
                return row
            row = row.parent
        return None

    def _to_footer(self, block: LexborNode) -> None:
        """A block of the bottom region, with everything in it, as footer (named side columns excepted)."""
        if self._strongly_side(block):
            return
        for node in block.traverse():
            if node.tag in ("-text", "-comment"):
                continue
            itself = node.mem_id == block.mem_id
            if not itself and self._strongly_side(node):
                continue
            if itself or self._zones.get(node.mem_id) in ("side", "left", "right", "main", "content"):
                self._zones[node.mem_id] = "footer"

    @staticmethod
    def _strongly_side(node: LexborNode) -> bool:
        tokens = hint_tokens(node)
        if _names_footer(tokens):
            return False
        return bool(set(tokens) & (_STRONG_SIDE | _LEFT | _RIGHT)) or "sidebar" in "-".join(tokens)

    def holds_page_main(self, node: LexborNode) -> bool:
        """Whether a strong main column (see :meth:`is_page_main`) lies inside ``node``."""
        return any(any(a.mem_id == node.mem_id for a in ancestors(main)) for main in self.page_mains)

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
        """The zone of the nearest ancestor (or the node itself) that has one.

        A side named inside the page's header or footer ("nav items-justified-right" in a header)
        is where it sits in that header or footer, not a side column of the page.
        """
        weak = False
        found: Zone | None = None
        for candidate in (node, *ancestors(node)):
            zone = self._zones.get(candidate.mem_id)
            if found is not None:
                if zone in ("top", "footer"):
                    return zone  # type: ignore[return-value]
                continue
            if zone == "content":
                weak = True  # remember, but an enclosing column decides
                continue
            if zone == "side":
                found = self._side_of(candidate)
            elif zone in ("left", "right"):
                found = zone  # type: ignore[assignment]
            elif zone:
                return zone  # type: ignore[return-value]
        if found is not None:
            return found
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
