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

from camthuy_audit.config import Config, ConfigError, load_config
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

EXIT_OK, EXIT_NOT_DONE, EXIT_USAGE, EXIT_UNKNOWN, EXIT_INTERNAL, EXIT_BUSY, EXIT_NO_NOTICE = 0, 1, 2, 3, 4, 5, 6
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
    return current if default_current else current.previous


def _date(text: str | None) -> date:
    if not text:
        return _today()
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise UsageError(f"--date: ngày không hợp lệ {text!r} (cần dạng YYYY-MM-DD, vd. 2026-04-12)") from None


def notice_date(text: str | None, quarter: Quarter, config: Config) -> date:
    """The notice's date: ``--date`` (never before the quarter's end), else the configured issue month
    after the quarter (by default the month after, as the seed's Q1 notice is dated April)."""
    if text:
        chosen = _date(text)
        if chosen <= quarter.end:
            raise UsageError(f"--date: công văn quý {quarter} không thể lập ngày {chosen:%d/%m/%Y}, trước khi quý "
                             f"kết thúc ({quarter.end:%d/%m/%Y})")
        return chosen
    months = config.district.notice.issue_month_after_quarter if config.district else 1
    index = quarter.end.year * 12 + quarter.end.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _stdout_console() -> Console:
    from camthuy_audit.console import make_console

    return make_console(sys.stdout)


def _stderr_console() -> Console:
    from camthuy_audit.console import make_console

    return make_console(sys.stderr)


def _stderr_is_terminal() -> bool:
    return hasattr(sys.stderr, "isatty") and sys.stderr.isatty()


def _require_resolve(config: Config) -> None:
    """The simulated district's commands need the config's [resolve] table."""
    if not config.resolve:
        raise UsageError(f"{config.path}: thiếu bảng [resolve] trỏ tới huyện mô phỏng")


# --- run, demo, recheck, render, history, schedule (camthuy_audit/cli_quarter.py) ---------------

SIMULATOR_LOG = "simulator-requests.tsv"   # every request the simulated district answered in a demo


def _quarterly(name: str, *, default_current: bool = False) -> Callable[[argparse.Namespace], int]:
    def command(args: argparse.Namespace) -> int:
        from camthuy_audit import cli_quarter

        config = load(args.config)
        quarter = _quarter(args.quarter, default_current=default_current)
        handler = getattr(cli_quarter, f"cmd_{name}")
        return int(handler(args, config, quarter, notice_date(getattr(args, "date", None), quarter, config)))

    return command


cmd_run = _quarterly("run")
cmd_demo = _quarterly("demo")
cmd_recheck = _quarterly("recheck")
cmd_render = _quarterly("render")


def cmd_history(args: argparse.Namespace) -> int:
    from camthuy_audit.cli_quarter import cmd_history as history

    return history(args, load(args.config))


def cmd_schedule(args: argparse.Namespace) -> int:
    from camthuy_audit.cli_quarter import cmd_schedule as schedule

    return schedule(args, load(args.config))


def simulated_quarter(quarter: Quarter) -> str:
    """The simulated district's state for ``quarter``; a usage error naming the ones it has."""
    from camthuy_audit.simulator import QUARTERS

    if str(quarter) not in QUARTERS:
        raise UsageError(f"huyện mô phỏng chỉ có các quý {', '.join(QUARTERS)} (không có {quarter})")
    return str(quarter)


def cmd_simulate(args: argparse.Namespace) -> int:
    from camthuy_audit.simulator import serve_forever

    config = load(args.config)
    _require_resolve(config)
    serve_forever(config.resolve, quarter=simulated_quarter(Quarter.parse(args.quarter)))
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
    code = check_exit_code(result, target.config)
    try:
        if args.json:
            from camthuy_audit.render import unit_json

            sys.stdout.write(json.dumps(unit_json(result), ensure_ascii=False, indent=2, default=str) + "\n")
            sys.stdout.flush()
        elif explain is not None:
            print_explain(_stdout_console(), result, explain, quarter, today=_today(),
                          dispatch=target.config.dispatch_title)
        else:
            print_check(_stdout_console(), result, target.config, quarter, today=_today(),
                        explain_hint=_hint_command(args, quarter))
    except BrokenPipeError:
        _silence_stdout()   # `check … | head`: the reader left; the exit code still says what was found
    return code


def _silence_stdout() -> None:
    """stdout's reader is gone: send what is left (and the interpreter's last flush) nowhere."""
    import os

    devnull = os.open(os.devnull, os.O_WRONLY)
    try:
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
    finally:
        os.close(devnull)


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
  3  không có "o" nhưng có nội dung "?" (không kiểm tra được) hoặc chưa đếm được số tin bài;
     với run: có đơn vị không kiểm tra được (cảnh báo nêu tên)
  4  lỗi của chính công cụ (chạy lại với --debug và báo cho người quản trị)
  5  quý này đang được một lần chạy khác kiểm tra (thông báo nêu tiến trình, máy, thời điểm)
  6  với run, recheck, render: không kiểm tra được đơn vị nào nên không viết công văn (thông báo nêu lý do)"""

_MAIN_DESCRIPTION = """\
Kiểm tra Cổng/Trang thông tin điện tử của các đơn vị theo công văn của cơ quan chủ quản (khai báo
trong tệp cấu hình) và lập công văn thông báo hằng quý kèm Phụ lục 1, Phụ lục 2 (HTML, Word, PDF,
Excel, CSV)."""

_MAIN_EPILOG = f"""\
Ví dụ:
  camthuy-audit check MÃ_ĐƠN_VỊ --quarter 2026-Q1        kiểm tra lại một đơn vị
  camthuy-audit check "TÊN XÃ"                            theo tên (có hay không dấu đều được)
  camthuy-audit check https://ten-xa.example.gov.vn/ --json
  camthuy-audit run --quarter 2026-Q1                     kiểm tra mọi đơn vị, viết công văn quý
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
                          "  camthuy-audit check MÃ_ĐƠN_VỊ --quarter 2026-Q1\n"
                          "  camthuy-audit check \"TÊN XÃ\"            (có hoặc không dấu, có hoặc không \"UBND xã\")\n"
                          "  camthuy-audit check https://ten-xa.example.gov.vn/ --quarter 2026-Q1 --json\n"
                          "  camthuy-audit check MÃ_ĐƠN_VỊ --explain main_menu   (bằng chứng đầy đủ của một nội dung)\n"
                          "  camthuy-audit units            (mã và tên các đơn vị trong cấu hình)\n\n"
                          + _EXIT_CODES)
    check.add_argument("target", metavar="ĐƠN_VỊ",
                       help="mã đơn vị (xem `camthuy-audit units`), tên đơn vị có hoặc không dấu, "
                            "hoặc địa chỉ URL của cổng (không cần tệp cấu hình)")
    check.add_argument("--quarter", metavar="QUÝ",
                       help="quý cần kiểm tra, dạng NĂM-Qn, vd. 2026-Q1 (mặc định: quý hiện tại, tính đến hôm nay)")
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
               description="Kiểm tra mọi đơn vị trong cấu hình rồi viết vào THƯ_MỤC/QUÝ/ công văn thông báo "
                           "(notice.html, notice.docx, notice.pdf khi có LibreOffice), phụ lục (appendices.xlsx, "
                           "appendix1.csv, appendix2.csv), báo cáo cho cán bộ (report.html) và kết quả chi tiết "
                           "(results.json). Trên màn hình: tiến trình "
                           "(số đơn vị xong, số yêu cầu, lỗi, thời gian còn lại); khi chạy không có màn hình "
                           "(cron): mỗi đơn vị một dòng nhật ký. Mỗi lần chạy ghi một tệp nhật ký "
                           "THƯ_MỤC/QUÝ/logs/run-NĂMTHÁNGNGÀY-GIỜPHÚTGIÂY.log.",
               examples="Ví dụ:\n"
                        "  camthuy-audit run --quarter 2026-Q1\n"
                        "  camthuy-audit run --quarter 2026-Q1 --config config/district.toml --out reports "
                        "--date 2026-04-12\n"
                        "  camthuy-audit run --quiet     (cron: chỉ in cảnh báo, lỗi và đường dẫn kết quả)")
    run.add_argument("--quarter", metavar="QUÝ", help="quý cần kiểm tra, dạng NĂM-Qn, vd. 2026-Q1 (mặc định: quý vừa kết thúc)")
    run.add_argument("--config", metavar="TỆP", help=f"tệp cấu hình huyện (mặc định: {DEFAULT_CONFIG})")
    run.add_argument("--out", metavar="THƯ_MỤC", default="reports", help="thư mục kết quả (mặc định: reports)")
    run.add_argument("--date", metavar="NGÀY",
                     help="ngày lập công văn YYYY-MM-DD, sau khi quý kết thúc (mặc định: tháng sau quý; ngày để trống)")
    run.add_argument("--force", action="store_true",
                     help="chạy lại một quý đã kiểm tra xong (lần chạy cũ vẫn được lưu trong lịch sử)")
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
    simulate.add_argument("--quarter", metavar="QUÝ", default="2023-Q1",
                          help="trạng thái của huyện mô phỏng: 2023-Q1 hoặc 2023-Q2 (mặc định: 2023-Q1)")
    simulate.add_argument("--config", metavar="TỆP", default="config/demo.toml",
                          help="tệp cấu hình có bảng [resolve] (mặc định: config/demo.toml)")
    simulate.set_defaults(func=cmd_simulate)

    demo = _sub(sub, "demo", parents=[common], help="chạy thử trên huyện mô phỏng và viết báo cáo (make demo)",
                description="Chạy huyện mô phỏng, kiểm tra mọi đơn vị, viết công văn và kết quả, rồi dừng.",
                examples="Ví dụ:\n  camthuy-audit demo --quarter 2023-Q1 --config config/demo.toml --out reports")
    demo.add_argument("--quarter", metavar="QUÝ", default="2023-Q1",
                      help="quý: 2023-Q1 hoặc 2023-Q2, huyện mô phỏng ở trạng thái của quý đó (mặc định: 2023-Q1)")
    demo.add_argument("--config", metavar="TỆP", default="config/demo.toml",
                      help="tệp cấu hình (mặc định: config/demo.toml)")
    demo.add_argument("--out", metavar="THƯ_MỤC", default="reports", help="thư mục kết quả (mặc định: reports)")
    demo.add_argument("--date", metavar="NGÀY",
                      help="ngày lập công văn YYYY-MM-DD, sau khi quý kết thúc (mặc định: tháng sau quý)")
    noise = demo.add_mutually_exclusive_group()
    noise.add_argument("--quiet", "-q", action="store_true", help="không hiện tiến trình")
    noise.add_argument("--verbose", "-v", action="store_true", help="in thêm chi tiết ra stderr")
    demo.set_defaults(func=cmd_demo)

    recheck = _sub(sub, "recheck", parents=[common], help="kiểm tra lại các đơn vị còn “?” của một quý",
                   description="Kiểm tra lại những đơn vị mà lần chạy của quý còn để “?” (cổng không truy cập "
                               "được lúc đó, trang lỗi) rồi viết lại công văn, báo cáo và kết quả. Lịch sử giữ cả "
                               "hai lần kiểm tra. Lệnh schedule tự chạy việc này sau lần chạy quý.",
                   examples="Ví dụ:\n  camthuy-audit recheck --quarter 2026-Q1")
    render = _sub(sub, "render", parents=[common], help="viết lại công văn, báo cáo của một quý từ lịch sử",
                  description="Viết lại công văn (notice.html, .docx, .pdf), phụ lục (.xlsx, .csv), report.html và results.json của một quý đã kiểm tra, từ "
                              "kho lịch sử (không tải lại cổng nào) — ví dụ sau khi thêm điều chỉnh thủ công.",
                  examples="Ví dụ:\n  camthuy-audit render --quarter 2026-Q1")
    for command, func in ((recheck, cmd_recheck), (render, cmd_render)):
        command.add_argument("--quarter", metavar="QUÝ", help="quý, dạng NĂM-Qn, vd. 2026-Q1 (mặc định: quý vừa kết thúc)")
        command.add_argument("--config", metavar="TỆP", help=f"tệp cấu hình huyện (mặc định: {DEFAULT_CONFIG})")
        command.add_argument("--out", metavar="THƯ_MỤC", default="reports", help="thư mục kết quả (mặc định: reports)")
        command.add_argument("--date", metavar="NGÀY",
                             help="ngày lập công văn YYYY-MM-DD, sau khi quý kết thúc (mặc định: tháng sau quý)")
        command.add_argument("--quiet", "-q", action="store_true", help="chỉ in cảnh báo, lỗi và đường dẫn kết quả")
        command.set_defaults(func=func)

    history = _sub(sub, "history", parents=[common], help="các quý đã kiểm tra, kết quả từng đơn vị qua các quý",
                   description="In các quý đã kiểm tra (từ kho lịch sử) và, với mỗi đơn vị, số nội dung đạt và số "
                               "tin bài qua từng quý; rồi các lần chạy (quy tắc và phiên bản công cụ đã dùng).",
                   examples="Ví dụ:\n  camthuy-audit history\n  camthuy-audit history --json")
    history.add_argument("--config", metavar="TỆP", help=f"tệp cấu hình huyện (mặc định: {DEFAULT_CONFIG})")
    history.add_argument("--json", action="store_true", help="in dạng JSON")
    history.set_defaults(func=cmd_history)

    schedule = _sub(sub, "schedule", parents=[common], help="tự chạy kiểm tra mỗi quý (chạy liên tục)",
                    description="Chạy theo lịch trong [schedule] của tệp cấu hình (mặc định 07:00 ngày 5 các tháng "
                                "1, 4, 7, 10, kiểm tra quý vừa kết thúc). Khi khởi động, chạy ngay quý bị lỡ (máy "
                                "tắt đúng ngày); sau mỗi lần chạy vài ngày tự kiểm tra lại các đơn vị còn “?”.",
                    examples="Ví dụ:\n  camthuy-audit schedule --dry-run      (in 4 lần chạy tới)\n"
                             "  camthuy-audit schedule                (chạy liên tục; dừng bằng Ctrl-C)")
    schedule.add_argument("--config", metavar="TỆP", help=f"tệp cấu hình huyện (mặc định: {DEFAULT_CONFIG})")
    schedule.add_argument("--out", metavar="THƯ_MỤC", default="reports", help="thư mục kết quả (mặc định: reports)")
    schedule.add_argument("--dry-run", action="store_true",
                          help="chỉ in 4 lần chạy tới (thời điểm ISO-8601 và quý sẽ kiểm tra) rồi thoát")
    schedule.add_argument("--quiet", "-q", action="store_true", help="chỉ in cảnh báo và lỗi")
    schedule.set_defaults(func=cmd_schedule)
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
