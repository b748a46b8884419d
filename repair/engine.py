"""Running the detectors over a document and fixing it.

:func:`analyze` runs each selected rule's detector once (a detector shared by
several rules runs once for all of them) and hands the raw findings to the
resolver.  :func:`fix` drives :mod:`repair.apply` with :func:`analyze`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable

from repair import apply, notebook, registry
from repair.document import Document, Options
from repair.model import Detector, Finding
from repair.resolve import resolve


@functools.lru_cache(maxsize=64)
def detectors_for(codes: frozenset[str]) -> tuple[Detector, ...]:
    """The distinct detectors behind ``codes``, in rule-code order."""
    seen: dict[Detector, None] = {}
    for r in registry.all_rules():
        if r.code in codes:
            seen.setdefault(r.check, None)
    return tuple(seen)


def analyze(doc: Document, codes: frozenset[str], min_confidence: float = 0.0) -> list[Finding]:
    """Resolved findings for ``doc`` from the rules in ``codes``.

    Raises :class:`repair.registry.UnknownRuleError` when an inline suppression
    names an unknown rule.
    """
    if doc.kind == "notebook":
        return notebook.analyze(doc, lambda view: analyze(view, codes, min_confidence))
    if doc.suppression_codes:
        registry.expand(doc.suppression_codes)
    raw: list[Finding] = []
    for detect in detectors_for(codes):
        raw.extend(detect(doc))
    return resolve(doc, raw, codes, min_confidence)


# A sentence with something for every family to look up: an unknown word, a
# thesaurus swap, a word-class slip and a glued credit.
WARM_TEXT = "Officials said tbe vicinity was complicate, he additional.Credit: Staff Photo."


def warm(codes: frozenset[str], options: Options | None = None, min_confidence: float = 0.0) -> None:
    """Load the selected families' lazily loaded resources now.

    A process that forks workers calls this first, so that the word lists and
    models are loaded once and shared with the workers instead of being loaded
    again in each of them.
    """
    analyze(Document.from_text(WARM_TEXT, options=options), codes, min_confidence)


def fix(
    doc: Document,
    codes: frozenset[str],
    min_confidence: float = 0.0,
    unsafe: bool = False,
    can_write: Callable[[str], bool] | None = None,
    first: list[Finding] | None = None,
) -> apply.FixResult:
    """Apply the applicable fixes to a fixed point (see :func:`repair.apply.fix_document`)."""

    def run(d: Document) -> list[Finding]:
        return analyze(d, codes, min_confidence)

    result = apply.fix_document(doc, run, unsafe=unsafe, can_write=can_write, first=first)
    if doc.kind == "notebook":
        try:
            notebook.validate(result.text)
        except notebook.NotebookError as exc:  # never expected: fixes change string content only
            raise apply.UnsafeFixError(f"fixing would break the notebook ({exc})") from None
    return result
