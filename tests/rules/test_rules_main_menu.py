from __future__ import annotations

import unicodedata

from camthuy_audit.models import Link
from camthuy_audit.rules import main_menu


def test_full_menu_passes(build, ctx):
    verdict = main_menu.check(build.snapshot(), ctx)
    assert verdict.mark == "x"
    assert sum(e.kind == "found" for e in verdict.evidence) == 6


def test_order_case_unicode_form_and_diacritics_do_not_matter(build, ctx):
    menus = [
        ["Liên hệ", "Thủ tục hành chính", "Văn bản", "Tin tức - Sự kiện", "Giới thiệu", "Trang chủ"],
        [unicodedata.normalize("NFD", label) for label in
         ["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản", "Thủ tục hành chính", "Liên hệ"]],
        ["TRANG CHỦ", "GIỚI THIỆU", "TIN TỨC - SỰ KIỆN", "VĂN BẢN", "THỦ TỤC HÀNH CHÍNH", "LIÊN HỆ"],
        ["Trang chu", "Gioi thieu", "Tin tuc - Su kien", "Van ban", "Thu tuc hanh chinh", "Lien he"],
        ["Trang chủ", "Tổng quan", "Tin tức", "Văn bản QPPL", "TTHC", "Liên hệ - Góp ý"],
    ]
    for labels in menus:
        assert main_menu.check(build.snapshot(menu=build.menu(*labels)), ctx).mark == "x", labels


def test_first_level_submenu_and_title_attribute_count(build, ctx):
    menu = build.menu(
        build.item("", title="Trang chủ", url=build.home + "/"),
        build.item("Giới thiệu", "Liên hệ"),
        "Tin tức - Sự kiện",
        build.item("Văn bản", "Thủ tục hành chính"),
    )
    assert main_menu.check(build.snapshot(menu=menu), ctx).mark == "x"


def test_second_level_submenu_does_not_count(build, ctx):
    deep = build.item("Giới thiệu", build.item("Tổng quan", "Liên hệ"))
    menu = build.menu("Trang chủ", deep, "Tin tức - Sự kiện", "Văn bản", "Thủ tục hành chính")
    verdict = main_menu.check(build.snapshot(menu=menu), ctx)
    assert verdict.mark == "o"
    assert verdict.reason == "Menu chính thiếu: Liên hệ"


def test_missing_entries_are_listed_with_what_was_found(build, ctx):
    snapshot = build.snapshot(menu=build.menu("Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản"),
                              menu_source="ul.menu-top")
    verdict = main_menu.check(snapshot, ctx)
    assert verdict.mark == "o"
    missing = [e.text for e in verdict.evidence if e.kind == "missing"]
    assert len(missing) == 2
    assert "“Thủ tục hành chính”" in missing[0] and "“Liên hệ”" in missing[1]
    assert sum(e.kind == "found" for e in verdict.evidence) == 4
    assert any("ul.menu-top" in e.text for e in verdict.evidence)


def test_link_in_top_bar_or_footer_does_not_count_but_is_mentioned(build, ctx):
    snapshot = build.snapshot(menu=build.menu(*["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản",
                                                "Thủ tục hành chính"]),
                              other_nav=[Link(url=build.home + "/lien-he", label="Liên hệ")])
    verdict = main_menu.check(snapshot, ctx)
    assert verdict.mark == "o"
    notes = [e for e in verdict.evidence if e.kind == "note" and "thanh trên/chân trang" in e.text]
    assert len(notes) == 1
    assert notes[0].text.startswith("Liên hệ chỉ có ở thanh trên/chân trang")
    assert notes[0].url == build.home + "/lien-he"


def test_unrecognised_menu_is_unknown(build, ctx):
    verdict = main_menu.check(build.snapshot(menu=[]), ctx)
    assert verdict.mark == "?"
    assert "không xác định được menu chính" in verdict.reason.lower()


def test_a_menu_without_any_familiar_entry_is_unknown_not_o() -> None:
    """Probably not the main menu at all (a link list taken by mistake): never accuse on it."""
    from datetime import datetime

    from camthuy_audit.config import rules_only_config
    from camthuy_audit.models import MenuItem, PortalSnapshot
    from camthuy_audit.quarter import Quarter
    from camthuy_audit.rules import RuleContext
    from camthuy_audit.rules.main_menu import check

    menu = [MenuItem(label=label, url=f"https://x.vn/{i}") for i, label in
            enumerate(["Cổng TTĐT Chính phủ", "Báo Thanh Hóa", "Sở TT&TT", "Thư điện tử công vụ"])]
    snapshot = PortalSnapshot(unit_id="x", url="https://x.vn/", fetched_at=datetime(2023, 4, 12), reachable=True,
                              menu=menu)
    verdict = check(snapshot, RuleContext(rules=rules_only_config().rules, quarter=Quarter.parse("2023-Q1")))
    assert verdict.mark == "?"


def test_missing_entries_of_an_uncertain_menu_are_unknown_not_o(build, ctx):
    menu = build.menu("Trang chủ", "Liên hệ", "Sơ đồ site", "Hỏi đáp")
    signals = ["không có thẻ/lớp đánh dấu menu (nav, menu)", "4 mục cấp 1", "có 1 khung menu trống"]
    unsure = main_menu.check(build.snapshot(menu=menu, menu_confident=False, menu_signals=signals), ctx)
    assert unsure.mark == "?"
    assert "không xác định được menu chính" in unsure.reason.lower() and "khung menu trống" in unsure.reason
    sure = main_menu.check(build.snapshot(menu=menu, menu_confident=True, menu_signals=signals[:1]), ctx)
    assert sure.mark == "o"
    # An uncertain list that holds every required entry is positive evidence all the same.
    full = build.menu(*["Trang chủ", "Giới thiệu", "Tin tức - Sự kiện", "Văn bản", "Thủ tục hành chính", "Liên hệ"])
    assert main_menu.check(build.snapshot(menu=full, menu_confident=False), ctx).mark == "x"
