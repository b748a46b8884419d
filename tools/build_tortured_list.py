#!/usr/bin/env python3
"""Build the spin family's list of published tortured phrases.

Input: ``tortured_phrases_list.txt`` from the PyPI package
``TorturePhrases_Estimator`` 4.0 (MIT licence; its phrases are the
Problematic Paper Screener fingerprints of Cabanac, Labbé & Magazinov):
``pip download --no-deps torturephrases-estimator==4.0`` and unzip the wheel.
Fingerprints are phrases, some as ``tortured AND expected`` queries; the
first term is kept as the tortured phrase and the second, when it has as many
words, as its correction.  Single words are dropped (too many are ordinary
English), and so is every phrase that occurs in the given clean books
(public-domain prose, the negative corpus), that symspellpy's bigram list
holds, that is an established term of ``dictionaries/spin_terms.tsv.gz`` or
``spin_terms_computing.tsv.gz`` (WordNet lemmas, the bigram list's content
pairs, FOLDOC, V.E.R.A.; their terms do not depend on this list), or that CMU's
trigram model holds as a bigram or trigram ("getting ready", "shared data",
"supply route", "mind boggling"): a phrase found in ordinary prose is not
evidence of paraphrasing, and a user's text that uses it must not be flagged.

Optionally, ``--pps-json`` adds a Problematic Paper Screener dictionary in the
JSON layout ``{"phrases": [{"tortured": ..., "correct": ...}, ...]}`` (as in the
MIT-licensed ``torturedcheck`` project's ``src/data/tortured-phrases.json``;
the PPS data are CC BY 4.0): its corrections are kept when they are plain
phrases (annotations in brackets or with "?" are dropped).  It is not fetched
by this script.

Corrections are marked ``confirmed=yes`` when the reverse thesaurus links each
word of the listed correction to the tortured word it replaces.  For phrases the
list gives no correction for, nothing is guessed here: ``repair.spin.restore``
generates the original at run time from the thesaurus and the established terms
(``dictionaries/spin_terms.tsv.gz``, built by ``tools/build_spin_terms.py``).

Output: ``dictionaries/spin_tortured_list.tsv.gz`` (``tortured``, ``correct``, ``confirmed``).

Usage::

    python tools/build_tortured_list.py --list tortured_phrases_list.txt --books BOOK.txt...
"""

from __future__ import annotations

import argparse
import gzip
import re
import sys
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHRASE = re.compile(r"^[a-z][a-z0-9' -]*[a-z0-9]$")


def parse(path: Path) -> dict[str, str]:
    """tortured phrase -> correction ('' when the list gives none)."""
    out: dict[str, str] = {}
    for raw in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = " ".join(raw.strip().lower().split())
        if not line or line == "tortured phrases" or "(" in line or " not " in line:
            continue
        terms = [t.strip() for t in re.split(r" and | or ", line)]
        first = terms[0]
        if not PHRASE.match(first) or len(first.split()) < 2:
            continue
        correct = ""
        if " and " in line and " or " not in line and len(terms) == 2:
            second = terms[1]
            if PHRASE.match(second) and len(second.split()) == len(first.split()) and second != first:
                correct = second
        if correct or first not in out:
            out[first] = correct
    return out


def parse_pps_json(path: Path) -> dict[str, str]:
    """tortured phrase -> correction from a PPS dictionary in JSON."""
    import json

    out: dict[str, str] = {}
    for item in json.loads(path.read_text(encoding="utf-8")).get("phrases", []):
        tortured = " ".join(str(item.get("tortured", "")).lower().split())
        correct = " ".join(str(item.get("correct", "")).split())
        if not PHRASE.match(tortured) or len(tortured.split()) < 2:
            continue
        if not correct or any(c in correct for c in '[]()?/\\"'):
            correct = ""
        out[tortured] = correct or out.get(tortured, "")
    return out


def ordinary_phrases(phrases: Iterable[str]) -> set[str]:
    """The phrases that English uses outside paraphrased papers, by the sources named above."""
    import symspellpy

    sys.path.insert(0, str(ROOT))
    from repair.spin.terms import attested, attested3, term_sources

    bigram_list = Path(symspellpy.__file__).parent / "frequency_bigramdictionary_en_243_342.txt"
    bigrams = {" ".join(line.split()[:2]) for line in bigram_list.read_text(encoding="utf-8").splitlines()}
    terms = term_sources()
    out = set()
    for phrase in phrases:
        words = phrase.split()
        model = (len(words) == 2 and attested(*words)) or (len(words) == 3 and attested3(*words))
        if phrase in bigrams or phrase in terms or model:
            out.add(phrase)
    return out


def load_reverse(path: Path) -> dict[str, set[str]]:
    """written word -> candidate originals, from the spin family's reverse thesaurus."""
    out: dict[str, set[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            if line.startswith("#") or line.startswith("written\t"):
                continue
            written, cells = line.rstrip("\n").split("\t")
            out[written] = {c.rsplit(":", 2)[0] for c in cells.split(",")}
    return out


def confirmed(tortured: str, correct: str, reverse: dict[str, set[str]]) -> bool:
    """Whether each word of the correction is the tortured word or a thesaurus original of it.

    A tortured phrase is a word-by-word synonym swap of a term, so a correction
    whose words the thesaurus links one to one is a restoration, not a guess.
    """
    tw, cw = tortured.split(), correct.lower().split()
    if len(tw) != len(cw):
        return False

    def linked(a: str, b: str) -> bool:
        forms = {a, a.rstrip("s"), a[:-2] if a.endswith("es") else a}
        return a == b or any(b in reverse.get(f, ()) or b.rstrip("s") in reverse.get(f, ()) for f in forms)

    return all(linked(a, b) for a, b in zip(tw, cw, strict=True))


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--list", type=Path, required=True)
    ap.add_argument("--books", type=Path, nargs="*", default=[])
    ap.add_argument("--pps-json", type=Path, default=None, help="optional PPS dictionary in JSON")
    ap.add_argument("--out", type=Path, default=ROOT / "dictionaries" / "spin_tortured_list.tsv.gz")
    args = ap.parse_args()
    phrases = parse(args.list)
    if args.pps_json is not None:
        for tortured, correct in parse_pps_json(args.pps_json).items():
            if correct or tortured not in phrases:
                phrases[tortured] = correct
    prose = " ".join(
        " ".join(re.findall(r"[a-z0-9'-]+", b.read_bytes().decode("utf-8", errors="replace").lower()))
        for b in args.books
    )
    in_books = {p for p in phrases if f" {p} " in prose}
    ordinary = ordinary_phrases(p for p in phrases if p not in in_books)
    kept = {p: c for p, c in phrases.items() if p not in in_books and p not in ordinary}
    reverse = load_reverse(ROOT / "dictionaries" / "spin_reverse.tsv.gz")
    confirmed_by = {p for p, c in kept.items() if c and confirmed(p, c, reverse)}
    with gzip.GzipFile(args.out, "wb", mtime=0) as raw:
        raw.write(
            b"# description: published tortured phrases (Problematic Paper Screener fingerprints by Cabanac, "
            b"Labbe & Magazinov, via the MIT-licensed TorturePhrases_Estimator 4.0 list), with the "
            b"correction where the fingerprint gives one (confirmed=yes when the reverse thesaurus links "
            b"every word); generated by tools/build_tortured_list.py\n"
        )
        raw.write(b"tortured\tcorrect\tconfirmed\n")
        for p in sorted(kept):
            mark = "yes" if p in confirmed_by else ""
            raw.write(f"{p}\t{kept[p]}\t{mark}\n".encode())
    print(
        f"{len(phrases)} phrases, {len(in_books)} in the books, {len(ordinary)} ordinary English, "
        f"{len(kept)} kept, {sum(1 for c in kept.values() if c)} with a correction, "
        f"{len(confirmed_by)} confirmed word by word by the thesaurus"
    )


if __name__ == "__main__":
    main()
