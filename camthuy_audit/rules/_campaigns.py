"""When a campaign banner or category is stale: the campaign calendar, and years in the text.

A text matching a campaign keyword is judged by the campaign's windows: when it names years, by the
windows that started in those years; among the windows started by the end of the audited quarter,
the latest; stale when that window ended before the quarter ended.

Years are read the way a clerk reads an official title: a term ("nhiệm kỳ 2021-2026") names the
year it was elected, its start, not its end; a numbered legislature ("Quốc hội khóa XV") names the
year of its election (the campaign's ``terms`` in rules.toml); dates may be written out ("ngày 23
tháng 5 năm 2021"). So "Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ
2021-2026" is the 2021 election — stale in 2023 and still stale in 2026-Q1, while the 2026
election ("khóa XVI … nhiệm kỳ 2026-2031") is current then.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from camthuy_audit.config import Campaign, Window
from camthuy_audit.quarter import Quarter
from camthuy_audit.rules._base import RuleContext
from camthuy_audit.rules._text import day_text
from camthuy_audit.vntext import Matcher, fold, years_in

YEARS_BACK = 10     # an earlier year this far back still dates a banner; older ones are history


@dataclass(frozen=True)
class Staleness:
    """Why a banner or category is stale."""

    name: str           # the campaign's name, or the item's own label for a year-only judgement
    since: int          # the year its (last) window started / the year it mentions
    explanation: str    # a Vietnamese sentence for the evidence

    @property
    def note(self) -> str:
        """The Appendix 2 note: "Ngày Chuyển đổi số quốc gia (từ năm 2022)"."""
        return f"{self.name} (từ năm {self.since})"


def mentioned_years(text: str) -> list[int]:
    """Years in ``text``; folded first so that both years of "2021-2026" are seen."""
    return sorted(set(years_in(text)) | set(years_in(fold(text))))


_TERM = re.compile(r"\bnhiem ky\s+((?:19|20)\d{2})\s+((?:19|20)\d{2})\b")
_NUMBERED_TERM = re.compile(r"\bkhoa\s+([ivxlc]{1,8})\b")


def campaign_years(text: str, campaign: Campaign) -> list[int]:
    """The years ``text`` refers to for ``campaign``: a term by its first year, a numbered term by
    the year the campaign's ``terms`` give it, other years as written."""
    folded = fold(text)
    years = set(mentioned_years(text))
    for match in _TERM.finditer(folded):
        years.discard(int(match.group(2)))
        years.add(int(match.group(1)))
    for match in _NUMBERED_TERM.finditer(folded):
        year = campaign.terms.get(match.group(1).upper())
        if year is not None:
            years.add(year)
    return sorted(years)


def campaigns_for(ctx: RuleContext, target: Literal["banner", "category"]) -> list[Campaign]:
    return [c for c in ctx.rules.campaigns if target in c.applies_to]


def matching_campaign(text: str, campaigns: list[Campaign], ctx: RuleContext) -> Campaign | None:
    """The first configured campaign whose keywords occur in ``text``."""
    return next((c for c in campaigns if Matcher.of(c.keywords, ctx.rules.abbreviations).find(text)), None)


def latest_window(campaign: Campaign, years: list[int], quarter: Quarter) -> Window | None:
    """The campaign window ``text`` refers to: started by the quarter's end, in a mentioned year if any."""
    first_year = min([*years, quarter.year - YEARS_BACK])
    windows = campaign.windows_around(range(first_year, quarter.year + 2))
    in_years = [w for w in windows if w.start.year in years]
    # Years that match no window (a slug id, an unrelated date) do not refer to the campaign.
    candidates = in_years or windows
    started = [w for w in candidates if w.start <= quarter.end]
    return max(started, key=lambda w: w.start) if started else None


def campaign_staleness(text: str, campaigns: list[Campaign], ctx: RuleContext) -> tuple[bool, Staleness | None]:
    """(whether ``text`` is about a campaign, why it is stale or None when it is not)."""
    campaign = matching_campaign(text, campaigns, ctx)
    if campaign is None:
        return False, None
    window = latest_window(campaign, campaign_years(text, campaign), ctx.quarter)
    if window is None or window.end >= ctx.quarter.end:
        return True, None
    explanation = (f"{campaign.name}: đợt tuyên truyền {day_text(window.start)}–{day_text(window.end)} "
                   f"đã kết thúc trước {day_text(ctx.quarter.end)}")
    return True, Staleness(campaign.name, window.start.year, explanation)


def year_staleness(text: str, label: str, quarter: Quarter) -> Staleness | None:
    """Stale by its latest mentioned year alone: earlier than the quarter's year, within YEARS_BACK."""
    years = mentioned_years(text)
    if not years:
        return None
    latest = max(years)
    if not quarter.year - YEARS_BACK <= latest < quarter.year:
        return None
    return Staleness(label, latest, f"nhắc đến năm {latest}, trước năm {quarter.year} đang kiểm tra")
