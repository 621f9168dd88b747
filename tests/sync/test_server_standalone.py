"""The district server stands on its own: it imports, migrates and answers with `desktop`
(and PySide6) unimportable, as on a district machine that never installed the station app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

BLOCKED_RUN = """
import importlib, importlib.abc, pkgutil, sys
class Block(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("desktop", "PySide6"):
            raise ImportError(name + " is not installed on the district machine")
        return None
sys.meta_path.insert(0, Block())
import server
for info in pkgutil.walk_packages(server.__path__, "server."):
    if ".migrations" not in info.name:
        importlib.import_module(info.name)
from fastapi.testclient import TestClient
from server import admin, cli
from server.app import create_app
from server.db import make_engine, migrate
url = "sqlite:///" + sys.argv[1]
assert cli.main(["--db", url, "init-db"]) == 0
engine = make_engine(url)
admin.create_district(engine, "440106", "天河区")
_sid, code = admin.create_station(engine, "440106", "4401060001", "石牌街工会服务站")
client = TestClient(create_app(engine=engine))
assert client.get("/v1/info").status_code == 200
reply = client.post("/v1/enrol", json={"code": code, "station_code": "4401060001",
                                       "station_id": _sid})
assert reply.status_code == 200, reply.text
token = reply.json()["token"]
pushed = client.post("/v1/push", json={"mutations": []},
                     headers={"Authorization": "Bearer " + token})
assert pushed.status_code == 200, pushed.text
assert not any(m.split(".")[0] in ("desktop", "PySide6") for m in sys.modules)
print("ok")
"""


def test_server_runs_without_the_desktop_package(tmp_path: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-c", BLOCKED_RUN, str(tmp_path / "district.sqlite3")],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=Path(__file__).parents[2],
    )
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip().endswith("ok")
