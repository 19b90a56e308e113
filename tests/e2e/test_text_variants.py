"""The same portals written with NFD text, without diacritics or in upper case get the same verdicts.

A transport rewrites every HTML page the simulator serves (text only: URLs and markup unchanged),
so the whole pipeline — menus, sections, banners, footers, listings, dates — sees the variant.
"""

from __future__ import annotations

import asyncio
import re
import unicodedata
from collections.abc import Callable

import httpx
import pytest
from conftest import Q1

from camthuy_audit.audit import decide
from camthuy_audit.config import Config
from camthuy_audit.crawl import crawl_portal
from camthuy_audit.fetch import Fetcher, ResolvingTransport
from camthuy_audit.models import UnitResult

UNITS = ("camngoc", "camtu", "camyen")
_TEXT = re.compile(r">([^<]+)<")


def nfd(text: str) -> str:
    return unicodedata.normalize("NFD", text)


def unaccented(text: str) -> str:
    stripped = "".join(c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c))
    return stripped.replace("đ", "d").replace("Đ", "D")


def upper_text(html: str) -> str:
    return _TEXT.sub(lambda m: ">" + m.group(1).upper() + "<", html)


class RewritingTransport(httpx.AsyncBaseTransport):
    def __init__(self, inner: httpx.AsyncBaseTransport, rewrite: Callable[[str], str]) -> None:
        self._inner, self._rewrite = inner, rewrite

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        response = await self._inner.handle_async_request(request)
        if "text/html" not in response.headers.get("content-type", ""):
            return response
        body = (await response.aread()).decode("utf-8")
        headers = [(k, v) for k, v in response.headers.items() if k.lower() not in ("content-length", "etag")]
        return httpx.Response(response.status_code, headers=headers, content=self._rewrite(body).encode("utf-8"))


def audit_with(config: Config, rewrite: Callable[[str], str]) -> dict[str, UnitResult]:
    async def go() -> dict[str, UnitResult]:
        transport = RewritingTransport(ResolvingTransport(config.resolve), rewrite)
        async with Fetcher(config.crawl, resolve=config.resolve, transport=transport) as fetcher:
            results = {}
            for unit_id in UNITS:
                unit = config.find_unit(unit_id)
                assert unit is not None
                from camthuy_audit.audit import target_of

                snapshot = await crawl_portal(target_of(unit), fetcher, config.crawl, Q1)
                results[unit_id] = decide(snapshot, config, Q1, name=unit.name)
            return results

    return asyncio.run(go())


def _marks(result: UnitResult) -> dict[str, object]:
    marks: dict[str, object] = {c: v.mark for c, v in result.verdicts.items()}
    marks["posts"] = result.posts_in_quarter
    marks["stale"] = len(result.findings("stale_banners"))
    return marks


@pytest.mark.parametrize("rewrite", [nfd, unaccented, upper_text], ids=["nfd", "unaccented", "upper-case"])
def test_variants_get_the_same_verdicts(rewrite, district_config: Config, district_results) -> None:  # type: ignore[no-untyped-def]
    baseline = {r.unit_id: r for r in district_results}
    variant = audit_with(district_config, rewrite)
    for unit_id in UNITS:
        expected = _marks(baseline[unit_id])
        got = _marks(variant[unit_id])
        assert got == expected, unit_id
