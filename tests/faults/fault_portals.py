"""The portals of the fault server: one host per fault, and small generic portals to wrap them in.

A generic portal has the six required main-menu entries, a news listing with three posts in
2023-Q1 (and one older, so the scan stops), and a footer with ownership and responsibility.
"""

from __future__ import annotations

import html
import secrets
import time
from collections.abc import Callable
from functools import lru_cache

from fault_server import Portal, Request, Response, encode, gzip_bomb, zeros

DOMAIN = "fault.test"
MENU = [("Trang chủ", "/"), ("Giới thiệu", "/gioi-thieu"), ("Tin tức - Sự kiện", "/tin-tuc"),
        ("Văn bản", "/van-ban"), ("Thủ tục hành chính", "/thu-tuc-hanh-chinh"), ("Liên hệ", "/lien-he")]
MENU_LABELS = [label for label, _ in MENU]
POSTS = [("/tin-tuc/hoi-nghi-trien-khai-nhiem-vu.html", "Hội nghị triển khai nhiệm vụ năm 2023", "15/01/2023"),
         ("/tin-tuc/ra-quan-lam-thuy-loi.html", "Ra quân làm thủy lợi đầu xuân", "10/02/2023"),
         ("/tin-tuc/tet-trong-cay.html", "Tết trồng cây đời đời nhớ ơn Bác Hồ", "05/03/2023"),
         ("/tin-tuc/tong-ket-nam-2022.html", "Tổng kết công tác năm 2022", "20/12/2022")]
POSTS_IN_Q1 = 3
FOOTER = ("<p>TRANG THÔNG TIN ĐIỆN TỬ XÃ THỬ NGHIỆM</p><p>Bản quyền thuộc về: Ủy ban nhân dân xã Thử Nghiệm</p>"
          "<p>Chịu trách nhiệm nội dung: Ông Nguyễn Văn Đức - Chủ tịch UBND xã</p>")
INTRO = ("<p>Xã Thử Nghiệm là một xã miền núi của huyện, có nhiều danh lam thắng cảnh và di tích lịch sử văn "
         "hóa; nhân dân cần cù, đoàn kết, chung sức xây dựng nông thôn mới và chuyển đổi số ở địa phương.</p>")
# Runs in a browser only if our HTML lets it: adds an <x-pwned> element (no quotes needed).
PAYLOAD = "document.body.appendChild(document.createElement(String.fromCharCode(120,45,112,119,110,101,100)))"
ROBOTS_OPEN = "User-agent: *\nDisallow: /admin/\n"


def host(name: str) -> str:
    return f"{name}.{DOMAIN}"


def layout(title: str, main: str, *, menu: list[tuple[str, str]] | None = None, side: str = "",
           footer: str = FOOTER, charset: str = "utf-8") -> str:
    items = "".join(f'<li><a href="{url}">{label}</a></li>' for label, url in (menu or MENU))
    return (f'<!doctype html><html lang="vi"><head><meta charset="{charset}"><title>{title}</title></head><body>'
            '<header class="site-header"><img class="logo" src="/logo.png" alt="logo"></header>'
            f'<nav class="main-nav"><ul class="menu">{items}</ul></nav>'
            '<div class="container"><div class="row">'
            f'<div class="col-md-3 sidebar-left">{side}</div>'
            f'<div class="col-md-9 content">{main}</div>'
            f'</div></div><footer>{footer}</footer></body></html>')


def listing(items: list[tuple[str, str, str]], next_url: str | None = None) -> str:
    rows = "".join(f'<div class="item"><h3><a href="{u}">{t}</a></h3><span class="date">{d}</span>'
                   "<p>Tóm tắt tin bài của xã.</p></div>" for u, t, d in items)
    pager = (f'<ul class="pagination"><li><a href="{next_url}">Sau</a></li></ul>' if next_url else "")
    return f'<h2>Tin tức</h2><div class="news-list">{rows}</div>{pager}'


def generic_page(path: str, *, charset: str = "utf-8", title: str = "Xã Thử Nghiệm") -> str | None:
    if path == "/":
        return layout(title, f"<h1>{title}</h1>{INTRO}", charset=charset)
    if path == "/tin-tuc":
        return layout("Tin tức", listing(POSTS), charset=charset)
    if path in ("/gioi-thieu", "/van-ban", "/thu-tuc-hanh-chinh", "/lien-he") or path.startswith("/tin-tuc/"):
        return layout(title, f"<h1>{title}</h1>{INTRO}<p>Ngày 01/02/2023</p>", charset=charset)
    return None


def generic(*, charset: str = "utf-8", header_charset: bool = True, robots: str = ROBOTS_OPEN,
            mangle: Callable[[str, bytes], bytes] | None = None) -> Portal:
    """A small healthy portal; ``mangle`` rewrites the bytes of each page (path, body)."""

    def handle(request: Request, response: Response) -> None:
        if request.path == "/robots.txt":
            response.send(200, robots.encode(), "text/plain; charset=utf-8")
            return
        text = generic_page(request.path, charset=charset)
        if text is None:
            response.send(404, layout("Không tìm thấy", "<p>Không tìm thấy trang</p>").encode())
            return
        body = encode(text, charset)
        if mangle is not None:
            body = mangle(request.path, body)
        content_type = f"text/html; charset={charset}" if header_charset else "text/html"
        response.send(200, body, content_type)

    return handle


# --- one portal per fault ------------------------------------------------------------------------


def hang(request: Request, response: Response) -> None:
    response.hang()


def reset(request: Request, response: Response) -> None:
    response.reset()


def error500(request: Request, response: Response) -> None:
    if request.path == "/robots.txt":
        response.send(404, b"", "text/plain")
    else:
        response.send(500, b"<h1>Internal Server Error</h1>")


def trickle(request: Request, response: Response) -> None:
    if request.path == "/robots.txt":
        response.send(404, b"", "text/plain")
    else:
        response.trickle((generic_page("/") or "").encode(), every=0.2)


def not_html(request: Request, response: Response) -> None:
    if request.path == "/robots.txt":
        response.send(404, b"", "text/plain")
    else:
        response.send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj<<>>endobj\n", "application/pdf")


def rate_limited() -> Portal:
    """Every path answers 429 (Retry-After: 1) the first time, then the page."""
    seen: set[str] = set()
    inner = generic()

    def handle(request: Request, response: Response) -> None:
        if request.target not in seen:
            seen.add(request.target)
            response.send(429, b"Too Many Requests", "text/plain", [("Retry-After", "1")])
            return
        inner(request, response)

    return handle


def redirect_loop(request: Request, response: Response) -> None:
    if request.path == "/robots.txt":
        response.send(404, b"", "text/plain")
        return
    location = "/b" if request.path == "/a" else "/a"
    response.send(302, b"", "text/html", [("Location", location)])


def redirect_off_site(request: Request, response: Response) -> None:
    if request.path == "/robots.txt":
        response.send(404, b"", "text/plain")
        return
    # Off-site, to an internal name, with markup in the URL (it ends up in the reason we print).
    location = f'http://{host("internal")}/admin/"><script>{PAYLOAD}</script>'
    response.send(302, b"", "text/html", [("Location", location)])


def huge(request: Request, response: Response) -> None:
    if request.path == "/robots.txt":
        response.send(404, b"", "text/plain")
        return
    head = layout("Xã Lớn", "<p>").encode()
    response.stream(200, [head, *zeros(100 * 1024 * 1024)], [("Content-Type", "text/html; charset=utf-8")])


@lru_cache(maxsize=1)
def _bomb() -> bytes:
    return gzip_bomb(layout("Xã Bom", "<p>").encode()[:-20], 512 * 1024 * 1024)


def warm() -> None:
    """Build what takes time (the bomb: 2 s) before the timed run."""
    _bomb()


def gzip_bomb_portal(request: Request, response: Response) -> None:
    if request.path == "/robots.txt":
        response.send(404, b"", "text/plain")
        return
    response.send(200, _bomb(), "text/html; charset=utf-8", [("Content-Encoding", "gzip")])


def invalid_utf8() -> Portal:
    def mangle(path: str, body: bytes) -> bytes:
        return body.replace("cần cù".encode(), b"c\xff\xfe\xc3(n c\xf9") if path == "/" else body

    return generic(mangle=mangle)


def windows_1258() -> Portal:
    return generic(charset="windows-1258", header_charset=False)


def robots_disallow_all() -> Portal:
    return generic(robots="User-agent: *\nDisallow: /\n")


def _session_id() -> str:
    return secrets.token_hex(13)


def endless(*, latency: float = 0.0) -> Portal:
    """Infinite pagination (every page full of posts of the quarter), a calendar going on forever,
    and a new PHPSESSID in every link."""

    def menu() -> list[tuple[str, str]]:
        return [(label, f"{url}?PHPSESSID={_session_id()}") for label, url in MENU]

    def calendar(month: int) -> str:
        return (f'<h3 class="title">Lịch công tác</h3><a href="/lich?thang={month}&amp;sid={_session_id()}">'
                f"Lịch tháng {month}</a>")

    def handle(request: Request, response: Response) -> None:
        if latency:
            time.sleep(latency)
        path, query = request.path, request.query
        if path == "/robots.txt":
            response.send(404, b"", "text/plain")
            return
        if path == "/tin-tuc":
            page = int(query.get("page", "1") or 1)
            items = [(f"/tin-tuc/bai-{page}-{i}.html", f"Tin hoạt động số {page}-{i} của xã",
                      f"{1 + (page * 10 + i) % 28:02d}/{1 + (page + i) % 3:02d}/2023") for i in range(10)]
            next_url = f"/tin-tuc?page={page + 1}&PHPSESSID={_session_id()}"
            text = layout("Tin tức", listing(items, next_url), menu=menu(), side=calendar(4))
        elif path == "/lich":
            month = int(query.get("thang", "4") or 4)
            year, month_of_year = 2023 + (month - 1) // 12, (month - 1) % 12 + 1
            items = [(f"/lich/su-kien-{month}-{d}.html", f"Họp giao ban ngày {d}", f"{d:02d}/{month_of_year:02d}/{year}")
                     for d in range(1, 8)]
            text = layout("Lịch công tác", listing(items, f"/lich?thang={month + 1}&sid={_session_id()}"),
                          menu=menu(), side=calendar(month + 1))
        else:
            text = layout("Xã Vô Tận", f"<h1>Xã Vô Tận</h1>{INTRO}", menu=menu(), side=calendar(4))
        response.html(text)

    return handle


def hostile(port: Callable[[], int]) -> Portal:
    """A hacked portal: scripts everywhere, markup and attribute injection in labels, alts, footer,
    banners pointing at the auditor's own network."""

    def escaped(text: str) -> str:  # the text a parser will hand us, markup included
        return html.escape(text, quote=True)

    inject_label = f'"><img src=x onerror={PAYLOAD}>'
    menu = "".join([
        f'<li><a href="/" title="&quot; onmouseover=&quot;{PAYLOAD}">Trang chủ{escaped(inject_label)}</a></li>',
        '<li><a href="/gioi-thieu">Giới thiệu<script>' + PAYLOAD + "</script></a></li>",
        f'<li><a href="/tin-tuc/{escaped(chr(34) + "><script>" + PAYLOAD + "</script>")}">Tin tức - Sự kiện</a></li>',
        '<li><a href="/van-ban">Văn bản</a></li><li><a href="/thu-tuc-hanh-chinh">Thủ tục hành chính</a></li>',
        '<li><a href="/lien-he">Liên hệ</a></li>',
        f'<li><a href="/bau-cu">Bầu cử đại biểu Quốc hội 2021 {escaped("<script>" + PAYLOAD + "</script>")}</a></li>',
        '<li><a href="javascript:' + PAYLOAD + '">Hỏi đáp</a></li>',
    ])
    def side() -> str:  # the server's port is known once it listens
        return (
            f'<a href="/chuyen-doi-so"><img src="/file/cds-2022.jpg" width="250" height="90" '
            f'alt="Ngày Chuyển đổi số quốc gia 10/10/2022 {escaped("<svg onload=" + PAYLOAD + ">")}"></a>'
            f'<a href="/x"><img src="http://127.0.0.1:{port()}/ssrf-ip.png" alt="banner"></a>'
            f'<a href="/y"><img src="http://localhost:{port()}/ssrf-name.png" alt="banner"></a>'
            '<a href="/z"><img src="http://169.254.169.254/latest/meta-data/iam.png" alt="banner"></a>'
            '<a href="/w"><img src="/file/redirect-inside.png" alt="banner"></a>'
        )
    footer = (f"<p>Bản quyền thuộc về: UBND xã Bị Tấn Công {escaped('<script>' + PAYLOAD + '</script>')}</p>"
              f"<p>Chịu trách nhiệm nội dung: {escaped('<img src=x onerror=' + PAYLOAD + '>')}</p>"
              f"<script>{PAYLOAD}</script>")

    def page(main: str) -> str:
        return (f'<!doctype html><html><head><meta charset="utf-8"><script>{PAYLOAD}</script>'
                f'<title>Xã {escaped("</title><script>" + PAYLOAD + "</script>")}</title></head>'
                f'<body onload="{PAYLOAD}"><nav class="main-nav"><ul class="menu">{menu}</ul></nav>'
                f'<div class="container"><div class="row"><div class="col-md-3 sidebar-left">{side()}</div>'
                f'<div class="col-md-9 content">{main}</div></div></div><footer>{footer}</footer></body></html>')

    def handle(request: Request, response: Response) -> None:
        path = request.path
        if path == "/robots.txt":
            response.send(200, ROBOTS_OPEN.encode(), "text/plain")
        elif path == "/":
            response.html(page(f"<h1>Xã</h1>{INTRO}<script>{PAYLOAD}</script>"))
        elif path == "/file/redirect-inside.png":  # an own image redirecting into the auditor's network
            response.send(302, b"", "text/html", [("Location", f"http://127.0.0.1:{port()}/ssrf-redirect.png")])
        elif path.startswith("/tin-tuc/") and "script" in path:
            response.send(500, b"<h1>500</h1>")
        elif path == "/bau-cu":
            response.html(page(listing(POSTS[:1])))
        else:
            response.html(page(f"<h1>Trang</h1>{INTRO}"))

    return handle


def malformed(request: Request, response: Response) -> None:
    """Tag soup a browser still shows: unclosed tags, stray ends, bad entities, NUL bytes, deep nesting."""
    if request.path == "/robots.txt":
        response.send(404, b"", "text/plain")
        return
    if request.path != "/":
        text = generic_page(request.path)
        if text is None:
            response.send(404, b"")
        else:
            response.html(text)
        return
    deep = "<div>" * 400 + "sâu" + "</span>" * 50
    soup = ("<html><head><title>Xã <b>Lộn Xộn</title><body><nav class=main-nav><ul class=menu>"
            "<li><a href=/>Trang chủ<li><a href=/gioi-thieu>Giới thiệu</a><li><a href='/tin-tuc'>Tin tức - Sự kiện"
            "<li><a href=\"/van-ban\">Văn bản</a></li></div><li><a href=/thu-tuc-hanh-chinh>Thủ tục hành chính"
            "<li><a href=/lien-he>Liên hệ</ul></nav></nav><div class=\"content\" <<<>>> "
            f"{INTRO}<p>đoạn<p>khác <table><tr><td>ô<td>ô 2</table></span></div></div>\x00 &bogus; &#xZZZZ; "
            f"<a href=\"javascript:void(0)\">x</a> <img src=> {deep}"
            "<footer><p>Bản quyền thuộc về UBND xã Lộn Xộn<p>Chịu trách nhiệm nội dung: Ông A")
    response.html(soup)


def portals(port: Callable[[], int]) -> dict[str, Portal]:
    """Host name -> portal, for the fault run."""
    return {
        host("hang"): hang,
        host("reset"): reset,
        host("error500"): error500,
        host("ratelimit"): rate_limited(),
        host("redirectloop"): redirect_loop,
        host("offsite"): redirect_off_site,
        host("huge"): huge,
        host("gzipbomb"): gzip_bomb_portal,
        host("invalidutf8"): invalid_utf8(),
        host("cp1258"): windows_1258(),
        host("endless"): endless(),
        host("slowtrap"): endless(latency=0.8),
        host("robots"): robots_disallow_all(),
        host("hostile"): hostile(port),
        host("malformed"): malformed,
        host("trickle"): trickle,
        host("nothtml"): not_html,
        host("tls"): generic(),
        host("tlsok"): generic(),
    }
