"""Glossaries and dictionaries of jargon: entries with short forms, pronunciations, headwords, code
and acronyms.  Their marks are the form's, not a scan's damage, and their coinages are terms.

Every text here is written for the test.
"""

from __future__ import annotations

import pytest

import repair
from repair.detectors.ocr.structure import ocr_noise
from repair.document import Document
from repair.model import Applicability


def changes(text: str) -> list[tuple[str, str, str]]:
    """(rule, the text flagged, the first replacement) of each safe finding."""
    return [
        (f.rule, text[f.start : f.end], f.replacements[0] if f.replacements else "")
        for f in repair.check(text)
        if f.applicability is Applicability.SAFE
    ]


ENTRY = (
    "dogpile, v.\n\n    [Usenet: prob. fr. the slang of the playground] When many people answer one post\n"
    "    at once, esp. with an all-purpose insult, they are said to dogpile it.\n"
)


def test_a_short_form_of_a_dictionary_keeps_its_period_and_is_no_damage() -> None:
    assert ocr_noise(Document(ENTRY)) == 0
    assert repair.fix(ENTRY) == ENTRY


def test_a_hyphen_suspended_before_a_conjunction_is_no_damage() -> None:
    text = "The tool has Pascal- and C-like syntax. It was written for the then-president of the club.\n"
    assert ocr_noise(Document(text)) == 0
    assert repair.fix(text) == text


def test_compounds_of_all_and_then_keep_their_hyphen_in_damaged_text() -> None:
    text = "The infor- mation was lost over.the years, but the all-purpose room stayed, and I-can see it.\n"
    fixed = repair.fix(text)
    assert "all-purpose room" in fixed
    assert "I can see" in fixed  # a misread space beside the pronoun is still mended


def test_a_letter_compound_and_a_title_compound_keep_their_hyphen() -> None:
    # in damaged text and in clean text alike
    damaged = "The infor- mation was lost over.the years, but A-list guests came, and I-can see it.\n"
    fixed = repair.fix(damaged)
    assert "A-list guests" in fixed and "I can see" in fixed
    clean = "We saw Return of the Were-Wolf and The Night of the Were-Bear last year.\n"
    assert repair.fix(clean) == clean


def test_a_dash_typed_as_a_hyphen_before_the_pronoun_is_one_of_the_writers_dashes() -> None:
    # three dashes typed as hyphens: a writer's habit, none reported ("Academy-I" among them)
    text = (
        "We wrote to the Academy-I had no choice. The reply came back-the plan stands. "
        "We said-the vote is final.\n"
    )
    assert [f for f in repair.check(text) if f.rule == "OCR005"] == []


def test_curly_quotes_alone_do_not_make_straight_apostrophes_wrong() -> None:
    # a converter that curls only the quotes keeps every apostrophe straight
    text = "“Fred's at level 6 today,” she said, “so don't ask him.” Nobody asked.\n"
    assert repair.fix(text) == text
    # one curly apostrophe among them shows the print's style
    mixed = "“Fred’s at level 6 today,” she said, “so don't ask him.” Nobody asked.\n"
    assert "don’t" in repair.fix(mixed)


DAMAGE = "The infor- mation came out over.the summer. "


@pytest.mark.parametrize(
    ("sentence", "kept"),
    [
        ("Ray P. Bellis released a version of it later.\n", "Bellis"),  # a surname after an initial
        ("The column names (x and y in this example) are the same.\n", "x and y"),  # no "andy"
        ("One of the preferred {metasyntactic variable}s in the UK is wibble.\n", "}s in"),  # no "sin"
    ],
)
def test_names_and_letters_in_damaged_text_are_not_joined_or_split(sentence: str, kept: str) -> None:
    fixed = repair.fix(DAMAGE + sentence)
    assert "information" in fixed and "over the" in fixed  # the damage itself is mended
    assert kept in fixed


def test_a_pronunciation_spelt_in_syllables_is_no_misspelling() -> None:
    text = (
        "manularity\n /man`yoo·la'ri·tee/, n.\n\n    [from the shop floor] A measure of the manual labour"
        " a task needs, and it was over.the top, as the infor- mation shows.\n"
    )
    assert "yoo" not in {flagged for _, flagged, _ in changes(text)}


def test_code_in_an_entry_is_no_damage() -> None:
    text = (
        "keep\n\n   To keep the items of a row for which a test holds.  The old way to write it:\n\n"
        "    keep p (x:xs) = if p x then x : rest else rest\n\n"
        "   In the query language of the shop's ledger it reads\n\n"
        "    select * from stock, sales\n    where stock.item = sales.item\n\n"
        "   and every clerk learned it by heart.\n"
    )
    assert ocr_noise(Document(text)) == 0
    assert repair.fix(text) == text


def test_a_speck_far_along_a_line_of_ocr_is_still_damage() -> None:
    # a paragraph OCR put on one line: garbage with "=" early on does not make the line code
    text = (
        "It was not always an island, and its old name, in. - = Cowse, means the grey rock in the wood,"
        " as the people say, and that was at the time when the men built it, as : the story goes on.\n"
    )
    assert ocr_noise(Document(text)) >= 1


def test_a_headword_in_lower_case_above_its_entry_is_a_term() -> None:
    text = "cxref\n\n   <tool> A cross-reference generator for C programs.\n"
    assert not [f for f in repair.check(text) if f.rule == "TYP001"]
    # a word alone on its line above a paragraph that is not indented under it is still read
    alone = "histroy\n\nThe book begins with a short history of the town and its people.\n"
    assert [f for f in repair.check(alone) if f.rule == "TYP001"]


def test_a_word_named_as_a_term_is_mentioned() -> None:
    text = "Syn. chad. The term perfory is also heard; the infor- mation was lost over.the years."
    assert "perfory" in repair.fix(text)


def test_a_quoted_name_ending_in_a_digit_closes_its_quote() -> None:
    text = (
        "Machines running TOPS-10 were labeled ‘DECsystem-10’ and those running TOPS-20 were labeled"
        " ‘DECSYSTEM-20’ to tell them apart.\n"
    )
    assert repair.fix(text) == text


def test_a_phrase_is_never_restored_to_its_acronym() -> None:
    text = "The new model shipped with a faster and enhanced disk operating system and improved video."
    assert not [f for f in repair.check(text) if "dos" in (r.lower() for r in f.replacements)]


def test_a_word_in_braces_is_a_cross_reference() -> None:
    text = "See {terminak} for a historical example of a bad keyboard.\n"
    assert repair.fix(text) == text
    spun = "Some languages mix infix notation\n   with {prefix} or {postfix} notation, as syntactic sugar.\n"
    assert "postfix" not in [spun[f.start : f.end] for f in repair.check(spun)]


def test_a_stress_mark_in_a_pronunciation_is_no_word_boundary() -> None:
    text = (
        "Dr. Fred Mbogo\n /@m·boh'goh, dok´tr fred/, n.\n\n    [Stanford] The man you do not want to see"
        " about a problem, esp. over.the phone, as the infor- mation shows.\n"
    )
    assert "dok" not in {flagged for _, flagged, _ in changes(text)}


def test_a_headword_may_stand_two_blank_lines_above_its_entry() -> None:
    text = "sporgery\n\n\n    [portmanteau of spam and forgery] Posts forged in the name of others.\n"
    assert repair.fix(text) == text


def test_a_quoted_word_after_not_is_mentioned() -> None:
    text = 'kernel\n\n   (Note: NOT "kernal").  The essential part of an operating system.\n'
    assert repair.fix(text) == text


def test_a_headword_parted_into_syllables_is_no_misspelling() -> None:
    # Webster's 1913 dictionary marks syllables and stress with *, " and ` between letters
    text = 'Protoplasmatic \\Pro`to*plas*mat"ic\\, a.\n   Protoplasmic.\n\nDespairer \\De*spair"er\\, n.\n'
    assert [f for f in repair.check(text) if f.rule == "TYP001"] == []
    # a word beside a lone asterisk or quote mark is still read
    said = 'He said "teh house" was *sold.'
    assert [f.replacements[0] for f in repair.check(said) if f.rule == "TYP001"] == ["the"]


def test_a_word_after_a_language_named_in_an_etymology_is_foreign() -> None:
    text = "Strap, n. [OE. strope, AS. stropp, L. stroppus, fr. fluere to flow; akin to Icel. blys torch.]\n"
    assert [f for f in repair.check(text) if f.rule == "TYP001"] == []
    assert [f for f in repair.check("Word, n. [From L. wrod, a word.]") if f.rule == "TYP001"] == []
    assert [f for f in repair.check("She said the wrod was old.") if f.rule == "TYP001"]


@pytest.mark.parametrize(
    "text",
    [
        'The order takes its name from the Greek brachys meaning "short" and oura meaning "tail".',
        "The island was called Pemba, from the Swahili kisiwani, meaning green island.",
        "The old name of the river, Vorskla, lit. 'the winding one', was kept by the settlers.",
        "The dish is called tunworst, literally: turnip sausage.",
        'Its old epithet "paion" (Greek: παιών, literally "healer") was common.',
    ],
)
def test_a_word_given_with_its_meaning_is_foreign(text: str) -> None:
    assert [f for f in repair.check(text) if f.rule in ("TYP001", "TYP002", "OCR001")] == []


def test_a_word_among_unknown_words_is_of_another_language() -> None:
    # a Latin maxim of our own making quoted in English prose: wordfreq has no Latin list
    text = "Over the door the monks carved: fratres similia quaerunt, ad lucem ambulantes."
    assert [f for f in repair.check(text) if f.rule == "TYP001"] == []
    # a slip among English words is still one
    assert [f for f in repair.check("The motto over the gate was similia to ours.") if f.rule == "TYP001"]


@pytest.mark.parametrize(
    "text",
    [
        "The cutters shaped thin wooden slats called boarts, which the roofers nailed down.",
        "The ferrymen built a flat boat named a kolbra by the river folk.",
        "Words of the valley dialect include haymo (hayloft) and others.",
        "Coinages of the lab: wordsy (meaning full of words but empty) and others.",
    ],
)
def test_a_term_introduced_or_glossed_is_mentioned(text: str) -> None:
    assert [f for f in repair.check(text) if f.rule == "TYP001"] == []


def test_a_slip_inside_a_longer_name_after_called_is_still_a_slip() -> None:
    text = "It is called congnitive dissonance by most teachers."
    assert [f.replacements[0] for f in repair.check(text) if f.rule == "TYP001"] == ["cognitive"]
    # and a common misspelling before a gloss in parentheses
    text = "The task waits in uninterruptable (blocked) sleep."
    assert [f.replacements[0] for f in repair.check(text) if f.rule == "TYP001"] == ["uninterruptible"]


def test_a_slip_before_meaning_is_still_a_slip() -> None:
    text = "The sign was recieved, meaning the deal was done."
    assert [f.replacements[0] for f in repair.check(text) if f.rule == "TYP001"] == ["received"]


@pytest.mark.parametrize(
    "text",
    [
        "Old shells used \\ as an escape, and some editors type * to mark a line.\n",
        "Read the lit. review first, then the data.\n",
    ],
)
def test_a_mark_named_as_a_thing_and_lit_are_typed(text: str) -> None:
    assert [f for f in repair.check(text) if f.rule == "OCR005"] == []


def test_a_letter_of_an_abbreviation_is_no_fragment_of_a_split_word() -> None:
    text = "The infor- mation came out over.the summer, so as to be e.g. stronger or more complete.\n"
    fixed = repair.fix(text)
    assert "be e.g. stronger" in fixed and "information" in fixed


@pytest.mark.parametrize(
    "text",
    [
        "Seclude, v. t. [L. secludere; pref. se- aside +\n   claudere to shut.] To shut up apart.\n",
        "Requiem, n. [L. requiem; pref.\n   re- re + quiem.] A mass for the dead.\n",
    ],
)
def test_a_prefix_named_in_an_etymology_keeps_its_hyphen_and_space(text: str) -> None:
    assert repair.fix(text) == text


def test_a_letter_named_is_no_fragment_and_a_headword_syllable_no_misreading() -> None:
    letter = DAMAGE + "One side had the letter T on it, for Latin totum.\n"
    assert "letter T on it" in repair.fix(letter)
    parted = (
        "Seclude \\Se*clude\\, v. t. To shut up apart; the infor- mation came out over.the summer,"
        " and the ta- ble was set.\n"
    )
    fixed = repair.fix(parted)
    assert "\\Se*clude\\" in fixed and "information" in fixed and "table" in fixed


def test_usenet_groups_prefixes_before_a_closed_word_and_a_quoted_tag_are_no_damage() -> None:
    text = (
        "When a missionary posts an appeal to alt.atheism, he is dogpiled. Such delays are short"
        " (typically milli- or microseconds), and the command ‘FOD <player>’ ends them. “They don't"
        " wait,” he said.\n"
    )
    assert ocr_noise(Document(text)) == 0
    assert repair.fix(text) == text
    # a word broken before a conjunction's letters is still damage: "mi- nor" is "minor"
    assert ocr_noise(Document("It was a mi- nor point, they said, and it was soon forgotten.")) == 1


def test_a_short_form_with_its_period_is_no_misspelling() -> None:
    text = "-oid\n suff.\n\n    [from Greek suffix -oid] A thing like another.\n"
    assert repair.fix(text) == text


def test_authors_cited_and_surnames_after_initials_written_together_are_names() -> None:
    text = (
        "A language for testing circuits [Sammet 1969, p. 699], later ported by J.C.M. Baeten and"
        " D.G. Kafura (Kafura et al. 1989).\n"
    )
    assert [f for f in repair.check(text) if f.rule == "TYP001"] == []
    # a word in lower case before a year is still read
    assert [f.replacements[0] for f in repair.check("It shipped to the lab (reprot 1969).")] == ["report"]


def test_a_headword_before_its_form_in_syllables_is_a_term() -> None:
    text = 'Uproll \\Up*roll"\\, v. t.\n   To roll up.\n\nTimaline \\Tim"a*line\\, a.\n   Of a bird.\n'
    assert [f for f in repair.check(text) if f.rule == "TYP001"] == []
    # a slip before another word's form is still read
    assert [f for f in repair.check('Uproll \\Up*rol"\\, v. t.\n   To roll up.\n') if f.rule == "TYP001"]


def test_a_phrase_that_spells_its_candidate_out_is_no_safe_swap() -> None:
    # a glossary defines with the longer word ("metallic element", WordNet's synonym of "metal"): the
    # model prefers the shorter word in any text, so the swap is shown at most, never applied
    text = (
        "actinium\nSymbol: Ac\nAtomic number: 89\nSilvery radioactive metallic element, belongs to group 3 of"
        " the periodic table.\n"
    )
    assert repair.fix(text) == text
    found = [f for f in repair.check(text) if f.rule == "SPN002"]
    assert all(f.applicability is not Applicability.SAFE for f in found)


@pytest.mark.parametrize(
    "text",
    [
        "He was the captain's bowsman, that is, the man who pulled the bow oar.",
        "The old man was a kedger, as the sailors say, and begged on the wharf.",
    ],
)
def test_a_word_glossed_after_a_comma_is_a_term_the_text_introduces(text: str) -> None:
    assert repair.check(text, select=["TYP"]) == []


def test_a_common_misspelling_glossed_after_a_comma_is_still_corrected() -> None:
    text = "We sent the docuemnts, that is, the papers, to the office."
    assert "documents" in repair.fix(text, select=["TYP"])
