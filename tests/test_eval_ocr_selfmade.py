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


def test_book_paragraphs_are_set_as_a_printer_would_set_them(tool: ModuleType, tmp_path: Path) -> None:
    sentence = 'The _old_ mill stood by the river and "the miller\'s" sons worked it all day long.'
    body = " ".join([sentence] * 6)
    book = (
        "Title page and licence\n*** START OF THE PROJECT GUTENBERG EBOOK MILL ***\n\n"
        f"{body}\n\nToo short.\n\n*** END OF THE PROJECT GUTENBERG EBOOK MILL ***\nlicence text\n"
    )
    path = tmp_path / "pg1.txt"
    path.write_bytes(book.replace("\n", "\r\n").encode("latin-1"))
    paras = tool.book_paragraphs(path)
    assert len(paras) == 1
    assert paras[0].startswith("The old mill stood by the river and \u201cthe miller\u2019s\u201d sons")
    assert "_" not in paras[0] and "licence" not in paras[0]


def test_lines_are_filled_greedily_and_words_broken_at_hyphenation_points(tool: ModuleType) -> None:
    def fits(line: str, n: int) -> bool:
        return len(line) <= (16 if n == 0 else 20)  # the first line is indented

    def hyphens(word: str) -> list[str]:
        return ["informa-", "infor-", "in-"] if word == "information" else []

    lines = tool.set_lines(["we", "want", "more", "information", "about", "the", "town"], fits, hyphens)
    assert lines == ["we want more in-", "formation about the", "town"]
    assert all(fits(line, n) for n, line in enumerate(lines))
    long_word = ["unbreakablewordlongerthanaline"]
    assert tool.set_lines(long_word, fits, hyphens) == long_word


def test_book_page_settings_follow_their_damage_tier(tool: ModuleType) -> None:
    pages = [tool.book_settings(random.Random(seed)) for seed in range(200)]
    assert tool.book_settings(random.Random(5)) == pages[5]
    assert {p["tier"] for p in pages} == set(tool.TIERS)
    assert all(p["font"] in tool.BOOK_FONTS for p in pages)
    clean = [p for p in pages if p["tier"] == "clean"]
    heavy = [p for p in pages if p["tier"] == "heavy"]
    assert min(p["scan_dpi"] for p in clean) > max(p["scan_dpi"] for p in heavy)
    assert all(p["blur"] == 0 and p["salt_pepper"] == 0 for p in clean)
