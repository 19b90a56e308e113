"""Invented national units: deterministic, every section present, at least 20 posts of 2023-Q1
spread over at least two pages of a news listing — checked in the content and over HTTP."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from sim_walk import Portal, count_q1, walk_listings

from camthuy_audit.simulator import NationalUnit, VirtualDistrict, national_site, national_units
from camthuy_audit.simulator.banners import DVC_FEEDBACK, PROVINCE_FEEDBACK
from camthuy_audit.simulator.minimal import listing_pages
from camthuy_audit.simulator.model import MenuItem, Site
from camthuy_audit.simulator.units import SECTION_LABELS
from camthuy_audit.simulator.vn import Q1_END, Q1_START

UNIT_ID = re.compile(r"^[a-z0-9][a-z0-9_-]{0,63}$")  # as the config requires


def _labels(items: list[MenuItem]) -> set[str]:
    return {label for item in items for label in (item.label, *_labels(item.children))}


def _q1_posts(site: Site) -> int:
    return sum(1 for post in site.posts.values() if Q1_START <= post.published < Q1_END)


def test_units_are_deterministic_and_the_same_whatever_the_count() -> None:
    assert national_units(40) == national_units(40)
    assert national_units(40)[:7] == national_units(7)
    assert [u.definition for u in national_units(5)] == [u.definition for u in national_units(9)[:5]]
    assert [u.name for u in national_units(10, seed=1)] != [u.name for u in national_units(10)]


def test_ids_names_hosts_and_urls() -> None:
    units = national_units(3300)
    assert [u.index for u in units] == list(range(3300))
    assert len({u.id for u in units}) == len({u.host for u in units}) == len({u.name for u in units}) == 3300
    for unit in units:
        assert UNIT_ID.match(unit.id) and unit.id.endswith(f"-{unit.index:04d}"), unit.id
        assert unit.name.startswith(("UBND xã ", "UBND phường ")), unit.name
        assert unit.host == f"{unit.id}.national.example" and unit.url == f"https://{unit.host}/"
        assert unit.definition.hosts == (("https", unit.host),) and unit.definition.name == unit.name
        assert unit.posts_in_quarter >= 20


def test_both_platforms_and_both_kinds(national_sample: list[NationalUnit]) -> None:
    assert {u.platform for u in national_sample} == {"thanhhoa", "nukeviet"}
    assert {u.definition.kind for u in national_sample} == {"xã", "phường"}


def test_sites_are_deterministic(national_sample: list[NationalUnit]) -> None:
    unit = national_sample[3]
    first, second = national_site(unit), national_site(unit)
    assert [(p.path, p.published, p.title) for p in first.all_posts()] == \
        [(p.path, p.published, p.title) for p in second.all_posts()]


@pytest.mark.parametrize("index", range(24))
def test_every_section_is_present(index: int, national_sample: list[NationalUnit]) -> None:
    unit = national_sample[index]
    site = national_site(unit)
    by_key = {section.key: section for section in site.sections.values()}
    for key in SECTION_LABELS:
        section = by_key[key]
        assert not section.empty and (section.own_posts or (section.table and section.table.rows)), key
    labels = _labels(site.menu)
    definition = unit.definition
    assert {definition.home_label, definition.about, definition.news, "Văn bản", definition.procedures,
            "Liên hệ"} <= labels
    banners = [banner for block in site.left + site.right if block.kind == "banners" for banner in block.banners]
    feedback = by_key.get("feedback")
    targets = {DVC_FEEDBACK, PROVINCE_FEEDBACK} | ({feedback.path} if feedback else set())
    assert any(banner.href in targets for banner in banners)
    assert len(banners) >= 4
    responsible = next(line for line in site.footer_lines if line.startswith("Chịu trách nhiệm"))
    assert not responsible.split(":", 1)[1].strip().startswith(".")  # a name, not "Chịu trách nhiệm: ."
    assert any("Bản quyền" in line for line in site.footer_lines)


@pytest.mark.parametrize("index", range(24))
def test_quarter_posts_spread_over_two_news_pages(index: int, national_sample: list[NationalUnit]) -> None:
    unit = national_sample[index]
    site = national_site(unit)
    assert _q1_posts(site) == unit.posts_in_quarter >= 20
    local = next(section for section in site.sections.values() if section.key == "news-xa")
    assert listing_pages(site, local) >= 2


def test_the_two_pages_hold_for_many_units() -> None:
    for unit in national_units(300)[24:]:
        site = national_site(unit)
        local = next(section for section in site.sections.values() if section.key == "news-xa")
        assert listing_pages(site, local) >= 2, unit.id
        assert _q1_posts(site) == unit.posts_in_quarter >= 20, unit.id


@pytest.mark.parametrize("index", range(0, 24, 3))
def test_posts_found_through_listings_over_http(index: int, national_sample: list[NationalUnit],
                                                vnational: VirtualDistrict,
                                                vhost_client: Callable[..., Portal]) -> None:
    unit = national_sample[index]
    portal = vhost_client(vnational, unit.host, "https", unit.platform == "nukeviet")
    walk = walk_listings(portal)
    found, dates = count_q1(portal, walk.posts)
    assert found == unit.posts_in_quarter
    for path, shown in walk.posts.items():  # every listing shows each post's own date
        assert dates[path].strftime("%d/%m/%Y") in shown, (path, shown)
