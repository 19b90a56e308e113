"""A loopback server of broken and hostile portals: one host name per fault, chosen by the Host header.

Raw sockets and one thread per connection, so that a portal can hang, reset the connection,
trickle bytes, stream 100 MB (generated as it is sent, never held in memory) or send a gzip bomb.
Every request is logged with its host, path and time. One plain-HTTP listener serves every portal;
a second listener with a self-signed certificate serves the TLS portals.

It imports nothing from camthuy_audit: it is the world the auditor is tested against.
"""

from __future__ import annotations

import contextlib
import socket
import ssl
import struct
import threading
import time
import unicodedata
import zlib
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from urllib.parse import parse_qsl, unquote, urlsplit

_REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 404: "Not Found",
            429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable"}


@dataclass(frozen=True)
class Request:
    host: str
    method: str
    target: str
    headers: dict[str, str]
    started: float

    @property
    def path(self) -> str:
        return unquote(urlsplit(self.target).path) or "/"

    @property
    def query(self) -> dict[str, str]:
        return dict(parse_qsl(urlsplit(self.target).query))


@dataclass
class Logged:
    host: str
    target: str
    started: float
    ended: float = 0.0
    in_flight: int = 0


class Response:
    """What a portal does with one connection."""

    def __init__(self, connection: socket.socket, stopping: threading.Event) -> None:
        self._connection = connection
        self._stopping = stopping

    def _head(self, status: int, headers: Iterable[tuple[str, str]]) -> bytes:
        lines = [f"HTTP/1.1 {status} {_REASONS.get(status, 'Status')}", "Connection: close", "Server: fault"]
        lines += [f"{name}: {value}" for name, value in headers]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("latin-1")

    def send(self, status: int, body: bytes = b"", content_type: str = "text/html; charset=utf-8",
             headers: Iterable[tuple[str, str]] = ()) -> None:
        all_headers = [("Content-Type", content_type), ("Content-Length", str(len(body))), *headers]
        self._connection.sendall(self._head(status, all_headers) + body)

    def html(self, text: str, *, charset: str = "utf-8", header_charset: bool = True,
             headers: Iterable[tuple[str, str]] = ()) -> None:
        content_type = f"text/html; charset={charset}" if header_charset else "text/html"
        self.send(200, encode(text, charset), content_type, headers)

    def stream(self, status: int, chunks: Iterable[bytes], headers: Iterable[tuple[str, str]] = ()) -> None:
        """A body without Content-Length, written chunk by chunk until done or the client leaves."""
        self._connection.sendall(self._head(status, headers))
        for chunk in chunks:
            if self._stopping.is_set():
                return
            self._connection.sendall(chunk)

    def trickle(self, body: bytes, every: float) -> None:
        """Headers at once, then one byte every ``every`` seconds."""
        head = self._head(200, [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", str(len(body)))])
        self._connection.sendall(head)
        for index in range(len(body)):
            if self._stopping.wait(every):
                return
            self._connection.sendall(body[index:index + 1])

    def hang(self, seconds: float = 120.0) -> None:
        """Accept the request and never answer (until the server stops)."""
        self._stopping.wait(seconds)

    def reset(self) -> None:
        """Close with a TCP reset (RST), as a crashing server or a firewall does."""
        self._connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
        self._connection.close()


Portal = Callable[[Request, Response], None]


@dataclass
class FaultServer:
    """Serves ``portals`` (host name -> handler) on 127.0.0.1; start() returns the plain-HTTP port."""

    portals: dict[str, Portal]
    tls_context: ssl.SSLContext | None = None
    log: list[Logged] = field(default_factory=list)
    port: int = 0
    tls_port: int = 0
    _stopping: threading.Event = field(default_factory=threading.Event)
    _lock: threading.Lock = field(default_factory=threading.Lock)
    _sockets: list[socket.socket] = field(default_factory=list)
    _threads: list[threading.Thread] = field(default_factory=list)
    _in_flight: dict[str, int] = field(default_factory=dict)

    def start(self) -> FaultServer:
        self.port = self._listen(None)
        if self.tls_context is not None:
            self.tls_port = self._listen(self.tls_context)
        return self

    def stop(self) -> None:
        self._stopping.set()
        for sock in self._sockets:
            with contextlib.suppress(OSError):
                sock.close()
        for thread in self._threads:
            thread.join(timeout=2)

    def __enter__(self) -> FaultServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def requests(self, host: str) -> list[Logged]:
        with self._lock:
            return [entry for entry in self.log if entry.host == host]

    def max_in_flight(self, host: str) -> int:
        return max((entry.in_flight for entry in self.requests(host)), default=0)

    # -- plumbing ------------------------------------------------------------------------------

    def _listen(self, context: ssl.SSLContext | None) -> int:
        listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(("127.0.0.1", 0))
        listener.listen(128)
        listener.settimeout(0.1)
        self._sockets.append(listener)
        thread = threading.Thread(target=self._accept, args=(listener, context), daemon=True)
        thread.start()
        self._threads.append(thread)
        return int(listener.getsockname()[1])

    def _accept(self, listener: socket.socket, context: ssl.SSLContext | None) -> None:
        while not self._stopping.is_set():
            try:
                connection, _ = listener.accept()
            except TimeoutError:
                continue
            except OSError:
                return
            threading.Thread(target=self._connection, args=(connection, context), daemon=True).start()

    def _connection(self, connection: socket.socket, context: ssl.SSLContext | None) -> None:
        connection.settimeout(30)
        try:
            if context is not None:
                connection = context.wrap_socket(connection, server_side=True)
            request = _read_request(connection)
            if request is None:
                return
            self._handle(request, connection)
        except (OSError, ssl.SSLError, ValueError):
            pass
        finally:
            with contextlib.suppress(OSError):
                connection.close()

    def _handle(self, request: Request, connection: socket.socket) -> None:
        with self._lock:
            current = self._in_flight.get(request.host, 0) + 1
            self._in_flight[request.host] = current
            entry = Logged(request.host, request.target, request.started, in_flight=current)
            self.log.append(entry)
        try:
            portal = self.portals.get(request.host)
            response = Response(connection, self._stopping)
            if portal is None:
                response.send(404, b"no such portal", "text/plain")
            else:
                portal(request, response)
        finally:
            with self._lock:
                self._in_flight[request.host] -= 1
                entry.ended = time.monotonic()


def _read_request(connection: socket.socket) -> Request | None:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = connection.recv(65536)
        if not chunk:
            return None
        data += chunk
        if len(data) > 65536:
            return None
    head = data.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    lines = head.split("\r\n")
    method, target, _ = lines[0].split(" ", 2)
    headers = {}
    for line in lines[1:]:
        name, _, value = line.partition(":")
        headers[name.strip().lower()] = value.strip()
    host = headers.get("host", "").rsplit(":", 1)[0].lower() if "]" not in headers.get("host", "") else ""
    return Request(host, method, target, headers, time.monotonic())


# --- encodings ---------------------------------------------------------------------------------

_TONES = "\u0300\u0301\u0303\u0309\u0323"


def to_cp1258(text: str) -> bytes:
    """Vietnamese text in windows-1258: base letters precomposed (â, ơ, ư…), tone marks combining."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", char)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        out += base.encode("cp1258", errors="replace") + tones.encode("cp1258")
    return bytes(out)


def encode(text: str, charset: str) -> bytes:
    return to_cp1258(text) if charset.lower() in ("windows-1258", "cp1258") else text.encode(charset)


def zeros(total: int, chunk: int = 1 << 20) -> Iterator[bytes]:
    """``total`` bytes of a repeated pattern, generated chunk by chunk (never held whole)."""
    block = (b"<p>0123456789abcdef</p>\n" * (chunk // 24 + 1))[:chunk]
    sent = 0
    while sent < total:
        part = block[: min(chunk, total - sent)]
        sent += len(part)
        yield part


def gzip_bomb(prefix: bytes, inflated: int) -> bytes:
    """A small gzip body that inflates to ``inflated`` bytes (``prefix`` then zero bytes)."""
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    parts = [compressor.compress(prefix)]
    block = bytes(1 << 20)
    for _ in range(inflated // len(block)):
        parts.append(compressor.compress(block))
    parts.append(compressor.flush())
    return b"".join(parts)
