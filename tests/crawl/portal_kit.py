"""A minimal portal served through respx, audited end to end (crawl + rules), for one-class tests.

Pages are a path -> answer table: an HTML string (200), or a tuple (status, html, headers), or a
list of such answers given in turn (the last one repeats). Every other URL answers 404.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence

import httpx
import respx

from camthuy_audit.audit import decide
from camthuy_audit.config import Config, CrawlSettings, rules_only_config
from camthuy_audit.crawl import Target, crawl_portal
from camthuy_audit.fetch import Fetcher
from camthuy_audit.models import PortalSnapshot, UnitResult
from camthuy_audit.quarter import Quarter

BASE = "https://xa-thu.example.gov.vn"
HTML = {"content-type": "text/html; charset=utf-8"}

Answer = str | tuple[int, str, Mapping[str, str]]
Pages = Mapping[str, Answer | Sequence[Answer]]

MENU = """<nav class="main-menu"><ul class="menu">
<li><a href="/">Trang chủ</a></li><li><a href="/gioi-thieu/">Giới thiệu</a></li>
<li><a href="/tin-tuc/">Tin tức - Sự kiện</a></li><li><a href="/van-ban/">Văn bản</a></li>
<li><a href="/thu-tuc-hanh-chinh/">Thủ tục hành chính</a></li><li><a href="/lien-he/">Liên hệ</a></li>
</ul></nav>"""
FOOTER = """<footer class="footer"><p>Bản quyền thuộc về UBND xã Thử</p>
<p>Chịu trách nhiệm nội dung: Ông Nguyễn Văn Thành - Chủ tịch UBND xã</p></footer>"""


def page(main: str, *, menu: str = MENU, left: str = "", right: str = "", footer: str = FOOTER,
         title: str = "Cổng thông tin điện tử xã Thử", head: str = "") -> str:
    """A portal page: header with the menu, left and right columns around the main column, footer."""
    columns = ""
    if left:
        columns += f'<div class="col-left">{left}</div>'
    columns += f'<div class="main-content">{main}</div>'
    if right:
        columns += f'<div class="col-right">{right}</div>'
    return (f"<!doctype html><html><head><meta charset='utf-8'><title>{title}</title>{head}</head><body>"
            f"<header class='site-header'><img class='logo' src='/logo.png' alt='logo'>{menu}</header>"
            f"<div class='container'>{columns}</div>{footer}</body></html>")


def news_list(items: Sequence[tuple[str, str, str]]) -> str:
    """A listing: (url, title, date) per item."""
    rows = "".join(f'<div class="news-item"><h3><a href="{u}">{t}</a></h3><span class="date">{d}</span>'
                   f"<p>Tóm tắt nội dung của tin.</p></div>" for u, t, d in items)
    return f'<div class="news-list">{rows}</div>'


def _responses(answer: Answer | Sequence[Answer]) -> list[httpx.Response]:
    answers = [answer] if isinstance(answer, (str, tuple)) else list(answer)
    responses = []
    for one in answers:
        if isinstance(one, str):
            responses.append(httpx.Response(200, text=one, headers=HTML))
        else:
            status, body, headers = one
            responses.append(httpx.Response(status, text=body, headers={**HTML, **headers}))
    return responses


def _route(router: respx.Router, path: str, answer: Answer | Sequence[Answer]) -> None:
    responses = _responses(answer)
    served = {"n": 0}

    def respond(request: httpx.Request) -> httpx.Response:
        index = min(served["n"], len(responses) - 1)
        served["n"] += 1
        return responses[index]

    url, _, query = (BASE + path).partition("?")
    route = router.get(url, params=dict(p.split("=", 1) for p in query.split("&"))) if query else router.get(url)
    route.mock(side_effect=respond)


def snapshot_of(pages: Pages, *, quarter: str = "2023-Q1", settings: CrawlSettings | None = None,
                config: Config | None = None) -> PortalSnapshot:
    config = config or rules_only_config()
    settings = settings or CrawlSettings(attempts=2, backoff=0.01, min_delay=0)

    async def go() -> PortalSnapshot:
        async with Fetcher(settings, cache=None) as fetcher:
            return await crawl_portal(Target("thu", BASE + "/"), fetcher, settings, Quarter.parse(quarter))

    with respx.mock(assert_all_called=False) as router:
        if "/robots.txt" not in pages:
            router.get(f"{BASE}/robots.txt").respond(404)
        # Queries first: respx picks the first route that matches, and a route without params
        # matches any query.
        for path in sorted(pages, key=lambda p: "?" not in p):
            _route(router, path, pages[path])
        router.get(url__regex=r".*").respond(404, text="<html><body><h1>404</h1></body></html>", headers=HTML)
        return asyncio.run(go())


def audit(pages: Pages, *, quarter: str = "2023-Q1", settings: CrawlSettings | None = None,
          config: Config | None = None) -> UnitResult:
    config = config or rules_only_config()
    snapshot = snapshot_of(pages, quarter=quarter, settings=settings, config=config)
    return decide(snapshot, config, Quarter.parse(quarter), name="UBND xã Thử")
