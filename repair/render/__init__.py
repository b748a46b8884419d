"""Renderers: turn file results into text, JSON, SARIF, GitHub annotations or diffs.

Line and column numbers are computed here, and only here.
"""

from __future__ import annotations

import os
from typing import TextIO

from repair.document import Document
from repair.model import Finding

FORMATS = ("text", "json", "sarif", "github")


def use_color(stream: TextIO) -> bool:
    """Colour only on a terminal, and never when NO_COLOR is set (https://no-color.org)."""
    if os.environ.get("NO_COLOR", "") != "":
        return False
    isatty = getattr(stream, "isatty", None)
    return bool(isatty and isatty()) and os.environ.get("TERM") != "dumb"


def position(doc: Document, finding: Finding) -> tuple[int, int, int, int]:
    """1-based start line, start column, end line, end column (end exclusive)."""
    line, col = doc.line_col(finding.start)
    end_line, end_col = doc.line_col(finding.end)
    return line, col, end_line, end_col
