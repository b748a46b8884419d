#!/usr/bin/env python3
"""Measure the OCR rules on text OCR'd here, never on a benchmark set.

``make`` renders paragraphs of public-domain text as degraded page images and
reads them back with Tesseract, writing one JSON line per paragraph: ``clean``,
``ocr_raw`` (lines as read), ``ocr`` (lines joined by spaces) and the settings.
Two styles: ``label`` (ImageMagick: one label per line, a font, a size, blur,
noise, a slight rotation, a lower resolution, JPEG loss) and ``book`` (Pillow:
a justified, hyphenated book column in one of thirteen book fonts at a scan
resolution, then ink spread or thinning, blur, resampling, uneven light, noise,
specks, rotation, thresholding and JPEG loss, each drawn per page from four
damage tiers, from clean to heavy).  ``eval`` fixes each ``ocr`` text with the tree on the
import path (default rules, or ``--unsafe-fixes``) and prints the word error
rate before and after, the relative cut, and the paragraphs made worse; build
once, then evaluate two trees on the same pages (``PYTHONPATH=TREE``).

Needs ``apt-get install -y tesseract-ocr imagemagick`` and, for ``book``, ``apt-get
install -y fonts-urw-base35 fonts-ebgaramond fonts-linuxlibertine
fonts-crosextra-caladea fonts-freefont-ttf fonts-liberation fonts-dejavu-core`` and
``pip install Pillow pyphen`` (not the project's dependencies: a measuring tool).
Usage::

    python tools/eval_ocr_selfmade.py make --texts A.txt B.txt --per-file 50 --seed 7 --out ocr_self.jsonl
    python tools/eval_ocr_selfmade.py make --style book --texts BOOK.txt --per-file 30 --out ocr_book.jsonl
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
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

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


BOOK_FONTS = {
    "C059-Roman.otf": "/usr/share/fonts/opentype/urw-base35/C059-Roman.otf",
    "P052-Roman.otf": "/usr/share/fonts/opentype/urw-base35/P052-Roman.otf",
    "NimbusRoman-Regular.otf": "/usr/share/fonts/opentype/urw-base35/NimbusRoman-Regular.otf",
    "NimbusSans-Regular.otf": "/usr/share/fonts/opentype/urw-base35/NimbusSans-Regular.otf",
    "URWBookman-Light.otf": "/usr/share/fonts/opentype/urw-base35/URWBookman-Light.otf",
    "EBGaramond12-Regular.otf": "/usr/share/fonts/opentype/ebgaramond/EBGaramond12-Regular.otf",
    "LinLibertine_R.otf": "/usr/share/fonts/opentype/linux-libertine/LinLibertine_R.otf",
    "Caladea-Regular.ttf": "/usr/share/fonts/truetype/crosextra/Caladea-Regular.ttf",
    "FreeSerif.ttf": "/usr/share/fonts/truetype/freefont/FreeSerif.ttf",
    "LiberationSerif-Regular.ttf": "/usr/share/fonts/truetype/liberation/LiberationSerif-Regular.ttf",
    "LiberationSans-Regular.ttf": "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf",
    "DejaVuSerif.ttf": "/usr/share/fonts/truetype/dejavu/DejaVuSerif.ttf",
    "DejaVuSans.ttf": "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
}
#: damage tiers: (share of pages, scan dpi, blur, down-up scale, noise sigma, specks, rotation, JPEG
#: share and quality, uneven light, ink grey, paper grey, threshold share, ink spread choices)
TIERS = {
    "clean": (0.07, (300, 400), (0.0, 0.0), (1.0, 1.0), (0.1, 3.0), (0.0, 0.0), 0.3, (0.0, (80, 90)),
              (0.0, 0.02), (0, 30), (238, 254), 0.0, (0,)),
    "light": (0.28, (170, 300), (0.2, 0.8), (0.75, 1.0), (3.0, 8.0), (0.0, 0.0007), 0.8, (0.3, (62, 89)),
              (0.0, 0.08), (0, 48), (225, 249), 0.06, (0, 0, 1, -1)),
    "medium": (0.44, (150, 220), (0.3, 1.0), (0.66, 1.0), (4.0, 10.0), (0.0, 0.002), 1.1, (0.45, (36, 73)),
               (0.03, 0.12), (12, 70), (216, 244), 0.2, (1, 1, 0, -1)),
    "heavy": (0.21, (130, 170), (0.5, 0.95), (0.65, 0.85), (5.0, 10.0), (0.001, 0.003), 1.5, (0.4, (30, 50)),
              (0.05, 0.15), (22, 77), (210, 238), 0.27, (1, 1, 2, -1)),
}  # fmt: skip


def book_paragraphs(path: Path, least: int = 60, most: int = 250) -> list[str]:
    """A Project Gutenberg book's paragraphs of ``least`` to ``most`` words, as a printer would set
    them: the licence cut off, lines joined, ``_italic_`` marks dropped and straight quotes curled."""
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = raw.decode("latin-1")
    text = text.replace("\r\n", "\n")
    start, end = re.search(r"\*\*\* ?START OF.*\n", text), re.search(r"\n\*\*\* ?END OF", text)
    text = text[start.end() if start else 0 : end.start() if end else len(text)]
    out = []
    for block in re.split(r"\n\s*\n", text):
        words = block.replace("_", "").split()
        if least <= len(words) <= most and sum(w.isalpha() for w in words) > 0.7 * len(words):
            out.append(curl_quotes(" ".join(words)))
    return out


def curl_quotes(text: str) -> str:
    """Straight quotes curled the way a typesetter would: opening after a space or bracket."""
    text = re.sub(r'(^|[\s(\[—-])"', "\\1\u201c", text)
    text = text.replace('"', "\u201d")
    text = re.sub(r"(^|[\s(\[—-])'", "\\1\u2018", text)
    return text.replace("'", "\u2019")


def book_settings(rng: random.Random) -> dict[str, Any]:
    """One book page's typesetting and damage, its tier drawn first."""
    names = list(TIERS)
    tier = rng.choices(names, weights=[TIERS[n][0] for n in names])[0]
    (_, dpi, blur, down_up, noise, specks, rotate, jpeg, illum, ink_gray, paper_gray, thresholded, ink) = (
        TIERS[tier]
    )
    return {
        "tier": tier,
        "font": rng.choice(sorted(BOOK_FONTS)),
        "font_pt": round(rng.uniform(9.0, 12.5), 1),
        "line_spacing": round(rng.uniform(1.05, 1.4), 2),
        "column_in": round(rng.uniform(3.6, 5.6), 2),
        "justify": rng.random() < 0.75,
        "indent_em": rng.choice((0.0, 1.0, 1.5, 2.0)),
        "hyphenate": rng.random() < 0.55,
        "scan_dpi": rng.randint(*dpi),
        "ink": rng.choice(ink),
        "blur": round(rng.uniform(*blur), 2),
        "down_up": round(rng.uniform(*down_up), 2),
        "noise_sigma": round(rng.uniform(*noise), 1),
        "salt_pepper": round(rng.uniform(*specks), 4),
        "rotate_deg": round(rng.uniform(-rotate, rotate), 2),
        "jpeg_q": rng.randint(*jpeg[1]) if rng.random() < jpeg[0] else None,
        "illum": round(rng.uniform(*illum), 3),
        "ink_gray": rng.randint(*ink_gray),
        "paper_gray": rng.randint(*paper_gray),
        "binarize": rng.random() < thresholded,
        "binarize_bias": round(rng.uniform(-0.1, 0.1), 3),
    }


SUPERSAMPLE = 3


def set_lines(
    words: list[str], fits: Callable[[str, int], bool], hyphens: Callable[[str], list[str]]
) -> list[str]:
    """Greedy line breaking: as many words as ``fits`` line n, the next word broken at a hyphenation
    point (``hyphens`` gives a word's possible heads, longest first, each ending in a hyphen) when a
    head fits."""
    lines: list[str] = []
    line: list[str] = []
    queue = list(words)
    while queue:
        word = queue.pop(0)
        if not line or fits(" ".join([*line, word]), len(lines)):
            line.append(word)
            continue
        for head in hyphens(word):
            if fits(" ".join([*line, head]), len(lines)):
                line.append(head)
                word = word[len(head) - 1 :]
                break
        queue.insert(0, word)
        lines.append(" ".join(line))
        line = []
    if line:
        lines.append(" ".join(line))
    return lines


def render_book(text: str, s: dict[str, Any]) -> tuple[str, bytes, str]:
    """``text`` set as a book column with settings ``s`` and damaged: the printed lines, the page
    image's bytes and its suffix."""
    import io

    import numpy as np
    import pyphen
    from PIL import Image, ImageDraw, ImageFilter, ImageFont

    dpi, k = int(s["scan_dpi"]), SUPERSAMPLE
    px = float(s["font_pt"]) / 72 * dpi * k
    font = ImageFont.truetype(BOOK_FONTS[str(s["font"])], round(px))
    width = float(s["column_in"]) * dpi * k
    indent = float(s["indent_em"]) * px
    dic = pyphen.Pyphen(lang="en_US")

    def hyphens(word: str) -> list[str]:
        if not s["hyphenate"] or not word.isalpha():
            return []
        return [
            word[:n] + "-" for n in sorted(dic.positions(word), reverse=True) if n >= 2 and len(word) - n >= 2
        ]

    def fits(line: str, n: int) -> bool:
        return font.getlength(line) + (indent if n == 0 else 0) <= width

    lines = set_lines(text.split(), fits, hyphens)
    step = px * float(s["line_spacing"])
    margin = int(0.3 * dpi * k)
    page = Image.new(
        "L", (int(width) + 2 * margin, int(step * len(lines)) + 2 * margin), int(s["paper_gray"])
    )
    draw = ImageDraw.Draw(page)
    for n, line in enumerate(lines):
        x = margin + (indent if n == 0 else 0)
        y = margin + n * step
        parts = line.split()
        if s["justify"] and n < len(lines) - 1 and len(parts) > 1:
            room = width - (indent if n == 0 else 0) - sum(font.getlength(p) for p in parts)
            gap = room / (len(parts) - 1)
            for p in parts:
                draw.text((x, y), p, font=font, fill=int(s["ink_gray"]))
                x += font.getlength(p) + gap
        else:
            draw.text((x, y), line, font=font, fill=int(s["ink_gray"]))
    ink = int(s["ink"])
    for _ in range(abs(ink)):  # ink spread (dark grows) or thinning, at the fine resolution
        page = page.filter(ImageFilter.MinFilter(3) if ink > 0 else ImageFilter.MaxFilter(3))
    page = page.resize((page.width // k, page.height // k), Image.Resampling.BOX)
    if float(s["blur"]) > 0:
        page = page.filter(ImageFilter.GaussianBlur(float(s["blur"])))
    scale = float(s["down_up"])
    if scale < 1:
        size = page.size
        page = page.resize((int(size[0] * scale), int(size[1] * scale)), Image.Resampling.BILINEAR)
        page = page.resize(size, Image.Resampling.BILINEAR)
    rng = np.random.default_rng(int(hashlib.sha1(text.encode()).hexdigest()[:8], 16))
    a = np.asarray(page, dtype=np.float32)
    h, w = a.shape
    light = 1 - float(s["illum"]) * (
        np.linspace(0, 1, w)[None, :] * 0.6 + np.linspace(0, 1, h)[:, None] * 0.4
    )
    a = a * light + rng.normal(0, float(s["noise_sigma"]), a.shape)
    sp = float(s["salt_pepper"])
    if sp:
        dots = rng.random(a.shape)
        a[dots < sp / 2] = 0
        a[dots > 1 - sp / 2] = 255
    page = Image.fromarray(np.clip(a, 0, 255).astype(np.uint8))
    page = page.rotate(
        float(s["rotate_deg"]), Image.Resampling.BICUBIC, expand=True, fillcolor=int(s["paper_gray"])
    )
    if s["binarize"]:
        a = np.asarray(page, dtype=np.float32)
        cut = (a.min() + a.max()) / 2 + float(s["binarize_bias"]) * 255
        page = Image.fromarray(np.where(a > cut, 255, 0).astype(np.uint8))
    out = io.BytesIO()
    if s["jpeg_q"] is not None:
        page.save(out, "JPEG", quality=int(s["jpeg_q"]))
        return "\n".join(lines), out.getvalue(), ".jpg"
    page.save(out, "PNG")
    return "\n".join(lines), out.getvalue(), ".png"


def read_book(text: str, s: dict[str, Any]) -> tuple[str, str]:
    """The printed lines of ``text`` set with ``s``, and what Tesseract reads off the page."""
    printed, image, suffix = render_book(text, s)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"page{suffix}"
        path.write_bytes(image)
        out = subprocess.run(
            ["tesseract", str(path), "stdout", "--dpi", str(s["scan_dpi"])],
            check=True,
            capture_output=True,
            text=True,
        )
    return printed, out.stdout.strip()


def make(args: argparse.Namespace) -> None:
    rng = random.Random(args.seed)
    book = args.style == "book"
    jobs = []
    for path in args.texts:
        paras = book_paragraphs(path) if book else paragraphs(path)
        for para in rng.sample(paras, min(args.per_file, len(paras))):
            jobs.append((path.name, para, book_settings(rng) if book else settings(rng)))

    def one(job: tuple[str, str, dict[str, Any]]) -> dict[str, object]:
        name, para, s = job
        key = hashlib.sha1(para.encode()).hexdigest()[:12]
        row: dict[str, object] = {"id": f"{name}-{key}", "clean": para}
        if book:
            for attempt in range(1, 5):  # a page read as mostly noise is set again with new damage
                s["attempt"] = attempt
                row["printed"], raw = read_book(para, s)
                if errors(para.split(), raw.split()) <= 0.6 * len(para.split()):
                    break
                s = book_settings(random.Random(f"{row['id']}-{attempt}"))
        else:
            raw = read_back(para, s)
        return {**row, "ocr_raw": raw, "ocr": " ".join(raw.split()), "settings": s}

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
    mk.add_argument("--style", choices=("label", "book"), default="label")
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
