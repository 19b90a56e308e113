"""The fault suite: broken and hostile portals audited in ONE run with two healthy simulated portals.

The run uses short timeouts (below) so that it stays fast; what is checked is what the defaults
promise at full scale: every faulty portal's undecidable checks are "?" with a reason and a URL,
the healthy portals get the same verdicts as when audited alone, the run ends within the portal
budget, memory stays bounded, nothing reaches the auditor's network, and nothing a hostile portal
wrote runs in the notice we render.
"""

from __future__ import annotations

import asyncio
import re
import resource
import shutil
import ssl
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest
from browser import chromium_path, missing_tool
from fault_portals import MENU_LABELS, PAYLOAD, POSTS_IN_Q1, host, portals, warm
from fault_server import FaultServer
from selectolax.lexbor import LexborHTMLParser

from camthuy_audit.aggregate import build_notice
from camthuy_audit.audit import decide
from camthuy_audit.config import Config, CrawlSettings, Unit, load_config
from camthuy_audit.crawl import Target, crawl_portal
from camthuy_audit.fetch import Fetcher, FetchStats
from camthuy_audit.models import UnitResult
from camthuy_audit.quarter import Quarter
from camthuy_audit.render import render_notice_html
from camthuy_audit.rules import APPENDIX1_IDS

ROOT = Path(__file__).resolve().parents[2]
DEMO_CONFIG = ROOT / "config" / "demo.toml"
Q1 = Quarter.parse("2023-Q1")
RUN_DATE = date(2023, 4, 12)
HEALTHY = ("camquy", "camphu")   # two small portals of the simulated district
MAX_RSS_BYTES = 300 * 1024 * 1024

# Short timeouts for the test; the proportions are those of the defaults.
SETTINGS = CrawlSettings(
    user_agent="camthuy-audit/0.1 (+fault suite; contact: test@example.invalid)",
    connect_timeout=1.0, read_timeout=1.5, page_timeout=3.0, request_deadline=8.0, portal_budget=15.0,
    attempts=3, backoff=0.1, max_retry_after=2.0, per_host_concurrency=2, min_delay=0.01,
    max_pages=60, max_bytes=2_000_000, http_cache=False,
)

# Portals that cannot be read at all: every check "?", with the kind of failure that says why.
UNREACHABLE = {"hang": "timeout", "reset": "connect", "error500": "http_status", "redirectloop": "redirect",
               "offsite": "off_site", "huge": "too_large", "gzipbomb": "too_large", "robots": "robots",
               "trickle": "timeout", "nothtml": "not_html", "tls": "tls"}
# Portals that are odd but readable: decided like any healthy portal.
READABLE = ("ratelimit", "invalidutf8", "cp1258", "malformed", "tlsok")
TRAPS = {"endless": "60 trang", "slowtrap": "hết thời gian"}


def _unit(name: str) -> Unit:
    scheme = "https" if name.startswith("tls") else "http"
    return Unit(id=name, name=f"UBND xã {name.capitalize()}", url=f"{scheme}://{host(name)}/",
                insecure_tls=name == "tlsok")


HOSTILE_UNIT = Unit(id="hostile", name=f"UBND xã Bị Tấn Công <script>{PAYLOAD}</script>",
                    url=f"http://{host('hostile')}/")


def _config(resolve: dict[str, str], units: list[Unit]) -> Config:
    config = load_config(DEMO_CONFIG)
    assert config.district is not None
    district = config.district.model_copy(update={"resolve": resolve, "units": units, "crawl": SETTINGS})
    return config.model_copy(update={"district": district})


async def _audit(config: Config) -> tuple[dict[str, UnitResult], FetchStats]:
    async with Fetcher(config.crawl, resolve=config.resolve, cache=None) as fetcher:
        async def one(unit: Unit) -> UnitResult:
            target = Target(unit.id, unit.url, tuple(unit.aliases), ignore_robots=unit.ignore_robots,
                            insecure_tls=unit.insecure_tls)
            snapshot = await crawl_portal(target, fetcher, config.crawl, Q1)
            return decide(snapshot, config, Q1, name=unit.name)

        results = await asyncio.gather(*(one(u) for u in config.units))
    return {r.unit_id: r for r in results}, fetcher.stats


def _self_signed(directory: Path) -> ssl.SSLContext | None:
    openssl = shutil.which("openssl")
    if openssl is None:
        return None
    key, cert = directory / "key.pem", directory / "cert.pem"
    names = ",".join(f"DNS:{host(n)}" for n in ("tls", "tlsok"))
    subprocess.run([openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", str(key), "-out", str(cert),
                    "-days", "2", "-subj", f"/CN={host('tls')}", "-addext", f"subjectAltName={names}"],
                   check=True, capture_output=True, timeout=60)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(cert, key)
    return context


@dataclass
class FaultRun:
    results: dict[str, UnitResult]
    alone: dict[str, UnitResult]
    elapsed: float
    server: FaultServer
    config: Config
    max_rss: int
    tls: bool
    stats: FetchStats


@pytest.fixture(scope="module")
def run(tmp_path_factory: pytest.TempPathFactory) -> Iterator[FaultRun]:
    from camthuy_audit.simulator import District

    demo = load_config(DEMO_CONFIG)
    healthy_units = [u for u in demo.units if u.id in HEALTHY]
    context = _self_signed(tmp_path_factory.mktemp("tls"))
    warm()
    server = FaultServer({}, tls_context=context)
    server.portals.update(portals(lambda: server.port))
    with District({h: "127.0.0.1:0" for u in healthy_units for h in u.hosts}) as district, server.start():
        resolve = dict(district.addresses)
        for name in [*UNREACHABLE, *READABLE, *TRAPS, "hostile"]:
            if name.startswith("tls"):
                if context is not None:
                    resolve[host(name)] = f"https://127.0.0.1:{server.tls_port}"
            else:
                resolve[host(name)] = f"127.0.0.1:{server.port}"
        fault_names = [n for n in [*UNREACHABLE, *READABLE, *TRAPS] if context is not None or not n.startswith("tls")]
        units = [*healthy_units, *(_unit(n) for n in fault_names), HOSTILE_UNIT]
        config = _config(resolve, units)
        alone, _ = asyncio.run(_audit(_config(dict(district.addresses), healthy_units)))
        started = time.monotonic()
        results, stats = asyncio.run(_audit(config))
        elapsed = time.monotonic() - started
        max_rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux
        yield FaultRun(results, alone, elapsed, server, config, max_rss, context is not None, stats)


def _marks(result: UnitResult) -> dict[str, object]:
    return {"marks": {c: v.mark for c, v in result.verdicts.items()}, "posts": result.posts_in_quarter,
            "findings": {c: [f.label for f in v.findings] for c, v in result.verdicts.items()}}


def _requests(run: FaultRun, name: str) -> list[str]:
    return [entry.target for entry in run.server.requests(host(name))]


# --- the run as a whole ----------------------------------------------------------------------------


def test_the_run_ends_within_the_portal_budget(run: FaultRun) -> None:
    print(f"\nfault run: {len(run.results)} portals in {run.elapsed:.1f} s "
          f"(portal budget {SETTINGS.portal_budget:g} s), peak RSS {run.max_rss / 2**20:.0f} MB")
    assert run.elapsed < SETTINGS.portal_budget + 3.0


def test_healthy_portals_get_the_same_verdicts_as_alone(run: FaultRun) -> None:
    for unit_id in HEALTHY:
        assert run.results[unit_id].reachable
        assert _marks(run.results[unit_id]) == _marks(run.alone[unit_id])
        assert run.results[unit_id].posts_in_quarter is not None


def test_peak_memory_stays_bounded(run: FaultRun) -> None:
    # The process high-water mark: the 100 MB body and the 512 MB gzip bomb never sat in memory.
    assert run.max_rss < MAX_RSS_BYTES, f"peak RSS {run.max_rss / 2**20:.0f} MB"


# --- each fault ------------------------------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(UNREACHABLE))
def test_unreadable_portal_is_unknown_with_reason_and_url(run: FaultRun, name: str) -> None:
    if name.startswith("tls") and not run.tls:
        missing_tool("openssl is not installed: no certificate for the TLS portal")
    result = run.results[name]
    assert not result.reachable
    assert result.errors and result.errors[0].kind == UNREACHABLE[name], result.errors
    assert result.unreachable_reason and host(name) in result.unreachable_reason
    for check_id in APPENDIX1_IDS:
        verdict = result.verdicts[check_id]
        assert verdict.mark == "?", (check_id, verdict)
        assert verdict.reason
        assert any(e.url for e in verdict.evidence), verdict.evidence
    assert result.posts_in_quarter is None


@pytest.mark.parametrize("name", READABLE)
def test_odd_but_readable_portal_is_audited_normally(run: FaultRun, name: str) -> None:
    if name.startswith("tls") and not run.tls:
        missing_tool("openssl is not installed: no certificate for the TLS portal")
    result = run.results[name]
    assert result.reachable, result.unreachable_reason
    menu = result.verdicts["main_menu"]
    assert menu.mark == "x", menu.reason
    found = " ".join(e.text for e in menu.evidence)
    for label in MENU_LABELS:  # the Vietnamese labels read exactly, whatever the encoding
        assert label in found, (label, found)
    assert result.verdicts["copyright"].mark == "x"
    assert result.posts_in_quarter == POSTS_IN_Q1


def test_dead_portal_is_decided_within_the_request_deadline(run: FaultRun) -> None:
    entries = run.server.requests(host("hang"))
    assert entries and all(e.target == "/robots.txt" for e in entries)  # not probed further
    assert len(entries) == SETTINGS.attempts
    span = max(e.started for e in entries) - min(e.started for e in entries) + SETTINGS.read_timeout
    assert span <= SETTINGS.request_deadline


def test_429_retry_after_is_honoured(run: FaultRun) -> None:
    entries = run.server.requests(host("ratelimit"))
    by_target: dict[str, list[float]] = {}
    for entry in entries:
        by_target.setdefault(entry.target, []).append(entry.started)
    assert by_target
    for target, starts in by_target.items():
        assert len(starts) == 2, (target, starts)
        assert starts[1] - starts[0] >= 1.0, (target, starts)


def test_a_trickling_page_is_cut_and_not_retried(run: FaultRun) -> None:
    assert _requests(run, "trickle").count("/") == 1
    assert "quá thời gian" in (run.results["trickle"].unreachable_reason or "")


def test_robots_txt_disallowing_all_is_obeyed(run: FaultRun) -> None:
    assert _requests(run, "robots") == ["/robots.txt"]
    assert "robots.txt" in (run.results["robots"].unreachable_reason or "")


@pytest.mark.parametrize("name", sorted(TRAPS))
def test_crawler_traps_end_by_caps_and_the_count_is_unknown(run: FaultRun, name: str) -> None:
    result = run.results[name]
    assert result.reachable
    assert result.posts_in_quarter is None
    posts = result.verdicts["posts_in_quarter"]
    assert posts.mark == "?" and TRAPS[name] in posts.reason, posts.reason
    assert result.pages_fetched <= SETTINGS.max_pages
    # Session ids do not make a page new: the first news page was read once or twice (section + listing).
    first_pages = [t for t in _requests(run, name) if re.fullmatch(r"/tin-tuc(\?PHPSESSID=\w+)?", t)]
    assert 1 <= len(first_pages) <= 2, first_pages


def test_no_request_reaches_the_auditors_network(run: FaultRun) -> None:
    # The hostile portal's banners at 127.0.0.1, localhost and 169.254.169.254 were tried and refused.
    assert run.stats.blocked >= 3
    hosts = {entry.host for entry in run.server.log}
    assert not hosts & {"127.0.0.1", "localhost", "::1", host("internal")}, hosts
    assert not any("ssrf" in entry.target for entry in run.server.log)


def test_tls_errors_are_named_and_the_per_unit_switch_works(run: FaultRun) -> None:
    if not run.tls:
        missing_tool("openssl is not installed: no certificate for the TLS portal")
    assert "TLS" in (run.results["tls"].unreachable_reason or "")
    assert run.results["tlsok"].reachable


# --- nothing from the hostile portal executes in our HTML --------------------------------------------


def _notice_html(run: FaultRun) -> str:
    notice = build_notice(list(run.results.values()), run.config, Q1, run_date=RUN_DATE)
    return render_notice_html(notice)


def test_hostile_text_reaches_the_notice_only_as_text(run: FaultRun) -> None:
    hostile = run.results["hostile"]
    assert hostile.reachable
    assert hostile.posts_in_quarter is None  # its news category answered 500
    page = _notice_html(run)
    assert "x-pwned" not in page and "String.fromCharCode" in page  # the payload is there, as text
    assert "<script" not in page.lower()
    assert "&lt;script&gt;" in page
    tree = LexborHTMLParser(page)
    handlers = [(node.tag, name) for node in tree.css("*") for name in (node.attributes or {})
                if name.lower().startswith("on")]
    assert not handlers
    assert not tree.css("script, svg, iframe, object, embed")


def _dump_dom(path: Path, profile: Path) -> str:
    command = [chromium_path(), "--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
               f"--user-data-dir={profile}", "--virtual-time-budget=3000", "--dump-dom", path.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=90)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def test_nothing_runs_in_the_notice_in_headless_chromium(run: FaultRun, tmp_path: Path) -> None:
    notice = tmp_path / "notice.html"
    notice.write_text(_notice_html(run), encoding="utf-8")
    # The detector works: the same payload, not escaped, does run.
    control = tmp_path / "control.html"
    control.write_text(f"<html><body><p>control</p><img src=x onerror={PAYLOAD}>"
                       f"<script>{PAYLOAD}</script></body></html>", encoding="utf-8")
    assert "<x-pwned>" in _dump_dom(control, tmp_path / "profile-control")
    dom = _dump_dom(notice, tmp_path / "profile")
    assert "Phụ lục 1" in dom or "PHỤ LỤC" in dom.upper()
    assert "<x-pwned" not in dom
