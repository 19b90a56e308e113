"""Writing the quarter's outputs: notice.html (the official letter), report.html (the staff report)
and results.json.

Templates are rendered with autoescape on: unit names, banner labels and notes come from portals
and config and are treated as hostile text. File names come from fixed names and the quarter only.
"""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined

from camthuy_audit.aggregate import (
    FINDING_IDS,
    OVERSIZED_BANNERS_ID,
    STALE_BANNERS_ID,
    STALE_CATEGORIES_ID,
    Notice,
    appendix1_columns,
    text,
    unit_findings,
    unit_mark,
    unit_posts,
)
from camthuy_audit.config import Config
from camthuy_audit.models import UnitResult
from camthuy_audit.quarter import Quarter
from camthuy_audit.report import Report
from camthuy_audit.resources import templates_dir

NOTICE_FILE = "notice.html"
REPORT_FILE = "report.html"
RESULTS_FILE = "results.json"
# The other files of the notice, written by render_docx (docx, pdf) and render_tables (xlsx, csv);
# named here so that knowing them does not load python-docx or openpyxl.
DOCX_FILE = "notice.docx"
PDF_FILE = "notice.pdf"
XLSX_FILE = "appendices.xlsx"
APPENDIX1_CSV = "appendix1.csv"
APPENDIX2_CSV = "appendix2.csv"
_REPORT_SCRIPT = "report.js"


@lru_cache(maxsize=4)
def _environment(directory: str) -> Environment:
    return Environment(
        loader=FileSystemLoader(directory),
        autoescape=True,             # everything, whatever the template's extension
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def environment() -> Environment:
    """The jinja2 environment over the shipped templates (autoescape on)."""
    return _environment(str(templates_dir()))


def render_notice_html(notice: Notice) -> str:
    """The notice as a self-contained, print-ready A4 HTML page."""
    return environment().get_template("notice.html.j2").render(notice=notice)


def render_report_html(report: Report) -> str:
    """The staff report as one self-contained page; its only script is allowed by its hash (CSP)."""
    script = (templates_dir() / _REPORT_SCRIPT).read_text(encoding="utf-8")
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode("ascii")
    return environment().get_template("report.html.j2").render(report=report, script=script,
                                                               script_hash=f"sha256-{digest}")


def write_report(report: Report, out_dir: Path) -> Path:
    """Write ``out_dir/report.html`` and return its path."""
    return _write(Path(out_dir) / REPORT_FILE, render_report_html(report))


def report_dir(base: Path, quarter: Quarter) -> Path:
    """``reports/2023-Q1``: the directory name comes from the quarter only."""
    return Path(base) / str(quarter)


@contextmanager
def atomic_path(path: Path) -> Iterator[Path]:
    """A temporary path beside ``path`` (its folder created) to write to; it replaces ``path`` once
    the block is done, so a reader never sees a half-written file."""
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_name(path.name + ".tmp")
    yield temporary
    temporary.replace(path)


def _write(path: Path, content: str) -> Path:
    with atomic_path(path) as temporary:
        temporary.write_text(content, encoding="utf-8")
    return path


def write_notice(notice: Notice, out_dir: Path) -> Path:
    """Write ``out_dir/notice.html`` and return its path."""
    return _write(Path(out_dir) / NOTICE_FILE, render_notice_html(notice))


# --- JSON ------------------------------------------------------------------------------------


def _finding_labels(result: UnitResult, check_id: str) -> list[str]:
    return [text(f.label or f.note) for f in unit_findings(result, check_id)]


def unit_json(result: UnitResult) -> dict[str, Any]:
    """One portal's result in the single-portal contract (``check URL --json``).

    Keys: url, quarter, appendix1 (the ten ids, each "x", "o" or "?"), posts_in_quarter (None when not
    counted), stale_banners, stale_categories, oversized_banners (labels), evidence (id -> evidence
    dicts), plus extras: unit_id, name, reachable, unreachable_reason, platform, reasons, findings.
    """
    columns = appendix1_columns()
    return {
        "url": result.url,
        "quarter": result.quarter,
        "unit_id": result.unit_id,
        "name": result.name,
        "reachable": result.reachable,
        "unreachable_reason": result.unreachable_reason,
        "platform": result.platform,
        "platform_hints": result.platform_hints,
        "notes": result.notes,
        "appendix1": {c.id: unit_mark(result, c.id) for c in columns},
        "posts_in_quarter": unit_posts(result),
        "stale_banners": _finding_labels(result, STALE_BANNERS_ID),
        "stale_categories": _finding_labels(result, STALE_CATEGORIES_ID),
        "oversized_banners": _finding_labels(result, OVERSIZED_BANNERS_ID),
        "findings": {check_id: [f.model_dump(mode="json") for f in unit_findings(result, check_id)]
                     for check_id in FINDING_IDS},
        "reasons": {check_id: v.reason for check_id, v in result.verdicts.items()},
        "evidence": {check_id: [e.model_dump(mode="json") for e in v.evidence]
                     for check_id, v in result.verdicts.items()},
    }


def results_document(results: list[UnitResult], notice: Notice, config: Config, quarter: Quarter, *,
                     generated_at: datetime) -> dict[str, Any]:
    """The content of results.json: every verdict with its evidence, the appendices and the lists."""
    position = {unit.id: i for i, unit in enumerate(config.units)}
    ordered = sorted(results, key=lambda r: (position.get(r.unit_id, len(position)), r.unit_id))
    units = []
    for result in ordered:
        # Each unit's record is the single-portal contract of `check URL --json` (docs/json-contract.md),
        # with the run's extras after it.
        units.append({
            **unit_json(result),
            "id": result.unit_id,
            "audited_at": result.audited_at.isoformat(),
            "pages_fetched": result.pages_fetched,
            "verdicts": {check_id: v.model_dump(mode="json") for check_id, v in result.verdicts.items()},
            "errors": [e.model_dump(mode="json") for e in result.errors],
            "banners": [b.model_dump(mode="json") for b in result.banners],
            "thumbnails": result.thumbnails,
        })
    district = config.district
    return {
        "quarter": str(quarter),
        "generated_at": generated_at.isoformat(),
        "issuer": district.issuer.model_dump(mode="json") if district else None,
        "units": units,
        "columns": [c.model_dump(mode="json") for c in notice.appendix1.columns],
        "appendix1": [row.model_dump(mode="json") for row in notice.appendix1.rows],
        "appendix2": [row.model_dump(mode="json") for row in notice.appendix2.rows],
        "appendix2_total": notice.appendix2.total.model_dump(mode="json"),
        "body": [item.model_dump(mode="json") for item in notice.body.lists],
        "figures": notice.figures.model_dump(mode="json"),
    }


def write_results_json(results: list[UnitResult], notice: Notice, config: Config, quarter: Quarter,
                       out_dir: Path, *, generated_at: datetime) -> Path:
    """Write ``out_dir/results.json`` (UTF-8, indented) and return its path."""
    document = results_document(results, notice, config, quarter, generated_at=generated_at)
    content = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    return _write(Path(out_dir) / RESULTS_FILE, content)
