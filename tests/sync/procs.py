"""District servers as real uvicorn processes (the in-thread LiveServer cannot be killed).

Used by the crash, two-process and storm tests. The process reads DATABASE_URL like the
production `uvicorn --factory server.app:app_from_env`; the database must already be migrated.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[2]


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


class ServerProcess:
    """`uvicorn --factory server.app:app_from_env` on 127.0.0.1; start() again after a death
    reuses the same port, so a station's stored address stays valid."""

    def __init__(
        self,
        db_url: str,
        *,
        port: int | None = None,
        env: dict[str, str] | None = None,
        workers: int = 1,
        log: Path | None = None,
    ) -> None:
        self.db_url = db_url
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers = workers
        self.log = log
        self.proc: subprocess.Popen[bytes] | None = None
        self.start(env)

    def start(self, env: dict[str, str] | None = None) -> None:
        full_env = {
            **{k: v for k, v in os.environ.items() if k != "STATIONDESK_CRASH_AT_PUSH"},
            "DATABASE_URL": self.db_url,
            **(env or {}),
        }
        args = [
            sys.executable,
            "-m",
            "uvicorn",
            "--factory",
            "server.app:app_from_env",
            "--host",
            "127.0.0.1",
            "--port",
            str(self.port),
            "--log-level",
            "warning",
            "--no-access-log",
        ]
        if self.workers > 1:
            args += ["--workers", str(self.workers)]
        out = open(self.log, "ab") if self.log else subprocess.DEVNULL  # noqa: SIM115
        self.proc = subprocess.Popen(args, cwd=ROOT, env=full_env, stdout=out, stderr=out)
        deadline = time.time() + 60
        while True:
            if self.proc.poll() is not None:
                raise RuntimeError(f"server process exited with {self.proc.returncode}")
            try:
                if httpx.get(self.url + "/healthz", timeout=1).status_code == 200:
                    return
            except httpx.TransportError:
                pass
            if time.time() > deadline:
                self.stop()
                raise RuntimeError("server process did not answer within 60 s")
            time.sleep(0.1)

    def wait_dead(self, timeout: float = 30) -> int:
        """The exit code of a process that is expected to die on its own."""
        assert self.proc is not None
        return self.proc.wait(timeout)

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def stop(self) -> None:
        if self.proc is not None and self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait(5)
