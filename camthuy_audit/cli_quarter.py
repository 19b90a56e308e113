"""The quarterly commands: `run`, `demo`, `recheck`, `render`, `history`, `schedule`.

Each run goes through the history store (resumable, locked); the outputs of a quarter are rendered
from the store. Exit codes: 0 done, 3 some units could not be checked (named at WARNING level, shown
with --quiet), 5 another run holds the quarter (its process, machine and start are named), 6 no unit
could be checked, so no notice was written (the reason is logged at ERROR level).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
from collections.abc import Awaitable, Callable
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from camthuy_audit.cli import (
    EXIT_BUSY,
    EXIT_NO_NOTICE,
    EXIT_OK,
    EXIT_UNKNOWN,
    LOG_DIR,
    SIMULATOR_LOG,
    _require_resolve,
    _stderr_is_terminal,
    simulated_quarter,
)
from camthuy_audit.config import Config
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.rules import APPENDIX1_IDS
from camthuy_audit.runlog import setup_logging
from camthuy_audit.store import best
from camthuy_audit.targets import UsageError

if TYPE_CHECKING:
    from rich.console import Console

    from camthuy_audit.fetch import Fetcher
    from camthuy_audit.models import UnitResult
    from camthuy_audit.runlog import RunProgress
    from camthuy_audit.runs import Outcome, Rendered
    from camthuy_audit.store import Store

log = logging.getLogger("camthuy_audit.run")


def store_path(config: Config) -> Path:
    district = config.district
    return Path(district.history.store if district else "var/history.sqlite")


def open_store(config: Config) -> Store:
    from camthuy_audit.store import Store, StoreError

    try:
        return Store(store_path(config))
    except StoreError as exc:
        raise UsageError(str(exc)) from None


def _setup(args: argparse.Namespace, folder: Path, prefix: str) -> tuple[Path, bool, Console | None]:
    """Logging to the run's log file (and stderr): (log path, chatty, the console logging writes to —
    on a terminal, to be shared with the live progress display)."""
    from camthuy_audit.console import make_console
    from camthuy_audit.runlog import now_stamp

    log_path = folder / LOG_DIR / f"{prefix}-{now_stamp()}.log"
    terminal = _stderr_is_terminal()
    quiet = bool(getattr(args, "quiet", False))
    console = make_console(sys.stderr) if terminal else None
    setup_logging(debug=bool(args.debug), verbose=bool(getattr(args, "verbose", False)), quiet=quiet,
                  plain_info=not terminal, log_file=log_path, console=console)
    return log_path, terminal and not quiet, console


async def _with_progress(config: Config, progress: RunProgress,
                         work: Callable[[Fetcher], Awaitable[Outcome]]) -> Outcome:
    from camthuy_audit.fetch import Fetcher

    async with Fetcher(config.crawl, resolve=config.resolve) as fetcher:
        async def poll() -> None:
            while True:
                progress.tick(fetcher.requests)
                await asyncio.sleep(0.25)

        poller = asyncio.create_task(poll())
        try:
            return await work(fetcher)
        finally:
            poller.cancel()
            progress.tick(fetcher.requests)


def _unchecked_warning(rendered: Rendered, audited: list[UnitResult] | None = None) -> int:
    """WARNING naming the units that could not be checked (shown with --quiet); the exit code.

    ``audited``: this run's own results — a run that reached nothing says so even when the quarter's
    outputs keep an earlier complete run."""
    entries = rendered.notice_model.body.get("not_checked")
    named = [f"{e.name} ({e.detail})" for e in (entries.entries if entries else [])]
    if audited:
        shown = {e.unit_id for e in (entries.entries if entries else [])}
        named += [f"{r.name} ({r.unreachable_reason or 'có nội dung không kiểm tra được'})" for r in audited
                  if r.unit_id not in shown and (not r.reachable or any(v.mark == "?" for v in r.verdicts.values()))]
    if not named:
        return EXIT_OK
    log.warning("%d đơn vị không kiểm tra được: %s", len(named), "; ".join(named))
    return EXIT_UNKNOWN


def _print_outputs(rendered: Rendered, log_path: Path | None) -> None:
    if rendered.notice is not None:
        print(f"Công văn:  {rendered.notice}")
        extra = [p for p in (rendered.notice_docx, rendered.notice_pdf) if p is not None]
        if extra:
            print(f"           {', '.join(str(p) for p in extra)}")
    if rendered.appendices_xlsx is not None:
        print(f"Phụ lục:   {', '.join(str(p) for p in (rendered.appendices_xlsx, *rendered.appendix_csvs))}")
    print(f"Báo cáo:   {rendered.report}")
    print(f"Kết quả:   {rendered.results}")
    if log_path is not None:
        print(f"Nhật ký:   {log_path}")


def _outcome_code(rendered: Rendered, code: int) -> int:
    """Say why no notice or no PDF was written; exit 6 when no notice could be written."""
    if rendered.no_pdf:
        log.warning("%s.", rendered.no_pdf[0].upper() + rendered.no_pdf[1:])
    if rendered.withheld:
        log.error("Không viết công văn quý %s: %s.", rendered.notice_model.quarter, rendered.withheld)
        return EXIT_NO_NOTICE
    return code


def audit_quarter(config: Config, quarter: Quarter, out: Path, run_date: date, args: argparse.Namespace, *,
                  kind: str = "run", force: bool = False) -> tuple[int, Rendered | None, Path]:
    """Run (or resume) the quarter through the store and render its outputs: (exit code, outputs, log)."""
    from camthuy_audit.render import report_dir
    from camthuy_audit.runlog import RunProgress
    from camthuy_audit.runs import render_quarter, run_quarter
    from camthuy_audit.store import QuarterBusy

    log_path, chatty, console = _setup(args, report_dir(out, quarter), kind)
    total = len(config.units)
    log.info("Bắt đầu kiểm tra %d cổng thông tin, %s, cấu hình %s", total, quarter, config.path)
    if chatty:
        print(f"Kiểm tra {total} cổng thông tin, quý {quarter.roman}/{quarter.year} — nhật ký: {log_path}",
              file=sys.stderr, flush=True)
    with open_store(config) as store:
        try:
            with RunProgress(total, console=console, quiet=bool(getattr(args, "quiet", False)),
                             verbose=bool(getattr(args, "verbose", False))) as progress:
                outcome = asyncio.run(_with_progress(config, progress, lambda fetcher: run_quarter(
                    config, quarter, store, kind=kind, force=force, fetcher=fetcher,
                    on_start=progress.retarget, on_done=lambda r: progress.unit_done(r, fetcher.requests))))
        except QuarterBusy as exc:
            log.error("Không chạy: %s. Chờ lần chạy đó xong, hoặc dừng nó rồi chạy lại.", exc)
            return EXIT_BUSY, None, log_path
        log.info(progress.summary())
        if chatty:
            print(progress.summary(), file=sys.stderr, flush=True)
        if outcome.status == "already_done":
            assert outcome.run is not None
            log.warning("Quý %s đã kiểm tra xong (lần chạy #%d, %s): không chạy lại. Dùng --force để chạy lại "
                        "(lần chạy cũ vẫn được lưu), hoặc `camthuy-audit render` để viết lại công văn.",
                        quarter, outcome.run.id, outcome.run.finished_at)
        if outcome.audited and not any(r.reachable for r in outcome.audited):
            current = store.current_run(quarter)
            if current is not None and outcome.run is not None and current.id != outcome.run.id:
                log.warning("Lần chạy này không truy cập được cổng nào: giữ nguyên kết quả của lần chạy #%d.",
                            current.id)
        rendered = render_quarter(config, quarter, store, out, run_date=run_date)
    log.info("Đã viết %s", ", ".join(str(p) for p in (*rendered.notice_files, rendered.report, rendered.results)))
    return _outcome_code(rendered, _unchecked_warning(rendered, outcome.audited)), rendered, log_path


def cmd_run(args: argparse.Namespace, config: Config, quarter: Quarter, run_date: date) -> int:
    code, rendered, log_path = audit_quarter(config, quarter, Path(args.out), run_date, args, force=args.force)
    if rendered is not None:
        _print_outputs(rendered, log_path)
    return code


def cmd_demo(args: argparse.Namespace, config: Config, quarter: Quarter, run_date: date) -> int:
    from camthuy_audit.simulator import District

    _require_resolve(config)
    with District(config.resolve, quarter=simulated_quarter(quarter)) as district:
        print(f"Huyện mô phỏng đang chạy trên 127.0.0.1 ({len(district.addresses)} tên máy).", file=sys.stderr)
        code, rendered, log_path = audit_quarter(config, quarter, Path(args.out), run_date, args, kind="demo",
                                                 force=True)
        requests = district.write_request_log(log_path.parent / SIMULATOR_LOG)
    if rendered is not None:
        _print_outputs(rendered, log_path)
    print(f"Nhật ký yêu cầu của huyện mô phỏng: {requests}")
    return code


def recheck_and_render(config: Config, quarter: Quarter, out: Path, run_date: date,
                       args: argparse.Namespace) -> tuple[int, Rendered | None, Path]:
    """Audit again the units left with a "?", keep both attempts, render the quarter from the store."""
    from camthuy_audit.render import report_dir
    from camthuy_audit.runlog import RunProgress
    from camthuy_audit.runs import recheck_quarter, render_quarter
    from camthuy_audit.store import QuarterBusy

    log_path, _, _ = _setup(args, report_dir(out, quarter), "recheck")
    with open_store(config) as store:
        if store.current_run(quarter) is None:
            raise UsageError(f"chưa có kết quả quý {quarter} trong {store.path}: chạy `camthuy-audit run` trước")
        try:
            with RunProgress(len(config.units), console=None, quiet=bool(getattr(args, "quiet", False))) as progress:
                outcome = asyncio.run(_with_progress(config, progress, lambda fetcher: recheck_quarter(
                    config, quarter, store, fetcher=fetcher, on_start=progress.retarget,
                    on_done=lambda r: progress.unit_done(r, fetcher.requests))))
        except QuarterBusy as exc:
            log.error("Không chạy: %s.", exc)
            return EXIT_BUSY, None, log_path
        if outcome.status == "nothing_to_recheck":
            log.warning("Quý %s: không có đơn vị nào còn “?” cần kiểm tra lại.", quarter)
        rendered = render_quarter(config, quarter, store, out, run_date=run_date)
    return _outcome_code(rendered, _unchecked_warning(rendered, outcome.audited)), rendered, log_path


def cmd_recheck(args: argparse.Namespace, config: Config, quarter: Quarter, run_date: date) -> int:
    code, rendered, log_path = recheck_and_render(config, quarter, Path(args.out), run_date, args)
    if rendered is not None:
        _print_outputs(rendered, log_path)
    return code


def cmd_render(args: argparse.Namespace, config: Config, quarter: Quarter, run_date: date) -> int:
    from camthuy_audit.runs import render_quarter

    setup_logging(debug=bool(args.debug), quiet=bool(getattr(args, "quiet", False)))
    with open_store(config) as store:
        if store.current_run(quarter) is None:
            known = ", ".join(str(q) for q in store.quarters()) or "chưa có quý nào"
            raise UsageError(f"không có kết quả quý {quarter} trong {store.path} (có: {known})")
        rendered = render_quarter(config, quarter, store, Path(args.out), run_date=run_date)
    _print_outputs(rendered, None)
    return _outcome_code(rendered, EXIT_OK)


def history_document(config: Config, store: Store) -> dict[str, object]:
    """`history --json`: the quarters audited, their runs, and per unit its marks and posts over time."""
    quarters = store.quarters()
    units: dict[str, dict[str, object]] = {}
    for quarter in quarters:
        for tries in store.attempts(quarter).values():   # one reading serves the result and its attempts
            result = best(tries)
            entry = units.setdefault(result.unit_id, {"name": result.name, "quarters": {}})
            marks = {c: result.mark(c) for c in APPENDIX1_IDS}
            entry["quarters"][str(quarter)] = {  # type: ignore[index]
                "appendix1": marks, "passed": sum(1 for m in marks.values() if m == "x"),
                "posts_in_quarter": result.posts_in_quarter,
                "attempts": [{"run": run, "attempt": attempt, "reachable": tried.reachable,
                              "audited_at": tried.audited_at.isoformat(),
                              "passed": sum(1 for c in APPENDIX1_IDS if tried.mark(c) == "x")}
                             for run, attempt, tried in tries]}
    order = {u.id: i for i, u in enumerate(config.units)}
    runs = [{"id": r.id, "quarter": r.quarter, "kind": r.kind, "started_at": r.started_at,
             "finished_at": r.finished_at, "status": r.status, "rules_digest": r.rules_digest,
             "tool_version": r.tool_version, "parent_run": r.parent_run} for r in store.runs()]
    return {"store": str(store.path), "quarters": [str(q) for q in quarters], "runs": runs,
            "units": dict(sorted(units.items(), key=lambda item: (order.get(item[0], len(order)), item[0])))}


def cmd_history(args: argparse.Namespace, config: Config) -> int:
    from camthuy_audit.console import make_console, print_history

    with open_store(config) as store:
        document = history_document(config, store)
    if args.json:
        print(json.dumps(document, ensure_ascii=False, indent=2))
        return EXIT_OK
    print_history(make_console(sys.stdout), document)
    return EXIT_OK


def cmd_schedule(args: argparse.Namespace, config: Config) -> int:
    from camthuy_audit.schedule import QuarterlySchedule

    schedule = QuarterlySchedule(config, out=Path(args.out), args=args)
    if args.dry_run:
        for moment, quarter in schedule.next_runs(datetime.now(VN_TZ), 4):
            print(f"{moment.isoformat()} {quarter}")
        return EXIT_OK
    schedule.serve()
    return EXIT_OK
