"""Hyphenated compounds that are no compound: one part swapped for a thesaurus synonym.

A noun-adjective compound ("oil-rich", "tax-free", "user-friendly") is a fixed
pairing; a spinner that swaps its adjective blind to that writes a pairing no one
uses ("oil-high" for "oil-rich").  The trigram model reads a compound as its two
words, so it tells how established each pairing is: the written pair must be one
the model finds no likelier than chance, and a thesaurus synonym of the swapped
part, of the same class, must form a pair the model knows well (``ESTABLISHED``)
and far likelier than the written one (``PAIR_GAIN``).  The words around the
compound then have to agree.  Compounds of other shapes ("nanny-goat",
"well-wrought") are left alone: old and technical prose coins them freely, and
the model has never seen most of them.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator

from repair.spin import store
from repair.spin.context import Sentence, framed, known, logp, pmi, window
from repair.spin.lexicon import FUNCTION_WORDS
from repair.spin.slots import SlotHit

WRITTEN_FIT = 0.0  # ln PMI of the written pair at or below which it is no established compound
ESTABLISHED = 3.0  # ln PMI (about 20 times chance) at or above which a pair is an established compound
PAIR_GAIN = 3.0  # how much likelier (ln) the established pair must be than the written one
CANDIDATES = 200  # thesaurus candidates weighed per swapped part
# English prefixes that the model also knows as words ("sub-chief", "semi-tropical"): no compound's noun
PREFIXES = frozenset(
    [
        *("anti", "co", "counter", "ex", "half", "hyper", "inter", "mid", "multi", "neo", "non", "post"),
        *("pre", "pro", "pseudo", "quasi", "re", "self", "semi", "sub", "super", "ultra", "vice"),
    ]
)

#: Adjectives that make a compound with almost any noun ("architecture-specific", "file-based",
#: "thread-safe", "feature-rich"): written, they are the writer's own coinage, not a swap.
PRODUCTIVE = frozenset(
    [
        *("aware", "based", "bound", "centric", "compatible", "dependent", "driven", "enabled"),
        *("free", "friendly", "heavy", "independent", "intensive", "level", "like", "only"),
        *("oriented", "ready", "related", "rich", "safe", "sensitive", "specific", "wide"),
    ]
)


def find(sentence: Sentence, text: str) -> Iterator[SlotHit]:
    """Swapped last parts of hyphenated compounds in one sentence."""
    seq = framed(sentence.lm)
    for k, tok in enumerate(sentence.tokens):
        w = sentence.lm[k]
        if w.count("-") != 1:
            continue
        head, tail = w.split("-")
        cut = tok.text.index("-") + 1
        if not _part(head) or not _part(tail) or not tok.text[cut:].islower():
            continue
        if head in PREFIXES or tail in PRODUCTIVE or _first_tag(head) != "NN" or _first_tag(tail) != "JJ":
            continue  # a noun and an adjective: "oil-rich", "sugar-free", "battle-weary"
        if known(head + tail) or _pmi(head, tail) > WRITTEN_FIT:
            continue  # a compound also written closed is established ("sky-light", "re-establish")
        hit = _best(seq, k, head, tail)
        if hit is None:
            continue
        cand, src, gain, delta, margin, alts = hit
        yield SlotHit(
            kind="compound",
            first=k,
            last=k + 1,
            start=tok.start + cut,
            end=tok.end,
            written=tok.text[cut:],
            replacement=cand,
            candidate=cand,
            sources=src,
            delta=delta,
            margin=margin,
            alternatives=alts,
            pair=(head, gain),
        )


def _first_tag(word: str) -> str:
    """The class of a word's commonest reading in the lexicon."""
    readings = store.analyses(word)
    return readings[0][1] if readings else ""


def _part(word: str) -> bool:
    """A content word the model and the lexicon know (no prefix such as "re" or "neo", no number)."""
    return (
        len(word) > 2
        and word.isalpha()
        and word not in FUNCTION_WORDS
        and known(word)
        and store.zipf(word) > 0
    )


@functools.lru_cache(maxsize=16384)
def _pmi(head: str, tail: str) -> float:
    return pmi(tail, head)


def _forms(tail: str) -> list[tuple[str, str]]:
    """Thesaurus candidates for ``tail`` in the class and form of its first (commonest) reading:
    (text, sources), best-known first; a part swapped for another class makes no compound of
    the same kind ("oil-high" is an adjective: "oil-rich", not "oil-price")."""
    out: dict[str, str] = {}
    readings = store.analyses(tail)
    if not readings:
        return []
    lemma, tag, _ = readings[0]
    own = {lem for lem, _, _ in readings}
    for _, text, src, _, _ in store.inflected_candidates(lemma, tag, CANDIDATES):
        # another form of the same word ("awe-stricken", "awestruck") is no swap
        if not own & {lem for lem, _, _ in store.analyses(text)}:
            out.setdefault(text, src)
    return [(t, s) for t, s in out.items() if t != tail and t.isalpha() and known(t)]


def _best(
    seq: list[str], k: int, head: str, tail: str
) -> tuple[str, str, float, float, float, tuple[str, ...]] | None:
    """The established compound the model prefers: (candidate, sources, pair gain over the written
    pair, context gain, context margin over the next established candidate, runners-up)."""
    written = logp(tail, head)
    pairs = []
    for cand, src in _forms(tail):
        gain = logp(cand, head) - written
        if gain >= PAIR_GAIN and _pmi(head, cand) >= ESTABLISHED:
            pairs.append((cand, src, gain))
    if not pairs:
        return None
    # the sentence with the compound read as two words, scored over the part and what follows
    split = [*seq[: k + 1], head, tail, *seq[k + 2 :]]
    p = k + 2
    base = window(split, p, p + 1)
    scored = sorted(
        ((window([*split[:p], c, *split[p + 1 :]], p, p + 1) - base, c, s, g) for c, s, g in pairs),
        reverse=True,
    )
    delta, cand, src, gain = scored[0]
    if delta <= 0:
        return None
    margin = delta - scored[1][0] if len(scored) > 1 else delta
    return cand, src, gain, delta, margin, tuple(c for d, c, _, _ in scored[1:4] if d > 0)
