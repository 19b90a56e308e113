"""Small text helpers shared by the rules: dates for clerks, URL file names, quoted labels."""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime
from urllib.parse import unquote, urlsplit

from camthuy_audit.models import Banner
from camthuy_audit.quarter import Quarter
from camthuy_audit.vntext import clean_spaces, fold, local_day

# Words that say nothing about what a banner is about ("image banner", "logo", "IMG").
_GENERIC_WORDS = frozenset(
    "image images img banner banners baner anh hinh logo icon picture photo thumb thumbnail "
    "click here xem them chi tiet index default home trang chu file upload uploads jpg jpeg png gif "
    "webp svg html htm aspx php".split()
)
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")
_LETTER = re.compile(r"[a-z]")

WHERE_FOUND = {
    "menu": "menu chính",
    "submenu": "menu con",
    "menu_deep": "menu con cấp sâu",
    "banner": "banner",
    "side": "cột bên",
    "page": "nội dung trang chủ",
    "home": "trang chủ",
    "footer": "chân trang",
    "top": "thanh trên cùng",
    "other_nav": "thanh trên/chân trang",
    "sitemap": "sơ đồ trang",
}


def day_text(moment: datetime | date) -> str:
    """A Vietnam-local day as a clerk writes it: "31/03/2023"."""
    return local_day(moment).strftime("%d/%m/%Y")


def quarter_text(quarter: Quarter) -> str:
    """ "quý I/2023 (01/01/2023–31/03/2023)"."""
    return f"quý {quarter.roman}/{quarter.year} ({day_text(quarter.start)}–{day_text(quarter.end)})"


def quoted(text: str) -> str:
    return f"“{clean_spaces(text)}”"


def where_text(found_in: str | None) -> str:
    """Where on the portal a link was found, in Vietnamese."""
    if not found_in:
        return "không rõ vị trí"
    return WHERE_FOUND.get(found_in, found_in)


def last_segment(url: str | None) -> str:
    """The readable name of a URL's last path segment, without extension: "ngay-cds-2022.html" -> "ngay cds 2022".

    Only the last segment: folders such as /uploads/2022/10/ say when a file was uploaded, not what it
    is about. A purely numeric name (an id like 123.jpg) says nothing and gives "".
    """
    if not url:
        return ""
    path = unquote(urlsplit(url).path)
    name = next((part for part in reversed(path.split("/")) if part), "")
    name = _EXTENSION.sub("", name)
    words = re.sub(r"[-_+.]+", " ", unicodedata.normalize("NFC", name)).strip()
    return "" if not _LETTER.search(fold(words)) else words


def is_informative(text: str) -> bool:
    """Whether ``text`` says something beyond generic words and numbers ("image banner" does not)."""
    return any(_LETTER.search(word) and word not in _GENERIC_WORDS for word in fold(text).split())


def sentence(text: str) -> str:
    """``text`` with its first letter in upper case (the rest untouched)."""
    return text[:1].upper() + text[1:]


def _own_texts(banner: Banner) -> list[str]:
    """A banner's alt, title, visible text, and its link's and its image's file names (non-empty)."""
    own = [banner.alt, banner.title, banner.text, last_segment(banner.link_url), last_segment(banner.image_url)]
    return [clean_spaces(t) for t in own if t.strip()]


def banner_texts(banner: Banner) -> list[str]:
    """What a banner says: alt, title, visible text, then its link's and its image's file names; the
    page its link ends at (through a click counter) only when the banner says nothing itself."""
    own = _own_texts(banner)
    target = last_segment(banner.target_url)
    if target and not any(is_informative(t) for t in own):
        own.insert(len(own) - 1 if own else 0, clean_spaces(target))
    return own


def says_nothing(banner: Banner) -> bool:
    """A banner whose alt, title, text and file names name nothing: only its link's end can say."""
    return not any(is_informative(t) for t in _own_texts(banner))


def banner_label(banner: Banner) -> str:
    """The banner's most informative text for the clerk ("image banner" is not)."""
    texts = banner_texts(banner)
    return next((t for t in texts if is_informative(t)), texts[0] if texts else banner.image_url)
