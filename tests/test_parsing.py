"""Pages parsed in worker processes: the same reading as in a thread, started without holding up the
audit, and a dead worker costs no more than the pages it held."""

from __future__ import annotations

import asyncio
from concurrent.futures import Executor, Future
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pytest

from camthuy_audit import parsing
from camthuy_audit.extract.page import analyze

URL = "https://xa-thu.example.gov.vn/tin-tuc/"
HOSTS = frozenset({"xa-thu.example.gov.vn"})
PAGE = """<html><head><title>Tin tức</title></head><body>
<nav class="main-menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc/">Tin tức</a></li>
<li><a href="/gioi-thieu/">Giới thiệu</a></li><li><a href="/lien-he/">Liên hệ</a></li></ul></nav>
<main><h1>Tin tức - Sự kiện</h1><ul class="news">
<li><a href="/tin-tuc/a.html">Xã Thử tổ chức hội nghị tổng kết công tác năm 2022</a> <span>05/01/2023</span></li>
<li><a href="/tin-tuc/b.html">Xã Thử ra quân tổng vệ sinh môi trường đầu xuân</a> <span>03/01/2023</span></li>
<li><a href="/tin-tuc/c.html">Xã Thử tập huấn kỹ năng số cho người dân các thôn</a> <span>02/01/2023</span></li>
</ul><div class="pagination"><a href="/tin-tuc/?page=2">2</a></div></main></body></html>"""


def _reading(view: Any) -> tuple[object, ...]:
    return (view.heading, [(i.url, i.title, i.date) for i in view.items], view.next_page, view.content_text)


def test_processes_are_used_for_many_portals_only(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsing.os, "cpu_count", lambda: 2)
    assert parsing.processes_for(17, 0) == 2
    assert parsing.processes_for(1, 0) == 0          # one portal: parsed faster than processes start
    assert parsing.processes_for(170, 1) == 0        # configured: always in a thread
    assert parsing.processes_for(3, 4) == 4
    monkeypatch.setattr(parsing.os, "cpu_count", lambda: 1)
    assert parsing.processes_for(3300, 0) == 0


def test_a_worker_process_reads_a_page_as_a_thread_does() -> None:
    async def go() -> object:
        with parsing.parse_processes(2):
            while parsing._opening is not None and not parsing._opening.done():
                await asyncio.sleep(0.05)
            assert parsing._pool is not None
            return await parsing.analyze_page(PAGE, URL, HOSTS, skip=set(), full=False, template=None)

    in_process = asyncio.run(go())
    in_thread = analyze(PAGE, URL, lambda u: "xa-thu.example.gov.vn" in u, full=False)
    assert _reading(in_process) == _reading(in_thread)
    assert len(in_thread.items) == 3 and parsing._pool is None   # the pool is gone with the block


class _Pool(Executor):
    """An executor that fails as a dead process pool does, or runs the call in this thread."""

    def __init__(self, broken: bool) -> None:
        self.broken, self.calls = broken, 0

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        self.calls += 1
        future: Future[Any] = Future()
        if self.broken:
            future.set_exception(BrokenProcessPool("a worker died"))
        else:
            future.set_result(fn(*args, **kwargs))
        return future

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        pass


def test_a_dead_worker_is_replaced_and_the_page_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = _Pool(broken=False)
    monkeypatch.setattr(parsing, "_pool", _Pool(broken=True))
    monkeypatch.setattr(parsing, "_size", 2)
    monkeypatch.setattr(parsing, "_started", lambda count: fresh)
    view = asyncio.run(parsing.analyze_page(PAGE, URL, HOSTS, skip=set(), full=False, template=None))
    assert len(view.items) == 3 and fresh.calls == 1 and parsing._pool is fresh


def test_a_page_that_kills_every_worker_is_given_up(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parsing, "_pool", _Pool(broken=True))
    monkeypatch.setattr(parsing, "_size", 2)
    monkeypatch.setattr(parsing, "_started", lambda count: _Pool(broken=True))
    with pytest.raises(parsing.ParseCrash, match="trình đọc trang bị dừng"):
        asyncio.run(parsing.analyze_page(PAGE, URL, HOSTS, skip=set(), full=False, template=None))
