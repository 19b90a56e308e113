"""Configuration: TOML files validated by pydantic, with errors naming the file and the field.

``district.toml`` names the issuer, the signer, the dispatches and the units, and points at
``rules.toml`` (what each check looks for) and ``overrides.toml`` (staff corrections). A file may
``extends = "other.toml"`` to reuse another and change a few tables (``demo.toml`` does).
"""

from __future__ import annotations

import difflib
import re
import tomllib
import unicodedata
from datetime import date
from pathlib import Path
from typing import Annotated, Any, Literal, get_args, get_origin
from urllib.parse import urlsplit

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
    field_validator,
    model_validator,
)

from camthuy_audit.resources import default_config_dir


class ConfigError(Exception):
    """A configuration file is missing or wrong; the message names the file and the field."""

    def __init__(self, path: Path | str, problems: list[str]) -> None:
        self.path = Path(path)
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"Lỗi cấu hình trong {self.path}:\n{lines}")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_url(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ValueError(f"địa chỉ không hợp lệ: {value!r} (cần http:// hoặc https:// và tên máy)")
    return value if parts.path else value + "/"


# --- rules.toml ------------------------------------------------------------------------------


class MenuRequirement(_Strict):
    label: str
    synonyms: list[str] = Field(default_factory=list)

    @property
    def words(self) -> list[str]:
        return [self.label, *self.synonyms]


class SectionRule(_Strict):
    """Keywords that find a section's link (text, title, URL slug) on the portal."""

    keywords: list[str]
    exclude: list[str] = Field(default_factory=list)


_GENERIC_LABELS = ["văn bản", "chuyên mục", "thông tin", "tin tức", "tài liệu", "danh mục", "tiện ích", "chuyên đề",
                   "công khai", "dữ liệu", "thông báo", "hoạt động", "khác", "tuyên truyền", "sự kiện",
                   "thông tin tuyên truyền", "tin tức sự kiện", "tin tức - sự kiện", "văn bản - tài liệu"]
_EMPTY_PHRASES = ["chưa có dữ liệu", "không có dữ liệu", "chưa có bài viết", "không có bài viết", "chưa có bài",
                  "không có kết quả", "không tìm thấy", "đang cập nhật", "đang được cập nhật", "chưa có nội dung",
                  "không có nội dung", "chưa có tin", "không có tin", "chưa có văn bản", "không có văn bản",
                  "nothing found", "no posts", "no results", "no items"]


class SectionPages(_Strict):
    """How a section's page is recognised and read (``[section_pages]`` in rules.toml)."""

    # Labels that name no section by themselves ("Văn bản", "Chuyên mục"): a main-menu entry so
    # labelled is judged by the heading of its page, and while its page could not be read a
    # section that was not found stays "?".
    generic_labels: list[str] = Field(default_factory=lambda: list(_GENERIC_LABELS))
    # A page whose own text begins by saying it has nothing is empty ("o"), not a one-article section.
    empty_phrases: list[str] = Field(default_factory=lambda: list(_EMPTY_PHRASES))
    # A category that shows one article instead of a list needs at least this much text.
    min_article_chars: int = Field(200, ge=0)
    # A page heading longer than this (words) is an article's title, not a section's name.
    max_heading_words: int = Field(8, ge=1)


class Window(_Strict):
    start: date
    end: date

    @model_validator(mode="after")
    def _ordered(self) -> Window:
        if self.end < self.start:
            raise ValueError(f"end {self.end} trước start {self.start}")
        return self


CampaignTarget = Literal["banner", "category"]
_BOTH_TARGETS: tuple[CampaignTarget, ...] = ("banner", "category")


class Campaign(_Strict):
    """A campaign whose banners and categories belong online only inside its windows."""

    id: str
    name: str
    keywords: list[str]
    windows: list[Window] = Field(default_factory=list)
    # Yearly campaigns: the window repeats every year (month-day "MM-DD").
    yearly_start: str | None = None
    yearly_end: str | None = None
    applies_to: list[CampaignTarget] = Field(default_factory=lambda: list(_BOTH_TARGETS))
    # Numbered terms ("khóa XV") and the year each was elected: a title naming one refers to it.
    terms: dict[str, int] = Field(default_factory=dict)

    @field_validator("terms")
    @classmethod
    def _roman_terms(cls, values: dict[str, int]) -> dict[str, int]:
        bad = [k for k in values if not re.fullmatch(r"[IVXLC]{1,8}", k)]
        if bad:
            raise ValueError(f"terms: {', '.join(bad)} không phải số La Mã viết hoa (vd. \"XV\")")
        return values

    @field_validator("yearly_start", "yearly_end")
    @classmethod
    def _month_day(cls, value: str | None) -> str | None:
        if value is not None:
            month, _, day = value.partition("-")
            date(2024, int(month), int(day))  # raises ValueError on a bad day
        return value

    def windows_around(self, years: range) -> list[Window]:
        """The dated windows plus the yearly window instantiated for ``years``."""
        windows = list(self.windows)
        if self.yearly_start and self.yearly_end:
            for year in years:
                sm, sd = (int(x) for x in self.yearly_start.split("-"))
                em, ed = (int(x) for x in self.yearly_end.split("-"))
                windows.append(Window(start=date(year, sm, sd), end=date(year, em, ed)))
        return sorted(windows, key=lambda w: w.start)


class OversizeLimits(_Strict):
    side_max_width: int = 600      # a side-column banner wider than this takes over the page
    side_max_height: int = 900
    any_max_width: int = 1600
    any_max_height: int = 1200


class FeedbackRule(_Strict):
    keywords: list[str]
    url_keywords: list[str]


class CopyrightRule(_Strict):
    ownership: list[str]
    responsible: list[str]


class CheckSwitch(_Strict):
    enabled: bool = True


class RulesConfig(_Strict):
    few_posts_threshold: int = Field(ge=0)
    abbreviations: dict[str, str] = Field(default_factory=dict)
    main_menu: list[MenuRequirement]
    sections: dict[str, SectionRule]
    section_pages: SectionPages = Field(default_factory=SectionPages)
    feedback_banner: FeedbackRule
    copyright: CopyrightRule
    campaigns: list[Campaign] = Field(default_factory=list)
    oversize: OversizeLimits = Field(default_factory=OversizeLimits)
    checks: dict[str, CheckSwitch] = Field(default_factory=dict)

    def enabled(self, check_id: str) -> bool:
        switch = self.checks.get(check_id)
        return switch is None or switch.enabled


# --- overrides.toml --------------------------------------------------------------------------


_QUARTER_TEXT = re.compile(r"^\d{4}-Q[1-4]$")
_WHY_QUARTER = ("thiếu 'quarter': mỗi điều chỉnh chỉ áp dụng cho quý đã ghi (vd. quarter = \"2023-Q1\"), vì cổng "
                "thông tin thay đổi từ quý này sang quý khác; thêm 'until' nếu muốn áp dụng đến một quý sau")


def _quarter_text(value: str) -> str:
    if not _QUARTER_TEXT.match(value):
        raise ValueError(f"quý không hợp lệ: {value!r} (cần dạng \"2023-Q1\")")
    return value


def _quarter_key(value: str) -> tuple[int, int]:
    year, number = value.split("-Q")
    return int(year), int(number)


NonBlank = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]


class Override(_Strict):
    """A staff correction of one verdict, for one quarter (or from ``quarter`` to ``until``)."""

    unit: str
    check: str
    quarter: str
    until: str | None = None
    mark: Literal["x", "o", "?"] | None = None
    posts: int | None = Field(default=None, ge=0)
    reason: NonBlank
    by: NonBlank

    @model_validator(mode="before")
    @classmethod
    def _has_quarter(cls, data: Any) -> Any:
        if isinstance(data, dict) and "quarter" not in data:
            raise ValueError(_WHY_QUARTER)
        return data

    _quarters = field_validator("quarter", "until")(classmethod(
        lambda cls, v: v if v is None else _quarter_text(v)))

    @model_validator(mode="after")
    def _ordered(self) -> Override:
        if self.until is not None and _quarter_key(self.until) < _quarter_key(self.quarter):
            raise ValueError(f"until {self.until} trước quarter {self.quarter}")
        return self

    def applies_to(self, quarter: str) -> bool:
        """Whether this correction is for ``quarter`` ("2023-Q1")."""
        last = self.until or self.quarter
        return _quarter_key(self.quarter) <= _quarter_key(quarter) <= _quarter_key(last)


class Exclusion(_Strict):
    """A unit left out of one quarter's notice (merged, closed, audited otherwise), with the reason."""

    unit: str
    quarter: str
    reason: NonBlank
    by: NonBlank

    _quarter = field_validator("quarter")(classmethod(lambda cls, v: _quarter_text(v)))


class OverridesFile(_Strict):
    overrides: list[Override] = Field(default_factory=list)
    exclusions: list[Exclusion] = Field(default_factory=list)


# --- district.toml ---------------------------------------------------------------------------


class Issuer(_Strict):
    parent: str
    name: str
    short: str
    office: str
    number_suffix: str
    place: str


class Signer(_Strict):
    authority: str
    title: str
    name: str


class NoticeText(_Strict):
    subject: str
    addressee: str
    recipients: list[str]
    judgement_good: str
    judgement_poor: str
    judgement_good_share: float = Field(ge=0, le=1)
    shortcomings: str
    closing: str
    # The notice is dated in this month after the end of the audited quarter (1: the month after,
    # as the seed's Q1 notice is dated April); `--date` overrides it.
    issue_month_after_quarter: int = Field(1, ge=0, le=12)
    # Shown at the top of the notice while some units could not be checked (empty: never).
    draft_marker: str = "DỰ THẢO"
    # How the letter names the audited units together ("UBND các xã, thị trấn có số tin bài ít ...",
    # "Các xã, thị trấn chưa thực hiện ...") and their level ("Trang/Cổng thông tin điện tử cấp xã").
    # After the 2025 reform: "các xã, phường" (and "đặc khu" where there is one).
    units_plural: NonBlank = "các xã, thị trấn"
    unit_level: NonBlank = "cấp xã"


class Reference(_Strict):
    number: str
    date: date
    summary: str
    main: bool = False


def _default_cache_dir() -> str:
    """The user's cache folder ($XDG_CACHE_HOME or ~/.cache), never the clerk's working directory."""
    import os

    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "camthuy-audit", "http")


class CrawlSettings(_Strict):
    """Politeness, timeouts and limits of every request (``[crawl]`` in district.toml).

    The defaults suit small, slow government servers. A dead portal is decided within 90 s: one
    page — its attempts, backoff waits, redirects and the robots.txt read it needed — never takes
    longer than ``request_deadline`` (80 s), and a portal whose home page fails is not probed further.
    """

    user_agent: str = "camthuy-audit/0.1 (+portal compliance audit for a district Culture and Information office)"
    # Timeouts, in seconds.
    connect_timeout: float = Field(10.0, gt=0)
    read_timeout: float = Field(20.0, gt=0)        # silence allowed between two pieces of a response
    page_timeout: float = Field(30.0, gt=0)        # one attempt at one page in total: a trickle is cut
    request_deadline: float = Field(80.0, gt=0)    # one page with every attempt, wait and redirect
    portal_budget: float = Field(600.0, gt=0)      # one portal; pages not read by then make counts unknown
    max_portals: int = Field(50, ge=1)             # portals audited at the same time (their budgets start then)
    # Retries: connection errors, timeouts without an answer, 429 and 5xx.
    attempts: int = Field(3, ge=1, le=10)
    backoff: float = Field(1.0, ge=0)              # first wait; doubles each attempt, plus up to 50 % jitter
    max_retry_after: float = Field(30.0, ge=0)     # a server asking to wait longer is not retried
    # Politeness.
    per_host_concurrency: int = Field(2, ge=1, le=32)
    min_delay: float = Field(0.2, ge=0)            # between the starts of two requests to one host
    max_crawl_delay: float = Field(5.0, ge=0)      # robots.txt Crawl-delay is honoured up to this
    total_concurrency: int = Field(64, ge=1, le=4096)  # requests in flight across all hosts
    # Limits.
    max_pages: int = Field(1000, ge=1)             # per portal
    max_bytes: int = Field(5_000_000, ge=10_000)   # per response, counted after decompression
    # Banner images: only their first bytes are read — their size, and a thumbnail in the staff
    # report when the whole image fits.
    max_image_bytes: int = Field(65_536, ge=1024)
    max_redirects: int = Field(5, ge=0, le=20)
    # Conditional requests (ETag / Last-Modified) on re-runs.
    http_cache: bool = True
    cache_dir: str = Field(default_factory=lambda: _default_cache_dir())  # "~" and relative paths allowed
    # Pages are parsed in worker processes (one per CPU) when an audit has 8 portals or more, so that
    # a province's audit is not bound by one core; 1: always in a thread of the audit's own process.
    parse_processes: int = Field(0, ge=0, le=64)

    @field_validator("user_agent")
    @classmethod
    def _ascii_agent(cls, value: str) -> str:
        if not value.isascii() or not value.isprintable():
            raise ValueError("user_agent phải là chữ ASCII không dấu (tiêu đề HTTP)")
        return value

    @model_validator(mode="after")
    def _coherent(self) -> CrawlSettings:
        if self.page_timeout < self.connect_timeout:
            raise ValueError("page_timeout phải lớn hơn hoặc bằng connect_timeout")
        if self.request_deadline < self.page_timeout:
            raise ValueError("request_deadline phải lớn hơn hoặc bằng page_timeout")
        return self


class HistorySettings(_Strict):
    """Where every run is remembered (``[history]`` in district.toml)."""

    # The SQLite history file, relative to the working directory (like the reports folder).
    store: str = "var/history.sqlite"


class ScheduleSettings(_Strict):
    """When ``camthuy-audit schedule`` runs the audit (``[schedule]`` in district.toml)."""

    # Crontab fields (minute hour day month weekday): by default 07:00 on the 5th of January,
    # April, July and October — each time the quarter that just ended is audited.
    cron: str = "0 7 5 1,4,7,10 *"
    timezone: str = "Asia/Ho_Chi_Minh"
    # A run missed by up to this much (the office PC was off) still runs when the scheduler starts.
    misfire_grace_hours: float = Field(24 * 30, gt=0)
    # Units left with a "?" are audited again this many days after the quarterly run (0: never).
    recheck_after_days: float = Field(3, ge=0)

    @field_validator("cron")
    @classmethod
    def _cron(cls, value: str) -> str:
        from apscheduler.triggers.cron import CronTrigger

        try:
            CronTrigger.from_crontab(value)
        except ValueError as exc:
            raise ValueError(f"lịch cron không hợp lệ {value!r} (5 trường: phút giờ ngày tháng thứ): {exc}") from None
        return value

    @field_validator("timezone")
    @classmethod
    def _timezone(cls, value: str) -> str:
        from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"múi giờ không có: {value!r} (vd. \"Asia/Ho_Chi_Minh\")") from None
        return value


# Names Windows refuses as file names, whatever the extension.
_RESERVED_FILE_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                                  *(f"lpt{i}" for i in range(1, 10))})


def file_stem(text: str, fallback: str = "unit") -> str:
    """A safe file-name stem from any text (a unit name from config or a portal): ASCII, no path."""
    folded = unicodedata.normalize("NFKD", text.replace("đ", "d").replace("Đ", "D"))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    stem = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")[:64].strip("-")
    if not stem or stem in _RESERVED_FILE_NAMES:
        return fallback
    return stem


class Unit(_Strict):
    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]{0,63}$")  # also a file-name stem: keep it this strict
    name: str = Field(min_length=1)
    url: str
    aliases: list[str] = Field(default_factory=list)
    # A supervising office auditing its own units may skip their robots.txt: logged and reported.
    ignore_robots: bool = False
    # A portal with a broken certificate chain: its certificate is not verified (logged and reported).
    insecure_tls: bool = False

    _url = field_validator("url")(classmethod(lambda cls, v: _check_url(v)))

    @field_validator("id")
    @classmethod
    def _not_a_device_name(cls, value: str) -> str:
        if value in _RESERVED_FILE_NAMES:
            raise ValueError(f"id {value!r} là tên thiết bị dành riêng, không dùng làm tên tệp được")
        return value

    @field_validator("aliases")
    @classmethod
    def _aliases(cls, values: list[str]) -> list[str]:
        return [_check_url(v) for v in values]

    @property
    def hosts(self) -> list[str]:
        return [urlsplit(u).hostname or "" for u in [self.url, *self.aliases]]


class DistrictFile(_Strict):
    """The district file as written (before rules and overrides are loaded)."""

    extends: str | None = None
    rules: str = "rules.toml"
    overrides: str = "overrides.toml"
    issuer: Issuer
    signer: Signer
    notice: NoticeText
    references: list[Reference] = Field(min_length=1)
    crawl: CrawlSettings = Field(default_factory=CrawlSettings)
    history: HistorySettings = Field(default_factory=HistorySettings)
    schedule: ScheduleSettings = Field(default_factory=ScheduleSettings)
    resolve: dict[str, str] = Field(default_factory=dict)
    units: list[Unit] = Field(min_length=1)

    @property
    def unit_hosts(self) -> set[str]:
        return {host for unit in self.units for host in unit.hosts}

    @property
    def main_reference(self) -> Reference:
        """The dispatch the checks come from (``main = true``; the first reference otherwise)."""
        return next((r for r in self.references if r.main), self.references[0])

    @property
    def dispatch_title(self) -> str:
        """ "Công văn số 155/UBND-VHTT ngày 01/02/2023 của UBND huyện" — how texts name the dispatch."""
        ref = self.main_reference
        return f"Công văn số {ref.number} ngày {ref.date:%d/%m/%Y} của {self.issuer.short}"


class Config(BaseModel):
    """Everything one audit needs, loaded from one district file."""

    model_config = ConfigDict(frozen=True)

    path: Path | None
    district: DistrictFile | None
    rules: RulesConfig
    overrides: list[Override] = Field(default_factory=list)
    exclusions: list[Exclusion] = Field(default_factory=list)

    def overrides_for(self, quarter: str) -> list[Override]:
        return [o for o in self.overrides if o.applies_to(quarter)]

    @property
    def dispatch_title(self) -> str:
        """How texts name the dispatch the checks come from (generic without a district file)."""
        return self.district.dispatch_title if self.district else "Công văn của cơ quan chủ quản"

    @property
    def dispatch_number(self) -> str:
        """ "155/UBND-VHTT", or "" without a district file."""
        return self.district.main_reference.number if self.district else ""

    def exclusion(self, unit_id: str, quarter: str) -> Exclusion | None:
        return next((e for e in self.exclusions if e.unit == unit_id and e.quarter == quarter), None)

    @property
    def units(self) -> list[Unit]:
        return self.district.units if self.district else []

    @property
    def crawl(self) -> CrawlSettings:
        return self.district.crawl if self.district else CrawlSettings()

    @property
    def resolve(self) -> dict[str, str]:
        return self.district.resolve if self.district else {}

    def find_unit(self, unit_id: str) -> Unit | None:
        return next((u for u in self.units if u.id == unit_id), None)


# --- loading ---------------------------------------------------------------------------------


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(path, ["không tìm thấy tệp"]) from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(path, [f"TOML không hợp lệ: {exc}"]) from None


def _inner_model(annotation: Any) -> tuple[type[BaseModel] | None, bool]:
    """The model inside an annotation (``list[Unit]`` -> Unit), and whether it sits in a dict."""
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return annotation, False
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is dict and len(args) == 2:
        return _inner_model(args[1])[0], True
    for arg in args:
        found, in_dict = _inner_model(arg)
        if found is not None:
            return found, in_dict
    return None, False


def _model_at(model: type[BaseModel] | None, loc: tuple[Any, ...]) -> type[BaseModel] | None:
    """The model whose key sits at ``loc`` (``("units", 1)`` -> Unit), or None."""
    current, dict_key_next = model, False
    for part in loc:
        if current is None:
            return None
        if isinstance(part, int):
            continue
        if dict_key_next:
            dict_key_next = False
            continue
        field = current.model_fields.get(str(part))
        if field is None:
            return None
        current, dict_key_next = _inner_model(field.annotation)
    return current


def _where(loc: tuple[Any, ...], data: Any) -> str:
    """``units[2] (id = "camgiang").name``: list items counted from 1, as a clerk counts [[units]] blocks."""
    text, node = "", data
    for part in loc:
        if isinstance(part, int):
            text += f"[{part + 1}]"
            node = node[part] if isinstance(node, list) and 0 <= part < len(node) else None
            if isinstance(node, dict) and isinstance(node.get("id"), str):
                text += f' (id = "{node["id"]}")'
        else:
            text += f".{part}" if text else str(part)
            node = node.get(part) if isinstance(node, dict) else None
    return text or "(tệp)"


# pydantic's error types, said in Vietnamese ({placeholders} come from the error's context).
_MESSAGES_VI = {
    "missing": "thiếu khóa bắt buộc",
    "string_type": "phải là chuỗi chữ (trong dấu ngoặc kép)",
    "int_type": "phải là số nguyên",
    "int_parsing": "phải là số nguyên",
    "int_from_float": "phải là số nguyên",
    "float_type": "phải là số",
    "float_parsing": "phải là số",
    "bool_type": "phải là true hoặc false",
    "bool_parsing": "phải là true hoặc false",
    "list_type": "phải là danh sách [...]",
    "dict_type": "phải là một bảng",
    "model_type": "phải là một bảng",
    "model_attributes_type": "phải là một bảng",
    "date_type": "phải là ngày dạng 2023-02-01",
    "date_parsing": "phải là ngày dạng 2023-02-01",
    "date_from_datetime_parsing": "phải là ngày dạng 2023-02-01",
    "greater_than": "phải lớn hơn {gt}",
    "greater_than_equal": "phải lớn hơn hoặc bằng {ge}",
    "less_than": "phải nhỏ hơn {lt}",
    "less_than_equal": "phải nhỏ hơn hoặc bằng {le}",
    "string_too_short": "không được để trống",
    "too_short": "cần ít nhất {min_length} mục",
    "string_too_long": "dài quá {max_length} ký tự",
    "string_pattern_mismatch": "không đúng dạng (chỉ chữ thường không dấu, số, - và _)",
    "literal_error": "phải là một trong: {expected}",
    "enum": "phải là một trong: {expected}",
}


def _message(error: Any) -> str:
    """One pydantic error in Vietnamese (our own ValueError messages are Vietnamese already)."""
    kind = error["type"]
    if kind in ("value_error", "assertion_error"):
        return str(error["msg"]).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    template = _MESSAGES_VI.get(kind)
    if template is None:
        return f"giá trị không hợp lệ ({kind})"
    context = {k: v for k, v in (error.get("ctx") or {}).items()}
    try:
        return template.format(**context)
    except (KeyError, IndexError):
        return template.split("{")[0].rstrip(" :")


def _problems(exc: ValidationError, model: type[BaseModel] | None = None, data: Any = None) -> list[str]:
    """One line per problem, naming the key; a misspelled key says which key was meant."""
    return [problem for _, problem in _located(exc, model, data)]


def _located(exc: ValidationError, model: type[BaseModel] | None, data: Any) -> list[tuple[tuple[Any, ...], str]]:
    """The problems of :func:`_problems`, each with where it is (to blame the file that holds it)."""
    errors = exc.errors()
    meant: dict[tuple[Any, ...], str] = {}   # location of a misspelled key -> the key it should be
    for error in errors:
        loc = tuple(error["loc"])
        parent = _model_at(model, loc[:-1]) if loc else None
        if error["type"] == "extra_forbidden" and parent is not None:
            close = difflib.get_close_matches(str(loc[-1]), list(parent.model_fields), n=1, cutoff=0.6)
            if close:
                meant[loc] = close[0]
    explained = {(*loc[:-1], key) for loc, key in meant.items()}
    problems = []
    for error in errors:
        loc = tuple(error["loc"])
        if error["type"] == "missing" and loc in explained:
            continue  # said with the misspelled key
        message = _message(error)
        if error["type"] == "extra_forbidden":
            message = "khóa không được hỗ trợ (viết sai tên?)"
            if loc in meant:
                message = f"khóa không được hỗ trợ — có phải “{meant[loc]}”?"
        problems.append((loc, f"{_where(loc, data)}: {message}"))
    return problems


def district_consistency(data: Any) -> list[tuple[tuple[Any, ...], str]]:
    """What a district file must satisfy as a whole, checked on the data as written, so that it is
    reported together with every other mistake: unique unit ids, one main reference, [resolve]
    entries of the form HOST:PORT (port 1–65535) for hosts of the units."""
    found: list[tuple[tuple[Any, ...], str]] = []
    if not isinstance(data, dict):
        return found
    raw_units = data.get("units")
    units: list[Any] = raw_units if isinstance(raw_units, list) else []
    first: dict[str, int] = {}
    hosts: set[str] = set()
    for index, unit in enumerate(units):
        if not isinstance(unit, dict):
            continue
        unit_id = unit.get("id")
        if isinstance(unit_id, str):
            if unit_id in first:
                found.append((("units", index, "id"), f"mã đơn vị {unit_id!r} trùng với units[{first[unit_id] + 1}]"))
            first.setdefault(unit_id, index)
        for url in [unit.get("url"), *(unit.get("aliases") or [])]:
            if isinstance(url, str) and (host := urlsplit(url).hostname):
                hosts.add(host.lower())
    references = data.get("references")
    if isinstance(references, list) and references:
        mains = sum(1 for r in references if isinstance(r, dict) and r.get("main") is True)
        if mains != 1:
            found.append((("references",), f"cần đúng một công văn có main = true (đang có {mains})"))
    resolve = data.get("resolve")
    if isinstance(resolve, dict):
        for host, target in resolve.items():
            loc = ("resolve", host)
            address, _, port = str(target).rpartition(":")
            if not isinstance(target, str) or not address or not port.isdigit():
                found.append((loc, f"{target!r} không có dạng ĐỊA_CHỈ:CỔNG (vd. \"127.0.0.1:18101\")"))
            elif not 1 <= int(port) <= 65535:
                found.append((loc, f"cổng {port} ngoài khoảng 1–65535"))
            if units and host.lower() not in hosts:
                found.append((loc, f"{host!r} không phải tên máy của đơn vị nào (url hoặc aliases trong [[units]])"))
    return found


def _merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    merged = dict(base)
    for key, value in top.items():
        if isinstance(value, dict) and isinstance(merged.get(key), dict):
            merged[key] = _merge(merged[key], value)
        else:
            merged[key] = value
    return merged


Origins = dict[tuple[str, ...], Path]   # (key,) or (table, key) -> the file that wrote it


def _origins_of(data: dict[str, Any], path: Path) -> Origins:
    origins: Origins = {}
    for key, value in data.items():
        origins[(key,)] = path
        if isinstance(value, dict):
            for sub in value:
                origins[(key, sub)] = path
    return origins


def _read_layers(path: Path, seen: tuple[Path, ...] = ()) -> tuple[dict[str, Any], Origins]:
    """The district file merged over the files it extends, and which file wrote each key."""
    data = _read_toml(path)
    parent = data.get("extends")
    if parent is None:
        return data, _origins_of(data, path)
    parent_path = (path.parent / str(parent)).resolve()
    if parent_path in seen:
        raise ConfigError(path, [f"extends: vòng lặp qua {parent_path}"])
    base, origins = _read_layers(parent_path, (*seen, path.resolve()))
    base.pop("extends", None)
    # Files the base names are relative to the base, not to the file that extends it.
    for key in ("rules", "overrides"):
        if isinstance(base.get(key), str) and key not in data:
            base[key] = str((parent_path.parent / base[key]).resolve())
    mine = _origins_of(data, path)
    # A list (units) or a plain value replaces the base's; a table merges key by key.
    for key, value in data.items():
        if not isinstance(value, dict):
            origins = {k: v for k, v in origins.items() if k[0] != key}
    origins.update(mine)
    return _merge(base, data), origins


def _blame(path: Path, origins: Origins, located: list[tuple[tuple[Any, ...], str]]) -> list[ConfigError]:
    """Problems grouped by the file that holds the mistake (a file extending another one included)."""
    by_file: dict[Path, list[str]] = {}
    for loc, problem in located:
        keys = tuple(str(part) for part in loc[:2])
        where = origins.get(keys) or origins.get(keys[:1]) or path
        by_file.setdefault(where, []).append(problem)
    return [ConfigError(file, problems) for file, problems in by_file.items()]


def _check_ids() -> list[str]:
    from camthuy_audit.rules import RULES  # lazy: the rules import this module

    return [rule.meta.id for rule in RULES]


def load_rules(path: Path) -> RulesConfig:
    data = _read_toml(path)
    try:
        rules = RulesConfig.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(path, _problems(exc, RulesConfig, data)) from None
    known = _check_ids()
    problems = [f"checks.{check_id}: không có kiểm tra {check_id!r} (có: {', '.join(known)})"
                for check_id in rules.checks if check_id not in known]
    if problems:
        raise ConfigError(path, problems)
    return rules


def load_overrides(path: Path, units: list[Unit]) -> OverridesFile:
    return _load_overrides(path, {u.id for u in units})


def _load_overrides(path: Path, known: set[str] | None) -> OverridesFile:
    """The overrides and exclusions; ``known``: the unit ids they may name (None: not checked)."""
    if not path.exists():
        return OverridesFile()
    data = _read_toml(path)
    try:
        loaded = OverridesFile.model_validate(data)
    except ValidationError as exc:
        raise ConfigError(path, _problems(exc, OverridesFile, data)) from None
    overrides = loaded.overrides
    checks = _check_ids()
    problems = []
    for i, o in enumerate(overrides):
        if known is not None and o.unit not in known:
            problems.append(f"overrides[{i + 1}].unit: không có đơn vị {o.unit!r}")
        if o.check not in checks:
            problems.append(f"overrides[{i + 1}].check: không có kiểm tra {o.check!r} (có: {', '.join(checks)})")
        elif o.posts is not None and o.check != "posts_in_quarter":
            problems.append(f"overrides[{i + 1}].posts: chỉ dùng cho kiểm tra 'posts_in_quarter'")
        if o.mark is None and o.posts is None:
            problems.append(f"overrides[{i + 1}]: cần 'mark' hoặc 'posts'")
    for i, e in enumerate(loaded.exclusions):
        if known is not None and e.unit not in known:
            problems.append(f"exclusions[{i + 1}].unit: không có đơn vị {e.unit!r}")
    if problems:
        raise ConfigError(path, problems)
    return loaded


def _district(path: Path) -> tuple[DistrictFile | None, dict[str, Any], list[ConfigError]]:
    """The district file (None when it has mistakes), its merged data, and every mistake by file."""
    data, origins = _read_layers(path)
    located = [(loc, f"{_where(loc, data)}: {message}") for loc, message in district_consistency(data)]
    district = None
    try:
        district = DistrictFile.model_validate(data)
    except ValidationError as exc:
        located = _located(exc, DistrictFile, data) + located
    return (district if not located else None), data, _blame(path, origins, located)


def load_district(path: Path | str) -> DistrictFile:
    path = Path(path)
    district, _, errors = _district(path)
    if errors:
        first, *others = errors
        raise ConfigError(first.path, [*first.problems,
                                       *(f"(trong {e.path}) {p}" for e in others for p in e.problems)])
    assert district is not None
    return district


def load_config(path: Path | str) -> Config:
    """Load a district file with the rules and overrides it names (relative to it)."""
    path = Path(path)
    district = load_district(path)
    rules = load_rules(path.parent / district.rules)
    corrections = load_overrides(path.parent / district.overrides, district.units)
    return Config(path=path, district=district, rules=rules, overrides=corrections.overrides,
                  exclusions=corrections.exclusions)


def config_problems(path: Path | str) -> list[ConfigError]:
    """Every problem of a district file and of the rules and overrides files it names, all at once
    (``camthuy-audit config check``); an empty list when the configuration loads."""
    path = Path(path)
    errors: list[ConfigError] = []
    data: dict[str, Any] = {}
    district: DistrictFile | None = None
    try:
        district, data, errors = _district(path)
    except ConfigError as exc:
        errors.append(exc)
    rules_name = data.get("rules") if isinstance(data.get("rules"), str) else "rules.toml"
    overrides_name = data.get("overrides") if isinstance(data.get("overrides"), str) else "overrides.toml"
    try:
        load_rules(path.parent / str(rules_name))
    except ConfigError as exc:
        errors.append(exc)
    if district is not None:
        known: set[str] | None = {u.id for u in district.units}
    else:
        raw_units = data.get("units")
        known = ({str(u["id"]) for u in raw_units if isinstance(u, dict) and "id" in u}
                 if isinstance(raw_units, list) else None)
    try:
        _load_overrides(path.parent / str(overrides_name), known)
    except ConfigError as exc:
        errors.append(exc)
    return errors


def default_rules_path() -> Path:
    """``config/rules.toml`` of the working directory if present, else the one shipped."""
    local = Path("config/rules.toml")
    return local if local.is_file() else default_config_dir() / "rules.toml"


def rules_only_config() -> Config:
    """The configuration ``check URL`` uses without a district: the default rules alone."""
    return Config(path=None, district=None, rules=load_rules(default_rules_path()))
