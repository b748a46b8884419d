"""Core value types: edits, findings, rules and their examples.

Everything here is immutable.  Offsets are half-open code-point indices into the
decoded text exactly as read (newlines included as they were), never into a
normalised copy.  Line and column numbers are computed only by renderers.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from repair.document import Document


class Category(str, enum.Enum):
    """The family a rule belongs to."""

    SPIN = "spin"
    TYPO = "typo"
    OCR = "ocr"
    SCRAPE = "scrape"
    GRAMMAR = "grammar"


class Applicability(str, enum.Enum):
    """When a finding's fix may be applied.

    ``safe`` fixes are applied by ``repair fix``; ``unsafe`` ones only with
    ``--unsafe-fixes``; ``display`` ones are shown and never applied.
    """

    SAFE = "safe"
    UNSAFE = "unsafe"
    DISPLAY = "display"

    def applies(self, unsafe: bool) -> bool:
        """Whether a fix of this applicability is applied at the given setting."""
        return self is Applicability.SAFE or (unsafe and self is Applicability.UNSAFE)


@dataclass(frozen=True, order=True)
class Edit:
    """Replace ``text[start:end]`` by ``replacement``."""

    start: int
    end: int
    replacement: str

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad edit span {self.start}:{self.end}")


@dataclass(frozen=True)
class Finding:
    """One problem found in a document, with its evidence and its remedy.

    ``message`` states the problem, ``fix`` the remedy (edits applied together),
    ``explanation`` the evidence a reviewer can check.  ``alternatives`` are other
    replacement texts for the same span, best first.
    """

    rule: str
    category: Category
    start: int
    end: int
    message: str
    fix: tuple[Edit, ...] = ()
    alternatives: tuple[str, ...] = ()
    applicability: Applicability = Applicability.DISPLAY
    confidence: float = 0.5
    explanation: str = ""

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad finding span {self.start}:{self.end}")
        if not 0.0 <= self.confidence <= 1.0:
            raise ValueError(f"confidence {self.confidence} outside [0, 1]")

    @property
    def replacements(self) -> tuple[str, ...]:
        """The fix's replacement text for the finding's span first, then the alternatives."""
        first: tuple[str, ...] = ()
        if self.fix:
            first = (self.fixed_span_text(),)
        return first + tuple(a for a in self.alternatives if a not in first)

    def fixed_span_text(self) -> str:
        """What ``text[start:end]`` becomes once the fix is applied (needs edits inside the span)."""
        return "".join(e.replacement for e in sorted(self.fix))


#: The family of each rule-code prefix (a rule code is the prefix and three digits).
CATEGORY_OF = {
    "SPN": Category.SPIN,
    "TYP": Category.TYPO,
    "OCR": Category.OCR,
    "SCR": Category.SCRAPE,
    "GRM": Category.GRAMMAR,
}


def finding(
    rule: str,
    start: int,
    end: int,
    message: str,
    *,
    replacement: str | None = None,
    applicability: Applicability = Applicability.DISPLAY,
    confidence: float = 0.5,
    explanation: str = "",
    alternatives: tuple[str, ...] = (),
) -> Finding:
    """A finding of ``rule`` over ``[start, end)`` in the family its code names; ``replacement``
    (if any) replaces the whole span as one edit, and without one the finding is only shown."""
    fix = (Edit(start, end, replacement),) if replacement is not None else ()
    return Finding(
        rule=rule,
        category=CATEGORY_OF[rule[:3]],
        start=start,
        end=end,
        message=message,
        fix=fix,
        alternatives=alternatives,
        applicability=applicability if fix else Applicability.DISPLAY,
        confidence=confidence,
        explanation=explanation,
    )


@dataclass(frozen=True)
class Example:
    """A rule example that is also a test.

    ``text`` must be flagged by the rule.  When ``fixed`` is given, ``repair fix``
    (with ``--unsafe-fixes`` when ``unsafe`` is true) must turn ``text`` into
    ``fixed``, and ``fixed`` must then check clean for the rule.  When ``fixed``
    is None the rule's finding is display-only for this example.  ``kind`` is
    the document kind the example is checked as (one of :data:`repair.markup.KINDS`).
    """

    text: str
    fixed: str | None = None
    unsafe: bool = False
    kind: str = "text"


Detector = Callable[["Document"], Iterator[Finding]]


@dataclass(frozen=True)
class Rule:
    """A permanent rule: code (family prefix + 3 digits), dotted name, family, docs, examples.

    ``check`` is the detector that emits this rule's findings.  Several rules may
    share one detector (it then runs once and its findings are filtered by code).
    ``clean`` lists texts the rule must leave alone (negative examples).
    """

    code: str
    name: str
    category: Category
    summary: str
    doc: str
    check: Detector
    examples: tuple[Example, ...]
    clean: tuple[str, ...] = field(default=())
    default_enabled: bool = True

    @property
    def prefix(self) -> str:
        """The family prefix, e.g. ``SCR``."""
        return self.code[:3]
