"""Coordination: coordinated states hold one exercise together but fire their own launches
(one launch per agent, devset README); coordinated weapons of different kinds fired together are
one launch each, every one with the date and agent of the sentence (the devset gold splits a
barrage of drones, cruise and ballistic missiles into one launch per missile class, drones
being no launch); coordinated clauses are separate
events, each with its own agent and date. Occasions listed with their own dates are in
test_enumerations.py (launches); here the exercise counterpart.

Launch rows are (agent, date, weapon, class, site, outcome, count, factuality); exercise rows
(participants, date, name, factuality). The dateline is a Tuesday: "on Monday" is 2025-03-10.
"""

from __future__ import annotations

import pytest
from behaviour_terms import BM, CM, DATELINE, ICBM, MON, MRBM, SLV, SRBM, TUE, known_failure

pytestmark = pytest.mark.model


Row = tuple[object, ...]


def _sorted(rows: list[Row]) -> list[Row]:
    return sorted(rows, key=repr)


# ---------------------------------------------------------------------------- coordinated states


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("The US, Japan and South Korea held trilateral naval drills on Monday.", ("JPN", "KOR", "USA")),
        (
            "Troops from Russia, China and Iran staged joint naval drills in the Gulf of Oman on Monday.",
            ("CHN", "IRN", "RUS"),
        ),
        (
            "On Monday the navies of France, Britain and Italy held a joint exercise in the Mediterranean.",
            ("FRA", "GBR", "ITA"),
        ),
        ("Poland, Lithuania and Latvia held a joint air defence exercise on Monday.", ("LTU", "LVA", "POL")),
        ("The United States held a joint drill with Japan and South Korea on Monday.", ("JPN", "KOR", "USA")),
        (
            "South Korea held live-fire drills with the United States and Japan on Monday.",
            ("JPN", "KOR", "USA"),
        ),
    ],
)
def test_coordinated_participants_hold_one_exercise(
    exercises, text: str, participants: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    assert exercises(text, DATELINE) == [(participants, MON, None, "asserted")]


def test_coordinated_participants_of_a_named_exercise(exercises) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(
        "Australia, India, Japan and the United States began the Malabar naval exercise off Sydney on Monday.",
        DATELINE,
    )
    assert rows == [(("AUS", "IND", "JPN", "USA"), MON, "Malabar", "asserted")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "South Korea and the United States each fired two ATACMS missiles on Monday.",
            [
                ("KOR", MON, "ATACMS", SRBM, None, "unknown", 2, "asserted"),
                ("USA", MON, "ATACMS", SRBM, None, "unknown", 2, "asserted"),
            ],
        ),
        (
            "On Monday, Japan and the United States each launched a Tomahawk cruise missile.",
            [
                ("JPN", MON, "Tomahawk", CM, None, "unknown", 1, "asserted"),
                ("USA", MON, "Tomahawk", CM, None, "unknown", 1, "asserted"),
            ],
        ),
        (
            "China and Russia fired cruise missiles at a mock target on Monday.",
            [
                ("CHN", MON, None, CM, None, "unknown", None, "asserted"),
                ("RUS", MON, None, CM, None, "unknown", None, "asserted"),
            ],
        ),
        (
            "India and Pakistan each test-fired a ballistic missile on Monday.",
            [
                ("IND", MON, None, BM, None, "unknown", 1, "asserted"),
                ("PAK", MON, None, BM, None, "unknown", 1, "asserted"),
            ],
        ),
        (
            "Iran and its ally Russia fired two cruise missiles each on Monday.",
            [
                ("IRN", MON, None, CM, None, "unknown", 2, "asserted"),
                ("RUS", MON, None, CM, None, "unknown", 2, "asserted"),
            ],
        ),
        pytest.param(
            "India and Pakistan both test-fired ballistic missiles on Monday.",
            [
                ("IND", MON, None, BM, None, "unknown", None, "asserted"),
                ("PAK", MON, None, BM, None, "unknown", None, "asserted"),
            ],
            marks=known_failure("no launch at all with 'both' ('each' works)"),
        ),
        pytest.param(
            "The navies of Japan and the United States each fired an SM-3 interceptor on Monday.",
            [
                ("JPN", MON, "SM-3", "missile", None, "unknown", 1, "asserted"),
                ("USA", MON, "SM-3", "missile", None, "unknown", 1, "asserted"),
            ],
            marks=known_failure(
                "only the USA launch: 'the navies of Japan and the United States' loses Japan"
            ),
        ),
        pytest.param(
            "Britain and France fired Storm Shadow cruise missiles on Monday.",
            [
                ("FRA", MON, "Storm Shadow", CM, None, "unknown", None, "asserted"),
                ("GBR", MON, "Storm Shadow", CM, None, "unknown", None, "asserted"),
            ],
        ),
    ],
)
def test_coordinated_launchers_fire_one_launch_each(launches, text: str, expected: list[Row]) -> None:  # type: ignore[no-untyped-def]
    assert _sorted(launches(text, DATELINE)) == _sorted(expected)


# ---------------------------------------------------------------------------- coordinated weapons

OBJECTS = [
    (
        "On Monday, North Korea fired three short-range ballistic missiles and two cruise missiles.",
        [
            ("PRK", MON, None, SRBM, None, "unknown", 3, "asserted"),
            ("PRK", MON, None, CM, None, "unknown", 2, "asserted"),
        ],
    ),
    (
        "On Monday Iran fired 30 ballistic missiles and 10 cruise missiles.",
        [
            ("IRN", MON, None, BM, None, "unknown", 30, "asserted"),
            ("IRN", MON, None, CM, None, "unknown", 10, "asserted"),
        ],
    ),
    (
        "Early on Monday, Iran fired 12 ballistic missiles and eight cruise missiles.",
        [
            ("IRN", MON, None, BM, None, "unknown", 12, "asserted"),
            ("IRN", MON, None, CM, None, "unknown", 8, "asserted"),
        ],
    ),
    (
        "On Monday, North Korea fired a ballistic missile and two cruise missiles.",
        [
            ("PRK", MON, None, BM, None, "unknown", 1, "asserted"),
            ("PRK", MON, None, CM, None, "unknown", 2, "asserted"),
        ],
    ),
    (
        "On Monday, Russia launched 30 Kalibr cruise missiles and four Kinzhal hypersonic missiles.",
        [
            ("RUS", MON, "Kalibr", CM, None, "unknown", 30, "asserted"),
            ("RUS", MON, "Kh-47M2 Kinzhal", "hypersonic missile", None, "unknown", 4, "asserted"),
        ],
    ),
]

OBJECTS_GAPS = [
    pytest.param(
        "North Korea fired two ballistic missiles and a cruise missile on Monday.",
        [
            ("PRK", MON, None, BM, None, "unknown", 2, "asserted"),
            ("PRK", MON, None, CM, None, "unknown", 1, "asserted"),
        ],
    ),
    pytest.param(
        "North Korea fired four short-range ballistic missiles and two cruise missiles on Monday.",
        [
            ("PRK", MON, None, SRBM, None, "unknown", 4, "asserted"),
            ("PRK", MON, None, CM, None, "unknown", 2, "asserted"),
        ],
    ),
    pytest.param(
        "Iran fired 20 cruise missiles and 50 ballistic missiles at Israel on Monday.",
        [
            ("IRN", MON, None, CM, None, "unknown", 20, "asserted"),
            ("IRN", MON, None, BM, None, "unknown", 50, "asserted"),
        ],
    ),
    pytest.param(
        "On Monday, North Korea launched a Hwasong-18 and two short-range ballistic missiles.",
        [
            ("PRK", MON, "Hwasong-18", ICBM, None, "unknown", 1, "asserted"),
            ("PRK", MON, None, SRBM, None, "unknown", 2, "asserted"),
        ],
    ),
    pytest.param(
        "On Monday, Pakistan test-fired a Babur cruise missile and a Shaheen-III ballistic missile.",
        [
            ("PAK", MON, "Babur", CM, None, "unknown", 1, "asserted"),
            ("PAK", MON, "Shaheen-III", MRBM, None, "unknown", 1, "asserted"),
        ],
    ),
    pytest.param(
        "On Monday, Russia fired a Zircon and four Kalibr missiles.",
        [
            ("RUS", MON, "3M22 Zircon", "hypersonic missile", None, "unknown", 1, "asserted"),
            ("RUS", MON, "Kalibr", CM, None, "unknown", 4, "asserted"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), OBJECTS + OBJECTS_GAPS)
def test_coordinated_weapons_are_one_launch_each(launches, text: str, expected: list[Row]) -> None:  # type: ignore[no-untyped-def]
    assert _sorted(launches(text, DATELINE)) == _sorted(expected)


# Named systems side by side under one head noun or in a list are one launch per system (the
# gold splits "the Tondar-69, Fateh-110 and Zelzal" into three), each with the sentence's date,
# wherever the date stands; a plural head leaves the count untold. "or" names one missile the
# text cannot identify, not two (not settled here).
NAMES = [
    (
        "The Revolutionary Guards test-fired Fateh-110 and Zelzal missiles on Monday.",
        [
            ("IRN", MON, "Fateh-110", SRBM, None, "unknown", None, "asserted"),
            ("IRN", MON, "Zelzal", SRBM, None, "unknown", None, "asserted"),
        ],
    ),
    (
        "On Monday, Iran's Revolutionary Guards fired Fateh-110 and Zelzal missiles.",
        [
            ("IRN", MON, "Fateh-110", SRBM, None, "unknown", None, "asserted"),
            ("IRN", MON, "Zelzal", SRBM, None, "unknown", None, "asserted"),
        ],
    ),
    (
        # (targets at sea: the sea is where they were fired, as the golds have it)
        "On Monday, the Russian navy fired Kalibr and Oniks missiles at targets in the Baltic Sea.",
        [
            ("RUS", MON, "Kalibr", CM, "Baltic Sea", "unknown", None, "asserted"),
            ("RUS", MON, "P-800 Oniks", CM, "Baltic Sea", "unknown", None, "asserted"),
        ],
    ),
    (
        "On Monday, Pakistan tested its Babur, Shaheen-III and Ghauri missiles.",
        [
            ("PAK", MON, "Babur", CM, None, "unknown", None, "asserted"),
            ("PAK", MON, "Shaheen-III", MRBM, None, "unknown", None, "asserted"),
            ("PAK", MON, "Ghauri", MRBM, None, "unknown", None, "asserted"),
        ],
    ),
    (
        "Iran said the Guards had fired the Tondar-69, Fateh-110 and Zelzal on Monday.",
        [
            ("IRN", MON, "Tondar-69", SRBM, None, "unknown", 1, "claimed"),
            ("IRN", MON, "Fateh-110", SRBM, None, "unknown", 1, "claimed"),
            ("IRN", MON, "Zelzal", SRBM, None, "unknown", 1, "claimed"),
        ],
    ),
    (
        "On Monday, the Guards test-fired three types of short-range missile - the Tondar-69, "
        "Fateh-110 and Zelzal.",
        [
            # "three types" counts kinds, not missiles fired
            ("IRN", MON, "Tondar-69", SRBM, None, "unknown", 1, "asserted"),
            ("IRN", MON, "Fateh-110", SRBM, None, "unknown", 1, "asserted"),
            ("IRN", MON, "Zelzal", SRBM, None, "unknown", 1, "asserted"),
        ],
    ),
]

NAMES_GAPS = [
    pytest.param(
        "On Monday, Pakistan tested its Babur, Shaheen-III and Ghauri missiles in a single drill.",
        [
            ("PAK", MON, "Babur", CM, None, "unknown", None, "asserted"),
            ("PAK", MON, "Shaheen-III", MRBM, None, "unknown", None, "asserted"),
            ("PAK", MON, "Ghauri", MRBM, None, "unknown", None, "asserted"),
        ],
        marks=known_failure("a phrase after the plural head: the last name is counted as one"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), NAMES + NAMES_GAPS)
def test_named_systems_side_by_side_are_one_launch_each(launches, text: str, expected: list[Row]) -> None:  # type: ignore[no-untyped-def]
    assert _sorted(launches(text, DATELINE)) == _sorted(expected)


# ---------------------------------------------------------------------------- coordinated clauses

CLAUSES = [
    (
        "North Korea fired a ballistic missile on Monday, and Iran launched a satellite rocket on Tuesday.",
        [
            ("PRK", MON, None, BM, None, "unknown", 1, "asserted"),
            ("IRN", TUE, None, SLV, None, "unknown", 1, "asserted"),
        ],
    ),
    (
        "North Korea fired a ballistic missile on Monday; Iran launched a Simorgh rocket on Tuesday.",
        [
            ("PRK", MON, None, BM, None, "unknown", 1, "asserted"),
            ("IRN", TUE, "Simorgh", SLV, None, "unknown", 1, "asserted"),
        ],
    ),
    (
        "North Korea fired two cruise missiles on Monday and test-fired a ballistic missile on Tuesday.",
        [
            ("PRK", MON, None, CM, None, "unknown", 2, "asserted"),
            ("PRK", TUE, None, BM, None, "unknown", 1, "asserted"),
        ],
    ),
    (
        "Iran launched a Simorgh rocket on Monday and fired three Fateh-110 missiles on Tuesday.",
        [
            ("IRN", MON, "Simorgh", SLV, None, "unknown", 1, "asserted"),
            ("IRN", TUE, "Fateh-110", SRBM, None, "unknown", 3, "asserted"),
        ],
    ),
    (
        "India test-fired an Agni-V on Monday, and Pakistan tested a Shaheen-III the next day.",
        [
            ("IND", MON, "Agni-V", BM, None, "unknown", 1, "asserted"),
            ("PAK", TUE, "Shaheen-III", MRBM, None, "unknown", 1, "asserted"),
        ],
    ),
    (
        "Iran fired a Fateh-110 missile on Monday, and India test-fired an Agni-V the same day.",
        [
            ("IRN", MON, "Fateh-110", SRBM, None, "unknown", 1, "asserted"),
            ("IND", MON, "Agni-V", BM, None, "unknown", 1, "asserted"),
        ],
    ),
]

CLAUSES_GAPS = [
    pytest.param(
        "North Korea fired a ballistic missile on Monday and Iran launched a satellite rocket on Tuesday.",
        [
            ("PRK", MON, None, BM, None, "unknown", 1, "asserted"),
            ("IRN", TUE, None, SLV, None, "unknown", 1, "asserted"),
        ],
        marks=known_failure(
            "without the comma the second clause's subject Iran is lost: its launch gets agent PRK"
        ),
    ),
    pytest.param(
        "Russia test-fired a Yars on Monday, but a Pakistani Shaheen-III test failed on Tuesday.",
        [
            ("RUS", MON, "RS-24 Yars", ICBM, None, "unknown", 1, "asserted"),
            ("PAK", TUE, "Shaheen-III", MRBM, None, "failure", 1, "asserted"),
        ],
        marks=known_failure("the Yars launch takes the other clause's failure, and its count is None"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), CLAUSES + CLAUSES_GAPS)
def test_coordinated_clauses_are_separate_launches(launches, text: str, expected: list[Row]) -> None:  # type: ignore[no-untyped-def]
    assert _sorted(launches(text, DATELINE)) == _sorted(expected)


@pytest.mark.parametrize(
    ("text", "launch", "exercise"),
    [
        (
            "North Korea launched a cruise missile on Monday, and South Korea held air drills with the "
            "United States the same day.",
            ("PRK", MON, None, CM, None, "unknown", 1, "asserted"),
            (("KOR", "USA"), MON, None, "asserted"),
        ),
        (
            "China held drills around Taiwan on Monday and fired ten rockets into the strait.",
            ("CHN", MON, None, "rocket", None, "success", 10, "asserted"),
            (("CHN",), MON, None, "asserted"),
        ),
    ],
)
def test_a_launch_and_an_exercise_in_one_sentence(
    launches, exercises, text: str, launch: Row, exercise: Row
) -> None:  # type: ignore[no-untyped-def]
    assert launches(text, DATELINE) == [launch]
    assert exercises(text, DATELINE) == [exercise]


# ---------------------------------------------------------------------------- exercises on several dates

EXERCISE_DATES = [
    (
        "South Korea and the United States held air drills on March 3 and on March 6.",
        [(("KOR", "USA"), "2025-03-03", None, "asserted"), (("KOR", "USA"), "2025-03-06", None, "asserted")],
    ),
    (
        "Russia and China staged naval drills in January and again in March.",
        [(("CHN", "RUS"), "2025-01", None, "asserted"), (("CHN", "RUS"), "2025-03", None, "asserted")],
    ),
    (
        "Iran held missile drills on March 2 and March 9.",
        [(("IRN",), "2025-03-02", None, "asserted"), (("IRN",), "2025-03-09", None, "asserted")],
    ),
    (
        "Taiwan held live-fire drills on Monday and again on Tuesday.",
        [(("TWN",), MON, None, "asserted"), (("TWN",), TUE, None, "asserted")],
    ),
    (
        "Japan and the United States held joint drills on March 3, and Japan and Australia held drills on March 6.",
        [(("JPN", "USA"), "2025-03-03", None, "asserted"), (("AUS", "JPN"), "2025-03-06", None, "asserted")],
    ),
    (
        "India and France held naval drills on March 3; India and Japan held air drills on March 6.",
        [(("FRA", "IND"), "2025-03-03", None, "asserted"), (("IND", "JPN"), "2025-03-06", None, "asserted")],
    ),
]

EXERCISE_DATES_GAPS = [
    pytest.param(
        "South Korea and the United States held air drills on March 3 and naval drills on March 6.",
        [(("KOR", "USA"), "2025-03-03", None, "asserted"), (("KOR", "USA"), "2025-03-06", None, "asserted")],
        marks=known_failure("the second exercise ('naval drills on March 6') is undated"),
    ),
    pytest.param(
        "The US and Japan held a joint air drill on Monday; the US and South Korea held one on Tuesday.",
        [(("JPN", "USA"), MON, None, "asserted"), (("KOR", "USA"), TUE, None, "asserted")],
        marks=known_failure("the second exercise, told by 'held one', is lost"),
    ),
]


@pytest.mark.parametrize(("text", "expected"), EXERCISE_DATES + EXERCISE_DATES_GAPS)
def test_exercises_listed_with_their_own_dates(exercises, text: str, expected: list[Row]) -> None:  # type: ignore[no-untyped-def]
    assert _sorted(exercises(text, DATELINE)) == _sorted(expected)


@pytest.mark.parametrize(
    ("text", "weapons"),
    [
        (
            "During the drill, warships fired Kalibr cruise missiles and Tsirkon hypersonic missiles at sea targets.",
            ["3M22 Zircon", "Kalibr"],
        ),
        # Starstreak is not in the weapons table: a missile with no named weapon, not a Tomahawk
        (
            "The navy fired Starstreak missiles and Tomahawk cruise missiles during the exercise.",
            [None, "Tomahawk"],
        ),
        (
            "The navy fired Harpoon missiles and Tomahawk cruise missiles during the exercise.",
            ["Harpoon", "Tomahawk"],
        ),
        ("North Korea fired ballistic missiles and cruise missiles on Monday.", [None, None]),
    ],
)
def test_coordinated_projectiles_without_counts_are_one_launch_each(
    launches, text: str, weapons: list[str | None]
) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text, "2025-03-11")
    assert sorted((r[2] for r in rows), key=str) == sorted(weapons, key=str)
    assert all(r[6] is None for r in rows)  # no number was given


def test_each_platform_of_a_drill_fires_its_own_launch(launches) -> None:  # type: ignore[no-untyped-def]
    rows = launches(
        "During the exercise, the air force launched Kinzhal hypersonic missiles, while warships fired Kalibr "
        "cruise missiles at sea targets. Tu-95MS strategic bombers also fired cruise missiles.",
        "2025-03-11",
    )
    assert sorted((r[2] or "", r[3]) for r in rows) == [
        ("", "cruise missile"),
        ("Kalibr", "cruise missile"),
        ("Kh-47M2 Kinzhal", "hypersonic missile"),
    ]


def test_coordinated_clauses_with_their_own_launchers_are_apart(launches) -> None:  # type: ignore[no-untyped-def]
    rows = launches(
        "During the drills, a Yars missile was launched from Plesetsk, bombers launched cruise missiles, and "
        "crews at the Kapustin Yar range fired an Iskander cruise missile.",
        "2025-03-11",
    )
    assert len(rows) == 3


# A verb coordinated with a launch that fires "it" (or its shared subject) "again", with a date of
# its own, is another launch of the same weapon: one per date it gives.
AGAIN = [
    (
        "India first flew the Agni in May 1989 and tested it again in February 1994.",
        [
            ("IND", "1989-05", "Agni", BM, None, "success", 1, "asserted"),
            ("IND", "1994-02", "Agni", BM, None, "unknown", 1, "asserted"),
        ],
    ),
    (
        "India first flew the Agni in May 1989, and tested it again in 1992 and in February 1994.",
        [
            ("IND", "1989-05", "Agni", BM, None, "success", 1, "asserted"),
            ("IND", "1992", "Agni", BM, None, "unknown", 1, "asserted"),
            ("IND", "1994-02", "Agni", BM, None, "unknown", 1, "asserted"),
        ],
    ),
    (
        "The Agni-II was first tested in April 1999 and was fired again on January 17, 2001.",
        [
            ("IND", "1999-04", "Agni-II", MRBM, None, "unknown", 1, "asserted"),
            ("IND", "2001-01-17", "Agni-II", MRBM, None, "unknown", 1, "asserted"),
        ],
    ),
    (
        "Pakistan test-fired the Ghauri in 2002 and launched it again in March 2004.",
        [
            ("PAK", "2002", "Ghauri", MRBM, None, "unknown", 1, "asserted"),
            ("PAK", "2004-03", "Ghauri", MRBM, None, "unknown", 1, "asserted"),
        ],
    ),
    (
        "Iran tested the Shahab-3 in 1998 and tested it again in July 2000.",
        [
            ("IRN", "1998", "Shahab-3", MRBM, None, "unknown", 1, "asserted"),
            ("IRN", "2000-07", "Shahab-3", MRBM, None, "unknown", 1, "asserted"),
        ],
    ),
]


@pytest.mark.parametrize(("text", "expected"), AGAIN)
def test_a_weapon_fired_again_on_another_date_is_another_launch(
    launches, text: str, expected: list[Row]
) -> None:  # type: ignore[no-untyped-def]
    assert _sorted(launches(text, DATELINE)) == _sorted(expected)


def test_tracking_a_missile_again_is_no_launch(launches) -> None:  # type: ignore[no-untyped-def]
    rows = launches(
        "North Korea fired a ballistic missile on Monday and tracked it again on radar.", DATELINE
    )
    assert [r[1] for r in rows] == [MON]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        (
            "Iran test-fired a Shahab-3 on Tuesday, media said. Two short-range missiles were also launched.",
            2,
        ),
        (
            "North Korea fired a ballistic missile on Tuesday. Two cruise missiles were also fired, officials said.",
            2,
        ),
        ("Iran's Guards fired missiles on Monday, state TV said. Four rockets were also fired.", 2),
        (
            "North Korea fired a ballistic missile on Sunday, Seoul said. Tokyo said North Korea also fired a ballistic missile.",
            1,
        ),
        (
            "North Korea fired a ballistic missile on Tuesday. The missile was also launched at a steep angle.",
            1,
        ),
    ],
)
def test_projectiles_also_fired_are_another_launch(launches, text: str, n: int) -> None:  # type: ignore[no-untyped-def]
    """ "Two short-range missiles were also launched" after a Shahab-3: a launch besides the one
    told, on its day; not "Tokyo said North Korea also fired a ballistic missile" (the same
    launch, also said) nor "the missile was also launched at a steep angle" (the one told)."""
    rows = launches(text, "2024-06-26")
    assert len(rows) == n and len({r[1] for r in rows}) == 1
