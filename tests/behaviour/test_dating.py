"""Dates: against the dateline, chained to the event told before ("the following day", "three
days later"), coordinated ("on May 4 and May 9"), and not another event's ("since July 25")."""

from __future__ import annotations

import pytest
from behaviour_terms import known_failure

pytestmark = pytest.mark.model


@pytest.mark.parametrize(
    ("text", "dateline", "dates"),
    [
        (
            "North Korea fired a missile on Jan. 5. Three days later, it fired two more.",
            "2025-01-21",
            ["2025-01-05", "2025-01-08"],
        ),
        (
            "Iran launched a rocket on Sunday. The next day, it launched another rocket.",
            "2025-01-21",
            ["2025-01-19", "2025-01-20"],
        ),
        (
            "China fired five missiles on Tuesday and, the following day, fired four more.",
            "2025-01-16",
            ["2025-01-14", "2025-01-15"],
        ),
        (
            "North Korea fired a cruise missile on Jan. 9. Two days later, it test-fired a ballistic missile.",
            "2025-01-21",
            ["2025-01-09", "2025-01-11"],
        ),
        (
            "Russia test-fired a Sarmat on Jan. 2 and tested a Yars ICBM the next day.",
            "2025-01-21",
            ["2025-01-02", "2025-01-03"],
        ),
    ],
)
def test_dates_chained_to_the_event_before(launches, text: str, dateline: str, dates: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert sorted(r[1] for r in launches(text, dateline)) == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        ("North Korea fired ballistic missiles on May 4 and May 9.", ["2025-05-04", "2025-05-09"]),
        (
            "The North test-fired cruise missiles on Sept. 11 and again on Sept. 12.",
            ["2025-09-11", "2025-09-12"],
        ),
        (
            "In August and September of last year, North Korea sent two Hwasong-12s over Hokkaido.",
            ["2024-08", "2024-09"],
        ),
        ("Iran launched Qaem-100 rockets in January and in March.", ["2025-01", "2025-03"]),
        ("Pakistan test-fired Ababeel missiles on Oct. 18 and Oct. 24.", ["2024-10-18", "2024-10-24"]),
    ],
)
def test_coordinated_dates_are_two_occasions(launches, text: str, dates: list[str]) -> None:  # type: ignore[no-untyped-def]
    assert sorted(r[1] for r in launches(text, "2025-10-01")) == dates


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired a missile on Friday, its first launch since July 25.",
        "North Korea fired a missile on Friday, the first such launch since July 25, officials said.",
        "It was the first launch since July 25 when North Korea fired a missile on Friday.",
    ],
)
def test_a_since_date_belongs_to_another_event(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    assert "2025-08-15" in [r[1] for r in launches(text, "2025-08-18")]
    assert all(r[1] != "2025-07-25" or r[2] is None for r in launches(text, "2025-08-18"))


@pytest.mark.parametrize(
    ("second", "earlier"),
    [
        (
            "Monday's launch came two days after Japan launched a spy satellite on an H-2A rocket.",
            "2025-03-08",
        ),
        (
            "The launch came eight days after Iran's Guards sent a satellite into orbit on a Qaem-100 rocket.",
            "2025-03-02",
        ),
        ("The test came a week after Japan fired a Type-12 missile from Hokkaido.", "2025-03-03"),
        ("The launch came three days after the North fired two cruise missiles.", "2025-03-07"),
        ("That launch came just one day after India test-fired an Agni-4 missile.", "2025-03-09"),
    ],
)
def test_a_launch_n_days_before_the_one_just_told(launches, second: str, earlier: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(f"The country launched a rocket on Monday, officials said. {second}", "2025-03-10")
    assert sorted(r[1] for r in rows) == sorted(["2025-03-10", earlier])


def test_a_day_after_under_a_report_counts_from_the_report(launches) -> None:  # type: ignore[no-untyped-def]
    rows = launches(
        "North Korea said Thursday that Kim had overseen a successful missile test, a day after the "
        "country fired two missiles from its east coast.",
        "2025-06-26",
    )
    assert "2025-06-25" in [r[1] for r in rows]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "It was the first such test since 2017. In August and September of that year the North sent two Hwasong-12s over Hokkaido.",
            ["2017-08", "2017-09"],
        ),
        ("Iran first tested the Simorgh in 2016. In April of that year a second rocket failed.", ["2016-04"]),
        ("The North last tested an ICBM in 2017; it fired a Hwasong-15 that November.", ["2017-11"]),
        (
            "Pakistan first fired the Ababeel in 2017. It fired a second one on October 18 of the same year.",
            ["2017-10-18"],
        ),
        ("Russia's programme was revived in 2018, and a Sarmat missile was fired later that year.", ["2018"]),
    ],
)
def test_that_year_is_the_year_named_before(launches, text: str, dates: list[str]) -> None:  # type: ignore[no-untyped-def]
    got = [r[1] for r in launches(text, "2025-06-01")]
    assert all(d in got for d in dates)
    assert not any(d and d.startswith("2025") for d in got)


@pytest.mark.parametrize(
    "second",
    [
        "In its course, crews launched a Yars missile from Plesetsk.",
        "During the exercise, a submarine fired a Sineva missile from the Barents Sea.",
        "In the course of the drill, bombers fired cruise missiles at a range.",
        "During the drills, the navy launched two Kalibr cruise missiles.",
    ],
)
def test_a_launch_in_the_course_of_an_exercise_has_its_day(launches, second: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(
        f"On October 25, Putin directed a training exercise of the strategic forces. {second}", "2025-10-27"
    )
    assert [r[1] for r in rows] == ["2025-10-25"]


def test_a_launch_months_before_a_report_is_another_launch(launches) -> None:  # type: ignore[no-untyped-def]
    rows = launches(
        "South Korea's military said on Wednesday the North had fired two Musudan missiles from the Wonsan area. "
        "In April it also test-fired a ballistic missile from a submarine.",
        "2025-06-26",
    )
    assert sorted((r[1], r[6]) for r in rows) == [("2025-04", 1), ("2025-06-25", 2)]


@pytest.mark.parametrize(
    "text",
    [
        "Iran held a drill on Jan. 3. On Jan. 6, it fired a ballistic missile, hours before talks opened in Oman.",
        "China began an exercise on Jan. 2. During the exercise, on Jan. 6, it fired a DF-21 hours after a US ship sailed by.",
        "North Korea fired a missile on Jan. 6, minutes before the South's president spoke.",
        "On Jan. 6 Pakistan test-fired a Babur missile, shortly after India's drill ended.",
        "Russia launched a Yars on Jan. 6, within hours of a NATO meeting.",
    ],
)
def test_a_launch_own_date_beats_a_same_day_phrase(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """'hours before ...' dates a launch by the event told before it only when the launch has no
    date of its own."""
    assert [r[1] for r in launches(text, "2025-01-20")] == ["2025-01-06"]


@pytest.mark.parametrize(
    "text",
    [
        "Two weeks ago, on Jan. 6, a missile fired from Wonsan by North Korea crashed shortly after liftoff.",
        "Last week, on Jan. 6, a rocket launched by Iran failed to reach orbit.",
        "A few days ago, on Jan. 6, a ballistic missile fired by the North exploded in mid-air.",
        "Nearly two weeks ago, on Jan. 6, a ballistic missile launched by North Korea from Sunan blew up.",
        "Just over a week ago, on Jan. 6, a cruise missile fired by Russia fell short of its target.",
    ],
)
def test_the_last_of_fronted_dates_dates_a_launch_told_in_a_participle(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """'a missile fired from X exploded': the launch hangs from another verb, so the sentence's
    fronted dates date it, the most exact (the last) of them."""
    assert [r[1] for r in launches(text, "2025-01-20")] == ["2025-01-06"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Russia said on Sunday it would extend the drills, a day after Putin oversaw an exercise of its nuclear forces.",
            "2025-01-18",
        ),
        (
            "China said on Friday that talks would resume, two days after the Chinese navy held drills near Taiwan.",
            "2025-01-15",
        ),
        (
            "Seoul said on Thursday it would respond, a day after North Korea staged artillery drills near the border.",
            "2025-01-15",
        ),
        (
            "Iran announced on Sunday new sanctions on Britain, three days after it held naval drills in the Gulf.",
            "2025-01-16",
        ),
        (
            "Japan protested on Wednesday, a week after Russia and China conducted a joint air patrol.",
            "2025-01-08",
        ),
    ],
)
def test_an_exercise_n_days_before_a_dated_clause(exercises, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """'said on Sunday ..., a day after X held drills': the drills fall N days before the day the
    clause above names, not N days after the event told before."""
    assert [r[1] for r in exercises(text, "2025-01-20")] == [date]


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired a ballistic missile into the sea, South Korea's Joint Chiefs of Staff said on Wednesday.",
        "Iran launched a satellite rocket from Semnan, state television reported on Wednesday.",
        "Pakistan test-fired a Babur cruise missile, the military said Wednesday.",
        "Seoul: North Korea fired two short-range missiles off its east coast, Yonhap reported on Wednesday.",
        "Russia launched a Bulava missile from a submarine in the White Sea, the defence ministry said on Wednesday.",
        # the saying parsed as a conjunct of the launch
        "China fired a rocket into the sea from its southern coast, Taiwan's Ministry of National Defense (MND) said on Wednesday.",
    ],
)
def test_an_undated_launch_takes_the_day_of_the_saying_after_it(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """'X fired a missile, the JCS said on Wednesday': breaking copy tells the day of the
    report when the launch has no day of its own."""
    [row] = launches(text, "2025-06-19")
    assert row[1] == "2025-06-18"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "It was the North's first ICBM launch since Dec. 18 last year, when a Hwasong-18 was sent on a lofted flight.",
            "2024-12-18",
        ),
        (
            "It was the first such test since August 2016, when a missile fired from a submarine off Sinpo flew 500 km.",
            "2016-08",
        ),
        (
            "Pyongyang has not flown an ICBM since July 12, when a Hwasong-18 was launched from Pyongyang.",
            "2025-07-12",
        ),
        (
            "No satellite had been tried since May 27, when a Chollima-1 exploded shortly after liftoff.",
            "2025-05-27",
        ),
        (
            "The launch was the first since March 3 this year, when Iran fired a Simorgh rocket from Semnan.",
            "2025-03-03",
        ),
    ],
)
def test_a_when_clause_after_a_date_is_on_that_date(launches, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "since Dec. 18 last year, when a Hwasong-18 was sent ...": the clause tells what happened
    on the date just before it, wherever the parser hangs the clause."""
    rows = launches(text, "2025-11-01")
    assert date in {r[1] for r in rows}


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "The crisis peaked in August 2022; on 4 August that year China fired 11 ballistic missiles near Taiwan.",
            "2022-08-04",
        ),
        (
            "Tensions rose in 2017, and on 29 August that year North Korea fired a Hwasong-12 over Hokkaido.",
            "2017-08-29",
        ),
        ("The talks collapsed in 2019. On Oct. 2 that year the North fired a Pukguksong-3.", "2019-10-02"),
        (
            "Sanctions came in 2016; in September of that year North Korea fired three Nodong missiles.",
            "2016-09",
        ),
        (
            "North Korea fired a missile on March 3. That afternoon, Seoul fired two Hyunmoo missiles in response.",
            "2025-03-03",
        ),
    ],
)
def test_a_day_of_that_year_and_that_afternoon(launches, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "on 4 August that year": the day in the year named before; "that afternoon": the day told."""
    rows = launches(text, "2025-06-20")
    assert rows[-1][1] == date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("In 2018, Iran launched a Simorgh rocket in January, officials said.", "2018-01"),
        ("In 2019, after talks collapsed in February, North Korea fired two missiles in May.", "2019-05"),
        ("In 2017, Pyongyang launched a Hwasong-14 on July 4, its first ICBM.", "2017-07-04"),
        ("In 2022, as tensions rose in August, China fired 11 missiles near Taiwan on Aug. 4.", "2022-08-04"),
        ("In 2016, Iran test-fired two Qadr-H missiles in March, state media said.", "2016-03"),
    ],
)
def test_a_month_takes_the_year_the_sentence_opens_with(launches, text: str, date: str | None) -> None:  # type: ignore[no-untyped-def]
    """ "In 2019, after talks collapsed in February, North Korea fired two missiles in May": the
    fronted year is the year of the months the sentence names."""
    rows = launches(text, "2025-06-20")
    assert [r[1] for r in rows] == ([date] if date else [])


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Last year, Iran fired a Kheibar missile in July from Semnan.", "2024-07"),
        ("Earlier this year, North Korea test-fired a Hwasong-19 in January, Seoul said.", "2025-01"),
        ("In March 2023, two weeks after the talks, Pakistan tested a Fatah-2 on March 17.", "2023-03-17"),
        ("In 2016, Iran test-fired two Qadr-H missiles in March, state media said.", "2016-03"),
    ],
)
def test_a_day_takes_the_year_of_a_relative_or_month_year_opening(launches, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "Last year, ... in July", "In March 2023, ... on March 17": the year the sentence opens with,
    written as a relative year or with a month, is the year of a day or month it names later."""
    assert [r[1] for r in launches(text, "2025-06-20")] == [date]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "The sharpest warning came in August 2022, when China fired 11 missiles near Taiwan on Aug. 4.",
            "2022-08-04",
        ),
        (
            "The crisis peaked in March 1996, after the election campaign, when the PLA fired three missiles on March 8.",
            "1996-03-08",
        ),
    ],
)
def test_a_day_takes_the_year_of_its_month_named_before(launches, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "in August 2022, when ... on Aug. 4": a day of the month the sentence has already given a
    year for is in that year, not the dateline's most recent August."""
    assert [r[1] for r in launches(text, "2025-06-20")] == [date]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "From March 11 to 15 last year, Iranian, Russian and Chinese warships held a naval drill.",
            "2024-03-11",
        ),
        ("Russian and Belarusian troops held joint drills from Sept. 10 through 16, 2021.", "2021-09-10"),
        (
            "The navies of India and France held the Varuna exercise from March 2 to 9 this year.",
            "2025-03-02",
        ),
    ],
)
def test_a_range_of_days_told_with_to_dates_an_exercise_by_its_first(exercises, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "from March 11 to 15 last year": one phrase, the range's first day in the year it names
    (the dateline's most recent March 11 would be this year's)."""
    assert [r[1] for r in exercises(text, "2025-06-20")] == [date]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "An unarmed Minuteman III was launched from Vandenberg Space Force Base in California shortly after "
            "11 p.m. Pacific time on Tuesday, while votes were still being counted.",
            "2025-06-17",
        ),
        (
            "A Minuteman III was launched from Vandenberg Space Force Base in California at 11:01 p.m. Pacific "
            "time on Tuesday, the Air Force said.",
            "2025-06-17",
        ),
        ("North Korea fired a ballistic missile at 5:58 a.m. Wednesday from near Wonsan.", "2025-06-18"),
        ("Iran launched a Simorgh rocket at 9 a.m. local time on Tuesday from Semnan.", "2025-06-17"),
        ("Russia fired a Yars ICBM at 4 p.m. Moscow time on Wednesday from Plesetsk.", "2025-06-18"),
    ],
)
def test_a_clock_time_ends_no_sentence(launches, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "shortly after 11 p.m. Pacific time on Tuesday": the full stop of "p.m." ends no sentence,
    so the day after it still dates the launch."""
    rows = launches(text, "2025-06-20")
    assert [r[1] for r in rows] == [date]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "North Korea fired a missile on Monday. Its previous launch, on May 10, involved two rockets fired from Kaechon.",
            "2025-05-10",
        ),
        (
            "Iran launched a Simorgh on Monday. The last test, in March, put a satellite into orbit.",
            "2025-03",
        ),
        (
            "India fired an Agni-P on Monday. Its first flight test, on June 28, 2021, was a success.",
            "2021-06-28",
        ),
        (
            "Pakistan fired a Babur on Monday. The previous launch, on Feb. 11, used a new launcher.",
            "2025-02-11",
        ),
        (
            "The North fired two cruise missiles on Monday. Its last launch, on May 2, was watched by Kim.",
            "2025-05-02",
        ),
    ],
)
def test_a_date_set_off_by_commas_after_a_launch_noun_is_its_own(launches, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "Its previous launch, on May 10, involved ...": the parser hangs the date on the verb;
    it is the date of the launch noun it follows."""
    assert [r[1] for r in launches(text, "2025-06-20")] == ["2025-06-16", date]


@pytest.mark.parametrize(
    "text",
    [
        "India on Monday conducted the maiden flight test of the Agni-5 missile.",
        "Pakistan on Monday carried out a training launch of the Fatah missile.",
        "The army conducted the first test of its new Hyunmoo-5 missile on Monday.",
        "North Korea on Monday carried out the second test of a new cruise missile.",
        "India conducted a test of the Agni-P missile on Monday, placing it among nations capable of striking targets with a single missile.",
        # "staged" is lemmatized "stag" by the model; the parse repair gives it back its lemma
        "The US Navy staged the launch of a Trident missile on Monday.",
        "Pakistan staged the test of a Babur cruise missile on Monday.",
    ],
)
def test_the_day_of_the_verb_that_conducts_a_test_dates_it(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "India on Monday conducted the maiden flight test of the Agni-5": the test is on the day
    the verb that carries it out has, even when the test is "the" test; and what a weapon is
    capable of ("with a single missile") is no launch of its own."""
    assert [r[1] for r in launches(text, "2025-03-11")] == ["2025-03-10"]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "North Korea opened its testing calendar last Sunday (Jan. 14), firing an intermediate-range ballistic missile.",
            "2024-01-14",
        ),
        (
            "North Korea escalated tensions on Monday, firing two ballistic missiles into the sea.",
            "2024-01-15",
        ),
        ("Iran marked the anniversary on Monday, launching a Simorgh rocket from Semnan.", "2024-01-15"),
        ("Russia ended the drills on Monday, firing a Yars from Plesetsk.", "2024-01-15"),
        ("Pakistan responded on Monday, test-firing a Babur cruise missile.", "2024-01-15"),
    ],
)
def test_a_participle_that_fires_takes_the_day_of_its_clause(launches, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "North Korea escalated tensions on Monday, firing two ballistic missiles": the participle
    tells what the clause it hangs from did, on that clause's day."""
    assert [r[1] for r in launches(text, "2024-01-21")] == [date]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "The treaty was signed on March 3, 2015. Parliament approved the new law on October 25. "
            "The same day, Russia fired a Yars missile from Plesetsk.",
            "2023-10-25",
        ),
        (
            "The pact dates from June 12, 2019. The council voted on October 25. On that day, Russia "
            "launched a Bulava missile from the White Sea.",
            "2023-10-25",
        ),
        (
            "North Korea fired a cruise missile on October 2. Seoul's new defence minister took office "
            "on October 20. That day, North Korea fired two ballistic missiles.",
            "2023-10-20",
        ),
        (
            "Iran launched a satellite on September 1. The IAEA board met on October 12. The same day, "
            "Iran test-fired a Fattah missile.",
            "2023-10-12",
        ),
        (
            "India tested an Agni missile on August 3. Its navy chief visited Paris on October 9. That "
            "same day, India fired a BrahMos missile from a destroyer.",
            "2023-10-09",
        ),
    ],
)
def test_the_same_day_is_the_day_told_last_an_events_or_not(launches, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "The Federation Council approved it on October 25 ... On the day the council voted,
    Putin oversaw an exercise": "the same day" is the day the text told last, whether or not
    an event of ours happened on it."""
    assert launches(text, "2023-11-02")[-1][1] == date


def test_the_same_day_of_a_sentence_that_refers_back_keeps_the_launch(launches) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iran launched a Khorramshahr missile from Semnan last Sunday. Its defence minister confirmed "
        "the test on Wednesday. The same day, the US national security adviser put Iran on notice, "
        "citing the launch."
    )
    assert [r[1] for r in launches(text, "2017-02-04")] == ["2017-01-29"]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        (
            "India has tested the Agni-V five times, in 2012, 2013, 2015, 2016 and 2018.",
            ["2012", "2013", "2015", "2016", "2018"],
        ),
        (
            "Britain test-fired Trident missiles in 2000, 2005, 2009 and 2012.",
            ["2000", "2005", "2009", "2012"],
        ),
        ("Pakistan flight-tested the Shaheen-III in 2015, 2021 and 2022.", ["2015", "2021", "2022"]),
        (
            "France launched M51 missiles from its submarines in 2010, 2013 and 2016.",
            ["2010", "2013", "2016"],
        ),
        (
            "North Korea fired Hwasong-15 missiles in 2017, 2023 or 2024, officials said.",
            ["2017", "2023", "2024"],
        ),
    ],
)
def test_a_list_of_years_is_a_launch_in_each(launches, text: str, years: list[str]) -> None:  # type: ignore[no-untyped-def]
    """ "The previous tests, in 2000, 2005, 2009 and 2012": one occasion in each year listed."""
    assert [r[1] for r in launches(text, "2024-02-21")] == years


@pytest.mark.parametrize(
    "text",
    [
        "India's Agni III missile failed on Sunday after lift-off from Wheeler Island. The Agni III failed in its first test-firing over the weekend, the minister said.",
        "Britain fired a Trident II from HMS Vanguard on Jan. 30. The Trident test last month failed, the MoD confirmed.",
        "Pakistan test-fired a Babur cruise missile on Feb. 11. The Babur test this month was its first from a submarine.",
        "Russia launched a Sarmat from Plesetsk on Feb. 20. The first Sarmat flight this month went as planned.",
        "Iran fired a Khorramshahr on Sunday from Semnan. Its Khorramshahr test this week was condemned.",
    ],
)
def test_a_coarser_date_of_the_same_weapons_launch_is_that_launch(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "failed in its first test-firing over the weekend" after "failed on Sunday": one launch,
    dated by its day; the month or weekend told of the same weapon adds nothing new."""
    assert len(launches(text, "2024-02-21")) == 1


def test_a_first_launch_in_another_year_is_another_launch(launches) -> None:  # type: ignore[no-untyped-def]
    text = "India fired an Agni III missile on Sunday. The first Agni III launch was in November 2003."
    assert [r[1] for r in launches(text, "2006-07-10")] == ["2006-07-09", "2003-11"]


@pytest.mark.parametrize(
    "second",
    [
        "Its maiden flight took place on June 28, 2021.",
        "Its first flight took place on June 28, 2021.",
        "The maiden flight came on June 28, 2021, officials said.",
    ],
)
def test_its_maiden_flight_is_the_first_launch_of_the_weapon_told(launches, second: str) -> None:  # type: ignore[no-untyped-def]
    """ "maiden" is "first": an occasion of its own, of the weapon told before."""
    rows = launches(f"India flight-tested the Agni Prime missile on Wednesday. {second}", "2023-06-08")
    assert sorted((r[1], r[2]) for r in rows) == [("2021-06-28", "Agni-P"), ("2023-06-07", "Agni-P")]


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("The first test of the Agni-V was conducted in 2012.", "2012"),
        ("The maiden Shaheen-III test was carried out on March 9, 2015.", "2015-03-09"),
        ("The latest Hwasong-18 launch was conducted on Tuesday, officials said.", "2024-02-20"),
        ("Its last Babur test was carried out in October.", "2023-10"),
        ("The previous Sarmat test was performed in April 2022 from Plesetsk.", "2022-04"),
    ],
)
def test_a_launch_that_was_conducted_takes_the_day_of_its_verb(launches, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "The first Agni-V test was conducted in 2012": the passive conduct verb says when the
    launch its subject names happened, as "took place" does."""
    assert [r[1] for r in launches(text, "2024-02-21")] == [date]


@pytest.mark.parametrize(
    ("text", "weapon", "date"),
    [
        (
            "North Korea has not tested an ICBM since November 2017, when it launched a Hwasong-15 that flew for 50 minutes before falling into the sea.",
            "Hwasong-15",
            "2017-11",
        ),
        (
            "Iran has not tested a satellite rocket since January, when it launched a Simorgh that reached orbit minutes after lift-off.",
            "Simorgh",
            "2024-01",
        ),
        (
            "Pakistan, which rarely comments on tests, has not fired a Shaheen-III since April 2022, when it launched one that flew for 20 minutes before falling into the sea.",
            "Shaheen-III",
            "2022-04",
        ),
        (
            "Russia has not fired a Sarmat since February, when it launched one that broke apart minutes after it left the silo.",
            "RS-28 Sarmat",
            "2024-02",
        ),
        (
            "China has not tested a DF-41 since May, when it fired one that came down hours after launch in the desert.",
            "DF-41",
            "2024-05",
        ),
    ],
)
def test_minutes_before_inside_the_projectiles_clause_tell_no_day(  # type: ignore[no-untyped-def]
    launches, text: str, weapon: str, date: str
) -> None:
    """ "since November 2017, when it launched a Hwasong-15 that flew for 50 minutes before
    falling": the clause on the missile tells its flight, not that the launch was on the day
    told before; the launch has the date of its "when" clause."""
    rows = launches(text, "2024-06-26")
    assert [r[1] for r in rows if r[2] == weapon and r[7] != "negated"] == [date]


@pytest.mark.parametrize(
    ("text", "dateline", "row"),
    [
        # a day told in the present ("end on", "hold ... from", "slated to run through") is the one
        # nearest the dateline, ahead of it too: not the same day a year before
        (
            "South Korea and the United States are holding their Ulchi Freedom Shield drills, which end on Aug. 29.",
            "2024-08-26",
            (("KOR", "USA"), "2024-08", "Ulchi Freedom Shield", "asserted"),
        ),
        (
            "Japan and the United States hold the Keen Sword exercise from Oct. 23.",
            "2024-10-20",
            (("JPN", "USA"), "2024-10-23", "Keen Sword", "expected"),
        ),
        (
            "Japan and the United States hold their Cope North exercise, which ends on Feb. 23.",
            "2025-02-15",
            (("JPN", "USA"), "2025-02", "Cope North", "asserted"),
        ),
        pytest.param(
            "Australia and the United States are holding Talisman Sabre, which is slated to run through Aug. 4.",
            "2025-07-13",
            (("AUS", "USA"), "2025-07", "Talisman Sabre", "asserted"),
            marks=known_failure("'run through' is no end: dated Aug. 4 of this year (right), but as a plan"),
        ),
        (
            "India and France begin the Varuna naval exercise on March 19.",
            "2025-03-15",
            (("FRA", "IND"), "2025-03-19", "Varuna", "expected"),
        ),
        # told in the past, the day before the dateline stays
        (
            "The allies' Freedom Shield exercise, which began on March 4, ends on Thursday.",
            "2024-03-12",
            (("KOR", "USA"), "2024-03-04", "Freedom Shield", "asserted"),
        ),
    ],
)
def test_an_exercise_day_told_in_the_present_is_the_nearest(  # type: ignore[no-untyped-def]
    exercises, text: str, dateline: str, row: tuple[object, ...]
) -> None:
    assert exercises(text, dateline) == [row]


@pytest.mark.parametrize(
    "text",
    [
        # an ordinal in apposition to the launch says which of a series it was: the same launch
        "North Korea fired two ballistic missiles on Wednesday, its second launch in three days.",
        "China fired an ICBM into the Pacific on Wednesday, its first such test in a decade.",
        pytest.param(
            "North Korea fired a ballistic missile on Wednesday. The launch, the second this month, was overseen by Kim Jong Un.",
            marks=known_failure(
                "an ordinal in apposition to a launch noun makes a second launch, dated to the month"
            ),
        ),
        pytest.param(
            "North Korea fired a ballistic missile on Wednesday. The launch, the first since March, was overseen by Kim Jong Un.",
            marks=known_failure("'the first since March' makes a second launch, dated March"),
        ),
        "North Korea fired a ballistic missile on Wednesday, its third launch this month.",
        "Iran launched a Simorgh rocket on Wednesday, the country's second space launch this year.",
    ],
)
def test_an_ordinal_in_apposition_is_the_same_launch(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [r[1] for r in launches(text, "2024-11-20")] == ["2024-11-20"]


@pytest.mark.parametrize(
    "text",
    [
        # a date the parser hangs on a verb of naming inside what was fired is the launch's
        "North Korea launched a rocket carrying what it calls a spy satellite on Monday.",
        "Iran launched a rocket carrying what it described as a research satellite on Monday.",
        "North Korea fired a rocket carrying what it calls a military reconnaissance satellite late Monday night.",
        "North Korea fired a missile carrying what state media called a hypersonic warhead on Monday.",
        "North Korea fired what it called a hypersonic missile on Monday.",
    ],
)
def test_a_date_on_a_verb_of_naming_inside_what_was_fired(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    assert [r[1] for r in launches(text, "2025-03-11")] == ["2025-03-10"]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        (
            "On Thursday the military tested a Dongfeng-31AG, a road-mobile ICBM first shown at a military parade in 2017.",
            "2024-07-25",
        ),
        ("On Tuesday the Air Force flew a Minuteman III, a missile first deployed in 1970.", "2024-07-23"),
        (
            "On Monday North Korea fired a Hwasong-18, a solid-fuel ICBM first displayed at a parade in February 2023.",
            "2024-07-22",
        ),
        ("On Wednesday Russia launched a Sarmat, a heavy ICBM first unveiled in 2018.", "2024-07-24"),
        ("On Friday India tested an Agni-V, a missile first inducted into service in 2018.", "2024-07-26"),
    ],
)
def test_the_date_a_weapon_was_shown_or_fielded_is_no_launch(launches, text: str, day: str) -> None:  # type: ignore[no-untyped-def]
    """ "a road-mobile ICBM first shown at a military parade in 2017": the weapon's date, in a
    clause about the weapon, is no launch of its own; the launch keeps its day."""
    assert [r[1] for r in launches(text, "2024-07-26")] == [day]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "North Korea fired a ballistic missile on Sunday, a week after it fired two cruise missiles.",
            ["2025-03-09", "2025-03-02"],
        ),
        (
            "Iran launched a rocket on Sunday, a month after it launched a satellite on a Qaem-100.",
            ["2025-03-09", "2025-02"],
        ),
        (
            "Pakistan fired a Babur missile in March, two months after it tested a Shaheen-III.",
            ["2025-03", "2025-01"],
        ),
        (
            "India test-fired an Agni-P on Sunday, three days after it launched a Prithvi-II.",
            ["2025-03-09", "2025-03-06"],
        ),
    ],
)
def test_a_launch_n_days_or_months_before_in_an_after_clause(launches, text: str, dates: list[str]) -> None:  # type: ignore[no-untyped-def]
    """The after-clause's own launch, told with "it", is another occasion: N days or weeks
    before the main clause's day, or N months before its month (to the month)."""
    rows = launches(text, "2025-03-10")
    assert sorted(str(r[1]) for r in rows) == sorted(dates)


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "China test-fired an intercontinental ballistic missile into the Pacific Ocean. The ICBM "
            "fell into a designated area, the ministry said. In 1980, China launched an ICBM into the "
            "South Pacific.",
            [None, "1980"],
        ),
        (
            "India test-fired an Agni-V missile, officials said. The missile was first tested in "
            "April 2012 from the same island.",
            [None, "2012-04"],
        ),
    ],
)
def test_a_leads_undated_launch_is_not_one_told_years_before(
    launches, text: str, dates: list[str | None]
) -> None:  # type: ignore[no-untyped-def]
    """A story's lead tells its news: a launch it gives no date is not the launch of 1980 the
    story recalls later."""
    assert sorted((r[1] for r in launches(text, "2024-09-25")), key=str) == sorted(dates, key=str)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "Kyiv's air force said earlier in the day that a ballistic missile was launched at Dnipro.",
            "2024-11-21",
        ),
        (
            "Seoul detected two North Korean ballistic missile launches earlier in the day, officials said.",
            "2024-11-21",
        ),
        ("Earlier on Tuesday, North Korea fired a cruise missile off its west coast.", "2024-11-19"),
    ],
)
def test_earlier_in_the_day_is_the_day_of_the_story(launches, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "earlier in the day" dates a launch by the day the story is told; "earlier on Tuesday"
    by Tuesday."""
    assert [r[1] for r in launches(text, "2024-11-21")] == [date]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        (
            "Iran fired a Kheibar on Wednesday. Wednesday's launch came two weeks after the Guards carried "
            "out, on Feb. 19, a test of a Fattah missile.",
            ["2025-03-05", "2025-02-19"],
        ),
        pytest.param(
            "India fired an Agni-P on Wednesday. Wednesday's flight came a week after the DRDO announced, on "
            "Feb. 26, the successful launch of a Prithvi-II.",
            ["2025-03-05", "2025-02-26"],
            marks=known_failure("the parser hangs 'on Feb. 26' on 'came' and the launch as its apposition"),
        ),
        (
            "North Korea fired two ballistic missiles on Thursday. Thursday's launch followed the firing "
            "of two cruise missiles into the Yellow Sea.",
            ["2025-03-06", None],
        ),
        (
            "Iran launched a Simorgh rocket on Wednesday. Wednesday's launch followed a test of a "
            "Qaem-100 rocket.",
            ["2025-03-05", None],
        ),
        (
            "North Korea fired two ballistic missiles on Thursday. Thursday's launch followed the firing "
            "of two cruise missiles by the North on Sunday.",
            ["2025-03-06", "2025-03-02"],
        ),
        (
            "The Air Force launched a Minuteman III from Vandenberg today. Today's test follows the launch of "
            "another unarmed Minuteman III from the same base on March 4.",
            ["2025-03-06", "2025-03-04"],
        ),
    ],
)
def test_the_day_of_a_subject_does_not_date_the_occasion_it_followed(
    launches, text: str, dates: list[str | None]
) -> None:  # type: ignore[no-untyped-def]
    """ "Wednesday's flight came two weeks after ..." dates the flight, not the earlier launch the
    clause tells: that one has its own day ("announced, on March 3, a launch") or none told."""
    assert sorted((r[1] for r in launches(text, "2025-03-06")), key=str) == sorted(dates, key=str)


@pytest.mark.parametrize(
    "text",
    [
        "Today's firing was the first time the army has fired a PrSM from its own launchers.",
        "Monday's launch was the first time North Korea has fired a Hwasong-19.",
    ],
)
def test_the_day_of_a_subject_dates_the_launch_it_is(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(text, "2025-03-10")
    assert rows and {r[1] for r in rows} == {"2025-03-10"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The year so far.\n\nJAN. 15 -- The Pakistani navy fires a Babur cruise missile from a submarine.\n\n"
            "MARCH 2 -- Pakistan tests an Ababeel missile.",
            [("2024-01-15", "Babur"), ("2024-03-02", "Ababeel")],
        ),
        (
            "Chronology.\n\nFEB. 3 -- North Korea fires a Hwasong-18 into the sea.\n\n"
            "SEPT. 9 -- North Korea launches two KN-23s from Sunan.",
            [("2024-02-03", "Hwasong-18"), ("2024-09-09", "Hwasong-11A")],  # the KN-23 by its catalogue name,
        ),
        (
            "Key moments.\n\nAPRIL 13-14 -- Iran launches an Emad missile at Israel.\n\n"
            "OCT. 1 -- Iran fires a Kheibar Shekan missile at Israel.",
            [("2024-04-13", "Emad"), ("2024-10-01", "Kheibar Shekan")],
        ),
        (
            "Dates to know.\n\nJUNE 4 -- India tests an Agni-Prime missile off Odisha.\n\n"
            "NOV. 16 -- India tests a hypersonic missile from Abdul Kalam Island.",
            [("2024-06-04", "Agni-P"), ("2024-11-16", None)],
        ),
        (
            "The record.\n\nAUG. 2, 2019 -- The United States test-fires a Tomahawk from San Nicolas Island.\n\n"
            "DEC. 12, 2019 -- The United States launches a ballistic missile from Vandenberg.",
            [("2019-08-02", "Tomahawk"), ("2019-12-12", None)],
        ),
    ],
)
def test_a_timeline_entry_set_in_capitals_dates_its_sentences(
    launches, text: str, expected: list[tuple[str, str | None]]
) -> None:  # type: ignore[no-untyped-def]
    """ "JAN. 15 -- ...": round-ups and timelines set their entries' dates in capitals; those are
    dates like any other."""
    rows = launches(text, "2024-11-20")
    assert sorted((r[1], r[2]) for r in rows) == sorted(expected)


@pytest.mark.parametrize(
    "text",
    [
        "2018: A North Korean missile falls into the sea.",
        "North Korea's record.\n\n2017: A North Korean missile falls into the sea.",
    ],
)
def test_one_line_opening_with_a_date_is_no_chronology(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """A single line that opens with a date is a sentence like any other (a fact box's "2018:"):
    a flight with no day of its own in its clause is no new launch."""
    assert launches(text, "2024-11-20") == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Iran's year.\n\nJan. 16 -- Iranian missiles hit bases of a militant group in Pakistan.\n\n"
            "April 13 -- Iran fires ballistic missiles at Israel.",
            ("IRN", "2024-01-16"),
        ),
        (
            "Timeline.\n\nApril 19, 2024 -- An Israeli missile strikes a radar site near Isfahan.\n\n"
            "Oct. 26, 2024 -- Israel strikes military sites in Iran.",
            ("ISR", "2024-04-19"),
        ),
        (
            "How it unfolded.\n\nMay 7 -- Indian missiles hit nine sites in Pakistan.\n\n"
            "May 10 -- The two armies agree to stop firing.",
            ("IND", "2024-05-07"),
        ),
        (
            "Chronology.\n\nSept. 14 -- A Houthi missile crashed in an open area near Modiin.\n\n"
            "Sept. 15 -- Israel vows a response.",
            ("YEM", "2024-09-14"),
        ),
        (
            "The week.\n\nMONDAY: A North Korean ballistic missile falls into the sea off Japan.\n\n"
            "TUESDAY: Japan protests through diplomatic channels.",
            ("PRK", "2024-11-18"),
        ),
    ],
)
def test_a_projectiles_flight_in_a_timeline_entry_is_a_launch_of_that_day(
    launches, text: str, expected: tuple[str, str]
) -> None:  # type: ignore[no-untyped-def]
    """ "Jan. 16 -- Iranian missiles hit ...": a flight told with no launch word is a launch when
    its clause has a day; an entry's date is that day."""
    assert expected in {(r[0], r[1]) for r in launches(text, "2024-11-20")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "A chronology.\n\nMarch 3, 2012 -- A setback. India fires a K-4 missile in the Bay of Bengal.\n\n"
            "June 9, 2013 -- India hails its new submarine. An Agni-II is fired from Wheeler Island.",
            [("2012-03-03", "K-4"), ("2013-06-09", "Agni-II")],
        ),
        (
            "Key dates.\n\nMay 4, 2016 -- Pakistan signs a pact with China.\n\n"
            "Jan. 9, 2017 -- The navy is praised. A Babur-3 is launched from an underwater platform.",
            [("2017-01-09", "Babur-3")],
        ),
        (
            "The record.\n\n2014 - A quiet year for the programme.\n\n"
            "Nov. 28, 2016 - The Aleksandr Nevsky joins the fleet. A Bulava is fired from the Barents Sea.",
            [("2016-11-28", "RSM-56 Bulava")],
        ),
        (
            "What happened.\n\nAug. 2, 2019: The United States leaves the treaty. On Aug. 18, the Pentagon "
            "test-fires a Tomahawk cruise missile from San Nicolas Island.\n\nNov. 22, 2020: It leaves Open Skies.",
            [("2019-08-18", "Tomahawk")],
        ),
        (
            "Milestones.\n\nApril 13, 2024 -- Iran sends drones toward Israel. In the same attack, the Revolutionary "
            "Guards fire more than 120 ballistic missiles.\n\nOct. 1, 2024 -- Iran fires about 180 ballistic missiles "
            "at Israel.",
            [("2024-04-13", None), ("2024-10-01", None)],
        ),
    ],
)
def test_a_timeline_entry_dates_its_sentences(
    launches, text: str, expected: list[tuple[str, str | None]]
) -> None:  # type: ignore[no-untyped-def]
    """ "Sept. 6, 2013 -- ... A Bulava fired by the Aleksandr Nevsky fails": a line that opens
    with a date and a dash dates what its sentences tell with no date of their own, and a day
    told there without a year is in the entry's year; no entry's launch is another's."""
    rows = launches(text, "2024-11-06")
    assert sorted((r[1], r[2]) for r in rows) == sorted(expected)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "A ballistic missile fired by the Houthis reached central Israel on Sunday, setting off sirens.",
            "2024-09-15",
        ),
        ("A cruise missile launched by Russia struck an apartment block in Dnipro on Friday.", "2024-09-13"),
        ("A missile fired by Iran landed near the Nevatim air base on Saturday.", "2024-09-14"),
        (
            "On April 20, 2022, a missile launched from Plesetsk delivered training warheads to Kamchatka.",
            "2022-04-20",
        ),
        ("An ICBM test-fired by North Korea splashed down west of Hokkaido on Thursday.", "2024-09-12"),
    ],
)
def test_a_launch_told_in_a_reduced_relative_has_the_day_of_its_flight(
    launches, text: str, date: str
) -> None:  # type: ignore[no-untyped-def]
    """ "A ballistic missile fired by the Houthis reached central Israel on Sunday": the day of
    the flight's clause is the day of the launch the participle tells."""
    [row] = launches(text, "2024-09-16")
    assert row[1] == date


@pytest.mark.parametrize(
    ("text", "date"),
    [
        (
            "The Russian Defence Ministry conducted a test launch of an intercontinental ballistic missile, state "
            "media reported on April 11.",
            "2023-04-11",
        ),
        (
            "Pakistan carried out a training launch of a Fatah rocket, the military said on Monday.",
            "2023-04-10",
        ),
        (
            "India conducted a flight test of an Agni-V missile, the defence ministry announced on Sunday.",
            "2023-04-09",
        ),
        (
            "Iran carried out a test firing of a Kheibar missile, state television reported on Friday.",
            "2023-04-07",
        ),
        (
            "China conducted a test launch of an ICBM into the Pacific, the ministry said on April 3.",
            "2023-04-03",
        ),
    ],
)
def test_a_launch_noun_with_no_date_takes_the_day_it_was_reported(launches, text: str, date: str) -> None:  # type: ignore[no-untyped-def]
    """ "conducted a test launch of an ICBM, state media reported on April 11": with nothing
    else to date it, the launch is of the day the report gives."""
    [row] = launches(text, "2023-04-12")
    assert row[1] == date


@pytest.mark.parametrize(
    "text",
    [
        "The first operation came in April, when on the night of April 13 Iran fired missiles at Israel "
        "in retaliation for the strike on its consulate in Damascus on April 1.",
        "On the morning of April 13, Iran fired missiles at Israel in response to a strike in Damascus on April 1.",
    ],
)
def test_the_part_of_a_day_a_launch_is_told_in_dates_it(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "on the night of April 13": the night is the date's head, as near the verb as "on April 1"
    the parser hangs there too; the night is the launch's."""
    assert [r[1] for r in launches(text, "2024-10-02")] == ["2024-04-13"]


@pytest.mark.parametrize(
    "second",
    [
        "Jiji Press said the test came at about 8:00 am (2300 GMT Saturday) and only consisted of one missile.",
        "The missile was fired at 6:45 a.m. (2145 GMT Saturday), officials said.",
        "The launch came at 7 a.m. local time (2200 GMT Saturday).",
        "It was detected at 5:30 am (2030 UTC Saturday) and flew about 400 km.",
        "The test took place shortly after 9 am (0000 GMT Sunday), Yonhap said.",
    ],
)
def test_a_clock_time_restated_in_gmt_is_neither_a_day_nor_a_count(launches, second: str) -> None:  # type: ignore[no-untyped-def]
    """Wire copy restates a local time in GMT in brackets ("at 8:00 am (2300 GMT Saturday)"):
    the GMT day is not the launch's day where it happened, and "2300" counts no missiles."""
    rows = launches(f"North Korea fired a short-range missile into the sea on Sunday. {second}", "2005-05-01")
    assert [(r[1], r[6]) for r in rows] == [("2005-05-01", 1)]


def test_a_local_day_restated_in_brackets_stays_the_day(launches) -> None:  # type: ignore[no-untyped-def]
    """Only universal time restated in brackets is set aside; "(7 a.m. KST Monday)" is the day."""
    rows = launches(
        "North Korea fired a ballistic missile at 2200 GMT on Sunday (7 a.m. KST Monday).", "2025-07-25"
    )
    assert [r[1] for r in rows] == ["2025-07-21"]


@pytest.mark.parametrize(
    "second",
    [
        "The first test of the missile, labelled China-specific by some experts, from the same base on July 9, 2006 was unsuccessful.",
        "The first test of the missile, described by officials as routine, on July 9, 2006 was unsuccessful.",
        "The first launch of the missile, on July 9, 2006, was unsuccessful.",
    ],
)
def test_an_earlier_test_of_the_missile_told_with_a_participle_between(launches, second: str) -> None:  # type: ignore[no-untyped-def]
    rows = launches(f"India tested its Agni III missile on Wednesday. {second}", "2008-05-07")
    assert [(r[1], r[2], r[5]) for r in rows] == [
        ("2008-05-07", "Agni-III", "unknown"),
        ("2006-07-09", "Agni-III", "failure"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired three ballistic missiles on Wednesday. North Korean artillery also fired about 100 rounds.",
        "Iran test-fired a Shahab-3 missile on Wednesday, media said. Two short-range missiles were also launched.",
        "India test-fired an Agni-V on Wednesday. A Prithvi-II was also launched from the same island, officials said.",
        "North Korea fired a cruise missile on Wednesday and held a drill on Monday. Two rockets were also fired.",
        "Russia launched a Yars on Wednesday. Its navy also fired two Kalibr cruise missiles, the ministry said.",
    ],
)
def test_a_launch_also_told_is_on_the_day_of_the_launch_before(launches, text: str) -> None:  # type: ignore[no-untyped-def]
    """ "Two short-range missiles were also launched": besides the launch told, on its day (not
    on the day of the last event of another kind the text told in between)."""
    rows = launches(text, "2024-06-28")
    assert len(rows) == 2 and {r[1] for r in rows} == {"2024-06-26"}


@pytest.mark.parametrize(
    "chronology",
    [
        "- June 29: Two Scud missiles are launched from Wonsan.\n\n- July 9: Two Scuds are fired from Hwanghae.",
        "* June 29 -- Two Scud missiles are launched from Wonsan.\n\n* July 9 -- Two Scuds are fired from Hwanghae.",
        "• June 29: Two Scud missiles are launched from Wonsan.\n\n• July 9: Two Scuds are fired from Hwanghae.",
        "June 29: Two Scud missiles are launched from Wonsan.\n\nJuly 9: Two Scuds are fired from Hwanghae.",
        "- June 29: Two Scud missiles are launched from Wonsan.\n\n- July 9: Another pair of Scuds, launched "
        "shortly after 1 a.m., flies 500 km from Hwanghae.",
    ],
)
def test_a_bulleted_chronology_dates_each_entry(launches, chronology: str) -> None:  # type: ignore[no-untyped-def]
    """ "- June 29: Two Scud missiles are launched ...": a list's bullet before an entry's date, a
    colon right after its day, and a clock time after "shortly after" (the entry's own day, no
    other event's) leave each entry its date."""
    rows = launches(f"North Korea's summer of launches.\n\n{chronology}", "2014-07-28")
    assert sorted(r[1] for r in rows) == ["2014-06-29", "2014-07-09"]
