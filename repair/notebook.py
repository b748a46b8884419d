"""Jupyter notebooks (``.ipynb``): the prose of their Markdown cells, checked as Markdown.

A notebook is a JSON file whose cells hold their source as JSON strings ("source": a string or
a list of lines).  ``repair`` reads and writes the file's text as it is; the detectors see a
*view* of it: the Markdown cells' sources decoded from their strings, in order, with the source
of each code or raw cell between them as a fenced code block (code the prose may name), a blank
line between cells, and no outputs.  Every character of the view that comes from the file knows
the span of the file it was decoded from (an escape such as ``\\"`` or ``\\u00e9`` is one view
character and several file characters), so findings are mapped back to offsets in the file's
text, and a fix's replacement is escaped as a JSON string's content.  Fixing therefore changes
the content of Markdown strings only: the notebook stays valid JSON, laid out as it was.  A fix
over two lines (a line-end hyphen) writes its text where it begins and deletes the rest from the
strings after (:meth:`View.edits`); the file's JSON outside the Markdown strings is protected, so
the verification that guards markup refuses anything else.

Formats 4 (``cells``), 3 and 2 (``worksheets`` of cells, code in ``input``, heading cells, lines
stored without their line ends) are read.
"""

from __future__ import annotations

import bisect
import dataclasses
import functools
import json
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex

from repair.markup import Span
from repair.model import Applicability, Edit, Finding

if TYPE_CHECKING:  # document imports this module
    from repair.document import Document

_SPACE = regex.compile(r"[ \t\r\n]*")
# a JSON string literal, the loop unrolled so that a long one (an image in an output) is one scan
_STRING = regex.compile(r'"[^"\\\x00-\x1f]*(?:\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4})[^"\\\x00-\x1f]*)*"')
_NUMBER = regex.compile(r"-?(?:0|[1-9][0-9]*)(?:\.[0-9]+)?(?:[eE][+-]?[0-9]+)?")
_ESCAPE = regex.compile(r"\\(?:u([0-9a-fA-F]{4})|(.))", regex.DOTALL)
_SIMPLE = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
_LITERALS = (("true", True), ("false", False), ("null", None))


class NotebookError(ValueError):
    """A file that is not a Jupyter notebook this module reads; the message is one line."""


@dataclass(frozen=True)
class _String:
    """A JSON string literal: the span of its content in the file (quotes excluded)."""

    start: int
    end: int

    def value(self, text: str) -> str:
        """The decoded string."""
        return str(json.loads(text[self.start - 1 : self.end + 1]))


_Value = object  # a parsed JSON value: dict (keys decoded), list, _String, number, bool or None


def _parse(text: str) -> _Value:
    """The JSON value of ``text``, with each string left as a :class:`_String` span."""
    try:
        value, end = _value(text, _SPACE.match(text, 0).end())
    except (IndexError, RecursionError, ValueError) as exc:
        raise NotebookError(str(exc) if isinstance(exc, NotebookError) else "not valid JSON") from None
    end = _SPACE.match(text, end).end()
    if end != len(text):
        raise NotebookError(_where(text, end, "text after the JSON value"))
    return value


def _where(text: str, pos: int, what: str) -> str:
    line = text.count("\n", 0, pos) + 1
    return f"{what} at line {line}, column {pos - text.rfind(chr(10), 0, pos)}"


def _value(text: str, i: int) -> tuple[_Value, int]:
    """The value starting at ``i`` (no space before it) and the offset after it."""
    if i >= len(text):
        raise NotebookError(_where(text, i, "unexpected end of the file"))
    c = text[i]
    if c == '"':
        m = _STRING.match(text, i)
        if m is None:
            raise NotebookError(_where(text, i, "bad string"))
        return _String(i + 1, m.end() - 1), m.end()
    if c == "{":
        obj: dict[str, _Value] = {}
        i = _SPACE.match(text, i + 1).end()
        if text[i : i + 1] == "}":
            return obj, i + 1
        while True:
            key, i = _value(text, i)
            if not isinstance(key, _String):
                raise NotebookError(_where(text, i, "expected a key"))
            i = _SPACE.match(text, i).end()
            if text[i : i + 1] != ":":
                raise NotebookError(_where(text, i, "expected ':'"))
            obj[key.value(text)], i = _value(text, _SPACE.match(text, i + 1).end())
            i = _SPACE.match(text, i).end()
            if text[i : i + 1] == "}":
                return obj, i + 1
            if text[i : i + 1] != ",":
                raise NotebookError(_where(text, i, "expected ',' or '}'"))
            i = _SPACE.match(text, i + 1).end()
    if c == "[":
        items: list[_Value] = []
        i = _SPACE.match(text, i + 1).end()
        if text[i : i + 1] == "]":
            return items, i + 1
        while True:
            item, i = _value(text, i)
            items.append(item)
            i = _SPACE.match(text, i).end()
            if text[i : i + 1] == "]":
                return items, i + 1
            if text[i : i + 1] != ",":
                raise NotebookError(_where(text, i, "expected ',' or ']'"))
            i = _SPACE.match(text, i + 1).end()
    for word, literal in _LITERALS:
        if text.startswith(word, i):
            return literal, i + len(word)
    m = _NUMBER.match(text, i)
    if m is None:
        raise NotebookError(_where(text, i, "unexpected character"))
    return float(m.group()), m.end()


@dataclass(frozen=True)
class _Cell:
    """One cell: its kind ("markdown", "code", "raw", "heading") and its source strings."""

    kind: str
    source: tuple[_String, ...]
    level: int = 0  # a format-3 heading cell's level
    #: the strings are lines without their line ends, which the reader puts back (formats 2 and 3
    #: allowed lines split so: nbformat's ``_join_lines`` joins them with "\n")
    bare_lines: bool = False


def _cells(text: str) -> tuple[tuple[_Cell, ...], str]:
    """The cells of the notebook ``text`` and the language of its code cells."""
    top = _parse(text)
    if not isinstance(top, dict):
        raise NotebookError("not a Jupyter notebook (no JSON object)")
    raw_cells: list[_Value] = []
    if isinstance(top.get("cells"), list):
        raw_cells = top["cells"]
    elif isinstance(top.get("worksheets"), list):
        for sheet in top["worksheets"]:
            if isinstance(sheet, dict) and isinstance(sheet.get("cells"), list):
                raw_cells.extend(sheet["cells"])
    else:
        raise NotebookError("not a Jupyter notebook (no cells)")
    version = top.get("nbformat")
    old_format = isinstance(version, float) and version < 4
    cells = []
    for raw in raw_cells:
        if not isinstance(raw, dict) or not isinstance(raw.get("cell_type"), _String):
            raise NotebookError("not a Jupyter notebook (a cell without a cell_type)")
        kind = raw["cell_type"].value(text)
        source = raw.get("source", raw.get("input", []))  # format 3 keeps code in "input"
        if isinstance(source, _String):
            source = [source]
        strings = tuple(source) if isinstance(source, list) else ()
        if not all(isinstance(s, _String) for s in strings):
            raise NotebookError("not a Jupyter notebook (a cell's source is not text)")
        level = raw.get("level")
        bare = old_format and len(strings) > 1 and not strings[0].value(text).endswith(("\n", "\r"))
        cells.append(_Cell(kind, strings, int(level) if isinstance(level, float) else 0, bare))
    return tuple(cells), _language(top, text)


def _language(top: dict[str, _Value], text: str) -> str:
    """The notebook's programming language, for its code cells' fences ("" when unnamed)."""
    meta = top.get("metadata")
    for key, field in (("kernelspec", "language"), ("language_info", "name")):
        part = meta.get(key) if isinstance(meta, dict) else None
        value = part.get(field) if isinstance(part, dict) else None
        if isinstance(value, _String):
            name = value.value(text)
            if name.isidentifier():
                return name
    return ""


@dataclass(frozen=True)
class View:
    """The Markdown the detectors read, and where each of its characters came from.

    ``starts[i]``/``ends[i]``: the span of ``file`` that view character ``i`` was decoded from;
    -1 for a character the view adds (fences, line ends between cells)."""

    file: str  # the notebook's text
    text: str
    starts: tuple[int, ...]
    ends: tuple[int, ...]
    prose: tuple[Span, ...]  # the Markdown cells' strings in the file (all else is protected)
    ascii_only: bool  # the file escapes every non-ASCII character ("\u00e9"), as it should stay

    def span(self, start: int, end: int) -> tuple[int, int] | None:
        """The file's span for the view's ``[start, end)``; None when an end is added text."""
        if start == end:
            at = self._point(start)
            return None if at is None else (at, at)
        a, b = self.starts[start], self.ends[end - 1]
        return None if a < 0 or b < 0 else (a, b)

    def _point(self, pos: int) -> int | None:
        """The file offset of an insertion at view offset ``pos``: after the character before it,
        else before the one after it."""
        if pos > 0 and self.ends[pos - 1] >= 0:
            return self.ends[pos - 1]
        if pos < len(self.starts) and self.starts[pos] >= 0:
            return self.starts[pos]
        return None

    def _string_of(self, start: int, end: int) -> Span | None:
        """The Markdown string of the file that holds ``[start, end)``, if one does."""
        i = bisect.bisect_right(self._prose_starts, start) - 1
        if i >= 0 and self.prose[i].end >= end:
            return self.prose[i]
        return None

    @functools.cached_property
    def _prose_starts(self) -> list[int]:
        return [s.start for s in self.prose]

    def edits(self, e: Edit) -> tuple[Edit, ...] | None:
        """View edit ``e`` as edits of the file's Markdown strings; None when it cannot be one.

        An edit over several strings (two lines joined: "infor-" ending one, "mation" opening the
        next) writes its replacement where it begins and deletes the rest of its text from the
        strings after, which stay where they are: the fixed view is the same, the layout too."""
        if e.start == e.end:
            at = self._point(e.start)
            held = None if at is None else self._string_of(at, at)
            if at is None or held is None or held.start == held.end:
                return None
            if at < held.end:
                return (Edit(at, at, self.escape(e.replacement)),)
            # at the end of its string, where the closing quote follows: rewrite the last character
            last = self.starts[e.start - 1]
            return (Edit(last, at, self.file[last:at] + self.escape(e.replacement)),)
        runs: list[list[int]] = []  # [file start, file end] of each run of contiguous characters
        for k in range(e.start, e.end):
            a, b = self.starts[k], self.ends[k]
            if a < 0:
                return None  # text the view adds: a cell's end
            if runs and runs[-1][1] == a:
                runs[-1][1] = b
            else:
                runs.append([a, b])
        if any(self._string_of(a, b) is None for a, b in runs):
            return None
        first, *rest = runs
        return (Edit(first[0], first[1], self.escape(e.replacement)), *(Edit(a, b, "") for a, b in rest))

    def escape(self, s: str) -> str:
        """``s`` written as the content of a JSON string of this file."""
        return json.dumps(s, ensure_ascii=self.ascii_only)[1:-1]

    def to_file(self, found: Finding) -> Finding | None:
        """``found`` (in view offsets) in the file's offsets, its replacements escaped; None when it
        lies on text the view adds.  A fix that cannot be written into the Markdown strings is
        dropped, and the finding is shown only."""
        span = self.span(found.start, found.end)
        if span is None:
            return None
        edits: list[Edit] = []
        for e in found.fix:
            mapped = self.edits(e)
            if mapped is None:
                edits = []
                break
            edits.extend(mapped)
        return dataclasses.replace(
            found,
            start=span[0],
            end=span[1],
            fix=tuple(edits),
            alternatives=tuple(self.escape(a) for a in found.alternatives),
            applicability=found.applicability if edits or not found.fix else Applicability.DISPLAY,
        )


def _decoded(text: str, s: _String) -> Iterator[tuple[str, int, int]]:
    """The characters of string ``s``, each with the span of the file it was written as."""
    pos = s.start
    for m in _ESCAPE.finditer(text, s.start, s.end):
        for k in range(pos, m.start()):
            yield text[k], k, k + 1
        hexa, simple = m.group(1), m.group(2)
        yield (chr(int(hexa, 16)) if hexa else _SIMPLE.get(simple, simple)), m.start(), m.end()
        pos = m.end()
    for k in range(pos, s.end):
        yield text[k], k, k + 1


def _joined(chars: Iterator[tuple[str, int, int]]) -> Iterator[tuple[str, int, int]]:
    """``chars`` with each pair of escaped surrogates ("\\ud83d\\ude00") made one character."""
    held: tuple[str, int, int] | None = None
    for c in chars:
        if held is not None:
            if "\udc00" <= c[0] <= "\udfff":
                yield (chr(0x10000 + ((ord(held[0]) - 0xD800) << 10) + ord(c[0]) - 0xDC00), held[1], c[2])
                held = None
                continue
            yield held
            held = None
        if "\ud800" <= c[0] <= "\udbff":
            held = c
        else:
            yield c
    if held is not None:
        yield held


@functools.lru_cache(maxsize=8)
def view(text: str) -> View:
    """The view of the notebook ``text`` (:class:`NotebookError` when it is none)."""
    cells, language = _cells(text)
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    prose: list[Span] = []

    def add(s: str) -> None:
        chars.append(s)
        starts.extend([-1] * len(s))
        ends.extend([-1] * len(s))

    for cell in cells:
        decoded: list[tuple[str, int, int]] = []
        for k, s in enumerate(cell.source):
            if k and cell.bare_lines:
                decoded.append(("\n", -1, -1))  # the line end the reader puts back
            decoded.extend(_joined(_decoded(text, s)))
        body = "".join(c for c, _, _ in decoded)
        fence = ""  # code and raw cells: a fence longer than any run of backticks in them
        if cell.kind in ("markdown", "heading"):
            prose.extend(Span(s.start, s.end, "prose") for s in cell.source if s.end > s.start)
            if cell.kind == "heading":
                add("#" * max(1, min(cell.level, 6)) + " ")
        else:
            fence = "`" * max(3, 1 + max((len(r) for r in regex.findall(r"`+", body)), default=0))
            add(f"{fence}{language if cell.kind == 'code' else ''}\n")
        chars.append(body)
        starts.extend(a for _, a, _ in decoded)
        ends.extend(b for _, _, b in decoded)
        if body and not body.endswith("\n"):
            add("\n")
        if fence:
            add(f"{fence}\n")
        add("\n")
    return View(text, "".join(chars), tuple(starts), tuple(ends), tuple(prose), text.isascii())


def protected_spans(text: str) -> list[Span]:
    """Everything of the notebook ``text`` but the Markdown cells' strings (all of it when it is
    no notebook)."""
    try:
        prose = view(text).prose
    except NotebookError:
        return [Span(0, len(text), "code")] if text else []
    out, pos = [], 0
    for s in prose:
        if s.start > pos:
            out.append(Span(pos, s.start, "code"))
        pos = s.end
    if pos < len(text):
        out.append(Span(pos, len(text), "code"))
    return out


def analyze(doc: Document, run: Callable[[Document], list[Finding]]) -> list[Finding]:
    """The findings ``run`` makes on the view of the notebook ``doc``, in the file's offsets
    (none when ``doc`` is no notebook: :func:`view` says why)."""
    from repair.document import Document

    try:
        seen = view(doc.text)
    except NotebookError:
        return []
    inner = Document.from_text(seen.text, path=doc.path, kind="markdown", options=doc.options)
    mapped = (seen.to_file(f) for f in run(inner))  # the map keeps the order: no new sort
    return [f for f in mapped if f is not None]


def validate(text: str) -> None:
    """Raise :class:`NotebookError` unless ``text`` is still a notebook (after fixing)."""
    view(text)


def unreadable(text: str) -> str | None:
    """Why a file named as a notebook cannot be read as one (a one-line reason), or None."""
    try:
        view(text)
    except NotebookError as exc:
        return f"not a Jupyter notebook: {exc}"
    return None
