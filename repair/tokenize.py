"""Word tokens with offsets.

A word is a run of letters, marks and digits, with inner apostrophes and
hyphens (``don't``, ``ex-Soviet``).  Offsets are half-open code-point indices
into the string given, so tokenising ``Document.masked`` yields offsets into
the original text.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import NamedTuple

from repair.patterns import lazy

WORD = lazy(r"[\p{L}\p{M}\p{N}]+(?:['’\-][\p{L}\p{M}\p{N}]+)*")
SENTENCE_END = lazy(r"[.!?…]+[\"'”’)\]]*(?=\s|\Z)")
#: Straight and curly quotes and the backtick, either side: what marks a word as quoted, mentioned
#: rather than used ('type "unmask" to undo it', "'configure.in'").
QUOTE_MARKS = frozenset("\"'“”‘’`")
#: The marks that open and close a quotation, as pairs.
QUOTE_PAIRS = frozenset((('"', '"'), ("'", "'"), ("“", "”"), ("‘", "’"), ("`", "`")))
#: The start of a line up to its first word: indentation and any list bullet ("  - ", "* ", "• ").
LINE_HEAD = r"[ \t]*(?:[-*+•][ \t]+)?"


def common_prefix(a: str, b: str) -> int:
    """How many characters ``a`` and ``b`` share at their start (``os.path.commonprefix`` does it
    too, but it is a path function and the linter keeps it for paths)."""
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n


class Token(NamedTuple):
    """A word and its span."""

    text: str
    start: int
    end: int


LINE_END = lazy(r"\r\n|\r|\n")


def line_starts(text: str) -> list[int]:
    """Offsets at which each line of ``text`` begins (``\\r\\n``, ``\\n`` and ``\\r`` end lines)."""
    return [0, *(m.end() for m in LINE_END.finditer(text))]


_new_token = tuple.__new__  # Token(...) runs a Python-level __new__; a book has 100,000 words


def words(text: str, start: int = 0, end: int | None = None) -> Iterator[Token]:
    """Word tokens of ``text[start:end]``, with offsets into ``text``."""
    for m in WORD.finditer(text, start, len(text) if end is None else end):
        yield _new_token(Token, (m.group(), m.start(), m.end()))


def is_sentence_start(text: str, offset: int) -> bool:
    """Whether the word at ``offset`` opens a sentence (start of text, line or after . ! ?)."""
    i = offset - 1
    while i >= 0 and text[i] in " \t\"'“‘([*_":
        i -= 1
    if i < 0 or text[i] in "\r\n":
        return True
    return text[i] in ".!?…:"
