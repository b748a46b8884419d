"""Patterns compiled on first use behave as the compiled pattern."""

from __future__ import annotations

import regex

from repair.patterns import lazy


def test_lazy_pattern_compiles_on_first_use_and_matches_like_regex() -> None:
    pattern = lazy(r"(\p{L}+)\.(\p{Ll}{2,})", regex.IGNORECASE)
    assert "_compiled" not in vars(pattern)
    text = "over.the wall and into.the yard"
    assert [m.groups() for m in pattern.finditer(text)] == [("over", "the"), ("into", "the")]
    assert "_compiled" in vars(pattern)
    assert pattern.pattern == r"(\p{L}+)\.(\p{Ll}{2,})"
    assert pattern.flags & regex.IGNORECASE
    # later uses get the compiled pattern's own bound method
    assert vars(pattern)["finditer"].__self__ is vars(pattern)["_compiled"]
    assert pattern.search("x.yz") is not None and pattern.match("1.ab") is None
