"""An adverb out of its place in a perfect tense: weak evidence, shown only in a spun document.

A spinner swaps an adverb for a thesaurus synonym, often a preposition or
conjunction that can be an adverb, that cannot stand where the original stood:
"have previously complained" becomes "have before complained".
Older prose still puts such words there ("as I have before observed", "had
lately erected"), and the trigram model does not tell the two apart, so a hit is
no proof on its own.  :func:`find` yields the slot and the adverb the model
prefers; the family reports it only in a document that already shows clear signs
of spinning (:meth:`repair.detectors.spin.Reading.spun`), and never fixes it.
"""

from __future__ import annotations

from collections.abc import Iterator

from repair.spin.context import Sentence, framed, known, pmi
from repair.spin.lexicon import FUNCTION_WORDS
from repair.spin.slots import SlotHit, class_candidates, slot_hit, word_tags
from repair.tokenize import Token

HAVE = frozenset(["have", "has", "had", "having", "'ve", "i've", "we've", "you've", "they've"])
PARTICIPLE_TAGS = frozenset(["VBN", "VBD"])  # the lexicon lists a regular participle once, as VBD
PERFECT_FIT = 0.0  # ln PMI with "have" at or below which an adverb is no usual perfect adverb
GAIN = 4.0  # how much likelier (ln, about 55 times) the model must find the sentence with the candidate


def find(sentence: Sentence, text: str) -> Iterator[SlotHit]:
    """Adverbs out of place between "have" and a participle (or "to"), in one sentence."""
    toks, lm = sentence.tokens, sentence.lm
    seq = framed(lm)
    for k, tok in enumerate(toks):
        if not _in_perfect(toks, lm, k, text):
            continue
        cands = [c for c in class_candidates(lm[k], "RB") if " " not in c[0]]
        hit = slot_hit("adverb-slot", seq, k, tok, cands)
        if hit is not None and hit.delta >= GAIN:
            yield hit


def _in_perfect(toks: tuple[Token, ...], lm: tuple[str, ...], k: int, text: str) -> bool:
    """Whether the word at ``k`` is a closed-class word that can be an adverb ("before",
    "however"), which the model rarely sees right after "have" (PMI at most ``PERFECT_FIT``),
    standing between "have" and a past participle, or "to" and a bare verb ("have before
    complained", "has however to show"). "I have before me a letter" is no perfect tense: no
    participle follows."""
    if not 0 < k < len(toks) - 1 or lm[k - 1] not in HAVE or not lm[k].isalpha():
        return False
    if text[toks[k - 1].end : toks[k].start] != " " or text[toks[k].end : toks[k + 1].start] != " ":
        return False
    if lm[k] not in FUNCTION_WORDS or "RB" not in word_tags(lm[k]) or not known(lm[k]):
        return False  # an open-class adverb ("indeed", "lately") is the thesaurus scan's to weigh
    nxt = lm[k + 1]
    if nxt == "to":
        if k + 2 >= len(toks) or "VB" not in word_tags(lm[k + 2]):
            return False
    elif not word_tags(nxt) & PARTICIPLE_TAGS or not toks[k + 1].text.islower():
        return False
    return pmi(lm[k], lm[k - 1]) <= PERFECT_FIT
