"""HTTP/1.1 servers of simulated portals, with injected latency and a shared request log.

`HostServer` serves one host name on its own port (whatever Host header a request carries);
`VirtualHostServer` (vhost.py) serves many portals on one port, chosen by the Host header. Both
answer through the same handler: the latency is slept before answering, then the portal's
`PortalApp` answers GET and HEAD (ETag, Last-Modified, 304) and refuses POST with 405.
"""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
import time
from collections.abc import Iterable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from camthuy_audit.simulator.app import PortalApp

# The Server header of an answer that no portal gave (a host name nobody serves).
FALLBACK_SERVER_HEADER = "nginx"


@dataclass(frozen=True)
class RequestRecord:
    host: str
    method: str
    path: str  # the request target as sent (path and query)
    status: int
    started: float  # time.monotonic()
    ended: float
    in_flight: int  # requests being served on this host when this one started, including itself


class RequestLog:
    """Thread-safe log of every request of a district, with per-host concurrency."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._records: list[RequestRecord] = []
        self._in_flight: dict[str, int] = {}
        self._peak: dict[str, int] = {}  # the largest in_flight among a host's logged records

    def begin(self, host: str) -> tuple[float, int]:
        with self._lock:
            current = self._in_flight.get(host, 0) + 1
            self._in_flight[host] = current
            return time.monotonic(), current

    def end(self, host: str, method: str, path: str, status: int, started: float, in_flight: int) -> None:
        record = RequestRecord(host, method, path, status, started, time.monotonic(), in_flight)
        with self._lock:
            self._in_flight[host] -= 1
            self._records.append(record)
            if in_flight > self._peak.get(host, 0):
                self._peak[host] = in_flight

    def records(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._records)

    def max_in_flight(self, host: str) -> int:
        with self._lock:
            return self._peak.get(host, 0)


def write_tsv(records: Iterable[RequestRecord], path: Path, *, in_flight: bool = False) -> Path:
    """Write requests in the order they started, one per line: host, method, target, status,
    milliseconds (and, with `in_flight`, the host's requests in flight when it started and when it
    started, in seconds after the first request)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    header = "host\tmethod\ttarget\tstatus\tms" + ("\tin_flight\tstart_s" if in_flight else "")
    lines = [header]
    ordered = sorted(records, key=lambda r: r.started)
    first = ordered[0].started if ordered else 0.0
    for r in ordered:
        line = f"{r.host}\t{r.method}\t{r.path}\t{r.status}\t{(r.ended - r.started) * 1000:.0f}"
        lines.append(line + (f"\t{r.in_flight}\t{r.started - first:.3f}" if in_flight else ""))
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


class PortalServer(ThreadingHTTPServer):
    """What the handler needs: the host a request is for, that host's portal, the latency and the
    log. Remembers its open connections so that stopping it cuts them."""

    daemon_threads = True
    request_queue_size = 128
    server_header = FALLBACK_SERVER_HEADER  # until a request names its portal

    def __init__(self, address: tuple[str, int], log: RequestLog, latency: float) -> None:
        self.log, self.latency = log, latency
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

    def host_of(self, header: str) -> str:
        """The host name a request is logged under, from its Host header."""
        raise NotImplementedError

    def app_for(self, host: str) -> PortalApp | None:
        """The portal served under `host`, or None (answered 404)."""
        raise NotImplementedError

    def process_request(self, request: Any, client_address: Any) -> None:
        with self._connections_lock:
            self._connections.add(request)
        super().process_request(request, client_address)

    def shutdown_request(self, request: Any) -> None:
        with self._connections_lock:
            self._connections.discard(request)
        super().shutdown_request(request)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that hangs up between two keep-alive requests is normal, not an error to print."""
        if isinstance(sys.exc_info()[1], (ConnectionResetError, BrokenPipeError)):
            return
        super().handle_error(request, client_address)

    def close_connections(self) -> None:
        with self._connections_lock:
            connections = list(self._connections)
        for connection in connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)

    def close(self) -> None:
        """Stop serving (from another thread than serve_forever's), close the port, cut open connections."""
        self.shutdown()
        self.server_close()
        self.close_connections()


class HostServer(PortalServer):
    """Serves one host name on its own port, whatever Host header a request carries."""

    def __init__(self, address: tuple[str, int], host: str, app: PortalApp, log: RequestLog,
                 latency: float) -> None:
        self.host_name, self.app = host, app
        self.server_header = app.server_header
        super().__init__(address, log, latency)

    def host_of(self, header: str) -> str:
        return self.host_name

    def app_for(self, host: str) -> PortalApp | None:
        return self.app


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server: PortalServer
    _server_header: str | None = None

    def version_string(self) -> str:
        return self._server_header or self.server.server_header

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:
        self._serve("GET")

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    def _portal(self, host: str) -> PortalApp | None:
        app = self.server.app_for(host)
        self._server_header = app.server_header if app is not None else FALLBACK_SERVER_HEADER
        return app

    def do_POST(self) -> None:
        # Forms (poll, contact) post here; the simulated portals do not accept submissions.
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 1_000_000))
        server = self.server
        host = server.host_of(self.headers.get("Host", ""))
        started, in_flight = server.log.begin(host)
        status = 500
        try:
            if self._portal(host) is None:
                status = 404
                self._plain(404, _unknown_host(host), "POST")
                return
            status = 405
            self._plain(405, b"Method Not Allowed", "POST", allow="GET, HEAD")
        finally:
            server.log.end(host, "POST", self.path, status, started, in_flight)

    def _plain(self, status: int, body: bytes, method: str, *, allow: str = "") -> None:
        self.send_response(status)
        if allow:
            self.send_header("Allow", allow)
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if method != "HEAD":
            self.wfile.write(body)

    def _serve(self, method: str) -> None:
        server = self.server
        host = server.host_of(self.headers.get("Host", ""))
        started, in_flight = server.log.begin(host)
        status = 500
        try:
            if server.latency > 0:
                time.sleep(server.latency)
            app = self._portal(host)
            if app is None:
                status = 404
                self._plain(404, _unknown_host(host), method)
                return
            headers = {key.lower(): value for key, value in self.headers.items()}
            response = app.handle(method, self.path, headers)
            status = response.status
            self.send_response(response.status)
            for name, value in response.headers:
                self.send_header(name, value)
            self.end_headers()
            if response.body:
                self.wfile.write(response.body)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        except Exception:  # a bug in a page must not kill the connection silently
            status = 500
            with contextlib.suppress(OSError):
                self.send_error(500)
        finally:
            server.log.end(host, method, self.path, status, started, in_flight)


def _unknown_host(host: str) -> bytes:
    return f"404 Not Found: no portal is served under the host name {host!r}\n".encode()
