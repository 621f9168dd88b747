"""Printed lists and reports: sign-off sheets, disclosure lists, the monthly report, ledgers.

Split in two on purpose: renderers (render_*, write_*) take plain data and know no database,
so the UI, the command line and tests can feed them anything; query functions (*_rows,
build_month_summary, *_pdf) take a sqlmodel Session, a station id and a period and build that
data from the tables. Nothing here imports Qt. Submodules are imported on use (reportlab and
openpyxl are not needed for the first window).
"""
