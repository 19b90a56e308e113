"""2023-Q2 (audited 2023-07-05 09:00 +07:00): the ground truth of `camthuy_audit.simulator.truth`
is what a careful reader finds over raw HTTP, and the Q1 ground truth is the seed notice."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime

import pytest
from seed import load_seed, unit_key
from sim_crawl import district_fingerprints
from sim_html import Node, fold, parse
from sim_marks import observed_marks
from sim_walk import Q1, Q2, VN, Portal, count_in, post_date, walk_listings

from camthuy_audit.simulator import (
    KNOWN_HOSTS,
    QUARTERS,
    District,
    expected_marks,
    expected_posts,
    expected_stale_banners,
    expected_stale_categories,
    serve_forever,
)
from camthuy_audit.simulator.quarters import CHANGES, unit_in
from camthuy_audit.simulator.units import CHECKS, UNITS, UNITS_BY_ID
from camthuy_audit.simulator.world import build_quarter_site

AUDIT = datetime(2023, 7, 5, 9, 0, tzinfo=VN)
YEAR = re.compile(r"\b20(1\d|2[0-2])\b")
TRUTH = (expected_marks, expected_posts, expected_stale_banners, expected_stale_categories)


def _home(opener: Callable[..., Portal], unit_id: str) -> tuple[Portal, Node]:
    site = opener(unit_id)
    return site, parse(site.get("/").text)


def _side_banners(doc: Node) -> list[tuple[Node, Node]]:
    columns = [doc.find(id="col-left"), doc.find(id="col-right"), doc.find("div", cls="col-sm-8 col-md-6")]
    return [(a, a.find("img")) for col in columns if col is not None for a in col.find_all("a") if a.find("img")]


def _top_menu(doc: Node) -> list[str]:
    menu = doc.find("ul", cls="menu-top") or doc.find("ul", cls="nav navbar-nav")
    assert menu is not None
    return [fold(li.direct("a")[0].text()) for li in menu.direct("li")]


# -- the interface ------------------------------------------------------------------------------------

def test_quarters_and_unknown_quarter() -> None:
    assert QUARTERS == ("2023-Q1", "2023-Q2")
    with pytest.raises(ValueError, match=r"2023-Q3.*2023-Q1.*2023-Q2"):
        District({"camvan.camthuy.thanhhoa.gov.vn": "127.0.0.1:0"}, quarter="2023-Q3")
    for truth in TRUTH:
        with pytest.raises(ValueError, match="2023-Q1, 2023-Q2"):
            truth("2022-Q4")
    assert District({"camvan.camthuy.thanhhoa.gov.vn": "127.0.0.1:0"}, quarter="2023-Q2").quarter == "2023-Q2"


def test_q1_truth_is_the_seed() -> None:
    seed = load_seed()
    key = {unit.id: unit_key(unit.name) for unit in UNITS}
    assert list(expected_marks("2023-Q1")) == [unit.id for unit in UNITS]
    assert {key[u]: list(marks) for u, marks in expected_marks("2023-Q1").items()} == seed.appendix1
    assert {key[u]: n for u, n in expected_posts("2023-Q1").items()} == seed.posts
    assert sum(expected_posts("2023-Q1").values()) == seed.total == 624
    assert {key[u] for u in expected_stale_banners("2023-Q1")} == seed.stale_banner
    assert {key[u] for u in expected_stale_categories("2023-Q1")} == seed.stale_category
    assert expected_stale_banners("2023-Q1") == {
        "camyen": ["Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2022"],
        "camtam": ["Chào mừng kỷ niệm 40 năm Ngày Nhà giáo Việt Nam 20/11/1982 - 20/11/2022",
                   "Ngày hội Đại đoàn kết toàn dân tộc 18/11/2022"],
    }
    assert list(expected_stale_categories("2023-Q1")) == ["camphu"]


def test_q2_truth_moved_on() -> None:
    before, after = expected_marks("2023-Q1"), expected_marks("2023-Q2")
    better = {u for u in before if any(a == "o" and b == "x" for a, b in zip(before[u], after[u], strict=True))}
    worse = {u for u in before if any(a == "x" and b == "o" for a, b in zip(before[u], after[u], strict=True))}
    assert better == {"camthanh", "camyen", "camphu", "camlong"}
    assert worse == {"camvan", "camgiang", "camluong"}
    assert all(len(marks) == len(CHECKS) for marks in after.values())
    posts = expected_posts("2023-Q2")
    assert all(5 <= n <= 90 for n in posts.values())
    q1 = expected_posts("2023-Q1")
    assert sum(posts[u] > q1[u] for u in posts) >= 5 and sum(posts[u] < q1[u] for u in posts) >= 5
    assert expected_stale_banners("2023-Q2") == {
        "camtam": ["Chào mừng kỷ niệm 40 năm Ngày Nhà giáo Việt Nam 20/11/1982 - 20/11/2022"]}
    assert expected_stale_categories("2023-Q2") == {}


def test_serve_forever_takes_the_quarter(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from camthuy_audit.simulator import district as district_module

    served: list[str] = []
    original = district_module.District.start

    def start(self: District) -> None:
        served.append(self.quarter)
        original(self)

    def interrupt() -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(district_module.District, "start", start)
    monkeypatch.setattr(district_module, "_block_until_interrupted", interrupt)
    serve_forever({"camvan.camthuy.thanhhoa.gov.vn": "127.0.0.1:0"}, out=io.StringIO(), quarter="2023-Q2")
    assert served == ["2023-Q2"]


# -- marks ----------------------------------------------------------------------------------------------

@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.id)
def test_q2_appendix1_marks_hold(unit, portal_q2: Callable[..., Portal]) -> None:
    assert "".join(observed_marks(portal_q2(unit.id)).values()) == expected_marks("2023-Q2")[unit.id]


def test_camthanh_added_contact_to_its_main_menu(portal: Callable[..., Portal],
                                                  portal_q2: Callable[..., Portal]) -> None:
    assert "lien he" not in _top_menu(_home(portal, "camthanh")[1])
    site, home = _home(portal_q2, "camthanh")
    assert "lien he" in _top_menu(home)
    menu = home.find("ul", cls="menu-top")
    assert menu is not None
    href = next(a.attrs["href"] for a in menu.find_all("a") if fold(a.text()) == "lien he")
    assert site.get(href).status_code == 200


def test_camyen_created_legal_documents_and_tourism(portal: Callable[..., Portal],
                                                    portal_q2: Callable[..., Portal]) -> None:
    legal = "/web/trang-chu/van-ban/van-ban-phap-quy"
    tourism = "/web/trang-chu/chuyen-muc/du-lich-le-hoi"
    q1 = portal("camyen")
    assert q1.get(legal).status_code == 404 and q1.get(tourism).status_code == 404
    site, home = _home(portal_q2, "camyen")
    hrefs = {site.local("/", a.attrs.get("href", "")) for a in home.find_all("a")}
    assert {legal, tourism} <= hrefs
    page = site.get(legal)
    assert page.status_code == 200 and page.text.count('.pdf"') >= 5
    listing = parse(site.get(tourism).text)
    posts = [site.local(tourism, a.attrs["href"]) for h3 in listing.find_all("h3", cls="news-title")
             for a in h3.find_all("a")]
    assert posts and all(Q2[0] <= post_date(site, p or "") < AUDIT for p in posts)


def test_camphu_created_a_schedule_and_removed_the_election_category(portal: Callable[..., Portal],
                                                                     portal_q2: Callable[..., Portal]) -> None:
    _, q1_home = _home(portal, "camphu")
    election = next(a.attrs["href"] for a in q1_home.find_all("a") if "bau cu" in fold(a.text()))
    q1_posts = [a.attrs["href"] for a in parse(portal("camphu").get(election).text).find_all("a")
                if a.attrs.get("href", "").startswith(election + "/")]
    assert len(q1_posts) >= 5
    site, home = _home(portal_q2, "camphu")
    assert not any("bau cu" in fold(a.text() + " " + a.attrs.get("title", "")) for a in home.find_all("a"))
    assert site.get(election).status_code == 404
    assert all(site.get(path).status_code == 404 for path in q1_posts)  # deleted with their category
    assert "lich tiep cong dan" in _top_menu(home)
    schedule = parse(site.get("/web/trang-chu/lich-tiep-cong-dan").text)
    body = schedule.find("tbody")
    assert body is not None
    rows = [r for r in body.find_all("tr") if r.find("td")]
    assert len(rows) == 6 and rows[0].find_all("td")[0].text() == "07/2023"


def test_camlong_tourism_category_has_posts_now(portal: Callable[..., Portal],
                                                portal_q2: Callable[..., Portal]) -> None:
    assert "Chưa có dữ liệu" in portal("camlong").get("/web/trang-chu/du-lich").text
    page = portal_q2("camlong").get("/web/trang-chu/du-lich").text
    assert "Chưa có dữ liệu" not in page and 'class="news-title"' in page


def test_camvan_footer_lost_the_responsible_persons_name(portal: Callable[..., Portal],
                                                         portal_q2: Callable[..., Portal]) -> None:
    before = portal("camvan").get("/").text
    after = portal_q2("camvan").get("/").text
    assert re.search(r"Chịu trách nhiệm nội dung: [A-ZĐ][^.<]+\. SĐT 09", before)
    assert re.search(r"Chịu trách nhiệm nội dung: \. SĐT 09\d\d \d{3} \d{3}", after)
    assert "Bản quyền thuộc về: UBND XÃ CẨM VÂN" in after


def test_camgiang_removed_its_feedback_banner(portal: Callable[..., Portal],
                                              portal_q2: Callable[..., Portal]) -> None:
    def feedback(opener: Callable[..., Portal]) -> list[str]:
        _, home = _home(opener, "camgiang")
        return [a.attrs["href"] for a, _ in _side_banners(home) if "phan-anh-kien-nghi" in a.attrs["href"]]

    assert len(feedback(portal)) == 1
    assert feedback(portal_q2) == []
    _, home = _home(portal_q2, "camgiang")
    assert len(_side_banners(home)) >= 3  # the other banners stay


def test_camluong_legal_documents_page_is_empty_now(portal: Callable[..., Portal],
                                                    portal_q2: Callable[..., Portal]) -> None:
    path = "/web/trang-chu/van-ban/van-ban-phap-quy"
    assert '.pdf"' in portal("camluong").get(path).text
    page = portal_q2("camluong").get(path)
    assert page.status_code == 200 and "<tbody>\n\n</tbody>" in page.text


# -- stale banners and categories -------------------------------------------------------------------------

def test_q2_stale_banners(portal: Callable[..., Portal], portal_q2: Callable[..., Portal]) -> None:
    _, camyen = _home(portal_q2, "camyen")
    assert not any("chuyen-doi-so" in a.attrs["href"] for a, _ in _side_banners(camyen))
    q1_site, q1_camyen = _home(portal, "camyen")
    stale = next(a.attrs["href"] for a, _ in _side_banners(q1_camyen) if "chuyen-doi-so" in a.attrs["href"])
    assert portal_q2("camyen").get(q1_site.local("/", stale) or "").status_code == 200  # the post stays

    _, camtam = _home(portal_q2, "camtam")
    texts = [i.attrs.get("alt", "") + " " + a.attrs.get("title", "") + " " + a.attrs["href"]
             for a, i in _side_banners(camtam)]
    assert sum("Ngày Nhà giáo Việt Nam 20/11/1982 - 20/11/2022" in t for t in texts) == 1
    assert not any("dai-doan-ket" in t or "Đại đoàn kết" in t for t in texts)

    showing = set()
    for unit in UNITS:
        _, home = _home(portal_q2, unit.id)
        for anchor, image in _side_banners(home):
            visible = " ".join((image.attrs.get("alt", ""), image.attrs.get("title", ""), anchor.attrs.get("title", ""),
                                image.attrs["src"].rsplit("/", 1)[-1], anchor.attrs["href"].rsplit("/", 1)[-1]))
            if YEAR.search(visible):
                showing.add(unit.id)
    assert showing == set(expected_stale_banners("2023-Q2"))


def test_q2_no_unit_keeps_an_election_category(portal_q2: Callable[..., Portal]) -> None:
    for unit in UNITS:
        _, home = _home(portal_q2, unit.id)
        assert not any("bau cu" in label for label in _top_menu(home)), unit.id


# -- posts ------------------------------------------------------------------------------------------------

@pytest.mark.parametrize("unit", UNITS, ids=lambda u: u.id)
def test_q2_posts_found_through_listings(unit, portal_q2: Callable[..., Portal]) -> None:
    site = portal_q2(unit.id)
    walk = walk_listings(site)
    dates = {path: post_date(site, path) for path in walk.posts}
    assert count_in(dates, Q2) == expected_posts("2023-Q2")[unit.id]
    assert count_in(dates, Q1) == unit.q1_posts  # the Q1 posts stay, now older
    assert max(dates.values()) < AUDIT
    after = [d for d in dates.values() if d >= Q2[1]]
    assert len(after) == CHANGES["2023-Q2"][unit.id].after + CHANGES["2023-Q2"][unit.id].edge
    for path, shown in walk.posts.items():
        if shown:
            assert dates[path].strftime("%d/%m/%Y") in shown, (path, shown)
    if unit.listing_dates == "none":
        assert not any(walk.posts.values())


EDGE_UNITS = [u.id for u in UNITS if unit_in(u.id, "2023-Q2").edge_cases]


@pytest.mark.parametrize("unit_id", EDGE_UNITS)
def test_q2_edge_posts(unit_id: str, portal_q2: Callable[..., Portal]) -> None:
    site = portal_q2(unit_id)
    dates = {post_date(site, path) for path in walk_listings(site).posts}
    minutes = {d.replace(second=0) for d in dates}
    assert datetime(2023, 6, 30, 23, 50, tzinfo=VN) in minutes   # in
    assert datetime(2023, 7, 1, 0, 10, tzinfo=VN) in minutes     # out, after
    assert datetime(2023, 3, 31, 23, 50, tzinfo=VN) in minutes   # out, before


def test_q2_edge_units() -> None:
    assert EDGE_UNITS == ["camvan", "camtu", "camchau", "cambinh"]
    assert all(UNITS_BY_ID[u].edge_cases for u in EDGE_UNITS)  # the 31/03/2023 23:50 post is a Q1 edge post


def test_camtu_rss_dates_the_july_edge_post_in_june_gmt(portal_q2: Callable[..., Portal]) -> None:
    rss = portal_q2("camtu").get("/rss/tin-trong-xa/").text
    assert "<pubDate>Fri, 30 Jun 2023 17:10:05 GMT</pubDate>" in rss   # 01/07/2023 00:10:05 +07:00, out
    assert "<pubDate>Fri, 30 Jun 2023 16:50:21 GMT</pubDate>" in rss   # 30/06/2023 23:50:21 +07:00, in


# -- the rest of the portal three months later -------------------------------------------------------------

def test_q2_top_bar_shows_the_audit_day(portal: Callable[..., Portal], portal_q2: Callable[..., Portal]) -> None:
    assert "Thứ tư, 12/04/2023" in portal("camvan").get("/").text
    assert "Thứ tư, 05/07/2023" in portal_q2("camvan").get("/").text


def test_q2_keeps_what_did_not_change(portal: Callable[..., Portal], portal_q2: Callable[..., Portal]) -> None:
    for unit_id in ("camtu", "camngoc", "phongson"):
        before, after = _home(portal, unit_id)[1], _home(portal_q2, unit_id)[1]
        footer = [(d.find(id="footer") or d.find("footer")) for d in (before, after)]
        assert footer[0] is not None and footer[1] is not None and footer[0].text() == footer[1].text()
        assert [i.attrs["src"] for _a, i in _side_banners(before)] == [i.attrs["src"] for _a, i in _side_banners(after)]
        assert _top_menu(before) == _top_menu(after)
    # the schedule table is kept up to date by the same people
    rows = {}
    for opener in (portal, portal_q2):
        body = parse(opener("camvan").get("/web/trang-chu/chuyen-muc/lich-tiep-cong-dan").text).find("tbody")
        assert body is not None
        rows[opener] = [[td.text() for td in tr.find_all("td")] for tr in body.find_all("tr")]
    assert rows[portal][0][0] == "04/2023" and rows[portal_q2][0][0] == "07/2023"
    assert {r[1] for r in rows[portal]} == {r[1] for r in rows[portal_q2]}


def test_q1_posts_keep_their_address_in_q2(portal: Callable[..., Portal], portal_q2: Callable[..., Portal]) -> None:
    for unit_id in ("camvan", "camtu"):
        paths = list(walk_listings(portal(unit_id)).posts)
        after = portal_q2(unit_id)
        assert all(after.get(path).status_code == 200 for path in paths)


def test_q2_is_deterministic_and_differs_from_q1(district: District, district_q2: District) -> None:
    first, second = build_quarter_site("camyen", "2023-Q2"), build_quarter_site("camyen", "2023-Q2")
    assert [(p.path, p.published, p.title) for p in first.all_posts()] == \
        [(p.path, p.published, p.title) for p in second.all_posts()]
    hosts = {"camtu.camthuy.thanhhoa.gov.vn", "camlien.camthuy.thanhhoa.gov.vn"}
    q1 = district_fingerprints({h: a for h, a in district.addresses.items() if h in hosts})
    q2 = district_fingerprints({h: a for h, a in district_q2.addresses.items() if h in hosts})
    assert all(q1[h].digest != q2[h].digest for h in hosts)
    assert set(district_q2.addresses) == set(KNOWN_HOSTS)
