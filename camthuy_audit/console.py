"""Terminal output for clerks: the one-unit check and its evidence, the unit list, config problems.

Everything shown to staff is Vietnamese; everything that comes from a portal or a config file is
printed as plain text (never parsed as rich markup). Progress and logs go to stderr, results to
stdout, so ``check --json`` keeps stdout for the JSON alone (run progress: ``runlog``).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TextIO

from rich.console import Console
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from camthuy_audit.aggregate import unit_findings, unit_mark, unit_posts
from camthuy_audit.config import Config, ConfigError, Unit
from camthuy_audit.models import Evidence, Finding, Mark, UnitResult, Verdict
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.rules import APPENDIX1_IDS, RULES, RuleMeta
from camthuy_audit.vntext import fold

POSTS_ID = "posts_in_quarter"
FINDINGS = (
    ("stale_banners", "Banner quá thời gian tuyên truyền"),
    ("stale_categories", "Chuyên mục quá thời gian tuyên truyền"),
    ("oversized_banners", "Banner quá kích thước"),
)
MARK_MEANING: dict[str, str] = {"x": "đã thực hiện", "o": "chưa thực hiện", "?": "không kiểm tra được"}
MARK_STYLE: dict[str, str] = {"x": "bold green", "o": "bold red", "?": "bold yellow"}
EVIDENCE_KIND = {
    "found": "có", "missing": "thiếu", "url": "liên kết", "count": "số lượng", "date": "ngày",
    "reason": "lý do", "note": "ghi chú", "error": "lỗi",
}
_DAY = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_META = {rule.meta.id: rule.meta for rule in RULES}


def make_console(file: TextIO, *, width: int | None = None) -> Console:
    """A console that prints text as given (no markup, emoji or highlighting).

    On a terminal rich follows the window; in a file or a pipe the width is ``$COLUMNS`` or 120, so
    a saved check is not wrapped at 80 columns.
    """
    terminal = hasattr(file, "isatty") and file.isatty()
    if width is None and not terminal:
        columns = os.environ.get("COLUMNS", "")
        width = int(columns) if columns.isdigit() else 120
    return Console(file=file, width=width, markup=False, emoji=False, highlight=False, soft_wrap=False)


def meta(check_id: str) -> RuleMeta | None:
    return _META.get(check_id)


def column_label(check_id: str) -> str:
    found = meta(check_id)
    return found.column if found else check_id


def day_text(day: date) -> str:
    return day.strftime("%d/%m/%Y")


def quarter_text(quarter: Quarter) -> str:
    return f"quý {quarter.roman}/{quarter.year} ({day_text(quarter.start)}–{day_text(quarter.end)})"


def mark_text(mark: str) -> Text:
    return Text(mark, style=MARK_STYLE.get(mark, ""))


# --- the one-unit check ----------------------------------------------------------------------


def checked_ids(config: Config) -> list[str]:
    """The Appendix 1 checks that decide the exit code (those switched off in rules.toml are left out)."""
    return [check_id for check_id in APPENDIX1_IDS if config.rules.enabled(check_id)]


def check_exit_code(result: UnitResult, config: Config) -> int:
    """0: every check "x"; 1: at least one "o"; 3: no "o" but a "?" (or posts not counted)."""
    marks = [unit_mark(result, check_id) for check_id in checked_ids(config)]
    if "o" in marks:
        return 1
    posts_unknown = config.rules.enabled(POSTS_ID) and unit_posts(result) is None
    if "?" in marks or posts_unknown:
        return 3
    return 0


def post_dates(verdict: Verdict | None) -> tuple[date, date] | None:
    """(newest, oldest) publication day of the posts counted in the quarter, from the evidence."""
    if verdict is None:
        return None
    days: list[date] = []
    for item in verdict.evidence:
        if item.kind != "url":
            continue
        match = _DAY.match(item.text)
        if match:
            try:
                days.append(date(int(match.group(3)), int(match.group(2)), int(match.group(1))))
            except ValueError:
                continue
    return (max(days), min(days)) if days else None


def _override_text(verdict: Verdict | None) -> str:
    if verdict is None or verdict.override is None:
        return ""
    return f" [điều chỉnh thủ công bởi {verdict.override.by}; kết quả tự động: “{verdict.override.original_mark}”]"


def _header(console: Console, result: UnitResult, quarter: Quarter, today: date) -> None:
    title = Text(result.name, style="bold")
    if result.unit_id != "portal":
        title.append(f"  ({result.unit_id})", style="dim")
    console.print(title)
    console.print(Text(result.url, style="cyan"))
    period = f"Kiểm tra {quarter_text(quarter)}"
    if quarter.start <= today <= quarter.end:
        period += f" — quý đang diễn ra, tính đến hôm nay {day_text(today)}"
    audited = result.audited_at.astimezone(VN_TZ)
    facts = [period, f"lúc {audited:%H:%M %d/%m/%Y}", f"{result.pages_fetched} trang đã tải"]
    if result.platform:
        facts.append(f"nền tảng: {result.platform}")
    console.print(" · ".join(facts))
    for note in result.notes:  # configuration switches used for this unit (ignore_robots, insecure_tls)
        console.print(Text(f"Lưu ý: {note}", style="yellow"))


def _unreachable_panel(result: UnitResult) -> Panel:
    body = Text()
    body.append("Không truy cập được cổng thông tin.\n", style="bold")
    body.append(f"Lý do: {result.unreachable_reason or 'không rõ'}\n")
    body.append('Mọi nội dung được đánh dấu "?" (không kiểm tra được), không phải "o". '
                "Kiểm tra lại địa chỉ, hoặc thử lại sau.")
    return Panel(body, title="Cổng không truy cập được", border_style="yellow")


UNREACHABLE = "Không truy cập được cổng thông tin"


def _reason(result: UnitResult, verdict: Verdict | None) -> str:
    """The verdict's one-line reason; short when the whole portal was unreachable (said once above)."""
    if verdict is None:
        return "Không có kết quả"
    if not result.reachable and verdict.override is None:
        return UNREACHABLE
    return verdict.reason


def check_table(result: UnitResult, config: Config) -> Table:
    """The ten Appendix 1 checks: column label, x / o / ?, one-line reason (and how to fix an "o")."""
    dispatch = config.dispatch_number
    table = Table(title="Phụ lục 1 — các nội dung theo " + (f"công văn {dispatch}" if dispatch else "công văn"),
                  title_justify="left",
                  show_lines=True, expand=False)
    table.add_column("STT", justify="right", no_wrap=True)
    table.add_column("Nội dung kiểm tra", min_width=18, max_width=40)
    table.add_column("KQ", justify="center", no_wrap=True)
    table.add_column("Lý do / cách khắc phục", min_width=30, overflow="fold")
    for number, check_id in enumerate(APPENDIX1_IDS, start=1):
        label = Text(column_label(check_id))
        label.append(f"\n{check_id}", style="dim")
        if not config.rules.enabled(check_id):
            table.add_row(str(number), label, Text("–", style="dim"), Text("Đã tắt trong rules.toml", style="dim"))
            continue
        verdict = result.verdicts.get(check_id)
        mark = unit_mark(result, check_id)
        reason = Text(_reason(result, verdict))
        reason.append(_override_text(verdict), style="magenta")
        rule = meta(check_id)
        if mark == "o" and rule is not None:
            reason.append("\n→ Cách khắc phục: ", style="bold")
            reason.append(rule.how_to_fix)
        table.add_row(str(number), label, mark_text(mark), reason)
    return table


def appendix1_row(result: UnitResult) -> str:
    """The unit's Appendix 1 row as in the notice: "o x o o x x x x x x"."""
    return " ".join(unit_mark(result, check_id) for check_id in APPENDIX1_IDS)


def _posts_lines(result: UnitResult, config: Config) -> Text:
    verdict = result.verdicts.get(POSTS_ID)
    count = unit_posts(result)
    line = Text("Số tin bài trong quý: ", style="bold")
    if not config.rules.enabled(POSTS_ID):
        line.append("không đếm (đã tắt trong rules.toml)", style="dim")
        return line
    if count is None:
        line.append("?", style=MARK_STYLE["?"])
        line.append(f" — {_reason(result, verdict)}")
        return line
    line.append(str(count), style="bold")
    dates = post_dates(verdict)
    if dates:
        newest, oldest = dates
        line.append(f" — mới nhất ngày {day_text(newest)}, cũ nhất ngày {day_text(oldest)}")
    threshold = config.rules.few_posts_threshold
    if count < threshold:
        line.append(f"  (dưới {threshold} tin bài: sẽ được nêu là đơn vị có ít tin bài)", style="yellow")
    line.append(_override_text(verdict), style="magenta")
    return line


def _finding_text(finding: Finding) -> str:
    """The finding's label and note, its URL on the next line."""
    text = finding.label
    if finding.note and finding.note != finding.label:
        text += f" — {finding.note}"
    url = finding.link_url or finding.url
    return text + (f"\n    {url}" if url else "")


def _findings_lines(result: UnitResult, config: Config) -> list[Text]:
    lines = []
    for check_id, title in FINDINGS:
        line = Text(f"{title}: ", style="bold")
        if not config.rules.enabled(check_id):
            line.append("không kiểm tra (đã tắt trong rules.toml)", style="dim")
            lines.append(line)
            continue
        verdict = result.verdicts.get(check_id)
        findings = unit_findings(result, check_id)
        if findings:
            line.append(f"{len(findings)}", style="bold red")
            for finding in findings:
                line.append(f"\n  • {_finding_text(finding)}")
            rule = meta(check_id)
            if rule is not None:
                line.append("\n  → Cách khắc phục: ", style="bold")
                line.append(rule.how_to_fix)
        elif unit_mark(result, check_id) == "?":
            line.append("?", style=MARK_STYLE["?"])
            line.append(f" — {_reason(result, verdict)}")
        else:
            line.append("không có", style="green")
        lines.append(line)
    return lines


def _errors_lines(result: UnitResult, limit: int = 5) -> Text | None:
    if not result.reachable or not result.errors:
        return None
    line = Text(f"Trang không tải được: {len(result.errors)}", style="bold")
    for error in result.errors[:limit]:
        line.append(f"\n  • {error.url} — {error.message}")
    if len(result.errors) > limit:
        line.append(f"\n  … và {len(result.errors) - limit} trang khác")
    return line


def _conclusion(result: UnitResult, config: Config, code: int) -> Text:
    failed = [column_label(c) for c in checked_ids(config) if unit_mark(result, c) == "o"]
    unknown = [column_label(c) for c in checked_ids(config) if unit_mark(result, c) == "?"]
    line = Text("Kết luận: ", style="bold")
    if not result.reachable and code == 3:
        line.append("không truy cập được cổng thông tin — không kiểm tra được nội dung nào (“?”).",
                    style="bold yellow")
    elif code == 1:
        line.append(f"chưa thực hiện {len(failed)} nội dung (o): ", style="bold red")
        line.append("; ".join(failed))
    elif code == 3:
        line.append("không có nội dung “o”, nhưng chưa kiểm tra được hết", style="bold yellow")
        if unknown:
            line.append(f" ({len(unknown)} nội dung “?”: {'; '.join(unknown)})")
        if config.rules.enabled(POSTS_ID) and unit_posts(result) is None:
            line.append(" — chưa đếm được số tin bài")
    else:
        number = config.dispatch_number
        line.append(f"đã thực hiện đủ các nội dung của công văn{' ' + number if number else ''}.",
                    style="bold green")
    return line


def print_check(console: Console, result: UnitResult, config: Config, quarter: Quarter, *,
                today: date, explain_hint: str) -> int:
    """The whole one-unit report; returns the exit code."""
    code = check_exit_code(result, config)
    _header(console, result, quarter, today)
    console.print()
    if not result.reachable:
        console.print(_unreachable_panel(result))
    console.print(check_table(result, config))
    console.print(Text("x: đã thực hiện · o: chưa thực hiện · ?: không kiểm tra được", style="dim"))
    console.print()
    console.print(Text.assemble(("Hàng Phụ lục 1: ", "bold"), appendix1_row(result)))
    console.print(_posts_lines(result, config))
    for line in _findings_lines(result, config):
        console.print(line)
    errors = _errors_lines(result)
    if errors is not None:
        console.print(errors)
    console.print()
    console.print(_conclusion(result, config, code))
    console.print(Text(f"Xem đầy đủ bằng chứng của một nội dung: {explain_hint} --explain "
                       f"{example_check(result, config)}", style="dim"), soft_wrap=True)
    return code


def example_check(result: UnitResult, config: Config) -> str:
    """The check most worth explaining: the first "o", else the first "?", else the first check."""
    ids = checked_ids(config) or list(APPENDIX1_IDS)
    for wanted in ("o", "?"):
        found = next((c for c in ids if unit_mark(result, c) == wanted), None)
        if found:
            return found
    return ids[0]


# --- --explain -------------------------------------------------------------------------------


def explainable_ids() -> list[str]:
    return [rule.meta.id for rule in RULES]


def find_check(text: str) -> str | None:
    """A check id from its id, its number in Appendix 1 (1-10), or its column label (accents optional)."""
    wanted = text.strip()
    if wanted in _META:
        return wanted
    if wanted.isdigit() and 1 <= int(wanted) <= len(APPENDIX1_IDS):
        return APPENDIX1_IDS[int(wanted) - 1]
    folded = fold(wanted)
    if not folded:
        return None
    by_key = {fold(check_id): check_id for check_id in _META}
    by_key.update({fold(m.column): check_id for check_id, m in _META.items()})
    if folded in by_key:
        return by_key[folded]
    partial = {check_id for key, check_id in by_key.items() if folded in key}
    return partial.pop() if len(partial) == 1 else None


def _evidence_line(item: Evidence) -> Text:
    kind = EVIDENCE_KIND.get(item.kind, item.kind)
    style = {"found": "green", "missing": "red", "error": "yellow"}.get(item.kind, "")
    line = Text(f"  [{kind}] ", style=style or "dim")
    line.append(item.text)
    if item.url:
        line.append(f"\n      {item.url}", style="cyan")
    return line


def print_explain(console: Console, result: UnitResult, check_id: str, quarter: Quarter, *, today: date,
                  dispatch: str) -> None:
    """Everything behind one verdict: what passes, the legal basis, the reason, every piece of evidence."""
    _header(console, result, quarter, today)
    console.print()
    rule = meta(check_id)
    verdict = result.verdicts.get(check_id)
    console.print(Text.assemble(("Nội dung: ", "bold"), column_label(check_id), (f"  ({check_id})", "dim")))
    if verdict is None:
        console.print("Kiểm tra này đã tắt trong rules.toml: không có kết quả.")
        return
    mark: Mark = unit_mark(result, check_id) if rule is None or rule.kind == "appendix1" else verdict.mark
    result_line = Text("Kết quả: ", style="bold")
    result_line.append_text(mark_text(mark))
    if rule is not None and rule.kind == "posts":
        result_line.append(f" — {verdict.count if verdict.count is not None else '?'} tin bài")
    elif rule is not None and rule.kind == "findings":
        result_line.append(f" — {len(verdict.findings)} phát hiện" if verdict.findings else " — không có")
    else:
        result_line.append(f" — {MARK_MEANING.get(mark, '')}")
    console.print(result_line)
    console.print(Text.assemble(("Lý do: ", "bold"), verdict.reason))
    if rule is not None:
        console.print(Text.assemble(("Yêu cầu: ", "bold"), rule.passes))
        console.print(Text.assemble(("Căn cứ: ", "bold"), rule.legal_basis_for(dispatch)))
        if mark == "o":
            console.print(Text.assemble(("Cách khắc phục: ", "bold"), rule.how_to_fix))
    if verdict.override is not None:
        note = verdict.override
        console.print(Text.assemble(("Điều chỉnh thủ công: ", "bold magenta"),
                                    f"{note.reason} — bởi {note.by} (kết quả tự động: “{note.original_mark}”)"))
    if verdict.findings:
        console.print(Text(f"Phát hiện ({len(verdict.findings)}):", style="bold"))
        for finding in verdict.findings:
            console.print(Text(f"  • {_finding_text(finding)}"))
    console.print(Text(f"Bằng chứng ({len(verdict.evidence)}):", style="bold"))
    for item in verdict.evidence:
        console.print(_evidence_line(item))


# --- units and config check ------------------------------------------------------------------


def units_table(units: Sequence[Unit], source: Path | None) -> Table:
    """The configured units in Appendix 1 order; other host names (aliases) under the address."""
    table = Table(title=f"{len(units)} đơn vị trong {source}" if source else f"{len(units)} đơn vị",
                  title_justify="left")
    table.add_column("STT", justify="right", min_width=3)
    table.add_column("Mã (id)", style="bold", min_width=max((len(u.id) for u in units), default=2))
    table.add_column("Tên đơn vị", min_width=12)
    table.add_column("Địa chỉ (và tên miền khác)", overflow="fold", min_width=20)
    for number, unit in enumerate(units, start=1):
        address = Text(unit.url, style="cyan")
        for alias in unit.aliases:
            address.append(f"\n{alias}", style="dim")
        table.add_row(str(number), unit.id, unit.name, address)
    return table


def print_config_problems(console: Console, errors: Sequence[ConfigError]) -> None:
    total = sum(len(e.problems) for e in errors)
    console.print(Text(f"Cấu hình có {total} lỗi trong {len(errors)} tệp:", style="bold red"))
    for error in errors:
        console.print(Text(f"\n{error.path}", style="bold"))
        for problem in error.problems:
            console.print(Text(f"  ✗ {problem}"))


def print_config_ok(console: Console, config: Config) -> None:
    district = config.district
    assert district is not None and config.path is not None
    base = config.path.parent
    console.print(Text(f"Cấu hình hợp lệ: {config.path}", style="bold green"))
    console.print(f"  ✓ {config.path}: {len(district.units)} đơn vị, {len(district.resolve)} tên máy trong [resolve]")
    console.print(f"  ✓ {base / district.rules}: {len(config.rules.main_menu)} mục menu bắt buộc, "
                  f"{len(config.rules.campaigns)} đợt tuyên truyền, ngưỡng ít tin bài {config.rules.few_posts_threshold}")
    overrides = base / district.overrides
    if overrides.exists():
        console.print(f"  ✓ {overrides}: {len(config.overrides)} điều chỉnh thủ công, "
                      f"{len(config.exclusions)} đơn vị không đưa vào công văn của quý")
    else:
        console.print(f"  ✓ {overrides}: không có tệp (không có điều chỉnh thủ công)")


def print_history(console: Console, document: dict[str, object]) -> None:
    """`history`: per unit, checks passed (of ten) and posts, quarter by quarter; then the runs."""
    quarters = [str(q) for q in document["quarters"]]  # type: ignore[attr-defined]
    if not quarters:
        console.print(f"Chưa có quý nào trong {document['store']}: chạy `camthuy-audit run` trước.")
        return
    table = Table(title=f"Lịch sử kiểm tra ({document['store']})", show_lines=False)
    table.add_column("Đơn vị")
    for quarter in quarters:
        table.add_column(f"{quarter}\nđạt / tin bài", justify="right")
    units = document["units"]
    assert isinstance(units, dict)
    for entry in units.values():
        cells = []
        for quarter in quarters:
            seen = entry["quarters"].get(quarter)
            if seen is None:
                cells.append("—")
                continue
            posts = seen["posts_in_quarter"]
            cells.append(f"{seen['passed']}/10 · {'?' if posts is None else posts}")
        table.add_row(entry["name"], *cells)
    console.print(table)
    runs = document["runs"]
    assert isinstance(runs, list)
    kinds = {"run": "chạy", "demo": "demo", "recheck": "kiểm tra lại"}
    for run in runs:
        state = "xong" if run["status"] == "finished" else "chưa xong"
        console.print(f"  #{run['id']} {run['quarter']} {kinds.get(run['kind'], run['kind'])}, bắt đầu "
                      f"{run['started_at']}, {state}; quy tắc {run['rules_digest']}, phiên bản {run['tool_version']}")
