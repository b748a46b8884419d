#!/usr/bin/env python3
"""Build the spinner family's reverse thesaurus and lexicon from public resources.

Inputs (nothing is fetched by this script; see ``dictionaries/README.md``):

* WordNet 3.0 database files, as Debian's ``wordnet-base`` installs them
  (``apt-get install wordnet-base``: ``/usr/share/wordnet/data.*``);
* Moby Thesaurus II ``words.txt`` (public domain), as shipped inside the npm
  package ``moby@1.1.2`` (``npm pack moby@1.1.2 && tar xzf moby-1.1.2.tgz``:
  ``package/words.txt``).

Outputs, in ``dictionaries/``:

* ``spin_reverse.tsv.gz``: for a word or phrase a spinner may have written
  (lower case, lemma level), the candidate originals whose thesaurus entries
  contain it, each marked with its sources (``m`` the candidate's Moby entry
  lists the written word, ``r`` the written word's Moby entry lists the
  candidate, ``w`` they share a WordNet synset) and the natural log of the
  chance that a blind spinner, rewriting the candidate, writes this word (one
  over the size of the Moby entry; for WordNet, averaged over the candidate's
  senses and each sense's other lemmas).  Ranked by that chance times the
  candidate's frequency.  Candidates are limited to words and phrases in
  common use (wordfreq Zipf >= ``MIN_ORIGINAL_ZIPF``) and to ``MAX_CANDIDATES`` a key.
* ``spin_lexicon.tsv.gz``: word forms with their lemma, Penn part-of-speech tag
  and Zipf frequency, from WordNet lemmas inflected with lemminflect; used to
  inflect candidates to the written form and for the part-of-speech slot rules.

Usage::

    python tools/build_thesaurus.py --wordnet /usr/share/wordnet --moby package/words.txt

The output is deterministic for given inputs and library versions.
"""

from __future__ import annotations

import argparse
import gzip
import math
import os
import re
from collections import defaultdict
from pathlib import Path

MIN_ORIGINAL_ZIPF = 2.0
MAX_CANDIDATES = 200
MIN_FORM_ZIPF = 0.0
REVERSE_LINK_WEIGHT = 0.3
WN_POS = {"noun": "n", "verb": "v", "adj": "a", "adv": "r"}
UPOS = {"n": "NOUN", "v": "VERB", "a": "ADJ", "r": "ADV"}
BASE_TAG = {"n": "NN", "v": "VB", "a": "JJ", "r": "RB"}
PHRASE_OK = re.compile(r"^[a-z][a-z' -]*[a-z]$|^[a-z]$")


def read_wordnet(folder: Path) -> tuple[list[list[str]], dict[str, set[str]]]:
    """Synsets (lists of lower-case lemmas) and the parts of speech of each lemma (those WordNet gives
    it in lower case, where it has any)."""
    synsets: list[list[str]] = []
    pos_of: dict[str, set[str]] = defaultdict(set)
    # the parts of speech of names and abbreviations ("ADD", "As", "IT"), kept for a word only if
    # WordNet never writes it in lower case: "add" is no noun, "as" none, but "american" is an adjective
    pos_of_capitalised: dict[str, set[str]] = defaultdict(set)
    for name, pos in WN_POS.items():
        with open(folder / f"data.{name}", encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                parts = line.split(" ")
                count = int(parts[3], 16)
                lemmas = []
                for k in range(count):
                    written = re.sub(r"\([a-z]+\)$", "", parts[4 + 2 * k]).replace("_", " ")
                    word = written.lower()
                    lemmas.append(word)
                    (pos_of if written == word else pos_of_capitalised)[word].add(pos)
                synsets.append(sorted(set(lemmas)))
    for word, poses in pos_of_capitalised.items():
        if word not in pos_of:
            pos_of[word] = poses
    return synsets, pos_of


def read_moby(path: Path) -> dict[str, list[str]]:
    """Moby roots and their entries, lower-cased."""
    out: dict[str, list[str]] = {}
    with open(path, encoding="latin-1") as fh:
        for line in fh:
            items = [w.strip().lower() for w in line.rstrip("\r\n").split(",") if w.strip()]
            if len(items) > 1:
                out.setdefault(items[0], []).extend(items[1:])
    return out


def build(wordnet: Path, moby: Path, out_dir: Path) -> None:
    """Write both tables into ``out_dir``."""
    import lemminflect
    from wordfreq import zipf_frequency

    synsets, pos_of = read_wordnet(wordnet)
    moby_map = read_moby(moby)

    zipf_cache: dict[str, float] = {}

    def zipf(word: str) -> float:
        z = zipf_cache.get(word)
        if z is None:
            z = zipf_cache[word] = zipf_frequency(word, "en")
        return z

    # link[written][candidate] = (sources, ln P(written | candidate) under a blind spinner)
    sources: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    prior: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    for root, entries in moby_map.items():
        if not PHRASE_OK.match(root) or zipf(root) < MIN_ORIGINAL_ZIPF:
            continue
        share = 1.0 / len(entries)
        for entry in entries:
            if entry != root and PHRASE_OK.match(entry):
                sources[entry][root].add("m")
                prior[entry][root] = max(prior[entry][root], share)
    for root, entries in moby_map.items():
        if not PHRASE_OK.match(root):
            continue
        share = REVERSE_LINK_WEIGHT / len(entries)
        for entry in entries:
            if entry != root and PHRASE_OK.match(entry) and zipf(entry) >= MIN_ORIGINAL_ZIPF:
                sources[root][entry].add("r")
                prior[root][entry] = max(prior[root][entry], share)
    senses: dict[str, int] = defaultdict(int)
    for lemmas in synsets:
        for lemma in lemmas:
            senses[lemma] += 1
    wn_prior: dict[tuple[str, str], float] = defaultdict(float)
    for lemmas in synsets:
        if len(lemmas) < 2:
            continue
        for written in lemmas:
            if not PHRASE_OK.match(written):
                continue
            for root in lemmas:
                if root != written and PHRASE_OK.match(root) and zipf(root) >= MIN_ORIGINAL_ZIPF:
                    sources[written][root].add("w")
                    wn_prior[(written, root)] += 1.0 / (senses[root] * (len(lemmas) - 1))
    for (written, root), p in wn_prior.items():
        prior[written][root] = max(prior[written][root], p)

    out_dir.mkdir(parents=True, exist_ok=True)
    rev_path = out_dir / "spin_reverse.tsv.gz"
    with gzip.GzipFile(rev_path, "wb", mtime=0) as raw:
        raw.write(
            b"# description: reverse thesaurus for spinner repair: written word or phrase -> candidate "
            b"originals whose entries contain it, as candidate:sources:lnP, sources m (candidate's Moby "
            b"Thesaurus II entry lists it), r (its Moby entry lists the candidate), w (shared WordNet 3.0 "
            b"synset), lnP the log chance that a blind spinner writes it for the candidate; "
            b"generated by tools/build_thesaurus.py\n"
        )
        raw.write(b"written\tcandidates\n")
        for written in sorted(sources):
            cands = sources[written]
            lp = {r: math.log(prior[written][r]) for r in cands}
            ranked = sorted(cands, key=lambda r: (-(zipf(r) * math.log(10) + lp[r]), r))[:MAX_CANDIDATES]
            cells = [f"{r}:{''.join(sorted(cands[r]))}:{lp[r]:.1f}" for r in ranked]
            raw.write(f"{written}\t{','.join(cells)}\n".encode())

    # lexicon: every WordNet lemma (single words) inflected, plus Moby single-word roots/entries
    forms: dict[tuple[str, str, str], float] = {}
    lemma_pos: dict[str, set[str]] = defaultdict(set)
    for lemma, poses in pos_of.items():
        if " " in lemma or not PHRASE_OK.match(lemma):
            continue
        for p in poses:
            lemma_pos[lemma].add(p)
    for lemma, poses in sorted(lemma_pos.items()):
        for p in sorted(poses):
            infl = lemminflect.getAllInflections(lemma, upos=UPOS[p])
            if not infl:
                infl = lemminflect.getAllInflectionsOOV(lemma, upos=UPOS[p]) if p in "nv" else {}
            tags = dict(infl)
            tags.setdefault(BASE_TAG[p], (lemma,))
            for tag, words in tags.items():
                for w in words[:1]:
                    w = w.lower()
                    if PHRASE_OK.match(w):
                        forms[(w, lemma, tag)] = 0.0
    lex_path = out_dir / "spin_lexicon.tsv.gz"
    with gzip.GzipFile(lex_path, "wb", mtime=0) as raw:
        raw.write(
            b"# description: English word forms with lemma, Penn tag and wordfreq Zipf frequency "
            b"(WordNet 3.0 lemmas inflected with lemminflect); generated by tools/build_thesaurus.py\n"
        )
        raw.write(b"form\tlemma\ttag\tzipf\n")
        for form, lemma, tag in sorted(forms):
            z = zipf(form)
            if z < MIN_FORM_ZIPF:
                continue
            raw.write(f"{form}\t{lemma}\t{tag}\t{z:.2f}\n".encode())
    for p in (rev_path, lex_path):
        print(p, os.path.getsize(p))


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--moby", type=Path, required=True, help="Moby Thesaurus II words.txt")
    ap.add_argument("--out", type=Path, default=Path(__file__).resolve().parent.parent / "dictionaries")
    args = ap.parse_args()
    build(args.wordnet, args.moby, args.out)


if __name__ == "__main__":
    main()
