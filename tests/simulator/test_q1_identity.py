"""2023-Q1 stays exactly as it was: every answer of every Q1 portal is byte-identical to the
fingerprint recorded before the simulator could serve a second quarter (data/q1-fingerprint.json)."""

from __future__ import annotations

import json
from pathlib import Path

from sim_crawl import district_fingerprints

from camthuy_audit.simulator import KNOWN_HOSTS, QUARTERS, District
from camthuy_audit.simulator.units import UNITS
from camthuy_audit.simulator.world import site_for

FINGERPRINT = Path(__file__).parent / "data" / "q1-fingerprint.json"


def _recorded() -> dict[str, dict[str, object]]:
    hosts: dict[str, dict[str, object]] = json.loads(FINGERPRINT.read_text(encoding="utf-8"))["hosts"]
    return hosts


def _served(district: District) -> dict[str, dict[str, object]]:
    return {host: {"pages": found.pages, "sha256": found.digest}
            for host, found in district_fingerprints(district.addresses).items()}


def test_recorded_fingerprint_covers_every_host() -> None:
    recorded = _recorded()
    assert set(recorded) == set(KNOWN_HOSTS)
    assert sum(int(str(entry["pages"])) for entry in recorded.values()) > 3000


def test_default_district_serves_q1_byte_identical(district: District) -> None:
    assert district.quarter == "2023-Q1"
    assert _served(district) == _recorded()


def test_q1_byte_identical_after_every_later_quarter_was_built() -> None:
    # Growing the later quarters' portals out of the Q1 ones must leave the Q1 ones untouched.
    for quarter in QUARTERS[1:]:
        for unit in UNITS:
            site_for(unit.id, quarter)
    with District({host: "127.0.0.1:0" for host in KNOWN_HOSTS}, quarter="2023-Q1") as served:
        assert _served(served) == _recorded()
