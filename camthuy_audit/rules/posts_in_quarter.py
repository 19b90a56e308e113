"""posts_in_quarter: distinct posts published inside the audited quarter, across the whole portal.

Dates are Vietnam local days. When the crawler could not finish the scan the count is unknown
(None, mark "?"): a partial count would understate the unit's work in an official letter.
"""

from __future__ import annotations

from datetime import date

from camthuy_audit.models import Evidence, PortalSnapshot, Post, Verdict
from camthuy_audit.quarter import Quarter
from camthuy_audit.rules._base import RuleContext, RuleMeta
from camthuy_audit.rules._text import day_text, quarter_text
from camthuy_audit.vntext import local_day

META = RuleMeta(
    id="posts_in_quarter",
    kind="posts",
    column="Số tin bài đăng trên trang/cổng thông tin",
    passes="Số tin bài khác nhau có ngày đăng trong quý được kiểm tra (theo giờ Việt Nam).",
    legal_basis="{dispatch} (cập nhật thông tin thường xuyên)",
    how_to_fix="Đăng tin bài thường xuyên về hoạt động của địa phương; ghi rõ ngày đăng trên mỗi bài.",
)


def first_publication_by_url(posts: list[Post]) -> dict[str, tuple[date, Post]]:
    """Each distinct URL with its earliest Vietnam-local publication day."""
    earliest: dict[str, tuple[date, Post]] = {}
    for post in posts:
        day = local_day(post.published)
        if post.url not in earliest or day < earliest[post.url][0]:
            earliest[post.url] = (day, post)
    return earliest


def posts_in(quarter: Quarter, posts: list[Post]) -> list[tuple[date, Post]]:
    """The distinct posts published inside ``quarter``, newest first."""
    inside = [(day, post) for day, post in first_publication_by_url(posts).values()
              if quarter.start <= day <= quarter.end]
    return sorted(inside, key=lambda pair: (pair[0], pair[1].published), reverse=True)


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    scan = snapshot.posts
    counted = posts_in(ctx.quarter, scan.posts)
    period = quarter_text(ctx.quarter)
    if not scan.complete:
        reason = scan.incomplete_reason or "không đọc hết được danh sách tin bài"
        evidence = [Evidence(kind="error", text=f"Chưa đếm được số tin bài {period}: {reason}",
                             url=snapshot.final_url or snapshot.url),
                    Evidence(kind="note", text=f"Đã đọc {len(scan.listings)} trang danh sách; có ít nhất "
                                               f"{len(counted)} tin bài trong quý (chưa đầy đủ, không dùng "
                                               "làm số liệu)")]
        return Verdict(check_id=META.id, mark="?", reason=f"Không đếm được số tin bài: {reason}",
                       evidence=evidence, count=None)
    evidence = [Evidence(kind="count", text=f"{len(counted)} tin bài đăng trong {period}")]
    if counted:
        evidence.append(Evidence(kind="date", text=f"Tin cũ nhất ngày {day_text(counted[-1][0])}, "
                                                   f"mới nhất ngày {day_text(counted[0][0])}"))
    evidence.append(Evidence(kind="note", text=f"Đã đọc {len(scan.listings)} trang danh sách tin bài"))
    if scan.undated:
        evidence.append(Evidence(kind="note", text=f"{len(scan.undated)} tin bài không đọc được ngày đăng, "
                                                   "không được tính"))
    evidence += [Evidence(kind="url", text=f"{day_text(day)} – {post.title or '(không có tiêu đề)'}", url=post.url)
                 for day, post in counted]
    return Verdict(check_id=META.id, mark="x", reason=f"{len(counted)} tin bài đăng trong {period}",
                   evidence=evidence, count=len(counted))
