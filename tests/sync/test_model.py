"""The model-based district test (tests/sync/model.py) in CI: a bounded number of examples.

The long form runs by command: `python -m tests.sync.model --examples 2000`."""

from __future__ import annotations

from .model import run


def test_the_district_model_holds_its_invariants() -> None:
    took = run(examples=25, steps=20)
    assert took < 600  # a bound, not a benchmark: it fails loudly when something hangs
