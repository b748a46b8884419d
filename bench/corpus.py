"""Benchmark ``repair corpus``: documents/s, MB/s and peak memory, local and Dask, 1 and 2 workers.

The corpus is synthetic and generated at run time into a temporary folder
(never committed): documents of 0.5-8 KB assembled from the paragraphs of the
books in ``../shared/bench/books/`` and the texts of the dev sets, written as
JSONL shards until the corpus reaches ``--size-mb``.  Each configuration runs
``python -m repair corpus`` as a separate process; peak memory is the largest
sum of resident set sizes over that process and all its children (workers,
Dask scheduler and nannies included), sampled every 50 ms.

Usage::

    python bench/corpus.py                         # 200 MB, scrape family, local+dask, 1 and 2 workers
    python bench/corpus.py --size-mb 2 --select ALL --engines local --workers 1 2
    python bench/corpus.py --single-file --size-mb 2000 --workers 2 --engines local   # one big JSONL
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import psutil

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "bench"
DEV_FIELDS = ("text", "clean", "spun", "typo", "ocr", "sentence_spun", "sentence_clean")


def paragraphs(shared: Path) -> list[str]:
    """Every paragraph of the books and every text of the dev sets."""
    out: list[str] = []
    for book in sorted((shared / "books").glob("*.txt")):
        text = book.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
        out.extend(p.strip() for p in text.split("\n\n") if len(p.strip()) > 40)
    for dev in sorted(shared.glob("*_dev.jsonl")):
        with open(dev, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                out.extend(rec[f] for f in DEV_FIELDS if isinstance(rec.get(f), str) and len(rec[f]) > 40)
    if not out:
        raise SystemExit(f"no source text found under {shared}")
    return out


def documents(paras: list[str], seed: int = 0) -> Iterator[str]:
    """An endless, deterministic stream of documents of 0.5-8 KB built from consecutive paragraphs."""
    rng = random.Random(seed)
    while True:
        start = rng.randrange(len(paras))
        target = rng.choice((500, 1500, 3000, 8000))
        parts: list[str] = []
        size = 0
        i = start
        while size < target:
            parts.append(paras[i % len(paras)])
            size += len(parts[-1])
            i += 1
        yield "\n\n".join(parts)


def generate(folder: Path, size_mb: float, shards: int, single: bool, shared: Path) -> tuple[int, int]:
    """Write the corpus; return (documents, bytes)."""
    folder.mkdir(parents=True, exist_ok=True)
    limit = int(size_mb * 1_000_000)
    per_shard = limit if single else max(1, limit // shards)
    docs = documents(paragraphs(shared))
    n = total = 0
    shard = 0
    while total < limit:
        name = "corpus.jsonl" if single else f"shard-{shard:05d}.jsonl"
        written = 0
        with open(folder / name, "w", encoding="utf-8") as fh:
            while written < per_shard and total + written < limit:
                line = json.dumps({"id": f"d{n:08d}", "text": next(docs), "source": "synthetic"}) + "\n"
                fh.write(line)
                written += len(line.encode("utf-8"))
                n += 1
        total += written
        shard += 1
    return n, total


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def measure(cmd: list[str]) -> tuple[float, float, int, int, int]:
    """Run ``cmd``: wall s, CPU s of the whole tree, peak RSS summed over the tree, peak single RSS, exit.

    CPU time counts every process of the tree that has been waited for (worker
    processes, Dask nannies and workers), so it measures the work independently
    of other load on the machine; wall time does not.
    """
    cpu_before = _children_cpu()
    started = time.perf_counter()
    proc = psutil.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak_sum = peak_one = 0
    while proc.poll() is None:
        try:
            tree = [proc, *proc.children(recursive=True)]
            rss = []
            for p in tree:
                with contextlib.suppress(psutil.Error):
                    rss.append(p.memory_info().rss)
            peak_sum = max(peak_sum, sum(rss))
            peak_one = max(peak_one, max(rss, default=0))
        except psutil.Error:
            pass
        time.sleep(0.05)
    wall = time.perf_counter() - started
    if proc.returncode not in (0, 1):
        sys.stderr.write(proc.stderr.read().decode() if proc.stderr else "")
    return wall, _children_cpu() - cpu_before, peak_sum, peak_one, proc.returncode


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--size-mb", type=float, default=200.0, help="corpus size in MB (default 200)")
    ap.add_argument("--shards", type=int, default=16, help="number of JSONL shards (default 16)")
    ap.add_argument("--single-file", action="store_true", help="one big JSONL file instead of shards")
    ap.add_argument("--engines", nargs="+", default=["local", "dask"], choices=["local", "dask"])
    ap.add_argument("--workers", nargs="+", type=int, default=[1, 2])
    ap.add_argument("--select", default="SCR", help="rules to run (default SCR; ALL for every default rule)")
    ap.add_argument("--fix", default="safe", choices=["safe", "unsafe", "none"])
    ap.add_argument("--workdir", help="where to generate (default: a temporary folder, removed afterwards)")
    ap.add_argument("--shared", default=str(SHARED), help="folder with books/ and the dev sets")
    ap.add_argument("--json", help="also write the results here")
    args = ap.parse_args()

    work = Path(args.workdir) if args.workdir else Path(tempfile.mkdtemp(prefix="repair-corpus-bench-"))
    try:
        t = time.perf_counter()
        n_docs, n_bytes = generate(
            work / "in", args.size_mb, args.shards, args.single_file, Path(args.shared)
        )
        print(
            f"corpus: {n_docs:,} documents, {n_bytes / 1e6:,.1f} MB in {work / 'in'} "
            f"({time.perf_counter() - t:.1f}s to generate)",
            flush=True,
        )
        results = []
        for engine in args.engines:
            for workers in args.workers:
                out = work / f"out-{engine}-{workers}"
                shutil.rmtree(out, ignore_errors=True)
                cmd = [
                    sys.executable,
                    "-m",
                    "repair",
                    "corpus",
                    str(work / "in"),
                    str(out),
                    "--engine",
                    engine,
                    "--workers",
                    str(workers),
                    "--progress",
                    "never",
                    "--fix",
                    args.fix,
                ]
                if args.select.upper() != "ALL":
                    cmd += ["--select", args.select]
                load = os.getloadavg()[0]
                wall, cpu, peak_sum, peak_one, code = measure(cmd)
                summary = json.loads((out / "repair.summary.json").read_text()) if code in (0, 1) else {}
                row = {
                    "engine": engine,
                    "workers": workers,
                    "wall_s": round(wall, 1),
                    "docs_per_s": round(n_docs / wall, 1),
                    "mb_per_s": round(n_bytes / 1e6 / wall, 2),
                    "cpu_s": round(cpu, 1),
                    "docs_per_cpu_s": round(n_docs / cpu, 1) if cpu else None,
                    "peak_rss_total_mb": round(peak_sum / 1e6),
                    "peak_rss_process_mb": round(peak_one / 1e6),
                    "families": summary.get("families"),
                    "documents": summary.get("documents", {}).get("in"),
                    "changed": summary.get("documents", {}).get("changed"),
                    "exit": code,
                    "load_1min_before": round(load, 2),
                }
                results.append(row)
                print(json.dumps(row), flush=True)
                shutil.rmtree(out, ignore_errors=True)
        print()
        print(
            "| engine | workers | wall s | docs/s | MB/s | CPU s | docs per CPU s | peak RSS, all processes "
            "| largest process | load before |"
        )
        print("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |")
        for r in results:
            print(
                f"| {r['engine']} | {r['workers']} | {r['wall_s']} | {r['docs_per_s']:,} | {r['mb_per_s']} | "
                f"{r['cpu_s']} | {r['docs_per_cpu_s']} | {r['peak_rss_total_mb']} MB | "
                f"{r['peak_rss_process_mb']} MB | {r['load_1min_before']} |"
            )
        if args.json:
            Path(args.json).write_text(
                json.dumps({"documents": n_docs, "bytes": n_bytes, "runs": results}, indent=1)
            )
    finally:
        if not args.workdir:
            shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
