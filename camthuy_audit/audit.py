"""The audit pipeline: crawl every unit concurrently, decide its checks, apply overrides.

Each unit's result is a self-contained value produced as soon as that unit is done; one broken
portal never stops or changes the audit of the others.
"""

from __future__ import annotations

import asyncio
import logging
from collections.abc import Callable, Sequence
from datetime import datetime

from camthuy_audit.config import Config, Unit
from camthuy_audit.crawl import PortalCrawl, Target
from camthuy_audit.fetch import Fetcher
from camthuy_audit.models import FetchError, PortalSnapshot, UnitResult, Verdict
from camthuy_audit.overrides import apply_overrides
from camthuy_audit.parsing import parse_processes, processes_for
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.rules import RuleContext, pages_wanted, run_rules
from camthuy_audit.rules.posts_in_quarter import posts_in
from camthuy_audit.thumbnails import thumbnail

log = logging.getLogger(__name__)

OnUnitDone = Callable[[UnitResult], None]


def target_of(unit: Unit) -> Target:
    return Target(unit_id=unit.id, url=unit.url, aliases=tuple(unit.aliases),
                  ignore_robots=unit.ignore_robots, insecure_tls=unit.insecure_tls)


def decide(snapshot: PortalSnapshot, config: Config, quarter: Quarter, *, name: str,
           verdicts: dict[str, Verdict] | None = None) -> UnitResult:
    """Rules (unless ``verdicts`` are given) and overrides applied to one snapshot."""
    if verdicts is None:
        verdicts = run_rules(snapshot, RuleContext(rules=config.rules, quarter=quarter))
    verdicts = apply_overrides(snapshot.unit_id, verdicts, config.overrides_for(str(quarter)))
    reason = None
    if not snapshot.reachable and snapshot.home_error is not None:
        reason = f"{snapshot.home_error.message} ({snapshot.home_error.url})"
    thumbnails = flagged_thumbnails(snapshot, verdicts)
    # The image bytes were read for sizes and thumbnails; a result kept for thousands of portals
    # must not hold them.
    banners = [b.model_copy(update={"image_bytes": None}) for b in snapshot.banners]
    return UnitResult(
        unit_id=snapshot.unit_id, name=name, url=snapshot.url, quarter=str(quarter),
        audited_at=snapshot.fetched_at, reachable=snapshot.reachable, unreachable_reason=reason,
        platform=snapshot.platform, platform_hints=snapshot.platform_hints, verdicts=verdicts,
        thumbnails=thumbnails, banners=banners,
        posts=[post for _, post in posts_in(quarter, snapshot.posts.posts)],
        pages_fetched=snapshot.pages_fetched,
        errors=snapshot.errors, notes=snapshot.notes,
    )


def flagged_thumbnails(snapshot: PortalSnapshot, verdicts: dict[str, Verdict]) -> dict[str, str]:
    """Thumbnails of the banners a verdict is about (feedback, stale, oversized), from the bytes read."""
    wanted = {url for verdict in verdicts.values() for url in verdict.images}
    found: dict[str, str] = {}
    for banner in snapshot.banners:
        if banner.image_url in wanted and banner.image_url not in found and banner.image_bytes:
            picture = thumbnail(banner.image_bytes)
            if picture is not None:
                found[banner.image_url] = picture
    return found


async def crawl_and_judge(target: Target, fetcher: Fetcher, config: Config,
                          quarter: Quarter) -> tuple[PortalSnapshot, dict[str, Verdict]]:
    """Crawl a portal and run the rules; read the pages the rules still want (where a banner leads,
    when that can decide a check) and run them again. A failure costs this portal only."""
    ctx = RuleContext(rules=config.rules, quarter=quarter)
    crawl = PortalCrawl(target, fetcher, config.crawl, quarter)
    try:
        snapshot = await crawl.snapshot()
        verdicts = run_rules(snapshot, ctx)
        if snapshot.reachable:
            wanted = pages_wanted(snapshot, verdicts, ctx)
            if wanted:
                snapshot = await crawl.read_more(wanted)
                verdicts = run_rules(snapshot, ctx)
        return snapshot, verdicts
    except Exception as exc:  # a bug or a surprise must cost one unit, never the run
        log.exception("crawl of %s failed", target.url)
        error = FetchError(url=target.url, kind="other", message=f"lỗi khi thu thập: {type(exc).__name__}: {exc}")
        snapshot = PortalSnapshot(unit_id=target.unit_id, url=target.url, fetched_at=datetime.now(VN_TZ),
                                  reachable=False, home_error=error, errors=[error])
        return snapshot, run_rules(snapshot, ctx)
    finally:
        await crawl.close()


def _asked_to_wait(snapshot: PortalSnapshot, config: Config) -> float | None:
    """Seconds an unreachable portal asked us to wait (429/503 Retry-After), if within its budget."""
    error = snapshot.home_error
    if snapshot.reachable or error is None or error.retry_after is None:
        return None
    return error.retry_after if error.retry_after < config.crawl.portal_budget else None


async def audit_units(config: Config, quarter: Quarter, units: Sequence[Unit] | None = None, *,
                      on_done: OnUnitDone | None = None, fetcher: Fetcher | None = None,
                      keep: bool = True) -> list[UnitResult]:
    """Audit the units (all configured ones by default); results in configured order.

    ``keep=False``: each result goes only to ``on_done`` (the history store) and none is kept, so
    memory does not grow with the number of portals; the list returned is then empty."""
    chosen = list(units if units is not None else config.units)
    # A bounded number of portals at a time: each portal's time budget starts with its crawl, so
    # thousands started together would spend their budgets waiting for connection slots.
    turns = asyncio.Semaphore(config.crawl.max_portals)

    async def one(unit: Unit, client: Fetcher) -> UnitResult | None:
        async with turns:
            snapshot, verdicts = await crawl_and_judge(target_of(unit), client, config, quarter)
        wait = _asked_to_wait(snapshot, config)
        if wait is not None:
            # The portal asked for a pause longer than one request waits: the others go on, and
            # it is audited again when the pause is over (within its time budget).
            log.info("%s asks to wait %.0f s: audited again later", unit.url, wait)
            await asyncio.sleep(wait)
            async with turns:
                snapshot, verdicts = await crawl_and_judge(target_of(unit), client, config, quarter)
        result = decide(snapshot, config, quarter, name=unit.name, verdicts=verdicts)
        del snapshot
        if on_done is not None:
            on_done(result)
        return result if keep else None

    async def every(client: Fetcher) -> list[UnitResult]:
        done = await asyncio.gather(*(one(u, client) for u in chosen))
        return [r for r in done if r is not None]

    with parse_processes(processes_for(len(chosen), config.crawl.parse_processes)):
        if fetcher is not None:
            return await every(fetcher)
        async with Fetcher(config.crawl, resolve=config.resolve) as client:
            return await every(client)


async def audit_url(url: str, config: Config, quarter: Quarter, *, unit_id: str = "portal", name: str = "",
                    aliases: Sequence[str] = ()) -> UnitResult:
    """One portal by its URL, audited exactly as a configured unit is."""
    async with Fetcher(config.crawl, resolve=config.resolve) as client:
        snapshot, verdicts = await crawl_and_judge(Target(unit_id, url, tuple(aliases)), client, config, quarter)
    return decide(snapshot, config, quarter, name=name or unit_id, verdicts=verdicts)


def run_audit(config: Config, quarter: Quarter, units: Sequence[Unit] | None = None, *,
              on_done: OnUnitDone | None = None) -> list[UnitResult]:
    return asyncio.run(audit_units(config, quarter, units, on_done=on_done))
