"""The review report's data: documents, findings, proposed changes and their word diffs.

:func:`build` turns checked files into one JSON-ready dict that the HTML page
(:mod:`repair.render.html`) embeds and the browser renders.  The report records
its root folder (the deepest folder holding every reported file, symbolic links
resolved), each file's path relative to it and the sha256 of the file's bytes,
so :mod:`repair.decisions` can later refuse to apply decisions to a file that
changed, or to a path outside the root.

Each finding carries its replacement options: the proposed fix (its exact
edits) and the alternatives (each replacing the finding's span), every one with
a word-level diff (diff-match-patch, semantic cleanup) over a little context.  In a Jupyter
notebook that context stays inside the Markdown string the change is in, so the reviewer reads the
cell's line, not the JSON around it.
"""

from __future__ import annotations

import argparse
import bisect
import datetime
import hashlib
import json
import os
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from repair import __version__, notebook, textio
from repair.apply import splice
from repair.config import Settings
from repair.files import FileResult, Target
from repair.markup import Span
from repair.model import Edit, Finding
from repair.render.worddiff import word_ops

SCHEMA = "repair-report"
VERSION = 1
GENERATOR = '<meta name="generator" content="repair report">'
CONTEXT = 32  # characters of context on each side of a change in its word diff


class ReportError(Exception):
    """A report that cannot be made; the message is one line."""


@dataclass(frozen=True)
class Source:
    """A checked file plus what the report records about it."""

    result: FileResult
    real: str
    sha256: str


def find_root(paths: Iterable[str]) -> str:
    """The deepest folder holding every path (folders as they are, files by their folder)."""
    folders = []
    for p in paths:
        real = os.path.realpath(p)
        folders.append(real if os.path.isdir(real) else os.path.dirname(real))
    if not folders:
        raise ReportError("nothing to report")
    return os.path.commonpath(folders)


def _context(text: str, lo: int, hi: int) -> tuple[int, int]:
    """A window around ``[lo, hi)``: up to :data:`CONTEXT` characters a side, cut at a space, in one line."""
    start = max(0, lo - CONTEXT)
    line_start = max(text.rfind("\n", 0, lo), text.rfind("\r", 0, lo)) + 1
    start = max(start, line_start)
    if start > line_start:
        space = text.find(" ", start, lo)
        start = space + 1 if space >= 0 else lo
    end = min(len(text), hi + CONTEXT)
    stops = [i for i in (text.find("\n", hi), text.find("\r", hi)) if i >= 0]
    line_end = min(stops) if stops else len(text)
    end = min(end, line_end)
    if end < line_end:
        space = text.rfind(" ", hi, end)
        end = space if space >= 0 else hi
    return start, end


def compact(ops: list[list[Any]]) -> list[list[Any]]:
    """Kept and deleted text as lengths (the page reads it from the document at ``at``), inserts as text."""
    return [[op, len(chunk)] if op <= 0 else [op, chunk] for op, chunk in ops]


def expand(text: str, at: int, ops: list[list[Any]]) -> list[list[Any]]:
    """The inverse of :func:`compact`, given the document text and the window start."""
    out = []
    for op, value in ops:
        if op <= 0:
            out.append([op, text[at : at + value]])
            at += value
        else:
            out.append([op, value])
    return out


def _start(span: Span) -> int:
    return span.start


def _within(
    text: str, strings: Sequence[Span], lo: int, hi: int, start: int, end: int
) -> tuple[int, int, bool, bool]:
    """The window ``[start, end)`` of a change ``[lo, hi)`` cut to the strings (sorted spans of
    string content) that hold it, and before the escaped line end ("\\n") that closes a notebook's
    line, with whether it reaches its strings' start and end; unchanged (and neither) when the
    change is not inside them."""
    i = bisect.bisect_right(strings, lo, key=_start) - 1
    j = bisect.bisect_right(strings, max(lo, hi - 1), key=_start) - 1
    if i < 0 or lo > strings[i].end or hi > strings[j].end:
        return start, end, False, False
    start, end = max(start, strings[i].start), min(end, strings[j].end)
    whole = end == strings[j].end
    if whole and end - 2 >= hi and text.endswith("n", 0, end):
        before = text[start : end - 1]
        if (len(before) - len(before.rstrip("\\"))) % 2:  # \n ends a line; \\n is a backslash and "n"
            end -= 2
    return start, end, start == strings[i].start, whole


def option(
    text: str, kind: str, replacement: str, edits: Sequence[Edit], strings: Sequence[Span] = ()
) -> dict[str, Any]:
    """One replacement option with its edits and its word diff over a little context (inside
    ``strings``, when given: a notebook's Markdown strings).

    ``diff`` is compact (see :func:`compact`): the window starts at ``at`` in the
    document, so only inserted text is stored, which keeps large reports small.
    """
    lo = min(e.start for e in edits)
    hi = max(e.end for e in edits)
    start, end = _context(text, lo, hi)
    first = last = False  # the window reaches the start or end of a string of ``strings``
    if strings:
        start, end, first, last = _within(text, strings, lo, hi, start, end)
    after = splice(text[start:end], [Edit(e.start - start, e.end - start, e.replacement) for e in edits])
    return {
        "kind": kind,
        "text": replacement,
        "edits": [[e.start, e.end, e.replacement] for e in sorted(edits)],
        "at": start,
        "diff": compact(word_ops(text[start:end], after)),
        "more_before": start > 0 and text[start - 1] not in "\r\n" and not first,
        "more_after": end < len(text) and text[end] not in "\r\n" and not last,
    }


def finding_record(text: str, f: Finding, fid: str, strings: Sequence[Span] = ()) -> dict[str, Any]:
    """A finding as the page needs it (``strings``: see :func:`option`)."""
    options = []
    if f.fix:
        options.append(option(text, "fix", f.fixed_span_text(), f.fix, strings))
    for alt in (a for a in f.alternatives if not options or a != options[0]["text"]):
        options.append(option(text, "alternative", alt, (Edit(f.start, f.end, alt),), strings))
    return {
        "id": fid,
        "rule": f.rule,
        "category": f.category.value,
        "start": f.start,
        "end": f.end,
        "message": f.message,
        "explanation": f.explanation,
        "confidence": round(f.confidence, 3),
        "applicability": f.applicability.value,
        "options": options,
    }


def _markdown_strings(text: str) -> tuple[Span, ...]:
    """The Markdown strings of a notebook's text (none when it is no notebook)."""
    try:
        return notebook.view(text).prose
    except notebook.NotebookError:
        return ()


def build(sources: Sequence[Source], root: str, created: str | None = None) -> dict[str, Any]:
    """The report's data: every document (text only where there are findings), with a stable id."""
    docs = []
    for i, s in enumerate(sources):
        r = s.result
        assert r.document is not None
        rel = os.path.relpath(s.real, root).replace(os.sep, "/")
        text = r.document.text
        strings = _markdown_strings(text) if r.document.kind == "notebook" and r.findings else ()
        docs.append(
            {
                "path": rel,
                "sha256": s.sha256,
                "encoding": r.decoded.encoding if r.decoded else "utf-8",
                "metrics": {k: round(v, 4) for k, v in sorted(r.metrics.items())},
                "text": text if r.findings else None,
                "findings": [finding_record(text, f, f"d{i}f{j}", strings) for j, f in enumerate(r.findings)],
            }
        )
    ident = hashlib.sha256(
        json.dumps([root, [[d["path"], d["sha256"], d["findings"]] for d in docs]], sort_keys=True).encode()
    ).hexdigest()[:16]
    return {
        "schema": SCHEMA,
        "version": VERSION,
        "id": ident,
        "tool": f"repair {__version__}",
        "created": created or datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "root": root,
        "documents": docs,
    }


def source(result: FileResult) -> Source:
    """A checked file with its real path and content hash; :class:`ReportError` if it changed meanwhile."""
    real = os.path.realpath(result.path)
    try:
        with open(real, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise ReportError(f"{result.path}: cannot read: {(exc.strerror or str(exc)).lower()}") from None
    try:
        same = result.document is not None and textio.decode(data).text == result.document.text
    except textio.InputError:
        same = False
    if not same:
        raise ReportError(f"{result.path}: changed while the report was being made; run it again")
    digest = hashlib.sha256(data).hexdigest()
    return Source(result, real, digest)


def reviewable(
    loaded: Sequence[tuple[Target, FileResult, Settings]], output: str
) -> list[tuple[Target, FileResult, Settings]]:
    """The loaded files minus the report being written and earlier repair reports (said on stderr)."""
    out_real = os.path.realpath(output)
    keep = []
    for item in loaded:
        result = item[1]
        if os.path.realpath(result.path) == out_real:
            continue  # never report on the report itself
        if result.document is not None and GENERATOR in result.document.text[:2048]:
            print(f"repair: skipped {result.path}: a repair report", file=sys.stderr)
            continue
        keep.append(item)
    return keep


def run(args: argparse.Namespace, results: Sequence[FileResult], status: int) -> int:
    """``repair report``: write the HTML report on the checked ``results`` to ``args.output``."""
    from repair.render import html

    sources = []
    for result in results:
        if result.error:
            print(f"repair: {result.path}: {result.error}", file=sys.stderr)
            status = 2
            continue
        sources.append(source(result))
    if not sources:
        raise ReportError("no readable files to report on")
    data = build(sources, find_root(args.paths))
    page = html.render(data)
    folder = os.path.dirname(os.path.abspath(args.output))
    try:
        os.makedirs(folder, exist_ok=True)
        tmp = args.output + ".tmp"
        with open(tmp, "w", encoding="utf-8", newline="\n") as fh:
            fh.write(page)
        os.replace(tmp, args.output)
    except OSError as exc:
        raise ReportError(f"{args.output}: cannot write the report: {exc.strerror or exc}") from None
    count = sum(len(d["findings"]) for d in data["documents"])
    print(
        f"Wrote {args.output}: {count} finding{'s' * (count != 1)} in {len(data['documents'])} "
        f"file{'s' * (len(data['documents']) != 1)} (root {data['root']})."
    )
    return status
