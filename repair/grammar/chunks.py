"""Cutting text into pieces LanguageTool accepts, with offsets kept.

LanguageTool servers limit the text of one request (``maxTextLength`` in the
server configuration; the public API takes 20,000 characters without an
account).  :func:`chunks` cuts the text at paragraph boundaries (blank lines)
into pieces of at most ``limit`` code points, packing whole paragraphs
together; a paragraph longer than the limit is cut after a sentence end, else at
whitespace, else hard.  Pieces that hold only whitespace are dropped: there is
nothing to check in them and nothing is sent for them.

LanguageTool counts offsets in UTF-16 code units (Java strings); repair counts
code points.  :func:`utf16_to_codepoints` maps one to the other for a piece.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from repair.patterns import lazy

DEFAULT_LIMIT = 10_000
_PARAGRAPH_BREAK = lazy(r"\n[ \t\r\f\v]*\n\s*")
_SENTENCE_END = lazy(r"[.!?…][\"'”’)\]]*\s+")
_SPACE = lazy(r"\s+")


@dataclass(frozen=True)
class Chunk:
    """A piece of text to send, and where it starts in the document."""

    start: int
    text: str

    @property
    def end(self) -> int:
        """Offset just past the piece in the document."""
        return self.start + len(self.text)


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    """Spans of paragraphs, each with its trailing blank lines, covering the whole text."""
    pos = 0
    for m in _PARAGRAPH_BREAK.finditer(text):
        yield pos, m.end()
        pos = m.end()
    if pos < len(text):
        yield pos, len(text)


def _cut_long(text: str, start: int, end: int, limit: int) -> Iterator[tuple[int, int]]:
    """Spans of at most ``limit`` covering ``text[start:end]``, cut at sentence ends or spaces."""
    while end - start > limit:
        window = text[start : start + limit]
        cut = 0
        for pattern in (_SENTENCE_END, _SPACE):
            ends = [m.end() for m in pattern.finditer(window) if m.end() < len(window)]
            if ends and ends[-1] > limit // 4:
                cut = ends[-1]
                break
        if cut == 0:
            cut = limit
        yield start, start + cut
        start += cut
    if start < end:
        yield start, end


def chunks(text: str, limit: int = DEFAULT_LIMIT) -> list[Chunk]:
    """Pieces of ``text`` of at most ``limit`` code points, cut at paragraph boundaries.

    The pieces cover every non-blank character of ``text`` exactly once and in
    order; ``piece.text == text[piece.start:piece.end]``.
    """
    if limit < 1:
        raise ValueError("chunk limit must be positive")
    spans: list[tuple[int, int]] = []
    for p_start, p_end in _paragraphs(text):
        spans.extend(_cut_long(text, p_start, p_end, limit))
    out: list[Chunk] = []
    cur_start = cur_end = -1
    for s, e in spans:
        if cur_start >= 0 and e - cur_start <= limit:
            cur_end = e
            continue
        if cur_start >= 0:
            out.append(Chunk(cur_start, text[cur_start:cur_end]))
        cur_start, cur_end = s, e
    if cur_start >= 0:
        out.append(Chunk(cur_start, text[cur_start:cur_end]))
    return [c for c in out if c.text.strip()]


def utf16_to_codepoints(text: str) -> list[int] | None:
    """For each UTF-16 offset into ``text`` (0 to its UTF-16 length), the code-point offset.

    None when ``text`` has no character outside the Basic Multilingual Plane
    (then both counts agree and no table is needed).  An offset that falls in
    the middle of a surrogate pair maps to the character it belongs to.
    """
    if all(ord(c) < 0x10000 for c in text):
        return None
    table: list[int] = []
    for i, c in enumerate(text):
        table.append(i)
        if ord(c) >= 0x10000:
            table.append(i)
    table.append(len(text))
    return table
