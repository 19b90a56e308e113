"""Command line of the virtual-host simulator, for benchmarks that run it as a separate process.

    python -m camthuy_audit.simulator vhost --district 2023-Q1 --latency 0.1 --ready ready.json --log requests.tsv
    python -m camthuy_audit.simulator vhost --national 3300 [--seed 0] [--keep 1000] --ready ready.json
    python -m camthuy_audit.simulator minimal --national 3300 [--seed 0] [--targets] [--out minimal.json]

`vhost` computes each unit's minimal request count (minimal.py; national portals are built for it
in worker processes, about 5 ms of CPU each), binds one port for every host, writes the ready
file (JSON, written whole: it exists only once the port accepts connections) and serves until
SIGTERM or SIGINT; it then writes the request log (TSV: host, method, target, status, ms,
in_flight, start_s: seconds after the first request). The ready file:

    {"address": "127.0.0.1:PORT", "pid": 1234, "quarter": "2023-Q1", "latency": 0.1,
     "hosts": {host: unit id, ...},                    # every host name served (aliases too)
     "units": [{"id", "name", "url", "host", "platform", "posts", "marks"}, ...],
     "minimal": {host: count, ...}}                    # per unit's URL host; {} with --no-minimal

`posts` and `marks` are the ground truth: posts dated in the quarter and the ten Appendix 1 marks.
`minimal` prints the minimal request counts (or, with --targets, the targets) without serving.
"""

from __future__ import annotations

import argparse
import json
import os
import signal
import sys
import threading
import time
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from types import FrameType

from camthuy_audit.simulator.minimal import district_minimal_requests, national_minimal_requests
from camthuy_audit.simulator.national import ALL_PASS, NationalUnit, national_unit, national_units
from camthuy_audit.simulator.national import QUARTER as NATIONAL_QUARTER
from camthuy_audit.simulator.quarters import QUARTERS, posts_in, units_in
from camthuy_audit.simulator.vhost import VirtualDistrict

DEFAULT_KEEP = 1000  # national portals kept built (about 0.25 MB each); the others are rebuilt when asked
_CHUNK = 200  # national units per worker task when computing minimal counts


@dataclass(frozen=True)
class _UnitEntry:
    id: str
    name: str
    url: str
    host: str
    platform: str
    posts: int
    marks: str
    aliases: tuple[str, ...] = ()

    def as_json(self) -> dict[str, object]:
        return {"id": self.id, "name": self.name, "url": self.url, "host": self.host, "platform": self.platform,
                "posts": self.posts, "marks": self.marks}


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m camthuy_audit.simulator")
    commands = parser.add_subparsers(dest="command", required=True)
    serve = commands.add_parser("vhost", help="serve many portals on one port, by Host header")
    _world_options(serve)
    serve.add_argument("--latency", type=float, default=0.1, help="seconds slept before each answer (0.1)")
    serve.add_argument("--bind", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=0, help="0 picks a free port (see the ready file)")
    serve.add_argument("--ready", type=Path, help="JSON file written once serving")
    serve.add_argument("--log", type=Path, help="request log (TSV) written on exit")
    serve.add_argument("--keep", type=int, default=DEFAULT_KEEP,
                       help=f"national portals kept built, least recently used dropped ({DEFAULT_KEEP}; 0: all)")
    serve.add_argument("--no-minimal", action="store_true",
                       help="start at once: no minimal counts, portals built on first request")
    floor = commands.add_parser("minimal", help="print the minimal request counts, without serving")
    _world_options(floor)
    floor.add_argument("--targets", action="store_true", help="the request targets, not only their number")
    floor.add_argument("--out", type=Path, help="write the JSON here instead of stdout")
    args = parser.parse_args(argv)
    if args.command == "vhost":
        return _vhost(args)
    return _minimal(args)


def _world_options(parser: argparse.ArgumentParser) -> None:
    world = parser.add_mutually_exclusive_group(required=True)
    world.add_argument("--district", metavar="QUARTER", choices=QUARTERS,
                       help="the 17 units of the district in that quarter's state")
    world.add_argument("--national", metavar="N", type=int, help="N invented national units (2023-Q1)")
    parser.add_argument("--seed", type=int, default=0, help="nation to invent (--national)")


def _units(args: argparse.Namespace, national: list[NationalUnit] | None) -> tuple[str, list[_UnitEntry]]:
    if national is None:
        quarter = args.district
        return quarter, [_UnitEntry(unit.id, unit.name, f"{unit.hosts[0][0]}://{unit.host}/", unit.host,
                                    unit.platform, posts_in(unit.id, quarter), unit.marks,
                                    tuple(host for _scheme, host in unit.hosts[1:]))
                         for unit in units_in(quarter)]
    return NATIONAL_QUARTER, [_UnitEntry(u.id, u.name, u.url, u.host, u.platform, u.posts_in_quarter, ALL_PASS)
                              for u in national]


def _served(args: argparse.Namespace, national: list[NationalUnit] | None) -> VirtualDistrict:
    options = {"latency": args.latency, "bind": args.bind, "port": args.port}
    if national is None:
        return VirtualDistrict.for_district(args.district, **options)
    return VirtualDistrict.for_national(national, keep=args.keep or None, **options)


def _minimal_targets(args: argparse.Namespace) -> dict[str, list[str]]:
    """Minimal requests per unit host (the URL's). National portals are built for it in worker
    processes, one chunk of units each, and let go (the server builds its own on first request)."""
    if args.district:
        return district_minimal_requests(args.district)
    chunks = [(args.seed, start, min(start + _CHUNK, args.national)) for start in range(0, args.national, _CHUNK)]
    if len(chunks) <= 1:
        return dict(pair for chunk in chunks for pair in _national_chunk(chunk))
    workers = min(len(chunks), os.cpu_count() or 1)
    with ProcessPoolExecutor(max_workers=workers) as pool:
        return dict(pair for pairs in pool.map(_national_chunk, chunks) for pair in pairs)


def _national_chunk(chunk: tuple[int, int, int]) -> list[tuple[str, list[str]]]:
    seed, start, stop = chunk
    units = [national_unit(index, seed=seed) for index in range(start, stop)]
    return list(national_minimal_requests(units).items())


def _vhost(args: argparse.Namespace) -> int:
    began = time.monotonic()
    national = None if args.district else national_units(args.national, seed=args.seed)  # built once, for both
    quarter, units = _units(args, national)
    served = _served(args, national)
    minimal = {} if args.no_minimal else _minimal_targets(args)
    stop = threading.Event()

    def on_signal(signum: int, frame: FrameType | None) -> None:
        stop.set()

    signal.signal(signal.SIGTERM, on_signal)
    signal.signal(signal.SIGINT, on_signal)
    served.start()
    try:
        ready = {
            "address": served.address, "pid": os.getpid(), "quarter": quarter, "latency": args.latency,
            "hosts": {host: unit.id for unit in units for host in (unit.host, *unit.aliases)},
            "units": [unit.as_json() for unit in units],
            "minimal": {host: len(targets) for host, targets in minimal.items()},
        }
        if args.ready:
            _write_whole(args.ready, json.dumps(ready, ensure_ascii=False, indent=1))
        print(f"serving {len(ready['hosts'])} hosts on http://{served.address} "
              f"(ready in {time.monotonic() - began:.1f} s)", flush=True)
        while not stop.wait(3600):
            pass
    finally:
        served.stop()
        if args.log:
            served.write_request_log(args.log)
    return 0


def _minimal(args: argparse.Namespace) -> int:
    minimal = _minimal_targets(args)
    result: dict[str, object] = dict(minimal) if args.targets else \
        {host: len(targets) for host, targets in minimal.items()}
    text = json.dumps(result, ensure_ascii=False, indent=1)
    if args.out:
        _write_whole(args.out, text)
    else:
        sys.stdout.write(text + "\n")
    return 0


def _write_whole(path: Path, text: str) -> None:
    """Write a file that readers see complete or not at all."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".partial")
    partial.write_text(text + "\n", encoding="utf-8")
    os.replace(partial, path)
