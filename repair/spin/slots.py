"""Part-of-speech slot rules: a word of the wrong class where the grammar needs another.

Spinners swap words blind to part of speech, so "he added." becomes "he
additional.", "appealed for support" becomes "appealed for sustain" and "more
complicated" becomes "more complicate".  Each rule here finds the slot, lists
the candidates of the needed class (the reverse thesaurus, and other forms of
the same word) and lets the trigram model choose among them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from repair.spin import store
from repair.spin.context import Sentence, framed, known, window
from repair.spin.lexicon import FUNCTION_WORDS, SUBJECT_PRONOUNS, TITLE_HEADS
from repair.tokenize import Token

PREPOSITIONS = frozenset(["for", "of", "with", "from", "without", "about"])
VERB_TAGS = frozenset(["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"])
SAME_WORD_BONUS = 5.0  # another form of the written word itself beats a far synonym


@dataclass(frozen=True)
class SlotHit:
    """A slot violation and the model's best repair for it."""

    kind: str
    first: int
    last: int
    start: int
    end: int
    written: str
    replacement: str
    candidate: str
    sources: str
    delta: float
    margin: float
    alternatives: tuple[str, ...]


def _tags(form: str) -> set[str]:
    return {tag for _, tag, _ in store.analyses(form)}


def _lemmas(form: str) -> set[str]:
    return {lemma for lemma, _, _ in store.analyses(form)} or {form}


def _candidates(form: str, tag: str) -> list[tuple[str, str, float]]:
    """(inflected candidate, sources, ln spinner prior) for the written form, in class ``tag``."""
    out: dict[str, tuple[str, float]] = {}
    for lemma in _lemmas(form):
        for _, text, src, lp, _ in store.inflected_candidates(lemma, tag):
            out.setdefault(text, (src, lp))
        for cand in store.candidates(lemma):
            if " " in cand.text:
                continue
            for lem2 in _lemmas(cand.text):
                infl = store.inflect(lem2, tag)
                if infl:
                    out.setdefault(infl, (cand.sources, cand.prior))
        same = store.inflect(lemma, tag)
        if same and same != form:
            out.setdefault(same, ("=", 0.0))
    return [(k, v[0], v[1]) for k, v in out.items() if k != form and known(k)]


def _choose(
    seq: list[str], p: int, cands: list[tuple[str, str, float]]
) -> tuple[str, str, float, float, list[str]] | None:
    """The best candidate by model gain plus spinner prior: (text, sources, gain, margin, runners-up)."""
    if not cands:
        return None
    base = window(seq, p, p + 1)
    scored = []
    for text, src, lp in cands:
        alt = [*seq[:p], text, *seq[p + 1 :]]
        gain = window(alt, p, p + 1) - base
        bonus = SAME_WORD_BONUS if src == "=" else lp
        scored.append((gain + bonus, gain, text, src))
    scored.sort(reverse=True)
    total, delta, text, src = scored[0]
    margin = total - scored[1][0] if len(scored) > 1 else total
    return text, src, delta, margin, [t for _, d, t, _ in scored[1:4] if d > 0]


def _cased(replacement: str, written: str) -> str:
    if written[:1].isupper():
        return replacement[:1].upper() + replacement[1:]
    return replacement


def find(sentence: Sentence, text: str) -> Iterator[SlotHit]:
    """Slot violations in one sentence."""
    toks = sentence.tokens
    lm = sentence.lm
    seq = framed(lm)
    for k, tok in enumerate(toks):
        w = lm[k]
        if (
            not w.isalpha()
            or len(w) < 3
            or w in FUNCTION_WORDS
            or (tok.text[:1].isupper() and k > 0 and not _title(lm, toks, k))
        ):
            continue
        prev = lm[k - 1] if k else ""
        after = text[tok.end : tok.end + 2]
        if after[:1] in _QUOTES and text[tok.start - 1 : tok.start] in _QUOTES:
            continue  # a word in quotes is mentioned, not used: 'type "unmask" to undo it'
        kind = need = ""
        tags = _tags(w)
        if not tags:
            continue
        if (
            k
            and _speaker(toks, lm, k, text)
            and (after[:1] == "." or (after[:1] == "," and _after_quote(toks, k, text)))
            and not tags & VERB_TAGS
            and "JJ" in tags
        ):
            kind, need = "verb-slot", "VBD"
        elif (
            (prev in PREPOSITIONS and tags <= {"VB", "VBP"} and k + 1 < len(toks))
            or (prev in PREPOSITIONS and tags <= {"VB", "VBP"} and after[:1] in {".", ",", ";"})
        ) and not _names_an_identifier(toks, k):
            kind, need = "noun-slot", "NN"
        elif prev in {"more", "most"} and tags <= {"VB", "VBP"}:
            kind, need = "adjective-slot", "JJ"
        elif _title(lm, toks, k):
            kind, need = "title", ""
        if not kind:
            continue
        if kind == "title":
            cands = [
                (c.text, c.sources, c.prior)
                for c in store.candidates(w)
                if " " not in c.text and c.text not in FUNCTION_WORDS and known(c.text)
            ]
        else:
            cands = _candidates(w, need)
            if kind == "adjective-slot":
                for lemma in _lemmas(w):
                    vbn = store.inflect(lemma, "VBN") or store.inflect(lemma, "VBD")
                    if vbn and known(vbn):
                        cands.append((vbn, "=", 0.0))
        best = _choose(seq, k + 1, cands)
        if best is None:
            continue
        repl, src, delta, margin, alts = best
        yield SlotHit(
            kind=kind,
            first=k,
            last=k + 1,
            start=tok.start,
            end=tok.end,
            written=tok.text,
            replacement=repl.capitalize() if kind == "title" else _cased(repl, tok.text),
            candidate=repl,
            sources=src,
            delta=delta,
            margin=margin,
            alternatives=tuple(_cased(a, tok.text) for a in alts),
        )


_QUOTES = frozenset("\"'“”‘’`")


def _names_an_identifier(toks: tuple[Token, ...], k: int) -> bool:
    """Whether the word at ``k`` heads an identifier with digits ("for commit 5df2e90", "in build 42"):
    technical writing uses such verbs as nouns."""
    return k + 1 < len(toks) and any(c.isdigit() for c in toks[k + 1].text)


def _speaker(toks: tuple[Token, ...], lm: tuple[str, ...], k: int, text: str) -> bool:
    """Whether the word before ``k`` is a subject pronoun or a name, separated by a plain space."""
    prev = toks[k - 1]
    if text[prev.end : toks[k].start] != " " or "'" in lm[k - 1]:
        return False
    return lm[k - 1] in SUBJECT_PRONOUNS or (prev.text[:1].isupper() and k - 1 > 0)


def _after_quote(toks: tuple[Token, ...], k: int, text: str) -> bool:
    """Whether the subject before ``k`` directly follows a closing quotation ("...,” he added, ...)."""
    before = text[max(0, toks[k - 1].start - 3) : toks[k - 1].start]
    return any(q in before for q in "”\"’'")


def _title(lm: tuple[str, ...], toks: tuple[Token, ...], k: int) -> bool:
    """A lower-case common word right before a capitalised title head, after a capitalised word."""
    return (
        0 < k < len(toks) - 1
        and toks[k].text.islower()
        and lm[k + 1] in TITLE_HEADS
        and toks[k + 1].text[:1].isupper()
        and toks[k - 1].text[:1].isupper()
    )
