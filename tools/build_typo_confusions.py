#!/usr/bin/env python3
"""Build ``dictionaries/typo_confusions.tsv``: a learned spelling error model (Brill and Moore 2000).

Each pair ``misspelling->correction`` of codespell's ``dictionary.txt`` (derived from English
Wikipedia, CC BY-SA 3.0) is aligned letter by letter; every run of differing letters becomes a
rewrite rule ``intended -> written`` of up to three letters a side, also with one letter of
context on the left or on the right (``^`` and ``$`` mark the word's edges, so "^ph"->"^f" and
"nce$"->"nse$" are rules of their own).  A rule's probability is how often the intended string
was written that way, over how often it occurs in the intended words of the list:
``P(written | intended) = (rule count) / (occurrences + SMOOTHING)``.  Rules seen fewer than
:data:`MIN_COUNT` times (counted once per word stem, so that one slip repeated over a word's
inflections counts once) or less likely than :data:`MIN_PROB` are dropped; only the
generalised rules are written, never the pairs.

Usage: python tools/build_typo_confusions.py [--dictionary PATH] [--out dictionaries/typo_confusions.tsv]
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from collections.abc import Iterable, Iterator
from pathlib import Path

#: Longest run of differing letters (either side) that becomes a rule.
MAX_SPAN = 3
#: A rule must be seen this many times (in distinct words) to be kept.
MIN_COUNT = 3
#: Added to a rule's denominator, so that rules of rare strings are not overconfident.
SMOOTHING = 20
#: Rules less likely than this are not shipped: as evidence a rare rule is worth no more than a
#: plain edit, and undoing rare rules proposed archaic and foreign words in the bench books as
#: misspellings ("parlant" -> "plant" by a "par" for "p" seen 4 times).
MIN_PROB = 0.01


def codespell_dictionary() -> Path:
    """Path of codespell's main dictionary in the installed ``codespell_lib``."""
    import codespell_lib

    return Path(codespell_lib.__file__).parent / "data" / "dictionary.txt"


def split_entries(lines: Iterable[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """Each line ``misspelling->correction, correction,`` of codespell's list as written:
    (misspelling, corrections), blanks around them stripped."""
    for line in lines:
        wrong, sep, right = line.strip().partition("->")
        if sep:
            yield wrong, tuple(f.strip() for f in right.split(",") if f.strip())


def read_entries(lines: Iterable[str]) -> Iterator[tuple[str, tuple[str, ...]]]:
    """(misspelling, corrections) entries, lower case: an entry whose words are not all letters
    (a correction of two words, "alot->a lot, allot") is left out whole, so that what is left of
    an ambiguous entry never reads as unambiguous."""
    for wrong, right in split_entries(lines):
        w = wrong.lower()
        fixes = tuple(f.lower() for f in right)
        if fixes and all(x.isascii() and x.isalpha() for x in (w, *fixes)) and w not in fixes:
            yield w, fixes


def read_pairs(lines: Iterable[str]) -> Iterator[tuple[str, str]]:
    """(misspelling, correction) pairs: lower-case letters only, one unambiguous correction."""
    for w, fixes in read_entries(lines):
        if len(fixes) == 1:
            yield w, fixes[0]


def align(written: str, intended: str) -> list[tuple[str, str]]:
    """Segments (intended part, written part) of a minimal Levenshtein alignment: equal letters
    one by one as (x, x), each run of differing letters merged into one segment."""
    n, m = len(written), len(intended)
    d = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        d[i][0] = i
    for j in range(m + 1):
        d[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            same = written[i - 1] == intended[j - 1]
            d[i][j] = min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (0 if same else 1))
    ops: list[tuple[str, str]] = []
    i, j = n, m
    while i or j:
        if i and j and written[i - 1] == intended[j - 1] and d[i][j] == d[i - 1][j - 1]:
            ops.append((intended[j - 1], written[i - 1]))
            i, j = i - 1, j - 1
        elif i and j and d[i][j] == d[i - 1][j - 1] + 1:
            ops.append((intended[j - 1], "\0" + written[i - 1]))
            i, j = i - 1, j - 1
        elif i and d[i][j] == d[i - 1][j] + 1:
            ops.append(("", "\0" + written[i - 1]))
            i -= 1
        else:
            ops.append(("\0" + intended[j - 1], ""))
            j -= 1
    ops.reverse()
    out: list[tuple[str, str]] = []
    run_a, run_b, in_run = "", "", False
    for a, b in ops:
        diff = a.startswith("\0") or b.startswith("\0") or a == ""
        if diff:
            run_a += a.replace("\0", "")
            run_b += b.replace("\0", "")
            in_run = True
            continue
        if in_run:
            out.append((run_a, run_b))
            run_a, run_b, in_run = "", "", False
        out.append((a, b))
    if in_run:
        out.append((run_a, run_b))
    return out


def rules_of(written: str, intended: str) -> set[tuple[str, str]]:
    """The rewrite rules (intended, written) one pair shows, with and without one letter of context."""
    segs = align("^" + written + "$", "^" + intended + "$")
    out: set[tuple[str, str]] = set()
    for k, (a, b) in enumerate(segs):
        if a == b:
            continue
        if len(a) > MAX_SPAN or len(b) > MAX_SPAN:
            continue
        left = segs[k - 1][0] if k > 0 and segs[k - 1][0] == segs[k - 1][1] else None
        right = segs[k + 1][0] if k + 1 < len(segs) and segs[k + 1][0] == segs[k + 1][1] else None
        if a and b:
            out.add((a, b))
        if left is not None:
            out.add((left + a, left + b))
        if right is not None:
            out.add((a + right, b + right))
    return out


def substrings(word: str, longest: int) -> set[str]:
    """Every substring of ``word`` up to ``longest`` letters."""
    return {word[i : i + k] for k in range(1, longest + 1) for i in range(len(word) - k + 1)}


def learn(pairs: Iterable[tuple[str, str]]) -> list[tuple[str, str, int, int, float]]:
    """Rules (intended, written, count, occurrences, probability), kept when frequent enough."""
    counts: Counter[tuple[str, str]] = Counter()
    seen: set[tuple[str, str, str]] = set()
    intended_words: Counter[str] = Counter()
    for w, c in pairs:
        stem = c[:6]  # inflections of one word repeat one slip: count it once per stem
        for r in rules_of(w, c):
            if (r[0], r[1], stem) not in seen:
                seen.add((r[0], r[1], stem))
                counts[r] += 1
        intended_words["^" + c + "$"] += 1
    occurrences: Counter[str] = Counter()
    wanted = {a for a, _ in counts}
    for word, k in intended_words.items():
        for s in substrings(word, MAX_SPAN + 1):
            if s in wanted:
                occurrences[s] += k
    out = []
    for (a, b), k in counts.items():
        if k < MIN_COUNT:
            continue
        p = k / (occurrences[a] + SMOOTHING)
        if p >= MIN_PROB:
            out.append((a, b, k, occurrences[a], p))
    out.sort()
    return out


def arguments(description: str, table: str) -> tuple[Path, str]:
    """The command line of a script that reads codespell's list: the list's path and the output
    path (default ``dictionaries/TABLE``)."""
    ap = argparse.ArgumentParser(description=description)
    root = Path(__file__).resolve().parent.parent
    ap.add_argument(
        "--dictionary", default=None, help="codespell's dictionary.txt (default: installed codespell)"
    )
    ap.add_argument("--out", default=str(root / "dictionaries" / table))
    args = ap.parse_args()
    return (Path(args.dictionary) if args.dictionary else codespell_dictionary()), args.out


def main() -> None:
    """Write the rule table."""
    path, out = arguments(__doc__.splitlines()[0], "typo_confusions.tsv")
    with open(path, encoding="utf-8") as fh:
        rules = learn(read_pairs(fh))
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(
            "# description: learned misspelling rules intended -> written with P(written | intended) "
            "(generated by tools/build_typo_confusions.py from codespell's dictionary.txt, "
            "derived from English Wikipedia, CC BY-SA 3.0)\n"
        )
        fh.write("intended\twritten\tcount\toccurrences\tlog10p\n")
        for a, b, k, occ, p in rules:
            fh.write(f"{a}\t{b}\t{k}\t{occ}\t{math.log10(p):.3f}\n")
    print(f"{len(rules)} rules -> {out}")


if __name__ == "__main__":
    main()
