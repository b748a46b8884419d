#!/usr/bin/env python3
"""Train the spin family's combiner on text spun here, never on a benchmark set.

The spinner simulated is sense-blind: for a share of content words it picks a
synonym from a random WordNet 3.0 synset of the word's lemma (any part of
speech) or from the word's Moby Thesaurus II entry, and re-inflects it with
lemminflect.  The text is public-domain books (Project Gutenberg), cut into
paragraph-sized documents of a few sentences; each document is spun at a rate
drawn from ``DOC_RATES`` (0 for clean controls, up to heavy spinning), so the
combiner sees proposals in clean and in spun documents.  Every
reverse-thesaurus proposal the family keeps for a document (read as
:mod:`repair.detectors.spin` reads it, posterior at the document's estimated
spin rate) is a training row, labelled 1 when it restores the original word
exactly.  A small neural network (one hidden layer of ``HIDDEN`` tanh units
over the standardised :meth:`Proposal.features`, L2-penalised, fitted with
numpy by Adam) is written to ``dictionaries/spin_combiner.json``; a quarter of
the documents is held out to report its precision and recall, beside those of
the combiner already in place (``--compare``).

``--examples N`` adds N usage examples from WordNet's glosses (short modern
sentences) as a second domain.  Measured once: with 8,000 of them the held-out
figures on both domains were no better than the books-only combiner's (at 0.6,
examples: 5.9% restored at precision 0.78 against 5.9% at 0.80; books: 3.0% at
0.74 against 2.9% at 0.81), so the shipped combiner is trained on books only.

``--texts FILE...`` adds modern plain text (no Gutenberg header needed) as a
second domain.  Measured once with State of the Union addresses 1900-2019
(public domain; see bench/README, "Modern prose"): the combiner
then proposes more at every threshold, but at equal false alarms on held-out
modern addresses it restores no more than the books-only one, so it is not used.

Usage::

    python tools/train_spin_combiner.py --books BOOK.txt... --moby package/words.txt
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import sys
from collections.abc import Callable
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from repair.spin.lexicon import FUNCTION_WORDS  # noqa: E402

sys.path.insert(0, str(ROOT / "tools"))
from build_thesaurus import read_moby, read_wordnet  # noqa: E402

SPIN_RATE = 0.12
WORDNET_SHARE = 0.7  # share of swaps drawn from a WordNet synset (the rest from Moby)
DOC_RATES = (0.0, 0.0, 0.05, 0.12, 0.25, 0.4)  # spin rates of the training documents
DOC_SENTENCES = 6
HIDDEN = 12
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


def book_sentences(path: Path, limit: int, rng: random.Random, run: int = 1) -> list[str]:
    """Prose sentences from a Gutenberg book (header and footer dropped), in random order of runs
    of ``run`` sentences that follow each other in the book (1: every sentence on its own)."""
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
    runs = [out[k : k + run] for k in range(0, len(out) - run + 1, run)]
    rng.shuffle(runs)
    return [s for r in runs for s in r][:limit]


def spin_sentence(
    s: str,
    rng: random.Random,
    wn: dict[str, list[list[str]]],
    moby: dict[str, list[str]],
    rate: float = SPIN_RATE,
    wordnet: float = WORDNET_SHARE,
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
            or rng.random() > rate
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
        if rng.random() < wordnet and wn.get(lemma):
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


def wordnet_examples(folder: Path, limit: int, rng: random.Random) -> list[str]:
    """Usage examples of WordNet 3.0 glosses (short modern sentences) of seven words or more,
    as sentences (capital first letter, full stop), shuffled."""
    out = []
    for name in ("noun", "verb", "adj", "adv"):
        with open(folder / f"data.{name}", encoding="latin-1") as fh:
            for line in fh:
                if line.startswith("  ") or "|" not in line:
                    continue
                for quoted in re.findall(r'"([^"]+)"', line.split("|", 1)[1]):
                    text = quoted.strip()
                    if len(text.split()) >= 7 and text[-1:].isalnum():
                        out.append(text[0].upper() + text[1:] + ".")
    rng.shuffle(out)
    return out[:limit]


def rows_for(text: str, edits: list[tuple[int, int, str]]) -> list[tuple[list[float], int]]:
    """Feature rows of every proposal kept for the document ``text``, labelled by whether they
    restore a swap; posteriors at the document's estimated spin rate, as the detector weighs them."""
    from repair.detectors.spin import Reading, read_region
    from repair.document import Document

    doc = Document.from_text(text)
    state = Reading()
    for _ in read_region(doc, state, 0, len(text), full=True):
        pass
    state.widen(text)
    rate = state.rate()
    rows = []
    for props in state.pending:
        for p in props:
            label = any(
                p.start == a and p.end == b and p.replacement.lower() == o.lower() for a, b, o in edits
            )
            rows.append((p.at_rate(rate).features(), int(label)))
    return rows


Net = tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray, np.ndarray]


def forward(net: Net, x: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Hidden activations and output probabilities of the network for raw features ``x``."""
    w1, b1, w2, b2, mu, sd = net
    h = np.tanh(((x - mu) / sd) @ w1 + b1)
    return h, 1 / (1 + np.exp(-np.clip(h @ w2 + b2, -40, 40)))


def fit(x: np.ndarray, y: np.ndarray, l2: float = 1e-3, steps: int = 3000, seed: int = 0) -> Net:
    """One hidden layer of ``HIDDEN`` tanh units, cross-entropy with an L2 penalty, full-batch Adam."""
    rng = np.random.default_rng(seed)
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = (x - mu) / sd
    params = [
        rng.normal(0, 1 / np.sqrt(z.shape[1]), (z.shape[1], HIDDEN)),
        np.zeros(HIDDEN),
        rng.normal(0, 1 / np.sqrt(HIDDEN), HIDDEN),
        np.zeros(1),
    ]
    m = [np.zeros_like(p) for p in params]
    v = [np.zeros_like(p) for p in params]
    lr, b1_, b2_ = 0.01, 0.9, 0.999
    for t in range(1, steps + 1):
        w1, b1, w2, b2 = params
        h = np.tanh(z @ w1 + b1)
        p = 1 / (1 + np.exp(-np.clip(h @ w2 + b2, -40, 40)))
        d = (p - y) / len(y)
        grads = [
            z.T @ (np.outer(d, w2) * (1 - h**2)) + l2 * w1,
            (np.outer(d, w2) * (1 - h**2)).sum(0),
            h.T @ d + l2 * w2,
            np.array([d.sum()]),
        ]
        for k, g in enumerate(grads):
            m[k] = b1_ * m[k] + (1 - b1_) * g
            v[k] = b2_ * v[k] + (1 - b2_) * g**2
            params[k] = params[k] - lr * (m[k] / (1 - b1_**t)) / (np.sqrt(v[k] / (1 - b2_**t)) + 1e-8)
    w1, b1, w2, b2 = params
    return w1, b1, w2, b2, mu, sd


def load(path: Path) -> Net | None:
    """A combiner file as a network (a logistic regression as one nearly linear hidden unit)."""
    if not path.exists():
        return None
    data = json.loads(path.read_text())
    mu, sd = np.array(data["mean"]), np.array(data["scale"])
    w = np.array(data["weights"])
    if "hidden" in data:
        return np.array(data["hidden"]).T, np.array(data["hidden_bias"]), w[:-1], w[-1:], mu, sd
    a = 1e-3  # tanh(a z) / a is z for small a
    return np.eye(len(mu)) * a, np.zeros(len(mu)), w[:-1] / a, w[-1:], mu, sd


def report(net: Net, x: np.ndarray, y: np.ndarray, swaps: int, name: str) -> None:
    """Share of swaps restored and precision at a few thresholds."""
    _, p = forward(net, x)
    for t in (0.2, 0.3, 0.4, 0.6, 0.8):
        sel = p >= t
        precision = y[sel].mean() if sel.any() else 0.0
        share = y[sel].sum() / max(swaps, 1)
        print(f"{name} t={t}: restores {share:.3f} of swaps at precision {precision:.3f}")


def synsets_by_lemma(folder: Path) -> dict[str, list[list[str]]]:
    """Every WordNet synset (as its lemmas) a lemma belongs to: what a sense-blind spinner draws on."""
    synsets, _ = read_wordnet(folder)
    wn: dict[str, list[list[str]]] = {}
    for lemmas in synsets:
        for lemma in lemmas:
            wn.setdefault(lemma, []).append(lemmas)
    return wn


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--books", type=Path, nargs="+", required=True)
    ap.add_argument("--moby", type=Path, required=True)
    ap.add_argument("--wordnet", type=Path, default=Path("/usr/share/wordnet"))
    ap.add_argument("--per-book", type=int, default=600)
    ap.add_argument("--texts", type=Path, nargs="*", default=[], help="modern plain text, a 2nd domain")
    ap.add_argument("--examples", type=int, default=0, help="WordNet usage examples to spin as well")
    ap.add_argument("--wordnet-share", type=float, default=WORDNET_SHARE, help="share of swaps from WordNet")
    ap.add_argument("--seed", type=int, default=7)
    ap.add_argument("--run", type=int, default=1, help="book sentences kept together (a passage)")
    ap.add_argument("--out", type=Path, default=ROOT / "dictionaries" / "spin_combiner.json")
    ap.add_argument("--compare", type=Path, help="a combiner file to report beside (default: --out)")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    wn = synsets_by_lemma(args.wordnet)
    moby = read_moby(args.moby)
    sources: list[tuple[str, Callable[[], list[str]]]] = [
        ("books", functools.partial(book_sentences, book, args.per_book, rng, args.run))
        for book in args.books
    ]
    for text in args.texts:
        sources.append(("modern", functools.partial(book_sentences, text, args.per_book, rng, args.run)))
    if args.examples:
        sources.append(("examples", functools.partial(wordnet_examples, args.wordnet, args.examples, rng)))
    rows: dict[str, list[tuple[list[float], int]]] = {}
    swaps: dict[str, int] = {}
    for domain, read in sources:  # read each source only when its turn comes (a fixed random sequence)
        sents = read()
        for k in range(0, len(sents) - DOC_SENTENCES + 1, DOC_SENTENCES):
            rate = rng.choice(DOC_RATES)
            part = f"held-out {domain}" if rng.random() < 0.25 else "train"
            text, edits, offset = [], [], 0
            for s in sents[k : k + DOC_SENTENCES]:
                spun, ed = spin_sentence(s, rng, wn, moby, rate, args.wordnet_share)
                edits.extend((a + offset, b + offset, o) for a, b, o in ed)
                text.append(spun)
                offset += len(spun) + 1
            swaps[part] = swaps.get(part, 0) + len(edits)
            rows.setdefault(part, []).extend(rows_for(" ".join(text), edits))
    arrays = {
        part: (np.array([d[0] for d in r]), np.array([d[1] for d in r], dtype=float))
        for part, r in rows.items()
    }
    x, y = arrays["train"]
    net = fit(x, y)
    shipped = load(args.compare or args.out)
    if shipped is not None and len(shipped[4]) != x.shape[1]:
        name = (args.compare or args.out).name
        print(f"the combiner in {name} takes {len(shipped[4])} inputs, not {x.shape[1]}: not compared")
        shipped = None
    for part, (xp, yp) in sorted(arrays.items()):
        report(net, xp, yp, swaps[part], part)
        if shipped is not None and part != "train":
            report(shipped, xp, yp, swaps[part], f"{part}, combiner in {(args.compare or args.out).name}")
    w1, b1, w2, b2, mu, sd = net
    args.out.write_text(
        json.dumps(
            {
                "description": "spin combiner: one-hidden-layer network over Proposal.features(), trained by "
                "tools/train_spin_combiner.py on public-domain books spun here",
                "hidden": [[round(v, 6) for v in row] for row in w1.T.tolist()],
                "hidden_bias": [round(v, 6) for v in b1.tolist()],
                "weights": [round(v, 6) for v in w2.tolist()] + [round(float(b2[0]), 6)],
                "mean": [round(v, 6) for v in mu.tolist()],
                "scale": [round(v, 6) for v in sd.tolist()],
                "rows": len(y),
                "swaps": swaps["train"],
            },
            indent=1,
        )
        + "\n"
    )
    print(f"{len(y)} rows, {int(y.sum())} positive, {swaps['train']} swaps -> {args.out}")


if __name__ == "__main__":
    main()
