"""The self-made look-alike damage: what each kind does to a word, and what it leaves."""

from __future__ import annotations

import random
from types import ModuleType

import pytest

from tests.conftest import load_tool


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    """``tools/eval_glyphs_selfmade.py`` imported as a module."""
    return load_tool("eval_glyphs_selfmade")


def test_il_damage_swaps_only_capital_i_and_small_l(tool: ModuleType) -> None:
    rnd = random.Random(5)
    seen = set()
    for word in ("little", "It", "I'm", "we'll", "Ireland", "garden", "I") * 40:
        new = tool.damage_il(word, rnd)
        assert len(new) == len(word)
        assert all(a == b or {a, b} == {"I", "l"} for a, b in zip(word, new, strict=True))
        seen.add(new)
    assert {"IittIe", "lt", "l'm", "we'II", "lreland", "l"} <= seen and "garden" in seen


def test_digit_damage_reads_l_and_o_as_1_and_0(tool: ModuleType) -> None:
    rnd = random.Random(2)
    outs = {tool.damage_digits("looking", rnd) for _ in range(400)}
    assert any(c in w for w in outs for c in "01")
    assert all(
        a == b or (a, b) in (("l", "1"), ("o", "0")) for w in outs for a, b in zip("looking", w, strict=True)
    )
    assert {tool.damage_digits("at", rnd) for _ in range(50)} == {"at"}


def test_damage_counts_the_words_it_changed(tool: ModuleType) -> None:
    para = "It was a little late, and I'm sure we'll all be cold."
    text, hurt = tool.damage(para, "il", random.Random(3))
    assert hurt == sum(a != b for a, b in zip(para.split(), text.split(), strict=True)) > 0


def test_a_join_counts_as_one_change_not_a_shift(tool: ModuleType) -> None:
    before = ["that", "s", "he", "said", "it", "was", "so"]
    assert tool._changed(before, ["thats", "he", "said", "it", "was", "so"]) == 2
    assert tool._changed(before, before) == 0
