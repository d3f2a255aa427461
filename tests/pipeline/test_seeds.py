"""The seeds through the real model, against their gold (gold/devset/seed-*.json).

Every gold event of the two seed articles must be found with its attributes; where the
extractor differs from the gold on purpose or by a known limit, the difference is written
down here as an explicit expectation.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kg.articles import read_file
from kg.extract import extract
from kg.models import Exercise, Factuality, Launch, Outcome, PartialDate, Treaty

pytestmark = pytest.mark.model

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _events(nlp, lexicon, name):  # type: ignore[no-untyped-def]
    [article] = list(read_file(SEEDS / name))
    return article, extract(article, nlp, lexicon)


def _launch(events, date):  # type: ignore[no-untyped-def]
    found = [e for e in events if isinstance(e, Launch) and e.date == PartialDate.from_iso(date)]
    assert len(found) == 1, f"expected one launch on {date}, got {found}"
    return found[0]


def test_seeds_are_the_devset_seed_articles() -> None:
    devset = Path(__file__).resolve().parents[2] / "gold" / "devset"
    for seed in SEEDS.glob("*.txt"):
        assert seed.read_bytes() == (devset / seed.name).read_bytes()


def test_wonsan_launches(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    _article, x = _events(nlp, lexicon, "seed-2017-03-23-wonsan.txt")
    main = _launch(x.events, "2017-03-22")
    assert (main.agent, main.site, main.outcome, main.count) == ("PRK", "Wonsan", Outcome.FAILURE, 1)
    assert main.weapon_class == "missile"
    assert main.factuality is Factuality.ASSERTED
    assert len(main.evidence) >= 3  # told in several sentences: one event, several mentions
    earlier = _launch(x.events, "2017-03")
    assert (earlier.agent, earlier.count, earlier.weapon_class, earlier.outcome) == (
        "PRK",
        4,
        "ballistic missile",
        Outcome.SUCCESS,
    )
    musudan = [e for e in x.events if isinstance(e, Launch) and e.date == PartialDate(2016)]
    assert sorted((e.outcome.value, e.weapon.name if e.weapon else None) for e in musudan) == [
        ("failure", "Musudan"),
        ("success", "Musudan"),
    ]
    assert all(e.weapon_class == "medium-range ballistic missile" for e in musudan)
    expected = [e for e in x.events if isinstance(e, Launch) and e.factuality is Factuality.EXPECTED]
    assert [(e.agent, e.weapon_class) for e in expected] == [("PRK", "missile")]
    # the ground test of a rocket engine and the two nuclear tests are not launches
    assert not [e for e in x.events if isinstance(e, Launch) and e.date == PartialDate(2017, 3, 19)]


def test_wonsan_exercises_and_armistice(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    _article, x = _events(nlp, lexicon, "seed-2017-03-23-wonsan.txt")
    exercises = {
        (e.participants, e.date.iso() if e.date else None) for e in x.events if isinstance(e, Exercise)
    }
    assert ("KOR", "USA") in {p for p, _ in exercises}
    assert (("KOR", "USA"), "2017-03-22") in exercises
    assert (("JPN", "USA"), None) in exercises  # "the bomber" is the B-1B: American
    b1b = next(e for e in x.events if isinstance(e, Exercise) and e.date == PartialDate(2017, 3, 22))
    assert [w.name for w in b1b.weapons] == ["B-1B"]
    treaties = [e for e in x.events if isinstance(e, Treaty) and e.factuality is Factuality.ASSERTED]
    assert [(t.date.iso() if t.date else None, t.signatories) for t in treaties] == [("1953", ())]


def test_pyongyang_launches_and_pact(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    article, x = _events(nlp, lexicon, "seed-2024-06-26-pyongyang.txt")
    assert article.source is None and article.body.startswith("North Korea fired")
    main = _launch(x.events, "2024-06-26")
    assert (main.agent, main.site, main.weapon_class, main.count) == (
        "PRK",
        "area near Pyongyang",
        "ballistic missile",
        1,
    )
    assert main.outcome is Outcome.FAILURE
    may = [e for e in x.events if isinstance(e, Launch) and e.date == PartialDate(2024, 5)]
    assert sorted(e.weapon_class or "" for e in may) == [
        "satellite launch vehicle",
        "short-range ballistic missile",
    ]
    pact = [e for e in x.events if isinstance(e, Treaty)]
    assert any(set(t.signatories) == {"PRK", "RUS"} and t.date == PartialDate(2024, 6) for t in pact)
    drills = [e for e in x.events if isinstance(e, Exercise)]
    assert any(
        set(d.participants) == {"USA", "JPN", "KOR"}
        and [w.name for w in d.weapons] == ["USS Theodore Roosevelt"]
        for d in drills
    )


def test_mention_offsets_slice_the_body(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    for name in ("seed-2017-03-23-wonsan.txt", "seed-2024-06-26-pyongyang.txt"):
        article, x = _events(nlp, lexicon, name)
        mentions = list(x.mentions) + [m for e in x.events for m in e.evidence]
        assert mentions
        for m in mentions:
            assert article.body[m.start : m.end] == m.text


def test_gold_states_are_all_mentioned(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    devset = Path(__file__).resolve().parents[2] / "gold" / "devset"
    for name in ("seed-2017-03-23-wonsan", "seed-2024-06-26-pyongyang"):
        _article, x = _events(nlp, lexicon, f"{name}.txt")
        found = {s for m in x.mentions for s in m.states}
        gold_path = devset / f"{name}.json"
        if gold_path.exists():
            assert found == set(json.loads(gold_path.read_text())["states"])
