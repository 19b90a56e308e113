"""What a careful reader sees of each Appendix 1 check on a served portal (test helper)."""

from __future__ import annotations

import re

from sim_html import Node, fold
from sim_walk import Portal, menu_and_side_links

from camthuy_audit.simulator.units import CHECKS

REQUIRED_MENU = (("trang chu",), ("gioi thieu", "tong quan"), ("tin tuc",), ("van ban",),
                 ("thu tuc hanh chinh", "dich vu cong"), ("lien he",))
SECTION_PATTERNS = {
    "citizen_reception_schedule": r"lich tiep cong dan",
    "legal_documents": r"van ban phap quy|qppl",
    "tourism_festivals": r"du lich",
    "law_propaganda_category": r"pho bien|pbgdpl",
    "digital_transformation_category": r"chuyen doi so",
    "agency_directory": r"danh ba",
}
FEEDBACK_TARGET = re.compile(r"gop-y|hoi-dap|phan-anh-kien-nghi|pakn")
PHONE_OR_MAIL = re.compile(r"\b0\d{2,3}[ .]?\d{3,4}[ .]?\d{3}\b|@")
RESPONSIBLE_NAMED = re.compile(r"chiu trach nhiem(?: noi dung)?\s*:\s*[a-z]")


def _menu_labels(doc: Node) -> list[str]:
    menu = doc.find("ul", cls="menu-top") or doc.find("ul", cls="nav navbar-nav")
    assert menu is not None
    labels = []
    for li in menu.direct("li"):
        entries = [li] + [sub for ul in li.direct("ul") for sub in ul.direct("li")]
        for entry in entries:
            anchor = entry.direct("a")[0]
            labels.append(fold(anchor.text() + " " + anchor.attrs.get("title", "")))
    return labels


def _side_columns(doc: Node) -> list[Node]:
    found = [doc.find(id="col-left"), doc.find(id="col-right"), doc.find("div", cls="col-sm-8 col-md-6")]
    return [n for n in found if n is not None]


def _has_items(portal: Portal, path: str, check: str) -> bool:
    response, doc = portal.page(path)
    if response.status_code != 200:
        return False
    for table in doc.find_all("table"):
        body = table.find("tbody")
        rows = [r for r in (body.find_all("tr") if body else []) if r.find("td")]
        if not rows:
            continue
        if check == "legal_documents":
            return any(a.attrs.get("href", "").endswith(".pdf") for a in body.find_all("a"))
        if check == "agency_directory":
            return any(PHONE_OR_MAIL.search(r.text()) for r in rows)
        return True
    listing = doc.find("div", cls="news-list") or doc.find("div", cls="news_column")
    return listing is not None and any(portal.is_post(portal.local(path, a.attrs.get("href", "")) or "")
                                       for a in listing.find_all("a"))


def observed_marks(portal: Portal) -> dict[str, str]:
    _, home = portal.page("/")
    marks = {}
    labels = _menu_labels(home)
    marks["main_menu"] = "x" if all(any(any(w in lab for w in group) for lab in labels)
                                    for group in REQUIRED_MENU) else "o"
    banners = [a for col in _side_columns(home) for a in col.find_all("a") if a.find("img")]
    marks["feedback_banner"] = "x" if any(FEEDBACK_TARGET.search(a.attrs.get("href", "")) for a in banners) else "o"
    links = menu_and_side_links(portal, home)
    for check, pattern in SECTION_PATTERNS.items():
        targets = {portal.local("/", href) for label, href in links if re.search(pattern, fold(label))}
        marks[check] = "x" if any(t and _has_items(portal, t, check) for t in targets) else "o"
    marks["side_banners"] = "x" if banners else "o"
    footer = home.find(id="footer") or home.find("footer")
    footer_text = fold(footer.text()) if footer else ""
    named = RESPONSIBLE_NAMED.search(footer_text)  # "Chịu trách nhiệm nội dung: . SĐT" names nobody
    marks["copyright"] = "x" if "ban quyen" in footer_text and named else "o"
    return {check: marks[check] for check in CHECKS}
