"""Headlines and other heading lines (a short line with no closing punctuation) restate what the
story tells, in the present tense and undated: their event is the story's, not another one. A
round-up's headline that lists several events of a kind is read like any sentence."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran conducts first flight of new Emad missile\n\n"
            "Iran on Thursday carried out the first flight of its new Emad ballistic missile, state television said.",
            [("IRN", "2024-06-20", "Emad", "medium-range ballistic missile", None, "unknown", 1, "asserted")],
        ),
        (
            "India test-fires Agni-Prime from Odisha coast\n\n"
            "India successfully test-fired the Agni-Prime missile from an island off Odisha on Monday, the defence ministry said.",
            [
                (
                    "IND",
                    "2024-06-24",
                    "Agni-P",
                    "medium-range ballistic missile",
                    None,
                    "success",
                    1,
                    "asserted",
                )
            ],
        ),
        (
            "North Korea fires ballistic missile toward East Sea\n\n"
            "North Korea fired a short-range ballistic missile on Wednesday morning, Seoul said.",
            [("PRK", "2024-06-26", None, "short-range ballistic missile", None, "unknown", 1, "asserted")],
        ),
        (
            "Pakistan test-fires Babur cruise missile\n\n"
            "Pakistan conducted a training launch of the Babur cruise missile on Tuesday, the military's media wing said.",
            [("PAK", "2024-06-25", "Babur", "cruise missile", None, "unknown", 1, "asserted")],
        ),
        (
            "Russia launches first Sarmat from Plesetsk\n\n"
            "Russia on Friday carried out the first launch of its Sarmat intercontinental missile from Plesetsk.",
            [
                (
                    "RUS",
                    "2024-06-21",
                    "RS-28 Sarmat",
                    "intercontinental ballistic missile",
                    "Plesetsk",
                    "unknown",
                    1,
                    "asserted",
                )
            ],
        ),
    ],
)
def test_a_headline_launch_is_the_story_launch(
    launches, text: str, expected: list[tuple[object, ...]]
) -> None:  # type: ignore[no-untyped-def]
    assert launches(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Balikatan 2024 opens with record number of troops\n\n"
            "The Philippines and the United States opened the annual Balikatan exercises on Monday.",
            [(("PHL", "USA"), "2024-06-24", "Balikatan 2024", "asserted")],  # the edition the headline names
        ),
        (
            "Allies begin Freedom Edge drills south of Jeju\n\n"
            "South Korea, Japan and the United States began their Freedom Edge exercise on Thursday, the navy said.",
            [(("JPN", "KOR", "USA"), "2024-06-20", "Freedom Edge", "asserted")],
        ),
        (
            "Indian and French navies wrap up Varuna exercise\n\n"
            "The navies of India and France held the Varuna exercise in the Arabian Sea from June 10 to 14.",
            [(("FRA", "IND"), "2024-06-10", "Varuna", "asserted")],
        ),
        (
            "China and Russia stage joint naval drills\n\n"
            "China and Russia held joint naval drills in the Sea of Japan on Tuesday, the defence ministry said.",
            [(("CHN", "RUS"), "2024-06-25", None, "asserted")],
        ),
        (
            "US and South Korea hold combined air drill\n\n"
            "South Korea and the United States staged a combined air drill involving F-35A fighters on Sunday.",
            [(("KOR", "USA"), "2024-06-23", None, "asserted")],
        ),
    ],
)
def test_a_headline_exercise_is_the_story_exercise(
    exercises, text: str, expected: list[tuple[object, ...]]
) -> None:  # type: ignore[no-untyped-def]
    assert exercises(text) == expected


def test_a_round_up_headline_lists_several_launches(launches) -> None:  # type: ignore[no-untyped-def]
    text = (
        "A week of tests: a cruise missile, an ICBM and artillery shells\n\n"
        "North Korea fired a cruise missile on Monday. On Wednesday it launched an intercontinental "
        "ballistic missile. South Korea fired artillery shells near the border on Friday."
    )
    rows = launches(text)
    assert [(r[0], r[1], r[3]) for r in rows] == [
        ("PRK", "2024-06-24", "cruise missile"),
        ("PRK", "2024-06-26", "intercontinental ballistic missile"),
        ("KOR", "2024-06-21", "artillery"),
    ]


def test_a_headline_alone_still_tells_its_event(launches) -> None:  # type: ignore[no-untyped-def]
    text = "North Korea fires ballistic missile toward East Sea\n\nThe United States condemned the move."
    assert [(r[0], r[3]) for r in launches(text)] == [("PRK", "ballistic missile")]
