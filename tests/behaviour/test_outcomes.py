"""A launch's outcome: told in its own clause ("exploded shortly after lift-off"), by a later
sentence about the same missile ("It flew 600 km"), or by one about every missile just told
("All the missiles hit their targets"), which goes to each launch of that agent."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model

OUTCOME = 5


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("North Korea fired a ballistic missile on Tuesday that exploded seconds after launch.", "failure"),
        ("Iran launched a Simorgh rocket on Monday, but it failed to reach orbit.", "failure"),
        ("Pakistan successfully test-fired a Babur cruise missile on Friday.", "success"),
        (
            "India test-fired an Agni-4 missile on Monday; it flew 3,000 km and landed in the Bay of Bengal.",
            "success",
        ),
        ("North Korea fired a short-range missile on Thursday, officials said.", "unknown"),
        # a target sunk is a target hit
        ("The Army fired an SM-6 missile on Tuesday that sank a decommissioned frigate.", "success"),
        ("Taiwan test-fired a Hsiung Feng missile on Friday, and it sank the target ship.", "success"),
    ],
)
def test_outcome_in_the_sentence(launches, text: str, outcome: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text)
    assert len(rows) == 1
    assert rows[0][OUTCOME] == outcome


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "North Korea launched a missile from Wonsan on Sunday. It exploded shortly after lift-off.",
            "failure",
        ),
        (
            "North Korea launched a missile from Wonsan on Sunday. The missile flew 600 km before falling into the sea.",
            "success",
        ),
        (
            "Russia test-fired a Bulava missile from the White Sea on Friday. The missile hit its target in Kamchatka.",
            "success",
        ),
    ],
)
def test_outcome_from_the_next_sentence(launches, text: str, outcome: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text)
    assert len(rows) == 1
    assert rows[0][OUTCOME] == outcome


@pytest.mark.parametrize(
    "closing",
    [
        "All the missiles hit their designated targets, the ministry said.",
        "Every missile struck its target, according to the ministry.",
        "Both missiles hit their targets, the ministry said.",
        "All of the missiles reached their targets.",
        "The ministry said all the missiles had hit their targets.",
    ],
)
def test_an_outcome_of_every_missile_goes_to_each_launch(launches, closing: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(
        "During the drill, a Yars missile was launched from Plesetsk, and a submarine fired a Sineva "
        f"missile from the Barents Sea. {closing}",
        "2024-06-26",
    )
    assert len(rows) == 2
    assert {r[2] for r in rows} == {"RS-24 Yars", "Sineva"}
    assert [r[OUTCOME] for r in rows] == ["success", "success"]


def test_an_outcome_of_the_last_missile_stays_with_it(launches) -> None:  # type: ignore[no-untyped-def]
    rows = launches(
        "North Korea fired a cruise missile on Monday. On Wednesday it launched a ballistic missile. "
        "The missile exploded in mid-air.",
        "2024-06-26",
    )
    assert [(r[1], r[OUTCOME]) for r in rows] == [("2024-06-24", "unknown"), ("2024-06-26", "failure")]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "A Yars missile was launched from Plesetsk toward the Kura range on Kamchatka on Monday.",
            "success",
        ),
        (
            "The submarine fired a Bulava missile from the White Sea to a target on Kamchatka on Monday.",
            "success",
        ),
        ("North Korea fired a missile toward the East Sea on Monday.", "unknown"),
        (
            "North Korea fired a missile toward the East Sea on Monday, but it is presumed to have failed.",
            "failure",
        ),
    ],
)
def test_a_flight_to_its_target_range_is_a_success(launches, text: str, outcome: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text)
    assert [r[OUTCOME] for r in rows] == [outcome]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "Iran sent a research satellite into a 750-kilometer orbit on its Qaem-100 rocket on Saturday.",
            "success",
        ),
        (
            "The Guards placed a Noor satellite in a 450-kilometer orbit with a Qased rocket on Saturday.",
            "success",
        ),
        ("China fired long-range rocket artillery into the Taiwan Strait on Saturday.", "success"),
        (
            "North Korea fired two ballistic missiles into the waters off its east coast on Saturday.",
            "success",
        ),
        (
            "Russia tested a missile capable of destroying satellites in low Earth orbit on Saturday.",
            "unknown",
        ),
    ],
)
def test_a_destination_reached_tells_the_outcome(launches, text: str, outcome: str) -> None:  # type: ignore[no-untyped-def]
    """Into orbit (whatever words stand between) is a success; fired into waters, a completed
    flight; an orbit the missile could reach is no outcome."""
    rows = launches(text, "2025-01-20")
    assert [r[OUTCOME] for r in rows] == [outcome]


@pytest.mark.parametrize(
    "text",
    [
        "Russia carried out an unsuccessful test of its Sarmat missile on Saturday.",
        "Iran unsuccessfully tried to launch a Simorgh rocket on Saturday.",
        "North Korea's launch of a Chollima-1 rocket on Saturday was unsuccessful, Seoul said.",
        "India conducted an unsuccessful flight test of an Agni missile on Saturday.",
        "Pakistan's test of a Shaheen missile on Saturday was unsuccessful.",
    ],
)
def test_an_unsuccessful_launch_failed(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [r[OUTCOME] for r in launches(text, "2025-01-20")] == ["failure"]


@pytest.mark.parametrize(
    "text",
    [
        "France fired an M51 missile from a land base on Monday.",
        "North Korea fired a missile from a drop zone near Wonsan on Monday.",
        "Russia launched a Yars from a land-based silo on Monday.",
        "India test-fired an Agni-P from a land launcher on Monday.",
        "Pakistan fired a Babur from a land platform on Monday.",
    ],
)
def test_a_flight_word_that_names_a_thing_tells_no_outcome(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "from a land base", "a drop zone": the word names a thing; the flight is not told."""
    assert [r[5] for r in launches(text, "2025-03-11")] == ["unknown"]


@pytest.mark.parametrize(
    "text",
    [
        "India test-fired an Agni-5 missile on Monday, validating all operational and technical parameters, the ministry said.",
        "Pakistan fired a Fatah missile on Monday. The launch met all its objectives, the army said.",
        "Russia fired a Yars on Monday. The Kremlin said all tasks had been accomplished.",
        "The US fired a Minuteman III on Monday. The test went as planned, the Air Force said.",
        "India fired an Agni-P on Monday, meeting all trial objectives.",
    ],
)
def test_a_test_told_as_having_done_what_it_was_for_is_a_success(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "validating all parameters", "met all objectives", "went as planned", "all tasks had been
    accomplished": the test did what it was for."""
    assert [r[5] for r in launches(text, "2025-03-11")] == ["success"]


@pytest.mark.parametrize(
    "text",
    [
        "India fired an Agni-P on Monday to validate new technologies.",
        "The launch on Monday was meant to validate the design, officials said before the results were known.",
    ],
)
def test_what_a_test_was_meant_to_do_is_no_outcome(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [r[5] for r in launches("Pakistan said nothing. " + text, "2025-03-11")][-1:] == ["unknown"]


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        ("North Korea sent an intermediate-range ballistic missile over Japan on Monday.", "success"),
        ("In August it sent two Hwasong-12s over Hokkaido.", "success"),
        ("The North fired a ballistic missile over Japan's main islands on Monday.", "success"),
        # a flight over a country that broke up is a failure
        ("North Korea fired a missile over Japan on Monday, but it broke up in mid-flight.", "failure"),
        # "over" a time is no flight
        ("North Korea fired a missile over the weekend.", "unknown"),
    ],
)
def test_a_missile_sent_over_a_country_flew(launches, text: str, outcome: str) -> None:  # type: ignore[no-untyped-def]
    """ "sent an IRBM over Japan": the missile flew its course over the country, a success
    unless the text says it failed."""
    assert [r[5] for r in launches(text, "2025-03-11")] == [outcome]


@pytest.mark.parametrize(
    "text",
    [
        "The frigate Admiral Golovko fired a Zircon missile at a mock target in the Barents Sea on Sunday. The target "
        "was destroyed by a direct hit, the ministry said.",
        "India test-fired a BrahMos missile at a decommissioned ship on Friday. The target was sunk within minutes.",
        "Iran fired a Fateh-110 at a target in the desert on Monday. According to state television, the target was "
        "hit.",
        "A Russian submarine launched a Kalibr cruise missile at a coastal target on Tuesday. The target was struck "
        "precisely, the Defence Ministry said.",
        "Pakistan fired a Babur cruise missile at a land target on Wednesday. The target was destroyed with "
        "pinpoint accuracy.",
    ],
)
def test_a_target_told_as_struck_is_a_success(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "The target was destroyed by a direct hit": the launch told before hit what it was
    fired at."""
    [row] = launches(text, "2025-09-16")
    assert row[5] == "success"


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired a ballistic missile at a target on Monday. The target was not destroyed, Seoul said.",
        "Iran fired a Fateh-110 at a target in the desert on Monday. The target could be destroyed, officials said.",
    ],
)
def test_a_target_not_struck_is_no_success(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    [row] = launches(text, "2025-09-16")
    assert row[5] != "success"


@pytest.mark.parametrize(
    "text",
    [
        "May 7, 2025 -- Iran fires a Simorgh rocket from Semnan.\nMay 9, 2025 -- The second Simorgh launch of the month succeeds.",
        "June 2, 2025 -- India fires an Agni-V from Abdul Kalam Island.\nJune 9, 2025 -- A night launch of the "
        "Agni-V succeeds.",
    ],
)
def test_a_launch_that_succeeds_is_a_success(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "The first launch from a submerged submarine succeeds": the present of "succeeded", as
    a chronology or a headline tells it."""
    rows = launches(text, "2025-06-20")
    assert rows and rows[-1][5] == "success"


@pytest.mark.parametrize(
    ("text", "outcome"),
    [
        (
            "Russia successfully test-fired a Bulava missile on Wednesday, a year after the previous "
            "launch of the troubled missile ended in failure.",
            "success",
        ),
        (
            "India successfully test-fired an Agni-III missile on Wednesday, two years after its maiden "
            "flight failed.",
            "success",
        ),
        (
            "North Korea successfully fired a Hwasong-15 on Wednesday, a year after an earlier test "
            "exploded in flight.",
            "success",
        ),
        (
            "Pakistan successfully test-fired a Shaheen-III on Wednesday, months after a previous launch failed.",
            "success",
        ),
        (
            "Iran's satellite launch on Wednesday ended in failure, a year after its previous rocket "
            "successfully put a satellite into orbit.",
            "failure",
        ),
    ],
)
def test_an_outcome_in_a_clause_of_another_time_is_not_the_launchs(launches, text: str, outcome: str) -> None:  # type: ignore[no-untyped-def]
    """ "successfully test-fired a Bulava ..., a year after the previous launch ended in failure":
    the failure is the earlier launch's (a clause after "after", "before", "since"), not a
    conflict that leaves this one unknown."""
    rows = launches(text, "2024-06-27")
    assert [r[5] for r in rows if r[1] == "2024-06-26"] == [outcome]


def test_a_failure_before_which_the_missile_flew_is_the_launchs(launches) -> None:  # type: ignore[no-untyped-def]
    """ "flew for about 150 km before it exploded": the launch's own end, not another occasion."""
    rows = launches(
        "North Korea test-fired a Musudan missile on Friday, which flew for about 150 km before it exploded in mid-air.",
        "2024-06-27",
    )
    assert [r[5] for r in rows] == ["failure"]
