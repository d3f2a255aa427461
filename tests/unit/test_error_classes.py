"""kg.error_classes: each missed and spurious event sorted into one class, on hand-built
records; and `kg eval --classes` printing the counts (text and JSON) with no article text."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import main
from kg.error_classes import (
    CLASSES,
    MERGED,
    NEAR_BOTH,
    NEAR_DATE,
    NEAR_NO_PARTIES,
    NEAR_PARTIES,
    NONE_HERE,
    SHARED,
    SPURIOUS_ALONE,
    SPURIOUS_NEAR,
    error_classes,
)
from kg.evaluate import GoldArticle, PredictedArticle, score
from kg.models import Event, EventType, Exercise, Launch, Mention, PartialDate, Treaty

D = PartialDate.from_iso
L, X, T = EventType.LAUNCH, EventType.EXERCISE, EventType.TREATY
FIRED = "North Korea fired a missile from Wonsan on Monday."
DRILLS = "South Korea and the United States began their drills on Monday."
PACT = "The two Koreas signed a military pact in 2018."
AGAIN = "It fired another one on Tuesday."
OTHER = "Seoul said it was watching closely."
BOTH = "Russia fired a Yars and launched cruise missiles on Monday."
BODY = " ".join([FIRED, DRILLS, PACT, AGAIN, OTHER, BOTH])


def told(*sentences: str) -> tuple[Mention, ...]:
    return tuple(Mention(BODY.index(s), BODY.index(s) + len(s), s) for s in sentences)


def classes(gold: list[tuple[Event, str]], predicted: list[Event]) -> dict[tuple[EventType, str], int]:
    article = GoldArticle("a", None, frozenset(), tuple(e for e, _ in gold), tuple(q for _, q in gold))
    counted = error_classes(score([article], {"a": PredictedArticle("a", frozenset(), tuple(predicted))}))
    return {(t, c): n for t, row in counted.items() for c, n in row.items() if n}


def test_a_launch_told_with_another_date() -> None:
    gold = [(Launch("PRK", date=D("2025-03-10")), "fired a missile from Wonsan")]
    out = classes(gold, [Launch("PRK", date=D("2025-03-09"), evidence=told(FIRED))])
    assert out == {(L, NEAR_DATE): 1, (L, SPURIOUS_NEAR): 1}


def test_a_launch_given_to_another_state() -> None:
    gold = [(Launch("PRK", date=D("2025-03-10")), "fired a missile")]
    out = classes(gold, [Launch("KOR", date=D("2025-03-10"), evidence=told(FIRED))])
    assert out == {(L, NEAR_PARTIES): 1, (L, SPURIOUS_NEAR): 1}


def test_an_exercise_with_other_participants_and_another_date() -> None:
    gold = [(Exercise(("KOR", "USA"), date=D("2025-03-10")), "began their drills")]
    out = classes(gold, [Exercise(("JPN",), date=D("2025-02-10"), evidence=told(DRILLS))])
    assert out == {(X, NEAR_BOTH): 1, (X, SPURIOUS_NEAR): 1}


def test_a_treaty_found_without_its_parties() -> None:
    gold = [(Treaty(("KOR", "PRK"), date=D("2018")), "signed a military pact")]
    out = classes(gold, [Treaty((), date=D("2018"), evidence=told(PACT))])
    assert out == {(T, NEAR_NO_PARTIES): 1, (T, SPURIOUS_NEAR): 1}


def test_a_launch_merged_into_the_one_told_before() -> None:
    gold = [
        (Launch("PRK", date=D("2025-03-10")), "fired a missile from Wonsan"),
        (Launch("PRK", date=D("2025-03-11")), "fired another one"),
    ]
    out = classes(gold, [Launch("PRK", date=D("2025-03-10"), evidence=told(FIRED, AGAIN))])
    assert out == {(L, MERGED): 1}


def test_the_second_launch_of_a_sentence_lost_to_the_first() -> None:
    gold = [
        (Launch("RUS", date=D("2025-03-10")), "fired a Yars"),
        (Launch("RUS", date=D("2025-03-10")), "launched cruise missiles"),
    ]
    out = classes(gold, [Launch("RUS", date=D("2025-03-10"), evidence=told(BOTH))])
    assert out == {(L, SHARED): 1}


def test_a_missed_event_with_nothing_in_its_sentence_and_a_spurious_one_alone() -> None:
    gold = [(Exercise(("KOR", "USA"), date=D("2025-03-10")), "began their drills")]
    out = classes(gold, [Launch("KOR", date=D("2025-03-10"), evidence=told(OTHER))])
    assert out == {(X, NONE_HERE): 1, (L, SPURIOUS_ALONE): 1}


def test_a_spurious_event_beside_a_matched_one_is_near() -> None:
    gold = [(Launch("PRK", date=D("2025-03-10")), "fired a missile")]
    predicted = [
        Launch("PRK", date=D("2025-03-10"), evidence=told(FIRED)),
        Launch("RUS", date=D("2025-03-10"), evidence=told(FIRED)),
    ]
    assert classes(gold, predicted) == {(L, SPURIOUS_NEAR): 1}


DEVSET = Path(__file__).resolve().parents[2] / "gold" / "devset"


@pytest.mark.model
def test_kg_eval_counts_the_classes_without_text(tmp_path: Path) -> None:
    for path in sorted(DEVSET.glob("*.json"))[:3]:
        shutil.copy(path, tmp_path / path.name)
        shutil.copy(path.with_suffix(".txt"), tmp_path / path.with_suffix(".txt").name)
    plain = CliRunner().invoke(main, ["eval", str(tmp_path), "-f", "json", "-q"])
    counted = CliRunner().invoke(main, ["eval", str(tmp_path), "-f", "json", "-q", "--classes"])
    assert plain.exit_code == 0 and counted.exit_code == 0, counted.output
    scores, with_classes = json.loads(plain.output), json.loads(counted.output)
    assert {k: v for k, v in with_classes.items() if k != "error_classes"} == scores
    table = with_classes["error_classes"]
    assert set(table) == {"Launch", "Exercise", "Treaty"}
    for kind, row in table.items():
        assert list(row) == list(CLASSES)
        missed = sum(n for label, n in row.items() if label.startswith("missed"))
        spurious = sum(n for label, n in row.items() if label.startswith("spurious"))
        assert (missed, spurious) == (scores["events"][kind]["fn"], scores["events"][kind]["fp"])
    text = CliRunner().invoke(main, ["eval", str(tmp_path), "-q", "--classes"]).output
    assert "error class (counts only, no text)" in text
