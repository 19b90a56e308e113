"""The minimal request set: what it holds, checked against the content and against the pages served."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

import pytest
from sim_html import Node
from sim_walk import Portal

from camthuy_audit.simulator import (
    NationalUnit,
    VirtualDistrict,
    district_minimal_requests,
    minimal_request_count,
    minimal_requests,
    national_minimal_requests,
    national_site,
    national_units,
)
from camthuy_audit.simulator.app import PortalApp
from camthuy_audit.simulator.minimal import banner_images, listing_pages, listing_target, section_pages
from camthuy_audit.simulator.model import MenuItem, Section, Site
from camthuy_audit.simulator.quarters import units_in
from camthuy_audit.simulator.units import UNITS, UNITS_BY_ID
from camthuy_audit.simulator.vn import Q1_END, Q1_START
from camthuy_audit.simulator.world import build_quarter_site, site_for

# Pinned: a change of the generator or of the definition shows here (benchmarks compare with these).
DISTRICT_Q1 = {"camvan": 26, "camgiang": 23, "camthanh": 24, "camquy": 16, "camtan": 28, "camngoc": 26, "camtu": 24,
               "camchau": 87, "camyen": 25, "camphu": 17, "camthach": 21, "cambinh": 24, "phongson": 22,
               "camlien": 17, "camlong": 23, "camluong": 55, "camtam": 26}
DISTRICT_Q2 = {"camvan": 26, "camgiang": 22, "camthanh": 25, "camquy": 16, "camtan": 28, "camngoc": 25, "camtu": 25,
               "camchau": 79, "camyen": 26, "camphu": 18, "camthach": 21, "cambinh": 24, "phongson": 23,
               "camlien": 17, "camlong": 23, "camluong": 64, "camtam": 24}
UNDATED = ("camchau", "camluong")


def _q1(published: datetime) -> bool:
    return Q1_START <= published < Q1_END


def _sites(national: list[NationalUnit]) -> list[tuple[str, Site]]:
    return [(unit.id, site_for(unit.id)) for unit in UNITS] + [(u.id, national_site(u)) for u in national]


def _menu_hrefs(items: list[MenuItem]) -> list[str]:
    return [href for item in items for href in (item.href, *_menu_hrefs(item.children))]


def _categories(site: Site) -> list[Section]:
    return [s for s in site.sections.values() if s.kind == "posts" and not s.empty
            and any(_q1(p.published) for p in s.listing())]


# -- content ------------------------------------------------------------------------------------------

def test_robots_and_home_first_and_each_target_once(national_sample: list[NationalUnit]) -> None:
    for name, site in _sites(national_sample):
        targets = minimal_requests(site)
        assert targets[:2] == ["/robots.txt", "/"], name
        assert len(targets) == len(set(targets)), name
        assert "/web/trang-chu" not in targets, name  # the thanhhoa home under its other path


def test_every_menu_and_side_section_page_once(national_sample: list[NationalUnit]) -> None:
    for name, site in _sites(national_sample):
        targets = minimal_requests(site)
        side = [link.href for block in site.left + site.right if block.kind == "links" for link in block.links]
        expected = {href for href in _menu_hrefs(site.menu) + side if href.startswith("/")
                    and href not in ("/", "/web/trang-chu")
                    and getattr(site.sections.get(href), "kind", "") != "login"}
        assert set(section_pages(site)) == expected, name
        assert expected <= set(targets), name
    camlien = section_pages(site_for("camlien"))
    assert "/users/login/" not in camlien  # its menu's "Thành viên" entry


def test_no_article_page_on_dated_listings(national_sample: list[NationalUnit]) -> None:
    for name, site in _sites(national_sample):
        if name in UNDATED:
            continue
        assert not [t for t in minimal_requests(site) if t in site.posts], name


@pytest.mark.parametrize("unit_id", UNDATED)
def test_undated_listings_count_article_pages(unit_id: str) -> None:
    site = site_for(unit_id)
    targets = minimal_requests(site)
    articles = {t for t in targets if t in site.posts}
    in_quarter = {p.path for p in site.posts.values() if _q1(p.published)}
    assert in_quarter <= articles  # every post of the quarter is dated from its article page
    outside = articles - in_quarter
    neighbours = set()
    for section in _categories(site):
        listing = section.listing()
        inside = [i for i, p in enumerate(listing) if _q1(p.published)]
        neighbours |= {listing[i].path for i in (inside[0] - 1, inside[-1] + 1) if 0 <= i < len(listing)}
    assert outside and outside <= neighbours  # and only the posts bounding the quarter besides


def test_listing_pages_follow_the_page_size(national_sample: list[NationalUnit]) -> None:
    for name, site in _sites(national_sample):
        size = site.unit.page_size
        targets = minimal_requests(site)
        for section in _categories(site):
            listing = section.listing()
            oldest = max(i for i, p in enumerate(listing) if _q1(p.published))
            pages = listing_pages(site, section)
            assert pages == oldest // size + 1, (name, section.path)
            for number in range(1, pages + 1):
                assert listing_target(site, section, number) in targets
            assert listing_target(site, section, pages + 1) not in targets
        assert all(listing_pages(site, s) == 0 for s in site.sections.values() if s not in _categories(site))


def test_group_pages_are_opened_once_not_paged() -> None:
    site = site_for("camvan")
    group = next(s for s in site.sections.values() if s.kind == "aggregate")
    targets = minimal_requests(site)
    assert group.path in targets and f"{group.path}?page=2" not in targets


def test_each_banner_image_once(national_sample: list[NationalUnit]) -> None:
    for name, site in _sites(national_sample):
        targets = minimal_requests(site)
        images = [b.image.path for block in site.left + site.right if block.kind == "banners" for b in block.banners]
        assert images and banner_images(site) == list(dict.fromkeys(images)), name
        assert [t for t in targets if t in site.images] == banner_images(site), name


def test_numbers_are_deterministic() -> None:
    for quarter, pinned in (("2023-Q1", DISTRICT_Q1), ("2023-Q2", DISTRICT_Q2)):
        counts = {unit.id: len(district_minimal_requests(quarter)[unit.host]) for unit in units_in(quarter)}
        assert counts == pinned, quarter
        fresh = build_quarter_site("camngoc", quarter)
        assert minimal_requests(fresh, quarter) == minimal_requests(site_for("camngoc", quarter), quarter)
    units = national_units(6, seed=2)
    first = national_minimal_requests(6, seed=2)
    assert first == national_minimal_requests(units) and list(first) == [u.host for u in units]
    assert first[units[0].host] == minimal_requests(national_site(units[0]))


def test_app_or_site_count_the_same() -> None:
    site = site_for("camtu")
    app = PortalApp(site, UNITS_BY_ID["camtu"].host, "https")
    assert minimal_requests(app) == minimal_requests(site)
    assert minimal_request_count(app) == len(minimal_requests(site)) == DISTRICT_Q1["camtu"]


# -- over HTTP ----------------------------------------------------------------------------------------

def _listed(doc: Node) -> list[Node]:
    container = doc.find("div", cls="news-list") or doc.find("div", cls="news_column")
    assert container is not None
    return container.find_all("div", cls="news-item") + container.find_all("div", cls="panel-body")


def _post_links(portal: Portal, target: str, doc: Node) -> list[str]:
    links = []
    for item in _listed(doc):
        heading = item.find("h3")
        anchor = heading.find("a") if heading else None
        local = portal.local(target, anchor.attrs.get("href", "")) if anchor else None
        if local and portal.is_post(local):
            links.append(local)
    return links


def _pager(portal: Portal, target: str, doc: Node) -> set[str]:
    pager = doc.find("ul", cls="pagination")
    return {local for a in (pager.find_all("a") if pager else []) if (local := portal.local(target, a.attrs["href"]))}


def _check_served(portal: Portal, site: Site) -> None:
    targets = minimal_requests(site)
    for target in targets:
        status = portal.get(target).status_code
        expected_missing = target.split("?")[0] not in site.sections and target in section_pages(site)
        assert status == (404 if expected_missing else 200), target
    size = site.unit.page_size
    for section in _categories(site):
        quarter = {p.path for p in section.listing() if _q1(p.published)}
        shown: list[str] = []
        pages = listing_pages(site, section)
        for number in range(1, pages + 1):
            target = listing_target(site, section, number)
            _response, doc = portal.page(target)
            links = _post_links(portal, target, doc)
            assert len(links) == size or number == pages, target  # full pages before the last
            if number < pages:
                assert listing_target(site, section, number + 1) in _pager(portal, target, doc)  # as linked
            shown += links
        assert quarter <= set(shown), section.path
        assert set(links) & quarter, section.path  # the last page counted holds a post of the quarter
    _response, home = portal.page("/")
    columns = [node for node in (home.find(id="col-left"), home.find(id="col-right"),
                                 home.find("div", cls="col-sm-8 col-md-6")) if node is not None]
    srcs = {portal.local("/", img.attrs["src"]) for column in columns for block in column.find_all("div")
            if {"block-banner", "nv-block-banners"} & block.classes for img in block.find_all("img")}
    assert srcs == set(banner_images(site))


@pytest.mark.parametrize("unit_id", [unit.id for unit in UNITS])
def test_district_targets_are_served_as_counted(unit_id: str, vdistrict: VirtualDistrict,
                                                vhost_client: Callable[..., Portal]) -> None:
    unit = UNITS_BY_ID[unit_id]
    portal = vhost_client(vdistrict, unit.host, unit.hosts[0][0], unit.platform == "nukeviet")
    _check_served(portal, site_for(unit_id))


@pytest.mark.parametrize("index", range(0, 24, 2))
def test_national_targets_are_served_as_counted(index: int, national_sample: list[NationalUnit],
                                                vnational: VirtualDistrict,
                                                vhost_client: Callable[..., Portal]) -> None:
    unit = national_sample[index]
    portal = vhost_client(vnational, unit.host, "https", unit.platform == "nukeviet")
    _check_served(portal, national_site(unit))
