"""Date phrases in article text -> `PartialDate`, resolved against the article's dateline.

Pure: no I/O and no clock; the only "now" is the `anchor` (the dateline) passed in.

The conventions are those of the development set's gold (shared/devset/README.md, "Dates"):

- relative expressions are resolved against the dateline: "yesterday" is the day before,
  "earlier this month" the dateline's month, "last year" the year before;
- a bare weekday ("on Sunday", "Tuesday morning") is the most recent such day before the
  dateline, and the dateline's own weekday is the dateline itself; where the caller knows the
  text speaks of the future (`future=True`, "due to begin Monday") it is the next such day on or
  after the dateline;
- a month, or a month and day, without a year is the most recent one not after the dateline
  ("in November", "Sept. 15"), or with `future=True` the next one on or after it;
- "last April" is April of the year before the dateline's year; "this April" of its year;
- the precision is only what the text supports: "late May", "mid-May", "earlier this month"
  and "last week" (the month of the day a week before) give a month; "last year", "2015" a
  year; "yesterday", "Sept. 15", "a day earlier" a day.

Expressions tied to another event ("the next day", "the same day", "about a week after"), or
to no point in time ("the 1950s", "in the future", "for five years"), resolve to None. So does
any relative expression when there is no anchor; years and full dates work without one.
Words that themselves name the future ("tomorrow", "next week", "next April") resolve to
the future whatever `future` says.

`resolve` takes one date; `resolve_each` also splits coordinations ("May and August of last
year" -> two months of the year before). `find_date_phrases` scans a sentence for the phrases
these understand, for dates the NER misses.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from functools import lru_cache

from kg.models import PartialDate

# --------------------------------------------------------------------------- the words

MONTHS: dict[str, int] = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3,
    "april": 4, "apr": 4, "may": 5, "june": 6, "jun": 6, "july": 7, "jul": 7,
    "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9, "october": 10, "oct": 10,
    "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS: dict[str, int] = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6,
}  # fmt: skip
NUMBERS: dict[str, int] = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
    "thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
    "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
# "twenty-five years ago": the tens and their compounds, else "five years ago" is read inside it.
# kg.dates stands apart from the lexicon (it resolves any text against a dateline), so these
# number words are its own, not cues.tsv's number_word table (counts of missiles).
NUMBERS |= _TENS | {
    f"{tens}-{unit}": value + NUMBERS[unit]
    for tens, value in _TENS.items()
    for unit in ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
}

_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]


def _alt(words: list[str] | dict[str, int]) -> str:
    """A regex alternation of the words, longest first so 'sept' wins over 'sep'."""
    return "|".join(sorted(words, key=lambda w: (-len(w), w)))


# --------------------------------------------------------------------------- cleaning
# An expression is lower-cased, times of day and punctuation are dropped, and the words that
# only place a date within its period ("late", "mid-", "the end of") or introduce it ("on",
# "in", "since") are peeled off: what is left is matched against the rules below.

_TIME = re.compile(
    r"(?:\b(?:just|shortly|right|soon|sometime|some time)\s+)?"
    r"(?:\b(?:before|after|around|about|at|by|until|till|from|to|past|approximately|roughly|nearly)\s+)*"
    r"\b\d{1,2}(?::\d{2})?\s*(?:a\.?\s?m|p\.?\s?m)\b\.?"
    r"|\b(?:noon|midnight)\b"
)
_PUNCT = re.compile(r"[.,;:!?()\[\]\"“”]|'s\b|’s\b|'|’")
_LEAD = re.compile(
    r"(?:on|in|at|over|since|from|by|until|till|through|to|during|of|as of|between|around|about"
    r"|approximately|roughly|sometime|some time|starting|beginning|early|late|mid|middle"
    r"|the early hours of|the small hours of"
    r"|the morning of|the night of|the evening of|the afternoon of)(?:\s*-\s*|\s+)"
)
_WITHIN = re.compile(  # a part of a period: "the end of the year" -> the year
    r"(?:the\s+)?(?:end|start|beginning|middle|rest|remainder|first half|second half|first days"
    r"|last days|turn)\s+of\s+"
)
_PART_OF_DAY = re.compile(r"(.+?)\s+(?:morning|afternoon|evening|night)")
# "earlier on Monday" is Monday; "earlier in the day", in a story, is the day it is told (today)
_EARLIER_ON = re.compile(r"^(?:earlier|later)\s+(?=on\s|today|tonight)")
_IN_THE_DAY = re.compile(r"^(?:earlier|later)\s+in\s+the\s+day$")


#: a range of days ("July 21-26", "Aug. 15–25", "March 11 to 15"): dated by its first day
_RANGE_LINK = r"(?:\s*[-–]\s*|\s+(?:to|through|until|till)\s+)"
_DAY_RANGE = re.compile(rf"(?<![\d\-–])(\d{{1,2}}){_RANGE_LINK}\d{{1,2}}(?![\d\-–])")


#: a range across months ("Sept. 11 to Oct. 8, 2019"): dated by its first day, in the end's year
#: (the year before it when the range runs over New Year: "Dec. 28 through Jan. 3, 2019")
_MONTH_RANGE = re.compile(
    rf"\b(?P<first>(?P<month>{_alt(MONTHS)})\.?\s+\d{{1,2}}){_RANGE_LINK}"
    rf"(?P<last>{_alt(MONTHS)})\.?\s+\d{{1,2}}(?!\d)(?P<year>,?\s+(?:1[89]|20)\d\d\b)?"
)


def _first_of_range(m: re.Match[str]) -> str:
    year = (m.group("year") or "").strip(" ,")
    if year and MONTHS[m.group("month")] > MONTHS[m.group("last")]:
        year = str(int(year) - 1)
    return f"{m.group('first')}, {year}" if year else m.group("first")


def _clean(expression: str) -> str:
    s = _TIME.sub(" ", _DAY_RANGE.sub(r"\1", _MONTH_RANGE.sub(_first_of_range, expression.lower())))
    s = _PUNCT.sub(" ", s)
    s = " ".join(s.split())
    s = _EARLIER_ON.sub("", _IN_THE_DAY.sub("today", s))
    within = False
    while True:
        lead = _LEAD.match(s) or _WITHIN.match(s)
        if lead is None or lead.end() == len(s):
            break
        within = within or lead.re is _WITHIN
        s = s[lead.end() :]
    part = _PART_OF_DAY.fullmatch(s)
    if part and part[1] not in ("this", "last", "the", "that", "every", "each", "one"):
        s = part[1]
    if within and s in ("the year", "the month", "the week"):
        s = "this " + s.split()[1]
    return s


# --------------------------------------------------------------------------- date arithmetic


def _day(d: dt.date) -> PartialDate:
    return PartialDate(d.year, d.month, d.day)


def _month(d: dt.date) -> PartialDate:
    return PartialDate(d.year, d.month)


def add_months(year: int, month: int, delta: int) -> PartialDate:
    """The month `delta` months after (before, when negative) `month` of `year`."""
    index = year * 12 + (month - 1) + delta
    return PartialDate(index // 12, index % 12 + 1)


def _weekday(anchor: dt.date, weekday: int, *, after: bool, strict: bool) -> dt.date:
    """The nearest `weekday` before (after) the anchor; `strict` excludes the anchor itself."""
    if after:
        delta = (weekday - anchor.weekday()) % 7 or (7 if strict else 0)
        return anchor + dt.timedelta(days=delta)
    delta = (anchor.weekday() - weekday) % 7 or (7 if strict else 0)
    return anchor - dt.timedelta(days=delta)


def _month_day(anchor: dt.date, month: int, day: int, *, future: bool) -> PartialDate | None:
    """The most recent (month, day) not after the anchor, or the next one on or after it."""
    step = 1 if future else -1
    for k in range(9):  # Feb 29 may need up to 8 years to come round again
        year = anchor.year + step * k
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            if month == 2 and day == 29:
                continue
            return None  # "April 31"
        if (candidate >= anchor) if future else (candidate <= anchor):
            return _day(candidate)
    return None


def _bare_month(anchor: dt.date, month: int, rel: str | None, future: bool) -> PartialDate:
    year = anchor.year
    if rel == "last":
        year -= 1
    elif rel in ("next", "coming"):
        year += 1
    elif rel == "this past" and month >= anchor.month:  # the most recent one strictly before
        year -= 1
    elif rel is None and future and month < anchor.month:  # the next one on or after
        year += 1
    elif rel is None and not future and month > anchor.month:  # the most recent one not after
        year -= 1
    return PartialDate(year, month)


def _weekend(anchor: dt.date, rel: str | None, future: bool) -> PartialDate | None:
    """The Saturday of the weekend meant, at month precision (year if it straddles months)."""
    if rel in ("next", "coming") or (future and rel in (None, "this")):
        saturday = _weekday(anchor, 5, after=True, strict=rel in ("next", "coming"))
    else:
        saturday = _weekday(anchor - dt.timedelta(days=1), 5, after=False, strict=rel == "last")
    sunday = saturday + dt.timedelta(days=1)
    if sunday.month == saturday.month:
        return _month(saturday)
    return PartialDate(saturday.year) if sunday.year == saturday.year else None


def _relative_unit(anchor: dt.date, unit: str, delta: int) -> PartialDate:
    """`delta` weeks/months/years from the anchor, at the precision the unit supports."""
    if unit == "day":
        return _day(anchor + dt.timedelta(days=delta))
    if unit == "week":  # "last week" -> the month of the day a week before (devset README)
        return _month(anchor + dt.timedelta(days=7 * delta))
    if unit == "month":
        return add_months(anchor.year, anchor.month, delta)
    return PartialDate(anchor.year + delta)


# --------------------------------------------------------------------------- the rules
# Each rule is a regex over the cleaned expression (full match) and a function of the match,
# the anchor and the future flag. The first rule whose regex matches decides.

Rule = Callable[[re.Match[str], dt.date | None, bool], PartialDate | None]
_RULES: list[tuple[re.Pattern[str], Rule]] = []

_M = rf"(?P<mon>{_alt(MONTHS)})"
_W = rf"(?P<wd>{_alt(WEEKDAYS)})"
_N = rf"(?P<n>\d{{1,3}}|{_alt(NUMBERS)})"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_REL = r"(?P<rel>this past|last|this|next|coming)"


def _rule(pattern: str) -> Callable[[Rule], Rule]:
    def register(fn: Rule) -> Rule:
        _RULES.append((re.compile(pattern), fn))
        return fn

    return register


def _year(text: str) -> int | None:
    year = int(text)
    return year if 1000 <= year <= 2999 else None


@_rule(r"today|tonight|this (?:morning|afternoon|evening)")
def _today(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    return _day(anchor) if anchor else None


@_rule(r"yesterday|last night|(?P<two>(?:the )?day before yesterday)")
def _yesterday(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    return _relative_unit(anchor, "day", -2 if m["two"] else -1) if anchor else None


@_rule(r"tomorrow|(?P<two>(?:the )?day after tomorrow)")
def _tomorrow(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    return _relative_unit(anchor, "day", 2 if m["two"] else 1) if anchor else None


@_rule(rf"{_N} (?P<unit>day|week|month|year)s? (?:ago|earlier)(?P<today> today)?")
def _ago(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    n = NUMBERS.get(m["n"]) or int(m["n"])
    if anchor is None:
        return None
    if m["today"] and m["unit"] == "year":  # "twenty-five years ago today": that very day
        try:
            return _day(anchor.replace(year=anchor.year - n))
        except ValueError:  # Feb. 29 of a year that has none
            return _day(anchor.replace(year=anchor.year - n, day=28))
    return _relative_unit(anchor, m["unit"], -n)


@_rule(rf"(?:(?:earlier|later) )?{_REL} (?P<unit>week|month|year)")
def _this_period(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    if anchor is None:
        return None
    delta = {"this": 0, "last": -1, "this past": -1, "next": 1, "coming": 1}[m["rel"]]
    return _relative_unit(anchor, m["unit"], delta)


@_rule(rf"(?:{_REL} |the )?weekend")
def _the_weekend(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    return _weekend(anchor, m["rel"], future) if anchor else None


@_rule(rf"(?:{_REL} )?{_W}")
def _bare_weekday(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    if anchor is None:
        return None
    rel, weekday = m["rel"], WEEKDAYS[m["wd"]]
    if rel in ("last", "this past"):
        return _day(_weekday(anchor, weekday, after=False, strict=True))
    if rel in ("next", "coming"):
        return _day(_weekday(anchor, weekday, after=True, strict=True))
    return _day(_weekday(anchor, weekday, after=future, strict=False))


def _full_date(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    month, day = MONTHS[m["mon"]], int(m["day"])
    if m["year"]:
        year = _year(m["year"])
        return PartialDate(year, month, day) if year else None
    return _month_day(anchor, month, day, future=future) if anchor else None


_rule(rf"(?:{_W} )?{_M} {_DAY}(?: (?:of )?{_YEAR})?")(_full_date)  # "Sept. 15", "Wednesday, Oct. 4, 2007"
_rule(rf"(?:{_W} )?(?:the )?{_DAY} (?:of )?{_M}(?: (?:of )?{_YEAR})?")(_full_date)  # "15 September 2017"


@_rule(rf"{_M} (?:of )?{_YEAR}")
def _month_year(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    year = _year(m["year"])
    return PartialDate(year, MONTHS[m["mon"]]) if year else None


@_rule(rf"{_M} (?:of )?(?P<yrel>last|this|next) year")
def _month_of_relative_year(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    if anchor is None:
        return None
    return PartialDate(anchor.year + {"last": -1, "this": 0, "next": 1}[m["yrel"]], MONTHS[m["mon"]])


@_rule(rf"{_M} {_DAY} (?:of )?(?P<yrel>last|this|next) year")
@_rule(rf"{_DAY} (?:of )?{_M} (?:of )?(?P<yrel>last|this|next) year")  # "4 August last year"
def _day_of_relative_year(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    if anchor is None:
        return None
    year = anchor.year + {"last": -1, "this": 0, "next": 1}[m["yrel"]]
    return PartialDate(year, MONTHS[m["mon"]], int(m["day"]))


@_rule(rf"(?:{_REL} )?{_M}")
def _month_alone(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    return _bare_month(anchor, MONTHS[m["mon"]], m["rel"], future) if anchor else None


@_rule(rf"(?:the year |(?:spring|summer|autumn|fall|winter) (?:of )?)?{_YEAR}")
def _year_alone(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    year = _year(m["year"])
    return PartialDate(year) if year else None


@_rule(r"(?P<year>\d{4})-(?P<mon>\d{2})(?:-(?P<day>\d{2}))?")
def _iso(m: re.Match[str], anchor: dt.date | None, future: bool) -> PartialDate | None:
    year = _year(m["year"])
    if year is None:
        return None
    return PartialDate(year, int(m["mon"]), int(m["day"]) if m["day"] else None)


# --------------------------------------------------------------------------- API


def resolve(expression: str, anchor: dt.date | None, *, future: bool = False) -> PartialDate | None:
    """One date phrase -> PartialDate, resolved against the dateline `anchor`.

    `future=True` when the text places the event ahead of the dateline ("due to begin
    Monday", "will be conducted in July"). Returns None for anything it cannot resolve;
    never raises.
    """
    text = _clean(expression)
    for pattern, rule in _RULES:
        m = pattern.fullmatch(text)
        if m is not None:
            try:
                return rule(m, anchor, future)
            except (ValueError, OverflowError):  # impossible dates, years out of range
                return None
    return None


_COORD = re.compile(r" (?:and|or) ")
_YEAR_WORD = re.compile(r"(?:1[89]|20)\d\d")
_SHARED_YEAR = re.compile(r"(?:.* )?(?P<q>(?:of )?(?:\d{4}|(?:last|this|next) year))")


def resolve_each(expression: str, anchor: dt.date | None, *, future: bool = False) -> list[PartialDate]:
    """Every date a phrase names, coordinations included, in order; [] if none resolves.

    "May and August of last year" -> [2023-05, 2023-08] (the year is shared);
    "May, June and July 2017" -> three months of 2017; "Sept. 11 and 12" -> two days
    (the month is shared); "2000, 2005, 2009 and 2012" -> four years. Parts that do not
    resolve are left out.
    """
    return list(_resolve_each(expression, anchor, future))


@lru_cache(maxsize=4096)
def _resolve_each(expression: str, anchor: dt.date | None, future: bool) -> tuple[PartialDate, ...]:
    """`resolve_each`, remembered: the rules resolve the same phrase against the same dateline
    many times per article (each rule that reads a sentence's dates), and the result depends on
    nothing else."""
    parts = _COORD.split(_clean(expression))
    if len(parts) > 1:
        listed: list[str] = []
        for part in parts[:-1]:  # "may june" is what is left of "May, June" once cleaned
            words = part.split()
            listed.extend(
                words  # "may june" or "2000 2005 2009": what is left of "May, June", "2000, 2005, 2009"
                if len(words) > 1
                and (all(w in MONTHS for w in words) or all(_YEAR_WORD.fullmatch(w) for w in words))
                else [part]
            )
        parts = [*listed, parts[-1]]
        shared = _SHARED_YEAR.fullmatch(parts[-1])
        last_words = parts[-1].split()
        if len(last_words) >= 2 and last_words[0].isdigit() and last_words[1] in MONTHS:
            # "23 and 24 May": the days before share the month after them
            parts = [f"{p} {' '.join(last_words[1:])}" if p.isdigit() and len(p) <= 2 else p for p in parts]
        month = ""
        for i, part in enumerate(parts):
            if part.split()[0] in MONTHS:
                month = part.split()[0]
            elif part.isdigit() and len(part) <= 2 and month:
                part = f"{month} {part}"
            if shared and i < len(parts) - 1 and not re.search(r"\d{4}|year", part):
                part = f"{part} {shared['q']}"
            parts[i] = part
    found = [resolve(p, anchor, future=future) for p in parts]
    return tuple(d for d in found if d is not None)


_DAYS_AFTER = re.compile(
    rf"(?:(?P<same>(?:the )?same day|that (?:day|morning|afternoon|evening|night)"
    rf"|earlier that day|later that day)"
    rf"|(?P<next>(?:the )?(?:next|following) (?:day|morning|afternoon|evening|night)|the day after)"
    rf"|(?P<prev>(?:the )?previous (?:day|morning|afternoon|evening|night)|the day before)"
    rf"|(?P<n>\d{{1,2}}|{_alt(NUMBERS)}) days? later)"
)


def days_after_previous(expression: str) -> int | None:
    """How many days after the event told just before a phrase places its event: "the same
    day" 0, "the following day" 1, "the day before" -1, "three days later" 3; None for any
    other phrase (those are resolved against the dateline by `resolve`)."""
    m = _DAYS_AFTER.fullmatch(" ".join(_PUNCT.sub(" ", expression.lower()).split()))
    if m is None:
        return None
    if m["same"]:
        return 0
    if m["next"]:
        return 1
    if m["prev"]:
        return -1
    n = m["n"]
    return int(n) if n.isdigit() else NUMBERS[n]


# --------------------------------------------------------------------------- "that year"
# A year told by reference to the one named before: "In August and September of that year",
# "September 24 of that year", "that November", "later that year".
_THAT_YEAR = re.compile(r"\b(?:that|the same) year\b", re.I)
_YEAR_NAMED = re.compile(r"(?<![\d.,$-])\b(1[89]\d\d|20\d\d)\b(?![\d-]|,\d)")


def refers_to_named_year(text: str, before: str) -> bool:
    """True if a phrase takes its year from the one named before: "that year", "the same
    year", or a month after "that" ("that November"; `before` is the text just before)."""
    if _THAT_YEAR.search(text):
        return True
    words = before.lower().split()
    return bool(words) and words[-1] == "that" and text.lower().split()[0].rstrip(".") in MONTHS


def year_named_last(text: str) -> int | None:
    """The last year written out in `text` ("... since 2017 ..."), or None."""
    years = _YEAR_NAMED.findall(text)
    return int(years[-1]) if years else None


_PERIOD_YEAR = re.compile(r"\b(?:(?P<rel>last|this|next) year|(?P<year>1[89]\d\d|20\d\d))\b", re.I)


def names_a_year(period: str) -> bool:
    """True if the phrase fixes a year: "2018", "April 2023", "last year", "earlier this year"."""
    return _PERIOD_YEAR.search(period) is not None


def in_year_of(days: str, period: str) -> str:
    """Days told as the restatement of a period, with the period's year when it names one:
    ("April 23 and July 9", "last year") -> "April 23 and July 9 of last year"; the days as
    they are when the period names no year ("last month") or they name one."""
    m = _PERIOD_YEAR.search(period)
    if m is None or _YEAR_NAMED.search(days):
        return days
    return f"{days} of {m['rel'].lower()} year" if m["rel"] else f"{days}, {m['year']}"


def with_named_year(text: str, year: int) -> str:
    """The phrase with the year it refers to written out: "that year" -> "2017", "later that
    year" -> "2017", "November" (after "that") -> "November 2017", a day of that year keeps its
    day ("4 August that year" -> "4 August 2017")."""
    if _THAT_YEAR.search(text):
        if any(w.rstrip(".").lower() in MONTHS for w in text.split()):  # "4 August that year"
            return _THAT_YEAR.sub(str(year), text)
        return str(year)
    return f"{text} {year}"


# --------------------------------------------------------------------------- finding phrases
# Case matters in running text: month and weekday names are capitalised ("may" is a verb), a
# month set in capitals only before its day ("JAN. 15", as timelines and round-ups set them), a
# weekday in capitals only as a chronology entry's date (entry_opening); the relative words are
# matched in either case ("Last year," opens sentences).


def _cap(words: list[str] | dict[str, int]) -> str:
    return "|".join(w.capitalize() for w in sorted(words, key=lambda w: (-len(w), w)))


def _upper(words: list[str]) -> str:
    return "|".join(w.upper() for w in sorted(words, key=lambda w: (-len(w), w)))


_F_MONTH_NAME = rf"(?:(?:{_cap(_FULL_MONTHS)})\b|(?:{_cap(_ABBR_MONTHS)})\.)"  # "May", "Sept."
# before a day: "Sep 15"; in capitals as timelines and wire headings set them ("JAN. 15 --",
# "APRIL 13-14 --"), an abbreviation with its full stop
_F_MONTH_ANY = (
    rf"(?:(?:{_cap(_FULL_MONTHS)})|(?:{_cap(_ABBR_MONTHS)})\.?"
    rf"|(?:{_upper(_FULL_MONTHS)})|(?:{_upper(_ABBR_MONTHS)})\.)"
)
_F_WEEKDAY = rf"(?:{_cap(WEEKDAYS)})\b"
_F_DAY = r"(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?(?!\d|:\d)"  # not "10:30"; "June 29: ..." is a day
_F_YEAR = (  # not part of a number, a name ("Zapad-2017") or a measure ("1900 GMT", "2000 km")
    r"(?<![\w\-–,.$£€#/])(?:1[89]\d\d|20\d\d)(?![\w\-–]|[,.]\d|\s*(?:GMT|UTC|hours?|hrs|km|kilomet(?:er|re)s?"
    r"|miles?|met(?:er|re)s?|feet|tons?|tonnes?|troops|soldiers|people|aircraft|ships|tanks)\b)"
)
_F_REL = r"(?i:this\s+past|last|this|next)"
_F_EDGE = r"(?i:early|late|mid|middle|earlier|later)"
_F_QUAL_YEAR = rf"(?:,?\s+(?:of\s+)?(?:{_F_YEAR}|(?i:last|this|next|that)\s+year\b))"

#: name -> pattern, for the phrases `resolve` understands (plus anaphoric ones it does not).
PHRASE_PATTERNS: dict[str, re.Pattern[str]] = {
    name: re.compile(pattern)
    for name, pattern in {
        "iso": r"\b\d{4}-\d{2}-\d{2}\b",
        # "Sept. 11 and 12", but not "on March 22 and 16 from the same site" (a count)
        "month_day": rf"\b(?:{_F_WEEKDAY},?\s+)?{_F_MONTH_ANY}\s+{_F_DAY}"
        rf"(?:{_RANGE_LINK}(?:{_F_MONTH_ANY}\s+)?{_F_DAY})?"
        rf"(?:\s+and\s+{_F_DAY}(?=\s*(?:[,.;:)]|$|(?:and|or|respectively)\b|(?:19|20)\d\d)))*{_F_QUAL_YEAR}?",
        "day_month": rf"\b{_F_DAY}(?:\s+(?:and|or)\s+{_F_DAY})*\s+{_F_MONTH_NAME}{_F_QUAL_YEAR}?",
        "months": rf"\b(?:{_F_EDGE}[-\s]+)?(?:{_F_REL}\s+)?{_F_MONTH_NAME}"
        rf"(?:(?:,\s*|,?\s+(?:and|or)\s+){_F_MONTH_NAME})*{_F_QUAL_YEAR}?",
        "weekday": rf"\b(?:{_F_EDGE}\s+(?:(?i:on)\s+)?)?(?:{_F_REL}\s+)?{_F_WEEKDAY}"
        r"(?:\s+(?i:morning|afternoon|evening|night)\b)?",
        "relative_day": r"\b(?i:(?:the\s+)?day\s+(?:before\s+yesterday|after\s+tomorrow)"
        r"|(?:yesterday|tomorrow)(?:\s+(?:morning|afternoon|evening|night))?|today|tonight|last\s+night"
        r"|(?:earlier|later)\s+in\s+the\s+day"
        r"|this\s+(?:morning|afternoon|evening))\b",
        "ago": rf"(?<!-)\b(?i:(?:\d{{1,3}}|{_alt(NUMBERS)})\s+(?:day|week|month|year)s?\s+(?:ago|earlier)"
        r"(?:\s+today)?)\b",
        "relative_period": rf"(?<!\bthe\s)\b(?:{_F_EDGE}[-\s]+)?{_F_REL}\s+(?i:week|month|year|weekend)\b",
        "weekend": r"\b(?i:the\s+weekend)\b",
        # "in 2000, 2005, 2009 and 2012": a list of years is one phrase, resolved to each
        "year": rf"(?:\b{_F_EDGE}[-\s]+|\b(?i:the\s+year)\s+)?{_F_YEAR}"
        rf"(?:(?:,\s*|,?\s+(?:and|or)\s+){_F_YEAR})*",
        "anaphoric": r"\b(?i:(?:the\s+)?(?:same|next|following|previous)\s+"
        r"(?:day|morning|afternoon|evening|night)"
        r"|the\s+day\s+(?:before|after)"
        r"|(?:earlier|later)\s+that\s+(?:day|week|month|year)"
        r"|that\s+(?:day|morning|afternoon|evening|night|week|month|year)|the\s+same\s+year"
        rf"|(?:\d{{1,2}}|{_alt(NUMBERS)})\s+days?\s+later)\b",
    }.items()
}

#: name -> words one of which a text must hold (case aside) for that pattern to match in it:
#: a cheap test that spares most sentences most of the patterns. Each is a word every match
#: of the pattern spells out (month names begin with their three-letter abbreviation,
#: weekdays end in "day").
_MONTH_STEMS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_NEEDS: dict[str, tuple[str, ...]] = {
    "month_day": _MONTH_STEMS,
    "day_month": _MONTH_STEMS,
    "months": _MONTH_STEMS,
    "weekday": ("day",),
    "relative_day": ("day", "tomorrow", "night", "morning", "afternoon", "evening"),
    "ago": ("ago", "earlier"),
    "relative_period": ("week", "month", "year"),
    "weekend": ("weekend",),
    "year": ("18", "19", "20"),
    "anaphoric": ("day", "morning", "afternoon", "evening", "night", "week", "month", "year"),
}
# What the regex engine's case-insensitive matching takes for i, s and k besides their cases.
_FOLD = str.maketrans({"\u0130": "i", "\u0131": "i", "\u017f": "s", "\u212a": "k"})

_MAY_CUES = frozenset(  # words after which a capitalised "May" is the month, not the verb
    {"in", "since", "by", "until", "till", "from", "of", "and", "or", "between", "through", "during"}
    | {"before", "after", "early", "late", "mid", "last", "this", "next", "to"}
)


def find_date_phrases(text: str) -> list[tuple[int, int, str]]:
    """Date phrases in a sentence: (start, end, text) with text == sentence[start:end].

    Overlapping matches keep the leftmost, then longest ("Oct. 4, 2007" not "2007").
    Prepositions are left out ("on Sept. 12" -> "Sept. 12"); modifiers stay in
    ("late on Monday", "earlier this month", "May and August of last year").
    Pass each phrase to `resolve_each` (or `resolve`); anaphoric ones ("the same day")
    are found but resolve to None.
    """
    spans: list[tuple[int, int]] = []
    folded = text.translate(_FOLD).lower()
    for name, pattern in PHRASE_PATTERNS.items():
        needs = _NEEDS.get(name)
        if needs is not None and not any(word in folded for word in needs):
            continue  # none of the words the pattern spells is in the text
        for m in pattern.finditer(text):
            if m.group() == "May" and not _may_is_month(text, m.start()):
                continue
            spans.append((m.start(), m.end()))
    spans.sort(key=lambda span: (span[0], -span[1]))
    found: list[tuple[int, int, str]] = []
    for start, end in spans:
        if not found or start >= found[-1][1]:
            part = _PART_OF_DAY_BEFORE.search(text, 0, start)
            if part is not None and (not found or part.start() >= found[-1][1]):
                start = part.start()  # "on the night of April 13": one phrase, the night its head
            found.append((start, end, text[start:end]))
    return found


#: The part of a day a date names, right before it: "the night of April 13", "the early hours of Sunday"
_PART_OF_DAY_BEFORE = re.compile(
    r"\b[Tt]he (?:night|morning|evening|afternoon|early hours|small hours) of\s+$"
)


def _may_is_month(text: str, start: int) -> bool:
    before = text[:start].split()
    return bool(before) and before[-1].lower().rstrip("-") in _MAY_CUES


# --------------------------------------------------------------------------- timeline entries
#: What sets a timeline entry's date off from its text: a dash of any kind or a colon, spaced
_ENTRY_MARK = re.compile(r"[ \t]*(?:--|—|–|-|:)[ \t]")
#: How far into its line an entry's date and mark may reach
ENTRY_REACH = 40
#: How many entries make a text a chronology: one line opening with a date ("Jan. 5, 2024 -
#: North Korea fired ...") is a sentence like any other
MIN_ENTRIES = 2


#: A list's bullet before an entry's date: "- June 29: ...", "* July 4 -- ...", "• Jan. 5: ..."
_ENTRY_BULLET = re.compile(r"[-*•–—][ \t]+")
_ENTRY_WEEKDAY = re.compile(rf"(?:{_upper(list(WEEKDAYS))})\b")


def entry_opening(line: str) -> tuple[str, int] | None:
    """(date phrase, offset of the text after the mark) when a line opens with a date set off
    by a dash or colon, as a chronology's entries do ("Oct. 25, 2023 -- ...", "JAN. 15 -- ...",
    "2018: ...", a bulleted "- June 29: ..."); else None."""
    bullet = _ENTRY_BULLET.match(line)
    lead = bullet.end() if bullet is not None else 0
    opening = line[:ENTRY_REACH]
    found = find_date_phrases(opening[lead:])
    weekday = _ENTRY_WEEKDAY.match(
        opening, lead
    )  # a round-up's "MONDAY:" (in running text a name: "SUNDAY TIMES")
    if weekday is not None:
        phrase, end = weekday.group(), weekday.end()
    elif found and found[0][0] == 0:
        _, end, phrase = found[0]
        end += lead
    else:
        return None
    mark = _ENTRY_MARK.match(opening, end)
    return (phrase, mark.end()) if mark is not None else None


def entry_lines(text: str) -> dict[int, tuple[str, int]]:
    """The timeline entries of a text: line start -> (the entry's date phrase, offset after its
    mark), when at least MIN_ENTRIES lines open that way (a chronology); else none."""
    starts = [0, *(m.end() for m in re.finditer("\n", text))]
    found = {s: o for s in starts if (o := entry_opening(text[s : s + ENTRY_REACH])) is not None}
    return found if len(found) >= MIN_ENTRIES else {}
