"""What the six section checks share: choose the section among the pages the navigation leads to.

The crawler read every page the portal's navigation leads to; here the section's keywords (from
rules.toml, read by the rules only) choose among them. A page is a candidate when the link to it
says so (its label, title attribute or URL slug) or when the page itself does (its heading,
breadcrumb or title, short enough to be a section's name) — so a main-menu entry "Văn bản" whose
page is headed "Văn bản pháp quy" is found.

- "x": a candidate page was read and has content (items, a register, one article with text).
- "o": only with positive evidence — every candidate was read and is empty (or says so), or the
  portal itself says it does not exist (404/410); or there is no candidate at all, the main menu was
  recognised with confidence and every generic menu entry's page was read. The evidence lists what
  was examined.
- "?": a candidate (or a generic menu entry's page) could not be read (timeout, 5xx, robots.txt,
  off the portal), or the main menu could not be recognised: a failure of ours is never an "o".
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from camthuy_audit.config import RulesConfig, SectionRule
from camthuy_audit.models import Evidence, NavLink, PageFacts, PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta, unknown
from camthuy_audit.rules._text import day_text, quoted, sentence, where_text
from camthuy_audit.vntext import Matcher, fold

_WHERE_RANK = {"menu": 0, "submenu": 1, "side": 2, "menu_deep": 3, "banner": 4, "footer": 5, "top": 6}
_MENU_PLACES = ("menu", "submenu")
_MENU_TREE = ("menu", "submenu", "menu_deep")
_LONG_LABEL_WORDS = 10           # a longer link outside the menu is a post title, not the section
_TITLE_SEPARATORS = re.compile(r"\s+[-|–—:»›]+\s+|\s*::\s*|\s*\|\s*")
_SHOWN_EXAMINED = 6


@dataclass(frozen=True)
class Content:
    """What a section page holds, as the rule reads it."""

    present: bool
    summary: str                                   # "12 mục, mới nhất ngày 20/03/2023"
    evidence: list[Evidence] = field(default_factory=list)


ContentReader = Callable[[PageFacts, RulesConfig], Content]


@dataclass(frozen=True)
class Candidate:
    """A page that may be the section, and why."""

    url: str
    link: NavLink                  # how the portal links it (its best place)
    page: PageFacts | None         # None: not read (on another site, or a file)
    by: str                        # "label", "url" or "heading"
    keyword: str                   # the configured keyword that matched
    text: str                      # the text that matched it

    @property
    def name(self) -> str:
        return self.text if self.by == "heading" else (self.link.label or self.link.title or self.url)


def empty_notice(page: PageFacts, rules: RulesConfig) -> str | None:
    """The page's own words that it has nothing ("Chưa có bài viết…"), before any item it lists."""
    folded = fold(page.text_start)
    first_item = fold(page.items[0].title) if page.items else ""
    cut = folded.find(first_item) if first_item else -1
    head = folded if cut < 0 else folded[:cut]
    for phrase in rules.section_pages.empty_phrases:
        words = fold(phrase)
        if words and f" {words} " in f" {head} ":
            start = page.text_start.casefold().find(phrase.casefold())
            shown = page.text_start[start:start + 80] if start >= 0 else phrase
            return shown.split("\n")[0].strip() or phrase
    return None


def read_items(page: PageFacts, rules: RulesConfig) -> Content:
    """Listed items (posts, documents, register rows), or the text of a single-article category."""
    notice = empty_notice(page, rules)
    if notice is not None:
        return Content(False, f"trang ghi {quoted(notice)}",
                       [Evidence(kind="found", text=f"Trang ghi {quoted(notice)}", url=page.final_url or page.url)])
    if page.item_count:
        documents = sum(1 for i in page.items if i.document)
        noun = "văn bản" if documents and documents == len(page.items) else "mục"
        evidence = [Evidence(kind="count", text=f"{page.item_count} {noun} trên trang", url=page.final_url or page.url)]
        summary = f"{page.item_count} {noun}"
        newest = page.newest
        if newest is not None:
            evidence.append(Evidence(kind="date", text=f"Mục mới nhất ngày {day_text(newest)}"))
            summary += f", mới nhất ngày {day_text(newest)}"
        return Content(True, summary, evidence)
    if page.text_length:
        article = f"chuyên mục dạng một bài viết ({page.text_length} ký tự)"
        evidence = [Evidence(kind="count", text=sentence(article), url=page.final_url or page.url)]
        return Content(page.text_length >= rules.section_pages.min_article_chars, article, evidence)
    return Content(False, "không có mục nào", [Evidence(kind="count", text="0 mục trên trang",
                                                        url=page.final_url or page.url)])


def _title_parts(title: str) -> list[str]:
    return [p.strip() for p in _TITLE_SEPARATORS.split(title) if p.strip()]


def page_names(page: PageFacts, site_title: str) -> list[str]:
    """What a page calls itself: heading, breadcrumb, and the parts of its <title> not site-wide."""
    site_wide = {fold(p) for p in _title_parts(site_title)}
    names = [page.heading, page.breadcrumb]
    names += [p for p in _title_parts(page.title) if fold(p) not in site_wide]
    return [n for n in names if n.strip()]


def _heading_match(page: PageFacts, site_title: str, matcher: Matcher, exclude: Matcher | None,
                   rules: RulesConfig) -> tuple[str, str] | None:
    """(keyword, name) when the page names itself as the section."""
    for name in page_names(page, site_title):
        words = fold(name).split()
        if not words or len(words) > rules.section_pages.max_heading_words:
            continue
        if exclude is not None and exclude.find(name):
            continue
        keyword = matcher.find(name)
        # A page that lists nothing is the section only when its name is mostly the keyword (not
        # an article titled "… du lịch …").
        if keyword and (page.item_count or len(keyword.split()) * 2 >= len(words)):
            return keyword, name
    return None


def _label_match(link: NavLink, matcher: Matcher, exclude: Matcher | None) -> tuple[str, str] | None:
    """(how, keyword) when the link's label, title or URL names the section."""
    text = f"{link.label} {link.title}"
    if link.where not in _MENU_TREE and len(link.label.split()) > _LONG_LABEL_WORDS:
        return None
    if exclude is not None and exclude.find(text):
        return None
    keyword = matcher.find(text)
    if keyword:
        return "label", keyword
    keyword = matcher.find_in_url(link.url)
    if keyword and not (exclude is not None and exclude.find_in_url(link.url)):
        return "url", keyword
    return None


def _leads_elsewhere(page: PageFacts) -> bool:
    return bool(page.redirect_to) or (page.error is not None and page.error.kind == "off_site")


def links_by_url(snapshot: PortalSnapshot) -> dict[str, list[NavLink]]:
    grouped: dict[str, list[NavLink]] = {}
    for link in snapshot.nav:
        grouped.setdefault(link.url, []).append(link)
    for links in grouped.values():
        links.sort(key=lambda link: _WHERE_RANK.get(link.where, 9))
    return grouped


def find_candidates(snapshot: PortalSnapshot, rule: SectionRule, rules: RulesConfig) -> list[Candidate]:
    """Every page that may be the section, best first (label before heading, menu before side)."""
    matcher = Matcher.of(rule.keywords, rules.abbreviations)
    exclude = Matcher.of(rule.exclude, rules.abbreviations) if rule.exclude else None
    found: list[Candidate] = []
    for url, links in links_by_url(snapshot).items():
        page = snapshot.pages.get(url)
        for link in links:
            if not link.own and link.where not in _MENU_TREE:
                continue  # a link to another site is a category only when the main menu makes it one
            if link.where == "banner" and page is not None and _leads_elsewhere(page):
                continue  # a banner through the portal's click counter to another site
            match = _label_match(link, matcher, exclude)
            if match is not None:
                how, keyword = match
                found.append(Candidate(url, link, page, how, keyword, link.label or link.title or url))
                break
        else:
            if page is not None and page.error is None:
                heading = _heading_match(page, snapshot.home_title, matcher, exclude, rules)
                if heading is not None:
                    found.append(Candidate(url, links[0], page, "heading", heading[0], heading[1]))
    order = {"label": 0, "heading": 1, "url": 2}
    found.sort(key=lambda c: (order[c.by], not c.link.own, _WHERE_RANK.get(c.link.where, 9)))
    return found


def is_generic(label: str, rule: SectionRule, rules: RulesConfig) -> bool:
    """A label that names no section by itself, or only the start of this one's name ("Văn bản")."""
    folded = fold(label)
    if not folded:
        return True
    if folded in {fold(g) for g in rules.section_pages.generic_labels}:
        return True
    return any(fold(k).startswith(folded + " ") for k in rule.keywords)


def _configured(keyword: str, rule: SectionRule) -> str:
    matched = fold(keyword)
    return next((k for k in rule.keywords if fold(k) == matched), keyword)


def _how_found(candidate: Candidate, rule: SectionRule) -> str:
    where = where_text(candidate.link.where)
    keyword = quoted(_configured(candidate.keyword, rule))
    link = quoted(candidate.link.label or candidate.link.title or candidate.url)
    if candidate.by == "heading":
        return f"Trang của liên kết {link} ở {where} có tiêu đề {quoted(candidate.text)} (khớp từ khóa {keyword})"
    if candidate.by == "url":
        return f"Liên kết {link} ở {where}: địa chỉ khớp từ khóa {keyword}"
    return f"Liên kết {link} ở {where} (khớp từ khóa {keyword})"


def _failure(candidate: Candidate) -> str | None:
    """Why a candidate page could not be examined, or None when it was."""
    page = candidate.page
    if not candidate.link.own:
        return "chuyên mục nằm ở trang web khác, không kiểm tra"
    if page is None:
        return "trang không được đọc"
    if page.error is not None and not page.error.gone:
        return page.error.message
    return None


def decide_section(
    meta: RuleMeta,
    snapshot: PortalSnapshot,
    ctx: RuleContext,
    *,
    noun: str = "chuyên mục",
    read_content: ContentReader = read_items,
) -> Verdict:
    """The verdict for the section check ``meta.id`` from the pages the navigation leads to."""
    rule = ctx.rules.sections.get(meta.id)
    name = f"{noun} {quoted(section_title(meta.column))}"
    if rule is None:
        return unknown(meta.id, f"Chưa cấu hình từ khóa để tìm {name} (rules.toml, mục sections.{meta.id})")
    candidates = find_candidates(snapshot, rule, ctx.rules)
    examined: list[Evidence] = []
    failed: list[tuple[Candidate, str]] = []
    first_summary = ""   # what the first candidate's page holds, for the "o" reason
    for candidate in candidates:
        found = Evidence(kind="found", text=_how_found(candidate, rule), url=candidate.url)
        problem = _failure(candidate)
        if problem is not None:
            failed.append((candidate, problem))
            examined += [found, Evidence(kind="error", text=f"Không đọc được: {problem}", url=candidate.url)]
            continue
        page = candidate.page
        assert page is not None
        if page.error is not None:  # gone: the portal says it does not exist
            examined += [found, Evidence(kind="error", text=f"Cổng thông tin trả về lỗi {page.error.status}",
                                         url=page.error.url)]
            continue
        content = read_content(page, ctx.rules)
        if candidate is candidates[0]:
            first_summary = content.summary
        if content.present:
            reason = f"Có {noun} {quoted(candidate.name)}: {content.summary}"
            others = [Evidence(kind="note", text=f"Đã xem thêm {len(candidates) - 1} trang có thể là {noun} này")] \
                if len(candidates) > 1 else []
            return Verdict(check_id=meta.id, mark="x", reason=reason, evidence=[found, *content.evidence, *others])
        examined += [found, *content.evidence]
    if failed:
        candidate, problem = failed[0]
        return _unknown(meta.id, f"Không kiểm tra được {noun} {quoted(candidate.name)}: {problem}",
                        candidate.url, examined)
    if candidates:
        first = candidates[0]
        page = first.page
        if page is not None and page.error is not None:
            reason = f"{sentence(noun)} {quoted(first.name)} không tồn tại: cổng thông tin trả về lỗi {page.error.status}"
        else:
            reason = f"{sentence(noun)} {quoted(first.name)} không có nội dung"
            if page is not None:
                reason += f" ({first_summary})"
        return Verdict(check_id=meta.id, mark="o", reason=reason, evidence=examined)
    return _not_found(meta.id, name, snapshot, rule, ctx)


def _unknown(check_id: str, reason: str, url: str | None, evidence: list[Evidence]) -> Verdict:
    verdict = unknown(check_id, reason, url)
    return verdict.model_copy(update={"evidence": [*evidence, *verdict.evidence]})


def _not_found(check_id: str, name: str, snapshot: PortalSnapshot, rule: SectionRule, ctx: RuleContext) -> Verdict:
    """No candidate: "o" when everything that could be the section was examined, else "?"."""
    searched = Evidence(kind="missing", text="Không có liên kết hay trang nào có các từ: " + ", ".join(rule.keywords))
    examined = _examined(snapshot)
    if not snapshot.menu_confident:
        why = "; ".join(snapshot.menu_signals[:3]) or "không có menu"
        return _unknown(check_id, f"Không xác định được menu chính nên chưa chắc cổng thông tin không có {name} "
                                  f"({why}) — cần kiểm tra bằng mắt", snapshot.final_url or snapshot.url,
                        [searched, *examined])
    unread = [link for link in snapshot.nav
              if link.where in _MENU_PLACES and link.own and is_generic(link.label or link.title, rule, ctx.rules)
              and (page := snapshot.pages.get(link.url)) is not None and page.error is not None
              and not page.error.gone]
    if unread:
        link = unread[0]
        page = snapshot.pages[link.url]
        assert page.error is not None
        return _unknown(check_id, f"Không tìm thấy {name}, nhưng chưa đọc được trang của mục menu "
                                  f"{quoted(link.label or link.title)} ({page.error.message})", link.url,
                        [searched, *examined])
    return Verdict(check_id=check_id, mark="o", reason=f"Không tìm thấy {name} trên cổng thông tin",
                   evidence=[searched, *examined])


def _examined(snapshot: PortalSnapshot) -> list[Evidence]:
    """What was looked at before saying a section is missing: navigation, and the generic entries' pages."""
    counts: dict[str, int] = {}
    for link in snapshot.nav:
        counts[link.where] = counts.get(link.where, 0) + 1
    places = ", ".join(f"{n} liên kết ở {where_text(w)}" for w, n in counts.items())
    read = sum(1 for p in snapshot.pages.values() if p.error is None)
    evidence = [Evidence(kind="note", text=f"Đã xem {places or 'không có liên kết điều hướng nào'}; "
                                           f"đã đọc tiêu đề và nội dung của {read} trang")]
    if snapshot.menu_signals:
        evidence.append(Evidence(kind="note", text="Menu chính: " + "; ".join(snapshot.menu_signals)))
    shown = 0
    for link in snapshot.nav:
        page = snapshot.pages.get(link.url)
        if link.where not in _MENU_PLACES or page is None or page.error is not None or shown >= _SHOWN_EXAMINED:
            continue
        heading = page.heading or page.breadcrumb or page.title
        if heading and fold(heading) != fold(link.label):
            evidence.append(Evidence(kind="note", url=link.url,
                                     text=f"Mục menu {quoted(link.label or link.title)} → trang {quoted(heading)}"))
            shown += 1
    return evidence


def section_title(column: str) -> str:
    """The column label without a leading "Chuyên mục" ("Chuyên mục chuyển đổi số" -> "Chuyển đổi số")."""
    title = re.sub(r"^chuyên mục\W*", "", column, flags=re.IGNORECASE)
    return sentence(title)
