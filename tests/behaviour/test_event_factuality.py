"""Factuality: how the text presents an event (ONTOLOGY.md, Values; the devset README's
conventions). Said not to have happened ("did not launch", "denied firing", "no missile was
fired") is negated; hedged reports ("appears to have", "apparent", "possibly", "may have") of a
past event are still asserted, and a hedged failure is a failure; one side's own account ("state
media claimed") is claimed; planned, expected, vowed or threatened is expected; an exercise
called off or postponed is negated.

Launch rows are (agent, date, weapon, class, site, outcome, count, factuality); exercise rows
(participants, date, name, factuality). The dateline is a Tuesday: "on Monday" is 2025-03-10.
"""

from __future__ import annotations

import pytest
from behaviour_terms import BM, CM, DATELINE, ICBM, MON, MRBM, SLV, SRBM, known_failure

pytestmark = pytest.mark.model


# ---------------------------------------------------------------------------- negation

NEGATED = [
    (
        "North Korea did not launch a missile on Monday, South Korea's military said.",
        ("PRK", MON, None, "missile", None, "unknown", 1, "negated"),
    ),
    (
        "Iran denied firing a ballistic missile at the tanker on Monday.",
        ("IRN", MON, None, BM, None, "unknown", 1, "negated"),
    ),
    (
        "Iran denied launching a ballistic missile on Monday.",
        ("IRN", MON, None, BM, None, "unknown", 1, "negated"),
    ),
    (
        "China said it did not launch any rockets over Taiwan on Monday.",
        ("CHN", MON, None, "rocket", None, "unknown", None, "negated"),
    ),
    (
        "North Korea did not fire a ballistic missile on Monday, despite warnings.",
        ("PRK", MON, None, BM, None, "unknown", 1, "negated"),
    ),
]

NEGATED_GAPS = [
    pytest.param(
        "No North Korean missile was fired on Monday, Japan's defence ministry said.",
        ("PRK", MON, None, "missile", None, "unknown", 1, "negated"),
    ),
    pytest.param(
        "Contrary to earlier reports, no missile was fired by North Korea on Monday.",
        ("PRK", MON, None, "missile", None, "unknown", 1, "negated"),
    ),
    pytest.param(
        "Pakistan denied that it had test-fired a missile on Monday.",
        ("PAK", MON, None, "missile", None, "unknown", 1, "negated"),
    ),
    (
        "India denied reports that it had test-fired an Agni-V missile on Monday.",
        ("IND", MON, "Agni-V", BM, None, "unknown", 1, "negated"),
    ),
    (
        "Seoul dismissed claims that the North had launched a satellite rocket on Monday.",
        ("PRK", MON, None, "satellite launch vehicle", None, "unknown", 1, "negated"),
    ),
    pytest.param(
        "Russia denied on Monday that it had launched a Kinzhal at Kyiv.",
        ("RUS", None, "Kh-47M2 Kinzhal", "hypersonic missile", None, "unknown", 1, "negated"),
    ),
]


@pytest.mark.parametrize(("text", "row"), NEGATED + NEGATED_GAPS)
def test_a_launch_said_not_to_have_happened_is_negated(launches, text: str, row: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    assert launches(text, DATELINE) == [row]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Russia and China did not hold joint drills in the Sea of Japan on Monday.",
            (("CHN", "RUS"), MON, None, "negated"),
        ),
        (
            "India and France did not hold their joint naval exercise this year.",
            (("FRA", "IND"), "2025", None, "negated"),
        ),
        pytest.param(
            "China denied holding drills near Taiwan on Monday.",
            (("CHN",), MON, None, "negated"),
            marks=known_failure("no exercise at all: 'denied holding drills' is not read"),
        ),
    ],
)
def test_an_exercise_said_not_to_have_happened_is_negated(
    exercises, text: str, row: tuple[object, ...]
) -> None:  # type: ignore[no-untyped-def]
    assert exercises(text, DATELINE) == [row]


# ---------------------------------------------------------------------------- hedging

HEDGED = [
    (
        "North Korea appeared to have fired a ballistic missile on Monday.",
        ("PRK", MON, None, BM, None, "unknown", 1, "asserted"),
    ),
    (
        "North Korea appears to have launched a short-range ballistic missile on Monday, Seoul said.",
        ("PRK", MON, None, SRBM, None, "unknown", 1, "asserted"),
    ),
    (
        "North Korea probably launched a missile on Monday.",
        ("PRK", MON, None, "missile", None, "unknown", 1, "asserted"),
    ),
    (
        "North Korea likely launched a ballistic missile on Monday, officials said.",
        ("PRK", MON, None, BM, None, "unknown", 1, "asserted"),
    ),
    (
        "Iran apparently tested a Kheibar Shekan missile on Monday.",
        ("IRN", MON, "Kheibar Shekan", MRBM, None, "unknown", 1, "asserted"),
    ),
    (
        "Iran possibly launched a Simorgh rocket on Monday, according to satellite images.",
        ("IRN", MON, "Simorgh", SLV, None, "unknown", 1, "asserted"),
    ),
    (
        "North Korea fired an apparent ballistic missile on Monday.",
        ("PRK", MON, None, BM, None, "unknown", 1, "asserted"),
    ),
    (
        "North Korea fired two suspected cruise missiles on Monday.",
        ("PRK", MON, None, CM, None, "unknown", 2, "asserted"),
    ),
    (
        "North Korea fired a projectile on Monday, possibly a ballistic missile.",
        ("PRK", MON, None, BM, None, "unknown", 1, "asserted"),
    ),
    # a hedged failure is a failure (devset: "is presumed to have failed")
    (
        "Russia launched a Sarmat on Monday, and the test appears to have failed.",
        ("RUS", MON, "RS-28 Sarmat", ICBM, None, "failure", 1, "asserted"),
    ),
    (
        "North Korea fired a missile on Monday that apparently exploded seconds into its flight.",
        ("PRK", MON, None, "missile", None, "failure", 1, "asserted"),
    ),
]

HEDGED_GAPS = [
    pytest.param(
        "North Korea may have fired a cruise missile on Monday, officials said.",
        ("PRK", MON, None, CM, None, "unknown", 1, "asserted"),
    ),
    (
        "North Korea fired what appeared to be a ballistic missile on Monday.",
        ("PRK", MON, None, BM, None, "unknown", 1, "asserted"),
    ),
    (
        "North Korea fired a missile on Monday that apparently exploded shortly after liftoff.",
        ("PRK", MON, None, "missile", None, "failure", 1, "asserted"),
    ),
]


@pytest.mark.parametrize(("text", "row"), HEDGED + HEDGED_GAPS)
def test_a_hedged_report_is_still_asserted(launches, text: str, row: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    assert launches(text, DATELINE) == [row]


# ---------------------------------------------------------------------------- claims

CLAIMED = [
    (
        "North Korean state media claimed on Tuesday that the country had successfully tested a new "
        "hypersonic missile on Monday.",
        ("PRK", MON, None, "hypersonic missile", None, "success", 1, "claimed"),
    ),
    (
        "KCNA claimed the North had test-fired two strategic cruise missiles on Monday that flew "
        "1,500 kilometers.",
        ("PRK", MON, None, CM, None, "success", 2, "claimed"),
    ),
    (
        "Iran's state television claimed the Revolutionary Guards had launched a Qaem-100 rocket on Monday.",
        ("IRN", MON, "Qaem-100", SLV, None, "unknown", 1, "claimed"),
    ),
    (
        "The North claimed it had fired a Hwasong-18 on Monday, but Seoul said it had detected no launch.",
        ("PRK", MON, "Hwasong-18", ICBM, None, "unknown", 1, "claimed"),
    ),
    (
        "Russia claimed to have tested a Burevestnik cruise missile on Monday.",
        ("RUS", MON, "9M730 Burevestnik", CM, None, "unknown", 1, "claimed"),
    ),
    (  # the day of "watched" dates the test-firing watched
        "Pyongyang's official news agency said on Tuesday that Kim Jong Un had watched the "
        "test-firing of a new cruise missile on Monday.",
        ("PRK", MON, None, CM, None, "unknown", 1, "claimed"),
    ),
]


@pytest.mark.parametrize(("text", "row"), CLAIMED)
def test_one_sides_account_is_claimed(launches, text: str, row: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    assert launches(text, DATELINE) == [row]


# ---------------------------------------------------------------------------- plans

PLANNED = [
    (
        "North Korea plans to launch a reconnaissance satellite next month.",
        ("PRK", "2025-04", None, SLV, None, "unknown", 1, "expected"),
    ),
    (
        "Pyongyang vowed to launch more spy satellites this year.",
        ("PRK", "2025", None, SLV, None, "unknown", None, "expected"),
    ),
    (
        "North Korea threatened to fire missiles toward Guam.",
        ("PRK", None, None, "missile", None, "unknown", None, "expected"),
    ),
    (
        "Iran threatened to launch more missiles if Israel retaliated.",
        ("IRN", None, None, "missile", None, "unknown", None, "expected"),
    ),
    (
        "The Pentagon plans to test a Minuteman III intercontinental ballistic missile on Thursday.",
        ("USA", "2025-03-13", "Minuteman III", ICBM, None, "unknown", 1, "expected"),
    ),
    (
        "India will launch an Agni-V missile next week.",
        ("IND", "2025-03", "Agni-V", BM, None, "unknown", 1, "expected"),
    ),
    (
        "Officials said North Korea could fire an ICBM as early as next week.",
        ("PRK", "2025-03", None, ICBM, None, "unknown", 1, "expected"),
    ),
    (
        "Analysts expect North Korea to launch another ICBM soon.",
        ("PRK", None, None, ICBM, None, "unknown", 1, "expected"),
    ),
]

PLANNED_GAPS = [
    pytest.param(
        "India will test-fire an Agni-V missile next week, officials said.",
        ("IND", "2025-03", "Agni-V", BM, None, "unknown", 1, "expected"),
    ),
    pytest.param(
        "Pakistan is going to test a Shaheen-III missile on Friday.",
        ("PAK", "2025-03-14", "Shaheen-III", MRBM, None, "unknown", 1, "expected"),
    ),
]


@pytest.mark.parametrize(("text", "row"), PLANNED + PLANNED_GAPS)
def test_a_planned_or_threatened_launch_is_expected(launches, text: str, row: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    assert launches(text, DATELINE) == [row]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Seoul and Washington are expected to stage combined drills next month.",
            (("KOR", "USA"), "2025-04", None, "expected"),
        ),
        (
            "Japan and the United States will hold a joint exercise in the East China Sea next week.",
            (("JPN", "USA"), "2025-03", None, "expected"),
        ),
        (
            "Russia is set to hold its Zapad exercise with Belarus in September.",
            (("BLR", "RUS"), "2025-09", "Zapad", "expected"),
        ),
        (
            "China plans to hold live-fire drills near Taiwan next week.",
            (("CHN",), "2025-03", None, "expected"),
        ),
        (
            "India and Japan will stage their first joint air exercise in April.",
            (("IND", "JPN"), "2025-04", None, "expected"),
        ),
        (
            "The United States and the Philippines intend to hold joint patrols next month.",
            (("PHL", "USA"), "2025-04", None, "expected"),
        ),
        pytest.param(
            "The Freedom Edge exercise with Japan is due to begin on Thursday, Seoul said.",
            (("JPN", "KOR", "USA"), "2025-03-13", "Freedom Edge", "expected"),
        ),
        (
            "Iran announced it would hold naval drills in the Gulf of Oman on Friday.",
            (("IRN",), "2025-03-14", None, "expected"),
        ),
    ],
)
def test_a_planned_exercise_is_expected(exercises, text: str, row: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    assert exercises(text, DATELINE) == [row]


# ---------------------------------------------------------------------------- cancellations

CANCELLED = [
    (
        "South Korea and the United States cancelled their joint air drills planned for next week.",
        (("KOR", "USA"), "2025-03", None, "negated"),
    ),
    (
        "Japan and the United States postponed a joint naval exercise that had been set for Monday.",
        (("JPN", "USA"), MON, None, "negated"),
    ),
    (
        "Japan cancelled a joint drill with Australia planned for Monday.",
        (("AUS", "JPN"), MON, None, "negated"),
    ),
    (
        "A joint naval drill by India and Japan planned for Monday was cancelled.",
        (("IND", "JPN"), MON, None, "negated"),
    ),
    (
        "Taiwan cancelled Monday's Han Kuang drills as a typhoon approached.",
        (("TWN",), MON, "Han Kuang", "negated"),
    ),
    (
        "The Philippines and the United States postponed the Balikatan exercises until further notice.",
        (("PHL", "USA"), None, "Balikatan", "negated"),
    ),
]

CANCELLED_GAPS = [
    pytest.param(
        "Washington and Seoul called off the Freedom Shield exercise scheduled for March.",
        (("KOR", "USA"), "2025-03", "Freedom Shield", "negated"),
    ),
    pytest.param(
        "Australia and the United States have shelved the Talisman Sabre exercise planned for July.",
        (("AUS", "USA"), "2025-07", "Talisman Sabre", "negated"),
    ),
    pytest.param(
        "The allies suspended this year's Ulchi Freedom Shield drills.",
        (("KOR", "USA"), "2025", "Ulchi Freedom Shield", "negated"),
    ),
]


@pytest.mark.parametrize(("text", "row"), CANCELLED + CANCELLED_GAPS)
def test_a_cancelled_or_postponed_exercise_is_negated(exercises, text: str, row: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    assert exercises(text, DATELINE) == [row]


@pytest.mark.parametrize(
    "text",
    [
        "In May, North Korea called off talks with the South to protest Max Thunder, an annual air exercise of the allies.",
        "Pyongyang cancelled a family reunion to protest the Ulchi Freedom Shield drills.",
        "China scrapped a planned visit to denounce the Han Kuang exercise held by Taiwan.",
    ],
)
def test_cancelling_something_else_in_protest_leaves_the_exercise_asserted(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(text, "2025-06-19")
    assert rows
    assert all(r[3] == "asserted" for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "Pyongyang demanded that Washington and Seoul halt Vigilant Storm, a combined air exercise that began on Monday.",
        "China urged the allies to cancel the Talisman Sabre exercise, which opened on Monday.",
        "Seoul called on Pyongyang to halt the artillery drills that began on Monday.",
    ],
)
def test_an_exercise_others_demand_be_halted_goes_on(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    rows = exercises(text, DATELINE)
    assert [(r[1], r[3]) for r in rows] == [(MON, "asserted")]


@pytest.mark.parametrize(
    "text",
    [
        "The U.S. test had been scheduled for early August but was postponed after China fired 11 ballistic missiles on Thursday.",
        "Seoul plans to hold talks next week, weeks after North Korea launched a Hwasong-18 on Thursday.",
        "Japan will raise its defence budget because North Korea fired a missile over Hokkaido on Thursday.",
        "The drills are expected to resume when the crisis that began after Iran fired a Fateh-110 on Thursday eases.",
        "Washington may impose new sanctions, officials said, since Russia tested a Sarmat on Thursday.",
    ],
)
def test_a_launch_in_a_past_clause_under_a_plan_happened(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """A plan or modal governs its own clause, not an 'after', 'because' or 'since' clause that
    tells what happened."""
    rows = launches(text, "2025-01-20")
    assert rows and all(r[7] == "asserted" for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "A Minuteman III test planned for February was put off because repairs were needed.",
        "The Air Force put off a Minuteman III test launch on Monday.",
        "India's Agni-V trial was put off on Monday because of bad weather.",
        "The Minuteman III test that had been planned for Monday was called off.",
        "Iran's Simorgh launch was put off on Monday, state television said.",
    ],
)
def test_a_launch_put_off_is_negated(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "Put off" calls a launch off; "put" alone is a launch verb ("put a satellite into orbit")."""
    rows = launches(text)
    assert rows and all(r[-1] == "negated" for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "The summer drill then known as Ulchi Freedom Guardian was cancelled outright.",
        "The exercise, named Vigilant Ace, was cancelled.",
        "The drill dubbed Freedom Flag was called off by the allies.",
        "The naval exercise code-named Ocean Shield was scrapped by Russia.",
        "A drill called Key Resolve was suspended by the allies.",
    ],
)
def test_a_named_exercise_called_off_is_negated(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """Naming it ("known as", "dubbed") does not hide the exercise from what befell it."""
    rows = exercises(text)
    assert rows and all(r[3] == "negated" for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "Freedom Flag, the allies' air combat exercise, will go ahead on Monday.",
        "Talisman Sabre, the biennial Australian-US exercise, will begin on Monday.",
        "Malabar, the four-nation naval drill, is due to start on Monday.",
        "Zapad, Russia's strategic exercise with Belarus, will open on Monday.",
        "Cobra Gold, the Thai-US exercise, would begin on Monday, officials said.",
    ],
)
def test_an_exercise_named_with_an_apposition_takes_the_future_of_its_verb(exercises, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "Freedom Flag, the allies' air exercise, will go ahead on Monday": the apposition is told
    in its head's clause, so the drill is expected and "Monday" is the coming one."""
    assert [(r[1], r[3]) for r in exercises(text, "2025-10-24")] == [("2025-10-27", "expected")]


# ------------------------------------------------------- "be to": the future of arrangements


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Russia is to test-fire a Sarmat missile on Friday, the ministry said.", "Launch"),
        ("Japan's army is to fire a second missile from its range in Hokkaido on Friday.", "Launch"),
        ("China and Russia are to hold joint naval drills in July.", "Exercise"),
        (
            "Some 5,000 troops from Poland and Lithuania are to take part in the exercise on Friday.",
            "Exercise",
        ),
        ("India and France are to sign a defence pact on Friday.", "Treaty"),
    ],
)
def test_an_event_that_is_to_happen_is_expected(events, text: str, kind: str) -> None:  # type: ignore[no-untyped-def]
    found = [e for e in events(text, DATELINE) if type(e).__name__ == kind]
    assert found and {e.factuality.value for e in found} == {"expected"}


@pytest.mark.parametrize(
    "text",
    [
        "Japan and the Philippines were hoping to conclude a defence pact by the end of the year.",
        "Russia and Belarus are hoping to sign a new security treaty next month.",
        "Seoul hoped to sign a military agreement with Warsaw before the summit.",
        "Seoul and Warsaw hope to seal a defence accord in the spring.",
        "India and France, hoping to sign a defence pact soon, resumed their talks.",
    ],
)
def test_a_treaty_its_parties_hope_for_is_expected(treaties, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "were hoping to conclude a defence pact": the model lemmatizes "hoping" and "hoped" as
    "hop", and the parse repair gives them back their lemma, a verb of intent."""
    rows = treaties(text, DATELINE)
    assert rows and {r[3] for r in rows} == {"expected"}


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired a missile on Monday; the test was to validate a new engine, Seoul said.",
        "India launched an Agni-V on Monday. The aim of the launch was to test a new warhead, officials said.",
    ],
)
def test_a_purpose_told_with_was_to_leaves_the_launch_asserted(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text, DATELINE)
    assert rows and {r[7] for r in rows} == {"asserted"}


@pytest.mark.parametrize(
    "text",
    [
        "The Oreshnik, the missile Russia fired at Dnipro on Nov. 21, could be stationed in Belarus next year.",
        "Analysts said the rockets Iran launched on Monday may be used again in future tests.",
        "The Hwasong-18, which North Korea fired on Monday, could be deployed next year, officials said.",
    ],
)
def test_a_launch_in_a_past_relative_clause_happened_whatever_the_main_clause_plans(
    launches, text: str
) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text, "2024-12-07")
    assert rows and all(r[7] != "expected" for r in rows)
