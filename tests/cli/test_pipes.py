"""`camthuy-audit check … | head`: the reader leaving early does not change the documented exit code."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from camthuy_audit.evaluate import SavedSite

CORPUS = Path(__file__).resolve().parents[1] / "corpus"


@pytest.mark.parametrize("extra", [[], ["--json"]])
def test_check_piped_into_head_keeps_its_exit_code(extra: list[str]) -> None:
    answer = json.loads((CORPUS / "cms" / "cms-nukeviet-2.answers.json").read_text(encoding="utf-8"))
    with SavedSite(CORPUS / "cms-nukeviet-2", answer["origin"]) as site:
        command = [sys.executable, "-m", "camthuy_audit", "check", site.address + "/", "--quarter", "2023-Q1",
                   "--quiet", *extra]
        whole = subprocess.run(command, capture_output=True, text=True, timeout=120)
        assert whole.returncode == 1, whole.stderr          # the portal has an "o": exit code 1
        head = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert head.stdout is not None and head.stderr is not None
        head.stdout.readline()
        head.stdout.close()                                 # `| head -1` has what it wanted
        assert head.wait(timeout=120) == whole.returncode
        err = head.stderr.read()
        assert "Traceback" not in err and "BrokenPipe" not in err
