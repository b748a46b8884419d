"""Contract tests of the grammar family against a local stand-in for LanguageTool's HTTP API.

The stand-in (:class:`StubLanguageTool`) is an ``http.server`` on 127.0.0.1 with
a free port; it answers ``POST /v2/check`` with JSON of the documented shape
(https://languagetool.org/http-api/: ``matches[].offset/length/message/
shortMessage/replacements[].value/rule.id/rule.description/rule.issueType/
rule.category.id/rule.category.name``, offsets in UTF-16 units) for a handful of
LanguageTool rules, and records every request it receives so the tests can
assert on what was sent.  Nothing here touches the network beyond 127.0.0.1.

A further test runs against a real server when ``REPAIR_LT_URL`` is set.
"""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import threading
import urllib.parse
import urllib.request
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import regex

import repair
from repair import registry
from repair.detectors import grammar
from repair.document import Options
from repair.grammar import client

pytestmark = pytest.mark.contract

# (pattern whose group 1 is the span, rule id, category id, category name, issue type, message, replacements)
STUB_RULES: tuple[tuple[str, str, str, str, str, str, tuple[str, ...]], ...] = (
    (
        r"\b[Hh]e (go)\b",
        "HE_VERB_AGR",
        "GRAMMAR",
        "Grammar",
        "grammar",
        "The pronoun 'He' is usually used with a third-person or a past tense verb.",
        ("goes",),
    ),
    (
        r"\w( ,)",
        "COMMA_PARENTHESIS_WHITESPACE",
        "TYPOGRAPHY",
        "Typography",
        "whitespace",
        "Put a space after the comma, but not before the comma.",
        (",",),
    ),
    (
        r"\b(returned back)\b",
        "RETURN_BACK",
        "REDUNDANCY",
        "Redundant Phrases",
        "style",
        "This phrase is redundant. Consider using 'returned'.",
        ("returned",),
    ),
    (
        r"\b(recieved)\b",
        "MORFOLOGIK_RULE_EN_US",
        "TYPOS",
        "Possible Typo",
        "misspelling",
        "Possible spelling mistake found.",
        ("received", "relieved"),
    ),
)


def utf16_len(text: str) -> int:
    """Length of ``text`` in UTF-16 code units, as LanguageTool (Java) counts."""
    return len(text.encode("utf-16-le")) // 2


def stub_answer(text: str) -> dict[str, Any]:
    """A documented-shape ``/v2/check`` answer for ``text``."""
    matches = []
    for pattern, rule_id, cat_id, cat_name, issue, message, replacements in STUB_RULES:
        for m in regex.finditer(pattern, text):
            start, end = m.span(1)
            offset, length = utf16_len(text[:start]), utf16_len(text[start:end])
            matches.append(
                {
                    "message": message,
                    "shortMessage": "",
                    "replacements": [{"value": r} for r in replacements],
                    "offset": offset,
                    "length": length,
                    "context": {"text": text[max(0, start - 20) : end + 20], "offset": 0, "length": length},
                    "sentence": text,
                    "type": {"typeName": "Other"},
                    "rule": {
                        "id": rule_id,
                        "description": message,
                        "issueType": issue,
                        "category": {"id": cat_id, "name": cat_name},
                    },
                    "ignoreForIncompleteSentence": False,
                    "contextForSureMatch": 0,
                }
            )
    matches.sort(key=lambda m: m["offset"])
    return {
        "software": {"name": "LanguageTool", "version": "6.4", "buildDate": "2024-03-28", "apiVersion": 1},
        "warnings": {"incompleteResults": False},
        "language": {"name": "English (US)", "code": "en-US", "detectedLanguage": {"name": "English (US)"}},
        "matches": matches,
    }


class StubLanguageTool:
    """A local stand-in for a LanguageTool server; ``mode`` is ``ok``, ``slow``, ``garbage`` or ``error``."""

    def __init__(self, mode: str = "ok") -> None:
        self.mode = mode
        self.requests: list[dict[str, str]] = []
        self.release = threading.Event()
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                size = int(self.headers.get("Content-Length") or 0)
                form = dict(urllib.parse.parse_qsl(self.rfile.read(size).decode("utf-8")))
                stub.requests.append({"path": self.path, **form})
                if stub.mode == "slow":
                    stub.release.wait(5)
                    return
                if stub.mode == "error":
                    self.send_error(500, "Internal Server Error")
                    return
                body = (
                    b"<html>not json</html>"
                    if stub.mode == "garbage"
                    else json.dumps(stub_answer(form.get("text", ""))).encode("utf-8")
                )
                if self.path != "/v2/check" or form.get("language") != "en-US":
                    self.send_error(400, "bad request")
                    return
                self.send_response(200)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )
        self.thread.start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"

    @property
    def texts(self) -> list[str]:
        """Every text received, in order."""
        return [r.get("text", "") for r in self.requests]

    def close(self) -> None:
        self.release.set()
        self.server.shutdown()
        self.server.server_close()


@pytest.fixture(autouse=True)
def _fresh_client() -> Iterator[None]:
    """No failed server, warning or cached answer carried over between tests."""
    client.reset()
    yield
    client.reset()


@pytest.fixture
def stub() -> Iterator[StubLanguageTool]:
    server = StubLanguageTool()
    yield server
    server.close()


@pytest.fixture
def stub_factory() -> Iterator[Callable[[str], StubLanguageTool]]:
    made: list[StubLanguageTool] = []

    def make(mode: str) -> StubLanguageTool:
        made.append(StubLanguageTool(mode))
        return made[-1]

    yield make
    for s in made:
        s.close()


def closed_port_url() -> str:
    """A URL on 127.0.0.1 where nothing listens."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def opts(url: str, timeout: float = 2.0) -> Options:
    return Options(languagetool=url, languagetool_timeout=timeout)


GRM_RULES = [r for r in registry.all_rules() if r.prefix == "GRM"]
EXAMPLES = [pytest.param(r, i, id=f"{r.code}-{i}") for r in GRM_RULES for i in range(len(r.examples))]
CLEAN = [pytest.param(r, i, id=f"{r.code}-clean-{i}") for r in GRM_RULES for i in range(len(r.clean))]


# --- the rules' own examples, run against the stand-in -----------------------------------------


@pytest.mark.parametrize(("rule", "index"), EXAMPLES)
def test_example_is_flagged_and_fixed(rule: registry.Rule, index: int, stub: StubLanguageTool) -> None:
    ex = rule.examples[index]
    o = opts(stub.url)
    found = [f for f in repair.check(ex.text, select=[rule.code], options=o) if f.rule == rule.code]
    assert found, f"{rule.code} does not flag its example {ex.text!r}"
    fixed = repair.fix(ex.text, select=[rule.code], unsafe=ex.unsafe, options=o)
    if ex.fixed is None:
        assert fixed == ex.text
        return
    assert fixed == ex.fixed
    assert not [f for f in repair.check(ex.fixed, select=[rule.code], options=o) if f.rule == rule.code]


@pytest.mark.parametrize(("rule", "index"), CLEAN)
def test_clean_example_is_not_flagged(rule: registry.Rule, index: int, stub: StubLanguageTool) -> None:
    text = rule.clean[index]
    assert not [
        f for f in repair.check(text, select=[rule.code], options=opts(stub.url)) if f.rule == rule.code
    ]


def test_every_grammar_rule_is_off_by_default_and_reports_itself_unavailable() -> None:
    assert {r.code for r in GRM_RULES} == {"GRM001", "GRM002", "GRM003", "GRM004"}
    assert not any(r.default_enabled for r in GRM_RULES)
    assert grammar.unavailable(Options()) is not None
    assert grammar.unavailable(Options(languagetool="http://127.0.0.1:1")) is None


# --- findings: offsets, replacements, rule id and message, applicability -----------------------


def test_finding_carries_languagetool_rule_message_and_replacements(stub: StubLanguageTool) -> None:
    text = "Yesterday he go to the market , and the letter was recieved."
    found = repair.check(text, select=["GRM"], options=opts(stub.url))
    by_rule = {f.rule: f for f in found}
    assert set(by_rule) == {"GRM001", "GRM002", "GRM004"}
    g = by_rule["GRM001"]
    assert text[g.start : g.end] == "go"
    assert g.replacements == ("goes",)
    assert "HE_VERB_AGR" in g.explanation and "third-person" in g.explanation
    assert g.applicability.value == "unsafe" and g.confidence == 0.7
    p = by_rule["GRM002"]
    assert text[p.start : p.end] == " ," and p.replacements == (",",)
    assert p.applicability.value == "unsafe" and "COMMA_PARENTHESIS_WHITESPACE" in p.explanation
    s = by_rule["GRM004"]
    assert text[s.start : s.end] == "recieved" and s.applicability.value == "display"
    assert s.replacements == ("received", "relieved")  # the first as the fix, the rest as alternatives
    assert all(f.category.value == "grammar" for f in found)
    assert stub.requests[0]["language"] == "en-US" and stub.requests[0]["path"] == "/v2/check"


def test_offsets_after_characters_outside_the_bmp(stub: StubLanguageTool) -> None:
    text = "🙂🙂 Fine. 𝔘 He go home , then."
    found = repair.check(text, select=["GRM"], options=opts(stub.url))
    assert sorted(text[f.start : f.end] for f in found) == [" ,", "go"]


def test_fix_applies_only_unsafe_fixes_when_asked(stub: StubLanguageTool) -> None:
    text = "Wait , what? He returned back home."
    o = opts(stub.url)
    assert repair.fix(text, select=["GRM"], options=o) == text
    assert repair.fix(text, select=["GRM"], options=o, unsafe=True) == "Wait, what? He returned back home."


# --- protected spans are never sent and never reported -----------------------------------------


def test_protected_spans_are_not_sent_nor_reported(stub: StubLanguageTool) -> None:
    text = (
        "Run `he go secret_code()` first.\n"
        "See https://example.com/he-go-private for more , or mail he.go@example.org now.\n"
        "\n"
        "```\nhe go inside a code block\n```\n"
        "\n"
        "Then he go to bed.\n"
    )
    found = repair.check(text, kind="markdown", select=["GRM"], options=opts(stub.url))
    sent = "".join(stub.texts)
    for secret in ("secret_code", "example.com", "he-go-private", "example.org", "inside a code block"):
        assert secret not in sent
    assert [(f.rule, text[f.start : f.end]) for f in found] == [("GRM002", " ,"), ("GRM001", "go")]
    assert found[1].start == text.index("he go to bed") + 3


# --- long texts: pieces within the limit, offsets mapped back ----------------------------------


def test_long_text_is_sent_in_pieces_and_offsets_map_back(
    stub: StubLanguageTool, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(grammar, "CHUNK_LIMIT", 120)
    paragraphs = [f"Paragraph {i}: 🙂 then he go to town number {i} , quickly." for i in range(12)]
    text = "\n\n".join(paragraphs) + "\n"
    found = repair.check(text, select=["GRM"], options=opts(stub.url))
    assert len(stub.requests) > 1
    assert all(len(t) <= 120 for t in stub.texts)
    assert "".join(stub.texts).replace("\n", "") == text.replace("\n", "")
    go = [f for f in found if f.rule == "GRM001"]
    commas = [f for f in found if f.rule == "GRM002"]
    assert len(go) == len(commas) == 12
    assert all(text[f.start : f.end] == "go" for f in go)
    assert all(text[f.start : f.end] == " ," for f in commas)
    assert [f.start for f in go] == [m.start() + 3 for m in regex.finditer("he go", text)]


# --- no server: nothing sent, family off ----------------------------------------------------------


def test_no_server_sends_nothing(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    def forbidden(*args: object, **kwargs: object) -> None:
        raise AssertionError("network used with no server configured")

    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(urllib.request.OpenerDirector, "open", forbidden)
    assert repair.check("He go to school , today.", select=["GRM"]) == []
    assert repair.check("He go to school again.", select=["GRM"]) == []
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "no LanguageTool server configured" in err[0]


def test_rules_lists_the_family_as_off(run: Callable[..., tuple[int, str, str]]) -> None:
    code, out, _ = run("rules")
    assert code == 0
    lines = [line for line in out.splitlines() if line.startswith("GRM")]
    assert len(lines) == 4 and all("[off by default]" in line for line in lines)


# --- server configured but unreachable, slow, or broken ----------------------------------------

ARTIFACTS = (
    "Troops landed at the airfield outside the city.Credit:Example Press Agency\n\nHe go home , now.\n"
)


def _files(folder: Path, timeout: float | None = None) -> list[str]:
    (folder / ".repair.toml").write_text(
        "" if timeout is None else f"languagetool-timeout = {timeout}\n", encoding="utf-8"
    )
    paths = []
    for name in ("a.txt", "b.txt", "c.txt"):
        (folder / name).write_text(ARTIFACTS, encoding="utf-8")
        paths.append(str(folder / name))
    return paths


def _assert_degrades_to_other_families(
    run: Callable[..., tuple[int, str, str]], paths: list[str], url: str
) -> str:
    base_code, base_out, base_err = run("check", "--select", "SCR", *paths)
    assert base_err == ""
    code, out, err = run("check", "--select", "SCR,GRM", "--languagetool", url, *paths)
    assert (code, out) == (base_code, base_out)
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("repair: warning: LanguageTool server") and "Traceback" not in err
    return lines[0]


def test_unreachable_server_costs_one_warning(
    tmp_path: Path, run: Callable[..., tuple[int, str, str]]
) -> None:
    line = _assert_degrades_to_other_families(run, _files(tmp_path), closed_port_url())
    assert "GRM" in line


def test_slow_server_times_out_once(
    tmp_path: Path, run: Callable[..., tuple[int, str, str]], stub_factory: Callable[[str], StubLanguageTool]
) -> None:
    slow = stub_factory("slow")
    line = _assert_degrades_to_other_families(run, _files(tmp_path, timeout=0.5), slow.url)
    assert "0.5 s" in line
    assert len(slow.requests) == 1  # given up on after the first timeout, not once per file


@pytest.mark.parametrize("mode", ["garbage", "error"])
def test_broken_server_costs_one_warning(
    mode: str,
    tmp_path: Path,
    run: Callable[..., tuple[int, str, str]],
    stub_factory: Callable[[str], StubLanguageTool],
) -> None:
    broken = stub_factory(mode)
    _assert_degrades_to_other_families(run, _files(tmp_path), broken.url)


# --- the command line, end to end ----------------------------------------------------------------


def test_cli_check_with_languagetool(
    tmp_path: Path, run: Callable[..., tuple[int, str, str]], stub: StubLanguageTool
) -> None:
    paths = _files(tmp_path)
    code, out, err = run(
        "check", "--select", "SCR,GRM", "--languagetool", stub.url, "--format", "json", paths[0]
    )
    assert err == "" and code == 1
    data = json.loads(out)
    rules = sorted(d["rule"] for d in data)
    assert "GRM001" in rules and "GRM002" in rules and any(r.startswith("SCR") for r in rules)
    go = next(d for d in data if d["rule"] == "GRM001")
    assert go["text"] == "go" and go["line"] == 3 and go["column"] == 4
    assert go["replacements"] == ["goes"] and go["category"] == "grammar"


def test_cli_languagetool_from_configuration(
    tmp_path: Path, run: Callable[..., tuple[int, str, str]], stub: StubLanguageTool
) -> None:
    (tmp_path / ".repair.toml").write_text(
        f'languagetool = "{stub.url}"\nselect = ["GRM"]\n', encoding="utf-8"
    )
    (tmp_path / "a.txt").write_text("He go home.\n", encoding="utf-8")
    code, out, err = run("check", str(tmp_path / "a.txt"))
    assert code == 1 and "GRM001" in out and err == ""


def test_cli_fix_unsafe_with_languagetool(
    tmp_path: Path, run: Callable[..., tuple[int, str, str]], stub: StubLanguageTool
) -> None:
    (tmp_path / ".repair.toml").write_text("", encoding="utf-8")
    target = tmp_path / "a.txt"
    target.write_text("Wait , what?\n", encoding="utf-8")
    code, _, err = run("fix", "--select", "GRM", "--unsafe-fixes", "--languagetool", stub.url, str(target))
    assert code == 0 and err == ""
    assert target.read_text(encoding="utf-8") == "Wait, what?\n"


def test_cli_languagetool_alone_turns_the_family_on(
    tmp_path: Path, run: Callable[..., tuple[int, str, str]], stub: StubLanguageTool
) -> None:
    (tmp_path / ".repair.toml").write_text("", encoding="utf-8")
    (tmp_path / "a.txt").write_text("He go home.\n", encoding="utf-8")
    code, out, _ = run("check", "--languagetool", stub.url, str(tmp_path / "a.txt"))
    assert code == 1 and "GRM001" in out


# --- a real LanguageTool server, when one is named ------------------------------------------------

REAL = os.environ.get("REPAIR_LT_URL")


@pytest.mark.skipif(
    not REAL, reason="set REPAIR_LT_URL=http://host:port to test against a real LanguageTool server"
)
def test_real_server() -> None:
    assert REAL is not None
    text = "He go to school every day. The letter was recieved yesterday , she said.\n\nSee `he go` here."
    found = repair.check(text, kind="markdown", select=["GRM"], options=opts(REAL, timeout=30))
    assert client.server_down(REAL) is None, client.server_down(REAL)
    assert found, "a real LanguageTool server found nothing in an ungrammatical text"
    assert all(0 <= f.start < f.end <= text.index("See `") for f in found)
    assert all("LanguageTool rule" in f.explanation for f in found)
    assert any(text[f.start : f.end] == "go" for f in found)


def test_unreachable_server_in_a_real_process(tmp_path: Path) -> None:
    """The console entry point itself: one warning line, no traceback, the other families' exit code."""
    paths = _files(tmp_path)
    env = {k: v for k, v in os.environ.items() if k != "REPAIR_DEBUG"} | {"NO_COLOR": "1"}
    argv = [
        sys.executable,
        "-m",
        "repair",
        "check",
        "--select",
        "SCR,GRM",
        "--languagetool",
        closed_port_url(),
    ]
    done = subprocess.run([*argv, *paths], capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert done.returncode == 1 and "SCR001" in done.stdout
    assert len(done.stderr.strip().splitlines()) == 1 and "Traceback" not in done.stderr
