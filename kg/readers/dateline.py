"""Which date an article gets when its input gives no explicit dateline.

An explicit dateline (the seed format's ` date YYYY-MM-DD` line, a JSON Lines `date`) is the
article's date and nothing here overrides it. Otherwise, in this order:

1. a wire dateline at the start of the text ("SEOUL, March 7 (Yonhap) --"): its month and day,
   in the year that puts it closest to the publication date, or else to `--date` (copy filed
   "Dec. 31" and published on Jan. 1 is from the year before). The story's own dateline is
   what its relative dates ("on Monday") count from, so it beats a page's or a feed's date,
   which may be a later update or a date in another time zone;
2. the publication date the input gives (a page's metadata, a feed entry's published or updated
   date, a CSV date cell);
3. `--date`;
4. none: relative dates then stay unresolved.

Pure but for the lexicon's agency list, which is loaded once.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from kg.lexicon import load_lexicon
from kg.wire import dateline_date, find_wire_dateline


@cache
def wire_agencies() -> tuple[str, ...]:
    """The agency names that may follow a dateline unbracketed (cues.tsv, `wire_agency`)."""
    return tuple(load_lexicon().cue_terms("wire_agency"))


@cache
def wire_cities() -> frozenset[str]:
    """The capitals and cities a title-case dateline may name before a colon ("Seoul:")."""
    return load_lexicon().cities


def wire_date(body: str, year_hint: dt.date | None) -> dt.date | None:
    """The date of the wire dateline that opens `body`, in the year nearest `year_hint`.

    None when the body opens with no dateline, with one without a month and day
    ("WASHINGTON (AP) --"), or when there is no hint to take the year from.
    """
    wire = find_wire_dateline(body, wire_agencies(), wire_cities())
    return dateline_date(wire, year_hint) if wire is not None else None


def article_date(
    body: str,
    *,
    published: dt.date | None = None,
    default: dt.date | None = None,
    year_hint: dt.date | None = None,
) -> dt.date | None:
    """The date of an article with no explicit dateline (see the module's docstring).

    `published`: the date the input gives (page metadata, feed entry, CSV cell); `default`:
    `--date`; `year_hint`: a last source for the year of a wire dateline only (a feed's own
    date for an undated entry), never a date by itself.
    """
    hint = published or default or year_hint
    return wire_date(body, hint) or published or default
