"""python -m desktop: the station's desktop app (flags: --db, --demo, --smoke, --lang)."""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="stationdesk-gui", description="工会服务站工作台")
    parser.add_argument("--db", type=Path, help="database file (default: the user data folder)")
    parser.add_argument("--demo", action="store_true", help="open (or create) the demo station")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="start on a throwaway database, open the main window, quit 0",
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.smoke:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from desktop.paths import data_dir, default_db_path
    from desktop.ui import app

    if args.smoke:
        return app.run(app.smoke_db(), lang=args.lang, smoke=True)
    db_path = args.db or default_db_path()
    auto_login = None
    if args.demo:
        db_path = args.db or data_dir() / "demo.sqlite3"
        if not db_path.exists():
            db_path.parent.mkdir(parents=True, exist_ok=True)
            from desktop.services.demo import create_demo

            print("正在生成演示服务站……", file=sys.stderr)
            create_demo(db_path, members=2000)
    db_path.parent.mkdir(parents=True, exist_ok=True)
    return app.run(db_path, lang=args.lang, auto_login=auto_login)


if __name__ == "__main__":
    sys.exit(main())
