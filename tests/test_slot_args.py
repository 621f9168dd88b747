"""Every signal-to-slot connection in desktop/ui hands its slot only what the slot expects.

PySide passes a signal's arguments to a Python slot that can take them: clicked(bool) into
`def void_selected(self, reason=None)` made the void reason False. This check reads the UI's
source, finds each `signal.connect(self.method)`, and fails when the signal carries values and
the method's first parameter is meant for something else (by its annotation, or by its name
when it has none). Qt's own signals are listed below; the project's own Signal(...)
declarations are read from the source.
"""

from __future__ import annotations

import ast
import pathlib

UI = pathlib.Path(__file__).resolve().parents[1] / "desktop" / "ui"

QT_SIGNALS: dict[str, tuple[str, ...]] = {
    **dict.fromkeys(("clicked", "triggered", "toggled"), ("bool",)),
    **dict.fromkeys(
        (
            "currentIndexChanged",
            "currentRowChanged",
            "activated",
            "highlighted",
            "valueChanged",
            "stateChanged",
            "finished",
            "sectionClicked",
        ),
        ("int",),
    ),
    **dict.fromkeys(("textChanged", "textEdited", "currentTextChanged"), ("str",)),
    **dict.fromkeys(("itemClicked", "itemDoubleClicked", "itemActivated"), ("item",)),
}
# parameter names that say "I take what this kind of signal sends"
NAMES_FOR = {
    "bool": {"checked", "_checked", "on", "enabled", "visible", "state", "_"},
    "int": {"index", "_index", "row", "_row", "value", "_value", "i", "_i", "result", "_"},
    "str": {"text", "_text", "value", "_"},
    "item": {"item", "_item", "_"},
}
ANNOTATIONS_FOR = {"bool": {"bool"}, "int": {"int"}, "str": {"str"}, "item": set()}


def _declared_signals(tree: ast.Module) -> dict[str, tuple[str, ...]]:
    """name = Signal(int, str) in the project's classes."""
    found: dict[str, tuple[str, ...]] = {}
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Assign) and isinstance(node.value, ast.Call)):
            continue
        call = node.value
        if getattr(call.func, "id", None) != "Signal":
            continue
        kinds = tuple(getattr(a, "id", "object") for a in call.args)
        for target in node.targets:
            if isinstance(target, ast.Name):
                found[target.id] = kinds
    return found


def _methods(tree: ast.Module) -> dict[str, ast.FunctionDef]:
    return {
        item.name: item
        for node in ast.walk(tree)
        if isinstance(node, ast.ClassDef)
        for item in node.body
        if isinstance(item, ast.FunctionDef)
    }


def _accepts(param: ast.arg, kind: str) -> bool:
    """A button's bool is its checked state: only a parameter named for that takes it
    (`confirm: bool` is a bool, but not that one). Other values go by the annotation, or by
    the name when there is none. A QModelIndex annotation marks a view's signal of the same
    name (a view's clicked/activated send the index)."""
    text = ast.unparse(param.annotation) if param.annotation is not None else None
    if text is not None and "QModelIndex" in text:
        return True
    named = param.arg in NAMES_FOR.get(kind, set()) or param.arg.startswith("_")
    if kind == "bool":
        return named and text in (None, "bool")
    if text is None:
        return named
    if text in ("Any", "object") or kind == "object":
        return True
    return text in ANNOTATIONS_FOR.get(kind, set()) or (kind == "item" and "Item" in text)


def problems(source: str, name: str, signals: dict[str, tuple[str, ...]]) -> list[str]:
    tree = ast.parse(source)
    known = {**QT_SIGNALS, **signals, **_declared_signals(tree)}
    methods = _methods(tree)
    out = []
    for node in ast.walk(tree):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        if node.func.attr != "connect" or not node.args:
            continue
        signal, slot = node.func.value, node.args[0]
        if not isinstance(signal, ast.Attribute) or signal.attr not in known:
            continue
        if not (isinstance(slot, ast.Attribute) and slot.attr in methods):
            continue
        if not (isinstance(slot.value, ast.Name) and slot.value.id == "self"):
            continue
        params = methods[slot.attr].args.args[1:]
        for param, kind in zip(params, known[signal.attr], strict=False):
            if not _accepts(param, kind):
                out.append(
                    f"{name}:{node.lineno}: {signal.attr}({kind}) lands in "
                    f"{slot.attr}({param.arg}{': ' + ast.unparse(param.annotation) if param.annotation else ''})"
                )
                break
    return out


def ui_problems() -> list[str]:
    files = sorted(UI.glob("*.py"))
    signals: dict[str, tuple[str, ...]] = {}
    for path in files:
        signals.update(_declared_signals(ast.parse(path.read_text(encoding="utf-8"))))
    found = []
    for path in files:
        found += problems(path.read_text(encoding="utf-8"), path.name, signals)
    return found


def test_no_signal_hands_a_slot_what_it_does_not_expect():
    assert ui_problems() == []


VOID_BUG = """
class ReliefPage(Page):
    def __init__(self):
        self.void_button.clicked.connect(self.void_selected)
        self.print_button.clicked.connect(self.print_)
        self.period.currentIndexChanged.connect(self.load)
        self.ok.clicked.connect(self.fine)
        self.box.toggled.connect(self.set_on)
        self.close_button.clicked.connect(self.close_month)

    def void_selected(self, reason: str | None = None) -> None: ...
    def print_(self, printer=None): ...
    def load(self, period: str = "") -> None: ...
    def fine(self) -> None: ...
    def set_on(self, checked: bool) -> None: ...
    def close_month(self, confirm: bool = True) -> None: ...
"""


def test_the_check_catches_the_void_bug():
    """The shapes that broke 作废, 打印 and 月结 are each found; the good ones are not."""
    found = problems(VOID_BUG, "relief.py", {})
    assert len(found) == 4, found
    assert "clicked(bool) lands in void_selected(reason: str | None)" in found[0]
    assert "print_(printer)" in found[1]
    assert "currentIndexChanged(int) lands in load(period: str)" in found[2]
    assert "clicked(bool) lands in close_month(confirm: bool)" in found[3]
