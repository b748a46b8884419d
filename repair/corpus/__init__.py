"""Corpus mode: clean thousands to millions of documents, locally or on a Dask cluster.

``repair corpus IN OUT`` reads a folder of text/Markdown files, a JSONL file or
a folder of JSONL shards (plain, ``.gz`` or ``.zst``), or Parquet, and writes
the cleaned documents to OUT in the same format and layout, next to
``repair.findings.jsonl``, ``repair.rejected.jsonl``, ``repair.errors.jsonl``
and ``repair.summary.json``.

Modules, one job each:

- :mod:`repair.corpus.plan` finds the input files and cuts them into shards
  (byte ranges of big JSONL files, row-group ranges of Parquet files, groups of
  small text files);
- :mod:`repair.corpus.formats` reads the documents of one shard and writes
  them back in their own format;
- :mod:`repair.corpus.shard` is the per-shard function, pure and
  deterministic, that both engines run;
- :mod:`repair.corpus.local` (worker processes) and :mod:`repair.corpus.dask`
  (``dask.distributed``) schedule the shards;
- :mod:`repair.corpus.state` keeps the manifest of finished shards (resume)
  and assembles the final output;
- :mod:`repair.corpus.summary` merges per-shard counts into the summary;
- :mod:`repair.corpus.run` ties them together for the command line.

The optional dependencies (``pip install 'repair[corpus]'``: pyarrow,
zstandard, dask[distributed]) are imported only where needed.
"""
