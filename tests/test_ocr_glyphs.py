"""OCR011: a capital I, a small l and the digits 1 and 0 read for each other inside words."""

from __future__ import annotations

import pytest

import repair
from repair.detectors.ocr.glyphs import i_reading, opens_sentence
from repair.document import Document
from repair.model import Applicability
from repair.spelling.lexicon import capitalised, lexicon

#: A damaged line (a word broken by a line-end hyphen, read joined): the text shows OCR damage.
DAMAGED = "The infor- mation reached the ta- ble late. "


def _ocr011(text: str) -> list[repair.Finding]:
    return [f for f in repair.check(text) if f.rule == "OCR011"]


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # a capital I after a small letter is a small l
        ("You wiII find the key under the mat.", "You will find the key under the mat."),
        ("We ate aII the bread before noon.", "We ate all the bread before noon."),
        ("It was nobody's fauIt but his own.", "It was nobody's fault but his own."),
        ("Her IittIe sister sang to the cat.", "Her little sister sang to the cat."),
        # one opening small letters, where the context wants the small l's word
        ("Her Iittle sister sang to the cat.", "Her little sister sang to the cat."),
        ("I Iike the way the river bends.", "I like the way the river bends."),
        # the pronoun in a contraction, and a contraction's "ll" in capitals
        ("She knows that l'm tired of waiting.", "She knows that I'm tired of waiting."),
        ("Wait here and l’ll fetch the car.", "Wait here and I’ll fetch the car."),
        ("Tell them we'II be there by six.", "Tell them we'll be there by six."),
        ("Ask again and I'II say no.", "Ask again and I'll say no."),
        # the pronoun alone, where the model wants "I" far more than a letter
        ("What l mean is that you should go.", "What I mean is that you should go."),
        ("Maybe l should call him, but l won't.", "Maybe I should call him, but I won't."),
        # a small l opening a sentence: the capital I's word, capitalised
        (
            "The night was cold. lt was late when we got home.",
            "The night was cold. It was late when we got home.",
        ),
        ("lf you see him, say hello.", "If you see him, say hello."),
        ("We waited an hour. ln the end we left.", "We waited an hour. In the end we left."),
        ("lt's too late to call now.", "It's too late to call now."),
    ],
)
def test_a_lookalike_glyph_is_read_as_its_letter(text: str, fixed: str) -> None:
    found = _ocr011(text)
    assert found and all(f.applicability is Applicability.SAFE for f in found)
    assert repair.fix(text) == fixed


def test_the_period_before_a_misread_capital_i_stays() -> None:
    # the stray-period rule read "late. ln the" as a period inside a sentence ("late in the")
    text = DAMAGED + "We stayed until it was late. ln the morning we walked back to the farm."
    assert not [f for f in repair.check(text) if f.rule == "OCR005"]
    assert repair.fix(text).endswith(
        "We stayed until it was late. In the morning we walked back to the farm."
    )


def test_the_spelling_rules_leave_a_sentence_opening_l_to_ocr011() -> None:
    # TYP001 had corrected "lt" to a small "it", and OCR007 "ln" to "in", at a sentence's start
    text = DAMAGED + "He came back at dawn. lt was cold. ln the yard the dog barked."
    rules = {
        text[f.start : f.end]: f.rule for f in repair.check(text) if text[f.start : f.end] in ("lt", "ln")
    }
    assert rules == {"lt": "OCR011", "ln": "OCR011"}


def test_digits_are_read_as_letters_only_in_damaged_text() -> None:
    sentence = "The men were g0ing home through the 1ittle wood to a g00d inn."
    assert not _ocr011(sentence)  # digits in an undamaged text may be a name or a code ("b2b")
    assert (
        repair.fix(DAMAGED + sentence)
        == repair.fix(DAMAGED) + "The men were going home through the little wood to a good inn."
    )


@pytest.mark.parametrize(
    "text",
    [
        "The a11y team and the l10n team met at 10am.",  # numerals that shorten words
        "He ran the 100m in under ten seconds, at 1am.",
        'The archive name has a "pr1" or "beta6" in it.',  # a version: digits only at the end
        "1am and 1have are the pronoun run on to the verb, OCR004's.",
    ],
)
def test_numbers_and_numeronyms_are_no_lookalikes_in_damaged_text(text: str) -> None:
    assert not _ocr011(DAMAGED + text)


@pytest.mark.parametrize(
    "text",
    [
        "Ioan Gruffudd and Ian McIlroy met in Iowa.",  # names: known, or before a surname
        "The IIT campus and the PyPI index run on iOS and WiFi.",  # capitals and brands
        "It was late. In the end we left.",  # the capital I's words themselves
        "Run ls to list the files, and ln to link them.",  # commands inside a sentence
        "ls lists the files in a folder.",  # the context does not want "Is lists" enough
        "ln creates a link to a file.",
        "The length l of the rod is fixed, and the letter l is silent.",  # a variable, a letter
        "Add 5 l of water, press the l key, and let l be a line.",
        "The illness left him weak, and the lion slept.",
        "Ilya and Iago arrived in Illinois.",
        "Read process.release.lts to know the line.",  # a name after a dot opens no sentence
        "Chapters IIIs and IVs, and the AIs, UIs and GIs.",  # numerals and plurals of capitals
        'OCR reads "will" as "wiII" and "I\'m" as "l\'m".',  # words quoted alone are mentioned
    ],
)
def test_clean_text_has_no_lookalike(text: str) -> None:
    assert not _ocr011(text)


def test_a_name_the_text_uses_again_is_kept() -> None:
    text = "Iggor went home. Later Iggor came back with bread."
    assert not _ocr011(text)


def test_the_explanation_names_the_word_and_its_frequency() -> None:
    (f,) = _ocr011("You wiII find the key under the mat.")
    assert f.replacements == ("will",)
    assert "'will' (Zipf 6." in f.explanation and "capital I between small letters" in f.explanation


def test_i_reading_wants_a_far_commoner_word() -> None:
    lex = lexicon()
    assert i_reading("lt", lex) == "It" and i_reading("lnto", lex) == "Into"
    assert i_reading("lon", lex) is None  # "ion" is not common enough, nor far commoner than "lon"
    assert i_reading("like", lex) is None and i_reading("lL", lex) is None


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        # a word the document writes capitalised, and never in lower case, keeps its capital I
        (
            "They sailed for lndia in May, for the ports of India were open.",
            "They sailed for India in May, for the ports of India were open.",
        ),
        # and so does a word English always writes capitalised
        ("The band played old lrish songs all night.", "The band played old Irish songs all night."),
        # a sentence's first word keeps its capital, whatever else was misread in it
        (
            "The men came late. lnportant news had reached them.",
            "The men came late. Important news had reached them.",
        ),
        # inside a sentence a small l read for a small i stays small
        ("He walked slowly lnto the house.", "He walked slowly into the house."),
        # but a word beside a capitalised one inside a sentence is part of a name
        ("They wrote to the lnternal Revenue office.", "They wrote to the Internal Revenue office."),
        ("We sailed past the Channel lslands at dawn.", "We sailed past the Channel Islands at dawn."),
        # a function word is none ("if" before a name), nor is a word after a sentence's first word
        (
            DAMAGED + "He will come lf Maria asks him.",
            "The information reached the table late. He will come if Maria asks him.",
        ),
        ("The lnternet was slow.", "The internet was slow."),
    ],
)
def test_the_spelling_rules_give_a_misread_l_its_capital_i(text: str, fixed: str) -> None:
    assert repair.fix(text) == fixed


def test_the_list_of_capitalised_words_leaves_out_words_written_both_ways() -> None:
    words = capitalised()
    assert {"india", "irish", "monday", "italy"} <= words
    assert not {"china", "may", "bill", "island", "internet"} & words  # "fine china", "a river island"


@pytest.mark.parametrize(
    "text",
    [
        "Use the \\fI font for \\fIoptions\\fR here.",  # roff escapes in a change log
        "* src/system.h (printint, pI): New macro.",  # a symbol of two letters
        "Tea in the harbour, or the DoI.",  # an abbreviation: "Dol" is no common word
    ],
)
def test_symbols_escapes_and_abbreviations_are_no_lookalikes(text: str) -> None:
    assert not _ocr011(text)


def test_a_word_run_on_to_the_pronoun_keeps_its_spelling_fix() -> None:
    # "Iam" reads as "lam" too, but the spelling rule's "I am" is the better reading: OCR011 leaves it
    (f,) = [f for f in repair.check("Iam currently living in a small town.") if f.start == 0]
    assert f.rule == "TYP001" and f.replacements[0] == "I am"


def test_damage_that_reads_as_camel_case_does_not_make_the_text_technical() -> None:
    # "teIIing", "kindIing": names in camelCase to the test for technical writing, which made the
    # text technical and kept "lt" (a command's name there) as written until a fix pass had run
    text = "lt was Iate. l'm teIIing you, it wiII be aII right. It was kindIing and a meIodious song."
    assert Document.from_text(text).technical
    starts = {text[f.start : f.end]: f.replacements for f in _ocr011(text)}
    assert starts["lt"] == ("It",)


@pytest.mark.xfail(
    reason="a name no list holds, written nowhere else: 'RaveneI' could be 'Ravenel' or a name with an I",
    strict=True,
)
def test_known_failure_a_name_with_a_misread_l() -> None:
    assert (
        repair.fix("Captain RaveneI came home late that night.")
        == "Captain Ravenel came home late that night."
    )


def test_a_name_with_a_misread_l_is_restored_where_the_text_writes_it_intact() -> None:
    text = "Captain Ravenel left at dawn. By night Captain RaveneI came home late."
    assert repair.fix(text) == text.replace("RaveneI", "Ravenel")
    # written only so, or more often so than the other way, it is the name's own spelling
    assert (
        repair.check("The firm of DiIorio and Sons. Mr DiIorio spoke to Mr Dilorio.", select=["OCR011"]) == []
    )


@pytest.mark.xfail(
    reason="the trigram model prefers 'In it' over 'ln it' by only 3.7, under the 4.5 a command name needs",
    strict=True,
)
def test_known_failure_a_sentence_opening_l_the_model_likes_less() -> None:
    assert (
        repair.fix("He wrote a letter. ln it he begged her to stay.")
        == "He wrote a letter. In it he begged her to stay."
    )


def test_a_sentence_closed_inside_brackets_ends_before_a_sentence_opening_l() -> None:
    text = "He wrote six songs on one theme.) ln our days few would. (See above) ln this way too."
    assert [text[f.start : f.end] for f in _ocr011(text)] == ["ln"]
    assert repair.fix(text).startswith("He wrote six songs on one theme.) In our days")


def test_a_quotation_after_a_comma_opens_a_sentence() -> None:
    # "lt" after 'said, "' was left, and "lnformation" came back in lower case
    assert repair.fix("She said, “lt was late when we left.”") == "She said, “It was late when we left.”"
    assert repair.fix('He said, "lnformation is the key."') == 'He said, "Information is the key."'
    # after a closing quote and a comma, the next quoted item of a list goes on in lower case
    assert opens_sentence('He said, "It', 10) and not opens_sentence('the words "ice", "ink"', 18)


def test_a_lone_l_read_for_the_pronoun_becomes_a_capital_i() -> None:
    # OCR007 read the lone "l" as a small "i", a word no print sets for the pronoun
    text = DAMAGED + "Nobody will demand it sooner than l. Then we can talk."
    assert repair.fix(text).endswith("Nobody will demand it sooner than I. Then we can talk.")


def test_a_line_of_wrapped_prose_is_no_sentence_start() -> None:
    # a small l at a line's start inside a wrapped sentence is a small i: "lnto" stays in lower case
    text = "The men walked slowly along the river bank and then went\nlnto the old house by the mill."
    assert repair.fix(text) == text.replace("lnto", "into")
    assert repair.fix("The men walked home.\n\nlnto the house they went.").endswith(
        "Into the house they went."
    )


def test_a_dash_that_opens_a_line_of_dialogue_opens_a_sentence() -> None:
    # subtitles read by OCR from a disc's images set each speaker's line after a dash
    cue = "2\n00:00:04,100 --> 00:00:06,800\n- lt's too late for that.\n- l know, l know.\n"
    fixed = "2\n00:00:04,100 --> 00:00:06,800\n- It's too late for that.\n- I know, I know.\n"
    assert repair.fix(cue, path="ep01.srt") == fixed
    assert opens_sentence("- lt was late.", 2)
    # a dash inside a line opens nothing
    assert not opens_sentence("We went - lt was late.", 10)
