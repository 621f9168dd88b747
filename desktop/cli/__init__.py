"""`stationdesk`: the app's work without a window, for administrators and scripts.

Every command but init and demo logs in (`--user`, see cli/login.py), which unlocks the
encrypted database; it then opens (and migrates) it, does one thing through the services as
that staff member, and prints a result: Chinese text by default, JSON with --json. Errors exit non-zero with one line
in the user's language; an unexpected error's traceback goes to the log file, not the console.
"""

from __future__ import annotations

import argparse
import json
import logging
import sys
import traceback
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..paths import data_dir, default_db_path

Handler = Callable[[argparse.Namespace], Any]
EXIT_USER_ERROR = 1
EXIT_BUG = 2


def build_parser() -> argparse.ArgumentParser:
    from . import (
        case_cmds,
        commands,
        documents,
        hardship_cmds,
        member_cmds,
        station_admin,
        sync_cmds,
    )

    parser = argparse.ArgumentParser(prog="stationdesk", description="工会服务站工作台（命令行）")
    parser.add_argument("--db", type=Path, default=None, help="数据库文件（默认：用户数据目录）")
    parser.add_argument("--json", action="store_true", help="输出 JSON")
    parser.add_argument(
        "--user",
        help="以哪位工作人员登录（密码在提示时输入，或环境变量 STATIONDESK_PASSWORD）；"
        "除 init、demo 外的命令都需要",
    )
    sub = parser.add_subparsers(dest="command", metavar="命令", required=True)
    export = commands.register(sub)
    documents.register(sub, export)
    sync_cmds.register(sub)
    member_cmds.register(sub)
    station_admin.register(sub)
    hardship_cmds.register(sub)
    case_cmds.register(sub)
    return parser


def _print(result: Any, as_json: bool) -> None:
    if result is None:
        return
    if as_json:
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))
        return
    if isinstance(result, dict) and "text" in result:
        print(result["text"])
    elif isinstance(result, str):
        print(result)
    else:
        print(json.dumps(result, ensure_ascii=False, indent=2, default=str))


def _log_bug(exc: BaseException) -> Path:
    log_dir = data_dir() / "logs"
    log_dir.mkdir(parents=True, exist_ok=True)
    path = log_dir / "stationdesk-cli.log"
    with path.open("a", encoding="utf-8") as fh:
        fh.write("".join(traceback.format_exception(exc)))
    return path


def main(argv: list[str] | None = None) -> int:
    from ..services.errors import Cancelled, UserFacingError
    from ..store import StoreError

    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(message)s")
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.db is None:
        args.db = default_db_path()
    try:
        result = args.handler(args)
    except (UserFacingError, StoreError) as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return EXIT_USER_ERROR
    except Cancelled:
        print("已取消", file=sys.stderr)
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        print("已中断", file=sys.stderr)
        return 130
    except Exception as exc:  # noqa: BLE001 - the console never shows a traceback
        path = _log_bug(exc)
        print(f"出错了（{type(exc).__name__}），详情已写入 {path}", file=sys.stderr)
        return EXIT_BUG
    _print(result, args.json)
    return 0
