"""`stationdesk bench`: figures beside floors measured in the same run (see README)."""

from __future__ import annotations

import argparse
from typing import Any


def run_bench(args: argparse.Namespace) -> dict[str, Any]:
    from ..bench import core

    results: dict[str, Any] = {}
    lines: list[str] = []
    if args.what in ("core", "all"):
        results["core"] = core.bench_core(members=args.members, runs=args.runs, say=lines.append)
    if args.what in ("encryption", "all"):
        from ..bench.encryption import bench_encryption

        results["encryption"] = bench_encryption(
            members=args.members, runs=args.runs, say=lines.append
        )
    if args.what in ("docs", "all"):
        from ..reports.bench import bench_documents

        results["docs"] = _docs(bench_documents(), lines)
    if args.what in ("sync", "all"):
        from ..sync.bench import bench_sync

        results["sync"] = bench_sync(
            runs=args.runs, say=lines.append, anki_python=getattr(args, "anki", None)
        )
    if args.what in ("ui", "all"):
        from ..ui.bench import bench_ui

        results["ui"] = bench_ui()
        lines.append(str(results["ui"]))
    if args.what == "bundle":  # not in "all": it needs a built bundle (scripts/build.sh)
        from ..bench.bundle import bench_bundle

        results["bundle"] = bench_bundle(runs=max(args.runs, 5), say=lines.append)
    results["text"] = "\n".join(lines)
    return results


def _docs(rows: Any, lines: list[str]) -> list[dict[str, Any]]:
    out = []
    for name, seconds, floor in rows:
        ratio = seconds / floor if floor else float("nan")
        lines.append(
            f"{name:<28} {seconds * 1000:9.1f} ms   floor {floor * 1000:9.1f} ms   x{ratio:.2f}"
        )
        out.append({"name": name, "seconds": seconds, "floor_seconds": floor, "ratio": ratio})
    return out
