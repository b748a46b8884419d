#!/usr/bin/env python3
"""Measure look-alike glyph repair (OCR011 and the spelling rules) on damage made here.

No benchmark set holds this damage (ocr_dev's engine never confused a capital I and a small l), so
paragraphs of public-domain books (see ``eval_typo_selfmade.paragraphs``) are damaged here the way
other OCR engines, and the OCR of film subtitles above all, damage text:

- ``il``: in a word that opens with a capital I, the I becomes a small l half the time ("lt", "ln",
  "lreland"), as does the pronoun, alone or in a contraction ("l", "l'm"); in three words in ten
  with a small l every l becomes a capital I ("wiII", "IittIe"), and half the contractions' "'ll"
  become "'II";
- ``digits``: in one word in twelve of three letters or more with an l or an o, each of them becomes
  the digit 1 or 0 with even odds ("g0ing", "1ittle"); a paragraph with a word broken at a line end
  comes first, so that the text shows OCR damage as a scanned page does.

Each damaged paragraph is one document and its untouched twin the control.  The paragraphs are
compared word by word (split at spaces) after ``repair fix`` (safe fixes): a damaged word restored,
changed to something else (wrong), or left; an undamaged word changed; and changes in the controls.
A document whose fix changed its number of words is counted apart.

Usage::

    python tools/eval_glyphs_selfmade.py --books ../shared/bench/books/pg*.txt [--kind il] [--seed 1]
"""

from __future__ import annotations

import argparse
import collections
import difflib
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from eval_typo_selfmade import paragraphs  # noqa: E402

import repair  # noqa: E402

WORD = re.compile(r"[A-Za-z]+(?:['’][A-Za-z]+)?")
#: A sentence that shows OCR damage (a word broken at a line end, read joined), opening each
#: ``digits`` document; it is cut off again before the comparison.
DAMAGED_OPENING = "The infor- mation came late.\n\n"


def damage_il(word: str, rnd: random.Random) -> str:
    """``word`` with a capital I and a small l read for each other, or unchanged."""
    if word[0] == "I":
        return "l" + word[1:] if rnd.random() < 0.5 else word  # "l", "lt", "l'm", "lreland"
    new = word
    if "l" in word and rnd.random() < 0.3:
        new = word.replace("l", "I")  # "wiII", "IittIe"
    if new.endswith(("'ll", "’ll")) and rnd.random() < 0.5:
        new = new[:-2] + "II"  # "we'II"
    return new


def damage_digits(word: str, rnd: random.Random) -> str:
    """``word`` with some of its l's and o's read as the digits 1 and 0, or unchanged."""
    if len(word) < 3 or not re.search("[lo]", word) or rnd.random() >= 0.08:
        return word
    return "".join(("1" if c == "l" else "0") if c in "lo" and rnd.random() < 0.6 else c for c in word)


def damage(para: str, kind: str, rnd: random.Random) -> tuple[str, int]:
    """The paragraph damaged, and how many words were."""
    count = 0
    hurt = damage_il if kind == "il" else damage_digits

    def one(m: re.Match[str]) -> str:
        nonlocal count
        new = hurt(m.group(), rnd)
        count += new != m.group()
        return new

    return WORD.sub(one, para), count


def _changed(before: list[str], after: list[str]) -> int:
    """How many words a fix changed, aligned as difflib aligns them (a join or split shifts no word)."""
    ops = difflib.SequenceMatcher(a=before, b=after, autojunk=False).get_opcodes()
    return sum(max(i2 - i1, j2 - j1) for tag, i1, i2, j1, j2 in ops if tag != "equal")


def _body(fixed: str, opening: str) -> str:
    """The fixed paragraph without the damaged opening paragraph."""
    return fixed.split("\n\n", 1)[1] if opening else fixed


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--books", type=Path, nargs="+", required=True)
    ap.add_argument("--kind", choices=("il", "digits"), default="il")
    ap.add_argument("--per-book", type=int, default=40, help="paragraphs drawn from each book")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    tally: collections.Counter[str] = collections.Counter()
    for book in args.books:
        paras = paragraphs(book)
        for para in rnd.sample(paras, min(args.per_book, len(paras))):
            text, hurt = damage(para, args.kind, rnd)
            if not hurt:
                continue
            opening = DAMAGED_OPENING if args.kind == "digits" else ""
            fixed = _body(repair.fix(opening + text), opening)
            control = _body(repair.fix(opening + para), opening)
            tally["words"] += len(para.split())
            tally["control changes"] += _changed(para.split(), control.split())
            original, damaged, repaired = para.split(), text.split(), fixed.split()
            if not len(original) == len(damaged) == len(repaired):
                tally["documents whose words the fix joined or split"] += 1
                continue
            for a, b, c in zip(original, damaged, repaired, strict=True):
                if a != b:
                    tally["damaged"] += 1
                    tally["restored" if c == a else "wrong" if c != b else "left"] += 1
                elif c != b:
                    tally["undamaged words changed"] += 1
    per = 10_000 / max(tally["words"], 1)
    n = max(tally["damaged"], 1)
    print(f"{args.kind}, seed {args.seed}: {tally['words']:,} words, {tally['damaged']:,} damaged")
    print(
        f"restored {tally['restored'] / n:.3f}, wrong {tally['wrong'] / n:.3f}, left {tally['left'] / n:.3f}"
    )
    print(
        f"undamaged words changed: {tally['undamaged words changed'] * per:.2f} per 10,000 words; "
        f"in the controls: {tally['control changes'] * per:.2f}; "
        f"documents set aside: {tally['documents whose words the fix joined or split']}"
    )


if __name__ == "__main__":
    main()
