"""Word frequencies and candidate lookup, backed by an SQLite index in the user cache.

Building a SymSpell index in memory takes seconds, far more than the start-up
budget of one ``repair check``.  The index is therefore built once, on first
use, into ``$REPAIR_CACHE_DIR`` (default ``$XDG_CACHE_HOME/repair`` or
``~/.cache/repair``) as an SQLite file whose name carries a key of the data
versions; later runs open it in a millisecond and query only the few words they
need.  When no cache folder is writable, the index is built in memory.

Sources: symspellpy's bundled frequency list and bigram counts (MIT), wordfreq's
English list (data CC BY-SA 4.0), and the word lists of ``dictionaries/`` (see its
README), among them the common misspellings of ``typo_misspellings.tsv.gz`` and the phrases run
together of ``typo_run_together.tsv`` (:func:`run_together`).
"""

from __future__ import annotations

import functools
import gzip
import importlib.util
import math
import sqlite3
import threading
from collections.abc import Collection, Iterable, Iterator
from pathlib import Path

from repair.resources import (
    cache_dir,
    data_path,
    fingerprint,
    mark_used,
    open_text,
    parse_tsv,
    publish,
    records,
)
from repair.spelling import phonetic

INDEX_VERSION = "11"
PREFIX_LENGTH = 7
MAX_DISTANCE = 2
#: Words at or above this Zipf frequency join the correction vocabulary.
VOCAB_ZIPF = 3.0

#: How many candidate batches are checked against the index before the whole vocabulary is loaded.
VOCAB_QUERIES = 50

#: Words whose frequency and flags stay cached in one process (the cache is emptied beyond).
MAX_CACHED = 400_000

CORE = 1  # in symspellpy's frequency list
EXTRA = 2  # in dictionaries/typo_words.txt
VOCAB = 4  # may be proposed as a correction
KNOWN = 8  # in typo_known.txt.gz, typo_technical.txt: a real word, never flagged (nor proposed unless VOCAB)
RARE = 16  # in dictionaries/typo_rare.txt.gz: a rare or variant spelling, flagged but never corrected safely
#: Words of these lists are never flagged as misspellings: symspellpy's, the inflections it lacks,
#: and the real words neither has (older, British and rare spellings: "fulness", "fugally";
#: words of software writing: "struct").
LISTED = CORE | EXTRA | KNOWN

_SYMSPELL_WORDS = "frequency_dictionary_en_82_765.txt"
_SYMSPELL_BIGRAMS = "frequency_bigramdictionary_en_243_342.txt"
_EXTRA = "typo_words.txt"
_KNOWN = "typo_known.txt.gz"
_TECHNICAL = "typo_technical.txt"
_RARE = "typo_rare.txt.gz"
_MISSPELLINGS = "typo_misspellings.tsv.gz"
_RUN_TOGETHER = "typo_run_together.tsv"
_CAPITALISED = "typo_capitalised.txt"
#: Languages whose common words mark a foreign phrase in English text (wordfreq's ``small`` lists),
#: one bit each in the ``foreign`` table: the quotations of English books and articles.
FOREIGN_LANGUAGES = ("fr", "de", "it", "es", "pt", "nl")
#: A word is common in such a language at this Zipf frequency, and foreign when it is at least
#: FOREIGN_LEAD more frequent there than in English (and in no English list).
FOREIGN_ZIPF = 3.0
FOREIGN_LEAD = 1.5


def _package_dir(name: str) -> Path:
    """A package's folder, found without importing it."""
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:  # pragma: no cover - broken install
        raise ModuleNotFoundError(name)
    return Path(next(iter(spec.submodule_search_locations)))


def _symspell_file(name: str) -> Path:
    return _package_dir("symspellpy") / name


def index_key() -> str:
    """A short key that changes whenever any input of the index changes (their contents, not times)."""
    sources = (
        _symspell_file(_SYMSPELL_WORDS),
        _symspell_file(_SYMSPELL_BIGRAMS),
        _package_dir("wordfreq") / "data" / "large_en.msgpack.gz",
        data_path(_EXTRA),
        data_path(_KNOWN),
        data_path(_TECHNICAL),
        data_path(_RARE),
        data_path(_MISSPELLINGS),
        data_path(_RUN_TOGETHER),
        *(_package_dir("wordfreq") / "data" / f"small_{lang}.msgpack.gz" for lang in FOREIGN_LANGUAGES),
    )
    return fingerprint(INDEX_VERSION, sources)[:12]


def deletes(word: str, distance: int = MAX_DISTANCE) -> set[str]:
    """``word`` (cut to the prefix length) and every string left by deleting up to ``distance`` letters."""
    word = word[:PREFIX_LENGTH]
    out = {word}
    frontier = {word}
    for _ in range(distance):
        nxt: set[str] = set()
        for w in frontier:
            if len(w) <= 1:
                continue
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1 :])
        nxt -= out
        out |= nxt
        frontier = nxt
    return out


def _rows() -> tuple[dict[str, tuple[float, int]], list[tuple[str, int]], list[tuple[str, str]]]:
    """Words (zipf, flags), bigram counts and common misspellings with their corrections."""
    import wordfreq

    words: dict[str, tuple[float, int]] = {}
    counts: dict[str, int] = {}
    with open(_symspell_file(_SYMSPELL_WORDS), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 2:
                counts[parts[0]] = int(parts[1])
    total = sum(counts.values())
    for w, c in counts.items():
        words[w] = (round(math.log10(c / total * 1e9), 2), CORE | VOCAB)
    freq = wordfreq.get_frequency_dict("en", "large")
    for w, f in freq.items():
        if not w.replace("'", "").isalpha():
            continue
        z = round(math.log10(f * 1e9), 2) if f > 0 else 0.0
        old = words.get(w)
        if old is not None:
            words[w] = (z, old[1])  # wordfreq's broader estimate wins
        else:
            words[w] = (z, VOCAB if (z >= VOCAB_ZIPF and "'" not in w) else 0)
    with open(data_path(_EXTRA), encoding="utf-8") as fh:
        for line in fh:
            w = line.strip()
            if w and not w.startswith("#"):
                z, flags = words.get(w, (1.0, 0))
                words[w] = (z, flags | EXTRA | VOCAB)
    _flag_listed(words, _KNOWN, KNOWN)
    _flag_listed(words, _TECHNICAL, KNOWN)
    _flag_listed(words, _RARE, RARE)
    misspellings = _misspellings(words)
    for (merged,) in records(_RUN_TOGETHER, "merged"):
        z, flags = words.get(merged, (0.0, 0))
        if not flags & LISTED:
            words[merged] = (z, flags & ~VOCAB)  # "alot" is never proposed as a correction
    bigrams: list[tuple[str, int]] = []
    with open(_symspell_file(_SYMSPELL_BIGRAMS), encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 3:
                bigrams.append((f"{parts[0]} {parts[1]}", int(parts[2])))
    return words, bigrams, misspellings


def _misspellings(words: dict[str, tuple[float, int]]) -> list[tuple[str, str]]:
    """The rows (misspelling, corrections comma-separated) of ``typo_misspellings.tsv.gz`` whose
    misspelling no word list holds (a list that learns a word wins); such a misspelling is never
    proposed as a correction either."""
    with open_text(_MISSPELLINGS) as fh:
        pairs = parse_tsv(_MISSPELLINGS, fh).rows
    out = []
    for row in pairs:
        wrong, right = row["misspelling"], row["corrections"]
        z, flags = words.get(wrong, (0.0, 0))
        if flags & (LISTED | RARE):
            continue
        if flags & VOCAB:
            words[wrong] = (z, flags & ~VOCAB)
        out.append((wrong, right))
    return out


@functools.cache
def run_together() -> dict[str, tuple[str, tuple[str, ...]]]:
    """Common phrases of two words written as one (``typo_run_together.tsv``): the merged word ->
    (the two words, the list's other corrections)."""
    rows = records(_RUN_TOGETHER, "merged", "words", "alternatives")
    return {m: (w, tuple(a for a in alts.split(",") if a)) for m, w, alts in rows}


@functools.cache
def capitalised() -> frozenset[str]:
    """Words English always writes with a capital (``typo_capitalised.txt``), in lower case: "india",
    "irish", "monday"; the other word lists are all in lower case."""
    with open_text(_CAPITALISED) as fh:
        return frozenset(w for w in (line.strip() for line in fh) if w and not w.startswith("#"))


def _flag_listed(words: dict[str, tuple[float, int]], name: str, flag: int) -> None:
    """Add ``flag`` to the words of the list ``name``, gzipped or not (a word new to ``words`` at Zipf 0)."""
    raw = data_path(name).read_bytes()
    if name.endswith(".gz"):
        raw = gzip.decompress(raw)
    for line in raw.decode("utf-8").splitlines():
        w = line.strip()
        if w and not w.startswith("#"):
            z, flags = words.get(w, (0.0, 0))
            words[w] = (z, flags | flag)


def build(conn: sqlite3.Connection) -> None:
    """Fill an empty database with the word, deletion and bigram tables."""
    words, bigrams, misspellings = _rows()
    conn.execute("CREATE TABLE words (w TEXT PRIMARY KEY, z REAL, f INTEGER) WITHOUT ROWID")
    conn.execute("CREATE TABLE dels (k TEXT PRIMARY KEY, ws TEXT, zs TEXT) WITHOUT ROWID")
    conn.execute("CREATE TABLE bigrams (k TEXT PRIMARY KEY, c INTEGER) WITHOUT ROWID")
    conn.executemany("INSERT INTO words VALUES (?, ?, ?)", ((w, z, f) for w, (z, f) in sorted(words.items())))
    index: dict[str, list[str]] = {}
    for w, (_, f) in words.items():
        if f & VOCAB:
            for d in deletes(w):
                index.setdefault(d, []).append(w)
    conn.executemany(
        "INSERT INTO dels VALUES (?, ?, ?)",
        ((k, " ".join(v), " ".join(str(words[w][0]) for w in v)) for k, v in sorted(index.items())),
    )
    conn.executemany("INSERT OR REPLACE INTO bigrams VALUES (?, ?)", sorted(bigrams))
    conn.execute("CREATE TABLE foreign_words (w TEXT PRIMARY KEY, l INTEGER) WITHOUT ROWID")
    conn.executemany("INSERT INTO foreign_words VALUES (?, ?)", _foreign_rows(words))
    conn.execute("CREATE TABLE misspellings (w TEXT PRIMARY KEY, c TEXT) WITHOUT ROWID")
    conn.executemany("INSERT INTO misspellings VALUES (?, ?)", sorted(misspellings))
    conn.execute("CREATE TABLE sounds (k TEXT PRIMARY KEY, ws TEXT, ks TEXT) WITHOUT ROWID")
    conn.executemany("INSERT INTO sounds VALUES (?, ?, ?)", _sound_rows(words))
    conn.commit()


def _foreign_rows(words: dict[str, tuple[float, int]]) -> list[tuple[str, int]]:
    """Rows of the foreign-word table: each word common in one of :data:`FOREIGN_LANGUAGES` and far
    rarer in English, with a bit for each such language ("nicht": German; "comme": French)."""
    import wordfreq

    langs: dict[str, int] = {}
    floor = 10 ** (FOREIGN_ZIPF - 9)
    for bit, lang in enumerate(FOREIGN_LANGUAGES):
        for w, f in wordfreq.get_frequency_dict(lang, "small").items():
            if f < floor or not w.isalpha():
                continue
            z, flags = words.get(w, (0.0, 0))
            if flags & LISTED or math.log10(f * 1e9) - z < FOREIGN_LEAD:
                continue
            langs[w] = langs.get(w, 0) | (1 << bit)
    return sorted(langs.items())


def _sound_rows(words: dict[str, tuple[float, int]]) -> Iterator[tuple[str, str, str]]:
    """Rows of the sound table: each key, and each key with one letter deleted, with the common
    words that have it and their full keys."""
    index: dict[str, list[tuple[str, str]]] = {}
    for w, (z, f) in words.items():
        if f & VOCAB and z >= phonetic.MIN_ZIPF and w.isalpha():
            key = phonetic.sound_key(w)
            for d in phonetic.key_deletes(key) if key else ():
                index.setdefault(d, []).append((w, key))
    for k, v in sorted(index.items()):
        yield k, " ".join(w for w, _ in v), " ".join(key for _, key in v)


_LOCK = threading.Lock()


def _open() -> sqlite3.Connection:
    path = cache_dir() / f"typo-index-{index_key()}.sqlite"
    if path.exists():
        mark_used(path)
    else:
        try:
            publish(path, _build_file, "typo-index-*.sqlite", "the spelling index (about 10 s)")
        except OSError:  # no writable cache folder: an index in memory, for this run only
            conn = sqlite3.connect(":memory:", check_same_thread=False)
            build(conn)
            return conn
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


def _build_file(name: str) -> None:
    conn = sqlite3.connect(name)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA synchronous=OFF")
    build(conn)
    conn.close()


class Lexicon:
    """Read access to the index: frequencies, flags, candidates and bigram counts."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self._info: dict[str, tuple[float, int]] = {}
        self._vocab: frozenset[str] | None = None
        self._vocab_calls = 0
        self._common: dict[float, dict[str, float]] = {}
        self._foreign: dict[str, int] = {}
        self._misspelt: dict[str, tuple[str, ...] | None] = {}

    def info(self, word: str) -> tuple[float, int]:
        """(Zipf frequency, flags) of a lower-case word; (0.0, 0) when unknown.  The flags leave
        out :data:`RARE` (a rare spelling is as unknown as any unlisted word; see :meth:`is_rare`)."""
        hit = self._info.get(word)
        if hit is None:
            row = self._conn.execute("SELECT z, f FROM words WHERE w = ?", (word,)).fetchone()
            hit = (float(row[0]), int(row[1]) & ~RARE) if row else (0.0, 0)
            self._info[word] = hit
        return hit

    def prefetch(self, words: Iterable[str]) -> None:
        """Look up many words at once (one query per few hundred words instead of one each)."""
        info = self._info
        if len(info) > MAX_CACHED:
            info.clear()
        missing = [w for w in set(words) if w not in info]
        for chunk in _chunks(missing, 500):
            q = f"SELECT w, z, f FROM words WHERE w IN ({','.join('?' * len(chunk))})"
            for w, z, f in self._conn.execute(q, chunk):
                info[w] = (float(z), int(f) & ~RARE)
            for w in chunk:
                if w not in info:
                    info[w] = (0.0, 0)

    def is_rare(self, word: str) -> bool:
        """Whether a lower-case word is a rare or variant spelling that SCOWL lists
        (``dictionaries/typo_rare.txt.gz``): real, so never corrected safely."""
        row = self._conn.execute("SELECT f FROM words WHERE w = ?", (word,)).fetchone()
        return bool(row and int(row[0]) & RARE)

    def zipf(self, word: str) -> float:
        """Zipf frequency (log10 per billion words) of a lower-case word."""
        return self.info(word)[0]

    def is_vocab(self, word: str) -> bool:
        """Whether a word is a dictionary word that may be proposed as a correction."""
        if self._vocab is not None:
            # a long text loaded the whole vocabulary (see vocabulary_among): no query per word, and
            # the rules ask about many strings that are no words (two tokens joined, say)
            return word in self._vocab
        return bool(self.info(word)[1] & VOCAB)

    def is_core(self, word: str) -> bool:
        """Whether a word is in the curated lists (symspellpy's or the extra list)."""
        if self._vocab is not None and word not in self._vocab:
            return False  # every listed word may be proposed (see _rows): no query for the rest
        return bool(self.info(word)[1] & (CORE | EXTRA))

    def candidates(self, word: str) -> set[str]:
        """Vocabulary words that may lie within edit distance 2 of ``word`` (to be verified)."""
        return set(self.candidate_zipfs(word))

    def candidate_zipfs(self, word: str) -> dict[str, float]:
        """:meth:`candidates` with their Zipf frequencies (stored beside them: no lookups)."""
        keys = list(deletes(word))
        out: dict[str, float] = {}
        for chunk in _chunks(keys, 400):
            q = f"SELECT ws, zs FROM dels WHERE k IN ({','.join('?' * len(chunk))})"
            for ws, zs in self._conn.execute(q, chunk):
                out.update(zip(ws.split(" "), map(float, zs.split(" ")), strict=True))
        return out

    def vocabulary_among(self, words: Collection[str]) -> set[str]:
        """Which of ``words`` may be proposed as corrections.

        The first :data:`VOCAB_QUERIES` calls of a process (a page has a few unknown words) ask
        the index; later ones (a book) test against the whole vocabulary, loaded once (0.1 s).
        """
        self._vocab_calls += 1
        if self._vocab is None and self._vocab_calls <= VOCAB_QUERIES:
            out: set[str] = set()
            for chunk in _chunks(list(words), 500):
                q = f"SELECT w FROM words WHERE f & {VOCAB} AND w IN ({','.join('?' * len(chunk))})"
                out.update(w for (w,) in self._conn.execute(q, chunk))
            return out
        if self._vocab is None:
            self._vocab = frozenset(
                w for (w,) in self._conn.execute(f"SELECT w FROM words WHERE f & {VOCAB}")
            )
        return set(self._vocab.intersection(words))

    def common(self, min_zipf: float) -> dict[str, float]:
        """Vocabulary words at least ``min_zipf`` common, with their Zipf frequencies (loaded once
        per threshold: about 28,000 words and 0.06 s at Zipf 3)."""
        hit = self._common.get(min_zipf)
        if hit is None:
            q = f"SELECT w, z FROM words WHERE z >= ? AND f & {VOCAB}"
            hit = self._common[min_zipf] = {w: float(z) for w, z in self._conn.execute(q, (min_zipf,))}
        return hit

    def begins(self, prefix: str, min_zipf: float) -> bool:
        """Whether a listed or vocabulary word at least ``min_zipf`` common starts with ``prefix`` and
        is longer (a range scan of the word index)."""
        q = f"SELECT 1 FROM words WHERE w > ? AND w < ? AND z >= ? AND f & {LISTED | VOCAB} LIMIT 1"
        return self._conn.execute(q, (prefix, prefix + "\U0010ffff", min_zipf)).fetchone() is not None

    def sound_alikes(self, key: str) -> dict[str, str]:
        """Common words whose sound key (:func:`repair.spelling.phonetic.sound_key`) may lie within
        one key edit of ``key``, with their keys (to be verified: some lie two edits away)."""
        probes = list(phonetic.key_deletes(key))
        out: dict[str, str] = {}
        q = f"SELECT ws, ks FROM sounds WHERE k IN ({','.join('?' * len(probes))})"
        for ws, ks in self._conn.execute(q, probes):
            out.update(zip(ws.split(" "), ks.split(" "), strict=True))
        return out

    def foreign(self, word: str) -> int:
        """The languages of :data:`FOREIGN_LANGUAGES` in which a lower-case word is common and English
        is not, one bit each (0: none)."""
        hit = self._foreign.get(word)
        if hit is None:
            row = self._conn.execute("SELECT l FROM foreign_words WHERE w = ?", (word,)).fetchone()
            hit = self._foreign[word] = int(row[0]) if row else 0
        return hit

    def misspelling(self, word: str) -> tuple[str, ...] | None:
        """The corrections of a lower-case word that is a common misspelling (codespell's list,
        ``dictionaries/typo_misspellings.tsv.gz``; most have one), or None."""
        hit = self._misspelt.get(word, ())
        if hit == ():
            if len(self._misspelt) > MAX_CACHED:
                self._misspelt.clear()
            row = self._conn.execute("SELECT c FROM misspellings WHERE w = ?", (word,)).fetchone()
            hit = self._misspelt[word] = tuple(str(row[0]).split(",")) if row else None
        return hit

    def bigrams(self, keys: list[str]) -> dict[str, int]:
        """Counts of many bigrams ("first second") at once; absent ones are left out."""
        out: dict[str, int] = {}
        for chunk in _chunks(keys, 500):
            q = f"SELECT k, c FROM bigrams WHERE k IN ({','.join('?' * len(chunk))})"
            out.update((k, int(c)) for k, c in self._conn.execute(q, chunk))
        return out

    def bigram(self, first: str, second: str) -> int:
        """Count of the bigram in symspellpy's bigram list (0 when absent)."""
        row = self._conn.execute("SELECT c FROM bigrams WHERE k = ?", (f"{first} {second}",)).fetchone()
        return int(row[0]) if row else 0


def _chunks(items: list[str], n: int) -> Iterator[list[str]]:
    for i in range(0, len(items), n):
        yield items[i : i + n]


@functools.cache
def lexicon() -> Lexicon:
    """The shared lexicon (the index is built on first use, then cached on disk)."""
    with _LOCK:
        return Lexicon(_open())


def known_any(words: Iterable[str]) -> bool:
    """Whether any of the words is in the lexicon at all (a convenience for tests)."""
    lex = lexicon()
    return any(lex.info(w)[0] > 0 or lex.info(w)[1] for w in words)
