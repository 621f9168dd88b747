"""Projections of rights cases and membership intake (issue 17; tables in ../cases.py)."""

from __future__ import annotations

from typing import Any

from ..cases import case_columns, intake_columns, member_intake, rights_case
from ..registry import Projection, Stored


def _case(r: Stored) -> dict[str, Any]:
    return case_columns(r.data)


def _intake(r: Stored) -> dict[str, Any]:
    return intake_columns(r.data)


PROJECTIONS = [
    Projection("rights_case", rights_case, _case),
    Projection("member_intake", member_intake, _intake),
]
