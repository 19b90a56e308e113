"""The appendices as a clerk's spreadsheet: ``appendices.xlsx`` (openpyxl) and ``appendix1.csv`` /
``appendix2.csv`` (UTF-8 with a BOM, so Excel on Windows reads the Vietnamese letters).

Everything comes from the Notice (the same rows as notice.html) and the unit results (the verdicts
sheet); nothing is computed here but the layout. The Appendix 2 total is an Excel formula over the
column, so a clerk who corrects a count sees the total follow.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from pathlib import Path

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from camthuy_audit.aggregate import Notice
from camthuy_audit.models import UnitResult
from camthuy_audit.render import APPENDIX1_CSV, APPENDIX2_CSV, XLSX_FILE, atomic_path

SHEET_APPENDIX1 = "Phụ lục 1"
SHEET_APPENDIX2 = "Phụ lục 2"
SHEET_VERDICTS = "Kết quả chi tiết"
VERDICT_COLUMNS = ("TT", "Đơn vị", "Mã đơn vị", "Mã kiểm tra", "Nội dung kiểm tra", "Kết quả", "Lý do",
                   "Trang làm căn cứ", "Điều chỉnh thủ công")

_THIN = Side(style="thin", color="000000")
_BOX = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
_FONT = "Times New Roman"
_CENTER = Alignment(horizontal="center", vertical="center", wrap_text=True)
_LEFT = Alignment(horizontal="left", vertical="center", wrap_text=True)


def appendix1_table(notice: Notice) -> list[list[str]]:
    """Appendix 1 as rows of text: the header row, then one row per unit (marks in column order)."""
    header = ["TT", "Đơn vị", *(c.label for c in notice.appendix1.columns)]
    return [header, *([str(r.number), r.name, *r.marks] for r in notice.appendix1.rows)]


def appendix2_table(notice: Notice) -> list[list[str]]:
    """Appendix 2 as rows of text: the header row, one row per unit, the total row last."""
    a2 = notice.appendix2
    rows = [[str(r.number), r.name, r.posts_text, r.banner_mark, r.category_mark, r.note] for r in a2.rows]
    return [list(a2.columns), *rows, ["", a2.total.label, a2.total.posts_text, "", "", ""]]


def write_appendix_csvs(notice: Notice, out_dir: Path) -> tuple[Path, Path]:
    """``appendix1.csv`` and ``appendix2.csv`` in UTF-8 with a BOM."""
    return (_write_csv(Path(out_dir) / APPENDIX1_CSV, appendix1_table(notice)),
            _write_csv(Path(out_dir) / APPENDIX2_CSV, appendix2_table(notice)))


def _write_csv(path: Path, rows: Sequence[Sequence[str]]) -> Path:
    with atomic_path(path) as temporary, temporary.open("w", encoding="utf-8-sig", newline="") as handle:
        csv.writer(handle).writerows(rows)
    return path


# --- xlsx ------------------------------------------------------------------------------------


def _title_rows(sheet: Worksheet, lines: Sequence[str], width: int) -> int:
    """Centred bold title lines merged across the table's width; returns the next free row."""
    row = 1
    for index, line in enumerate(lines):
        cell = sheet.cell(row=row, column=1, value=line)
        cell.font = Font(name=_FONT, size=14 if index == 0 else 13, bold=True)
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)
        row += 1
    return row + 1


def _header_row(sheet: Worksheet, row: int, labels: Sequence[str]) -> None:
    for column, label in enumerate(labels, start=1):
        cell = sheet.cell(row=row, column=column, value=label)
        cell.font = Font(name=_FONT, size=12, bold=True)
        cell.alignment = _CENTER
        cell.border = _BOX
    sheet.row_dimensions[row].height = 75


def _body_cell(sheet: Worksheet, row: int, column: int, value: object, *, center: bool = True,
               bold: bool = False) -> None:
    cell = sheet.cell(row=row, column=column, value=value)
    cell.font = Font(name=_FONT, size=12, bold=bold)
    cell.alignment = _CENTER if center else _LEFT
    cell.border = _BOX


def _legend(sheet: Worksheet, row: int, title: str, lines: Sequence[str], width: int) -> None:
    row += 1
    sheet.cell(row=row, column=1, value=title).font = Font(name=_FONT, size=12, bold=True, italic=True)
    for line in lines:
        row += 1
        cell = sheet.cell(row=row, column=1, value=line)
        cell.font = Font(name=_FONT, size=12, italic=True)
        sheet.merge_cells(start_row=row, start_column=1, end_row=row, end_column=width)


def _print_setup(sheet: Worksheet, header_row: int) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_title_rows = f"{header_row}:{header_row}"   # the header on every printed page


def _appendix1_sheet(sheet: Worksheet, notice: Notice) -> None:
    a1 = notice.appendix1
    table = appendix1_table(notice)
    width = len(table[0])
    header_row = _title_rows(sheet, [a1.title, *a1.subtitles], width)
    _header_row(sheet, header_row, table[0])
    for offset, values in enumerate(table[1:], start=1):
        for column, value in enumerate(values, start=1):
            _body_cell(sheet, header_row + offset, column, int(value) if column == 1 else value,
                       center=column != 2)
    _legend(sheet, header_row + len(table) - 1, a1.legend_title, a1.legend, width)
    sheet.freeze_panes = sheet.cell(row=header_row + 1, column=3)   # header and unit names stay in view
    sheet.column_dimensions["A"].width = 5
    sheet.column_dimensions["B"].width = max(22, *(len(r.name) + 2 for r in a1.rows)) if a1.rows else 22
    for column in range(3, width + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 13
    _print_setup(sheet, header_row)


def _appendix2_sheet(sheet: Worksheet, notice: Notice) -> None:
    a2 = notice.appendix2
    width = len(a2.columns)
    header_row = _title_rows(sheet, [a2.title, *a2.subtitles], width)
    _header_row(sheet, header_row, a2.columns)
    first = header_row + 1
    for offset, row in enumerate(a2.rows):
        at = first + offset
        values: list[object] = [row.number, row.name, row.posts if row.posts is not None else row.posts_text,
                                row.banner_mark, row.category_mark, row.note]
        for column, value in enumerate(values, start=1):
            _body_cell(sheet, at, column, value, center=column not in (2, 6))
    total_row = first + len(a2.rows)
    last = total_row - 1
    sheet.merge_cells(start_row=total_row, start_column=1, end_row=total_row, end_column=2)
    _body_cell(sheet, total_row, 1, a2.total.label, bold=True)
    _body_cell(sheet, total_row, 2, None)
    # A formula, so a corrected count updates the total; "?" cells are text and SUM leaves them out,
    # as the label says.
    _body_cell(sheet, total_row, 3, f"=SUM(C{first}:C{last})" if a2.rows else 0, bold=True)
    for column in (4, 5, 6):
        _body_cell(sheet, total_row, column, None)
    _legend(sheet, total_row, a2.legend_title, a2.legend, width)
    sheet.freeze_panes = sheet.cell(row=first, column=1)
    for letter, size in zip("ABCDEF", (5, 24, 16, 14, 14, 45), strict=True):
        sheet.column_dimensions[letter].width = size
    if a2.rows:
        sheet.column_dimensions["B"].width = max(24, *(len(r.name) + 2 for r in a2.rows))
    _print_setup(sheet, header_row)


def _evidence_url(result: UnitResult, check_id: str) -> str | None:
    verdict = result.verdicts.get(check_id)
    if verdict is None:
        return None
    return next((e.url for e in verdict.evidence if e.url), None)


def _verdicts_sheet(sheet: Worksheet, notice: Notice, results: Sequence[UnitResult]) -> None:
    from camthuy_audit.rules import rule_by_id

    _header_row(sheet, 1, VERDICT_COLUMNS)
    sheet.row_dimensions[1].height = 32
    by_id = {r.unit_id: r for r in results}
    row = 2
    for a1_row in notice.appendix1.rows:     # the units of the notice, in its order
        result = by_id.get(a1_row.unit_id)
        if result is None:
            continue
        for check_id, verdict in result.verdicts.items():
            try:
                label = rule_by_id(check_id).meta.column
            except KeyError:
                label = check_id
            mark = verdict.mark if verdict.count is None else f"{verdict.count}"
            override = (f"{verdict.override.original_mark} → {verdict.mark}: {verdict.override.reason} "
                        f"({verdict.override.by})" if verdict.override else "")
            url = _evidence_url(result, check_id)
            values: list[object] = [a1_row.number, a1_row.name, result.unit_id, check_id, label, mark,
                                    verdict.reason, url or "", override]
            for column, value in enumerate(values, start=1):
                _body_cell(sheet, row, column, value, center=column in (1, 6))
            if url and url.startswith(("http://", "https://")):
                cell = sheet.cell(row=row, column=8)
                cell.hyperlink = url
                cell.font = Font(name=_FONT, size=12, color="0563C1", underline="single")
            row += 1
    sheet.freeze_panes = "C2"
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(VERDICT_COLUMNS))}{max(row - 1, 1)}"
    for letter, size in zip("ABCDEFGHI", (5, 22, 12, 24, 30, 8, 60, 50, 30), strict=True):
        sheet.column_dimensions[letter].width = size


def write_appendices_xlsx(notice: Notice, results: Sequence[UnitResult], out_dir: Path) -> Path:
    """``appendices.xlsx``: "Phụ lục 1", "Phụ lục 2" as in the notice, and every verdict with its evidence."""
    workbook = Workbook()
    first = workbook.active
    assert first is not None
    first.title = SHEET_APPENDIX1
    _appendix1_sheet(first, notice)
    _appendix2_sheet(workbook.create_sheet(SHEET_APPENDIX2), notice)
    _verdicts_sheet(workbook.create_sheet(SHEET_VERDICTS), notice, results)
    workbook.properties.title = notice.title
    workbook.properties.creator = "camthuy-audit"
    path = Path(out_dir) / XLSX_FILE
    with atomic_path(path) as temporary:
        workbook.save(temporary)
    return path
