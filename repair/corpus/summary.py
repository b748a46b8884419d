"""Per-shard counts and the run summary.

Each shard returns a :class:`Counts` (as a dict, so it travels through a
process pool or Dask and into the manifest as JSON); the summary merges them in
shard order.  The document counts reconcile: every document read is written,
rejected or failed (``in = written + rejected + failed``), and the summary says
whether they do.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any

from repair.model import Finding

SPIN_BIN = 0.05
MAX_EXAMPLES = 5
SUMMARY_EXAMPLES = 20


def spin_bin(value: float) -> str:
    """The histogram bin (its lower edge, two decimals) holding a spin score."""
    return f"{math.floor(value / SPIN_BIN + 1e-9) * SPIN_BIN:.2f}"


@dataclass
class Counts:
    """What one shard (or a whole run) did."""

    documents_in: int = 0
    written: int = 0
    rejected: int = 0
    failed: int = 0
    changed: int = 0
    with_findings: int = 0
    fix_refused: int = 0
    blank_lines: int = 0
    bytes_in: int = 0
    seconds: float = 0.0
    findings: dict[str, int] = field(default_factory=dict)
    fixed: dict[str, int] = field(default_factory=dict)
    errors: dict[str, int] = field(default_factory=dict)
    error_examples: list[dict[str, Any]] = field(default_factory=list)
    spin: dict[str, Any] = field(default_factory=dict)

    def add_failure(self, kind: str, source: str, line: int | None, error: str) -> None:
        """Count a record that could not be processed."""
        self.failed += 1
        self.errors[kind] = self.errors.get(kind, 0) + 1
        if len(self.error_examples) < MAX_EXAMPLES:
            self.error_examples.append({"source": source, "line": line, "kind": kind, "error": error})

    def add_document(
        self,
        findings: Sequence[Finding],
        applied: Iterable[Finding],
        metrics: dict[str, float],
        refused: bool,
    ) -> None:
        """Count one processed document's findings, applied fixes and spin score."""
        for f in findings:
            self.findings[f.rule] = self.findings.get(f.rule, 0) + 1
        for f in applied:
            self.fixed[f.rule] = self.fixed.get(f.rule, 0) + 1
        self.with_findings += bool(findings)
        self.fix_refused += refused
        score = metrics.get("spin_score")
        if score is not None:
            s = self.spin or {"count": 0, "sum": 0.0, "min": score, "max": score, "bins": {}}
            s["count"] += 1
            s["sum"] += score
            s["min"] = min(s["min"], score)
            s["max"] = max(s["max"], score)
            b = spin_bin(score)
            s["bins"][b] = s["bins"].get(b, 0) + 1
            self.spin = s

    def merge(self, other: Counts) -> None:
        """Add another shard's counts to these."""
        for name in (
            "documents_in",
            "written",
            "rejected",
            "failed",
            "changed",
            "with_findings",
            "fix_refused",
            "blank_lines",
            "bytes_in",
            "seconds",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        for name in ("findings", "fixed", "errors"):
            mine: dict[str, int] = getattr(self, name)
            for k, v in getattr(other, name).items():
                mine[k] = mine.get(k, 0) + v
        room = SUMMARY_EXAMPLES - len(self.error_examples)
        self.error_examples.extend(other.error_examples[: max(0, room)])
        if other.spin:
            if not self.spin:
                self.spin = {
                    "count": 0,
                    "sum": 0.0,
                    "min": other.spin["min"],
                    "max": other.spin["max"],
                    "bins": {},
                }
            s = self.spin
            s["count"] += other.spin["count"]
            s["sum"] += other.spin["sum"]
            s["min"] = min(s["min"], other.spin["min"])
            s["max"] = max(s["max"], other.spin["max"])
            for k, v in other.spin["bins"].items():
                s["bins"][k] = s["bins"].get(k, 0) + v

    @property
    def reconciled(self) -> bool:
        """Whether every document read is accounted for."""
        return self.documents_in == self.written + self.rejected + self.failed

    def to_dict(self) -> dict[str, Any]:
        """A JSON-able copy."""
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Counts:
        """Counts from :meth:`to_dict` output."""
        return cls(**data)


def _quantile(bins: dict[str, int], count: int, q: float) -> float:
    """The upper edge of the histogram bin holding the ``q`` quantile (an upper bound)."""
    seen = 0
    for edge in sorted(bins, key=float):
        seen += bins[edge]
        if seen >= q * count:
            return round(float(edge) + SPIN_BIN, 2)
    return 0.0


def spin_section(spin: dict[str, Any]) -> dict[str, Any]:
    """The spin-score distribution, or a note that no family computes one."""
    if not spin:
        return {"available": False, "note": "no active family computes a spin score"}
    n = spin["count"]
    return {
        "available": True,
        "documents": n,
        "mean": round(spin["sum"] / n, 4),
        "min": round(spin["min"], 4),
        "max": round(spin["max"], 4),
        "p50_at_most": _quantile(spin["bins"], n, 0.5),
        "p90_at_most": _quantile(spin["bins"], n, 0.9),
        "p99_at_most": _quantile(spin["bins"], n, 0.99),
        "histogram": {k: spin["bins"][k] for k in sorted(spin["bins"], key=float)},
        "bin_width": SPIN_BIN,
    }


def build(
    total: Counts,
    run: Counts,
    *,
    info: dict[str, Any],
    wall_seconds: float,
    shards: int,
    shards_resumed: int,
    skipped_files: list[str],
) -> dict[str, Any]:
    """The summary JSON: documents, findings per rule, spin scores, errors, throughput.

    ``total`` covers every shard (resumed ones included); ``run`` only the shards
    processed in this invocation, which is what throughput is measured on.
    """
    rules = sorted(set(total.findings) | set(total.fixed))
    return {
        **info,
        "documents": {
            "in": total.documents_in,
            "written": total.written,
            "rejected": total.rejected,
            "failed": total.failed,
            "changed": total.changed,
            "with_findings": total.with_findings,
            "fix_refused": total.fix_refused,
            "reconciled": total.reconciled,
        },
        "findings": {
            "total": sum(total.findings.values()),
            "fixed": sum(total.fixed.values()),
            "by_rule": {
                r: {"found": total.findings.get(r, 0), "fixed": total.fixed.get(r, 0)} for r in rules
            },
        },
        "spin_score": spin_section(total.spin),
        "errors": {
            "total": total.failed,
            "by_kind": dict(sorted(total.errors.items())),
            "examples": total.error_examples,
            "file": "repair.errors.jsonl",
        },
        "throughput": {
            "wall_seconds": round(wall_seconds, 3),
            "documents": run.documents_in,
            "bytes": run.bytes_in,
            "documents_per_second": round(run.documents_in / wall_seconds, 1) if wall_seconds > 0 else None,
            "megabytes_per_second": round(run.bytes_in / 1e6 / wall_seconds, 3) if wall_seconds > 0 else None,
            "worker_seconds": round(run.seconds, 3),
            "shards": shards,
            "shards_resumed": shards_resumed,
        },
        "blank_lines": total.blank_lines,
        "skipped_files": skipped_files,
    }
