"""Edit costs for typed and scanned words.

A weighted Damerau-Levenshtein distance from the word as written to a
candidate.  Plain edits cost 1; edits people and OCR engines actually make cost
less: a transposed pair, a doubled or undoubled letter, one vowel for another,
a neighbouring key, and OCR confusions between glyphs that look alike (rn/m,
cl/d, li/h, vv/w, l/1/I, O/0, e/c, u/n, long s/f, ligatures).
"""

from __future__ import annotations

import functools
import itertools
from collections.abc import Iterator

from rapidfuzz.distance import OSA as _OSA
from rapidfuzz.distance import Levenshtein as _Levenshtein

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
    ("rn", "m", 0.5),
    ("m", "rn", 0.6),
    ("cl", "d", 0.5),
    ("d", "cl", 0.6),
    ("li", "h", 0.5),
    ("h", "li", 0.6),
    ("vv", "w", 0.5),
    ("w", "vv", 0.6),
    ("ii", "u", 0.6),
    ("ri", "n", 0.6),
    ("in", "m", 0.6),
    ("ni", "m", 0.6),
    ("iu", "m", 0.6),
    ("nn", "m", 0.7),
    ("rn", "rm", 0.7),
    ("tl", "d", 0.7),
    ("1", "l", 0.4),
    ("1", "i", 0.5),
    ("l", "i", 0.6),
    ("i", "l", 0.6),
    ("I", "l", 0.4),
    ("0", "o", 0.4),
    ("o", "0", 0.6),
    ("e", "c", OCR_GLYPH),
    ("c", "e", OCR_GLYPH),
    ("u", "n", OCR_GLYPH),
    ("n", "u", OCR_GLYPH),
    ("b", "h", OCR_GLYPH),
    ("h", "b", OCR_GLYPH),
    ("f", "t", OCR_GLYPH),
    ("t", "f", OCR_GLYPH),
    ("ſ", "s", 0.2),
    ("f", "s", 0.7),
    ("ﬁ", "fi", 0.1),
    ("ﬂ", "fl", 0.1),
    ("ﬀ", "ff", 0.1),
    ("ﬃ", "ffi", 0.1),
    ("ﬄ", "ffl", 0.1),
    ("a", "o", 0.6),
    ("o", "a", 0.6),
    ("s", "a", 0.7),
    ("v", "y", 0.6),
    ("y", "v", 0.6),
    ("5", "s", 0.5),
    ("8", "s", 0.7),
    ("3", "e", 0.7),
    ("9", "g", 0.7),
    ("6", "b", 0.7),
)
#: (as written, intended, cost): how people misspell English by ear: letters that spell the same
#: sound (f/ph, k/c/ck, s/c, s/z, j/g), silent letters (gh, w, k, b), and -tion/-sion by sound.
SPELLING_CONFUSIONS: tuple[tuple[str, str, float], ...] = (
    ("f", "ph", 0.6),
    ("ph", "f", 0.7),
    ("k", "c", 0.7),
    ("c", "k", 0.7),
    ("k", "ck", 0.6),
    ("c", "ck", 0.6),
    ("ck", "k", 0.6),
    ("s", "c", 0.7),
    ("c", "s", 0.7),
    ("s", "z", 0.7),
    ("z", "s", 0.7),
    ("j", "g", 0.7),
    ("g", "j", 0.8),
    ("t", "ght", 0.7),
    ("te", "ght", 0.7),
    ("f", "gh", 0.8),
    ("r", "wr", 0.6),
    ("n", "kn", 0.6),
    ("m", "mb", 0.6),
    ("sh", "ti", 0.7),
    ("sh", "ci", 0.7),
    ("shun", "tion", 0.6),
    ("shon", "tion", 0.6),
    ("chun", "tion", 0.7),
    ("er", "our", 0.7),
    ("our", "er", 0.8),
)
#: (as written, intended, cost): further misreadings of Tesseract on degraded book pages, the most
#: frequent letter confusions on pages made from other books than the bench sets' with
#: ``tools/eval_ocr_selfmade.py`` ("clearty", "Jatter", "occtipies", "frst", "allected").  They apply
#: only to text that shows OCR damage (``scanned``): typed text seldom confuses these letters, and cheap there
#: they would pull slips of other kinds towards the wrong word.  Nor does OCR007 use them: among real
#: words they are too often a coincidence ("took"/"look", "nor"/"not").
SCAN_CONFUSIONS: tuple[tuple[str, str, float], ...] = (
    ("t", "l", 0.6),
    ("l", "t", 0.65),
    ("t", "r", 0.65),
    ("r", "t", 0.65),
    ("c", "t", 0.65),
    ("f", "l", 0.65),
    ("l", "f", 0.65),
    ("f", "r", 0.7),
    ("j", "l", 0.55),
    ("h", "n", 0.65),
    ("r", "n", 0.7),
    ("n", "ri", 0.6),
    ("ti", "u", 0.6),
    ("b", "ti", 0.6),
    ("f", "fi", 0.5),
)


def _multi(confusions: tuple[tuple[str, str, float], ...]) -> tuple[tuple[str, str, float], ...]:
    return tuple((a, b, c) for a, b, c in confusions if len(a) > 1 or len(b) > 1)


def _single(confusions: tuple[tuple[str, str, float], ...]) -> dict[tuple[str, str], float]:
    return {(a, b): c for a, b, c in confusions if len(a) == 1 and len(b) == 1}


#: The glyph confusions of typed text and of scanned text (index: ``scanned``).
_MULTI = (_multi(OCR_CONFUSIONS), _multi(OCR_CONFUSIONS + SCAN_CONFUSIONS))
_SINGLE = (_single(OCR_CONFUSIONS), _single(OCR_CONFUSIONS + SCAN_CONFUSIONS))
#: Multi-letter confusions of both kinds, for the edit cost (``describe`` names only the OCR ones).
_MULTI_ALL = tuple(m + _multi(SPELLING_CONFUSIONS) for m in _MULTI)
_SOUND = _single(SPELLING_CONFUSIONS)


_NEIGHBOURS = frozenset(
    (x, y)
    for x, (rx, cx) in _POS.items()
    for y, (ry, cy) in _POS.items()
    if x != y and abs(rx - ry) <= 1 and abs(cx - cy) <= 1
)


def neighbours(a: str, b: str) -> bool:
    """Whether two letters are adjacent on a QWERTY keyboard."""
    return (a, b) in _NEIGHBOURS


@functools.lru_cache(maxsize=4096)
def substitution(a: str, b: str, scanned: bool = False) -> float:
    """Cost of writing ``a`` where ``b`` was meant (``scanned``: in text that shows OCR damage)."""
    if a == b:
        return 0.0
    cost = min(_SINGLE[scanned].get((a, b), 1.0), _SOUND.get((a, b), 1.0))
    if a in VOWELS and b in VOWELS:
        cost = min(cost, VOWEL)
    if (a, b) in _NEIGHBOURS:
        cost = min(cost, NEIGHBOUR)
    return cost


def _multi_at(a: str, b: str, scanned: bool) -> dict[tuple[int, int], list[tuple[int, int, float]]]:
    """Multi-letter confusions by the cell (i, j) where they end: (len written, len intended, cost)."""
    out: dict[tuple[int, int], list[tuple[int, int, float]]] = {}
    for x, y, c in _MULTI_ALL[scanned]:
        if x not in a or y not in b:
            continue
        ends_a = [k + len(x) for k in range(len(a) - len(x) + 1) if a.startswith(x, k)]
        ends_b = [k + len(y) for k in range(len(b) - len(y) + 1) if b.startswith(y, k)]
        for i in ends_a:
            for j in ends_b:
                out.setdefault((i, j), []).append((len(x), len(y), c))
    return out


@functools.lru_cache(maxsize=65536)
def edit_cost(written: str, intended: str, scanned: bool = False) -> float:
    """Weighted Damerau-Levenshtein cost of ``written`` -> ``intended`` (lower case); ``scanned``:
    in text that shows OCR damage, where :data:`SCAN_CONFUSIONS` are cheap too."""
    return bounded_cost(written, intended, INF, scanned)


INF = float("inf")


def bounded_cost(written: str, intended: str, bound: float, scanned: bool = False) -> float:
    """:func:`edit_cost`, or ``INF`` as soon as the cost is sure to exceed ``bound``.

    Between ASCII letters every edit costs at least :data:`MIN_LENGTH_EDIT` per letter of
    length it changes, so a candidate whose length differs too much is rejected without the
    table; and as no edit reaches back more than :data:`REACH` rows, the table is abandoned
    when that many consecutive rows all exceed the bound.
    """
    # a shared prefix and suffix cost nothing: keep two letters of each as context for the
    # neighbour-dependent costs (doubled letters, stray keys, multi-letter confusions)
    if abs(len(written) - len(intended)) * MIN_LENGTH_EDIT > bound and written.isascii():
        return INF  # (ligatures expand one glyph into several letters for less)
    p, q = _shared_ends(written, intended)
    n = min(len(written), len(intended))
    if bound < INF and written.isascii() and (p + q < n or len(written) != len(intended)):
        # letters one side has and the other lacks: without a multi-letter confusion each edit
        # costs at least MIN_EDIT and supplies or removes at most one of them on each side
        ra, rb = written[p : len(written) - q], intended[p : len(intended) - q]
        lacking = max(_unmatched(ra, rb), _unmatched(rb, ra))
        if lacking * MIN_EDIT > bound and not any_multi(ra, rb, scanned):
            return INF
    p = max(0, p - CONTEXT)
    q = max(0, q - CONTEXT)
    return _cost(written[p : len(written) - q], intended[p : len(intended) - q], bound, scanned)


def _shared_ends(a: str, b: str) -> tuple[int, int]:
    """Lengths of the longest shared prefix and of the longest shared suffix after it."""
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    q = 0
    while q < n - p and a[-1 - q] == b[-1 - q]:
        q += 1
    return p, q


def _unmatched(a: str, b: str) -> int:
    """How many letters of ``a`` (with multiplicity) ``b`` cannot match."""
    rest = list(b)
    n = 0
    for ch in a:
        try:
            rest.remove(ch)
        except ValueError:
            n += 1
    return n


def any_multi(a: str, b: str, scanned: bool = False) -> bool:
    """Whether a multi-letter confusion may apply between ``a`` and ``b``."""
    return any(y in b for y in multi_targets(a, scanned))


@functools.lru_cache(maxsize=65536)
def multi_targets(a: str, scanned: bool = False) -> tuple[str, ...]:
    """The intended sides of the multi-letter confusions whose written side occurs in ``a``."""
    return tuple(y for x, y, _ in _MULTI_ALL[scanned] if x in a)


CONTEXT = 2
#: The cheapest single edit between letters (a doubled letter, a glyph confusion).
MIN_EDIT = 0.5
#: The cheapest edit per letter of length it adds or removes ("t" for "ght").
MIN_LENGTH_EDIT = 0.35
#: How many rows of the table one edit reaches back (the longest confusion, or a transposition).
REACH = max(2, *(len(x) for x, _, _ in _MULTI_ALL[True]))


def _sub_row(a: str, scanned: bool) -> dict[str, float]:
    """Substitution costs of writing ``a`` for each letter that costs less than 1."""
    row = _SUB_ROWS[scanned].get(a)
    if row is None:
        row = {b: substitution(a, b, scanned) for b in _ALPHABET}
        row = {b: c for b, c in row.items() if c != 1.0}
        row[a] = 0.0
        _SUB_ROWS[scanned][a] = row
    return row


_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789ſ"
_SUB_ROWS: tuple[dict[str, dict[str, float]], ...] = ({}, {})


@functools.lru_cache(maxsize=65536)
def _deletions(a: str) -> tuple[float, ...]:
    """Cost of deleting each written letter (1-based): cheap when it doubles its neighbour or is a
    stray neighbouring key."""
    n = len(a)
    dele = [0.0] * (n + 1)
    for i in range(1, n + 1):
        ai = a[i - 1]
        near = [a[k] for k in (i - 2, i) if 0 <= k < n]
        if ai in near:
            dele[i] = DOUBLE
        elif any((x, ai) in _NEIGHBOURS for x in near):
            dele[i] = NEIGHBOUR
        else:
            dele[i] = 1.0
    return tuple(dele)


@functools.lru_cache(maxsize=65536)
def _insertions(b: str) -> tuple[tuple[float, ...], list[float]]:
    """Cost of inserting each intended letter (1-based): cheap when it doubles its neighbour, or is an
    omitted vowel or h; and the first row of the table."""
    m = len(b)
    ins = [0.0] * (m + 1)
    for j in range(1, m + 1):
        bj = b[j - 1]
        cost = DOUBLE if (j > 1 and b[j - 2] == bj) or (j < m and b[j] == bj) else 1.0
        if bj in VOWELS or (bj == "h" and j > 1 and b[j - 2] in "cstw"):
            cost = min(cost, OMITTED)
        ins[j] = cost
    first = [0.0] * (m + 1)
    for j in range(1, m + 1):
        first[j] = first[j - 1] + (DOUBLE if j > 1 and b[j - 1] == b[j - 2] else 1.0)
    return tuple(ins), first


def _cost(written: str, intended: str, bound: float = INF, scanned: bool = False) -> float:
    a, b = written, intended
    n, m = len(a), len(b)
    # multi-letter confusions by the row they end in, then by column
    multi: dict[int, dict[int, list[tuple[int, int, float]]]] = {}
    if any_multi(a, b, scanned):
        for (i, j), ending in _multi_at(a, b, scanned).items():
            multi.setdefault(i, {})[j] = ending
    dele = _deletions(a)
    ins, first = _insertions(b)
    prev2: list[float] = []
    prev = list(first)
    rows = [prev]
    over = 0  # how many consecutive rows lie wholly above the bound
    cols = range(1, m + 1)
    for i in range(1, n + 1):
        ai = a[i - 1]
        sub = _sub_row(ai, scanned).get
        left = prev[0] + (DOUBLE if i > 1 and ai == a[i - 2] else 1.0)
        cur = [left]
        di = dele[i]
        ai2 = a[i - 2] if i > 1 else ""
        # a transposition writes ai2 ai for ai ai2: only where b[j - 1] == ai2 and ai != ai2
        swap = ai2 != ai
        here = multi.get(i)
        for j in cols:
            bj = b[j - 1]
            best = prev[j] + di
            x = left + ins[j]
            if x < best:
                best = x
            x = prev[j - 1] + sub(bj, 1.0)
            if x < best:
                best = x
            if swap and bj == ai2 and j > 1 and b[j - 2] == ai:
                x = prev2[j - 2] + TRANSPOSE
                if x < best:
                    best = x
            if here:
                hits = here.get(j)
                if hits:
                    for lx, ly, c in hits:
                        x = rows[i - lx][j - ly] + c
                        if x < best:
                            best = x
            cur.append(best)
            left = best
        rows.append(cur)
        prev2, prev = prev, cur
        # every cell derives from the REACH rows above (a multi-letter confusion spans several)
        if min(cur) > bound:
            over += 1
            if over >= REACH:
                return INF
        else:
            over = 0
    return round(prev[m], 3)


def levenshtein(a: str, b: str) -> int:
    """Plain Levenshtein distance (rapidfuzz's compiled kernel): a cheap filter before weighted costs."""
    return _Levenshtein.distance(a, b)


def osa(a: str, b: str) -> int:
    """Optimal-string-alignment distance (Levenshtein plus adjacent transpositions, each edit 1).

    A cheap filter before weighted costs that, unlike plain Levenshtein, counts a swapped pair
    ("form" for "from") as one edit (rapidfuzz's compiled kernel).
    """
    return _OSA.distance(a, b)


#: Multi-letter glyph confusions a scan makes wherever its font sets the letter ("cornrnittee": "m"
#: read as "rn" twice).  Undone at two places or more they reach words that lie more than two plain
#: edits away, beyond the spelling index (:func:`glyph_readings`).
REPEATED_GLYPHS = (("rn", "m"), ("vv", "w"), ("cl", "d"), ("li", "h"))
#: Edit cost of such a confusion undone at k places: the first costs what the confusion does
#: (:data:`OCR_CONFUSIONS`), each further one little, since a scan that reads one "m" of a word as
#: "rn" reads the others so too ("the House of Cornrnons").
GLYPH_FIRST_COST = 0.5
GLYPH_PLACE_COST = 0.1
#: A word with more places than this for one confusion is not expanded (2**n readings).
MAX_GLYPH_PLACES = 4


def glyph_readings(written: str) -> Iterator[tuple[str, str, str, int]]:
    """Readings of ``written`` with one of :data:`REPEATED_GLYPHS` undone at two of its places or
    more, as (reading, as written, intended, places): "cornrnon" -> ("common", "rn", "m", 2).
    Undone at one place, a confusion is within the spelling index's reach already."""
    for x, y in REPEATED_GLYPHS:
        if written.count(x) < 2:
            continue  # most words: one C-level count settles it
        at = [i for i in range(len(written) - 1) if written.startswith(x, i)]
        if not 2 <= len(at) <= MAX_GLYPH_PLACES:
            continue
        for k in range(2, len(at) + 1):
            for places in itertools.combinations(at, k):
                if any(b - a < len(x) for a, b in itertools.pairwise(places)):
                    continue  # overlapping ("vvv")
                parts, last = [], 0
                for i in places:
                    parts += [written[last:i], y]
                    last = i + len(x)
                yield "".join(parts) + written[last:], x, y, k


def glyph_cost(places: int) -> float:
    """Edit cost of a repeated glyph confusion undone at ``places`` places (see :func:`glyph_readings`)."""
    return GLYPH_FIRST_COST + GLYPH_PLACE_COST * (places - 1)


def describe(written: str, intended: str, scanned: bool = False) -> str:
    """A short reviewer-facing name for the kind of edit, when it is a single recognisable one
    (``scanned``: in text that shows OCR damage, where :data:`SCAN_CONFUSIONS` are glyph confusions too)."""
    for x, y, _ in _MULTI[scanned]:
        if x in written and written.replace(x, y, 1) == intended:
            return f"OCR confusion {x!r}->{y!r}"
    if len(written) == len(intended):
        diff = [(p, q) for p, q in zip(written, intended, strict=True) if p != q]
        if len(diff) == 2 and sorted(written) == sorted(intended):
            return "transposed letters"
        if len(diff) == 1:
            p, q = diff[0]
            if (p, q) in _SINGLE[scanned]:
                return f"OCR confusion {p!r}->{q!r}"
            if neighbours(p, q):
                return "neighbouring key"
            return "one vowel for another" if p in VOWELS and q in VOWELS else "one letter for another"
    for reading, x, y, k in glyph_readings(written):
        if reading == intended:
            return f"OCR confusion {x!r}->{y!r} at {k} places"
    if len(written) + 1 == len(intended):
        return "missing letter"
    if len(written) == len(intended) + 1:
        return "extra letter"
    return "several edits"
