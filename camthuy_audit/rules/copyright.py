"""copyright: the footer states who owns the portal and who is responsible for its content.

"©" and "(c)" are folded away by :func:`fold`, so keywords that fold to almost nothing are looked for
in the raw text. A responsible keyword counts only with a name after it on the same line: the real
incomplete footer "Chịu trách nhiệm nội dung: . SĐT" does not say who is responsible.
"""

from __future__ import annotations

import unicodedata

from camthuy_audit.models import Evidence, PortalSnapshot, Verdict
from camthuy_audit.rules._base import RuleContext, RuleMeta, unknown
from camthuy_audit.rules._text import quoted
from camthuy_audit.vntext import Matcher, clean_spaces, fold

META = RuleMeta(
    id="copyright",
    kind="appendix1",
    column="Bản quyền sử dụng",
    passes="Chân trang ghi bản quyền/cơ quan chủ quản của đơn vị và họ tên người chịu trách nhiệm nội dung.",
    legal_basis="{dispatch}; Nghị định 72/2013/NĐ-CP "
                "(trang thông tin điện tử ghi tên cơ quan chủ quản và người chịu trách nhiệm)",
    how_to_fix="Ghi ở chân trang: “Bản quyền thuộc về UBND xã …” và “Chịu trách nhiệm nội dung: <họ tên, chức vụ>”.",
)

# Words after "chịu trách nhiệm" that qualify it instead of naming someone ("… nội dung chính:").
_QUALIFIERS = frozenset("noi dung chinh ve xuat ban phat hanh thong tin quan ly".split())
# Words that start a contact field: what follows them is not the responsible person's name.
_CONTACT_WORDS = frozenset({*"sdt dt dtdd tel fax email mail hotline phone mobile".split(), "e mail"})
_CONTACT_PAIRS = frozenset({("dien", "thoai"), ("di", "dong"), ("e", "mail")})
_MIN_SYMBOL_KEYWORD = 2     # keywords folding to fewer letters ("©" -> "", "(c)" -> "c") are matched raw


def footer_lines(footer: str) -> list[str]:
    return [line for line in (clean_spaces(raw) for raw in footer.split("\n")) if line]


def ownership_keyword(footer: str, keywords: list[str], abbreviations: dict[str, str]) -> str | None:
    """The ownership keyword the footer contains ("bản quyền", "©", ...), or None."""
    raw = unicodedata.normalize("NFC", footer).casefold()
    symbols = [k for k in keywords if len(fold(k)) < _MIN_SYMBOL_KEYWORD]
    found = next((k for k in symbols if k.casefold() in raw), None)
    words = [k for k in keywords if k not in symbols]
    folded = Matcher.of(words, abbreviations).find(footer)
    return found or next((k for k in words if fold(k) == folded), None)


def responsible_name(line: str, keyword: str) -> str | None:
    """The name stated after ``keyword`` (folded) on ``line``; "" when the field is there but empty;
    None when the line has no such keyword."""
    tokens = line.split()
    folded = [fold(t) for t in tokens]
    words = keyword.split()
    start = _find_words(folded, words)
    if start is None:
        return None
    rest_raw = tokens[start:]
    # The keyword may end inside a token ("nhiệm:"), so start from the token holding its last word.
    after = " ".join(rest_raw)
    colon = after.find(":")
    if colon >= 0:
        value_tokens = after[colon + 1:].split()
    else:
        value_tokens = rest_raw[len(words):]
        while value_tokens and fold(value_tokens[0]) in _QUALIFIERS:
            value_tokens = value_tokens[1:]
    name = " ".join(_name_tokens(value_tokens))
    return "" if _is_placeholder(name) else name


# Words a CMS or a clerk puts where the name should be: they name nobody.
_PLACEHOLDERS = ("dang cap nhat", "chua cap nhat", "dang duoc cap nhat", "updating", "update", "chua co",
                 "khong co", "n a", "ho ten", "ho va ten", "ten nguoi", "xxx")


def _is_placeholder(name: str) -> bool:
    folded = fold(name)
    return not folded or any(folded == p or folded.startswith(p + " ") for p in _PLACEHOLDERS)


def _find_words(folded_tokens: list[str], words: list[str]) -> int | None:
    """Index of the first token of ``words`` in the folded tokens (one token may fold to two words)."""
    flat: list[tuple[int, str]] = [(i, w) for i, token in enumerate(folded_tokens) for w in token.split()]
    for at in range(len(flat) - len(words) + 1):
        if [w for _, w in flat[at:at + len(words)]] == words:
            return flat[at][0]
    return None


def _name_tokens(tokens: list[str]) -> list[str]:
    """The tokens of a name: up to the first contact field, without numbers or bare punctuation."""
    name: list[str] = []
    for index, token in enumerate(tokens):
        word = fold(token)
        following = fold(tokens[index + 1]) if index + 1 < len(tokens) else ""
        if _starts_contact_field(word, following):
            break
        if any(ch.isalpha() for ch in word):
            name.append(token)
    return name if sum(len(fold(t).replace(" ", "")) for t in name) >= 2 else []


def _starts_contact_field(word: str, following: str) -> bool:
    first = word.split()[0] if word else ""
    return word in _CONTACT_WORDS or first in _CONTACT_WORDS or (first, following) in _CONTACT_PAIRS


def check(snapshot: PortalSnapshot, ctx: RuleContext) -> Verdict:
    lines = footer_lines(snapshot.footer_text)
    if not lines:
        return unknown(META.id, "Không nhận diện được chân trang của cổng thông tin", snapshot.final_url or snapshot.url)
    rule = ctx.rules.copyright
    owner = ownership_keyword(snapshot.footer_text, rule.ownership, ctx.rules.abbreviations)
    evidence: list[Evidence] = []
    problems: list[str] = []
    if owner:
        evidence.append(Evidence(kind="found", text=f"Chân trang có {quoted(owner)}"))
    else:
        problems.append("không ghi bản quyền/cơ quan chủ quản")
        evidence.append(Evidence(kind="missing", text="Chân trang không có: " + ", ".join(rule.ownership)))
    named, empty_line = _responsible(lines, [fold(k) for k in rule.responsible])
    if named:
        evidence.append(Evidence(kind="found", text=f"Người chịu trách nhiệm: {quoted(named)}"))
    elif empty_line:
        problems.append("bỏ trống tên người chịu trách nhiệm")
        evidence.append(Evidence(kind="missing", text=f"Dòng {quoted(empty_line)} không ghi tên người chịu trách nhiệm"))
    else:
        problems.append("không ghi người chịu trách nhiệm nội dung")
        evidence.append(Evidence(kind="missing", text="Chân trang không có: " + ", ".join(rule.responsible)))
    evidence.append(Evidence(kind="note", text="Chân trang: " + " | ".join(lines)))
    if problems:
        return Verdict(check_id=META.id, mark="o", reason="Chân trang " + "; ".join(problems), evidence=evidence)
    return Verdict(check_id=META.id, mark="x", reason="Chân trang ghi bản quyền và người chịu trách nhiệm",
                   evidence=evidence)


def _responsible(lines: list[str], keywords: list[str]) -> tuple[str, str]:
    """(the first responsible name found, the first line whose responsible field is empty)."""
    empty_line = ""
    for line in lines:
        for keyword in keywords:
            name = responsible_name(line, keyword)
            if name:
                return name, ""
            if name == "" and not empty_line:
                empty_line = line
    return "", empty_line
