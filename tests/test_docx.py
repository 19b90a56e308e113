"""notice.docx and notice.pdf: the seed's letter and both appendices in the Decree 30/2020 layout.

The docx is read back with python-docx: fonts and sizes, page setup of the three sections (portrait
letter, landscape appendices), the header table, the body, the signature block, both appendix tables
cell for cell against the Notice, the clerk's blanks, the draft marker, and another issuer's names.
The PDF tests convert with LibreOffice and read the pages with poppler (pdftotext, pdfinfo, pdffonts):
in CI (CI set) a missing tool fails them, elsewhere they are skipped.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
import time
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from browser import missing_tool
from docx import Document
from docx.enum.section import WD_ORIENT, WD_SECTION
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.table import Table
from docx.text.paragraph import Paragraph
from test_aggregate import SEED_APPENDIX2_COUNTS, SEED_MARKS, config, seed_results

from camthuy_audit import render_docx
from camthuy_audit.aggregate import Notice, build_notice
from camthuy_audit.quarter import Quarter
from camthuy_audit.render_docx import PdfConversionError, write_notice_docx, write_notice_pdf

FONT = "Times New Roman"
RUN_DATE = date(2023, 4, 12)


def seed_notice() -> Notice:
    return build_notice(seed_results(), config(), Quarter(2023, 1), run_date=RUN_DATE)


def with_draft(notice: Notice, draft: str = "DỰ THẢO") -> Notice:
    return notice.model_copy(update={"header": notice.header.model_copy(update={"draft": draft})})


@pytest.fixture(scope="module")
def notice() -> Notice:
    return seed_notice()


@pytest.fixture(scope="module")
def docx_path(notice: Notice, tmp_path_factory: pytest.TempPathFactory) -> Path:
    return write_notice_docx(notice, tmp_path_factory.mktemp("docx"))


@pytest.fixture(scope="module")
def document(docx_path: Path) -> Any:
    return Document(str(docx_path))


# --- reading the document back -----------------------------------------------------------------


def blocks_by_section(document: Any) -> list[list[Paragraph | Table]]:
    """The body's paragraphs and tables, grouped by the section they belong to."""
    sections: list[list[Paragraph | Table]] = [[]]
    body = document.element.body
    for child in body.iterchildren():
        if child.tag == qn("w:p"):
            paragraph = Paragraph(child, document)
            sections[-1].append(paragraph)
            ppr = child.find(qn("w:pPr"))
            if ppr is not None and ppr.find(qn("w:sectPr")) is not None:
                sections.append([])
        elif child.tag == qn("w:tbl"):
            sections[-1].append(Table(child, document))
    return sections


def texts(cell: Any) -> list[str]:
    return [p.text for p in cell.paragraphs]


def runs_of(paragraph: Paragraph) -> list[Any]:
    return [run for run in paragraph.runs if run.text.strip()]


def sizes(paragraph: Paragraph) -> set[float]:
    return {run.font.size.pt for run in runs_of(paragraph)}


def all_bold(paragraph: Paragraph) -> bool:
    return bool(runs_of(paragraph)) and all(run.font.bold for run in runs_of(paragraph))


def all_italic(paragraph: Paragraph) -> bool:
    return bool(runs_of(paragraph)) and all(run.font.italic for run in runs_of(paragraph))


def all_paragraphs(document: Any) -> list[Paragraph]:
    found = list(document.paragraphs)
    seen: list[Any] = []
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                if not any(cell._tc is tc for tc in seen):     # a merged cell comes once per grid column
                    seen.append(cell._tc)
                    found.extend(cell.paragraphs)
    return found


def table_borders(table: Table) -> dict[str, str]:
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert borders is not None
    return {child.tag.split("}")[1]: child.get(qn("w:val")) for child in borders}


def row_flags(row: Any) -> set[str]:
    trpr = row._tr.trPr
    return set() if trpr is None else {child.tag.split("}")[1] for child in trpr}


def document_text(document: Any) -> str:
    return "\n".join(p.text for p in all_paragraphs(document))


def mm(length: Any) -> float:
    return float(length.mm)


# --- fonts and page setup ----------------------------------------------------------------------


def test_fonts_are_times_new_roman_for_every_script(document: Any) -> None:
    normal = document.styles["Normal"]
    assert normal.font.name == FONT
    assert normal.font.size.pt == 14
    # the document defaults and Normal name Times New Roman for Latin, East Asian and complex script
    # (Vietnamese letters must never fall back to another font), and no theme font
    for rpr in (document.styles.element.find(f"{qn('w:docDefaults')}/{qn('w:rPrDefault')}/{qn('w:rPr')}"),
                normal.element.rPr):
        fonts = rpr.find(qn("w:rFonts"))
        for slot in ("ascii", "hAnsi", "eastAsia", "cs"):
            assert fonts.get(qn(f"w:{slot}")) == FONT, slot
        assert not [a for a in fonts.attrib if "Theme" in a or "theme" in a]
        assert rpr.find(qn("w:lang")).get(qn("w:val")) == "vi-VN"
    # no run anywhere names another font; every run with text has its size
    for element in document.element.body.iter(qn("w:rFonts")):
        assert {v for k, v in element.attrib.items() if "theme" not in k.lower()} <= {FONT}
    for paragraph in all_paragraphs(document):
        for run in runs_of(paragraph):
            assert run.font.name in (None, FONT)
            assert run.font.size is not None, paragraph.text


def test_body_text_sizes(document: Any, notice: Notice) -> None:
    letter = blocks_by_section(document)[0]
    body = [b for b in letter if isinstance(b, Paragraph) and b.text.strip()]
    assert body, "the letter has body paragraphs"
    for paragraph in body:
        if paragraph.text == notice.header.draft:
            continue
        assert sizes(paragraph) <= {13.0, 13.5, 14.0}, paragraph.text


def test_letter_is_a4_portrait_with_decree_30_margins(document: Any) -> None:
    sections = document.sections
    assert len(sections) == 3
    letter = sections[0]
    assert letter.orientation == WD_ORIENT.PORTRAIT
    assert mm(letter.page_width) == pytest.approx(210, abs=0.5)
    assert mm(letter.page_height) == pytest.approx(297, abs=0.5)
    assert 20 <= round(mm(letter.top_margin)) <= 25
    assert 20 <= round(mm(letter.bottom_margin)) <= 25
    assert 30 <= round(mm(letter.left_margin)) <= 35
    assert 15 <= round(mm(letter.right_margin)) <= 20


def test_appendices_are_landscape_sections(document: Any) -> None:
    for section in document.sections[1:]:
        assert section.start_type == WD_SECTION.NEW_PAGE
        assert section.orientation == WD_ORIENT.LANDSCAPE
        assert mm(section.page_width) == pytest.approx(297, abs=0.5)
        assert mm(section.page_height) == pytest.approx(210, abs=0.5)
        assert 20 <= round(mm(section.top_margin)) <= 25
        assert 20 <= round(mm(section.bottom_margin)) <= 25


def test_sections_hold_letter_then_appendix1_then_appendix2(document: Any, notice: Notice) -> None:
    letter, first, second = blocks_by_section(document)
    letter_text = "\n".join(b.text for b in letter if isinstance(b, Paragraph))
    assert notice.header.addressee in letter_text
    assert notice.body.closing in letter_text
    assert [b for b in first if isinstance(b, Paragraph) and b.text][0].text == notice.appendix1.title
    assert [b for b in second if isinstance(b, Paragraph) and b.text][0].text == notice.appendix2.title
    assert sum(isinstance(b, Table) for b in letter) == 2      # header, recipients | signature
    assert sum(isinstance(b, Table) for b in first) == 1
    assert sum(isinstance(b, Table) for b in second) == 1


# --- the letter --------------------------------------------------------------------------------


def test_header_table(document: Any, notice: Notice) -> None:
    header = notice.header
    letter = blocks_by_section(document)[0]
    table = letter[0]
    assert isinstance(table, Table), "no draft: the letter starts with the header table"
    assert set(table_borders(table).values()) <= {"nil", "none"}
    assert len(table.rows) == 2 and len(table.columns) == 2
    issuer, country = table.cell(0, 0), table.cell(0, 1)
    number, place = table.cell(1, 0), table.cell(1, 1)

    assert texts(issuer) == [header.issuer_parent.upper(), header.issuer_name.upper(), ""]
    assert texts(issuer)[:2] == ["ỦY BAN NHÂN DÂN", "HUYỆN CẨM THỦY"]
    for paragraph in issuer.paragraphs[:2]:
        assert all_bold(paragraph) and sizes(paragraph) <= {12.0, 12.5, 13.0}
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert texts(country) == [header.country, header.motto, ""]
    assert all_bold(country.paragraphs[0]) and sizes(country.paragraphs[0]) <= {12.0, 12.5, 13.0}
    assert country.paragraphs[0].text == country.paragraphs[0].text.upper()
    assert all_bold(country.paragraphs[1]) and sizes(country.paragraphs[1]) <= {13.0, 13.5, 14.0}
    # the short rules under the issuer and under the motto: a bottom border on a narrow paragraph
    for cell in (issuer, country):
        rule = cell.paragraphs[-1]
        assert rule._p.pPr.find(f"{qn('w:pBdr')}/{qn('w:bottom')}") is not None
        assert rule.paragraph_format.left_indent is not None and rule.paragraph_format.left_indent > 0
    issuer_rule = mm(table.columns[0].width) - 2 * mm(issuer.paragraphs[-1].paragraph_format.left_indent)
    assert 10 < issuer_rule < mm(table.columns[0].width) / 2

    assert texts(number) == [header.number_line, *header.subject_lines]
    assert sizes(number.paragraphs[0]) <= {13.0}
    for paragraph in number.paragraphs[1:]:
        assert sizes(paragraph) <= {12.0, 12.5, 13.0}
    assert texts(place) == [header.place_date]
    assert all_italic(place.paragraphs[0]) and sizes(place.paragraphs[0]) <= {13.0, 13.5, 14.0}


def test_number_and_day_stay_blank_for_the_clerk(document: Any, notice: Notice) -> None:
    table = blocks_by_section(document)[0][0]
    assert isinstance(table, Table)
    assert table.cell(1, 0).paragraphs[0].text == "Số:      /UBND-VHTT" == notice.header.number_line
    assert table.cell(1, 1).paragraphs[0].text == "Cẩm Thủy, ngày      tháng 4 năm 2023"
    # the runs of spaces survive any reader: xml:space="preserve" on the text that holds them
    for paragraph in (table.cell(1, 0).paragraphs[0], table.cell(1, 1).paragraphs[0]):
        for element in paragraph._p.iter(qn("w:t")):
            if "  " in (element.text or ""):
                assert element.get("{http://www.w3.org/XML/1998/namespace}space") == "preserve"
    appendix_text = document_text(document)
    assert "(Kèm theo công văn số      /UBND-VHTT ngày      /04/2023)" in appendix_text


def test_body_paragraphs(document: Any, notice: Notice) -> None:
    letter = [b for b in blocks_by_section(document)[0] if isinstance(b, Paragraph) and b.text]
    by_text = {p.text: p for p in letter}
    addressee = by_text[notice.header.addressee]
    assert addressee.alignment == WD_ALIGN_PARAGRAPH.CENTER
    body = notice.body
    expected = [*body.references, body.judgement, body.shortcomings,
                *[f"- {item.text} {item.detail}" for item in body.lists], body.closing]
    found = [p.text for p in letter if p.text in expected]
    assert found == expected
    assert len(body.lists) == 4
    for value in expected:
        paragraph = by_text[value]
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY
        assert paragraph.paragraph_format.first_line_indent.mm >= 9
        assert sizes(paragraph) == {14.0}
    for item in body.lists:
        paragraph = by_text[f"- {item.text} {item.detail}"]
        assert paragraph.runs[-1].text == item.detail and paragraph.runs[-1].font.italic


def test_no_judgement_leaves_no_empty_paragraph(tmp_path: Path, notice: Notice) -> None:
    # No unit's posts could be counted: no judgement sentence, and no empty paragraph in its place
    # (notice.html leaves it out the same way).
    undecided = notice.model_copy(update={"body": notice.body.model_copy(update={"judgement": ""})})
    letter = [b for b in blocks_by_section(Document(str(write_notice_docx(undecided, tmp_path))))[0]
              if isinstance(b, Paragraph)]
    assert not [p for p in letter if not p.text and p.alignment == WD_ALIGN_PARAGRAPH.JUSTIFY]
    shown = [p.text for p in letter]
    assert shown.index(undecided.body.shortcomings) == shown.index(undecided.body.references[-1]) + 1


def test_signature_block_kept_with_the_closing(document: Any, notice: Notice) -> None:
    letter = blocks_by_section(document)[0]
    closing_table = letter[-2]        # the last block is the paragraph that ends the section
    assert isinstance(closing_table, Table)
    before = letter[letter.index(closing_table) - 1]
    assert isinstance(before, Paragraph) and before.text == notice.body.closing
    assert before.paragraph_format.keep_with_next and before.paragraph_format.keep_together
    assert set(table_borders(closing_table).values()) <= {"nil", "none"}
    assert len(closing_table.rows) == 1
    assert "cantSplit" in row_flags(closing_table.rows[0])

    recipients, signature = closing_table.cell(0, 0), closing_table.cell(0, 1)
    assert texts(recipients) == [notice.recipients_title, *notice.recipients]
    title = recipients.paragraphs[0]
    assert all_bold(title) and all_italic(title) and sizes(title) == {12.0}
    for paragraph in recipients.paragraphs[1:]:
        assert sizes(paragraph) == {11.0}
        assert paragraph.alignment == WD_ALIGN_PARAGRAPH.LEFT

    sign = notice.signature
    lines = texts(signature)
    assert lines[0] == sign.authority.upper() == "KT. CHỦ TỊCH"
    assert lines[1] == sign.title.upper() == "PHÓ CHỦ TỊCH"
    assert lines[-1] == sign.name == "Trần Đức Hùng"
    assert lines[2:-1] == [""] * (len(lines) - 3) and len(lines) - 3 >= 3     # room to sign
    for paragraph in (signature.paragraphs[0], signature.paragraphs[1], signature.paragraphs[-1]):
        assert all_bold(paragraph) and paragraph.alignment == WD_ALIGN_PARAGRAPH.CENTER
        assert sizes(paragraph) <= {13.0, 14.0}
    # every line of the block keeps with the next: the row is never split, nor left alone
    assert all(p.paragraph_format.keep_with_next for p in signature.paragraphs[:-1])


# --- the appendices ----------------------------------------------------------------------------


def appendix_table(document: Any, index: int) -> tuple[list[Paragraph], Table, list[Paragraph]]:
    blocks = blocks_by_section(document)[index]
    table = next(b for b in blocks if isinstance(b, Table))
    position = blocks.index(table)
    before = [b for b in blocks[:position] if isinstance(b, Paragraph) and b.text]
    after = [b for b in blocks[position + 1:] if isinstance(b, Paragraph) and b.text]
    return before, table, after


def check_table_layout(table: Table, rows: int) -> None:
    assert len(table.rows) == rows
    assert set(table_borders(table).values()) == {"single"}
    assert "tblHeader" in row_flags(table.rows[0])            # repeated on every page
    assert all("tblHeader" not in row_flags(row) for row in table.rows[1:])
    assert all("cantSplit" in row_flags(row) for row in table.rows)
    for cell in table.rows[0].cells:
        assert all_bold(cell.paragraphs[0]) and cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER


def test_appendix1_table(document: Any, notice: Notice) -> None:
    appendix = notice.appendix1
    titles, table, legend = appendix_table(document, 1)
    assert [p.text for p in titles] == [appendix.title, *appendix.subtitles]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in titles)
    assert all_bold(titles[0])
    check_table_layout(table, 1 + 17)
    head = [cell.text for cell in table.rows[0].cells]
    assert head == ["TT", "Đơn vị", *[column.label for column in appendix.columns]]
    assert len(appendix.rows) == 17
    for row, data in zip(table.rows[1:], appendix.rows, strict=True):
        cells = row.cells
        assert cells[0].text == str(data.number)
        assert cells[1].text == data.name
        marks = [cell.text for cell in cells[2:]]
        assert len(marks) == 10
        assert marks == list(data.marks) == SEED_MARKS[data.unit_id]
        assert all(cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER for cell in cells[2:])
    assert [p.text for p in legend] == [appendix.legend_title, *appendix.legend]
    assert all(all_italic(p) for p in legend)


def test_appendix2_table_and_total(document: Any, notice: Notice) -> None:
    appendix = notice.appendix2
    titles, table, legend = appendix_table(document, 2)
    assert [p.text for p in titles] == [appendix.title, *appendix.subtitles]
    assert all(p.alignment == WD_ALIGN_PARAGRAPH.CENTER for p in titles)
    check_table_layout(table, 1 + 17 + 1)
    assert [cell.text for cell in table.rows[0].cells] == appendix.columns
    data_rows = table.rows[1:-1]
    assert [int(row.cells[2].text) for row in data_rows] == SEED_APPENDIX2_COUNTS
    for row, data in zip(data_rows, appendix.rows, strict=True):
        cells = row.cells
        assert [c.text for c in cells] == [str(data.number), data.name, data.posts_text, data.banner_mark,
                                           data.category_mark, data.note]
        for cell in (cells[0], cells[2], cells[3], cells[4]):
            assert cell.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    by_name = {row.cells[1].text: row for row in data_rows}
    assert by_name["UBND xã Cẩm Yên"].cells[3].text == "x"
    assert by_name["UBND xã Cẩm Phú"].cells[4].text == "x"
    # the total: once, as the last row, its label over the first two columns
    total = table.rows[-1]
    assert "tblHeader" not in row_flags(total)
    assert total.cells[0].text == total.cells[1].text == appendix.total.label == "Tổng"
    assert total.cells[2].text == appendix.total.posts_text == "624"
    assert all_bold(total.cells[0].paragraphs[0]) and all_bold(total.cells[2].paragraphs[0])
    assert total._tr.tc_lst[0].tcPr.find(qn("w:gridSpan")).get(qn("w:val")) == "2"
    assert document_text(document).count("Tổng") == 1
    assert [p.text for p in legend] == [appendix.legend_title, *appendix.legend]


# --- draft marker, another issuer ---------------------------------------------------------------


def test_draft_marker_at_the_top(tmp_path: Path, notice: Notice) -> None:
    draft = Document(str(write_notice_docx(with_draft(notice), tmp_path)))
    first = blocks_by_section(draft)[0][0]
    assert isinstance(first, Paragraph) and first.text == "DỰ THẢO"
    assert all_bold(first) and min(sizes(first)) >= 14
    assert first._p.pPr.find(qn("w:pBdr")) is not None            # boxed
    assert isinstance(blocks_by_section(draft)[0][1], Table)      # then the header
    assert notice.header.draft == ""
    assert "DỰ THẢO" not in document_text(Document(str(write_notice_docx(notice, tmp_path / "final"))))


def test_another_issuer_comes_out_with_its_own_names(tmp_path: Path) -> None:
    cfg = config()
    assert cfg.district is not None
    issuer = cfg.district.issuer.model_copy(update={
        "parent": "ỦY BAN NHÂN DÂN", "name": "HUYỆN BÁ THƯỚC", "place": "Bá Thước",
        "number_suffix": "/UBND-VP"})
    signer = cfg.district.signer.model_copy(update={"authority": "CHỦ TỊCH", "title": "", "name": "Lê Văn Bình"})
    district = cfg.district.model_copy(update={"issuer": issuer, "signer": signer})
    other = build_notice(seed_results(cfg), cfg.model_copy(update={"district": district}), Quarter(2024, 3),
                         run_date=date(2024, 10, 7))
    text = document_text(Document(str(write_notice_docx(other, tmp_path))))
    assert "HUYỆN BÁ THƯỚC" in text and "Bá Thước, ngày      tháng 10 năm 2024" in text
    assert "Số:      /UBND-VP" in text and "Lê Văn Bình" in text
    for foreign in ("Cẩm Thủy", "CẨM THỦY", "Trần Đức Hùng", "PHÓ CHỦ TỊCH", "/UBND-VHTT ngày", "năm 2023"):
        assert foreign not in text, foreign


def test_module_holds_no_district_text() -> None:
    source = Path(render_docx.__file__).read_text(encoding="utf-8")
    for word in ("Cẩm Thủy", "CẨM THỦY", "Cam Thuy", "155", "2023", "Trần Đức Hùng", "VHTT", "UBND huyện"):
        assert word not in source, word


# --- PDF ---------------------------------------------------------------------------------------


def test_pdf_is_none_without_libreoffice(tmp_path: Path, notice: Notice, monkeypatch: pytest.MonkeyPatch) -> None:
    docx = write_notice_docx(notice, tmp_path)
    monkeypatch.setattr(render_docx, "find_soffice", lambda: None)
    assert write_notice_pdf(docx) is None
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notice.docx"]


def fake_soffice(tmp_path: Path, script: str) -> str:
    path = tmp_path / "soffice"
    path.write_text("#!/bin/sh\n" + script + "\n", encoding="utf-8")
    path.chmod(0o755)
    return str(path)


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for soffice")
def test_failed_conversion_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, notice: Notice) -> None:
    docx = write_notice_docx(notice, tmp_path / "out")
    script = fake_soffice(tmp_path, 'echo "Error: source file could not be loaded" >&2; exit 1')
    monkeypatch.setattr(render_docx, "find_soffice", lambda: script)
    with pytest.raises(PdfConversionError) as failure:
        write_notice_pdf(docx)
    message = str(failure.value)
    assert "Không chuyển được" in message and str(docx) in message
    assert "source file could not be loaded" in message
    # a "successful" exit without a PDF is a failure too
    quiet = fake_soffice(tmp_path, "exit 0")
    monkeypatch.setattr(render_docx, "find_soffice", lambda: quiet)
    with pytest.raises(PdfConversionError, match="Không chuyển được"):
        write_notice_pdf(docx)
    assert not docx.with_suffix(".pdf").exists()
    assert sorted(p.name for p in docx.parent.iterdir()) == ["notice.docx"]      # no temporary left


@pytest.mark.skipif(sys.platform == "win32", reason="a shell script stands in for soffice")
def test_conversion_is_stopped_after_the_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                 notice: Notice) -> None:
    docx = write_notice_docx(notice, tmp_path / "out")
    script = fake_soffice(tmp_path, "sleep 60")
    monkeypatch.setattr(render_docx, "find_soffice", lambda: script)
    started = time.monotonic()
    with pytest.raises(PdfConversionError, match="quá 1 giây") as failure:
        write_notice_pdf(docx, timeout=1)
    assert time.monotonic() - started < 15
    assert str(docx) in str(failure.value)


def poppler(tool: str) -> str:
    found = shutil.which(tool)
    if not found:
        missing_tool(f"{tool} is not installed (apt-get install poppler-utils)")
    assert found is not None
    return found


def soffice() -> str:
    found = render_docx.find_soffice()
    if not found:
        missing_tool("LibreOffice is not installed (apt-get install libreoffice-writer)")
    assert found is not None
    return found


def pdf_pages(pdf: Path) -> list[str]:
    out = subprocess.run([poppler("pdftotext"), "-layout", str(pdf), "-"], capture_output=True, text=True,
                         check=True).stdout
    pages = out.split("\f")
    return pages[:-1] if pages and not pages[-1].strip() else pages


def squeeze(value: str) -> str:
    """Text without any whitespace: pdftotext splits justified Vietnamese words ("C ẩm")."""
    return re.sub(r"\s+", "", value)


def page_of(pages: list[str], value: str) -> int:
    found = [i for i, page in enumerate(pages) if squeeze(value) in squeeze(page)]
    assert found, f"{value!r} is in no page"
    return found[0]


@pytest.fixture(scope="module")
def pdf(docx_path: Path) -> Path:
    soffice()
    poppler("pdftotext")
    result = write_notice_pdf(docx_path)
    assert result is not None and result == docx_path.with_suffix(".pdf")
    assert result.read_bytes().startswith(b"%PDF-")
    return result


def test_pdf_letter_then_appendices(pdf: Path, notice: Notice) -> None:
    pages = pdf_pages(pdf)
    info = subprocess.run([poppler("pdfinfo"), "-f", "1", "-l", str(len(pages)), str(pdf)],
                          capture_output=True, text=True, check=True).stdout
    sizes_pt = [(float(w), float(h)) for w, h in re.findall(r"Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", info)]
    assert len(sizes_pt) == len(pages)

    signature = page_of(pages, notice.signature.name)
    appendix1 = page_of(pages, notice.appendix1.subtitles[0])
    appendix2 = page_of(pages, notice.appendix2.subtitles[0])
    assert page_of(pages, notice.header.addressee) == 0
    assert page_of(pages, notice.body.references[0]) == 0
    assert 0 <= signature < appendix1 < appendix2
    assert appendix1 == signature + 1                       # the appendices follow the letter
    for number, (width, height) in enumerate(sizes_pt):
        portrait = width < height
        assert portrait == (number < appendix1), f"page {number + 1}: {width} x {height}"
        assert sorted((round(width), round(height))) == [595, 842]           # A4

    # the signature's page also holds body text: the closing paragraph goes with the signature
    assert page_of(pages, notice.body.closing) == signature
    assert page_of(pages, notice.signature.authority) == signature

    # Appendix 1: every unit's row with its ten marks, on the appendix 1 page(s)
    appendix1_text = "\n".join(pages[appendix1:appendix2])
    lines = [squeeze(line) for line in appendix1_text.splitlines()]
    for row in notice.appendix1.rows:
        assert f"{row.number}{squeeze(row.name)}{''.join(row.marks)}" in lines, row.name

    # Appendix 2: the total once, at the end, with its sum
    whole = "\n".join(pages)
    assert whole.count("Tổng") == 1
    total_page = page_of(pages, notice.appendix2.total.label)
    assert total_page >= appendix2
    assert squeeze(f"Tổng {notice.appendix2.total.posts_text}") in squeeze(pages[total_page])


def test_pdf_uses_one_font_family(pdf: Path) -> None:
    """Vietnamese letters come from the same serif as the rest (no per-letter fallback font)."""
    out = subprocess.run([poppler("pdffonts"), str(pdf)], capture_output=True, text=True, check=True).stdout
    names = [line.split()[0] for line in out.splitlines()[2:] if line.strip()]
    families = {re.sub(r"^[A-Z]{6}\+", "", name).split("-")[0].split(",")[0] for name in names}
    families.discard("OpenSymbol")
    if len(families) > 1:
        fonts = subprocess.run(["fc-list", ":charset=1ec7", "family"], capture_output=True, text=True).stdout \
            if shutil.which("fc-list") else ""
        if not re.search(r"Times New Roman|Liberation Serif|Tinos", fonts):
            missing_tool("no Times New Roman-compatible font with Vietnamese letters is installed "
                         f"(apt-get install fonts-liberation2); the PDF mixes {sorted(families)}")
    assert len(families) == 1, families


def test_signature_never_alone_on_a_page(tmp_path: Path, notice: Notice) -> None:
    """Push the end of the letter down two lines at a time over more than a page: wherever the page
    breaks, the signature's page holds the closing paragraph and the whole signature block."""
    executable = soffice()
    poppler("pdftotext")
    filler = ("Đoạn văn thêm vào để dời khối chữ ký dần xuống cuối trang, dùng trong kiểm thử tự động; "
              "đoạn này dài khoảng hai dòng chữ cỡ mười bốn trên khổ giấy A4 đứng.")
    files = []
    for count in range(26):
        body = notice.body.model_copy(update={"references": [*notice.body.references, *[filler] * count]})
        folder = write_notice_docx(notice.model_copy(update={"body": body}), tmp_path / f"v{count:02d}").parent
        files.append((folder / "notice.docx").rename(tmp_path / f"v{count:02d}.docx"))
    # one LibreOffice start for all of them (write_notice_pdf starts one per file)
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([executable, f"-env:UserInstallation={profile}", "--headless", "--norestore",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), *map(str, files)],
                   capture_output=True, timeout=600, check=True)
    signature_pages = set()
    for docx in files:
        pages = pdf_pages(docx.with_suffix(".pdf"))
        signature = page_of(pages, notice.signature.name)
        signature_pages.add(signature)
        assert page_of(pages, notice.signature.authority) == signature, docx.name
        assert page_of(pages, notice.body.closing) == signature, docx.name
    assert len(signature_pages) >= 2, "the sweep crossed a page break"
