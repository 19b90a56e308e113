"""Politeness against the simulated district: per-host concurrency, minimum delay, conditional re-runs."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path

import pytest

from camthuy_audit.audit import audit_units
from camthuy_audit.config import Config, CrawlSettings, load_config
from camthuy_audit.fetch import Fetcher, FetchStats
from camthuy_audit.httpcache import HttpCache
from camthuy_audit.models import UnitResult
from camthuy_audit.quarter import Quarter

ROOT = Path(__file__).resolve().parents[2]
DEMO_CONFIG = ROOT / "config" / "demo.toml"
Q1 = Quarter.parse("2023-Q1")
UNITS = ("camquy", "camphu", "camlien")


@pytest.fixture(scope="module")
def district() -> Iterator[object]:
    from camthuy_audit.simulator import District

    demo = load_config(DEMO_CONFIG)
    hosts = [h for u in demo.units if u.id in UNITS for h in u.hosts]
    with District({h: "127.0.0.1:0" for h in hosts}, latency=0.05) as running:
        yield running


def _config(district: object, crawl: CrawlSettings) -> Config:
    config = load_config(DEMO_CONFIG)
    assert config.district is not None
    units = [u for u in config.units if u.id in UNITS]
    changed = config.district.model_copy(update={"resolve": district.addresses, "units": units,  # type: ignore[attr-defined]
                                                 "crawl": crawl})
    return config.model_copy(update={"district": changed})


def _audit(config: Config, cache: HttpCache | None) -> tuple[list[UnitResult], FetchStats]:
    async def go() -> tuple[list[UnitResult], FetchStats]:
        async with Fetcher(config.crawl, resolve=config.resolve, cache=cache) as fetcher:
            return await audit_units(config, Q1, fetcher=fetcher), fetcher.stats

    return asyncio.run(go())


def _marks(results: list[UnitResult]) -> dict[str, object]:
    return {r.unit_id: ({c: v.mark for c, v in r.verdicts.items()}, r.posts_in_quarter) for r in results}


def test_no_host_serves_more_than_the_per_host_limit(district) -> None:  # type: ignore[no-untyped-def]
    limit = CrawlSettings().per_host_concurrency
    assert limit == 2
    before = len(district.request_log)
    # No minimum delay here, so that the crawler pushes against the limit as hard as it can.
    _audit(_config(district, CrawlSettings(min_delay=0.0, http_cache=False)), None)
    records = district.request_log[before:]
    peaks = {h: max(r.in_flight for r in records if r.host == h) for h in {r.host for r in records}}
    print(f"\npeak requests in flight per host (limit {limit}): {peaks}")
    assert all(peak <= limit for peak in peaks.values()), peaks
    assert max(peaks.values()) == limit  # the limit was reached, so the test had teeth


def test_a_rerun_makes_conditional_requests_and_transfers_far_fewer_bytes(district, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    config = _config(district, CrawlSettings(min_delay=0.0, cache_dir=str(tmp_path / "http")))
    first, first_stats = _audit(config, HttpCache(tmp_path / "http"))
    before = len(district.request_log)
    second, second_stats = _audit(config, HttpCache(tmp_path / "http"))
    not_modified = sum(1 for r in district.request_log[before:] if r.status == 304)
    print(f"\nfirst run:  {first_stats.requests} requests, {first_stats.bytes_received:,} bytes"
          f"\nre-run:     {second_stats.requests} requests, {second_stats.bytes_received:,} bytes, "
          f"{not_modified} answered 304 Not Modified")
    assert _marks(second) == _marks(first)
    assert second_stats.not_modified == not_modified > 0.8 * second_stats.requests
    assert second_stats.bytes_received < 0.1 * first_stats.bytes_received
    assert (tmp_path / "http" / ".gitignore").read_text().strip().endswith("*")
