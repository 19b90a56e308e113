"""The history store: every run, every unit's result, in SQLite (WAL), the single source of truth.

Each unit's result is committed as soon as that unit is done, so a run killed half-way loses nothing
and, started again, audits only the units not done yet. ``results.json``, the notice and the staff
report of any past quarter are rendered from here without crawling. The schema carries a version;
opening an older store migrates it forward (``MIGRATIONS``), nothing in it is lost.

Tables: ``runs`` (quarter, kind — run, demo, recheck —, times, status, the rules' digest and the
tool's version), ``units``, ``unit_results`` (one per unit and attempt, with the whole result as
JSON), ``verdicts`` (with evidence), ``posts`` (the quarter's posts), ``fetch_errors``,
``overrides_applied`` and ``locks`` (who is writing which quarter).
"""

from __future__ import annotations

import json
import os
import socket
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import psutil

from camthuy_audit.models import Mark, UnitResult
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.rules import APPENDIX1_IDS

SCHEMA_VERSION = 2

# Version 1: the first store.
_V1 = """
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE runs (
    id INTEGER PRIMARY KEY, quarter TEXT NOT NULL, kind TEXT NOT NULL, started_at TEXT NOT NULL,
    finished_at TEXT, status TEXT NOT NULL, config TEXT, host TEXT, pid INTEGER);
CREATE TABLE units (id TEXT PRIMARY KEY, name TEXT NOT NULL, url TEXT NOT NULL);
CREATE TABLE unit_results (
    id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL REFERENCES runs(id), unit_id TEXT NOT NULL,
    audited_at TEXT NOT NULL, reachable INTEGER NOT NULL, posts INTEGER, marks TEXT NOT NULL, result TEXT NOT NULL);
CREATE TABLE verdicts (
    unit_result_id INTEGER NOT NULL REFERENCES unit_results(id), check_id TEXT NOT NULL, mark TEXT NOT NULL,
    count INTEGER, reason TEXT NOT NULL, evidence TEXT NOT NULL, PRIMARY KEY (unit_result_id, check_id));
CREATE TABLE fetch_errors (
    unit_result_id INTEGER NOT NULL REFERENCES unit_results(id), url TEXT NOT NULL, kind TEXT NOT NULL,
    status INTEGER, message TEXT NOT NULL);
CREATE TABLE overrides_applied (
    unit_result_id INTEGER NOT NULL REFERENCES unit_results(id), check_id TEXT NOT NULL,
    original_mark TEXT NOT NULL, original_count INTEGER, mark TEXT NOT NULL, reason TEXT NOT NULL, by TEXT NOT NULL);
CREATE INDEX unit_results_run ON unit_results(run_id, unit_id);
"""

# Version 2: the methodology of each run, attempts (re-checks), the quarter's posts, locks.
_V2 = """
ALTER TABLE runs ADD COLUMN rules_digest TEXT;
ALTER TABLE runs ADD COLUMN tool_version TEXT;
ALTER TABLE runs ADD COLUMN parent_run INTEGER REFERENCES runs(id);
ALTER TABLE unit_results ADD COLUMN attempt INTEGER NOT NULL DEFAULT 1;
CREATE TABLE posts (
    unit_result_id INTEGER NOT NULL REFERENCES unit_results(id), url TEXT NOT NULL, title TEXT NOT NULL,
    published TEXT NOT NULL);
CREATE TABLE locks (quarter TEXT PRIMARY KEY, pid INTEGER NOT NULL, host TEXT NOT NULL, since TEXT NOT NULL);
CREATE INDEX runs_quarter ON runs(quarter, id);
"""

MIGRATIONS = {1: _V1, 2: _V2}   # version -> the SQL that brings the previous version to it


class StoreError(Exception):
    """The store cannot be used (a newer schema, a broken file); the message names the file."""


@dataclass(frozen=True)
class Run:
    id: int
    quarter: str
    kind: str                  # "run", "demo" or "recheck"
    started_at: str
    finished_at: str | None
    status: str                # "running", "finished"
    rules_digest: str | None
    tool_version: str | None
    parent_run: int | None


@dataclass(frozen=True)
class LockHolder:
    quarter: str
    pid: int
    host: str
    since: str

    def describe(self) -> str:
        return f"tiến trình {self.pid} trên máy {self.host}, từ {self.since}"


class QuarterBusy(Exception):
    """Another run is writing this quarter."""

    def __init__(self, holder: LockHolder) -> None:
        self.holder = holder
        super().__init__(f"quý {holder.quarter} đang được kiểm tra bởi {holder.describe()}")


def _now() -> str:
    return datetime.now(VN_TZ).isoformat(timespec="seconds")


def _marks(result: UnitResult) -> str:
    return "".join(result.mark(c) for c in APPENDIX1_IDS)


class Store:
    """One SQLite history file (created, or migrated forward, when opened)."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self._db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA foreign_keys=ON")
            self._db.execute("PRAGMA busy_timeout=30000")
            self._migrate()
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"không mở được kho lịch sử {self.path}: {exc}") from None

    def close(self) -> None:
        self._db.close()

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextmanager
    def _write(self) -> Iterator[sqlite3.Connection]:
        """One transaction that takes the write lock at once (two processes never interleave)."""
        self._db.execute("BEGIN IMMEDIATE")
        try:
            yield self._db
        except BaseException:
            self._db.execute("ROLLBACK")
            raise
        self._db.execute("COMMIT")

    # -- schema -------------------------------------------------------------------------------

    def version(self) -> int:
        has_meta = self._db.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
        if not has_meta:
            return 0
        row = self._db.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
        return int(row[0]) if row else 0

    def _migrate(self) -> None:
        with self._write() as db:
            current = self.version()
            if current > SCHEMA_VERSION:
                raise StoreError(f"kho lịch sử {self.path} có phiên bản {current}, mới hơn công cụ này "
                                 f"({SCHEMA_VERSION}): hãy cập nhật camthuy-audit")
            for version in range(current + 1, SCHEMA_VERSION + 1):
                for statement in MIGRATIONS[version].split(";"):
                    if statement.strip():
                        db.execute(statement)
                db.execute("INSERT OR REPLACE INTO meta (key, value) VALUES ('schema_version', ?)", (str(version),))

    # -- runs ---------------------------------------------------------------------------------

    def start_run(self, quarter: Quarter, kind: str, *, rules_digest: str, tool_version: str,
                  config: str | None = None, parent_run: int | None = None) -> Run:
        with self._write() as db:
            cursor = db.execute(
                "INSERT INTO runs (quarter, kind, started_at, status, config, host, pid, rules_digest, tool_version,"
                " parent_run) VALUES (?, ?, ?, 'running', ?, ?, ?, ?, ?, ?)",
                (str(quarter), kind, _now(), config, socket.gethostname(), os.getpid(), rules_digest, tool_version,
                 parent_run))
            run_id = cursor.lastrowid
        assert run_id is not None
        return self.run(run_id)

    def finish_run(self, run_id: int) -> None:
        with self._write() as db:
            db.execute("UPDATE runs SET status='finished', finished_at=? WHERE id=?", (_now(), run_id))

    def run(self, run_id: int) -> Run:
        row = self._db.execute(f"SELECT {_RUN_COLUMNS} FROM runs WHERE id=?", (run_id,)).fetchone()
        if row is None:
            raise StoreError(f"không có lần chạy #{run_id} trong {self.path}")
        return Run(*row)

    def runs(self, quarter: Quarter | None = None) -> list[Run]:
        if quarter is None:
            rows = self._db.execute(f"SELECT {_RUN_COLUMNS} FROM runs ORDER BY id").fetchall()
        else:
            rows = self._db.execute(f"SELECT {_RUN_COLUMNS} FROM runs WHERE quarter=? ORDER BY id",
                                    (str(quarter),)).fetchall()
        return [Run(*row) for row in rows]

    def unfinished_run(self, quarter: Quarter) -> Run | None:
        """The latest run of the quarter that did not finish (killed, power cut): to be resumed."""
        found = [r for r in self.runs(quarter) if r.kind in ("run", "demo") and r.status != "finished"]
        return found[-1] if found else None

    def current_run(self, quarter: Quarter) -> Run | None:
        """The run whose results are the quarter's: the latest finished one that checked something,
        else the latest one."""
        mains = [r for r in self.runs(quarter) if r.kind in ("run", "demo")]
        useful = [r for r in mains if r.status == "finished" and self._reached_any(r.id)]
        return useful[-1] if useful else (mains[-1] if mains else None)

    def _reached_any(self, run_id: int) -> bool:
        row = self._db.execute("SELECT 1 FROM unit_results WHERE run_id=? AND reachable=1 LIMIT 1",
                               (run_id,)).fetchone()
        return row is not None

    def done_units(self, run_id: int) -> set[str]:
        rows = self._db.execute("SELECT DISTINCT unit_id FROM unit_results WHERE run_id=?", (run_id,)).fetchall()
        return {row[0] for row in rows}

    # -- results ------------------------------------------------------------------------------

    def save_result(self, run_id: int, result: UnitResult, *, attempt: int = 1) -> None:
        """Commit one unit's result at once (a run killed later loses nothing of it)."""
        with self._write() as db:
            db.execute("INSERT INTO units (id, name, url) VALUES (?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                       "name=excluded.name, url=excluded.url", (result.unit_id, result.name, result.url))
            cursor = db.execute(
                "INSERT INTO unit_results (run_id, unit_id, audited_at, reachable, posts, marks, result, attempt)"
                " VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                (run_id, result.unit_id, result.audited_at.isoformat(), int(result.reachable),
                 result.posts_in_quarter, _marks(result), result.model_dump_json(), attempt))
            row_id = cursor.lastrowid
            for check_id, verdict in result.verdicts.items():
                db.execute("INSERT INTO verdicts VALUES (?, ?, ?, ?, ?, ?)",
                           (row_id, check_id, verdict.mark, verdict.count, verdict.reason,
                            json.dumps([e.model_dump(mode="json") for e in verdict.evidence], ensure_ascii=False)))
                if verdict.override is not None:
                    note = verdict.override
                    db.execute("INSERT INTO overrides_applied VALUES (?, ?, ?, ?, ?, ?, ?)",
                               (row_id, check_id, note.original_mark, note.original_count, verdict.mark,
                                note.reason, note.by))
            db.executemany("INSERT INTO fetch_errors VALUES (?, ?, ?, ?, ?)",
                           [(row_id, e.url, e.kind, e.status, e.message) for e in result.errors])
            db.executemany("INSERT INTO posts VALUES (?, ?, ?, ?)",
                           [(row_id, p.url, p.title, p.published.isoformat()) for p in result.posts])

    def attempts(self, quarter: Quarter) -> dict[str, list[tuple[int, int, UnitResult]]]:
        """Per unit, every attempt of the quarter's current run and its re-checks: (run, attempt, result)."""
        current = self.current_run(quarter)
        if current is None:
            return {}
        runs = [current.id] + [r.id for r in self.runs(quarter) if r.kind == "recheck" and r.parent_run == current.id]
        marks = ",".join("?" * len(runs))
        rows = self._db.execute(
            f"SELECT run_id, attempt, unit_id, result FROM unit_results WHERE run_id IN ({marks}) ORDER BY id",
            runs).fetchall()
        found: dict[str, list[tuple[int, int, UnitResult]]] = {}
        for run_id, attempt, unit_id, data in rows:
            found.setdefault(unit_id, []).append((run_id, attempt, UnitResult.model_validate_json(data)))
        return found

    def quarter_results(self, quarter: Quarter) -> list[UnitResult]:
        """The quarter's results: per unit, its most decided attempt (fewest "?"; the latest on a tie)."""
        return [best(tries) for tries in self.attempts(quarter).values()]

    # -- history ------------------------------------------------------------------------------

    def quarters(self) -> list[Quarter]:
        rows = self._db.execute("SELECT DISTINCT quarter FROM runs").fetchall()
        return sorted(Quarter.parse(row[0]) for row in rows)

    def history(self, before: Quarter | None = None) -> dict[str, dict[str, dict[str, object]]]:
        """Quarter -> unit id -> {name, appendix1, posts_in_quarter} for every quarter with results."""
        found: dict[str, dict[str, dict[str, object]]] = {}
        for quarter in self.quarters():
            if before is not None and quarter >= before:
                continue
            units: dict[str, dict[str, object]] = {}
            for result in self.quarter_results(quarter):
                units[result.unit_id] = {"name": result.name, "posts_in_quarter": result.posts_in_quarter,
                                         "appendix1": {c: result.mark(c) for c in APPENDIX1_IDS}}
            if units:
                found[str(quarter)] = units
        return found

    # -- locks --------------------------------------------------------------------------------

    def lock(self, quarter: Quarter) -> LockHolder:
        """Take the quarter's lock, or raise QuarterBusy naming its holder. A lock whose process is
        dead on this machine (a run killed, a power cut) is taken over."""
        me = LockHolder(str(quarter), os.getpid(), socket.gethostname(), _now())
        with self._write() as db:
            row = db.execute("SELECT quarter, pid, host, since FROM locks WHERE quarter=?", (str(quarter),)).fetchone()
            if row is not None:
                holder = LockHolder(*row)
                alive = holder.host != me.host or psutil.pid_exists(holder.pid)
                if alive and (holder.pid, holder.host) != (me.pid, me.host):
                    raise QuarterBusy(holder)
            db.execute("INSERT OR REPLACE INTO locks VALUES (?, ?, ?, ?)", (me.quarter, me.pid, me.host, me.since))
        return me

    def unlock(self, quarter: Quarter) -> None:
        with self._write() as db:
            db.execute("DELETE FROM locks WHERE quarter=? AND pid=? AND host=?",
                       (str(quarter), os.getpid(), socket.gethostname()))


_RUN_COLUMNS = "id, quarter, kind, started_at, finished_at, status, rules_digest, tool_version, parent_run"


def best(tries: list[tuple[int, int, UnitResult]]) -> UnitResult:
    """Of one unit's attempts (as :meth:`Store.attempts` gives them), the most decided: fewest "?"
    (the latest on a tie)."""
    chosen = min(enumerate(tries), key=lambda pair: (_undecided(pair[1][2]), -pair[0]))
    return chosen[1][2]


def _undecided(result: UnitResult) -> int:
    marks: list[Mark] = [result.mark(c) for c in APPENDIX1_IDS]
    return sum(1 for m in marks if m == "?") + (0 if result.posts_in_quarter is not None else 1) + \
        (0 if result.reachable else 10)
