"""The quarterly notice as a Word document (notice.docx) and, when LibreOffice is installed, as PDF.

The layout follows Decree 30/2020/NĐ-CP like the HTML notice: A4 portrait letter (margins top/bottom
20 mm, left 30 mm, right 15 mm), Times New Roman, body 14 pt justified with a first-line indent; the
two-column header without borders (issuer with a short rule, "Số:", "V/v" | country line, motto with
its rule, place and date in italics); "Kính gửi"; the body; "Nơi nhận:" beside the signature block,
kept with the closing paragraph; then Phụ lục 1 and PHỤ LỤC 2, each on its own A4 landscape section
with its table (header row repeated on every page, rows never split) and its legend.

Everything printed comes from the :class:`~camthuy_audit.aggregate.Notice`; this module holds no
district's wording, so another issuer's notice comes out with its own names. The number and the day
stay blank for the clerk exactly as the Notice gives them.
"""

from __future__ import annotations

import contextlib
import logging
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from docx import Document
from docx.document import Document as DocxDocument
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.table import CT_Row
from docx.section import Section
from docx.shared import Length, Mm, Pt
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from camthuy_audit.aggregate import Appendix1, Appendix2, Notice
from camthuy_audit.render import DOCX_FILE, atomic_path
from camthuy_audit.render import PDF_FILE as PDF_FILE  # the notice's file names are render's

log = logging.getLogger(__name__)

FONT = "Times New Roman"
LANGUAGE = "vi-VN"

# A4 and the margins of Decree 30/2020 (the letter), in millimetres.
A4_SHORT, A4_LONG = 210, 297
LETTER_MARGINS = {"top": 20, "bottom": 20, "left": 30, "right": 15}
APPENDIX_MARGINS = {"top": 20, "bottom": 20, "left": 20, "right": 15}
HEADER_DISTANCE = 10            # the page number sits in the top margin
LETTER_WIDTH = A4_SHORT - LETTER_MARGINS["left"] - LETTER_MARGINS["right"]        # 165 mm
APPENDIX_WIDTH = A4_LONG - APPENDIX_MARGINS["left"] - APPENDIX_MARGINS["right"]   # 262 mm

# Font sizes in points (Decree 30/2020, appendix I).
SIZE_BODY = 14
SIZE_ISSUER = 13
SIZE_COUNTRY = 12.5
SIZE_MOTTO = 13.5
SIZE_NUMBER = 13
SIZE_SUBJECT = 13
SIZE_PLACE_DATE = 14
SIZE_DRAFT = 14
SIZE_RECIPIENTS_TITLE = 12
SIZE_RECIPIENTS = 11
SIZE_SIGNATURE = 14
SIZE_PAGE_NUMBER = 13
SIZE_APPENDIX_TITLE = 14
SIZE_APPENDIX_SUBTITLE = 13
SIZE_TABLE_HEAD = 11
SIZE_TABLE = 12
SIZE_LEGEND = 12

FIRST_LINE_INDENT = Mm(10)
SIGNATURE_BLANK_LINES = 4       # room for the hand signature and the seal

# Header columns of the letter (issuer | national motto), and the recipients | signature columns.
HEADER_COLUMNS = (Mm(64), Mm(LETTER_WIDTH - 64))
CLOSING_COLUMNS = (Mm(72), Mm(LETTER_WIDTH - 72))

# Appendix column widths: TT, unit name, then the checks / the Appendix 2 columns (262 mm in all).
A1_TT, A1_UNIT = 10, 52
A2_WIDTHS = (10, 52, 28, 28, 28, APPENDIX_WIDTH - 10 - 52 - 28 * 3)

# soffice: how long a conversion may take (the first start also builds the private profile).
PDF_TIMEOUT = 180.0


class PdfConversionError(RuntimeError):
    """LibreOffice could not turn the notice into PDF; the message is Vietnamese and names the file."""


# --- low-level helpers -------------------------------------------------------------------------


def _set_fonts(rpr: Any, size: float | None = None) -> None:
    """Times New Roman for every script slot of a run-properties element (no theme fonts)."""
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for attribute in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(attribute), None)
    for attribute in ("w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"):
        fonts.set(qn(attribute), FONT)
    if size is not None:
        half_points = str(round(size * 2))
        for tag in ("w:sz", "w:szCs"):
            element = rpr.find(qn(tag))
            if element is None:
                element = OxmlElement(tag)
                rpr.append(element)
            element.set(qn("w:val"), half_points)
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:val"), LANGUAGE)
    lang.set(qn("w:eastAsia"), LANGUAGE)


def _setup_styles(document: DocxDocument) -> None:
    """Document defaults and the Normal style: Times New Roman 14 pt, single spacing, Vietnamese."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is not None:
        rpr = defaults.find(f"{qn('w:rPrDefault')}/{qn('w:rPr')}")
        if rpr is not None:
            _set_fonts(rpr, SIZE_BODY)
        spacing = defaults.find(f"{qn('w:pPrDefault')}/{qn('w:pPr')}/{qn('w:spacing')}")
        if spacing is not None:
            spacing.set(qn("w:after"), "0")
            spacing.set(qn("w:line"), "240")
            spacing.set(qn("w:lineRule"), "auto")
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(SIZE_BODY)
    _set_fonts(normal.element.get_or_add_rPr(), SIZE_BODY)
    fmt = normal.paragraph_format
    fmt.space_before = Pt(0)
    fmt.space_after = Pt(0)
    fmt.line_spacing = 1.0
    fmt.widow_control = True


def _run(paragraph: Paragraph, value: str, size: float, *, bold: bool = False, italic: bool = False) -> Run:
    run = paragraph.add_run(value)
    run.font.size = Pt(size)
    if bold:
        run.font.bold = True
    if italic:
        run.font.italic = True
    for element in run._r.findall(qn("w:t")):
        # The clerk's blanks (the number and the day) are runs of spaces: keep every one of them.
        element.set(qn("xml:space"), "preserve")
    return run


def _mark_size(paragraph: Paragraph, size: float) -> None:
    """The size of the paragraph mark (the height of an empty paragraph)."""
    ppr = paragraph._p.get_or_add_pPr()
    rpr = ppr.find(qn("w:rPr"))
    if rpr is None:
        rpr = OxmlElement("w:rPr")
        section = ppr.find(qn("w:sectPr"))          # the schema wants w:rPr before w:sectPr
        if section is not None:
            section.addprevious(rpr)
        else:
            ppr.append(rpr)
    for tag in ("w:sz", "w:szCs"):
        element = rpr.find(qn(tag))
        if element is None:
            element = OxmlElement(tag)
            rpr.append(element)
        element.set(qn("w:val"), str(round(size * 2)))


def _paragraph(container: DocxDocument | _Cell, value: str = "", size: float = SIZE_BODY, *,
               bold: bool = False, italic: bool = False,
               align: WD_ALIGN_PARAGRAPH | None = WD_ALIGN_PARAGRAPH.CENTER,
               before: float = 0, after: float = 0, first_cell_paragraph: bool = False) -> Paragraph:
    """A paragraph with one run; in a new cell ``first_cell_paragraph`` reuses its empty paragraph."""
    if first_cell_paragraph and isinstance(container, _Cell):
        paragraph = container.paragraphs[0]
    else:
        paragraph = container.add_paragraph()
    if align is not None:
        paragraph.alignment = align
    fmt = paragraph.paragraph_format
    fmt.space_before = Pt(before)
    fmt.space_after = Pt(after)
    if value:
        _run(paragraph, value, size, bold=bold, italic=italic)
    _mark_size(paragraph, size)
    return paragraph


def _border(name: str, value: str = "single", size: int = 4) -> Any:
    element = OxmlElement(f"w:{name}")
    element.set(qn("w:val"), value)
    if value not in ("nil", "none"):
        element.set(qn("w:sz"), str(size))          # eighths of a point
        element.set(qn("w:space"), "0")
        element.set(qn("w:color"), "000000")
    return element


def _paragraph_borders(paragraph: Paragraph, sides: Sequence[str], *, space: int = 1) -> None:
    ppr = paragraph._p.get_or_add_pPr()
    borders = OxmlElement("w:pBdr")
    for side in sides:
        element = _border(side, "single", 6)
        element.set(qn("w:space"), str(space))
        borders.append(element)
    # w:pBdr comes before w:shd, w:spacing, w:ind, w:jc ... in CT_PPr: insert after keepNext & co.
    anchor = None
    for tag in ("w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
                "w:widowControl", "w:numPr", "w:suppressLineNumbers"):
        found = ppr.find(qn(tag))
        if found is not None:
            anchor = found
    if anchor is None:
        ppr.insert(0, borders)
    else:
        anchor.addnext(borders)


def _estimated_width_mm(value: str, size: float, *, caps: bool = False) -> float:
    """Rough printed width of a line of Times New Roman (bold), enough to size a rule under it."""
    per_char = 0.212 if caps else 0.152       # mm per character per point, measured on Vietnamese text
    return len(value) * size * per_char


def _rule(cell: _Cell, column: Length, width_mm: float, *, after: float = 0) -> Paragraph:
    """A short centred horizontal rule: the bottom border of an empty, narrow, tiny paragraph."""
    paragraph = _paragraph(cell, "", 1, align=WD_ALIGN_PARAGRAPH.CENTER, before=3, after=after)
    column_mm = column.mm - 4                 # the cell's own left and right margins
    width_mm = max(12.0, min(width_mm, column_mm))
    indent = Mm(max(0.0, (column_mm - width_mm) / 2))
    fmt = paragraph.paragraph_format
    fmt.left_indent = indent
    fmt.right_indent = indent
    fmt.line_spacing = Pt(2)
    _paragraph_borders(paragraph, ["bottom"], space=0)
    return paragraph


def _table_borders(table: Table, value: str) -> None:
    """All borders of a table: "single" (0.5 pt) or "nil"."""
    tblpr = table._tbl.tblPr
    for old in tblpr.findall(qn("w:tblBorders")):
        tblpr.remove(old)
    borders = OxmlElement("w:tblBorders")
    for side in ("top", "left", "bottom", "right", "insideH", "insideV"):
        borders.append(_border(side, value))
    # CT_TblPr order: tblStyle, tblpPr, tblOverlap, bidiVisual, tblStyleRowBandSize, tblStyleColBandSize,
    # tblW, jc, tblCellSpacing, tblInd, tblBorders, shd, tblLayout, tblCellMar, tblLook.
    following = [qn(t) for t in ("w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook")]
    for index, child in enumerate(tblpr):
        if child.tag in following:
            tblpr.insert(index, borders)
            return
    tblpr.append(borders)


def _cell_margins(table: Table, left_right_mm: float, top_bottom_mm: float = 0) -> None:
    tblpr = table._tbl.tblPr
    margins = OxmlElement("w:tblCellMar")
    for side, value in (("top", top_bottom_mm), ("left", left_right_mm), ("bottom", top_bottom_mm),
                        ("right", left_right_mm)):
        element = OxmlElement(f"w:{side}")
        element.set(qn("w:w"), str(round(Mm(value).twips)))
        element.set(qn("w:type"), "dxa")
        margins.append(element)
    look = tblpr.find(qn("w:tblLook"))
    if look is not None:
        look.addprevious(margins)
    else:
        tblpr.append(margins)


def _new_table(container: DocxDocument, rows: int, widths: Sequence[Length], *, borders: bool) -> Table:
    """A fixed-layout table of the given column widths, centred, with or without borders."""
    table = container.add_table(rows=rows, cols=len(widths))
    table.autofit = False            # w:tblLayout fixed: the widths below hold
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    tblpr = table._tbl.tblPr
    width = tblpr.find(qn("w:tblW"))
    if width is None:
        width = OxmlElement("w:tblW")
        tblpr.append(width)
    width.set(qn("w:w"), str(round(sum(w.twips for w in widths))))
    width.set(qn("w:type"), "dxa")
    _table_borders(table, "single" if borders else "nil")
    for column, column_width in zip(table.columns, widths, strict=True):
        column.width = column_width
    for row in table.rows:
        for cell, column_width in zip(row.cells, widths, strict=True):
            cell.width = column_width
    return table


def _row_properties(row_element: CT_Row, *, header: bool = False) -> None:
    """A row never split across pages; a header row repeated at the top of every page."""
    trpr = row_element.get_or_add_trPr()
    trpr.append(OxmlElement("w:cantSplit"))
    if header:
        trpr.append(OxmlElement("w:tblHeader"))


def _keep(paragraphs: Sequence[Paragraph], *, with_next: bool = True) -> None:
    for paragraph in paragraphs:
        paragraph.paragraph_format.keep_together = True
        if with_next:
            paragraph.paragraph_format.keep_with_next = True


def _page_number_header(section: Section, *, restart: bool) -> None:
    """Decree 30: page numbers from the second page on, centred in the top margin."""
    section.different_first_page_header_footer = True
    section.header.is_linked_to_previous = False
    section.first_page_header.is_linked_to_previous = False
    header = section.header
    paragraph = header.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    run = _run(paragraph, "", SIZE_PAGE_NUMBER)
    begin, separate, end = (OxmlElement("w:fldChar") for _ in range(3))
    begin.set(qn("w:fldCharType"), "begin")
    separate.set(qn("w:fldCharType"), "separate")
    end.set(qn("w:fldCharType"), "end")
    instruction = OxmlElement("w:instrText")
    instruction.set(qn("xml:space"), "preserve")
    instruction.text = " PAGE "
    shown = OxmlElement("w:t")
    shown.text = "2"
    for element in (begin, instruction, separate, shown, end):
        run._r.append(element)
    for part in (section.first_page_header, section.footer, section.first_page_footer):
        part.is_linked_to_previous = False
    if restart:
        sectpr = section._sectPr
        numbering = sectpr.find(qn("w:pgNumType"))
        if numbering is None:
            numbering = OxmlElement("w:pgNumType")
            # CT_SectPr order: ... pgSz, pgMar, paperSrc, pgBorders, lnNumType, pgNumType, cols ...
            cols = sectpr.find(qn("w:cols"))
            if cols is not None:
                cols.addprevious(numbering)
            else:
                sectpr.append(numbering)
        numbering.set(qn("w:start"), "1")


def _page(section: Section, *, landscape: bool, margins: dict[str, int]) -> None:
    if landscape:
        section.orientation = WD_ORIENT.LANDSCAPE
        section.page_width, section.page_height = Mm(A4_LONG), Mm(A4_SHORT)
    else:
        section.orientation = WD_ORIENT.PORTRAIT
        section.page_width, section.page_height = Mm(A4_SHORT), Mm(A4_LONG)
    section.top_margin = Mm(margins["top"])
    section.bottom_margin = Mm(margins["bottom"])
    section.left_margin = Mm(margins["left"])
    section.right_margin = Mm(margins["right"])
    section.header_distance = Mm(HEADER_DISTANCE)
    section.footer_distance = Mm(HEADER_DISTANCE)
    section.gutter = Mm(0)


# --- the letter --------------------------------------------------------------------------------


def _draft_marker(document: DocxDocument, draft: str) -> None:
    """ "DỰ THẢO" in a box at the top right of the first page (only while the Notice says so)."""
    paragraph = _paragraph(document, draft, SIZE_DRAFT, bold=True, align=WD_ALIGN_PARAGRAPH.CENTER,
                           after=6)
    box = _estimated_width_mm(draft, SIZE_DRAFT, caps=True) + 8
    paragraph.paragraph_format.left_indent = Mm(max(0.0, LETTER_WIDTH - box))
    _paragraph_borders(paragraph, ["top", "left", "bottom", "right"], space=2)


def _header(document: DocxDocument, notice: Notice) -> Table:
    """Two columns, no borders: issuer | country and motto; then Số and V/v | place and date."""
    header = notice.header
    left_width, right_width = HEADER_COLUMNS
    table = _new_table(document, 2, HEADER_COLUMNS, borders=False)
    _cell_margins(table, 1)
    for row in table.rows:
        for cell in row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.TOP
    issuer, country = table.cell(0, 0), table.cell(0, 1)
    number, place = table.cell(1, 0), table.cell(1, 1)

    _paragraph(issuer, header.issuer_parent.upper(), SIZE_ISSUER, bold=True, first_cell_paragraph=True)
    _paragraph(issuer, header.issuer_name.upper(), SIZE_ISSUER, bold=True)
    name_width = _estimated_width_mm(header.issuer_name, SIZE_ISSUER, caps=True)
    _rule(issuer, left_width, max(name_width * 0.4, 15))

    _paragraph(country, header.country.upper(), SIZE_COUNTRY, bold=True, first_cell_paragraph=True)
    _paragraph(country, header.motto, SIZE_MOTTO, bold=True)
    _rule(country, right_width, _estimated_width_mm(header.motto, SIZE_MOTTO))

    _paragraph(number, header.number_line, SIZE_NUMBER, first_cell_paragraph=True, before=6)
    for line in header.subject_lines:
        _paragraph(number, line, SIZE_SUBJECT)
    _paragraph(place, header.place_date, SIZE_PLACE_DATE, italic=True, first_cell_paragraph=True, before=6)
    return table


def _body_paragraph(document: DocxDocument, value: str) -> Paragraph:
    paragraph = _paragraph(document, value, SIZE_BODY, align=WD_ALIGN_PARAGRAPH.JUSTIFY, after=6)
    paragraph.paragraph_format.first_line_indent = FIRST_LINE_INDENT
    paragraph.paragraph_format.widow_control = True
    return paragraph


def _body(document: DocxDocument, notice: Notice) -> list[Paragraph]:
    body = notice.body
    _paragraph(document, notice.header.addressee, SIZE_BODY, before=18, after=12)
    paragraphs = [_body_paragraph(document, value) for value in body.references]
    if body.judgement:          # none when no unit's posts could be counted (as in notice.html)
        paragraphs.append(_body_paragraph(document, body.judgement))
    paragraphs.append(_body_paragraph(document, body.shortcomings))
    for item in body.lists:
        paragraph = _body_paragraph(document, f"- {item.text}")
        if item.detail:
            _run(paragraph, " ", SIZE_BODY)
            _run(paragraph, item.detail, SIZE_BODY, italic=True)
        paragraphs.append(paragraph)
    paragraphs.append(_body_paragraph(document, body.closing))
    return paragraphs


def _closing(document: DocxDocument, notice: Notice) -> Table:
    """ "Nơi nhận:" and the recipients on the left, the signature block on the right, one row."""
    table = _new_table(document, 1, CLOSING_COLUMNS, borders=False)
    _cell_margins(table, 1)
    _row_properties(table.rows[0]._tr)
    recipients, signature = table.cell(0, 0), table.cell(0, 1)
    paragraphs = [_paragraph(recipients, notice.recipients_title, SIZE_RECIPIENTS_TITLE, bold=True,
                             italic=True, align=WD_ALIGN_PARAGRAPH.LEFT, first_cell_paragraph=True)]
    paragraphs += [_paragraph(recipients, line, SIZE_RECIPIENTS, align=WD_ALIGN_PARAGRAPH.LEFT)
                   for line in notice.recipients]
    sign = notice.signature
    paragraphs.append(_paragraph(signature, sign.authority.upper(), SIZE_SIGNATURE, bold=True,
                                 first_cell_paragraph=True))
    paragraphs.append(_paragraph(signature, sign.title.upper(), SIZE_SIGNATURE, bold=True))
    paragraphs += [_paragraph(signature, "", SIZE_SIGNATURE) for _ in range(SIGNATURE_BLANK_LINES)]
    name = _paragraph(signature, sign.name, SIZE_SIGNATURE, bold=True)
    paragraphs.append(name)
    # Word keeps a table row whole when its paragraphs keep with the next; the last one need not.
    _keep(paragraphs)
    name.paragraph_format.keep_with_next = False
    for paragraph in recipients.paragraphs[-1:]:
        paragraph.paragraph_format.keep_with_next = False
    return table


# --- the appendices ----------------------------------------------------------------------------


def _appendix_section(document: DocxDocument) -> Section:
    section = document.add_section(WD_SECTION.NEW_PAGE)
    # The paragraph that ends the previous section (Word needs one after a table) takes no room:
    # it must never push a blank page.
    ending = document.paragraphs[-1]
    ending.paragraph_format.space_before = Pt(0)
    ending.paragraph_format.space_after = Pt(0)
    ending.paragraph_format.line_spacing = Pt(1)
    _mark_size(ending, 1)
    _page(section, landscape=True, margins=APPENDIX_MARGINS)
    _page_number_header(section, restart=True)
    return section


def _appendix_titles(document: DocxDocument, title: str, subtitles: Sequence[str]) -> list[Paragraph]:
    paragraphs = [_paragraph(document, title, SIZE_APPENDIX_TITLE, bold=True, after=3)]
    for index, line in enumerate(subtitles):
        # The first subtitle says what the table is (bold); the parenthesised ones are references.
        paragraphs.append(_paragraph(document, line, SIZE_APPENDIX_SUBTITLE, bold=index == 0,
                                     italic=index > 0 and line.startswith("(")))
    paragraphs[-1].paragraph_format.space_after = Pt(6)
    _keep(paragraphs)
    return paragraphs


def _cell_text(cell: _Cell, value: str, size: float, *, bold: bool = False,
               align: WD_ALIGN_PARAGRAPH = WD_ALIGN_PARAGRAPH.CENTER) -> Paragraph:
    cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    return _paragraph(cell, value, size, bold=bold, align=align, first_cell_paragraph=True)


def _legend(document: DocxDocument, title: str, lines: Sequence[str]) -> None:
    first = _paragraph(document, title, SIZE_LEGEND, bold=True, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT,
                       before=4)
    paragraphs = [first] + [_paragraph(document, line, SIZE_LEGEND, italic=True, align=WD_ALIGN_PARAGRAPH.LEFT)
                            for line in lines]
    _keep(paragraphs[:-1])
    _keep(paragraphs[-1:], with_next=False)


def _appendix1(document: DocxDocument, appendix: Appendix1) -> Table:
    _appendix_titles(document, appendix.title, appendix.subtitles)
    marks = len(appendix.columns)
    mark_width = (APPENDIX_WIDTH - A1_TT - A1_UNIT) / max(marks, 1)
    widths = [Mm(A1_TT), Mm(A1_UNIT)] + [Mm(mark_width)] * marks
    table = _new_table(document, 1 + len(appendix.rows), widths, borders=True)
    _cell_margins(table, 1, 0.25)
    head = table.rows[0]
    _row_properties(head._tr, header=True)
    labels = ["TT", "Đơn vị"] + [column.label for column in appendix.columns]
    for cell, label in zip(head.cells, labels, strict=True):
        _cell_text(cell, label, SIZE_TABLE_HEAD, bold=True)
    for row, data in zip(table.rows[1:], appendix.rows, strict=True):
        _row_properties(row._tr)
        cells = row.cells
        _cell_text(cells[0], str(data.number), SIZE_TABLE)
        _cell_text(cells[1], data.name, SIZE_TABLE, align=WD_ALIGN_PARAGRAPH.LEFT)
        for cell, mark in zip(cells[2:], data.marks, strict=True):
            _cell_text(cell, mark, SIZE_TABLE)
    _legend(document, appendix.legend_title, appendix.legend)
    return table


def _appendix2(document: DocxDocument, appendix: Appendix2) -> Table:
    _appendix_titles(document, appendix.title, appendix.subtitles)
    widths = [Mm(w) for w in A2_WIDTHS]
    if len(appendix.columns) != len(widths):
        raise ValueError(f"Phụ lục 2 cần {len(widths)} cột, Notice có {len(appendix.columns)}")
    table = _new_table(document, 2 + len(appendix.rows), widths, borders=True)
    _cell_margins(table, 1, 0.25)
    head = table.rows[0]
    _row_properties(head._tr, header=True)
    for cell, label in zip(head.cells, appendix.columns, strict=True):
        _cell_text(cell, label, SIZE_TABLE_HEAD, bold=True)
    left = WD_ALIGN_PARAGRAPH.LEFT
    for row, data in zip(table.rows[1:-1], appendix.rows, strict=True):
        _row_properties(row._tr)
        cells = row.cells
        _cell_text(cells[0], str(data.number), SIZE_TABLE)
        _cell_text(cells[1], data.name, SIZE_TABLE, align=left)
        _cell_text(cells[2], data.posts_text, SIZE_TABLE)
        _cell_text(cells[3], data.banner_mark, SIZE_TABLE)
        _cell_text(cells[4], data.category_mark, SIZE_TABLE)
        _cell_text(cells[5], data.note, SIZE_TABLE, align=left)
    # The total, once, at the very end (a table footer would repeat on every page).
    total_row = table.rows[-1]
    _row_properties(total_row._tr)
    label = total_row.cells[0].merge(total_row.cells[1])
    _cell_text(label, appendix.total.label, SIZE_TABLE, bold=True)
    _cell_text(total_row.cells[2], appendix.total.posts_text, SIZE_TABLE, bold=True)
    for cell in total_row.cells[3:]:
        _cell_text(cell, "", SIZE_TABLE)
    if len(table.rows) > 2:
        # never the total alone at the top of a page: keep it with the last unit's row
        for cell in table.rows[-2].cells:
            _keep(cell.paragraphs)
    _legend(document, appendix.legend_title, appendix.legend)
    return table


# --- entry points ------------------------------------------------------------------------------


def build_notice_document(notice: Notice) -> DocxDocument:
    """The notice as a python-docx Document (not yet saved)."""
    document = Document()
    _setup_styles(document)
    header = notice.header
    properties = document.core_properties
    properties.title = notice.title
    properties.subject = header.subject
    properties.author = " ".join(part for part in (header.issuer_parent, header.issuer_name) if part)
    properties.last_modified_by = properties.author
    properties.comments = ""
    properties.keywords = ""
    properties.category = ""
    properties.language = LANGUAGE
    properties.revision = 1
    now = datetime.now(UTC).replace(microsecond=0)
    properties.created = now
    properties.modified = now

    letter = document.sections[0]
    _page(letter, landscape=False, margins=LETTER_MARGINS)
    _page_number_header(letter, restart=False)
    # python-docx's blank document starts with no paragraph; the letter starts at the top.
    if header.draft:
        _draft_marker(document, header.draft)
    _header(document, notice)
    body = _body(document, notice)
    # The signature never stands alone on a page: the closing paragraph goes with it.
    _keep(body[-1:])
    _closing(document, notice)

    _appendix_section(document)
    _appendix1(document, notice.appendix1)
    _appendix_section(document)
    _appendix2(document, notice.appendix2)
    return document


def write_notice_docx(notice: Notice, out_dir: Path) -> Path:
    """Write ``out_dir/notice.docx`` (the letter and both appendices) and return its path."""
    path = Path(out_dir) / DOCX_FILE
    with atomic_path(path) as temporary:
        build_notice_document(notice).save(str(temporary))
    return path


def find_soffice() -> str | None:
    """LibreOffice's ``soffice`` (PATH first, then the usual install places); None when absent."""
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    candidates: list[Path] = []
    if sys.platform == "win32":
        for variable in ("ProgramFiles", "ProgramFiles(x86)"):
            base = os.environ.get(variable)
            if base:
                candidates.append(Path(base) / "LibreOffice" / "program" / "soffice.exe")
    elif sys.platform == "darwin":
        candidates.append(Path("/Applications/LibreOffice.app/Contents/MacOS/soffice"))
    return next((str(c) for c in candidates if c.is_file()), None)


def _stop(process: subprocess.Popen[bytes]) -> None:
    """Kill the conversion we started and what it spawned (soffice runs soffice.bin under it)."""
    try:
        if sys.platform != "win32":
            os.killpg(process.pid, signal.SIGKILL)
        else:
            process.kill()
    except (ProcessLookupError, PermissionError):
        pass
    with contextlib.suppress(subprocess.TimeoutExpired):
        process.communicate(timeout=10)


def _tail(output: bytes, lines: int = 5) -> str:
    kept = [line.strip() for line in output.decode("utf-8", "replace").splitlines() if line.strip()]
    return " | ".join(kept[-lines:])


def write_notice_pdf(docx: Path, *, timeout: float = PDF_TIMEOUT) -> Path | None:
    """Convert ``docx`` to PDF beside it with LibreOffice headless; return the PDF's path.

    None when LibreOffice is not installed (the caller says so once). Each conversion runs with its
    own temporary LibreOffice profile, so parallel runs (and an open LibreOffice) do not clash; it is
    stopped after ``timeout`` seconds. A failed conversion raises :class:`PdfConversionError` with a
    Vietnamese message naming the file.
    """
    given, docx = Path(docx), Path(docx).resolve()   # LibreOffice is given the full path
    soffice = find_soffice()
    if soffice is None:
        return None
    if not docx.is_file():
        raise PdfConversionError(f"Không chuyển được sang PDF: không có tệp {docx}")
    target = docx.with_suffix(".pdf")
    with tempfile.TemporaryDirectory(prefix="camthuy-lo-profile-") as profile, \
            tempfile.TemporaryDirectory(prefix=".pdf-", dir=docx.parent) as out_dir:
        command = [soffice, f"-env:UserInstallation={Path(profile).as_uri()}", "--headless", "--invisible",
                   "--nologo", "--norestore", "--nolockcheck", "--nodefault",
                   "--convert-to", "pdf:writer_pdf_Export", "--outdir", out_dir, str(docx)]
        log.debug("chuyển %s sang PDF: %s", docx, " ".join(command))
        process = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                   stderr=subprocess.STDOUT, start_new_session=sys.platform != "win32")
        try:
            output, _ = process.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            _stop(process)
            raise PdfConversionError(
                f"Không chuyển được {docx} sang PDF: LibreOffice ({soffice}) chạy quá {timeout:g} giây "
                "và đã bị dừng") from None
        produced = Path(out_dir) / (docx.stem + ".pdf")
        if process.returncode != 0 or not produced.is_file() or produced.stat().st_size == 0:
            detail = _tail(output)
            raise PdfConversionError(
                f"Không chuyển được {docx} sang PDF bằng LibreOffice ({soffice}, mã thoát "
                f"{process.returncode})" + (f": {detail}" if detail else ""))
        with produced.open("rb") as handle:
            if handle.read(5) != b"%PDF-":
                raise PdfConversionError(f"Không chuyển được {docx} sang PDF: LibreOffice tạo ra tệp "
                                         "không phải PDF")
        produced.replace(target)
    return given.with_suffix(".pdf")   # named as the caller named the docx
