"""Topical fit: how much better a candidate original suits the passage around a span than the written word.

The trigram model sees two words either side; a sense-blind swap often reads
well there ("the complete country") yet belongs to another topic than the
passage ("destruction of character" in a report on riots, where "property"
fits).  Word vectors (GloVe 6B, 100 dimensions; ``tools/build_spin_vectors.py``
keeps the 50,000 most frequent words, centred so that a cosine measures topic
rather than commonness) give that second view: the passage is the sum of the
vectors of the content words in the ``STEP``-character blocks within ``WINDOW``
characters of the span, outside it, and :func:`fit_gain` is the candidate's
cosine with it minus the written word's.  It is one of the combiner's inputs
(:mod:`repair.spin.combiner`).

Pure Python over a byte table: importing numpy would cost a page more than the
few dozen spans it scores.
"""

from __future__ import annotations

import functools
import math
from array import array
from collections.abc import Sequence
from operator import mul, sub

import regex

from repair.resources import DataError, data_path
from repair.spin.lexicon import FUNCTION_WORDS, content_word

VECTORS = "spin_vectors.bin"
DIMS = 100
KEY = 20  # bytes of a row's word, NUL-padded (tools/build_spin_vectors.py)
ROW = KEY + DIMS
WINDOW = 600  # characters either side of the span whose content words make its passage (about 100 words)
STEP = 200  # characters of a block: a passage is the blocks within WINDOW of the span, each summed once
_WORD = regex.compile(r"[^\W\d_]+")


@functools.cache
def _table() -> bytes | None:
    """The packed rows (sorted by word), or None when the table is not installed."""
    try:
        blob = data_path(VECTORS).read_bytes()
    except (DataError, OSError):
        return None
    return blob if blob and len(blob) % ROW == 0 else None


@functools.lru_cache(maxsize=65536)
def vector(word: str) -> array[int] | None:
    """The stored vector of a lower-case word (signed bytes), or None when it has none: a binary
    search over the sorted rows, so that no index is built when the family first needs one."""
    blob = _table()
    if blob is None or not word.isascii() or len(word) > KEY:
        return None
    key = word.encode("ascii").ljust(KEY, b"\0")
    lo, hi = 0, len(blob) // ROW
    while lo < hi:
        mid = (lo + hi) // 2
        at = blob[mid * ROW : mid * ROW + KEY]
        if at < key:
            lo = mid + 1
        elif at > key:
            hi = mid
        else:
            return array("b", blob[mid * ROW + KEY : (mid + 1) * ROW])
    return None


def _content_vector(word: str) -> array[int] | None:
    """The vector of a passage word (any case) when it is a content word, else None."""
    low = word.lower()
    return vector(low) if content_word(low) else None


def _sum(vectors: Sequence[Sequence[int]]) -> Sequence[int]:
    return vectors[0] if len(vectors) == 1 else list(map(sum, zip(*vectors, strict=True)))


def _phrase(words: Sequence[str]) -> Sequence[int] | None:
    """The sum of the vectors of a phrase's content words (all its words when it has none)."""
    content = [w for w in words if w not in FUNCTION_WORDS] or list(words)
    found = [v for w in content if (v := vector(w)) is not None]
    return _sum(found) if found and len(found) == len(content) else None


def _cosine(a: Sequence[int], b: Sequence[int]) -> float:
    na = math.sqrt(sum(map(mul, a, a)))
    nb = math.sqrt(sum(map(mul, b, b)))
    return sum(map(mul, a, b)) / (na * nb) if na and nb else 0.0


class _Memo:
    """Block and passage sums of the one text being read (a new text starts afresh), so that a
    corpus run keeps no earlier document alive through the caches."""

    def __init__(self) -> None:
        self.text: str | None = None
        self.blocks: dict[int, tuple[int, ...] | None] = {}
        self.passages: dict[tuple[int, int], Sequence[int] | None] = {}

    def of(self, text: str) -> _Memo:
        if self.text is not text:
            self.text, self.blocks, self.passages = text, {}, {}
        return self


_MEMO = _Memo()


def _block(text: str, k: int) -> tuple[int, ...] | None:
    """The summed vectors of the content words starting in the ``k``-th ``STEP`` characters of
    ``text`` (None when there are none): a passage is a few such blocks, each summed once per text."""
    blocks = _MEMO.of(text).blocks
    if k in blocks:
        return blocks[k]
    lo, hi = k * STEP, (k + 1) * STEP
    found = []
    for m in _WORD.finditer(text, lo, min(len(text), hi + KEY + 1)):
        at = m.start()
        if at >= hi:
            break
        if at == lo and at and text[at - 1].isalpha():
            continue  # the end of a word that starts in the block before
        if (v := _content_vector(m.group())) is not None:
            found.append(v)
    blocks[k] = got = tuple(_sum(found)) if found else None
    return got


def passage(text: str, start: int, end: int) -> Sequence[int] | None:
    """The summed vectors of the content words around ``start:end`` (the ``STEP``-character blocks
    within ``WINDOW`` characters of it), the span's own words left out (kept for the text)."""
    passages = _MEMO.of(text).passages
    if (start, end) in passages:
        return passages[start, end]
    first, last = max(0, start - WINDOW) // STEP, min(len(text), end + WINDOW) // STEP
    parts: list[Sequence[int]] = [b for k in range(first, last + 1) if (b := _block(text, k)) is not None]
    own = [v for m in _WORD.finditer(text, start, end) if (v := _content_vector(m.group())) is not None]
    total: Sequence[int] | None = None
    if parts:
        total = _sum(parts)
        if own:
            total = list(map(sub, total, _sum(own)))
        if not any(total):
            total = None
    passages[start, end] = total
    return total


def fit_gain(text: str, start: int, end: int, written: Sequence[str], candidate: Sequence[str]) -> float:
    """Cosine of the candidate's words with the passage around ``start:end`` minus the written
    words' (0.0 when a side has no vector)."""
    if _table() is None:
        return 0.0
    a, b = _phrase(candidate), _phrase(written)
    if a is None or b is None:
        return 0.0
    ctx = passage(text, start, end)
    if ctx is None:
        return 0.0
    return _cosine(a, ctx) - _cosine(b, ctx)
