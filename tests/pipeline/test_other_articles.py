"""Articles that are not in the devset (written for these tests in wire style, other states
and phrasings), so that a rule keyed to devset wording shows up as a failure here."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.articles import read_file
from kg.extract import extract
from kg.models import Article, Exercise, Factuality, Launch, Outcome, PartialDate, Treaty

pytestmark = pytest.mark.model

ARTICLES = Path(__file__).parent / "articles"


def _events(nlp, lexicon, name):  # type: ignore[no-untyped-def]
    [article] = list(read_file(ARTICLES / name))
    return extract(article, nlp, lexicon).events


def test_two_north_korean_launches_five_days_apart(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, lexicon, "2019-05-10-kusong.txt")
    launches = sorted((e.date.iso() if e.date else "", e.agent) for e in events if isinstance(e, Launch))
    assert launches == [("2019-05-04", "PRK"), ("2019-05-09", "PRK")]
    main = next(e for e in events if isinstance(e, Launch) and e.date == PartialDate(2019, 5, 9))
    assert (main.count, main.site, main.weapon_class) == (2, "Kusong", "short-range ballistic missile")
    drills = [e for e in events if isinstance(e, Exercise)]
    assert [(d.participants, d.factuality) for d in drills] == [(("KOR", "USA"), Factuality.EXPECTED)]


def test_india_and_pakistan(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, lexicon, "2019-05-24-brahmos-shaheen.txt")
    named = {
        (e.agent, e.weapon.name)
        for e in events
        if isinstance(e, Launch) and e.weapon and not e.weapon.generic
    }
    assert named == {("IND", "BrahMos"), ("PAK", "Shaheen-II")}
    brahmos = next(e for e in events if isinstance(e, Launch) and e.weapon and e.weapon.name == "BrahMos")
    assert brahmos.date == PartialDate(2019, 5, 23)
    assert brahmos.weapon_class == "cruise missile"
    [drill] = [e for e in events if isinstance(e, Exercise)]
    assert (drill.participants, drill.name) == (("CHN", "PAK"), "Sea Guardian")
    [deal] = [e for e in events if isinstance(e, Treaty)]
    assert (deal.signatories, deal.date) == (("IND", "USA"), PartialDate(2018, 9))


def test_iran_salvo_and_trilateral_drills(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    events = _events(nlp, lexicon, "2020-01-08-iran-iraq.txt")
    [salvo] = [e for e in events if isinstance(e, Launch)]
    assert (salvo.agent, salvo.date, salvo.weapon_class) == (
        "IRN",
        PartialDate(2020, 1, 8),
        "ballistic missile",
    )
    [drill] = [e for e in events if isinstance(e, Exercise)]
    assert (drill.participants, drill.date) == (("CHN", "IRN", "RUS"), PartialDate(2019, 12, 27))


@pytest.mark.parametrize(
    ("dateline", "text", "expected"),
    [
        (  # a start verb in the relative clause; the end date is not the exercise's date
            "2023-07-24",
            "China denounced Talisman Sabre, a large drill that Australian and U.S. troops started on "
            "Friday and will finish on Aug. 4.",
            (("AUS", "USA"), PartialDate(2023, 7, 21)),
        ),
        (  # a range: the exercise is dated by its first day
            "2021-07-10",
            "Russia criticized Sea Breeze, a naval exercise by Ukraine and the United States, which took "
            "place from Monday to Thursday in the Black Sea.",
            (("UKR", "USA"), PartialDate(2021, 7, 5)),
        ),
        (  # only an end date still to come: under way, dated by the dateline's month (devset README)
            "2021-07-10",
            "Russia criticized the naval exercise that Ukraine and the United States will end on Monday.",
            (("UKR", "USA"), PartialDate(2021, 7)),
        ),
        (  # only an end date, past: that day dates it ("closed Joint Sea-2024 ... on July 14")
            "2024-07-26",
            "China and Russia closed Joint Sea-2024 off Zhanjiang in southern China on July 14.",
            (("CHN", "RUS"), PartialDate(2024, 7, 14)),
        ),
    ],
)
def test_exercise_dated_in_a_relative_clause(nlp, lexicon, dateline, text, expected) -> None:  # type: ignore[no-untyped-def]
    article = Article("x", text, date=dt.date.fromisoformat(dateline))
    [drill] = [e for e in extract(article, nlp, lexicon).events if isinstance(e, Exercise)]
    assert (drill.participants, drill.date) == expected


@pytest.mark.parametrize(
    ("dateline", "text", "expected"),
    [
        (  # the purpose ("to put ... into orbit") is not the result
            "2020-02-10",
            "Iran launched a rocket to put a communications satellite into orbit on Sunday, but the "
            "satellite failed to reach orbit.",
            [(PartialDate(2020, 2, 9), Outcome.FAILURE)],
        ),
        (  # the failed attempt is another occasion, told in passing
            "2023-11-22",
            "North Korea put a reconnaissance satellite into orbit on Tuesday after a failed attempt "
            "in August.",
            [(PartialDate(2023, 11, 21), Outcome.SUCCESS), (PartialDate(2023, 8), Outcome.FAILURE)],
        ),
        (  # an attempt whose result is not told
            "2023-11-22",
            "North Korea tried to put a reconnaissance satellite into orbit on Tuesday.",
            [(PartialDate(2023, 11, 21), Outcome.UNKNOWN)],
        ),
        (  # "appears to have failed" reports the outcome
            "2024-06-26",
            "North Korea fired a ballistic missile on Wednesday that appears to have failed in flight.",
            [(PartialDate(2024, 6, 26), Outcome.FAILURE)],
        ),
    ],
)
def test_launch_outcome_of_this_occasion(nlp, lexicon, dateline, text, expected) -> None:  # type: ignore[no-untyped-def]
    article = Article("x", text, date=dt.date.fromisoformat(dateline))
    launches = [e for e in extract(article, nlp, lexicon).events if isinstance(e, Launch)]
    assert [(e.date, e.outcome) for e in launches] == expected


@pytest.mark.parametrize(
    ("text", "site"),
    [
        (  # the site is told by the next sentence, about "the missile"
            "North Korea fired a ballistic missile into the sea on Sunday. South Korea's military said "
            "it detected the missile flying from the Sunan area toward the East Sea.",
            "Sunan",
        ),
        (  # where it came down is not where it came from
            "North Korea fired a ballistic missile from Sinpo on Sunday. Japan said the missile came "
            "down in waters near the Oga Peninsula.",
            "Sinpo",
        ),
    ],
)
def test_launch_site_from_a_later_sentence(nlp, lexicon, text, site) -> None:  # type: ignore[no-untyped-def]
    article = Article("x", text, date=dt.date(2022, 5, 9))
    [launch] = [e for e in extract(article, nlp, lexicon).events if isinstance(e, Launch)]
    assert launch.site == site


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the "when" clause on the date tells an earlier launch of its own
            "Pakistan has not tested a missile since January, when it launched a Shaheen-III.",
            [
                (None, Factuality.NEGATED, "missile"),
                (PartialDate(2024, 1), Factuality.ASSERTED, "Shaheen-III"),
            ],
        ),
        (  # the same, with the clause parsed on the launch noun
            "Iran test-fired a cruise missile on Monday. It was the first launch since early March, "
            "when it fired a Khorramshahr from Semnan.",
            [
                (PartialDate(2024, 5, 20), Factuality.ASSERTED, "cruise missile"),
                (PartialDate(2024, 3), Factuality.ASSERTED, "Khorramshahr"),
            ],
        ),
    ],
)
def test_an_earlier_launch_in_a_since_when_clause(nlp, lexicon, text, expected) -> None:  # type: ignore[no-untyped-def]
    article = Article("x", text, date=dt.date(2024, 5, 21))
    launches = [e for e in extract(article, nlp, lexicon).events if isinstance(e, Launch)]
    assert [(e.date, e.factuality, e.weapon.name if e.weapon else None) for e in launches] == expected


def test_failed_attempts_told_in_passing(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    text = "Iran put a research satellite into orbit on Friday with a Simorgh rocket after failed attempts in January and February."  # noqa: E501
    article = Article("x", text, date=dt.date(2024, 3, 10))
    launches = [e for e in extract(article, nlp, lexicon).events if isinstance(e, Launch)]
    assert [(e.date, e.outcome) for e in launches] == [
        (PartialDate(2024, 3, 8), Outcome.SUCCESS),
        (PartialDate(2024, 1), Outcome.FAILURE),
        (PartialDate(2024, 2), Outcome.FAILURE),
    ]
    # attempts with no word on how they went are not launches ("several attempts to buy parts")
    other = Article("y", "Diplomats said North Korea had made several attempts to buy missile parts abroad.")
    assert not [e for e in extract(other, nlp, lexicon).events if isinstance(e, Launch)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a suspended treaty exists; its date is its own, not the suspension's
        (
            "The United States suspended a 1987 arms control agreement with Russia on Friday.",
            (("RUS", "USA"), PartialDate(1987), Factuality.ASSERTED),
        ),
        (
            "Seoul suspended the military agreement with Pyongyang on Tuesday.",
            (("KOR", "PRK"), None, Factuality.ASSERTED),
        ),
    ],
)
def test_a_suspended_treaty(nlp, lexicon, text, expected) -> None:  # type: ignore[no-untyped-def]
    article = Article("x", text, date=dt.date(2019, 2, 3))
    [treaty] = [e for e in extract(article, nlp, lexicon).events if isinstance(e, Treaty)]
    assert (treaty.signatories, treaty.date, treaty.factuality) == expected


def test_the_length_of_an_exercise_is_not_another_exercise(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    for text in (
        "Japan and the United States ended their exercise on Friday after ten days of drills.",
        "China held three days of drills around Taiwan in April.",
    ):
        events = extract(Article("x", text, date=dt.date(2023, 5, 2)), nlp, lexicon).events
        assert len([e for e in events if isinstance(e, Exercise)]) == 1, text


def test_the_count_a_source_gives_in_numbers_wins(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    """One sentence says "a new cruise missile", the next "three cruise missiles": one launch of three."""
    text = (
        "North Korea said on Monday it had tested a new cruise missile on Sunday. South Korea's military "
        "said the North fired three cruise missiles on Sunday off its west coast."
    )
    article = Article("x", text, date=dt.date(2023, 1, 30))
    [launch] = [e for e in extract(article, nlp, lexicon).events if isinstance(e, Launch)]
    assert (launch.date, launch.count) == (PartialDate(2023, 1, 29), 3)
