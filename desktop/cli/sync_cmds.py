"""`stationdesk sync`: enrol with the district server and run a sync from the command line."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from .commands import _engine


def cmd_sync(args: argparse.Namespace) -> dict[str, Any]:
    from ..sync.commands import sync_now

    def progress(p: Any) -> None:
        if not args.json:
            phase = {"push": "上传", "pull": "下载"}.get(getattr(p, "phase", ""), "同步")
            print(f"  {phase}：已处理 {getattr(p, 'done', '?')} 条", file=sys.stderr)

    result = sync_now(_engine(args), progress=progress)
    return {
        "text": "同步完成：" + result.summary(),
        "pushed": result.pushed,
        "pulled": result.pulled,
        "requests": result.requests,
        "statuses": result.statuses,
        "clock_offset_s": result.clock_offset_s,
        "warnings": result.warnings,
    }


def cmd_enrol(args: argparse.Namespace) -> dict[str, Any]:
    from ..services.errors import ValidationError
    from ..sync.commands import enrol

    errors = {}
    if not args.url.startswith(("http://", "https://")):
        errors["url"] = f"服务器地址“{args.url}”应以 http:// 或 https:// 开头"
    if len(args.code.strip()) < 4:
        errors["code"] = "登记码不正确（请核对区总工会发放的一次性登记码）"
    if errors:
        raise ValidationError(errors)
    result = enrol(_engine(args), args.url, args.code, ca_bundle=args.ca_bundle)
    return {
        "text": f"已在区总工会服务器登记（{args.url}），令牌保存在 {result.token_file}",
        "district_code": result.district_code,
        "token_file": str(result.token_file),
    }


def cmd_export(args: argparse.Namespace) -> dict[str, Any]:
    from ..sync.filetransfer import export_file

    result = export_file(_engine(args), args.file)
    return {
        "text": result.summary(),
        "file": str(result.path),
        "mutations": result.mutations,
        "batches": result.batches,
        "cursor": result.cursor,
    }


def cmd_import(args: argparse.Namespace) -> dict[str, Any]:
    from ..sync.filetransfer import import_reply

    result = import_reply(_engine(args), args.file)
    return {
        "text": "回执已导入：" + result.summary(),
        "statuses": result.statuses,
        "pulled": result.pulled,
        "pulled_by_entity": result.pulled_by_entity,
        "pages_applied": result.pages_applied,
        "pages_skipped": result.pages_skipped,
        "results_skipped": result.results_skipped,
    }


def register(sub: Any) -> None:
    sync = sub.add_parser("sync", help="与区总工会服务器同步（不带子命令即立即同步）")
    sync.set_defaults(handler=cmd_sync)
    actions = sync.add_subparsers(dest="action")
    p = actions.add_parser("enrol", help="用一次性登记码登记本站")
    p.add_argument("url", help="服务器地址，如 https://district.example:8443")
    p.add_argument("code", help="区总工会发放的一次性登记码")
    p.add_argument("--ca-bundle", help="区总工会自有证书的 CA 文件")
    p.set_defaults(handler=cmd_enrol)
    p = actions.add_parser("now", help="立即同步")
    p.set_defaults(handler=cmd_sync)
    p = actions.add_parser("export", help="无网络时：把待上传变更导出为加密文件，带到区总工会")
    p.add_argument("file", help="要写入的同步文件，如 U 盘上的 本站.sdsync")
    p.set_defaults(handler=cmd_export)
    p = actions.add_parser("import", help="无网络时：导入区总工会给本站的回执文件（可重复导入）")
    p.add_argument("file", help="区服务器生成的回执文件")
    p.set_defaults(handler=cmd_import)
