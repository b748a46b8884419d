"""Unit tests of the grammar family's helpers: chunking, offset mapping, match mapping, merging."""

from __future__ import annotations

import itertools

from hypothesis import given
from hypothesis import strategies as st

from repair.document import Document
from repair.grammar import client
from repair.grammar.chunks import chunks, utf16_to_codepoints
from repair.grammar.client import Match, check_url, parse_matches
from repair.grammar.matches import findings, rule_for
from repair.model import Applicability, Category, Edit, Finding
from repair.resolve import fold_second_opinions as fold_grammar
from repair.resolve import resolve


def match(
    offset: int, length: int, replacements: tuple[str, ...] = ("x",), category: str = "GRAMMAR"
) -> Match:
    """A LanguageTool match of rule SOME_RULE in ``category``."""
    title = category.title()
    return Match(offset, length, "msg", "", replacements, "SOME_RULE", "", "grammar", category, title)


# --- chunks --------------------------------------------------------------------------------------


def test_paragraphs_are_packed_up_to_the_limit() -> None:
    text = "One two.\n\nThree four.\n\nFive six seven eight.\n"
    pieces = chunks(text, limit=24)
    assert [p.text for p in pieces] == ["One two.\n\nThree four.\n\n", "Five six seven eight.\n"]
    assert all(text[p.start : p.end] == p.text for p in pieces)


def test_long_paragraph_is_cut_after_a_sentence() -> None:
    text = "First sentence here. Second sentence here. Third one."
    pieces = chunks(text, limit=30)
    assert pieces[0].text == "First sentence here. "
    assert "".join(p.text for p in pieces) == text


def test_blank_pieces_are_not_sent() -> None:
    assert chunks("   \n\n  \n") == []
    assert [p.text for p in chunks("\n\n     \n\nWord.\n", limit=6)] == ["Word.\n"]


@given(st.text(alphabet="ab .\n🙂", max_size=300), st.integers(min_value=1, max_value=40))
def test_chunks_cover_every_non_blank_character_within_the_limit(text: str, limit: int) -> None:
    pieces = chunks(text, limit)
    assert all(0 < len(p.text) <= limit for p in pieces)
    assert all(text[p.start : p.end] == p.text for p in pieces)
    assert all(a.end <= b.start for a, b in itertools.pairwise(pieces))
    covered = {i for p in pieces for i in range(p.start, p.end)}
    assert all(i in covered for i, c in enumerate(text) if not c.isspace())


def test_utf16_table() -> None:
    assert utf16_to_codepoints("plain") is None
    table = utf16_to_codepoints("a🙂b")
    assert table == [0, 1, 1, 2, 3]


# --- client: URL and answer parsing --------------------------------------------------------------


def test_check_url_forms() -> None:
    assert check_url("http://localhost:8081") == "http://localhost:8081/v2/check"
    assert check_url("localhost:8081/") == "http://localhost:8081/v2/check"
    assert check_url("https://lt.example/v2") == "https://lt.example/v2/check"
    assert check_url("https://lt.example/v2/check") == "https://lt.example/v2/check"


def test_parse_matches_skips_malformed_ones() -> None:
    answer = {
        "matches": [
            {
                "offset": 3,
                "length": 2,
                "message": "m",
                "replacements": [{"value": "r"}, {"nope": 1}],
                "rule": {"id": "R", "issueType": "grammar", "category": {"id": "GRAMMAR", "name": "Grammar"}},
            },
            {"offset": "3", "length": 2},
            {"offset": -1, "length": 2},
            "junk",
        ]
    }
    (m,) = parse_matches(answer)
    assert (m.offset, m.length, m.replacements, m.rule_id, m.category_id) == (3, 2, ("r",), "R", "GRAMMAR")


def test_failure_is_remembered_and_warned_once() -> None:
    lines: list[str] = []
    client.reset()
    old = client.warn
    client.warn = lines.append
    try:
        assert client.check_text("http://", "text", 0.5) is None
        assert client.check_text("http://", "more text", 0.5) is None
    finally:
        client.warn = old
        client.reset()
    assert len(lines) == 1 and "unavailable" in lines[0]


# --- matches -> findings ---------------------------------------------------------------------------


def test_categories_map_to_rules() -> None:
    assert rule_for("GRAMMAR") == "GRM001" and rule_for("SOMETHING_NEW") == "GRM001"
    assert rule_for("PUNCTUATION") == rule_for("TYPOGRAPHY") == rule_for("casing") == "GRM002"
    assert rule_for("STYLE") == rule_for("REDUNDANCY") == "GRM003"
    assert rule_for("TYPOS") == "GRM004"


def test_findings_map_offsets_and_applicability() -> None:
    text = "🙂 He go."
    (f,) = findings((match(6, 2, ("goes",)),), text, start=100)
    assert (f.start, f.end) == (100 + 5, 100 + 7) and text[5:7] == "go"
    assert f.fix == (Edit(105, 107, "goes"),) and f.applicability is Applicability.UNSAFE
    (g,) = findings((match(6, 2, ("goes", "went")),), text, start=0)
    assert g.applicability is Applicability.DISPLAY and g.alternatives == ("went",)
    (h,) = findings((match(6, 2, ("goes",), "STYLE"),), text, start=0)
    assert h.applicability is Applicability.DISPLAY and h.rule == "GRM003"
    (n,) = findings((match(6, 2, ()),), text, start=0)
    assert n.fix == () and n.applicability is Applicability.DISPLAY
    assert list(findings((match(8, 5),), text, start=0)) == []  # beyond the piece: dropped


def test_no_applicability_is_ever_safe() -> None:
    cats = ["GRAMMAR", "PUNCTUATION", "TYPOGRAPHY", "CASING", "STYLE", "TYPOS", "MISC", "X"]
    out = [f for c in cats for f in findings((match(0, 1, ("y",), c),), "x", 0)]
    assert len(out) == len(cats) and all(f.applicability is not Applicability.SAFE for f in out)


# --- merging with repair's own findings ----------------------------------------------------------


def own(start: int, end: int, fix: str, confidence: float = 0.8) -> Finding:
    return Finding(
        "SCR001",
        Category.SCRAPE,
        start,
        end,
        "own message",
        (Edit(start, end, fix),),
        applicability=Applicability.SAFE,
        confidence=confidence,
        explanation="own evidence",
    )


def grm(start: int, end: int, fix: str) -> Finding:
    return Finding(
        "GRM001",
        Category.GRAMMAR,
        start,
        end,
        "lt message",
        (Edit(start, end, fix),),
        applicability=Applicability.UNSAFE,
        confidence=0.7,
        explanation="LanguageTool rule R",
    )


def test_same_span_same_fix_is_merged_by_the_resolver() -> None:
    doc = Document.from_text("He go home.")
    (f,) = resolve(doc, [own(3, 5, "goes"), grm(3, 5, "goes")], frozenset({"SCR001", "GRM001"}))
    assert f.rule == "SCR001" and "own evidence" in f.explanation
    assert "[GRM001] LanguageTool rule R" in f.explanation


def test_same_span_different_fix_folds_into_own_finding() -> None:
    (f,) = fold_grammar([own(3, 5, "goes"), grm(3, 5, "went")])
    assert f.rule == "SCR001" and f.fix == (Edit(3, 5, "goes"),) and f.applicability is Applicability.SAFE
    assert f.replacements == ("goes", "went") and "[GRM001] LanguageTool rule R" in f.explanation


def test_fold_keeps_grammar_findings_without_a_partner() -> None:
    items = [grm(0, 2, "x"), own(3, 5, "goes"), grm(4, 5, "y")]
    assert fold_grammar(items) == items
