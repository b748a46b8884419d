"""Reading the documents of one shard, and writing them back in their own format.

Readers yield :class:`Doc` (a document to process) or :class:`Failed` (a line,
row or file that holds no usable document: malformed JSON, a missing text
field, an undecodable file or stream), streaming, one record at a time.

Writers put each kept document back in the format it came in: a JSONL line is
written unchanged when its text is unchanged, otherwise re-serialised with the
new text (other fields kept, key order kept); a Parquet row keeps every column
but the text; a text file keeps its encoding, byte-order mark and line ends.
Compressed output is deterministic (gzip without name or time stamp, zstd at
a fixed level), and chunks of one file written separately concatenate into a
valid stream (gzip members and zstd frames may follow one another).
"""

from __future__ import annotations

import contextlib
import gzip
import io
import json
import os
import zlib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

from repair import notebook, textio
from repair.corpus.plan import Shard, Source
from repair.document import kind_of

GZIP_LEVEL = 6
ZSTD_LEVEL = 3


class StreamError(Exception):
    """A compressed or encoded stream that cannot be read past some point."""


@dataclass
class Doc:
    """One document: where it came from, its id and text, and what its writer needs."""

    source: str
    line: int | None
    doc_id: str
    text: str
    kind: str
    handle: Any


@dataclass
class Failed:
    """A line, row or file that could not be read as a document, kept aside with the reason."""

    source: str
    line: int | None
    kind: str
    error: str
    raw: Any = None


class _Guarded:
    """A binary stream whose decompression errors surface as :class:`StreamError`."""

    def __init__(self, fh: IO[bytes]) -> None:
        self._fh = fh

    def _call(self, name: str, *args: Any) -> bytes:
        try:
            return getattr(self._fh, name)(*args)  # type: ignore[no-any-return]
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            raise StreamError(str(exc) or type(exc).__name__) from None
        except Exception as exc:
            if type(exc).__name__ == "ZstdError":
                raise StreamError(str(exc)) from None
            raise

    def read(self, n: int = -1) -> bytes:
        return self._call("read", n)

    def readline(self) -> bytes:
        return self._call("readline")

    def seek(self, pos: int) -> None:
        self._fh.seek(pos)

    def close(self) -> None:
        self._fh.close()

    def __enter__(self) -> _Guarded:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_binary(path: str, compression: str) -> _Guarded:
    """Open a (possibly compressed) file for reading its uncompressed bytes."""
    if compression == "gz":
        return _Guarded(gzip.open(path, "rb"))  # type: ignore[arg-type]
    if compression == "zst":
        import zstandard

        raw = open(path, "rb")  # noqa: SIM115 - closed with the reader
        reader = zstandard.ZstdDecompressor().stream_reader(raw, read_across_frames=True, closefd=True)
        return _Guarded(io.BufferedReader(reader, 1 << 20))
    return _Guarded(open(path, "rb"))


class _GzipOut(io.RawIOBase):
    """A deterministic gzip writer that closes its file."""

    def __init__(self, path: str) -> None:
        self._raw = open(path, "wb")  # noqa: SIM115 - closed in close()
        self._gz = gzip.GzipFile(filename="", mode="wb", fileobj=self._raw, mtime=0, compresslevel=GZIP_LEVEL)

    def write(self, data: Any) -> int:
        return self._gz.write(data)

    def close(self) -> None:
        if not self.closed:
            self._gz.close()
            self._raw.close()
        super().close()


def open_write(path: str, compression: str) -> IO[bytes]:
    """Open ``path`` for writing bytes, compressed as asked."""
    if compression == "gz":
        return _GzipOut(path)  # type: ignore[return-value]
    if compression == "zst":
        import zstandard

        raw = open(path, "wb")  # noqa: SIM115 - closed with the writer
        return zstandard.ZstdCompressor(level=ZSTD_LEVEL).stream_writer(raw, closefd=True)
    return open(path, "wb")


def _line_text(raw: bytes) -> str:
    return raw.rstrip(b"\r\n").decode("utf-8", "backslashreplace")


def _doc_id(value: Any, source: str, line: int) -> str:
    if value is None or isinstance(value, (dict, list)):
        return f"{source}:{line}"
    return str(value)


PARQUET_CODECS = ("snappy", "gzip", "brotli", "zstd", "lz4", "none")


def parquet_codec(metadata: Any) -> str:
    """The compression of a Parquet file's first column, as pyarrow's writer names it (default snappy)."""
    if not metadata.num_row_groups or not metadata.num_columns:
        return "snappy"
    codec = str(metadata.row_group(0).column(0).compression).lower()
    codec = {"uncompressed": "none", "lz4_raw": "lz4"}.get(codec, codec)
    return codec if codec in PARQUET_CODECS else "snappy"


class Reader:
    """Iterates over the documents of one shard; counts blank lines and bytes read."""

    def __init__(self, shard: Shard, text_field: str, id_field: str) -> None:
        self.shard = shard
        self.text_field = text_field
        self.id_field = id_field
        self.blank_lines = 0
        self.bytes_read = 0

    def __iter__(self) -> Iterator[Doc | Failed]:
        if self.shard.fmt == "jsonl":
            return self._jsonl()
        if self.shard.fmt == "parquet":
            return self._parquet()
        return self._text()

    def _jsonl(self) -> Iterator[Doc | Failed]:
        shard = self.shard
        src = shard.source
        lineno = shard.first_line
        with open_binary(src.path, src.compression) as fh:
            try:
                if src.compression:
                    left = shard.start
                    while left > 0 and (block := fh.read(min(left, 1 << 20))):
                        left -= len(block)
                else:
                    fh.seek(shard.start)
                pos = shard.start
                while shard.end is None or pos < shard.end:
                    raw = fh.readline()
                    if not raw:
                        break
                    pos += len(raw)
                    self.bytes_read += len(raw)
                    n, lineno = lineno, lineno + 1
                    item = self._record(src, n, raw)
                    if item is not None:
                        yield item
            except StreamError as exc:
                yield Failed(
                    src.rel, lineno, "undecodable", f"undecodable stream from line {lineno} on: {exc}"
                )

    def _record(self, src: Source, n: int, raw: bytes) -> Doc | Failed | None:
        stripped = raw.strip()
        if not stripped:
            self.blank_lines += 1
            return None
        try:
            obj = json.loads(stripped)
        except ValueError as exc:  # includes UnicodeDecodeError
            return Failed(src.rel, n, "malformed-json", f"malformed JSON: {exc}", _line_text(raw))
        if not isinstance(obj, dict):
            return Failed(src.rel, n, "malformed-json", "not a JSON object", _line_text(raw))
        text = obj.get(self.text_field)
        if not isinstance(text, str):
            what = "missing" if text is None else f"a {type(text).__name__}, not a string"
            return Failed(
                src.rel, n, "missing-text", f"text field {self.text_field!r} is {what}", _line_text(raw)
            )
        return Doc(src.rel, n, _doc_id(obj.get(self.id_field), src.rel, n), text, "text", (raw, obj))

    def _parquet(self) -> Iterator[Doc | Failed]:
        import pyarrow.parquet as pq

        shard = self.shard
        src = shard.source
        try:
            pf = pq.ParquetFile(src.path)
            end = pf.metadata.num_row_groups if shard.end is None else shard.end
            names = pf.schema_arrow.names
        except Exception as exc:
            yield Failed(src.rel, None, "undecodable", f"unreadable Parquet file: {exc}")
            return
        row = shard.first_line
        for rg in range(shard.start, end):
            try:
                for batch in pf.iter_batches(row_groups=[rg], batch_size=1024):
                    texts = (
                        batch.column(names.index(self.text_field)).to_pylist()
                        if self.text_field in names
                        else None
                    )
                    ids = (
                        batch.column(names.index(self.id_field)).to_pylist()
                        if self.id_field in names
                        else None
                    )
                    for i in range(batch.num_rows):
                        n, row = row, row + 1
                        text = texts[i] if texts is not None else None
                        if not isinstance(text, str):
                            what = "missing" if text is None else "not a string"
                            yield Failed(
                                src.rel,
                                n,
                                "missing-text",
                                f"text field {self.text_field!r} is {what}",
                                batch.slice(i, 1).to_pylist()[0],
                            )
                            continue
                        self.bytes_read += len(text.encode("utf-8", "surrogatepass"))
                        doc_id = _doc_id(ids[i] if ids is not None else None, src.rel, n)
                        yield Doc(src.rel, n, doc_id, text, "text", (rg, batch, i))
            except Exception as exc:
                yield Failed(src.rel, row, "undecodable", f"unreadable Parquet row group {rg}: {exc}")
                return

    def _text(self) -> Iterator[Doc | Failed]:
        for src in self.shard.sources:
            try:
                with open(src.path, "rb") as fh:
                    data = fh.read()
                decoded = textio.decode(data)
            except OSError as exc:
                yield Failed(src.rel, None, "unreadable", f"cannot read: {exc.strerror or exc}")
                continue
            except textio.InputError as exc:
                yield Failed(src.rel, None, "undecodable", str(exc))
                continue
            self.bytes_read += len(data)
            kind = kind_of(src.rel)
            if kind == "notebook" and (reason := notebook.unreadable(decoded.text)):
                yield Failed(src.rel, None, "undecodable", reason)
                continue
            yield Doc(src.rel, None, src.rel, decoded.text, kind, decoded)


class Writer:
    """Writes the kept documents of one shard: a part file (JSONL, Parquet) or the text files themselves."""

    def __init__(self, shard: Shard, part_path: str, out_root: str, text_field: str) -> None:
        self.shard = shard
        self.part_path = part_path
        self.out_root = out_root
        self.text_field = text_field
        self._fh: IO[bytes] | None = None
        self._pq: Any = None
        self._pending: list[tuple[Any, list[int], list[str]]] = []
        self._rg: int | None = None
        if shard.fmt == "jsonl":
            self._fh = open_write(part_path, shard.source.compression)
        elif shard.fmt == "parquet":
            self._open_parquet()

    def write(self, doc: Doc, new_text: str) -> None:
        """Write one kept document with its (possibly unchanged) text."""
        if self.shard.fmt == "jsonl":
            self._write_jsonl(doc, new_text)
        elif self.shard.fmt == "parquet":
            self._write_parquet(doc, new_text)
        else:
            self._write_text(doc, new_text)

    def _write_jsonl(self, doc: Doc, new_text: str) -> None:
        assert self._fh is not None
        raw, obj = doc.handle
        if new_text == doc.text:
            self._fh.write(raw)
            return
        ending = raw[len(raw.rstrip(b"\r\n")) :]
        obj = dict(obj)
        obj[self.text_field] = new_text
        try:
            line = json.dumps(obj, ensure_ascii=False).encode("utf-8")
        except UnicodeEncodeError:  # lone surrogates from \\u escapes: keep them escaped
            line = json.dumps(obj).encode("ascii")
        self._fh.write(line + ending)

    def _write_text(self, doc: Doc, new_text: str) -> None:
        decoded: textio.Decoded = doc.handle
        target = os.path.join(self.out_root, *doc.source.split("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        tmp = f"{target}.repair-tmp"
        with open(tmp, "wb") as fh:
            fh.write(decoded.encode(new_text))
        os.replace(tmp, target)

    def _open_parquet(self) -> None:
        import pyarrow.parquet as pq

        try:
            pf = pq.ParquetFile(self.shard.source.path)
            schema = pf.schema_arrow
            codec = parquet_codec(pf.metadata)
        except Exception:  # the reader reports the unreadable file; write an empty part
            self._pq = None
            return
        self._schema = schema
        self._pq = pq.ParquetWriter(self.part_path, schema, compression=codec)

    def _write_parquet(self, doc: Doc, new_text: str) -> None:
        rg, batch, i = doc.handle
        if self._rg is not None and rg != self._rg:
            self._flush_parquet()
        self._rg = rg
        if not self._pending or self._pending[-1][0] is not batch:
            self._pending.append((batch, [], []))
        self._pending[-1][1].append(i)
        self._pending[-1][2].append(new_text)

    def _flush_parquet(self) -> None:
        import pyarrow as pa

        if not self._pending or self._pq is None:
            self._pending = []
            return
        index = self._schema.get_field_index(self.text_field)
        field = self._schema.field(index)
        tables = []
        for batch, rows, texts in self._pending:
            table = pa.Table.from_batches([batch.take(pa.array(rows, pa.int64()))])
            tables.append(table.set_column(index, field, pa.array(texts, type=field.type)))
        table = pa.concat_tables(tables)
        self._pq.write_table(table, row_group_size=max(1, table.num_rows))
        self._pending = []

    def close(self) -> None:
        """Finish the part file (a Parquet part with no rows still carries the schema)."""
        if self._fh is not None:
            self._fh.close()
        if self.shard.fmt == "parquet":
            self._flush_parquet()
            if self._pq is not None:
                self._pq.close()
            else:
                with contextlib.suppress(OSError):
                    open(self.part_path, "wb").close()
