"""Finding the files a command works on, and checking or fixing one file.

A path given on the command line is taken whatever its extension; a folder is
walked for files matching the include globs (not the exclude globs), skipping
``.git`` and hidden folders, in sorted order, each real file once.
"""

from __future__ import annotations

import fnmatch
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field

from repair import engine, notebook, registry, textio
from repair.apply import UnsafeFixError
from repair.config import Settings
from repair.document import Document
from repair.model import Finding
from repair.registry import UnknownRuleError

STDIN = "-"


class PathError(Exception):
    """A path argument that names nothing usable; the message is one line."""


@dataclass(frozen=True)
class Target:
    """A file to process: its path, and whether the user named it explicitly."""

    path: str
    explicit: bool


@dataclass
class FileResult:
    """What happened to one file."""

    path: str
    document: Document | None = None
    decoded: textio.Decoded | None = None
    findings: list[Finding] = field(default_factory=list)
    fixed_text: str | None = None
    applied: int = 0
    error: str | None = None
    skipped: bool = False
    metrics: dict[str, float] = field(default_factory=dict)

    @property
    def changed(self) -> bool:
        """Whether fixing changed the text."""
        return (
            self.fixed_text is not None
            and self.document is not None
            and self.fixed_text != self.document.text
        )


def matches(rel: str, globs: tuple[str, ...]) -> bool:
    """Whether the relative path ``rel`` or its base name matches one of ``globs``."""
    name = os.path.basename(rel)
    return any(fnmatch.fnmatch(rel, g) or fnmatch.fnmatch(name, g) for g in globs)


def walk(folder: str, settings: Settings) -> Iterator[str]:
    """Text files under ``folder``, sorted, hidden folders and ``.git`` skipped."""
    root = settings.root or folder
    for here, dirs, files in os.walk(folder, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.startswith("."):
                continue
            path = os.path.join(here, name)
            rel = os.path.relpath(path, root).replace(os.sep, "/")
            if matches(name, settings.include) and not matches(rel, settings.exclude):
                yield path


def targets(paths: list[str], settings_for: Callable[[str], Settings]) -> Iterator[Target]:
    """Expand path arguments into files; :class:`PathError` for one that names nothing usable."""
    seen: set[str] = set()
    for p in paths:
        if p == STDIN:
            yield Target(STDIN, True)
            continue
        try:
            os.stat(p)
        except OSError as exc:
            if os.path.islink(p):
                raise PathError(
                    f"{p}: broken or looping symbolic link ({(exc.strerror or '').lower()})"
                ) from None
            raise PathError(f"{p}: no such file or directory") from None
        if os.path.isdir(p):
            settings = settings_for(p)
            found = False
            for f in walk(p, settings):
                real = os.path.realpath(f)
                found = True
                if real not in seen:
                    seen.add(real)
                    yield Target(f, False)
            if not found:
                raise PathError(f"{p}: no text files found (looked for {', '.join(settings.include)})")
        else:
            real = os.path.realpath(p)
            if real not in seen:
                seen.add(real)
                yield Target(p, True)


def load(path: str, settings: Settings, stdin_text: str | None = None) -> FileResult:
    """Read and decode one file into a document (or a result carrying the reason it was skipped)."""
    result = FileResult(path)
    try:
        if path == STDIN:
            decoded = textio.Decoded(stdin_text or "", "utf-8")
        else:
            if not os.path.isfile(path):
                raise textio.InputError("not a regular file")
            decoded = textio.read(path, settings.max_file_size)
    except textio.InputError as exc:
        result.error, result.skipped = str(exc), True
        return result
    result.decoded = decoded
    result.document = Document.from_text(
        decoded.text, path=None if path == STDIN else path, options=settings.options
    )
    if result.document.kind == "notebook" and (reason := notebook.unreadable(decoded.text)):
        result.document, result.error, result.skipped = None, reason, True
    return result


def check_file(result: FileResult, settings: Settings) -> FileResult:
    """Fill in the findings of a loaded file."""
    if result.document is None:
        return result
    try:
        result.findings = engine.analyze(result.document, settings.codes, settings.min_confidence)
    except UnknownRuleError as exc:
        result.error = f"inline suppression: {exc}"
        return result
    result.metrics = registry.document_metrics(result.document, result.findings)
    return result


def fix_file(result: FileResult, settings: Settings, unsafe: bool) -> FileResult:
    """Fill in the fixed text and the findings that remain after fixing."""
    if result.document is None or result.decoded is None:
        return result
    try:
        fixed = engine.fix(
            result.document,
            settings.codes,
            settings.min_confidence,
            unsafe=unsafe,
            can_write=result.decoded.can_encode,
        )
    except UnknownRuleError as exc:
        result.error = f"inline suppression: {exc}"
        return result
    except UnsafeFixError as exc:
        result.error = f"fix refused, file left unchanged: {exc}"
        return result
    result.fixed_text = fixed.text
    result.applied = len(fixed.applied)
    result.findings = list(fixed.remaining)
    return result
