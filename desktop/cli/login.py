"""Commands act as a staff member: `--user NAME`, the password from STATIONDESK_PASSWORD or a
prompt. The login unwraps the station file's key, opens it, and checks the account (its role
then applies, and the audit names it). `init` and `demo` are the only commands without one."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import Any

from ..services.errors import UserFacingError

PASSWORD_ENV = "STATIONDESK_PASSWORD"
USER_ENV = "STATIONDESK_USER"


def ask_password(prompt: str, env: str = PASSWORD_ENV) -> str:
    """From the environment (scripts) or typed at a prompt that does not echo."""
    value = os.environ.get(env)
    if value:
        return value
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise UserFacingError(f"未输入密码（可在提示时输入，或设置环境变量 {env}）") from None


def username(args: argparse.Namespace) -> str:
    user = (getattr(args, "user", None) or os.environ.get(USER_ENV, "")).strip()
    if not user:
        raise UserFacingError(
            "此命令需要登录：请用 --user 登录名 指定工作人员"
            f"（密码在提示时输入，或设置环境变量 {PASSWORD_ENV}）"
        )
    return user


def opened(args: argparse.Namespace) -> Any:
    """The unlocked store and the logged-in member, once per command run."""
    from ..services import unlock

    done = getattr(args, "_opened", None)
    if done is not None:
        return done
    user = username(args)
    password = ask_password(f"{user} 的密码：")
    result = unlock.open_with_login(Path(args.db), user, password)
    if result.recovery_code:
        say_recovery_code(result.recovery_code, converted=True)
    args._opened = result
    return result


def say_recovery_code(code: str, *, converted: bool = False) -> None:
    """Shown once, on the console (not in --json output, never in a log)."""
    first = "本站数据已加密。" if converted else ""
    print(
        f"{first}恢复码（请站长抄在纸上妥善保管，只显示这一次；忘记所有密码时凭它重置站长密码）：\n"
        f"    {code}",
        file=sys.stderr,
    )
