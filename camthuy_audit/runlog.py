"""Logs and progress of a quarterly run: a live display on a terminal, plain lines for cron, a log file.

Per-unit lines go to the ``camthuy_audit.run`` logger (and so to the run's log file); on a terminal
the progress display prints them itself above its bar. Log times are Vietnam local time.
"""

from __future__ import annotations

import logging
import sys
import time
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TaskID,
    TextColumn,
    TimeElapsedColumn,
    TimeRemainingColumn,
)
from rich.text import Text

from camthuy_audit.aggregate import unit_posts
from camthuy_audit.console import appendix1_row
from camthuy_audit.models import UnitResult
from camthuy_audit.quarter import VN_TZ

RUN_LOG = "camthuy_audit.run"


def _vietnam_time(seconds: float | None) -> time.struct_time:
    return datetime.fromtimestamp(seconds if seconds is not None else time.time(), VN_TZ).timetuple()


class VietnamFormatter(logging.Formatter):
    """Log times in Vietnam local time, whatever the machine's time zone (log names use it too)."""

    converter = staticmethod(_vietnam_time)


class ShortFormatter(VietnamFormatter):
    """Log lines without tracebacks (those are for --debug and the log file only)."""

    def format(self, record: logging.LogRecord) -> str:
        if record.exc_info:
            exc = record.exc_info[1]
            record = logging.makeLogRecord(record.__dict__)
            record.msg = f"{record.getMessage()}: {type(exc).__name__}: {exc}"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        return super().format(record)


class NotRunLines(logging.Filter):
    """Keeps the per-unit run lines out of a handler (the progress display prints its own); warnings
    and errors of the run (units not checked, no notice written) always pass."""

    def filter(self, record: logging.LogRecord) -> bool:
        return record.levelno >= logging.WARNING or not record.name.startswith(RUN_LOG)


def unit_line(result: UnitResult, done: int, total: int) -> str:
    """One plain line per audited unit (cron output and the log file)."""
    if not result.reachable:
        state = f"không truy cập được ({result.unreachable_reason})"
    else:
        posts = unit_posts(result)
        state = f"{appendix1_row(result)}  tin bài: {posts if posts is not None else '?'}"
    return f"[{done}/{total}] {result.name} ({result.unit_id}): {state}  trang: {result.pages_fetched}, lỗi: {len(result.errors)}"


@dataclass
class RunCounters:
    total: int
    done: int = 0
    requests: int = 0
    errors: int = 0
    unreachable: int = 0


class RunProgress:
    """Progress of a quarterly run: rich on a terminal, plain log lines otherwise (cron)."""

    def __init__(self, total: int, *, console: Console | None, quiet: bool, verbose: bool = False,
                 heartbeat: float = 60.0) -> None:
        self.counters = RunCounters(total=total)
        self.log = logging.getLogger(RUN_LOG)
        self.quiet = quiet
        self.verbose = verbose
        self.heartbeat = heartbeat
        self._last_beat = time.monotonic()
        self._progress: Progress | None = None
        self._task: TaskID | None = None
        if console is not None and not quiet:
            self._progress = Progress(
                SpinnerColumn(),
                TextColumn("[bold]{task.description}"),
                BarColumn(),
                MofNCompleteColumn(),
                TextColumn("đơn vị · {task.fields[requests]} yêu cầu · {task.fields[errors]} lỗi · đã chạy"),
                TimeElapsedColumn(),
                TextColumn("· còn khoảng"),
                TimeRemainingColumn(),
                console=console,
                transient=False,
            )

    def __enter__(self) -> RunProgress:
        if self._progress is not None:
            self._progress.start()
            self._task = self._progress.add_task("Đang kiểm tra", total=self.counters.total,
                                                 requests=0, errors=0)
        return self

    def __exit__(self, *exc: object) -> None:
        if self._progress is not None:
            self._refresh()
            self._progress.stop()

    def _refresh(self) -> None:
        if self._progress is not None and self._task is not None:
            c = self.counters
            self._progress.update(self._task, completed=c.done, requests=c.requests, errors=c.errors)

    def retarget(self, total: int) -> None:
        """The number of units this run audits after all (a resumed run skips those already done)."""
        self.counters.total = total
        if self._progress is not None and self._task is not None:
            self._progress.update(self._task, total=total)

    def tick(self, requests: int) -> None:
        """Called a few times a second with the fetcher's request count."""
        self.counters.requests = requests
        self._refresh()
        now = time.monotonic()
        if self._progress is None and now - self._last_beat >= self.heartbeat:
            self._last_beat = now
            c = self.counters
            self.log.info("đang chạy: %d/%d đơn vị xong, %d yêu cầu, %d lỗi", c.done, c.total, c.requests, c.errors)

    def unit_done(self, result: UnitResult, requests: int) -> None:
        c = self.counters
        c.done += 1
        c.requests = requests
        c.errors += len(result.errors)
        c.unreachable += 0 if result.reachable else 1
        line = unit_line(result, c.done, c.total)
        self.log.info(line)
        for error in result.errors:
            self.log.debug("  %s: %s — %s", result.unit_id, error.url, error.message)
        if self._progress is not None:
            shown = Text(line, style="yellow" if not result.reachable else "")
            shown.highlight_regex(r"(?<= )o(?= )", "bold red")
            if self.verbose:
                for error in result.errors:
                    shown.append(f"\n    {error.url} — {error.message}", style="dim")
            self._progress.console.print(shown)
        self._refresh()

    def summary(self) -> str:
        c = self.counters
        text = f"Xong {c.done}/{c.total} đơn vị: {c.requests} yêu cầu, {c.errors} lỗi tải trang"
        if c.unreachable:
            text += f", {c.unreachable} cổng không truy cập được"
        return text


def now_stamp() -> str:
    return datetime.now(VN_TZ).strftime("%Y%m%d-%H%M%S")


# --- handlers -------------------------------------------------------------------------------

_saved_levels: dict[str, int] = {}  # logger levels to restore
_OURS = "camthuy_audit_handler"  # marks the handlers setup_logging added


def setup_logging(*, debug: bool, verbose: bool = False, quiet: bool = False, plain_info: bool = False,
                  log_file: Path | None = None, console: Console | None = None) -> None:
    """Handlers on the root logger: stderr (short lines, no traceback unless --debug) and a run log file.

    ``plain_info``: per-unit INFO lines go to stderr too (a run without a terminal, e.g. cron).
    ``console``: the terminal's stderr console, shared with the live progress display.
    """
    root = logging.getLogger()
    teardown_logging()
    _saved_levels.setdefault("root", root.level)
    root.setLevel(logging.DEBUG)
    stderr: logging.Handler
    if console is not None:
        from rich.logging import RichHandler

        stderr = RichHandler(console=console, show_path=False, markup=False, rich_tracebacks=False)
    else:
        stderr = logging.StreamHandler(sys.stderr)
    setattr(stderr, _OURS, True)  # noqa: B010
    if debug or verbose:
        stderr.setLevel(logging.DEBUG)
    elif quiet:
        stderr.setLevel(logging.WARNING)
    else:
        stderr.setLevel(logging.INFO if plain_info else logging.WARNING)
    if console is not None:  # rich shows the time and the level itself
        stderr.setFormatter(VietnamFormatter("%(name)s: %(message)s") if debug else ShortFormatter("%(message)s"))
    elif debug:
        stderr.setFormatter(VietnamFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    else:
        stderr.setFormatter(ShortFormatter("%(asctime)s %(levelname)s %(message)s", "%Y-%m-%d %H:%M:%S"))
    if not plain_info:
        stderr.addFilter(NotRunLines())  # the terminal progress prints its own lines
    root.addHandler(stderr)
    if log_file is not None:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        file_handler = logging.FileHandler(log_file, encoding="utf-8")
        setattr(file_handler, _OURS, True)  # noqa: B010
        file_handler.setLevel(logging.DEBUG)
        file_handler.setFormatter(VietnamFormatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        root.addHandler(file_handler)
    for noisy in ("httpx", "httpcore", "asyncio"):
        _saved_levels.setdefault(noisy, logging.getLogger(noisy).level)
        logging.getLogger(noisy).setLevel(logging.DEBUG if debug else logging.WARNING)


def teardown_logging() -> None:
    """Remove (and close) the handlers :func:`setup_logging` added, and restore the levels it changed."""
    root = logging.getLogger()
    for handler in list(root.handlers):
        if getattr(handler, _OURS, False):
            root.removeHandler(handler)
            handler.close()
    for name, level in _saved_levels.items():
        logging.getLogger(None if name == "root" else name).setLevel(level)
    _saved_levels.clear()
