"""Small helpers shared by the scrape rules: line iteration and finding construction."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import NamedTuple


class Line(NamedTuple):
    """One line: ``start``, ``end`` (before the line break) and ``stop`` (after it)."""

    start: int
    end: int
    stop: int


def shown(text: str, limit: int = 40) -> str:
    """``text`` quoted for a message, shortened to ``limit`` characters."""
    if len(text) > limit:
        text = text[: limit - 1] + "…"
    return repr(text)


def line_at(text: str, offset: int) -> Line:
    """The line that holds ``offset``."""
    start = max(text.rfind("\n", 0, offset), text.rfind("\r", 0, offset)) + 1
    ends = [i for i in (text.find("\r", offset), text.find("\n", offset)) if i >= 0]
    end = min(ends) if ends else len(text)
    stop = end + (2 if text.startswith("\r\n", end) else 1 if end < len(text) else 0)
    return Line(start, end, stop)


def candidate_lines(text: str, prefilter: re.Pattern[str]) -> Iterator[Line]:
    """Each line of ``text`` that holds a match of ``prefilter``, once, in order.

    Detectors run a cheap pattern (one that starts with a literal or a rare
    character) over the whole text, then their full pattern over these lines
    only: this keeps the family fast on large books.
    """
    done = -1
    for m in prefilter.finditer(text):
        if m.start() < done:
            continue
        line = line_at(text, m.start())
        done = line.stop if line.stop > line.start else line.start + 1
        yield line


def line_span(
    text: str, start: int, end: int, protected: Callable[[int, int], bool] | None = None
) -> tuple[int, int]:
    """The span that deletes the line ``[start, end)`` cleanly.

    The line's break and the blank lines after it go with it; a last line without
    a break takes the blank lines before it instead (the previous line keeps its break).
    When ``protected`` says the text right after that span is protected (a code
    fence), the blank lines before the line go with it instead, so that the fix
    does not touch the markup.
    """

    def free(i: int) -> bool:
        return protected is None or not protected(i, i + 1)

    stop = end
    while stop < len(text) and text[stop] in " \t\r\n" and free(stop):
        stop += 1
    if stop < len(text) or end < stop:
        if stop == len(text):
            return start, stop
        # Keep the white space that begins the next line's indentation.
        back = stop
        while back > end and text[back - 1] in " \t":
            back -= 1
        if back < len(text) and not free(back):
            p = start
            while p > 0 and text[p - 1] in " \t\r\n" and free(p - 1):
                p -= 1
            if p > 0 and free(p - 1):
                return p, end
        return start, back
    # Last line of the text, no line break after it.
    p = start
    while p > 0 and text[p - 1] in " \t\r\n" and free(p - 1):
        p -= 1
    if p == 0:
        return 0, end
    if text[p : p + 2] == "\r\n":
        return p + 2, end
    return p + 1, end
