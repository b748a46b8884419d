"""Sentences as language-model token sequences, and trigram scores of local windows.

The trigram model (:func:`repair.resources.trigram_model`) was trained on
lower-case running words without punctuation, so each sentence becomes a list
of lower-case words framed by ``<s>`` and ``</s>``.  Scores are natural
logarithms (the model's base-1.0001 values divided by 10,000).
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass

from repair.patterns import lazy
from repair.resources import trigram_model
from repair.tokenize import Token, words

OOV = -53687.0912  # the model's value for an unknown word, in nats
SENTENCE_BREAK = lazy(r"[.!?…;:]+[\"'”’)\]]*\s+|\n\s*\n|[\r\n]+(?=\s*[\p{Lu}\"“‘])")
SCALE = 1e-4


@dataclass(frozen=True)
class Sentence:
    """A sentence's word tokens and their lower-cased model forms."""

    tokens: tuple[Token, ...]
    lm: tuple[str, ...]


def sentences(text: str, start: int = 0, end: int | None = None) -> list[Sentence]:
    """Split ``text[start:end]`` into sentences of word tokens (offsets into ``text``)."""
    stop = len(text) if end is None else end
    out = []
    for m in SENTENCE_BREAK.finditer(text, start, stop):
        out.append(_sentence(text, start, m.end()))
        start = m.end()
    out.append(_sentence(text, start, stop))
    return [s for s in out if s.tokens]


def _sentence(text: str, start: int, end: int) -> Sentence:
    toks = tuple(words(text, start, end))
    return Sentence(toks, tuple(t.text.lower().replace("’", "'") for t in toks))


def logp(word: str, prev: str | None = None, before: str | None = None) -> float:
    """ln P(word | before prev), with shorter histories when given fewer words."""
    hist = [word]
    if prev is not None:
        hist.append(prev)
        if before is not None:
            hist.append(before)
    return float(trigram_model().prob(hist)) * SCALE


def pmi(word: str, prev: str) -> float:
    """ln of how much likelier the model finds ``word`` after ``prev`` than on its own (pointwise
    mutual information): at or below 0, the pair is no likelier than chance."""
    return logp(word, prev) - logp(word)


@functools.lru_cache(maxsize=65536)
def known(word: str) -> bool:
    """Whether the model has a unigram for this (lower-case) word."""
    return bool(trigram_model().prob([word]) * SCALE > OOV / 2)


def window(seq: Sequence[str], i: int, j: int, after: int = 2) -> float:
    """Log probability of ``seq[i:j]`` and the ``after`` words that follow, given what precedes.

    ``seq`` is the full sentence with ``<s>``/``</s>`` frames; comparing two
    sequences that differ only in ``[i:j)`` compares the two readings in context.
    """
    model = trigram_model()
    total = 0
    stop = min(len(seq), j + after)
    for k in range(i, stop):
        if k >= 2:
            total += model.prob([seq[k], seq[k - 1], seq[k - 2]])
        elif k == 1:
            total += model.prob([seq[k], seq[k - 1]])
    return total * SCALE


def framed(lm: Sequence[str]) -> list[str]:
    """The sentence's model words framed by ``<s>`` and ``</s>``."""
    return ["<s>", *lm, "</s>"]
