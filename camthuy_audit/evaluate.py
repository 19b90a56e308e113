"""Accuracy on labelled portals: audit every portal of an answers file and compare with its labels.

The answers file (format in ``docs/answer-key.md``) says what a careful person found on some portals.
``url`` may be relative to the answers file's folder: the set is then a folder of saved pages per
portal, which :class:`SavedSite` serves on a free loopback port, one server per portal so that each
portal keeps a host of its own.

Mapping of a request to a saved file (first that exists, under the portal's folder):

* ``/x/``          -> ``x/index.html``, ``x/index.xml``
* ``/x``           -> ``x``, ``x.html``, ``x/index.html``, ``x/index.xml``
* ``/x?QUERY``     -> ``x/__q/QUERY.html`` (``/?QUERY`` -> ``__q/QUERY.html``; "/" in QUERY as ``%2F``)
* ``_redirects``   -> lines ``FROM TO [STATUS]`` (``FROM`` a path with its query) answered first
* otherwise 404, with ``_404.html`` as the body when the portal saved its error page; paths with a
  segment starting with "_" are never served.

Content types come from the file extension; HTML is sent as ``text/html`` without a charset (the
pages declare theirs, as saved pages do). When a portal entry names the ``origin`` its pages were
saved from, that origin in HTML, XML and text files is answered as the loopback address (what web
archive replay does), so pages keep their absolute links.

Beyond the bare format, a portal entry may carry ``origin``, ``name`` (shown in the results) and
``notes`` (why each label, for reviewers). The rules are ``rules.toml`` beside the answers file when
there is one, else the default rules (``rules_only_config``).

The output: one row per disagreement, then a summary whose last line is
``agreement: A/B checks, posts exact: P/Q, unknown: U``. Marks are scored for every Appendix 1
check present in ``expected`` and for ``stale_banner``, ``stale_category``, ``oversized_banner``
(true = the check found something); ``posts_in_quarter`` is scored apart. U counts scored marks
that came back "?" and post counts that came back null.
"""

from __future__ import annotations

import asyncio
import json
import mimetypes
import sys
import threading
from collections.abc import Iterator
from contextlib import ExitStack, contextmanager
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Literal, TextIO
from urllib.parse import unquote, urlsplit

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator, model_validator

from camthuy_audit.config import Config, ConfigError, load_rules, rules_only_config
from camthuy_audit.models import Mark, UnitResult
from camthuy_audit.quarter import Quarter
from camthuy_audit.rules import APPENDIX1_IDS

EXIT_OK, EXIT_FAILED, EXIT_BAD_INPUT = 0, 1, 2
RULES_BESIDE_ANSWERS = "rules.toml"
FINDING_CHECKS = {"stale_banner": "stale_banners", "stale_category": "stale_categories",
                  "oversized_banner": "oversized_banners"}
_MAX_DETAIL = 400


# --- the answers file ------------------------------------------------------------------------


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Expected(_Strict):
    """What a careful person found; only the keys present are scored."""

    appendix1: dict[str, Mark] = Field(default_factory=dict)
    posts_in_quarter: int | None = Field(default=None, ge=0)
    stale_banner: bool | None = None
    stale_category: bool | None = None
    oversized_banner: bool | None = None

    @field_validator("appendix1")
    @classmethod
    def _known_checks(cls, marks: dict[str, Mark]) -> dict[str, Mark]:
        unknown = [c for c in marks if c not in APPENDIX1_IDS]
        if unknown:
            raise ValueError(f"không có kiểm tra {', '.join(map(repr, unknown))} (có: {', '.join(APPENDIX1_IDS)})")
        return marks

    def scores_posts(self) -> bool:
        return "posts_in_quarter" in self.model_fields_set


class PortalAnswer(_Strict):
    id: str = Field(min_length=1)
    url: str = Field(min_length=1)
    origin: str | None = None       # the address the saved pages come from (answered as loopback)
    name: str | None = None
    expected: Expected
    notes: dict[str, str] = Field(default_factory=dict)   # why each label, for reviewers

    @field_validator("origin")
    @classmethod
    def _origin(cls, value: str | None) -> str | None:
        if value is None:
            return None
        parts = urlsplit(value)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"origin không hợp lệ: {value!r} (cần dạng https://tên-máy)")
        return f"{parts.scheme}://{parts.netloc}"

    @property
    def is_relative(self) -> bool:
        return not self.url.startswith(("http://", "https://"))


class AnswersFile(_Strict):
    quarter: str
    portals: list[PortalAnswer] = Field(min_length=1)

    @field_validator("quarter")
    @classmethod
    def _quarter(cls, value: str) -> str:
        return str(Quarter.parse(value))

    @model_validator(mode="after")
    def _unique_ids(self) -> AnswersFile:
        ids = [p.id for p in self.portals]
        twice = sorted({i for i in ids if ids.count(i) > 1})
        if twice:
            raise ValueError(f"portals: id {', '.join(map(repr, twice))} xuất hiện hai lần")
        return self


class AnswersError(Exception):
    """The answers file cannot be used; the message names the file and the field."""

    def __init__(self, path: Path, problems: list[str]) -> None:
        self.path = path
        self.problems = problems
        lines = "\n".join(f"  - {p}" for p in problems)
        super().__init__(f"Lỗi trong tệp đáp án {path}:\n{lines}")


def _field(loc: tuple[int | str, ...]) -> str:
    text = ""
    for part in loc:
        text += f"[{part}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or "(tệp)"


def load_answers(path: Path) -> AnswersFile:
    """The answers file, validated; relative portal folders must exist beside it."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise AnswersError(path, ["không tìm thấy tệp"]) from None
    except (OSError, UnicodeDecodeError) as exc:
        raise AnswersError(path, [f"không đọc được tệp: {exc}"]) from None
    except json.JSONDecodeError as exc:
        raise AnswersError(path, [f"JSON không hợp lệ ở dòng {exc.lineno}, cột {exc.colno}: {exc.msg}"]) from None
    try:
        answers = AnswersFile.model_validate(data)
    except ValidationError as exc:
        problems = []
        for error in exc.errors():
            message = error["msg"].removeprefix("Value error, ")
            if error["type"] == "extra_forbidden":
                message = "khóa không được hỗ trợ (viết sai tên?)"
            elif error["type"] == "missing":
                message = "thiếu khóa bắt buộc"
            problems.append(f"{_field(tuple(error['loc']))}: {message}")
        raise AnswersError(path, problems) from None
    problems = [f"portals[{i}].url: không có thư mục {portal_folder(path, p)} (url tương đối là tên một thư mục "
                "trang đã lưu nằm cạnh tệp đáp án)"
                for i, p in enumerate(answers.portals)
                if p.is_relative and (not _relative_parts(p.url) or _relative_parts(p.url)[0] == ".."
                                      or not portal_folder(path, p).is_dir())]
    if problems:
        raise AnswersError(path, problems)
    return answers


def _relative_parts(url: str) -> list[str]:
    return [part for part in url.split("/") if part not in ("", ".")]


def portal_folder(answers_path: Path, portal: PortalAnswer) -> Path:
    """The saved-pages folder of a relative ``url``: its first path segment, beside the answers file."""
    parts = _relative_parts(portal.url)
    return answers_path.parent / (parts[0] if parts else "")


def start_path(portal: PortalAnswer) -> str:
    """The path audited inside the portal folder ("site-1/web/trang-chu" -> "/web/trang-chu")."""
    parts = _relative_parts(portal.url)[1:]
    return "/" + "/".join(parts) + ("/" if parts and portal.url.endswith("/") else "")


# --- serving a folder of saved pages ---------------------------------------------------------

_TEXT_TYPES = {".html": "text/html", ".htm": "text/html", ".xml": "application/xml",
               ".rss": "application/rss+xml", ".txt": "text/plain; charset=utf-8",
               ".css": "text/css", ".js": "application/javascript", ".json": "application/json"}


def _content_type(path: Path) -> str:
    suffix = path.suffix.lower()
    if suffix in _TEXT_TYPES:
        return _TEXT_TYPES[suffix]
    return mimetypes.guess_type(path.name)[0] or "application/octet-stream"


def _read_redirects(root: Path) -> dict[str, tuple[str, int]]:
    table: dict[str, tuple[str, int]] = {}
    file = root / "_redirects"
    if file.is_file():
        for line in file.read_text(encoding="utf-8").splitlines():
            parts = line.split()
            if len(parts) >= 2 and not parts[0].startswith("#"):
                table[parts[0]] = (parts[1], int(parts[2]) if len(parts) > 2 else 301)
    return table


def saved_file(root: Path, path: str, query: str) -> Path | None:
    """The saved file answering ``path?query`` under ``root`` (see the module docstring), or None."""
    parts = [unquote(p) for p in path.split("/") if p]
    if any(p in ("..", ".") or p.startswith("_") or "\\" in p for p in parts):
        return None
    base = root.joinpath(*parts)
    if query:
        candidates = [base / "__q" / (query.replace("/", "%2F") + ".html")]
    elif path.endswith("/") or not parts:
        candidates = [base / "index.html", base / "index.xml"]
    else:
        candidates = [base, base.with_name(base.name + ".html"), base / "index.html", base / "index.xml"]
    return next((c for c in candidates if c.is_file()), None)


class SavedSite:
    """A folder of saved pages served on ``127.0.0.1:<free port>`` in a background thread."""

    def __init__(self, root: Path, origin: str | None = None) -> None:
        self.root = root.resolve()
        self.origin = origin
        self.redirects = _read_redirects(self.root)
        self._server: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    @property
    def address(self) -> str:
        assert self._server is not None, "SavedSite not started"
        return f"http://127.0.0.1:{self._server.server_address[1]}"

    def start(self) -> SavedSite:
        site = self

        class Handler(_SavedPageHandler):
            saved = site

        self._server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, name=f"saved-site {self.root.name}",
                                        daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
        self._server = self._thread = None

    def __enter__(self) -> SavedSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def rewrite(self, body: bytes) -> bytes:
        """The saved origin replaced by the loopback address (absolute links keep working)."""
        if not self.origin:
            return body
        host = urlsplit(self.origin).netloc.encode("ascii")
        here = self.address.encode("ascii")
        for scheme in (b"https://", b"http://"):
            body = body.replace(scheme + host, here)
            body = body.replace(scheme.replace(b"/", b"\\/") + host, here.replace(b"/", b"\\/"))
        return body.replace(b"//" + host, b"//" + here.removeprefix(b"http://"))


class _SavedPageHandler(BaseHTTPRequestHandler):
    saved: SavedSite
    server_version = "saved-pages/1"
    disable_nagle_algorithm = True   # headers and body go out as separate writes: no 40 ms stalls

    def do_GET(self) -> None:
        self._answer(with_body=True)

    def do_HEAD(self) -> None:
        self._answer(with_body=False)

    def log_message(self, format: str, *args: object) -> None:  # the audit prints its own report
        return

    def _answer(self, *, with_body: bool) -> None:
        parts = urlsplit(self.path)
        key = parts.path + (f"?{parts.query}" if parts.query else "")
        redirect = self.saved.redirects.get(key)
        if redirect is not None:
            target, status = redirect
            self._send(status, b"", "text/html", with_body=with_body, location=target)
            return
        file = saved_file(self.saved.root, parts.path, parts.query)
        if file is None:
            page = self.saved.root / "_404.html"
            body = page.read_bytes() if page.is_file() else b"<html><body><h1>404 Not Found</h1></body></html>"
            self._send(HTTPStatus.NOT_FOUND, self.saved.rewrite(body), "text/html", with_body=with_body)
            return
        body = file.read_bytes()
        content_type = _content_type(file)
        if content_type.startswith(("text/", "application/xml", "application/rss", "application/json")):
            body = self.saved.rewrite(body)
        self._send(HTTPStatus.OK, body, content_type, with_body=with_body)

    def _send(self, status: int, body: bytes, content_type: str, *, with_body: bool,
              location: str | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        if location is not None:
            self.send_header("Location", location)
        self.end_headers()
        if with_body:
            self.wfile.write(body)


# --- comparing -------------------------------------------------------------------------------

Kind = Literal["check", "posts"]


class Comparison(BaseModel):
    """One scored label: what the answers say, what the audit said, and why."""

    portal: str
    check: str
    kind: Kind
    expected: str
    got: str
    agree: bool
    unknown: bool
    detail: str = ""


class EvaluationReport(BaseModel):
    answers: str
    quarter: str
    portals: list[str]
    comparisons: list[Comparison]
    results: dict[str, UnitResult] = Field(default_factory=dict, repr=False)

    def _count(self, kind: Kind, *, agree: bool | None = None) -> int:
        return sum(1 for c in self.comparisons if c.kind == kind and (agree is None or c.agree == agree))

    @property
    def agreement(self) -> int:
        return self._count("check", agree=True)

    @property
    def checks(self) -> int:
        return self._count("check")

    @property
    def posts_exact(self) -> int:
        return self._count("posts", agree=True)

    @property
    def posts_scored(self) -> int:
        return self._count("posts")

    @property
    def unknown(self) -> int:
        return sum(1 for c in self.comparisons if c.unknown)

    @property
    def disagreements(self) -> list[Comparison]:
        return [c for c in self.comparisons if not c.agree]

    @property
    def false_accusations(self) -> list[Comparison]:
        """Marks that accuse a compliant portal: "o" where the label says "x", a finding where it says none."""
        return [c for c in self.comparisons if c.kind == "check"
                and ((c.expected, c.got) == ("x", "o") or (c.expected, c.got) == ("false", "true"))]

    def summary_line(self) -> str:
        return (f"agreement: {self.agreement}/{self.checks} checks, "
                f"posts exact: {self.posts_exact}/{self.posts_scored}, unknown: {self.unknown}")


def _detail(result: UnitResult, check_id: str) -> str:
    verdict = result.verdicts.get(check_id)
    if verdict is None:
        return "kiểm tra bị tắt hoặc không chạy"
    facts = [verdict.reason]
    for evidence in verdict.evidence[:4]:
        fact = evidence.text + (f" <{evidence.url}>" if evidence.url else "")
        if evidence.text != verdict.reason:
            facts.append(fact)
    text = " | ".join(" ".join(f.split()) for f in facts if f)   # one line, no tabs: one row per disagreement
    return text if len(text) <= _MAX_DETAIL else text[: _MAX_DETAIL - 1] + "…"


def _finding_state(mark: Mark) -> str:
    return {"o": "true", "x": "false"}.get(mark, "?")


def compare(portal: PortalAnswer, result: UnitResult) -> list[Comparison]:
    """Every scored label of one portal against its audit result."""
    expected = portal.expected
    found: list[Comparison] = []
    for check_id in APPENDIX1_IDS:
        if check_id not in expected.appendix1:
            continue
        want, got = expected.appendix1[check_id], result.mark(check_id)
        found.append(Comparison(portal=portal.id, check=check_id, kind="check", expected=want, got=got,
                                agree=want == got, unknown=got == "?", detail=_detail(result, check_id)))
    if expected.scores_posts():
        want_count, got_count = expected.posts_in_quarter, result.posts_in_quarter
        found.append(Comparison(
            portal=portal.id, check="posts_in_quarter", kind="posts",
            expected="null" if want_count is None else str(want_count),
            got="?" if got_count is None else str(got_count), agree=want_count == got_count,
            unknown=got_count is None, detail=_detail(result, "posts_in_quarter")))
    for key, check_id in FINDING_CHECKS.items():
        want_flag = getattr(expected, key)
        if want_flag is None:
            continue
        state = _finding_state(result.mark(check_id))
        found.append(Comparison(portal=portal.id, check=key, kind="check", expected=str(want_flag).lower(),
                                got=state, agree=state == str(want_flag).lower(), unknown=state == "?",
                                detail=_detail(result, check_id)))
    return found


# --- running ---------------------------------------------------------------------------------


def config_for(answers_path: Path) -> Config:
    """``rules.toml`` beside the answers file when there is one, else the default rules."""
    beside = answers_path.parent / RULES_BESIDE_ANSWERS
    if beside.is_file():
        return Config(path=None, district=None, rules=load_rules(beside))
    return rules_only_config()


@contextmanager
def served(answers_path: Path, answers: AnswersFile) -> Iterator[dict[str, str]]:
    """The URL to audit for every portal, serving the relative ones while the block runs."""
    with ExitStack() as stack:
        urls: dict[str, str] = {}
        for portal in answers.portals:
            if portal.is_relative:
                site = stack.enter_context(SavedSite(portal_folder(answers_path, portal), portal.origin))
                urls[portal.id] = site.address + start_path(portal)
            else:
                urls[portal.id] = portal.url
        yield urls


async def _audit_all(answers: AnswersFile, urls: dict[str, str], config: Config) -> dict[str, UnitResult]:
    from camthuy_audit.audit import audit_url

    quarter = Quarter.parse(answers.quarter)

    async def one(portal: PortalAnswer) -> UnitResult:
        return await audit_url(urls[portal.id], config, quarter, unit_id=portal.id, name=portal.name or portal.id)

    results = await asyncio.gather(*(one(p) for p in answers.portals))
    return {r.unit_id: r for r in results}


def evaluate(path: Path, *, config: Config | None = None) -> EvaluationReport:
    """Audit every portal of the answers file and compare; raises AnswersError or ConfigError."""
    path = Path(path)
    answers = load_answers(path)
    config = config if config is not None else config_for(path)
    with served(path, answers) as urls:
        results = asyncio.run(_audit_all(answers, urls, config))
    comparisons = [c for p in answers.portals for c in compare(p, results[p.id])]
    return EvaluationReport(answers=str(path), quarter=answers.quarter, portals=[p.id for p in answers.portals],
                            comparisons=comparisons, results=results)


def _per_check(report: EvaluationReport) -> str:
    order: list[str] = []
    for c in report.comparisons:
        if c.check not in order:
            order.append(c.check)
    cells = []
    for check in order:
        scored = [c for c in report.comparisons if c.check == check]
        cells.append(f"{check} {sum(c.agree for c in scored)}/{len(scored)}")
    return ", ".join(cells)


def write_report(report: EvaluationReport, out: TextIO) -> None:
    """Disagreement rows, per-check tallies, then the summary line (always last)."""
    print(f"evaluate {report.answers}: {len(report.portals)} portals, quarter {report.quarter}", file=out)
    rows = report.disagreements
    if rows:
        print("portal\tcheck\texpected\tgot\tevidence", file=out)
    for row in rows:
        print(f"{row.portal}\t{row.check}\t{row.expected}\t{row.got}\t{row.detail}", file=out)
    if not rows:
        print("no disagreements", file=out)
    print(f"per check: {_per_check(report)}", file=out)
    print(f"false accusations (\"o\" or a finding where the label says none): {len(report.false_accusations)}",
          file=out)
    print(report.summary_line(), file=out)


def run(path: Path, *, out: TextIO, err: TextIO | None = None) -> int:
    """``camthuy-audit evaluate answers.json``: 0 when it ran (whatever it found), 2 on a bad file."""
    err = err if err is not None else sys.stderr
    try:
        report = evaluate(Path(path))
    except (AnswersError, ConfigError) as exc:
        print(f"Lỗi: {exc}", file=err)
        return EXIT_BAD_INPUT
    except OSError as exc:
        print(f"Lỗi: không chạy được bộ đánh giá: {exc}", file=err)
        return EXIT_FAILED
    write_report(report, out)
    return EXIT_OK
