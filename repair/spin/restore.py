"""Generate the original of a tortured phrase: thesaurus back-links to an established term.

A paraphrasing tool writes a technical term word by word through a thesaurus
("deep learning" -> "profound learning").  Going back, each written word maps to
its candidate originals (the reverse thesaurus, ``repair.spin.store``, inflected
like the written word, the word itself included), and a combination is a
candidate original when it is an established term (``repair.spin.terms``).
Among the candidates the one the evidence prefers wins: candidates rank by the
swaps the tools were seen to make across the whole published list
(``dictionaries/spin_tortured_links.tsv``, learned by
``tools/build_tortured_links.py``), smoothed by the thesaurus; a restoration is
``strong`` when every changed word is linked, the term is attested
by two sources or is a WordNet term, the written phrase is attested by none, and
no rival term comes close.
"""

from __future__ import annotations

import bisect
import functools
import math
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from repair.spin import store, terms, tortured
from repair.spin.context import known

PER_WORD = 60  # candidate originals per written word, best-known first
USE_MODEL = True  # also take terms from the trigram model's n-grams
MAX_WORDS = 4
LINKS = "spin_tortured_links.tsv"
LEARNED = True  # rank by the swaps learned from the published list (``tools/build_tortured_links.py``)
ALPHA = 2.0  # weight of the thesaurus distribution against the learned counts
FLOOR = -8.0  # ln weight, before normalising, of an original the thesaurus does not offer
MODEL_ONLY = -2.0  # ln weight of a term only the trigram model holds (its n-grams are not all terms)


def term_weight(term: str) -> float:
    """ln weight of a candidate by its term evidence: ``MODEL_ONLY`` when only the model holds it."""
    return MODEL_ONLY if set(term) <= {"c", "b"} else 0.0


@dataclass(frozen=True)
class Option:
    """One candidate original for one written word."""

    text: str
    sources: str  # p (listed swap), l (learned), thesaurus sources (m, r, w), or '=' for the word kept
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

    Swaps seen in the published list come first (source ``p``, followed by the thesaurus's
    sources when it links them too: one row's correction alone is weaker evidence), then the
    thesaurus.
    """
    out = [Option(word, "=", 0.0)]
    seen = {word}
    listed: dict[str, int] = {}  # listed swap -> its place in ``out``
    for text in tortured.listed_links().get(word, {}):
        seen.add(text)
        listed[text] = len(out)
        out.append(Option(text, "p", 0.0))
    for text in learned_links().get(word, {}) if LEARNED else ():
        if text not in seen:
            seen.add(text)
            out.append(Option(text, "l", FLOOR))
    for lemma, tag, _ in store.analyses(word):
        for _, text, src, lp, _ in store.inflected_candidates(lemma, tag, PER_WORD):
            if " " in text:
                continue
            if text in listed and out[listed[text]].sources == "p":
                out[listed[text]] = Option(text, "p" + src, 0.0)
            if text not in seen:
                seen.add(text)
                out.append(Option(text, src, lp))
    if len(out) == 1:
        for cand in store.candidates(word, PER_WORD):
            if " " not in cand.text and cand.text not in seen:
                seen.add(cand.text)
                out.append(Option(cand.text, cand.sources, cand.prior))
    return tuple(out)


@functools.cache
def learned_links() -> dict[str, dict[str, float]]:
    """Written word -> original -> expected number of listed phrases with that swap (the
    original equal to the written word where it was kept), learned from the published list."""
    from repair.resources import records

    out: dict[str, dict[str, float]] = {}
    for written, original, count in records(LINKS, "written", "original", "count"):
        out.setdefault(written, {})[original] = float(count)
    return out


@functools.lru_cache(maxsize=4096)
def base_distribution(word: str) -> tuple[dict[str, float], float]:
    """The thesaurus distribution q(original | written word): each option's weight ``exp(prior)``
    (the word kept weighs 1), with the normaliser; an original outside it weighs ``exp(FLOOR)``."""
    weights = {o.text: math.exp(max(o.prior, FLOOR)) for o in options(word)}
    return weights, sum(weights.values())


def learned_prior(
    written: str, original: str, counts: dict[str, float] | None = None, use: bool = True
) -> float:
    """ln P(original | written word): the learned swap counts ``counts`` (default: the shipped
    table's row for the word) smoothed by the thesaurus distribution with weight ``ALPHA``."""
    weights, total = base_distribution(written)
    q = weights.get(original, math.exp(FLOOR)) / total
    if counts is None and use:
        counts = learned_links().get(written)
    if not counts or not use:
        return math.log(q)
    return math.log((counts.get(original, 0.0) + ALPHA * q) / (sum(counts.values()) + ALPHA))


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


CHAINS = True  # a phrase of three words or more may also come from a chain of two-word terms


@functools.lru_cache(maxsize=262144)
def _pair_is_term(first: str, second: str) -> bool:
    return bool(terms.evidence((first, second)))


def _chained(per_word: list[dict[str, Option]]) -> set[tuple[str, ...]]:
    """Combinations of three words or more whose every adjacent pair is a term ("support vector"
    and "vector machine"), with at least one word kept as written (mark ``b``)."""
    paths: list[tuple[str, ...]] = [(w,) for w in per_word[0]]
    for opts in per_word[1:]:
        paths = [(*p, w) for p in paths for w in opts if _pair_is_term(p[-1], w)]
    return {p for p in paths if any(opts[w].sources == "=" for w, opts in zip(p, per_word, strict=True))}


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
    found = _restorations(written, per_word, combos, set())
    if not found and CHAINS and len(written) >= 3:  # nothing else reachable: chains of terms
        chains = _chained(per_word)
        chains.discard(written)
        found = _restorations(written, per_word, chains, chains)
    return found


def _restorations(
    written: tuple[str, ...],
    per_word: list[dict[str, Option]],
    combos: set[tuple[str, ...]],
    chains: set[tuple[str, ...]],
) -> list[Restoration]:
    found = []
    for words in combos:
        mark = terms.evidence(words) or ("b" if words in chains else "")
        if mark:
            chosen = tuple(opts[w] for w, opts in zip(words, per_word, strict=True))
            if LEARNED:
                prior = sum(learned_prior(t, o) for t, o in zip(written, words, strict=True))
            else:
                prior = sum(o.prior for o in chosen if o.sources != "=")
            found.append(Restoration(words, chosen, mark, terms.phrase_logp(words), prior))
    return found


def written_evidence(written: tuple[str, ...]) -> str:
    """Term evidence for the written phrase itself ('' when it is no known collocation)."""
    return terms.evidence(written)


MARGIN = 2.5  # ln thesaurus-prior lead over the next candidate term (about 12 times) for a fix


@dataclass(frozen=True)
class Choice:
    """The preferred restoration of a written phrase, the runner-up, and how far to trust it."""

    best: Restoration
    rival: Restoration | None
    strength: str  # "safe", "unsafe" or "display"

    @property
    def lead(self) -> float | None:
        """ln thesaurus-prior lead of the best candidate over the runner-up (None when alone)."""
        return None if self.rival is None else score(self.best) - score(self.rival)


LEARNED_SAFE = 0.4  # learned P(original | written word) each swap of a safe learned restoration needs
LEARNED_LEAD = 2.0  # ln lead over the runner-up (about 7 times) that a safe learned restoration needs
LINK_SUPPORT = 3.0  # expected listed phrases showing a learned swap before it counts as a link
LEARNED_SUPPORT = 5.0  # ... before it makes a restoration safe without the term evidence of ``choose``


def learned_clear(written: tuple[str, ...], best: Restoration, rival: Restoration | None) -> bool:
    """Whether the learned swaps alone make ``best`` clear: the written phrase is no term,
    ``best`` leads the runner-up by ``LEARNED_LEAD``, and each changed word's learned
    P(original | written) is at least ``LEARNED_SAFE``, with the swap shown by the list's
    corrections or learned from at least ``LEARNED_SUPPORT`` listed phrases."""
    if not LEARNED or written_evidence(written):
        return False
    if rival is not None and score(best) - score(rival) < LEARNED_LEAD:
        return False
    return all(
        math.exp(learned_prior(t, o.text)) >= LEARNED_SAFE and supported(t, o, LEARNED_SUPPORT)
        for t, o in zip(written, best.options, strict=True)
        if o.sources != "="
    )


PARTIAL_SWAP = 0.5  # learned P(original | written word) of the one swap of a partial restoration
PARTIAL_SUPPORT = 5.0  # listed phrases that must show that swap


def partial(written: tuple[str, ...]) -> Choice | None:
    """A two-word phrase that no term explains, restored in one word only (mark ``k``): the
    other word is kept, and the one swapped is the tools' usual word for its original (learned
    P at least ``PARTIAL_SWAP``, seen in ``PARTIAL_SUPPORT`` listed phrases).  Unsafe when the
    kept word is unknown to the trigram model, so that no source could know the term, and
    neither it nor a hyphenated part of it occurs in another listed phrase, so that the tools did
    not write it ("mycolic corrosive" -> "mycolic acid"; not "sunlight-based vitality"); shown
    otherwise.  Never safe: measured, about one in four such fixes is wrong.
    """
    if not LEARNED or len(written) != 2 or written_evidence(written):
        return None
    swaps = []
    for at, word in enumerate(written):
        row = learned_links().get(word, {})
        total = sum(row.values())
        top = max((o for o in row if o != word), key=row.__getitem__, default=None)
        if top is not None and row[top] >= PARTIAL_SUPPORT and row[top] >= PARTIAL_SWAP * total:
            swaps.append((at, top))
    if len(swaps) != 1:
        return None
    at, original = swaps[0]
    other = written[1 - at]
    words = tuple(original if k == at else w for k, w in enumerate(written))
    chosen = tuple(
        Option(original, "l", learned_prior(w, original)) if k == at else Option(w, "=", 0.0)
        for k, w in enumerate(written)
    )
    found = Restoration(words, chosen, "k", terms.phrase_logp(words), chosen[at].prior)
    vocabulary = tortured.vocabulary()
    rare = not known(other) and all(vocabulary.get(part, 0) <= 1 for part in {other, *other.split("-")})
    return Choice(found, None, "unsafe" if rare else "display")


SOLE_SWAP = 0.25  # learned P(original | written word) of each swap of a sole candidate made safe


def sole(written: tuple[str, ...], best: Restoration, rival: Restoration | None) -> bool:
    """Whether ``best`` is safe as the only term reachable at all: no rival, the written phrase
    no term, a written word kept, each swap one the tools make for that word at least
    ``SOLE_SWAP`` of the time (learned), and for three words or more a source besides the
    trigram model ("logistic reversion" -> "logistic regression")."""
    if rival is not None or best.changed == len(written) or written_evidence(written):
        return False
    if len(written) > 2 and not set(best.term) - {"c", "b"}:
        return False
    return all(
        math.exp(learned_prior(t, o.text)) >= SOLE_SWAP
        for t, o in zip(written, best.options, strict=True)
        if o.sources != "="
    )


def supported(written: str, option: Option, learned: float | None = None, listed: bool = True) -> bool:
    """Whether a swap has evidence beyond one phrase: the published list's corrections show it
    (unless not ``listed``: then a second row must, the row's own correction being among them),
    or the learned counts give it at least ``learned`` listed phrases; without ``learned``, a
    thesaurus link or ``LINK_SUPPORT`` learned phrases also do."""
    if "p" in option.sources and (listed or tortured.listed_links()[written][option.text] >= 2):
        return True
    if learned is None and set(option.sources) & {"m", "r", "w"}:
        return True
    need = LINK_SUPPORT if learned is None else learned
    return learned_links().get(written, {}).get(option.text, 0.0) >= need


def score(r: Restoration) -> float:
    """A candidate's ln weight: its swaps' prior and its term evidence (:func:`term_weight`)."""
    return r.prior + term_weight(r.term)


def _rank(r: Restoration) -> tuple[float, int, float]:
    return (score(r), len(set(r.term)), r.logp)


@functools.lru_cache(maxsize=4096)
def choose(written: tuple[str, ...]) -> Choice | None:
    """The restoration the evidence prefers for ``written``, or None when no term is reachable.

    Candidates rank by :func:`score` (the learned ln P(original | written) of every
    word, kept ones included, :func:`learned_prior`, and ``MODEL_ONLY`` for a term
    only the trigram model holds), then by the number of term sources, then by
    phrase probability.  A choice is ``clear`` when the written phrase is no known
    collocation, the best candidate leads the next by ``MARGIN`` and each of its
    swaps is :func:`supported`.  It is ``safe`` when clear and either the published
    list names the original and a second source, a listed swap or a kept word
    backs it, or one written word is kept (tools leave part of a term alone:
    "heart assault") and two other sources call the original a term; ``unsafe``
    when clear and two sources call it a term; ``display`` otherwise.  It is also
    ``safe`` when the learned swaps alone make it clear (:func:`learned_clear`).
    """
    found = sorted(candidates(written), key=_rank, reverse=True)
    if not found:
        return partial(written)
    best = found[0]
    rival = found[1] if len(found) > 1 else None
    clear = (rival is None or score(best) - score(rival) >= MARGIN) and not written_evidence(written)
    others = len(set(best.term) - {"p"})
    listed_swap = any("p" in o.sources for o in best.options)
    kept = best.changed < len(best.words)
    # a term the list names elsewhere, with a word kept, needs no further backing of its swap
    clear = clear and (
        ("p" in best.term and kept)
        or all(supported(t, o) for t, o in zip(written, best.options, strict=True) if o.sources != "=")
    )
    termed = ("p" in best.term and (others or listed_swap or kept)) or (kept and others >= 2)
    if best.term == "b":  # a chain of two-word terms is shown, never applied
        strength = "display"
    elif (clear and termed) or learned_clear(written, best, rival) or sole(written, best, rival):
        strength = "safe"
    elif clear and len(set(best.term)) >= 2:
        strength = "unsafe"
    else:
        strength = "display"
    return Choice(best, rival, strength)
