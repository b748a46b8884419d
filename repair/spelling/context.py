"""Context scores from CMU's trigram language model (via :mod:`repair.resources`).

Scores are log10 probabilities.  A candidate is scored in its slot: the
probability of the candidate given the two words before it, plus the
probabilities of the two words after it given the candidate, so words on both
sides vote.  Words the model does not know fall back on their unigram
frequency (Zipf) and the neighbours are then scored without them.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Iterable
from typing import Any

from repair.resources import trigram_model

LOG10_BASE = math.log10(1.0001)
OOV = -1e8  # the model returns about -5.4e8 (base 1.0001) for an unknown word
BOS = "<s>"


@functools.cache
def model() -> Any:
    """The trigram model, loaded once."""
    return trigram_model()


@functools.lru_cache(maxsize=65536)
def _prob(key: tuple[str, ...]) -> float:
    return float(model().prob(list(key)))


def in_model(word: str) -> bool:
    """Whether the language model knows the word."""
    return _prob((word,)) > OOV


def logp(word: str, history: tuple[str, ...]) -> float:
    """log10 P(word | history) with history most recent first (at most two words)."""
    hist = history[:2]
    # a history word the model does not know cuts the history there
    for k, h in enumerate(hist):
        if h != BOS and not in_model(h):
            hist = hist[:k]
            break
    return _prob((word, *hist)) * LOG10_BASE


def slot_score(
    left: tuple[str, ...], word: str, right: tuple[str, ...], zipf: float, unknown: bool = False
) -> float:
    """log10 probability of the words in and right after a slot filled with ``word``.

    ``left`` holds the (up to two) words before the slot, most recent first;
    ``right`` the (up to two) words after it, in reading order.  A word the model does not
    know is scored by its unigram estimate from ``zipf``, less a penalty for lacking context;
    so is any word with ``unknown`` (a common misspelling, which the model's vocabulary holds).
    """
    return slot_scores(left, ((word, zipf),), right, unknown)[0]


def slot_scores(
    left: tuple[str, ...], words: Iterable[tuple[str, float]], right: tuple[str, ...], unknown: bool = False
) -> list[float]:
    """:func:`slot_score` of each (word, Zipf) in the same slot: what does not depend on the word
    (which neighbours the model knows) is settled once."""
    hist = left[:2]
    for k, h in enumerate(hist):
        if h != BOS and not in_model(h):
            hist = hist[:k]
            break
    near = hist[:1]  # the word's own history when a right-hand neighbour is scored after it
    known: list[str] = []
    for w in right[:2]:
        if not in_model(w):
            break
        known.append(w)
    out = []
    for word, zipf in words:
        if not unknown and in_model(word):
            score = _prob((word, *hist)) * LOG10_BASE
            if known:
                score += _prob((known[0], word, *near)) * LOG10_BASE
                if len(known) > 1:
                    score += _prob((known[1], known[0], word)) * LOG10_BASE
        else:
            score = zipf - 9.0 - 1.0
            if known:
                score += _prob((known[0],)) * LOG10_BASE
                if len(known) > 1:
                    score += _prob((known[1], known[0])) * LOG10_BASE
        out.append(score)
    return out


def phrase_score(left: tuple[str, ...], words: tuple[str, ...], right: tuple[str, ...]) -> float:
    """log10 probability of ``words`` and the (up to two) words after them, given ``left``."""
    hist = left
    score = 0.0
    for k, w in enumerate((*words, *right[:2])):
        if not in_model(w):
            if k < len(words):
                return OOV
            break
        score += logp(w, hist)
        hist = (w, *hist)
    return score
