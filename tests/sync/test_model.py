"""The model-based district test (tests/sync/model.py) in CI: a bounded number of examples,
on SQLite always and on PostgreSQL when it answers.

The long form runs by command: `python -m tests.sync.model --examples 2000 [--postgres]`."""

from __future__ import annotations

import pytest

from .harness import postgres_answers
from .model import run


def test_the_district_model_holds_its_invariants() -> None:
    took = run(examples=25, steps=20)
    assert took < 600  # a bound, not a benchmark: it fails loudly when something hangs


@pytest.mark.postgres
def test_the_district_model_holds_on_postgresql() -> None:
    if not postgres_answers():
        pytest.skip("PostgreSQL does not answer on 127.0.0.1:5432")
    took = run(examples=10, steps=20, postgres=True)
    assert took < 600
