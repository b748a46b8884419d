#!/usr/bin/env python3
"""Time ``repair check`` and ``codespell`` side by side on the same ~3 MB of books.

Builds a corpus folder from Project Gutenberg-style plain-text books (as they
ship: Latin-1 or UTF-8 with a BOM, CRLF line ends; copied byte for byte), runs
both tools over it, and prints wall time, CPU time and peak resident memory of
each, and the ratio.  It also times ``repair check`` on one page (start-up
included), the median of several runs.

Usage:
    python bench/speed.py [--books ../shared/bench/books] [--mb 3] [--repeat 1]
                          [--select CODES] [--json] [--families]

Bars (DESIGN.md section 6): repair within 2x codespell's wall time, peak memory
under 500 MB, one page under 0.3 s.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import sysconfig
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
DEFAULT_BOOKS = HERE.parent.parent / "shared" / "bench" / "books"
# Both tools run as an installed user runs them: with bytecode caches.  An environment
# that sets PYTHONDONTWRITEBYTECODE would make every run of an editable install compile
# repair's sources again (codespell's caches were written when pip installed it).
CHILD_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}


def build_corpus(books: Path, folder: Path, megabytes: float) -> tuple[int, int]:
    """Copy books (largest first is avoided: name order) into ``folder`` until ``megabytes`` are reached."""
    target = int(megabytes * 1_000_000)
    total = files = 0
    for src in sorted(books.glob("*.txt")):
        if total >= target:
            break
        shutil.copyfile(src, folder / src.name)
        total += src.stat().st_size
        files += 1
    if not files:
        raise SystemExit(f"no .txt books in {books}")
    return files, total


def page(books: Path, folder: Path) -> Path:
    """One page (about 3,000 characters of prose) from the first book, as UTF-8."""
    src = sorted(books.glob("*.txt"))[0]
    raw = src.read_bytes()
    text = raw.decode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("latin-1")
    start = len(text) // 3
    out = folder / "page.txt"
    out.write_text(text[start : start + 3000], encoding="utf-8")
    return out


def run(cmd: list[str]) -> dict[str, float]:
    """Run a command; its wall time, CPU time and peak resident memory (MB)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=CHILD_ENV)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    if proc.returncode not in (0, 1, 65):  # codespell exits 65 when it finds misspellings
        raise SystemExit(f"{cmd[0]} failed ({proc.returncode}): {err[-1000:]}")
    rss_mb = usage.ru_maxrss / 1024 if sys.platform != "darwin" else usage.ru_maxrss / 2**20
    return {
        "wall_s": round(wall, 3),
        "cpu_s": round(usage.ru_utime + usage.ru_stime, 3),
        "peak_mb": round(rss_mb, 1),
    }


def best_of(cmd: list[str], repeat: int) -> dict[str, float]:
    """The run with the lowest wall time out of ``repeat``."""
    return min((run(cmd) for _ in range(repeat)), key=lambda r: r["wall_s"])


def command(name: str) -> str:
    """The console script ``name`` installed beside this Python, else the one on PATH.

    Version managers such as pyenv put a shell-script "shim" first on PATH that
    adds tens of milliseconds to every start; the script in the interpreter's own
    ``scripts`` folder is what a virtual environment runs.  Both tools are
    resolved the same way.
    """
    if os.sep in name:
        return name
    here = Path(sysconfig.get_path("scripts")) / name
    if here.is_file() and os.access(here, os.X_OK):
        return str(here)
    return shutil.which(name) or name


def family_cpu(books: Path, megabytes: float, select: str) -> dict[str, float]:
    """CPU seconds each detector spends on the corpus, in this process, resources loaded first:
    where the time of a whole run goes."""
    from repair import engine, registry, textio  # the installed repair, as the commands use
    from repair.document import Document

    codes = frozenset(registry.selected_codes(select.split(",") if select else [], []))
    engine.warm(codes)
    with tempfile.TemporaryDirectory(prefix="repair-speed-") as tmp:
        build_corpus(books, Path(tmp), megabytes)
        files = sorted(Path(tmp).iterdir())
        docs = [Document.from_text(textio.read(str(f), 1 << 30).text, path=str(f)) for f in files]
    spent: dict[str, float] = {}
    for doc in docs:
        for detect in engine.detectors_for(codes):
            t0 = time.process_time()
            for _ in detect(doc):
                pass
            name = f"{detect.__module__.removeprefix('repair.detectors.')}.{detect.__name__}"
            spent[name] = spent.get(name, 0.0) + time.process_time() - t0
    return {k: round(v, 3) for k, v in sorted(spent.items(), key=lambda kv: -kv[1])}


def main() -> None:
    """Build the corpus, time both tools, print the comparison."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--books", type=Path, default=DEFAULT_BOOKS)
    ap.add_argument("--mb", type=float, default=3.0, help="corpus size in megabytes (default 3)")
    ap.add_argument("--repeat", type=int, default=1, help="runs per tool; the fastest counts")
    ap.add_argument("--page-runs", type=int, default=5)
    ap.add_argument("--select", default="", help="rule codes or prefixes passed to repair --select")
    ap.add_argument("--repair", default="repair", help="the repair command")
    ap.add_argument("--codespell", default="codespell", help="the codespell command")
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--families", action="store_true", help="instead: CPU seconds per detector, one process")
    args = ap.parse_args()
    if args.families:
        spent = family_cpu(args.books, args.mb, args.select)
        if args.json:
            print(json.dumps(spent))
        else:
            for name, cpu in spent.items():
                print(f"{cpu:8.3f} s  {name}")
            print(f"{sum(spent.values()):8.3f} s  all detectors")
        return
    repair = [command(args.repair)]
    codespell = [command(args.codespell)]
    select = ["--select", args.select] if args.select else []
    with tempfile.TemporaryDirectory(prefix="repair-speed-") as tmp:
        corpus = Path(tmp) / "corpus"
        corpus.mkdir()
        files, size = build_corpus(args.books, corpus, args.mb)
        # warm the caches (the spelling index is built on first use) before timing
        one = page(args.books, Path(tmp))
        run([*repair, "check", *select, str(one)])
        rep = best_of([*repair, "check", "--format", "json", *select, str(corpus)], args.repeat)
        cs = best_of([*codespell, str(corpus)], args.repeat)
        pages = [run([*repair, "check", *select, str(one)])["wall_s"] for _ in range(args.page_runs)]
    result: dict[str, Any] = {
        "corpus": {"files": files, "bytes": size},
        "repair": rep,
        "codespell": cs,
        "wall_ratio": round(rep["wall_s"] / cs["wall_s"], 2) if cs["wall_s"] else None,
        "page_wall_s_median": round(statistics.median(pages), 3),
        "select": args.select or "default",
        "commands": {"repair": repair[0], "codespell": codespell[0]},
        "bars": {"wall_ratio": "<= 2.0", "peak_mb": "< 500", "page_wall_s": "< 0.3"},
    }
    if args.json:
        print(json.dumps(result))
        return
    print(f"corpus: {files} files, {size / 1e6:.2f} MB (rules: {result['select']})")
    print(f"commands: {repair[0]}, {codespell[0]}")
    for name, r in (("repair", rep), ("codespell", cs)):
        print(f"{name:10s} wall {r['wall_s']:7.2f} s   cpu {r['cpu_s']:7.2f} s   peak {r['peak_mb']:7.1f} MB")
    print(f"ratio repair/codespell wall: {result['wall_ratio']}  (bar <= 2.0)")
    print(
        f"one page, start-up included: median {result['page_wall_s_median']:.3f} s "
        f"over {len(pages)} runs  (bar < 0.3)"
    )


if __name__ == "__main__":
    main()
