"""Helpers for the CLI tests: config files pointed at the simulated district, running main() in-process."""

from __future__ import annotations

import contextlib
import io
import json
import socket
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from camthuy_audit import cli
from camthuy_audit.config import CrawlSettings

ROOT = Path(__file__).resolve().parents[2]
CONFIG_DIR = ROOT / "config"


def toml_string(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)  # a TOML basic string is a JSON string here


def sim_config_text(addresses: dict[str, str], *, units: Sequence[tuple[str, str, str]] = (),
                    extra: str = "", store: Path | None = None) -> str:
    """A config extending demo.toml, pointed at the district's real ports (and optionally fewer units:
    then only their hosts are resolved, and the base is district.toml, whose [resolve] is empty)."""
    # The simulator is on loopback: no politeness delay (fast tests), no on-disk HTTP cache (no files
    # left in the working directory, every run really asks the simulator).
    crawl = [line for field, line in (("min_delay", "min_delay = 0"), ("http_cache", "http_cache = false"))
             if field in CrawlSettings.model_fields]
    if crawl:
        extra = "\n".join([extra, "[crawl]", *crawl, ""])
    if store is not None:   # each test its own history: runs of one test never meet another's
        extra = "\n".join([extra, "[history]", f"store = {toml_string(str(store))}", ""])
    if units:
        hosts = {urlsplit(url).hostname for _, _, url in units}
        addresses = {host: address for host, address in addresses.items() if host in hosts}
    base = "district.toml" if units else "demo.toml"
    lines = [
        f"extends = {toml_string(str(CONFIG_DIR / base))}",
        f"rules = {toml_string(str(CONFIG_DIR / 'rules.toml'))}",
        f"overrides = {toml_string(str(CONFIG_DIR / 'overrides.toml'))}",
        extra,
        "[resolve]",
        *(f"{toml_string(host)} = {toml_string(address)}" for host, address in sorted(addresses.items())),
    ]
    for unit_id, name, url in units:
        lines += ["", "[[units]]", f"id = {toml_string(unit_id)}", f"name = {toml_string(name)}",
                  f"url = {toml_string(url)}"]
    return "\n".join(lines) + "\n"


@dataclass
class Outcome:
    code: int
    out: str
    err: str


def run_main(args: Sequence[str]) -> Outcome:
    """``camthuy-audit ARGS`` in this process, with stdout and stderr captured."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = cli.main(list(args))
    return Outcome(code, out.getvalue(), err.getvalue())


def free_port() -> int:
    """A loopback port nobody listens on (bound, then released)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def district_text_with(replacements: dict[str, str]) -> str:
    """config/district.toml with some text replaced, its rules and overrides named by absolute path."""
    text = (CONFIG_DIR / "district.toml").read_text(encoding="utf-8")
    for old, new in replacements.items():
        assert old in text, old
        text = text.replace(old, new, 1)
    text = text.replace('rules = "rules.toml"', f"rules = {toml_string(str(CONFIG_DIR / 'rules.toml'))}", 1)
    return text.replace('overrides = "overrides.toml"',
                        f"overrides = {toml_string(str(CONFIG_DIR / 'overrides.toml'))}", 1)
