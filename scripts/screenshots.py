"""Open every screen on a demo station and save a PNG of each at 1366x768 and 1920x1080.

.venv/bin/python scripts/screenshots.py OUT_DIR [--members N] [--lang en]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--lang", default="zh_CN")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from PySide6.QtWidgets import QApplication

    from desktop.services.demo import create_demo
    from desktop.ui import app as ui_app
    from desktop.ui.main_window import PAGES

    db = Path(tempfile.mkdtemp(prefix="stationdesk-shots-")) / "demo.sqlite3"
    create_demo(db, members=args.members)
    qapp = ui_app.make_app(lang=args.lang)
    controller = ui_app.Controller(db, synchronous=True, auto_login=("head", "demo1234"))
    controller.start()
    window = controller.window
    for width, height in ((1366, 768), (1920, 1080)):
        window.resize(width, height)
        for key, *_rest in PAGES:
            window.show_page(key)
            for _ in range(3):
                qapp.processEvents()
            path = args.out / f"{key}-{width}x{height}.png"
            window.grab().save(str(path))
            print(path)
    members = window.pages["members"]
    members.open_member(members.model.index(0, 0))  # type: ignore[attr-defined]
    qapp.processEvents()
    dialog = next(
        w
        for w in QApplication.topLevelWidgets()
        if type(w).__name__ == "MemberDialog" and w.isVisible()
    )
    dialog.grab().save(str(args.out / "member-dialog.png"))
    from desktop.ui.login import LoginDialog

    login = LoginDialog(
        controller.ops, controller.info["ctx"], "石牌街工会服务站（演示）", ["head", "worker"]
    )
    login.show()
    qapp.processEvents()
    login.grab().save(str(args.out / "login.png"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
