"""Staff corrections applied after the rules: a new mark (or post count) with who and why."""

from __future__ import annotations

from camthuy_audit.config import Override
from camthuy_audit.models import Evidence, OverrideNote, Verdict
from camthuy_audit.rules import rule_by_id

_POSTS = "posts_in_quarter"


def check_overrides(overrides: list[Override]) -> None:
    """ValueError naming the first override that names an unknown check or cannot apply to it."""
    for override in overrides:
        try:
            rule_by_id(override.check)
        except KeyError:
            raise ValueError(f"điều chỉnh cho đơn vị {override.unit!r}: không có kiểm tra {override.check!r}") from None
        if override.posts is not None and override.check != _POSTS:
            raise ValueError(f"điều chỉnh cho đơn vị {override.unit!r}, kiểm tra {override.check!r}: "
                             f"'posts' chỉ dùng cho {_POSTS}")
        if override.mark is None and override.posts is None:
            raise ValueError(f"điều chỉnh cho đơn vị {override.unit!r}, kiểm tra {override.check!r}: "
                             "cần 'mark' hoặc 'posts'")


def apply_overrides(unit_id: str, verdicts: dict[str, Verdict], overrides: list[Override]) -> dict[str, Verdict]:
    """New verdicts with this unit's overrides applied (the last one wins for a check)."""
    check_overrides(overrides)
    mine = {o.check: o for o in overrides if o.unit == unit_id}
    return {check_id: overridden(verdict, mine[check_id]) if check_id in mine else verdict
            for check_id, verdict in verdicts.items()}


def overridden(verdict: Verdict, override: Override) -> Verdict:
    """``verdict`` as corrected by ``override``, keeping what the rule had decided."""
    mark = override.mark
    count = verdict.count
    if override.posts is not None:
        count = override.posts
        mark = mark or "x"
    if mark == "?" and verdict.check_id == _POSTS:
        count = None
    new_mark = mark or verdict.mark
    before = f"“{verdict.mark}”" + (f", {verdict.count} tin bài" if verdict.check_id == _POSTS else "")
    note = Evidence(kind="note", text=f"Điều chỉnh thủ công bởi {override.by}: {override.reason} "
                                      f"(kết quả tự động: {before} – {verdict.reason})")
    update: dict[str, object] = {
        "mark": new_mark,
        "count": count,
        "reason": f"Điều chỉnh thủ công: {override.reason}",
        "evidence": [note, *verdict.evidence],
        "override": OverrideNote(original_mark=verdict.mark, original_count=verdict.count,
                                 reason=override.reason, by=override.by),
    }
    if new_mark == "x" and verdict.findings:
        # Staff say nothing is wrong: the findings must not be named in the notice any more.
        update["findings"] = []
    return verdict.model_copy(update=update)
