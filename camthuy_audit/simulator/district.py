"""The simulated district: every known host served on its own loopback port."""

from __future__ import annotations

import sys
import threading
from collections.abc import Mapping
from pathlib import Path
from types import TracebackType
from typing import TextIO

from camthuy_audit.simulator.app import PortalApp
from camthuy_audit.simulator.quarters import FIRST, period
from camthuy_audit.simulator.server import HostServer, RequestLog, RequestRecord, write_tsv
from camthuy_audit.simulator.units import SCHEME_OF_HOST, UNIT_OF_HOST
from camthuy_audit.simulator.world import site_for

KNOWN_HOSTS: frozenset[str] = frozenset(UNIT_OF_HOST)


def _parse_address(host: str, address: str) -> tuple[str, int]:
    bind, sep, port = address.strip().rpartition(":")
    if not sep or not port.isdigit():
        raise ValueError(f"resolve[{host!r}] must look like '127.0.0.1:PORT', got {address!r}")
    return bind or "127.0.0.1", int(port)


class District:
    """Serve the simulated commune portals on loopback.

    `resolve` maps real host names to "127.0.0.1:PORT" (port 0 picks a free port). Host names the
    world does not know are ignored; at least one must be known. `quarter` is the state served:
    the portals as they stood when that quarter was audited (one of `QUARTERS`).
    """

    def __init__(self, resolve: Mapping[str, str], *, latency: float = 0.0, quarter: str = FIRST) -> None:
        self.quarter = period(quarter).name  # ValueError naming the known quarters
        self._targets = {host: _parse_address(host, address) for host, address in resolve.items()
                         if host in KNOWN_HOSTS}
        if not self._targets:
            raise ValueError("none of the hosts in resolve is known to the simulated district "
                             f"(known: {', '.join(sorted(KNOWN_HOSTS))})")
        self.latency = latency
        self._log = RequestLog()
        self._servers: dict[str, HostServer] = {}
        self._lock = threading.Lock()

    # -- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Bind every port and serve each host in a daemon thread."""
        for host, (bind, port) in self._targets.items():
            if host in self._servers:
                continue
            unit = UNIT_OF_HOST[host]
            app = PortalApp(site_for(unit.id, self.quarter), host, SCHEME_OF_HOST[host])
            try:
                server = HostServer((bind, port), host, app, self._log, self.latency)
            except OSError as exc:
                self.stop()
                raise OSError(exc.errno, f"cannot serve {host} on {bind}:{port}: {exc.strerror}") from exc
            thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                      name=f"district-{host}", daemon=True)
            thread.start()
            with self._lock:
                self._servers[host] = server

    def stop_host(self, host: str) -> None:
        """Stop one portal: its port then refuses connections (open connections are cut)."""
        with self._lock:
            server = self._servers.pop(host, None)
        if server is not None:
            server.close()

    def stop(self) -> None:
        with self._lock:
            servers = list(self._servers.values())
            self._servers.clear()
        threads = [threading.Thread(target=server.close, daemon=True) for server in servers]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()

    def __enter__(self) -> District:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # -- introspection -----------------------------------------------------------------------------

    @property
    def addresses(self) -> dict[str, str]:
        """Host -> "127.0.0.1:PORT" actually bound, for the hosts being served."""
        with self._lock:
            return {host: f"{self._targets[host][0]}:{server.server_port}" for host, server in self._servers.items()}

    @property
    def request_log(self) -> list[RequestRecord]:
        return self._log.records()

    def write_request_log(self, path: Path) -> Path:
        """Every request answered so far, one per line: host, method, target, status, milliseconds."""
        return write_tsv(self._log.records(), path)

    def max_in_flight(self, host: str) -> int:
        return self._log.max_in_flight(host)


def _block_until_interrupted() -> None:
    forever = threading.Event()
    while not forever.wait(3600):
        pass


def serve_forever(resolve: Mapping[str, str], *, out: TextIO = sys.stdout, quarter: str = FIRST) -> None:
    """Start the district in `quarter`'s state, print one line per host, serve until Ctrl-C, then stop."""
    district = District(resolve, quarter=quarter)
    district.start()
    try:
        for host, address in district.addresses.items():
            print(f"{host} -> http://{address}", file=out, flush=True)
        _block_until_interrupted()
    except KeyboardInterrupt:
        pass
    finally:
        district.stop()
