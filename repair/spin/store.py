"""Fast look-ups into the spinner family's generated tables.

The shipped tables (``dictionaries/spin_reverse.tsv.gz`` and
``dictionaries/spin_lexicon.tsv.gz``, built by ``tools/build_thesaurus.py``) are
compact gzip TSV.  Parsing them on every run would cost far more than a page
check may take, so on first use they are loaded once into an SQLite file in the
user's cache folder (``$REPAIR_CACHE_DIR``, else ``$XDG_CACHE_HOME/repair``,
else ``~/.cache/repair``); later runs open that file and answer each look-up in
microseconds.  When no cache folder is writable the database is built in memory.
"""

from __future__ import annotations

import functools
import gzip
import itertools
import operator
import sqlite3
from collections.abc import Callable, Iterator
from typing import NamedTuple

from repair.resources import cache_dir, data_path, fingerprint, mark_used, publish, trigram_path

REVERSE = "spin_reverse.tsv.gz"
LEXICON = "spin_lexicon.tsv.gz"
SCHEMA_VERSION = "4"
MMAP_BYTES = 1 << 29  # more than the cache file, which is about 250 MB
#: Candidates per written word kept ready for the swap scan (its ``MAX_CANDIDATES``).
SCAN_LIMIT = 80
_ENTRY, _FIELD = "\x1e", "\x1f"  # separators of the packed candidate lists (never in a word)


class Candidate(NamedTuple):
    """A candidate original for a written word: lemma-level text and its thesaurus sources."""

    text: str
    sources: str
    prior: float
    rank: int


def _rows(name: str) -> Iterator[list[str]]:
    with gzip.open(data_path(name), "rt", encoding="utf-8") as fh:
        header = False
        for line in fh:
            if line.startswith("#"):
                continue
            if not header:
                header = True
                continue
            yield line.rstrip("\n").split("\t")


def _fill(con: sqlite3.Connection) -> None:
    # 16 KB pages: the scan's packed rows (half a kilobyte to several) fill them instead of
    # spilling into overflow pages (a third of the file at the default 4 KB)
    con.execute("PRAGMA page_size=16384")
    # Both tables are clustered on what the look-ups ask for (WITHOUT ROWID: the primary key is
    # the storage order), so a word's candidates and a lemma's forms are each one contiguous
    # run of rows; ``seq`` keeps the shipped order of a form's readings and of a lemma's forms.
    con.execute(
        "CREATE TABLE rev (written TEXT, rank INTEGER, cand TEXT, head TEXT, tail TEXT, src TEXT, lp REAL,"
        " PRIMARY KEY (written, rank)) WITHOUT ROWID"
    )
    con.execute(
        "CREATE TABLE lex (lemma TEXT, tag TEXT, seq INTEGER, form TEXT, zipf REAL,"
        " PRIMARY KEY (lemma, tag, seq)) WITHOUT ROWID"
    )

    def rev_rows() -> Iterator[tuple[str, int, str, str, str, str, float]]:
        for written, cells in _rows(REVERSE):
            for rank, cell in enumerate(cells.split(",")):
                cand, src, lp = cell.rsplit(":", 2)
                head, _, tail = cand.partition(" ")
                yield written, rank, cand, head, tail, src, float(lp)

    con.executemany("INSERT INTO rev VALUES (?,?,?,?,?,?,?)", rev_rows())
    con.executemany(
        "INSERT INTO lex VALUES (?,?,?,?,?)",
        ((lem, t, seq, f, float(z)) for seq, (f, lem, t, z) in enumerate(_rows(LEXICON))),
    )
    con.execute("CREATE INDEX lex_f ON lex (form, seq)")
    _fill_scan(con)
    con.commit()


def _fill_scan(con: sqlite3.Connection) -> None:
    """The swap scan's candidates, ready to use: for each lemma and Penn tag of the lexicon, the
    inflected candidates :func:`inflected_candidates` gives (rank below ``SCAN_LIMIT``) whose
    words the trigram model knows, packed in one row, so that a look-up reads one row instead of
    joining and filtering dozens (the scan's most frequent question on every page)."""
    from repair.spin.context import known  # the model is needed here only

    con.execute(
        "CREATE TABLE scan (written TEXT, tag TEXT, cands TEXT, PRIMARY KEY (written, tag)) WITHOUT ROWID"
    )
    forms: dict[tuple[str, str], list[str]] = {}
    for lemma, tag, form in con.execute("SELECT lemma, tag, form FROM lex ORDER BY lemma, tag, seq"):
        forms.setdefault((lemma, tag), []).append(form)
    tags: dict[str, list[str]] = {}
    for lemma, tag in forms:
        tags.setdefault(lemma, []).append(tag)

    def rows() -> Iterator[tuple[str, str, str]]:
        cur = con.execute(
            "SELECT written, cand, head, tail, src, lp, rank FROM rev WHERE rank < ? ORDER BY written, rank",
            (SCAN_LIMIT,),
        )
        for written, group in itertools.groupby(cur, key=operator.itemgetter(0)):
            yield from _packed(written, [row[1:] for row in group], tags, forms, known)

    con.executemany("INSERT INTO scan VALUES (?,?,?)", rows())


def _packed(
    written: str,
    group: list[tuple[str, str, str, str, float, int]],
    tags: dict[str, list[str]],
    forms: dict[tuple[str, str], list[str]],
    known: Callable[[str], bool],
) -> Iterator[tuple[str, str, str]]:
    for tag in tags.get(written, ()):
        entries = []
        seen: set[str] = set()
        for cand, head, tail, src, lp, rank in group:
            for form in forms.get((head, tag), ()):
                text = f"{form} {tail}" if tail else form
                if text in seen:
                    continue
                seen.add(text)
                if all(known(x) for x in text.split()):
                    entries.append(
                        _FIELD.join((cand, "" if text == cand else text, src, repr(lp), str(rank)))
                    )
        yield written, tag, _ENTRY.join(entries)


def _fingerprint() -> str:
    """A content key for the shipped tables and the trigram model that filters the scan's
    candidates (see :func:`repair.resources.fingerprint`)."""
    return fingerprint(SCHEMA_VERSION, [data_path(REVERSE), data_path(LEXICON), trigram_path()])


def _fill_file(name: str) -> None:
    con = sqlite3.connect(name)
    _fill(con)
    con.close()


@functools.cache
def connection() -> sqlite3.Connection:
    """A read-only connection to the cached tables, building the cache on first use."""
    try:
        path = cache_dir() / f"spin-{_fingerprint()}.sqlite"
        if path.exists():
            mark_used(path)
        else:
            publish(path, _fill_file, "spin-*.sqlite", "the spin tables (about 30 s)")
        con = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
        con.execute(f"PRAGMA mmap_size={MMAP_BYTES}")  # read pages in place, without a copy per read
        return con
    except OSError:
        con = sqlite3.connect(":memory:", check_same_thread=False)
        _fill(con)
        return con


def candidates(written: str, limit: int = 200) -> list[Candidate]:
    """Candidate originals for a lower-case written word or phrase (lemma level), best-known first."""
    cur = connection().execute(
        "SELECT cand, src, lp, rank FROM rev WHERE written = ? AND rank < ? ORDER BY rank", (written, limit)
    )
    return [Candidate(c, s, lp, r) for c, s, lp, r in cur]


def inflected_candidates(
    written_lemma: str, tag: str, limit: int = 200
) -> list[tuple[str, str, str, float, int]]:
    """Candidates for ``written_lemma`` inflected with Penn ``tag``.

    Each is (lemma text, inflected text, sources, ln prior, rank).

    Multi-word candidates are inflected on their first word.  Candidates with no
    form for the tag are left out (a noun cannot stand in for a past tense).
    """
    cur = connection().execute(
        "SELECT r.cand, l.form, r.tail, r.src, r.lp, r.rank FROM rev r "
        "JOIN lex l ON l.lemma = r.head AND l.tag = ? "
        "WHERE r.written = ? AND r.rank < ? ORDER BY r.rank, l.seq",
        (tag, written_lemma, limit),
    )
    out = []
    seen = set()
    for cand, form, tail, src, lp, rank in cur:
        text = f"{form} {tail}" if tail else form
        if text not in seen:
            seen.add(text)
            out.append((cand, text, src, lp, rank))
    return out


def scan_candidates(
    written_lemma: str, tag: str, limit: int
) -> list[tuple[str, str, str, float, int, tuple[str, ...]]] | None:
    """:func:`inflected_candidates` of rank below ``limit`` whose words the trigram model knows,
    each with the words of its text (what the swap scan weighs); None when ``limit`` exceeds
    ``SCAN_LIMIT`` (ask :func:`inflected_candidates`)."""
    if limit > SCAN_LIMIT:
        return None
    return list(scan_row(written_lemma, tag).upto(limit))


ScanCand = tuple[str, str, str, float, int, tuple[str, ...]]


class ScanRow:
    """The packed scan candidates of one lemma and tag, parsed only as far as they are read: the
    scan weighs the first few of most words, and a second reading of a page reads the same rows."""

    __slots__ = ("_parsed", "_raw")

    def __init__(self, packed: str) -> None:
        self._raw = packed.split(_ENTRY) if packed else []
        self._parsed: list[ScanCand] = []

    def upto(self, limit: int) -> Iterator[ScanCand]:
        """The candidates of rank below ``limit``, best-ranked first."""
        parsed = self._parsed
        k = 0
        while True:
            if k == len(parsed):
                if k == len(self._raw):
                    return
                cand, text, src, lp, rank = self._raw[k].split(_FIELD)
                text = text or cand
                parsed.append((cand, text, src, float(lp), int(rank), tuple(text.split())))
            entry = parsed[k]
            if entry[4] >= limit:
                return
            yield entry
            k += 1


@functools.lru_cache(maxsize=8192)
def scan_row(written_lemma: str, tag: str) -> ScanRow:
    """The packed scan candidates of a lemma and Penn tag (empty when it has none); ranks below
    ``SCAN_LIMIT`` only."""
    row = (
        connection()
        .execute("SELECT cands FROM scan WHERE written = ? AND tag = ?", (written_lemma, tag))
        .fetchone()
    )
    return ScanRow(row[0] if row and row[0] else "")


@functools.lru_cache(maxsize=65536)
def analyses(form: str) -> tuple[tuple[str, str, float], ...]:
    """(lemma, Penn tag, Zipf) readings of a lower-case word form; empty when unknown (cached: the
    scan, the slot rules and the compound rule all ask for the words of each sentence)."""
    cur = connection().execute("SELECT lemma, tag, zipf FROM lex WHERE form = ? ORDER BY seq", (form,))
    return tuple(cur)


def inflect(lemma: str, tag: str) -> str | None:
    """The form of ``lemma`` for Penn ``tag``, if the lexicon has it."""
    row = (
        connection()
        .execute("SELECT form FROM lex WHERE lemma = ? AND tag = ? ORDER BY seq LIMIT 1", (lemma, tag))
        .fetchone()
    )
    return row[0] if row else None


def known_phrases(phrases: list[str]) -> set[str]:
    """Which of these lower-case multi-word phrases are reverse-thesaurus keys."""
    if not phrases:
        return set()
    marks = ",".join("?" * len(phrases))
    cur = connection().execute(f"SELECT DISTINCT written FROM rev WHERE written IN ({marks})", phrases)
    return {row[0] for row in cur}


def zipf(form: str) -> float:
    """Zipf frequency of a lower-case word form (0 when not in the lexicon)."""
    return max((float(z) for _, _, z in analyses(form)), default=0.0)
