"""From LanguageTool matches to repair findings.

Each LanguageTool category goes to one GRM rule, with an applicability and a
confidence chosen conservatively:

- GRM001 grammar: GRAMMAR, CONFUSED_WORDS (confidence 0.7); COLLOCATIONS,
  SEMANTICS, NONSTANDARD_PHRASES, MISC, COMPOUNDING and any category repair does
  not know (0.6).  Fix ``unsafe``.
- GRM002 punctuation: PUNCTUATION, CASING (0.6), TYPOGRAPHY (0.5).  Fix ``unsafe``.
- GRM003 style: STYLE, REDUNDANCY, PLAIN_ENGLISH, WIKIPEDIA, REPETITIONS_STYLE,
  GENDER_NEUTRALITY, REGIONALISMS, AMERICAN/BRITISH_ENGLISH_STYLE (0.4).  ``display``.
- GRM004 spelling: TYPOS (0.4).  ``display``.

Nothing is ``safe``: LanguageTool's rules are pattern rules and a spell
checker, its suggestions come unranked by evidence, and a match may span a
name; a person (or ``--unsafe-fixes``) decides.  A match with more than one
suggestion, or with none, is ``display`` whatever its category: the first
suggestion is shown as the fix, the others as alternatives.
"""

from __future__ import annotations

from collections.abc import Iterator

from repair.grammar.chunks import utf16_to_codepoints
from repair.grammar.client import Match
from repair.model import Applicability, Category, Edit, Finding

GRAMMAR, PUNCTUATION, STYLE, SPELLING = "GRM001", "GRM002", "GRM003", "GRM004"

_CATEGORY_RULE: dict[str, str] = {
    "PUNCTUATION": PUNCTUATION,
    "TYPOGRAPHY": PUNCTUATION,
    "CASING": PUNCTUATION,
    "STYLE": STYLE,
    "REDUNDANCY": STYLE,
    "PLAIN_ENGLISH": STYLE,
    "WIKIPEDIA": STYLE,
    "REPETITIONS_STYLE": STYLE,
    "GENDER_NEUTRALITY": STYLE,
    "REGIONALISMS": STYLE,
    "AMERICAN_ENGLISH_STYLE": STYLE,
    "BRITISH_ENGLISH_STYLE": STYLE,
    "TYPOS": SPELLING,
}
_SOFT_GRAMMAR = frozenset({"COLLOCATIONS", "SEMANTICS", "NONSTANDARD_PHRASES", "MISC", "COMPOUNDING"})
MAX_ALTERNATIVES = 9
_CONFIDENCE = {GRAMMAR: 0.7, PUNCTUATION: 0.6, STYLE: 0.4, SPELLING: 0.4}


def rule_for(category_id: str) -> str:
    """The GRM code a LanguageTool category id belongs to (GRM001 when unknown)."""
    return _CATEGORY_RULE.get(category_id.upper(), GRAMMAR)


def _confidence(code: str, category_id: str) -> float:
    if code == GRAMMAR and category_id.upper() in _SOFT_GRAMMAR:
        return 0.6
    if category_id.upper() == "TYPOGRAPHY":
        return 0.5
    return _CONFIDENCE[code]


def _applicability(code: str, match: Match) -> Applicability:
    if code in (STYLE, SPELLING):
        return Applicability.DISPLAY
    if len(match.replacements) != 1:
        return Applicability.DISPLAY
    return Applicability.UNSAFE


def explanation(match: Match, span: str) -> str:
    """The evidence in words: LanguageTool's rule id, category and message, and what it suggests."""
    category = match.category_name or match.category_id or "uncategorised"
    text = f"LanguageTool rule {match.rule_id} ({category}) on {span!r}: {match.message}"
    if match.replacements:
        shown = ", ".join(repr(r) for r in match.replacements[:5])
        more = f" and {len(match.replacements) - 5} more" if len(match.replacements) > 5 else ""
        text += f" Suggests {shown}{more}."
    return text


def findings(matches: tuple[Match, ...], text: str, start: int) -> Iterator[Finding]:
    """Findings for matches on ``text``, a piece sent to LanguageTool that begins at ``start``.

    Offsets are mapped from UTF-16 units to code points and shifted by
    ``start``; a match that falls outside the piece is dropped.
    """
    table = utf16_to_codepoints(text)
    limit = len(text) if table is None else len(table) - 1
    for m in matches:
        lo, hi = m.offset, m.offset + m.length
        if hi > limit:
            continue
        if table is not None:
            lo, hi = table[lo], table[hi]
        code = rule_for(m.category_id)
        span = text[lo:hi]
        fix: tuple[Edit, ...] = ()
        alternatives: tuple[str, ...] = ()
        if m.replacements:
            if m.replacements[0] != span:
                fix = (Edit(start + lo, start + hi, m.replacements[0]),)
            alternatives = tuple(r for r in m.replacements[1 : MAX_ALTERNATIVES + 1] if r != span)
        yield Finding(
            rule=code,
            category=Category.GRAMMAR,
            start=start + lo,
            end=start + hi,
            message=m.message or m.short_message or m.rule_description or "LanguageTool match",
            fix=fix,
            alternatives=alternatives,
            applicability=_applicability(code, m),
            confidence=_confidence(code, m.category_id),
            explanation=explanation(m, span),
        )
