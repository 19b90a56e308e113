"""Configuration mistakes: exit 2 with the file and the key named; `config check` reports them all."""

from __future__ import annotations

from pathlib import Path

from .helpers import CONFIG_DIR, district_text_with, toml_string

MISSPELLED = {'name = "UBND xã Cẩm Giang"': 'nmae = "UBND xã Cẩm Giang"'}
BAD_URL = {'url = "https://camquy.camthuy.thanhhoa.gov.vn/"': 'url = "htps://camquy camthuy"'}


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def test_misspelled_key_exits_2_naming_file_and_key(camthuy, tmp_path: Path) -> None:
    config = write(tmp_path, "district.toml", district_text_with(MISSPELLED))
    result = camthuy("check", "camngoc", "--config", str(config), "--quarter", "2023-Q1")
    assert result.code == 2
    assert str(config) in result.err
    assert "nmae" in result.err and "“name”" in result.err  # the misspelling and the key it should be
    assert 'units[2] (id = "camgiang")' in result.err
    assert "config check" in result.err
    assert "Traceback" not in result.err
    assert result.out == ""


def test_bad_url_in_config_exits_2(camthuy, tmp_path: Path) -> None:
    config = write(tmp_path, "district.toml", district_text_with(BAD_URL))
    result = camthuy("run", "--config", str(config), "--quarter", "2023-Q1", "--out", str(tmp_path / "r"))
    assert result.code == 2
    assert str(config) in result.err
    assert 'units[4] (id = "camquy").url' in result.err
    assert "htps://camquy camthuy" in result.err
    assert not (tmp_path / "r").exists()


def test_bad_url_argument_exits_2(camthuy) -> None:
    for bad in ("htp://camngoc.gov.vn/", "http://", "http://cam ngoc.gov.vn/", "http://host:99999/"):
        result = camthuy("check", bad, "--quarter", "2023-Q1")
        assert result.code == 2, bad
        assert "địa chỉ không hợp lệ" in result.err
        assert "Traceback" not in result.err


def test_bad_quarter_exits_2(camthuy) -> None:
    result = camthuy("check", "http://127.0.0.1:9/", "--quarter", "2023-Q5")
    assert result.code == 2
    assert "--quarter" in result.err


def test_missing_config_file_exits_2(camthuy, tmp_path: Path) -> None:
    result = camthuy("units", "--config", str(tmp_path / "nothing.toml"))
    assert result.code == 2
    assert "nothing.toml" in result.err


def test_config_check_reports_three_mistakes_in_three_files_at_once(camthuy, tmp_path: Path) -> None:
    rules = (CONFIG_DIR / "rules.toml").read_text(encoding="utf-8")
    assert "few_posts_threshold = 30" in rules
    write(tmp_path, "rules.toml", rules.replace("few_posts_threshold = 30", "few_post_threshold = 30", 1))
    write(tmp_path, "overrides.toml", '[[overrides]]\nunit = "camngok"\ncheck = "main_menu"\nquarter = "2023-Q1"\nmark = "x"\n'
                                      'reason = "đã kiểm tra thủ công"\nby = "Nguyễn Văn A"\n')
    district = district_text_with(MISSPELLED)
    district = district.replace(f"rules = {toml_string(str(CONFIG_DIR / 'rules.toml'))}", 'rules = "rules.toml"')
    district = district.replace(f"overrides = {toml_string(str(CONFIG_DIR / 'overrides.toml'))}",
                                'overrides = "overrides.toml"')
    config = write(tmp_path, "district.toml", district)

    result = camthuy("config", "check", "--config", str(config))
    assert result.code == 2
    out = result.out
    assert "3 lỗi trong 3 tệp" in out
    assert str(tmp_path / "district.toml") in out and "nmae" in out
    assert str(tmp_path / "rules.toml") in out and "few_post_threshold" in out and "few_posts_threshold" in out
    assert str(tmp_path / "overrides.toml") in out and "camngok" in out


def test_config_check_reports_every_problem_of_one_file(camthuy, tmp_path: Path) -> None:
    config = write(tmp_path, "district.toml", district_text_with({**MISSPELLED, **BAD_URL}))
    result = camthuy("config", "check", "--config", str(config))
    assert result.code == 2
    assert "nmae" in result.out and "htps://camquy camthuy" in result.out


def test_config_check_of_an_unknown_check_in_overrides(camthuy, tmp_path: Path) -> None:
    write(tmp_path, "overrides.toml", '[[overrides]]\nunit = "camngoc"\ncheck = "main_menuu"\nquarter = "2023-Q1"\nmark = "x"\n'
                                      'reason = "r"\nby = "b"\n')
    district = district_text_with({}).replace(
        f"overrides = {toml_string(str(CONFIG_DIR / 'overrides.toml'))}", 'overrides = "overrides.toml"')
    config = write(tmp_path, "district.toml", district)
    result = camthuy("config", "check", "--config", str(config))
    assert result.code == 2
    assert "overrides[1].check" in result.out and "main_menuu" in result.out


def test_config_check_of_the_shipped_configs_passes(camthuy) -> None:
    for name in ("district.toml", "demo.toml"):
        result = camthuy("config", "check", "--config", str(CONFIG_DIR / name))
        assert result.code == 0, result.out
        assert "Cấu hình hợp lệ" in result.out
        assert "17 đơn vị" in result.out


def test_config_check_rejects_an_override_without_a_quarter_saying_why(camthuy, tmp_path: Path) -> None:
    write(tmp_path, "overrides.toml", '[[overrides]]\nunit = "camngoc"\ncheck = "main_menu"\nmark = "x"\n'
                                      'reason = "đã kiểm tra thủ công"\nby = "Nguyễn Văn A"\n'
                                      '[[exclusions]]\nunit = "camngok"\nquarter = "2023-Q1"\nreason = "sáp nhập"\n'
                                      'by = "Nguyễn Văn A"\n')
    district = district_text_with({}).replace(
        f"overrides = {toml_string(str(CONFIG_DIR / 'overrides.toml'))}", 'overrides = "overrides.toml"')
    config = write(tmp_path, "district.toml", district)
    result = camthuy("config", "check", "--config", str(config))
    assert result.code == 2
    out = " ".join(result.out.split())
    assert "overrides[1]: thiếu 'quarter'" in out and "chỉ áp dụng cho quý đã ghi" in out


def test_config_check_reports_duplicates_with_every_other_mistake_in_vietnamese(camthuy, tmp_path: Path) -> None:
    text = district_text_with({**MISSPELLED, 'id = "camthanh"': 'id = "camvan"',
                               "max_pages = 1000": 'max_pages = "nhiều"', "max_portals = 50": "max_portals = 0"})
    config = write(tmp_path, "district.toml", text)
    result = camthuy("config", "check", "--config", str(config))
    assert result.code == 2
    out = " ".join(result.out.split())
    assert "nmae" in out                                                   # a misspelled key
    assert "mã đơn vị 'camvan' trùng với units[1]" in out                  # the duplicate, reported with it
    assert "crawl.max_pages: phải là số nguyên" in out
    assert "crawl.max_portals: phải lớn hơn hoặc bằng 1" in out
    for english in ("Input should", "Field required", "Extra inputs", "greater than"):
        assert english not in out


def test_a_mistake_in_an_extended_file_is_blamed_on_that_file(camthuy, tmp_path: Path) -> None:
    base = write(tmp_path, "district.toml", district_text_with(BAD_URL))
    top = write(tmp_path, "demo.toml", 'extends = "district.toml"\n\n[crawl]\nmax_redirects = 99\n\n'
                                       '[resolve]\n"camvan.camthuy.thanhhoa.gov.vn" = "127.0.0.1:70000"\n'
                                       '"nowhere.example.org" = "127.0.0.1:18101"\n')
    result = camthuy("config", "check", "--config", str(top))
    assert result.code == 2
    out = " ".join(result.out.split())
    base_at, top_at = out.find(str(base)), out.find(str(top))
    assert base_at >= 0 and top_at >= 0
    base_part = out[base_at:top_at] if base_at < top_at else out[base_at:]
    top_part = out[top_at:base_at] if top_at < base_at else out[top_at:]
    assert "htps://camquy camthuy" in base_part and "htps://" not in top_part
    assert "crawl.max_redirects" in top_part and "cổng 70000 ngoài khoảng 1–65535" in top_part
    assert "'nowhere.example.org' không phải tên máy của đơn vị nào" in top_part


def test_an_override_needs_a_reason_and_an_author(camthuy, tmp_path: Path) -> None:
    write(tmp_path, "overrides.toml", '[[overrides]]\nunit = "camngoc"\ncheck = "main_menu"\nquarter = "2023-Q1"\n'
                                      'mark = "x"\nreason = ""\nby = "  "\n')
    district = district_text_with({}).replace(
        f"overrides = {toml_string(str(CONFIG_DIR / 'overrides.toml'))}", 'overrides = "overrides.toml"')
    config = write(tmp_path, "district.toml", district)
    result = camthuy("config", "check", "--config", str(config))
    assert result.code == 2
    out = " ".join(result.out.split())
    assert "overrides[1].reason: không được để trống" in out and "overrides[1].by: không được để trống" in out
