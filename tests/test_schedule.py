"""The quarterly schedule with a frozen clock: which quarter, what was missed, when to re-check."""

from __future__ import annotations

import re
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from camthuy_audit import cli
from camthuy_audit.config import Config, HistorySettings, load_config
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.schedule import QuarterlySchedule, quarter_for
from camthuy_audit.store import Store

REPO = Path(__file__).resolve().parent.parent


def vn(*parts: int) -> datetime:
    return datetime(*parts, tzinfo=VN_TZ)


@pytest.fixture
def config(tmp_path: Path) -> Config:
    base = load_config(REPO / "config" / "district.toml")
    assert base.district is not None
    history = HistorySettings(store=str(tmp_path / "history.sqlite"))
    return base.model_copy(update={"district": base.district.model_copy(update={"history": history})})


def _finished(store: Store, quarter: Quarter, finished_unit_results: bool = True) -> int:
    from test_aggregate import seed_results

    run = store.start_run(quarter, "run", rules_digest="d", tool_version="v")
    if finished_unit_results:
        for result in seed_results():
            store.save_result(run.id, result)
    store.finish_run(run.id)
    return run.id


def test_each_run_audits_the_quarter_that_just_ended() -> None:
    assert quarter_for(vn(2027, 1, 5, 7)) == Quarter(2026, 4)
    assert quarter_for(vn(2027, 4, 5, 7)) == Quarter(2027, 1)
    assert quarter_for(vn(2027, 10, 5, 7)) == Quarter(2027, 3)


def test_next_runs_from_a_frozen_clock(config: Config, tmp_path: Path) -> None:
    schedule = QuarterlySchedule(config, out=tmp_path)
    runs = schedule.next_runs(vn(2026, 11, 29, 10), 4)
    assert [(m.isoformat(), str(q)) for m, q in runs] == [
        ("2027-01-05T07:00:00+07:00", "2026-Q4"), ("2027-04-05T07:00:00+07:00", "2027-Q1"),
        ("2027-07-05T07:00:00+07:00", "2027-Q2"), ("2027-10-05T07:00:00+07:00", "2027-Q3")]
    # On the day itself, just before and just after the time.
    assert schedule.next_runs(vn(2027, 4, 5, 6, 59), 1)[0][0] == vn(2027, 4, 5, 7)
    assert schedule.next_runs(vn(2027, 4, 5, 7, 1), 1)[0][0] == vn(2027, 7, 5, 7)


def test_a_missed_quarter_is_run_at_start_and_only_once(config: Config, tmp_path: Path) -> None:
    done: list[Quarter] = []
    schedule = QuarterlySchedule(config, out=tmp_path, run=done.append)
    # The office PC was off on 5 January; it starts on the 7th.
    assert schedule.startup(vn(2027, 1, 7, 8)) == [("run", Quarter(2026, 4))]
    for kind, quarter in schedule.startup(vn(2027, 1, 7, 8)):
        assert kind == "run"
        schedule.run_quarter(quarter)
    assert done == [Quarter(2026, 4)]
    with Store(tmp_path / "history.sqlite") as store:
        _finished(store, Quarter(2026, 4))
        assert schedule.missed(vn(2027, 1, 7, 9), store) is None          # done: nothing to catch up
        # Far past the grace time (30 days by default) the missed run is not made any more.
        assert schedule.missed(vn(2027, 3, 20, 8), store) is None
        assert schedule.missed(vn(2027, 4, 6, 8), store) == Quarter(2027, 1)


def test_the_recheck_comes_days_after_the_quarters_run(config: Config, tmp_path: Path) -> None:
    rechecked: list[Quarter] = []
    schedule = QuarterlySchedule(config, out=tmp_path, recheck=rechecked.append)
    with Store(tmp_path / "history.sqlite") as store:
        run_id = _finished(store, Quarter(2026, 4))
        finished = datetime.fromisoformat(store.run(run_id).finished_at or "")
        assert schedule.due_recheck(finished + timedelta(days=2), store) is None
        assert schedule.due_recheck(finished + timedelta(days=3, minutes=1), store) == Quarter(2026, 4)
        store.finish_run(store.start_run(Quarter(2026, 4), "recheck", rules_digest="d", tool_version="v",
                                         parent_run=run_id).id)
        assert schedule.due_recheck(finished + timedelta(days=4), store) is None   # made once


def test_schedule_dry_run_prints_four_quarterly_times(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["schedule", "--dry-run", "--config", str(REPO / "config" / "district.toml")]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == 4
    months = set()
    for line in lines:
        match = re.fullmatch(r"(\d{4})-(\d\d)-05T07:00:00\+07:00 (\d{4})-Q([1-4])", line)
        assert match, line
        months.add(match.group(2))
        year, month = int(match.group(1)), int(match.group(2))
        assert Quarter(int(match.group(3)), int(match.group(4))) == quarter_for(vn(year, month, 5, 7))
    assert months == {"01", "04", "07", "10"}
