#!/usr/bin/env python3
"""Build ``dictionaries/typo_known.txt.gz``: real English words that no other list of the rule has.

symspellpy's 82,765-word list and ``typo_words.txt`` leave out many real words that prose uses:
older and British spellings ("intrusted", "fulness", "inclosed"), rare words ("fugally",
"fatuity", "bantling").  The misspelling rule took them for slips of a commoner word and proposed
"entrusted", "fullness" or "included".  This script keeps the lower-case, letters-only words of
SCOWL's size-70 American and British lists (Debian's ``wamerican-large`` and ``wbritish-large``:
``/usr/share/dict/american-english-large`` and ``british-english-large``) that neither of those
lists has, less every word that codespell's list (``codespell_lib/data/dictionary.txt``) calls a
misspelling ("accidently", "casette"): a word that list corrects stays a misspelling here.  The
rule never flags a word of this list and never proposes one (they are known, not candidates).

Larger SCOWL sizes were measured and not used: size 80 ("huge") already holds misspellings the
rule should fix ("wus", "hed", "presure").

Usage::

    apt-get install -y wamerican-large wbritish-large
    python tools/build_typo_known.py [--out dictionaries/typo_known.txt.gz]
"""

from __future__ import annotations

import argparse
import gzip
import importlib.resources as ir
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LISTS = ("/usr/share/dict/american-english-large", "/usr/share/dict/british-english-large")


def words_of(path: str) -> set[str]:
    """The lower-case, letters-only ASCII words of a SCOWL list (names and possessives dropped)."""
    with open(path, encoding="utf-8") as fh:
        return {w for w in (line.strip() for line in fh) if w.isascii() and w.isalpha() and w.islower()}


def symspell_words() -> set[str]:
    path = ir.files("symspellpy") / "frequency_dictionary_en_82_765.txt"
    with open(str(path), encoding="utf-8") as fh:
        return {line.split()[0] for line in fh if line.strip()}


def extra_words() -> set[str]:
    lines = (ROOT / "dictionaries" / "typo_words.txt").read_text(encoding="utf-8").splitlines()
    return {w for w in lines if w and not w.startswith("#")}


def codespell_misspellings() -> set[str]:
    path = ir.files("codespell_lib") / "data" / "dictionary.txt"
    with open(str(path), encoding="utf-8") as fh:
        return {line.split("->", 1)[0].strip().lower() for line in fh if "->" in line}


def write_list(out: str, header: str, words: set[str]) -> None:
    """Write the sorted words under their description line, gzipped byte for byte the same each run."""
    data = "\n".join([header, *sorted(words)]) + "\n"
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, filename="") as fh:
        fh.write(data.encode("utf-8"))
    print(f"{len(words)} words -> {out}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lists", nargs="+", default=list(LISTS))
    ap.add_argument("--out", default=str(ROOT / "dictionaries" / "typo_known.txt.gz"))
    args = ap.parse_args()
    known: set[str] = set()
    for path in args.lists:
        known |= words_of(path)
    known -= symspell_words() | extra_words() | codespell_misspellings()
    header = (
        "# description: real English words missing from symspellpy's list and typo_words.txt, from SCOWL "
        "size 70 (American and British), less codespell's misspellings; never flagged, never proposed"
    )
    write_list(args.out, header, known)


if __name__ == "__main__":
    main()
