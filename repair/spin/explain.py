"""Turn the spin family's evidence into findings a reviewer can check.

Every explanation names the candidate, the thesaurus that links it to the
written word, how strongly the trigram model prefers it (as "N times more
likely" in context) and the confidence.
"""

from __future__ import annotations

import math

from repair.model import Applicability, Category, Edit, Finding, finding
from repair.spin import combiner
from repair.spin.phrases import PhraseHit
from repair.spin.scan import Proposal
from repair.spin.slots import SlotHit

SWAP_SAFE = 0.6
SWAP_UNSAFE = 0.4
SWAP_SHOW = 0.4
SWAP_SHOW_SPUN = 0.05  # display threshold in a document with clear signs of spinning
SWAP_SHOW_WEAK = 0.1  # the same where weak swaps alone show the signs (no strong finding)
SWAP_UNSAFE_SPUN = 0.2  # unsafe band, with --unsafe-fixes, in a document with clear signs of spinning
SLOT_SAFE_DELTA = 5.0
SLOT_SAFE_MARGIN = 1.0
SLOT_SAFE_MARGIN_WIDE = 2.0  # the same for a slot that any noun synonym fits (the end of a noun phrase)
SLOT_UNSAFE_DELTA = 4.0
LISTED_SAFE_DELTA = 10.0  # log preference (about 22,000 times) that makes a listed correction safe
#: What an SPN005 finding for a phrase on the published list says of it (before " for '<original>'"
#: when the list names one).
LISTED = "is a published tortured phrase"


def link(written: str, candidate: str, sources: str) -> str:
    """Which thesaurus links the candidate to the written word, in words."""
    parts = []
    if "m" in sources:
        parts.append(f"Moby Thesaurus II lists '{written}' under '{candidate}'")
    if "r" in sources and "m" not in sources:
        parts.append(f"Moby Thesaurus II lists '{candidate}' under '{written}'")
    if "w" in sources:
        parts.append("WordNet 3.0 puts them in one synset")
    if "=" in sources:
        parts.append(f"'{candidate}' is another form of '{written}'")
    return "; ".join(parts) if parts else "no thesaurus link"


def times(delta: float) -> str:
    """A natural-log ratio as a readable factor."""
    if delta > 30:
        return "over a trillion times"
    factor = math.exp(delta)
    if factor >= 100:
        return f"about {round(factor, -int(math.log10(factor)) + 1):,.0f} times"
    return f"about {factor:.1f} times"


def finding_for_phrase(hit: PhraseHit, text: str) -> Finding:
    """SPN001 finding for a phrase-table match."""
    written = text[hit.start : hit.end]
    row = hit.row
    what = "tortured phrase" if row.kind == "tortured" else "known spinner swap"
    conf = 0.97 if row.safe else 0.85
    return finding(
        "SPN001",
        hit.start,
        hit.end,
        f"'{written}' is a {what} for '{row.original}'",
        replacement=hit.replacement,
        applicability=Applicability.SAFE if row.safe else Applicability.UNSAFE,
        confidence=conf,
        explanation=(
            f"The spinner phrase table lists '{row.spun}' as a {what} for '{row.original}' "
            f"(its context conditions hold here); confidence {conf:.2f}."
        ),
    )


def cased_like(correct: str, written: str) -> str:
    """``correct`` in the case of ``written``: words they share keep their written form ("CO2",
    "REM"); a title-case phrase gives a title-case correction; else a capital first letter carries."""
    src = written.split()
    same = {w.lower(): w for w in src}
    out = [same.get(w.lower(), w) for w in correct.split()]
    if len(src) > 1 and all(w[:1].isupper() for w in src):
        out = [w if w in src else w[:1].upper() + w[1:] for w in out]
    elif written[:1].isupper() and out:
        out[0] = out[0][:1].upper() + out[0][1:]
    return " ".join(out)


def finding_for_listed(
    start: int,
    end: int,
    written: str,
    correct: str,
    confirmed: bool,
    delta: float | None = None,
    derived: bool = False,
) -> Finding:
    """SPN005 finding for a phrase on the published tortured-phrase list.

    ``delta`` is the trigram model's log preference for the listed correction over the written
    phrase in context (None when not measured); at ``LISTED_SAFE_DELTA`` or more the fix is safe.
    ``derived``: the generator of originals (:func:`repair.spin.restore.choose`) reaches the
    listed correction on its own, clearly ahead of any other term: the fix is safe too.
    """
    preferred = bool(correct) and (derived or (delta is not None and delta >= LISTED_SAFE_DELTA))
    conf = 0.95 if confirmed else 0.92 if preferred else 0.8 if correct else 0.7
    replacement = cased_like(correct, written) if correct else correct
    fix = (Edit(start, end, replacement),) if correct else ()
    said = f"; the list gives '{correct}' as the original" if correct else "; the list names no original"
    if confirmed:
        said += ", and the thesaurus links each of its words to the word it replaced"
    elif correct and derived:
        said += (
            ", and thesaurus or learned swaps lead back to it from the written words, far ahead of any other "
            "established term"
        )
    elif correct and delta is not None:
        said += f", and the trigram model finds the words around it {times(delta)} more likely with it"
    return Finding(
        rule="SPN005",
        category=Category.SPIN,
        start=start,
        end=end,
        message=f"'{written}' {LISTED}" + (f" for '{correct}'" if correct else ""),
        fix=fix,
        applicability=(
            Applicability.SAFE
            if confirmed or preferred
            else Applicability.UNSAFE
            if correct
            else Applicability.DISPLAY
        ),
        confidence=conf,
        explanation=(
            f"'{written.lower()}' is on the Problematic Paper Screener's list of tortured phrases "
            f"(machine-paraphrased technical terms found in published papers){said}; confidence {conf:.2f}."
        ),
    )


def finding_for_slot(hit: SlotHit) -> Finding:
    """SPN003/SPN004 finding for a part-of-speech slot violation (SPN006 for a compound)."""
    if hit.kind == "compound":
        return finding_for_compound(hit)
    need = {
        "verb-slot": "a verb",
        "noun-slot": "a noun",
        "object-slot": "a noun",
        "adverb-slot": "an adverb that fits between 'have' and a participle",
        "adjective-slot": "an adjective",
        "phrase-end": "a noun",
        "title": "a title word",
    }[hit.kind]
    code = "SPN004" if hit.kind == "title" else "SPN003"
    linked = hit.sources != ""
    # where any noun synonym fits (a phrase's end, a further preposition's object) one must lead
    wide = hit.kind in {"phrase-end", "object-slot"}
    lead = SLOT_SAFE_MARGIN_WIDE if wide else SLOT_SAFE_MARGIN
    if hit.kind == "adverb-slot":  # weak evidence (older prose puts such adverbs there): shown only
        app = Applicability.DISPLAY
    elif hit.kind != "title" and linked and hit.delta >= SLOT_SAFE_DELTA and hit.margin >= lead:
        app = Applicability.SAFE
    elif hit.delta >= SLOT_UNSAFE_DELTA and linked and (not wide or hit.margin >= SLOT_SAFE_MARGIN):
        app = Applicability.UNSAFE
    else:
        app = Applicability.DISPLAY
    conf = round(min(0.99, 0.6 + 0.04 * max(hit.delta, 0.0)), 2)
    if hit.kind == "title":
        message = f"lower-case '{hit.written}' inside a title; did the spinner replace '{hit.replacement}'?"
    else:
        message = (
            f"'{hit.written}' stands where {need} is needed; did the spinner replace '{hit.replacement}'?"
        )
    return finding(
        code,
        hit.start,
        hit.end,
        message,
        replacement=hit.replacement,
        applicability=app,
        confidence=conf,
        explanation=(
            f"Candidate '{hit.replacement}': {link(hit.written.lower(), hit.candidate, hit.sources)}. "
            f"The trigram model finds the sentence {times(hit.delta)} more likely with "
            f"'{hit.replacement}' than with '{hit.written}'; confidence {conf:.2f}."
        ),
        alternatives=hit.alternatives,
    )


COMPOUND_UNSAFE_DELTA = 4.0  # context gain (ln) that makes a compound's repair unsafe
COMPOUND_SAFE_DELTA = 8.0  # and safe, with a clear lead over the next established candidate


def finding_for_compound(hit: SlotHit) -> Finding:
    """SPN006 finding for the swapped last part of a hyphenated compound."""
    head, gain = hit.pair or ("", 0.0)
    linked = hit.sources != ""
    clear = hit.margin >= SLOT_SAFE_MARGIN
    if linked and clear and hit.delta >= COMPOUND_SAFE_DELTA:
        app = Applicability.SAFE
    elif linked and clear and hit.delta >= COMPOUND_UNSAFE_DELTA:
        app = Applicability.UNSAFE
    else:
        app = Applicability.DISPLAY
    conf = round(min(0.97, 0.5 + 0.04 * max(hit.delta, 0.0)), 2)
    return finding(
        "SPN006",
        hit.start,
        hit.end,
        f"'{head}-{hit.written}' is no usual compound; did the spinner replace '{head}-{hit.replacement}'?",
        replacement=hit.replacement,
        applicability=app,
        confidence=conf,
        explanation=(
            f"Candidate '{hit.replacement}': {link(hit.written.lower(), hit.candidate, hit.sources)}. "
            f"The trigram model knows '{head} {hit.candidate}' as a pair ({times(gain)} more likely than "
            f"'{head} {hit.written.lower()}', which it sees no more often than chance) and finds the words "
            f"around it {times(hit.delta)} more likely with '{hit.replacement}'; confidence {conf:.2f}."
        ),
        alternatives=hit.alternatives,
    )


#: Topical fit (repair.spin.vectors) worth a word in the explanation.
TOPIC_NOTE = 0.1


def topic(prop: Proposal) -> str:
    """The word vectors' view of the passage, for the explanation (empty when they are neutral)."""
    if prop.fit >= TOPIC_NOTE:
        return f"; the passage's topic suits '{prop.replacement}' better (word vectors)"
    if prop.fit <= -TOPIC_NOTE:
        return f"; the passage's topic suits '{prop.written}' better (word vectors)"
    return ""


def built_on(written: str, replacement: str) -> bool:
    """Whether the written word is a longer word made on the candidate ("railcars" on "cars",
    "newsroom" on "news"): a narrower term the writer chose, which a safe fix must not generalise
    away, though a spinner may have written it."""
    w, r = written.lower(), replacement.lower()
    if " " in w or " " in r or len(w) < len(r) + 3:
        return False
    return w.endswith(r) or w.startswith(r)


def spells_out(written: str, replacement: str) -> bool:
    """Whether a written phrase holds a word of the one-word candidate's own stem ("metallic element"
    for "metal", "revolutions per minute" for "rev", "web log" for "blog"): the phrase spells the
    word out, as a definition or a glossary does, and the model's preference for the shorter word is
    no evidence of a swap."""
    words = written.lower().split()
    r = replacement.lower()
    if len(words) < 2 or " " in r:
        return False
    k = max(3, len(r) - 1)  # the candidate's stem: "meta" of "metal", "rev"
    # a longer word on the candidate's stem ("metallic", "revolutions"), or the candidate's end
    # ("log" of "blog"); not a shorter word the candidate is built on ("of import" for "important",
    # "object lens" for "objective": a spinner's phrases for those)
    return any(
        (len(w) > len(r) and w[:k] == r[:k]) or (len(r) > len(w) >= 3 and r.endswith(w)) for w in words
    )


# British words and the American words for the same thing ("windscreen", "windshield"): the trigram
# model is American, so it prefers the second in any British text; a British writer chose the first.
# Written from general knowledge of the two varieties, not from any benchmark set.
BRITISH_AMERICAN = frozenset(
    [
        ("autumn", "fall"), ("biscuit", "cookie"), ("bonnet", "hood"), ("boot", "trunk"),
        ("chemist", "pharmacy"), ("chemist", "drugstore"), ("cinema", "theater"), ("crisp", "chip"),
        ("dustbin", "trashcan"), ("film", "movie"), ("flat", "apartment"), ("football", "soccer"),
        ("fortnight", "week"), ("holiday", "vacation"), ("jumper", "sweater"), ("lift", "elevator"),
        ("lorry", "truck"), ("maths", "math"), ("motorway", "highway"), ("motorway", "freeway"),
        ("nappy", "diaper"), ("parcel", "package"), ("pavement", "sidewalk"), ("petrol", "gasoline"),
        ("petrol", "gas"), ("post", "mail"), ("postcode", "zipcode"), ("queue", "line"),
        ("railway", "railroad"), ("rubbish", "garbage"), ("rubbish", "trash"), ("shop", "store"),
        ("solicitor", "lawyer"), ("solicitor", "attorney"), ("sweet", "candy"), ("tap", "faucet"),
        ("timetable", "schedule"), ("torch", "flashlight"), ("trousers", "pants"), ("tin", "can"),
        ("underground", "subway"), ("waistcoat", "vest"), ("windscreen", "windshield"),
    ]
)  # fmt: skip


def regional(written_lemma: str, candidate: str) -> bool:
    """Whether the candidate is only the American word for the British one written."""
    return (written_lemma.lower(), candidate.lower()) in BRITISH_AMERICAN


def only_drops(written: str, replacement: str) -> bool:
    """Whether the candidate is the written phrase with words left out ("be found" -> "be",
    "defensive attitude" -> "defensive"): the model prefers fewer words in any text, so its
    preference is no evidence enough for a safe fix (old prose writes such phrases on purpose)."""
    w, r = written.lower().split(), replacement.lower().split()
    return len(r) < len(w) and all(x in w for x in r)


def _held_back(prop: Proposal) -> str:
    """Why a confident swap is still no safe fix, as the explanation says it, or "": a narrower
    word built on its candidate, a candidate that only drops words, an American word for a British
    one."""
    if built_on(prop.written, prop.replacement):
        return f"'{prop.written}' is a narrower word built on '{prop.replacement}'."
    if spells_out(prop.written, prop.replacement):
        return (
            f"'{prop.written}' spells '{prop.replacement}' out with a word of its own stem, as a definition "
            "or a glossary does."
        )
    if only_drops(prop.written, prop.replacement):
        return (
            f"'{prop.replacement}' only leaves words of '{prop.written}' out, which the model prefers in "
            "any text."
        )
    if regional(prop.lemma, prop.candidate):
        return (
            f"'{prop.replacement}' is the American word for the British '{prop.written}', which the model "
            "(American English) prefers in any text."
        )
    return ""


def finding_for_proposal(
    prop: Proposal,
    show: float = SWAP_SHOW,
    unsafe: float = SWAP_UNSAFE,
    held: str = "",
    shown_only: bool = False,
) -> Finding | None:
    """SPN002 finding for a reverse-thesaurus proposal, or None below the display threshold ``show``.

    ``unsafe`` is the lower bound of the unsafe band (the default band, or the wider one when
    the run applies unsafe fixes); below it, down to ``show``, the finding is display-only.
    ``held`` is the caller's reason, if any, to hold a confident fix back (unsafe, not safe);
    with ``shown_only`` the reason makes any fix display-only, and is given at any confidence.
    """
    conf = combiner.probability(prop)
    if conf < min(show, unsafe):
        return None
    held = (held or _held_back(prop)) if conf >= SWAP_SAFE else (held if shown_only else "")
    if conf >= SWAP_SAFE and not held and not shown_only:
        app = Applicability.SAFE
    elif conf >= unsafe and not shown_only:
        app = Applicability.UNSAFE
    else:
        app = Applicability.DISPLAY
    conf = round(min(conf, 0.999), 3)
    return finding(
        "SPN002",
        prop.start,
        prop.end,
        f"'{prop.written}' looks like a thesaurus swap for '{prop.replacement}'",
        replacement=prop.replacement,
        applicability=app,
        confidence=conf,
        explanation=(
            f"Candidate '{prop.replacement}': {link(prop.lemma, prop.candidate, prop.sources)}. "
            + (
                f"The trigram model has never seen '{prop.written}'; weighed by that word's own frequency, "
                f"the words around it are {times(prop.delta)} more likely with '{prop.replacement}'"
                if prop.unseen
                else f"The trigram model finds the words around it {times(prop.delta)} more likely with "
                f"'{prop.replacement}' than with '{prop.written}'"
            )
            + f" ({prop.n_candidates} candidates weighed)"
            + topic(prop)
            + f"; confidence {conf:.3f}."
            + (f" {'Shown only' if shown_only else 'Not applied by default'}: {held}" if held else "")
        ),
    )
