"""The simulated district: the 17 commune portals of Cẩm Thủy as they stood on 2023-04-12.

It is the world the auditor is measured against, so it never imports the auditor's code. Each host
is served on its own loopback port with realistic markup of its platform (the thanhhoa commune
platform or NukeViet 4), and its content makes the Q1-2023 notice's figures true.

    with District({"camvan.camthuy.thanhhoa.gov.vn": "127.0.0.1:0"}) as district:
        district.addresses  # {"camvan.camthuy.thanhhoa.gov.vn": "127.0.0.1:41234"}
"""

from __future__ import annotations

from camthuy_audit.simulator.district import KNOWN_HOSTS, District, serve_forever
from camthuy_audit.simulator.server import RequestRecord

__all__ = ["KNOWN_HOSTS", "District", "RequestRecord", "serve_forever"]
