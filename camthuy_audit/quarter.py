"""Audited quarters ("2023-Q1") and Vietnam local time."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

VN_TZ = timezone(timedelta(hours=7), "Asia/Ho_Chi_Minh")
_QUARTER_RE = re.compile(r"^\s*(\d{4})\s*-?\s*Q([1-4])\s*$", re.IGNORECASE)
_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True, order=True)
class Quarter:
    year: int
    number: int

    @classmethod
    def parse(cls, text: str) -> Quarter:
        """Parse "2023-Q1" (also "2023Q1", "2023-q1")."""
        match = _QUARTER_RE.match(text)
        if not match:
            raise ValueError(f"quý không hợp lệ: {text!r} (cần dạng 2023-Q1)")
        return cls(int(match.group(1)), int(match.group(2)))

    @classmethod
    def containing(cls, day: date) -> Quarter:
        return cls(day.year, (day.month - 1) // 3 + 1)

    @property
    def start(self) -> date:
        return date(self.year, 3 * self.number - 2, 1)

    @property
    def end(self) -> date:
        """Last day of the quarter (inclusive)."""
        if self.number == 4:
            return date(self.year, 12, 31)
        return date(self.year, 3 * self.number + 1, 1) - timedelta(days=1)

    @property
    def roman(self) -> str:
        return _ROMAN[self.number]

    @property
    def previous(self) -> Quarter:
        return Quarter(self.year, self.number - 1) if self.number > 1 else Quarter(self.year - 1, 4)

    def __contains__(self, day: object) -> bool:
        if isinstance(day, datetime):
            day = local_date(day)
        return isinstance(day, date) and self.start <= day <= self.end

    def __str__(self) -> str:
        return f"{self.year}-Q{self.number}"


def local_date(moment: datetime) -> date:
    """The Vietnam calendar day of a timestamp (naive timestamps are taken as local)."""
    if moment.tzinfo is None:
        return moment.date()
    return moment.astimezone(VN_TZ).date()
