"""Rank the corrections of one unknown word and weigh the evidence.

Each candidate within edit distance 2, or within two learned misspelling rules
(:mod:`repair.spelling.confusions`), or (when no spelling is close) a common word
that sounds the same (:mod:`repair.spelling.phonetic`), gets ``context - COST_WEIGHT * cost``:
its trigram slot score (both sides of the slot vote) minus its edit cost, the
cheaper of the weighted edit cost and the learned model's.  The word as
written competes too, scored by its own (low) frequency, so a rare real word
that fits its context survives.  The decision records the
best candidate's lead over the runner-up and over the word as written, which
the detectors turn into applicability and confidence.
"""

from __future__ import annotations

import functools
import math
from dataclasses import dataclass, replace

from repair.spelling import confusions, context, phonetic
from repair.spelling.cost import (
    INF,
    bounded_cost,
    describe,
    glyph_cost,
    glyph_readings,
    levenshtein,
    multi_targets,
    osa,
)
from repair.spelling.lexicon import Lexicon

COST_WEIGHT = 2.0
#: How many candidates (the most frequent) get a weighted edit cost, and how many of those
#: (best by frequency and cost) are scored in context.
COSTED = 60
POOL = 20
#: Edit cost of a missing space (two words run together).
SPACE_COST = 0.5
#: Candidates more plain edits away than this are not costed: optimal-string-alignment edits
#: (a swapped pair counts once) when no multi-letter confusion applies, else Levenshtein edits.
MAX_PLAIN = 2
MAX_PLAIN_MULTI = 4
MAX_COST = 2.0
#: Sound-alike candidates (:mod:`repair.spelling.phonetic`) are looked for only when no candidate
#: costs at most this much.
SOUND_BELOW = 1.0
#: How much weaker than its frequency a misspelling's own prior is (log10 units).
ORIGINAL_PENALTY = 1.0
#: Prior (Zipf) of a word wordfreq's large list does not have: rarer than anything listed.
UNSEEN_ZIPF = -1.0
#: wordfreq counts common misspellings too ("goverment" has Zipf 2.7): an unlisted word's
#: own frequency counts for at most this much.
ORIGINAL_ZIPF_CAP = 1.5
#: Bonus (log10 units) for a candidate the text around the word uses: a word a text has used
#: is likelier to recur in it (a cache language model, Kuhn and De Mori 1990).  It only orders
#: the candidates: the lead over the word as written (``Ranking.gain``) leaves it out.
DOC_BONUS = 0.3


@dataclass(frozen=True)
class Candidate:
    """One correction with its evidence."""

    word: str
    cost: float
    zipf: float
    context: float
    bigram_left: int
    bigram_right: int
    in_document: bool = False
    #: Reached only by its sound (:mod:`repair.spelling.phonetic`), not by its spelling.
    by_sound: bool = False
    #: log10 weight of its gender against the pronoun before it (:func:`with_agreement`): 0 or negative.
    agreement: float = 0.0

    @property
    def total(self) -> float:
        """Context score (with the document bonus and the pronoun agreement) minus weighted edit cost
        (log10 units)."""
        return (
            self.context + (DOC_BONUS if self.in_document else 0.0) + self.agreement - COST_WEIGHT * self.cost
        )


@dataclass(frozen=True)
class Ranking:
    """Ranked candidates for one word, with the word's own score."""

    word: str
    candidates: tuple[Candidate, ...]
    original: float
    #: Ranked as text that shows OCR damage (see :data:`repair.spelling.cost.SCAN_CONFUSIONS`).
    scanned: bool = False
    #: The pronoun before the word that the gendered candidates were weighed against ('' if none).
    antecedent: str = ""

    @property
    def best(self) -> Candidate | None:
        """The top candidate, if any."""
        return self.candidates[0] if self.candidates else None

    @property
    def margin(self) -> float:
        """Lead of the best candidate over the runner-up (log10 units)."""
        if not self.candidates:
            return 0.0
        if len(self.candidates) == 1:
            return 99.0
        return self.candidates[0].total - self.candidates[1].total

    @property
    def gain(self) -> float:
        """Lead of the best candidate over the word as written (log10 units), without the document
        bonus: that only orders the candidates."""
        if not self.candidates:
            return 0.0
        best = self.candidates[0]
        return best.total - (DOC_BONUS if best.in_document else 0.0) - self.original

    def explain(self, left: tuple[str, ...], right: tuple[str, ...]) -> str:
        """Reviewer-facing evidence: candidate, edit cost, context counts and the runner-up."""
        best = self.best
        if best is None:
            return f"no dictionary word lies within two edits of {self.word!r}"
        prev = left[0] if left and left[0] != context.BOS else ""
        nxt = right[0] if right else ""
        learned = confusions.explain(self.word, best.word, best.cost)
        kind = describe(self.word, best.word, self.scanned) if learned is None else learned
        parts = [
            f"{self.word!r} is not a dictionary word; {best.word!r} ({kind}, "
            f"edit cost {best.cost:g}) has Zipf frequency {best.zipf:.1f}"
        ]
        ctx = []
        if prev:
            ctx.append(f"'{prev} {best.word}' occurs {best.bigram_left:,} times")
        if nxt:
            ctx.append(f"'{best.word} {nxt}' occurs {best.bigram_right:,} times")
        if ctx:
            parts.append(" and ".join(ctx) + " in the bigram counts")
        if best.in_document:
            parts.append(f"the text nearby uses {best.word!r}")
        if self.antecedent and best.word in GENDER:
            parts.append(f"it agrees with {self.antecedent!r}, the pronoun before it")
        parts.append(f"trigram context favours it over the word as written by {self.gain:.1f} log10 units")
        if len(self.candidates) > 1:
            r = self.candidates[1]
            if self.margin >= 0:
                parts.append(f"runner-up {r.word!r} (edit cost {r.cost:g}) trails by {self.margin:.1f}")
            else:  # ranked first on other evidence than the model's (see typo._listed_form_first)
                parts.append(f"{r.word!r} (edit cost {r.cost:g}) scores {-self.margin:.1f} higher")
        return "; ".join(parts) + "."


@functools.lru_cache(maxsize=16384)
def most_frequent(word: str, lex: Lexicon) -> tuple[tuple[float, str], ...]:
    """The :data:`COSTED` most frequent candidates of ``word`` within two letters of its length,
    as (Zipf, candidate), most frequent first: the only ones :func:`pool` costs."""
    n = len(word)
    raw = lex.candidate_zipfs(word)
    near = [(z, c) for c, z in raw.items() if c != word and abs(len(c) - n) <= 2]
    near.sort(reverse=True)
    return tuple(near[:COSTED])


def has_ocr_reading(word: str, lex: Lexicon, scanned: bool = False) -> bool:
    """Whether any candidate :func:`pool` may hold undoes one OCR glyph confusion in ``word``.

    A cheap necessary condition for rules that accept only such corrections: without one, the
    word need not be ranked at all.
    """
    if any(describe(word, c, scanned).startswith("OCR") for _, c in most_frequent(word, lex)):
        return True
    return bool(_glyph_words(word, lex))


@functools.lru_cache(maxsize=16384)
def _glyph_words(word: str, lex: Lexicon) -> dict[str, float]:
    """The dictionary words that a repeated glyph confusion undone reaches ("cornrnittee": "committee";
    :func:`repair.spelling.cost.glyph_readings`), with its edit cost (cached per word: not to be
    changed by the caller)."""
    costs: dict[str, float] = {}
    for reading, _, _, places in glyph_readings(word):
        costs[reading] = min(costs.get(reading, INF), glyph_cost(places))
    if not costs:
        return costs
    return {w: costs[w] for w in lex.vocabulary_among(costs)}


@functools.lru_cache(maxsize=16384)
def learned_costs(word: str, lex: Lexicon) -> dict[str, float]:
    """Dictionary words that undoing up to two learned confusions turns ``word`` into, with the
    edit cost: the cheaper of the learned derivation's and the weighted edit cost."""
    out = {}
    for cand, (cost, _) in confusions.corrections(word, lex.vocabulary_among).items():
        plain = bounded_cost(word, cand, cost) if abs(len(cand) - len(word)) <= 2 else INF
        out[cand] = min(cost, plain)
    return out


@functools.lru_cache(maxsize=16384)
def sound_costs(word: str, lex: Lexicon) -> dict[str, float]:
    """Common words that sound like ``word``, with their phonetic cost (cached per word)."""
    return phonetic.sound_costs(word, lex)


def pool(
    word: str, lex: Lexicon, sound: bool = True, scanned: bool = False
) -> tuple[tuple[str, float, float], ...]:
    """The plausible corrections of ``word`` before context: (candidate, edit cost, Zipf).

    Of the dictionary words that undoing learned misspelling rules reaches, and of the
    :data:`COSTED` most frequent candidates within reach, the :data:`POOL` best by
    ``zipf - COST_WEIGHT * cost`` with a cost of at most :data:`MAX_COST`; with ``sound``, when
    none of them costs at most :data:`SOUND_BELOW`, common words that sound like ``word``
    (:mod:`repair.spelling.phonetic`) join them, however far apart they are spelled.  It does not
    depend on the context, so it is computed once per distinct word (and kept across
    documents in a bounded cache).  Weighted edit costs are the expensive part: each
    candidate's cost is only computed up to the bound that could still admit it.  ``scanned``:
    the word is in text that shows OCR damage, where more glyph confusions are cheap.
    """
    spelled = _spelled_pool(word, lex, scanned)
    if (
        sound
        and len(word) >= phonetic.MIN_LENGTH
        and min((c for _, c, _ in spelled), default=INF) > SOUND_BELOW
    ):
        # no close spelling: the writer may have spelled the word by its sound
        return _sound_pool(word, lex, scanned)
    return spelled


@functools.lru_cache(maxsize=16384)
def _sound_pool(word: str, lex: Lexicon, scanned: bool) -> tuple[tuple[str, float, float], ...]:
    """:func:`_spelled_pool` with the common words that sound like ``word`` added."""
    kept = [(z - COST_WEIGHT * cost, cand, cost, z) for cand, cost, z in _spelled_pool(word, lex, scanned)]
    have = {c for _, c, _, _ in kept}
    # a sound-alike the spelled candidates hold keeps its spelled cost; the others are reached
    # by their sound only
    for cand, cost in sound_costs(word, lex).items():
        if cand not in have and cost <= MAX_COST:
            z = lex.zipf(cand)
            kept.append((z - COST_WEIGHT * cost, cand, cost, z))
    kept.sort(key=lambda x: x[0], reverse=True)
    return tuple((cand, cost, z) for _, cand, cost, z in kept[:POOL])


@functools.lru_cache(maxsize=16384)
def _spelled_pool(word: str, lex: Lexicon, scanned: bool) -> tuple[tuple[str, float, float], ...]:
    """:func:`pool` without sound-alikes."""
    by_freq = most_frequent(word, lex)
    learned = learned_costs(word, lex)
    kept: list[tuple[float, str, float, float]] = []  # (score, cand, cost, zipf), best first
    lex.prefetch(learned)
    for cand, cost in learned.items():
        if cost <= MAX_COST:
            z = lex.zipf(cand)
            kept.append((z - COST_WEIGHT * cost, cand, cost, z))
    # a glyph confusion repeated at every place its letter stands ("cornrnon") lies beyond the index
    glyph = {c: g for c, g in _glyph_words(word, lex).items() if c not in learned}
    for cand, cost in glyph.items():
        if cost <= MAX_COST:
            z = lex.zipf(cand)
            kept.append((z - COST_WEIGHT * cost, cand, cost, z))
    kept.sort(key=lambda x: x[0], reverse=True)
    del kept[POOL:]
    floor = kept[-1][0] if len(kept) >= POOL else -INF
    targets = multi_targets(word, scanned)  # any_multi(word, cand) below, with the lookup hoisted
    for z, cand in by_freq:
        # a candidate must beat the POOL-th score so far; only costs up to that bound matter
        bound = MAX_COST if floor == -INF else min(MAX_COST, (z - floor) / COST_WEIGHT)
        if bound < 0:
            break  # the rest are rarer still, and the floor only rises
        if cand in learned or cand in glyph:
            continue  # costed by the learned model, which undoes a real misspelling's rules
        # three plain edits apart (a swapped pair counting once) is out of reach without a
        # multi-letter confusion: over the bench books, about 3% of the candidates three
        # Levenshtein edits apart came within the cost bound, and dropping them changed no
        # dev-set decision; with one, five Levenshtein edits apart never did (0 in 4,400)
        if targets and any(y in cand for y in targets):
            if levenshtein(word, cand) > MAX_PLAIN_MULTI:
                continue
        elif osa(word, cand) > MAX_PLAIN:
            continue
        cost = bounded_cost(word, cand, bound, scanned)
        if cost > bound:
            continue
        score = z - COST_WEIGHT * cost
        kept.append((score, cand, cost, z))
        if len(kept) >= POOL:
            kept.sort(key=lambda x: x[0], reverse=True)
            del kept[POOL:]
            floor = kept[-1][0]
    kept.sort(key=lambda x: x[0], reverse=True)
    return tuple((cand, cost, z) for _, cand, cost, z in kept[:POOL])


def _scored(
    cands: tuple[tuple[str, float, float], ...],
    left: tuple[str, ...],
    right: tuple[str, ...],
    lex: Lexicon,
    used: frozenset[str] = frozenset(),
    spelled: frozenset[str] | None = None,
) -> list[Candidate]:
    """``cands`` (word, cost, Zipf) with their trigram slot scores and bigram counts beside the
    neighbours, best first.  ``used``: candidates the text around uses (the document bonus);
    ``spelled``: those reached by spelling, when sound-alikes were pooled too (the rest are
    marked ``by_sound``)."""
    prev = left[0] if left and left[0] != context.BOS else ""
    nxt = right[0] if right else ""
    keys = [f"{prev} {c}" for c, _, _ in cands] if prev else []
    keys += [f"{c} {nxt}" for c, _, _ in cands] if nxt else []
    counts = lex.bigrams(keys)
    contexts = context.slot_scores(left, ((c, z) for c, _, z in cands), right)
    scored = [
        Candidate(
            word=cand,
            cost=cost,
            zipf=z,
            context=ctx,
            bigram_left=counts.get(f"{prev} {cand}", 0) if prev else 0,
            bigram_right=counts.get(f"{cand} {nxt}", 0) if nxt else 0,
            in_document=cand in used,
            by_sound=spelled is not None and cand not in spelled,
        )
        for (cand, cost, z), ctx in zip(cands, contexts, strict=True)
    ]
    scored.sort(key=lambda c: c.total, reverse=True)
    return scored


def _prior(word: str, lex: Lexicon) -> float:
    """The Zipf frequency a word as written is weighed at: its own, capped at
    :data:`ORIGINAL_ZIPF_CAP`, or :data:`UNSEEN_ZIPF` when wordfreq does not know it."""
    z = lex.zipf(word)
    return min(z, ORIGINAL_ZIPF_CAP) if z > 0 else UNSEEN_ZIPF


@functools.lru_cache(maxsize=4096)
def rank(
    word: str,
    left: tuple[str, ...],
    right: tuple[str, ...],
    lex: Lexicon,
    limit: int = 5,
    used: frozenset[str] = frozenset(),
    sound: bool = True,
    scanned: bool = False,
) -> Ranking:
    """Rank dictionary words that may be what ``word`` (lower case) was meant to be.

    ``left``: up to two lower-case words before it, most recent first (``<s>`` at a
    sentence start); ``right``: up to two words after it, in reading order.  ``used``: the
    candidates that the text around the word uses; they get :data:`DOC_BONUS`.  ``scanned``: the
    word is in text that shows OCR damage (see :func:`pool`).
    """
    spelled = frozenset(c for c, _, _ in _spelled_pool(word, lex, scanned))
    scored = _scored(pool(word, lex, sound, scanned), left, right, lex, used, spelled)
    original = context.slot_score(left, word, right, _prior(word, lex) - ORIGINAL_PENALTY)
    return Ranking(word=word, candidates=tuple(scored[:limit]), original=original, scanned=scanned)


#: Third-person singular pronouns by gender.
GENDER = {
    "he": "m",
    "him": "m",
    "his": "m",
    "himself": "m",
    "she": "f",
    "her": "f",
    "hers": "f",
    "herself": "f",
}
#: How often a "his" or "her" has the gender of the nearest third-person singular pronoun before it
#: (within 40 words, in its paragraph): 4,585 of 5,404 times over the nine bench books.
AGREEMENT = 0.85


def with_agreement(r: Ranking, antecedent: str) -> Ranking:
    """``r`` with its gendered candidates weighed against ``antecedent``, the nearest third-person
    singular pronoun before the word ("she ... hir health": "her", not "his").

    Only when the candidates hold pronouns of both genders, and only between them: a pronoun of the
    other gender than ``antecedent`` loses log10(AGREEMENT / (1 - AGREEMENT)), as much as agreement
    is likelier than not; no pronoun gains on a word of another kind ("hed": "had").
    """
    gender = GENDER.get(antecedent)
    if gender is None or {GENDER[c.word] for c in r.candidates if c.word in GENDER} != {"m", "f"}:
        return r
    penalty = -math.log10(AGREEMENT / (1 - AGREEMENT))
    weighed = [
        replace(c, agreement=penalty) if GENDER.get(c.word, gender) != gender else c for c in r.candidates
    ]
    weighed.sort(key=lambda c: c.total, reverse=True)
    return replace(r, candidates=tuple(weighed), antecedent=antecedent)


#: Edit cost of a correction a list of common misspellings gives a word ("goverment" ->
#: "government"): writers make that slip so often that it costs about as little as the cheapest
#: learned confusion, whatever edits it takes ("publically" -> "publicly").
LISTED_COST = 0.2


def with_listed(
    r: Ranking,
    corrections: tuple[str, ...],
    left: tuple[str, ...],
    right: tuple[str, ...],
    lex: Lexicon,
    used: frozenset[str] = frozenset(),
) -> Ranking:
    """``r`` with ``corrections``, the listed corrections of its word, among its candidates at
    :data:`LISTED_COST`, ranked again (several are ordered by their context: "happend"); the word
    as written is scored as one never seen ("occuring": wordfreq and the trigram model know the
    slip, which made it look nearly as likely as "occurring")."""
    listed = _scored(tuple((c, LISTED_COST, lex.zipf(c)) for c in corrections), left, right, lex, used)
    others = [c for c in r.candidates if c.word not in corrections]
    # the misspelling's own frequency, and the trigram model's knowledge of it, are the slip's
    # commonness, not evidence that it was meant: it is weighed as a word never seen
    original = context.slot_score(left, r.word, right, UNSEEN_ZIPF - ORIGINAL_PENALTY, unknown=True)
    return Ranking(
        word=r.word,
        candidates=tuple(sorted((*listed, *others), key=lambda c: c.total, reverse=True)),
        original=original,
        scanned=r.scanned,
    )


#: Words at least this common may be proposed for a rare real word (see :func:`near_common`).
COMMON_ZIPF = 4.0


def _deletes1(word: str) -> set[str]:
    return {word} | {word[:k] + word[k + 1 :] for k in range(len(word))}


@functools.lru_cache(maxsize=4)
def _common_by_delete(lex: Lexicon) -> dict[str, tuple[str, ...]]:
    """The :data:`COMMON_ZIPF` common words by themselves and every one-letter deletion of them
    (about 7,000 words, 45,000 keys, 0.05 s): two words one edit apart share a key."""
    index: dict[str, list[str]] = {}
    for w in lex.common(COMMON_ZIPF):
        for d in _deletes1(w):
            index.setdefault(d, []).append(w)
    return {k: tuple(v) for k, v in index.items()}


#: How many words :func:`near_common` looks up in the index before it builds its own (a page has a
#: few rare words; a book thousands).
NEAR_QUERIES = 50
_near_calls = [0]


@functools.lru_cache(maxsize=16384)
def near_common(
    word: str, lex: Lexicon, min_zipf: float, max_cost: float
) -> tuple[tuple[str, float, float], ...]:
    """Words at least ``min_zipf`` (and :data:`COMMON_ZIPF`) common one plain edit from ``word``
    within weighted edit cost ``max_cost``, as (candidate, cost, Zipf): a cheap test before
    :func:`rank_real`.  The first :data:`NEAR_QUERIES` words of a process ask the spelling index;
    later ones an index of the common words built in memory (0.1 s)."""
    floor = max(min_zipf, COMMON_ZIPF)
    _near_calls[0] += 1
    if _near_calls[0] <= NEAR_QUERIES:
        near = {c: z for c, z in lex.candidate_zipfs(word).items() if z >= floor}
    else:
        common = lex.common(COMMON_ZIPF)
        index = _common_by_delete(lex)
        near = {c: common[c] for d in _deletes1(word) for c in index.get(d, ()) if common[c] >= floor}
    out = []
    for cand, z in near.items():
        if cand != word and abs(len(cand) - len(word)) <= 1 and osa(word, cand) <= 1:
            cost = bounded_cost(word, cand, max_cost)
            if cost <= max_cost:
                out.append((cand, cost, z))
    return tuple(sorted(out))


def best_gain(
    word: str,
    left: tuple[str, ...],
    right: tuple[str, ...],
    cands: tuple[tuple[str, float, float], ...],
    zipf: float,
) -> float:
    """The largest lead of one of ``cands`` over ``word`` (scored at ``zipf``) in its slot."""
    original = context.slot_score(left, word, right, zipf)
    return max(context.slot_score(left, c, right, z) - COST_WEIGHT * cost for c, cost, z in cands) - original


@functools.lru_cache(maxsize=4096)
def rank_real(word: str, left: tuple[str, ...], right: tuple[str, ...], lex: Lexicon) -> Ranking:
    """Rank the corrections of a dictionary word that may stand for another (a real-word error).

    As :func:`rank` without sound-alikes or the document bonus, but the word as written keeps
    its full frequency as its prior: it is a word, so only context far more favourable to a
    correction can outweigh it.
    """
    scored = _scored(pool(word, lex, False), left, right, lex)
    original = context.slot_score(left, word, right, lex.zipf(word))
    return Ranking(word=word, candidates=tuple(scored[:5]), original=original)


def split_score(left: tuple[str, ...], parts: tuple[str, str], right: tuple[str, ...]) -> float:
    """Score of reading a token as two words run together, comparable with ``Candidate.total``."""
    return context.phrase_score(left, parts, right) - COST_WEIGHT * SPACE_COST
