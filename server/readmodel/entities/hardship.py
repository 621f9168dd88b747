"""Projections of hardship files and students (issue 16; tables in ../hardship.py)."""

from __future__ import annotations

from typing import Any

from ..hardship import file_columns, hardship_file, student, student_columns
from ..registry import Projection, Stored


def _file(r: Stored) -> dict[str, Any]:
    return file_columns(r.data)


def _student(r: Stored) -> dict[str, Any]:
    return student_columns(r.data)


PROJECTIONS = [
    Projection("hardship_file", hardship_file, _file),
    Projection("student", student, _student),
]
