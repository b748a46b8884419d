"""``repair apply``: apply exactly the decisions accepted in an HTML review report.

The decisions file (exported by the report page) is JSON, schema version 1::

    {
      "schema": "repair-decisions",
      "version": 1,
      "report_id": "3f2a…",              # the report it came from
      "root": "/abs/path/of/the/report/root",
      "created": "2026-11-28T23:00:00Z",  # optional
      "tool": "repair 0.1.0",             # optional
      "files": [
        {
          "path": "sub/file.txt",         # relative to root, '/'-separated
          "sha256": "…",                  # of the file's bytes when the report was made
          "decisions": [
            {
              "finding": "d0f3",          # the finding's id in the report
              "rule": "SCR001", "category": "scrape",
              "start": 120, "end": 135,   # the finding's span (code points into the decoded text)
              "original": "Credit:AP",    # text[start:end] when the report was made
              "status": "accepted",       # or "rejected" (kept for the record, never applied)
              "choice": "fix",            # accepted only: "fix" | "alternative" | "edit"
              "alternative": 1,           # with choice "alternative": its option index in the report
              "replacement": "",          # what the span becomes (for people; edits are authoritative)
              "edits": [{"start": 120, "end": 135, "replacement": ""}]
            }
          ]
        }
      ]
    }

Every file is checked before anything is written: its path must lie inside
the root (no absolute path, no ``..``, no symbolic link leading out), its bytes
must still have the recorded sha256, every decision's ``original`` must match,
accepted edits must not overlap, and the result must pass
:func:`repair.apply.verify`.  Any failure refuses the whole run with one line;
nothing is written.  Then each changed file is written atomically in its own
encoding (:func:`repair.textio.write_atomic`).
"""

from __future__ import annotations

import hashlib
import json
import os
import stat
import sys
from dataclasses import dataclass
from typing import Any

from repair import notebook, textio
from repair.apply import UnsafeFixError, splice, verify
from repair.document import Document
from repair.model import Edit

SCHEMA = "repair-decisions"
VERSION = 1
STATUSES = ("accepted", "rejected")
CHOICES = ("fix", "alternative", "edit")


class DecisionsError(Exception):
    """Decisions that cannot be applied; the message is one line and nothing was written."""


@dataclass(frozen=True)
class Planned:
    """One file's outcome, computed before anything is written."""

    rel: str
    path: str
    decoded: textio.Decoded
    document: Document
    new_text: str
    accepted: int
    rejected: int


def _need(cond: bool, where: str, what: str) -> None:
    if not cond:
        raise DecisionsError(f"{where}: {what}")


def _int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def load(path: str) -> dict[str, Any]:
    """Read and validate a decisions file (structure and types only)."""
    try:
        with open(path, encoding="utf-8") as fh:
            data: Any = json.load(fh)
    except OSError as exc:
        raise DecisionsError(f"{path}: cannot read: {(exc.strerror or str(exc)).lower()}") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise DecisionsError(f"{path}: not valid JSON ({exc})".replace("\n", " ")) from None
    _need(isinstance(data, dict) and data.get("schema") == SCHEMA, path, f"not a {SCHEMA} file")
    version = data.get("version")
    _need(version == VERSION, path, f"unsupported version {version!r} (expected {VERSION})")
    _need(isinstance(data.get("root"), str) and data["root"] != "", path, "'root' must be a folder path")
    _need(isinstance(data.get("files"), list), path, "'files' must be a list")
    for i, f in enumerate(data["files"]):
        where = f"{path}: files[{i}]"
        _need(isinstance(f, dict), where, "must be an object")
        _need(isinstance(f.get("path"), str) and f["path"] != "", where, "'path' must be a non-empty string")
        sha = f.get("sha256")
        _need(
            isinstance(sha, str) and len(sha) == 64 and all(c in "0123456789abcdef" for c in sha),
            where,
            "'sha256' must be 64 lower-case hex digits",
        )
        _need(isinstance(f.get("decisions"), list), where, "'decisions' must be a list")
        for j, d in enumerate(f["decisions"]):
            _check_decision(d, f"{where}.decisions[{j}]")
    checked: dict[str, Any] = data
    return checked


def _check_decision(d: Any, where: str) -> None:
    _need(isinstance(d, dict), where, "must be an object")
    _need(d.get("status") in STATUSES, where, f"'status' must be one of {', '.join(STATUSES)}")
    _need(_int(d.get("start")) and _int(d.get("end")) and d["start"] <= d["end"], where, "bad 'start'/'end'")
    _need(isinstance(d.get("original"), str), where, "'original' must be a string")
    if d["status"] != "accepted":
        return
    _need(d.get("choice") in CHOICES, where, f"'choice' must be one of {', '.join(CHOICES)}")
    edits = d.get("edits")
    _need(isinstance(edits, list) and bool(edits), where, "'edits' must be a non-empty list")
    for k, e in enumerate(edits):
        ok = (
            isinstance(e, dict)
            and _int(e.get("start"))
            and _int(e.get("end"))
            and e["start"] <= e["end"]
            and isinstance(e.get("replacement"), str)
        )
        _need(ok, f"{where}.edits[{k}]", "needs integer 'start' <= 'end' and a string 'replacement'")


def resolve(root: str, rel: str) -> str:
    """The file ``rel`` names under ``root``; :class:`DecisionsError` if it lies outside the root."""
    drive = len(rel) > 1 and rel[1] == ":"
    if "\\" in rel or "\x00" in rel or rel.startswith("/") or os.path.isabs(rel) or drive:
        raise DecisionsError(f"{rel}: path outside the report's root {root} (absolute or not a '/' path)")
    parts = rel.split("/")
    if any(p in ("", ".", "..") for p in parts):
        raise DecisionsError(f"{rel}: path outside the report's root {root} ('..', '.' or empty part)")
    real_root = os.path.realpath(root)
    real = os.path.realpath(os.path.join(real_root, *parts))
    if os.path.commonpath([real_root, real]) != real_root:
        raise DecisionsError(f"{rel}: path outside the report's root {root} (a symbolic link leads out)")
    return real


def _overlap(a: Edit, b: Edit) -> bool:
    if a.start == a.end:
        return b.start <= a.start <= b.end
    if b.start == b.end:
        return a.start <= b.start <= a.end
    return a.start < b.end and b.start < a.end


def plan_file(root: str, entry: dict[str, Any]) -> Planned:
    """Check one file and compute its new text (nothing written)."""
    rel = entry["path"]
    path = resolve(root, rel)
    try:
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        reason = (exc.strerror or str(exc)).lower()
        raise DecisionsError(f"{rel}: cannot read: {reason}; nothing written") from None
    if hashlib.sha256(data).hexdigest() != entry["sha256"]:
        raise DecisionsError(f"{rel}: changed since the report was made (sha256 differs); nothing written")
    try:
        decoded = textio.decode(data)
    except textio.InputError as exc:
        raise DecisionsError(f"{rel}: {exc}; nothing written") from None
    text = decoded.text
    doc = Document.from_text(text, path=path)
    edits: list[tuple[Edit, str]] = []
    accepted = rejected = 0
    for d in entry["decisions"]:
        who = f"{rel}: decision {d.get('finding', '?')}"
        if d["end"] > len(text) or text[d["start"] : d["end"]] != d["original"]:
            raise DecisionsError(f"{who}: the text at {d['start']}:{d['end']} is not {d['original']!r}")
        if d["status"] != "accepted":
            rejected += 1
            continue
        accepted += 1
        for e in d["edits"]:
            edit = Edit(e["start"], e["end"], e["replacement"])
            if edit.end > len(text):
                raise DecisionsError(f"{who}: edit {edit.start}:{edit.end} runs past the end of the text")
            for other, owner in edits:
                if _overlap(edit, other):
                    raise DecisionsError(f"{who}: overlaps decision {owner}; accept only one of them")
            edits.append((edit, str(d.get("finding", "?"))))
    plain = [e for e, _ in edits]
    try:
        new_text = splice(text, plain)
        verify(doc, new_text, plain)
    except UnsafeFixError as exc:
        raise DecisionsError(f"{rel}: refused, {exc}; nothing written") from None
    if doc.kind == "notebook":
        try:  # a hand edit is written as typed: a bare quote in it would end its JSON string
            notebook.validate(new_text)
        except notebook.NotebookError as exc:
            raise DecisionsError(
                f"{rel}: refused, the notebook would no longer be JSON ({exc}); nothing written"
            ) from None
    if not decoded.can_encode(new_text):
        raise DecisionsError(f"{rel}: the result cannot be written in {decoded.encoding}; nothing written")
    return Planned(rel, path, decoded, doc, new_text, accepted, rejected)


def plan(data: dict[str, Any]) -> list[Planned]:
    """Every file's outcome, or :class:`DecisionsError` at the first problem."""
    root = data["root"]
    if not os.path.isabs(root) or not os.path.isdir(root):
        raise DecisionsError(f"the report's root {root} is not an existing absolute folder; nothing written")
    seen: set[str] = set()
    planned = []
    for entry in data["files"]:
        p = plan_file(root, entry)
        if p.path in seen:
            raise DecisionsError(f"{entry['path']}: listed twice; nothing written")
        seen.add(p.path)
        planned.append(p)
    return planned


def _diff(p: Planned) -> str:
    from repair.files import FileResult
    from repair.render.diff import unified

    return unified(FileResult(p.rel, document=p.document, decoded=p.decoded, fixed_text=p.new_text))


def run(path: str, diff: bool = False) -> int:
    """``repair apply DECISIONS.json [--diff]``: exit 0 when applied (or diffed); errors raise."""
    planned = plan(load(path))
    accepted = sum(p.accepted for p in planned)
    rejected = sum(p.rejected for p in planned)
    changed = [p for p in planned if p.new_text != p.document.text]
    if diff:
        sys.stdout.write("".join(_diff(p) for p in changed))
        return 0
    for p in changed:
        if not os.stat(p.path).st_mode & stat.S_IWUSR:
            raise DecisionsError(f"{p.rel}: read-only file; nothing written")
    written = 0
    for p in changed:
        try:
            textio.write_atomic(p.path, p.decoded.encode(p.new_text))
        except textio.InputError as exc:
            raise DecisionsError(
                f"{p.rel}: {exc} ({written} of {len(changed)} files were written before this one)"
            ) from None
        written += 1
    print(
        f"Applied {accepted} accepted decision{'s' * (accepted != 1)} to {written} "
        f"file{'s' * (written != 1)}; {rejected} rejected left as they were."
    )
    return 0
