"""Older and dialect spelling, and words of other languages, left alone by the typo family.

Every sentence here is invented for the test.
"""

from __future__ import annotations

import pytest

import repair
from repair.model import Applicability
from repair.spelling.lexicon import lexicon
from repair.spelling.variety import is_mark, old_spelling, own_mark

FAMILY = ["TYP", "OCR"]


def _typo_rules(text: str) -> list[tuple[str, str]]:
    return [
        (text[f.start : f.end], f.applicability.value)
        for f in repair.check(text, select=FAMILY)
        if f.rule in ("TYP001", "OCR001", "TYP003")
    ]


@pytest.mark.parametrize(
    "text",
    [
        # an old document quoted in a history: "goode" and "repaire" were once fixed safely
        "The old register reads: “Item, the saide house was lett to a goode man of the parish, and he "
        "hath kept it in good repaire.”",
        # eye dialect in dialogue: "betther" was once fixed safely to "better"
        "“Sure an' I'm walkin' home now, an' I'll be cookin' the supper betther than ever,” said the carter.",
        # old spellings that are each other's evidence: "chylde", "wyfe" and "goode" were fixed safely
        "Their chylde lived in a citie by the sea, and his wyfe was a goode woman.",
        # a verb in -eth is never a slip: "singeth" was once fixed safely to "singer"
        "The miller singeth at the fair, and the boy was wish'd away.",
        # Irish speech: "niver" was fixed safely to "never", twice, beside "wance"
        "“The fun of it niver lasts but the wance, niver but the wance,” the cook told him.",
        # and once, opening a sentence beside "ye" and "ye're"
        "“Niver ye mind the rain! Ye’re wanting your tea,” said the cook.",
        # a German's speech: "vill" was fixed safely to "will" each time
        "“I vill it play,” said the old teacher. “Now ve vill see if he vill more play.”",
        # the English of the Authorized Version: "alway" was fixed safely to "always"
        "And he spake unto them, saying, Lo, I am with you alway, and ye shall not want.",
    ],
)
def test_old_and_dialect_spelling_is_left_alone(text: str) -> None:
    assert _typo_rules(text) == []
    assert repair.fix(text, select=FAMILY) == text


def test_one_mark_does_not_make_a_passage_old() -> None:
    # a hymn quoted in modern prose: one old word is not a way of writing
    text = "The hymn begins with thee, and the choir recieved the new books."
    assert (
        repair.fix(text, select=FAMILY) == "The hymn begins with thee, and the choir received the new books."
    )


def test_the_passage_ends_at_the_paragraph() -> None:
    old = (
        "“Sure an' I'm walkin' home now, an' I'll be cookin' the supper betther than ever,” said the carter."
    )
    text = old + "\n\nThe troops recieved their orders the next morning.\n"
    assert repair.fix(text, select=FAMILY) == (
        old + "\n\nThe troops received their orders the next morning.\n"
    )


def test_a_misread_glyph_is_still_corrected_in_an_old_passage() -> None:
    text = "Thou hast seen tbe house, and thy father doth know it."
    assert repair.fix(text, select=FAMILY) == "Thou hast seen the house, and thy father doth know it."


def test_an_elided_past_tense_is_no_misread_even_when_a_glyph_would_explain_it() -> None:
    # "accurs'd" is "accursed" (Zipf 2.6): an "a" read for an "o" would make it "occurs'd"
    for text in ('"O accurs\'d night," the old sailor sang to us.', "Thou art accurs'd, the witch said."):
        assert repair.check(text) == []
    assert own_mark("accurs'd", "", "", lexicon()) and not own_mark("bloop'd", "", "", lexicon())


def test_marks() -> None:
    lex = lexicon()
    assert old_spelling("goode", lex) == "good"
    assert old_spelling("wyfe", lex) == "wife"
    assert old_spelling("generall", lex) == "general"
    assert old_spelling("vnto", lex) == "unto"
    assert old_spelling("haue", lex) == "have"
    assert old_spelling("bould", lex) == "bold"
    assert old_spelling("betther", lex) == "better"
    assert old_spelling("good", lex) is None  # a word of its own
    assert old_spelling("recieved", lex) is None  # a slip, not an old spelling
    assert own_mark("walkin", "", "'", lex) and own_mark("tis", "'", " ", lex)
    assert own_mark("uns", "'", " ", lex) and not own_mark("uns", " ", " ", lex)  # "the little 'uns"
    assert not own_mark("violin", "", "'", lex)  # a closing single quote
    assert own_mark("hath", "", "", lex) and own_mark("singeth", "", "", lex)
    assert not own_mark("teeth", "", "", lex) and not own_mark("twentieth", "", "", lex)
    assert not own_mark("she'd", "", "", lex) and own_mark("lov'd", "", "", lex)
    assert not own_mark("goode", "", "", lex) and is_mark("goode", "", "", lex)
    assert not is_mark("goode", "", "", lex, spellings=False)  # OCR damage makes such words
    assert not is_mark("Hille", "", "", lex)  # a capitalised word may be a name


def test_a_long_word_of_another_language_is_not_corrected_safely() -> None:
    # "liquore" is common Italian, one letter from "liquor": shown, not changed
    text = "The cook poured a glass of liquore for each guest."
    found = [f for f in repair.check(text, select=FAMILY) if f.rule == "TYP001"]
    assert [(f.replacements[0], f.applicability.value) for f in found] == [("liquor", "unsafe")]
    assert repair.fix(text, select=FAMILY) == text


@pytest.mark.parametrize(
    "text",
    [
        # a function word of another language beside a common word of one: "che" is Italian ("notte"
        # was once fixed safely to "note")
        "At the recital she sang the old song che bella notte and the hall fell silent.",
        # an accented word and a function word of another language within a few words: "yver" (old
        # French for "hiver") was once reported as "over"
        "The clerk noted that the rent fell due en yver de récolte et de foire, as was the custom.",
    ],
)
def test_signs_of_another_language_together_make_a_foreign_phrase(text: str) -> None:
    assert _typo_rules(text) == []


def test_a_word_after_an_article_of_another_language_is_foreign() -> None:
    # "massue" was once reported as "masse": "la" puts it in French
    assert (
        _typo_rules("The villagers called the standing stone la massue, the club, and danced round it.") == []
    )
    # only the word right after it: a slip further on is still fixed
    text = "They met at la Scala, and the troops recieved their orders."
    assert repair.fix(text, select=FAMILY) == text.replace("recieved", "received")


def test_the_rest_of_a_word_completed_in_brackets_is_left_alone() -> None:
    from repair.detectors.typo import _bracketed_part

    # "quet" was once fixed safely to "quiet"
    text = "The deed was signed by Robert [Mar]quet and his sons."
    assert _typo_rules(text) == []
    at = text.index("quet")
    assert _bracketed_part(text, at, at + 4)
    assert not _bracketed_part("a [note] here", 3, 7)


def test_marks_inside_a_quotation_do_not_make_the_narration_old() -> None:
    text = "He read out “thou shalt not” and “hath not thy word” to the class, then recieved the letter."
    assert repair.fix(text, select=FAMILY) == text.replace("recieved", "received")


def test_swapped_letters_are_a_slip_even_in_dialect() -> None:
    text = "“Sure an' I'm walkin' home now, an' I'll be cookin' for thier supper,” said the carter."
    assert repair.fix(text, select=FAMILY) == text.replace("thier", "their")


def test_a_dialect_spelling_alone_is_a_slip() -> None:
    # a child writes "wuz" for "was": one dialect-like word is no passage of dialect
    assert (
        repair.fix("The boy wuz late for school again.", select=FAMILY)
        == "The boy was late for school again."
    )


def test_a_line_of_verse_keeps_its_old_spellings() -> None:
    # a poem quoted in prose keeps its poet's spelling: shown as an unsafe fix, never applied by
    # default; the same words in the prose around it are corrected as before
    verse = "    My ark I have builded, heaven is nigh,\n    And the water flowed forth alway.\n"
    prose = "He said the ark was builded, and the water flowed forth alway.\n"
    text = f"The infor- mation reached the ta- ble late, and the old song ran thus:\n\n{verse}\n{prose}"
    found = {
        (text[f.start : f.end], text.count("\n", 0, f.start) + 1): f
        for f in repair.check(text, select=FAMILY)
        if f.rule == "TYP001"
    }
    assert {k: f.applicability for k, f in found.items()} == {
        ("builded", 3): Applicability.UNSAFE,
        ("alway", 4): Applicability.UNSAFE,
        ("builded", 6): Applicability.SAFE,
        ("alway", 6): Applicability.SAFE,
    }
    assert "verse" in found[("alway", 4)].explanation
    assert verse in repair.fix(text, select=FAMILY)
    # one indented short line alone is no verse (a block quote of one line, a list's continuation)
    one = "The infor- mation reached the ta- ble late.\n\n    It flowed forth alway.\n\nThen it stopped.\n"
    assert "flowed forth always." in repair.fix(one, select=FAMILY)
    # nor are a nested list's items, nor indented lines of wrapped prose, which go on in lower case
    nested = "Notes:\n\n- Parent item\n  - a child that will recieve mail\n  - another child item\n"
    assert "will receive mail" in repair.fix(nested, select=FAMILY)
    wrapped = "Notes:\n\n  The parcel came late, and we\n  recieved it on a Monday\n  at last.\n"
    assert "we\n  received it" in repair.fix(wrapped, select=FAMILY)
    # a stanza's every line opens with a capital: two that do in a paragraph of prose make none
    indented = "Notes:\n\n  The parcel came late on a wet day.\n  Tom recieved it on Monday and\n  smiled.\n"
    assert "Tom received it" in repair.fix(indented, select=FAMILY)
    # nor does a list of short capitalised lines, each its own sentence (a commit message)
    commit = "commit 1a2b3c\n\n    Restore the license text.\n    It was dammaged in the conversion.\n"
    assert "It was damaged in" in repair.fix(commit, select=FAMILY)


def test_an_elided_one_is_no_slip() -> None:
    # "'uns" (ones) was shown as "and"; in a mail it was fixed safely
    assert _typo_rules("The big comets travel with many little 'uns spread out along their path.") == []


def test_a_dialect_word_alone_is_still_a_slip() -> None:
    # marks count only beside other marks: one "vill" in plain prose is a slip
    text = "The committee vill meet on Monday to discuss the budget."
    assert repair.fix(text, select=FAMILY) == text.replace("vill", "will")
    assert is_mark("ye're", "", "", lexicon()) and not is_mark("you're", "", "", lexicon())


def test_a_word_beside_a_capitalised_noun_of_another_language_is_foreign() -> None:
    # "freye" was fixed safely to "free": German capitalises its nouns ("Fantasien")
    assert _typo_rules("He gave the sonatas a somewhat “freye Fantasien” reading.") == []
    # a capitalised name beside a slip makes no foreign phrase, even one common in Spanish
    for name in ("Wellington", "Arjona"):
        text = f"The troops under {name} recieved their orders."
        assert repair.fix(text, select=FAMILY) == text.replace("recieved", "received")


VINEYARD = (
    "And the keeper of the vineyard spake unto his servants, saying, Go ye into the field, and gather "
    "the grapes thereof, for the time of the harvest is come. Then said the keeper unto them, Thou hast "
    "done well, and thy labour shall not be forgotten. And one of the servants answered and said unto "
    "him, Lord, why hast thou given the wine unto strangers? And the keeper saith unto him, Friend, I "
    "do thee no wrong: take that thine is, and go thy way. Hath not a man power over his own house? "
    "Doth not the husbandman choose the time of his reaping?\n\n"
)
PLAIN = "In those days the people of the plain bought and sold, they planted and they builded, and grew.\n"


def test_a_text_written_in_older_english_keeps_its_spellings() -> None:
    # a paragraph without a mark of its own, in a text whose every paragraph speaks so: "builded"
    # is the period's past tense, offered as an unsafe fix, never applied by default
    text = VINEYARD + PLAIN
    (found,) = [f for f in repair.check(text, select=FAMILY) if text[f.start : f.end] == "builded"]
    assert found.replacements[0] == "built" and found.applicability is Applicability.UNSAFE
    assert "older English" in found.explanation
    assert repair.fix(text, select=FAMILY) == text
    assert "they built," in repair.fix(text, select=FAMILY, unsafe=True)
    # a misread glyph is still corrected there: damage, not a way of spelling
    scanned = VINEYARD + PLAIN.replace("bought", "bougbt")
    assert "plain bought and sold" in repair.fix(scanned, select=FAMILY)


def test_a_modern_text_quoting_a_verse_is_no_text_in_older_english() -> None:
    text = "The vicar read a verse at the start: Thou shalt not steal.\n\n" + PLAIN
    assert "they built," in repair.fix(text, select=FAMILY)


SPEECH = (
    '"The boys ain\'t got sich fine weepons as ourn," said the old man. "I rayther guess they\'ll be'
    ' back airley in the morning."'
)


def _long_story(speech: str) -> str:
    """The project's own clean prose (about 1,100 words) with ``speech`` as its last paragraph."""
    from pathlib import Path

    negatives = Path(__file__).parent / "negatives"
    names = ("spin_clean.txt", "typo_clean.txt", "scrape_clean.txt")
    parts = [(negatives / n).read_text(encoding="utf-8").strip() for n in names]
    return "\n\n".join([*parts, speech]) + "\n"


def test_dialect_in_the_quoted_speech_of_a_long_text_is_offered_not_applied() -> None:
    text = _long_story(SPEECH)
    found = {text[f.start : f.end]: f for f in repair.check(text, select=["TYP001"])}
    assert {"weepons", "rayther", "airley"} <= set(found)
    assert all(f.applicability is Applicability.UNSAFE for f in found.values())
    assert "quoted speech" in found["weepons"].explanation
    assert repair.fix(text, select=["TYP"]) == text


def test_slips_in_a_short_texts_quotation_or_in_narration_are_still_applied() -> None:
    # a paragraph's quotation can hold three slips; and outside quotes the narrator's slip is one
    assert repair.fix(SPEECH, select=["TYP001"]).count("weapons") == 1
    text = _long_story(SPEECH + "\n\nThe man walked slowely home.")
    assert "slowly home" in repair.fix(text, select=["TYP001"])


@pytest.mark.parametrize(
    "text",
    [
        "In so doing, the ship fights 'gainst the very winds that drive it.",
        "In so doing, the ship fights ‘gainst the very winds that drive it.",  # turned the wrong way
    ],
)
def test_a_word_whose_first_letters_an_apostrophe_elides_is_left_alone(text: str) -> None:
    assert repair.check(text, select=["TYP"]) == []
    # without the apostrophe it is a slip
    assert repair.fix(text.replace("'g", "g").replace("‘g", "g"), select=["TYP"]).count("against") == 1


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("The steward that letteth the grain rot in the barn shall pay for it.", "letteth"),
        ("Here the story of two brothers beginneth, and the first part telleth of their youth.", "beginneth"),
    ],
)
def test_an_old_verb_in_eth_on_a_doubled_consonant_is_the_writers_own(text: str, word: str) -> None:
    # "letteth" is "let" with its consonant doubled, as "sitteth" and "beginneth": no slip for "letter"
    assert own_mark(word, "", "", lexicon())
    assert [f for f in repair.check(text, select=FAMILY) if word in text[f.start : f.end]] == []
    assert not own_mark("letters", "", "", lexicon())


def test_a_name_one_letter_from_another_is_no_safe_fix_in_a_clean_text() -> None:
    # a capitalised word inside a sentence one letter away from a known one is more often a name of
    # its own than a misread glyph, unless the text shows OCR damage
    text = "The caravan rested at the wells of Dorab, then at Kimlet and at Rehob before it reached the sea."
    (found,) = [f for f in repair.check(text, select=FAMILY) if text[f.start : f.end] == "Rehob"]
    assert found.applicability is Applicability.UNSAFE and "name of its own" in found.explanation
    assert repair.fix(text, select=FAMILY) == text
    # a run of letters read as one ("rn" for "m") is no way names differ: still fixed
    river = "The traders sailed up the Missouri, the Yellowstone and the Colurnbia before the winter came."
    assert "the Columbia before" in repair.fix(river, select=FAMILY)
    # in a text that shows OCR damage the misread letter is fixed as before
    scanned = "The infor- mation came late; the gov- ernment knew it. " + text
    assert "and at Rehab before" in repair.fix(scanned, select=FAMILY)


def test_a_stanza_set_flush_left_keeps_its_spellings() -> None:
    # four short lines opening with capitals, a sentence running on after a comma: a poem, whose
    # old spellings ("alway") a list of today's misspellings reads as slips
    stanza = (
        "The lamp is lit upon the sill,\n"
        "The wind is loud across the hill,\n"
        "And I will watch alway for thee\n"
        "Till morning comes across the sea.\n"
    )
    (found,) = [f for f in repair.check(stanza, select=FAMILY) if stanza[f.start : f.end] == "alway"]
    assert found.applicability is Applicability.UNSAFE and "verse" in found.explanation
    # the same line in prose is fixed
    prose = "I will watch alway for the boats that come in across the sea in the morning.\n"
    assert "watch always for" in repair.fix(prose, select=FAMILY)


def test_a_vowel_for_a_vowel_in_older_english_is_no_safe_fix_without_ocr_damage() -> None:
    # "trode" (trod) reads as "trade" with one vowel misread; in a clean text in older English that is a
    # period spelling as often as a glyph, so it is offered, not applied
    text = VINEYARD + "Then the horsemen chased the raiders, and trode them down with ease over by the hill."
    (found,) = [f for f in repair.check(text, select=FAMILY) if text[f.start : f.end] == "trode"]
    assert found.applicability is Applicability.UNSAFE and "older English" in found.explanation
    assert repair.fix(text, select=FAMILY) == text
    # a consonant misread ("bougbt") is damage, not a way of spelling: still fixed
    scanned = VINEYARD + PLAIN.replace("bought", "bougbt")
    assert "plain bought and sold" in repair.fix(scanned, select=FAMILY)
