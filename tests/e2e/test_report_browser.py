"""The staff report of one `make demo` run, opened in headless Chromium as a clerk opens it."""

from __future__ import annotations

from pathlib import Path

import pytest
from browser import open_page
from selectolax.lexbor import LexborHTMLParser

REPORT = "report.html"


def notice_appendix1(notice: Path) -> dict[str, list[str]]:
    """Appendix 1 of the notice: unit name -> its ten marks."""
    table = LexborHTMLParser(notice.read_text(encoding="utf-8")).css_first("table.appendix1")
    assert table is not None
    return {cells[1]: cells[2:12] for cells in
            ([td.text(strip=True) for td in tr.css("td")] for tr in table.css("tbody tr"))}


@pytest.fixture(scope="module")
def report_dom(demo_out: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    shot = tmp_path_factory.mktemp("report") / "report-overview.png"
    with open_page(demo_out / REPORT) as visit:
        page = visit.page
        rows = page.eval_on_selector_all(
            "table.matrix tbody tr",
            "rows => rows.map(r => [r.querySelector('th').innerText.trim(),"
            " Array.from(r.querySelectorAll('td.m')).map(td => td.dataset.mark)])")
        columns = page.eval_on_selector_all("table.matrix thead th[title]", "ths => ths.length")
        bars = page.eval_on_selector_all("svg.chart rect.bar", "bars => bars.length")
        threshold = page.eval_on_selector_all("svg.chart line.threshold", "lines => lines.length")
        page.screenshot(path=str(shot), full_page=False)
        # The filter works: one unit by (unaccented) name, then only the units with a "?".
        page.fill("#f-name", "cam ngoc")
        by_name = page.eval_on_selector_all("table.matrix tbody tr:not([hidden])", "rows => rows.length")
        page.fill("#f-name", "")
        page.select_option("#f-check", "main_menu")
        failing_menu = page.eval_on_selector_all("table.matrix tbody tr:not([hidden])", "rows => rows.length")
        return {"rows": rows, "columns": columns, "bars": bars, "threshold": threshold, "shot": shot,
                "by_name": by_name, "failing_menu": failing_menu, "requests": list(visit.requests),
                "errors": visit.console_errors + visit.page_errors, "dialogs": visit.dialogs,
                "url": (demo_out / REPORT).resolve().as_uri()}


def test_demo_writes_the_report(demo_out: Path) -> None:
    html = (demo_out / REPORT).read_text(encoding="utf-8")
    assert "<script src" not in html and "<link" not in html and "@import" not in html
    assert (demo_out / REPORT).stat().st_size < 3_000_000


def test_the_matrix_is_appendix1_of_the_notice(report_dom: dict[str, object], demo_out: Path) -> None:
    rows = report_dom["rows"]
    assert isinstance(rows, list) and len(rows) == 17
    assert report_dom["columns"] == 10
    assert {name: marks for name, marks in rows} == notice_appendix1(demo_out / "notice.html")


def test_the_chart_is_drawn_with_its_threshold(report_dom: dict[str, object]) -> None:
    assert report_dom["bars"] == 17 and report_dom["threshold"] == 1


def test_opening_it_makes_no_request_and_no_error(report_dom: dict[str, object]) -> None:
    assert report_dom["requests"] == [report_dom["url"]]
    assert report_dom["errors"] == [] and report_dom["dialogs"] == []
    shot = report_dom["shot"]
    assert isinstance(shot, Path) and shot.stat().st_size > 10_000


def test_filters_narrow_the_units(report_dom: dict[str, object]) -> None:
    assert report_dom["by_name"] == 1
    rows = report_dom["rows"]
    assert isinstance(rows, list)
    assert report_dom["failing_menu"] == sum(1 for _, marks in rows if marks[0] == "o") == 9
