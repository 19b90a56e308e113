"""The portals' real content makes each Appendix 1 mark of the seed true (checked over HTTP)."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sim_marks import observed_marks
from sim_walk import Portal

from camthuy_audit.simulator.units import UNITS


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.id)
def test_appendix1_marks_hold(unit, portal: Callable[..., Portal]) -> None:
    assert "".join(observed_marks(portal(unit.id)).values()) == unit.marks
