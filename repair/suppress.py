"""Inline suppressions.

In Markdown, HTML and plain text alike::

    text with a finding  <!-- repair: ignore -->          this line, every rule
    <!-- repair: ignore SPN001, TYP -->                     this line, those rules
    repair: ignore-next-line                                the next line
    <!-- repair: disable SPN -->  ...  <!-- repair: enable SPN -->
                                                            a region (to the end if never enabled)

The directive text itself is protected.  An unknown rule code in a directive is
an error (:class:`repair.registry.UnknownRuleError`), never silently ignored.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from repair.markup import Span
from repair.patterns import lazy
from repair.tokenize import line_starts

DIRECTIVE = lazy(
    r"(?:<!--[ \t]*|#[ \t]*|\.\.[ \t]+)?\brepair:[ \t]*(ignore-next-line|ignore|disable|enable)\b"
    r"(?:[ \t]+((?:[A-Za-z]{3}\d{0,3})(?:[ \t]*,[ \t]*[A-Za-z]{3}\d{0,3})*))?[ \t]*(?:-->)?"
)

ALL = frozenset({"*"})


@dataclass(frozen=True)
class Suppression:
    """Findings in ``[start, end)`` whose code starts with one of ``prefixes`` are dropped."""

    start: int
    end: int
    prefixes: frozenset[str]

    def covers(self, code: str, start: int, end: int) -> bool:
        """Whether a finding of ``code`` over ``[start, end)`` is suppressed."""
        if not (self.start <= start < self.end or (start < self.end and self.start < end)):
            return False
        return self.prefixes == ALL or any(code.startswith(p) for p in self.prefixes)


def _line_bounds(text: str, starts: list[int], index: int) -> tuple[int, int]:
    line = bisect.bisect_right(starts, index) - 1
    start = starts[line]
    end = starts[line + 1] if line + 1 < len(starts) else len(text)
    return start, end


def parse(text: str) -> tuple[list[Suppression], list[Span], list[str]]:
    """Suppressions, the spans of the directives themselves, and the codes they name."""
    suppressions: list[Suppression] = []
    spans: list[Span] = []
    named: list[str] = []
    open_regions: dict[str, int] = {}
    if "repair:" not in text:
        return suppressions, spans, named
    starts = line_starts(text)
    for m in DIRECTIVE.finditer(text):
        verb = m.group(1)
        codes = [c.strip().upper() for c in (m.group(2) or "").split(",") if c.strip()]
        named += codes
        prefixes = frozenset(codes) if codes else ALL
        spans.append(Span(m.start(), m.end(), "suppression"))
        line_start, line_end = _line_bounds(text, starts, m.start())
        if verb == "ignore":
            suppressions.append(Suppression(line_start, line_end, prefixes))
        elif verb == "ignore-next-line":
            if line_end < len(text):
                nxt_start, nxt_end = _line_bounds(text, starts, line_end)
                suppressions.append(Suppression(nxt_start, nxt_end, prefixes))
        elif verb == "disable":
            for p in prefixes:
                open_regions.setdefault(p, m.end())
        else:  # enable
            for p in list(open_regions) if prefixes == ALL else prefixes:
                if p in open_regions:
                    suppressions.append(Suppression(open_regions.pop(p), m.start(), frozenset({p})))
    for p, begin in open_regions.items():
        suppressions.append(Suppression(begin, len(text), frozenset({p})))
    return suppressions, spans, named
