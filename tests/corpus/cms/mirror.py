"""Mirror a running CMS portal into a labelled-corpus folder (the layout ``evaluate`` serves).

    .venv/bin/python tests/corpus/cms/mirror.py http://xa-example.test/ tests/corpus/cms-example-1 \
        [--reject-regex '/themes/|/assets/'] [--level 20] [--also /robots.txt --also /sitemap.xml]

The download is wget's (recursive, one host, robots.txt ignored: it is our own test portal). Its log
says, for every request, the URL, the status, the content type, the redirect target and the file
written; each page is then placed where ``camthuy_audit.evaluate.saved_file`` looks for it:

* ``/x/`` or ``/``           -> ``x/index.html`` (``index.xml`` for XML answers: feeds, sitemaps)
* ``/x.html``, ``/x.jpg``    -> the same path
* ``/x`` (no extension)      -> ``x.html`` (``x/index.xml`` for XML), so ``/x`` and ``/x/y`` can coexist
* ``/x?QUERY``               -> ``x/__q/QUERY.html`` ("/" in the query written ``%2F``)
* redirects                  -> lines of ``_redirects``: ``FROM TO STATUS`` (same-host targets as paths)
* the portal's own 404 page  -> ``_404.html`` (one request to a path that does not exist)

Stylesheets, scripts and fonts are never kept (the CMS's code is not ours to commit); pass
``--reject-regex`` for theme folders. The folder is replaced as a whole.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

ALWAYS_REJECT = r"\.(css|js|mjs|map|woff2?|ttf|eot|otf|ico)(\?.*)?$"
_START = re.compile(r"^--\d{4}-\d\d-\d\d \d\d:\d\d:\d\d--\s+(\S+)")
_STATUS = re.compile(r"awaiting response\.\.\. (\d{3})")
_TYPE = re.compile(r"^Length: .*\[([^\]]+)\]")
_LOCATION = re.compile(r"^Location: (\S+)")
_SAVED = re.compile(r"^Saving to: ['‘`](.+)['’]$")
_EXTENSION = re.compile(r"\.[A-Za-z0-9]{1,5}$")


@dataclass
class Fetched:
    url: str
    status: int = 0
    content_type: str = ""
    location: str | None = None
    saved: str | None = None


_OCTAL = re.compile(rb"\\([0-7]{3})")


def _unescape(path: str) -> str:
    """A file name as wget logs it in the C locale (non-ASCII bytes as octal escapes)."""
    raw = _OCTAL.sub(lambda m: bytes([int(m.group(1), 8)]), path.encode("utf-8", "surrogateescape"))
    return raw.decode("utf-8", "surrogateescape")


def read_log(log: str) -> list[Fetched]:
    """Every request of a wget log (LC_ALL=C), in order."""
    fetched: list[Fetched] = []
    for line in log.splitlines():
        line = line.strip()
        if match := _START.match(line):
            fetched.append(Fetched(url=match.group(1)))
            continue
        if not fetched:
            continue
        current = fetched[-1]
        if match := _STATUS.search(line):
            current.status = int(match.group(1))
        elif match := _TYPE.match(line):
            current.content_type = match.group(1).split(";")[0].strip().lower()
        elif match := _LOCATION.match(line):
            current.location = match.group(1)
        elif match := _SAVED.match(line):
            current.saved = _unescape(match.group(1))
    return fetched


def is_xml(content_type: str) -> bool:
    return "xml" in content_type and "xhtml" not in content_type


def target_path(url: str, content_type: str) -> Path | None:
    """Where the evaluator's server looks for the answer to ``url`` (relative to the portal folder)."""
    parts = urlsplit(url)
    segments = [unquote(s) for s in parts.path.split("/") if s]
    if any(s.startswith("_") or s in (".", "..") for s in segments):
        return None  # the evaluator never serves such paths
    base = Path(*segments) if segments else Path()
    if parts.query:
        return base / "__q" / (parts.query.replace("/", "%2F") + ".html")
    if parts.path.endswith("/") or not segments:
        return base / ("index.xml" if is_xml(content_type) else "index.html")
    if _EXTENSION.search(segments[-1]):
        return base
    if is_xml(content_type):
        return base / "index.xml"
    return base.with_name(segments[-1] + ".html")


def redirect_line(item: Fetched, host: str) -> str:
    source = urlsplit(item.url)
    assert item.location is not None
    target = urlsplit(item.location)
    if not target.netloc or target.netloc == host:
        location = (target.path or "/") + (f"?{target.query}" if target.query else "")
    else:
        location = item.location
    origin = (source.path or "/") + (f"?{source.query}" if source.query else "")
    return f"{origin} {location} {item.status}"


def fetch_404(start: str) -> bytes | None:
    """The portal's own answer to a page that does not exist, when it is an HTML 404."""
    url = start.rstrip("/") + "/trang-khong-ton-tai-kiem-tra-404"
    try:
        urllib.request.urlopen(url, timeout=20)  # noqa: S310 - our own loopback test portal
    except urllib.error.HTTPError as error:
        if error.code == 404 and "html" in (error.headers.get("Content-Type") or ""):
            return error.read()
    except OSError:
        return None
    return None


def mirror(start: str, out: Path, reject: list[str], level: int, also: list[str] | None = None) -> int:
    if shutil.which("wget") is None:
        print("mirror.py needs wget (apt-get install wget)", file=sys.stderr)
        return 2
    host = urlsplit(start).netloc
    with tempfile.TemporaryDirectory(prefix="mirror-") as work:
        download = Path(work) / "download"
        # --adjust-extension: /x is saved as x.html, so that /x and /x/y do not collide on disk
        # (where each page goes in the corpus is decided from its URL below, not from wget's name).
        command = ["wget", "--recursive", f"--level={level}", "--no-host-directories", "-e", "robots=off",
                   "--adjust-extension", "--restrict-file-names=nocontrol",
                   "--directory-prefix", str(download), "--reject-regex", "|".join([ALWAYS_REJECT, *reject]),
                   "--max-redirect=5", "--tries=2", "--timeout=30", start,
                   *(start.rstrip("/") + "/" + path.lstrip("/") for path in also or [])]
        result = subprocess.run(command, capture_output=True, text=True, env={**os.environ, "LC_ALL": "C"})
        fetched = read_log(result.stderr)
        if not fetched:
            print(f"wget fetched nothing from {start}:\n{result.stderr[-2000:]}", file=sys.stderr)
            return 1
        if out.exists():
            shutil.rmtree(out)
        out.mkdir(parents=True)
        pages = skipped = 0
        redirects: list[str] = []
        for item in fetched:
            if item.location and 300 <= item.status < 400:
                redirects.append(redirect_line(item, host))
                continue
            if item.status != 200 or not item.saved:
                continue
            target = target_path(item.url, item.content_type)
            source = Path(item.saved)
            if target is None or not source.is_file():
                skipped += 1
                continue
            destination = out / target
            destination.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(source, destination)
            pages += 1
    if redirects:
        (out / "_redirects").write_text("\n".join(dict.fromkeys(redirects)) + "\n", encoding="utf-8")
    not_found = fetch_404(start)
    if not_found is not None:
        (out / "_404.html").write_bytes(not_found)
    errors = sum(1 for f in fetched if f.status >= 400)
    print(f"{start} -> {out}: {pages} files, {len(set(redirects))} redirects, {errors} error answers, "
          f"{skipped} not placeable, 404 page {'saved' if not_found else 'none'}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("start", help="the portal's home URL (http://host[:port]/)")
    parser.add_argument("out", type=Path, help="the corpus folder to (re)write, e.g. tests/corpus/cms-x-1")
    parser.add_argument("--reject-regex", action="append", default=[], help="URLs not to download (repeatable)")
    parser.add_argument("--level", type=int, default=20, help="recursion depth (default 20)")
    parser.add_argument("--also", action="append", default=[],
                        help="another path to start from, e.g. /robots.txt, /sitemap.xml, /feed/ (repeatable)")
    args = parser.parse_args(argv)
    return mirror(args.start, args.out, args.reject_regex, args.level, args.also)


if __name__ == "__main__":
    sys.exit(main())
