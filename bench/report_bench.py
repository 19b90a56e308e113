"""The staff report at province scale: 170 units, its size and how long headless Chromium takes to open it.

The 17 units of the simulated district are audited once (real verdicts with real evidence), then
copied ten times under new ids and names to make 170 units; no portal is crawled again.

    .venv/bin/python bench/report_bench.py [--units 170]

Prints ``report_units: N size_mb: S open_s: T`` (open: from navigation to the page's script having
run, median of three loads in headless Chromium).
"""

from __future__ import annotations

import argparse
import asyncio
import shutil
import statistics
import sys
import tempfile
import time
from datetime import date, datetime
from pathlib import Path

from camthuy_audit.aggregate import build_notice
from camthuy_audit.audit import audit_units
from camthuy_audit.config import Config, Unit, load_config
from camthuy_audit.models import UnitResult
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.render import write_report
from camthuy_audit.report import build_report
from camthuy_audit.simulator import District

ROOT = Path(__file__).resolve().parent.parent
QUARTER = Quarter(2023, 1)
ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
        "--disable-component-update", "--disable-sync"]


def district_results() -> tuple[Config, list[UnitResult]]:
    config = load_config(ROOT / "config" / "demo.toml")
    with District({host: "127.0.0.1:0" for host in config.resolve}) as district:
        assert config.district is not None
        crawl = config.crawl.model_copy(update={"http_cache": False})
        live = config.model_copy(update={"district": config.district.model_copy(
            update={"resolve": dict(district.addresses), "crawl": crawl})})
        return live, asyncio.run(audit_units(live, QUARTER))


def scaled(config: Config, results: list[UnitResult], count: int) -> tuple[Config, list[UnitResult]]:
    units: list[Unit] = []
    copies: list[UnitResult] = []
    by_id = {r.unit_id: r for r in results}
    for n in range(count):
        unit = config.units[n % len(config.units)]
        copy_id = f"{unit.id}-{n // len(config.units) + 1}"
        name = f"{unit.name} ({n // len(config.units) + 1})"
        units.append(unit.model_copy(update={"id": copy_id, "name": name}))
        copies.append(by_id[unit.id].model_copy(update={"unit_id": copy_id, "name": name}))
    assert config.district is not None
    district = config.district.model_copy(update={"units": units})
    return config.model_copy(update={"district": district}), copies


def open_seconds(path: Path) -> float:
    from playwright.sync_api import sync_playwright

    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("report_bench needs chromium (apt-get install chromium)")
    times = []
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=ARGS)
        for _ in range(3):
            page = browser.new_page()
            started = time.perf_counter()
            page.goto(path.as_uri(), wait_until="load")
            page.wait_for_function("document.getElementById('f-count').textContent.length > 0")
            times.append(time.perf_counter() - started)
            page.close()
        browser.close()
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--units", type=int, default=170)
    args = parser.parse_args(argv)
    config, results = district_results()
    config, results = scaled(config, results, args.units)
    notice = build_notice(results, config, QUARTER, run_date=date(2023, 4, 12))
    with tempfile.TemporaryDirectory() as folder:
        started = time.perf_counter()
        report = build_report(notice, results, config, QUARTER, generated_at=datetime.now(VN_TZ))
        path = write_report(report, Path(folder))
        built = time.perf_counter() - started
        size = path.stat().st_size
        opened = open_seconds(path)
    print(f"report of {args.units} units: built in {built:.2f} s, {size:,} bytes")
    print(f"report_units: {args.units} size_mb: {size / 1e6:.2f} open_s: {opened:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
