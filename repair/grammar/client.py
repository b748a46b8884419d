"""Talking to a LanguageTool server: ``POST /v2/check`` with a bounded timeout.

Why not language-tool-python's remote mode?  Read for version 3.4: its
``LanguageTool(..., remote_server=URL)`` queries ``/v2/languages`` while it is
being constructed, waits up to a fixed 300 seconds per request (a class constant,
not a parameter) and tries each check twice; its ``Match`` keeps class-level
state between calls.  A configured server that is down or slow would then stall
every file of a run.  This module therefore sends the documented request itself
(form fields ``text`` and ``language``, https://languagetool.org/http-api/) with
:mod:`urllib`, one attempt, a deadline on the whole exchange, and parses the
documented JSON (``matches[].offset/length/message/replacements[].value/
rule.id/rule.category``).  language-tool-python stays the reference for the
request's shape; nothing of it is imported at run time, so it can never start or
download a local LanguageTool.

Process-local state, documented because detectors are otherwise pure:

- a server that failed once (refused, timed out, answered garbage) is remembered
  as down for the rest of the process, so a run over many files waits for it at
  most once, and the warning about it is written once (one line on standard
  error) -- see :func:`check_text` and :func:`reset`;
- answers are cached per (server, language, text) so that ``repair fix``, which
  re-checks text until it stops changing, does not send unchanged pieces again.
"""

from __future__ import annotations

import functools
import ipaddress
import json
import sys
import time
import urllib.parse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import urllib.request

LANGUAGE = "en-US"
_READ_BLOCK = 65536
_MAX_RESPONSE = 50_000_000


class ServerError(Exception):
    """The server could not be reached, was too slow, or did not answer as documented."""


@dataclass(frozen=True)
class Match:
    """One LanguageTool match, offsets in UTF-16 code units relative to the text sent."""

    offset: int
    length: int
    message: str
    short_message: str
    replacements: tuple[str, ...]
    rule_id: str
    rule_description: str
    issue_type: str
    category_id: str
    category_name: str


def check_url(base: str) -> str:
    """The ``/v2/check`` endpoint of a server given as ``http://host:port`` (or with ``/v2``)."""
    url = base.strip()
    if "://" not in url:
        url = "http://" + url
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ServerError(f"not an http(s) URL: {base!r}")
    path = parts.path.rstrip("/")
    if path.endswith("/check"):
        path = path[: -len("/check")]
    if not path.endswith("/v2"):
        path += "/v2"
    return urllib.parse.urlunsplit((parts.scheme, parts.netloc, path + "/check", "", ""))


def _is_loopback(host: str | None) -> bool:
    if not host:
        return False
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def _opener(url: str) -> urllib.request.OpenerDirector:
    """An opener that honours proxy settings, except for a server on this machine."""
    import urllib.request  # deferred: http, ssl and certificates cost start-up time and most runs never post

    if _is_loopback(urllib.parse.urlsplit(url).hostname):
        return urllib.request.build_opener(urllib.request.ProxyHandler({}))
    return urllib.request.build_opener()


def post_check(url: str, text: str, timeout: float, language: str = LANGUAGE) -> dict[str, Any]:
    """Send ``text`` to a ``/v2/check`` endpoint; the decoded JSON answer.

    ``timeout`` bounds every socket operation and the whole exchange (a server
    that trickles its answer is cut off at the deadline).  Raises
    :class:`ServerError` on any failure.
    """
    import urllib.error
    import urllib.request

    body = urllib.parse.urlencode({"text": text, "language": language}).encode("utf-8")
    request = urllib.request.Request(
        url,
        data=body,
        method="POST",
        headers={"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
    )
    deadline = time.monotonic() + timeout
    try:
        with _opener(url).open(request, timeout=timeout) as response:
            data = bytearray()
            while True:
                if time.monotonic() > deadline:
                    raise ServerError(f"no complete answer within {timeout:g} s")
                block = response.read(_READ_BLOCK)
                if not block:
                    break
                data += block
                if len(data) > _MAX_RESPONSE:
                    raise ServerError("answer too large")
    except urllib.error.HTTPError as exc:
        raise ServerError(f"HTTP {exc.code} {exc.reason}".strip()) from None
    except urllib.error.URLError as exc:
        reason = exc.reason
        if isinstance(reason, TimeoutError) or "timed out" in str(reason):
            raise ServerError(f"no answer within {timeout:g} s") from None
        raise ServerError(str(getattr(reason, "strerror", None) or reason)) from None
    except TimeoutError:
        raise ServerError(f"no answer within {timeout:g} s") from None
    except (OSError, ValueError) as exc:
        raise ServerError(f"{type(exc).__name__}: {exc}") from None
    try:
        answer = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise ServerError("the answer is not JSON") from None
    if not isinstance(answer, dict) or not isinstance(answer.get("matches"), list):
        raise ServerError("the answer has no 'matches' list")
    return answer


def parse_matches(answer: dict[str, Any]) -> tuple[Match, ...]:
    """The well-formed matches of a ``/v2/check`` answer (malformed ones are skipped)."""
    out: list[Match] = []
    for m in answer.get("matches", ()):
        if not isinstance(m, dict):
            continue
        offset, length = m.get("offset"), m.get("length")
        if not isinstance(offset, int) or not isinstance(length, int) or offset < 0 or length < 0:
            continue
        rule: dict[str, Any] = m["rule"] if isinstance(m.get("rule"), dict) else {}
        category: dict[str, Any] = rule["category"] if isinstance(rule.get("category"), dict) else {}
        replacements = tuple(
            r["value"]
            for r in m.get("replacements") or ()
            if isinstance(r, dict) and isinstance(r.get("value"), str)
        )
        out.append(
            Match(
                offset=offset,
                length=length,
                message=str(m.get("message") or ""),
                short_message=str(m.get("shortMessage") or ""),
                replacements=replacements,
                rule_id=str(rule.get("id") or "UNKNOWN_RULE"),
                rule_description=str(rule.get("description") or ""),
                issue_type=str(rule.get("issueType") or ""),
                category_id=str(category.get("id") or ""),
                category_name=str(category.get("name") or ""),
            )
        )
    return tuple(out)


# --- process-local state: failed servers, warnings written, cached answers -------------------

_DOWN: dict[str, str] = {}
_WARNED: set[str] = set()
_NOTICES: set[str] = set()


def _stderr_line(message: str) -> None:
    print(f"repair: {message}", file=sys.stderr, flush=True)


#: Where warnings go (one line each).  Tests may replace it; the CLI leaves it.
warn: Callable[[str], None] = _stderr_line


def notice_once(key: str, message: str) -> None:
    """Write ``message`` through :data:`warn` unless a notice with ``key`` was written already."""
    if key not in _NOTICES:
        _NOTICES.add(key)
        warn(message)


def server_down(base: str) -> str | None:
    """Why the server at ``base`` was given up on in this process, or None."""
    return _DOWN.get(base)


def reset() -> None:
    """Forget failed servers, written warnings and cached answers (for tests and long-lived hosts)."""
    _DOWN.clear()
    _WARNED.clear()
    _NOTICES.clear()
    _cached_check.cache_clear()


@functools.lru_cache(maxsize=4096)
def _cached_check(url: str, text: str, timeout: float, language: str) -> tuple[Match, ...]:
    return parse_matches(post_check(url, text, timeout, language))


def check_text(base: str, text: str, timeout: float, language: str = LANGUAGE) -> tuple[Match, ...] | None:
    """LanguageTool's matches for ``text`` from the server at ``base``; None when it cannot answer.

    On the first failure the server is marked down for the rest of the process
    and one warning line is written; later calls return None at once, sending
    nothing.
    """
    if base in _DOWN:
        return None
    try:
        return _cached_check(check_url(base), text, timeout, language)
    except ServerError as exc:
        _DOWN[base] = str(exc)
        if base not in _WARNED:
            _WARNED.add(base)
            warn(
                f"warning: LanguageTool server {base} unavailable ({exc}); "
                "grammar rules (GRM) skipped for this run"
            )
        return None
