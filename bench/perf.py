"""make bench: the auditor against the physical limit, a generic crawler, and a whole country.

Every simulated portal is served under its own host name by the simulator in a separate process
(`python -m camthuy_audit.simulator vhost`: one port, dispatched by Host header, each answer after
an injected latency, default 100 ms). Politeness as the issue asks: 2 requests in flight per host,
no delay between requests (the real default delay stays in config/district.toml: this only
measures the crawler against the bound). Our audit runs in its own process too, so its CPU time
and peak RSS are its own.

1. our full quarterly audit of the simulated district (run through the history store, as `run`
   does), timed; requests counted from the simulator's own request log;
2. the latency bound: per host, requests × latency ÷ concurrency, and the longest chain of requests
   that wait on each other (robots.txt, home page, a listing's pages one after another, an article
   read for its date) × latency; the bound is the larger, over all hosts;
3. the minimal request set, computed by the simulator from its own content, and ours over it (with
   the bound of the minimal set, for reference);
4. a Scrapy CrawlSpider on the same district, latency and politeness (bench/scrapy_peer.py, needs the
   `bench` extra: pip install -e '.[bench]');
5. a national run: N generated portals (default 3,300), one run, wall time, requests per second,
   CPU seconds and peak RSS of our process.

    .venv/bin/python bench/perf.py [--latency 0.1] [--per-host 2] [--national 3300] [--skip-scrapy]

It prints a table and ends with the four lines the issue names (wall_over_bound, requests_over_minimum,
wall_over_scrapy_full_crawl, national_portals ...).
"""

from __future__ import annotations

import argparse
import asyncio
import csv
import json
import os
import resource
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
QUARTER = "2023-Q1"


# --- the simulator, in its own process ------------------------------------------------------------


class Simulator:
    def __init__(self, world: list[str], latency: float, folder: Path, *, minimal: bool = True) -> None:
        self.ready_path = folder / "ready.json"
        self.log_path = folder / "requests.tsv"
        command = [sys.executable, "-m", "camthuy_audit.simulator", "vhost", *world, "--latency", str(latency),
                   "--ready", str(self.ready_path), "--log", str(self.log_path)]
        if not minimal:
            command.append("--no-minimal")
        self.process = subprocess.Popen(command, cwd=REPO)
        deadline = time.monotonic() + 300
        while not self.ready_path.exists():
            if self.process.poll() is not None:
                raise SystemExit(f"the simulator stopped: {' '.join(command)}")
            if time.monotonic() > deadline:
                self.process.kill()
                raise SystemExit("the simulator did not start within 300 s")
            time.sleep(0.2)
        self.ready = json.loads(self.ready_path.read_text(encoding="utf-8"))
        self.address: str = self.ready["address"]

    def requests(self) -> list[tuple[str, str]]:
        """(host, target) of every request answered so far, from the simulator's log (stops it)."""
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=120)
        with self.log_path.open(encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle, delimiter="\t"))
        return [(row["host"], row["target"]) for row in rows]


# --- bounds -----------------------------------------------------------------------------------------


def chain_length(targets: list[str]) -> int:
    """Requests that wait on each other on one host: robots.txt, the home page, then a listing's pages
    one after another (the longest listing read), then an article read for its date, if any."""
    from camthuy_audit.extract.listing import page_key

    deepest = 1
    for target in targets:
        key = page_key("http://h" + target)
        if key is not None:
            deepest = max(deepest, key[1])
    article = any(t.endswith((".html", ".htm")) and "page" not in t for t in targets)
    return 2 + deepest + (1 if article else 0)


def latency_bound(per_host: dict[str, list[str]], latency: float, concurrency: int) -> tuple[float, str]:
    """The larger of requests × latency ÷ concurrency and chain × latency, over hosts; and its host."""
    worst, where = 0.0, ""
    for host, targets in per_host.items():
        bound = max(len(targets) * latency / concurrency, chain_length(targets) * latency)
        if bound > worst:
            worst, where = bound, host
    return worst, where


# --- our audit, in its own process --------------------------------------------------------------------


def audit_child(spec_path: Path) -> None:
    """Run one quarterly audit as `run` does (history store, results streamed to it) and print its figures."""
    from camthuy_audit.config import Unit, load_config
    from camthuy_audit.quarter import Quarter
    from camthuy_audit.rules import APPENDIX1_IDS
    from camthuy_audit.runs import run_quarter
    from camthuy_audit.store import Store

    spec = json.loads(spec_path.read_text(encoding="utf-8"))
    config = load_config(REPO / "config" / "demo.toml")
    assert config.district is not None
    crawl = config.district.crawl.model_copy(update={
        "per_host_concurrency": spec["per_host"], "min_delay": 0.0, "http_cache": False})
    units = [Unit(**u) for u in spec["units"]] if spec.get("units") else config.district.units
    district = config.district.model_copy(update={"crawl": crawl, "resolve": spec["resolve"], "units": units})
    config = config.model_copy(update={"district": district})
    done = 0

    def on_done(_result: object) -> None:
        nonlocal done, last
        done += 1
        now = time.monotonic()
        if spec.get("progress") and now - last > 30:
            last = now
            print(f"  ... {done}/{len(units)} portals, {now - started:.0f} s", file=sys.stderr, flush=True)

    with tempfile.TemporaryDirectory(prefix="camthuy-perf-") as folder, Store(Path(folder) / "h.sqlite") as store:
        started = time.monotonic()
        last = started
        cpu = time.process_time()
        asyncio.run(run_quarter(config, Quarter.parse(QUARTER), store, on_done=on_done))
        wall = time.monotonic() - started
        cpu = time.process_time() - cpu
        peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss   # before the figures are read back
        results = store.quarter_results(Quarter.parse(QUARTER))
    from camthuy_audit.parsing import usage

    print(json.dumps({"wall_s": wall, "cpu_s": cpu, "peak_rss_mb": peak_kb / 1024, "units": len(results),
                      "parser_cpu_s": usage["cpu_s"], "parser_peak_rss_mb": usage["peak_rss_mb"],
                      "parsers": usage["workers"],
                      "posts": {r.unit_id: r.posts_in_quarter for r in results},
                      "marks": {r.unit_id: "".join(r.mark(c) for c in APPENDIX1_IDS) for r in results},
                      "reachable": sum(1 for r in results if r.reachable)}))


def run_audit(spec: dict[str, object], folder: Path) -> dict[str, object]:
    path = folder / "spec.json"
    path.write_text(json.dumps(spec), encoding="utf-8")
    done = subprocess.run([sys.executable, __file__, "--audit-child", str(path)], cwd=REPO, text=True,
                          stdout=subprocess.PIPE, timeout=3600)
    if done.returncode != 0:
        raise SystemExit(f"our audit failed (exit {done.returncode})")
    return json.loads(done.stdout.strip().splitlines()[-1])


# --- the district ---------------------------------------------------------------------------------------


def by_host(rows: list[tuple[str, str]]) -> dict[str, list[str]]:
    grouped: dict[str, list[str]] = defaultdict(list)
    for host, target in rows:
        grouped[host].append(target)
    return grouped


def per_portal(rows: list[tuple[str, str]], ready: dict[str, Any]) -> dict[str, list[str]]:
    """Targets by the unit's main host (an alias counts with its portal)."""
    main = {unit["id"]: unit["host"] for unit in ready["units"]}
    owner = {host: main[unit_id] for host, unit_id in ready["hosts"].items()}
    grouped: dict[str, list[str]] = defaultdict(list)
    for host, target in rows:
        grouped[owner.get(host, host)].append(target)
    return grouped


def scrapy_peer(sim: Simulator, per_host: int, folder: Path) -> dict[str, object]:
    hosts: dict[str, list[str]] = defaultdict(list)  # unit id -> its host names, the main one first
    for host, unit_id in sim.ready["hosts"].items():
        hosts[unit_id].append(host)
    portals = [{"id": unit["id"], "url": unit["url"], "hosts": hosts[unit["id"]]} for unit in sim.ready["units"]]
    targets = folder / "targets.json"
    targets.write_text(json.dumps({"resolve": {h: sim.address for h in sim.ready["hosts"]}, "portals": portals}),
                       encoding="utf-8")
    out = folder / "scrapy.json"
    done = subprocess.run([sys.executable, str(REPO / "bench" / "scrapy_peer.py"), "--targets", str(targets),
                           "--out", str(out), "--per-host", str(per_host), "--log-level", "WARNING"],
                          cwd=REPO, text=True, timeout=3600)
    if done.returncode != 0 or not out.exists():
        raise SystemExit("the Scrapy peer failed: is the bench extra installed? pip install -e '.[bench]'")
    return json.loads(out.read_text(encoding="utf-8"))


def district_bench(args: argparse.Namespace, folder: Path) -> dict[str, float]:
    from camthuy_audit.simulator import district_minimal_requests

    world = ["--district", QUARTER]
    sim = Simulator(world, args.latency, folder)
    try:
        ours = run_audit({"resolve": {h: sim.address for h in sim.ready["hosts"]}, "per_host": args.per_host}, folder)
    finally:
        rows = sim.requests()
    ours_by_host = by_host(rows)
    bound, bound_host = latency_bound(ours_by_host, args.latency, args.per_host)
    minimal = district_minimal_requests(QUARTER)
    minimal_bound, _ = latency_bound(minimal, args.latency, args.per_host)
    ours_total, minimal_total = len(rows), sum(len(t) for t in minimal.values())
    portal_rows = per_portal(rows, sim.ready)
    truth = {u["id"]: u["posts"] for u in sim.ready["units"]}
    posts_right = sum(1 for unit_id, posts in ours["posts"].items() if truth.get(unit_id) == posts)  # type: ignore[union-attr]

    print(f"\nSimulated district: {len(sim.ready['units'])} portals ({len(sim.ready['hosts'])} host names), latency "
          f"{args.latency * 1000:.0f} ms, {args.per_host} per host, no delay")
    print(f"{'':34}{'ours':>10}{'minimal':>10}{'ratio':>8}")
    print(f"{'requests':34}{ours_total:>10}{minimal_total:>10}{ours_total / minimal_total:>8.2f}")
    print(f"{'latency bound (s)':34}{bound:>10.2f}{minimal_bound:>10.2f}{bound / minimal_bound:>8.2f}")
    print(f"{'wall time (s)':34}{ours['wall_s']:>10.2f}")
    print(f"{'CPU time of our process (s)':34}{ours['cpu_s']:>10.2f}  (+ {ours['parser_cpu_s']:.2f} s in "
          f"{ours['parsers']} parser processes)")
    print(f"{'post counts equal to the truth':34}{posts_right:>10}/{len(truth)}")
    print(f"  busiest portal (sets our bound): {bound_host} ({len(ours_by_host[bound_host])} requests)")
    worst = sorted(portal_rows, key=lambda h: len(portal_rows[h]) - len(minimal.get(h, [])), reverse=True)[:3]
    for host in worst:
        extra = Counter(portal_rows[host]) - Counter(minimal.get(host, []))
        print(f"  {host}: {len(portal_rows[host])} requests, minimal {len(minimal.get(host, []))}; beyond it e.g. "
              + ", ".join(list(extra)[:4]))
    result = {"wall": float(ours["wall_s"]), "bound": bound, "minimal_bound": minimal_bound,  # type: ignore[arg-type]
              "requests": ours_total, "minimal": minimal_total}
    if not args.skip_scrapy:
        peer_folder = folder / "scrapy"
        peer_folder.mkdir(exist_ok=True)
        sim = Simulator(world, args.latency, peer_folder, minimal=False)
        try:
            peer = scrapy_peer(sim, args.per_host, peer_folder)
        finally:
            peer_rows = sim.requests()
        print(f"{'Scrapy CrawlSpider requests':34}{len(peer_rows):>10}{'':>10}{len(peer_rows) / minimal_total:>8.2f}")
        print(f"{'Scrapy CrawlSpider wall time (s)':34}{float(peer['wall_s']):>10.2f}")  # type: ignore[arg-type]
        result["scrapy_wall"] = float(peer["wall_s"])  # type: ignore[arg-type]
        result["scrapy_requests"] = len(peer_rows)
    return result


def national_bench(args: argparse.Namespace, folder: Path) -> dict[str, float]:
    world = ["--national", str(args.national)]
    national = folder / "national"
    national.mkdir(exist_ok=True)
    sim = Simulator(world, args.latency, national, minimal=False)
    try:
        units = [{"id": u["id"], "name": u["name"], "url": u["url"]} for u in sim.ready["units"]]
        print(f"\nNational run: {len(units)} generated portals, latency {args.latency * 1000:.0f} ms, "
              f"{args.per_host} per host, no delay ...", flush=True)
        ours = run_audit({"resolve": {h: sim.address for h in sim.ready["hosts"]}, "per_host": args.per_host,
                          "units": units, "progress": True}, national)
    finally:
        rows = sim.requests()
    truth = {u["id"]: u["posts"] for u in sim.ready["units"]}
    posts_right = sum(1 for unit_id, posts in ours["posts"].items() if truth.get(unit_id) == posts)  # type: ignore[union-attr]
    all_pass = sum(1 for marks in ours["marks"].values() if marks == "x" * 10)  # type: ignore[union-attr]
    wall = float(ours["wall_s"])  # type: ignore[arg-type]
    print(f"{'portals audited (reachable)':34}{ours['units']:>10} ({ours['reachable']})")
    print(f"{'wall time (s)':34}{wall:>10.1f}")
    print(f"{'requests':34}{len(rows):>10}  ({len(rows) / wall:.0f} per second)")
    print(f"{'CPU time of our process (s)':34}{float(ours['cpu_s']):>10.1f}  (+ {ours['parser_cpu_s']:.1f} s "  # type: ignore[arg-type]
          f"in {ours['parsers']} parser processes)")
    print(f"{'peak RSS of our process (MB)':34}{float(ours['peak_rss_mb']):>10.0f}  (each parser process: "  # type: ignore[arg-type]
          f"{float(ours['parser_peak_rss_mb']):.0f} at most)")  # type: ignore[arg-type]
    print(f"{'post counts equal to the truth':34}{posts_right:>10}/{len(truth)}")
    wrong = [(unit_id, posts, truth.get(unit_id)) for unit_id, posts in ours["posts"].items()  # type: ignore[union-attr]
             if truth.get(unit_id) != posts]
    for unit_id, posts, expected in wrong[:10]:
        print(f"    {unit_id}: {posts} counted, {expected} in the quarter")
    print(f"{'portals with all ten marks x':34}{all_pass:>10}/{len(truth)}")
    return {"portals": len(units), "wall": wall, "rss": float(ours["peak_rss_mb"])}  # type: ignore[arg-type]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--latency", type=float, default=0.1, help="seconds before each answer (0.1)")
    parser.add_argument("--per-host", type=int, default=2, help="requests in flight per host (2)")
    parser.add_argument("--national", type=int, default=3300, help="generated portals of the national run (3300)")
    parser.add_argument("--skip-scrapy", action="store_true", help="no Scrapy peer run")
    parser.add_argument("--audit-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.audit_child:
        audit_child(args.audit_child)
        return
    print(f"Machine: {os.cpu_count()} CPUs; Python {sys.version.split()[0]}")
    with tempfile.TemporaryDirectory(prefix="camthuy-bench-") as tmp:
        folder = Path(tmp)
        district = district_bench(args, folder)
        national = national_bench(args, folder) if args.national else None
    print()
    print(f"wall_over_bound: {district['wall'] / district['bound']:.2f}")
    print(f"requests_over_minimum: {district['requests'] / district['minimal']:.2f}")
    if "scrapy_wall" in district:
        print(f"wall_over_scrapy_full_crawl: {district['wall'] / district['scrapy_wall']:.2f}")
    else:
        print("wall_over_scrapy_full_crawl: not measured (--skip-scrapy)")
    if national is not None:
        print(f"national_portals: {national['portals']} wall_s: {national['wall']:.0f} "
              f"peak_rss_mb: {national['rss']:.0f}")


if __name__ == "__main__":
    main()
