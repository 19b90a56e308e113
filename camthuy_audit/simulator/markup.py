"""Small HTML helpers shared by the platform renderers."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from html import escape

from camthuy_audit.simulator.model import Image, Site, Table


def esc(text: str) -> str:
    return escape(text, quote=True)


@dataclass(frozen=True)
class Ctx:
    """What a page is rendered for: the site and the host name/scheme it is served under."""

    site: Site
    host: str
    scheme: str

    def absolute(self, path: str) -> str:
        return f"{self.scheme}://{self.host}{path}"

    def href(self, target: str, *, absolute: bool | None = None) -> str:
        """A site path as this portal writes it (absolute or relative); other targets unchanged."""
        use_absolute = self.site.unit.absolute_links if absolute is None else absolute
        if target.startswith("/") and use_absolute:
            return self.absolute(target)
        return target

    def legacy_absolute(self, path: str) -> str:
        """An absolute URL on the unit's last host name (Phong Sơn's old http host), else this one."""
        scheme, host = self.site.unit.hosts[-1]
        return f"{scheme}://{host}{path}"


@dataclass(frozen=True)
class Rendered:
    """A rendered page: body, status, content type and its modification time."""

    body: str
    modified: datetime
    status: int = 200
    content_type: str = "text/html; charset=utf-8"


def img(ctx: Ctx, image: Image, alt: str, *, css: str = "", title: str | None = None,
        dims: bool | None = None) -> str:
    show = ctx.site.unit.img_dims if dims is None else dims
    parts = [f'<img src="{esc(ctx.href(image.path))}" alt="{esc(alt)}"']
    if title:
        parts.append(f' title="{esc(title)}"')
    if css:
        parts.append(f' class="{css}"')
    if show:
        parts.append(f' width="{image.width}" height="{image.height}"')
    return "".join(parts) + ">"


def table_html(ctx: Ctx, table: Table, css: str, *, empty_note: str = "") -> str:
    head = "".join(f"<th>{esc(c)}</th>" for c in table.columns)
    rows = []
    for number, row in enumerate(table.rows):
        link_column, href = table.links[number] if table.links else (-1, "")
        cells = []
        for index, value in enumerate(row):
            if index == link_column:
                extra = ' target="_blank"' if href.endswith(".pdf") else ""
                cells.append(f'<td><a href="{esc(ctx.href(href))}"{extra}>{esc(value)}</a></td>')
            else:
                cells.append(f"<td>{esc(value)}</td>")
        rows.append("<tr>" + "".join(cells) + "</tr>")
    if not rows and empty_note:
        rows.append(f'<tr><td colspan="{len(table.columns)}" class="text-center">{esc(empty_note)}</td></tr>')
    body = "\n".join(rows)
    return f'<table class="{css}">\n<thead><tr>{head}</tr></thead>\n<tbody>\n{body}\n</tbody>\n</table>'
