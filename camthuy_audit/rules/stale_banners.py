"""stale_banners: banners still shown after their campaign window ended.

A banner is read through its alt, title and visible text and the words of the file name of its
image and of its link target (the last path segment only: /uploads/2022/10/ dates the upload, not
the campaign). It is stale when a campaign it names has ended (see ``_campaigns``) or, naming no
campaign, when the latest year it mentions is before the audited quarter's year.
"""

from __future__ import annotations

from camthuy_audit.models import Banner, Evidence, Finding, PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta
from camthuy_audit.rules._campaigns import Staleness, campaign_staleness, campaigns_for, year_staleness
from camthuy_audit.rules._text import banner_label, banner_texts, quoted

META = RuleMeta(
    id="stale_banners",
    kind="findings",
    column="Hình ảnh banner quá thời gian TT",
    passes="Không còn banner nào đã hết thời gian tuyên truyền.",
    legal_basis="{dispatch}",
    how_to_fix="Gỡ bỏ hoặc thay các banner đã hết thời gian tuyên truyền (ngày lễ, sự kiện của năm trước).",
)


def banner_staleness(banner: Banner, ctx: RuleContext) -> Staleness | None:
    text = " | ".join(banner_texts(banner))
    about_campaign, stale = campaign_staleness(text, campaigns_for(ctx, "banner"), ctx)
    if about_campaign:
        return stale
    return year_staleness(text, banner_label(banner), ctx.quarter)


def stale_findings(banners: list[Banner], ctx: RuleContext) -> tuple[list[Finding], list[Evidence]]:
    findings: list[Finding] = []
    evidence: list[Evidence] = []
    seen: set[tuple[str, str | None]] = set()
    for banner in banners:
        key = (banner.image_url, banner.link_url)
        if key in seen:
            continue
        seen.add(key)
        stale = banner_staleness(banner, ctx)
        if stale is None:
            continue
        label = banner_label(banner)
        findings.append(Finding(label=label, note=stale.note, url=banner.image_url, link_url=banner.link_url))
        evidence.append(Evidence(kind="found", text=f"Banner {quoted(label)}: {stale.explanation}",
                                 url=banner.link_url or banner.image_url))
    return findings, evidence


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    findings, evidence = stale_findings(snapshot.banners, ctx)
    evidence.append(Evidence(kind="count", text=f"Đã xem {len(snapshot.banners)} banner"))
    if findings:
        reason = f"{len(findings)} banner quá thời gian tuyên truyền: " + "; ".join(f.note for f in findings)
        return Verdict(check_id=META.id, mark="o", reason=reason, evidence=evidence, findings=findings,
                       images=[f.url for f in findings if f.url])
    return Verdict(check_id=META.id, mark="x", reason="Không có banner quá thời gian tuyên truyền", evidence=evidence)
