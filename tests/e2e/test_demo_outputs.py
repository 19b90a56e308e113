"""`make demo` writes every output of the quarter, and they all say the same: the Word notice's and the
workbook's tables equal the HTML notice's, cell for cell."""

from __future__ import annotations

import csv
from io import StringIO
from pathlib import Path

from browser import missing_tool
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from selectolax.lexbor import LexborHTMLParser

from camthuy_audit.render_docx import find_soffice


def _html_tables(folder: Path) -> tuple[list[list[str]], list[list[str]]]:
    tree = LexborHTMLParser((folder / "notice.html").read_text(encoding="utf-8"))

    def rows(css: str) -> list[list[str]]:
        return [[td.text(strip=True) for td in tr.css("td")] for tr in tree.css(css)]

    return rows("table.appendix1 tbody tr"), rows("table.appendix2 tbody tr")


def _docx_rows(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    """The table's rows as written: one string per <w:tc> (a cell spanning columns counts once)."""
    text = qn("w:t")
    return [["".join(t.text or "" for t in tc.iter(text)).strip() for tc in row._tr.tc_lst] for row in table.rows]


def test_demo_writes_every_output(demo_out: Path) -> None:
    names = {p.name for p in demo_out.iterdir() if p.is_file()}
    expected = {"notice.html", "notice.docx", "appendices.xlsx", "appendix1.csv", "appendix2.csv", "report.html",
                "results.json"}
    assert expected <= names
    if find_soffice() is None:
        missing_tool("LibreOffice is not installed (apt-get install libreoffice-writer-nogui): no notice.pdf")
    assert "notice.pdf" in names and (demo_out / "notice.pdf").read_bytes().startswith(b"%PDF-")


def test_word_notice_tables_equal_the_html_notice(demo_out: Path) -> None:
    appendix1, appendix2 = _html_tables(demo_out)
    document = Document(str(demo_out / "notice.docx"))
    tables = [_docx_rows(t) for t in document.tables]
    # the header table, the closing table (recipients | signature), then the two appendices
    word1 = next(t for t in tables if t and t[0][:2] == ["TT", "Đơn vị"] and len(t[0]) == 12)
    word2 = next(t for t in tables if t and t[0][:2] == ["TT", "Đơn vị"] and len(t[0]) == 6)
    assert word1[1:] == appendix1 and len(appendix1) == 17
    assert all(len(row) == 12 and set(row[2:]) <= {"x", "o", "?"} for row in word1[1:])
    units, total = word2[1:-1], word2[-1]
    assert units == [row for row in appendix2 if row[0].isdigit()]
    assert total[:2] == ["Tổng", "624"] == appendix2[-1][:2]


def test_workbook_and_csvs_equal_the_html_notice(demo_out: Path) -> None:
    appendix1, appendix2 = _html_tables(demo_out)
    workbook = load_workbook(demo_out / "appendices.xlsx")
    sheet = workbook["Phụ lục 1"]
    header = next(c.row for c in sheet["A"] if c.value == "TT")
    got = [[("" if c.value is None else str(c.value)) for c in row]
           for row in sheet.iter_rows(min_row=header + 1, max_row=header + 17, max_col=12)]
    assert got == appendix1
    rows1 = list(csv.reader(StringIO((demo_out / "appendix1.csv").read_text(encoding="utf-8-sig"))))
    assert rows1[1:] == appendix1
    rows2 = list(csv.reader(StringIO((demo_out / "appendix2.csv").read_text(encoding="utf-8-sig"))))
    assert [r[:3] for r in rows2[1:-1]] == [r[:3] for r in appendix2[:-1]]
