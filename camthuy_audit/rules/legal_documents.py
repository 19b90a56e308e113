"""legal_documents: a reachable legal-documents section (Văn bản pháp quy / QPPL) with a document."""

from __future__ import annotations

from camthuy_audit.models import PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta
from camthuy_audit.rules._section import decide_section

META = RuleMeta(
    id="legal_documents",
    kind="appendix1",
    column="Văn bản pháp quy",
    passes="Có chuyên mục văn bản pháp quy (văn bản quy phạm pháp luật) truy cập được, với ít nhất một văn bản.",
    legal_basis="{dispatch}; Nghị định 42/2022/NĐ-CP (thông tin về văn bản quy phạm pháp luật trên cổng thông tin điện tử)",
    how_to_fix="Tạo chuyên mục “Văn bản pháp quy” và đăng các văn bản của xã (số, ngày ban hành, trích yếu, tệp đính kèm).",
)


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    return decide_section(META, snapshot, ctx)
