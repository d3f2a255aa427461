"""Exercises: who takes part (named in the phrase, the holders, the operators of the platforms,
the fixed partners of a named exercise), not who is the target; dates from 'began on', 'ran
from ... to ...'; names."""

from __future__ import annotations

import pytest
from behaviour_terms import known_failure

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("U.S. and South Korean troops began a joint drill near the border on Monday.", ("KOR", "USA")),
        (
            "Japanese and American destroyers held a combined exercise in the East China Sea on Monday.",
            ("JPN", "USA"),
        ),
        (
            "Two U.S. B-1B bombers trained with Japanese F-15 fighters over the East China Sea on Monday.",
            ("JPN", "USA"),
        ),
        ("India and France wrapped up a joint naval exercise off Goa on Monday.", ("FRA", "IND")),
        ("Chinese and Russian warships staged joint drills in the Sea of Japan on Monday.", ("CHN", "RUS")),
    ],
)
def test_participants_from_the_phrase_and_the_holders(
    exercises, text: str, participants: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(text, "2025-03-11")
    assert [(r[0], r[1]) for r in rows] == [(participants, "2025-03-10")]


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("China launched large-scale drills around Taiwan on Monday.", ("CHN",)),
        ("South Korea and the United States held drills against North Korea on Monday.", ("KOR", "USA")),
        ("Russia staged naval exercises near Japan on Monday, Tokyo said.", ("RUS",)),
        (
            "South Korea and the United States began drills on Monday. The allies' drills were aimed at "
            "deterring Pyongyang, officials said.",
            ("KOR", "USA"),
        ),
        ("Iran's navy held a drill in the Gulf of Oman on Monday to warn the United States.", ("IRN",)),
    ],
)
def test_targets_and_places_do_not_take_part(exercises, text: str, participants: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(text, "2025-03-11")
    assert rows and rows[0][0] == participants


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ulchi Freedom Shield began on Monday.", (("KOR", "USA"), "2025-03-10", "Ulchi Freedom Shield")),
        (
            "The Foal Eagle drills opened on Monday with live-fire training.",
            (("KOR", "USA"), "2025-03-10", "Foal Eagle"),
        ),
        ("Moscow said Zapad-2025 had begun on Monday.", (("BLR", "RUS"), "2025-03-10", "Zapad-2025")),
        (
            "China's Strait Thunder-2025A exercise began on Monday.",
            (("CHN",), "2025-03-10", "Strait Thunder-2025A"),
        ),
        (
            "Iran's Great Prophet 19 drills began on Monday in the Persian Gulf.",
            (("IRN",), "2025-03-10", "Great Prophet 19"),
        ),
    ],
)
def test_a_named_exercise_brings_its_fixed_partners(
    exercises, text: str, expected: tuple[object, ...]
) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(text, "2025-03-11")
    assert [r[:3] for r in rows] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Russian and Chinese bombers flew a joint patrol over the Sea of Japan on Monday.",
        "Two Russian Tu-95 bombers and two Chinese H-6 bombers conducted a joint air patrol on Monday.",
        "On Monday, Chinese and Russian aircraft carried out what Beijing called a joint strategic patrol.",
        "The two air forces, Russian and Chinese, staged a joint patrol over the Pacific on Monday.",
        "Russia and China flew their ninth joint air patrol on Monday, involving Tu-95 and H-6 bombers.",
    ],
)
def test_joint_patrols_are_exercises(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(text, "2025-03-11")
    assert [(r[0], r[1]) for r in rows] == [(("CHN", "RUS"), "2025-03-10")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Pitch Black, running from July 12 to Aug. 2, brings together 20 air forces including Australia's.",
            "2025-07-12",
        ),
        ("The Han Kuang exercises, which began on Monday, were due to run until Friday.", "2025-07-21"),
        ("Taiwan's Han Kuang drills ran from Monday to Thursday.", "2025-07-21"),
        (
            "The U.S.-South Korean Freedom Shield exercise, which started on Monday, ends next week.",
            "2025-07-21",
        ),
        ("Russia's Zapad drills will run until Friday; they began on Monday.", "2025-07-21"),
        (
            "Exercise Talisman Sabre of Australia and the US, held from Monday through Thursday, ended.",
            "2025-07-21",
        ),
    ],
)
def test_an_exercise_is_dated_by_its_start(exercises, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(text, "2025-07-25")
    assert rows and rows[0][1] == date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Chinese forces staged large-scale drills around Taiwan on Thursday and Friday.", "2025-07-24"),
        ("The navies of India and France held joint exercises on July 14 and 15.", "2025-07-14"),
        (
            "South Korea and the United States conducted combined air drills on Monday and Tuesday.",
            "2025-07-21",
        ),
        (
            "Russian and Chinese bombers flew joint patrols over the Sea of Japan on July 22 and 23.",
            "2025-07-22",
        ),
        (
            "Iran's navy held a drill in the Gulf of Oman on Tuesday and Wednesday, state media said.",
            "2025-07-22",
        ),
    ],
)
def test_drills_on_days_that_follow_each_other_are_one_exercise(exercises, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(text, "2025-07-25")
    assert [r[1] for r in rows] == [date]


def test_drills_on_days_apart_are_two_exercises(exercises) -> None:  # type: ignore[no-untyped-def]
    rows = exercises("South Korea and the US held air drills on Monday and again on Thursday.", "2025-07-25")
    assert sorted(r[1] for r in rows) == ["2025-07-21", "2025-07-24"]


def test_an_exercise_called_by_its_military_name(exercises) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(
        "Pakistan test-fired a Fatah rocket on Monday as part of the ongoing Exercise INDUS.", "2025-05-06"
    )
    assert [(r[0], r[2]) for r in rows] == [(("PAK",), "INDUS")]


@pytest.mark.parametrize(
    "text",
    [
        "U.S. B-1B bombers trained on Sunday with Japanese F-15 fighters, officials said.",
        "Two U.S. B-1B bombers flew to the peninsula. The B-1Bs trained on Sunday with Japanese F-15 fighters, officials said.",
        "American F-35A jets drilled on Sunday with Japanese F-15s over the sea, Tokyo said.",
    ],
)
def test_platforms_training_together_under_a_report(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(text, "2025-03-11")
    assert [(r[0], r[1]) for r in rows] == [(("JPN", "USA"), "2025-03-09")]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "On Oct. 10 two U.S. B-1B bombers flew over the peninsula at night alongside Japanese F-15s and South Korean F-15Ks.",
            ("JPN", "KOR", "USA"),
        ),
        (
            "On Oct. 10 two U.S. B-1B bombers flew over the sea alongside South Korean F-15Ks, the first such drill this year.",
            ("KOR", "USA"),
        ),
    ],
)
def test_warplanes_flying_alongside_partners_are_a_drill(
    exercises, text: str, parties: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(text, "2025-11-12")
    assert [(r[0], r[1], r[2]) for r in rows] == [(parties, "2025-10-10", None)]


def test_leaders_flying_together_are_no_drill(exercises) -> None:  # type: ignore[no-untyped-def]
    assert exercises("Kim flew with Putin to the Vostochny cosmodrome on Monday.", "2025-11-12") == []


@pytest.mark.parametrize(
    "text",
    [
        "Russia's forces massed near the border. On Saturday, Putin and Belarusian leader Alexander Lukashenko watched as the armed forces carried out what the Kremlin called a planned exercise.",
        "Russia's forces massed near the border. On Saturday, Putin and Lukashenko looked on as the troops staged an exercise near Minsk.",
    ],
)
def test_the_forces_holding_a_drill_are_the_articles_state_not_the_onlookers(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(text, "2025-03-11")
    assert [r[0] for r in rows] == [("RUS",)]


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("Putin supervised a drill of the strategic forces on Tuesday.", ["RUS"]),
        ("Kim Jong Un oversaw an artillery drill on Tuesday, state media said.", ["PRK"]),
        ("On Tuesday, Xi Jinping personally directed a naval exercise in the South China Sea.", ["CHN"]),
        ("Kim Jong Un guided a firing drill of the front-line units on Tuesday.", ["PRK"]),
        ("Vladimir Putin commanded a training exercise of the deterrence forces on Tuesday.", ["RUS"]),
    ],
)
def test_a_leader_overseeing_a_drill_stands_for_the_state(
    exercises, text: str, participants: list[str]
) -> None:  # type: ignore[no-untyped-def]
    assert [(list(r[0]), r[1]) for r in exercises(text, "2025-01-20")] == [(participants, "2025-01-14")]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        (
            "Russia held a nuclear drill on Saturday. The Kremlin called it a planned exercise of the strategic forces, held on Saturday.",
            1,
        ),
        (
            "China staged drills around Taiwan on Saturday. State media described a joint exercise by the PLA on Saturday.",
            1,
        ),
        (
            "Iran held naval drills in the Gulf on Saturday. The Guards also conducted an exercise in the Gulf on Saturday.",
            1,
        ),
        (
            "South Korean jets staged strike drills on Saturday. South Korean and U.S. aircraft began a four-day combined exercise on Saturday.",
            2,
        ),
        ("Japan held an air drill on Saturday. Japan and Australia held a naval exercise on Saturday.", 2),
    ],
)
def test_an_indefinite_exercise_on_the_day_told_is_the_same_with_the_same_parties(
    exercises, text: str, count: int
) -> None:  # type: ignore[no-untyped-def]
    assert len(exercises(text, "2025-01-20")) == count


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        ("Four South Korean F-15K fighters dropped bombs on targets at a firing range on Tuesday.", ["KOR"]),
        (
            "Two U.S. B-2 bombers flew to South Korea on Tuesday, dropping dummy bombs on an island range.",
            ["USA"],
        ),
        ("On Tuesday two B-1B bombers dropped inert bombs on the Pilsung range.", ["USA"]),
        ("Japanese F-35A fighters dropped practice bombs on a range off Kyushu on Tuesday.", ["JPN"]),
        ("Russian Tu-95MS bombers dropped bombs on Kharkiv on Tuesday.", None),
    ],
)
def test_combat_aircraft_dropping_practice_bombs_is_a_drill(
    exercises, text: str, participants: list[str] | None
) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(text, "2025-01-20")
    if participants is None:  # bombs dropped on a city are war, not a drill
        assert rows == []
    else:
        assert [(list(r[0]), r[1]) for r in rows] == [(participants, "2025-01-14")]


@pytest.mark.parametrize(
    "text",
    [
        "China held a second day of drills around Taiwan on Tuesday. The PLA launched the two-day exercise at 7:45 a.m. on Monday.",
        "The drills entered their second day on Tuesday. China began the exercise at dawn on Monday.",
        "North Korea pressed on with a second day of artillery drills on Tuesday. It opened the drills at 9 a.m. on Monday.",
        "Russia held the final day of its naval drills on Tuesday. The fleet started the exercise at noon on Monday.",
        "The allies held a second day of drills on Tuesday. South Korea and the United States launched the exercise at 6 a.m. on Monday.",
    ],
)
def test_a_start_told_with_the_hour_dates_the_exercise(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """'launched the exercise at 7:45 a.m. on Monday': the start, however many words stand between
    the verb and the day, beats the month a later day of the exercise gives."""
    assert [r[1] for r in exercises(text, "2025-01-15")] == ["2025-01-13"]


@pytest.mark.parametrize(
    "text",
    [
        "The large military exercise Zapad is carried out near the borders to the Baltic states and Poland.",
        "Russian troops held drills near the border with Finland on Monday.",
        pytest.param(
            "Russia staged an exercise along its frontier with Norway on Monday.",
            marks=known_failure("'with Norway' under 'along its frontier' is read as a partner"),
        ),
        "Russian forces held an exercise close to the boundary with Estonia on Monday.",
        "Russia's army began drills near the borders to Latvia and Lithuania this week.",
        "Belarus and Russia held a drill near the frontier with Ukraine on Monday.",
    ],
)
def test_a_state_across_the_border_is_no_participant(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "Drills near the border with Finland": the state beyond the border is where the drill is,
    not who holds it."""
    rows = exercises(text, "2025-09-10")
    assert rows
    assert all(r[0] in (("RUS",), ("BLR", "RUS")) for r in rows)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "South Korea and the United States began their drills on Monday. Pyongyang called the "
            "drills a rehearsal for invasion.",
            ("KOR", "USA"),
        ),
        (
            "Japan and the United States began their drills on Monday. China's foreign ministry called "
            "the exercise provocative.",
            ("JPN", "USA"),
        ),
        (
            "South Korea and the United States opened their spring drills on Monday. Pak Jong Chon, a "
            "senior official, called the drills aggressive and dangerous.",
            ("KOR", "USA"),
        ),
    ],
)
def test_who_calls_a_drill_something_does_not_take_part(
    exercises, text: str, expected: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    """ "called the drills a rehearsal for invasion": a judgement on the drills, by someone who
    does not hold them."""
    assert [r[0] for r in exercises(text, "2025-03-11")] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Eager Lion opened in Jordan on Monday with some 5,000 U.S. troops.",
            (("JOR", "USA"), "Eager Lion"),
        ),
        ("The Indian and French navies kicked off Varuna 2025 on Monday.", (("FRA", "IND"), "Varuna 2025")),
        # service releases write the name in capitals; the parser may then take it for a preposition
        (
            "The 23rd edition of the bilateral naval exercise VARUNA between the Indian and French "
            "navies commenced on Monday.",
            (("FRA", "IND"), "Varuna"),
        ),
        (
            "The Indian and Thai armies began MAITREE-XIV in Meghalaya on Monday.",
            (("IND", "THA"), "Maitree-XIV"),
        ),
        (
            "Cope North began at Andersen Air Force Base in Guam on Monday.",
            (("JPN", "USA"), "Cope North"),
        ),
        ("Russia and China opened Peace Mission-2025 on Monday.", (("CHN", "RUS"), "Peace Mission-2025")),
    ],
)
def test_exercise_series_the_catalogue_knows(exercises, text: str, expected: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    """kg's named-exercise table beyond the alliances of the devset: the series and their fixed
    partners, in capitals too, dated by their start."""
    rows = exercises(text, "2025-03-11")
    assert [(r[0], r[2]) for r in rows] == [expected]
    assert [r[1] for r in rows] == ["2025-03-10"]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Iran began a military drill dubbed Great Prophet IV on Sunday.", "Great Prophet IV"),
        ("The Revolutionary Guards staged Great Prophet III in the Gulf on Sunday.", "Great Prophet III"),
        ("China launched an exercise called Joint Sword II around Taiwan on Sunday.", "Joint Sword II"),
        ("Russia and China held Joint Sea-2024 off Zhanjiang on Sunday.", "Joint Sea-2024"),
        ("Iran held the Great Prophet 17 drill near the Strait of Hormuz on Sunday.", "Great Prophet 17"),
    ],
)
def test_an_edition_is_part_of_the_name(exercises, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """ "Great Prophet IV" is the fourth of a series: the edition, in figures or Roman numerals,
    stays in the name."""
    [row] = exercises(text, "2025-06-23")
    assert row[2] == name


@pytest.mark.parametrize(
    "text",
    [
        "China began drills called Strait Thunder on Monday.",
        "China launched drills called Strait Thunder around Taiwan on Monday.",
        "Iran started an exercise named Zolfaghar on Monday.",
        "The allies opened a drill dubbed Freedom Flag on Monday, South Korea said.",
        "Russia began drills code-named Ocean Shield on Monday, its navy said.",
    ],
)
def test_a_drill_called_by_a_name_is_no_plan(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "Drills called Strait Thunder on Monday": "called" introduces a name, not a call for
    drills; they began last Monday."""
    [row] = exercises(text, "2025-06-25")
    assert (row[1], row[3]) == ("2025-06-23", "asserted")


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Vladimir Putin presided by video link on Oct. 22 over an exercise of the strategic forces.",
            (("RUS",), "2025-10-22"),
        ),
        ("Putin presided over a drill of the nuclear forces on Oct. 22.", (("RUS",), "2025-10-22")),
        ("Kim Jong Un presided over an artillery firing drill on Oct. 22.", (("PRK",), "2025-10-22")),
        (
            "Xi Jinping presided over a naval exercise in the South China Sea on Oct. 22.",
            (("CHN",), "2025-10-22"),
        ),
        ("Lukashenko presided over an exercise of the Belarusian army on Oct. 22.", (("BLR",), "2025-10-22")),
    ],
)
def test_a_leader_presiding_over_a_drill_stands_for_the_state(
    exercises, text: str, row: tuple[object, ...]
) -> None:  # type: ignore[no-untyped-def]
    assert [r[:2] for r in exercises(text, "2025-10-25")] == [row]


@pytest.mark.parametrize(
    "text",
    [
        "This year's spring Freedom Shield exercise, held from March 10 to 20, drew protests.",
        "The Freedom Shield drills, staged from March 10 to 20, were the largest in years.",
        "Freedom Shield, conducted from March 10 to March 20, involved 19,000 troops.",
        "The combined US-South Korean exercise, run from March 10 to 20, ended without incident.",
        "The allies' annual Freedom Shield exercise, held March 10-20, drew a sharp response from Pyongyang.",
    ],
)
def test_a_reduced_relative_dates_the_exercise_it_runs(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "The exercise, held from March 10 to 20, ...": the participle tells when it ran."""
    rows = exercises(text, "2025-08-18")
    assert [r[1] for r in rows] == ["2025-03-10"]


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan conducted a training launch of the Shaheen-II ballistic missile on Monday.",
        "Pakistan test-fired a Shaheen-III missile on Monday.",
        "The army fired a Shaheen-I from a mobile launcher on Monday.",
        "Pakistan's Shaheen-III, with a range of 2,750 km, was tested on Monday.",
        "A Shaheen-II missile was launched on Monday, the military said.",
    ],
)
def test_a_missile_named_like_an_exercise_is_no_exercise(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """Shaheen is also a Pakistani-Chinese air exercise: "Shaheen-II" the missile is no edition of it."""
    assert exercises(text, "2025-06-20") == []


@pytest.mark.parametrize(
    "text",
    [
        "The Anaconda-16 exercise launched Monday in Warsaw will involve 31,000 troops from Poland and the U.S.",
        "The Freedom Shield exercise, which began on Monday, will involve South Korean and US troops.",
        "Talisman Sabre, which opened on Monday, will bring Australian and US forces together for three weeks.",
        "The Malabar exercise that started on Monday will include Indian and Japanese warships.",
        "The Sea Breeze drill kicked off on Monday and will involve Ukrainian and US ships.",
    ],
)
def test_an_exercise_told_as_begun_is_under_way_whatever_is_to_come(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "The exercise launched Monday will involve ...": it began; what it will involve is still
    to come, the exercise is not."""
    rows = exercises(text, "2025-06-18")
    assert [(r[1], r[3]) for r in rows] == [("2025-06-16", "asserted")]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "NATO's Trident Juncture 2018 exercise brought 50,000 troops to Norway in October.",
            "Trident Juncture 2018",
        ),
        ("Iran's army held its annual Zolfaghar exercise near the Strait of Hormuz in October.", "Zolfaghar"),
        ("Pakistan and China held Shaheen-IX, their joint air exercise, in October.", "Shaheen-IX"),
    ],
)
def test_an_exercise_named_with_a_weapons_word_keeps_its_name(exercises, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """ "Trident Juncture" holds a missile's name and is an exercise; only a name whose edition is
    part of a weapon's name ("Shaheen-II", the missile) is the weapon."""
    assert [r[2] for r in exercises(text, "2025-11-06")] == [name]


@pytest.mark.parametrize(
    "text",
    [
        "Both the South Korean and US air forces have separately conducted combined drills on multiple occasions.",
        "The US and Japan often conduct joint drills near Okinawa.",
        "Indian and French warships routinely hold joint exercises in the Indian Ocean.",
        "Russian and Chinese bombers have repeatedly staged joint patrols over the Sea of Japan.",
        "The two navies frequently carry out joint drills in the Gulf.",
    ],
)
def test_drills_told_as_a_habit_are_no_occasion(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "have conducted combined drills on multiple occasions", "often conduct joint drills":
    a habit, with no date, is no exercise of its own."""
    assert exercises(text, "2025-10-24") == []


@pytest.mark.parametrize(
    "text",
    [
        "Cobra Gold is the largest military exercise in the region, hosted by Thailand every year.",
        "Talisman Sabre, held every two years since 2005, has grown steadily.",
        "Pitch Black is an air exercise that Australia hosts every other year near Darwin.",
        "Malabar, which the Indian and US navies hold annually, now includes Japan and Australia.",
        "Foal Eagle is a field exercise that South Korea and the United States hold every spring.",
    ],
)
def test_a_named_series_told_as_a_habit_is_no_occasion(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "Cobra Gold is the largest exercise in the region, hosted every year": the series, in
    the present and with a word of habit on the verb that holds it, is no exercise of its own."""
    assert exercises(text, "2025-10-24") == []


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Thailand and the United States opened Cobra Gold on Tuesday. Cobra Gold is the largest exercise in the region, hosted by Thailand every year.",
            (("THA", "USA"), "2025-10-21", "Cobra Gold", "asserted"),
        ),
        (
            "Talisman Sabre, held every two years since 2005, has grown steadily. Australia and the United States opened Talisman Sabre on Monday.",
            (("AUS", "USA"), "2025-10-20", "Talisman Sabre", "asserted"),
        ),
    ],
)
def test_a_named_series_told_as_a_habit_adds_to_this_years_edition(
    exercises, text: str, row: tuple[object, ...]
) -> None:  # type: ignore[no-untyped-def]
    assert exercises(text, "2025-10-24") == [row]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "The US Navy hosts RIMPAC in Hawaii. China is again participating in the exercises this year.",
            ("CHN", "USA"),
        ),
        (
            "Australia and the US began Talisman Sabre on Monday. Japan is taking part in the drills for the first time.",
            ("AUS", "JPN", "USA"),
        ),
        (
            "India, the US and Japan opened Malabar on Monday. Australia joined the exercise on Tuesday.",
            ("AUS", "IND", "JPN", "USA"),
        ),
        (
            "South Korea and the US began the Ssang Yong exercise on Monday. Britain is also taking part in the drills.",
            ("GBR", "KOR", "USA"),
        ),
        (
            "The US and the Philippines opened Balikatan on Monday. France took part in the exercise as well.",
            ("FRA", "PHL", "USA"),
        ),
    ],
)
def test_a_state_that_joins_the_drills_told_takes_part_in_them(
    exercises, text: str, parties: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    """ "China is again participating in the exercises": a participant of the exercise told, not
    an exercise of China's own."""
    assert [r[0] for r in exercises(text, "2025-06-20")] == [parties]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Seoul and Washington staged joint air drills involving F-35A stealth jets on Friday in response.",
            "2025-03-14",
        ),
        (
            "The US and Japan held naval drills involving the carrier USS Ronald Reagan on Monday.",
            "2025-03-10",
        ),
        ("Russia and China conducted joint exercises including bomber patrols on Tuesday.", "2025-03-11"),
        ("India and France held the Varuna exercise featuring Rafale jets on Monday.", "2025-03-10"),
        ("Japan and Australia staged air drills involving F-35A fighters on Tuesday.", "2025-03-11"),
    ],
)
def test_the_day_of_what_the_drills_involved_is_theirs(exercises, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "staged joint air drills involving F-35A stealth jets on Friday": the participle says what
    the drills involved, and the parser hangs the day on it."""
    assert [r[1] for r in exercises(text, "2025-03-14")] == [date]


@pytest.mark.parametrize(
    "text",
    [
        "India, the US, Japan and Australia began Malabar on Monday. Last year's Malabar was held off Sydney in August.",
        "The Philippines and the US opened Balikatan on Monday. A serial also staged during last year's Balikatan will be repeated.",
        "South Korea and the US began Ulchi Freedom Shield on Monday. Last year's Ulchi Freedom Shield drew 58,000 troops.",
        "Australia and the US opened Talisman Sabre on Monday. The 2023 Talisman Sabre involved 13 nations.",
        "Thailand and the US began Cobra Gold on Monday. Cobra Gold in 2023 was the largest since the pandemic.",
    ],
)
def test_last_years_edition_of_a_named_exercise_is_another_exercise(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "Last year's Malabar was held off Sydney": an exercise series holds one edition a year;
    the edition of another year is an exercise of its own."""
    assert sorted(r[1][:4] for r in exercises(text, "2024-08-12")) == ["2023", "2024"]


@pytest.mark.parametrize(
    ("text", "earlier"),
    [
        (
            "Australia and the United States opened Talisman Sabre on Monday. The 2023 edition involved some 30,000 personnel from 13 countries.",
            (("AUS", "USA"), "2023", "Talisman Sabre", "asserted"),
        ),
        (
            "India and the US began Yudh Abhyas on Monday. The previous edition was held in October 2021 in Alaska.",
            (("IND", "USA"), "2021-10", "Yudh Abhyas", "asserted"),
        ),
        (
            "Thailand and the United States opened Cobra Gold 2025 on Tuesday. Last year's edition drew troops from 30 nations.",
            (("THA", "USA"), "2024", "Cobra Gold", "asserted"),
        ),
        (
            "India and the United States began the Malabar naval exercise on Wednesday. The last edition was conducted off Goa in March 2024.",
            (("IND", "USA"), "2024-03", "Malabar", "asserted"),
        ),
        (
            "Russia and China launched Joint Sea on Sunday. The 2019 iteration was held near Qingdao.",
            (("CHN", "RUS"), "2019", "Joint Sea", "asserted"),
        ),
    ],
)
def test_an_earlier_edition_is_an_exercise_of_the_series_told(
    exercises, text: str, earlier: tuple[object, ...]
) -> None:  # type: ignore[no-untyped-def]
    """ "The 2023 edition involved 30,000 personnel": an exercise of the series the story last
    named, with its name and parties, dated by its own date."""
    rows = exercises(text, "2025-06-26")
    assert len(rows) == 2
    assert rows[1] == earlier


def test_this_years_edition_is_the_exercise_told(exercises) -> None:  # type: ignore[no-untyped-def]
    text = "India and the US began Yudh Abhyas on Monday. The 18th edition of the annual exercise is being held in Auli."
    assert exercises(text, "2025-06-26") == [(("IND", "USA"), "2025-06-23", "Yudh Abhyas", "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "The India-US exercise Yudh Abhyas will conclude in Auli on Friday, officials said.",
        "The Zapad exercise of Russia and Belarus will end on Saturday.",
        "Balikatan, the exercise of the Philippines and the United States, will wrap up on Friday.",
        "The Sea Breeze exercise of Ukraine and the United States is due to end on Sunday.",
        "Exercise Pitch Black, which Australia and Singapore are holding near Darwin, will close on Friday.",
        "Japan and the United States kicked off their Resolute Dragon drills, which will run through July 4.",
        "The Cobra Gold exercise of Thailand and the United States runs through Friday in Rayong.",
    ],
)
def test_drills_that_will_end_are_under_way(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "The exercise will conclude on Friday": under way now (asserted), dated by the dateline's
    month, not a plan."""
    [row] = exercises(text, "2025-06-26")
    assert row[1:] == ("2025-06", row[2], "asserted")


@pytest.mark.parametrize(
    "text",
    [
        "Finland will stage exercises with its partners at the same time as Zapad, sized in proportion to the Russian-Belarusian drills.",
        "Latvia plans manoeuvres alongside Zapad, matched to the Russian-Belarusian drills.",
    ],
)
def test_a_states_adjective_beside_an_exercise_is_no_crash(nlp, lexicon, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "the Russian-Belarusian drills": a compound of state adjectives is no name; reading it
    once raised IndexError and lost the sentence (before sentences were isolated, the article)."""
    import datetime as dt

    from kg.extract import extract
    from kg.models import Article

    x = extract(Article(id="case", body=text, date=dt.date(2025, 6, 12)), nlp, lexicon)
    assert x.failed == ()
    assert all(getattr(e, "name", None) != "Russian-Belarusian" for e in x.events)


@pytest.mark.parametrize(
    "text",
    [
        "Ukraine has taken part in exercises with NATO before, under the Partnership for Peace programme.",
        "India and France have held joint naval drills previously, off Goa and in the Mediterranean.",
        "Japan and Australia have repeatedly staged air exercises over the Coral Sea.",
        "The target areas lie closer to the coast than any previous Chinese military exercise.",
        "Every exercise near the border draws a protest from Pyongyang.",
    ],
)
def test_a_habit_or_a_kind_of_exercise_is_no_occasion(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "has taken part in exercises with NATO before", "than any previous exercise": no
    exercise of its own."""
    assert exercises(text, "1997-08-25") == []


def test_a_past_perfect_with_a_date_is_an_occasion(launches) -> None:  # type: ignore[no-untyped-def]
    text = "Iran had previously fired ballistic missiles at U.S. forces in January 2020."
    assert [(r[0], r[1]) for r in launches(text, "2024-04-14")] == [("IRN", "2020-01")]


@pytest.mark.parametrize(
    "text",
    [
        "Warships from Ukraine and the United States have begun a joint exercise off the Crimean Peninsula.",
        "South Korea and the United States are conducting joint drills near the border, the military said.",
        "The navies of China and Russia have started their Joint Sea exercise near Vladivostok.",
        "Poland is holding its own large-scale manoeuvres, Iron Defender, with 30,000 troops.",
        "India and France have kicked off the Varuna naval exercise in the Arabian Sea.",
    ],
)
def test_drills_told_as_going_on_take_the_datelines_month(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "have begun a joint exercise", "are conducting joint drills": under way at the dateline,
    so dated by its month (the devset's convention for an exercise only said to be ongoing)."""
    [row] = exercises(text, "2025-08-03")
    assert row[1] == "2025-08"


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "North Korea fired two missiles on Wednesday to protest ongoing military drills by the "
            "United States and South Korea.",
            ("KOR", "USA"),
        ),
        ("Moscow denounced the current naval exercises by Japan and Australia.", ("AUS", "JPN")),
        ("The launch came amid ongoing US-South Korean military drills.", ("KOR", "USA")),
        pytest.param(
            "China condemned ongoing U.S.-Philippine drills near Scarborough Shoal.",
            ("PHL", "USA"),
            marks=known_failure(
                "'U.S.-Philippine' is one token, which names one state (PHL); splitting it in the "
                "tokenizer was measured and dropped (README, Accuracy)"
            ),
        ),
    ],
)
def test_drills_said_to_be_ongoing_are_an_occasion(exercises, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """ "ongoing military drills by X and Y": no drills in general but the ones under way, dated by
    the dateline's month."""
    assert [(r[0], r[1]) for r in exercises(text, "2025-08-03")] == [(parties, "2025-08")]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Indian warships took part in the Malabar exercise with the navies of the US, Japan and Australia.",
            ("AUS", "IND", "JPN", "USA"),
        ),
        (
            "The Indian Navy held a joint exercise with the navies of France and Japan on Monday.",
            ("FRA", "IND", "JPN"),
        ),
        (
            "Troops of Kazakhstan, Kyrgyzstan and Tajikistan joined Russian forces in a drill on Monday.",
            ("KAZ", "KGZ", "RUS", "TJK"),
        ),
        (
            "Poland held a drill with the armies of Lithuania and Latvia near Suwalki on Monday.",
            ("LTU", "LVA", "POL"),
        ),
        ("Chinese warships held drills off the coast of Japan on Monday.", ("CHN",)),
    ],
)
def test_the_states_of_forces_taking_part_take_part(exercises, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """ "with the navies of the US, Japan and Australia": the states of the forces take part;
    "off the coast of Japan" names a place, no participant."""
    [row] = exercises(text, "2022-12-01")
    assert row[0] == parties


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "USS John Finn joined JS Shimakaze for an exercise in the South China Sea on Friday.",
            ("JPN", "USA"),
        ),
        ("HMS Richmond and INS Delhi held a joint exercise in the Arabian Sea on Monday.", ("GBR", "IND")),
        ("On Tuesday, HMAS Toowoomba and JS Izumo conducted drills off Darwin.", ("AUS", "JPN")),
        ("ROKS Sejong the Great held drills with USS Carl Vinson on Wednesday.", ("KOR", "USA")),
        ("HMCS Ottawa joined USS Ralph Johnson for a joint exercise on Sunday.", ("CAN", "USA")),
    ],
)
def test_a_warships_prefix_tells_whose_navy_takes_part(  # type: ignore[no-untyped-def]
    exercises, text: str, parties: tuple[str, ...]
) -> None:
    """ "USS John Finn joined JS Shimakaze for an exercise": the US and Japanese navies."""
    assert [r[0] for r in exercises(text, "2024-02-20")] == [parties]


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        ("Iran held war games near the Strait of Hormuz on Saturday.", ("IRN",)),
        ("Iran's Revolutionary Guards staged missile war games on Sunday.", ("IRN",)),
        ("China began three days of war games around Taiwan on Monday.", ("CHN",)),
        ("Russian and Belarusian troops ended joint war games on Friday.", ("BLR", "RUS")),
        ("On Tuesday, Taiwan opened its annual war games.", ("TWN",)),
    ],
)
def test_war_games_are_an_exercise(exercises, text: str, parties: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """ "war games": an exercise noun of two words."""
    assert [r[0] for r in exercises(text, "2024-06-26")] == [parties]


@pytest.mark.parametrize(
    "text",
    [
        "Iran's Revolutionary Guards opened Great Prophet 9 on Wednesday. Iranian forces held naval drills near Hormuz on Thursday.",
        "Russia began the Zapad-2024 exercise with Belarus on Friday. On Saturday, Russian and Belarusian troops held drills near Grodno.",
        "Taiwan's Han Kuang exercise began on Monday. Taiwanese troops held live-fire drills on Tuesday.",
        "India and the US opened Yudh Abhyas on Monday. Indian and American soldiers conducted joint drills in Rajasthan on Wednesday.",
        "China started Joint Sword-2024A around Taiwan on Thursday. Chinese warships staged drills east of the island on Friday.",
    ],
)
def test_drills_without_a_name_in_the_week_of_a_named_exercise_are_that_exercise(
    exercises, text: str
) -> None:  # type: ignore[no-untyped-def]
    """Unnamed drills of the same states, dated within the week the named exercise opened, or
    told as its own without a date, are the named exercise."""
    rows = exercises(text, "2024-06-30")
    assert len(rows) == 1 and rows[0][2] is not None


@pytest.mark.parametrize(
    ("text", "parties"),
    [
        (
            "Pakistan fired a Ghaznavi missile on Thursday. ISPR said this launch was carried out as part of a training exercise of Army Strategic Forces Command.",
            ("PAK",),
        ),
        (
            "Taiwan's navy mistakenly fired a Hsiung Feng III missile during a routine exercise on Friday.",
            ("TWN",),
        ),
        (
            "Pakistan test-fired a Babur missile on Monday as part of its annual field training exercise.",
            ("PAK",),
        ),
        ("Iran fired a Qader cruise missile on Sunday during a naval exercise near Jask.", ("IRN",)),
        ("India launched a BrahMos from a destroyer in a training drill off Goa on Tuesday.", ("IND",)),
    ],
)
def test_an_exercise_a_launch_was_part_of_is_the_launchers(  # type: ignore[no-untyped-def]
    exercises, text: str, parties: tuple[str, ...]
) -> None:
    """ "this launch was carried out as part of a training exercise", "fired the missile during a
    routine exercise": the exercise is held by the state that launched."""
    assert [r[0] for r in exercises(text, "2024-06-26")] == [parties]


def test_the_exercise_a_launch_happened_during_is_the_one_told(exercises) -> None:  # type: ignore[no-untyped-def]
    """ "During the exercise, the North fired ...": the allies' drill told before, not the North's."""
    text = "South Korea and the US began Freedom Shield on Monday. During the exercise, on Thursday, North Korea fired a Hwasong-17."
    assert [r[0] for r in exercises(text, "2024-06-28")] == [("KOR", "USA")]


def test_a_lower_case_word_names_no_exercise(exercises) -> None:  # type: ignore[no-untyped-def]
    assert [
        r[2] for r in exercises("Iran held navy drills near the Strait of Hormuz on Sunday.", "2024-06-26")
    ] == [None]


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # a sentence right after an exercise, listing three or more states with a word of taking
        # part, says who takes part; the states of a clause about observers do not
        (
            "The Pacific Shield exercise opened off Guam on Monday. Forces have come from Australia, "
            "Canada, Japan and the Philippines, while Vietnam and Malaysia are observing.",
            ("AUS", "CAN", "JPN", "PHL"),
        ),
        (
            "India opened the Milan naval exercise at Visakhapatnam on Monday. Navies from France, "
            "Japan, Australia and Indonesia are taking part.",
            ("AUS", "FRA", "IDN", "IND", "JPN"),
        ),
        (
            "Thailand and the United States began Cobra Gold on Tuesday. Singapore, Japan and "
            "Indonesia have sent troops, and China is among the observer nations.",
            ("IDN", "JPN", "SGP", "THA", "USA"),
        ),
        (
            "Pakistan began the Aman naval exercise near Karachi on Friday. Nine of the participating "
            "nations, including China, Turkey and Sri Lanka, sent ships.",
            ("CHN", "LKA", "PAK", "TUR"),
        ),
        # states named for another reason are no participants
        (
            "Japan and the United States started the Keen Sword drills on Monday. The two allies say "
            "Russia, China and North Korea threaten the region.",
            ("JPN", "USA"),
        ),
    ],
)
def test_the_states_listed_as_taking_part_join_the_exercise(  # type: ignore[no-untyped-def]
    exercises, text: str, participants: tuple[str, ...]
) -> None:
    assert [r[0] for r in exercises(text, "2025-02-14")] == [participants]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # an exercise ended and replaced is called off (negated) ...
        (
            "Last year the allies ended their springtime Foal Eagle exercise and held a smaller command post drill instead.",
            (("KOR", "USA"), "2023", "Foal Eagle", "negated"),
        ),
        (
            "Japan and the United States have dropped the Orient Shield exercise and will replace it with staff talks.",
            (("JPN", "USA"), None, "Orient Shield", "negated"),
        ),
        (
            "Russia halted its Zapad exercise and staged a smaller drill instead.",
            (("BLR", "RUS"), None, "Zapad", "negated"),
        ),
        # ... one ended on a day has been held
        (
            "China and Russia ended the Joint Sea-2024 exercise on July 17.",
            (("CHN", "RUS"), "2024-07-17", "Joint Sea-2024", "asserted"),
        ),
        (
            "The allies ended the Ulchi Freedom Shield exercise on Thursday after 11 days.",
            (("KOR", "USA"), "2024-08-29", "Ulchi Freedom Shield", "asserted"),
        ),
    ],
)
def test_an_exercise_ended_and_replaced_is_called_off(exercises, text: str, row: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    assert [r for r in exercises(text, "2024-08-30") if r[2] == row[2]] == [row]


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # "concluded" holds an exercise as "ended", "wrapped up" and "completed" do: its subject takes part
        ("India and France concluded the Varuna exercise on Friday.", ("FRA", "IND")),
        ("The Indian and French navies concluded the Shakti exercise on Friday.", ("FRA", "IND")),
        ("Japan and Australia concluded their joint air drills on Friday.", ("AUS", "JPN")),
        ("Japan and Australia wrapped up their joint air drills on Friday.", ("AUS", "JPN")),
        ("China and Russia completed the Joint Sea exercise on Friday.", ("CHN", "RUS")),
    ],
)
def test_who_concludes_an_exercise_took_part(exercises, text: str, participants: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    assert [r[0] for r in exercises(text, "2024-11-20")] == [participants]


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        # an exercise "of" forces no state is named for is held by the state the article is about
        (
            "Russia tested a new missile on Tuesday. On Monday, Putin personally directed a training "
            "exercise of the strategic deterrence forces.",
            ("RUS",),
        ),
        (
            "Pakistan test-fired a Ghaznavi missile at night. The launch crowned a field training "
            "exercise of the Army Strategic Forces Command held on Monday.",
            ("PAK",),
        ),
        (
            "China sent warships near Taiwan on Tuesday. On Monday the defence ministry reported a "
            "live-fire exercise of the navy's Eastern Theatre forces.",
            ("CHN",),
        ),
        (
            "Iran unveiled a new drone on Tuesday. State television on Monday showed a large exercise "
            "of the ground forces near the border.",
            ("IRN",),
        ),
        (
            "North Korea warned the South on Tuesday. Its media said Kim watched a firing exercise of "
            "artillery troops on Monday.",
            ("PRK",),
        ),
    ],
)
def test_an_exercise_of_unnamed_forces_is_the_articles_state(
    exercises, text: str, participants: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    assert [r[0] for r in exercises(text, "2024-11-20")] == [participants]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # "the three countries", "both navies": the parties of the exercise told with as many
        (
            "China, Russia and Iran began joint naval drills on Monday. The three countries held "
            "similar exercises in 2023.",
            [(("CHN", "IRN", "RUS"), "2024-11-18"), (("CHN", "IRN", "RUS"), "2023")],
        ),
        (
            "India and France began the Varuna exercise on Monday. The two navies held a joint "
            "drill in the Arabian Sea in 2022.",
            [(("FRA", "IND"), "2024-11-18"), (("FRA", "IND"), "2022")],
        ),
        (
            "Japan, Australia, India and the United States opened Malabar on Monday. The four navies "
            "held a similar exercise off Sydney in 2023.",
            [(("AUS", "IND", "JPN", "USA"), "2024-11-18"), (("AUS", "IND", "JPN", "USA"), "2023")],
        ),
        (
            "South Korea and the United States began combined drills on Monday. Both militaries "
            "held smaller drills in March.",
            [(("KOR", "USA"), "2024-11-18"), (("KOR", "USA"), "2024-03")],
        ),
        # with no exercise of that many told, the count names no one
        (
            "Japan and the Philippines signed a pact. The three countries held drills in 2023.",
            [],
        ),
    ],
)
def test_the_counted_states_are_those_of_the_exercise_told(
    exercises, text: str, rows: list[tuple[object, ...]]
) -> None:  # type: ignore[no-untyped-def]
    assert [(r[0], r[1]) for r in exercises(text, "2024-11-20")] == rows


@pytest.mark.parametrize(
    "text",
    [
        # the places drills are held name no participant: a strait named for a state, the
        # compass points "of" a state, "around" one the parser coordinated with another place
        'The exercises, code-named "Joint Sword-2024A", are being held in the Taiwan Strait, the PLA said.',
        'The exercises, code-named "Joint Sword-2024A", are held to the north, south and east of Taiwan, the PLA said.',
        'The exercises, code-named "Joint Sword-2024B", are held to the north of Taiwan and around the islands of Kinmen, the PLA said.',
        'The "Strait Thunder" drills, held in the Taiwan Straits, involved destroyers, the PLA said.',
        "Chinese warships held live-fire drills to the east of Taiwan, the PLA's Eastern Theater Command said.",
    ],
)
def test_where_drills_are_held_takes_no_part(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [r[0] for r in exercises(text, "2024-11-20")] == [("CHN",)]


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        (
            "The Ground Self-Defense Force test-fired a surface-to-ship missile in Hokkaido on Tuesday, "
            "the first drill of its kind held in Japan.",
            ("JPN",),
        ),
        (
            "The Maritime Self-Defense Force fired two torpedoes off Okinawa on Tuesday, a drill meant to "
            "test its readiness.",
            ("JPN",),
        ),
        (
            "South Korean marines fired K9 howitzers on Yeonpyeong Island on Tuesday, their first "
            "live-fire drill there in months.",
            ("KOR",),
        ),
    ],
)
def test_a_drill_in_apposition_to_a_launch_is_its_launchers(
    exercises, text: str, participants: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    """ "..., the first drill of its kind": the apposition names what the clause's subject did."""
    rows = exercises(text, "2025-06-25")
    assert [r[0] for r in rows] == [participants]


@known_failure("the apposition on the saying comes out as an asserted exercise of the sentence's state")
def test_a_drill_in_apposition_to_a_saying_is_not_the_sayers(exercises) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(
        "Iran will begin naval drills in the Strait of Hormuz this week, a commander said on Tuesday, "
        "an exercise meant to show its strength.",
        "2025-06-25",
    )
    assert {r[3] for r in rows} <= {"expected"}


def test_taking_part_with_no_exercise_told_is_no_exercise(exercises) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(
        "Naval units of four countries held a maritime cooperative activity on April 7, with the "
        "Maritime Self-Defense Force destroyer Akebono taking part.",
        "2024-07-08",
    )
    assert rows == []


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "BALTOPS 25 opened off Kiel on Monday with ships from Poland and Sweden. BALTOPS wraps up on July 4.",
            "BALTOPS 25",
        ),
        (
            "Australia and the United States began Talisman Sabre 2025 on Sunday. Talisman Sabre runs until "
            "Aug. 4, the defence force said.",
            "Talisman Sabre 2025",
        ),
        (
            "India and France opened Varuna 2025 near Goa on Monday. Varuna ends on Friday.",
            "Varuna 2025",
        ),
        (
            "Cobra Gold 2025 kicked off on Tuesday with Thai and US troops. Cobra Gold is due to close on "
            "March 7 with a live-fire show.",
            "Cobra Gold 2025",
        ),
        (
            "Sweden has taken part in BALTOPS for decades. BALTOPS 25 began on Monday with ships from "
            "Sweden, Finland and Germany.",
            "BALTOPS 25",
        ),
    ],
)
def test_a_series_told_without_its_edition_is_the_edition_told(exercises, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """ "BALTOPS 25 ... BALTOPS wraps up on July 4": the series' name in a story about one
    edition is that edition, one exercise under the edition's name."""
    rows = exercises(text, "2025-06-26")
    assert [r[2] for r in rows] == [name]


def test_two_editions_of_a_series_stay_apart(exercises) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(
        "China held Joint Sword-2024B around Taiwan on Monday. In April 2023 it held drills called Joint Sword.",
        "2024-10-15",
    )
    assert sorted((r[1], r[2]) for r in rows) == [
        ("2023-04", "Joint Sword"),
        ("2024-10-14", "Joint Sword-2024B"),
    ]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "The second phase of the Malabar exercise involving India, Japan and the US got underway in the "
            "Arabian Sea on Tuesday.",
            "2025-06-24",
        ),
        ("The second phase of the Zapad drills of Russia and Belarus began on Monday.", "2025-06-23"),
        (
            "The final stage of the Iranian navy's Velayat exercise started on Sunday in the Gulf of Oman.",
            "2025-06-22",
        ),
        ("The third phase of the Thai-US Cobra Gold exercise kicked off on Wednesday.", "2025-06-25"),
        ("The second stage of the Vostok exercise of Russia and China opened on Monday.", "2025-06-23"),
    ],
)
def test_a_phase_that_began_on_a_day_is_dated_by_it(exercises, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "The second phase of Malabar got underway on Tuesday": the phase is dated by its own
    start, not only by the month (as "a second day of drills on Friday" is)."""
    [row] = exercises(text, "2025-06-26")
    assert row[1] == date


@pytest.mark.parametrize(
    ("text", "date", "participants"),
    [
        (
            "RIMPAC 2024 is heading into its final week. Some 25,000 personnel from 29 nations have been "
            "training around Hawaii since June 27.",
            "2024-06-27",
            ("USA",),
        ),
        (
            "BALTOPS 24 is in its second week. About 9,000 sailors from Poland, Sweden and Germany have been "
            "training since June 7 in mine clearance.",
            "2024-06-07",
            ("DEU", "POL", "SWE"),
        ),
        (
            "Pitch Black has passed its halfway mark. Aircrews from 20 countries have been drilling over the "
            "Northern Territory since July 12.",
            "2024-07-12",
            ("AUS",),
        ),
        (
            "Valiant Shield 2024 continues around Guam. US and Japanese units have trained together there "
            "since June 7.",
            "2024-06-07",
            ("JPN", "USA"),
        ),
        (
            "Zapad-2025 is under way in Belarus. Russian and Belarusian troops have been practising "
            "defensive operations since Friday.",
            "2024-07-19",
            ("BLR", "RUS"),
        ),
    ],
)
def test_forces_training_since_a_day_date_the_exercise_told(  # type: ignore[no-untyped-def]
    exercises, text: str, date: str, participants: tuple[str, ...]
) -> None:
    """ "RIMPAC 2024 is heading into its final week. Some 25,000 personnel have been training
    since June 27": the day they have drilled since is the exercise's start; the states the
    subject names take part."""
    [row] = exercises(text, "2024-07-23")
    assert row[1] == date
    assert set(participants) <= set(row[0])


@pytest.mark.parametrize(
    "text",
    [
        "Russia, Belarus and Kazakhstan began joint drills on Friday. Small contingents from friendly countries "
        "joined the Russian part of the drills.",
        "China, Russia and Iran opened a naval exercise near Chabahar on Monday. The Chinese part of the exercise "
        "took place at sea.",
        "Australia, Japan and the Philippines held joint drills off Darwin on Monday. The Japanese part of the "
        "drills ended early.",
        "Egypt, Jordan and Saudi Arabia began a joint exercise on Sunday. The Saudi share of the exercise was led "
        "by its navy.",
        "The United States, South Korea and Japan held a trilateral air exercise on Sunday. The South Korean "
        "portion of the drill involved F-15K jets.",
    ],
)
def test_one_sides_share_of_the_drills_told_is_those_drills(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "joined the Russian part of the drills": the drills told with Russia and others, not
    Russian drills of their own (a definite reference whose states are among theirs)."""
    rows = exercises(text, "2025-06-26")
    assert len(rows) == 1


@pytest.mark.parametrize(
    "text",
    [
        "China fired an ICBM into the Pacific on Wednesday. The launch was part of routine annual training.",
        "The Chinese navy described the carrier operations as routine training under its annual plan.",
        "Russia test-fired a Yars on Tuesday, a launch the ministry called part of routine training.",
        "India fired an Agni-I from Abdul Kalam Island on Friday as part of routine user training.",
        "The ministry said the firing was part of the unit's routine training.",
    ],
)
def test_routine_training_is_no_occasion(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "The launch was part of routine annual training": training told as a routine is no
    exercise of its own."""
    assert exercises(text, "2024-09-26") == []


@pytest.mark.parametrize(
    "text",
    [
        "African Lion 24 ran from April 19 through May 31 and brought together 8,100 service members.",
        "African Lion 2025 opened in Agadir on Monday.",
        "Troops wrapped up the African Lion exercise near Tan-Tan on Friday.",
        "The 20th edition of African Lion began on Monday in southern Morocco and Tunisia.",
        "U.S. and Senegalese troops trained together during African Lion on Tuesday.",
    ],
)
def test_african_lion_is_hosted_by_morocco_with_the_united_states(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """A series the catalogue knows brings its fixed hosts, whatever guests the text names."""
    [row] = exercises(text, "2025-06-26")
    assert {"MAR", "USA"} <= set(row[0])


def test_routine_training_the_text_dates_is_an_occasion(exercises) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(
        "The navies of Japan and the United States conducted routine training in the Philippine Sea on Monday.",
        "2024-03-13",
    )
    assert [(r[0], r[1]) for r in rows] == [(("JPN", "USA"), "2024-03-11")]


@pytest.mark.parametrize(
    "text",
    [
        "On Thursday the United States and Ukraine signed a security agreement covering military aid, training "
        "and arms production.",
        "India and France signed an accord on Friday that provides for joint training and the exchange of "
        "liaison officers.",
        "Poland and Lithuania signed an agreement on Tuesday that commits their armies to joint training.",
        "The treaty between Australia and Papua New Guinea treats an attack on either as a danger to both and "
        "commits the two forces to closer training.",
        "The deal, which Germany and Britain signed on Wednesday, covers joint exercises and arms exports.",
    ],
)
def test_drills_an_agreement_provides_for_are_no_occasion(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "a security agreement covering military aid, training and ...": what a treaty provides
    for is no exercise held."""
    assert exercises(text, "2024-06-14") == []


@pytest.mark.parametrize(
    ("text", "name", "states"),
    [
        (
            "Freedom Edge 2025 began on Monday off Jeju with ships of Japan, South Korea and the United "
            "States. It is Japan's first Freedom Edge with its new destroyers.",
            "Freedom Edge 2025",
            ("JPN", "KOR", "USA"),
        ),
        (
            "Cope North 2025 opened at Andersen Air Force Base on Tuesday with aircraft of the United States, "
            "Japan and Australia. This is the first edition in which Japan flies its F-35s.",
            "Cope North 2025",
            ("AUS", "JPN", "USA"),
        ),
    ],
)
def test_a_first_said_of_the_exercise_told_is_that_exercise(exercises, text: str, name: str, states) -> None:  # type: ignore[no-untyped-def]
    """ "It is Sweden's first BALTOPS as an ally": "it" is the exercise told, and "first" says
    how it stands among the series, not that another exercise took place."""
    rows = exercises(text, "2025-06-26")
    assert [(r[0], r[2]) for r in rows] == [(states, name)]


@pytest.mark.parametrize(
    ("text", "states"),
    [
        (
            "Exercise Pitch Black 2025 is under way in Darwin. The exercise began on Monday with some 3,000 "
            "airmen from Australia, India and Singapore.",
            ("AUS", "IND", "SGP"),
        ),
        (
            "NATO's Dynamic Mongoose 2025 is under way off Norway. The drills opened on June 23 with "
            "submarines and frigates from Norway, Canada and Germany.",
            ("CAN", "DEU", "NOR"),
        ),
    ],
)
def test_the_forces_an_exercise_began_with_take_part(exercises, text: str, states) -> None:  # type: ignore[no-untyped-def]
    """ "the drill opened on June 7 with 50 ships and 9,000 personnel from Belgium, Denmark, ...":
    the forces it began with are its participants."""
    rows = exercises(text, "2025-06-26")
    assert [r[0] for r in rows] == [states]


@pytest.mark.parametrize(
    ("text", "states"),
    [
        (
            "Russia held its Vostok-2022 drills in the Far East in September, saying 50,000 troops took part "
            "alongside Chinese and Indian units.",
            ("CHN", "IND", "RUS"),
        ),
        (
            "Thailand hosted Cobra Gold in March; troops from Singapore and Indonesia also took part.",
            ("IDN", "SGP", "THA", "USA"),
        ),
        (
            "The Kavkaz-2020 drills opened on Monday; about 250 troops from China are participating.",
            ("CHN", "RUS"),
        ),
        (
            "Exercise Valiant Shield 2024 opened on June 7. For the first time, Japan's Self-Defense Forces are "
            "taking part, and parts of the exercise are being held in Japan.",
            ("JPN", "USA"),
        ),
    ],
)
def test_a_clause_of_who_took_part_adds_participants(exercises, text: str, states) -> None:  # type: ignore[no-untyped-def]
    """ "held its Vostok-2018 manoeuvres in September, saying some 300,000 troops took part
    alongside Chinese and Mongolian units": the clause says who took part in the exercise."""
    assert [r[0] for r in exercises(text, "2025-06-26")] == [states]


@pytest.mark.parametrize(
    "text",
    [
        "Thailand hosted Cobra Gold in March; Myanmar did not take part.",
        "In April the Shandong took part in the Strait Thunder-2025A exercise around Taiwan.",
    ],
)
def test_who_did_not_take_part_or_where_is_no_participant(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """Who "did not take part", and where the exercise was, take no part in it."""
    rows = exercises(text, "2025-06-26")
    assert rows and not {"MMR", "TWN"} & set(rows[0][0])


@pytest.mark.parametrize(
    ("text", "states"),
    [
        ("Thailand hosted Cobra Gold in March; no Chinese troops took part.", ("THA", "USA")),
        ("China held drills on Monday, saying Chinese troops took part near Taiwan.", ("CHN",)),
        (
            "Japan took part last year, and this year China held drills near Taiwan with Russia.",
            ("CHN", "RUS"),
        ),
        ("The US-South Korean drills began on Monday with a warning from North Korea.", ("KOR", "USA")),
    ],
)
def test_no_part_another_time_or_a_reaction_adds_no_participant(exercises, text: str, states) -> None:  # type: ignore[no-untyped-def]
    """ "no Chinese troops took part", "took part near Taiwan", "took part last year", "began
    with a warning from North Korea": none of these states takes part in the exercise told."""
    assert [r[0] for r in exercises(text, "2025-06-26")] == [states]


@pytest.mark.parametrize(
    "text",
    [
        "Talisman Sabre began on Monday. Japan is not a participant in the exercise.",
        "Talisman Sabre began on Monday. China is not attending the exercise.",
        "Talisman Sabre began on Monday. Chinese and Indian military officials attended the drills.",
        "Talisman Sabre began on Monday. Malaysia and Vietnam are attending the exercise as observers.",
    ],
)
def test_who_does_not_attend_or_attends_as_officials_takes_no_part(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [r[0] for r in exercises(text)] == [("AUS", "USA")]


@pytest.mark.parametrize(
    ("text", "states"),
    [
        (
            "Talisman Sabre began on Monday. Fiji, France and Japan are attending the exercise as "
            "participants, with Malaysia and Vietnam attending as observers.",
            ("AUS", "FJI", "FRA", "JPN", "USA"),
        ),
        (
            "Cobra Gold opened on Monday. Singapore, Japan and Malaysia are full participants in the "
            "two-week exercise.",
            ("JPN", "MYS", "SGP", "THA", "USA"),
        ),
        (
            "RIMPAC got under way on Monday. Chile and Peru are participants in the drills for the first time.",
            ("CHL", "PER", "USA"),
        ),
        (
            "Russia and Belarus began the Zapad exercise on Monday. Observers from India and Iran are "
            "attending the drills.",
            ("BLR", "RUS"),
        ),
        (
            "African Lion began on Monday. Ghana and Senegal are attending the exercise, and officers from "
            "Brazil are attending as observers.",
            ("GHA", "MAR", "SEN", "USA"),
        ),
    ],
)
def test_states_attending_or_participants_in_an_exercise_take_part(exercises, text: str, states) -> None:  # type: ignore[no-untyped-def]
    """ "are attending the exercise as participants", "are full participants in the exercises":
    those states take part, in the exercise told before; observers do not."""
    rows = exercises(text)
    assert [r[0] for r in rows] == [states]


def test_a_state_taking_part_in_another_named_exercise_does_not_name_the_drills(exercises) -> None:  # type: ignore[no-untyped-def]
    """'India is also taking part in Pitch Black' after drills of India, Japan and the United
    States: Pitch Black is Australia's, whose states the drills do not hold; two exercises."""
    rows = exercises(
        "Japan, India and the United States began naval drills in the Bay of Bengal on Monday. India "
        "is also taking part in Pitch Black with two warships.",
        "2025-07-15",
    )
    assert sorted(str(r[2]) for r in rows) == ["None", "Pitch Black"]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "India, Australia, Japan and the United States began naval drills in the Bay of Bengal on "
            "Monday. Australia is taking part in the Malabar exercise for the first time since 2007.",
            (("AUS", "IND", "JPN", "USA"), "2025-07-14", "Malabar"),
        ),
        (
            "The United States, Australia, Canada and Japan opened joint war games in Queensland on "
            "Monday. Japan is participating in Talisman Sabre with 2,000 troops, Tokyo said.",
            (("AUS", "CAN", "JPN", "USA"), "2025-07-14", "Talisman Sabre"),
        ),
        (
            "The Philippines, Australia, Japan and the United States launched combined exercises on "
            "Monday. Japan is taking part in Balikatan as a full participant for the first time.",
            (("AUS", "JPN", "PHL", "USA"), "2025-07-14", "Balikatan"),
        ),
    ],
)
def test_a_state_taking_part_in_the_named_drills_just_told_names_them(
    exercises, text: str, row: tuple[object, ...]
) -> None:  # type: ignore[no-untyped-def]
    """'Australia is taking part in the Malabar exercises' after drills of Australia and others:
    one of their states joins them by name, so the name is theirs, not another exercise's."""
    assert [r[:3] for r in exercises(text, "2025-07-15")] == [row]


@pytest.mark.parametrize(
    ("text", "states"),
    [
        (
            "Pitch Black opened in Darwin on Monday, bringing together 4,000 personnel from six "
            "nations: Australia, India, Indonesia, Japan, Singapore and France.",
            ("AUS", "FRA", "IDN", "IND", "JPN", "SGP"),
        ),
        (
            "UNITAS began on Monday and runs until Friday, involving 5,000 sailors from five countries: "
            "the United States, Chile, Peru, Colombia and Mexico.",
            ("CHL", "COL", "MEX", "PER", "USA"),
        ),
        (
            "Pitch Black opened in Darwin on Monday with 4,000 personnel from three nations: Australia, "
            "India and Japan, near the disputed waters claimed by China and Vietnam.",
            ("AUS", "IND", "JPN"),
        ),
        (
            "Allied navies opened Exercise Sea Breeze on Monday. Some 3,000 sailors from four nations "
            "are at sea off Odesa: Ukraine and the United States as hosts, Turkey and Romania.",
            ("ROU", "TUR", "UKR", "USA"),
        ),
    ],
)
def test_the_states_a_count_of_nations_lists_take_part(exercises, text: str, states: tuple[str, ...]) -> None:  # type: ignore[no-untyped-def]
    """'personnel from six nations: Australia, India, ...': the list a colon opens after a number
    of nations names the participants, in the exercise's sentence or the one after it."""
    [row] = exercises(text, "2025-07-15")
    assert row[0] == states


@pytest.mark.parametrize(
    "text",
    [
        "Talisman Sabre opened in Queensland on Monday. Envoys from three countries protested the "
        "drills: China, Russia and Iran.",
        "Talisman Sabre opened in Queensland on Monday. Its critics include three nations: China, "
        "Russia and North Korea.",
    ],
)
def test_states_a_count_lists_that_are_no_force_do_not_take_part(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """Only a counted force's states take part ('35,000 personnel from 19 nations: ...'), not
    envoys' or critics'."""
    assert [r[0] for r in exercises(text, "2025-07-15")] == [("AUS", "USA")]


def test_a_date_of_the_series_is_not_the_editions(exercises) -> None:  # type: ignore[no-untyped-def]
    """'Talisman Sabre 2025, the war games that began as a US-Australian drill in 2005': the
    year of the series' beginnings is no date of the edition its name gives."""
    rows = exercises(
        "The launch was the highlight of Talisman Sabre 2025, the biennial war games that began as a "
        "bilateral exercise in 2005.",
        "2025-07-15",
    )
    assert [(r[1], r[2]) for r in rows] == [(None, "Talisman Sabre 2025")]


@pytest.mark.parametrize(
    "text",
    [
        "Russia and Belarus started the Zapad 2017 exercise on Thursday. Propaganda has tried to tell how "
        "scared the Baltics are and to send messages to NATO allies, Latvia's minister said.",
        "Russia and Belarus started the Zapad 2017 exercise on Thursday. The Baltics sent protests to "
        "Moscow, officials said.",
    ],
)
def test_one_word_for_several_states_lists_no_participants(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "the Baltics" stands for three states, but one word for them lists no one taking part:
    a sentence of taking part after an exercise names three states or more one by one."""
    assert [r[0] for r in exercises(text, "2017-09-14")] == [("BLR", "RUS")]


def test_a_group_word_beside_named_states_lists_them_all(exercises) -> None:  # type: ignore[no-untyped-def]
    """ "the Baltic states and Poland": two mentions, four states, a list of who takes part."""
    text = (
        "Germany began the Griffin Lightning exercise on Monday. Forces have come from the Baltic states "
        "and Poland."
    )
    rows = exercises(text, "2025-03-11")
    assert rows and {"EST", "LTU", "LVA", "POL"} <= set(rows[0][0])


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "The Nov. 3 launch came in the middle of Vigilant Storm, an air exercise of South Korea and the US that began on Oct. 31.",
            "2022-10-31",
        ),
        (
            "The Nov. 3 test came during Freedom Shield, a South Korea-U.S. exercise which started on Oct. 30.",
            "2022-10-30",
        ),
        (
            "The Nov. 3 launch came as South Korea and the US held Vigilant Storm, which began on Oct. 31.",
            "2022-10-31",
        ),
        (
            "The Nov. 3 firing took place during Ulchi Freedom Shield, a South Korea-U.S. drill that kicked off on Oct. 31.",
            "2022-10-31",
        ),
        (
            "North Korea's Nov. 3 launch coincided with Vigilant Storm, a South Korea-U.S. exercise that started on Oct. 31.",
            "2022-10-31",
        ),
    ],
)
def test_the_day_of_a_launch_noun_does_not_date_the_drill_it_fell_in(exercises, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "The Nov. 3 launch came in the middle of Vigilant Storm, ... that began on Oct. 31": the
    day names the launch; the exercise is dated by its start."""
    assert [r[1] for r in exercises(text, "2022-11-18")] == [date]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        (
            "The United States and South Korea began the four-day exercise, codenamed Invincible Spirit, on Sunday.",
            "Invincible Spirit",
        ),
        (
            "The United States and South Korea began a four-day exercise, dubbed Invincible Spirit, on Sunday.",
            "Invincible Spirit",
        ),
        (
            "Some 8,000 troops are taking part in the drills, code-named Ulchi Freedom Guardian, this week.",
            "Ulchi Freedom Guardian",
        ),
        ("Russia and Belarus started a joint exercise, dubbed Union Shield, on Sunday.", "Union Shield"),
        ("Iran began war games, codenamed Great Prophet, on Sunday.", "Great Prophet"),
    ],
)
def test_the_name_an_exercise_is_codenamed(exercises, text: str, name: str) -> None:  # type: ignore[no-untyped-def]
    """ "the four-day exercise, codenamed Invincible Spirit,": the whole name, though the parser
    reads "codenamed" as a second verb of the clause and the name's first word as a compound."""
    assert [r[2] for r in exercises(text, "2010-07-25")] == [name]


@pytest.mark.parametrize(
    ("text", "participants"),
    [
        (
            "The Vostok 2022 strategic command and staff exercise, with the participation of Chinese troops, started in Russia's Far East on Thursday.",
            ("CHN", "RUS"),
        ),
        (
            "Russia began the Vostok 2022 exercise with the participation of troops from China and India on Thursday.",
            ("CHN", "IND", "RUS"),
        ),
        (
            "Russia and Belarus began the Union Shield exercise on Thursday with the participation of Kazakh troops.",
            ("BLR", "KAZ", "RUS"),
        ),
        (
            "The Zapad exercise started on Thursday with the participation of Belarusian and Serbian units.",
            ("BLR", "RUS", "SRB"),
        ),
        (
            "Vostok 2022 opened on Thursday with the participation of troops from China, India and Mongolia.",
            ("CHN", "IND", "MNG", "RUS"),
        ),
    ],
)
def test_those_whose_participation_it_is_take_part(
    exercises, text: str, participants: tuple[str, ...]
) -> None:  # type: ignore[no-untyped-def]
    """ "with the participation of Chinese troops" (agency copy's way of listing partners)."""
    assert [r[0] for r in exercises(text, "2022-09-01")] == [participants]


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ("South Korea held two separate drills on Monday and Tuesday.", 2),
        ("Japan held two drills, on Sunday and on Monday.", 2),
        ("Japanese and US forces held drills on Sunday and Monday, twice in two days.", 2),
        ("Japan held drills on Sunday and Monday and then sent the ships home.", 1),
    ],
)
def test_days_told_as_separate_occasions_are_separate_exercises(exercises, text: str, count: int) -> None:  # type: ignore[no-untyped-def]
    assert len(exercises(text, "2025-07-25")) == count


def test_a_clause_on_those_whose_participation_it_is_names_no_partner(exercises) -> None:  # type: ignore[no-untyped-def]
    text = "Russia held naval drills on Monday with the participation of warships that Japan says often shadow its fleet."
    assert [r[0] for r in exercises(text, "2025-07-25")] == [("RUS",)]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "North Korea moved two missiles to its coast in April in a warning against Foal Eagle, "
            "the annual South Korea-U.S. exercise that ran through March and April.",
            "2013-03",
        ),
        (
            "Foal Eagle, the annual South Korea-U.S. exercise that ran through March and April, ended on Tuesday.",
            "2013-03",
        ),
        ("The allies held Foal Eagle, which ran through March and April.", "2013-03"),
        ("The US and the Philippines held Balikatan, which ran through April and May.", "2013-04"),
    ],
)
def test_an_exercise_that_ran_through_two_months_began_in_the_first(exercises, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "ran through March and April" is over both months, not until them ("will run through
    Aug. 31" still tells the end)."""
    assert [r[1] for r in exercises(text, "2013-05-18")] == [date]


@pytest.mark.parametrize(
    "text",
    [
        "In early July the US Navy sent two carriers to conduct exercises in the South China Sea, beginning on July 4.",
        "The US and Japan held naval exercises in the Philippine Sea, starting on July 4.",
        "In July, India and France staged air drills over Rajasthan, beginning on July 4.",
        "Russian and Chinese warships conducted joint drills in the Sea of Japan, starting July 4, the ministry said.",
        "Earlier this month South Korea and the US held combined drills near the border, beginning on July 4.",
    ],
)
def test_a_participle_of_beginning_dates_the_exercise(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "conducted exercises in the South China Sea, beginning on July 4": the start the participle
    tells dates the exercise, not the month the sentence opens with."""
    rows = exercises(text, "2024-07-20")
    assert [r[1] for r in rows] == ["2024-07-04"]
