"""Merging a LanguageTool finding into a finding of repair's own rules on the same span.

The resolver already merges findings of different rules that flag the same span
with the same fix (one finding, both explanations).  When LanguageTool and one of
repair's own rules flag the same span with *different* fixes, two findings would
reach the user and the fixer would apply whichever came first.  :func:`fold_grammar`
settles it: repair's own finding leads (its fix and applicability stand, since its
evidence is specific to the damage it looks for), and LanguageTool's match joins
it as evidence, its suggestions as alternatives.

A detector sees only its own findings, so this is a resolver step; it is meant
to run on the resolver's output, after its same-fix merge::

    return fold_grammar(_merge_same_fix(...))      # in repair.resolve.resolve
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from repair.model import Category, Finding


def fold_grammar(findings: Sequence[Finding]) -> list[Finding]:
    """``findings`` with each GRM finding folded into a non-GRM finding on exactly the same span.

    A GRM finding with no such partner is kept as it is.  Order is preserved.
    """
    own: dict[tuple[int, int], int] = {}
    for i, f in enumerate(findings):
        if f.category is not Category.GRAMMAR:
            own.setdefault((f.start, f.end), i)
    out: list[Finding | None] = list(findings)
    for i, f in enumerate(findings):
        if f.category is not Category.GRAMMAR:
            continue
        j = own.get((f.start, f.end))
        if j is None:
            continue
        lead = out[j]
        assert lead is not None
        taken = set(lead.replacements)
        extra = tuple(r for r in f.replacements if r not in taken)
        note = f"[{f.rule}] {f.explanation or f.message}"
        out[j] = dataclasses.replace(
            lead,
            explanation=f"{lead.explanation} {note}".strip(),
            alternatives=lead.alternatives + extra,
        )
        out[i] = None
    return [f for f in out if f is not None]
