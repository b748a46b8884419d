"""The document model every detector reads.

A :class:`Document` holds the decoded text exactly as read (line ends kept), its
kind (text, markdown, html, rst, asciidoc, latex, texinfo, org, roff, notebook), protected spans, inline
suppressions and the per-run options detectors may consult (allow-listed words, extra dictionary
words).  ``masked`` is the text with protected characters blanked out, the same
length, so a detector can run patterns over prose only and keep true offsets.
"""

from __future__ import annotations

import bisect
import os
from dataclasses import dataclass, field
from functools import cached_property

from repair import language, markup, notebook, suppress
from repair.markup import Span
from repair.suppress import Suppression
from repair.tokenize import line_starts


@dataclass(frozen=True)
class Options:
    """Per-run settings that detectors may read (never mutate)."""

    allow_words: frozenset[str] = frozenset()
    extra_words: frozenset[str] = frozenset()
    languagetool: str | None = None
    languagetool_timeout: float = 10.0
    unsafe_fixes: bool = False
    """The run applies unsafe fixes (``--unsafe-fixes``): a family may then report a wider unsafe band."""

    def allowed(self, word: str) -> bool:
        """Whether ``word`` is in the user's allow list (exact or lower-cased)."""
        return word in self.allow_words or word.lower() in self.allow_words


@dataclass(frozen=True, eq=False)
class Document:
    """Decoded text plus everything detectors need to know about it."""

    text: str
    path: str | None = None
    kind: str = "text"
    options: Options = field(default_factory=Options)
    protected: tuple[Span, ...] = ()
    suppressions: tuple[Suppression, ...] = ()
    suppression_codes: tuple[str, ...] = ()

    @classmethod
    def from_text(
        cls, text: str, path: str | None = None, kind: str | None = None, options: Options | None = None
    ) -> Document:
        """Build a document: find protected spans and suppressions for its kind.

        A plain-text document that holds an HTML document (a saved page, an e-mail's HTML part)
        is checked as HTML: its tags and character references are markup, not leftovers; one that
        is written in reStructuredText (Sphinx sources named ``*.txt``, as Django's) or AsciiDoc
        (git's manuals, ``git-log.txt``) as that.
        Paragraphs in other languages are protected (:mod:`repair.language`)."""
        if kind is None:
            kind = kind_of(path)
        if kind == "text" and markup.rst_document(text):
            kind = "rst"  # (before the HTML test: its examples may hold a whole page)
        elif kind == "text" and markup.html_document(text):
            kind = "html"
        elif kind == "text" and markup.asciidoc_document(text):
            kind = "asciidoc"  # (after the HTML test: a manual's examples may name macros)
        elif kind == "roff" and not markup.roff_document(text):
            kind = "text"  # a file named like a man page that is none ("notes.1st")
        if kind == "notebook":
            # its JSON is all protected but the Markdown cells' strings; the detectors read those
            # as a Markdown document of their own (repair.notebook), with its own suppressions
            return cls(text, path, kind, options or Options(), tuple(notebook.protected_spans(text)))
        sups, directive_spans, codes = suppress.parse(text)
        protected = markup.merge(markup.protected_spans(text, kind) + directive_spans)
        foreign = language.foreign_spans(markup.mask(text, protected))
        if foreign:
            protected = markup.merge(protected + foreign)
        return cls(
            text=text,
            path=path,
            kind=kind,
            options=options or Options(),
            protected=tuple(protected),
            suppressions=tuple(sups),
            suppression_codes=tuple(codes),
        )

    @cached_property
    def masked(self) -> str:
        """The text with protected characters replaced by spaces (same length, line ends kept)."""
        return markup.mask(self.text, self.protected)

    @cached_property
    def opaque(self) -> str:
        """The text with protected characters replaced by ``X`` (same length, line ends kept).

        For detectors that judge punctuation by its neighbours: a code span, URL or
        tag reads as one opaque word, so the period after `` `--fresh` `` is not a
        lone mark between words as it would be in :attr:`masked`.
        """
        return markup.mask(self.text, self.protected, fill="X")

    @cached_property
    def technical(self) -> bool:
        """Whether the text reads as technical writing (see :func:`repair.markup.technical`), or its
        file is one a software project keeps its documentation in (:func:`repair.markup.software_doc`)
        or reStructuredText, AsciiDoc, LaTeX, Texinfo, roff or POD, the markups of Sphinx, docutils,
        Asciidoctor, papers, GNU manuals, man pages and Perl's manuals, whose sources hold code, math
        and names.
        An HTML page is judged on its text and the code it shows (:func:`repair.markup.technical_page`),
        subtitles on their cues' text alone (a closing tag, "</i>", is no path)."""
        if self.kind in ("rst", "asciidoc", "latex", "texinfo", "roff", "pod") or markup.software_doc(
            self.path
        ):
            return True
        if self.kind == "subtitles":
            return markup.technical(self.masked)
        return markup.technical_page(self.text) if self.kind == "html" else markup.technical(self.text)

    @cached_property
    def _protected_starts(self) -> list[int]:
        return [s.start for s in self.protected]

    def is_protected(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` (or the point ``start`` when empty) touches a protected span."""
        stop = max(end, start + 1)
        j = bisect.bisect_left(self._protected_starts, stop) - 1
        return j >= 0 and self.protected[j].end > start

    @cached_property
    def _word_breaks(self) -> frozenset[int]:
        text = self.text
        out: set[int] = set()
        for s in self.protected:
            if s.kind == "accent":  # LaTeX's "Schr\"odinger", "\'Etienne": the word goes on after it
                out.update((s.start, s.end))
                continue
            if s.kind != "html" or s.start == 0 or s.end >= len(text):
                continue
            inside = text[s.start - 1].isalnum() and text[s.end].isalnum()
            if inside and markup.inline_markup(text[s.start : s.end]):
                out.update((s.start, s.end))
        return frozenset(out)

    def splits_word(self, start: int, end: int) -> bool:
        """Whether ``[start, end)`` begins or ends where inline markup sits inside a word, so that it
        holds only a piece of the word a reader sees ("lobally" in "<strong>g</strong>lobally")."""
        return bool(self._word_breaks) and (start in self._word_breaks or end in self._word_breaks)

    def is_suppressed(self, code: str, start: int, end: int) -> bool:
        """Whether an inline suppression covers a finding of ``code`` over ``[start, end)``."""
        return any(s.covers(code, start, end) for s in self.suppressions)

    @cached_property
    def line_starts(self) -> list[int]:
        """Offsets at which each line begins (``\\r\\n``, ``\\n`` and ``\\r`` end lines)."""
        return line_starts(self.text)

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a code-point offset."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        return line + 1, offset - self.line_starts[line] + 1


def kind_of(path: str | None) -> str:
    """The document kind for a path's extension (``text`` when unknown or stdin)."""
    if not path:
        return "text"
    ext = os.path.splitext(path)[1].lower()
    return markup.EXTENSION_KIND.get(ext) or ("roff" if markup.ROFF_EXTENSION.fullmatch(ext) else "text")
