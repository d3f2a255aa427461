"""Timeline entries: a line that opens with a date and a dash or colon ("Sept. 6, 2013 -- A
Bulava fired by the second Borei fails in flight", "2018: The Bulava enters service") dates
what its sentences tell without a date of their own. A chronology writes each entry's date
once, in front; the sentences after it ("A Yars ICBM is launched from Plesetsk toward Kura")
are of that day, not of the entry told before."""

from __future__ import annotations

import re

from kg.dates import MONTHS, find_date_phrases, in_year_of, names_a_year

#: What sets an entry's date off from its text: a dash of any kind or a colon, spaced
_MARK = re.compile(r"[ \t]*(?:--|—|–|-|:)[ \t]")
#: How far into its line an entry's date and mark may reach
_REACH = 40


def entry_date(text: str, start: int) -> str | None:
    """The date phrase opening the line of `text` that holds offset `start`, when a dash or
    colon follows it ("Oct. 25, 2023 -- ..."); None for any other line."""
    begin = text.rfind("\n", 0, start) + 1
    opening = text[begin : begin + _REACH]
    found = find_date_phrases(opening)
    if not found or found[0][0] != 0:
        return None
    _, end, phrase = found[0]
    return phrase if _MARK.match(opening, end) else None


def in_entry_year(phrase: str, entry: str) -> str:
    """A month or day told in an entry without a year, in the entry's year ("Aug. 18" in the
    entry of "Aug. 2, 2019" -> "Aug. 18, 2019"); any other phrase as it is."""
    if names_a_year(phrase) or not any(w.strip(".,").lower() in MONTHS for w in phrase.split()):
        return phrase
    return in_year_of(phrase, entry)
