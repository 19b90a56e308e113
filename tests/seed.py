"""The real Q1-2023 notice (tests/data/dispatch-2023-Q1.txt) read as data: our target output."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

SEED = Path(__file__).parent / "data" / "dispatch-2023-Q1.txt"


def _key(name: str) -> str:
    """Unit names compared without case or the UBND xã / thị trấn prefix ("UBND Xã Cẩm Thạch")."""
    name = unicodedata.normalize("NFC", name).casefold()
    return re.sub(r"^ubnd\s+(xã|thị trấn)\s+", "", name).strip()


@dataclass
class Seed:
    appendix1: dict[str, list[str]]    # unit key -> ten marks
    posts: dict[str, int]              # unit key -> posts in Q1
    stale_banner: set[str]
    stale_category: set[str]
    total: int


def load_seed() -> Seed:
    text = unicodedata.normalize("NFC", SEED.read_text(encoding="utf-8"))
    part1, part2 = text.split("PHỤ LỤC 2", 1)
    appendix1: dict[str, list[str]] = {}
    for line in part1.splitlines():
        cells = line.split("\t")
        if len(cells) == 12 and cells[0].isdigit():
            appendix1[_key(cells[1])] = cells[2:]
    posts: dict[str, int] = {}
    stale_banner, stale_category = set(), set()
    total = 0
    for line in part2.splitlines():
        cells = line.split("\t")
        if len(cells) >= 3 and cells[0].isdigit():
            key = _key(cells[1])
            posts[key] = int(cells[2])
            if len(cells) > 3 and cells[3].strip() == "x":
                stale_banner.add(key)
            if len(cells) > 4 and cells[4].strip() == "x":
                stale_category.add(key)
        elif cells and cells[0].startswith("Tổng"):
            total = int(cells[-1] if cells[-1].strip() else cells[2])
    return Seed(appendix1, posts, stale_banner, stale_category, total)


unit_key = _key
