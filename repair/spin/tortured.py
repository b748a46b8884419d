"""Published tortured phrases (``dictionaries/spin_tortured_list.tsv.gz``), matched on word n-grams.

The list comes from the Problematic Paper Screener fingerprints (see
``tools/build_tortured_list.py``); most rows name no correction, so a match is
evidence that the passage was machine-paraphrased.  A correction the list gives
is applied by default when the reverse thesaurus links each of its words
to the tortured word it replaces (``confirmed=yes``) or when the trigram model
strongly prefers it in context (see ``repair.detectors.spin``); otherwise it is
offered as an unsafe fix.  For a row without one, :mod:`repair.spin.restore`
generates the original at run time.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from typing import NamedTuple

from repair.resources import open_text, records
from repair.spin.context import Sentence

LIST = "spin_tortured_list.tsv.gz"
# listed phrases that ordinary English also uses with a meaning of its own ("warm exchange")
ORDINARY = "spin_tortured_ordinary.txt"
MAX_WORDS = 8


class TorturedHit(NamedTuple):
    """A tortured phrase in a sentence: token range, span, and the listed correction ('' if none)."""

    first: int
    last: int
    start: int
    end: int
    correct: str
    confirmed: bool
    listed: bool = True  # False for a suspect found beyond the list (:func:`suspects`)


@functools.cache
def phrases() -> dict[str, tuple[str, bool]]:
    """Listed tortured phrase (lower case, single spaces) -> (correction, confirmed by the thesaurus)."""
    return {t: (c, ok == "yes") for t, c, ok in records(LIST, "tortured", "correct", "confirmed")}


@functools.cache
def ordinary() -> frozenset[str]:
    """Listed phrases (lower case) that ordinary English also uses with a meaning of its own ("a warm
    exchange of letters", "the border situation"): alone in a document, no evidence of paraphrasing."""
    with open_text(ORDINARY) as fh:
        return frozenset(s for line in fh if (s := line.strip()) and not s.startswith("#"))


@functools.cache
def listed_terms() -> frozenset[str]:
    """The originals that the published list itself names (lower case), established terms."""
    return frozenset(c.lower() for c, _ in phrases().values() if c)


@functools.cache
def vocabulary() -> dict[str, int]:
    """Word -> number of listed tortured phrases it occurs in: the paraphrasing tools' vocabulary."""
    out: dict[str, int] = {}
    for phrase in phrases():
        for word in set(phrase.split()):
            out[word] = out.get(word, 0) + 1
    return out


@functools.cache
def listed_links() -> dict[str, dict[str, int]]:
    """Word swaps seen in the list's own corrections: tortured word -> original -> count.

    Paraphrasing tools reuse one thesaurus, so a swap seen in one listed term
    ("profound" for "deep") recurs in others.
    """
    out: dict[str, dict[str, int]] = {}
    for phrase, (correct, _) in phrases().items():
        written, original = phrase.split(), correct.lower().split()
        if not correct or len(written) != len(original):
            continue
        for a, b in zip(written, original, strict=True):
            if a != b:
                out.setdefault(a, {})
                out[a][b] = out[a].get(b, 0) + 1
    return out


@functools.cache
def _first_words() -> frozenset[str]:
    return frozenset(p.split(" ", 1)[0] for p in phrases())


def find(sentence: Sentence, text: str) -> Iterator[TorturedHit]:
    """Longest listed phrases in the sentence (words separated by spaces only), not overlapping."""
    listed = phrases()
    firsts = _first_words()
    lm = sentence.lm
    k = 0
    while k < len(lm):
        hit = None
        if lm[k] in firsts:
            for n in range(min(MAX_WORDS, len(lm) - k), 1, -1):
                key = " ".join(lm[k : k + n])
                toks = sentence.tokens
                if key in listed and all(
                    not text[toks[i - 1].end : toks[i].start].strip() for i in range(k + 1, k + n)
                ):
                    hit = (n, listed[key])
                    break
        if hit is None:
            k += 1
            continue
        n, (correct, confirmed) = hit
        toks = sentence.tokens
        yield TorturedHit(k, k + n, toks[k].start, toks[k + n - 1].end, correct, confirmed)
        k += n
