"""Shared fixtures: the simulated district on loopback, audited once per test session."""

from __future__ import annotations

import asyncio
import sys
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))  # tests/seed.py

from camthuy_audit.config import Config, load_config  # noqa: E402
from camthuy_audit.models import UnitResult  # noqa: E402
from camthuy_audit.quarter import Quarter  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEMO_CONFIG = ROOT / "config" / "demo.toml"
Q1 = Quarter.parse("2023-Q1")
RUN_DATE = date(2023, 4, 12)


def config_for(district_addresses: dict[str, str]) -> Config:
    """demo.toml with its hosts resolved to the ports a test's simulator really bound."""
    config = load_config(DEMO_CONFIG)
    assert config.district is not None
    # No HTTP cache: every test run sees the simulator afresh.
    crawl = config.district.crawl.model_copy(update={"http_cache": False})
    district = config.district.model_copy(update={"resolve": dict(district_addresses), "crawl": crawl})
    return config.model_copy(update={"district": district})


def start_district(stopped: tuple[str, ...] = ()):  # type: ignore[no-untyped-def]
    from camthuy_audit.simulator import District

    hosts = load_config(DEMO_CONFIG).resolve
    district = District({host: "127.0.0.1:0" for host in hosts})
    district.start()
    for host in stopped:
        district.stop_host(host)
    return district


def audit(config: Config) -> list[UnitResult]:
    from camthuy_audit.audit import audit_units

    return asyncio.run(audit_units(config, Q1))


@pytest.fixture(scope="session")
def district() -> Iterator[object]:
    district = start_district()
    yield district
    district.stop()


@pytest.fixture(scope="session")
def district_config(district) -> Config:  # type: ignore[no-untyped-def]
    return config_for(district.addresses)


@pytest.fixture(scope="session")
def district_results(district_config: Config) -> list[UnitResult]:
    return audit(district_config)


@pytest.fixture(scope="session")
def demo_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``reports/2023-Q1`` of `camthuy-audit demo --quarter 2023-Q1` (what `make demo` runs), once."""
    from camthuy_audit import cli

    out = tmp_path_factory.mktemp("demo")
    cache = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(cache))   # a fresh machine: nothing in the HTTP cache
        patch.chdir(out)                               # its history store (var/) goes there too
        code = cli.main(["demo", "--quarter", "2023-Q1", "--config", str(ROOT / "config" / "demo.toml"),
                         "--out", str(out), "--quiet"])
    assert code == cli.EXIT_OK
    return out / "2023-Q1"
