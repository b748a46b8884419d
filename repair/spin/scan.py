"""Reverse-thesaurus candidates scored in context by the trigram model.

For each content word (and each two- or three-word phrase that a thesaurus
lists), the candidate originals are the words whose thesaurus entries contain
it, inflected like the written word.  Only words that sit badly in their
context (an unseen pairing with a neighbour) are examined, so a page costs a
few thousand model look-ups, not one per word and candidate.
"""

from __future__ import annotations

import dataclasses
import difflib
import functools
import itertools
import math
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass

from repair.resources import trigram_model
from repair.spin import store, vectors
from repair.spin.context import SCALE, Sentence, framed, known, logp, pmi, window
from repair.spin.lexicon import FUNCTION_WORDS, content_word
from repair.tokenize import Token

MAX_SPAN = 3
MIN_WORDS = 3  # sentences shorter than this (a word list's lines, headings) are not examined
FIRST_LOOK = 12  # candidates scored before deciding whether the word deserves the rest
PROMISE = 5.0  # how far below the as-is odds (at the highest document rate) a first look may fall
MAX_RATE = 0.2  # the highest document spin rate (see repair.detectors.spin)
MAX_CANDIDATES = store.SCAN_LIMIT  # per written word, ranked by spinner prior times candidate frequency
SUSPICION = 0.0  # ln PMI with a neighbour below which a word is examined
WIDE_SUSPICION = 1.5  # the same, in a document that shows clear signs of spinning
PHRASE_SUSPICION = -1.0  # the same for a thesaurus phrase whose first word is not suspicious on its own
SPIN_RATE = 0.05  # prior share of content words a spinner rewrote
UNSEEN_FIT = -15.0  # neighbour fit (PMI, nats) given to a word the model has never seen
LN10 = math.log(10)
# British spellings the model (US English) does not know but whose US form it does: not swaps
_SPELLINGS = (
    ("our", "or"),
    ("ise", "ize"),
    ("isa", "iza"),
    ("isi", "izi"),
    ("yse", "yze"),
    ("ysi", "yzi"),
    ("tre", "ter"),
    ("bre", "ber"),
    ("ence", "ense"),
    ("ll", "l"),
    ("ogue", "og"),
    ("mme", "m"),
    ("ae", "e"),
    ("oe", "e"),
    ("ement", "ment"),
)
LM_WEIGHT = 0.7  # weight of the model's log ratio against the thesaurus prior


@dataclass(frozen=True)
class Proposal:
    """A candidate original for a written span, with the evidence for it."""

    start: int
    end: int
    written: str
    lemma: str
    candidate: str
    replacement: str
    sources: str
    delta: float
    prior: float
    posterior: float
    spun: float
    best_score: float
    mass: float
    runner_up: float
    n_candidates: int
    rank: int
    first: int
    last: int
    left: float = 0.0
    right: float = 0.0
    zipf_written: float = 0.0
    zipf_candidate: float = 0.0
    unseen: bool = False  # the written word is a dictionary word the trigram model has never seen
    fit: float = 0.0  # topical fit of the candidate minus the written word's (repair.spin.vectors)
    # the written phrase is the candidate with a word added ("web browser"), or the written word
    # and the candidate beside it are ("robin redbreast"): never shown (_part_of)
    compound: bool = False
    rate: float = SPIN_RATE  # the prior spin rate the posterior assumes (the document's, once known)

    def at_rate(self, rate: float) -> Proposal:
        """The same proposal with its posterior recomputed for another prior spin rate."""
        as_is = math.log(1 - rate) - math.log(rate)
        lead = math.exp(min(as_is - self.best_score, 50.0))
        # a copy with three fields changed, without dataclasses.replace's per-field work (the
        # family asks for proposals at the document's rate tens of thousands of times in a book)
        new = object.__new__(Proposal)
        new.__dict__.update(self.__dict__)
        new.__dict__.update(
            posterior=1.0 / (lead + self.mass), spun=1.0 - lead / (lead + self.mass), rate=rate
        )
        return new

    def features(self) -> list[float]:
        """The combiner's inputs (see ``tools/train_spin_combiner.py``)."""
        margin = self.delta - self.runner_up if self.runner_up > -1e9 else 20.0
        return [
            self.delta,
            self.prior,
            math.log(self.posterior + 1e-6) - math.log(1 - self.posterior + 1e-6),
            min(margin, 20.0),
            max(self.left, -15.0),
            max(self.right, -15.0),
            self.zipf_written,
            self.zipf_candidate,
            math.log(self.n_candidates + 1),
            float("w" in self.sources),
            float("m" in self.sources),
            float("r" in self.sources),
            float(self.last - self.first > 1),
            float(" " in self.replacement),
            self.fit,
            float(self.unseen),
            math.log(self.rate),
        ]


@functools.lru_cache(maxsize=65536)
def unseen_word(word: str) -> bool:
    """Whether ``word`` (lower case) is a dictionary word form (WordNet, inflected) that the
    trigram model has never seen, and no British spelling of a word the model knows
    ("poesy", "girt", "soldiery"; not "colour", "defence", "organised"): such a word is
    examined as a possible swap, weighed against its own frequency in place of the model."""
    if not content_word(word) or known(word) or _zipf(word) <= 0.0:
        return False
    return not any(a in word and known(word.replace(a, b, 1)) for a, b in _SPELLINGS)


def _unseen_score(seq: list[str], i: int, j: int) -> float:
    """The window score of :func:`local_score` for written words ``seq[i+1:j+1]`` the model has
    never seen: each word's own frequency (wordfreq, as a natural log probability) and the two
    words after it as the model reads them after an unknown word (unigram, then bigram)."""
    total = sum((_zipf(w) - 9.0) * LN10 for w in seq[i + 1 : j + 1])
    if j + 1 < len(seq):
        total += logp(seq[j + 1])
    if j + 2 < len(seq):
        total += logp(seq[j + 2], seq[j + 1])
    return total


def _pmi(seq: list[str], p: int) -> tuple[float, float]:
    """Left and right bigram PMI (nats) of the word at ``seq[p]``."""
    w = seq[p]
    return pmi(w, seq[p - 1]), _right_fit(w, seq[p + 1])


def _right_fit(word: str, nxt: str) -> float:
    """PMI (nats) of ``nxt`` after ``word``; at a sentence end, how much likelier the end is after
    ``word`` than after "the" (the end of a sentence has no unigram probability to compare with)."""
    return pmi(nxt, word) if nxt != "</s>" else logp(nxt, word) - logp(nxt, "the")


@functools.lru_cache(maxsize=65536)
def _readings(form: str) -> tuple[tuple[str, str], ...]:
    rs = tuple((lemma, tag) for lemma, tag, _ in store.analyses(form))
    return rs or ((form, ""),)


@functools.lru_cache(maxsize=65536)
def _zipf(form: str) -> float:
    return store.zipf(form)


def _cased(replacement: str, written: str) -> str:
    if written[:1].isupper() and not written.isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def propose(sentence: Sentence, text: str, skip: set[int], quick: bool = False) -> Iterator[Proposal]:
    """Best candidate per suspicious span of one sentence (token indices in ``skip`` are left alone).

    ``quick`` weighs only the first ``FIRST_LOOK`` candidates of each span (a cheaper first look,
    enough to judge whether a sample of a long document was spun).  A single word beside a span
    that is likely a swap is weighed again with that span restored (:func:`_beside_swaps`)."""
    props = list(_propose(sentence, text, skip, quick))
    if len(props) < 2:
        yield from props
        return
    seq = framed(sentence.lm)
    for p in props:
        yield _beside_swaps(p, props, seq, sentence.tokens, text, quick)


#: A span whose chance of being a swap (``Proposal.spun``, at the prior rate) is at least this
#: is read restored when its neighbours are weighed.
NEIGHBOUR_SPUN = 0.5
#: Words between two spans that still share the model's window (two words of history, two after).
NEIGHBOUR_GAP = 1


def _beside_swaps(
    p: Proposal, props: list[Proposal], seq: list[str], toks: tuple[Token, ...], text: str, quick: bool
) -> Proposal:
    """``p`` weighed again in the context its likely-swapped neighbours had before the spinner.

    Spinners swap words next to each other ("cause meaningful strength" for "wield significant
    power"), and a swap read beside another is judged against a context the spinner wrote.  Each
    neighbouring span within :data:`NEIGHBOUR_GAP` words whose best candidate makes it likely spun
    (:data:`NEIGHBOUR_SPUN`) is read as restored, most likely first and without overlaps, and
    ``p``'s candidates are scored again; its own suspicion and frequency features stay those of
    the text as written.  Only single words are weighed again.
    """
    if p.last - p.first != 1 or " " in p.written or "-" in p.written:
        return p
    near: list[Proposal] = []
    for q in sorted(props, key=lambda q: -q.spun):
        if (
            q.spun >= NEIGHBOUR_SPUN
            and (0 <= q.first - p.last <= NEIGHBOUR_GAP or 0 <= p.first - q.last <= NEIGHBOUR_GAP)
            and all(q.last <= r.first or q.first >= r.last for r in near)
        ):
            near.append(q)
    if not near:
        return p
    restored = list(seq)
    i = p.first
    for q in sorted(near, key=lambda q: -q.first):  # right to left, so earlier indices hold
        words = q.replacement.lower().split()
        restored[q.first + 1 : q.last + 1] = words
        if q.first < p.first:
            i += len(words) - (q.last - q.first)
    best = _best(restored, toks, text, i, i + 1, quick, where=(p.start, p.end, p.first, p.last))
    if best is None:
        return p
    return dataclasses.replace(
        best,
        unseen=p.unseen,
        left=p.left,
        right=p.right,
        zipf_written=p.zipf_written,
        zipf_candidate=0.0 if " " in best.replacement else _zipf(best.replacement.lower()),
    )


#: Closed-class words (with "us", the pronoun the acronym "US" becomes in lower case).
_CLOSED = FUNCTION_WORDS | {"us"}


def _propose(sentence: Sentence, text: str, skip: set[int], quick: bool = False) -> Iterator[Proposal]:
    toks = sentence.tokens
    if len(toks) < MIN_WORDS:
        return  # a heading or a line of a list: too little context to weigh a swap
    seq = framed(sentence.lm)
    n = len(toks)
    grams = [
        " ".join(sentence.lm[k : k + length])
        for length in range(2, MAX_SPAN + 1)
        for k in range(n - length + 1)
    ]
    phrases = store.known_phrases(grams)
    for k in range(n):
        if k in skip:
            continue
        w = sentence.lm[k]
        tok = toks[k]
        if "-" in w:
            compound = _compound(seq, toks, text, k, quick)
            if compound is not None:
                yield compound
            continue
        if tok.text[:1].isupper() and k > 0:
            continue
        p = k + 1
        content = content_word(w) and known(w)
        unseen = not content and unseen_word(w)
        left, right = _pmi(seq, p) if content else (UNSEEN_FIT, UNSEEN_FIT) if unseen else (0.0, 0.0)
        suspicious = (content and min(left, right) <= SUSPICION) or unseen
        spans = [(k, k + 1, left, right)] if suspicious else []
        for length in range(2 if not unseen else MAX_SPAN + 1, MAX_SPAN + 1):
            # a capitalised word inside the phrase makes it a name ("Edward MacDowell"), not a swap
            if (
                k + length <= n
                and " ".join(sentence.lm[k : k + length]) in phrases
                and not any(j in skip for j in range(k, k + length))
                and not any(t.text[:1].isupper() for t in toks[k + 1 : k + length])
            ):
                if suspicious:
                    spans.append((k, k + length, left, right))
                elif edges := _odd_phrase(seq, p, p + length - 1, sentence.lm[k : k + length]):
                    spans.append((k, k + length, *edges))
        for i, j, fit_left, fit_right in spans:
            best = _best(seq, toks, text, i, j, quick)
            if best is not None and j - i > 1 and best.replacement.lower() in _CLOSED:
                # no phrase is restored to a closed-class word: the thesaurus pairs "information
                # technology" with the acronym "IT" and "United States" with "US", which the
                # lower-case tables and the trigram model read as pronouns
                continue
            if best is not None:
                yield dataclasses.replace(
                    best,
                    unseen=unseen,
                    left=fit_left,
                    right=fit_right,
                    zipf_written=_zipf(w) if j - i == 1 else 0.0,
                    zipf_candidate=0.0 if " " in best.replacement else _zipf(best.replacement.lower()),
                )


def propose_fitting(sentence: Sentence, text: str, skip: set[int]) -> Iterator[Proposal]:
    """Best candidate for each single content word of one sentence that fits its neighbours only
    moderately (lowest PMI above ``SUSPICION`` and at most ``WIDE_SUSPICION``): the words
    :func:`propose` leaves alone, examined as well once a document shows clear signs of
    spinning (a spinner swaps words that still fit one neighbour)."""
    toks = sentence.tokens
    if len(toks) < MIN_WORDS:
        return
    seq = framed(sentence.lm)
    for k, tok in enumerate(toks):
        w = sentence.lm[k]
        if k in skip or "-" in w or (tok.text[:1].isupper() and k > 0) or not (content_word(w) and known(w)):
            continue
        left, right = _pmi(seq, k + 1)
        if not SUSPICION < min(left, right) <= WIDE_SUSPICION:
            continue
        best = _best(seq, toks, text, k, k + 1)
        if best is not None:
            yield dataclasses.replace(
                best,
                left=left,
                right=right,
                zipf_written=_zipf(w),
                zipf_candidate=0.0 if " " in best.replacement else _zipf(best.replacement.lower()),
            )


def _compound(seq: list[str], toks: tuple[Token, ...], text: str, k: int, quick: bool) -> Proposal | None:
    """Best candidate for the last part of a hyphenated compound ("oil-high" for "oil-rich").

    The model knows no hyphenated words, so the compound is read as its parts ("oil high"
    against "oil rich"); only the last part is replaced, and only when it is a lower-case
    content word that sits badly after the part before it or before the next word.
    """
    tok = toks[k]
    parts = seq[k + 1].split("-")
    tail = parts[-1]
    if (
        len(parts) > 3
        or not all(x.isalpha() and known(x) for x in parts)
        or not content_word(tail)
        or not tok.text[tok.text.rfind("-") + 1 :].islower()
    ):
        return None
    split = [*seq[: k + 1], *parts, *seq[k + 2 :]]
    p = k + len(parts)
    left, right = _pmi(split, p)
    if min(left, right) > SUSPICION:
        return None
    start = tok.start + tok.text.rfind("-") + 1
    best = _best(split, toks, text, p - 1, p, quick, where=(start, tok.end, k, k + 1))
    if best is None or " " in best.replacement:
        return None
    return dataclasses.replace(
        best, left=left, right=right, zipf_written=_zipf(tail), zipf_candidate=_zipf(best.replacement.lower())
    )


def _odd_phrase(seq: list[str], p: int, q: int, words: Sequence[str]) -> tuple[float, float] | None:
    """The edge fits (PMI, nats) of the thesaurus phrase ``seq[p:q+1]`` when it sits badly at
    either edge (its first word with the word before, or its last word with the word after)
    and holds a known content word, else None.  A phrase is examined so whether or not its
    first word is suspicious on its own ("go into", "in other places")."""
    if not any(content_word(x) and known(x) for x in words):
        return None
    left = pmi(seq[p], seq[p - 1])
    right = _right_fit(seq[q], seq[q + 1])
    return (left, right) if min(left, right) <= PHRASE_SUSPICION else None


Cand = tuple[str, str, str, float, int, tuple[str, ...]]


def _candidates(key: str, tag: str, multi: bool, limit: int = MAX_CANDIDATES) -> Iterable[Cand]:
    """Known-to-the-model candidates for a lemma (or phrase) and tag, with their model words
    (those ranked below ``limit`` in the table), best-ranked first."""
    if not multi and tag:
        # inflected, filtered and packed when the spin tables were built, and parsed only as far
        # as the scan reads them
        return store.scan_row(key, tag).upto(limit)
    return _listed(key, limit)


@functools.lru_cache(maxsize=4096)
def _listed(key: str, limit: int) -> tuple[Cand, ...]:
    out = []
    # a phrase's acronym ("disk operating system": "dos") is no candidate: writers spell acronyms
    # out on purpose, and the lower-case tables would lose its capitals
    initials = "".join(w[0] for w in key.split()) if " " in key else None
    for c in store.candidates(key, limit):
        if c.text == initials:
            continue
        parts = tuple(c.text.split())
        if all(known(x) for x in parts):
            out.append((c.text, c.text, c.sources, c.prior, c.rank, parts))
    return tuple(out)


def _part_of(parts: Sequence[str], words: Sequence[str]) -> bool:
    """Whether ``parts`` begin or end ``words`` and are fewer: the written phrase is the candidate
    with a word put before or after it ("web browser", "leaf node", "mean value", "stopped up").
    Such a phrase is an established compound, not a swap: no swap of spin_dev or of the published
    tortured phrases has that shape.  Such a proposal is never shown; it still weighs in the
    document's spin rate as before (leaving it out lowered spin_dev's detection from 0.301 to 0.291,
    the compounds of spun text being part of what makes it read spun)."""
    n = len(parts)
    if n >= len(words):
        return False
    return tuple(words[:n]) == tuple(parts) or tuple(words[-n:]) == tuple(parts)


def _variant(a: str, b: str) -> bool:
    """Spelling variants (armour/armor, judgement/judgment) are not spinner swaps."""
    if abs(len(a) - len(b)) > 2 or min(len(a), len(b)) < 5 or a[:3] != b[:3]:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.8


def local_score(seq: list[str], i: int, j: int, parts: Sequence[str]) -> float:
    """Window score of ``parts`` standing for ``seq[i+1:j+1]`` (two words of history, two after)."""
    local = [*seq[max(0, i - 1) : i + 1], *parts, *seq[j + 1 : j + 3]]
    offset = min(i + 1, 2)
    return window(local, offset, offset + len(parts))


def _scorer(seq: list[str], i: int, j: int) -> Callable[[Sequence[str]], float]:
    """:func:`local_score` for one span, as a function of the words put in it: the span's
    context is sliced once and each word is scored against the two before it in a plain
    loop, which spares the hottest loop of the family most of its overhead."""
    prob = trigram_model().prob
    left = seq[max(0, i - 1) : i + 1]
    right = seq[j + 1 : j + 3]
    before = left[0] if len(left) == 2 else None  # no word two back at the sentence start

    def score(parts: Sequence[str]) -> float:
        total = 0
        h2, h1 = before, left[-1]
        for w in parts:
            total += prob([w, h1, h2]) if h2 is not None else prob([w, h1])
            h2, h1 = h1, w
        for w in right:
            total += prob([w, h1, h2])
            h2, h1 = h1, w
        return total * SCALE

    return score


_CONJUNCTIONS = frozenset(("and", "or", "nor"))


def _coordinated(seq: list[str], i: int, j: int) -> tuple[str, ...]:
    """The words joined to ``seq[i+1:j+1]`` by "and", "or" or "nor" ("apprehensive and worried"):
    a writer pairs near-synonyms so, and restoring one to the other ("worried and worried") is
    never the original."""
    out = []
    if i >= 1 and seq[i] in _CONJUNCTIONS:
        out.append(seq[i - 1])
    if j + 2 < len(seq) and seq[j + 1] in _CONJUNCTIONS:
        out.append(seq[j + 2])
    return tuple(out)


def _best(
    seq: list[str],
    toks: tuple[Token, ...],
    text: str,
    i: int,
    j: int,
    quick: bool = False,
    where: tuple[int, int, int, int] | None = None,
) -> Proposal | None:
    """The best candidate for the words ``seq[i+1:j+1]`` (tokens ``i:j``, or the span, first and
    last token given by ``where``), with the posterior that it is the original."""
    phrase = " ".join(seq[i + 1 : j + 1])
    last = seq[j]
    lemma = phrase
    limit = FIRST_LOOK if quick else MAX_CANDIDATES
    # read lazily: most words are settled by their first FIRST_LOOK candidates
    cands: Iterable[Cand]
    if j - i > 1:
        cands = _candidates(phrase, "", True, limit)
    else:
        readings = _readings(last)
        lemma = readings[-1][0]
        cands = itertools.chain.from_iterable(_candidates(lem, tag, False, limit) for lem, tag in readings)
    written_words = seq[i + 1 : j + 1]
    partners = _coordinated(seq, i, j)
    score = _scorer(seq, i, j)
    base = score(written_words) if all(known(x) for x in written_words) else _unseen_score(seq, i, j)
    scored: list[tuple[float, float, Cand]] = []
    seen = set()
    # first the candidates a spinner most likely started from; the rest only if one of them is promising
    hopeless = math.log(1 - MAX_RATE) - math.log(MAX_RATE) - PROMISE
    for n, cand in enumerate(cands):
        if n == FIRST_LOOK and (quick or not scored or max(x[0] for x in scored) < hopeless):
            break
        repl = cand[1]
        # (the length and prefix test of _variant first, inline: this loop runs for every candidate)
        if (
            repl in seen
            or repl == phrase
            or repl in partners
            or (abs(len(repl) - len(phrase)) <= 2 and repl[:3] == phrase[:3] and _variant(repl, phrase))
        ):
            continue
        seen.add(repl)
        d = score(cand[5]) - base
        scored.append((LM_WEIGHT * d + cand[3], d, cand))
    if not scored:
        return None
    scored.sort(key=lambda x: -x[0])
    as_is = math.log(1 - SPIN_RATE) - math.log(SPIN_RATE)
    top = max(scored[0][0], as_is)
    z = math.exp(as_is - top) + sum(math.exp(x[0] - top) for x in scored)
    posterior = math.exp(scored[0][0] - top) / z
    spun = 1 - math.exp(as_is - top) / z
    mass = sum(math.exp(x[0] - scored[0][0]) for x in scored)
    _, delta, (cand_lemma, repl, src, prior, rank, parts) = scored[0]
    runner = scored[1][1] if len(scored) > 1 else -math.inf
    start, end, first_tok, last_tok = where or (toks[i].start, toks[j - 1].end, i, j)
    written = text[start:end]
    return Proposal(
        start=start,
        end=end,
        written=written,
        lemma=lemma,
        candidate=cand_lemma,
        replacement=_cased(repl, written),
        sources=src,
        delta=delta,
        prior=prior,
        posterior=posterior,
        spun=spun,
        best_score=scored[0][0],
        mass=mass,
        runner_up=runner,
        n_candidates=len(scored),
        rank=rank,
        first=first_tok,
        last=last_tok,
        fit=vectors.fit_gain(text, start, end, written_words, parts),
        # (a candidate that repeats the word beside it is that word with the written one added:
        # "the robin redbreast" read as "the robin robin")
        compound=_part_of(parts, written_words) or repl in (seq[i], seq[j + 1]),
    )
