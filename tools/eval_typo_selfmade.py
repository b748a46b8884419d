#!/usr/bin/env python3
"""Measure the misspelling rule on slips made here, never on a benchmark set.

Paragraphs of public-domain books (Project Gutenberg plain text, the licence
header and footer cut off) get one typing slip each in a common lower-case word:
a letter dropped, two neighbours swapped, a letter struck as its neighbour on a
QWERTY keyboard, a neighbouring key struck as well, or a letter doubled.  A slip
that spells anything wordfreq's English list holds is drawn again (the draw
depends on no list of the tree being measured, so two trees get the same slips).  Each damaged
paragraph is one document and its untouched twin the clean control.  Prints, by
slip kind and in all: the share of slips flagged and fixed by ``repair fix``'s
default (safe) fixes, fix precision, and safe changes and findings per 10,000
words of the clean controls.  The dev sets only measure; use this to see whether
a change to the rule generalises before looking at them.

The slips are mechanical, not human ones (typo_dev holds real misspellings, many
of them by sound), so the figures are not comparable with typo_dev's: compare two
trees on the same ``--seed``.

Usage::

    python tools/eval_typo_selfmade.py --books ../shared/bench/books/pg*.txt [--per-book 150] [--seed 3]
"""

from __future__ import annotations

import argparse
import collections
import random
import re
import sys
from pathlib import Path

from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import repair  # noqa: E402
from repair.model import Applicability, Finding  # noqa: E402

FAMILIES = ["TYP", "OCR"]
ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
WORD = re.compile(r"(?<![\w'’-])[a-z]{4,}(?![\w'’-])")
KINDS = ("deletion", "transposition", "substitution", "insertion", "doubling")
COMMON_ZIPF = 3.5  # only words this common get a slip: a rare word's slip is often out of reach


def neighbours() -> dict[str, str]:
    """Each letter's neighbours on a QWERTY keyboard (same row and the rows above and below)."""
    where = {c: (r, k) for r, row in enumerate(ROWS) for k, c in enumerate(row)}
    return {
        c: "".join(d for d, (r2, k2) in where.items() if d != c and abs(r2 - r) <= 1 and abs(k2 - k) <= 1)
        for c, (r, k) in where.items()
    }


NEAR = neighbours()


def slip(word: str, kind: str, rnd: random.Random) -> str:
    """``word`` with one slip of ``kind``."""
    k = rnd.randrange(len(word))
    if kind == "deletion":
        return word[:k] + word[k + 1 :]
    if kind == "transposition":
        k = min(k, len(word) - 2)
        return word[:k] + word[k + 1] + word[k] + word[k + 2 :]
    if kind == "substitution":
        return word[:k] + rnd.choice(NEAR[word[k]]) + word[k + 1 :]
    if kind == "insertion":
        return word[: k + 1] + rnd.choice(NEAR[word[k]]) + word[k + 1 :]
    return word[: k + 1] + word[k] + word[k + 1 :]  # doubling


def paragraphs(path: Path) -> list[str]:
    """Prose paragraphs of a book (40 to 200 words, mostly letters), the licence text cut off."""
    raw = path.read_bytes()
    text = raw.decode("utf-8-sig") if raw.startswith(b"\xef\xbb\xbf") else raw.decode("latin-1")
    text = text.replace("\r\n", "\n")
    start, end = text.find("*** START"), text.find("*** END")
    if start >= 0:
        text = text[text.find("\n", start) + 1 : end if end > start else None]
    out = []
    for para in re.split(r"\n\s*\n", text):
        words = para.split()
        letters = sum(c.isalpha() for c in para)
        if 40 <= len(words) <= 200 and letters >= 0.75 * len(para.replace(" ", "").replace("\n", "")):
            out.append(" ".join(words))
    return out


def damage(para: str, rnd: random.Random) -> tuple[str, tuple[int, int, str, str]] | None:
    """The paragraph with one slip in a common word, and (start, end, original, kind) of it."""
    spots = [m for m in WORD.finditer(para) if zipf_frequency(m.group(), "en") >= COMMON_ZIPF]
    if not spots:
        return None
    for _ in range(20):
        m = rnd.choice(spots)
        kind = rnd.choice(KINDS)
        bad = slip(m.group(), kind, rnd)
        if bad != m.group() and zipf_frequency(bad, "en") == 0.0:
            text = para[: m.start()] + bad + para[m.end() :]
            return text, (m.start(), m.start() + len(bad), m.group(), kind)
    return None


def safe(f: Finding) -> bool:
    return bool(f.fix) and f.applicability is Applicability.SAFE


def main() -> None:
    """Damage the paragraphs, check both twins, print the figures."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--books", type=Path, nargs="+", required=True)
    ap.add_argument("--per-book", type=int, default=150, help="paragraphs drawn from each book")
    ap.add_argument("--seed", type=int, default=3)
    args = ap.parse_args()
    rnd = random.Random(args.seed)
    by_kind: dict[str, collections.Counter[str]] = collections.defaultdict(collections.Counter)
    clean_words = clean_changes = clean_findings = 0
    for book in args.books:
        paras = paragraphs(book)
        for para in rnd.sample(paras, min(args.per_book, len(paras))):
            damaged = damage(para, rnd)
            if damaged is None:
                continue
            text, (a, b, original, kind) = damaged
            tally = by_kind[kind]
            tally["slips"] += 1
            found = repair.check(text, select=FAMILIES)
            hits = [f for f in found if f.start < b and a < f.end]
            tally["flagged"] += bool(hits)
            right = [
                f for f in hits if safe(f) and (f.start, f.end) == (a, b) and f.fix[0].replacement == original
            ]
            tally["fixed"] += bool(right)
            tally["wrong"] += sum(1 for f in found if safe(f) and f not in right)
            control = repair.check(para, select=FAMILIES)
            clean_words += len(para.split())
            clean_changes += sum(1 for f in control if safe(f))
            clean_findings += len(control)
    total: collections.Counter[str] = collections.Counter()
    print(f"{'slip':14s} {'slips':>6s} {'flagged':>8s} {'fixed':>7s} {'precision':>9s}")
    for kind in (*KINDS, "all"):
        t = total if kind == "all" else by_kind[kind]
        if kind != "all":
            total.update(t)
        n, fixed, wrong = t["slips"], t["fixed"], t["wrong"]
        precision = fixed / (fixed + wrong) if fixed + wrong else 0.0
        print(f"{kind:14s} {n:6d} {t['flagged'] / max(n, 1):8.3f} {fixed / max(n, 1):7.3f} {precision:9.3f}")
    per = 10_000 / max(clean_words, 1)
    print(
        f"clean twins: {clean_words:,} words, {clean_changes * per:.2f} safe changes and "
        f"{clean_findings * per:.2f} findings per 10,000 words"
    )


if __name__ == "__main__":
    main()
