"""The aggregation reproduces the real Q1-2023 notice (shared/seed/dispatch-2023-Q1.txt)."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from camthuy_audit.aggregate import (
    Notice,
    build_notice,
    count_units,
    fill,
    join_unit_names,
    merge_notes,
)
from camthuy_audit.config import Config, load_config
from camthuy_audit.models import Evidence, Finding, OverrideNote, UnitResult, Verdict
from camthuy_audit.quarter import VN_TZ, Quarter

REPO = Path(__file__).resolve().parent.parent
QUARTER = Quarter(2023, 1)
RUN_DATE = date(2023, 4, 12)

APPENDIX1_IDS = (
    "main_menu", "feedback_banner", "citizen_reception_schedule", "legal_documents", "tourism_festivals",
    "law_propaganda_category", "digital_transformation_category", "agency_directory", "side_banners",
    "copyright",
)

# Appendix 1 of the seed, cell for cell (unit id, name, ten marks), and the Appendix 2 post counts.
SEED = """
camvan     xxxxxxxxxx 41
camgiang   xxxxxxxxxx 12
camthanh   oxxxxxxxxx 44
camquy     oooooxxxxx 32
camtan     xxxxxxxxxx 75
camngoc    oxooxxxxxx 108
camtu      xxxxxxxxxx 55
camchau    xxxxxxxxxx 51
camyen     oxxooxxxxx 37
camphu     oooooxoxxx 11
camthach   oxxooxxxxx 34
cambinh    oxxxxxxxxx 42
phongson   xxxxxxxxxx 12
camlien    oxooooxoxx 5
camlong    oxxooxxxxx 21
camluong   xxxxxxxxxx 23
camtam     xoxxxxxxxx 21
"""
SEED_ROWS = [(line.split()[0], line.split()[1], int(line.split()[2])) for line in SEED.strip().splitlines()]
SEED_MARKS = {unit: list(marks) for unit, marks, _ in SEED_ROWS}
SEED_POSTS = {unit: posts for unit, _, posts in SEED_ROWS}
# Appendix 2 of the seed: post counts in row order (ties in any order).
SEED_APPENDIX2_COUNTS = [108, 75, 55, 51, 44, 42, 41, 37, 34, 32, 23, 21, 21, 12, 12, 11, 5]

STALE_BANNERS = {
    "camyen": [Finding(label="Ngày Chuyển đổi số quốc gia 2022", note="Ngày chuyển đổi số VN (từ năm 2022)",
                       url="https://camyen.camthuy.thanhhoa.gov.vn/file/thumb/500/1.jpg")],
    "camtam": [Finding(label="Ngày Nhà giáo Việt Nam 20/11/2022", note="Ngày nhà giáo việt nam (từ năm 2022)"),
               Finding(label="Ngày hội Đại đoàn kết toàn dân tộc 2022", note="ngày MTDT thống nhất (từ năm 2022)")],
}
STALE_CATEGORIES = {
    "camphu": [Finding(label="Bầu cử đại biểu Quốc hội và HĐND các cấp",
                       note="Chuyên mục bầu cử (bầu cử ngày 23/05/2021)",
                       url="https://camphu.camthuy.thanhhoa.gov.vn/web/trang-chu/bau-cu")],
}


def config() -> Config:
    return load_config(REPO / "config" / "district.toml")


def _findings_verdict(check_id: str, findings: list[Finding]) -> Verdict:
    if findings:
        return Verdict(check_id=check_id, mark="o", reason=f"{len(findings)} mục quá thời gian",
                       findings=findings, evidence=[Evidence(kind="found", text=f.label, url=f.url) for f in findings])
    return Verdict(check_id=check_id, mark="x", reason="không có")


def seed_result(unit_id: str, name: str, url: str) -> UnitResult:
    marks = SEED_MARKS[unit_id]
    verdicts = {
        check_id: Verdict(check_id=check_id, mark=mark, reason="đạt" if mark == "x" else "không đạt",  # type: ignore[arg-type]
                          evidence=[Evidence(kind="url", text="trang", url=url)])
        for check_id, mark in zip(APPENDIX1_IDS, marks, strict=True)
    }
    verdicts["posts_in_quarter"] = Verdict(check_id="posts_in_quarter", mark="x", reason="đếm đủ",
                                           count=SEED_POSTS[unit_id],
                                           evidence=[Evidence(kind="count", text=str(SEED_POSTS[unit_id]))])
    verdicts["stale_banners"] = _findings_verdict("stale_banners", STALE_BANNERS.get(unit_id, []))
    verdicts["stale_categories"] = _findings_verdict("stale_categories", STALE_CATEGORIES.get(unit_id, []))
    verdicts["oversized_banners"] = _findings_verdict("oversized_banners", [])
    return UnitResult(unit_id=unit_id, name=name, url=url, quarter="2023-Q1",
                      audited_at=datetime(2023, 4, 10, 9, 0, tzinfo=VN_TZ), reachable=True,
                      platform="camthuy-cms", verdicts=verdicts, pages_fetched=120)


def seed_results(cfg: Config | None = None) -> list[UnitResult]:
    cfg = cfg or config()
    return [seed_result(u.id, u.name, u.url) for u in cfg.units]


def unreachable(result: UnitResult, reason: str = "không phân giải được tên miền (DNS)") -> UnitResult:
    verdicts = {cid: Verdict(check_id=cid, mark="?", reason=reason) for cid in result.verdicts}
    return result.model_copy(update={"reachable": False, "unreachable_reason": reason, "verdicts": verdicts})


def seed_notice(results: list[UnitResult] | None = None) -> Notice:
    cfg = config()
    return build_notice(results if results is not None else seed_results(cfg), cfg, QUARTER, run_date=RUN_DATE)


def _replace(results: list[UnitResult], unit_id: str, new: UnitResult) -> list[UnitResult]:
    return [new if r.unit_id == unit_id else r for r in results]


# --- the seed, reproduced --------------------------------------------------------------------


def test_config_units_match_seed_order() -> None:
    assert [u.id for u in config().units] == [unit for unit, _, _ in SEED_ROWS]


def test_appendix1_equals_seed_cell_for_cell() -> None:
    notice = seed_notice()
    assert [c.id for c in notice.appendix1.columns] == list(APPENDIX1_IDS)
    assert len(notice.appendix1.rows) == 17
    for number, (row, (unit, marks, _)) in enumerate(zip(notice.appendix1.rows, SEED_ROWS, strict=True), 1):
        assert row.number == number
        assert row.unit_id == unit
        assert "".join(row.marks) == marks
    assert notice.appendix1.rows[0].name == "UBND xã Cẩm Vân"
    assert notice.appendix1.title == "Phụ lục 1"
    assert notice.appendix1.subtitles == [
        "Tình hình thực hiện khắc phục tồn tại Trang/Cổng thông tin điện tử cấp xã theo công văn số "
        "155/UBND-VHTT, ngày 01/02/2023",
        "(Kèm theo công văn số      /UBND-VHTT ngày      /04/2023)",
    ]
    legend = " ".join(notice.appendix1.legend)
    assert "x. thực hiện theo công văn số 155." in legend
    assert "o. Không thực hiện theo công văn 155." in legend
    assert "?. Không kiểm tra được" in legend


def test_appendix2_counts_order_and_total() -> None:
    notice = seed_notice()
    a2 = notice.appendix2
    assert [r.posts for r in a2.rows] == SEED_APPENDIX2_COUNTS
    assert [r.number for r in a2.rows] == list(range(1, 18))
    assert a2.rows[0].unit_id == "camngoc" and a2.rows[-1].unit_id == "camlien"
    # ties keep Appendix 1 order
    assert [r.unit_id for r in a2.rows if r.posts == 21] == ["camlong", "camtam"]
    assert [r.unit_id for r in a2.rows if r.posts == 12] == ["camgiang", "phongson"]
    assert a2.total.posts == 624 and a2.total.label == "Tổng" and not a2.total.partial
    assert notice.figures.total_posts == 624
    by_unit = {r.unit_id: r for r in a2.rows}
    assert by_unit["camyen"].banner_mark == "x"
    assert by_unit["camyen"].note == "Ngày chuyển đổi số VN (từ năm 2022)"
    assert by_unit["camtam"].banner_mark == "x"
    assert by_unit["camtam"].note == "Ngày nhà giáo việt nam, ngày MTDT thống nhất (từ năm 2022)"
    assert by_unit["camphu"].category_mark == "x" and by_unit["camphu"].banner_mark == ""
    assert [r.unit_id for r in a2.rows if r.banner_mark] == ["camyen", "camtam"]
    assert [r.unit_id for r in a2.rows if r.category_mark] == ["camphu"]
    assert a2.title == "PHỤ LỤC 2"
    assert a2.columns == ["TT", "Đơn vị", "Số tin bài đăng trên trang/cổng thông tin",
                          "Hình ảnh banner quá thời gian TT", "Chuyên mục quá thời gian TT", "Ghi chú"]
    assert a2.subtitles[-1] == "(Số liệu tính từ 01/01/2023 đến 31/03/2023)"
    assert a2.subtitles[0] == "Thực hiện đăng tin bài trên Trang/Cổng thông tin điện tử UBND các xã, thị trấn"
    assert a2.legend[0].startswith("x. chuyên mục; hình ảnh banner không thay hoặc bỏ đi")
    assert a2.legend[1].startswith("o. hình ảnh banner quá kích thước")


def test_header_and_closing() -> None:
    notice = seed_notice()
    h = notice.header
    assert h.issuer_parent == "ỦY BAN NHÂN DÂN" and h.issuer_name == "HUYỆN CẨM THỦY"
    assert h.number_line == "Số:      /UBND-VHTT"
    # "quý I" is never split over two lines: a no-break space before the numeral.
    assert h.subject == "V/v báo cáo thực hiện hoạt động Cổng/Trang thông tin điện tử quý\u00a0I của UBND cấp xã."
    assert "quý I" not in h.subject
    assert h.place_date == "Cẩm Thủy, ngày      tháng 4 năm 2023"
    assert h.addressee == "Kính gửi: UBND các xã, thị trấn."
    assert notice.recipients == ["- Như trên;", "- Lưu: VT, VH-TT."]
    assert notice.signature.authority == "KT. CHỦ TỊCH"
    assert notice.signature.title == "PHÓ CHỦ TỊCH"
    assert notice.signature.name == "Trần Đức Hùng"
    assert notice.body.references[0].startswith(
        "Ngày 01/02/2023 UBND huyện có công văn số 155/UBND-VHTT về việc tăng cường khắc phục")
    assert notice.body.references[1].startswith("Ngày 28/02/2023 UBND huyện có công văn số 380/UBND-VHTT báo cáo")
    assert notice.body.judgement.endswith("cơ bản đã thực hiện tốt.")
    assert notice.figures.judgement == "good"
    assert notice.body.shortcomings.startswith("Tuy nhiên")
    assert notice.body.closing.endswith("./.")


def test_month_padding_follows_decree_30() -> None:
    cfg = config()
    notice = build_notice(seed_results(cfg), cfg, Quarter(2022, 4), run_date=date(2023, 1, 9))
    assert notice.header.place_date == "Cẩm Thủy, ngày      tháng 01 năm 2023"
    assert "quý\u00a0IV" in notice.header.subject
    assert notice.appendix2.subtitles[-1] == "(Số liệu tính từ 01/10/2022 đến 31/12/2022)"
    assert notice.appendix1.subtitles[1].endswith("ngày      /01/2023)")


def test_body_lists_name_the_seed_units() -> None:
    notice = seed_notice()
    kinds = [item.kind for item in notice.body.lists]
    assert kinds == ["few_posts", "stale_banners", "stale_categories", "not_carried_out"]

    few = notice.body.get("few_posts")
    assert few is not None
    assert set(few.unit_ids) == {"phongson", "camluong", "camtam", "camlong", "camgiang", "camphu", "camlien"}
    assert few.unit_ids == ["camgiang", "camphu", "phongson", "camlien", "camlong", "camluong", "camtam"]
    assert "camquy" not in few.unit_ids          # 32 posts: not few
    assert few.detail == "(chi tiết phụ lục 2 kèm theo)"
    assert few.text.endswith("UBND xã Cẩm Giang, Cẩm Phú, thị trấn Phong Sơn, xã Cẩm Liên, Cẩm Long, "
                             "Cẩm Lương và Cẩm Tâm.")

    stale = notice.body.get("stale_banners")
    assert stale is not None and stale.unit_ids == ["camyen", "camtam"]
    assert "UBND xã Cẩm Yên và Cẩm Tâm" in stale.text

    categories = notice.body.get("stale_categories")
    assert categories is not None and categories.unit_ids == ["camphu"]
    assert categories.text.startswith("UBND xã Cẩm Phú vẫn để chuyên mục tuyên truyền “Bầu cử")

    not_done = notice.body.get("not_carried_out")
    assert not_done is not None
    assert not_done.unit_ids == ["camthanh", "camquy", "camngoc", "camyen", "camphu", "camthach", "cambinh",
                                 "camlien", "camlong", "camtam"]
    assert not_done.count == 10 and not_done.count_text == "10 xã"
    assert "công văn số 155/UBND-VHTT, ngày 01/02/2023 của UBND huyện gồm (10 xã): UBND xã Cẩm Thành, Cẩm Quý," \
        in not_done.text
    assert not_done.text.endswith("Cẩm Long và Cẩm Tâm.")
    assert not_done.detail == "(chi tiết phụ lục 1 kèm theo)"
    assert notice.body.get("not_checked") is None
    assert notice.body.get("oversized_banners") is None


# --- three states ----------------------------------------------------------------------------


def test_the_letter_says_why_a_portal_was_not_read_in_a_few_words() -> None:
    from camthuy_audit.aggregate import reason_class
    from camthuy_audit.models import FetchError

    tam = next(r for r in seed_results() if r.unit_id == "camtam")
    for kind, status, said in (("dns", None, "không truy cập được cổng thông tin"),
                               ("connect", None, "không truy cập được cổng thông tin"),
                               ("timeout", None, "quá thời gian chờ"), ("http_status", 503, "máy chủ từ chối"),
                               ("robots", None, "máy chủ từ chối"), ("parse", None, "không đọc được trang")):
        error = FetchError(url="https://camtam.example/robots.txt", kind=kind, status=status, message="lỗi kỹ thuật")
        assert reason_class(tam.model_copy(update={"reachable": False, "errors": [error]})) == said
    assert seed_notice().header.draft == ""                   # every unit checked: not a draft


def test_unreachable_unit_is_not_checked_never_accused() -> None:
    results = seed_results()
    tam = next(r for r in results if r.unit_id == "camtam")
    notice = seed_notice(_replace(results, "camtam", unreachable(tam)))

    row = next(r for r in notice.appendix1.rows if r.unit_id == "camtam")
    assert row.marks == ["?"] * 10 and not row.checked and not row.reachable
    a2 = notice.appendix2
    assert a2.rows[-1].unit_id == "camtam" and a2.rows[-1].posts is None and a2.rows[-1].posts_text == "?"
    assert a2.rows[-1].banner_mark == "?" and a2.rows[-1].category_mark == "?"
    assert "Không kiểm tra được" in a2.rows[-1].note
    assert a2.total.posts == 624 - 21 and a2.total.partial and a2.total.missing == 1
    assert a2.total.label != "Tổng" and "1 đơn vị" in a2.total.label

    lists = {item.kind: item for item in notice.body.lists}
    assert "camtam" not in lists["few_posts"].unit_ids
    assert "camtam" not in lists["not_carried_out"].unit_ids
    assert lists["not_carried_out"].count_text == "9 xã"
    assert "camtam" not in lists["stale_banners"].unit_ids
    assert lists["not_checked"].unit_ids == ["camtam"]
    assert "Chưa kiểm tra được 1 xã" in lists["not_checked"].text
    assert "UBND xã Cẩm Tâm (không truy cập được cổng thông tin)" in lists["not_checked"].text
    assert "DNS" not in lists["not_checked"].text              # technical detail stays in results.json
    assert notice.figures.not_checked == 1 and notice.figures.reachable == 16
    assert notice.header.draft == "DỰ THẢO"                   # a draft until every unit is checked


def test_reachable_unit_with_only_question_marks_is_not_in_not_carried_out() -> None:
    results = seed_results()
    tam = next(r for r in results if r.unit_id == "camtam")
    verdicts = dict(tam.verdicts)
    verdicts["feedback_banner"] = Verdict(check_id="feedback_banner", mark="?", reason="máy chủ trả lỗi 503")
    verdicts["posts_in_quarter"] = Verdict(check_id="posts_in_quarter", mark="?", count=None,
                                           reason="không đọc hết được danh sách tin")
    notice = seed_notice(_replace(results, "camtam", tam.model_copy(update={"verdicts": verdicts})))
    not_done = notice.body.get("not_carried_out")
    assert not_done is not None and "camtam" not in not_done.unit_ids
    not_checked = notice.body.get("not_checked")
    assert not_checked is not None and not_checked.unit_ids == ["camtam"]
    assert not_checked.entries[0].detail.startswith("chưa xác định được:")
    assert "số tin bài" in not_checked.entries[0].detail
    few = notice.body.get("few_posts")
    assert few is not None and "camtam" not in few.unit_ids
    assert notice.appendix2.total.partial
    assert notice.appendix2.rows[-1].note.startswith("Ngày nhà giáo")  # the stale banners stay known
    assert "Không đếm được số tin bài" in notice.appendix2.rows[-1].note


def test_missing_result_counts_as_not_checked() -> None:
    results = [r for r in seed_results() if r.unit_id != "camvan"]
    notice = seed_notice(results)
    assert notice.appendix1.rows[0].unit_id == "camvan" and notice.appendix1.rows[0].marks == ["?"] * 10
    not_checked = notice.body.get("not_checked")
    assert not_checked is not None and not_checked.unit_ids == ["camvan"]


def test_override_on_unreachable_unit_is_kept() -> None:
    results = seed_results()
    van = unreachable(next(r for r in results if r.unit_id == "camvan"))
    verdicts = dict(van.verdicts)
    verdicts["copyright"] = Verdict(check_id="copyright", mark="x", reason="cán bộ đã kiểm tra",
                                    override=OverrideNote(original_mark="?", reason="kiểm tra tay", by="VH-TT"))
    notice = seed_notice(_replace(results, "camvan", van.model_copy(update={"verdicts": verdicts})))
    assert notice.appendix1.rows[0].marks == ["?"] * 9 + ["x"]


def test_oversized_banner_column_and_list() -> None:
    results = seed_results()
    yen = next(r for r in results if r.unit_id == "camyen")
    tu = next(r for r in results if r.unit_id == "camtu")
    big = Finding(label="banner 1920x1400", note="Banner quá kích thước 1920x1400")
    yv = dict(yen.verdicts, oversized_banners=_findings_verdict("oversized_banners", [big]))
    tv = dict(tu.verdicts, oversized_banners=_findings_verdict("oversized_banners", [big]))
    results = _replace(results, "camyen", yen.model_copy(update={"verdicts": yv}))
    results = _replace(results, "camtu", tu.model_copy(update={"verdicts": tv}))
    notice = seed_notice(results)
    rows = {r.unit_id: r for r in notice.appendix2.rows}
    assert rows["camyen"].banner_mark == "x"        # x wins, the note says both
    assert "chuyển đổi số" in rows["camyen"].note and "kích thước" in rows["camyen"].note
    assert rows["camtu"].banner_mark == "o"
    oversized = notice.body.get("oversized_banners")
    assert oversized is not None and oversized.unit_ids == ["camtu", "camyen"]
    kinds = [item.kind for item in notice.body.lists]
    assert kinds.index("oversized_banners") == kinds.index("stale_categories") + 1


def test_judgement_poor_when_few_units_post_enough() -> None:
    results = seed_results()
    low = []
    for r in results:
        verdicts = dict(r.verdicts)
        verdicts["posts_in_quarter"] = verdicts["posts_in_quarter"].model_copy(update={"count": 3})
        low.append(r.model_copy(update={"verdicts": verdicts}))
    notice = seed_notice(low)
    assert notice.figures.judgement == "poor"
    assert "chưa thực hiện tốt" in notice.body.judgement
    few = notice.body.get("few_posts")
    assert few is not None and few.count == 17


# --- helpers ---------------------------------------------------------------------------------


def test_join_unit_names() -> None:
    assert join_unit_names(["UBND xã Cẩm Vân"]) == "UBND xã Cẩm Vân"
    assert join_unit_names(["UBND xã Cẩm Yên", "UBND xã Cẩm Tâm"]) == "UBND xã Cẩm Yên và Cẩm Tâm"
    assert join_unit_names(["UBND thị trấn Phong Sơn", "UBND Xã Cẩm Thạch", "UBND xã Cẩm Tâm"]) == \
        "UBND thị trấn Phong Sơn, xã Cẩm Thạch và Cẩm Tâm"
    assert join_unit_names(["Xã A", "Phường B"]) == "Xã A và phường B"
    assert join_unit_names(["Trạm X", "UBND xã Y"]) == "Trạm X và UBND xã Y"
    assert join_unit_names(["UBND xã A", "UBND xã B"], ["lỗi 1", ""]) == "UBND xã A (lỗi 1) và B"
    assert join_unit_names([]) == ""


def test_count_units() -> None:
    assert count_units(["UBND xã A", "UBND xã B"]) == "2 xã"
    assert count_units(["UBND xã A", "UBND thị trấn B", "UBND xã C"]) == "2 xã, 1 thị trấn"
    assert count_units(["UBND xã A", "Trạm B"]) == "2 đơn vị"


def test_merge_notes() -> None:
    assert merge_notes(["Ngày nhà giáo việt nam (từ năm 2022)", "ngày MTDT thống nhất (từ năm 2022)"]) == \
        "Ngày nhà giáo việt nam, ngày MTDT thống nhất (từ năm 2022)"
    assert merge_notes(["A (từ năm 2021)", "B", "A (từ năm 2021)"]) == "A (từ năm 2021); B"


def test_fill_keeps_unknown_braces() -> None:
    assert fill("quý {quarter_roman} năm {year} {other}", {"quarter_roman": "II", "year": 2024}) == \
        "quý II năm 2024 {other}"


def test_build_notice_needs_a_district() -> None:
    cfg = config()
    bare = Config(path=None, district=None, rules=cfg.rules)
    with pytest.raises(ValueError):
        build_notice(seed_results(cfg), bare, QUARTER, run_date=RUN_DATE)


def test_columns_mapping_overrides_labels() -> None:
    cfg = config()
    labels = {cid: f"Cột {i}" for i, cid in enumerate(APPENDIX1_IDS, 1)}
    notice = build_notice(seed_results(cfg), cfg, QUARTER, run_date=RUN_DATE, columns=labels)
    assert [c.label for c in notice.appendix1.columns] == [f"Cột {i}" for i in range(1, 11)]


def test_a_unit_excluded_from_the_quarter_is_not_in_the_notice() -> None:
    from camthuy_audit.config import Exclusion

    cfg = config()
    exclusion = Exclusion(unit="camlien", quarter="2023-Q1", reason="Sáp nhập vào xã Cẩm Long", by="VH-TT")
    cfg = cfg.model_copy(update={"exclusions": [exclusion]})
    notice = build_notice(seed_results(cfg), cfg, QUARTER, run_date=RUN_DATE)
    assert "camlien" not in [r.unit_id for r in notice.appendix1.rows]
    assert "camlien" not in [r.unit_id for r in notice.appendix2.rows]
    assert len(notice.appendix1.rows) == 16 and notice.figures.units == 16
    assert all("camlien" not in body.unit_ids for body in notice.body.lists)
    # Another quarter is not excluded.
    later = build_notice(seed_results(cfg), cfg, Quarter(2023, 2), run_date=date(2023, 7, 5))
    assert "camlien" in [r.unit_id for r in later.appendix1.rows]
