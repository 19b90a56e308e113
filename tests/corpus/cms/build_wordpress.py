#!/usr/bin/env python3
"""Builds two labelled commune portals on real WordPress (Debian's ``wordpress`` 6.1 package) and mirrors them.

    python3 tests/corpus/cms/build_wordpress.py all          # setup + content + count + mirror, both portals
    python3 tests/corpus/cms/build_wordpress.py setup|content|count|mirror [cms-wordpress-1 ...]

* ``setup``   — /etc/hosts entry, MariaDB database and user, /etc/wordpress/config-<host>.php (Debian's
                per-host config), a per-site WP_CONTENT_DIR under /srv/wp/<host>/, an Apache name-based
                vhost /etc/apache2/sites-available/wp-<name>.conf with the permalink rewrite rules, and
                ``apache2ctl graceful`` (Apache is never stopped: another tool shares it).
* ``content`` — drops and recreates the site's database, then enters everything through WordPress's own
                functions (``build_wordpress.php``: wp_install, wp_insert_term, wp_insert_post,
                wp_insert_attachment, wp_update_nav_menu_item, widgets through update_option, the
                Site Editor's wp_navigation / wp_template / wp_template_part posts).
* ``count``   — posts_in_quarter from the WordPress database (the query is printed).
* ``mirror``  — runs the lead's ``mirror.py`` into ``tests/corpus/cms-wordpress-N/``.

Nothing here imports camthuy_audit. Must run as root (services, /etc). Services are started if down.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import secrets
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent
MAIN = CORPUS.parent.parent
PHP_HELPER = HERE / "build_wordpress.php"
MIRROR = HERE / "mirror.py"
QUARTER = ("2023-01-01 00:00:00", "2023-03-31 23:59:59")

# ------------------------------------------------------------------------------------------------
# block markup helpers (what the block editor saves)


def p(text: str) -> str:
    return f"<!-- wp:paragraph -->\n<p>{text}</p>\n<!-- /wp:paragraph -->"


def h(text: str, level: int = 2) -> str:
    attrs = "" if level == 2 else f' {{"level":{level}}}'
    return f"<!-- wp:heading{attrs} -->\n<h{level}>{text}</h{level}>\n<!-- /wp:heading -->"


def ul(items: list[str]) -> str:
    lis = "".join(f"<!-- wp:list-item -->\n<li>{i}</li>\n<!-- /wp:list-item -->" for i in items)
    return f"<!-- wp:list -->\n<ul>{lis}</ul>\n<!-- /wp:list -->"


def table(head: list[str], rows: list[list[str]], caption: str = "", stripes: bool = True) -> str:
    cls = ' {"className":"is-style-stripes"}' if stripes else ""
    fig = "wp-block-table is-style-stripes" if stripes else "wp-block-table"
    th = "".join(f"<th>{c}</th>" for c in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in r) + "</tr>" for r in rows)
    cap = f"<figcaption>{caption}</figcaption>" if caption else ""
    return (f"<!-- wp:table{cls} -->\n<figure class=\"{fig}\"><table><thead><tr>{th}</tr></thead>"
            f"<tbody>{body}</tbody></table>{cap}</figure>\n<!-- /wp:table -->")


def image(key: str, alt: str, link: str | None = None, new_tab: bool = False, title: str = "") -> str:
    attrs = {"id": f"@@imgid:{key}@@", "sizeSlug": "full"}
    if link:
        attrs["linkDestination"] = "custom"
        if new_tab:
            attrs["linkTarget"] = "_blank"
    a = json.dumps(attrs, ensure_ascii=False, separators=(",", ":")).replace('"@@imgid:' + key + '@@"', "{{imgid:" + key + "}}")
    t = f' title="{title}"' if title else ""
    img = f'<img src="{{{{img:{key}}}}}" alt="{alt}" class="wp-image-{{{{imgid:{key}}}}}"{t}/>'
    if link:
        tgt = ' target="_blank" rel="noreferrer noopener"' if new_tab else ""
        img = f'<a href="{link}"{tgt}>{img}</a>'
    return f"<!-- wp:image {a} -->\n<figure class=\"wp-block-image size-full\">{img}</figure>\n<!-- /wp:image -->"


def blocks(*parts: str) -> str:
    return "\n\n".join(parts)


def pdf_bytes(title: str) -> str:
    """A minimal one-page PDF (the 'Tệp' of a register row), base64 for the spec."""
    text = title.encode("ascii", "replace").decode()
    stream = f"BT /F1 12 Tf 72 760 Td ({text}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> "
            b"/Contents 5 0 R >>", b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
            b"<< /Length " + str(len(stream)).encode() + b" >>\nstream\n" + stream + b"\nendstream"]
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for n, o in enumerate(objs, 1):
        offsets.append(len(out))
        out += f"{n} 0 obj\n".encode() + o + b"\nendobj\n"
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += b"".join(f"{o:010d} 00000 n \n".encode() for o in offsets)
    out += f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n".encode()
    return base64.b64encode(bytes(out)).decode()


def post(slug, date, cats, title, *paras, status="publish", modified=None, featured=None, body=None):
    content = body if body is not None else blocks(*(p(x) for x in paras))
    d = {"slug": slug, "date": date, "cats": cats, "title": title, "content": content, "status": status}
    if modified:
        d["modified"] = modified
    if featured:
        d["featured"] = featured
    return d


def page(slug, title, content, parent=None, date="2022-10-20 09:00:00", menu_order=0):
    d = {"slug": slug, "title": title, "content": content, "date": date, "menu_order": menu_order}
    if parent:
        d["parent"] = parent
    return d


def banner(key, file, folder, date, w, h, bg, lines, alt, title=None, font_size=15):
    return {"key": key, "file": file, "folder": folder, "date": date, "width": w, "height": h, "bg": bg,
            "fg": "#ffffff", "lines": lines, "alt": alt, "title": title or alt, "font_size": font_size}


# ------------------------------------------------------------------------------------------------
# cms-wordpress-1: xã Yên Trung, Twenty Twenty-One (classic theme, footer widget area)

YT_HOST = "xa-yentrung.wp.test"
YT_OWNER = "Ủy ban nhân dân xã Yên Trung, huyện Cẩm Thủy, tỉnh Thanh Hóa"

YT_POSTS = [
    post("ngay-hoi-dai-doan-ket-thon-yen-thuong", "2022-11-16 08:30:00", ["tin-trong-xa"],
         "Thôn Yên Thượng tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2022",
         "Sáng 16/11, Ban công tác Mặt trận thôn Yên Thượng tổ chức Ngày hội Đại đoàn kết toàn dân tộc, kỷ niệm 92 năm Ngày truyền thống Mặt trận Tổ quốc Việt Nam.",
         "Dự ngày hội có ông Nguyễn Văn Hùng, Chủ tịch UBND xã cùng đông đảo nhân dân trong thôn. Nhân dịp này, thôn đã trao 05 suất quà cho hộ nghèo."),
    post("tuyen-truyen-luat-phong-chong-bao-luc-gia-dinh-2022", "2022-11-25 09:15:00", ["pho-bien-giao-duc-phap-luat"],
         "Tuyên truyền Luật Phòng, chống bạo lực gia đình năm 2022",
         "Luật Phòng, chống bạo lực gia đình số 13/2022/QH15 được Quốc hội thông qua ngày 14/11/2022, có hiệu lực từ ngày 01/7/2023.",
         "UBND xã đề nghị các thôn, đoàn thể tổ chức tuyên truyền sâu rộng những điểm mới của Luật đến từng hộ gia đình."),
    post("ra-mat-to-cong-nghe-so-cong-dong", "2022-12-09 14:00:00", ["chuyen-doi-so"],
         "Ra mắt Tổ công nghệ số cộng đồng tại 8 thôn",
         "Chiều 09/12/2022, UBND xã Yên Trung tổ chức ra mắt 08 Tổ công nghệ số cộng đồng với 46 thành viên là cán bộ thôn, đoàn viên thanh niên.",
         "Các tổ có nhiệm vụ hướng dẫn người dân cài đặt ứng dụng VNeID, thanh toán không dùng tiền mặt và sử dụng dịch vụ công trực tuyến.",
         modified="2023-01-12 10:20:00"),
    post("thong-bao-thu-thue-su-dung-dat-phi-nong-nghiep-2022", "2022-12-20 10:00:00", ["thong-bao"],
         "Thông báo về việc thu thuế sử dụng đất phi nông nghiệp năm 2022",
         "UBND xã thông báo thời hạn nộp thuế sử dụng đất phi nông nghiệp năm 2022 trước ngày 31/12/2022.",
         "Người nộp thuế có thể nộp trực tiếp tại Bộ phận một cửa hoặc qua Cổng Dịch vụ công quốc gia."),
    post("tong-ket-cong-tac-nam-2022", "2022-12-31 23:50:00", ["tin-trong-xa"],
         "Hội nghị tổng kết công tác năm 2022, triển khai nhiệm vụ năm 2023",
         "Ngày 31/12/2022, UBND xã tổ chức hội nghị tổng kết công tác năm 2022. Tổng giá trị sản xuất ước đạt 268 tỷ đồng, tăng 7,4% so với năm 2021.",
         "Hội nghị đề ra 15 chỉ tiêu chủ yếu cho năm 2023, trong đó thu nhập bình quân đầu người phấn đấu đạt 48 triệu đồng."),
    post("ra-quan-lao-dong-dau-xuan-2023", "2023-01-03 07:30:00", ["tin-trong-xa"],
         "Ra quân làm giao thông nông thôn đầu năm 2023",
         "Ngày 03/01/2023, hơn 300 đoàn viên, hội viên và nhân dân 8 thôn ra quân làm đường giao thông, khơi thông kênh mương nội đồng.",
         "Tổng chiều dài tuyến đường được chỉnh trang là 4,2 km."),
    post("thanh-toan-khong-dung-tien-mat-tai-cho-yen-trung", "2023-01-05 15:00:00", ["chuyen-doi-so", "tin-trong-xa"],
         "Chợ Yên Trung triển khai thanh toán không dùng tiền mặt",
         "Thực hiện Kế hoạch chuyển đổi số năm 2023, 42 hộ kinh doanh tại chợ Yên Trung đã được hướng dẫn mở tài khoản và dán mã QR thanh toán.",
         "Tổ công nghệ số cộng đồng thôn Yên Hạ trực tiếp hỗ trợ tiểu thương trong 3 buổi sáng."),
    post("pho-bien-luat-dat-dai-sua-doi-lay-y-kien", "2023-01-10 09:00:00", ["pho-bien-giao-duc-phap-luat"],
         "Lấy ý kiến nhân dân về Dự thảo Luật Đất đai (sửa đổi)",
         "Thực hiện Nghị quyết số 671/NQ-UBTVQH15, UBND xã tổ chức lấy ý kiến nhân dân về Dự thảo Luật Đất đai (sửa đổi) từ ngày 10/01 đến 15/3/2023.",
         "Dự thảo được niêm yết tại trụ sở UBND xã và nhà văn hóa các thôn."),
    post("thong-bao-nghi-tet-nguyen-dan-quy-mao-2023", "2023-01-16 16:20:00", ["thong-bao"],
         "Thông báo lịch nghỉ Tết Nguyên đán Quý Mão 2023",
         "Cán bộ, công chức xã nghỉ Tết Nguyên đán từ ngày 20/01/2023 đến hết ngày 26/01/2023. Bộ phận một cửa bố trí trực theo lịch niêm yết."),
    post("ky-niem-93-nam-ngay-thanh-lap-dang", "2023-02-03 08:00:00", ["tin-trong-xa"],
         "Kỷ niệm 93 năm Ngày thành lập Đảng Cộng sản Việt Nam",
         "Đảng ủy xã Yên Trung tổ chức lễ trao Huy hiệu Đảng cho 12 đảng viên nhân dịp kỷ niệm 93 năm Ngày thành lập Đảng (03/02/1930 - 03/02/2023)."),
    post("hoi-thi-tim-hieu-phap-luat-trong-thanh-nien", "2023-02-14 14:30:00", ["pho-bien-giao-duc-phap-luat"],
         "Hội thi tìm hiểu pháp luật về an toàn giao thông trong thanh niên",
         "Đoàn Thanh niên xã phối hợp Công an xã tổ chức hội thi tìm hiểu Luật Giao thông đường bộ cho 8 đội thi đến từ các chi đoàn thôn."),
    post("huong-dan-cai-dat-vneid-muc-2", "2023-02-20 10:45:00", ["chuyen-doi-so"],
         "Hướng dẫn kích hoạt tài khoản định danh điện tử mức độ 2",
         "Công an xã phối hợp Tổ công nghệ số cộng đồng hỗ trợ người dân kích hoạt tài khoản định danh điện tử mức độ 2 trên ứng dụng VNeID.",
         "Đến ngày 20/02/2023, toàn xã đã kích hoạt 2.317 tài khoản."),
    post("thong-bao-tiem-phong-gia-suc-dot-1-2023", "2023-02-27 07:50:00", ["thong-bao"],
         "Thông báo tiêm phòng vắc xin cho gia súc, gia cầm đợt 1 năm 2023",
         "Thời gian tiêm phòng từ ngày 01/3 đến 20/3/2023 tại các thôn. Đề nghị các hộ chăn nuôi chủ động nhốt giữ vật nuôi."),
    post("trao-ho-tro-nha-o-ho-ngheo-thon-yen-ha", "2023-03-03 09:20:00", ["tin-trong-xa"],
         "Khởi công xây dựng nhà ở cho hộ nghèo tại thôn Yên Hạ",
         "Từ nguồn Quỹ Vì người nghèo, Ủy ban MTTQ xã hỗ trợ 50 triệu đồng xây dựng nhà ở cho hộ ông Trương Văn Lực, thôn Yên Hạ."),
    post("hoi-phu-nu-tuyen-truyen-phap-luat-ngay-8-3", "2023-03-08 15:10:00", ["tin-trong-xa", "pho-bien-giao-duc-phap-luat"],
         "Hội Phụ nữ xã tuyên truyền pháp luật nhân kỷ niệm Ngày Quốc tế Phụ nữ 8/3",
         "Nhân kỷ niệm 113 năm Ngày Quốc tế Phụ nữ, Hội LHPN xã tổ chức buổi tuyên truyền Luật Bình đẳng giới và Luật Hôn nhân và gia đình cho 150 hội viên."),
    post("tap-huan-ky-nang-so-cho-can-bo-thon", "2023-03-15 08:15:00", ["chuyen-doi-so"],
         "Tập huấn kỹ năng số cho cán bộ thôn",
         "UBND xã tổ chức lớp tập huấn sử dụng phần mềm quản lý văn bản và hồ sơ công việc, chữ ký số cho 32 cán bộ thôn và công chức xã."),
    post("khai-mac-le-hoi-truyen-thong-den-yen-trung-2023", "2023-03-20 19:30:00", ["tin-trong-xa"],
         "Khai mạc Lễ hội truyền thống đền Yên Trung năm 2023",
         "Tối 20/3/2023 (tức 29 tháng Hai năm Quý Mão), UBND xã long trọng khai mạc Lễ hội truyền thống đền Yên Trung năm 2023.",
         "Lễ hội diễn ra trong 3 ngày với các nghi lễ rước kiệu, tế thần và các trò chơi dân gian: kéo co, đẩy gậy, đánh đu, thi nấu cơm.",
         featured="le-hoi"),
    post("thong-bao-ke-hoach-lay-y-kien-quy-hoach-nong-thon-moi", "2023-03-24 11:00:00", ["thong-bao"],
         "Thông báo lấy ý kiến về điều chỉnh Quy hoạch chung xây dựng xã",
         "UBND xã niêm yết công khai hồ sơ điều chỉnh Quy hoạch chung xây dựng xã Yên Trung đến năm 2030 để nhân dân góp ý trong 30 ngày."),
    post("thong-bao-lich-truc-bo-phan-mot-cua-thang-4", "2023-03-31 23:45:00", ["thong-bao"],
         "Thông báo lịch trực Bộ phận tiếp nhận và trả kết quả tháng 4/2023",
         "Bộ phận tiếp nhận và trả kết quả xã làm việc sáng thứ Bảy hằng tuần trong tháng 4/2023 để giải quyết hồ sơ đất đai tồn đọng."),
    post("giai-bong-chuyen-thanh-nien-mung-ngay-30-4", "2023-04-01 00:15:00", ["tin-trong-xa"],
         "Phát động giải bóng chuyền thanh niên chào mừng 48 năm Ngày giải phóng miền Nam",
         "Đoàn Thanh niên xã phát động giải bóng chuyền nam, nữ các chi đoàn thôn năm 2023, thi đấu từ ngày 15/4."),
    post("tuyen-truyen-luat-thuc-hien-dan-chu-o-co-so", "2023-04-10 09:30:00", ["pho-bien-giao-duc-phap-luat"],
         "Tuyên truyền Luật Thực hiện dân chủ ở cơ sở năm 2022",
         "Luật Thực hiện dân chủ ở cơ sở có hiệu lực từ ngày 01/7/2023. UBND xã tổ chức hội nghị quán triệt cho cán bộ chủ chốt các thôn."),
    post("so-ket-chuyen-doi-so-quy-1-2023", "2023-04-19 14:00:00", ["chuyen-doi-so"],
         "Sơ kết công tác chuyển đổi số quý I năm 2023",
         "Quý I/2023, tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến của xã đạt 41,3%; 100% văn bản đi được ký số."),
    post("ra-quan-tong-ve-sinh-moi-truong-thang-5", "2023-05-05 07:00:00", ["tin-trong-xa"],
         "Ra quân tổng vệ sinh môi trường hưởng ứng Tháng hành động vì môi trường",
         "Hơn 500 người dân tham gia thu gom rác thải, phát quang bụi rậm dọc các tuyến đường liên thôn."),
    post("thong-bao-tuyen-dung-cong-chuc-2023", "2023-05-12 10:00:00", ["thong-bao"],
         "Thông báo nhu cầu tuyển dụng công chức cấp xã năm 2023",
         "UBND xã Yên Trung thông báo nhu cầu tuyển dụng 01 công chức Văn hóa - Xã hội theo kế hoạch của UBND huyện."),
    # Entered but never published: a draft dated in the quarter (not shown, not counted).
    post("du-thao-bao-cao-quy-1", "2023-03-29 10:00:00", ["tin-trong-xa"],
         "Dự thảo báo cáo kinh tế - xã hội quý I/2023 (bản nháp)",
         "Bản nháp, chưa đăng.", status="draft"),
]

YT_DOCS = [  # documents register on the page "Văn bản pháp quy" (rows, not posts)
    ("12/2023/QĐ-UBND", "20/03/2023", "Quyết định ban hành Quy chế tổ chức và hoạt động của Tổ công nghệ số cộng đồng xã Yên Trung", "qd-12-2023"),
    ("05/2023/QĐ-UBND", "14/02/2023", "Quyết định ban hành Quy chế quản lý, vận hành Trang thông tin điện tử xã Yên Trung", "qd-05-2023"),
    ("02/2023/NQ-HĐND", "10/01/2023", "Nghị quyết về kế hoạch đầu tư công trung hạn giai đoạn 2023 - 2025 xã Yên Trung", "nq-02-2023"),
    ("28/2022/QĐ-UBND", "26/12/2022", "Quyết định ban hành Quy định về quản lý, sử dụng nhà văn hóa thôn trên địa bàn xã", "qd-28-2022"),
    ("19/2022/QĐ-UBND", "15/11/2022", "Quyết định ban hành Quy chế phối hợp giải quyết thủ tục hành chính tại Bộ phận một cửa xã", "qd-19-2022"),
]


def yentrung() -> dict:
    home = "{{home}}"
    images = [
        banner("gop-y", "banner-hop-thu-gop-y.png", "2022/10", "2022-10-20 09:00:00", 300, 100, "#b71c1c",
               ["HỘP THƯ GÓP Ý", "Tiếp nhận phản ánh, kiến nghị"], "Hộp thư góp ý"),
        banner("dvc", "banner-cong-dich-vu-cong-quoc-gia.png", "2022/10", "2022-10-20 09:00:00", 300, 100, "#0d47a1",
               ["CỔNG DỊCH VỤ CÔNG", "QUỐC GIA"], "Cổng Dịch vụ công quốc gia"),
        banner("tinh", "banner-cong-ttdt-tinh-thanh-hoa.png", "2022/10", "2022-10-20 09:00:00", 300, 100, "#1b5e20",
               ["CỔNG THÔNG TIN ĐIỆN TỬ", "TỈNH THANH HÓA"], "Cổng thông tin điện tử tỉnh Thanh Hóa"),
        banner("le-hoi", "le-hoi-den-yen-trung-2023.png", "2023/03", "2023-03-20 19:00:00", 640, 360, "#6d4c41",
               ["Lễ hội truyền thống đền Yên Trung", "Xuân Quý Mão 2023"], "Lễ rước kiệu tại Lễ hội đền Yên Trung năm 2023",
               font_size=20),
    ]
    files = [{"key": key, "file": f"{key}.pdf", "folder": "2023/03", "mime": "application/pdf", "title": num,
              "date": "2023-03-21 08:00:00", "base64": pdf_bytes(num)} for num, _, _, key in YT_DOCS]
    categories = [
        {"slug": "tin-tuc-su-kien", "name": "Tin tức - Sự kiện", "default": True},
        {"slug": "tin-trong-xa", "name": "Tin trong xã", "parent": "tin-tuc-su-kien"},
        {"slug": "thong-bao", "name": "Thông báo", "parent": "tin-tuc-su-kien"},
        {"slug": "thi-dua-khen-thuong", "name": "Thi đua - Khen thưởng", "parent": "tin-tuc-su-kien"},
        {"slug": "chuyen-doi-so", "name": "Chuyển đổi số"},
        {"slug": "pho-bien-giao-duc-phap-luat", "name": "Phổ biến giáo dục pháp luật"},
    ]
    pages = [
        page("gioi-thieu", "Giới thiệu chung", blocks(
            p("Xã Yên Trung nằm ở phía tây bắc huyện Cẩm Thủy, cách trung tâm huyện 12 km, có diện tích tự nhiên 2.846 ha, "
              "dân số 7.915 người với 8 thôn. Xã có Quốc lộ 217 chạy qua, có sông Mã bao bọc phía nam."),
            p("Kinh tế của xã chủ yếu là nông nghiệp, trồng mía, ngô và chăn nuôi bò; tiểu thủ công nghiệp có nghề đan lát mây tre."))),
        page("lich-su-hinh-thanh", "Lịch sử hình thành", blocks(
            p("Xã Yên Trung được thành lập năm 1954 trên cơ sở hợp nhất các làng Yên Thượng, Yên Hạ và Khê Trung."),
            p("Năm 2019, xã được công nhận đạt chuẩn nông thôn mới.")), parent="gioi-thieu", menu_order=1),
        page("co-cau-to-chuc", "Cơ cấu tổ chức", blocks(
            h("Thường trực Đảng ủy, HĐND, UBND xã"),
            ul(["Ông Đỗ Văn Cường - Bí thư Đảng ủy, Chủ tịch HĐND xã",
                "Ông Nguyễn Văn Hùng - Phó Bí thư Đảng ủy, Chủ tịch UBND xã",
                "Ông Phạm Đức Thắng - Phó Chủ tịch UBND xã",
                "Bà Lê Thị Thu Hà - Phó Chủ tịch HĐND xã"])), parent="gioi-thieu", menu_order=2),
        page("van-ban", "Văn bản pháp quy", blocks(
            p("Danh mục văn bản quy phạm pháp luật do HĐND, UBND xã Yên Trung ban hành."),
            table(["Số/ký hiệu", "Ngày ban hành", "Trích yếu", "Tệp"],
                  [[n, d, s, f'<a href="{{{{file:{k}}}}}">Tải về</a>'] for n, d, s, k in YT_DOCS]))),
        page("lich-tiep-cong-dan", "Lịch tiếp công dân năm 2023", blocks(
            p("Lịch tiếp công dân định kỳ của Chủ tịch, Phó Chủ tịch UBND xã Yên Trung năm 2023. Địa điểm: Phòng tiếp công dân, trụ sở UBND xã."),
            table(["Tháng", "Người tiếp", "Chức vụ", "Ngày tiếp"], [
                ["01/2023", "Ông Nguyễn Văn Hùng", "Chủ tịch UBND xã", "Thứ Năm, 12/01/2023"],
                ["02/2023", "Ông Phạm Đức Thắng", "Phó Chủ tịch UBND xã", "Thứ Năm, 09/02/2023"],
                ["03/2023", "Ông Nguyễn Văn Hùng", "Chủ tịch UBND xã", "Thứ Năm, 09/03/2023"],
                ["04/2023", "Ông Phạm Đức Thắng", "Phó Chủ tịch UBND xã", "Thứ Năm, 13/04/2023"],
                ["05/2023", "Ông Nguyễn Văn Hùng", "Chủ tịch UBND xã", "Thứ Năm, 11/05/2023"],
                ["06/2023", "Ông Phạm Đức Thắng", "Phó Chủ tịch UBND xã", "Thứ Năm, 08/06/2023"]]),
            p("Ngoài lịch định kỳ, công chức Tư pháp - Hộ tịch tiếp công dân thường xuyên vào các ngày làm việc trong tuần.")),
            date="2022-12-28 10:00:00"),
        page("danh-ba-dien-thoai", "Danh bạ điện thoại", blocks(
            p("Danh bạ điện thoại, thư điện tử các cơ quan, bộ phận của xã Yên Trung."),
            table(["Cơ quan, bộ phận", "Họ và tên", "Chức vụ", "Điện thoại", "Thư điện tử"], [
                ["Đảng ủy xã", "Đỗ Văn Cường", "Bí thư Đảng ủy", "0237 3612 101", "duvyentrung@camthuy.thanhhoa.gov.vn"],
                ["UBND xã", "Nguyễn Văn Hùng", "Chủ tịch UBND", "0237 3612 102", "ubndyentrung@camthuy.thanhhoa.gov.vn"],
                ["UBND xã", "Phạm Đức Thắng", "Phó Chủ tịch UBND", "0237 3612 103", ""],
                ["Văn phòng - Thống kê", "Trịnh Thị Mai", "Công chức", "0237 3612 105", "vanphongyentrung@camthuy.thanhhoa.gov.vn"],
                ["Bộ phận một cửa", "Lê Văn Tâm", "Công chức Tư pháp - Hộ tịch", "0237 3612 108", ""],
                ["Công an xã", "Hà Minh Quân", "Trưởng Công an xã", "0237 3612 113", ""],
                ["Trạm Y tế xã", "Bùi Thị Lan", "Trạm trưởng", "0237 3612 115", ""]]))),
        page("gop-y", "Hộp thư góp ý", blocks(
            p("Tổ chức, công dân gửi góp ý, phản ánh, kiến nghị về hoạt động của chính quyền xã và về quy định hành chính qua các kênh:"),
            ul(["Thư điện tử: <a href=\"mailto:gopy.yentrung@camthuy.thanhhoa.gov.vn\">gopy.yentrung@camthuy.thanhhoa.gov.vn</a>",
                "Hệ thống tiếp nhận phản ánh, kiến nghị: <a href=\"https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-phan-anh.html\">Cổng Dịch vụ công quốc gia</a>",
                "Hòm thư góp ý đặt tại trụ sở UBND xã."]))),
        page("lien-he", "Liên hệ", blocks(
            p("<strong>Ủy ban nhân dân xã Yên Trung</strong><br>Địa chỉ: thôn Yên Thượng, xã Yên Trung, huyện Cẩm Thủy, tỉnh Thanh Hóa"),
            p("Điện thoại: 0237 3612 102 – Thư điện tử: ubndyentrung@camthuy.thanhhoa.gov.vn"))),
    ]
    menu_primary = {"name": "Menu chính", "location": "primary", "items": [
        {"key": "home", "title": "Trang chủ", "type": "custom", "target": home},
        {"key": "gt", "title": "Giới thiệu", "type": "page", "target": "gioi-thieu"},
        {"title": "Lịch sử hình thành", "type": "page", "target": "gioi-thieu/lich-su-hinh-thanh", "parent": "gt"},
        {"title": "Cơ cấu tổ chức", "type": "page", "target": "gioi-thieu/co-cau-to-chuc", "parent": "gt"},
        {"key": "tt", "title": "Tin tức - Sự kiện", "type": "category", "target": "tin-tuc-su-kien"},
        {"title": "Tin trong xã", "type": "category", "target": "tin-trong-xa", "parent": "tt"},
        {"title": "Thông báo", "type": "category", "target": "thong-bao", "parent": "tt"},
        {"title": "Chuyển đổi số", "type": "category", "target": "chuyen-doi-so", "parent": "tt"},
        {"title": "Phổ biến giáo dục pháp luật", "type": "category", "target": "pho-bien-giao-duc-phap-luat", "parent": "tt"},
        {"title": "Thi đua - Khen thưởng", "type": "category", "target": "thi-dua-khen-thuong", "parent": "tt"},
        {"title": "Văn bản", "type": "page", "target": "van-ban"},
        {"title": "Thủ tục hành chính", "type": "custom", "target": "https://dichvucong.thanhhoa.gov.vn/"},
        {"title": "Liên hệ", "type": "page", "target": "lien-he"},
    ]}
    owner_text = (
        "<p><strong>Bản quyền thuộc về UBND xã Yên Trung</strong><br>"
        "Cơ quan chủ quản: " + YT_OWNER + "<br>"
        "Chịu trách nhiệm nội dung: Ông Phạm Đức Thắng - Phó Chủ tịch UBND xã<br>"
        "Địa chỉ: thôn Yên Thượng, xã Yên Trung, huyện Cẩm Thủy, tỉnh Thanh Hóa<br>"
        "Điện thoại: 0237 3612 102 - Email: ubndyentrung@camthuy.thanhhoa.gov.vn</p>")
    widgets = {"sidebar-1": [
        {"type": "media_image", "instance": {
            "attachment_id": "{{imgid:gop-y}}", "url": "{{img:gop-y}}", "title": "", "size": "full", "width": 300,
            "height": 100, "caption": "", "alt": "Hộp thư góp ý", "link_type": "custom", "link_url": "{{page:gop-y}}",
            "image_classes": "", "link_classes": "", "link_rel": "", "link_target_blank": False, "image_title": "Hộp thư góp ý"}},
        {"type": "block", "instance": {"content": image("dvc", "Cổng Dịch vụ công quốc gia",
                                                         "https://dichvucong.gov.vn/p/home/dvc-trang-chu.html", new_tab=True)}},
        {"type": "block", "instance": {"content": image("tinh", "Cổng thông tin điện tử tỉnh Thanh Hóa",
                                                         "https://thanhhoa.gov.vn/", new_tab=True)}},
        {"type": "custom_html", "instance": {"title": "Liên kết", "content":
            '<ul class="lien-ket">\n<li><a href="{{page:lich-tiep-cong-dan}}">Lịch tiếp công dân</a></li>\n'
            '<li><a href="{{page:danh-ba-dien-thoai}}">Danh bạ điện thoại</a></li>\n'
            '<li><a href="{{page:gop-y}}">Hộp thư góp ý</a></li>\n</ul>'}},
        {"type": "block", "instance": {"content":
            '<!-- wp:group -->\n<div class="wp-block-group">' + h("Chuyên mục") +
            '\n<!-- wp:categories /--></div>\n<!-- /wp:group -->'}},
        {"type": "text", "instance": {"title": "UBND xã Yên Trung", "text": owner_text, "filter": True, "visual": True}},
    ]}
    return {
        "host": YT_HOST, "title": "Trang thông tin điện tử xã Yên Trung", "language": "vi",
        "theme": "twentytwentyone",
        "theme_mods": {"display_excerpt_or_full_post": "excerpt"},
        "options": {
            "blogdescription": "UBND xã Yên Trung - huyện Cẩm Thủy - tỉnh Thanh Hóa",
            "timezone_string": "Asia/Ho_Chi_Minh", "gmt_offset": "",
            "date_format": "d/m/Y", "time_format": "H:i", "start_of_week": 1,
            "permalink_structure": "/%postname%/", "posts_per_page": 8,
            "default_comment_status": "closed", "default_ping_status": "closed",
            "show_on_front": "posts", "blog_public": 1,
        },
        "images": images, "files": files, "categories": categories, "posts": YT_POSTS, "pages": pages,
        "menus": [menu_primary], "widgets": widgets,
    }


# ------------------------------------------------------------------------------------------------
# cms-wordpress-2: xã Đồng Lạc, Twenty Twenty-Three (block theme, Site Editor templates)

DL_HOST = "xa-donglac.wp.test"
ELECTION = "Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026"


def ltcd(month: str, rows: list[list[str]]) -> str:
    return blocks(p(f"UBND xã Đồng Lạc thông báo lịch tiếp công dân định kỳ tháng {month} tại Phòng tiếp công dân, trụ sở UBND xã:"),
                  table(["Ngày tiếp", "Người tiếp", "Chức vụ"], rows, stripes=False))


DL_POSTS = [
    post("hiep-thuong-lan-thu-nhat", "2021-03-10 15:00:00", ["bau-cu"],
         "Hội nghị hiệp thương lần thứ nhất giới thiệu người ứng cử đại biểu HĐND xã",
         "Ủy ban MTTQ xã Đồng Lạc tổ chức hội nghị hiệp thương lần thứ nhất, thỏa thuận cơ cấu, thành phần, số lượng người ứng cử đại biểu HĐND xã nhiệm kỳ 2021-2026."),
    post("niem-yet-danh-sach-cu-tri", "2021-04-28 08:00:00", ["bau-cu"],
         "Niêm yết danh sách cử tri tại 9 khu vực bỏ phiếu",
         "UBND xã niêm yết danh sách cử tri bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp tại 9 khu vực bỏ phiếu từ ngày 13/4/2021."),
    post("cu-tri-no-nuc-di-bau-cu", "2021-05-23 18:30:00", ["bau-cu"],
         "Cử tri xã Đồng Lạc nô nức đi bầu cử",
         "Ngày 23/5/2021, 100% cử tri xã Đồng Lạc đã đi bỏ phiếu bầu đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026."),
    post("gap-mat-ky-niem-ngay-nha-giao-viet-nam", "2022-11-19 09:00:00", ["hoat-dong"],
         "Gặp mặt kỷ niệm 40 năm Ngày Nhà giáo Việt Nam 20/11",
         "Sáng 19/11/2022, Đảng ủy, HĐND, UBND xã Đồng Lạc tổ chức gặp mặt các thầy giáo, cô giáo 3 trường trên địa bàn nhân kỷ niệm 40 năm Ngày Nhà giáo Việt Nam (20/11/1982 - 20/11/2022).",
         "Nhân dịp này, UBND xã khen thưởng 14 giáo viên có thành tích xuất sắc trong năm học 2021-2022."),
    post("nghiem-thu-duong-giao-thong-thon-lac-thinh", "2022-12-05 10:30:00", ["hoat-dong"],
         "Nghiệm thu đường giao thông thôn Lạc Thịnh",
         "Tuyến đường bê tông dài 1,1 km thôn Lạc Thịnh được đưa vào sử dụng với tổng kinh phí 1,8 tỷ đồng, trong đó nhân dân đóng góp 420 triệu đồng."),
    post("tong-ket-phong-trao-toan-dan-doan-ket", "2022-12-15 14:00:00", ["hoat-dong"],
         "Tổng kết phong trào Toàn dân đoàn kết xây dựng đời sống văn hóa năm 2022",
         "Năm 2022, toàn xã có 91,2% hộ gia đình đạt danh hiệu Gia đình văn hóa; 7/9 thôn đạt danh hiệu Thôn văn hóa.",
         modified="2023-02-08 16:40:00"),
    post("lich-tiep-cong-dan-thang-01-2023", "2022-12-28 10:00:00", ["lich-tiep-cong-dan"],
         "Lịch tiếp công dân tháng 01/2023", body=ltcd("01/2023", [
             ["Thứ Tư, 11/01/2023", "Ông Lê Hữu Nghĩa", "Chủ tịch UBND xã"]])),
    post("thong-bao-lich-nghi-tet-duong-lich-2023", "2022-12-31 23:50:00", ["thong-bao"],
         "Thông báo nghỉ Tết Dương lịch năm 2023",
         "Cán bộ, công chức xã nghỉ Tết Dương lịch ngày 31/12/2022, 01/01 và 02/01/2023. Lãnh đạo UBND xã bố trí trực theo lịch."),
    post("quyet-dinh-01-2023-qd-ubnd-quy-che-lam-viec", "2023-01-04 08:30:00", ["van-ban-phap-quy"],
         "Quyết định số 01/2023/QĐ-UBND ban hành Quy chế làm việc của UBND xã nhiệm kỳ 2021-2026",
         "Ngày 03/01/2023, UBND xã Đồng Lạc ban hành Quyết định số 01/2023/QĐ-UBND về Quy chế làm việc của UBND xã nhiệm kỳ 2021-2026. Quyết định có hiệu lực sau 10 ngày kể từ ngày ký."),
    post("hoi-nghi-trien-khai-nhiem-vu-2023", "2023-01-09 08:00:00", ["hoat-dong"],
         "Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2023",
         "UBND xã tổ chức hội nghị triển khai 17 chỉ tiêu kinh tế - xã hội năm 2023, giao chỉ tiêu cụ thể cho từng thôn."),
    post("tuyen-truyen-luat-hoa-giai-o-co-so", "2023-01-13 14:30:00", ["tuyen-truyen-pbgdpl"],
         "Tuyên truyền Luật Hòa giải ở cơ sở cho tổ hòa giải các thôn",
         "Công chức Tư pháp - Hộ tịch xã bồi dưỡng kỹ năng hòa giải, phổ biến Luật Hòa giải ở cơ sở cho 45 hòa giải viên của 9 tổ hòa giải."),
    post("lich-tiep-cong-dan-thang-02-2023", "2023-01-30 09:00:00", ["lich-tiep-cong-dan"],
         "Lịch tiếp công dân tháng 02/2023", body=ltcd("02/2023", [
             ["Thứ Tư, 08/02/2023", "Ông Lê Hữu Nghĩa", "Chủ tịch UBND xã"],
             ["Thứ Tư, 22/02/2023", "Bà Vũ Thị Hồng", "Phó Chủ tịch UBND xã"]])),
    post("le-hoi-xuan-dong-lac-2023", "2023-02-01 16:00:00", ["du-lich-le-hoi"],
         "Tưng bừng Lễ hội Xuân Đồng Lạc năm 2023",
         "Từ ngày 30/01 đến 01/02/2023 (mùng 9 đến 11 tháng Giêng), Lễ hội Xuân Đồng Lạc thu hút hàng nghìn lượt du khách với hội thi thuyền trên sông Mã, hát xường và giao lưu văn nghệ."),
    post("ra-quan-trong-cay-xuan-quy-mao", "2023-02-06 07:30:00", ["hoat-dong"],
         "Tết trồng cây \"Đời đời nhớ ơn Bác Hồ\" Xuân Quý Mão 2023",
         "Xã Đồng Lạc ra quân trồng 2.500 cây xanh trên các tuyến đường liên thôn và khuôn viên trường học."),
    post("thong-bao-cap-doi-giay-chung-nhan-quyen-su-dung-dat", "2023-02-10 10:00:00", ["thong-bao", "hoat-dong"],
         "Tổ công tác cấp đổi giấy chứng nhận quyền sử dụng đất làm việc tại các thôn",
         "Từ ngày 13/02/2023, Tổ công tác của huyện phối hợp UBND xã tiếp nhận hồ sơ cấp đổi giấy chứng nhận quyền sử dụng đất tại nhà văn hóa các thôn."),
    post("quyet-dinh-04-2023-qd-ubnd-quan-ly-cho", "2023-02-16 15:00:00", ["van-ban-phap-quy"],
         "Quyết định số 04/2023/QĐ-UBND ban hành Nội quy chợ Đồng Lạc",
         "UBND xã ban hành Nội quy chợ Đồng Lạc, quy định thời gian họp chợ, bố trí ngành hàng và trách nhiệm bảo đảm vệ sinh môi trường, phòng cháy chữa cháy."),
    post("tuyen-truyen-phong-chong-ma-tuy-trong-truong-hoc", "2023-02-22 09:00:00", ["tuyen-truyen-pbgdpl"],
         "Tuyên truyền pháp luật về phòng, chống ma túy tại Trường THCS Đồng Lạc",
         "Công an xã tuyên truyền Luật Phòng, chống ma túy năm 2021 cho hơn 400 học sinh Trường THCS Đồng Lạc."),
    post("lich-tiep-cong-dan-thang-03-2023", "2023-02-27 09:00:00", ["lich-tiep-cong-dan"],
         "Lịch tiếp công dân tháng 03/2023", body=ltcd("03/2023", [
             ["Thứ Tư, 08/03/2023", "Ông Lê Hữu Nghĩa", "Chủ tịch UBND xã"],
             ["Thứ Tư, 22/03/2023", "Bà Vũ Thị Hồng", "Phó Chủ tịch UBND xã"]])),
    post("dai-hoi-chi-hoi-nong-dan", "2023-03-02 08:00:00", ["hoat-dong"],
         "Đại hội điểm chi hội Nông dân thôn Lạc Thịnh nhiệm kỳ 2023-2028",
         "Đại hội bầu 5 đồng chí vào Ban Chi hội, đề ra mục tiêu 70% hội viên đạt danh hiệu sản xuất kinh doanh giỏi."),
    post("du-lich-cong-dong-ben-song-ma", "2023-03-09 10:00:00", ["du-lich-le-hoi"],
         "Khảo sát tuyến du lịch cộng đồng bến sông Mã - hang Lạc Sơn",
         "Phòng Văn hóa - Thông tin huyện cùng UBND xã khảo sát tuyến du lịch cộng đồng kết nối bến đò Lạc Thịnh với hang Lạc Sơn và làng nghề đan lát."),
    post("ky-niem-92-nam-thanh-lap-doan", "2023-03-14 15:00:00", ["hoat-dong"],
         "Ra mắt công trình thanh niên chào mừng 92 năm Ngày thành lập Đoàn",
         "Đoàn Thanh niên xã gắn biển công trình \"Tuyến đường thanh niên tự quản\" dài 800 m tại thôn Đồng Mới."),
    post("thong-bao-dieu-chinh-lich-cat-dien", "2023-03-21 11:20:00", ["thong-bao"],
         "Thông báo lịch tạm ngừng cung cấp điện ngày 25/3/2023",
         "Điện lực Cẩm Thủy thông báo tạm ngừng cung cấp điện từ 7h00 đến 16h00 ngày 25/3/2023 để bảo dưỡng đường dây 35 kV."),
    post("nghi-quyet-03-2023-nq-hdnd-phi-cho", "2023-03-28 16:00:00", ["van-ban-phap-quy"],
         "Nghị quyết số 03/2023/NQ-HĐND về mức thu giá dịch vụ sử dụng diện tích bán hàng tại chợ",
         "HĐND xã Đồng Lạc thông qua Nghị quyết số 03/2023/NQ-HĐND ngày 27/3/2023 quy định mức thu giá dịch vụ sử dụng diện tích bán hàng tại chợ Đồng Lạc."),
    post("lich-tiep-cong-dan-thang-04-2023", "2023-03-31 23:45:00", ["lich-tiep-cong-dan"],
         "Lịch tiếp công dân tháng 04/2023", body=ltcd("04/2023", [
             ["Thứ Tư, 12/04/2023", "Ông Lê Hữu Nghĩa", "Chủ tịch UBND xã"],
             ["Thứ Tư, 26/04/2023", "Bà Vũ Thị Hồng", "Phó Chủ tịch UBND xã"]])),
    post("hoi-nghi-so-ket-quy-1-2023", "2023-04-01 00:15:00", ["hoat-dong"],
         "Sơ kết tình hình kinh tế - xã hội quý I năm 2023",
         "Quý I/2023, thu ngân sách xã đạt 31% dự toán; toàn xã gieo trồng 410 ha cây vụ xuân, đạt 102% kế hoạch."),
    post("tuyen-truyen-luat-phong-chay-chua-chay", "2023-04-12 08:30:00", ["tuyen-truyen-pbgdpl"],
         "Tuyên truyền pháp luật về phòng cháy, chữa cháy trong khu dân cư",
         "Công an xã tổ chức tuyên truyền, hướng dẫn kỹ năng thoát nạn khi xảy ra cháy cho nhân dân thôn Đồng Mới."),
    post("lich-tiep-cong-dan-thang-05-2023", "2023-04-28 09:00:00", ["lich-tiep-cong-dan"],
         "Lịch tiếp công dân tháng 05/2023", body=ltcd("05/2023", [
             ["Thứ Tư, 10/05/2023", "Ông Lê Hữu Nghĩa", "Chủ tịch UBND xã"]])),
    post("hoi-thi-tieng-hat-dan-ca", "2023-05-10 20:00:00", ["hoat-dong"],
         "Hội thi tiếng hát dân ca chào mừng Ngày sinh Chủ tịch Hồ Chí Minh",
         "9 đội văn nghệ các thôn tham gia hội thi với 36 tiết mục dân ca Thanh Hóa."),
    # Entered but not public: a private post and a draft dated in the quarter (not shown, not counted).
    post("bien-ban-hop-noi-bo-thang-3", "2023-03-17 16:00:00", ["hoat-dong"],
         "Biên bản họp giao ban nội bộ tháng 3/2023", "Nội dung nội bộ.", status="private"),
    post("du-thao-ke-hoach-chuyen-doi-so-2023", "2023-02-15 09:00:00", ["chuyen-doi-so"],
         "Dự thảo Kế hoạch chuyển đổi số năm 2023", "Bản nháp, chưa đăng.", status="draft"),
]


DL_SAMPLES = {  # article pages kept in the mirror of cms-wordpress-2 (the others answer 404 there)
    "gap-mat-ky-niem-ngay-nha-giao-viet-nam",        # the stale banner's link target
    "tong-ket-phong-trao-toan-dan-doan-ket",         # 2022 post edited in February 2023
    "thong-bao-lich-nghi-tet-duong-lich-2023",       # 31/12/2022 23:50 (out)
    "lich-tiep-cong-dan-thang-04-2023",              # 31/03/2023 23:45 (in)
    "hoi-nghi-so-ket-quy-1-2023",                    # 01/04/2023 00:15 (out)
    "thong-bao-cap-doi-giay-chung-nhan-quyen-su-dung-dat",  # two categories
    "le-hoi-xuan-dong-lac-2023",                     # tourism item
    "cu-tri-no-nuc-di-bau-cu",                       # election category item (2021)
    "quyet-dinh-01-2023-qd-ubnd-quy-che-lam-viec",   # legal-documents item
}


def nav_link(label: str, url: str, kind: str = "custom", type_: str | None = None, id_: str | None = None) -> str:
    attrs = '"label":' + json.dumps(label, ensure_ascii=False)
    if type_:
        attrs += f',"type":"{type_}"'
    if id_:
        attrs += f',"id":{id_}'
    attrs += f',"url":"{url}","kind":"{kind}","isTopLevelLink":true'
    return "<!-- wp:navigation-link {" + attrs + "} /-->"


def nav_sub(label: str, url: str, children: list[str], kind: str = "custom", type_: str | None = None,
            id_: str | None = None) -> str:
    attrs = '"label":' + json.dumps(label, ensure_ascii=False)
    if type_:
        attrs += f',"type":"{type_}"'
    if id_:
        attrs += f',"id":{id_}'
    attrs += f',"url":"{url}","kind":"{kind}"'
    inner = "\n".join(c.replace(',"isTopLevelLink":true', "") for c in children)
    return "<!-- wp:navigation-submenu {" + attrs + "} -->\n" + inner + "\n<!-- /wp:navigation-submenu -->"


def cat_link(label: str, slug: str) -> str:
    return nav_link(label, "{{cat:" + slug + "}}", "taxonomy", "category", "{{catid:" + slug + "}}")


def page_link(label: str, path: str) -> str:
    return nav_link(label, "{{page:" + path + "}}", "post-type", "page")


def donglac() -> dict:
    images = [
        banner("nha-giao", "chao-mung-ngay-nha-giao-viet-nam-20-11-2022.png", "2022/11", "2022-11-15 08:00:00", 300, 180,
               "#c62828", ["CHÀO MỪNG KỶ NIỆM 40 NĂM", "NGÀY NHÀ GIÁO VIỆT NAM", "20/11/1982 - 20/11/2022"],
               "Chào mừng kỷ niệm 40 năm Ngày Nhà giáo Việt Nam 20/11/1982 - 20/11/2022", font_size=14),
        banner("dvc-tinh", "banner-dich-vu-cong-thanh-hoa.png", "2022/09", "2022-09-12 08:00:00", 300, 100, "#1565c0",
               ["CỔNG DỊCH VỤ CÔNG", "TỈNH THANH HÓA"], "Cổng Dịch vụ công tỉnh Thanh Hóa"),
        banner("vbpl", "banner-csdl-van-ban-phap-luat.png", "2022/09", "2022-09-12 08:00:00", 300, 100, "#2e7d32",
               ["CƠ SỞ DỮ LIỆU QUỐC GIA", "VỀ VĂN BẢN PHÁP LUẬT"], "Cơ sở dữ liệu quốc gia về văn bản pháp luật", font_size=14),
        banner("huyen", "banner-huyen-cam-thuy.png", "2022/09", "2022-09-12 08:00:00", 300, 100, "#4e342e",
               ["TRANG THÔNG TIN ĐIỆN TỬ", "HUYỆN CẨM THỦY"], "Trang thông tin điện tử huyện Cẩm Thủy"),
    ]
    categories = [
        {"slug": "tin-tuc", "name": "Tin tức - Sự kiện", "default": True},
        {"slug": "hoat-dong", "name": "Hoạt động của xã", "parent": "tin-tuc"},
        {"slug": "thong-bao", "name": "Thông báo", "parent": "tin-tuc"},
        {"slug": "van-ban-phap-quy", "name": "Văn bản pháp quy"},
        {"slug": "lich-tiep-cong-dan", "name": "Lịch tiếp công dân"},
        {"slug": "du-lich-le-hoi", "name": "Du lịch - Lễ hội"},
        {"slug": "tuyen-truyen-pbgdpl", "name": "Tuyên truyền PBGDPL"},
        {"slug": "chuyen-doi-so", "name": "Chuyển đổi số"},
        {"slug": "bau-cu", "name": ELECTION},
    ]
    pages = [
        page("gioi-thieu", "Tổng quan về xã Đồng Lạc", blocks(
            p("Xã Đồng Lạc nằm ven sông Mã, phía nam huyện Cẩm Thủy, có diện tích tự nhiên 1.972 ha, dân số 6.240 người, gồm 9 thôn."),
            p("Xã có tiềm năng phát triển du lịch cộng đồng gắn với cảnh quan sông Mã và hang Lạc Sơn."))),
        page("lich-su-truyen-thong", "Lịch sử, truyền thống", blocks(
            p("Đồng Lạc là vùng đất có truyền thống cách mạng; năm 2005 xã được phong tặng danh hiệu Anh hùng Lực lượng vũ trang nhân dân.")),
            parent="gioi-thieu", menu_order=1),
        page("bo-may-hanh-chinh", "Bộ máy hành chính", blocks(
            ul(["Ông Hoàng Văn Đạt - Bí thư Đảng ủy, Chủ tịch HĐND xã",
                "Ông Lê Hữu Nghĩa - Phó Bí thư Đảng ủy, Chủ tịch UBND xã",
                "Bà Vũ Thị Hồng - Phó Chủ tịch UBND xã",
                "Ông Quách Văn Bình - Chủ tịch Ủy ban MTTQ xã"])), parent="gioi-thieu", menu_order=2),
        page("lien-he", "Liên hệ", blocks(
            p("<strong>Văn phòng UBND xã Đồng Lạc</strong>"),
            p("Địa chỉ: thôn Lạc Thịnh, xã Đồng Lạc, huyện Cẩm Thủy, tỉnh Thanh Hóa"),
            p("Điện thoại: 0237 3620 218 – Bộ phận tiếp nhận và trả kết quả: 0237 3620 219"),
            p("Thư điện tử: ubnddonglac@camthuy.thanhhoa.gov.vn"),
            p("Mọi góp ý, phản ánh về nội dung trang thông tin xin gửi về địa chỉ thư điện tử trên."))),
    ]
    navigation = "\n".join([
        nav_link("Trang chủ", "{{home}}"),
        nav_sub("Giới thiệu", "{{page:gioi-thieu}}", [
            page_link("Tổng quan", "gioi-thieu"),
            page_link("Lịch sử, truyền thống", "gioi-thieu/lich-su-truyen-thong"),
            page_link("Bộ máy hành chính", "gioi-thieu/bo-may-hanh-chinh")], "post-type", "page"),
        nav_sub("Tin tức - Sự kiện", "{{cat:tin-tuc}}", [
            cat_link("Hoạt động của xã", "hoat-dong"),
            cat_link("Thông báo", "thong-bao"),
            cat_link("Tuyên truyền PBGDPL", "tuyen-truyen-pbgdpl"),
            cat_link("Chuyển đổi số", "chuyen-doi-so"),
            cat_link("Du lịch - Lễ hội", "du-lich-le-hoi"),
            cat_link(ELECTION, "bau-cu")], "taxonomy", "category", "{{catid:tin-tuc}}"),
        nav_sub("Văn bản", "{{cat:van-ban-phap-quy}}", [
            cat_link("Văn bản pháp quy", "van-ban-phap-quy"),
            nav_link("Văn bản chỉ đạo điều hành", "https://vanban.thanhhoa.gov.vn/")],
            "taxonomy", "category", "{{catid:van-ban-phap-quy}}"),
        nav_sub("Công dân", "{{cat:lich-tiep-cong-dan}}", [
            nav_link("Thủ tục hành chính", "https://dichvucong.thanhhoa.gov.vn/"),
            cat_link("Lịch tiếp công dân", "lich-tiep-cong-dan")], "taxonomy", "category", "{{catid:lich-tiep-cong-dan}}"),
        page_link("Liên hệ", "lien-he"),
    ])
    header = (
        '<!-- wp:group {"layout":{"type":"constrained"}} -->\n<div class="wp-block-group">'
        '<!-- wp:group {"align":"wide","style":{"spacing":{"padding":{"bottom":"var:preset|spacing|40"}}},'
        '"layout":{"type":"flex","justifyContent":"space-between"}} -->\n'
        '<div class="wp-block-group alignwide" style="padding-bottom:var(--wp--preset--spacing--40)">'
        '<!-- wp:group {"layout":{"type":"flex","orientation":"vertical"}} -->\n<div class="wp-block-group">'
        '<!-- wp:site-title {"level":0} /-->\n<!-- wp:site-tagline /--></div>\n<!-- /wp:group -->\n'
        '<!-- wp:navigation {"ref":{{nav:main}},"layout":{"type":"flex","setCascadingProperties":true,"justifyContent":"right"}} /-->'
        '</div>\n<!-- /wp:group --></div>\n<!-- /wp:group -->')
    footer = (
        '<!-- wp:group {"layout":{"type":"constrained"}} -->\n<div class="wp-block-group">'
        '<!-- wp:separator {"align":"wide"} -->\n<hr class="wp-block-separator alignwide has-alpha-channel-opacity"/>\n<!-- /wp:separator -->\n'
        + p("© 2023 Bản quyền thuộc Ủy ban nhân dân xã Đồng Lạc, huyện Cẩm Thủy, tỉnh Thanh Hóa") + "\n"
        + p("Địa chỉ: thôn Lạc Thịnh, xã Đồng Lạc, huyện Cẩm Thủy, tỉnh Thanh Hóa – Điện thoại: 0237 3620 218 – "
            "Email: ubnddonglac@camthuy.thanhhoa.gov.vn") + "\n"
        + p("Chịu trách nhiệm nội dung: ") + "\n"
        + p('<a href="{{page:lien-he}}">Góp ý, phản ánh</a> | <a href="{{home}}wp-sitemap.xml">Sơ đồ trang</a>') +
        '</div>\n<!-- /wp:group -->')
    sidebar = blocks(
        image("nha-giao", "Chào mừng kỷ niệm 40 năm Ngày Nhà giáo Việt Nam 20/11/1982 - 20/11/2022",
              "{{post:gap-mat-ky-niem-ngay-nha-giao-viet-nam}}"),
        image("dvc-tinh", "Cổng Dịch vụ công tỉnh Thanh Hóa", "https://dichvucong.thanhhoa.gov.vn/", new_tab=True),
        image("vbpl", "Cơ sở dữ liệu quốc gia về văn bản pháp luật", "https://vbpl.vn/", new_tab=True),
        image("huyen", "Trang thông tin điện tử huyện Cẩm Thủy", "https://camthuy.thanhhoa.gov.vn/", new_tab=True),
        h("Chuyên mục", 3),
        "<!-- wp:categories /-->",
    )
    home_tpl = (
        '<!-- wp:template-part {"slug":"header","theme":"twentytwentythree","tagName":"header"} /-->\n\n'
        '<!-- wp:group {"tagName":"main","style":{"spacing":{"margin":{"top":"var:preset|spacing|50","bottom":"var:preset|spacing|70"}}},"layout":{"type":"constrained"}} -->\n'
        '<main class="wp-block-group" style="margin-top:var(--wp--preset--spacing--50);margin-bottom:var(--wp--preset--spacing--70)">'
        '<!-- wp:columns {"align":"wide"} -->\n<div class="wp-block-columns alignwide">'
        '<!-- wp:column {"width":"68%"} -->\n<div class="wp-block-column" style="flex-basis:68%">'
        + h("Tin mới", 2) +
        '\n<!-- wp:query {"queryId":1,"query":{"perPage":6,"pages":0,"offset":0,"postType":"post","order":"desc","orderBy":"date","author":"","search":"","exclude":[],"sticky":"","inherit":true}} -->\n'
        '<div class="wp-block-query"><!-- wp:post-template -->\n'
        '<!-- wp:post-title {"isLink":true,"fontSize":"medium"} /-->\n<!-- wp:post-date /-->\n<!-- wp:post-excerpt /-->\n'
        '<!-- /wp:post-template -->\n\n'
        '<!-- wp:query-pagination {"paginationArrow":"arrow","layout":{"type":"flex","justifyContent":"space-between"}} -->\n'
        '<!-- wp:query-pagination-previous {"label":"Tin mới hơn"} /-->\n<!-- wp:query-pagination-next {"label":"Tin cũ hơn"} /-->\n'
        '<!-- /wp:query-pagination --></div>\n<!-- /wp:query --></div>\n<!-- /wp:column -->\n\n'
        '<!-- wp:column {"width":"32%"} -->\n<div class="wp-block-column" style="flex-basis:32%">'
        + sidebar +
        '</div>\n<!-- /wp:column --></div>\n<!-- /wp:columns --></main>\n<!-- /wp:group -->\n\n'
        '<!-- wp:template-part {"slug":"footer","theme":"twentytwentythree","tagName":"footer"} /-->')
    return {
        "host": DL_HOST, "title": "Trang thông tin điện tử xã Đồng Lạc", "language": "vi",
        "theme": "twentytwentythree",
        "options": {
            "blogdescription": "Ủy ban nhân dân xã Đồng Lạc - huyện Cẩm Thủy",
            "timezone_string": "Asia/Ho_Chi_Minh", "gmt_offset": "",
            "date_format": "l, d/m/Y", "time_format": "H:i", "start_of_week": 1,
            "permalink_structure": "/%category%/%postname%.html", "category_base": "chuyen-muc",
            "posts_per_page": 6,
            "default_comment_status": "closed", "default_ping_status": "closed",
            "show_on_front": "posts", "blog_public": 1,
        },
        "images": images, "files": [], "categories": categories, "posts": DL_POSTS, "pages": pages,
        "navigations": [{"key": "main", "title": "Menu chính", "content": navigation}],
        "template_parts": [
            {"slug": "header", "title": "Header", "area": "header", "content": header},
            {"slug": "footer", "title": "Footer", "area": "footer", "content": footer},
        ],
        "templates": [{"slug": "home", "title": "Home", "content": home_tpl}],
    }


PORTALS = {
    "cms-wordpress-1": {"host": YT_HOST, "db": "wp_yentrung", "spec": yentrung},
    # Twenty Twenty-Three pages weigh ~57 kB each (inline global styles): to stay near 2 MB only sample
    # article pages are kept; every listing shows each post's date (as in the hand-made corpus).
    "cms-wordpress-2": {"host": DL_HOST, "db": "wp_donglac", "spec": donglac,
                        "skip_posts": [x["slug"] for x in DL_POSTS if x["status"] == "publish"
                                       and x["slug"] not in DL_SAMPLES]},
}

# ------------------------------------------------------------------------------------------------
# machine setup


def run(cmd: list[str], **kw) -> subprocess.CompletedProcess:
    print("+", " ".join(cmd), flush=True)
    return subprocess.run(cmd, check=True, **kw)


def sql(statement: str, db: str | None = None) -> str:
    cmd = ["mysql", "--batch", "--skip-column-names"] + ([db] if db else []) + ["-e", statement]
    return subprocess.run(cmd, check=True, capture_output=True, text=True).stdout


def ensure_services() -> None:
    for svc in ("mariadb", "apache2"):
        if subprocess.run(["service", svc, "status"], capture_output=True).returncode != 0:
            run(["service", svc, "start"])


def content_dir(host: str) -> Path:
    return Path("/srv/wp") / host / "wp-content"


def setup(pid: str) -> None:
    cfg = PORTALS[pid]
    host, db = cfg["host"], cfg["db"]
    ensure_services()
    hosts = Path("/etc/hosts").read_text()
    if not any(line.split()[1:2] == [host] for line in hosts.splitlines() if line.strip()):
        with open("/etc/hosts", "a") as f:
            f.write(f"127.0.0.1 {host}\n")
    password = secrets.token_urlsafe(18)
    sql(f"CREATE USER IF NOT EXISTS '{db}'@'localhost' IDENTIFIED BY '{password}'")
    sql(f"ALTER USER '{db}'@'localhost' IDENTIFIED BY '{password}'")
    sql(f"CREATE DATABASE IF NOT EXISTS {db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    sql(f"GRANT ALL PRIVILEGES ON {db}.* TO '{db}'@'localhost'")
    cdir = content_dir(host)
    cdir.mkdir(parents=True, exist_ok=True)
    for name, target in (("themes", "/usr/share/wordpress/wp-content/themes"),
                         ("languages", "/var/lib/wordpress/wp-content/languages")):
        link = cdir / name
        if not link.is_symlink():
            link.symlink_to(target)
    (cdir / "plugins").mkdir(exist_ok=True)
    (cdir / "uploads").mkdir(exist_ok=True)
    run(["chown", "-R", "www-data:www-data", str(cdir / "uploads")])
    salts = "\n".join(f"define('{k}', '{secrets.token_hex(24)}');" for k in
                      ("AUTH_KEY", "SECURE_AUTH_KEY", "LOGGED_IN_KEY", "NONCE_KEY",
                       "AUTH_SALT", "SECURE_AUTH_SALT", "LOGGED_IN_SALT", "NONCE_SALT"))
    conf = Path(f"/etc/wordpress/config-{host}.php")
    conf.write_text(f"""<?php
# Written by camthuy-audit tests/corpus/cms/build_wordpress.py (Debian per-host WordPress config)
define('DB_NAME', '{db}');
define('DB_USER', '{db}');
define('DB_PASSWORD', '{password}');
define('DB_HOST', 'localhost');
define('DB_CHARSET', 'utf8mb4');
define('WP_CONTENT_DIR', '{cdir}');
define('FS_METHOD', 'direct');
define('DISABLE_WP_CRON', true);
define('AUTOMATIC_UPDATER_DISABLED', true);
{salts}
""")
    os.chmod(conf, 0o640)
    shutil.chown(conf, "root", "www-data")
    name = host.split(".")[0].removeprefix("xa-")
    vhost = Path(f"/etc/apache2/sites-available/wp-{name}.conf")
    vhost.write_text(f"""# camthuy-audit corpus: WordPress portal {pid} (tests/corpus/cms/build_wordpress.py)
<VirtualHost *:80>
    ServerName {host}
    DocumentRoot /usr/share/wordpress
    DirectoryIndex index.php index.html
    Alias /wp-content {cdir}
    ErrorLog ${{APACHE_LOG_DIR}}/wp-{name}-error.log
    CustomLog ${{APACHE_LOG_DIR}}/wp-{name}-access.log combined
    <Directory /usr/share/wordpress>
        Options FollowSymLinks
        AllowOverride None
        Require all granted
        RewriteEngine On
        RewriteBase /
        RewriteRule ^index\\.php$ - [L]
        RewriteCond %{{REQUEST_FILENAME}} !-f
        RewriteCond %{{REQUEST_FILENAME}} !-d
        RewriteRule . /index.php [L]
    </Directory>
    <Directory {cdir}>
        Options FollowSymLinks
        Require all granted
    </Directory>
</VirtualHost>
""")
    run(["a2enmod", "-q", "rewrite"])
    run(["a2ensite", "-q", vhost.stem])
    run(["apache2ctl", "configtest"])
    run(["apache2ctl", "graceful"])


def enter_content(pid: str) -> None:
    cfg = PORTALS[pid]
    host, db = cfg["host"], cfg["db"]
    ensure_services()
    sql(f"DROP DATABASE IF EXISTS {db}")
    sql(f"CREATE DATABASE {db} CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci")
    uploads = content_dir(host) / "uploads"
    shutil.rmtree(uploads, ignore_errors=True)
    uploads.mkdir(parents=True)
    spec = cfg["spec"]()
    spec["admin_password"] = secrets.token_urlsafe(12)
    with tempfile.NamedTemporaryFile("w", suffix=".json", delete=False, encoding="utf-8") as f:
        json.dump(spec, f, ensure_ascii=False)
    try:
        run(["php", str(PHP_HELPER), f.name, "install"])
        run(["php", str(PHP_HELPER), f.name, "content"])
    finally:
        os.unlink(f.name)
    run(["chown", "-R", "www-data:www-data", str(uploads)])


COUNT_SQL = ("SELECT COUNT(DISTINCT ID) FROM wp_posts WHERE post_type = 'post' AND post_status = 'publish' "
             f"AND post_date BETWEEN '{QUARTER[0]}' AND '{QUARTER[1]}'")


def count(pid: str) -> int:
    db = PORTALS[pid]["db"]
    n = int(sql(COUNT_SQL, db).strip())
    print(f"{pid}: {COUNT_SQL};  -> {n}")
    rows = sql("SELECT post_date, post_modified, post_status, post_name FROM wp_posts WHERE post_type = 'post' "
               "ORDER BY post_date", db)
    print(rows)
    answers = HERE / f"{pid}.answers.json"
    if answers.exists():
        label = json.loads(answers.read_text(encoding="utf-8"))["expected"]["posts_in_quarter"]
        print(f"{pid}: label posts_in_quarter = {label}: {'same' if label == n else 'DIFFERENT'}")
        if label != n:
            raise SystemExit(f"{pid}: the database says {n} posts in the quarter, the label says {label}")
    return n


def portal_reject(pid: str, reject: str | None) -> list[str]:
    """The reject patterns of a portal: the common ones, plus its article pages not kept as samples."""
    patterns = [reject] if reject else []
    skip = PORTALS[pid].get("skip_posts")
    if skip:
        patterns.append("/(" + "|".join(sorted(skip)) + r")\.html$")
    return patterns


def mirror(pid: str, reject: str | None) -> None:
    host = PORTALS[pid]["host"]
    out = CORPUS / pid
    if out.exists():
        shutil.rmtree(out)
    cmd = [str(MAIN / ".venv/bin/python"), str(MIRROR), f"http://{host}/", str(out)]
    for pattern in portal_reject(pid, reject):
        cmd += ["--reject-regex", pattern]
    for extra in ALSO:
        cmd += ["--also", extra]
    run(cmd)
    fill_missing(pid, reject)


def _load_mirror_module():
    import importlib.util
    spec = importlib.util.spec_from_file_location("corpus_mirror", MIRROR)
    module = importlib.util.module_from_spec(spec)
    sys.modules["corpus_mirror"] = module
    spec.loader.exec_module(module)
    return module


def _saved(root: Path, path: str, query: str) -> bool:
    """Same lookup as the evaluator's server (camthuy_audit/evaluate.py saved_file), without importing it."""
    from urllib.parse import unquote
    parts = [unquote(x) for x in path.split("/") if x]
    base = root.joinpath(*parts)
    if query:
        candidates = [base / "__q" / (query.replace("/", "%2F") + ".html")]
    elif path.endswith("/") or not parts:
        candidates = [base / "index.html", base / "index.xml"]
    else:
        candidates = [base, base.with_name(base.name + ".html"), base / "index.html", base / "index.xml"]
    return any(c.is_file() for c in candidates)


def fill_missing(pid: str, reject: str | None) -> None:
    """Pages that wget fetched but could not keep, saved where mirror.py would have put them.

    wget stores ``/x`` as a file ``x`` and then needs a folder ``x/`` for ``/x/y`` (WordPress permalinks
    without a trailing slash, e.g. ``/gioi-thieu`` and ``/gioi-thieu/lich-su-truyen-thong``): it removes
    the file or cannot write the second page. Every own-site link of the mirrored pages that is not
    rejected and has no saved answer is fetched again here (redirects not followed) and placed with
    mirror.py's own ``target_path``; redirects are added to ``_redirects``.
    """
    import http.client
    import re
    from urllib.parse import urlsplit
    mod = _load_mirror_module()
    host = PORTALS[pid]["host"]
    root = CORPUS / pid
    rejects = [re.compile(x) for x in [mod.ALWAYS_REJECT, *portal_reject(pid, reject)]]
    link = re.compile(r'(?:href|src|srcset)="([^"]+)"|<loc>([^<]+)</loc>')
    redirects_file = root / "_redirects"
    redirects = redirects_file.read_text(encoding="utf-8").splitlines() if redirects_file.exists() else []
    redirect_from = {line.split()[0] for line in redirects}
    seen: set[str] = set()
    dead: list[str] = []
    added = 0
    while True:
        todo: list[str] = []
        for file in sorted(root.rglob("*")):
            if not file.is_file() or file.suffix not in (".html", ".xml") or file.name == "_404.html":
                continue
            text = file.read_text(encoding="utf-8", errors="replace")
            for m in link.finditer(text):
                for raw in (m.group(1) or m.group(2) or "").split(","):
                    url = raw.strip().split(" ")[0].replace("&amp;", "&").split("#")[0]
                    if not url.startswith(f"http://{host}") or url in seen:
                        continue
                    seen.add(url)
                    parts = urlsplit(url)
                    key = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
                    if any(r.search(url) for r in rejects) or key in redirect_from:
                        continue
                    if not _saved(root, parts.path or "/", parts.query):
                        todo.append(url)
        if not todo:
            break
        for url in todo:
            parts = urlsplit(url)
            conn = http.client.HTTPConnection(host, 80, timeout=30)
            conn.request("GET", (parts.path or "/") + (f"?{parts.query}" if parts.query else ""))
            resp = conn.getresponse()
            body = resp.read()
            ctype = (resp.getheader("Content-Type") or "").split(";")[0].strip().lower()
            conn.close()
            key = (parts.path or "/") + (f"?{parts.query}" if parts.query else "")
            if 300 <= resp.status < 400:
                item = mod.Fetched(url=url, status=resp.status, location=resp.getheader("Location"))
                redirects.append(mod.redirect_line(item, host))
                redirect_from.add(key)
                print(f"  fill: {url} -> redirect {resp.status}")
            elif resp.status == 200:
                target = root / mod.target_path(url, ctype)
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(body)
                added += 1
                print(f"  fill: {url} -> {target.relative_to(root)}")
            else:
                dead.append(f"{url} {resp.status}")
        if redirects:
            redirects_file.write_text("\n".join(dict.fromkeys(redirects)) + "\n", encoding="utf-8")
    print(f"{pid}: filled {added} pages; own links answering an error on the portal itself: {dead or 'none'}")


# Started from besides the home page: wget does not follow the links of XML sitemaps.
ALSO = ["/robots.txt", "/feed/", "/wp-sitemap.xml", "/wp-sitemap-posts-post-1.xml", "/wp-sitemap-posts-page-1.xml",
        "/wp-sitemap-taxonomies-category-1.xml", "/wp-sitemap-users-1.xml"]

# Not mirrored: WordPress's CSS/JS/fonts (mirror.py's own rule), uploaded documents, the feeds of single
# posts and categories other than the main one, comment feeds, REST/oEmbed/xmlrpc endpoints, search.
REJECT = (r"(/wp-json|/wp-admin|/wp-login|xmlrpc\.php|://[^/]+/.+/feed(/|$)|/feed/atom|/feed/rdf|/feed/rss(/|$)"
          r"|[?&](s|p|page_id|cat|replytocom|rest_route|attachment_id)=|/embed/|\.pdf$|/wp-includes/"
          r"|/wp-content/themes/|/author/|\.xsl$)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("step", choices=["setup", "content", "count", "mirror", "all"])
    ap.add_argument("portals", nargs="*", default=list(PORTALS))
    ap.add_argument("--reject-regex", default=REJECT)
    args = ap.parse_args()
    if os.geteuid() != 0 and args.step in ("setup", "content", "all"):
        print("must run as root", file=sys.stderr)
        return 2
    for pid in args.portals:
        if args.step in ("setup", "all"):
            setup(pid)
        if args.step in ("content", "all"):
            enter_content(pid)
        if args.step in ("count", "all"):
            count(pid)
        if args.step in ("mirror", "all"):
            mirror(pid, args.reject_regex)
    return 0


if __name__ == "__main__":
    sys.exit(main())
