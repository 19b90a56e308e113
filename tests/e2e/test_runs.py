"""Quarterly runs through the history store, as cron and a clerk use them, against the simulated district.

A run killed (SIGKILL) half-way and started again audits only the rest; two runs never write one
quarter; a portal down during the run is decided by the re-check; a run that reaches nothing keeps
the earlier notice and says so.
"""

from __future__ import annotations

import json
import os
import re
import signal
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from camthuy_audit import cli
from camthuy_audit.simulator import District

REPO = Path(__file__).resolve().parents[2]
HOSTS = ["camvan", "camgiang", "camthanh", "camquy", "camtan", "camngoc", "camtu", "camchau", "camyen", "camphu",
         "camthach", "cambinh", "thitranphongson", "camlien", "camlong", "camluong", "camtam", "thitran"]


def _free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


@pytest.fixture
def district() -> Iterator[District]:
    ports = _free_ports(len(HOSTS))
    resolve = {f"{h}.camthuy.thanhhoa.gov.vn": f"127.0.0.1:{p}" for h, p in zip(HOSTS, ports, strict=True)}
    sim = District(resolve, latency=0.02)
    sim.start()
    yield sim
    sim.stop()


def _config(tmp_path: Path, sim: District, name: str = "sim.toml", store: str = "var/history.sqlite") -> Path:
    resolve = "\n".join(f'"{host}" = "{address}"' for host, address in sim.addresses.items())
    path = tmp_path / name
    path.write_text(f'extends = "{(REPO / "config" / "district.toml").as_posix()}"\n\n'
                    f'[history]\nstore = "{store}"\n\n'
                    "[crawl]\nconnect_timeout = 2.0\nread_timeout = 20.0\nmin_delay = 0.0\nmax_portals = 2\n"
                    f'http_cache = false\nattempts = 1\n\n[resolve]\n{resolve}\n', encoding="utf-8")
    return path


def _cli(tmp_path: Path, *args: str) -> subprocess.Popen[str]:
    return subprocess.Popen([sys.executable, "-m", "camthuy_audit", *args], cwd=tmp_path, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _rows(store: Path, sql: str) -> list[tuple[object, ...]]:
    if not store.exists():
        return []
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True, timeout=10)
    try:
        return db.execute(sql).fetchall()
    except sqlite3.OperationalError:
        return []
    finally:
        db.close()


def _wait(condition, what: str, timeout: float = 60.0) -> None:  # type: ignore[no-untyped-def]
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        time.sleep(0.05)


def _notice_text(path: Path) -> str:
    tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
    assert tree.body is not None
    return " ".join(tree.body.text(separator=" ").split())


def test_a_killed_run_resumes_with_the_units_not_done_and_the_same_notice(tmp_path: Path, district: District) -> None:
    config = _config(tmp_path, district)
    store = tmp_path / "var" / "history.sqlite"
    run = _cli(tmp_path, "run", "--quarter", "2023-Q1", "--config", str(config), "--quiet", "--date", "2023-04-12")
    _wait(lambda: len(_rows(store, "SELECT id FROM unit_results")) >= 5, "five units committed")
    os.kill(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    done = {row[0] for row in _rows(store, "SELECT unit_id FROM unit_results")}
    assert 5 <= len(done) < 17
    killed_at = len(district.request_log)
    again = subprocess.run([sys.executable, "-m", "camthuy_audit", "run", "--quarter", "2023-Q1", "--config",
                            str(config), "--quiet", "--date", "2023-04-12"], cwd=tmp_path, text=True,
                           capture_output=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "Tiếp tục lần chạy #1" in again.stderr
    units = {u["id"]: u for u in json.loads((tmp_path / "reports/2023-Q1/results.json").read_text())["units"]}
    done_hosts = {units[u]["url"].split("/")[2] for u in done} | ({"thitran.camthuy.thanhhoa.gov.vn"}
                                                                  if "phongson" in done else set())
    fetched_again = {r.host for r in district.request_log[killed_at:]} & done_hosts
    assert not fetched_again, f"units finished before the kill were fetched again: {sorted(fetched_again)}"
    assert _rows(store, "SELECT count(*), count(DISTINCT unit_id) FROM unit_results") == [(17, 17)]
    assert _rows(store, "SELECT status FROM runs") == [("finished",)]
    # The same notice as one uninterrupted run.
    fresh = _config(tmp_path, district, "fresh.toml", store="var/fresh.sqlite")
    whole = subprocess.run([sys.executable, "-m", "camthuy_audit", "run", "--quarter", "2023-Q1", "--config",
                            str(fresh), "--quiet", "--out", "whole", "--date", "2023-04-12"], cwd=tmp_path,
                           text=True, capture_output=True, timeout=300)
    assert whole.returncode == 0, whole.stderr
    assert _notice_text(tmp_path / "reports/2023-Q1/notice.html") == _notice_text(tmp_path / "whole/2023-Q1/notice.html")
    # A finished quarter is not run again without --force.
    idle = subprocess.run([sys.executable, "-m", "camthuy_audit", "run", "--quarter", "2023-Q1", "--config",
                           str(config), "--date", "2023-04-12"], cwd=tmp_path, text=True, capture_output=True,
                          timeout=120)
    assert idle.returncode == 0 and "đã kiểm tra xong" in idle.stderr and "--force" in idle.stderr
    assert len(_rows(store, "SELECT id FROM runs")) == 1


def test_two_runs_of_one_quarter_never_write_at_once(tmp_path: Path, district: District,
                                                     capsys: pytest.CaptureFixture[str],
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    config = _config(tmp_path, district)
    store = tmp_path / "var" / "history.sqlite"
    first = _cli(tmp_path, "run", "--quarter", "2023-Q1", "--config", str(config), "--quiet")
    try:
        _wait(lambda: bool(_rows(store, "SELECT pid FROM locks")), "the first run's lock")
        monkeypatch.chdir(tmp_path)
        code = cli.main(["run", "--quarter", "2023-Q1", "--config", str(config), "--quiet"])
        err = capsys.readouterr().err
        assert code == cli.EXIT_BUSY == 5
        assert f"tiến trình {first.pid}" in err and socket.gethostname() in err and "từ 20" in err
    finally:
        first.kill()
        first.wait(timeout=30)


def test_a_unit_down_during_the_run_is_decided_by_the_recheck(tmp_path: Path, district: District,
                                                              monkeypatch: pytest.MonkeyPatch,
                                                              capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, district)
    monkeypatch.chdir(tmp_path)
    district.stop_host("camngoc.camthuy.thanhhoa.gov.vn")
    assert cli.main(["run", "--quarter", "2023-Q1", "--config", str(config), "--quiet"]) == cli.EXIT_UNKNOWN
    err = capsys.readouterr().err
    assert "WARNING" in err and "UBND xã Cẩm Ngọc" in err
    district.start()   # back up for the re-check
    assert cli.main(["recheck", "--quarter", "2023-Q1", "--config", str(config), "--quiet"]) == cli.EXIT_OK
    capsys.readouterr()
    results = json.loads((tmp_path / "reports/2023-Q1/results.json").read_text())
    ngoc = next(u for u in results["units"] if u["id"] == "camngoc")
    assert ngoc["reachable"] and "?" not in ngoc["appendix1"].values() and ngoc["posts_in_quarter"] == 108
    assert cli.main(["history", "--config", str(config), "--json"]) == cli.EXIT_OK
    history = json.loads(capsys.readouterr().out)
    assert [r["kind"] for r in history["runs"]] == ["run", "recheck"]
    attempts = history["units"]["camngoc"]["quarters"]["2023-Q1"]["attempts"]
    assert [(a["attempt"], a["reachable"]) for a in attempts] == [(1, False), (2, True)]


def test_a_run_that_reaches_nothing_exits_3_and_keeps_the_earlier_notice(tmp_path: Path, district: District,
                                                                         monkeypatch: pytest.MonkeyPatch,
                                                                         capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, district)
    monkeypatch.chdir(tmp_path)
    assert cli.main(["run", "--quarter", "2023-Q1", "--config", str(config), "--quiet"]) == cli.EXIT_OK
    notice = tmp_path / "reports/2023-Q1/notice.html"
    before = notice.read_text(encoding="utf-8")
    capsys.readouterr()
    district.stop()
    code = cli.main(["run", "--quarter", "2023-Q1", "--config", str(config), "--quiet", "--force"])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_UNKNOWN == 3
    assert "không truy cập được cổng nào" in err and "giữ nguyên kết quả của lần chạy #1" in err
    assert "notice.html" in out
    assert notice.read_text(encoding="utf-8") == before


def _letter_text(path: Path) -> str:
    tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
    letter = tree.css_first("main.letter")
    assert letter is not None
    return " ".join(letter.text(separator=" ").split())


def test_three_portals_down_are_named_in_vietnamese_and_the_notice_is_a_draft(
        tmp_path: Path, district: District, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    from docx import Document

    config = _config(tmp_path, district)
    monkeypatch.chdir(tmp_path)
    down = {"camngoc": "UBND xã Cẩm Ngọc", "camtu": "UBND xã Cẩm Tú", "camlong": "UBND xã Cẩm Long"}
    for unit in down:
        district.stop_host(f"{unit}.camthuy.thanhhoa.gov.vn")
    assert cli.main(["run", "--quarter", "2023-Q1", "--config", str(config), "--quiet"]) == cli.EXIT_UNKNOWN
    capsys.readouterr()
    folder = tmp_path / "reports/2023-Q1"
    letter = _letter_text(folder / "notice.html")
    assert letter.startswith("DỰ THẢO")
    sentence = next(p.text(separator=" ") for p in LexborHTMLParser((folder / "notice.html").read_text(
        encoding="utf-8")).css("p.list-not_checked"))
    sentence = " ".join(sentence.split())
    assert sentence.startswith("- Chưa kiểm tra được 3 xã (không tính là chưa thực hiện công văn số 155/UBND-VHTT")
    for name in ("Cẩm Ngọc", "Cẩm Tú", "Cẩm Long"):
        assert f"{name} (không truy cập được cổng thông tin)" in sentence
    # The technical detail is in results.json and the report, never in the letter.
    assert not re.search(r"https?:|127\.0\.0\.1|\.gov\.vn|robots|[Ee]rror|refused|[Cc]onnect|[Tt]imeout|Errno|HTTP",
                         letter), letter
    results = json.loads((folder / "results.json").read_text())
    ngoc = next(u for u in results["units"] if u["id"] == "camngoc")
    assert not ngoc["reachable"] and ngoc["unreachable_reason"]
    # The judgement counts only the 14 units checked.
    figures = results["figures"]
    counted = [u["posts_in_quarter"] for u in results["units"] if u["posts_in_quarter"] is not None]
    assert figures["units"] == 17 and figures["checked"] == figures["counted"] == len(counted) == 14
    assert figures["at_or_above_threshold"] == sum(1 for p in counted if p >= 30)
    assert figures["good_share"] == pytest.approx(figures["at_or_above_threshold"] / 14)
    # The Word notice says the same.
    document = Document(str(folder / "notice.docx"))
    words = " ".join(p.text for p in document.paragraphs)
    assert "DỰ THẢO" in words and "Cẩm Tú (không truy cập được cổng thông tin)" in words


def test_when_no_portal_can_be_checked_no_notice_is_written(tmp_path: Path, district: District,
                                                            monkeypatch: pytest.MonkeyPatch,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    config = _config(tmp_path, district)
    monkeypatch.chdir(tmp_path)
    folder = tmp_path / "reports/2023-Q1"
    folder.mkdir(parents=True)
    (folder / "notice.html").write_text("an older notice", encoding="utf-8")   # never left beside new results
    district.stop()
    code = cli.main(["run", "--quarter", "2023-Q1", "--config", str(config), "--quiet"])
    out, err = capsys.readouterr()
    assert code == cli.EXIT_NO_NOTICE == 6
    assert "Không viết công văn quý 2023-Q1: không kiểm tra được đơn vị nào trong 17 đơn vị" in err
    assert "Công văn:" not in out and "report.html" in out
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == ["report.html", "results.json"]
    # `render` says the same, with the same exit code.
    assert cli.main(["render", "--quarter", "2023-Q1", "--config", str(config), "--quiet"]) == 6
    assert "Không viết công văn" in capsys.readouterr().err
