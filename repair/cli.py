"""The ``repair`` command line (the contract in DESIGN.md section 3).

Exit codes: 0 nothing found (or everything fixed), 1 findings remain, 2 usage
error or unreadable input.  Errors are one line on standard error, never a
traceback (set ``REPAIR_DEBUG=1`` to see one for an internal error).
"""

from __future__ import annotations

import argparse
import dataclasses
import functools
import gc
import os
import sys
from collections.abc import Callable, Sequence
from typing import TextIO

from repair import __version__, config, engine, files, registry, textio
from repair.config import ConfigError, Settings
from repair.files import FileResult, PathError, Target
from repair.render import FORMATS, use_color

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2


class UsageError(Exception):
    """A command line that cannot be carried out."""


def _error(message: str) -> None:
    print(f"repair: {message}", file=sys.stderr)


def _add_selection(p: argparse.ArgumentParser) -> None:
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, or - for standard input")
    p.add_argument("--select", metavar="CODES", help="comma-separated rule codes or prefixes to run")
    p.add_argument("--ignore", metavar="CODES", help="comma-separated rule codes or prefixes not to run")
    p.add_argument("--min-confidence", type=float, metavar="X", help="drop findings below this confidence")
    p.add_argument("--unsafe-fixes", action="store_true", help="also apply (with fix) fixes marked unsafe")
    p.add_argument("--languagetool", metavar="URL", help="LanguageTool server for the grammar family")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = argparse.ArgumentParser(
        prog="repair",
        description="Find and fix spinner artifacts, typing/OCR noise and scraping residue in English prose.",
    )
    parser.add_argument("--version", action="version", version=f"repair {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    sub.required = True

    check = sub.add_parser("check", help="report findings")
    _add_selection(check)
    check.add_argument("--format", choices=FORMATS, default="text", help="output format (default text)")

    fix = sub.add_parser("fix", help="apply fixes in place (or print a diff with --diff)")
    _add_selection(fix)
    fix.add_argument(
        "--diff", action="store_const", const="unified", help="print a unified diff, write nothing"
    )
    fix.add_argument("--diff-word", dest="diff", action="store_const", const="word", help=argparse.SUPPRESS)

    report = sub.add_parser("report", help="write an HTML review report")
    report.add_argument("paths", nargs="+", metavar="PATH", help="files or folders to review")
    report.add_argument("-o", "--output", default="reports/report.html", help="the HTML file to write")
    report.add_argument("--select", metavar="CODES", help="comma-separated rule codes or prefixes to run")
    report.add_argument("--ignore", metavar="CODES", help="comma-separated rule codes or prefixes not to run")
    report.add_argument("--min-confidence", type=float, metavar="X", help="drop findings below X")
    report.add_argument("--languagetool", metavar="URL", help="LanguageTool server for the grammar family")

    apply = sub.add_parser("apply", help="apply the decisions exported from an HTML report")
    apply.add_argument("decisions", metavar="DECISIONS.json", help="exported from the report")
    apply.add_argument("--diff", action="store_true", help="print a unified diff, write nothing")

    corpus = sub.add_parser("corpus", help="clean a corpus (files, JSONL or Parquet)")
    corpus.add_argument("input", metavar="IN", help="folder of text files, JSONL file or folder, or Parquet")
    corpus.add_argument("output", metavar="OUT", help="folder for the cleaned corpus and the reports")
    corpus.add_argument("--engine", choices=("local", "dask"), default="local", help="default local")
    corpus.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler, tcp://HOST:PORT")
    corpus.add_argument("--workers", type=int, metavar="N", help="worker processes (default: all cores)")
    from repair.corpus.options import add_arguments as add_corpus_arguments

    add_corpus_arguments(corpus)

    rules = sub.add_parser("rules", help="list every rule with its code, category, summary and example")
    rules.add_argument("codes", nargs="*", metavar="CODE", help="show the full documentation of these rules")
    rules.add_argument("--format", choices=("text", "json"), default="text")
    return parser


def _normalise_argv(argv: Sequence[str]) -> list[str]:
    """``--diff=word`` / ``--diff=unified`` spelled as the parser knows them."""
    out = []
    for a in argv:
        if a == "--diff=word":
            out.append("--diff-word")
        elif a == "--diff=unified":
            out.append("--diff")
        elif a.startswith("--diff="):
            raise UsageError(f"--diff takes 'unified' or 'word', not {a.split('=', 1)[1]!r}")
        else:
            out.append(a)
    return out


def _codes(value: str | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    codes = tuple(c.strip() for c in value.split(",") if c.strip())
    config.validate_codes(codes, "command line")
    return codes


def _settings(args: argparse.Namespace) -> Callable[[str], Settings]:
    if args.min_confidence is not None and not 0 <= args.min_confidence <= 1:
        raise UsageError("--min-confidence must lie between 0 and 1")
    select, ignore = _codes(args.select), _codes(args.ignore)
    cache: dict[str, Settings] = {}

    def settings_for(path: str) -> Settings:
        base = config.settings_for(path)
        key = base.source or ""
        if key not in cache:
            s = base.override(select=select, ignore=ignore, min_confidence=args.min_confidence)
            if args.languagetool:
                s = dataclasses.replace(
                    s, options=dataclasses.replace(s.options, languagetool=args.languagetool)
                )
            if getattr(args, "unsafe_fixes", False):
                s = dataclasses.replace(s, options=dataclasses.replace(s.options, unsafe_fixes=True))
            s.codes  # noqa: B018 - validates configured codes early
            cache[key] = s
        return cache[key]

    return settings_for


def _stdin_text() -> str:
    data = sys.stdin.buffer.read()
    return textio.decode(data).text


def _load_all(args: argparse.Namespace) -> tuple[list[tuple[Target, FileResult, Settings]], int]:
    settings_for = _settings(args)
    status = EXIT_CLEAN
    loaded = []
    stdin_text = None
    for target in files.targets(args.paths, settings_for):
        settings = settings_for(target.path)
        if target.path == files.STDIN:
            try:
                stdin_text = _stdin_text() if stdin_text is None else stdin_text
            except textio.InputError as exc:
                _error(f"standard input: {exc}")
                status = EXIT_ERROR
                continue
        result = files.load(target.path, settings, stdin_text)
        if result.error:
            if target.explicit:
                _error(f"{target.path}: {result.error}")
                status = EXIT_ERROR
            else:
                _error(f"skipped {target.path}: {result.error}")
            continue
        loaded.append((target, result, settings))
    return loaded, status


PARALLEL_MIN_CHARS = 200_000


def _run_all(
    work: Callable[[FileResult, Settings], FileResult], loaded: list[tuple[Target, FileResult, Settings]]
) -> list[FileResult]:
    """Apply ``work`` to every loaded file, in input order; in worker processes when it pays.

    The lazily loaded resources (word lists, language model) are loaded here
    first (:func:`repair.engine.warm`), so that the forked workers share them
    instead of loading them again each.  The largest files are handed out first,
    so that no worker is left with a big file at the end while the others idle.
    """
    jobs = [(result, settings) for _, result, settings in loaded]
    size = sum(_chars(r) for r, _ in jobs)
    cpus = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    if len(jobs) < 2 or size < PARALLEL_MIN_CHARS or cpus < 2 or sys.platform == "win32":
        return [work(r, s) for r, s in jobs]
    import concurrent.futures
    import multiprocessing

    first = jobs[0][1]
    engine.warm(first.codes, first.options, first.min_confidence)
    gc.freeze()  # what is loaded now lives as long as the workers: no collector pass need scan it
    order = sorted(range(len(jobs)), key=lambda i: -_chars(jobs[i][0]))
    context = multiprocessing.get_context("fork")
    with concurrent.futures.ProcessPoolExecutor(max_workers=min(cpus, len(jobs)), mp_context=context) as pool:
        results = pool.map(work, *zip(*(jobs[i] for i in order), strict=True))
        done: dict[int, FileResult] = dict(zip(order, results, strict=True))
    return [done[i] for i in range(len(jobs))]


def _chars(result: FileResult) -> int:
    return len(result.document.text) if result.document is not None else 0


def cmd_check(args: argparse.Namespace) -> int:
    """``repair check``."""
    loaded, status = _load_all(args)
    results = []
    for result in _run_all(files.check_file, loaded):
        if result.error:
            _error(f"{result.path}: {result.error}")
            status = EXIT_ERROR
            continue
        results.append(result)
    out = sys.stdout
    if args.format == "json":
        from repair.render import json as render_json

        out.write(render_json.render(results))
    elif args.format == "sarif":
        from repair.render import sarif

        out.write(sarif.render(results))
    elif args.format == "github":
        from repair.render import github

        out.write(github.render(results))
    else:
        from repair.render import text

        out.write(text.render(results, color=use_color(out)))
    found = any(r.findings for r in results)
    return max(status, EXIT_FINDINGS if found else EXIT_CLEAN)


def cmd_fix(args: argparse.Namespace) -> int:
    """``repair fix``: in place, to standard output for ``-``, or as a diff with ``--diff``."""
    from repair.render import diff as render_diff
    from repair.render import text

    loaded, status = _load_all(args)
    remaining: list[FileResult] = []
    fixed_count = changed_files = 0
    work = functools.partial(files.fix_file, unsafe=args.unsafe_fixes)
    for result in _run_all(work, loaded):
        if result.error:
            _error(f"{result.path}: {result.error}")
            status = EXIT_ERROR
            continue
        assert result.fixed_text is not None and result.decoded is not None
        if args.diff == "word":
            sys.stdout.write(render_diff.word_diff(result, use_color(sys.stdout)))
        elif args.diff:
            sys.stdout.write(render_diff.unified(result))
        elif result.path == files.STDIN:
            sys.stdout.write(result.fixed_text)
        elif result.changed:
            try:
                textio.write_atomic(result.path, result.decoded.encode(result.fixed_text))
            except textio.InputError as exc:
                _error(f"{result.path}: {exc}")
                status = EXIT_ERROR
                continue
        if result.changed:
            fixed_count += result.applied
            changed_files += 1
        remaining.append(result)
    report = sys.stderr if (args.diff or any(r.path == files.STDIN for r in remaining)) else sys.stdout
    left = sum(len(r.findings) for r in remaining)
    if left:
        report.write(text.render(remaining, color=use_color(report)))
    verb = "Would fix" if args.diff else "Fixed"
    report.write(
        f"{verb} {fixed_count} finding{'s' * (fixed_count != 1)} in {changed_files} "
        f"file{'s' * (changed_files != 1)}; {left} remaining.\n"
    )
    return max(status, EXIT_FINDINGS if left else EXIT_CLEAN)


def cmd_rules(args: argparse.Namespace) -> int:
    """``repair rules``: every rule, or the full documentation of the named ones."""
    import json

    rules = registry.all_rules()
    if args.codes:
        config.validate_codes(args.codes, "command line")
        wanted = registry.expand(args.codes)
        rules = [r for r in rules if r.code in wanted]
    if args.format == "json":
        data = [
            {
                "code": r.code,
                "name": r.name,
                "category": r.category.value,
                "summary": r.summary,
                "doc": r.doc,
                "examples": [dataclasses.asdict(e) for e in r.examples],
                "enabled_by_default": r.default_enabled,
            }
            for r in rules
        ]
        sys.stdout.write(json.dumps(data, ensure_ascii=False, indent=1) + "\n")
        return EXIT_CLEAN
    for r in rules:
        if args.codes:
            sys.stdout.write(f"{r.code}  {r.name}  ({r.category.value})\n\n{r.doc}\n\n")
            continue
        off = "" if r.default_enabled else "  [off by default]"
        ex = r.examples[0]
        example = f"{ex.text!r}" + (f" -> {ex.fixed!r}" if ex.fixed is not None else "")
        sys.stdout.write(f"{r.code}  {r.name:<34} {r.category.value:<8} {r.summary}{off}\n")
        sys.stdout.write(f"        e.g. {example}\n")
    return EXIT_CLEAN


def cmd_report(args: argparse.Namespace) -> int:
    """``repair report``: the HTML review report (:mod:`repair.report`)."""
    from repair import report

    if files.STDIN in args.paths:
        raise UsageError("report needs files or folders, not standard input")
    loaded, status = _load_all(args)
    try:
        loaded = report.reviewable(loaded, args.output)
        return report.run(args, _run_all(files.check_file, loaded), status)
    except report.ReportError as exc:
        _error(str(exc))
        return EXIT_ERROR


def cmd_apply(args: argparse.Namespace) -> int:
    """``repair apply``: apply the decisions exported from a report (:mod:`repair.decisions`)."""
    from repair import decisions

    try:
        return decisions.run(args.decisions, diff=args.diff)
    except decisions.DecisionsError as exc:
        _error(str(exc))
        return EXIT_ERROR


def _cmd_corpus(args: argparse.Namespace) -> int:
    """``repair corpus``: imported only when used (its engines need the ``corpus`` extras)."""
    from repair.corpus import run

    return run.main(args)


COMMANDS: dict[str, Callable[[argparse.Namespace], int]] = {
    "check": cmd_check,
    "fix": cmd_fix,
    "rules": cmd_rules,
    "report": cmd_report,
    "apply": cmd_apply,
    "corpus": _cmd_corpus,
}


#: Allocations between the collector's young-generation passes, and passes between older ones: a
#: check makes hundreds of thousands of small long-lived objects (a book's word tokens), which the
#: default thresholds (700, 10, 10) rescan again and again for cycles they cannot hold.
GC_THRESHOLDS = (50_000, 20, 100)


def announce_builds(stream: TextIO) -> None:
    """Have a slow first-use cache build say so on ``stream`` when it is a terminal (a pre-commit
    hook or a script reads no such line; their output stays as it was)."""
    isatty = getattr(stream, "isatty", None)
    if isatty is not None and isatty():
        from repair import resources

        resources.build_notice = lambda message: print(f"repair: {message}", file=stream, flush=True)


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the ``repair`` console script."""
    gc.set_threshold(*GC_THRESHOLDS)
    announce_builds(sys.stderr)
    try:
        args = build_parser().parse_args(_normalise_argv(sys.argv[1:] if argv is None else argv))
        return COMMANDS[args.command](args)
    except (UsageError, ConfigError, PathError, registry.UnknownRuleError) as exc:
        _error(str(exc))
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return EXIT_ERROR
    except Exception as exc:  # a bug: one line, the traceback only on request
        if os.environ.get("REPAIR_DEBUG"):
            raise
        _error(f"internal error: {type(exc).__name__}: {exc} (set REPAIR_DEBUG=1 for the traceback)")
        return EXIT_ERROR


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
