"""The self-made slip benchmark's building blocks: keyboard neighbours, slips, damage, prose paragraphs."""

from __future__ import annotations

import random
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import load_tool


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    """``tools/eval_typo_selfmade.py`` imported as a module."""
    return load_tool("eval_typo_selfmade")


def test_keyboard_neighbours(tool: ModuleType) -> None:
    assert set(tool.NEAR["s"]) == set("qweadzxc")
    assert set(tool.NEAR["p"]) == set("ol")


def test_each_slip_is_one_edit_of_its_kind(tool: ModuleType) -> None:
    rnd = random.Random(1)
    for _ in range(50):
        assert len(tool.slip("garden", "deletion", rnd)) == 5
        swapped = tool.slip("garden", "transposition", rnd)
        assert sorted(swapped) == sorted("garden") and swapped != "garden"
        sub = tool.slip("garden", "substitution", rnd)
        (k,) = [i for i, (a, b) in enumerate(zip(sub, "garden", strict=True)) if a != b]
        assert sub[k] in tool.NEAR["garden"[k]]
        assert len(tool.slip("garden", "insertion", rnd)) == 7
        doubled = tool.slip("garden", "doubling", rnd)
        assert len(doubled) == 7 and any(doubled[i] == doubled[i + 1] for i in range(6))


def test_damage_puts_one_unknown_slip_where_it_says(tool: ModuleType) -> None:
    para = "The old gardener walked slowly along the river every morning before breakfast."
    text, (a, b, original, kind) = tool.damage(para, random.Random(7))
    assert kind in tool.KINDS
    assert text[:a] + original + text[b:] == para
    assert tool.zipf_frequency(text[a:b], "en") == 0.0


def test_prose_paragraphs_leave_out_the_licence_and_short_lines(tool: ModuleType, tmp_path: Path) -> None:
    body = " ".join(["The rain fell on the quiet town all night long."] * 6)
    book = tmp_path / "book.txt"
    book.write_text(
        "Licence words here.\n*** START OF THE BOOK ***\nCHAPTER I\n\n"
        + body
        + "\n\n*** END OF THE BOOK ***\n"
        + " ".join(["licence"] * 60),
        encoding="utf-8",
    )
    assert tool.paragraphs(book) == [body]
