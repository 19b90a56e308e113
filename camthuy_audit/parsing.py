"""Where pages are parsed: a worker thread, or worker processes when an audit has many portals.

Parsing a page (layout, menu, listing, dates) is pure Python work of ~5-10 ms. Threads keep the
event loop free but share one core (the GIL); an audit of hundreds of portals is then bound by one
core while its requests wait. :func:`parse_processes` opens a pool of worker processes for the
duration of an audit; :func:`analyze_page` uses it when open, a thread otherwise. A page that
crashes a worker (hostile HTML hitting a parser bug) costs that page only: the pool is made anew.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator
from collections.abc import Set as AbstractSet
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import contextmanager

from camthuy_audit.extract.menu import MenuTemplate
from camthuy_audit.extract.page import PageView, analyze
from camthuy_audit.fetch import host_of

log = logging.getLogger(__name__)

_pool: ProcessPoolExecutor | None = None
_opening: Future[None] | None = None   # the pool is being started
_size = 0


class ParseCrash(RuntimeError):
    """A worker process died while parsing a page."""


def _owned_by(hosts: frozenset[str]) -> Callable[[str], bool]:
    return lambda url: host_of(url) in hosts


def _analyze(html: str, url: str, hosts: frozenset[str], skip: AbstractSet[str], full: bool,
             template: MenuTemplate | None) -> PageView:
    return analyze(html, url, _owned_by(hosts), skip=skip, full=full, template=template)


def processes_for(portals: int, configured: int) -> int:
    """Worker processes for an audit: ``configured`` (1: none), or with 0 one per CPU when there are
    enough portals to keep them busy (a handful is parsed faster than processes start)."""
    if configured:
        return configured if configured > 1 else 0
    cpus = os.cpu_count() or 1
    return cpus if cpus > 1 and portals >= 8 else 0


def _context() -> multiprocessing.context.BaseContext:
    if sys.platform.startswith("linux"):
        context = multiprocessing.get_context("forkserver")
        # Imported once by the fork server, not by each worker at its first page (it needs this
        # module to find `_analyze`), which delayed the first home pages by a tenth of a second.
        context.set_forkserver_preload(["camthuy_audit.parsing"])
        return context
    return multiprocessing.get_context("spawn")


# CPU seconds and peak RSS (MB, the largest worker's) of the parser processes of this process's
# audits so far: measured as they are shut down, for `make bench`.
usage = {"cpu_s": 0.0, "peak_rss_mb": 0.0, "workers": 0}


def _account(pool: ProcessPoolExecutor) -> None:
    import psutil

    for process in list(getattr(pool, "_processes", {}).values()):
        try:
            worker = psutil.Process(process.pid)
            times = worker.cpu_times()
            usage["cpu_s"] += times.user + times.system
            usage["peak_rss_mb"] = max(usage["peak_rss_mb"], _peak_rss(process.pid) or worker.memory_info().rss / 2**20)
            usage["workers"] += 1
        except (psutil.Error, OSError):
            continue


def _peak_rss(pid: int) -> float | None:
    """A process's peak resident memory in MB (Linux: VmHWM), or None where it cannot be read."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        return None
    return None


def _warm() -> int:
    return os.getpid()


def _started(count: int) -> ProcessPoolExecutor:
    """A pool whose workers start now (while the home pages are being fetched), not at the first page."""
    pool = ProcessPoolExecutor(count, mp_context=_context())
    for _ in range(count):
        pool.submit(_warm)
    return pool


@contextmanager
def parse_processes(count: int) -> Iterator[None]:
    """Parse in ``count`` worker processes until the block ends (0: in a thread).

    The workers start in the background (that takes a few tenths of a second); pages read meanwhile
    are parsed in a thread."""
    global _pool, _size, _opening
    if count <= 0 or _pool is not None or _opening is not None:
        yield
        return
    _size = count
    opening = _opening = Future()

    def start() -> None:
        global _pool
        try:
            _pool = _started(count)
        finally:
            opening.set_result(None)

    threading.Thread(target=start, name="parser-pool", daemon=True).start()
    try:
        yield
    finally:
        opening.result()
        _opening = None
        pool, _pool = _pool, None
        if pool is not None:
            _account(pool)
            pool.shutdown(wait=True, cancel_futures=True)


async def analyze_page(html: str, url: str, hosts: frozenset[str], *, skip: AbstractSet[str], full: bool,
                       template: MenuTemplate | None) -> PageView:
    """The page read, in a worker process when a pool is open, else in a worker thread."""
    global _pool
    pool = _pool
    if pool is None:
        return await asyncio.to_thread(_analyze, html, url, hosts, skip, full, template)
    loop = asyncio.get_running_loop()
    for attempt in range(2):
        try:
            return await loop.run_in_executor(pool, _analyze, html, url, hosts, skip, full, template)
        except BrokenProcessPool:
            # A worker died: every page in the pool at that moment fails with it. Each is tried once
            # more on a new pool; a page that kills that one too is the cause, and is skipped.
            if _pool is pool:
                log.error("a parser process died (on %s or a page parsed beside it): pool made anew", url)
                _pool = _started(_size)
                pool.shutdown(wait=False, cancel_futures=True)
            if _pool is None or attempt:
                break
            pool = _pool
    raise ParseCrash(f"trình đọc trang bị dừng đột ngột khi đọc {url}")
