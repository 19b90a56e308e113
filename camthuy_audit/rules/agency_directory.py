"""agency_directory: a reachable directory page listing offices with a phone number or e-mail."""

from __future__ import annotations

from camthuy_audit.config import RulesConfig
from camthuy_audit.models import Evidence, PageFacts, PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta
from camthuy_audit.rules._section import Content, decide_section

META = RuleMeta(
    id="agency_directory",
    kind="appendix1",
    column="Danh bạ cơ quan chức năng",
    passes="Có trang danh bạ cơ quan chức năng truy cập được, với ít nhất một số điện thoại hoặc địa chỉ thư điện tử.",
    legal_basis="{dispatch}; Nghị định 42/2022/NĐ-CP (thông tin liên hệ: địa chỉ, điện thoại, thư điện tử)",
    how_to_fix="Tạo trang “Danh bạ” liệt kê các cơ quan, bộ phận với số điện thoại và thư điện tử liên hệ.",
)


def read_contacts(page: PageFacts, rules: RulesConfig) -> Content:
    """The phone numbers and e-mail addresses on the directory page."""
    counts = f"{len(page.phones)} số điện thoại, {len(page.emails)} địa chỉ thư điện tử"
    evidence = [Evidence(kind="count", text=counts, url=page.final_url or page.url)]
    if page.phones:
        evidence.append(Evidence(kind="found", text="Điện thoại: " + ", ".join(page.phones[:2])))
    if page.emails:
        evidence.append(Evidence(kind="found", text="Thư điện tử: " + ", ".join(page.emails[:2])))
    present = bool(page.phones or page.emails)
    summary = counts if present else "không có số điện thoại hay địa chỉ thư điện tử"
    return Content(present, summary, evidence)


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    return decide_section(META, snapshot, ctx, noun="trang", read_content=read_contacts)
