from __future__ import annotations

import pytest

import camthuy_audit.rules as rules_pkg
from camthuy_audit.config import CheckSwitch
from camthuy_audit.models import PortalSnapshot, Verdict
from camthuy_audit.rules import APPENDIX1_IDS, RULES, Rule, RuleContext, RuleMeta, rule_by_id, run_rules

MISSION_ORDER = [
    "main_menu", "feedback_banner", "citizen_reception_schedule", "legal_documents", "tourism_festivals",
    "law_propaganda_category", "digital_transformation_category", "agency_directory", "side_banners", "copyright",
]
COLUMNS = {
    "main_menu": "Thiết lập lại menu chính",
    "feedback_banner": "Đã tải Banner phản hồi",
    "citizen_reception_schedule": "Lịch tiếp công dân",
    "legal_documents": "Văn bản pháp quy",
    "tourism_festivals": "Du lịch - lễ hội",
    "law_propaganda_category": "Chuyên mục tuyên truyền phổ biến giáo dục pháp luật",
    "digital_transformation_category": "Chuyên mục chuyển đổi số",
    "agency_directory": "Danh bạ cơ quan chức năng",
    "side_banners": "Hình ảnh và banner trái phải trang/cổng thông tin",
    "copyright": "Bản quyền sử dụng",
    "posts_in_quarter": "Số tin bài đăng trên trang/cổng thông tin",
    "stale_banners": "Hình ảnh banner quá thời gian TT",
    "stale_categories": "Chuyên mục quá thời gian TT",
    "oversized_banners": "Hình ảnh banner quá kích thước",
}


def test_registry_order_and_ids():
    assert list(APPENDIX1_IDS) == MISSION_ORDER
    assert [r.meta.id for r in RULES] == [*MISSION_ORDER, "posts_in_quarter", "stale_banners",
                                          "stale_categories", "oversized_banners"]
    assert rule_by_id("copyright").meta.id == "copyright"
    with pytest.raises(KeyError, match="khong_co"):
        rule_by_id("khong_co")


def test_metadata_is_complete_and_named_like_the_seed():
    for rule in RULES:
        meta = rule.meta
        assert meta.column == COLUMNS[meta.id]
        assert rule.check.__module__ == f"camthuy_audit.rules.{meta.id}"
        assert meta.passes and meta.how_to_fix and meta.legal_basis
        assert meta.kind == ("appendix1" if meta.id in MISSION_ORDER else
                             "posts" if meta.id == "posts_in_quarter" else "findings")


def test_good_portal_passes_everything(build, ctx):
    verdicts = run_rules(build.snapshot(), ctx)
    assert list(verdicts) == [r.meta.id for r in RULES]
    assert {cid: verdicts[cid].mark for cid in APPENDIX1_IDS} == dict.fromkeys(APPENDIX1_IDS, "x")
    assert verdicts["posts_in_quarter"].count == 2
    assert all(verdicts[cid].mark == "x" and not verdicts[cid].findings
               for cid in ("stale_banners", "stale_categories", "oversized_banners"))


def test_unreachable_portal_gives_question_marks_everywhere(build, ctx):
    error = build.error("dns", message="không phân giải được tên miền", url=build.home + "/")
    snapshot = build.snapshot(reachable=False, home_error=error, menu=[], banners=[], sections={}, footer_text="")
    verdicts = run_rules(snapshot, ctx)
    assert len(verdicts) == len(RULES)
    for verdict in verdicts.values():
        assert verdict.mark == "?"
        assert verdict.count is None
        assert verdict.reason == "Không truy cập được cổng thông tin: không phân giải được tên miền"
        assert verdict.evidence[0].url == build.home + "/"


def test_disabled_checks_are_skipped(build, rules_config, ctx):
    switched = rules_config.model_copy(update={"checks": {"oversized_banners": CheckSwitch(enabled=False)}})
    verdicts = run_rules(build.snapshot(), RuleContext(rules=switched, quarter=ctx.quarter))
    assert "oversized_banners" not in verdicts
    assert len(verdicts) == len(RULES) - 1


def test_a_rule_that_raises_gives_question_mark(build, ctx, monkeypatch):
    def broken(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
        raise RuntimeError("hỏng")

    meta = RuleMeta(id="copyright", kind="appendix1", column="Bản quyền sử dụng", passes="-",
                    legal_basis="-", how_to_fix="-")
    monkeypatch.setattr(rules_pkg, "RULES", (rule_by_id("main_menu"), Rule(meta=meta, check=broken)))
    verdicts = run_rules(build.snapshot(), ctx)
    assert verdicts["main_menu"].mark == "x"
    assert verdicts["copyright"].mark == "?"
    assert "RuntimeError: hỏng" in verdicts["copyright"].reason


def test_unreachable_without_error_details_still_says_why(build, ctx):
    verdicts = run_rules(build.snapshot(reachable=False), ctx)
    assert {v.mark for v in verdicts.values()} == {"?"}
    assert verdicts["main_menu"].reason == "Không truy cập được cổng thông tin: không rõ lỗi"
    assert verdicts["main_menu"].evidence[0].url == build.home + "/"
