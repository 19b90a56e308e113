"""The checks, in one ordered registry, and the function that runs them on a snapshot.

Each check lives in the module named after its id, with its metadata (``META``) beside its
``check``. Order: the ten Appendix 1 checks in the notice's column order, then the Appendix 2 ones.
"""

from __future__ import annotations

import logging

from camthuy_audit.models import Evidence, PortalSnapshot, Verdict
from camthuy_audit.rules import (
    agency_directory,
    citizen_reception_schedule,
    copyright,
    digital_transformation_category,
    feedback_banner,
    law_propaganda_category,
    legal_documents,
    main_menu,
    oversized_banners,
    posts_in_quarter,
    side_banners,
    stale_banners,
    stale_categories,
    tourism_festivals,
)
from camthuy_audit.rules._base import Rule, RuleContext, RuleMeta, unknown

__all__ = ["APPENDIX1_IDS", "RULES", "Rule", "RuleContext", "RuleMeta", "rule_by_id", "run_rules"]

log = logging.getLogger(__name__)

RULES: tuple[Rule, ...] = tuple(
    Rule(meta=module.META, check=module.check)
    for module in (
        main_menu,
        feedback_banner,
        citizen_reception_schedule,
        legal_documents,
        tourism_festivals,
        law_propaganda_category,
        digital_transformation_category,
        agency_directory,
        side_banners,
        copyright,
        posts_in_quarter,
        stale_banners,
        stale_categories,
        oversized_banners,
    )
)
APPENDIX1_IDS: tuple[str, ...] = tuple(r.meta.id for r in RULES if r.meta.kind == "appendix1")
_BY_ID = {r.meta.id: r for r in RULES}


def rule_by_id(check_id: str) -> Rule:
    """The rule with this id; KeyError naming the id and the known ones otherwise."""
    try:
        return _BY_ID[check_id]
    except KeyError:
        raise KeyError(f"không có kiểm tra {check_id!r} (có: {', '.join(_BY_ID)})") from None


def run_rules(snapshot: PortalSnapshot, ctx: RuleContext) -> dict[str, Verdict]:
    """Every enabled check's verdict, in rule order. Never raises because of one rule."""
    rules = [r for r in RULES if ctx.rules.enabled(r.meta.id)]
    if not snapshot.reachable:
        return {r.meta.id: unreachable_verdict(r.meta.id, snapshot) for r in rules}
    return {r.meta.id: run_rule(r, snapshot, ctx) for r in rules}


def unreachable_verdict(check_id: str, snapshot: PortalSnapshot) -> Verdict:
    error = snapshot.home_error
    message = error.message if error else "không rõ lỗi"
    return unknown(check_id, f"Không truy cập được cổng thông tin: {message}", error.url if error else snapshot.url)


def run_rule(rule: Rule, snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    """The rule's verdict, or "?" with the reason when the rule itself failed."""
    try:
        verdict = rule.check(snapshot, ctx)
    except Exception as exc:  # one broken rule must not stop the audit
        log.exception("rule %s failed on %s", rule.meta.id, snapshot.url)
        verdict = unknown(rule.meta.id, f"Lỗi khi kiểm tra (lỗi của công cụ, không phải của cổng thông tin): "
                                        f"{type(exc).__name__}: {exc}", snapshot.url)
        verdict.evidence.append(Evidence(kind="note", text="Báo lỗi này cho người quản trị công cụ"))
    return verdict
