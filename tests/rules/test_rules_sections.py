from __future__ import annotations

import unicodedata

import pytest

from camthuy_audit.models import NavLink, PageFacts
from camthuy_audit.rules import rule_by_id

ITEM_SECTIONS = ["citizen_reception_schedule", "legal_documents", "tourism_festivals",
                 "law_propaganda_category", "digital_transformation_category"]
ALL_SECTIONS = [*ITEM_SECTIONS, "agency_directory"]


def decide(build, ctx, check_id, section=None, *, drop=False, extra=(), **snapshot_fields):
    sections = build.all_sections()
    if drop:
        del sections[check_id]
    elif section is not None:
        sections[check_id] = section
    for n, more in enumerate(extra):
        sections[f"extra-{n}"] = more
    return rule_by_id(check_id).check(build.snapshot(sections=sections, **snapshot_fields), ctx)


@pytest.mark.parametrize("check_id", ITEM_SECTIONS)
def test_section_with_items_passes_with_evidence(build, ctx, check_id):
    section = build.section(check_id, items=4)
    verdict = decide(build, ctx, check_id, section)
    assert verdict.mark == "x"
    texts = " | ".join(e.text for e in verdict.evidence)
    assert section.link.label in texts and "menu chính" in texts
    assert "4 mục" in texts
    assert "20/03/2023" in texts
    assert any(e.url == section.url for e in verdict.evidence)


@pytest.mark.parametrize("check_id", ALL_SECTIONS)
def test_section_not_found_is_o_with_what_was_examined(build, ctx, check_id, rules_config):
    verdict = decide(build, ctx, check_id, drop=True)
    assert verdict.mark == "o"
    assert verdict.reason.startswith("Không tìm thấy")
    missing = [e.text for e in verdict.evidence if e.kind == "missing"]
    assert missing and rules_config.sections[check_id].keywords[0] in missing[0]
    assert any("Đã xem" in e.text and "menu chính" in e.text for e in verdict.evidence)


@pytest.mark.parametrize("check_id", ALL_SECTIONS)
def test_section_not_found_without_a_sure_main_menu_is_unknown(build, ctx, check_id):
    verdict = decide(build, ctx, check_id, drop=True, menu_confident=False,
                     menu_signals=["không có thẻ/lớp đánh dấu menu (nav, menu)"])
    assert verdict.mark == "?"
    assert "menu chính" in verdict.reason and "không có thẻ/lớp" in verdict.reason


@pytest.mark.parametrize("check_id", ALL_SECTIONS)
@pytest.mark.parametrize("status", [404, 410])
def test_section_gone_is_o(build, ctx, check_id, status):
    section = build.section(check_id, items=0, error=build.error("http_status", status))
    verdict = decide(build, ctx, check_id, section)
    assert verdict.mark == "o"
    assert str(status) in verdict.reason
    assert any(e.kind == "error" and e.url for e in verdict.evidence)


@pytest.mark.parametrize("check_id", ALL_SECTIONS)
@pytest.mark.parametrize(("kind", "status"), [("timeout", None), ("http_status", 500), ("http_status", 503),
                                              ("robots", None), ("too_large", None), ("parse", None)])
def test_section_that_could_not_be_read_is_unknown_never_o(build, ctx, check_id, kind, status):
    error = build.error(kind, status, message=f"lỗi {kind}")
    verdict = decide(build, ctx, check_id, build.section(check_id, items=0, error=error))
    assert verdict.mark == "?"
    assert f"lỗi {kind}" in verdict.reason
    assert any(e.kind == "error" and e.url for e in verdict.evidence)


@pytest.mark.parametrize("check_id", ITEM_SECTIONS)
def test_empty_section_is_o(build, ctx, check_id):
    verdict = decide(build, ctx, check_id, build.section(check_id, items=0))
    assert verdict.mark == "o"
    assert "không có nội dung" in verdict.reason


def test_single_article_category_needs_real_text(build, ctx):
    check_id = "tourism_festivals"
    long_article = build.section(check_id, items=0, text_length=1500)
    short_article = build.section(check_id, items=0, text_length=40)
    assert decide(build, ctx, check_id, long_article).mark == "x"
    assert decide(build, ctx, check_id, short_article).mark == "o"


def test_a_page_saying_it_is_empty_is_empty_whatever_else_it_lists(build, ctx):
    section = build.section("digital_transformation_category", items=3, text_length=900,
                            text_start="Chuyển đổi số\nChưa có bài viết nào trong chuyên mục này.\nTin mới nhất\nMục 0")
    verdict = decide(build, ctx, "digital_transformation_category", section)
    assert verdict.mark == "o"
    assert "Chưa có bài viết" in verdict.reason


def test_section_found_under_unaccented_nfd_or_abbreviated_label_passes(build, ctx):
    for label in ["Van ban QPPL", unicodedata.normalize("NFD", "VĂN BẢN PHÁP QUY"), "QPPL"]:
        assert decide(build, ctx, "legal_documents", build.section("legal_documents", label=label)).mark == "x"
    for label in ["CĐS", "Chuyen doi so"]:
        section = build.section("digital_transformation_category", label=label)
        assert decide(build, ctx, "digital_transformation_category", section).mark == "x"


def test_generic_menu_label_found_by_its_page_heading(build, ctx):
    section = build.section("legal_documents", label="Văn bản", heading="Văn bản pháp quy",
                            title="Văn bản pháp quy - Cổng TTĐT xã Cẩm Test")
    verdict = decide(build, ctx, "legal_documents", section)
    assert verdict.mark == "x"
    assert "có tiêu đề “Văn bản pháp quy”" in verdict.evidence[0].text


def test_site_wide_title_words_do_not_name_a_section(build, ctx):
    # Every page's <title> carries the site's slogan: that does not make every page the tourism section.
    section = build.section("tourism_festivals", label="Giới thiệu", title="Giới thiệu - Xã Cẩm Test - Du lịch xanh")
    verdict = decide(build, ctx, "tourism_festivals", section, drop=False,
                     home_title="Xã Cẩm Test - Du lịch xanh")
    assert verdict.mark == "o"


def test_an_article_heading_mentioning_the_topic_is_not_the_section(build, ctx):
    section = build.section("tourism_festivals", label="Giới thiệu", items=0, text_length=3000,
                            heading="Lịch sử hình thành và tiềm năng du lịch của xã Cẩm Test")
    assert decide(build, ctx, "tourism_festivals", section).mark == "o"


def test_unread_generic_menu_entry_keeps_a_missing_section_unknown(build, ctx):
    failed = build.section("legal_documents", label="Văn bản", items=0,
                           error=build.error("http_status", 503, message="máy chủ trả lời HTTP 503"))
    verdict = decide(build, ctx, "legal_documents", failed)
    assert verdict.mark == "?"
    assert "“Văn bản”" in verdict.reason and "503" in verdict.reason
    # A specific entry that failed (not a possible legal-documents page) does not.
    other = build.section("legal_documents", label="Liên hệ", items=0,
                          error=build.error("http_status", 503, message="máy chủ trả lời HTTP 503"))
    assert decide(build, ctx, "legal_documents", other).mark == "o"


def test_links_to_other_sites_count_only_from_the_main_menu(build, ctx):
    check_id = "digital_transformation_category"
    side = build.section(check_id, where="side", url="https://cds.thanhhoa.gov.vn/")
    assert decide(build, ctx, check_id, side).mark == "o"
    menu = build.section(check_id, where="menu", url="https://cds.thanhhoa.gov.vn/")
    verdict = decide(build, ctx, check_id, menu)
    assert verdict.mark == "?" and "trang web khác" in verdict.reason


def test_any_candidate_with_content_passes(build, ctx):
    check_id = "citizen_reception_schedule"
    empty = build.section(check_id, items=0, where="menu")
    full = build.section(check_id, items=2, where="side", url=build.url("lich-tiep-dan-2023"))
    assert decide(build, ctx, check_id, empty, extra=[full]).mark == "x"


def test_directory_needs_a_phone_or_email(build, ctx):
    check_id = "agency_directory"
    with_phone = build.section(check_id, items=0, phones=["0237 3876 123", "0912 345 678", "0912 000 111"])
    with_email = build.section(check_id, items=0, emails=["vanthu@camtest.gov.vn"])
    bare = build.section(check_id, items=5)
    verdict = decide(build, ctx, check_id, with_phone)
    assert verdict.mark == "x"
    texts = " | ".join(e.text for e in verdict.evidence)
    assert "3 số điện thoại, 0 địa chỉ thư điện tử" in texts
    assert "0237 3876 123, 0912 345 678" in texts and "0912 000 111" not in texts
    assert decide(build, ctx, check_id, with_email).mark == "x"
    assert decide(build, ctx, check_id, bare).mark == "o"


def test_matched_keyword_is_shown_as_configured(build, ctx):
    section = build.section("digital_transformation_category", label="Chuyên mục CĐS", where="side")
    verdict = decide(build, ctx, "digital_transformation_category", section)
    assert verdict.evidence[0].text == "Liên kết “Chuyên mục CĐS” ở cột bên (khớp từ khóa “chuyển đổi số”)"


def test_models_are_the_crawlers_vocabulary():
    link = NavLink(url="https://x.gov.vn/a", label="A", where="menu")
    page = PageFacts(url=link.url, heading="A")
    assert page.newest is None and link.own
