"""Diffs of fixed files: unified (difflib) and word-level (diff-match-patch)."""

from __future__ import annotations

import difflib

from repair.files import FileResult
from repair.render.worddiff import word_ops

_RED, _GREEN, _RESET = "\x1b[31m", "\x1b[32m", "\x1b[0m"


def unified(result: FileResult) -> str:
    """A unified diff of one file's fix (empty when nothing changed)."""
    if result.document is None or result.fixed_text is None or not result.changed:
        return ""
    before = result.document.text.splitlines(keepends=True)
    after = result.fixed_text.splitlines(keepends=True)
    name = result.path if result.path != "-" else "stdin"
    lines = difflib.unified_diff(before, after, fromfile=f"a/{name}", tofile=f"b/{name}")
    out = []
    for line in lines:
        out.append(line if line.endswith(("\n", "\r")) else line + "\n\\ No newline at end of file\n")
    return "".join(out)


def word_diff(result: FileResult, color: bool) -> str:
    """A word-level diff: changed words marked ``[-old-]{+new+}`` or in colour."""
    if result.document is None or result.fixed_text is None or not result.changed:
        return ""
    diffs = word_ops(result.document.text, result.fixed_text)
    lines: list[tuple[int, str, bool]] = []  # (line number in the original, text, changed)
    current: list[str] = []
    changed = False
    number = 1
    for op, chunk in diffs:
        pieces = chunk.split("\n")
        for i, piece in enumerate(pieces):
            if i:
                lines.append((number, "".join(current), changed))
                current, changed = [], False
                if op <= 0:
                    number += 1
            if op == 0:
                current.append(piece)
            elif piece or i == len(pieces) - 1:
                mark = (_RED, "[-", "-]") if op < 0 else (_GREEN, "{+", "+}")
                if piece:
                    current.append(f"{mark[0]}{piece}{_RESET}" if color else f"{mark[1]}{piece}{mark[2]}")
                changed = True
    lines.append((number, "".join(current), changed))
    out = [f"--- {result.path}\n"]
    out += [f"{n}: {text.rstrip(chr(13))}\n" for n, text, hit in lines if hit]
    return "".join(out)
