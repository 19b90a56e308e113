"""From the units' results to everything the quarterly notice shows, fully computed.

:func:`build_notice` turns the list of :class:`UnitResult` of one quarter into a :class:`Notice`: the
letter's header, its body (reference paragraphs, judgement, the lists of units), the signature and
both appendices. Every renderer (HTML notice, later docx, xlsx, CSV, the staff report) reads these
plain models; templates only print them and never compute.

Three states, never a false accusation: a check that could not be decided ("?") never puts a unit in
a list of shortcomings. Units that could not be checked are listed separately with the reason; an
unknown post count is left out of the total, which then says it is partial.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from camthuy_audit.config import Config, DistrictFile, Reference
from camthuy_audit.models import Finding, Mark, UnitResult
from camthuy_audit.quarter import VN_TZ, Quarter

# The checks of Appendix 1 and their column labels, used only while the rule registry
# (camthuy_audit.rules) cannot be imported; the registry's RuleMeta.column wins when present.
_FALLBACK_APPENDIX1: tuple[tuple[str, str], ...] = (
    ("main_menu", "Thiết lập lại menu chính"),
    ("feedback_banner", "Đã tải Banner phản hồi"),
    ("citizen_reception_schedule", "Lịch tiếp công dân"),
    ("legal_documents", "Văn bản pháp quy"),
    ("tourism_festivals", "Du lịch - lễ hội"),
    ("law_propaganda_category", "Chuyên mục tuyên truyền phổ biến giáo dục pháp luật"),
    ("digital_transformation_category", "Chuyên mục chuyển đổi số"),
    ("agency_directory", "Danh bạ cơ quan chức năng"),
    ("side_banners", "Hình ảnh và banner trái phải trang/cổng thông tin"),
    ("copyright", "Bản quyền sử dụng"),
)

POSTS_ID = "posts_in_quarter"
STALE_BANNERS_ID = "stale_banners"
STALE_CATEGORIES_ID = "stale_categories"
OVERSIZED_BANNERS_ID = "oversized_banners"
FINDING_IDS = (STALE_BANNERS_ID, STALE_CATEGORIES_ID, OVERSIZED_BANNERS_ID)

# How the list of units that could not be checked names the checks outside Appendix 1.
_OTHER_CHECK_NAMES = {
    POSTS_ID: "số tin bài trong quý",
    STALE_BANNERS_ID: "banner quá thời gian tuyên truyền",
    STALE_CATEGORIES_ID: "chuyên mục quá thời gian tuyên truyền",
    OVERSIZED_BANNERS_ID: "banner quá kích thước",
}

BLANK = "      "   # the number and the day the clerk writes by hand ("Số:      /UBND-VHTT")

APPENDIX2_COLUMNS = (
    "TT",
    "Đơn vị",
    "Số tin bài đăng trên trang/cổng thông tin",
    "Hình ảnh banner quá thời gian TT",
    "Chuyên mục quá thời gian TT",
    "Ghi chú",
)
APPENDIX2_LEGEND = (
    "x. chuyên mục; hình ảnh banner không thay hoặc bỏ đi khi hết thời hiệu tuyên truyền.",
    "o. hình ảnh banner quá kích thước chiếm hết diện tích trang/cổng thông tin điện tử.",
    "?. Không kiểm tra được (không truy cập được hoặc không đếm đủ được; không tính vào tổng).",
)


# --- models ----------------------------------------------------------------------------------


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Header(_Model):
    issuer_parent: str                  # "ỦY BAN NHÂN DÂN"
    issuer_name: str                    # "HUYỆN CẨM THỦY"
    number_line: str                    # "Số:      /UBND-VHTT"
    subject_lines: list[str]            # "V/v báo cáo ... quý I của UBND cấp xã."
    country: str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"
    motto: str = "Độc lập - Tự do - Hạnh phúc"
    place_date: str                     # "Cẩm Thủy, ngày      tháng 4 năm 2023"
    addressee: str                      # "Kính gửi: UBND các xã, thị trấn."
    draft: str = ""                     # "DỰ THẢO" while some units could not be checked, else ""

    @property
    def subject(self) -> str:
        return " ".join(self.subject_lines)


ListKind = Literal["few_posts", "stale_banners", "stale_categories", "oversized_banners",
                   "not_carried_out", "not_checked"]


class ListEntry(_Model):
    unit_id: str
    name: str
    detail: str = ""     # what the sentence adds after the name (category labels, the reason)


class BodyList(_Model):
    """One "- ..." paragraph of the body naming units (Appendix 1 order)."""

    kind: ListKind
    text: str                   # the sentence, without the appendix reference
    detail: str                 # "(chi tiết phụ lục 2 kèm theo)"
    count_text: str             # "10 xã", "9 xã, 1 thị trấn"
    entries: list[ListEntry]

    @property
    def unit_ids(self) -> list[str]:
        return [e.unit_id for e in self.entries]

    @property
    def count(self) -> int:
        return len(self.entries)


class Figures(_Model):
    """The numbers behind the judgement sentence and the lists (for the staff report too)."""

    units: int
    reachable: int
    checked: int                 # units with at least one decided mark or a known post count
    counted: int                 # units whose post count is known
    at_or_above_threshold: int   # ... with at least few_posts_threshold posts
    few_posts_threshold: int
    good_share: float | None     # at_or_above_threshold / counted (None when nothing was counted)
    judgement: Literal["good", "poor", "undecided"]   # undecided: no unit's posts could be counted
    total_posts: int             # sum of the known counts
    total_partial: bool
    not_carried_out: int
    not_checked: int


class Body(_Model):
    references: list[str]        # "Ngày 01/02/2023 UBND huyện có công văn số 155/UBND-VHTT ..."
    judgement: str
    shortcomings: str
    lists: list[BodyList]        # only the non-empty ones, in the letter's order
    closing: str

    def get(self, kind: ListKind) -> BodyList | None:
        return next((item for item in self.lists if item.kind == kind), None)


class Signature(_Model):
    authority: str               # "KT. CHỦ TỊCH"
    title: str                   # "PHÓ CHỦ TỊCH"
    name: str


class Column(_Model):
    id: str
    label: str


class Appendix1Row(_Model):
    number: int                  # TT
    unit_id: str
    name: str
    reachable: bool
    marks: list[Mark]            # in column order
    checked: bool                # no "?" among the marks

    def mark(self, columns: Sequence[Column], check_id: str) -> Mark:
        return self.marks[[c.id for c in columns].index(check_id)]


class Appendix1(_Model):
    title: str                   # "Phụ lục 1"
    subtitles: list[str]
    columns: list[Column]        # the ten checks
    rows: list[Appendix1Row]     # configured order
    legend_title: str = "Ghi chú:"
    legend: list[str]


class Appendix2Row(_Model):
    number: int
    unit_id: str
    name: str
    posts: int | None
    posts_text: str              # "37" or "?"
    banner_mark: Literal["x", "o", "?", ""]
    category_mark: Literal["x", "?", ""]
    note: str
    stale_banners: list[str] = Field(default_factory=list)        # finding notes
    stale_categories: list[str] = Field(default_factory=list)
    oversized_banners: list[str] = Field(default_factory=list)


class Appendix2Total(_Model):
    label: str                   # "Tổng" or "Tổng (chưa tính 1 đơn vị không kiểm tra được)"
    posts: int
    posts_text: str
    partial: bool
    missing: int                 # units whose count is unknown


class Appendix2(_Model):
    title: str                   # "PHỤ LỤC 2"
    subtitles: list[str]
    columns: list[str]
    rows: list[Appendix2Row]     # by posts, descending; unknown counts last
    total: Appendix2Total
    legend_title: str = "Ghi chú:"
    legend: list[str]


class Notice(_Model):
    quarter: str                 # "2023-Q1"
    run_date: date
    title: str                   # for the HTML <title> and file metadata
    header: Header
    body: Body
    recipients_title: str = "Nơi nhận:"
    recipients: list[str]        # "- Như trên;", "- Lưu: VT, VH-TT."
    signature: Signature
    appendix1: Appendix1
    appendix2: Appendix2
    figures: Figures

    @property
    def appendix1_rows(self) -> list[Appendix1Row]:
        return self.appendix1.rows

    @property
    def appendix2_rows(self) -> list[Appendix2Row]:
        return self.appendix2.rows


# --- text helpers ----------------------------------------------------------------------------

_SPACES = re.compile(r"\s+")
_NAME_RE = re.compile(r"^(?P<organ>(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\s+)?(?P<kind>thị trấn|phường|xã|đặc khu)\s+"
                      r"(?P<proper>\S.*)$", re.IGNORECASE)
_SUFFIX_RE = re.compile(r"^(?P<body>.*?)\s*(?P<suffix>\([^()]*\))$")


def text(value: str) -> str:
    """One line of NFC text with whitespace collapsed (config and portal text alike)."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", value).replace("\xa0", " ")).strip()


def _shorten(value: str, limit: int = 160) -> str:
    value = text(value)
    return value if len(value) <= limit else value[: limit - 1].rstrip() + "…"


def _sentence(value: str) -> str:
    value = text(value)
    return value if not value or value[-1] in ".;:!?…" else value + "."


def _month(month: int) -> str:
    """Decree 30/2020: months 1 and 2 take a leading zero ("tháng 01"), the others do not."""
    return f"{month:02d}" if month < 3 else str(month)


def _split_name(name: str) -> tuple[str, str, str] | None:
    """ "UBND xã Cẩm Vân" -> ("ubnd", "xã", "Cẩm Vân"); None when the name has no such prefix."""
    match = _NAME_RE.match(text(name))
    if not match:
        return None
    organ = text(match.group("organ") or "").casefold().replace("uỷ", "ủy")
    return organ, match.group("kind").casefold(), match.group("proper")


def join_unit_names(names: Sequence[str], details: Sequence[str] | None = None) -> str:
    """Name units like the seed: the prefix ("UBND xã") is written once while it repeats.

    ``["UBND xã Cẩm Thành", "UBND xã Cẩm Quý", "UBND thị trấn Phong Sơn", "UBND xã Cẩm Tâm"]`` ->
    "UBND xã Cẩm Thành, Cẩm Quý, thị trấn Phong Sơn và xã Cẩm Tâm". ``details`` are added after each
    name in parentheses; the items are then separated by semicolons.
    """
    parts: list[str] = []
    previous: tuple[str, str, str] | None = None
    for name in names:
        current = _split_name(name)
        if current is None or previous is None or current[0] != previous[0]:
            part = text(name)
        elif current[1] == previous[1]:
            part = current[2]
        else:
            part = f"{current[1]} {current[2]}"
        parts.append(part)
        previous = current
    if details is not None:
        parts = [f"{p} ({d})" if d else p for p, d in zip(parts, details, strict=True)]
        separator = "; "
    else:
        separator = ", "
    if len(parts) <= 1:
        return "".join(parts)
    return separator.join(parts[:-1]) + " và " + parts[-1]


def count_units(names: Sequence[str]) -> str:
    """ "10 xã", "9 xã, 1 thị trấn"; "3 đơn vị" when a name is not "xã/thị trấn/phường ..."."""
    kinds: dict[str, int] = {}
    for name in names:
        split = _split_name(name)
        if split is None:
            return f"{len(names)} đơn vị"
        kinds[split[1]] = kinds.get(split[1], 0) + 1
    return ", ".join(f"{n} {kind}" for kind, n in kinds.items()) or "0 đơn vị"


def merge_notes(notes: Sequence[str]) -> str:
    """Merge notes sharing a parenthesised suffix, like the seed.

    ["Ngày nhà giáo việt nam (từ năm 2022)", "ngày MTDT thống nhất (từ năm 2022)"] ->
    "Ngày nhà giáo việt nam, ngày MTDT thống nhất (từ năm 2022)".
    """
    groups: dict[str, list[str]] = {}
    for note in dict.fromkeys(text(n) for n in notes if text(n)):
        match = _SUFFIX_RE.match(note)
        body, suffix = (match.group("body"), match.group("suffix")) if match and match.group("body") else (note, "")
        bodies = groups.setdefault(suffix, [])
        if body not in bodies:
            bodies.append(body)
    return "; ".join(", ".join(bodies) + (f" {suffix}" if suffix else "") for suffix, bodies in groups.items())


# --- per-unit facts (shared with render.py) --------------------------------------------------


def appendix1_columns(labels: Mapping[str, str] | None = None) -> list[Column]:
    """The ten Appendix 1 columns: from ``labels`` if given, else the rule registry."""
    if labels is not None:
        return [Column(id=check_id, label=text(label)) for check_id, label in labels.items()]
    try:
        from camthuy_audit.rules import APPENDIX1_IDS, RULES
    except ImportError:
        return [Column(id=check_id, label=label) for check_id, label in _FALLBACK_APPENDIX1]
    by_id = {rule.meta.id: rule.meta.column for rule in RULES}
    fallback = dict(_FALLBACK_APPENDIX1)
    return [Column(id=check_id, label=text(by_id.get(check_id) or fallback.get(check_id, check_id)))
            for check_id in APPENDIX1_IDS]


def unit_mark(result: UnitResult, check_id: str) -> Mark:
    """The unit's mark for a check; "?" when no verdict, or the portal was unreachable and no staff
    override decided it."""
    verdict = result.verdicts.get(check_id)
    if verdict is None or (not result.reachable and verdict.override is None):
        return "?"
    return verdict.mark


def unit_posts(result: UnitResult) -> int | None:
    """Posts in the quarter; None when not counted (or the portal was unreachable, unless overridden)."""
    verdict = result.verdicts.get(POSTS_ID)
    if verdict is None or (not result.reachable and verdict.override is None):
        return None
    return verdict.count if verdict.mark != "?" else None


def unit_findings(result: UnitResult, check_id: str) -> list[Finding]:
    verdict = result.verdicts.get(check_id)
    if verdict is None or (not result.reachable and verdict.override is None):
        return []
    return list(verdict.findings)


def _enabled(config: Config, check_id: str) -> bool:
    return config.rules.enabled(check_id)


def undecided_checks(result: UnitResult, config: Config, columns: Sequence[Column]) -> list[str]:
    """Names of the checks that are "?" for the unit (disabled checks left out)."""
    names = [c.label for c in columns if _enabled(config, c.id) and unit_mark(result, c.id) == "?"]
    if _enabled(config, POSTS_ID) and unit_posts(result) is None:
        names.append(_OTHER_CHECK_NAMES[POSTS_ID])
    for check_id in FINDING_IDS:
        if _enabled(config, check_id) and unit_mark(result, check_id) == "?" and not unit_findings(result, check_id):
            names.append(_OTHER_CHECK_NAMES[check_id])
    return names


# Why a portal could not be read, said to people: the technical detail (URLs, exception text) stays in
# results.json and the staff report, never in the letter.
_REASON_CLASSES = {
    "dns": "không truy cập được cổng thông tin", "connect": "không truy cập được cổng thông tin",
    "tls": "không truy cập được cổng thông tin", "off_site": "không truy cập được cổng thông tin",
    "redirect": "không truy cập được cổng thông tin",
    "timeout": "quá thời gian chờ", "budget": "quá thời gian chờ",
    "robots": "máy chủ từ chối", "http_status": "máy chủ từ chối",
}


def reason_class(result: UnitResult) -> str:
    """A short Vietnamese reason why the portal could not be read ("quá thời gian chờ")."""
    error = result.errors[0] if result.errors else None
    if error is None:
        return "không truy cập được cổng thông tin"
    if error.gone:
        return "không truy cập được cổng thông tin"
    return _REASON_CLASSES.get(error.kind, "không đọc được trang")


def _not_checked_reason(result: UnitResult, undecided: list[str]) -> str:
    if not result.reachable:
        return reason_class(result)
    return "chưa xác định được: " + ", ".join(_lower_first(label) for label in undecided)


_QUARTER_WORD = re.compile(r"\b(quý) (I{1,3}|IV)\b", re.IGNORECASE)


def _keep_quarter(line: str) -> str:
    """ "quý I" never broken over two lines of the subject (a no-break space before the numeral)."""
    return _QUARTER_WORD.sub("\\1\u00a0\\2", line)


def _upper_first(phrase: str) -> str:
    """ "các xã, thị trấn" -> "Các xã, thị trấn" (a sentence's start)."""
    return phrase[:1].upper() + phrase[1:]


def _lower_first(label: str) -> str:
    """ "Lịch tiếp công dân" -> "lịch tiếp công dân"; acronyms ("CĐS ...") stay as they are."""
    return label[:1].lower() + label[1:] if label[1:2].islower() else label


_PLACEHOLDER = re.compile(r"\{(\w+)\}")


def fill(template: str, values: Mapping[str, object]) -> str:
    """Replace the known ``{name}`` placeholders of a config text; other braces stay as written."""
    return _PLACEHOLDER.sub(lambda m: str(values[m.group(1)]) if m.group(1) in values else m.group(0), template)


# --- the notice ------------------------------------------------------------------------------


def _reference_paragraph(ref: Reference, district: DistrictFile) -> str:
    return _sentence(f"Ngày {ref.date:%d/%m/%Y} {district.issuer.short} có công văn số "
                     f"{ref.number} {text(ref.summary)}")


def _order_results(results: list[UnitResult], config: Config) -> list[UnitResult]:
    """Results in Appendix 1 (configured) order; results of units not in config go last."""
    position = {unit.id: i for i, unit in enumerate(config.units)}
    by_id: dict[str, UnitResult] = {}
    for result in results:
        by_id[result.unit_id] = result
    return sorted(by_id.values(), key=lambda r: (position.get(r.unit_id, len(position)), r.unit_id))


def _missing_result(unit_id: str, name: str, url: str, quarter: Quarter, run_date: date) -> UnitResult:
    return UnitResult(unit_id=unit_id, name=name, url=url, quarter=str(quarter),
                      audited_at=datetime.combine(run_date, time(0), VN_TZ), reachable=False,
                      unreachable_reason="chưa có kết quả kiểm tra", verdicts={})


def build_notice(results: list[UnitResult], config: Config, quarter: Quarter, *, run_date: date,
                 columns: Mapping[str, str] | None = None) -> Notice:
    """Everything the quarterly notice shows, computed from the units' results.

    ``columns`` (check id -> Appendix 1 label, in order) replaces the rule registry's labels.
    A configured unit without a result is shown as not checked ("?"); a unit excluded from this
    quarter in overrides.toml (``[[exclusions]]``) is left out of the notice altogether.
    """
    district = config.district
    if district is None:
        raise ValueError("build_notice cần cấu hình huyện (district.toml)")
    cols = appendix1_columns(columns)
    threshold = config.rules.few_posts_threshold
    main_ref = district.main_reference
    wording = district.notice
    main_number = main_ref.number.split("/")[0]
    main_line = f"công văn số {main_ref.number}, ngày {main_ref.date:%d/%m/%Y}"
    suffix = district.issuer.number_suffix
    attached = f"(Kèm theo công văn số{BLANK}{suffix} ngày{BLANK}/{run_date:%m/%Y})"

    excluded = {u.id for u in config.units if config.exclusion(u.id, str(quarter))}
    results = [r for r in results if r.unit_id not in excluded]
    given = {r.unit_id for r in results}
    results = list(results) + [_missing_result(u.id, u.name, u.url, quarter, run_date)
                               for u in config.units if u.id not in given and u.id not in excluded]
    ordered = _order_results(results, config)
    names = {r.unit_id: text(r.name) for r in ordered}

    # Appendix 1 -------------------------------------------------------------------------
    a1_rows = []
    for number, result in enumerate(ordered, start=1):
        marks = [unit_mark(result, c.id) for c in cols]
        a1_rows.append(Appendix1Row(number=number, unit_id=result.unit_id, name=names[result.unit_id],
                                    reachable=result.reachable, marks=marks, checked="?" not in marks))
    appendix1 = Appendix1(
        title="Phụ lục 1",
        subtitles=[f"Tình hình thực hiện khắc phục tồn tại Trang/Cổng thông tin điện tử {text(wording.unit_level)} "
                   f"theo {main_line}",
                   attached],
        columns=cols,
        rows=a1_rows,
        legend=[f"x. thực hiện theo công văn số {main_number}.",
                f"o. Không thực hiện theo công văn {main_number}.",
                "?. Không kiểm tra được (Trang/Cổng thông tin không truy cập được hoặc trang không đọc được;"
                f" không tính là không thực hiện công văn {main_number})."],
    )

    # Appendix 2 -------------------------------------------------------------------------
    unsorted: list[tuple[UnitResult, Appendix2Row]] = []
    for result in ordered:
        posts = unit_posts(result)
        stale = [text(f.note or f.label) for f in unit_findings(result, STALE_BANNERS_ID)]
        categories = [text(f.note or f.label) for f in unit_findings(result, STALE_CATEGORIES_ID)]
        oversized = [text(f.note or f.label) for f in unit_findings(result, OVERSIZED_BANNERS_ID)]
        banner_undecided = any(_enabled(config, c) and unit_mark(result, c) == "?"
                               for c in (STALE_BANNERS_ID, OVERSIZED_BANNERS_ID))
        banner_mark: Literal["x", "o", "?", ""] = (
            "x" if stale else "o" if oversized else "?" if banner_undecided else "")
        category_mark: Literal["x", "?", ""] = (
            "x" if categories else
            "?" if _enabled(config, STALE_CATEGORIES_ID) and unit_mark(result, STALE_CATEGORIES_ID) == "?"
            else "")
        note_parts = []
        if stale:
            note_parts.append(merge_notes(stale))
        if categories:
            note_parts.append(merge_notes(categories))
        if oversized:
            merged = merge_notes(oversized)
            note_parts.append(merged if "kích thước" in merged.casefold() else f"Banner quá kích thước: {merged}")
        if not result.reachable:
            note_parts.append(_sentence("Không kiểm tra được: " + _not_checked_reason(result, [])))
        elif posts is None and _enabled(config, POSTS_ID):
            verdict = result.verdicts.get(POSTS_ID)
            why = _shorten(verdict.reason, 120) if verdict else ""
            note_parts.append("Không đếm được số tin bài" + (f": {why}" if why else ""))
        unsorted.append((result, Appendix2Row(
            number=0, unit_id=result.unit_id, name=names[result.unit_id], posts=posts,
            posts_text="?" if posts is None else str(posts), banner_mark=banner_mark,
            category_mark=category_mark, note="; ".join(note_parts),
            stale_banners=stale, stale_categories=categories, oversized_banners=oversized)))
    # sorted() is stable: ties keep Appendix 1 order; unknown counts go last.
    by_posts = sorted(unsorted, key=lambda pair: (pair[1].posts is None, -(pair[1].posts or 0)))
    a2_rows = [row.model_copy(update={"number": i}) for i, (_, row) in enumerate(by_posts, start=1)]
    known = [row.posts for row in a2_rows if row.posts is not None]
    missing = len(a2_rows) - len(known)
    total_posts = sum(known)
    appendix2 = Appendix2(
        title="PHỤ LỤC 2",
        subtitles=[f"Thực hiện đăng tin bài trên Trang/Cổng thông tin điện tử UBND {text(wording.units_plural)}",
                   attached,
                   f"(Số liệu tính từ {quarter.start:%d/%m/%Y} đến {quarter.end:%d/%m/%Y})"],
        columns=list(APPENDIX2_COLUMNS),
        rows=a2_rows,
        total=Appendix2Total(
            label="Tổng" if not missing else f"Tổng (chưa tính {missing} đơn vị không kiểm tra được)",
            posts=total_posts, posts_text=str(total_posts), partial=bool(missing), missing=missing),
        legend=list(APPENDIX2_LEGEND),
    )

    # Body lists (Appendix 1 order) --------------------------------------------------------
    lists: list[BodyList] = []

    def add(kind: ListKind, entries: list[ListEntry], make_text: str, detail: str) -> None:
        if entries:
            lists.append(BodyList(kind=kind, text=make_text, detail=detail, entries=entries,
                                  count_text=count_units([e.name for e in entries])))

    def joined(entries: list[ListEntry], with_details: bool = False) -> str:
        return join_unit_names([e.name for e in entries],
                               [e.detail for e in entries] if with_details else None)

    few = [ListEntry(unit_id=r.unit_id, name=names[r.unit_id], detail=str(unit_posts(r)))
           for r in ordered if r.reachable and (p := unit_posts(r)) is not None and p < threshold]
    add("few_posts", few,
        f"UBND {text(wording.units_plural)} có số tin bài đăng trên Trang/Cổng thông tin điện tử ít "
        f"(dưới {threshold} tin bài trong quý) gồm: {joined(few)}.",
        "(chi tiết phụ lục 2 kèm theo)")

    stale_units = [ListEntry(unit_id=r.unit_id, name=names[r.unit_id],
                             detail=merge_notes([text(f.note or f.label) for f in unit_findings(r, STALE_BANNERS_ID)]))
                   for r in ordered if unit_findings(r, STALE_BANNERS_ID)]
    add("stale_banners", stale_units,
        f"Hình ảnh banner quá thời gian tuyên truyền gồm {joined(stale_units)}.",
        "(chi tiết phụ lục 2 kèm theo)")

    category_units = [
        ListEntry(unit_id=r.unit_id, name=names[r.unit_id],
                  detail=", ".join(dict.fromkeys(f"“{text(f.label or f.note)}”"
                                                 for f in unit_findings(r, STALE_CATEGORIES_ID))))
        for r in ordered if unit_findings(r, STALE_CATEGORIES_ID)]
    if len(category_units) == 1:
        only = category_units[0]
        category_text = (f"{only.name} vẫn để chuyên mục tuyên truyền {only.detail} đã hết thời gian "
                         "tuyên truyền.")
    else:
        category_text = ("Chuyên mục đã hết thời gian tuyên truyền nhưng vẫn để trên Trang/Cổng thông tin "
                         f"điện tử gồm: {joined(category_units, with_details=True)}.")
    add("stale_categories", category_units, category_text, "(chi tiết phụ lục 2 kèm theo)")

    oversized_units = [ListEntry(unit_id=r.unit_id, name=names[r.unit_id])
                       for r in ordered if unit_findings(r, OVERSIZED_BANNERS_ID)]
    add("oversized_banners", oversized_units,
        "Hình ảnh banner quá kích thước, chiếm hết diện tích Trang/Cổng thông tin điện tử gồm "
        f"{joined(oversized_units)}.",
        "(chi tiết phụ lục 2 kèm theo)")

    not_done = [ListEntry(unit_id=row.unit_id, name=row.name,
                          detail=", ".join(c.label for c, m in zip(cols, row.marks, strict=True) if m == "o"))
                for row in a1_rows if "o" in row.marks]
    add("not_carried_out", not_done,
        f"{_upper_first(text(wording.units_plural))} chưa thực hiện theo {main_line} của {district.issuer.short} gồm "
        f"({count_units([e.name for e in not_done])}): {joined(not_done)}.",
        "(chi tiết phụ lục 1 kèm theo)")

    not_checked: list[ListEntry] = []
    for result in ordered:
        undecided = undecided_checks(result, config, cols)
        if not result.reachable or undecided:
            not_checked.append(ListEntry(unit_id=result.unit_id, name=names[result.unit_id],
                                         detail=_not_checked_reason(result, undecided)))
    add("not_checked", not_checked,
        f"Chưa kiểm tra được {count_units([e.name for e in not_checked])} (không tính là chưa thực hiện công văn "
        f"số {main_ref.number}; sẽ kiểm tra lại): {joined(not_checked, with_details=True)}.",
        "(chi tiết phụ lục 1, phụ lục 2 kèm theo)")

    # Judgement ----------------------------------------------------------------------------
    counted = [r for r in ordered if r.reachable and unit_posts(r) is not None]
    at_or_above = sum(1 for r in counted if (unit_posts(r) or 0) >= threshold)
    share = at_or_above / len(counted) if counted else None
    good = share is not None and share >= district.notice.judgement_good_share
    judgement: Literal["good", "poor", "undecided"] = "undecided" if share is None else "good" if good else "poor"
    decided = {row.unit_id for row in a1_rows if any(m in ("x", "o") for m in row.marks)}
    checked = sum(1 for r in ordered if r.reachable and (r.unit_id in decided or unit_posts(r) is not None))
    figures = Figures(
        units=len(ordered), reachable=sum(1 for r in ordered if r.reachable), checked=checked,
        counted=len(counted), at_or_above_threshold=at_or_above, few_posts_threshold=threshold, good_share=share,
        judgement=judgement, total_posts=total_posts, total_partial=bool(missing),
        not_carried_out=len(not_done), not_checked=len(not_checked))

    placeholders = {"quarter_roman": quarter.roman, "year": quarter.year, "quarter": quarter.number}
    notice_text = district.notice
    subject = fill(notice_text.subject, placeholders)
    header = Header(
        issuer_parent=text(district.issuer.parent),
        issuer_name=text(district.issuer.name),
        number_line=f"Số:{BLANK}{suffix}",
        subject_lines=[_keep_quarter(text(line)) for line in subject.splitlines() if text(line)],
        place_date=f"{text(district.issuer.place)}, ngày{BLANK}tháng {_month(run_date.month)} năm {run_date.year}",
        addressee=f"Kính gửi: {text(notice_text.addressee)}",
        draft=text(notice_text.draft_marker) if not_checked else "",
    )
    body = Body(
        references=[_reference_paragraph(ref, district) for ref in district.references],
        # The judgement is drawn from the units whose posts were counted; none counted: no judgement.
        judgement="" if judgement == "undecided" else text(fill(
            notice_text.judgement_good if good else notice_text.judgement_poor, placeholders)),
        shortcomings=text(fill(notice_text.shortcomings, placeholders)),
        lists=lists,
        closing=text(fill(notice_text.closing, placeholders)),
    )
    return Notice(
        quarter=str(quarter),
        run_date=run_date,
        title=f"{text(district.issuer.parent)} {text(district.issuer.name)} - {header.subject}",
        header=header,
        body=body,
        recipients=[f"- {text(r)}" for r in notice_text.recipients],
        signature=Signature(authority=text(district.signer.authority), title=text(district.signer.title),
                            name=text(district.signer.name)),
        appendix1=appendix1,
        appendix2=appendix2,
        figures=figures,
    )
