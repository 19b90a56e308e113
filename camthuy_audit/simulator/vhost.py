"""Many simulated portals on one loopback port, chosen by the Host header (virtual hosting).

Each request is answered as `HostServer` answers it (the latency slept first, HTTP/1.1 keep-alive,
GET/HEAD through the portal's `PortalApp` with ETag and Last-Modified, POST refused with 405), and
logged in one `RequestLog` under its host name (the Host header without its port, lower case). A
host name no portal is served under gets 404 with a short text body.

A portal is built on the first request for its host and kept (thread-safe); with `keep=N` only the
N most recently used are kept and the others are built again when asked (the same bytes: building
is deterministic).

    with VirtualDistrict.for_district(quarter="2023-Q1", latency=0.1) as served:
        served.address  # "127.0.0.1:41234", for every host in served.hosts
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from types import TracebackType

from camthuy_audit.simulator.app import PortalApp
from camthuy_audit.simulator.national import NationalUnit, national_app, national_units
from camthuy_audit.simulator.quarters import FIRST, period
from camthuy_audit.simulator.server import PortalServer, RequestLog, RequestRecord, write_tsv
from camthuy_audit.simulator.units import SCHEME_OF_HOST, UNIT_OF_HOST
from camthuy_audit.simulator.world import site_for

AppFactory = Callable[[str], PortalApp | None]


def host_name(header: str) -> str:
    """The host name of a Host header: lower case, without port or trailing dot."""
    value = header.strip().lower()
    if value.startswith("["):  # an IPv6 literal, "[::1]:8080"
        end = value.find("]")
        return value[: end + 1] if end > 0 else value
    return value.rpartition(":")[0].rstrip(".") if ":" in value else value.rstrip(".")


class _Portals:
    """Host -> its PortalApp, built on first use; at most `keep` kept (least recently used dropped)."""

    def __init__(self, apps: Mapping[str, PortalApp] | AppFactory, keep: int | None) -> None:
        if keep is not None and keep < 1:
            raise ValueError("keep must be at least 1")
        self._factory: AppFactory = apps.get if isinstance(apps, Mapping) else apps
        self._keep = keep
        self._apps: OrderedDict[str, PortalApp] = OrderedDict()
        self._pending: dict[str, threading.Lock] = {}
        self._lock = threading.Lock()
        self.builds = 0  # portals built so far, rebuilds included

    def get(self, host: str) -> PortalApp | None:
        with self._lock:
            if host in self._apps:
                self._apps.move_to_end(host)
                return self._apps[host]
            pending = self._pending.get(host)
            if pending is None:  # this thread builds it; others asking meanwhile wait for it
                pending = self._pending[host] = threading.Lock()
                pending.acquire()
                building = True
            else:
                building = False
        if not building:
            with pending:
                pass
            with self._lock:
                if host in self._apps:
                    return self._apps[host]
            return self._factory(host)  # unknown host, or dropped already: answer without keeping
        app: PortalApp | None = None
        try:
            app = self._factory(host)
        finally:
            with self._lock:
                del self._pending[host]
                if app is not None:  # unknown hosts are not remembered: anyone can invent them
                    self.builds += 1
                    self._apps[host] = app
                    if self._keep is not None and len(self._apps) > self._keep:
                        self._apps.popitem(last=False)
            pending.release()
        return app

    def __len__(self) -> int:
        with self._lock:
            return len(self._apps)


class VirtualHostServer(PortalServer):
    """One port for many portals, dispatched by the Host header."""

    request_queue_size = 1024

    def __init__(self, address: tuple[str, int], portals: _Portals, log: RequestLog, latency: float) -> None:
        self.portals = portals
        super().__init__(address, log, latency)

    def host_of(self, header: str) -> str:
        return host_name(header)

    def app_for(self, host: str) -> PortalApp | None:
        return self.portals.get(host)


class VirtualDistrict:
    """Serve many portals on one loopback port, by host name.

    `apps` maps host names to their PortalApp, or is a function host -> PortalApp | None called
    on a host's first request (`hosts` then lists the host names served, for `.hosts`). `keep`
    bounds the portals kept built (None: all).
    """

    def __init__(self, apps: Mapping[str, PortalApp] | AppFactory, *, latency: float = 0.0,
                 bind: str = "127.0.0.1", port: int = 0, hosts: Iterable[str] | None = None,
                 keep: int | None = None) -> None:
        self.latency, self._bind, self._port = latency, bind, port
        self._hosts = tuple(apps) if isinstance(apps, Mapping) else tuple(hosts or ())
        self._portals = _Portals(apps, keep)
        self._log = RequestLog()
        self._server: VirtualHostServer | None = None
        self._thread: threading.Thread | None = None

    @classmethod
    def for_district(cls, quarter: str = FIRST, *, latency: float = 0.0, bind: str = "127.0.0.1",
                     port: int = 0) -> VirtualDistrict:
        """The 17 units of the district in `quarter`'s state, every host name (aliases too) on one port."""
        quarter = period(quarter).name

        def build(host: str) -> PortalApp | None:
            unit = UNIT_OF_HOST.get(host)
            if unit is None:
                return None
            return PortalApp(site_for(unit.id, quarter), host, SCHEME_OF_HOST[host])

        return cls(build, latency=latency, bind=bind, port=port, hosts=sorted(UNIT_OF_HOST))

    @classmethod
    def for_national(cls, units: int | Iterable[NationalUnit], *, seed: int = 0, latency: float = 0.0,
                     bind: str = "127.0.0.1", port: int = 0, keep: int | None = None) -> VirtualDistrict:
        """The first `units` national units of `seed` (or the units given), in their 2023-Q1 state."""
        chosen = national_units(units, seed=seed) if isinstance(units, int) else list(units)
        by_host = {unit.host: unit for unit in chosen}

        def build(host: str) -> PortalApp | None:
            unit = by_host.get(host)
            return national_app(unit) if unit is not None else None

        return cls(build, latency=latency, bind=bind, port=port, hosts=by_host, keep=keep)

    # -- lifecycle ---------------------------------------------------------------------------------

    def start(self) -> None:
        """Bind the port and serve in a daemon thread."""
        if self._server is not None:
            return
        try:
            server = VirtualHostServer((self._bind, self._port), self._portals, self._log, self.latency)
        except OSError as exc:
            raise OSError(exc.errno, f"cannot serve on {self._bind}:{self._port}: {exc.strerror}") from exc
        self._server = server
        self._thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="virtual-district", daemon=True)
        self._thread.start()

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        server.close()
        if self._thread is not None:
            self._thread.join()

    def __enter__(self) -> VirtualDistrict:
        self.start()
        return self

    def __exit__(self, exc_type: type[BaseException] | None, exc: BaseException | None,
                 tb: TracebackType | None) -> None:
        self.stop()

    # -- introspection -----------------------------------------------------------------------------

    @property
    def address(self) -> str:
        """"127.0.0.1:PORT" actually bound (after start)."""
        if self._server is None:
            raise RuntimeError("the virtual district is not serving")
        return f"{self._bind}:{self._server.server_port}"

    @property
    def hosts(self) -> tuple[str, ...]:
        """Every host name served (for the district: aliases included)."""
        return self._hosts

    @property
    def built(self) -> int:
        """Portals built so far (rebuilds of dropped ones included)."""
        return self._portals.builds

    @property
    def kept(self) -> int:
        """Portals currently kept built."""
        return len(self._portals)

    @property
    def request_log(self) -> list[RequestRecord]:
        return self._log.records()

    def write_request_log(self, path: Path) -> Path:
        """Every request answered so far, one per line: host, method, target, status, ms, in_flight."""
        return write_tsv(self._log.records(), path, in_flight=True)

    def max_in_flight(self, host: str) -> int:
        return self._log.max_in_flight(host_name(host))
