"""One portal as an HTTP application: routing, conditional requests, robots.txt, binary resources."""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import format_datetime, parsedate_to_datetime
from urllib.parse import parse_qsl, unquote, urlsplit

from camthuy_audit.simulator import binary, fragments, nukeviet_pages, thanhhoa_pages
from camthuy_audit.simulator.markup import Ctx, Rendered
from camthuy_audit.simulator.model import Site


@dataclass(frozen=True)
class Response:
    status: int
    headers: tuple[tuple[str, str], ...]
    body: bytes  # empty for HEAD and 304; Content-Length still tells the full size for HEAD


@dataclass(frozen=True)
class _Entity:
    status: int
    body: bytes
    content_type: str
    modified: datetime

    @property
    def etag(self) -> str:
        return '"' + hashlib.sha1(self.body).hexdigest()[:20] + '"'


class PortalApp:
    """Serves one host name of a unit's portal."""

    def __init__(self, site: Site, host: str, scheme: str, *, cache_limit: int = 5000) -> None:
        """`cache_limit`: answers kept rendered (the first ones asked); 0 renders every request."""
        self.site = site
        self.cache_limit = cache_limit
        self.ctx = Ctx(site, host, scheme)
        self.nukeviet = site.unit.platform == "nukeviet"
        self.server_header = "nginx" if self.nukeviet else "Microsoft-IIS/10.0"
        self._pages = nukeviet_pages if self.nukeviet else thanhhoa_pages
        self._cache: dict[tuple[str, str], _Entity] = {}
        self._lock = threading.Lock()

    def handle(self, method: str, target: str, headers: dict[str, str]) -> Response:
        split = urlsplit(target)
        path = unquote(split.path) or "/"
        query = dict(parse_qsl(split.query))
        key = (path, query.get("page", ""))
        with self._lock:
            entity = self._cache.get(key)
        if entity is None:
            entity = self._entity(path, query)
            with self._lock:
                if len(self._cache) < self.cache_limit:
                    self._cache[key] = entity
        return self._respond(method, entity, headers)

    def _entity(self, path: str, query: dict[str, str]) -> _Entity:
        if path == "/robots.txt":
            return _Entity(200, self._robots().encode(), "text/plain; charset=utf-8", fragments.STATIC_MODIFIED)
        if path == "/favicon.ico":
            return _Entity(200, binary.favicon(), "image/x-icon", fragments.STATIC_MODIFIED)
        image = self.site.images.get(path)
        if image is not None:
            data, kind = binary.image(path, image.width, image.height)
            return _Entity(200, data, kind, fragments.STATIC_MODIFIED)
        title = self.site.files.get(path)
        if title is not None:
            return _Entity(200, binary.pdf(title), "application/pdf", fragments.STATIC_MODIFIED)
        asset = binary.static_asset(path)
        if asset is not None:
            return _Entity(200, asset[0], asset[1], fragments.STATIC_MODIFIED)
        if not self.nukeviet and len(path) > 1:
            path = path.rstrip("/")
        rendered = self._pages.render(self.ctx, path, query) or self._pages.not_found(self.ctx)
        return self._from_rendered(rendered)

    @staticmethod
    def _from_rendered(rendered: Rendered) -> _Entity:
        return _Entity(rendered.status, rendered.body.encode("utf-8"), rendered.content_type, rendered.modified)

    def _robots(self) -> str:
        lines = ["User-agent: *", "Disallow: /admin/"]
        if self.nukeviet:
            lines.append(f"Sitemap: {self.ctx.absolute('/sitemap.xml')}")
        return "\n".join(lines) + "\n"

    def _respond(self, method: str, entity: _Entity, headers: dict[str, str]) -> Response:
        last_modified = format_datetime(entity.modified.astimezone(UTC), usegmt=True)
        common = [("ETag", entity.etag), ("Last-Modified", last_modified)]
        if self.nukeviet:
            common.append(("X-Powered-By", "PHP/7.4.33"))
        else:
            common.append(("X-Powered-By", "ASP.NET"))
        if entity.status == 200 and _not_modified(entity, headers):
            return Response(304, tuple(common), b"")
        all_headers = [("Content-Type", entity.content_type), ("Content-Length", str(len(entity.body))),
                       ("Cache-Control", "private, max-age=0"), *common]
        return Response(entity.status, tuple(all_headers), b"" if method == "HEAD" else entity.body)


def _not_modified(entity: _Entity, headers: dict[str, str]) -> bool:
    if_none_match = headers.get("if-none-match")
    if if_none_match is not None:
        tags = {tag.strip().removeprefix("W/") for tag in if_none_match.split(",")}
        return "*" in tags or entity.etag in tags
    since = headers.get("if-modified-since")
    if since:
        try:
            stamp = parsedate_to_datetime(since)
        except (TypeError, ValueError):
            return False
        if stamp.tzinfo is None:
            stamp = stamp.replace(tzinfo=UTC)
        return entity.modified.replace(microsecond=0) <= stamp
    return False
