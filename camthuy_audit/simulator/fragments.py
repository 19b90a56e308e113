"""Page fragments both platforms use: article bodies, forms, static page texts."""

from __future__ import annotations

from datetime import datetime

from camthuy_audit.simulator.markup import Ctx, esc, img, table_html
from camthuy_audit.simulator.model import Post, Section
from camthuy_audit.simulator.vn import VN_TZ

# When the portal's static pages were last edited.
STATIC_MODIFIED = datetime(2023, 2, 14, 9, 30, tzinfo=VN_TZ)

_FAQ = (
    ("Thủ tục đăng ký khai sinh cho con cần những giấy tờ gì?",
     "Người đi đăng ký khai sinh nộp tờ khai theo mẫu, giấy chứng sinh và xuất trình giấy tờ tùy thân. "
     "Có thể nộp hồ sơ trực tuyến trên Cổng Dịch vụ công."),
    ("Gia đình tôi muốn chuyển mục đích sử dụng đất vườn sang đất ở thì liên hệ ở đâu?",
     "Ông (bà) liên hệ công chức Địa chính - Xây dựng tại Bộ phận tiếp nhận và trả kết quả của UBND xã để "
     "được hướng dẫn lập hồ sơ gửi UBND huyện."),
    ("Đường điện chiếu sáng thôn bị hỏng nhiều ngày chưa được sửa chữa.",
     "UBND xã đã tiếp nhận phản ánh và chỉ đạo thôn phối hợp với đơn vị điện lực khắc phục xong."),
)


def post_body(ctx: Ctx, post: Post, *, image_css: str = "img-responsive") -> str:
    """The article body as pasted by editors: inline styles and tags around the text."""
    picture = (f'<p style="text-align: center;">{img(ctx, post.thumb, post.title, css=image_css)}</p>'
               f'<p style="text-align: center;"><em>Ảnh: {esc(post.title)}</em></p>')
    paragraphs = []
    for index, text in enumerate(post.paragraphs):
        if index % 2:
            paragraphs.append(f'<p style="text-align: justify;"><span style="font-size:14pt;">{esc(text)}</span></p>')
        else:
            paragraphs.append(f'<p style="text-align: justify;">{esc(text)}</p>')
    paragraphs.insert(1, picture)
    return "\n".join(paragraphs)


def contact_body(ctx: Ctx, action: str) -> str:
    lines = ctx.site.footer_lines
    address = next((line for line in lines if line.startswith("Địa chỉ")), "")
    return (f'<div class="contact-info"><p><strong>UBND {esc(ctx.site.unit.full_place)}</strong></p>'
            f"<p>{esc(address)}</p></div>"
            f'<form class="form-horizontal contact-form" method="post" action="{esc(action)}">'
            + "".join(f'<div class="form-group"><label class="col-sm-3 control-label">{label}</label>'
                      f'<div class="col-sm-9"><input class="form-control" type="text" name="{name}"></div></div>'
                      for label, name in (("Họ và tên", "hoten"), ("Email", "email"), ("Điện thoại", "dienthoai"),
                                          ("Tiêu đề", "tieude")))
            + '<div class="form-group"><label class="col-sm-3 control-label">Nội dung</label>'
            '<div class="col-sm-9"><textarea class="form-control" name="noidung" rows="5"></textarea></div></div>'
            '<div class="form-group"><div class="col-sm-offset-3 col-sm-9">'
            '<button type="submit" class="btn btn-primary">Gửi liên hệ</button></div></div></form>')


def feedback_body(ctx: Ctx, section: Section, action: str) -> str:
    items = "".join(f'<div class="faq-item"><p class="faq-question"><strong>Hỏi:</strong> {esc(q)}</p>'
                    f'<p class="faq-answer"><strong>Trả lời:</strong> {esc(a)}</p></div>' for q, a in _FAQ)
    return (f'<p>Công dân, tổ chức gửi câu hỏi, góp ý, phản ánh, kiến nghị tới UBND '
            f'{esc(ctx.site.unit.full_place)} theo mẫu dưới đây.</p>'
            f'<form class="feedback-form" method="post" action="{esc(action)}">'
            '<p><input class="form-control" name="hoten" placeholder="Họ và tên"></p>'
            '<p><input class="form-control" name="email" placeholder="Email"></p>'
            '<p><textarea class="form-control" name="noidung" rows="5" placeholder="Nội dung"></textarea></p>'
            '<p><button type="submit" class="btn btn-primary">Gửi</button></p></form>'
            f'<div class="faq-list"><h3>Câu hỏi đã trả lời</h3>{items}</div>')


def login_body(action: str) -> str:
    return (f'<form class="login-form" method="post" action="{esc(action)}">'
            '<p><label>Tên đăng nhập</label><input class="form-control" name="username"></p>'
            '<p><label>Mật khẩu</label><input class="form-control" type="password" name="password"></p>'
            '<p><button type="submit" class="btn btn-primary">Đăng nhập</button></p></form>')


def procedures_body(ctx: Ctx, section: Section) -> str:
    table = table_html(ctx, section.table, "table table-bordered table-tthc") if section.table else ""
    return (f"<p>Danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của UBND {esc(ctx.site.unit.full_place)}. "
            'Tổ chức, công dân có thể nộp hồ sơ trực tuyến tại '
            '<a href="https://dichvucong.thanhhoa.gov.vn/" target="_blank">Cổng Dịch vụ công tỉnh Thanh Hóa</a>.</p>'
            + table)


def table_intro(ctx: Ctx, section: Section) -> str:
    place = ctx.site.unit.full_place
    if section.key == "schedule":
        return f"<p>Lịch tiếp công dân định kỳ của Chủ tịch UBND {esc(place)} tại Phòng tiếp công dân.</p>"
    if section.key == "directory":
        return f"<p>Danh bạ điện thoại, thư điện tử của các cơ quan, đơn vị thuộc {esc(place)}.</p>"
    return ""


def article_date(seed: int) -> datetime:
    """When a single-article page was written (long before the audited quarter)."""
    return datetime(2020, 6, 8 + seed % 17, 8, 12 + seed % 40, 45, tzinfo=VN_TZ)
