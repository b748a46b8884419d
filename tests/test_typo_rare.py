"""TYP003: a rare dictionary word written for a common one, one slip away."""

from __future__ import annotations

import pytest

import repair
from repair.model import Applicability
from repair.spelling import correct
from repair.spelling.lexicon import lexicon


def test_a_rare_word_for_a_common_one_is_fixed_with_evidence() -> None:
    text = "She talked abut her new job at the bank."
    [finding] = repair.check(text, select=["TYP"])
    assert finding.rule == "TYP003"
    assert text[finding.start : finding.end] == "abut"
    assert finding.fix[0].replacement == "about"
    assert finding.applicability is Applicability.SAFE
    assert "rare (Zipf" in finding.explanation and "'about'" in finding.explanation
    assert repair.fix(text) == "She talked about her new job at the bank."


def test_a_rare_word_that_fits_its_context_is_kept() -> None:
    for text in (
        "The new wing will abut the old chapel on its north side.",
        "An oaf of a man stood at the door.",
        "The wen on his neck was removed.",
    ):
        assert [f for f in repair.check(text, select=["TYP"]) if f.rule == "TYP003"] == []


def test_the_other_number_of_a_common_word_is_no_slip() -> None:
    text = "Both visitors made their presences known to the guards at the gate."
    assert [f for f in repair.check(text, select=["TYP"]) if f.rule == "TYP003"] == []


def test_a_rare_word_the_document_repeats_is_kept() -> None:
    text = "She talked abut her new job. Later he talked abut his."
    assert [f for f in repair.check(text, select=["TYP"]) if f.rule == "TYP003"] == []


def test_near_common_finds_common_words_one_edit_away() -> None:
    lex = lexicon()
    words = {c for c, _, _ in correct.near_common("abut", lex, 4.0, 1.0)}
    assert {"about", "but"} <= words
    # two edits away, or not common enough, is out of reach
    assert "abbot" not in words
    assert all(z >= 4.0 and cost <= 1.0 for _, cost, z in correct.near_common("abut", lex, 4.0, 1.0))
    assert correct.near_common("abut", lex, 9.0, 1.0) == ()


def test_best_gain_compares_the_slot_with_the_word_as_written() -> None:
    lex = lexicon()
    near = correct.near_common("abut", lex, 4.0, 1.0)
    z = lex.zipf("abut")
    fits = correct.best_gain("abut", ("talked", "she"), ("her", "new"), near, z)
    fitting_original = correct.best_gain("abut", ("will", "wing"), ("the", "old"), near, z)
    assert fits > 5.0 > fitting_original


def test_near_common_is_the_same_by_index_query_and_in_memory(monkeypatch: pytest.MonkeyPatch) -> None:
    lex = lexicon()
    words = ["abut", "teem", "wite", "tine", "blok", "recieve"]
    correct.near_common.cache_clear()
    monkeypatch.setattr(correct, "_near_calls", [0])
    queried = [correct.near_common(w, lex, 4.0, 1.0) for w in words]
    correct.near_common.cache_clear()
    monkeypatch.setattr(correct, "_near_calls", [correct.NEAR_QUERIES])
    in_memory = [correct.near_common(w, lex, 4.0, 1.0) for w in words]
    correct.near_common.cache_clear()
    assert queried == in_memory
    assert any(queried)
