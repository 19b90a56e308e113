"""A quarter's run over the history store: resumable, locked, re-checked, rendered from the store.

:func:`run_quarter` commits each unit's result as soon as that unit is done; started again after a
kill it audits only the units not done yet (and gives the same notice as an uninterrupted run). A
quarter already finished is left alone unless ``force`` (the earlier run stays in the history). Two
runs never write one quarter at once (:meth:`Store.lock`). :func:`recheck_quarter` audits again the
units left with a "?" and keeps both attempts. :func:`render_quarter` writes results.json, the notice
and the staff report of any quarter from the store alone.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from camthuy_audit import __version__
from camthuy_audit.aggregate import Notice, build_notice
from camthuy_audit.audit import audit_units
from camthuy_audit.config import Config, Unit
from camthuy_audit.fetch import Fetcher
from camthuy_audit.models import UnitResult
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.render import (
    APPENDIX1_CSV,
    APPENDIX2_CSV,
    DOCX_FILE,
    NOTICE_FILE,
    PDF_FILE,
    XLSX_FILE,
    report_dir,
    write_notice,
    write_report,
    write_results_json,
)
from camthuy_audit.report import build_report
from camthuy_audit.store import Run, Store, best

# The files of a quarter's notice; removed when a later render may not write a notice.
NOTICE_OUTPUTS = (NOTICE_FILE, DOCX_FILE, PDF_FILE, XLSX_FILE, APPENDIX1_CSV, APPENDIX2_CSV)

log = logging.getLogger(__name__)

OnDone = Callable[[UnitResult], None]
OnStart = Callable[[int], None]   # told how many units this run will audit


def rules_digest(config: Config) -> str:
    """A short digest of what the checks look for (rules.toml as loaded): the run's methodology."""
    data = json.dumps(config.rules.model_dump(mode="json"), sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(data.encode("utf-8")).hexdigest()[:16]


@dataclass
class Outcome:
    """What one run (or re-check) did."""

    quarter: Quarter
    run: Run | None
    status: str                              # "finished", "already_done", "nothing_to_recheck"
    audited: list[UnitResult] = field(default_factory=list)


def _undecided(result: UnitResult) -> bool:
    return not result.reachable or result.posts_in_quarter is None or \
        any(v.mark == "?" for v in result.verdicts.values())


def _light(result: UnitResult) -> UnitResult:
    """What a run remembers of a unit once it is in the store: marks and reasons, no evidence."""
    verdicts = {k: v.model_copy(update={"evidence": [], "findings": [], "images": []})
                for k, v in result.verdicts.items()}
    return result.model_copy(update={"verdicts": verdicts, "posts": [], "banners": [], "thumbnails": {},
                                     "errors": []})


async def _audit(config: Config, quarter: Quarter, units: Sequence[Unit], save: OnDone,
                 fetcher: Fetcher | None) -> list[UnitResult]:
    """Each result goes to the store as soon as it is done; the run keeps only a light copy, so
    memory does not grow with the number of portals."""
    if not units:
        return []
    kept: list[UnitResult] = []

    def done(result: UnitResult) -> None:
        save(result)
        kept.append(_light(result))

    await audit_units(config, quarter, units, on_done=done, fetcher=fetcher, keep=False)
    position = {u.id: i for i, u in enumerate(units)}
    return sorted(kept, key=lambda r: position.get(r.unit_id, len(position)))


async def run_quarter(config: Config, quarter: Quarter, store: Store, *, kind: str = "run", force: bool = False,
                      on_done: OnDone | None = None, on_start: OnStart | None = None,
                      fetcher: Fetcher | None = None) -> Outcome:
    """Audit the quarter's units, each committed to the store when done; resume an interrupted run."""
    store.lock(quarter)
    try:
        run = store.unfinished_run(quarter)
        if run is None:
            current = store.current_run(quarter)
            if current is not None and current.status == "finished" and not force:
                if on_start is not None:
                    on_start(0)
                return Outcome(quarter, current, "already_done")
            run = store.start_run(quarter, kind, rules_digest=rules_digest(config), tool_version=__version__,
                                  config=str(config.path) if config.path else None)
        done = store.done_units(run.id)
        if done:
            log.warning("Tiếp tục lần chạy #%d của quý %s: %d đơn vị đã xong trước đó, không kiểm tra lại",
                        run.id, quarter, len(done))
        todo = [u for u in config.units if u.id not in done]
        if on_start is not None:
            on_start(len(todo))

        def save(result: UnitResult) -> None:
            store.save_result(run.id, result)
            if on_done is not None:
                on_done(result)

        audited = await _audit(config, quarter, todo, save, fetcher)
        store.finish_run(run.id)
        return Outcome(quarter, store.run(run.id), "finished", audited)
    finally:
        store.unlock(quarter)


async def recheck_quarter(config: Config, quarter: Quarter, store: Store, *, on_done: OnDone | None = None,
                          on_start: OnStart | None = None, fetcher: Fetcher | None = None) -> Outcome:
    """Audit again the units whose result has a "?" (a portal down for an hour); both attempts are kept."""
    store.lock(quarter)
    try:
        current = store.current_run(quarter)
        if current is None:
            return Outcome(quarter, None, "nothing_to_recheck")
        tries = store.attempts(quarter)
        chosen = {r.unit_id: r for r in (best(attempts) for attempts in tries.values())}
        units = [u for u in config.units if u.id in chosen and _undecided(chosen[u.id])]
        if on_start is not None:
            on_start(len(units))
        if not units:
            return Outcome(quarter, current, "nothing_to_recheck")
        run = store.start_run(quarter, "recheck", rules_digest=rules_digest(config), tool_version=__version__,
                              config=str(config.path) if config.path else None, parent_run=current.id)

        def save(result: UnitResult) -> None:
            attempt = max((a for _, a, _ in tries.get(result.unit_id, [])), default=0) + 1
            store.save_result(run.id, result, attempt=attempt)
            if on_done is not None:
                on_done(result)

        audited = await _audit(config, quarter, units, save, fetcher)
        store.finish_run(run.id)
        return Outcome(quarter, store.run(run.id), "finished", audited)
    finally:
        store.unlock(quarter)


# --- rendering from the store --------------------------------------------------------------------


@dataclass(frozen=True)
class Rendered:
    """What `render_quarter` wrote. ``notice`` is None when no unit could be checked (``withheld`` says why)."""

    report: Path
    results: Path
    notice_model: Notice
    notice: Path | None = None
    notice_docx: Path | None = None
    notice_pdf: Path | None = None
    appendices_xlsx: Path | None = None
    appendix_csvs: tuple[Path, ...] = ()
    withheld: str = ""          # why no notice was written (Vietnamese)
    no_pdf: str = ""            # why notice.pdf was not written (LibreOffice not installed), Vietnamese

    @property
    def notice_files(self) -> list[Path]:
        """Every file of the notice that was written, the letter first."""
        files = [self.notice, self.notice_docx, self.notice_pdf, self.appendices_xlsx, *self.appendix_csvs]
        return [f for f in files if f is not None]


def methodology_note(store: Store, quarter: Quarter) -> str:
    """Vietnamese note when the rules or the tool changed since the previous audited quarter."""
    current = store.current_run(quarter)
    earlier = [q for q in store.quarters() if q < quarter and store.current_run(q) is not None]
    if current is None or not earlier:
        return ""
    previous = store.current_run(earlier[-1])
    assert previous is not None
    changes = []
    if previous.rules_digest != current.rules_digest:
        changes.append("tệp quy tắc kiểm tra (rules.toml) đã thay đổi")
    if previous.tool_version != current.tool_version:
        changes.append(f"phiên bản công cụ {previous.tool_version} → {current.tool_version}")
    if not changes:
        return ""
    return (f"Phương pháp kiểm tra đã thay đổi so với quý {earlier[-1].roman}/{earlier[-1].year} ("
            + "; ".join(changes) + "): kết quả khác quý trước có thể do phương pháp, không phải do cổng thông tin.")


def withheld_reason(notice: Notice) -> str:
    """Why no notice may be written for these results, or "" when it may (Vietnamese)."""
    figures = notice.figures
    if figures.units == 0:
        return "không có đơn vị nào trong công văn (mọi đơn vị đã được loại trừ khỏi quý này)"
    if figures.checked == 0:
        return (f"không kiểm tra được đơn vị nào trong {figures.units} đơn vị: một công văn không có kết quả "
                "kiểm tra sẽ không được viết; kiểm tra lại kết nối mạng rồi chạy `camthuy-audit recheck`")
    return ""


def render_quarter(config: Config, quarter: Quarter, store: Store, out: Path, *, run_date: date,
                   pdf: bool = True) -> Rendered:
    """Every output of the quarter, from the store alone (no crawling).

    results.json and report.html always; the notice (notice.html, notice.docx, notice.pdf when
    LibreOffice is installed and ``pdf``, appendices.xlsx, appendix1.csv, appendix2.csv) only when at
    least one unit could be checked — otherwise the files of an earlier render are removed, so that
    no stale letter is left beside the new results."""
    from camthuy_audit.render_docx import PdfConversionError, write_notice_docx, write_notice_pdf
    from camthuy_audit.render_tables import write_appendices_xlsx, write_appendix_csvs

    results = store.quarter_results(quarter)
    folder = report_dir(out, quarter)
    notice = build_notice(results, config, quarter, run_date=run_date)
    generated_at = datetime.now(VN_TZ)
    results_path = write_results_json(results, notice, config, quarter, folder, generated_at=generated_at)
    report = build_report(notice, results, config, quarter, generated_at=generated_at,
                          history=store.history(before=quarter), methodology=methodology_note(store, quarter))
    report_path = write_report(report, folder)
    withheld = withheld_reason(notice)
    if withheld:
        for name in NOTICE_OUTPUTS:
            (folder / name).unlink(missing_ok=True)
        return Rendered(report=report_path, results=results_path, notice_model=notice, withheld=withheld)
    docx = write_notice_docx(notice, folder)
    no_pdf = ""
    pdf_path: Path | None = None
    if pdf:
        try:
            pdf_path = write_notice_pdf(docx)
        except PdfConversionError as exc:      # the other outputs stand; the clerk prints the docx
            no_pdf = str(exc)
        else:
            if pdf_path is None:
                no_pdf = f"không viết {PDF_FILE}: chưa cài LibreOffice (gói libreoffice-writer); đã có bản Word {DOCX_FILE}"
    if pdf_path is None:
        (folder / PDF_FILE).unlink(missing_ok=True)   # never leave an older PDF beside a newer docx
    return Rendered(
        report=report_path, results=results_path, notice_model=notice,
        notice=write_notice(notice, folder), notice_docx=docx, notice_pdf=pdf_path,
        appendices_xlsx=write_appendices_xlsx(notice, results, folder),
        appendix_csvs=write_appendix_csvs(notice, folder), no_pdf=no_pdf,
    )
