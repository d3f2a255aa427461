"""kg.dates: date phrases -> PartialDate, resolved against the dateline (devset conventions)."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.dates import (
    MONTHS,
    WEEKDAYS,
    entry_opening,
    find_date_phrases,
    in_year_of,
    refers_to_named_year,
    resolve,
    resolve_each,
    with_named_year,
    year_named_last,
)
from kg.models import PartialDate

# (dateline, phrase as found in the article, future?, gold date or None)
# Every dated gold event of the 14 devset articles is here with the phrase that fixes it,
# plus the other date phrases of the same articles.
DEVSET = [
    # seed-2017-03-23-wonsan (Thursday)
    ("2017-03-23", "yesterday", False, "2017-03-22"),
    ("2017-03-23", "yesterday morning", False, "2017-03-22"),
    ("2017-03-23", "Earlier this month", False, "2017-03"),
    ("2017-03-23", "Last year", False, "2016"),
    ("2017-03-23", "last year", False, "2016"),
    ("2017-03-23", "1953", False, "1953"),
    ("2017-03-23", "on Tuesday", False, "2017-03-21"),
    ("2017-03-23", "Tuesday", False, "2017-03-21"),
    ("2017-03-23", "On Sunday", False, "2017-03-19"),
    ("2017-03-23", "Sunday", False, "2017-03-19"),
    ("2017-03-23", "the next several days", False, None),
    ("2017-03-23", "within a few years", False, None),
    ("2017-03-23", "1950 to 1953", False, None),
    # seed-2024-06-26-pyongyang (Wednesday)
    ("2024-06-26", "Wednesday", False, "2024-06-26"),
    ("2024-06-26", "at about 5:30 a.m. Wednesday", False, "2024-06-26"),
    ("2024-06-26", "Wednesday morning", False, "2024-06-26"),
    ("2024-06-26", "late May", False, "2024-05"),
    ("2024-06-26", "in late May", False, "2024-05"),
    ("2024-06-26", "last week", False, "2024-06"),
    ("2024-06-26", "Tuesday", False, "2024-06-25"),
    ("2024-06-26", "on Monday", False, "2024-06-24"),
    ("2024-06-26", "Earlier this week", False, "2024-06"),
    ("2024-06-26", "about a week after", False, None),
    ("2024-06-26", "On the same day", False, None),
    ("2024-06-26", "the past few years", False, None),
    ("2024-06-26", "24 years", False, None),
    # 2017-02-04-iran-guards-drill (Saturday)
    ("2017-02-04", "on Saturday", False, "2017-02-04"),
    ("2017-02-04", "Saturday", False, "2017-02-04"),
    ("2017-02-04", "last Sunday", False, "2017-01-29"),
    ("2017-02-04", "in July", False, "2016-07"),
    ("2017-02-04", "in 2015", False, "2015"),
    ("2017-02-04", "in December", False, "2016-12"),
    ("2017-02-04", "On Friday", False, "2017-02-03"),
    ("2017-02-04", "on Wednesday", False, "2017-02-01"),
    ("2017-02-04", "The same day", False, None),
    # 2017-07-05-hwasong14-icbm (Wednesday)
    ("2017-07-05", "Tuesday morning", False, "2017-07-04"),
    ("2017-07-05", "on Wednesday", False, "2017-07-05"),
    ("2017-07-05", "mid-May", False, "2017-05"),
    ("2017-07-05", "late Tuesday", False, "2017-07-04"),
    ("2017-07-05", "Until Tuesday", False, "2017-07-04"),
    ("2017-07-05", "later this week", False, "2017-07"),
    # 2017-08-30-hokkaido-overflight (Wednesday)
    ("2017-08-30", "just before 6 a.m. Tuesday", False, "2017-08-29"),
    ("2017-08-30", "a day earlier", False, "2017-08-29"),
    ("2017-08-30", "Tuesday's", False, "2017-08-29"),
    ("2017-08-30", "in April 2009", False, "2009-04"),
    ("2017-08-30", "on Aug. 21", False, "2017-08-21"),
    ("2017-08-30", "On Saturday", False, "2017-08-26"),
    ("2017-08-30", "earlier this month", False, "2017-08"),
    ("2017-08-30", "on Thursday", True, "2017-08-31"),
    ("2017-08-30", "on Monday", False, "2017-08-28"),
    ("2017-08-30", "Within hours", False, None),
    # 2017-09-21-zapad-exercise (Thursday)
    ("2017-09-21", "on Sept. 14", False, "2017-09-14"),
    ("2017-09-21", "on Wednesday", False, "2017-09-20"),
    ("2017-09-21", "on Sept. 12", False, "2017-09-12"),
    ("2017-09-21", "on Sept. 11", False, "2017-09-11"),
    ("2017-09-21", "on Monday", False, "2017-09-18"),
    ("2017-09-21", "until Sept. 29", True, "2017-09-29"),
    # 2017-11-29-hwasong15-icbm (Wednesday)
    ("2017-11-29", "Wednesday", False, "2017-11-29"),
    ("2017-11-29", "Sept. 15", False, "2017-09-15"),
    ("2017-11-29", "Monday", True, "2017-12-04"),
    ("2017-11-29", "3:17 a.m.", False, None),
    ("2017-11-29", "earlier that month", False, None),
    # 2018-04-27-panmunjom-declaration (Friday)
    ("2018-04-27", "on Friday", False, "2018-04-27"),
    ("2018-04-27", "1953", False, "1953"),
    ("2018-04-27", "Oct. 4, 2007", False, "2007-10-04"),
    ("2018-04-27", "late November", False, "2017-11"),
    ("2018-04-27", "on April 1", False, "2018-04-01"),
    ("2018-04-27", "this year", False, "2018"),
    ("2018-04-27", "in February", False, "2018-02"),
    ("2018-04-27", "Last week", False, "2018-04"),
    ("2018-04-27", "in March", False, "2018-03"),
    ("2018-04-27", "from May 1", True, "2018-05-01"),
    ("2018-04-27", "by early June", True, "2018-06"),
    ("2018-04-27", "in the autumn", False, None),
    ("2018-04-27", "65 years", False, None),
    ("2018-04-27", "more than a decade", False, None),
    # 2018-09-19-military-agreement (Wednesday)
    ("2018-09-19", "on Wednesday", False, "2018-09-19"),
    ("2018-09-19", "in April", False, "2018-04"),
    ("2018-09-19", "on June 12", False, "2018-06-12"),
    ("2018-09-19", "this year's", False, "2018"),
    ("2018-09-19", "From Nov. 1", True, "2018-11-01"),
    ("2018-09-19", "by the end of the year", False, "2018"),
    ("2018-09-19", "every August", False, None),
    ("2018-09-19", "the near future", False, None),
    # 2021-02-03-new-start-extension (Wednesday)
    ("2021-02-03", "on Wednesday", False, "2021-02-03"),
    ("2021-02-03", "in April 2010", False, "2010-04"),
    ("2021-02-03", "In December", False, "2020-12"),
    ("2021-02-03", "since 2011", False, "2011"),
    ("2021-02-03", "until Feb. 5, 2026", False, "2026-02-05"),
    ("2021-02-03", "on Jan. 26", False, "2021-01-26"),
    ("2021-02-03", "on Friday", False, "2021-01-29"),
    ("2021-02-03", "in November", False, "2020-11"),
    ("2021-02-03", "on Jan. 15", False, "2021-01-15"),
    ("2021-02-03", "the next day", False, None),
    ("2021-02-03", "two days before", False, None),
    ("2021-02-03", "five years", False, None),
    # 2021-09-29-hwasong8-hypersonic (Wednesday)
    ("2021-09-29", "on Tuesday morning", False, "2021-09-28"),
    ("2021-09-29", "this month", False, "2021-09"),
    ("2021-09-29", "Earlier this month", False, "2021-09"),
    ("2021-09-29", "on Sept. 11", False, "2021-09-11"),
    ("2021-09-29", "Sept. 12", False, "2021-09-12"),
    ("2021-09-29", "On Sept. 15", False, "2021-09-15"),
    ("2021-09-29", "from Aug. 16", False, "2021-08-16"),
    ("2021-09-29", "nine days", False, None),
    # 2024-05-24-joint-sword-taiwan (Friday)
    ("2024-05-24", "at 7:45 a.m. on Thursday", False, "2024-05-23"),
    ("2024-05-24", "on Friday", False, "2024-05-24"),
    ("2024-05-24", "Friday morning", False, "2024-05-24"),
    ("2024-05-24", "Last April", False, "2023-04"),
    ("2024-05-24", "this week's", False, "2024-05"),
    ("2024-05-24", "three days", False, None),
    # 2024-05-28-satellite-failure (Tuesday)
    ("2024-05-28", "late on Monday", False, "2024-05-27"),
    ("2024-05-28", "at around 10:44 p.m. on Monday", False, "2024-05-27"),
    ("2024-05-28", "on Tuesday", False, "2024-05-28"),
    ("2024-05-28", "this year", False, "2024"),
    ("2024-05-28", "in November", False, "2023-11"),
    ("2024-05-28", "last year", False, "2023"),
    ("2024-05-28", "June 3", True, "2024-06-03"),
    ("2024-05-28", "May and August of last year", False, None),  # two dates: see resolve_each
    ("2024-05-28", "more than four years", False, None),
    # 2024-07-02-freedom-edge-launches (Tuesday)
    ("2024-07-02", "early on Monday", False, "2024-07-01"),
    ("2024-07-02", "in July", True, "2024-07"),
    ("2024-07-02", "June 26", False, "2024-06-26"),
    ("2024-07-02", "from Thursday", False, "2024-06-27"),
    ("2024-07-02", "to Saturday", False, "2024-06-29"),
    ("2024-07-02", "on June 19", False, "2024-06-19"),
    ("2024-07-02", "a 2018", False, None),
    ("2024-07-02", "2018", False, "2018"),
    ("2024-07-02", "since late May", False, "2024-05"),
    ("2024-07-02", "in early June", False, "2024-06"),
    ("2024-07-02", "Last week", False, "2024-06"),
]

# Cases from the brief and other spellings.
MORE = [
    ("2017-03-23", "today", False, "2017-03-23"),
    ("2017-03-23", "last night", False, "2017-03-22"),
    ("2017-03-23", "the day before yesterday", False, "2017-03-21"),
    ("2017-03-23", "tomorrow", False, "2017-03-24"),
    ("2017-03-23", "two days ago", False, "2017-03-21"),
    ("2017-03-23", "3 days ago", False, "2017-03-20"),
    ("2017-03-23", "a week ago", False, "2017-03"),
    ("2017-03-23", "two months ago", False, "2017-01"),
    ("2017-03-23", "a year ago", False, "2016"),
    ("2021-03-08", "twenty-five years ago", False, "1996"),
    ("2021-03-08", "Twenty-five years ago today", False, "1996-03-08"),
    ("2021-03-08", "15 years ago today", False, "2006-03-08"),
    ("2024-02-29", "four years ago today", False, "2020-02-29"),
    ("2024-02-29", "a year ago today", False, "2023-02-28"),
    ("2017-03-23", "fourteen days ago", False, "2017-03-09"),
    ("2017-03-23", "last month", False, "2017-02"),
    ("2017-03-23", "next month", False, "2017-04"),
    ("2017-03-23", "next year", False, "2018"),
    ("2017-03-23", "next week", False, "2017-03"),
    ("2017-03-23", "late last year", False, "2016"),
    ("2017-03-23", "earlier this year", False, "2017"),
    ("2017-03-23", "the end of last year", False, "2016"),
    ("2017-03-23", "this Sunday", True, "2017-03-26"),
    ("2017-03-23", "next Thursday", False, "2017-03-30"),
    ("2017-03-23", "last Thursday", False, "2017-03-16"),
    ("2017-03-23", "Thursday", True, "2017-03-23"),
    ("2017-03-23", "this past March", False, "2016-03"),
    ("2017-03-23", "this past February", False, "2017-02"),
    ("2017-03-23", "next April", False, "2018-04"),
    ("2017-03-23", "this April", False, "2017-04"),
    ("2017-03-23", "March", False, "2017-03"),
    ("2017-03-23", "March", True, "2017-03"),
    ("2017-03-23", "February", True, "2018-02"),
    ("2017-03-23", "Sep 15", False, "2016-09-15"),
    ("2017-03-23", "September 15", True, "2017-09-15"),
    ("2017-03-23", "Sept. 15th", False, "2016-09-15"),
    ("2017-03-23", "15 September 2016", False, "2016-09-15"),
    ("2017-03-23", "the 15th of September", False, "2016-09-15"),
    ("2017-03-23", "Wednesday, March 22", False, "2017-03-22"),
    ("2017-03-23", "March 23", False, "2017-03-23"),
    ("2017-03-23", "March 24", False, "2016-03-24"),
    ("2017-03-23", "April 31", False, None),
    ("2017-03-23", "Feb. 29", False, "2016-02-29"),
    ("2017-03-23", "Feb. 29", True, "2020-02-29"),
    ("2017-03-23", "Feb. 29, 2017", False, None),
    ("2017-03-23", "April of 2009", False, "2009-04"),
    ("2017-03-23", "August of last year", False, "2016-08"),
    ("2017-03-23", "2017-03-22", False, "2017-03-22"),
    ("2017-03-23", "2017-13", False, None),
    ("2017-03-23", "mid-2015", False, "2015"),
    ("2017-03-23", "the year 2015", False, "2015"),
    ("2017-03-23", "summer 2015", False, "2015"),
    ("2017-03-23", "the 1950s", False, None),
    ("2017-03-23", "the weekend", False, "2017-03"),
    ("2017-04-03", "over the weekend", False, "2017-04"),  # Sat Apr 1 / Sun Apr 2
    ("2017-04-01", "last weekend", False, "2017-03"),
    ("2017-03-23", "that day", False, None),
    ("2017-03-23", "", False, None),
    ("2017-03-23", "Monday and Tuesday", False, None),
]


@pytest.mark.parametrize(("anchor", "phrase", "future", "expected"), DEVSET + MORE)
def test_resolve(anchor: str, phrase: str, future: bool, expected: str | None) -> None:
    got = resolve(phrase, dt.date.fromisoformat(anchor), future=future)
    assert (got.iso() if got else None) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("1953", "1953"),
        ("in 2015", "2015"),
        ("April 2009", "2009-04"),
        ("Oct. 4, 2007", "2007-10-04"),
        ("Feb. 5, 2026", "2026-02-05"),
        ("yesterday", None),
        ("Wednesday", None),
        ("last year", None),
        ("in November", None),
        ("Sept. 15", None),
    ],
)
def test_without_anchor_only_absolute_dates_resolve(phrase: str, expected: str | None) -> None:
    got = resolve(phrase, None)
    assert (got.iso() if got else None) == expected


@pytest.mark.parametrize(
    ("anchor", "phrase", "expected"),
    [
        ("2024-05-28", "May and August of last year", ["2023-05", "2023-08"]),
        ("2021-09-29", "Sept. 11 and 12", ["2021-09-11", "2021-09-12"]),
        ("2021-09-29", "May, June and July 2017", ["2017-05", "2017-06", "2017-07"]),
        ("2024-02-21", "2000, 2005, 2009 and 2012", ["2000", "2005", "2009", "2012"]),
        ("2024-02-21", "2012, 2013 or 2015", ["2012", "2013", "2015"]),
        ("2024-07-02", "Thursday or Saturday", ["2024-06-27", "2024-06-29"]),
        ("2024-07-02", "late May", ["2024-05"]),
        ("2024-07-02", "the same day", []),
    ],
)
def test_resolve_each_splits_coordinations(anchor: str, phrase: str, expected: list[str]) -> None:
    assert [d.iso() for d in resolve_each(phrase, dt.date.fromisoformat(anchor))] == expected


# ----------------------------------------------------------------------------- finding phrases


@pytest.mark.parametrize(
    ("sentence", "phrases"),
    [
        (
            "North Korea’s latest missile launch yesterday ended in failure, officials said.",
            ["yesterday"],
        ),
        ("Earlier this month, North Korea fired four ballistic missiles.", ["Earlier this month"]),
        # a compound number word is one number: not "five years ago" inside "twenty-five years ago"
        (
            "Twenty-five years ago today, Chinese missiles splashed down off Keelung.",
            ["Twenty-five years ago today"],
        ),
        (
            "Last year, the country suffered a series of embarrassing failed launches.",
            ["Last year"],
        ),
        (
            "The missile was launched at about 5:30 a.m. Wednesday from an area near Pyongyang.",
            ["Wednesday"],
        ),
        ("the rocket exploded shortly after lift-off late on Monday.", ["late on Monday"]),
        ("The North's missile lifted off on Tuesday morning from the airfield.", ["Tuesday morning"]),
        ("the mid-May launch of its new Hwasong-12", ["mid-May"]),
        ("joint projects promised in an Oct. 4, 2007, summit agreement", ["Oct. 4, 2007"]),
        ("after two failed attempts in May and August of last year.", ["May and August of last year"]),
        ("Last April, after Taiwan's then-president met", ["Last April"]),
        ("the launch last Sunday of a medium-range missile", ["last Sunday"]),
        ("the last one to cross the main islands, in April 2009, was among them", ["April 2009"]),
        ("the treaty would stay in effect until Feb. 5, 2026.", ["Feb. 5, 2026"]),
        ("cruise missiles on Sept. 11 and again on Sept. 12,", ["Sept. 11", "Sept. 12"]),
        ("The same day, South Korea carried out its first test", ["The same day"]),
        ("the missile it sent over northern Japan a day earlier was", ["a day earlier"]),
        ("Kim's agreement, announced last week, to come to each other's defense", ["last week"]),
        ("replacing the 1953 armistice with a permanent peace treaty", ["1953"]),
        ("a 2018 inter-Korean military accord", ["2018"]),
        ("the pause of more than two months in its weapons testing", []),
        ("its largest military exercise in more than two decades", []),
        ("Russia and Belarus wound up their Zapad-2017 military exercise", []),
        ("code-named Joint Sword-2024A, at 7:45 a.m. on Thursday", ["Thursday"]),
        ("the 1950 to 1953 Korean War", ["1950", "1953"]),
        ("the 1950s and the 1960s", []),
        ("It may fire 1,550 missiles over 2019 kilometers", []),
        ("Analysts say it may launch again; in May it did.", ["May"]),
        ("over the last year, the Guards", []),
        ("this year's Ulchi Freedom Guardian, normally held every August", ["this year", "August"]),
        ("on Sept. 15, 12 missiles were fired", ["Sept. 15"]),
        ("The previous tests, in 2000, 2005, 2009 and 2012, were", ["2000, 2005, 2009 and 2012"]),
        ("In 2023, 40 missiles were fired", ["2023"]),
        ("July 21-26, 1995 -- The PLA fires six missiles", ["July 21-26, 1995"]),
        ("drills held Aug. 15–25 north of the island", ["Aug. 15–25"]),
        ("held from March 11 to 15 last year off Chabahar", ["March 11 to 15 last year"]),
        ("the air force said earlier in the day that it was fired", ["earlier in the day"]),
        ("ran Sept. 3 through 9, 2019, in Belarus", ["Sept. 3 through 9, 2019"]),
        ("hosted it from Sept. 11 to Oct. 8, 2019, at Chitose", ["Sept. 11 to Oct. 8, 2019"]),
        ("the drills of Nov. 22-Dec. 1 near Guam", ["Nov. 22-Dec. 1"]),
        ("fired on Sept. 11 and Oct. 8, 2019", ["Sept. 11", "Oct. 8, 2019"]),  # two days, no range
        ("on 2024-06-19 it fired", ["2024-06-19"]),
        # capitals, as timelines and round-ups set their entries: an abbreviation with its stop
        ("JAN. 15 -- The Guards fire missiles", ["JAN. 15"]),
        ("APRIL 13-14 -- Iran launches drones", ["APRIL 13-14"]),
        ("the SUNDAY TIMES said", []),  # a weekday in capitals is a date only opening an entry
        ("the DEC 5 units and MAR rules", []),
        # the part of a day a date names is of the phrase, the phrase's head
        ("when on the night of April 13 Iran fired", ["the night of April 13"]),
        ("In the early hours of Sunday, the Guards", ["the early hours of Sunday"]),
        ("on the evening of Saturday, Nov. 18", ["the evening of Saturday, Nov. 18"]),
        ("on the night, and on April 13", ["April 13"]),
    ],
)
def test_find_date_phrases(sentence: str, phrases: list[str]) -> None:
    found = find_date_phrases(sentence)
    assert [text for _, _, text in found] == phrases
    assert all(sentence[start:end] == text for start, end, text in found)


# ----------------------------------------------------------------------------- properties

anchors = st.dates(min_value=dt.date(1900, 1, 1), max_value=dt.date(2100, 12, 31))
MONTH_NAMES = [m.capitalize() for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
WEEKDAY_NAMES = [w.capitalize() for w in WEEKDAYS]


def _truncated(anchor: dt.date, like: PartialDate) -> PartialDate:
    return PartialDate.of(anchor).truncate(like.precision)


@given(st.text(max_size=60), anchors, st.booleans())
def test_resolve_never_raises(text: str, anchor: dt.date, future: bool) -> None:
    resolve(text, anchor, future=future)
    resolve_each(text, anchor, future=future)
    for start, end, phrase in find_date_phrases(text):
        assert text[start:end] == phrase


@given(anchors, st.integers(min_value=0, max_value=364))
def test_month_day_is_the_most_recent_one(anchor: dt.date, back: int) -> None:
    day = anchor - dt.timedelta(days=back)
    phrase = f"{MONTH_NAMES[day.month - 1]} {day.day}"
    assert resolve(phrase, anchor) == PartialDate.of(day)
    ahead = anchor + dt.timedelta(days=back)
    phrase = f"{MONTH_NAMES[ahead.month - 1]} {ahead.day}"
    assert resolve(phrase, anchor, future=True) == PartialDate.of(ahead)


@given(anchors, st.integers(min_value=0, max_value=6))
def test_weekday_is_the_most_recent_one_or_the_dateline(anchor: dt.date, back: int) -> None:
    day = anchor - dt.timedelta(days=back)
    assert resolve(f"on {WEEKDAY_NAMES[day.weekday()]}", anchor) == PartialDate.of(day)
    ahead = anchor + dt.timedelta(days=back)
    assert resolve(WEEKDAY_NAMES[ahead.weekday()], anchor, future=True) == PartialDate.of(ahead)
    before = anchor - dt.timedelta(days=back + 1)
    assert resolve(f"last {WEEKDAY_NAMES[before.weekday()]}", anchor) == PartialDate.of(before)


# (template, precision it supports, whether future=True moves it ahead of the dateline);
# {w} is a weekday, {m} a month name, {d} a day of the month, {n} a count.
TEMPLATES = [
    ("{w}", "day", True),
    ("on {w}", "day", True),
    ("late on {w}", "day", True),
    ("early {w} morning", "day", True),
    ("{m} {d}", "day", True),
    ("on {m} {d}", "day", True),
    ("last {w}", "day", False),
    ("this past {w}", "day", False),
    ("yesterday", "day", False),
    ("today", "day", False),
    ("a day earlier", "day", False),
    ("last night", "day", False),
    ("{n} days ago", "day", False),
    ("in {m}", "month", True),
    ("late {m}", "month", True),
    ("mid-{m}", "month", True),
    ("in early {m}", "month", True),
    ("last {m}", "month", False),
    ("this past {m}", "month", False),
    ("this month", "month", False),
    ("earlier this month", "month", False),
    ("last month", "month", False),
    ("last week", "month", False),
    ("earlier this week", "month", False),
    ("{n} weeks ago", "month", False),
    ("{n} months ago", "month", False),
    ("last year", "year", False),
    ("this year", "year", False),
    ("late last year", "year", False),
    ("by the end of the year", "year", False),
    ("{n} years ago", "year", False),
]


@st.composite
def _phrases(draw: st.DrawFn) -> tuple[str, str, bool]:
    template, precision, moves = draw(st.sampled_from(TEMPLATES))
    phrase = template.format(
        w=draw(st.sampled_from(WEEKDAY_NAMES)),
        m=draw(st.sampled_from(MONTH_NAMES)),
        d=draw(st.integers(min_value=1, max_value=28)),
        n=draw(st.sampled_from(["a", "two", "three", "1", "12", "30"])),
    )
    return phrase, precision, moves


@given(_phrases(), anchors)
def test_past_phrases_never_lie_after_the_dateline(case: tuple[str, str, bool], anchor: dt.date) -> None:
    phrase, precision, _ = case
    got = resolve(phrase, anchor)
    assert got is not None, phrase
    assert got.precision == precision
    assert got <= _truncated(anchor, got)


@given(_phrases(), anchors)
def test_future_phrases_never_lie_before_the_dateline(case: tuple[str, str, bool], anchor: dt.date) -> None:
    phrase, precision, moves = case
    got = resolve(phrase, anchor, future=True)
    assert got is not None, phrase
    assert got.precision == precision
    if moves:
        assert got >= _truncated(anchor, got)


@given(_phrases())
def test_relative_phrases_need_a_dateline(case: tuple[str, str, bool]) -> None:
    assert resolve(case[0], None) is None


@pytest.mark.parametrize(
    ("text", "before", "expected"),
    [
        ("that year", "in April of ", True),
        ("later that year", "was fired ", True),
        ("the same year", "October 18 of ", True),
        ("November", "took place that ", True),
        ("November", "took place in ", False),
        ("last year", "in April of ", False),
    ],
)
def test_refers_to_named_year(text: str, before: str, expected: bool) -> None:
    assert refers_to_named_year(text, before) is expected


@pytest.mark.parametrize(
    ("text", "year"),
    [
        ("It was the first time since 2017 that the North flew one.", 2017),
        ("The treaty, signed in 1996 and ratified in 2000, ...", 2000),
        ("It flew 2,000 km at an altitude of 1,500 km.", None),
        ("Resolution 2270 was adopted in March.", None),
        ("No year here.", None),
    ],
)
def test_year_named_last(text: str, year: int | None) -> None:
    assert year_named_last(text) == year


def test_with_named_year() -> None:
    assert with_named_year("that year", 2017) == "2017"
    assert with_named_year("November", 2017) == "November 2017"
    assert resolve(with_named_year("November", 2017), dt.date(2022, 1, 31)) == PartialDate(2017, 11)


@pytest.mark.parametrize(
    ("days", "period", "expected"),
    [
        ("May 30 and Aug. 24", "last year", [PartialDate(2024, 5, 30), PartialDate(2024, 8, 24)]),
        ("April 3", "earlier this year", [PartialDate(2025, 4, 3)]),
        ("Jan. 9 and Jan. 12", "2016", [PartialDate(2016, 1, 9), PartialDate(2016, 1, 12)]),
        ("Aug. 4", "last month", [PartialDate(2025, 8, 4)]),  # no year named: the dateline's
        ("March 2, 2019", "last year", [PartialDate(2019, 3, 2)]),  # its own year wins
        ("23 April and 9 July", "this year", [PartialDate(2025, 4, 23), PartialDate(2025, 7, 9)]),
    ],
)
def test_days_restating_a_period_take_its_year(days: str, period: str, expected: list[PartialDate]) -> None:
    assert resolve_each(in_year_of(days, period), dt.date(2025, 9, 10)) == expected


def test_a_day_of_a_relative_year() -> None:
    assert resolve("Nov. 3 of last year", dt.date(2025, 1, 2)) == PartialDate(2024, 11, 3)
    assert resolve("4 August last year", dt.date(2025, 1, 2)) == PartialDate(2024, 8, 4)
    assert resolve(with_named_year("September 24 of that year", 2017), None) == PartialDate(2017, 9, 24)
    assert resolve("Nov. 3 next year", dt.date(2025, 1, 2)) == PartialDate(2026, 11, 3)


def test_a_day_of_that_year_keeps_the_day() -> None:
    assert with_named_year("4 August that year", 2022) == "4 August 2022"
    assert with_named_year("later that year", 2022) == "2022"
    assert find_date_phrases("on 4 August that year China fired")[0][2] == "4 August that year"


def test_that_afternoon_is_the_day_told() -> None:
    from kg.dates import days_after_previous

    assert days_after_previous("that afternoon") == 0
    assert days_after_previous("that night") == 0


def test_days_before_a_month_share_it() -> None:
    assert find_date_phrases("held on 23 and 24 May, days after")[0][2] == "23 and 24 May"
    may = [PartialDate(2024, 5, 23), PartialDate(2024, 5, 24)]
    assert resolve_each("23 and 24 May", dt.date(2024, 10, 1)) == may
    assert resolve_each("3 and 4 March 2023", None) == [PartialDate(2023, 3, 3), PartialDate(2023, 3, 4)]


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("July 21-26, 1995", "1995-07-21"),
        ("Aug. 15–25, 1995", "1995-08-15"),
        ("March 12 - 20, 1996", "1996-03-12"),
        ("March 11 to 15, 2024", "2024-03-11"),
        ("Sept. 3 through 9 of last year", "2020-09-03"),
        ("Sept. 11 to Oct. 8, 2019", "2019-09-11"),  # the year the end carries
        ("Dec. 28 through Jan. 3, 2019", "2018-12-28"),  # over New Year: the year before
        ("April 30-May 4, 2018", "2018-04-30"),
        ("2024-06-19", "2024-06-19"),
    ],
)
def test_a_range_of_days_is_dated_by_its_first(phrase: str, expected: str) -> None:
    [found] = resolve_each(phrase, dt.date(2021, 3, 8))
    assert found.iso() == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("earlier in the day", "2024-11-21"),
        ("later in the day", "2024-11-21"),
        ("earlier today", "2024-11-21"),
        ("earlier on Tuesday", "2024-11-19"),
        ("later on Friday", "2024-11-15"),
        ("earlier this month", "2024-11"),
    ],
)
def test_earlier_and_later_are_the_day_they_lead_to(phrase: str, expected: str) -> None:
    """ "earlier on Tuesday" is Tuesday; "earlier in the day", in a story, the day it is told."""
    [found] = resolve_each(phrase, dt.date(2024, 11, 21))
    assert found.iso() == expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("JAN. 15 -- The Guards fire missiles", ("JAN. 15", 11)),
        ("MONDAY: A missile falls into the sea", ("MONDAY", 8)),
        ("Sept. 6, 2013 -- A Bulava fails", ("Sept. 6, 2013", 17)),
        ("SUNDAY TIMES reports a launch", None),
        ("On March 7 - a date inside a sentence", None),
        ("- June 29: Two Scuds are fired", ("June 29", 11)),
        ("* July 4 -- A launch", ("July 4", 12)),
        ("- the allies said", None),
        ("June 29: Two Scuds are fired", ("June 29", 9)),
    ],
)
def test_entry_opening(line: str, expected: tuple[str, int] | None) -> None:
    assert entry_opening(line) == expected
