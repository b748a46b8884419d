"""TYP001's decision: how much evidence each kind of unknown word needs."""

from __future__ import annotations

import repair


def test_a_slip_that_reads_as_a_word_plus_suffix_is_fixed_on_strong_evidence() -> None:
    # "writting" reads as "writ" + doubled t + "ing"; context and cost put "writing" far ahead
    text = "She spent the whole morning writting letters to her aunt."
    assert repair.fix(text) == "She spent the whole morning writing letters to her aunt."
    # used twice in one document it is taken as meant, as any recurring word
    twice = "He kept writting. She kept writting letters to her aunt."
    assert [f for f in repair.check(twice, select=["TYP"])] == []
    # a real derived word stays
    assert repair.fix("The old panels were recarved twice.") == "The old panels were recarved twice."
