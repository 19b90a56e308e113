"""HTML basics over selectolax: parsing, text with tag boundaries, class/id hints, URLs."""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import lru_cache
from urllib.parse import urljoin, urlsplit, urlunsplit

from selectolax.lexbor import LexborHTMLParser, LexborNode

from camthuy_audit.vntext import clean_spaces, fold

BLOCK_TAGS = frozenset(
    "address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3 "
    "h4 h5 h6 header hr li main nav ol p pre section table tbody td th thead tfoot tr ul".split()
)
SKIP_TAGS = frozenset({"script", "style", "noscript", "template", "svg", "iframe", "select", "option"})
_HINT_SPLIT = re.compile(r"[^a-z0-9]+")
_FILE_EXT = re.compile(r"\.(pdf|docx?|xlsx?|pptx?|zip|rar|7z|jpe?g|png|gif|bmp|webp|mp3|mp4|avi|signed)$", re.I)


def parse_html(text: str) -> LexborHTMLParser:
    return LexborHTMLParser(text or "<html></html>")


def _walk_text(root: LexborNode, out: list[str]) -> None:
    """Text of the subtree, newlines around block elements, spaces around inline ones.

    Iterative: a hostile page nested ten thousand levels deep must not exhaust the stack.
    """
    stack: list[LexborNode | str] = list(reversed(list(root.iter(include_text=True))))
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        tag = item.tag
        if tag == "-text":
            out.append(item.text_content or "")
        elif tag in SKIP_TAGS or tag in ("-comment", "img"):
            continue
        else:
            edge = "\n" if tag in BLOCK_TAGS else " "
            out.append(edge)
            stack.append(edge)
            stack.extend(reversed(list(item.iter(include_text=True))))


def block_text(node: LexborNode | None) -> str:
    """Text with one line per block element, spaces at inline tag boundaries."""
    if node is None:
        return ""
    parts: list[str] = []
    _walk_text(node, parts)
    lines = (clean_spaces(line) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


_SKIPPED = ", ".join(sorted(SKIP_TAGS | {"img"}))


def inline_text(node: LexborNode | None) -> str:
    """Text on one line, spaces at tag boundaries."""
    if node is None:
        return ""
    if node.css_first(_SKIPPED) is None:
        # Nothing to leave out: the parser's own text walk (spaces between text nodes) says the same.
        return clean_spaces(node.text(deep=True, separator=" "))
    return clean_spaces(block_text(node).replace("\n", " "))


def hint_tokens(node: LexborNode) -> list[str]:
    """Lower-case words of the class and id attributes ("col-md-6 sidebar_right" -> [...])."""
    attrs = node.attributes
    text = f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()
    return [t for t in _HINT_SPLIT.split(text) if t]


def hint_text(node: LexborNode) -> str:
    attrs = node.attributes
    return f"{attrs.get('class') or ''} {attrs.get('id') or ''}".lower()


def ancestors(node: LexborNode) -> Iterator[LexborNode]:
    current = node.parent
    while current is not None and current.tag not in ("html", "-document"):
        yield current
        current = current.parent


def element_children(node: LexborNode) -> list[LexborNode]:
    return [c for c in node.iter() if c.tag not in ("-text", "-comment")]


def absolute_url(base: str, href: str | None) -> str | None:
    """An absolute http(s) URL without fragment, or None for javascript:, mailto:, tel:, #..."""
    if not href:
        return None
    href = href.strip()
    if not href or href.startswith(("#", "javascript:", "mailto:", "tel:", "data:")):
        return None
    # The same links (menus, footers) come back on every page of a portal: joined once. Only the
    # origin of the base matters for an absolute href or an absolute path.
    if href.startswith(("http://", "https://", "HTTP://", "HTTPS://")):
        base = ""
    elif href.startswith("/") and not href.startswith("//"):
        cut = base.find("/", base.find("//") + 2)
        base = base[:cut] if cut > 0 else base
    return _absolute(base, href)


@lru_cache(maxsize=65_536)
def _absolute(base: str, href: str) -> str | None:
    try:
        url = urljoin(base, href)
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            return None
    except ValueError:
        return None
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", parts.query, ""))


# Words of a click counter's or redirector's URL (a banner's link counted, then sent elsewhere).
_COUNTER_WORD = re.compile(r"^(?:click|clicks|redirect|redir|out|goto|go|link|links|banners?|ads?|adv|advert\w*"
                           r"|quang-?cao|counter|track\w*|weblink|ad[-_]?click)$", re.I)
_WORD_SPLIT = re.compile(r"[/?&=.]+")   # path segments and query names/values, not slug words


def is_click_counter(url: str) -> bool:
    """A link that only counts a click and sends the browser on (by its URL's words)."""
    parts = urlsplit(url)
    words = [w for w in _WORD_SPLIT.split(f"{parts.path}?{parts.query}") if w]
    return any(_COUNTER_WORD.match(w) for w in words)


_HOME_LABELS = frozenset({"trang chu", "trang nha", "home", "home page", "trang dau"})


def is_home_link(label: str) -> bool:
    """A link labelled as the home page ("Trang chủ", "Home")."""
    return fold(label) in _HOME_LABELS


def is_file_url(url: str) -> bool:
    """A document or media file rather than a page."""
    return bool(_FILE_EXT.search(urlsplit(url).path))


def int_attr(value: str | None) -> int | None:
    if not value:
        return None
    match = re.match(r"\s*(\d{1,5})\s*(px)?\s*$", value)
    return int(match.group(1)) if match else None


def style_size(style: str | None, prop: str) -> int | None:
    if not style:
        return None
    match = re.search(rf"(?<![-\w]){prop}\s*:\s*(\d{{1,5}})px", style, re.I)
    return int(match.group(1)) if match else None
