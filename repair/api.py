"""The library API: :func:`check` and :func:`fix` on a string."""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence

from repair import engine, registry
from repair.document import Document, Options
from repair.model import Finding


def check(
    text: str,
    *,
    path: str | None = None,
    kind: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    min_confidence: float = 0.0,
    options: Options | None = None,
) -> list[Finding]:
    """Findings in ``text``, sorted by position.

    ``kind`` is one of :data:`repair.markup.KINDS` (``text``, ``markdown``, ``html``, ``rst``,
    ``asciidoc``, ``latex``, ``texinfo``, ``org``, ``roff``, ``pod``, ``subtitles``, ``notebook``;
    default: from the extension of ``path``, else ``text``); ``select``/``ignore`` take rule codes or
    prefixes.  A notebook's offsets are into its JSON text (:mod:`repair.notebook`).
    """
    doc = Document.from_text(text, path=path, kind=kind, options=options)
    return engine.analyze(doc, registry.selected_codes(select, ignore, doc.options), min_confidence)


def fix(
    text: str,
    *,
    unsafe: bool = False,
    path: str | None = None,
    kind: str | None = None,
    select: Sequence[str] | None = None,
    ignore: Sequence[str] | None = None,
    min_confidence: float = 0.0,
    options: Options | None = None,
) -> str:
    """``text`` with the safe fixes applied (and the unsafe ones too when ``unsafe``)."""
    if unsafe:
        options = dataclasses.replace(options or Options(), unsafe_fixes=True)
    doc = Document.from_text(text, path=path, kind=kind, options=options)
    codes = registry.selected_codes(select, ignore, doc.options)
    return engine.fix(doc, codes, min_confidence, unsafe=unsafe).text
