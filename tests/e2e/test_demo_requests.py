"""One `make demo` run, read from the simulated district's own request log: each URL asked once."""

from __future__ import annotations

import csv
from collections import Counter
from pathlib import Path

import pytest

from camthuy_audit import cli


@pytest.fixture(scope="module")
def demo_log(demo_out: Path) -> list[dict[str, str]]:
    log = demo_out / "logs" / cli.SIMULATOR_LOG
    with log.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


def test_demo_asks_each_url_once(demo_log: list[dict[str, str]]) -> None:
    asked = Counter((row["host"], row["target"]) for row in demo_log if row["method"] == "GET")
    twice = {url: n for url, n in asked.items() if n > 1}
    assert not twice, f"{len(twice)} URLs asked more than once, e.g. {sorted(twice.items())[:5]}"
    assert len(asked) > 17 * 20   # the whole district was crawled, not a few home pages


def test_demo_reads_robots_txt_once_per_host(demo_log: list[dict[str, str]]) -> None:
    robots = Counter(row["host"] for row in demo_log if row["target"] == "/robots.txt")
    assert robots and set(robots.values()) == {1}
