"""The resolver: from raw detector output to the findings a user sees.

Drops findings of unselected rules, below the confidence floor, touching a
protected span or on a piece of a word that inline markup splits, suppressed
inline, or on an allow-listed word; removes exact duplicates; drops typing and
OCR findings inside a listed phrase (spelled as published); merges findings of
different rules that flag the same span with the same fix into one finding
carrying both explanations, and folds a grammar (LanguageTool) finding into
repair's own finding on the same span.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable, Sequence

from repair.document import Document
from repair.model import Category, Finding


def _touches_protected(doc: Document, f: Finding) -> bool:
    if doc.is_protected(f.start, f.end) or doc.splits_word(f.start, f.end):
        return True
    return any(doc.is_protected(e.start, e.end) for e in f.fix)


def _allow_listed(doc: Document, f: Finding) -> bool:
    if not doc.options.allow_words or f.end <= f.start:
        return False
    span = doc.text[f.start : f.end].strip()
    return bool(span) and doc.options.allowed(span)


def resolve(
    doc: Document, findings: Iterable[Finding], codes: frozenset[str], min_confidence: float = 0.0
) -> list[Finding]:
    """The findings that survive the configuration, de-duplicated and sorted by position."""
    kept: dict[tuple[int, int, str], Finding] = {}
    for f in findings:
        if f.rule not in codes or f.confidence < min_confidence:
            continue
        if _touches_protected(doc, f) or doc.is_suppressed(f.rule, f.start, f.end) or _allow_listed(doc, f):
            continue
        key = (f.start, f.end, f.rule)
        if key not in kept or kept[key].confidence < f.confidence:
            kept[key] = f
    ordered = _outside_listed_phrases(sorted(kept.values(), key=lambda f: (f.start, f.end, f.rule)))
    return fold_second_opinions(_merge_same_fix(ordered))


#: Rules that find a phrase as a published list writes it (the spinner phrase table, the list of
#: tortured phrases): its words are spelled as listed, whatever a spelling rule makes of them.
LISTED_PHRASE_RULES = frozenset(("SPN001", "SPN005"))


def _outside_listed_phrases(findings: list[Finding]) -> list[Finding]:
    """Without the typing and OCR findings inside a listed phrase's span ("unearthly and cepstral":
    "cepstral" is no slip for "central")."""
    listed = [(f.start, f.end) for f in findings if f.rule in LISTED_PHRASE_RULES]
    if not listed:
        return findings
    return [
        f
        for f in findings
        if f.category not in (Category.TYPO, Category.OCR)
        or not any(a <= f.start and f.end <= b for a, b in listed)
    ]


def _merge_same_fix(findings: list[Finding]) -> list[Finding]:
    """One finding per (span, fix): the most confident leads, the others' evidence joins it."""
    groups: dict[tuple[int, int, tuple[object, ...]], list[Finding]] = {}
    order: list[tuple[int, int, tuple[object, ...]]] = []
    for f in findings:
        key: tuple[int, int, tuple[object, ...]] = (
            (f.start, f.end, f.fix) if f.fix else (f.start, f.end, ("no-fix", f.rule))
        )
        if key not in groups:
            groups[key] = []
            order.append(key)
        groups[key].append(f)
    out: list[Finding] = []
    for key in order:
        group = sorted(groups[key], key=lambda f: -f.confidence)
        lead = group[0]
        if len(group) > 1:
            notes = [lead.explanation] + [f"[{f.rule}] {f.explanation or f.message}" for f in group[1:]]
            alternatives = tuple(dict.fromkeys(a for f in group for a in f.alternatives))
            lead = dataclasses.replace(
                lead, explanation=" ".join(n for n in notes if n), alternatives=alternatives
            )
        out.append(lead)
    return out


def fold_second_opinions(findings: Sequence[Finding]) -> list[Finding]:
    """Each grammar (LanguageTool) finding folded into one of repair's own findings on the same span.

    Repair's own finding leads: its fix and applicability stand, since its
    evidence is specific to the damage it looks for; LanguageTool's match joins
    it as evidence and its suggestions as alternatives.  A grammar finding with
    no such partner is kept as it is.  Order is preserved.
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
