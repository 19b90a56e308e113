"""side_banners: image banners are shown in the side columns (left and/or right of the content)."""

from __future__ import annotations

from collections import Counter

from camthuy_audit.models import Evidence, PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta, unknown

META = RuleMeta(
    id="side_banners",
    kind="appendix1",
    column="Hình ảnh và banner trái phải trang/cổng thông tin",
    passes="Cổng thông tin có hình ảnh, banner ở cột trái và/hoặc cột phải.",
    legal_basis="{dispatch}",
    how_to_fix="Đặt các banner liên kết (dịch vụ công, phản hồi, chuyên mục tuyên truyền) ở cột trái hoặc cột phải.",
)

_SIDES = {"left": "cột trái", "right": "cột phải"}
_SHOWN_IMAGES = 3


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    by_zone: Counter[str] = Counter(b.zone for b in snapshot.banners)
    side = [b for b in snapshot.banners if b.zone in _SIDES]
    if side:
        counts = ", ".join(f"{by_zone[z]} banner ở {name}" for z, name in _SIDES.items() if by_zone[z])
        evidence = [Evidence(kind="count", text=counts)]
        evidence += [Evidence(kind="url", text=b.alt or b.title or "Ảnh banner", url=b.image_url)
                     for b in side[:_SHOWN_IMAGES]]
        return Verdict(check_id=META.id, mark="x", reason=f"Có banner hai bên: {counts}", evidence=evidence)
    if by_zone["unknown"]:
        return unknown(META.id, f"Không nhận diện được bố cục trang: {by_zone['unknown']} banner "
                                "không rõ nằm ở cột nào", snapshot.final_url or snapshot.url)
    evidence = [Evidence(kind="missing", text=f"Không có banner ở cột trái hoặc cột phải "
                                              f"(đã xem {len(snapshot.banners)} banner)")]
    return Verdict(check_id=META.id, mark="o", reason="Không có hình ảnh, banner ở cột trái/phải", evidence=evidence)
