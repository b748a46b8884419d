"""``--format json``: one JSON array of findings (the contract in DESIGN.md section 3)."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from repair.files import FileResult
from repair.render import position


def finding_records(results: Iterable[FileResult]) -> list[dict[str, Any]]:
    """One dict per finding, in file order then position order."""
    out: list[dict[str, Any]] = []
    for r in results:
        doc = r.document
        if doc is None:
            continue
        for f in r.findings:
            line, col, end_line, end_col = position(doc, f)
            record: dict[str, Any] = {
                "path": r.path,
                "line": line,
                "column": col,
                "end_line": end_line,
                "end_column": end_col,
                "start": f.start,
                "end": f.end,
                "text": doc.text[f.start : f.end],
                "rule": f.rule,
                "category": f.category.value,
                "message": f.message,
                "replacements": list(f.replacements),
                "confidence": round(f.confidence, 3),
                "applicability": f.applicability.value,
                "explanation": f.explanation,
                "fix": [{"start": e.start, "end": e.end, "replacement": e.replacement} for e in f.fix],
            }
            record.update(r.metrics)
            out.append(record)
    return out


def render(results: Iterable[FileResult]) -> str:
    """The JSON text."""
    return json.dumps(finding_records(results), ensure_ascii=False, indent=1) + "\n"
