"""Configuration loading: extends, defaults, and errors that name the file and the field."""

from __future__ import annotations

from pathlib import Path

import pytest

from camthuy_audit.config import ConfigError, load_config, rules_only_config

ROOT = Path(__file__).resolve().parent.parent


def test_the_shipped_configs_load() -> None:
    district = load_config(ROOT / "config" / "district.toml")
    demo = load_config(ROOT / "config" / "demo.toml")
    assert [u.id for u in district.units] == [u.id for u in demo.units]
    assert len(district.units) == 17 and not district.resolve
    assert demo.resolve["thitran.camthuy.thanhhoa.gov.vn"].startswith("127.0.0.1:")
    assert district.find_unit("phongson").aliases == ["http://thitran.camthuy.thanhhoa.gov.vn/"]  # type: ignore[union-attr]
    assert rules_only_config().rules.few_posts_threshold == 30


def test_extends_from_another_folder_keeps_the_base_files(tmp_path: Path) -> None:
    other = tmp_path / "mine.toml"
    other.write_text(f'extends = "{(ROOT / "config" / "district.toml").as_posix()}"\n'
                     '[resolve]\n"camvan.camthuy.thanhhoa.gov.vn" = "127.0.0.1:9"\n', encoding="utf-8")
    config = load_config(other)
    assert config.rules.few_posts_threshold == 30 and len(config.units) == 17


def test_a_misspelled_key_and_a_bad_url_are_named(tmp_path: Path) -> None:
    text = (ROOT / "config" / "district.toml").read_text(encoding="utf-8")
    text = text.replace('url = "https://camvan.camthuy.thanhhoa.gov.vn/"', 'url = "camvan.camthuy"', 1)
    text = text.replace('name = "UBND xã Cẩm Giang"', 'nmae = "UBND xã Cẩm Giang"', 1)
    broken = tmp_path / "district.toml"
    broken.write_text(text, encoding="utf-8")
    (tmp_path / "rules.toml").write_text((ROOT / "config" / "rules.toml").read_text(encoding="utf-8"),
                                         encoding="utf-8")
    with pytest.raises(ConfigError) as caught:
        load_config(broken)
    message = str(caught.value)
    assert str(broken) in message
    assert "url" in message and "camvan.camthuy" in message
    assert "nmae" in message


def test_invalid_toml_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "district.toml"
    bad.write_text("[issuer\nname = 1", encoding="utf-8")
    with pytest.raises(ConfigError, match="district.toml"):
        load_config(bad)
