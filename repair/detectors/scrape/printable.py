"""SCR013: quoted-printable residue, e-mail text copied without decoding ("Thurs=" / "day", "=E2=80=99")."""

from __future__ import annotations

import re
import weakref
from collections.abc import Iterator

from repair import markup
from repair.detectors.scrape.common import line_at
from repair.document import Document
from repair.model import Applicability, Category, Example, Finding, finding
from repair.registry import rule

# "=" right before a line break: a soft line break, the line going on without one
SOFT_BREAK = re.compile(r"=(?=\r\n|\n|\r)")
# a run of encoded octets: "=20", "=3D", "=E2=80=99"
OCTETS = re.compile(r"(?:=[0-9A-F]{2})+")
# RFC 2045 caps an encoded line at 76 characters, the soft break's "=" included; encoders fill
# lines close to that, so a soft break ends a long line (a short line ending in "=" is something else)
MAX_LINE = 76
MIN_LINE = 50
# Once a text shows the encoding, a longer line ending in "=" is a soft break too: some encoders
# put the "=" after 76 characters, and a code point later written out as an escape ("\\ufffd" for
# one character) lengthens its line.
LOOSE_MAX_LINE = 100
# octets that stand for themselves only at a line end: a trailing space or tab is encoded there
TRAILING = {"=20": " ", "=09": "\t"}
MIN_MARKS = 2  # soft breaks and decoded octet runs a text needs, one of them a soft break
# share of a text's long lines that end in a soft break: an encoder wraps most of them, while a
# book's table or a formula ends a line in "=" once in a while ("Henry=", a marriage in a pedigree)
MIN_SHARE = 0.2
LONG_LINE = re.compile(rf"^[^\r\n]{{{MIN_LINE},}}(?=\r|\n|\Z)", re.MULTILINE)


def _soft_breaks(text: str) -> list[tuple[int, int]]:
    """(offset, line length) of each possible soft line break: an "=" ending a line of ``MIN_LINE``
    to ``LOOSE_MAX_LINE`` characters, not part of "==" (a heading's underline, a comparison)."""
    out = []
    for m in SOFT_BREAK.finditer(text):
        i = m.start()
        length = i + 1 - line_at(text, i).start
        if MIN_LINE <= length <= LOOSE_MAX_LINE and text[i - 1 : i] not in ("=", ""):
            out.append((i, length))
    return out


def cuts(doc: Document) -> frozenset[int]:
    """Where the quoted-printable encoding cuts words in ``doc``, when it shows the encoding (see
    :func:`quoted_printable`): the "=" of each soft line break and the start of the next line
    ("a=" / "ncient"), and both ends of each decodable code ("caf=C3=A9"). A word ending or
    starting there is a fragment, no word to correct."""
    breaks, octets, _ = _evidence(doc)
    out = set()
    for i, _ in breaks:
        out.add(i)
        out.add(i + (3 if doc.masked.startswith("\r\n", i + 1) else 2))
    for m, _ in octets:
        out.add(m.start())
        out.add(m.end())
    return frozenset(out)


_Evidence = tuple[list[tuple[int, int]], list[tuple[re.Match[str], str]], int]
_EVIDENCE: weakref.WeakKeyDictionary[Document, _Evidence] = weakref.WeakKeyDictionary()


def _evidence(doc: Document) -> _Evidence:
    """The soft breaks, the decodable octet runs and the count of marks of the encoding in ``doc``
    (computed once per document); nothing when the text does not show the encoding."""
    found = _EVIDENCE.get(doc)
    if found is None:
        found = _EVIDENCE[doc] = _find_evidence(doc)
    return found


def _find_evidence(doc: Document) -> _Evidence:
    if doc.kind not in ("text", "html") or "=" not in doc.text or _coded(doc):
        return [], [], 0
    text = doc.masked  # web addresses blanked: "?id=3D" is no code
    loose = _soft_breaks(text)
    breaks = [(i, length) for i, length in loose if length <= MAX_LINE]  # the evidence: encoders' lines
    if not breaks:
        return [], [], 0
    octets = [(m, chars) for m in OCTETS.finditer(text) if (chars := _decoded(text, m)) is not None]
    marks = len(breaks) + sum(1 for m, _ in octets if m.group() != "=3D")  # "x=3D" may be prose
    long_lines = sum(1 for line in LONG_LINE.findall(text) if not line.isspace())  # not an HTML line of tags
    if marks < MIN_MARKS or len(breaks) < MIN_SHARE * long_lines:
        return [], [], 0
    return loose, octets, marks


def _coded(doc: Document) -> bool:
    """Whether ``doc`` is technical writing in plain text that may hold code, whose ``=`` signs are
    its own: a software project's documentation file, or a text with code marks.  Software terms
    alone do not make it so (a mail that sells software is still a mail its encoder broke)."""
    if doc.kind != "text" or not doc.technical:
        return False
    return markup.software_doc(doc.path) or markup.technical(doc.text, terms=False)


def _decoded(text: str, m: re.Match[str]) -> str | None:
    """What the octet run ``m`` stands for, or None when it may be something else ("n=20")."""
    run = m.group()
    data = bytes(int(run[k + 1 : k + 3], 16) for k in range(0, len(run), 3))
    if run in TRAILING:
        after = text[m.end() : m.end() + 3]
        at_end = after[:1] in ("\r", "\n") or (after[:1] == "=" and after[1:2] in ("\r", "\n"))
        return TRAILING[run] if at_end else None
    if run == "=3D":
        return "="
    if all(b >= 0x80 for b in data):
        try:
            chars = data.decode("utf-8")
        except UnicodeDecodeError:
            if len(data) != 1:
                return None
            try:
                chars = data.decode("cp1252")  # a single byte of a Windows code page: "don=92t"
            except UnicodeDecodeError:
                return None
        if all(c.isprintable() for c in chars):
            return chars
    return None


@rule(
    "SCR013",
    "scrape.quoted-printable",
    Category.SCRAPE,
    examples=[
        Example(
            "The committee of the water board will meet again next Thurs=\n"
            "day, when the budget for the coming year is due to be settled by all=\n"
            " its members.\n",
            "The committee of the water board will meet again next Thursday, when the budget for the"
            " coming year is due to be settled by all its members.\n",
        ),
        Example(
            "We don=E2=80=99t expect the pumps to be repaired before the end of the mon=\n"
            "th, the engineer wrote in her report to the board.\n",
            "We don’t expect the pumps to be repaired before the end of the month, the engineer"
            " wrote in her report to the board.\n",
        ),
    ],
    clean=[
        "Set n=20 and x=3D in the script, then run it again.\n",
        "Heading\n=======\n\nThe text below the heading runs on for a while longer.\n",
        "The total is computed as the sum of every row in the table here =\nsum(rows).\n",
    ],
)
def quoted_printable(doc: Document) -> Iterator[Finding]:
    """Quoted-printable residue: e-mail text copied without decoding ("Thurs=" / "day", "=E2=80=99").

    ## What it does
    In a plain-text or HTML document that shows the encoding (at least two
    marks, one of them a soft line break: an "=" ending a line of 50 to 76
    characters, as encoders fill them; and a fifth or more of its lines of 50
    characters or more, lines of HTML tags alone not counted, end so), rejoins
    each soft line break (then also an "=" ending a line of up to 100
    characters: some encoders write it after the 76th) and decodes each encoded
    character: "=E2=80=99" (UTF-8) or "=92" (Windows-1252) for "’", "=3D" for
    "=", and "=20" for a space at a line end.

    ## Why is this bad?
    Mail archives and corpora built from raw messages keep the transfer
    encoding: words are cut in two at line ends and characters become codes.

    ## Example
    ```text
    We don=E2=80=99t expect the pumps before the end of the mon=
    th.
    ```

    ## Use instead
    ```text
    We don’t expect the pumps before the end of the month.
    ```

    ## Fix safety
    Safe: only in plain text that is not technical writing with code (a
    project's documentation file, or text with code marks: its `=` signs are its
    own), or in HTML (tags are left as they are), that shows the encoding
    twice, and each fix is the exact decoding of RFC 2045. An "=20" that is not
    at a line end ("n=20") and a code that decodes to no printable character are
    left alone.
    """
    breaks, octets, marks = _evidence(doc)
    text = doc.masked
    for i, length in breaks:
        end = i + 1 + (2 if text.startswith("\r\n", i + 1) else 1)
        yield finding(
            "SCR013",
            i,
            end,
            "quoted-printable soft line break",
            replacement="",
            applicability=Applicability.SAFE,
            confidence=0.9,
            explanation=f"an '=' ends this line of {length} characters, as a quoted-printable encoder "
            f"breaks long lines; the text shows {marks} marks of that encoding, so the line goes on "
            "without a break.",
        )
    for m, chars in octets:
        yield finding(
            "SCR013",
            m.start(),
            m.end(),
            f"quoted-printable code {m.group()} for {chars!r}",
            replacement=chars,
            applicability=Applicability.SAFE,
            confidence=0.9,
            explanation=f"{m.group()} is the quoted-printable encoding of {chars!r}; the text shows {marks} "
            "marks of that encoding.",
        )
