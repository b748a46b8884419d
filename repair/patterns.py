"""Regular expressions compiled on first use.

The ``regex`` module compiles a pattern in Python, about 0.3 ms to 1 ms each, and
the detectors hold some eighty module-level patterns: compiling them all at import
cost a one-page check about 60 ms of its start-up, although a plain page uses a
quarter of them (the Markdown and reStructuredText patterns, the damage patterns
of OCR text and most scraping patterns wait for text that needs them).
:func:`lazy` returns a stand-in that compiles its pattern the first time any of
its methods or attributes is used, and from then on hands out the compiled
pattern's own bound methods, so a hot pattern costs nothing extra.
"""

from __future__ import annotations

from typing import Any, cast

import regex


class _Lazy:
    """A pattern compiled when first used (see :func:`lazy`)."""

    def __init__(self, source: str, flags: int) -> None:
        self._source = source
        self._flags = flags

    def __getattr__(self, name: str) -> Any:
        # Called only for names not yet in the instance: the first use of each method.
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self.__dict__["_compiled"] = regex.compile(self._source, self._flags)
        value = getattr(compiled, name)
        self.__dict__[name] = value  # later uses find the bound method directly
        return value

    def __repr__(self) -> str:
        return f"lazy({self._source!r}, {self._flags!r})"


def lazy(source: str, flags: int = 0) -> regex.Pattern[str]:
    """A ``regex`` pattern that is compiled the first time it is used.

    It offers every method and attribute of the compiled pattern (``search``,
    ``finditer``, ``pattern``...).  Only the module-level functions of ``regex``
    (``regex.sub(PATTERN, ...)``) do not accept it: call the pattern's methods.
    """
    return cast("regex.Pattern[str]", _Lazy(source, flags))
