"""Enter three commune portals into running NukeViet 4.5 sites through their admin panel, then mirror them.

    .venv/bin/python tests/corpus/cms/build_nukeviet.py PORTAL --base http://xa-phuclam.nukeviet.test \
        --user quantri --password Quantri2023 --db nv_phuclam --root /srv/nv1 [--mirror | --mirror-only]

PORTAL is cms-nukeviet-1, cms-nukeviet-2 or cms-nukeviet-3. The site must be a fresh NukeViet 4.5.05
install (web installer, Vietnamese, one language, friendly URLs) and, for the portals with a documents
register (1 and 2), the laws module's files copied into it (its ``modules/`` and ``themes/``); how to
get there is in ``cms-nukeviet-1.md``. Everything below goes through the admin panel as a clerk would:
HTTP forms of ``/admin/index.php`` with a logged-in session (each form is fetched first and sent back
with its hidden fields, tokens included). The database is only read (``--db``, through the ``mysql``
client): to find the ids NukeViet gave to what was entered and to count the quarter's posts.

``--root`` is the site's folder: it is only checked for the laws module's files (the admin panel
installs a module whose files are there). Images are drawn by PHP's GD (``php`` on PATH) and
uploaded through the forms. At the end the script prints the quarter's post count read from the
database (the SQL of the labels' notes). ``--phases`` re-runs single steps on a site built before.

With ``--mirror`` the portal is then saved with ``mirror.py`` into ``tests/corpus/<PORTAL>/``.
This script never imports ``camthuy_audit``.
"""

from __future__ import annotations

import argparse
import html
import json
import re
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlencode

import httpx

HERE = Path(__file__).resolve().parent
CORPUS = HERE.parent


# --- forms ---------------------------------------------------------------------------------------


@dataclass
class Form:
    attrs: dict[str, str]
    fields: list[tuple[str, str, str]] = field(default_factory=list)  # (kind, name, value)

    def data(self) -> list[tuple[str, str]]:
        """What a browser sends when nothing is changed (no submit button)."""
        return [(name, value) for kind, name, value in self.fields if kind != "submit" and name]


class _FormParser(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self._select: str | None = None
        self._select_first: str | None = None
        self._select_chosen = False
        self._option: dict[str, str] | None = None
        self._option_text = ""
        self._textarea: str | None = None
        self._text = ""

    def handle_starttag(self, tag: str, attrs_list: list[tuple[str, str | None]]) -> None:
        attrs = {k: (v or "") for k, v in attrs_list}
        if tag == "form":
            self.forms.append(Form(attrs))
            return
        if not self.forms:
            return
        form = self.forms[-1]
        if tag == "input":
            kind = attrs.get("type", "text").lower()
            name = attrs.get("name", "")
            if kind in ("checkbox", "radio"):
                if "checked" in attrs:
                    form.fields.append((kind, name, attrs.get("value", "on")))
            elif kind in ("submit", "button", "image", "reset", "file"):
                form.fields.append(("submit" if kind != "file" else "file", name, attrs.get("value", "")))
            else:
                form.fields.append((kind, name, attrs.get("value", "")))
        elif tag == "select":
            self._select = attrs.get("name", "")
            self._select_first = None
            self._select_chosen = False
        elif tag == "option" and self._select is not None:
            self._option = attrs
            self._option_text = ""
        elif tag == "textarea":
            self._textarea = attrs.get("name", "")
            self._text = ""

    def _close_option(self) -> None:
        if self._option is None or self._select is None:
            return
        value = self._option.get("value", self._option_text.strip())
        if self._select_first is None:
            self._select_first = value
        if "selected" in self._option and not self._select_chosen:
            self.forms[-1].fields.append(("select", self._select, value))
            self._select_chosen = True
        self._option = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "option":
            self._close_option()
        elif tag == "select" and self._select is not None:
            self._close_option()
            if not self._select_chosen and self._select_first is not None and self.forms:
                self.forms[-1].fields.append(("select", self._select, self._select_first))
            self._select = None
        elif tag == "textarea" and self._textarea is not None:
            if self.forms:
                self.forms[-1].fields.append(("textarea", self._textarea, self._text))
            self._textarea = None

    def handle_data(self, data: str) -> None:
        if self._textarea is not None:
            self._text += data
        if self._option is not None:
            self._option_text += data


def parse_forms(text: str) -> list[Form]:
    parser = _FormParser()
    parser.feed(text)
    parser.close()
    return parser.forms


def strip_tags(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(re.sub(r"<[^>]+>", " ", text))).strip()


# --- the admin client ----------------------------------------------------------------------------


class NukeVietError(RuntimeError):
    pass


class NukeViet:
    """A logged-in admin session of one NukeViet site."""

    def __init__(self, base: str, user: str, password: str, db: str | None = None) -> None:
        self.base = base.rstrip("/")
        self.user, self.password, self.db = user, password, db
        self.http = httpx.Client(base_url=self.base, follow_redirects=True, timeout=120, headers={
            # NukeViet refuses a POST whose Referer/Origin is not the site itself (Request.php).
            "Referer": self.base + "/admin/index.php", "Origin": self.base,
            "User-Agent": "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                          "Chrome/120.0 Safari/537.36"})

    # HTTP
    def get(self, path: str, **params: str | int) -> httpx.Response:
        response = self.http.get(path, params=params or None)
        response.raise_for_status()
        return response

    def post(self, path: str, data: list[tuple[str, str]] | dict, files=None,
             headers: dict[str, str] | None = None) -> httpx.Response:
        if isinstance(data, list):  # repeated names (x[]=1&x[]=2) as httpx wants them
            grouped: dict[str, list[str]] = {}
            for key, value in data:
                grouped.setdefault(key, []).append(value)
            data = {k: (v[0] if len(v) == 1 and not k.endswith("[]") else v) for k, v in grouped.items()}
        response = self.http.post(path, data=data, files=files, headers=headers)
        if response.status_code >= 500:
            raise NukeVietError(f"POST {path}: {response.status_code} {strip_tags(response.text)[:400]}")
        return response

    def ajax(self, path: str, data: dict | list) -> httpx.Response:
        return self.post(path, data, headers={"X-Requested-With": "XMLHttpRequest"})

    @staticmethod
    def forms(text: str) -> list[Form]:
        return parse_forms(text)

    @staticmethod
    def admin(module: str, op: str = "", /, **params: str | int) -> str:
        query = {"language": "vi", "nv": module}
        if op:
            query["op"] = op
        query.update({k: str(v) for k, v in params.items()})
        return "/admin/index.php?" + urlencode(query)

    def form_of(self, path: str, pick=None) -> tuple[Form, str]:
        """The form of an admin page (the first whose attributes satisfy ``pick``) and the page."""
        page = self.get(path)
        forms = parse_forms(page.text)
        for form in forms:
            if pick is None or pick(form):
                return form, page.text
        raise NukeVietError(f"no matching form on {path}: {[f.attrs for f in forms]}")

    def submit(self, path: str, values: dict[str, object], pick=None, drop: tuple[str, ...] = (),
               files=None, action: str | None = None) -> httpx.Response:
        """Fetch the form at ``path``, change ``values`` (lists for repeated names), send it."""
        form, _ = self.form_of(path, pick)
        data = [(k, v) for k, v in form.data() if k not in values and k not in drop]
        for key, value in values.items():
            if value is None:
                continue
            if isinstance(value, (list, tuple)):
                data.extend((key, str(v)) for v in value)
            else:
                data.append((key, str(value)))
        target = action or html.unescape(form.attrs.get("action") or path)
        if not target.startswith("/") and not target.startswith("http"):
            target = "/admin/" + target
        response = self.post(target, data, files=files)
        return response

    def login(self) -> None:
        form, _ = self.form_of("/admin/index.php")
        data = dict(form.data())
        data.update({"nv_login": self.user, "nv_password": self.password})
        response = self.post("/admin/index.php", data)
        if "đăng nhập thành công" not in response.text.lower() and "nv_logout" not in response.text:
            raise NukeVietError("login failed: " + strip_tags(response.text)[:300])

    # database (read only)
    def sql(self, query: str) -> list[dict[str, str]]:
        if not self.db:
            raise NukeVietError("--db is needed to read ids")
        out = subprocess.run(["mysql", "--batch", "--default-character-set=utf8mb4", self.db, "-e", query],
                             check=True, capture_output=True, text=True).stdout
        lines = out.splitlines()
        if not lines:
            return []
        head = lines[0].split("\t")
        return [dict(zip(head, line.split("\t"), strict=True)) for line in lines[1:]]


def errors_in(text: str) -> list[str]:
    found = re.findall(r'<div[^>]*class="[^"]*(?:alert-danger|quote_error|error)[^"]*"[^>]*>(.*?)</div>', text, re.S)
    return [strip_tags(f) for f in found if strip_tags(f)]


# --- images (drawn by PHP's GD, then uploaded through the admin forms) -------------------------------

_PHP_BANNER = r"""
$a = json_decode($argv[1], true);
$im = imagecreatetruecolor($a['w'], $a['h']);
list($r, $g, $b) = sscanf($a['bg'], '#%02x%02x%02x');
imagefill($im, 0, 0, imagecolorallocate($im, $r, $g, $b));
list($r, $g, $b) = sscanf($a['fg'], '#%02x%02x%02x');
$fg = imagecolorallocate($im, $r, $g, $b);
imagerectangle($im, 2, 2, $a['w'] - 3, $a['h'] - 3, $fg);
$font = $a['font'];
$lines = $a['lines'];
$size = $a['size'];
$total = count($lines) * $size * 1.5;
$y = ($a['h'] - $total) / 2 + $size * 1.15;
foreach ($lines as $line) {
    $ls = $size;
    $box = imagettfbbox($ls, 0, $font, $line);
    while ($box[2] - $box[0] > $a['w'] - 14 && $ls > 7) {  // shrink a line that does not fit
        $ls -= 0.5;
        $box = imagettfbbox($ls, 0, $font, $line);
    }
    $x = max(6, ($a['w'] - ($box[2] - $box[0])) / 2);
    imagettftext($im, $ls, 0, (int) $x, (int) $y, $fg, $font, $line);
    $y += $size * 1.5;
}
if ($a['type'] == 'jpg') { imagejpeg($im, $a['out'], 70); } else { imagepng($im, $a['out'], 9); }
"""
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf"


def draw_image(out: Path, width: int, height: int, lines: list[str], bg: str, fg: str, size: int = 11) -> Path:
    spec = {"w": width, "h": height, "lines": lines, "bg": bg, "fg": fg, "size": size, "font": FONT,
            "out": str(out), "type": "jpg" if out.suffix == ".jpg" else "png"}
    subprocess.run(["php", "-r", _PHP_BANNER, json.dumps(spec)], check=True)
    return out


# --- what a clerk does in the admin panel ---------------------------------------------------------


def vn_date(stamp: str) -> tuple[str, int, int]:
    """'2023-03-31 23:45' -> ('31/03/2023', 23, 45) as the admin forms want it (site time zone)."""
    day, clock = stamp.split(" ")
    y, m, d = day.split("-")
    hh, mm = clock.split(":")
    return f"{d}/{m}/{y}", int(hh), int(mm)


class Admin:
    """The admin operations this build needs, each one a form or an AJAX call of the admin panel."""

    def __init__(self, nv: NukeViet, log=print) -> None:
        self.nv = nv
        self.log = log
        self._session = ""

    @property
    def session(self) -> str:
        """NV_CHECK_SESSION of this login, as the news list's search form carries it (the JS builds the
        other tokens from it: md5(id . NV_CHECK_SESSION) and the like)."""
        if not self._session:
            page = self.nv.get(NukeViet.admin("news")).text
            match = re.search(r'name="checkss" value="([0-9a-f]{32})"', page)
            if not match:
                raise NukeVietError("no session token on the news list")
            self._session = match.group(1)
        return self._session

    @staticmethod
    def md5(text: str) -> str:
        import hashlib
        return hashlib.md5(text.encode()).hexdigest()

    def ajax(self, module: str, op: str, data: dict | list, **params) -> str:
        url = NukeViet.admin(module, op, nocache=str(int(time.time() * 1000)), **params)
        return self.nv.ajax(url, data).text

    def checked(self, response: httpx.Response, what: str) -> httpx.Response:
        errs = errors_in(response.text)
        if errs:
            raise NukeVietError(f"{what}: {errs}")
        return response

    # settings
    def site_settings(self, name: str, description: str, keywords: str) -> None:
        self.nv.submit(NukeViet.admin("settings", "main"), {
            "site_name": name, "site_description": description, "site_keywords": keywords,
            # one responsive theme for every device (no separate mobile theme)
            "theme_type[]": ["r"], "switch_mobi_des": None}, drop=("theme_type[]", "switch_mobi_des"))
        self.log("settings: site name, description, theme type")

    def system_settings(self, email: str, phone: str) -> None:
        self.nv.submit(NukeViet.admin("settings", "system"), {
            "site_timezone": "Asia/Ho_Chi_Minh", "site_email": email, "site_phone": phone})
        self.log("settings: time zone Asia/Ho_Chi_Minh")

    def news_settings(self, indexfile: str, per_page: int) -> None:
        self.nv.submit(NukeViet.admin("news", "setting"), {
            "indexfile": indexfile, "per_page": per_page, "st_links": 3,
            "copyright": "Ghi rõ nguồn khi phát hành lại thông tin từ Cổng thông tin điện tử này."},
            pick=lambda f: any(n == "savesetting" for _, n, _ in f.fields))
        self.log(f"news settings: home {indexfile}, {per_page} per page")

    # modules
    def module_act(self, mod: str, active: bool) -> None:
        row = self.nv.sql(f"SELECT act FROM nv4_vi_modules WHERE title='{mod}'")
        if not row or (row[0]["act"] == "1") == active:
            return
        self.ajax("modules", "change_act", {"mod": mod, "checkss": self.md5(f"{self.session}_modules_change_act_{mod}")})
        self.log(f"module {mod}: {'on' if active else 'off'}")

    def setup_module(self, basename: str) -> bool:
        if self.nv.sql(f"SELECT title FROM nv4_vi_modules WHERE module_file='{basename}'"):
            return False
        page = self.nv.get(NukeViet.admin("modules", "setup")).text
        links = re.findall(r'href="([^"]*setmodule=' + basename + r'[^"]*)"', page)
        if not links:
            raise NukeVietError(f"module {basename} is not offered for setup (files copied?)")
        self.nv.get(html.unescape(links[0]))
        self.log(f"module {basename}: set up")
        return True

    def edit_module(self, mod: str, custom_title: str, new_name: str | None = None, site_title: str = "",
                    description: str = "") -> str:
        values = {"custom_title": custom_title, "site_title": site_title, "description": description}
        if new_name:
            values["mod_name"] = new_name
        self.nv.submit(NukeViet.admin("modules", "edit", mod=mod), values)
        name = new_name or mod
        if not self.nv.sql(f"SELECT title FROM nv4_vi_modules WHERE title='{name}'"):
            raise NukeVietError(f"module {mod} not renamed to {name}")
        self.log(f"module {mod}: '{custom_title}' at /{name}/")
        return name

    # themes: layout and blocks
    def layout_all(self, layout: str) -> None:
        self.nv.submit(NukeViet.admin("themes", "setuplayout", selectthemes="default"),
                       {"layout": layout, "block_module": "", "saveall": "1"},
                       pick=lambda f: "navbar-form" in f.attrs.get("class", ""))
        self.log(f"layout: {layout} for every function")

    def layout_module(self, module: str, layout: str) -> None:
        self.nv.submit(NukeViet.admin("themes", "setuplayout", selectthemes="default"),
                       {"layout": layout, "block_module": module, "saveall": "1"},
                       pick=lambda f: "navbar-form" in f.attrs.get("class", ""))
        self.log(f"layout: {layout} for module {module}")

    def blocks(self, theme: str = "default") -> list[dict[str, str]]:
        return self.nv.sql(f"SELECT bid, module, file_name, title, position FROM nv4_vi_blocks_groups "
                           f"WHERE theme='{theme}' ORDER BY position, weight")

    def delete_block(self, bid: int | str) -> None:
        self.ajax("themes", "blocks_del", {"bid": str(bid), "checkss": self.md5(f"{self.session}_{bid}")})

    def block(self, module: str, file_name: str, title: str, position: str, config: dict | None = None,
              bid: int | str = 0, all_func: bool = True, func_ids: list[int] | None = None,
              template: str = "", link: str = "") -> int:
        """Add (bid 0) or change a block, with its own configuration fields."""
        path = NukeViet.admin("themes", "block_content", selectthemes="default", **({"bid": bid} if bid else {}))
        options = self.nv.get(NukeViet.admin("themes", "loadblocks", module=module, selectthemes="default",
                                             nocache=str(int(time.time() * 1000)), **({"bid": bid} if bid else {}))).text
        value = next((html.unescape(v) for v in re.findall(r'value="([^"]*)"', options) if v.split("|")[0] == file_name), None)
        if value is None:
            raise NukeVietError(f"block {file_name} not offered for module {module}")
        conf_page = self.nv.get(NukeViet.admin("themes", "block_config", file_name=file_name, module=module,
                                               selectthemes="default", nocache=str(int(time.time() * 1000)),
                                               **({"bid": bid} if bid else {}))).text
        conf_fields = parse_forms("<form>" + conf_page + "</form>")[0].data() if conf_page.strip() else []
        values: dict[str, object] = {"module_type": module, "file_name": value, "title": title, "position": position,
                                     "template": template, "link": link, "active_device[]": ["1"], "groups_view[]": ["6"]}
        if all_func:
            values["all_func"] = "1"
        else:
            values["all_func"] = "0"
            values["func_id[]"] = [str(f) for f in func_ids or []]
        config = config or {}
        for key, val in conf_fields:
            if key and key not in config:
                values.setdefault(key, [])
                values[key].append(val)  # type: ignore[union-attr]
        values.update(config)
        before = {r["bid"] for r in self.blocks()}
        response = self.nv.submit(path, values, drop=("func_id[]",) if all_func else ())
        errs = re.findall(r'<div class="alert alert-danger">(.*?)</div>', response.text, re.S)
        if errs:
            raise NukeVietError(f"block {title}: {strip_tags(errs[0])}")
        if bid:
            return int(bid)
        new = {r["bid"] for r in self.blocks()} - before
        if not new:
            raise NukeVietError(f"block {title} not added: {strip_tags(response.text)[:300]}")
        return int(new.pop())

    def func_ids(self, module: str, funcs: list[str] | None = None) -> list[int]:
        rows = self.nv.sql(f"SELECT func_id, func_name FROM nv4_vi_modfuncs WHERE in_module='{module}' AND show_func=1")
        return [int(r["func_id"]) for r in rows if funcs is None or r["func_name"] in funcs]

    # news
    def news_posts(self) -> list[dict[str, str]]:
        return self.nv.sql("SELECT id, catid, listcatid, alias, title FROM nv4_vi_news_rows ORDER BY id")

    def delete_posts(self, ids: list[int | str]) -> None:
        for post_id in ids:
            answer = self.ajax("news", "del_content", {"id": str(post_id), "checkss": self.md5(f"{post_id}{self.session}")})
            if not answer.strip().startswith("OK"):
                raise NukeVietError(f"post {post_id} not deleted: {strip_tags(answer)[:200]}")

    def news_cats(self) -> list[dict[str, str]]:
        return self.nv.sql("SELECT catid, parentid, title, alias FROM nv4_vi_news_cat ORDER BY lev DESC, catid")

    def delete_cat(self, catid: int | str) -> None:
        answer = self.ajax("news", "del_cat", {"catid": str(catid)}).strip()
        if answer.startswith("CONFIRM_"):
            token = answer.split("_")[2]
            answer = self.ajax("news", "del_cat", {"catid": str(catid), "delallcheckss": token}).strip()
        if not answer.startswith("OK_"):
            raise NukeVietError(f"category {catid} not deleted: {strip_tags(answer)[:200]}")

    def add_cat(self, title: str, alias: str, parent: int = 0, description: str = "") -> int:
        self.nv.submit(NukeViet.admin("news", "cat"), {
            "title": title, "alias": alias, "parentid": parent, "description": description,
            "groups_view[]": ["6"], "viewdescription": "0"},
            pick=lambda f: any(n == "savecat" for _, n, _ in f.fields))
        row = self.nv.sql(f"SELECT catid FROM nv4_vi_news_cat WHERE alias='{alias}'")
        if not row:
            raise NukeVietError(f"category {title} not added")
        return int(row[0]["catid"])

    def cat_viewcat(self, catid: int, viewcat: str) -> None:
        self.ajax("news", "change_cat", {"catid": str(catid), "mod": "viewcat", "new_vid": viewcat})

    def add_post(self, title: str, catids: list[int], published: str, hometext: str, body: str,
                 image: str = "", image_alt: str = "", author: str = "") -> int:
        day, hour, minute = vn_date(published)
        self.nv.submit(NukeViet.admin("news", "content"), {
            "title": title, "catids[]": [str(c) for c in catids], "catid": str(catids[0]),
            "publ_date": day, "phour": hour, "pmin": minute, "hometext": hometext, "bodyhtml": body,
            "homeimg": image, "homeimgalt": image_alt, "author": author, "status1": "1", "bids[]": None},
            pick=lambda f: f.attrs.get("id") == "form-news-content", drop=("bids[]",))
        row = self.nv.sql("SELECT id, title, status, catid, listcatid FROM nv4_vi_news_rows ORDER BY id DESC LIMIT 1")
        if not row or html.unescape(row[0]["title"]) != title or row[0]["status"] != "1":
            raise NukeVietError(f"post {title!r} not published: {row}")
        return int(row[0]["id"])

    def upload(self, local: Path, folder: str) -> str:
        """Upload through the file manager; returns the file's URL path."""
        url = NukeViet.admin("upload", "upload", path=folder)
        with local.open("rb") as handle:
            response = self.nv.post(url, {"path": folder}, files={"upload": (local.name, handle, "image/jpeg" if local.suffix == ".jpg" else "image/png")})
        name = response.text.strip()
        if not name or name.startswith("ERROR"):
            raise NukeVietError(f"upload {local.name}: {name[:200]}")
        return f"/{folder}/{name}"

    # pages (page module)
    def pages(self, module: str) -> list[dict[str, str]]:
        table = "nv4_vi_" + self.nv.sql(f"SELECT module_data FROM nv4_vi_modules WHERE title='{module}'")[0]["module_data"]
        return self.nv.sql(f"SELECT id, title, alias FROM {table} ORDER BY weight")

    def delete_page(self, module: str, page_id: int | str) -> None:
        self.ajax(module, "del", {"id": str(page_id), "checkss": self.md5(f"{page_id}{self.session}")})

    def add_page(self, module: str, title: str, alias: str, body: str, description: str = "") -> None:
        self.nv.submit(NukeViet.admin(module, "content"), {
            "title": title, "alias": alias, "bodytext": body, "description": description, "activecomm[]": None},
            drop=("activecomm[]",))
        if not any(p["alias"] == alias for p in self.pages(module)):
            raise NukeVietError(f"page {title} not added to {module}")

    # documents register (laws module)
    def laws_list_item(self, module: str, op: str, title: str, alias: str, extra: dict | None = None) -> int:
        self.nv.submit(NukeViet.admin(module, op, add="1"), {"title": title, "alias": alias, **(extra or {})})
        table = {"cat": "cat", "area": "area", "subject": "subject"}[op]
        data = self.nv.sql(f"SELECT module_data FROM nv4_vi_modules WHERE title='{module}'")[0]["module_data"]
        row = self.nv.sql(f"SELECT id FROM nv4_vi_{data}_{table} WHERE alias='{alias}'")
        if not row:
            raise NukeVietError(f"{op} {title} not added")
        return int(row[0]["id"])

    def laws_config(self, module: str, values: dict) -> None:
        self.nv.submit(NukeViet.admin(module, "config"), {**values, "btnsubmit": "1"})

    def add_law(self, module: str, code: str, title: str, cid: int, aid: int, sid: int, signer: int, issued: str,
                introtext: str, body: str = "", valid_from: str = "") -> None:
        y, m, d = issued.split("-")
        values = {"title": title, "code": code, "cid": cid, "aid[]": [str(aid)], "sid": sid, "sgid": signer,
                  "publtime": f"{d}.{m}.{y}", "introtext": introtext, "bodytext": body,
                  "groups_view[]": ["6"], "groups_download[]": ["6"], "bntsubmit": "1"}
        if valid_from:
            y, m, d = valid_from.split("-")
            values["startvalid"] = f"{d}.{m}.{y}"
        data = self.nv.sql(f"SELECT module_data FROM nv4_vi_modules WHERE title='{module}'")[0]["module_data"]
        count = f"SELECT COUNT(*) AS n FROM nv4_vi_{data}_row"
        before = int(self.nv.sql(count)[0]["n"])
        response = self.nv.submit(NukeViet.admin(module, "content", add="1"), values)
        if int(self.nv.sql(count)[0]["n"]) != before + 1:
            raise NukeVietError(f"document {code} not added: {errors_in(response.text) or strip_tags(response.text)[:300]}")

    def add_signer(self, module: str, name: str, office: str, position: str) -> int:
        """Signers are entered first: the document form's free-text signer makes a new one each time."""
        self.nv.submit(NukeViet.admin(module, "scontent"), {"title": name, "offices": office, "positions": position,
                                                           "bntsubmit": "1"}, pick=lambda f: "title" in [n for _, n, _ in f.fields])
        data = self.nv.sql(f"SELECT module_data FROM nv4_vi_modules WHERE title='{module}'")[0]["module_data"]
        row = self.nv.sql(f"SELECT id FROM nv4_vi_{data}_signer ORDER BY id DESC LIMIT 1")
        return int(row[0]["id"])

    # banners
    def banner_rows(self) -> list[dict[str, str]]:
        return self.nv.sql("SELECT id, pid, title, file_name FROM nv4_banners_rows ORDER BY id")

    def delete_banner(self, banner_id: int | str) -> None:
        self.ajax("banners", "del_banner", {"id": str(banner_id)})

    def edit_plan(self, plan_id: int, title: str, width: int, height: int) -> None:
        self.nv.submit(NukeViet.admin("banners", "edit_plan", id=plan_id), {
            "title": title, "width": width, "height": height, "form": "sequential", "require_image": "1",
            "uploadtype[]": ["images"]})

    def add_banner(self, plan_id: int, title: str, image: Path, alt: str, click_url: str, published: str,
                   target: str = "_blank") -> int:
        day, hour, minute = vn_date(published)
        with image.open("rb") as handle:
            self.nv.submit(NukeViet.admin("banners", "add_banner"), {
                "title": title, "pid": plan_id, "file_alt": alt, "click_url": click_url, "target": target,
                "publ_date": day, "publ_date_h": hour, "publ_date_m": minute, "exp_date": "",
                "exp_date_h": "23", "exp_date_m": "59"},
                files={"banner": (image.name, handle, "image/png" if image.suffix == ".png" else "image/jpeg")})
        row = self.nv.sql("SELECT id, title, act FROM nv4_banners_rows ORDER BY id DESC LIMIT 1")
        if not row or html.unescape(row[0]["title"]) != title:
            raise NukeVietError(f"banner {title} not added")
        return int(row[0]["id"])

    # menu
    def menu_rows(self, mid: int = 1) -> list[dict[str, str]]:
        return self.nv.sql(f"SELECT id, parentid, title FROM nv4_vi_menu_rows WHERE mid={mid} ORDER BY parentid DESC, id")

    def delete_menu_rows(self, ids: list[str], mid: int = 1) -> None:
        if ids:
            self.nv.post(NukeViet.admin("menu", "rows", mid=mid, parentid=0),
                         [("action", "delete"), *(("idcheck[]", i) for i in ids)])

    def add_menu_row(self, title: str, link: str, parent: int = 0, module_name: str = "", op: str = "",
                     note: str = "", new_window: bool = False, mid: int = 1) -> int:
        self.nv.submit(NukeViet.admin("menu", "rows", mid=mid), {
            "item_menu": mid, "parentid": parent, "title": title, "link": link, "module_name": module_name or "0",
            "op": op, "note": note, "target": "2" if new_window else "1", "groups_view[]": ["6"], "submit1": "1"},
            pick=lambda f: f.attrs.get("id") == "edit")
        row = self.nv.sql(f"SELECT id, title FROM nv4_vi_menu_rows WHERE mid={mid} ORDER BY id DESC LIMIT 1")
        if not row or html.unescape(row[0]["title"]) != title:
            raise NukeVietError(f"menu entry {title} not added")
        return int(row[0]["id"])

    # contact
    def contact_department(self, dept_id: int, full_name: str, alias: str, phone: str, email: str, address: str,
                           note: str) -> None:
        self.nv.submit(NukeViet.admin("contact", "row", id=dept_id), {
            "full_name": full_name, "alias": alias, "phone": phone, "fax": "", "email": email, "address": address,
            "otherVar[]": [""], "otherVal[]": [""], "cats[]": ["Hỏi đáp", "Phản ánh, kiến nghị", "Góp ý", ""],
            "note": note, "submit1": "1"})


# --- the three portals ------------------------------------------------------------------------------
# Everything a clerk of each commune typed into the admin panel. Times are Vietnam time (the site's
# time zone is set to Asia/Ho_Chi_Minh before any post is entered). "cats": the post's categories,
# the first one its main category (NukeViet's "catid"; the others only list it).

DISTRICT = "huyện Cẩm Thủy, tỉnh Thanh Hóa"


def p(*paragraphs: str) -> str:
    return "".join(f"<p>{x}</p>" for x in paragraphs)


def table(head: list[str], rows: list[list[str]]) -> str:
    cells = "".join(f"<th>{h}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f'<table border="1" cellpadding="4" cellspacing="0" style="width:100%"><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>'


PORTALS: dict[str, dict] = {}

# ---- cms-nukeviet-1: UBND xã Phúc Lâm -------------------------------------------------------------
PORTALS["cms-nukeviet-1"] = {
    "name": "UBND xã Phúc Lâm",
    "host": "xa-phuclam.nukeviet.test",
    "description": "Trang thông tin điện tử xã Phúc Lâm, " + DISTRICT,
    "keywords": "Phúc Lâm, Cẩm Thủy, Thanh Hóa, UBND xã",
    "email": "ubndphuclam@camthuy.thanhhoa.gov.vn", "phone": "0237.3876.215",
    "layout": "left-main-right", "indexfile": "viewcat_main_right", "per_page": 10,
    "intro_module": "gioi-thieu",
    "laws": {"module": "van-ban-phap-quy", "title": "Văn bản pháp quy",
             "description": "Văn bản quy phạm pháp luật của HĐND, UBND xã Phúc Lâm"},
    "cats": [
        # (key, title, alias, parent key, description, viewcat)
        ("tintuc", "Tin tức - Sự kiện", "tin-tuc-su-kien", None, "Tin tức, sự kiện của xã Phúc Lâm", "viewcat_main_bottom"),
        ("hoatdong", "Tin hoạt động của xã", "tin-hoat-dong", "tintuc", "", None),
        ("ktxh", "Tin kinh tế - xã hội", "kinh-te-xa-hoi", "tintuc", "", None),
        ("thongbao", "Thông báo", "thong-bao", None, "Thông báo của UBND xã", None),
        ("cds", "Chuyển đổi số", "chuyen-doi-so", None, "Chuyên mục Chuyển đổi số", None),
        ("pbgdpl", "Phổ biến giáo dục pháp luật", "pho-bien-giao-duc-phap-luat", None,
         "Chuyên mục tuyên truyền, phổ biến, giáo dục pháp luật", None),
        ("dulich", "Du lịch - Lễ hội", "du-lich-le-hoi", None, "Giới thiệu danh lam, di tích, lễ hội", None),
        ("tiepdan", "Lịch tiếp công dân", "lich-tiep-cong-dan", None, "Lịch tiếp công dân của lãnh đạo UBND xã", None),
    ],
    "posts": [
        ("2022-11-08 08:30", ["hoatdong"], "Xã Phúc Lâm tổ chức Ngày hội Đại đoàn kết toàn dân tộc tại thôn Đồng Tâm",
         "Sáng 08/11, thôn Đồng Tâm tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2022 với sự tham dự của đông đảo nhân dân.",
         p("Tham dự có đồng chí Bí thư Đảng ủy, Chủ tịch UBND xã cùng đại diện các ban, ngành, đoàn thể.",
           "Dịp này, Ban công tác Mặt trận thôn đã trao 10 suất quà cho các hộ gia đình có hoàn cảnh khó khăn.")),
        ("2022-11-21 09:00", ["cds", "hoatdong"], "Tập huấn kỹ năng sử dụng dịch vụ công trực tuyến cho cán bộ thôn",
         "UBND xã Phúc Lâm tổ chức lớp tập huấn sử dụng dịch vụ công trực tuyến mức độ 3, 4 cho 45 cán bộ thôn.",
         p("Học viên được hướng dẫn tạo tài khoản, nộp hồ sơ và tra cứu kết quả trên Cổng Dịch vụ công quốc gia.",
           "Sau tập huấn, các tổ công nghệ số cộng đồng sẽ hướng dẫn lại cho người dân tại thôn.")),
        ("2022-12-05 14:15", ["pbgdpl"], "Hội nghị tuyên truyền Luật Phòng, chống bạo lực gia đình năm 2022",
         "Chiều 05/12, UBND xã phối hợp Hội Liên hiệp Phụ nữ tổ chức hội nghị tuyên truyền Luật Phòng, chống bạo lực gia đình.",
         p("Báo cáo viên đã giới thiệu những điểm mới của Luật Phòng, chống bạo lực gia đình năm 2022, có hiệu lực từ 01/7/2023.",
           "Hơn 120 hội viên phụ nữ và người dân các thôn tham dự hội nghị.")),
        ("2022-12-20 10:00", ["tiepdan"], "Lịch tiếp công dân của Chủ tịch UBND xã tháng 01/2023",
         "Chủ tịch UBND xã tiếp công dân định kỳ vào các ngày 05, 15 và 25 tháng 01/2023 tại Phòng tiếp công dân.",
         table(["Ngày", "Người tiếp", "Địa điểm"], [["05/01/2023", "Ông Lê Văn Thành - Chủ tịch UBND xã", "Phòng tiếp công dân"],
                                                     ["15/01/2023", "Ông Lê Văn Thành - Chủ tịch UBND xã", "Phòng tiếp công dân"],
                                                     ["25/01/2023", "Bà Nguyễn Thị Mai - Phó Chủ tịch UBND xã", "Phòng tiếp công dân"]])),
        ("2022-12-31 23:50", ["hoatdong"], "Thư chúc mừng năm mới 2023 của Đảng ủy - HĐND - UBND - UBMTTQ xã Phúc Lâm",
         "Nhân dịp năm mới 2023, Đảng ủy - HĐND - UBND - UBMTTQ xã Phúc Lâm gửi tới toàn thể nhân dân lời chúc mừng năm mới.",
         p("Chúc toàn thể cán bộ, đảng viên và nhân dân trong xã một năm mới mạnh khỏe, hạnh phúc, thành công.")),
        ("2023-01-03 07:45", ["hoatdong"], "UBND xã Phúc Lâm triển khai nhiệm vụ trọng tâm năm 2023",
         "Ngày 03/01/2023, UBND xã tổ chức hội nghị triển khai nhiệm vụ phát triển kinh tế - xã hội năm 2023.",
         p("Năm 2023, xã phấn đấu thu nhập bình quân đầu người đạt 48 triệu đồng, tỷ lệ hộ nghèo giảm còn 3,2%.",
           "Chủ tịch UBND xã yêu cầu các thôn, các ngành triển khai quyết liệt các nhiệm vụ ngay từ đầu năm.")),
        ("2023-01-06 15:20", ["hoatdong"], "Ra quân thu gom rác thải, vệ sinh môi trường đón Tết Quý Mão",
         "Hơn 300 đoàn viên, hội viên các thôn đồng loạt ra quân vệ sinh môi trường, thu gom rác thải đón Tết.",
         p("Các tuyến đường liên thôn, khu vực chợ và nhà văn hóa được dọn dẹp sạch sẽ.")),
        ("2023-01-10 09:10", ["thongbao"], "Thông báo lịch nghỉ Tết Nguyên đán Quý Mão 2023 và phân công trực",
         "UBND xã thông báo lịch nghỉ Tết Nguyên đán Quý Mão 2023 từ ngày 20/01 đến hết ngày 26/01/2023.",
         p("Trong thời gian nghỉ Tết, UBND xã bố trí cán bộ trực 24/24 giờ để giải quyết công việc đột xuất.",
           "Số điện thoại trực: 0237.3876.215.")),
        ("2023-01-12 16:00", ["cds", "hoatdong"], "Tổ công nghệ số cộng đồng hướng dẫn người dân cài đặt ứng dụng VNeID",
         "Các tổ công nghệ số cộng đồng tại 9 thôn đã hướng dẫn hơn 800 người dân cài đặt và kích hoạt ứng dụng VNeID.",
         p("Công an xã phối hợp với tổ công nghệ số cộng đồng thu nhận hồ sơ định danh điện tử mức độ 2 ngay tại nhà văn hóa thôn.")),
        ("2023-01-16 08:00", ["ktxh", "hoatdong"], "Trao quà Tết cho các gia đình chính sách, hộ nghèo trên địa bàn xã",
         "Nhân dịp Tết Nguyên đán Quý Mão, UBND xã đã trao 215 suất quà cho gia đình chính sách và hộ nghèo.",
         p("Tổng giá trị quà tặng hơn 90 triệu đồng, từ ngân sách và nguồn xã hội hóa.")),
        ("2023-01-20 09:40", ["ktxh"], "Hội Nông dân xã tập huấn chuyển đổi cơ cấu cây trồng",
         "Hội Nông dân xã phối hợp Trạm Khuyến nông huyện tổ chức tập huấn chuyển đổi cơ cấu cây trồng trên đất lúa kém hiệu quả.",
         p("Hơn 80 hội viên được hướng dẫn kỹ thuật trồng ngô sinh khối và rau màu vụ Xuân.")),
        ("2023-02-01 10:30", ["dulich", "hoatdong"], "Lễ hội đền Phúc Lâm năm 2023 thu hút đông đảo du khách",
         "Lễ hội đền Phúc Lâm diễn ra từ ngày 01 đến 03/02/2023 (tức 11 đến 13 tháng Giêng) với nhiều hoạt động văn hóa, thể thao.",
         p("Phần lễ gồm lễ khai quang, lễ rước kiệu và lễ tế thần; phần hội có thi đấu bóng chuyền, kéo co, đánh cồng chiêng.",
           "Ước tính có hơn 5.000 lượt du khách về dự lễ hội.")),
        ("2023-02-06 08:20", ["hoatdong"], "Ra quân đầu xuân trồng cây \"Đời đời nhớ ơn Bác Hồ\" Xuân Quý Mão 2023",
         "Sáng 06/02, xã Phúc Lâm tổ chức Tết trồng cây đầu xuân, trồng mới 2.000 cây xanh các loại.",
         p("Cây được trồng dọc các tuyến đường liên thôn và khuôn viên trường học.")),
        ("2023-02-10 14:00", ["pbgdpl", "cds", "hoatdong"], "Hội nghị trực tuyến tuyên truyền Luật Thực hiện dân chủ ở cơ sở",
         "UBND xã tham dự hội nghị trực tuyến của tỉnh tuyên truyền Luật Thực hiện dân chủ ở cơ sở năm 2022 tại điểm cầu xã.",
         p("Luật Thực hiện dân chủ ở cơ sở có hiệu lực từ ngày 01/7/2023, quy định những nội dung công khai để người dân biết.",
           "Điểm cầu xã được kết nối qua hệ thống hội nghị truyền hình trực tuyến mới đầu tư.")),
        ("2023-02-15 09:00", ["cds"], "Hội nghị giao ban công tác chuyển đổi số quý I/2023",
         "Ban Chỉ đạo chuyển đổi số xã họp giao ban đánh giá kết quả tháng 01 và đầu tháng 02/2023.",
         p("Tỷ lệ hồ sơ thủ tục hành chính nộp trực tuyến đạt 62%, tăng 15% so với cùng kỳ.")),
        ("2023-02-20 10:00", ["tiepdan"], "Lịch tiếp công dân của Chủ tịch UBND xã tháng 3/2023",
         "Chủ tịch UBND xã tiếp công dân định kỳ vào các ngày 06, 15 và 27 tháng 3/2023.",
         table(["Ngày", "Người tiếp", "Địa điểm"], [["06/3/2023", "Ông Lê Văn Thành - Chủ tịch UBND xã", "Phòng tiếp công dân"],
                                                     ["15/3/2023", "Ông Lê Văn Thành - Chủ tịch UBND xã", "Phòng tiếp công dân"],
                                                     ["27/3/2023", "Bà Nguyễn Thị Mai - Phó Chủ tịch UBND xã", "Phòng tiếp công dân"]])),
        ("2023-02-24 15:30", ["ktxh"], "Phát triển mô hình trồng bưởi trên đất đồi ở thôn Đồng Tâm",
         "Mô hình trồng bưởi trên đất đồi của 12 hộ dân thôn Đồng Tâm cho thu nhập 150 - 200 triệu đồng/ha/năm.",
         p("Xã khuyến khích nhân rộng mô hình, hỗ trợ người dân liên kết tiêu thụ sản phẩm.")),
        ("2023-03-02 08:00", ["hoatdong"], "Giao nhận quân năm 2023: 12 thanh niên Phúc Lâm lên đường nhập ngũ",
         "Sáng 02/3, xã Phúc Lâm tổ chức lễ tiễn 12 thanh niên lên đường nhập ngũ năm 2023.",
         p("Lãnh đạo xã tặng quà, động viên các tân binh yên tâm huấn luyện, hoàn thành tốt nhiệm vụ.")),
        ("2023-03-08 16:45", ["hoatdong"], "Kỷ niệm 113 năm Ngày Quốc tế Phụ nữ 8/3",
         "Hội Liên hiệp Phụ nữ xã tổ chức gặp mặt kỷ niệm 113 năm Ngày Quốc tế Phụ nữ 8/3.",
         p("Dịp này, 15 hội viên tiêu biểu được Hội LHPN xã khen thưởng.")),
        ("2023-03-14 09:30", ["thongbao"], "Thông báo thu thuế sử dụng đất phi nông nghiệp năm 2023",
         "UBND xã thông báo thời gian thu thuế sử dụng đất phi nông nghiệp năm 2023 tại các thôn.",
         p("Thời gian thu từ ngày 20/3 đến 30/4/2023. Người dân có thể nộp trực tuyến qua Cổng Dịch vụ công quốc gia.")),
        ("2023-03-20 14:00", ["cds"], "Hướng dẫn thanh toán không dùng tiền mặt trên Cổng dịch vụ công",
         "Người dân có thể thanh toán phí, lệ phí thủ tục hành chính bằng tài khoản ngân hàng, ví điện tử.",
         p("Bộ phận Một cửa xã hỗ trợ người dân thực hiện thanh toán trực tuyến trong giờ hành chính.")),
        ("2023-03-24 08:10", ["pbgdpl"], "Phổ biến quy định xử phạt vi phạm giao thông cho học sinh THCS",
         "Công an xã phối hợp Trường THCS Phúc Lâm tuyên truyền pháp luật về trật tự an toàn giao thông.",
         p("Các em học sinh được phổ biến Nghị định 100/2019/NĐ-CP và Nghị định 123/2021/NĐ-CP về xử phạt vi phạm hành chính trong lĩnh vực giao thông.")),
        ("2023-03-27 10:00", ["tiepdan"], "Lịch tiếp công dân của Chủ tịch UBND xã tháng 4/2023",
         "Chủ tịch UBND xã tiếp công dân định kỳ vào các ngày 05, 14 và 25 tháng 4/2023.",
         table(["Ngày", "Người tiếp", "Địa điểm"], [["05/4/2023", "Ông Lê Văn Thành - Chủ tịch UBND xã", "Phòng tiếp công dân"],
                                                     ["14/4/2023", "Ông Lê Văn Thành - Chủ tịch UBND xã", "Phòng tiếp công dân"],
                                                     ["25/4/2023", "Bà Nguyễn Thị Mai - Phó Chủ tịch UBND xã", "Phòng tiếp công dân"]])),
        ("2023-03-31 23:45", ["hoatdong"], "Tổng kết công tác quý I/2023, triển khai nhiệm vụ quý II",
         "UBND xã họp đánh giá kết quả thực hiện nhiệm vụ quý I và triển khai nhiệm vụ trọng tâm quý II năm 2023.",
         p("Tổng thu ngân sách quý I đạt 31% dự toán; không có điểm nóng về an ninh trật tự.")),
        ("2023-04-01 00:15", ["thongbao"], "Thông báo tuyển chọn cộng tác viên dân số năm 2023",
         "UBND xã thông báo tuyển chọn 02 cộng tác viên dân số tại thôn Bái Thượng và thôn Đồng Tâm.",
         p("Hồ sơ nộp tại Bộ phận Một cửa UBND xã đến hết ngày 20/4/2023.")),
        ("2023-04-10 08:00", ["dulich"], "Du lịch sinh thái suối cá Phúc Lâm mùa hè 2023",
         "Suối cá thôn Bái Thượng là điểm đến hấp dẫn du khách trong những ngày hè.",
         p("Xã đã đầu tư bãi đỗ xe, nhà vệ sinh công cộng và biển chỉ dẫn phục vụ du khách.")),
        ("2023-05-05 09:00", ["tiepdan"], "Lịch tiếp công dân của Chủ tịch UBND xã tháng 5/2023",
         "Chủ tịch UBND xã tiếp công dân định kỳ vào các ngày 05, 15 và 25 tháng 5/2023.",
         p("Địa điểm: Phòng tiếp công dân, UBND xã Phúc Lâm.")),
    ],
    "images": {  # post title prefix -> (file name, alt)
        "Lễ hội đền Phúc Lâm": ("le-hoi-den-phuc-lam-2023.jpg", "Lễ rước kiệu tại lễ hội đền Phúc Lâm"),
        "Tổ công nghệ số cộng đồng hướng dẫn": ("to-cong-nghe-so-vneid.jpg", "Hướng dẫn người dân cài đặt VNeID"),
        "Giao nhận quân năm 2023": ("giao-nhan-quan-2023.jpg", "Lễ tiễn thanh niên lên đường nhập ngũ"),
    },
    "pages": [
        ("Giới thiệu chung", "gioi-thieu-chung",
         p("Xã Phúc Lâm nằm ở phía Tây Nam " + DISTRICT + ", cách trung tâm huyện 12 km.",
           "Diện tích tự nhiên 2.815 ha; dân số 7.420 người, 1.865 hộ, sống tại 9 thôn; dân tộc Kinh và Mường chiếm phần lớn.",
           "Xã có đền Phúc Lâm là di tích lịch sử văn hóa cấp tỉnh, lễ hội đền tổ chức vào tháng Giêng hằng năm.")),
        ("Bộ máy tổ chức", "bo-may-to-chuc",
         table(["Họ và tên", "Chức vụ"], [["Ông Hà Văn Tuấn", "Bí thư Đảng ủy, Chủ tịch HĐND xã"],
                                          ["Ông Lê Văn Thành", "Phó Bí thư Đảng ủy, Chủ tịch UBND xã"],
                                          ["Bà Nguyễn Thị Mai", "Phó Chủ tịch UBND xã"],
                                          ["Ông Phạm Văn Dũng", "Công chức Văn phòng - Thống kê"]])),
        ("Danh bạ cơ quan chức năng", "danh-ba-co-quan-chuc-nang",
         p("Danh bạ điện thoại, thư điện tử các cơ quan, đơn vị trên địa bàn xã Phúc Lâm và của huyện Cẩm Thủy.")
         + table(["TT", "Cơ quan, đơn vị", "Điện thoại", "Thư điện tử"], [
             ["1", "Văn phòng HĐND - UBND xã Phúc Lâm", "0237.3876.215", "ubndphuclam@camthuy.thanhhoa.gov.vn"],
             ["2", "Bộ phận Tiếp nhận và trả kết quả (Một cửa)", "0237.3876.216", "motcuaphuclam@camthuy.thanhhoa.gov.vn"],
             ["3", "Công an xã Phúc Lâm", "0237.3876.113", "caxphuclam@gmail.com"],
             ["4", "Ban Chỉ huy Quân sự xã", "0237.3876.218", ""],
             ["5", "Trạm Y tế xã Phúc Lâm", "0237.3876.115", "tytphuclam@gmail.com"],
             ["6", "Trường THCS Phúc Lâm", "0237.3876.230", "thcsphuclam@camthuy.edu.vn"],
             ["7", "Trường Tiểu học Phúc Lâm", "0237.3876.231", "thphuclam@camthuy.edu.vn"],
             ["8", "Văn phòng HĐND - UBND huyện Cẩm Thủy", "0237.3876.001", "vpub@camthuy.thanhhoa.gov.vn"],
             ["9", "Phòng Văn hóa - Thông tin huyện", "0237.3876.045", "vhtt@camthuy.thanhhoa.gov.vn"]])),
        ("Hỏi đáp - Góp ý", "hoi-dap-gop-y",
         p("Tổ chức, công dân gửi câu hỏi, góp ý, phản ánh kiến nghị về hoạt động của chính quyền xã qua các kênh sau:",
           "- Hộp thư góp ý đặt tại Bộ phận Một cửa UBND xã;",
           "- Thư điện tử: ubndphuclam@camthuy.thanhhoa.gov.vn; điện thoại: 0237.3876.215;",
           "- Hệ thống tiếp nhận phản ánh, kiến nghị trên Cổng Dịch vụ công quốc gia.",
           "UBND xã trả lời trong thời hạn 10 ngày làm việc kể từ ngày nhận được câu hỏi, góp ý.")),
    ],
    "contact": ("Văn phòng HĐND - UBND xã Phúc Lâm", "van-phong-ubnd-xa", "0237.3876.215",
                "ubndphuclam@camthuy.thanhhoa.gov.vn", "Thôn Đồng Tâm, xã Phúc Lâm, " + DISTRICT),
    "laws_data": {
        "cats": [("Nghị quyết", "nghi-quyet"), ("Quyết định", "quyet-dinh"), ("Chỉ thị", "chi-thi"), ("Kế hoạch", "ke-hoach")],
        "areas": [("HĐND xã Phúc Lâm", "hdnd-xa"), ("UBND xã Phúc Lâm", "ubnd-xa")],
        "subjects": [("Tài chính - Ngân sách", "tai-chinh-ngan-sach"), ("Văn hóa - Xã hội", "van-hoa-xa-hoi"),
                     ("Đất đai - Xây dựng", "dat-dai-xay-dung"), ("Quốc phòng - An ninh", "quoc-phong-an-ninh")],
        "signers": [("Lê Văn Thành", "UBND xã Phúc Lâm", "Chủ tịch"), ("Nguyễn Thị Mai", "UBND xã Phúc Lâm", "Phó Chủ tịch"),
                    ("Hà Văn Tuấn", "HĐND xã Phúc Lâm", "Chủ tịch")],
        "docs": [
            # code, title, cat, area, subject, signer, issued, summary
            ("35/QĐ-UBND", "Quyết định phê duyệt kế hoạch sử dụng đất năm 2023", "quyet-dinh", "ubnd-xa", "dat-dai-xay-dung",
             "Lê Văn Thành", "2022-12-15", "Phê duyệt kế hoạch sử dụng đất năm 2023 của xã Phúc Lâm"),
            ("01/CT-UBND", "Chỉ thị về tăng cường công tác phòng cháy, chữa cháy dịp Tết Nguyên đán Quý Mão 2023", "chi-thi",
             "ubnd-xa", "quoc-phong-an-ninh", "Lê Văn Thành", "2023-01-03",
             "Tăng cường công tác phòng cháy, chữa cháy dịp Tết Nguyên đán Quý Mão 2023"),
            ("01/2023/NQ-HĐND", "Nghị quyết về dự toán thu, chi ngân sách xã năm 2023", "nghi-quyet", "hdnd-xa",
             "tai-chinh-ngan-sach", "Hà Văn Tuấn", "2023-01-05", "Dự toán thu ngân sách nhà nước, chi ngân sách xã năm 2023"),
            ("02/2023/NQ-HĐND", "Nghị quyết về kế hoạch đầu tư công năm 2023", "nghi-quyet", "hdnd-xa",
             "tai-chinh-ngan-sach", "Hà Văn Tuấn", "2023-01-05", "Kế hoạch đầu tư công năm 2023 của xã Phúc Lâm"),
            ("05/QĐ-UBND", "Quyết định giao dự toán thu, chi ngân sách năm 2023", "quyet-dinh", "ubnd-xa",
             "tai-chinh-ngan-sach", "Lê Văn Thành", "2023-01-09", "Giao dự toán thu, chi ngân sách năm 2023 cho các bộ phận"),
            ("12/2023/QĐ-UBND", "Quyết định thành lập Tổ công nghệ số cộng đồng các thôn", "quyet-dinh", "ubnd-xa",
             "van-hoa-xa-hoi", "Lê Văn Thành", "2023-02-14", "Thành lập 09 Tổ công nghệ số cộng đồng tại các thôn"),
            ("15/KH-UBND", "Kế hoạch tuyên truyền, phổ biến, giáo dục pháp luật năm 2023", "ke-hoach", "ubnd-xa",
             "van-hoa-xa-hoi", "Nguyễn Thị Mai", "2023-02-20", "Công tác tuyên truyền, phổ biến, giáo dục pháp luật năm 2023"),
            ("21/2023/QĐ-UBND", "Quyết định ban hành Quy chế tiếp công dân của UBND xã Phúc Lâm", "quyet-dinh", "ubnd-xa",
             "van-hoa-xa-hoi", "Lê Văn Thành", "2023-03-10", "Ban hành Quy chế tiếp công dân của UBND xã Phúc Lâm"),
        ],
    },
    "plans": {"left": (2, "Banner cột trái", 220, 800), "right": (3, "Banner cột phải", 250, 800)},
    "banners": [
        # plan, title, file, lines, colours, alt, click url ("@page:alias" = a page of the intro module), published
        ("left", "Hộp thư góp ý", "hop-thu-gop-y.png", ["HỘP THƯ GÓP Ý", "HỎI ĐÁP TRỰC TUYẾN"], ("#c0392b", "#ffffff"),
         "Hộp thư góp ý, hỏi đáp trực tuyến", "@page:hoi-dap-gop-y", "2022-09-05 08:00"),
        ("left", "Cổng Dịch vụ công quốc gia", "cong-dich-vu-cong-quoc-gia.png", ["CỔNG DỊCH VỤ CÔNG", "QUỐC GIA"],
         ("#1f4e9c", "#ffffff"), "Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/", "2022-09-05 08:00"),
        ("left", "Dịch vụ công tỉnh Thanh Hóa", "dich-vu-cong-thanh-hoa.png", ["HỆ THỐNG THÔNG TIN", "GIẢI QUYẾT TTHC TỈNH"],
         ("#0e6e55", "#ffffff"), "Hệ thống thông tin giải quyết thủ tục hành chính tỉnh Thanh Hóa",
         "https://dichvucong.thanhhoa.gov.vn/", "2022-09-05 08:00"),
        ("right", "Cổng TTĐT tỉnh Thanh Hóa", "cong-ttdt-thanh-hoa.png", ["CỔNG THÔNG TIN ĐIỆN TỬ", "TỈNH THANH HÓA"],
         ("#a61c1c", "#ffe08a"), "Cổng thông tin điện tử tỉnh Thanh Hóa", "https://thanhhoa.gov.vn/", "2022-09-05 08:00"),
        ("right", "Cổng TTĐT huyện Cẩm Thủy", "cong-ttdt-cam-thuy.png", ["CỔNG THÔNG TIN ĐIỆN TỬ", "HUYỆN CẨM THỦY"],
         ("#7a1f1f", "#ffffff"), "Cổng thông tin điện tử huyện Cẩm Thủy", "https://camthuy.thanhhoa.gov.vn/", "2022-09-05 08:00"),
        ("right", "Danh bạ cơ quan chức năng", "danh-ba-dien-thoai.png", ["DANH BẠ ĐIỆN THOẠI", "CƠ QUAN CHỨC NĂNG"],
         ("#f3f3f3", "#1f4e9c"), "Danh bạ điện thoại cơ quan chức năng", "@page:danh-ba-co-quan-chuc-nang", "2022-09-05 08:00"),
    ],
    "menu": [
        # title, target ("cat:key", "mod:name", "page:alias", "url:..."), children, note
        ("Giới thiệu", "mod:gioi-thieu", [("Giới thiệu chung", "page:gioi-thieu-chung"), ("Bộ máy tổ chức", "page:bo-may-to-chuc"),
                                          ("Danh bạ cơ quan chức năng", "page:danh-ba-co-quan-chuc-nang")]),
        ("Tin tức - Sự kiện", "cat:tintuc", [("Tin hoạt động của xã", "cat:hoatdong"), ("Tin kinh tế - xã hội", "cat:ktxh"),
                                             ("Thông báo", "cat:thongbao")]),
        ("Văn bản pháp quy", "mod:van-ban-phap-quy", []),
        ("Thủ tục hành chính", "url:https://dichvucong.thanhhoa.gov.vn/", []),
        ("Chuyên mục", "cat:cds", [("Chuyển đổi số", "cat:cds"), ("Phổ biến giáo dục pháp luật", "cat:pbgdpl"),
                                   ("Du lịch - Lễ hội", "cat:dulich"), ("Lịch tiếp công dân", "cat:tiepdan")]),
        ("Liên hệ", "mod:contact", []),
    ],
    "footer_modules": ["gioi-thieu", "news", "van-ban-phap-quy", "contact", "feeds"],
    "company": {"name": "Ủy ban nhân dân xã Phúc Lâm", "sortname": "UBND xã Phúc Lâm",
                "responsibility": "Ông Lê Văn Thành - Chủ tịch UBND xã",
                "address": "Thôn Đồng Tâm, xã Phúc Lâm, " + DISTRICT, "phone": "0237.3876.215",
                "email": "ubndphuclam@camthuy.thanhhoa.gov.vn", "website": "", "licensenumber": ""},
    "copyright_by": "UBND xã Phúc Lâm",
}


# --- the build --------------------------------------------------------------------------------------


class Build:
    def __init__(self, portal_id: str, nv: NukeViet, workdir: Path) -> None:
        self.id = portal_id
        self.spec = PORTALS[portal_id]
        self.nv = nv
        self.admin = Admin(nv, log=self.log)
        self.work = workdir
        self.cat_ids: dict[str, int] = {}
        self.cat_alias: dict[str, str] = {}
        self.intro = self.spec["intro_module"]

    def log(self, message: str) -> None:
        print(f"[{self.id}] {message}", flush=True)

    # links as NukeViet's own forms write them (the menu and banners keep them; pages rewrite them)
    def link(self, target: str) -> tuple[str, str, str]:
        """(link, module, op) of a menu target."""
        kind, _, value = target.partition(":")
        if kind == "cat":
            alias = self.cat_alias[value]
            return f"/index.php?language=vi&nv=news&op={alias}", "news", alias
        if kind == "mod":
            return f"/index.php?language=vi&nv={value}", value, ""
        if kind == "page":
            return f"/index.php?language=vi&nv={self.intro}&op={value}.html", self.intro, value
        if kind == "url":
            return value, "", ""
        raise ValueError(target)

    def absolute(self, target: str) -> str:
        """A banner's click URL: the page's friendly address on this site, or an outside address."""
        if target.startswith("@page:"):
            return f"{self.nv.base}/{self.intro}/{target[6:]}.html"
        if target.startswith("@post:"):
            alias = self.post_urls[target[6:]]
            return f"{self.nv.base}/{alias}"
        return target

    PHASES = ("settings", "cleanup", "laws", "news", "pages", "banners", "menu", "blocks")

    def run(self, phases: tuple[str, ...] = PHASES) -> None:
        self.nv.login()
        self.log("logged in")
        for phase in phases:
            if phase == "laws" and not self.spec.get("laws"):
                continue
            if phase in ("menu", "banners") and "news" not in phases:
                self.load_news_ids()
            getattr(self, phase)()
        self.log("done")

    def load_news_ids(self) -> None:
        """Ids of what an earlier run entered (to run the later phases again)."""
        for key, _title, alias, *_ in self.spec["cats"]:
            self.cat_alias[key] = alias
            row = self.nv.sql(f"SELECT catid FROM nv4_vi_news_cat WHERE alias='{alias}'")
            if row:
                self.cat_ids[key] = int(row[0]["catid"])
        self.post_urls = {}
        for row in self.nv.sql("SELECT r.id, r.title, r.alias, c.alias AS cat FROM nv4_vi_news_rows r "
                               "JOIN nv4_vi_news_cat c ON c.catid = r.catid"):
            self.post_urls[html.unescape(row["title"])] = f"{row['cat']}/{row['alias']}-{row['id']}.html"

    def settings(self) -> None:
        s = self.spec
        self.admin.system_settings(s["email"], s["phone"])
        self.admin.site_settings(s["name"], s["description"], s["keywords"])

    def cleanup(self) -> None:
        """Take out NukeViet's sample content (posts, pages, banners, menu, blocks) as a clerk would."""
        a = self.admin
        for mod in ("voting", "freecontent", "siteterms", "page"):
            a.module_act(mod, False)
        posts = a.news_posts()
        a.delete_posts([r["id"] for r in posts])
        self.log(f"deleted {len(posts)} sample posts")
        for cat in a.news_cats():
            a.delete_cat(cat["catid"])
        self.log("deleted the sample categories")
        if self.nv.sql("SELECT title FROM nv4_vi_modules WHERE title='about'"):
            a.edit_module("about", "Giới thiệu", new_name=self.intro)
        for page in a.pages(self.intro):
            a.delete_page(self.intro, page["id"])
        self.log("deleted the sample pages")
        for row in a.banner_rows():
            a.delete_banner(row["id"])
        a.ajax("banners", "del_plan", {"id": "1"})
        self.log("deleted the sample banners and the mid-page plan")
        a.delete_menu_rows([r["id"] for r in a.menu_rows() if r["parentid"] == "0"])
        self.log("emptied the top menu")
        for block in a.blocks():
            a.delete_block(block["bid"])
        self.log("removed the theme's sample blocks")
        name, alias, phone, email, address = self.spec["contact"]
        a.contact_department(1, name, alias, phone, email, address,
                             "Tiếp nhận câu hỏi, góp ý, phản ánh của tổ chức, công dân")
        a.ajax("contact", "del_department", {"id": "2"})
        self.log("contact: one department")

    def laws(self) -> None:
        a = self.admin
        spec = self.spec["laws"]
        a.setup_module("laws")
        module = a.edit_module("laws", spec["title"], new_name=spec["module"], site_title=spec["title"],
                               description=spec["description"])
        a.laws_config(module, {"nummain": "20", "typeview": "0"})
        data = self.spec["laws_data"]
        cats = {alias: a.laws_list_item(module, "cat", t, alias) for t, alias in data["cats"]}
        areas = {alias: a.laws_list_item(module, "area", t, alias) for t, alias in data["areas"]}
        subjects = {alias: a.laws_list_item(module, "subject", t, alias) for t, alias in data["subjects"]}
        signers = {name: a.add_signer(module, name, office, position) for name, office, position in data["signers"]}
        for code, title, cat, area, subject, signer, issued, summary in data["docs"]:
            a.add_law(module, code, title, cats[cat], areas[area], subjects[subject], signers[signer], issued, summary,
                      body=p(summary + "."), valid_from=issued)
        self.log(f"documents register /{module}/: {len(data['docs'])} documents")

    def news(self) -> None:
        a = self.admin
        s = self.spec
        a.edit_module("news", "Tin tức", description=s["description"])
        a.news_settings(s["indexfile"], s["per_page"])
        for key, title, alias, parent, description, _viewcat in s["cats"]:
            self.cat_ids[key] = a.add_cat(title, alias, self.cat_ids[parent] if parent else 0, description)
            self.cat_alias[key] = alias
        for key, *_, viewcat in s["cats"]:
            if viewcat:
                a.cat_viewcat(self.cat_ids[key], viewcat)
        self.log(f"{len(s['cats'])} categories")
        images = {}
        for prefix, (file_name, alt) in s.get("images", {}).items():
            local = draw_image(self.work / file_name, 400, 260, [alt], "#6b8e5a", "#ffffff", 13)
            images[prefix] = (a.upload(local, "uploads/news"), alt)
        self.post_urls: dict[str, str] = {}
        for published, cats, title, hometext, body in sorted(s["posts"], key=lambda x: x[0]):
            image, alt = next((v for k, v in images.items() if title.startswith(k)), ("", ""))
            post_id = a.add_post(title, [self.cat_ids[c] for c in cats], published, hometext, body, image, alt)
            alias = self.nv.sql(f"SELECT alias FROM nv4_vi_news_rows WHERE id={post_id}")[0]["alias"]
            self.post_urls[title] = f"{self.cat_alias[cats[0]]}/{alias}-{post_id}.html"
        self.log(f"{len(s['posts'])} posts")

    def pages(self) -> None:
        for title, alias, body in self.spec["pages"]:
            self.admin.add_page(self.intro, title, alias, body)
        self.log(f"{len(self.spec['pages'])} pages in /{self.intro}/")

    def banners(self) -> None:
        a = self.admin
        for plan_id, title, width, height in self.spec["plans"].values():
            a.edit_plan(plan_id, title, width, height)
        for plan, title, file_name, lines, (bg, fg), alt, target, published in self.spec["banners"]:
            plan_id, _, width, _ = self.spec["plans"][plan]
            height = 110 if len(lines) > 1 else 80
            image = draw_image(self.work / file_name, width, height, lines, bg, fg, 12)
            a.add_banner(plan_id, title, image, alt, self.absolute(target), published)
        self.log(f"{len(self.spec['banners'])} banners")

    def menu(self) -> None:
        a = self.admin
        for title, target, children, *rest in self.spec["menu"]:
            note = rest[0] if rest else ""
            link, module, op = self.link(target)
            parent = a.add_menu_row(title, link, 0, module, op, note=note, new_window=target.startswith("url:"))
            for child_title, child_target, *child_rest in children:
                link, module, op = self.link(child_target)
                a.add_menu_row(child_title, link, parent, module, op, note=child_rest[0] if child_rest else "",
                               new_window=child_target.startswith("url:"))
        self.log("top menu")

    def blocks(self) -> None:
        a = self.admin
        a.layout_all(self.spec["layout"])
        for module, layout in self.spec.get("module_layouts", {}).items():
            a.layout_module(module, layout)
        for block in self.block_specs():
            module, file_name, title, position, config, *rest = block
            options = rest[0] if rest else {}
            funcs = None
            if "funcs" in options:
                fmodule, fnames = options["funcs"]
                funcs = a.func_ids(fmodule, fnames)
            a.block(module, file_name, title, position, config, all_func=funcs is None, func_ids=funcs,
                    template=options.get("template", ""))
            self.log(f"block {title} in {position}")

    def block_specs(self) -> list[tuple]:
        s = self.spec
        c = s.get("company")
        specs: list[tuple] = [
            ("menu", "global.bootstrap.php", "Menu Site", "[MENU_SITE]", {"menuid": "1"}, {"template": "no_title"}),
            ("users", "global.user_button.php", "Đăng nhập", "[PERSONALAREA]", {}, {"template": "no_title"}),
            ("contact", "global.contact_default.php", "Liên hệ", "[CONTACT_DEFAULT]", {}, {"template": "no_title"}),
            ("theme", "global.copyright.php", "Bản quyền", "[FOOTER_SITE]",
             {"copyright_by": s["copyright_by"], "copyright_url": self.nv.base + "/", "design_by": "",
              "design_url": "", "siteterms_url": ""}, {"template": "no_title"}),
            ("theme", "global.menu_footer.php", "Liên kết nhanh", "[MENU_FOOTER]",
             {"module_in_menu[]": s["footer_modules"]}, {"template": "simple"}),
        ]
        if c:
            specs.append(("theme", "global.company_info.php", "Cơ quan chủ quản", "[COMPANY_INFO]", {
                "config_company_name": c["name"], "config_company_sortname": c["sortname"],
                "config_company_regcode": "", "config_company_regplace": "",
                "config_company_licensenumber": c["licensenumber"],
                "config_company_responsibility": c["responsibility"], "config_company_address": c["address"],
                "config_company_showmap": "0", "config_company_mapurl": "", "config_company_phone": c["phone"],
                "config_company_fax": "", "config_company_email": c["email"], "config_company_website": c["website"]},
                {"template": "simple"}))
        specs.extend(self.spec["side_blocks"](self))
        return specs


def _side_blocks_1(b: Build) -> list[tuple]:
    news_main = {"funcs": ("news", ["main"]), "template": "no_title"}
    return [
        ("news", "global.block_category.php", "Chuyên mục", "[LEFT]", {"config_catid": "0", "config_title_length": "0"},
         {"template": "primary"}),
        ("banners", "global.banners.php", "Tiện ích", "[LEFT]", {"config_idplanbanner": "2"}, {"template": "no_title"}),
        ("statistics", "global.counter.php", "Thống kê truy cập", "[LEFT]", {}, {"template": "primary"}),
        ("van-ban-phap-quy", "global.block_new_law.php", "Văn bản mới", "[RIGHT]",
         {"config_numrow": "5", "config_show_code": "1"}, {"template": "primary", "funcs": ("news", ["main"])}),
        ("banners", "global.banners.php", "Liên kết website", "[RIGHT]", {"config_idplanbanner": "3"},
         {"template": "no_title"}),
        ("news", "module.block_newscenter.php", "Tin mới nhất", "[TOP]", {}, news_main),
    ]


PORTALS["cms-nukeviet-1"]["side_blocks"] = _side_blocks_1


# ---- cms-nukeviet-2: UBND xã Thành Vân ------------------------------------------------------------
def _lich(month: str, days: list[str], who: list[str]) -> str:
    return table(["Ngày", "Người tiếp công dân", "Địa điểm"],
                 [[f"{d}/{month}", w, "Trụ sở UBND xã Thành Vân"] for d, w in zip(days, who, strict=True)])


_CT2, _PCT2 = "Bà Trần Thị Hương - Chủ tịch UBND xã", "Ông Bùi Đức Long - Phó Chủ tịch UBND xã"

PORTALS["cms-nukeviet-2"] = {
    "name": "UBND xã Thành Vân",
    "host": "xa-thanhvan.nukeviet.test",
    "description": "Cổng thông tin điện tử xã Thành Vân, " + DISTRICT,
    "keywords": "Thành Vân, Cẩm Thủy, Thanh Hóa",
    "email": "thanhvan.camthuy@thanhhoa.gov.vn", "phone": "0237.3879.102",
    "layout": "main-right", "indexfile": "viewcat_page_new", "per_page": 8,
    "intro_module": "gioi-thieu",
    "laws": {"module": "van-ban", "title": "Văn bản pháp quy",
             "description": "Văn bản pháp quy của HĐND, UBND xã Thành Vân"},
    "cats": [
        ("tintuc", "Tin tức - Sự kiện", "tin-tuc-su-kien", None, "", "viewcat_main_left"),
        ("tinxa", "Tin trong xã", "tin-trong-xa", "tintuc", "", None),
        ("tinhuyen", "Tin huyện", "tin-huyen", "tintuc", "", None),
        ("thongbao", "Thông báo - Kế hoạch", "thong-bao-ke-hoach", None, "", None),
        ("cds", "Chuyển đổi số", "chuyen-doi-so", None, "", None),
        ("pbpl", "Tuyên truyền phổ biến pháp luật", "tuyen-truyen-pho-bien-phap-luat", None, "", None),
        ("dulich", "Du lịch - Lễ hội", "du-lich-le-hoi", None, "", None),
        ("tiepdan", "Lịch tiếp công dân", "lich-tiep-cong-dan", None, "", None),
    ],
    "posts": [
        ("2022-11-02 09:00", ["cds", "tinxa"], "Tổng kết hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2022",
         "UBND xã Thành Vân tổng kết các hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2022.",
         p("Trong tháng 10/2022, xã đã tổ chức 9 buổi hướng dẫn người dân cài đặt các ứng dụng số, thanh toán không dùng tiền mặt.",
           "Hơn 1.200 lượt người dân được hướng dẫn sử dụng dịch vụ công trực tuyến.")),
        ("2022-11-18 08:00", ["tinxa"], "Ngày hội Đại đoàn kết toàn dân tộc ở thôn Vân Trung",
         "Thôn Vân Trung tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2022.",
         p("Ngày hội có phần lễ ôn lại truyền thống 92 năm Mặt trận Tổ quốc Việt Nam và phần hội với các trò chơi dân gian.")),
        ("2022-12-09 10:00", ["pbpl"], "Phổ biến Luật Phòng, chống ma túy cho đoàn viên thanh niên",
         "Đoàn xã phối hợp Công an xã phổ biến Luật Phòng, chống ma túy năm 2021 cho 90 đoàn viên.",
         p("Đoàn viên được trang bị kiến thức nhận biết các loại ma túy và trách nhiệm của gia đình, nhà trường, xã hội.")),
        ("2022-12-26 14:00", ["tiepdan"], "Lịch tiếp công dân tháng 01/2023",
         "UBND xã Thành Vân thông báo lịch tiếp công dân định kỳ tháng 01/2023.",
         _lich("01/2023", ["10", "20"], [_CT2, _PCT2])),
        ("2022-12-31 23:50", ["tinxa"], "Tổng kết phong trào thi đua yêu nước năm 2022",
         "Xã Thành Vân tổng kết phong trào thi đua yêu nước năm 2022, khen thưởng 25 tập thể và 48 cá nhân.",
         p("Năm 2022, xã hoàn thành 18/18 chỉ tiêu kinh tế - xã hội do HĐND xã đề ra.")),
        ("2023-01-01 00:05", ["tinxa"], "Thư chúc mừng năm mới 2023 của Chủ tịch UBND xã Thành Vân",
         "Nhân dịp năm mới 2023, Chủ tịch UBND xã Thành Vân gửi lời chúc mừng tới toàn thể nhân dân trong xã.",
         p("Chúc các gia đình một năm mới an khang, thịnh vượng; chúc xã Thành Vân tiếp tục phát triển.")),
        ("2023-01-05 08:30", ["tinxa"], "Hội nghị tổng kết công tác năm 2022 của UBND xã Thành Vân",
         "Ngày 05/01/2023, UBND xã tổ chức hội nghị tổng kết công tác năm 2022, triển khai nhiệm vụ năm 2023.",
         p("Tổng giá trị sản xuất năm 2022 ước đạt 312 tỷ đồng, tăng 7,5% so với năm 2021.")),
        ("2023-01-11 15:00", ["thongbao"], "Kế hoạch tổ chức các hoạt động mừng Đảng, mừng Xuân Quý Mão 2023",
         "UBND xã ban hành kế hoạch tổ chức các hoạt động văn hóa, thể thao mừng Đảng, mừng Xuân Quý Mão 2023.",
         p("Các hoạt động gồm giải bóng chuyền, văn nghệ quần chúng và thăm hỏi, tặng quà gia đình chính sách.")),
        ("2023-01-18 09:00", ["tinhuyen", "tinxa"], "Lãnh đạo huyện thăm, chúc Tết gia đình chính sách xã Thành Vân",
         "Đoàn công tác của huyện đã đến thăm, tặng quà các gia đình chính sách tiêu biểu trên địa bàn xã.",
         p("Đoàn đã trao 20 suất quà, mỗi suất trị giá 500.000 đồng.")),
        ("2023-01-30 09:15", ["tiepdan"], "Lịch tiếp công dân tháng 02/2023",
         "UBND xã Thành Vân thông báo lịch tiếp công dân định kỳ tháng 02/2023.",
         _lich("02/2023", ["10", "20"], [_CT2, _PCT2])),
        ("2023-02-07 10:00", ["cds", "tinxa"], "Triển khai tài khoản định danh điện tử mức 2 cho người dân",
         "Công an xã phối hợp các thôn thu nhận hồ sơ cấp tài khoản định danh điện tử mức 2.",
         p("Đến nay đã có 2.150 tài khoản được kích hoạt, đạt 61% số người trong độ tuổi.")),
        ("2023-02-14 14:30", ["pbpl", "tinxa"], "Tuyên truyền Luật Hòa giải ở cơ sở tại thôn Vân Hạ",
         "Hội nghị tuyên truyền Luật Hòa giải ở cơ sở thu hút hơn 70 hòa giải viên và người dân tham dự.",
         p("Các hòa giải viên được hướng dẫn kỹ năng hòa giải các mâu thuẫn, tranh chấp nhỏ trong cộng đồng.")),
        ("2023-02-22 08:45", ["tinhuyen"], "Huyện kiểm tra công tác cải cách hành chính tại xã Thành Vân",
         "Đoàn kiểm tra của UBND huyện làm việc với xã về công tác cải cách hành chính năm 2023.",
         p("Đoàn đề nghị xã nâng tỷ lệ hồ sơ trực tuyến, công khai đầy đủ thủ tục hành chính tại Bộ phận Một cửa.")),
        ("2023-02-27 09:00", ["tiepdan"], "Lịch tiếp công dân tháng 3/2023",
         "UBND xã Thành Vân thông báo lịch tiếp công dân định kỳ tháng 3/2023.",
         _lich("3/2023", ["10", "20"], [_CT2, _PCT2])),
        ("2023-03-06 16:00", ["cds"], "Ra mắt Tổ công nghệ số cộng đồng thôn Vân Thượng",
         "Tổ công nghệ số cộng đồng thôn Vân Thượng gồm 7 thành viên chính thức ra mắt.",
         p("Tổ có nhiệm vụ hướng dẫn người dân sử dụng nền tảng số, dịch vụ công trực tuyến, thanh toán điện tử.")),
        ("2023-03-15 10:30", ["pbpl"], "Hưởng ứng Ngày Quyền của người tiêu dùng Việt Nam 15/3",
         "UBND xã tuyên truyền Luật Bảo vệ quyền lợi người tiêu dùng năm 2023 nhân Ngày 15/3.",
         p("Người dân được khuyến cáo lựa chọn sản phẩm có nguồn gốc rõ ràng, giữ hóa đơn khi mua hàng.")),
        ("2023-03-22 08:00", ["thongbao"], "Thông báo lịch tiêm chủng mở rộng tháng 4/2023",
         "Trạm Y tế xã thông báo lịch tiêm chủng mở rộng cho trẻ em tháng 4/2023.",
         p("Thời gian: ngày 05 và 06/4/2023 tại Trạm Y tế xã. Phụ huynh mang theo sổ tiêm chủng của trẻ.")),
        ("2023-03-31 17:30", ["tinxa"], "Báo cáo nhanh kết quả sản xuất vụ Chiêm Xuân năm 2023",
         "Đến ngày 31/3, toàn xã đã gieo cấy 385 ha lúa Chiêm Xuân, đạt 100% kế hoạch.",
         p("Cây lúa sinh trưởng tốt; xã chỉ đạo các thôn theo dõi, phòng trừ sâu bệnh kịp thời.")),
        ("2023-04-01 00:15", ["tiepdan"], "Lịch tiếp công dân tháng 4/2023",
         "UBND xã Thành Vân thông báo lịch tiếp công dân định kỳ tháng 4/2023.",
         _lich("4/2023", ["10", "20"], [_CT2, _PCT2])),
        ("2023-04-12 09:00", ["pbpl"], "Hội thi tìm hiểu pháp luật trong thanh niên năm 2023",
         "Đoàn xã tổ chức hội thi tìm hiểu pháp luật với sự tham gia của 6 đội thi đến từ các chi đoàn.",
         p("Giải nhất thuộc về đội thi chi đoàn thôn Vân Trung.")),
        ("2023-05-09 08:00", ["cds"], "Cấp mã số vùng trồng cam cho các hộ sản xuất",
         "Xã phối hợp ngành nông nghiệp cấp mã số vùng trồng cho 25 ha cam của 40 hộ dân.",
         p("Mã số vùng trồng giúp truy xuất nguồn gốc, nâng cao giá trị sản phẩm cam Thành Vân.")),
    ],
    "pages": [
        ("Giới thiệu chung", "gioi-thieu-chung",
         p("Xã Thành Vân nằm ở phía Đông Bắc " + DISTRICT + ", có diện tích tự nhiên 1.964 ha, dân số 6.180 người.",
           "Xã có 8 thôn; kinh tế chủ yếu là nông nghiệp, trồng cam, mía và chăn nuôi.")),
        ("Lãnh đạo xã", "lanh-dao-xa",
         table(["Họ và tên", "Chức vụ"], [["Ông Đỗ Văn Quý", "Bí thư Đảng ủy, Chủ tịch HĐND xã"],
                                          ["Bà Trần Thị Hương", "Phó Bí thư Đảng ủy, Chủ tịch UBND xã"],
                                          ["Ông Bùi Đức Long", "Phó Chủ tịch UBND xã"],
                                          ["Ông Lê Minh Hải", "Chủ tịch Ủy ban MTTQ xã"]])),
    ],
    "contact": ("Văn phòng UBND xã Thành Vân", "van-phong-ubnd", "0237.3879.102", "thanhvan.camthuy@thanhhoa.gov.vn",
                "Thôn Vân Trung, xã Thành Vân, " + DISTRICT),
    "laws_data": {
        "cats": [("Nghị quyết", "nghi-quyet"), ("Quyết định", "quyet-dinh")],
        "areas": [("HĐND xã Thành Vân", "hdnd"), ("UBND xã Thành Vân", "ubnd")],
        "subjects": [("Ngân sách", "ngan-sach"), ("Hành chính", "hanh-chinh")],
        "signers": [("Trần Thị Hương", "UBND xã Thành Vân", "Chủ tịch"), ("Đỗ Văn Quý", "HĐND xã Thành Vân", "Chủ tịch")],
        "docs": [
            ("15/NQ-HĐND", "Nghị quyết về dự toán ngân sách xã năm 2023", "nghi-quyet", "hdnd", "ngan-sach",
             "Đỗ Văn Quý", "2022-12-20", "Dự toán thu, chi ngân sách xã Thành Vân năm 2023"),
            ("16/NQ-HĐND", "Nghị quyết về chương trình giám sát năm 2023", "nghi-quyet", "hdnd", "hanh-chinh",
             "Đỗ Văn Quý", "2022-12-20", "Chương trình giám sát của HĐND xã năm 2023"),
            ("03/QĐ-UBND", "Quyết định công bố danh mục thủ tục hành chính thực hiện tại xã", "quyet-dinh", "ubnd",
             "hanh-chinh", "Trần Thị Hương", "2023-01-09", "Công bố danh mục thủ tục hành chính cấp xã"),
            ("09/2023/QĐ-UBND", "Quyết định ban hành quy chế làm việc của UBND xã nhiệm kỳ 2021-2026", "quyet-dinh",
             "ubnd", "hanh-chinh", "Trần Thị Hương", "2023-02-13", "Quy chế làm việc của UBND xã Thành Vân"),
            ("17/QĐ-UBND", "Quyết định kiện toàn Ban Chỉ đạo chuyển đổi số xã", "quyet-dinh", "ubnd", "hanh-chinh",
             "Trần Thị Hương", "2023-03-02", "Kiện toàn Ban Chỉ đạo chuyển đổi số xã Thành Vân"),
            ("21/QĐ-UBND", "Quyết định giao chỉ tiêu thu ngân sách cho các thôn năm 2023", "quyet-dinh", "ubnd",
             "ngan-sach", "Trần Thị Hương", "2023-04-05", "Giao chỉ tiêu thu ngân sách năm 2023 cho 8 thôn"),
        ],
    },
    "plans": {"right": (3, "Banner cột phải", 250, 800)},
    "banners": [
        ("right", "Banner 1", "banner-1.png", ["PHẢN ÁNH, KIẾN NGHỊ", "CỦA NGƯỜI DÂN"], ("#e67e22", "#ffffff"),
         "banner", "https://dichvucong.gov.vn/p/phananhkiennghi/pakn-gui-pakn.html", "2022-06-01 08:00"),
        ("right", "Ngày Chuyển đổi số quốc gia 2022", "ngay-chuyen-doi-so-quoc-gia-2022.png",
         ["HƯỞNG ỨNG NGÀY CHUYỂN ĐỔI", "SỐ QUỐC GIA 10/10/2022"], ("#123a7a", "#ffffff"),
         "Hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2022",
         "@post:Tổng kết hoạt động hưởng ứng Ngày Chuyển đổi số quốc gia 10/10/2022", "2022-10-01 07:00"),
        ("right", "Dịch vụ công Thanh Hóa", "dvc-thanh-hoa.png", ["DỊCH VỤ CÔNG TRỰC TUYẾN", "TỈNH THANH HÓA"],
         ("#0e6e55", "#ffffff"), "Dịch vụ công trực tuyến tỉnh Thanh Hóa", "https://dichvucong.thanhhoa.gov.vn/",
         "2022-06-01 08:00"),
        ("right", "Bảo hiểm xã hội", "bhxh-viet-nam.png", ["BẢO HIỂM XÃ HỘI", "VIỆT NAM"], ("#1565c0", "#ffffff"),
         "Bảo hiểm xã hội Việt Nam", "https://baohiemxahoi.gov.vn/", "2022-06-01 08:00"),
    ],
    "menu": [
        ("Giới thiệu", "mod:gioi-thieu", [("Giới thiệu chung", "page:gioi-thieu-chung"), ("Lãnh đạo xã", "page:lanh-dao-xa")]),
        ("Tin tức - Sự kiện", "cat:tintuc", [("Tin trong xã", "cat:tinxa"), ("Tin huyện", "cat:tinhuyen"),
                                             ("Thông báo - Kế hoạch", "cat:thongbao")]),
        ("Văn bản", "mod:van-ban", []),
        ("Chuyển đổi số", "cat:cds", []),
        ("Tuyên truyền pháp luật", "cat:pbpl", []),
        ("Lịch tiếp công dân", "cat:tiepdan", []),
    ],
    "footer_modules": ["gioi-thieu", "news", "van-ban", "contact"],
    "company": {"name": "UBND xã Thành Vân", "sortname": "", "responsibility": "Đang cập nhật",
                "address": "Thôn Vân Trung, xã Thành Vân, " + DISTRICT, "phone": "0237.3879.102",
                "email": "thanhvan.camthuy@thanhhoa.gov.vn", "website": "", "licensenumber": ""},
    "copyright_by": "UBND xã Thành Vân",
}


def _side_blocks_2(b: Build) -> list[tuple]:
    return [
        ("van-ban", "module.block_search.php", "Văn bản pháp quy", "[TOP]", {},
         {"template": "primary", "funcs": ("van-ban", None)}),
        ("news", "global.block_category.php", "Danh mục tin", "[RIGHT]", {"config_catid": "0", "config_title_length": "0"},
         {"template": "primary"}),
        ("banners", "global.banners.php", "Liên kết", "[RIGHT]", {"config_idplanbanner": "3"}, {"template": "no_title"}),
    ]


PORTALS["cms-nukeviet-2"]["side_blocks"] = _side_blocks_2


# ---- cms-nukeviet-3: UBND xã Đồng Khê -------------------------------------------------------------
PORTALS["cms-nukeviet-3"] = {
    "name": "UBND xã Đồng Khê",
    "host": "xa-dongkhe.nukeviet.test",
    "description": "Trang thông tin điện tử UBND xã Đồng Khê - " + DISTRICT,
    "keywords": "Đồng Khê, Cẩm Thủy",
    "email": "ubnddongkhe@camthuy.thanhhoa.gov.vn", "phone": "0237.3864.530",
    "layout": "left-main", "indexfile": "viewcat_two_column", "per_page": 15,
    "intro_module": "gioi-thieu",
    "cats": [
        ("tintuc", "Tin tức - Sự kiện", "tin-tuc-su-kien", None, "", "viewcat_main_bottom"),
        ("hoatdong", "Hoạt động của xã", "hoat-dong-cua-xa", "tintuc", "", None),
        ("tonghop", "Tin tổng hợp", "tin-tong-hop", "tintuc", "", None),
        ("vbcd", "Văn bản chỉ đạo điều hành", "van-ban-chi-dao-dieu-hanh", None,
         "Kế hoạch, công văn, thông báo chỉ đạo điều hành của UBND xã", "viewcat_list_new"),
        ("pbgdpl", "Phổ biến, giáo dục pháp luật", "pho-bien-giao-duc-phap-luat", None, "", None),
        ("dulich", "Du lịch - Lễ hội", "du-lich-le-hoi", None, "", None),
        ("baucu", "Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026",
         "bau-cu-dai-bieu-quoc-hoi-khoa-xv-va-dai-bieu-hdnd-cac-cap", None, "", None),
    ],
    "posts": [
        ("2021-03-15 08:00", ["baucu"], "Hội nghị hiệp thương lần thứ nhất bầu cử đại biểu HĐND xã nhiệm kỳ 2021-2026",
         "Ban Thường trực Ủy ban MTTQ xã tổ chức hội nghị hiệp thương lần thứ nhất.",
         p("Hội nghị thống nhất cơ cấu, thành phần, số lượng người được giới thiệu ứng cử đại biểu HĐND xã là 25 người.")),
        ("2021-05-24 07:00", ["baucu"], "Cử tri xã Đồng Khê nô nức đi bầu cử",
         "Ngày 23/5/2021, 100% cử tri xã Đồng Khê đã đi bầu cử đại biểu Quốc hội và HĐND các cấp.",
         p("Cuộc bầu cử diễn ra dân chủ, đúng luật, an toàn tại 7 khu vực bỏ phiếu.")),
        ("2022-11-10 08:30", ["hoatdong"], "Xã Đồng Khê tổ chức Ngày hội Đại đoàn kết toàn dân tộc năm 2022",
         "Các thôn trên địa bàn xã Đồng Khê đồng loạt tổ chức Ngày hội Đại đoàn kết toàn dân tộc.",
         p("Dịp này, Ủy ban MTTQ xã trao 2 nhà Đại đoàn kết cho hộ nghèo thôn Khê Thượng.")),
        ("2022-11-25 14:00", ["vbcd"], "Kế hoạch sản xuất vụ Đông năm 2022 - 2023",
         "UBND xã ban hành kế hoạch sản xuất vụ Đông năm 2022 - 2023 với diện tích 120 ha.",
         p("Cây trồng chủ lực là ngô, khoai lang và rau các loại.")),
        ("2022-11-30 10:00", ["tonghop"], "Hội Cựu chiến binh xã Đồng Khê đại hội nhiệm kỳ 2022 - 2027",
         "Đại hội Hội Cựu chiến binh xã Đồng Khê lần thứ VII, nhiệm kỳ 2022 - 2027 đã thành công tốt đẹp.",
         p("Đại hội bầu Ban Chấp hành gồm 7 đồng chí.")),
        ("2022-12-12 09:00", ["pbgdpl"], "Phổ biến pháp luật về phòng cháy, chữa cháy rừng mùa khô",
         "Hạt Kiểm lâm phối hợp UBND xã tuyên truyền pháp luật về phòng cháy, chữa cháy rừng.",
         p("Người dân các thôn giáp rừng ký cam kết không đốt nương rẫy trong mùa khô hanh.")),
        ("2022-12-31 23:50", ["hoatdong"], "Xã Đồng Khê tổng kết công tác năm 2022",
         "Đảng ủy, UBND xã tổng kết công tác năm 2022 và trao thưởng các tập thể, cá nhân tiêu biểu.",
         p("Thu nhập bình quân đầu người năm 2022 đạt 42 triệu đồng.")),
        ("2023-01-04 08:00", ["vbcd", "hoatdong"], "Kế hoạch phát triển kinh tế - xã hội năm 2023",
         "UBND xã Đồng Khê ban hành kế hoạch phát triển kinh tế - xã hội năm 2023.",
         p("Kế hoạch đề ra 16 chỉ tiêu chủ yếu, trong đó tốc độ tăng giá trị sản xuất 8%.")),
        ("2023-01-13 10:00", ["dulich", "hoatdong"], "Chợ phiên ngày Tết thôn Đồng Khê",
         "Chợ phiên ngày Tết ở thôn Đồng Khê họp vào ngày 22 tháng Chạp, bày bán nông sản, đặc sản địa phương.",
         p("Chợ phiên là nét văn hóa truyền thống thu hút đông đảo du khách gần xa.")),
        ("2023-01-19 14:00", ["vbcd"], "Công văn về việc bảo đảm an ninh trật tự dịp Tết Nguyên đán Quý Mão",
         "UBND xã yêu cầu các thôn, các ngành bảo đảm an ninh trật tự, an toàn giao thông dịp Tết.",
         p("Nghiêm cấm sản xuất, tàng trữ, sử dụng pháo nổ trái phép.")),
        ("2023-02-03 08:30", ["dulich"], "Lễ hội Rước nước đầu xuân Quý Mão",
         "Lễ hội Rước nước đầu xuân được tổ chức tại bến sông Khê ngày 13 tháng Giêng.",
         p("Lễ hội cầu cho mưa thuận gió hòa, mùa màng bội thu, thu hút hàng nghìn người dân và du khách.")),
        ("2023-02-16 09:00", ["pbgdpl", "hoatdong"], "Tuyên truyền Luật Phòng, chống tác hại của rượu, bia",
         "UBND xã tổ chức tuyên truyền Luật Phòng, chống tác hại của rượu, bia tại 7 thôn.",
         p("Người dân được phổ biến quy định không điều khiển phương tiện giao thông khi đã uống rượu, bia.")),
        ("2023-02-24 15:00", ["tonghop"], "Kiểm tra tiến độ xây dựng nông thôn mới nâng cao",
         "Đoàn công tác huyện kiểm tra tiến độ thực hiện các tiêu chí nông thôn mới nâng cao tại xã.",
         p("Đến nay xã đã đạt 15/19 tiêu chí nông thôn mới nâng cao.")),
        ("2023-03-03 15:00", ["vbcd", "tonghop", "hoatdong"], "Kế hoạch tổ chức Tháng Thanh niên năm 2023",
         "UBND xã ban hành kế hoạch phối hợp tổ chức Tháng Thanh niên năm 2023.",
         p("Trọng tâm là các công trình thanh niên, hoạt động tình nguyện vì cộng đồng.")),
        ("2023-03-21 08:00", ["tonghop"], "Hưởng ứng Ngày Nước thế giới 22/3",
         "Xã Đồng Khê tuyên truyền sử dụng nước sạch, tiết kiệm nước nhân Ngày Nước thế giới.",
         p("Tỷ lệ hộ sử dụng nước hợp vệ sinh trên địa bàn xã đạt 98%.")),
        ("2023-03-30 22:10", ["vbcd"], "Thông báo lịch cắt điện ngày 05/4/2023",
         "Điện lực Cẩm Thủy thông báo cắt điện để bảo dưỡng đường dây ngày 05/4/2023.",
         p("Thời gian cắt điện từ 07h00 đến 16h00 ngày 05/4/2023 tại các thôn Khê Thượng, Khê Hạ.")),
        ("2023-04-01 00:15", ["hoatdong"], "Khai mạc giải bóng chuyền hơi mừng Ngày Giải phóng miền Nam",
         "Giải bóng chuyền hơi chào mừng 48 năm Ngày Giải phóng miền Nam có 10 đội tham gia.",
         p("Giải diễn ra từ ngày 01/4 đến 15/4/2023 tại sân vận động trung tâm xã.")),
        ("2023-04-14 09:00", ["pbgdpl"], "Tuyên truyền phòng, chống đuối nước cho trẻ em",
         "Trước mùa hè, UBND xã tuyên truyền các biện pháp phòng, chống đuối nước cho trẻ em.",
         p("Phụ huynh được khuyến cáo quản lý chặt con em, không để trẻ tắm sông, suối một mình.")),
        ("2023-05-16 08:00", ["vbcd"], "Kế hoạch kỷ niệm 133 năm Ngày sinh Chủ tịch Hồ Chí Minh",
         "UBND xã ban hành kế hoạch tổ chức các hoạt động kỷ niệm 133 năm Ngày sinh Chủ tịch Hồ Chí Minh.",
         p("Các thôn treo cờ Tổ quốc, tổ chức sinh hoạt chuyên đề học tập và làm theo Bác.")),
    ],
    "pages": [
        ("Tổng quan xã Đồng Khê", "tong-quan",
         p("Xã Đồng Khê nằm ven sông Khê, phía Tây " + DISTRICT + "; diện tích tự nhiên 2.240 ha, dân số 5.630 người.",
           "Xã có 7 thôn, nổi tiếng với lễ hội Rước nước đầu xuân và chợ phiên ngày Tết.")),
        ("Lịch tiếp công dân", "lich-tiep-cong-dan",
         p("Lịch tiếp công dân định kỳ của lãnh đạo UBND xã Đồng Khê năm 2023:")
         + table(["Thời gian", "Người tiếp công dân", "Địa điểm"], [
             ["Thứ Năm tuần thứ nhất và thứ ba hằng tháng", "Ông Trịnh Văn Hùng - Chủ tịch UBND xã", "Phòng tiếp công dân UBND xã"],
             ["Thứ Năm tuần thứ hai và thứ tư hằng tháng", "Bà Phạm Thị Lan - Phó Chủ tịch UBND xã", "Phòng tiếp công dân UBND xã"],
             ["Thứ Hai đến thứ Sáu (giờ hành chính)", "Công chức Tư pháp - Hộ tịch", "Bộ phận Một cửa UBND xã"]])),
        ("Danh bạ cơ quan chức năng", "danh-ba-co-quan-chuc-nang",
         table(["Cơ quan, đơn vị", "Điện thoại", "Thư điện tử"], [
             ["Văn phòng UBND xã Đồng Khê", "0237.3864.530", "ubnddongkhe@camthuy.thanhhoa.gov.vn"],
             ["Bộ phận Một cửa", "0237.3864.531", "motcuadongkhe@camthuy.thanhhoa.gov.vn"],
             ["Công an xã Đồng Khê", "0237.3864.113", ""],
             ["Trạm Y tế xã", "0237.3864.115", "tytdongkhe@gmail.com"],
             ["Trường THCS Đồng Khê", "0237.3864.540", "thcsdongkhe@camthuy.edu.vn"],
             ["Điện lực Cẩm Thủy (tổ quản lý điện xã)", "0237.3876.333", ""],
             ["UBND huyện Cẩm Thủy", "0237.3876.001", "vpub@camthuy.thanhhoa.gov.vn"]])),
    ],
    "contact": ("Văn phòng UBND xã Đồng Khê", "van-phong-ubnd-xa", "0237.3864.530", "ubnddongkhe@camthuy.thanhhoa.gov.vn",
                "Thôn Khê Thượng, xã Đồng Khê, " + DISTRICT),
    "plans": {"left": (2, "Liên kết cột trái", 220, 800)},
    "banners": [
        ("left", "Cổng TTĐT tỉnh", "thanh-hoa-portal.png", ["CỔNG THÔNG TIN ĐIỆN TỬ", "TỈNH THANH HÓA"], ("#a61c1c", "#ffe08a"),
         "Cổng thông tin điện tử tỉnh Thanh Hóa", "https://thanhhoa.gov.vn/", "2022-08-01 08:00"),
        ("left", "Cổng DVC quốc gia", "dichvucong-quocgia.png", ["CỔNG DỊCH VỤ CÔNG", "QUỐC GIA"], ("#1f4e9c", "#ffffff"),
         "Cổng Dịch vụ công quốc gia", "https://dichvucong.gov.vn/", "2022-08-01 08:00"),
        ("left", "BHXH điện tử", "bhxh-dien-tu.png", ["BẢO HIỂM XÃ HỘI", "ĐIỆN TỬ"], ("#1565c0", "#ffffff"),
         "Bảo hiểm xã hội điện tử", "https://baohiemxahoi.gov.vn/", "2022-08-01 08:00"),
    ],
    "menu": [
        ("TỔNG QUAN", "page:tong-quan", []),
        ("TIN TỨC - SỰ KIỆN", "cat:tintuc", [("Hoạt động của xã", "cat:hoatdong"), ("Tin tổng hợp", "cat:tonghop")]),
        ("VĂN BẢN CHỈ ĐẠO ĐIỀU HÀNH", "cat:vbcd", []),
        ("PHỔ BIẾN PHÁP LUẬT", "cat:pbgdpl", []),
        ("DỊCH VỤ CÔNG", "url:https://dichvucong.thanhhoa.gov.vn/", []),
        ("LIÊN HỆ", "mod:contact", []),
    ],
    "footer_modules": ["gioi-thieu", "news", "contact"],
    "company": None,
    "copyright_by": "UBND xã Đồng Khê",
    "footer_html": ("<p><strong>Cơ quan chủ quản: Ủy ban nhân dân xã Đồng Khê, " + DISTRICT + "</strong></p>"
                    "<p>Chịu trách nhiệm nội dung: Ông Trịnh Văn Hùng - Chủ tịch UBND xã</p>"
                    "<p>Địa chỉ: Thôn Khê Thượng, xã Đồng Khê. Điện thoại: 0237.3864.530. "
                    "Email: ubnddongkhe@camthuy.thanhhoa.gov.vn</p>"),
}


def _side_blocks_3(b: Build) -> list[tuple]:
    return [
        ("news", "global.block_category.php", "Chuyên mục", "[LEFT]", {"config_catid": "0", "config_title_length": "0"},
         {"template": "primary"}),
        ("gioi-thieu", "global.page_list.php", "Thông tin cần biết", "[LEFT]",
         {"config_title_length": "0", "config_numrow": "5"}, {"template": "primary"}),
        ("banners", "global.banners.php", "Liên kết", "[LEFT]", {"config_idplanbanner": "2"}, {"template": "no_title"}),
        ("statistics", "global.counter.php", "Thống kê truy cập", "[LEFT]", {}, {"template": "primary"}),
        # the owner and the person responsible, in the theme's [FOOTER] row: under the content, above <footer>
        ("gioi-thieu", "global.html.php", "Thông tin cơ quan", "[FOOTER]", {"htmlcontent": b.spec["footer_html"]},
         {"template": "no_title"}),
    ]


PORTALS["cms-nukeviet-3"]["side_blocks"] = _side_blocks_3



def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("portal", choices=sorted(PORTALS))
    parser.add_argument("--base", required=True, help="the site's address, e.g. http://xa-phuclam.nukeviet.test")
    parser.add_argument("--user", default="quantri")
    parser.add_argument("--password", required=True)
    parser.add_argument("--db", required=True, help="the site's database (read only, through the mysql client)")
    parser.add_argument("--root", type=Path, help="the site's folder (only reported)")
    parser.add_argument("--mirror", action="store_true", help="mirror the portal into tests/corpus/PORTAL/ afterwards")
    parser.add_argument("--mirror-only", action="store_true", help="only mirror (the content is there already)")
    parser.add_argument("--phases", default=",".join(Build.PHASES),
                        help="what to enter, in order (default: all; a later phase alone re-runs it)")
    args = parser.parse_args(argv)
    nv = NukeViet(args.base, args.user, args.password, args.db)
    if PORTALS[args.portal].get("laws") and args.root and not (args.root / "modules/laws/version.php").is_file():
        parser.error(f"copy the laws module into {args.root} first (its modules/ and themes/ folders)")
    if not args.mirror_only:
        with tempfile.TemporaryDirectory(prefix="nukeviet-build-") as work:
            Build(args.portal, nv, Path(work)).run(tuple(p for p in args.phases.split(",") if p))
    print(f"[{args.portal}] published posts with a publish time in 2023-Q1 (Vietnam time): {quarter_posts(nv)}")
    if args.mirror or args.mirror_only:
        return mirror(args.portal, args.base)
    return 0


# 2023-01-01 00:00 and 2023-04-01 00:00 at +07:00, as Unix times (NukeViet stores publtime so)
Q1_START, Q2_START = 1672506000, 1680282000
QUARTER_SQL = ("SELECT COUNT(DISTINCT id) AS n FROM nv4_vi_news_rows WHERE status = 1 "
               f"AND publtime >= {Q1_START} AND publtime < {Q2_START}")


def quarter_posts(nv: NukeViet) -> int:
    return int(nv.sql(QUARTER_SQL)[0]["n"])


# Not mirrored: NukeViet's own code and theme files, member/search/statistics pages, the cron and captcha
# images every page embeds, author listings, the laws module's secondary listings (by issuing body,
# field, signer, search) and strings of inline JavaScript that wget takes for links.
MIRROR_REJECT = [
    r"/(themes|assets|data|vendor|install|includes|admin)/",
    r"/users/", r"/seek/", r"/statistics/", r"/print/", r"/sendmail/", r"/savefile/", r"\?download=",
    r"nv=users", r"nv=seek", r"nv=statistics", r"second=cronjobs", r"scaptcha=", r"/author/",
    r"/van-ban[a-z-]*/(area|subject|signer|search)/", r"%20\+%20",
]


def mirror(portal: str, base: str) -> int:
    """mirror.py with the sitemaps the index names (wget does not read XML for links) and, as the
    portal's error page, what NukeViet answers for an article that does not exist (its unknown
    paths are redirected to the home page, so mirror.py's own probe finds no 404 page)."""
    base = base.rstrip("/")
    index = httpx.get(base + "/sitemap.xml", timeout=60).text
    sitemaps = [urlsplit_path(u) for u in re.findall(r"<loc>([^<]+)</loc>", index)]
    reject = list(MIRROR_REJECT)
    laws = PORTALS[portal].get("laws")
    if laws:  # the register's listings by document type repeat its main list
        cats = "|".join(alias for _, alias in PORTALS[portal]["laws_data"]["cats"])
        reject.append(rf"/{laws['module']}/({cats})/")
    command = [sys.executable, str(HERE / "mirror.py"), base + "/", str(CORPUS / portal),
               *(x for r in reject for x in ("--reject-regex", r)),
               "--also", "/robots.txt", "--also", "/sitemap.xml", *(x for u in sitemaps for x in ("--also", u))]
    code = subprocess.run(command).returncode
    if code == 0:
        missing = httpx.get(base + "/" + PORTALS[portal]["cats"][-1][2] + "/khong-co-bai-viet-nay-999999.html", timeout=60)
        if missing.status_code == 404 and "html" in missing.headers.get("content-type", ""):
            (CORPUS / portal / "_404.html").write_bytes(missing.content)
            print(f"_404.html: NukeViet's answer to a missing article ({len(missing.content)} bytes)")
    return code


def urlsplit_path(url: str) -> str:
    from urllib.parse import urlsplit
    return urlsplit(url).path


if __name__ == "__main__":
    sys.exit(main())
