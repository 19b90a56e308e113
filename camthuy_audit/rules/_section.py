"""What the six section checks share: find the section the crawler reached and judge it.

A section is "x" when its page was reached and has content, "o" when the portal has no such
section, says it does not exist (404/410) or shows it empty, and "?" when the page could not be
read (timeout, 5xx, robots.txt, size cap, parse error): a failure of ours is never an "o".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from camthuy_audit.models import Evidence, PortalSnapshot, SectionPage, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta, unknown
from camthuy_audit.rules._text import day_text, quoted, sentence, where_text
from camthuy_audit.vntext import fold

MIN_ARTICLE_CHARS = 200     # a single-article category with less text than this is empty
_GONE_STATUSES = (404, 410)


@dataclass(frozen=True)
class Content:
    """What a reached section page holds, as the rule reads it."""

    present: bool
    summary: str                                   # "12 mục, mới nhất ngày 20/03/2023"
    evidence: list[Evidence] = field(default_factory=list)


ContentReader = Callable[[SectionPage], Content]


def read_items(page: SectionPage) -> Content:
    """Listed items (posts, documents, table rows), or the text of a single-article category."""
    if page.items:
        evidence = [Evidence(kind="count", text=f"{len(page.items)} mục trên trang", url=page.url)]
        summary = f"{len(page.items)} mục"
        newest = page.newest
        if newest is not None:
            evidence.append(Evidence(kind="date", text=f"Mục mới nhất ngày {day_text(newest)}"))
            summary += f", mới nhất ngày {day_text(newest)}"
        else:
            evidence.append(Evidence(kind="note", text="Không đọc được ngày đăng của các mục"))
        return Content(True, summary, evidence)
    if page.single_article:
        article = f"chuyên mục dạng một bài viết ({page.text_length} ký tự)"
        evidence = [Evidence(kind="count", text=article.capitalize(), url=page.url)]
        return Content(page.text_length >= MIN_ARTICLE_CHARS, article, evidence)
    return Content(False, "không có mục nào", [Evidence(kind="count", text="0 mục trên trang", url=page.url)])


def decide_section(
    meta: RuleMeta,
    snapshot: PortalSnapshot,
    ctx: RuleContext,
    *,
    noun: str = "chuyên mục",
    read_content: ContentReader = read_items,
) -> Verdict:
    """The verdict for the section check ``meta.id`` from the page the crawler reached for it."""
    page = snapshot.sections.get(meta.id)
    if page is None or page.link is None:
        return _not_found(meta.id, f"{noun} {quoted(section_title(meta.column))}", ctx, page)
    rule = ctx.rules.sections.get(meta.id)
    found = link_evidence(page, rule.keywords if rule else [])
    failure = _failure(page, noun)
    if failure is not None:
        return failure.model_copy(update={"evidence": [*found, *failure.evidence]})
    content = read_content(page)
    evidence = [*found, *content.evidence]
    if content.present:
        reason = f"Có {noun} {quoted(_label(page))}: {content.summary}"
        return Verdict(check_id=meta.id, mark="x", reason=reason, evidence=evidence)
    reason = f"{sentence(noun)} {quoted(_label(page))} không có nội dung ({content.summary})"
    return Verdict(check_id=meta.id, mark="o", reason=reason, evidence=evidence)


def section_title(column: str) -> str:
    """The column label without a leading "Chuyên mục" ("Chuyên mục chuyển đổi số" -> "Chuyển đổi số")."""
    title = re.sub(r"^chuyên mục\W*", "", column, flags=re.IGNORECASE)
    return sentence(title)


def link_evidence(page: SectionPage, keywords: list[str]) -> list[Evidence]:
    """Which link led to the section, where it was, and the keyword (as configured) it matched."""
    if page.link is None:
        return []
    text = f"Liên kết {quoted(_label(page))} ở {where_text(page.found_in)}"
    if page.matched_keyword:
        matched = fold(page.matched_keyword)
        keyword = next((k for k in keywords if fold(k) == matched), page.matched_keyword)
        text += f" (khớp từ khóa {quoted(keyword)})"
    return [Evidence(kind="found", text=text, url=page.url or page.link.url)]


def _not_found(check_id: str, name: str, ctx: RuleContext, page: SectionPage | None) -> Verdict:
    rule = ctx.rules.sections.get(check_id)
    if rule is None:
        return unknown(check_id, f"Chưa cấu hình từ khóa để tìm {name} (rules.toml, mục sections.{check_id})")
    evidence = [Evidence(kind="missing", text="Đã tìm liên kết có các từ: " + ", ".join(rule.keywords))]
    for candidate in (page.candidates if page else [])[:3]:
        label = candidate.label or candidate.title or candidate.url
        evidence.append(Evidence(kind="note", text=f"Liên kết gần giống nhưng không khớp: {quoted(label)}",
                                 url=candidate.url))
    return Verdict(check_id=check_id, mark="o", reason=f"Không tìm thấy {name} trên cổng thông tin",
                   evidence=evidence)


def _failure(page: SectionPage, noun: str) -> Verdict | None:
    """The verdict when the section page could not be used: "o" if gone (404/410), else "?"."""
    error = page.error
    url = (error.url if error else None) or page.url or (page.link.url if page.link else None)
    name = f"{noun} {quoted(_label(page))}"
    gone = error.gone if error is not None else page.status in _GONE_STATUSES
    if gone:
        status = error.status if error else page.status
        reason = f"{sentence(name)} không tồn tại: cổng thông tin trả về lỗi {status}"
        evidence = [Evidence(kind="error", text=f"Mã trạng thái HTTP {status}", url=url)]
        return Verdict(check_id=page.check_id, mark="o", reason=reason, evidence=evidence)
    if error is not None:
        return unknown(page.check_id, f"Không kiểm tra được {name}: {error.message}", url)
    if page.status is not None and page.status >= 400:
        return unknown(page.check_id, f"Không kiểm tra được {name}: cổng thông tin trả về lỗi {page.status}", url)
    return None


def _label(page: SectionPage) -> str:
    link = page.link
    return (link.label or link.title or link.url) if link else page.check_id
