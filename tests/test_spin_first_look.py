"""A short document's first look: clean prose is settled on each span's likeliest candidates,
a spun page is weighed again in full and reads exactly as a full reading would."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from repair.detectors import spin
from repair.document import Document
from repair.model import Finding
from repair.spin import gate
from repair.spin.context import Sentence
from repair.spin.scan import Proposal

CLEAN = (
    "The harbour town grew slowly through the nineteenth century. Fishing boats left before dawn and "
    "came back with herring, which women sorted on the quay. A railway reached the town in 1871, and "
    "with it came visitors from the inland cities who wanted sea air. Hotels were built along the front, "
    "and the old net lofts became shops. By 1900 the summer population was three times the winter one. "
    "The council paved the promenade, put up a bandstand and opened a small museum about the fishing "
    "trade. Most of the boats are gone now, but the museum still shows their nets, their lamps and the "
    "logbooks their captains kept."
)
# the same history as a sense-blind spinner would leave it
SPUN = (
    "The harbour city grew gradually via the nineteenth era. Angling vessels departed prior to sunrise "
    "and arrived rear with herring, which females categorized on the dock. A train achieved the city in "
    "1871, and with it arrived guests from the inland metropolises who desired ocean atmosphere. Inns "
    "were constructed alongside the front, and the aged internet lofts grew to be stores. By 1900 the "
    "summer time inhabitants was three occasions the winter season one. The authority surfaced the "
    "esplanade, place up a bandstand and unwrapped a little gallery regarding the angling commerce."
)


@pytest.fixture
def looks(monkeypatch: pytest.MonkeyPatch) -> dict[str, int]:
    """Counts the sentences proposed at a first look and in full."""
    counts = {"first": 0, "full": 0}
    propose = spin.propose

    def counted(sentence: Sentence, text: str, skip: set[int], quick: bool = False) -> Iterator[Proposal]:
        counts["first" if quick else "full"] += 1
        return propose(sentence, text, skip, quick)

    monkeypatch.setattr(spin, "propose", counted)
    return counts


def full_reading(doc: Document) -> list[Finding]:
    """The swap findings of a reading that weighs every candidate from the start."""
    state = spin.Reading(quick=False)
    for start, end in gate.plan(doc.masked).sample:
        list(spin.read_region(doc, state, start, end, full=True))
    state.widen(doc.masked)
    return list(spin.swap_findings(doc, state))


def spans(findings: list[Finding]) -> list[tuple[int, int, str, float]]:
    return [(f.start, f.end, f.rule, round(f.confidence, 6)) for f in findings if f.rule == "SPN002"]


def test_clean_prose_is_settled_at_a_first_look(looks: dict[str, int]) -> None:
    doc = Document.from_text(CLEAN)
    found = list(spin._spin(doc))
    assert looks["first"] == 7  # every sentence is looked at once
    assert looks["full"] <= 2  # and at most the odd one holding a possible swap again
    assert spans(found) == [] == spans(full_reading(doc))


def test_a_spun_page_is_weighed_again_in_full(looks: dict[str, int]) -> None:
    doc = Document.from_text(SPUN)
    found = list(spin._spin(doc))
    assert looks["full"] >= looks["first"] == 6
    assert len(spans(found)) >= 5
    assert spans(found) == spans(full_reading(doc))


def test_a_first_look_with_a_share_of_the_spun_evidence_is_doubtful() -> None:
    state = spin.Reading(quick=True)
    doc = Document.from_text(SPUN)
    list(spin.read_region(doc, state, 0, len(doc.masked), full=True))
    assert state.doubtful()
    clean = spin.Reading(quick=True)
    doc = Document.from_text(CLEAN)
    list(spin.read_region(doc, clean, 0, len(doc.masked), full=True))
    assert not clean.doubtful() and not clean.spun()
