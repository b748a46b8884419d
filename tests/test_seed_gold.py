"""The seed's gold annotation for ../shared/bench/score.py is the union of the per-family files.

``tests/gold/seed.json`` is what the scorer reads (``score.py gold --gold tests/gold/seed.json --text
seeds/kazakhstan-spun.txt``); each family keeps its own part in ``seed_<family>.json``.
"""

from __future__ import annotations

import json

from tests.conftest import ROOT, SEED

GOLD = ROOT / "tests" / "gold"
PARTS = ("seed_scrape.json", "seed_spin.json", "seed_typo.json")


def load(name: str) -> list[dict[str, object]]:
    return json.loads((GOLD / name).read_text(encoding="utf-8"))


def test_combined_gold_is_the_union_of_the_parts() -> None:
    parts = [item for name in PARTS for item in load(name)]
    assert load("seed.json") == parts


def test_every_gold_context_is_unique_in_the_seed_and_holds_its_target() -> None:
    text = SEED.read_text(encoding="utf-8")
    for item in load("seed.json"):
        context, target = str(item["context"]), str(item["target"])
        assert text.count(context) == 1, context
        assert target in context, (target, context)
        assert item["certainty"] in ("definite", "optional")
