"""The project's own Markdown docs are the kind of text a pre-commit user keeps: tables, code
spans, command lines, file paths, technical words.  `repair fix` must leave them alone."""

from __future__ import annotations

from pathlib import Path

import pytest

import repair

ROOT = Path(__file__).resolve().parent.parent
DOCS = ["README.md", "bench/README.md", "dictionaries/README.md"]


@pytest.mark.parametrize("name", DOCS)
def test_fix_leaves_our_own_docs_unchanged(name: str) -> None:
    text = (ROOT / name).read_text(encoding="utf-8")
    assert repair.fix(text, path=name) == text
    unsafe = [f for f in repair.check(text, path=name) if f.applicability.value != "display"]
    assert len(unsafe) <= 3, [(f.rule, text[f.start : f.end]) for f in unsafe]
