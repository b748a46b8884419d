"""The document's spin rate: the raw evidence count is scaled up, since the scan sees only some swaps."""

from __future__ import annotations

import pytest

from repair.detectors import spin
from repair.spin.scan import SPIN_RATE


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

    from repair.spin.scan import Proposal

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
