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

from repair.resources import table

TABLE = "spin_phrases.tsv"
CONTEXT = 40


@dataclass(frozen=True)
class PhraseRow:
    """One row of the phrase table."""

    spun: str
    original: str
    kind: str
    unless_left: regex.Pattern[str] | None
    unless_right: regex.Pattern[str] | None
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


def _compile(pattern: str) -> regex.Pattern[str] | None:
    return regex.compile(pattern, regex.IGNORECASE) if pattern else None


@functools.cache
def rows() -> tuple[PhraseRow, ...]:
    """Every row of the table, parsed once."""
    out = []
    for r in table(TABLE).rows:
        out.append(
            PhraseRow(
                spun=r["spun"],
                original=r["original"],
                kind=r["kind"],
                unless_left=_compile(r["unless_left"]),
                unless_right=_compile(r["unless_right"]),
                example=r["example"],
                fixed=r["fixed"],
                safe=r["safety"] == "safe",
            )
        )
    return tuple(out)


@functools.cache
def _matcher() -> tuple[regex.Pattern[str], dict[str, PhraseRow]]:
    by_key = {_key(r.spun): r for r in rows()}
    alts = sorted(by_key, key=len, reverse=True)
    body = "|".join(regex.escape(a).replace(r"\ ", r"[ \t]+") for a in alts)
    pattern = regex.compile(rf"(?<![\p{{L}}\p{{N}}'’-])(?:{body})(?![\p{{L}}\p{{N}}'’-])", regex.IGNORECASE)
    return pattern, by_key


def _key(phrase: str) -> str:
    return " ".join(phrase.lower().replace("’", "'").split())


def _cased(replacement: str, written: str) -> str:
    if written[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement


ARTICLE = regex.compile(r"(?<![\p{L}])(a|an|A|An)([ \t]+)$")
VOWEL_SOUND = regex.compile(r"^(?:[aeio]|u(?!ni|se|su|ti|r[aeiou])|hour|honest|heir)", regex.IGNORECASE)


def matches(text: str) -> Iterator[PhraseHit]:
    """Phrase-table matches in ``text`` whose context conditions hold."""
    pattern, by_key = _matcher()
    for m in pattern.finditer(text):
        row = by_key.get(_key(m.group()))
        if row is None:
            continue
        left = text[max(0, m.start() - CONTEXT) : m.start()]
        right = text[m.end() : m.end() + CONTEXT]
        if row.unless_left is not None and row.unless_left.search(left):
            continue
        if row.unless_right is not None and row.unless_right.search(right):
            continue
        start = m.start()
        replacement = _cased(row.original, m.group())
        art = ARTICLE.search(left)
        if art is not None:
            want_an = bool(VOWEL_SOUND.match(replacement))
            has_an = art.group(1).lower() == "an"
            if want_an != has_an:
                word = "an" if want_an else "a"
                if art.group(1)[0].isupper():
                    word = word.capitalize()
                start = m.start() - len(art.group())
                replacement = word + art.group(2) + replacement
        yield PhraseHit(start, m.end(), row, replacement)
