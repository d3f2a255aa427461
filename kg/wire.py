"""Wire-copy datelines: "SEOUL, March 7 (Yonhap) --", "WASHINGTON (AP) —", "DUBAI (Reuters) -",
"Moscow, June 19 (TASS) -", "TOKYO, Feb. 7 Kyodo -", "SEOUL, November 12. /TASS/.",
"ISLAMABAD:".

Agency and newspaper copy opens its first paragraph with the place it was filed from, often a
date without a year and the agency. That opening is not part of the story: the place is not
an actor ("SEOUL" does not make South Korea part of a story filed there), and the agency is
not a source the story quotes. `find_wire_dateline` finds it at the start of a body and says
where it ends, so the parser can start the first sentence after it and the gazetteer can
leave it out; its month and day give the article a date when nothing else does
(`dateline_date`, with the year from a hint).

Pure: strings in, records out.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection
from dataclasses import dataclass

from kg.dates import MONTHS

_MONTH = "|".join(sorted(MONTHS, key=len, reverse=True))
# A place in capitals ("SEOUL", "TSUGOL RANGE /Trans-Baikal Region/", "ST. PETERSBURG") or in
# title case ("Moscow", "New Delhi"); then an optional region (", South Korea", ", Calif.").
_CAPS_PLACE = r"[A-Z][A-Z'’.\-]*(?:[ ][A-Z][A-Z'’.\-]*){0,3}(?:\s*/[^/\n]{1,40}/)?"
_TITLE_PLACE = r"[A-Z][a-z'’\-]+(?:[ ][A-Z][a-z'’\-]+){0,2}"
_REGION = rf"(?:,[ ](?!(?i:{_MONTH})\b)(?P<region>[A-Z][A-Za-z.'’\-]*(?:[ ][A-Z][A-Za-z.'’\-]*){{0,2}}))?"
_DATE = rf"(?:,?[ ](?P<month>(?i:{_MONTH}))\.?[ ](?P<day>\d{{1,2}})(?:,[ ]\d{{4}})?)?"
# An agency in brackets or slashes needs no list: "(Yonhap)", "(AP)", "/TASS/".
_BRACKETED = r"(?:\((?P<paren>[A-Za-z][\w.&' \-]{0,30})\)|/(?P<slash>[A-Za-z][\w.&' \-]{0,20})/)"
# "--", a dash or a colon; a full stop only after a date or an agency ("November 12. /TASS/.").
_SEPARATOR = r"(?P<sep>[ ]*(?:--|—|–|-|:)|\.)[ ]+"


@dataclass(frozen=True, slots=True)
class WireDateline:
    """A dateline at the start of a body: text[start:end] is the dateline and its separator."""

    start: int
    end: int
    place: str
    agency: str | None = None
    month: int | None = None
    day: int | None = None


# Title case with no agency: a capital or city (checked by name, so that "On May 6 -- ..." and
# "Friday, May 6 -- ..." are no datelines) with a date and a dash ("New Delhi, May 6 -- "), or
# alone before a colon ("Seoul: North Korea fired ...").
_TITLE_DASHED = re.compile(rf"(?P<place>{_TITLE_PLACE}){_REGION}{_DATE}(?P<sep>[ ]*(?:--|—|–))[ ]+(?=\S)")
_TITLE_COLON = re.compile(rf"(?P<place>{_TITLE_PLACE}):[ ]+(?=[A-Z])")


def _compile(agencies: Collection[str]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    bare = "|".join(re.escape(a) for a in sorted(agencies, key=len, reverse=True)) or r"(?!x)x"
    agency = rf"(?:\.?[ ]*{_BRACKETED}|[ ](?P<bare>{bare})(?![\w]))"
    # a bracketed agency may end the dateline with no separator: "New Delhi, April 4 (IANS) Strategic ..."
    ends = rf"(?:{_SEPARATOR}(?=\S)|(?<=\))(?P<bare_end>[ ]+)(?=[A-Z]))"
    caps = re.compile(
        rf"(?P<place>{_CAPS_PLACE}){_REGION}{_DATE}(?:{agency}\.?)?{ends}",
    )
    # Title case is how a sentence starts too ("Moscow, June 19, said ..."): an agency is required
    # here (a known city with a dash or a colon is found apart, in `find_wire_dateline`).
    title = re.compile(rf"(?P<place>{_TITLE_PLACE}){_REGION}{_DATE}{agency}\.?{ends}")
    return caps, title


_PATTERNS: dict[tuple[str, ...], tuple[re.Pattern[str], re.Pattern[str]]] = {}


def find_wire_dateline(
    text: str, agencies: Collection[str] = (), cities: Collection[str] = ()
) -> WireDateline | None:
    """The wire dateline at the start of `text` (after leading white space), or None.

    `agencies` are names that may follow the date without brackets ("TOKYO, Feb. 7 Kyodo -");
    bracketed ones are recognised by their shape. A place in capitals needs only a separator
    after it ("ISLAMABAD:"), one in title case an agency ("Moscow, June 19 (TASS) -"), or to be
    one of `cities` with a date and a dash ("New Delhi, May 6 --") or before a colon ("Seoul:").
    """
    key = tuple(sorted(agencies))
    patterns = _PATTERNS.get(key)
    if patterns is None:
        patterns = _PATTERNS[key] = _compile(key)
    caps, title = patterns
    offset = len(text) - len(text.lstrip())
    first_line = text[offset:].split("\n", 1)[0]
    for pattern in (caps, title):
        m = pattern.match(first_line)
        if m is None:
            continue
        place = m["place"]
        if pattern is caps and not _capitals(place):
            continue
        month = MONTHS[m["month"].lower()] if m["month"] else None
        day = int(m["day"]) if m["day"] else None
        agency = m["paren"] or m["slash"] or m["bare"]
        if m["sep"] == "." and month is None and agency is None:
            continue
        if m["bare_end"] is not None and pattern is title and month is None:
            continue  # "The United Nations (UN) Security Council ..." opens a sentence
        if month is not None and day is not None and not _possible(month, day):
            continue
        return WireDateline(offset, offset + m.end(), place.strip(), agency, month, day)
    m = _TITLE_DASHED.match(first_line)
    if m is not None and m["month"] and m["place"] in cities:
        month, day = MONTHS[m["month"].lower()], int(m["day"])
        if _possible(month, day):
            return WireDateline(offset, offset + m.end(), m["place"], None, month, day)
    m = _TITLE_COLON.match(first_line)
    if m is not None and m["place"] in cities:
        return WireDateline(offset, offset + m.end(), m["place"])
    return None


def _capitals(place: str) -> bool:
    """ "SEOUL" or "TSUGOL RANGE /Trans-Baikal Region/": the name before any slash is capitals,
    at least three letters ("A North Korean missile" is not a place, and "US: ..." is a headline)."""
    name = place.split("/", 1)[0]
    letters = [c for c in name if c.isalpha()]
    return len(letters) >= 3 and all(c.isupper() for c in letters)


def _possible(month: int, day: int) -> bool:
    try:
        dt.date(2000, month, day)  # a leap year: Feb. 29 is possible
    except ValueError:
        return False
    return True


def dateline_date(dateline: WireDateline, year_hint: dt.date | None) -> dt.date | None:
    """The dateline's month and day in the year that puts it closest to `year_hint` (the page's
    or feed's date, or --date): copy filed "Dec. 31" and published on Jan. 1 is from the year
    before. None when the dateline has no day or there is no hint."""
    if dateline.month is None or dateline.day is None or year_hint is None:
        return None
    best: dt.date | None = None
    for year in (year_hint.year - 1, year_hint.year, year_hint.year + 1):
        try:
            day = dt.date(year, dateline.month, dateline.day)
        except ValueError:
            continue
        if best is None or abs((day - year_hint).days) < abs((best - year_hint).days):
            best = day
    return best


__all__ = ["WireDateline", "dateline_date", "find_wire_dateline"]
