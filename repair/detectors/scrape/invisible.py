"""SCR007: zero-width, bidirectional and control characters in prose."""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator

import regex

from repair.document import Document
from repair.model import Applicability, Category, Example, Finding, finding
from repair.patterns import lazy
from repair.registry import rule

# Tab, line feed, carriage return and form feed are kept; C1 controls are SCR004's (cp1252 bytes).
INVISIBLE = lazy(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|[\x00-\x08\x0b\x0e-\x1a\x1c-\x1f\x7f\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u2069\ufeff]+"
    r"|\x1b"
)
_CANDIDATES = (
    "".join(map(chr, range(0x00, 0x09)))
    + "\x0b"
    + "".join(map(chr, range(0x0E, 0x20)))
    + "\x7f\u00ad\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
    + "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff"
)
_JOINERS = frozenset("\u200c\u200d")
# line-break hints: a web page's author writes them beside tags on purpose
_BREAK_HINTS = frozenset("\u200b\u00ad\u2060")
_BIDI = frozenset("\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
RTL = lazy(r"[\p{Script=Hebrew}\p{Script=Arabic}\p{Script=Syriac}\p{Script=Thaana}\p{Script=Nko}]")
# A joiner is legitimate next to anything but Latin letters, digits, ASCII and white space
# (emoji sequences, Indic and Arabic scripts).
PLAIN = lazy(r"[\p{Script=Latin}\p{Script=Common}\s]")


#: Marks a typewriter struck over a letter to accent it, as combining characters.
_ACCENTS = {"'": "\u0301", "`": "\u0300", '"': "\u0308", "^": "\u0302", "~": "\u0303", ",": "\u0327"}


def _overstrike(text: str, start: int, end: int) -> tuple[int, int, str, str] | None:
    """The span, printed text and kind of a typewriter overstrike around the backspaces at
    ``text[start:end]``: as many characters before as backspaces, struck over as many after
    ("_\bx" underlined, "x\bx" bold, "'\be" an accented letter, "____\b\b\b\bLAST"), or None
    when a pair is no overstrike ("a\bz")."""
    n = end - start
    before, after = text[start - n : start], text[end : end + n]
    if start < n or len(after) < n or any(c in "\r\n\b" for c in before + after):
        return None
    printed, kinds = [], set()
    for under, over in zip(before, after, strict=True):
        if under == "_" or over == "_":
            printed.append(over if under == "_" else under)
            kinds.add("underlined")
        elif under == over:
            printed.append(over)
            kinds.add("bold")
        elif under in _ACCENTS and over.isalpha():
            printed.append(unicodedata.normalize("NFC", over + _ACCENTS[under]))
            kinds.add("an accent struck over a letter")
        else:
            return None
    return start - n, end + n, "".join(printed), " and ".join(sorted(kinds))


def _name(ch: str) -> str:
    return unicodedata.name(ch, f"U+{ord(ch):04X}")


def _plain(ch: str) -> bool:
    return bool(PLAIN.match(ch)) and not regex.match(r"[\p{Extended_Pictographic}\ufe0f]", ch)


@rule(
    "SCR007",
    "scrape.invisible-character",
    Category.SCRAPE,
    examples=[
        Example("The zero\u200bwidth space hides here.", "The zerowidth space hides here."),
        Example("A soft\u00adhyphen and a word\u2060joiner.", "A softhyphen and a wordjoiner."),
        Example("Control\x07 characters\x00 too.", "Control characters too."),
        Example("Colour \x1b[31mcodes\x1b[0m from a terminal.", "Colour codes from a terminal."),
        Example("Plain English\u200d text.", "Plain English text."),
        Example("A byte order mark\ufeff in the middle.", "A byte order mark in the middle."),
        Example("Typed _\bu_\bn_\bd_\be_\br_\bl_\bi_\bn_\be_\bd once.", "Typed underlined once."),
        Example("A note from Andr'\be in Lyon.", "A note from André in Lyon."),
    ],
    clean=[
        "Tabs\tand\r\nline ends are fine.\n",
        "A family emoji \U0001f468\u200d\U0001f469\u200d\U0001f467 uses joiners.",
        "Hindi क्\u200dष uses a joiner.",
        "Persian می\u200cخواهم uses a non-joiner.",
        "Hebrew \u200fשלום\u200f with marks.",
        "Page one.\x0cPage two.",
    ],
)
def invisible_character(doc: Document) -> Iterator[Finding]:
    """Zero-width, bidirectional-control and control characters in prose.

    ## What it does
    Flags zero-width spaces, word joiners, soft hyphens, stray byte order marks,
    bidirectional controls (outside right-to-left text), C0 control characters
    other than tab, line feed, carriage return and form feed, and terminal colour
    codes.  Zero-width joiners and non-joiners are left alone next to emoji and
    non-Latin scripts, where they shape the text, and so are zero-width spaces,
    soft hyphens and word joiners written right beside a tag of a web page or of
    Markdown's inline HTML: line-break hints the author set on purpose.
    Backspaces that strike one character over another, as typewriters and nroff's
    output do ("_\\bx" underlined, "x\\bx" bold, "'\\be" an accented e), are
    read as the overstrike: the fix keeps what was printed ("x", "é").

    ## Why is this bad?
    They are invisible but break search, word counts, spell checking and
    copy-paste: a word with a zero-width space inside does not match
    the same word typed.

    ## Example
    ```text
    The zero<U+200B>width space
    ```

    ## Use instead
    ```text
    The zerowidth space
    ```

    ## Fix safety
    The fix deletes the characters.  It is safe: none of them has a visible form
    in Latin-script prose, so the text reads exactly as before.  A vertical tab
    (a line break in word processors) is only shown, because the line break it
    stood for has to be chosen by a person.
    """
    text = doc.masked
    if not any(ch in text for ch in _CANDIDATES):
        return
    rtl_lines: dict[int, bool] = {}
    for m in INVISIBLE.finditer(text):
        start, end = m.start(), m.end()
        chars = m.group()
        if start == 0 and chars[0] == "\ufeff":
            start += 1
            chars = chars[1:]
            if not chars:
                continue
        if (
            doc.kind in ("html", "markdown")
            and set(chars) <= _BREAK_HINTS
            and (doc.is_protected(start - 1, start) or doc.is_protected(end, end + 1))
        ):
            continue  # "</span>\u200b<sup>": a break hint the page's author set beside a tag
        if chars[0] in _JOINERS or chars[0] in _BIDI:
            before = text[start - 1] if start > 0 else " "
            after = text[end] if end < len(text) else " "
            if chars[0] in _JOINERS and not (_plain(before) and _plain(after)):
                continue
            if chars[0] in _BIDI:
                line_start = text.rfind("\n", 0, start) + 1
                if line_start not in rtl_lines:
                    line_end = text.find("\n", start)
                    rtl_lines[line_start] = bool(
                        RTL.search(text, line_start, line_end if line_end >= 0 else None)
                    )
                if rtl_lines[line_start]:
                    continue
        struck = _overstrike(text, start, end) if set(chars) == {"\b"} else None
        if struck is not None:
            first, last, printed, how = struck
            yield finding(
                "SCR007",
                first,
                last,
                f"typewriter overstrike ({how})",
                replacement=printed,
                applicability=Applicability.SAFE,
                confidence=0.9,
                explanation=(
                    f"backspaces strike one character over another, as typewriters and nroff's output do: "
                    f"{how}; the fix keeps what was printed, {printed!r}."
                ),
            )
            continue
        names = ", ".join(dict.fromkeys(_name(c) if c != "\x1b" else "ESCAPE" for c in chars[:3]))
        if chars.startswith("\x1b"):
            names = "terminal escape sequence"
        if "\x0b" in chars:
            yield finding(
                "SCR007",
                start,
                end,
                f"invisible character ({names})",
                confidence=0.7,
                explanation="a vertical tab is a word processor's manual line break",
            )
            continue
        yield finding(
            "SCR007",
            start,
            end,
            f"invisible character ({names})",
            replacement="",
            applicability=Applicability.SAFE,
            confidence=0.9,
            explanation=f"{len(chars)} character(s) with no visible form in prose: {names}",
        )
