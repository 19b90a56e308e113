"""A quarter's outputs rendered from the history store: every file of the notice, the PDF when
LibreOffice is there (said once when it is not), and nothing but the report when no unit was checked."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from test_aggregate import QUARTER, RUN_DATE, config, seed_results, unreachable

from camthuy_audit import cli_quarter, render_docx
from camthuy_audit.runs import NOTICE_OUTPUTS, Rendered, render_quarter
from camthuy_audit.store import Store


def _store(tmp_path: Path, results) -> Store:  # type: ignore[no-untyped-def]
    store = Store(tmp_path / "history.sqlite")
    run = store.start_run(QUARTER, "run", rules_digest="abc", tool_version="0.1.0")
    for result in results:
        store.save_result(run.id, result)
    store.finish_run(run.id)
    return store


def test_without_libreoffice_every_other_output_is_written_and_it_is_said_once(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    monkeypatch.setattr(render_docx, "find_soffice", lambda: None)
    old_pdf = tmp_path / "out" / str(QUARTER) / "notice.pdf"
    old_pdf.parent.mkdir(parents=True)
    old_pdf.write_bytes(b"%PDF- an older notice")          # never left beside a newer docx
    with _store(tmp_path, seed_results()) as store:
        rendered = render_quarter(config(), QUARTER, store, tmp_path / "out", run_date=RUN_DATE)
    assert rendered.notice_pdf is None and not old_pdf.exists()
    assert "chưa cài LibreOffice" in rendered.no_pdf
    names = sorted(p.name for p in rendered.notice_files)
    assert names == sorted(set(NOTICE_OUTPUTS) - {"notice.pdf"})
    assert all(p.stat().st_size > 0 for p in rendered.notice_files)
    with caplog.at_level(logging.WARNING):
        assert cli_quarter._outcome_code(rendered, cli_quarter.EXIT_OK) == cli_quarter.EXIT_OK
    said = [r.getMessage() for r in caplog.records if "LibreOffice" in r.getMessage()]
    assert len(said) == 1 and "notice.docx" in said[0]


def test_a_failed_conversion_keeps_the_other_outputs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken(docx: Path) -> Path | None:
        raise render_docx.PdfConversionError(f"LibreOffice không chuyển được {docx} sang PDF: lỗi thử")

    monkeypatch.setattr("camthuy_audit.render_docx.write_notice_pdf", broken)
    with _store(tmp_path, seed_results()) as store:
        rendered = render_quarter(config(), QUARTER, store, tmp_path / "out", run_date=RUN_DATE)
    assert rendered.notice is not None and rendered.notice_docx is not None and rendered.appendices_xlsx is not None
    assert rendered.notice_pdf is None and "lỗi thử" in rendered.no_pdf


def test_no_unit_checked_no_notice(tmp_path: Path) -> None:
    folder = tmp_path / "out" / str(QUARTER)
    folder.mkdir(parents=True)
    for name in NOTICE_OUTPUTS:
        (folder / name).write_text("from an earlier render", encoding="utf-8")
    with _store(tmp_path, [unreachable(r) for r in seed_results()]) as store:
        rendered: Rendered = render_quarter(config(), QUARTER, store, tmp_path / "out", run_date=RUN_DATE, pdf=False)
    assert rendered.notice is None and rendered.notice_files == []
    assert "không kiểm tra được đơn vị nào trong 17 đơn vị" in rendered.withheld
    assert sorted(p.name for p in folder.iterdir()) == ["report.html", "results.json"]
    assert cli_quarter._outcome_code(rendered, cli_quarter.EXIT_UNKNOWN) == cli_quarter.EXIT_NO_NOTICE
