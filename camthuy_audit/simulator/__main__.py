"""`python -m camthuy_audit.simulator [CONFIG.toml] [--quarter 2023-Q2]`: serve the hosts of a config's
[resolve] table, in the state of a quarter (2023-Q1 by default)."""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from camthuy_audit.simulator.district import serve_forever
from camthuy_audit.simulator.quarters import FIRST, QUARTERS


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m camthuy_audit.simulator")
    parser.add_argument("config", nargs="?", default="config/demo.toml")
    parser.add_argument("--quarter", choices=QUARTERS, default=FIRST)
    args = parser.parse_args(argv)
    config = Path(args.config)
    with config.open("rb") as handle:
        resolve = tomllib.load(handle).get("resolve", {})
    if not resolve:
        print(f"{config}: no [resolve] table", file=sys.stderr)
        return 2
    serve_forever(resolve, quarter=args.quarter)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
