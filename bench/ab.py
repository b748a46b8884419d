#!/usr/bin/env python3
"""One page, two installs: alternate ``check`` runs of two ``repair`` commands and compare them.

A one-page check takes a quarter of a second, and a shared machine's noise is as large as the
change being measured; runs of the two commands alternate (A B, B A, ...) so that a slow phase
hurts both alike, and each run's CPU time is read from the kernel (``wait4``) with microsecond
resolution.  Typical use: two virtual environments, each with one tree installed (``python -m venv
/tmp/old && /tmp/old/bin/pip install -e OLD_CHECKOUT``)::

    python bench/ab.py /tmp/old/bin/repair /tmp/new/bin/repair --file page.txt --runs 30

Without ``--file`` the page is the one ``bench/speed.py`` checks.  Timing is for a person to read,
never a test.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
from speed import CHILD_ENV, DEFAULT_BOOKS, page  # noqa: E402  (bench scripts are run from a checkout)


def run(command: str, path: Path) -> tuple[float, float]:
    """CPU seconds (user + system) and wall seconds of one ``command check path``."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(
        [command, "check", str(path)], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=CHILD_ENV
    )
    _, _, usage = os.wait4(proc.pid, 0)
    return usage.ru_utime + usage.ru_stime, time.perf_counter() - t0


def main() -> None:
    """Run both commands alternately and print the medians."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("commands", nargs=2, help="the two repair commands (console scripts)")
    ap.add_argument("--file", type=Path, help="the text to check (default: speed.py's page)")
    ap.add_argument("--runs", type=int, default=20, help="runs of each command (default 20)")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory(prefix="repair-ab-") as tmp:
        path = args.file or page(DEFAULT_BOOKS, Path(tmp))
        for command in args.commands:
            run(command, path)  # warm the caches and the page cache
        times: dict[str, tuple[list[float], list[float]]] = {c: ([], []) for c in args.commands}
        for k in range(args.runs):
            for command in args.commands if k % 2 == 0 else args.commands[::-1]:
                cpu, wall = run(command, path)
                times[command][0].append(cpu)
                times[command][1].append(wall)
    for command, (cpu, wall) in times.items():
        p90 = sorted(wall)[int(0.9 * len(wall))]
        print(
            f"{command}: wall median {statistics.median(wall):.3f} s (min {min(wall):.3f}, p90 {p90:.3f}), "
            f"CPU median {statistics.median(cpu):.3f} s, {len(wall)} runs"
        )


if __name__ == "__main__":
    main()
