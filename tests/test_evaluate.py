"""`camthuy-audit evaluate`: the answers file, the saved-pages server, scoring and the output."""

from __future__ import annotations

import io
import json
import re
import shutil
from datetime import datetime
from pathlib import Path

import httpx
import pytest

from camthuy_audit.evaluate import (
    AnswersError,
    EvaluationReport,
    PortalAnswer,
    SavedSite,
    compare,
    load_answers,
    run,
    saved_file,
    start_path,
)
from camthuy_audit.models import UnitResult, Verdict
from camthuy_audit.quarter import VN_TZ
from camthuy_audit.rules import APPENDIX1_IDS

CORPUS = Path(__file__).resolve().parent / "corpus"
ANSWERS = CORPUS / "answers.json"
SUMMARY = re.compile(r"^agreement: \d+/\d+ checks, posts exact: \d+/\d+, unknown: \d+$")


def write_answers(folder: Path, data: object) -> Path:
    path = folder / "answers.json"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return path


def one_portal(url: str = "site/", **expected: object) -> dict[str, object]:
    return {"quarter": "2023-Q1", "portals": [{"id": "p1", "url": url, "expected": expected}]}


# --- the answers file ------------------------------------------------------------------------


def test_the_corpus_answers_load() -> None:
    answers = load_answers(ANSWERS)
    assert answers.quarter == "2023-Q1"
    assert len(answers.portals) >= 9
    assert len({p.id for p in answers.portals}) == len(answers.portals)
    for portal in answers.portals:
        assert portal.is_relative and portal.origin
        assert set(portal.expected.appendix1) == set(APPENDIX1_IDS), portal.id
        assert portal.expected.scores_posts()


def test_only_the_keys_present_are_scored(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    answers = load_answers(write_answers(tmp_path, one_portal(appendix1={"copyright": "o"})))
    expected = answers.portals[0].expected
    assert expected.appendix1 == {"copyright": "o"}
    assert not expected.scores_posts() and expected.stale_banner is None


def test_relative_urls_name_a_folder_beside_the_answers(tmp_path: Path) -> None:
    (tmp_path / "site").mkdir()
    answers = load_answers(write_answers(tmp_path, one_portal("./site/web/trang-chu")))
    assert start_path(answers.portals[0]) == "/web/trang-chu"
    portal = PortalAnswer.model_validate({"id": "x", "url": "site/", "expected": {}})
    assert start_path(portal) == "/"


@pytest.mark.parametrize(("data", "field", "message"), [
    (one_portal(appendix1={"main_menu": "y"}), "portals[0].expected.appendix1.main_menu", "'x', 'o' or '?'"),
    (one_portal(appendix1={"menu": "x"}), "portals[0].expected.appendix1", "không có kiểm tra 'menu'"),
    (one_portal(posts_in_quarter=-1), "portals[0].expected.posts_in_quarter", "greater than or equal to 0"),
    (one_portal(stale_banners=True), "portals[0].expected.stale_banners", "khóa không được hỗ trợ"),
    ({"quarter": "2023-Q5", "portals": []}, "quarter", "quý không hợp lệ"),
    ({"quarter": "2023-Q1"}, "portals", "thiếu khóa bắt buộc"),
    ({"quarter": "2023-Q1", "portals": [{"id": "a", "url": "site/", "expected": {}},
                                        {"id": "a", "url": "site/", "expected": {}}]}, "portals", "hai lần"),
    (one_portal("missing/"), "portals[0].url", "không có thư mục"),
    (one_portal("../site/"), "portals[0].url", "không có thư mục"),
])
def test_a_bad_answers_file_names_the_field(tmp_path: Path, data: object, field: str, message: str) -> None:
    (tmp_path / "site").mkdir()
    path = write_answers(tmp_path, data)
    with pytest.raises(AnswersError) as caught:
        load_answers(path)
    text = str(caught.value)
    assert str(path) in text
    assert field in text and message in text, text


def test_a_file_that_is_not_json_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "answers.json"
    path.write_text('{"quarter": "2023-Q1",\n "portals": [}', encoding="utf-8")
    with pytest.raises(AnswersError, match=r"dòng 2"):
        load_answers(path)


def test_run_exits_2_with_the_message_on_a_bad_file(tmp_path: Path) -> None:
    out, err = io.StringIO(), io.StringIO()
    assert run(tmp_path / "nothing.json", out=out, err=err) == 2
    assert "nothing.json" in err.getvalue() and "không tìm thấy tệp" in err.getvalue()
    assert out.getvalue() == ""


# --- serving saved pages ---------------------------------------------------------------------


@pytest.fixture()
def saved(tmp_path: Path) -> Path:
    root = tmp_path / "portal"
    files = {
        "index.html": '<a href="https://old.example.gov.vn/tin-tuc/">x</a><script>{"u":"https:\\/\\/old.example.gov.vn\\/a"}</script>',
        "tin-tuc/index.html": "listing page 1",
        "tin-tuc/__q/page=2.html": "listing page 2",
        "tin-tuc/page-3.html": "listing page 3",
        "bai-viet.html": "an article",
        "feed/index.xml": "<rss><link>https://old.example.gov.vn/bai-viet.html</link></rss>",
        "_404.html": "<h1>Trang không tồn tại</h1>",
        "_redirects": "/ /tin-tuc/ 302\n/cu /bai-viet.html\n",
    }
    for name, text in files.items():
        (root / name).parent.mkdir(parents=True, exist_ok=True)
        (root / name).write_text(text, encoding="utf-8")
    (root / "legacy.htm").write_bytes("Danh bạ".encode("cp1258", errors="replace"))
    (root / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")
    return root


def test_urls_map_to_saved_files(saved: Path) -> None:
    assert saved_file(saved, "/tin-tuc/", "") == saved / "tin-tuc/index.html"
    assert saved_file(saved, "/tin-tuc", "") == saved / "tin-tuc/index.html"
    assert saved_file(saved, "/tin-tuc", "page=2") == saved / "tin-tuc/__q/page=2.html"
    assert saved_file(saved, "/tin-tuc/page-3", "") == saved / "tin-tuc/page-3.html"
    assert saved_file(saved, "/feed/", "") == saved / "feed/index.xml"
    assert saved_file(saved, "/tin-tuc", "page=9") is None
    assert saved_file(saved, "/../etc/passwd", "") is None
    assert saved_file(saved, "/_redirects", "") is None


def test_the_server_answers_like_the_portal(saved: Path) -> None:
    with SavedSite(saved, "https://old.example.gov.vn") as site, httpx.Client(base_url=site.address) as client:
        home = client.get("/")
        assert home.status_code == 302 and home.headers["location"] == "/tin-tuc/"
        assert client.get("/tin-tuc?page=2").text == "listing page 2"
        moved = client.get("/cu")
        assert moved.status_code == 301 and moved.headers["location"] == "/bai-viet.html"
        missing = client.get("/khong-co/")
        assert missing.status_code == 404 and "Trang không tồn tại" in missing.text
        page = client.get("/index.html").text
        assert f'href="{site.address}/tin-tuc/"' in page
        assert site.address.replace("/", "\\/") + "\\/a" in page
        feed = client.get("/feed/")
        assert feed.headers["content-type"] == "application/xml" and site.address in feed.text
        legacy = client.get("/legacy.htm")
        assert legacy.headers["content-type"] == "text/html" and legacy.content == saved.joinpath("legacy.htm").read_bytes()
        assert client.get("/logo.png").headers["content-type"] == "image/png"
        assert client.head("/bai-viet.html").status_code == 200


# --- scoring ---------------------------------------------------------------------------------


def result_with(marks: dict[str, str], count: int | None) -> UnitResult:
    verdicts = {c: Verdict.model_validate({"check_id": c, "mark": m, "reason": f"lý do {c}"}) for c, m in marks.items()}
    verdicts["posts_in_quarter"] = Verdict(check_id="posts_in_quarter", mark="x" if count is not None else "?",
                                           reason="đếm tin bài", count=count)
    return UnitResult(unit_id="p1", name="p1", url="http://127.0.0.1:1/", quarter="2023-Q1",
                      audited_at=datetime(2023, 4, 10, tzinfo=VN_TZ), reachable=True, verdicts=verdicts)


def test_scoring_counts_agreement_posts_and_unknowns() -> None:
    portal = PortalAnswer.model_validate({"id": "p1", "url": "p1/", "expected": {
        "appendix1": {"main_menu": "x", "copyright": "o", "side_banners": "x"},
        "posts_in_quarter": 12, "stale_banner": True, "stale_category": False}})
    result = result_with({"main_menu": "x", "copyright": "x", "side_banners": "?", "stale_banners": "o",
                          "stale_categories": "?"}, None)
    rows = compare(portal, result)
    report = EvaluationReport(answers="a.json", quarter="2023-Q1", portals=["p1"], comparisons=rows)
    assert [(c.check, c.expected, c.got, c.agree) for c in rows] == [
        ("main_menu", "x", "x", True), ("side_banners", "x", "?", False), ("copyright", "o", "x", False),
        ("posts_in_quarter", "12", "?", False), ("stale_banner", "true", "true", True),
        ("stale_category", "false", "?", False)]
    assert report.summary_line() == "agreement: 2/5 checks, posts exact: 0/1, unknown: 3"
    assert report.disagreements[1].detail.startswith("lý do copyright")


# --- the whole command on one saved portal ----------------------------------------------------


def test_a_wrong_label_prints_its_row_and_the_summary_is_last(tmp_path: Path) -> None:
    shutil.copytree(CORPUS / "site-thanhhoa-3", tmp_path / "site-thanhhoa-3")
    entry = next(p for p in json.loads(ANSWERS.read_text(encoding="utf-8"))["portals"] if p["id"] == "site-thanhhoa-3")
    entry["expected"] = {"appendix1": {"main_menu": "?", "side_banners": entry["expected"]["appendix1"]["side_banners"]},
                         "posts_in_quarter": 999}
    path = write_answers(tmp_path, {"quarter": "2023-Q1", "portals": [entry]})
    out = io.StringIO()
    assert run(path, out=out) == 0
    lines = out.getvalue().splitlines()
    assert SUMMARY.match(lines[-1]), lines[-1]
    assert re.match(r"agreement: [01]/2 checks, posts exact: 0/1, unknown: \d+$", lines[-1])
    rows = [line.split("\t") for line in lines if line.startswith("site-thanhhoa-3\t")]
    assert ["site-thanhhoa-3", "main_menu", "?"] in [row[:3] for row in rows]
    posts = next(row for row in rows if row[1] == "posts_in_quarter")
    assert posts[2] == "999" and posts[3] != "999" and posts[4]
