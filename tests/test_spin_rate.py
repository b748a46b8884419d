"""The document's spin rate: the raw evidence count is scaled up, since the scan sees only some swaps."""

from __future__ import annotations

from pathlib import Path

import pytest

import repair
from repair.detectors import spin
from repair.model import Applicability
from repair.spelling.variety import verse_blocks
from repair.spin.scan import SPIN_RATE, Proposal


def test_a_document_without_evidence_stays_at_the_prior() -> None:
    assert spin.document_rate([], 200, 0) == pytest.approx(SPIN_RATE)


def test_the_excess_over_the_prior_is_scaled_by_the_gain() -> None:
    # ten strong findings in 160 content words: raw (10 + 0.05 * 40) / 200 = 0.06
    raw = (10 + SPIN_RATE * spin.PSEUDO_WORDS) / (160 + spin.PSEUDO_WORDS)
    rate = spin.document_rate([], 160, 10)
    assert rate == pytest.approx(SPIN_RATE + spin.RATE_GAIN * (raw - SPIN_RATE))
    assert rate > raw


def test_the_scaled_rate_is_capped() -> None:
    assert spin.document_rate([], 160, 60) == pytest.approx(spin.SPUN_DOCUMENT_RATE)


def test_a_proposal_at_another_rate_is_the_same_proposal_with_a_new_posterior() -> None:
    import dataclasses
    import math

    prop = Proposal(
        0, 4, "ship", "ship", "send", "send", "m", 3.0, -2.0, 0.5, 0.5, 1.0, 1.0, -1e10, 5, 0, 0, 1
    )
    moved = prop.at_rate(0.15)
    lead = math.exp(math.log(0.85 / 0.15) - prop.best_score)
    expected = dataclasses.replace(
        prop, posterior=1 / (lead + prop.mass), spun=1 - lead / (lead + prop.mass), rate=0.15
    )
    assert moved == expected and hash(moved) == hash(expected)
    assert prop.rate == SPIN_RATE  # the original is untouched


def _weak(start: int) -> Proposal:
    """A proposal whose candidate the model prefers (best score 5), whatever the combiner makes of it."""
    return Proposal(
        start,
        start + 4,
        "ship",
        "ship",
        "send",
        "send",
        "m",
        3.0,
        -2.0,
        0.5,
        0.9,
        5.0,
        1.0,
        -1e10,
        5,
        0,
        0,
        1,
    )


def test_a_long_reading_without_a_confident_sign_is_not_spun(monkeypatch: pytest.MonkeyPatch) -> None:
    # every swap weak (below the safe band): 60 of them sum to 18 expected swaps, as formal prose
    # full of rare words can; over 600 content words a spun text would show a confident sign
    monkeypatch.setattr(spin, "probability", lambda p: 0.3)
    pending = [[_weak(10 * i)] for i in range(60)]
    long = spin.Reading(pending=pending, content=600, total=1300)
    assert long.quiet() and not long.spun() and long.rate() == SPIN_RATE
    # the same density in a short reading, or the long one with one strong finding, is spun
    short = spin.Reading(pending=pending[:12], content=120, total=260)
    assert not short.quiet() and short.spun() and short.rate() > SPIN_RATE
    signed = spin.Reading(pending=pending, content=600, total=1300, strong=1)
    assert not signed.quiet() and signed.spun() and signed.rate() > SPIN_RATE


def test_a_rate_raised_by_weak_swaps_alone_makes_no_fix_safe(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.document import Document
    from repair.model import Applicability
    from repair.spin import combiner

    # each swap weak at the usual rate, confident at a raised one
    def odds(p: Proposal) -> float:
        return 0.7 if p.rate > SPIN_RATE else 0.45

    monkeypatch.setattr(combiner, "probability", odds)
    monkeypatch.setattr(spin, "probability", odds)
    doc = Document.from_text("x" * 200)
    pending = [[_weak(10 * i)] for i in range(12)]
    weak = spin.Reading(pending=pending, content=120, total=260)
    assert weak.spun() and weak.rate() > SPIN_RATE
    found = list(spin.swap_findings(doc, weak))
    assert found and all(f.applicability is Applicability.UNSAFE for f in found)
    assert "rests on weak swaps alone" in found[0].explanation and "0.45" in found[0].explanation
    # one strong finding grounds the raised rate
    signed = spin.Reading(pending=pending, content=120, total=260, strong=1)
    assert all(f.applicability is Applicability.SAFE for f in spin.swap_findings(doc, signed))


def test_weak_swaps_alone_show_only_the_likelier_swaps(monkeypatch: pytest.MonkeyPatch) -> None:
    from repair.document import Document
    from repair.spin import combiner, explain

    # twelve swaps that mark the reading spun, and a thirteenth between the two display thresholds
    def odds(p: Proposal) -> float:
        return 0.07 if p.start == 500 else 0.45

    monkeypatch.setattr(combiner, "probability", odds)
    monkeypatch.setattr(spin, "probability", odds)
    assert explain.SWAP_SHOW_SPUN < 0.07 < explain.SWAP_SHOW_WEAK
    doc = Document.from_text("x" * 600)
    pending = [[_weak(10 * i)] for i in range(12)] + [[_weak(500)]]
    weak = spin.Reading(pending=pending, content=120, total=260)
    assert weak.spun()
    assert 500 not in {f.start for f in spin.swap_findings(doc, weak)}
    signed = spin.Reading(pending=pending, content=120, total=260, strong=1)
    assert 500 in {f.start for f in spin.swap_findings(doc, signed)}


def test_a_long_reading_raises_its_rate_only_on_evidence_at_the_prior_rate(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # a chapter of a novel: one confident sign, and 60 rare words the model dislikes a little (0.1
    # each at the prior rate, 6 expected swaps) that would pass for swaps once the rate is raised
    monkeypatch.setattr(spin, "probability", lambda p: 0.1 if p.rate == SPIN_RATE else 0.4)
    pending = [[_weak(10 * i)] for i in range(60)]
    chapter = spin.Reading(pending=pending, content=600, total=1300, strong=1)
    assert chapter.rate() == SPIN_RATE and not chapter.spun()
    # a short paragraph is weighed at its raised rate, as it cannot show enough at the prior one
    paragraph = spin.Reading(pending=pending[:12], content=120, total=260, strong=1)
    assert paragraph.rate() > SPIN_RATE and paragraph.spun()
    # and a long reading whose swaps are evidence at the prior rate is raised too
    monkeypatch.setattr(spin, "probability", lambda p: 0.3)
    assert spin.Reading(pending=pending, content=600, total=1300, strong=1).rate() > SPIN_RATE


def test_a_long_text_without_clear_signs_of_spinning_gets_no_confident_spin_fix_applied() -> None:
    # the project's own clean prose (about 1,100 words) with two confident findings added: a compound
    # a spinner could have broken and a phrase a spinner could have written; alone, each is applied
    negatives = Path(__file__).parent / "negatives"
    parts = [(negatives / name).read_text(encoding="utf-8") for name in ("spin_clean.txt", "typo_clean.txt")]
    parts.append((negatives / "scrape_clean.txt").read_text(encoding="utf-8"))
    parts.append("The awe-stricken crowd watched the rocket rise. He said the hunt should in some way end.")
    text = "\n\n".join(p.strip() for p in parts)
    found = {text[f.start : f.end]: f for f in repair.check(text, select=["SPN"])}
    assert {"stricken", "in some way"} <= set(found)
    assert all(found[w].applicability is Applicability.DISPLAY for w in ("stricken", "in some way"))
    assert all("Shown only: in a long text" in found[w].explanation for w in ("stricken", "in some way"))
    assert repair.fix(text, select=["SPN"], unsafe=True) == text


@pytest.mark.parametrize(
    "text",
    [
        "The gulls wheeled hither and thither over the harbour while the boats came in.",
        "We shall ere long see what the word careful means to a man of his trade.",
        "I asked him wherefore he had come so late to the meeting.",
    ],
)
def test_a_swap_written_in_older_english_is_only_shown(text: str) -> None:
    spin_found = [f for f in repair.check(text, select=["SPN002"]) if f.end - f.start > 4]
    assert spin_found and all(f.applicability is Applicability.DISPLAY for f in spin_found)
    assert all("older English" in f.explanation for f in spin_found)


def test_unsafe_fixes_widen_the_swap_band_only_where_spinning_shows() -> None:
    # a clean sentence, no sign of spinning: a formal word the model likes less ("expend" beside
    # "spend") is no corpus fix, as the default band would not offer it either
    clean = "The town council will expend considerable sums on the new library next year."
    assert repair.fix(clean, select=["SPN"], unsafe=True) == clean
    # a text that shows clear signs of spinning still gets the wider band: the seed's "set afloat"
    # (confidence about 0.24) is restored with unsafe fixes, and only shown without them
    seed = (Path(__file__).resolve().parent.parent / "seeds" / "kazakhstan-spun.txt").read_text(
        encoding="utf-8"
    )
    assert "rocket launch complicate" in repair.fix(seed, select=["SPN"], unsafe=True)
    assert "rocket set afloat" in repair.fix(seed, select=["SPN"])


STANZA = (
    "When autumn winds go wandering through the lane,\n"
    "The weavers appealed for sustain,\n"
    "I climb the hill to watch the falling rain,\n"
    "And count the hours the chapel bell has told;\n"
    "The rooks are loud above the sullen field,\n"
    "The miller's wheel is idle by the weir.\n"
)
SCRIPTURAL = (
    "Hear me, O keeper of the vale, for thou hast seen the flood come down upon the fields, and thy herds "
    "are scattered. Wherefore dost thou sit idle at the gate? Arise, and go unto the elders, and say unto "
    "them that the river hath broken its banks. Thou shalt build a wall of stone, and the people appealed "
    "for sustain from thee.\n"
)


@pytest.mark.parametrize(("text", "why"), [(STANZA, "verse"), (SCRIPTURAL, "older English")])
def test_verse_and_older_english_get_spin_findings_shown_only(text: str, why: str) -> None:
    # no spinner writes "thou" and "hath", nor rewrites a poem: even a broken slot is only shown there
    (found,) = [f for f in repair.check(text, select=["SPN"]) if text[f.start : f.end] == "sustain"]
    assert found.applicability is Applicability.DISPLAY and why in found.explanation.split("Shown only:")[1]
    assert repair.fix(text, select=["SPN"], unsafe=True) == text
    # the same words in prose of today are fixed
    prose = "The weavers appealed for sustain from the town council last winter."
    assert repair.fix(prose, select=["SPN"]) == prose.replace("sustain", "support")


def test_short_lines_that_end_their_sentences_are_no_verse() -> None:
    # a change log's entries and a wrapped paragraph are no stanza
    entries = (
        "Added a flag for the format.\nFixed the crash on empty files.\nRemoved the parser.\nUpdated docs.\n"
    )
    assert verse_blocks(entries) == []
    wrapped = (
        "The committee met on Monday, and after a long debate about the roads, the schools and the\n"
        "park, it agreed to publish its findings, with the budget, before the end of the year, as the\n"
        "council had asked it to do in the spring, when the first reports came in from the towns.\n"
        "The members will meet again in June.\n"
    )
    assert verse_blocks(wrapped) == []
    assert verse_blocks(STANZA) == [(0, len(STANZA) - 1)]
