"""Which parts of a long document the spin family reads in full.

Reading a word in context costs the family tens of microseconds (tokens,
part-of-speech look-ups, trigram scores), far too much for a whole book on
every run.  Spinners rewrite whole documents, so a sample shows whether a
document was spun: a long document is cut into chunks at paragraph breaks and
only a few chunks spread over it are read in full first (:func:`plan`).  The
rest is read in full only when the sample shows signs of spinning; otherwise
only the chunks that may hold a listed phrase (spinner phrase table, published
tortured phrases) are read, and only for those phrases.  Whether a chunk may
hold one is decided on its words with punctuation set aside (:func:`listed_in`,
:func:`may_hold`), which costs a few milliseconds per 100 KB.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass

FULL_CHARS = 12_000  # documents up to this size (about 2,000 words) are read in full
CHUNK_CHARS = 1_500  # size of a chunk of a longer document (about 250 words)
SAMPLE_CHUNKS = 3  # chunks of a longer document read in full before deciding on the rest

_PARA = re.compile(r"\n[ \t]*\r?\n")
_LINE = re.compile(r"\n")
_PUNCT = b".,;:!?\"()[]{}<>/\\|*_=+~`@#$%^&\t\r\n'-"
_ASCII_PUNCT = bytes.maketrans(_PUNCT, b" " * len(_PUNCT))
_OTHER_PUNCT = "’‘“”—–…«»·•§¶†‡"


@dataclass(frozen=True)
class Plan:
    """The regions to read in full first, and the remaining chunks (half-open offsets)."""

    sample: tuple[tuple[int, int], ...]
    rest: tuple[tuple[int, int], ...]


def chunks(text: str, size: int = CHUNK_CHARS) -> list[tuple[int, int]]:
    """Cut ``text`` into chunks of about ``size`` characters, at paragraph breaks where possible
    (else at a line end, else at a space), so that no sentence of ordinary prose is split."""
    out = []
    start = 0
    n = len(text)
    while n - start > size * 3 // 2:
        target = start + size
        cut = _PARA.search(text, target, target + size // 2) or _LINE.search(text, target, target + size // 2)
        end = cut.end() if cut else text.find(" ", target, target + size // 2) + 1 or target
        out.append((start, end))
        start = end
    out.append((start, n))
    return out


def plan(text: str) -> Plan:
    """Read a short document in full; for a long one, a sample of ``SAMPLE_CHUNKS`` chunks spread
    evenly over it (from the first on) first, the other chunks only if needed."""
    if len(text) <= FULL_CHARS:
        return Plan(((0, len(text)),), ())
    parts = chunks(text)
    n = len(parts)
    # the first chunk, and others at even steps after it; the last (often a licence or an
    # index, the same in many files) only when the document has few chunks
    picked = {i * n // SAMPLE_CHUNKS for i in range(SAMPLE_CHUNKS)}
    sample = tuple(parts[i] for i in sorted(picked))
    rest = tuple(p for i, p in enumerate(parts) if i not in picked)
    return Plan(sample, rest)


def flat_words(text: str) -> list[str]:
    """The lower-case letter-and-digit runs of ``text`` in order: every mark (hyphens and
    apostrophes included) is set aside, in the text as in the listed phrases, so that
    "oil-rich" and "Alzheimer's" compare as "oil rich" and "alzheimer s"."""
    low = text.lower().encode("utf-8").translate(_ASCII_PUNCT).decode("utf-8")
    for mark in _OTHER_PUNCT:
        if mark in low:
            low = low.replace(mark, " ")
    return low.split()


Index = dict[str, tuple[tuple[str, ...], ...]]


def index(phrases: Iterable[str]) -> Index:
    """Listed phrases (lower case) by their longest word (a cheap stand-in for their rarest), in
    the form of :func:`flat_words`, for :func:`listed_in`; build it once."""
    by_key: dict[str, list[tuple[str, ...]]] = {}
    for phrase in phrases:
        parts = tuple(flat_words(phrase))
        if parts:
            by_key.setdefault(max(parts, key=len), []).append(parts)
    return {k: tuple(v) for k, v in by_key.items()}


def listed_in(text: str, listed: Index) -> list[str]:
    """The phrases of the ``listed`` index (as :func:`flat_words` gives them) that may occur in
    ``text``: their words occur one after the other once marks are set aside (a necessary
    condition for a match)."""
    parts = flat_words(text)
    present = set(parts)
    found = [p for key in present.intersection(listed) for p in listed[key] if all(w in present for w in p)]
    if not found:
        return []
    # only the word pairs of the phrases found are looked for among the text's (hundreds, not
    # the hundred thousand pairs of a book)
    wanted = {pair for p in found for pair in itertools.pairwise(p)}
    pairs = wanted.intersection(itertools.pairwise(parts)) if wanted else wanted
    return [" ".join(p) for p in found if all((a, b) in pairs for a, b in itertools.pairwise(p))]


def may_hold(text: str, phrases: list[str]) -> bool:
    """Whether one of ``phrases`` (from :func:`listed_in` over a larger text) may occur in ``text``."""
    low = text.lower()
    phrases = [p for p in phrases if all(w in low for w in p.split())]
    if not phrases:
        return False
    flat = " " + " ".join(flat_words(text)) + " "
    return any(f" {phrase} " in flat for phrase in phrases)
