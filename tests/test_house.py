"""House rules that a test can prove: the domain imports no Qt."""

from __future__ import annotations

import subprocess
import sys

DOMAIN = [
    "contract",
    "desktop.models",
    "desktop.services",
    "desktop.services.relief",
    "desktop.services.demo",
    "desktop.services.roster",
    "desktop.services.search",
    "desktop.services.monthclose",
    "desktop.store",
    "desktop.cli",
    "desktop.cli.commands",
]
OPTIONAL = ["desktop.sync", "desktop.receipts", "desktop.reports"]

BLOCKER = """
import importlib, importlib.abc, importlib.util, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name == "PySide6" or name.startswith("PySide6."):
            raise ImportError("PySide6 is blocked in the domain")
        return None
sys.meta_path.insert(0, Block())
for name in sys.argv[1:]:
    if importlib.util.find_spec(name) is None:
        continue
    module = importlib.import_module(name)
    pkg = getattr(module, "__path__", None)
    if pkg:
        import pkgutil
        for info in pkgutil.walk_packages(pkg, name + "."):
            if ".bench" in info.name or info.name.endswith("__main__"):
                continue
            importlib.import_module(info.name)
assert not any(m.startswith("PySide6") for m in sys.modules)
print("ok")
"""


def test_domain_imports_without_qt():
    result = subprocess.run(
        [sys.executable, "-c", BLOCKER, *DOMAIN, *OPTIONAL],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip() == "ok"
