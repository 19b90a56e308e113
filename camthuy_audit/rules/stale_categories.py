"""stale_categories: menu entries, categories or side sections whose campaign window ended.

Read through the labels, titles and URL slugs of menu items at every level, the titles of side
sections and the entries of side-column category lists; judged by the campaign calendar only (a category named after a year is an archive).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from camthuy_audit.config import Campaign
from camthuy_audit.models import Evidence, Finding, MenuItem, PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta
from camthuy_audit.rules._campaigns import Staleness, campaign_staleness, campaigns_for
from camthuy_audit.rules._text import last_segment, quoted
from camthuy_audit.vntext import fold

META = RuleMeta(
    id="stale_categories",
    kind="findings",
    column="Chuyên mục quá thời gian TT",
    passes="Không còn chuyên mục nào đã hết thời gian tuyên truyền (ví dụ chuyên mục bầu cử sau bầu cử).",
    legal_basis="{dispatch}",
    how_to_fix="Ẩn hoặc gỡ khỏi menu và cột bên các chuyên mục tuyên truyền đã kết thúc (ví dụ chuyên mục bầu cử).",
)


@dataclass(frozen=True)
class Category:
    label: str
    text: str           # everything the category says about itself
    url: str | None
    where: str


def menu_categories(items: list[MenuItem], campaigns: list[Campaign], ctx: RuleContext,
                    depth: int = 0) -> Iterator[tuple[Category, Staleness | None]]:
    """Menu items at every level; below a stale item its children are not reported again."""
    for item in items:
        text = " | ".join(t for t in (item.label, item.title, last_segment(item.url)) if t.strip())
        category = Category(item.label or item.title, text, item.url, "menu" if depth == 0 else "menu con")
        _, stale = campaign_staleness(text, campaigns, ctx)
        yield category, stale
        if stale is None:
            yield from menu_categories(item.children, campaigns, ctx, depth + 1)


def stale_categories(snapshot: PortalSnapshot, ctx: RuleContext) -> list[tuple[Category, Staleness]]:
    campaigns = campaigns_for(ctx, "category")
    judged = list(menu_categories(snapshot.menu, campaigns, ctx))
    for section in snapshot.side_sections:
        _, stale = campaign_staleness(section.title, campaigns, ctx)
        judged.append((Category(section.title, section.title, None, "cột bên"), stale))
        if not section.category_list:
            continue  # a list of posts: a post about an election is not an election category
        for link in section.links:
            if not link.label.strip():
                continue  # a picture link is a banner (judged by stale_banners), not a category
            text = " | ".join(t for t in (link.label, link.title, last_segment(link.url)) if t.strip())
            _, stale = campaign_staleness(text, campaigns, ctx)
            judged.append((Category(link.label or link.title, text, link.url, f"cột bên ({section.title})"), stale))
    found: list[tuple[Category, Staleness]] = []
    seen: set[str] = set()
    for category, stale in judged:
        key = fold(category.label)
        if stale is not None and key not in seen:
            seen.add(key)
            found.append((category, stale))
    return found


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    found = stale_categories(snapshot, ctx)
    findings = [Finding(label=c.label, note=s.note, url=c.url) for c, s in found]
    evidence = [Evidence(kind="found", text=f"Chuyên mục {quoted(c.label)} ({c.where}): {s.explanation}", url=c.url)
                for c, s in found]
    if findings:
        reason = f"{len(findings)} chuyên mục quá thời gian tuyên truyền: " + "; ".join(
            f"{f.label} – {f.note}" for f in findings)
        return Verdict(check_id=META.id, mark="o", reason=reason, evidence=evidence, findings=findings)
    examined = f"Đã xem các mục menu và {len(snapshot.side_sections)} khối ở cột bên"
    return Verdict(check_id=META.id, mark="x", reason="Không có chuyên mục quá thời gian tuyên truyền",
                   evidence=[Evidence(kind="count", text=examined)])
