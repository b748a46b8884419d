"""OCR family, marks and real words: apostrophes (OCR006), real-word misreads (OCR007), stray quotes (OCR008),
capitals misread inside sentences (OCR010).

These fire only in documents that show other OCR damage (:func:`structure.ocr_noise`)
or, for apostrophes, against the document's own majority style.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from repair.detectors.ocr.glyphs import sentence_i
from repair.detectors.ocr.structure import (
    COMMON_ZIPF,
    CURLY_APOSTROPHE,
    QUOTE_REACH,
    STRAIGHT_APOSTROPHE,
    in_hyphen_break,
    ocr_noise,
    paragraph_spans,
    unpartnered_openers,
)
from repair.detectors.scrape.common import line_at
from repair.document import Document
from repair.model import Applicability, Category, Example, Finding, finding
from repair.patterns import lazy
from repair.registry import rule
from repair.spelling import context
from repair.spelling import lexicon as lexicon_mod
from repair.spelling.cost import OCR_CONFUSIONS
from repair.spelling.protect import doc_words, foreign_context, left_context, right_context, syllable

OCR006_DOC = """Straight apostrophe in a document that writes curly ones.

## What it does
In a document whose quotes and apostrophes are mostly curly ("don’t",
“so”), flags the straight apostrophes inside words ("don't") that OCR or an
editor mixed in.

## Why is this bad?
Mixed apostrophes break exact search and look careless.

## Example
```
It’s late and I’m tired, but don't go.
```

## Use instead
```
It’s late and I’m tired, but don’t go.
```

A document with fewer curly apostrophes inside words than straight ones
counts as curly when it writes curly quotes and no straight ones, and either
one curly apostrophe or other OCR damage (a print curls both marks, and OCR
misreads some; a writer or a converter that curls only the quotes keeps every
apostrophe straight); never in technical writing (a README's apostrophes are
typed straight, whatever quotes an editor curled).

## Fix safety
Safe: the document's own majority style decides, and only the apostrophe changes. In
technical writing, which types apostrophes straight, a slim majority of curly ones ("We're
… we'd" beside "You’ll … We’d" pasted in) makes no style: there the fix is safe only with
at least twice as many curly apostrophes inside words as straight ones (and three or more),
and ``unsafe`` otherwise.
"""

#: Curly apostrophes per straight one, and in all, that make technical writing's style curly.
CLEAR_MAJORITY = 2
CLEAR_CURLY = 3
#: A line of code among prose (text taken from a PDF marks none): a comment's opening at the line's
#: start or after a statement, a call with a string argument, or a string assigned ("// if you don't",
#: "%!test", "f (); // If don't know", 'error ("didn't");', 'x = "it's"').
_CODE_LINE = lazy(r"^[ \t]*(?://|/\*|%!)|[;{}][ \t]*//|[=(][ \t]*\"|\"[ \t]*\)[ \t]*;", regex.M)


def _code_line(text: str, pos: int) -> bool:
    """Whether the line holding ``pos`` reads as code (see ``_CODE_LINE``)."""
    line = line_at(text, pos)
    return bool(_CODE_LINE.search(text, line.start, line.end))


@rule(
    "OCR006",
    "ocr.apostrophe-style",
    Category.OCR,
    doc=OCR006_DOC,
    examples=[
        Example("It’s late and I’m tired, but don't go.", "It’s late and I’m tired, but don’t go."),
        Example(
            "“Go,” she said, “it's late,” and we walked over.the hill.",
            "“Go,” she said, “it’s late,” and we walked over.the hill.",
        ),
    ],
    clean=["It's late and I'm tired, but don’t go.", "Don't do it.", "“Go,” she said, “it's late.”"],
)
def apostrophe_style(doc: Document) -> Iterator[Finding]:
    """Straight apostrophes among curly ones (OCR006)."""
    text = doc.masked
    if "'" not in text:
        return
    straight = [m.start() for m in STRAIGHT_APOSTROPHE.finditer(text)]
    curly = sum(1 for _ in CURLY_APOSTROPHE.finditer(text))
    typographic = sum(text.count(q) for q in "“”‘’")
    plain = text.count('"') + text.count("'") - len(straight)  # straight quotes, apostrophes aside
    # the document's style: curly apostrophes inside words, or curly quotes and no straight ones with
    # a curly apostrophe or other OCR damage (a print curls both; a writer or a converter that curls
    # only the quotes keeps every apostrophe straight: "“Fred's at spl 6”"; technical writing types
    # them straight whatever quotes an editor curled)
    quotes_style = (
        typographic >= 2 and typographic > plain and not doc.technical and (curly >= 1 or ocr_noise(doc) >= 1)
    )
    if not straight or not ((curly > len(straight) and curly >= 2) or quotes_style):
        return
    # technical writing types its apostrophes straight, and a few curly ones pasted in make no style;
    # elsewhere the majority decides (OCR mixes the marks of a print that had one style)
    clear = not doc.technical or curly >= max(CLEAR_CURLY, CLEAR_MAJORITY * len(straight))
    for pos in straight:
        if _code_line(text, pos):
            continue  # code set in a typewriter face keeps its quotes: 'error ("didn't match");'
        yield finding(
            "OCR006",
            pos,
            pos + 1,
            "straight apostrophe in a document that uses curly ones",
            replacement="’",
            applicability=Applicability.SAFE if clear else Applicability.UNSAFE,
            confidence=0.75 if clear else 0.55,
            explanation=(
                f"This document writes {typographic} curly quotes and apostrophes ({curly} inside words) "
                f"and {plain} straight ones."
                + ("" if clear else f" With {len(straight)} straight inside words, its style is not clear.")
            ),
        )


OCR007_DOC = """OCR misreading that made another real word ("clay" for "day"), in text with OCR damage.

## What it does
Only in a document that shows other marks of OCR damage (broken words, stray
marks), checks each word against the words one glyph confusion away (b/h,
rn/m, cl/d, li/h, e/c, u/n, f/t, l/i ...) and flags it when the trigram model
reads a frequent alternative far better in its sentence.  A lone "l" read for
the pronoun becomes a capital I ("sooner than l." is "sooner than I.").

## Why is this bad?
A misread that lands on another dictionary word passes every spelling checker
and silently changes the meaning.

## Example
```
The infor- mation came late, and every clay he waited at the ta- ble.
```

## Use instead
```
The infor- mation came late, and every day he waited at the ta- ble.
```

## Fix safety
Safe only when the alternative is a frequent word, the glyph confusion is a
known one, and the trigram model prefers it by a wide margin: a thousandfold
over the word as written (a hundredfold let through as many wrong changes as
right ones on pages made here: "the bays along the coast" read as "the boys
along the coast") and tenfold over every other alternative.
"""

#: How much better (log10) the trigram model must read the alternative than the word as written.
REAL_WORD_MARGIN = 3.0


def _glyph_variants(word: str, lex: lexicon_mod.Lexicon) -> set[str]:
    """Frequent dictionary words one OCR glyph confusion away from ``word``."""
    out: set[str] = set()
    for written, intended, _ in OCR_CONFUSIONS:
        if not written.isalpha() or not intended.isalpha():
            continue
        k = word.find(written)
        while k >= 0:
            cand = word[:k] + intended + word[k + len(written) :]
            if cand != word and lex.is_core(cand) and lex.zipf(cand) >= COMMON_ZIPF:
                out.add(cand)
            k = word.find(written, k + 1)
    return out


@rule(
    "OCR007",
    "ocr.real-word-misread",
    Category.OCR,
    doc=OCR007_DOC,
    examples=[
        Example(
            "The infor- mation came late, and every clay he waited at the ta- ble.",
            "The infor- mation came late, and every day he waited at the ta- ble.",
        )
    ],
    clean=["He put his hat on the table and sat down.", "The clay pots dried in the sun every day."],
)
def real_word_misreads(doc: Document) -> Iterator[Finding]:
    """Glyph confusions that produced another real word (OCR007)."""
    if ocr_noise(doc) < 2:
        return
    dw = doc_words(doc)
    lex = lexicon_mod.lexicon()
    known: dict[str, set[str]] = {}  # the variants of each distinct word: a page repeats its words
    for i, tok in enumerate(dw.tokens):
        word = tok.text
        if not word.isalpha() or not word.islower() or dw.allowed(word):
            continue
        variants = known.get(word)
        if variants is None:
            variants = known[word] = _glyph_variants(word, lex)
        if not variants or in_hyphen_break(doc.masked, tok.start, tok.end):
            continue
        if syllable(doc.masked, tok.start, tok.end):
            continue  # a syllable of a headword parted by a dictionary: "\Se*clude\" is no "dude"
        if word[0] == "l" and sentence_i(doc.masked, tok.start, word, lex) is not None:
            continue  # a capital I read as a small l opening a sentence ("ln the end"): OCR011's
        if foreign_context(dw, lex, i, neighbours=False):
            continue  # a word of another language: "le mari", "trop froid", "con sentimento"
        left, right = left_context(dw, i), right_context(dw, i)
        own = context.slot_score(left, word, right, lex.zipf(word))
        scored = sorted(
            ((context.slot_score(left, v, right, lex.zipf(v)), v) for v in variants), reverse=True
        )
        best_score, best = scored[0]
        runner = scored[1][0] if len(scored) > 1 else own
        if best_score - own < REAL_WORD_MARGIN or best_score - runner < 1.0:
            continue
        if best == "i":
            best = "I"  # a lone "l" read for the pronoun, which print capitalises ("sooner than l.")
        yield finding(
            "OCR007",
            tok.start,
            tok.end,
            f"{word!r} may be an OCR misreading of {best!r}",
            replacement=best,
            applicability=Applicability.SAFE,
            confidence=0.75,
            explanation=(
                f"This text shows other OCR damage; {best!r} is one glyph confusion away from {word!r} "
                f"and the trigram model reads it {best_score - own:.1f} log10 units better here."
            ),
        )


OCR008_DOC = """Stray quote mark from OCR: an opening quote that never closes, or a closer never opened.

## What it does
Only in a document that shows other marks of OCR damage, flags a quote mark
glued to a word when its paragraph holds no partner for it: a double opening
quote (“ ") with no closing quote after it, a single opening quote (‘) with no
closing one within a quotation's reach (300 characters; "‘tis" and the like are
elisions), or a closing single quote (’) after a word with no opening quote
within that reach before it (possessives such as "soldiers’" and elisions such
as "goin’", "o’" and "th’" are left alone; "in’", "to’", "as’", "his’" are
neither).

## Why is this bad?
Specks read as quote marks make readers and parsers look for a quotation that
is not there.

## Example
```
The infor- mation came from ‘the south, where the ta- ble stood.
```

## Use instead
```
The infor- mation came from the south, where the ta- ble stood.
```

## Fix safety
Safe: only in damaged text, and only when the paragraph has no partner quote.
"""


_CLOSER = lazy(r"(?<=\p{L})(’)(?=[\s.,;:!?)\]—]|\Z)")
_WORD_END = lazy(r"\p{L}+$")
#: Words in s that are no plural, so no apostrophe after them is a possessive's ("as’ was", "is’ said").
_NOT_PLURAL = frozenset(
    ("as", "is", "was", "has", "this", "his", "its", "thus", "us", "yes", "whereas", "perhaps")
)


def _elided(word: str) -> bool:
    """Whether an apostrophe after ``word`` is a possessive's or an elision's, not a quote: a plural in
    s ("soldiers’"), a word in -in ("goin’"), or "o’" and "th’" themselves ("to’", "in’" are neither)."""
    if word.endswith("s"):
        return word not in _NOT_PLURAL
    if word.endswith("in"):
        return len(word) > 2
    return word in ("o", "th")


@rule(
    "OCR008",
    "ocr.stray-quote",
    Category.OCR,
    doc=OCR008_DOC,
    examples=[
        Example(
            "The infor- mation came from ‘the south, where the ta- ble stood.",
            "The infor- mation came from the south, where the ta- ble stood.",
        )
    ],
    clean=["He said ‘no’ and left.", "“Go,” she said. The soldiers’ camp was quiet."],
)
def stray_quotes(doc: Document) -> Iterator[Finding]:
    """Unpartnered quote marks in OCR-damaged text (OCR008)."""
    if ocr_noise(doc) < 2:
        return
    text = doc.masked
    for start, end in paragraph_spans(text):
        para = text[start:end]
        closers = [m.start() for m in _CLOSER.finditer(para)]
        for m in unpartnered_openers(para):
            yield _quote_finding(start + m.start(1), m.group(1), "opening quote that never closes")
        for at in closers:
            word = _WORD_END.search(para, max(0, at - 32), at)
            if word is None or _elided(word.group().lower()):
                continue
            if para.rfind("‘", max(0, at - QUOTE_REACH), at) >= 0:
                continue  # it closes a quotation opened within a quotation's reach
            yield _quote_finding(start + at, "’", "closing quote that never opened")


def _quote_finding(offset: int, quote: str, what: str) -> Finding:
    return finding(
        "OCR008",
        offset,
        offset + 1,
        f"stray {quote}: an {what}" if what.startswith("opening") else f"stray {quote}: a {what}",
        replacement="",
        applicability=Applicability.SAFE,
        confidence=0.7,
        explanation=f"This text shows other OCR damage and its paragraph has no partner for this {quote}.",
    )


OCR010_DOC = """Small letter read as its capital inside a sentence ("was Surrounded by"), in OCR-damaged text.

## What it does
Only in a document that shows other marks of OCR damage, flags a word inside a
sentence that starts with one of the letters whose capital is the small letter
drawn larger (c, o, s, v, w, x, z: OCR tells them apart by size alone) when the
words on both sides are in lower case and the word is a verb form, which names
nothing ("Composed", "Consisting", "Owes").  Nouns and adjectives are left
alone, since a capital may be meant there ("the Court", "Scottish"), and so are
function words and adverbs ("Such", "On"), which open sentences: a capital
after a lower-case word is then more often a lost period.  A word the text
writes capitalised more than once is meant so.

## Why is this bad?
A capital inside a sentence reads as a name or a title and breaks search.

## Example
```
The infor- mation came late, and the fort was Surrounded by the ene- my.
```

## Use instead
```
The infor- mation came late, and the fort was surrounded by the ene- my.
```

## Fix safety
Safe: only in damaged text, only for the letters of one shape in both cases, and
only for verb forms.
"""

#: Letters whose capital is the small letter drawn larger: OCR tells the two apart by size alone.
SAME_SHAPE = frozenset("COSVWXZ")
#: The lower-case word must be at least this common (Zipf).
CAPITAL_ZIPF = 3.0
_VERBS = frozenset(("VB", "VBD", "VBG", "VBN", "VBP", "VBZ"))
_NAMING = frozenset(("NN", "NNS", "NNP", "NNPS"))
_INSIDE = lazy(r"[ \t]+|,[ \t]+")  # what may stand between the word and the one before it
_AFTER = lazy(r"[,;]?[ \t]+")  # and the one after it


def _verb_form(low: str) -> bool:
    """Whether ``low`` is a verb form and nothing that names a thing ("composed", "consisting", "owes";
    not "court" or "scottish").  Function words and adverbs are left out: they open sentences, and a
    capital after a lower-case word is then more often a lost period ("follows On any")."""
    from repair.spin import store  # the spin family's lexicon, loaded only for damaged text

    tags = {tag for _, tag, _ in store.analyses(low)}
    return bool(tags & _VERBS) and not tags & _NAMING


@rule(
    "OCR010",
    "ocr.capital-misread",
    Category.OCR,
    doc=OCR010_DOC,
    examples=[
        Example(
            "The infor- mation came late, and the fort was Surrounded by the ene- my.",
            "The infor- mation came late, and the fort was surrounded by the ene- my.",
        )
    ],
    clean=["The fort was Surrounded by the enemy.", "The Court sat, and the Scottish bishops came."],
)
def capital_misreads(doc: Document) -> Iterator[Finding]:
    """Small letters of one shape in both cases read as capitals inside a sentence (OCR010)."""
    if ocr_noise(doc) < 1:
        return
    dw = doc_words(doc)
    lex = lexicon_mod.lexicon()
    text = doc.masked
    toks = dw.tokens
    for i in range(1, len(toks) - 1):
        word = toks[i].text
        if word[0] not in SAME_SHAPE or len(word) < 2 or not word[1:].islower() or not word.isalpha():
            continue
        before, after = toks[i - 1], toks[i + 1]
        if not (before.text.isalpha() and before.text.islower() and after.text[0].islower()):
            continue
        if _INSIDE.fullmatch(text, before.end, toks[i].start) is None:
            continue  # after a sentence's end, a colon or a quotation mark a capital may be meant
        if _AFTER.fullmatch(text, toks[i].end, after.start) is None:
            continue
        low = word.lower()
        if dw.texts[word] > 1 or lex.zipf(low) < CAPITAL_ZIPF or not lex.is_core(low):
            continue  # a capital the text keeps is meant
        if not _verb_form(low) or foreign_context(dw, lex, i, neighbours=False):
            continue
        yield finding(
            "OCR010",
            toks[i].start,
            toks[i].start + 1,
            f"{word!r} inside a sentence: its capital {word[0]!r} may be a misread {low[0]!r}",
            replacement=low[0],
            applicability=Applicability.SAFE,
            confidence=0.8,
            explanation=(
                f"This text shows other OCR damage; {word[0]!r} and {low[0]!r} differ only in size, "
                f"{low!r} is a verb form, which names nothing, and the words on both sides are in lower case."
            ),
        )
