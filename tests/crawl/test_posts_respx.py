"""Post discovery with respx: sub-categories, feeds, and which failures make a count incomplete."""

from __future__ import annotations

import asyncio

import respx

from camthuy_audit.config import CrawlSettings
from camthuy_audit.crawl import Target, crawl_portal
from camthuy_audit.fetch import Fetcher
from camthuy_audit.models import PortalSnapshot
from camthuy_audit.quarter import Quarter

BASE = "https://xa-b.example.gov.vn"
HTML = {"content-type": "text/html; charset=utf-8"}

HOME = """<html><head><link rel="alternate" type="application/rss+xml" href="/rss/"></head><body>
<nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc/">Tin tức</a></li>
<li><a href="/lien-he/">Liên hệ</a></li></ul></nav>
<div class="content"><p>Chào mừng đến với trang thông tin điện tử của xã. <a href="/dang-nhap/">Đăng nhập</a></p></div>
</body></html>"""

NEWS = """<html><body><nav class="menu"><ul><li><a href="/">Trang chủ</a></li><li><a href="/tin-tuc/">Tin tức</a></li>
<li><a href="/lien-he/">Liên hệ</a></li></ul></nav><div class="content">
<div class="box"><h2>Tin trong xã</h2><a href="/tin-tuc/tin-trong-xa/">Xem thêm</a></div>
<div class="box"><h2>Nông nghiệp</h2><a href="/tin-tuc/nong-nghiep/">Nông nghiệp</a></div>
</div></body></html>"""

def listing(items: list[tuple[str, str]]) -> str:
    rows = "".join(f'<li class="news"><a href="{u}">{t}</a></li>' for u, t in items)
    return f'<html><body><div class="content"><ul class="list">{rows}</ul></div></body></html>'


INSIDE = listing([("/tin-tuc/tin-trong-xa/hop-dan-thon-dong-tam.html", "Họp dân thôn Đồng Tâm về giao thông"),
                  ("/tin-tuc/tin-trong-xa/tap-huan-nong-dan.html", "Tập huấn kỹ thuật cho nông dân")])
FARM = listing([("/tin-tuc/nong-nghiep/gieo-cay-vu-xuan.html", "Gieo cấy vụ xuân đúng khung thời vụ")])
RSS = """<?xml version="1.0" encoding="utf-8"?><rss version="2.0"><channel>
<item><title>Họp dân</title><link>https://xa-b.example.gov.vn/tin-tuc/tin-trong-xa/hop-dan-thon-dong-tam.html</link><pubDate>Mon, 16 Jan 2023 02:00:00 GMT</pubDate></item>
<item><title>Tập huấn</title><link>https://xa-b.example.gov.vn/tin-tuc/tin-trong-xa/tap-huan-nong-dan.html</link><pubDate>Fri, 31 Mar 2023 17:30:00 GMT</pubDate></item>
</channel></rss>"""
ARTICLE = """<html><body><div class="content"><h1>Gieo cấy vụ xuân đúng khung thời vụ</h1>
<p class="date">Ngày 20/02/2023 08:00</p><p>Nội dung bài viết.</p></div></body></html>"""


def crawl(router: respx.Router) -> PortalSnapshot:
    settings = CrawlSettings(attempts=1)

    async def go() -> PortalSnapshot:
        async with Fetcher(settings) as fetcher:
            return await crawl_portal(Target("b", BASE + "/"), fetcher, settings, Quarter.parse("2023-Q1"))

    return asyncio.run(go())


def test_subcategories_feeds_and_guessed_links() -> None:
    with respx.mock(assert_all_called=False) as router:
        router.get(f"{BASE}/robots.txt").respond(200, text="User-agent: *\nDisallow: /dang-nhap/\n")
        router.get(f"{BASE}/").respond(200, text=HOME, headers=HTML)
        router.get(f"{BASE}/rss/").respond(200, text=RSS, headers={"content-type": "application/rss+xml"})
        router.get(f"{BASE}/tin-tuc/").respond(200, text=NEWS, headers=HTML)
        router.get(f"{BASE}/tin-tuc/tin-trong-xa/").respond(200, text=INSIDE, headers=HTML)
        router.get(f"{BASE}/tin-tuc/nong-nghiep/").respond(200, text=FARM, headers=HTML)
        farm_article = router.get(f"{BASE}/tin-tuc/nong-nghiep/gieo-cay-vu-xuan.html").respond(
            200, text=ARTICLE, headers=HTML)
        inside_article = router.get(f"{BASE}/tin-tuc/tin-trong-xa/hop-dan-thon-dong-tam.html").respond(
            200, text=ARTICLE, headers=HTML)
        router.get(url__regex=r".*").respond(404, text="<html><body>Không tìm thấy</body></html>", headers=HTML)
        snapshot = crawl(router)
    scan = snapshot.posts
    assert scan.complete, scan.incomplete_reason  # the robots-disallowed login link was only a guess
    by_slug = {p.url.rsplit("/", 1)[-1]: p for p in scan.posts}
    assert set(by_slug) == {"hop-dan-thon-dong-tam.html", "tap-huan-nong-dan.html", "gieo-cay-vu-xuan.html"}
    assert by_slug["tap-huan-nong-dan.html"].published.date().isoformat() == "2023-04-01"  # 17:30 GMT = 00:30 +07
    assert by_slug["hop-dan-thon-dong-tam.html"].source == f"{BASE}/rss/"
    assert not inside_article.called   # dated by the feed, never opened
    assert farm_article.called         # not in the feed: dated from its page


def test_a_failing_category_makes_the_count_incomplete() -> None:
    with respx.mock(assert_all_called=False) as router:
        router.get(f"{BASE}/robots.txt").respond(404)
        router.get(f"{BASE}/").respond(200, text=HOME, headers=HTML)
        router.get(f"{BASE}/tin-tuc/").respond(503)
        router.get(url__regex=r".*").respond(404, text="<html><body>Không tìm thấy</body></html>", headers=HTML)
        snapshot = crawl(router)
    assert not snapshot.posts.complete
    assert "tin-tuc" in (snapshot.posts.incomplete_reason or "")
