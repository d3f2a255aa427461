"""Wire datelines ("SEOUL, March 7 (Yonhap) --") open a story: their place is neither an actor
nor a state the story refers to, and the story's first sentence is read without them."""

from __future__ import annotations

import pytest

from kg.extract import extract
from kg.models import Article, Launch

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "place_state"),
    [
        (
            "SEOUL, March 7 (Yonhap) -- North Korea fired a ballistic missile into the East Sea on Friday.",
            "KOR",
        ),
        ("TOKYO, Feb. 7 Kyodo - North Korea launched a long-range rocket on Sunday morning.", "JPN"),
        ("WASHINGTON (AP) — North Korea test-fired two cruise missiles on Saturday.", "USA"),
        ("BEIJING, June 3 (Xinhua) -- North Korea launched a satellite carrier rocket on Monday.", "CHN"),
        ("MOSCOW, April 20. /TASS/. North Korea fired an intermediate-range missile on Tuesday.", "RUS"),
        ("Moscow, June 19 (TASS) - North Korea fired a short-range missile on Wednesday.", "RUS"),
        ("Tokyo, June 19 -- North Korea fired a short-range missile on Wednesday.", "JPN"),
        ("Beijing: North Korea fired a short-range missile on Wednesday.", "CHN"),
    ],
)
def test_the_dateline_place_is_not_part_of_the_story(nlp, lexicon, text: str, place_state: str) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    x = extract(Article(id="wire", body=text, date=dt.date(2025, 6, 20)), nlp, lexicon)
    states = {s for m in x.mentions for s in m.states}
    assert place_state not in states
    [launch] = [e for e in x.events if isinstance(e, Launch)]
    assert launch.agent == "PRK"
    for m in x.mentions:  # offsets still slice the body exactly
        assert text[m.start : m.end] == m.text


def test_a_state_named_in_the_story_still_counts(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    import datetime as dt

    text = "SEOUL, March 7 (Yonhap) -- North Korea fired a missile on Friday, South Korea's military said."
    x = extract(Article(id="wire", body=text, date=dt.date(2025, 3, 8)), nlp, lexicon)
    assert {s for m in x.mentions for s in m.states} == {"PRK", "KOR"}


def test_a_dateline_ending_in_a_bracketed_agency_is_no_date_of_the_story(nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    """ "New Delhi, April 4 (IANS) Strategic Forces Command conducted ...": reprinted agency copy
    drops the dash; the dateline's date is the filing day, not the launch's."""
    import datetime as dt

    text = "New Delhi, April 4 (IANS) Strategic Forces Command conducted a flight test of the Agni-Prime missile."
    x = extract(Article(id="wire", body=text, date=dt.date(2024, 4, 4)), nlp, lexicon)
    [launch] = [e for e in x.events if isinstance(e, Launch)]
    assert launch.date is None


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL - North Korea fired a ballistic missile toward its eastern sea on Sunday, Yonhap reported.",
        "TOKYO - North Korea launched a short-range missile off its east coast on Sunday, Japan said.",
        "SEOUL: North Korea fired two cruise missiles into the Yellow Sea on Sunday, the military said.",
        "WASHINGTON — North Korea fired a missile from near Pyongyang on Sunday, U.S. officials said.",
    ],
)
def test_a_two_word_state_after_a_bare_dateline_stays_one_name(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """After "SEOUL -" the parser started a sentence at "Korea": South Korea fired the missile."""
    rows = launches(text, "2025-03-10")
    assert [(r[0], r[1]) for r in rows] == [("PRK", "2025-03-09")]
