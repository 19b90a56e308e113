"""feedback_banner: a banner or image link for citizen feedback (phản hồi, góp ý, hỏi đáp, ...)."""

from __future__ import annotations

from camthuy_audit.models import Banner, Evidence, PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta
from camthuy_audit.rules._text import banner_label, quoted
from camthuy_audit.vntext import Matcher

META = RuleMeta(
    id="feedback_banner",
    kind="appendix1",
    column="Đã tải Banner phản hồi",
    passes="Cổng thông tin có banner (hình ảnh có liên kết) để người dân gửi phản hồi, góp ý, phản ánh kiến nghị.",
    legal_basis="{dispatch}",
    how_to_fix="Tải lên banner “Phản hồi - Góp ý” (hoặc “Phản ánh kiến nghị”) liên kết tới trang hoặc hệ "
               "thống tiếp nhận phản hồi của người dân.",
)

_TEXT_FIELDS = (("alt", "chú thích ảnh (alt)"), ("title", "tiêu đề (title)"), ("text", "chữ trên banner"))
_URL_FIELDS = (("link_url", "địa chỉ liên kết"), ("target_url", "trang mà liên kết dẫn tới"),
               ("image_url", "tên tệp ảnh"))


def feedback_match(banner: Banner, words: Matcher, url_words: Matcher) -> tuple[str, str] | None:
    """(field described in Vietnamese, keyword) of the first banner field that names feedback."""
    for name, described in _TEXT_FIELDS:
        keyword = words.find(getattr(banner, name))
        if keyword:
            return described, keyword
    for name, described in _URL_FIELDS:
        url = getattr(banner, name)
        keyword = url_words.find_in_url(url) if url else None
        if keyword:
            return described, keyword
    return None


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    rule = ctx.rules.feedback_banner
    words = Matcher.of(rule.keywords, ctx.rules.abbreviations)
    url_words = Matcher.of(rule.url_keywords, ctx.rules.abbreviations)
    for banner in snapshot.banners:
        match = feedback_match(banner, words, url_words)
        if match is None:
            continue
        described, keyword = match
        label = banner_label(banner)
        evidence = [
            Evidence(kind="found", text=f"Banner {quoted(label)}: {described} có từ {quoted(keyword)}",
                     url=banner.link_url or banner.image_url),
            Evidence(kind="url", text="Ảnh banner", url=banner.image_url),
        ]
        return Verdict(check_id=META.id, mark="x", reason=f"Có banner phản hồi {quoted(label)}", evidence=evidence,
                       images=[banner.image_url])
    examined = f"Đã xem {len(snapshot.banners)} banner, không banner nào dành cho phản hồi, góp ý của người dân"
    evidence = [Evidence(kind="missing", text=examined),
                Evidence(kind="note", text="Từ khóa đã tìm: " + ", ".join(rule.keywords))]
    return Verdict(check_id=META.id, mark="o", reason="Không có banner phản hồi, góp ý", evidence=evidence)
