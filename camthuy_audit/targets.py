"""Which unit a command means: a unit id, a unit name (accents optional), or a portal URL."""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from camthuy_audit.config import Config, Unit, load_config, rules_only_config
from camthuy_audit.vntext import fold

DEFAULT_CONFIG = Path("config/district.toml")
_ORGAN = re.compile(r"^(ubnd|uy ban nhan dan)\s+")      # folded "UBND" / "Ủy ban nhân dân"
_KIND = re.compile(r"^(xa|phuong|thi tran)\s+")         # folded "xã" / "phường" / "thị trấn"


class UsageError(Exception):
    """A mistake in the command line or the configuration: exit 2 with the message."""


def config_path(path: str | None) -> Path:
    """``path`` (default config/district.toml) if that file exists; UsageError otherwise."""
    chosen = Path(path) if path else DEFAULT_CONFIG
    if not chosen.is_file():
        raise UsageError(f"không tìm thấy tệp cấu hình {chosen} (chỉ định bằng --config TỆP)")
    return chosen


def load(path: str | None) -> Config:
    """The configuration in ``path`` (default config/district.toml); UsageError if there is no such file."""
    return load_config(config_path(path))


@dataclass(frozen=True)
class CheckTarget:
    config: Config
    unit: Unit
    configured: bool   # a unit of the configuration (not an ad-hoc URL)


def _looks_like_url(text: str) -> bool:
    return "://" in text or (" " not in text.strip() and "." in text and not text.endswith(".toml"))


def _as_url(text: str) -> str:
    text = text.strip()
    url = text if "://" in text else f"https://{text}"
    if any(ch.isspace() for ch in url):
        raise UsageError(f"địa chỉ không hợp lệ: {text!r} (có khoảng trắng)")
    parts = urlsplit(url)
    try:
        parts.port  # noqa: B018 - raises ValueError on a bad port
    except ValueError:
        raise UsageError(f"địa chỉ không hợp lệ: {text!r} (cổng không hợp lệ)") from None
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise UsageError(f"địa chỉ không hợp lệ: {text!r} (cần dạng https://ten-mien.gov.vn/)")
    return url if parts.path else url + "/"


def unit_keys(unit: Unit) -> set[str]:
    """The folded forms a clerk may type for a unit: id, full name, name without "UBND" / "xã"."""
    name = fold(unit.name)
    without_organ = _ORGAN.sub("", name)
    variants = {fold(unit.id), name, without_organ, _KIND.sub("", without_organ)}
    return {v for v in variants if v} | {v.replace(" ", "") for v in variants if v}


def find_unit(units: Sequence[Unit], text: str, source: object = "cấu hình") -> Unit:
    """The unit named by ``text``: its id, or its name with or without accents, "UBND" or "xã".

    A unique beginning of a name also works ("cam ng"); UsageError lists the candidates otherwise.
    """
    query = fold(text)
    if not query:
        raise UsageError("chưa cho biết đơn vị cần kiểm tra (mã, tên hoặc địa chỉ URL)")
    keys = {unit.id: unit_keys(unit) for unit in units}
    exact = [u for u in units if query in keys[u.id] or query.replace(" ", "") in keys[u.id]]
    if len(exact) == 1:
        return exact[0]
    candidates = exact or [u for u in units if any(k.startswith(query) for k in keys[u.id])]
    if len(candidates) == 1:
        return candidates[0]
    if candidates:
        listed = ", ".join(f"{u.name} ({u.id})" for u in candidates)
        raise UsageError(f"{text!r} có thể là nhiều đơn vị: {listed}. Hãy dùng mã đơn vị.")
    names = {key: u for u in units for key in keys[u.id]}
    close = difflib.get_close_matches(query, list(names), n=3, cutoff=0.75)
    suggestion = ""
    if close:
        suggested = list(dict.fromkeys(f"{names[k].name} ({names[k].id})" for k in close))
        suggestion = f" Có phải: {', '.join(suggested)}?"
    raise UsageError(f"không có đơn vị {text!r} trong {source}.{suggestion} "
                     "Xem danh sách: camthuy-audit units --config TỆP")


def _unit_of_url(units: Sequence[Unit], url: str) -> Unit | None:
    host = (urlsplit(url).hostname or "").lower()
    return next((u for u in units if host in {h.lower() for h in u.hosts}), None)


def check_target(target: str, config_path: str | None) -> CheckTarget:
    """The configuration and the unit ``check`` audits (a URL needs no configuration)."""
    if _looks_like_url(target):
        url = _as_url(target)
        config = load(config_path) if config_path else rules_only_config()
        unit = _unit_of_url(config.units, url)
        if unit is not None:
            return CheckTarget(config, unit, configured=True)
        return CheckTarget(config, Unit(id="portal", name=urlsplit(url).hostname or url, url=url), configured=False)
    if not config_path and not DEFAULT_CONFIG.is_file():
        raise UsageError(f"không tìm thấy tệp cấu hình {DEFAULT_CONFIG} để tìm đơn vị {target!r}: "
                         "chỉ định bằng --config TỆP, hoặc kiểm tra bằng địa chỉ URL")
    config = load(config_path)
    return CheckTarget(config, find_unit(config.units, target, config.path), configured=True)
