#!/usr/bin/env python3
"""Train the spin family's combiner on text spun here, never on a benchmark set.

The spinner simulated is sense-blind: for about one content word in eight it
picks a synonym from a random WordNet 3.0 synset of the word's lemma (any part
of speech) or from the word's Moby Thesaurus II entry, and re-inflects it with
lemminflect.  The text is public-domain books (Project Gutenberg).  Every
reverse-thesaurus proposal of :mod:`repair.spin.scan` on the spun text is a
training row, labelled 1 when it restores the original word exactly.  A
logistic regression over the proposal's features (:meth:`Proposal.features`)
is fitted with numpy and written to ``dictionaries/spin_combiner.json``.

Usage::

    python tools/train_spin_combiner.py --books BOOK.txt... --moby package/words.txt
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.spin.context import sentences  # noqa: E402
from repair.spin.lexicon import FUNCTION_WORDS  # noqa: E402
from repair.spin.scan import propose  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from build_thesaurus import read_moby, read_wordnet  # noqa: E402

SPIN_RATE = 0.12
UPOS = {
    "NN": "NOUN",
    "NNS": "NOUN",
    "VB": "VERB",
    "VBD": "VERB",
    "VBG": "VERB",
    "VBN": "VERB",
    "VBP": "VERB",
    "VBZ": "VERB",
    "JJ": "ADJ",
    "JJR": "ADJ",
    "JJS": "ADJ",
    "RB": "ADV",
}


def book_sentences(path: Path, limit: int, rng: random.Random) -> list[str]:
    """Prose sentences from a Gutenberg book (header and footer dropped)."""
    raw = path.read_bytes().decode("utf-8-sig", errors="replace").replace("\r\n", "\n")
    start = raw.find("*** START")
    end = raw.find("*** END")
    body = raw[raw.find("\n", start) + 1 if start >= 0 else 0 : end if end > 0 else len(raw)]
    paras = [" ".join(p.split()) for p in body.split("\n\n")]
    out = []
    for para in paras:
        for s in re.split(r"(?<=[.!?])\s+(?=[A-Z])", para):
            if 8 <= len(s.split()) <= 40 and s[0].isupper() and s[-1] in ".!?" and not s.isupper():
                out.append(s)
    rng.shuffle(out)
    return out[:limit]


def spin_sentence(
    s: str, rng: random.Random, wn: dict[str, list[list[str]]], moby: dict[str, list[str]]
) -> tuple[str, list[tuple[int, int, str]]]:
    """A spun copy of ``s`` and the (start, end, original) of each swap in it."""
    import lemminflect

    out, edits, pos = [], [], 0
    for m in re.finditer(r"[A-Za-z]+", s):
        word = m.group()
        out.append(s[pos : m.start()])
        pos = m.end()
        low = word.lower()
        if (
            low in FUNCTION_WORDS
            or len(low) < 3
            or (word[0].isupper() and m.start() > 0)
            or rng.random() > SPIN_RATE
        ):
            out.append(word)
            continue
        tagged = lemminflect.getAllLemmas(low)
        if not tagged:
            out.append(word)
            continue
        upos, lemmas = next(iter(tagged.items()))
        lemma = lemmas[0]
        tag = next(
            (t for t, forms in lemminflect.getAllInflections(lemma, upos=upos).items() if low in forms), None
        )
        pool: list[str] = []
        if rng.random() < 0.7 and wn.get(lemma):
            synset = rng.choice(wn[lemma])
            pool = [w for w in synset if w != lemma]
        elif moby.get(lemma):
            pool = [w for w in moby[lemma] if w != lemma]
        if not pool:
            out.append(word)
            continue
        syn = rng.choice(pool)
        head, _, tail = syn.partition(" ")
        if tag:
            infl = lemminflect.getInflection(head, tag=tag)
            if infl:
                head = infl[0]
        new = f"{head} {tail}" if tail else head
        if new.lower() == low:
            out.append(word)
            continue
        if word[0].isupper():
            new = new[0].upper() + new[1:]
        start = sum(len(x) for x in out)
        out.append(new)
        edits.append((start, start + len(new), word))
    out.append(s[pos:])
    return "".join(out), edits


def rows_for(text: str, edits: list[tuple[int, int, str]]) -> list[tuple[list[float], int]]:
    """Feature rows of every proposal on ``text``, labelled by whether they restore a swap."""
    rows = []
    for sent in sentences(text):
        for p in propose(sent, text, set()):
            label = any(
                p.start == a and p.end == b and p.replacement.lower() == o.lower() for a, b, o in edits
            )
            rows.append((p.features(), int(label)))
    return rows


def fit(
    x: np.ndarray, y: np.ndarray, l2: float = 1e-2, steps: int = 50
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Standardised L2 logistic regression by Newton's method: (weights with bias last, mean, scale)."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    for _ in range(steps):
        p = 1 / (1 + np.exp(-z @ w))
        g = z.T @ (p - y) + l2 * np.r_[w[:-1], 0]
        h = (z * (p * (1 - p))[:, None]).T @ z + l2 * np.eye(len(w))
        w -= np.linalg.solve(h, g)
    return w, mu, sd


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--books", type=Path, nargs="+", required=True)
    ap.add_argument("--moby", type=Path, required=True)
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--per-book", type=int, default=400)
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--out", type=Path, default=ROOT / "dictionaries" / "spin_combiner.json")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    synsets, _ = read_wordnet(args.wordnet)
    wn: dict[str, list[list[str]]] = {}
    for lemmas in synsets:
        for lemma in lemmas:
            wn.setdefault(lemma, []).append(lemmas)
    moby = read_moby(args.moby)
    data: list[tuple[list[float], int]] = []
    swaps = 0
    for book in args.books:
        for s in book_sentences(book, args.per_book, rng):
            spun, edits = spin_sentence(s, rng, wn, moby)
            swaps += len(edits)
            data.extend(rows_for(spun, edits))
    x = np.array([d[0] for d in data])
    y = np.array([d[1] for d in data], dtype=float)
    w, mu, sd = fit(x, y)
    p = 1 / (1 + np.exp(-(np.hstack([(x - mu) / sd, np.ones((len(x), 1))]) @ w)))
    for t in (0.5, 0.7, 0.8, 0.9, 0.95):
        sel = p >= t
        precision = y[sel].mean() if sel.any() else 0.0
        print(f"t={t}: restores {y[sel].sum() / max(swaps, 1):.3f} of swaps at precision {precision:.3f}")
    args.out.write_text(
        json.dumps(
            {
                "description": "spin combiner: logistic regression over Proposal.features(), trained by "
                "tools/train_spin_combiner.py on public-domain books spun here",
                "weights": [round(v, 6) for v in w.tolist()],
                "mean": [round(v, 6) for v in mu.tolist()],
                "scale": [round(v, 6) for v in sd.tolist()],
                "rows": len(data),
                "swaps": swaps,
            },
            indent=1,
        )
        + "\n"
    )
    print(f"{len(data)} rows, {int(y.sum())} positive, {swaps} swaps -> {args.out}")


if __name__ == "__main__":
    main()
