"""The Anki peer runner reads the peers script's figures and fails loudly, never silently."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from desktop.sync.peers import _FIGURES, PeerError, anki_figures


def test_figures_are_read_from_the_script_output() -> None:
    line = (
        "incremental 10000 edited notes (+10000 cards? no): push 0.21s (48224 notes/s), "
        "pull 0.16s (61370 notes/s); required=0,0"
    )
    found = _FIGURES.search(line)
    assert found is not None and (found.group(1), found.group(2)) == ("0.21", "0.16")


def test_a_missing_peers_folder_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(PeerError, match="anki_bench.py"):
        anki_figures(sys.executable, tmp_path)


def test_a_python_without_anki_is_an_error(tmp_path: Path) -> None:
    (tmp_path / "anki_bench.py").write_text("print('nothing')\n")
    with pytest.raises(PeerError):
        anki_figures(sys.executable, tmp_path)  # this venv has no anki: the server exits
