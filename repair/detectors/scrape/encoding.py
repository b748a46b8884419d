"""SCR004: mojibake, UTF-8 read as Windows-1252 or Latin-1 ("Itâ€™s" for "It’s"), fixed by ftfy."""

from __future__ import annotations

import difflib
import functools
import re
from collections.abc import Callable, Iterator, Sequence
from typing import TYPE_CHECKING

import regex

from repair.detectors.scrape.common import candidate_lines, shown
from repair.document import Document
from repair.model import Applicability, Category, Example, Finding, finding
from repair.registry import rule
from repair.tokenize import common_prefix

if TYPE_CHECKING:
    from ftfy import ExplainedText, TextFixerConfig

# A UTF-8 lead byte read as a Latin-1 letter followed by a continuation byte read as
# Windows-1252 or Latin-1, or a C1 control character: where mojibake can be.
SUSPECT = re.compile(
    r"[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    r"\u2013\u2014\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
    r"|[\u0080-\u009f]"
)


@functools.cache
def _fixer() -> tuple[Callable[[str, TextFixerConfig], ExplainedText], TextFixerConfig]:
    """ftfy's ``fix_and_explain`` and the settings used here.

    ftfy is imported on first use: its import costs about 50 ms, and most
    documents have no line that looks like mojibake.
    """
    import ftfy

    config = ftfy.TextFixerConfig(
        unescape_html=False,
        remove_terminal_escapes=False,
        fix_encoding=True,
        restore_byte_a0=True,
        replace_lossy_sequences=False,
        decode_inconsistent_utf8=True,
        fix_c1_controls=True,
        fix_latin_ligatures=False,
        fix_character_width=False,
        uncurl_quotes=False,
        fix_line_breaks=False,
        fix_surrogates=False,
        remove_control_chars=False,
        normalization=None,
        explain=True,
    )
    return ftfy.fix_and_explain, config


def _explain(steps: Sequence[tuple[str, str]] | None) -> str:
    if not steps:
        return "ftfy repaired the encoding"
    said = []
    for action, param in steps:
        if action == "encode":
            said.append(f"encode as {param}")
        elif action == "decode":
            said.append(f"decode as {param}")
        else:
            said.append(f"{action} {param}")
    return "ftfy: " + ", then ".join(said)


_SPACE = regex.compile(r"(\s+)")


def _changes(old: str, new: str) -> Iterator[tuple[int, int, str]]:
    """Changed regions of ``old`` -> ``new``, merged within a word: ``(start, end, replacement)``.

    ftfy repairs words in place and leaves the white space between them: then the two texts are
    compared word by word, in one pass.  Otherwise a character diff places the changes (its cost
    grows with the square of the length, and worse on repetitive text: hence :data:`PIECE`).
    """
    old_parts, new_parts = _SPACE.split(old), _SPACE.split(new)
    if len(old_parts) == len(new_parts) and old_parts[1::2] == new_parts[1::2]:
        at = 0
        for a, b in zip(old_parts, new_parts, strict=True):
            if a != b:
                head = common_prefix(a, b)
                tail = common_prefix(a[head:][::-1], b[head:][::-1])
                yield at + head, at + len(a) - tail, b[head : len(b) - tail]
            at += len(a)
        return
    yield from _diffed(old, new)


def _diffed(old: str, new: str) -> Iterator[tuple[int, int, str]]:
    """:func:`_changes` by a character diff, its changes grouped within words."""
    ops = [op for op in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()]
    group: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        tag, i1, i2, _, _ = op
        if tag == "equal":
            if group and (i2 - i1 > 0 and regex.search(r"\s", old[i1:i2])):
                yield _region(group, new)
                group = []
            elif group:
                group.append(op)
            continue
        group.append(op)
    if group:
        yield _region(group, new)


def _region(group: list[tuple[str, int, int, int, int]], new: str) -> tuple[int, int, str]:
    while group and group[-1][0] == "equal":
        group.pop()
    return group[0][1], group[-1][2], new[group[0][3] : group[-1][4]]


@rule(
    "SCR004",
    "scrape.mojibake",
    Category.SCRAPE,
    examples=[
        Example("Itâ€™s a fine day.", "It’s a fine day."),
        Example("The cafÃ© was open late.", "The café was open late."),
        Example("He paid â‚¬5 for it.", "He paid €5 for it."),
        Example("She said â€œhelloâ€\x9d and left.", "She said “hello” and left."),
        Example("It was Russia\x92s answer.", "It was Russia’s answer."),
    ],
    clean=[
        "Zoë’s café in São Paulo served crème brûlée.",
        "A naïve façade, déjà vu, and the Ålesund fjord.",
        "Łódź and Kraków are cities in Poland.",
        "The price was 5 € — or about £4.",
        "Ã is a letter in some alphabets, as in the word “Ãnima”.",
    ],
)
def mojibake(doc: Document) -> Iterator[Finding]:
    """Mojibake: UTF-8 text decoded with the wrong encoding ("cafÃ©", "Itâ€™s").

    ## What it does
    Finds lines with the byte patterns of UTF-8 read as Windows-1252 or Latin-1
    (and stray C1 control characters) and asks ftfy to repair them; each
    repaired word is a finding, with ftfy's steps as the explanation.

    ## Why is this bad?
    A page or file decoded with the wrong character set turns every accented
    letter, curly quote and dash into two or three junk characters.

    ## Example
    ```text
    Itâ€™s a fine day at the cafÃ©.
    ```

    ## Use instead
    ```text
    It’s a fine day at the café.
    ```

    ## Fix safety
    Safe: ftfy only re-decodes text whose characters form a valid UTF-8 byte
    sequence once encoded back and that its "badness" measure marks as
    mojibake; it is built and tested to leave real accented text alone.  The
    finding names the encode/decode steps so that a reviewer can check them.
    """
    text = doc.masked
    if text.isascii():
        return
    for line in candidate_lines(text, SUSPECT):
        for at, body in _pieces(text, line.start, line.end):
            yield from _repaired(body, at)


#: Marks that open and close a quoted example.
_OPENING = frozenset("“\"‘'«`")
_CLOSING = frozenset("”\"’'»`")
#: The longest piece of mojibake taken for one character quoted as an example.
EXAMPLE_LENGTH = 3


def _example(body: str, start: int, end: int) -> bool:
    """Whether the mojibake ``body[start:end]`` is one character's garbling quoted as an example, a
    word of its own between quotes (or a quote and a space): a text about mojibake shows it on
    purpose ('characters like “Ã©” or “Ã§”'); in a garbled word letters touch it ("cafÃ©")."""
    if end - start > EXAMPLE_LENGTH:
        return False
    before, after = body[start - 1 : start], body[end : end + 1]
    opened = before in _OPENING
    closed = after in _CLOSING
    return (opened or closed) and (opened or before.isspace()) and (closed or after.isspace())


#: A line longer than this is repaired in pieces cut at white space (a text on one line, a paragraph
#: of a JSON field): the character diff that places the fixes costs the square of its length.
PIECE = 2000


def _pieces(text: str, start: int, end: int) -> Iterator[tuple[int, str]]:
    """``text[start:end]`` in pieces of about ``PIECE`` characters or fewer, each ending at white space
    where there is any, with their offsets; only the pieces that may hold mojibake."""
    while start < end:
        stop = end if end - start <= PIECE else text.rfind(" ", start + PIECE // 2, start + PIECE) + 1
        if stop <= start:
            stop = min(end, start + PIECE)  # no space to cut at
        piece = text[start:stop]
        if SUSPECT.search(piece):
            yield start, piece
        start = stop


def _repaired(body: str, at: int) -> Iterator[Finding]:
    """SCR004 findings for ``body``, which starts at offset ``at``: ftfy's repairs, word by word."""
    fix_and_explain, config = _fixer()
    fixed = fix_and_explain(body, config)
    if fixed.text == body:
        return
    why = _explain(fixed.explanation)
    for start, end, replacement in _changes(body, fixed.text):
        old = body[start:end]
        if _example(body, start, end):
            continue
        odd = _odd_glyph(body, start, end, replacement)
        yield finding(
            "SCR004",
            at + start,
            at + end,
            f"mojibake {shown(old)}: should read {shown(replacement)}",
            replacement=replacement,
            applicability=Applicability.DISPLAY if odd else Applicability.SAFE,
            confidence=0.5 if odd else 0.9,
            explanation=why + (ODD_GLYPH if odd else ""),
        )


#: What a control character standing alone may be, read as a Windows-1252 byte: a bullet, a dash, a
#: dagger, a sign.  Any other reading of one standing alone ("ˆ", "Š", "œ") is no character a writer
#: sets between spaces: a PDF font's own code for a glyph (a list's bullet), which no encoding names.
STANDALONE = frozenset("•–—€†‡‰™…")
ODD_GLYPH = (
    " Shown only: the control character stands alone, where its Windows-1252 reading makes no sense;"
    " it may be a glyph of a PDF font's own encoding (a list's bullet): check the source."
)


def _odd_glyph(body: str, start: int, end: int, replacement: str) -> bool:
    """Whether ``body[start:end]`` is one C1 control character standing alone (between white space
    or at a line's start) whose Windows-1252 reading, ``replacement``, is nothing a writer sets so."""
    if end - start != 1 or not "\x80" <= body[start] <= "\x9f" or replacement in STANDALONE:
        return False
    before, after = body[start - 1 : start], body[end : end + 1]
    return (not before or before.isspace()) and (not after or after.isspace())
