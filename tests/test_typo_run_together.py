"""TYP004: common phrases of two words written as one ("alot", "eachother", "atleast")."""

from __future__ import annotations

from pathlib import Path

import pytest

import repair
from repair.document import Options
from repair.model import Applicability
from repair.spelling.lexicon import lexicon, run_together
from tests.conftest import load_tool

HERE = Path(__file__).parent


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("We need atleast three chairs for the meeting.", "We need at least three chairs for the meeting."),
        ("Infact, the plan worked well.", "In fact, the plan worked well."),
        # the trigram model knows "everytime": with no other correction listed, reading no worse will do
        ("Everytime I call, he is out.", "Every time I call, he is out."),
        ("The two dogs chased eachother around the yard.", "The two dogs chased each other around the yard."),
        ("I still have alot of letters to answer.", "I still have a lot of letters to answer."),
        # WordNet lists "incase" beside "encase": the spin family's word-class rule had read it so
        ("Take a jacket incase it gets cold.", "Take a jacket in case it gets cold."),
    ],
)
def test_a_phrase_run_together_is_split(text: str, fixed: str) -> None:
    (f,) = repair.check(text)
    assert f.rule == "TYP004" and f.applicability is Applicability.SAFE
    assert "codespell's list" in f.explanation and "trigram model" in f.explanation
    assert repair.fix(text) == fixed


def test_the_other_corrections_of_the_list_are_alternatives() -> None:
    (f,) = repair.check("I still have alot of letters to answer.")
    assert f.replacements == ("a lot", "allot")
    assert "a common misspelling of 'a lot' or 'allot'" in f.explanation


@pytest.mark.parametrize(
    "text",
    [
        "Set the `canbe` option to true.",  # quoted as code
        "Our new teacher is Mr Noone from Leeds.",  # a surname inside a sentence
        "The lightyear is no unit of time.",  # a word the word lists hold
        "Both teams respect each other and play at least twice a year.",
    ],
)
def test_what_is_no_phrase_run_together_stays(text: str) -> None:
    assert [f for f in repair.check(text) if f.rule == "TYP004"] == []


@pytest.mark.parametrize(
    "text",
    [
        'The check compares the version to "atleast" and stops.',  # a quoted string
        "ignore-words-list = ba,eachother,fo",  # an item of a list of words
        "Fixed compiletime evaluation of optional chains.",  # a term of technical writing
    ],
)
def test_a_technical_document_keeps_its_terms_and_strings(text: str) -> None:
    assert [f for f in repair.check(text, path="CHANGELOG.md") if f.rule == "TYP004"] == []


def test_a_technical_document_still_gets_common_phrases_split() -> None:
    text = "Please upgrade to atleast version 5 to avoid the issue.\n"
    assert repair.fix(text, path="CHANGELOG.md") == text.replace("atleast", "at least")


def test_an_allowed_word_stays() -> None:
    text = "We need atleast three chairs for the meeting."
    assert repair.check(text, options=Options(allow_words=frozenset({"atleast"}))) == []


def test_a_run_together_word_is_never_proposed_as_a_correction() -> None:
    lex = lexicon()
    assert lex.zipf("alot") > 3.0 and not lex.is_vocab("alot") and not lex.is_vocab("eachother")


def test_run_together_table_is_linted() -> None:
    lines = (HERE.parent / "dictionaries" / "typo_run_together.tsv").read_text(encoding="utf-8").splitlines()
    assert lines[0].startswith("# description:") and lines[1] == "merged\twords\talternatives"
    rows = [line.split("\t") for line in lines[2:]]
    assert rows == sorted(rows) and len({r[0] for r in rows}) == len(rows)
    for merged, words, _ in rows:
        assert merged.isascii() and merged.isalpha() and merged.islower()
        assert words.count(" ") == 1 and words.replace(" ", "") == merged
    assert run_together()["alot"] == ("a lot", ("allot",))


def test_the_table_builder_keeps_entries_whose_first_correction_splits_the_word(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.syspath_prepend(str(HERE.parent / "tools"))
    read = load_tool("build_typo_run_together").read_run_together
    lines = [
        "alot->a lot, allot,\n",
        "allready->already, all ready,\n",  # the split is not the first reading
        "capetown->Cape Town\n",  # a name
        "teh->the\n",
        "bootup->boot up, boot-up,\n",
    ]
    # "bootup" goes: as a noun it is "boot-up"
    assert list(read(lines)) == [("alot", "a lot", ("allot",))]
