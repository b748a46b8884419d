"""Configuration: ``[tool.repair]`` in ``pyproject.toml`` or a ``.repair.toml``.

The nearest file found upward from a path wins (``.repair.toml`` before
``pyproject.toml`` in the same folder; a ``pyproject.toml`` without a
``[tool.repair]`` table is passed over).  Keys::

    select = ["SCR", "TYP001"]      # rules or prefixes to run (default: all default-enabled)
    ignore = ["SPN003"]             # rules or prefixes not to run
    min-confidence = 0.5            # drop findings below this
    include = ["*.txt", "*.md"]     # file globs taken when walking a folder
    exclude = ["vendor/**"]         # globs (relative to the config's folder) never taken
    allow-words = ["Tokayev"]       # words never flagged
    allow-words-files = ["names.txt"]   # files of such words, one a line
    dictionaries = ["extra.txt"]    # extra known words, one a line
    languagetool = "http://localhost:8081"
    languagetool-timeout = 10
    max-file-size = 20000000        # bytes; larger files are skipped with a message

An unknown key, a wrong type, or an unknown rule code is a :class:`ConfigError`.
"""

from __future__ import annotations

import dataclasses
import os
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from repair import registry
from repair.document import Options
from repair.textio import DEFAULT_MAX_BYTES

DEFAULT_INCLUDE = ("*.txt", "*.md", "*.markdown", "*.rst", "*.html", "*.htm")

_LIST_KEYS = ("select", "ignore", "include", "exclude", "allow-words", "allow-words-files", "dictionaries")
_KEYS = (*_LIST_KEYS, "min-confidence", "languagetool", "languagetool-timeout", "max-file-size")


class ConfigError(ValueError):
    """A configuration that cannot be used; the message says where and why."""


@dataclass(frozen=True)
class Settings:
    """Everything that shapes a run, from configuration and the command line."""

    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    min_confidence: float = 0.0
    include: tuple[str, ...] = DEFAULT_INCLUDE
    exclude: tuple[str, ...] = ()
    options: Options = field(default_factory=Options)
    max_file_size: int = DEFAULT_MAX_BYTES
    root: str | None = None
    source: str | None = None

    @property
    def codes(self) -> frozenset[str]:
        """The rule codes that run."""
        try:
            return registry.selected_codes(self.select or None, self.ignore or None, self.options)
        except registry.UnknownRuleError as exc:
            where = f" in {self.source}" if self.source else ""
            raise ConfigError(f"{exc}{where}") from None

    def override(self, **changes: Any) -> Settings:
        """A copy with command-line values replacing configured ones (None means keep)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


def find_config(start: str) -> Path | None:
    """The nearest configuration file at or above ``start``, if any."""
    here = Path(start).resolve()
    if not here.is_dir():
        here = here.parent
    for folder in (here, *here.parents):
        dot = folder / ".repair.toml"
        if dot.is_file():
            return dot
        py = folder / "pyproject.toml"
        if py.is_file() and "repair" in _read_toml(py).get("tool", {}):
            return py
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    # imported here: most runs find no configuration file, and the parser costs start-up 5 ms
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib
    try:
        with open(path, "rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read configuration: {exc}") from None


def _strings(path: Path, key: str, value: Any) -> tuple[str, ...]:
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"{path}: {key} must be a list of strings")
    return tuple(value)


def _word_file(path: Path, name: str) -> set[str]:
    target = (path.parent / name).resolve()
    try:
        with open(target, encoding="utf-8") as fh:
            return {w.strip() for w in fh if w.strip() and not w.startswith("#")}
    except (OSError, UnicodeDecodeError) as exc:
        raise ConfigError(f"{path}: cannot read word list {name}: {exc}") from None


def load(path: Path) -> Settings:
    """Settings from one configuration file."""
    data = _read_toml(path)
    table = data.get("tool", {}).get("repair", {}) if path.name == "pyproject.toml" else data
    if not isinstance(table, dict):
        raise ConfigError(f"{path}: [tool.repair] must be a table")
    unknown = sorted(set(table) - set(_KEYS))
    if unknown:
        raise ConfigError(f"{path}: unknown configuration key {unknown[0]!r} (known: {', '.join(_KEYS)})")
    lists = {k: _strings(path, k, table[k]) for k in _LIST_KEYS if k in table}
    allow = set(lists.get("allow-words", ()))
    for name in lists.get("allow-words-files", ()):
        allow |= _word_file(path, name)
    extra: set[str] = set()
    for name in lists.get("dictionaries", ()):
        extra |= _word_file(path, name)
    number = _number(path, table)
    lt = table.get("languagetool")
    if lt is not None and not isinstance(lt, str):
        raise ConfigError(f"{path}: languagetool must be a URL string")
    options = Options(
        allow_words=frozenset(allow | {w.lower() for w in allow}),
        extra_words=frozenset(extra),
        languagetool=lt,
        languagetool_timeout=number("languagetool-timeout", 10.0),
    )
    settings = Settings(
        select=lists.get("select", ()),
        ignore=lists.get("ignore", ()),
        min_confidence=number("min-confidence", 0.0),
        include=lists.get("include", DEFAULT_INCLUDE),
        exclude=lists.get("exclude", ()),
        options=options,
        max_file_size=int(number("max-file-size", DEFAULT_MAX_BYTES)),
        root=str(path.parent),
        source=str(path),
    )
    settings.codes  # noqa: B018 - validates the rule codes now, with the file named
    return settings


def _number(path: Path, table: dict[str, Any]) -> Any:
    def get(key: str, default: float) -> float:
        value = table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
            raise ConfigError(f"{path}: {key} must be a non-negative number")
        if key == "min-confidence" and value > 1:
            raise ConfigError(f"{path}: min-confidence must lie between 0 and 1")
        return float(value)

    return get


_CACHE: dict[Path | None, Settings] = {}


def settings_for(path: str) -> Settings:
    """Settings for a path (file, folder, or ``-`` for the current folder), cached per config file."""
    start = os.getcwd() if path == "-" else path
    found = find_config(start)
    if found not in _CACHE:
        _CACHE[found] = load(found) if found else Settings()
    return _CACHE[found]


def validate_codes(codes: Sequence[str], where: str) -> None:
    """Raise :class:`ConfigError` when a code list names an unknown rule."""
    try:
        registry.expand(codes)
    except registry.UnknownRuleError as exc:
        raise ConfigError(f"{exc} ({where})") from None
