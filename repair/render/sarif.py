"""``--format sarif``: a SARIF 2.1.0 log (code-point columns, fixes as replacements)."""

from __future__ import annotations

import json
import os
from collections.abc import Sequence
from typing import Any

from repair import __version__, registry
from repair.files import FileResult
from repair.model import Applicability

SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
_LEVEL = {Applicability.SAFE: "error", Applicability.UNSAFE: "warning", Applicability.DISPLAY: "note"}


def _uri(path: str) -> str:
    return path.replace(os.sep, "/") if path != "-" else "stdin"


def _region(doc: Any, start: int, end: int) -> dict[str, int]:
    line, col = doc.line_col(start)
    end_line, end_col = doc.line_col(end)
    return {
        "startLine": line,
        "startColumn": col,
        "endLine": end_line,
        "endColumn": end_col,
        "charOffset": start,
        "charLength": end - start,
    }


def render(results: Sequence[FileResult]) -> str:
    """The SARIF log as JSON text."""
    rules = registry.all_rules()
    index = {r.code: i for i, r in enumerate(rules)}
    sarif_results: list[dict[str, Any]] = []
    for r in results:
        if r.document is None:
            continue
        for f in r.findings:
            res: dict[str, Any] = {
                "ruleId": f.rule,
                "ruleIndex": index.get(f.rule, -1),
                "level": _LEVEL[f.applicability],
                "message": {"text": f.message + (f" {f.explanation}" if f.explanation else "")},
                "locations": [
                    {
                        "physicalLocation": {
                            "artifactLocation": {"uri": _uri(r.path)},
                            "region": _region(r.document, f.start, f.end),
                        }
                    }
                ],
                "properties": {
                    "confidence": round(f.confidence, 3),
                    "applicability": f.applicability.value,
                    "category": f.category.value,
                },
            }
            if f.fix:
                res["fixes"] = [
                    {
                        "description": {"text": f"replace with {f.replacements[0]!r}"},
                        "artifactChanges": [
                            {
                                "artifactLocation": {"uri": _uri(r.path)},
                                "replacements": [
                                    {
                                        "deletedRegion": _region(r.document, e.start, e.end),
                                        "insertedContent": {"text": e.replacement},
                                    }
                                    for e in f.fix
                                ],
                            }
                        ],
                    }
                ]
            sarif_results.append(res)
    log = {
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [
            {
                "tool": {
                    "driver": {
                        "name": "repair",
                        "version": __version__,
                        "informationUri": "https://pypi.org/project/repair/",
                        "rules": [
                            {
                                "id": r.code,
                                "name": r.name,
                                "shortDescription": {"text": r.summary},
                                "fullDescription": {"text": r.doc},
                                "properties": {"category": r.category.value},
                            }
                            for r in rules
                        ],
                    }
                },
                "columnKind": "unicodeCodePoints",
                "results": sarif_results,
            }
        ],
    }
    return json.dumps(log, ensure_ascii=False, indent=1) + "\n"
