"""The OCR family: hyphenation, split and merged words, stray punctuation, apostrophes, misreads."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import repair
from repair.detectors.ocr import structure
from repair.detectors.ocr.marks import _elided
from repair.model import Applicability

FAMILY = ["TYP", "OCR"]


def fix(text: str, unsafe: bool = False) -> str:
    """The text fixed by the typo and OCR families only."""
    return repair.fix(text, unsafe=unsafe, select=FAMILY)


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("The exhi- bition opened in May.", "The exhibition opened in May."),
        ("The exhi-\nbition opened in May.", "The exhibition\nopened in May."),
        ("The exhi-\r\nbition opened in May.", "The exhibition\r\nopened in May."),
        ("a grey- haired man", "a grey-haired man"),
        # no half is a word, though no list has the whole; a bound prefix
        ("He left with a certain precipi- tancy.", "He left with a certain precipitancy."),
        ("The dark-\nhaired Tchai-\nkovsky sat down.", "The dark-\nhaired Tchaikovsky\nsat down."),
        ("an un- savoury tale", "an unsavoury tale"),
        ("the close re- semblances of the two songs", "the close resemblances of the two songs"),
    ],
)
def test_line_end_hyphens(text: str, fixed: str) -> None:
    assert fix(text) == fixed


@pytest.mark.parametrize(
    "text",
    [
        "Both pre- and post-war budgets grew.",
        "Both re- and de-registration were slow.",
        "Its first- or second-hand value fell.",
        "It was well-known and self-made.",
        "The years 1990- 1995 were hard.",
        "Call the Nur- Sultan office.",
        "Bind the keys without the M- prefix.",
        "There are -all- sorts of jobs open on the coast this summer.",  # two hyphens typed as dashes
        "Being -miles- away from the stage is no fun at all.",
    ],
)
def test_hyphens_left_alone(text: str) -> None:
    assert fix(text) == text


def test_break_between_two_common_words_needs_context() -> None:
    (f,) = repair.check("They struck a bar- gain at dawn.", select=["OCR002"])
    assert f.applicability is Applicability.SAFE  # "a bargain at" reads far better than "a bar gain at"
    assert fix("They struck a bar- gain at dawn.") == "They struck a bargain at dawn."


def test_fragments_known_to_web_text_are_rejoined_only_in_damaged_text() -> None:
    # "ment" and "ent" are in web word lists, but no dictionary lists them as words
    assert fix(f"{DAMAGED} that the environ ment was poor.").endswith("that the environment was poor.")
    assert fix(f"{DAMAGED} that he w ent home.").endswith("that he went home.")
    assert fix(f"{DAMAGED} that some one was here.").endswith("that some one was here.")
    clean = "The environ ment was poor."
    assert fix(clean) == clean


def test_split_and_merged_words() -> None:
    assert fix("The parlia ment met on Monday.") == "The parliament met on Monday."
    assert fix("It was the end ofthe season.") == "It was the end of the season."
    assert fix("hehe sorry, I pressed the wrong key.") == "hehe sorry, I pressed the wrong key."  # laughter
    assert fix("The therapist saw another theme.") == "The therapist saw another theme."


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("She came from.the market.", "She came from the market."),
        ("They walked to. the river at noon.", "They walked to the river at noon."),
        ("The rain fell. and the river rose.", "The rain fell, and the river rose."),
        ("Then | knew the way.", "Then I knew the way."),
        ("He left. | was alone.", "He left. I was alone."),
        ("and 1 had to go.", "and I had to go."),
        ("the quiet ~ garden", "the quiet garden"),
        ("the long day ended :\nthen night came.", "the long day ended\nthen night came."),
        ("He sold the farm,.and the mill stood idle.", "He sold the farm, and the mill stood idle."),
        ("She came from.the fair as.a guest of.a friend.", "She came from the fair as a guest of a friend."),
        (
            "The man said.on the way that his desires.are simple.",
            "The man said on the way that his desires are simple.",
        ),
    ],
)
def test_stray_punctuation(text: str, fixed: str) -> None:
    assert fix(text) == fixed


def test_a_speck_read_as_a_mark_inside_a_word_is_deleted_in_damaged_text() -> None:
    text = "The infor- mation came late, and tlie deci,sion was made in the informa.tion office.\n"
    found = repair.check(text)
    specks = [f for f in found if f.rule == "OCR005"]
    assert [(text[f.start : f.end], f.applicability) for f in specks] == [
        (",", Applicability.SAFE),
        (".", Applicability.SAFE),
    ]
    # the misspelling rules leave the halves alone ("deci" is no slip for "deck")
    assert not [f for f in found if f.rule.startswith("TYP")]
    assert fix(text) == "The information came late, and the decision was made in the information office.\n"


def test_a_speck_inside_a_word_in_clean_text_is_offered_not_applied() -> None:
    # a pun or a name may write a mark inside a word ("com.munity"): outside OCR damage, offered only
    text = "Join the com.munity forum and read the informa.tion page.\n"
    found = [f for f in repair.check(text) if f.rule == "OCR005"]
    assert [text[f.start : f.end] for f in found] == [".", "."]
    assert {f.applicability for f in found} == {Applicability.UNSAFE}
    assert fix(text) == text


def test_a_speck_before_a_common_words_last_letter_is_deleted() -> None:
    text = "The infor- mation came late. Th.e men wa.s there an,d the army left.\n"
    assert [f.rule for f in repair.check(text)] == ["OCR002", "OCR005", "OCR005", "OCR005"]
    assert fix(text) == "The information came late. The men was there and the army left.\n"
    # a comma typed for an apostrophe is no speck: "it,s" is no "its"
    quoted = "The infor- mation came late. It,s late, let,s go at 5 p.m. or a.m. as he said.\n"
    assert [f.rule for f in repair.check(quoted) if f.rule == "OCR005"] == []


@pytest.mark.parametrize(
    "text",
    [
        "See e.g. the list, i.e. the first one.",  # abbreviations
        "She came from.the market.",  # two words: a mark glued between them, not inside one
        "Read the notes in the configure.in file and call obj.attr twice.",
    ],
)
def test_marks_inside_words_that_are_no_specks(text: str) -> None:
    assert [f for f in repair.check(text, select=["OCR005"]) if "inside" in f.message] == []


def test_a_glyph_confusion_repeated_in_one_word_is_undone_at_every_place() -> None:
    # "m" read as "rn" twice, "w" as "vv" twice: four plain edits, beyond the spelling index
    text = "The infor- mation came late. It was a cornrnon sight in surnrner; the vvindovv stood open.\n"
    found = [f for f in repair.check(text) if f.rule == "OCR001"]
    assert [(text[f.start : f.end], f.replacements[0]) for f in found] == [
        ("cornrnon", "common"),
        ("surnrner", "summer"),
        ("vvindovv", "window"),
    ]
    assert all(f.applicability is Applicability.SAFE for f in found)
    assert "'rn'->'m' at 2 places" in found[0].explanation
    assert fix(text) == "The information came late. It was a common sight in summer; the window stood open.\n"
    # a capital inside a sentence takes a glyph confusion only, and cheap: the second place costs little
    house = "The infor- mation came late. The Cornrnittee of the House of Cornrnons met.\n"
    assert fix(house) == "The information came late. The Committee of the House of Commons met.\n"


def test_repeated_glyph_readings_undo_one_confusion_at_two_places_or_more() -> None:
    from repair.spelling.cost import describe, glyph_readings

    readings = {r for r, _, _, _ in glyph_readings("rnodern")}
    assert readings == {"modem"}  # one place undone ("modern") is the spelling index's to find
    assert describe("cornrnittee", "committee") == "OCR confusion 'rn'->'m' at 2 places"
    assert list(glyph_readings("corn")) == [] and list(glyph_readings("vvv")) == []


def test_the_dotted_names_of_a_scheme_are_no_marks_glued_between_words() -> None:
    # a manual taken from its PDF writes R's functions with nothing to mark them as code
    text = (
        "Convert it with as.list or as.vector, test it with is.na, is.null or is.list, and coerce it "
        "back with as.call before the call returns.\n"
    )
    assert [f for f in repair.check(text, select=["OCR005"]) if "glued" in f.message] == []
    # a period glued once between a function word and another word is still a speck
    once = "The infor- mation came late, and we walked as.far as the river.\n"
    assert fix(once) == "The information came late, and we walked as far as the river.\n"


@pytest.mark.parametrize(
    "text",
    [
        "Note that [ always requires an exact match of the name.",  # a third person's verb follows
        "Indexing with [ will also drop the names.",  # after a preposition the pronoun is "me"
    ],
)
def test_a_bracket_that_cannot_be_the_subject_i_is_left_alone(text: str) -> None:
    assert [f for f in repair.check(text, select=["OCR005"]) if "pronoun" in f.message] == []


def test_straight_apostrophes_in_lines_of_code_keep_the_code_as_typed() -> None:
    # a manual taken from its PDF curls its prose's apostrophes and sets its code in a typewriter face
    text = (
        "It’s late, I’m tired, we’re done and you’re here, but don't go.\n"
        'error ("didn\'t get it");\n'
        "x = 1; // we don't care\n"
        "%!test assert (it's_ok)\n"
    )
    found = [text[f.start - 3 : f.end + 1] for f in repair.check(text, select=["OCR006"])]
    assert found == ["don't"]


def test_curly_quotes_alone_do_not_make_a_readme_curly() -> None:
    # an editor curled two quotation marks; the writer types apostrophes straight
    text = "If it says it can't find the “clippy” component, install it first.\n"
    assert repair.check(text, path="docs/README.md", select=["OCR006"]) == []
    # nor outside one, unless a curly apostrophe or other OCR damage shows a print that curled both
    assert repair.check(text, select=["OCR006"]) == []
    scan = "If it says it can't find the “clippy” component, in- stall it first.\n"
    assert [f.rule for f in repair.check(scan, select=["OCR006"])] == ["OCR006"]


def test_a_slim_majority_of_curly_apostrophes_in_technical_writing_makes_no_safe_fix() -> None:
    # four curly apostrophes against three straight in a README: the style is undecided
    slim = "We're glad you're here; we'd like help. You’ll see it’s easy, we’ll help, it’s fun.\n"
    found = repair.check(slim, path="README.md", select=["OCR006"])
    assert len(found) == 3 and {f.applicability for f in found} == {Applicability.UNSAFE}
    assert repair.fix(slim, path="README.md", select=["OCR006"]) == slim
    clear = "We're glad. You’ll see it’s easy, we’ll help, it’s fun and you’re in.\n"
    assert repair.fix(clear, path="README.md", select=["OCR006"]) == clear.replace("We're", "We’re")
    few = "It's here. You’ll see it’s easy.\n"  # twice as many, but two in all: no style yet
    assert repair.fix(few, path="README.md", select=["OCR006"]) == few
    # in prose the majority decides (OCR mixes the marks of a print that had one style)
    assert repair.fix(slim, select=["OCR006"]) == slim.replace("'", "’")


def test_a_capital_t_is_read_for_i_only_in_damaged_text() -> None:
    # a type or a set named T in technical prose; in a damaged scan the glyph is a misread "I"
    text = "The wrapper behaves as if T was stored inside it."
    assert repair.check(text, select=["OCR005"]) == []
    damaged = f"{DAMAGED}. Then T was sure of it."
    assert fix(damaged).endswith("Then I was sure of it.")


def test_a_period_before_a_lower_case_word_in_undamaged_text() -> None:
    # a writer who forgot a capital ("photos. submissions welcome") or wrote an abbreviation ("ref.
    # our script") keeps the period; a speck is a period no sentence ends on, one before "and",
    # or one inside a phrase the trigram model reads as one
    for text in (
        "Send us your photos. submissions are welcome.",
        "The build follows the upstream recipe, ref. our main build script.",
        "You can ignore this for your code. the crate does it for you.",
        "The rain fell. when the river rose, he left.",
    ):
        assert fix(text) == text, text
    assert fix("They walked to. the river at noon.") == "They walked to the river at noon."
    assert fix("The rain fell. and the river rose.") == "The rain fell, and the river rose."
    assert fix("We recently. saw the old bridge.") == "We recently saw the old bridge."
    # with damage elsewhere, or periods like it all over a short text, clause openers are read as
    # commas again
    damaged = f"{DAMAGED} The rain fell. when the river rose, he left."
    assert fix(damaged).endswith("The rain fell, when the river rose, he left.")
    several = "The rain fell. when the river rose. he left."
    assert fix(several) == "The rain fell, when the river rose, he left."


@pytest.mark.parametrize(
    "text",
    [
        "On Monday Anna wrote :\n\nThe meeting moves to room four.",  # before a paragraph's end
        "The files are on the mirror : https://example.org/files for now.",
        "Call the desk on the phone : +44 20 7946 0000 at any hour.",
        "The latest copy is kept here :\nwww.example.org/latest",
        "The kit holds two tools:\n  tallr : counts the words of each part\n  * mergr : merges notes\n",
    ],
)
def test_a_colon_typed_after_a_space_is_no_speck(text: str) -> None:
    # French and much e-mail typing set a colon off by a space before what it introduces
    assert repair.check(text, select=["OCR"]) == []
    # in OCR-damaged text a colon speck before a word is still removed
    assert fix(f"{DAMAGED} : the men left.").endswith("government knew the men left.")


def test_only_per_cent_makes_cent_an_abbreviation() -> None:
    text = f"{DAMAGED}. He paid but a cent. the rest was owed."
    found = repair.check(text, select=["OCR005"])
    assert [f.start for f in found] == [text.index("cent.") + 4]


@pytest.mark.parametrize(
    "text",
    [
        "See e.g. the list, i.e. the first one, at 5 p.m. today.",
        "He met Dr. Smith et al. in the lab, approx. ten of them.",
        "Open index.html or notes.txt now.",
        "| a | b |\n| c | d |",
        "The ratio was 3:2 and the time 10.30 exactly.",
        "The score was 10 : 30 at half time.",
        "Items 1 was priced at ten.",
        "Wait . . . what?",
        "The duty was raised to twenty per cent. on all imported cloth.",  # "per cent." of older prose
        "The timeout is set in sec. and it is the same as the user-defined one.",  # a unit's short form
    ],
)
def test_punctuation_left_alone(text: str) -> None:
    assert fix(text) == text


# In OCR-damaged text (the broken words), a quotation mark read where a space belongs.
DAMAGED = "The infor- mation came late; the gov- ernment knew"


def test_a_word_broken_after_a_leading_hyphen_is_rejoined_in_damaged_text() -> None:
    # outside damage " -spirit- ual" may be two dashes around a word; in a damaged page it is a break
    damaged = fix(f"{DAMAGED} that the -spirit- ual life was clear.")
    assert damaged.endswith("that the -spiritual life was clear.")
    assert fix("He said the -spirit- ual life was clear.") == "He said the -spirit- ual life was clear."


def test_a_suffix_after_an_apostrophe_is_no_fragment_of_a_split_word() -> None:
    text = f"{DAMAGED} that the script swaps the %'s and ='s in the file."
    assert repair.check(text, select=["OCR003"]) == []


def test_a_word_written_two_ways_with_a_slash_is_no_fragment_of_a_split_word() -> None:
    # "s/he" is "she" or "he": joining "that s" made "thats/he" in a damaged page
    text = f"{DAMAGED} that s/he must return it, and/or pay."
    assert repair.check(text, select=["OCR003"]) == []
    assert fix(text).endswith("that s/he must return it, and/or pay.")


def test_dashes_typed_as_hyphens_around_words_are_no_damage() -> None:
    # two such asides made the text read as damaged, and each was "rejoined" as a compound
    for text in (
        "There are -all- sorts of jobs on the coast, and being -miles- away from town is no fun.",
        "Very few of us are -that- lucky, and -really- nobody knows why.",
    ):
        assert repair.check(text, select=["OCR"]) == []


def test_a_writer_who_does_not_capitalise_types_periods_before_lower_case() -> None:
    text = (
        "i tried the new router last week. bottom line is it works fine.\n\n"
        "thanks for the tip, i owe you one.\n"
    )
    assert repair.check(text, select=["OCR"]) == []
    # a writer who capitalises: the same period is a misread comma
    capital = "I tried the new router last week. It works, and the fan is quiet. and the old one is gone.\n"
    assert [f.rule for f in repair.check(capital, select=["OCR"])] == ["OCR005"]


def test_columns_aligned_by_tabs_or_spaces_are_no_lone_marks() -> None:
    table = "The default versions are:\n\n\tcpp\t\t: cpp-12\n\tgcc\t\t: gcc-12\n\tgdc   : gdc-12\n"
    assert repair.check(table, select=["OCR"]) == []


def test_a_period_set_off_before_a_capital_is_attached_not_deleted() -> None:
    assert fix(f"{DAMAGED} it was so . Then we left.").endswith("it was so. Then we left.")


def test_host_names_in_technical_writing_are_no_glued_words() -> None:
    text = "Run openssl s_client -port 443 -host your.server and store the output in /tmp/cert.pem.\n"
    assert repair.check(text, select=["OCR005"]) == []


def test_quotation_mark_glued_between_words_in_damaged_text() -> None:
    assert fix(f"{DAMAGED} that it was‘a long way home.") == (
        f"{repair.fix(DAMAGED, select=FAMILY)} that it was a long way home."
    )
    assert fix(f"{DAMAGED} that it was’so long.").endswith("that it was so long.")
    # no elision ends in an article or "to": the quote stands between words ("and’a", "make’a")
    assert fix(f"{DAMAGED} that we sang and’a man came to make’a point.").endswith(
        "that we sang and a man came to make a point."
    )


def test_a_mark_glued_between_a_rarer_word_and_a_function_word_in_damaged_text() -> None:
    # beside a function word the other word need only be listed, however rare
    assert fix(f"{DAMAGED} that the cymbals.and bells rang for a.conspicuous man.").endswith(
        "that the cymbals and bells rang for a conspicuous man."
    )
    assert fix(f"{DAMAGED} that Sark.attribute stood.").endswith("that Sark.attribute stood.")


@pytest.mark.parametrize(
    "tail",
    [
        "that it don‘t matter.",  # a misread apostrophe
        "that the rock’n’roll band and ma’am were here.",
        "that ne’er was it so.",
        "that the dog’s bone was there.",
    ],
)
def test_apostrophes_are_not_glued_quotes(tail: str) -> None:
    assert fix(f"{DAMAGED} {tail}").endswith(tail)


def test_quotation_marks_between_words_in_clean_text_are_left_alone() -> None:
    for text in ("It was‘a long way home.", "It was’so long."):
        assert repair.check(text, select=["OCR005"]) == []


def test_apostrophe_style_follows_the_document() -> None:
    assert fix("It’s late, I’m tired and we’re lost, but don't go.") == (
        "It’s late, I’m tired and we’re lost, but don’t go."
    )
    mixed = "It's late and I'm tired, but don’t go."
    assert fix(mixed) == mixed


def test_ocr_misreads() -> None:
    assert (
        fix("It was the tirne of year when the leaves fall.")
        == "It was the time of year when the leaves fall."
    )
    assert fix("The old cliurch stood on the hill.") == "The old church stood on the hill."


def test_ocr_paragraph_improves() -> None:
    text = (
        "The ambassa- dor arrived at the palace in the afternoon, and | was told that\n"
        "the king would see him. The gov ernment had fallen twice that year, and the end ofthe\n"
        "crisis was not in sight."
    )
    fixed = fix(text)
    assert "ambassador" in fixed and "I was told" in fixed
    assert "government" in fixed and "of the" in fixed


def test_running_header_inside_a_sentence() -> None:
    one = "He opened the door and 112 THE HISTORY OF ENGLAND walked into the hall."
    found = [f for f in repair.check(one) if f.rule == "OCR009"]
    assert [f.applicability for f in found] == [Applicability.UNSAFE]  # alone, it might be prose
    assert fix(one) == one
    assert repair.fix(one, unsafe=True) == "He opened the door and walked into the hall."
    book = one + " The king rode north and THE HISTORY OF ENGLAND 113 met the army at dawn."
    assert fix(book) == (
        "He opened the door and walked into the hall. The king rode north and met the army at dawn."
    )


def test_page_number_line_inside_a_running_sentence() -> None:
    text = "The rain fell all night on the steep slate roofs of the\n— 214 —\ntown, and nobody slept.\n"
    assert fix(text) == "The rain fell all night on the steep slate roofs of the\ntown, and nobody slept.\n"
    # a number on a line after a short line, or after a finished sentence, is left alone
    for kept in (
        "Prices rose by\n12\npercent in a year.\n",
        "The war was over at last in the spring.\n12\nthen\n",
    ):
        assert not [f for f in repair.check(kept) if f.rule == "OCR009"]


@pytest.mark.xfail(reason="a misread that makes a real word needs real-word correction", strict=True)
def test_known_failure_real_word_misread() -> None:
    assert fix("He came arid sat at the table.") == "He came and sat at the table."


def test_real_word_misread_only_in_damaged_text() -> None:
    damaged = "The re- port came late, and every clay she waited at the win- dow."
    assert "every day she waited" in fix(damaged)
    clean = "The report came late, and every clay pot she made cracked in the kiln."
    assert fix(clean) == clean


def test_no_misread_or_split_is_read_into_a_quoted_phrase_of_another_language() -> None:
    damaged = "The re- port came late, and the win- dow stood open. She said: ‘Vous ne filez ni ne volez,"
    damaged += " le mari est avec la fée.’ He waited."
    fixed = fix(damaged)
    assert "ni ne volez" in fixed and "le mari est" in fixed


def test_the_pronoun_run_on_to_its_verb_in_damaged_text() -> None:
    damaged = "The re- port came late, and the win- dow stood open. Thave seen it, and 1am sure, I’am glad"
    assert fix(damaged + ".").endswith("I have seen it, and I am sure, I am glad.")
    # a name, a word, an old elision and a time are left
    kept = " Tam went home, lam him, Twas said, and at 1am the train left."
    assert fix(damaged + kept).endswith(kept)
    # a listed "Tam" or "lam" before a word only "I am" takes is the pronoun too; "Twas" stays
    listed = " Tam compelled to go, lam sure, and Twas glad."
    assert fix(damaged + listed).endswith(" I am compelled to go, I am sure, and Twas glad.")


def test_letters_named_in_a_list_are_no_split_word() -> None:
    damaged = "The re- port came late, and the win- dow stood open. The key is F or G, and then A or B."
    assert "is F or G, and then A or B." in fix(damaged)


def test_a_closing_quote_far_from_any_opening_one_is_a_speck() -> None:
    far = " ".join(["the wind blew over the moor"] * 12)
    damaged = (
        f"The re- port said ‘no’ twice; {far}, and the horn was called’ a cor de chasse by the win- dow."
    )
    assert "was called a cor" in fix(damaged) and "‘no’" in fix(damaged)


def test_stray_quotes_only_in_damaged_text() -> None:
    damaged = "The re- port came from ‘the south, and the win- dow stood open."
    assert fix(damaged) == "The report came from the south, and the window stood open."
    quoted = "The re- port said ‘no’ twice; the soldiers’ win- dow was open."
    assert "‘no’" in fix(quoted) and "soldiers’" in fix(quoted)
    clean = "He began: “It was a long winter.\n\nThe snow fell for weeks."
    assert fix(clean) == clean


def test_comma_after_article_only_in_damaged_text() -> None:
    assert fix("The re- port was bound by: the promise, and the win- dow shut.") == (
        "The report was bound by the promise, and the window shut."
    )
    assert fix("I told her, however, to wait by the window.") == "I told her, however, to wait by the window."


def test_comma_before_sentence_opener_only_in_damaged_text() -> None:
    assert (
        fix("The re- port was late, He left the win- dow open.")
        == "The report was late. He left the window open."
    )
    assert fix("In the spring of 1990, The Times moved.") == "In the spring of 1990, The Times moved."


def test_hyphen_glued_between_words() -> None:
    # plain text: only words that no compound takes on that side
    assert fix("He walked up to the castle-of the old king.") == "He walked up to the castle of the old king."
    assert fix("The lamp would still-be burning at dawn.") == "The lamp would still be burning at dawn."
    for clean in (
        "The so-called expert came; the would-be king left.",
        "They went a-hunting at dawn with the then-president.",
        "He can-and I think he will-leave soon.",
        "She wore a T-shirt to the all-night party and the look-out saw her.",
        "His mother-in-law lived in an up-to-date house.",
    ):
        assert fix(clean) == clean
    # OCR-damaged text: any function word that joins no compounds
    damaged = "The re- port said He-gave the order, and the win- dow stood open."
    assert fix(damaged) == "The report said He gave the order, and the window stood open."
    # but a participle's "for" or "of", and "he" or "she" before a noun, make compounds
    compounds = "The re- port said the wished-for rain came, and a she-wolf and a he-goat fled."
    assert fix(compounds) == "The report said the wished-for rain came, and a she-wolf and a he-goat fled."
    assert fix("The re- port said she-had gone.") == "The report said she had gone."


@pytest.mark.parametrize(
    "text",
    [
        "They kept the old mill-a ruin by then-for the town.",
        "The vote came late-when the hall was nearly empty.",
        "The new owner, a baker by trade-is pleased with it.",  # a closing dash before the verb
        "The garden looks better this year-I think the rain helped.",  # not a letter naming a class
    ],
)
def test_hyphen_before_an_aside_in_plain_text_may_be_a_dash(text: str) -> None:
    # outside OCR damage a hyphen before a word that opens an aside is most likely a dash typed as a
    # hyphen: written as a dash by the unsafe fix, never by default, with the space as the alternative
    (f,) = [f for f in repair.check(text, select=FAMILY) if f.rule == "OCR005"]
    assert f.applicability is Applicability.UNSAFE
    assert "dash" in f.explanation and f.alternatives == (" ",)
    assert text[f.start : f.end] == "-"
    assert fix(text) == text
    assert fix(text, unsafe=True) == text[: f.start] + "\u2014" + text[f.end :]


def test_a_typed_dash_is_written_as_the_dash_the_text_uses() -> None:
    # a writer who spaces en dashes elsewhere gets one here too
    text = "The harbour \u2013 busy all summer \u2013 was rebuilt. They kept the old mill-a ruin by then."
    (f,) = [f for f in repair.check(text, select=FAMILY) if f.rule == "OCR005"]
    assert f.fix[0].replacement == " \u2013 "
    assert fix(text, unsafe=True) == text.replace("mill-a", "mill \u2013 a")


def test_a_writer_who_types_dashes_as_hyphens_is_left_alone() -> None:
    # several glued hyphens, one before a word that opens an aside: the closing ones ("baker-is")
    # are typed dashes too, the writer's style and no damage, so none is reported
    text = "The old mill-a ruin by then-was sold. The new owner-a baker-is pleased with it."
    assert [f for f in repair.check(text, select=FAMILY) if f.rule == "OCR005"] == []
    assert fix(text, unsafe=True) == text
    # two glued hyphens are no habit yet: the one before an aside is shown, the other fixed
    two = "The old mill-a ruin by then was sold. The walls of the castle-of stone were high."
    found = [f for f in repair.check(two, select=FAMILY) if f.rule == "OCR005"]
    assert [f.applicability for f in found] == [Applicability.UNSAFE, Applicability.SAFE]
    # alone, a hyphen before a word that neither opens nor closes an aside is a misread space
    assert fix("The walls of the castle-of stone were high.") == "The walls of the castle of stone were high."


@pytest.mark.parametrize(
    "text",
    [
        "We mended the fences and the roof- we can rest now.",
        "The harvest was fair- its price was not.",
    ],
)
def test_hyphen_and_space_before_a_function_word_is_no_broken_compound(text: str) -> None:
    # "roof- we" is a dash typed as a hyphen: joining it makes no compound ("roof-we")
    assert [f for f in repair.check(text, select=FAMILY) if f.rule == "OCR002"] == []
    assert repair.fix("a well- known name", select=["OCR002"]) == "a well-known name"


def test_hyphen_and_space_between_unrelated_words_in_plain_text_is_a_dash() -> None:
    # two words that seldom go together, in text without OCR damage: a typed dash, left alone
    text = "The storm did damage- notably to the roofs of the town."
    assert repair.check(text, select=["OCR002"]) == []
    # words that go together stay a safe compound ("grey- haired"), and so does any pair in damaged text
    assert repair.fix("a grey- haired man", select=["OCR002"]) == "a grey-haired man"
    damaged = "The storm did damage- notably to tbe roofs. 1 was there ; | saw the wall fall over.the road."
    assert "damage-notably" in fix(damaged)


def test_bars_read_for_i_in_a_paragraph_are_no_table() -> None:
    text = "Then | saw you. | was alone, and | just waited."
    assert fix(text) == "Then I saw you. I was alone, and I just waited."
    assert fix("| a | b |\n| c | d |") == "| a | b |\n| c | d |"
    # one stray bar elsewhere in the paragraph is noise, not a table
    assert fix("The rain | fell all day. | was alone.") == "The rain | fell all day. I was alone."
    assert fix("| name | was |") == "| name | was |"
    assert fix('He said, "[ Stevens ] was just a kid."') == 'He said, "[ Stevens ] was just a kid."'
    assert fix("a line through a 5 or 7 meant that the triad was diminished") == (
        "a line through a 5 or 7 meant that the triad was diminished"
    )


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("infor-\nmation\n", "information\n"),
        ("The infor-\nmation\n\nNext paragraph.", "The information\n\nNext paragraph."),
        ("infor-\r\nmation", "information"),
        # the marks glued to the second half stay with the word
        ("to copy, publish, dis-\ntribute, sublicense", "to copy, publish, distribute,\nsublicense"),
        ("written leave from the Consor-\ntium.\n\nChanges", "written leave from the Consortium.\n\nChanges"),
        ("subject to the fol-\r\nlowing: the terms", "subject to the following:\r\nthe terms"),
    ],
)
def test_rejoined_word_at_a_line_end_adds_no_blank_line(text: str, fixed: str) -> None:
    assert repair.fix(text, select=["OCR002"]) == fixed


TECH_MARKDOWN = """# Speed

Peak memory is the child's `ru_maxrss`. Bars: the run takes 7.08 s and the page 0.3 s.
Offsets index the decoded file text. `--format sarif` writes SARIF; pass `--fresh` to start over.
The licence is CC BY-SA 3.0, and the docs say so; the badge reads pre-commit.ci status.

| run | wall s | docs/s | CPU s |
| --- | --- | --- | --- |
| local | 7.08 s | 864 | 5.81 s |
| dask | 8.11 s | 1,343 | 7.83 s |
"""


def test_markdown_with_code_spans_and_tables_is_no_ocr_text() -> None:
    # Code spans read as words (not as blanks leaving a "lone" period) and table bars are
    # table syntax, so the document shows no OCR damage and no OCR rule fires.
    from repair.detectors.ocr.structure import ocr_noise
    from repair.document import Document

    assert ocr_noise(Document.from_text(TECH_MARKDOWN, kind="markdown")) == 0
    found = repair.check(TECH_MARKDOWN, kind="markdown", select=["OCR"])
    assert found == [], [(f.rule, f.message) for f in found]
    assert repair.fix(TECH_MARKDOWN, kind="markdown") == TECH_MARKDOWN


@pytest.mark.parametrize("header", ["Setting | Output\n", "| Setting | Output\n"])
def test_a_bar_in_a_table_without_outer_bars_is_no_pronoun(header: str) -> None:
    # GitHub's tables need no bar at a row's ends: a delimiter row heads them
    table = f"{header}------- | ------\n`quiet` | only the errors are shown\n`loud` | had all the logs\n"
    assert repair.check(table, kind="markdown", select=["OCR005"]) == []
    # the same line in a paragraph of its own is no table row
    assert len(repair.check("`loud` | had all the logs\n", kind="markdown", select=["OCR005"])) == 1


@pytest.mark.parametrize("before", ["", f"{DAMAGED}. "])
def test_a_unit_after_its_number_keeps_its_period(before: str) -> None:
    # "in." is inches after a number; elsewhere "in. the" may hold a speck
    text = f"{before}The stalk grew 1 in. in length and 2 in. in girth that week.\n"
    assert not [f for f in repair.check(text, select=["OCR005"]) if text[f.start - 2 : f.start] == "in"]


def test_a_sentence_may_open_on_a_name_from_code() -> None:
    # "groveled for. sb-grovel accepts": the next sentence opens on a package's name, in lower case
    text = "The size and type constraints will be groveled for. sb-grovel accepts a form of the type.\n"
    assert repair.check(text, select=["OCR005"]) == []
    assert len(repair.check("We went there and. the house was big.\n", select=["OCR005"])) == 1


def test_glued_names_in_clean_technical_text_are_left_alone() -> None:
    # "sources.list" and "man.local" are file names in text with no OCR damage: no finding;
    # "gpg-agent.socket" is part of a longer name
    text = "Add the line to sources.list and man.local, and restart gpg-agent.socket after the upgrade."
    assert repair.check(text, select=["OCR005"]) == []
    assert repair.fix(text) == text


def test_glued_content_words_in_lightly_damaged_text_are_only_offered() -> None:
    # one other mark of OCR damage (a broken word): two glued content words are offered, not applied
    text = "The infor- mation came by telegraph.office workers at noon."
    found = repair.check(text, select=["OCR005"])
    assert [text[f.start - 9 : f.end + 6] for f in found] == ["telegraph.office"]
    assert found[0].applicability is Applicability.UNSAFE
    assert "telegraph.office" in repair.fix(text)


def test_two_spaces_after_a_period_end_a_sentence_on_purpose() -> None:
    # a lower-case program name may open a sentence; typewriter spacing shows the period is meant
    text = (
        "The language supports the interactive execution of statements.  bc is a calculator that "
        "ships with most systems."
    )
    assert [f.rule for f in repair.check(text)] == []
    # with one space too, in text without other damage: the period ends the sentence
    assert [f.rule for f in repair.check(text.replace(".  bc", ". bc"))] == []
    damaged = f"{DAMAGED}. {text}"
    assert [f.rule for f in repair.check(damaged, select=["OCR005"])] == []
    assert [f.rule for f in repair.check(damaged.replace(".  bc", ". bc"), select=["OCR005"])] == ["OCR005"]


@pytest.mark.parametrize(
    ("text", "joined"),
    [
        ("The gov ernment fell.", "gov ernment"),
        ("The gov\ternment fell.", "gov\ternment"),  # a tab is a stray space too
        ("Gov ernment fell.", "Gov ernment"),  # the first half in title case
        ("The gov  ernment fell.", None),  # two spaces: set apart on purpose
        ("The gov Ernment fell.", None),  # the second half capitalised: a name follows
        ("The GOV ernment fell.", None),  # the first half in capitals: an abbreviation
        ("The gov3 ernment fell.", None),  # a digit: no word split by a space
    ],
)
def test_split_word_shapes(text: str, joined: str | None) -> None:
    found = [text[f.start : f.end] for f in repair.check(text) if f.rule == "OCR003"]
    assert found == ([joined] if joined else [])


# letters, marks of both classes, white space and line ends, in any order
MARK_PIECES = st.sampled_from(
    [
        "word",
        "a",
        "É",
        " ",
        "  ",
        "\t",
        "\n",
        "\r\n",
        ".",
        ":",
        ";",
        ",",
        "_",
        "|",
        "\\",
        "*",
        "•",
        "»",
        "°",
        "-",
    ]
)


@settings(max_examples=1000, deadline=None)
@given(st.lists(MARK_PIECES, max_size=40).map("".join))
def test_mark_led_scan_finds_what_a_full_scan_finds(text: str) -> None:
    for name, pattern in (("LONE", structure.LONE), ("LONE_ANY", structure.LONE_ANY)):
        fast = [(m.span(), m.groups()) for m in structure.scan_marks(pattern, name, text)]
        assert fast == [(m.span(), m.groups()) for m in pattern.finditer(text)]


def _stray_quotes_by_slicing(para: str) -> list[tuple[int, str]]:
    """OCR008's paragraph scan as first written, searching copies of the paragraph's rest: the
    reference for the scan that judges each quote by where the paragraph's marks stand."""
    import regex

    from repair.detectors.ocr.marks import _CLOSER
    from repair.detectors.ocr.structure import _ELIDED, _OPENERS, _QUOTE_END, QUOTE_REACH

    out = []
    for m in _OPENERS.finditer(para):
        q = m.group(1)
        after = para[m.end() :]
        partner = {"‘": ("’",), "“": ("”",), '"': ('"',)}[q]
        if q == "‘":
            close = any(m.end() <= c.start() < m.end() + QUOTE_REACH for c in _QUOTE_END.finditer(para))
            if close or _ELIDED.match(after):
                continue
        elif any(p in after for p in partner) or q in para[: m.start()]:
            continue
        out.append((m.start(1), q))
    for m in _CLOSER.finditer(para):
        before = para[: m.start()]
        word = regex.search(r"\p{L}+$", before)
        if "‘" in before[-QUOTE_REACH:] or word is None or _elided(word.group().lower()):
            continue
        out.append((m.start(1), "’"))
    return out


QUOTE_PIECES = st.sampled_from(["‘", "’", "“", "”", '"', " ", "a", "word", "goin", "s", ".", "(", "—", "\n"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(QUOTE_PIECES, max_size=30).map("".join))
def test_stray_quotes_found_as_by_the_slicing_scan(para: str) -> None:
    para = para.replace("\n", " ")  # one paragraph
    doc = DAMAGED + " and the ta- ble stood.\n\n"
    found = [(f.start - len(doc), f.message[6]) for f in repair.check(doc + para, select=["OCR008"])]
    found = [(at, q) for at, q in found if at >= 0]
    assert sorted(found) == sorted(_stray_quotes_by_slicing(para))


def test_a_run_of_letters_too_long_for_two_words_is_not_split() -> None:
    word = "ofthe" * 2000
    assert structure.merged_split(word, structure.lexicon_mod.lexicon()) is None
    assert structure.merged_split("ofthe", structure.lexicon_mod.lexicon()) == ("of", "the")


# A paragraph of OCR text with specks, lines as read: its marks make the text OCR-damaged.
SPECKLED = (
    "The old _ house stood by the river and the road ran up to the hills where the\n"
    "shepherds kept their flocks in the summer months and sold the wool in the town ;\n"
    "the market was held on the green every week , and the farmers came from far :\n"
    "away to trade their goods with the merchants from the coast and the islands.\n"
)


def damaged_fix(line: str) -> str:
    """``line`` as fixed when it ends the OCR-damaged paragraph :data:`SPECKLED`."""
    return fix(SPECKLED + "\n" + line + "\n").rstrip("\n").rsplit("\n", 1)[-1]


@pytest.mark.parametrize(
    "text",
    [
        # a form's labels, colons set off by a space at the line's end
        "Please write to us.\n\nFull Name : \nStreet Address :\nCity : \nZip Code :\nPhone :\n\nThanks.\n",
        # blanks to fill in
        "Fill in the form below.\n\nName ________________\nEmail Address ____________\n",
        # marks that frame their lines
        "Money is available now!\n\n~ Never Repay ~\n~ No Credit Checks ~\n~ No Interest Charges ~\n",
        # units and short forms before a period
        "Each tablet holds 500 mg. of the herb, and the plan costs $20/mo. or less.\n",
        # a list on one line, its items set apart by the same mark
        "We take all the usual cards.\n\nVisa ~ Discover ~ Diners Club ~ Personal Checks\n",
        "Home • Products • Contact Us\n",
        # a list of letters, each in its two forms, its colons set off before what names them
        "Æ æ : Latin ash\nƐ ɛ : Latin epsilon\nӘ ә : Cyrillic schwa\n",
        # guillemets quoting words on their line (they had made the text look damaged, and gone)
        "At the fair they sang « sur le pont » twice, and the band played on.\n",
    ],
)
def test_typed_marks_of_forms_and_mail_are_no_specks(text: str) -> None:
    assert [f for f in repair.check(text) if f.rule == "OCR005"] == []
    # with OCR damage around them, too
    assert {(f.start, f.end) for f in repair.check(SPECKLED + "\n" + text) if f.rule == "OCR005"} == {
        (f.start, f.end) for f in repair.check(SPECKLED) if f.rule == "OCR005"
    }


def test_a_lone_guillemet_in_damaged_text_is_still_a_speck() -> None:
    # with no partner on its line, a guillemet between words is a speck, as before
    text = "The ship « sailed at dawn and thc crew ~ slept on dcck."
    assert fix(text) == "The ship sailed at dawn and the crew slept on deck."


def test_specks_at_line_ends_of_running_text_are_still_specks() -> None:
    found = {SPECKLED[f.start : f.end].strip() for f in repair.check(SPECKLED) if f.rule == "OCR005"}
    assert found == {"_", ";", ":"}
    assert fix(SPECKLED).startswith("The old house stood")


def test_a_comma_glued_to_the_next_word_keeps_its_comma() -> None:
    # the space after the comma was lost; the comma is no speck ("funds,and" is "funds, and")
    text = "If you are interested,we can send the funds,and the papers to you by May."
    assert fix(text) == "If you are interested, we can send the funds, and the papers to you by May."


def test_a_host_name_with_a_hyphen_is_no_glued_word() -> None:
    # a blog roll in OCR-damaged company: "the-journals.com" names a site; "i.e." is no host
    text = SPECKLED + "\nRead the-journals.com and the blog at my-notes.org for more.\n"
    assert fix(text).endswith("Read the-journals.com and the blog at my-notes.org for more.\n")


def test_compounds_of_in_are_no_glued_words() -> None:
    text = SPECKLED + "\nThe seminar was run in-house, and an in-depth report went to her in-laws.\n"
    assert "in-house" in fix(text) and "in-depth" in fix(text) and "in-laws" in fix(text)


def test_a_lone_bar_before_a_lower_case_word_is_the_pronoun_in_damaged_prose() -> None:
    text = (
        SPECKLED + "\nThe board met in May; | doubt not that it will meet again, and | again ask for funds.\n"
    )
    assert "; I doubt not that it will meet again, and I again ask for funds." in fix(text)
    # a shell pipe, a quoting prefix and a bar inside a clause are no pronoun
    pipes = SPECKLED + "\nRun cmd1 | cmd2 to join them, or cat - | sort to order them.\n  | quoted line\n"
    assert "cmd1 | cmd2" in fix(pipes) and "- | sort" in fix(pipes) and "  | quoted line" in fix(pipes)
    inside = SPECKLED + "\nThe rain | fell all day on the hills.\n"
    assert "The rain | fell all day" in fix(inside)


def test_bars_that_mark_quoted_lines_in_mail_are_no_pronoun() -> None:
    mail = "You wrote:\n  | I can reproduce it and I will\n  | see what I can do about it.\n\nThanks.\n"
    assert fix(mail) == mail
    # a bar opening a line alone is still read for the pronoun
    assert fix("He came home late.\n| saw you there.\n") == "He came home late.\nI saw you there.\n"


def test_bars_at_clause_starts_count_as_pronouns_not_as_table_cells() -> None:
    # a letter read by OCR: bars before verbs and at clause starts are all the pronoun, so a bar
    # before a verb is no table cell because of them
    text = SPECKLED + (
        "\nAt length | arrived at the inn; | hope you got my note, and | never had a reply from you.\n"
    )
    fixed = fix(text)
    assert "; I hope you got my note, and I never had a reply" in fixed
    assert "| arrived" in fixed  # mid-clause, after "length": it may be a speck


def test_bars_for_i_outnumber_other_marks_and_brackets_that_close_in_damaged_prose() -> None:
    # a page of letters: bars for I at every turn, two more specks, and footnote brackets that close
    text = SPECKLED + (
        "\n| wrote to you [see No. 276] at once. | hope you are well, and | trust the news [1] is good;"
        " | beg you to write, were | detained by illness. | fear the worst.\n"
    )
    fixed = fix(text)
    assert "I hope you are well, and I trust the news [1] is good; I beg you" in fixed
    assert "[see No. 276]" in fixed and "I fear the worst." in fixed
    # a line framed by bars is a table's row, whatever its cells say
    row = "| hope | trust | beg | fear |"
    assert fix(row) == row


def test_specks_glued_to_the_front_of_a_common_word_in_damaged_text() -> None:
    text = SPECKLED + (
        "\nThey hope to receive -your answer, and among >the elders the songs of the hills\n"
        "are sung, of which .the best is old.\n"
    )
    fixed = fix(text)
    assert "receive your answer, and among the elders the songs of the hills" in fixed
    assert "of which the best is old." in fixed
    # a colon or a lone underscore too; "_word_" is emphasis, ":param" a field
    more = SPECKLED + "\nThe music :to be played, the _experiments tried and the _old_ songs; see :param.\n"
    fixed = fix(more)
    assert "The music to be played, the experiments tried and the _old_ songs; see :param." in fixed


@pytest.mark.parametrize(
    "line",
    [
        "The well -known singer said it.",  # a compound's hyphen, the space misread
        "Download it from the .net site or the .com one.",  # no function word after the period
        "Run it with -verbose set, as the notes say.",  # no function word after the hyphen
    ],
)
def test_marks_at_the_front_of_words_that_are_no_specks(line: str) -> None:
    text = SPECKLED + "\n" + line + "\n"
    assert line in fix(text)


def test_an_opening_quote_is_judged_by_the_quotation_it_may_open() -> None:
    # a quote that closes another quotation, far on in the paragraph, is no partner
    text = SPECKLED + "\nThe great ‘songs of the hills are old. " + "They sang them all. " * 16 + "‘Yes.’\n"
    assert "The great songs of the hills are old." in fix(text)
    # a quotation the mark opens, closed after its last word's comma, and an elision keep their quotes
    kept = SPECKLED + "\n‘We sang the songs of the hills,’ they said, and ‘tis said they sing still.\n"
    assert "‘We sang the songs of the hills,’ they said, and ‘tis said they sing still." in fix(kept)


def test_leading_marks_are_left_alone_in_undamaged_text() -> None:
    text = "They hope to receive -your answer, and among >the elders the songs of the hills.\n"
    assert fix(text) == text


def test_a_lone_hyphen_where_no_dash_can_stand_in_damaged_text() -> None:
    text = SPECKLED + (
        "\nThe pitch of the - human voice is - often low. The song, - like the others - . ended.\n"
        "The fear fell - upon them. The storm came - nobody was ready, and his watch - more men came.\n"
    )
    fixed = fix(text)
    assert "The pitch of the human voice is often low. The song, like the others ended." in fixed
    # inside a phrase ("fell upon") it is a speck; after a content word before no such word, a dash
    assert "fell upon them. The storm came - nobody was ready, and his watch - more men came." in fixed
    # a list's bullet, and undamaged text, keep their hyphens
    bullets = SPECKLED + "\n - the first item\n - the second item\n"
    assert " - the first item\n - the second item" in fix(bullets)
    plain = "The pitch of the - human voice is low.\n"
    assert fix(plain) == plain


def test_colons_after_words_that_cannot_end_a_clause_in_damaged_text() -> None:
    assert damaged_fix("He was barred from: acting, though we might: be glad of: his help.") == (
        "He was barred from acting, though we might be glad of his help."
    )
    # what a colon introduces after a word that can end a clause is kept, and so is typed text
    kept = "The rule was simple: the first to arrive was served."
    assert damaged_fix(kept) == kept
    typed = "He was barred from: acting, though we might: be glad.\n"
    assert fix(typed) == typed


def test_a_stray_period_beside_a_rarer_word_in_badly_damaged_text() -> None:
    assert damaged_fix("The melodious. charm of his songs, and the conventional. trammels of the age.") == (
        "The melodious charm of his songs, and the conventional trammels of the age."
    )
    # two rare words may be an abbreviation and its sequel; a light speck or two is no such damage
    assert damaged_fix("The melodious. trammels of the age.") == "The melodious. trammels of the age."
    light = "The harbour was busy ; the melodious. charm of the songs filled it.\n"
    assert "melodious. charm" in fix(light)


@pytest.mark.parametrize(
    ("line", "fixed"),
    [
        ("No harm will evér come to him.", "No harm will ever come to him."),
        ("It was part of thé education of the boy.", "It was part of the education of the boy."),
        ("The girl told him that shé would come back.", "The girl told him that she would come back."),
        ("Many are cited. Oné occurs in the text.", "Many are cited. One occurs in the text."),
    ],
)
def test_accents_that_specks_put_on_common_words_in_damaged_text(line: str, fixed: str) -> None:
    assert fixed in fix(SPECKLED + "\n" + line + "\n")
    assert fix(line) == line  # only where the text shows OCR damage


@pytest.mark.parametrize(
    "line",
    [
        "Le thé est chaud et il boit du thé.",
        "He ordered a café au lait and a crêpe.",
        "They met at the Café Oné.",
    ],
)
def test_accented_words_of_other_languages_and_names_keep_their_accents(line: str) -> None:
    assert line in fix(SPECKLED + "\n" + line + "\n")


def test_a_period_after_a_name_before_a_lower_case_word_in_badly_damaged_text() -> None:
    assert damaged_fix(
        "The letter was found by Pougin. who printed it, and sent to Schindler. for his book."
    ) == ("The letter was found by Pougin, who printed it, and sent to Schindler for his book.")
    # an abbreviation keeps its period, and so does undamaged text
    kept = "He wrote to the Dept. of Trade and the Corp. for advice."
    assert damaged_fix(kept) == kept
    plain = "The letter was found by Pougin. who printed it.\n"
    assert fix(plain) == plain


def test_a_word_run_on_to_the_article_a_in_damaged_text() -> None:
    assert damaged_fix("He came back ina moment and was ata loss for words.") == (
        "He came back in a moment and was at a loss for words."
    )
    # a name, a word of another language, and undamaged text are left alone
    kept = "Ina Garten cooks, and the monks sang ora pro nobis."
    assert damaged_fix(kept) == kept
    plain = "He came back ina moment.\n"
    assert fix(plain) == plain


def test_a_colon_before_a_word_that_carries_the_phrase_on_in_damaged_text() -> None:
    assert damaged_fix("I write now, for I am anxious: to hear from you: also of your health.") == (
        "I write now, for I am anxious to hear from you also of your health."
    )
    # what a colon introduces: a clause, a list, or anything after "as follows"
    kept = "The order was as follows: in the first rank the pikemen, and so on: the rest."
    assert damaged_fix(kept) == kept
    plain = "I am anxious: to hear from you.\n"
    assert fix(plain) == plain


def test_a_costlier_misread_is_safe_in_damaged_text_when_the_context_leaves_no_doubt() -> None:
    fixed = damaged_fix("It is cemainly better than the old one.")
    assert fixed == "It is certainly better than the old one."
    # in undamaged text such a correction is only proposed (unsafe)
    plain = "It is cemainly better than the old one.\n"
    assert fix(plain) == plain
    assert [f.fix[0].replacement for f in repair.check(plain, select=FAMILY)] == ["certainly"]


def test_bars_read_for_i_before_the_verbs_and_adverbs_of_letters() -> None:
    text = "Dear Sir, | beg you to forgive me. | trust you are well, and | actually arrived on Monday."
    fixed = "Dear Sir, I beg you to forgive me. I trust you are well, and I actually arrived on Monday."
    assert fix(text) == fixed
    # before an adverb or a verb a list's number may take, only a bar is read so
    assert fix("Items: 1 only, 2 often.") == "Items: 1 only, 2 often."


def test_a_break_whose_second_half_is_no_word_is_rejoined_in_damaged_text() -> None:
    # "com" is a word, "modious" none: the halves of "commodious", however rare the whole
    assert damaged_fix("Thanks to its com- modious harbour the town grew.") == (
        "Thanks to its commodious harbour the town grew."
    )
    # a whole the lists do not know stays apart
    assert damaged_fix("The com- modiousest harbour.") == "The com- modiousest harbour."


def test_a_speck_glued_to_the_second_half_of_a_broken_word() -> None:
    assert damaged_fix("The as- ‘sociation of ideas was named by Johann An- -ton Rust.") == (
        "The association of ideas was named by Johann Anton Rust."
    )
    assert damaged_fix("Among the more serious- -minded men.") == "Among the more serious-minded men."


def test_specks_standing_between_the_halves_of_a_broken_word() -> None:
    assert damaged_fix("The com- . position was played by the peo- - : ple of the town.") == (
        "The composition was played by the people of the town."
    )
    # a comma after a suspended hyphen is the writer's: "pre- , during"
    assert damaged_fix("Care pre- , during and after.") == "Care pre- , during and after."


def test_curly_opening_quotes_that_never_close_are_marks_of_ocr_damage() -> None:
    # Specks read as opening quotes mark a page as scanned, and the stray-quote rule then removes
    # them; a quotation that runs on into the next paragraph reopens it and closes only the last,
    # and straight quotes are e-mail's, not a scanner's: neither counts.
    from repair.detectors.ocr.structure import ocr_noise
    from repair.document import Document

    page = "He said he had ‘given the lads a chance, and they went ‘to the fair at noon with the rest."
    assert ocr_noise(Document(page)) >= 2
    fixed = repair.fix(page)
    assert "‘" not in fixed and "given the lads" in fixed and "went to the fair" in fixed
    run_on = "“We rode on through the hills all day, and came to the river by night.\n\n“Then we rested."
    assert ocr_noise(Document(run_on)) == 0
    assert repair.fix(run_on) == run_on
    mail = 'He wrote "see the list and "think about it before we go to the shop on the hill.'
    assert ocr_noise(Document(mail)) == 0


def test_a_colon_inside_a_phrase_in_damaged_text() -> None:
    # the model reads "difference between" and "much time" as one phrase: the colon cuts it
    assert damaged_fix("He saw the difference: between them, and spent much: time on it.") == (
        "He saw the difference between them, and spent much time on it."
    )
    # before what a colon introduces (a clause, a list) or two words that make no phrase, it stays
    kept = "There were two kinds: the first was sharp. One mood ruled: agitation."
    assert damaged_fix(kept) == kept
    plain = "He saw the difference: between them.\n"
    assert fix(plain) == plain


def test_a_period_after_a_word_no_sentence_ends_on_in_damaged_text() -> None:
    # after a determiner whatever follows; after a preposition before a name or a quoted word
    assert damaged_fix("He played the. minuet of. Haydn, which was called. “Queen of. “Hearts.”") == (
        "He played the minuet of Haydn, which was called. “Queen of “Hearts.”"
    )
    # a sentence may end on a preposition, and on a particle before a name ("seized upon. Ivor")
    kept = "It was all he had thought of. It was what he had seized upon. Ivor knew it."
    assert damaged_fix(kept) == kept
    plain = "He played the. minuet of. Haydn.\n"
    assert fix(plain) == plain


def test_a_word_broken_before_the_letters_of_a_conjunction_is_rejoined() -> None:
    # "mi- nor" is "minor"; a hyphen suspended until a compound after "and" or "or" stays
    assert damaged_fix("She sang it in a mi- nor key, and the cart rolled in- to the yard.") == (
        "She sang it in a minor key, and the cart rolled into the yard."
    )
    kept = "Both low- and middle-income homes, and first- or second-hand goods."
    assert damaged_fix(kept) == kept


def test_two_common_words_around_a_line_break_join_in_badly_damaged_text() -> None:
    assert damaged_fix("He took it up- on himself to greet the bride- groom.") == (
        "He took it upon himself to greet the bridegroom."
    )


def test_a_small_letter_read_as_its_capital_inside_a_sentence_in_damaged_text() -> None:
    # c, o, s, v, w, x, z differ from their capitals by size alone: a verb form inside a sentence
    assert damaged_fix("The fort was Surrounded by hills and the band Consisting of drums.") == (
        "The fort was surrounded by hills and the band consisting of drums."
    )
    # nouns and adjectives may be meant ("the Court"); a function word after a lost period opens a
    # sentence ("as follows On any"); a capital the text repeats is meant; undamaged text is left alone
    kept = "They went to the Court and the Scottish bishops came as follows On any day; it Owes and it Owes."
    assert damaged_fix(kept) == kept
    plain = "The fort was Surrounded by hills.\n"
    assert fix(plain) == plain


def test_a_real_word_misread_needs_a_thousandfold_lead_in_damaged_text() -> None:
    # the trigram model prefers "the boys along the coast" about a hundredfold: not enough for a
    # real word, which a page means more often than not
    for kept in ("The bays along the coast were calm.", "The bays of the north coast were calm."):
        assert damaged_fix(kept) == kept
    fixed = damaged_fix("The old man waited every clay at the gate.")
    assert fixed == "The old man waited every day at the gate."


@pytest.mark.parametrize(
    ("end", "fixed"),
    [
        ("He said no more. : 2 i", "He said no more."),
        ("It appeared in the Leaflet No. 11.", "It appeared in the Leaflet No. 11."),
        ("He played the Sonata, Op. 2.", "He played the Sonata, Op. 2."),
        ("See the first book, p. 310.", "See the first book, p. 310."),
    ],
)
def test_specks_after_the_last_sentence_but_not_a_reference_number(end: str, fixed: str) -> None:
    assert fix(SPECKLED + "\n" + end).endswith("\n" + fixed)


def test_a_stray_accent_on_a_common_word_needs_only_one_mark_of_damage() -> None:
    # one broken word shows the page is a scan: "thé" there is "the" with a speck over it
    page = "The infor- mation came late, and it was part of thé education of the boy.\n"
    assert fix(page) == "The information came late, and it was part of the education of the boy.\n"
    french = "The infor- mation came late. Le thé est chaud et il boit du thé.\n"
    assert "Le thé est chaud et il boit du thé." in fix(french)


def test_colons_no_writer_types_need_only_one_mark_of_damage() -> None:
    page = "The infor- mation came late: he wished to: have it, and the difference: between them.\n"
    assert fix(page) == "The information came late: he wished to have it, and the difference between them.\n"
    # a comma before a sentence opener still needs a badly damaged text
    comma = "The infor- mation came late, We went home.\n"
    assert fix(comma) == "The information came late, We went home.\n"


def test_a_lone_hyphen_with_one_mark_of_damage_only_where_no_writer_types_a_dash() -> None:
    page = "The infor- mation came: fear fell - upon the - men, yet it is - however - open Mon. - Sat.\n"
    fixed = "The information came: fear fell upon the men, yet it is - however - open Mon. - Sat.\n"
    assert fix(page) == fixed


def test_a_colon_after_a_preposition_before_a_name_in_badly_damaged_text() -> None:
    fixed = damaged_fix("He played at: Leipzig and prayed to our: Lord.")
    assert fixed == "He played at Leipzig and prayed to our Lord."
    # one mark of damage is not enough: "Reply at: Monday" may be a form's label
    light = "The infor- mation came late. He played at: Leipzig.\n"
    assert fix(light) == "The information came late. He played at: Leipzig.\n"


def test_a_colon_read_for_a_period_before_a_sentence_opener_in_badly_damaged_text() -> None:
    assert damaged_fix("The hall was of great breadth: The roof was low.") == (
        "The hall was of great breadth. The roof was low."
    )
    kept = "He said on his return: We must go. The list ran as follows: Bach, Handel."
    assert damaged_fix(kept) == kept
    # a comma before any common opener was a period; a colon only before the surest openers
    assert damaged_fix("The work became widely known, With this one he made his name.") == (
        "The work became widely known. With this one he made his name."
    )
    kept = "The plan ran as follows: In the first place, the roads."
    assert damaged_fix(kept) == kept


def test_bars_in_ocr_damaged_text_make_no_table_around_a_misread_word() -> None:
    # bars that stand for "I" in slots no pronoun rule takes are specks, not a table's cells: the
    # misread word between them is still corrected
    text = (
        "Tbe key | will not pay for, as tbe door | found open; till | left, “Meeresstille und "
        "gliickliche Fahrt” was sung, and neither | myself nor he heard it."
    )
    assert "glückliche" in fix(text)
    # outside OCR damage a word between bars is a table's cell (a name, a key), left alone, though
    # the same word in prose is fixed
    table = "| name | recieve |\n| --- | --- |\n"
    assert fix(table) == table
    assert fix("We did not recieve it.") == "We did not receive it."


def test_a_colon_before_a_conjunction_in_damaged_text_was_a_semicolon() -> None:
    # the scan lost the lower half of the semicolon; print almost never sets a colon there
    assert damaged_fix("He wrote to him: but he never answered.") == "He wrote to him; but he never answered."
    for kept in (
        "She made one condition: if ever he came, he must stay.",  # what a colon introduces
        "He praised the sonatas of Kuhnau: so-called Bible sonatas.",  # a compound, not the conjunction
    ):
        assert damaged_fix(kept) == kept
    # a typed colon outside OCR damage is the writer's
    assert fix("The rule is simple: and it works.") == "The rule is simple: and it works."


def test_periods_stacked_on_other_marks_in_damaged_text() -> None:
    assert damaged_fix("The string remained unaltered.. These were kept.") == (
        "The string remained unaltered. These were kept."
    )
    assert damaged_fix("It opens with an Adagio,. followed by a Presto.") == (
        "It opens with an Adagio, followed by a Presto."
    )
    assert damaged_fix("At any moment, although I. think it best to wait.") == (
        "At any moment, although I think it best to wait."
    )
    for kept in (
        "Wait... then go.",  # an ellipsis
        "The charters of Robert I. and William II. survive.",  # a king's numeral
    ):
        assert damaged_fix(kept) == kept
    # outside OCR damage a writer's own "..": "anyway.. I dont"
    assert fix("anyway.. There is a choice.") == "anyway.. There is a choice."


def test_a_closing_quote_after_a_word_that_elides_nothing_is_stray() -> None:
    # "in", "to", "as", "his" are no plural and no elision: a ’ after them closes nothing
    assert damaged_fix("He took an interest in’ this matter, and his’ answer came.") == (
        "He took an interest in this matter, and his answer came."
    )
    kept = "The soldiers’ caps were goin’ fast, o’ course."
    assert damaged_fix(kept) == kept


def test_hyphens_glued_to_one_side_of_a_word_in_damaged_text() -> None:
    assert damaged_fix("I see from this statement -how and when you came.") == (
        "I see from this statement how and when you came."
    )
    assert damaged_fix("The eggs were dyed red- with cochineal.") == "The eggs were dyed red with cochineal."
    # a suspended hyphen, a compound's hyphen whose space was misread, and a program's option stay
    for kept in (
        "Both low- and middle-income homes.",
        "The well -known singer said it.",
        "Run it with -verbose set.",
    ):
        assert "-" in damaged_fix(kept)


def test_a_title_s_period_read_as_a_colon_in_damaged_text() -> None:
    assert damaged_fix("The well of St: Patrick is near, and Dr: Burney came.") == (
        "The well of St. Patrick is near, and Dr. Burney came."
    )
    kept = "Read it: St Patrick wrote it."
    assert damaged_fix(kept) == kept


@pytest.mark.parametrize(
    "text",
    [
        "Avoid for-of loops on arrays; a for-of loop over a map is fine.",
        "The module is shipped as-is, with no warranty.",
        "Press Ctrl-A to select every host of the class-A network.",
    ],
)
def test_two_function_words_joined_by_a_hyphen_make_a_term(text: str) -> None:
    assert [f for f in repair.check(text, select=FAMILY) if f.rule == "OCR005"] == []
    # the same pair in OCR-damaged text is damage
    damaged = "The re- port came in-as the win- dow broke."
    assert fix(damaged) == "The report came in as the window broke."


def test_an_emoji_after_the_last_sentence_is_no_speck() -> None:
    text = "Be nice to the occasional reviewer of your code. Really! \U0001f60a\n"
    assert [f for f in repair.check(text, select=FAMILY) if f.rule == "OCR005"] == []


def test_a_copyright_sign_before_a_year_is_no_speck() -> None:
    text = (
        "Copyright © 2020-present Jane Roe\nCopyright © 2011 John Doe\n\n"
        "Permission is hereby granted, free of charge, to any person obtaining a copy.\n"
    )
    assert [f for f in repair.check(text, select=FAMILY) if f.rule == "OCR005"] == []
    assert fix(text) == text


def test_a_number_in_a_series_is_no_pronoun() -> None:
    text = "The styles that supported versions 6 and 7 have been removed."
    assert fix(text) == text
    assert fix("He said that 1 was late again.") == "He said that I was late again."


def test_an_emoticon_after_the_last_sentence_is_no_speck() -> None:
    text = "At all times, sorting has always been a Great Art! :-)\n"
    assert fix(text) == text


def test_compounds_ending_in_of_keep_their_hyphen() -> None:
    for clean in ("The press ran at unheard-of speed.", "The answer was sort-of right, and kind-of late."):
        assert fix(clean) == clean
    assert fix("They stood by the gate-of the old mill.") == "They stood by the gate of the old mill."


def test_a_seven_outside_ocr_damage_is_a_number() -> None:
    text = "Draws near the ends are rarer. (7 would be drawn less often than 2, for example.)"
    assert fix(text) == text
    assert fix("He said that 1 was late again.") == "He said that I was late again."


def test_an_underscore_that_opens_emphasis_of_several_words_is_no_speck() -> None:
    # Project Gutenberg's plain text marks italics with underscores, over several words at times
    text = SPECKLED + "\nHe wrote that his health was _no better_ and the _experiments failed.\n"
    fixed = fix(text)
    assert "his health was _no better_ and the experiments failed." in fixed
