"""Interceptions: an interceptor that destroys, intercepts or shoots down an incoming missile was
launched by the defender (a successful launch of the interceptor); what it shot down was not
fired by the defender. A target told anew with its day ("intercepted a Houthi ballistic missile
on Tuesday") is a failed launch by the attacker its phrase or the text names, never by the
defender; "shot down the missile" refers back and launches nothing new.

Rows are (agent, date, weapon, class, site, outcome, count, factuality). The dateline is a
Tuesday, so "on Monday" is 2025-03-10.
"""

from __future__ import annotations

import pytest
from behaviour_terms import DATELINE, MON

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Israel said an Arrow 3 interceptor destroyed a ballistic missile over the Red Sea on Monday.",
            ("ISR", MON, "Arrow 3", "missile", None, "success", 1, "asserted"),
        ),
        (
            "On Monday the British destroyer HMS Diamond used a Sea Viper interceptor to shoot down a drone.",
            ("GBR", MON, None, "missile", None, "success", 1, "asserted"),
        ),
        (
            "Ukraine's Patriot interceptors were used against the missile barrage on Monday.",
            ("UKR", MON, None, "missile", None, "success", None, "asserted"),
        ),
        (
            "Israeli Iron Dome interceptors shot down most of the rockets on Monday.",
            ("ISR", MON, "Iron Dome", "missile", None, "success", None, "asserted"),
        ),
        (
            "A South Korean L-SAM interceptor destroyed a target missile on Monday, the defence ministry said.",
            ("KOR", MON, None, "missile", None, "success", 1, "asserted"),
        ),
    ],
)
def test_an_interceptor_that_destroys_a_missile_was_launched_by_the_defender(  # type: ignore[no-untyped-def]
    launches, text: str, row: tuple[object, ...]
) -> None:
    assert launches(text, DATELINE) == [row]


@pytest.mark.parametrize(
    "text",
    [
        "Russia said on Monday that its air defences had shot down two Storm Shadow missiles.",
        "The Houthis said they downed a US MQ-9 drone on Monday.",
        "Saudi forces intercepted a ballistic missile over Riyadh on Monday.",
        "Ukraine said it had shot down a Kinzhal hypersonic missile on Monday.",
        "Japan's destroyers shot down the North Korean missile's debris on Monday.",
    ],
)
def test_what_was_shot_down_was_not_fired_by_the_defender(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    defender = {"Russia": "RUS", "The Houthis": "YEM", "Saudi": "SAU", "Ukraine": "UKR", "Japan's": "JPN"}
    state = next(code for name, code in defender.items() if text.startswith(name))
    assert [r for r in launches(text, DATELINE) if r[0] == state] == []


def test_the_target_of_an_interception_is_not_the_defenders_launch(launches) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Yemen's Houthis fired a missile at Israel on Monday. In April, the British destroyer HMS Diamond "
        "used a Sea Viper interceptor to shoot down an anti-ship missile the group had fired at a tanker."
    )
    rows = launches(text, DATELINE)
    assert [(r[0], r[1], r[5]) for r in rows] == [
        ("YEM", MON, "unknown"),
        ("YEM", "2024-04", "unknown"),
        ("GBR", "2024-04", "success"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "The largest attack came on Tuesday evening, when American and British warships and Navy "
        "fighter jets shot down 18 drones, two anti-ship cruise missiles and an anti-ship ballistic "
        "missile aimed at the shipping lanes.",
        "The attack came on Tuesday, when French and Danish frigates shot down four drones and two "
        "cruise missiles aimed at merchant ships.",
    ],
)
def test_who_shoots_down_missiles_did_not_fire_them(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "shot down" with "down" parsed as an adverb is still an interception: the warships did not
    launch what they destroyed."""
    rows = launches(text, "2024-01-13")
    assert not {"USA", "GBR", "FRA", "DNK"} & {r[0] for r in rows}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Saudi air defences intercepted a Houthi ballistic missile over Riyadh on Monday.",
            [("YEM", MON, "ballistic missile", "failure", 1)],
        ),
        (
            "A previous version of the Arrow system saw action on Monday, when it was used to shoot "
            "down a Syrian rocket.",
            [("SYR", MON, "rocket", "failure", 1)],
        ),
        (
            "Ukrainian air defences shot down a Russian cruise missile over Kyiv on Monday.",
            [("RUS", MON, "cruise missile", "failure", 1)],
        ),
        (
            "Yemen's Houthis have attacked shipping for weeks. On Monday evening, British and American "
            "warships shot down 18 drones, two anti-ship cruise missiles and an anti-ship ballistic missile.",
            [("YEM", MON, "ballistic missile", "failure", 1), ("YEM", MON, "cruise missile", "failure", 2)],
        ),
        (
            "Iran fired ballistic missiles at Israel on Sunday. Jordanian jets intercepted a second "
            "missile over Amman on Monday.",
            [
                ("IRN", "2025-03-09", "ballistic missile", "unknown", None),
                ("IRN", MON, "missile", "failure", 1),
            ],
        ),
        (
            "Iran fired a ballistic missile at Israel on Sunday. Israel's air defences shot the missile down "
            "over the Negev.",
            [("IRN", "2025-03-09", "ballistic missile", "unknown", 1)],
        ),
    ],
)
def test_what_was_shot_down_was_launched_by_the_attacker(
    launches, text: str, expected: list[tuple[object, ...]]
) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text, DATELINE)
    assert sorted((r[0], r[1], r[3], r[5], r[6]) for r in rows) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired a missile on Sunday. On Monday the destroyer Kongo destroyed a mock missile over the Pacific.",
        "Iran fired a missile on Sunday. On Monday an Arrow 3 shot down a target missile over the Mediterranean.",
        "China fired rockets on Sunday. On Monday the Aegis ship intercepted a dummy ballistic missile off Hawaii.",
    ],
)
def test_a_tests_target_is_no_attackers_launch(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "destroyed a mock missile": the target of an interception test was fired by no attacker."""
    assert not [r for r in launches(text, DATELINE) if r[1] == MON and r[5] == "failure"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Russia fired 60 missiles at Ukraine on Monday. Ukraine's air force said it shot down 50 "
            "missiles on Monday.",
            [("RUS", MON, 60)],
        ),
        (
            "Russia launched 40 cruise missiles at Kyiv on Monday. Air defences destroyed 30 cruise "
            "missiles on Monday, officials said.",
            [("RUS", MON, 40)],
        ),
        (
            "The Houthis fired 12 ballistic missiles at ships on Monday. U.S. warships shot down ten "
            "ballistic missiles on Monday.",
            [("YEM", MON, 12)],
        ),
        (
            "Russia fired 60 missiles at Ukraine on Monday. Ukraine's air force said it shot down 80 "
            "missiles on Monday.",
            [("RUS", MON, 60), ("RUS", MON, 80)],  # more than the salvo told: not a share of it
        ),
        (
            "Iran fired missiles at Israel on Monday. Jordanian jets intercepted a second missile over "
            "Amman on Monday.",
            [("IRN", MON, 1), ("IRN", MON, None)],  # "a second missile": a launch of its own
        ),
    ],
)
def test_what_was_shot_down_of_a_salvo_told_is_no_launch_of_its_own(launches, text: str, expected) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text, DATELINE)
    assert sorted(((r[0], r[1], r[6]) for r in rows), key=str) == sorted(expected, key=str)
