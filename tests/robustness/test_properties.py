"""Property tests: the article reader never crashes on any bytes, offsets always slice the body,
date resolution never raises on any text or dateline."""

from __future__ import annotations

import datetime as dt
import json
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kg.articles import Skip, parse_jsonl, read_file
from kg.dates import find_date_phrases, resolve, resolve_each
from kg.extract import extract
from kg.models import Article

# ----------------------------------------------------------------------------- the reader

# Bytes that look like text files: ASCII, UTF-8, BOMs, CR/LF, NUL, high bytes, a dateline.
_chunks = st.one_of(
    st.binary(max_size=40),
    st.text(max_size=40).map(lambda t: t.encode("utf-8")),
    st.sampled_from(
        [
            b"\xef\xbb\xbf",
            b"\xff\xfe",
            b"\xfe\xff",
            b"\r\n",
            b"\n\n",
            b"\x00",
            b" date 2017-03-23 AP\n\n",
            b"date ",
        ]
    ),
)
file_bytes = st.lists(_chunks, max_size=8).map(b"".join)


@settings(max_examples=300)
@given(file_bytes, st.sampled_from(["a.txt", "a.jsonl", "a.md", "a.html", "a.xml", "a.csv"]))
def test_read_file_never_raises_on_any_bytes(data: bytes, name: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / name
        path.write_bytes(data)
        items = list(read_file(path))
    assert items, "every file gives an article or a skip"
    for item in items:
        if isinstance(item, Skip):
            assert item.path == str(path)
            assert item.reason
            assert item.line is None or item.line >= 1
        else:
            assert isinstance(item, Article)
            assert item.body.strip()
            assert "\r\n" not in item.body
            assert item.path == str(path)


_json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=5), inner, max_size=3),
    max_leaves=6,
)
_records = st.fixed_dictionaries(
    {},
    optional={
        "id": st.one_of(st.text(max_size=10), _json_values),
        "text": st.one_of(st.text(max_size=40), _json_values),
        "date": st.one_of(st.sampled_from(["2017-03-23", "2017-13-45", "", None]), _json_values),
        "source": st.one_of(st.text(max_size=10), st.none(), _json_values),
    },
)
_lines = st.one_of(_records.map(json.dumps), _json_values.map(json.dumps), st.text(max_size=30))


@settings(max_examples=300)
@given(st.lists(_lines, max_size=6))
def test_jsonl_gives_one_item_per_non_blank_line(lines: list[str]) -> None:
    lines = [line.replace("\n", " ").replace("\r", " ") for line in lines]
    items = list(parse_jsonl("\n".join(lines), path="x.jsonl"))
    expected = [n for n, line in enumerate(lines, start=1) if line.strip()]
    if not expected:
        assert len(items) == 1 and isinstance(items[0], Skip) and "empty" in items[0].reason
        return
    got = [item.line if isinstance(item, Skip) else item.body_line for item in items]
    assert got == expected
    for item, line in zip(items, expected, strict=True):
        if isinstance(item, Article):
            record = json.loads(lines[line - 1])
            assert item.id == record["id"] and item.body == record["text"].replace("\r\n", "\n")


# ----------------------------------------------------------------------------- offsets

_SENTENCES = [
    "North Korea fired a ballistic missile from Wonsan on Tuesday.",
    "It exploded seconds after launch, the South Korean military said.",
    "Iran test-fired a Shahab-3 missile last week, state media reported.",
    "The United States and South Korea began their annual Foal Eagle drills on Monday.",
    "Russia and the United States signed the New START treaty in 2010.",
    "Japan said the missile landed in its exclusive economic zone.",
    "China's military held live-fire exercises near Taiwan on May 23.",
]
_noise = st.sampled_from(
    ["", " ", "\n", "\n\n", "  \n \n", "<b>", "&amp;", "\u00a0", "\u200b", "\t", " (AP) ", "\u2014", "“", "”"]
)
_pieces = st.one_of(st.sampled_from(_SENTENCES), _noise, st.text(max_size=15))
bodies = st.lists(_pieces, min_size=1, max_size=10).map(" ".join).filter(lambda b: b.strip() != "")


@pytest.mark.model
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(bodies, st.one_of(st.none(), st.dates(min_value=dt.date(1950, 1, 1), max_value=dt.date(2050, 12, 31))))
def test_every_offset_slices_the_body(nlp: Any, lexicon: Any, body: str, day: dt.date | None) -> None:
    extraction = extract(Article("x", body, date=day), nlp, lexicon)
    mentions = [*extraction.mentions, *(m for e in extraction.events for m in e.evidence)]
    for mention in mentions:
        assert 0 <= mention.start <= mention.end <= len(body)
        assert body[mention.start : mention.end] == mention.text


# ----------------------------------------------------------------------------- dates

any_anchor = st.one_of(st.none(), st.dates())  # year 1 to 9999: arithmetic at the edges


@settings(max_examples=300)
@given(st.text(max_size=60), any_anchor, st.booleans())
def test_date_resolution_never_raises_whatever_the_dateline(
    text: str, anchor: dt.date | None, future: bool
) -> None:
    for found in (resolve(text, anchor, future=future), *resolve_each(text, anchor, future=future)):
        if found is not None:
            assert 1 <= found.year <= 9999


_relative = st.sampled_from(
    [
        "yesterday",
        "today",
        "tomorrow",
        "last week",
        "next month",
        "last year",
        "3 days ago",
        "Monday",
        "last Friday",
        "this weekend",
        "March 3",
        "in May",
        "early this month",
        "2 weeks ago",
    ]
)


@settings(max_examples=200)
@given(
    _relative,
    st.sampled_from([dt.date.min, dt.date.max, dt.date(2000, 2, 29), dt.date(1, 1, 7)]),
    st.booleans(),
)
def test_relative_dates_at_the_edges_of_the_calendar(phrase: str, anchor: dt.date, future: bool) -> None:
    resolve(phrase, anchor, future=future)  # None or a date, never OverflowError


@settings(max_examples=300)
@given(
    st.lists(
        st.one_of(st.text(max_size=12), _relative, st.sampled_from(["March 3, 2017", "May", "2019"])),
        max_size=6,
    )
)
def test_date_phrases_slice_their_sentence(parts: list[str]) -> None:
    text = " ".join(parts)
    for start, end, phrase in find_date_phrases(text):
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == phrase


@pytest.mark.model
@pytest.mark.parametrize(
    "body", ["²", "North Korea fired ² missiles on Monday.", "Iran fired ³,⁴ rockets and ½ a drone."]
)
def test_digits_that_are_no_numbers_do_not_break_the_rules(nlp: Any, lexicon: Any, body: str) -> None:
    """ "²".isdigit() is true but int("²") fails: counts are read from decimal digits only
    (found by the property above)."""
    extract(Article("x", body, date=dt.date(2011, 5, 25)), nlp, lexicon)
