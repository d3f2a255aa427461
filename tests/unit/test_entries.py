"""Timeline entries: lines that open with a date and a dash or colon, in a chronology."""

from __future__ import annotations

import pytest

from kg.extract.entries import Entries, in_entry_year

TIMELINE = (
    "Timeline: the Bulava's record\n\n"
    "Sept. 27, 2005 -- First flight test. A Bulava is fired from the White Sea.\n\n"
    "2018 - The missile enters service.\n\n"
    "Oct. 25, 2023: Putin oversees a drill. A Yars is launched.\n\n"
    "NOV. 2 -- A Sarmat fails in its silo.\n\n"
    "05:01 -- State media carry a statement.\n\n"
    "SEOUL, March 7 (Yonhap) -- North Korea fired a missile.\n\n"
    "On March 7, 2024 - a date that is not the line's opening."
)


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("First flight", "Sept. 27, 2005"),
        ("A Bulava", "Sept. 27, 2005"),  # a later sentence of the entry
        ("The missile enters", "2018"),
        ("A Yars", "Oct. 25, 2023"),
        ("A Sarmat", "NOV. 2"),  # set in capitals
        ("State media", None),  # a time stamp is no date
        ("North Korea fired", None),  # a wire dateline opens with its place
        ("a date that", None),  # "On March 7, 2024": a preposition first
        ("Timeline", None),
    ],
)
def test_the_date_opening_a_line_with_a_dash_or_colon(words: str, expected: str | None) -> None:
    assert Entries(TIMELINE).date_at(TIMELINE.index(words)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # one line that opens with a date is a sentence, not a chronology
        "Jan. 5, 2024 - North Korea fired shells. Russia test-fired a Yars ICBM, the ministry said.",
        "A story.\n\nMonday: Iran launched a satellite.\n\nIt was its third this year.",
        "",
    ],
)
def test_one_dated_line_makes_no_chronology(text: str) -> None:
    entries = Entries(text)
    assert all(entries.date_at(i) is None for i in range(len(text) + 1))


@pytest.mark.parametrize(
    ("phrase", "entry", "expected"),
    [
        ("Aug. 18", "Aug. 2, 2019", "Aug. 18, 2019"),
        ("late June", "Aug. 2, 2019", "late June, 2019"),
        ("December 2021", "Nov. 22, 2020", "December 2021"),  # its own year
        ("Last June", "Aug. 2, 2019", "Last June"),  # relative to the dateline
        ("Sunday", "Aug. 2, 2019", "Sunday"),  # a weekday is the parser's to resolve
        ("a year later", "Aug. 2, 2019", "a year later"),
    ],
)
def test_a_month_without_a_year_is_in_the_entrys_year(phrase: str, entry: str, expected: str) -> None:
    assert in_entry_year(phrase, entry) == expected
