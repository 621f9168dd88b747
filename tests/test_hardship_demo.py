"""The demo station carries realistic fake hardship files in several states and 金秋助学
children, some granted this school year and some still waiting (issue 16)."""

from __future__ import annotations

from desktop.services import hardship_queries as hq
from desktop.services import students
from desktop.services.demo import create_demo


def test_demo_has_files_in_each_state_and_children(tmp_path):
    ctx = create_demo(tmp_path / "demo.sqlite3", members=120)
    files = hq.list_files(ctx)
    assert len(files) == 8
    assert {"applied", "verified", "established", "recovered"} <= {f.status for f in files}
    reopened = [
        f for f in files if any(s["step"] == "reopen" for s in hq.get_file(ctx, f.id).file.steps)
    ]
    assert len(reopened) == 1
    assert all("*" in f.id_masked for f in files)
    children = students.list_students(ctx)
    assert len(children) == 4 and sum(1 for c in children if c.granted_years) == 2
    assert len(students.grants_due(ctx)) == 2
