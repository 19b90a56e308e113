"""Command line: `camthuy-audit run|check|simulate|demo` (messages for clerks in Vietnamese)."""

from __future__ import annotations

import argparse
import json
import logging
import sys
from collections.abc import Sequence
from datetime import date, datetime
from pathlib import Path

from camthuy_audit.config import Config, ConfigError, load_config, rules_only_config
from camthuy_audit.models import UnitResult
from camthuy_audit.quarter import VN_TZ, Quarter

DEFAULT_CONFIG = Path("config/district.toml")
EXIT_OK, EXIT_NOT_DONE, EXIT_USAGE, EXIT_UNKNOWN = 0, 1, 2, 3


class UsageError(Exception):
    """A mistake in the command line or the configuration: exit 2 with the message."""


def _quarter(text: str | None, *, default_current: bool) -> Quarter:
    if text:
        try:
            return Quarter.parse(text)
        except ValueError as exc:
            raise UsageError(str(exc)) from None
    today = datetime.now(VN_TZ).date()
    current = Quarter.containing(today)
    if default_current:
        return current
    return Quarter(current.year - 1, 4) if current.number == 1 else Quarter(current.year, current.number - 1)


def _date(text: str | None) -> date:
    if not text:
        return datetime.now(VN_TZ).date()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date: ngày không hợp lệ {text!r} (cần YYYY-MM-DD)") from None


def _load(path: str | None) -> Config:
    config_path = Path(path) if path else DEFAULT_CONFIG
    if not config_path.is_file():
        raise UsageError(f"không tìm thấy tệp cấu hình {config_path} (dùng --config TỆP)")
    return load_config(config_path)


def _progress_line(result: UnitResult, done: int, total: int) -> str:
    posts = result.posts_in_quarter
    marks = " ".join(result.mark(c) for c in list(result.verdicts)[:10])
    state = "không truy cập được" if not result.reachable else f"{marks}  tin bài: {posts if posts is not None else '?'}"
    return f"[{done}/{total}] {result.name}: {state}"


def _audit_and_write(config: Config, quarter: Quarter, out: Path, run_date: date) -> tuple[Path, Path]:
    from camthuy_audit.aggregate import build_notice
    from camthuy_audit.audit import run_audit
    from camthuy_audit.render import report_dir, write_notice, write_results_json

    total = len(config.units)
    done = 0

    def on_done(result: UnitResult) -> None:
        nonlocal done
        done += 1
        print(_progress_line(result, done, total), file=sys.stderr, flush=True)

    print(f"Kiểm tra {total} cổng thông tin, quý {quarter} ...", file=sys.stderr, flush=True)
    results = run_audit(config, quarter, on_done=on_done)
    notice = build_notice(results, config, quarter, run_date=run_date)
    folder = report_dir(out, quarter)
    notice_path = write_notice(notice, folder)
    results_path = write_results_json(results, notice, config, quarter, folder,
                                      generated_at=datetime.now(VN_TZ))
    return notice_path, results_path


def cmd_run(args: argparse.Namespace) -> int:
    config = _load(args.config)
    quarter = _quarter(args.quarter, default_current=False)
    notice_path, results_path = _audit_and_write(config, quarter, Path(args.out), _date(args.date))
    print(f"Công văn:  {notice_path}")
    print(f"Kết quả:   {results_path}")
    return EXIT_OK


def cmd_demo(args: argparse.Namespace) -> int:
    from camthuy_audit.simulator import District

    config = _load(args.config)
    if not config.resolve:
        raise UsageError(f"{config.path}: thiếu bảng [resolve] trỏ tới huyện mô phỏng")
    quarter = _quarter(args.quarter, default_current=False)
    with District(config.resolve) as district:
        print(f"Huyện mô phỏng đang chạy trên 127.0.0.1 ({len(district.addresses)} tên máy).", file=sys.stderr)
        notice_path, results_path = _audit_and_write(config, quarter, Path(args.out), _date(args.date))
    print(f"Công văn:  {notice_path}")
    print(f"Kết quả:   {results_path}")
    return EXIT_OK


def cmd_simulate(args: argparse.Namespace) -> int:
    from camthuy_audit.simulator import serve_forever

    config = _load(args.config)
    if not config.resolve:
        raise UsageError(f"{config.path}: thiếu bảng [resolve] trỏ tới huyện mô phỏng")
    serve_forever(config.resolve)
    return EXIT_OK


def _check_target(args: argparse.Namespace) -> tuple[Config, str, str, str, tuple[str, ...]]:
    """(config, unit id, name, url, aliases) for a unit id or a URL."""
    target: str = args.target
    if target.startswith(("http://", "https://")):
        config = _load(args.config) if args.config else rules_only_config()
        unit = next((u for u in config.units if u.url.rstrip("/") == target.rstrip("/")), None)
        if unit is not None:
            return config, unit.id, unit.name, unit.url, tuple(unit.aliases)
        return config, "portal", target, target, ()
    config = _load(args.config)
    unit = config.find_unit(target)
    if unit is None:
        known = ", ".join(u.id for u in config.units)
        raise UsageError(f"không có đơn vị {target!r} trong {config.path} (có: {known})")
    return config, unit.id, unit.name, unit.url, tuple(unit.aliases)


def cmd_check(args: argparse.Namespace) -> int:
    import asyncio

    from camthuy_audit.audit import decide, snapshot_url
    from camthuy_audit.render import unit_json

    config, unit_id, name, url, aliases = _check_target(args)
    quarter = _quarter(args.quarter, default_current=True)
    snapshot = asyncio.run(snapshot_url(url, config, quarter, unit_id=unit_id, aliases=aliases))
    result = decide(snapshot, config, quarter, name=name)
    if args.json:
        print(json.dumps(unit_json(result), ensure_ascii=False, indent=2, default=str))
    else:
        print(f"{name} — {url} — quý {quarter}")
        if not result.reachable:
            print(f"Không truy cập được cổng: {result.unreachable_reason}")
        for check_id, verdict in result.verdicts.items():
            shown = verdict.count if check_id == "posts_in_quarter" and verdict.count is not None else verdict.mark
            print(f"  {shown!s:>4}  {check_id:<32} {verdict.reason}")
    marks = [result.mark(c) for c in list(result.verdicts)[:10]]
    if "o" in marks:
        return EXIT_NOT_DONE
    if "?" in marks or result.posts_in_quarter is None:
        return EXIT_UNKNOWN
    return EXIT_OK


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="camthuy-audit",
        description="Kiểm tra Cổng/Trang thông tin điện tử cấp xã theo công văn 155 và lập công văn thông báo hằng quý.",
    )
    parser.add_argument("--debug", action="store_true", help="in chi tiết lỗi (traceback) khi có sự cố")
    sub = parser.add_subparsers(dest="command", required=True)

    run = sub.add_parser("run", help="kiểm tra mọi đơn vị và viết công văn quý",
                         description="Ví dụ: camthuy-audit run --quarter 2023-Q1 --config config/district.toml")
    run.add_argument("--quarter", help="quý cần kiểm tra, dạng 2023-Q1 (mặc định: quý vừa kết thúc)")
    run.add_argument("--config", help=f"tệp cấu hình huyện (mặc định: {DEFAULT_CONFIG})")
    run.add_argument("--out", default="reports", help="thư mục kết quả (mặc định: reports)")
    run.add_argument("--date", help="ngày lập công văn YYYY-MM-DD (mặc định: hôm nay)")
    run.set_defaults(func=cmd_run)

    demo = sub.add_parser("demo", help="chạy huyện mô phỏng, kiểm tra và viết báo cáo (make demo)",
                          description="Ví dụ: camthuy-audit demo --quarter 2023-Q1 --config config/demo.toml")
    demo.add_argument("--quarter", default="2023-Q1")
    demo.add_argument("--config", default="config/demo.toml")
    demo.add_argument("--out", default="reports")
    demo.add_argument("--date", help="ngày lập công văn YYYY-MM-DD (mặc định: hôm nay)")
    demo.set_defaults(func=cmd_demo)

    simulate = sub.add_parser("simulate", help="phục vụ huyện mô phỏng trên 127.0.0.1 cho đến khi dừng (Ctrl-C)",
                              description="Ví dụ: camthuy-audit simulate --config config/demo.toml")
    simulate.add_argument("--config", default="config/demo.toml")
    simulate.set_defaults(func=cmd_simulate)

    check = sub.add_parser("check", help="kiểm tra một đơn vị (mã, hoặc địa chỉ URL)",
                           description="Ví dụ: camthuy-audit check https://camngoc.camthuy.thanhhoa.gov.vn/ "
                                       "--quarter 2023-Q1 --json")
    check.add_argument("target", help="mã đơn vị trong cấu hình (vd. camngoc) hoặc địa chỉ URL")
    check.add_argument("--quarter", help="quý, dạng 2023-Q1 (mặc định: quý hiện tại)")
    check.add_argument("--config", help="tệp cấu hình huyện (không cần khi kiểm tra một URL)")
    check.add_argument("--json", action="store_true", help="chỉ in JSON kết quả ra stdout")
    check.set_defaults(func=cmd_check)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.DEBUG if args.debug else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return int(args.func(args))
    except (UsageError, ConfigError) as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    except Exception as exc:
        if args.debug:
            raise
        print(f"Lỗi không mong đợi: {type(exc).__name__}: {exc} (chạy lại với --debug để xem chi tiết)",
              file=sys.stderr)
        return 1
