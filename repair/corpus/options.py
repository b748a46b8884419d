"""The options of ``repair corpus`` (kept free of heavy imports: the parser is built on every start)."""

from __future__ import annotations

import argparse

FIX_MODES = ("safe", "unsafe", "none")
DEFAULT_CHUNK_MB = 16


def add_arguments(p: argparse.ArgumentParser) -> None:
    """Options beyond IN, OUT, --engine, --scheduler and --workers."""
    p.add_argument("--fix", choices=FIX_MODES, default="safe", help="which fixes to apply (default safe)")
    p.add_argument(
        "--max-spin-score",
        type=float,
        metavar="X",
        help="send documents whose spin score exceeds X to repair.rejected.jsonl",
    )
    p.add_argument("--select", metavar="CODES", help="comma-separated rule codes or prefixes to run")
    p.add_argument("--ignore", metavar="CODES", help="comma-separated rule codes or prefixes not to run")
    p.add_argument("--min-confidence", type=float, metavar="X", help="drop findings below this confidence")
    p.add_argument(
        "--text-field", default="text", metavar="NAME", help="JSONL/Parquet text field (default text)"
    )
    p.add_argument(
        "--id-field",
        default="id",
        metavar="NAME",
        help="JSONL/Parquet id field (default id; the line number when absent)",
    )
    p.add_argument(
        "--chunk-mb",
        type=float,
        default=DEFAULT_CHUNK_MB,
        metavar="MB",
        help=f"cut big JSONL/Parquet files into chunks of about this size (default {DEFAULT_CHUNK_MB})",
    )
    p.add_argument(
        "--fresh", action="store_true", help="discard an unfinished run in OUT instead of resuming it"
    )
    p.add_argument(
        "--progress",
        choices=("auto", "always", "never"),
        default="auto",
        help="progress bar on standard error (default: on a terminal only)",
    )
