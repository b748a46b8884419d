"""``repair corpus IN OUT``: plan, run the shards on an engine, assemble, summarise.

Exit codes: 0 when every document was written or rejected, 1 when some failed
(see ``repair.errors.jsonl``), 2 for a usage error or an aborted run (a resumed
run then skips the shards already done).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from collections.abc import Callable
from concurrent.futures.process import BrokenProcessPool
from typing import Any

from repair import __version__, config, registry
from repair.config import ConfigError
from repair.corpus.options import FIX_MODES
from repair.corpus.plan import DEFAULT_CHUNK_BYTES, PlanError, Shard, make_plan
from repair.corpus.progress import Progress
from repair.corpus.shard import Job
from repair.corpus.state import SUMMARY_FILE, RunState, StateError, assemble
from repair.corpus.summary import Counts, build

ENGINES = ("local", "dask")


class CorpusError(Exception):
    """A corpus run that cannot start or had to stop; the message is one line."""


def available_cpus() -> int:
    """The cores this process may run on (the default number of workers)."""
    if hasattr(os, "sched_getaffinity"):
        return max(1, len(os.sched_getaffinity(0)))
    return os.cpu_count() or 1


def _codes(value: str | tuple[str, ...] | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = value.split(",") if isinstance(value, str) else value
    codes = tuple(c.strip() for c in items if c.strip())
    config.validate_codes(codes, "command line")
    return codes


def run_corpus(
    in_path: str,
    out_path: str,
    *,
    engine: str = "local",
    workers: int | None = None,
    scheduler: str | None = None,
    fix: str = "safe",
    max_spin_score: float | None = None,
    select: str | tuple[str, ...] | None = None,
    ignore: str | tuple[str, ...] | None = None,
    min_confidence: float | None = None,
    text_field: str = "text",
    id_field: str = "id",
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    fresh: bool = False,
    progress: bool | None = None,
    on_shard_done: Callable[[Shard], None] | None = None,
) -> dict[str, Any]:
    """Clean the corpus at ``in_path`` into ``out_path``; return the summary (also written to OUT).

    ``on_shard_done`` is called in the driver after each shard is recorded (tests
    use it to interrupt a run).
    """
    if engine not in ENGINES:
        raise CorpusError(f"unknown engine {engine!r} (local or dask)")
    if fix not in FIX_MODES:
        raise CorpusError(f"--fix takes safe, unsafe or none, not {fix!r}")
    if min_confidence is not None and not 0 <= min_confidence <= 1:
        raise CorpusError("--min-confidence must lie between 0 and 1")
    if workers is not None and workers < 1:
        raise CorpusError("--workers must be at least 1")
    if scheduler and engine != "dask":
        raise CorpusError("--scheduler needs --engine dask")
    workers = workers or available_cpus()
    out = os.path.abspath(out_path)
    if os.path.exists(out) and not os.path.isdir(out):
        raise CorpusError(f"{out_path}: OUT must be a folder")
    if os.path.isdir(in_path) and os.path.realpath(in_path) == os.path.realpath(out):
        raise CorpusError("OUT must differ from IN")
    settings = config.settings_for(in_path).override(
        select=_codes(select), ignore=_codes(ignore), min_confidence=min_confidence
    )
    codes = tuple(sorted(settings.codes))
    plan = make_plan(
        in_path, out, chunk_bytes, include=settings.include, exclude=settings.exclude, root=settings.root
    )
    os.makedirs(out, exist_ok=True)
    job = Job(
        out, text_field, id_field, fix, max_spin_score, codes, settings.min_confidence, settings.options
    )
    fingerprint = {
        "version": __version__,
        "job": [text_field, id_field, fix, max_spin_score, list(codes), settings.min_confidence],
        "options": [sorted(settings.options.allow_words), sorted(settings.options.extra_words)],
        "plan": plan.signature(),
    }
    state = RunState(out, fingerprint, fresh=fresh)
    done = state.completed(plan, job)
    todo = [s for s in plan.shards if s.key not in done]
    bar = Progress(plan.total_weight, sum(s.weight for s in plan.shards if s.key in done), enabled=progress)
    results: dict[str, dict[str, Any]] = dict(done)
    fresh_counts = Counts()

    def on_result(shard: Shard, counts: dict[str, Any]) -> None:
        state.record(shard.key, counts)
        results[shard.key] = counts
        fresh_counts.merge(Counts.from_dict(counts))
        if engine == "dask":  # no live count from Dask workers: count documents per finished shard
            bar.add_docs(counts["documents_in"])
        bar.shard_done(shard.weight, counts["bytes_in"])
        if on_shard_done is not None:
            on_shard_done(shard)

    started = time.perf_counter()
    try:
        if engine == "dask":
            from repair.corpus import dask as dask_engine

            dask_engine.run(todo, job, workers, on_result, scheduler=scheduler)
        else:
            from repair.corpus import local

            local.run(todo, job, workers, on_result, on_docs=bar.add_docs)
    finally:
        bar.close()
    wall = time.perf_counter() - started
    assemble(plan, job)
    total = Counts()
    for s in plan.shards:
        total.merge(Counts.from_dict(results[s.key]))
    families = sorted({registry.get_rule(c).category.value for c in codes})
    info = {
        "repair_version": __version__,
        "input": os.path.abspath(in_path),
        "output": out,
        "engine": engine,
        "workers": workers if not scheduler else None,
        "scheduler": scheduler,
        "fix": fix,
        "max_spin_score": max_spin_score,
        "families": families,
        "rules": list(codes),
    }
    summary = build(
        total,
        fresh_counts,
        info=info,
        wall_seconds=wall,
        shards=len(plan.shards),
        shards_resumed=len(done),
        skipped_files=plan.skipped,
    )
    with open(os.path.join(out, SUMMARY_FILE + ".tmp"), "w", encoding="utf-8") as fh:
        json.dump(summary, fh, ensure_ascii=False, indent=1)
        fh.write("\n")
    os.replace(os.path.join(out, SUMMARY_FILE + ".tmp"), os.path.join(out, SUMMARY_FILE))
    state.remove()
    return summary


def main(args: argparse.Namespace) -> int:
    """The ``repair corpus`` command."""
    try:
        summary = run_corpus(
            args.input,
            args.output,
            engine=args.engine,
            workers=args.workers,
            scheduler=args.scheduler,
            fix=args.fix,
            max_spin_score=args.max_spin_score,
            select=args.select,
            ignore=args.ignore,
            min_confidence=args.min_confidence,
            text_field=args.text_field,
            id_field=args.id_field,
            chunk_bytes=max(1, int(args.chunk_mb * 1048576)),
            fresh=args.fresh,
            progress={"auto": None, "always": True, "never": False}[args.progress],
        )
    except (CorpusError, PlanError, StateError, ConfigError, registry.UnknownRuleError) as exc:
        print(f"repair: {exc}", file=sys.stderr)
        return 2
    except ImportError as exc:
        print(
            f"repair: corpus mode needs its extras ({exc.name}): pip install 'repair[corpus]'",
            file=sys.stderr,
        )
        return 2
    except KeyboardInterrupt:
        print("repair: interrupted; run the same command again to resume", file=sys.stderr)
        return 130
    except BrokenProcessPool:
        print(
            "repair: a worker process died (out of memory?); finished shards are kept, run again to resume",
            file=sys.stderr,
        )
        return 2
    except OSError as exc:  # the input vanished, OUT is full or not writable, a cluster is unreachable
        print(f"repair: run stopped: {exc}; finished shards are kept, run again to resume", file=sys.stderr)
        return 2
    d = summary["documents"]
    t = summary["throughput"]
    if summary["max_spin_score"] is not None and not summary["spin_score"]["available"]:
        print(
            "repair: note: no active family computes a spin score; --max-spin-score had no effect",
            file=sys.stderr,
        )
    found = summary["findings"]
    print(
        f"{d['in']:,} documents: {d['written']:,} written ({d['changed']:,} changed), "
        f"{d['rejected']:,} rejected, {d['failed']:,} failed; "
        f"{found['total']:,} findings, {found['fixed']:,} fixed; "
        f"{t['documents_per_second'] or 0:,.0f} docs/s.  "
        f"Summary: {os.path.join(args.output, SUMMARY_FILE)}"
    )
    return 1 if d["failed"] else 0
