"""``repair fix --diff`` / ``--diff=word``: colour only on a terminal, never with NO_COLOR.

The plain cases (unified diff, word diff to a pipe) are in test_cli.py; these
run the command on a pseudo-terminal, as a person would.
"""

from __future__ import annotations

import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from report_helpers import SCRAPED

from repair.files import FileResult
from repair.render import diff as render_diff
from repair.render.worddiff import _code, _index, word_ops


def _on_terminal(args: list[str], cwd: Path, no_color: str | None) -> tuple[int, str]:
    """Run ``python -m repair ARGS`` with its standard output on a pseudo-terminal."""
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    env["TERM"] = "xterm-256color"
    if no_color is not None:
        env["NO_COLOR"] = no_color
    master, slave = pty.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "repair", *args],
            stdout=slave,
            stderr=subprocess.DEVNULL,
            stdin=subprocess.DEVNULL,
            cwd=cwd,
            env=env,
        )
        os.close(slave)
        chunks = []
        while True:
            try:
                data = os.read(master, 65536)
            except OSError:  # EIO once the child closed the terminal
                break
            if not data:
                break
            chunks.append(data)
        code = proc.wait(timeout=60)
    finally:
        os.close(master)
    return code, b"".join(chunks).decode("utf-8", "replace")


@pytest.fixture
def scraped(clean_config: Path) -> Path:
    doc = clean_config / "a.txt"
    doc.write_text(SCRAPED, encoding="utf-8")
    return doc


def test_word_diff_is_coloured_on_a_terminal(scraped: Path) -> None:
    code, out = _on_terminal(["fix", "--diff=word", scraped.name], scraped.parent, None)
    assert code == 0
    assert "\x1b[31mCredit:Example Press Agency\x1b[0m" in out
    assert "[-" not in out
    assert scraped.read_text(encoding="utf-8") == SCRAPED


@pytest.mark.parametrize("value", ["1", "true"])
def test_word_diff_is_plain_with_no_color_even_on_a_terminal(scraped: Path, value: str) -> None:
    code, out = _on_terminal(["fix", "--diff=word", scraped.name], scraped.parent, value)
    assert code == 0 and "\x1b[" not in out
    assert "[-Credit:Example Press Agency-]" in out


def test_word_diff_marks_whole_words() -> None:
    from repair.document import Document

    before = "He appealed for sustain from allies.\nSecond line stays.\n"
    after = "He appealed for support from allies.\nSecond line stays.\n"
    result = FileResult("x.txt", document=Document.from_text(before), fixed_text=after)
    plain = render_diff.word_diff(result, color=False)
    assert plain == "--- x.txt\n1: He appealed for [-sustain-]{+support+} from allies.\n"
    coloured = render_diff.word_diff(result, color=True)
    assert "\x1b[31msustain\x1b[0m\x1b[32msupport\x1b[0m" in coloured


def test_unified_diff_on_a_terminal_is_plain(scraped: Path) -> None:
    code, out = _on_terminal(["fix", "--diff", scraped.name], scraped.parent, None)
    assert code == 0 and "\x1b[" not in out
    assert "-Troops landed at the airfield outside the city.Credit:Example Press Agency\r\n" in out


@pytest.mark.parametrize(
    ("before", "after", "ops"),
    [
        ("a sustain b", "a support b", [[0, "a "], [-1, "sustain"], [1, "support"], [0, " b"]]),
        ("Moscow.Credit:AP now", "Moscow. now", [[0, "Moscow."], [-1, "Credit:AP"], [0, " now"]]),
        ("the the cat", "the cat", [[-1, "the "], [0, "the cat"]]),
        ("same", "same", [[0, "same"]]),
        ("", "new words", [[1, "new words"]]),
        ("caf\u00e9 na\u0131ve", "cafe na\u0131ve", [[-1, "caf\u00e9"], [1, "cafe"], [0, " na\u0131ve"]]),
    ],
)
def test_word_ops_diff_whole_words(before: str, after: str, ops: list[list[object]]) -> None:
    assert word_ops(before, after) == ops


def test_word_ops_with_private_use_text_and_many_words() -> None:
    text = "\ue000 \ue001 " + " ".join(f"w{i}" for i in range(9000))
    ops = word_ops(text, text.replace("w8999", "last"))
    assert ops[-2:] == [[-1, "w8999"], [1, "last"]]
    assert "".join(c for op, c in ops if op <= 0) == text
    for i in (0, 6399, 6400, 100_000):
        assert _index(_code(i)) == i
