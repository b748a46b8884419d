"""SCR008: a missing space after sentence punctuation ("the end.The next")."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from repair.detectors.scrape.common import line_at, shown
from repair.document import Document
from repair.language import ENGLISH_FUNCTION_WORDS
from repair.model import Applicability, Category, Example, Finding, finding
from repair.patterns import lazy
from repair.registry import rule

# A lower-case word of two or more letters (not part of a dotted name, path or handle),
# sentence punctuation, maybe a closing quote or bracket, then a capitalised word that
# ends there (not "Node.Js", "Math.Max(", "file.Name.txt", "Moscow.Credit:").
GLUED = lazy(
    r"(?<![\p{L}\p{N}_./@#\\-])(?P<prev>\p{L}?\p{Ll}+|\p{N}{2,})(?P<punct>[.!?…][”’\"')\]]?)"
    r"(?P<next>\p{Lu}\p{Ll}+)(?![\p{L}\p{N}_(/@\\:'’-]|\.[^\s”’\"')\]])",
    regex.VERSION1,
)
# Capitalised top-level domains and file extensions that follow a dot in names.
DOMAINS = frozenset(
    [
        "Ai",
        "Au",
        "Biz",
        "Ca",
        "Cn",
        "Co",
        "Com",
        "De",
        "Edu",
        "Es",
        "Eu",
        "Fr",
        "Gov",
        "In",
        "Info",
        "Io",
        "It",
        "Jp",
        "Js",
        "Me",
        "Mil",
        "Net",
        "Nl",
        "Org",
        "Ru",
        "Tv",
        "Uk",
        "Us",
    ]
)


# Cheap first pass: sentence punctuation (maybe a closing quote) and a letter.
PREFILTER = re.compile(r"[.!?…][”’\"')\]]?[^\W\d_]")
WORD_BEFORE = 40  # the lower-case word before the punctuation is looked for this far back


def _glued(masked: str) -> Iterator[regex.Match[str]]:
    done = 0
    for hit in PREFILTER.finditer(masked):
        if hit.start() < done or not hit.start():
            continue
        start = max(0, hit.start() - WORD_BEFORE)
        m = GLUED.search(masked, start, min(len(masked), hit.end() + WORD_BEFORE))
        while m is not None and m.end("punct") <= hit.start():
            m = GLUED.search(masked, m.end(), min(len(masked), hit.end() + WORD_BEFORE))
        if m is not None and m.start("punct") <= hit.start() < m.end("punct"):
            done = m.end()
            yield m


def _alone_on_line(text: str, start: int, end: int) -> bool:
    """Whether ``[start, end)`` is all its line holds, spaces aside."""
    line = line_at(text, start)
    return text[line.start : line.end].strip() == text[start:end]


#: Function words that open a sentence after a period even in technical writing ("the work.The
#: next"), where no class is named after them; quantifiers name types ("typing.Any", "Option.Some").
SENTENCE_OPENERS = ENGLISH_FUNCTION_WORDS - {"any", "some", "all", "each", "every", "other", "both"}


@rule(
    "SCR008",
    "scrape.missing-space",
    Category.SCRAPE,
    examples=[
        Example(
            "The talks ended.The next round starts soon.", "The talks ended. The next round starts soon."
        ),
        Example("Was it over?Nobody knew.", "Was it over? Nobody knew."),
        Example("He said “enough.”Then he left.", "He said “enough.” Then he left."),
        Example("They waited!Hours passed.", "They waited! Hours passed."),
        Example("It opened in 1990.The crowds came.", "It opened in 1990. The crowds came."),
        Example("They waited…Nothing came.", "They waited… Nothing came."),
    ],
    clean=[
        "The U.S. economy grew, e.g. in Ohio, i.e. the Midwest.",
        "Prices rose 2.5 percent in 2021.",
        "Visit Amazon.Com or read about Node.js and ASP.NET today.",
        "Call Math.Max(a, b) or System.Out.println in Java.",
        "Open the file report.Final.docx and J.R.R. Tolkien's book.",
        "He met Ph.D. students from the U.K. and the E.U. today.",
        "My favourite blogs:\n    Snap!Shots\n      http://www.example.net/fotos/\n",
    ],
)
def missing_space(doc: Document) -> Iterator[Finding]:
    """A missing space after sentence punctuation before a capital ("ended.The next").

    ## What it does
    Flags a lower-case word (or a number of two digits or more), a full stop,
    ellipsis, question or exclamation mark (and maybe a closing quote), and a
    capitalised word with no space between them.
    Abbreviations and initials ("U.S.", "e.g."), decimals, domains
    ("Amazon.Com"), file names and code ("Node.js", "Math.Max(") are left alone,
    and so is a full stop in technical writing ("net.Server", "stream.Transform")
    unless a function word follows it ("the work.The next"), and a name alone on
    its line, as a list of links gives titles ("Snap!Shots").

    ## Why is this bad?
    When a page is flattened, the end of one element and the start of the next
    (paragraphs, captions, list items) run together.

    ## Example
    ```text
    The talks ended.The next round starts soon.
    ```

    ## Use instead
    ```text
    The talks ended. The next round starts soon.
    ```

    ## Fix safety
    Safe: the fix inserts one space and changes no letter.  A lower-case word
    of two or more letters (or a year-like number) ending a sentence, followed
    directly by a capitalised word, is not an abbreviation, a decimal, a
    domain or code.
    """
    masked = doc.masked
    for m in _glued(masked):
        if m.group("next") in DOMAINS:
            continue
        if doc.technical and m.group("punct") == "." and m.group("next").lower() not in SENTENCE_OPENERS:
            # in technical writing "net.Server" names a class, not two sentences; "work.The" is two
            continue
        if _alone_on_line(masked, m.start(), m.end()):
            continue  # a name alone on its line, as a list of links gives titles: "Snap!Shots"
        at = m.end("punct")
        yield finding(
            "SCR008",
            m.start("prev"),
            m.end("next"),
            f"missing space in {shown(m.group())}",
            replacement=m.group("prev") + m.group("punct") + " " + m.group("next"),
            applicability=Applicability.SAFE,
            confidence=0.85,
            explanation=f"{masked[at - 1]!r} ends a sentence after {m.group('prev')!r} and "
            f"{m.group('next')!r} starts the next one with no space between",
        )
