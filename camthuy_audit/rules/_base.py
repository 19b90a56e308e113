"""What every rule shares: its metadata as data, the context it decides in, helpers."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Literal

from camthuy_audit.config import RulesConfig
from camthuy_audit.models import Evidence, PortalSnapshot, Verdict
from camthuy_audit.quarter import Quarter


@dataclass(frozen=True)
class RuleMeta:
    """A check's description: shown in the report, the CLI and results.json."""

    id: str
    kind: Literal["appendix1", "posts", "findings"]
    column: str            # Appendix 1 / Appendix 2 column label (Vietnamese)
    passes: str            # what passes (Vietnamese, one sentence)
    legal_basis: str       # "{dispatch}; Nghị định ...": {dispatch} is the configured main dispatch
    how_to_fix: str        # "cách khắc phục" shown beside an "o" (Vietnamese)

    def legal_basis_for(self, dispatch: str) -> str:
        """The legal basis with the configured dispatch named ("Công văn số ... ngày ... của ...")."""
        return self.legal_basis.replace("{dispatch}", dispatch)


@dataclass(frozen=True)
class RuleContext:
    rules: RulesConfig
    quarter: Quarter


Check = Callable[[PortalSnapshot, RuleContext], Verdict]


@dataclass(frozen=True)
class Rule:
    meta: RuleMeta
    check: Check


def unknown(check_id: str, reason: str, url: str | None = None) -> Verdict:
    """A verdict that could not be decided: "?" with the reason, never "o"."""
    return Verdict(check_id=check_id, mark="?", reason=reason,
                   evidence=[Evidence(kind="error", text=reason, url=url)])
