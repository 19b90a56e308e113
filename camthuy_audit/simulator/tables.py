"""Non-post content of a portal: document tables, schedules, directories, single articles."""

from __future__ import annotations

import random
from datetime import datetime, timedelta

from camthuy_audit.simulator import wording
from camthuy_audit.simulator.model import Table
from camthuy_audit.simulator.units import Unit
from camthuy_audit.simulator.vn import VN_TZ, capitalize, fmt_date, slugify

LEGAL_COLUMNS = ("STT", "Số ký hiệu", "Ngày ban hành", "Trích yếu", "Tải về")
SCHEDULE_COLUMNS = ("Tháng", "Người tiếp công dân", "Chức vụ", "Ngày tiếp")
DIRECTORY_COLUMNS = ("STT", "Cơ quan, đơn vị", "Họ và tên", "Chức vụ", "Điện thoại", "Email")

_LEGAL_DOCS = (
    ("{n}/2022/QĐ-UBND", "Quyết định của UBND tỉnh Thanh Hóa ban hành Quy định về quản lý, sử dụng tài sản công"),
    ("{n}/2022/NQ-HĐND", "Nghị quyết của HĐND tỉnh quy định mức thu, chế độ thu, nộp lệ phí đăng ký cư trú"),
    ("{n}/2023/QĐ-UBND", "Quyết định ban hành Quy chế phối hợp trong công tác phổ biến, giáo dục pháp luật"),
    ("{n}/NQ-HĐND", "Nghị quyết của HĐND {unit} về dự toán thu, chi ngân sách năm 2023"),
    ("{n}/QĐ-UBND", "Quyết định ban hành Quy chế làm việc của UBND {unit} nhiệm kỳ 2021 - 2026"),
    ("{n}/2022/QĐ-UBND", "Quyết định ban hành bảng giá đất điều chỉnh trên địa bàn tỉnh Thanh Hóa"),
    ("{n}/NQ-HĐND", "Nghị quyết của HĐND {unit} thông qua kế hoạch đầu tư công năm 2023"),
    ("{n}/2021/QĐ-UBND", "Quyết định quy định về phân cấp quản lý nhà nước về an toàn thực phẩm"),
    ("{n}/QĐ-UBND", "Quyết định công bố danh mục thủ tục hành chính thuộc thẩm quyền giải quyết của UBND cấp xã"),
)
_DIRECTIVE_DOCS = (
    ("{n}/KH-UBND", "Kế hoạch tổ chức các hoạt động mừng Đảng, mừng Xuân Quý Mão năm 2023"),
    ("{n}/CV-UBND", "Công văn về việc tăng cường công tác phòng cháy, chữa cháy rừng mùa khô"),
    ("{n}/KH-UBND", "Kế hoạch tuyên truyền cải cách hành chính năm 2023"),
    ("{n}/TB-UBND", "Thông báo kết luận của Chủ tịch UBND {unit} tại hội nghị giao ban tháng 3"),
    ("{n}/KH-UBND", "Kế hoạch triển khai Đề án 06 trên địa bàn {unit} năm 2023"),
    ("{n}/CV-UBND", "Công văn về việc đôn đốc thu thuế sử dụng đất phi nông nghiệp"),
)
_OFFICES = (
    ("Đảng ủy {unit}", "Bí thư Đảng ủy"),
    ("HĐND {unit}", "Chủ tịch HĐND"),
    ("UBND {unit}", "Chủ tịch UBND"),
    ("UBND {unit}", "Phó Chủ tịch UBND"),
    ("Văn phòng - Thống kê", "Công chức"),
    ("Ủy ban MTTQ {unit}", "Chủ tịch"),
    ("Công an {unit}", "Trưởng Công an"),
    ("Ban Chỉ huy Quân sự", "Chỉ huy trưởng"),
    ("Trạm Y tế", "Trạm trưởng"),
    ("Trường THCS {place}", "Hiệu trưởng"),
)


def person(rng: random.Random, *, female: bool | None = None) -> str:
    if female is None:
        female = rng.random() < 0.3
    middle = rng.choice(wording.MIDDLE_FEMALE if female else wording.MIDDLE_MALE)
    given = rng.choice(wording.GIVEN_FEMALE if female else wording.GIVEN_MALE)
    return f"{rng.choice(wording.SURNAMES)} {middle} {given}"


def mobile(rng: random.Random) -> str:
    return f"09{rng.randint(12, 89)} {rng.randint(100, 999)} {rng.randint(100, 999)}"


def landline(rng: random.Random) -> str:
    return f"0237 3{rng.randint(600, 899)} {rng.randint(100, 999)}"


def email_slug(unit: Unit) -> str:
    return slugify(unit.place).replace("-", "")


def _doc_table(unit: Unit, rng: random.Random, pool: tuple[tuple[str, str], ...], count: int,
               pdf_dir: str) -> tuple[Table, dict[str, str]]:
    docs = rng.sample(pool, k=min(count, len(pool)))
    dates = sorted((datetime(2022, 6, 1, tzinfo=VN_TZ) + timedelta(days=rng.randint(0, 300)) for _ in docs),
                   reverse=True)
    rows, links, files = [], [], {}
    for index, ((number, summary), issued) in enumerate(zip(docs, dates, strict=True), start=1):
        number = number.format(n=rng.randint(5, 480))
        summary = summary.format(unit=unit.full_place, place=unit.place)
        pdf = f"{pdf_dir}/{rng.randint(10000, 99999)}-{slugify(number)}.pdf"
        files[pdf] = f"{number} - {summary}"
        rows.append((str(index), number, fmt_date(issued), summary, "Tải về"))
        links.append((4, pdf))
    return Table(LEGAL_COLUMNS, tuple(rows), tuple(links)), files


def legal_table(unit: Unit, rng: random.Random, pdf_dir: str, *, empty: bool = False) -> tuple[Table, dict[str, str]]:
    """Legal documents (number | date | summary | download .pdf); empty keeps only the header."""
    if empty:
        return Table(LEGAL_COLUMNS, ()), {}
    return _doc_table(unit, rng, _LEGAL_DOCS, rng.randint(5, 9), pdf_dir)


def directive_table(unit: Unit, rng: random.Random, pdf_dir: str) -> tuple[Table, dict[str, str]]:
    """Directive documents ("Văn bản chỉ đạo điều hành"), a table like the legal one."""
    return _doc_table(unit, rng, _DIRECTIVE_DOCS, rng.randint(3, 6), pdf_dir)


def schedule_table(unit: Unit, rng: random.Random, now: datetime) -> Table:
    """The last six months of reception days, the month of `now` first (chairman and vice in turn)."""
    chairman, vice = person(rng, female=False), person(rng)
    day = rng.choice(("Thứ năm hằng tuần", "Ngày 10 và 25 hằng tháng", "Thứ hai, thứ năm hằng tuần"))
    return Table(SCHEDULE_COLUMNS, _schedule_rows(chairman, vice, day, now))


def schedule_until(table: Table, now: datetime) -> Table:
    """The same schedule kept up to date: the same people and days, the six months up to `now`."""
    if len(table.rows) < 2:
        return table
    return Table(table.columns, _schedule_rows(table.rows[0][1], table.rows[1][1], table.rows[0][3], now), table.links)


def _schedule_rows(chairman: str, vice: str, day: str, now: datetime) -> tuple[tuple[str, ...], ...]:
    rows = []
    year, month = now.year, now.month
    for index in range(6):
        name, role = (chairman, "Chủ tịch UBND xã") if index % 2 == 0 else (vice, "Phó Chủ tịch UBND xã")
        rows.append((f"{month:02d}/{year}", name, role, day))
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return tuple(rows)


def directory_table(unit: Unit, rng: random.Random) -> Table:
    mail = email_slug(unit)
    rows = []
    for index, (office, role) in enumerate(_OFFICES, start=1):
        office = office.format(unit=unit.full_place, place=unit.place)
        phone = landline(rng) if index in (3, 5) else mobile(rng)
        email = f"{mail}.camthuy@thanhhoa.gov.vn" if index in (3, 4, 5) else (
            f"{slugify(office).replace('-', '')[:14]}{rng.randint(1, 99)}@gmail.com" if rng.random() < 0.6 else "")
        rows.append((str(index), office, person(rng), role, phone, email))
    return Table(DIRECTORY_COLUMNS, tuple(rows))


PROCEDURES = (
    ("Đăng ký khai sinh", "Hộ tịch"),
    ("Đăng ký kết hôn", "Hộ tịch"),
    ("Đăng ký khai tử", "Hộ tịch"),
    ("Cấp bản sao trích lục hộ tịch", "Hộ tịch"),
    ("Chứng thực bản sao từ bản chính giấy tờ, văn bản", "Chứng thực"),
    ("Chứng thực chữ ký trong các giấy tờ, văn bản", "Chứng thực"),
    ("Xác nhận tình trạng hôn nhân", "Hộ tịch"),
    ("Đăng ký hoạt động tín ngưỡng", "Tôn giáo"),
    ("Thủ tục hòa giải tranh chấp đất đai", "Đất đai"),
)


def procedures_table() -> Table:
    rows = tuple((str(i), name, field, "Mức độ 4" if i % 3 else "Mức độ 3")
                 for i, (name, field) in enumerate(PROCEDURES, start=1))
    links = tuple((1, f"https://dichvucong.thanhhoa.gov.vn/thu-tuc/{slugify(name)}") for name, _ in PROCEDURES)
    return Table(("STT", "Tên thủ tục", "Lĩnh vực", "Mức độ"), rows, links)


def about_article(unit: Unit, rng: random.Random, topic: str) -> list[str]:
    """Paragraphs of a single-article category of the 'Giới thiệu' group."""
    villages = rng.randint(8, 16)
    area = rng.randint(900, 3200)
    people = rng.randint(3200, 9800)
    place = capitalize(unit.full_place)
    if topic == "history":
        return [
            f"{place} được thành lập từ năm 1947, trên cơ sở sáp nhập các làng Mường cổ ven sông Mã.",
            "Trải qua các cuộc kháng chiến, nhân dân trong xã luôn đoàn kết, một lòng theo Đảng.",
            f"Năm 2019, thực hiện Nghị quyết của Ủy ban Thường vụ Quốc hội, {unit.full_place} được sắp xếp lại "
            "địa giới các thôn cho phù hợp với tình hình mới.",
        ]
    if topic == "organisation":
        return [
            f"Bí thư Đảng ủy: {person(rng, female=False)}.",
            f"Chủ tịch HĐND: {person(rng)}.",
            f"Chủ tịch UBND: {person(rng, female=False)}.",
            f"Phó Chủ tịch UBND: {person(rng)}.",
            f"Chủ tịch Ủy ban MTTQ: {person(rng)}.",
        ]
    return [
        f"{place} nằm ở phía {rng.choice(('Đông', 'Tây', 'Nam', 'Bắc'))} huyện Cẩm Thủy, tỉnh Thanh Hóa, "
        f"có tổng diện tích tự nhiên {area} ha, dân số {people} người với {villages} thôn.",
        "Đồng bào dân tộc Mường chiếm trên 60% dân số, còn lưu giữ nhiều nét văn hóa truyền thống đặc sắc.",
        "Kinh tế chủ yếu là sản xuất nông, lâm nghiệp; các mô hình trồng mía, bưởi, chăn nuôi bò đang được "
        "nhân rộng, góp phần nâng cao thu nhập của người dân.",
    ]
