"""Crawl a simulated portal over HTTP from its home page and fingerprint every answer (test helper).

Every local link of every page is followed: href and src attributes, sitemap <loc> entries and the
robots.txt Sitemap lines. Each answer is reduced to a line "target status content-type
last-modified sha256(body)"; a host's fingerprint is the sha256 of its sorted lines.
"""

from __future__ import annotations

import hashlib
import html
import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import httpx

_LINK = re.compile(r'\b(?:href|src)="([^"]*)"|<loc>([^<]+)</loc>|^Sitemap: (\S+)$', re.MULTILINE)
_TEXT_TYPES = ("text/html", "text/plain", "application/xml", "application/rss+xml")


@dataclass(frozen=True)
class Fingerprint:
    pages: int
    digest: str
    lines: tuple[str, ...]


def crawl(client: httpx.Client, scheme: str, host: str, hosts: tuple[str, ...]) -> Fingerprint:
    """Fetch every page of `host` reachable from "/" and "/robots.txt" (links to `hosts` are local)."""
    seen: set[str] = set()
    queue = ["/", "/robots.txt"]
    lines = []
    while queue:
        target = queue.pop()
        if target in seen:
            continue
        seen.add(target)
        response = client.get(target, headers={"Host": host})
        kind = response.headers.get("content-type", "")
        body = response.content
        lines.append(f"{target} {response.status_code} {kind} {response.headers.get('last-modified', '')} "
                     f"{hashlib.sha256(body).hexdigest()}")
        if not kind.startswith(_TEXT_TYPES):
            continue
        base = f"{scheme}://{host}{target}"
        for match in _LINK.finditer(response.text):
            raw = html.unescape(next(g for g in match.groups() if g is not None)).strip()
            if not raw or raw.startswith(("javascript:", "#", "mailto:", "tel:")):
                continue
            parts = urlsplit(urljoin(base, raw))
            if parts.hostname not in hosts:
                continue
            local = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            if local not in seen:
                queue.append(local)
    lines.sort()
    digest = hashlib.sha256("\n".join(lines).encode()).hexdigest()
    return Fingerprint(len(lines), digest, tuple(lines))


def district_fingerprints(addresses: dict[str, str]) -> dict[str, Fingerprint]:
    """Fingerprint every host of a served district (host -> "127.0.0.1:PORT")."""
    from camthuy_audit.simulator.units import SCHEME_OF_HOST, UNIT_OF_HOST

    found = {}
    for host in sorted(addresses):
        hosts = tuple(h for _scheme, h in UNIT_OF_HOST[host].hosts)
        with httpx.Client(base_url=f"http://{addresses[host]}", timeout=10) as client:
            found[host] = crawl(client, SCHEME_OF_HOST[host], host, hosts)
    return found


def main() -> None:
    """Print the fingerprint file of the 2023-Q1 district (only to record an intended change of Q1)."""
    import json

    from camthuy_audit.simulator import KNOWN_HOSTS, District

    with District({host: "127.0.0.1:0" for host in KNOWN_HOSTS}, quarter="2023-Q1") as served:
        found = district_fingerprints(served.addresses)
    print(json.dumps({"about": ABOUT, "hosts": {host: {"pages": f.pages, "sha256": f.digest}
                                                for host, f in sorted(found.items())}},
                     indent=1, ensure_ascii=False))


ABOUT = ("Every answer of the 2023-Q1 simulated district reachable from each host's home page and robots.txt "
         "(tests/simulator/sim_crawl.py), recorded before the simulator could serve 2023-Q2. "
         "Regenerate (python tests/simulator/sim_crawl.py) only for an intended change of Q1.")


if __name__ == "__main__":
    main()
