"""The sections and menus of a portal: which entries exist, where each section is linked.

The composition (what the main menu holds, which sections sit in a side column, which answer 404 or
are empty) is shared by both platforms; only the URL scheme differs (`Paths`).
"""

from __future__ import annotations

import random
from collections.abc import Callable, Mapping

from camthuy_audit.simulator import tables
from camthuy_audit.simulator.model import Link, MenuItem, Section, SideBlock, Site
from camthuy_audit.simulator.units import SECTION_LABELS, Unit
from camthuy_audit.simulator.vn import slugify

VOID = "javascript:void(0);"

# Share of the generated posts per post topic (relative weights).
TOPIC_WEIGHTS = {"xa": 5.0, "huyen": 2.0, "tinh": 1.2, "thongbao": 1.3, "doanthe": 1.2, "pbgdpl": 1.3,
                 "cds": 1.3, "dulich": 0.8}
SECTION_TOPICS = {"tourism": "dulich", "pbgdpl": "pbgdpl", "cds": "cds", "schedule": "lichtiep"}
# The official title, as portals put it in their menus (the label) and title attributes.
ELECTION_LABEL = "Bầu cử đại biểu Quốc hội khóa XV và đại biểu HĐND các cấp nhiệm kỳ 2021-2026"
ELECTION_TITLE = ("Bầu cử đại biểu Quốc hội khóa XV và đại biểu Hội đồng nhân dân các cấp "
                  "nhiệm kỳ 2021-2026")


class Paths:
    """URL scheme of the thanhhoa platform (Liferay-like paths)."""

    home = "/web/trang-chu"
    login = "/c/portal/login"
    pdf_dir = "/file/van-ban"

    def top(self, label: str) -> str:
        return f"{self.home}/{slugify(label)}"

    def child(self, group: str, label: str) -> str:
        return f"{self.home}/{slugify(group)}/{slugify(label)}"

    def article(self, group: str, label: str) -> str:
        return self.child(group, label)

    def docs(self, group: str, label: str) -> str:
        return self.child(group, label)


class NukeVietPaths(Paths):
    """URL scheme of NukeViet 4 with the news module as the home module."""

    home = "/"
    login = "/users/login/"
    pdf_dir = "/uploads/van-ban/2023_02"

    def top(self, label: str) -> str:
        return f"/{slugify(label)}/"

    def child(self, group: str, label: str) -> str:
        return f"/{slugify(label)}/"

    def article(self, group: str, label: str) -> str:
        return f"/{slugify(group)}/{slugify(label)}.html"

    def docs(self, group: str, label: str) -> str:
        return f"/van-ban/{slugify(label)}/"


def build_structure(site: Site, rng: random.Random, *, before: Unit | None = None,
                    sections: Mapping[str, Section] | None = None) -> None:
    """Fill the site's sections, main menu, top bar, footer links and side link block.

    A later quarter passes the unit as it was (`before`) and its sections by key: a section whose
    path and placement did not change is kept as it was (its table, its posts); only new or changed
    sections are made afresh.
    """
    paths = NukeVietPaths() if site.unit.platform == "nukeviet" else Paths()
    _Builder(site, rng, paths, before, sections or {}).build()


class _Builder:
    def __init__(self, site: Site, rng: random.Random, paths: Paths, before: Unit | None,
                 sections: Mapping[str, Section]) -> None:
        self.site, self.rng, self.paths, self.unit = site, rng, paths, site.unit
        self.before, self.previous = before, sections
        self.side_links: list[Link] = []

    def _add(self, key: str, path: str, make: Callable[[], Section]) -> Section:
        """Add the section `key` at `path`: the previous quarter's when unchanged, else a new one."""
        old = self.previous.get(key)
        unchanged = old is not None and old.path == path and (
            key not in SECTION_LABELS or (self.before is not None
                                          and self.before.sections[key] == self.unit.sections[key]))
        if old is not None and unchanged:
            old.children = []  # an aggregate's children are added again below
            return self.site.add_section(old)
        return self.site.add_section(make())

    def build(self) -> None:
        unit, paths = self.unit, self.paths
        menu = [MenuItem(unit.home_label, paths.home, title=unit.home_label)]
        if unit.about:
            menu.append(self._about_group(unit.about))
        menu.append(self._news_group())
        if unit.docs:
            menu.append(self._docs_group(unit.docs))
        if unit.procedures:
            label = unit.procedures
            section = self._add("procedures", paths.top(label), lambda: Section(
                "procedures", label, paths.top(label), "procedures", table=tables.procedures_table()))
            menu.append(MenuItem(unit.procedures, section.path))
        if unit.topics:
            group = self._topics_group(unit.topics)
            if group.children:
                menu.append(group)
        for key in SECTION_LABELS:
            placement = unit.sections[key]
            if placement.where == "top" or (placement.where == "menu" and self._group_of(key) is None):
                item = self._section_entry(key, group=None)
                if item:
                    menu.append(item)
        if unit.election:
            menu.append(self._election_entry())
        contact = self._contact_path()
        if unit.members_in_menu:
            menu.append(MenuItem("Thành viên", paths.login))
        if "menu" in unit.contact:
            menu.append(MenuItem("Liên hệ", contact))
        self.site.menu = menu
        self._side_placements()
        self._feedback_page()
        self._bars(contact)

    # -- groups -----------------------------------------------------------------------------------

    def _group_of(self, key: str) -> str | None:
        unit = self.unit
        return {"legal": unit.docs, "directory": unit.about}.get(key, unit.topics)

    def _about_group(self, label: str) -> MenuItem:
        first = "Giới thiệu" if label == "Tổng quan" else "Tổng quan"
        children = []
        for child_label, topic in ((first, "overview"), ("Lịch sử hình thành", "history"),
                                   ("Cơ cấu tổ chức", "organisation")):
            path = self.paths.article(label, child_label)

            def article(child_label: str = child_label, topic: str = topic, path: str = path) -> Section:
                return Section(f"about-{topic}", child_label, path, "article",
                               article_title=f"{child_label} {self.unit.full_place}",
                               article_paragraphs=tables.about_article(self.unit, self.rng, topic))

            section = self._add(f"about-{topic}", path, article)
            children.append(MenuItem(child_label, section.path))
        if self.unit.sections["directory"].where == "menu":
            item = self._section_entry("directory", group=label)
            if item:
                children.append(item)
        return MenuItem(label, children[0].href, children=children)

    def _news_group(self) -> MenuItem:
        label = self.unit.news
        group = self._add("news", self.paths.top(label),
                          lambda: Section("news", label, self.paths.top(label), "aggregate"))
        children = []
        for child_label, topic in self.unit.news_cats:
            path = self.paths.child(label, child_label)

            def category(child_label: str = child_label, topic: str = topic, path: str = path) -> Section:
                return Section(f"news-{topic}", child_label, path, "posts", topic=topic, weight=TOPIC_WEIGHTS[topic])

            section = self._add(f"news-{topic}", path, category)
            group.children.append(section)
            children.append(MenuItem(child_label, section.path))
        return MenuItem(label, group.path, children=children)

    def _docs_group(self, label: str) -> MenuItem:
        children = []
        if self.unit.sections["legal"].where == "menu":
            item = self._section_entry("legal", group=label)
            if item:
                children.append(item)
        directive = "Văn bản chỉ đạo điều hành"

        def make() -> Section:
            table, files = tables.directive_table(self.unit, self.rng, self.paths.pdf_dir)
            self.site.files.update(files)
            return Section("directive", directive, self.paths.docs(label, directive), "table", table=table)

        section = self._add("directive", self.paths.docs(label, directive), make)
        children.append(MenuItem(directive, section.path))
        first_ok = children[0].href in self.site.sections
        return MenuItem(label, children[0].href if first_ok else VOID, children=children)

    def _topics_group(self, label: str) -> MenuItem:
        children = []
        for key in ("pbgdpl", "cds", "tourism", "schedule"):
            if self.unit.sections[key].where == "menu":
                item = self._section_entry(key, group=label)
                if item:
                    children.append(item)
        return MenuItem(label, VOID if self.unit.seed % 2 else "#", children=children)

    # -- sections ---------------------------------------------------------------------------------

    def _section_entry(self, key: str, group: str | None) -> MenuItem | None:
        """Create the section (unless it answers 404) and return the link to it."""
        placement = self.unit.sections[key]
        if placement.where == "none":
            return None
        label = placement.label or SECTION_LABELS[key]
        if group is None:
            path = self.paths.top(label)
        elif key == "legal":
            path = self.paths.docs(group, label)
        elif key == "directory":
            path = self.paths.article(group, label)
        else:
            path = self.paths.child(group, label)
        if placement.state != "missing":
            self._add(key, path, lambda: self._make_section(key, label, path, empty=placement.state == "empty"))
        return MenuItem(label, path)

    def _make_section(self, key: str, label: str, path: str, *, empty: bool) -> Section:
        unit, rng = self.unit, self.rng
        if key == "legal":
            table, files = tables.legal_table(unit, rng, self.paths.pdf_dir, empty=empty)
            self.site.files.update(files)
            return Section(key, label, path, "table", table=table, empty=empty)
        if key == "directory":
            return Section(key, label, path, "table", table=tables.directory_table(unit, rng), empty=empty)
        if key == "schedule" and unit.sections[key].style == "table" and not empty:
            return Section(key, label, path, "table", table=tables.schedule_table(unit, rng, self.site.now))
        topic = SECTION_TOPICS[key]
        weight = 0.0 if empty or topic == "lichtiep" else TOPIC_WEIGHTS[topic]
        return Section(key, label, path, "posts", topic=topic, weight=weight, empty=empty)

    def _side_placements(self) -> None:
        for key in SECTION_LABELS:
            if self.unit.sections[key].where == "side":
                item = self._section_entry(key, group=None)
                if item:
                    self.side_links.append(Link(item.label, item.href))
        if self.side_links:
            title = "Liên kết nhanh" if self.unit.seed % 2 else "Chuyên mục"
            self.site.left.append(SideBlock("links", title, links=self.side_links, css="block-links"))

    def _election_entry(self) -> MenuItem:
        section = self._add("election", self.paths.top(ELECTION_LABEL), lambda: Section(
            "election", ELECTION_LABEL, self.paths.top(ELECTION_LABEL), "posts", topic="baucu",
            title_attr=ELECTION_TITLE))
        return MenuItem(ELECTION_LABEL, section.path, title=ELECTION_TITLE)

    # -- pages outside the menu -------------------------------------------------------------------

    def _contact_path(self) -> str:
        path = self.paths.top("Liên hệ")
        if self.unit.contact:
            self._add("contact", path, lambda: Section("contact", "Liên hệ", path, "contact"))
        return path

    def _feedback_page(self) -> None:
        feedback = self.unit.feedback
        slug = feedback.split(":", 1)[1] if feedback.startswith("own:") else "gop-y"
        if feedback.startswith("own:") or feedback == "footer-text":
            label = "Hỏi đáp" if slug == "hoi-dap" else "Góp ý"
            self._add("feedback", self.paths.top(label),
                      lambda: Section("feedback", label, self.paths.top(label), "feedback"))

    def _bars(self, contact: str) -> None:
        unit = self.unit
        top = [Link("Trang chủ", self.paths.home)]
        if "topbar" in unit.contact:
            top.append(Link("Liên hệ", contact))
        self._add("login", self.paths.login, lambda: Section("login", "Đăng nhập", self.paths.login, "login"))
        top.append(Link("Đăng nhập", self.paths.login))
        self.site.topbar = top
        footer = [Link("Trang chủ", self.paths.home)]
        if "footer" in unit.contact:
            footer.append(Link("Liên hệ", contact))
        if unit.feedback == "footer-text":
            footer.append(Link("Góp ý", self.paths.top("Góp ý")))
        self.site.footer_links = footer
