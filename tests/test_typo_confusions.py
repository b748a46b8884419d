"""The learned error model: the rule builder, the shipped table, candidate generation, evidence."""

from __future__ import annotations

import math
from pathlib import Path
from types import ModuleType

import pytest

import repair
from repair.model import Applicability
from repair.spelling import confusions
from repair.spelling.correct import learned_costs, pool
from repair.spelling.lexicon import lexicon
from tests.conftest import load_tool

ROOT = Path(__file__).resolve().parent.parent
TABLE = ROOT / "dictionaries" / "typo_confusions.tsv"


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    """``tools/build_typo_confusions.py`` imported as a module."""
    return load_tool("build_typo_confusions")


def test_read_pairs_keeps_unambiguous_letter_pairs(builder: ModuleType) -> None:
    lines = ["abotu->about\n", "teh->the, tech,\n", "3rt->3rd\n", "Adn->And\n", "no arrow\n", "a b->ab\n"]
    assert list(builder.read_pairs(lines)) == [("abotu", "about"), ("adn", "and")]


def test_read_entries_keeps_ambiguous_entries_whole(builder: ModuleType) -> None:
    lines = ["teh->the, tech,\n", "alot->a lot, allot,\n", "abotu->about\n", "Wich->Which, Witch\n"]
    # an entry with a correction of two words goes whole: "allot" alone would read as unambiguous
    assert list(builder.read_entries(lines)) == [
        ("teh", ("the", "tech")),
        ("abotu", ("about",)),
        ("wich", ("which", "witch")),
    ]


def test_the_misspelling_table_leaves_out_short_dialect_and_common_words(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    # tools/build_typo_misspellings.py imports its sibling, as when run from the command line
    monkeypatch.syspath_prepend(str(ROOT / "tools"))
    keep = load_tool("build_typo_misspellings").keep
    assert keep("goverment", ("government",), 2.66, 5.5)
    assert keep("happend", ("happened", "happens", "happen"), 2.79, 5.1)  # the context chooses
    assert keep("teh", ("the",), 3.04, 7.7)  # English uses it, but its correction far more
    assert not keep("welp", ("whelp",), 3.3, 2.0)  # a word English uses: slang, a name, another language
    assert not keep("goin", ("going",), 3.95, 6.0)  # a dropped final g: dialect on purpose
    assert not keep("abandonin", ("abandoning", "abandon"), 0.0, 3.3)  # so too beside another reading
    assert not keep("te", ("the",), 4.07, 7.7)  # two letters: the rule checks those on its own terms


def test_align_merges_a_run_of_differences(builder: ModuleType) -> None:
    segs = builder.align("^wierd$", "^weird$")
    assert ("ei", "ie") in segs
    assert "".join(a for a, _ in segs) == "^weird$"
    assert "".join(b for _, b in segs) == "^wierd$"


def test_rules_of_adds_context_and_word_edges(builder: ModuleType) -> None:
    assert builder.rules_of("adres", "address") >= {("ss", "s")}
    assert {("dd", "d"), ("add", "ad")} & builder.rules_of("adres", "address")
    # an insertion or deletion is only a rule with a letter of context around it
    assert ("s", "") not in builder.rules_of("adres", "address")
    assert ("^ph", "^f") in builder.rules_of("fysics", "physics")
    assert ("ce$", "s$") in builder.rules_of("licens", "licence")
    assert builder.rules_of("defense", "defence") == {("c", "s"), ("nc", "ns"), ("ce", "se")}


def test_learn_counts_once_per_stem_and_smooths(builder: ModuleType) -> None:
    pairs = [
        ("wierd", "weird"),
        ("wierdly", "weirdly"),
        ("feild", "field"),
        ("yeild", "yield"),
        ("sheild", "shield"),
    ]
    pairs += [("peice", "piece"), ("theif", "thief"), ("biult", "built")]
    rules = {(a, b): (k, occ, p) for a, b, k, occ, p in builder.learn(pairs)}
    k, occ, p = rules[("ie", "ei")]
    assert k == 5  # field, yield, shield, piece, thief
    assert math.isclose(p, k / (occ + builder.SMOOTHING))
    assert ("ei", "ie") not in rules  # weird and weirdly share a stem: one sighting, under MIN_COUNT


def test_table_is_sorted_unique_and_generalised() -> None:
    lines = TABLE.read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# description:") and "CC BY-SA 3.0" in lines[0]
    assert lines[1].split("\t") == ["intended", "written", "count", "occurrences", "log10p"]
    rows = [line.split("\t") for line in lines[2:]]
    keys = [(r[0], r[1]) for r in rows]
    assert keys == sorted(keys) and len(set(keys)) == len(keys)
    assert 500 < len(rows) < 5000
    for a, b, k, occ, lp in rows:
        assert a != b and len(a) <= 4 and len(b) <= 4
        assert not (a.startswith("^") and a.endswith("$")), "a whole word is an answer, not a rule"
        assert int(k) >= 3 and int(occ) >= int(k) and -2.0 <= float(lp) < 0


def test_rules_describe_themselves() -> None:
    rules = confusions.rules_by_written()
    ie = next(r for r in rules["ie"] if r.intended == "ei")
    assert ie.describe() == "'ie' for 'ei'"
    assert confusions.Rule("pa", "pe", -1.5, 0.45).describe() == "'e' for 'a' after 'p'"
    assert (
        confusions.Rule("nce$", "nse$", -1.5, 0.45).describe() == "'s' for 'c' after 'n' before a final 'e'"
    )
    assert confusions.Rule("^em", "^im", -1.5, 0.45).describe() == "'i' for 'e' at the start before 'm'"
    assert confusions.Rule("^ph", "^f", -1.2, 0.36).describe() == "'f' for 'ph' at the start"
    assert confusions.Rule("dd", "d", -1.4, 0.4).describe() == "'d' left out after 'd'"


def test_readings_undo_up_to_two_rules_within_bounds() -> None:
    r = confusions.readings("wierd")
    cost, rules = r["weird"]
    assert [(x.intended, x.written) for x in rules] in ([("ei", "ie")], [("eir", "ier")])
    assert cost == min(
        x.cost
        for x in confusions.rules_by_written()["ie"] + confusions.rules_by_written()["ier"]
        if x.intended in ("ei", "eir")
    )
    assert all(c <= confusions.MAX_COST for c, _ in r.values())
    assert all(len(rs) <= 2 for _, rs in r.values())
    assert len(r) < 2000  # bounded work per word
    cost, rules = confusions.readings("pleyin")["playing"]  # two places: beyond one rule
    assert len(rules) == 2 and cost == round(sum(r.cost for r in rules), 3) <= confusions.MAX_COST


def test_learned_candidates_are_dictionary_words_and_join_the_pool() -> None:
    lex = lexicon()
    learned = learned_costs("freind", lex)
    assert "friend" in learned and all(lex.is_vocab(w) for w in learned)
    assert learned["friend"] < 0.7  # cheaper than a plain vowel slip: a common confusion
    assert pool("freind", lex)[0][0] == "friend"


@pytest.mark.parametrize(
    ("text", "expected", "wrong"),
    [
        # (not "wierd" or "freind": the list of common misspellings names those, and its
        # explanation names the list instead)
        ("They were wierder than the last guests.", "They were weirder than the last guests.", "wierder"),
        ("Our freindship lasted for years.", "Our friendship lasted for years.", "freindship"),
    ],
)
def test_common_misspellings_are_fixed_with_the_learned_rule_named(
    text: str, expected: str, wrong: str
) -> None:
    findings = repair.check(text, select=["TYP"])
    hit = next(f for f in findings if text[f.start : f.end] == wrong)
    assert hit.applicability is Applicability.SAFE
    assert "is a common misspelling" in hit.explanation and "P=" in hit.explanation
    assert repair.fix(text, select=["TYP"]) == expected
    assert repair.check(expected, select=["TYP", "OCR"]) == []


def test_names_are_not_read_as_learned_misspellings() -> None:
    # a capitalised word inside a sentence is corrected only to undo an OCR glyph confusion
    text = "The Wierd family farmed near the river, and Freind Hall stood beside it."
    assert repair.fix(text, select=["TYP", "OCR"]) == text


def test_vocabulary_lookup_is_the_same_by_query_and_in_memory() -> None:
    from repair.spelling import lexicon as lexicon_mod

    words = ["friend", "freind", "weird", "the", "zzzq", "wired", "tis"]
    fresh = lexicon_mod.Lexicon(lexicon()._conn)
    first = fresh.vocabulary_among(words)  # the first calls ask the index
    fresh._vocab_calls = lexicon_mod.VOCAB_QUERIES
    assert fresh.vocabulary_among(words) == first == {w for w in words if lexicon().is_vocab(w)}
    assert fresh._vocab is not None  # later ones load the vocabulary once
