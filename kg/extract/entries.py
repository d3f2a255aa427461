"""Timeline entries: in a chronology, lines that open with a date and a dash or colon
("Sept. 6, 2013 -- A Bulava fired by the second Borei fails in flight", "2018: The Bulava
enters service") date what their sentences tell without a date of their own. A chronology
writes each entry's date once, in front; the sentences after it ("A Yars ICBM is launched from
Plesetsk toward Kura") are of that day, not of the entry told before.

A text is read as a chronology only when at least two of its lines open that way: one such
line alone ("Jan. 5, 2024 - North Korea fired ...", or a body with no line breaks) is a
sentence like any other.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import replace

from kg.dates import entry_lines, in_year_of
from kg.extract.candidate import Candidate
from kg.extract.sentence import a_month_of_no_year


class Entries:
    """The timeline entries of a text, by the offset their line starts at."""

    def __init__(self, text: str, lines: dict[int, tuple[str, int]] | None = None) -> None:
        """`lines`: the text's entries as kg.dates.entry_lines gives them, when already read."""
        self._starts = [0, *(m.end() for m in re.finditer("\n", text))]
        found = entry_lines(text) if lines is None else lines
        self._dates = {start: phrase for start, (phrase, _after) in found.items()}

    def date_at(self, offset: int) -> str | None:
        """The date of the entry whose line holds `offset`; None outside an entry."""
        if not self._dates:
            return None
        return self._dates.get(self._starts[bisect_right(self._starts, offset) - 1])

    def dated(self, cand: Candidate) -> Candidate:
        """A candidate of an entry: with no date of its own it takes the entry's date; with a
        day and month but no year ("On Aug. 18, the Pentagon test-fires ...") the entry's year.
        Any other candidate as it is."""
        entry = self.date_at(cand.sentence.start)
        if entry is None or cand.days_after_previous is not None:
            return cand
        if cand.date_phrase is None:
            return replace(cand, date_phrase=entry)
        return replace(cand, date_phrase=in_entry_year(cand.date_phrase, entry))


def in_entry_year(phrase: str, entry: str) -> str:
    """A month or day told in an entry without a year, in the entry's year ("Aug. 18" in the
    entry of "Aug. 2, 2019" -> "Aug. 18, 2019"); any other phrase as it is ("Last June",
    "December 2021", "Sunday")."""
    return in_year_of(phrase, entry) if a_month_of_no_year(phrase) else phrase
