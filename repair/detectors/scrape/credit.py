"""SCR001: photo-caption credit residue ("…outside Moscow.Credit:Russian Defence Ministry Press Service")."""

from __future__ import annotations

import re
from collections.abc import Iterator

import regex

from repair.detectors.scrape.common import Line, line_at, shown
from repair.document import Document
from repair.model import Applicability, Category, Example, Finding, finding
from repair.patterns import lazy
from repair.registry import rule

_LABEL = r"(?:(?:Photo|Image|Picture)[ ]?)?[Cc]redits?|Photo(?:graph)?|Picture|Image|Illustration"
# A credit names an agency or a person: every word capitalised (or a digit, or a joining word).
_NAME_WORD = r"(?:[\p{Lu}\d][\p{L}\p{M}\d'’&/-]*|of|the|and|for|via|de|del|da|der|van|von|la|le|du|&|/)"
_WHO = rf"{_NAME_WORD}(?:[ \t]*(?:,[ \t]*)?{_NAME_WORD}){{0,9}}"

GLUED = lazy(
    r"(?<=[.!?…][”’\"')\]]?)"
    rf"(?P<gap>[ \t]*)(?P<label>{_LABEL})[ \t]?:(?P<after>[ \t]*)(?P<who>{_WHO})"
    r"[ \t]*\.?[ \t]*(?=\r\n|\r|\n|\Z)",
    regex.MULTILINE | regex.VERSION1,
)
ALONE = lazy(
    rf"^[ \t]*(?P<label>{_LABEL})[ \t]?:(?P<after>[ \t]*)(?P<who>{_WHO})[ \t]*\.?[ \t]*(?:\r\n|\r|\n|\Z)",
    regex.MULTILINE | regex.VERSION1,
)


# Cheap first pass: a credit label and its colon.
# Wire-agency credits in brackets that end a caption: "(AP Photo/Evan Vucci)".
AGENCY = re.compile(
    r"(?<=[.!?…”’\"')\]])([ \t]*)\((?:AP|AFP|EPA|Reuters|Getty Images|Xinhua|Anadolu)"
    r"(?: Photo)?(?:/[^()\r\n]{1,60})?\)[ \t]*(?=\r\n|\r|\n|\Z)"
)
# A credit glued between two sentences, not at a line end: shown without a fix.
INLINE = re.compile(r"(?<=[.!?”’\"')\]])[ \t]?Credit:(?=[A-Z])[\w’'&/-]+")
COLON = re.compile(":")
LABEL_END = re.compile(r"(?:[Cc]redits?|Photo(?:graph)?|Picture|Image|Illustration)[ \t]?\Z")


def _label_lines(masked: str) -> Iterator[Line]:
    """Lines with a credit label before a colon (colons are rare, so this pass is fast)."""
    done = -1
    for m in COLON.finditer(masked):
        at = m.start()
        if at < done or not LABEL_END.search(masked, max(0, at - 15), at):
            continue
        line = line_at(masked, at)
        done = line.stop
        yield line


def credit_spans(masked: str) -> Iterator[tuple[int, int, bool, str]]:
    """``(start, end, glued, credit text)`` for each caption credit at the end of a caption line.

    ``glued`` is true when the credit is stuck to the caption or to its own label
    (``Moscow.Credit:`` / ``Credit:AP``), the signature of two page elements joined
    by a scraper.
    """
    for line in _label_lines(masked):
        yield from _glued(masked, line)


def _glued(masked: str, line: Line) -> Iterator[tuple[int, int, bool, str]]:
    for m in GLUED.finditer(masked, line.start, line.stop):
        start = m.start("gap")
        glued = m.group("gap") == "" or m.group("after") == ""
        # End at the credit (and its full stop): trailing blanks may be masked markup.
        end = m.end("who") + (1 if masked.startswith(".", m.end("who")) else 0)
        yield start, end, glued, m.group("who")


@rule(
    "SCR001",
    "scrape.caption-credit",
    Category.SCRAPE,
    examples=[
        Example(
            "Vehicles parked at an airfield outside Moscow.Credit:Russian Defence Ministry Press Service",
            "Vehicles parked at an airfield outside Moscow.",
        ),
        Example(
            "Riot police closed a street on Thursday. Credit:AP\r\n",
            "Riot police closed a street on Thursday.\r\n",
        ),
        Example(
            "Troops leave a plane in Kazakhstan, Thursday, January 6, 2022.Credit:RU-RTR Russian Television",
            "Troops leave a plane in Kazakhstan, Thursday, January 6, 2022.",
        ),
        Example(
            "The statue was pulled down by protesters. Photo: Getty Images\n\nNext paragraph.",
            "The statue was pulled down by protesters.\n\nNext paragraph.",
            unsafe=True,
        ),
        Example(
            "A view of the city.\r\nCredit:Reuters\r\nThe next line.", "A view of the city.\r\nThe next line."
        ),
        Example(
            "The old harbour at dawn.\n\nPhoto credit: Alamy Stock Photo\n",
            "The old harbour at dawn.\n\n",
            unsafe=True,
        ),
    ],
    clean=[
        "He asked the bank for more. Credit: the bank refused, saying the risk was too high.",
        "Credit where it is due: the team worked hard.",
        "The card offers credit: up to a thousand dollars a month.",
        "The film gives him a writing credit in the opening titles.",
        "Image: a man walks into a bar and orders a drink.",
        "The agency confirmed it (AP reported the same) on Monday.",
    ],
)
def caption_credit(doc: Document) -> Iterator[Finding]:
    """Photo-caption credit residue: "Credit:AP" stuck to the end of a caption.

    ## What it does
    Flags a photo credit ("Credit:AP", "Photo: Getty Images", "(AP Photo/Jane
    Doe)") that ends a caption line or stands on a line of its own, where the
    credit is a short run of capitalised name words.

    ## Why is this bad?
    A news page shows the credit in small type under the photo; a scraper that
    flattens the page glues it to the caption ("outside Moscow.Credit:Russian
    Defence Ministry Press Service"), leaving a fragment that is not prose.

    ## Example
    ```text
    Riot police closed a street on Thursday. Credit:AP
    ```

    ## Use instead
    ```text
    Riot police closed a street on Thursday.
    ```

    ## Fix safety
    The fix deletes the credit (and a credit line with its line break).  It is
    safe when the credit is glued to the caption or to its label
    ("Moscow.Credit:", "Credit:AP") or is a bracketed wire-agency credit ("(AP
    Photo/…)"): no writer types that, and the credit is attribution for an
    image that is no longer there.  A spaced credit
    ("Photo: Getty Images") may be wanted as attribution, so its fix is unsafe.
    """
    masked = doc.masked
    found = []
    for start, end, glued, who in credit_spans(masked):
        found.append(
            finding(
                "SCR001",
                start,
                end,
                f"photo credit {shown(masked[start:end].strip())} left from a caption",
                replacement="",
                applicability=Applicability.SAFE if glued else Applicability.UNSAFE,
                confidence=0.9 if glued else 0.7,
                explanation=f"a credit label and a name ({who!r}) end the caption line; "
                "it is the image credit of a web page, flattened into the text",
            )
        )
    alone = (m for line in _label_lines(masked) for m in ALONE.finditer(masked, line.start, line.stop))
    done = {f.start for f in found}
    for m in INLINE.finditer(masked) if ".Credit:" in masked or "Credit:" in masked else ():
        if m.start() in done or m.start() - 1 in done:
            continue
        yield finding(
            "SCR001",
            m.start(),
            m.end(),
            f"photo credit {shown(m.group())} glued into the text",
            confidence=0.7,
            explanation="'Credit:' glued to the end of a sentence is the image credit of a web page; "
            "where the credit ends is for a person to decide",
        )
    yield from found
    if "Photo/" in masked or "(AP" in masked or "(AFP" in masked or "(Reuters" in masked:
        for a in AGENCY.finditer(masked):
            yield finding(
                "SCR001",
                a.start(),
                a.end(),
                f"agency photo credit {shown(a.group().strip())} left from a caption",
                replacement="",
                applicability=Applicability.SAFE,
                confidence=0.9,
                explanation="a bracketed wire-agency photo credit ends the caption line; "
                "it is the image credit of a web page, flattened into the text",
            )
    for m in alone:
        glued = m.group("after") == ""
        start = m.start()
        if start > 0 and not m.group().endswith(("\n", "\r")):
            # Last line without a line break: take the preceding line break instead.
            start -= 2 if masked[start - 2 : start] == "\r\n" else 1
        yield finding(
            "SCR001",
            start,
            m.end(),
            f"photo credit line {shown(m.group().strip())}",
            replacement="",
            applicability=Applicability.SAFE if glued else Applicability.UNSAFE,
            confidence=0.85 if glued else 0.6,
            explanation=f"a line holding only a credit label and a name ({m.group('who')!r}) "
            "is the image credit of a web page",
        )
