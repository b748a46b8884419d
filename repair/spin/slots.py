"""Part-of-speech slot rules: a word of the wrong class where the grammar needs another.

Spinners swap words blind to part of speech, so "he added." becomes "he
additional.", "appealed for support" becomes "appealed for sustain", "more
complicated" becomes "more complicate" and "a rocket launch complex leased to"
becomes "a rocket launch complicate leased to".  Each rule here finds the slot,
lists the candidates of the needed class (the reverse thesaurus, and other forms
of the same word) and lets the trigram model choose among them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from repair.spelling.lexicon import run_together
from repair.spin import store
from repair.spin.context import Sentence, framed, known, pmi, window
from repair.spin.lexicon import FUNCTION_WORDS, SUBJECT_PRONOUNS, TITLE_HEADS
from repair.tokenize import QUOTE_MARKS, Token

# a bare verb cannot head the object of a preposition ("appealed for sustain", "beyond renovate");
# after the first six the noun is weighed as in any slot, after the others it must win clearly
PREPOSITIONS = frozenset(["for", "of", "with", "from", "without", "about"])
MORE_PREPOSITIONS = frozenset(
    [
        *("in", "on", "at", "by", "into", "through", "against", "during", "under", "over", "after"),
        *("within", "among", "upon", "toward", "towards", "across", "behind", "beyond", "despite"),
        *("between", "amid", "throughout", "via"),
    ]
)
VERB_TAGS = frozenset(["VB", "VBD", "VBG", "VBN", "VBP", "VBZ"])
SAME_WORD_BONUS = 5.0  # another form of the written word itself beats a far synonym
# A noun phrase that a singular determiner opens cannot be the subject of a bare verb ("a rocket
# launch complicate leased to"); after "the", a possessive or "this"/"that" only a singular noun
# right before the verb shows that ("the rich eat", "the police complicate" are English).
SINGULAR_DETERMINERS = frozenset(["a", "an", "another", "each", "every"])
DEFINITE_DETERMINERS = frozenset(["the", "its", "his", "her", "their", "our", "my", "your", "this", "that"])
# words that only open a noun phrase: a bare verb right after one heads it ("a deepen of"); not
# "her" ("heard her sing"), "that" ("all that remain"), "this" ("let this happen"), "each" ("they
# each remain")
NOUN_DETERMINERS = frozenset(["the", "a", "an", "its", "his", "their", "our", "my", "your"])
# words that open an object or a reported clause: after a subject, the word before one must be
# a verb ("he additional that the talks", "Ivanov additional the clause")
CLAUSE_OBJECTS = frozenset(
    ["that", "the", "a", "an", "his", "her", "its", "their", "him", "them", "us", "me"]
)
# pronouns that open a relative clause, whose verb "more" or "most" may modify
RELATIVE_PRONOUNS = frozenset(["which", "who", "that", "what", "whom"])
# verbs that software writing uses as nouns, which WordNet lists as verbs only ("a bad commit",
# "after the install", "a merge of two branches"): never a noun slot's swapped verb
SOFTWARE_NOUNS = frozenset(
    [
        "commit",
        "commits",
        "install",
        "installs",
        "reinstall",
        "merge",
        "merges",
        "download",
        "downloads",
        "upload",
        "uploads",
        "reboot",
        "reboots",
        "deploy",
        "deploys",
    ]
)
# "more" in these phrases modifies a verb ("once more earn my living", "can no more allow")
ADVERBIAL_MORE = frozenset(["once", "no", "any", "never", "nevermore"])
# verbs whose object takes a bare infinitive ("let a child complicate it", "saw a man fall",
# "witnessed the tower collapse")
BARE_INFINITIVE_VERBS = frozenset(
    (
        *("let", "make", "have", "help", "bid"),  # causing and allowing
        *("see", "watch", "hear", "feel", "notice", "witness", "observe", "behold", "overhear", "perceive"),
    )
)
NOUN_PHRASE_WORDS = 4  # words between the determiner and the verb at most
# verbs that stand before their subject in a question or in older English ("now are they holy"):
# the word after the subject is their complement, not a verb the spinner replaced
INVERTED_VERBS = frozenset(
    ("am", "is", "are", "was", "were", "be", "art", "wast", "wert", "seem", "seemed", "become", "became")
)
# how much likelier (ln, about 20 times) a noun must make the sentence for a verb ending a noun
# phrase to be reported: a collective noun may take a plural verb ("the committee appear to")
PHRASE_END_GAIN = 3.0


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
    pair: tuple[str, float] | None = None  # a compound's first part, and how much likelier its usual pair is


def word_tags(form: str) -> set[str]:
    """The Penn tags the lexicon gives a lower-case word form (empty when unknown)."""
    return {tag for _, tag, _ in store.analyses(form)}


def _lemmas(form: str) -> set[str]:
    return {lemma for lemma, _, _ in store.analyses(form)} or {form}


def class_candidates(form: str, tag: str) -> list[tuple[str, str, float]]:
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
        gap = text[toks[k - 1].end : tok.start] if k else ""  # what stands between ``prev`` and the word
        after = text[tok.end : tok.end + 2]
        if after[:1] in QUOTE_MARKS and text[tok.start - 1 : tok.start] in QUOTE_MARKS:
            continue  # a word in quotes is mentioned, not used: 'type "unmask" to undo it'
        if w in run_together():
            continue  # two words run together ("coat incase it rains"): the typo family's TYP004
        if (after[:1] == "." and after[1:2].isalpha()) or (text[tok.start - 1 : tok.start] == "." and k):
            continue  # part of a dotted name: "receive.fsckObjects", "core.bare"
        kind = need = ""
        tags = word_tags(w)
        if not tags:
            continue
        if (
            k
            and _speaker(toks, lm, k, text)
            and (after[:1] == "." or (after[:1] == "," and _after_quote(toks, k, text)))
            and not tags & VERB_TAGS
            and "JJ" in tags
        ) or (
            k
            and _speaker(toks, lm, k, text)
            and not tags & (VERB_TAGS | {"RB"})
            and "JJ" in tags
            and k + 1 < len(toks)
            and lm[k + 1] in CLAUSE_OBJECTS
            and text[tok.end : toks[k + 1].start] == " "
            and pmi(w, prev) <= 0.0  # "he burnt them": a verb form the lexicon misses
        ):
            kind, need = "verb-slot", "VBD"
        elif (
            (
                prev in PREPOSITIONS
                and tags <= {"VB", "VBP"}
                and gap.isspace()  # "of--determine": a dash ends the phrase
                and (k + 1 < len(toks) or after[:1] in {".", ",", ";"})
            )
            and not _names_an_identifier(toks, k)
        ):
            kind, need = "noun-slot", "NN"
        elif (
            tags <= {"VB", "VBP"}
            and (
                prev in MORE_PREPOSITIONS
                or ((prev in NOUN_DETERMINERS or _possessive(prev)) and _closes_noun(toks, lm, k, text))
            )
            and gap == " "
            and (k + 1 < len(toks) or after[:1] in {".", ",", ";"})
            and not _names_an_identifier(toks, k)
        ):
            kind, need = "object-slot", "NN"
        elif (
            prev in {"more", "most"}
            and tags <= {"VB", "VBP"}
            and gap.isspace()
            and (k < 2 or lm[k - 2] not in ADVERBIAL_MORE)
            and not _has_subject(toks, lm, k - 1)
        ):
            kind, need = "adjective-slot", "JJ"
        elif _title(lm, toks, k):
            kind, need = "title", ""
        elif tags <= {"VB", "VBP"} and _ends_singular_phrase(toks, lm, k, text):
            kind, need = "phrase-end", "NN"
        if not kind:
            continue
        if kind in ("noun-slot", "object-slot") and _used_as_noun(prev, w):
            continue  # "before the reboot", "did the install": English uses the verb as a noun there
        if kind in ("noun-slot", "object-slot", "phrase-end") and w.lower() in SOFTWARE_NOUNS:
            continue  # "a bad commit to replay": a noun of software writing
        if kind == "title":
            cands = [
                (c.text, c.sources, c.prior)
                for c in store.candidates(w)
                if " " not in c.text and c.text not in FUNCTION_WORDS and known(c.text)
            ]
        elif kind == "phrase-end":
            cands = list(
                {c[0]: c for c in reversed(class_candidates(w, "JJ") + class_candidates(w, "NN"))}.values()
            )
        else:
            cands = class_candidates(w, need)
            if kind == "adjective-slot":
                for lemma in _lemmas(w):
                    vbn = store.inflect(lemma, "VBN") or store.inflect(lemma, "VBD")
                    if vbn and known(vbn):
                        cands.append((vbn, "=", 0.0))
        hit = slot_hit(kind, seq, k, tok, cands)
        if hit is not None and (kind != "phrase-end" or hit.delta >= PHRASE_END_GAIN):
            yield hit


def _used_as_noun(prev: str, word: str) -> bool:
    """Whether English pairs ``word`` with the determiner or preposition before it, so that the verb
    serves as a noun there: the trigram model sees the pair more often than chance ("the reboot"), or
    symspellpy's bigram counts hold it ("the install"); a spinner's swap ("for sustain") is unseen."""
    from repair.spelling.lexicon import lexicon  # deferred: opens the spelling index

    return pmi(word, prev) > 0.0 or lexicon().bigram(prev, word) > 0


def slot_hit(
    kind: str, seq: list[str], k: int, tok: Token, cands: list[tuple[str, str, float]]
) -> SlotHit | None:
    """The slot hit for the word at ``k`` with the model's choice among ``cands``, if any."""
    best = _choose(seq, k + 1, cands)
    if best is None:
        return None
    repl, src, delta, margin, alts = best
    return SlotHit(
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


def _ends_singular_phrase(toks: tuple[Token, ...], lm: tuple[str, ...], k: int, text: str) -> bool:
    """Whether the bare verb at ``k`` ends a singular noun phrase ("a rocket launch complicate
    leased to Russia", "the surface wind hasten and"): no subject agrees with it, so the word
    stands where the phrase's noun must.

    The phrase opens with a singular determiner ("a", "each"), or with "the", a possessive or
    "this"/"that" when the word before the verb is a singular noun; between the determiner and
    the verb stand one to four lower-case nouns and adjectives, joined by single spaces (a
    capitalised word may name a body that takes a plural verb: "the Society appear"). The
    phrase must open a clause: it follows the sentence start, a comma, dash, colon or
    parenthesis, or a verb other than those whose object takes a bare infinitive ("let a child
    complicate it"); after a preposition or "that" the verb may agree with an earlier subject
    ("people with a car drive more", "insist that each member vote").

    A verb followed by a noun phrase of its own takes an object ("a committee member ask the first
    question"): a writer's slip of agreement, not a noun the spinner replaced.
    """
    if k + 1 < len(toks) and lm[k + 1] in NOUN_DETERMINERS and text[toks[k].end : toks[k + 1].start] == " ":
        return False
    for d in range(k - 1, max(-1, k - 2 - NOUN_PHRASE_WORDS), -1):
        if text[toks[d].end : toks[d + 1].start] != " ":
            return False
        singular = lm[d] in SINGULAR_DETERMINERS or (
            lm[d] in DEFINITE_DETERMINERS and not word_tags(lm[k - 1]) & {"NNS", "JJ"}
        )
        if singular:
            return d < k - 1 and _opens_clause(toks, lm, d, text)
        if (
            lm[d] in FUNCTION_WORDS
            or not word_tags(lm[d]) & {"NN", "NNS", "JJ"}
            or not toks[d].text.islower()
        ):
            return False
    return False


def _possessive(word: str) -> bool:
    """Whether ``word`` is a noun's possessive ("Russia's"), not a contraction ("it's", "let's")."""
    return word.endswith("'s") and word[:-2] not in FUNCTION_WORDS and word != "let's"


def _closes_noun(toks: tuple[Token, ...], lm: tuple[str, ...], k: int, text: str) -> bool:
    """Whether what follows the word at ``k`` ends a noun phrase: a stop, a preposition, or a
    verb that cannot start a noun phrase."""
    if k + 1 >= len(toks) or set(text[toks[k].end : toks[k + 1].start]) & set(".,;:)!?"):
        return True
    nxt = lm[k + 1]
    if nxt in PREPOSITIONS or nxt in MORE_PREPOSITIONS:
        return True
    tags = word_tags(nxt)
    return bool(tags) and tags <= {"VBD", "VBN", "VBZ"}


def _opens_clause(toks: tuple[Token, ...], lm: tuple[str, ...], d: int, text: str) -> bool:
    """Whether the determiner at ``d`` opens a subject or a direct object (see
    :func:`_ends_singular_phrase`)."""
    if d == 0 or set(text[toks[d - 1].end : toks[d].start]) & set(",;:–—-("):
        return True
    before = lm[d - 1]
    return (
        before.isalpha()
        and before not in FUNCTION_WORDS
        and bool(word_tags(before) & VERB_TAGS)
        and not _lemmas(before) & BARE_INFINITIVE_VERBS
    )


def _has_subject(toks: tuple[Token, ...], lm: tuple[str, ...], k: int) -> bool:
    """Whether a subject pronoun or a relative pronoun stands before the word at ``k`` (past any
    adverbs): then "more" or "most" there modifies the verb after it ("what they most cherish",
    "which now most concern us"), not an adjective."""
    j = k - 1
    while j >= 0 and lm[j].isalpha() and "RB" in word_tags(lm[j]):
        j -= 1
    return j >= 0 and (lm[j] in SUBJECT_PRONOUNS or lm[j] in RELATIVE_PRONOUNS)


def _names_an_identifier(toks: tuple[Token, ...], k: int) -> bool:
    """Whether the word at ``k`` heads an identifier with digits ("for commit 5df2e90", "in build 42"):
    technical writing uses such verbs as nouns."""
    return k + 1 < len(toks) and any(c.isdigit() for c in toks[k + 1].text)


def _speaker(toks: tuple[Token, ...], lm: tuple[str, ...], k: int, text: str) -> bool:
    """Whether the word before ``k`` is a subject pronoun or a name, separated by a plain space."""
    prev = toks[k - 1]
    if text[prev.end : toks[k].start] != " " or "'" in lm[k - 1]:
        return False
    if k >= 2 and lm[k - 2] in INVERTED_VERBS and text[toks[k - 2].end : prev.start] == " ":
        return False  # the verb stands before its subject: "but now are they holy.", "were they glad?"
    # a capital letter alone names a key or a letter ("in A minor."), and a capitalised function
    # word opens a line of verse ("And wrought them"): neither is a speaker
    name = prev.text[:1].isupper() and k - 1 > 0 and len(prev.text) > 1 and lm[k - 1] not in FUNCTION_WORDS
    if name:
        # after a determiner the capitalised words are a noun phrase's modifiers or head, not a
        # speaker: "the American future.", "our Nation great.", "the Federal Government alone.";
        j = k - 1
        while j > 0 and toks[j - 1].text[:1].isupper() and lm[j - 1] not in FUNCTION_WORDS:
            j -= 1
        before = lm[j - 1] if j > 0 and text[toks[j - 1].end : toks[j].start] == " " else ""
        # ... and right after a preposition they are its object: "compared to England proper."
        name = not (
            before in NOUN_DETERMINERS
            or before in DEFINITE_DETERMINERS
            or before in PREPOSITIONS
            or before in MORE_PREPOSITIONS
            or before == "to"
        )
    # "it" is as often an object ("keep it alive."): a speaker only right after a quotation
    pronoun = lm[k - 1] in SUBJECT_PRONOUNS and (lm[k - 1] != "it" or _after_quote(toks, k, text))
    return pronoun or name


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
