"""SCR002: boilerplate lines ("Leave a Reply", "Advertisement", "Share this article")."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

from repair.detectors.scrape.common import line_span, shown
from repair.document import Document
from repair.model import Applicability, Category, Example, Finding, finding
from repair.registry import rule
from repair.resources import table

TABLE = "scrape_boilerplate.tsv"
_TRAIL = r"[ \t.:!…›»→>|]*"
INDENT = 80  # the most spaces and tabs before a boilerplate line


@functools.cache
def _patterns() -> tuple[re.Pattern[str], tuple[dict[str, str], ...]]:
    """One pattern matching a whole boilerplate line; group ``i + 1`` is row ``i`` of the table.

    The table uses no syntax beyond the standard library's, which compiles the
    alternation, about five times faster than ``regex`` (a page check pays for it once)."""
    rows = table(TABLE).rows
    alternation = "|".join(f"({row['pattern']})" for row in rows)
    # (the indentation is bounded: on a long blank line, every space given back would try every row)
    pattern = re.compile(
        rf"^[ \t]{{0,{INDENT}}}(?:{alternation}){_TRAIL}(?=\r\n|\r|\n|\Z)", re.MULTILINE | re.IGNORECASE
    )
    return pattern, rows


@rule(
    "SCR002",
    "scrape.boilerplate-line",
    Category.SCRAPE,
    examples=[
        Example("The talks ended on Friday.\n\nLeave a Reply", "The talks ended on Friday.\n"),
        Example(
            "The talks ended on Friday.\n\nClick: See details\n\nMore news.",
            "The talks ended on Friday.\n\nMore news.",
        ),
        Example("First part.\n\nAdvertisement\n\nSecond part.\n", "First part.\n\nSecond part.\n"),
        Example(
            "First part.\r\n\r\nShare this article\r\n\r\nSecond part.\r\n",
            "First part.\r\n\r\nSecond part.\r\n",
        ),
        Example("Prices rose again.\nRead more…\n", "Prices rose again.\n"),
        Example("Prices rose again.\n\nRelated stories\n", "Prices rose again.\n\n", unsafe=True),
    ],
    clean=[
        "Please leave a reply in the comments below if you agree.",
        "The advertisement ran for three weeks in the local paper.",
        "She wanted to read more about the history of the town.",
        "## Comments\n\nNo comments yet.",
        "He told us to share this article with friends, and we did.",
        "Linking the issue in the commit is *strongly*\nrecommended.\n",
    ],
)
def boilerplate_line(doc: Document) -> Iterator[Finding]:
    """Boilerplate lines from a web page: comment prompts, share bars, cookie and newsletter notices.

    ## What it does
    Flags a line that consists of nothing but a known page element ("Leave a
    Reply", "Click: See details", "Advertisement", "Read more", "Share this
    article", "Sign up for our newsletter").  The patterns live in
    `dictionaries/scrape_boilerplate.tsv`; a phrase inside a sentence is never
    flagged, nor is a line in lower case that carries on the sentence of the
    line before ("…is not\nrecommended.", also after a word in emphasis: "…is
    *strongly*\nrecommended."), nor a heading underlined on the next
    line ("Comments\n--------"), nor the argument of markup that begins the line
    (Texinfo's "@section Comments", HTML's "<li>Share this article").

    ## Why is this bad?
    Scrapers keep the buttons, labels and prompts around an article; they are
    not part of the text and interrupt it.

    ## Example
    ```text
    The talks ended on Friday.

    Leave a Reply
    ```

    ## Use instead
    ```text
    The talks ended on Friday.
    ```

    ## Fix safety
    The fix deletes the line (with its line break and the blank lines after it).
    It is safe for the patterns marked `safe` in the table: the line holds
    nothing but the page element, which no article means to say on a line of
    its own.  Patterns that could be a real heading or sentence ("Comments",
    "Related stories", "We use cookies…") are marked `unsafe`.
    """
    pattern, rows = _patterns()
    masked = doc.masked
    for m in pattern.finditer(masked):
        if not m.group().strip():
            continue
        row = rows[m.lastindex - 1] if m.lastindex else rows[0]
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        if (masked[start].islower() and _continues(masked, m.start())) or _underlined(masked, m.end()):
            continue  # the last line of a wrapped sentence ("…for generating\ncomments."), a heading
        if doc.text[m.start() : start].strip():
            continue  # the argument of markup that begins the line ("@section Comments"): a heading
        span = line_span(masked, start, m.end(), doc.is_protected)
        safe = row["fix"] == "safe"
        yield finding(
            "SCR002",
            span[0],
            span[1],
            f"boilerplate line {shown(m.group().strip())} ({row['what']})",
            replacement="",
            applicability=Applicability.SAFE if safe else Applicability.UNSAFE,
            confidence=0.9 if safe else 0.6,
            explanation=f"the whole line matches the {row['what']} pattern {row['pattern']!r} of {TABLE}",
        )


#: Marks that end a sentence or a line of its own (a heading, a label, a list's lead-in).
_LINE_ENDS = frozenset('.!?:;…"”’)]>|*#=-_~`')


def _continues(text: str, line_start: int) -> bool:
    """Whether the line at ``line_start`` may carry on the sentence of the line before: that line holds
    words and ends on none of :data:`_LINE_ENDS` ("…is not\nrecommended.", "…for generating\ncomments.").
    Page elements are capitalised, so only a line in lower case is asked."""
    before = text[:line_start].rstrip("\r\n")
    if len(before) == line_start or not before or before[-1] in "\r\n":
        return False
    last = before[max(before.rfind("\n"), before.rfind("\r")) + 1 :].strip()
    if _EMPHASIS_END.search(last):
        return True  # "…that led up to the commit is *strongly*\nrecommended.": a word's markup
    return bool(last) and last[-1] not in _LINE_ENDS and any(c.isalpha() for c in last)


#: Inline markup closing on a word at a line's end ("*strongly*", "``code``", "_word_").
_EMPHASIS_END = re.compile(r"[^\W\d_][*_`]{1,2}$")


def _underlined(text: str, end: int) -> bool:
    """Whether the line ending at ``end`` is a reStructuredText or Setext heading: the next line is
    a run of one punctuation mark ("Comments\n--------")."""
    rest = text[end:].lstrip("\r\n")
    if len(rest) == len(text) - end or text[end:].startswith(("\n\n", "\r\n\r\n", "\r\r")):
        return False
    line = rest.split("\n", 1)[0].strip()
    return len(line) >= 3 and len(set(line)) == 1 and line[0] in "=-~^*+#`'\"_:."
