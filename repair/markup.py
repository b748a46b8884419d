"""Protected spans: the parts of a document that detectors must never touch.

Markdown fenced, indented and inline code, front matter, link targets and
reference definitions, URLs, e-mail addresses, file paths, shell commands after a
``$`` prompt, HTML comments, tags and their
attributes (and the bodies of ``script``/``style``/``pre``/``code`` elements),
reStructuredText literals, AsciiDoc's, LaTeX's and Org mode's markup, TeX math in Markdown, the
signature of a plain-text e-mail, PGP and certificate blocks.  Which patterns apply depends on the
document kind.
"""

from __future__ import annotations

import bisect
import itertools
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex

from repair.patterns import lazy

KINDS = (
    "text",
    "markdown",
    "html",
    "rst",
    "asciidoc",
    "latex",
    "texinfo",
    "org",
    "roff",
    "pod",
    "subtitles",
    "notebook",
)
#: Man pages by section (".1", ".8", ".3pm", ".1ssl") and by name (".man", ".mdoc"), read as roff
#: when the text is roff source (:func:`roff_document`)
ROFF_EXTENSION = lazy(r"\.(?:[1-9][a-z]{0,4}|man|mdoc)", regex.IGNORECASE)
EXTENSION_KIND = {
    ".md": "markdown",
    ".markdown": "markdown",
    ".mdx": "markdown",
    # R Markdown and Quarto: Markdown with executable code chunks (```{r}, ```{python})
    ".rmd": "markdown",
    ".rmarkdown": "markdown",
    ".qmd": "markdown",
    ".org": "org",
    ".texi": "texinfo",
    ".texinfo": "texinfo",
    ".txi": "texinfo",
    # Jupyter: JSON whose Markdown cells are read as Markdown (repair.notebook)
    ".ipynb": "notebook",
    ".html": "html",
    ".htm": "html",
    ".rst": "rst",
    ".adoc": "asciidoc",
    ".asciidoc": "asciidoc",
    ".tex": "latex",
    ".ltx": "latex",
    ".latex": "latex",
    ".rnw": "latex",  # Sweave and knitr: LaTeX with R chunks
    ".txt": "text",
    ".pod": "pod",
    # subtitles: SubRip and WebVTT, whose cues' text is dialogue (repair.markup.SUB_TIMING)
    ".srt": "subtitles",
    ".vtt": "subtitles",
}


@dataclass(frozen=True, order=True)
class Span:
    """A protected region ``[start, end)`` and why it is protected."""

    start: int
    end: int
    kind: str


URL = lazy(
    r"""(?:\b(?:https?|ftp|file)://|\bwww\.)[^\s<>"'`]*[^\s<>"'`.,;:!?)\]}’”…»›]""",
    regex.IGNORECASE,
)
#: An e-mail address, as other patterns build on it ("jds@kom.auc.dk (Jes Sorensen)").
EMAIL_ADDRESS = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
EMAIL = lazy(rf"\b{EMAIL_ADDRESS}\b")
# a user's handle on GitHub, Mastodon or X, as changelogs credit people ("by @eregon in #2511")
HANDLE = lazy(r"(?<![\w.@])@[A-Za-z0-9][\w-]*")
HTML_COMMENT = lazy(r"<!--.*?(?:-->|\Z)", regex.DOTALL)
HTML_TAG = lazy(r"</?[A-Za-z][A-Za-z0-9:-]*(?:\s+[^<>]*?)?/?>")
# a document type declaration or a processing instruction: "<!DOCTYPE html>", "<?xml version="1.0"?>"
HTML_DECLARATION = lazy(r"<[!?][A-Za-z][^<>]*>")
# a named or numeric character reference: markup in HTML and Markdown ("better&nbsp;than", "&#8217;")
CHARACTER_REFERENCE = lazy(r"&(?:#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
HTML_RAW = lazy(
    r"<(script|style|pre|code|textarea)\b[^>]*>.*?(?:</\1\s*>|\Z)", regex.DOTALL | regex.IGNORECASE
)
# inline code and math: only with their closing tag, near (a "\<kbd> element" named in prose opens none)
HTML_INLINE_CODE = lazy(
    r"(?<!\\)<(tt|kbd|samp|var|math)\b[^>]*>.{0,20000}?</\1\s*>", regex.DOTALL | regex.IGNORECASE
)
# docutils and Sphinx mark code as classes of spans and other elements: <span class="docutils literal">,
# <span class="pre">, <strong class="program">, <span class="sig-param">, <em class="file">; DocBook's
# HTML (PostgreSQL's and many Linux manuals) names programs, files, packages and the like so:
# <span class="application"><strong>sxid</strong></span>, <code class="filename">, <em class="replaceable">
HTML_LITERAL_SPAN = lazy(
    r"<(span|strong|em|code|samp|tt)\b[^>]*\bclass=[\"'][^\"']*"
    r"\b(?:literal|pre|program|option|file|command|sig-[\w-]+|application|filename|systemitem|package"
    r"|varname|envar|function|parameter|replaceable|userinput|computeroutput|classname|methodname"
    r"|structname|structfield|type|constant|symbol|token|prompt)\b[^\"']*[\"'][^>]*>.{0,20000}?</\1\s*>",
    regex.DOTALL | regex.IGNORECASE,
)
# A run of three or more lines of quoted keys and their values: a string table or an object of data
# in a template or a text ('"action.edit": "Rediger denne siden",'), not prose.
DATA_BLOCK = lazy(r"""(?:^[ \t]*(["'])[\w.$@/:-]{1,80}\1[ \t]*:[^\n]*(?:\n|\Z)){3,}""", regex.MULTILINE)
# A tag of a template language (Jinja, Django, Liquid in Jekyll pages, Hugo's shortcodes):
# "{% include "footer.html" %}", "{{ site.title }}", "{# a comment #}".
TEMPLATE_TAG = lazy(r"\{%.{0,2000}?%\}|\{\{.{0,2000}?\}\}|\{#.{0,2000}?#\}", regex.DOTALL)
# MDX, the Markdown of React sites (Next.js, Docusaurus, Storybook): a comment is a JavaScript
# comment in braces, "{/* DO NOT EDIT. ... */}", and a page opens with module lines,
# "import Tabs from '@theme/Tabs';", "export const meta = {".
MDX_COMMENT = lazy(r"\{[ \t]*/\*.{0,20000}?\*/[ \t]*\}", regex.DOTALL)
MDX_MODULE_LINE = lazy(
    r"""^(?:import[ \t]+(?:[^\n]*?[ \t]from[ \t]+)?(["'])[^"'\n]+\1;?"""
    r"""|export[ \t]+(?:const|let|var|default|function|async|\{)[^\n]*)[ \t]*\r?$""",
    regex.MULTILINE,
)
# TeX math as Pandoc, Jupyter and GitHub read it in Markdown: "$$ … $$", and "$ … $" whose opening
# "$" has no space after it and whose closing one no space before it and no digit after it (so
# "from $5 to $10" is prose), neither across a blank line; and a LaTeX math environment standing
# bare in the text, which MathJax renders in notebooks ("\begin{align} … \end{align}")
MARKDOWN_MATH = lazy(
    r"\$\$(?:[^$\n]|\n(?![ \t]*\r?\n)|\$(?!\$))+?\$\$"
    r"|(?<![\\$\w])\$(?![\s$])(?:[^$\\\n]|\\.|\n(?![ \t]*\r?\n))+?(?<![\s\\])\$(?![\d$])"
    r"|\\begin\{(equation|align|gather|multline|eqnarray|displaymath|math)(\*?)\}.*?\\end\{\1\2\}",
    regex.DOTALL,
)
# Pandoc's attributes (R Markdown, Quarto, many static sites): "## Intro {#sec-intro}",
# "![A](a.png){#fig-a}", "::: {.callout-note collapse=true}", "[text]{.mark}"
PANDOC_ATTRIBUTES = lazy(r"\{[ \t]*[#.][\w-][^{}\r\n]*\}")
# A colon fence's marker and its name or target: mkdocstrings' "::: fastapi.Request", Docusaurus' and
# VitePress' ":::tip", markdown-it-container's "::: warning", a Pandoc div's "::::" (its attributes are
# PANDOC_ATTRIBUTES); an admonition's title after them is prose
COLON_FENCE = lazy(r"^[ \t]{0,3}:{3,}[ \t]*[\w.-]*", regex.MULTILINE)
FRONT_MATTER = lazy(
    r"\A\ufeff?(?:---[ \t]*\r?\n.*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)"
    r"|\+\+\+[ \t]*\r?\n.*?\r?\n\+\+\+[ \t]*(?:\r?\n|\Z))",
    regex.DOTALL,
)
FENCE_OPEN = lazy(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*$", regex.MULTILINE)
# (never across a blank line: an unpaired backtick must not take the opening one of the next pair)
INLINE_CODE = lazy(r"(?<!`)(`+)(?!`)((?:(?!\n[ \t]*\r?\n).)+?)(?<!`)\1(?!`)", regex.DOTALL)
LINK_TARGET = lazy(
    r"\]\((?:<[^>\n]*>|[^()\s]*(?:\([^()\s]*\)[^()\s]*)*)(?:\s+(?:\"[^\"\n]*\"|'[^'\n]*'))?\s*\)"
)
REF_DEFINITION = lazy(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]*\S+.*$", regex.MULTILINE)
AUTOLINK = lazy(r"<(?:[a-z][a-z0-9+.-]{1,31}:[^\s<>]*|[\w.+-]+@[\w-]+(?:\.[\w-]+)+)>", regex.IGNORECASE)
INDENTED_CODE = lazy(r"(?:(?<=\A)|(?<=\n[ \t]*\r?\n))(?:(?:    |\t)[ \t]*\S[^\n]*(?:\n|\Z))+")
RST_LITERAL = lazy(r"``.+?``|:[\w-]+:`[^`]+`|`[^`\n]+`_{0,2}", regex.DOTALL)
RST_DIRECTIVE = lazy(r"^[ \t]*\.\. .*$", regex.MULTILINE)  # indented too: directives nest in blocks
# A file path: absolute or home-relative ("/etc/passwd", "~/.cache/repair"), or relative with two
# slashes or more ("usr/share/doc"); "and/or" is prose.
PATH = lazy(r"(?<![\w/.~<-])(?:(?:~|\.{1,2})?/[\w.+@-]+(?:/[\w.+@-]*)*|[\w.+-]+/[\w.+-]+/[\w.+@/-]*)")
# A shell command after a prompt at the start of a line ("$ sudo make install").
SHELL_PROMPT = lazy(r"^[ \t]*\$ [^\r\n]+", regex.MULTILINE)
# A literal block after "::" (not the "::" of a directive line, ".. note::", whose body is prose).
RST_BLOCK = lazy(
    r"(?<!^[ \t]*\.\. [^\n]*)::[ \t]*\r?\n(?:[ \t]*\r?\n)*((?:(?:[ \t]+[^\n]*|[ \t]*)(?:\n|\Z))+)",
    regex.MULTILINE,
)
# The indented body of a directive that holds code or data, not prose ("note" and "warning" hold prose).
RST_CODE_DIRECTIVE = lazy(
    r"^[ \t]*\.\. (?:code|code-block|sourcecode|doctest|testcode|testoutput|testsetup|math|raw|highlight|"
    r"literalinclude|parsed-literal|ipython|jupyter-execute|productionlist|csv-table|graphviz|mermaid|toctree)"
    r"::[^\n]*\n((?:(?:[ \t]+[^\n]*|[ \t]*)(?:\n|\Z))+)",
    regex.MULTILINE,
)
# An e-mail or news signature in plain text: the lines after the "-- " delimiter (RFC 3676; often
# written "--"), up to a blank line and at most SIGNATURE_LINES of them.  Names, initials, titles and
# sign-offs ("njl", "bofh", "Reg.Clemens") are no prose to correct.
SIGNATURE_LINES = 6
SIGNATURE = lazy(rf"^--[ ]?\r?\n((?:[^\r\n]*\S[^\r\n]*(?:\r?\n|\Z)){{1,{SIGNATURE_LINES}}})", regex.MULTILINE)
# An ASCII-armoured block: a PGP signature, message or key, a certificate ("-----BEGIN PGP
# SIGNATURE-----" to "-----END PGP SIGNATURE-----"): base64, with header lines.
# The block's label closes it: a PGP-signed message's "BEGIN PGP SIGNED MESSAGE" line opens prose.
ARMOR = lazy(
    r"^-----BEGIN ([A-Z0-9 ]+)-----[ \t]*\r?$.*?^-----END \1-----[ \t]*\r?$",
    regex.MULTILINE | regex.DOTALL,
)
# A keyword that RCS, CVS and Subversion expand in a file ("$Id: notes.c,v 1.12 2002/07/29 16:25:10
# jmason Exp $", "$Revision: 1.4 $", "$Author: jdoe $"): a file name, a login and a state, no prose;
# and the tail of one whose line was wrapped ("2002/07/29 16:25:10 jmason Exp $").
VCS_KEYWORD = lazy(
    r"\$(?:Id|Header|Revision|Rev|Date|Author|Source|RCSfile|Log|Locker|Name|State|HeadURL|URL"
    r"|LastChanged(?:Date|By|Revision)|FreeBSD|NetBSD|OpenBSD)(?::[^$\n]{0,300})?\$"
    r"|\b\d{4}[/-]\d\d[/-]\d\d \d\d:\d\d:\d\dZ? [\w.-]+ (?:Exp|Stab|Rel)\b[^$\n]{0,40}\$"
)
#: Tags that mark up a run of text inside a line without breaking it: one written between two letters
#: sits inside a word ("<strong>g</strong>lobally", "super<wbr>market"); block tags ("<p>", "<br>",
#: "<td>") separate words even without a space.
INLINE_TAGS = frozenset(
    (  # noqa: SIM905
        "a abbr b bdi bdo big cite code data del dfn em font i ins kbd mark q s samp small span strike"
        " strong sub sup time tt u var wbr"
    ).split()
)
_TAG_NAME = lazy(r"<!--|</?([A-Za-z][A-Za-z0-9:-]*)")


def inline_markup(markup_text: str) -> bool:
    """Whether ``markup_text`` (tags and comments only) holds nothing but inline tags and comments."""
    names = [m.group(1) for m in _TAG_NAME.finditer(markup_text)]
    return bool(names) and all(n is None or n.lower() in INLINE_TAGS for n in names)


# An HTML document's own structure: a doctype, or the html, head or body element.  A plain-text
# file that holds one (a saved page, the HTML part of an e-mail) is HTML source, checked as HTML,
# not text that a converter left a few tags in.
HTML_DOCUMENT = lazy(r"<!doctype\s+html\b|<(?:html|head|body)(?:\s[^<>]*)?>", regex.IGNORECASE)
# A doctest block: a paragraph that starts with ">>> ".
RST_DOCTEST = lazy(r"^[ \t]*>>> [^\n]*(?:\n[ \t]*\S[^\n]*)*", regex.MULTILINE)


# AsciiDoc (Asciidoctor's syntax): listing, literal, passthrough and comment blocks between two equal
# delimiter lines (and Markdown-style fences), comment lines, attribute entries (":toc: left"), block
# attribute and anchor lines ("[source,shell]", "[[setup]]"), block macros and preprocessor lines
# ("image::", "include::", "ifdef::"), and a paragraph indented after a blank line (a literal block)
ADOC_DELIMITER = lazy(r"^(-{4,}|\.{4,}|\+{4,}|/{4,}|`{3,})[^\S\r\n]*\r?$", regex.MULTILINE)
ADOC_LINE = lazy(
    r"^(?://(?!//+[ \t]*\r?$)[^\r\n]*"
    r"|:!?\w[\w-]*!?:(?:[ \t][^\r\n]*)?"
    r"|\[[^\r\n]*\][ \t]*(?=\r?$)"
    r"|(?:include|image|video|audio|toc|ifdef|ifndef|ifeval|endif)::[^\r\n]*)",
    regex.MULTILINE,
)
ADOC_LITERAL = lazy(
    r"(?:(?<=\A)|(?<=\n[ \t]*\r?\n))[ \t]+(?![*.-]+[ \t]|\d+\.[ \t]|<\d+>)\S[^\n]*(?:\n[ \t]*\S[^\n]*)*"
)
# inline: a macro's target ("xref:install.adoc[", "link:https://…[") or a whole macro whose text is
# no prose ("kbd:[Ctrl+C]", "pass:[<br>]"), a cross reference's target ("<<setup,"), an attribute
# reference ("{project-name}"), and a literal passthrough ("+--force+")
ADOC_INLINE = lazy(
    r"\b(?:xref|link|mailto|image|icon|anchor|footnoteref|include):[^\s\[]*(?=\[)"
    r"|\b(?:kbd|btn|menu|pass|stem|latexmath|asciimath):[^\s\[]*\[[^\]\r\n]*\]"
    r"|<<[^,>\r\n]+(?:,|>>)"
    r"|\{[\w-]+(?::[\w-]+)*\}"
    r"|(?<![\w+])\+[^+\s](?:[^+\r\n]*[^+\s])?\+(?![\w+])"
)


#: Lines that open a block rather than end a paragraph: a block attribute line, a block title, a
#: list continuation or a comment.
ADOC_BLOCK_HEAD = lazy(r"\[.*\]$|\.[^\s.]|\+$|//")


# LaTeX (and Sweave's .Rnw): the preamble, comments, math, verbatim and picture environments,
# Sweave's code chunks, command names, the arguments of commands that take keys, names or code
# rather than prose ("\label{sec:intro}", "\cite{knuth84}", "\code{lm()}"), escapes, spacing,
# ties, TeX's quote marks, and accents (which sit inside words: "Schr\"odinger")
LATEX_PREAMBLE = lazy(r"\A.*?\\begin\{document\}", regex.DOTALL)
#: Environments whose body is code, math or a picture, not prose.
LATEX_CODE_ENVIRONMENTS = frozenset((
    "verbatim", "Verbatim", "BVerbatim", "lstlisting", "minted", "alltt", "comment", "filecontents",
    "tikzpicture", "pgfpicture", "picture", "equation", "align", "gather", "multline", "eqnarray",
    "displaymath", "math", "flalign", "alignat", "split", "Sinput", "Soutput", "Scode", "Schunk",
    "CodeChunk", "CodeInput", "CodeOutput", "knitrout", "kframe", "example", "code",
))  # fmt: skip
LATEX_BEGIN_END = lazy(r"\\(begin|end)[ \t]*\{([A-Za-z@]+)(\*?)\}")
LATEX_MATH = lazy(
    r"\$\$.+?\$\$|\\\[.+?\\\]|\\\(.+?\\\)"
    r"|(?<![\\$])\$(?!\$)(?:[^$\\\n]|\\.|\n(?![ \t]*\r?\n))+?\$",
    regex.DOTALL,
)
LATEX_COMMENT = lazy(r"(?<!\\)%[^\r\n]*")
SWEAVE_CHUNK = lazy(r"^<<[^\r\n]*>>=.*?(?:^@(?![\w@])[^\r\n]*|\Z)", regex.MULTILINE | regex.DOTALL)
_BRACED = r"\{(?:[^{}]|\{(?:[^{}]|\{[^{}]*\})*\})*\}"
LATEX_KEYED = lazy(
    r"\\(?:label|ref|eqref|pageref|autoref|cref|Cref|nameref|vref|cite[a-zA-Z]*|nocite|index|glossary|url|href|input|"
    r"include|includeonly|includegraphics|usepackage|RequirePackage|documentclass|bibliography|"
    r"bibliographystyle|addbibresource|begin|end|newcommand|renewcommand|providecommand|newenvironment|"
    r"renewenvironment|def|let|setlength|addtolength|setcounter|addtocounter|vspace|hspace|color|"
    r"textcolor|definecolor|hypersetup|graphicspath|lstset|pagestyle|thispagestyle|pagenumbering|"
    r"fontsize|newtheorem|DeclareMathOperator|SweaveOpts|Sexpr|Vignette[A-Za-z]*|texttt|verb|code|"
    r"pkg|CRANpkg|Biocpkg|proglang|Rfunction|Robject|Rclass|Rpackage|Rmethod|Rcode|file|var|samp|kbd|"
    r"env|cs|marg|oarg|meta|opt|command|option|email|doi|path)\*?"
    # a command named as the first argument ("\\newcommand\\pkg[1]{...}"), then options and arguments
    r"(?:[ \t]*\\[A-Za-z@]+)?(?:[ \t]*\[[^\]\r\n]*\]|[ \t]*" + _BRACED + r")*"
)
LATEX_VERB = lazy(r"\\verb\*?([^\w\s]).*?\1")
LATEX_COMMAND = lazy(r"\\(?:[A-Za-z@]+\*?|[\\,;:!% &#$_{}~^>| -])")
LATEX_MARK = lazy(r"``|''|~")
LATEX_ACCENT = lazy(
    r"\\['\"^`~=.](?:\{[A-Za-z]?\}|[A-Za-z])|\\[uvHtcdbkr](?:\{[A-Za-z]?\}|[ \t]+[A-Za-z])"
    r"|\\(?:ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![A-Za-z])(?:\{\})?"
)


# roff man pages (man(7) and mdoc(7)): comments (.\" and \" to the line's end), request and macro
# lines (".TH", ".B --all", ".It Fl v": their arguments are names, options and layout; but the
# one-line description after mdoc's ".Nd" is prose), no-fill and example blocks (".nf" … ".fi",
# ".EX" … ".EE", Pod::Man's ".Vb" … ".Ve"), tables and equations (".TS" … ".TE", ".EQ" … ".EN"),
# macro definitions and ignored text (".de" or ".ig" … ".."), and escapes (\fB, \(cq, \*(Aq, \-,
# \&, \s-2); an escape between two letters (isn\(cqt, e\-mail) stands inside a word, as a LaTeX
# accent does
ROFF_DOCUMENT = lazy(r"^(?:\.(?:TH|Dd|SH|Sh)\b|['.]\\\")", regex.MULTILINE)
_ROFF_PAIRS = (("nf", "fi"), ("EX", "EE"), ("Vb", "Ve"), ("TS", "TE"), ("EQ", "EN"), ("(?:de|am|ig)", r"\."))
ROFF_BLOCK = lazy(
    "|".join(rf"^[.'][ \t]*{a}\b.*?(?:^[.'][ \t]*{b}(?![\w.])[^\n]*$|\Z)" for a, b in _ROFF_PAIRS),
    regex.MULTILINE | regex.DOTALL,
)
ROFF_LINE = lazy(r"^[.'][ \t]*(?:Nd\b|[^\n]*)", regex.MULTILINE)
# the tag a ".TP" paragraph defines, on the line after it: a command, option or term ("ip neighbour
# add" above "add a new neighbour entry"), not a sentence
ROFF_TAG = lazy(r"^[.'][ \t]*TP\b[^\n]*\n([^.'\n][^\n]*)", regex.MULTILINE)
ROFF_COMMENT = lazy(r'\\["#][^\n]*')
# literal and variable text (man-pages(7): bold for what is typed as shown, italics for what
# stands for a value): a run in bold, italics or constant width up to the next font change, and an
# option written with escaped hyphens ("\-\-ignore\-backups") wherever it stands
ROFF_LITERAL = lazy(
    r"\\f(?:[BI23]|\((?:C[WBIR]|BI)|\[(?:B|I|BI|C[WBIR])\])[^\n]*?(?=\\f|$)"
    r"|(?<![\w\\])(?:\\-){1,2}[A-Za-z0-9][\w.]*(?:\\-[\w.]+)*",
    regex.MULTILINE,
)
ROFF_ESCAPE = lazy(
    r"\\(?:[fF](?:\[[^\]\n]*\]|\(..|.)|\((?:..)|\[[^\]\n]*\]|\*(?:\[[^\]\n]*\]|\(..|.)"
    r"|[nk](?:\[[^\]\n]*\]|\(..|.)|s[+-]?(?:\d+|\(\d\d|\[[^\]\n]*\])"
    r"|[hvwoxlLbDZ]'[^'\n]*'|.)"
)


# POD (Perl's documentation, perlpod(1)): verbatim paragraphs (a line that begins with a space or
# tab), command paragraphs' commands ("=head2", "=item", "=over 4", "=encoding utf8"; a heading's
# or an item's text is prose), the paragraphs a formatter reads ("=for html …" to a blank line,
# "=begin text" … "=end text"), "=cut" to the next command (Perl code), and the formatting codes
# that hold code, file names, links and index entries ("C<…>", "F<…>", "L<…>", "X<…>", "Z<>", with
# doubled brackets "C<< $a <=> $b >>" too); of "B<…>", "I<…>" and "S<…>" only the brackets, since
# the text inside is prose; an escape ("E<gt>", "E<0xf6>") or bracket between two letters stands
# inside the word ("KE<0xf6>nig", "I<N>amed")
POD_VERBATIM = lazy(r"^[ \t]+\S[^\n]*", regex.MULTILINE)
POD_COMMAND = lazy(
    r"^=(?:head[1-6]|item|pod|back|cut|over[ \t]*\S*|encoding[ \t]+\S+)[ \t]*", regex.MULTILINE
)
POD_FORMATTER = lazy(
    r"^=for\b.*?(?:\n[ \t]*\n|\Z)|^=begin[ \t]+(\S+).*?(?:^=end[ \t]+\1\b[^\n]*|\Z)",
    regex.MULTILINE | regex.DOTALL,
)
POD_CODE_PART = lazy(r"^=cut\b.*?(?=^=[a-z]|\Z)", regex.MULTILINE | regex.DOTALL)
_POD_ANGLES = r"(?:<<<<\s.*?\s>>>>|<<<\s.*?\s>>>|<<\s.*?\s>>|<(?:[^<>\n]|<[^<>\n]*>)*>)"
POD_CODE = lazy(rf"[CFLXZ]{_POD_ANGLES}", regex.DOTALL)
POD_ESCAPE = lazy(r"E<[A-Za-z0-9]+>")
POD_STYLE = lazy(rf"[BIS](?={_POD_ANGLES})", regex.DOTALL)  # a lookahead: styles nest ("B<I<x>>")
POD_STYLE_END = lazy(_POD_ANGLES, regex.DOTALL)  # the brackets of a style and what they hold


# Subtitles (SubRip's .srt, WebVTT's .vtt): a cue's timing line ("00:00:01,000 --> 00:00:04,000",
# with WebVTT's cue settings after it) and the line before it (SubRip's cue number, a WebVTT cue's
# identifier), WebVTT's header (to the first blank line) and its NOTE, STYLE and REGION blocks, the
# tags that style a cue's text ("<i>", "<font color=…>", WebVTT's "<c.yellow>", "<v Roger>" and
# karaoke times "<00:19.000>") and an SSA override ("{\an8}"); the cues' text is dialogue, read as
# prose, and a tag between two letters stands inside the word ("big<i>gest</i>")
_SUB_TIME = r"(?:\d+:)?\d{1,2}:\d{2}[,.]\d{1,3}"
SUB_TIMING = lazy(rf"^(?:[^\n]*\n)?[ \t]*{_SUB_TIME}[ \t]+-->[ \t]+{_SUB_TIME}[^\n]*", regex.MULTILINE)
SUB_HEADER = lazy(r"\A\ufeff?WEBVTT\b[^\n]*(?:\n[^\n]*\S[^\n]*)*")
SUB_BLOCK = lazy(r"^(?:NOTE|STYLE|REGION)(?:[ \t][^\n]*)?(?:\n[^\n]*\S[^\n]*)*", regex.MULTILINE)
SUB_TAG = lazy(r"</?(?:[A-Za-z][\w.-]*(?:[ \t][^<>\n]*)?|(?:\d+:)?\d{2}:\d{2}\.\d{3})>|\{\\[^{}\n]*\}")


# Texinfo (GNU manuals): comments ("@c", "@comment" to the line's end), blocks of code or of
# another format ("@example" … "@end example", "@lisp", "@verbatim", "@tex", "@ignore", "@menu",
# "@macro" …), line commands whose argument is a name (a node, a definition's header, an index
# entry, "@set"), the item lines of a table formatted as code ("@table @code"), the argument of a
# command that marks code, names or references ("@code{…}", "@var{…}", "@file{…}", "@xref{…}"),
# and every other command with its braces ("@emph{", "@dots{}", "@@"); a command between two
# letters ("AUC@TeX{}", "r@'esum@'e") stands inside a word, as a LaTeX accent does
TEXI_BLOCK = lazy(
    r"^[ \t]*@(example|smallexample|lisp|smalllisp|verbatim|tex|iftex|ifhtml|html|ifdocbook|docbook"
    r"|ifxml|xml|iflatex|latex|displaymath|ignore|macro|rmacro|menu|direntry|detailmenu)\b.*?"
    r"(?:^[ \t]*@end[ \t]+\1\b[^\n]*$|\Z)",
    regex.MULTILINE | regex.DOTALL,
)
TEXI_LINE = lazy(
    r"^[ \t]*@(?:node|set|clear|setfilename|include|[a-z]*index|def[a-z]*|"
    r"(?:v|f)?table|itemize|enumerate|multitable|printindex|syncodeindex|synindex|"
    r"paragraphindent|firstparagraphindent|exampleindent|documentencoding|documentlanguage|"
    r"setchapternewpage|headings|footnotestyle|dircategory|insertcopying|contents|bye|top|"
    r"end|need|sp|page|vskip|finalout|smallbook|afourpaper|raisesections|lowersections)(?![\w{])[^\n]*",
    regex.MULTILINE,
)
TEXI_COMMENT = lazy(r"@c(?:omment)?(?:[ \t][^\n]*)?$", regex.MULTILINE)
_TEXI_ARG = r"\{(?:[^{}@]|@.|\{(?:[^{}@]|@.)*\})*\}"
TEXI_CODE = lazy(
    rf"@(?:code|samp|var|file|command|option|env|kbd|key|url|uref|email|indicateurl|verb|t|r|math"
    rf"|xref|pxref|ref|inforef|anchor|image|acronym|abbr|clicksequence){_TEXI_ARG}"
)
TEXI_COMMAND = lazy(r"@(?:[A-Za-z]+(?:\{\})?\{?|['\"^`~=,]\{?[A-Za-z]?\}?|[@{}*:.\-/ !?])|\}")
# an "@item" line of a table whose entries are formatted as code
TEXI_TABLE = lazy(r"^[ \t]*@(?:(v|f)?table)[ \t]+@(\w+)|^[ \t]*@end[ \t]+(?:v|f)?table\b", regex.MULTILINE)
TEXI_ITEM = lazy(r"^[ \t]*@itemx?\b[^\n]*", regex.MULTILINE)
TEXI_CODE_FORMATS = frozenset(("code", "samp", "var", "file", "command", "option", "env", "kbd", "key", "t"))


# Org mode (Emacs): source, example, export and comment blocks ("#+begin_src python" … "#+end_src",
# any case), property and other drawers (":PROPERTIES:" … ":END:"), keyword lines ("#+OPTIONS: toc:nil",
# whose value is prose only for a title, subtitle, description or caption), comment lines ("# note"),
# fixed-width lines (": output"), a headline's tags (":work:urgent:"), timestamps, footnote labels,
# targets ("<<intro>>"), a link's target ("[[file:a.org][" and "[[https://…]]"), verbatim and code
# markup ("=config.el=", "~setq~") and inline source ("src_python{1 + 1}")
ORG_BLOCK = lazy(
    r"^[ \t]*#\+begin_(src|example|export|comment)\b[^\n]*\n.*?(?:^[ \t]*#\+end_\1\b[^\n]*$|\Z)",
    regex.MULTILINE | regex.DOTALL | regex.IGNORECASE,
)
ORG_DRAWER = lazy(
    r"^[ \t]*:[\w-]+:[ \t]*\r?\n(?:.*\n)*?[ \t]*:end:[ \t]*$", regex.MULTILINE | regex.IGNORECASE
)
ORG_LINE = lazy(
    r"^[ \t]*(?:#\+(?!(?:title|subtitle|description|caption):)[^\r\n]*"
    r"|#\+\w+:"
    r"|#(?:[ \t][^\r\n]*)?(?=\r?$)"
    r"|:(?:[ \t][^\r\n]*)?(?=\r?$))",
    regex.MULTILINE | regex.IGNORECASE,
)
# and dollars as in Markdown; never across a blank line
ORG_MATH = lazy(r"\\\((?:[^\n]|\n(?![ \t]*\r?\n))+?\\\)|\\\[(?:[^\n]|\n(?![ \t]*\r?\n))+?\\\]")
ORG_INLINE = lazy(
    r"(?<=^\*+ [^\r\n]*?)[ \t]:(?:[\w@#%]+:)+[ \t]*(?=\r?$)"
    r"|[<\[]\d{4}-\d{2}-\d{2}(?: [^\]>\r\n]{0,40})?[>\]]"
    r"|\[fn:[\w-]*:?|<<<?[^<>\r\n]+>>>?"
    r"|\[\[[^\]\r\n]+\](?:\[|\])"
    r"|(?:^|(?<=[\s({'\"-]))([=~])(?=\S)(?:(?!\1)[^\r\n]|\n(?![ \t]*\r?\n))*?(?<=\S)\1(?=[\s\-.,;:!?')}\"]|$)"
    r"|\b(?:src|call)_[\w-]+(?:\[[^\]\r\n]*\])?(?:\{[^}\r\n]*\}|\([^)\r\n]*\))",
    regex.MULTILINE,
)


# Marks of technical writing in running text: paths, snake_case and camelCase names ("getValue", not
# units or brands: "kPa", "iTunes"), command-line options, file names, calls and shell prompts.
_CODE_LIKE_PARTS = (
    r"""(?<![\w/.])(?:\.{0,2}/|~/)[\w.+-]+(?:/[\w.+-]*)*""",
    r"\b[A-Za-z]\w*_\w+\b",
    r"(?<=^|[\s(\[])--?[a-z][\w-]*\b(?=[\s=,)\]]|$)",
    r"\b\w+\.(?:c|h|py|sh|conf|cfg|txt|md|rst|json|yml|yaml|toml|ini|so|el|pl|rb|js|ts|html|xml|gz|deb|list|local|d)\b",
    r"\b\w+\(\)",
    r"^[ \t]*\$[ \t]",
    r"\b[a-z]{2,}[A-Z][a-z]{2,}\w*",
)
CODE_LIKE = lazy("|".join(_CODE_LIKE_PARTS), regex.MULTILINE)
#: The alternatives of CODE_LIKE one by one: the ``regex`` module tries every alternative of a
#: pattern at every position, and scanning each alone costs a third of that (see :func:`code_marks`).
CODE_LIKE_EACH = tuple(lazy(p, regex.MULTILINE) for p in _CODE_LIKE_PARTS)
#: Marks of technical writing per 100 words (and at least TECHNICAL_MARKS of them) that make a text
#: technical.  No paragraph of encyclopedic prose in the dev sets and no bench book reaches it;
#: 77 of 100 Debian package READMEs do (their median is about two per 100 words).
TECHNICAL_DENSITY = 0.5
TECHNICAL_MARKS = 2


#: A long text is judged on this many evenly spaced windows of TECHNICAL_WINDOW characters (the
#: pattern costs a book about 0.15 s; a technical text is technical throughout).
TECHNICAL_WINDOWS = 5
TECHNICAL_WINDOW = 8_000


def code_marks(text: str) -> int:
    """How many matches :data:`CODE_LIKE` finds in ``text`` (leftmost first, none overlapping).

    Where at most one of its alternatives matches anywhere, the alternation finds exactly that
    one's matches, so its count is the sum of the counts of each alone; only where two or more
    do is the alternation itself run.
    """
    counts = [sum(1 for _ in p.finditer(text)) for p in CODE_LIKE_EACH]
    if sum(1 for n in counts if n) <= 1:
        return sum(counts)
    return sum(1 for _ in CODE_LIKE.finditer(text))


#: Words that name what software is made of and runs on.  Prose uses a few of them too ("a stimulus
#: package", "the public library"), but no paragraph of the dev sets or State of the Union address
#: holds two of them at one in 67 words; a package description, which often names its programs
#: without marking them as code ("restruct is a library for …", "the skktools package"), uses one
#: in about every twelve.  Each counts a third of a code mark.
SOFTWARE_TERMS = lazy(
    r"\b(?:APIs?|plug-?ins?|command-line|daemons?|runtime|toolkits?|bindings|compilers?|interpreters?"
    r"|Python|Perl|Haskell|Debian|Linux|GNU|GTK\+?|KDE|GNOME|X11|CLI|GUI|XML|JSON|HTTPS?|SQL|UNIX|Unix"
    r"|Emacs|source code|development files|header files|open[- ]source|frontend|backend|executables?"
    r"|software|librar(?:y|ies)|packages?|modules?)\b"
)
SOFTWARE_TERM_WEIGHT = 3
#: A writer speaking as themselves ("I", "my", "me"): a mail or a post about software, whose slips
#: are slips.  In a text that uses these this often per 100 words, software terms do not count
#: (documentation speaks of its software, not of its writer: no one in fifty package descriptions
#: reaches it, three in four mails to a Linux users' list that the terms alone would count do).
FIRST_PERSON = lazy(r"\b(?:I|my|me|mine|myself)\b|\bi\b(?=[ '’])")
FIRST_PERSON_DENSITY = 0.5


_HTML_HIDDEN = lazy(r"<(script|style)\b[^>]*>.*?(?:</\1\s*>|\Z)", regex.DOTALL | regex.IGNORECASE)


#: An element that shows code (docutils and Sphinx mark it by a class): each one a page opens is a
#: code mark.
CODE_ELEMENT = lazy(
    r"<(?:code|pre|tt|kbd|samp|var)\b|<span\b[^<>]*\bclass=[\"'](?:[^\"'<>]*\s)?(?:literal|pre)\b",
    regex.IGNORECASE,
)


def page_text(text: str) -> str:
    """An HTML page's text as a reader sees it, for judging what it is: comments, scripts, styles
    and tags blanked (the contents of ``pre`` and ``code`` stay: code shown is code written)."""
    for pattern in (HTML_COMMENT, _HTML_HIDDEN, HTML_TAG):
        text = pattern.sub(" ", text)
    return text


def technical_page(text: str) -> bool:
    """Whether an HTML page reads as technical writing: its text (:func:`page_text`) judged by
    :func:`technical`, each element that shows code counting as a code mark.  Tags alone make no
    page technical (``</p>`` reads as a path)."""
    return technical(page_text(text), marks=sum(1 for _ in CODE_ELEMENT.finditer(text)))


def technical(text: str, marks: int = 0, terms: bool = True) -> bool:
    """Whether ``text`` reads as technical writing (software documentation, a README), where a word
    no dictionary knows is more often a name of a program, file or option than a misspelling.

    Code marks (:data:`CODE_LIKE`, and ``marks`` more found otherwise) count one each and software
    terms (:data:`SOFTWARE_TERMS`; unless ``terms`` is false) a third (none in a text written in the
    first person, :data:`FIRST_PERSON`): together at least :data:`TECHNICAL_MARKS` of them, weighing
    :data:`TECHNICAL_DENSITY` per 100 words (so terms alone need one in about every 67 words).
    """
    if len(text) > TECHNICAL_WINDOWS * TECHNICAL_WINDOW:
        step = len(text) // TECHNICAL_WINDOWS
        marks = marks * TECHNICAL_WINDOWS * TECHNICAL_WINDOW // len(text)  # the windows' share
        text = "\n".join(text[k * step : k * step + TECHNICAL_WINDOW] for k in range(TECHNICAL_WINDOWS))
        marks += code_marks(text)  # (a page is scanned at once: the patterns of each alone are not compiled)
    else:
        marks += sum(1 for _ in CODE_LIKE.finditer(text))
    words = max(1, len(text.split()))
    named = sum(1 for _ in SOFTWARE_TERMS.finditer(text)) if terms else 0
    if named and sum(1 for _ in FIRST_PERSON.finditer(text)) * 100 >= FIRST_PERSON_DENSITY * words:
        named = 0
    if marks + named < TECHNICAL_MARKS:
        return False
    return (marks + named / SOFTWARE_TERM_WEIGHT) * 100 >= TECHNICAL_DENSITY * words


#: The documentation files a software project names by convention ("README.md", "INSTALL",
#: "ChangeLog", "README.Debian"): whatever their density of code marks, they are technical writing
#: (a plain README names programs, calls and options without marking them: "mmap", "undef").
SOFTWARE_DOC_STEMS = frozenset(
    (
        "readme",
        "install",
        "hacking",
        "contributing",
        "changelog",
        "changes",
        "authors",
        "copying",
        "todo",
        "bugs",
        "release",
        "license",
        "licence",
        "licenses",
        "notice",
        "notices",
        "governance",
        "maintainers",
        "codeowners",
    )
)
SOFTWARE_DOC_EXTENSIONS = frozenset(("", "md", "markdown", "rst", "txt", "adoc", "org", "debian", "source"))


def software_doc(path: str | None) -> bool:
    """Whether ``path`` names one of a software project's conventional documentation files, alone
    or qualified ("CHANGELOG_V14.md", "RELEASE_NOTES"; ``NEWS`` and ``HISTORY`` only in capitals: a
    lower-case "news" or "history" file may hold news or history)."""
    if not path:
        return False
    name = path.replace("\\", "/").rsplit("/", 1)[-1]
    if name.partition(".")[2].lower() not in SOFTWARE_DOC_EXTENSIONS:
        return False
    if name.lower().replace("-", "_").startswith("code_of_conduct"):
        return True  # the community rules a project keeps beside its README
    head = _name_head(name)
    return head in CAPITAL_DOC_HEADS or head.lower() in SOFTWARE_DOC_STEMS


#: Names a software project's documents take in capitals only: a lower-case "news" or "history"
#: file may hold news or history.
CAPITAL_DOC_HEADS = ("NEWS", "HISTORY")


def _name_head(name: str) -> str:
    """The first part of a file name, which a qualified name counts as: "CHANGELOG_V14.md",
    "README-dev.md", "RELEASE_NOTES", "NEWS.md" -> "CHANGELOG", "README", "RELEASE", "NEWS"; the
    licences of a project's dependencies count as its own ("THIRD-PARTY-NOTICES.md" -> "NOTICES")."""
    return str(regex.split(r"[-_ .]", _THIRD_PARTY.sub("", name), maxsplit=1)[0])


_THIRD_PARTY = lazy(r"^third[-_ ]?party[-_ ]?(?=\w)", regex.IGNORECASE)


#: reStructuredText's explicit markup: a directive (".. code-block:: python", ".. note::"), a link
#: target (".. _the forum: https://…"), a substitution (".. |b.Xi| unicode:: U+1D6B5") or a role
#: (":ref:`topics`", ":class:`~django.db.Model`").
RST_SIGN = lazy(
    r"^[ \t]*\.\. (?:[\w:-]+::|_[^:\n]+:|\|[^|\n]+\|[ \t]+[\w:-]+::)|:[\w-]+(?::[\w-]+)?:`[^`\n]+`",
    regex.MULTILINE,
)
#: How many roles make a plain-text file a reStructuredText one (a directive alone does).
RST_SIGNS = 3


def rst_document(text: str) -> bool:
    """Whether a plain-text file is written in reStructuredText: it holds a directive or a link
    target, or :data:`RST_SIGNS` roles (Sphinx sources named ``*.txt``, as Django's documentation)."""
    if ".. " not in text and ":`" not in text:
        return False
    found = 0
    for m in RST_SIGN.finditer(text):
        found += 1 if m.group().startswith(":") else RST_SIGNS
        if found >= RST_SIGNS:
            return True
    return False


#: AsciiDoc's own block markup in a file named ``*.txt`` (git's manuals): a preprocessor or block
#: macro line ("include::", "ifdef::", "image::") or a block style line ("[verse]", "[source,shell]",
#: "[NOTE]").
ADOC_BLOCK_SIGN = lazy(
    r"^(?:(?:include|ifdef|ifndef|ifeval|endif|image|toc)::[^\s\[]*\[[^\]\r\n]*\]"
    r"|\[(?:verse|source|listing|literal|quote|example|sidebar|NOTE|TIP|IMPORTANT|WARNING|CAUTION)"
    r"(?:,[^\]\r\n]*)?\])[ \t]*\r?$",
    regex.MULTILINE,
)
#: AsciiDoc's inline macros: "linkgit:git-log[1]", "xref:setup.adoc[Setup]", "kbd:[Ctrl+C]".
ADOC_INLINE_SIGN = lazy(r"\b(?:linkgit|link|xref|mailto|kbd|btn|menu|footnote|pass):[^\s\[\]]*\[[^\]\r\n]*\]")
#: How many inline macros make a plain-text file an AsciiDoc one (a block sign alone does).
ADOC_SIGNS = 3


def _adoc_block_starts(text: str) -> Iterator[int]:
    """The starts of the lines that may hold a block sign: those that open with "[", and those that
    hold "::" (the pattern run over a whole book costs 40 ms; a book has a few hundred such lines)."""
    if text.startswith("["):
        yield 0
    at = text.find("\n[")
    while at >= 0:
        yield at + 1
        at = text.find("\n[", at + 1)
    at = text.find("::")
    while at >= 0:
        line = text.rfind("\n", 0, at) + 1
        yield line
        at = text.find("::", max(at + 2, text.find("\n", at) + 1 or len(text)))


def asciidoc_document(text: str) -> bool:
    """Whether a plain-text file is written in AsciiDoc: it holds a block macro or a block style
    line, or :data:`ADOC_SIGNS` inline macros (git's manuals, ``git-log.txt``)."""
    if any(ADOC_BLOCK_SIGN.match(text, at) for at in _adoc_block_starts(text)):
        return True
    return sum(1 for _ in itertools.islice(ADOC_INLINE_SIGN.finditer(text), ADOC_SIGNS)) >= ADOC_SIGNS


#: The names of change logs, whose entries repeat their messages by design (a change applied to two
#: branches, a series of commits with one subject).
CHANGE_LOG_HEADS = frozenset(("changelog", "changes", "relnotes", "release"))
#: Folders of change logs ("RelNotes/2.4.5.txt", "changelogs/CHANGELOG_V14.md").
CHANGE_LOG_FOLDERS = frozenset(("relnotes", "changelog", "changelogs", "release-notes", "releasenotes"))


def change_log(path: str | None) -> bool:
    """Whether ``path`` names a change log ("ChangeLog", "CHANGES.rst", "RELEASE_NOTES", "NEWS.md" and
    "HISTORY.rst" in capitals only, "RelNotes/2.4.5.txt"; not a news article, "news-001.txt")."""
    if not path:
        return False
    parts = path.replace("\\", "/").split("/")
    head = _name_head(parts[-1])
    if head.lower() in CHANGE_LOG_HEADS or head in CAPITAL_DOC_HEADS:
        return True
    return len(parts) > 1 and parts[-2].lower() in CHANGE_LOG_FOLDERS


def project_doc(path: str | None) -> bool:
    """Whether ``path`` names a file a software project keeps its documentation in by convention: a
    README and its kin (:func:`software_doc`) or a change log (:func:`change_log`)."""
    return software_doc(path) or change_log(path)


def html_document(text: str) -> bool:
    """Whether ``text`` shows the structure of an HTML document (a doctype, or an ``html``,
    ``head`` or ``body`` tag)."""
    return "<" in text and HTML_DOCUMENT.search(text) is not None


def _paired_blocks(
    text: str,
    opener: regex.Pattern[str],
    closing: Callable[[str, regex.Match[str]], regex.Pattern[str] | None],
) -> Iterator[Span]:
    """Code blocks from each line ``opener`` finds to the next line that ``closing(text, m)`` finds
    (an unclosed block runs to the end of the text); a ``closing`` of None means the line opens none."""
    pos = 0
    while (m := opener.search(text, pos)) is not None:
        close = closing(text, m)
        if close is None:
            pos = m.end()
            continue
        c = close.search(text, m.end())
        end = len(text) if c is None else c.end()
        yield Span(m.start(), end, "code-block")
        pos = end


def _fence_closing(text: str, m: regex.Match[str]) -> regex.Pattern[str]:
    """Markdown: a fence of the same character, at least as long."""
    fence = m.group(1)
    return regex.compile(
        r"^[ ]{0,3}" + regex.escape(fence[0]) + "{" + str(len(fence)) + r",}[ \t]*\r?$", regex.MULTILINE
    )


def _delimiter_closing(text: str, m: regex.Match[str]) -> regex.Pattern[str] | None:
    """AsciiDoc: the same delimiter line again.  A line of "-" or "+" as long as the line of text
    above it, give or take two, underlines a section title instead and opens nothing."""
    before = text[text.rfind("\n", 0, max(m.start() - 1, 0)) + 1 : m.start()].strip()
    underline = abs(len(before) - len(m.group(1))) <= 2 and not ADOC_BLOCK_HEAD.match(before)
    if m.group(1)[0] in "-+" and before and underline:
        return None  # "Build\n-----"
    return regex.compile(r"^" + regex.escape(m.group(1)) + r"[^\S\r\n]*\r?$", regex.MULTILINE)


def _matches(pattern: regex.Pattern[str], text: str, kind: str, group: int = 0) -> Iterator[Span]:
    for m in pattern.finditer(text):
        if m.end(group) > m.start(group):
            yield Span(m.start(group), m.end(group), kind)


_WWW = lazy(r"www\.", regex.IGNORECASE)


def _occurrences(text: str, needle: str) -> Iterator[tuple[int, int]]:
    """Spans of every occurrence of ``needle`` in ``text`` (a plain substring search)."""
    i = text.find(needle)
    while i >= 0:
        yield i, i + len(needle)
        i = text.find(needle, i + 1)


def _url_anchors(text: str) -> list[tuple[int, int]]:
    """Where a URL can be: ``://`` and ``www.`` in any case, in text order."""
    found = list(_occurrences(text, "://"))
    if "w." in text or "W." in text:
        low = text.lower()
        if len(low) == len(text):
            found += _occurrences(low, "www.")
        else:  # a few letters change length when lower-cased: offsets would drift
            found += ((m.start(), m.end()) for m in _WWW.finditer(text))
        found.sort()
    return found


_PATH_CHARS = frozenset("._+~@-/")


def _paths(text: str) -> Iterator[Span]:
    """File paths (:data:`PATH`), tried only on the run of path characters around each ``/``."""
    pos = 0
    n = len(text)
    for at, _ in _occurrences(text, "/"):
        if at < pos:
            continue
        start = at
        while start > 0 and (text[start - 1].isalnum() or text[start - 1] in _PATH_CHARS):
            start -= 1
        end = at + 1
        while end < n and (text[end].isalnum() or text[end] in _PATH_CHARS):
            end += 1
        pos = end
        m = PATH.match(text, start, end)
        if m is not None and m.end() > at:
            yield Span(m.start(), m.end(), "path")


def _mail_anchors(text: str) -> list[tuple[int, int]]:
    """Where an e-mail address can be: every ``@`` between a character of an address's local part
    and one of a domain's (not Sweave's "@" line, nor nuweb's ``\\verb@...@``)."""
    n = len(text)
    return [
        (a, b)
        for a, b in _occurrences(text, "@")
        if a > 0
        and b < n
        and (text[a - 1].isalnum() or text[a - 1] in "._+-")
        and (text[b].isalnum() or text[b] in "_-")
    ]


def _anchored(
    pattern: regex.Pattern[str],
    text: str,
    anchors: Callable[[str], list[tuple[int, int]]],
    kind: str,
    before: int,
) -> Iterator[Span]:
    """Matches of ``pattern`` near the cheap anchors only (``://`` or ``www.`` for a URL, ``@`` for mail).

    Scanning a whole book with the full pattern at every position costs far
    more than finding the few anchors first with a plain substring search.
    """
    pos = 0
    for a_start, a_end in anchors(text):
        if a_start < pos:
            continue
        m = pattern.search(text, max(pos, a_start - before), a_end + 2048)
        if m is None:
            continue
        m = pattern.match(text, m.start())  # the full match, not cut at the window's end
        if m is not None and m.end() > m.start():
            yield Span(m.start(), m.end(), kind)
            pos = m.end()


def protected_spans(text: str, kind: str) -> list[Span]:
    """Sorted, merged protected spans of ``text`` for a document of ``kind``."""
    spans: list[Span] = []
    if kind == "markdown":
        spans += _matches(FRONT_MATTER, text, "front-matter")
        spans += _paired_blocks(text, FENCE_OPEN, _fence_closing)
        spans += _matches(INDENTED_CODE, text, "code-block")
        spans += _matches(REF_DEFINITION, text, "link")
        spans += _matches(LINK_TARGET, text, "link")
        spans += _matches(AUTOLINK, text, "link")
        if "{/*" in text or "{ /*" in text:
            spans += _matches(MDX_COMMENT, text, "html")
        if "import" in text or "export" in text:
            spans += _matches(MDX_MODULE_LINE, text, "code")
        if "{#" in text or "{." in text or "{ " in text:
            spans += _matches(PANDOC_ATTRIBUTES, text, "code")
        if ":::" in text:
            spans += _matches(COLON_FENCE, text, "code")
        if "$" in text or "\\begin{" in text:
            spans += _matches(MARKDOWN_MATH, text, "code")
    if kind in ("markdown", "html"):
        spans += _matches(HTML_COMMENT, text, "html")
        spans += _matches(HTML_RAW, text, "html")
        spans += _matches(HTML_INLINE_CODE, text, "code")
        if "class=" in text:
            spans += _matches(HTML_LITERAL_SPAN, text, "code")
        spans += _matches(HTML_TAG, text, "html")
        if "<!" in text or "<?" in text:
            spans += _matches(HTML_DECLARATION, text, "html")
        if "&" in text:
            spans += _matches(CHARACTER_REFERENCE, text, "html")
    if kind == "rst":
        spans += _matches(RST_DIRECTIVE, text, "code")
        spans += _matches(RST_BLOCK, text, "code-block")  # the "::" marker too: "as follows. ::"
        spans += _matches(RST_CODE_DIRECTIVE, text, "code-block", group=1)
        spans += _matches(RST_DOCTEST, text, "code-block")
    if kind == "asciidoc":
        spans += _paired_blocks(text, ADOC_DELIMITER, _delimiter_closing)
        spans += _matches(ADOC_LINE, text, "code")
        spans += _matches(ADOC_LITERAL, text, "code-block")
        spans += _matches(ADOC_INLINE, text, "code")
    if kind == "latex":
        spans += _latex_spans(text)
    if kind == "org":
        spans += _org_spans(text)
    if kind == "roff":
        spans += _roff_spans(text)
    if kind == "texinfo":
        spans += _texinfo_spans(text)
    if kind == "pod":
        spans += _pod_spans(text)
    if kind == "subtitles":
        spans += _matches(SUB_TIMING, text, "code")
        spans += _matches(SUB_HEADER, text, "code-block")
        spans += _matches(SUB_BLOCK, text, "code-block")
        spans += _commands(SUB_TAG, text)
    urls = _anchored(URL, text, _url_anchors, "url", before=8)
    if kind == "org":  # a link's description follows its target: "[[https://…][the manual]]"
        urls = (
            Span(u.start, cut, u.kind) if (cut := text.find("][", u.start, u.end)) > 0 else u for u in urls
        )
    spans += urls
    spans += _anchored(EMAIL, text, _mail_anchors, "email", before=64)
    if "@" in text:
        spans += _matches(HANDLE, text, "handle")
    if "/" in text:
        spans += _paths(text)
    if "$ " in text:
        spans += _matches(SHELL_PROMPT, text, "code")
    if "$" in text:
        spans += _matches(VCS_KEYWORD, text, "code")
    if '":' in text or "':" in text:
        spans += _matches(DATA_BLOCK, text, "code")
    if "{%" in text or "{{" in text or "{#" in text:
        spans += _matches(TEMPLATE_TAG, text, "code")
    if kind == "text" and "--" in text:
        spans += _matches(SIGNATURE, text, "signature", group=1)
    if "-----BEGIN " in text:
        spans += _matches(ARMOR, text, "armor")
    if kind in ("markdown", "asciidoc"):
        spans += _inline_code(text, spans)
    if kind == "rst":
        spans += _matches(RST_LITERAL, text, "code")
    return merge(spans)


def _roff_spans(text: str) -> Iterator[Span]:
    """A man page's markup (see :data:`ROFF_DOCUMENT` and the patterns after it); an escape inside a
    word is of the kind "accent"."""
    yield from _matches(ROFF_BLOCK, text, "code-block")
    yield from _matches(ROFF_LINE, text, "code")
    yield from _matches(ROFF_TAG, text, "code", group=1)
    yield from _matches(ROFF_COMMENT, text, "code")
    yield from _matches(ROFF_LITERAL, text, "code")
    yield from _commands(ROFF_ESCAPE, text)


def roff_document(text: str) -> bool:
    """Whether ``text`` is a man page's roff source: a title or section macro, or a roff comment, at
    a line start."""
    return ROFF_DOCUMENT.search(text[:20_000]) is not None


def _texinfo_spans(text: str) -> Iterator[Span]:
    """Texinfo's markup (see :data:`TEXI_BLOCK` and the patterns after it); a command inside a
    word is of the kind "accent"."""
    yield from _matches(TEXI_BLOCK, text, "code-block")
    yield from _matches(TEXI_LINE, text, "code")
    yield from _matches(TEXI_COMMENT, text, "code")
    yield from _matches(TEXI_CODE, text, "code")
    yield from _code_table_items(text)
    yield from _commands(TEXI_COMMAND, text)


def _pod_spans(text: str) -> Iterator[Span]:
    """POD's markup (see :data:`POD_VERBATIM` and the patterns after it); an escape, or the bracket
    of a style, between two letters is of the kind "accent"."""
    yield from _matches(POD_VERBATIM, text, "code-block")
    yield from _matches(POD_FORMATTER, text, "code-block")
    yield from _matches(POD_CODE_PART, text, "code-block")
    yield from _matches(POD_COMMAND, text, "code")
    yield from _matches(POD_CODE, text, "code")
    yield from _commands(POD_ESCAPE, text)
    for m in POD_STYLE.finditer(text):
        close = POD_STYLE_END.match(text, m.end())
        if close is None:
            continue
        inner = close.group(0)
        opened = len(inner) - len(inner.lstrip("<"))
        head = m.start(), m.end() + opened + (1 if opened > 1 else 0)
        tail = close.end() - opened - (1 if opened > 1 else 0), close.end()
        for a, b in (head, tail):
            inside = a > 0 and b < len(text) and text[a - 1].isalnum() and text[b].isalnum()
            yield Span(a, b, "accent" if inside else "code")


def _commands(pattern: regex.Pattern[str], text: str) -> Iterator[Span]:
    """The matches of ``pattern`` (roff's escapes, Texinfo's commands) as code, or of the kind
    "accent" where one stands between two letters or digits, inside a word ("isn\\(cqt", "AUC@TeX{}")."""
    n = len(text)
    for m in pattern.finditer(text):
        a, b = m.start(), m.end()
        inside = a > 0 and b < n and text[a - 1].isalnum() and text[b].isalnum()
        yield Span(a, b, "accent" if inside else "code")


def _code_table_items(text: str) -> Iterator[Span]:
    """The "@item" lines of the tables whose entries are formatted as code ("@table @code"), nested
    tables tracked."""
    formats: list[str] = []
    marks = list(TEXI_TABLE.finditer(text))
    bounds = [m.start() for m in marks] + [len(text)]
    for k, m in enumerate(marks):
        if m.group(2):
            formats.append(m.group(2))
        elif formats:
            formats.pop()
        if formats and formats[-1] in TEXI_CODE_FORMATS:
            for item in TEXI_ITEM.finditer(text, m.end(), bounds[k + 1]):
                yield Span(item.start(), item.end(), "code")


def _org_spans(text: str) -> Iterator[Span]:
    """Org mode's markup (see :data:`ORG_BLOCK` and the patterns after it)."""
    yield from _matches(ORG_BLOCK, text, "code-block")
    yield from _matches(ORG_DRAWER, text, "code-block")
    yield from _matches(ORG_LINE, text, "code")
    yield from _matches(ORG_INLINE, text, "code")
    if "$" in text or "\\" in text:
        yield from _matches(ORG_MATH, text, "code")
        yield from _matches(MARKDOWN_MATH, text, "code")


def _latex_spans(text: str) -> Iterator[Span]:
    """LaTeX's markup (see :data:`LATEX_PREAMBLE` and the patterns after it); an accent is its
    own kind, "accent", since it stands inside a word."""
    # \verb and comments first: an environment or math named inside them ("\verb`\begin{tikzpicture}`",
    # "% $x$ is unused") opens nothing
    verbs = list(_matches(LATEX_VERB, text, "code"))
    in_verb = _within(verbs)
    opaque = merge(verbs + [c for c in _matches(LATEX_COMMENT, text, "code") if not in_verb(c.start)])
    in_opaque = _within(opaque)
    yield from opaque
    if "\\begin{document}" in text:
        yield from _matches(LATEX_PREAMBLE, text, "code-block")
    yield from _code_environments(text, in_opaque)
    if "<<" in text:
        yield from _matches(SWEAVE_CHUNK, text, "code-block")
    yield from (m for m in _matches(LATEX_MATH, text, "code") if not in_opaque(m.start))
    yield from _matches(LATEX_KEYED, text, "code")
    accents = list(_matches(LATEX_ACCENT, text, "accent"))
    yield from accents
    at = {a.start for a in accents}
    yield from (c for c in _matches(LATEX_COMMAND, text, "code") if c.start not in at)
    yield from _matches(LATEX_MARK, text, "code")


def _code_environments(text: str, opaque: Callable[[int], bool]) -> Iterator[Span]:
    """The outermost code environments (:data:`LATEX_CODE_ENVIRONMENTS`), each from its
    ``\\begin`` to its ``\\end``.  Environments nest: one left open inside a listing of code
    ends where the environment around it does ("\\end{tikzCodeBlock}" closes a shown but unclosed
    "\\begin{tikzpicture}"), and an unclosed one runs to the end of the text.  A ``\\begin`` or
    ``\\end`` where ``opaque`` says so (in a comment or a ``\\verb``) counts for nothing."""
    stack: list[str] = []
    start = depth = -1  # where the open code environment began, and its place on the stack
    for m in LATEX_BEGIN_END.finditer(text):
        if opaque(m.start()):
            continue
        name = m.group(2) + m.group(3)
        if m.group(1) == "begin":
            if start < 0 and m.group(2) in LATEX_CODE_ENVIRONMENTS:
                start, depth = m.start(), len(stack)
            stack.append(name)
            continue
        if name not in stack:
            continue  # an \end without its \begin
        while stack and stack.pop() != name:
            pass
        if start >= 0 and len(stack) <= depth:
            # the code environment closed here, or the one around it did
            yield Span(start, m.end() if len(stack) == depth else m.start(), "code-block")
            start = depth = -1
    if start >= 0:
        yield Span(start, len(text), "code-block")


def _within(spans: list[Span]) -> Callable[[int], bool]:
    """A test of whether an offset lies inside one of ``spans`` (sorted, not overlapping)."""
    starts = [s.start for s in spans]

    def inside(at: int) -> bool:
        k = bisect.bisect_right(starts, at) - 1
        return k >= 0 and at < spans[k].end

    return inside


def _inline_code(text: str, blocks: list[Span]) -> Iterator[Span]:
    """Inline code spans outside code blocks and front matter."""
    covered = merge(s for s in blocks if s.kind in ("code-block", "front-matter"))
    # only between the blocks: a backtick inside a fenced block must not pair with one after it
    start = 0
    for gap_end, next_start in [*((s.start, s.end) for s in covered), (len(text), len(text))]:
        for m in INLINE_CODE.finditer(text, start, gap_end):
            yield Span(m.start(), m.end(), "code")
        start = next_start


def merge(spans: Iterable[Span]) -> list[Span]:
    """Sort spans and merge overlapping or touching ones (the first kind wins)."""
    out: list[Span] = []
    for s in sorted(spans):
        if out and s.start <= out[-1].end:
            last = out[-1]
            if s.end > last.end:
                out[-1] = Span(last.start, s.end, last.kind)
        else:
            out.append(s)
    return out


def mask(text: str, spans: Iterable[Span], fill: str = " ") -> str:
    """``text`` with protected characters replaced by ``fill`` (line breaks kept): same length."""
    parts: list[str] = []
    pos = 0
    for s in spans:
        parts.append(text[pos : s.start])
        parts.append(_NOT_NEWLINE.sub(fill, text[s.start : s.end]))
        pos = s.end
    parts.append(text[pos:])
    return "".join(parts)


_NOT_NEWLINE = lazy(r"[^\r\n]")
