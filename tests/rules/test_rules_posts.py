from __future__ import annotations

from datetime import UTC, datetime

from camthuy_audit.rules import posts_in_quarter


def count(build, ctx, *posts, **scan):
    return posts_in_quarter.check(build.snapshot(posts=build.scan(*posts, **scan)), ctx)


def test_quarter_boundaries_in_vietnam_time(build, ctx):
    inside = [
        build.post("last-minute", build.vn(2023, 3, 31, 23, 50)),
        build.post("new-year", build.vn(2023, 1, 1, 0, 5)),
        # 2022-12-31T17:30Z is 00:30 on 01/01/2023 in Vietnam.
        build.post("utc-new-year", datetime(2022, 12, 31, 17, 30, tzinfo=UTC)),
    ]
    outside = [
        build.post("utc-april", datetime(2023, 3, 31, 17, 15, tzinfo=UTC)),   # 00:15 on 01/04
        build.post("april", build.vn(2023, 4, 1, 0, 15)),
        build.post("old-year", build.vn(2022, 12, 31, 23, 59)),
    ]
    verdict = count(build, ctx, *inside, *outside)
    assert verdict.mark == "x"
    assert verdict.count == 3


def test_duplicates_are_counted_once(build, ctx):
    first = build.post(1, build.vn(2023, 2, 10, 9, 25), title="Hội nghị")
    repeated = build.post(1, build.vn(2023, 2, 10, 9, 25), title="Hội nghị (Đăng lúc)")
    verdict = count(build, ctx, first, repeated, build.post(2, build.vn(2023, 3, 1)))
    assert verdict.count == 2


def test_evidence_lists_posts_newest_first(build, ctx):
    posts = [build.post(n, build.vn(2023, month, 15), title=f"Tin tháng {month}") for n, month in enumerate([2, 3, 1])]
    verdict = count(build, ctx, *posts)
    urls = [e for e in verdict.evidence if e.kind == "url"]
    assert [e.text for e in urls] == ["15/03/2023 – Tin tháng 3", "15/02/2023 – Tin tháng 2",
                                      "15/01/2023 – Tin tháng 1"]
    assert urls[0].url == posts[1].url
    texts = " | ".join(e.text for e in verdict.evidence)
    assert "3 tin bài đăng trong quý I/2023" in texts
    assert "Tin cũ nhất ngày 15/01/2023, mới nhất ngày 15/03/2023" in texts
    assert "Đã đọc 2 trang danh sách" in texts


def test_empty_complete_scan_is_zero(build, ctx):
    verdict = count(build, ctx)
    assert verdict.mark == "x" and verdict.count == 0


def test_incomplete_scan_gives_no_number(build, ctx):
    verdict = count(build, ctx, build.post(1, build.vn(2023, 2, 1)), complete=False,
                    reason="trang danh sách thứ 3 không phản hồi (hết thời gian chờ)")
    assert verdict.mark == "?"
    assert verdict.count is None
    assert "hết thời gian chờ" in verdict.reason


def test_other_quarters(build, ctx_for):
    posts = build.scan(build.post(1, build.vn(2023, 4, 1, 0, 15)), build.post(2, build.vn(2023, 6, 30, 23, 0)),
                       build.post(3, build.vn(2023, 7, 1, 0, 1)))
    verdict = posts_in_quarter.check(build.snapshot(posts=posts), ctx_for("2023-Q2"))
    assert verdict.count == 2
