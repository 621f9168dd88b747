"""The server's record indexes after migration s0003 (fewer index rows per pushed record).

The queries that matter still find their rows through an index, on SQLite and PostgreSQL:
the ID-number lookup of a push, the duplicate-aid pair lookup, the month-close recount. The
statements checked are the ones the server code actually sends (captured from the driver),
and on PostgreSQL also as the generic plan a prepared statement can switch to. Upgrading
from s0002 keeps every row, and the migrated schema is exactly the metadata of server/db.py.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from sqlalchemy import Connection, Engine, create_engine, event, insert, inspect

import server.db
from server import derived
from server.db import database_url, make_engine, metadata, migrate, mutation
from server.rows import Row, flush, relief_of

from .harness import drop_pg_schema, fresh_pg_url, postgres_answers

DISTRICT_ID = "d-1"
OWNER = "station-a"
PERIOD = "2026-10"
MEMBERS = 1200
PROGRAMS = 4


def _alembic(url: str) -> Config:
    cfg = Config()
    cfg.set_main_option("script_location", str(Path(server.db.__file__).parent / "migrations"))
    cfg.set_main_option("sqlalchemy.url", database_url(url).replace("%", "%%"))
    return cfg


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty server database: a SQLite file, or a fresh PostgreSQL schema."""
    if request.param == "postgres":
        if not postgres_answers():
            pytest.skip("PostgreSQL does not answer on 127.0.0.1:5432")
        pg_url, schema = fresh_pg_url()
        yield pg_url
        drop_pg_schema(schema)
    else:
        yield f"sqlite:///{tmp_path / 'server.sqlite3'}"


@pytest.fixture
def engine(url: str) -> Iterator[Engine]:
    migrate(url)
    eng = make_engine(url)
    yield eng
    eng.dispose()


# --- data ---------------------------------------------------------------------------------


def _id_number(n: int) -> str:
    return f"44010619{60 + n % 40:02d}{1 + n % 12:02d}{1 + n % 28:02d}{n:04d}"


def _row(entity: str, rid: str, data: dict[str, Any], owner: str = OWNER) -> Row:
    return Row(
        entity=entity,
        id=rid,
        district_id=DISTRICT_ID,
        owner=owner,
        version=1,
        deleted=False,
        data={"id": rid, "station_id": owner, **data},
        dirty=True,
    )


def _seed(conn: Connection) -> None:
    """Members, stations, relief and other facts of two stations over three months, written
    by the server's own flush (so the index columns are filled as a push fills them)."""
    rows = [_row("station", f"st-{s}", {"code": f"4401060{s}"}) for s in range(2)]
    rows += [
        _row("fund_program", f"p-{p}", {"code": f"P{p}", "max_times_per_year": 2})
        for p in range(PROGRAMS)
    ]
    for n in range(MEMBERS):
        owner = OWNER if n % 2 else "station-b"
        rows.append(_row("member", f"m-{n}", {"id_number": _id_number(n)}, owner))
        month = f"2026-{8 + n % 3:02d}-15"
        rows.append(
            _row(
                "relief",
                f"r-{n}",
                {"member_id": f"m-{n}", "program_id": f"p-{n % PROGRAMS}", "issued_on": month},
                owner,
            )
        )
        rows.append(_row("receipt", f"c-{n}", {"issued_on": month}, owner))
        rows.append(_row("visit", f"v-{n}", {"visited_on": month}, owner))
        rows.append(_row("staff", f"s-{n}", {"username": f"u{n}"}, owner))
    # the upgrade tests fill an s0002 database: it has no read model yet (s0007 backfills it)
    flush(conn, rows, read_model=conn.dialect.has_table(conn, "rm_relief"))


class Captured:
    """Every SELECT on record that the code under test sends, as the driver receives it."""

    def __init__(self, engine: Engine) -> None:
        self.engine = engine
        self.statements: list[tuple[str, Any]] = []

    def __enter__(self) -> Captured:
        event.listen(self.engine, "before_cursor_execute", self._take)
        return self

    def __exit__(self, *exc: object) -> None:
        event.remove(self.engine, "before_cursor_execute", self._take)

    def _take(self, _conn: Any, _cur: Any, statement: str, params: Any, *_rest: Any) -> None:
        if statement.lstrip().upper().startswith("SELECT") and "FROM record" in statement:
            self.statements.append((statement, params))


# --- plans --------------------------------------------------------------------------------


def _sqlite_plan(conn: Connection, statement: str, params: Any) -> list[str]:
    return [r[3] for r in conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params)]


def _pg_literal(value: Any) -> str:
    assert isinstance(value, str), value
    return "'" + value.replace("'", "''") + "'"


def _pg_plans(conn: Connection, statement: str, params: Any) -> dict[str, str]:
    """The plan as first executed (custom: parameter values known) and as the generic plan a
    prepared statement may switch to (psycopg prepares a query after 5 runs). Parameters are
    named (SQLAlchemy statements) or positional %s (statements sent through the driver)."""
    if isinstance(params, dict):
        names: list[str] = []

        def number(m: re.Match[str]) -> str:
            if m.group(1) not in names:
                names.append(m.group(1))
            return f"${names.index(m.group(1)) + 1}"

        prepared = re.sub(r"%\((\w+)\)s", number, statement)
        values = [params[n] for n in names]
    else:
        count = iter(range(1, len(params) + 1))
        prepared = re.sub(r"%s", lambda _m: f"${next(count)}", statement)
        values = list(params)
    args = ", ".join(_pg_literal(v) for v in values)
    conn.exec_driver_sql("SET enable_seqscan = off")
    conn.exec_driver_sql(f"PREPARE sd_probe AS {prepared}")
    plans = {}
    for mode in ("force_custom_plan", "force_generic_plan"):
        conn.exec_driver_sql(f"SET plan_cache_mode = {mode}")
        lines = conn.exec_driver_sql(f"EXPLAIN EXECUTE sd_probe({args})").scalars()
        plans[mode] = "\n".join(lines)
    conn.exec_driver_sql("DEALLOCATE sd_probe")
    conn.exec_driver_sql("RESET plan_cache_mode")
    conn.exec_driver_sql("RESET enable_seqscan")
    return plans


def assert_uses_index(conn: Connection, captured: Captured, index: str, expect: int) -> None:
    """Each captured statement is answered by a search of `index`, never a scan of record."""
    assert len(captured.statements) == expect, captured.statements
    for statement, params in captured.statements:
        if conn.dialect.name == "sqlite":
            plan = _sqlite_plan(conn, statement, params)
            assert not [line for line in plan if line.startswith("SCAN")], (statement, plan)
            assert any(
                line.startswith("SEARCH record USING INDEX " + index + " (") for line in plan
            ), (statement, plan)
        else:
            for mode, plan in _pg_plans(conn, statement, params).items():
                assert "Seq Scan" not in plan, (mode, statement, plan)
                assert re.search(rf"Index (Only )?Scan (using|on) {index}\b", plan), (
                    mode,
                    statement,
                    plan,
                )


# --- the queries --------------------------------------------------------------------------


def test_id_number_lookup_searches_the_unique_member_index(engine: Engine) -> None:
    with engine.begin() as conn:
        _seed(conn)
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE record")
    wanted = [_id_number(n) for n in range(0, MEMBERS, 7)] + ["440106000000000000"]
    with engine.connect() as conn:
        with Captured(engine) as captured:
            found = derived.members_by_id_number(conn, DISTRICT_ID, wanted)
        assert found == {_id_number(n): f"m-{n}" for n in range(0, MEMBERS, 7)}
        # a station code is a natural key too, but never an ID number
        assert derived.members_by_id_number(conn, DISTRICT_ID, ["44010601"]) == {}
        assert_uses_index(conn, captured, "uq_record_member_id_number", expect=1)


def test_relief_pair_lookup_searches_the_partial_member_program_index(engine: Engine) -> None:
    with engine.begin() as conn:
        _seed(conn)
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE record")
    one = {("m-5", "p-1")}
    several = {("m-5", "p-1"), ("m-6", "p-2"), ("m-7", "p-0")}
    with engine.connect() as conn:
        with Captured(engine) as captured:
            assert [r.id for r in relief_of(conn, one)] == ["r-5"]
        assert_uses_index(conn, captured, "ix_record_member_program", expect=1)
        with Captured(engine) as captured:
            assert sorted(r.id for r in relief_of(conn, several)) == ["r-5", "r-6"]
        # several pairs are asked by member (the index's leading column) and filtered to the
        # pairs afterwards: one search per member, with or without table statistics (an OR
        # of pairs made SQLite without ANALYZE read every relief row through the primary key)
        assert_uses_index(conn, captured, "ix_record_member_program", expect=1)


def test_month_close_recount_searches_the_owner_period_index(engine: Engine) -> None:
    with engine.begin() as conn:
        _seed(conn)
        if conn.dialect.name == "postgresql":
            conn.exec_driver_sql("ANALYZE record")
    close = _row("month_close", "mc-1", {"period": PERIOD, "totals": {}})
    with engine.connect() as conn:
        with Captured(engine) as captured:
            derived._judge_month(conn, {}, close)
        conn.rollback()
        # the recount found the month's rows (and so judged the empty totals a mismatch)
        assert close.data["server_status"] == "mismatch"
        by_period = [(s, p) for s, p in captured.statements if "record.period =" in s]
        captured.statements = by_period
        # relief, receipt, visit, station_log
        assert_uses_index(conn, captured, "ix_record_owner_period", expect=4)


def test_partial_index_keeps_only_relief_rows(engine: Engine) -> None:
    """The point of the partial index: a member written by a push adds no entry to it."""
    with engine.begin() as conn:
        _seed(conn)
        if conn.dialect.name == "sqlite":
            # the members, stations, staff, receipts and visits are not in the index at all
            entries = conn.exec_driver_sql(
                "SELECT count(*) FROM record INDEXED BY ix_record_member_program "
                "WHERE member_id IS NOT NULL"
            ).scalar_one()
            assert entries == MEMBERS
        predicate = _index_predicates(conn)["ix_record_member_program"]
        assert predicate is not None and "member_id IS NOT NULL" in predicate.replace("(", "")


# --- schema -------------------------------------------------------------------------------


def _index_predicates(conn: Connection) -> dict[str, str | None]:
    """index name -> its WHERE clause (None when the index is whole) for record and mutation."""
    if conn.dialect.name == "sqlite":
        out: dict[str, str | None] = {}
        for name, sql in conn.exec_driver_sql(
            "SELECT name, sql FROM sqlite_master WHERE type = 'index' "
            "AND tbl_name IN ('record', 'mutation')"
        ):
            where = sql.split(" WHERE ", 1)[1] if sql and " WHERE " in sql else None
            out[name] = where
        return out
    return {
        name: (d.split(" WHERE ", 1)[1] if " WHERE " in d else None)
        for name, d in conn.exec_driver_sql(
            "SELECT indexname, indexdef FROM pg_indexes "
            "WHERE schemaname = current_schema() AND tablename IN ('record', 'mutation')"
        )
    }


def _schema(conn: Connection) -> dict[str, str]:
    """Every table and index of the database as its definition, spacing and quotes aside."""
    if conn.dialect.name == "sqlite":
        rows = conn.exec_driver_sql(
            "SELECT type || ' ' || name, sql FROM sqlite_master "
            "WHERE name NOT LIKE 'sqlite_%' AND name != 'alembic_version'"
        ).all()
    else:
        schema = conn.exec_driver_sql("SELECT current_schema()").scalar_one()
        rows = conn.exec_driver_sql(
            "SELECT 'index ' || indexname, replace(indexdef, %(schema)s, '') FROM pg_indexes "
            "WHERE schemaname = current_schema() AND tablename != 'alembic_version' "
            "UNION ALL SELECT 'column ' || table_name || '.' || column_name, "
            "data_type || ' ' || is_nullable || ' ' || coalesce(column_default, '') "
            "FROM information_schema.columns "
            "WHERE table_schema = current_schema() AND table_name != 'alembic_version'",
            {"schema": schema + "."},
        ).all()
    return {kind: " ".join(str(sql).replace('"', "").split()) for kind, sql in rows}


def test_migrated_schema_is_exactly_the_metadata(url: str, tmp_path: Path) -> None:
    migrate(url)
    eng = create_engine(database_url(url))
    with eng.connect() as conn:
        ctx = MigrationContext.configure(conn)
        assert compare_metadata(ctx, metadata) == []
        migrated = _schema(conn)
        predicates = _index_predicates(conn)
        if conn.dialect.name == "sqlite":
            mutation_sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'mutation'"
            ).scalar_one()
            assert mutation_sql.rstrip().endswith("WITHOUT ROWID")
            # the primary key is the table: no separate index for it
            assert "sqlite_autoindex_mutation_1" not in predicates
    eng.dispose()
    assert "ix_record_natural" not in predicates
    assert predicates["ix_record_owner_period"] is None  # enrolment selects by owner alone
    assert predicates["ix_record_district_seq"] is None
    assert "member_id IS NOT NULL" in str(predicates["ix_record_member_program"])
    assert "natural_key IS NOT NULL" in str(predicates["uq_record_member_id_number"])

    # the same database made straight from the metadata
    if url.startswith("sqlite"):
        direct_url = f"sqlite:///{tmp_path / 'direct.sqlite3'}"
        schema = None
    else:
        direct_url, schema = fresh_pg_url()
    direct = create_engine(database_url(direct_url))
    try:
        metadata.create_all(direct)
        with direct.connect() as conn:
            assert _schema(conn) == migrated
    finally:
        direct.dispose()
        if schema:
            drop_pg_schema(schema)


# --- upgrade from s0002 -------------------------------------------------------------------


def _everything(conn: Connection) -> dict[str, list[tuple[Any, ...]]]:
    out = {}
    for table in ("record", "mutation", "closed_period", "counter", "district", "station"):
        rows = conn.exec_driver_sql(f"SELECT * FROM {table}").all()
        out[table] = sorted((tuple(r) for r in rows), key=repr)
    return out


def _fill_s0002(url: str) -> None:
    eng = make_engine(url)
    stamp = dt.datetime(2026, 11, 20, 8, 30, tzinfo=dt.UTC)
    with eng.begin() as conn:
        _seed(conn)
        conn.execute(
            insert(mutation),
            [
                {
                    "station_id": OWNER if n % 3 else "station-b",
                    "mutation_id": f"mut-{n:05d}",
                    "status": "applied" if n % 5 else "rejected",
                    "server_version": n % 7 + 1,
                    "error": None if n % 5 else "身份证号已登记",
                    "fields": "name,phone" if n % 2 else "",
                    "created_at": stamp + dt.timedelta(seconds=n),
                }
                for n in range(2500)
            ],
        )
        conn.exec_driver_sql(
            "INSERT INTO closed_period (station_id, period, closed_at) "
            "VALUES ('station-a', '2026-09', '2026-10-02 10:00:00+00:00')"
        )
    eng.dispose()


def test_upgrade_from_s0002_keeps_every_row_and_downgrade_returns(url: str) -> None:
    cfg = _alembic(url)
    command.upgrade(cfg, "s0002")
    _fill_s0002(url)
    eng = create_engine(database_url(url))
    with eng.connect() as conn:
        before = _everything(conn)
        assert "ix_record_natural" in _index_predicates(conn)
    assert len(before["record"]) == 2 + PROGRAMS + 5 * MEMBERS
    assert len(before["mutation"]) == 2500

    command.upgrade(cfg, "head")
    with eng.connect() as conn:
        assert _everything(conn) == before
        predicates = _index_predicates(conn)
        assert "ix_record_natural" not in predicates
        assert predicates["ix_record_member_program"] is not None
        if conn.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA integrity_check").scalar_one() == "ok"
            # the primary key still refuses a mutation twice
            with pytest.raises(Exception, match="UNIQUE|unique"):
                conn.exec_driver_sql(
                    "INSERT INTO mutation SELECT * FROM mutation WHERE mutation_id = 'mut-00001'"
                )
            conn.rollback()

    command.downgrade(cfg, "s0002")
    with eng.connect() as conn:
        assert _everything(conn) == before
        predicates = _index_predicates(conn)
        assert predicates["ix_record_natural"] is None
        assert predicates["ix_record_member_program"] is None
        if conn.dialect.name == "sqlite":
            sql = conn.exec_driver_sql(
                "SELECT sql FROM sqlite_master WHERE name = 'mutation'"
            ).scalar_one()
            assert "WITHOUT ROWID" not in sql
    eng.dispose()


def test_a_failed_sqlite_upgrade_changes_nothing(tmp_path: Path) -> None:
    """On SQLite the step is one transaction too (pysqlite would otherwise commit the DDL
    before the first INSERT on its own): the index changes made before a failure are rolled
    back and the database stays at s0002. PostgreSQL runs DDL in the transaction anyway."""
    url = f"sqlite:///{tmp_path / 'server.sqlite3'}"
    cfg = _alembic(url)
    command.upgrade(cfg, "s0002")
    _fill_s0002(url)
    eng = create_engine(url)
    with eng.begin() as conn:  # in the way of the mutation rebuild, after the index changes
        conn.exec_driver_sql("CREATE TABLE mutation_rebuilt (x INTEGER)")
    with eng.connect() as conn:
        before = _everything(conn), _index_predicates(conn)
    with pytest.raises(Exception, match="already exists"):
        command.upgrade(cfg, "head")
    with eng.connect() as conn:
        assert (_everything(conn), _index_predicates(conn)) == before
        assert MigrationContext.configure(conn).get_current_revision() == "s0002"
        names = {ix["name"] for ix in inspect(conn).get_indexes("record")}
        assert "ix_record_natural" in names
    eng.dispose()
