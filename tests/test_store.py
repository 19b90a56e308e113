"""The history store: results committed per unit, attempts, migrations, locks."""

from __future__ import annotations

import os
import socket
import sqlite3
from pathlib import Path

import pytest

from camthuy_audit.models import Verdict
from camthuy_audit.quarter import Quarter
from camthuy_audit.store import MIGRATIONS, SCHEMA_VERSION, QuarterBusy, Store, StoreError

Q1 = Quarter(2023, 1)


def _results():  # type: ignore[no-untyped-def]
    from test_aggregate import seed_results

    return seed_results()


def _start(store: Store, quarter: Quarter = Q1, kind: str = "run"):  # type: ignore[no-untyped-def]
    return store.start_run(quarter, kind, rules_digest="abc", tool_version="0.1.0")


def test_results_round_trip_and_the_quarters_current_run(tmp_path: Path) -> None:
    results = _results()
    with Store(tmp_path / "h.sqlite") as store:
        run = _start(store)
        for result in results[:5]:
            store.save_result(run.id, result)
        assert store.unfinished_run(Q1) == store.run(run.id)          # killed here: resumable
        assert store.done_units(run.id) == {r.unit_id for r in results[:5]}
        for result in results[5:]:
            store.save_result(run.id, result)
        store.finish_run(run.id)
        assert store.unfinished_run(Q1) is None
        loaded = {r.unit_id: r for r in store.quarter_results(Q1)}
        assert loaded == {r.unit_id: r for r in results}
        assert store.quarters() == [Q1]
        history = store.history()
        assert history["2023-Q1"]["camvan"]["posts_in_quarter"] == 41


def test_a_run_that_reached_nothing_does_not_replace_an_earlier_one(tmp_path: Path) -> None:
    results = _results()
    with Store(tmp_path / "h.sqlite") as store:
        first = _start(store)
        for result in results:
            store.save_result(first.id, result)
        store.finish_run(first.id)
        second = _start(store)
        for result in results:
            store.save_result(second.id, result.model_copy(update={"reachable": False, "verdicts": {}}))
        store.finish_run(second.id)
        current = store.current_run(Q1)
        assert current is not None and current.id == first.id
        assert [r.id for r in store.runs(Q1)] == [first.id, second.id]   # both kept in the history


def test_the_most_decided_attempt_is_the_quarters(tmp_path: Path) -> None:
    results = _results()
    van = next(r for r in results if r.unit_id == "camvan")
    down = van.model_copy(update={"reachable": False, "verdicts": {
        c: Verdict(check_id=c, mark="?", reason="không truy cập được") for c in van.verdicts}})
    with Store(tmp_path / "h.sqlite") as store:
        run = _start(store)
        store.save_result(run.id, down)
        store.finish_run(run.id)
        recheck = store.start_run(Q1, "recheck", rules_digest="abc", tool_version="0.1.0", parent_run=run.id)
        store.save_result(recheck.id, van, attempt=2)
        [chosen] = store.quarter_results(Q1)
        assert chosen.reachable and chosen.posts_in_quarter == 41
        attempts = store.attempts(Q1)["camvan"]
        assert [(a, r.reachable) for _, a, r in attempts] == [(1, False), (2, True)]


def test_a_store_of_the_previous_schema_is_migrated_and_keeps_everything(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite"
    db = sqlite3.connect(path)
    db.executescript(MIGRATIONS[1])
    db.execute("INSERT INTO meta VALUES ('schema_version', '1')")
    db.execute("INSERT INTO runs (quarter, kind, started_at, finished_at, status) "
               "VALUES ('2022-Q4', 'run', '2023-01-05T07:00:00+07:00', '2023-01-05T07:20:00+07:00', 'finished')")
    result = _results()[0].model_copy(update={"quarter": "2022-Q4"})
    db.execute("INSERT INTO unit_results (run_id, unit_id, audited_at, reachable, posts, marks, result) "
               "VALUES (1, ?, ?, 1, ?, ?, ?)", (result.unit_id, result.audited_at.isoformat(),
                                                 result.posts_in_quarter, "x" * 10, result.model_dump_json()))
    db.commit()
    db.close()
    with Store(path) as store:
        assert store.version() == SCHEMA_VERSION
        [run] = store.runs()
        assert run.quarter == "2022-Q4" and run.status == "finished" and run.rules_digest is None
        [loaded] = store.quarter_results(Quarter(2022, 4))
        assert loaded == result
        store.save_result(_start(store, Quarter(2023, 1)).id, _results()[1])   # and it works as a v2 store
    with Store(path) as store:   # opening again changes nothing
        assert store.version() == SCHEMA_VERSION and len(store.runs()) == 2


def test_a_newer_store_is_refused_with_its_path(tmp_path: Path) -> None:
    path = tmp_path / "new.sqlite"
    with Store(path):
        pass
    db = sqlite3.connect(path)
    db.execute("UPDATE meta SET value='99' WHERE key='schema_version'")
    db.commit()
    db.close()
    with pytest.raises(StoreError, match="new.sqlite.*99"):
        Store(path)


def test_the_lock_names_its_holder_and_a_dead_holder_is_taken_over(tmp_path: Path) -> None:
    path = tmp_path / "h.sqlite"
    with Store(path) as store:
        db = sqlite3.connect(path)
        # A live process on this machine (our parent, the test runner's shell or init) holds it.
        db.execute("INSERT INTO locks VALUES ('2023-Q1', ?, ?, '2023-04-05T07:00:00+07:00')",
                   (os.getppid(), socket.gethostname()))
        db.commit()
        with pytest.raises(QuarterBusy) as busy:
            store.lock(Q1)
        assert f"tiến trình {os.getppid()}" in str(busy.value) and socket.gethostname() in str(busy.value)
        assert "2023-04-05T07:00:00+07:00" in str(busy.value)
        # A holder that no longer runs (killed, power cut) leaves a stale lock: taken over.
        db.execute("UPDATE locks SET pid=? WHERE quarter='2023-Q1'", (_dead_pid(),))
        db.commit()
        db.close()
        holder = store.lock(Q1)
        assert holder.pid == os.getpid()
        store.unlock(Q1)
        store.lock(Q1)          # free again


def _dead_pid() -> int:
    import psutil

    pid = 4_000_000
    while psutil.pid_exists(pid):
        pid += 1
    return pid


def test_a_change_of_rules_or_tool_since_last_quarter_is_said(tmp_path: Path) -> None:
    from camthuy_audit.runs import methodology_note

    results = _results()
    with Store(tmp_path / "h.sqlite") as store:
        for quarter, digest, version in ((Quarter(2022, 4), "aaa", "0.1.0"), (Q1, "aaa", "0.1.0")):
            run = store.start_run(quarter, "run", rules_digest=digest, tool_version=version)
            store.save_result(run.id, results[0])
            store.finish_run(run.id)
        assert methodology_note(store, Q1) == ""
        run = store.start_run(Q1, "run", rules_digest="bbb", tool_version="0.2.0")
        store.save_result(run.id, results[0])
        store.finish_run(run.id)
        note = methodology_note(store, Q1)
        assert "quý IV/2022" in note and "rules.toml" in note and "0.1.0 → 0.2.0" in note
        assert "không phải do cổng thông tin" in note
