"""The phrase table of known spinner swaps and tortured phrases (``dictionaries/spin_phrases.tsv``).

Each row: the spun phrase, the original, its kind (``swap`` or ``tortured``),
two context conditions (regular expressions on the 40 characters before and
after that must *not* match, for phrases that are legitimate elsewhere), an
example sentence and its fixed form (both tests), and the row's fix safety.
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from dataclasses import dataclass

import regex

from repair.patterns import lazy
from repair.resources import table
from repair.tokenize import words

TABLE = "spin_phrases.tsv"
CONTEXT = 40


@dataclass(frozen=True)
class PhraseRow:
    """One row of the phrase table (context conditions as pattern text, compiled on first use)."""

    spun: str
    original: str
    kind: str
    unless_left: str
    unless_right: str
    example: str
    fixed: str
    safe: bool


@dataclass(frozen=True)
class PhraseHit:
    """A phrase-table match: span in the text, the row, and the replacement with case and article fixed."""

    start: int
    end: int
    row: PhraseRow
    replacement: str


@functools.cache
def _compile(pattern: str) -> regex.Pattern[str]:
    return regex.compile(pattern, regex.IGNORECASE)


@functools.cache
def rows() -> tuple[PhraseRow, ...]:
    """Every row of the table, parsed once."""
    return tuple(
        PhraseRow(
            spun=r["spun"],
            original=r["original"],
            kind=r["kind"],
            unless_left=r["unless_left"],
            unless_right=r["unless_right"],
            example=r["example"],
            fixed=r["fixed"],
            safe=r["safety"] == "safe",
        )
        for r in table(TABLE).rows
    )


@functools.cache
def _index() -> tuple[dict[str, PhraseRow], frozenset[str], int]:
    by_key = {_key(r.spun): r for r in rows()}
    firsts = frozenset(k.split(" ", 1)[0] for k in by_key)
    return by_key, firsts, max(len(k.split()) for k in by_key)


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


def _cased(replacement: str, written: str) -> str:
    parts = written.split()
    if len(parts) > 1 and all(p[:1].isupper() for p in parts):
        return " ".join(w[:1].upper() + w[1:] for w in replacement.split())
    if written[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


ARTICLE = lazy(r"(?<![\p{L}])(a|an|A|An)([ \t]+)$")
VOWEL_SOUND = lazy(r"^(?:[aeio]|u(?!ni|se|su|ti|r[aeiou])|hour|honest|heir)", regex.IGNORECASE)


def keys() -> frozenset[str]:
    """Every table phrase in its look-up form (lower case, single spaces)."""
    return frozenset(_index()[0])


def spans(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, int, PhraseRow]]:
    """Longest table phrases in ``text[start:end]``: words separated by whitespace only, left to right."""
    by_key, firsts, longest = _index()
    toks = list(words(text, start, end))
    lows = [t.text.lower().replace("’", "'") for t in toks]
    k = 0
    while k < len(toks):
        found = None
        if lows[k] in firsts:
            for n in range(min(longest, len(toks) - k), 0, -1):
                row = by_key.get(" ".join(lows[k : k + n]))
                if row is not None and all(
                    not text[toks[i - 1].end : toks[i].start].strip() for i in range(k + 1, k + n)
                ):
                    found = (n, row)
                    break
        if found is None:
            k += 1
            continue
        n, row = found
        yield toks[k].start, toks[k + n - 1].end, row
        k += n


def with_article(text: str, start: int, replacement: str, window: int = CONTEXT) -> tuple[int, str]:
    """Extend an edit at ``start`` over a preceding "a"/"an" (within ``window`` characters) when
    ``replacement`` needs the other one: (new start, new replacement)."""
    art = ARTICLE.search(text[max(0, start - window) : start])
    if art is None:
        return start, replacement
    want_an = bool(VOWEL_SOUND.match(replacement))
    if want_an == (art.group(1).lower() == "an"):
        return start, replacement
    word = "an" if want_an else "a"
    if art.group(1)[0].isupper():
        word = word.capitalize()
    return start - len(art.group()), word + art.group(2) + replacement


def matches(text: str, start: int = 0, end: int | None = None) -> Iterator[PhraseHit]:
    """Phrase-table matches in ``text[start:end]`` whose context conditions hold."""
    for m_start, m_end, row in spans(text, start, end):
        written = text[m_start:m_end]
        left = text[max(0, m_start - CONTEXT) : m_start]
        right = text[m_end : m_end + CONTEXT]
        if row.unless_left and _compile(row.unless_left).search(left):
            continue
        if row.unless_right and _compile(row.unless_right).search(right):
            continue
        begin, replacement = with_article(text, m_start, _cased(row.original, written))
        yield PhraseHit(begin, m_end, row, replacement)
