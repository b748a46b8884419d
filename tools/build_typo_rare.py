#!/usr/bin/env python3
"""Build ``dictionaries/typo_rare.txt.gz``: rare and variant English spellings, never corrected safely.

Older prose is full of real spellings that no list of the misspelling rule has: "intrusted",
"reenforcement", "unfrequently", "reconnoissance", "demagog", "imbittered".  The rule took them
for slips and corrected them safely.  SCOWL's larger lists hold them: size 80 ("huge": rare and
obsolete words) and the variant lists (``variant_1``: common variants, ``variant_2``: less common,
``variant_3``: seldom used), up to size 80.  Size 80 also holds misspellings a writer makes today
("wus", "wich", "persue"), so these words are not known words (``typo_known.txt.gz`` is never
flagged): the rule still reports them, with its correction, but never applies it by default.  And
since a slip of a short common word often spells some rare short word (of the one-edit
non-word slips of wordfreq's 20,000 commonest words, 5% spell a size-80 word at three letters,
0.7% at six, 0.36% at seven), a size-80 word joins only from ``MIN_LENGTH`` letters; a variant
spelling joins at any length.

SCOWL's capitalised abbreviations up to size 70 join in lower case ("isp" for "ISP"): informal
text types them so, and "isp" is no slip of "is".

The list keeps the lower-case, letters-only words of those lists that neither symspellpy's list,
``typo_words.txt`` nor ``typo_known.txt.gz`` has.  A word codespell's list corrects stays out
unless a SCOWL variant list names it ("intrusted", "surprized" are period spellings; "wich",
"persue" are slips).  Size 95 was not used: it lists common misspellings ("accomodate").

Usage::

    apt-get install -y scowl
    python tools/build_typo_rare.py [--scowl /usr/share/dict/scowl] [--out dictionaries/typo_rare.txt.gz]
"""

from __future__ import annotations

import argparse
import gzip
from pathlib import Path

from build_typo_known import ROOT, codespell_misspellings, extra_words, symspell_words, words_of, write_list

SCOWL = "/usr/share/dict/scowl"
MIN_LENGTH = 7  # letters a size-80 word needs (variant spellings need none)
SIZES = ("10", "20", "35", "40", "50", "55", "60", "70", "80")  # SCOWL sizes kept (95 is left out)


def scowl_words(folder: Path) -> tuple[set[str], set[str]]:
    """(every word of the size-80 and variant lists, the variant lists' words alone)."""
    every: set[str] = set()
    variants: set[str] = set()
    for path in sorted(folder.glob("*-words.*")):
        size = path.suffix.lstrip(".")
        variant = "variant" in path.name
        if size not in SIZES or not (variant or size == "80"):
            continue
        words = words_of(str(path))
        every |= words
        if variant:
            variants |= words
    return every, variants


def abbreviations(folder: Path) -> set[str]:
    """SCOWL's capitalised abbreviations of three letters or more up to size 70 ("ISP", "CPU",
    "ASCII"), in lower case: typed so in informal text, they are no slips of the word a letter
    away ("isp" is no "is")."""
    out: set[str] = set()
    for path in sorted(folder.glob("*-abbreviations.*")):
        if path.suffix.lstrip(".") not in SIZES[:-1]:  # size 80 and 95 are left out
            continue
        with open(path, encoding="utf-8") as fh:
            for w in (line.strip() for line in fh):
                if w.isascii() and w.isalpha() and w.isupper() and len(w) >= 3:
                    out.add(w.lower())
    return out


def known_words() -> set[str]:
    with gzip.open(ROOT / "dictionaries" / "typo_known.txt.gz", "rt", encoding="utf-8") as fh:
        return {w for w in (line.strip() for line in fh) if w and not w.startswith("#")}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--scowl", default=SCOWL, help="folder of Debian's scowl package")
    ap.add_argument("--out", default=str(ROOT / "dictionaries" / "typo_rare.txt.gz"))
    args = ap.parse_args()
    every, variants = scowl_words(Path(args.scowl))
    if not every:
        raise SystemExit(f"error: no SCOWL lists in {args.scowl} (apt-get install -y scowl)")
    rare = every - symspell_words() - extra_words() - known_words()
    rare -= codespell_misspellings() - variants
    rare = {w for w in rare if w in variants or len(w) >= MIN_LENGTH}
    rare |= abbreviations(Path(args.scowl)) - symspell_words() - extra_words() - known_words()
    header = (
        "# description: rare and variant English spellings (SCOWL size 80 from 7 letters, variant lists "
        "up to size 80) and lower-case abbreviations (SCOWL up to size 70) that no other list of the rule "
        "has, less codespell's misspellings that are no SCOWL variant; flagged, never corrected by default"
    )
    write_list(args.out, header, rare)


if __name__ == "__main__":
    main()
