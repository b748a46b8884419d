"""Edit costs for typed and scanned words.

A weighted Damerau-Levenshtein distance from the word as written to a
candidate.  Plain edits cost 1; edits people and OCR engines actually make cost
less: a transposed pair, a doubled or undoubled letter, one vowel for another,
a neighbouring key, and OCR confusions between glyphs that look alike (rn/m,
cl/d, li/h, vv/w, l/1/I, O/0, e/c, u/n, long s/f, ligatures).
"""

from __future__ import annotations

import functools

_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_POS = {ch: (r, c) for r, row in enumerate(_ROWS) for c, ch in enumerate(row)}
VOWELS = frozenset("aeiouy")

TRANSPOSE = 0.6
DOUBLE = 0.5
VOWEL = 0.7
NEIGHBOUR = 0.7
OCR_GLYPH = 0.55
OMITTED = 0.8  # an omitted vowel, or the h of ch/sh/th/wh

#: (as written, intended, cost): glyph confusions of OCR engines, both directions where they occur.
OCR_CONFUSIONS: tuple[tuple[str, str, float], ...] = (
    ("rn", "m", 0.5), ("m", "rn", 0.6), ("cl", "d", 0.5), ("d", "cl", 0.6),
    ("li", "h", 0.5), ("h", "li", 0.6), ("vv", "w", 0.5), ("w", "vv", 0.6),
    ("ii", "u", 0.6), ("ri", "n", 0.6), ("in", "m", 0.6), ("ni", "m", 0.6),
    ("iu", "m", 0.6), ("nn", "m", 0.7), ("rn", "rm", 0.7), ("tl", "d", 0.7),
    ("1", "l", 0.4), ("1", "i", 0.5), ("l", "i", 0.6), ("i", "l", 0.6), ("I", "l", 0.4),
    ("0", "o", 0.4), ("o", "0", 0.6), ("e", "c", OCR_GLYPH), ("c", "e", OCR_GLYPH),
    ("u", "n", OCR_GLYPH), ("n", "u", OCR_GLYPH), ("b", "h", OCR_GLYPH), ("h", "b", OCR_GLYPH),
    ("f", "t", OCR_GLYPH), ("t", "f", OCR_GLYPH), ("ſ", "s", 0.2), ("f", "s", 0.7),
    ("ﬁ", "fi", 0.1), ("ﬂ", "fl", 0.1), ("ﬀ", "ff", 0.1), ("ﬃ", "ffi", 0.1), ("ﬄ", "ffl", 0.1),
    ("a", "o", 0.6), ("o", "a", 0.6), ("s", "a", 0.7), ("v", "y", 0.6), ("y", "v", 0.6),
    ("5", "s", 0.5), ("8", "s", 0.7), ("3", "e", 0.7), ("9", "g", 0.7), ("6", "b", 0.7),
)
_MULTI = tuple((a, b, c) for a, b, c in OCR_CONFUSIONS if len(a) > 1 or len(b) > 1)
_SINGLE = {(a, b): c for a, b, c in OCR_CONFUSIONS if len(a) == 1 and len(b) == 1}


def neighbours(a: str, b: str) -> bool:
    """Whether two letters are adjacent on a QWERTY keyboard."""
    pa, pb = _POS.get(a), _POS.get(b)
    if pa is None or pb is None:
        return False
    return abs(pa[0] - pb[0]) <= 1 and abs(pa[1] - pb[1]) <= 1 and pa != pb


def substitution(a: str, b: str) -> float:
    """Cost of writing ``a`` where ``b`` was meant."""
    if a == b:
        return 0.0
    cost = _SINGLE.get((a, b), 1.0)
    if a in VOWELS and b in VOWELS:
        cost = min(cost, VOWEL)
    if neighbours(a, b):
        cost = min(cost, NEIGHBOUR)
    return cost


@functools.lru_cache(maxsize=65536)
def edit_cost(written: str, intended: str) -> float:
    """Weighted Damerau-Levenshtein cost of ``written`` -> ``intended`` (lower case)."""
    a, b = written, intended
    n, m = len(a), len(b)
    d = [[0.0] * (m + 1) for _ in range(n + 1)]
    for i in range(1, n + 1):
        d[i][0] = d[i - 1][0] + (DOUBLE if i > 1 and a[i - 1] == a[i - 2] else 1.0)
    for j in range(1, m + 1):
        d[0][j] = d[0][j - 1] + (DOUBLE if j > 1 and b[j - 1] == b[j - 2] else 1.0)
    for i in range(1, n + 1):
        ai = a[i - 1]
        for j in range(1, m + 1):
            bj = b[j - 1]
            # deleting a written letter: cheap when it doubles its neighbour
            dele = DOUBLE if (i > 1 and a[i - 2] == ai) or (i < n and a[i] == ai) else 1.0
            if dele > NEIGHBOUR and ((i > 1 and neighbours(a[i - 2], ai)) or (i < n and neighbours(a[i], ai))):
                dele = NEIGHBOUR  # a stray key next to the one meant
            # inserting an intended letter: cheap when it doubles its neighbour
            ins = DOUBLE if (j > 1 and b[j - 2] == bj) or (j < m and b[j] == bj) else 1.0
            if bj in VOWELS or (bj == "h" and j > 1 and b[j - 2] in "cstw"):
                ins = min(ins, OMITTED)
            best = min(d[i - 1][j] + dele, d[i][j - 1] + ins, d[i - 1][j - 1] + substitution(ai, bj))
            if i > 1 and j > 1 and ai == b[j - 2] and a[i - 2] == bj and ai != bj:
                best = min(best, d[i - 2][j - 2] + TRANSPOSE)
            for x, y, c in _MULTI:
                lx, ly = len(x), len(y)
                if i >= lx and j >= ly and a[i - lx : i] == x and b[j - ly : j] == y:
                    best = min(best, d[i - lx][j - ly] + c)
            d[i][j] = best
    return round(d[n][m], 3)


def describe(written: str, intended: str) -> str:
    """A short reviewer-facing name for the kind of edit, when it is a single recognisable one."""
    for x, y, _ in _MULTI:
        if x in written and written.replace(x, y, 1) == intended:
            return f"OCR confusion {x!r}->{y!r}"
    if len(written) == len(intended):
        diff = [(p, q) for p, q in zip(written, intended) if p != q]
        if len(diff) == 2 and sorted(written) == sorted(intended):
            return "transposed letters"
        if len(diff) == 1:
            p, q = diff[0]
            if (p, q) in _SINGLE:
                return f"OCR confusion {p!r}->{q!r}"
            if neighbours(p, q):
                return "neighbouring key"
    if len(written) + 1 == len(intended):
        return "missing letter"
    if len(written) == len(intended) + 1:
        return "extra letter"
    return "spelling"
