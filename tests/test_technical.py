"""Technical writing (READMEs, manuals): unknown words are names more often than misspellings."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import repair
from repair import api, markup
from repair.detectors import typo
from repair.detectors.ocr.structure import ocr_noise
from repair.document import Document
from repair.model import Applicability

# A README of our own: program, file and option names that no dictionary lists.
README = """\
Building from source
====================

Run ./configure --prefix=/usr, then make. The build needs libc and the dgit helper;
dgit fetches the tree and writes debian/rules. Each soname is checked by
check_symbols before the package is uploaded, and the env variable BUILD_DIR
selects the output folder. See CONTRIBUTING.md for information on contibuting patches.
"""


def test_names_in_technical_writing_are_left_alone() -> None:
    assert Document.from_text(README).technical
    flagged = {README[f.start : f.end] for f in repair.check(README, select=["TYP"])}
    assert not flagged & {"libc", "dgit", "soname", "env"}


def test_a_slip_in_technical_writing_is_still_fixed() -> None:
    (found,) = [f for f in repair.check(README, select=["TYP"]) if README[f.start : f.end] == "contibuting"]
    assert found.applicability is Applicability.SAFE
    assert "on contributing patches" in repair.fix(README, select=["TYP"])


def test_a_name_a_tab_set_list_defines_is_no_slip() -> None:
    # the first column of a table set with tabs names an option: "lanpower" is no slip for "manpower"
    text = "The module takes options:\n\n\tcdpower\t\tpower the CD drive\n\tlanpower\tpower the LAN card\n"
    assert repair.check(text, path="options.rst", select=["TYP", "OCR"]) == []
    # a slip in the description column is still fixed
    slip = text.replace("the LAN card", "the LAN crad")
    assert "the LAN card" in repair.fix(slip, path="options.rst", select=["TYP", "OCR"])


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("Here DEV names the disk (hda, hdb, sga, or whatever).\n", "hda"),
        ("It adds iWARP adapter support (amso, cxgb3, etc.) to the stack.\n", "amso"),
        ("Reclaim from process memory and shm is done if stealing is allowed.\n", "shm"),
        ("If your board has trouble with MSIs, you can pass pci=nomsi on the command line.\n", "nomsi"),
        ("The channels are created using the devfs interface of the driver.\n", "devfs"),
        ("Use the slow path iff you expect contention.\n", "iff"),
        ("The answer is sent back to the requestor once the key is found.\n", "requestor"),
    ],
)
def test_names_and_terms_of_technical_writing_are_no_slips(text: str, word: str) -> None:
    # a device in a list of devices no dictionary of English holds; the logician's "iff"; a variant
    # spelling standards write
    assert [
        f
        for f in repair.check(text, path="notes.rst", select=["TYP", "OCR"])
        if word in text[f.start : f.end]
    ] == []


def test_a_three_letter_slip_that_only_loses_a_vowel_is_still_fixed_in_technical_writing() -> None:
    # "shm" is a short form there, but "thw" puts a vowel back with a neighbouring key: a slip
    assert repair.fix("The kernel writes thw value.\n", path="notes.rst", select=["TYP"]) == (
        "The kernel writes the value.\n"
    )


def test_a_plural_of_a_term_the_text_uses_is_no_slip() -> None:
    # "fwnode" is used twice: "fwnodes" is its plural, not a slip for "funds"
    text = (
        "Each device has an fwnode. The fwnode of a device is found from its handle.\n\n"
        "In ACPI, fwnodes are described by the firmware tables.\n"
    )
    assert repair.check(text, path="fw.rst", select=["TYP", "OCR"]) == []


def test_a_term_used_in_the_possessive_is_used_again() -> None:
    # "inode's" twice: a term of the text, not a misread "mode" (two uses name a term in technical writing)
    text = (
        "The mapped id is what gets stored in the inode's ``i_uid`` and ``i_gid`` fields. "
        "The inode's owner is then set.\n"
    )
    assert repair.check(text, path="idmap.rst", select=["TYP", "OCR"]) == []


def test_a_recurring_capitalised_name_at_sentence_starts_is_no_misspelling() -> None:
    text = "Cscope is a tool for browsing source code. Cscope builds a symbol table first.\n"
    assert repair.check(text, select=["TYP"]) == []


def test_a_slip_the_text_also_writes_in_lower_case_is_no_name_at_a_sentence_start() -> None:
    # the same slip twice, once opening a sentence: the lower-case use shows it is no name
    text = "The boat left at dawn. Thw crew rowed hard until noon, and thw wind stayed calm.\n"
    found = {text[f.start : f.end]: f for f in repair.check(text, select=["TYP"])}
    assert found["Thw"].replacements[0] == "The" and found["Thw"].applicability is Applicability.SAFE
    assert found["thw"].replacements[0] == "the"
    # written only capitalised, twice, it stays a name
    named = "Thw builds the index. Thw reads each file once.\n"
    assert repair.check(named, select=["TYP"]) == []


def test_thesaurus_swaps_are_not_sought_in_technical_writing_without_spin_evidence() -> None:
    text = README + "\nUpstream has promised that they will increment the version, and refuse changes.\n"
    assert [f for f in repair.check(text, select=["SPN"]) if f.rule in ("SPN002", "SPN003", "SPN004")] == []


def test_a_period_before_a_capital_in_technical_writing_names_a_class() -> None:
    text = (
        "## Class: net.Server\n\n"
        "* Returns: {net.Server}\n\n"
        "Call server.listen() with a port, or pass --port=8080 to ./serve; stream.Transform and "
        "net.Socket are documented in /api/stream.md and read_config() loads the defaults.\n"
    )
    assert Document.from_text(text).technical
    assert repair.check(text, select=["SCR008"]) == []
    assert repair.check("The talks ended.The next round starts soon.", select=["SCR008"]) != []
    # a function word after the period opens a sentence even there: no class is named "The"
    glued = text + "The server logs each request to the file.This is the default.\n"
    assert "file. This is" in repair.fix(glued, select=["SCR008"])
    typed = text + "Fields of type typing.Any are left as they are.\n"
    assert repair.check(typed, select=["SCR008"]) == []


def test_code_in_technical_writing_is_no_ocr_damage() -> None:
    text = (
        "Set url.<base>.insteadof in ~/.gitconfig; the check uses instanceof, and a config such as\n"
        "pcm.!default { type hw ; card 0 } selects the card. Run git log --oneline, then read foo.txt\n"
        "too: foo and bar are the usual names in the examples of ./configure --help.\n"
    )
    doc = Document.from_text(text)
    assert doc.technical
    assert ocr_noise(doc) == 0
    assert repair.check(text, select=["OCR"]) == []


# pieces of every kind of code mark, glued or apart, on one line or several
MARKS = ["getValue", "snake_case", "./run", "~/x", "a/b", "--prefix", "-v", "file.txt", "call()", "$ "]
CODE_PIECES = st.sampled_from([*MARKS, "word", "é", " ", "\n", "(", "[", "=", ",", ".", "_", "-", "/", "$"])


@settings(max_examples=1000, deadline=None)
@given(st.lists(CODE_PIECES, max_size=30).map("".join))
def test_code_marks_count_what_the_alternation_finds(text: str) -> None:
    assert markup.code_marks(text) == sum(1 for _ in markup.CODE_LIKE.finditer(text))


def test_a_long_text_is_judged_on_its_windows() -> None:
    prose = "The farmers carried their grain to the market in the town every week.\n" * 1000
    code = "Run ./configure --prefix=/usr and edit config.txt before make install.\n" * 1000
    assert not markup.technical(prose)
    assert not markup.technical(
        prose[:20_000] + "See config.txt and getValue.\n" + prose
    )  # two marks, far apart
    assert markup.technical(code)


# Written for these tests, after what CMake's reStructuredText documentation showed.
def test_indented_rst_directives_are_markup() -> None:
    text = (
        "Options\n=======\n\n  .. program:: tool-X_cat\n\n"
        "  .. productionlist:: depfile\n    depfile: rule*\n\nDone.\n"
    )
    doc = Document.from_text(text, path="tool.rst")
    for piece in ("tool-X_cat", "depfile: rule*"):
        assert doc.is_protected(text.index(piece), text.index(piece) + len(piece))
    assert not doc.is_protected(text.index("Done"), text.index("Done") + 4)


def test_rst_is_technical_writing() -> None:
    assert Document.from_text("A plain sentence about gardens.", path="guide.rst").technical
    assert not Document.from_text("A plain sentence about gardens.", path="guide.txt").technical


@pytest.mark.parametrize(
    "text",
    [
        "The compiler adds an architecture-specific library directory to the search path.",
        "The queue is thread-safe and the cache is file-based.",
    ],
)
def test_productive_compounds_are_no_spinner_swaps(text: str) -> None:
    assert [f for f in api.check(text) if f.rule == "SPN006"] == []


@pytest.mark.parametrize(
    "text",
    [
        # build tools (session 17)
        "Tools such as distcc and ccache speed up the build.",
        "The property is copied to all linked dependees of the target.",
        "Conditions with nested paren groups were parsed wrongly.",
        "The toolchain lacks archivers and linkers of its own.",
        # change logs and package docs (session 18)
        "A small portability fix for big endian machines.",
        "Skip the object if its uuid is not found.",
        "Using a conda environment is fine.",
        "The utility used to daemonize the worker sets a umask; it handles messages by acking them.\n",
        "A memoizing decorator keeps the fds of interest and the still undecoded input.\n",
        # npm packages and database docs (session 19)
        "The bbox of each glyph is cached.",
        "An upsert writes the row whether or not it exists; upserting twice is harmless.",
    ],
)
def test_software_words_are_not_misspellings(text: str) -> None:
    assert _typo_words(text) == set()


# --- change logs and READMEs of software packages (session 18) ---------------------------------


def _typo_words(text: str, path: str | None = None) -> set[str]:
    return {text[f.start : f.end] for f in api.check(text, select=["TYP", "OCR001"], path=path)}


def test_contributor_handles_in_a_change_log_are_no_misspellings() -> None:
    # handles one slip from a word ("gardnr", "simonn", "windowz"): each was "corrected" before
    text = (
        "* [abc123] - **lib**: consistent error messages in all modules (gardnr) [#3374](https://x.test/3374)\n"
        "* [def456] - **doc**: align to the function signature (simonn K) [#349](https://x.test/349)\n"
        "\n"
        "Contributors:\n\n"
        " - Jane Roe (3):\n     Fix the header handling\n\n"
        " - windowz (1):\n     Update types\n"
    )
    assert _typo_words(text) == set()
    # the same words in a sentence are slips
    assert _typo_words("He bought a pencill and went to the gardnr.") >= {"pencill"}


def test_a_handle_after_a_name_and_a_slash_in_a_contributor_list_is_no_misspelling() -> None:
    # "* Name / handle": the handles "glytch" and "defunkt" were "corrected" to "glitch" and "defunct"
    text = (
        "This project owes a lot to these people:\n\n"
        "  * Mara Ostrowski / glytch\n"
        "  * Tobias Lund / defunkt\n"
        "  * Ines Quaresma\n\n"
        "Send patches / contribtions to the list.\n"
    )
    assert _typo_words(text) == {"contribtions"}  # a slash inside prose is no credit


def test_a_handle_among_the_names_of_a_list_is_no_misspelling() -> None:
    # a release note's thanks: "raiph", a contributor's handle, was "corrected" to "ralph"
    text = (
        "Many people helped with this release: Oskar Lindqvist, Marta Ruiz, Paul Evans, raiph, Lena\n"
        "Okafor, Tomas Reyes and others we forgot. Their work is much apreciated.\n"
    )
    assert _typo_words(text) == {"apreciated"}
    # between names on one side only it is a word of the sentence
    assert _typo_words("Thanks to Marta Ruiz, teh team and all the others.") == {"teh"}


def test_the_source_on_a_quotations_attribution_line_is_a_name() -> None:
    # a fortune's "-- greenrd in http://…": the handle had been "corrected" to "green"
    text = "Nothing is ever as simple as it looks.\n\t\t-- greenrd in http://www.example.org/c/2002/4\n"
    assert _typo_words(text) == set()
    assert _typo_words("The plan -- and teh budget -- were approved.") == {"teh"}
    # later words of the line are read: "-- Hadji on metaphyics"
    assert _typo_words("Run!\n\t\t-- Hadji on metaphyics in the cartoon\n") == {"metaphyics"}


def test_the_name_given_with_an_address_is_a_name() -> None:
    # "address (Full Name)": "Jes" had been "corrected" to "Yes"
    text = "Update: jds@mail.example.dk (Jes Sorensen) and faq@example.org (Chris Lawrence) wrote it.\n"
    assert _typo_words(text) == set()
    assert _typo_words("Write to me (teh address is below).") == {"teh"}


def test_a_pointer_perls_undef_and_a_crypted_password_are_code() -> None:
    # "the *pprivate pointer" was "corrected" to "private", Perl's "undef" to "under" and the
    # "crypted" password (hashed by crypt) to "encrypted"
    text = (
        "The hook copies any data kept in the *pprivate pointer of the clone.\n\n"
        'What is the difference between "delete" and "undef" for a key?\n\n'
        "Check a password against its full crypted form.\n"
    )
    assert _typo_words(text) == set()
    # a "*" that a second one closes on the line is an emphasis, whose words are prose
    assert _typo_words("The hook copies any data kept in the *pprivate* pointer, and teh clone.") == {"teh"}


def test_short_forms_of_technical_writing_are_no_slips() -> None:
    # "lts" one glyph from "its" (no key lies next to both) and "dest" slashed to "src": short forms
    text = (
        "Since 20 is the maintained lts (see the release schedule), the plugin targets it.\n"
        "When the src/dest path starts with a tilde, pass the flag.\n"
    )
    assert _typo_words(text, path="README.md") == set()
    # a word slashed to a dictionary word is still read, and so is a short slip of another kind
    assert _typo_words("Pass the recieve/send flags to tbe server.\n", path="README.md") == {"recieve", "tbe"}


def test_a_quoted_slip_beside_other_quoted_words_is_still_a_slip() -> None:
    # no other quoted word holds it: "recieve" is used, not cut from a word
    assert _typo_words('She wrote "recieve" on the form, not "get" or "take".\n') == {"recieve"}
    assert _typo_words('The tool keeps "snaphots" (see below) for a week.\n') == {"snaphots"}


def test_cells_of_a_simple_table_are_left_alone_as_cells_between_bars_are() -> None:
    # reStructuredText's simple tables: mnemonics and values, not prose ("mtdar" -> "matter")
    table = (
        "The mapping:\n\n"
        "=======================  ==========================\n"
        "From                     To\n"
        "=======================  ==========================\n"
        "mtmsr\trX\t\tstd\trX, page->msr\n"
        "mtsrr1\trX\t\tstd\trX, page->srr1\n"
        "mtdar\trX\t\tstd\trX, page->dar\n\n"
        "w\t\t\tDumps the tasks that are waiting in an uninterruptable state.\n\n"
        "tlbsync\t\t\tnop\n"
        "=======================  ==========================\n\n"
        "Each of these traps is recieved by the host.\n"
    )
    # the prose after the table is read, and so is a row of prose in it
    assert _typo_words(table, path="doc.rst") == {"recieved", "uninterruptable"}
    # no table without borders, nor a tab-set list without tabs
    assert "mtdar" in _typo_words(table.replace("=", "-").replace("\t", " "), path="doc.rst")


def test_a_parenthesised_slip_in_prose_is_still_a_slip() -> None:
    text = "They walked to the harbour (recieved wisdom says it is safe) and waited.\n"
    assert _typo_words(text) == {"recieved"}


@pytest.mark.parametrize(
    "text",
    [
        "Fixed a typo in the help text, remaning -> remaining.\n",
        'The checker catches common misspellings like "adn", but not every slip.\n',
        # a name given, quoted, the period inside the quotes in the American style
        "The infor- mation was late. She met one of the spirits whom the Celts call “dusi.” Then she left.\n",
        'The infor- mation was late. It was a small spirit known as "dusi", and it was shy.\n',
        # a piece of a word quoted beside it
        'A tokeniser may split "encoding" into "encod" and "ing", rather than "enc" and "oding".\n',
        # a term introduced in quotes with its gloss
        'The tool keeps "snaphots" (that is, copies of the tree) for a week.\n',
    ],
)
def test_a_misspelling_quoted_as_one_is_left_alone(text: str) -> None:
    assert _typo_words(text) == set()


def test_a_quoted_slip_outside_talk_of_spelling_is_still_a_slip() -> None:
    text = 'The sign on the door said "recieved" in large letters.\n'
    assert "recieved" in _typo_words(text)


@pytest.mark.parametrize(
    "text",
    [
        "786123 Events are emitted when the toolti...\n",
        "Conditional jump depends on an uninitialised valu…\n",
    ],
)
def test_a_word_cut_short_by_an_ellipsis_is_no_misspelling(text: str) -> None:
    assert _typo_words(text) == set()


@pytest.mark.parametrize("mark", ["-—", "- —", "-–"])
def test_a_speakers_false_start_is_no_misspelling(mark: str) -> None:
    # a transcript breaks a word off so: "twe" began "twenty" and was dropped
    assert _typo_words(f"Back in the early twe{mark}2000s, the law expired.\n") == set()
    # two hyphens are a plain-text dash after a whole word: a slip before it is still a slip
    assert _typo_words("He will see it in the futur--so he says.\n") == {"futur"}


def test_a_slip_before_a_trailing_ellipsis_is_still_a_slip() -> None:
    text = "Any help with the screws would be appreaciated...\n"
    assert _typo_words(text) == {"appreaciated"}


@pytest.mark.parametrize(
    "text",
    [
        "Add missing include <sys/wait.h> to the daemon.\n",
        "Move the --test-coverage-{ex,in}clude options to their proper place.\n",
        "Improve chunked res.write(buf) performance in the server.\n",
        "The call returns the f(eminine), m(asculine) or n(euter) form of the word.\n",
    ],
)
def test_words_inside_code_and_glued_to_brackets_are_left_alone(text: str) -> None:
    assert _typo_words(text) == set()


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("CHANGELOG_V14.md", True),
        ("README-dev.md", True),
        ("RELEASE_NOTES", True),
        ("HISTORY.rst", True),
        ("LICENSE", True),
        ("LICENSE-THIRD-PARTY", True),
        ("NOTICE.txt", True),
        ("README.org", True),  # Emacs packages keep theirs in Org mode
        ("history.md", False),
        ("news_from_home.txt", False),
        ("garden-notes.md", False),
    ],
)
def test_qualified_names_of_software_docs(name: str, expected: bool) -> None:
    assert markup.software_doc(f"docs/{name}") is expected


def test_a_licence_file_names_its_packages_without_being_corrected() -> None:
    text = (
        "The MIT License (MIT)\n\nCopyright (c) 2015 Jane Roe and the attrs contributors\n\n"
        "Permission is hereby granted, free of charge, to any person obtaining a copy.\n\n"
        "THE SOFTWARE IS PROVIDED AS IS; IN NO EVENT SHALL THE AUTHORS BE LIABLE FOR ANY DAMAGES\n"
        "WHATSOEVER RESULTING FROM LOSS OF USE, DATA OR PROFITS.\n"
    )
    assert api.check(text, path="LICENSE") == []


def test_a_txt_file_written_in_rst_is_read_as_rst() -> None:
    # Sphinx projects may name their sources *.txt (Django's documentation does)
    text = (
        "Getting started\n===============\n\n"
        "Read the :doc:`tutorial </intro/index>` first.\n\n"
        ".. code-block:: html+django\n\n"
        "    <html><head><title>{{ title }}</title></head><body>{{ body }}</body></html>\n\n"
        ".. toctree::\n   :maxdepth: 1\n\n   howto/index\n   csrf\n\n"
        "The ``srid`` option sets the spatial reference.\n"
    )
    doc = Document.from_text(text, path="docs/intro.txt")
    assert doc.kind == "rst" and doc.technical
    assert api.check(text, path="docs/intro.txt") == []
    # a plain text file with none of that markup stays plain text
    assert Document.from_text("A note. See the garden.\n", path="notes.txt").kind == "text"


def test_a_program_in_a_list_of_programs_is_left_alone() -> None:
    # "kompare" is one edit from "compare", but it stands in a list with "vimdiff", which no list
    # knows: in technical writing such a list names programs
    text = "# Tools\n\nValid values include emerge, kompare, meld, and vimdiff.\n"
    assert [f for f in api.check(text, path="README.md") if f.rule == "TYP001"] == []
    # a list of known words holds no program, and a slip in it is still one
    slip = "# Tools\n\nValid values include emerge, kompare, meld, and merge.\n"
    assert [f.replacements[0] for f in api.check(slip, path="README.md") if f.rule == "TYP001"] == ["compare"]


def test_a_txt_file_written_in_asciidoc_is_read_as_asciidoc() -> None:
    # git names its AsciiDoc manuals *.txt: a block style line, a listing block between "----"
    # lines, inline macros, and character references that AsciiDoc reads
    text = (
        "quux-frob(1)\n============\n\nSYNOPSIS\n--------\n[verse]\n'quux frob' [--all] <path>\n\n"
        "Send the report to ops&#64;example.org; see linkgit:quux-log[1].\n\n"
        "----\n$ quux frob --all\nframe 7 is the first bad frame\nframe 4f2a9c1 (tip)\n----\n"
    )
    doc = Document.from_text(text, path="Documentation/quux-frob.txt")
    assert doc.kind == "asciidoc" and doc.technical
    assert api.check(text, path="Documentation/quux-frob.txt") == []
    # a block style line opening the file, or a block macro after prose, is enough
    assert Document.from_text("[NOTE]\nKeep it short.\n", path="n.txt").kind == "asciidoc"
    assert Document.from_text("Intro text :: here.\ninclude::part.adoc[]\n", path="n.txt").kind == "asciidoc"
    # inline macros alone, three of them, make it AsciiDoc too; one does not
    macros = "See linkgit:quux-log[1], linkgit:quux-tag[1] and xref:setup.adoc[Setup].\n"
    assert Document.from_text(macros, path="notes.txt").kind == "asciidoc"
    plain = "Send it to ops&#64;example.org, or see link:https://example.org[the site].\n"
    assert Document.from_text(plain, path="notes.txt").kind == "text"
    assert [f.rule for f in api.check(plain, path="notes.txt")] == ["SCR005"]


def test_table_rows_that_differ_only_in_their_code_are_no_repeats() -> None:
    text = (
        "Lookup support\n\n"
        ":lookup:`distance_gt`    X    X    X    X    X    N\n"
        ":lookup:`distance_lt`    X    X    X    X    X    N\n"
        ":lookup:`distance_lte`   X    X    X    X    X    N\n"
    )
    assert [f for f in api.check(text, kind="rst") if f.rule == "SCR012"] == []
    repeated = "The vote was set for the day after.\nThe vote was set for the day after.\n"
    assert [f.rule for f in api.check(repeated)] == ["SCR012"]


def test_placeholder_text_and_pinned_packages_are_left_alone() -> None:
    text = (
        "Overview\n\nLorem ipsum dolar sit amet, consectetur adipiscing elit.\n\n"
        "Pin the tools:\n\ndocutils==0.20.1\nsphinxcontrib-programoutput==0.17\n\n"
        "The nargs option counts the values; args not given on the command line keep defaults.\n"
    )
    assert api.check(text) == []
    # outside the placeholder paragraph a slip is still a slip
    more = text + "\nWe recieved the files.\n"
    assert [more[f.start : f.end] for f in api.check(more)] == ["recieved"]


def test_repeated_metadata_of_different_entries_is_no_repeat() -> None:
    # each entry's name is markup (masked); its metadata block repeats the next entry's
    text = (
        ":pypi:`pytest-one`\n\n     *last release*: Dec 06, 2022, *status*: N/A, *requires*: N/A\n\n"
        ":pypi:`pytest-two`\n\n     *last release*: Dec 06, 2022, *status*: N/A, *requires*: N/A\n"
    )
    assert [f for f in api.check(text, kind="rst") if f.rule == "SCR012"] == []


def test_html_literals_math_and_character_references_are_code() -> None:
    page = (
        '<html><body><p>Use <span class="docutils literal">bigg</span> sizes, or '
        "<tt>xtrgen</tt> and <kbd>Ctrl-Q</kbd>; the arrow &rightarrow; and \\rightarrow differ "
        "from \\Rrightarrow, and <math><mi>inj lim</mi></math> is a limit. Apps started with "
        '<strong class="program">pythonw</strong> take <span class="pre">fdel</span>.</p></body></html>\n'
    )
    assert [f.rule for f in api.check(page, path="page.html") if f.rule.startswith("TYP")] == []


def test_rst_substitution_definitions_make_a_txt_file_rst() -> None:
    text = ".. |b.Xi|     unicode:: U+1D6B5 .. BOLD CAPITAL XI\n.. |forall|   unicode:: U+02200\n"
    assert Document.from_text(text, path="include/isogrk4.txt").kind == "rst"
    assert api.check(text, path="include/isogrk4.txt") == []


def test_an_inline_tag_named_in_prose_masks_nothing_after_it() -> None:
    text = (
        "* **doc**: fix colour contrast on \\<kbd> elements (Jane Roe) [#37185](https://x.test/37185)\n"
        "* **doc**: provide more context on techinical values (Jane Roe) [#36236](https://x.test/36236)\n"
    )
    assert [text[f.start : f.end] for f in api.check(text, path="CHANGES.md")] == ["techinical"]


def test_string_tables_and_template_tags_are_code() -> None:
    # a theme's translations: a Jinja macro holding a table of short strings in another language
    page = (
        '{% macro t(key) %}{{ {\n  "language": "nb",\n  "action.edit": "Rediger denne siden",\n'
        '  "search.result.more.one": "1 til på denne siden",\n  "select.version": "Velg versjon",\n'
        '  "top": "Tilbake til toppen"\n}[key] }}{% endmacro %}\n'
        '<p>{% include ".icons/" ~ icon ~ ".svg" %}</p>\n'
    )
    assert api.check(page, path="partials/languages/nb.html") == []
    # prose beside the tags is still read
    post = "---\ntitle: Notes\n---\n\n{{ site.title }} was recieved well.\n"
    assert [post[f.start : f.end] for f in api.check(post, path="_posts/notes.md")] == ["recieved"]


def test_a_short_form_defined_in_parentheses_is_no_misspelling() -> None:
    text = "The content of conditional comments (condcoms) is passed to this method as well.\n"
    assert [f for f in api.check(text) if f.rule == "TYP001"] == []
    slip = "The house was (recieved) well by all.\n"
    assert [slip[f.start : f.end] for f in api.check(slip) if f.rule == "TYP001"] == ["recieved"]


def test_git_release_notes_words_are_left_alone() -> None:
    text = (
        "* When the tool was given a bad commit to replay the history on, it failed.\n"
        "* Many warnings in the compat/ area have been squelched.\n"
        '* "git fetch" can be told to operate "-v"erbosely or "-q"uietly.\n'
        "* An RSS feed had a xss hole; the refname and the refspec of an mbox were checked by fsck.\n"
    )
    assert [f for f in api.check(text) if f.rule.startswith(("TYP", "SPN"))] == []


def test_configuration_keys_and_branch_names_are_no_ocr_damage() -> None:
    text = (
        "Fixes since v2.4.4\n\n"
        " * The setup code used to die when core.bare and core.worktree are set\n"
        "   inconsistently, even for commands that do not need a working tree.\n"
        ' * "git rebase -i" fired the post-rewrite hook when it should not have.\n'
        " * Code clean-up (merge b3c7eef9b0 nd/the-index later to maint).\n"
        " * An attempt with receive.fsckObjects configuration set to true failed.\n"
    )
    assert api.check(text, path="RelNotes/2.4.5.txt") == []


def test_commit_trailers_and_tags_in_a_change_log_are_content() -> None:
    text = (
        "2021-03-06  Jane Roe  <jane@example.org>\n\n"
        "\t* lib/emit.c (flush): Add scope parameter.\n\tEmit closing </span> tags.\n"
        "\t  Part-of: <https://gitlab.example.org/project/-/merge_requests/1717>\n"
    )
    assert api.check(text, path="debian/changelog") == []


def test_change_logs_repeat_their_messages_and_quote_references() -> None:
    entry = "\t[tools/coverage] Unset the environment variables in a better way.\n\n"
    text = "2003-06-19  Jane Roe  <jane@example.org>\n\n" + entry + entry
    text += "\tReplace -&gt; with &rarr; where it is used as an arrow.\n"
    assert api.check(text, path="mpfr/ChangeLog") == []
    # a news article repeating a paragraph is still flagged
    story = "The council met on Monday and voted to close the road.\n\n" * 2
    assert [f.rule for f in api.check(story, path="news-001.txt")] == ["SCR012"]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("ChangeLog", True),
        ("NEWS.md", True),
        ("RelNotes/2.4.5.txt", True),
        ("RELEASE_NOTES", True),
        ("news-001.txt", False),
        ("docs/news/2020.md", False),
        ("history.txt", False),
    ],
)
def test_names_of_change_logs(path: str, expected: bool) -> None:
    assert markup.change_log(path) is expected


def test_html_leftovers_in_technical_mail_are_still_flagged() -> None:
    # a mail full of paths and options is technical writing, but its leftover tags and references
    # are scraping residue all the same; only a project's own docs (by name) write about them
    text = (
        "Run ./configure --prefix=/usr, then edit /etc/foo.conf and call read_config() again.\n"
        "It&#8217;s in the <b>main</b> section of the page, see the_manual for --enable-debug.\n"
    )
    assert Document.from_text(text).technical
    assert {f.rule for f in api.check(text, path="mail/0001.txt")} >= {"SCR005", "SCR006"}
    assert not {f.rule for f in api.check(text, path="docs/ChangeLog")} & {"SCR005", "SCR006"}


def test_mdx_comments_and_module_lines_are_markup() -> None:
    # Next.js and Docusaurus pages: a JavaScript comment in braces is no residue after a sentence,
    # and the module lines an MDX page opens with are code
    text = (
        "---\ntitle: Setting up analytics\n---\n\n"
        "{/* GENERATED FILE. Edit the source page instead; shared content is not wrapped in a tag. */}\n\n"
        "import Tabs from '@theme/Tabs';\nexport const meta = { sidebar: 'guides' };\n\n"
        "Measure how fast your pages load and report the numbers to a service.\n"
    )
    assert api.check(text, path="docs/analytics.mdx") == []
    spans = markup.protected_spans(text, "markdown")
    assert any(text[s.start : s.end].startswith("{/* GENERATED") for s in spans)
    assert any(text[s.start : s.end] == "import Tabs from '@theme/Tabs';" for s in spans)
    # prose that starts with the same words is prose
    prose = "We import tea from abroad and export it again.\n"
    assert markup.protected_spans(prose, "markdown") == []


@pytest.mark.parametrize(
    "text",
    [
        "Get rid of the shelljs dependency and add a commonjs build.\n",
        'Use the term "tyden" for week in the Czech locale.\n',
        "Bump the semver range and build with esbuild; about 40 sloc.\n",
    ],
)
def test_package_names_and_words_named_as_words_are_left_alone(text: str) -> None:
    assert _typo_words(text) == set()


def test_language_tags_and_spelled_out_initials_are_no_damaged_names() -> None:
    text = (
        "The Process Manager keeps apps alive.\n\n"
        "<b>P</b>(rocess) <b>M</b>(anager) <b>2</b>\n\n"
        "- Added the Hong Kong locale (zh-HK) and the Uzbek Cyrillic one (uz-Cyrl).\n"
    )
    assert [f for f in api.check(text, path="README.md") if f.rule == "TYP002"] == []
    # a name that lost its first letter is still found
    broken = "President Kassym-Jomart Tokayev spoke. Later assym-Jomart Tokayev left."
    assert [f.rule for f in api.check(broken) if f.rule == "TYP002"] == ["TYP002"]


def test_licences_of_dependencies_repeat_by_design() -> None:
    licence = (
        "> Permission is hereby granted, free of charge, to any person obtaining a copy of this\n"
        "> work, to deal in the work without restriction.\n\n"
    )  # (no software terms: the text alone does not read as technical writing)
    text = "".join(f"## part-{n}\n\nLicense: MIT\n\n{licence}" for n in range(3))
    assert markup.software_doc("THIRD-PARTY-NOTICES.md")
    assert [f for f in api.check(text, path="THIRD-PARTY-NOTICES.md") if f.rule == "SCR012"] == []
    assert [f for f in api.check(text, path="story.md") if f.rule == "SCR012"] != []


def test_a_lone_listed_phrase_in_technical_writing_leads_to_no_suspects() -> None:
    # a web framework's docs: one phrase of the published list is only shown, and the pairs of
    # list words it would lead the search to ("route module") are the framework's terms
    text = (
        "Routes are configured in `app/routes.ts`. Each route has a URL pattern and a file path to "
        "the route module that defines its behavior. The `@demo/fs-routes` package provides a file "
        "system routing convention. A segment that starts with `:` becomes a dynamic segment, "
        "parsed from the URL and passed as `params`. Route modules may export `loader()`.\n"
    )
    found = [f for f in api.check(text, path="docs/routing.md") if f.rule.startswith("SPN")]
    assert all(f.applicability is Applicability.DISPLAY for f in found)
    assert {text[f.start : f.end] for f in found} <= {"routing convention"}


def test_handles_named_with_their_site_are_no_misspellings() -> None:
    text = (
        "* Fixed: the bar redraws on resize - feature requested by [alxe on GitHub](https://github.com/x)\n"
    )
    assert _typo_words(text) == set()
    assert _typo_words("He sent a lettr to the office.") == {"lettr"}


def test_a_hyphenated_name_the_text_repeats_is_no_stray_hyphen() -> None:
    text = "# type-of\n\nReturns the type of a value.\n\ntype-of is faster than the usual checks.\n"
    assert [f for f in api.check(text, path="README.md") if f.rule == "OCR005"] == []


def test_a_lower_case_sentence_after_a_period_keeps_its_period() -> None:
    text = "This package is deprecated, because the design is unsafe. we recommend the newer one.\n"
    assert [f for f in api.check(text) if f.rule == "OCR005"] == []


def test_community_files_are_software_docs() -> None:
    assert markup.software_doc(".github/CODE_OF_CONDUCT.md")
    assert markup.software_doc("GOVERNANCE.md")
    assert not markup.software_doc("code.txt")


@pytest.mark.parametrize(
    "text",
    [
        "The clerk counted forty turkies [sic] in the yard.\n",
        'The note said the parcel was "recieved" (sic) on Monday.\n',
        "The clerk wrote sqiggle (sic: he meant the tilde) on every form.\n",
        "He copied .rhosts into the home folder and edited ~/.bashrc.\n",
        "<kestrel> robrt: did you try the new build?\n<robert> kestrel, yes, it works now.\n",
    ],
)
def test_marked_spellings_dot_files_and_chat_nicks_are_left_alone(text: str) -> None:
    assert _typo_words(text) == set()


def test_a_slip_beside_a_chat_speaker_is_still_a_slip() -> None:
    text = "<kestrel> I will recieve the parcel tomorrow.\n"
    assert _typo_words(text) == {"recieve"}


def test_a_possessive_opening_a_sentence_is_a_name() -> None:
    text = "Grelb's Rule:\n\tWhatever can be delayed will be.\n\nHerth's Law:\n\tThe queue you leave moves.\n"
    assert _typo_words(text) == set()
    # without the possessive a slip opening a sentence is still shown
    assert _typo_words("The plan is old. Thier plan is new.") == {"Thier"}


@pytest.mark.parametrize(
    "text",
    [
        "Comparisons on relations (such as A.parent==anothr) were not adapted.\n",
        "The property defines fget but not fset or fdel, and the table has no oids.\n",
    ],
)
def test_code_after_a_comparison_and_words_of_python_and_sql_are_left_alone(text: str) -> None:
    assert _typo_words(text) == set()


@pytest.mark.parametrize(
    "text",
    [
        "Edit configure.in before you run it.\n",
        "Put the macro in 'configure.in' and rebuild.\n",
    ],
)
def test_build_files_named_with_a_function_word_suffix_keep_their_period(text: str) -> None:
    assert [f for f in api.check(text) if f.rule == "OCR005"] == []


def test_terms_of_a_definition_list_and_quoted_extensions_are_left_alone() -> None:
    text = (
        "     showphoto\n          Display the selected photo.\n\n"
        "     deluid\n          Delete a user ID or photo ID. Note that it is not possible to retract it.\n\n"
        "  sheduler\n\tPicks the elevator for the mount.\n\n"  # a tab indents deeper than two spaces
        'The name is found by cutting off the extension (".asc" or ".sig") of the file.\n'
    )
    assert _typo_words(text) == set()
    # a slip alone on its line with nothing indented below is still a slip
    assert _typo_words("Ingredients\n\nflour\nsuger\nbutter\n") == {"suger"}


# A package description of our own, in the shape the Debian archive's thousands take: it names its
# programs in plain words, marks no code, and is technical writing by its vocabulary alone.
DESCRIPTION = """\
Tools to watch and restart long-running services

syncr is a small daemon that restarts services when they stop. The package
also ships the logrot helper, a command-line tool that rotates the logs of
each service, and Python bindings for the library that both use. Like the
other utilities of the suite it reads one configuration file.
"""


def test_a_package_description_reads_as_technical_by_its_vocabulary() -> None:
    assert Document.from_text(DESCRIPTION).technical
    prose = (
        "The town library opened in 1904 with a gift from a local family, who had made their money in\n"
        "the wool trade and wanted the mill workers to have somewhere warm to read in the evenings. The\n"
        "first librarian, a widow from the next valley, kept the doors open until nine and lent books\n"
        "to anyone who could sign their name. A package of reforms followed in the next decade: the\n"
        "reading room was enlarged twice, a children's corner was added under the east windows, and the\n"
        "council agreed to pay for coal in the winter months. By the time the war came, the building\n"
        "held more than eight thousand volumes and a small collection of maps of the district. Most of\n"
        "the maps were drawn by a surveyor who had walked every lane of the parish in the dry summer of\n"
        "1871, and they are still shown to visitors on request.\n"
    )  # two software terms in 150 words of prose: a coincidence
    assert not Document.from_text(prose).technical


def test_short_program_names_in_technical_writing_are_not_corrected() -> None:
    # shortened and suffixed words name programs ("syncr", "logrot"); two swapped letters are a slip
    assert [DESCRIPTION[f.start : f.end] for f in repair.check(DESCRIPTION, select=["TYP", "OCR"])] == []
    slipped = DESCRIPTION.replace("Like the", "Liek the")
    assert "Like the" in repair.fix(slipped, select=["TYP"])
    # a short name before what it is ("the hmmer package"); a slip of a function word there is one
    named = DESCRIPTION.replace("the logrot helper", "the compat package")
    assert [f for f in repair.check(named, select=["TYP"]) if named[f.start : f.end] == "compat"] == []
    assert "ships the new package" in repair.fix(DESCRIPTION.replace("the logrot helper", "the nwe package"))


def test_a_word_quoted_as_code_in_plain_text_is_no_misspelling() -> None:
    text = "This release adds the `syncr` helper script, which copies a project for you.\n"
    assert repair.check(text, select=["TYP"]) == []
    assert repair.check(text.replace("`syncr`", "`syncr'"), select=["TYP"]) == []


def test_a_name_that_a_line_break_put_first_is_not_read_as_a_sentence_start() -> None:
    text = (
        "The cluster tool manages virtual machines that run on top of the\n"
        "Xen and KVM hypervisors, and it moves them between hosts as needed.\n"
    )
    assert repair.check(text, select=["TYP", "OCR"]) == []
    assert typo._wrapped_on(text, text.index("Xen"))
    # a heading or a finished sentence before it leaves the next line's start a sentence start
    for before in ("Notes\n", "The cluster tool manages virtual machines on many hosts.\n"):
        assert not typo._wrapped_on(before + "Xen runs", len(before))


def test_a_term_an_html_page_defines_and_its_plural_are_terms() -> None:
    # DocBook's "firstterm" (PostgreSQL's manual): "xids" had been "corrected" to "kids"
    page = (
        '<p>Every transaction gets an identifier, its <em class="firstterm">xid</em>.\n'
        "   When stored on disk, xids are only 32 bits wide, and teh counter wraps.</p>\n"
    )
    assert _typo_words(page, path="mvcc.html") == {"teh"}
    dfn = "<p>A <dfn>frobnet</dfn> joins two hosts. Two frobnets make a ring.</p>\n"
    assert _typo_words(dfn, path="net.html") == set()
    # the same words are slips where no element defines them
    bare = page.replace('<em class="firstterm">xid</em>', "xid")
    assert "xids" in _typo_words(bare, path="mvcc.html")


def test_an_html_page_of_prose_is_not_technical_for_its_tags() -> None:
    page = (
        "<html><body><p>The old mill by the river was rebuilt in stone.</p>"
        "<p>A <em>fine</em> day.</p></body></html>"
    )
    assert not Document.from_text(page, kind="html").technical
    code = "<p>Run <code>./configure --prefix=/usr</code> and then <code>make_all()</code>.</p>"
    assert Document.from_text(code, kind="html").technical
    # an element that shows code is a mark whatever it holds
    shown = "<p>The <code>borrow</code> ends where the <code>owner</code> leaves the <code>scope</code>.</p>"
    assert Document.from_text(shown, kind="html").technical


def test_terms_of_a_definition_list_on_one_line_are_no_misspellings() -> None:
    text = (
        "The suite installs three small tools for writers:\n\n"
        "  fhist - keeps the history of a file\n"
        "  cmpd -- compares two drafts of a chapter\n"
        "  * tallr : counts the words of each part\n"
    )
    assert repair.check(text, select=["TYP", "OCR"]) == []
    # a slip opening a line of prose is still one
    assert repair.check("A day out:\n  freinds swam - and then we ate.\n", select=["TYP"]) != []


def test_the_head_words_of_a_glossary_are_mentioned_not_used() -> None:
    # a coined word defined as a dictionary defines it: "procrastinnation" was fixed safely
    text = (
        "An office glossary.\n\n"
        "procrastinnation, n.:\n\tA country where nothing is ever done today.\n\n"
        "procrastinnator:\n\tA citizen of that country.\n"
    )
    assert repair.check(text, select=["TYP", "OCR"]) == []
    # the word class must follow the word at the line's start; a slip in the definition is one
    text = "procrastinnation, n.:\n\tA country where the staff recieved no memo.\n"
    assert [text[f.start : f.end] for f in repair.check(text, select=["TYP"])] == ["recieved"]


def test_a_program_named_in_lower_case_opening_a_sentence_is_no_misspelling() -> None:
    text = "Notes on the build.\n\nrestruct is a library for reading binary data, and it is fast.\n"
    assert repair.check(text, select=["TYP"]) == []
    # a plural noun stands bare before its verb, and a pronoun is a function word: both still fixed
    assert "friends can come" in repair.fix("The day was long. freinds can come.\n")
    assert "this is a test" in repair.fix("we left. thsi is a test.\n")
    # capitalised, such a name is left alone unless the correction is safe
    tuner = "A tuner for guitars.\n\nLingot is a small instrument tuner that reads the microphone.\n"
    assert repair.check(tuner, select=["TYP"]) == []
    assert "Information is stored" in repair.fix("The river rose.\n\nInformaton is stored in the hall.\n")


def test_a_mail_about_software_in_the_first_person_is_not_technical_for_its_terms() -> None:
    mail = (
        "I tried the new package on my laptop last night and the library would not load. My guess\n"
        "is that the kernel module is too old, so I will build the software again from source code\n"
        "tonight and tell you if I get it going. Thanks for the Python bindings, by the way.\n"
    )
    assert not Document.from_text(mail).technical
    assert Document.from_text(mail.replace("I ", "One ").replace("my ", "a ").replace("My ", "A ")).technical


# An R Markdown vignette of our own: front matter, R chunks and inline R code.
VIGNETTE = """\
---
title: "Summaries by group"
output: rmarkdown::html_vignette
vignette: >
  %\\VignetteIndexEntry{Summaries by group}
---

```{r setup, include = FALSE}
knitr::opts_chunk$set(collapse = TRUE, comment = "#>")
```

The data has `r nrow(df)` rows. We group it before we print each colunm:

```{r}
df <- data.frame(g = c("a", "b"), x = c(1, 2))
aggregate(x ~ g, data = df, FUN = mean)
```
"""


def _found(text: str, path: str) -> list[tuple[str, tuple[str, ...]]]:
    """The text of each finding in ``text`` read as the file ``path``, with its first replacement."""
    return [(text[f.start : f.end], f.replacements[:1]) for f in api.check(text, path=path)]


@pytest.mark.parametrize("path", ["vignettes/summaries.Rmd", "posts/summaries.qmd", "summaries.rmarkdown"])
def test_r_markdown_and_quarto_files_are_read_as_markdown(path: str) -> None:
    # the chunks, their options and the inline code are code; the slip in the prose is still found
    assert _found(VIGNETTE, path) == [("colunm", ("column",))]
    assert Document.from_text(VIGNETTE, path=path).kind == "markdown"


def test_r_package_and_language_words_are_known() -> None:
    text = (
        "Tests that change options use withr, and coverage is measured with covr. Files are read\n"
        "with readxl; the call is deparsed before it is stored, so the report shows it as typed.\n"
    )
    assert api.check(text, select=["TYP"]) == []


@pytest.mark.parametrize(
    "text",
    [
        "The design follows the approach in httr, which keeps each request explicit.",
        "There is really no point in running more nfsd processes on the server.",
        "An invalid operation (the sqrt of a negative number) raises an error.",
        # an ending offered after a slash, software words, and a 1 among numbers
        "The remote directory/ies used for the test must exist.",
        "Full support for darcs was added, and sharding the cache is optional.",
        "The script returns a consistent code (1 would be any other error, or 0 if all went well).",
    ],
)
def test_abbreviations_without_vowels_and_other_non_slips(text: str) -> None:
    # a word without vowels is an abbreviation or a name unless its fix only puts vowels back
    assert api.check(text, select=["TYP", "OCR"]) == []


@pytest.mark.parametrize(
    ("text", "fixed"),
    [
        ("On systems whch lack the tool, build it first.", "On systems which lack the tool, build it first."),
        ("We went home and thrn we had dinner together.", "We went home and then we had dinner together."),
    ],
)
def test_a_word_whose_vowels_were_lost_is_still_a_slip(text: str, fixed: str) -> None:
    assert repair.fix(text) == fixed


def test_hyphenated_names_in_technical_writing_keep_their_hyphen() -> None:
    text = (
        "Run ./configure --prefix=/usr, then make. The record and list-of types are covered in\n"
        "vctrs.md; the helper now implements was-enabled, see debian/rules and main.c for details.\n"
    )
    assert Document.from_text(text).technical
    assert [f for f in api.check(text, select=["OCR"]) if "-" in text[f.start : f.end + 1]] == []


# An AsciiDoc manual of our own (Asciidoctor's syntax).
ADOC = """\
= Pocket Sync Manual
:toc: left
:project-name: pktsync
// TODO: describe the daemon's flags

Introduction
------------

{project-name} keeps folders in step. Run it once, and it follows the changes for yuo.
See xref:install.adoc[the install guide] or <<setup,the set-up section>>, and press kbd:[Ctrl+C] to stop.

[source,shell]
----
pktsync --init teh folder
pktsync sync sync
----

The config file looks like this:
....
mirror = /srv/data
retry retry = 3
....

 pktsync --dry-run thier/path

* A listed item stays prose, even indented: it is checked.
  Passthrough text such as +--no-frobnicate+ and `shwo` is code.

image::diagram.png[Flow]
include::partials/footer.adoc[]
"""


def test_asciidoc_markup_and_blocks_are_code() -> None:
    assert Document.from_text(ADOC, path="docs/manual.adoc").kind == "asciidoc"
    found = [(ADOC[f.start : f.end], f.rule) for f in api.check(ADOC, path="docs/manual.adoc")]
    # the slip in the prose is found; the listing, the literal block after a paragraph line, the
    # indented literal paragraph, the attribute entries, the comment, the macros and the inline code
    # are left alone ("teh", "sync sync", "retry retry", "thier", "frobnicate", "shwo")
    assert found == [("yuo", "TYP001")]
    # the underline of a two-line section title opens no block: the prose below it is still checked
    spans = markup.protected_spans(ADOC, "asciidoc")
    intro = ADOC.index("{project-name} keeps")
    assert not any(s.start <= intro + 20 < s.end for s in spans)
    assert any(ADOC[s.start : s.end].startswith("----\npktsync --init") for s in spans)


def test_plain_text_keeps_what_asciidoc_protects() -> None:
    # a .txt file that holds AsciiDoc's block style lines and macros is read as AsciiDoc; without
    # them the same lines are plain text, read as prose
    assert Document.from_text(ADOC, path="docs/manual.txt").kind == "asciidoc"
    signs = ("[source", "image::", "include::", "See xref:")
    bare = "\n".join(line for line in ADOC.splitlines() if not line.startswith(signs)) + "\n"
    assert Document.from_text(bare, path="docs/manual.txt").kind == "text"
    found = {bare[f.start : f.end] for f in api.check(bare, path="docs/manual.txt")}
    assert {"sync sync", "retry retry "} <= found


def test_a_repeated_word_before_code_keeps_the_code() -> None:
    text = "Each value is compared with the\nthe `OP` operator, as the table shows.\n"
    found = [f for f in api.check(text, path="notes.md") if f.rule == "SCR011"]
    assert [(text[f.start : f.end], f.applicability) for f in found] == [("the\nthe ", Applicability.SAFE)]
    assert repair.fix(text, path="notes.md") == text.replace("the\nthe ", "the\n")


def test_an_unpaired_backtick_does_not_shift_the_code_spans_after_it() -> None:
    text = "A stray ` mark.\n\nThe script `start` hangs after the `emtc` command, and the sentense goes on.\n"
    assert _found(text, "notes.md") == [("sentense", ("sentence",))]


def test_pandoc_attributes_are_code() -> None:
    # Quarto and R Markdown mark sections, figures and callouts with attributes in braces
    text = (
        "## Fitting the model {#sec-fit}\n\n"
        '::: {.callout-note collapse="true"}\n'
        "The curve flattens after the third week; see @sec-fit.\n"
        ":::\n\n"
        "![First panel](a.png){#fig-a}\n"
    )
    assert api.check(text, path="report.qmd") == []
    spans = markup.protected_spans(text, "markdown")
    for attributes in ("{#sec-fit}", '{.callout-note collapse="true"}', "{#fig-a}"):
        at = text.index(attributes)
        assert any(s.start <= at and at + len(attributes) <= s.end for s in spans), attributes


def test_hyphenated_names_of_technical_writing_are_not_damaged_names() -> None:
    text = (
        "Run ./configure --prefix=/usr and make, then set the tbq-WebServer group and the\n"
        "keyserver-URL option in main.c; locales such as zh-Hans-DE work too.\n"
    )
    assert Document.from_text(text).technical
    assert [f for f in api.check(text) if f.rule == "TYP002"] == []


def test_a_name_with_a_letter_put_first_is_a_name_of_its_own_in_technical_writing() -> None:
    # a binding or variant is named so ("Rgraphviz" wraps "graphviz", "XeTeX" extends "eTeX")
    text = (
        "The Rgraphviz package wraps graphviz for R: install graphviz first, then Rgraphviz.\n\n"
        "```r\nlibrary(Rgraphviz)\n```\n\nBoth XeTeX and eTeX read the file.\n"
    )
    assert [text[f.start : f.end] for f in api.check(text, path="v.Rmd") if f.rule == "TYP002"] == []
    # a word that lost its capital is still damage there
    log = "Changes in 2.1:\n\n- Fix the Remove button of the dialog.\n- emove the stale lock file (#12).\n"
    assert [f.replacements[0] for f in api.check(log, path="NEWS") if f.rule == "TYP002"] == ["Remove"]


# A paper of our own in LaTeX, with a Sweave chunk as an .Rnw vignette has.
PAPER = r"""\documentclass{article}
\usepackage{amsmath}
\newcommand{\pkg}[1]{\textbf{#1}}
\begin{document}
\section{Introduction}\label{sec:intro}
Schr\"odinger and Erd\H{o}s, as G\"{o}del noted~\cite{knuth84}, liked ``plain'' na\"ive models.
We fit them with \code{lm(y ~ x)} and report $\hat\beta = 0.3$ in Figure~\ref{fig:fit}\index{fit!Linear}.
% a commnet that is never printed
The picture environment is opened with \verb|\begin{tikzpicture}|, and the results are
\begin{equation}
  y = X\beta + \epsilon, \quad tbe = 1
\end{equation}
<<fit, echo=FALSE>>=
fit <- lm(y ~ x, data = teh)
@
The slope is \Sexpr{round(coef(fit)[2], 2)} units, which suprised us.
\end{document}
"""


@pytest.mark.parametrize("path", ["paper.tex", "vignettes/fit.Rnw"])
def test_latex_markup_math_and_code_are_left_alone(path: str) -> None:
    assert Document.from_text(PAPER, path=path).kind == "latex"
    # the slip in the prose is found; commands, keys, accents (no "odinger" or "os" left over),
    # math, the comment, the \verb mention, the equation and the R chunk are not
    assert _found(PAPER, path) == [("suprised", ("surprised",))]


def test_a_code_environment_left_open_in_a_listing_ends_with_the_listing() -> None:
    text = (
        "\\begin{codeblock}\n\\begin{tikzpicture}\n\\node (a) {x};\n\\end{codeblock}\n\n"
        "The prose after the listing is read, and a mispelled word in it is found.\n"
    )
    assert _found(text, "notes.tex") == [("mispelled", ("misspelled",))]


def test_a_fence_pairs_with_no_backtick_after_it() -> None:
    text = (
        "Run it:\n\n```\nunitizer> B\n\n  1. a test\n```\n"
        "The `[B]rowse` option opens the Browse view, and the sentense goes on:\n```\nunitizer> Q\n```\n"
    )
    assert _found(text, "notes.md") == [("sentense", ("sentence",))]


def test_latex_keys_protect_their_own_arguments_only() -> None:
    # an index entry's "!" and a label's key are no prose, but the emphasis after a label is
    text = "\\section{Results}\\label{sec:res}\\emph{The results were recieved late}\\index{fit!Linear}.\n"
    assert _found(text, "paper.tex") == [("recieved", ("received",))]
