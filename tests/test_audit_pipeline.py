"""The pipeline: portals audited a bounded number at a time, results in configured order."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path

import pytest

from camthuy_audit import audit
from camthuy_audit.config import load_config
from camthuy_audit.models import FetchError, PortalSnapshot
from camthuy_audit.quarter import VN_TZ, Quarter

# Not imported from conftest: a sub-folder's conftest.py may hold that module name by then.
DEMO_CONFIG = Path(__file__).resolve().parent.parent / "config" / "demo.toml"
Q1 = Quarter.parse("2023-Q1")


def test_portals_run_a_bounded_number_at_a_time(monkeypatch: pytest.MonkeyPatch) -> None:
    config = load_config(DEMO_CONFIG)
    assert config.district is not None
    crawl = config.district.crawl.model_copy(update={"max_portals": 3, "http_cache": False})
    config = config.model_copy(update={"district": config.district.model_copy(update={"crawl": crawl})})
    running, peak = 0, 0

    async def fake_snapshot(self):  # type: ignore[no-untyped-def]
        nonlocal running, peak
        running += 1
        peak = max(peak, running)
        await asyncio.sleep(0.01)
        running -= 1
        error = FetchError(url=self.target.url, kind="connect", message="không kết nối được")
        return PortalSnapshot(unit_id=self.target.unit_id, url=self.target.url, fetched_at=datetime.now(VN_TZ),
                              reachable=False, home_error=error)

    monkeypatch.setattr(audit.PortalCrawl, "snapshot", fake_snapshot)
    results = asyncio.run(audit.audit_units(config, Q1))
    assert peak == 3
    assert [r.unit_id for r in results] == [u.id for u in config.units]
    assert all(r.mark("main_menu") == "?" for r in results)
