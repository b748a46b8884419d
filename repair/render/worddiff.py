"""Word-level diffs: diff-match-patch over words instead of characters.

Each word, run of spaces or punctuation mark becomes one private-use
character (as diff-match-patch's line mode does for lines), the encoded
strings are diffed, decoded, and semantic cleanup merges small equalities, so a
change reads ``[-sustain-]{+support+}`` rather than ``su[-stain-]{+pport+}``.
"""

from __future__ import annotations

from typing import Any

import regex

_TOKEN = regex.compile(r"\s+|[\p{L}\p{N}\p{M}]+|.", regex.S)


def word_ops(before: str, after: str) -> list[list[Any]]:
    """A word-level diff ``[[op, text], ...]`` (-1 delete, 0 keep, 1 insert).

    Diff-match-patch runs over words (each word, space run or punctuation mark
    mapped to one character, as its line mode does for lines), then semantic
    cleanup merges small equalities so the change reads as whole phrases.
    """
    import diff_match_patch

    table: dict[str, str] = {}
    words: list[str] = []

    def encode(s: str) -> str:
        out = []
        for tok in _TOKEN.findall(s):
            if tok not in table:
                table[tok] = _code(len(words))
                words.append(tok)
            out.append(table[tok])
        return "".join(out)

    dmp = diff_match_patch.diff_match_patch()
    try:
        a, b = encode(before), encode(after)
    except OverflowError:  # more distinct words than private-use characters: diff characters
        diffs = dmp.diff_main(before, after)
    else:
        diffs = [(op, "".join(words[_index(c)] for c in chunk)) for op, chunk in dmp.diff_main(a, b, False)]
    dmp.diff_cleanupSemantic(diffs)
    return [[op, chunk] for op, chunk in diffs if chunk]


_BMP = 0xF8FF - 0xE000 + 1  # private-use characters in the basic plane


def _code(i: int) -> str:
    """The private-use character standing for the ``i``-th distinct word."""
    if i < _BMP:
        return chr(0xE000 + i)
    if i - _BMP < 0x10FFFE - 0xF0000:
        return chr(0xF0000 + i - _BMP)
    raise OverflowError("too many distinct words")


def _index(c: str) -> int:
    n = ord(c)
    return n - 0xF0000 + _BMP if n >= 0xF0000 else n - 0xE000
