"""The self-made OCR benchmark's building blocks: paragraphs, page settings, word errors, evaluation."""

from __future__ import annotations

import argparse
import json
import random
from pathlib import Path
from types import ModuleType

import pytest

from tests.conftest import load_tool


@pytest.fixture(scope="module")
def tool() -> ModuleType:
    """``tools/eval_ocr_selfmade.py`` imported as a module."""
    return load_tool("eval_ocr_selfmade")


def test_paragraphs_keep_blocks_of_the_right_length_and_cut_long_ones_at_sentences(
    tool: ModuleType, tmp_path: Path
) -> None:
    sentence = "The harbour board met again on Monday to settle the dues for the coming year. "
    short = "Too short to be a page."
    long_block = sentence * 30  # a speech stored as one line
    path = tmp_path / "speech.txt"
    path.write_text(f"{short}\n\n{sentence * 5}\n\n{long_block}\n", encoding="utf-8")
    paras = tool.paragraphs(path)
    assert paras[0] == (sentence * 5).strip()
    assert all(tool.MIN_WORDS <= len(p.split()) <= tool.MAX_WORDS for p in paras)
    assert all(p.endswith("year.") for p in paras)  # cut between sentences
    assert sum(len(p.split()) for p in paras[1:]) <= len(long_block.split())


def test_page_settings_are_drawn_from_the_seed(tool: ModuleType) -> None:
    a, b = tool.settings(random.Random(3)), tool.settings(random.Random(3))
    assert a == b and a["font"] in tool.FONTS and 0 < float(a["scale"]) <= 100


def test_word_errors_are_a_word_level_edit_distance(tool: ModuleType) -> None:
    assert tool.errors(["the", "old", "house"], ["the", "old", "house"]) == 0
    assert tool.errors(["the", "old", "house"], ["tbe", "old"]) == 2


def test_evaluation_counts_the_pages_made_better(
    tool: ModuleType, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    rows = [
        {"id": "a", "clean": "He saw the house by the river.", "ocr": "He saw tbe house by the river."},
        {"id": "b", "clean": "The road ran on to the hills.", "ocr": "The road ran on to the hills."},
    ]
    path = tmp_path / "set.jsonl"
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    tool.evaluate(argparse.Namespace(set=path, unsafe_fixes=False, show=0))
    out = capsys.readouterr().out
    assert "2 pages, 14 words: WER 0.0714 -> 0.0000, cut 1.000; 1 pages better, 0 worse" in out
