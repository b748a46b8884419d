#!/usr/bin/env python3
"""Measure the spin family on public-domain books spun here, never on a benchmark set.

Paragraphs of about ``--sentences`` sentences are drawn from Project Gutenberg
books and spun by the simulated spinner of ``tools/train_spin_combiner.py``
(WordNet synsets with probability ``--wordnet``, else Moby Thesaurus II
entries).  Each spun paragraph is one document; its unspun twin is the clean
control.  Prints, for default and ``--unsafe-fixes`` runs: the share of swaps
flagged and restored, fix precision, and false changes and findings per
10,000 clean words.  Use it to choose thresholds; the dev sets only measure.

Usage::

    python tools/eval_spin_selfspun.py --books BOOK.txt... --moby package/words.txt [--seed 11]
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

import train_spin_combiner as spinner  # noqa: E402
from build_thesaurus import read_moby  # noqa: E402

import repair  # noqa: E402
from repair.document import Options  # noqa: E402
from repair.model import Applicability, Finding  # noqa: E402


def applied(f: Finding, unsafe: bool) -> bool:
    """Whether ``repair fix`` (with ``--unsafe-fixes`` when ``unsafe``) applies the finding's fix."""
    ok = {Applicability.SAFE, Applicability.UNSAFE} if unsafe else {Applicability.SAFE}
    return bool(f.fix) and f.applicability in ok


def score(docs: list[tuple[str, list[tuple[int, int, str]]]], unsafe: bool) -> dict[str, float]:
    """Flagged and restored shares of swaps, fix precision, and changes outside swaps."""
    swaps = flagged = restored = changes = wrong = findings_out = 0
    for text, edits in docs:
        found = repair.check(text, select=["SPN"], options=Options(unsafe_fixes=unsafe))
        swaps += len(edits)
        for a, b, original in edits:
            hits = [f for f in found if f.start < b and a < f.end]
            flagged += bool(hits)
            restored += any(
                applied(f, unsafe)
                and f.start == a
                and f.end == b
                and f.fix[0].replacement.lower() == original.lower()
                for f in hits
            )
        for f in found:
            inside = any(f.start < b and a < f.end for a, b, _ in edits)
            findings_out += not inside
            if applied(f, unsafe):
                changes += 1
                right = any(
                    f.start == a and f.end == b and f.fix[0].replacement.lower() == o.lower()
                    for a, b, o in edits
                )
                wrong += not right
    return {
        "swaps": swaps,
        "flagged": round(flagged / max(swaps, 1), 3),
        "restored": round(restored / max(swaps, 1), 3),
        "precision": round((changes - wrong) / max(changes, 1), 3),
        "changes": changes,
        "findings_outside": findings_out,
    }


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--books", type=Path, nargs="+", required=True)
    ap.add_argument("--moby", type=Path, required=True)
    ap.add_argument("--wordnet-dir", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--wordnet", type=float, default=0.7, help="share of swaps drawn from WordNet synsets")
    ap.add_argument("--rate", type=float, default=0.12, help="share of content words the spinner rewrites")
    ap.add_argument("--per-book", type=int, default=60)
    ap.add_argument("--sentences", type=int, default=6)
    ap.add_argument("--seed", type=int, default=11)
    ap.add_argument("--run", type=int, default=1, help="book sentences kept together (a passage)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    wn = spinner.synsets_by_lemma(args.wordnet_dir)
    moby = read_moby(args.moby)
    if args.wordnet >= 1:
        moby = {}  # a WordNet-only spinner leaves words WordNet lacks alone
    spun_docs: list[tuple[str, list[tuple[int, int, str]]]] = []
    clean_docs: list[tuple[str, list[tuple[int, int, str]]]] = []
    for book in args.books:
        sents = spinner.book_sentences(book, args.per_book, rng, args.run)
        for k in range(0, len(sents) - args.sentences + 1, args.sentences):
            group = sents[k : k + args.sentences]
            text, edits, offset = [], [], 0
            for s in group:
                spun, ed = spinner.spin_sentence(s, rng, wn, moby, args.rate, args.wordnet)
                edits.extend((a + offset, b + offset, o) for a, b, o in ed)
                text.append(spun)
                offset += len(spun) + 1
            spun_docs.append((" ".join(text), edits))
            clean_docs.append((" ".join(group), []))
    words = sum(len(t.split()) for t, _ in clean_docs)
    for unsafe in (False, True):
        result = score(spun_docs, unsafe)
        clean = score(clean_docs, unsafe)
        per = 10_000 / max(words, 1)
        changes, findings = clean["changes"] * per, clean["findings_outside"] * per
        print(
            f"{'unsafe' if unsafe else 'default'}: spun {result}; "
            f"clean: {changes:.2f} changes, {findings:.2f} findings per 10k words"
        )


if __name__ == "__main__":
    main()
