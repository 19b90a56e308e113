"""make bench: audit the simulated district with network latency, then again with a warm HTTP cache.

Prints the wall time, requests, bytes received, the peak number of requests in flight per host (as
the simulator saw them, against the per-host limit) and what the conditional re-run cost.

    .venv/bin/python bench/bench.py [--latency 0.05] [--config config/demo.toml] [--quarter 2023-Q1]
"""

from __future__ import annotations

import argparse
import asyncio
import tempfile
import time
from collections import Counter
from pathlib import Path

from camthuy_audit.audit import audit_units
from camthuy_audit.config import Config, load_config
from camthuy_audit.fetch import Fetcher, FetchStats
from camthuy_audit.httpcache import HttpCache
from camthuy_audit.models import UnitResult
from camthuy_audit.quarter import Quarter
from camthuy_audit.simulator import District, RequestRecord


def _config(path: Path, addresses: dict[str, str], cache_dir: Path, overrides: dict[str, object]) -> Config:
    config = load_config(path)
    assert config.district is not None, f"{path} has no district"
    crawl = config.crawl.model_copy(update={"http_cache": True, "cache_dir": str(cache_dir), **overrides})
    district = config.district.model_copy(update={"resolve": addresses, "crawl": crawl})
    return config.model_copy(update={"district": district})


async def _audit(config: Config, quarter: Quarter, cache: HttpCache) -> tuple[list[UnitResult], FetchStats, float]:
    async with Fetcher(config.crawl, resolve=config.resolve, cache=cache) as fetcher:
        started = time.monotonic()
        results = await audit_units(config, quarter, fetcher=fetcher)
        return results, fetcher.stats, time.monotonic() - started


def _report(title: str, stats: FetchStats, wall: float, records: list[RequestRecord], limit: int) -> None:
    statuses = Counter(r.status for r in records)
    peaks = {}
    for record in records:
        peaks[record.host] = max(peaks.get(record.host, 0), record.in_flight)
    print(f"\n{title}")
    print(f"  wall time           {wall:8.1f} s")
    print(f"  requests            {stats.requests:8d}  (simulator saw {len(records)}; "
          + ", ".join(f"{status}: {count}" for status, count in sorted(statuses.items())) + ")")
    print(f"  bytes received      {stats.bytes_received:8,d}")
    print(f"  304 Not Modified    {stats.not_modified:8d}")
    print(f"  retries             {stats.retries:8d}")
    print(f"  peak in flight/host {max(peaks.values(), default=0):8d}  (limit {limit}; "
          f"{sum(1 for p in peaks.values() if p > limit)} hosts over it)")
    for host, peak in sorted(peaks.items()):
        print(f"      {host:<45} {peak}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", default="config/demo.toml")
    parser.add_argument("--quarter", default="2023-Q1")
    parser.add_argument("--latency", type=float, default=0.05, help="seconds the simulator waits per request")
    parser.add_argument("--per-host", type=int, help="per_host_concurrency (default: from the config)")
    parser.add_argument("--min-delay", type=float, help="min_delay (default: from the config)")
    args = parser.parse_args()
    overrides: dict[str, object] = {}
    if args.per_host is not None:
        overrides["per_host_concurrency"] = args.per_host
    if args.min_delay is not None:
        overrides["min_delay"] = args.min_delay
    quarter = Quarter.parse(args.quarter)
    hosts = load_config(args.config).resolve
    with tempfile.TemporaryDirectory(prefix="camthuy-bench-") as tmp, \
            District({host: "127.0.0.1:0" for host in hosts}, latency=args.latency) as district:
        config = _config(Path(args.config), district.addresses, Path(tmp), overrides)
        crawl = config.crawl
        print(f"Simulated district: {len(district.addresses)} hosts, latency {args.latency * 1000:.0f} ms; "
              f"per-host limit {crawl.per_host_concurrency}, min delay {crawl.min_delay:g} s, "
              f"{len(config.units)} units, quarter {quarter}")
        first, stats, wall = asyncio.run(_audit(config, quarter, HttpCache(tmp)))
        first_records = district.request_log
        _report("First run (empty cache)", stats, wall, first_records, crawl.per_host_concurrency)
        second, again, wall_again = asyncio.run(_audit(config, quarter, HttpCache(tmp)))
        _report("Re-run (conditional requests)", again, wall_again, district.request_log[len(first_records):],
                crawl.per_host_concurrency)
        same = [(r.unit_id, r.posts_in_quarter) for r in first] == [(r.unit_id, r.posts_in_quarter) for r in second]
        share = again.bytes_received / stats.bytes_received if stats.bytes_received else 0.0
        print(f"\nRe-run transferred {again.bytes_received:,} of {stats.bytes_received:,} bytes ({share:.1%}); "
              f"same post counts: {'yes' if same else 'NO'}")


if __name__ == "__main__":
    main()
