"""Is a word sequence an established term?  Evidence for restoring tortured phrases.

Public sources answer it: the shipped term lists (``dictionaries/spin_terms.tsv.gz``:
WordNet 3.0 multi-word lemmas and symspellpy's content-word bigrams, built by
``tools/build_spin_terms.py``; ``dictionaries/spin_terms_computing.tsv.gz``: FOLDOC
headwords and V.E.R.A. acronym expansions, built by ``tools/build_computing_terms.py``,
kept apart under their own licence) and the n-grams of CMU's trigram model.  The model
stores only the bigrams and trigrams it saw; an unseen one is scored by backing
off to the shorter history.  The back-off weight of a history is read from the
model itself: no n-gram ends in ``<s>``, so ``P(<s> | h)`` is always a back-off,
and its excess over ``P(<s>)`` is the weight.  A bigram is attested when the
model's score for it differs from the back-off score.
"""

from __future__ import annotations

import functools
import gzip
import itertools

from repair.resources import DataError, data_path, trigram_model
from repair.spin.context import known

TERMS: tuple[str, ...] = ("spin_terms.tsv.gz", "spin_terms_computing.tsv.gz")
SCALE = 1e-4  # the model's base-1.0001 logs to natural logs
TOLERANCE = 2  # in model units: scores are stored quantised


@functools.cache
def term_sources() -> dict[str, str]:
    """Listed term (lower case, single spaces) -> its sources (``w`` WordNet, ``s`` symspellpy
    bigrams, ``f`` FOLDOC, ``v`` V.E.R.A.), from every file of ``TERMS``.

    Read in one piece (about 125,000 rows; the generic table parser would take ten times longer).
    """
    out: dict[str, str] = {}
    for name in TERMS:
        raw = gzip.decompress(data_path(name).read_bytes()).decode("utf-8")
        lines = [line for line in raw.split("\n") if line and not line.startswith("#")]
        if not lines or lines[0] != "term\tsources":
            raise DataError(f"{name}: the header must be 'term<TAB>sources'")
        for line in lines[1:]:
            term, marks = line.split("\t", 1)
            out[term] = out.get(term, "") + marks
    return out


@functools.cache
def sorted_terms() -> tuple[str, ...]:
    """The listed terms in sorted order (the file is sorted), for prefix searches."""
    return tuple(sorted(term_sources()))


@functools.lru_cache(maxsize=65536)
def _backoff(history: tuple[str, ...]) -> int:
    model = trigram_model()
    return int(model.prob(["<s>", *history]) - model.prob(["<s>", *history[:-1]]))


@functools.lru_cache(maxsize=262144)
def attested(first: str, second: str) -> bool:
    """Whether the trigram model holds the bigram ``first second`` (both lower case)."""
    if not (known(first) and known(second)):
        return False
    model = trigram_model()
    seen = model.prob([second, first])
    return bool(abs(seen - (model.prob([second]) + _backoff((first,)))) > TOLERANCE)


@functools.lru_cache(maxsize=262144)
def attested3(first: str, second: str, third: str) -> bool:
    """Whether the trigram model holds the trigram ``first second third``."""
    if not (attested(first, second) and attested(second, third)):
        return False
    model = trigram_model()
    seen = model.prob([third, second, first])
    return bool(abs(seen - (model.prob([third, second]) + _backoff((second, first)))) > TOLERANCE)


def in_model(words: tuple[str, ...]) -> bool:
    """Whether every bigram of ``words`` (and, for three words or more, every trigram) is attested."""
    if len(words) < 2:
        return False
    if not all(attested(a, b) for a, b in itertools.pairwise(words)):
        return False
    return all(attested3(*words[i : i + 3]) for i in range(len(words) - 2))


def phrase_logp(words: tuple[str, ...]) -> float:
    """Natural log probability of ``words`` as a phrase on its own (no context)."""
    model = trigram_model()
    total = 0
    for k, word in enumerate(words):
        total += model.prob([word, *reversed(words[max(0, k - 2) : k])])
    return total * SCALE


def evidence(words: tuple[str, ...]) -> str:
    """The sources that call ``words`` a term: ``w``/``s``/``f``/``v`` from the term lists, ``p`` named by the
    published tortured-phrase list, ``c`` the trigram model; '' if none."""
    from repair.spin.tortured import listed_terms

    text = " ".join(words)
    marks = term_sources().get(text, "")
    if text in listed_terms():
        marks += "p"
    if in_model(words):
        marks += "c"
    return marks
