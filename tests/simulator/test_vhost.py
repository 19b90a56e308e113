"""Many portals on one port by Host header: the same answers as one port per host, one request log."""

from __future__ import annotations

import http.client
import json
import signal
import subprocess
import sys
import threading
from pathlib import Path

import httpx
import pytest

from camthuy_audit.simulator import KNOWN_HOSTS, District, VirtualDistrict, national_units
from camthuy_audit.simulator.app import PortalApp, Response
from camthuy_audit.simulator.units import SCHEME_OF_HOST, UNIT_OF_HOST, UNITS
from camthuy_audit.simulator.vhost import host_name
from camthuy_audit.simulator.world import site_for

CAMVAN = "camvan.camthuy.thanhhoa.gov.vn"
CAMTU = "camtu.camthuy.thanhhoa.gov.vn"
ROOT = Path(__file__).resolve().parents[2]


def _get(served: VirtualDistrict, host: str, target: str, **headers: str) -> httpx.Response:
    return httpx.get(f"http://{served.address}{target}", headers={"Host": host, **headers}, timeout=10)


def test_host_name_drops_port_case_and_trailing_dot() -> None:
    assert host_name("CamVan.CamThuy.ThanhHoa.gov.vn:8443") == CAMVAN
    assert host_name(f"{CAMVAN}.") == CAMVAN
    assert host_name("[::1]:8080") == "[::1]"
    assert host_name("") == ""


def test_district_hosts_include_aliases(vdistrict: VirtualDistrict) -> None:
    assert set(vdistrict.hosts) == set(KNOWN_HOSTS)
    assert "thitran.camthuy.thanhhoa.gov.vn" in vdistrict.hosts


@pytest.mark.parametrize("target", ["/", "/robots.txt", "/web/trang-chu/tin-tuc-su-kien/tin-trong-xa?page=2",
                                    "/tin-trong-xa/page-2", "/khong-co-trang-nay"])
def test_every_host_answers_as_on_its_own_port(vdistrict: VirtualDistrict, district: District, target: str) -> None:
    for host in sorted(KNOWN_HOSTS):
        own = httpx.get(f"http://{district.addresses[host]}{target}", headers={"Host": host}, timeout=10)
        shared = _get(vdistrict, host, target)
        assert (shared.status_code, shared.content) == (own.status_code, own.content), (host, target)
        for name in ("content-type", "content-length", "etag", "last-modified", "server", "x-powered-by"):
            assert shared.headers.get(name) == own.headers.get(name), (host, target, name)


def test_port_suffix_and_case_are_ignored(vdistrict: VirtualDistrict) -> None:
    plain = _get(vdistrict, CAMVAN, "/")
    assert _get(vdistrict, "CAMVAN.camthuy.thanhhoa.gov.vn:443", "/").content == plain.content


def test_unknown_host_is_a_short_404(vdistrict: VirtualDistrict) -> None:
    response = _get(vdistrict, "example.org", "/")
    assert response.status_code == 404
    assert response.headers["content-type"] == "text/plain; charset=utf-8"
    assert "example.org" in response.text and len(response.content) < 200
    assert httpx.post(f"http://{vdistrict.address}/", headers={"Host": "example.org"}).status_code == 404
    assert any(r.host == "example.org" and r.status == 404 for r in vdistrict.request_log)


def test_head_post_and_conditional_requests(vdistrict: VirtualDistrict) -> None:
    first = _get(vdistrict, CAMTU, "/tin-trong-xa/")
    assert first.status_code == 200
    assert _get(vdistrict, CAMTU, "/tin-trong-xa/", **{"If-None-Match": first.headers["etag"]}).status_code == 304
    since = first.headers["last-modified"]
    assert _get(vdistrict, CAMTU, "/tin-trong-xa/", **{"If-Modified-Since": since}).status_code == 304
    head = httpx.head(f"http://{vdistrict.address}/tin-trong-xa/", headers={"Host": CAMTU})
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == first.headers["content-length"]
    posted = httpx.post(f"http://{vdistrict.address}/voting/", headers={"Host": CAMTU}, data={"option": "1"})
    assert posted.status_code == 405 and posted.headers["allow"] == "GET, HEAD"


def test_keep_alive_across_host_names(vdistrict: VirtualDistrict) -> None:
    bind, port = vdistrict.address.split(":")
    connection = http.client.HTTPConnection(bind, int(port), timeout=5)
    try:
        for host, path in ((CAMTU, "/"), (CAMVAN, "/robots.txt"), (CAMTU, "/tin-trong-xa/"), ("nowhere.example", "/")):
            connection.request("GET", path, headers={"Host": host})
            response = connection.getresponse()
            response.read()
            assert response.version == 11 and response.status == (404 if host == "nowhere.example" else 200)
    finally:
        connection.close()


class _Gate(PortalApp):
    """A portal whose answers wait until `parties` requests are being answered at once."""

    def __init__(self, host: str, barrier: threading.Barrier) -> None:
        unit = UNIT_OF_HOST[host]
        super().__init__(site_for(unit.id), host, SCHEME_OF_HOST[host])
        self.barrier = barrier

    def handle(self, method: str, target: str, headers: dict[str, str]) -> Response:
        self.barrier.wait(timeout=20)
        return super().handle(method, target, headers)


def test_request_log_counts_in_flight_per_host(tmp_path: Path) -> None:
    barrier = threading.Barrier(3)
    apps = {CAMTU: _Gate(CAMTU, barrier), CAMVAN: PortalApp(site_for("camvan"), CAMVAN, "https")}
    with VirtualDistrict(apps, latency=0.01) as served:
        def fetch(path: str) -> None:
            _get(served, CAMTU, path)

        threads = [threading.Thread(target=fetch, args=(f"/tin-trong-xa/page-{n}",)) for n in (1, 2, 3)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        _get(served, f"{CAMVAN}:80", "/")
        log = served.request_log
        assert served.max_in_flight(CAMTU) == 3 and served.max_in_flight(CAMVAN) == 1
        assert served.max_in_flight("camtu.camthuy.thanhhoa.gov.vn:443") == 3
        written = served.write_request_log(tmp_path / "requests.tsv")
    assert sorted(r.in_flight for r in log if r.host == CAMTU) == [1, 2, 3]  # at start, itself included
    assert [(r.host, r.path, r.status) for r in log if r.host == CAMVAN] == [(CAMVAN, "/", 200)]
    lines = written.read_text(encoding="utf-8").splitlines()
    assert lines[0] == "host\tmethod\ttarget\tstatus\tms\tin_flight\tstart_s"
    assert len(lines) == 5 and all(len(line.split("\t")) == 7 for line in lines)
    assert lines[-1].startswith(f"{CAMVAN}\tGET\t/\t200\t") and lines[-1].split("\t")[5] == "1"
    starts = [float(line.split("\t")[6]) for line in lines[1:]]   # seconds after the first request
    assert starts[0] == 0.0 and starts == sorted(starts) and starts[-1] > 0


def test_national_portals_are_built_on_first_request_once() -> None:
    units = national_units(30)
    with VirtualDistrict.for_national(units) as served:
        assert served.built == 0 and len(served.hosts) == 30
        host = units[7].host
        barrier = threading.Barrier(6)
        answers: list[bytes] = []

        def fetch() -> None:
            barrier.wait(timeout=20)
            answers.append(_get(served, host, "/").content)

        threads = [threading.Thread(target=fetch) for _ in range(6)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert served.built == 1 and len(set(answers)) == 1 and len(answers) == 6
        assert _get(served, units[8].host, "/robots.txt").status_code == 200
        assert served.built == 2
        assert _get(served, "xa-khong-co-0000.national.example", "/").status_code == 404
        assert served.built == 2


def test_bounded_keep_rebuilds_the_same_bytes() -> None:
    units = national_units(4)
    with VirtualDistrict.for_national(units, keep=2) as served:
        first = {u.host: _get(served, u.host, "/").content for u in units}
        assert served.kept == 2 and served.built == 4
        again = {u.host: _get(served, u.host, "/").content for u in units}
        assert served.built == 8 and again == first


def test_mapping_of_apps_is_served_as_given() -> None:
    app = PortalApp(site_for("camtu"), "portal.example", "https")
    with VirtualDistrict({"portal.example": app}) as served:
        assert served.hosts == ("portal.example",)
        assert _get(served, "portal.example", "/tin-trong-xa/").status_code == 200
        assert _get(served, CAMTU, "/").status_code == 404


def _run_cli(tmp_path: Path, *args: str) -> tuple[dict[str, object], list[str]]:
    ready, log = tmp_path / "ready.json", tmp_path / "requests.tsv"
    command = [sys.executable, "-m", "camthuy_audit.simulator", "vhost", *args, "--latency", "0",
               "--ready", str(ready), "--log", str(log)]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, text=True)
    try:
        assert process.stdout is not None
        line = process.stdout.readline()  # printed once the ready file is written
        assert line.startswith("serving "), line
        info = json.loads(ready.read_text(encoding="utf-8"))
        for unit in info["units"]:
            response = httpx.get(f"http://{info['address']}/robots.txt", headers={"Host": unit["host"]}, timeout=10)
            assert response.status_code == 200
    finally:
        process.send_signal(signal.SIGTERM)
        assert process.wait(timeout=60) == 0
    return info, log.read_text(encoding="utf-8").splitlines()


def test_cli_serves_the_district_and_writes_ready_file_and_log(tmp_path: Path) -> None:
    info, lines = _run_cli(tmp_path, "--district", "2023-Q1")
    assert info["quarter"] == "2023-Q1" and str(info["address"]).startswith("127.0.0.1:")
    assert info["hosts"] == {host: UNIT_OF_HOST[host].id for host in KNOWN_HOSTS}
    units = info["units"]
    assert isinstance(units, list) and [u["id"] for u in units] == [unit.id for unit in UNITS]
    assert units[0] == {"id": "camvan", "name": "UBND xã Cẩm Vân", "url": f"https://{CAMVAN}/", "host": CAMVAN,
                        "platform": "thanhhoa", "posts": 41, "marks": "xxxxxxxxxx"}
    minimal = info["minimal"]
    assert isinstance(minimal, dict) and set(minimal) == {unit.host for unit in UNITS}
    assert lines[0] == "host\tmethod\ttarget\tstatus\tms\tin_flight\tstart_s" and len(lines) == 1 + len(UNITS)


def test_cli_serves_national_units(tmp_path: Path) -> None:
    info, lines = _run_cli(tmp_path, "--national", "6", "--seed", "3", "--keep", "2")
    units = national_units(6, seed=3)
    assert info["hosts"] == {u.host: u.id for u in units}
    served = info["units"]
    assert isinstance(served, list)
    assert [(u["id"], u["url"], u["posts"]) for u in served] == [(u.id, u.url, u.posts_in_quarter) for u in units]
    minimal = info["minimal"]
    assert isinstance(minimal, dict) and all(count > 20 for count in minimal.values())
    assert len(lines) == 7


def test_cli_minimal_without_serving(tmp_path: Path) -> None:
    out = tmp_path / "minimal.json"
    command = [sys.executable, "-m", "camthuy_audit.simulator", "minimal", "--national", "3", "--out", str(out)]
    subprocess.run(command, cwd=ROOT, check=True, timeout=120)
    counts = json.loads(out.read_text(encoding="utf-8"))
    assert list(counts) == [u.host for u in national_units(3)]


def test_cli_keeps_the_config_mode(tmp_path: Path) -> None:
    config = tmp_path / "empty.toml"
    config.write_text("[crawl]\n", encoding="utf-8")
    done = subprocess.run([sys.executable, "-m", "camthuy_audit.simulator", str(config)], cwd=ROOT,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2 and "no [resolve] table" in done.stderr
