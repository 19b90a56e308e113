from __future__ import annotations

import unicodedata

from camthuy_audit.rules import feedback_banner, oversized_banners, side_banners


def feedback(build, ctx, *banners):
    return feedback_banner.check(build.snapshot(banners=list(banners)), ctx)


def test_feedback_banner_found_by_its_text(build, ctx):
    for fields in [{"alt": "Phản ánh, kiến nghị"}, {"title": unicodedata.normalize("NFD", "HỘP THƯ GÓP Ý")},
                   {"text": "Hoi dap truc tuyen"}]:
        verdict = feedback(build, ctx, build.banner("/file/thumb/500/9.jpg", **fields))
        assert verdict.mark == "x", fields
        assert verdict.evidence[0].kind == "found"


def test_feedback_banner_found_by_link_or_file_name(build, ctx):
    by_link = build.banner("/file/thumb/500/9.jpg", alt="image banner", link_url="https://pakn.thanhhoa.gov.vn/hopthu")
    by_file = build.banner("/uploads/banner/gop-y.png", alt="image banner", link_url=build.home + "/web/x/123")
    verdict = feedback(build, ctx, by_link)
    assert verdict.mark == "x" and "địa chỉ liên kết" in verdict.evidence[0].text
    verdict = feedback(build, ctx, by_file)
    assert verdict.mark == "x" and "tên tệp ảnh" in verdict.evidence[0].text


def test_no_feedback_banner_is_o_with_count(build, ctx):
    verdict = feedback(build, ctx, build.banner("/file/thumb/500/1.jpg", alt="Dịch vụ công"),
                       build.banner("/file/thumb/500/2.jpg", alt="image banner"))
    assert verdict.mark == "o"
    assert "Đã xem 2 banner" in verdict.evidence[0].text


def test_side_banners_present(build, ctx):
    banners = [build.banner(f"/file/thumb/500/{n}.jpg", zone=zone) for n, zone in
               enumerate(["left", "left", "right", "main", "top"])]
    verdict = side_banners.check(build.snapshot(banners=banners), ctx)
    assert verdict.mark == "x"
    assert verdict.evidence[0].text == "2 banner ở cột trái, 1 banner ở cột phải"
    assert [e.url for e in verdict.evidence[1:]] == [b.image_url for b in banners[:3]]


def test_side_banners_unknown_layout_and_absent(build, ctx):
    unknown = [build.banner("/a.jpg", zone="unknown"), build.banner("/b.jpg", zone="main")]
    assert side_banners.check(build.snapshot(banners=unknown), ctx).mark == "?"
    absent = [build.banner("/a.jpg", zone="top"), build.banner("/b.jpg", zone="main")]
    assert side_banners.check(build.snapshot(banners=absent), ctx).mark == "o"
    assert side_banners.check(build.snapshot(banners=[]), ctx).mark == "o"


def test_oversized_banners(build, ctx):
    banners = [
        build.banner("/side-big.jpg", zone="left", width=1200, height=300, alt="Bản đồ xã"),
        build.banner("/side-ok.jpg", zone="right", width=300, height=600),
        build.banner("/main-ok.jpg", zone="main", width=1000, height=300),
        build.banner("/main-tall.jpg", zone="main", width=1000, height=2400),
        build.banner("/unknown.jpg", zone="right"),
    ]
    verdict = oversized_banners.check(build.snapshot(banners=banners), ctx)
    assert verdict.mark == "o"
    assert [f.url for f in verdict.findings] == [build.home + "/side-big.jpg", build.home + "/main-tall.jpg"]
    assert verdict.findings[0].note == "Banner quá kích thước 1200×300 px"
    assert verdict.findings[0].label == "Bản đồ xã"
    assert "1 banner không rõ kích thước" in verdict.evidence[-1].text
    fine = oversized_banners.check(build.snapshot(banners=banners[1:3] + banners[4:]), ctx)
    assert fine.mark == "x" and not fine.findings
