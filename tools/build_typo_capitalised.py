#!/usr/bin/env python3
"""Build ``dictionaries/typo_capitalised.txt``: words English always writes with a capital.

Every word list the spelling rules use is in lower case (symspellpy's, wordfreq's, the trigram
model's), so a rule that reads a misread letter knows "india" but not that it is written "India".
OCR reads a capital I as a small l ("lndia", "lreland"): a correction needs the capital back.

The list keeps the words of SCOWL's lists of capitalised words and proper names up to size 50
(``*-upper.*`` and ``*-proper-names.*``, any spelling region) that are written with one capital and
then small letters ("India", "Irish", "Monday"), in lower case, less every word SCOWL lists in lower
case up to size 70 ("china", "bill", "may", "polish": a word both ways is no word always
capitalised).

Usage::

    apt-get install -y scowl
    python tools/build_typo_capitalised.py [--scowl DIR] [--out dictionaries/typo_capitalised.txt]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from build_typo_known import ROOT, words_of
from build_typo_rare import SCOWL

SIZES = ("10", "20", "35", "40", "50")  # the capitalised words and names kept
LOWER_SIZES = ("10", "20", "35", "40", "50", "55", "60", "70")  # the lower-case words that rule one out


def capitalised(folder: Path) -> set[str]:
    """The words SCOWL's capitalised lists up to size 50 write with one capital, in lower case."""
    out: set[str] = set()
    for path in sorted(folder.glob("*-upper.*")) + sorted(folder.glob("*-proper-names.*")):
        if path.suffix.lstrip(".") not in SIZES:
            continue
        with open(path, encoding="utf-8") as fh:
            for w in (line.strip() for line in fh):
                if len(w) >= 2 and w.isascii() and w.isalpha() and w[0].isupper() and w[1:].islower():
                    out.add(w.lower())
    return out


def lower_case(folder: Path) -> set[str]:
    """Every lower-case word of SCOWL's word lists up to size 70."""
    out: set[str] = set()
    for path in sorted(folder.glob("*-words.*")):
        if path.suffix.lstrip(".") in LOWER_SIZES:
            out |= words_of(str(path))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scowl", default=SCOWL, help="folder of Debian's scowl package")
    ap.add_argument("--out", default=str(ROOT / "dictionaries" / "typo_capitalised.txt"))
    args = ap.parse_args()
    folder = Path(args.scowl)
    words = capitalised(folder)
    if not words:
        raise SystemExit(f"error: no SCOWL lists in {args.scowl} (apt-get install -y scowl)")
    words -= lower_case(folder)
    header = (
        "# description: words always written capitalised (SCOWL's capitalised words and proper names up to "
        "size 50 with one capital, less the words its lists up to size 70 hold in lower case), in lower case"
    )
    Path(args.out).write_text("\n".join([header, *sorted(words)]) + "\n", encoding="utf-8")
    print(f"{len(words)} words -> {args.out}")


if __name__ == "__main__":
    main()
