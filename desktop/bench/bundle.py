"""Bundle benchmark: `--smoke` from the bundle beside `python -m desktop --smoke` from source.

Both runs do the same work (start, open the main window on a throwaway database, render a
receipt and the month's documents, quit) offscreen; each figure is the median wall time of
`runs` starts. The source start is the floor: the target is a bundle under 2x of it. The size is
the bundle folder's apparent size (as `du -sb`), in decimal MB.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from ..paths import APP_DIR
from ..services.errors import UserFacingError

DEFAULT_BUNDLE = APP_DIR.parent / "dist" / "stationdesk"
TARGET_RATIO = 2.0


def executable(bundle: Path) -> Path:
    return bundle / ("stationdesk.exe" if sys.platform == "win32" else "stationdesk")


def folder_size(folder: Path) -> int:
    return folder.lstat().st_size + sum(p.lstat().st_size for p in folder.rglob("*"))


def _median_start(command: list[str], runs: int, env: dict[str, str]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        result = subprocess.run(command, env=env, capture_output=True, text=True, timeout=300)
        elapsed = time.perf_counter() - started
        if result.returncode != 0 or "smoke ok:" not in result.stdout:
            raise UserFacingError(
                f"{' '.join(command)} failed ({result.returncode}): "
                f"{(result.stdout + result.stderr)[-1500:]}"
            )
        times.append(elapsed)
    return statistics.median(times)


def bench_bundle(
    *, bundle: Path = DEFAULT_BUNDLE, runs: int = 5, say: Callable[[str], None] = print
) -> dict[str, Any]:
    exe = executable(bundle)
    if not exe.exists():
        raise UserFacingError(f"没有找到打包好的程序 {exe}，请先运行 bash scripts/build.sh")
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    source = _median_start([sys.executable, "-m", "desktop", "--smoke"], runs, env)
    frozen = _median_start([str(exe), "--smoke"], runs, env)
    ratio = frozen / source
    size_mb = folder_size(bundle) / 1e6
    say(f"source  python -m desktop --smoke      {source * 1000:8.0f} ms  (median of {runs})")
    say(f"bundle  {exe.name} --smoke{'':<14}{frozen * 1000:8.0f} ms  (median of {runs})")
    verdict = "within" if ratio < TARGET_RATIO else "OVER"
    say(f"bundle / source  x{ratio:.2f}  ({verdict} the x{TARGET_RATIO:.0f} target)")
    say(f"bundle size      {size_mb:.1f} MB  ({bundle})")
    return {
        "source_seconds": source,
        "bundle_seconds": frozen,
        "ratio": ratio,
        "target_ratio": TARGET_RATIO,
        "bundle_mb": size_mb,
        "runs": runs,
        "bundle": str(bundle),
    }
