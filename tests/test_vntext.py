"""Vietnamese text handling: folding, matching, dates (Vietnam local time), contacts."""

from __future__ import annotations

import unicodedata
from datetime import datetime

import pytest

from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.vntext import Matcher, find_emails, find_phones, fold, parse_datetime, years_in


@pytest.mark.parametrize("text", ["Chuyển đổi số", "CHUYỂN ĐỔI SỐ", "Chuyen doi so", "chuyển-đổi-số!",
                                  unicodedata.normalize("NFD", "Chuyển đổi số")])
def test_fold_ignores_case_diacritics_and_unicode_form(text: str) -> None:
    assert fold(text) == "chuyen doi so"


def test_fold_maps_d_stroke() -> None:
    assert fold("Đảng ủy, ĐOÀN THANH NIÊN") == "dang uy doan thanh nien"


def test_matcher_expands_abbreviations_and_reads_slugs() -> None:
    matcher = Matcher.of(["chuyển đổi số"], {"CĐS": "chuyển đổi số"})
    assert matcher.find("Chuyên mục CĐS")
    assert matcher.find_in_url("https://x.gov.vn/web/trang-chu/chuyen-doi-so")
    assert matcher.find_in_url("https://x.gov.vn/chuyendoiso/")
    assert matcher.find("Chuyển đổi") is None
    assert Matcher.of(["du lịch"]).find("Du lịch - Lễ hội") == "du lich"
    assert Matcher.of(["lễ hội"]).find("Hội nghị lễ") is None  # whole words only


@pytest.mark.parametrize(("text", "expected"), [
    ("Ngày 02/04/2022 09:25:31", datetime(2022, 4, 2, 9, 25, 31)),
    ("Đăng lúc: 02/04/2022 09:25:31 (GMT+7)", datetime(2022, 4, 2, 9, 25, 31)),
    ("Thứ tư - 28/04/2021 05:21", datetime(2021, 4, 28, 5, 21)),
    ("Thứ Hai, 02/01/2023 08:30", datetime(2023, 1, 2, 8, 30)),
    ("02-01-2023", datetime(2023, 1, 2)),
    ("ngày 2 tháng 1 năm 2023", datetime(2023, 1, 2)),
    ("Đăng ngày 04 - 12 - 2012", datetime(2012, 12, 4)),
    ("30/03/2021 | 12:00 PM", datetime(2021, 3, 30, 12, 0)),
    ("Ngày đăng: 21/01/2021 - Lượt xem: 87", datetime(2021, 1, 21)),
])
def test_vietnamese_date_formats(text: str, expected: datetime) -> None:
    assert parse_datetime(text) == expected.replace(tzinfo=VN_TZ)


def test_other_offsets_are_converted_before_the_day_is_taken() -> None:
    moment = parse_datetime("2023-03-31T17:15:00Z")
    assert moment is not None and moment.date().isoformat() == "2023-04-01"
    assert moment not in Quarter.parse("2023-Q1")
    assert parse_datetime("2023-03-31T23:50:00+07:00") in Quarter.parse("2023-Q1")


def test_invalid_dates_are_ignored() -> None:
    assert parse_datetime("31/02/2023") is None
    assert parse_datetime("Lượt xem: 1234") is None


def test_years_but_not_upload_folders() -> None:
    assert years_in("Kỷ niệm 40 năm Ngày Nhà giáo Việt Nam 20/11/1982 - 20/11/2022") == [1982, 2022]
    assert years_in("/uploads/2022/10/banner.png") == []


def test_phones_and_emails() -> None:
    text = "ĐT: 0237.3876.123 - (0237) 3 876 124 - DĐ 0912 345 678; email: ubndxa@thanhhoa.gov.vn"
    assert find_phones(text) == ["0237.3876.123", "(0237) 3 876 124", "0912 345 678"]
    assert find_emails(text) == ["ubndxa@thanhhoa.gov.vn"]
    assert find_phones("Lượt truy cập: 1234567") == []
