"""`stationdesk-server create-admin`: the first (or a further) console account of a district.

The password comes from STATIONDESK_ADMIN_PASSWORD or is asked twice at the terminal; it is
never an argument (it would stay in the shell history and the process list).
"""

from __future__ import annotations

import argparse
import getpass
import os
import sys

from sqlalchemy import Engine

from .accounts import AccountError, create_user


def _ask(prompt: str) -> str:
    value = input(prompt).strip()
    if not value:
        raise SystemExit("错误：不能为空")
    return value


def _password() -> str:
    given = os.environ.get("STATIONDESK_ADMIN_PASSWORD")
    if given:
        return given
    first = getpass.getpass("密码：")
    if getpass.getpass("再输一次：") != first:
        raise SystemExit("错误：两次输入的密码不一致")
    return first


def create_admin(engine: Engine, args: argparse.Namespace) -> int:
    district = args.district or _ask("区代码：")
    username = args.username or _ask("用户名：")
    try:
        create_user(engine, district, username, _password(), role=args.role)
    except AccountError as exc:
        print(f"错误：{exc}", file=sys.stderr)
        return 1
    print(f"已建立区 {district} 的管理台账户 {username}，请用浏览器打开 /console/ 登录")
    return 0
