"""The rule registry.

A family module registers its rules with the :func:`rule` decorator when it is
imported; importing does nothing else (heavy resources load lazily, on first
use, through :mod:`repair.resources`).  :func:`all_rules` imports the families
listed in :mod:`repair.detectors` and returns every rule, sorted by code.

Usage::

    @rule("SCR003", "scrape.zero-width", Category.SCRAPE,
          examples=[Example("a\u200bb", "ab")])
    def zero_width(doc: Document) -> Iterator[Finding]:
        '''Zero-width and control characters.  ## What it does ...'''

Several ``@rule`` decorators may be stacked on one detector that emits several
codes; each then passes ``doc=`` with its own documentation.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Callable, Iterable, Sequence
from typing import TYPE_CHECKING

from repair.model import CATEGORY_OF, Category, Detector, Example, Finding, Rule
from repair.patterns import lazy

if TYPE_CHECKING:
    from repair.document import Document, Options

CODE_RE = lazy(r"^(SPN|TYP|OCR|SCR|GRM)\d{3}$")
PREFIX_RE = lazy(r"^(SPN|TYP|OCR|SCR|GRM)\d{0,3}$")
PREFIX_OF = {category: prefix for prefix, category in CATEGORY_OF.items()}

_RULES: dict[str, Rule] = {}
_METRICS: list[Callable[[Document, Sequence[Finding]], dict[str, float]]] = []


class UnknownRuleError(ValueError):
    """A rule code or prefix that names no registered rule."""


def rule(
    code: str,
    name: str,
    category: Category,
    *,
    examples: Sequence[Example],
    clean: Sequence[str] = (),
    doc: str | None = None,
    default_enabled: bool = True,
) -> Callable[[Detector], Detector]:
    """Register a rule whose findings come from the decorated detector."""
    if not CODE_RE.match(code) or PREFIX_OF[category] != code[:3]:
        raise ValueError(f"rule code {code!r} does not fit category {category.value}")

    def register(check: Detector) -> Detector:
        text = inspect.cleandoc(doc if doc is not None else (check.__doc__ or ""))
        if not text:
            raise ValueError(f"rule {code} has no documentation")
        if not examples:
            raise ValueError(f"rule {code} has no examples")
        previous = _RULES.get(code)
        if previous is not None and previous.check is not check:
            raise ValueError(f"rule code {code} registered twice")
        _RULES[code] = Rule(
            code=code,
            name=name,
            category=category,
            summary=text.splitlines()[0].strip(),
            doc=text,
            check=check,
            examples=tuple(examples),
            clean=tuple(clean),
            default_enabled=default_enabled,
        )
        return check

    return register


def _load_families() -> None:
    families = importlib.import_module("repair.detectors")
    for module in families.FAMILIES:
        importlib.import_module(f"repair.detectors.{module}")


def all_rules() -> list[Rule]:
    """Every registered rule, sorted by code."""
    _load_families()
    return [_RULES[c] for c in sorted(_RULES)]


def get_rule(code: str) -> Rule:
    """The rule with this exact code."""
    _load_families()
    try:
        return _RULES[code]
    except KeyError:
        raise UnknownRuleError(f"unknown rule code {code!r}") from None


def expand(selectors: Iterable[str]) -> set[str]:
    """Codes named by selectors: exact codes or prefixes (``SPN``, ``SCR0``); ``ALL`` means all.

    An unknown code or a prefix that matches nothing is an error, never ignored.
    """
    rules = all_rules()
    out: set[str] = set()
    for raw in selectors:
        sel = raw.strip().upper()
        if not sel:
            continue
        if sel == "ALL":
            out.update(r.code for r in rules)
            continue
        if not PREFIX_RE.match(sel):
            raise UnknownRuleError(f"unknown rule code or prefix {raw!r}")
        hit = {r.code for r in rules if r.code.startswith(sel)}
        if not hit:
            raise UnknownRuleError(f"unknown rule code or prefix {raw!r}")
        out |= hit
    return out


def selected_codes(
    select: Iterable[str] | None, ignore: Iterable[str] | None, options: Options | None = None
) -> frozenset[str]:
    """The codes that run: ``select`` (default: every default-enabled rule) minus ``ignore``.

    The grammar family is off by default because it needs a LanguageTool server;
    a configured server (``options.languagetool``) adds it to the default selection.
    """
    if select:
        codes = expand(select)
    else:
        codes = {r.code for r in all_rules() if r.default_enabled}
        if options is not None and options.languagetool:
            codes |= {r.code for r in all_rules() if r.category is Category.GRAMMAR}
    if ignore:
        codes -= expand(ignore)
    return frozenset(codes)


def document_metric(
    fn: Callable[[Document, Sequence[Finding]], dict[str, float]],
) -> Callable[[Document, Sequence[Finding]], dict[str, float]]:
    """Register a per-document measure (e.g. the spin score) shown in text and JSON output.

    The function takes the document and its resolved findings and returns named
    numbers; it must be cheap and pure.
    """
    _METRICS.append(fn)
    return fn


def document_metrics(doc: Document, findings: Sequence[Finding]) -> dict[str, float]:
    """Every registered measure for one document, merged."""
    out: dict[str, float] = {}
    for fn in _METRICS:
        out.update(fn(doc, findings))
    return out
