"""digital_transformation_category: a reachable digital-transformation (CĐS) category with an item."""

from __future__ import annotations

from camthuy_audit.models import PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta
from camthuy_audit.rules._section import decide_section

META = RuleMeta(
    id="digital_transformation_category",
    kind="appendix1",
    column="Chuyên mục chuyển đổi số",
    passes="Có chuyên mục chuyển đổi số truy cập được, với ít nhất một bài viết.",
    legal_basis="{dispatch}",
    how_to_fix="Tạo chuyên mục “Chuyển đổi số” và đăng tin bài về chuyển đổi số của địa phương.",
)


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    return decide_section(META, snapshot, ctx)
