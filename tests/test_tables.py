"""appendices.xlsx and the CSVs: read back, they equal the notice's HTML tables."""

from __future__ import annotations

import csv
from io import StringIO
from pathlib import Path

from openpyxl import load_workbook
from selectolax.lexbor import LexborHTMLParser
from test_aggregate import QUARTER, RUN_DATE, config, seed_notice, seed_results, unreachable

from camthuy_audit.aggregate import build_notice
from camthuy_audit.render import render_notice_html
from camthuy_audit.render_tables import write_appendices_xlsx, write_appendix_csvs


def _html_rows(html: str, css: str) -> list[list[str]]:
    tree = LexborHTMLParser(html)
    return [[td.text(strip=True) for td in tr.css("td")] for tr in tree.css(f"{css} tbody tr")]


def _sheet_rows(sheet, first_row: int, count: int, width: int) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [["" if sheet.cell(row=r, column=c).value is None else str(sheet.cell(row=r, column=c).value)
             for c in range(1, width + 1)] for r in range(first_row, first_row + count)]


def _header_row(sheet, label: str = "TT") -> int:  # type: ignore[no-untyped-def]
    return next(cell.row for cell in sheet["A"] if cell.value == label)


def test_xlsx_equals_the_html_tables(tmp_path: Path) -> None:
    results = seed_results()
    notice = seed_notice(results)
    html = render_notice_html(notice)
    path = write_appendices_xlsx(notice, results, tmp_path)
    workbook = load_workbook(path)
    assert workbook.sheetnames == ["Phụ lục 1", "Phụ lục 2", "Kết quả chi tiết"]

    a1 = workbook["Phụ lục 1"]
    header = _header_row(a1)
    assert [c.value for c in a1[header]][2:] == [c.label for c in notice.appendix1.columns]
    html1 = _html_rows(html, "table.appendix1")
    assert _sheet_rows(a1, header + 1, 17, 12) == html1
    assert a1.freeze_panes == f"C{header + 1}"            # header rows and unit names stay in view
    assert a1.cell(row=header + 1, column=3).alignment.horizontal == "center"
    assert a1.column_dimensions["B"].width >= 20 and a1.print_title_rows == f"${header}:${header}"
    assert a1.page_setup.orientation == "landscape"

    a2 = workbook["Phụ lục 2"]
    header = _header_row(a2)
    rows = _html_rows(html, "table.appendix2")
    units, total = rows[:-1], rows[-1]
    assert _sheet_rows(a2, header + 1, 17, 6) == units
    total_cell = a2.cell(row=header + 18, column=3)
    assert total_cell.value == f"=SUM(C{header + 1}:C{header + 17})"     # a formula, not a typed number
    assert a2.cell(row=header + 18, column=1).value == total[0] == "Tổng"
    assert sum(int(a2.cell(row=r, column=3).value) for r in range(header + 1, header + 18)) == int(total[1]) == 624
    assert a2.freeze_panes == f"A{header + 1}"

    details = workbook["Kết quả chi tiết"]
    assert [c.value for c in details[1]][:6] == ["TT", "Đơn vị", "Mã đơn vị", "Mã kiểm tra", "Nội dung kiểm tra",
                                                 "Kết quả"]
    body = list(details.iter_rows(min_row=2, values_only=True))
    assert len(body) == 17 * 14                          # every verdict of every unit
    main_menu = next(r for r in body if r[2] == "camthanh" and r[3] == "main_menu")
    assert main_menu[5] == "o" and str(main_menu[7]).startswith("https://camthanh.")
    link = next(row for row in details.iter_rows(min_row=2) if row[2].value == "camthanh")[7]
    assert link.hyperlink is not None and link.hyperlink.target == main_menu[7]


def test_unknown_counts_stay_out_of_the_total(tmp_path: Path) -> None:
    results = seed_results()
    results = [unreachable(r) if r.unit_id == "camngoc" else r for r in results]
    notice = build_notice(results, config(), QUARTER, run_date=RUN_DATE)
    sheet = load_workbook(write_appendices_xlsx(notice, results, tmp_path))["Phụ lục 2"]
    header = _header_row(sheet)
    values = [sheet.cell(row=r, column=3).value for r in range(header + 1, header + 18)]
    assert values[-1] == "?" and sum(v for v in values if isinstance(v, int)) == 624 - 108
    label = sheet.cell(row=header + 18, column=1).value
    assert label == "Tổng (chưa tính 1 đơn vị không kiểm tra được)"


def test_csvs_start_with_a_bom_and_equal_the_html(tmp_path: Path) -> None:
    notice = seed_notice()
    html = render_notice_html(notice)
    first, second = write_appendix_csvs(notice, tmp_path)
    assert first.name == "appendix1.csv" and second.name == "appendix2.csv"
    for path in (first, second):
        assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    rows1 = list(csv.reader(StringIO(first.read_text(encoding="utf-8-sig"))))
    assert rows1[0][:2] == ["TT", "Đơn vị"] and rows1[1:] == _html_rows(html, "table.appendix1")
    rows2 = list(csv.reader(StringIO(second.read_text(encoding="utf-8-sig"))))
    html2 = _html_rows(html, "table.appendix2")
    assert rows2[1:-1] == html2[:-1]
    assert rows2[-1][1:3] == ["Tổng", "624"]
