"""Protected spans and inline suppressions."""

from __future__ import annotations

import pytest

import repair
from repair import markup
from repair.document import Document


def protected_texts(text: str, kind: str) -> list[str]:
    doc = Document.from_text(text, kind=kind)
    return [text[s.start : s.end] for s in doc.protected]


def test_markdown_code_links_and_front_matter_are_protected() -> None:
    text = (
        "---\ntitle: teh draft\n---\n"
        "Prose with `inline teh code` and [a link](http://example.com/teh) here.\n\n"
        "```python\nteh = 1\n```\n\n"
        "    indented teh code\n\n"
        "Mail me@example.org or see https://example.net/path.\n"
        "[ref]: https://example.com/ref\n"
    )
    spans = protected_texts(text, "markdown")
    assert spans[0].startswith("---\ntitle")
    assert "`inline teh code`" in spans
    assert "(http://example.com/teh)" in " ".join(spans)
    assert any(s.startswith("```python") and s.endswith("```") for s in spans)
    assert any("indented teh code" in s for s in spans)
    assert "me@example.org" in spans
    assert "https://example.net/path" in spans
    assert any(s.startswith("[ref]:") for s in spans)
    doc = Document.from_text(text, kind="markdown")
    assert len(doc.masked) == len(text)
    assert "teh" not in doc.masked
    assert "Prose with" in doc.masked


def test_a_colon_fence_and_its_target_are_markup_in_markdown() -> None:
    # mkdocstrings' "::: package.Class" reads like a glued sentence ("package. Class"); an
    # admonition's type is markup too, and its title and body are prose
    text = "Use the class:\n\n::: quuxlib.Response\n\n:::tip Teh title\nA body with teh slip.\n:::\n"
    found = [(text[f.start : f.end], f.rule) for f in repair.check(text, path="api.md")]
    assert [w for w, rule in found if rule == "SCR008"] == []
    assert [w for w, _ in found] == ["Teh", "teh"]


def test_html_tags_and_attributes_are_protected_in_markdown_and_html() -> None:
    text = '<p class="teh">Text <a href="x.html" title="teh">link</a></p><script>var teh;</script>'
    masked = Document.from_text(text, kind="html").masked
    assert "teh" not in masked
    assert "Text" in masked and "link" in masked


def test_docbook_classes_for_programs_files_and_code_are_code() -> None:
    # DocBook's HTML names programs so: "sxid" and "integrit" had become "said" and "integrity"
    text = (
        '<div class="para">\n\t\tCommon tools for this are <span class="application"><strong>sxid</strong>'
        '</span>, <span class="application"><strong>aide</strong></span> (Advanced Intrusion Detection '
        'Environment), <span class="application"><strong>tripwire</strong></span>, <span class="application">'
        '<strong>integrit</strong></span> and <span class="application"><strong>samhain</strong></span>. '
        "Each keeps a seperate log.\n</div>\n"
    )
    found = [text[f.start : f.end] for f in repair.check(text, path="harden.html")]
    assert found == ["seperate"]


def test_a_document_type_declaration_and_a_processing_instruction_are_markup() -> None:
    text = '<?xml version="1.0" encodng="utf-8"?>\n<!DOCTYPE html PUBLIC "teh">\n<p>Some text.</p>\n'
    masked = Document.from_text(text, kind="html").masked
    assert "DOCTYPE" not in masked and "encodng" not in masked and "teh" not in masked
    assert "Some text." in masked


def test_a_word_split_by_inline_markup_is_not_corrected_piece_by_piece() -> None:
    # a letter set in bold inside a word: "lobally" is no slip, and "globally" written after the
    # tag would read "gglobally"
    for kind in ("html", "markdown"):
        text = "<p>The tool (<strong>g</strong>lobally <strong>r</strong>egular) and a super<wbr>markt.</p>"
        assert repair.check(text, kind=kind) == []
        assert repair.fix(text, kind=kind) == text
    # block tags separate words, and a word marked up whole is still checked
    text = "<p>The <b>un</b>happy ending.</p><p>Wrold peace</p><p>A shop near the <em>staton</em>.</p>"
    found = repair.check(text, kind="html")
    assert [(text[f.start : f.end], f.replacements[0]) for f in found] == [
        ("Wrold", "World"),
        ("staton", "station"),
    ]
    doc = Document.from_text("a<b>b</b>c <p>d</p>e", kind="html")
    assert doc.splits_word(9, 10) and doc.splits_word(3, 4) and not doc.splits_word(11, 12)


def test_character_references_are_markup_in_html_and_markdown() -> None:
    # a page that spaces its words with &nbsp; (as generated tables and old editors do): the ";" is
    # part of the reference, no stray mark, and a fix leaves the page as it was
    page = (
        "<html><body><p>The&nbsp;river&nbsp;rose&nbsp;in&nbsp;the&nbsp;night, and&nbsp;the&nbsp;old"
        "&nbsp;mill&nbsp;was&nbsp;flooded&nbsp;to&nbsp;the&nbsp;roof &#8212; nobody was hurt.</p>"
        "<p>Fish&nbsp;&amp;&nbsp;chips were served at the inn on the next day.</p></body></html>"
    )
    for kind in ("html", "markdown"):
        assert repair.check(page, kind=kind) == []
        assert repair.fix(page, kind=kind) == page


def test_handles_are_protected_in_every_kind() -> None:
    # a changelog credits people by handle: "@eregon" is no slip of "Oregon"
    text = "* Add the shell to the list by @theref in #2511, thanks to @eregon; mail a.b@c.org."
    for kind in ("text", "markdown"):
        assert protected_texts(text, kind) == ["@theref", "@eregon", "a.b@c.org"]
        assert repair.check(text, kind=kind, select=["TYP", "OCR"]) == []


def test_plain_text_protects_urls_and_email_only() -> None:
    text = "See www.example.com/a_b, mail a.b@c.org; `not code` here <b>tag</b>."
    assert protected_texts(text, "text") == ["www.example.com/a_b", "a.b@c.org"]


def test_plain_text_protects_an_email_signature() -> None:
    text = "Send the draft by Friday.\n\n-- \nnjl\nDept. of Hydrology, room 4b\n\nA later paragraph.\n"
    assert protected_texts(text, "text") == ["njl\nDept. of Hydrology, room 4b\n"]
    # "--" without its space, and at most six lines
    sig = "--\n" + "".join(f"line {k}\n" for k in range(8))
    assert protected_texts(sig, "text") == ["".join(f"line {k}\n" for k in range(6))]
    # in Markdown "--" under a line makes a heading, so no signature there
    assert protected_texts(text, "markdown") == []
    # a sign-off is no misspelling in a signature (outside one, "njl" reads as a slip of "no")
    body = "We moved the pumps to the lower field on Monday.\n\n"
    assert [f.rule for f in repair.check(body + "njl\n")] == ["TYP001"]
    assert repair.check(body + "-- \nnjl\n") == []


def test_pgp_and_certificate_blocks_are_protected() -> None:
    block = (
        "-----BEGIN PGP SIGNATURE-----\nVersion: GnuPG v1\n\niD8DBQE9ZQJ/ZW2Xmlcn=\n=wdf/\n"
        "-----END PGP SIGNATURE-----"
    )
    text = f"Thanks, see below.\n\n{block}\n\nThe troops recieved their orders.\n"
    for kind in ("text", "markdown"):
        assert protected_texts(text, kind) == [block]
    assert [text[f.start : f.end] for f in repair.check(text)] == ["recieved"]
    # a block that never ends is no block, and a signed message's text is prose
    assert protected_texts("-----BEGIN PGP SIGNATURE-----\nwdf\n", "text") == []
    signed = f"-----BEGIN PGP SIGNED MESSAGE-----\nHash: SHA1\n\nThe troops recieved their orders.\n{block}\n"
    assert protected_texts(signed, "text") == [block]


def test_version_control_keywords_are_protected() -> None:
    # "jmason" was fixed safely to "jason": a login inside an expanded RCS keyword
    keyword = "$Id: notes.c,v 1.12 2002/07/29 16:25:10 jmason Exp $"
    text = f"These notes are kept under version control.\n{keyword}\nThe troops recieved their orders.\n"
    for kind in ("text", "markdown"):
        assert protected_texts(text, kind) == [keyword]
    assert [text[f.start : f.end] for f in repair.check(text)] == ["recieved"]
    # its tail alone, the line wrapped before it, and the short keywords
    tail = "2002/07/29 16:25:10 jmason Exp $"
    assert protected_texts(f"(filter version 2.40,\n{tail}) checked it.", "text") == [tail]
    assert protected_texts("Revision $Revision: 1.4 $ by $Author: jdoe $.", "text") == [
        "$Revision: 1.4 $",
        "$Author: jdoe $",
    ]
    # prices and shell variables are no keywords
    assert protected_texts("It cost $5 at the Date stall and $10 at the Id stand.", "text") == []


def test_url_anchors_in_any_case_and_after_letters_that_grow_when_lowered() -> None:
    assert protected_texts("Visit WWW.Example.COM/Path today.", "text") == ["WWW.Example.COM/Path"]
    # "İ" lower-cases to two code points; the offsets must still be those of the text.
    text = "İstanbul: see www.example.org/x and FTP://files.example.org/y now."
    assert protected_texts(text, "text") == ["www.example.org/x", "FTP://files.example.org/y"]


def test_rst_code_directive_bodies_and_doctest_blocks_are_protected() -> None:
    text = (
        "Prose with a word.\n\n"
        ".. sourcecode:: python\n\n"
        "  >>> regex.subf('foo', 'bar')\n"
        "  'bar'\n\n"
        ".. note::\n\n"
        "   A note is prose and stays checked.\n\n"
        ">>> m.groupdict()\n"
        "{'word': 'three'}\n\n"
        "Back to prose.\n"
    )
    spans = protected_texts(text, "rst")
    joined = " ".join(spans)
    assert "regex.subf('foo', 'bar')" in joined and "'bar'" in joined
    assert ">>> m.groupdict()\n{'word': 'three'}" in spans
    assert "A note is prose" not in joined and "Back to prose" not in joined


def test_rst_literal_block_markers_are_protected_with_their_blocks() -> None:
    text = (
        "The following example adds a tag, as follows. ::\n\n"
        "    aws ec2 create-tags --tags Key=Stack\n\n"
        "Another example follows. ::\n\n"
        "    aws ec2 delete-tags\n\n"
        "And one more::\n\n"
        "    aws ec2 describe-tags\n"
    )
    spans = protected_texts(text, "rst")
    assert sum(s.startswith("::") for s in spans) == 3
    # the markers are rST syntax, not lone marks of OCR damage
    assert repair.check(text, kind="rst") == []
    assert repair.fix(text, kind="rst") == text


def test_file_paths_and_shell_commands_are_protected_in_every_kind() -> None:
    text = (
        "Edit /etc/passwd and ~/.cache/repair, or usr/share/doc/x; and/or he/she stay prose.\n"
        "$ sudo make install\n"
    )
    for kind in ("text", "markdown", "rst"):
        assert protected_texts(text, kind) == [
            "/etc/passwd",
            "~/.cache/repair",
            "usr/share/doc/x",
            "$ sudo make install",
        ]


def test_is_protected_boundaries() -> None:
    doc = Document.from_text("ab `cd` ef", kind="markdown")
    assert doc.is_protected(3, 4)
    assert doc.is_protected(0, 10)
    assert not doc.is_protected(0, 3)
    assert not doc.is_protected(7, 10)
    assert doc.is_protected(5, 5)
    assert not doc.is_protected(7, 7)


def test_suppressions() -> None:
    text = (
        "line one <!-- repair: ignore -->\n"
        "repair: ignore-next-line\n"
        "line three\n"
        "<!-- repair: disable SCR -->\n"
        "line five\n"
        "<!-- repair: enable SCR -->\n"
        "line seven\n"
    )
    doc = Document.from_text(text, kind="markdown")
    at = text.index
    assert doc.is_suppressed("TYP001", at("one"), at("one") + 3)
    assert doc.is_suppressed("SPN001", at("three"), at("three") + 5)
    assert doc.is_suppressed("SCR001", at("five"), at("five") + 4)
    assert not doc.is_suppressed("TYP001", at("five"), at("five") + 4)
    assert not doc.is_suppressed("SCR001", at("seven"), at("seven") + 5)
    assert doc.suppression_codes == ("SCR", "SCR")
    assert "repair:" not in doc.masked


def test_technical_writing_is_told_from_prose() -> None:
    readme = (
        "Install it with pip, then run the daemon:\n\n"
        "    $ ./configure --prefix=/usr\n\n"
        "Edit the uid_map in /etc/subuid and call reload_config() after changing sources.list.\n"
    )
    assert Document.from_text(readme).technical
    prose = (
        "The storm's pressure fell to 950 hPa (28.05 inHg) as winds reached 150 km/h; "
        "the song later sold well on iTunes, and the kW rating of the plant was raised."
    )
    assert not Document.from_text(prose).technical
    # one mark in a long paragraph does not make it technical
    filler = "The river rose and fell with the seasons. " * 30
    long_prose = "He kept a diary in notes.txt for forty years. " + filler
    assert not Document.from_text(long_prose).technical


def test_mail_addresses_are_found_among_many_at_signs() -> None:
    # Sweave's chunk ends, nuweb's \verb@...@ and R's slots hold an "@" that no address does
    text = "<<fit>>=\nfit@coef\n@\nSee \\verb@block@ or write to ann.lee@example.org, or to @nobody.\n"
    spans = markup.protected_spans(text, "text")
    assert [text[s.start : s.end] for s in spans if s.kind == "email"] == ["ann.lee@example.org"]


def test_tex_math_is_protected_in_markdown_but_prices_are_prose() -> None:
    # Pandoc's and Jupyter's rule: no space inside the dollars, no digit after the closing one
    text = (
        "The loss $L = \\sum_i (y_i - \\hat{y}_i)^2$ is small.\n\n"
        "$$\n\\frac{\\partial L}{\\partial w} = 0\n$$\n\n"
        "\\begin{align}\nx &= y\n\\end{align}\n\n"
        "It costs $5 to $10 a day, or $20 from $5-$10; set $HOME and $PATH.\n"
    )
    assert protected_texts(text, "markdown") == [
        "$L = \\sum_i (y_i - \\hat{y}_i)^2$",
        "$$\n\\frac{\\partial L}{\\partial w} = 0\n$$",
        "\\begin{align}\nx &= y\n\\end{align}",
    ]
    # not across a blank line
    assert protected_texts("A lone $ sign\n\nthen $x$ here.", "markdown") == ["$x$"]
    # the symbols of a formula are no foreign words around a slip beside it
    assert [
        f.replacements[0]
        for f in repair.check(
            "We recieved the data.\nThe loss is $L = \\sum_i (y_i - \\hat{y}_i)^2$, which we minimise.\n",
            kind="markdown",
            select=["TYP"],
        )
    ] == ["received"]


ORG = """#+TITLE: Notes on the setup
#+OPTIONS: toc:nil num:nil

* TODO Install the package                                    :work:emacs:
  :PROPERTIES:
  :CUSTOM_ID: instal
  :END:
  SCHEDULED: <2024-03-01 Fri>

We put =init.el= in place and ran ~M-x package-install~; see [[https://orgmode.org/manual][the manaul]]
and [[file:other.org]] for details[fn:1]. Math like $x^2$ and \\(a+b\\) is fine; <<target>> here.
Run src_python{print(1)} inline.

#+begin_src emacs-lisp :tangle yes
(setq teh-value 1)
#+end_src

#+BEGIN_EXAMPLE
exmaple output
#+END_EXAMPLE

: fixed wdith line
# a coment line
"""


def test_org_mode_markup_is_protected() -> None:
    assert protected_texts(ORG, "org") == [
        "#+TITLE:",
        "#+OPTIONS: toc:nil num:nil",
        " :work:emacs:",
        "  :PROPERTIES:\n  :CUSTOM_ID: instal\n  :END:",
        "<2024-03-01 Fri>",
        "=init.el=",
        "~M-x package-install~",
        "[[https://orgmode.org/manual][",  # the description is prose
        "[[file:other.org]]",
        "[fn:1",
        "$x^2$",
        "\\(a+b\\)",
        "<<target>>",
        "src_python{print(1)}",
        "#+begin_src emacs-lisp :tangle yes\n(setq teh-value 1)\n#+end_src",
        "#+BEGIN_EXAMPLE\nexmaple output\n#+END_EXAMPLE",
        ": fixed wdith line",
        "# a coment line",
    ]
    assert [ORG[f.start : f.end] for f in repair.check(ORG, path="notes.org", select=["TYP"])] == ["manaul"]


MAN = r""".\" Written for the tests of repair.
.de Vb
.ft CW
.nf
..
.TH FROB 1 "March 2024" "frob 2.1" "User Commands"
.SH NAME
frob \- turn widgets into gadgets
.SH DESCRIPTION
.B frob
reads each \fIFILE\fR and writes the gadgets. It isn\(cqt fast, but its e\-mail
reports are \fBquite\fR clear; the \-\-keep\-going option goes on after errors.
The seperate log lists every widget.
.TP
.BR \-v ", " \-\-verbose
Say what is done.
.TP
frob widget add
add a widget to the list
.nf
frob \-\-dry\-run teh.txt
.fi
.Vb
\&    frob --all
.Ve
"""


def test_roff_markup_is_protected_and_escapes_inside_words_split_them() -> None:
    doc = Document.from_text(MAN, path="man/frob.1")
    assert doc.kind == "roff" and doc.technical
    masked = doc.masked
    for prose in ("turn widgets into gadgets", "reads each", "and writes the gadgets", "Say what is done."):
        assert prose in masked
    for markup_text in (
        ".TH",
        "Written for",
        ".ft CW",
        "FILE",
        "quite",
        "keep",
        "verbose",
        "dry",
        "frob --all",
        "widget add",  # a .TP paragraph's tag
    ):
        assert markup_text not in masked, markup_text
    # "isn\(cqt" and "e\-mail" are single words: no finding on "isn" or on "e"
    assert [MAN[f.start : f.end] for f in repair.check(MAN, path="man/frob.1", select=["TYP"])] == [
        "seperate"
    ]
    assert Document.from_text("Read me first.\n", path="notes.1st").kind == "text"
    assert Document.from_text(".Dd March 1, 2024\n.Dt FROB 1\n", path="frob.8").kind == "roff"


TEXI = r"""\input texinfo
@c A manual written for the tests of repair; teh comment is never printed.
@setfilename frob.info
@settitle Frob Manual

@node Invoking
@chapter Invoking frob

Run @command{frob} on each @var{fyle}; see @ref{Optionz} and @xref{Setup,,Settng up}.
The seperate log goes to @file{~/.frob/lgo} and AUC@TeX{} reads it, as the r@'esum@'e says.

@table @code
@item --keep-goinng
Go on after errors.
@end table

@example
frob --dry-run teh.txt
@end example

@itemize @bullet
@item
Every widget is counted once.
@end itemize
"""


def test_texinfo_markup_is_protected_and_commands_inside_words_split_them() -> None:
    doc = Document.from_text(TEXI, path="doc/frob.texi")
    assert doc.kind == "texinfo" and doc.technical
    masked = doc.masked
    for prose in ("Invoking frob", "Run", "on each", "Go on after errors.", "Every widget is counted once."):
        assert prose in masked, prose
    for markup_text in ("teh", "frob.info", "fyle", "Optionz", "Settng", "lgo", "goinng", "dry", "@"):
        assert markup_text not in masked, markup_text
    # "AUC@TeX{}" and "r@'esum@'e" are single words: no finding on "AUC" or "esum"
    assert [TEXI[f.start : f.end] for f in repair.check(TEXI, path="doc/frob.texi", select=["TYP"])] == [
        "seperate"
    ]


POD = """=encoding utf8

=head1 NAME

Frob - counts the widgets of a shelf

=head1 DESCRIPTION

Run C<frob --keep-goinng> on each F<fyle.txt>, see L<perlfaq4/Optionz> and X<indx>.
The module, I<N>amed by Lena KE<0xf6>nig, takes S<two words> and C<< $a <=> $b >> too.
Its B<seperate> log is kept.

    my $buf = pack('w*', 1);  # teh buffer

=over 4

=item *

Every widget is counted once.

=back

=for html <b>teh</b>

=begin text

Plane teh text.

=end text

=cut

sub frob { teh() }
"""


def test_pod_markup_is_protected_and_codes_inside_words_split_them() -> None:
    doc = Document.from_text(POD, path="lib/Frob.pod")
    assert doc.kind == "pod" and doc.technical
    masked = doc.masked
    prose_parts = ("NAME", "counts the widgets", "Run", "on each", "log is kept.", "Every widget", "two")
    for prose in prose_parts:
        assert prose in masked, prose
    markup_parts = ("=head1", "=item", "goinng", "fyle", "Optionz", "indx", "teh", "Plane", "utf8", "$buf")
    for markup_text in markup_parts:
        assert markup_text not in masked, markup_text
    # "I<N>amed" and "KE<0xf6>nig" are single words: no finding on "amed" or "nig"; "seperate" in
    # bold is prose
    assert [POD[f.start : f.end] for f in repair.check(POD, path="lib/Frob.pod")] == ["seperate"]
    # read as plain text, the same file's markup is taken for words and tags
    assert len(repair.check(POD, path="lib/Frob.txt")) > 1


SRT = """1
00:00:01,200 --> 00:00:03,900
<i>Previously on The Harbour...</i>

2
00:00:04,100 --> 00:00:06,800
- Where were you last night?
- I was at the docks, with Tom.

3
00:00:13,100 --> 00:00:16,400
{\\an8}I know. It was a long shift
and the <b>boat</b> was big<i>gest</i> of all.

4
00:00:16,500 --> 00:00:19,000
<font color="#ffff00">MARGARET:</font> Then you shoud have called...
"""

VTT = """WEBVTT
Kind: captions

NOTE
Made for a tset of the cues.

STYLE
::cue(.yellow) { color: yellow; }

intro
00:00:01.000 --> 00:00:03.500 align:start position:10%
<v Margaret>Where have you <i>been</i>?</v>

00:00:03.600 --> 00:00:06.000
<c.yellow>I went down to the harbour</c>
<00:00:04.100>to see teh boats come in.
"""


@pytest.mark.parametrize(("text", "path", "typo"), [(SRT, "ep01.srt", "shoud"), (VTT, "ep01.vtt", "teh")])
def test_subtitles_keep_their_timings_and_tags_and_read_their_cues(text: str, path: str, typo: str) -> None:
    doc = Document.from_text(text, path=path)
    assert doc.kind == "subtitles" and not doc.technical
    masked = doc.masked
    for markup_text in (
        "-->",
        "00:00",
        "<i>",
        "</font>",
        "{\\an8}",
        "<v Margaret>",
        "<c.yellow>",
        "tset",
        "::cue",
    ):
        assert markup_text not in masked, markup_text
    assert "Where were you last night?" in masked or "Where have you" in masked
    # the one slip in the dialogue is found and mended; nothing else changes
    assert [text[f.start : f.end] for f in repair.check(text, path=path)] == [typo]
    fixed = repair.fix(text, path=path)
    assert fixed == text.replace(typo, {"shoud": "should", "teh": "the"}[typo])
    # read as plain text, the tags are taken for HTML a converter left behind
    assert [f.rule for f in repair.check(text, path="ep01.txt") if f.rule == "SCR006"]
