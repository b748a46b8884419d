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


MOJIBAKE_PIECES = st.sampled_from(
    ["a", "de", "é", "’", "“", "”", "—", "€", "ñ", "ü", " ", ".", ",", "\u00a0"]
)


def _garbled(words: str, cut: tuple[int, int]) -> str:
    """``words`` with the slice ``cut`` encoded as UTF-8 and read as Windows-1252 (or Latin-1)."""
    i, j = sorted(cut)
    i, j = min(i, len(words)), min(j, len(words))
    raw = words[i:j].encode("utf-8")
    try:
        return words[:i] + raw.decode("cp1252") + words[j:]
    except UnicodeDecodeError:
        return words[:i] + raw.decode("latin-1") + words[j:]


@settings(max_examples=500, deadline=None)
@given(
    st.lists(MOJIBAKE_PIECES, min_size=1, max_size=30).map("".join),
    st.tuples(st.integers(0, 60), st.integers(0, 60)),
)
def test_mojibake_changes_rebuild_ftfys_text_word_by_word(words: str, cut: tuple[int, int]) -> None:
    from repair.detectors.scrape.encoding import _changes, _fixer

    old = _garbled(words, cut)
    fix, config = _fixer()
    new = fix(old, config).text
    rebuilt, at = [], 0
    for start, end, replacement in _changes(old, new):
        assert at <= start < end <= len(old) or (start == end and replacement)
        rebuilt += [old[at:start], replacement]
        at = end
    assert "".join(rebuilt) + old[at:] == new


def test_a_long_line_of_mojibake_is_repaired_in_pieces() -> None:
    line = "The caf\u00c3\u00a9 was nice \u00e2\u20ac\u201d really, and the cr\u00c3\u00a8me too. " * 400
    assert len(line) > 10_000 and "\n" not in line
    fixed = repair.fix(line, select=["SCR004"])
    assert fixed == "The café was nice — really, and the crème too. " * 400
