"""End to end over real loopback HTTP: the simulated district -> checks -> the notice == the seed."""

from __future__ import annotations

import json

import pytest
from conftest import Q1, RUN_DATE, audit, config_for, start_district
from seed import load_seed, unit_key
from selectolax.lexbor import LexborHTMLParser

from camthuy_audit.aggregate import build_notice
from camthuy_audit.config import Config
from camthuy_audit.models import UnitResult
from camthuy_audit.render import render_notice_html, write_notice, write_results_json
from camthuy_audit.rules import APPENDIX1_IDS

SEED = load_seed()


def _table_rows(html: str, css: str) -> list[list[str]]:
    tree = LexborHTMLParser(html)
    table = tree.css_first(css)
    assert table is not None, f"no table {css}"
    rows = []
    for tr in table.css("tbody tr[data-unit]"):
        rows.append([td.text(strip=True) for td in tr.css("td")])
    return rows


@pytest.fixture(scope="module")
def notice_html(district_results: list[UnitResult], district_config: Config) -> str:
    notice = build_notice(district_results, district_config, Q1, run_date=RUN_DATE)
    return render_notice_html(notice)


def test_every_unit_was_reached(district_results: list[UnitResult]) -> None:
    unreachable = [(r.name, r.unreachable_reason) for r in district_results if not r.reachable]
    assert not unreachable


def test_appendix1_equals_the_seed_cell_for_cell(notice_html: str) -> None:
    assert "Phụ lục 1" in notice_html
    rows = _table_rows(notice_html, "table.appendix1")
    got = {unit_key(row[1]): row[2:12] for row in rows}
    assert len(got) == 17
    mismatches = {unit: (got[unit], marks) for unit, marks in SEED.appendix1.items() if got.get(unit) != marks}
    assert not mismatches


def test_appendix1_matches_per_check(district_results: list[UnitResult]) -> None:
    """The same comparison on the verdicts, with the reason of any disagreement."""
    problems = []
    for result in district_results:
        expected = SEED.appendix1[unit_key(result.name)]
        for check_id, mark in zip(APPENDIX1_IDS, expected, strict=True):
            verdict = result.verdicts[check_id]
            if verdict.mark != mark:
                problems.append(f"{result.unit_id}.{check_id}: {verdict.mark} != {mark}: {verdict.reason}")
    assert not problems, "\n".join(problems)


def test_appendix2_post_counts_equal_the_seed(notice_html: str, district_results: list[UnitResult]) -> None:
    assert "PHỤ LỤC 2" in notice_html
    counts = {unit_key(r.name): r.posts_in_quarter for r in district_results}
    assert counts == SEED.posts
    rows = _table_rows(notice_html, "table.appendix2")
    numbers = [int(row[2]) for row in rows]
    assert numbers == sorted(numbers, reverse=True)
    assert sum(numbers) == SEED.total == 624


def test_stale_banners_and_categories(district_results: list[UnitResult], notice_html: str) -> None:
    stale_banner = {unit_key(r.name) for r in district_results if r.findings("stale_banners")}
    stale_category = {unit_key(r.name) for r in district_results if r.findings("stale_categories")}
    assert stale_banner == SEED.stale_banner
    assert stale_category == SEED.stale_category
    notes = {unit_key(r.name): " ".join(f.note for f in r.findings("stale_banners")) for r in district_results}
    assert "2022" in notes["cẩm yên"] and "chuyển đổi số" in notes["cẩm yên"].lower()
    assert "nhà giáo" in notes["cẩm tâm"].lower() and "đoàn kết" in notes["cẩm tâm"].lower()
    rows = {unit_key(row[1]): row for row in _table_rows(notice_html, "table.appendix2")}
    assert rows["cẩm yên"][3] == "x" and rows["cẩm tâm"][3] == "x" and rows["cẩm phú"][4] == "x"


def test_body_names_the_seed_units(district_results: list[UnitResult], district_config: Config) -> None:
    notice = build_notice(district_results, district_config, Q1, run_date=RUN_DATE)
    lists = {body_list.kind: {unit_key(e.name) for e in body_list.entries} for body_list in notice.body.lists}
    few = {u for u, n in SEED.posts.items() if n < 30}
    assert lists["few_posts"] == few and len(few) == 7
    not_done = {u for u, marks in SEED.appendix1.items() if "o" in marks}
    assert lists["not_carried_out"] == not_done and len(not_done) == 10


def test_phong_son_counts_once_under_two_host_names(district_results: list[UnitResult]) -> None:
    phong_son = next(r for r in district_results if r.unit_id == "phongson")
    assert phong_son.posts_in_quarter == 12
    urls = [e.url for e in phong_son.verdicts["posts_in_quarter"].evidence if e.kind == "url"]
    assert len(urls) == len(set(urls)) == 12
    assert all(u and u.startswith("https://thitranphongson.camthuy.thanhhoa.gov.vn/") for u in urls)


def test_evidence_keeps_real_host_names(district_results: list[UnitResult]) -> None:
    camngoc = next(r for r in district_results if r.unit_id == "camngoc")
    urls = [e.url for v in camngoc.verdicts.values() for e in v.evidence if e.url]
    assert urls and all("127.0.0.1" not in u for u in urls)


def test_outputs_are_written(tmp_path, district_results, district_config) -> None:  # type: ignore[no-untyped-def]
    from datetime import datetime

    notice = build_notice(district_results, district_config, Q1, run_date=RUN_DATE)
    notice_path = write_notice(notice, tmp_path)
    results_path = write_results_json(district_results, notice, district_config, Q1, tmp_path,
                                      generated_at=datetime(2023, 4, 12, 9, 0))
    assert notice_path.read_text(encoding="utf-8").startswith("<!")
    data = json.loads(results_path.read_text(encoding="utf-8"))
    assert len(data["units"]) == 17


def test_a_stopped_portal_is_unknown_and_changes_nobody_else(district_results: list[UnitResult]) -> None:
    stopped = "camngoc.camthuy.thanhhoa.gov.vn"
    district = start_district(stopped=(stopped,))
    try:
        config = config_for(district.addresses)
        results = audit(config)
    finally:
        district.stop()
    by_id = {r.unit_id: r for r in results}
    camngoc = by_id["camngoc"]
    assert not camngoc.reachable
    assert all(camngoc.mark(c) == "?" for c in APPENDIX1_IDS)
    assert camngoc.posts_in_quarter is None
    for before in district_results:
        if before.unit_id == "camngoc":
            continue
        after = by_id[before.unit_id]
        assert {c: v.mark for c, v in after.verdicts.items()} == {c: v.mark for c, v in before.verdicts.items()}
        assert after.posts_in_quarter == before.posts_in_quarter
    notice = build_notice(results, config, Q1, run_date=RUN_DATE)
    html = render_notice_html(notice)
    not_checked = next(b for b in notice.body.lists if b.kind == "not_checked")
    assert [e.name for e in not_checked.entries] == ["UBND xã Cẩm Ngọc"]
    assert "Cẩm Ngọc" in html
    assert "cẩm ngọc" not in {unit_key(e.name) for b in notice.body.lists if b.kind == "not_carried_out" for e in b.entries}
