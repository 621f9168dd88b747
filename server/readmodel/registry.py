"""Which typed table each synced entity is projected into.

A projection is (entity, table, columns): `columns(record)` turns one stored record into the
typed columns of its table row (id, district_id, station_id and deleted are filled in here),
or None when the record has no row there, or a list of rows (a table keyed by the record's id
and a sequence number: rm_hardship_step holds one row per step of a file). Modules in
server/readmodel/entities/ declare `PROJECTIONS = [...]`; every module of that package is
loaded on first use, so adding an entity's projection is adding a module (and the migration
creating its table), nothing else.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Table


@dataclass(frozen=True)
class Stored:
    """One record as the record table holds it (server/rows.py Row has the same fields)."""

    entity: str
    id: str
    district_id: str
    owner: str
    deleted: bool
    data: dict[str, Any]


@dataclass(frozen=True)
class Projection:
    entity: str
    table: Table
    columns: Callable[[Stored], dict[str, Any] | list[dict[str, Any]] | None]


_by_entity: dict[str, list[Projection]] = {}
_loaded: list[bool] = []


def _load() -> None:
    if _loaded:
        return
    from . import entities

    for info in sorted(pkgutil.iter_modules(entities.__path__), key=lambda i: i.name):
        module = importlib.import_module(f"{entities.__name__}.{info.name}")
        for projection in getattr(module, "PROJECTIONS", []):
            _by_entity.setdefault(projection.entity, []).append(projection)
    _loaded.append(True)


def projections(entity: str) -> list[Projection]:
    """The projections of one entity (none for an entity no page reads)."""
    _load()
    return _by_entity.get(entity, [])


def all_projections() -> list[Projection]:
    _load()
    return [p for items in _by_entity.values() for p in items]
