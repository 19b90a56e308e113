"""Scrapy peer for `make bench`: a generic crawler run against the same simulated portals as the auditor.

What it is
    The way a generic crawler finds every post: one `CrawlSpider` with one
    `Rule(LinkExtractor(allow_domains=<all portal hosts>), follow=True)` (default `deny_extensions`, so
    images and files are not fetched), `start_urls` = each portal's URL, robots.txt obeyed, no delay, no
    AutoThrottle, no cookies, no HTTP cache, default retries, and at most `--per-host` requests in flight
    per portal host. It runs in its own process (Twisted reactor, see "Reactor" below); the bench starts
    it with subprocess. Scrapy is a bench-only dependency (`pip install -e '.[bench]'`); nothing in
    `camthuy_audit/` imports it.

Usage
    .venv/bin/python bench/scrapy_peer.py --targets targets.json --out result.json \\
        [--per-host 2] [--max-pages-per-host 5000] [--log-level INFO] [--urls-out urls.tsv] \\
        [--reactor twisted|asyncio]
    It prints one summary line on stdout; Scrapy's log goes to stderr. Exit status 0 when the crawl ran.

targets.json
    {"resolve": {"camvan.camthuy.thanhhoa.gov.vn": "127.0.0.1:18101", ...},
     "portals": [{"id": "camvan", "url": "https://camvan.camthuy.thanhhoa.gov.vn/",
                  "hosts": ["camvan.camthuy.thanhhoa.gov.vn"]}, ...]}
    Every resolve address must be a loopback IP literal with a port ("127.0.0.1:PORT", "[::1]:PORT");
    several hosts may share one port (the server then dispatches on the Host header). A portal's `hosts`
    are all the host names it is served under (aliases included); the union of all portals' hosts is the
    crawl's `allow_domains` / `allowed_domains`.

result.json
    {"requests": 1234,                  # requests sent over the network: robots.txt, redirects, retries
     "responses_by_status": {"200": 1200, "301": 17, ...},   # responses received from the network
     "errors": {"ConnectionRefusedError": 0, ...},           # requests that got no response
     "wall_s": 12.3,                    # first request sent -> spider closed
     "cpu_s": 11.9,                     # CPU time of the crawler process (user + system), whole run
     "per_host": {"camvan.camthuy.thanhhoa.gov.vn": 80, ...},  # requests sent, by real host name
     "peak_in_flight": {"camvan.camthuy.thanhhoa.gov.vn": 2, ...},  # client side: peak size of the
                                        #   host's download slot's `transferring` set
     "capped_hosts": [],                # hosts whose requests were dropped for --max-pages-per-host
     "capped_dropped": 0,               # requests not sent because their host was capped
     "refused": 0,                      # requests refused: host not in the resolve map (never sent)
     "robots_forbidden": 17,            # requests dropped by RobotsTxtMiddleware (never sent)
     "html_pages": 1100,                # HTML responses the spider parsed for links
     "dns_lookups": {"127.0.0.1": 36},  # names the reactor was asked to resolve: Twisted resolves even IP
                                        #   literals, once per new connection, so this also counts them
     "per_host_limit": 2, "max_pages_per_host": 5000, "finish_reason": "finished",
     "scrapy_version": "2.x", "twisted_version": "...", "reactor": "...",
     "scrapy_stats": {"downloader/request_count": ..., ...},  # Scrapy's own counters, for cross-checking
     "counting": "..."}                 # one sentence on where the numbers come from

    `requests`, `per_host`, `responses_by_status` and `errors` are counted by this module's
    `LoopbackRewriteMiddleware`, the last downloader middleware before the download handler, for the
    requests it actually rewrote and let through to the socket. Scrapy's `downloader/request_count`
    (DownloaderStats, priority 850) sits before it, so it also counts requests the middleware then refused
    or dropped for the cap; both are in the output. --max-pages-per-host caps requests per host
    (robots.txt, redirects and retries included); requests beyond it are dropped (never sent) and the
    host is listed in `capped_hosts`.

How the portals are reached (no DNS, loopback only)
    The simulated portals serve plain HTTP on loopback ports, while their pages link with the real
    https URLs and host names. `LoopbackRewriteMiddleware` (priority 950: after RobotsTxtMiddleware,
    RedirectMiddleware, DownloaderStats and HttpCacheMiddleware, i.e. next to the downloader) does, for
    each request on its way to the downloader:
      1. refuse it (IgnoreRequest, counted as `refused`) if its host is not in the resolve map, or
         (counted as `capped_dropped`) if its host already sent --max-pages-per-host requests;
      2. set `request.meta["download_slot"]` to the real host name: the Downloader picks the slot
         *after* all middlewares ran, from that meta key if present, otherwise from the URL's host,
         which would be 127.0.0.1 after the rewrite (one slot for the whole district);
      3. keep the real URL in `request.meta["scrapy_peer_real_url"]`, set `Host: real.host`, and
         rewrite the URL in place to `http://127.0.0.1:PORT/path?query`.
    In `process_response` (and `process_exception`) it puts the real URL back on the request, drops the
    Host header and returns `response.replace(url=real_url)`. (The spider also sets `allowed_domains`, so
    a redirect to a foreign host is dropped by Scrapy's OffsiteMiddleware before it reaches the guard.) Every middleware before it (Redirect,
    Retry, Robots, stats) and the spider therefore only ever see real URLs: a relative or absolute
    `Location` is joined against the real URL, links resolve against the real host, and a retried or
    redirected request goes through the rewrite again.
    The rewrite has to be in place: `Request.url` is read-only and a middleware that returns a new
    request from `process_request` sends it back to the scheduler (and through every middleware again).
    So it uses `Request._set_url()` and drops the request's entry from Scrapy's `urlparse_cached` cache,
    both private but unchanged for many releases. Since every URL that reaches the socket is an IP
    literal, no name is ever resolved; as a second guard the reactor's resolver is replaced by
    `LoopbackOnlyResolver`, which answers loopback IP literals and fails anything else (all lookups are
    reported in `dns_lookups`).

Reactor
    The default `--reactor twisted` is Twisted's own reactor (epoll on Linux, select elsewhere), NOT
    Scrapy's default asyncio reactor: in Scrapy 2.14.0 to 2.19.0 (and main as of this writing) the
    Downloader does not enforce CONCURRENT_REQUESTS_PER_DOMAIN under the asyncio reactor.
    `Downloader._process_queue` loops `while slot.queue and slot.free_transfer_slots() > 0` and starts each
    download with `_schedule_coro()`, which under asyncio is `loop.create_task()`: the coroutine only
    adds the request to `slot.transferring` on a later loop iteration, so the loop drains the whole
    queue at once. Under the Twisted reactor `_schedule_coro()` is `Deferred.fromCoroutine()`, which runs
    the coroutine synchronously up to its first await, so the limit holds. Measured on the simulated
    district with --per-host 2: asyncio peaks at 47 requests transferring per host (the simulator saw
    up to 15 at once per host), the Twisted reactor at exactly 2. A plain 20-request spider with
    CONCURRENT_REQUESTS_PER_DOMAIN=1 and no custom code shows the same (11 at once vs 1).
    `--reactor asyncio` is kept to show it; `peak_in_flight` reports it.

Caveat when all hosts share one port: Twisted's connection pool is keyed by (scheme, host, port) of
the rewritten URL, and Scrapy keeps at most CONCURRENT_REQUESTS_PER_DOMAIN idle connections per key,
so most keep-alive connections are then closed after use. Concurrency per real host is unaffected.
"""

from __future__ import annotations

import argparse
import ipaddress
import json
import logging
import sys
import time
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import scrapy
import twisted
from scrapy import signals
from scrapy.crawler import Crawler, CrawlerProcess
from scrapy.exceptions import IgnoreRequest
from scrapy.http import HtmlResponse, Request, Response
from scrapy.linkextractors import LinkExtractor
from scrapy.settings import default_settings
from scrapy.spiders import CrawlSpider, Rule
from twisted.internet import defer
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IResolverSimple
from zope.interface import implementer

try:  # private, but present since Scrapy 1.x; see the module docstring
    from scrapy.utils.httpobj import _urlparse_cache
except ImportError:  # pragma: no cover - a future Scrapy without the cache has nothing to invalidate
    _urlparse_cache = {}

REAL_URL = "scrapy_peer_real_url"
MIDDLEWARE_PRIORITY = 950  # DOWNLOADER_MIDDLEWARES_BASE ends with HttpCacheMiddleware at 900
STATS = "scrapy_peer"  # prefix of this module's counters in the crawler's stats
REACTORS = {
    # Scrapy's default since 2.13. Scrapy 2.14.0 to 2.19.0 (at least) do not enforce
    # CONCURRENT_REQUESTS_PER_DOMAIN with it: see the module docstring.
    "asyncio": "twisted.internet.asyncioreactor.AsyncioSelectorReactor",
    "twisted": ("twisted.internet.epollreactor.EPollReactor" if sys.platform.startswith("linux")
                else "twisted.internet.selectreactor.SelectReactor"),
}

logger = logging.getLogger("scrapy_peer")

# Every name the reactor was asked to resolve (process-wide, like the reactor's resolver itself).
DNS_LOOKUPS: Counter[str] = Counter()


# -- targets ----------------------------------------------------------------------------------------


def _loopback_address(host: str, address: str) -> str:
    """Validate "127.0.0.1:PORT" / "[::1]:PORT" and return it as a URL netloc."""
    parsed = urlsplit(f"//{address.strip()}")
    try:
        ip = ipaddress.ip_address(parsed.hostname or "")
        port = parsed.port
    except ValueError as exc:
        raise SystemExit(f"resolve[{host!r}] = {address!r}: expected a loopback 'IP:PORT' ({exc})") from None
    if not ip.is_loopback or port is None:
        raise SystemExit(f"resolve[{host!r}] = {address!r}: only loopback 'IP:PORT' addresses are allowed")
    return f"[{ip}]:{port}" if ip.version == 6 else f"{ip}:{port}"


def load_targets(path: Path) -> tuple[dict[str, str], list[str], list[str]]:
    """Return (real host -> loopback netloc, start URLs, all portal hosts)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    resolve = {host.lower(): _loopback_address(host, address) for host, address in data["resolve"].items()}
    start_urls: list[str] = []
    hosts: list[str] = []
    for portal in data["portals"]:
        start_urls.append(portal["url"])
        for host in [urlsplit(portal["url"]).hostname or "", *portal.get("hosts", [])]:
            host = host.lower()
            if host and host not in hosts:
                hosts.append(host)
    missing = [host for host in hosts if host not in resolve]
    if missing:
        print(f"scrapy-peer: warning: portal hosts without a resolve entry (their requests are refused): "
              f"{', '.join(missing)}", file=sys.stderr)
    return resolve, start_urls, hosts


# -- network edge ------------------------------------------------------------------------------------


def _set_url(request: Request, url: str) -> None:
    request._set_url(url)  # Request.url is read-only; see the module docstring
    _urlparse_cache.pop(request, None)


class LoopbackRewriteMiddleware:
    """Sends every request to its host's loopback address; everything above it only sees real URLs."""

    def __init__(self, crawler: Crawler) -> None:
        settings = crawler.settings
        self.stats = crawler.stats
        self.resolve: dict[str, str] = dict(settings.getdict("SCRAPY_PEER_RESOLVE"))
        self.cap = settings.getint("SCRAPY_PEER_MAX_PAGES_PER_HOST")
        self.sent: Counter[str] = Counter()
        self.capped: set[str] = set()

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> LoopbackRewriteMiddleware:
        return cls(crawler)

    def process_request(self, request: Request, spider: Any = None) -> None:
        self._restore(request)  # a copy of a request made while it was rewritten: start from its real URL
        parts = urlsplit(request.url)
        host = (parts.hostname or "").lower()
        target = self.resolve.get(host)
        if target is None:
            self.stats.inc_value(f"{STATS}/refused")
            raise IgnoreRequest(f"{host!r} is not in the resolve map; refusing (no DNS is ever used)")
        if self.cap and self.sent[host] >= self.cap:
            if host not in self.capped:
                self.capped.add(host)
                self.stats.set_value(f"{STATS}/capped/{host}", self.cap)
                logger.warning("%s reached --max-pages-per-host=%d; dropping its requests",
                               host, self.cap)
            self.stats.inc_value(f"{STATS}/capped_dropped")
            raise IgnoreRequest(f"{host} reached --max-pages-per-host={self.cap}")
        if not self.sent:
            self.stats.set_value(f"{STATS}/first_request_monotonic", time.monotonic())
        self.sent[host] += 1
        self.stats.inc_value(f"{STATS}/requests")
        self.stats.inc_value(f"{STATS}/per_host/{host}")
        # The Downloader chooses the slot after every middleware ran: pin it to the real host now.
        request.meta["download_slot"] = host
        request.meta[REAL_URL] = request.url
        request.headers[b"Host"] = parts.netloc.rpartition("@")[2]
        _set_url(request, urlunsplit(("http", target, parts.path or "/", parts.query, "")))
        return None

    def _restore(self, request: Request) -> str | None:
        real_url = request.meta.pop(REAL_URL, None)
        if real_url is not None:
            _set_url(request, real_url)
            request.headers.pop(b"Host", None)
        return real_url

    def process_response(self, request: Request, response: Response, spider: Any = None) -> Response:
        real_url = self._restore(request)
        if real_url is None:
            return response
        self.stats.inc_value(f"{STATS}/status/{response.status}")
        return response.replace(url=real_url)

    def process_exception(self, request: Request, exception: Exception, spider: Any = None) -> None:
        if self._restore(request) is not None:
            self.stats.inc_value(f"{STATS}/error/{type(exception).__name__}")
        return None


@implementer(IResolverSimple)
class LoopbackOnlyResolver:
    """The reactor's resolver: loopback IP literals resolve to themselves, every other name fails."""

    def __init__(self, reactor: Any) -> None:
        self.reactor = reactor

    @classmethod
    def from_crawler(cls, crawler: Any, reactor: Any) -> LoopbackOnlyResolver:
        return cls(reactor)

    def install_on_reactor(self) -> None:
        self.reactor.installResolver(self)

    def getHostByName(self, name: str, timeout: Any = ()) -> defer.Deferred[str]:  # noqa: N802 - Twisted API
        DNS_LOOKUPS[name] += 1
        try:
            if ipaddress.ip_address(name).is_loopback:
                return defer.succeed(name)
        except ValueError:
            pass
        return defer.fail(DNSLookupError(f"{name}: refusing to resolve anything but loopback IP literals"))


# -- spider --------------------------------------------------------------------------------------------


class GenericPortalSpider(CrawlSpider):
    """Follow every in-portal link from each portal's home page; that is all a generic crawler knows."""

    name = "scrapy_peer"

    def __init__(self, start_urls: list[str], hosts: list[str], *args: Any, **kwargs: Any) -> None:
        self.start_urls = list(start_urls)
        self.allowed_domains = list(hosts)
        self.rules = (Rule(LinkExtractor(allow_domains=list(hosts)), callback="count_page", follow=True),)
        super().__init__(*args, **kwargs)

    def parse_start_url(self, response: Response, **kwargs: Any) -> list[Any]:
        return self.count_page(response)

    def count_page(self, response: Response) -> list[Any]:
        if isinstance(response, HtmlResponse):
            self.crawler.stats.inc_value(f"{STATS}/html_pages")
        urls_out = self.settings.get("SCRAPY_PEER_URLS_OUT")
        if urls_out:
            with open(urls_out, "a", encoding="utf-8") as out:
                out.write(f"{response.status}\t{response.url}\n")
        return []


class PeakInFlight:
    """Client-side peak of requests being transferred per download slot (i.e. per real host).

    A slot's `transferring` set only grows between two completions, so its size when a response arrives,
    maximised over all responses, is the slot's peak concurrency.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler

    def on_response_downloaded(self, response: Response, request: Request, spider: Any = None) -> None:
        key = request.meta.get("download_slot")
        slot = self.crawler.engine.downloader.slots.get(key) if self.crawler.engine else None
        if slot is not None:
            self.crawler.stats.max_value(f"{STATS}/peak_in_flight/{key}", len(slot.transferring))


# -- run -----------------------------------------------------------------------------------------------


def crawl_settings(resolve: dict[str, str], hosts: list[str], per_host: int, max_pages: int,
                   log_level: str, urls_out: str | None, reactor: str) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "BOT_NAME": "scrapy_peer",
        "ROBOTSTXT_OBEY": True,
        "CONCURRENT_REQUESTS_PER_DOMAIN": per_host,
        "CONCURRENT_REQUESTS": min(10_000, max(16, 2 * per_host * max(1, len(hosts)))),
        "DOWNLOAD_DELAY": 0,
        "AUTOTHROTTLE_ENABLED": False,
        "COOKIES_ENABLED": False,
        "HTTPCACHE_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "REMOTE_CONTROL_ENABLED": False,  # Scrapy 2.19's control server (ignored by older versions)
        "LOG_LEVEL": log_level,
        "TWISTED_REACTOR": REACTORS[reactor],
        "DOWNLOADER_MIDDLEWARES": {LoopbackRewriteMiddleware: MIDDLEWARE_PRIORITY},
        "SCRAPY_PEER_RESOLVE": resolve,
        "SCRAPY_PEER_MAX_PAGES_PER_HOST": max_pages,
        "SCRAPY_PEER_URLS_OUT": urls_out,
    }
    # Settings renamed across the supported Scrapy versions (>= 2.11): set the one this version knows.
    if hasattr(default_settings, "DOWNLOAD_DELAY_JITTER"):
        settings["DOWNLOAD_DELAY_JITTER"] = 0
    else:
        settings["RANDOMIZE_DOWNLOAD_DELAY"] = False
    resolver_key = "TWISTED_DNS_RESOLVER" if hasattr(default_settings, "TWISTED_DNS_RESOLVER") else "DNS_RESOLVER"
    settings[resolver_key] = LoopbackOnlyResolver
    if scrapy.version_info < (2, 12):
        settings["REQUEST_FINGERPRINTER_IMPLEMENTATION"] = "2.7"
    return settings


SCRAPY_STATS_KEPT = ("downloader/request_count", "downloader/response_count", "downloader/exception_count",
                     "retry/count", "robotstxt/request_count", "robotstxt/forbidden", "scheduler/enqueued",
                     "dupefilter/filtered", "offsite/filtered", "response_received_count",
                     "request_depth_max", "elapsed_time_seconds", "finish_reason")


def run_crawl(args: argparse.Namespace) -> dict[str, Any]:
    resolve, start_urls, hosts = load_targets(Path(args.targets))
    if args.urls_out:
        Path(args.urls_out).write_text("", encoding="utf-8")
    settings = crawl_settings(resolve, hosts, args.per_host, args.max_pages_per_host, args.log_level,
                              args.urls_out, args.reactor)
    process = CrawlerProcess(settings)
    crawler = process.create_crawler(GenericPortalSpider)
    closed: dict[str, float] = {}

    def on_spider_closed(spider: Any = None) -> None:
        closed.setdefault("at", time.monotonic())

    peaks = PeakInFlight(crawler)
    # Scrapy's signals hold receivers weakly: both stay referenced by this frame until the crawl is over.
    crawler.signals.connect(on_spider_closed, signal=signals.spider_closed)
    crawler.signals.connect(peaks.on_response_downloaded, signal=signals.response_downloaded)
    process.crawl(crawler, start_urls=start_urls, hosts=hosts)
    process.start()
    return result_of(crawler, closed.get("at", time.monotonic()), args, hosts)


def result_of(crawler: Crawler, closed_at: float, args: argparse.Namespace, hosts: list[str]) -> dict[str, Any]:
    stats = dict(crawler.stats.get_stats())
    if not stats and getattr(crawler.stats, "spider_stats", None):
        stats = dict(next(iter(crawler.stats.spider_stats.values())))

    def prefixed(prefix: str) -> dict[str, int]:
        return {key[len(prefix):]: value for key, value in sorted(stats.items()) if key.startswith(prefix)}

    first = stats.get(f"{STATS}/first_request_monotonic")
    per_host = {host: prefixed(f"{STATS}/per_host/").get(host, 0) for host in hosts}
    per_host.update(prefixed(f"{STATS}/per_host/"))
    cap = args.max_pages_per_host
    from twisted.internet import reactor

    return {
        "requests": stats.get(f"{STATS}/requests", 0),
        "responses_by_status": prefixed(f"{STATS}/status/"),
        "errors": prefixed(f"{STATS}/error/"),
        "wall_s": round(closed_at - first, 3) if first is not None else 0.0,
        "cpu_s": _cpu_seconds(),
        "per_host": per_host,
        "peak_in_flight": prefixed(f"{STATS}/peak_in_flight/"),
        "capped_hosts": sorted(prefixed(f"{STATS}/capped/")),
        "capped_dropped": stats.get(f"{STATS}/capped_dropped", 0),
        "refused": stats.get(f"{STATS}/refused", 0),
        "robots_forbidden": stats.get("robotstxt/forbidden", 0),
        "html_pages": stats.get(f"{STATS}/html_pages", 0),
        "dns_lookups": dict(DNS_LOOKUPS),
        "per_host_limit": args.per_host,
        "max_pages_per_host": cap,
        "finish_reason": stats.get("finish_reason"),
        "scrapy_version": scrapy.__version__,
        "twisted_version": twisted.__version__,
        "reactor": f"{type(reactor).__module__}.{type(reactor).__name__}",
        "scrapy_stats": {key: _jsonable(stats[key]) for key in SCRAPY_STATS_KEPT if key in stats},
        "counting": "requests, per_host, responses_by_status and errors are counted by LoopbackRewriteMiddleware "
                    "(last downloader middleware) for requests it sent to the socket; scrapy_stats are "
                    "Scrapy's own counters (downloader/request_count also includes refused/capped requests).",
    }


def _cpu_seconds() -> float | None:
    """CPU time of this process so far (user + system): at latency 0 the crawl is CPU-bound."""
    try:
        import resource
    except ImportError:  # pragma: no cover - not on Windows
        return None
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return round(usage.ru_utime + usage.ru_stime, 3)


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, (int, float, str, bool)) or value is None else str(value)


def summary(result: dict[str, Any]) -> str:
    statuses = ", ".join(f"{status}: {count}" for status, count in sorted(result["responses_by_status"].items()))
    errors = sum(result["errors"].values())
    capped_hosts = result["capped_hosts"]
    capped = (", ".join(capped_hosts) if len(capped_hosts) <= 3 else f"{len(capped_hosts)} hosts") or "none"
    return (f"scrapy-peer: {result['requests']} requests ({statuses}; errors: {errors}) in {result['wall_s']:.2f} s "
            f"over {sum(1 for n in result['per_host'].values() if n)} hosts, per-host {result['per_host_limit']}, "
            f"{result['html_pages']} HTML pages, capped: {capped}, refused: {result['refused']}, "
            f"scrapy {result['scrapy_version']}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--targets", help="targets.json (see above)")
    parser.add_argument("--out", help="where to write result.json")
    parser.add_argument("--per-host", type=int, default=2, help="requests in flight per portal host (default 2)")
    parser.add_argument("--max-pages-per-host", type=int, default=5000,
                        help="safety cap on requests per host, 0 for none (default 5000)")
    parser.add_argument("--log-level", default="INFO", help="Scrapy LOG_LEVEL (default INFO)")
    parser.add_argument("--reactor", choices=sorted(REACTORS), default="twisted",
                        help="Twisted reactor: 'twisted' (epoll/select, default) or 'asyncio' (see above)")
    parser.add_argument("--urls-out", help="also write one 'status<TAB>url' line per response the spider got")
    args = parser.parse_args(argv)
    if args.per_host < 1:
        parser.error("--per-host must be at least 1")
    if not args.targets or not args.out:
        parser.error("--targets and --out are required")
    result = run_crawl(args)
    Path(args.out).write_text(json.dumps(result, indent=2, sort_keys=False) + "\n", encoding="utf-8")
    print(summary(result), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
