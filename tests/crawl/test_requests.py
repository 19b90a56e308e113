"""Only the requests the audit needs: every URL once, a listing's pager is not a set of categories, a
banner's click counter is followed only when where it leads can decide a check, the page after next
is asked for ahead only while the quarter is not covered, and the requests waiting for a host go in
the order that keeps its slots busy."""

from __future__ import annotations

import asyncio
from collections import Counter

import httpx
import pytest
import respx

from camthuy_audit.audit import crawl_and_judge
from camthuy_audit.config import CrawlSettings, rules_only_config
from camthuy_audit.crawl import Target
from camthuy_audit.extract.html import is_click_counter
from camthuy_audit.extract.listing import with_page_number
from camthuy_audit.fetch import Fetcher, HostSlots
from camthuy_audit.models import PortalSnapshot, Verdict
from camthuy_audit.netguard import PerHostTransport
from camthuy_audit.quarter import Quarter

from .portal_kit import BASE, HTML, page

Q1 = Quarter.parse("2023-Q1")


def _listing(n: int, items: list[tuple[str, str, str]], pages: int, *, query: bool = True) -> str:
    rows = "".join(f'<div class="news-item"><h3><a href="{u}">{t}</a></h3><span class="date">{d}</span></div>'
                   for u, t, d in items)

    def link(k: int) -> str:
        href = "/tin-tuc/" if k == 1 else (f"/tin-tuc/?page={k}" if query else f"/tin-tuc/page/{k}/")
        return f'<a href="{href}">{k}</a>'
    pager = " ".join(link(k) for k in range(1, pages + 1) if k != n)
    nxt = (f'<a href="/tin-tuc/?page={n + 1}">Trang sau »</a>' if query else
           f'<a href="/tin-tuc/page/{n + 1}/">Trang sau »</a>') if n < pages else ""
    return f'<div class="news-list">{rows}</div><div class="pagination">{pager} {nxt}</div>'


def _items(page_number: int, per_page: int = 5, first_day: int = 31, month: int = 3, step: int = 6):
    """Dated items, newest first, ``step`` days apart across pages (from 31/03/2023 backwards)."""
    import datetime as dt
    start = dt.date(2023, month, first_day)
    out = []
    for i in range(per_page):
        day = start - dt.timedelta(days=step * ((page_number - 1) * per_page + i))
        out.append((f"/tin-tuc/bai-{page_number}-{i}.html", f"Tin số {page_number}-{i} của xã Thử",
                    day.strftime("%d/%m/%Y")))
    return out


def _audit(pages: dict[str, object]) -> tuple[PortalSnapshot, dict[str, Verdict], Counter[str]]:
    asked: Counter[str] = Counter()
    config = rules_only_config()
    settings = CrawlSettings(attempts=1, backoff=0.01, min_delay=0)

    def respond(request: httpx.Request) -> httpx.Response:
        path = request.url.raw_path.decode()
        asked[path] += 1
        answer = pages.get(path)
        if answer is None:
            return httpx.Response(404, text="<html><body><h1>404</h1></body></html>", headers=HTML)
        if isinstance(answer, tuple):
            status, headers = answer
            return httpx.Response(status, headers=headers)
        return httpx.Response(200, text=str(answer), headers=HTML)

    async def go() -> tuple[PortalSnapshot, dict[str, Verdict]]:
        async with Fetcher(settings, cache=None) as fetcher:
            return await crawl_and_judge(Target("thu", BASE + "/"), fetcher, config, Q1)

    with respx.mock(assert_all_called=False) as router:
        router.route(host="xa-thu.example.gov.vn").mock(side_effect=respond)
        snapshot, verdicts = asyncio.run(go())
    return snapshot, verdicts, asked


def test_a_pager_is_read_page_by_page_not_as_categories() -> None:
    # Six pages of news, five a week apart per page: the quarter ends inside page 3.
    pages: dict[str, object] = {"/": page("<h2>Tin mới</h2>"), "/robots.txt": ""}
    pages["/tin-tuc/"] = page(_listing(1, _items(1), 6))
    for n in range(2, 7):
        pages[f"/tin-tuc/?page={n}"] = page(_listing(n, _items(n), 6))
    snapshot, _, asked = _audit(pages)
    assert all(count == 1 for count in asked.values()), asked            # every URL once
    assert "/tin-tuc/?page=1" not in asked                               # page 1 is /tin-tuc/
    read = sorted(p for p in asked if p.startswith("/tin-tuc/?page="))
    assert "/tin-tuc/?page=6" not in read and "/tin-tuc/?page=5" not in read, read
    assert snapshot.posts.complete
    in_quarter = [i for n in range(1, 7) for i in _items(n) if i[2].endswith("/2023")]
    assert len([p for p in snapshot.posts.posts if p.published.date().year == 2023]) == len(in_quarter) == 15


def test_a_click_counter_is_not_followed_when_a_banner_already_says_feedback() -> None:
    banners = ('<a href="/banners/click/?id=1"><img src="/up/phan-anh-kien-nghi.png" alt="Phản ánh kiến nghị" '
               'width="250" height="80"></a>'
               '<a href="/banners/click/?id=2"><img src="/up/dvc.png" alt="Cổng dịch vụ công quốc gia" '
               'width="250" height="80"></a>')
    pages: dict[str, object] = {"/": page("<h2>Tin mới</h2>", right=banners), "/robots.txt": "",
                                "/banners/click/?id=1": (302, {"location": "https://dichvucong.gov.vn/pakn"}),
                                "/banners/click/?id=2": (302, {"location": "https://dichvucong.gov.vn/"})}
    _, verdicts, asked = _audit(pages)
    assert verdicts["feedback_banner"].mark == "x"
    assert not [p for p in asked if p.startswith("/banners/click/")], asked


def test_a_click_counter_is_followed_when_only_its_end_can_say_what_the_banner_is() -> None:
    banners = ('<a href="/banners/click/?id=7"><img src="/up/banner-7.png" alt="image banner" '
               'width="250" height="80"></a>')
    pages: dict[str, object] = {"/": page("<h2>Tin mới</h2>", right=banners), "/robots.txt": "",
                                "/banners/click/?id=7": (302, {"location": "https://kiennghi.gov.vn/phan-anh"})}
    snapshot, verdicts, asked = _audit(pages)
    assert asked["/banners/click/?id=7"] == 1
    [banner] = snapshot.banners
    assert banner.target_url == "https://kiennghi.gov.vn/phan-anh"
    assert verdicts["feedback_banner"].mark == "x", verdicts["feedback_banner"].reason


def test_a_redirect_and_its_end_are_fetched_once() -> None:
    menu = ('<nav class="main-menu"><ul class="menu"><li><a href="/">Trang chủ</a></li>'
            '<li><a href="/tin-tuc">Tin tức</a></li><li><a href="/gioi-thieu/">Giới thiệu</a></li>'
            '<li><a href="/lien-he/">Liên hệ</a></li></ul></nav>')
    pages: dict[str, object] = {
        "/": page('<a href="/tin-tuc/">Xem tất cả tin</a>', menu=menu), "/robots.txt": "",
        "/tin-tuc": (301, {"location": f"{BASE}/tin-tuc/"}),
        "/tin-tuc/": page(_listing(1, _items(1), 1), menu=menu),
    }
    _, _, asked = _audit(pages)
    assert asked["/tin-tuc/"] == 1 and asked["/tin-tuc"] == 1, asked


def test_the_page_after_next_is_predicted_as_the_site_writes_it() -> None:
    assert with_page_number("https://x.vn/tin?cat=3&page=2&l=vi", 4) == "https://x.vn/tin?cat=3&page=4&l=vi"
    assert with_page_number("https://x.vn/tin-tuc/page/2/", 3) == "https://x.vn/tin-tuc/page/3/"
    assert with_page_number("https://x.vn/tin?start=10", 20) == "https://x.vn/tin?start=20"
    assert with_page_number("https://x.vn/tin?q=%C4%91&p=2", 3) == "https://x.vn/tin?q=%C4%91&p=3"  # no re-encoding
    assert with_page_number("https://x.vn/tin-tuc/", 3) is None


def test_click_counters_are_told_by_their_url() -> None:
    for url in ("https://x.vn/banners/click/?id=3&s=9b", "https://x.vn/index.php?nv=banners&op=click&id=2",
                "https://x.vn/redirect.aspx?url=https%3A%2F%2Fdichvucong.gov.vn", "https://x.vn/out?u=1"):
        assert is_click_counter(url), url
    for url in ("https://x.vn/web/guest/chuyen-doi-so", "https://x.vn/tin-tuc/go-vap-2023.html",
                "https://x.vn/chuyen-muc/lich-tiep-cong-dan"):
        assert not is_click_counter(url), url


def test_waiting_requests_start_by_priority() -> None:
    async def go() -> list[str]:
        slots = HostSlots(1)
        started: list[str] = []
        await slots.acquire(0)                  # the one in flight

        async def wait(name: str, priority: int) -> None:
            await slots.acquire(priority)
            started.append(name)
            slots.release()

        tasks = [asyncio.ensure_future(wait(n, p)) for n, p in
                 (("image", 4), ("section", 2), ("next page", 1), ("article", 3), ("other section", 2))]
        await asyncio.sleep(0)
        slots.release()
        await asyncio.gather(*tasks)
        return started

    assert asyncio.run(go()) == ["next page", "section", "other section", "article", "image"]


def test_a_cancelled_waiter_passes_its_turn_on() -> None:
    async def go() -> bool:
        slots = HostSlots(1)
        await slots.acquire(0)
        gone = asyncio.ensure_future(slots.acquire(1))
        kept = asyncio.ensure_future(slots.acquire(2))
        await asyncio.sleep(0)
        gone.cancel()
        await asyncio.sleep(0)
        slots.release()
        await asyncio.wait_for(kept, 1)
        slots.release()
        return slots.idle

    assert asyncio.run(go())


def test_each_host_has_its_own_small_pool_released_with_its_portal() -> None:
    made: list[str] = []

    class Recorder(httpx.AsyncBaseTransport):
        closed = False

        async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
            return httpx.Response(200, text="ok")

        async def aclose(self) -> None:
            Recorder.closed = True

    def make() -> httpx.AsyncBaseTransport:
        made.append("pool")
        return Recorder()

    async def go() -> int:
        transport = PerHostTransport(make)
        async with httpx.AsyncClient(transport=transport) as client:
            for url in ("https://a.vn/1", "https://a.vn/2", "https://b.vn/1"):
                await client.get(url)
            pools = len(transport)
            await transport.release(["a.vn"])
            assert len(transport) == 1 and Recorder.closed
        return pools

    assert asyncio.run(go()) == 2 and made == ["pool", "pool"]


@pytest.mark.parametrize("label", ["Older Posts →", "Trang sau »", "Tiếp theo", "Next page", "Bài cũ hơn"])
def test_next_page_words(label: str) -> None:
    from camthuy_audit.extract.page import analyze

    items = "".join(f'<li class="post"><a href="/bai-{i}.html">Tin số {i} của xã Thử hôm nay</a> '
                    f'<span>0{i}/03/2023</span></li>' for i in range(1, 6))
    html = (f'<html><body><main><ul class="posts">{items}</ul>'
            f'<nav class="is-content-justification-space-between wp-block-query-pagination">'
            f'<a href="/tin-tuc/page/2">{label}</a></nav></main></body></html>')
    view = analyze(html, BASE + "/tin-tuc", lambda u: u.startswith(BASE), full=False)
    assert view.next_page == BASE + "/tin-tuc/page/2"


def _group_portal(own_posts: bool) -> dict[str, object]:
    """A menu group "Tin tức" with two sub-categories; the group page lists their posts together
    (and, with ``own_posts``, a post filed in the group itself)."""
    menu = ('<nav class="main-menu"><ul class="menu"><li><a href="/">Trang chủ</a></li>'
            '<li><a href="/tin-tuc/">Tin tức</a><ul><li><a href="/tin-xa/">Tin trong xã</a></li>'
            '<li><a href="/tin-huyen/">Tin huyện</a></li></ul></li>'
            '<li><a href="/gioi-thieu/">Giới thiệu</a></li><li><a href="/lien-he/">Liên hệ</a></li></ul></nav>')

    def listing(items: list[tuple[str, str, str]], next_href: str | None) -> str:
        rows = "".join(f'<div class="news-item"><h3><a href="{u}">{t}</a></h3><span class="date">{d}</span></div>'
                       for u, t, d in items)
        pager = f'<div class="pagination"><a href="{next_href}">Trang sau »</a></div>' if next_href else ""
        return page(f'<div class="news-list">{rows}</div>{pager}', menu=menu)

    xa = [(f"/tin-xa/bai-{i}.html", f"Tin trong xã số {i} hôm nay", f"{30 - 2 * i:02d}/03/2023") for i in range(5)]
    huyen = [(f"/tin-huyen/bai-{i}.html", f"Tin của huyện số {i} hôm nay", f"{29 - 2 * i:02d}/03/2023")
             for i in range(5)]
    old = [(f"/tin-xa/cu-{i}.html", f"Tin cũ số {i} của xã Thử", "10/12/2022") for i in range(3)]
    group = sorted(xa + huyen, key=lambda item: item[2], reverse=True)[:8]
    if own_posts:
        group = [("/tin-tuc/rieng.html", "Tin đăng thẳng vào nhóm Tin tức", "31/03/2023"), *group[:7]]
    return {"/": page("<h2>Tin mới</h2>", menu=menu), "/robots.txt": "",
            "/tin-xa/": listing(xa + old, None), "/tin-huyen/": listing(huyen + old, None),
            "/tin-tuc/": listing(group, "/tin-tuc/?page=2"),
            "/tin-tuc/?page=2": listing(sorted(xa + huyen, key=lambda item: item[2], reverse=True)[7:] + old, None),
            "/gioi-thieu/": page("<p>Giới thiệu xã Thử</p>", menu=menu),
            "/lien-he/": page("<p>Điện thoại: 0237 3876 543</p>", menu=menu)}


def test_a_group_page_that_repeats_its_sub_categories_is_not_paged() -> None:
    snapshot, _, asked = _audit(_group_portal(own_posts=False))
    assert "/tin-tuc/?page=2" not in asked, asked
    assert len([p for p in snapshot.posts.posts if p.published.year == 2023]) == 10


def test_a_group_page_with_posts_of_its_own_is_paged() -> None:
    snapshot, _, asked = _audit(_group_portal(own_posts=True))
    assert asked["/tin-tuc/?page=2"] == 1
    assert len([p for p in snapshot.posts.posts if p.published.year == 2023]) == 11


def test_a_post_undated_on_the_home_page_is_dated_by_its_listing_not_opened() -> None:
    news = _items(1)
    home = page('<div class="news-list">' + "".join(
        f'<div class="news-item"><h3><a href="{u}">{t}</a></h3></div>' for u, t, _ in news) + "</div>")
    pages: dict[str, object] = {"/": home, "/robots.txt": "", "/tin-tuc/": page(_listing(1, news, 1))}
    snapshot, _, asked = _audit(pages)
    assert not [p for p in asked if p.startswith("/tin-tuc/bai-")], asked
    assert len(snapshot.posts.posts) == 5


def test_a_post_linked_in_a_side_column_is_not_read_as_a_page() -> None:
    news = [(u, f"{t}: xã Thử tổ chức hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội", d)
            for u, t, d in _items(1)]   # post titles as portals write them: long
    side = ('<div class="box"><h3>Tin mới</h3><ul>' + "".join(
        f'<li><a href="{u}">{t}</a></li>' for u, t, _ in news[:3]) + "</ul></div>")
    pages: dict[str, object] = {"/": page("<h2>Trang chủ</h2>", right=side), "/robots.txt": "",
                                "/tin-tuc/": page(_listing(1, news, 1))}
    for url, title, day in news:
        pages[url] = page(f"<h1>{title}</h1><p>Ngày {day}</p>")
    snapshot, _, asked = _audit(pages)
    assert not [p for p in asked if p.startswith("/tin-tuc/bai-")], asked
    assert len(snapshot.posts.posts) == 5


def test_a_short_post_title_in_a_side_column_is_still_a_post_of_its_listing() -> None:
    # A side box "Tin mới" links posts whose titles are as short as category names; the listing
    # shows them with their dates: they are posts, counted once, not categories.
    news = [("/tin-tuc/luat-cu-tru.html", "Tuyên truyền Luật Cư trú", "04/01/2023"),
            ("/tin-tuc/tet-2023.html", "Đón Tết Quý Mão", "20/01/2023"),
            ("/tin-tuc/hoi-nghi.html", "Xã Thử tổ chức hội nghị tổng kết công tác năm 2022", "10/01/2023")]
    side = ('<div class="box"><h3>Tin mới</h3><ul>' + "".join(
        f'<li><a href="{u}">{t}</a></li>' for u, t, _ in news[:2]) + "</ul></div>")
    pages: dict[str, object] = {"/": page("<h2>Trang chủ</h2>", right=side), "/robots.txt": "",
                                "/tin-tuc/": page(_listing(1, news, 1), right=side)}
    snapshot, _, _ = _audit(pages)
    assert sorted(p.url.rsplit("/", 1)[-1] for p in snapshot.posts.posts) == \
        ["hoi-nghi.html", "luat-cu-tru.html", "tet-2023.html"]
