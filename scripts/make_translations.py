"""Refresh and compile the interface translations.

The UI's source strings are Chinese (inside self.tr() / QCoreApplication.translate() /
QT_TRANSLATE_NOOP in desktop/ui). This script

1. runs pyside6-lupdate over desktop/ui plus the domain's label tables (enum labels from
   desktop/models/enums.py LABELS in context "enum", member field names from
   desktop/services/members.py FIELD_LABELS in context "field"; desktop/ui/labels.py shows
   them through translate()), merging new strings into
   resources/translations/stationdesk_<lang>.ts (translations already there are kept;
   strings no longer in the code are dropped),
2. lists every message still unfinished (edit the .ts by hand or with pyside6-linguist),
3. compiles the .ts to stationdesk_<lang>.qm with pyside6-lrelease (the file the app loads).

    .venv/bin/python scripts/make_translations.py            # update + compile
    .venv/bin/python scripts/make_translations.py --check    # also fail if anything is unfinished
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "desktop" / "ui"
TRANSLATIONS = ROOT / "resources" / "translations"
LANGS = ("en",)


def tool(name: str) -> str:
    """pyside6-lupdate / pyside6-lrelease from the venv running this script, else from PATH."""
    beside = Path(sys.executable).parent / name
    if beside.exists():
        return str(beside)
    found = shutil.which(name)
    if not found:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"stationdesk_{lang}.ts"


def domain_labels() -> dict[str, list[str]]:
    """Chinese labels the UI shows from Qt-free tables, by translation context."""
    sys.path.insert(0, str(ROOT))
    from contract.enums import LABELS
    from desktop.services.members import FIELD_LABELS

    return {
        "enum": sorted(set(LABELS.values())),
        "field": sorted(set(FIELD_LABELS.values())),
    }


def domain_source(folder: Path) -> Path:
    """A throw-away .py of QT_TRANSLATE_NOOP calls lupdate can read (never committed: the
    tables in models/services stay the one source)."""
    lines = [
        f"QT_TRANSLATE_NOOP({context!r}, {text!r})"
        for context, texts in domain_labels().items()
        for text in texts
    ]
    path = folder / "domain_labels.py"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def sources(folder: Path) -> list[str]:
    files = sorted(str(p) for p in SOURCES.glob("*.py"))
    return [*files, str(domain_source(folder))]


def update(lang: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        subprocess.run(
            [tool("pyside6-lupdate"), *sources(Path(folder)), "-no-obsolete", "-locations", "none"]
            + ["-target-language", lang, "-ts", str(ts_path(lang))],
            cwd=ROOT,
            check=True,
        )


def unfinished(path: Path) -> list[tuple[str, str]]:
    """(context, source) of every message without a finished translation."""
    missing = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            text = "".join(translation.itertext()).strip() if translation is not None else ""
            if translation is None or translation.get("type") == "unfinished" or not text:
                missing.append((name, message.findtext("source", "")))
    return missing


def compile_qm(lang: str) -> Path:
    qm = ts_path(lang).with_suffix(".qm")
    subprocess.run(
        [tool("pyside6-lrelease"), "-silent", str(ts_path(lang)), "-qm", str(qm)], check=True
    )
    return qm


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail on unfinished messages")
    parser.add_argument("--no-update", action="store_true", help="only compile the .ts files")
    args = parser.parse_args(argv)
    status = 0
    for lang in LANGS:
        if not args.no_update:
            update(lang)
        missing = unfinished(ts_path(lang))
        for context, source in missing:
            print(f"{lang}: unfinished [{context}] {source}")
        if missing and args.check:
            status = 1
        print(f"{lang}: wrote {compile_qm(lang).relative_to(ROOT)} ({len(missing)} unfinished)")
    return status


if __name__ == "__main__":
    sys.exit(main())
