"""`camthuy-audit schedule`: the quarterly audit without anyone remembering it (APScheduler 3.x).

A CronTrigger from ``[schedule]`` in district.toml (default 07:00 on the 5th of January, April, July
and October, Vietnam time) runs the audit of the quarter that just ended, coalesced, with a misfire
grace time. What has been done is read from the history store, not from the scheduler's memory:
started after the computer was off on the day, it runs the missed quarter at once; and the re-check
of the units left with a "?" comes ``recheck_after_days`` after the quarter's run, even across a
restart. Two runs never write one quarter (the store's lock).
"""

from __future__ import annotations

import argparse
import logging
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

from apscheduler.schedulers.blocking import BlockingScheduler
from apscheduler.triggers.cron import CronTrigger
from apscheduler.triggers.interval import IntervalTrigger

from camthuy_audit.config import Config, ScheduleSettings
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.store import Store

log = logging.getLogger("camthuy_audit.schedule")

Job = Callable[[Quarter], object]
_RECHECK_POLL = timedelta(hours=1)


def quarter_for(fire_time: datetime) -> Quarter:
    """The quarter a run at ``fire_time`` audits: the one that ended before it."""
    return Quarter.containing(fire_time.astimezone(VN_TZ).date()).previous


class QuarterlySchedule:
    """When to run, what to run, and what was missed; ``run``/``recheck`` do the work (the CLI's)."""

    def __init__(self, config: Config, *, out: Path, args: argparse.Namespace | None = None,
                 run: Job | None = None, recheck: Job | None = None) -> None:
        self.config = config
        self.settings = config.district.schedule if config.district else ScheduleSettings()
        self.zone = ZoneInfo(self.settings.timezone)
        self.trigger = CronTrigger.from_crontab(self.settings.cron, timezone=self.zone)
        self.grace = timedelta(hours=self.settings.misfire_grace_hours)
        self.out = out
        self.args = args
        self._run = run
        self._recheck = recheck

    # -- when ---------------------------------------------------------------------------------

    def next_runs(self, now: datetime, count: int) -> list[tuple[datetime, Quarter]]:
        """The next ``count`` run times after ``now``, each with the quarter it audits."""
        found: list[tuple[datetime, Quarter]] = []
        previous: datetime | None = None
        moment = now.astimezone(self.zone)
        for _ in range(count):
            fire = self.trigger.get_next_fire_time(previous, moment)
            if fire is None:
                break
            found.append((fire, quarter_for(fire)))
            previous, moment = fire, fire + timedelta(seconds=1)
        return found

    def last_fire(self, now: datetime) -> datetime | None:
        """The latest scheduled time at or before ``now`` within the grace time."""
        start = (now - self.grace).astimezone(self.zone)
        last = None
        for fire, _ in self.next_runs(start - timedelta(seconds=1), 12):
            if fire > now:
                break
            last = fire
        return last

    def missed(self, now: datetime, store: Store) -> Quarter | None:
        """The quarter whose scheduled run passed (within the grace time) without finishing."""
        fire = self.last_fire(now)
        if fire is None:
            return None
        quarter = quarter_for(fire)
        current = store.current_run(quarter)
        return quarter if current is None or current.status != "finished" else None

    def due_recheck(self, now: datetime, store: Store) -> Quarter | None:
        """The latest audited quarter whose re-check is due and not yet made."""
        days = self.settings.recheck_after_days
        quarters = store.quarters()
        if not days or not quarters:
            return None
        quarter = quarters[-1]
        current = store.current_run(quarter)
        if current is None or current.status != "finished" or current.finished_at is None:
            return None
        if any(r.kind == "recheck" and r.parent_run == current.id for r in store.runs(quarter)):
            return None
        due = datetime.fromisoformat(current.finished_at) + timedelta(days=days)
        return quarter if now >= due else None

    # -- what ---------------------------------------------------------------------------------

    def run_quarter(self, quarter: Quarter) -> None:
        log.info("Lịch tự động: kiểm tra quý %s", quarter)
        try:
            if self._run is not None:
                self._run(quarter)
            else:
                self._audit(quarter)
        except Exception:  # a failed run must not stop the scheduler: the next start catches up
            log.exception("Lịch tự động: lần chạy quý %s lỗi", quarter)

    def fire(self) -> None:
        """The CronTrigger's job: the quarter that just ended."""
        self.run_quarter(quarter_for(datetime.now(self.zone)))

    def check_recheck(self) -> None:
        with Store(self._store_path()) as store:
            quarter = self.due_recheck(datetime.now(self.zone), store)
        if quarter is None:
            return
        log.info("Lịch tự động: kiểm tra lại các đơn vị còn “?” của quý %s", quarter)
        try:
            if self._recheck is not None:
                self._recheck(quarter)
            else:
                self._audit(quarter, recheck=True)
        except Exception:
            log.exception("Lịch tự động: kiểm tra lại quý %s lỗi", quarter)

    def _store_path(self) -> Path:
        from camthuy_audit.cli_quarter import store_path

        return store_path(self.config)

    def _audit(self, quarter: Quarter, *, recheck: bool = False) -> None:
        from camthuy_audit.cli import notice_date
        from camthuy_audit.cli_quarter import audit_quarter, recheck_and_render

        args = self.args or argparse.Namespace(debug=False, quiet=True, verbose=False)
        dated = notice_date(None, quarter, self.config)
        if recheck:
            recheck_and_render(self.config, quarter, self.out, dated, args)
        else:
            audit_quarter(self.config, quarter, self.out, dated, args)

    def startup(self, now: datetime) -> list[tuple[str, Quarter]]:
        """What to do at once when the scheduler starts: a missed quarter, a due re-check."""
        with Store(self._store_path()) as store:
            work = []
            missed = self.missed(now, store)
            if missed is not None:
                work.append(("run", missed))
            due = self.due_recheck(now, store)
            if due is not None and due != missed:
                work.append(("recheck", due))
        return work

    def serve(self) -> None:
        """Run until stopped (Ctrl-C, or the service manager)."""
        scheduler = BlockingScheduler(timezone=self.zone)
        scheduler.add_job(self.fire, self.trigger, id="quarterly", coalesce=True, max_instances=1,
                          misfire_grace_time=int(self.grace.total_seconds()))
        scheduler.add_job(self.check_recheck, IntervalTrigger(seconds=_RECHECK_POLL.total_seconds(),
                                                              timezone=self.zone),
                          id="recheck", coalesce=True, max_instances=1)
        now = datetime.now(self.zone)
        for kind, quarter in self.startup(now):
            if kind == "run":
                log.warning("Lịch tự động: lần chạy quý %s đã bị lỡ, chạy ngay", quarter)
                scheduler.add_job(self.run_quarter, "date", run_date=now, args=[quarter], id=f"missed-{quarter}")
            else:
                scheduler.add_job(self.check_recheck, "date", run_date=now, id=f"recheck-{quarter}")
        for fire, quarter in self.next_runs(now, 1):
            log.info("Lịch tự động: lần chạy tới %s (quý %s)", fire.isoformat(), quarter)
        try:
            scheduler.start()
        except (KeyboardInterrupt, SystemExit):
            log.info("Lịch tự động: đã dừng")
