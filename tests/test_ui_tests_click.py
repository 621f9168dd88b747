"""The UI tests act as a person does: no test calls a slot a user triggers.

The window's slots are the methods desktop/ui connects to a signal or a shortcut (a button's
clicked, a field's returnPressed, Ctrl+Enter...). A test that calls one directly skips the
connection, which is where 作废 and 打印 broke; tests click and type instead (tests/ui/drive.py).
This reads the sources: every such method name, then every call of it in tests/ui.
"""

from __future__ import annotations

import ast
import pathlib

ROOT = pathlib.Path(__file__).resolve().parents[1]
# connected to programmatic signals as well (a page refreshing itself): calling them is not
# standing in for a user
NOT_USER_ACTIONS = {"refresh", "show", "close", "accept", "reject", "clear", "setFocus", "open"}


def _connected_slots() -> set[str]:
    names: set[str] = set()
    for path in (ROOT / "desktop" / "ui").glob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not isinstance(node, ast.Call):
                continue
            func = node.func
            targets: list[ast.expr] = []
            if isinstance(func, ast.Attribute) and func.attr == "connect" and node.args:
                targets = [node.args[0]]
            elif getattr(func, "id", None) == "QShortcut" and len(node.args) >= 3:
                targets = [node.args[2]]
            for target in targets:
                if (
                    isinstance(target, ast.Attribute)
                    and isinstance(target.value, ast.Name)
                    and target.value.id == "self"
                ):
                    names.add(target.attr)
    return names - NOT_USER_ACTIONS


def _root(node: ast.expr) -> str:
    while isinstance(node, ast.Attribute | ast.Call | ast.Subscript):
        node = node.func if isinstance(node, ast.Call) else node.value
    return node.id if isinstance(node, ast.Name) else ""


def _imported(tree: ast.Module) -> set[str]:
    """Names a test file imports: calls through them (members.add_member, a service) are
    set-up, not a person's action."""
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import | ast.ImportFrom):
            names |= {(a.asname or a.name).split(".")[0] for a in node.names}
    return names


# receivers that are not widgets: the test's own helpers, the app's start-up, and the platform
# event an offscreen window never gets (focusWindowChanged)
NOT_WIDGETS = {"answers", "session", "job", "controller.start", "CJK", "controller.idle._watch"}


def direct_calls() -> list[str]:
    slots = _connected_slots()
    found = []
    for path in sorted((ROOT / "tests" / "ui").glob("test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        skip = _imported(tree) | NOT_WIDGETS
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
                continue
            call = ast.unparse(node.func)
            if node.func.attr in slots and _root(node.func) not in skip and call not in skip:
                found.append(f"{path.name}:{node.lineno}: {call}()")
    return found


def test_no_ui_test_calls_a_slot_a_user_triggers():
    assert direct_calls() == []


def test_the_check_sees_the_slots():
    slots = _connected_slots()
    assert {"void_selected", "print_clicked", "close_month", "issue", "save"} <= slots
