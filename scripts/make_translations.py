"""Refresh and compile the interface translations.

The UI's source strings are Chinese (inside self.tr() / QCoreApplication.translate() /
QT_TRANSLATE_NOOP in desktop/ui). This script

1. runs pyside6-lupdate over desktop/ui plus the domain's label tables (enum labels from
   desktop/models/enums.py LABELS in context "enum", member field names from
   desktop/services/members.py FIELD_LABELS in context "field"; desktop/ui/labels.py shows
   them through translate()) and the domain's messages (context "service": every Chinese
   string and f-string in desktop/services, desktop/sync, contract and the key/store modules,
   f-strings as templates with numbered placeholders, see service_templates()), merging new
   strings into
   resources/translations/stationdesk_<lang>.ts (translations already there are kept;
   strings no longer in the code are dropped),
2. writes the service templates to resources/translations/service_templates.json (the
   bundle has no sources; desktop/ui/service_text.py matches messages against them),
3. lists every message still unfinished (edit the .ts by hand or with pyside6-linguist),
4. compiles the .ts to stationdesk_<lang>.qm with pyside6-lrelease (the file the app loads).

    .venv/bin/python scripts/make_translations.py            # update + compile
    .venv/bin/python scripts/make_translations.py --check    # also fail if anything is unfinished
"""

from __future__ import annotations

import argparse
import ast
import json
import re
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
SERVICE_TEMPLATES = TRANSLATIONS / "service_templates.json"
# Where the domain's user-facing messages are written (Qt-free code: no tr() there), and the
# server modules whose refusals and notices come back to a station (a pushed record's error on
# the sync page, an enrolment refusal, the district's duplicate-aid notice on the relief page).
SERVICE_SOURCES = (
    "desktop/services",
    "desktop/sync",
    "contract",
    "desktop/keys.py",
    "desktop/store.py",
    *(f"server/{name}.py" for name in ("app", "auth", "derived", "filetransfer", "judge")),
    *(f"server/{name}.py" for name in ("limits", "push")),
)
# Fake people and places (demo data), enum labels (their own "enum" context), benchmarks.
SERVICE_SKIP = frozenset(
    {
        "desktop/services/demo.py",
        "desktop/services/casework_demo.py",
        "desktop/services/hardship_demo.py",
        "desktop/services/fakedata.py",
        "contract/enums.py",
        "desktop/sync/bench.py",
    }
)
CJK = re.compile(r"[\u3400-\u9fff]")
# The capital-amount vocabulary (人民币壹仟元整): printed words, not messages.
CAPITALS = re.compile(r"[零壹贰叁肆伍陆柒捌玖拾佰仟万亿元圆块角分整负人民币]*")
LOGGERS = frozenset({"log", "logger", "logging"})
# Pieces the scan cannot see as one f-string: the "等" after a list cut by str.join
# (monthclose), a warning line of a sync summary (sync/commands), and two with no Chinese
# literal: an amount's field name followed by its problem (contract/money.py
# f"{field}{problem}：{text}") and a field name before its message (roster rows).
EXTRA_TEMPLATES = ("{0}等", "注意：{0}", "{0}{1}：{2}", "{0}：{1}")


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


class _TemplateScan(ast.NodeVisitor):
    """Chinese string constants and f-strings of one module, as templates: each f-string
    field and each non-literal operand of a `+` chain becomes {0}, {1}, ... in order."""

    def __init__(self) -> None:
        self.found: list[str] = []
        self.skip: set[int] = set()

    def visit_Module(self, node: ast.Module) -> None:  # noqa: N802 - ast visitor
        for scope in ast.walk(node):
            body = getattr(scope, "body", None)
            first = body[0] if isinstance(body, list) and body else None
            if isinstance(first, ast.Expr) and _is_str(first.value):
                self.skip.add(id(first.value))  # a docstring
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:  # noqa: N802 - ast visitor
        func = node.func
        owner = func.value if isinstance(func, ast.Attribute) else None
        if isinstance(owner, ast.Name) and owner.id in LOGGERS:
            return  # log lines are for developers, never shown
        self.generic_visit(node)

    def visit_BinOp(self, node: ast.BinOp) -> None:  # noqa: N802 - ast visitor
        operands = _add_chain(node)
        if operands is None or not any(
            _is_str(o) or isinstance(o, ast.JoinedStr) for o in operands
        ):
            self.generic_visit(node)
            return
        parts: list[str | None] = []
        for operand in operands:
            parts.extend(_parts(operand))
            if not (_is_str(operand) or isinstance(operand, ast.JoinedStr)):
                self.visit(operand)
        self._add(parts)

    def visit_JoinedStr(self, node: ast.JoinedStr) -> None:  # noqa: N802 - ast visitor
        self._add(_parts(node))
        for value in node.values:
            if isinstance(value, ast.FormattedValue):
                self.visit(value.value)

    def visit_Constant(self, node: ast.Constant) -> None:  # noqa: N802 - ast visitor
        if isinstance(node.value, str) and id(node) not in self.skip:
            self._add([node.value])

    def _add(self, parts: list[str | None]) -> None:
        literal = "".join(p for p in parts if p is not None)
        if not CJK.search(literal) or CAPITALS.fullmatch(literal) or "{" in literal:
            return
        count = iter(range(len(parts)))
        self.found.append("".join(p if p is not None else f"{{{next(count)}}}" for p in parts))


def _is_str(node: ast.AST | None) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _add_chain(node: ast.AST) -> list[ast.AST] | None:
    """The operands of a + b + c, or None for any other operator."""
    if not isinstance(node, ast.BinOp) or not isinstance(node.op, ast.Add):
        return None
    left = _add_chain(node.left) or [node.left]
    return [*left, node.right]


def _parts(node: ast.AST) -> list[str | None]:
    """Literal text, with None for each value filled in at run time."""
    if _is_str(node):
        return [node.value]  # type: ignore[attr-defined]
    if isinstance(node, ast.JoinedStr):
        return [v.value if _is_str(v) else None for v in node.values]  # type: ignore[attr-defined]
    return [None]


def service_templates() -> list[str]:
    """Every Chinese message template of the domain, sorted (one source of the .ts context
    "service" and of resources/translations/service_templates.json)."""
    found: set[str] = set(EXTRA_TEMPLATES)
    for entry in SERVICE_SOURCES:
        path = ROOT / entry
        for file in sorted(path.rglob("*.py")) if path.is_dir() else [path]:
            if file.relative_to(ROOT).as_posix() in SERVICE_SKIP:
                continue
            scan = _TemplateScan()
            scan.visit(ast.parse(file.read_text(encoding="utf-8")))
            found.update(scan.found)
    return sorted(found)


def write_service_templates() -> None:
    text = json.dumps(service_templates(), ensure_ascii=False, indent=0) + "\n"
    SERVICE_TEMPLATES.write_text(text, encoding="utf-8")


def domain_source(folder: Path) -> Path:
    """A throw-away .py of QT_TRANSLATE_NOOP calls lupdate can read (never committed: the
    tables in models/services stay the one source)."""
    tables = {**domain_labels(), "service": service_templates()}
    lines = [
        f"QT_TRANSLATE_NOOP({context!r}, {text!r})"
        for context, texts in tables.items()
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
    if not args.no_update:
        write_service_templates()
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
