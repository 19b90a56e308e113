"""The accuracy gate: evaluate on the labelled corpus must not fall below the stored floor.

The floor (tests/corpus/accuracy_floor.json) is what the code achieved when it was last raised;
lowering it is a visible change with a reason. The goal is every label: agreement B/B, posts Q/Q.
"""

from __future__ import annotations

import importlib.util
import json
import sys
from pathlib import Path

import pytest

from camthuy_audit.evaluate import EvaluationReport, evaluate

CORPUS = Path(__file__).resolve().parent / "corpus"
FLOOR = CORPUS / "accuracy_floor.json"


@pytest.fixture(scope="module")
def report() -> EvaluationReport:
    return evaluate(CORPUS / "answers.json")


def floor() -> dict[str, object]:
    data = json.loads(FLOOR.read_text(encoding="utf-8"))
    assert str(data.get("reason", "")).strip(), "accuracy_floor.json: give the reason of the current floor"
    return data


def required(value: object, total: int) -> float:
    """A floor given as a count (12) or as a fraction of the scored labels (0.95)."""
    assert isinstance(value, int | float) and value >= 0, f"accuracy_floor.json: bad value {value!r}"
    return value * total if isinstance(value, float) and value <= 1 else float(value)


def disagreements(report: EvaluationReport) -> str:
    rows = [f"  {c.portal} {c.check}: expected {c.expected}, got {c.got} — {c.detail}" for c in report.disagreements]
    return "\n".join([report.summary_line(), *rows])


def test_agreement_is_not_below_the_floor(report: EvaluationReport) -> None:
    minimum = required(floor()["agreement"], report.checks)
    assert report.agreement >= minimum, f"agreement fell below the floor ({minimum:g}):\n{disagreements(report)}"


def test_exact_post_counts_are_not_below_the_floor(report: EvaluationReport) -> None:
    minimum = required(floor()["posts_exact"], report.posts_scored)
    assert report.posts_exact >= minimum, f"exact post counts fell below the floor ({minimum:g}):\n{disagreements(report)}"


def test_unknown_marks_do_not_grow(report: EvaluationReport) -> None:
    maximum = floor()["max_unknown"]
    assert isinstance(maximum, int)
    assert report.unknown <= maximum, f"more marks came back \"?\" than allowed ({maximum}):\n{disagreements(report)}"


def test_no_false_accusation(report: EvaluationReport) -> None:
    """An "o" (or a stale/oversized finding) where the label says the portal complies is never allowed."""
    rows = [f"  {c.portal} {c.check}: expected {c.expected}, got {c.got} — {c.detail}" for c in report.false_accusations]
    assert not rows, "false accusations:\n" + "\n".join(rows)


def test_real_cms_labels_are_those_written_with_each_portal() -> None:
    """answers.json carries the labels written beside each real-CMS portal's build (tests/corpus/cms/)."""
    entries = {p["id"]: p for p in json.loads((CORPUS / "answers.json").read_text(encoding="utf-8"))["portals"]}
    fragments = sorted((CORPUS / "cms").glob("cms-*.answers.json"))
    assert len(fragments) >= 6
    for fragment in fragments:
        portal = json.loads(fragment.read_text(encoding="utf-8"))
        assert entries.get(portal["id"]) == portal, f"{fragment.name} and answers.json disagree"


def test_every_portal_was_reached(report: EvaluationReport) -> None:
    unreachable = {pid: r.unreachable_reason for pid, r in report.results.items() if not r.reachable}
    assert not unreachable


@pytest.mark.parametrize("script", ["build.py", "build_more.py"])
def test_the_corpus_is_what_build_py_writes(script: str, capsys: pytest.CaptureFixture[str]) -> None:
    """The committed pages equal the scripts' output and their post counts equal the labels."""
    spec = importlib.util.spec_from_file_location(f"corpus_{script[:-3]}", CORPUS / script)
    assert spec is not None and spec.loader is not None
    build = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = build          # dataclasses look their module up while the file runs
    try:
        spec.loader.exec_module(build)
        status = build.main(["--check"])
    finally:
        del sys.modules[spec.name]
    assert status == 0, capsys.readouterr().err
