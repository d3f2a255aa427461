"""Accuracy floors on the devset (gold/devset). Floors only ever go up.

Measured with `kg eval gold/devset`; the events are read back from the RDF through
SPARQL, as the command does.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kg.evaluate import floors_met, load_gold_dir, score
from kg.pipeline import build
from kg.readback import predicted_articles
from kg.store import Store

pytestmark = pytest.mark.model

DEVSET = Path(__file__).resolve().parents[2] / "gold" / "devset"
WRITTEN = Path(__file__).resolve().parents[2] / "gold" / "written1"

# The devset grew from 14 to 86 articles on 2026-12-05; these floors were measured anew then
# and raised as the rules generalised (2026-12-06, eighth session: F1 0.921, Launch 0.939,
# Exercise 0.876, Treaty 0.918, attributes 0.889, states 0.984, 2 modality errors; 2026-12-07,
# eleventh session: F1 0.922, Launch 0.941, attributes 0.891; thirteenth: F1 0.923, Exercise
# 0.880, attributes 0.893; eighteenth: attributes 0.896; nineteenth: attributes 0.898).
FLOORS = {
    "overall.f1": 0.92,
    "Launch.f1": 0.94,
    "Exercise.f1": 0.875,
    "Treaty.f1": 0.915,
    "attributes.accuracy": 0.897,
    "states.f1": 0.98,
}
MAX_MODALITY_ERRORS = 2


# gold/written1, our own second set (2026-12-06, eighth session: F1 0.837, attributes 0.841,
# states 0.995, 5 modality errors; 2026-12-07, tenth session: attributes 0.847; eleventh: 0.856;
# twelfth: F1 0.842, attributes 0.865; thirteenth: attributes 0.879; fifteenth: 0.882;
# seventeenth: F1 0.847, attributes 0.873 -- the one floor ever lowered: a launch found for the
# first time, "reports about a Russian ICBM launch earlier this month", matches the gold's silo
# blast with 2 of its 6 attributes right, and attributes are scored on matched events only; no
# attribute of an event found before changed)
WRITTEN_FLOORS = {
    "overall.f1": 0.845,
    "attributes.accuracy": 0.87,
    "states.f1": 0.99,
}
MAX_WRITTEN_MODALITY_ERRORS = 5


def _scores(folder: Path):  # type: ignore[no-untyped-def]
    gold = load_gold_dir(folder)
    with Store.memory() as store:
        build([folder / f"{g.id}.txt" for g in gold], store)
        predicted = predicted_articles(store)
    return score(gold, predicted)


@pytest.fixture(scope="module")
def scores():  # type: ignore[no-untyped-def]
    return _scores(DEVSET)


def test_floors(scores) -> None:  # type: ignore[no-untyped-def]
    assert floors_met(scores, FLOORS) == []


def test_modality_errors_do_not_grow(scores) -> None:  # type: ignore[no-untyped-def]
    assert len(scores.modality_errors) <= MAX_MODALITY_ERRORS


def test_floors_of_the_written_set() -> None:
    written = _scores(WRITTEN)
    assert floors_met(written, WRITTEN_FLOORS) == []
    assert len(written.modality_errors) <= MAX_WRITTEN_MODALITY_ERRORS
