"""Who launched: the subject or by-agent of the launch, the owner of a named weapon or of the
place it flew from, or the state the story is about; never the state that reports it."""

from __future__ import annotations

import pytest
from behaviour_terms import DATELINE, known_failure

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    "text",
    [
        "North Korea launched a missile on Monday. South Korea's Joint Chiefs of Staff said two "
        "ballistic missiles were fired from near Pyongyang.",
        "North Korea test-fired a new missile on Monday. Japan's defense ministry said the missile "
        "landed outside its exclusive economic zone after flying 600 kilometers.",
        "North Korea's missile tests continue. Seoul's military said a ballistic missile was launched "
        "toward the East Sea on Monday.",
        "The North launched a rocket on Monday, Tokyo said. According to Japanese officials, the rocket "
        "was fired from the Sohae site on Monday morning.",
        "North Korea conducted another test on Monday. U.S. officials said a short-range missile was "
        "fired and fell into the sea.",
    ],
)
def test_the_reporting_state_is_not_the_launcher(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text, "2025-03-11")
    assert rows, "a launch is found"
    assert {r[0] for r in rows} == {"PRK"}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Pakistan's military said it had successfully test-fired an Ababeel missile on Tuesday.", "PAK"),
        ("Iran said it had launched a Simorgh rocket carrying three satellites on Sunday.", "IRN"),
        ("The North said it fired two cruise missiles on Saturday, claiming they flew 1,500 km.", "PRK"),
        ("India's defence ministry said a missile had been fired by accident on Wednesday.", "IND"),
        ("Russia's defence ministry said a Sarmat missile was launched from Plesetsk on Friday.", "RUS"),
    ],
)
def test_a_state_reporting_its_own_launch_is_its_agent(launches, text: str, agent: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text, "2025-03-09")
    assert rows and {r[0] for r in rows} == {agent}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("A Hwasong-18 was launched on Thursday, officials in Seoul said.", "PRK"),  # the weapon's owner
        (
            "A missile launched from near Sirsa in India's Haryana state crashed in Pakistan on Wednesday.",
            "IND",
        ),
        (
            "Pyongyang, which calls the drills a rehearsal for invasion, answered on Monday by firing a "
            "ballistic missile.",
            "PRK",
        ),
        ("The launch on Sunday was Tehran's second this year: a Qaem-100 rocket lifted off at dawn.", "IRN"),
        ("An Agni-V was test-fired from Abdul Kalam Island on Monday, the ministry said.", "IND"),
    ],
)
def test_the_agent_from_weapon_place_or_clause(launches, text: str, agent: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text, "2025-03-11")
    assert rows and rows[0][0] == agent


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "Pakistan test-fired a missile on Saturday. The Indian Navy said its warships fired anti-ship "
            "missiles in the Arabian Sea on Friday.",
            "IND",
        ),
        (
            "North Korea fired a cruise missile on Monday. The South Korean navy said its destroyers had "
            "carried out missile firings off the east coast on Sunday.",
            "KOR",
        ),
        (
            "Iran launched a Qaem-100 rocket on Monday. Israel's military said their troops fired "
            "rockets into Lebanon on Sunday.",
            "ISR",
        ),
    ],
)
def test_the_reporting_states_own_forces_fire_for_it(launches, text: str, agent: str) -> None:  # type: ignore[no-untyped-def]
    """ "The Indian Navy said its warships fired ...": the speaker's own launch, not that of the
    state the article named as a launcher before."""
    rows = launches(text, "2025-03-11")
    assert [r[0] for r in rows if r[1] in ("2025-03-07", "2025-03-09")] == [agent]


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan test-fired a missile on Saturday. The Indian Navy said its rivals fired missiles in the "
        "Arabian Sea on Friday.",
        "Pakistan test-fired a missile on Saturday. India said their adversaries fired missiles on Friday.",
    ],
)
def test_a_speakers_pronoun_owns_its_forces_not_its_rivals(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "its warships" are the speaker's, "its rivals" are not."""
    assert "IND" not in {r[0] for r in launches(text, "2025-03-11")}


def test_coordinated_launchers_are_two_events(launches) -> None:  # type: ignore[no-untyped-def]
    rows = launches(
        "South Korea and the United States fired four surface-to-surface missiles into the sea on Wednesday.",
        "2025-10-09",
    )
    assert sorted((r[0], r[1], r[6]) for r in rows) == [("KOR", "2025-10-08", 4), ("USA", "2025-10-08", 4)]


@pytest.mark.parametrize(
    ("text", "agent", "date"),
    [
        (
            "Pyongyang answered the drills on Aug. 29 by firing an intermediate-range ballistic missile over Japan.",
            "PRK",
            "2025-08-29",
        ),
        (
            "Iran responded on Monday by launching a volley of ballistic missiles at the base.",
            "IRN",
            "2025-09-15",
        ),
        ("India marked the anniversary on Friday by test-firing an Agni-4 missile.", "IND", "2025-09-12"),
        (
            "South Korea's military said the North had fired two missiles after launching a drone on Sunday.",
            "PRK",
            None,
        ),
    ],
)
def test_the_doer_of_a_means_clause_is_the_subject(launches, text: str, agent: str, date: str | None) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text, "2025-09-16")
    assert rows and all(r[0] == agent for r in rows)
    if date is not None:
        assert rows[0][1] == date


def test_whoever_is_accused_of_testing_did_it(launches) -> None:  # type: ignore[no-untyped-def]
    rows = launches(
        "U.S. Space Command accused Russia of testing an anti-satellite missile in April.", "2025-09-16"
    )
    assert [r[0] for r in rows] == ["RUS"]


@pytest.mark.parametrize(
    "text",
    [
        "Russia tested a Sarmat on Jan. 5. Iran launched a Simorgh rocket on Sunday, after failed attempts in May and August.",
        "Russia fired a Bulava on Jan. 5. On Sunday Iran put a satellite into orbit with a rocket, after two failed launches in May and August.",
        "Russia tested a Yars on Jan. 5. Iran's Simorgh rocket lifted off on Sunday after failed launches in May and in August.",
        "Russia launched a Sarmat on Jan. 5. Iran said it launched a Simorgh on Sunday after two failed attempts in May and August.",
        pytest.param(
            "Russia launched a Kinzhal on Jan. 5. Iran fired a Simorgh on Sunday, following unsuccessful attempts in May and August.",
            marks=known_failure("the attempts after 'following unsuccessful' are not found as launches"),
        ),
    ],
)
def test_an_agentless_launch_is_the_sentence_launcher(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """Earlier attempts told beside a launch are its launcher's, not the state the article names
    most as a launcher."""
    rows = launches(text, "2025-01-20")
    earlier = [r for r in rows if r[1] in ("2024-05", "2024-08")]
    assert len(earlier) == 2 and {r[0] for r in earlier} == {"IRN"}


@pytest.mark.parametrize(
    "text",
    [
        "A U.S. submarine fired Tomahawk missiles at Iran on Jan. 5. Iran retaliated the next day with a volley of ballistic missiles.",
        "Israel fired missiles at Iranian sites on Jan. 5. Iran answered on Jan. 6 with waves of ballistic missiles fired at Israeli cities.",
        "Iran fired a Fateh-110 on Jan. 5. The next day, Iran answered with a volley of cruise missiles aimed at a tanker.",
        "South Korea fired artillery on Jan. 5. North Korea responded the following day with a barrage of cruise missiles aimed at the sea.",
        "A US destroyer launched cruise missiles at Iran on Jan. 5. Iran hit back the next day with a salvo of missiles aimed at a US base, most of which were intercepted.",
        "Israel launched cruise missiles at Iran on Jan. 5. Iran replied on Jan. 6 with a barrage of ballistic missiles, and the fighting stopped on Jan. 9.",
    ],
)
def test_the_subject_of_a_verb_the_missiles_are_the_means_of(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """'X retaliated with a volley of missiles': X launched them, on X's day, not the day of
    another clause or the last state that fired."""
    rows = [r for r in launches(text, "2025-01-20") if r[1] == "2025-01-06"]
    assert len(rows) == 1 and rows[0][0] in ("IRN", "PRK")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The Air Force launched a test missile from Vandenberg on Wednesday. On the Russian side, the submarine Bryansk fired a Sineva from the Barents Sea.",
            {("USA", None), ("RUS", "Sineva")},
        ),
        (
            "India conducted a missile test on Monday. On the Pakistani side, the warship Tippu Sultan fired a Babur.",
            {("IND", None), ("PAK", "Babur")},
        ),
        (
            "Japan carried out a missile test on Monday. Across the sea in North Korea, the submarine Hero Kim Kun Ok fired a Pukguksong-3.",
            {("JPN", None), ("PRK", "Pukguksong-3")},
        ),
        (
            "The US Navy conducted a missile test on Monday. For Russia, the frigate Admiral Gorshkov fired a Tsirkon.",
            {("USA", None), ("RUS", "3M22 Zircon")},
        ),
        (
            "China held a missile test on Monday. On the Indian side, the destroyer INS Mormugao fired a BrahMos.",
            {("CHN", None), ("IND", "BrahMos")},
        ),
    ],
)
def test_a_named_weapon_is_not_fired_in_another_states_launch(
    launches, text: str, expected: set[tuple[str, str | None]]
) -> None:  # type: ignore[no-untyped-def]
    """A launch of a named weapon does not join the launch of another state told before (a
    Sineva is Russia's), and a platform subject ("the submarine Bryansk") is no reference back."""
    assert {(r[0], r[2]) for r in launches(text, "2025-10-08")} == expected


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("China has built a huge arsenal, and in September 2024 it fired an ICBM into the Pacific.", "CHN"),
        ("Iran denies seeking nuclear arms, but on Monday it launched a Simorgh rocket from Semnan.", "IRN"),
        ("Pakistan rejected the charge, and on Monday it test-fired a Shaheen-III missile.", "PAK"),
        ("North Korea ignored the warnings and on Monday it fired two cruise missiles.", "PRK"),
        ("Russia has kept quiet about the program, though in May it tested a Sarmat from Plesetsk.", "RUS"),
    ],
)
def test_a_pronoun_in_a_coordinated_clause_is_the_state_of_the_first(launches, text: str, agent: str) -> None:  # type: ignore[no-untyped-def]
    """ "China has built ..., and in September 2024 it fired an ICBM": "it" is China, not the
    state the article told as a launcher before (here the United States)."""
    rows = launches("The United States fired a Minuteman III on June 10. " + text, "2025-06-20")
    assert [r[0] for r in rows] == ["USA", agent]


@pytest.mark.parametrize(
    "text",
    [
        "It fired a missile from the Sunan area on Monday that came down in waters off Japan.",
        "On Monday it launched a rocket from Sohae that flew over Japan's Okinawa islands.",
        "It launched a missile from Tongchang-ri on Monday that splashed down east of Japan's Hokkaido.",
        "It fired two missiles from near Wonsan on Monday that landed inside Japan's exclusive economic zone.",
        "It fired a ballistic missile from Jagang on Monday that fell outside Japan's EEZ.",
    ],
)
def test_where_a_missile_came_down_does_not_say_where_it_came_from(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "fired ... from the Sunan area that landed inside Japan's EEZ": the clause on the place
    tells where the missile came down; Japan is not where it was fired from, nor the launcher."""
    rows = launches("North Korea said it would test weapons. " + text, DATELINE)
    assert [r[0] for r in rows] == ["PRK"]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "Britain's Ministry of Defence said the Royal Navy test went wrong. The earlier test launches of Trident, in 2009 and 2012, were successful.",
            "GBR",
        ),
        (
            "Britain keeps one nuclear-armed submarine at sea at all times. A Trident II was fired from HMS Vigilant off Florida on Monday, the MoD said.",
            "GBR",
        ),
        (
            "The United Kingdom's deterrent rests on four submarines. A Trident missile was launched from one of them in June 2016 and veered off course.",
            "GBR",
        ),
        (
            "The United States Navy completed a test series in the Atlantic. A Trident II was launched from USS Maryland on Sunday.",
            "USA",
        ),
        ("A Trident II D5 missile was launched from a submarine off Florida on Sunday.", "USA"),
    ],
)
def test_a_weapon_several_states_field_is_fired_by_the_one_the_story_is_about(
    launches, text: str, agent: str
) -> None:  # type: ignore[no-untyped-def]
    """A Trident II is American or British (weapon_users.tsv): with no launcher in the sentence,
    the one the article talks about fired it; with neither named, its operator."""
    rows = launches(text, "2024-02-21")
    assert rows
    assert [r[0] for r in rows] == [agent] * len(rows)
    assert all(r[2] == "Trident II" for r in rows)


@pytest.mark.parametrize(
    "text",
    [
        "The US Navy, which operates the same missile, tests it far more often.",
        "North Korea routinely fires short-range missiles into the sea.",
        "India often test-fires its Agni missiles from Abdul Kalam Island.",
        # a launch noun under a verb of habit, whatever the tense, dated by its start only
        "Both countries have routinely carried out missile tests since 1998.",
        "Iran regularly conducted missile launches in the Gulf during the 1990s.",
        "North Korea has often staged rocket launches before, starting in 1998.",
    ],
)
def test_a_launch_told_as_a_habit_is_no_occasion(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    assert launches(text, "2024-02-21") == []


@pytest.mark.parametrize(
    "text",
    [
        "North Korea conducted missile tests on Monday in defiance of UN resolutions it has repeatedly ignored.",
        "Iran staged missile tests on Monday near the Strait of Hormuz, which it frequently threatens to close.",
    ],
)
def test_a_habit_told_of_something_else_leaves_the_launch(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """A word of habit in a clause on the launch's phrases is not the launch's."""
    assert [r[1] for r in launches(text, "2024-02-21")] == ["2024-02-19"]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "Pyongyang has kept up its tests. On Monday it fired two missiles from Wonsan; South Korea's "
            "military said they were short-range ballistic missiles.",
            "PRK",
        ),
        (
            "Iran pressed on with its drills. On Monday it launched a cruise missile from the coast; "
            "Israeli officials said the test was a provocation.",
            "IRN",
        ),
        (
            "North Korea kept firing. On Monday it launched three rockets; Japan's defence ministry said "
            "they came down at sea.",
            "PRK",
        ),
        (
            "Pakistan carried on testing. On Monday it test-fired a Babur cruise missile; India's army said "
            "it was watching.",
            "PAK",
        ),
        (
            "Russia kept up its strikes. On Monday it fired a Kalibr cruise missile; Ukraine's air force said "
            "the missile was shot down.",
            "RUS",
        ),
    ],
)
def test_a_speaker_beyond_a_semicolon_neither_launches_nor_reports_the_launch(  # type: ignore[no-untyped-def]
    launches, text: str, agent: str
) -> None:
    """A clause set off by a semicolon is not what the next clause's "said" reports (the parser
    may hang it there): "it" is the state told before, and the launch is asserted."""
    assert [(r[0], r[1], r[7]) for r in launches(text, DATELINE)] == [(agent, "2025-03-10", "asserted")]


@pytest.mark.parametrize(
    ("text", "agents"),
    [
        (
            "Australian soldiers fired HIMARS rockets at a range in Queensland on Monday alongside U.S. "
            "and Singaporean crews.",
            {"AUS", "USA", "SGP"},
        ),
        ("Polish gunners fired rockets on Monday alongside American troops.", {"POL", "USA"}),
        ("Japan fired a Type 12 missile on Monday alongside Australia's army.", {"JPN", "AUS"}),
        # only a state that fires beside the subject: the target or the place is no co-agent
        ("Poland fired rockets on Monday at a range alongside the Baltic coast.", {"POL"}),
    ],
)
def test_a_state_firing_alongside_the_subject_launches_too(launches, text: str, agents: set[str]) -> None:  # type: ignore[no-untyped-def]
    """A launch by each state, as missiles fired by two states in one drill are two launches."""
    rows = launches(text, "2025-07-16")
    assert {r[0] for r in rows} == agents
    assert {r[1] for r in rows} == {"2025-07-14"}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Iran-backed Houthi rebels fired a ballistic missile at Israel on Tuesday.", "YEM"),
        ("Houthi fighters, backed by Iran, launched two missiles toward Eilat on Tuesday.", "YEM"),
        ("The Iranian-backed Houthis launched an anti-ship missile at a tanker on Tuesday.", "YEM"),
        ("Ukrainian troops fired U.S.-supplied ATACMS missiles into the Bryansk region on Tuesday.", "UKR"),
        ("Russia fired North Korean-made KN-23 missiles at Kharkiv on Tuesday.", "RUS"),
    ],
)
def test_a_backer_or_supplier_is_not_the_launcher(launches, text: str, agent: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text, "2024-11-21")
    assert rows and {r[0] for r in rows} == {agent}


@pytest.mark.parametrize(
    "text",
    [
        "U.S. and South Korean troops began drills on Monday. Kim Jong Un oversaw the firing of cruise "
        "missiles from a warship on Sunday.",
        "U.S. and South Korean troops began drills on Monday. Kim Jong Un directed the test-firing of two "
        "cruise missiles on Sunday.",
        "U.S. and South Korean troops began drills on Monday. Kim Jong Un watched the launch of a new "
        "tactical missile on Sunday.",
        "U.S. and South Korean troops began drills on Monday. Kim Jong Un ordered the firing of artillery "
        "rockets into the sea on Sunday.",
        "U.S. and South Korean troops began drills on Monday. Kim Jong Un guided the test-fire of a "
        "hypersonic missile on Sunday.",
    ],
)
def test_who_commands_or_watches_a_launch_is_its_launcher(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """A launch noun without its owner, the object of "oversaw", "directed", "watched",
    "ordered" or "guided", is the subject's launch, on the verb's day, whatever state the story
    named before."""
    rows = launches(text, "2023-08-21")
    assert [(r[0], r[1]) for r in rows] == [("PRK", "2023-08-20")]


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "South Korea tested a missile on Monday. The launches were the North's first since March, "
            "when it fired two missiles from Hamhung.",
            "PRK",
        ),
        (
            "Japan tested a missile on Monday. It was China's first launch since May, when it fired an "
            "ICBM into the Pacific.",
            "CHN",
        ),
        (
            "India tested a missile on Monday. Pakistan, India's neighbour, says it first fired the "
            "Ababeel in January 2017.",
            "PAK",
        ),
    ],
)
def test_a_pronoun_launcher_is_the_state_the_sentence_named_before_it(
    launches, text: str, agent: str
) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text, "2025-03-11")
    assert agent in {r[0] for r in rows if r[1] != "2025-03-10"}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        ("Japan's navy said the destroyer Maya fired an SM-3 Block IIA off Hawaii on Monday.", "JPN"),
        (
            "Ukraine's general staff said ATACMS missiles were fired at an airfield in Crimea on Monday.",
            "UKR",
        ),
        ("Ukraine's air force said Storm Shadow missiles were fired at Russian positions on Monday.", "UKR"),
        ("The Australian Army said a HIMARS launcher fired rockets at Shoalwater Bay on Monday.", "AUS"),
        (
            "Australia's army said a Precision Strike Missile was fired in the Northern Territory on Monday.",
            "AUS",
        ),
    ],
)
def test_the_second_states_that_field_a_system_fire_it_in_their_stories(
    launches, text: str, agent: str
) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text, "2025-03-11")
    assert rows and rows[0][0] == agent


@pytest.mark.parametrize(
    ("text", "agent", "date"),
    [
        (
            "Pakistan fired a Babur-3 on Monday. A spokesman confirmed the test. India, which tested a "
            "submarine-launched missile in 2008, said nothing.",
            "IND",
            "2008",
        ),
        (
            "South Korea fired a Hyunmoo-4 on Monday. It can carry a large warhead. Japan, which fired a cruise "
            "missile in December, did not respond.",
            "JPN",
            "2024-12",
        ),
    ],
)
def test_a_relative_clause_on_a_state_is_that_states_launch(
    launches, text: str, agent: str, date: str
) -> None:  # type: ignore[no-untyped-def]
    """ "India, which tested a missile in 2008, ...": "which" is India, the one that tested it,
    not the state the story is about."""
    rows = launches(text, "2025-03-11")
    assert (agent, date) in {(r[0], r[1]) for r in rows}


@pytest.mark.parametrize(
    ("text", "agent"),
    [
        (
            "South Korea fired an SLBM on Wednesday. North Korea's state media claimed that the country "
            "had tested a long-range cruise missile on Sunday.",
            "PRK",
        ),
        (
            "South Korea fired an SLBM on Wednesday. Iran's state television said the country had "
            "launched a satellite on Monday.",
            "IRN",
        ),
        (
            "India fired a ballistic missile on Wednesday. Pakistan's military said the country had "
            "test-fired a cruise missile on Tuesday.",
            "PAK",
        ),
        (
            "Japan fired an interceptor on Wednesday. China's defence ministry said the country had "
            "launched an intercontinental ballistic missile on Monday.",
            "CHN",
        ),
        (
            "The United States launched a Minuteman III on Wednesday. Russia's defence ministry said "
            "the country had fired a hypersonic missile on Sunday.",
            "RUS",
        ),
        (
            "North Korea fired a missile on Wednesday. South Korea's military said the reclusive "
            "country had fired a cruise missile on Sunday.",
            "PRK",
        ),
        (
            "North Korea fired a missile on Wednesday. Japan's defence ministry said the regime had "
            "fired a cruise missile on Sunday.",
            "PRK",
        ),
    ],
)
def test_the_country_a_state_says_fired_is_that_state(launches, text: str, agent: str) -> None:  # type: ignore[no-untyped-def]
    """ "North Korea's state media claimed that the country had tested a cruise missile": "the
    country" is the speaker's state, not the launcher the story told most; "the regime", "the
    reclusive country" tell another state, by how the speaker sees it."""
    rows = launches(text, "2021-09-15")
    assert [r[0] for r in rows if r[1] != "2021-09-15"] == [agent]
