"""SCR014: a typesetter's ligature glyph or long s left in the text ("ﬁnal", "diﬀerent", "ſmall")."""

from __future__ import annotations

from collections.abc import Iterator

from repair.document import Document
from repair.model import Applicability, Category, Example, Finding, finding
from repair.patterns import lazy
from repair.registry import rule

#: Latin presentation forms (Unicode's Alphabetic Presentation Forms block) and the long s, with the
#: letters they stand for.
GLYPHS = {
    "\ufb00": "ff",
    "\ufb01": "fi",
    "\ufb02": "fl",
    "\ufb03": "ffi",
    "\ufb04": "ffl",
    "\ufb05": "st",  # long s and t
    "\ufb06": "st",
    "\u017f": "s",  # long s
}
LONG_S = "\u017f"
#: A word (letters, with apostrophes and hyphens inside) holding one of the glyphs.
_WORD = lazy(r"\p{L}*[\ufb00-\ufb06\u017f]\p{L}*(?:['’-]\p{L}+)*")


@rule(
    "SCR014",
    "scrape.ligature-glyph",
    Category.SCRAPE,
    examples=[
        Example("The ﬁnal ﬁgures were diﬀerent.", "The final figures were different."),
        Example("The oﬃcial ﬂow chart.", "The official flow chart."),
    ],
    clean=["The final figures were different.", "Straße and œuvre are spelled right."],
)
def ligature_glyph(doc: Document) -> Iterator[Finding]:
    """A typesetter's ligature glyph or long s left in the text.

    ## What it does
    Flags words written with one of Unicode's Latin ligature glyphs ("ﬁ", "ﬂ",
    "ﬀ", "ﬃ", "ﬄ", "ﬅ", "ﬆ") or with the long s ("ſ"), and writes them with
    the letters they stand for.  Text extracted from PDFs keeps the
    typesetter's ligatures ("diﬀerent", "signiﬁcant"), and transcriptions
    and OCR of older print keep the long s ("a ſmall houſe").  Letters of other
    languages that only look like ligatures ("ß", "œ", "æ") are words' own
    letters and are left alone.

    ## Why is this bad?
    The glyph is one character where a reader sees two or three letters: a
    search for "final" does not find "ﬁnal", and spelling checkers, tokenizers
    and language models read such a word as an unknown one.

    ## Example
    ```text
    The ﬁnal ﬁgures were diﬀerent.
    ```

    ## Use instead
    ```text
    The final figures were different.
    ```

    ## Fix safety
    Safe for the ligatures, which only typesetting put there.  The long s is
    unsafe: it is offered, not applied by default, since an edition of older
    print may keep it on purpose (such a project can ignore SCR014).
    """
    text = doc.masked
    if not any(g in text for g in GLYPHS):
        return
    for m in _WORD.finditer(text):
        word = m.group()
        if all(c in GLYPHS or not c.isalpha() for c in word):
            continue  # a glyph standing alone is named, not used: "'ſ' (U+017F, Latin small letter long s)"
        letters = "".join(GLYPHS.get(c, c) for c in word)
        glyphs = sorted({c for c in word if c in GLYPHS})
        long_s = glyphs == [LONG_S]
        named = ", ".join(f"{g!r} for {GLYPHS[g]!r}" for g in glyphs)
        yield finding(
            "SCR014",
            m.start(),
            m.end(),
            f"{word!r} is written with {'the long s' if long_s else 'a ligature glyph'}: {letters!r}",
            replacement=letters,
            applicability=Applicability.UNSAFE if long_s else Applicability.SAFE,
            confidence=0.8 if long_s else 0.95,
            explanation=(
                f"{named}: "
                + (
                    "the long s of older print, which a modern text writes as s; an edition that keeps "
                    "it on purpose can ignore SCR014."
                    if long_s
                    else "a typesetter's ligature, which PDF text extraction keeps as one character; "
                    "search, spelling checkers and tokenizers read the word as another."
                )
            ),
        )
