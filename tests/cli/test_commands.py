"""Unit names, units, help, evaluate, errors without tracebacks, and `run` with its log file."""

from __future__ import annotations

import json
import sys
import types
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest

from camthuy_audit import cli
from camthuy_audit.config import load_config
from camthuy_audit.console import find_check
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.targets import UsageError, check_target, find_unit

from .helpers import CONFIG_DIR

UNITS = load_config(CONFIG_DIR / "district.toml").units


@pytest.mark.parametrize("typed", [
    "camngoc", "CAMNGOC", "Cẩm Ngọc", "cẩm ngọc", "cam ngoc", "Cam Ngoc", "UBND xã Cẩm Ngọc", "ubnd xa cam ngoc",
    "xã Cẩm Ngọc", unicodedata.normalize("NFD", "Cẩm Ngọc"), "  cam   ngoc ", "cam ng",
])
def test_a_unit_by_id_or_name_with_or_without_accents(typed: str) -> None:
    assert find_unit(UNITS, typed).id == "camngoc"


def test_similar_names_are_told_apart() -> None:
    assert find_unit(UNITS, "Cẩm Tân").id == "camtan"
    assert find_unit(UNITS, "Cẩm Tâm").id == "camtam"
    assert find_unit(UNITS, "cam long").id == "camlong"
    assert find_unit(UNITS, "Cẩm Lương").id == "camluong"
    assert find_unit(UNITS, "thị trấn Phong Sơn").id == "phongson"
    assert find_unit(UNITS, "phong son").id == "phongson"


def test_ambiguous_and_unknown_names_are_usage_errors() -> None:
    with pytest.raises(UsageError, match="Cẩm Long.*Cẩm Lương|Cẩm Liên"):
        find_unit(UNITS, "cam l")
    with pytest.raises(UsageError, match="Có phải: UBND xã Cẩm Ngọc"):
        find_unit(UNITS, "cam ngok")


def test_a_url_of_a_configured_unit_uses_that_unit(sim_config: Path) -> None:
    target = check_target("https://camngoc.camthuy.thanhhoa.gov.vn/gioi-thieu", str(sim_config))
    assert target.configured and target.unit.id == "camngoc"
    alias = check_target("http://thitran.camthuy.thanhhoa.gov.vn/", str(sim_config))
    assert alias.unit.id == "phongson"
    other = check_target("https://example.gov.vn", str(sim_config))
    assert not other.configured and other.unit.url == "https://example.gov.vn/"


def test_a_url_needs_no_config(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    target = check_target("http://127.0.0.1:9/", None)
    assert target.config.district is None and target.config.rules.main_menu
    with pytest.raises(UsageError, match="config/district.toml"):
        check_target("camngoc", None)


def test_default_quarter_of_check_is_the_quarter_in_progress() -> None:
    today = datetime.now(VN_TZ).date()
    assert cli._quarter(None, default_current=True) == Quarter.containing(today)


def test_explain_accepts_id_number_or_column_label() -> None:
    assert find_check("main_menu") == "main_menu"
    assert find_check("1") == "main_menu"
    assert find_check("10") == "copyright"
    assert find_check("Lịch tiếp công dân") == "citizen_reception_schedule"
    assert find_check("van ban phap quy") == "legal_documents"
    assert find_check("posts_in_quarter") == "posts_in_quarter"
    assert find_check("nothing") is None


def test_units_lists_ids_names_urls_and_aliases(camthuy, sim_config: Path) -> None:
    result = camthuy("units", "--config", str(sim_config))
    assert result.code == 0
    for text in ("camngoc", "UBND xã Cẩm Ngọc", "https://camngoc.camthuy.thanhhoa.gov.vn/",
                 "http://thitran.camthuy.thanhhoa.gov.vn/", "17 đơn vị"):
        assert text in result.out
    listed = json.loads(camthuy("units", "--config", str(sim_config), "--json").out)
    assert [u["id"] for u in listed][:2] == ["camvan", "camgiang"]
    assert set(listed[0]) == {"id", "name", "url", "aliases"}


@pytest.mark.parametrize("command", [[], ["check"], ["run"], ["units"], ["config"], ["config", "check"],
                                     ["evaluate"], ["simulate"], ["demo"]])
def test_every_command_has_vietnamese_help_with_an_example(camthuy, command: list[str]) -> None:
    result = camthuy(*command, "--help")
    assert result.code == 0
    assert "Cách dùng:" in result.out
    assert "Ví dụ:" in result.out
    assert "in hướng dẫn này rồi thoát" in result.out
    assert "usage:" not in result.out


def test_usage_errors_exit_2_in_vietnamese(camthuy) -> None:
    result = camthuy("chek", "camngoc")
    assert result.code == 2
    assert "lựa chọn không hợp lệ" in result.err and "--help" in result.err
    result = camthuy("check")
    assert result.code == 2
    assert "thiếu tham số bắt buộc" in result.err
    result = camthuy("check", "x", "--json", "--explain", "main_menu")
    assert result.code == 2


def test_unexpected_errors_show_no_traceback_unless_debug(camthuy, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(args: object) -> int:
        raise RuntimeError("hỏng")

    monkeypatch.setattr(cli, "cmd_units", broken)
    result = camthuy("units")
    assert result.code == cli.EXIT_INTERNAL
    assert "Traceback" not in result.err and "RuntimeError: hỏng" in result.err and "--debug" in result.err
    with pytest.raises(RuntimeError):
        cli.main(["--debug", "units"])
    with pytest.raises(RuntimeError):
        cli.main(["units", "--debug"])


def test_evaluate_calls_the_evaluator(camthuy, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text("{}", encoding="utf-8")
    calls = []

    def run(path: Path, *, out) -> int:  # type: ignore[no-untyped-def]
        calls.append(path)
        out.write("đánh giá xong\n")
        return 0

    monkeypatch.setitem(sys.modules, "camthuy_audit.evaluate", types.SimpleNamespace(run=run))
    result = camthuy("evaluate", str(answers))
    assert result.code == 0 and calls == [answers] and "đánh giá xong" in result.out
    missing = camthuy("evaluate", str(tmp_path / "none.json"))
    assert missing.code == 2 and "none.json" in missing.err


def test_run_writes_outputs_and_a_log_file_with_plain_lines(camthuy, one_unit_config: Path, tmp_path: Path) -> None:
    out = tmp_path / "reports"
    result = camthuy("run", "--config", str(one_unit_config), "--quarter", "2023-Q1", "--out", str(out),
                     "--date", "2023-04-12")
    assert result.code == 0, result.err
    folder = out / "2023-Q1"
    assert (folder / "notice.html").is_file() and (folder / "results.json").is_file()
    logs = list((folder / "logs").glob("run-*.log"))
    assert len(logs) == 1
    assert str(logs[0]) in result.out
    log_text = logs[0].read_text(encoding="utf-8")
    assert "[1/1] UBND xã Cẩm Vân (camvan): x x x x x x x x x x  tin bài: 41" in log_text
    assert "Xong 1/1 đơn vị" in log_text
    # stderr is not a terminal here (as under cron): plain log lines, no progress bar.
    assert "[1/1] UBND xã Cẩm Vân" in result.err
    assert "━" not in result.err


def test_run_quiet_prints_only_the_paths(camthuy, one_unit_config: Path, tmp_path: Path) -> None:
    result = camthuy("run", "--config", str(one_unit_config), "--quarter", "2023-Q1", "--out", str(tmp_path),
                     "--quiet")
    assert result.code == 0
    assert result.err == ""
    assert "notice.html" in result.out and "results.json" in result.out
