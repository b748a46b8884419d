"""The fast kernels of the spelling rules give exactly what the plain Python they replaced gave.

The reference implementations below are the pure-Python code the typo family used before the
speed work (bit-parallel distances); each property test checks the current kernel against them on
arbitrary strings.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from repair.spelling.cost import levenshtein, osa

# letters that trigger the multi-letter confusions and the learned rules, digits, ligatures
LETTERS = st.text(alphabet="abcdeghilmnorstuvwy1ﬁſé", max_size=12)


def _shared_ends(a: str, b: str) -> tuple[int, int]:
    n = min(len(a), len(b))
    p = 0
    while p < n and a[p] == b[p]:
        p += 1
    q = 0
    while q < n - p and a[-1 - q] == b[-1 - q]:
        q += 1
    return p, q


def _bit_vectors(b: str) -> tuple[dict[str, int], int, int]:
    peq: dict[str, int] = {}
    bit = 1
    for c in b:
        peq[c] = peq.get(c, 0) | bit
        bit <<= 1
    return peq, bit - 1, bit >> 1


def _levenshtein_reference(a: str, b: str) -> int:
    """Myers/Hyyrö bit-parallel Levenshtein distance, as the typo family computed it before."""
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if m == 0:
        return len(a)
    peq, mask, high = _bit_vectors(b)
    pv, mv, score = mask, 0, m
    for c in a:
        eq = peq.get(c, 0)
        xv = eq | mv
        xh = (((eq & pv) + pv) ^ pv) | eq
        ph = mv | ~(xh | pv)
        mh = pv & xh
        if ph & high:
            score += 1
        elif mh & high:
            score -= 1
        ph = (ph << 1) | 1
        mh <<= 1
        pv = (mh | ~(xv | ph)) & mask
        mv = ph & xv & mask
    return score


def _osa_reference(a: str, b: str) -> int:
    """Hyyrö's bit-parallel optimal-string-alignment distance, as computed before."""
    p, q = _shared_ends(a, b)
    a, b = a[p : len(a) - q], b[p : len(b) - q]
    if len(a) < len(b):
        a, b = b, a
    m = len(b)
    if m == 0:
        return len(a)
    peq, mask, high = _bit_vectors(b)
    vp, vn, d0, prev_eq, score = mask, 0, 0, 0, m
    for c in a:
        eq = peq.get(c, 0)
        tr = (((~d0) & eq) << 1) & prev_eq
        d0 = ((((eq & vp) + vp) ^ vp) | eq | vn | tr) & mask
        hp = vn | ~(d0 | vp)
        hn = d0 & vp
        if hp & high:
            score += 1
        elif hn & high:
            score -= 1
        hp = ((hp << 1) | 1) & mask
        hn = (hn << 1) & mask
        vp = hn | ~(d0 | hp) & mask
        vn = hp & d0
        prev_eq = eq
    return score


@settings(max_examples=3000, deadline=None)
@given(LETTERS, LETTERS)
def test_distances_match_the_bit_parallel_reference(a: str, b: str) -> None:
    assert osa(a, b) == _osa_reference(a, b)
    assert levenshtein(a, b) == _levenshtein_reference(a, b)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80), st.text(max_size=80))
def test_distances_match_on_any_text(a: str, b: str) -> None:
    assert osa(a, b) == _osa_reference(a, b)
    assert levenshtein(a, b) == _levenshtein_reference(a, b)
