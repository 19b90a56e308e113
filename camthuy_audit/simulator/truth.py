"""Ground truth of each quarter the simulated district serves, for tests to measure the auditor by.

Every value comes from the world's own data (`units.py`, `quarters.py`), never from the auditor.
For 2023-Q1 it is the seed notice. Unit ids as in `units.py`, in Appendix 1 order; an unknown
quarter raises ValueError naming the known ones.
"""

from __future__ import annotations

from camthuy_audit.simulator.posts import CAMPAIGN_POSTS
from camthuy_audit.simulator.quarters import posts_in, units_in
from camthuy_audit.simulator.structure import ELECTION_LABEL

_CAMPAIGN_TITLES = {key: title for entries in CAMPAIGN_POSTS.values() for key, _section, title, _date in entries}


def expected_marks(quarter: str) -> dict[str, str]:
    """Unit id -> its Appendix 1 row: ten "x"/"o" in `units.CHECKS` order."""
    return {unit.id: unit.marks for unit in units_in(quarter)}


def expected_posts(quarter: str) -> dict[str, int]:
    """Unit id -> distinct posts dated inside the quarter (Vietnam time)."""
    return {unit.id: posts_in(unit.id, quarter) for unit in units_in(quarter)}


def expected_stale_banners(quarter: str) -> dict[str, list[str]]:
    """Units still showing a banner of an ended campaign -> the title of the campaign each banner is for.

    2023-Q1: Cẩm Yên (Digital Transformation Day 2022), Cẩm Tâm (Teachers' Day and Great Unity Day 2022).
    """
    return {unit.id: [_CAMPAIGN_TITLES[key] for key in unit.campaign_banners]
            for unit in units_in(quarter) if unit.campaign_banners}


def expected_stale_categories(quarter: str) -> dict[str, list[str]]:
    """Units still showing a category of an ended campaign -> its label (2023-Q1: Cẩm Phú's 2021 election)."""
    return {unit.id: [ELECTION_LABEL] for unit in units_in(quarter) if unit.election}
