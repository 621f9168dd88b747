"""Anki's sync server measured in the same run as ours (../shared/peers/README.md).

Anki is AGPL: it is never imported or copied here. It runs as a separate program from a
virtual environment the developer made (`python3 -m venv A && A/bin/pip install anki`), on
127.0.0.1 only, with the peers folder's own bench script; this module starts it, reads the
two figures that script prints and stops it. Its workload is its own (10,000 edited notes,
an incremental sync each way), as in the README's table.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import tempfile
import time
from pathlib import Path

PEERS_DIR = Path(__file__).resolve().parents[2].parent / "shared" / "peers"
_FIGURES = re.compile(r"push ([0-9.]+)s .*pull ([0-9.]+)s")


class PeerError(RuntimeError):
    pass


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _wait_for(port: int, proc: subprocess.Popen[bytes], seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise PeerError(f"Anki's sync server exited with {proc.returncode}")
        with socket.socket() as sock:
            if sock.connect_ex(("127.0.0.1", port)) == 0:
                return
        time.sleep(0.1)
    raise PeerError("Anki's sync server did not start")


def anki_figures(python: str, peers_dir: Path = PEERS_DIR) -> dict[str, float]:
    """{"push": s, "pull": s} from one run of peers/anki_bench.py against a fresh server."""
    script = peers_dir / "anki_bench.py"
    if not script.exists():
        raise PeerError(f"{script} not found")
    port = _free_port()
    data = tempfile.mkdtemp(prefix="sd-anki-")
    env = {
        **os.environ,
        "SYNC_USER1": "user:pass",
        "SYNC_HOST": "127.0.0.1",  # its default binds every address
        "SYNC_PORT": str(port),
        "SYNC_BASE": data,
    }
    server = subprocess.Popen(
        [python, "-m", "anki.syncserver"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _wait_for(port, server)
        # the script names port 27701; it is run on the free port chosen here
        source = script.read_text().replace("127.0.0.1:27701", f"127.0.0.1:{port}")
        out = subprocess.run(
            [python, "-c", source], capture_output=True, text=True, timeout=600, check=False
        )
    finally:
        server.send_signal(signal.SIGINT)  # the README's way to stop it
        try:
            server.wait(15)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(data, ignore_errors=True)
    found = _FIGURES.search(out.stdout)
    if out.returncode != 0 or found is None:
        raise PeerError(f"Anki's bench failed: {(out.stderr or out.stdout)[-300:]}")
    return {"push": float(found.group(1)), "pull": float(found.group(2))}
