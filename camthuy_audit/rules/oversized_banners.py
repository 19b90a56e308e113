"""oversized_banners: banners so large they take over the page (Appendix 2 legend "o")."""

from __future__ import annotations

from camthuy_audit.config import OversizeLimits
from camthuy_audit.models import Banner, Evidence, Finding, PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta
from camthuy_audit.rules._text import banner_label, quoted

META = RuleMeta(
    id="oversized_banners",
    kind="findings",
    column="Hình ảnh banner quá kích thước",
    passes="Không có banner nào quá kích thước, chiếm hết diện tích trang/cổng thông tin.",
    legal_basis="{dispatch}",
    how_to_fix="Thu nhỏ các banner quá khổ cho vừa cột hoặc gỡ bỏ.",
)

_SIDE_ZONES = ("left", "right")


def size_limits(banner: Banner, limits: OversizeLimits) -> tuple[int, int]:
    """(max width, max height) for the banner's zone."""
    if banner.zone in _SIDE_ZONES:
        return limits.side_max_width, limits.side_max_height
    return limits.any_max_width, limits.any_max_height


def is_oversized(banner: Banner, limits: OversizeLimits) -> bool:
    max_width, max_height = size_limits(banner, limits)
    too_wide = banner.width is not None and banner.width > max_width
    too_tall = banner.height is not None and banner.height > max_height
    return too_wide or too_tall


def size_text(banner: Banner) -> str:
    def side(value: int | None) -> str:
        return str(value) if value is not None else "?"
    return f"{side(banner.width)}×{side(banner.height)} px"


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    limits = ctx.rules.oversize
    oversized = [b for b in snapshot.banners if is_oversized(b, limits)]
    unknown_size = sum(1 for b in snapshot.banners if b.width is None and b.height is None)
    findings: list[Finding] = []
    evidence: list[Evidence] = []
    for banner in oversized:
        label = banner_label(banner)
        findings.append(Finding(label=label, note=f"Banner quá kích thước {size_text(banner)}",
                                url=banner.image_url, link_url=banner.link_url))
        max_width, max_height = size_limits(banner, limits)
        evidence.append(Evidence(kind="found", url=banner.image_url,
                                 text=f"Banner {quoted(label)}: {size_text(banner)}, "
                                      f"giới hạn {max_width}×{max_height} px"))
    evidence.append(Evidence(kind="count", text=f"Đã xem {len(snapshot.banners)} banner, "
                                                f"{unknown_size} banner không rõ kích thước"))
    if findings:
        reason = f"{len(findings)} banner quá kích thước"
        return Verdict(check_id=META.id, mark="o", reason=reason, evidence=evidence, findings=findings,
                       images=[f.url for f in findings if f.url])
    return Verdict(check_id=META.id, mark="x", reason="Không có banner quá kích thước", evidence=evidence)
