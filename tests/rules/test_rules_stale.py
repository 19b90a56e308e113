from __future__ import annotations

from camthuy_audit.models import Link, SideSection
from camthuy_audit.rules import stale_banners, stale_categories

CAMYEN_LINK = "/web/trang-chu/tin-tuc/huong-ung-ngay-chuyen-doi-so-quoc-gia-10-10-2022.html"


def banners_verdict(build, ctx, *banners):
    return stale_banners.check(build.snapshot(banners=list(banners)), ctx)


def test_camyen_digital_transformation_day_banner_is_stale(build, ctx):
    banner = build.banner("/file/thumb/500/123.jpg", alt="image banner", link_url=build.home + CAMYEN_LINK)
    verdict = banners_verdict(build, ctx, banner)
    assert verdict.mark == "o"
    [finding] = verdict.findings
    assert finding.note == "Ngày Chuyển đổi số quốc gia (từ năm 2022)"
    assert finding.label == "huong ung ngay chuyen doi so quoc gia 10 10 2022"
    assert finding.url == build.home + "/file/thumb/500/123.jpg"
    assert finding.link_url == build.home + CAMYEN_LINK
    assert "10/10/2022" in verdict.evidence[0].text


def test_camtam_teachers_day_and_great_unity_day_banners_are_stale(build, ctx):
    teachers = build.banner("/file/thumb/500/7.jpg", alt="Chào mừng ngày Nhà giáo Việt Nam 20/11/2022")
    unity = build.banner("/file/thumb/500/8.jpg", alt="image banner",
                         title="NGÀY HỘI ĐẠI ĐOÀN KẾT TOÀN DÂN TỘC 18/11/2022")
    service = build.banner("/file/thumb/500/9.jpg", alt="Dịch vụ công trực tuyến")
    verdict = banners_verdict(build, ctx, teachers, unity, service)
    assert verdict.mark == "o"
    assert [f.note for f in verdict.findings] == [
        "Ngày Nhà giáo Việt Nam (từ năm 2022)",
        "Ngày hội Đại đoàn kết toàn dân tộc (ngày MTDT thống nhất) (từ năm 2022)",
    ]
    assert verdict.findings[1].label == "NGÀY HỘI ĐẠI ĐOÀN KẾT TOÀN DÂN TỘC 18/11/2022"


def test_upload_folder_year_does_not_date_a_banner(build, ctx):
    banner = build.banner("/uploads/2022/10/cong-dich-vu-cong.png", alt="image banner",
                          link_url="https://dichvucong.gov.vn/p/home/dvc-trang-chu.html")
    verdict = banners_verdict(build, ctx, banner)
    assert verdict.mark == "x" and not verdict.findings


def test_generic_digital_transformation_banner_is_not_stale(build, ctx):
    banner = build.banner("/uploads/2022/10/chuyen-doi-so.png", alt="Chuyển đổi số",
                          link_url=build.home + "/web/trang-chu/chuyen-doi-so")
    assert banners_verdict(build, ctx, banner).mark == "x"


def test_banner_dated_by_an_earlier_year_alone_is_stale(build, ctx):
    old_plan = build.banner("/file/thumb/500/5.jpg", alt="Kế hoạch thi đua năm 2022")
    verdict = banners_verdict(build, ctx, old_plan)
    assert verdict.mark == "o"
    assert verdict.findings[0].note == "Kế hoạch thi đua năm 2022 (từ năm 2022)"


def test_current_term_history_and_ids_do_not_date_a_banner(build, ctx):
    banners = [
        build.banner("/file/thumb/500/2019.jpg", alt="image banner"),
        build.banner("/file/thumb/500/6.jpg", alt="Đại hội Đảng bộ xã nhiệm kỳ 2020-2025"),
        build.banner("/file/thumb/500/7.jpg", alt="Kỷ niệm Cách mạng tháng Tám 1945"),
        build.banner("/file/thumb/500/8.jpg", alt="Năm 2023 - năm chuyển đổi số"),
    ]
    verdict = banners_verdict(build, ctx, *banners)
    assert verdict.mark == "x", verdict.findings


def test_same_banner_twice_is_one_finding(build, ctx):
    banner = build.banner("/file/thumb/500/7.jpg", alt="Ngày Nhà giáo Việt Nam 20/11/2022")
    assert len(banners_verdict(build, ctx, banner, banner).findings) == 1


def categories_verdict(build, ctx, menu, side=()):
    return stale_categories.check(build.snapshot(menu=menu, side_sections=list(side)), ctx)


def election_menu(build, label="Bầu cử ĐBQH và HĐND các cấp"):
    election = build.item(label, "Tin bầu cử", "Văn bản bầu cử")
    return build.menu("Trang chủ", "Giới thiệu", build.item("Chuyên mục", election, "Chuyển đổi số"))


def test_election_category_is_stale_in_2023(build, ctx):
    verdict = categories_verdict(build, ctx, election_menu(build))
    assert verdict.mark == "o"
    [finding] = verdict.findings           # its children are not reported again
    assert finding.label == "Bầu cử ĐBQH và HĐND các cấp"
    assert finding.note == "Bầu cử đại biểu Quốc hội và HĐND các cấp (từ năm 2021)"
    assert finding.url.endswith("/bau-cu-dbqh-va-hdnd-cac-cap")


def test_election_category_is_legitimate_in_early_2026(build, ctx_for):
    for label in ["Bầu cử đại biểu Quốc hội khóa XVI và HĐND các cấp nhiệm kỳ 2026 - 2031",
                  "Bầu cử ĐBQH và HĐND các cấp", "Bầu cử ĐBQH khóa XVI"]:
        verdict = categories_verdict(build, ctx_for("2026-Q1"), election_menu(build, label))
        assert verdict.mark == "x", label


def test_a_term_names_the_year_it_was_elected(build, ctx_for):
    # "nhiệm kỳ 2021 - 2026" and "khóa XV" are the 2021 election: stale in 2023 and still in 2026-Q1.
    for label in ["Bầu cử nhiệm kỳ 2021 - 2026", "Bầu cử đại biểu Quốc hội khóa XV",
                  "Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026",
                  "Cuộc bầu cử ngày 23 tháng 5 năm 2021"]:
        for quarter in ("2023-Q1", "2026-Q1"):
            verdict = categories_verdict(build, ctx_for(quarter), election_menu(build, label))
            assert verdict.mark == "o", (label, quarter)
            assert verdict.findings[0].note.endswith("(từ năm 2021)")


def test_election_category_found_by_slug_or_side_section(build, ctx):
    by_slug = build.menu("Trang chủ", build.item("Chuyên đề", url=build.url("bau-cu-2021")))
    assert categories_verdict(build, ctx, by_slug).mark == "o"
    side = SideSection(title="BẦU CỬ 2021", zone="left", links=[Link(url=build.url("bau-cu"), label="Tin")])
    verdict = categories_verdict(build, ctx, build.menu("Trang chủ"), [side])
    assert verdict.mark == "o" and verdict.findings[0].label == "BẦU CỬ 2021"


def test_generic_digital_transformation_category_is_not_stale(build, ctx):
    menu = build.menu("Trang chủ", build.item("Chuyên mục", "Chuyển đổi số", "CĐS", "Tin tức 2022"))
    assert categories_verdict(build, ctx, menu).mark == "x"


def test_abbreviated_campaign_name_is_recognised(build, ctx):
    banner = build.banner("/file/thumb/500/4.jpg", alt="NGÀY CĐS QUỐC GIA 10/10/2022")
    verdict = banners_verdict(build, ctx, banner)
    assert [f.note for f in verdict.findings] == ["Ngày Chuyển đổi số quốc gia (từ năm 2022)"]
