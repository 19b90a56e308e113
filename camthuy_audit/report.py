"""The staff report (report.html): everything it shows, computed from a quarter's results.

:func:`build_report` turns the notice, the units' results and earlier quarters' results into a
:class:`Report` of plain models; ``templates/report.html.j2`` only prints them. Everything taken
from a portal stays text: links are kept only for http(s) URLs (a ``javascript:`` URL is never a
link), and the template escapes the rest.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Literal
from urllib.parse import urlsplit

from pydantic import BaseModel, ConfigDict, Field

from camthuy_audit.aggregate import FINDING_IDS, POSTS_ID, Notice, text, unit_mark, unit_posts
from camthuy_audit.config import Config
from camthuy_audit.models import Evidence, Mark, UnitResult, Verdict
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.rules import APPENDIX1_IDS, rule_by_id

_MAX_EVIDENCE = 8           # evidence lines shown per check (the rest stays in results.json)
_MAX_POST_LINES = 10        # newest posts listed per unit (all of them are in results.json)
_CHART_BAR = 22             # pixels per unit in the posts chart
_CHART_LABELS = 210         # pixels for the unit names left of the bars
_CHART_WIDTH = 560          # pixels for the bars
_TREND = (120, 28)          # sparkline size
MARK_TEXT = {"x": "đạt", "o": "chưa đạt", "?": "không kiểm tra được"}
History = dict[str, dict[str, dict[str, object]]]   # quarter -> unit id -> appendix1, posts_in_quarter


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Link(_Model):
    text: str
    href: str | None = None      # only http(s): anything else is shown as text


class Cell(_Model):
    check_id: str
    mark: Mark
    mark_class: str              # the CSS class of the mark: "x", "o", "q" (for "?")
    overridden: bool
    anchor: str


class Row(_Model):
    number: int
    unit_id: str
    name: str
    anchor: str
    cells: list[Cell]
    posts: int | None
    posts_text: str
    failing: list[str]           # check ids marked "o"
    unknown: bool                # at least one "?"
    change: Literal["better", "worse", "same", ""] = ""
    change_text: str = ""
    trend_points: str = ""       # SVG polyline points of the posts over the quarters


class CheckTotal(_Model):
    check_id: str
    label: str
    passed: int
    failed: int
    unknown: int


class Bar(_Model):
    name: str
    bar_y: int                   # top of the bar
    text_y: int                  # baseline of the unit's name and of the value
    width: int
    value_x: int                 # where the value is written, right of the bar
    value_text: str
    few: bool
    unknown: bool


class Chart(_Model):
    width: int
    height: int
    label_width: int             # the bars start here
    name_x: int                  # the unit names end here (right-aligned)
    unknown_x: int               # where "? (không đếm được)" starts
    bars: list[Bar]
    threshold_x: int
    threshold_y: int             # the threshold line runs from 0 to here
    threshold_text: str
    threshold_text_x: int
    threshold_text_y: int


class Thumb(_Model):
    data_uri: str
    caption: str
    link: Link


class CheckDetail(_Model):
    check_id: str
    label: str
    anchor: str
    mark: Mark
    mark_class: str              # the CSS class of the mark: "x", "o", "q" (for "?")
    mark_text: str
    reason: str
    evidence: list[Link]
    more_evidence: int
    how_to_fix: str = ""
    original_mark: Mark | None = None
    override_reason: str = ""
    override_by: str = ""
    thumbnails: list[Thumb] = Field(default_factory=list)


class UnitDetail(_Model):
    unit_id: str
    name: str
    anchor: str
    site: Link
    reachable: bool
    unreachable_reason: str
    excluded_reason: str
    platform: str
    failing: list[str]
    unknown: bool
    posts: int | None
    checks: list[CheckDetail]
    extra_checks: list[CheckDetail]
    posts_lines: list[Link]
    more_posts: int
    posts_total: int             # posts listed plus the ones left out (more_posts)
    errors: list[Link]
    banners: list[Link]
    notes: list[str]


class Report(_Model):
    title: str
    quarter_text: str
    generated_at: str
    issuer: str
    columns: list[CheckTotal]
    rows: list[Row]
    chart: Chart
    not_checked: list[Link]
    stale_banners: list[Link]
    stale_categories: list[Link]
    excluded: list[Link]
    overridden: int
    previous_quarter: str
    methodology: str             # how the checks changed since the previous quarter, if they did
    units: list[UnitDetail]


def safe_href(url: str | None) -> str | None:
    """The URL when it is an http(s) address, else None (never a javascript: or data: link)."""
    if not url:
        return None
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return None
    return url.strip() if parts.scheme in ("http", "https") and parts.hostname else None


def _anchor(unit_id: str, check_id: str | None = None) -> str:
    return f"u-{unit_id}" + (f"-{check_id}" if check_id else "")


def _mark_class(mark: Mark) -> str:
    """The CSS class of a mark ("?" is not a class name)."""
    return "q" if mark == "?" else mark


_MAX_TEXT = 300             # characters of one evidence line (a portal's text can be anything)


def _evidence_link(evidence: Evidence) -> Link:
    text = evidence.text if len(evidence.text) <= _MAX_TEXT else evidence.text[:_MAX_TEXT - 1] + "…"
    return Link(text=text, href=safe_href(evidence.url))


def _detail(unit_id: str, verdict: Verdict | None, check_id: str, thumbnails: dict[str, str]) -> CheckDetail:
    meta = rule_by_id(check_id).meta
    if verdict is None:
        return CheckDetail(check_id=check_id, label=meta.column, anchor=_anchor(unit_id, check_id), mark="?",
                           mark_class=_mark_class("?"), mark_text="không chạy", reason="Kiểm tra này bị tắt trong cấu hình", evidence=[],
                           more_evidence=0)
    lines = verdict.evidence if check_id != POSTS_ID else [e for e in verdict.evidence if e.kind != "url"]
    override = verdict.override
    thumbs = [Thumb(data_uri=thumbnails[url], caption=_caption(verdict, url), link=Link(text=url, href=safe_href(url)))
              for url in verdict.images if url in thumbnails]
    return CheckDetail(
        check_id=check_id, label=meta.column, anchor=_anchor(unit_id, check_id), mark=verdict.mark,
        mark_class=_mark_class(verdict.mark), mark_text=MARK_TEXT[verdict.mark], reason=verdict.reason,
        evidence=[_evidence_link(e) for e in lines[:_MAX_EVIDENCE]], more_evidence=max(0, len(lines) - _MAX_EVIDENCE),
        how_to_fix=meta.how_to_fix if verdict.mark == "o" else "",
        original_mark=override.original_mark if override else None,
        override_reason=override.reason if override else "", override_by=override.by if override else "",
        thumbnails=thumbs)


def _caption(verdict: Verdict, url: str) -> str:
    finding = next((f for f in verdict.findings if f.url == url), None)
    return finding.label if finding else "Banner phản hồi"


def _unit_detail(result: UnitResult, excluded_reason: str) -> UnitDetail:
    thumbs = result.thumbnails
    checks = [_detail(result.unit_id, result.verdicts.get(c), c, thumbs) for c in APPENDIX1_IDS]
    extra = [_detail(result.unit_id, result.verdicts.get(c), c, thumbs) for c in (POSTS_ID, *FINDING_IDS)
             if c in result.verdicts]
    posts = result.verdicts.get(POSTS_ID)
    post_lines = [_evidence_link(e) for e in (posts.evidence if posts else []) if e.kind == "url"]
    flagged = {url for v in result.verdicts.values() for url in v.images}
    banners = [Link(text=b.alt or b.title or b.text or b.image_url, href=safe_href(b.link_url or b.image_url))
               for b in result.banners if b.image_url not in flagged]
    marks = [unit_mark(result, c) for c in APPENDIX1_IDS]
    return UnitDetail(
        unit_id=result.unit_id, name=result.name, anchor=_anchor(result.unit_id),
        site=Link(text=result.url, href=safe_href(result.url)), reachable=result.reachable,
        unreachable_reason=result.unreachable_reason or "", excluded_reason=excluded_reason,
        platform=result.platform or "", failing=[c for c, m in zip(APPENDIX1_IDS, marks, strict=True) if m == "o"],
        unknown="?" in marks, posts=unit_posts(result), checks=checks, extra_checks=extra,
        posts_lines=post_lines[:_MAX_POST_LINES], more_posts=max(0, len(post_lines) - _MAX_POST_LINES),
        posts_total=len(post_lines),
        errors=[Link(text=f"{e.message} ({e.kind}{f' {e.status}' if e.status else ''})", href=safe_href(e.url))
                for e in result.errors[:30]],
        banners=banners[:30], notes=result.notes)


# --- earlier quarters --------------------------------------------------------------------------


def earlier_results(reports: Path, quarter: Quarter) -> History:
    """Earlier quarters' results.json under the reports folder: quarter -> unit id -> its record."""
    found: History = {}
    for path in sorted(Path(reports).glob("*/results.json")):
        try:
            earlier = Quarter.parse(path.parent.name)
        except ValueError:
            continue
        if earlier >= quarter:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            units = {str(u["id"]): u for u in data.get("units", []) if isinstance(u, dict) and "id" in u}
        except (OSError, ValueError, KeyError, TypeError):
            continue  # an unreadable earlier file only loses the comparison
        found[str(earlier)] = units
    return found


def _passed(marks: dict[str, object]) -> int:
    return sum(1 for m in marks.values() if m == "x")


def _change(result: UnitResult, previous: dict[str, object] | None) -> tuple[str, str]:
    if previous is None or not isinstance(previous.get("appendix1"), dict):
        return "", ""
    before = _passed(previous["appendix1"])  # type: ignore[arg-type]
    now = sum(1 for c in APPENDIX1_IDS if unit_mark(result, c) == "x")
    if now > before:
        return "better", f"tốt hơn ({before} → {now} nội dung đạt)"
    if now < before:
        return "worse", f"kém hơn ({before} → {now} nội dung đạt)"
    return "same", f"như quý trước ({now} nội dung đạt)"


def _trend(unit_id: str, posts: int | None, history: History) -> str:
    series = [history[q].get(unit_id, {}).get("posts_in_quarter") for q in sorted(history, key=Quarter.parse)]
    values = [v if isinstance(v, int) else None for v in [*series, posts]]
    known = [v for v in values if v is not None]
    if len(known) < 2:
        return ""
    top = max(known) or 1
    step = _TREND[0] / max(1, len(values) - 1)
    return " ".join(f"{i * step:.0f},{_TREND[1] - v / top * (_TREND[1] - 2):.0f}"
                    for i, v in enumerate(values) if v is not None)


# --- the report ----------------------------------------------------------------------------------


def _chart(rows: Sequence[Row], threshold: int) -> Chart:
    top = max([r.posts for r in rows if r.posts is not None] + [threshold, 1])
    scale = _CHART_WIDTH / top
    bars = []
    for i, r in enumerate(rows):
        width = round((r.posts or 0) * scale)
        bars.append(Bar(name=r.name, bar_y=i * _CHART_BAR + 3, text_y=i * _CHART_BAR + 15, width=width,
                        value_x=_CHART_LABELS + width + 4, value_text=r.posts_text,
                        few=r.posts is not None and r.posts < threshold, unknown=r.posts is None))
    height = len(rows) * _CHART_BAR + 24
    threshold_x = _CHART_LABELS + round(threshold * scale)
    return Chart(width=_CHART_LABELS + _CHART_WIDTH + 60, height=height, label_width=_CHART_LABELS,
                 name_x=_CHART_LABELS - 6, unknown_x=_CHART_LABELS + 4, bars=bars, threshold_x=threshold_x,
                 threshold_y=height - 20, threshold_text=f"ngưỡng {threshold} tin bài",
                 threshold_text_x=threshold_x + 4, threshold_text_y=height - 6)


def build_report(notice: Notice, results: list[UnitResult], config: Config, quarter: Quarter, *,
                 generated_at: datetime, reports: Path | None = None, history: History | None = None,
                 methodology: str = "") -> Report:
    """Everything report.html shows. Earlier quarters come from ``history`` (the store), else from the
    earlier results.json files under ``reports``."""
    by_id = {r.unit_id: r for r in results}
    if history is None:
        history = earlier_results(reports, quarter) if reports is not None else {}
    previous = history.get(str(quarter.previous))
    columns = notice.appendix1.columns
    rows: list[Row] = []
    for row in notice.appendix1.rows:
        result = by_id.get(row.unit_id)
        cells = []
        for column, mark in zip(columns, row.marks, strict=True):
            verdict = result.verdicts.get(column.id) if result else None
            cells.append(Cell(check_id=column.id, mark=mark, mark_class=_mark_class(mark),
                              overridden=bool(verdict and verdict.override),
                              anchor=_anchor(row.unit_id, column.id)))
        posts = unit_posts(result) if result else None
        change, change_text = _change(result, previous.get(row.unit_id) if previous else None) if result else ("", "")
        rows.append(Row(number=row.number, unit_id=row.unit_id, name=row.name, anchor=_anchor(row.unit_id),
                        cells=cells, posts=posts, posts_text="?" if posts is None else str(posts),
                        failing=[c.check_id for c in cells if c.mark == "o"], unknown=any(c.mark == "?" for c in cells),
                        change=change, change_text=change_text,
                        trend_points=_trend(row.unit_id, posts, history)))
    totals = [CheckTotal(check_id=c.id, label=c.label, passed=sum(1 for r in rows if r.cells[i].mark == "x"),
                         failed=sum(1 for r in rows if r.cells[i].mark == "o"),
                         unknown=sum(1 for r in rows if r.cells[i].mark == "?")) for i, c in enumerate(columns)]
    excluded = [config.exclusion(u.id, str(quarter)) for u in config.units]
    excluded_by_id = {e.unit: e for e in excluded if e is not None}
    details = [_unit_detail(by_id[r.unit_id], "") for r in rows if r.unit_id in by_id]
    details += [_unit_detail(by_id[uid], f"{e.reason} ({e.by})") for uid, e in excluded_by_id.items() if uid in by_id]
    not_checked = notice.body.get("not_checked")
    lists = {kind: notice.body.get(kind) for kind in ("stale_banners", "stale_categories")}
    names = {u.id: u.name for u in config.units}
    district = config.district
    unit_level = text(district.notice.unit_level) if district else "cấp xã"   # as the notice names the level
    return Report(
        title=f"Báo cáo kiểm tra Trang/Cổng thông tin điện tử {unit_level} — quý {quarter.roman}/{quarter.year}",
        quarter_text=f"quý {quarter.roman}/{quarter.year}",
        generated_at=generated_at.astimezone(VN_TZ).strftime("%H:%M ngày %d/%m/%Y"),
        issuer=f"{district.issuer.parent} {district.issuer.name}" if district else "",
        columns=totals, rows=rows, chart=_chart(rows, config.rules.few_posts_threshold),
        not_checked=[Link(text=f"{e.name}: {e.detail}", href=f"#{_anchor(e.unit_id)}")
                     for e in (not_checked.entries if not_checked else [])],
        stale_banners=[Link(text=f"{e.name}: {e.detail}", href=f"#{_anchor(e.unit_id, 'stale_banners')}")
                       for e in (lists["stale_banners"].entries if lists["stale_banners"] else [])],
        stale_categories=[Link(text=f"{e.name}: {e.detail}", href=f"#{_anchor(e.unit_id, 'stale_categories')}")
                          for e in (lists["stale_categories"].entries if lists["stale_categories"] else [])],
        excluded=[Link(text=f"{names.get(uid, uid)}: {e.reason} ({e.by})", href=f"#{_anchor(uid)}")
                  for uid, e in excluded_by_id.items()],
        overridden=sum(1 for r in rows for c in r.cells if c.overridden),
        previous_quarter=f"quý {quarter.previous.roman}/{quarter.previous.year}" if previous else "",
        methodology=methodology,
        units=details,
    )
