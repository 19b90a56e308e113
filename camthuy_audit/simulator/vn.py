"""Vietnamese text and time helpers for the simulated portals (slugs, dates, weekdays)."""

from __future__ import annotations

import re
import unicodedata
from datetime import datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "ICT")

# The simulated "today" of the audit (a Wednesday); nothing is published after NOW.
NOW = datetime(2023, 4, 12, 7, 45, tzinfo=VN_TZ)
Q1_START = datetime(2023, 1, 1, 0, 0, tzinfo=VN_TZ)
Q1_END = datetime(2023, 4, 1, 0, 0, tzinfo=VN_TZ)  # exclusive

_WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Return text without diacritics (đ -> d), keeping case."""
    text = text.replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def slugify(text: str) -> str:
    """Return the URL slug of a label: no diacritics, lower case, hyphenated."""
    return _NON_WORD.sub("-", fold(text).lower()).strip("-")


def capitalize(text: str) -> str:
    """Upper-case the first letter only (Vietnamese-safe)."""
    return text[:1].upper() + text[1:]


def in_q1(moment: datetime) -> bool:
    return Q1_START <= moment < Q1_END


def weekday(moment: datetime) -> str:
    return _WEEKDAYS[moment.weekday()]


def fmt_date(moment: datetime) -> str:
    return moment.strftime("%d/%m/%Y")


def fmt_datetime(moment: datetime, *, seconds: bool = True) -> str:
    return moment.strftime("%d/%m/%Y %H:%M:%S" if seconds else "%d/%m/%Y %H:%M")


def fmt_today_bar(moment: datetime) -> str:
    """The date shown in a portal's top bar: 'Thứ tư, 12/04/2023'."""
    return f"{weekday(moment)}, {fmt_date(moment)}"


def nukeviet_detail_date(moment: datetime) -> str:
    """NukeViet's article date: 'Thứ tư - 28/04/2021 05:21'."""
    return f"{weekday(moment)} - {fmt_datetime(moment, seconds=False)}"
