"""`stationdesk-server`: the district administrator's commands. DATABASE_URL picks the store."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from sqlalchemy import Engine

from . import admin
from .db import make_engine, migrate


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="stationdesk-server", description="区总工会服务器管理")
    p.add_argument("--db", help="数据库地址（默认取 DATABASE_URL，否则本目录 SQLite 文件）")
    sub = p.add_subparsers(dest="cmd", required=True)
    sub.add_parser("init-db", help="建立或升级数据库")
    s = sub.add_parser("create-district")
    s.add_argument("code")
    s.add_argument("name")
    s = sub.add_parser("create-station")
    s.add_argument("district")
    s.add_argument("code")
    s.add_argument("name")
    s = sub.add_parser("enrol-code", help="重新签发一次性登记码")
    s.add_argument("station")
    s = sub.add_parser("revoke", help="停用服务站")
    s.add_argument("station")
    s = sub.add_parser("create-program")
    s.add_argument("district")
    s.add_argument("code")
    s.add_argument("year", type=int)
    s.add_argument("name")
    s.add_argument(
        "type", help="项目类型：living（生活救助）、medical（医疗救助）等，值或中文名均可"
    )
    s.add_argument("--rules", default="{}", help='JSON，如 {"high_school": 300000}')
    s.add_argument("--max-times", type=int)
    s.add_argument("--cap-fen", type=int)
    s.add_argument(
        "--requires-file", action="append", choices=["deep", "relative", "accident"],
        help="只发给该类别的建档困难职工（可多次）",
    )  # fmt: skip
    s = sub.add_parser(
        "dibao-standard", help="设置当地低保标准（分/人·月，自某日起），同步到各服务站"
    )
    s.add_argument("district")
    s.add_argument("standard_fen", type=int)
    s.add_argument("effective_on", help="起始日期 YYYY-MM-DD")
    s = sub.add_parser("create-budget")
    s.add_argument("program_id")
    s.add_argument("station")
    s.add_argument("budget_fen", type=int)
    s = sub.add_parser("create-admin", help="建立区总工会管理台账户（密码取自环境变量或提示输入）")
    s.add_argument("--district", help="区代码")
    s.add_argument("--username", help="用户名")
    s.add_argument(
        "--role", default="admin", help="admin（管理员）、reviewer（审核）、viewer（只读）"
    )
    s = sub.add_parser("create-staff")
    s.add_argument("station")
    s.add_argument("username")
    s.add_argument("display_name")
    s.add_argument("role")
    s.add_argument("password")
    s = sub.add_parser("withdraw", help="撤回一条有问题的记录（各服务站下次同步时删除）")
    s.add_argument("entity", help="数据类型，如 relief、receipt、visit、member")
    s.add_argument("id")
    s.add_argument("--reason", required=True)
    sub.add_parser("integrity", help="列出完整性提示（被改动的收据、撤回的记录）")
    sub.add_parser("flags", help="列出重复救助提示")
    s = sub.add_parser("conflicts", help="列出会员修改冲突（姓名脱敏）；resolve 由区里处理")
    s.add_argument("action", nargs="?", choices=["list", "resolve"], default="list")
    s.add_argument("conflict", nargs="?", help="resolve：冲突记录编号（任一方的均可）")
    s.add_argument("--value", help="resolve：会员该字段的新值")
    s.add_argument("--take", help="resolve：采用哪个服务站的值（服务站编码）")
    s.add_argument("--all", action="store_true", help="list：包括已处理的")
    s = sub.add_parser("figures", help="月度汇总")
    s.add_argument("period")
    sub.add_parser("rebuild-read-model", help="由同步记录重建统计用的数据表（总览、月度汇总）")
    s = sub.add_parser("sync", help="无网络同步：导入服务站的同步文件并生成回执")
    actions = s.add_subparsers(dest="action", required=True)
    s = actions.add_parser("import", help="导入服务站导出的文件（可重复导入），写出回执文件")
    s.add_argument("file")
    s.add_argument("--out", help="回执文件（默认在原文件旁，名为 原名.reply.sdsync）")
    s = sub.add_parser("serve")
    s.add_argument("--host", default="127.0.0.1")
    s.add_argument("--port", type=int, default=8750)
    s.add_argument("--workers", type=int, default=1)
    s.add_argument("--ssl-certfile")
    s.add_argument("--ssl-keyfile")
    return p


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.cmd == "init-db":
        migrate(args.db)
        print("数据库已就绪")
        return 0
    if args.cmd == "serve":
        import os

        import uvicorn

        migrate(args.db)
        if args.db:
            os.environ["DATABASE_URL"] = args.db
        uvicorn.run(
            "server.app:app_from_env",
            factory=True,
            host=args.host,
            port=args.port,
            workers=args.workers,
            ssl_certfile=args.ssl_certfile,
            ssl_keyfile=args.ssl_keyfile,
        )
        return 0
    engine = make_engine(args.db)
    if args.cmd == "create-admin":
        from .console.admin_cli import create_admin

        return create_admin(engine, args)
    if args.cmd == "sync":
        return _sync_import(engine, args)
    if args.cmd == "rebuild-read-model":
        from .readmodel.project import rebuild_all

        print(admin.dumps(rebuild_all(engine)))
        return 0
    out: object
    if args.cmd == "create-district":
        out = admin.create_district(engine, args.code, args.name)
    elif args.cmd == "create-station":
        sid, code = admin.create_station(engine, args.district, args.code, args.name)
        out = {"station_id": sid, "enrol_code": code}
    elif args.cmd == "enrol-code":
        out = {"enrol_code": admin.enrol_code(engine, args.station)}
    elif args.cmd == "revoke":
        admin.revoke(engine, args.station)
        out = "已停用"
    elif args.cmd == "create-program":
        out = admin.create_program(
            engine,
            args.district,
            code=args.code,
            year=args.year,
            name=args.name,
            program_type=args.type,
            amount_rules=json.loads(args.rules),
            max_times_per_year=args.max_times,
            annual_cap_fen=args.cap_fen,
            requires_file=args.requires_file,
        )
    elif args.cmd == "dibao-standard":
        out = admin.set_dibao_standard(engine, args.district, args.standard_fen, args.effective_on)
    elif args.cmd == "create-budget":
        out = admin.create_budget(engine, args.program_id, args.station, args.budget_fen)
    elif args.cmd == "create-staff":
        out = admin.create_staff(
            engine,
            args.station,
            username=args.username,
            display_name=args.display_name,
            role=args.role,
            password=args.password,
        )
    elif args.cmd == "withdraw":
        out = admin.withdraw(engine, args.entity, args.id, args.reason)
    elif args.cmd == "conflicts":
        out = _conflicts(engine, args)
    elif args.cmd in ("flags", "integrity"):
        kinds = {"flags": "dup_flag", "conflicts": "conflict", "integrity": "integrity_flag"}
        out = admin.list_findings(engine, kinds[args.cmd])
    else:
        out = admin.monthly_figures(engine, args.period)
    print(admin.dumps(out))
    return 0


def _conflicts(engine: Engine, args: argparse.Namespace) -> object:
    from contract.records import RecordError

    from . import conflicts

    if args.action == "list":
        return conflicts.listing(engine, include_closed=args.all)
    if not args.conflict or (args.value is None) == (args.take is None):
        raise SystemExit("错误：请给出冲突编号，并用 --value 新值 或 --take 服务站编码 二选一")
    try:
        value = args.value
        if args.take is not None:
            value = conflicts.value_of_station(engine, args.conflict, args.take)
        row = conflicts.resolve_at_district(
            engine, conflicts.district_of(engine, args.conflict), args.conflict, value
        )
    except RecordError as exc:
        raise SystemExit(f"错误：{exc}") from None
    return {"resolved": row.id, "field": row.data.get("field"), "value": value}


def _sync_import(engine: Engine, args: argparse.Namespace) -> int:
    from contract.syncfile import SyncFileError

    from .filetransfer import import_station_file

    source = Path(args.file)
    out = Path(args.out) if args.out else source.with_name(source.stem + ".reply.sdsync")
    try:
        result = import_station_file(engine, source, out)
    except SyncFileError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(admin.dumps(result.as_dict()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
