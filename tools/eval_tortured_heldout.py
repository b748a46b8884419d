#!/usr/bin/env python3
"""Measure the generated restorations of tortured phrases on the published list's own corrections.

For each row of ``dictionaries/spin_tortured_list.tsv.gz`` that names a correction, the
row is read as if the list named none, and :func:`repair.spin.restore.choose` is asked for
its original; the result is compared with the correction.  Two ways of holding out:

- ``row``: only the row's own correction is withdrawn (from the list's originals, its swaps
  and the learned swap counts);
- ``term``: every row naming the same original is withdrawn, so a held-out original is never
  a term the list names (the corrections cluster on a few originals: six rows name
  "feature selection").

In both, each withdrawn row then counts in the learned swap table as a row without a
correction does when ``tools/build_tortured_links.py`` learns it: its observed swaps (one
listed phrase each) are replaced by one E-step of its own candidates' posterior.  A listed
phrase without a correction adds up to one phrase to the counts of its own likely swaps, so
at run time a learned count includes the phrase being read; withdrawing the row alone would
make learned evidence look stronger than it is (measured: rules that were clean that way made
tortured_dev's new fixes about half wrong).

Output: counts by strength (``safe``, ``unsafe``, ``display``) of right and wrong
restorations, and with ``--show`` each row.  No benchmark phrase is used.

Usage::

    python tools/eval_tortured_heldout.py [--hold row|term] [--show]
"""

from __future__ import annotations

import argparse
import functools
import math
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.spin import restore, tortured  # noqa: E402

CACHED = (
    tortured.phrases,
    tortured.listed_terms,
    tortured.vocabulary,
    tortured.listed_links,
    restore.options,
    restore.base_distribution,
    restore.choose,
    restore.learned_links,
)


def _clear() -> None:
    for f in CACHED:
        f.cache_clear()
    restore._pair_is_term.cache_clear()


def hold_out(
    row: str, by_term: bool, full: dict[str, tuple[str, bool]], learned: dict[str, dict[str, float]]
) -> None:
    """Withdraw ``row`` (or every row with its correction) from the list and the learned counts."""
    target = full[row][0].lower()
    listed = dict(full)
    counts = {t: dict(r) for t, r in learned.items()}
    held = [p for p, (c, _) in full.items() if c and (c.lower() == target if by_term else p == row)]
    for phrase in held:
        listed[phrase] = ("", False)
        for t, o in zip(phrase.split(), target.split(), strict=True):
            if o in counts.get(t, {}):
                counts[t][o] -= 1.0
                if counts[t][o] < 0.1:
                    del counts[t][o]
    tortured.phrases = functools.cache(lambda: listed)  # type: ignore[method-assign]
    restore.learned_links = functools.cache(lambda: counts)  # type: ignore[method-assign]
    _clear()
    added: list[tuple[str, str, float]] = []
    for phrase in held:
        written = tuple(phrase.split())
        found = restore.candidates(written)
        if not found:
            continue
        scores = [restore.score(r) for r in found]
        top = max(scores)
        weights = [math.exp(s - top) for s in scores]
        for r, w in zip(found, weights, strict=True):
            added.extend((t, o, w / sum(weights)) for t, o in zip(written, r.words, strict=True))
    for t, o, w in added:
        counts.setdefault(t, {})[o] = counts.get(t, {}).get(o, 0.0) + w
    _clear()


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    ap.add_argument("--hold", choices=("row", "term"), default="row")
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    full = dict(tortured.phrases())
    learned = {t: dict(r) for t, r in restore.learned_links().items()}
    tally: Counter[tuple[str, str]] = Counter()
    for row in sorted(p for p, (c, _) in full.items() if c):
        hold_out(row, args.hold == "term", full, learned)
        written, want = tuple(row.split()), full[row][0].lower()
        choice = restore.choose(written)
        if choice is None:
            tally["none", "-"] += 1
            continue
        verdict = "right" if choice.best.text == want else "wrong"
        tally[choice.strength, verdict] += 1
        if args.show:
            lead = "-" if choice.lead is None else f"{choice.lead:.1f}"
            print(
                f"{choice.strength}\t{verdict}\t{row}\t{choice.best.text}\t{want}\t{lead}\t{choice.best.term}"
            )
    for (strength, verdict), n in sorted(tally.items()):
        print(f"{strength:8s} {verdict:6s} {n}", file=sys.stderr)


if __name__ == "__main__":
    main()
