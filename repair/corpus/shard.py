"""The per-shard function both engines run: read, check, fix, write, count.

:func:`process_shard` is deterministic: its files depend only on the shard,
the job and the input bytes (never on the engine, the worker or the time), so
the local engine and Dask write the same bytes.  It writes four part files
under ``OUT/.repair-corpus/parts/`` (documents, findings, rejected, errors;
text-file shards write their documents straight into OUT instead), each
through a temporary name and a rename, and returns the shard's counts as a
small JSON-able dict (see :class:`repair.corpus.summary.Counts`).

Nothing a document contains can stop the run: a record that cannot be read,
or whose processing raises, goes to the errors part with its source, line and
raw content.  Only an environment problem (the input vanished, OUT is not
writable) propagates, and then the shard is simply not recorded as done.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from repair import engine, registry
from repair.apply import UnsafeFixError
from repair.corpus.formats import Doc, Failed, Reader, Writer
from repair.corpus.plan import STATE_DIR, Shard
from repair.corpus.summary import Counts
from repair.document import Document, Options
from repair.files import FileResult
from repair.model import Finding
from repair.render.json import finding_records

PROGRESS_EVERY = 32


@dataclass(frozen=True)
class Job:
    """Everything a worker needs besides the shard; small and picklable."""

    out: str
    text_field: str = "text"
    id_field: str = "id"
    fix: str = "safe"
    max_spin_score: float | None = None
    codes: tuple[str, ...] = ()
    min_confidence: float = 0.0
    options: Options = field(default_factory=Options)

    @property
    def code_set(self) -> frozenset[str]:
        """The rule codes as the engine takes them."""
        return frozenset(self.codes)

    @property
    def parts_dir(self) -> str:
        """Where shards leave their part files."""
        return os.path.join(self.out, STATE_DIR, "parts")


def part_paths(job: Job, shard: Shard) -> dict[str, str]:
    """The part files of a shard: ``docs`` (JSONL/Parquet only), ``findings``, ``rejected``, ``errors``."""
    base = os.path.join(job.parts_dir, shard.key)
    paths = {name: f"{base}.{name}.jsonl" for name in ("findings", "rejected", "errors")}
    if shard.fmt != "text":
        paths["docs"] = f"{base}.docs"
    return paths


def dumps(obj: Any) -> bytes:
    """One JSON line as UTF-8 bytes (lone surrogates escaped; odd Parquet values as strings)."""
    try:
        return (json.dumps(obj, ensure_ascii=False, default=str) + "\n").encode("utf-8")
    except UnicodeEncodeError:
        return (json.dumps(obj, default=str) + "\n").encode("ascii")


def original_record(doc: Doc) -> Any:
    """The document as it came in: the JSON object, the Parquet row, or path and text."""
    if isinstance(doc.handle, tuple) and len(doc.handle) == 2:
        return doc.handle[1]
    if isinstance(doc.handle, tuple):
        _, batch, i = doc.handle
        return batch.slice(i, 1).to_pylist()[0]
    return {"path": doc.source, "text": doc.text}


@dataclass
class Outcome:
    """What happened to one document: its new text, the first-pass findings, what was applied."""

    text: str
    findings: list[Finding]
    metrics: dict[str, float]
    document: Document
    applied: tuple[Finding, ...] = ()
    rejected: str | None = None
    fix_refused: bool = False


def process_document(doc: Doc, job: Job) -> Outcome:
    """Check one document, reject it when too spun, else fix it as the job says."""
    document = Document.from_text(
        doc.text, path=doc.source if doc.kind != "text" else None, kind=doc.kind, options=job.options
    )
    findings = engine.analyze(document, job.code_set, job.min_confidence)
    metrics = registry.document_metrics(document, findings)
    out = Outcome(doc.text, findings, metrics, document)
    spin = metrics.get("spin_score")
    if job.max_spin_score is not None and spin is not None and spin > job.max_spin_score:
        out.rejected = f"spin score {spin:.3f} above --max-spin-score {job.max_spin_score:g}"
        return out
    if job.fix == "none" or not any(f.fix for f in findings):
        return out
    can_write = getattr(doc.handle, "can_encode", None)
    try:
        result = engine.fix(
            document,
            job.code_set,
            job.min_confidence,
            unsafe=job.fix == "unsafe",
            can_write=can_write,
            first=findings,
        )
    except UnsafeFixError:
        out.fix_refused = True
        return out
    out.text = result.text
    out.applied = result.applied
    return out


def _finding_lines(doc: Doc, out: Outcome) -> list[bytes]:
    """One JSON line per first-pass finding: document id and place, the finding, whether it was applied."""
    result = FileResult(doc.source, document=out.document, findings=out.findings, metrics=out.metrics)
    applied = {id(f) for f in out.applied}
    lines = []
    for finding, rec in zip(out.findings, finding_records([result]), strict=True):
        rec.pop("path", None)
        head: dict[str, Any] = {"id": doc.doc_id, "source": doc.source, "source_line": doc.line}
        head.update(rec)
        head["applied"] = id(finding) in applied
        lines.append(dumps(head))
    return lines


def _error_record(item: Failed) -> dict[str, Any]:
    return {"source": item.source, "line": item.line, "kind": item.kind, "error": item.error, "raw": item.raw}


def process_shard(shard: Shard, job: Job, progress: Callable[[int], None] | None = None) -> dict[str, Any]:
    """Process one shard; return its counts (see :class:`repair.corpus.summary.Counts`)."""
    started = time.perf_counter()
    os.makedirs(job.parts_dir, exist_ok=True)
    paths = part_paths(job, shard)
    tmp = {k: f"{v}.tmp" for k, v in paths.items()}
    counts = Counts()
    reader = Reader(shard, job.text_field, job.id_field)
    writer = Writer(shard, tmp.get("docs", ""), job.out, job.text_field)
    pending = 0
    try:
        with (
            open(tmp["findings"], "wb") as ff,
            open(tmp["rejected"], "wb") as rf,
            open(tmp["errors"], "wb") as ef,
        ):
            for item in reader:
                counts.documents_in += 1
                pending += 1
                if progress is not None and pending >= PROGRESS_EVERY:
                    progress(pending)
                    pending = 0
                if isinstance(item, Failed):
                    counts.add_failure(item.kind, item.source, item.line, item.error)
                    ef.write(dumps(_error_record(item)))
                    continue
                try:
                    out = process_document(item, job)
                except Exception as exc:  # a detector bug must not sink the run
                    failure = Failed(
                        item.source,
                        item.line,
                        "processing-error",
                        f"{type(exc).__name__}: {exc}",
                        original_record(item),
                    )
                    counts.add_failure(failure.kind, failure.source, failure.line, failure.error)
                    ef.write(dumps(_error_record(failure)))
                    continue
                for line in _finding_lines(item, out):
                    ff.write(line)
                counts.add_document(out.findings, out.applied, out.metrics, out.fix_refused)
                if out.rejected is not None:
                    counts.rejected += 1
                    rf.write(
                        dumps(
                            {
                                "id": item.doc_id,
                                "source": item.source,
                                "line": item.line,
                                "reason": out.rejected,
                                "spin_score": out.metrics.get("spin_score"),
                                "record": original_record(item),
                            }
                        )
                    )
                    continue
                writer.write(item, out.text)
                counts.written += 1
                counts.changed += out.text != item.text
    finally:
        writer.close()
    if progress is not None and pending:
        progress(pending)
    for k in paths:
        os.replace(tmp[k], paths[k])
    counts.blank_lines = reader.blank_lines
    counts.bytes_in = reader.bytes_read
    counts.seconds = round(time.perf_counter() - started, 3)
    return counts.to_dict()


def warm_up(job: Job) -> None:
    """Load the selected families' resources now (once per worker process), not on the first document."""
    engine.warm(job.code_set, job.options, job.min_confidence)
