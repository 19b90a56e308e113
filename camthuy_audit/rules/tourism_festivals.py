"""tourism_festivals: a reachable tourism / festivals section with at least one item."""

from __future__ import annotations

from camthuy_audit.models import PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta
from camthuy_audit.rules._section import decide_section

META = RuleMeta(
    id="tourism_festivals",
    kind="appendix1",
    column="Du lịch - lễ hội",
    passes="Có chuyên mục du lịch - lễ hội truy cập được, với ít nhất một bài viết.",
    legal_basis="{dispatch}",
    how_to_fix="Tạo chuyên mục “Du lịch - lễ hội” và đăng bài giới thiệu danh lam, di tích, lễ hội của địa phương.",
)


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    return decide_section(META, snapshot, ctx)
