"""Threats and hedges: a launch a state threatens or vows is expected and its agent is the one who
threatens; a hedge on what was fired ("were most likely Fateh-313s fired from ...") leaves the
launch asserted; "more than a dozen missiles were launched" tells the launch already told."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

AGENT, DATE, WEAPON, CLASS, SITE, OUTCOME, COUNT, FACT = range(8)


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Iran threatened further missile strikes on U.S. bases.", "IRN"),
        ("North Korea vowed more missile tests in the coming weeks.", "PRK"),
        ("Russia threatened a missile strike on the convoy if it crossed the border.", "RUS"),
        ("Pakistan plans more missile tests this year, officials said.", "PAK"),
        ("After the sanctions vote, Pyongyang promised further rocket launches.", "PRK"),
    ],
)
def test_a_threatened_launch_is_expected_and_its_agent_is_who_threatens(
    launches, text: str, agent: str
) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text)
    assert [(r[AGENT], r[FACT]) for r in rows] == [(agent, "expected")]


@pytest.mark.parametrize(
    "text",
    [
        "Israeli air strikes hit Gaza on Sunday.",
        "The strike on the depot killed four soldiers.",
        "Workers at the missile plant went on strike on Monday.",
    ],
)
def test_a_strike_without_a_projectile_is_no_launch(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    assert launches(text) == []


@pytest.mark.parametrize(
    "second",
    [
        "The weapons were most likely Fateh-110s fired from Kermanshah province.",
        "The missiles were probably Fateh-110s launched from Kermanshah province.",
        "They were most likely Fateh-110 missiles fired from Kermanshah province, analysts said.",
    ],
)
def test_a_hedge_on_what_was_fired_keeps_the_launch_asserted(launches, second: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(
        f"Iran fired a volley of ballistic missiles at two bases on Wednesday. {second}", "2024-06-27"
    )
    assert len(rows) == 1
    assert rows[0][FACT] == "asserted"
    assert rows[0][AGENT] == "IRN"
    assert rows[0][DATE] == "2024-06-26"


@pytest.mark.parametrize(
    "second",
    [
        'The Pentagon said "more than a dozen" missiles were launched from Iranian territory.',
        "More than 15 missiles were launched from Iranian territory, the Pentagon said.",
        "U.S. officials said more than ten missiles had been fired from western Iran.",
    ],
)
def test_more_than_a_number_is_a_count_not_another_launch(launches, second: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(f"Iran fired ballistic missiles at two bases on Wednesday. {second}", "2024-06-27")
    assert len(rows) == 1
    assert rows[0][DATE] == "2024-06-26"


@pytest.mark.parametrize(
    "text",
    [
        "Russia would keep exchanging notifications with Washington on launches of intercontinental ballistic missiles under a 1988 agreement.",
        "The two sides agreed on a ban on tests of anti-satellite missiles.",
        "Analysts debated the value of sanctions against missile tests by North Korea.",
    ],
)
def test_launches_as_a_kind_are_no_event(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    assert launches(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia gives the United States advance notice of its ICBM launches.",
        "North Korea has used the drills as a pretext for its own missile tests.",
        "Iran says its missile launches are purely defensive.",
        "Japan monitors North Korean missile tests with Aegis destroyers and satellites.",
        "Seoul condemned missile launches by the North as provocations.",
    ],
)
def test_launches_in_general_are_no_event(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """A bare plural launch noun in a sentence that dates nothing speaks of launches in general."""
    assert launches(text, "2025-06-20") == []


def test_dated_plural_launches_are_still_events(launches) -> None:  # type: ignore[no-untyped-def]
    rows = launches("North Korea conducted missile launches on Monday and Tuesday.", "2025-06-20")
    assert {r[1] for r in rows} == {"2025-06-16", "2025-06-17"}


@pytest.mark.parametrize(
    "second",
    [
        # more launches told as to come are expected, of what was fired, and not the launch told
        "Another launch is to take place next month, the ministry said.",
        "More launches are to follow in the coming weeks, officials said.",
        "Analysts say another launch cannot be ruled out.",
        "Seoul expects more launches in the coming weeks.",
        "More tests are expected later this year, officials said.",
    ],
)
def test_more_launches_to_come_are_expected(launches, second: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(f"North Korea fired a Hwasong-18 missile on Monday. {second}", "2025-03-11")
    assert [(r[WEAPON], r[FACT]) for r in rows] == [("Hwasong-18", "asserted"), ("Hwasong-18", "expected")]


@pytest.mark.parametrize(
    "text",
    [
        "Xi and Putin attended the launch of the week-long joint naval drills off Shanghai on Tuesday.",
        "The launch of the Zapad exercise on Monday drew protests from Lithuania.",
        "Russia marked the launch of a new nuclear submarine at Severodvinsk on Tuesday.",
        "India celebrated the launch of its first indigenous aircraft carrier on Monday.",
        "China announced the launch of joint air patrols with Russia on Monday.",
    ],
)
def test_the_launch_of_drills_or_a_ship_is_no_missile_launch(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "the launch of the drills" is their start, "the launch of a submarine" a ship put to sea."""
    assert launches(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan has its own range of short-range ballistic missiles which are test-fired quite regularly.",
        "Such missiles are routinely tested by India.",
        "India's Prithvi missiles are fired regularly during training.",
        "The Agni is tested every year.",
        "Iran's Shahab-3 missiles are often launched during the Guards' annual war games.",
    ],
)
def test_a_habit_told_in_the_passive_is_no_launch(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "missiles which are test-fired quite regularly": a present passive with a word of habit
    tells no occasion, as the active "tests it far more often" does not."""
    assert launches(text) == []


def test_a_past_passive_with_again_is_still_a_launch(launches) -> None:  # type: ignore[no-untyped-def]
    assert [r[1] for r in launches("The Agni was tested again on Monday.", "2025-07-25")] == ["2025-07-21"]


@pytest.mark.parametrize(
    "text",
    [
        "Israel has civilian Shavit rockets used to launch satellites.",
        "The Simorgh is a rocket designed to launch satellites into low orbit.",
        "Iran is developing rockets capable of launching satellites.",
        "The Unha-3 is the rocket North Korea uses to launch satellites.",
        "The Khorramshahr is a missile built to carry several warheads and meant to fire from mobile launchers.",
    ],
)
def test_what_a_weapon_is_for_is_no_launch(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "rockets used to launch satellites", "capable of launching": what a weapon is for or can
    do, told in a bare participle or the present, is no occasion."""
    assert launches(text) == []


@pytest.mark.parametrize(
    "text",
    [
        "North Korea used an Unha-3 rocket to launch a satellite on Monday.",
        "A Falcon 9 rocket was used to launch the satellite on Monday.",
    ],
)
def test_a_rocket_used_on_a_day_to_launch_is_a_launch(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [r[1] for r in launches(text, "2025-07-25")] == ["2025-07-21"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        # a verb of intent tells a plan, not what a weapon is for
        ("North Korea intends to launch a military reconnaissance satellite next week.", "2025-08"),
        # a day makes the participle an occasion
        (
            "The Chollima-1 rocket, used to launch a spy satellite on Monday, exploded shortly after liftoff.",
            "2025-07-21",
        ),
        # a habit of another clause, and a day
        (
            "An Agni-V missile is test-fired on Monday from Abdul Kalam Island, where India regularly tests its missiles.",
            "2025-07-21",
        ),
        (
            "A South Korean Hyunmoo-2 missile is launched on Monday during a drill held every year.",
            "2025-07-21",
        ),
    ],
)
def test_a_plan_or_a_dated_occasion_is_not_what_a_weapon_is_for(launches, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    assert [r[1] for r in launches(text, "2025-07-25")] == [date]


@pytest.mark.parametrize(
    "text",
    [
        "India launched the rocket on Monday, hoping to place the satellite in orbit.",
        "North Korea fired a rocket on Monday, aiming to put a satellite into orbit.",
    ],
)
def test_what_a_launch_hoped_or_aimed_to_do_is_no_second_launch(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [r[1] for r in launches(text, "2025-07-25")] == ["2025-07-21"]


def test_a_launch_someone_had_hoped_for_on_a_day_is_on_the_day_before_the_dateline(launches) -> None:  # type: ignore[no-untyped-def]
    rows = launches(
        "Japan had hoped to launch the H3 rocket on Monday, but bad weather intervened.", "2025-07-25"
    )
    assert [r[1] for r in rows] == ["2025-07-21"]
