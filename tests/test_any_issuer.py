"""Any issuer after the 2025 reform: the example provincial department (config/examples/) renders every
output with its own issuer, signer, dispatch and units, and no trace of the district we started with.
"""

from __future__ import annotations

import csv
import re
import zipfile
from datetime import datetime
from io import StringIO
from pathlib import Path

import pytest
from issuer_example import EXAMPLE_CONFIG, EXAMPLE_QUARTER, example_config, example_results
from openpyxl import load_workbook
from selectolax.lexbor import LexborHTMLParser

from camthuy_audit import cli
from camthuy_audit.aggregate import build_notice
from camthuy_audit.console import check_table, make_console, print_explain
from camthuy_audit.quarter import VN_TZ
from camthuy_audit.render import write_notice, write_report, write_results_json
from camthuy_audit.render_docx import write_notice_docx
from camthuy_audit.render_tables import write_appendices_xlsx, write_appendix_csvs
from camthuy_audit.report import build_report

# What the district we started with would leave behind if it were written in code or templates.
FOREIGN = re.compile(r"Cẩm Thủy|CẨM THỦY|Cam Thuy|camthuy\.thanhhoa|Thanh Hóa|155|\bVH-?TT\b|huyện|HUYỆN|thị trấn",
                     re.IGNORECASE)
OWN = ("SỞ VĂN HÓA, THỂ THAO VÀ DU LỊCH", "812/SVHTTDL-TTBCXB", "Nguyễn Thị Minh Hạnh", "UBND phường Bắc Thành",
       "UBND đặc khu Cồn Ngọc")


def _docx_text(path: Path) -> str:
    """Every text run of the document, its page headers and its properties."""
    with zipfile.ZipFile(path) as archive:
        parts = [n for n in archive.namelist() if n.startswith(("word/document", "word/header", "word/footer"))
                 or n == "docProps/core.xml"]
        xml = " ".join(archive.read(n).decode("utf-8") for n in parts)
    runs = re.findall(r"<w:t(?:\s[^>]*)?>([^<]*)</w:t>", xml)
    properties = re.findall(r"<(?:dc|cp|dcterms):\w+[^>]*>([^<]*)<", xml)
    return " ".join(runs + properties)


def _xlsx_text(path: Path) -> str:
    workbook = load_workbook(path)
    values = [sheet.title for sheet in workbook.worksheets]
    for sheet in workbook.worksheets:
        values += [str(cell.value) for row in sheet.iter_rows() for cell in row if cell.value is not None]
    values += [workbook.properties.title or "", workbook.properties.creator or ""]
    return " ".join(values)


def _html_text(path: Path) -> str:
    tree = LexborHTMLParser(path.read_text(encoding="utf-8"))
    for style in tree.css("style, script"):
        style.decompose()
    attributes = " ".join(str(v) for node in tree.css("*") for v in node.attributes.values() if v)
    assert tree.body is not None and tree.head is not None
    return " ".join([tree.head.text(separator=" "), tree.body.text(separator=" "), attributes])


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    config = example_config()
    results = example_results(config)
    run_date = cli.notice_date(None, EXAMPLE_QUARTER, config)
    notice = build_notice(results, config, EXAMPLE_QUARTER, run_date=run_date)
    folder = tmp_path_factory.mktemp("province") / str(EXAMPLE_QUARTER)
    generated = datetime(2026, 1, 6, 10, 0, tzinfo=VN_TZ)
    report = build_report(notice, results, config, EXAMPLE_QUARTER, generated_at=generated)
    csv1, csv2 = write_appendix_csvs(notice, folder)
    return {"notice.html": write_notice(notice, folder), "notice.docx": write_notice_docx(notice, folder),
            "appendices.xlsx": write_appendices_xlsx(notice, results, folder), "appendix1.csv": csv1,
            "appendix2.csv": csv2, "report.html": write_report(report, folder),
            "results.json": write_results_json(results, notice, config, EXAMPLE_QUARTER, folder,
                                               generated_at=generated)}


def _text(name: str, path: Path) -> str:
    if name.endswith(".docx"):
        return _docx_text(path)
    if name.endswith(".xlsx"):
        return _xlsx_text(path)
    if name.endswith(".html"):
        return _html_text(path)
    return path.read_text(encoding="utf-8-sig")


def test_the_example_configuration_is_valid(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["config", "check", "--config", str(EXAMPLE_CONFIG)]) == cli.EXIT_OK
    assert "36 đơn vị" in capsys.readouterr().out


@pytest.mark.parametrize("name", ["notice.html", "notice.docx", "appendices.xlsx", "appendix1.csv",
                                  "appendix2.csv", "report.html", "results.json"])
def test_every_output_speaks_for_its_own_issuer(outputs: dict[str, Path], name: str) -> None:
    text = _text(name, outputs[name])
    foreign = sorted(set(FOREIGN.findall(text)))
    assert not foreign, f"{name} carries {foreign}"
    if name.startswith("notice"):
        for own in OWN:
            assert own in text, f"{name} lacks {own!r}"
        assert "tháng 01 năm 2026" in text           # the month after 2025-Q4 (Decree 30: "tháng 01")
        assert "DỰ THẢO" in text                      # one unit could not be checked
        assert "Các xã, phường, đặc khu chưa thực hiện theo công văn số 812/SVHTTDL-TTBCXB" in text


def test_appendix1_of_every_format_lists_the_36_units(outputs: dict[str, Path]) -> None:
    tree = LexborHTMLParser(outputs["notice.html"].read_text(encoding="utf-8"))
    html_rows = [[td.text(strip=True) for td in tr.css("td")] for tr in tree.css("table.appendix1 tbody tr[data-unit]")]
    assert len(html_rows) == 36 and html_rows[-1][1] == "UBND đặc khu Cồn Ngọc"
    rows = list(csv.reader(StringIO(outputs["appendix1.csv"].read_text(encoding="utf-8-sig"))))
    assert rows[1:] == html_rows
    sheet = load_workbook(outputs["appendices.xlsx"])["Phụ lục 1"]
    names = [c.value for c in sheet["B"] if c.value and str(c.value).startswith("UBND ")]
    assert names == [row[1] for row in html_rows]


def test_the_cli_names_the_configured_dispatch() -> None:
    config = example_config()
    result = example_results(config)[0]
    buffer = StringIO()
    console = make_console(buffer, width=140)
    console.print(check_table(result, config))
    print_explain(console, result, "main_menu", EXAMPLE_QUARTER, today=datetime(2026, 1, 6).date(),
                  dispatch=config.dispatch_title)
    printed = buffer.getvalue()
    assert "công văn 812/SVHTTDL-TTBCXB" in printed
    assert "Công văn số 812/SVHTTDL-TTBCXB ngày 15/09/2025 của Sở Văn hóa, Thể thao và Du lịch" in printed
    assert not FOREIGN.findall(printed)
