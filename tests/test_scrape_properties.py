"""Property tests for the scrape family: any text, no crash, sane spans, idempotent fixes."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import repair
from repair.document import Document
from repair.registry import all_rules

SCRAPE_RULES = [r for r in all_rules() if r.code.startswith("SCR")]

# Pieces that provoke the scrape rules, mixed with ordinary text.
PIECES = [
    "the",
    "The",
    "the the",
    " ",
    "  ",
    "\n",
    "\r\n",
    "\n\n",
    ".",
    "?",
    "!",
    ",",
    "“",
    "”",
    "‘",
    "’",
    "„",
    "Credit:",
    "Credit: ",
    "Photo: ",
    "AP",
    "Reuters",
    "K…",
    "...",
    "…",
    "&amp;",
    "&#8217;",
    "&nbsp;",
    "<b>",
    "</p>",
    "<br>",
    "\u200b",
    "\u200d",
    "\u00ad",
    "\x00",
    "\x1b[0m",
    "\x0b",
    "\ufeff",
    "Ã©",
    "â€™",
    "\x92",
    "Leave a Reply",
    "Advertisement",
    "Read more",
    "end.The",
    "of of",
    "U.S.",
    "3.5",
    "```",
    "`",
    "# ",
    "https://example.com/a.B",
    "a@b.org",
    "word",
    "Moscow",
    "é",
    "👩\u200d💻",
]
scrapy_text = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)
any_text = st.text(max_size=200)


def _check_spans(text: str, kind: str) -> None:
    doc = Document.from_text(text, kind=kind)
    for rule in SCRAPE_RULES:
        for f in rule.check(doc):
            assert 0 <= f.start <= f.end <= len(text), (rule.code, f)
            for e in f.fix:
                assert 0 <= e.start <= e.end <= len(text), (rule.code, e)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(any_text, scrapy_text), st.sampled_from(["text", "markdown", "html", "rst"]))
def test_detectors_never_crash_and_spans_are_in_range(text: str, kind: str) -> None:
    _check_spans(text, kind)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(scrapy_text, st.booleans())
def test_scrape_fix_is_idempotent(text: str, unsafe: bool) -> None:
    once = repair.fix(text, select=["SCR"], unsafe=unsafe)
    assert repair.fix(once, select=["SCR"], unsafe=unsafe) == once
