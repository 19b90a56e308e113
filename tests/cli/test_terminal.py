"""The CLI on a real (pseudo-)terminal: `check` and `run` as a clerk sees them.

The simulated district runs in this test process on free ports; the command runs in a child process
on a pty of 160x50 (pexpect), and the test reads what it drew, colour codes removed.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

import pytest

pexpect = pytest.importorskip("pexpect")

ANSI = re.compile(r"\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07]*\x07|\x1b[()][A-Z0-9]|\x1b[=>]")


def on_terminal(*args: str, cwd: Path, timeout: float = 90) -> tuple[int, str]:
    """Run ``camthuy-audit ARGS`` on a pty; (exit status, screen text without escape sequences)."""
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES", "NO_COLOR", "CI")}
    env.update(TERM="xterm-256color", PYTHONIOENCODING="utf-8", LANG="C.UTF-8")
    child = pexpect.spawn(sys.executable, ["-m", "camthuy_audit", *args], cwd=str(cwd), env=env,
                          dimensions=(50, 160), encoding="utf-8", codec_errors="replace", timeout=timeout)
    child.expect(pexpect.EOF)
    child.close()
    text = ANSI.sub("", child.before or "").replace("\r", "")
    return int(child.exitstatus if child.exitstatus is not None else -1), text


def test_check_on_a_terminal_shows_the_table_and_the_row(sim_config: Path, tmp_path: Path) -> None:
    status, screen = on_terminal("check", "Cẩm Ngọc", "--quarter", "2023-Q1", "--config", str(sim_config),
                                 cwd=tmp_path)
    assert status == 1, screen
    assert "UBND xã Cẩm Ngọc" in screen
    assert "┃ STT ┃" in screen  # the rich table, drawn for the terminal
    assert "Thiết lập lại menu chính" in screen and "Cách khắc phục" in screen
    assert "Hàng Phụ lục 1: o x o o x x x x x x" in screen
    assert "Số tin bài trong quý: 108" in screen
    assert "Traceback" not in screen


def test_run_on_a_terminal_shows_live_progress(one_unit_config: Path, tmp_path: Path) -> None:
    status, screen = on_terminal("run", "--quarter", "2023-Q1", "--config", str(one_unit_config),
                                 "--out", str(tmp_path / "reports"), cwd=tmp_path)
    assert status == 0, screen
    assert "1/1 đơn vị" in screen and "yêu cầu" in screen and "lỗi" in screen and "còn khoảng" in screen
    assert "[1/1] UBND xã Cẩm Vân (camvan): x x x x x x x x x x" in screen
    assert "Nhật ký:" in screen
    assert list((tmp_path / "reports" / "2023-Q1" / "logs").glob("run-*.log"))
