"""SCR009, SCR010: wrongly oriented and unbalanced curly quotes."""

from __future__ import annotations

from collections.abc import Iterator

import regex

from repair.document import Document
from repair.model import Applicability, Category, Example, Finding, finding
from repair.patterns import lazy
from repair.registry import rule

# “ after a word or sentence punctuation and before white space, punctuation or the end: a closer.
OPEN_AS_CLOSE = lazy(r"(?<=[\p{L}\p{N}.,;:!?…’)\]])“(?=[\s.,;:!?)\]—–]|\Z)")
# ” after white space, an opening bracket or a dash (or at a line start) and before a word: an opener.
CLOSE_AS_OPEN = lazy(r"(?<=^|[\s(\[—–])”(?=[\p{L}\p{N}‘])", regex.MULTILINE)
# ‘ inside or at the end of a word: an apostrophe or a closing single quote.
LEFT_SINGLE = lazy(r"(?<=\p{L})‘(?=(?:s|t|d|m|ll|re|ve)\b|[\s.,;:!?)\]]|\Z)")
PARAGRAPH = lazy(r"(?>\r\n|\n|\r)(?:[ \t]*(?>\r\n|\n|\r))+")
DOUBLE = lazy(r"[“”]")


def _paragraphs(text: str) -> Iterator[tuple[int, int]]:
    pos = 0
    for m in PARAGRAPH.finditer(text):
        yield pos, m.start()
        pos = m.end()
    yield pos, len(text)


def orientation_fixes(text: str) -> dict[int, str]:
    """Offsets of wrongly oriented quotes in ``text`` and the quote each should be.

    German-style paragraphs (with „) and documents that never open with “ (the
    Swedish and Finnish ”…” style) are left alone.
    """
    out: dict[int, str] = {}
    has_left_double = "“" in text
    if not has_left_double and "‘" not in text:
        return out
    if has_left_double:
        for m in OPEN_AS_CLOSE.finditer(text):
            out[m.start()] = "”"
        if "”" in text:
            for m in CLOSE_AS_OPEN.finditer(text):
                out[m.start()] = "“"
    if "‘" in text:
        for m in LEFT_SINGLE.finditer(text):
            out[m.start()] = "’"
    if out and ("„" in text or "‚" in text):
        german = [(a, b) for a, b in _paragraphs(text) if "„" in text[a:b] or "‚" in text[a:b]]
        out = {i: q for i, q in out.items() if not any(a <= i < b for a, b in german)}
    return out


@rule(
    "SCR009",
    "scrape.quote-orientation",
    Category.SCRAPE,
    examples=[
        Example(
            "“We ask for calm,” he said, “and for the restoration of service.“",
            "“We ask for calm,” he said, “and for the restoration of service.”",
        ),
        Example("She called it “a mistake“ and left.", "She called it “a mistake” and left."),
        Example("He said “yes” and then ”no” twice.", "He said “yes” and then “no” twice."),
        Example("It was Russia‘s answer.", "It was Russia’s answer."),
    ],
    clean=[
        "“Yes,” she said. “No,” he said.",
        "It was Russia’s answer, ’tis said, in the ’90s.",
        "„Guten Tag“, sagte er.",
        "”Hej”, sa han.",
        "He said ‘maybe’ and left.",
    ],
)
def quote_orientation(doc: Document) -> Iterator[Finding]:
    """A curly quote turned the wrong way ("service.“" for "service.”").

    ## What it does
    Flags an opening double quote (“) that stands after a word or sentence
    punctuation and before a space or the end of the line, where only a closing
    quote can stand; a closing double quote (”) before a word at the start of a
    quotation; and an opening single quote (‘) used as an apostrophe
    ("Russia‘s").  German „…“ and Scandinavian ”…” styles are left alone.

    ## Why is this bad?
    "Smart quote" conversion and scrapers guess the orientation from the
    neighbouring character and get it wrong at element boundaries; the quote
    then seems to open a new quotation that never closes.

    ## Example
    ```text
    “and for the restoration of service.“
    ```

    ## Use instead
    ```text
    “and for the restoration of service.”
    ```

    ## Fix safety
    Safe: the fix swaps one quote mark for its mirror image and changes nothing
    else; the position (after a word and before a space, or before a word after
    a space) leaves only one reading.
    """
    text = doc.masked
    for offset, quote in sorted(orientation_fixes(text).items()):
        yield finding(
            "SCR009",
            offset,
            offset + 1,
            f"{text[offset]} is turned the wrong way here; use {quote}",
            replacement=quote,
            applicability=Applicability.SAFE,
            confidence=0.85,
            explanation=f"{text[offset]} "
            + (
                "ends a word or sentence here, so it closes"
                if quote in "”’"
                else "begins a word, so it opens"
            )
            + f" and should be {quote}",
        )


@rule(
    "SCR010",
    "scrape.unbalanced-quote",
    Category.SCRAPE,
    default_enabled=False,
    examples=[
        Example("He said “we will go home and nobody stopped him.\n\nThe next day was quiet."),
        Example("The report was “final and binding.” She added that “no appeal” was possible”."),
    ],
    clean=[
        "“Yes,” she said. “No,” he said.",
        "“The first paragraph of a long quotation.\n\n“The second paragraph, which closes it.”",
        'Plain "straight" quotes are not checked.',
        "„Guten Tag“, sagte er.",
    ],
)
def unbalanced_quote(doc: Document) -> Iterator[Finding]:
    """A curly double quote that is never closed, or closes nothing, within its paragraph.

    ## What it does
    Pairs “ and ” within each paragraph (after correcting orientation as
    SCR009 does) and flags an opening quote left open at the paragraph's end, or
    a closing quote with nothing open.  A quotation that runs on into a
    paragraph that starts with “ (the convention for quotations over several
    paragraphs) is not flagged.

    ## Why is this bad?
    A quote mark lost or added by a scraper leaves the reader unsure where a
    quotation starts or ends.

    ## Example
    ```text
    He said “we will go home and nobody stopped him.
    ```

    ## Use instead
    ```text
    He said “we will go home” and nobody stopped him.
    ```

    ## Fix safety
    No fix: where the missing quote belongs is a matter of reading.  The rule is
    off by default (select it with `--select SCR010`): excerpts and verse
    often open a quotation in one paragraph and close it in a later one.
    """
    text = doc.masked
    if "“" not in text and "”" not in text:
        return
    flips = orientation_fixes(text)
    paragraphs = list(_paragraphs(text))
    for n, (start, end) in enumerate(paragraphs):
        chunk = text[start:end]
        if "„" in chunk or ("“" not in chunk and "”" not in chunk):
            continue
        if "“" not in text:
            continue  # ”…” style throughout
        open_at: list[int] = []
        for q in DOUBLE.finditer(text, start, end):
            i = q.start()
            ch = flips.get(i, q.group())
            if ch == "“":
                open_at.append(i)
            elif ch == "”":
                if open_at:
                    open_at.pop()
                elif n == 0 or not text[paragraphs[n - 1][0] : paragraphs[n - 1][1]].count("“"):
                    yield _unbalanced(i, "” closes a quotation that was never opened")
        if open_at:
            following = text[paragraphs[n + 1][0] :].lstrip() if n + 1 < len(paragraphs) else ""
            if not following.startswith(("“", "‘")):
                yield _unbalanced(open_at[-1], "“ opens a quotation that is not closed in its paragraph")


def _unbalanced(offset: int, message: str) -> Finding:
    return finding(
        "SCR010",
        offset,
        offset + 1,
        message,
        confidence=0.5,
        explanation="the curly double quotes of the paragraph do not pair up",
    )
