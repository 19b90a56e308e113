"""`python -m camthuy_audit.simulator [CONFIG.toml] [--quarter 2023-Q2]`: serve the hosts of a config's
[resolve] table, in the state of a quarter (2023-Q1 by default).

`python -m camthuy_audit.simulator vhost ...` serves many portals on one port by Host header and
`python -m camthuy_audit.simulator minimal ...` prints minimal request counts (vhost_cli.py)."""

from __future__ import annotations

import argparse
import sys
import tomllib
from pathlib import Path

from camthuy_audit.simulator.district import serve_forever
from camthuy_audit.simulator.quarters import FIRST, QUARTERS

SUBCOMMANDS = ("vhost", "minimal")


def main(argv: list[str]) -> int:
    if argv and argv[0] in SUBCOMMANDS:
        from camthuy_audit.simulator import vhost_cli

        return vhost_cli.main(argv)
    parser = argparse.ArgumentParser(prog="python -m camthuy_audit.simulator",
                                     epilog="Also: 'vhost --help' and 'minimal --help'.")
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
