"""Applying fixes: the only code in repair that edits text.

One pass takes the applicable fixes, most confident first, skips any fix that
overlaps one already chosen, and splices the chosen edits in.  Passes repeat,
re-checking the new text, until nothing changes (a fixed point), at most
:data:`MAX_PASSES` times; a text seen before (a cycle) stops the loop.  Every
pass is verified independently before it is accepted: the text outside the
edits is unchanged and no protected span was touched.  A failed verification
raises :class:`UnsafeFixError` and nothing is returned for writing.

The overlap rule holds across passes for the spin family: text that a spin fix
wrote (a restored original) is not rewritten by a later spin fix, so the more
confident reading, applied first, stands; a restoration is never itself taken
for a spinner's swap.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from repair.document import Document
from repair.model import Category, Edit, Finding

MAX_PASSES = 10


class UnsafeFixError(RuntimeError):
    """A fix pass produced text that fails the safety check; the file is left alone."""


@dataclass(frozen=True)
class FixResult:
    """The fixed text, the fixes applied, the findings left in the fixed text, how the loop ended."""

    text: str
    applied: tuple[Finding, ...]
    remaining: tuple[Finding, ...]
    passes: int
    converged: bool


def _overlaps(a: Edit, b: Edit) -> bool:
    """Whether two edits conflict: shared characters, or an insertion at or inside the other."""
    if a.start == a.end:
        return b.start <= a.start <= b.end
    if b.start == b.end:
        return a.start <= b.start <= a.end
    return a.start < b.end and b.start < a.end


def choose(
    findings: Sequence[Finding], unsafe: bool, can_write: Callable[[str], bool] | None = None
) -> list[Finding]:
    """The fixes applied in one pass: most confident first, none overlapping another."""
    candidates = [f for f in findings if f.fix and f.applicability.applies(unsafe)]
    candidates.sort(key=lambda f: (-f.confidence, f.start, f.end, f.rule))
    chosen: list[Finding] = []
    taken: list[Edit] = []
    for f in candidates:
        if can_write is not None and not all(can_write(e.replacement) for e in f.fix):
            continue
        if any(_overlaps(e, t) for e in f.fix for t in taken):
            continue
        if any(_overlaps(a, b) for i, a in enumerate(f.fix) for b in f.fix[i + 1 :]):
            continue
        chosen.append(f)
        taken.extend(f.fix)
    return chosen


def splice(text: str, edits: Sequence[Edit]) -> str:
    """``text`` with non-overlapping ``edits`` applied."""
    parts: list[str] = []
    pos = 0
    for e in sorted(edits):
        if e.start < pos or e.end > len(text):
            raise UnsafeFixError(f"edit {e.start}:{e.end} overlaps another or runs past the text")
        parts.append(text[pos : e.start])
        parts.append(e.replacement)
        pos = e.end
    parts.append(text[pos:])
    return "".join(parts)


def verify(doc: Document, new_text: str, edits: Sequence[Edit]) -> None:
    """Check a pass independently of :func:`splice`: only edited characters changed, no protected span."""
    old = doc.text
    for e in edits:
        if doc.is_protected(e.start, e.end):
            raise UnsafeFixError(f"a fix at {e.start}:{e.end} touches a protected span")
    new_pos = 0
    old_pos = 0
    for e in sorted(edits):
        keep = e.start - old_pos
        if old[old_pos : e.start] != new_text[new_pos : new_pos + keep]:
            raise UnsafeFixError(f"text outside the fixes changed near offset {old_pos}")
        new_pos += keep
        if new_text[new_pos : new_pos + len(e.replacement)] != e.replacement:
            raise UnsafeFixError(f"fix at {e.start}:{e.end} was not applied as proposed")
        new_pos += len(e.replacement)
        old_pos = e.end
    if old[old_pos:] != new_text[new_pos:]:
        raise UnsafeFixError("text after the last fix changed")


#: At most this many fixes of a pass that changed a protected span are tried one by one (each try
#: builds the document again); more, and the file is left as it was.
ONE_BY_ONE = 50


def fix_document(
    doc: Document,
    analyze: Callable[[Document], list[Finding]],
    unsafe: bool = False,
    can_write: Callable[[str], bool] | None = None,
    first: list[Finding] | None = None,
) -> FixResult:
    """Fix ``doc`` to a fixed point; ``first`` may pass the findings already computed for it."""
    seen = {doc.text}
    applied: list[Finding] = []
    current = doc
    findings = first if first is not None else analyze(doc)
    restored: list[Edit] = []  # the text spin fixes wrote, in the current text's offsets
    for passes in range(1, MAX_PASSES + 1):
        open_ = [f for f in findings if not _rewrites_restored(f, restored)]
        chosen = choose(open_, unsafe, can_write)
        if not chosen:
            return FixResult(current.text, tuple(applied), tuple(findings), passes - 1, True)
        step = _apply_pass(current, chosen)
        if step is None:  # a fix next to markup changed a protected span: keep away from markup
            away = [f for f in chosen if not any(_beside_protected(current, e) for e in f.fix)]
            step, chosen = _narrowed(current, chosen, away)
        if step is None and len(chosen) <= ONE_BY_ONE:
            # a fix may still change what the markup around it means (a control character removed
            # before "```" makes it a fence): keep the fixes that pass the check one by one
            alone = [f for f in chosen if _apply_pass(current, [f]) is not None]
            step, chosen = _narrowed(current, chosen, alone)
        if step is None:
            if not chosen:
                return FixResult(current.text, tuple(applied), tuple(findings), passes, False)
            raise UnsafeFixError("a fix changed a protected span (code, link, URL or markup)")
        if step.text in seen:
            return FixResult(current.text, tuple(applied), tuple(findings), passes, False)
        seen.add(step.text)
        applied.extend(chosen)
        restored = _written(restored, chosen)
        current = step
        findings = analyze(current)
    return FixResult(current.text, tuple(applied), tuple(findings), MAX_PASSES, False)


def _rewrites_restored(found: Finding, restored: Sequence[Edit]) -> bool:
    """Whether a spin finding's fix would rewrite text an earlier spin fix wrote."""
    return found.category is Category.SPIN and any(
        e.start < r.end and r.start < e.end for e in found.fix for r in restored
    )


def _written(restored: Sequence[Edit], chosen: Sequence[Finding]) -> list[Edit]:
    """The spans (as edits whose replacement is the text there) written by earlier spin fixes
    and by the spin fixes of ``chosen``, in the offsets of the text after ``chosen``."""
    edits = sorted(e for f in chosen for e in f.fix)
    out: list[Edit] = []
    for r in restored:
        if any(e.start < r.end and r.start < e.end for e in edits):
            continue  # rewritten by another family's fix this pass: no longer the restoration
        shift = sum(len(e.replacement) - (e.end - e.start) for e in edits if e.end <= r.start)
        out.append(Edit(r.start + shift, r.end + shift, r.replacement))
    spin = {id(e) for f in chosen if f.category is Category.SPIN for e in f.fix}
    shift = 0
    for e in edits:
        if id(e) in spin and e.replacement:
            out.append(Edit(e.start + shift, e.start + shift + len(e.replacement), e.replacement))
        shift += len(e.replacement) - (e.end - e.start)
    return out


def _narrowed(
    doc: Document, chosen: list[Finding], kept: list[Finding]
) -> tuple[Document | None, list[Finding]]:
    """The pass of ``kept`` and ``kept``, where it leaves out some of ``chosen``; else (None,
    ``chosen``): the pass of the same fixes failed already."""
    if len(kept) == len(chosen):
        return None, chosen
    return (_apply_pass(doc, kept) if kept else None), kept


def _beside_protected(doc: Document, edit: Edit) -> bool:
    return doc.is_protected(max(edit.start - 1, 0), edit.end + 1)


def _apply_pass(doc: Document, chosen: list[Finding]) -> Document | None:
    """The document after one verified pass, or None when a protected span was disturbed.

    Every protected span of ``doc`` must come back unchanged at its shifted
    position and still be protected (wholly inside one protected span) in the
    new text; new protected spans may appear (an invisible character removed
    before a URL lets the URL be recognised).
    """
    edits = sorted(e for f in chosen for e in f.fix)
    new_text = splice(doc.text, edits)
    verify(doc, new_text, edits)
    new = Document.from_text(new_text, doc.path, doc.kind, doc.options)
    starts = [p.start for p in new.protected]
    shift = 0
    i = 0
    for span in doc.protected:
        while i < len(edits) and edits[i].end <= span.start:
            shift += len(edits[i].replacement) - (edits[i].end - edits[i].start)
            i += 1
        start, end = span.start + shift, span.end + shift
        if new_text[start:end] != doc.text[span.start : span.end]:
            return None
        j = bisect.bisect_right(starts, start) - 1
        if j < 0 or new.protected[j].end < end:
            return None
    return new
