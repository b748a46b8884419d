"""``--format github``: GitHub Actions workflow commands, one annotation per finding."""

from __future__ import annotations

from collections.abc import Sequence

from repair.files import FileResult
from repair.render import position


def _escape_data(s: str) -> str:
    return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(s: str) -> str:
    return _escape_data(s).replace(":", "%3A").replace(",", "%2C")


def render(results: Sequence[FileResult]) -> str:
    """``::warning file=…,line=…,col=…::message`` lines."""
    out = []
    for r in results:
        if r.document is None:
            continue
        for f in r.findings:
            line, col, end_line, end_col = position(r.document, f)
            message = f.message + (f" → {f.replacements[0]!r}" if f.replacements else "")
            props = (
                f"file={_escape_property(r.path)},line={line},col={col},endLine={end_line},"
                f"endColumn={end_col},title={_escape_property(f'{f.rule} {f.category.value}')}"
            )
            out.append(f"::warning {props}::{_escape_data(message)}")
    return "".join(line + "\n" for line in out)
