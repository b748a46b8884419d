"""A learned error model: how people actually misspell English words (Brill and Moore 2000).

``dictionaries/typo_confusions.tsv`` (built by ``tools/build_typo_confusions.py`` from
codespell's list of Wikipedia misspellings) holds rewrite rules ``intended -> written`` of up to
three letters, some with a letter of context or a word-edge mark (``^``, ``$``), each with
``log10 P(written | intended)``.  Undoing the rules at up to two places of an unknown word
reaches corrections that plain edits rank badly or cannot reach at all ("-ance"/"-ence",
"ie"/"ei", a lost double letter together with a wrong vowel), and gives each an edit cost from
the probabilities, so a common confusion costs little and a rare one much.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Collection
from dataclasses import dataclass
from operator import itemgetter

from repair.resources import open_text

_TABLE = "typo_confusions.tsv"
#: Edit cost per log10 unit of improbability.  The shipped rules have P >= 0.01, so one costs
#: at most 0.6, a little less than a plain vowel slip (0.7): a confusion people are known to
#: make is cheaper than an arbitrary edit, and the commonest ones ("ie" for "ei", a lost double
#: letter) cost about 0.3.  Measured on typo_dev with the thresholds of the typo detector, 0.3
#: fixed as many as 0.35 and 0.25 or 0.2 more, each extra fix bringing one more change of an
#: archaic or foreign word in the bench books.
SCALE = 0.3
#: Derivations dearer than this are not kept (two common confusions at most).
MAX_COST = 0.9
#: Two undone rules are paired from the this many cheapest at each place of the word (on
#: typo_dev, pairing the two cheapest, or any one-rule reading with any other, corrected no more
#: words, at up to ten times the cost).
PAIRED = 1


@dataclass(frozen=True)
class Rule:
    """One learned confusion: ``written`` was typed where ``intended`` was meant."""

    intended: str
    written: str
    log10p: float
    cost: float

    def describe(self) -> str:
        """Reviewer-facing wording: "'e' for 'a' after 'p'"."""
        a, b = self.intended, self.written
        k = 0
        while k < min(len(a), len(b)) and a[k] == b[k]:
            k += 1
        q = 0
        while q < min(len(a), len(b)) - k and a[-1 - q] == b[-1 - q]:
            q += 1
        left, core_a, core_b = a[:k], a[k : len(a) - q], b[k : len(b) - q]
        right = a[len(a) - q :]
        if not core_b:
            what = f"{core_a!r} left out"
        elif not core_a:
            what = f"an extra {core_b!r}"
        else:
            what = f"{core_b!r} for {core_a!r}"
        where = []
        if left:
            initial = "an initial " if left.startswith("^") else ""
            where.append("at the start" if left == "^" else f"after {initial}{left.lstrip('^')!r}")
        if right:
            final = "a final " if right.endswith("$") else ""
            where.append("at the end" if right == "$" else f"before {final}{right.rstrip('$')!r}")
        return " ".join([what, *where])

    @property
    def probability(self) -> float:
        """P(written | intended) as learned."""
        return float(10**self.log10p)


@functools.lru_cache(maxsize=4096)  # a word misspelled again and again is explained once
def explain(word: str, cand: str, cost: float) -> str | None:
    """Reviewer-facing evidence when ``cand``'s edit cost ``cost`` comes from the learned model:
    "'e' for 'a' after 'p' is a common misspelling (P=0.05)"; else None."""
    hit = _derive(word, lambda found: found & {cand}).get(cand)
    if hit is None or hit[0] > cost:
        return None
    parts = [f"{r.describe()} (P={r.probability:.2g})" for r in hit[1]]
    return " and ".join(parts) + (
        " are common misspellings" if len(parts) > 1 else " is a common misspelling"
    )


@functools.cache
def rules_by_written() -> dict[str, tuple[Rule, ...]]:
    """The learned rules, keyed by their written side, cheapest first."""
    out: dict[str, list[Rule]] = {}
    with open_text(_TABLE) as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("intended\t"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 5:
                continue
            a, b, lp = parts[0], parts[1], float(parts[4])
            out.setdefault(b, []).append(Rule(a, b, lp, round(-SCALE * lp, 3)))
    return {k: tuple(sorted(v, key=lambda r: r.cost)) for k, v in out.items()}


@functools.cache
def _longest() -> int:
    """The longest written side of any rule."""
    return max((len(k) for k in rules_by_written()), default=0)


#: The rules of one written side that may be undone: their intended sides, and (intended, cost,
#: rule) for each, cheapest first.
_Undo = tuple[tuple[str, ...], tuple[tuple[str, float, Rule], ...]]


@functools.cache
def _undoable() -> dict[str, _Undo]:
    """The rules that may be undone (cost within :data:`MAX_COST`), by written side."""
    out = {}
    for k, rules in rules_by_written().items():
        kept = []
        for r in rules:
            if r.cost > MAX_COST:
                break
            kept.append((r.intended, r.cost, r))
        if kept:
            out[k] = (tuple(a for a, _, _ in kept), tuple(kept))
    return out


def _unpad(s: str) -> str | None:
    """A padded reading without its edge marks, or None when a mark moved or vanished."""
    return s[1:-1] if s[0] == "^" and s[-1] == "$" else None


def _derive(
    word: str, known: Callable[[set[str]], Collection[str]] | None
) -> dict[str, tuple[float, tuple[Rule, ...]]]:
    """:func:`readings`, kept to those ``known`` accepts (all of them when it is None).

    The readings are spelled out first, a group of rules (one written side at one place) at a
    time, and only the accepted ones get their cheapest derivation: the first one met of the
    lowest cost, one-rule derivations before two-rule ones, as :func:`readings` promises.
    """
    padded = "^" + word + "$"
    n = len(padded)
    get = _undoable().get
    longest = _longest()
    # one rule undone: each group's readings (None where an edge mark moved), with its rules
    groups: list[tuple[list[str | None], tuple[tuple[str, float, Rule], ...]]] = []
    picks: list[tuple[int, int, str, float, Rule]] = []  # the PAIRED cheapest rules at each place
    for i in range(n):
        here: list[tuple[int, int, str, float, Rule]] = []
        for k in range(1, min(longest, n - i) + 1):
            hit = get(padded[i : i + k])
            if hit is None:
                continue
            intended, entries = hit
            j = i + k
            if i and j < n:  # inside the word: the edge marks stay, so cut them off before joining
                before, after = word[: i - 1], word[j - 1 :]
                strings: list[str | None] = [before + a + after for a in intended]
            else:
                strings = [_unpad(padded[:i] + a + padded[j:]) for a in intended]
            groups.append((strings, entries))
            for a, c, r in entries[:PAIRED]:
                here.append((i, j, a, c, r))
        if here:
            here.sort(key=itemgetter(3))
            picks.extend(here[:PAIRED])
    # two rules at separate places, paired from the PAIRED cheapest at each place
    cheap = sorted(picks, key=itemgetter(3))
    paired = _pairs(word, padded, cheap)
    found: set[str] = set()
    for strings, _ in groups:
        found.update(filter(None, strings))  # ("" is no word either)
    found.update(filter(None, map(itemgetter(0), paired)))
    found.discard(word)
    keys = set(filter(str.isalpha, found))
    wanted = keys if known is None else set(known(keys))
    out: dict[str, tuple[float, tuple[Rule, ...]]] = {}
    if not wanted:
        return out
    old: tuple[float, tuple[Rule, ...]] | None
    for strings, entries in groups:
        if wanted.isdisjoint(strings):
            continue
        for w, (_, c, r) in zip(strings, entries, strict=True):
            if w in wanted:
                old = out.get(w)
                if old is None or c < old[0]:
                    out[w] = (c, (r,))
    for w, c, r, q in paired:
        if w in wanted:
            old = out.get(w)
            if old is None or c < old[0]:
                out[w] = (c, (r, q))
    return out


def _pairs(
    word: str, padded: str, cheap: list[tuple[int, int, str, float, Rule]]
) -> list[tuple[str | None, float, Rule, Rule]]:
    """The readings with two rules undone at separate places, from ``cheap`` (the rules to pair,
    cheapest first), as (reading, cost, rule, rule); the reading is None where an edge mark moved."""
    out: list[tuple[str | None, float, Rule, Rule]] = []
    n = len(padded)
    for x, (i1, j1, a1, c1, r1) in enumerate(cheap):
        for i2, j2, a2, c2, r2 in cheap[x + 1 :]:
            c = round(c1 + c2, 3)
            if c > MAX_COST:
                break  # the rest cost more still
            if i2 >= j1:
                first, last = (i1, j1, a1, r1), (i2, j2, a2, r2)
            elif i1 >= j2:
                first, last = (i2, j2, a2, r2), (i1, j1, a1, r1)
            else:
                continue
            (i, j, a, r), (k, m, b, q) = first, last
            if i and m < n:  # inside the word: the edge marks stay
                out.append((word[: i - 1] + a + word[j - 1 : k - 1] + b + word[m - 1 :], c, r, q))
            else:
                out.append((_unpad(padded[:i] + a + padded[j:k] + b + padded[m:]), c, r, q))
    return out


def readings(word: str) -> dict[str, tuple[float, tuple[Rule, ...]]]:
    """Strings ``word`` may have been meant as, by undoing up to two learned confusions, with the
    cheapest derivation's cost and rules (not checked against a dictionary).

    One rule is undone at each place of the word it applies at; two at separate places are paired
    from the :data:`PAIRED` cheapest at each place.  A word has a few hundred derivations: this is
    the innermost loop of the typo family (see :func:`corrections`, which derives only the readings
    a dictionary accepts).
    """
    return _derive(word, None)


def corrections(
    word: str, known: Callable[[Collection[str]], Collection[str]]
) -> dict[str, tuple[float, tuple[Rule, ...]]]:
    """The :func:`readings` of ``word`` that ``known`` accepts (those that are dictionary words)."""
    return _derive(word, known)
