"""The simulated district: the 17 commune portals of Cẩm Thủy as they stood when a quarter was audited.

It is the world the auditor is measured against, so it never imports the auditor's code. Each host
is served on its own loopback port with realistic markup of its platform (the thanhhoa commune
platform or NukeViet 4). By default it serves 2023-Q1 (audited 2023-04-12), whose content makes the
Q1-2023 notice's figures true; `quarter="2023-Q2"` serves the same portals three months later
(audited 2023-07-05). `truth` states what each quarter's audit must find.

    with District({"camvan.camthuy.thanhhoa.gov.vn": "127.0.0.1:0"}) as district:
        district.addresses  # {"camvan.camthuy.thanhhoa.gov.vn": "127.0.0.1:41234"}

For benchmarks: `VirtualDistrict` serves many portals on one port by Host header (the district with
`VirtualDistrict.for_district`, invented national units with `VirtualDistrict.for_national`);
`national_units` invents the units (national.py); `minimal_requests` states the fewest requests
that audit a portal (minimal.py); `python -m camthuy_audit.simulator vhost` runs it all in a
process of its own (vhost_cli.py).
"""

from __future__ import annotations

from camthuy_audit.simulator.district import KNOWN_HOSTS, District, serve_forever
from camthuy_audit.simulator.minimal import (
    district_minimal_requests,
    minimal_request_count,
    minimal_requests,
    national_minimal_requests,
)
from camthuy_audit.simulator.national import NationalUnit, national_app, national_site, national_units
from camthuy_audit.simulator.quarters import QUARTERS
from camthuy_audit.simulator.server import RequestRecord
from camthuy_audit.simulator.truth import (
    expected_marks,
    expected_posts,
    expected_stale_banners,
    expected_stale_categories,
)
from camthuy_audit.simulator.vhost import VirtualDistrict

__all__ = [
    "KNOWN_HOSTS",
    "QUARTERS",
    "District",
    "NationalUnit",
    "RequestRecord",
    "VirtualDistrict",
    "district_minimal_requests",
    "expected_marks",
    "expected_posts",
    "expected_stale_banners",
    "expected_stale_categories",
    "minimal_request_count",
    "minimal_requests",
    "national_app",
    "national_minimal_requests",
    "national_site",
    "national_units",
    "serve_forever",
]
