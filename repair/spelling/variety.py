"""Older and dialect spelling: marks of text that spells English another way on purpose.

An old document quoted in a history ("his wyfe was a goode woman"), a
ballad, or a passage of eye dialect in a novel ("I bould him so, walkin' home")
spells many words in a way no dictionary lists, and each of them is one or two
cheap edits from a modern word.  Taken one at a time they look like slips;
taken together they are a way of writing.  This module says, for one word of a
text, whether it is such a *mark*:

- an archaic function word ("thou", "hath", "ye", the Authorized Version's "unto" and "spake") or
  a dialect spelling of one ("yer", "wid");
- a verb in ``-eth`` ("singeth", "whistleth");
- an elision written with an apostrophe ("walkin'", "'tis", "o'", "seal'd");
- an unknown word that is a common word in an older spelling: a silent final
  ``-e`` ("saide", "repaire"), ``y`` for ``i`` ("wyfe"), ``-ie`` for ``-y``
  ("citie"), a doubled final ``-l`` ("generall"), ``u`` and ``v`` exchanged
  ("vnto", "haue"), ``-ick`` for ``-ic`` ("publick"), ``-our`` for ``-or``
  ("emperour"); or in eye dialect: ``th`` for ``t`` ("betther"), ``ould`` for
  ``old`` ("bould"), ``oi`` for ``i`` ("foine").

The word lists are small and hand-written from general knowledge of Early Modern
English and of the eye dialect of nineteenth-century fiction (see
``dictionaries/README.md``).  The patterns are deliberately ones a typist seldom
produces; a vowel for another ("sivin") is as often a slip, and is not a mark.
:meth:`repair.spelling.protect.DocWords.variant_marks` counts the marks near a word.
"""

from __future__ import annotations

from repair.spelling.lexicon import CORE, EXTRA, LISTED, Lexicon

# fmt: off
#: Function words of Early Modern English (and of verse and scripture that keep them) that modern
#: prose does not use.  Hand-written.  No slip of a modern word spells one of them.
ARCHAIC_WORDS = frozenset((
    "thee", "thou", "thy", "thine", "ye", "hath", "doth", "hast", "dost", "didst", "hadst", "shalt",
    "canst", "wouldst", "couldst", "shouldst", "mayst", "mightst", "wert", "wast", "quoth", "prithee",
    "methinks", "methought", "forsooth", "verily", "whilom", "thilke", "ne'er", "e'er", "o'er",
    # of the Authorized Version and the prose that echoes it
    "unto", "spake", "saith", "shew", "shewed", "shewn", "whither", "thither", "hither", "yea",
    "betwixt",
))
#: The commonest spellings of eye dialect in fiction.  Hand-written.  A child's or a hurried
#: writer's slip may spell one of them ("wuz", "wot"), so they count only beside other marks.
DIALECT_WORDS = frozenset((
    "yer", "yez", "yous", "wid", "av", "sez", "shure", "ter", "gwine", "dat", "dey", "dem",
    "wuz", "wot", "mebbe", "allus", "summat", "nowt", "afeard", "agin", "ould", "nuthin", "somethin",
    "nothin", "anythin", "everythin", "jist", "oncet", "twict",
    # Irish speech in Victorian fiction ("niver", "wance", "afther"); a German's ("vill", "vhat")
    "niver", "iver", "wance", "divil", "afther", "wint", "vill", "vould", "vhat", "vhen", "vith",
))
#: Words that, after an apostrophe, are elided forms: "'tis", "'em", "the little 'uns".
AFTER_APOSTROPHE = frozenset((
    "tis", "twas", "twere", "twill", "twould", "em", "ee", "ud", "ow", "appen", "un", "uns",
))
#: Words that, before an apostrophe, are elided forms: "o'", "th'", "mysel'".
BEFORE_APOSTROPHE = frozenset((
    "o", "th", "an", "wi", "ol", "jes", "fo", "gi", "mysel", "yoursel", "himsel", "hersel", "ne", "e",
    "ca", "las", "nex", "ole", "tha", "ter",
))
# fmt: on

#: A modern word a variant spelling stands for must be at least this common (Zipf).
COMMON_ZIPF = 3.5
#: An elided past tense ("accurs'd") is read as one when its "-ed" form is a dictionary word this
#: frequent: a slip seldom spells a word before "'d".
ELIDED_ZIPF = 1.5
#: A word at or above this frequency is a word of its own, not a variant spelling (Zipf; the
#: frequency from which the misspelling rule calls a word real, protect.KNOWN_ZIPF).
OWN_ZIPF = 3.0
# fmt: off
#: Pronouns and the like whose "'d" is the modern "had" or "would" ("she'd", "who'd").
_MODERN_D = frozenset((
    "he", "she", "we", "you", "they", "i", "it", "who", "that", "there", "what", "where", "how", "why",
    "when", "this", "one",
))
# fmt: on


def _common(word: str, lex: Lexicon) -> bool:
    return _listed(word, lex, COMMON_ZIPF)


def _listed(word: str, lex: Lexicon, zipf: float) -> bool:
    """Whether a dictionary word list holds ``word`` and it is at least ``zipf`` frequent."""
    z, flags = lex.info(word)
    return bool(flags & (CORE | EXTRA)) and z >= zipf


def old_spelling(low: str, lex: Lexicon) -> str | None:
    """The common word that ``low`` (an unknown lower-case word) spells the old or dialect way,
    by one of the patterns of this module, or None."""
    n = len(low)
    if n < 3 or not low.isalpha() or not low.isascii():
        return None
    z, flags = lex.info(low)
    if flags & LISTED or z >= OWN_ZIPF:
        return None
    cands: list[str] = []
    if low.endswith("e") and n >= 4:
        cands.append(low[:-1])  # saide, repaire
        if n >= 5 and low[-2] == low[-3] and low[-2] not in "aeiou":
            cands.append(low[:-2])  # shoppe, sonne
    if "y" in low[1:-1]:
        cands.append(low[0] + low[1:-1].replace("y", "i") + low[-1])  # wyfe, lyfe
    if low.endswith("ie") and n >= 4:
        cands.append(low[:-2] + "y")  # citie, anie
    if low.endswith("ll") and n >= 5:
        cands.append(low[:-1])  # generall, usuall
    if low.endswith("ick") and n >= 6:
        cands.append(low[:-1])  # publick, logick
    if low.endswith("our") and n >= 6:
        cands.append(low[:-3] + "or")  # emperour
    if low[0] == "v" and low[1:2] not in "aeiouy":
        cands.append("u" + low[1:])  # vnto, vpon
    for k in range(1, n - 1):
        if low[k] == "u" and low[k - 1] in "aeio" and low[k + 1] in "aeio":
            cands.append(low[:k] + "v" + low[k + 1 :])  # haue, euery
    k = low.find("th", 1)
    if k > 0:
        cands.append(low[: k + 1] + low[k + 2 :])  # wather, betther
    if "ould" in low and "would" not in low and "could" not in low and "should" not in low:
        cands.append(low.replace("ould", "old", 1))  # bould, ould
    if "oi" in low[1:]:
        cands.append(low[0] + low[1:].replace("oi", "i", 1))  # foine, moind
    for c in cands:
        if c != low and _common(c, lex):
            return c
    return None


def is_mark(text: str, before: str, after: str, lex: Lexicon, spellings: bool = True) -> bool:
    """Whether a word token is a mark of older or dialect spelling.

    ``before`` and ``after`` are the characters just before and after the token in the text
    ("" at its ends): an apostrophe there makes an elision ("'tis", "walkin'").  With
    ``spellings``, a lower-case unknown word that is an old spelling of a common one
    (:func:`old_spelling`) is a mark too; OCR damage makes such words ("Hille", "tage"), so a
    caller leaves them out in damaged text.
    """
    if own_mark(text, before, after, lex) or text.lower() in DIALECT_WORDS:
        return True
    return spellings and text.islower() and old_spelling(text, lex) is not None


def own_mark(text: str, before: str, after: str, lex: Lexicon) -> bool:
    """Whether a word token is a mark of older or dialect spelling that no slip makes: a word of
    :data:`ARCHAIC_WORDS`, an elision, a verb in ``-eth``; such a word is never corrected."""
    low = text.lower().replace("’", "'")
    if low in ARCHAIC_WORDS:
        return True
    apostrophe_after = after in ("'", "’")
    if apostrophe_after and (low in BEFORE_APOSTROPHE or (low.endswith("in") and _common(low + "g", lex))):
        return True  # o', th', walkin', nothin'
    if before in ("'", "’") and low in AFTER_APOSTROPHE:
        return True  # 'tis, 'em
    if low.endswith("'d"):
        base = low[:-2]
        if len(base) < 3 or base in _MODERN_D:
            return False
        # seal'd, carry'd, lov'd, accurs'd: the old past tense of a word the dictionary has
        forms = (base + "ed", base + "d", base[:-1] + "ied" if base.endswith("y") else "")
        return any(f and _listed(f, lex, ELIDED_ZIPF) for f in forms)
    if "'" in low:
        # a contraction of an archaic pronoun: "ye're", "ye'll", "thou'rt"
        return low.split("'")[0] in ARCHAIC_WORDS
    if low.endswith("eth") and len(low) >= 6 and not low.endswith("tieth"):
        stem = low[:-3]
        doubled = len(stem) >= 3 and stem[-1] == stem[-2] and stem[-1] not in "aeiou"
        # whistleth, flieth, and a doubled consonant: letteth, sitteth, beginneth
        stems = (stem, stem + "e", stem[:-1] + "y" if stem.endswith("i") else "")
        stems += (stem[:-1],) if doubled else ()
        if lex.zipf(low) < 3.0 and any(s and _common(s, lex) for s in stems):
            return True  # singeth, whistleth, flieth
    return False


#: A block of verse: at least this many lines, none longer than ``VERSE_LINE`` characters, at least
#: ``VERSE_CAPITALS`` of them opening with a capital, and one going on to the next after a comma or a
#: semicolon (a list of short entries ends each line with its sentence, or with nothing).
VERSE_LINES = 4
VERSE_LINE = 60
VERSE_CAPITALS = 0.75


def verse_blocks(text: str) -> list[tuple[int, int]]:
    """The (start, end) spans of the blocks of ``text`` (lines between blank lines) set as verse."""
    out: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []  # (start, end) of each line of the block being read
    pos = 0
    for line in text.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        if body.strip():
            block.append((pos, pos + len(body)))
        else:
            _close(text, block, out)
            block = []
        pos += len(line)
    _close(text, block, out)
    return out


def _close(text: str, block: list[tuple[int, int]], out: list[tuple[int, int]]) -> None:
    """Add the span of ``block`` (its lines' spans) to ``out`` when it is set as verse."""
    if len(block) < VERSE_LINES:
        return
    lines = [text[a:b].strip() for a, b in block]
    if max(map(len, lines)) > VERSE_LINE:
        return
    capitals = sum(1 for line in lines if line.lstrip("\"'“‘(").strip()[:1].isupper())
    runs_on = any(line.endswith((",", ";")) for line in lines[:-1])
    if capitals >= VERSE_CAPITALS * len(lines) and runs_on:
        out.append((block[0][0], block[-1][1]))
