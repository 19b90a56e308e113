"""Where the shipped templates and default configuration are (wheel or source checkout)."""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


def _find(name: str) -> Path:
    # In a wheel they are copied into the package (_data/); in a source checkout or an editable
    # install they stay at the top of the repository, where staff edit them.
    for candidate in (_PACKAGE / "_data" / name, _PACKAGE.parent / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"thư mục {name}/ của camthuy-audit không tìm thấy (cài đặt hỏng?)")


def templates_dir() -> Path:
    return _find("templates")


def default_config_dir() -> Path:
    return _find("config")
