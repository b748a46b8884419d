"""In a document with clear signs of spinning, words that fit their neighbours moderately are weighed too."""

from __future__ import annotations

import pytest

from repair.detectors import spin as family
from repair.document import Document
from repair.spin import scan
from repair.spin.context import sentences

TEXT = "The old captain gave a short speech to the crew before the voyage."


def test_fitting_words_are_those_the_first_scan_leaves_alone() -> None:
    sentence = sentences(TEXT)[0]
    wide = list(scan.propose_fitting(sentence, TEXT, set()))
    assert wide, "some words fit their neighbours only moderately"
    for p in wide:
        assert scan.SUSPICION < min(p.left, p.right) <= scan.WIDE_SUSPICION
    first = {p.written for p in scan.propose(sentence, TEXT, set())}
    assert not first & {p.written for p in wide}


def _read(text: str) -> family.Reading:
    doc = Document.from_text(text)
    state = family.Reading()
    for _ in family.read_region(doc, state, 0, len(text), full=True):
        pass
    return state


def test_a_document_without_signs_of_spinning_is_not_widened() -> None:
    state = _read(TEXT)
    assert not state.spun()
    before = [list(props) for props in state.pending]
    state.widen(TEXT)
    assert state.pending == before


def test_a_spun_document_is_widened_once(monkeypatch: pytest.MonkeyPatch) -> None:
    state = _read(TEXT)
    monkeypatch.setattr(family.Reading, "spun", lambda self, rate=None: True)
    before = {p.start for props in state.pending for p in props}
    state.widen(TEXT)
    after = {p.start for props in state.pending for p in props}
    assert after > before
    assert not state.read  # each sentence is widened once
    n = len(state.pending)
    state.widen(TEXT)
    assert len(state.pending) == n
