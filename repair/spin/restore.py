"""Generate the original of a tortured phrase: thesaurus back-links to an established term.

A paraphrasing tool writes a technical term word by word through a thesaurus
("deep learning" -> "profound learning").  Going back, each written word maps to
its candidate originals (the reverse thesaurus, ``repair.spin.store``, inflected
like the written word, the word itself included), and a combination is a
candidate original when it is an established term (``repair.spin.terms``).
Among the candidates the one the evidence prefers wins; a restoration is
``strong`` when every changed word is thesaurus-linked, the term is attested
by two sources or is a WordNet term, the written phrase is attested by none, and
no rival term comes close.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from repair.spin import store, terms, tortured

PER_WORD = 60  # candidate originals per written word, best-known first
USE_MODEL = True  # also take terms from the trigram model's n-grams
MAX_WORDS = 4


@dataclass(frozen=True)
class Option:
    """One candidate original for one written word."""

    text: str
    sources: str  # thesaurus sources (m, r, w), or '=' for the written word kept
    prior: float  # ln chance that a blind spinner writes the word for this original


@dataclass(frozen=True)
class Restoration:
    """A candidate original for a written phrase, with its evidence."""

    words: tuple[str, ...]
    options: tuple[Option, ...]
    term: str  # term evidence: w (WordNet), s (symspellpy bigrams), c (trigram model)
    logp: float  # ln probability of the term as a phrase
    prior: float  # summed thesaurus prior of the changed words

    @property
    def text(self) -> str:
        """The restored phrase."""
        return " ".join(self.words)

    @property
    def changed(self) -> int:
        """How many written words this restoration replaces."""
        return sum(1 for o in self.options if o.sources != "=")


@functools.lru_cache(maxsize=4096)
def options(word: str) -> tuple[Option, ...]:
    """The written word itself and its candidate originals, inflected like it, best-known first.

    Swaps seen in the published list come first (source ``p``), then the thesaurus.
    """
    out = [Option(word, "=", 0.0)]
    seen = {word}
    for text in tortured.listed_links().get(word, {}):
        seen.add(text)
        out.append(Option(text, "p", 0.0))
    for lemma, tag, _ in store.analyses(word):
        for _, text, src, lp, _ in store.inflected_candidates(lemma, tag, PER_WORD):
            if " " not in text and text not in seen:
                seen.add(text)
                out.append(Option(text, src, lp))
    if len(out) == 1:
        for cand in store.candidates(word, PER_WORD):
            if " " not in cand.text and cand.text not in seen:
                seen.add(cand.text)
                out.append(Option(cand.text, cand.sources, cand.prior))
    return tuple(out)


def _has_prefix(keys: Sequence[str], prefix: str) -> bool:
    at = bisect.bisect_left(keys, prefix)
    return at < len(keys) and keys[at].startswith(prefix)


def _listed_combos(per_word: list[dict[str, Option]]) -> set[tuple[str, ...]]:
    """Combinations that the term list or the published list's originals hold.

    The term list is walked word by word with a binary search for each prefix
    in its sorted keys, so nothing is indexed at load time.
    """
    keys = terms.sorted_terms()
    listed = terms.term_sources()
    paths: list[tuple[str, ...]] = [(w,) for w in per_word[0] if _has_prefix(keys, w + " ")]
    for at, opts in enumerate(per_word[1:], 2):
        last = at == len(per_word)
        grown = []
        for path in paths:
            head = " ".join(path) + " "
            for w in opts:
                if (head + w in listed) if last else _has_prefix(keys, head + w + " "):
                    grown.append((*path, w))
        paths = grown
    found = set(paths)
    for original in tortured.listed_terms():
        parts = tuple(original.split(" "))
        if len(parts) == len(per_word) and all(w in opts for w, opts in zip(parts, per_word, strict=True)):
            found.add(parts)
    return found


def _model_terms(per_word: list[dict[str, Option]]) -> Iterator[tuple[str, ...]]:
    """Combinations whose every bigram (and trigram) the trigram model holds."""
    paths: list[tuple[str, ...]] = [(w,) for w in per_word[0]]
    for opts in per_word[1:]:
        paths = [(*p, w) for p in paths for w in opts if terms.attested(p[-1], w)]
    for path in paths:
        if len(path) < 3 or terms.in_model(path):
            yield path


def candidates(written: tuple[str, ...], model: bool | None = None) -> list[Restoration]:
    """Every established term that a word-by-word thesaurus swap of ``written`` can come from.

    Terms come from the term list and the published list's originals and,
    with ``model``, from the n-grams of the trigram model.
    """
    if not 2 <= len(written) <= MAX_WORDS:
        return []
    per_word = [{o.text: o for o in options(w)} for w in written]
    combos = _listed_combos(per_word)
    if USE_MODEL if model is None else model:
        combos.update(_model_terms(per_word))
    combos.discard(written)
    found = []
    for words in combos:
        mark = terms.evidence(words)
        if mark:
            chosen = tuple(opts[w] for w, opts in zip(words, per_word, strict=True))
            prior = sum(o.prior for o in chosen if o.sources != "=")
            found.append(Restoration(words, chosen, mark, terms.phrase_logp(words), prior))
    return found


def written_evidence(written: tuple[str, ...]) -> str:
    """Term evidence for the written phrase itself ('' when it is no known collocation)."""
    return terms.evidence(written)


MARGIN = 3.0  # ln thesaurus-prior lead over the next candidate term (about 20 times) for a fix


@dataclass(frozen=True)
class Choice:
    """The preferred restoration of a written phrase, the runner-up, and how far to trust it."""

    best: Restoration
    rival: Restoration | None
    strength: str  # "safe", "unsafe" or "display"

    @property
    def lead(self) -> float | None:
        """ln thesaurus-prior lead of the best candidate over the runner-up (None when alone)."""
        return None if self.rival is None else self.best.prior - self.rival.prior


def _rank(r: Restoration) -> tuple[float, int, float]:
    return (r.prior, len(set(r.term)), r.logp)


@functools.lru_cache(maxsize=4096)
def choose(written: tuple[str, ...]) -> Choice | None:
    """The restoration the evidence prefers for ``written``, or None when no term is reachable.

    Candidates rank by their thesaurus prior (swaps the published list shows cost
    nothing, kept words nothing, thesaurus swaps their log chance), then by the
    number of term sources, then by phrase probability.  A choice is ``clear``
    when the written phrase is no known collocation and the best candidate leads
    the next by ``MARGIN``.  It is ``safe`` when clear and either the published
    list names the original and a second source, a listed swap or a kept word
    backs it, or one written word is kept (tools leave part of a term alone:
    "heart assault") and two other sources call the original a term; ``unsafe``
    when clear and two sources call it a term; ``display`` otherwise.
    """
    found = sorted(candidates(written), key=_rank, reverse=True)
    if not found:
        return None
    best = found[0]
    rival = found[1] if len(found) > 1 else None
    clear = (rival is None or best.prior - rival.prior >= MARGIN) and not written_evidence(written)
    others = len(set(best.term) - {"p"})
    listed_swap = any("p" in o.sources for o in best.options)
    kept = best.changed < len(best.words)
    if clear and (("p" in best.term and (others or listed_swap or kept)) or (kept and others >= 2)):
        strength = "safe"
    elif clear and len(set(best.term)) >= 2:
        strength = "unsafe"
    else:
        strength = "display"
    return Choice(best, rival, strength)
