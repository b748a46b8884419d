"""SCR003: text cut off mid-word ("…officers beheaded in K…")."""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterator

import regex

from repair.detectors.scrape.common import candidate_lines, shown
from repair.document import Document
from repair.model import Category, Example, Finding, finding
from repair.patterns import lazy
from repair.registry import rule

# A word fragment directly followed by an ellipsis that ends the line.
TRUNCATED = lazy(
    r"(?<=^|[\s(\[‘“'\"])(?P<frag>\p{L}[\p{L}\p{M}'’-]*)(?P<mark>…|\.\.\.)[ \t]*(?=\r\n|\r|\n|\Z)",
    regex.MULTILINE | regex.VERSION1,
)
PREFILTER = re.compile(r"(?:…|\.\.\.)[ \t]*(?=\r|\n|\Z)")
_ONE_LETTER_WORDS = frozenset("aAIO")
RARE = 2.8  # wordfreq Zipf frequency below which a fragment is not taken for a word
TITLE_WORDS = 20  # a longer line is prose, where a rare word before "…" is more likely real


@functools.cache
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # deferred: loads a word list on first use

    return float(zipf_frequency(word, "en"))


def _listed(word: str) -> bool:
    """Whether the spelling lists hold ``word`` (a rare inflection such as "redirecting" is a word)."""
    from repair.spelling.lexicon import LISTED, lexicon  # deferred: opens the spelling index

    return bool(lexicon().info(word)[1] & LISTED)


#: A run of the characters a fragment is made of: a whole word as TRUNCATED reads one.
_WORD_RUN = lazy(r"[\p{L}\p{M}'’-]+")


def _whole_words(text: str) -> Counter[str]:
    """How often each word of ``text`` stands whole, not before an ellipsis: the words the text
    writes in full ("ReDoc", "CPython"), which a fragment before "..." that is one of them is."""
    return Counter(m.group() for m in _WORD_RUN.finditer(text) if not text.startswith(("…", "..."), m.end()))


@rule(
    "SCR003",
    "scrape.truncated-text",
    Category.SCRAPE,
    examples=[
        Example("‘Order restored’ after protests, officers beheaded in K…\n\nThe city was quiet."),
        Example("Officials warn of rising prices in Kaz..."),
        Example("Storm damage closes roads across the regi…\r\nMore below."),
    ],
    clean=[
        "He paused and then said, well…",
        "And then…\n\nNothing happened.",
        "The list goes on and on...",
        "I…",
        "“Wait, I don’t k…” she began.",
        "Redirecting...\n",
    ],
)
def truncated_text(doc: Document) -> Iterator[Finding]:
    """Text truncated mid-word at the end of a title or line ("beheaded in K…").

    ## What it does
    Flags a line that ends in a word fragment followed by an ellipsis: a single
    letter (other than "a", "I", "O") or, on a title-length line (at most 20
    words), a string rarer than Zipf 2.8 in wordfreq's English list that the
    spelling lists do not hold either ("Redirecting..." is a whole word), nor
    the text elsewhere as a whole word (a name: "And so for ReDoc...").
    An ellipsis after a whole word ("and then…") is left alone.

    ## Why is this bad?
    Teaser lists and link previews cut headlines to a fixed width and add "…";
    copied into a document, the title stops in the middle of a word.

    ## Example
    ```text
    Officers beheaded in K…
    ```

    ## Use instead
    ```text
    Officers beheaded in Kazakhstan
    ```
    (the full title, from the source).

    ## Fix safety
    No fix: the missing words cannot be recovered from the text.  The finding is
    shown so that a person can restore the title from its source.
    """
    masked = doc.masked
    if "…" not in masked and "..." not in masked:
        return
    found = (
        m
        for line in candidate_lines(masked, PREFILTER)
        for m in TRUNCATED.finditer(masked, line.start, line.stop)
    )
    whole: Counter[str] | None = None
    for m in found:
        frag = m.group("frag")
        if len(frag) == 1:
            if frag in _ONE_LETTER_WORDS:
                continue
            confidence = 0.85
        else:
            line_start = max(masked.rfind("\n", 0, m.start()), masked.rfind("\r", 0, m.start())) + 1
            if _zipf(frag.lower()) >= RARE or len(masked[line_start : m.start()].split()) > TITLE_WORDS:
                continue
            if _listed(frag.lower()):
                continue
            if whole is None:
                whole = _whole_words(masked)  # (once per document, and only when a fragment gets here)
            if whole[frag]:
                continue  # the text writes it as a whole word elsewhere: a name ("And so for ReDoc...")
            confidence = 0.6
        yield finding(
            "SCR003",
            m.start("frag"),
            m.end("mark"),
            f"text cut off mid-word at {shown(m.group('frag') + m.group('mark'))}",
            confidence=confidence,
            explanation=f"the line ends in {frag!r} and an ellipsis; {frag!r} is "
            + ("a single letter" if len(frag) == 1 else "not an English word")
            + ", so the title or line was truncated",
        )
