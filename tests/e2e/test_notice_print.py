"""The notice printed as a user prints it: headless Chromium "print to PDF" on A4, read back page by page
with pdftotext (poppler-utils).

On paper the letter must read as an official letter: the signature never alone on its page, the
appendices on landscape pages with their header on every page, no row split or left alone under a
repeated header, the total printed once at the end. Checked on the demo's 17 units and on the example
province's 36 (whose tables run over more than one page).

In CI (`.ci/run` installs chromium, poppler-utils and the fonts) a missing tool fails the test.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

import pytest
from browser import CHROMIUM_ARGS, chromium_path, missing_tool
from issuer_example import EXAMPLE_QUARTER, example_config, example_results
from selectolax.lexbor import LexborHTMLParser

from camthuy_audit import cli
from camthuy_audit.aggregate import build_notice
from camthuy_audit.render import write_notice

_ROW = re.compile(r"^\s*(\d{1,4})\s+\S")


def _tool(name: str, package: str) -> str:
    found = shutil.which(name)
    if not found:
        missing_tool(f"{name} is not installed (apt-get install {package})")
    assert found is not None
    return found


@dataclass
class Printed:
    pages: list[str]               # pdftotext -layout, one string per page
    landscape: list[bool]


def print_to_pdf(html: Path, tmp: Path) -> Printed:
    """``html`` printed by headless Chromium (CSS page sizes honoured, no browser header or footer)."""
    chromium = chromium_path()
    pdftotext, pdfinfo = _tool("pdftotext", "poppler-utils"), _tool("pdfinfo", "poppler-utils")
    pdf = tmp / (html.stem + ".pdf")
    done = subprocess.run([chromium, "--headless", *CHROMIUM_ARGS, f"--user-data-dir={tmp / 'profile'}",
                           "--no-pdf-header-footer", f"--print-to-pdf={pdf}", html.resolve().as_uri()],
                          capture_output=True, text=True, timeout=180)
    assert pdf.exists() and pdf.stat().st_size > 0, done.stderr[-2000:]
    info = subprocess.run([pdfinfo, str(pdf)], capture_output=True, text=True, check=True).stdout
    count = int(re.search(r"^Pages:\s+(\d+)", info, re.MULTILINE).group(1))  # type: ignore[union-attr]
    sizes = subprocess.run([pdfinfo, "-f", "1", "-l", str(count), str(pdf)], capture_output=True, text=True,
                           check=True).stdout
    landscape = [float(w) > float(h) for w, h in re.findall(r"^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+)", sizes,
                                                            re.MULTILINE)]
    pages = [subprocess.run([pdftotext, "-layout", "-f", str(n), "-l", str(n), str(pdf), "-"], capture_output=True,
                            text=True, check=True).stdout for n in range(1, count + 1)]
    assert len(landscape) == count
    return Printed(pages=pages, landscape=landscape)


def _words(text: str) -> str:
    return " ".join(text.split())


def check_printed_notice(html_path: Path, printed: Printed) -> None:
    tree = LexborHTMLParser(html_path.read_text(encoding="utf-8"))
    signer = tree.css_first(".signer-name").text(strip=True)
    titles = [h.text(strip=True) for h in tree.css("section.appendix h2")]
    units = [len(tree.css(f"table.{t} tbody:not(.total) tr")) for t in ("appendix1", "appendix2")]
    paragraphs = [_words(p.text()) for p in tree.css("main p.body, main p.item")]
    pages = printed.pages

    # The letter on portrait pages, each appendix starting a landscape page.
    starts = [next(i for i, page in enumerate(pages) if re.search(rf"^\s*{re.escape(t)}\s*$", page, re.MULTILINE))
              for t in titles]
    assert starts[0] >= 1 and starts[1] > starts[0]
    assert not any(printed.landscape[:starts[0]]) and all(printed.landscape[starts[0]:])

    # The signature's page also holds the end of the letter's body.
    signature_page = next(i for i, page in enumerate(pages[:starts[0]]) if signer in page)
    on_page = _words(pages[signature_page])
    assert any(" ".join(p.split()[-4:]) in on_page for p in paragraphs), pages[signature_page]

    # Every row printed once, whole; none alone under a repeated header; the header on every page.
    for title, first, last, expected in ((titles[0], starts[0], starts[1], units[0]),
                                         (titles[1], starts[1], len(pages), units[1])):
        numbers_per_page = []
        for page in pages[first:last]:
            numbers = [int(m.group(1)) for line in page.splitlines() if (m := _ROW.match(line))]
            if numbers:
                assert "Đơn vị" in page, f"{title}: a page without the table header"
                numbers_per_page.append(numbers)
        assert sorted(n for page in numbers_per_page for n in page) == list(range(1, expected + 1)), title
        assert all(len(numbers) >= 2 for numbers in numbers_per_page), f"{title}: rows per page {numbers_per_page}"

    # "Tổng" once, on the last page of Appendix 2, after its last row.
    everything = "\n".join(pages)
    assert len(re.findall(r"\bTổng\b", everything)) == 1
    assert re.search(r"^\s*Tổng\b", pages[-1], re.MULTILINE)


def test_the_demo_notice_prints_as_an_official_letter(demo_out: Path, tmp_path: Path) -> None:
    printed = print_to_pdf(demo_out / "notice.html", tmp_path)
    check_printed_notice(demo_out / "notice.html", printed)
    # 17 units: each appendix on one landscape page; the letter on two portrait pages.
    assert printed.landscape == [False, False, True, True]
    assert "ỦY BAN NHÂN DÂN" in printed.pages[0]


def test_a_notice_of_36_units_prints_with_tables_over_several_pages(tmp_path: Path) -> None:
    config = example_config()
    notice = build_notice(example_results(config), config, EXAMPLE_QUARTER,
                          run_date=cli.notice_date(None, EXAMPLE_QUARTER, config))
    html = write_notice(notice, tmp_path)
    printed = print_to_pdf(html, tmp_path)
    check_printed_notice(html, printed)
    assert printed.landscape.count(True) >= 4          # both tables run over more than one page
    assert "DỰ THẢO" in printed.pages[0]


@pytest.mark.parametrize("family", ["Liberation Serif", "Noto Serif"])
def test_the_serif_fallbacks_are_installed(family: str) -> None:
    """Where Times New Roman is missing, the notice falls back to these, never glyph by glyph to a sans."""
    fc_list = _tool("fc-list", "fontconfig")
    families = subprocess.run([fc_list, ":", "family"], capture_output=True, text=True, check=True).stdout
    if family not in families:
        missing_tool(f"font {family!r} is not installed (apt-get install fonts-liberation fonts-noto-core)")
