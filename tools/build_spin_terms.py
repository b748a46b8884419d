#!/usr/bin/env python3
"""Build the spin family's list of established multi-word terms.

A tortured phrase is restored only to an established term; this list, with the
bigrams of CMU's trigram model (read at run time, see ``repair.spin.terms``),
says which word sequences are terms.  Sources, all public and general:

* WordNet 3.0 multi-word lemmas (Debian ``wordnet-base``, ``/usr/share/wordnet``),
  source ``w``;
* the content-word bigrams of symspellpy's bundled
  ``frequency_bigramdictionary_en_243_342.txt`` (MIT; Google Books Ngram
  counts), source ``s``, kept at a count of at least ``--min-count``.

Only terms of two to four lower-case words made of letters, hyphens and
apostrophes are kept, and only those with at least two words outside the
closed-class list (function words make no term).

Output: ``dictionaries/spin_terms.tsv.gz`` (``term``, ``sources``), and
``dictionaries/spin_telltale.tsv``: the words typical of paraphrasing tools,
those that occur in at least ``--min-listed`` phrases of the published
tortured-phrase list (``dictionaries/spin_tortured_list.tsv.gz``) and in
listed phrases at least ``--share`` times as often as in established terms
(the terms above and the originals the list names), plus one.

Usage::

    python tools/build_spin_terms.py [--wordnet /usr/share/wordnet]
"""

from __future__ import annotations

import argparse
import gzip
import os
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.spin.lexicon import FUNCTION_WORDS  # noqa: E402

WORD = re.compile(r"^[a-z][a-z'-]*[a-z]$")


def usable(term: str) -> bool:
    """Two to four plain lower-case words, at least two of them content words."""
    parts = term.split(" ")
    if not 2 <= len(parts) <= 4 or not all(WORD.match(p) for p in parts):
        return False
    return sum(1 for p in parts if p not in FUNCTION_WORDS) >= 2


def wordnet_terms(folder: Path) -> set[str]:
    """Multi-word WordNet 3.0 lemmas, lower case with spaces."""
    terms: set[str] = set()
    for name in ("noun", "verb", "adj", "adv"):
        with open(folder / f"data.{name}", encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                parts = line.split(" ")
                for k in range(int(parts[3], 16)):
                    word = re.sub(r"\([a-z]+\)$", "", parts[4 + 2 * k]).lower()
                    if "_" in word:
                        terms.add(word.replace("_", " "))
    return terms


def symspell_bigrams(min_count: int) -> set[str]:
    """Content-word bigrams of symspellpy's bundled bigram list at ``min_count`` or more."""
    import symspellpy

    path = os.path.join(os.path.dirname(symspellpy.__file__), "frequency_bigramdictionary_en_243_342.txt")
    out: set[str] = set()
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3 and int(parts[2]) >= min_count:
                out.add(f"{parts[0].lower()} {parts[1].lower()}")
    return out


def telltale_words(terms: set[str], min_listed: int, share: float) -> dict[str, tuple[int, int]]:
    """word -> (listed tortured phrases holding it, established terms holding it), for telltale words."""
    listed: dict[str, int] = {}
    originals: set[str] = set()
    with gzip.open(ROOT / "dictionaries" / "spin_tortured_list.tsv.gz", "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("tortured\t"):
                continue
            phrase, correct, _ = line.rstrip("\n").split("\t")
            for word in set(phrase.split()):
                listed[word] = listed.get(word, 0) + 1
            if correct:
                originals.add(correct.lower())
    in_terms: dict[str, int] = {}
    for term in terms | originals:
        for word in set(term.split(" ")):
            in_terms[word] = in_terms.get(word, 0) + 1
    return {
        w: (n, in_terms.get(w, 0))
        for w, n in listed.items()
        if n >= min_listed and n >= share * (1 + in_terms.get(w, 0)) and WORD.match(w)
    }


def write_terms(
    out: Path, marked: Iterable[tuple[str, Iterable[str]]], description: str
) -> dict[str, set[str]]:
    """Write the usable terms of each (source mark, terms) pair, with the marks of the sources that
    hold each, as a gzipped term table (reproducible: no time stamp); returns the table."""
    sources: dict[str, set[str]] = {}
    for mark, terms in marked:
        for term in terms:
            if usable(term):
                sources.setdefault(term, set()).add(mark)
    with gzip.GzipFile(out, "wb", mtime=0) as raw:
        raw.write(f"# description: {description}\n".encode())
        raw.write(b"term\tsources\n")
        for term in sorted(sources):
            raw.write(f"{term}\t{''.join(sorted(sources[term]))}\n".encode())
    print(f"{len(sources)} terms written to {out}")
    return sources


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--min-count", type=int, default=0)
    ap.add_argument("--out", type=Path, default=ROOT / "dictionaries" / "spin_terms.tsv.gz")
    ap.add_argument("--min-listed", type=int, default=3)
    ap.add_argument("--share", type=float, default=0.2)
    args = ap.parse_args()
    sources = write_terms(
        args.out,
        (("w", wordnet_terms(args.wordnet)), ("s", symspell_bigrams(args.min_count))),
        "established multi-word terms that a tortured phrase may be restored to: "
        "WordNet 3.0 multi-word lemmas (w) and content-word bigrams of symspellpy's bundled bigram "
        "list (s); generated by tools/build_spin_terms.py",
    )
    telltale = telltale_words(set(sources), args.min_listed, args.share)
    out = args.out.parent / "spin_telltale.tsv"
    with open(out, "w", encoding="utf-8", newline="\n") as fh:
        fh.write(
            "# description: words typical of paraphrasing tools: in at least "
            f"{args.min_listed} published tortured phrases, and in them at least {args.share} times as often "
            "as in established terms (spin_terms.tsv.gz and the list's originals) plus one; "
            "generated by tools/build_spin_terms.py\n"
        )
        fh.write("word\tlisted\tterms\n")
        for word, (listed, in_terms) in sorted(telltale.items()):
            fh.write(f"{word}\t{listed}\t{in_terms}\n")
    print(f"{len(telltale)} telltale words written to {out}")


if __name__ == "__main__":
    main()
