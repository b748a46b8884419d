"""What the typo and OCR families must leave alone, and why.

Names and rare real words are protected: a capitalised word inside a
sentence, a word that recurs in the same document, a word the lexicon knows
above a frequency threshold, an inflection or derivation of a known word,
anything the user allows, and (through ``Document.masked``) code and URLs.
"""

from __future__ import annotations

import bisect
import gc
import weakref
from collections import Counter
from functools import cached_property
from operator import itemgetter

import regex

from repair import language
from repair.document import Document
from repair.language import FOREIGN_FUNCTION_WORDS
from repair.patterns import lazy
from repair.spelling.lexicon import FOREIGN_LANGUAGES, Lexicon
from repair.spelling.tokens import word_tokens
from repair.spelling.variety import ARCHAIC_WORDS, is_mark
from repair.tokenize import Token, is_sentence_start

_EMPHASIS = lazy(
    r"(?<![\p{L}\p{N}_*])([_*])(?=\S)(?:(?!\n[ \t]*\n).){1,300}?(?<=\S)\1(?![\p{L}\p{N}_*])", regex.S
)

#: A blank line: the end of a paragraph.
_BLANK_LINE = lazy(r"\n[ \t\r]*\n|\r[ \t]*\r")

#: A word at or above this Zipf frequency is a real word, whatever the lists say.
KNOWN_ZIPF = 3.0

_SUFFIXES = (
    "s",
    "es",
    "ed",
    "d",
    "ing",
    "er",
    "ers",
    "est",
    "ly",
    "ness",
    "ment",
    "ments",
    "ship",
    "ships",
    "ful",
    "less",
    "able",
    "ism",
    "ist",
    "ists",
    "ity",
    "ize",
    "ized",
    "ise",
    "ised",
    "ization",
    "ify",
    "ified",
    "ifies",
    "ifying",
    "ification",
    "isation",
    "al",
    "ally",
    "ous",
    "ish",
    "like",
    "wise",
    "ward",
    "wards",
    "hood",
    "dom",
)
PREFIXES = (
    "re",
    "un",
    "non",
    "pre",
    "post",
    "over",
    "under",
    "out",
    "mis",
    "dis",
    "counter",
    "anti",
    "inter",
    "intra",
    "sub",
    "super",
    "semi",
    "multi",
    "co",
    "ex",
    "mid",
    "self",
    "pro",
    "de",
)


class DocWords:
    """Per-document facts about its words: their tokens, counts and capitalised forms.

    It refers to its document weakly: :func:`doc_words` keeps it in a cache keyed weakly by the
    document, and a strong reference from the value to its key would keep every document ever
    checked alive, with its text and tokens.
    """

    def __init__(self, doc: Document) -> None:
        self._doc = weakref.ref(doc)
        # whether each token examined so far is a mark of older or dialect spelling, by index
        # (``~index`` for the reading without old spellings: see :meth:`is_mark`)
        self._marks: dict[int, bool] = {}

    @property
    def doc(self) -> Document:
        """The document (alive while anything checks it)."""
        doc = self._doc()
        if doc is None:
            raise ReferenceError("the document of these words is gone")
        return doc

    @cached_property
    def tokens(self) -> list[Token]:
        """Word tokens of the masked text."""
        # hundreds of thousands of small tuples in a book: the cyclic collector has nothing to
        # find among them, and would otherwise rescan them again and again while they are made
        enabled = gc.isenabled()
        gc.disable()
        try:
            return word_tokens(self.doc.masked)  # list(repair.tokenize.words(...)), faster
        finally:
            if enabled:
                gc.enable()

    @cached_property
    def texts(self) -> Counter[str]:
        """How often each token text (as written) occurs."""
        return Counter(map(itemgetter(0), self.tokens))  # Token.text, without a property call each

    @cached_property
    def counts(self) -> Counter[str]:
        """How often each lower-cased word (and each hyphen part, and the word of a possessive:
        "inode's" is a use of "inode") occurs."""
        c: Counter[str] = Counter()
        for text, n in self.texts.items():
            low = text.lower()
            c[low] += n
            if "-" in low:
                for p in low.split("-"):
                    if p:
                        c[p] += n
            if low.endswith(("'s", "’s")) and len(low) > 3:
                c[low[:-2]] += n
        return c

    @cached_property
    def archaic_uses(self) -> int:
        """How many of the words are function words of Early Modern English
        (:data:`repair.spelling.variety.ARCHAIC_WORDS`: "thou", "hath", "unto")."""
        return sum(n for text, n in self.texts.items() if text.lower() in ARCHAIC_WORDS)

    @cached_property
    def lowered(self) -> str:
        """The masked text in lower case (for finding words near a position)."""
        return self.doc.masked.lower()

    @cached_property
    def hidden(self) -> str:
        """The protected text (URLs, paths, code spans) in lower case, one span a line."""
        return "\n".join(self.doc.text[s.start : s.end] for s in self.doc.protected).lower()

    def uses_nearby(self, word: str, start: int, end: int, window: int) -> bool:
        """Whether ``word`` (lower case) stands as a whole word within ``window`` characters of the
        span ``start:end``, the span itself excluded."""
        if not self.counts[word]:
            return False
        text = self.lowered
        hi = min(len(text), end + window)
        k = text.find(word, max(0, start - window), hi)
        while k >= 0:
            e = k + len(word)
            if k != start and not (k and text[k - 1].isalnum()) and not (e < len(text) and text[e].isalnum()):
                return True
            k = text.find(word, k + 1, hi)
        return False

    @cached_property
    def unknown_texts(self) -> frozenset[str]:
        """Token texts whose lower-case form is in no list and rare (Zipf under 2)."""
        info = self.lex.info
        out = set()
        for text in self.texts:
            z, flags = info(text.lower())
            if not flags and z < 2.0:
                out.add(text)
        return frozenset(out)

    @cached_property
    def lex(self) -> Lexicon:
        """The shared lexicon, with every word of the document looked up in one batch."""
        from repair.spelling.lexicon import lexicon

        lex = lexicon()
        lex.prefetch(self.counts)
        return lex

    @cached_property
    def capitalised(self) -> frozenset[str]:
        """Lower-cased forms of words written capitalised inside a sentence somewhere in the document."""
        out: set[str] = set()
        text = self.doc.masked
        upper = {w for w in self.texts if w[:1].isupper()}
        for t in self.tokens:
            if t.text not in upper or is_sentence_start(text, t.start):
                continue
            for part in t.text.split("-"):
                if part[:1].isupper():
                    out.add(part.lower())
        return frozenset(out)

    @cached_property
    def emphasis(self) -> list[tuple[int, int]]:
        """Spans of ``_..._`` and ``*...*`` emphasis (within a paragraph), sorted."""
        return [(m.start(), m.end()) for m in _EMPHASIS.finditer(self.doc.masked)]

    def emphasised(self, offset: int) -> bool:
        """Whether an offset lies inside emphasis."""
        spans = self.emphasis
        k = bisect.bisect_right(spans, (offset, len(self.doc.text) + 1)) - 1
        return k >= 0 and spans[k][0] <= offset < spans[k][1]

    @cached_property
    def foreign_paragraphs(self) -> list[tuple[int, int]]:
        """Paragraphs (start, end) written largely in another language or full of unknown words.

        A paragraph counts when two or more of its words are function words of
        French, German, Spanish, Italian, Latin or Croatian that English lacks,
        at a rate of at least one in twenty-five words.
        """
        text = self.doc.masked
        out: list[tuple[int, int]] = []
        toks = self.tokens
        foreign = {t for t in self.texts if t.lower() in FOREIGN_FUNCTION_WORDS}
        if not foreign:
            return out
        starts, ends = language.paragraph_bounds(text)
        # how many foreign function words each paragraph holds (by its index), in text order
        held: dict[int, int] = {}
        for t in toks:
            if t.text in foreign:
                p = bisect.bisect_right(ends, t.start)
                held[p] = held.get(p, 0) + 1
        token_starts = list(map(itemgetter(1), toks))  # Token.start
        for p, hits in held.items():
            if hits < 2:
                continue
            # the paragraph's tokens: those that start before its end and not before the last one's
            n = bisect.bisect_left(token_starts, ends[p]) - (
                bisect.bisect_left(token_starts, ends[p - 1]) if p else 0
            )
            if hits * 25 >= n:
                out.append((starts[p], ends[p]))
        return out

    def foreign(self, offset: int) -> bool:
        """Whether an offset lies in a foreign paragraph."""
        spans = self.foreign_paragraphs
        k = bisect.bisect_right(spans, (offset, len(self.doc.text) + 1)) - 1
        return k >= 0 and spans[k][0] <= offset < spans[k][1]

    def is_mark(self, j: int, spellings: bool = True) -> bool:
        """Whether token ``j`` is a mark of older or dialect spelling (see
        :func:`repair.spelling.variety.is_mark`, which says what ``spellings`` leaves out)."""
        key = j if spellings else ~j
        hit = self._marks.get(key)
        if hit is None:
            text, start, end = self.tokens[j]
            masked = self.doc.masked
            before, after = masked[start - 1 : start], masked[end : end + 1]
            hit = self._marks[key] = is_mark(text, before, after, self.lex, spellings)
        return hit

    def variant_marks(self, i: int, window: int, spellings: bool = True) -> int:
        """How many marks of older or dialect spelling (:func:`repair.spelling.variety.is_mark`)
        stand within ``window`` tokens of token ``i`` in its paragraph and on its side of the
        paragraph's quotation marks (an even number of them between: narration with narration,
        speech with speech), token ``i`` itself left out."""
        toks, text = self.tokens, self.doc.masked
        n = 0
        for step in (-1, 1):
            j = i
            quotes = 0
            for _ in range(window):
                k = j + step
                if not 0 <= k < len(toks):
                    break
                a, b = (toks[k].end, toks[j].start) if step < 0 else (toks[j].end, toks[k].start)
                if _BLANK_LINE.search(text, a, b):
                    break
                gap = text[a:b]
                quotes += gap.count('"') + gap.count("“") + gap.count("”")
                j = k
                if quotes % 2 == 0 and self.is_mark(j, spellings):
                    n += 1
        return n

    def allowed(self, word: str) -> bool:
        """Whether the user's allow list or extra dictionaries cover the word."""
        opts = self.doc.options
        return opts.allowed(word) or word in opts.extra_words or word.lower() in opts.extra_words


_CACHE: weakref.WeakKeyDictionary[Document, DocWords] = weakref.WeakKeyDictionary()


def doc_words(doc: Document) -> DocWords:
    """The :class:`DocWords` of a document, computed once and shared by the detectors."""
    dw = _CACHE.get(doc)
    if dw is None:
        dw = _CACHE[doc] = DocWords(doc)
    return dw


#: Marks that part a word into its syllables or mark their stress, as a dictionary's pronunciation
#: does ("/man`yoo·la'ri·tee/", "/dok´tr/").
SYLLABLE_MARKS = frozenset(("\u00b7", "\u2027", "\u00b4"))
#: Marks a dictionary sets between two letters to part a headword into syllables and mark its stress
#: ("\Pro`to*plas*mat"ic\", "\De*spair"er\").
SYLLABLE_JOINS = frozenset(("*", '"', "`"))


def syllable(text: str, start: int, end: int) -> bool:
    """Whether the word at ``[start, end)`` is a syllable of a word spelt out in parts: beside a mark of
    :data:`SYLLABLE_MARKS`, or joined to a letter by one of :data:`SYLLABLE_JOINS`."""
    before, after = text[start - 1 : start], text[end : end + 1]
    if before in SYLLABLE_MARKS or after in SYLLABLE_MARKS:
        return True
    return (before in SYLLABLE_JOINS and text[start - 2 : start - 1].isalpha()) or (
        after in SYLLABLE_JOINS and text[end + 1 : end + 2].isalpha()
    )


_AFTER_INITIAL = lazy(r"(?<![\w.])(?:[A-Z]\.){1,3}[ \t]$")


def after_initial(text: str, start: int) -> bool:
    """Whether the word at ``start`` follows an initial or initials written together ("R. A.
    Hettinga", "Ray P. Bellis", "J.C.M. Baeten"): a surname, not a sentence's first word."""
    return _AFTER_INITIAL.search(text, max(0, start - 8), start) is not None


def morphologically_known(word: str, lex: Lexicon) -> bool:
    """Whether ``word`` is a known word plus a productive prefix or suffix ("recarved", "eyewall").

    English spelling rules are kept: "-d" follows only an "e" ("baked"; "considerd" is no
    "consider" plus "-d"), and a final "e" drops and a consonant doubles only before a suffix that
    starts with a vowel ("making", "stopped"), the doubled one of a common word ("folling" is no
    "fol" plus "-ing").
    """
    if len(word) < 6:
        return False
    for suf in _SUFFIXES:
        stem = word[: -len(suf)]
        if not word.endswith(suf) or len(stem) < 4:
            continue
        if suf == "d":
            if stem.endswith("e") and _solid(stem, lex):
                return True
            continue
        if _solid(stem, lex):
            return True
        if suf[0] in VOWELS:
            if _solid(stem + "e", lex):
                return True
            if stem[-1] == stem[-2] and stem[-1] not in VOWELS and lex.zipf(stem[:-1]) >= COMMON_STEM_ZIPF:
                return True
        if stem.endswith("i") and _solid(stem[:-1] + "y", lex):
            return True
    for pre in PREFIXES:
        rest = word[len(pre) :]
        if word.startswith(pre) and len(rest) >= 4 and _solid(rest, lex):
            return True
    return compound(word, lex) is not None


#: The letters a word written without vowels lacks.
VOWELS = frozenset("aeiouy")
#: How common (Zipf) a word must be to count as the stem of a doubled consonant: symspellpy's list
#: holds abbreviations and fragments ("fol", "lat") that no one derives from.
COMMON_STEM_ZIPF = 3.5


def compound(word: str, lex: Lexicon, min_part: int = 4) -> tuple[str, str] | None:
    """A split of ``word`` into two solid words of at least ``min_part`` letters, if any."""
    for i in range(min_part, len(word) - min_part + 1):
        a, b = word[:i], word[i:]
        if _solid(a, lex) and _solid(b, lex):
            return a, b
    return None


def _solid(word: str, lex: Lexicon) -> bool:
    z, _ = lex.info(word)
    return (lex.is_core(word) and z >= 2.5) or z >= 3.5


_BOUNDARY = frozenset('.!?;:()[]{}"“”')


def left_context(dw: DocWords, i: int, n: int = 2) -> tuple[str, ...]:
    """Up to ``n`` lower-case words before token ``i`` in its sentence, most recent first.

    A sentence start contributes ``<s>``.
    """
    out: list[str] = []
    toks, text = dw.tokens, dw.doc.masked
    j = i
    while len(out) < n:
        start = toks[j].start
        prev_end = toks[j - 1].end if j > 0 else 0
        gap = text[prev_end:start]
        if j == 0 or any(c in _BOUNDARY for c in gap) or "\n\n" in gap.replace("\r", ""):
            out.append("<s>")
            break
        j -= 1
        out.append(toks[j].text.lower())
    return tuple(out)


def right_context(dw: DocWords, i: int, n: int = 2) -> tuple[str, ...]:
    """Up to ``n`` lower-case words after token ``i`` in its sentence, in reading order."""
    out: list[str] = []
    toks, text = dw.tokens, dw.doc.masked
    j = i
    while len(out) < n and j + 1 < len(toks):
        gap = text[toks[j].end : toks[j + 1].start]
        if any(c in _BOUNDARY for c in gap) or "\n\n" in gap.replace("\r", ""):
            break
        j += 1
        out.append(toks[j].text.lower())
    return tuple(out)


#: Function words of other languages that are not also English words.
# fmt: off
FOREIGN_ONLY = frozenset((
    "les", "des", "du", "et", "est", "une", "avec", "pour", "qui", "que", "dans", "sur", "ces", "nous",
    "vous", "ils", "sont", "pas", "leur", "leurs", "aux", "cette", "der", "das", "und", "ist", "nicht",
    "mit", "ein", "eine", "auf", "dem", "sich", "ich", "wir", "los", "las", "muy", "pero", "della",
    "che", "gli", "sono", "nel", "alla", "sunt", "cum", "quod", "atque", "enim", "sed", "ili", "kao",
    "koji", "je", "il", "di", "und", "zu", "von", "im",
))
# fmt: on


#: A language's abbreviation, as a dictionary's etymology names the language of the word after it
#: ("[L. fluidus", "AS. stropp", "MHG. blas"), or its "fr." ("from": "fr. fluere to flow").
_ETYMON = lazy(
    r"(?<![\w.])(?:L|LL|NL|ML|Lat|Gr|AS|OE|ME|OF|OFr|F|G|D|Du|It|Sp|Pg|Pr|Prov|Icel|MHG|OHG|LG|Goth|Skr"
    r"|Heb|Ar|Pers|Dan|Sw|Ir|Gael|W|Russ|fr)\.,?[ \t]+$"
)
#: A gloss after a word: a word of another language given with its meaning ("the Greek oura meaning
#: \"tail\"", "caesius, meaning sky-blue", "khmi, lit. 'black earth'"), perhaps quoted and with the
#: word in its own script before the gloss ('"paion" (Greek: παιών, literally "healer")').
_MEANING_AFTER = lazy(
    r"[\"'”’]?,?(?:[ \t]+\([^()\n]{0,40}?,?)?"  # a closing quote; the word in its own script
    r"[ \t]+(?:(?P<lit>lit\.)|meaning|literally)[ \t:]+(?P<quote>[\"'“‘])?"
)
#: A language named before a glossed word ("from the Greek", "Swahili", "Old Norse").
_LANGUAGE = lazy(
    r"\b(?:Greek|Latin|French|German|Italian|Spanish|Portuguese|Dutch|Arabic|Hebrew|Aramaic|Sanskrit"
    r"|Persian|Turkish|Russian|Polish|Czech|Hungarian|Finnish|Swedish|Danish|Norwegian|Icelandic|Norse"
    r"|Irish|Welsh|Gaelic|Breton|Basque|Japanese|Chinese|Mandarin|Cantonese|Korean|Hindi|Urdu|Bengali"
    r"|Tamil|Thai|Vietnamese|Malay|Indonesian|Tagalog|Hawaiian|Maori|Swahili|Zulu|Yoruba|Amharic"
    r"|Egyptian|Coptic|Akkadian|Sumerian|Armenian|Georgian|Yiddish|Quechua|Nahuatl|Inuit|Saxon)\b"
)
#: How far before a glossed word (characters) the language may be named.
LANGUAGE_REACH = 60
#: Articles and prepositions of other languages, also short English words or names' particles
#: ("la", "de"), that put the word right after them in that language when it is no English word.
FOREIGN_ARTICLES = frozenset(("la", "le", "les", "de", "du", "des", "el", "il", "der", "das", "del", "della"))


#: The bit of German in :meth:`repair.spelling.lexicon.Lexicon.foreign`.
_GERMAN = 1 << FOREIGN_LANGUAGES.index("de")


def foreign_context(
    dw: DocWords, lex: Lexicon, i: int, neighbours: bool = True, emphasis: bool = True
) -> bool:
    """Whether token ``i`` stands in a foreign phrase, a formula or a list of names.

    True when a neighbouring word is also unknown, or a capitalised German noun (with
    ``neighbours``), when a word within four tokens has accented letters ("allées", "Hrvatska
    vojska" beside "Zbor"), when the token and a lower-case word within six tokens are both common
    words of the same other language and rare in English ("nicht", "comme":
    :meth:`repair.spelling.lexicon.Lexicon.foreign`), when the token sits inside ``_..._`` or
    ``*...*`` emphasis, which plain text and Markdown use for foreign words, or in a paragraph
    written in another language, or within six words of two function words of another language,
    or in a sentence or quotation of another language, or right after the language an etymology
    names ("AS. dreng", "L. fluere"), or given with its meaning ("oura meaning \"tail\"": the gloss
    quoted, after "lit.", or a language named just before).  Without ``emphasis`` an emphasised
    word is judged by the rest alone (a common misspelling, "*seperate*", is no foreign word).
    """
    toks = dw.tokens
    for j in (i - 1, i + 1) if neighbours else ():
        if 0 <= j < len(toks) and toks[j].text.isalpha():
            w = toks[j].text
            unknown = w in dw.unknown_texts
            if w.islower() and (unknown or lex.foreign(w)):
                return True  # an unknown word, or a common word of another language: "zur alten"
            if w[0].isupper() and w[1:].islower() and unknown and lex.foreign(w.lower()) & _GERMAN:
                # a German noun (German capitalises them) that English does not know: "freye
                # Fantasien"; other languages' capitalised words are names ("Arjona", "Ricco")
                return True
    if i and toks[i - 1].text in FOREIGN_ARTICLES and dw.doc.masked[toks[i - 1].end : toks[i].start] == " ":
        return True  # after an article or preposition of another language: "la plume", "del monte"
    text = dw.doc.masked
    if _ETYMON.search(text, max(0, toks[i].start - 12), toks[i].start):
        return True  # a word of the language an etymology names: "L. fluere", "AS. dreng", "Icel. blys"
    gloss = _MEANING_AFTER.match(text, toks[i].end)
    if gloss and (
        gloss["lit"]
        or gloss["quote"]
        or _LANGUAGE.search(text, max(0, toks[i].start - LANGUAGE_REACH), toks[i].start)
    ):
        # a word given with its meaning: "oura meaning \"tail\"", "khmi, lit. 'black earth'", "from
        # the Swahili kisiwani, meaning green island" (but "recieved, meaning the deal was done")
        return True
    accented = sum(
        1
        for j in range(max(0, i - 4), min(len(toks), i + 5))
        if j != i and (not toks[j].text.isascii() or _lost_letter(text, toks[j]))
    )
    if accented and not toks[i].text.isascii():
        return True
    window = [toks[j].text.lower() for j in range(max(0, i - 6), min(len(toks), i + 7)) if j != i]
    if accented + sum(w in FOREIGN_ONLY for w in window) >= 2:
        return True  # two signs of another language: accented words, its function words
    langs = lex.foreign(toks[i].text.lower())
    if langs and any(
        toks[j].text.islower() and (lex.foreign(toks[j].text) & langs or toks[j].text in FOREIGN_ONLY)
        for j in range(max(0, i - 6), min(len(toks), i + 7))
        if j != i
    ):
        # a common word of another language beside another of the same, or beside a function
        # word of another language: "geht es", "comme il", "che la notte"
        return True
    return (
        (emphasis and dw.emphasised(toks[i].start))
        or dw.foreign(toks[i].start)
        or _foreign_sentence(dw.doc.masked, toks[i])
    )


#: A character lost between letters of a lower-case word that was a letter, not an apostrophe
#: ("sp\ufffdis", but "don\ufffdt", "I\ufffdm"): a wrong encoding loses the accented letters of
#: other languages.  A name's ("J\ufffdrgen") is no sign: English writes names with accents.
_LOST_LETTER = lazy(r"(?<![\p{L}\ufffd])\p{Ll}[\p{L}\ufffd]*\ufffd(?=\p{L})(?!(?:t|s|m|d|ll|re|ve)\b)")
_LOST_REACH = 20  # the longest part of a word before its lost letter that is looked at


def _lost_letter(text: str, tok: Token) -> bool:
    """Whether a letter lost to a wrong encoding touches ``tok`` ("sp" and "is" of "sp\ufffdis")."""
    if text[tok.end : tok.end + 1] == "\ufffd":
        at = tok.end
    elif text[tok.start - 1 : tok.start] == "\ufffd":
        at = tok.start - 1
    else:
        return False
    found = _LOST_LETTER.finditer(text, max(0, at - _LOST_REACH), at + _LOST_REACH)
    return any(m.end() == at + 1 for m in found)


#: What ends a sentence or a quotation, for :func:`_foreign_sentence`.
_CLAUSE_END = lazy(r"[.!?;:\u201c\u201d\u00ab\u00bb\"]\s|\n[ \t]*\n")


def _foreign_sentence(text: str, tok: Token) -> bool:
    """Whether the sentence or quotation around ``tok`` is written in another language
    (:func:`repair.language.foreign`): a French proverb quoted in an English paragraph ("Il est
    niais comme Dadais qui ... mourait de faim")."""
    lo = max(0, tok.start - 400)
    starts = [m.end() for m in _CLAUSE_END.finditer(text, lo, tok.start)]
    m = _CLAUSE_END.search(text, tok.end, tok.end + 400)
    return language.foreign(text[starts[-1] if starts else lo : m.start() + 1 if m else tok.end + 400])
