"""Property tests over arbitrary Unicode, every markup kind and Jupyter notebooks.

check never crashes; fix is idempotent; protected spans come back identical;
nothing changes outside the spans the first check flagged; a notebook stays a notebook.
"""

from __future__ import annotations

import json
import os
import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import repair
from repair import engine, registry
from repair.document import Document

FRAGMENTS = [
    "the the",
    "Credit:AP",
    ".Credit:Example Agency",
    "Leave a Reply\n",
    "Advertisement\n",
    "&amp;",
    "&#8217;",
    "\u200b",
    "\u00e2\u20ac\u2122",
    "“",
    "”",
    "‘",
    "’",
    '"',
    "'",
    "`code`",
    "```\nfenced the the\n```\n",
    "    indented code\n",
    "[link](http://example.com/the_the)",
    "<b>",
    "</b>",
    "<!-- repair: ignore -->",
    "https://example.org/a?b=c",
    "me@example.org",
    "---\ntitle: x\n---\n",
    "\r\n",
    "\n",
    "\n\n",
    "\t",
    " ",
    ".",
    ",",
    "!",
    "?",
    "…",
    "in K…",
    "Moscow.",
    "Credit:",
    "e.g.",
    "U.S.",
    "tbe",
    "rn",
    "infor-\nmation",
    "Tokayev",
    "additional",
    "sustain",
    "colour",
    "naïve",
    "Straße",
    "日本語",
    "\u0301",
    "\x07",
    "\ufeff",
    "# Heading\n",
    "> quote\n",
    "* item\n",
    "1. item\n",
    "|a|b|\n",
    "word",
    "Word",
    "WORD",
    ".TH X 1\n",
    ".B bold\n",
    "\\fBx\\fR",
    "\\(cq",
    "\\-",
    ".nf\n",
    ".fi\n",
    '.\\" c\n',
    "@code{x}",
    "@c note\n",
    "@example\n",
    "@end example\n",
    "@{",
    "@'e",
    "@table @code\n@item x\n",
    "=head1 ",
    "=item *\n",
    "=cut\n",
    "=begin text\n",
    "=end text\n",
    "C<x>",
    "B<< x >>",
    "E<gt>",
    "I<",
    ">",
    "00:00:01,000 --> 00:00:02,500\n",
    "WEBVTT\n",
    "NOTE ",
    "<c.yellow>",
    "{\\an8}",
]

texts = st.one_of(
    st.text(max_size=200),
    st.lists(st.sampled_from(FRAGMENTS), max_size=40).map("".join),
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=5)), max_size=30).map("".join),
)
kinds = st.sampled_from(
    ["text", "markdown", "html", "rst", "asciidoc", "latex", "texinfo", "org", "roff", "pod", "subtitles"]
)
SETTINGS = settings(
    max_examples=int(os.environ.get("REPAIR_HYPOTHESIS_EXAMPLES", "60")),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)


def protected(text: str, kind: str) -> list[str]:
    doc = Document.from_text(text, kind=kind)
    return [text[s.start : s.end] for s in doc.protected]


def in_order(parts: list[str], text: str) -> bool:
    """Whether ``parts`` occur in ``text`` one after another, in order."""
    pos = 0
    for p in parts:
        found = text.find(p, pos)
        if found < 0:
            return False
        pos = found + len(p)
    return True


@SETTINGS
@given(texts, kinds)
def test_check_never_crashes_and_offsets_are_valid(text: str, kind: str) -> None:
    for f in repair.check(text, kind=kind):
        assert 0 <= f.start <= f.end <= len(text)
        assert all(0 <= e.start <= e.end <= len(text) for e in f.fix)
        assert 0 <= f.confidence <= 1


@SETTINGS
@given(texts, kinds, st.booleans())
def test_fix_is_idempotent_and_keeps_protected_spans(text: str, kind: str, unsafe: bool) -> None:
    fixed = repair.fix(text, kind=kind, unsafe=unsafe)
    assert repair.fix(fixed, kind=kind, unsafe=unsafe) == fixed
    assert in_order(protected(text, kind), fixed)


@SETTINGS
@given(texts, kinds)
def test_nothing_changes_outside_findings(text: str, kind: str) -> None:
    """In a one-pass fix every changed character lies inside (or at the edge of) a finding."""
    doc = Document.from_text(text, kind=kind)
    codes = registry.selected_codes(None, None)
    findings = engine.analyze(doc, codes)
    result = engine.fix(doc, codes, first=findings)
    if result.passes > 1:  # later passes act on text the first check never saw
        return
    assert kept_outside(text, result.text, [(f.start, f.end) for f in findings]), (text, result.text)


def kept_outside(text: str, fixed: str, spans: list[tuple[int, int]]) -> bool:
    """Whether ``fixed`` is ``text`` with only the ``spans`` (merged where they meet) rewritten:
    every character outside them kept, in order.  (A character diff cannot tell this in
    repetitive text: for "A\u200bAA" less the mark it may report the first "A" deleted and one
    inserted at the end.)"""
    merged: list[list[int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1][1] = max(merged[-1][1], end)
        else:
            merged.append([start, end])
    pattern, at = [], 0
    for start, end in merged:
        pattern += [re.escape(text[at:start]), "(.*?)"]
        at = end
    pattern.append(re.escape(text[at:]))
    return re.fullmatch("".join(pattern), fixed, re.DOTALL) is not None


def notebook(cells: list[tuple[str, list[str]]], ascii_only: bool) -> str:
    body = [{"cell_type": kind, "metadata": {}, "source": lines} for kind, lines in cells]
    return json.dumps(
        {"cells": body, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}, ensure_ascii=ascii_only
    )


def without_markdown(text: str) -> list[object]:
    """The notebook's cells with the Markdown cells' sources left out."""
    cells = json.loads(text)["cells"]
    return [c if c["cell_type"] != "markdown" else {**c, "source": None} for c in cells]


cell_lists = st.lists(
    st.tuples(st.sampled_from(["markdown", "markdown", "code", "raw"]), st.lists(texts, max_size=4)),
    max_size=4,
)


@SETTINGS
@given(cell_lists, st.booleans(), st.booleans())
def test_a_notebook_stays_a_notebook_and_only_markdown_changes(
    cells: list[tuple[str, list[str]]], ascii_only: bool, unsafe: bool
) -> None:
    text = notebook(cells, ascii_only)
    for f in repair.check(text, kind="notebook"):
        assert 0 <= f.start <= f.end <= len(text)
    fixed = repair.fix(text, kind="notebook", unsafe=unsafe)
    assert without_markdown(fixed) == without_markdown(text)  # it parses, and code is untouched
    assert repair.fix(fixed, kind="notebook", unsafe=unsafe) == fixed
    assert fixed.isascii() or not ascii_only
