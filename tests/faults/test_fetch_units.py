"""The fetch layer piece by piece, with mocked transports: charsets, bombs, retries, robots, cache, SSRF."""

from __future__ import annotations

import asyncio
import gzip
import time
import zlib
from collections.abc import Awaitable, Callable
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

import httpcore
import httpx
import pytest
from fault_server import to_cp1258
from pydantic import ValidationError

from camthuy_audit.bodies import decode_chunk, decode_text, decoders_for
from camthuy_audit.config import CrawlSettings, Unit, file_stem
from camthuy_audit.crawl import PortalSession, Target
from camthuy_audit.fetch import Fetcher, Page, _retry_after
from camthuy_audit.httpcache import HttpCache
from camthuy_audit.models import FetchError
from camthuy_audit.netguard import AddressNotAllowed, GuardedBackend, HostRouter, is_public_address

BASE = "http://xa.example.gov.vn"
HTML = "text/html; charset=utf-8"
VIETNAMESE = "Ủy ban nhân dân xã Cẩm Thủy: Văn bản pháp quy, Chuyển đổi số, Liên hệ, Đảng ủy, Giới thiệu"
FAST = CrawlSettings(connect_timeout=1, read_timeout=1, page_timeout=2, request_deadline=5, attempts=3,
                     backoff=0.01, max_retry_after=1.0, min_delay=0.0, http_cache=False)

Handler = Callable[[httpx.Request], Awaitable[httpx.Response]]


def fetch(handler: Handler, url: str = BASE + "/", settings: CrawlSettings = FAST,
          cache: HttpCache | None = None, **kwargs: object) -> tuple[Page | FetchError, list[httpx.Request]]:
    seen: list[httpx.Request] = []

    async def record(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return await handler(request)

    async def go() -> Page | FetchError:
        async with Fetcher(settings, transport=httpx.MockTransport(record), cache=cache) as fetcher:
            return await fetcher.get(url, allowed_hosts=frozenset({"xa.example.gov.vn", "www.xa.example.gov.vn"}),
                                     **kwargs)  # type: ignore[arg-type]

    return asyncio.run(go()), seen


def site(pages: dict[str, httpx.Response]) -> Handler:
    async def handle(request: httpx.Request) -> httpx.Response:
        return pages.get(request.url.path) or httpx.Response(404, text="không có")
    return handle


# --- settings and names ---------------------------------------------------------------------------


def test_default_timeouts_decide_a_dead_portal_within_90_seconds() -> None:
    s = CrawlSettings()
    assert (s.connect_timeout, s.read_timeout, s.page_timeout, s.attempts, s.per_host_concurrency,
            s.max_pages, s.max_redirects) == (10, 20, 30, 3, 2, 1000, 5)
    max_waits = sum(s.backoff * 2 ** (n - 1) * 1.5 for n in range(1, s.attempts))
    # No answer at all: each attempt ends at the read timeout (the connect timeout is shorter).
    assert s.attempts * max(s.read_timeout, s.connect_timeout) + max_waits < s.request_deadline
    # Anything slower (a trickle, Retry-After) is stopped by the deadline, robots.txt included.
    assert s.request_deadline < 90


def test_settings_must_be_coherent() -> None:
    with pytest.raises(ValidationError):
        CrawlSettings(page_timeout=30, request_deadline=20)
    with pytest.raises(ValidationError):
        CrawlSettings(user_agent="camthuy-audit (liên hệ: Phòng VH-TT)")


def test_unit_ids_are_safe_file_names() -> None:
    for bad in ("../etc", "Cam Van", "con", "nul", "a/b", ""):
        with pytest.raises(ValidationError):
            Unit(id=bad, name="x", url="https://x.example/")
    assert Unit(id="camvan", name="x", url="https://x.example").url == "https://x.example/"
    assert file_stem("UBND xã Cẩm Thủy <script>/../") == "ubnd-xa-cam-thuy-script"
    assert file_stem("CON") == "unit" and file_stem("...") == "unit"


# --- bodies -----------------------------------------------------------------------------------------


def test_windows_1258_pages_read_correctly() -> None:
    body = b'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1258"></head>' \
        + to_cp1258(VIETNAMESE)
    assert VIETNAMESE in decode_text(body, "text/html")
    assert VIETNAMESE in decode_text(to_cp1258(VIETNAMESE), "text/html; charset=windows-1258")
    assert VIETNAMESE in decode_text(to_cp1258(VIETNAMESE), "text/html")  # no label at all: sniffed


def test_utf8_with_a_few_broken_bytes_stays_utf8_and_labels_do_not_override_utf8() -> None:
    body = VIETNAMESE.encode() + b"\xff\xfe" + VIETNAMESE.encode()
    assert decode_text(body, HTML).count(VIETNAMESE) == 2
    assert decode_text(VIETNAMESE.encode(), "text/html; charset=iso-8859-1") == VIETNAMESE


def test_decompression_stops_at_the_cap() -> None:
    bomb = gzip.compress(bytes(50_000_000))
    chain = decoders_for("gzip")
    data, full = decode_chunk(chain, bomb, 1001)
    assert full and len(data) == 1001
    raw_deflate = zlib.compressobj(6, zlib.DEFLATED, -15)
    body = raw_deflate.compress(b"<p>xin chao</p>") + raw_deflate.flush()
    assert decode_chunk(decoders_for("deflate"), body, 1000) == (b"<p>xin chao</p>", False)


def test_retry_after_as_seconds_or_date() -> None:
    assert _retry_after("7") == 7.0
    later = format_datetime(datetime.now(UTC) + timedelta(seconds=30), usegmt=True)
    assert 25 <= (_retry_after(later) or 0) <= 31
    assert _retry_after("soon") is None and _retry_after(None) is None


# --- requests ---------------------------------------------------------------------------------------


def test_unreadable_robots_txt_keeps_the_crawler_away() -> None:
    result, seen = fetch(site({"/robots.txt": httpx.Response(503), "/": httpx.Response(200, text="hi")}))
    assert isinstance(result, FetchError) and "robots.txt" in result.message and result.status == 503
    assert [r.url.path for r in seen] == ["/robots.txt"] * FAST.attempts


def test_missing_robots_txt_allows_and_crawl_delay_is_honoured_up_to_a_cap() -> None:
    result, _ = fetch(site({"/": httpx.Response(200, text="<p>xin chào</p>", headers={"content-type": HTML})}))
    assert isinstance(result, Page) and "xin chào" in result.text

    async def go() -> float:
        robots = "User-agent: *\nCrawl-delay: 60\nDisallow: /admin/\n"
        handler = site({"/robots.txt": httpx.Response(200, text=robots), "/": httpx.Response(200, text="ok")})
        async with Fetcher(FAST, transport=httpx.MockTransport(handler)) as fetcher:
            await fetcher.get(BASE + "/", allowed_hosts=frozenset({"xa.example.gov.vn"}))
            admin = await fetcher.get(BASE + "/admin/x", allowed_hosts=frozenset({"xa.example.gov.vn"}))
            assert isinstance(admin, FetchError) and admin.kind == "robots"
            return fetcher._delays["xa.example.gov.vn"]

    assert asyncio.run(go()) == FAST.max_crawl_delay


def test_redirects_stay_on_the_units_hosts() -> None:
    pages = {"/": httpx.Response(301, headers={"location": "http://www.xa.example.gov.vn/home"}),
             "/home": httpx.Response(200, text="home", headers={"content-type": HTML}),
             "/away": httpx.Response(302, headers={"location": "http://10.0.0.1/admin"})}
    result, _ = fetch(site(pages))
    assert isinstance(result, Page) and result.final_url == "http://www.xa.example.gov.vn/home"
    away, seen = fetch(site(pages), BASE + "/away")
    assert isinstance(away, FetchError) and away.kind == "off_site"
    assert all(r.url.host != "10.0.0.1" for r in seen)


def test_retries_honour_retry_after_and_give_up_when_asked_to_wait_too_long() -> None:
    calls: list[float] = []

    async def once_busy(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/robots.txt":
            return httpx.Response(404)
        calls.append(time.monotonic())
        if len(calls) == 1:
            return httpx.Response(503, headers={"retry-after": "1"})
        return httpx.Response(200, text="ok", headers={"content-type": HTML})

    result, _ = fetch(once_busy)
    assert isinstance(result, Page) and calls[1] - calls[0] >= 1.0

    async def too_busy(request: httpx.Request) -> httpx.Response:
        return httpx.Response(429, headers={"retry-after": "3600"})

    result, seen = fetch(too_busy, robots=False)
    assert isinstance(result, FetchError) and result.status == 429 and "3600" in result.message
    assert len(seen) == 1


def test_size_cap_and_content_type() -> None:
    pages = {"/big": httpx.Response(200, headers={"content-type": HTML, "content-length": "999999999"}),
             "/pdf": httpx.Response(200, content=b"%PDF-1.4", headers={"content-type": "application/pdf"})}
    big, _ = fetch(site(pages), BASE + "/big", robots=False)
    assert isinstance(big, FetchError) and big.kind == "too_large"
    pdf, _ = fetch(site(pages), BASE + "/pdf", robots=False)
    assert isinstance(pdf, FetchError) and pdf.kind == "not_html"


def test_conditional_requests_reuse_the_stored_body(tmp_path: Path) -> None:
    body = f"<p>{VIETNAMESE}</p>"

    async def handler(request: httpx.Request) -> httpx.Response:
        if request.headers.get("if-none-match") == '"v1"':
            return httpx.Response(304, headers={"etag": '"v1"'})
        return httpx.Response(200, text=body, headers={"content-type": HTML, "etag": '"v1"'})

    first, _ = fetch(handler, cache=HttpCache(tmp_path), robots=False)
    second, seen = fetch(handler, cache=HttpCache(tmp_path), robots=False)
    assert isinstance(first, Page) and isinstance(second, Page)
    assert second.from_cache and second.transferred == 0 and second.text == first.text
    assert seen[0].headers["if-none-match"] == '"v1"'
    assert (tmp_path / ".gitignore").exists()


# --- the portal session -----------------------------------------------------------------------------


def test_requests_to_one_host_keep_the_minimum_delay_and_the_per_host_limit() -> None:
    settings = FAST.model_copy(update={"min_delay": 0.1, "per_host_concurrency": 2})
    starts: dict[str, list[float]] = {}
    in_flight: dict[str, int] = {}
    peak: dict[str, int] = {}

    async def handler(request: httpx.Request) -> httpx.Response:
        host = request.url.host
        starts.setdefault(host, []).append(time.monotonic())
        in_flight[host] = in_flight.get(host, 0) + 1
        peak[host] = max(peak.get(host, 0), in_flight[host])
        await asyncio.sleep(0.15)
        in_flight[host] -= 1
        return httpx.Response(200, text="ok", headers={"content-type": HTML})

    async def go() -> None:
        async with Fetcher(settings, transport=httpx.MockTransport(handler), respect_robots=False) as fetcher:
            urls = [f"http://{h}/{n}" for n in range(8) for h in ("a.example", "b.example")]
            await asyncio.gather(*(fetcher.get(u, allowed_hosts=None) for u in urls))

    started = time.monotonic()
    asyncio.run(go())
    for host in ("a.example", "b.example"):
        gaps = [b - a for a, b in zip(starts[host], starts[host][1:], strict=False)]
        assert min(gaps) >= 0.1 - 0.01, gaps
        assert peak[host] <= 2
    assert time.monotonic() - started < 8 * 0.1 + 0.5  # the two hosts are paced independently


def test_canonical_urls_drop_session_ids_but_keep_ids_that_name_content() -> None:
    session = PortalSession(Target("xa", BASE + "/", ("http://xa-cu.example.gov.vn/",)), Fetcher(FAST), FAST)
    assert session.canonical(BASE + "/tin-tuc;jsessionid=ABC123?page=2&PHPSESSID=0123456789abcdef0123") == \
        BASE + "/tin-tuc?page=2"
    assert session.canonical("http://xa-cu.example.gov.vn/a?sid=9f8e7d6c5b4a39281706f5e4#top") == BASE + "/a"
    assert session.canonical(BASE + "/bai-viet?sid=12") == BASE + "/bai-viet?sid=12"  # a story id


def test_page_cap_and_time_budget_cut_the_portal_short() -> None:
    async def slow(request: httpx.Request) -> httpx.Response:
        await asyncio.sleep(0.5)
        return httpx.Response(200, text="<p>trang</p>", headers={"content-type": HTML})

    async def go(settings: CrawlSettings, pages: int) -> PortalSession:
        async with Fetcher(settings, transport=httpx.MockTransport(slow), respect_robots=False) as fetcher:
            session = PortalSession(Target("xa", BASE + "/"), fetcher, settings)
            for n in range(pages):
                await session.page(f"{BASE}/{n}")
            return session

    capped = asyncio.run(go(FAST.model_copy(update={"max_pages": 2}), 3))
    assert capped.pages == 2 and "2 trang" in (capped.cut_short or "")
    started = time.monotonic()
    budget = asyncio.run(go(FAST.model_copy(update={"portal_budget": 0.7}), 5))
    assert time.monotonic() - started < 1.5
    assert "hết thời gian" in (budget.cut_short or "")
    assert any(e.kind == "budget" for e in budget.errors)


# --- where connections may go -----------------------------------------------------------------------


def test_public_addresses() -> None:
    for private in ("127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "0.0.0.0",
                    "100.64.0.1", "::1", "fe80::1", "fc00::1", "::ffff:127.0.0.1", "2002:7f00:1::", "224.0.0.1"):
        assert not is_public_address(private), private
    for public in ("8.8.8.8", "203.162.0.1", "2001:4860:4860::8888"):
        assert is_public_address(public), public


class _Recorder(httpcore.AsyncNetworkBackend):
    def __init__(self) -> None:
        self.connected: list[str] = []

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None, socket_options: object = None) -> httpcore.AsyncNetworkStream:
        self.connected.append(host)
        raise httpcore.ConnectError("recorded")


def test_foreign_hosts_are_connected_only_at_public_addresses() -> None:
    recorder = _Recorder()
    backend = GuardedBackend(lambda host: host == "portal.example", recorder)

    async def connect(host: str) -> str:
        try:
            await backend.connect_tcp(host, 80)
        except AddressNotAllowed:
            return "blocked"
        except httpcore.ConnectError:
            return "connected"
        return "?"

    assert asyncio.run(connect("127.0.0.1")) == "blocked"
    assert asyncio.run(connect("localhost")) == "blocked"
    assert asyncio.run(connect("169.254.169.254")) == "blocked"
    assert asyncio.run(connect("8.8.8.8")) == "connected"
    assert asyncio.run(connect("portal.example")) == "connected"  # a unit's own host: wherever it lives
    assert recorder.connected == ["8.8.8.8", "portal.example"]


def test_insecure_tls_only_for_the_hosts_that_asked() -> None:
    used: list[str] = []

    def transport(name: str) -> httpx.MockTransport:
        def handle(request: httpx.Request) -> httpx.Response:
            used.append(name)
            return httpx.Response(200)
        return httpx.MockTransport(handle)

    router = HostRouter(transport("secure"), lambda: transport("insecure"), {"broken.example"})

    async def go() -> None:
        for url in ("https://broken.example/", "https://fine.example/"):
            await router.handle_async_request(httpx.Request("GET", url))

    asyncio.run(go())
    assert used == ["insecure", "secure"]


def test_a_simulated_page_never_stands_in_for_the_real_one() -> None:
    simulated = Fetcher(FAST, resolve={"xa.example.gov.vn": "127.0.0.1:18101"})
    real = Fetcher(FAST)
    assert simulated._cache_key(BASE + "/") != real._cache_key(BASE + "/") == BASE + "/"
