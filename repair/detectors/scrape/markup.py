"""SCR005, SCR006: HTML entities and leftover HTML tags in plain-text documents."""

from __future__ import annotations

import html
import html.entities
from collections.abc import Iterator

import regex

from repair import markup
from repair.detectors.scrape.common import shown
from repair.document import Document
from repair.model import Applicability, Category, Example, Finding, finding
from repair.patterns import lazy
from repair.registry import rule
from repair.tokenize import QUOTE_PAIRS

# Entities whose character is better written another way in prose.
PROSE = {"\u00a0": " ", "\u00ad": "", "\u200b": "", "\u200c": "", "\u200d": "", "\u2060": ""}
_TAGS = (
    "a|abbr|b|big|blockquote|br|center|cite|code|dd|div|dl|dt|em|font|h[1-6]|hr|i|img|li|ol|p|q|s"
    "|small|span|strike|strong|sub|sup|table|tbody|td|th|thead|tr|tt|u|ul"
)
TAG = lazy(
    rf"</?(?:{_TAGS})(?:\s+[A-Za-z][\w:-]*(?:\s*=\s*(?:\"[^\"<>]*\"|'[^'<>]*'|[^\s\"'<>]+))?)*\s*/?>",
    regex.IGNORECASE,
)
BLOCK = lazy(r"</?(?:br|div|h[1-6]|hr|li|p|table|tr|td|th|ul|ol|blockquote)\b", regex.IGNORECASE)


@rule(
    "SCR005",
    "scrape.html-entity",
    Category.SCRAPE,
    examples=[
        Example("Marks &amp; Spencer opened a store.", "Marks & Spencer opened a store."),
        Example("It&#8217;s late.", "It’s late."),
        Example("Ten&nbsp;miles away.", "Ten miles away."),
        Example("The caf&eacute; and the &quot;bistro&quot;.", 'The café and the "bistro".'),
        Example("Code &#x2014; a dash.", "Code — a dash."),
    ],
    clean=[
        "Marks & Spencer opened a store.",
        "Use AT&T or T-Mobile; R&D costs rose.",
        "The link https://example.com/?a=1&amp;b=2 stays.",
        "An ampersand in &notanentity; stays.",
        "Tom &amp Jerry without a semicolon.",
        'Accented letters are escaped, e.g. "&eacute;" for a small e with an acute accent.',
    ],
)
def html_entity(doc: Document) -> Iterator[Finding]:
    """HTML character references (`&amp;`, `&#8217;`, `&nbsp;`) in a plain-text document.

    ## What it does
    Flags a named or numeric HTML character reference in a plain-text document
    and proposes the character it stands for (a plain space for `&nbsp;`).
    Markdown, HTML and reStructuredText documents are skipped: there the
    reference is legitimate markup.  So is a plain-text file that holds a whole
    HTML document (see SCR006), and a software project's documentation file (a
    change log quoting `perl -pe 's{-&gt;}{&rarr;}'`), where a reference is content.

    ## Why is this bad?
    Text copied out of HTML source keeps its escapes; a reader sees "Marks
    &amp; Spencer" instead of "Marks & Spencer".

    ## Example
    ```text
    It&#8217;s late.
    ```

    ## Use instead
    ```text
    It’s late.
    ```

    ## Fix safety
    Safe: the reference is decoded exactly as a browser would (Python's
    `html.unescape`), only when it is complete (ends in `;`) and names a
    real character, and only in plain text, where no markup language reads it.
    A reference quoted on its own ('"&eacute;" stands for é') is named, not
    used, and is left alone.
    """
    if doc.kind != "text" or markup.project_doc(doc.path):
        return  # markup, or a project's docs, which quote references as their content ("-&gt;")
    for m in markup.CHARACTER_REFERENCE.finditer(doc.masked):
        ref = m.group()
        if ref[1] != "#" and ref[1:] not in html.entities.html5:
            continue
        if (doc.masked[m.start() - 1 : m.start()], doc.masked[m.end() : m.end() + 1]) in QUOTE_PAIRS:
            continue  # a reference quoted on its own is named, not used: 'write "&eacute;" for é'
        char = html.unescape(ref)
        if char == ref or not char or any(ord(c) < 32 and c not in "\t\n\r" for c in char):
            continue
        replacement = PROSE.get(char, char)
        yield finding(
            "SCR005",
            m.start(),
            m.end(),
            f"HTML entity {ref} in plain text",
            replacement=replacement,
            applicability=Applicability.SAFE,
            confidence=0.9,
            explanation=f"{ref} is the HTML reference for {char!r}"
            + (f"; in prose it is written {replacement!r}" if replacement != char else ""),
        )


@rule(
    "SCR006",
    "scrape.html-tag",
    Category.SCRAPE,
    examples=[
        Example("The <b>main</b> point.", "The main point.", unsafe=True),
        Example("First line.<br>Second line.", "First line. Second line.", unsafe=True),
        Example('See <span class="note">this</span> note.', "See this note.", unsafe=True),
        Example("<p>A paragraph.</p>\n", "A paragraph.\n", unsafe=True),
    ],
    clean=[
        "If a < b and b > c then a < c.",
        "Use <Ctrl> and <Alt> together.",
        "Mail <someone@example.com> for help.",
        "The <unknown> marker stays.",
        "The page is searched for links of the form <a href=...>.",
    ],
)
def html_tag(doc: Document) -> Iterator[Finding]:
    """Leftover HTML tags (`<b>`, `</p>`, `<br>`) in a plain-text document.

    ## What it does
    Flags a tag of a common HTML element, with or without attributes, in a
    plain-text document and proposes deleting it (a block tag between two words
    becomes a space).  Markdown, HTML and reStructuredText documents are
    skipped: there tags are markup.

    ## Why is this bad?
    Text pulled from HTML source keeps the tags, which a reader of plain text
    sees as noise.

    ## Example
    ```text
    The <b>main</b> point.
    ```

    ## Use instead
    ```text
    The main point.
    ```

    A plain-text file that holds a whole HTML document (a doctype, or an `html`,
    `head` or `body` tag: a saved page, the HTML part of an e-mail) is HTML
    source, and is checked as HTML: its tags are markup, not leftovers, so none
    is flagged (a saved page drew a finding for every tag).  Nor is a tag in a
    software project's documentation file (a change log, a README), which names
    tags as its content; mail and scraped pages, however many code marks they
    hold, are checked.

    ## Fix safety
    Unsafe: a plain-text file may be writing about HTML ("use the <b> tag"),
    where the tag is the content.  A tag that holds a URL is left to a person
    (URLs are protected).
    """
    if doc.kind != "text" or markup.project_doc(doc.path):
        return  # markup, or a project's docs, which name tags as their content ("emit closing </span>")
    masked = doc.masked
    for m in TAG.finditer(masked):
        if "..." in m.group() or "…" in m.group():
            continue  # a tag written out as an example, its value elided: "links of the form <a href=...>"
        before = masked[m.start() - 1] if m.start() > 0 else "\n"
        after = masked[m.end()] if m.end() < len(masked) else "\n"
        replacement = ""
        if BLOCK.match(m.group()) and not before.isspace() and not after.isspace():
            replacement = " "
        yield finding(
            "SCR006",
            m.start(),
            m.end(),
            f"HTML tag {shown(m.group())} in plain text",
            replacement=replacement,
            applicability=Applicability.UNSAFE,
            confidence=0.7,
            explanation="a tag of a common HTML element, left behind when the page was converted to text",
        )
