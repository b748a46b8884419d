"""Glossaries and dictionaries of jargon: entries with short forms, pronunciations, headwords, code
and acronyms.  Their marks are the form's, not a scan's damage, and their coinages are terms.

Every text here is written for the test.
"""

from __future__ import annotations

import repair
from repair.model import Applicability


def changes(text: str) -> list[tuple[str, str, str]]:
    """(rule, the text flagged, the first replacement) of each safe finding."""
    return [
        (f.rule, text[f.start : f.end], f.replacements[0] if f.replacements else "")
        for f in repair.check(text)
        if f.applicability is Applicability.SAFE
    ]


def test_a_phrase_is_never_restored_to_its_acronym() -> None:
    text = "The new model shipped with a faster and enhanced disk operating system and improved video."
    assert not [f for f in repair.check(text) if "dos" in (r.lower() for r in f.replacements)]
