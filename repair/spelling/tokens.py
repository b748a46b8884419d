"""Word tokens of a whole document, fast: :func:`repair.tokenize.words` through the standard library.

A book has a hundred thousand words and more.  The ``regex`` module, which
:data:`repair.tokenize.WORD` needs for its Unicode classes, scans such a text about twice as
slowly as the standard library's ``re``, whose ``[^\\W_]`` (a letter or a digit) is almost the
same class as ``[\\p{L}\\p{M}\\p{N}]``.  Only almost: combining marks are word characters for the
tokenizer and not for ``re``, and the two engines may know different Unicode versions.  So the
characters of the text outside ASCII (on which both agree) are classed by both engines, and any
character they class differently is named in the class of the pattern used for that text: the
tokens are exactly those of :func:`repair.tokenize.words`.
"""

from __future__ import annotations

import functools
import re
from itertools import accumulate, repeat

from repair.patterns import lazy
from repair.tokenize import Token

_OURS = lazy(r"[\p{L}\p{M}\p{N}]")  # the character class of repair.tokenize.WORD
_STD = re.compile(r"[^\W_]")
_NON_ASCII = re.compile(r"[^\x00-\x7f]+")
#: Whether each non-ASCII character met so far is a word character for the tokenizer, and for ``re``.
_CLASSES: dict[str, tuple[bool, bool]] = {}
_new = tuple.__new__


def _classes(c: str) -> tuple[bool, bool]:
    hit = _CLASSES.get(c)
    if hit is None:
        hit = _CLASSES[c] = (_OURS.match(c) is not None, _STD.match(c) is not None)
    return hit


@functools.lru_cache(maxsize=64)
def _pattern(extra: str, excluded: str) -> re.Pattern[str]:
    """The word pattern in ``re``, captured (for a split): the class ``[^\\W_]`` without the characters
    only ``re`` counts as word characters; or, when some count only for the tokenizer, ``\\w`` with
    those added (the caller blanks out "_" and the excluded characters first: a class cannot
    both add and take out)."""
    if extra:
        word = "[\\w" + "".join(map(re.escape, extra)) + "]"
    else:
        word = "[^\\W_" + "".join(map(re.escape, excluded)) + "]"
    return re.compile(f"({word}+(?:['’\\-]{word}+)*)")


def _parts(text: str) -> list[str]:
    """The text split into gaps and words, alternating: ``[gap, word, gap, word, ..., gap]``; the
    words are exactly the texts of :func:`repair.tokenize.words`."""
    extra, excluded = [], []
    if not text.isascii():
        for c in set("".join(_NON_ASCII.findall(text))):
            ours, std = _classes(c)
            if ours and not std:
                extra.append(c)
            elif std and not ours:
                excluded.append(c)
    scanned = text
    if extra:
        # "_" and the excluded characters separate words, as a space does; the words themselves
        # and every offset stay the same
        for c in ["_", *excluded]:
            scanned = scanned.replace(c, " ")
    return _pattern("".join(sorted(extra)), "".join(sorted(excluded))).split(scanned)


def word_tokens(text: str) -> list[Token]:
    """``list(repair.tokenize.words(text))``, computed faster."""
    parts = _parts(text)
    # the running lengths of the gaps and words are the offsets of the words
    ends = list(accumulate(map(len, parts)))
    return list(map(_new, repeat(Token), zip(parts[1::2], ends[:-1:2], ends[1::2], strict=True)))


def word_texts(text: str) -> list[str]:
    """``[t.text for t in repair.tokenize.words(text)]``, without building the tokens: for counts."""
    return _parts(text)[1::2]
