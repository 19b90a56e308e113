"""`camthuy-audit check`: exit codes, the table, --json, --explain, against the simulated district."""

from __future__ import annotations

import json
import time
from pathlib import Path

from camthuy_audit.rules import APPENDIX1_IDS

from .helpers import free_port

CAMNGOC_ROW = "o x o o x x x x x x"
CONTRACT_KEYS = {"url", "quarter", "appendix1", "posts_in_quarter", "stale_banners", "stale_categories",
                 "oversized_banners", "evidence"}


def test_camngoc_prints_the_seed_row_and_exits_1(camthuy, sim_config: Path) -> None:
    result = camthuy("check", "camngoc", "--quarter", "2023-Q1", "--config", str(sim_config))
    assert result.code == 1, result.err
    out = result.out
    assert f"Hàng Phụ lục 1: {CAMNGOC_ROW}" in out
    assert "Số tin bài trong quý: 108" in out
    assert "mới nhất ngày" in out and "cũ nhất ngày" in out
    # Appendix 1 column labels in Vietnamese, a reason, and how to fix beside each "o".
    for label in ("Thiết lập lại menu chính", "Lịch tiếp công dân", "Văn bản pháp quy", "Bản quyền sử dụng"):
        assert label in out
    assert out.count("Cách khắc phục") == 3
    assert "Menu chính thiếu" in out
    assert "Banner quá thời gian tuyên truyền: không có" in out
    assert "--explain main_menu" in out
    assert "Traceback" not in result.err


def test_camvan_by_name_without_accents_exits_0(camthuy, sim_config: Path) -> None:
    result = camthuy("check", "cam van", "--quarter", "2023-Q1", "--config", str(sim_config))
    assert result.code == 0, result.out + result.err
    assert "UBND xã Cẩm Vân" in result.out
    assert "Hàng Phụ lục 1: x x x x x x x x x x" in result.out
    assert "Cách khắc phục" not in result.out
    assert "đã thực hiện đủ" in result.out


def test_json_by_accented_name_is_the_contract_and_nothing_else(camthuy, sim_config: Path) -> None:
    result = camthuy("check", "Cẩm Ngọc", "--quarter", "2023-Q1", "--config", str(sim_config), "--json")
    assert result.code == 1
    document = json.loads(result.out)  # the whole of stdout is one JSON document
    assert set(document) >= CONTRACT_KEYS
    assert document["quarter"] == "2023-Q1"
    assert document["url"] == "https://camngoc.camthuy.thanhhoa.gov.vn/"
    assert list(document["appendix1"]) == list(APPENDIX1_IDS)
    assert " ".join(document["appendix1"].values()) == CAMNGOC_ROW
    assert document["posts_in_quarter"] == 108
    assert set(APPENDIX1_IDS) <= set(document["evidence"])
    for key in ("stale_banners", "stale_categories", "oversized_banners"):
        assert document[key] == []


def test_dead_portal_is_unknown_everywhere_and_exits_3(camthuy, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)  # a URL needs no config: the shipped default rules, from any directory
    url = f"http://127.0.0.1:{free_port()}/"
    started = time.monotonic()
    result = camthuy("check", url, "--quarter", "2023-Q1")
    assert time.monotonic() - started < 90
    assert result.code == 3, result.out + result.err
    assert "Không truy cập được cổng thông tin" in result.out
    assert "Hàng Phụ lục 1: ? ? ? ? ? ? ? ? ? ?" in result.out
    assert "Số tin bài trong quý: ?" in result.out


def test_dead_portal_json(camthuy, tmp_path: Path, monkeypatch) -> None:
    monkeypatch.chdir(tmp_path)
    result = camthuy("check", f"http://127.0.0.1:{free_port()}/", "--quarter", "2023-Q1", "--json")
    assert result.code == 3
    document = json.loads(result.out)
    assert set(document["appendix1"].values()) == {"?"}
    assert document["posts_in_quarter"] is None
    assert document["reachable"] is False


def test_explain_by_column_label_prints_the_evidence(camthuy, sim_config: Path) -> None:
    result = camthuy("check", "camngoc", "--quarter", "2023-Q1", "--config", str(sim_config),
                     "--explain", "lich tiep cong dan")
    assert result.code == 1
    out = result.out
    assert "citizen_reception_schedule" in out
    assert "Kết quả: o" in out
    assert "Bằng chứng (" in out
    assert "https://camngoc.camthuy.thanhhoa.gov.vn/" in out
    assert "Cách khắc phục:" in out
    assert "Căn cứ:" in out


def test_unknown_explain_is_a_usage_error_before_any_crawl(camthuy, sim_config: Path) -> None:
    result = camthuy("check", "camngoc", "--config", str(sim_config), "--explain", "nothing-like-this")
    assert result.code == 2
    assert "--explain" in result.err and "main_menu" in result.err
    assert result.out == ""
