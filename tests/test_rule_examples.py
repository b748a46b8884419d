"""Examples are tests: every rule's examples are flagged and fixed as documented.

For each rule and each of its examples: the text is flagged by that rule; when a
fixed form is given, ``fix`` (with unsafe fixes if the example says so) gives
exactly that form and the fixed form checks clean for the rule; when no fixed
form is given, ``fix`` changes nothing (the finding is display-only).  Every
``clean`` text of a rule is not flagged by it.
"""

from __future__ import annotations

import sys

import pytest

import repair
from repair import registry
from repair.document import Options
from repair.model import Rule

RULES = registry.all_rules()
SECTIONS = ("## What it does", "## Why is this bad?", "## Example", "## Use instead", "## Fix safety")

EXAMPLES = [pytest.param(r, i, id=f"{r.code}-{i}") for r in RULES for i in range(len(r.examples))]
CLEAN = [pytest.param(r, i, id=f"{r.code}-clean-{i}") for r in RULES for i in range(len(r.clean))]


def test_there_are_rules_in_every_core_family() -> None:
    prefixes = {r.prefix for r in RULES}
    assert "SCR" in prefixes


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
def test_rule_is_documented(rule: Rule) -> None:
    assert rule.examples, f"{rule.code} has no examples"
    for section in SECTIONS:
        assert section in rule.doc, f"{rule.code} docstring lacks {section!r}"
    assert "." in rule.name, f"{rule.code} name {rule.name!r} is not dotted"


def unavailable(rule: Rule) -> str | None:
    """Why a rule's family cannot run with default options (it needs a service), via its optional hook.

    A family module may define ``unavailable(options) -> str | None``; its own
    contract test then runs the examples against a stand-in for the service.
    """
    hook = getattr(sys.modules.get(rule.check.__module__), "unavailable", None)
    return hook(Options()) if hook is not None else None


@pytest.mark.parametrize(("rule", "index"), EXAMPLES)
def test_example_is_flagged_and_fixed(rule: Rule, index: int) -> None:
    reason = unavailable(rule)
    if reason:
        pytest.skip(f"{rule.code}: {reason}; its examples run in the family's contract test")
    ex = rule.examples[index]
    found = [f for f in repair.check(ex.text, select=[rule.code], kind=ex.kind) if f.rule == rule.code]
    assert found, f"{rule.code} does not flag its example {ex.text!r}"
    fixed = repair.fix(ex.text, select=[rule.code], unsafe=ex.unsafe, kind=ex.kind)
    if ex.fixed is None:
        assert fixed == ex.text, f"{rule.code} changed a display-only example"
        return
    assert fixed == ex.fixed
    again = [f for f in repair.check(ex.fixed, select=[rule.code], kind=ex.kind) if f.rule == rule.code]
    assert not again, f"{rule.code} still flags its fixed example: {again}"


@pytest.mark.parametrize(("rule", "index"), CLEAN)
def test_clean_example_is_not_flagged(rule: Rule, index: int) -> None:
    text = rule.clean[index]
    found = [f for f in repair.check(text, select=[rule.code]) if f.rule == rule.code]
    assert not found, f"{rule.code} flags clean text {text!r}: {found}"
