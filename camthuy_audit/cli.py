"""Command line: `camthuy-audit run|check|units|config check|evaluate|simulate|demo`.

Messages for clerks are Vietnamese. Results go to stdout, progress and logs to stderr. Exit codes:
0 done, 1 at least one "o" (check), 2 usage or configuration error, 3 nothing "o" but something could
not be checked (check). No Python traceback reaches the user unless ``--debug``.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import sys
import textwrap
from collections.abc import Callable, Sequence
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from camthuy_audit.config import Config, ConfigError, Unit, load_config
from camthuy_audit.quarter import VN_TZ, Quarter
from camthuy_audit.runlog import setup_logging, teardown_logging
from camthuy_audit.targets import (
    DEFAULT_CONFIG,
    CheckTarget,
    UsageError,
    check_target,
    config_path,
    load,
)

if TYPE_CHECKING:
    from rich.console import Console

    from camthuy_audit.models import UnitResult
    from camthuy_audit.runlog import RunProgress

EXIT_OK, EXIT_NOT_DONE, EXIT_USAGE, EXIT_UNKNOWN, EXIT_INTERNAL = 0, 1, 2, 3, 4
LOG_DIR = "logs"

log = logging.getLogger("camthuy_audit.cli")


# --- argparse in Vietnamese ------------------------------------------------------------------

_ARGPARSE_VI = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "in hướng dẫn này rồi thoát",
    "%(prog)s: error: %(message)s\n": "%(prog)s: lỗi: %(message)s\n",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không nhận ra: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)",
    "expected one argument": "cần một giá trị",
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "not allowed with argument %s": "không dùng cùng với %s",
    "ambiguous option: %(option)s could match %(matches)s": "tùy chọn mơ hồ: %(option)s có thể là %(matches)s",
    "invalid %(type)s value: %(value)r": "giá trị %(type)s không hợp lệ: %(value)r",
    "one of the arguments %s is required": "cần một trong các tham số %s",
}


def _argparse_vietnamese() -> None:
    """Translate argparse's own words (usage, options, errors): it looks them up through ``argparse._``."""
    original: Callable[[str], str] = getattr(argparse, "_")  # noqa: B009
    if getattr(original, "camthuy_vi", False):
        return

    def translate(message: str) -> str:
        return _ARGPARSE_VI.get(message) or original(message)

    translate.camthuy_vi = True  # type: ignore[attr-defined]
    setattr(argparse, "_", translate)  # noqa: B010


class Parser(argparse.ArgumentParser):
    """argparse with a hint to ``--help`` on errors, and exit code 2."""

    def error(self, message: str) -> NoReturn:
        self.print_usage(sys.stderr)
        self.exit(EXIT_USAGE, f"Lỗi: {message}\nXem hướng dẫn: {self.prog} --help\n")


# --- shared helpers --------------------------------------------------------------------------


def _today() -> date:
    return datetime.now(VN_TZ).date()


def _quarter(text: str | None, *, default_current: bool) -> Quarter:
    if text:
        try:
            return Quarter.parse(text)
        except ValueError as exc:
            raise UsageError(f"--quarter: {exc}") from None
    current = Quarter.containing(_today())
    if default_current:
        return current
    return Quarter(current.year - 1, 4) if current.number == 1 else Quarter(current.year, current.number - 1)


def _date(text: str | None) -> date:
    if not text:
        return _today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date: ngày không hợp lệ {text!r} (cần dạng YYYY-MM-DD, vd. 2023-04-12)") from None


def _stdout_console() -> Console:
    from camthuy_audit.console import make_console

    return make_console(sys.stdout)


def _stderr_console() -> Console:
    from camthuy_audit.console import make_console

    return make_console(sys.stderr)


def _stderr_is_terminal() -> bool:
    return hasattr(sys.stderr, "isatty") and sys.stderr.isatty()


# --- run and demo ----------------------------------------------------------------------------


async def _audit_with_progress(config: Config, quarter: Quarter, progress: RunProgress,
                               units: Sequence[Unit] | None = None) -> list[UnitResult]:
    from camthuy_audit.audit import audit_units
    from camthuy_audit.fetch import Fetcher

    async with Fetcher(config.crawl, resolve=config.resolve) as fetcher:
        async def poll() -> None:
            while True:
                progress.tick(fetcher.requests)
                await asyncio.sleep(0.25)

        poller = asyncio.create_task(poll())
        try:
            return await audit_units(config, quarter, units,
                                     on_done=lambda result: progress.unit_done(result, fetcher.requests),
                                     fetcher=fetcher)
        finally:
            poller.cancel()
            progress.tick(fetcher.requests)


def _audit_and_write(config: Config, quarter: Quarter, out: Path, run_date: date,
                     args: argparse.Namespace) -> tuple[Path, Path, Path, Path]:
    from camthuy_audit.aggregate import build_notice
    from camthuy_audit.render import report_dir, write_notice, write_report, write_results_json
    from camthuy_audit.report import build_report
    from camthuy_audit.runlog import RunProgress, now_stamp

    folder = report_dir(out, quarter)
    log_path = folder / LOG_DIR / f"run-{now_stamp()}.log"
    terminal = _stderr_is_terminal()
    quiet, verbose = bool(getattr(args, "quiet", False)), bool(getattr(args, "verbose", False))
    console = _stderr_console() if terminal else None
    setup_logging(debug=bool(args.debug), verbose=verbose, quiet=quiet, plain_info=not terminal,
                  log_file=log_path, console=console)
    run_log = logging.getLogger("camthuy_audit.run")
    total = len(config.units)
    run_log.info("Bắt đầu kiểm tra %d cổng thông tin, %s, cấu hình %s", total, quarter, config.path)
    if terminal and not quiet:
        print(f"Kiểm tra {total} cổng thông tin, quý {quarter.roman}/{quarter.year} — nhật ký: {log_path}",
              file=sys.stderr, flush=True)
    with RunProgress(total, console=console, quiet=quiet, verbose=verbose) as progress:
        results = asyncio.run(_audit_with_progress(config, quarter, progress))
    run_log.info(progress.summary())
    if terminal and not quiet:
        print(progress.summary(), file=sys.stderr, flush=True)
    notice = build_notice(results, config, quarter, run_date=run_date)
    notice_path = write_notice(notice, folder)
    generated_at = datetime.now(VN_TZ)
    results_path = write_results_json(results, notice, config, quarter, folder, generated_at=generated_at)
    report = build_report(notice, results, config, quarter, generated_at=generated_at, reports=out)
    report_path = write_report(report, folder)
    run_log.info("Đã viết %s, %s và %s", notice_path, report_path, results_path)
    return notice_path, report_path, results_path, log_path


def _print_outputs(notice_path: Path, report_path: Path, results_path: Path, log_path: Path) -> None:
    print(f"Công văn:  {notice_path}")
    print(f"Báo cáo:   {report_path}")
    print(f"Kết quả:   {results_path}")
    print(f"Nhật ký:   {log_path}")


def cmd_run(args: argparse.Namespace) -> int:
    config = load(args.config)
    quarter = _quarter(args.quarter, default_current=False)
    _print_outputs(*_audit_and_write(config, quarter, Path(args.out), _date(args.date), args))
    return EXIT_OK


SIMULATOR_LOG = "simulator-requests.tsv"   # every request the simulated district answered in a demo


def cmd_demo(args: argparse.Namespace) -> int:
    from camthuy_audit.simulator import District

    config = load(args.config)
    if not config.resolve:
        raise UsageError(f"{config.path}: thiếu bảng [resolve] trỏ tới huyện mô phỏng")
    quarter = _quarter(args.quarter, default_current=False)
    with District(config.resolve) as district:
        print(f"Huyện mô phỏng đang chạy trên 127.0.0.1 ({len(district.addresses)} tên máy).", file=sys.stderr)
        paths = _audit_and_write(config, quarter, Path(args.out), _date(args.date), args)
        requests = district.write_request_log(paths[-1].parent / SIMULATOR_LOG)
    _print_outputs(*paths)
    print(f"Nhật ký yêu cầu của huyện mô phỏng: {requests}")
    return EXIT_OK


def cmd_simulate(args: argparse.Namespace) -> int:
    from camthuy_audit.simulator import serve_forever

    config = load(args.config)
    if not config.resolve:
        raise UsageError(f"{config.path}: thiếu bảng [resolve] trỏ tới huyện mô phỏng")
    serve_forever(config.resolve)
    return EXIT_OK


# --- check -----------------------------------------------------------------------------------


async def _check_with_spinner(target: CheckTarget, quarter: Quarter, console: Console | None) -> UnitResult:
    """Audit the unit; a transient spinner with the request count on ``console`` (stderr) if given."""
    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    from camthuy_audit.audit import audit_units
    from camthuy_audit.fetch import Fetcher

    config = target.config
    async with Fetcher(config.crawl, resolve=config.resolve) as fetcher:
        if console is None:
            return (await audit_units(config, quarter, [target.unit], fetcher=fetcher))[0]
        progress = Progress(SpinnerColumn(), TextColumn("{task.description}", markup=False),
                            TextColumn("· {task.fields[requests]} yêu cầu ·"), TimeElapsedColumn(),
                            console=console, transient=True)
        with progress:
            task = progress.add_task(f"Đang kiểm tra {target.unit.name} ({target.unit.url})", requests=0)

            async def poll() -> None:
                while True:
                    progress.update(task, requests=fetcher.requests)
                    await asyncio.sleep(0.2)

            poller = asyncio.create_task(poll())
            try:
                return (await audit_units(config, quarter, [target.unit], fetcher=fetcher))[0]
            finally:
                poller.cancel()


def _hint_command(args: argparse.Namespace, quarter: Quarter) -> str:
    parts = ["camthuy-audit", "check", json.dumps(args.target, ensure_ascii=False) if " " in args.target
             else args.target, "--quarter", str(quarter)]
    if args.config:
        parts += ["--config", args.config]
    return " ".join(parts)


def cmd_check(args: argparse.Namespace) -> int:
    from camthuy_audit.console import check_exit_code, explainable_ids, find_check, print_check, print_explain

    console = _stderr_console() if _stderr_is_terminal() else None
    setup_logging(debug=bool(args.debug), verbose=bool(args.verbose), console=console)
    explain = None
    if args.explain:
        explain = find_check(args.explain)
        if explain is None:
            raise UsageError(f"--explain: không có nội dung kiểm tra {args.explain!r} "
                             f"(dùng số 1–10, mã hoặc tên cột: {', '.join(explainable_ids())})")
    target = check_target(args.target, args.config)
    quarter = _quarter(args.quarter, default_current=True)
    result = asyncio.run(_check_with_spinner(target, quarter, None if args.quiet else console))
    if args.json:
        from camthuy_audit.render import unit_json

        sys.stdout.write(json.dumps(unit_json(result), ensure_ascii=False, indent=2, default=str) + "\n")
        sys.stdout.flush()
        return check_exit_code(result, target.config)
    out = _stdout_console()
    if explain is not None:
        print_explain(out, result, explain, quarter, today=_today())
        return check_exit_code(result, target.config)
    return print_check(out, result, target.config, quarter, today=_today(), explain_hint=_hint_command(args, quarter))


# --- units, config check, evaluate -----------------------------------------------------------


def cmd_units(args: argparse.Namespace) -> int:
    from camthuy_audit.console import units_table

    config = load(args.config)
    if args.json:
        units = [{"id": u.id, "name": u.name, "url": u.url, "aliases": list(u.aliases)} for u in config.units]
        print(json.dumps(units, ensure_ascii=False, indent=2))
        return EXIT_OK
    _stdout_console().print(units_table(config.units, config.path))
    return EXIT_OK


def cmd_config_check(args: argparse.Namespace) -> int:
    from camthuy_audit.config import config_problems
    from camthuy_audit.console import print_config_ok, print_config_problems

    path = config_path(args.config)
    errors = config_problems(path)
    console = _stdout_console()
    if errors:
        print_config_problems(console, errors)
        return EXIT_USAGE
    print_config_ok(console, load_config(path))
    return EXIT_OK


def cmd_evaluate(args: argparse.Namespace) -> int:
    answers = Path(args.answers)
    if not answers.is_file():
        raise UsageError(f"không tìm thấy tệp đáp án {answers}")
    try:
        from camthuy_audit.evaluate import run
    except ImportError as exc:
        if exc.name != "camthuy_audit.evaluate":
            raise
        raise UsageError("lệnh evaluate chưa có trong bản cài đặt này (thiếu camthuy_audit/evaluate.py)") from None
    return int(run(answers, out=sys.stdout))


# --- the parser ------------------------------------------------------------------------------

_EXIT_CODES = """\
Mã thoát (exit code):
  0  mọi nội dung Phụ lục 1 là "x" (hoặc lệnh chạy xong)
  1  có ít nhất một nội dung "o" (chưa thực hiện)
  2  lỗi cách dùng hoặc lỗi cấu hình (thông báo nêu tệp và khóa sai)
  3  không có "o" nhưng có nội dung "?" (không kiểm tra được) hoặc chưa đếm được số tin bài
  4  lỗi của chính công cụ (chạy lại với --debug và báo cho người quản trị)"""

_MAIN_DESCRIPTION = """\
Kiểm tra Cổng/Trang thông tin điện tử của UBND các xã, thị trấn theo công văn 155/UBND-VHTT
và lập công văn thông báo hằng quý (kèm Phụ lục 1 và Phụ lục 2)."""

_MAIN_EPILOG = f"""\
Ví dụ:
  camthuy-audit check camngoc --quarter 2023-Q1          kiểm tra lại một xã
  camthuy-audit check "Cẩm Ngọc"                          theo tên (có hay không dấu đều được)
  camthuy-audit check https://camngoc.camthuy.thanhhoa.gov.vn/ --json
  camthuy-audit run --quarter 2023-Q1                     kiểm tra cả huyện, viết công văn quý
  camthuy-audit units                                     danh sách đơn vị trong cấu hình
  camthuy-audit config check                              kiểm tra các tệp cấu hình

Mỗi lệnh có hướng dẫn riêng: camthuy-audit LỆNH --help

{_EXIT_CODES}"""


def _sub(sub: argparse._SubParsersAction, name: str, *, help: str, description: str, examples: str,
         parents: Sequence[argparse.ArgumentParser]) -> argparse.ArgumentParser:
    parser: argparse.ArgumentParser = sub.add_parser(
        name, help=help, description=textwrap.fill(description, width=90, break_on_hyphens=False), epilog=examples, parents=list(parents),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    return parser


def build_parser() -> argparse.ArgumentParser:
    _argparse_vietnamese()
    parser = Parser(prog="camthuy-audit", description=_MAIN_DESCRIPTION, epilog=_MAIN_EPILOG,
                    formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--debug", action="store_true", help="in chi tiết lỗi kỹ thuật (traceback) khi có sự cố")
    common = Parser(add_help=False)
    common.add_argument("--debug", action="store_true", default=argparse.SUPPRESS,
                        help="in chi tiết lỗi kỹ thuật (traceback) khi có sự cố")
    sub = parser.add_subparsers(dest="command", required=True, metavar="LỆNH", parser_class=Parser,
                                title="các lệnh")

    check = _sub(sub, "check", parents=[common], help="kiểm tra ngay một đơn vị (theo mã, tên hoặc địa chỉ URL)",
                 description="Kiểm tra một Cổng/Trang thông tin điện tử và in bảng 10 nội dung của Phụ lục 1 "
                             "(x / o / ?) kèm lý do, số tin bài trong quý, banner và chuyên mục quá thời gian "
                             "tuyên truyền. Bên cạnh mỗi \"o\" là cách khắc phục.",
                 examples="Ví dụ:\n"
                          "  camthuy-audit check camngoc --quarter 2023-Q1 --config config/demo.toml\n"
                          "  camthuy-audit check \"Cẩm Ngọc\"            (hoặc: \"cam ngoc\", \"UBND xã Cẩm Ngọc\")\n"
                          "  camthuy-audit check https://camngoc.camthuy.thanhhoa.gov.vn/ --quarter 2023-Q1 --json\n"
                          "  camthuy-audit check camngoc --explain main_menu   (bằng chứng đầy đủ của một nội dung)\n\n"
                          + _EXIT_CODES)
    check.add_argument("target", metavar="ĐƠN_VỊ",
                       help="mã đơn vị (vd. camngoc), tên đơn vị có hoặc không dấu (vd. \"Cẩm Ngọc\", \"cam ngoc\"), "
                            "hoặc địa chỉ URL của cổng (không cần tệp cấu hình)")
    check.add_argument("--quarter", metavar="QUÝ",
                       help="quý cần kiểm tra, dạng 2023-Q1 (mặc định: quý hiện tại, tính đến hôm nay)")
    check.add_argument("--config", metavar="TỆP",
                       help=f"tệp cấu hình huyện (mặc định: {DEFAULT_CONFIG}; không cần khi kiểm tra một URL)")
    shown = check.add_mutually_exclusive_group()
    shown.add_argument("--json", action="store_true",
                       help="chỉ in kết quả dạng JSON ra stdout (cho chương trình khác đọc)")
    shown.add_argument("--explain", metavar="NỘI_DUNG",
                       help="in đầy đủ bằng chứng của một nội dung: số thứ tự 1–10, mã (vd. main_menu) "
                            "hoặc tên cột (vd. \"Lịch tiếp công dân\")")
    noise = check.add_mutually_exclusive_group()
    noise.add_argument("--quiet", "-q", action="store_true", help="không hiện tiến trình khi đang kiểm tra")
    noise.add_argument("--verbose", "-v", action="store_true", help="in thêm nhật ký chi tiết ra stderr")
    check.set_defaults(func=cmd_check)

    run = _sub(sub, "run", parents=[common], help="kiểm tra mọi đơn vị và viết công văn quý",
               description="Kiểm tra mọi đơn vị trong cấu hình rồi viết công văn thông báo (notice.html) và "
                           "kết quả chi tiết (results.json) vào THƯ_MỤC/QUÝ/. Trên màn hình: tiến trình "
                           "(số đơn vị xong, số yêu cầu, lỗi, thời gian còn lại); khi chạy không có màn hình "
                           "(cron): mỗi đơn vị một dòng nhật ký. Mỗi lần chạy ghi một tệp nhật ký "
                           "THƯ_MỤC/QUÝ/logs/run-NĂMTHÁNGNGÀY-GIỜPHÚTGIÂY.log.",
               examples="Ví dụ:\n"
                        "  camthuy-audit run --quarter 2023-Q1\n"
                        "  camthuy-audit run --quarter 2023-Q1 --config config/district.toml --out reports "
                        "--date 2023-04-12\n"
                        "  camthuy-audit run --quiet     (cron: chỉ in cảnh báo, lỗi và đường dẫn kết quả)")
    run.add_argument("--quarter", metavar="QUÝ", help="quý cần kiểm tra, dạng 2023-Q1 (mặc định: quý vừa kết thúc)")
    run.add_argument("--config", metavar="TỆP", help=f"tệp cấu hình huyện (mặc định: {DEFAULT_CONFIG})")
    run.add_argument("--out", metavar="THƯ_MỤC", default="reports", help="thư mục kết quả (mặc định: reports)")
    run.add_argument("--date", metavar="NGÀY", help="ngày lập công văn YYYY-MM-DD (mặc định: hôm nay)")
    noise = run.add_mutually_exclusive_group()
    noise.add_argument("--quiet", "-q", action="store_true",
                       help="không hiện tiến trình, chỉ cảnh báo, lỗi và đường dẫn kết quả")
    noise.add_argument("--verbose", "-v", action="store_true",
                       help="in thêm chi tiết (từng trang không tải được) ra stderr")
    run.set_defaults(func=cmd_run)

    units = _sub(sub, "units", parents=[common], help="liệt kê các đơn vị trong cấu hình",
                 description="Liệt kê các đơn vị được kiểm tra (theo thứ tự Phụ lục 1): mã, tên, địa chỉ, "
                             "tên miền khác.",
                 examples="Ví dụ:\n  camthuy-audit units\n  camthuy-audit units --config config/demo.toml --json")
    units.add_argument("--config", metavar="TỆP", help=f"tệp cấu hình huyện (mặc định: {DEFAULT_CONFIG})")
    units.add_argument("--json", action="store_true", help="in danh sách dạng JSON")
    units.set_defaults(func=cmd_units)

    config = _sub(sub, "config", parents=[common], help="các lệnh về tệp cấu hình (config check)",
                  description="Các lệnh về tệp cấu hình.",
                  examples="Ví dụ:\n  camthuy-audit config check --config config/district.toml")
    config_sub = config.add_subparsers(dest="config_command", required=True, metavar="LỆNH",
                                       parser_class=Parser, title="các lệnh")
    config_check = _sub(config_sub, "check", parents=[common],
                        help="kiểm tra tệp cấu hình huyện, tệp quy tắc và tệp điều chỉnh",
                        description="Kiểm tra tệp cấu hình huyện và các tệp rules.toml, overrides.toml mà nó "
                                    "trỏ tới; báo MỌI lỗi cùng lúc (tệp và khóa sai). Mã thoát 2 nếu có lỗi.",
                        examples="Ví dụ:\n  camthuy-audit config check\n"
                                 "  camthuy-audit config check --config config/demo.toml")
    config_check.add_argument("--config", metavar="TỆP", help=f"tệp cấu hình huyện (mặc định: {DEFAULT_CONFIG})")
    config_check.set_defaults(func=cmd_config_check)

    evaluate = _sub(sub, "evaluate", parents=[common], help="so kết quả với một bộ đáp án đã gán nhãn",
                    description="So kết quả kiểm tra với bộ đáp án (định dạng trong docs/answer-key.md) và in độ "
                                "chính xác của từng nội dung.",
                    examples="Ví dụ:\n  camthuy-audit evaluate answers.json")
    evaluate.add_argument("answers", metavar="TỆP_ĐÁP_ÁN", help="tệp đáp án JSON")
    evaluate.set_defaults(func=cmd_evaluate)

    simulate = _sub(sub, "simulate", parents=[common],
                    help="chạy huyện mô phỏng trên 127.0.0.1 cho đến khi dừng (Ctrl-C)",
                    description="Phục vụ 17 cổng thông tin mô phỏng trên các cổng 127.0.0.1 mà bảng [resolve] "
                                "của tệp cấu hình nêu, cho đến khi bấm Ctrl-C.",
                    examples="Ví dụ:\n  camthuy-audit simulate --config config/demo.toml\n"
                             "  (ở cửa sổ khác) camthuy-audit check camngoc --config config/demo.toml "
                             "--quarter 2023-Q1")
    simulate.add_argument("--config", metavar="TỆP", default="config/demo.toml",
                          help="tệp cấu hình có bảng [resolve] (mặc định: config/demo.toml)")
    simulate.set_defaults(func=cmd_simulate)

    demo = _sub(sub, "demo", parents=[common], help="chạy thử trên huyện mô phỏng và viết báo cáo (make demo)",
                description="Chạy huyện mô phỏng, kiểm tra mọi đơn vị, viết công văn và kết quả, rồi dừng.",
                examples="Ví dụ:\n  camthuy-audit demo --quarter 2023-Q1 --config config/demo.toml --out reports")
    demo.add_argument("--quarter", metavar="QUÝ", default="2023-Q1", help="quý (mặc định: 2023-Q1)")
    demo.add_argument("--config", metavar="TỆP", default="config/demo.toml",
                      help="tệp cấu hình (mặc định: config/demo.toml)")
    demo.add_argument("--out", metavar="THƯ_MỤC", default="reports", help="thư mục kết quả (mặc định: reports)")
    demo.add_argument("--date", metavar="NGÀY", help="ngày lập công văn YYYY-MM-DD (mặc định: hôm nay)")
    noise = demo.add_mutually_exclusive_group()
    noise.add_argument("--quiet", "-q", action="store_true", help="không hiện tiến trình")
    noise.add_argument("--verbose", "-v", action="store_true", help="in thêm chi tiết ra stderr")
    demo.set_defaults(func=cmd_demo)
    return parser


def _utf8_streams() -> None:
    """Never crash on a terminal or a pipe that cannot show Vietnamese: replace what it cannot encode."""
    for stream in (sys.stdout, sys.stderr):
        encoding = (getattr(stream, "encoding", "") or "").lower().replace("-", "")
        if encoding != "utf8" and hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")


def main(argv: Sequence[str] | None = None) -> int:
    _utf8_streams()
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help (0) or a usage error (2), already printed
        return exc.code if isinstance(exc.code, int) else EXIT_USAGE
    debug = bool(getattr(args, "debug", False))
    args.debug = debug
    try:
        return int(args.func(args))
    except ConfigError as exc:
        print(exc, file=sys.stderr)
        if args.command != "config":
            config_file = getattr(args, "config", None) or DEFAULT_CONFIG
            print(f"Xem mọi lỗi cấu hình cùng lúc: camthuy-audit config check --config {config_file}",
                  file=sys.stderr)
        return EXIT_USAGE
    except UsageError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return EXIT_USAGE
    except KeyboardInterrupt:
        print("Đã dừng.", file=sys.stderr)
        return 130
    except Exception as exc:
        if debug:
            raise
        log.debug("unexpected error", exc_info=True)
        print(f"Lỗi không mong đợi (lỗi của công cụ): {type(exc).__name__}: {exc} "
              "(chạy lại với --debug để xem chi tiết)", file=sys.stderr)
        return EXIT_INTERNAL
    finally:
        teardown_logging()
