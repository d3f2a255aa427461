"""kg.wire: wire-copy datelines at the start of a body (pure)."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.lexicon import load_lexicon
from kg.wire import WireDateline, dateline_date, find_wire_dateline

AGENCIES = tuple(load_lexicon().cue_terms("wire_agency"))
CITIES = load_lexicon().cities


@pytest.mark.parametrize(
    ("text", "dateline", "place", "agency", "month_day"),
    [
        (
            "SEOUL, March 7 (Yonhap) -- North Korea fired",
            "SEOUL, March 7 (Yonhap) -- ",
            "SEOUL",
            "Yonhap",
            (3, 7),
        ),
        ("WASHINGTON (AP) — The Pentagon said", "WASHINGTON (AP) — ", "WASHINGTON", "AP", None),
        ("DUBAI (Reuters) - Iran said", "DUBAI (Reuters) - ", "DUBAI", "Reuters", None),
        ("Moscow, June 19 (TASS) - Russia and", "Moscow, June 19 (TASS) - ", "Moscow", "TASS", (6, 19)),
        ("TOKYO, Feb. 7 Kyodo - Japan said", "TOKYO, Feb. 7 Kyodo - ", "TOKYO", "Kyodo", (2, 7)),
        ("SEOUL, November 12. /TASS/. The leader", "SEOUL, November 12. /TASS/. ", "SEOUL", "TASS", (11, 12)),
        ("ISLAMABAD: Pakistan on Saturday", "ISLAMABAD: ", "ISLAMABAD", None, None),
        (
            "NEW DELHI, May 11 (PTI): India test-fired",
            "NEW DELHI, May 11 (PTI): ",
            "NEW DELHI",
            "PTI",
            (5, 11),
        ),
        ("SEOUL, South Korea (AP) — North Korea", "SEOUL, South Korea (AP) — ", "SEOUL", "AP", None),
        ("  \nBEIJING, Jan 3 (Xinhua) -- China", "BEIJING, Jan 3 (Xinhua) -- ", "BEIJING", "Xinhua", (1, 3)),
        # title case with no agency: a date and a dash, or a known city before a colon
        ("New Delhi, May 6 -- Pakistan's military", "New Delhi, May 6 -- ", "New Delhi", None, (5, 6)),
        ("Islamabad, Oct. 2 — Pakistan test-fired", "Islamabad, Oct. 2 — ", "Islamabad", None, (10, 2)),
        ("Seoul: North Korea fired", "Seoul: ", "Seoul", None, None),
        # a bracketed agency ends it without a separator (agency copy as pages reprint it)
        (
            "New Delhi, April 4 (IANS) Strategic Forces",
            "New Delhi, April 4 (IANS) ",
            "New Delhi",
            "IANS",
            (4, 4),
        ),
        ("ISLAMABAD (APP) Pakistan test-fired", "ISLAMABAD (APP) ", "ISLAMABAD", "APP", None),
        ("Tehran: Iran's Revolutionary Guards", "Tehran: ", "Tehran", None, None),
    ],
)
def test_datelines_are_found(
    text: str, dateline: str, place: str, agency: str | None, month_day: tuple[int, int] | None
) -> None:
    found = find_wire_dateline(text, AGENCIES, CITIES)
    assert found is not None
    assert text[found.start : found.end] == dateline
    assert (found.place, found.agency) == (place, agency)
    assert ((found.month, found.day) if found.month else None) == month_day


@pytest.mark.parametrize(
    "text",
    [
        "North Korea fired a missile - a new one, officials said.",
        "Moscow, June 19, said - something",  # title case needs an agency
        "A North Korean missile: the new one",
        "US: North Korea fired",  # a two-letter tag is a headline, not a place
        "SEOUL, Feb. 31 (Yonhap) -- no such day",
        "Seoul said on Monday that the North fired.",
        "Moscow, June 19 - something",  # a single dash after a title-case date needs an agency
        "Update: North Korea fired",  # a title-case word before a colon that is no city
        "Seoul: the capital",  # a city before a colon and a lower-case word: a headline's gloss
        "On May 6 -- the eve of the vote -- North Korea fired",  # a dash after a date, no place
        "Friday, May 6 -- North Korea fired",
        "Update, June 3 – Iran said",
        "The United Nations (UN) Security Council met on Monday.",
    ],
)
def test_sentences_are_not_datelines(text: str) -> None:
    assert find_wire_dateline(text, AGENCIES, CITIES) is None


def test_the_dateline_date_takes_the_year_closest_to_the_hint() -> None:
    wire = WireDateline(0, 10, "SEOUL", "Yonhap", 12, 31)
    assert dateline_date(wire, dt.date(2024, 1, 1)) == dt.date(2023, 12, 31)
    assert dateline_date(wire, dt.date(2024, 12, 30)) == dt.date(2024, 12, 31)
    assert dateline_date(wire, None) is None
    assert dateline_date(WireDateline(0, 5, "DUBAI"), dt.date(2024, 1, 1)) is None
