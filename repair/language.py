"""Paragraphs not written in English: every rule leaves them alone.

``repair`` knows English.  A paragraph of Russian, Korean, Hungarian or French
(a quotation in a book, a spam mail, a test file of a character-set library)
is no English with mistakes in it, and each family finds "damage" there: the
misspelling rule corrects Turkish words, the repeat rule deletes the second
half of an Italian "così così", the invisible-character rule strips the
joiners that Persian spelling needs.  :func:`foreign_spans` finds such
paragraphs so :class:`repair.document.Document` protects them like code.

A paragraph is foreign when most of its letters are of another script, or
when it has at least ``MIN_WORDS`` Latin-script words, few of them English
function words (under ``ENGLISH_SHARE``, where English prose has three times
that and more), and a sign of another language: accented letters (at least
``ACCENT_SHARE`` of its letters) or function words of other languages
(``FOREIGN_HITS`` of them, of two kinds at least).  Lists, addresses and
signatures have few function words too, but neither sign, so English stays
checked.  Measured on 35,000 paragraphs of English samples (the bench sets'
texts, nine books, mail, State of the Union addresses, CMake's documentation):
the paragraphs found are French, German, Latin, Italian, Serbian, Turkish and
Chinese text and encoded blobs, no English prose; bench/README, "Text in other
languages", has the figures.
"""

from __future__ import annotations

from bisect import bisect_right
from itertools import accumulate

from repair.markup import Span
from repair.patterns import lazy

#: Frequent function words of other languages that are not English words.
# fmt: off
FOREIGN_FUNCTION_WORDS = frozenset((
    "le", "les", "des", "du", "et", "est", "une", "avec", "pour", "qui", "que", "dans", "sur", "ces",
    "nous", "vous", "ils", "sont", "pas", "leur", "leurs", "aux", "au", "dit", "dite", "cette",
    "der", "die", "das", "und", "ist", "nicht", "mit", "ein", "eine", "auf", "dem", "den", "sich",
    "el", "los", "las", "y", "con", "por", "del", "una", "es", "muy", "pero", "como",
    "il", "di", "della", "che", "non", "per", "gli", "sono", "nel", "alla",
    "et", "est", "sunt", "cum", "quod", "atque", "enim", "sed", "ad", "ut", "qui",
    "je", "se", "su", "na", "za", "od", "da", "ili", "kao", "koji",
))
#: More of them for the paragraph test (Dutch, Portuguese, Swedish, more French, German,
#: Spanish and Italian).
_MORE = frozenset((
    "het", "een", "van", "niet", "zijn", "voor", "ook", "naar", "wordt", "uma", "para",
    "não", "mais", "och", "att", "det", "som", "inte", "för", "av", "ett", "ich", "wir", "sie",
    "auch", "nach", "oder", "wie", "aus", "bei", "zu", "werden", "wurde", "où", "très", "été",
    "lo", "la", "al", "más", "sus", "fue", "ha", "han", "della", "nella", "sua", "suo",
))
# fmt: on
#: English function words, less those other languages write too ("a", "in", "die", "was").
# fmt: off
ENGLISH_FUNCTION_WORDS = frozenset((
    "the", "of", "and", "that", "for", "it", "with", "as", "by", "be", "at", "this", "are", "from",
    "or", "have", "not", "his", "but", "they", "he", "you", "we", "which", "had", "has", "were",
    "their", "been", "can", "would", "there", "all", "if", "its", "more", "about", "out", "up",
    "what", "who", "when", "them", "some", "than", "into", "only", "our", "your", "these", "other",
    "her", "she", "him", "may", "could", "any", "such", "then", "those", "should", "must", "very",
    "most", "over", "after", "before", "because", "through", "between", "while", "where", "how",
    "both", "each", "many", "much", "same", "own", "just", "under", "did", "does", "being", "here",
    "well", "upon", "shall", "might", "yet", "against", "among", "during", "without", "within",
    "whom", "whose", "nor", "though", "although", "until", "unless", "since", "either", "neither",
    "every",
))
# fmt: on
#: The foreign words the paragraph test counts: less those that are English words or pieces of
#: addresses and prices ("per", "die", "con", "ad", "es").
GATE_WORDS = (FOREIGN_FUNCTION_WORDS | _MORE) - ENGLISH_FUNCTION_WORDS - {"per", "die", "con", "ad", "es"}

MIN_WORDS = 12
ENGLISH_SHARE = 0.08
ACCENT_SHARE = 0.02
FOREIGN_HITS = 3
#: Letters (at least) before a paragraph's script is judged.
MIN_LETTERS = 10
#: Characters (at least) of an ASCII paragraph of ``MIN_WORDS`` words.
_MIN_CHARS = 2 * MIN_WORDS
#: Two of these in a paragraph make it English without counting (other languages do not write
#: them as words between spaces).
_COMMONEST = (" the ", " and ", " of ", " that ", " with ", " which ", " was ", " is ", " he ", " it ")

#: A paragraph break (a blank line and the white space after it), captured: splitting keeps it; the
#: line ends are atomic, so the CR and LF of one line end are never read as two.
_PARAGRAPH_BREAK = lazy(r"((?>\r\n|\r|\n)[ \t]*(?>\r\n|\r|\n)\s*)")
_LETTER = lazy(r"\p{L}")
_OTHER_SCRIPT = lazy(r"(?V1)[\p{L}--\p{Latin}]")
_ACCENTED = lazy(r"(?V1)[\p{Latin}--[A-Za-z]]")
_WORD = lazy(r"\p{Latin}+(?:['’]\p{Latin}+)*")
_NON_ASCII_LETTER = lazy(r"(?V1)[\p{L}--[A-Za-z]]")


def foreign_spans(text: str) -> list[Span]:
    """The paragraphs of ``text`` (protected parts already blanked) not written in English, and
    those holding "Lorem ipsum" placeholder text.

    Only paragraphs with a sign of another language are measured: two letters outside ASCII, or
    fewer than two of a few of the commonest English words (an English page costs a few
    substring tests per paragraph).
    """
    starts, ends = paragraph_bounds(text)
    placeholder = _placeholders(text, ends)
    accented: set[int] = set()
    if not text.isascii():
        held: dict[int, int] = {}
        for m in _NON_ASCII_LETTER.finditer(text):
            k = bisect_right(ends, m.start())
            held[k] = held.get(k, 0) + 1
        accented = {k for k, n in held.items() if n >= 2}
    out = []
    for k, (start, end) in enumerate(zip(starts, ends, strict=True)):
        if k in placeholder:
            out.append(Span(start, end, "foreign"))
            continue
        if k not in accented:
            if end - start < _MIN_CHARS:
                continue
            if _english(text[start:end].lower()):
                continue
        if foreign(text[start:end]):
            out.append(Span(start, end, "foreign"))
    return out


#: Placeholder text: the mangled Latin of typesetters' "Lorem ipsum dolor sit amet".
_LOREM = lazy(r"(?i)\blorem ipsum\b")


def _placeholders(text: str, ends: list[int]) -> set[int]:
    """The indices of the paragraphs (by their ``ends``) that hold "Lorem ipsum" placeholder text."""
    if "orem" not in text:
        return set()
    return {bisect_right(ends, m.start()) for m in _LOREM.finditer(text)}


def paragraph_bounds(text: str) -> tuple[list[int], list[int]]:
    """The starts and ends of the paragraphs of ``text`` (separated by blank lines)."""
    # paragraphs and the breaks between them alternate: their ends are the paragraph bounds
    # (a split makes no match objects: a book has tens of thousands of paragraphs)
    bounds = list(accumulate(map(len, _PARAGRAPH_BREAK.split(text))))
    return [0, *bounds[1::2]], bounds[0::2]


def _english(low: str) -> bool:
    """Whether the lower-cased paragraph ``low`` holds two of the ``_COMMONEST`` words."""
    seen = False
    for w in _COMMONEST:
        if w in low:
            if seen:
                return True
            seen = True
    return False


def foreign(paragraph: str) -> bool:
    """Whether one paragraph is written in another language (see the module's doc)."""
    plain = paragraph.isascii()
    if plain:
        if len(paragraph.split()) < MIN_WORDS:
            return False
        letters = 0
    else:
        letters = len(_LETTER.findall(paragraph))
        if letters < MIN_LETTERS:
            return False
        if len(_OTHER_SCRIPT.findall(paragraph)) * 2 >= letters:
            return True
    words = [w.lower() for w in _WORD.findall(paragraph)]
    if len(words) < MIN_WORDS:
        return False
    if sum(1 for w in words if w in ENGLISH_FUNCTION_WORDS) >= ENGLISH_SHARE * len(words):
        return False
    if not plain and len(_ACCENTED.findall(paragraph)) >= ACCENT_SHARE * letters:
        return True
    kinds = {w for w in words if w in GATE_WORDS}
    return len(kinds) >= 2 and sum(1 for w in words if w in GATE_WORDS) >= FOREIGN_HITS
