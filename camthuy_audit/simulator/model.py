"""The content model of one simulated portal, independent of its platform's markup."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from camthuy_audit.simulator.units import Unit
from camthuy_audit.simulator.vn import NOW


@dataclass(frozen=True)
class Image:
    """An image the portal serves; its bytes carry these real dimensions."""

    path: str
    width: int
    height: int


@dataclass(frozen=True)
class Link:
    label: str
    href: str  # a site path ("/web/..."), an absolute URL, "#" or "javascript:..."
    title: str | None = None


@dataclass
class MenuItem:
    label: str
    href: str
    title: str | None = None
    children: list[MenuItem] = field(default_factory=list)


@dataclass(frozen=True)
class Banner:
    href: str
    image: Image
    alt: str
    title: str | None = None
    new_window: bool = True


@dataclass
class SideBlock:
    """A block of a side column: kind is "banners", "links", "poll", "counter" or "weblinks"."""

    kind: str
    title: str = ""
    banners: list[Banner] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    entries: list[tuple[str, str]] = field(default_factory=list)  # poll options, counter rows (label, value)
    css: str = ""


@dataclass(eq=False)
class Post:
    id: int
    title: str
    slug: str
    category: Section
    published: datetime
    summary: str
    paragraphs: list[str]
    thumb: Image
    author: str
    views: int
    extra_categories: list[Section] = field(default_factory=list)
    path: str = ""  # assigned by the platform structure


@dataclass(frozen=True)
class Table:
    columns: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    # one (column index, href) per row, e.g. the "Tải về" column of a documents table
    links: tuple[tuple[int, str], ...] = ()


@dataclass(eq=False)
class Section:
    """A page of the portal reachable by path.

    kind: "posts" (paginated listing; "aggregate" listings show their children's posts), "article"
    (single-article category), "table" (documents, schedule, directory), "contact", "procedures",
    "feedback". An "empty" section exists but has no items.
    """

    key: str
    label: str
    path: str
    kind: str
    topic: str = ""  # title vocabulary of its posts (wording.TITLES key)
    weight: float = 0.0  # share of generated posts
    empty: bool = False
    title_attr: str | None = None
    own_posts: list[Post] = field(default_factory=list)
    listed_posts: list[Post] = field(default_factory=list)  # posts of other sections also listed here
    children: list[Section] = field(default_factory=list)
    table: Table | None = None
    article_title: str = ""
    article_paragraphs: list[str] = field(default_factory=list)

    def listing(self) -> list[Post]:
        """Posts shown by this listing, newest first (one entry per post)."""
        posts = {id(p): p for p in self.own_posts + self.listed_posts}
        for child in self.children:
            if self.kind == "aggregate":
                posts.update({id(p): p for p in child.listing()})
        return sorted(posts.values(), key=lambda p: (p.published, p.id), reverse=True)


@dataclass(eq=False)
class Site:
    """Everything one unit's portal shows; rendered per host by the platform renderer."""

    unit: Unit
    menu: list[MenuItem] = field(default_factory=list)
    sections: dict[str, Section] = field(default_factory=dict)  # path -> section
    posts: dict[str, Post] = field(default_factory=dict)  # path -> post
    images: dict[str, Image] = field(default_factory=dict)
    files: dict[str, str] = field(default_factory=dict)  # path of a .pdf -> its title
    left: list[SideBlock] = field(default_factory=list)
    right: list[SideBlock] = field(default_factory=list)
    topbar: list[Link] = field(default_factory=list)
    footer_links: list[Link] = field(default_factory=list)
    footer_lines: list[str] = field(default_factory=list)
    header_image: Image | None = None
    logo: Image | None = None
    featured: list[Post] = field(default_factory=list)
    home_blocks: list[Section] = field(default_factory=list)
    now: datetime = NOW  # the audit moment of the quarter served: nothing is published after it

    def add_image(self, image: Image) -> Image:
        self.images[image.path] = image
        return image

    def add_section(self, section: Section) -> Section:
        self.sections[section.path] = section
        return section

    def all_posts(self) -> list[Post]:
        return sorted(self.posts.values(), key=lambda p: (p.published, p.id), reverse=True)
