"""Two quarters of the simulated district in one history: `history` and the staff report show the change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from selectolax.lexbor import LexborHTMLParser

from camthuy_audit import cli
from camthuy_audit.rules import APPENDIX1_IDS
from camthuy_audit.simulator import expected_marks, expected_posts

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def two_quarters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("two-quarters")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        patch.setenv("XDG_CACHE_HOME", str(folder / "cache"))
        for quarter in ("2023-Q1", "2023-Q2"):
            code = cli.main(["demo", "--quarter", quarter, "--config", str(ROOT / "config" / "demo.toml"),
                             "--out", str(folder / "reports"), "--quiet"])
            assert code == cli.EXIT_OK
    return folder


def test_the_second_quarter_is_audited_as_the_world_stood(two_quarters: Path) -> None:
    data = json.loads((two_quarters / "reports/2023-Q2/results.json").read_text(encoding="utf-8"))
    marks = {u["id"]: "".join(u["appendix1"][c] for c in APPENDIX1_IDS) for u in data["units"]}
    posts = {u["id"]: u["posts_in_quarter"] for u in data["units"]}
    assert marks == expected_marks("2023-Q2")
    assert posts == expected_posts("2023-Q2")


def test_history_shows_each_unit_over_the_quarters(two_quarters: Path, monkeypatch: pytest.MonkeyPatch,
                                                   capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(two_quarters)
    assert cli.main(["history", "--config", str(ROOT / "config" / "demo.toml"), "--json"]) == cli.EXIT_OK
    history = json.loads(capsys.readouterr().out)
    assert history["quarters"] == ["2023-Q1", "2023-Q2"]
    thanh = history["units"]["camthanh"]["quarters"]
    assert (thanh["2023-Q1"]["passed"], thanh["2023-Q2"]["passed"]) == (9, 10)       # improved
    van = history["units"]["camvan"]["quarters"]
    assert (van["2023-Q1"]["passed"], van["2023-Q2"]["passed"]) == (10, 9)          # worse
    assert (van["2023-Q1"]["posts_in_quarter"], van["2023-Q2"]["posts_in_quarter"]) == (41, 38)
    assert cli.main(["history", "--config", str(ROOT / "config" / "demo.toml")]) == cli.EXIT_OK
    table = capsys.readouterr().out
    assert "UBND xã Cẩm Thành" in table and "9/10 · 44" in table and "10/10 · 52" in table


def test_the_staff_report_shows_the_change_since_last_quarter(two_quarters: Path) -> None:
    tree = LexborHTMLParser((two_quarters / "reports/2023-Q2/report.html").read_text(encoding="utf-8"))
    header = tree.css_first("table.matrix thead")
    assert header is not None and "So với quý I/2023" in header.text()
    changes = {row.attributes["id"].removeprefix("row-"): " ".join(row.text().split())
               for row in tree.css("table.matrix tbody tr")}
    assert "tốt hơn (9 → 10 nội dung đạt)" in changes["camthanh"]
    assert "kém hơn (10 → 9 nội dung đạt)" in changes["camvan"]
    assert "như quý trước" in changes["camquy"]
    assert tree.css_first("#row-camvan svg.trend polyline") is not None
