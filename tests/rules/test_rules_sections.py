from __future__ import annotations

import unicodedata

import pytest

from camthuy_audit.rules import rule_by_id

ITEM_SECTIONS = ["citizen_reception_schedule", "legal_documents", "tourism_festivals",
                 "law_propaganda_category", "digital_transformation_category"]
ALL_SECTIONS = [*ITEM_SECTIONS, "agency_directory"]


def decide(build, ctx, check_id, page=None, *, drop=False):
    sections = build.all_sections()
    if drop:
        del sections[check_id]
    elif page is not None:
        sections[check_id] = page
    return rule_by_id(check_id).check(build.snapshot(sections=sections), ctx)


@pytest.mark.parametrize("check_id", ITEM_SECTIONS)
def test_section_with_items_passes_with_evidence(build, ctx, check_id):
    page = build.section(check_id, items=4)
    verdict = decide(build, ctx, check_id, page)
    assert verdict.mark == "x"
    texts = " | ".join(e.text for e in verdict.evidence)
    assert page.link.label in texts and "menu chính" in texts
    assert "4 mục" in texts
    assert "20/03/2023" in texts
    assert any(e.url == page.url for e in verdict.evidence)


@pytest.mark.parametrize("check_id", ALL_SECTIONS)
def test_section_not_found_is_o_with_keywords(build, ctx, check_id, rules_config):
    for verdict in (decide(build, ctx, check_id, drop=True),
                    decide(build, ctx, check_id, build.section(check_id).model_copy(update={"link": None}))):
        assert verdict.mark == "o"
        assert verdict.reason.startswith("Không tìm thấy")
        missing = [e.text for e in verdict.evidence if e.kind == "missing"]
        assert missing and rules_config.sections[check_id].keywords[0] in missing[0]


@pytest.mark.parametrize("check_id", ALL_SECTIONS)
@pytest.mark.parametrize("status", [404, 410])
def test_section_gone_is_o(build, ctx, check_id, status):
    page = build.section(check_id, items=0, error=build.error("http_status", status))
    verdict = decide(build, ctx, check_id, page)
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
    assert any(e.kind == "error" and e.url == error.url for e in verdict.evidence)


@pytest.mark.parametrize("check_id", ITEM_SECTIONS)
def test_empty_section_is_o(build, ctx, check_id):
    verdict = decide(build, ctx, check_id, build.section(check_id, items=0))
    assert verdict.mark == "o"
    assert "không có nội dung" in verdict.reason


def test_single_article_category_needs_real_text(build, ctx):
    check_id = "tourism_festivals"
    long_article = build.section(check_id, items=0, single_article=True, text_length=1500)
    short_article = build.section(check_id, items=0, single_article=True, text_length=40)
    assert decide(build, ctx, check_id, long_article).mark == "x"
    assert decide(build, ctx, check_id, short_article).mark == "o"


def test_section_found_under_unaccented_nfd_or_abbreviated_label_passes(build, ctx):
    for label in ["Van ban QPPL", unicodedata.normalize("NFD", "VĂN BẢN PHÁP QUY"), "QPPL"]:
        assert decide(build, ctx, "legal_documents", build.section("legal_documents", label=label)).mark == "x"
    for label in ["CĐS", "Chuyen doi so"]:
        page = build.section("digital_transformation_category", label=label)
        assert decide(build, ctx, "digital_transformation_category", page).mark == "x"


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
    page = build.section("digital_transformation_category", label="Chuyên mục CĐS")
    page = page.model_copy(update={"matched_keyword": "chuyen doi so", "found_in": "side"})
    verdict = decide(build, ctx, "digital_transformation_category", page)
    assert verdict.evidence[0].text == "Liên kết “Chuyên mục CĐS” ở cột bên (khớp từ khóa “chuyển đổi số”)"
