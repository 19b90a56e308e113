"""report.html: what it shows, corrections by quarter, earlier quarters, and hostile portal text."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest
from browser import open_page
from selectolax.lexbor import LexborHTMLParser

from camthuy_audit.aggregate import build_notice
from camthuy_audit.audit import decide
from camthuy_audit.config import Config, Unit, load_config
from camthuy_audit.models import PortalSnapshot
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.render import render_report_html, write_report, write_results_json
from camthuy_audit.report import build_report, safe_href

REPO = Path(__file__).resolve().parent.parent
Q1, Q2 = Quarter(2023, 1), Quarter(2023, 2)
GENERATED = datetime(2023, 4, 12, 9, 30, tzinfo=VN_TZ)


def _seed():  # type: ignore[no-untyped-def]
    from test_aggregate import config, seed_results

    return config(), seed_results()


def report_html(results, config: Config, quarter: Quarter = Q1, reports: Path | None = None) -> str:  # type: ignore[no-untyped-def]
    notice = build_notice(results, config, quarter, run_date=date(2023, 4, 12))
    report = build_report(notice, results, config, quarter, generated_at=GENERATED, reports=reports)
    return render_report_html(report)


def test_overview_matrix_totals_and_units() -> None:
    config, results = _seed()
    tree = LexborHTMLParser(report_html(results, config))
    rows = tree.css("table.matrix tbody tr")
    assert len(rows) == 17
    assert [td.attributes["data-mark"] for td in rows[2].css("td.m")][:2] == ["o", "x"]   # Cẩm Thành
    assert len(tree.css("section.unit")) == 17
    totals = [td.text(strip=True) for td in tree.css("table.matrix tfoot td.m")]
    assert totals[0] == "8"                                     # 8 units pass the main menu in the seed
    fixes = [n.text() for n in tree.css("#u-camthanh-main_menu .fix")]
    assert fixes and "Cách khắc phục" in fixes[0]               # beside every "o"
    assert not tree.css("#u-camvan-main_menu .fix")             # and only there


def test_safe_href_keeps_only_web_addresses() -> None:
    assert safe_href("https://xa.gov.vn/a?b=1") == "https://xa.gov.vn/a?b=1"
    for bad in ("javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,x", "vbscript:x", "//x", "", None):
        assert safe_href(bad) is None


# --- corrections -----------------------------------------------------------------------------


@pytest.fixture
def config_with_override(tmp_path: Path) -> Config:
    for name in ("district.toml", "rules.toml"):
        shutil.copy(REPO / "config" / name, tmp_path / name)
    (tmp_path / "overrides.toml").write_text(
        (REPO / "config" / "overrides.toml").read_text(encoding="utf-8")
        .replace("overrides = []", "")
        + '\n[[overrides]]\nunit = "camngoc"\ncheck = "main_menu"\nquarter = "2023-Q1"\nmark = "x"\n'
          'reason = "Menu vẽ bằng JavaScript, đã kiểm tra bằng mắt ngày 05/04/2023"\nby = "Nguyễn Văn A, Phòng VH-TT"\n',
        encoding="utf-8")
    return load_config(tmp_path / "district.toml")


def _camngoc_snapshot(config: Config) -> PortalSnapshot:
    unit = config.find_unit("camngoc")
    assert unit is not None
    # Reachable, but without a menu the crawler could read: the machine says "?" for the menu.
    return PortalSnapshot(unit_id=unit.id, url=unit.url, fetched_at=GENERATED, reachable=True,
                          menu_signals=["có 1 khung menu trống (menu có thể được vẽ bằng JavaScript)"])


def test_an_override_for_the_quarter_changes_the_notice_and_shows_in_the_report(config_with_override: Config) -> None:
    config = config_with_override
    _, seed = _seed()
    result = decide(_camngoc_snapshot(config), config, Q1, name="UBND xã Cẩm Ngọc")
    assert result.verdicts["main_menu"].mark == "x" and result.verdicts["main_menu"].override is not None
    results = [result if r.unit_id == "camngoc" else r for r in seed]
    notice = build_notice(results, config, Q1, run_date=date(2023, 4, 12))
    row = next(r for r in notice.appendix1.rows if r.unit_id == "camngoc")
    assert row.marks[0] == "x"
    tree = LexborHTMLParser(render_report_html(build_report(notice, results, config, Q1, generated_at=GENERATED)))
    cell = tree.css_first('#row-camngoc td[data-check="main_menu"]')
    assert cell is not None and cell.css_first(".star") is not None
    note = tree.css_first("#u-camngoc-main_menu .override")
    assert note is not None
    text = " ".join(note.text().split())
    assert "kết quả tự động “?” → “x”" in text
    assert "Menu vẽ bằng JavaScript" in text and "Nguyễn Văn A, Phòng VH-TT" in text


def test_the_same_override_does_not_apply_to_another_quarter(config_with_override: Config) -> None:
    result = decide(_camngoc_snapshot(config_with_override), config_with_override, Q2, name="UBND xã Cẩm Ngọc")
    assert result.verdicts["main_menu"].mark == "?" and result.verdicts["main_menu"].override is None


def test_an_excluded_unit_is_in_the_report_not_in_the_notice() -> None:
    from camthuy_audit.config import Exclusion

    config, results = _seed()
    config = config.model_copy(update={"exclusions": [
        Exclusion(unit="camlien", quarter="2023-Q1", reason="Đang sáp nhập vào xã Cẩm Long", by="VH-TT")]})
    tree = LexborHTMLParser(report_html(results, config))
    assert len(tree.css("table.matrix tbody tr")) == 16
    section = tree.css_first("#u-camlien")
    assert section is not None and "Đang sáp nhập vào xã Cẩm Long" in section.text()


# --- earlier quarters ------------------------------------------------------------------------


def test_change_since_last_quarter_and_posts_trend(tmp_path: Path) -> None:
    config, results = _seed()
    earlier = build_notice(results, config, Quarter(2022, 4), run_date=date(2023, 1, 5))
    # Last quarter Cẩm Vân passed only 7 checks and posted 10 times, the quarter before 20 times.
    older = [r.model_copy(update={"quarter": "2022-Q4"}) for r in results]
    write_results_json(older, earlier, config, Quarter(2022, 4), tmp_path / "2022-Q4", generated_at=GENERATED)
    path = tmp_path / "2022-Q4" / "results.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    van = next(u for u in data["units"] if u["id"] == "camvan")
    van["appendix1"].update({"main_menu": "o", "legal_documents": "o", "copyright": "?"})
    van["posts_in_quarter"] = 10
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "2022-Q3").mkdir()
    (tmp_path / "2022-Q3" / "results.json").write_text(json.dumps(
        {"units": [{"id": "camvan", "appendix1": {}, "posts_in_quarter": 20}]}), encoding="utf-8")
    (tmp_path / "2023-Q2").mkdir()   # a later quarter is not "earlier"
    (tmp_path / "2023-Q2" / "results.json").write_text("{broken", encoding="utf-8")
    tree = LexborHTMLParser(report_html(results, config, reports=tmp_path))
    row = tree.css_first("#row-camvan")
    assert row is not None
    assert "tốt hơn (7 → 10 nội dung đạt)" in row.text()
    assert row.css_first("svg.trend polyline") is not None
    same = tree.css_first("#row-camgiang")
    assert same is not None and "như quý trước" in same.text()


# --- hostile portal text ---------------------------------------------------------------------

HOSTILE = "<img src=x onerror=alert(1)>"


def test_hostile_menu_labels_and_javascript_links_stay_text(tmp_path: Path) -> None:
    from crawl.portal_kit import BASE, audit, news_list, page

    from camthuy_audit.config import rules_only_config

    menu = ('<nav class="main-menu"><ul class="menu"><li><a href="/">Trang chủ</a></li>'
            '<li><a href="javascript:alert(1)">&lt;img src=x onerror=alert(1)&gt;</a></li>'
            '<li><a href="/tin-tuc/" title="&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;">Tin tức</a></li>'
            '<li><a href="JavaScript:alert(3)">Liên hệ</a></li></ul></nav>')
    right = '<a href="javascript:alert(4)"><img src="/b.png" alt="&lt;svg onload=alert(5)&gt;" width="250" height="80"></a>'
    pages = {"/": page(news_list([("/tin-tuc/a-1.html", "Tin thứ nhất của xã trong quý", "10/02/2023")]),
                       menu=menu, right=right)}
    result = audit(pages)
    assert any(HOSTILE in e.text for e in result.verdicts["main_menu"].evidence)
    base = load_config(REPO / "config" / "district.toml")
    assert base.district is not None
    district = base.district.model_copy(update={"units": [Unit(id="thu", name="UBND xã Thử", url=BASE + "/")]})
    config = Config(path=None, district=district, rules=rules_only_config().rules)
    notice = build_notice([result], config, Q1, run_date=date(2023, 4, 12))
    report = build_report(notice, [result], config, Q1, generated_at=GENERATED)
    path = write_report(report, tmp_path)
    html = path.read_text(encoding="utf-8")
    assert HOSTILE not in html and "&lt;img src=x onerror=alert(1)&gt;" in html
    tree = LexborHTMLParser(html)
    assert not [a for a in tree.css("a[href]") if "javascript" in (a.attributes.get("href") or "").lower()]
    with open_page(path) as visit:
        shown = visit.page.inner_text("#u-thu-main_menu")
        assert HOSTILE in shown                     # the label, shown as text
        assert visit.page.eval_on_selector_all("a[href^='javascript' i]", "links => links.length") == 0
        assert visit.page.eval_on_selector_all("#units img:not([src^='data:'])", "imgs => imgs.length") == 0
        visit.page.wait_for_timeout(300)
        assert visit.dialogs == [] and visit.page_errors == []
        assert visit.requests == [path.resolve().as_uri()]


def test_the_title_names_the_configured_unit_level() -> None:
    config, results = _seed()
    assert config.district is not None
    notice_settings = config.district.notice.model_copy(update={"unit_level": "cấp xã, phường"})
    district = config.district.model_copy(update={"notice": notice_settings})
    tree = LexborHTMLParser(report_html(results, config.model_copy(update={"district": district})))
    title = tree.css_first("h1").text()
    assert "cấp xã, phường — quý I/2023" in title
