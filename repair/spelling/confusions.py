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


def explain(word: str, cand: str, cost: float) -> str | None:
    """Reviewer-facing evidence when ``cand``'s edit cost ``cost`` comes from the learned model:
    "'e' for 'a' after 'p' is a common misspelling (P=0.05)"; else None."""
    hit = readings(word).get(cand)
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


def _edits(padded: str, rules: dict[str, tuple[Rule, ...]], longest: int) -> list[tuple[int, int, Rule]]:
    """Every rule that can be undone in ``padded`` within :data:`MAX_COST`: (start, end, rule)."""
    out = []
    n = len(padded)
    for i in range(n):
        for k in range(1, min(longest, n - i) + 1):
            for r in rules.get(padded[i : i + k], ()):
                if r.cost > MAX_COST:
                    break
                out.append((i, i + k, r))
    return out


def readings(word: str) -> dict[str, tuple[float, tuple[Rule, ...]]]:
    """Strings ``word`` may have been meant as, by undoing up to two learned confusions, with the
    cheapest derivation's cost and rules (not checked against a dictionary).

    One rule is undone at each place of the word it applies at; two at separate places are paired
    from the :data:`PAIRED` cheapest at each place.  A word has a few hundred derivations: this is
    the innermost loop of the typo family, written out flat.
    """
    padded = "^" + word + "$"
    n = len(padded)
    out: dict[str, tuple[float, tuple[Rule, ...]]] = {}
    get = out.get
    edits = _edits(padded, rules_by_written(), _longest())
    for i, j, r in edits:
        if i and j < n:  # inside the word: the edge marks stay, so cut them off before joining
            w = word[: i - 1] + r.intended + word[j - 1 :]
        else:
            s = padded[:i] + r.intended + padded[j:]
            if s[0] != "^" or s[-1] != "$":
                continue
            w = s[1:-1]
        if w != word and w.isalpha():
            c = r.cost
            old = get(w)
            if old is None or c < old[0]:
                out[w] = (c, (r,))
    by_start: dict[int, list[tuple[int, int, Rule]]] = {}
    for e in edits:
        by_start.setdefault(e[0], []).append(e)
    cheap = sorted(
        (e for group in by_start.values() for e in sorted(group, key=lambda e: e[2].cost)[:PAIRED]),
        key=lambda e: e[2].cost,
    )
    for x, (i1, j1, r1) in enumerate(cheap):
        for i2, j2, r2 in cheap[x + 1 :]:
            c = round(r1.cost + r2.cost, 3)
            if c > MAX_COST:
                break  # the rest cost more still
            if i2 >= j1:
                s, rs = padded[:i1] + r1.intended + padded[j1:i2] + r2.intended + padded[j2:], (r1, r2)
            elif i1 >= j2:
                s, rs = padded[:i2] + r2.intended + padded[j2:i1] + r1.intended + padded[j1:], (r2, r1)
            else:
                continue
            if s[0] == "^" and s[-1] == "$":
                w = s[1:-1]
                if w != word and w.isalpha():
                    old = get(w)
                    if old is None or c < old[0]:
                        out[w] = (c, rs)
    return out


def corrections(
    word: str, known: Callable[[Collection[str]], set[str]]
) -> dict[str, tuple[float, tuple[Rule, ...]]]:
    """The :func:`readings` of ``word`` that ``known`` accepts (those that are dictionary words)."""
    found = readings(word)
    return {w: found[w] for w in known(found.keys())}
