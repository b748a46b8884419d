"""OCR family, page furniture: running headers and page numbers left inside paragraphs (OCR009).

A scanned book page starts with a running head (the book's or chapter's title,
often with the page number) and may end with a page number alone.  When the
pages' text is joined, that furniture lands in the middle of the sentence that
runs from one page to the next: "the door and 112 THE HISTORY OF ENGLAND walked
into the hall".
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from repair.document import Document
from repair.model import Applicability, Category, Example, Finding, finding
from repair.patterns import lazy
from repair.registry import rule

# Words of a running head: capitals, with the small words of titles in capitals too.
_HEAD = r"\p{Lu}[\p{Lu}'’&.-]*(?:[ \t]+(?:\p{Lu}[\p{Lu}'’&.-]*|&))+"
# A page number and a running head, either order, between two lower-case words of one sentence
# (the words before and after are kept: only the furniture and one space go).
INLINE = lazy(
    rf"(?<=\p{{Ll}}[,;]?[ \t]+)"
    rf"(?P<furniture>\d{{1,3}}[ \t]+(?P<head>{_HEAD})|(?P<head2>{_HEAD})[ \t]+\d{{1,3}})"
    r"[ \t]+(?=\p{Ll})"
)
# A line holding nothing but a page number (plain or between dashes), or a running head with one.
LINE = lazy(
    rf"^[ \t]*(?:[-—–][ \t]*)?\d{{1,3}}(?:[ \t]*[-—–])?[ \t]*(?:\r\n|\n|\r)"
    rf"|^[ \t]*(?:\d{{1,3}}[ \t]+(?P<head>{_HEAD})|(?P<head2>{_HEAD})[ \t]+\d{{1,3}})[ \t]*(?:\r\n|\n|\r)",
    regex.MULTILINE,
)
#: A running head needs this many letters (so that "2 US ships" is no page furniture); page
#: numbers have at most three digits (so that "in 1945 WORLD WAR II" is none either).
MIN_HEAD_LETTERS = 8
#: The line before a page-number line must be this long: a full line of a page, not a short one
#: that a number merely follows ("rose by\n12\npercent").
FULL_LINE = 40

OCR009_DOC = """Running header or page number left inside a paragraph of scanned text.

## What it does
Flags a page number with a running head in capitals ("112 THE HISTORY OF
ENGLAND", "THE HISTORY OF ENGLAND 113") standing between two lower-case words
of one sentence, and, in plain text, a line holding only a page number or a
page number and a running head inside a sentence that runs on across it.

## Why is this bad?
Page furniture that lands inside a sentence when a book's pages are joined
breaks the sentence for readers, search and language models alike.

## Example
```
He opened the door and 112 THE HISTORY OF ENGLAND walked into the hall.
```

## Use instead
```
He opened the door and walked into the hall.
```

## Fix safety
Safe when the same running head stands elsewhere in the document too (a
book's header repeats from page to page), or for a line holding only a page
number inside a running sentence; otherwise unsafe: a number followed by a
name in capitals ("in 1945 WORLD WAR II") can be prose.
"""


def _letters(head: str) -> int:
    return sum(c.isalpha() for c in head)


@rule(
    "OCR009",
    "ocr.page-furniture",
    Category.OCR,
    doc=OCR009_DOC,
    examples=[
        Example(
            "He opened the door and 112 THE HISTORY OF ENGLAND walked into the hall. Later the king "
            "rode north and 113 THE HISTORY OF ENGLAND met the army at dawn.",
            "He opened the door and walked into the hall. Later the king rode north and met the army "
            "at dawn.",
        ),
        Example(
            "He opened the door and 112 THE HISTORY OF ENGLAND walked into the hall.",
            "He opened the door and walked into the hall.",
            unsafe=True,
        ),
        Example(
            "The rain fell all night on the steep slate roofs of the\n214\ntown, and nobody slept.\n",
            "The rain fell all night on the steep slate roofs of the\ntown, and nobody slept.\n",
        ),
    ],
    clean=[
        "In 1945 WORLD WAR II ended in Europe.",
        "They sent 2 US NAVY ships north.",
        "Chapter 12\nTHE ROAD NORTH\n\nIt was late.\n",
        "Prices rose by\n12\npercent, the table shows.",
    ],
)
def page_furniture(doc: Document) -> Iterator[Finding]:
    """Running heads and page numbers inside paragraphs (OCR009)."""
    text = doc.masked
    if not any(c.isdigit() for c in text):
        return
    inline = [m for m in INLINE.finditer(text) if _letters(_head(m)) >= MIN_HEAD_LETTERS]
    lines = list(LINE.finditer(text)) if doc.kind == "text" else []
    heads = Counter(head for m in [*inline, *lines] if (head := _head(m)))
    for m in inline:
        head = _head(m)
        repeated = heads[head] >= 2
        yield _finding(
            m.start(),
            m.end(),
            f"page number and running head {m.group('furniture')!r} inside a sentence",
            repeated,
            "the words before and after it are one sentence in lower case"
            + (f", and the running head {head!r} stands elsewhere in the document too" if repeated else ""),
        )
    for m in lines:
        head = _head(m)
        if head and _letters(head) < MIN_HEAD_LETTERS:
            continue
        # the sentence must run on across the line: a full line without an end mark before it,
        # lower case after it
        last = m.start() - 1
        while last >= 0 and text[last] in " \t\r\n":
            last -= 1
        previous_line = text[text.rfind("\n", 0, last + 1) + 1 : last + 1]
        after = text[m.end() : m.end() + 2]
        if len(previous_line) < FULL_LINE or previous_line[-1] in '.!?:;"”’)]' or not after[:1].islower():
            continue
        repeated = not head or heads[head] >= 2
        what = "page number" if not head else "page number and running head"
        yield _finding(
            m.start(),
            m.end(),
            f"{what} {m.group().strip()!r} on a line of its own inside a sentence",
            repeated,
            "the sentence runs on across the line (no end mark before it, lower case after it)"
            + ("" if not head else f"; the running head {head!r} " + ("repeats" if repeated else "is alone")),
        )


def _head(m: regex.Match[str]) -> str:
    """The running head a match holds, spaces normalised ("" for a bare page number)."""
    return " ".join((m.group("head") or m.group("head2") or "").split())


def _finding(start: int, end: int, message: str, safe: bool, why: str) -> Finding:
    return finding(
        "OCR009",
        start,
        end,
        message,
        replacement="",
        applicability=Applicability.SAFE if safe else Applicability.UNSAFE,
        confidence=0.85 if safe else 0.6,
        explanation=f"Page furniture from a scanned book: {why}.",
    )
