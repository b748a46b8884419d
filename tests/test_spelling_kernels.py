"""The fast kernels of the spelling rules give exactly what the plain Python they replaced gave.

The reference implementations below are the pure-Python code the typo family used before the
speed work (bit-parallel distances, the learned model's readings; the tokenizer itself for the word
scan); each property test checks the current kernel against them on arbitrary strings.
"""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from repair.spelling import confusions, context
from repair.spelling.cost import _shared_ends, levenshtein, osa  # (the shared ends: not under test)
from repair.spelling.tokens import word_tokens
from repair.tokenize import words

# letters that trigger the multi-letter confusions and the learned rules, digits, ligatures
LETTERS = st.text(alphabet="abcdeghilmnorstuvwy1ﬁſé", max_size=12)
WORDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=12)


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


def _readings_reference(word: str) -> dict[str, tuple[float, tuple[confusions.Rule, ...]]]:
    """The learned model's readings, written out as the typo family computed them before."""
    rules = confusions.rules_by_written()
    longest = max(len(k) for k in rules)
    padded = "^" + word + "$"
    n = len(padded)
    edits = []
    for i in range(n):
        for k in range(1, min(longest, n - i) + 1):
            for r in rules.get(padded[i : i + k], ()):
                if r.cost > confusions.MAX_COST:
                    break
                edits.append((i, i + k, r))
    out: dict[str, tuple[float, tuple[confusions.Rule, ...]]] = {}
    for i, j, r in edits:
        if i and j < n:
            w = word[: i - 1] + r.intended + word[j - 1 :]
        else:
            s = padded[:i] + r.intended + padded[j:]
            if s[0] != "^" or s[-1] != "$":
                continue
            w = s[1:-1]
        if w != word and w.isalpha():
            old = out.get(w)
            if old is None or r.cost < old[0]:
                out[w] = (r.cost, (r,))
    by_start: dict[int, list[tuple[int, int, confusions.Rule]]] = {}
    for e in edits:
        by_start.setdefault(e[0], []).append(e)
    paired = confusions.PAIRED
    cheap = sorted(
        (e for group in by_start.values() for e in sorted(group, key=lambda e: e[2].cost)[:paired]),
        key=lambda e: e[2].cost,
    )
    for x, (i1, j1, r1) in enumerate(cheap):
        for i2, j2, r2 in cheap[x + 1 :]:
            c = round(r1.cost + r2.cost, 3)
            if c > confusions.MAX_COST:
                break
            if i2 >= j1:
                s, rs = padded[:i1] + r1.intended + padded[j1:i2] + r2.intended + padded[j2:], (r1, r2)
            elif i1 >= j2:
                s, rs = padded[:i2] + r2.intended + padded[j2:i1] + r1.intended + padded[j1:], (r2, r1)
            else:
                continue
            if s[0] == "^" and s[-1] == "$":
                w = s[1:-1]
                if w != word and w.isalpha():
                    old = out.get(w)
                    if old is None or c < old[0]:
                        out[w] = (c, rs)
    return out


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


@settings(max_examples=1500, deadline=None)
@given(WORDS)
def test_readings_match_the_reference(word: str) -> None:
    assert confusions.readings(word) == _readings_reference(word)


@settings(max_examples=500, deadline=None)
@given(WORDS, st.sets(WORDS, max_size=20))
def test_corrections_keep_the_accepted_readings(word: str, extra: set[str]) -> None:
    full = _readings_reference(word)
    accepted = set(list(full)[::3]) | extra

    def known(words: object) -> set[str]:
        return {w for w in accepted if w in words}  # type: ignore[operator]

    assert confusions.corrections(word, known) == {w: full[w] for w in full if w in accepted}


def test_readings_of_known_misspellings_match_the_reference() -> None:
    for word in ("wierd", "pleyin", "recieve", "beleive", "seperate", "a", "ab", "teh", "goverment"):
        assert confusions.readings(word) == _readings_reference(word)


# word characters of every kind, combining marks, the joiners and characters on which the two
# regular-expression engines may disagree
PIECES = st.sampled_from(
    ["a", "Z", "é", "\u0301", "\u0360", "_", "-", "'", "’", " ", "\n", "٣", "½", "Ⅻ", "ǅ", "ʰ", "."]
)


@settings(max_examples=1000, deadline=None)
@given(st.one_of(st.text(max_size=60), st.lists(PIECES, max_size=40).map("".join)))
def test_word_tokens_match_the_tokenizer(text: str) -> None:
    assert word_tokens(text) == list(words(text))


def _slot_score_reference(left: tuple[str, ...], word: str, right: tuple[str, ...], zipf: float) -> float:
    """One slot's score word by word, as the typo family computed it before the batched kernel."""
    if context.in_model(word):
        score = context.logp(word, left)
        hist = (word, *left)
    else:
        score = zipf - 9.0 - 1.0
        hist = ()
    for w in right[:2]:
        if not context.in_model(w):
            break
        score += context.logp(w, hist)
        hist = (w, *hist)
    return score


CONTEXT_WORDS = st.sampled_from(
    ["the", "of", "house", "river", "recieved", "qzxv", "<s>", "said", "a", "zzyzx", "was"]
)


@settings(max_examples=400, deadline=None)
@given(
    st.lists(CONTEXT_WORDS, max_size=2).map(tuple),
    st.lists(st.tuples(CONTEXT_WORDS.filter(lambda w: w != "<s>"), st.floats(-1, 7)), max_size=6),
    st.lists(CONTEXT_WORDS.filter(lambda w: w != "<s>"), max_size=3).map(tuple),
)
def test_slot_scores_match_one_slot_score_each(
    left: tuple[str, ...], words: list[tuple[str, float]], right: tuple[str, ...]
) -> None:
    assert context.slot_scores(left, words, right) == [
        _slot_score_reference(left, w, right, z) for w, z in words
    ]
    for w, z in words:
        assert context.slot_score(left, w, right, z) == _slot_score_reference(left, w, right, z)
