"""OCR family, look-alike glyphs: a letter read as another character of the same shape (OCR011).

In many typefaces a capital I and a small l are one vertical stroke, and the digits 1 and 0 are
drawn like l and o.  OCR engines (and the OCR of film subtitles above all) pick the wrong one:
"wiII" and "aII" for "will" and "all", "Iittle" for "little", "l'm" for "I'm", "lt was" for "It
was" at a sentence's start, and in scanned text "g0ing" and "1ittle".  The spelling rules never see
these: a word with a capital inside it is a name or an identifier to them, a token with a digit is
a number, and "lt" and "ln" are abbreviations wordfreq counts.
"""

from __future__ import annotations

from collections.abc import Iterator
from itertools import product

from repair.detectors.ocr.structure import ocr_noise
from repair.document import Document
from repair.model import Applicability, Category, Example, Finding, finding
from repair.patterns import lazy
from repair.registry import rule
from repair.spelling import context
from repair.spelling import lexicon as lexicon_mod
from repair.spelling.protect import DocWords, doc_words, foreign_context, left_context, right_context

OCR011_DOC = """Look-alike glyph inside a word: a capital I read for a small l ("wiII", "Iittle"),
a small l for a capital I ("l'm", "lt was" at a sentence's start), or, in OCR-damaged text, the
digits 1 and 0 for l and o ("1ittle", "g0ing").

## What it does
Flags a word that is no word as written and becomes one when a character is
read as the glyph of the same shape:
- a capital I after a small letter ("wiII", "aII", "fauIt", "we'II") or one
  opening a word of small letters ("Iittle", "Iike"), read as a small l;
- a small l standing for the pronoun in a contraction ("l'm", "l'll", "l've",
  "l'd"), or alone before a word where the trigram model wants the pronoun
  far more than a letter ("why l came"; not "the length l of");
- a small l opening a sentence (also after one closed inside brackets or
  quotes: "…theme.) ln our days") where a capital I makes a far commoner word
  ("lt was", "ln the end", "lf so", "lnto the night");
- in a document that shows other OCR damage (not in technical writing), the
  digit 1 read for l or i and 0 for o inside a word of letters ("1ittle",
  "g0ing", "wi11").

A capital I inside a word is read whenever the word it makes is in the word
lists (one of three letters or fewer must be common: "aII", but no "DoI"), since
no word has one there, and in a name when the text writes the name elsewhere as
it reads ("RaveneI" beside "Ravenel").  A capital I opening small letters, a small l opening a
sentence and a digit are read only when the new word is common and the trigram
model reads it better in its sentence than the word as written; a capitalised
word before another one ("Ioan Gruffudd") is a name, and so is one the text
uses again, unless it shows the damage elsewhere.  Left alone: a word quoted
alone (mentioned, not used), one after a backslash or a dot (an escape, a file's
extension), words under three letters or in capitals ("pI", "IIT"), versions
("pr1") and numeronyms ("a11y", "l10n").

## Why is this bad?
Spelling checkers pass these words by: a capital inside a word reads as a
name or an identifier, a digit as a number, and "lt" and "ln" are
abbreviations.  Search, readers and language models see a word that is not
there.

## Example
```
You wiII see that it was aII his fauIt.
```

## Use instead
```
You will see that it was all his fault.
```

## Fix safety
Safe: in print the two glyphs are the same stroke, the word as written is none,
and the word the glyph makes fits its sentence better.  A word opening with a
capital I that the context reads only somewhat better is an unsafe fix.
"""

#: The word the look-alike makes must be at least this common (Zipf) ...
WORD_ZIPF = 3.0
#: ... unless a capital I inside a word was read, which no word has ("meIodious"): then any word of
#: the word lists will do.  Technical writing is no exception: the damage itself reads as camelCase
#: names ("kindIing") to the test for it, and a name's halves seldom join into a word with an l.
INNER_ZIPF = 0.0
#: A word of ``SHORT`` letters or fewer must make a word this common ("aII", "oId"; no "DoI" for "Dol");
#: a shorter one than ``MIN_LENGTH`` is left alone ("pI", "eI": symbols, and base64's letters).
SHORT = 3
SHORT_ZIPF = 4.0
MIN_LENGTH = 3
#: ... and, for a capitalised word read with a small l ("Iittle"), this common, unless the text shows
#: the damage elsewhere: a rarer one is as likely a name's neighbour.
CAPITAL_WORD_ZIPF = 3.5
#: A small l opening a sentence reads as a capital I when the I-word is this common (Zipf) and this
#: many Zipf units commoner than the word as written ("lt" 4.2, "it" 7.0; "lon" 2.5, "ion" 4.0: no).
I_WORD_ZIPF = 4.0
I_WORD_LEAD = 2.0
#: How much better (log10) the trigram model must read the new word than the one as written: at
#: least ``GAIN`` for any finding, ``SAFE_GAIN`` for a word opening with a capital I to be safe.
GAIN = 1.0
SAFE_GAIN = 2.0
#: A small l opening a sentence needs more: the model favours "It", "In" and "If" at any sentence's
#: start over a word it scores by frequency alone ("lt was" 6.0, "ln the end" 5.4, but "ls lists the
#: files" 2.7 and "ln creates a link" 3.3, where a command is named).
SENTENCE_GAIN = 4.5
#: A lone small l is the pronoun I where the model reads "I" this much better (log10): "why l came"
#: 6.8, "If l know him" 4.6; "the length l of" 0.4, "Press the l key" 1.6, "Let l be a line" 1.0.
PRONOUN_GAIN = 4.0
#: A word with look-alike digits needs this many letters besides them and this length ("a11" for
#: "all", but no "t0" or "1n", which name variables and units as often).
DIGIT_LETTERS = 2
DIGIT_LENGTH = 3
#: Digits only at a word's end ("wi11", "pr1") make it a version or a name unless the word read is
#: this common ("will", "all"; no "pri").
SUFFIX_ZIPF = 5.0
#: At most this many look-alike characters in a word (each read two ways at most).
MAX_GLYPHS = 4

#: The pronoun I in a contraction, its I read as a small l: "l'm", "l’ll", "l'II".
_PRONOUN = lazy(r"l(['’])(m|ll|II|ve|d)")
#: A contraction's "ll" read as two capitals: "we'II", "I’II", "it'II".
_WILL = lazy(r"(\p{L}\p{Ll}*)['’](II)")
#: A word of letters with look-alike digits in it.
_DIGITS = lazy(r"[\p{L}01]*[01][\p{L}01]*")
#: A text with this many look-alikes found in plain cases ("wiII", "l'm") is no technical writing,
#: whatever the test for it says: those words read as camelCase names to it.
GLYPH_DAMAGE = 3
#: What a contraction adds to a word read with a capital I: "lt's", "lt'll".
_CONTRACTED = frozenset(("s", "ll", "d"))
_NEXT_SMALL = lazy(r" \p{Ll}")  # a lower-case word after a lone l: "l came", not "l." or "l = 2"
_QUOTES = frozenset("\"'`“‘")
_UNQUOTES = frozenset("\"'`”’")
_OPENERS = frozenset("\"'“‘(")
_CLOSERS = frozenset(")]”’")
#: A double quotation mark opening a quotation after a comma ('she said, "'); after a closing quote
#: and a comma ('"apple", "lemon"') it opens the next item of a list, in lower case.
_QUOTATION_OPENS = frozenset(('"', "“"))
_NUMERONYM = lazy(r"\p{L}(?!00)\d\d+\p{L}{1,2}")  # "a11y", "l10n"; no count is "00" ("g00d")
_READINGS = {"I": ("l",), "1": ("l", "i"), "0": ("o",)}


def i_reading(word: str, lex: lexicon_mod.Lexicon) -> str | None:
    """The word a small l opening ``word`` makes when read as a capital I ("lt" -> "It", "lnto" ->
    "Into"), when that word is common and far commoner than ``word``; else None."""
    if len(word) < 2 or word[0] != "l" or not word[1:].isalpha() or not word[1:].islower():
        return None
    zipf = lex.zipf("i" + word[1:])
    if zipf < I_WORD_ZIPF or lex.zipf(word) > zipf - I_WORD_LEAD:
        return None
    return "I" + word[1:]


def _i_word(word: str, lex: lexicon_mod.Lexicon) -> str | None:
    """:func:`i_reading` of ``word``, or of the word before its contraction ("lt's" -> "It's")."""
    base, mark, tail = word.replace("’", "'").partition("'")
    reading = i_reading(base, lex)
    if reading is None or (mark and tail not in _CONTRACTED):
        return None
    return reading + word[len(base) :]


def opens_sentence(text: str, start: int) -> bool:
    """Whether the word at ``start`` opens a sentence: the text's or a paragraph's first, the first
    after a sentence's end (quotes and brackets aside, on either side of the end mark) or after a
    dash that opens a line of dialogue.  Unlike
    :func:`repair.tokenize.is_sentence_start` a line's start is none: a line of wrapped prose goes on
    with its sentence ("and then\nlt was")."""
    k = start - 1
    while k >= 0 and (text[k].isspace() or text[k] in _OPENERS):
        if text[k - 1 : k + 1] in ("\n\n", "\r\r") or text[k - 2 : k + 1] == "\n\r\n":
            return True  # a blank line before: a paragraph's first word
        k -= 1
    if k >= 0 and text[k] in "-\u2013\u2014":
        j = k - 1
        while j >= 0 and text[j] in " \t":
            j -= 1
        if j < 0 or text[j] in "\r\n":
            return True  # a line of dialogue opened by a dash: "- lt's too late", as subtitles set it
    if k >= 0 and text[k] in _CLOSERS:
        while k >= 0 and text[k] in _CLOSERS:
            k -= 1  # a sentence closed inside brackets or quotes: "on one theme.) ln our days"
        return k >= 0 and text[k] in ".!?…"
    if (
        k >= 1
        and text[k] == ","
        and text[k + 1 : start].strip() in _QUOTATION_OPENS
        and text[k - 1].isalpha()
    ):
        return True  # a quotation after a comma opens its own sentence: 'she said, "lt was late"'
    return k < 0 or text[k] in ".!?…:"


def _opens_sentence(text: str, start: int, word: str) -> bool:
    """Whether the word at ``start`` opens a sentence and another word follows it ("lt was"); not a
    name after a dot ("process.release.lts")."""
    if start and not text[start - 1].isspace() and text[start - 1] not in _OPENERS:
        return False
    after = text[start + len(word) : start + len(word) + 2]
    return len(after) == 2 and after[0] == " " and after[1].isalnum() and opens_sentence(text, start)


def sentence_i(text: str, start: int, word: str, lex: lexicon_mod.Lexicon) -> str | None:
    """:func:`i_reading` for a word at ``start`` that opens a sentence and goes on with another word
    ("lt was"): the capital I misread, which OCR011 owns (the spelling rules read a small "i")."""
    reading = _i_word(word, lex)
    return reading if reading is not None and _opens_sentence(text, start, word) else None


def _l_part(part: str) -> tuple[str, ...]:
    """The readings of one word (no hyphen) with its capital I's read as small l's: every I after a
    small letter or another I, one after a capital opening small letters ("GIorious"), and an I
    opening small letters either way ("ItaIian": "Italian"; "Iittle": "little"); the part itself
    when it has none to read."""
    if (
        "I" not in part
        or not any(c.islower() for c in part)
        or any(c.isupper() and c != "I" for c in part[1:])
    ):
        return (part,)  # a word in capitals, or with another capital inside it ("McDonald")
    # an I after a small letter or after an I so read; or second, after a capital, before small
    # letters ("GIorious", "AIready": no "AIs" or "UIs", which are short)
    chars = [part[0]]
    for k, c in enumerate(part[1:]):
        after_small = part[k].islower() or (part[k] == "I" and chars[k] == "l")  # "wiII", not "IIIs"
        second = k == 0 and len(part) >= 4 and part[2:3].islower()
        chars.append("l" if c == "I" and (after_small or second) else c)
    tail = "".join(chars[1:])
    out = [part[0] + tail]
    if part[0] == "I" and part[1:2].islower():
        out.append("l" + tail)
    return tuple(out)


def l_reading(word: str, lex: lexicon_mod.Lexicon, min_zipf: float = 0.0) -> tuple[str, bool] | None:
    """The dictionary word ``word`` makes with its capital I's read as small l's ("wiII" -> "will",
    "couIdn't" -> "couldn't", "weII-known" -> "well-known", "Iittle" -> "little"), and whether an I
    inside a word was read (not only one opening it, which a name may have: "Ioan"); None when no
    reading is a word of the word lists at least ``min_zipf`` common, or ``word`` needs none."""
    if "I" not in word or not word.replace("'", "").replace("’", "").replace("-", "").isalpha():
        return None
    parts = word.split("-")
    # a part opening with a capital I that is a word as written is one ("Ian", "Iowa", "It")
    options = [
        (part,) if part[:1] == "I" and "I" not in part[1:] and _known(part, lex) else _l_part(part)
        for part in parts
    ]
    for choice in product(*options):
        reading = "-".join(choice)
        if reading == word:
            continue
        read = [(old, new) for old, new in zip(parts, choice, strict=True) if old != new]
        if all(_known(new, lex) and lex.zipf(new.lower()) >= min_zipf for _, new in read):
            inner = any(new[1:] != old[1:] for old, new in read)
            return reading, inner
    return None


def _digit_readings(word: str) -> list[str]:
    """The words of letters ``word`` makes with its 1s read as l or i and its 0s as o."""
    spots = [k for k, c in enumerate(word) if c in "01"]
    if not spots or len(spots) > MAX_GLYPHS:
        return []
    out = []
    for choice in product(*(_READINGS[word[k]] for k in spots)):
        chars = list(word)
        for k, c in zip(spots, choice, strict=True):
            chars[k] = c
        out.append("".join(chars))
    return out


def _intact_name(dw: DocWords, word: str) -> str | None:
    """The name ``word`` makes with a capital I after a small letter read as a small l, when the
    document writes that name elsewhere as it is ("RaveneI" beside "Ravenel"); no word list holds a
    name, but the text's own spelling of it is evidence enough."""
    if len(word) < MIN_LENGTH or not word.isalpha() or not word[:1].isupper() or "I" not in word[1:]:
        return None
    for reading in _l_part(word):
        if reading != word and dw.texts[reading] and not dw.texts[word] > dw.texts[reading]:
            return reading
    return None


def _known(word: str, lex: lexicon_mod.Lexicon) -> bool:
    """Whether a word list holds ``word`` (wordfreq alone counts OCR's own output: "iike", "lndia"),
    or the word before its possessive "'s"."""
    low = word.lower().replace("’", "'")
    return bool(lex.info(low)[1] or (low.endswith("'s") and lex.info(low[:-2])[1]))


def _gain(dw: DocWords, i: int, written: str, reading: str, lex: lexicon_mod.Lexicon) -> float:
    """How much better (log10) the trigram model reads ``reading`` than ``written`` at token ``i``."""
    left, right = left_context(dw, i), right_context(dw, i)
    new, old = context.slot_scores(
        left,
        ((reading.lower(), lex.zipf(reading.lower())), (written.lower(), lex.zipf(written.lower()))),
        right,
    )
    return new - old


def _name_follows(dw: DocWords, i: int) -> bool:
    """Whether a capitalised word follows token ``i`` on its line: "Ioan Gruffudd"."""
    if i + 1 >= len(dw.tokens):
        return False
    nxt = dw.tokens[i + 1]
    gap = dw.doc.masked[dw.tokens[i].end : nxt.start]
    return gap in (" ", "\t") and nxt.text[:1].isupper()


@rule(
    "OCR011",
    "ocr.lookalike-glyph",
    Category.OCR,
    doc=OCR011_DOC,
    examples=[
        Example("You wiII see that it was aII his fauIt.", "You will see that it was all his fault."),
        Example("She said that l'm late again.", "She said that I'm late again."),
        Example(
            "The road was long. lt was late when we came home.",
            "The road was long. It was late when we came home.",
        ),
        Example("Her Iittle brother ran after the dog.", "Her little brother ran after the dog."),
        Example(
            "The infor- mation came late, and the men were g0ing home.",
            "The infor- mation came late, and the men were going home.",
        ),
    ],
    clean=[
        "Ioan Gruffudd and Ian McIlroy met in Iowa.",
        "It was late. In the end we left.",
        "Run ls to list the files.",
        "The a11y team and the l10n team met at 10am.",
    ],
)
def lookalike_glyphs(doc: Document) -> Iterator[Finding]:
    """Capital I, small l and the digits 1 and 0 read for each other inside words (OCR011)."""
    dw = doc_words(doc)
    if not dw.tokens:
        return
    lex = dw.lex
    text = doc.masked
    # the plain cases first: they also show that the document has this damage
    found: list[Finding] = []
    later: list[tuple[int, str, str]] = []  # (token, reading, kind) of the cases that need evidence
    kinds: dict[str, tuple[str, str, bool] | None] = {}  # what each distinct word may be, position aside
    for i, tok in enumerate(dw.tokens):
        word = tok.text
        if word[0] != "l" and "I" not in word and "0" not in word and "1" not in word:
            continue  # most words: no glyph to read
        if word in kinds:
            shape = kinds[word]
        else:
            shape = _kind(word, lex)
            if shape is None and (intact := _intact_name(dw, word)) is not None:
                shape = ("name", intact, True)  # "RaveneI" where the text writes "Ravenel"
            kinds[word] = shape
        if shape is None:
            continue
        what, reading, inner = shape
        before = text[tok.start - 1 : tok.start]
        if before in _QUOTES and text[tok.end : tok.end + 1] in _UNQUOTES:
            continue  # a word quoted alone is mentioned, not used: 'OCR reads "will" as "wiII"'
        if before in ("\\", "."):
            continue  # "\fI", "fontmap.cI": an escape, a file's extension
        if what == "pronoun":
            found.append(_pronoun(tok.start, tok.end, word, reading))
        elif what == "will":
            found.append(_contraction(tok.start + len(word) - 2, word))
        elif what == "l" and inner:
            found.append(_glyph(tok.start, tok.end, word, reading, lex, Applicability.SAFE, "inner"))
        elif what == "name":
            found.append(_glyph(tok.start, tok.end, word, reading, lex, Applicability.SAFE, "name"))
        elif what == "l":
            later.append((i, reading, "capital"))
        elif what == "sentence":
            if _opens_sentence(text, tok.start, word):
                later.append((i, reading, "sentence"))
        elif what == "alone":
            if _NEXT_SMALL.match(text, tok.end) and not (i and dw.tokens[i - 1].text.isdigit()):
                later.append((i, reading, "alone"))  # "why l came"; not "5 l of water"
        else:
            later.append((i, "", "digits"))
    damaged = bool(found) or ocr_noise(doc) >= 1
    # the damage itself reads as camelCase names to the test for technical writing ("kindIing")
    technical = doc.technical and len(found) < GLYPH_DAMAGE
    yield from found
    for i, reading, kind in later:
        tok = dw.tokens[i]
        word = tok.text
        if kind == "alone":
            # the pronoun alone: where the model wants "I" far more than a letter ("why l came"); a
            # variable or a letter named reads no better as "I" ("the length l of", "the letter l is")
            if technical or _gain(dw, i, word, reading, lex) < PRONOUN_GAIN:
                continue
            yield _glyph(tok.start, tok.end, word, reading, lex, Applicability.SAFE, "alone")
        elif kind == "sentence":
            if len(word) == 2 and technical:
                continue  # "ls", "ln" and "lf" are commands and codes in technical writing
            if (
                foreign_context(dw, lex, i, neighbours=False)
                or _gain(dw, i, word, reading, lex) < SENTENCE_GAIN
            ):
                continue
            yield _glyph(tok.start, tok.end, word, reading, lex, Applicability.SAFE, "sentence")
        elif kind == "capital":
            # "Iittle": a capital I opening small letters, no word as written; a name unless the
            # context says otherwise
            floor = INNER_ZIPF if damaged else CAPITAL_WORD_ZIPF  # in damaged text any listed word
            if lex.zipf(reading.lower()) < floor or _name_follows(dw, i):
                continue
            if dw.counts[word.lower()] > 1 and not damaged:
                continue  # a name the text uses again
            if foreign_context(dw, lex, i, neighbours=False):
                continue
            gain = _gain(dw, i, word, reading, lex)
            if gain < GAIN:
                continue
            safe = Applicability.SAFE if gain >= SAFE_GAIN else Applicability.UNSAFE
            yield _glyph(tok.start, tok.end, word, reading, lex, safe, "capital")
        elif damaged and not technical:
            yield from _digits(dw, i, lex)


def _kind(word: str, lex: lexicon_mod.Lexicon) -> tuple[str, str, bool] | None:
    """What a word may be wherever it stands: (``alone``, "I", _) for a lone "l"; (``pronoun``, the
    verb's part, _) for "l'm"; (``will``, "", _) for "we'II"; (``l``, its reading, whether an I inside
    it was read) for "wiII" and "Iittle"; (``sentence``, its reading, _) for "lt" (if it opens a
    sentence); (``digits``, "", _) for a word with the digits 1 or 0; None for the rest."""
    first = word[0]
    if word == "l":
        return "alone", "I", False
    if first == "l" and (m := _PRONOUN.fullmatch(word)) is not None:
        return "pronoun", m.group(2), False
    if "II" in word and _WILL.fullmatch(word) is not None:
        return "will", "", False
    if ("I" in word[1:] or (first == "I" and word[1:2].islower())) and len(word) >= MIN_LENGTH:
        read = l_reading(word, lex, INNER_ZIPF if len(word) > SHORT else SHORT_ZIPF)
        return None if read is None else ("l", *read)
    if first == "l":
        capital = _i_word(word, lex)
        return None if capital is None else ("sentence", capital, False)
    if ("0" in word or "1" in word) and not word.isdigit() and _DIGITS.fullmatch(word) is not None:
        return "digits", "", False
    return None


def _digits(dw: DocWords, i: int, lex: lexicon_mod.Lexicon) -> Iterator[Finding]:
    """A word with the digits 1 or 0 read for letters ("g0ing", "1ittle"), in damaged text."""
    tok = dw.tokens[i]
    word = tok.text
    if _NUMERONYM.fullmatch(word):
        return  # "a11y", "l10n": a word shortened to its ends and the count of letters between
    if word[0] == "1" and _known(word[1:], lex):
        return  # "1am", "1have": the pronoun I run on to its verb (OCR004)
    letters = sum(c.isalpha() for c in word)
    if (
        letters < DIGIT_LETTERS
        or len(word) < DIGIT_LENGTH
        or not all(c.islower() for c in word[1:] if c.isalpha())
    ):
        return
    # digits only at the end ("pr1", "beta6") mark a version or a name unless a very common word is read
    suffix_only = word[0] not in "01" and word.rstrip("01").isalpha()
    floor = SUFFIX_ZIPF if suffix_only else WORD_ZIPF
    readings = [r for r in _digit_readings(word) if _known(r, lex) and lex.zipf(r.lower()) >= floor]
    if not readings or foreign_context(dw, lex, i, neighbours=False):
        return
    scored = sorted(((_gain(dw, i, word, r, lex), r) for r in readings), reverse=True)
    gain, best = scored[0]
    if gain < GAIN or (len(scored) > 1 and gain - scored[1][0] < GAIN):
        return
    if word[0] == "0" and opens_sentence(dw.doc.masked, tok.start):
        best = "O" + best[1:]  # a zero is as tall as a capital O: "0nly" opening a sentence is "Only"
    yield _glyph(tok.start, tok.end, word, best, lex, Applicability.SAFE, "digits")


_WHY = {
    "inner": "a capital I between small letters is a small l in print",
    "name": "a capital I after a small letter is a small l in print, and the text writes the name so",
    "capital": "a capital I opening small letters is a small l in print, and the context reads it so",
    "sentence": "a small l opening a sentence is a capital I in print",
    "alone": "a small l alone before a word the pronoun takes is a capital I in print",
    "digits": "in this OCR-damaged text a 1 or a 0 among letters is an l, an i or an o",
}


def _glyph(
    start: int, end: int, word: str, reading: str, lex: lexicon_mod.Lexicon, how: Applicability, kind: str
) -> Finding:
    zipf = lex.zipf(reading.lower())
    written = {
        "sentence": f"{word!r} is rare (Zipf {lex.zipf(word):.1f})",
        "alone": f"a lone {word!r} is no word",
    }.get(kind, f"{word!r} is in no word list")
    return finding(
        "OCR011",
        start,
        end,
        f"{word!r} reads as {reading!r}: a look-alike glyph",
        replacement=reading,
        applicability=how,
        confidence=0.9 if how is Applicability.SAFE else 0.6,
        explanation=f"{written}; {_WHY[kind]}, which makes {reading!r} (Zipf {zipf:.1f}).",
    )


def _pronoun(start: int, end: int, word: str, rest: str) -> Finding:
    fixed = "I" + word[1:2] + ("ll" if rest == "II" else rest)
    return finding(
        "OCR011",
        start,
        end,
        f"{word!r} reads as {fixed!r}: the pronoun I read as a small l",
        replacement=fixed,
        applicability=Applicability.SAFE,
        confidence=0.95,
        explanation=f"No word is spelled {word!r}; a capital I and a small l are one stroke in print.",
    )


def _contraction(start: int, word: str) -> Finding:
    return finding(
        "OCR011",
        start,
        start + 2,
        f"{word!r}: 'II' reads as 'll'",
        replacement="ll",
        applicability=Applicability.SAFE,
        confidence=0.95,
        explanation="A contraction ends in 'll, never in two capital I's; the two are one stroke in print.",
    )
