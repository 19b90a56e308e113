"""Ground truth: the posts a reader finds by walking each portal's own listings match the seed."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sim_walk import Portal, count_q1, walk_listings

from camthuy_audit.simulator.units import UNITS

SEED_TOTAL = 624


@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.id)
def test_q1_posts_found_through_listings_match_the_seed(unit, portal: Callable[..., Portal]) -> None:
    site = portal(unit.id)
    walk = walk_listings(site)
    found, dates = count_q1(site, walk.posts)
    assert found == unit.q1_posts
    # where listings show a date, it is the article's own date
    for path, shown in walk.posts.items():
        if shown:
            assert dates[path].strftime("%d/%m/%Y") in shown, (path, shown)
    if unit.listing_dates == "none":
        assert not any(walk.posts.values())


def test_seed_total(portal: Callable[..., Portal]) -> None:
    assert sum(u.q1_posts for u in UNITS) == SEED_TOTAL


@pytest.mark.parametrize("host", ["thitranphongson.camthuy.thanhhoa.gov.vn", "thitran.camthuy.thanhhoa.gov.vn"])
def test_phong_son_counts_twelve_under_either_host(host: str, portal: Callable[..., Portal]) -> None:
    site = portal("phongson", host)
    walk = walk_listings(site)
    found, _dates = count_q1(site, walk.posts)
    assert found == 12


def test_phong_son_home_links_to_the_old_http_host(portal: Callable[..., Portal]) -> None:
    site = portal("phongson")
    html = site.get("/").text
    assert 'href="http://thitran.camthuy.thanhhoa.gov.vn/web/trang-chu/' in html
    listing = site.get("/web/trang-chu/tin-tuc-su-kien/tin-trong-thi-tran").text
    assert 'href="/web/trang-chu/tin-tuc-su-kien/tin-trong-thi-tran/' in listing
