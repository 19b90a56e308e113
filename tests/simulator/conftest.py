"""The simulated district served once per test session on free loopback ports (2023-Q1 by default,
and 2023-Q2 for the tests of the second quarter); the district and a few national units also on one
port each, by host name (virtual hosting)."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest
from sim_walk import Portal

from camthuy_audit.simulator import KNOWN_HOSTS, District, NationalUnit, VirtualDistrict, national_units
from camthuy_audit.simulator.units import SCHEME_OF_HOST, UNITS_BY_ID


def _opener(district: District) -> Iterator[Callable[..., Portal]]:
    clients: list[httpx.Client] = []

    def open_portal(unit_id: str, host: str | None = None) -> Portal:
        unit = UNITS_BY_ID[unit_id]
        host = host or unit.host
        client = httpx.Client(base_url=f"http://{district.addresses[host]}", timeout=10)
        clients.append(client)
        aliases = tuple(h for _scheme, h in unit.hosts if h != host)
        return Portal(client, SCHEME_OF_HOST[host], host, aliases, unit.platform == "nukeviet")

    yield open_portal
    for client in clients:
        client.close()


@pytest.fixture(scope="session")
def district() -> Iterator[District]:
    with District({host: "127.0.0.1:0" for host in sorted(KNOWN_HOSTS)}) as served:
        yield served


@pytest.fixture(scope="session")
def portal(district: District) -> Iterator[Callable[..., Portal]]:
    yield from _opener(district)


@pytest.fixture(scope="session")
def district_q2() -> Iterator[District]:
    with District({host: "127.0.0.1:0" for host in sorted(KNOWN_HOSTS)}, quarter="2023-Q2") as served:
        yield served


@pytest.fixture(scope="session")
def portal_q2(district_q2: District) -> Iterator[Callable[..., Portal]]:
    yield from _opener(district_q2)


NATIONAL_SAMPLE = 24  # national units served to the tests (both platforms, every layout choice seen)


@pytest.fixture(scope="session")
def vdistrict() -> Iterator[VirtualDistrict]:
    with VirtualDistrict.for_district("2023-Q1") as served:
        yield served


@pytest.fixture(scope="session")
def national_sample() -> list[NationalUnit]:
    return national_units(NATIONAL_SAMPLE)


@pytest.fixture(scope="session")
def vnational(national_sample: list[NationalUnit]) -> Iterator[VirtualDistrict]:
    with VirtualDistrict.for_national(national_sample) as served:
        yield served


@pytest.fixture(scope="session")
def vhost_client() -> Iterator[Callable[[VirtualDistrict, str, str, bool], Portal]]:
    """A Portal (test walker) bound to one host name of a virtual district."""
    clients: list[httpx.Client] = []

    def open_host(served: VirtualDistrict, host: str, scheme: str, nukeviet: bool) -> Portal:
        client = httpx.Client(base_url=f"http://{served.address}", timeout=10)
        clients.append(client)
        return Portal(client, scheme, host, (), nukeviet)

    yield open_host
    for client in clients:
        client.close()
