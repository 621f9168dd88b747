"""Open every screen on a demo station and save a PNG of each, at each screen size.

    .venv/bin/python scripts/screenshots.py OUT_DIR [--members N] [--lang en]
                                            [--sizes 1366x768,1920x1080]

Screens (named after the page keys of main_window.PAGES, as docs/用户指南.md links them):
dashboard, members, visits, relief, campaign, log (station log), month (month end), sync,
conflicts, settings as PAGE-WxH.png, one per size; the dialogs, whose size does not follow the
screen, once: login, wizard, wizard-enrol, member-page, about (.png). The demo gets two member
conflicts (as a sync would leave them) so the conflicts screen has something to show.
PNGs are written at the highest zlib compression.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def add_conflicts(engine: Any) -> None:
    from sqlmodel import Session, select

    from desktop.models import Conflict, Member

    with Session(engine) as session:
        member = session.exec(select(Member).order_by(Member.pinyin_full)).first()
        assert member is not None
        for field, local, server in (
            ("employer", member.employer or "广州某物流有限公司", "广州某快递服务有限公司"),
            ("phone", member.phone or "13800000000", "13912345678"),
        ):
            session.add(
                Conflict(
                    entity="member",
                    row_id=member.id,
                    field=field,
                    local_value=local,
                    server_value=server,
                )
            )
        session.commit()


def member_with_history(engine: Any) -> str:
    """The name of a member who has both relief and a visit in the demo (a fuller page)."""
    from sqlalchemy import text

    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT m.name FROM member m JOIN reliefdistribution r ON r.member_id = m.id "
                "JOIN visitmember vm ON vm.member_id = m.id GROUP BY m.id ORDER BY count(*) DESC"
            )
        ).fetchone()
    return str(row[0]) if row else ""


def settle(qapp: Any) -> None:
    for _ in range(5):
        qapp.processEvents()


def save(widget: Any, path: Path) -> None:
    widget.grab().save(str(path), "PNG", 0)  # quality 0 = smallest file for PNG
    print(path)


def dialog_of(kind: str) -> Any:
    from PySide6.QtWidgets import QApplication

    return next(
        w for w in QApplication.topLevelWidgets() if type(w).__name__ == kind and w.isVisible()
    )


def shoot_size(
    controller: Any, qapp: Any, out: Path, size: tuple[int, int], db: Path, dialogs: bool
) -> None:
    from desktop.ui.login import LoginDialog
    from desktop.ui.main_window import PAGES
    from desktop.ui.ops import Ops
    from desktop.ui.wizard import SetupWizard

    window = controller.window
    window.resize(*size)
    tag = f"{size[0]}x{size[1]}"
    for key, *_rest in PAGES:
        page = window.show_page(key)
        settle(qapp)
        save(window, out / f"{key}-{tag}.png")
        for index in range(1, page.tabs.count()) if key == "settings" else ():
            page.tabs.setCurrentIndex(index)  # settings: one picture per tab
            settle(qapp)
            save(window, out / f"{key}-{index}-{tag}.png")
        if key == "settings":
            page.tabs.setCurrentIndex(0)
    if not dialogs:
        return
    members = window.show_page("members")
    members.search.setText(
        member_with_history(controller.info["engine"])
    )  # a member with visits and relief
    members.run_query()
    settle(qapp)
    members.open_member(members.model.index(0, 0))
    settle(qapp)
    member = dialog_of("MemberDialog")
    save(member, out / "member-page.png")
    member.close()
    settings = window.show_page("settings")
    about = settings.show_about()
    settle(qapp)
    save(about, out / "about.png")
    about.close()
    login = LoginDialog(
        controller.ops, controller.info["ctx"], "石牌街工会服务站（演示）", ["head", "worker"]
    )
    login.show()
    settle(qapp)
    save(login, out / "login.png")
    login.close()
    fresh = Path(tempfile.mkdtemp(prefix="stationdesk-shots-wizard-")) / "new.sqlite3"
    from desktop.services.unlock import new_store

    wizard = SetupWizard(Ops(synchronous=True), new_store(fresh), fresh)
    wizard.show()
    settle(qapp)
    save(wizard, out / "wizard.png")
    wizard.stack.setCurrentIndex(1)  # connect to the district server
    settle(qapp)
    save(wizard, out / "wizard-enrol.png")
    wizard.close()


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("out", type=Path)
    parser.add_argument("--members", type=int, default=2000)
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--sizes", default="1366x768,1920x1080")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    from desktop.services.demo import create_demo
    from desktop.ui import app as ui_app

    db = Path(tempfile.mkdtemp(prefix="stationdesk-shots-")) / "demo.sqlite3"
    demo = create_demo(db, members=args.members)
    add_conflicts(demo.engine)
    demo.engine.dispose()
    qapp = ui_app.make_app(lang=args.lang)
    controller = ui_app.Controller(db, synchronous=True, auto_login=("head", "demo1234"))
    controller.start()
    for _ in range(50):
        if controller.state is not None:
            break
        settle(qapp)
    assert controller.state is not None, "the demo did not open"
    for index, size in enumerate(args.sizes.split(",")):
        width, height = (int(x) for x in size.lower().split("x"))
        shoot_size(controller, qapp, args.out, (width, height), db, dialogs=index == 0)
    return 0


if __name__ == "__main__":
    sys.exit(main())
