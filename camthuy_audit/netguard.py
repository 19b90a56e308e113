"""Where a request may connect: the transports under the Fetcher.

Pages come only from a unit's own hosts (the Fetcher checks host names, also after redirects). This
module adds the check by address: a host that is not a configured portal (a banner image elsewhere,
the target of a redirect) is connected to only when it resolves to public addresses — never to a
private, loopback, link-local or otherwise reserved one (no server-side request forgery). The check
is made on the address actually connected to, so DNS cannot change the answer in between.

``resolve`` (the simulated district, tests) sends named hosts to fixed addresses; with
``https://ADDRESS:PORT`` the connection keeps TLS and checks the certificate against the real name.
"""

from __future__ import annotations

import asyncio
import ipaddress
import socket
import ssl
from collections.abc import Callable, Iterable, Mapping

import httpcore
import httpx

_TCP_ATTEMPTS = 3  # addresses tried per host


class AddressNotAllowed(httpcore.ConnectError):
    """The host resolves only to addresses we never connect to for a foreign host."""


def is_public_address(address: str) -> bool:
    """True for a globally routable unicast address (IPv4-mapped and 6to4 IPv6 checked as IPv4)."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(ip, ipaddress.IPv6Address):
        embedded = ip.ipv4_mapped or ip.sixtofour or (ip.teredo[1] if ip.teredo else None)
        if embedded is not None:
            return is_public_address(str(embedded))
    return ip.is_global and not ip.is_multicast


class GuardedBackend(httpcore.AsyncNetworkBackend):
    """Connects trusted hosts as usual and every other host only to its public addresses."""

    def __init__(self, trusted: Callable[[str], bool], inner: httpcore.AsyncNetworkBackend | None = None) -> None:
        self._trusted = trusted
        self._inner = inner or httpcore.AnyIOBackend()

    async def connect_tcp(self, host: str, port: int, timeout: float | None = None,
                          local_address: str | None = None,
                          socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
                          ) -> httpcore.AsyncNetworkStream:
        if self._trusted(host.lower()):
            return await self._inner.connect_tcp(host, port, timeout, local_address, socket_options)
        addresses = await _resolve(host, port, timeout)
        allowed = [a for a in addresses if is_public_address(a)]
        if not allowed:
            shown = ", ".join(addresses[:3])
            raise AddressNotAllowed(f"{host} trỏ tới địa chỉ nội bộ ({shown}): không truy cập")
        error: Exception | None = None
        for address in allowed[:_TCP_ATTEMPTS]:
            try:
                return await self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:
                error = exc
        assert error is not None
        raise error

    async def connect_unix_socket(self, path: str, timeout: float | None = None,
                                  socket_options: Iterable[httpcore.SOCKET_OPTION] | None = None,
                                  ) -> httpcore.AsyncNetworkStream:
        raise httpcore.ConnectError("unix sockets are not used")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


async def _resolve(host: str, port: int, timeout: float | None) -> list[str]:
    try:
        ipaddress.ip_address(host)
        return [host]
    except ValueError:
        pass
    loop = asyncio.get_running_loop()
    try:
        infos = await asyncio.wait_for(loop.getaddrinfo(host, port, type=socket.SOCK_STREAM), timeout)
    except TimeoutError:
        raise httpcore.ConnectTimeout(f"DNS: {host} không trả lời") from None
    except socket.gaierror as exc:
        raise httpcore.ConnectError(f"DNS: không tìm thấy tên máy {host} ({exc})") from exc
    return list(dict.fromkeys(str(info[4][0]) for info in infos))


def ssl_context(verify: bool) -> ssl.SSLContext:
    """One TLS context, made once and shared by every pool (loading the CA store takes ~20 ms)."""
    return httpx.create_ssl_context(verify=verify, trust_env=False)


def pool_transport(*, verify: bool | ssl.SSLContext, limits: httpx.Limits,
                   trusted: Callable[[str], bool] | None = None) -> httpx.AsyncHTTPTransport:
    """An httpx transport; with ``trusted``, its connections go through :class:`GuardedBackend`."""
    context = verify if isinstance(verify, ssl.SSLContext) else ssl_context(verify)
    transport = httpx.AsyncHTTPTransport(verify=context, limits=limits, trust_env=False)
    if trusted is not None:
        if not hasattr(transport, "_pool"):  # pragma: no cover - guards an httpx upgrade
            raise RuntimeError("httpx.AsyncHTTPTransport has no _pool: update netguard.pool_transport")
        transport._pool = httpcore.AsyncConnectionPool(
            ssl_context=context,
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=GuardedBackend(trusted),
        )
    return transport


def _target(address: str) -> tuple[str, str, int]:
    """``127.0.0.1:8080`` -> (http, 127.0.0.1, 8080); ``https://127.0.0.1:8443`` keeps TLS."""
    scheme, sep, rest = address.partition("://")
    if not sep:
        scheme, rest = "http", address
    host, _, port = rest.rpartition(":")
    return scheme, host.strip("[]"), int(port)


class Routes(dict[str, tuple[str, str, int]]):
    """``resolve`` read once: host name -> (scheme, address, port)."""

    @classmethod
    def of(cls, resolve: Mapping[str, str]) -> Routes:
        return cls({host.lower(): _target(target) for host, target in resolve.items()})


class ResolvingTransport(httpx.AsyncBaseTransport):
    """Sends requests for named hosts to fixed addresses (the simulated district on loopback).

    The request keeps its real host name (Host header, URLs in evidence); only the connection goes
    to ``resolve[host]``, over plain HTTP unless the address says ``https://``. Other hosts go to
    ``inner``; resolved hosts to ``direct`` (default: ``inner``).
    """

    def __init__(self, resolve: Mapping[str, str] | Routes, inner: httpx.AsyncBaseTransport | None = None, *,
                 direct: httpx.AsyncBaseTransport | None = None) -> None:
        # One table for every host's transport (thousands of hosts): read once, shared.
        self._resolve = resolve if isinstance(resolve, Routes) else Routes.of(resolve)
        self._inner = inner or httpx.AsyncHTTPTransport()
        self._direct = direct or self._inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        target = self._resolve.get(request.url.host.lower())
        if target is None:
            return await self._inner.handle_async_request(request)
        scheme, address, port = target
        extensions = dict(request.extensions)
        if scheme == "https":
            extensions["sni_hostname"] = request.url.host  # the certificate is checked for the real name
        # A new request: the caller's keeps its real URL (httpx reports that one as response.url).
        routed = httpx.Request(
            request.method,
            request.url.copy_with(scheme=scheme, host=address, port=port),
            headers=request.headers,  # the Host header still names the real host
            stream=request.stream,
            extensions=extensions,
        )
        return await self._direct.handle_async_request(routed)

    async def aclose(self) -> None:
        await self._inner.aclose()
        if self._direct is not self._inner:
            await self._direct.aclose()


class HostRouter(httpx.AsyncBaseTransport):
    """Requests to hosts whose certificate is not verified (a per-unit, logged switch) use ``insecure``."""

    def __init__(self, secure: httpx.AsyncBaseTransport,
                 make_insecure: Callable[[], httpx.AsyncBaseTransport], insecure_hosts: set[str]) -> None:
        self._secure = secure
        self._make_insecure = make_insecure
        self._insecure: httpx.AsyncBaseTransport | None = None
        self._insecure_hosts = insecure_hosts

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        if request.url.host.lower() in self._insecure_hosts:
            if self._insecure is None:
                self._insecure = self._make_insecure()
            return await self._insecure.handle_async_request(request)
        return await self._secure.handle_async_request(request)

    async def aclose(self) -> None:
        await self._secure.aclose()
        if self._insecure is not None:
            await self._insecure.aclose()


class PerHostTransport(httpx.AsyncBaseTransport):
    """One small connection pool per host name (the request's real host, also when ``resolve`` sends
    many hosts to one address).

    httpcore looks at every connection of a pool each time it hands one out (an idle connection is
    polled to see whether the server closed it), so one pool shared by hundreds of portals costs
    time in proportion to their number on every request. A host's pool holds its few connections;
    :meth:`release` closes them when the portal is done.
    """

    def __init__(self, make: Callable[[], httpx.AsyncBaseTransport]) -> None:
        self._make = make
        self._pools: dict[str, httpx.AsyncBaseTransport] = {}

    def __len__(self) -> int:
        return len(self._pools)

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        host = request.url.host.lower()
        pool = self._pools.get(host)
        if pool is None:
            pool = self._pools[host] = self._make()
        return await pool.handle_async_request(request)

    async def release(self, hosts: Iterable[str]) -> None:
        """Close the connections of these hosts (a portal whose crawl is over)."""
        for host in hosts:
            pool = self._pools.pop(host.lower(), None)
            if pool is not None:
                await pool.aclose()

    async def aclose(self) -> None:
        pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            await pool.aclose()
