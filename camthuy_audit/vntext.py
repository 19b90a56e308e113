"""Vietnamese text handling used by every stage: normalisation, folding, matching, dates.

Everything that compares Vietnamese words goes through :func:`fold`, so NFC/NFD forms, case,
missing diacritics and đ/Đ never decide a verdict. Dates are read in Vietnam local time.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from urllib.parse import unquote, urlsplit

from camthuy_audit.quarter import VN_TZ

_NON_WORD = re.compile(r"[^0-9a-z]+")
_SPACES = re.compile(r"\s+")


def clean_spaces(text: str) -> str:
    """NFC text with runs of whitespace (including NBSP) collapsed to one space."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text).replace("\xa0", " ")).strip()


@lru_cache(maxsize=131_072)   # labels and keywords are folded again and again, by every rule
def fold(text: str) -> str:
    """Lower-case ASCII words: "Chuyển Đổi  SỐ!" -> "chuyen doi so"."""
    text = unicodedata.normalize("NFD", text.casefold().replace("đ", "d").replace("Đ", "d"))
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    return _NON_WORD.sub(" ", text).strip()


def expand_abbreviations(folded: str, abbreviations: Mapping[str, str]) -> str:
    """Append the expansion of every abbreviation found ("cds" -> "cds chuyen doi so")."""
    return _expand(folded, _folded_pairs(abbreviations))


def _folded_pairs(abbreviations: Mapping[str, str]) -> tuple[tuple[str, str], ...]:
    return tuple((f" {fold(short)} ", fold(long)) for short, long in abbreviations.items())


def _expand(folded: str, pairs: tuple[tuple[str, str], ...]) -> str:
    if not pairs:
        return folded
    padded = f" {folded} "
    extra = [long for short, long in pairs if short in padded]
    return " ".join([folded, *extra]) if extra else folded


def url_words(url: str) -> str:
    """The words of a URL's host, path and query ("https://pakn.x.gov.vn/chuyen-doi-so" -> "pakn x gov vn chuyen doi so")."""
    parts = urlsplit(url)
    return fold(unquote(f"{parts.hostname or ''} {parts.path} {parts.query}").replace("_", " "))


@dataclass(frozen=True)
class Matcher:
    """Matches folded text against a list of keywords (whole words, abbreviations expanded)."""

    keywords: tuple[str, ...]
    abbreviations: Mapping[str, str]
    _pairs: tuple[tuple[str, str], ...] = ()   # the abbreviations folded once: (" short ", "long")

    @classmethod
    def of(cls, keywords: Iterable[str], abbreviations: Mapping[str, str] | None = None) -> Matcher:
        abbr = {fold(k): v for k, v in (abbreviations or {}).items()}
        folded = tuple(dict.fromkeys(k for k in (fold(w) for w in keywords) if k))
        return cls(folded, abbr, _folded_pairs(abbr))

    def find(self, text: str) -> str | None:
        """The first keyword found in ``text`` (as whole words), or None."""
        haystack = f" {_expand(fold(text), self._pairs or _folded_pairs(self.abbreviations))} "
        for keyword in self.keywords:
            if f" {keyword} " in haystack:
                return keyword
        return None

    def find_in_url(self, url: str) -> str | None:
        """Like :meth:`find`, on a URL's path words; also matches run-together slugs ("chuyendoiso")."""
        words = url_words(url)
        found = self.find(words)
        if found:
            return found
        compact = words.replace(" ", "")
        for keyword in self.keywords:
            squeezed = keyword.replace(" ", "")
            if len(squeezed) >= 6 and squeezed in compact:
                return keyword
        return None


# --- dates -----------------------------------------------------------------------------------

_TIME = r"(?:\D{0,12}?(?P<H>\d{1,2})\s*[:hg]\s*(?P<M>\d{2})(?:\s*:\s*(?P<S>\d{2}))?(?:\s*(?P<ampm>[AaPp][Mm]))?)?"
_DMY = re.compile(
    r"(?<!\d)(?P<d>\d{1,2})\s*[/.\-]\s*(?P<m>\d{1,2})\s*[/.\-]\s*(?P<y>(?:19|20)\d{2})(?!\d)" + _TIME
)
_YMD = re.compile(
    r"(?<!\d)(?P<y>(?:19|20)\d{2})-(?P<m>\d{2})-(?P<d>\d{2})"
    r"(?:[T ](?P<H>\d{2}):(?P<M>\d{2})(?::(?P<S>\d{2})(?:\.\d+)?)?(?P<tz>Z|[+-]\d{2}:?\d{2})?)?"
)
_WORDS = re.compile(
    r"ng[aà]y\s+(?P<d>\d{1,2})\s+th[aá]ng\s+(?P<m>\d{1,2})\s+n[aă]m\s+(?P<y>(?:19|20)\d{2})", re.IGNORECASE
)
_YEAR = re.compile(r"(?<![\d/])(?:19|20)\d{2}(?![\d/])")


def _build(y: str, m: str, d: str, hh: str | None, mm: str | None, ss: str | None, ampm: str | None = None,
           tz: str | None = None) -> datetime | None:
    try:
        hour = int(hh) if hh else 0
        if ampm:
            hour = hour % 12 + (12 if ampm.lower() == "pm" else 0)
        moment = datetime(int(y), int(m), int(d), hour, int(mm or 0), int(ss or 0))
    except ValueError:
        return None
    if tz:
        text = "+00:00" if tz == "Z" else tz
        sign = 1 if text[0] == "+" else -1
        digits = text[1:].replace(":", "")
        offset = sign * (int(digits[:2]) * 60 + int(digits[2:4]))
        from datetime import timedelta, timezone

        moment = moment.replace(tzinfo=timezone(timedelta(minutes=offset))).astimezone(VN_TZ)
        return moment
    return moment.replace(tzinfo=VN_TZ)


def find_datetimes(text: str) -> list[datetime]:
    """Every date (with time when given) in ``text``, in order, as Vietnam-local aware datetimes."""
    text = unicodedata.normalize("NFC", text)
    found: list[tuple[int, datetime]] = []
    for match in _YMD.finditer(text):
        g = match.groupdict()
        moment = _build(g["y"], g["m"], g["d"], g["H"], g["M"], g["S"], tz=g["tz"])
        if moment:
            found.append((match.start(), moment))
    for match in _DMY.finditer(text):
        g = match.groupdict()
        moment = _build(g["y"], g["m"], g["d"], g["H"], g["M"], g["S"], g["ampm"])
        if moment:
            found.append((match.start(), moment))
    for match in _WORDS.finditer(text):
        moment = _build(match["y"], match["m"], match["d"], None, None, None)
        if moment:
            found.append((match.start(), moment))
    found.sort(key=lambda pair: pair[0])
    return [moment for _, moment in found]


def parse_datetime(text: str) -> datetime | None:
    """The first date in ``text``, or None."""
    found = find_datetimes(text)
    return found[0] if found else None


def local_day(moment: datetime | date) -> date:
    if isinstance(moment, datetime):
        return moment.astimezone(VN_TZ).date() if moment.tzinfo else moment.date()
    return moment


def years_in(text: str) -> list[int]:
    """Four-digit years (1900-2099) mentioned in ``text``, also inside dates like 20/11/2022."""
    years = [int(y) for y in _YEAR.findall(text)]
    years += [m.year for m in find_datetimes(text)]
    return sorted(set(years))


# --- contacts --------------------------------------------------------------------------------

_PHONE = re.compile(r"(?<![\d\w])(?:\+84|\(?0)\d{1,4}\)?(?:[\s.\-]?\d){6,9}(?!\d)")
_EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def find_phones(text: str) -> list[str]:
    """Vietnamese phone numbers (0237.3876.xxx, (0237) 3876 xxx, 0912 345 678, +84 ...)."""
    phones = []
    for match in _PHONE.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 9 <= len(digits) <= 12:
            phones.append(match.group().strip())
    return phones


def find_emails(text: str) -> list[str]:
    return [m.group() for m in _EMAIL.finditer(text.replace("[at]", "@").replace("(at)", "@"))]
