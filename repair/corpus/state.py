"""Run state in ``OUT/.repair-corpus/``: the manifest of finished shards, and the final assembly.

``run.json`` holds a fingerprint of the run (input files with sizes and
modification times, shard ranges, options, rule codes).  ``manifest.jsonl``
gets one line per finished shard, with its counts, appended by the driver once
the shard's part files are in place.  A new run into the same OUT with the same
fingerprint skips those shards; a different fingerprint is refused (or, with
``fresh``, the old state is discarded).

Once every shard is done, :func:`assemble` concatenates the parts in shard
order: the chunks of each JSONL file (gzip members and zstd frames concatenate
into valid streams), the row groups of each Parquet file, and the findings,
rejected and errors parts into the side files.  Then the state folder goes.
"""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from typing import Any

from repair.corpus.formats import parquet_codec
from repair.corpus.plan import STATE_DIR, Plan, Shard
from repair.corpus.shard import Job, part_paths

SIDE_PARTS = {
    "findings": "repair.findings.jsonl",
    "rejected": "repair.rejected.jsonl",
    "errors": "repair.errors.jsonl",
}
SUMMARY_FILE = "repair.summary.json"


class StateError(ValueError):
    """OUT holds an unfinished run that this run cannot continue; the message is one line."""


class RunState:
    """The manifest of one run in OUT."""

    def __init__(self, out: str, fingerprint: dict[str, Any], fresh: bool = False) -> None:
        self.dir = os.path.join(out, STATE_DIR)
        self.manifest = os.path.join(self.dir, "manifest.jsonl")
        run_file = os.path.join(self.dir, "run.json")
        encoded = json.loads(json.dumps(fingerprint))
        if fresh and os.path.isdir(self.dir):
            shutil.rmtree(self.dir)
        if os.path.exists(run_file):
            with open(run_file, encoding="utf-8") as fh:
                try:
                    previous = json.load(fh)
                except ValueError:
                    previous = None
            if previous != encoded:
                raise StateError(
                    f"{out} holds an unfinished run with other input or options; "
                    "pass --fresh to discard it, or choose another OUT"
                )
        else:
            os.makedirs(self.dir, exist_ok=True)
            with open(run_file + ".tmp", "w", encoding="utf-8") as fh:
                json.dump(encoded, fh)
            os.replace(run_file + ".tmp", run_file)

    def completed(self, plan: Plan, job: Job) -> dict[str, dict[str, Any]]:
        """Counts of the shards the manifest records as done and whose parts are still in place."""
        done: dict[str, dict[str, Any]] = {}
        if not os.path.exists(self.manifest):
            return done
        by_key = {s.key: s for s in plan.shards}
        with open(self.manifest, encoding="utf-8") as fh:
            for line in fh:
                try:
                    entry = json.loads(line)
                except ValueError:  # a line cut short by an interruption
                    continue
                shard = by_key.get(entry.get("key"))
                if shard is not None and all(os.path.exists(p) for p in part_paths(job, shard).values()):
                    done[shard.key] = entry["counts"]
        return done

    def record(self, key: str, counts: dict[str, Any]) -> None:
        """Append a finished shard to the manifest."""
        with open(self.manifest, "a", encoding="utf-8") as fh:
            fh.write(json.dumps({"key": key, "counts": counts}) + "\n")
            fh.flush()

    def remove(self) -> None:
        """Delete the state folder (after a complete assembly)."""
        shutil.rmtree(self.dir, ignore_errors=True)


def _by_source(plan: Plan) -> Iterator[tuple[str, list[Shard]]]:
    groups: dict[str, list[Shard]] = {}
    for s in plan.shards:
        if s.fmt != "text":
            groups.setdefault(s.source.rel, []).append(s)
    yield from groups.items()


def _concat(parts: list[str], target: str) -> None:
    tmp = target + ".repair-tmp"
    with open(tmp, "wb") as out:
        for p in parts:
            with open(p, "rb") as fh:
                shutil.copyfileobj(fh, out, 1 << 20)
    os.replace(tmp, target)


def _merge_parquet(parts: list[str], target: str) -> None:
    import pyarrow.parquet as pq

    files = [pq.ParquetFile(p) for p in parts if os.path.getsize(p) > 0]
    if not files:
        return
    tmp = target + ".repair-tmp"
    with pq.ParquetWriter(tmp, files[0].schema_arrow, compression=parquet_codec(files[0].metadata)) as w:
        for pf in files:
            for i in range(pf.metadata.num_row_groups):
                table = pf.read_row_group(i)
                w.write_table(table, row_group_size=max(1, table.num_rows))
    os.replace(tmp, target)


def assemble(plan: Plan, job: Job) -> None:
    """Put the parts of every shard in their final place in OUT."""
    for kind, name in SIDE_PARTS.items():
        _concat([part_paths(job, s)[kind] for s in plan.shards], os.path.join(job.out, name))
    for rel, shards in _by_source(plan):
        target = os.path.join(job.out, *rel.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        parts = [part_paths(job, s)["docs"] for s in shards]
        if shards[0].fmt == "parquet":
            if len(parts) == 1 and os.path.getsize(parts[0]) > 0:
                os.replace(parts[0], target)
            else:
                _merge_parquet(parts, target)
        elif len(parts) == 1:
            os.replace(parts[0], target)
        else:
            _concat(parts, target)
