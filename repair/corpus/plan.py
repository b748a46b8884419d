"""Finding the input files of a corpus and cutting them into shards.

A shard is the unit of work both engines schedule.  The plan depends only on
the input and the chunk size, never on the number of workers, so a resumed
run (or the other engine) sees the same shards and writes the same bytes.

- A JSONL file larger than the chunk size is cut at line boundaries into byte
  ranges of about the chunk size, so several workers share one big file.  The
  planner counts the lines before each cut, so every record keeps its true line
  number.  A compressed file (``.gz``, ``.zst``) is cut the same way in
  uncompressed bytes (a worker decompresses and skips to its range), into at
  most :data:`MAX_COMPRESSED_CHUNKS` chunks.
- A Parquet file is cut into runs of row groups of about the chunk size.
- Text and Markdown files are grouped, in sorted order, into shards of about
  :data:`TEXT_SHARD_BYTES` (at most :data:`TEXT_SHARD_FILES` files).
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Iterator
from dataclasses import dataclass, field

from repair.config import DEFAULT_INCLUDE
from repair.corpus.options import DEFAULT_CHUNK_MB
from repair.files import matches

DEFAULT_CHUNK_BYTES = DEFAULT_CHUNK_MB * 1024 * 1024
MAX_COMPRESSED_CHUNKS = 8
TEXT_SHARD_BYTES = 4 * 1024 * 1024
TEXT_SHARD_FILES = 256
JSONL_SUFFIXES = (".jsonl", ".ndjson")
PARQUET_SUFFIXES = (".parquet", ".pq")
COMPRESSIONS = {".gz": "gz", ".zst": "zst", ".zstd": "zst"}
SIDE_FILES = (
    "repair.findings.jsonl",
    "repair.rejected.jsonl",
    "repair.errors.jsonl",
    "repair.summary.json",
)
STATE_DIR = ".repair-corpus"


class PlanError(ValueError):
    """An input that cannot be planned (nothing usable, a name clash); the message is one line."""


@dataclass(frozen=True)
class Source:
    """One input file: absolute path, path relative to IN (``/``-separated), format, compression."""

    path: str
    rel: str
    fmt: str
    compression: str = ""
    size: int = 0


@dataclass(frozen=True)
class Shard:
    """A unit of work.

    For JSONL, ``start``/``end`` are uncompressed byte offsets (``end`` None: to
    the end) and ``first_line`` the 1-based line number at ``start``; for
    Parquet they are row-group indices and ``first_line`` the 1-based row number
    of the first row.  A text shard lists several sources.  ``part`` and
    ``parts`` place a chunk among the chunks of its file.
    """

    key: str
    fmt: str
    sources: tuple[Source, ...]
    start: int = 0
    end: int | None = None
    first_line: int = 1
    part: int = 0
    parts: int = 1
    weight: int = 0

    @property
    def source(self) -> Source:
        """The single source of a JSONL or Parquet shard."""
        return self.sources[0]


@dataclass
class Plan:
    """The shards of a corpus, in order, and the files passed over."""

    root: str
    single_file: bool
    shards: list[Shard] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)

    @property
    def total_weight(self) -> int:
        """Sum of the shard weights (input bytes), for progress."""
        return sum(s.weight for s in self.shards)

    def signature(self) -> list[list[object]]:
        """What identifies the plan: shard keys, files with size and modification time, ranges."""
        out: list[list[object]] = []
        for s in self.shards:
            files = [[src.rel, src.size, int(os.stat(src.path).st_mtime_ns)] for src in s.sources]
            out.append([s.key, s.fmt, s.start, s.end, s.first_line, files])
        return out


def classify(name: str, include: tuple[str, ...] = DEFAULT_INCLUDE) -> tuple[str, str] | None:
    """``(format, compression)`` for a file name, or None when it is not a corpus file."""
    lower = name.lower()
    stem, ext = os.path.splitext(lower)
    compression = COMPRESSIONS.get(ext, "")
    if compression:
        lower = stem
    if lower.endswith(JSONL_SUFFIXES):
        return "jsonl", compression
    if compression:
        return None
    if lower.endswith(PARQUET_SUFFIXES):
        return "parquet", ""
    if any(fnmatch.fnmatch(lower, g.lower()) for g in include):
        return "text", ""
    return None


def _walk(root: str, exclude: str | None) -> Iterator[tuple[str, str]]:
    for here, dirs, files in os.walk(root, followlinks=False):
        dirs[:] = sorted(
            d
            for d in dirs
            if not d.startswith(".")
            and (exclude is None or os.path.realpath(os.path.join(here, d)) != exclude)
        )
        for name in sorted(files):
            if not name.startswith("."):
                path = os.path.join(here, name)
                yield path, os.path.relpath(path, root).replace(os.sep, "/")


def find_sources(
    in_path: str,
    out_path: str | None = None,
    include: tuple[str, ...] = DEFAULT_INCLUDE,
    exclude: tuple[str, ...] = (),
    root: str | None = None,
) -> tuple[list[Source], list[str], bool]:
    """The corpus files under ``in_path`` (sorted), the files passed over, and whether IN is one file.

    ``include`` are the globs that make a file a text document (JSONL and
    Parquet files are recognised by their extension); a file whose path
    relative to ``root`` (the configuration's folder, else ``in_path``) matches
    one of the ``exclude`` globs is passed over, as ``repair check`` does.
    """
    if not os.path.exists(in_path):
        raise PlanError(f"{in_path}: no such file or directory")
    if os.path.isfile(in_path):
        name = os.path.basename(in_path)
        fmt, comp = classify(name) or ("text", "")
        return [Source(os.path.abspath(in_path), name, fmt, comp, os.path.getsize(in_path))], [], True
    out_folder = os.path.realpath(out_path) if out_path else None
    base = root or in_path
    sources, skipped = [], []
    for path, rel in _walk(in_path, out_folder):
        kind = classify(rel, include)
        rel_root = os.path.relpath(path, base).replace(os.sep, "/")
        if kind is None or not os.path.isfile(path) or (exclude and matches(rel_root, exclude)):
            skipped.append(rel)
            continue
        sources.append(Source(os.path.abspath(path), rel, kind[0], kind[1], os.path.getsize(path)))
    return sources, skipped, False


def make_plan(
    in_path: str,
    out_path: str | None = None,
    chunk_bytes: int = DEFAULT_CHUNK_BYTES,
    include: tuple[str, ...] = DEFAULT_INCLUDE,
    exclude: tuple[str, ...] = (),
    root: str | None = None,
) -> Plan:
    """Every shard of the corpus at ``in_path``, in a deterministic order (see :func:`find_sources`)."""
    if chunk_bytes < 1:
        raise PlanError("the chunk size must be at least one byte")
    sources, skipped, single = find_sources(in_path, out_path, include, exclude, root)
    for s in sources:
        if s.rel in SIDE_FILES:
            raise PlanError(f"{s.rel}: an input file has the name of an output side file; rename it")
    if not sources:
        raise PlanError(f"{in_path}: no corpus files found (JSONL, Parquet, text or Markdown)")
    plan = Plan(os.path.abspath(in_path), single, skipped=skipped)
    pending_text: list[Source] = []

    def flush_text() -> None:
        if pending_text:
            plan.shards.append(
                _shard(plan, "text", tuple(pending_text), weight=sum(s.size for s in pending_text))
            )
            pending_text.clear()

    for src in sources:
        if src.fmt == "text":
            if pending_text and (
                len(pending_text) >= TEXT_SHARD_FILES
                or sum(s.size for s in pending_text) + src.size > TEXT_SHARD_BYTES
            ):
                flush_text()
            pending_text.append(src)
            continue
        flush_text()
        if src.fmt == "jsonl":
            _plan_jsonl(plan, src, chunk_bytes)
        else:
            _plan_parquet(plan, src, chunk_bytes)
    flush_text()
    return plan


def _shard(plan: Plan, fmt: str, sources: tuple[Source, ...], **kw: object) -> Shard:
    return Shard(key=f"{len(plan.shards):06d}", fmt=fmt, sources=sources, **kw)  # type: ignore[arg-type]


def _plan_jsonl(plan: Plan, src: Source, chunk_bytes: int) -> None:
    small = src.size <= (chunk_bytes // 4 if src.compression else chunk_bytes)
    cuts = [(0, 1)] if small else _scan_cuts(src, chunk_bytes)
    if src.compression and len(cuts) > MAX_COMPRESSED_CHUNKS:
        step = -(-len(cuts) // MAX_COMPRESSED_CHUNKS)
        cuts = cuts[::step]
    n = len(cuts)
    for i, (start, line) in enumerate(cuts):
        end = cuts[i + 1][0] if i + 1 < n else None
        weight = src.size // n if src.compression else (end if end is not None else src.size) - start
        plan.shards.append(
            _shard(
                plan, "jsonl", (src,), start=start, end=end, first_line=line, part=i, parts=n, weight=weight
            )
        )


def _scan_cuts(src: Source, chunk_bytes: int) -> list[tuple[int, int]]:
    """Offsets of line starts about ``chunk_bytes`` apart, each with its 1-based line number.

    A decompression error ends the scan: the last chunk then runs to the end,
    and its worker reports the error with the line where it happened.
    """
    from repair.corpus.formats import StreamError, open_binary

    cuts = [(0, 1)]
    pos, line, target = 0, 1, chunk_bytes
    try:
        with open_binary(src.path, src.compression) as fh:
            while block := fh.read(1 << 20):
                offset = 0
                while True:
                    k = max(offset, target - 1 - pos)
                    q = block.find(b"\n", k) if k < len(block) else -1
                    if q < 0:
                        break
                    line += block.count(b"\n", offset, q + 1)
                    offset = q + 1
                    cuts.append((pos + q + 1, line))
                    target = pos + q + 1 + chunk_bytes
                line += block.count(b"\n", offset)
                pos += len(block)
    except StreamError:
        return cuts
    if len(cuts) > 1 and cuts[-1][0] >= pos:
        cuts.pop()
    return cuts


def _plan_parquet(plan: Plan, src: Source, chunk_bytes: int) -> None:
    import pyarrow.parquet as pq

    try:
        meta = pq.ParquetFile(src.path).metadata
    except Exception:  # an unreadable file: one shard whose worker reports the error
        plan.shards.append(_shard(plan, "parquet", (src,), start=0, end=None, weight=src.size))
        return
    groups: list[tuple[int, int, int]] = []  # (first row group, first row, bytes)
    row = 1
    size = 0
    for i in range(meta.num_row_groups):
        rg = meta.row_group(i)
        if not groups or size >= chunk_bytes:
            groups.append((i, row, 0))
            size = 0
        size += rg.total_byte_size
        row += rg.num_rows
    if not groups:
        groups = [(0, 1, 0)]
    n = len(groups)
    for j, (first, first_row, _) in enumerate(groups):
        end = groups[j + 1][0] if j + 1 < n else meta.num_row_groups
        plan.shards.append(
            _shard(
                plan,
                "parquet",
                (src,),
                start=first,
                end=end,
                first_line=first_row,
                part=j,
                parts=n,
                weight=max(1, src.size // n),
            )
        )
