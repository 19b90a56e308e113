"""citizen_reception_schedule: a reachable "Lịch tiếp công dân" section with at least one item."""

from __future__ import annotations

from camthuy_audit.models import PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta
from camthuy_audit.rules._section import decide_section

META = RuleMeta(
    id="citizen_reception_schedule",
    kind="appendix1",
    column="Lịch tiếp công dân",
    passes="Có chuyên mục lịch tiếp công dân truy cập được, với ít nhất một lịch hoặc bài đăng.",
    legal_basis="{dispatch}; Luật Tiếp công dân 2013 (công khai lịch tiếp công dân)",
    how_to_fix="Tạo chuyên mục “Lịch tiếp công dân” trong menu chính và đăng lịch tiếp công dân hằng tháng.",
)


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    return decide_section(META, snapshot, ctx)
