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
from camthuy_audit.crawl import Target, crawl_portal
from camthuy_audit.fetch import Fetcher
from camthuy_audit.models import FetchError, PortalSnapshot, UnitResult, Verdict
from camthuy_audit.overrides import apply_overrides
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.rules import RuleContext, run_rules
from camthuy_audit.rules.posts_in_quarter import posts_in
from camthuy_audit.thumbnails import thumbnail

log = logging.getLogger(__name__)

OnUnitDone = Callable[[UnitResult], None]


def target_of(unit: Unit) -> Target:
    return Target(unit_id=unit.id, url=unit.url, aliases=tuple(unit.aliases),
                  ignore_robots=unit.ignore_robots, insecure_tls=unit.insecure_tls)


def decide(snapshot: PortalSnapshot, config: Config, quarter: Quarter, *, name: str) -> UnitResult:
    """Rules and overrides applied to one snapshot."""
    verdicts = run_rules(snapshot, RuleContext(rules=config.rules, quarter=quarter))
    verdicts = apply_overrides(snapshot.unit_id, verdicts, config.overrides_for(str(quarter)))
    reason = None
    if not snapshot.reachable and snapshot.home_error is not None:
        reason = f"{snapshot.home_error.message} ({snapshot.home_error.url})"
    return UnitResult(
        unit_id=snapshot.unit_id, name=name, url=snapshot.url, quarter=str(quarter),
        audited_at=snapshot.fetched_at, reachable=snapshot.reachable, unreachable_reason=reason,
        platform=snapshot.platform, platform_hints=snapshot.platform_hints, verdicts=verdicts,
        thumbnails=flagged_thumbnails(snapshot, verdicts), banners=snapshot.banners,
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


async def _crawl_safely(target: Target, fetcher: Fetcher, config: Config, quarter: Quarter) -> PortalSnapshot:
    try:
        return await crawl_portal(target, fetcher, config.crawl, quarter)
    except Exception as exc:  # a bug or a surprise must cost one unit, never the run
        log.exception("crawl of %s failed", target.url)
        error = FetchError(url=target.url, kind="other", message=f"lỗi khi thu thập: {type(exc).__name__}: {exc}")
        return PortalSnapshot(unit_id=target.unit_id, url=target.url, fetched_at=datetime.now(VN_TZ),
                              reachable=False, home_error=error, errors=[error])


def _asked_to_wait(snapshot: PortalSnapshot, config: Config) -> float | None:
    """Seconds an unreachable portal asked us to wait (429/503 Retry-After), if within its budget."""
    error = snapshot.home_error
    if snapshot.reachable or error is None or error.retry_after is None:
        return None
    return error.retry_after if error.retry_after < config.crawl.portal_budget else None


async def audit_units(config: Config, quarter: Quarter, units: Sequence[Unit] | None = None, *,
                      on_done: OnUnitDone | None = None, fetcher: Fetcher | None = None) -> list[UnitResult]:
    """Audit the units (all configured ones by default); results in configured order."""
    chosen = list(units if units is not None else config.units)
    # A bounded number of portals at a time: each portal's time budget starts with its crawl, so
    # thousands started together would spend their budgets waiting for connection slots.
    turns = asyncio.Semaphore(config.crawl.max_portals)

    async def one(unit: Unit, client: Fetcher) -> UnitResult:
        async with turns:
            snapshot = await _crawl_safely(target_of(unit), client, config, quarter)
        wait = _asked_to_wait(snapshot, config)
        if wait is not None:
            # The portal asked for a pause longer than one request waits: the others go on, and
            # it is audited again when the pause is over (within its time budget).
            log.info("%s asks to wait %.0f s: audited again later", unit.url, wait)
            await asyncio.sleep(wait)
            async with turns:
                snapshot = await _crawl_safely(target_of(unit), client, config, quarter)
        result = decide(snapshot, config, quarter, name=unit.name)
        if on_done is not None:
            on_done(result)
        return result

    if fetcher is not None:
        return list(await asyncio.gather(*(one(u, fetcher) for u in chosen)))
    async with Fetcher(config.crawl, resolve=config.resolve) as client:
        return list(await asyncio.gather(*(one(u, client) for u in chosen)))


async def snapshot_url(url: str, config: Config, quarter: Quarter, *, unit_id: str = "portal",
                       aliases: Sequence[str] = ()) -> PortalSnapshot:
    async with Fetcher(config.crawl, resolve=config.resolve) as client:
        return await _crawl_safely(Target(unit_id, url, tuple(aliases)), client, config, quarter)


def run_audit(config: Config, quarter: Quarter, units: Sequence[Unit] | None = None, *,
              on_done: OnUnitDone | None = None) -> list[UnitResult]:
    return asyncio.run(audit_units(config, quarter, units, on_done=on_done))
