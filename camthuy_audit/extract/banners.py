"""Banners: image links (and unlinked images in side columns) with their zone and size.

Not banners: logos, icons and counters, images inside the main menu, post thumbnails (an image
whose link is repeated as a text link in the same item), pictures linking to image files.
"""

from __future__ import annotations

from selectolax.lexbor import LexborHTMLParser, LexborNode

from camthuy_audit.extract.html import absolute_url, ancestors, hint_text, inline_text, int_attr, style_size
from camthuy_audit.extract.layout import Layout
from camthuy_audit.models import Banner

_NOT_BANNER_HINTS = ("logo", "icon", "counter", "avatar", "flag", "captcha", "emoji", "social", "thumb-news",
                     "poll")
_IMAGE_EXT = (".jpg", ".jpeg", ".png", ".gif", ".webp", ".bmp")
_TINY = 40


def _link_of(image: LexborNode) -> LexborNode | None:
    for index, node in enumerate(ancestors(image)):
        if node.tag == "a":
            return node
        if index >= 3:
            break
    return None


_ITEM_LINKS = 4   # an item of a post list holds a few links (picture, title, category); a widget area many


def _is_thumbnail(link: LexborNode, href: str | None) -> bool:
    """The same target is also linked with text in the same item: a post list's thumbnail.

    The item is the nearest block around the picture that holds other links; a block holding many
    (a widget area with a text list linking the same page) is not one item.
    """
    if not href:
        return False
    container = link
    for _ in range(3):
        if container.parent is None:
            break
        container = container.parent
        anchors = container.css("a")
        if len(anchors) <= 1:
            continue
        if len(anchors) > _ITEM_LINKS:
            return False
        return any(other.mem_id != link.mem_id and other.attributes.get("href") == href and inline_text(other)
                   for other in anchors)
    return False


def _size(image: LexborNode) -> tuple[int | None, int | None]:
    attrs = image.attributes
    width = int_attr(attrs.get("width")) or style_size(attrs.get("style"), "width")
    height = int_attr(attrs.get("height")) or style_size(attrs.get("style"), "height")
    return width, height


def find_banners(tree: LexborHTMLParser, layout: Layout, base: str, menu_node: LexborNode | None) -> list[Banner]:
    body = tree.body
    if body is None:
        return []
    banners: list[Banner] = []
    seen: set[tuple[str, str | None]] = set()
    for image in body.css("img"):
        src = image.attributes.get("src") or image.attributes.get("data-src")
        image_url = absolute_url(base, src)
        if not image_url:
            continue
        hints = " ".join([hint_text(image), image_url.lower(), *(hint_text(a) for a in list(ancestors(image))[:2])])
        if any(h in hints for h in _NOT_BANNER_HINTS):
            continue
        if menu_node is not None and any(a.mem_id == menu_node.mem_id for a in ancestors(image)):
            continue
        width, height = _size(image)
        if (width is not None and width < _TINY) or (height is not None and height < _TINY):
            continue
        zone = layout.zone(image)
        link = _link_of(image)
        href = link.attributes.get("href") if link is not None else None
        link_url = absolute_url(base, href)
        if link is not None:
            if inline_text(link) and len(inline_text(link)) > 60:
                continue  # a text link with an inline picture
            if _is_thumbnail(link, href):
                continue
            if link_url and link_url.lower().endswith(_IMAGE_EXT):
                continue  # a picture opening its full-size file
        elif zone not in ("left", "right", "top"):
            continue  # unlinked pictures in the main column are content, not banners
        key = (image_url, link_url)
        if key in seen:
            continue
        seen.add(key)
        banners.append(Banner(
            image_url=image_url,
            alt=image.attributes.get("alt") or "",
            title=image.attributes.get("title") or (link.attributes.get("title") or "" if link is not None else ""),
            text=inline_text(link) if link is not None else "",
            link_url=link_url,
            zone=zone,
            width=width,
            height=height,
            size_source="html" if width and height else "unknown",
        ))
    return banners
