#!/usr/bin/env python3
"""Build the Wagtail CRX commune portals of the labelled corpus (cms-wagtail-1, cms-wagtail-2).

The author's tool, not part of the package (it never imports ``camthuy_audit``). It

1. creates a virtualenv with Wagtail CRX from PyPI (``coderedcms``; versions pinned below);
2. scaffolds a project per portal with ``coderedcms start`` (its own templates, untouched) and
   writes ``settings/local.py`` (Vietnamese locale, Asia/Ho_Chi_Minh, DEBUG off, host names);
3. enters the content through the CMS's Python API (page models, ``add_child``,
   ``save_revision().publish()``, snippets, site settings, images), each page published at its
   intended time with ``time-machine`` (so ``first_published_at`` and the revision times are those of
   an editor who published it then);
4. serves the site with Django's server on 127.0.0.1:8095 under its own host name (added to
   /etc/hosts) and mirrors it with ``tests/corpus/cms/mirror.py`` into ``tests/corpus/cms-wagtail-N``;
5. prints the post count of the quarter straight from the CMS database (the label of
   ``posts_in_quarter``) and checks it against the answers fragment.

    python3.11 tests/corpus/cms/build_wagtail.py                 # both portals
    python3.11 tests/corpus/cms/build_wagtail.py --portal 1      # one portal
    python3.11 tests/corpus/cms/build_wagtail.py --portal 1 --no-mirror --keep-serving

Work folder: /srv/crx (``--root``). Rebuilding is from scratch: the project folder is replaced.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
MAIN = HERE.parents[2]                     # /work/main
CORPUS = MAIN / "tests" / "corpus"
PORT = 8095
PINS = ["coderedcms==6.0.0", "wagtail==7.4.4", "Django==5.2.19", "Pillow==13.0.0", "time-machine==3.6.0"]
VN = dt.timezone(dt.timedelta(hours=7))    # Asia/Ho_Chi_Minh has no DST
Q1_START, Q1_END = dt.date(2023, 1, 1), dt.date(2023, 3, 31)


def vn_slug(title: str) -> str:
    """The slug the Wagtail admin fills in from a title when unicode slugs are off (its URLify
    transliteration: đ -> d, diacritics dropped)."""
    import re
    import unicodedata
    t = title.replace("đ", "d").replace("Đ", "D")
    t = "".join(c for c in unicodedata.normalize("NFKD", t) if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", "-", t.lower()).strip("-")


def vn(y: int, mo: int, d: int, h: int = 8, mi: int = 0) -> dt.datetime:
    return dt.datetime(y, mo, d, h, mi, tzinfo=VN)


# =============================================================================================
# Portal descriptions
# =============================================================================================

LOREM = [
    "Thực hiện kế hoạch của Ủy ban nhân dân huyện, Ủy ban nhân dân xã đã chỉ đạo các ban, ngành, đoàn thể "
    "và các thôn triển khai đồng bộ các nhiệm vụ, bảo đảm đúng tiến độ đề ra.",
    "Tại buổi làm việc, các đại biểu đã thảo luận, đánh giá kết quả đạt được, chỉ ra những tồn tại, hạn chế "
    "và đề xuất giải pháp khắc phục trong thời gian tới.",
    "Ủy ban nhân dân xã đề nghị các thôn tiếp tục tuyên truyền sâu rộng đến từng hộ gia đình để người dân "
    "hiểu, đồng thuận và tích cực tham gia.",
]


def article(title, published, *, slug=None, section="tin", display=None, edited=None, draft=False,
            author="Ban biên tập", paras=2, cover=None):
    """One article: ``published`` = when it was first published (Vietnam time); ``display`` = the
    CRX field "Display publish date" (shown instead of the first publication when set); ``edited`` =
    a later re-publication (changes last_published_at only); ``draft`` = saved, never published."""
    return dict(title=title, slug=slug, section=section, published=published, display=display,
                edited=edited, draft=draft, author=author, paras=paras, cover=cover)


PORTALS: dict[int, dict] = {}

# ---------------------------------------------------------------------------------------------
# cms-wagtail-1: xã Yên Trạch
# ---------------------------------------------------------------------------------------------
PORTALS[1] = dict(
    id="cms-wagtail-1",
    project="yentrach",
    host="xa-yentrach.crx.test",
    commune="Yên Trạch",
    site_name="Cổng thông tin điện tử xã Yên Trạch",
    per_page=8,
    articles=[
        # Tin tức - Sự kiện
        article("Xã Yên Trạch tổ chức Ngày hội Đại đoàn kết toàn dân tộc tại thôn Đồng Tâm", vn(2022, 11, 8, 8, 30)),
        article("Trường THCS Yên Trạch kỷ niệm 40 năm Ngày Nhà giáo Việt Nam 20/11", vn(2022, 11, 20, 15, 0)),
        article("Hội nghị tổng kết công tác phòng, chống thiên tai và tìm kiếm cứu nạn năm 2022", vn(2022, 12, 5, 9, 10)),
        article("Ra quân tổng vệ sinh môi trường chào đón năm mới", vn(2022, 12, 19, 14, 20),
                edited=vn(2023, 2, 14, 10, 5)),
        article("Thông báo lịch nghỉ Tết Dương lịch và Tết Nguyên đán Quý Mão 2023", vn(2022, 12, 31, 23, 50)),
        article("Thư chúc mừng năm mới 2023 của Chủ tịch Ủy ban nhân dân xã", vn(2023, 1, 1, 0, 10)),
        article("Hội đồng nhân dân xã Yên Trạch tổ chức kỳ họp chuyên đề đầu năm 2023", vn(2023, 1, 9, 10, 0)),
        article("Thăm, tặng quà các gia đình chính sách nhân dịp Tết Nguyên đán Quý Mão", vn(2023, 1, 16, 16, 30)),
        article("Phát động Tết trồng cây \u201cĐời đời nhớ ơn Bác Hồ\u201d Xuân Quý Mão 2023", vn(2023, 2, 2, 8, 0)),
        article("Giao quân năm 2023: 12 thanh niên Yên Trạch lên đường nhập ngũ", vn(2023, 2, 10, 9, 45)),
        article("Tiêm vắc xin phòng bệnh cho đàn gia súc, gia cầm đợt 1 năm 2023", vn(2023, 2, 21, 14, 0)),
        article("Ra mắt mô hình \u201cDân vận khéo\u201d tại thôn Làng Mới", vn(2023, 3, 1, 7, 30)),
        article("Kỷ niệm 113 năm Ngày Quốc tế Phụ nữ 8/3", vn(2023, 3, 8, 10, 15)),
        article("Sơ kết sản xuất vụ Đông Xuân 2022 - 2023, triển khai nhiệm vụ vụ Mùa", vn(2023, 3, 15, 15, 40)),
        article("Đoàn Thanh niên xã ra quân Tháng Thanh niên năm 2023", vn(2023, 3, 26, 8, 0)),
        article("Kết quả thu ngân sách nhà nước quý I năm 2023", vn(2023, 3, 31, 23, 45)),
        article("Thông báo lịch tạm ngừng cung cấp điện ngày 05/04/2023", vn(2023, 4, 1, 0, 15)),
        article("Tiếp nhận hồ sơ đăng ký hộ kinh doanh cá thể quý I năm 2023", vn(2023, 4, 3, 9, 0),
                display=dt.date(2023, 3, 30)),
        article("Tập huấn nghiệp vụ phòng cháy, chữa cháy cho lực lượng dân phòng", vn(2023, 4, 12, 10, 0)),
        article("Kỷ niệm 48 năm Ngày Giải phóng miền Nam, thống nhất đất nước 30/4", vn(2023, 4, 28, 8, 30)),
        article("Tiếp xúc cử tri trước kỳ họp thứ sáu Hội đồng nhân dân huyện", vn(2023, 5, 10, 14, 0)),
        article("Dâng hương kỷ niệm 133 năm Ngày sinh Chủ tịch Hồ Chí Minh", vn(2023, 5, 19, 7, 0)),
        article("Dự thảo kế hoạch tổ chức Hội thi văn nghệ quần chúng (bản nháp)", vn(2023, 3, 20, 9, 0), draft=True),
        # Chuyển đổi số
        article("Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2022", vn(2022, 10, 10, 8, 0), section="cds",
                slug="huong-ung-ngay-chuyen-doi-so-quoc-gia-10-10-2022"),
        article("Xã Yên Trạch ra mắt Tổ công nghệ số cộng đồng", vn(2023, 2, 17, 9, 30), section="cds"),
        article("Hướng dẫn người dân cài đặt, kích hoạt tài khoản định danh điện tử VNeID", vn(2023, 3, 22, 14, 0),
                section="cds"),
        article("Triển khai thanh toán không dùng tiền mặt tại chợ Yên Trạch", vn(2023, 4, 20, 10, 0), section="cds"),
        # Phổ biến giáo dục pháp luật
        article("Hưởng ứng Ngày Pháp luật nước Cộng hòa xã hội chủ nghĩa Việt Nam 9/11", vn(2022, 11, 9, 9, 0),
                section="pbgdpl"),
        article("Tuyên truyền Luật Phòng, chống bạo lực gia đình năm 2022", vn(2023, 1, 12, 15, 0), section="pbgdpl"),
        article("Hội nghị phổ biến Luật Thực hiện dân chủ ở cơ sở năm 2022", vn(2023, 3, 14, 8, 30), section="pbgdpl"),
    ],
)

# ---------------------------------------------------------------------------------------------
# cms-wagtail-2: xã Quang Hưng
# ---------------------------------------------------------------------------------------------
PORTALS[2] = dict(
    id="cms-wagtail-2",
    project="quanghung",
    host="xa-quanghung.crx.test",
    commune="Quang Hưng",
    site_name="Trang thông tin điện tử xã Quang Hưng",
    per_page=6,
    articles=[
        article("Quang Hưng tổng kết phong trào \u201cToàn dân đoàn kết xây dựng đời sống văn hóa\u201d", vn(2022, 11, 25, 9, 0)),
        article("Hội nghị tổng kết công tác năm 2022, triển khai nhiệm vụ năm 2023", vn(2022, 12, 28, 8, 0)),
        article("Chương trình văn nghệ chào xuân Quý Mão 2023", vn(2023, 1, 14, 19, 30)),
        article("Lễ giao nhận quân năm 2023", vn(2023, 2, 10, 7, 0)),
        article("Ra quân làm thủy lợi nội đồng đầu năm", vn(2023, 2, 24, 14, 0)),
        article("Hội Liên hiệp Phụ nữ xã tổ chức hội thi \u201cNét đẹp phụ nữ Quang Hưng\u201d", vn(2023, 3, 7, 20, 0)),
        article("Khánh thành nhà văn hóa thôn Bến Đò", vn(2023, 3, 18, 9, 0)),
        article("Thông báo tuyển dụng công chức cấp xã năm 2023", vn(2023, 3, 31, 17, 30)),
        article("Hội nghị giao ban khối dân vận quý II", vn(2023, 4, 6, 8, 0)),
        article("Tổ chức Ngày hội đọc sách năm 2023", vn(2023, 4, 21, 15, 0)),
        article("Phát động Tháng hành động vì trẻ em", vn(2023, 5, 29, 9, 0)),
        # Lịch tiếp công dân: one post per month, posted before the month
        article("Lịch tiếp công dân tháng 01 năm 2023", vn(2022, 12, 28, 16, 0), section="ltcd"),
        article("Lịch tiếp công dân tháng 02 năm 2023", vn(2023, 1, 30, 16, 0), section="ltcd"),
        article("Lịch tiếp công dân tháng 03 năm 2023", vn(2023, 2, 27, 16, 0), section="ltcd"),
        article("Lịch tiếp công dân tháng 04 năm 2023", vn(2023, 3, 30, 16, 0), section="ltcd"),
        # Chuyển đổi số
        article("Quang Hưng triển khai kế hoạch chuyển đổi số năm 2023", vn(2023, 1, 5, 10, 0), section="cds"),
        article("Tập huấn kỹ năng số cho Tổ công nghệ số cộng đồng", vn(2023, 3, 9, 14, 0), section="cds"),
        # Du lịch - Lễ hội
        article("Lễ hội đền Quang Hưng năm 2022", vn(2022, 11, 2, 9, 0), section="dulich"),
        article("Khai hội xuân Quý Mão tại đền làng Quang Hưng", vn(2023, 1, 27, 8, 0), section="dulich"),
        # Bầu cử (the 2021 election category, still in the menu)
        article("Kết quả bầu cử đại biểu Hội đồng nhân dân xã nhiệm kỳ 2021 - 2026", vn(2021, 5, 26, 10, 0),
                section="baucu"),
    ],
)


def posts_in_quarter_from_descriptions(portal: dict) -> int:
    """What the database query should find (a cross-check of the descriptions)."""
    n = 0
    for a in portal["articles"]:
        if a["draft"]:
            continue
        day = a["display"] or a["published"].astimezone(VN).date()
        n += Q1_START <= day <= Q1_END
    return n


# =============================================================================================
# Outer side: venv, project, server, mirror
# =============================================================================================


def run(cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), flush=True)
    return subprocess.run([str(c) for c in cmd], check=True, **kw)


def ensure_venv(root: Path) -> Path:
    py = root / "venv" / "bin" / "python"
    if not py.exists():
        root.mkdir(parents=True, exist_ok=True)
        run([sys.executable, "-m", "venv", root / "venv"])
        run([py, "-m", "pip", "install", "-q", "--upgrade", "pip"])
    run([py, "-m", "pip", "install", "-q", *PINS])
    return py


LOCAL_SETTINGS = '''\
# Written by tests/corpus/cms/build_wagtail.py: the few settings a Vietnamese commune would change.
DEBUG = False
ALLOWED_HOSTS = ["{host}", "127.0.0.1", "localhost"]
LANGUAGE_CODE = "vi"
USE_I18N = True
TIME_ZONE = "Asia/Ho_Chi_Minh"
WAGTAIL_SITE_NAME = "{site_name}"
WAGTAILADMIN_BASE_URL = "http://{host}:{port}"
WAGTAIL_CACHE = False
# ASCII URLs: the admin then fills slugs in by transliteration (đ -> d, no diacritics)
WAGTAIL_ALLOW_UNICODE_SLUGS = False
'''

URLS_MEDIA = '''

# Added by tests/corpus/cms/build_wagtail.py: serve uploaded media (DEBUG is off), as the production
# web server in front of the site would.
from django.urls import re_path  # noqa: E402
from django.views.static import serve  # noqa: E402

urlpatterns.insert(0, re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}))
'''


def make_project(py: Path, root: Path, portal: dict) -> Path:
    proj = root / portal["project"]
    if proj.exists():
        shutil.rmtree(proj)
    coderedcms = py.parent / "coderedcms"
    run([coderedcms, "start", portal["project"], "--sitename", portal["site_name"], "--domain", portal["host"]],
        cwd=root)
    (proj / portal["project"] / "settings" / "local.py").write_text(
        LOCAL_SETTINGS.format(host=portal["host"], site_name=portal["site_name"], port=PORT), encoding="utf-8")
    with (proj / portal["project"] / "urls.py").open("a", encoding="utf-8") as f:
        f.write(URLS_MEDIA)
    run([py, "manage.py", "migrate", "--noinput", "-v", "0"], cwd=proj)
    return proj


def ensure_hosts(host: str) -> None:
    hosts = Path("/etc/hosts")
    if host not in hosts.read_text().split():
        with hosts.open("a") as f:
            f.write(f"127.0.0.1 {host}\n")


def serve(py: Path, proj: Path, portal: dict) -> subprocess.Popen:
    log = open(proj / "runserver.log", "w")  # noqa: SIM115 - stays open while the server runs
    proc = subprocess.Popen([str(py), "manage.py", "runserver", f"127.0.0.1:{PORT}", "--insecure", "--noreload"],
                            cwd=proj, stdout=log, stderr=subprocess.STDOUT)
    url = f"http://{portal['host']}:{PORT}/"
    for _ in range(60):
        try:
            with urllib.request.urlopen(url, timeout=5) as r:
                if r.status == 200:
                    print(f"serving {url} (pid {proc.pid})", flush=True)
                    return proc
        except Exception:
            time.sleep(1)
    proc.terminate()
    raise SystemExit(f"the site did not answer at {url}; see {proj / 'runserver.log'}")


def mirror(portal: dict) -> None:
    out = CORPUS / portal["id"]
    run([MAIN / ".venv" / "bin" / "python", HERE / "mirror.py", f"http://{portal['host']}:{PORT}/", out,
         "--reject-regex", r"/admin/|/docs/|/search/|/ical/|/ajax/|/django-admin/",
         "--also", "/robots.txt", "--also", "/sitemap.xml"])


def build(root: Path, number: int, do_mirror: bool, keep_serving: bool) -> None:
    portal = PORTALS[number]
    py = ensure_venv(root)
    proj = make_project(py, root, portal)
    run([py, Path(__file__).resolve(), "--enter", str(number), "--project", proj])
    ensure_hosts(portal["host"])
    proc = serve(py, proj, portal)
    try:
        if do_mirror:
            mirror(portal)
    finally:
        if keep_serving:
            print(f"left serving: pid {proc.pid}")
        else:
            proc.terminate()
            proc.wait(timeout=20)
    answers = HERE / f"{portal['id']}.answers.json"
    if answers.exists():
        expected = json.loads(answers.read_text(encoding="utf-8"))["expected"]["posts_in_quarter"]
        counted = json.loads((proj / "posts_in_quarter.json").read_text())["count"]
        status = "OK" if expected == counted else "MISMATCH"
        print(f"{portal['id']}: posts_in_quarter label {expected}, database {counted}: {status}")


# =============================================================================================
# Inner side: runs under the project's venv with Django set up, enters the content via the CMS
# =============================================================================================


def enter_content(number: int, proj: Path) -> None:  # noqa: C901 - one portal's content, top to bottom
    sys.path.insert(0, str(proj))
    os.environ["DJANGO_SETTINGS_MODULE"] = f"{proj.name}.settings.dev"
    import django
    django.setup()

    import io
    import uuid

    import time_machine
    from django.core.files.images import ImageFile
    from django.utils import timezone
    from PIL import Image as PILImage
    from PIL import ImageDraw
    from wagtail.images.models import Image
    from wagtail.models import Site
    from website.models import ArticleIndexPage, ArticlePage, WebPage

    portal = PORTALS[number]
    commune = portal["commune"]
    site = Site.objects.get(is_default_site=True)
    site.hostname, site.port, site.site_name = portal["host"], PORT, portal["site_name"]
    site.save()
    home = WebPage.objects.get(slug="home")

    # ---- helpers: raw StreamField data, as the admin stores it ------------------------------
    def bid() -> str:
        return str(uuid.uuid4())

    def text(html: str) -> dict:
        return {"type": "text", "value": html, "id": bid()}

    def table(rows: list[list[str]], css: str = "table-bordered") -> dict:
        return {"type": "table", "id": bid(), "value": {
            "table": {"data": rows, "first_row_is_table_header": True, "first_col_is_header": False,
                      "table_caption": ""},
            "settings": {"custom_css_class": css, "custom_id": ""}}}

    def image_link(image, alt: str, page=None, url: str = "") -> dict:
        return {"type": "image_link", "id": bid(), "value": {
            "image": image.id, "alt_text": alt, "page_link": page.id if page else None, "doc_link": None,
            "other_link": url, "button_title": "",
            "settings": {"custom_css_class": "mb-3", "custom_id": ""}}}

    def page_list(index, num: int) -> dict:
        return {"type": "page_list", "id": bid(), "value": {
            "indexed_by": index.id, "classified_by": None, "num_posts": num,
            "settings": {"custom_css_class": "", "custom_id": ""}}}

    def column(size: str, *blocks: dict, breakpoint: str = "lg") -> dict:
        return {"type": "content", "id": bid(), "value": {
            "column_size": size, "content": list(blocks),
            "settings": {"custom_css_class": "", "custom_id": "", "column_breakpoint": breakpoint}}}

    def row(*columns: dict, css: str = "") -> dict:
        return {"type": "row", "id": bid(), "value": {
            "fluid": False, "content": list(columns), "settings": {"custom_css_class": css, "custom_id": ""}}}

    def body(*blocks: dict) -> str:
        return json.dumps(list(blocks), ensure_ascii=False)

    def make_image(title: str, filename: str, size: tuple[int, int], color: tuple[int, int, int]) -> Image:
        """A flat banner picture (a frame and a stripe; the words are in its title and alt text)."""
        im = PILImage.new("RGB", size, color)
        draw = ImageDraw.Draw(im)
        w, h = size
        draw.rectangle([3, 3, w - 4, h - 4], outline=(255, 255, 255), width=3)
        draw.rectangle([w // 10, h // 2 - 4, w - w // 10, h // 2 + 4], fill=(255, 255, 255))
        buf = io.BytesIO()
        im.save(buf, "PNG")
        return Image.objects.create(title=title, file=ImageFile(buf, name=filename))

    def publish(page, when: dt.datetime) -> None:
        with time_machine.travel(when, tick=False):
            page.save_revision().publish()

    def add(parent, page, when: dt.datetime):
        with time_machine.travel(when, tick=False):
            parent.add_child(instance=page)
            page.save_revision().publish()
        return page

    site_start = vn(2022, 6, 1, 9, 0)

    def paras(a: dict, i: int) -> str:
        out = [f"<p><b>{a['title']}.</b> {LOREM[i % 3]}</p>"]
        for k in range(1, a["paras"]):
            out.append(f"<p>{LOREM[(i + k) % 3]}</p>")
        return "".join(out)

    def add_article(index, a: dict, i: int, covers: dict) -> None:
        page = ArticlePage(title=a["title"], author_display=a["author"], date_display=a["display"],
                           body=json.dumps([text(paras(a, i))], ensure_ascii=False))
        page.slug = a["slug"] or vn_slug(a["title"])
        if a["cover"]:
            page.cover_image = covers[a["cover"]]
        if a["draft"]:
            with time_machine.travel(a["published"], tick=False):
                page.live = False
                index.add_child(instance=page)
                page.save_revision()
            return
        add(index, page, a["published"])
        if a["edited"]:
            page = ArticlePage.objects.get(id=page.id)
            page.body = json.dumps([text(paras(a, i) + "<p><i>(Bài viết đã được cập nhật.)</i></p>")],
                                   ensure_ascii=False)
            publish(page, a["edited"])

    def index_page(parent, title: str, slug: str, intro: str, per_page: int, when=site_start):
        page = ArticleIndexPage(title=title, slug=slug, index_num_per_page=per_page,
                                body=body(row(column("12", text(intro)))) if intro else None)
        # set after construction: CoderedPage.__init__ resets both to the class defaults on new pages
        page.index_show_subpages = True
        page.index_order_by = "-first_published_at"
        return add(parent, page, when)

    def web_page(parent, title: str, slug: str, *blocks: dict, when=site_start):
        return add(parent, WebPage(title=title, slug=slug, body=body(*blocks)), when)

    if number == 1:
        build_portal_1(locals())
    else:
        build_portal_2(locals())

    # ---- the label's count, from the database --------------------------------------------------
    def shown_date(p) -> dt.date:
        return p.date_display or timezone.localtime(p.first_published_at).date()

    live = ArticlePage.objects.live().public()
    in_q = sorted((shown_date(p).isoformat(), p.url_path) for p in live if Q1_START <= shown_date(p) <= Q1_END)
    result = {"count": len(in_q), "posts": in_q,
              "query": "ArticlePage.objects.live().public(), displayed date = date_display or "
                       "timezone.localtime(first_published_at).date() (Asia/Ho_Chi_Minh), "
                       "between 2023-01-01 and 2023-03-31"}
    (proj / "posts_in_quarter.json").write_text(json.dumps(result, ensure_ascii=False, indent=1), encoding="utf-8")
    print(f"posts_in_quarter (database): {len(in_q)}; from the descriptions: "
          f"{posts_in_quarter_from_descriptions(portal)}")
    for d, path in in_q:
        print("  ", d, path)
    assert len(in_q) == posts_in_quarter_from_descriptions(portal)


def footer_and_navbar(env: dict, navbar_items: list[dict], footer_blocks: list[dict]) -> None:
    from coderedcms.models import Footer, LayoutSettings, Navbar
    from coderedcms.models.wagtailsettings_models import FooterOrderable, NavbarOrderable
    navbar = Navbar.objects.create(name="Menu chính", menu_items=json.dumps(navbar_items, ensure_ascii=False))
    footer = Footer.objects.create(name="Chân trang", custom_css_class="bg-light border-top py-4 mt-5",
                                   content=json.dumps(footer_blocks, ensure_ascii=False))
    layout = LayoutSettings.for_site(env["site"])
    layout.navbar_color_scheme = "navbar-dark"
    layout.navbar_class = "bg-primary"
    layout.navbar_collapse_mode = "navbar-expand-lg"
    layout.save()
    NavbarOrderable.objects.create(navbar_chooser=layout, navbar=navbar, sort_order=0)
    FooterOrderable.objects.create(footer_chooser=layout, footer=footer, sort_order=0)


def nav_page(page, label: str = "", sub: list[dict] | None = None, children: bool = False) -> dict:
    import uuid
    return {"type": "page_link", "id": str(uuid.uuid4()), "value": {
        "page": page.id, "display_text": label, "image": None, "show_child_links": children,
        "sub_links": sub or [], "settings": {"custom_css_class": "", "custom_id": ""}}}


def nav_link(url: str, label: str, sub: list[dict] | None = None) -> dict:
    import uuid
    return {"type": "external_link", "id": str(uuid.uuid4()), "value": {
        "link": url, "display_text": label, "image": None, "sub_links": sub or [],
        "settings": {"custom_css_class": "", "custom_id": ""}}}


def sub_page(page, label: str = "") -> dict:
    import uuid
    return {"type": "page_link", "id": str(uuid.uuid4()), "value": {
        "page": page.id, "display_text": label, "image": None, "settings": {"custom_css_class": "", "custom_id": ""}}}


def sub_link(url: str, label: str) -> dict:
    import uuid
    return {"type": "external_link", "id": str(uuid.uuid4()), "value": {
        "link": url, "display_text": label, "image": None, "settings": {"custom_css_class": "", "custom_id": ""}}}


# ---------------------------------------------------------------------------------------------
def build_portal_1(env: dict) -> None:
    e = type("E", (), env)  # attribute access to the helpers
    portal, home = env["portal"], env["home"]
    text, table, row, column, body = e.text, e.table, e.row, e.column, e.body
    web_page, index_page, add_article = e.web_page, e.index_page, e.add_article
    img, image_link, page_list, publish = e.make_image, e.image_link, e.page_list, e.publish
    from website.models import FormPage, FormPageField

    gioi_thieu = web_page(home, "Giới thiệu", "gioi-thieu", row(column("12", text(
        "<h2>Khái quát về xã Yên Trạch</h2>"
        "<p>Xã Yên Trạch nằm ở phía tây huyện Cẩm Thủy, tỉnh Thanh Hóa, có diện tích tự nhiên 2.468 ha, "
        "gồm 9 thôn với 2.137 hộ và 8.905 nhân khẩu; có 3 dân tộc Kinh, Mường, Thái cùng sinh sống.</p>"
        "<p>Đảng bộ xã có 14 chi bộ trực thuộc với 412 đảng viên. Kinh tế chủ yếu là sản xuất nông, lâm "
        "nghiệp, chăn nuôi và dịch vụ thương mại.</p>"))))
    tin = index_page(home, "Tin tức - Sự kiện", "tin-tuc-su-kien", "", portal["per_page"])
    van_ban = web_page(home, "Văn bản pháp quy", "van-ban-phap-quy", row(column("12", text(
        "<p>Hệ thống văn bản do Hội đồng nhân dân, Ủy ban nhân dân xã Yên Trạch ban hành.</p>"),
        table([["Số/ký hiệu", "Ngày ban hành", "Trích yếu"],
               ["115/QĐ-UBND", "28/12/2022", "Quyết định giao dự toán thu, chi ngân sách xã năm 2023"],
               ["01/NQ-HĐND", "06/01/2023", "Nghị quyết về nhiệm vụ phát triển kinh tế - xã hội năm 2023"],
               ["05/KH-UBND", "12/01/2023", "Kế hoạch tuyên truyền, phổ biến, giáo dục pháp luật năm 2023"],
               ["18/QĐ-UBND", "15/02/2023", "Quyết định kiện toàn Tổ công nghệ số cộng đồng xã Yên Trạch"],
               ["27/KH-UBND", "20/03/2023", "Kế hoạch chuyển đổi số xã Yên Trạch năm 2023"],
               ["31/QĐ-UBND", "03/04/2023", "Quyết định ban hành quy chế tiếp công dân của UBND xã"]]))))
    cds = index_page(home, "Chuyển đổi số", "chuyen-doi-so",
                     "<p>Chuyên mục thông tin, tuyên truyền về chuyển đổi số của xã Yên Trạch.</p>", 10)
    pbgdpl = index_page(home, "Phổ biến giáo dục pháp luật", "pho-bien-giao-duc-phap-luat", "", 10)
    lich = web_page(home, "Lịch tiếp công dân", "lich-tiep-cong-dan", row(column("12", text(
        "<p>Lịch tiếp công dân định kỳ của Chủ tịch Ủy ban nhân dân xã năm 2023 (tại phòng tiếp công dân, "
        "trụ sở UBND xã).</p>"),
        table([["Tháng", "Người tiếp công dân", "Chức vụ", "Ngày tiếp"],
               ["01/2023", "Nguyễn Văn Thắng", "Chủ tịch UBND xã", "Thứ năm, 12/01/2023"],
               ["02/2023", "Nguyễn Văn Thắng", "Chủ tịch UBND xã", "Thứ năm, 09/02/2023"],
               ["03/2023", "Lê Thị Hoa", "Phó Chủ tịch UBND xã", "Thứ năm, 09/03/2023"],
               ["04/2023", "Nguyễn Văn Thắng", "Chủ tịch UBND xã", "Thứ năm, 13/04/2023"],
               ["05/2023", "Trịnh Đình Khải", "Phó Chủ tịch UBND xã", "Thứ năm, 11/05/2023"],
               ["06/2023", "Nguyễn Văn Thắng", "Chủ tịch UBND xã", "Thứ năm, 08/06/2023"]]))))
    du_lich = index_page(home, "Du lịch - Lễ hội", "du-lich-le-hoi",
                         "<p>Giới thiệu danh lam thắng cảnh, di tích và lễ hội truyền thống của xã Yên Trạch.</p>", 10)
    danh_ba = web_page(home, "Danh bạ điện thoại", "danh-ba-dien-thoai", row(column("12", text(
        "<p>Danh bạ điện thoại, thư điện tử các cơ quan, đơn vị xã Yên Trạch.</p>"),
        table([["STT", "Cơ quan / Họ và tên", "Chức vụ", "Điện thoại", "Thư điện tử"],
               ["1", "Văn phòng Đảng ủy xã", "", "0237.3 879 210", "dangbo.yentrach@thanhhoa.gov.vn"],
               ["2", "Phạm Văn Lộc", "Bí thư Đảng ủy", "0912 406 118", ""],
               ["3", "Nguyễn Văn Thắng", "Chủ tịch UBND xã", "0915 237 904", "thangnv.yentrach@thanhhoa.gov.vn"],
               ["4", "Lê Thị Hoa", "Phó Chủ tịch UBND xã", "0983 551 062", ""],
               ["5", "Văn phòng - Thống kê", "Bộ phận một cửa", "0237.3 879 215", "ubnd.yentrach@thanhhoa.gov.vn"],
               ["6", "Công an xã", "", "0237.3 879 113", ""],
               ["7", "Trạm Y tế xã", "", "0237.3 879 302", ""]]))))
    lien_he = web_page(home, "Liên hệ", "lien-he", row(column("12", text(
        "<p><b>Ủy ban nhân dân xã Yên Trạch</b></p>"
        "<p>Địa chỉ: Thôn Trung Tâm, xã Yên Trạch, huyện Cẩm Thủy, tỉnh Thanh Hóa</p>"
        "<p>Điện thoại: 0237.3 879 215</p><p>Thư điện tử: ubnd.yentrach@thanhhoa.gov.vn</p>"))))
    with env["time_machine"].travel(env["site_start"], tick=False):
        gop_y = FormPage(title="Hộp thư góp ý", slug="hop-thu-gop-y", button_text="Gửi góp ý",
                         body=body(row(column("12", text(
                             "<p>Tổ chức, công dân gửi góp ý, phản ánh, kiến nghị đến Ủy ban nhân dân xã Yên Trạch "
                             "theo mẫu dưới đây.</p>")))))
        home.add_child(instance=gop_y)
        for k, (label, ftype) in enumerate([("Họ và tên", "singleline"), ("Số điện thoại", "singleline"),
                                            ("Thư điện tử", "email"), ("Nội dung góp ý", "multiline")]):
            FormPageField.objects.create(page=gop_y, sort_order=k, label=label, field_type=ftype, required=k != 2)
        gop_y.save_revision().publish()

    covers = {}
    sections = {"tin": tin, "cds": cds, "pbgdpl": pbgdpl}
    for i, a in enumerate(sorted(portal["articles"], key=lambda a: a["published"])):
        add_article(sections[a["section"]], a, i, covers)
    from website.models import ArticlePage
    cds_2022 = ArticlePage.objects.get(slug="huong-ung-ngay-chuyen-doi-so-quoc-gia-10-10-2022")

    # Banners: image links in the home page's right-hand column
    b_gopy = img("Hộp thư góp ý", "hop-thu-gop-y.png", (300, 100), (200, 60, 40))
    b_dvc = img("Dịch vụ công trực tuyến", "dich-vu-cong-truc-tuyen.png", (300, 100), (20, 90, 160))
    b_cds = img("Ngày Chuyển đổi số quốc gia 10/10/2022", "ngay-chuyen-doi-so-quoc-gia-2022.png", (300, 150),
                (0, 120, 110))
    b_tinh = img("Cổng thông tin điện tử tỉnh Thanh Hóa", "cong-ttdt-tinh.png", (300, 100), (160, 20, 20))
    home.title = "Trang chủ"
    home.body = body(
        row(column("9",
                   text("<h2>Tin tức - Sự kiện</h2>"),
                   page_list(tin, 6),
                   text('<h2 class="mt-5">Chuyển đổi số</h2>'),
                   page_list(cds, 3)),
            column("3",
                   text("<h3>Liên kết</h3>"),
                   image_link(b_gopy, "Hộp thư góp ý, phản ánh kiến nghị", page=gop_y),
                   image_link(b_dvc, "Dịch vụ công trực tuyến", url="https://dichvucong.gov.vn/p/home/dvc-trang-chu.html"),
                   image_link(b_cds, "Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2022", page=cds_2022),
                   image_link(b_tinh, "Cổng thông tin điện tử tỉnh Thanh Hóa", url="https://thanhhoa.gov.vn/")),
            css="my-4"))
    publish(home, env["site_start"])

    footer_and_navbar(env, [
        nav_page(home, "Trang chủ"),
        nav_page(gioi_thieu),
        nav_page(tin),
        nav_page(van_ban, "Văn bản"),
        nav_link("#", "Thông tin", [sub_page(cds), sub_page(pbgdpl), sub_page(lich), sub_page(du_lich),
                                   sub_page(danh_ba)]),
        nav_link("https://dichvucong.thanhhoa.gov.vn/", "Thủ tục hành chính"),
        nav_page(lien_he),
    ], [
        row(column("8", text(
            "<p><b>CỔNG THÔNG TIN ĐIỆN TỬ XÃ YÊN TRẠCH</b></p>"
            "<p>Cơ quan chủ quản: Ủy ban nhân dân xã Yên Trạch, huyện Cẩm Thủy, tỉnh Thanh Hóa</p>"
            "<p>Chịu trách nhiệm nội dung: Ông Nguyễn Văn Thắng - Chủ tịch UBND xã</p>"
            "<p>Địa chỉ: Thôn Trung Tâm, xã Yên Trạch - Điện thoại: 0237.3 879 215 - "
            "Thư điện tử: ubnd.yentrach@thanhhoa.gov.vn</p>")),
            column("4", text(
                "<p>© Bản quyền thuộc về Ủy ban nhân dân xã Yên Trạch.</p>"
                "<p>Ghi rõ nguồn khi phát hành lại thông tin từ trang này.</p>"))),
    ])


# ---------------------------------------------------------------------------------------------
def build_portal_2(env: dict) -> None:
    e = type("E", (), env)
    portal, home = env["portal"], env["home"]
    text, row, column, body = e.text, e.row, e.column, e.body
    web_page, index_page, add_article = e.web_page, e.index_page, e.add_article
    img, image_link, page_list, publish = e.make_image, e.image_link, e.page_list, e.publish

    tong_quan = web_page(home, "Tổng quan", "tong-quan", row(column("12", text(
        "<h2>Điều kiện tự nhiên, kinh tế - xã hội</h2>"
        "<p>Xã Quang Hưng có diện tích tự nhiên 1.912 ha, dân số 6.340 người, gồm 7 thôn. Xã đạt chuẩn nông "
        "thôn mới năm 2019.</p>"))))
    web_page(tong_quan, "Lịch sử hình thành", "lich-su-hinh-thanh", row(column("12", text(
        "<p>Xã Quang Hưng được thành lập năm 1954 trên cơ sở sáp nhập hai làng Quang Thượng và Hưng Lộc.</p>"))))
    web_page(tong_quan, "Cơ cấu tổ chức", "co-cau-to-chuc", row(column("12", text(
        "<p>Chủ tịch UBND xã: Ông Đỗ Minh Tuấn. Phó Chủ tịch UBND xã: Bà Vũ Thị Lan.</p>"))))
    tin = index_page(home, "Tin tức", "tin-tuc", "", portal["per_page"])
    van_ban = web_page(home, "Văn bản QPPL", "van-ban-qppl", row(column("12", text(
        "<h2>Văn bản quy phạm pháp luật</h2>"
        "<ul>"
        "<li>Nghị quyết số 02/2023/NQ-HĐND ngày 10/01/2023 của HĐND xã về kế hoạch đầu tư công năm 2023</li>"
        "<li>Quyết định số 14/QĐ-UBND ngày 21/02/2023 về việc ban hành Quy chế làm việc của UBND xã</li>"
        "<li>Quyết định số 98/QĐ-UBND ngày 15/12/2022 về việc giao chỉ tiêu kế hoạch năm 2023</li>"
        "</ul>"))))
    cds = index_page(home, "Chuyển đổi số", "chuyen-doi-so", "", 10)
    pbgdpl = index_page(home, "Tuyên truyền phổ biến giáo dục pháp luật", "tuyen-truyen-pbgdpl",
                        "<p>Chuyên mục tuyên truyền, phổ biến, giáo dục pháp luật.</p>", 10)
    ltcd = index_page(home, "Lịch tiếp công dân", "lich-tiep-cong-dan", "", 10)
    du_lich = index_page(home, "Du lịch - Lễ hội", "du-lich-le-hoi", "", 10)
    bau_cu = index_page(home, "Bầu cử ĐBQH và HĐND các cấp nhiệm kỳ 2021 - 2026", "bau-cu-2021",
                        "", 10, when=vn(2021, 3, 1, 9, 0))
    danh_ba = web_page(home, "Danh bạ cơ quan", "danh-ba-co-quan", row(column("12", text(
        "<p>Đang cập nhật...</p>"))))
    hoi_dap = web_page(home, "Hỏi đáp", "hoi-dap", row(column("12", text(
        "<p>Mọi câu hỏi xin gửi về Văn phòng UBND xã Quang Hưng.</p>"))))

    covers = {}
    sections = {"tin": tin, "cds": cds, "ltcd": ltcd, "dulich": du_lich, "baucu": bau_cu}
    for i, a in enumerate(sorted(portal["articles"], key=lambda a: a["published"])):
        add_article(sections[a["section"]], a, i, covers)

    # Banners: one full-width strip under the news (no side column)
    b_tet = img("Mừng Đảng - Mừng Xuân Quý Mão 2023", "mung-xuan-quy-mao-2023.png", (400, 120), (190, 20, 30))
    b_dvc = img("Dịch vụ công trực tuyến", "dvc-truc-tuyen.png", (400, 120), (20, 90, 160))
    b_tinh = img("Cổng TTĐT tỉnh Thanh Hóa", "cong-ttdt-tinh-thanh-hoa.png", (400, 120), (150, 110, 20))
    home.title = "Trang chủ"
    home.body = body(
        row(column("12", text("<h2>Tin tức</h2>"), page_list(tin, 6)), css="my-4"),
        row(column("4", image_link(b_tet, "Mừng Đảng - Mừng Xuân Quý Mão 2023", page=tin)),
            column("4", image_link(b_dvc, "Dịch vụ công trực tuyến", url="https://dichvucong.gov.vn/")),
            column("4", image_link(b_tinh, "Cổng TTĐT tỉnh Thanh Hóa", url="https://thanhhoa.gov.vn/")),
            css="my-4"),
    )
    publish(home, env["site_start"])

    footer_and_navbar(env, [
        nav_page(home, "Trang chủ"),
        nav_page(tong_quan, children=True),
        nav_page(tin),
        nav_link("#", "Chuyên mục", [sub_page(cds), sub_page(pbgdpl), sub_page(ltcd), sub_page(du_lich),
                                    sub_page(bau_cu, "Bầu cử 2021 - 2026")]),
        nav_page(van_ban),
        nav_link("https://dichvucong.gov.vn/", "Dịch vụ công"),
    ], [
        row(column("8", text(
            "<p><b>TRANG THÔNG TIN ĐIỆN TỬ XÃ QUANG HƯNG</b></p>"
            "<p>© 2023 Ủy ban nhân dân xã Quang Hưng</p>"
            "<p>Chịu trách nhiệm nội dung: Đang cập nhật</p>")),
            column("4", text(
                f'<p><a linktype="page" id="{danh_ba.id}">Danh bạ</a> | <a linktype="page" id="{hoi_dap.id}">Hỏi đáp</a></p>'
                "<p>Liên hệ: 0237.3 850 416</p>"))),
    ])


# =============================================================================================


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--portal", type=int, choices=sorted(PORTALS), action="append")
    ap.add_argument("--root", type=Path, default=Path("/srv/crx"))
    ap.add_argument("--no-mirror", action="store_true")
    ap.add_argument("--keep-serving", action="store_true")
    ap.add_argument("--enter", type=int, help=argparse.SUPPRESS)
    ap.add_argument("--project", type=Path, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.enter:
        enter_content(args.enter, args.project)
        return
    for number in args.portal or sorted(PORTALS):
        build(args.root, number, not args.no_mirror, args.keep_serving)


if __name__ == "__main__":
    main()
