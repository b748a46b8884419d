"""Tortured terms beyond the published list: unseen word pairs of the paraphrasing tools' vocabulary.

A pair is a suspect when both words are lower-case content words that occur in
at least ``VOCABULARY_MIN`` listed tortured phrases, one of them typical of the
tools rather than of real terms (:func:`telltale`: "misfortune", "corrosive"), the pair is no known
collocation (:func:`repair.spin.terms.evidence`), and a thesaurus swap of it
gives an established term that two sources attest (:func:`repair.spin.restore.choose`).
Suspects are sought only in a document region that also holds a listed phrase (technical
prose is full of unseen pairs); the finding is shown, never applied.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from repair.resources import table
from repair.spin import terms, tortured
from repair.spin.context import Sentence
from repair.spin.lexicon import FUNCTION_WORDS
from repair.spin.tortured import TorturedHit

VOCABULARY_MIN = 3  # listed phrases a word must occur in to count as the tools' vocabulary
TELLTALE = "spin_telltale.tsv"


@functools.cache
def _telltale() -> frozenset[str]:
    return frozenset(r["word"] for r in table(TELLTALE).rows)


def telltale(word: str) -> bool:
    """Whether ``word`` is typical of paraphrasing tools (``dictionaries/spin_telltale.tsv``): it
    occurs in listed tortured phrases at least a fifth as often as in established terms, plus one
    ("misfortune", "corrosive"; not "information", which many real terms hold)."""
    return word in _telltale()


def neighbour_words(text: str, start: int, end: int) -> tuple[str, str]:
    """The words right before ``start`` and right after ``end``, when one space separates them."""
    before = after = ""
    if start >= 2 and text[start - 1] == " ":
        k = start - 1
        while k > 0 and text[k - 1].isalpha():
            k -= 1
        before = text[k : start - 1]
    if end + 1 < len(text) and text[end] == " ":
        k = end + 1
        while k < len(text) and text[k].isalpha():
            k += 1
        after = text[end + 1 : k]
    return before, after


KEPT_SHARE = 0.5  # a neighbour the tools keep at least this often (learned) is no sign of more


EXTENDS_SHARE = 0.2  # learned share of a neighbour's swap that may extend the restored term


def continues(text: str, start: int, end: int, replacement: str, loose: bool = True) -> bool:
    """Whether the tortured phrase at ``text[start:end]`` may go on past its span, so that
    restoring the span alone (to ``replacement``) may leave half a term tortured.

    A lower-case word typical of paraphrasing tools (:func:`telltale`) stands right before or
    after it, and either one of the tools' learned swaps of that word (at least
    ``EXTENDS_SHARE`` of them) makes an established term with the replacement's word beside it
    ("picture handling calculation": "processing system"), or, when ``loose``, the tools replace
    that word more often than they keep it and it makes no known pair with the replacement
    ("voice signal acknowledgement"; not "logistic regression model", a known pair).
    """
    before, after = neighbour_words(text, start, end)
    parts = replacement.lower().split()
    if not parts:
        return False
    sides = [(before, True), (after, False)]
    near = [(w, left) for w, left in sides if w.islower() and w not in FUNCTION_WORDS and telltale(w)]
    if not near:
        return False
    from repair.spin.restore import learned_links  # (imported only for a safe fix with such a neighbour)

    for word, left in near:
        edge = parts[0] if left else parts[-1]
        swaps = learned_links().get(word, {})
        total = sum(swaps.values())
        if not total:
            continue
        for original, count in swaps.items():
            pair = (original, edge) if left else (edge, original)
            if original != word and count >= EXTENDS_SHARE * total and terms.evidence(pair):
                return True
        pair = (word, edge) if left else (edge, word)
        if loose and swaps.get(word, 0.0) < KEPT_SHARE * total and not terms.evidence(pair):
            return True
    return False


def _candidate(sentence: Sentence, text: str, k: int) -> bool:
    vocab = tortured.vocabulary()
    lm, toks = sentence.lm, sentence.tokens
    a, b = lm[k], lm[k + 1]
    return (
        vocab.get(a, 0) >= VOCABULARY_MIN
        and vocab.get(b, 0) >= VOCABULARY_MIN
        and a not in FUNCTION_WORDS
        and b not in FUNCTION_WORDS
        and (telltale(a) or telltale(b))
        and toks[k].text.islower()
        and toks[k + 1].text.islower()
        and text[toks[k].end : toks[k + 1].start] == " "
    )


def suspects(sentence: Sentence, text: str, taken: set[int]) -> Iterator[TorturedHit]:
    """Suspect pairs in the sentence outside the token indices ``taken`` (see the module doc)."""
    k = 0
    while k < len(sentence.lm) - 1:
        if k not in taken and k + 1 not in taken and _candidate(sentence, text, k):
            pair = (sentence.lm[k], sentence.lm[k + 1])
            if not terms.in_model(pair) and not terms.evidence(pair):  # the model first: no list load
                from repair.spin import restore  # (imported only once a suspect pair needs it)

                choice = restore.choose(pair)
                if choice is not None and len(set(choice.best.term)) >= 2:
                    toks = sentence.tokens
                    yield TorturedHit(k, k + 2, toks[k].start, toks[k + 1].end, "", False, False)
                    k += 2
                    continue
        k += 1


def hits(sentences: list[Sentence], text: str) -> list[list[TorturedHit]]:
    """Per sentence, the listed tortured phrases (:func:`repair.spin.tortured.find`), then suspects.

    Suspects are looked for only when the sentences hold a listed phrase: technical
    prose is full of pairs no general source knows ("worker process", "error model"),
    and a pre-commit check must not call them tortured on that alone.
    """
    listed = [list(tortured.find(sentence, text)) for sentence in sentences]
    if not any(listed):
        return listed
    out = []
    for sentence, found in zip(sentences, listed, strict=True):
        taken = {k for h in found for k in range(h.first, h.last)}
        out.append(found + list(suspects(sentence, text, taken)))
    return out
