"""Heavy shared resources, each loaded once, lazily, on first use.

Data files live in ``dictionaries/``: inside an installed wheel at
``repair/dictionaries`` (hatch force-include), in a source checkout or an
editable install at the top of the repository.  Nothing here touches the
network.
"""

from __future__ import annotations

import contextlib
import functools
import gzip
import hashlib
import marshal
import operator
import os
import sys
import tempfile
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any


class DataError(RuntimeError):
    """A data file is missing or malformed."""


@functools.cache
def dictionaries_dir() -> Path:
    """The folder holding the shipped data files."""
    packaged = resources.files("repair") / "dictionaries"
    if packaged.is_dir():
        return Path(str(packaged))
    checkout = Path(__file__).resolve().parent.parent / "dictionaries"
    if checkout.is_dir():
        return checkout
    raise DataError("the dictionaries folder is missing from this installation")


def cache_dir() -> Path:
    """The folder for caches generated from the shipped data (spelling index, spin tables).

    ``$REPAIR_CACHE_DIR``, else ``$XDG_CACHE_HOME/repair``, else ``~/.cache/repair``.
    """
    env = os.environ.get("REPAIR_CACHE_DIR")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "repair"


def fingerprint(version: str, paths: Iterable[Path]) -> str:
    """A content key for the inputs of a cache: their sizes and their first and last 64 KB.

    File times change with every checkout, copy or wheel install; a key on them
    would rebuild the cache (and leave a stale copy behind) each time.
    """
    h = hashlib.sha1(version.encode())
    for path in paths:
        try:
            size = path.stat().st_size
            with open(path, "rb") as fh:
                head = fh.read(65536)
                fh.seek(max(0, size - 65536))
                tail = fh.read(65536)
        except OSError:  # a broken install: a key that matches nothing built before
            h.update(f"{path}:missing".encode())
            continue
        h.update(f"{path.name}:{size}".encode())
        h.update(head)
        h.update(tail)
    return h.hexdigest()[:16]


#: A cache that no run has used for this long is removed when another one is built.  Caches of
#: other versions are kept until then: two installed versions (a pre-commit environment and a
#: development install) share the cache folder, and each would otherwise delete the other's.
STALE_SECONDS = 14 * 86400
#: How often the "last used" time of a cache in use is refreshed.
USED_EVERY_SECONDS = 86400


def mark_used(path: Path) -> None:
    """Record that the cache at ``path`` is in use (its modification time), at most once a day."""
    with contextlib.suppress(OSError):
        if time.time() - path.stat().st_mtime > USED_EVERY_SECONDS:
            os.utime(path)


def prune_cache(folder: Path, pattern: str, keep: Path) -> None:
    """Remove the caches in ``folder`` matching the glob ``pattern`` that no run has used for
    :data:`STALE_SECONDS`, except ``keep`` (in use)."""
    now = time.time()
    for old in folder.glob(pattern):
        if old != keep:
            with contextlib.suppress(OSError):
                if now - old.stat().st_mtime > STALE_SECONDS:
                    old.unlink()


#: Called with a one-line notice before a slow cache is built; the command line sets it when its
#: standard error is a terminal, so that a first run does not seem to hang.
build_notice: Callable[[str], object] | None = None


def publish(path: Path, write: Callable[[str], object], pattern: str, label: str = "") -> None:
    """Build the cache file ``path`` in one step: ``write`` fills a temporary file beside it (given
    its name), which then takes ``path``'s place, so that a concurrent run finds no file or the
    whole file, never part of one; then the copies matching the glob ``pattern`` that no run has
    used lately are removed (:func:`prune_cache`).  Raises OSError when the folder cannot be
    written: the caller goes on without the cache.  A slow build names itself in ``label`` ("the
    spelling index (about 10 s)") for :data:`build_notice`."""
    folder = path.parent
    folder.mkdir(parents=True, exist_ok=True)
    if label and build_notice is not None:
        build_notice(f"building {label} in {folder}, once; later runs reuse it")
    fd, tmp = tempfile.mkstemp(prefix=f".{path.stem}-", suffix=".tmp", dir=folder)
    os.close(fd)
    try:
        write(tmp)
        os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
    prune_cache(folder, pattern, path)


def data_path(name: str) -> Path:
    """Path of a shipped data file; a clear error when it is absent."""
    path = dictionaries_dir() / name
    if not path.exists():
        raise DataError(f"data file {name} is missing from {dictionaries_dir()}")
    return path


def open_text(name: str) -> Any:
    """Open a shipped text file (transparently gunzipped when its name ends in .gz)."""
    path = data_path(name)
    if name.endswith(".gz"):
        return gzip.open(path, "rt", encoding="utf-8", newline="")
    return open(path, encoding="utf-8", newline="")


@dataclass(frozen=True)
class Table:
    """A parsed dictionary TSV: its description, column names and rows."""

    name: str
    description: str
    columns: tuple[str, ...]
    rows: tuple[dict[str, str], ...]


def parse_tsv(name: str, lines: Iterator[str]) -> Table:
    """Parse the project's TSV format.

    ``# description: ...`` (and other ``#`` comment lines) first, then a header row,
    then tab-separated rows with exactly as many fields as the header.
    """
    return _as_table(name, _records(name, lines))


def _as_table(name: str, parsed: tuple[str, tuple[str, ...], list[list[str]]]) -> Table:
    description, columns, records = parsed
    return Table(name, description, columns, tuple(dict(zip(columns, r, strict=True)) for r in records))


def _records(name: str, lines: Iterator[str]) -> tuple[str, tuple[str, ...], list[list[str]]]:
    """The description, the columns and the rows (as lists of fields) of a TSV table."""
    description = ""
    numbered = [(n, raw.rstrip("\r\n")) for n, raw in enumerate(lines, 1)]
    kept = [(n, line) for n, line in numbered if line and not line.isspace()]
    notes = [line for _, line in kept if line.startswith("# description:")]
    if notes:
        description = notes[-1].split(":", 1)[1].strip()
    body = [(n, line) for n, line in kept if not line.startswith("#")]
    if not body:
        raise DataError(f"{name}: no header row")
    columns = tuple(body[0][1].split("\t"))
    records = [line.split("\t") for _, line in body[1:]]
    width = len(columns)
    for (number, _), fields in zip(body[1:], records, strict=True):
        if len(fields) != width:
            raise DataError(f"{name}:{number}: {len(fields)} fields, header has {width}")
    return description, columns, records


#: Tables with at least this many bytes (as shipped) keep their parsed rows in the cache folder.
PARSED_CACHE_BYTES = 16384
#: Part of the parsed-table cache key: bump the leading number when :func:`_records` changes what
#: it returns; marshal's format depends on the Python version.
_PARSED_FORMAT = f"1-{sys.version_info[0]}.{sys.version_info[1]}-{marshal.version}"


@functools.cache
def _read_records(name: str) -> tuple[str, tuple[str, ...], list[list[str]]]:
    # read whole (a large gzipped table parses in a third of the time of line-by-line text I/O)
    raw = data_path(name).read_bytes()
    if len(raw) < PARSED_CACHE_BYTES:
        return _parse_raw(name, raw)
    # a larger table (the tortured-phrase list: 5,192 rows, read on every run) is parsed once
    # and kept in the cache folder, keyed on its bytes: loading it back takes a tenth of the time
    key = hashlib.blake2b(raw, digest_size=8, person=_PARSED_FORMAT.encode()[:16]).hexdigest()
    stem = name.split(".", 1)[0]
    path = cache_dir() / f"table-{stem}-{key}.marshal"
    try:
        cached = marshal.loads(path.read_bytes())
        description, columns, rows = cached
        mark_used(path)
        return description, tuple(columns), rows
    except (OSError, EOFError, ValueError, TypeError):
        pass  # not built yet, or damaged: parse and (re)write it
    parsed = _parse_raw(name, raw)
    with contextlib.suppress(OSError):  # a read-only cache folder: parse on every run
        publish(path, lambda tmp: Path(tmp).write_bytes(marshal.dumps(parsed)), f"table-{stem}-*.marshal")
    return parsed


def _parse_raw(name: str, raw: bytes) -> tuple[str, tuple[str, ...], list[list[str]]]:
    text = (gzip.decompress(raw) if name.endswith(".gz") else raw).decode("utf-8")
    return _records(name, iter(text.split("\n")))


@functools.cache
def table(name: str) -> Table:
    """A shipped TSV table, parsed once."""
    return _as_table(name, _read_records(name))


def records(name: str, *wanted: str) -> list[tuple[str, ...]]:
    """The ``wanted`` columns of every row of a shipped TSV table, as tuples: for a large table
    read on every run, without building a dict per row as :func:`table` does."""
    _, columns, rows = _read_records(name)
    try:
        at = [columns.index(c) for c in wanted]
    except ValueError as exc:
        raise DataError(f"{name}: no column {exc}") from exc
    if len(at) == 1:
        return [(r[at[0]],) for r in rows]
    get = operator.itemgetter(*at)
    return [get(r) for r in rows]


def trigram_path() -> Path:
    """Where the pocketsphinx wheel keeps CMU's trigram model (see :func:`trigram_model`)."""
    import pocketsphinx  # deferred: only families that score context need it

    return Path(pocketsphinx.__file__).parent / "model" / "en-us" / "en-us.lm.bin"


@functools.cache
def trigram_model() -> Any:
    """CMU's generic US English trigram model from the pocketsphinx wheel (BSD licence).

    Query with ``model.prob([word, previous, one_before])`` (history most recent
    first); the result is a log probability in base 1.0001.
    """
    import pocketsphinx

    path = trigram_path()
    if not path.exists():
        raise DataError("the pocketsphinx trigram model is missing; reinstall pocketsphinx")
    return pocketsphinx.NGramModel.readfile(str(path))
