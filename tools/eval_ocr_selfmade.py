#!/usr/bin/env python3
"""Measure the OCR rules on text OCR'd here, never on a benchmark set.

``make`` renders paragraphs of public-domain text as degraded page images
(ImageMagick: a font, a size, blur, noise, a slight rotation, a lower
resolution, JPEG loss) and reads them back with Tesseract, writing one JSON line
per paragraph: ``clean``, ``ocr_raw`` (lines as read), ``ocr`` (lines joined by
spaces) and the settings.  ``eval`` fixes each ``ocr`` text with the tree on the
import path (default rules, or ``--unsafe-fixes``) and prints the word error
rate before and after, the relative cut, and the paragraphs made worse; build
once, then evaluate two trees on the same pages (``PYTHONPATH=TREE``).

Needs ``apt-get install -y tesseract-ocr imagemagick`` (not the project's
dependencies: a measuring tool).  Usage::

    python tools/eval_ocr_selfmade.py make --texts A.txt B.txt --per-file 50 --seed 7 --out ocr_self.jsonl
    python tools/eval_ocr_selfmade.py eval ocr_self.jsonl [--unsafe-fixes] [--show 10]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import random
import re
import subprocess
import sys
import tempfile
import textwrap
from concurrent.futures import ThreadPoolExecutor
from difflib import SequenceMatcher
from pathlib import Path

FONTS = (
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSerif-Italic.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "/usr/share/fonts/truetype/liberation/LiberationSansNarrow-Regular.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSerifCondensed.ttf",
    "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
)
CONVERT = "/usr/bin/convert"  # ImageMagick itself, not a stand-in earlier on the PATH
MIN_WORDS, MAX_WORDS = 50, 160


def paragraphs(path: Path) -> list[str]:
    """The file's paragraphs of MIN_WORDS to MAX_WORDS words, each on one line; a longer block (a
    speech stored as one line) is cut into runs of whole sentences of at least MIN_WORDS words."""
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n")
    out = []
    for block in re.split(r"\n\s*\n", text):
        pieces = [block]
        if len(block.split()) > MAX_WORDS:
            pieces, run = [], []
            for sentence in re.split(r"(?<=[.!?])\s+(?=[A-Z])", block):
                run.append(sentence)
                if len(" ".join(run).split()) >= MIN_WORDS:
                    pieces.append(" ".join(run))
                    run = []
        for piece in pieces:
            words = piece.split()
            if MIN_WORDS <= len(words) <= MAX_WORDS and sum(w.isalpha() for w in words) > 0.7 * len(words):
                out.append(" ".join(words))
    return out


def settings(rng: random.Random) -> dict[str, float | str]:
    """One page's rendering and degradation."""
    return {
        "font": rng.choice(FONTS),
        "size": rng.choice((20, 22, 24, 26)),
        "blur": round(rng.uniform(0.5, 1.5), 2),
        "noise": round(rng.uniform(0.2, 1.0), 2),
        "rotate": round(rng.uniform(-0.8, 0.8), 2),
        "scale": rng.choice((45, 55, 65, 80)),
        "quality": rng.choice((15, 25, 40, 60)),
    }


def read_back(text: str, s: dict[str, float | str]) -> str:
    """Render ``text`` with settings ``s`` and return what Tesseract reads."""
    size = int(s["size"])
    # lines wrapped here to about 1,300 pixels and rendered one label each (ImageMagick refuses a
    # label or caption of some 700 characters or more), then stacked
    labels = [
        "label:" + line.replace("\\", "\\\\").replace("%", "%%")
        for line in textwrap.wrap(text, width=int(1300 / (size * 0.5)))
    ]
    with tempfile.TemporaryDirectory() as tmp:
        image = str(Path(tmp) / "page.jpg")
        subprocess.run(
            [
                CONVERT, "-font", str(s["font"]), "-pointsize", str(size), "-gravity", "west",
                *labels, "-append", "-bordercolor", "white", "-border", "40",
                "-blur", f"0x{s['blur']}", "-attenuate", str(s["noise"]), "+noise", "Gaussian",
                "-background", "white", "-rotate", str(s["rotate"]),
                "-resize", f"{s['scale']}%", "-resize", f"{round(10000 / float(s['scale']))}%",
                "-quality", str(s["quality"]), image,
            ],
            check=True,
            capture_output=True,
        )  # fmt: skip
        out = subprocess.run(["tesseract", image, "stdout"], check=True, capture_output=True, text=True)
    return out.stdout.strip()


def make(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    jobs = []
    for path in args.texts:
        paras = paragraphs(path)
        for para in rng.sample(paras, min(args.per_file, len(paras))):
            jobs.append((path.name, para, settings(rng)))

    def one(job: tuple[str, str, dict[str, float | str]]) -> dict[str, object]:
        name, para, s = job
        raw = read_back(para, s)
        key = hashlib.sha1(para.encode()).hexdigest()[:12]
        joined = " ".join(raw.split())
        return {"id": f"{name}-{key}", "clean": para, "ocr_raw": raw, "ocr": joined, "settings": s}

    with ThreadPoolExecutor(args.jobs) as pool, open(args.out, "w", encoding="utf-8") as fh:
        for row in pool.map(one, jobs):
            fh.write(json.dumps(row, ensure_ascii=False) + "\n")
    print(f"{len(jobs)} pages written to {args.out}")


def errors(ref: list[str], hyp: list[str]) -> int:
    """Word-level edit distance."""
    from rapidfuzz.distance import Levenshtein

    return Levenshtein.distance(ref, hyp)


def evaluate(args: argparse.Namespace) -> None:
    import repair

    with open(args.set, encoding="utf-8") as fh:
        rows = [json.loads(line) for line in fh]
    words = before = after = worse = better = 0
    shown = []
    for row in rows:
        ref = row["clean"].split()
        fixed = repair.fix(row["ocr"], unsafe=args.unsafe_fixes)
        b, a = errors(ref, row["ocr"].split()), errors(ref, fixed.split())
        words += len(ref)
        before += b
        after += a
        worse += a > b
        better += a < b
        if a > b:
            shown.append((row["id"], row["ocr"], fixed))
    print(
        f"{len(rows)} pages, {words:,} words: WER {before / words:.4f} -> {after / words:.4f}, "
        f"cut {(before - after) / max(before, 1):.3f}; {better} pages better, {worse} worse"
    )
    for doc_id, ocr, fixed in shown[: args.show]:
        print(f"-- {doc_id}")
        a, b = ocr.split(), fixed.split()
        for op, i1, i2, j1, j2 in SequenceMatcher(None, a, b).get_opcodes():
            if op != "equal":
                was, now = " ".join(a[max(0, i1 - 3) : i2 + 2]), " ".join(b[max(0, j1 - 3) : j2 + 2])
                print(f"   {was!r} -> {now!r}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest="cmd", required=True)
    mk = sub.add_parser("make")
    mk.add_argument("--texts", type=Path, nargs="+", required=True)
    mk.add_argument("--per-file", type=int, default=30)
    mk.add_argument("--seed", type=int, default=7)
    mk.add_argument("--jobs", type=int, default=2)
    mk.add_argument("--out", type=Path, required=True)
    ev = sub.add_parser("eval")
    ev.add_argument("set", type=Path)
    ev.add_argument("--unsafe-fixes", action="store_true")
    ev.add_argument("--show", type=int, default=0, help="print the changes of this many pages made worse")
    args = ap.parse_args()
    if args.cmd == "make":
        make(args)
    else:
        evaluate(args)


if __name__ == "__main__":
    sys.exit(main())
