"""Write the labelled corpus of saved portal pages (the author's tool; the output is committed).

    .venv/bin/python tests/corpus/build.py          # rewrite every site-*/ folder
    .venv/bin/python tests/corpus/build.py --check  # fail if the committed files differ
    .venv/bin/python tests/corpus/build.py --links  # list own-site links that no saved file answers

Nine commune portals on three platforms, written as those platforms render their pages (see
README.md): the Thanh Hóa commune platform, NukeViet 4 and WordPress 6. The output is
deterministic. The labels live in answers.json and are written by hand; this script only checks
that the post counts it generated equal the labelled ``posts_in_quarter``.

This script must not import camthuy_audit: the corpus measures that code and is not shaped by it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import struct
import sys
import tempfile
import unicodedata
import zlib
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from html import escape
from pathlib import Path

HERE = Path(__file__).resolve().parent
SNAPSHOT_DAY = date(2023, 4, 10)          # the day the pages were saved
Q1_START, Q1_END = date(2023, 1, 1), date(2023, 3, 31)
WEEKDAYS = ("Thứ hai", "Thứ ba", "Thứ tư", "Thứ năm", "Thứ sáu", "Thứ bảy", "Chủ nhật")
TIMES = ("07:45:12", "08:30:05", "09:15:40", "10:02:33", "14:20:10", "15:45:27", "16:30:00", "08:05:51",
         "09:50:18", "11:10:44")


def esc(text: str) -> str:
    return escape(text, quote=True)


def slugify(text: str) -> str:
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    out, dash = [], False
    for ch in folded:
        if ch.isascii() and ch.isalnum():
            out.append(ch)
            dash = False
        elif not dash:
            out.append("-")
            dash = True
    return "".join(out).strip("-")


def upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def unaccent(text: str) -> str:
    """What an admin without a Vietnamese keyboard types: "Tin tức" -> "Tin tuc"."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    return "".join(c for c in folded if not unicodedata.combining(c))


# --- images: real headers, tiny files ---------------------------------------------------------


def png(width: int, height: int) -> bytes:
    """A valid 1-bit grayscale PNG of the given size (compresses to almost nothing)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    row = b"\x00" + b"\x00" * ((width + 7) // 8)
    raw = zlib.compress(row * height, 9)
    header = struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", raw) + chunk(b"IEND", b"")


def jpeg(width: int, height: int) -> bytes:
    """A valid baseline grayscale JPEG of the given size: flat grey, one-symbol Huffman tables."""
    def segment(marker: int, payload: bytes) -> bytes:
        return struct.pack(">HH", marker, len(payload) + 2) + payload

    app0 = segment(0xFFE0, b"JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00")
    dqt = segment(0xFFDB, b"\x00" + bytes([16] * 64))
    sof = segment(0xFFC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
    one_code = bytes([1] + [0] * 15) + b"\x00"          # one code of length 1 for symbol 0
    dht = segment(0xFFC4, b"\x00" + one_code + b"\x10" + one_code)
    sos = segment(0xFFDA, b"\x01\x01\x00\x00\x3f\x00")
    blocks = ((width + 7) // 8) * ((height + 7) // 8)
    bits = 2 * blocks                                   # DC diff 0 ("0") + AC end of block ("0")
    data = b"\x00" * (bits // 8) + (bytes([0xFF >> (bits % 8)]) if bits % 8 else b"")
    return b"\xff\xd8" + app0 + dqt + sof + dht + sos + data + b"\xff\xd9"


def image_bytes(path: str, width: int, height: int) -> bytes:
    return png(width, height) if path.lower().endswith(".png") else jpeg(width, height)


# --- windows-1258 (legacy Vietnamese pages) ---------------------------------------------------

_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def cp1258(text: str) -> bytes:
    """Encode Vietnamese text in windows-1258: base letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        parts = unicodedata.normalize("NFD", ch)
        base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONES))
        tones = "".join(c for c in parts if c in _TONES)
        out += (base + tones).encode("cp1258", errors="xmlcharrefreplace")
    return bytes(out)


# --- content model ----------------------------------------------------------------------------


@dataclass
class Post:
    title: str
    published: datetime
    cat: str                                  # key of its (primary) category
    summary: str
    ident: int
    edited: datetime | None = None            # last edit (NukeViet's datePublished bug, WP "updated")
    repeat_block: bool = False                # Thanh Hóa platform: title and body again, "Đăng lúc"
    also_in: tuple[str, ...] = ()             # other categories listing it
    event_day: date | None = None             # the day the text says the event took place
    slug: str = ""


@dataclass
class Cat:
    key: str
    label: str
    path: str
    topic: str = "news"
    posts: list[Post] = field(default_factory=list)
    children: list[str] = field(default_factory=list)   # aggregate listings show their children's posts


@dataclass
class Banner:
    image: str
    width: int
    height: int
    href: str
    alt: str = ""
    title: str = ""
    show_size: bool = True       # write width/height attributes in the HTML
    responsive: bool = True      # the theme scales it to its column (False: shown at its natural size)


@dataclass
class Site:
    id: str
    origin: str
    name: str                    # "xã Thạch Long"
    district: str
    province: str
    nfd: bool = False
    files: dict[str, bytes] = field(default_factory=dict)
    cats: dict[str, Cat] = field(default_factory=dict)
    next_id: int = 100
    slugs: set[str] = field(default_factory=set)

    def unique_slug(self, title: str) -> str:
        base = slugify(title)
        slug, n = base, 1
        while slug in self.slugs:
            n += 1
            slug = f"{base}-{n}"
        self.slugs.add(slug)
        return slug

    @property
    def title_name(self) -> str:
        """ "Xã Thạch Long" (the name at the start of a sentence)."""
        return upper_first(self.name)

    @property
    def host(self) -> str:
        return self.origin.split("://", 1)[1]

    def t(self, text: str) -> str:
        """Text typed by the portal's staff (NFD on the portal whose admin types "Unicode tổ hợp")."""
        return unicodedata.normalize("NFD" if self.nfd else "NFC", text)

    def write(self, path: str, content: str | bytes) -> None:
        path = path.lstrip("/")
        if path in self.files:
            raise ValueError(f"{self.id}: {path} written twice")
        self.files[path] = content.encode("utf-8") if isinstance(content, str) else content

    def image(self, path: str, width: int, height: int) -> str:
        key = path.lstrip("/")
        if key not in self.files:
            self.files[key] = image_bytes(path, width, height)
        return path

    def cat(self, key: str, label: str, path: str, topic: str = "news") -> Cat:
        self.cats[key] = Cat(key, self.t(label), path, topic)
        return self.cats[key]

    def listing(self, key: str) -> list[Post]:
        cat = self.cats[key]
        posts = {id(p): p for p in cat.posts}
        for other in self.cats.values():
            for post in other.posts:
                if key in post.also_in:
                    posts[id(post)] = post
        for child in cat.children:
            posts.update({id(p): p for p in self.listing(child)})
        return sorted(posts.values(), key=lambda p: (p.published, p.ident), reverse=True)

    def all_posts(self) -> list[Post]:
        posts = {id(p): p for c in self.cats.values() for p in c.posts}
        return sorted(posts.values(), key=lambda p: (p.published, p.ident), reverse=True)

    def posts_in_q1(self) -> int:
        return sum(1 for p in self.all_posts() if Q1_START <= p.published.date() <= Q1_END)


# --- titles and dates -------------------------------------------------------------------------

TITLES = {
    "news": [
        "{x} tổ chức Lễ ra quân đầu xuân", "Hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội",
        "Ra quân tổng vệ sinh môi trường hưởng ứng Ngày Chủ nhật xanh",
        "Phát động Tết trồng cây đời đời nhớ ơn Bác Hồ", "Trao quà cho các gia đình chính sách, hộ nghèo",
        "Hội Nông dân {x} tổng kết công tác hội", "Tổ chức giao nhận quân đảm bảo an toàn, đúng luật",
        "Hội nghị tiếp xúc cử tri trước kỳ họp HĐND huyện", "Ra mắt mô hình Dân vận khéo tại thôn Đồng Tâm",
        "Tập huấn kỹ thuật chăm sóc lúa vụ Đông Xuân cho bà con nông dân",
        "Tiêm vắc xin phòng bệnh cho đàn gia súc, gia cầm đợt 1",
        "Giải bóng chuyền hơi mừng Đảng, mừng Xuân", "Kiểm tra công tác phòng cháy, chữa cháy rừng mùa khô",
        "Hội Liên hiệp Phụ nữ {x} gặp mặt kỷ niệm Ngày Quốc tế Phụ nữ",
        "Đoàn Thanh niên ra quân Tháng Thanh niên", "Sơ kết công tác xây dựng nông thôn mới nâng cao",
        "Thăm, tặng quà người cao tuổi nhân dịp mừng thọ đầu xuân", "Khánh thành nhà văn hóa thôn Tân Lập",
        "Ngày hội hiến máu tình nguyện thu hút đông đảo người dân", "Kiểm tra tiến độ làm đường giao thông nội đồng",
        "Hội nghị triển khai công tác quân sự - quốc phòng địa phương", "Phát động phong trào thi đua yêu nước",
        "Tuyên dương học sinh đạt giải học sinh giỏi cấp huyện", "Bồi dưỡng nghiệp vụ cho cán bộ thôn",
        "Chủ tịch UBND {x} đối thoại với nhân dân", "Ra quân giải tỏa hành lang an toàn giao thông",
        "Trao bằng công nhận thôn đạt chuẩn nông thôn mới kiểu mẫu", "Hội nghị tổng kết công tác tư pháp - hộ tịch",
        "Kiểm tra an toàn thực phẩm tại các cơ sở kinh doanh", "Lễ kết nạp đoàn viên mới tại Chi đoàn thôn Bắc Sơn",
        "Hội nghị ký kết giao ước thi đua giữa các thôn", "Trạm Y tế {x} khám sức khỏe miễn phí cho người cao tuổi",
        "Nghiệm thu công trình kênh mương nội đồng", "Tổng kết mô hình trồng rau an toàn theo chuỗi giá trị",
        "Gặp mặt cán bộ hưu trí nhân dịp đầu năm", "Hướng dẫn kê khai thuế cho hộ kinh doanh cá thể",
        "Diễn tập phương án phòng cháy, chữa cháy tại chợ trung tâm", "Ra quân làm đường bê tông liên thôn",
    ],
    "notice": [
        "Thông báo lịch trực Tết Nguyên đán", "Thông báo về việc thu thuế sử dụng đất phi nông nghiệp",
        "Thông báo tuyển chọn lao động đi làm việc có thời hạn ở nước ngoài",
        "Thông báo lịch cắt điện để sửa chữa lưới điện", "Thông báo tạm ngừng tiếp nhận hồ sơ trực tiếp",
        "Thông báo kết quả xét duyệt hộ nghèo, hộ cận nghèo", "Thông báo công khai dự toán ngân sách",
        "Thông báo về việc tiêm phòng dại cho chó, mèo",
    ],
    "digital": [
        "Hướng dẫn người dân cài đặt và kích hoạt tài khoản định danh điện tử VNeID",
        "Tổ công nghệ số cộng đồng ra mắt tại các thôn", "Tuyên truyền thanh toán không dùng tiền mặt",
        "Kế hoạch thực hiện chuyển đổi số", "Tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng",
        "Hướng dẫn nộp hồ sơ dịch vụ công trực tuyến mức độ toàn trình",
        "Triển khai chữ ký số cho cán bộ, công chức", "Số hóa hồ sơ, kết quả giải quyết thủ tục hành chính",
    ],
    "law": [
        "Tuyên truyền Luật Phòng, chống bạo lực gia đình năm 2022", "Hỏi - đáp pháp luật về đất đai",
        "Tuyên truyền pháp luật về trật tự an toàn giao thông", "Phổ biến Luật Thực hiện dân chủ ở cơ sở",
        "Tìm hiểu quy định về phòng, chống ma túy trong cộng đồng",
        "Tuyên truyền Luật Cư trú và Luật Căn cước công dân", "Một số điểm mới của Luật Hòa giải ở cơ sở",
        "Hỏi - đáp về chính sách bảo hiểm xã hội tự nguyện",
    ],
    "travel": [
        "Lễ hội truyền thống đình làng Thượng", "Khám phá hang Ngọc trên núi Đá Bàn",
        "Di tích lịch sử văn hóa đền Mẫu", "Thác Mây - điểm đến hấp dẫn mùa hè",
        "Làng nghề mây tre đan truyền thống", "Chợ phiên vùng cao ngày cuối tuần",
    ],
    "reception": ["Lịch tiếp công dân của Chủ tịch UBND {x} tháng {m}"],
}
SUMMARIES = {
    "news": "Sáng ngày {e}, UBND {x} tổ chức hoạt động với sự tham gia của đông đảo nhân dân.",
    "notice": "UBND {x} thông báo để nhân dân trên địa bàn được biết, thực hiện.",
    "digital": "Ngày {e}, {x} triển khai kế hoạch chuyển đổi số đến cán bộ và nhân dân.",
    "law": "Ngày {e}, {x} tổ chức tuyên truyền pháp luật tại các thôn.",
    "travel": "Giới thiệu một điểm đến văn hóa, du lịch tiêu biểu của {x}.",
    "reception": "Chủ tịch UBND {x} thông báo lịch tiếp công dân định kỳ.",
}


def spread(start: date, end: date, count: int, salt: int = 0) -> list[datetime]:
    """``count`` timestamps spread over [start, end], deterministic, newest last."""
    if count <= 0:
        return []
    span = (end - start).days
    stamps = []
    for index in range(count):
        day = start + timedelta(days=round(span * (index + 0.5) / count))
        hh, mm, ss = (int(x) for x in TIMES[(index * 3 + salt) % len(TIMES)].split(":"))
        stamps.append(datetime(day.year, day.month, day.day, hh, mm, ss))
    return stamps


def add_posts(site: Site, key: str, *, q1: int = 0, before: int = 0, after: int = 0,
              extra: Iterable[datetime] = (), salt: int = 0) -> list[Post]:
    """Posts of category ``key``: ``q1`` inside 2023-Q1, ``before`` in late 2022, ``after`` in April 2023."""
    cat = site.cats[key]
    stamps = (spread(date(2022, 9, 6), date(2022, 12, 28), before, salt)
              + spread(date(2023, 1, 3), date(2023, 3, 29), q1, salt)
              + spread(date(2023, 4, 3), SNAPSHOT_DAY - timedelta(days=1), after, salt)
              + list(extra))
    titles = TITLES[cat.topic]
    made = []
    for index, stamp in enumerate(sorted(stamps)):
        site.next_id += 1
        title = titles[(index + salt) % len(titles)].format(x=site.name, m=f"{stamp.month % 12 + 1:02d}/{stamp.year + (stamp.month == 12)}")
        if cat.topic in ("news", "notice", "law") and index >= len(titles):
            title += f" (đợt {index // len(titles) + 1})"
        event = (stamp - timedelta(days=1 + index % 2)).date()
        summary = SUMMARIES[cat.topic].format(x=site.name, e=event.strftime("%d/%m/%Y"))
        post = Post(site.t(title), stamp, key, site.t(summary), site.next_id, event_day=event,
                    slug=site.unique_slug(title))
        cat.posts.append(post)
        made.append(post)
    return made


def add_post(site: Site, key: str, title: str, stamp: datetime, summary: str, **extra: object) -> Post:
    """One post with a given title (campaign posts, elections)."""
    site.next_id += 1
    post = Post(site.t(title), stamp, key, site.t(summary), site.next_id, slug=site.unique_slug(title),
                event_day=stamp.date(), **extra)  # type: ignore[arg-type]
    site.cats[key].posts.append(post)
    return post


def relabel(site: Site, links: list[Link]) -> list[Link]:
    """Menu labels as the portal's staff typed them (NFD on the NFD portal)."""
    return [Link(site.t(x.label), x.href, site.t(x.title), relabel(site, x.children)) for x in links]


def table_html(headers: list[str], rows: list[list[str]], css: str = "table table-bordered") -> str:
    head = "".join(f"<th>{esc(h)}</th>" for h in headers)
    body = "\n".join("<tr>" + "".join(f"<td>{esc(c)}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table class="{css}"><thead><tr>{head}</tr></thead><tbody>\n{body}\n</tbody></table>'


def vn_date(moment: datetime) -> str:
    return moment.strftime("%d/%m/%Y")


def body_paragraphs(site: Site, post: Post) -> str:
    event = post.event_day.strftime("%d/%m/%Y") if post.event_day else ""
    return (f"<p>{esc(post.summary)}</p>\n"
            f"<p>{esc(site.t('Tại buổi lễ, lãnh đạo địa phương đã quán triệt mục đích, yêu cầu và phân công nhiệm vụ cụ thể cho các thôn, các ban ngành, đoàn thể.'))}</p>\n"
            f"<p>{esc(site.t(f'Kết thúc buổi làm việc ngày {event}, các đơn vị đã thống nhất kế hoạch triển khai trong thời gian tới.'))}</p>")


def pages_of(items: list[Post], per_page: int) -> list[list[Post]]:
    return [items[i:i + per_page] for i in range(0, len(items), per_page)] or [[]]


def index_file(path: str, query: str = "") -> str:
    """The file a URL path is saved as (the mapping camthuy_audit.evaluate serves)."""
    path = path.strip("/")
    folder = f"{path}/" if path else ""
    return f"{folder}__q/{query}.html" if query else f"{folder}index.html"


@dataclass
class Link:
    label: str
    href: str
    title: str = ""
    children: list[Link] = field(default_factory=list)


# --- the Thanh Hóa commune platform -----------------------------------------------------------
# ASP.NET WebForms pages with Liferay-like paths: /web/trang-chu/<menu>/<submenu>, posts
# .../<slug>.html, images /file/thumb/500/<digits>.jpg, banners with alt "image banner", a
# three-column body (left banners and category links, content, right poll/counter/banners), the
# five-line footer. Category pages page with ?page=N.

TH_HOME = "/web/trang-chu"
TH_VIEWSTATE = "/wEPDwUKLTg4NjE2MzQ0Mg9kFgJmD2QWAgIDD2QWBAIBD2QWAmYPZBYCZg8WAh4EVGV4dAUYVGjhu6kgaGFpLCAxMC8wNC8yMDIzZGQ="


@dataclass
class ThanhHoa:
    site: Site
    menu: list[Link]
    topbar: list[Link]
    left: list[str]
    right: list[str]
    footer_lines: list[str]
    dated_listings: bool = True
    header_image: str = "/file/banner-top.jpg"

    def page(self, path: str, title: str, main: str, *, crumbs: Iterable[Link] = (), home: bool = False) -> str:
        """A page; inner pages use the two-column layout (content, right column with the left blocks)."""
        site = self.site
        site_title = f"Trang thông tin điện tử {site.name}"
        crumb_html = "".join(f' <span>/</span> <a href="{esc(c.href)}">{esc(c.label)}</a>' for c in crumbs)
        trail = f'<div class="breadcrumb-bar"><a href="{TH_HOME}">Trang chủ</a>{crumb_html}</div>\n' if crumbs else ""
        return f"""<!DOCTYPE html>
<html lang="vi">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<title>{esc(title + " - " if title else "")}{esc(site_title)}</title>
<meta name="description" content="{esc(site_title)}, {esc(site.district)}, {esc(site.province)}">
<link href="/Content/bootstrap.min.css" rel="stylesheet">
<link href="/Content/portal/site.css?v=20220915" rel="stylesheet">
<script src="/Scripts/jquery-3.4.1.min.js"></script>
</head>
<body>
<form method="post" action="{esc(path)}" id="form1">
<div class="aspNetHidden"><input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="{TH_VIEWSTATE}"></div>
<div class="wrapper">
<div class="top-header"><div class="container">
<div class="pull-left date-time"><i class="fa fa-calendar"></i> Thứ hai, 10/04/2023</div>
<div class="pull-right top-link">{" | ".join(f'<a href="{esc(x.href)}">{esc(x.label)}</a>' for x in self.topbar)}</div>
</div></div>
<div class="header"><div class="container"><a href="{TH_HOME}"><img src="{self.header_image}" alt="image banner" class="img-responsive"></a></div></div>
<div class="navigation"><div class="container">
<ul class="nav-main">
{self._menu()}
</ul>
</div></div>
<div class="container main-body"><div class="row">
{self._columns(trail + main, home)}
</div></div>
<div class="footer"><div class="container"><div class="footer-content">
{chr(10).join(f"<p>{esc(line)}</p>" for line in self.footer_lines)}
</div></div></div>
</div>
</form>
<script src="/Scripts/portal.js"></script>
</body>
</html>
"""

    def _columns(self, main: str, home: bool) -> str:
        if home:
            return (f'<div id="column-1" class="portlet-column portlet-column-first col-md-3">\n{chr(10).join(self.left)}\n</div>\n'
                    f'<div id="column-2" class="portlet-column col-md-6">\n{main}\n</div>\n'
                    f'<div id="column-3" class="portlet-column portlet-column-last col-md-3">\n{chr(10).join(self.right)}\n</div>')
        return (f'<div id="column-1" class="portlet-column portlet-column-first col-md-9">\n{main}\n</div>\n'
                f'<div id="column-2" class="portlet-column portlet-column-last col-md-3">\n{chr(10).join(self.left)}\n</div>')

    def _menu(self) -> str:
        lines = []
        for item in self.menu:
            sub = ""
            if item.children:
                sub = '<ul class="nav-child">' + "".join(
                    f'<li><a href="{esc(c.href)}">{esc(c.label)}</a></li>' for c in item.children) + "</ul>"
            css = ' class="has-child"' if item.children else ""
            lines.append(f'<li{css}><a href="{esc(item.href)}">{esc(item.label)}</a>{sub}</li>')
        return "\n".join(lines)

    # -- blocks of the side columns --

    @staticmethod
    def banners(banners: list[Banner]) -> str:
        items = []
        for b in banners:
            size = f' width="{b.width}" height="{b.height}"' if b.show_size else ""
            title = f' title="{esc(b.title)}"' if b.title else ""
            css = ' class="img-responsive"' if b.responsive else ""
            items.append(f'<div class="banner-item"><a href="{esc(b.href)}" target="_blank"{title}>'
                         f'<img src="{esc(b.image)}" alt="{esc(b.alt)}"{size}{css}></a></div>')
        return f'<div class="portlet-boundary portlet-banner"><div class="portlet-body">{"".join(items)}</div></div>'

    @staticmethod
    def links(title: str, links: list[Link]) -> str:
        items = "".join(f'<li><a href="{esc(x.href)}">{esc(x.label)}</a></li>' for x in links)
        return (f'<div class="portlet-boundary"><div class="portlet-title"><span>{esc(title)}</span></div>'
                f'<div class="portlet-body"><ul class="list-cate">{items}</ul></div></div>')

    @staticmethod
    def poll(question: str, options: list[str]) -> str:
        radios = "".join(f'<div class="radio"><label><input type="radio" name="rdoPoll" value="{i}"> {esc(o)}</label></div>'
                         for i, o in enumerate(options, 1))
        return ('<div class="portlet-boundary"><div class="portlet-title"><span>Ý kiến thăm dò</span></div>'
                f'<div class="portlet-body poll"><p class="poll-question">{esc(question)}</p>{radios}'
                '<input type="submit" name="btnVote" value="Biểu quyết" class="btn btn-primary btn-sm"> '
                '<input type="submit" name="btnResult" value="Xem kết quả" class="btn btn-default btn-sm"></div></div>')

    @staticmethod
    def counter(today: int, yesterday: int, week: int, month: int, total: int) -> str:
        rows = "".join(f"<tr><td>{label}:</td><td>{value:,}</td></tr>".replace(",", ".")
                       for label, value in (("Hôm nay", today), ("Hôm qua", yesterday), ("Tuần này", week),
                                            ("Tháng này", month), ("Tất cả", total)))
        return ('<div class="portlet-boundary"><div class="portlet-title"><span>Truy cập</span></div>'
                f'<div class="portlet-body statistic"><table class="table-statistic">{rows}</table></div></div>')

    # -- pages --

    def post_url(self, post: Post) -> str:
        return f"{self.site.cats[post.cat].path}/{post.slug}.html"

    def thumb(self, post: Post) -> str:
        if post.ident % 2 == 0:   # a post without a picture: the platform's placeholder
            return self.site.image("/Content/portal/images/no-image.png", 500, 375)
        return self.site.image(f"/file/thumb/500/{7_340_000 + post.ident * 37}.jpg", 500, 375)

    def listing(self, key: str, per_page: int = 10) -> None:
        cat = self.site.cats[key]
        chunks = pages_of(self.site.listing(key), per_page)
        for number, chunk in enumerate(chunks, 1):
            items = []
            for post in chunk:
                url = self.post_url(post)
                if self.dated_listings:
                    items.append(
                        f'<div class="news-item row"><div class="col-xs-4"><a href="{esc(url)}"><img src="{self.thumb(post)}" '
                        f'alt="{esc(post.title)}" class="img-responsive"></a></div><div class="col-xs-8">'
                        f'<h3 class="news-title"><a href="{esc(url)}">{esc(post.title)}</a></h3>'
                        f'<p class="news-date">Ngày {post.published.strftime("%d/%m/%Y %H:%M:%S")}</p>'
                        f'<p class="news-sapo">{esc(post.summary)}</p></div></div>')
                else:
                    items.append(f'<li><a href="{esc(url)}">{esc(post.title)}</a></li>')
            body = "\n".join(items) if self.dated_listings else f'<ul class="list-news-title">\n{chr(10).join(items)}\n</ul>'
            if not chunk:
                body = '<p class="no-data">Chưa có dữ liệu</p>'
            pager = ""
            if len(chunks) > 1:
                cells = ['<span class="paging-label">Trang:</span>']
                for n in range(1, len(chunks) + 1):
                    target = cat.path if n == 1 else f"?page={n}"
                    cells.append(f'<span class="current">{n}</span>' if n == number else f'<a href="{target}">{n}</a>')
                if number < len(chunks):
                    cells.append(f'<a href="?page={number + 1}" title="Trang sau">Sau »</a>')
                pager = f'\n<div class="paging">{" ".join(cells)}</div>'
            main = (f'<div class="portlet-boundary"><div class="portlet-title"><h1 class="title-cate">{esc(cat.label)}</h1></div>'
                    f'<div class="portlet-body"><div class="news-list">\n{body}\n</div>{pager}</div></div>')
            html = self.page(cat.path, cat.label, main, crumbs=[Link(cat.label, cat.path)])
            self.site.write(index_file(cat.path, "" if number == 1 else f"page={number}"), html)

    def hub(self, key: str) -> None:
        """A parent category: the latest posts of each child category, not paged."""
        site = self.site
        cat = site.cats[key]
        blocks = []
        for child_key in cat.children:
            child = site.cats[child_key]
            rows = "".join(f'<li><a href="{esc(self.post_url(p))}">{esc(p.title)}</a> <span class="date">({vn_date(p.published)})</span></li>'
                           for p in site.listing(child_key)[:3])
            blocks.append(f'<div class="portlet-boundary"><div class="portlet-title"><a href="{esc(child.path)}">{esc(child.label)}</a>'
                          f'</div><div class="portlet-body"><ul class="list-news-home">{rows}</ul>'
                          f'<a class="view-more" href="{esc(child.path)}">Xem thêm</a></div></div>')
        site.write(index_file(cat.path), self.page(cat.path, cat.label, "\n".join(blocks), crumbs=[Link(cat.label, cat.path)]))

    def article(self, post: Post, others: list[Post]) -> None:
        cat = self.site.cats[post.cat]
        stamp = post.published.strftime("%d/%m/%Y %H:%M:%S")
        repeat = ""
        if post.repeat_block:
            repeat = (f'\n<div class="news-detail-print"><h2 class="detail-title">{esc(post.title)}</h2>'
                      f'<p class="post-date">Đăng lúc: {stamp} (GMT+7)</p>'
                      f'<div class="detail-content">{body_paragraphs(self.site, post)}</div></div>')
        other = "".join(f'<li><a href="{esc(self.post_url(o))}">{esc(o.title)}</a> <span class="date">({vn_date(o.published)})</span></li>'
                        for o in others[:3])
        main = (f'<div class="news-detail"><h1 class="detail-title">{esc(post.title)}</h1>'
                f'<div class="detail-date">Ngày {stamp}</div>'
                f'<div class="detail-sapo"><b>{esc(post.summary)}</b></div>'
                f'<div class="detail-content">\n{body_paragraphs(self.site, post)}\n'
                f'<p style="text-align:right"><b>{esc(self.site.t("Ban Văn hóa - Thông tin"))}</b></p></div>{repeat}'
                '<div class="detail-tool"><a href="javascript:window.print();">In bài viết</a> | '
                '<a href="javascript:history.back();">Quay lại</a></div></div>'
                f'<div class="other-news"><h3 class="other-title">Các tin khác</h3><ul>{other}</ul></div>')
        self.site.write(self.post_url(post), self.page(self.post_url(post), post.title, main,
                                                       crumbs=[Link(cat.label, cat.path)]))

    def articles(self, chosen: set[int] | None = None) -> None:
        """Article pages: every post's, or only the posts whose ident is ``chosen``."""
        for cat in self.site.cats.values():
            for post in cat.posts:
                if chosen is None or post.ident in chosen:
                    others = [p for p in self.site.listing(cat.key) if p is not post and p.published < post.published]
                    self.article(post, others)

    def table_page(self, path: str, title: str, headers: list[str], rows: list[list[str]], *,
                   intro: str = "", links: dict[int, Callable[[list[str]], str]] | None = None) -> None:
        head = "".join(f"<th>{esc(h)}</th>" for h in headers)
        body = []
        for row in rows:
            cells = []
            for index, cell in enumerate(row):
                target = (links or {}).get(index)
                cells.append(f'<td><a href="{esc(target(row))}">{esc(cell)}</a></td>' if target else f"<td>{esc(cell)}</td>")
            body.append(f"<tr>{''.join(cells)}</tr>")
        intro_html = f"<p>{esc(intro)}</p>" if intro else ""
        main = (f'<div class="portlet-boundary"><div class="portlet-title"><h1 class="title-cate">{esc(title)}</h1></div>'
                f'<div class="portlet-body">{intro_html}<table class="table table-bordered table-list"><thead><tr>{head}</tr></thead>'
                f'<tbody>\n{chr(10).join(body)}\n</tbody></table></div></div>')
        self.site.write(index_file(path), self.page(path, title, main, crumbs=[Link(title, path)]))

    def text_page(self, path: str, title: str, paragraphs: list[str], *, dated: datetime | None = None,
                  extra: str = "") -> None:
        """A single-article page (paragraphs are HTML); ``extra`` HTML follows them (a table)."""
        date_html = f'<div class="detail-date">Ngày {dated.strftime("%d/%m/%Y %H:%M:%S")}</div>' if dated else ""
        text = "\n".join(f"<p>{p}</p>" for p in paragraphs) + extra
        main = (f'<div class="news-detail"><h1 class="detail-title">{esc(title)}</h1>{date_html}'
                f'<div class="detail-content">\n{text}\n</div></div>')
        self.site.write(index_file(path), self.page(path, title, main, crumbs=[Link(title, path)]))

    def home(self, blocks: list[tuple[str, str]]) -> None:
        """The home page: a featured post and the latest posts of some categories."""
        site = self.site
        latest = site.all_posts()
        featured = latest[0]
        parts = [f'<div class="portlet-boundary hot-news"><div class="portlet-title"><span>TIN NỔI BẬT</span></div>'
                 f'<div class="portlet-body"><a href="{esc(self.post_url(featured))}"><img src="{self.thumb(featured)}" '
                 f'alt="{esc(featured.title)}" class="img-responsive"></a><h2><a href="{esc(self.post_url(featured))}">'
                 f'{esc(featured.title)}</a></h2><p>{esc(featured.summary)}</p></div></div>']
        for title, key in blocks:
            rows = "".join(f'<li><a href="{esc(self.post_url(p))}">{esc(p.title)}</a> <span class="date">({vn_date(p.published)})</span></li>'
                           for p in site.listing(key)[:5])
            parts.append(f'<div class="portlet-boundary"><div class="portlet-title"><a href="{esc(site.cats[key].path)}">'
                         f'{esc(title)}</a></div><div class="portlet-body"><ul class="list-news-home">{rows}</ul></div></div>')
        site.write(index_file(TH_HOME), self.page(TH_HOME, "", "\n".join(parts), home=True))
        site.write("_redirects", f"/ {TH_HOME} 302\n/web {TH_HOME} 302\n")
        site.write("_404.html", "<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>Không tìm thấy trang</title></head>"
                                "<body><div style=\"text-align:center;margin-top:80px\"><h2>Trang bạn yêu cầu không tồn tại "
                                "hoặc đã bị xóa.</h2><p><a href=\"/web/trang-chu\">Về trang chủ</a></p></div></body></html>\n")
        site.image(self.header_image, 1140, 150)


# --- NukeViet 4 (default theme) --------------------------------------------------------------
# Markup of themes/default (layout.main-right: content and one right column), modules news
# (viewcat_page / viewcat_list / detail), laws (flex-table-laws) and banners (click-counting links,
# images in /uploads/banners/), /<cat>/page-N paging, RSS in /rss/, sitemap index in /sitemap.xml.

NV_GENERATOR = "NukeViet v4.5"


@dataclass
class NukeViet:
    site: Site
    menu: list[Link]
    right: list[str]
    company: list[str]           # company_info lines (HTML)
    copyright_by: str
    list_mode: str = "page"      # viewcat_page (dated) or viewcat_list (titles only)
    logo: str = "/uploads/logo.png"
    head_banner: str = "/uploads/banners/banner-top.jpg"

    def page(self, path: str, title: str, main: str, *, crumbs: Iterable[Link] = (), og_type: str = "website",
             head_extra: str = "") -> str:
        site = self.site
        full = f"{title} - {site.title_name}" if title else site.title_name
        trail = "".join(f'<li><a href="{esc(c.href)}" title="{esc(c.label)}"><span>{esc(c.label)}</span></a></li>' for c in crumbs)
        return f"""<!DOCTYPE html>
<html lang="vi" xmlns="http://www.w3.org/1999/xhtml" prefix="og: http://ogp.me/ns#">
<head>
<title>{esc(full)}</title>
<meta name="description" content="{esc(full)}">
<meta name="author" content="{esc(site.title_name)}">
<meta name="copyright" content="{esc(site.title_name)} [webmaster@{site.host}]">
<meta name="generator" content="{NV_GENERATOR}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<meta property="og:title" content="{esc(full)}">
<meta property="og:type" content="{og_type}">
<meta property="og:url" content="{site.origin}{esc(path)}">
{head_extra}<link rel="canonical" href="{site.origin}{esc(path)}">
<link rel="alternate" href="/rss/" title="Tin Tức" type="application/rss+xml">
<link rel="StyleSheet" href="/themes/default/css/style.css">
<script src="/assets/js/jquery/jquery.min.js"></script>
</head>
<body>
<div class="body-bg">
<div class="wraper">
<header>
<div class="container">
<div id="header" class="row">
<div class="logo col-xs-24 col-sm-24 col-md-8">
<a title="{esc(site.title_name)}" href="/"><img src="{self.logo}" width="91" height="91" alt="{esc(site.title_name)}"></a>
<span class="site_name">{esc(site.t(site.name.upper()))}</span>
</div>
<div class="col-xs-24 col-sm-24 col-md-16">
<div class="nv-block-banners"><img alt="{esc(site.title_name)}" src="{self.head_banner}" width="780"></div>
</div>
</div>
</div>
</header>
<nav class="second-nav" id="menusite">
<div class="container">
<div class="row">
<div class="bg box-shadow">
<div class="navbar navbar-default navbar-static-top" role="navigation">
<div class="navbar-header">
<button type="button" class="navbar-toggle" data-toggle="collapse" data-target="#menu-site-default"><span class="icon-bar">&nbsp;</span></button>
</div>
<div class="collapse navbar-collapse" id="menu-site-default">
<ul class="nav navbar-nav">
{self._menu()}
</ul>
</div>
</div>
</div>
</div>
</div>
</nav>
<section>
<div class="container" id="body">
<nav class="third-nav"><div class="breadcrumbs-wrap"><ul class="breadcrumbs list-none"><li><a href="/" title="Trang nhất"><span>Trang nhất</span></a></li>{trail}</ul></div></nav>
<div class="row">
<div class="col-sm-16 col-md-18">
{main}
</div>
<div class="col-sm-8 col-md-6">
{chr(10).join(self.right)}
</div>
</div>
</div>
</section>
</div>
<footer id="footer">
<div class="wraper">
<div class="container">
<div class="row">
<div class="col-xs-24 col-sm-24 col-md-8">
<div class="panel-body">
<h3 class="column-margin-bottom">{esc(site.t(site.name.upper()))}</h3>
<section><ul class="company_info">
{chr(10).join(f"<li>{line}</li>" for line in self.company)}
</ul></section>
</div>
</div>
<div class="col-xs-24 col-sm-24 col-md-16">
<div class="panel-body">
<div class="copyright">
<span>&copy;&nbsp;Bản quyền thuộc về <a href="{site.origin}/">{esc(self.copyright_by)}</a>.&nbsp; </span>
<span>Mã nguồn <a href="http://nukeviet.vn/" target="_blank">NukeViet CMS</a>.&nbsp; </span>
</div>
</div>
</div>
</div>
</div>
</div>
<div class="bttop"><a class="pointer"><em class="fa fa-eject fa-lg"></em></a></div>
</footer>
</div>
<script src="/themes/default/js/bootstrap.min.js"></script>
</body>
</html>
"""

    def _menu(self) -> str:
        lines = []
        for index, item in enumerate(self.menu):
            title = esc(item.title or item.label)
            if index == 0:
                lines.append(f'<li><a title="{title}" href="{esc(item.href)}"><em class="fa fa-lg fa-home">&nbsp;</em>'
                             f'<span class="visible-xs-inline-block"> {esc(item.label)}</span></a></li>')
            elif item.children:
                subs = "".join(f'<li><a href="{esc(c.href)}" title="{esc(c.title or c.label)}">{esc(c.label)}</a></li>'
                               for c in item.children)
                lines.append(f'<li class="dropdown" role="presentation"><a class="dropdown-toggle" href="{esc(item.href)}" '
                             f'role="button" aria-expanded="false" title="{title}">{esc(item.label)} <strong class="caret">&nbsp;</strong></a>\n'
                             f'<ul class="dropdown-menu">{subs}</ul>\n</li>')
            else:
                lines.append(f'<li><a href="{esc(item.href)}" title="{title}">{esc(item.label)}</a></li>')
        return "\n".join(lines)

    # -- right-column blocks --

    @staticmethod
    def panel(title: str, body: str) -> str:
        return f'<div class="panel panel-primary">\n<div class="panel-heading">{esc(title)}</div>\n<div class="panel-body">\n{body}\n</div>\n</div>'

    def categories(self, title: str, links: list[Link]) -> str:
        items = "".join(f'<li><a title="{esc(x.label)}" href="{esc(x.href)}">{esc(x.label)}</a></li>' for x in links)
        return self.panel(title, f'<div class="clearfix panel metismenu"><aside class="sidebar"><nav class="sidebar-nav">'
                                 f'<ul id="menu_52">{items}</ul></nav></aside></div>')

    def banners(self, banners: list[tuple[int, Banner]]) -> str:
        out = []
        for number, b in banners:
            click = f"/index.php?language=vi&nv=banners&op=click&id={number}&s={hashlib.md5(f'{number}{self.site.host}'.encode()).hexdigest()}"
            self.site.files.setdefault("_redirects", b"")
            self.site.files["_redirects"] += f"{click} {b.href} 302\n".encode()
            out.append(f'<div class="nv-block-banners"><a rel="nofollow" href="{esc(click)}" onclick="this.target=\'_blank\'" '
                       f'title="{esc(b.title or b.alt)}"><img alt="{esc(b.alt)}" src="{esc(b.image)}" width="{b.width}"></a></div>')
            self.site.image(b.image, b.width, b.height)
        return "\n".join(out)

    @staticmethod
    def counter(online: int, today: int, month: int, total: int) -> str:
        rows = "".join(f'<li><span><em class="fa {icon} fa-lg fa-horizon"></em>{label}</span><span>{value:,}</span></li>'.replace(",", ".")
                       for icon, label, value in (("fa-bolt", "Đang truy cập", online), ("fa-filter", "Hôm nay", today),
                                                  ("fa-calendar-o", "Tháng hiện tại", month), ("fa-bar-chart", "Tổng lượt truy cập", total)))
        return NukeViet.panel("Thống kê truy cập", f'<ul class="counter list-none display-table">{rows}</ul>')

    @staticmethod
    def voting(question: str, options: list[str]) -> str:
        radios = "".join(f'<div class="radio"><label><input type="radio" name="option" value="{i}"> {esc(o)}</label></div>'
                         for i, o in enumerate(options, 1))
        return NukeViet.panel("Thăm dò ý kiến", f'<form action="/voting/" method="post"><p><strong>{esc(question)}</strong></p>{radios}'
                                                '<input class="btn btn-success btn-sm" type="button" value="Bình chọn"> '
                                                '<input class="btn btn-primary btn-sm" type="button" value="Kết quả"></form>')

    # -- news module --

    def post_url(self, post: Post) -> str:
        return f"{self.site.cats[post.cat].path}{post.slug}-{post.ident}.html"

    def thumb(self, post: Post) -> str:
        return self.site.image(f"/assets/news/{post.published:%Y_%m}/{post.slug[:24].strip('-')}.jpg", 183, 122)

    @staticmethod
    def listed(moment: datetime) -> str:
        return moment.strftime("%d/%m/%Y %I:%M:%S %p")

    @staticmethod
    def detailed(moment: datetime) -> str:
        return f"{WEEKDAYS[moment.weekday()]} - {moment.strftime('%d/%m/%Y %H:%M')}"

    def pager(self, base: str, number: int, count: int) -> str:
        if count < 2:
            return ""

        def href(n: int) -> str:
            return base if n == 1 else f"{base}page-{n}"
        cells = ['<li class="disabled"><a href="#">&laquo;</a></li>' if number == 1 else f'<li><a href="{href(number - 1)}">&laquo;</a></li>']
        for n in range(1, count + 1):
            cells.append(f'<li class="active"><a href="#">{n}</a></li>' if n == number else f'<li><a href="{href(n)}">{n}</a></li>')
        cells.append(f'<li><a href="{href(number + 1)}" rel="next">&raquo;</a></li>' if number < count else '<li class="disabled"><a href="#">&raquo;</a></li>')
        return f'<div class="clearfix"></div>\n<div class="text-center">\n<ul class="pagination">{"".join(cells)}</ul>\n</div>'

    def listing(self, key: str, per_page: int = 10, *, description: str = "") -> None:
        cat = self.site.cats[key]
        self._listing(cat.path, cat.label, self.site.listing(key), per_page, description=description,
                      crumbs=[Link(cat.label, cat.path)])

    def home_listing(self, per_page: int = 10) -> None:
        """The news module's main page as viewcat_page_new: every post, newest first, paged /page-N."""
        self._listing("/", "", self.site.all_posts(), per_page)
        self.site.image(self.logo, 91, 91)
        self.site.image(self.head_banner, 780, 120)

    def _listing(self, base: str, label: str, posts: list[Post], per_page: int, *, description: str = "",
                 crumbs: list[Link] | None = None) -> None:
        site = self.site
        chunks = pages_of(posts, per_page)
        for number, chunk in enumerate(chunks, 1):
            parts = []
            if description and number == 1:
                parts.append(f'<div class="news_column">\n<div class="alert alert-info clearfix">\n<h1>{esc(label)}</h1>\n'
                             f'<p>{esc(description)}</p>\n</div>\n</div>')
            if self.list_mode == "page":
                for post in chunk:
                    url = self.post_url(post)
                    image = (f'<a href="{url}" title="{esc(post.title)}"><img alt="{esc(post.title)}" src="{self.thumb(post)}" width="183" '
                             f'class="img-thumbnail pull-left imghome"></a>\n') if post.ident % 2 else ""
                    parts.append(
                        f'<div class="news_column">\n<div class="panel panel-default">\n<div class="panel-body">\n'
                        f'{image}<h3><a href="{url}" title="{esc(post.title)}">{esc(post.title)}</a></h3>\n'
                        f'<div class="text-muted"><ul class="list-unstyled list-inline"><li><em class="fa fa-clock-o">&nbsp;</em> '
                        f'{self.listed(post.published)}</li><li><em class="fa fa-eye">&nbsp;</em> Xem: {40 + post.ident % 97}</li>'
                        f'<li><em class="fa fa-comment-o">&nbsp;</em> Thảo luận: 0</li></ul></div>\n<p>{esc(post.summary)}</p>\n'
                        f'</div>\n</div>\n</div>')
            else:
                rows = "".join(f'<a class="show" href="{self.post_url(p)}" data-content="{esc(p.summary)}" data-img="{self.thumb(p)}" '
                               f'data-rel="tooltip"><h4 class="list-group-item-heading"><span class="label label-default">'
                               f'{(number - 1) * per_page + i}</span>&nbsp;&nbsp;{esc(p.title)}</h4></a>\n'
                               for i, p in enumerate(chunk, 1))
                parts.append(f'<div class="list-group">\n{rows}</div>')
            parts.append(self.pager(base, number, len(chunks)))
            path = base if number == 1 else f"{base}page-{number}"
            html = self.page(path, label, "\n".join(p for p in parts if p), crumbs=crumbs or [])
            site.write(index_file(path) if number == 1 else f"{path.strip('/')}.html", html)

    def article(self, post: Post) -> None:
        site = self.site
        cat = site.cats[post.cat]
        url = self.post_url(post)
        listing = site.listing(post.cat)
        newer = [p for p in listing if p.published > post.published][-2:]
        older = [p for p in listing if p.published < post.published][:2]
        schema = (post.edited or post.published).strftime("%Y-%m-%dT%H:%M:%S+07:00")

        def related(title: str, posts: list[Post]) -> str:
            if not posts:
                return ""
            rows = "".join(f'<li><em class="fa fa-angle-right">&nbsp;</em><h4><a href="{self.post_url(p)}" title="{esc(p.title)}">'
                           f'{esc(p.title)}</a></h4><em>({vn_date(p.published)})</em></li>' for p in posts)
            return f'<p class="h3"><strong>{title}</strong></p><div class="clearfix"><ul class="detail-related related list-none list-items">{rows}</ul></div>'
        main = (f'<div class="news_column panel panel-default" itemtype="http://schema.org/NewsArticle" itemscope>\n<div class="panel-body">\n'
                f'<h1 class="title margin-bottom-lg" itemprop="headline">{esc(post.title)}</h1>\n'
                f'<span class="hidden hide d-none" itemprop="datePublished">{schema}</span>\n'
                f'<span class="hidden hide d-none" itemprop="dateModified">{schema}</span>\n'
                f'<div class="row margin-bottom-lg">\n<div class="col-md-12"><span class="h5">{self.detailed(post.published)}</span></div>\n'
                '<div class="col-md-12"><ul class="list-inline text-right"><li><a class="dimgray" rel="nofollow" title="In ra" '
                'href="javascript: void(0)"><em class="fa fa-print fa-lg">&nbsp;</em></a></li></ul></div>\n</div>\n'
                f'<div class="clearfix"><div class="hometext m-bottom" itemprop="description">{esc(post.summary)}</div></div>\n'
                f'<div id="news-bodyhtml" class="bodytext margin-bottom-lg">\n{body_paragraphs(site, post)}\n</div>\n'
                f'<div class="margin-bottom-lg"><p class="h5 text-right"><strong>Tác giả: </strong>{esc(site.t("Văn phòng UBND xã"))}</p></div>\n'
                '</div>\n</div>\n'
                f'<div class="news_column panel panel-default">\n<div class="panel-body other-news">\n'
                f'{related("Những tin mới hơn", newer)}{related("Những tin cũ hơn", older)}\n</div>\n</div>')
        head = f'<meta property="article:section" content="{esc(cat.label)}">\n'
        site.write(url, self.page(url, post.title, main, crumbs=[Link(cat.label, cat.path)], og_type="article",
                                  head_extra=head))

    def articles(self, chosen: set[int] | None = None) -> None:
        for post in self.site.all_posts():
            if chosen is None or post.ident in chosen:
                self.article(post)

    def hub(self, key: str) -> None:
        """A parent category (viewcat_main_right): a block per child category, not paged."""
        cat = self.site.cats[key]
        self.site.write(index_file(cat.path), self.page(cat.path, cat.label, self._blocks(cat.children),
                                                        crumbs=[Link(cat.label, cat.path)]))

    def home(self, keys: list[str]) -> None:
        self.site.write("index.html", self.page("/", "", self._blocks(keys)))
        self.site.image(self.logo, 91, 91)
        self.site.image(self.head_banner, 780, 120)

    def _blocks(self, keys: list[str]) -> str:
        site = self.site
        parts = []
        for key in keys:
            cat = site.cats[key]
            posts = site.listing(key)[:5]
            if not posts:
                continue
            first, rest = posts[0], posts[1:]
            others = "".join(f'<li class="icon_list"><a class="show" href="{self.post_url(p)}" title="{esc(p.title)}">{esc(p.title)}</a></li>'
                             for p in rest)
            parts.append(
                f'<div class="news_column">\n<div class="panel panel-default clearfix">\n<div class="panel-heading">\n'
                f'<ul class="list-inline sub-list-icon" style="margin: 0"><li><h4><a title="{esc(cat.label)}" href="{cat.path}">'
                f'<span>{esc(cat.label)}</span></a></h4></li></ul>\n</div>\n<div class="panel-body">\n<div class="row">\n'
                f'<div class="col-md-12"><a href="{self.post_url(first)}" title="{esc(first.title)}"><img src="{self.thumb(first)}" '
                f'alt="{esc(first.title)}" width="183" class="img-thumbnail pull-left imghome"></a>\n'
                f'<h3><a href="{self.post_url(first)}" title="{esc(first.title)}">{esc(first.title)}</a></h3>\n'
                f'<p>{esc(first.summary)}</p></div>\n<div class="col-md-12"><ul class="related">{others}</ul></div>\n'
                '</div>\n</div>\n</div>\n</div>')
        return "\n".join(parts)

    # -- other modules --

    def laws(self, path: str, title: str, rows: list[list[str]], *, detail: bool) -> None:
        """The laws module: number, issue date, summary, files (a documents register, not posts)."""
        items = ['<div class="table-rows table-head"><div class="c-stt a-center">STT</div><div class="c-code">Số hiệu</div>'
                 '<div class="c-time">Ban hành</div><div class="c-intro">Trích yếu</div><div class="c-file">Tập tin</div></div>']
        for index, row in enumerate(rows, 1):
            number, code, issued, summary = str(index), row[1], row[2], row[3]
            law_id = 100 + sum(map(ord, code)) % 900     # the module's id of the document, whatever page lists it
            target = f"/van-ban/detail/{slugify(code + ' ' + summary)[:60].strip('-')}-{law_id}.html" if detail else doc_file(row)
            items.append(f'<div class="table-rows"><div class="c-stt a-center">{number}</div>'
                         f'<div class="c-code"><span class="label-name">Số hiệu:</span><a rel="dofollow" href="{target}" title="{esc(summary)}">{esc(code)}</a></div>'
                         f'<div class="c-time"><span class="label-name">Ban hành:</span>{issued}</div>'
                         f'<div class="c-intro"><a rel="dofollow" href="{target}"><strong>{esc(summary)}</strong></a></div>'
                         f'<div class="c-file"><span class="label-name">Tập tin:</span><ul class="laws-download list-unstyled"><li>'
                         f'<a rel="dofollow" href="{doc_file(row)}" title="{esc(code)}"><i class="fa fa-download"></i> Tải về</a></li></ul></div></div>')
        main = f'<h1 class="hidden">{esc(title)}</h1>\n<div class="flex-table-laws">\n' + "\n".join(items) + "\n</div>"
        self.site.write(index_file(path), self.page(path, title, main, crumbs=[Link(title, path)]))

    def static(self, path: str, title: str, body: str) -> None:
        """A page of the "page" module (about, contact): title and body, no date."""
        main = (f'<div class="page panel panel-default">\n<div class="panel-body">\n<h1 class="title margin-bottom-lg">{esc(title)}</h1>\n'
                f'<div class="clearfix"></div>\n<div class="bodytext">\n{body}\n</div>\n</div>\n</div>')
        target = index_file(path) if path.endswith("/") else path
        self.site.write(target, self.page(path, title, main, crumbs=[Link(title, path)]))

    def feeds_and_sitemaps(self) -> None:
        site = self.site

        def rss(title: str, link: str, posts: list[Post]) -> str:
            items = "".join(f"<item>\n<title>{esc(p.title)}</title>\n<link>{site.origin}{self.post_url(p)}</link>\n"
                            f'<guid isPermaLink="false">news_{p.ident}</guid>\n<description><![CDATA[{p.summary}]]></description>\n'
                            f"<pubDate>{p.published.strftime('%a, %d %b %Y %H:%M:%S')} +0700</pubDate>\n</item>\n" for p in posts[:15])
            return ('<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
                    f"<title>{esc(title)}</title>\n<link>{site.origin}{link}</link>\n"
                    f'<atom:link href="{site.origin}/rss{link}" rel="self" type="application/rss+xml" />\n'
                    f"<description>{esc(title)}</description>\n<language>vi</language>\n<copyright>{esc(site.title_name)}</copyright>\n"
                    f"<generator>Nukeviet Version 4.5</generator>\n{items}</channel>\n</rss>\n")
        site.write("rss/index.xml", rss(f"{site.title_name} - Tin Tức", "/", site.all_posts()))
        urls = "".join(f"<url><loc>{site.origin}{self.post_url(p)}</loc><lastmod>{(p.edited or p.published):%Y-%m-%dT%H:%M:%S}+07:00</lastmod>"
                       "<changefreq>daily</changefreq><priority>0.8</priority></url>\n" for p in site.all_posts())
        site.write("sitemap-vi.news.xml", '<?xml version="1.0" encoding="UTF-8"?>\n'
                   f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n{urls}</urlset>\n')
        site.write("sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n'
                   f"<sitemap><loc>{site.origin}/sitemap-vi.news.xml</loc><lastmod>2023-04-10T06:00:00+07:00</lastmod></sitemap>\n"
                   "</sitemapindex>\n")
        site.write("robots.txt", "User-agent: *\nDisallow: /admin/\nDisallow: /data/\nDisallow: /includes/\nDisallow: /install/\n"
                   f"Disallow: /vendor/\nDisallow: /index.php?language=vi&nv=users\n\nSitemap: {site.origin}/sitemap.xml\n")


# --- WordPress 6 (an underscores-based theme, as many commune sites use) --------------------
# Absolute URLs everywhere, nav#site-navigation ul#primary-menu with .sub-menu, aside#secondary
# widgets (media image, categories, recent posts), article entries with time.entry-date, /page/N/
# paging with a.next.page-numbers, /feed/, wp-sitemap.xml, Yoast's article:published_time in UTC.

WP_VERSION = "6.1.1"


@dataclass
class WordPress:
    site: Site
    menu: list[Link]
    widgets: list[str]
    footer: str
    permalink: str = "postname"          # or "date" (/2023/02/14/slug/)
    dated_archives: bool = True
    theme: str = "xaphuong"
    header_image: str = "/wp-content/uploads/2021/05/header.jpg"

    def url(self, path: str) -> str:
        return self.site.origin + path

    def page(self, path: str, title: str, main: str, *, body_class: str = "", head_extra: str = "") -> str:
        site = self.site
        name = f"Trang thông tin điện tử {site.name}" if not site.id.endswith("3") else unaccent(f"Trang thong tin dien tu {site.name}")
        full = f"{title} &#8211; {esc(name)}" if title else esc(name)
        host = site.origin.replace("/", "\\/")
        return f"""<!doctype html>
<html lang="vi">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="profile" href="https://gmpg.org/xfn/11">
<title>{full}</title>
<meta name='robots' content='max-image-preview:large' />
{head_extra}<link rel="alternate" type="application/rss+xml" title="{esc(name)} &raquo; Dòng thông tin" href="{self.url("/feed/")}" />
<script>window._wpemojiSettings = {{"baseUrl":"https:\\/\\/s.w.org\\/images\\/core\\/emoji\\/14.0.0\\/72x72\\/","ext":".png","source":{{"concatemoji":"{host}\\/wp-includes\\/js\\/wp-emoji-release.min.js?ver={WP_VERSION}"}}}};</script>
<link rel='stylesheet' id='wp-block-library-css' href='{self.url("/wp-includes/css/dist/block-library/style.min.css")}?ver={WP_VERSION}' media='all' />
<link rel='stylesheet' id='{self.theme}-style-css' href='{self.url(f"/wp-content/themes/{self.theme}/style.css")}?ver=1.0.2' media='all' />
<link rel="https://api.w.org/" href="{self.url("/wp-json/")}" />
<meta name="generator" content="WordPress {WP_VERSION}" />
</head>
<body class="{body_class} hfeed">
<div id="page" class="site">
<a class="skip-link screen-reader-text" href="#primary">Chuyển đến nội dung</a>
<header id="masthead" class="site-header">
<div class="site-branding">
<a href="{self.url("/")}" class="custom-logo-link" rel="home"><img width="1200" height="160" src="{self.url(self.header_image)}" class="custom-logo" alt="{esc(name)}" decoding="async" /></a>
<p class="site-title"><a href="{self.url("/")}" rel="home">{esc(name)}</a></p>
</div>
<nav id="site-navigation" class="main-navigation">
<button class="menu-toggle" aria-controls="primary-menu" aria-expanded="false">Menu</button>
<div class="menu-menu-chinh-container"><ul id="primary-menu" class="menu">
{self._menu()}
</ul></div>
</nav>
</header>
<div id="content" class="site-content">
<main id="primary" class="site-main">
{main}
</main>
<aside id="secondary" class="widget-area">
{chr(10).join(self.widgets)}
</aside>
</div>
<footer id="colophon" class="site-footer">
<div class="site-info">
{self.footer}
</div>
</footer>
</div>
<script src='{self.url(f"/wp-content/themes/{self.theme}/js/navigation.js")}?ver=1.0.2' id='{self.theme}-navigation-js'></script>
</body>
</html>
"""

    def _menu(self) -> str:
        lines = []
        ident = 20
        for item in self.menu:
            ident += 1
            href = item.href if item.href.startswith(("http", "#")) else self.url(item.href)
            css = "menu-item"
            sub = ""
            if item.children:
                css += " menu-item-has-children"
                rows = []
                for child in item.children:
                    ident += 1
                    chref = child.href if child.href.startswith("http") else self.url(child.href)
                    rows.append(f'\t<li class="menu-item menu-item-{ident}"><a href="{chref}">{esc(child.label)}</a></li>')
                sub = '\n<ul class="sub-menu">\n' + "\n".join(rows) + "\n</ul>\n"
            lines.append(f'<li class="{css} menu-item-{ident}"><a href="{href}">{esc(item.label)}</a>{sub}</li>')
        return "\n".join(lines)

    # -- widgets --

    def image_widget(self, number: int, b: Banner, title: str = "") -> str:
        self.site.image(b.image, b.width, b.height)
        heading = f'<h2 class="widget-title">{esc(title)}</h2>' if title else ""
        return (f'<section id="media_image-{number}" class="widget widget_media_image">{heading}<a href="{b.href}">'
                f'<img width="{b.width}" height="{b.height}" src="{self.url(b.image)}" class="image wp-image-{number * 13} '
                f'attachment-full size-full" alt="{esc(b.alt)}" decoding="async" loading="lazy" style="max-width: 100%; height: auto;" /></a></section>')

    def categories_widget(self, title: str, keys: list[str]) -> str:
        rows = "".join(f'<li class="cat-item cat-item-{i + 3}"><a href="{self.url(self.site.cats[k].path)}">{esc(self.site.cats[k].label)}</a></li>\n'
                       for i, k in enumerate(keys))
        return (f'<section id="categories-2" class="widget widget_categories"><h2 class="widget-title">{esc(title)}</h2>'
                f'<nav aria-label="{esc(title)}"><ul>\n{rows}</ul></nav></section>')

    def recent_widget(self, title: str) -> str:
        rows = "".join(f'<li><a href="{self.url(self.post_path(p))}">{esc(p.title)}</a></li>\n' for p in self.site.all_posts()[:5])
        return (f'<section id="recent-posts-2" class="widget widget_recent_entries"><h2 class="widget-title">{esc(title)}</h2>'
                f'<nav aria-label="{esc(title)}"><ul>\n{rows}</ul></nav></section>')

    @staticmethod
    def text_widget(title: str, html: str) -> str:
        return (f'<section id="text-2" class="widget widget_text"><h2 class="widget-title">{esc(title)}</h2>'
                f'<div class="textwidget">{html}</div></section>')

    # -- posts --

    def post_path(self, post: Post) -> str:
        if self.permalink == "date":
            return f"/{post.published:%Y/%m/%d}/{post.slug}/"
        return f"/{post.slug}/"

    def thumb(self, post: Post) -> str:
        return self.site.image(f"/wp-content/uploads/{post.published:%Y/%m}/{post.slug[:30].strip('-')}-300x200.jpg", 300, 200)

    @staticmethod
    def iso(moment: datetime) -> str:
        return moment.strftime("%Y-%m-%dT%H:%M:%S+07:00")

    def posted_on(self, post: Post) -> str:
        url = self.url(self.post_path(post))
        if post.edited and post.edited != post.published:
            times = (f'<time class="entry-date published" datetime="{self.iso(post.published)}">{vn_date(post.published)}</time>'
                     f'<time class="updated" datetime="{self.iso(post.edited)}">{vn_date(post.edited)}</time>')
        else:
            times = f'<time class="entry-date published updated" datetime="{self.iso(post.published)}">{vn_date(post.published)}</time>'
        return f'<div class="entry-meta"><span class="posted-on">Đăng vào <a href="{url}" rel="bookmark">{times}</a></span></div>'

    def entry(self, post: Post) -> str:
        site = self.site
        url = self.url(self.post_path(post))
        cat = site.cats[post.cat]
        meta = self.posted_on(post) if self.dated_archives else ""
        return (f'<article id="post-{post.ident}" class="post-{post.ident} post type-post status-publish format-standard has-post-thumbnail '
                f'hentry category-{cat.path.rstrip("/").split("/")[-1]}">\n<header class="entry-header">\n'
                f'<h2 class="entry-title"><a href="{url}" rel="bookmark">{esc(post.title)}</a></h2>\n{meta}\n</header>\n'
                f'<a class="post-thumbnail" href="{url}" aria-hidden="true" tabindex="-1"><img width="300" height="200" src="{self.url(self.thumb(post))}" '
                f'class="attachment-post-thumbnail size-post-thumbnail wp-post-image" alt="" decoding="async" /></a>\n'
                f'<div class="entry-content"><p>{esc(post.summary)} [&hellip;]</p></div>\n'
                "</article>")

    def archive(self, base: str, posts: list[Post], title: str, *, per_page: int = 10, body_class: str = "archive category") -> None:
        """A blog or category archive with /page/N/ paging (an empty one says nothing was found)."""
        chunks = pages_of(posts, per_page)
        for number, chunk in enumerate(chunks, 1):
            path = base if number == 1 else f"{base}page/{number}/"
            header = f'<header class="page-header"><h1 class="page-title">Chuyên mục: <span>{esc(title)}</span></h1></header>\n' if title else ""
            if chunk:
                body = header + "\n".join(self.entry(p) for p in chunk)
            else:
                body = ('<section class="no-results not-found">\n<header class="page-header"><h1 class="page-title">Không tìm thấy</h1></header>\n'
                        '<div class="page-content"><p>Có vẻ như chúng tôi không tìm thấy nội dung bạn cần. Hãy thử tìm kiếm.</p></div>\n</section>')
            if len(chunks) > 1:
                links = []
                if number > 1:
                    prev = base if number == 2 else f"{base}page/{number - 1}/"
                    links.append(f'<a class="prev page-numbers" href="{self.url(prev)}">&laquo; Trước</a>')
                for n in range(1, len(chunks) + 1):
                    target = base if n == 1 else f"{base}page/{n}/"
                    links.append(f'<span aria-current="page" class="page-numbers current">{n}</span>' if n == number
                                 else f'<a class="page-numbers" href="{self.url(target)}">{n}</a>')
                if number < len(chunks):
                    links.append(f'<a class="next page-numbers" href="{self.url(f"{base}page/{number + 1}/")}">Tiếp &raquo;</a>')
                body += ('\n<nav class="navigation pagination" aria-label="Các bài viết">\n<h2 class="screen-reader-text">Điều hướng bài viết</h2>\n'
                         f'<div class="nav-links">{chr(10).join(links)}</div>\n</nav>')
            self.site.write(index_file(path), self.page(path, title or "", body, body_class=body_class if title else "home blog"))

    def single(self, post: Post) -> None:
        site = self.site
        path = self.post_path(post)
        listing = site.all_posts()
        index = listing.index(post)
        newer = listing[index - 1] if index > 0 else None
        older = listing[index + 1] if index + 1 < len(listing) else None
        nav = ""
        if older:
            nav += f'<div class="nav-previous"><a href="{self.url(self.post_path(older))}" rel="prev"><span class="nav-subtitle">Trước:</span> <span class="nav-title">{esc(older.title)}</span></a></div>'
        if newer:
            nav += f'<div class="nav-next"><a href="{self.url(self.post_path(newer))}" rel="next"><span class="nav-subtitle">Sau:</span> <span class="nav-title">{esc(newer.title)}</span></a></div>'
        cat = site.cats[post.cat]
        utc = post.published - timedelta(hours=7)
        head = (f'<link rel="canonical" href="{self.url(path)}" />\n<meta property="og:type" content="article" />\n'
                f'<meta property="article:published_time" content="{utc:%Y-%m-%dT%H:%M:%S}+00:00" />\n')
        main = (f'<article id="post-{post.ident}" class="post-{post.ident} post type-post status-publish format-standard hentry">\n'
                f'<header class="entry-header">\n<h1 class="entry-title">{esc(post.title)}</h1>\n{self.posted_on(post)}\n</header>\n'
                f'<div class="entry-content">\n{body_paragraphs(site, post)}\n</div>\n'
                f'<footer class="entry-footer"><span class="cat-links">Đăng trong <a href="{self.url(cat.path)}" rel="category tag">{esc(cat.label)}</a></span></footer>\n'
                f'</article>\n<nav class="navigation post-navigation" aria-label="Bài viết">\n<h2 class="screen-reader-text">Điều hướng bài viết</h2>\n'
                f'<div class="nav-links">{nav}</div>\n</nav>')
        site.write(index_file(path), self.page(path, post.title, main, body_class="post-template-default single single-post",
                                               head_extra=head))

    def singles(self, chosen: set[int] | None = None) -> None:
        for post in self.site.all_posts():
            if chosen is None or post.ident in chosen:
                self.single(post)

    def wp_page(self, path: str, title: str, html: str) -> None:
        main = (f'<article class="page type-page status-publish hentry">\n<header class="entry-header"><h1 class="entry-title">{esc(title)}</h1></header>\n'
                f'<div class="entry-content">\n{html}\n</div>\n</article>')
        self.site.write(index_file(path), self.page(path, title, main, body_class="page-template-default page"))

    def front_page(self, blocks: list[tuple[str, str]]) -> None:
        """A static front page ("Trang chủ" page) with the latest posts of some categories."""
        site = self.site
        parts = []
        for title, key in blocks:
            rows = "".join(f'<li><a href="{self.url(self.post_path(p))}">{esc(p.title)}</a> '
                           f'<time datetime="{self.iso(p.published)}">{vn_date(p.published)}</time></li>\n' for p in site.listing(key)[:4])
            parts.append(f'<div class="wp-block-group home-news"><h2 class="wp-block-heading"><a href="{self.url(site.cats[key].path)}">'
                         f'{esc(title)}</a></h2>\n<ul class="wp-block-latest-posts__list">\n{rows}</ul></div>')
        main = '<article class="page type-page status-publish hentry">\n<div class="entry-content">\n' + "\n".join(parts) + "\n</div>\n</article>"
        site.write("index.html", self.page("/", "", main, body_class="home page-template-default page"))
        self.static_front = True

    static_front: bool = False

    def finish(self) -> None:
        """Home archive (unless a static front page), error page, feed, sitemaps, robots.txt, header image."""
        site = self.site
        if not self.static_front:
            self.archive("/", site.all_posts(), "")
        site.write("_404.html", self.page("/404/", "Không tìm thấy trang", '<section class="error-404 not-found">\n'
                   '<header class="page-header"><h1 class="page-title">Rất tiếc! Không thể tìm thấy trang này.</h1></header>\n'
                   '<div class="page-content"><p>Có vẻ như không có gì được tìm thấy ở vị trí này. Hãy thử tìm kiếm?</p></div>\n</section>',
                   body_class="error404"))
        items = "".join(f"<item>\n<title>{esc(p.title)}</title>\n<link>{self.url(self.post_path(p))}</link>\n"
                        f"<pubDate>{(p.published - timedelta(hours=7)).strftime('%a, %d %b %Y %H:%M:%S')} +0000</pubDate>\n"
                        f"<category><![CDATA[{site.cats[p.cat].label}]]></category>\n"
                        f'<guid isPermaLink="false">{self.url(f"/?p={p.ident}")}</guid>\n<description><![CDATA[{p.summary} [&#8230;]]]></description>\n</item>\n'
                        for p in site.all_posts()[:10])
        site.write("feed/index.xml", '<?xml version="1.0" encoding="UTF-8"?><rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n'
                   f"<title>{esc(site.title_name)}</title>\n<atom:link href=\"{self.url('/feed/')}\" rel=\"self\" type=\"application/rss+xml\" />\n"
                   f"<link>{self.url('/')}</link>\n<description></description>\n<lastBuildDate>Mon, 10 Apr 2023 01:12:09 +0000</lastBuildDate>\n"
                   f"<language>vi</language>\n<generator>https://wordpress.org/?v={WP_VERSION}</generator>\n{items}</channel>\n</rss>\n")
        posts = "".join(f"<url><loc>{self.url(self.post_path(p))}</loc></url>" for p in site.all_posts())
        site.write("wp-sitemap-posts-post-1.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                   f"{posts}</urlset>\n")
        site.write("wp-sitemap.xml", '<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                   f"<sitemap><loc>{self.url('/wp-sitemap-posts-post-1.xml')}</loc></sitemap></sitemapindex>\n")
        site.write("robots.txt", f"User-agent: *\nDisallow: /wp-admin/\nAllow: /wp-admin/admin-ajax.php\n\nSitemap: {self.url('/wp-sitemap.xml')}\n")
        site.image(self.header_image, 1200, 160)


# --- content shared by the portals ------------------------------------------------------------

PEOPLE = ("Lê Văn Hùng", "Nguyễn Thị Hoa", "Trịnh Đình Nam", "Phạm Văn Thắng", "Hoàng Thị Mai", "Bùi Quang Tuấn",
          "Đỗ Văn Lực", "Vũ Thị Lan", "Trần Minh Đức", "Mai Xuân Trường")
LEGAL_DOCS = (
    ("{n}/NQ-HĐND", "Nghị quyết về dự toán thu, chi ngân sách xã năm 2023"),
    ("{n}/QĐ-UBND", "Quyết định ban hành Quy chế làm việc của UBND xã nhiệm kỳ 2021-2026"),
    ("{n}/QĐ-UBND", "Quyết định công bố công khai dự toán ngân sách năm 2023"),
    ("{n}/NQ-HĐND", "Nghị quyết về kế hoạch đầu tư công năm 2023"),
    ("{n}/QĐ-UBND", "Quyết định kiện toàn Ban Chỉ đạo chuyển đổi số xã"),
    ("{n}/QĐ-UBND", "Quyết định ban hành Quy chế quản lý, vận hành Trang thông tin điện tử xã"),
    ("{n}/NQ-HĐND", "Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2023"),
)
DIRECTIVE_DOCS = (
    ("{n}/KH-UBND", "Kế hoạch tổ chức các hoạt động mừng Đảng, mừng Xuân Quý Mão 2023"),
    ("{n}/KH-UBND", "Kế hoạch tuyên truyền, phổ biến, giáo dục pháp luật năm 2023"),
    ("{n}/CV-UBND", "Công văn về việc tăng cường công tác phòng cháy, chữa cháy rừng"),
    ("{n}/KH-UBND", "Kế hoạch chuyển đổi số năm 2023"),
    ("{n}/TB-UBND", "Thông báo kết luận của Chủ tịch UBND xã tại cuộc họp giao ban tháng 3"),
)
DOC_DAYS = (date(2023, 3, 20), date(2023, 2, 27), date(2023, 1, 16), date(2022, 12, 28), date(2022, 12, 15),
            date(2022, 11, 2), date(2022, 8, 12))


def doc_rows(site: Site, pool: tuple[tuple[str, str], ...], count: int, salt: int = 0) -> list[list[str]]:
    rows = []
    for index in range(count):
        number, summary = pool[(index + salt) % len(pool)]
        day = DOC_DAYS[index % len(DOC_DAYS)]
        rows.append([str(index + 1), number.format(n=12 + 7 * index + salt) if "/" in number else number,
                     day.strftime("%d/%m/%Y"), site.t(summary.replace("xã", site.name)), "Tải về"])
    return rows


def doc_file(row: list[str]) -> str:
    return f"/file/van-ban/{slugify(row[1])}.pdf"


def reception_rows(site: Site, chair: str, vice: str) -> list[list[str]]:
    rows = []
    for month, (who, role) in (("04/2023", (chair, "Chủ tịch UBND xã")), ("03/2023", (vice, "Phó Chủ tịch UBND xã")),
                               ("02/2023", (chair, "Chủ tịch UBND xã")), ("01/2023", (vice, "Phó Chủ tịch UBND xã"))):
        rows.append([month, site.t(who), site.t(role), site.t("Thứ năm hằng tuần, tại Bộ phận Một cửa")])
    return rows


def directory_rows(site: Site, mail_host: str, *, chair: str = PEOPLE[0], phones: bool = True,
                   emails: bool = True) -> list[list[str]]:
    shift = sum(map(ord, site.id)) % len(PEOPLE)
    people = [p for p in PEOPLE[shift:] + PEOPLE[:shift] if p != chair]
    offices = (("Bí thư Đảng ủy", people[0]), ("Chủ tịch UBND xã", chair), ("Phó Chủ tịch UBND xã", people[1]),
               ("Văn phòng - Thống kê", people[2]), ("Tư pháp - Hộ tịch", people[3]), ("Địa chính - Xây dựng", people[4]))
    rows = []
    for index, (role, person) in enumerate(offices):
        phone = f"0{912 + index * 7} {345 + index * 111:03d} {678 - index * 53:03d}" if phones else ""
        mail = f"{slugify(person).replace('-', '')}@{mail_host}" if emails else ""
        rows.append([site.t(role), site.t(person), phone, mail])
    return rows


# --- the Thanh Hóa platform portals -----------------------------------------------------------


def th_url(*parts: str) -> str:
    return "/".join([TH_HOME, *parts])


def th_common_pages(th: ThanhHoa, *, intro_path: str, intro_title: str, legal: tuple[str, str] | None,
                    directive: tuple[str, str] | None, procedures: str | None, contact: str) -> None:
    site = th.site
    th.text_page(intro_path, intro_title, [
        esc(site.t(f"{site.title_name} nằm ở phía Tây Bắc của {site.district}, có diện tích tự nhiên 2.845 ha, "
                   "dân số trên 9.000 người, gồm 12 thôn.")),
        esc(site.t("Nhân dân trong xã có truyền thống cách mạng, cần cù lao động, đoàn kết xây dựng quê hương.")),
    ], dated=datetime(2021, 6, 14, 9, 0, 0))
    if legal:
        th.table_page(legal[0], site.t(legal[1]), ["STT", "Số ký hiệu", "Ngày ban hành", "Trích yếu", "Tệp đính kèm"],
                      doc_rows(site, LEGAL_DOCS, 6), links={4: doc_file})
    if directive:
        th.table_page(directive[0], site.t(directive[1]), ["STT", "Số ký hiệu", "Ngày ban hành", "Trích yếu", "Tệp đính kèm"],
                      doc_rows(site, DIRECTIVE_DOCS, 5, salt=1), links={4: doc_file})
    if procedures:
        th.text_page(procedures, site.t("Thủ tục hành chính"), [
            esc(site.t("Tổ chức, công dân tra cứu và nộp hồ sơ thủ tục hành chính trực tuyến tại")) +
            ' <a href="https://dichvucong.thanhhoa.gov.vn/">Hệ thống thông tin giải quyết TTHC tỉnh Thanh Hóa</a>.',
            esc(site.t("Bộ phận Tiếp nhận và Trả kết quả UBND xã làm việc từ thứ hai đến thứ sáu hằng tuần.")),
        ])
    th.text_page(contact, site.t("Liên hệ"), [
        esc(site.t(f"UBND {site.name}, {site.district}, {site.province}")),
        esc(site.t("Điện thoại: 0237 3870 123 - Thư điện tử: ")) + f"ubnd.{slugify(site.name).replace('xa-', '').replace('-', '')}@thanhhoa.gov.vn",
    ])


def build_thanhhoa_1() -> Site:
    """Thạch Long: everything in place; upper-case menu; a feedback banner known by its link only."""
    site = Site("site-thanhhoa-1", "https://thachlong.thachthanh.thanhhoa.gov.vn", "xã Thạch Long",
                "huyện Thạch Thành", "tỉnh Thanh Hóa")
    news = site.cat("tin-tuc", "Tin tức - Sự kiện", th_url("tin-tuc-su-kien"))
    site.cat("tin-trong-xa", "Tin trong xã", th_url("tin-tuc-su-kien", "tin-trong-xa"))
    site.cat("chuyen-doi-so", "Chuyển đổi số", th_url("tin-tuc-su-kien", "chuyen-doi-so"), "digital")
    news.children = ["tin-trong-xa", "chuyen-doi-so"]
    site.cat("pbgdpl", "Phổ biến giáo dục pháp luật", th_url("pho-bien-giao-duc-phap-luat"), "law")
    site.cat("lich-tiep", "Lịch tiếp công dân", th_url("lich-tiep-cong-dan"), "reception")
    site.cat("du-lich", "Du lịch - Lễ hội", th_url("du-lich-le-hoi"), "travel")

    local = add_posts(site, "tin-trong-xa", q1=6, before=3, after=1,
                      extra=[datetime(2023, 3, 31, 23, 45, 10), datetime(2023, 4, 1, 0, 15, 0),
                             datetime(2022, 12, 31, 23, 50, 5)])
    add_posts(site, "chuyen-doi-so", q1=3, before=2)
    add_posts(site, "pbgdpl", q1=3, before=2)
    add_posts(site, "lich-tiep", extra=[datetime(2022, 12, 28, 15, 10, 0), datetime(2023, 1, 30, 8, 0, 12),
                                        datetime(2023, 2, 27, 16, 5, 41), datetime(2023, 3, 29, 10, 20, 3)])
    add_posts(site, "du-lich", q1=1, before=2)
    local[2].repeat_block = True
    local[7].repeat_block = True

    van_ban = th_url("van-ban", "van-ban-phap-quy")
    links_menu = [
        Link("TRANG CHỦ", TH_HOME),
        Link("GIỚI THIỆU", "javascript:;", children=[
            Link("Giới thiệu chung", th_url("gioi-thieu", "gioi-thieu-chung"))]),
        Link("TIN TỨC - SỰ KIỆN", news.path, children=[
            Link("Tin trong xã", site.cats["tin-trong-xa"].path), Link("Chuyển đổi số", site.cats["chuyen-doi-so"].path)]),
        Link("VĂN BẢN", "javascript:;", children=[
            Link("Văn bản pháp quy", van_ban)]),
        Link("THỦ TỤC HÀNH CHÍNH", "https://dichvucong.thanhhoa.gov.vn/"),
        Link("DU LỊCH - LỄ HỘI", site.cats["du-lich"].path),
        Link("LIÊN HỆ", th_url("lien-he")),
    ]
    left_banners = [
        Banner("/file/3842117.jpg", 270, 90, "https://dichvucong.thanhhoa.gov.vn/", "image banner"),
        Banner("/file/3842125.jpg", 270, 90, "https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-pakn.html", "image banner"),
        Banner("/file/3842133.jpg", 270, 90, "https://thanhhoa.gov.vn/", "image banner"),
        Banner("/file/3842140.jpg", 270, 120, "https://hochiminh.vn/", "image banner"),
    ]
    right_banners = [
        Banner("/file/3842152.jpg", 270, 90, "https://thachthanh.thanhhoa.gov.vn/", "image banner"),
        Banner("/file/3842160.jpg", 270, 90, "https://mail.thanhhoa.gov.vn/", "image banner"),
    ]
    for b in left_banners + right_banners:
        site.image(b.image, b.width, b.height)
    th = ThanhHoa(
        site, links_menu,
        topbar=[Link("Hỏi đáp", th_url("hoi-dap")), Link("Liên hệ", th_url("lien-he"))],
        left=[ThanhHoa.banners(left_banners), ThanhHoa.links("CHUYÊN MỤC", [
            Link("Lịch tiếp công dân", site.cats["lich-tiep"].path),
            Link("Phổ biến giáo dục pháp luật", site.cats["pbgdpl"].path),
            Link("Danh bạ điện thoại", th_url("danh-ba-dien-thoai"))])],
        right=[ThanhHoa.poll("Bạn quan tâm đến nội dung nào trên Trang thông tin điện tử?",
                             ["Tin tức - Sự kiện", "Văn bản", "Thủ tục hành chính", "Ý kiến khác"]),
               ThanhHoa.counter(126, 201, 327, 2318, 219604), ThanhHoa.banners(right_banners)],
        footer_lines=["TRANG THÔNG TIN ĐIỆN TỬ XÃ THẠCH LONG - HUYỆN THẠCH THÀNH - TỈNH THANH HÓA",
                      "Địa chỉ: Thôn Đồng Tâm, xã Thạch Long, huyện Thạch Thành, tỉnh Thanh Hóa",
                      "Chịu trách nhiệm nội dung: Ông Lê Văn Hùng - Chủ tịch UBND xã. SĐT 0912 345 678",
                      "Người phát ngôn: Bà Nguyễn Thị Hoa - Phó Chủ tịch UBND xã. SĐT 0919 456 625",
                      "Bản quyền thuộc về: UBND XÃ THẠCH LONG"],
    )
    th.home([("TIN TRONG XÃ", "tin-trong-xa"), ("CHUYỂN ĐỔI SỐ", "chuyen-doi-so")])
    th.hub("tin-tuc")
    for key in site.cats:
        if key != "tin-tuc":
            th.listing(key)
    th.articles({p.ident for p in site.all_posts() if p.repeat_block or p.published.date() == date(2023, 3, 31)})
    th_common_pages(th, intro_path=th_url("gioi-thieu", "gioi-thieu-chung"), intro_title="Giới thiệu chung",
                    legal=(van_ban, "Văn bản pháp quy"), directive=None, procedures=None, contact=th_url("lien-he"))
    th.table_page(th_url("danh-ba-dien-thoai"), "Danh bạ điện thoại", ["Chức vụ", "Họ và tên", "Điện thoại", "Thư điện tử"],
                  directory_rows(site, "thanhhoa.gov.vn"))
    th.text_page(th_url("hoi-dap"), "Hỏi đáp", [esc("Công dân gửi câu hỏi về UBND xã qua thư điện tử hoặc Hệ thống phản ánh, kiến nghị.")])
    return site


def build_thanhhoa_2() -> Site:
    """Ngọc Sơn: undated listings, a 2022 Digital Transformation Day banner, an election category,
    a deleted tourism section (404), a single-article reception schedule, an incomplete footer."""
    site = Site("site-thanhhoa-2", "https://ngocson.ngoclac.thanhhoa.gov.vn", "xã Ngọc Sơn",
                "huyện Ngọc Lặc", "tỉnh Thanh Hóa")
    news = site.cat("tin-tuc", "Tin tức", th_url("tin-tuc"))
    site.cat("tin-hoat-dong", "Tin hoạt động", th_url("tin-tuc", "tin-hoat-dong"))
    site.cat("thong-bao", "Thông báo", th_url("tin-tuc", "thong-bao"), "notice")
    news.children = ["tin-hoat-dong", "thong-bao"]
    site.cat("pbgdpl", "Phổ biến giáo dục pháp luật", th_url("pho-bien-giao-duc-phap-luat"), "law")
    site.cat("cds", "Chuyển đổi số", th_url("chuyen-doi-so"), "digital")
    site.cat("bau-cu", "Bầu cử ĐBQH và HĐND các cấp", th_url("bau-cu-dbqh-va-hdnd-cac-cap"), "notice")

    add_posts(site, "tin-hoat-dong", q1=4, before=2, after=1, salt=5)
    add_posts(site, "thong-bao", q1=2, before=1, salt=2)
    dcs = add_post(site, "thong-bao", "Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2022", datetime(2022, 10, 3, 9, 12, 30),
                   "UBND xã Ngọc Sơn hưởng ứng Ngày Chuyển đổi số quốc gia năm 2022.")
    site.cats["thong-bao"].posts[1].repeat_block = True
    add_posts(site, "pbgdpl", q1=2, salt=3)
    add_posts(site, "cds", q1=1, before=1, salt=1)
    add_post(site, "bau-cu", "Kết quả bầu cử đại biểu HĐND xã Ngọc Sơn nhiệm kỳ 2021-2026",
             datetime(2021, 5, 28, 15, 0, 0), "Ủy ban bầu cử xã công bố kết quả bầu cử.")

    th = ThanhHoa(site, [], topbar=[Link("Hỏi đáp", th_url("hoi-dap")), Link("Liên hệ", th_url("lien-he"))],
                  left=[], right=[], footer_lines=[], dated_listings=False)
    th.menu = [
        Link("Trang chủ", TH_HOME),
        Link("Tổng quan", "javascript:;", children=[
            Link("Giới thiệu", th_url("tong-quan", "gioi-thieu"))]),
        Link("Tin tức", news.path, children=[
            Link("Tin hoạt động", site.cats["tin-hoat-dong"].path), Link("Thông báo", site.cats["thong-bao"].path)]),
        Link("Văn bản", "javascript:;", children=[
            Link("Văn bản QPPL", th_url("van-ban", "van-ban-qppl"))]),
        Link("Bầu cử ĐBQH và HĐND các cấp", site.cats["bau-cu"].path),
        Link("Dịch vụ công", "https://dichvucong.thanhhoa.gov.vn/"),
        Link("Liên hệ", th_url("lien-he")),
    ]
    banners = [
        Banner("/file/6120448.jpg", 270, 135, th.post_url(dcs), "image banner"),
        Banner("/file/6120452.jpg", 270, 90, th_url("hoi-dap"), "image banner"),
        Banner("/file/6120467.jpg", 270, 90, "https://dichvucong.thanhhoa.gov.vn/", "image banner"),
        Banner("/file/6120471.jpg", 270, 90, "https://ngoclac.thanhhoa.gov.vn/", "image banner"),
    ]
    for b in banners:
        site.image(b.image, b.width, b.height)
    th.left = [ThanhHoa.banners(banners), ThanhHoa.links("CHUYÊN MỤC", [
        Link("Lịch tiếp công dân", th_url("lich-tiep-cong-dan")),
        Link("Phổ biến giáo dục pháp luật", site.cats["pbgdpl"].path),
        Link("Chuyển đổi số", site.cats["cds"].path),
        Link("Du lịch", th_url("du-lich"))])]
    th.right = [ThanhHoa.poll("Bạn đánh giá thế nào về Trang thông tin điện tử xã?", ["Rất hữu ích", "Hữu ích", "Chưa hữu ích"]),
                ThanhHoa.counter(88, 143, 512, 1964, 87312)]
    th.footer_lines = ["TRANG THÔNG TIN ĐIỆN TỬ XÃ NGỌC SƠN - HUYỆN NGỌC LẶC - TỈNH THANH HÓA",
                       "Địa chỉ: Thôn Minh Tiến, xã Ngọc Sơn, huyện Ngọc Lặc, tỉnh Thanh Hóa",
                       "Chịu trách nhiệm nội dung: . SĐT",
                       "Người phát ngôn: . SĐT",
                       "Bản quyền thuộc về: UBND XÃ NGỌC SƠN"]
    th.home([("TIN HOẠT ĐỘNG", "tin-hoat-dong"), ("THÔNG BÁO", "thong-bao")])
    th.hub("tin-tuc")
    for key in site.cats:
        if key != "tin-tuc":
            th.listing(key, per_page=6)
    th.articles()
    th_common_pages(th, intro_path=th_url("tong-quan", "gioi-thieu"), intro_title="Giới thiệu",
                    legal=(th_url("van-ban", "van-ban-qppl"), "Văn bản QPPL"), directive=None, procedures=None,
                    contact=th_url("lien-he"))
    th.text_page(th_url("lich-tiep-cong-dan"), "Lịch tiếp công dân năm 2023",
                 [esc("UBND xã Ngọc Sơn thông báo lịch tiếp công dân định kỳ năm 2023 như sau:")],
                 dated=datetime(2022, 12, 26, 14, 30, 0),
                 extra=table_html(["Tháng", "Người tiếp công dân", "Chức vụ", "Thời gian, địa điểm"],
                                  reception_rows(site, "Phạm Văn Thắng", "Hoàng Thị Mai")))
    th.text_page(th_url("hoi-dap"), "Hỏi đáp - Góp ý", [esc("Mời công dân gửi câu hỏi, góp ý về hoạt động của UBND xã Ngọc Sơn."),
                                                       esc("Câu hỏi: Thủ tục đăng ký khai sinh cần giấy tờ gì? Trả lời: Tờ khai và giấy chứng sinh.")])
    return site


def build_thanhhoa_3() -> Site:
    """Hà Ninh: text typed in NFD, no "Liên hệ" in the main menu (only in the top bar), an empty
    digital transformation category, a full-size scanned map as a side banner, no feedback banner."""
    site = Site("site-thanhhoa-3", "https://haninh.hatrung.thanhhoa.gov.vn", "xã Hà Ninh", "huyện Hà Trung",
                "tỉnh Thanh Hóa", nfd=True)
    site.cat("tin-tuc", "Tin tức - Sự kiện", th_url("tin-tuc-su-kien"))
    site.cat("pbgdpl", "Tuyên truyền PBGDPL", th_url("tuyen-truyen-pbgdpl"), "law")
    site.cat("cds", "Chuyển đổi số", th_url("chuyen-doi-so"), "digital")
    site.cat("di-tich", "Di tích - Danh thắng", th_url("di-tich-danh-thang"), "travel")
    add_posts(site, "tin-tuc", q1=3, before=3, after=1, salt=7,
              extra=[datetime(2023, 1, 1, 7, 30, 0), datetime(2022, 12, 31, 23, 50, 12)])
    add_posts(site, "di-tich", q1=1, before=2, salt=2)
    add_posts(site, "pbgdpl", before=2, salt=4)

    th = ThanhHoa(site, [], topbar=[Link("Hỏi đáp", th_url("hoi-dap")), Link("Liên hệ", th_url("lien-he"))],
                  left=[], right=[], footer_lines=[])
    th.menu = relabel(site, [
        Link("Trang chủ", TH_HOME),
        Link("Giới thiệu", th_url("gioi-thieu")),
        Link("Tin tức - Sự kiện", site.cats["tin-tuc"].path),
        Link("Văn bản", "javascript:;", children=[
            Link("Văn bản pháp luật", th_url("van-ban", "van-ban-phap-luat"))]),
        Link("Thủ tục hành chính", th_url("thu-tuc-hanh-chinh")),
        Link("Tuyên truyền PBGDPL", site.cats["pbgdpl"].path),
        Link("Chuyển đổi số", site.cats["cds"].path),
        Link("Di tích - Danh thắng", site.cats["di-tich"].path),
    ])
    banners = [
        Banner("/file/5120318.jpg", 270, 90, "https://dichvucong.thanhhoa.gov.vn/", "image banner"),
        Banner("/file/5120326.jpg", 270, 90, "https://thanhhoa.gov.vn/", "image banner"),
    ]
    map_banner = Banner("/file/5120334.png", 2480, 3508, th_url("gioi-thieu"), "image banner", show_size=False,
                        responsive=False)
    for b in [*banners, map_banner]:
        site.image(b.image, b.width, b.height)
    th.left = [ThanhHoa.banners(banners), ThanhHoa.links(site.t("LIÊN KẾT NHANH"), relabel(site, [
        Link("Lịch tiếp dân", th_url("lich-tiep-dan")), Link("Danh bạ thư điện tử", th_url("danh-ba-thu-dien-tu"))]))]
    th.right = [ThanhHoa.banners([map_banner]), ThanhHoa.counter(41, 67, 203, 980, 45120)]
    th.footer_lines = [site.t(line) for line in (
        "TRANG THÔNG TIN ĐIỆN TỬ XÃ HÀ NINH - HUYỆN HÀ TRUNG - TỈNH THANH HÓA",
        "Địa chỉ: Thôn Trung Hòa, xã Hà Ninh, huyện Hà Trung, tỉnh Thanh Hóa",
        "Chịu trách nhiệm nội dung: Ông Trịnh Đình Nam - Chủ tịch UBND xã. SĐT 0913 222 456",
        "Người phát ngôn: Ông Bùi Quang Tuấn - Phó Chủ tịch UBND xã. SĐT 0984 111 203",
        "Bản quyền thuộc về: UBND XÃ HÀ NINH")]
    th.home([(site.t("TIN TỨC - SỰ KIỆN"), "tin-tuc"), (site.t("DI TÍCH - DANH THẮNG"), "di-tich")])
    for key in site.cats:
        th.listing(key, per_page=6)
    th.articles({p.ident for p in site.all_posts() if p.published.date() in (date(2023, 1, 1), date(2022, 12, 31))})
    th_common_pages(th, intro_path=th_url("gioi-thieu"), intro_title=site.t("Giới thiệu"),
                    legal=(th_url("van-ban", "van-ban-phap-luat"), "Văn bản pháp luật"), directive=None,
                    procedures=th_url("thu-tuc-hanh-chinh"), contact=th_url("lien-he"))
    th.table_page(th_url("lich-tiep-dan"), site.t("Lịch tiếp dân"), ["Tháng", "Người tiếp công dân", "Chức vụ", "Thời gian, địa điểm"],
                  reception_rows(site, "Trịnh Đình Nam", "Bùi Quang Tuấn"))
    th.table_page(th_url("danh-ba-thu-dien-tu"), site.t("Danh bạ thư điện tử"), ["Chức vụ", "Họ và tên", "Điện thoại", "Thư điện tử"],
                  directory_rows(site, "thanhhoa.gov.vn", chair="Trịnh Đình Nam", phones=False))
    th.text_page(th_url("hoi-dap"), "Hỏi đáp", [esc(site.t("Công dân gửi câu hỏi về UBND xã Hà Ninh qua thư điện tử."))])
    return site


def nv_cat(site: Site, key: str, label: str, topic: str = "news") -> Cat:
    return site.cat(key, label, f"/{slugify(label)}/", topic)


def build_nukeviet_1() -> Site:
    """Nghĩa Hưng: everything in place on NukeViet; an icon-only home entry, abbreviations in the
    menu and the category block, a documents register dated inside the quarter (not posts)."""
    site = Site("site-nukeviet-1", "https://nghiahung.nghiadan.nghean.gov.vn", "xã Nghĩa Hưng", "huyện Nghĩa Đàn",
                "tỉnh Nghệ An")
    news = nv_cat(site, "tin-tuc", "Tin tức")
    nv_cat(site, "tin-hoat-dong", "Tin hoạt động")
    nv_cat(site, "cds", "Chuyển đổi số", "digital")
    nv_cat(site, "pbgdpl", "Phổ biến giáo dục pháp luật", "law")
    nv_cat(site, "lich-tiep", "Lịch tiếp công dân", "reception")
    nv_cat(site, "du-lich", "Văn hóa - Du lịch", "travel")
    news.children = ["tin-hoat-dong", "cds", "du-lich"]
    add_posts(site, "tin-hoat-dong", q1=6, before=2, after=1, salt=3,
              extra=[datetime(2023, 3, 31, 22, 10, 0), datetime(2023, 4, 1, 6, 30, 0)])
    shared = add_posts(site, "cds", q1=3, before=1, salt=2)
    shared[2].also_in = ("tin-hoat-dong",)
    add_posts(site, "pbgdpl", q1=3, before=1, salt=1)
    add_posts(site, "lich-tiep", extra=[datetime(2022, 12, 27, 14, 0, 0), datetime(2023, 1, 30, 9, 20, 0),
                                        datetime(2023, 2, 27, 15, 40, 0), datetime(2023, 3, 28, 8, 15, 0)])
    add_posts(site, "du-lich", q1=1, before=1, salt=4)

    nv = NukeViet(site, [
        Link("Trang nhất", "/"),
        Link("Giới thiệu", "/gioi-thieu/", children=[
            Link("Danh bạ cơ quan", "/gioi-thieu/danh-ba-co-quan.html")]),
        Link("Tin tức", news.path, children=[Link(site.cats[k].label, site.cats[k].path) for k in news.children]),
        Link("Văn bản", "/van-ban/", children=[Link("Văn bản pháp quy", "/van-ban/van-ban-phap-quy/")]),
        Link("TTHC", "/thu-tuc-hanh-chinh/"),
        Link("Liên hệ", "/lien-he/"),
    ], right=[], company=[
        '<span class="company_name">Ủy ban nhân dân xã Nghĩa Hưng</span>',
        '<em class="fa fa-flag"></em><span>Chịu trách nhiệm: Ông Nguyễn Văn Thành - Chủ tịch UBND xã</span>',
        '<em class="fa fa-map-marker"></em><span>Địa chỉ: Xóm Hưng Thịnh, xã Nghĩa Hưng, huyện Nghĩa Đàn, tỉnh Nghệ An</span>',
        '<em class="fa fa-phone"></em><span>Điện thoại: <a href="tel:02383812345"><span>0238 3812 345</span></a></span>',
        '<em class="fa fa-envelope"></em><span>Email: <a href="mailto:nghiahung@nghean.gov.vn"><span>nghiahung@nghean.gov.vn</span></a></span>',
    ], copyright_by="UBND xã Nghĩa Hưng")
    nv.right = [
        nv.categories("Chuyên mục", [Link("Tin hoạt động", site.cats["tin-hoat-dong"].path),
                                     Link("Chuyên mục CĐS", site.cats["cds"].path),
                                     Link("PBGDPL", site.cats["pbgdpl"].path),
                                     Link("Lịch tiếp công dân", site.cats["lich-tiep"].path),
                                     Link("Văn hóa - Du lịch", site.cats["du-lich"].path)]),
        nv.banners([(1, Banner("/uploads/banners/dvc-nghean.jpg", 260, 80, "https://dichvucong.nghean.gov.vn/",
                               "Dịch vụ công trực tuyến tỉnh Nghệ An")),
                    (2, Banner("/uploads/banners/hop-thu-gop-y.jpg", 260, 80, "/lien-he/", "Hộp thư góp ý")),
                    (3, Banner("/uploads/banners/cong-ttdt-huyen.jpg", 260, 80, "https://nghiadan.nghean.gov.vn/",
                               "Cổng thông tin điện tử huyện Nghĩa Đàn"))]),
        nv.counter(9, 214, 4120, 158230),
    ]
    nv.home_listing(per_page=20)
    for key in ("tin-tuc", "tin-hoat-dong", "cds", "pbgdpl", "lich-tiep", "du-lich"):
        nv.listing(key)
    nv.articles({shared[2].ident} | {p.ident for p in site.all_posts() if p.published.date() == date(2023, 3, 31)})
    nv.laws("/van-ban/", "Văn bản", doc_rows(site, LEGAL_DOCS, 4) + doc_rows(site, DIRECTIVE_DOCS, 3, salt=2), detail=True)
    nv.laws("/van-ban/van-ban-phap-quy/", "Văn bản pháp quy", doc_rows(site, LEGAL_DOCS, 4), detail=True)
    nv.static("/gioi-thieu/", "Giới thiệu chung", "<p>Xã Nghĩa Hưng nằm ở phía Nam huyện Nghĩa Đàn, gồm 11 xóm.</p>")
    nv.static("/gioi-thieu/danh-ba-co-quan.html", "Danh bạ cơ quan",
              table_html(["Chức vụ", "Họ và tên", "Điện thoại", "Thư điện tử"], directory_rows(site, "nghean.gov.vn", chair="Nguyễn Văn Thành")))
    nv.static("/thu-tuc-hanh-chinh/", "Thủ tục hành chính",
              '<p>Tra cứu, nộp hồ sơ trực tuyến tại <a href="https://dichvucong.nghean.gov.vn/">Cổng dịch vụ công tỉnh Nghệ An</a>.</p>')
    nv.static("/lien-he/", "Liên hệ", "<p>UBND xã Nghĩa Hưng - Điện thoại: 0238 3812 345 - Email: nghiahung@nghean.gov.vn</p>")
    nv.feeds_and_sitemaps()
    return site


def build_nukeviet_2() -> Site:
    """Hải Thượng: no administrative procedures entry in the menu (only a side banner), no feedback
    banner, an empty tourism category, a legacy directory page in windows-1258."""
    site = Site("site-nukeviet-2", "https://haithuong.hailang.quangtri.gov.vn", "xã Hải Thượng", "huyện Hải Lăng",
                "tỉnh Quảng Trị")
    news = nv_cat(site, "tin-tuc", "Tin tức - Sự kiện")
    nv_cat(site, "cds", "Chuyển đổi số", "digital")
    nv_cat(site, "ttpl", "Tuyên truyền pháp luật", "law")
    nv_cat(site, "du-lich", "Du lịch - Lễ hội", "travel")
    add_posts(site, "tin-tuc", q1=10, before=2, after=1, salt=9)
    add_posts(site, "cds", q1=3, before=2, salt=4)
    add_posts(site, "ttpl", q1=4, before=1, salt=6)

    nv = NukeViet(site, [
        Link("Trang nhất", "/"),
        Link("Giới thiệu", "/gioi-thieu/"),
        Link("Tin tức - Sự kiện", news.path, children=[Link(site.cats[k].label, site.cats[k].path) for k in ("cds", "ttpl", "du-lich")]),
        Link("Văn bản pháp quy", "/van-ban/"),
        Link("Lịch tiếp công dân", "/lich-tiep-cong-dan.html"),
        Link("Danh bạ", "/danhba/danhba.htm"),
        Link("Liên hệ", "/lien-he/"),
    ], right=[], company=[
        '<span class="company_name">UBND xã Hải Thượng</span>',
        '<em class="fa fa-flag"></em><span>Chịu trách nhiệm: Ông Lê Quang Vinh - Chủ tịch UBND xã</span>',
        '<em class="fa fa-map-marker"></em><span>Địa chỉ: Thôn Thượng Xá, xã Hải Thượng, huyện Hải Lăng, tỉnh Quảng Trị</span>',
        '<em class="fa fa-phone"></em><span>Điện thoại: <a href="tel:02333875123"><span>0233 3875 123</span></a></span>',
    ], copyright_by="UBND xã Hải Thượng")
    nv.right = [
        nv.categories("Chuyên mục", [Link(site.cats[k].label, site.cats[k].path) for k in ("tin-tuc", "cds", "ttpl", "du-lich")]),
        nv.banners([(4, Banner("/uploads/banners/dich-vu-cong-truc-tuyen.png", 260, 90, "https://dichvucong.quangtri.gov.vn/",
                               "Dịch vụ công trực tuyến")),
                    (5, Banner("/uploads/banners/cong-thong-tin-quang-tri.jpg", 260, 90, "https://quangtri.gov.vn/",
                               "Cổng thông tin điện tử tỉnh Quảng Trị")),
                    (6, Banner("/uploads/banners/hoc-tap-lam-theo-bac.jpg", 260, 140, "/tin-tuc-su-kien/",
                               "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh"))]),
        nv.counter(4, 96, 2210, 76450),
    ]
    nv.home_listing(per_page=20)
    nv.listing("tin-tuc")
    nv.listing("cds")
    nv.listing("ttpl")
    nv.listing("du-lich", description="Giới thiệu các điểm du lịch, lễ hội truyền thống của xã Hải Thượng.")
    nv.articles({site.listing("tin-tuc")[0].ident})
    nv.laws("/van-ban/", "Văn bản pháp quy", doc_rows(site, LEGAL_DOCS, 5, salt=1), detail=False)
    nv.static("/gioi-thieu/", "Giới thiệu", "<p>Xã Hải Thượng nằm ở phía Bắc huyện Hải Lăng, có 9 thôn.</p>")
    nv.static("/lich-tiep-cong-dan.html", "Lịch tiếp công dân",
              table_html(["Tháng", "Người tiếp công dân", "Chức vụ", "Thời gian, địa điểm"],
                         reception_rows(site, "Lê Quang Vinh", "Võ Thị Hằng")))
    nv.static("/lien-he/", "Liên hệ", "<p>UBND xã Hải Thượng - Điện thoại: 0233 3875 123</p>")
    rows = "\n".join(f"<tr><td>{i}</td><td>{esc(r[0])}</td><td>{esc(r[1])}</td><td>{r[2]}</td></tr>"
                      for i, r in enumerate(directory_rows(site, "quangtri.gov.vn", chair="Lê Quang Vinh", emails=False), 1))
    legacy = f"""<html>
<head>
<meta http-equiv="Content-Language" content="vi">
<meta http-equiv="Content-Type" content="text/html; charset=windows-1258">
<meta name="GENERATOR" content="Microsoft FrontPage 6.0">
<title>Danh bạ điện thoại</title>
</head>
<body>
<p align="center"><b><font face="Times New Roman" size="4">DANH BẠ ĐIỆN THOẠI CÁC CƠ QUAN, ĐƠN VỊ XÃ HẢI THƯỢNG</font></b></p>
<table border="1" width="100%" cellspacing="0" cellpadding="3">
<tr><td><b>TT</b></td><td><b>Chức vụ</b></td><td><b>Họ và tên</b></td><td><b>Điện thoại</b></td></tr>
{rows}
</table>
<p><i>Cập nhật tháng 6 năm 2019</i></p>
</body>
</html>
"""
    site.write("danhba/danhba.htm", cp1258(legacy.replace("\n", "\r\n")))
    nv.feeds_and_sitemaps()
    return site


def build_nukeviet_3() -> Site:
    """Kỳ Tân: titles-only listings (dates on the article page; schema datePublished holds the last
    edit), Teachers' Day and Great Unity Day 2022 banners, no citizen reception schedule, an empty
    directory page, a footer without the responsible person."""
    site = Site("site-nukeviet-3", "https://kytan.kyanh.hatinh.gov.vn", "xã Kỳ Tân", "huyện Kỳ Anh", "tỉnh Hà Tĩnh")
    news = nv_cat(site, "tin-tuc", "Tin tức")
    nv_cat(site, "du-lich", "Du lịch - Lễ hội", "travel")
    nv_cat(site, "pbgdpl", "Phổ biến, giáo dục pháp luật", "law")
    nv_cat(site, "cds", "Chuyển đổi số", "digital")
    news.children = ["du-lich", "pbgdpl", "cds"]
    stamps = [(datetime(2022, 11, 20, 7, 30, 0), None), (datetime(2022, 12, 15, 9, 0, 0), None),
              (datetime(2022, 12, 28, 16, 45, 0), datetime(2023, 1, 5, 9, 12, 44)),
              (datetime(2023, 1, 9, 10, 12, 0), datetime(2023, 1, 10, 8, 0, 0)), (datetime(2023, 2, 14, 15, 20, 0), None),
              (datetime(2023, 3, 30, 22, 10, 0), datetime(2023, 4, 3, 7, 55, 0)), (datetime(2023, 4, 5, 8, 40, 0), None)]
    for index, (stamp, edited) in enumerate(stamps):
        post = add_posts(site, "tin-tuc", extra=[stamp], salt=index * 5)[0]
        post.edited = edited
    add_posts(site, "du-lich", before=1, salt=1)
    add_posts(site, "pbgdpl", before=1, salt=2)
    add_posts(site, "cds", before=1, salt=3)

    nv = NukeViet(site, [
        Link("Trang nhất", "/"),
        Link("Giới thiệu", "/gioi-thieu/"),
        Link("Tin tức", news.path, children=[Link(site.cats[k].label, site.cats[k].path) for k in news.children]),
        Link("Hệ thống văn bản", "/van-ban/", children=[Link("Văn bản QPPL", "/van-ban/van-ban-qppl/")]),
        Link("Thủ tục hành chính", "/thu-tuc-hanh-chinh/"),
        Link("Liên hệ", "/lien-he/"),
    ], right=[], company=[
        '<span class="company_name">UBND xã Kỳ Tân</span>',
        '<em class="fa fa-map-marker"></em><span>Địa chỉ: Thôn Tân Thành, xã Kỳ Tân, huyện Kỳ Anh, tỉnh Hà Tĩnh</span>',
        '<em class="fa fa-phone"></em><span>Điện thoại: <a href="tel:02393874567"><span>0239 3874 567</span></a></span>',
    ], copyright_by="UBND xã Kỳ Tân", list_mode="list")
    nv.right = [
        nv.banners([(7, Banner("/uploads/banners/20-11-2022.jpg", 260, 160, "/tin-tuc/", "Chào mừng ngày Nhà giáo Việt Nam 20/11/2022")),
                    (8, Banner("/uploads/banners/ngay-hoi-dai-doan-ket.jpg", 260, 160, "/tin-tuc/",
                               "Ngày hội Đại đoàn kết toàn dân tộc 18/11/2022")),
                    (9, Banner("/uploads/banners/pakn.jpg", 260, 80, "https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-pakn.html",
                               "Phản ánh, kiến nghị")),
                    (10, Banner("/uploads/banners/dvc-hatinh.jpg", 260, 80, "https://dichvucong.hatinh.gov.vn/",
                                "Dịch vụ công trực tuyến tỉnh Hà Tĩnh"))]),
        nv.categories("Chuyên mục", [Link(site.cats[k].label, site.cats[k].path) for k in ("tin-tuc", "du-lich", "pbgdpl", "cds")]
                      + [Link("Danh bạ điện thoại", "/danh-ba-dien-thoai/")]),
        nv.counter(2, 57, 1320, 40215),
    ]
    nv.home(["tin-tuc", "du-lich", "pbgdpl"])
    for key in site.cats:
        nv.listing(key, per_page=5)
    nv.articles()
    nv.laws("/van-ban/", "Hệ thống văn bản", doc_rows(site, LEGAL_DOCS, 4, salt=3), detail=False)
    nv.laws("/van-ban/van-ban-qppl/", "Văn bản QPPL", doc_rows(site, LEGAL_DOCS, 4, salt=3), detail=False)
    nv.static("/gioi-thieu/", "Giới thiệu", "<p>Xã Kỳ Tân nằm ở phía Tây huyện Kỳ Anh, có 8 thôn.</p>")
    nv.static("/thu-tuc-hanh-chinh/", "Thủ tục hành chính",
              '<p>Tra cứu, nộp hồ sơ trực tuyến tại <a href="https://dichvucong.hatinh.gov.vn/">Cổng dịch vụ công tỉnh Hà Tĩnh</a>.</p>')
    nv.static("/danh-ba-dien-thoai/", "Danh bạ điện thoại", "<p>Đang cập nhật...</p>")
    nv.static("/lien-he/", "Liên hệ", "<p>Mời quý vị gửi thư cho UBND xã theo mẫu dưới đây.</p>")
    nv.feeds_and_sitemaps()
    return site


def wp_cat(site: Site, key: str, label: str, path: str, topic: str = "news") -> Cat:
    return site.cat(key, label, path, topic)


def build_wordpress_1() -> Site:
    """Phú Lộc: everything in place on WordPress; a current banner uploaded in /uploads/2022/10/,
    a post updated inside the quarter but published before it, boundary timestamps."""
    site = Site("site-wordpress-1", "https://phuloc.krongnang.daklak.gov.vn", "xã Phú Lộc", "huyện Krông Năng", "tỉnh Đắk Lắk")
    wp_cat(site, "local", "Tin địa phương", "/category/tin-tuc-su-kien/tin-dia-phuong/")
    wp_cat(site, "cds", "Chuyển đổi số", "/category/tin-tuc-su-kien/chuyen-doi-so/", "digital")
    wp_cat(site, "pbgdpl", "Phổ biến giáo dục pháp luật", "/category/tin-tuc-su-kien/pho-bien-giao-duc-phap-luat/", "law")
    wp_cat(site, "du-lich", "Du lịch", "/category/du-lich/", "travel")
    local = add_posts(site, "local", q1=5, before=2, after=1, salt=8,
                      extra=[datetime(2023, 1, 1, 0, 5, 0), datetime(2022, 12, 31, 23, 50, 0), datetime(2023, 4, 1, 0, 15, 0)])
    local[0].edited = datetime(2023, 1, 16, 10, 0, 0)       # published in 2022, updated in the quarter
    add_posts(site, "cds", q1=3, before=1, salt=5)
    add_posts(site, "pbgdpl", q1=3, before=1, salt=6)
    add_posts(site, "du-lich", q1=1, before=1, salt=2)

    wp = WordPress(site, [
        Link("Trang chủ", site.origin + "/"),
        Link("Giới thiệu", "/gioi-thieu/"),
        Link("Tin tức - Sự kiện", "#", children=[Link(site.cats[k].label, site.cats[k].path) for k in ("local", "cds", "pbgdpl")]),
        Link("Văn bản", "#", children=[Link("Văn bản pháp quy", "/van-ban-phap-quy/")]),
        Link("Thủ tục hành chính", "https://dichvucong.daklak.gov.vn/"),
        Link("Du lịch", site.cats["du-lich"].path),
        Link("Liên hệ", "/lien-he/"),
    ], widgets=[], footer=(
        "<p>Bản quyền &copy; 2023 UBND xã Phú Lộc, huyện Krông Năng, tỉnh Đắk Lắk</p>\n"
        "<p>Chịu trách nhiệm nội dung: Ông Y Khăm Niê - Chủ tịch UBND xã</p>\n"
        "<p>Địa chỉ: Thôn Phú Hòa, xã Phú Lộc - Điện thoại: 0262 3670 123 - Email: phuloc.krongnang@daklak.gov.vn</p>"))
    wp.widgets = [
        wp.image_widget(2, Banner("/wp-content/uploads/2022/10/banner-dich-vu-cong-300x100.jpg", 300, 100,
                                  "https://dichvucong.daklak.gov.vn/", "Dịch vụ công trực tuyến tỉnh Đắk Lắk")),
        wp.image_widget(3, Banner("/wp-content/uploads/2022/10/gop-y-phan-anh-300x100.jpg", 300, 100,
                                  wp.url("/gop-y-phan-anh/"), "Góp ý, phản ánh của người dân"), "Hộp thư góp ý"),
        wp.image_widget(4, Banner("/wp-content/uploads/2022/11/lich-tiep-cong-dan-300x100.jpg", 300, 100,
                                  wp.url("/lich-tiep-cong-dan/"), "Lịch tiếp công dân")),
        wp.categories_widget("Chuyên mục", ["cds", "du-lich", "pbgdpl", "local"]),
        wp.text_widget("Danh bạ", f'<p><a href="{wp.url("/danh-ba/")}">Danh bạ điện thoại cơ quan, đơn vị</a></p>'),
    ]
    for key in site.cats:
        wp.archive(site.cats[key].path, site.listing(key), site.cats[key].label)
    wp.front_page([("Tin địa phương", "local"), ("Chuyển đổi số", "cds"), ("Phổ biến giáo dục pháp luật", "pbgdpl")])
    wp.singles({local[0].ident} | {p.ident for p in site.all_posts() if p.published.date() == date(2023, 4, 1)})
    wp.wp_page("/gioi-thieu/", "Giới thiệu", "<p>Xã Phú Lộc nằm ở phía Đông huyện Krông Năng, có 14 thôn, buôn.</p>")
    wp.wp_page("/van-ban-phap-quy/", "Văn bản pháp quy", table_html(
        ["STT", "Số ký hiệu", "Ngày ban hành", "Trích yếu", "Tệp"], doc_rows(site, LEGAL_DOCS, 5, salt=2), "wp-block-table"))
    wp.wp_page("/lich-tiep-cong-dan/", "Lịch tiếp công dân", table_html(
        ["Tháng", "Người tiếp công dân", "Chức vụ", "Thời gian, địa điểm"], reception_rows(site, "Y Khăm Niê", "Trần Minh Đức")))
    wp.wp_page("/danh-ba/", "Danh bạ", table_html(["Chức vụ", "Họ và tên", "Điện thoại", "Thư điện tử"],
                                                  directory_rows(site, "daklak.gov.vn", chair="Y Khăm Niê")))
    wp.wp_page("/gop-y-phan-anh/", "Góp ý, phản ánh", "<p>Mời người dân gửi góp ý, phản ánh qua biểu mẫu dưới đây.</p>")
    wp.wp_page("/lien-he/", "Liên hệ", "<p>UBND xã Phú Lộc - Điện thoại: 0262 3670 123</p>")
    wp.finish()
    return site


def build_wordpress_2() -> Site:
    """Hòa Phú: upper-case abbreviated menu, date permalinks, a Tết 2023 banner still shown in April,
    a feedback banner known only by its link, a deleted tourism page (404), an empty law category,
    a footer without the responsible person."""
    site = Site("site-wordpress-2", "https://hoaphu.buonmathuot.daklak.gov.vn", "xã Hòa Phú", "thành phố Buôn Ma Thuột",
                "tỉnh Đắk Lắk")
    wp_cat(site, "tin-tuc", "Tin tức", "/category/tin-tuc/")
    wp_cat(site, "cds", "Chuyển đổi số", "/category/chuyen-doi-so/", "digital")
    wp_cat(site, "pbgdpl", "PBGDPL", "/category/pbgdpl/", "law")
    add_posts(site, "tin-tuc", q1=8, before=2, after=1, salt=13)
    add_posts(site, "cds", q1=2, before=1, salt=7)

    wp = WordPress(site, [
        Link("TRANG CHỦ", site.origin + "/"),
        Link("GIỚI THIỆU", "/gioi-thieu/"),
        Link("TIN TỨC", site.cats["tin-tuc"].path),
        Link("VĂN BẢN QPPL", "/van-ban-qppl/"),
        Link("TTHC", "/thu-tuc-hanh-chinh/"),
        Link("CĐS", site.cats["cds"].path),
        Link("PBGDPL", site.cats["pbgdpl"].path),
        Link("DU LỊCH", "/du-lich/"),
        Link("LIÊN HỆ", "/lien-he/"),
    ], widgets=[], permalink="date", theme="hoaphu", footer=(
        "<p>&copy; 2023 Trang thông tin điện tử xã Hòa Phú</p>\n"
        "<p>Địa chỉ: Thôn 1, xã Hòa Phú, thành phố Buôn Ma Thuột, tỉnh Đắk Lắk - Điện thoại: 0262 3812 456</p>\n"
        f'<p><a href="{site.origin}/danh-ba/">Danh bạ cơ quan</a> | <a href="{site.origin}/lien-he/">Liên hệ</a></p>'))
    wp.widgets = [
        wp.image_widget(2, Banner("/wp-content/uploads/2023/01/chuc-mung-nam-moi-2023.jpg", 300, 200, wp.url("/"),
                                  "Chúc mừng năm mới Xuân Quý Mão 2023")),
        wp.image_widget(3, Banner("/wp-content/uploads/2021/08/banner-1.jpg", 300, 100, wp.url("/gop-y/"), "")),
        wp.image_widget(4, Banner("/wp-content/uploads/2021/08/banner-2.jpg", 300, 100, wp.url("/lich-tiep-cong-dan/"), ""),
                        "Lịch tiếp công dân"),
        wp.image_widget(5, Banner("/wp-content/uploads/2021/08/banner-3.jpg", 300, 100, "https://dichvucong.daklak.gov.vn/",
                                  "Dịch vụ công")),
    ]
    for key in site.cats:
        wp.archive(site.cats[key].path, site.listing(key), site.cats[key].label)
    wp.singles({site.all_posts()[0].ident})
    wp.wp_page("/gioi-thieu/", "Giới thiệu", "<p>Xã Hòa Phú nằm ở phía Tây Nam thành phố Buôn Ma Thuột.</p>")
    wp.wp_page("/van-ban-qppl/", "Văn bản QPPL", "<ul>" + "".join(
        f'<li><a href="{site.origin}/wp-content/uploads/2023/0{1 + i % 3}/{slugify(r[1])}.pdf">{esc(r[1])} ngày {r[2]} - {esc(r[3])}</a></li>'
        for i, r in enumerate(doc_rows(site, LEGAL_DOCS, 4, salt=4))) + "</ul>")
    wp.wp_page("/thu-tuc-hanh-chinh/", "Thủ tục hành chính",
               '<p>Nộp hồ sơ trực tuyến tại <a href="https://dichvucong.daklak.gov.vn/">Cổng dịch vụ công tỉnh Đắk Lắk</a>.</p>')
    wp.wp_page("/lich-tiep-cong-dan/", "Lịch tiếp công dân", table_html(
        ["Tháng", "Người tiếp công dân", "Chức vụ", "Thời gian, địa điểm"], reception_rows(site, "Mai Xuân Trường", "Vũ Thị Lan")))
    wp.wp_page("/danh-ba/", "Danh bạ cơ quan", table_html(["Chức vụ", "Họ và tên", "Điện thoại", "Thư điện tử"],
                                                          directory_rows(site, "buonmathuot.gov.vn", chair="Mai Xuân Trường", emails=False)))
    wp.wp_page("/gop-y/", "Góp ý", "<p>Mời người dân gửi góp ý về hoạt động của chính quyền xã.</p>")
    wp.wp_page("/lien-he/", "Liên hệ", "<p>UBND xã Hòa Phú - Điện thoại: 0262 3812 456</p>")
    wp.finish()
    return site


def build_wordpress_3() -> Site:
    """Ea Kao: labels typed without diacritics, archives without dates (dates on the post page;
    Yoast's published time in UTC), an election category in the sidebar, no feedback banner,
    no tourism section."""
    site = Site("site-wordpress-3", "https://eakao.buonmathuot.daklak.gov.vn", "xã Ea Kao", "thành phố Buôn Ma Thuột",
                "tỉnh Đắk Lắk")
    wp_cat(site, "tin-tuc", unaccent("Tin tức - Sự kiện"), "/category/tin-tuc-su-kien/")
    wp_cat(site, "lich-tiep", unaccent("Lịch tiếp công dân"), "/category/lich-tiep-cong-dan/", "reception")
    wp_cat(site, "ttpl", unaccent("Tuyên truyền pháp luật"), "/category/tuyen-truyen-phap-luat/", "law")
    wp_cat(site, "cds", unaccent("Chuyển đổi số"), "/category/chuyen-doi-so/", "digital")
    wp_cat(site, "bau-cu", unaccent("Bầu cử ĐBQH và HĐND các cấp 2021-2026"), "/category/bau-cu/", "notice")
    for stamp in (datetime(2022, 11, 25, 14, 30), datetime(2022, 12, 20, 9, 45), datetime(2023, 1, 1, 5, 0),
                  datetime(2023, 2, 21, 10, 20), datetime(2023, 4, 1, 6, 30)):
        add_posts(site, "tin-tuc", extra=[stamp], salt=stamp.month * 3 + stamp.day)
    add_post(site, "lich-tiep", "Lich tiep cong dan quy I/2023", datetime(2022, 12, 29, 16, 0),
             "UBND xa Ea Kao thong bao lich tiep cong dan quy I/2023.")
    add_post(site, "lich-tiep", "Lich tiep cong dan quy II/2023", datetime(2023, 4, 3, 8, 0),
             "UBND xa Ea Kao thong bao lich tiep cong dan quy II/2023.")
    add_posts(site, "ttpl", before=1, salt=3)
    add_posts(site, "cds", before=1, salt=2)
    add_post(site, "bau-cu", "Danh sach cu tri bau cu dai bieu Quoc hoi va HDND cac cap", datetime(2021, 5, 10, 9, 0),
             "Niem yet danh sach cu tri tai cac khu vuc bo phieu.")
    for post in site.all_posts():
        post.title, post.summary = unaccent(post.title), unaccent(post.summary)
    april = next(p for p in site.all_posts() if p.published.date() == date(2023, 4, 1))
    april.summary = unaccent("Sáng ngày 30/03/2023, UBND xã Ea Kao tổ chức hội nghị với sự tham gia của đông đảo nhân dân.")

    wp = WordPress(site, [
        Link("Trang chu", site.origin + "/"),
        Link("Gioi thieu", "/gioi-thieu/"),
        Link("Tin tuc - Su kien", site.cats["tin-tuc"].path),
        Link("Van ban", "#", children=[Link("Van ban phap quy", "/van-ban-phap-quy/")]),
        Link("Thu tuc hanh chinh", "/thu-tuc-hanh-chinh/"),
        Link("Lien he", "/lien-he/"),
    ], widgets=[], dated_archives=False, theme="eakao", footer=(
        "<p>Co quan chu quan: UBND xa Ea Kao, thanh pho Buon Ma Thuot, tinh Dak Lak</p>\n"
        "<p>Chiu trach nhiem noi dung: Ong Y Bhin Nie - Chu tich UBND xa</p>\n"
        "<p>Dia chi: Buon Ea Kao, xa Ea Kao - Dien thoai: 0262 3860 789</p>"))
    wp.widgets = [
        wp.image_widget(2, Banner("/wp-content/uploads/2020/06/dich-vu-cong.jpg", 300, 100, "https://dichvucong.daklak.gov.vn/",
                                  "Dich vu cong truc tuyen")),
        wp.image_widget(3, Banner("/wp-content/uploads/2020/06/cong-ttdt-tinh.jpg", 300, 100, "https://daklak.gov.vn/",
                                  "Cong thong tin dien tu tinh Dak Lak")),
        wp.categories_widget("Chuyen muc", ["bau-cu", "cds", "lich-tiep", "tin-tuc", "ttpl"]),
        wp.text_widget("Danh ba", f'<p><a href="{wp.url("/danh-ba-dien-thoai/")}">Danh ba dien thoai</a></p>'),
    ]
    for key in site.cats:
        wp.archive(site.cats[key].path, site.listing(key), site.cats[key].label)
    wp.singles()
    wp.wp_page("/gioi-thieu/", "Gioi thieu", "<p>Xa Ea Kao nam o phia Nam thanh pho Buon Ma Thuot.</p>")
    wp.wp_page("/van-ban-phap-quy/", "Van ban phap quy", table_html(
        ["STT", "So ky hieu", "Ngay ban hanh", "Trich yeu", "Tep"], [[unaccent(c) for c in r] for r in doc_rows(site, LEGAL_DOCS, 4, salt=5)]))
    wp.wp_page("/thu-tuc-hanh-chinh/", "Thu tuc hanh chinh",
               '<p>Nop ho so truc tuyen tai <a href="https://dichvucong.daklak.gov.vn/">Cong dich vu cong tinh Dak Lak</a>.</p>')
    wp.wp_page("/danh-ba-dien-thoai/", "Danh ba dien thoai", table_html(
        ["Chuc vu", "Ho va ten", "Dien thoai", "Thu dien tu"], [[unaccent(c) for c in r] for r in directory_rows(site, "daklak.gov.vn", chair="Y Bhin Nie")]))
    wp.wp_page("/lien-he/", "Lien he", "<p>UBND xa Ea Kao - Dien thoai: 0262 3860 789</p>")
    wp.finish()
    return site


# --- writing ----------------------------------------------------------------------------------

BUILDERS: list[Callable[[], Site]] = [build_thanhhoa_1, build_thanhhoa_2, build_thanhhoa_3,
                                       build_nukeviet_1, build_nukeviet_2, build_nukeviet_3,
                                       build_wordpress_1, build_wordpress_2, build_wordpress_3]


def write_site(site: Site, root: Path) -> None:
    folder = root / site.id
    if folder.exists():
        shutil.rmtree(folder)
    for path, content in sorted(site.files.items()):
        target = folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(content)


def missing_links(site: Site) -> list[str]:
    """Own-site links of the saved pages that no saved file answers (the evaluate server's mapping)."""
    import re
    from urllib.parse import unquote, urljoin, urlsplit

    files = set(site.files)
    redirects = {line.split()[0] for line in site.files.get("_redirects", b"").decode().splitlines() if line.strip()}
    missing = set()
    for name, content in site.files.items():
        if not name.endswith((".html", ".htm")) or name.startswith("_"):
            continue
        text = content.decode("utf-8", errors="replace")
        folder_of, _, query = name.partition("__q/")
        page_path = "/" + (folder_of.rstrip("/") + "?" + query.removesuffix(".html") if query else name.removesuffix("index.html"))
        for href in re.findall(r'(?:href|src)="([^"#]+)"', text):
            href = href.replace("&amp;", "&")
            if href.startswith(("javascript:", "mailto:", "tel:")):
                continue
            url = urljoin(site.origin + page_path, href)
            if not url.startswith(site.origin):
                continue
            parts = urlsplit(url)
            key = parts.path + (f"?{parts.query}" if parts.query else "")
            if key in redirects:
                continue
            path = unquote(parts.path).strip("/")
            folder = f"{path}/" if path else ""
            if parts.query:
                candidates = [f"{folder}__q/{parts.query}.html"]
            elif parts.path.endswith("/") or not path:
                candidates = [f"{folder}index.html", f"{folder}index.xml"]
            else:
                candidates = [path, f"{path}.html", f"{folder}index.html", f"{folder}index.xml"]
            if not any(c in files for c in candidates):
                missing.add(key)
    return sorted(missing)


def check_labels(sites: list[Site]) -> list[str]:
    """The generated post counts against the hand-written labels of answers.json."""
    answers = json.loads((HERE / "answers.json").read_text(encoding="utf-8"))
    labelled = {p["id"]: p for p in answers["portals"]}
    problems = []
    for site in sites:
        entry = labelled.get(site.id)
        if entry is None:
            problems.append(f"{site.id}: not in answers.json")
            continue
        if entry.get("origin") != site.origin:
            problems.append(f"{site.id}: origin {entry.get('origin')!r} != {site.origin!r}")
        want = entry["expected"].get("posts_in_quarter")
        if want != site.posts_in_q1():
            problems.append(f"{site.id}: posts_in_quarter labelled {want}, pages hold {site.posts_in_q1()}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the committed files, write nothing")
    parser.add_argument("--links", action="store_true", help="list own-site links that no saved file answers")
    args = parser.parse_args(argv)
    sites = [build() for build in BUILDERS]
    problems = check_labels(sites)
    if args.check:
        with tempfile.TemporaryDirectory() as tmp:
            for site in sites:
                write_site(site, Path(tmp))
                for path, content in site.files.items():
                    committed = HERE / site.id / path
                    if not committed.is_file() or committed.read_bytes() != content:
                        problems.append(f"{site.id}/{path} differs from the committed file")
                extra = {str(p.relative_to(HERE / site.id)) for p in (HERE / site.id).rglob("*") if p.is_file()} - set(site.files)
                problems += [f"{site.id}/{p} is committed but not generated" for p in sorted(extra)]
    else:
        for site in sites:
            write_site(site, HERE)
    total = sum(len(c) for s in sites for c in s.files.values())
    print(f"{len(sites)} portals, {sum(len(s.files) for s in sites)} files, {total / 1024:.0f} KiB")
    for site in sites:
        size = sum(len(c) for c in site.files.values())
        print(f"  {site.id}: {len(site.files)} files, {size / 1024:.0f} KiB, {site.posts_in_q1()} posts in 2023-Q1")
    if args.links:
        for site in sites:
            for link in missing_links(site):
                print(f"  not saved: {site.id} {link}")
    for problem in problems:
        print(f"problem: {problem}", file=sys.stderr)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
