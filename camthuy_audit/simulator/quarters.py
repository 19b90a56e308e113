"""The quarters the simulated district can serve and how each portal changed between them (data).

2023-Q1 is the state of the seed notice (`units.UNITS`, audited on 2023-04-12). Each later quarter
states, per unit, what its portal looks like when that quarter is audited: the posts dated in the
quarter, the Appendix 1 marks, and the Unit fields that changed since the previous quarter (menu
entries, section placements, feedback banner kind, footer, campaign banners). A portal keeps
everything else: the earlier posts, tables and banners stay as they were.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime
from types import MappingProxyType
from typing import Any

from camthuy_audit.simulator.units import CHECKS, UNITS, Section, Unit
from camthuy_audit.simulator.vn import NOW, Q1_END, Q1_START, VN_TZ


@dataclass(frozen=True)
class Period:
    """A quarter [start, end) and the moment it is audited (nothing is published after `now`)."""

    name: str
    start: datetime
    end: datetime
    now: datetime


PERIODS: tuple[Period, ...] = (
    Period("2023-Q1", Q1_START, Q1_END, NOW),
    Period("2023-Q2", datetime(2023, 4, 1, tzinfo=VN_TZ), datetime(2023, 7, 1, tzinfo=VN_TZ),
           datetime(2023, 7, 5, 9, 0, tzinfo=VN_TZ)),
)
QUARTERS: tuple[str, ...] = tuple(p.name for p in PERIODS)
FIRST = QUARTERS[0]


@dataclass(frozen=True)
class Change:
    """One unit in a later quarter."""

    posts: int  # distinct posts dated inside the quarter (Vietnam time)
    marks: str  # Appendix 1 of that quarter, ten "x"/"o" in CHECKS order
    after: int  # posts after the quarter's end, before the audit
    edge: bool = False  # posts at the quarter's edges (last minutes in, first minutes of the next out)
    layout: Mapping[str, Any] = field(default_factory=lambda: MappingProxyType({}))  # Unit fields replaced
    note: str = ""  # what changed, in words


def _layout(**fields: Any) -> Mapping[str, Any]:
    return MappingProxyType(fields)


def _sections(unit_id: str, **placements: Section) -> Mapping[str, Section]:
    before = _UNITS_Q1[unit_id].sections
    return MappingProxyType({**before, **placements})


_UNITS_Q1 = {unit.id: unit for unit in UNITS}

CHANGES: Mapping[str, Mapping[str, Change]] = MappingProxyType({
    "2023-Q2": MappingProxyType({
        "camvan": Change(38, "xxxxxxxxxo", 3, edge=True, layout=_layout(responsible_named=False),
                         note="worse: the footer's responsible person lost the name "
                              "(“Chịu trách nhiệm nội dung: . SĐT …”)"),
        "camgiang": Change(9, "xoxxxxxxxx", 2, layout=_layout(feedback="none"),
                           note="worse: the feedback banner (Cổng DVC phản ánh, kiến nghị) was removed"),
        "camthanh": Change(52, "xxxxxxxxxx", 4, layout=_layout(contact=("menu", "topbar", "footer")),
                           note="better: “Liên hệ” added to the main menu"),
        "camquy": Change(27, "oooooxxxxx", 2),
        "camtan": Change(81, "xxxxxxxxxx", 5),
        "camngoc": Change(90, "oxooxxxxxx", 6),
        "camtu": Change(63, "xxxxxxxxxx", 3, edge=True),
        "camchau": Change(44, "xxxxxxxxxx", 2, edge=True),
        "camyen": Change(46, "oxxxxxxxxx", 3,
                         layout=_layout(sections=_sections("camyen", legal=Section(), tourism=Section()),
                                        campaign_banners=()),
                         note="better: legal documents section and tourism category created; "
                              "the 2022 Digital Transformation Day banner removed"),
        "camphu": Change(18, "ooxoooxoxx", 1,
                         layout=_layout(sections=_sections("camphu", schedule=Section(where="top")),
                                        election=False),
                         note="better: citizen reception schedule created; the 2021 election category removed"),
        "camthach": Change(29, "oxxooxxxxx", 2),
        "cambinh": Change(35, "oxxxxxxxxx", 4, edge=True),
        "phongson": Change(31, "xxxxxxxxxx", 3),
        "camlien": Change(7, "oxooooxoxx", 0),
        "camlong": Change(26, "oxxoxxxxxx", 2,
                          layout=_layout(sections=_sections("camlong", tourism=Section(where="top", label="Du lịch"))),
                          note="better: the empty tourism category now has posts"),
        "camluong": Change(33, "xxxoxxxxxx", 3,
                           layout=_layout(sections=_sections("camluong", legal=Section(state="empty"))),
                           note="worse: the legal documents page is now empty"),
        "camtam": Change(17, "xoxxxxxxxx", 1, layout=_layout(campaign_banners=("teachers-day-2022",)),
                         note="the Great Unity Day 2022 banner removed; the Teachers' Day 2022 banner still shown"),
    }),
})


def period(quarter: str) -> Period:
    """The quarter named "YYYY-Qn"; ValueError naming the known ones otherwise."""
    for candidate in PERIODS:
        if candidate.name == quarter:
            return candidate
    raise ValueError(f"unknown quarter {quarter!r} for the simulated district (known: {', '.join(QUARTERS)})")


def previous(quarter: str) -> str | None:
    index = QUARTERS.index(period(quarter).name)
    return QUARTERS[index - 1] if index else None


def change(unit_id: str, quarter: str) -> Change:
    return CHANGES[period(quarter).name][unit_id]


def unit_in(unit_id: str, quarter: str) -> Unit:
    """The unit as its portal stands when `quarter` is audited."""
    before = previous(quarter)
    if before is None:
        return _UNITS_Q1[unit_id]
    now = change(unit_id, quarter)
    return dataclasses.replace(unit_in(unit_id, before), marks=now.marks, edge_cases=now.edge,
                               new_posts=now.after, **now.layout)


def units_in(quarter: str) -> tuple[Unit, ...]:
    """Every unit in Appendix 1 order, as its portal stands when `quarter` is audited."""
    return tuple(unit_in(unit.id, quarter) for unit in UNITS)


def posts_in(unit_id: str, quarter: str) -> int:
    """Posts dated inside `quarter` on the unit's portal."""
    if previous(quarter) is None:
        return _UNITS_Q1[unit_id].q1_posts
    return change(unit_id, quarter).posts


def _check() -> None:
    for name, changes in CHANGES.items():
        assert name in QUARTERS and set(changes) == set(_UNITS_Q1), name
        for unit_id, entry in changes.items():
            assert len(entry.marks) == len(CHECKS) and set(entry.marks) <= {"x", "o"}, unit_id
            assert set(entry.layout) <= {f.name for f in dataclasses.fields(Unit)}, unit_id


_check()
