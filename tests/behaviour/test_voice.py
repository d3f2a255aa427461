"""Voice: a launch told actively ("X fired"), passively with a by-agent ("was fired by X"),
passively with no agent (the launcher comes from the context or the place it flew from), or as
a noun ("X's launch of ..."), is the same event with the same roles and attributes; and the
state whose military or ministry reports a launch is never its agent.

Rows are (agent, date, weapon, class, site, outcome, count, factuality). The dateline is a
Tuesday, so "on Monday" is 2025-03-10.
"""

from __future__ import annotations

import pytest
from behaviour_terms import BM, CM, DATELINE, ICBM, MON, MRBM, SLV, SRBM, known_failure

pytestmark = pytest.mark.model


ACTIVE = [
    (
        "North Korea fired a ballistic missile toward the East Sea on Monday.",
        ("PRK", MON, None, BM, None, "unknown", 1, "asserted"),
    ),
    (
        "Iran test-fired two Kheibar Shekan missiles from a base near Isfahan on Monday.",
        ("IRN", MON, "Kheibar Shekan", MRBM, "near Isfahan", "unknown", 2, "asserted"),
    ),
    (
        "Pakistan launched a Shaheen-III missile on Monday, the army said.",
        ("PAK", MON, "Shaheen-III", MRBM, None, "unknown", 1, "asserted"),
    ),
    (
        "Russia fired a Yars intercontinental ballistic missile from Plesetsk on Monday.",
        ("RUS", MON, "RS-24 Yars", ICBM, "Plesetsk", "unknown", 1, "asserted"),
    ),
    (
        "India successfully flight-tested an Agni-V missile from Abdul Kalam Island on Monday.",
        ("IND", MON, "Agni-V", BM, "Abdul Kalam Island", "success", 1, "asserted"),
    ),
]


@pytest.mark.parametrize(("text", "row"), ACTIVE)
def test_active_voice(launches, text: str, row: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    assert launches(text, DATELINE) == [row]


BY_AGENT = [
    (
        "A ballistic missile was fired by North Korea on Monday.",
        ("PRK", MON, None, BM, None, "unknown", 1, "asserted"),
    ),
    (
        "Two cruise missiles were launched by Iran's navy on Monday.",
        ("IRN", MON, None, CM, None, "unknown", 2, "asserted"),
    ),
    (
        "A Shaheen-III was test-fired by Pakistan from a range near Sonmiani on Monday.",
        ("PAK", MON, "Shaheen-III", MRBM, "near Sonmiani", "unknown", 1, "asserted"),
    ),
    (
        "On Monday, an intercontinental ballistic missile was launched by Russia from Plesetsk.",
        ("RUS", MON, None, ICBM, "Plesetsk", "unknown", 1, "asserted"),
    ),
    (
        "Three short-range ballistic missiles were fired by the North on Monday.",
        ("PRK", MON, None, SRBM, None, "unknown", 3, "asserted"),
    ),
]


@pytest.mark.parametrize(("text", "row"), BY_AGENT)
def test_passive_with_a_by_agent(launches, text: str, row: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    assert launches(text, DATELINE) == [row]


AGENTLESS = [
    (
        "North Korea stepped up its weapons tests this week. Two ballistic missiles were launched "
        "from Sunan on Monday, officials said.",
        ("PRK", MON, None, BM, "Sunan", "unknown", 2, "asserted"),
    ),
    (
        "Iran held a ceremony for its new rocket. A day later, on Monday, the rocket was launched "
        "from the Semnan spaceport.",
        ("IRN", MON, None, "rocket", "Semnan", "unknown", 1, "asserted"),
    ),
    (
        "Pyongyang's tests continued. On Monday, a cruise missile was fired from near Nampo.",
        ("PRK", MON, None, CM, "near Nampo", "unknown", 1, "asserted"),
    ),
    (
        "Iran is pressing ahead with its space program. On Monday a Qaem-100 rocket was launched "
        "from Shahroud.",
        ("IRN", MON, "Qaem-100", SLV, "Shahroud", "unknown", 1, "asserted"),
    ),
    (
        "India is expanding its missile arsenal. A nuclear-capable Agni-P was test-fired from "
        "Abdul Kalam Island on Monday.",
        ("IND", MON, "Agni-P", MRBM, "Abdul Kalam Island", "unknown", 1, "asserted"),
    ),
    (
        "Two missiles were launched from Iranian territory on Monday.",
        ("IRN", MON, None, "missile", None, "unknown", 2, "asserted"),
    ),
]

# The launcher told only by the place the missile flew from: the state launching from that site
# (kg/lexicon/sites.tsv).
AGENTLESS_BY_SITE = [
    pytest.param(
        "A rocket was launched from the Sohae site on Monday.",
        ("PRK", MON, None, "rocket", "Sohae", "unknown", 1, "asserted"),
    ),
    pytest.param(
        "A ballistic missile was fired from Plesetsk on Monday.",
        ("RUS", MON, None, BM, "Plesetsk", "unknown", 1, "asserted"),
    ),
]


@pytest.mark.parametrize(("text", "row"), AGENTLESS + AGENTLESS_BY_SITE)
def test_passive_without_agent_takes_it_from_context_or_site(
    launches, text: str, row: tuple[object, ...]
) -> None:  # type: ignore[no-untyped-def]
    assert launches(text, DATELINE) == [row]


NOMINAL = [
    (
        "North Korea's launch of a ballistic missile on Monday drew condemnation.",
        ("PRK", MON, None, BM, None, "unknown", 1, "asserted"),
    ),
    (
        "Seoul condemned Pyongyang's firing of two cruise missiles on Monday.",
        ("PRK", MON, None, CM, None, "unknown", 2, "asserted"),
    ),
    (
        "Monday's launch of two Hwasong-11 missiles by the North was its first this year.",
        ("PRK", MON, "Hwasong-11", SRBM, None, "unknown", 2, "asserted"),
    ),
    (
        "The test-firing of an Agni-V by India on Monday was a success.",
        ("IND", MON, "Agni-V", BM, None, "success", 1, "asserted"),
    ),
    (
        "China's test of a DF-41 on Monday was its first in a year.",
        ("CHN", MON, "DF-41", ICBM, None, "unknown", 1, "asserted"),
    ),
    (
        "The Pentagon confirmed Iran's launch of a Qaem-100 rocket on Monday.",
        ("IRN", MON, "Qaem-100", SLV, None, "unknown", 1, "asserted"),
    ),
]


@pytest.mark.parametrize(("text", "row"), NOMINAL)
def test_nominal_launch(launches, text: str, row: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    assert launches(text, DATELINE) == [row]


REPORTED = [
    (
        "South Korea's military said North Korea fired two short-range ballistic missiles on Monday.",
        ("PRK", MON, None, SRBM, None, "unknown", 2, "asserted"),
    ),
    (
        "Japan's defence ministry said North Korea launched a ballistic missile on Monday.",
        ("PRK", MON, None, BM, None, "unknown", 1, "asserted"),
    ),
    (
        "South Korea's Joint Chiefs of Staff said a ballistic missile was fired from the Pyongyang "
        "area on Monday.",
        ("PRK", MON, None, BM, "Pyongyang", "unknown", 1, "asserted"),
    ),
    (
        "North Korea's tests go on. Japan's defence ministry said a ballistic missile was fired on "
        "Monday and came down in the Sea of Japan.",
        ("PRK", MON, None, BM, None, "success", 1, "asserted"),
    ),
    (
        "Israel's army said Iran fired about 100 ballistic missiles on Monday.",
        ("IRN", MON, None, BM, None, "unknown", 100, "asserted"),
    ),
    (
        "According to the U.S. military, China test-fired a DF-41 on Monday.",
        ("CHN", MON, "DF-41", ICBM, None, "unknown", 1, "asserted"),
    ),
]

REPORTED_BY_SITE = [
    pytest.param(
        "A missile was fired from the Sohae launch site on Monday, South Korea's military said.",
        ("PRK", MON, None, "missile", "Sohae", "unknown", 1, "asserted"),
    ),
]


@pytest.mark.parametrize(("text", "row"), REPORTED + REPORTED_BY_SITE)
def test_the_reporting_state_is_never_the_agent(launches, text: str, row: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    assert launches(text, DATELINE) == [row]


@pytest.mark.parametrize(
    ("text", "weapon"),
    [
        (
            "Pakistan carried out a training launch of surface to surface ballistic missile Ghaznavi on Tuesday.",
            "Ghaznavi",
        ),
        (
            "The army conducted a successful launch of surface to surface missile Shaheen-III on Tuesday, Pakistan said.",
            "Shaheen-III",
        ),
        ("Iran carried out a test launch of surface to surface missile Fateh-110 on Tuesday.", "Fateh-110"),
        ("India conducted a night launch of surface to surface missile Agni-P on Tuesday.", "Agni-P"),
        (
            "Pakistan's army conducted a training launch of ground to ground missile Babur on Tuesday.",
            "Babur",
        ),
    ],
)
def test_an_unhyphenated_surface_to_surface_before_the_name(launches, text: str, weapon: str) -> None:  # type: ignore[no-untyped-def]
    """ "surface to surface ballistic missile Ghaznavi" (ISPR's style): the parser reads "to
    surface" as a verb and loses the name; the words after "of" still name what was fired."""
    [row] = launches(text, "2025-06-20")
    assert (row[1], row[2]) == ("2025-06-17", weapon)


@pytest.mark.parametrize(
    "text",
    [
        "Pakistan on Tuesday successfully test-fired Shaheen-III, a surface-to-surface ballistic missile.",
        "Pakistan on Tuesday test-fired Ababeel, a medium-range missile.",
        "India on Tuesday test-fired Agni-P, a new-generation ballistic missile.",
        "Iran on Tuesday test-fired Kheibar Shekan, a solid-fuel missile.",
        "North Korea on Tuesday test-fired Hwasong-18, a solid-fuel ICBM.",
    ],
)
def test_a_verb_read_as_an_adjective_keeps_the_date_before_it(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "Pakistan on Tuesday test-fired X, a ...": parsed as one noun phrase with no verb; the
    day before the verb is still the launch's."""
    [row] = launches(text, "2025-06-20")
    assert row[1] == "2025-06-17"


@pytest.mark.parametrize(
    ("text", "agent", "weapon"),
    [
        (
            "India on Tuesday successfully test-fired nuclear-capable ballistic missile Agni-II, which can hit "
            "targets 2,000 km away.",
            "IND",
            "Agni-II",
        ),
        ("Pakistan on Tuesday successfully test-fired short-range ballistic missile Nasr.", "PAK", "Nasr"),
        (
            "Pakistan on Tuesday successfully test-fired surface-to-surface ballistic missile Ghauri.",
            "PAK",
            "Ghauri",
        ),
    ],
)
def test_a_verb_read_as_an_adjective_before_class_and_name(
    launches, text: str, agent: str, weapon: str
) -> None:  # type: ignore[no-untyped-def]
    """ "Pakistan on Thursday test-fired surface-to-surface ballistic missile Shaheen-II" (no
    article before the class and the name, as South Asian wire copy writes it): parsed as one
    noun phrase with no verb, still the launch of that missile on that day."""
    [row] = launches(text, "2025-06-20")
    assert (row[0], row[1], row[2]) == (agent, "2025-06-17", weapon)


def test_a_caption_with_a_launched_missile_is_no_launch(launches) -> None:  # type: ignore[no-untyped-def]
    """ "Kim Jong Un with newly launched Hwasong-19 missiles at a parade": a caption whose root
    is a person, not a state that fired."""
    text = "Kim Jong Un with newly launched Hwasong-19 missiles at a parade in Pyongyang on Tuesday."
    assert launches(text, "2025-06-20") == []


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "On Monday the Agni-5 ballistic missile was successfully test-fired from Abdul Kalam Island, officials said.",
            ("IND", MON, "Agni-V", BM, "Abdul Kalam Island", "success", 1, "asserted"),
        ),
        (
            "The Ababeel, a medium-range missile, was first flight-tested on Monday.",
            ("PAK", MON, "Ababeel", MRBM, None, "unknown", 1, "asserted"),
        ),
        (
            "Last week the Sarmat was finally test-launched from Plesetsk, and on Monday it was declared ready.",
            ("RUS", "2025-03", "RS-28 Sarmat", ICBM, "Plesetsk", "unknown", 1, "asserted"),
        ),
        (
            "The Shaheen-III was successfully launched on Monday, the army said.",
            ("PAK", MON, "Shaheen-III", MRBM, None, "success", 1, "asserted"),
        ),
        (
            "A Hyunmoo-2 was once again fired on Monday from an air base near Gangneung.",
            ("KOR", MON, "Hyunmoo-2", SRBM, "near Gangneung", "unknown", 1, "asserted"),
        ),
    ],
)
def test_a_passive_with_an_adverb_read_as_an_adjective(launches, text: str, row: tuple[object, ...]) -> None:  # type: ignore[no-untyped-def]
    """ "was successfully test-fired", "was first flight-tested": the parser often takes the
    participle after an adverb for an adjective of "was" (kg.parse_repair puts the passive
    back); the launch, its weapon, day and site are read as in any passive."""
    assert launches(text, DATELINE) == [row]


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired what appeared to be a ballistic missile on Monday.",
        "North Korea launched what it called a new hypersonic missile on Monday.",
        "North Korea fired what South Korea believes were two short-range ballistic missiles on Monday.",
        "Iran fired what looked like a cruise missile toward the Gulf on Monday.",
        "Russia launched what it said was a Sarmat from Plesetsk on Monday.",
        pytest.param(
            "North Korea fired what appeared to be a ballistic missile on Monday, South Korea's military said.",
            marks=known_failure(
                "under a reporting verb the launch verb is a complement clause; its 'what' clause is not read"
            ),
        ),
    ],
)
def test_a_launch_of_what_appeared_to_be_a_missile(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "fired what appeared to be a ballistic missile": the free relative (parsed as a clause of
    its own) is what was fired, when the launch verb is a main clause; under another verb the
    parse is not trusted (a devset launch whose verb the parser hung under "notified" lost its
    date and its story when it was)."""
    rows = launches(text, DATELINE)
    assert [r[1] for r in rows] == [MON]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Seoul said what appeared to be two short-range ballistic missiles were fired from near "
            "Wonsan on Monday.",
            (2, "short-range ballistic missile", "near Wonsan"),
        ),
        (
            "What Japan called a ballistic missile was launched from the Sunan area on Monday, "
            "officials said.",
            (1, "ballistic missile", "Sunan"),
        ),
        (
            "According to the military, what looked like three cruise missiles were fired from a "
            "submarine off Sinpo on Monday.",
            (3, "cruise missile", "off Sinpo"),
        ),
    ],
)
def test_a_passive_launch_of_what_appeared_to_be_missiles(
    launches, text: str, row: tuple[object, ...]
) -> None:  # type: ignore[no-untyped-def]
    """'what appeared to be two missiles were fired': the free relative is the passive subject,
    what was fired; its count and class are the launch's."""
    [r] = launches("North Korea tested new weapons last week. " + text, DATELINE)
    assert (r[0], r[1], r[6], r[3], r[4]) == ("PRK", MON, *row)


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Russia struck a factory in Dnipro with a new intermediate-range missile on Thursday.",
            ("RUS", "2024-11-21", "intermediate-range ballistic missile"),
        ),
        (
            "Iran hit two air bases in Israel with ballistic missiles on Tuesday.",
            ("IRN", "2024-11-19", "ballistic missile"),
        ),
        (
            "Pakistan struck back at militant hideouts across the border with cruise missiles on Wednesday.",
            ("PAK", "2024-11-20", "cruise missile"),
        ),
        (
            "The Houthis attacked a tanker in the Red Sea with an anti-ship ballistic missile on Monday.",
            ("YEM", "2024-11-18", "ballistic missile"),
        ),
        (
            "Israel retaliated with missiles against radar sites in Iran on Saturday.",
            ("ISR", "2024-11-16", "missile"),
        ),
    ],
)
def test_a_strike_with_a_projectile_is_a_launch_by_the_striker(
    launches, text: str, row: tuple[object, ...]
) -> None:  # type: ignore[no-untyped-def]
    """ "Russia struck Dnipro with the Oreshnik": the subject of a verb of striking fired what
    it struck with."""
    [launch] = launches(text, "2024-11-21")
    assert (launch[0], launch[1], launch[3]) == row


@pytest.mark.parametrize(
    "text",
    [
        "The United States hit Iran with new sanctions on Monday.",
        "Seoul answered with a statement on Tuesday.",
        "China targeted Taiwan with a propaganda campaign last week.",
    ],
)
def test_a_strike_with_no_projectile_is_no_launch(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    assert launches(text, "2024-11-21") == []


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "A test-fire of the new-type missile Hwasong-16B was successfully conducted on April 2.",
            ("PRK", "2024-04-02", "Hwasong-16B"),
        ),
        (
            "The test-fire of the new-type ICBM Hwasong-19 on October 31 was a success.",
            ("PRK", "2024-10-31", "Hwasong-19"),
        ),
        (
            "Pakistan carried out a test-fire of the Babur cruise missile on Monday.",
            ("PAK", "2024-10-28", "Babur"),
        ),
        (
            "Russia said a test-fire of a Sarmat from Plesetsk took place on Tuesday.",
            ("RUS", "2024-10-29", "RS-28 Sarmat"),
        ),
        ("India's test-fire of an Agni-V on Oct. 24 went as planned.", ("IND", "2024-10-24", "Agni-V")),
    ],
)
def test_a_test_fire_is_a_launch_noun(launches, text: str, row: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    """ "A test-fire of the Hwasong-16B was conducted": the prefixed verb made a noun, as "a
    test-launch" is."""
    assert [(r[0], r[1], r[2]) for r in launches(text, "2024-11-02")] == [row]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "North Korea flew the Hwasong-18 for the first time on April 13.",
            ("PRK", "2024-04-13", "Hwasong-18"),
        ),
        (
            "The Agni-5 was successfully flown with MIRV technology on March 11.",
            ("IND", "2024-03-11", "Agni-V"),
        ),
        ("India test-flew the Agni-P from Abdul Kalam Island on Oct. 21.", ("IND", "2024-10-21", "Agni-P")),
        ("Russia flew a Sarmat from Plesetsk on Tuesday.", ("RUS", "2024-10-29", "RS-28 Sarmat")),
        ("A Minuteman III was flown from Vandenberg on Wednesday.", ("USA", "2024-10-30", "Minuteman III")),
    ],
)
def test_flying_a_missile_is_a_launch(launches, text: str, row: tuple[str, str, str]) -> None:  # type: ignore[no-untyped-def]
    """ "North Korea flew the ICBM for the first time", "the Agni-5 was flown": "fly" with the
    projectile for object or passive subject is a launch."""
    assert [(r[0], r[1], r[2]) for r in launches(text, "2024-11-02")] == [row]


@pytest.mark.parametrize(
    "text",
    ["The missile flew 800 km on Monday.", "The rocket flew for about ten minutes on Friday."],
)
def test_a_missile_that_flew_is_no_launch_of_its_own(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "The missile flew 800 km": the flight of a launch told, not one more."""
    assert launches(text, "2024-11-02") == []


@pytest.mark.parametrize(
    ("text", "agent", "count"),
    [
        ("North Korea test-fired two missiles on Wednesday, officials said.", "PRK", 2),
        ("The North test-fired two short-range missiles on Wednesday, Seoul said.", "PRK", 2),
        ("India test-fired three new rockets on Wednesday, the defence ministry said.", "IND", 3),
        ("Pakistan flight-tested two cruise missiles on Wednesday, the army said.", "PAK", 2),
    ],
)
def test_a_prefixed_verb_before_a_report_heads_its_clause(  # type: ignore[no-untyped-def]
    launches, text: str, agent: str, count: int
) -> None:
    """ "X test-fired two missiles on Wednesday, officials said": the parser read "X test-fired
    two missiles" as one noun phrase, the subject of "said", and no launch was found."""
    rows = launches(text, "2025-03-14")
    assert [(r[0], r[1], r[6]) for r in rows] == [(agent, "2025-03-12", count)]


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "July 21, 1995 -- The People's Liberation Army fires six ballistic missiles into a zone "
            "north of Taiwan.",
            ("CHN", "1995-07-21", 6),
        ),
        (
            "June 7-12, 1998 -- Pakistan's army fires two Ghauri missiles into the Arabian Sea.",
            ("PAK", "1998-06-07", 2),
        ),
        ("Aug. 31, 1998 -- North Korea launches a three-stage rocket over Japan.", ("PRK", "1998-08-31", 1)),
    ],
)
def test_a_timelines_present_tense_is_a_launch_on_its_date(
    launches, text: str, row: tuple[object, ...]
) -> None:  # type: ignore[no-untyped-def]
    """A timeline tells history in the present under a date and a dash: "fires" taken for a
    plural noun is still the verb its subject and object say it is; a range of days is dated by
    its first."""
    rows = launches(text, "2021-03-08")
    assert [(r[0], r[1], r[6]) for r in rows] == [row]


@pytest.mark.parametrize(
    "entry",
    [
        "April 5, 2009 -- An Unha-2 rocket lifts off from Musudan-ri and passes over Akita.",
        "April 5, 2009 -- A Taepodong-2 missile lifts off from Musudan-ri.",
        "April 5, 2009 -- An Unha-2 rocket blasts off from Musudan-ri.",
        "April 5, 2009 -- A long-range rocket lifts off from Musudan-ri and flies over Japan.",
    ],
)
def test_a_timelines_rocket_that_lifts_off_is_a_launch(launches, entry: str) -> None:  # type: ignore[no-untyped-def]
    """ "An Unha-2 rocket lifts off": the tagger takes "lifts" for a plural noun, or the parser the
    rocket for a compound of the verb; the rocket is the verb's subject all the same."""
    text = "Aug. 31, 1998 -- North Korea launches a three-stage rocket over Japan.\n\n" + entry
    rows = launches(text, "2021-03-08")
    assert [(r[0], r[1]) for r in rows] == [("PRK", "1998-08-31"), ("PRK", "2009-04-05")]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        (
            "North Korea fired a missile on Monday. The White House condemned the missile launches.",
            [("PRK", "2025-03-10")],
        ),
        (
            "The Pentagon said it was aware of reports about a Russian ICBM launch earlier this month.",
            [("RUS", "2025-03")],
        ),
        (
            "The launch came a day after the Russian Northern Fleet carried out intensive cruise missile "
            "launches in the Barents Sea.",
            [("RUS", None)],
        ),
    ],
)
def test_a_launch_noun_tagged_a_verb_is_read_as_a_noun(
    launches, text: str, rows: list[tuple[str, str]]
) -> None:  # type: ignore[no-untyped-def]
    """ "reports about a Russian ICBM launch", "carried out cruise missile launches": a noun where
    the tagger says verb (with the weapon a compound before it); a launch all the same."""
    assert [(r[0], r[1]) for r in launches(text, "2025-03-11")] == rows


@pytest.mark.parametrize(
    "text",
    [
        "Moscow will keep exchanging advance notifications of ballistic missile launches with Washington.",
        "India and Pakistan signed an agreement on pre-notification of flight tests of ballistic missiles in 2005.",
        "Russia will continue to give advance notice of ICBM tests under a 1988 agreement.",
        "Last week, the North said it would stop nuclear tests and ICBM launches.",
        "Pyongyang said it will halt missile launches and close its test site.",
        "North Korea and South Korea signed a military pact. In the buffer zone, artillery firing will be "
        "suspended, while patrols will continue.",
    ],
)
def test_launches_as_a_kind_under_a_rule_or_a_pledge_are_no_event(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "advance notifications of ballistic missile launches", "would stop ... ICBM launches": a
    kind of launch an agreement or a pledge governs, no occasion."""
    assert launches(text, "2025-03-11") == []


def test_drills_a_state_says_it_will_halt_are_going_on(exercises) -> None:  # type: ignore[no-untyped-def]
    """ "would halt live-fire drills": drills under way, not a pledge about a kind of drill (the
    pledge rule is for launches)."""
    rows = exercises("China said it would halt live-fire drills around Taiwan on Thursday.", "2025-03-11")
    assert [(r[0], r[3]) for r in rows] == [(("CHN",), "asserted")]


def test_a_notice_with_the_days_of_its_launches_announces_them(launches) -> None:  # type: ignore[no-untyped-def]
    """ "gave notice of satellite launches between May 31 and June 11": launches announced, not a
    kind of launch a notification rule governs."""
    rows = launches(
        "North Korea has given notice of satellite launches between May 31 and June 11.", "2025-03-11"
    )
    assert rows and {r[0] for r in rows} == {"PRK"}


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # a rocket that carried a satellite aloft was launched
        (
            "In December 2012, an Unha-3 rocket carried the Kwangmyongsong-3 satellite aloft from Sohae.",
            ["2012-12"],
        ),
        (
            "Iran's space agency said a Simorgh rocket carried three small satellites aloft on Sunday.",
            ["2024-11-17"],
        ),
        # "carry" without "aloft" tells no launch; nor "lift" without "off"
        ("The Hwasong-17 can carry a nuclear warhead, officials said on Sunday.", []),
        ("North Korea carried out a military parade with Hwasong-17 missiles on Sunday.", []),
        ("Washington lifted sanctions on the missile maker on Sunday.", []),
    ],
)
def test_a_rocket_that_carried_a_satellite_aloft(launches, text: str, dates: list[str]) -> None:  # type: ignore[no-untyped-def]
    """ "carried the satellite aloft": a launch told by what the rocket lifted, like "lifted off";
    the verbs tell none without that word."""
    assert [r[1] for r in launches(text, "2024-11-20")] == dates


@pytest.mark.parametrize(
    ("text", "row"),
    [
        (
            "Earlier this month, a Houthi missile landed in the grounds of Ben Gurion Airport.",
            ("YEM", "2025-05"),
        ),
        (
            "Earlier this month, a Houthi missile slipped through air defenses and landed near Ben Gurion "
            "Airport.",
            ("YEM", "2025-05"),
        ),
        (
            "Last week a North Korean ballistic missile crossed the peninsula and came down in the sea.",
            ("PRK", "2025-05"),
        ),
    ],
)
def test_a_launch_told_by_its_flight_on_a_day_of_its_clause(
    launches, text: str, row: tuple[str, str]
) -> None:  # type: ignore[no-untyped-def]
    """A launch told only by the projectile's flight ("a Houthi missile landed ...") takes the day
    its clause gives, also as a noun phrase ("earlier this month") or on the first of two verbs
    that share the missile."""
    rows = launches(text, "2025-05-23")
    assert [(r[0], r[1][:7] if r[1] else None) for r in rows] == [row]
