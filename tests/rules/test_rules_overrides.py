from __future__ import annotations

import pytest

from camthuy_audit.config import Override
from camthuy_audit.overrides import apply_overrides
from camthuy_audit.rules import run_rules


def override(**fields):
    fields.setdefault("unit", "camtest")
    fields.setdefault("quarter", "2023-Q1")
    fields.setdefault("reason", "Đã kiểm tra thủ công ngày 05/04/2023")
    fields.setdefault("by", "Nguyễn Văn A, Phòng VH-TT")
    return Override(**fields)


def test_override_replaces_mark_and_keeps_the_original(build, ctx):
    verdicts = run_rules(build.snapshot(sections={}), ctx)
    assert verdicts["legal_documents"].mark == "o"
    result = apply_overrides("camtest", verdicts, [override(check="legal_documents", mark="x"),
                                                   override(unit="camngoc", check="copyright", mark="o")])
    fixed = result["legal_documents"]
    assert fixed.mark == "x"
    assert fixed.override is not None
    assert fixed.override.original_mark == "o"
    assert fixed.override.by == "Nguyễn Văn A, Phòng VH-TT"
    assert fixed.evidence[0].kind == "note" and "Nguyễn Văn A" in fixed.evidence[0].text
    assert result["copyright"] == verdicts["copyright"]          # another unit's override
    assert verdicts["legal_documents"].mark == "o"                # input untouched


def test_override_of_the_post_count(build, ctx):
    snapshot = build.snapshot(posts=build.scan(complete=False, reason="hết thời gian"))
    verdicts = run_rules(snapshot, ctx)
    result = apply_overrides("camtest", verdicts, [override(check="posts_in_quarter", posts=41)])
    assert result["posts_in_quarter"].count == 41
    assert result["posts_in_quarter"].mark == "x"
    assert result["posts_in_quarter"].override.original_count is None
    assert result["posts_in_quarter"].override.original_mark == "?"


def test_override_clearing_findings(build, ctx):
    banner = build.banner("/file/thumb/500/7.jpg", alt="Ngày Nhà giáo Việt Nam 20/11/2022")
    verdicts = run_rules(build.snapshot(banners=[banner]), ctx)
    assert verdicts["stale_banners"].findings
    result = apply_overrides("camtest", verdicts, [override(check="stale_banners", mark="x")])
    assert result["stale_banners"].mark == "x" and not result["stale_banners"].findings


def test_unknown_check_is_rejected(build, ctx):
    verdicts = run_rules(build.snapshot(), ctx)
    with pytest.raises(ValueError, match="menu_chinh"):
        apply_overrides("camtest", verdicts, [override(check="menu_chinh", mark="x")])
    with pytest.raises(ValueError, match="posts"):
        apply_overrides("camtest", verdicts, [override(check="copyright", posts=3)])


def test_an_override_applies_to_its_quarters_only():
    once = override(check="copyright", mark="x")
    assert once.applies_to("2023-Q1") and not once.applies_to("2023-Q2") and not once.applies_to("2022-Q4")
    lasting = override(check="copyright", mark="x", until="2024-Q1")
    assert [q for q in ("2022-Q4", "2023-Q1", "2023-Q4", "2024-Q1", "2024-Q2") if lasting.applies_to(q)] == [
        "2023-Q1", "2023-Q4", "2024-Q1"]


def test_an_override_needs_a_quarter_and_says_why():
    with pytest.raises(ValueError, match="mỗi điều chỉnh chỉ áp dụng cho quý đã ghi"):
        Override(unit="camtest", check="copyright", mark="x", reason="r", by="b")
    with pytest.raises(ValueError, match="2023-Q5"):
        override(check="copyright", mark="x", quarter="2023-Q5")
    with pytest.raises(ValueError, match="until 2022-Q4 trước quarter 2023-Q1"):
        override(check="copyright", mark="x", until="2022-Q4")
