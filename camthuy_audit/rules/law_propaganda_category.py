"""law_propaganda_category: a reachable law dissemination and education (PBGDPL) category with an item."""

from __future__ import annotations

from camthuy_audit.models import PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta
from camthuy_audit.rules._section import decide_section

META = RuleMeta(
    id="law_propaganda_category",
    kind="appendix1",
    column="Chuyên mục tuyên truyền phổ biến giáo dục pháp luật",
    passes="Có chuyên mục tuyên truyền phổ biến giáo dục pháp luật truy cập được, với ít nhất một bài viết.",
    legal_basis="{dispatch}; Luật Phổ biến, giáo dục pháp luật 2012; Nghị định 42/2022/NĐ-CP (thông tin phổ biến, giáo dục pháp luật)",
    how_to_fix="Tạo chuyên mục “Tuyên truyền phổ biến giáo dục pháp luật” và đăng bài tuyên truyền thường xuyên.",
)


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    return decide_section(META, snapshot, ctx)
