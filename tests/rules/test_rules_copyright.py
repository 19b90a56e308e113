from __future__ import annotations

import unicodedata

from camthuy_audit.rules import copyright


def decide(build, ctx, footer):
    return copyright.check(build.snapshot(footer_text=footer), ctx)


def test_complete_footer_passes(build, ctx):
    verdict = decide(build, ctx, build.good_footer)
    assert verdict.mark == "x"
    assert any("Nguyễn Văn An" in e.text for e in verdict.evidence)


def test_nfd_upper_case_and_unaccented_footers_pass(build, ctx):
    for footer in [unicodedata.normalize("NFD", build.good_footer.upper()),
                   "Ban quyen thuoc ve UBND xa Cam Test\nChiu trach nhiem noi dung: Nguyen Van An"]:
        assert decide(build, ctx, footer).mark == "x"


def test_copyright_sign_counts_as_ownership(build, ctx):
    for sign in ["© 2023 UBND xã Cẩm Test", "Copyright (c) UBND xã Cẩm Test"]:
        assert decide(build, ctx, f"{sign}\nNgười chịu trách nhiệm: Ông Lê Văn Cường - Chủ tịch UBND xã").mark == "x"


def test_real_incomplete_footer_with_empty_name_is_o(build, ctx):
    footer = build.good_footer.replace("Chịu trách nhiệm nội dung: Nguyễn Văn An. SĐT 0237 3876 123",
                                 "Chịu trách nhiệm nội dung: . SĐT")
    verdict = decide(build, ctx, footer)
    assert verdict.mark == "o"
    assert "bỏ trống tên người chịu trách nhiệm" in verdict.reason


def test_responsible_field_without_a_name_is_o(build, ctx):
    for line in ["Chịu trách nhiệm nội dung:", "Chịu trách nhiệm nội dung: SĐT 0237 3876 123",
                 "Chịu trách nhiệm nội dung: ĐT: 0237.3876.123 - Email: ubnd@camtest.gov.vn",
                 "Chịu trách nhiệm nội dung", "Chịu trách nhiệm nội dung: 0912 345 678"]:
        verdict = decide(build, ctx, f"Bản quyền thuộc về UBND xã Cẩm Test\n{line}")
        assert verdict.mark == "o", line


def test_missing_ownership_is_o(build, ctx):
    verdict = decide(build, ctx, "Trang thông tin điện tử xã Cẩm Test\nChịu trách nhiệm nội dung: Nguyễn Văn An")
    assert verdict.mark == "o"
    assert "bản quyền" in verdict.reason
    # "Khu C" is not a "(c)" sign.
    assert decide(build, ctx, "Địa chỉ: Khu C\nChịu trách nhiệm: Nguyễn Văn An").mark == "o"


def test_missing_responsible_is_o(build, ctx):
    verdict = decide(build, ctx, "Bản quyền thuộc về UBND xã Cẩm Test\nĐịa chỉ: thôn Một")
    assert verdict.mark == "o"
    assert "người chịu trách nhiệm" in verdict.reason


def test_empty_footer_is_unknown(build, ctx):
    verdict = decide(build, ctx, " \n \n")
    assert verdict.mark == "?"
    assert "không nhận diện được chân trang" in verdict.reason.lower()
