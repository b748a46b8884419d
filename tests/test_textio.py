"""Decoding, encoding and atomic writes."""

from __future__ import annotations

import codecs
import os
import stat

import pytest

from repair import textio


@pytest.mark.parametrize(
    ("data", "encoding", "text"),
    [
        (b"plain ascii\n", "utf-8", "plain ascii\n"),
        ("caf\u00e9 \u2019quoted\u2019\r\n".encode(), "utf-8", "caf\u00e9 \u2019quoted\u2019\r\n"),
        (codecs.BOM_UTF8 + "na\u00efve".encode(), "utf-8", "na\u00efve"),
        (codecs.BOM_UTF16_LE + "\u00e9t\u00e9\n".encode("utf-16-le"), "utf-16-le", "\u00e9t\u00e9\n"),
        (codecs.BOM_UTF16_BE + "hi\n".encode("utf-16-be"), "utf-16-be", "hi\n"),
        (
            "It\u2019s \u201cold\u201d caf\u00e9\r\n".encode("cp1252"),
            "cp1252",
            "It\u2019s \u201cold\u201d caf\u00e9\r\n",
        ),
        (b"M\xfcller and \x81 byte", "latin-1", "M\u00fcller and \x81 byte"),
    ],
)
def test_decode_round_trips(data: bytes, encoding: str, text: str) -> None:
    decoded = textio.decode(data)
    assert decoded.encoding == encoding
    assert decoded.text == text
    assert decoded.encode(decoded.text) == data


def test_newline_style_is_the_first_seen() -> None:
    assert textio.decode(b"a\r\nb\nc").newline == "\r\n"
    assert textio.decode(b"a\rb").newline == "\r"
    assert textio.decode(b"no newline").newline == "\n"


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary"),
        ("d\u00e9j\u00e0 vu, \u00fcber, na\u00efve ".encode() + b"\xff\xfe broken", "undecodable"),
        (bytes(range(1, 32)) * 20, "binary"),
        (codecs.BOM_UTF8 + b"\xff\xff", "undecodable"),
    ],
)
def test_non_text_is_refused_with_a_reason(data: bytes, reason: str) -> None:
    with pytest.raises(textio.InputError, match=reason):
        textio.decode(data)


def test_encode_refuses_characters_the_encoding_lacks() -> None:
    decoded = textio.decode("caf\u00e9".encode("cp1252") + b"\xe9")
    assert not decoded.can_encode("\u4e2d")
    with pytest.raises(textio.InputError, match="cannot be written"):
        decoded.encode("\u4e2d")


def test_write_atomic_keeps_mode_and_replaces_content(tmp_path) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"old")
    os.chmod(path, 0o640)
    textio.write_atomic(str(path), b"new")
    assert path.read_bytes() == b"new"
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert [p.name for p in tmp_path.iterdir()] == ["doc.txt"]


def test_write_atomic_refuses_read_only_file(tmp_path) -> None:
    path = tmp_path / "ro.txt"
    path.write_bytes(b"keep me")
    os.chmod(path, 0o444)
    with pytest.raises(textio.InputError, match="read-only"):
        textio.write_atomic(str(path), b"changed")
    assert path.read_bytes() == b"keep me"


def test_failed_write_midway_leaves_the_original(tmp_path, monkeypatch) -> None:
    path = tmp_path / "doc.txt"
    path.write_bytes(b"original content")
    real_fdopen = os.fdopen

    class Exploding:
        def __init__(self, fh):
            self.fh = fh

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()
            return False

        def write(self, data):
            self.fh.write(data[: len(data) // 2])
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fdopen", lambda fd, mode: Exploding(real_fdopen(fd, mode)))
    with pytest.raises(textio.InputError, match="left unchanged"):
        textio.write_atomic(str(path), b"a much longer replacement text")
    assert path.read_bytes() == b"original content"
    assert [p.name for p in tmp_path.iterdir()] == ["doc.txt"]


def test_read_refuses_files_over_the_limit(tmp_path) -> None:
    path = tmp_path / "big.txt"
    path.write_bytes(b"x" * 2048)
    with pytest.raises(textio.InputError, match="too large"):
        textio.read(str(path), max_bytes=1024)


# Written for these tests.
_RUSSIAN = "Вечером мы долго гуляли по набережной и говорили о том, куда поехать летом.\n"
_GREEK = "Το πρωί πήγαμε στην αγορά και αγοράσαμε ψωμί, τυρί και ελιές για το ταξίδι.\n"
_FRENCH = "Le café était fermé, alors nous avons marché jusqu'à la gare sous la pluie.\n"


@pytest.mark.parametrize(
    ("text", "encoding"), [(_RUSSIAN, "cp1251"), (_RUSSIAN, "koi8-r"), (_GREEK, "iso-8859-7")]
)
def test_a_legacy_encoding_of_another_script_is_refused(text: str, encoding: str) -> None:
    # read as cp1252 these are accented gibberish ("Âå÷åðîì"), which other rules would "repair"
    with pytest.raises(textio.InputError, match="legacy encoding of another script"):
        textio.decode(text.encode(encoding))


def test_western_european_single_byte_text_is_still_read() -> None:
    decoded = textio.decode(_FRENCH.encode("cp1252"))
    assert (decoded.encoding, decoded.text) == ("cp1252", _FRENCH)


def test_iso_2022_text_is_refused_and_terminal_codes_are_not() -> None:
    with pytest.raises(textio.InputError, match="ISO-2022"):
        textio.decode("今日は晴れです。\n".encode("iso2022_jp"))
    # a terminal log: colour codes and the ASCII designation "ESC ( B" that tput writes
    log = b"build \x1b[32mok\x1b(B\x1b[m in 3 s\n"
    assert textio.decode(log).text == log.decode()
