"""Listings: the posts a page lists (link, title, date), its pager, and an article's own date.

A listing is found by structure, not by class names: links whose nearest "item" container
repeats among its siblings (li, article, div, tr with the same tag and class), each item titled
by its longest link and dated by the first date in its text. A table cell is never an item: the
row is (a register's row — number, date, summary, file — is one document, dated by its row).
A pager belongs to a listing only inside it or right after it: numbered links elsewhere on the
page (a picture slider, a poll) page nothing.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Callable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass
from datetime import datetime
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from camthuy_audit.extract.html import (
    absolute_url,
    ancestors,
    block_text,
    element_children,
    inline_text,
    is_file_url,
)
from camthuy_audit.vntext import clean_spaces as clean
from camthuy_audit.vntext import find_datetimes, fold, parse_datetime

_PAGE_PARAMS = ("page", "p", "pg", "trang", "paged", "pageindex", "pagenumber", "start", "offset", "cur",
                "currentpage", "pagenum")
_PATH_PAGE = re.compile(r"(?P<pre>/(?:page|trang|p)[-/])(?P<n>\d{1,5})(?P<post>/?)$", re.IGNORECASE)
# A "next page" link's words, arrows and punctuation aside: "Trang sau »", "Tiếp theo", "Next page",
# "Older posts →", "Bài cũ hơn", "Xem thêm".
_NEXT_WORDS = re.compile(r"^(?:trang |bai |tin )?(?:sau|tiep|tiep theo|ke tiep|cu hon|next|older)"
                         r"(?: page| posts| entries| articles)?$|^xem them$")
_NOT_LETTERS = re.compile(r"[^a-z0-9 ]+")
_MIN_TITLE_WORDS = 3


@dataclass
class ListedItem:
    url: str
    title: str
    date: datetime | None
    document: bool = False   # an entry of a documents register (Số hiệu, Trích yếu), not a post


@dataclass
class Listing:
    """The items of a page and the blocks that hold them (where its pager may be)."""

    items: list[ListedItem]
    regions: list[LexborNode]


# "12/NQ-HĐND", "19/2023/QĐ-UBND", "155/UBND-VHTT": a document's number.
_DOC_NUMBER = re.compile(r"(?<![\w/])\d{1,4}/(?:\d{4}/)?[A-ZĐ]{1,10}(?:-[A-ZĐ0-9]{1,12})+(?![\w/])")
_DOC_LABELS = ("so hieu", "so ky hieu", "trich yeu", "ngay ban hanh", "co quan ban hanh", "loai van ban")


def _table_header(row: LexborNode) -> str:
    """The header text of the table a row belongs to (its th cells or thead)."""
    table = next((a for a in ancestors(row) if a.tag == "table"), None)
    if table is None:
        return ""
    head = table.css_first("thead") or next((r for r in table.css("tr") if r.css_first("th") is not None), None)
    return inline_text(head) if head is not None else ""


def _is_document(item: LexborNode, title: str) -> bool:
    """A documents-register row: labelled fields (in the row or its table's header), or a
    document number before its title."""
    text = inline_text(item)
    folded = fold(text)
    if any(label in folded for label in _DOC_LABELS):
        return True
    if item.tag == "tr" and any(label in fold(_table_header(item)) for label in _DOC_LABELS):
        return True
    head = re.sub(r"^\s*\d{1,3}[.)]?\s+", "", text)[:40]  # after an index number ("1", "2.")
    return bool(_DOC_NUMBER.match(head)) or bool(_DOC_NUMBER.match(title))


def page_key(url: str) -> tuple[str, int] | None:
    """(URL without its page number, page number) for paged URLs, else None."""
    parts = urlsplit(url)
    query = parse_qsl(parts.query, keep_blank_values=True)
    for index, (name, value) in enumerate(query):
        if (name.lower() in _PAGE_PARAMS or name.lower().endswith("_cur")) and value.isdigit():
            rest = query[:index] + query[index + 1:]
            return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(rest), "")), int(value)
    match = _PATH_PAGE.search(parts.path)
    if match:
        path = parts.path[: match.start()] + "/"
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, "")), int(match.group("n"))
    return None


def with_page_number(url: str, number: int) -> str | None:
    """``url`` (a paged URL: ``?page=3``, ``/page/3/``, ``?start=20``) with its page number replaced,
    written as the site writes it (only the digits change), or None when the URL has no number."""
    parts = urlsplit(url)
    position = 0
    for pair in parts.query.split("&"):
        name, eq, value = pair.partition("=")
        if eq and value.isdigit() and (name.lower() in _PAGE_PARAMS or name.lower().endswith("_cur")):
            start = position + len(name) + 1
            query = parts.query[:start] + str(number) + parts.query[start + len(value):]
            return urlunsplit((parts.scheme, parts.netloc, parts.path, query, ""))
        position += len(pair) + 1
    match = _PATH_PAGE.search(parts.path)
    if match:
        path = parts.path[:match.start("n")] + str(number) + parts.path[match.end("n"):]
        return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))
    return None


def listing_base(url: str) -> str:
    key = page_key(url)
    if key:
        return key[0]
    parts = urlsplit(url)
    path = parts.path if parts.path.endswith("/") else parts.path + "/"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


def _blocks_after(region: LexborNode, levels: int = 3) -> list[LexborNode]:
    """The region and the first block that follows it at each of a few levels up: where its pager is."""
    blocks = [region]
    node: LexborNode | None = region
    for _ in range(levels):
        if node is None or node.tag in ("body", "html"):
            break
        sibling = node.next
        while sibling is not None and (sibling.tag in ("-text", "-comment", "script", "style")
                                       or (sibling.tag != "a" and sibling.css_first("a") is None)):
            sibling = sibling.next
        if sibling is not None:
            blocks.append(sibling)
            break
        node = node.parent
    return blocks


def pager_anchors(root: LexborNode, regions: list[LexborNode] | None = None) -> list[LexborNode]:
    """Anchors that may page a listing: all of ``root``'s, or only those in or right after ``regions``."""
    if regions is None:
        return root.css("a")
    anchors: list[LexborNode] = []
    seen: set[int] = set()
    for region in regions:
        for block in _blocks_after(region):
            for anchor in ([block] if block.tag == "a" else block.css("a")):
                if anchor.mem_id not in seen:
                    seen.add(anchor.mem_id)
                    anchors.append(anchor)
    return anchors


def pager_links(root: LexborNode, page_url: str, regions: list[LexborNode] | None = None) -> dict[int, str]:
    """Other pages of the same listing, by page number."""
    base = listing_base(page_url)
    found: dict[int, str] = {}
    for anchor in pager_anchors(root, regions):
        if not anchor.attributes.get("href"):
            continue
        url = absolute_url(page_url, anchor.attributes.get("href"))
        if not url:
            continue
        key = page_key(url)
        if key and key[0].rstrip("/") == base.rstrip("/"):
            found.setdefault(key[1], url)
    return found


def next_page(root: LexborNode, page_url: str, regions: list[LexborNode] | None = None,
              pages: dict[int, str] | None = None) -> str | None:
    """The next page of this listing: page n+1 of the pager, or a "next" link (near ``regions``).

    ``pages``: the pager's links when the caller has them (:func:`pager_links`)."""
    current = page_key(page_url)
    number = current[1] if current else None
    if pages is None:
        pages = pager_links(root, page_url, regions)
    if pages:
        if number is None:
            # The first page has no number; the smallest listed page after it is page 2 (or start=10).
            higher = sorted(n for n in pages if n > (1 if min(pages) >= 1 else 0))
        else:
            higher = sorted(n for n in pages if n > number)
        if higher:
            return pages[higher[0]]
    for anchor in pager_anchors(root, regions):
        if not anchor.attributes.get("href"):
            continue
        words = " ".join(_NOT_LETTERS.sub(" ", fold(inline_text(anchor) or anchor.attributes.get("title") or "")).split())
        rel = (anchor.attributes.get("rel") or "").lower()
        if rel == "next" or _NEXT_WORDS.match(words) or inline_text(anchor) in ("»", "›", ">", ">>"):
            url = absolute_url(page_url, anchor.attributes.get("href"))
            if url and url != page_url and page_key(url):
                return url
    return None


def script_only_pager(root: LexborNode, regions: list[LexborNode] | None = None) -> bool:
    """A pager whose next pages open only by JavaScript (ASP.NET __doPostBack, onclick handlers)."""
    for anchor in pager_anchors(root, regions):
        href = (anchor.attributes.get("href") or "").strip().lower()
        code = href.removeprefix("javascript:").strip().rstrip(";").strip() if href.startswith("javascript:") else ""
        # "javascript:;" and "void(0)" are disabled links (a last page's "Next"), not a script pager.
        scripted = (code not in ("", "void(0)", "void 0", "false")) or (
            href in ("", "#") and "(" in (anchor.attributes.get("onclick") or ""))
        if not scripted:
            continue
        text = inline_text(anchor)
        words = fold(text)
        if text.isdigit() and int(text) >= 2 or words.split(" ")[0:1] in (["sau"], ["tiep"], ["next"]) \
                or text.strip() in ("»", "›", ">", ">>"):
            return True
    return False


def _signature(node: LexborNode) -> tuple[str, str]:
    """Tag and class words, without per-item words ("post-121", "item-3", "odd"/"even")."""
    words = (node.attributes.get("class") or "").split()
    shared = sorted(w for w in words if not any(c.isdigit() for c in w) and w not in ("odd", "even", "first",
                                                                                     "last", "active"))
    return node.tag or "", " ".join(shared)


class _Repeats:
    """How many siblings share each element's signature, computed once per parent."""

    def __init__(self) -> None:
        self._signatures: dict[int, tuple[str, str]] = {}
        self._counts: dict[int, dict[tuple[str, str], int]] = {}

    def signature(self, node: LexborNode) -> tuple[str, str]:
        found = self._signatures.get(node.mem_id)
        if found is None:
            found = self._signatures[node.mem_id] = _signature(node)
        return found

    def count(self, node: LexborNode, parent: LexborNode) -> int:
        counts = self._counts.get(parent.mem_id)
        if counts is None:
            counts = {}
            for child in element_children(parent):
                key = self.signature(child)
                counts[key] = counts.get(key, 0) + 1
            self._counts[parent.mem_id] = counts
        return counts.get(self.signature(node), 0)


def _item_of(anchor: LexborNode, root: LexborNode, urls_in: Callable[[LexborNode], int],
             repeats: _Repeats) -> LexborNode | None:
    """The anchor's item: the nearest ancestor that repeats among its siblings.

    An item never holds links to more than two different pages (a title and, say, its category):
    a block with more is a list of items, and the climb stops below it. A table cell is never an
    item (its siblings are the other columns): the row is.
    """
    node = anchor
    largest: LexborNode | None = None
    nearest_entry: LexborNode | None = None
    parent = anchor.parent
    if (parent is not None and anchor.css_first("h1, h2, h3, h4, h5, h6, p, div") is not None
            and repeats.count(anchor, parent) >= 2):
        return anchor  # a whole item written as one link (a > h4 title + summary), repeated
    for parent in ancestors(anchor):
        if node.mem_id == root.mem_id:
            break
        if node.tag != "a":
            if urls_in(node) > 2:
                break
            largest = node
            if nearest_entry is None and node.tag in ("li", "article", "tr"):
                nearest_entry = node
            if node.tag not in ("td", "th") and repeats.count(node, parent) >= 2:
                return node
        if parent.mem_id == root.mem_id:
            break
        node = parent
    # A lone item (a listing of one, a featured post): the largest block around it with its title.
    if nearest_entry is not None:
        return nearest_entry
    if largest is not None and largest.tag not in ("body", "main", "th") and (
            largest.css_first("h1, h2, h3, h4, h5") is not None or find_datetimes(inline_text(largest))):
        return largest
    return None


_DATE_HINTS = ("date", "time", "ngay", "posted", "published", "meta", "thoigian", "clock", "calendar")


def _hinted_dates(node: LexborNode) -> datetime | None:
    """A date in an element whose class/id says it holds one ("news-date", "entry-meta", ...)."""
    for child in node.traverse():
        if child.tag in ("-text", "a", "h1", "h2", "h3", "h4"):
            continue
        hints = f"{child.attributes.get('class') or ''} {child.attributes.get('id') or ''}".lower()
        if hints.strip() and any(h in hints for h in _DATE_HINTS):
            moment = parse_datetime(inline_text(child))
            if moment:
                return moment
    return None


def _item_date(item: LexborNode) -> datetime | None:
    """The item's publish date: machine-readable, then a date-like element, then its text
    without its links (a title such as "Kế hoạch ngày 20/11" does not date the post)."""
    for node in item.css("time[datetime]"):
        moment = parse_datetime(node.attributes.get("datetime") or "")
        if moment:
            return moment
    hinted = _hinted_dates(item)
    if hinted:
        return hinted
    text = block_text(item)
    for anchor in item.css("a"):
        label = inline_text(anchor)
        if label:
            text = text.replace(label, " ")
    return parse_datetime(text)


_ELLIPSIS = ("...", "…")


def _title(anchor: LexborNode) -> str:
    """A link's title: its text, or its title attribute when the text is that title shortened."""
    text = inline_text(anchor)
    attribute = clean(anchor.attributes.get("title") or "")
    if not text:
        return attribute
    if text.endswith(_ELLIPSIS) and len(attribute) > len(text):
        stem = fold(text.rstrip(".… "))
        if stem and fold(attribute).startswith(stem):
            return attribute
    return text


def listed_items(root: LexborNode, page_url: str, is_own: Callable[[str], bool], skip: AbstractSet[str]) -> Listing:
    """Posts listed under ``root``: repeated items, each with its title link and date."""
    groups: dict[int, list[tuple[LexborNode, LexborNode, str]]] = defaultdict(list)
    counts: dict[int, int] = {}
    repeats = _Repeats()

    def content_url(anchor: LexborNode) -> str | None:
        url = absolute_url(page_url, anchor.attributes.get("href"))
        if not url or not is_own(url) or is_file_url(url) or url in skip or page_key(url):
            return None
        return url

    urls_of: dict[int, str | None] = {}

    def url_of(anchor: LexborNode) -> str | None:
        if anchor.mem_id not in urls_of:
            urls_of[anchor.mem_id] = content_url(anchor)
        return urls_of[anchor.mem_id]

    def urls_in(node: LexborNode) -> int:
        if node.mem_id not in counts:
            counts[node.mem_id] = len({u for a in node.css("a[href]") if (u := url_of(a))})
        return counts[node.mem_id]

    for anchor in root.css("a[href]"):
        url = url_of(anchor)
        if url is None:
            continue
        item = _item_of(anchor, root, urls_in, repeats)
        if item is None:
            continue
        groups[item.mem_id].append((item, anchor, url))
    result: list[ListedItem] = []
    regions: dict[int, LexborNode] = {}
    seen: set[str] = set()
    for anchors in groups.values():
        item = anchors[0][0]
        # The title is the longest link text of the item.
        _, anchor, url = max(anchors, key=lambda a: len(_title(a[1])))
        title = _title(anchor)
        if len(title.split()) < _MIN_TITLE_WORDS or url in seen:
            continue
        seen.add(url)
        result.append(ListedItem(url=url, title=title, date=_item_date(item), document=_is_document(item, title)))
        holder = item.parent
        if holder is not None and holder.tag == "tbody" and holder.parent is not None:
            holder = holder.parent
        if holder is not None:
            regions.setdefault(holder.mem_id, holder)
    return Listing(result, list(regions.values()))


def article_date(tree: LexborHTMLParser, content: LexborNode | None) -> datetime | None:
    """An article page's publish date: metadata first, then the first date under its title."""
    for selector, attribute in (
        ('meta[property="article:published_time"]', "content"),
        ('meta[itemprop="datePublished"]', "content"),
        ('meta[name="pubdate"]', "content"),
        ('meta[name="publishdate"]', "content"),
        ('meta[name="dc.date"]', "content"),
        ('meta[name="DC.date.issued"]', "content"),
        ("time[datetime]", "datetime"),
        ('[itemprop="datePublished"]', "content"),
    ):
        node = tree.css_first(selector)
        if node is not None:
            moment = parse_datetime(node.attributes.get(attribute) or "")
            if moment:
                return moment
    if content is None:
        return None
    heading = content.css_first("h1") or content.css_first("h2")
    text = block_text(content)
    if heading is not None:
        title = inline_text(heading)
        position = text.find(title) if title else -1
        if position >= 0:
            after = parse_datetime(text[position + len(title):])
            if after:
                return after
    hinted = _hinted_dates(content)
    return hinted or parse_datetime(text)
