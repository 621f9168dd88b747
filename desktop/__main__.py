"""python -m desktop: the station's desktop app (flags: --db, --demo, --smoke, --lang, --version).

The bundle (build.spec) runs this file as its entry point.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    from desktop import __version__

    if sys.stdout is None or sys.stderr is None:  # the windowed Windows bundle has no console
        devnull = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as we do
        sys.stdout = sys.stdout or devnull
        sys.stderr = sys.stderr or devnull
    parser = argparse.ArgumentParser(prog="stationdesk-gui", description="工会服务站工作台")
    parser.add_argument("--version", action="version", version=f"StationDesk {__version__}")
    parser.add_argument("--db", type=Path, help="database file (default: the user data folder)")
    parser.add_argument("--demo", action="store_true", help="open (or create) the demo station")
    parser.add_argument(
        "--smoke",
        action="store_true",
        help="check the install headless and quit (0 = all well): a throwaway database, the "
        "main window, one receipt as PDF, the month's report, sign-off sheet and ledger; with --db, migrate that file (after a backup), open "
        "it up to the login, and check its latest receipt",
    )
    parser.add_argument("--lang", choices=("zh_CN", "en"), help="interface language")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    if args.smoke:
        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        return smoke(args.db, args.lang)
    from desktop.paths import data_dir, default_db_path
    from desktop.ui import app

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


def smoke(db_path: Path | None, lang: str | None) -> int:
    """Run the smoke checks; print one line, `smoke ok: ...` (exit 0) or `smoke FAILED: ...`."""
    from desktop import __version__

    started = time.perf_counter()
    try:
        facts = _smoke_existing(db_path, lang) if db_path else _smoke_new(lang)
    except Exception as exc:  # noqa: BLE001 - any failure is the answer, reported in one line
        print(f"smoke FAILED: {type(exc).__name__}: {exc}", flush=True)
        return 1
    seconds = time.perf_counter() - started
    print(f"smoke ok: StationDesk {__version__}; {'; '.join(facts)}; {seconds:.2f} s", flush=True)
    return 0


def _smoke_new(lang: str | None) -> list[str]:
    import shutil

    from desktop.smoke import month_documents, new_station_receipt
    from desktop.ui import app

    db_path = app.smoke_db()
    try:
        code = app.run(db_path, lang=lang, smoke=True)
        if code != 0:
            raise RuntimeError(f"the window smoke exited {code}")
        from desktop.smoke import encryption_fact

        facts = [f"main window opened on a file {encryption_fact(db_path)}"] + _qt_checks()
        receipt = new_station_receipt(db_path)
        facts.append(f"receipt {receipt.number} rendered to PDF ({receipt.pdf_bytes} bytes)")
        docs = month_documents(db_path)
        facts.append(
            f"monthly report {docs.monthly_pdf_bytes} B, sign-off sheet {docs.signoff_pdf_bytes}"
            f" B, relief ledger .xlsx {docs.ledger_xlsx_bytes} B"
        )
        return facts
    finally:
        shutil.rmtree(db_path.parent, ignore_errors=True)


def _smoke_existing(db_path: Path, lang: str | None) -> list[str]:
    """With a login (STATIONDESK_USER, STATIONDESK_PASSWORD): unlock the file (a plain one is
    encrypted first), migrate it (the store backs it up first), open the window on it until
    the login asks for a user, then read it back. Writes nothing but those and the login's
    audit row. Without a login an encrypted file is only opened up to the login."""
    from PySide6.QtCore import QTimer

    from desktop.smoke import encryption_fact, existing_station_check
    from desktop.store import is_plain, migrate
    from desktop.ui import app

    if not db_path.exists():
        raise FileNotFoundError(f"数据库文件不存在：{db_path}")
    login = _smoke_login()
    converted = None
    if login is not None:
        from desktop.services import unlock

        opened = unlock.open_with_login(db_path, *login, sleep=False)
        backup, converted = opened.migrated_backup, opened.converted_backup
        opened.engine.dispose()
    elif is_plain(db_path):
        backup = migrate(db_path)
    else:
        backup = None
    qapp = app.make_app(lang=lang)
    controller = app.Controller(db_path)
    timeout = time.monotonic() + 20

    def poll() -> None:
        # the store is open and the station configured once the login dialog is up
        dialog = controller.dialog
        if dialog is not None and dialog.isVisible():
            QTimer.singleShot(300, qapp.quit)
        elif time.monotonic() > timeout:
            qapp.exit(1)
        else:
            QTimer.singleShot(50, poll)

    controller.start()
    QTimer.singleShot(50, poll)
    code = qapp.exec()
    controller.ops.wait(5000)
    if code != 0:
        raise RuntimeError("the window did not reach the login on this database within 20 s")
    if login is None and not is_plain(db_path):
        return [f"{db_path.name}: {encryption_fact(db_path)}", "window opened up to the login"]
    check = existing_station_check(db_path, login)
    facts = [
        f"{db_path.name} at schema {check.revision}"
        + (f" (backup before migrating: {backup.name})" if backup else " (already current)"),
        f"{check.members} members, {check.relief} relief, {check.receipts} receipts, "
        f"{check.visits} visits",
        "window opened up to the login",
    ] + _qt_checks()
    if login is not None:
        facts.insert(0, f"{db_path.name} {encryption_fact(db_path)}")
    if converted is not None:
        facts.insert(1, f"encrypted on this login (backup before encrypting: {converted.name})")
    if check.receipt:
        facts.append(
            f"receipt {check.receipt.number} rendered to PDF ({check.receipt.pdf_bytes} bytes)"
        )
    return facts


def _smoke_login() -> tuple[str, str] | None:
    user, password = os.environ.get("STATIONDESK_USER"), os.environ.get("STATIONDESK_PASSWORD")
    return (user, password) if user and password else None


def _qt_checks() -> list[str]:
    """What the bundle's trimmed ICU data must still do: pinyin collation and GBK."""
    from PySide6.QtCore import QCollator, QLocale, QStringDecoder

    collator = QCollator(QLocale(QLocale.Language.Chinese, QLocale.Country.China))
    names = ["张三", "王五", "李四", "安七"]
    ordered = sorted(names, key=collator.sortKey)
    if ordered != ["安七", "李四", "王五", "张三"]:
        raise RuntimeError(f"Chinese collation is not in pinyin order: {ordered}")
    if not QStringDecoder("GBK").isValid():
        raise RuntimeError("Qt has no GBK converter")
    return ["pinyin collation and GBK ok"]


if __name__ == "__main__":
    sys.exit(main())
