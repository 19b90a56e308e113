"""HTTP behaviour and the public API of the simulated district."""

from __future__ import annotations

import http.client
import io
import socket
import threading
import time
from collections.abc import Callable

import httpx
import pytest
from sim_images import image_size
from sim_walk import Portal

from camthuy_audit.simulator import KNOWN_HOSTS, District, RequestRecord, serve_forever
from camthuy_audit.simulator import district as district_module
from camthuy_audit.simulator.world import build_site

CAMVAN = "camvan.camthuy.thanhhoa.gov.vn"
CAMTU = "camtu.camthuy.thanhhoa.gov.vn"


def test_known_hosts() -> None:
    assert len(KNOWN_HOSTS) == 18
    assert {"thitran.camthuy.thanhhoa.gov.vn", "thitranphongson.camthuy.thanhhoa.gov.vn", CAMVAN} <= KNOWN_HOSTS


def test_conditional_requests_and_head(portal: Callable[..., Portal]) -> None:
    site = portal("camvan")
    first = site.get("/web/trang-chu/tin-tuc-su-kien/tin-trong-xa")
    assert first.status_code == 200
    assert first.headers["content-type"] == "text/html; charset=utf-8"
    assert int(first.headers["content-length"]) == len(first.content)
    etag, modified = first.headers["etag"], first.headers["last-modified"]
    headers = {"Host": CAMVAN}
    assert site.client.get("/web/trang-chu/tin-tuc-su-kien/tin-trong-xa",
                           headers={**headers, "If-None-Match": etag}).status_code == 304
    assert site.client.get("/web/trang-chu/tin-tuc-su-kien/tin-trong-xa",
                           headers={**headers, "If-Modified-Since": modified}).status_code == 304
    older = "Sat, 01 Jan 2022 00:00:00 GMT"
    assert site.client.get("/web/trang-chu/tin-tuc-su-kien/tin-trong-xa",
                           headers={**headers, "If-Modified-Since": older}).status_code == 200
    head = site.client.head("/web/trang-chu/tin-tuc-su-kien/tin-trong-xa", headers=headers)
    assert head.status_code == 200 and head.content == b""
    assert head.headers["content-length"] == first.headers["content-length"]


def test_keep_alive(district: District) -> None:
    host, port = district.addresses[CAMTU].split(":")
    connection = http.client.HTTPConnection(host, int(port), timeout=5)
    try:
        for path in ("/", "/robots.txt", "/tin-trong-xa/"):
            connection.request("GET", path, headers={"Host": CAMTU})
            response = connection.getresponse()
            response.read()
            assert response.status == 200 and response.version == 11
            sock = connection.sock
            assert sock is not None
    finally:
        connection.close()


def test_robots_favicon_images_and_documents(portal: Callable[..., Portal]) -> None:
    site = portal("camvan")
    robots = site.get("/robots.txt")
    assert robots.headers["content-type"].startswith("text/plain")
    assert [line for line in robots.text.splitlines() if line.startswith(("Disallow", "Allow"))] == ["Disallow: /admin/"]
    icon = site.get("/favicon.ico")
    assert icon.status_code == 200 and icon.content[:4] == b"\x00\x00\x01\x00"
    header = site.get("/").text.split('class="img-responsive img-banner-top"')[0].rsplit('src="', 1)[1].split('"')[0]
    assert image_size(site.get(header).content) == (1000, 180)
    legal = site.get("/web/trang-chu/van-ban/van-ban-phap-quy").text
    pdf = legal.split('.pdf"')[0].rsplit('href="', 1)[1] + ".pdf"
    document = site.get(pdf)
    assert document.headers["content-type"] == "application/pdf" and document.content.startswith(b"%PDF-1.4")


def test_stop_host_refuses_connections_while_others_serve() -> None:
    with District({CAMVAN: "127.0.0.1:0", CAMTU: "127.0.0.1:0", "example.org": "127.0.0.1:0"}) as served:
        assert set(served.addresses) == {CAMVAN, CAMTU}
        camvan, camtu = served.addresses[CAMVAN], served.addresses[CAMTU]
        with httpx.Client() as client:
            assert client.get(f"http://{camvan}/", headers={"Host": CAMVAN}).status_code == 200
        served.stop_host(CAMVAN)
        assert CAMVAN not in served.addresses
        with httpx.Client() as client, pytest.raises(httpx.ConnectError):
            client.get(f"http://{camvan}/", headers={"Host": CAMVAN})
        assert httpx.get(f"http://{camtu}/", headers={"Host": CAMTU}).status_code == 200


def test_request_log_and_max_in_flight() -> None:
    with District({CAMTU: "127.0.0.1:0"}, latency=0.25) as served:
        address = served.addresses[CAMTU]

        def fetch(path: str) -> None:
            httpx.get(f"http://{address}{path}", headers={"Host": CAMTU}, timeout=5)

        threads = [threading.Thread(target=fetch, args=(f"/tin-trong-xa/page-{n}",)) for n in range(1, 5)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        fetch("/khong-co")
        # The server records a request once it has written the answer: the client may have it first.
        deadline = time.monotonic() + 10
        while len(served.request_log) < 5 and time.monotonic() < deadline:
            time.sleep(0.01)
        log = served.request_log
    assert all(isinstance(r, RequestRecord) for r in log)
    assert len(log) == 5 and served.max_in_flight(CAMTU) == 4
    assert all(r.ended - r.started >= 0.25 and r.host == CAMTU and r.method == "GET" for r in log)
    assert sorted(r.status for r in log) == [200, 200, 200, 200, 404]
    assert log[-1].path == "/khong-co" and log[-1].in_flight == 1
    assert served.max_in_flight(CAMVAN) == 0


def test_unknown_hosts_only_is_an_error() -> None:
    with pytest.raises(ValueError):
        District({"example.org": "127.0.0.1:0"})


def test_port_taken_names_host_and_port() -> None:
    blocker = socket.socket()
    blocker.bind(("127.0.0.1", 0))
    blocker.listen()
    port = blocker.getsockname()[1]
    try:
        district = District({CAMVAN: f"127.0.0.1:{port}"})
        with pytest.raises(OSError, match=rf"{CAMVAN}.*127\.0\.0\.1:{port}"):
            district.start()
    finally:
        blocker.close()


def test_serve_forever_prints_each_host_and_stops(monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupt() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(district_module, "_block_until_interrupted", interrupt)
    out = io.StringIO()
    serve_forever({CAMVAN: "127.0.0.1:0", CAMTU: "127.0.0.1:0"}, out=out)
    lines = out.getvalue().splitlines()
    assert [line.split(" -> ")[0] for line in lines] == [CAMVAN, CAMTU]
    assert all(line.split(" -> ")[1].startswith("http://127.0.0.1:") for line in lines)


def test_world_is_deterministic() -> None:
    from camthuy_audit.simulator.units import UNITS_BY_ID

    first, second = build_site(UNITS_BY_ID["camngoc"]), build_site(UNITS_BY_ID["camngoc"])
    assert [(p.path, p.published) for p in first.all_posts()] == [(p.path, p.published) for p in second.all_posts()]
    assert [b.image.path for block in first.left + first.right for b in block.banners] == \
        [b.image.path for block in second.left + second.right for b in block.banners]
