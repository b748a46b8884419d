"""``--format text``: findings grouped by file, with line:column, code, message and remedy."""

from __future__ import annotations

from collections.abc import Sequence

from repair.files import FileResult
from repair.model import Applicability
from repair.render import position

_COLORS = {"path": "1", "pos": "2", "rule": "1;31", "fix": "32", "dim": "2", "metric": "33"}


def _paint(on: bool, what: str, s: str) -> str:
    return f"\x1b[{_COLORS[what]}m{s}\x1b[0m" if on else s


def _show(s: str) -> str:
    """A replacement made visible: quoted, line ends and empty text spelled out."""
    if s == "":
        return "(delete)"
    return repr(s) if any(c in s for c in "\r\n\t") else f"“{s}”"


def render(results: Sequence[FileResult], color: bool = False) -> str:
    """The human-readable report, ending with a summary line."""
    lines: list[str] = []
    total = files = safe = unsafe = 0
    for r in results:
        if r.document is None or not r.findings:
            continue
        files += 1
        lines.append(_paint(color, "path", r.path))
        for f in r.findings:
            total += 1
            line, col, _, _ = position(r.document, f)
            remedy = ""
            if f.replacements:
                remedy = " → " + _paint(color, "fix", _show(f.replacements[0]))
                if len(f.replacements) > 1:
                    remedy += _paint(
                        color, "dim", " (or " + ", ".join(_show(a) for a in f.replacements[1:4]) + ")"
                    )
            tag = ""
            if f.fix and f.applicability is Applicability.SAFE:
                safe += 1
                tag = " [fixable]"
            elif f.fix and f.applicability is Applicability.UNSAFE:
                unsafe += 1
                tag = " [unsafe fix]"
            lines.append(
                f"  {_paint(color, 'pos', f'{line}:{col}')} {_paint(color, 'rule', f.rule)} "
                f"{f.message}{remedy}" + _paint(color, "dim", f"{tag} ({f.confidence:.2f})")
            )
        if any(r.metrics.values()):
            shown = ", ".join(f"{k.replace('_', ' ')} {v:g}" for k, v in sorted(r.metrics.items()))
            lines.append("  " + _paint(color, "metric", shown))
    if total:
        summary = f"Found {total} finding{'s' * (total != 1)} in {files} file{'s' * (files != 1)}"
        extra = []
        if safe:
            extra.append(f"{safe} fixable with `repair fix`")
        if unsafe:
            extra.append(f"{unsafe} more with `repair fix --unsafe-fixes`")
        lines.append(summary + (" (" + "; ".join(extra) + ")" if extra else "") + ".")
    else:
        lines.append("No findings.")
    return "\n".join(lines) + "\n"
