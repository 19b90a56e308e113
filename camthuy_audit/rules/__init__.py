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
from camthuy_audit.rules._text import banner_texts, says_nothing
from camthuy_audit.vntext import Matcher

__all__ = ["APPENDIX1_IDS", "RULES", "Rule", "RuleContext", "RuleMeta", "pages_wanted", "rule_by_id", "run_rules"]

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


def pages_wanted(snapshot: PortalSnapshot, verdicts: dict[str, Verdict], ctx: RuleContext) -> list[str]:
    """Pages the crawler left unread that could still change a verdict: where banners lead.

    A banner linked through the portal's click counter leads to another site; the crawl does not
    follow it (a request per banner). Where it ends is wanted only where that can decide a check:
    while no feedback banner is found (any banner may lead to the feedback system); for a section
    not found, a banner that names that section or names nothing; for stale banners, a banner that
    names nothing (its end is all that says what it is). Rules never fetch: the audit asks the
    crawler to read these, then runs the rules again.
    """
    def failing(check_id: str) -> bool:
        verdict = verdicts.get(check_id)
        return verdict is not None and verdict.mark != "x"

    missing_sections = [Matcher.of(rule.keywords, ctx.rules.abbreviations)
                        for check_id, rule in ctx.rules.sections.items() if failing(check_id)]
    # A link of the side columns, footer or top bar left unread because it showed a post: read if
    # it names a section not found yet.
    wanted = [link.href or link.url for link in snapshot.nav
              if link.own and link.where != "banner" and link.url not in snapshot.pages
              and any(m.find(link.label or link.title) for m in missing_sections)]
    unread = {link.url: link for link in snapshot.nav
              if link.where == "banner" and link.own and link.url not in snapshot.pages}
    if not unread:
        return list(dict.fromkeys(wanted))
    for banner in snapshot.banners:
        if not banner.link_url:
            continue
        links = [link.href or url for url, link in unread.items() if banner.link_url in (link.href, url)]
        if not links:
            continue
        silent = says_nothing(banner)
        names_section = any(m.find(text) for m in missing_sections for text in banner_texts(banner))
        if failing("feedback_banner") or silent or names_section:
            wanted += links
    return list(dict.fromkeys(wanted))
