"""Headless Chromium for the tests that look at what people see (Debian's `chromium`, driven by Playwright).

In CI (the `CI` environment variable set, as `.ci/run` does) a missing Chromium fails the test:
`.ci/run` installs it, and a check that silently skips proves nothing. On a developer's machine
without it the test is skipped with the command that installs it.
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--disable-quic"]


def missing_tool(message: str) -> None:
    """A tool a check needs is not here: fail in CI (where `.ci/run` installs it), skip elsewhere."""
    if os.environ.get("CI"):
        pytest.fail(f"{message}: in CI this check must run, not skip")
    pytest.skip(message)


def chromium_path() -> str:
    """The Chromium executable; fails in CI and skips elsewhere when there is none."""
    found = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not found:
        missing_tool("chromium is not installed (apt-get install chromium)")
    assert found is not None
    return found


@dataclass
class Visit:
    """What one page did while it was open: requests, console messages, page errors, dialogs."""

    page: Any
    requests: list[str] = field(default_factory=list)
    console_errors: list[str] = field(default_factory=list)
    page_errors: list[str] = field(default_factory=list)
    dialogs: list[str] = field(default_factory=list)


@contextmanager
def open_page(path: Path, *, width: int = 1400, height: int = 900) -> Iterator[Visit]:
    """``path`` opened in headless Chromium, every request, console error and dialog recorded."""
    executable = chromium_path()
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:  # pragma: no cover - a test extra; missing means the install is broken
        pytest.fail("playwright is not installed: pip install -e '.[test]'")
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        try:
            page = browser.new_page(viewport={"width": width, "height": height})
            visit = Visit(page)
            page.on("request", lambda request: visit.requests.append(request.url))
            page.on("console", lambda message: visit.console_errors.append(message.text)
                    if message.type == "error" else None)
            page.on("pageerror", lambda error: visit.page_errors.append(str(error)))

            def dismiss(dialog: Any) -> None:
                visit.dialogs.append(dialog.message)
                dialog.dismiss()

            page.on("dialog", dismiss)
            page.goto(path.resolve().as_uri(), wait_until="load")
            yield visit
        finally:
            browser.close()
