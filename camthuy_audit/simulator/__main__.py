"""`python -m camthuy_audit.simulator [CONFIG.toml]`: serve the hosts of a config's [resolve] table."""

from __future__ import annotations

import sys
import tomllib
from pathlib import Path

from camthuy_audit.simulator.district import serve_forever


def main(argv: list[str]) -> int:
    config = Path(argv[0] if argv else "config/demo.toml")
    with config.open("rb") as handle:
        resolve = tomllib.load(handle).get("resolve", {})
    if not resolve:
        print(f"{config}: no [resolve] table", file=sys.stderr)
        return 2
    serve_forever(resolve)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
