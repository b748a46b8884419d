"""Shared fixtures."""

from __future__ import annotations

import importlib.util
import os
from collections.abc import Callable
from pathlib import Path
from types import ModuleType

import pytest

from repair import cli

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "kazakhstan-spun.txt"

# Text with scraping residue only: a caption credit glued to a sentence and a boilerplate line.
ARTIFACTS = "Troops landed at the airfield outside the city.Credit:Example Press Agency\n\nLeave a Reply\n"
ARTIFACTS_FIXED = "Troops landed at the airfield outside the city.\n\n"


@pytest.fixture(autouse=True)
def _plain_output(monkeypatch: pytest.MonkeyPatch) -> None:
    """No colour and no stray configuration from the environment."""
    monkeypatch.setenv("NO_COLOR", "1")
    monkeypatch.delenv("REPAIR_DEBUG", raising=False)


@pytest.fixture
def run(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> Callable[..., tuple[int, str, str]]:
    """Run the CLI in-process: returns (exit code, stdout, stderr)."""

    def go(*args: str, cwd: Path | None = None) -> tuple[int, str, str]:
        if cwd is not None:
            monkeypatch.chdir(cwd)
        code = cli.main(list(args))
        out, err = capsys.readouterr()
        return code, out, err

    return go


def one_line(err: str) -> bool:
    """Whether an error output is exactly one line starting with 'repair:'."""
    lines = err.strip().splitlines()
    return len(lines) == 1 and lines[0].startswith("repair: ")


@pytest.fixture
def clean_config(tmp_path: Path) -> Path:
    """A folder with an empty configuration, so an outer pyproject cannot leak in."""
    (tmp_path / ".repair.toml").write_text("", encoding="utf-8")
    return tmp_path


def load_tool(name: str) -> ModuleType:
    """The script ``tools/NAME.py`` imported as a module (the tools are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location(name, ROOT / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


__all__ = ["ARTIFACTS", "ARTIFACTS_FIXED", "ROOT", "SEED", "load_tool", "one_line", "os"]
