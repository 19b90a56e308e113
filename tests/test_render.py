"""notice.html and results.json: the letter parses back to the seed's marks; portal text is escaped."""

from __future__ import annotations

import json
import unicodedata
from datetime import datetime
from pathlib import Path

from selectolax.lexbor import LexborHTMLParser as HTMLParser
from test_aggregate import (
    APPENDIX1_IDS,
    QUARTER,
    SEED_APPENDIX2_COUNTS,
    SEED_ROWS,
    _replace,
    config,
    seed_notice,
    seed_results,
    unreachable,
)

from camthuy_audit.aggregate import build_notice
from camthuy_audit.models import Evidence, Finding, Verdict
from camthuy_audit.quarter import VN_TZ
from camthuy_audit.render import (
    render_notice_html,
    report_dir,
    unit_json,
    write_notice,
    write_results_json,
)

HOSTILE = "<script>alert(1)</script>"
GENERATED = datetime(2023, 4, 12, 8, 30, tzinfo=VN_TZ)


def _tables(html: str) -> tuple[list[list[str]], list[list[str]]]:
    tree = HTMLParser(html)
    a1 = [[td.text() for td in tr.css("td")] for tr in tree.css("table.appendix1 tbody tr[data-unit]")]
    a2 = [[td.text() for td in tr.css("td")] for tr in tree.css("table.appendix2 tbody tr[data-unit]")]
    return a1, a2


def test_html_parses_back_to_the_seed_marks() -> None:
    html = render_notice_html(seed_notice())
    tree = HTMLParser(html)
    headings = [h.text() for h in tree.css("h2")]
    assert headings == ["Phụ lục 1", "PHỤ LỤC 2"]
    a1, a2 = _tables(html)
    assert len(a1) == 17
    for row, (_, marks, _) in zip(a1, SEED_ROWS, strict=True):
        assert len(row) == 12
        assert row[2:] == list(marks)        # every mark cell holds only its mark
    assert a1[0][:2] == ["1", "UBND xã Cẩm Vân"]
    # each appendix table follows its heading
    section1, section2 = tree.css("section.appendix")
    assert section1.css_first("h2").text() == "Phụ lục 1" and section1.css_first("table.appendix1") is not None
    assert section2.css_first("h2").text() == "PHỤ LỤC 2" and section2.css_first("table.appendix2") is not None
    assert [th.attributes.get("data-check") for th in tree.css("table.appendix1 thead th.mark")] == list(APPENDIX1_IDS)

    assert [int(row[2]) for row in a2] == SEED_APPENDIX2_COUNTS
    assert len(a2) == 17
    banner = {row[1]: row[3] for row in a2}
    assert banner["UBND xã Cẩm Yên"] == "x" and banner["UBND xã Cẩm Tâm"] == "x"
    assert sum(1 for v in banner.values() if v) == 2
    total = tree.css_first("table.appendix2 tbody.total tr.total")
    assert total is not None and [td.text() for td in total.css("td")][:2] == ["Tổng", "624"]


def test_html_is_an_official_letter() -> None:
    html = render_notice_html(seed_notice())
    assert unicodedata.is_normalized("NFC", html)
    for needle in ("ỦY BAN NHÂN DÂN", "HUYỆN CẨM THỦY", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
                   "Độc lập - Tự do - Hạnh phúc", "Số:      /UBND-VHTT", "Cẩm Thủy, ngày      tháng 4 năm 2023",
                   "Kính gửi: UBND các xã, thị trấn.", "Nơi nhận:", "- Như trên;", "- Lưu: VT, VH-TT.",
                   "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Trần Đức Hùng", "size: A4", "Times New Roman",
                   "margin: 20mm 15mm 20mm 30mm", "page-break-before: always",
                   "(Số liệu tính từ 01/01/2023 đến 31/03/2023)", "(10 xã)"):
        assert needle in html, needle
    # self-contained: no scripts, no external resources
    lowered = html.lower()
    assert "<script" not in lowered and "<link" not in lowered and "src=" not in lowered
    assert "http://" not in lowered and "https://" not in lowered
    tree = HTMLParser(html)
    items = [p.text() for p in tree.css("p.item")]
    assert len(items) == 4 and all(item.startswith("- ") for item in items)
    assert "(chi tiết phụ lục 1 kèm theo)" in items[-1]


def test_unchecked_unit_shows_question_marks_in_html() -> None:
    results = seed_results()
    tam = next(r for r in results if r.unit_id == "camtam")
    html = render_notice_html(seed_notice(_replace(results, "camtam", unreachable(tam))))
    a1, a2 = _tables(html)
    assert a1[16][1] == "UBND xã Cẩm Tâm" and a1[16][2:] == ["?"] * 10
    assert a2[-1][1] == "UBND xã Cẩm Tâm" and a2[-1][2:5] == ["?", "?", "?"]
    assert "Tổng (chưa tính 1 đơn vị" in html and ">603<" in html
    assert "Không kiểm tra được" in html


def test_portal_text_is_escaped() -> None:
    cfg = config()
    results = seed_results(cfg)
    yen = next(r for r in results if r.unit_id == "camyen")
    bad = Finding(label=HOSTILE, note=f"{HOSTILE} (từ năm 2022)", url="javascript:alert(1)")
    verdicts = dict(yen.verdicts, stale_banners=Verdict(check_id="stale_banners", mark="o", reason=HOSTILE,
                                                        findings=[bad]),
                    stale_categories=Verdict(check_id="stale_categories", mark="o", reason="x",
                                             findings=[Finding(label='"><img src=x onerror=alert(2)>', note="n")]))
    hostile_yen = yen.model_copy(update={"verdicts": verdicts, "name": f"UBND xã {HOSTILE}"})
    tam = unreachable(next(r for r in results if r.unit_id == "camtam"), reason=f"lỗi {HOSTILE}")
    results = _replace(_replace(results, "camyen", hostile_yen), "camtam", tam)
    html = render_notice_html(build_notice(results, cfg, QUARTER, run_date=GENERATED.date()))
    assert "<script" not in html.lower()
    assert "<img" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    tree = HTMLParser(html)
    assert tree.css("script") == [] and tree.css("img") == []
    names = [tr.css("td")[1].text() for tr in tree.css("table.appendix1 tbody tr[data-unit]")]
    assert f"UBND xã {HOSTILE}" in names
    notes = [tr.css("td")[5].text() for tr in tree.css("table.appendix2 tbody tr[data-unit]")]
    assert f"{HOSTILE} (từ năm 2022); n" in notes
    items = " ".join(p.text() for p in tree.css("p.item"))
    assert f"UBND xã {HOSTILE}" in items and '“"><img src=x onerror=alert(2)>”' in items
    # The letter names the unit with a short reason; the technical detail stays out of it.
    assert f"lỗi {HOSTILE}" not in items and "UBND xã Cẩm Tâm (không truy cập được cổng thông tin)" in items


def test_write_notice_and_results_json(tmp_path: Path) -> None:
    cfg = config()
    results = seed_results(cfg)
    tam = next(r for r in results if r.unit_id == "camtam")
    results = _replace(results, "camtam", unreachable(tam))
    notice = build_notice(results, cfg, QUARTER, run_date=GENERATED.date())
    out = report_dir(tmp_path / "reports", QUARTER)
    assert out == tmp_path / "reports" / "2023-Q1"

    html_path = write_notice(notice, out)
    assert html_path == out / "notice.html"
    assert html_path.read_text(encoding="utf-8") == render_notice_html(notice)

    json_path = write_results_json(results, notice, cfg, QUARTER, out, generated_at=GENERATED)
    assert json_path == out / "results.json"
    raw = json_path.read_text(encoding="utf-8")
    assert "Cẩm Vân" in raw             # ensure_ascii=False
    data = json.loads(raw)
    assert data["quarter"] == "2023-Q1"
    assert datetime.fromisoformat(data["generated_at"]) == GENERATED
    assert data["issuer"]["name"] == "HUYỆN CẨM THỦY"
    assert [u["id"] for u in data["units"]] == [unit for unit, _, _ in SEED_ROWS]
    van = data["units"][0]
    for key in ("id", "name", "url", "reachable", "unreachable_reason", "platform", "appendix1",
                "posts_in_quarter", "stale_banners", "stale_categories", "oversized_banners", "verdicts", "errors"):
        assert key in van, key
    # Each unit's record carries the single-portal contract of `check --json`, same keys, same values.
    single = json.loads(json.dumps(unit_json(results[0]), ensure_ascii=False, default=str))
    assert {k: van[k] for k in single} == single
    assert {"url", "quarter", "appendix1", "posts_in_quarter", "stale_banners", "stale_categories",
            "oversized_banners", "evidence"} <= set(van)
    assert "".join(van["appendix1"][cid] for cid in APPENDIX1_IDS) == SEED_ROWS[0][1]
    assert van["posts_in_quarter"] == 41
    assert Verdict.model_validate(van["verdicts"]["main_menu"]).mark == "x"
    assert van["verdicts"]["posts_in_quarter"]["evidence"][0]["text"] == "41"
    yen = next(u for u in data["units"] if u["id"] == "camyen")
    assert yen["stale_banners"] == ["Ngày Chuyển đổi số quốc gia 2022"]
    tam_json = next(u for u in data["units"] if u["id"] == "camtam")
    assert tam_json["reachable"] is False and tam_json["posts_in_quarter"] is None
    assert set(tam_json["appendix1"].values()) == {"?"}
    # the appendices and lists round-trip to the same models
    assert data["appendix1"] == [row.model_dump(mode="json") for row in notice.appendix1.rows]
    assert [r["posts"] for r in data["appendix2"]] == [r.posts for r in notice.appendix2.rows]
    assert data["appendix2_total"]["partial"] is True and data["appendix2_total"]["posts"] == 603
    assert [b["kind"] for b in data["body"]] == [b.kind for b in notice.body.lists]
    assert "camtam" in next(b for b in data["body"] if b["kind"] == "not_checked")["entries"][0]["unit_id"]
    assert not list(out.glob("*.tmp"))


def test_unit_json_contract() -> None:
    result = next(r for r in seed_results() if r.unit_id == "camtam")
    data = unit_json(result)
    for key in ("url", "quarter", "appendix1", "posts_in_quarter", "stale_banners", "stale_categories",
                "oversized_banners", "evidence"):
        assert key in data, key
    assert data["url"] == "https://camtam.camthuy.thanhhoa.gov.vn/"
    assert data["quarter"] == "2023-Q1"
    assert list(data["appendix1"]) == list(APPENDIX1_IDS)
    assert all(v in ("x", "o", "?") for v in data["appendix1"].values())
    assert data["appendix1"]["feedback_banner"] == "o"
    assert data["posts_in_quarter"] == 21
    assert data["stale_banners"] == ["Ngày Nhà giáo Việt Nam 20/11/2022", "Ngày hội Đại đoàn kết toàn dân tộc 2022"]
    assert data["stale_categories"] == [] and data["oversized_banners"] == []
    assert data["evidence"]["posts_in_quarter"] == [Evidence(kind="count", text="21").model_dump(mode="json")]
    assert json.loads(json.dumps(data, ensure_ascii=False)) == data


def test_unit_json_unreachable_has_all_ten_question_marks() -> None:
    result = next(r for r in seed_results() if r.unit_id == "camvan")
    bare = result.model_copy(update={"reachable": False, "unreachable_reason": "hết thời gian chờ", "verdicts": {}})
    data = unit_json(bare)
    assert data["appendix1"] == {cid: "?" for cid in APPENDIX1_IDS}
    assert data["posts_in_quarter"] is None
    assert data["evidence"] == {}
