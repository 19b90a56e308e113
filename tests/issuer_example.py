"""Results for the example issuer after the 2025 reform (config/examples/province-department.toml).

The example's 36 units are invented and have no simulated portals, so their results are made here:
deterministic, varied (every mark, unknown counts, stale banners and categories, an oversized banner,
one unreachable unit), so that every part of the notice is printed.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from camthuy_audit.config import Config, load_config
from camthuy_audit.models import Evidence, Finding, UnitResult, Verdict
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.rules import APPENDIX1_IDS

REPO = Path(__file__).resolve().parent.parent
EXAMPLE_CONFIG = REPO / "config" / "examples" / "province-department.toml"
EXAMPLE_QUARTER = Quarter(2025, 4)


def example_config() -> Config:
    return load_config(EXAMPLE_CONFIG)


def _findings(check_id: str, findings: list[Finding]) -> Verdict:
    if findings:
        return Verdict(check_id=check_id, mark="o", reason=f"{len(findings)} mục", findings=findings,
                       evidence=[Evidence(kind="found", text=f.label, url=f.url) for f in findings])
    return Verdict(check_id=check_id, mark="x", reason="không có")


def example_result(index: int, unit_id: str, name: str, url: str) -> UnitResult:
    audited = datetime(2026, 1, 6, 9, 0, tzinfo=VN_TZ)
    if index == 7:      # one portal down for the whole run
        verdicts = {c: Verdict(check_id=c, mark="?", reason="không kết nối được tới máy chủ")
                    for c in (*APPENDIX1_IDS, "posts_in_quarter", "stale_banners", "stale_categories",
                              "oversized_banners")}
        return UnitResult(unit_id=unit_id, name=name, url=url, quarter=str(EXAMPLE_QUARTER), audited_at=audited,
                          reachable=False, unreachable_reason="không kết nối được tới máy chủ", verdicts=verdicts)
    verdicts: dict[str, Verdict] = {}
    for position, check_id in enumerate(APPENDIX1_IDS):
        mark = "o" if (index * 7 + position * 3) % 11 == 0 else "x"
        verdicts[check_id] = Verdict(check_id=check_id, mark=mark, reason="đạt" if mark == "x" else "không đạt",
                                     evidence=[Evidence(kind="url", text="trang chủ", url=url)])
    posts = 8 + (index * 37) % 90                  # 8..97: never a number like the seed's dispatch
    verdicts["posts_in_quarter"] = (
        Verdict(check_id="posts_in_quarter", mark="?", reason="trang danh sách không đọc được", count=None)
        if index == 12 else
        Verdict(check_id="posts_in_quarter", mark="x", reason="đếm đủ", count=posts,
                evidence=[Evidence(kind="count", text=str(posts))]))
    stale = [Finding(label="Đại hội Đảng bộ xã nhiệm kỳ 2020-2025", note="Đại hội Đảng bộ (từ năm 2020)",
                     url=f"{url}banner/dai-hoi.jpg")] if index % 9 == 2 else []
    categories = [Finding(label="Sắp xếp đơn vị hành chính cấp xã", note="Sắp xếp đơn vị hành chính (năm 2025)",
                          url=f"{url}chuyen-muc/sap-xep")] if index % 10 == 4 else []
    oversized = [Finding(label="Banner chào mừng", note="Banner quá kích thước",
                         url=f"{url}banner/chao-mung.jpg")] if index == 20 else []
    verdicts["stale_banners"] = _findings("stale_banners", stale)
    verdicts["stale_categories"] = _findings("stale_categories", categories)
    verdicts["oversized_banners"] = _findings("oversized_banners", oversized)
    return UnitResult(unit_id=unit_id, name=name, url=url, quarter=str(EXAMPLE_QUARTER), audited_at=audited,
                      reachable=True, platform="wordpress", verdicts=verdicts, pages_fetched=40)


def example_results(config: Config | None = None) -> list[UnitResult]:
    config = config or example_config()
    return [example_result(i, u.id, u.name, u.url) for i, u in enumerate(config.units)]
