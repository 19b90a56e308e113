"""Fixtures of the CLI tests: config files that point at the simulated district.

The district (tests/conftest.py, session scope) runs in the test process on free loopback ports;
each config file here ``extends`` config/demo.toml and resolves the real host names to those ports.
This folder is a package (``cli``) so that its conftest does not shadow the top ``conftest`` module
that other test folders import helpers from.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from .helpers import Outcome, run_main, sim_config_text


@pytest.fixture
def sim_config(district, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    folder = tmp_path_factory.mktemp("cli-config")
    path = folder / "sim.toml"
    path.write_text(sim_config_text(district.addresses, store=folder / "history.sqlite"), encoding="utf-8")
    return path


@pytest.fixture
def one_unit_config(district, tmp_path_factory: pytest.TempPathFactory) -> Path:  # type: ignore[no-untyped-def]
    """Only Cẩm Vân: a whole `run` in a couple of seconds, with a history of its own."""
    folder = tmp_path_factory.mktemp("cli-config-one")
    path = folder / "one.toml"
    units = [("camvan", "UBND xã Cẩm Vân", "https://camvan.camthuy.thanhhoa.gov.vn/")]
    path.write_text(sim_config_text(district.addresses, units=units, store=folder / "history.sqlite"),
                    encoding="utf-8")
    return path


@pytest.fixture
def camthuy() -> Callable[..., Outcome]:
    def call(*args: str) -> Outcome:
        return run_main(args)

    return call


@pytest.fixture(autouse=True)
def _wide_output(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "200")
