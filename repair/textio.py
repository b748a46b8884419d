"""Reading and writing files: encodings, line ends, atomic writes.

Decoding tries, in order: a byte-order mark (UTF-8, UTF-16, UTF-32), strict
UTF-8, then a legacy single-byte encoding (cp1252, or latin-1 where cp1252
leaves a byte undefined), as old Project Gutenberg texts are.  A file with NUL
bytes and no UTF-16/32 mark is binary; a file mixing valid multi-byte UTF-8
with invalid bytes, or full of control bytes, is undecodable.  Both are
skipped with a one-line reason, as are ISO-2022 files and single-byte files
whose letters, read as cp1252, are mostly accented (a legacy encoding of
another script: Cyrillic, Greek, Hebrew, Arabic).  The text keeps its line
ends as read, and is written back in the same encoding (with the same mark)
through a temporary file and a rename, keeping the file's mode.
"""

from __future__ import annotations

import codecs
import contextlib
import os
import stat
import tempfile
from dataclasses import dataclass

import regex

DEFAULT_MAX_BYTES = 20 * 1024 * 1024

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
# Control bytes that text files do not hold (tab, line ends, form feed and escape are allowed).
_CONTROL_BYTES = bytes([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20), 0x7F])
_UTF8_MULTIBYTE = regex.compile(rb"[\xc2-\xf4][\x80-\xbf]+")
_NEWLINE = regex.compile(r"\r\n|\r|\n")
# An ISO-2022 designation of a multi-byte character set (JIS X 0208, GB 2312, KS X 1001...): no
# terminal's colour codes or ASCII designations ("ESC ( B") match.
_ISO_2022 = regex.compile(rb"\x1b\$[@AB()*+]")
_LETTER = regex.compile(r"\p{L}")
_MIN_LETTERS = 20


class InputError(Exception):
    """A file that cannot be read as text (or written back); the message is one line."""


@dataclass(frozen=True)
class Decoded:
    """A decoded file: its text as read and how to write it back."""

    text: str
    encoding: str
    bom: bytes = b""

    @property
    def newline(self) -> str:
        """The first line-end style in the text (``\\n`` when there is none)."""
        m = _NEWLINE.search(self.text)
        return m.group() if m else "\n"

    def encode(self, text: str) -> bytes:
        """``text`` in this file's encoding, with its byte-order mark."""
        try:
            return self.bom + text.encode(self.encoding)
        except UnicodeEncodeError as exc:
            raise InputError(f"the fixed text cannot be written in {self.encoding}: {exc.reason}") from None

    def can_encode(self, text: str) -> bool:
        """Whether ``text`` is representable in this file's encoding."""
        try:
            text.encode(self.encoding)
        except UnicodeEncodeError:
            return False
        return True


def _controls(data: bytes) -> int:
    """How many control bytes ``data`` holds (counted by deleting them, in C)."""
    return len(data) - len(data.translate(None, _CONTROL_BYTES))


def decode(data: bytes) -> Decoded:
    """Decode file bytes, or raise :class:`InputError` saying why they are not text."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return Decoded(data[len(bom) :].decode(encoding), encoding, bom)
            except UnicodeDecodeError:
                raise InputError(
                    f"undecodable: starts with a {encoding} mark but is not {encoding}"
                ) from None
    if b"\x00" in data:
        raise InputError("binary file (contains NUL bytes)")
    if len(data) >= 64 and _controls(data) > len(data) // 20:
        raise InputError("binary file (mostly control bytes)")
    if b"\x1b" in data and _ISO_2022.search(data):
        raise InputError("not English: ISO-2022 text (Japanese, Chinese or Korean in 7-bit escape codes)")
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    if _UTF8_MULTIBYTE.search(data) and len(_UTF8_MULTIBYTE.findall(data)) > 2:
        raise InputError(f"undecodable: invalid UTF-8 at byte {utf8_error.start} in a UTF-8 file")
    if _controls(data) > max(2, len(data) // 1000):
        raise InputError("undecodable: neither UTF-8 nor single-byte text (too many control bytes)")
    try:
        decoded = Decoded(data.decode("cp1252"), "cp1252")
    except UnicodeDecodeError:
        decoded = Decoded(data.decode("latin-1"), "latin-1")
    if _other_script(decoded.text):
        raise InputError(
            "undecodable: not UTF-8, and read as Western European (cp1252) most of its letters are "
            "accented: a legacy encoding of another script (Cyrillic, Greek, Hebrew, Arabic...)"
        )
    return decoded


def _other_script(text: str) -> bool:
    """Whether most letters of ``text``, a single-byte file read as cp1252 or latin-1, are
    accented: Russian in cp1251 or Greek in ISO-8859-7 so read, where Western European text has
    a few in a hundred (measured: French, Spanish, Hungarian, Turkish at most 15%, the
    Cyrillic, Greek, Hebrew and Arabic files of chardet's test set at least 84%)."""
    letters = _LETTER.findall(text, 0, 20000)
    return len(letters) >= _MIN_LETTERS and sum(1 for c in letters if c > "\x7f") * 2 >= len(letters)


def read(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> Decoded:
    """Read and decode a file; :class:`InputError` with a one-line reason otherwise."""
    try:
        size = os.stat(path).st_size
        if size > max_bytes:
            raise InputError(
                f"too large ({size / 1048576:.1f} MB; the limit is {max_bytes / 1048576:.0f} MB, "
                "set max-file-size in the configuration, or use `repair corpus`)"
            )
        with open(path, "rb") as fh:
            data = fh.read()
    except OSError as exc:
        raise InputError(_os_reason(exc)) from None
    return decode(data)


def write_atomic(path: str, data: bytes) -> None:
    """Replace ``path`` by ``data`` atomically, keeping its mode; the original survives any failure."""
    try:
        st = os.stat(path)
    except OSError as exc:
        raise InputError(_os_reason(exc)) from None
    if not st.st_mode & stat.S_IWUSR:
        raise InputError("read-only file, not changed")
    real = os.path.realpath(path)
    folder = os.path.dirname(real) or "."
    try:
        fd, tmp = tempfile.mkstemp(prefix=".repair-", suffix=".tmp", dir=folder)
    except OSError as exc:
        raise InputError(f"cannot write next to the file: {_os_reason(exc)}") from None
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, stat.S_IMODE(st.st_mode))
        os.replace(tmp, real)
    except OSError as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise InputError(f"write failed, file left unchanged: {_os_reason(exc)}") from None
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _os_reason(exc: OSError) -> str:
    return exc.strerror.lower() if exc.strerror else str(exc)
