"""Configuration discovery, validation and effect."""

from __future__ import annotations

from pathlib import Path

import pytest

from repair import config


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_nearest_config_wins_and_pyproject_without_table_is_passed_over(tmp_path: Path) -> None:
    write(tmp_path / "pyproject.toml", "[tool.repair]\nmin-confidence = 0.4\n")
    write(tmp_path / "a" / "pyproject.toml", "[project]\nname = 'x'\n")
    write(tmp_path / "a" / "b" / ".repair.toml", "min-confidence = 0.7\n")
    (tmp_path / "a" / "c").mkdir()
    assert config.find_config(str(tmp_path / "a" / "b")) == tmp_path / "a" / "b" / ".repair.toml"
    assert config.find_config(str(tmp_path / "a" / "c")) == tmp_path / "pyproject.toml"
    assert config.load(tmp_path / "a" / "b" / ".repair.toml").min_confidence == 0.7


def test_word_lists_are_read_relative_to_the_config(tmp_path: Path) -> None:
    write(tmp_path / "names.txt", "# names\nKassenova\n\nBaunov\n")
    write(tmp_path / "extra.txt", "frobnicate\n")
    cfg = write(
        tmp_path / ".repair.toml",
        'allow-words = ["Tokayev"]\nallow-words-files = ["names.txt"]\ndictionaries = ["extra.txt"]\n'
        'include = ["*.txt"]\nexclude = ["drafts/**"]\nlanguagetool = "http://localhost:8081"\n',
    )
    s = config.load(cfg)
    assert s.options.allowed("Tokayev") and s.options.allowed("kassenova") and s.options.allowed("Baunov")
    assert s.options.extra_words == frozenset({"frobnicate"})
    assert s.include == ("*.txt",) and s.exclude == ("drafts/**",)
    assert s.options.languagetool == "http://localhost:8081"


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("colour = 1\n", "unknown configuration key 'colour'"),
        ("min-confidence = 2\n", "between 0 and 1"),
        ("min-confidence = 'high'\n", "non-negative number"),
        ("select = 3\n", "list of strings"),
        ('select = ["XYZ001"]\n', "unknown rule code"),
        ('ignore = ["SPN999"]\n', "unknown rule code"),
        ('allow-words-files = ["missing.txt"]\n', "cannot read word list"),
        ("this is not toml\n", "cannot read configuration"),
    ],
)
def test_bad_configuration_is_a_clear_error(tmp_path: Path, body: str, message: str) -> None:
    cfg = write(tmp_path / ".repair.toml", body)
    with pytest.raises(config.ConfigError, match=message):
        config.load(cfg)


def test_pyproject_unknown_key_names_the_file(tmp_path: Path) -> None:
    cfg = write(tmp_path / "pyproject.toml", "[tool.repair]\nselct = ['SCR']\n")
    with pytest.raises(config.ConfigError, match=r"pyproject\.toml: unknown configuration key 'selct'"):
        config.load(cfg)
