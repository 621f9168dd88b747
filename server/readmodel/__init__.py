"""The district's typed read model (issue 15): synced records projected into SQL tables.

Stations push records as JSON into the generic `record` table (server/db.py). The console's
pages need sums and counts by station, month, program and type, so every record a page reads
is also written, in the same transaction, into a typed table here:

- tables.py      the typed tables (migration s0007 creates them)
- registry.py    entity -> projection (typed columns from one record)
- entities/      one module per group of entities, each declaring PROJECTIONS
- project.py     project(conn, rows), called by server/rows.py flush(); rebuild(conn)
- activity.py    each station's last push and pull, app version and clock offset
- queries.py     overview() and monthly(): typed results, SQL aggregates only
- export.py      monthly_xlsx() and monthly_pdf()
- charts.py      small server-drawn SVG bar charts for the pages
- bench.py       `python -m server.readmodel.bench`: 1,600 stations x 12 months timed

Adding a projection for another entity (hardship files, student aid, rights cases, intake):
1. its table, created by its own migration (s0008, s0009 ...), defined in a module of yours
   with `read_metadata` from tables.py (the server's one `metadata`: server/db.py loads every
   entities/ module, so the table is in the schema tests/sync/test_server_indexes.py holds
   equal to the migrated one);
2. a module in entities/ with `PROJECTIONS = [Projection("entity", table, columns)]`, where
   columns(stored) returns the typed columns (id, district_id, station_id and deleted are
   added) or None; the values must be plain str, int, bool or None (they go to the driver);
3. your migration backfills with `rebuild(op.get_bind(), only=PROJECTIONS)` (see s0007);
   from then on flush() projects every write, and `stationdesk-server rebuild-read-model`
   recomputes everything.
4. monthly.py calls one function of yours to fill your part of Figures (see cases.py).
"""

# the server's schema first: server/db.py defines `metadata` and then loads the projection
# modules, whose tables join it (importing a module of this package alone then works too)
from .. import db as _db  # noqa: E402,F401
