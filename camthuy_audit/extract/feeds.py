"""Feeds and sitemaps: publish dates a portal gives for its posts without opening each article.

RSS 2.0 (pubDate), Atom (published/updated) and news sitemaps (news:publication_date) give
publish dates. A plain sitemap's lastmod is a modification date, so it is never taken as one.
Parsed with defusedxml: a feed is untrusted input.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from email.utils import parsedate_to_datetime

from defusedxml import ElementTree
from selectolax.lexbor import LexborHTMLParser

from camthuy_audit.extract.html import absolute_url
from camthuy_audit.quarter import VN_TZ
from camthuy_audit.vntext import parse_datetime

_FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")


@dataclass(frozen=True)
class FeedEntry:
    url: str
    title: str
    published: datetime


def feed_links(html: str, base: str) -> list[str]:
    """Feeds the page announces (<link rel="alternate" type="application/rss+xml">)."""
    tree = LexborHTMLParser(html)
    found = []
    for link in tree.css('link[rel="alternate"]'):
        kind = (link.attributes.get("type") or "").lower()
        url = absolute_url(base, link.attributes.get("href"))
        if url and kind in _FEED_TYPES and url not in found:
            found.append(url)
    return found


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def _child_text(node: ElementTree.Element, *names: str) -> str:
    for child in node:
        if _local(child.tag) in names:
            if _local(child.tag) == "link" and child.get("href"):
                return child.get("href") or ""
            return (child.text or "").strip()
    return ""


def _date(text: str) -> datetime | None:
    if not text:
        return None
    try:
        moment = parsedate_to_datetime(text)  # RFC 822, as in RSS
    except (TypeError, ValueError, IndexError):
        return parse_datetime(text)
    if moment.tzinfo is None:
        return moment.replace(tzinfo=VN_TZ)
    return moment.astimezone(VN_TZ)


def parse_feed(text: str, base: str) -> list[FeedEntry]:
    """Entries of an RSS, Atom or news-sitemap document; [] when it is not one."""
    try:
        root = ElementTree.fromstring(text.encode("utf-8"))
    except Exception:  # malformed or hostile XML: no entries
        return []
    entries: list[FeedEntry] = []
    for node in root.iter():
        kind = _local(node.tag)
        if kind == "item":           # RSS
            url, title = _child_text(node, "link"), _child_text(node, "title")
            published = _date(_child_text(node, "pubdate", "date"))
        elif kind == "entry":        # Atom
            url, title = _child_text(node, "link"), _child_text(node, "title")
            published = _date(_child_text(node, "published", "issued", "updated"))
        elif kind == "url":          # sitemap: only news:publication_date is a publish date
            url = _child_text(node, "loc")
            news = next((n for n in node.iter() if _local(n.tag) == "publication_date"), None)
            published = _date((news.text or "").strip()) if news is not None else None
            title = ""
        else:
            continue
        absolute = absolute_url(base, url)
        if absolute and published:
            entries.append(FeedEntry(absolute, title, published))
    return entries
