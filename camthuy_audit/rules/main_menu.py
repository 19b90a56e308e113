"""main_menu: the main (top) menu has every required entry from config, in any order.

An entry counts when its label or title attribute matches, at the top level or in a first-level
submenu. Links in the top bar or the footer (``snapshot.other_nav``) do not count.

"o" needs positive evidence: a main menu recognised with confidence (navigation markup, size,
position: the crawler's ``menu_signals`` say which). A list recognised without confidence — the
real menu drawn by JavaScript, an unusual layout — that lacks entries is "?", to be checked by eye.
"""

from __future__ import annotations

from camthuy_audit.config import MenuRequirement
from camthuy_audit.models import Evidence, Link, MenuItem, PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta, unknown
from camthuy_audit.rules._text import quoted
from camthuy_audit.vntext import Matcher

META = RuleMeta(
    id="main_menu",
    kind="appendix1",
    column="Thiết lập lại menu chính",
    passes="Menu chính có đủ các mục bắt buộc theo cấu hình (rules.toml), ở cấp 1 hoặc menu con cấp 1, "
           "theo thứ tự bất kỳ.",
    legal_basis="{dispatch} (thiết lập lại menu chính)",
    how_to_fix="Bổ sung vào menu chính (thanh menu trên cùng) các mục còn thiếu; liên kết ở thanh trên "
               "hoặc chân trang không thay thế được mục trong menu chính.",
)


_SHOWN_ENTRIES = 15


def menu_entries(menu: list[MenuItem]) -> list[MenuItem]:
    """The entries that count: top-level items and their direct children."""
    return [entry for item in menu for entry in (item, *item.children)]


def entry_matching(entries: list[MenuItem], matcher: Matcher) -> MenuItem | None:
    return next((e for e in entries if matcher.find(e.label) or matcher.find(e.title)), None)


def link_matching(links: list[Link], matcher: Matcher) -> Link | None:
    return next((link for link in links if matcher.find(link.label) or matcher.find(link.title)), None)


def requirement_text(requirement: MenuRequirement) -> str:
    alternatives = " / ".join(quoted(w) for w in requirement.synonyms)
    return quoted(requirement.label) + (f" (hoặc {alternatives})" if alternatives else "")


def _signals(snapshot: PortalSnapshot) -> str:
    return "; ".join(snapshot.menu_signals) or "không rõ"


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    if not snapshot.menu:
        verdict = unknown(META.id, "Không xác định được menu chính của cổng thông tin (có thể menu được vẽ bằng "
                                   "JavaScript) — cần kiểm tra bằng mắt", snapshot.final_url or snapshot.url)
        verdict.evidence.append(Evidence(kind="note", text=f"Dấu hiệu: {_signals(snapshot)}"))
        return verdict
    entries = menu_entries(snapshot.menu)
    found: list[Evidence] = []
    missing: list[Evidence] = []
    missing_labels: list[str] = []
    for requirement in ctx.rules.main_menu:
        matcher = Matcher.of(requirement.words, ctx.rules.abbreviations)
        entry = entry_matching(entries, matcher)
        if entry is not None:
            shown = entry.label or entry.title
            found.append(Evidence(kind="found", text=f"{requirement.label} → {quoted(shown)}", url=entry.url))
            continue
        missing_labels.append(requirement.label)
        missing.append(Evidence(kind="missing", text=f"Menu chính không có mục {requirement_text(requirement)}"))
        elsewhere = link_matching(snapshot.other_nav, matcher)
        if elsewhere is not None:
            missing.append(Evidence(
                kind="note", url=elsewhere.url,
                text=f"{requirement.label} chỉ có ở thanh trên/chân trang "
                     f"({quoted(elsewhere.label or elsewhere.title)}), không có trong menu chính",
            ))
    evidence = [*missing, *found]
    if not found:
        # No familiar entry at all: far likelier that the list we took is not the main menu
        # (a menu drawn by JavaScript, an unusual layout) than a portal without any of them.
        labels = ", ".join(quoted(e.label) for e in entries[:8])
        return unknown(META.id, f"Không chắc đã nhận đúng menu chính (danh sách tìm được: {labels}) — "
                                "cần kiểm tra bằng mắt", snapshot.final_url or snapshot.url)
    if snapshot.menu_source:
        evidence.append(Evidence(kind="note", text=f"Menu chính nhận diện từ: {snapshot.menu_source} "
                                                   f"({_signals(snapshot)})"))
    if missing_labels:
        shown = ", ".join(quoted(item.label or item.title) for item in snapshot.menu[:_SHOWN_ENTRIES])
        evidence.append(Evidence(kind="note", text=f"Các mục cấp 1 của menu chính: {shown}"))
    if missing_labels and not snapshot.menu_confident:
        reason = (f"Không xác định được menu chính: danh sách tìm được thiếu {', '.join(missing_labels)} nhưng "
                  f"không chắc là menu chính ({_signals(snapshot)}) — cần kiểm tra bằng mắt")
        return Verdict(check_id=META.id, mark="?", reason=reason, evidence=evidence)
    if missing_labels:
        reason = "Menu chính thiếu: " + ", ".join(missing_labels)
        return Verdict(check_id=META.id, mark="o", reason=reason, evidence=evidence)
    reason = f"Menu chính có đủ {len(found)} mục bắt buộc"
    return Verdict(check_id=META.id, mark="x", reason=reason, evidence=evidence)
