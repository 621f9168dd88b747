"""Projection of each hardship file's steps, one row per step (issue 16 follow-up; table in
../hardship_steps.py, created and backfilled by migration s0010)."""

from __future__ import annotations

from typing import Any

from ..hardship_steps import hardship_step, step_rows
from ..registry import Projection, Stored


def _steps(r: Stored) -> list[dict[str, Any]]:
    return step_rows(r.data)


PROJECTIONS = [Projection("hardship_file", hardship_step, _steps)]
