"""HTTP/1.1 server of one simulated host, with injected latency and a shared request log."""

from __future__ import annotations

import contextlib
import socket
import sys
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

from camthuy_audit.simulator.app import PortalApp


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

    def records(self) -> list[RequestRecord]:
        with self._lock:
            return list(self._records)

    def max_in_flight(self, host: str) -> int:
        with self._lock:
            return max((r.in_flight for r in self._records if r.host == host), default=0)


class HostServer(ThreadingHTTPServer):
    """Serves one host name; remembers its open connections so that stopping it cuts them."""

    daemon_threads = True
    request_queue_size = 128

    def __init__(self, address: tuple[str, int], host: str, app: PortalApp, log: RequestLog,
                 latency: float) -> None:
        self.host_name, self.app, self.log, self.latency = host, app, log, latency
        self._connections: set[socket.socket] = set()
        self._connections_lock = threading.Lock()
        super().__init__(address, _Handler)

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


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True  # headers and body go out in separate writes
    server: HostServer

    def version_string(self) -> str:
        return self.server.app.server_header

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib signature
        pass

    def do_GET(self) -> None:
        self._serve("GET")

    def do_HEAD(self) -> None:
        self._serve("HEAD")

    def do_POST(self) -> None:
        # Forms (poll, contact) post here; the simulated portals do not accept submissions.
        length = int(self.headers.get("Content-Length") or 0)
        if length:
            self.rfile.read(min(length, 1_000_000))
        started, in_flight = self.server.log.begin(self.server.host_name)
        body = b"Method Not Allowed"
        try:
            self.send_response(405)
            self.send_header("Allow", "GET, HEAD")
            self.send_header("Content-Type", "text/plain; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)
        finally:
            self.server.log.end(self.server.host_name, "POST", self.path, 405, started, in_flight)

    def _serve(self, method: str) -> None:
        server = self.server
        started, in_flight = server.log.begin(server.host_name)
        status = 500
        try:
            if server.latency > 0:
                time.sleep(server.latency)
            headers = {key.lower(): value for key, value in self.headers.items()}
            response = server.app.handle(method, self.path, headers)
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
            server.log.end(server.host_name, method, self.path, status, started, in_flight)
