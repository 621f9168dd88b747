"""The district server installs without the station app: server/requirements.txt lists every
third-party distribution that server/ and contract/ import (found by reading their source),
with pyproject.toml's ranges, and nothing of the desktop (PySide6, sqlmodel, SQLCipher)."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DESKTOP_ONLY = {"pyside6-essentials", "sqlmodel", "sqlcipher3", "pypinyin", "pypdfium2"}
# loaded by name at run time, not imported in the source: the PostgreSQL driver, the form parser
RUNTIME = {"psycopg", "python-multipart", "jinja2"}


def _name(requirement: str) -> str:
    return _norm(re.split(r"[\[<>=;! ]", requirement.strip(), maxsplit=1)[0])


def _norm(name: str) -> str:
    return name.lower().replace("_", "-")


def _spec(requirement: str) -> str:
    return re.sub(r"^[A-Za-z0-9_.-]+(\[[^\]]*\])?", "", requirement.split(";")[0]).strip()


def listed() -> dict[str, str]:
    lines = (ROOT / "server" / "requirements.txt").read_text().splitlines()
    return {_name(x): _spec(x) for x in lines if x.strip() and not x.startswith("#")}


def imported_distributions() -> set[str]:
    modules = set()
    for base in ("server", "contract"):
        for path in (ROOT / base).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Import):
                    modules |= {a.name.split(".")[0] for a in node.names}
                elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                    modules.add(node.module.split(".")[0])
    third = modules - set(sys.stdlib_module_names) - {"server", "contract"}
    owners = importlib.metadata.packages_distributions()
    return {_norm(d) for m in third for d in owners[m]}


def test_every_import_of_the_server_is_listed() -> None:
    have = set(listed())
    missing = imported_distributions() - have - {"pydantic", "pydantic-core"}  # fastapi's own
    assert not missing, f"server/requirements.txt lacks {sorted(missing)}"
    assert have >= RUNTIME
    assert not have & DESKTOP_ONLY


def test_ranges_agree_with_pyproject() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    declared = project["dependencies"] + project["optional-dependencies"]["server"]
    ranges = {_name(x): _spec(x) for x in declared}
    for name, spec in listed().items():
        assert ranges.get(name) == spec, name
