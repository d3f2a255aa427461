"""What all input formats share: the date an article gets when its input gives no explicit
dateline (kg.readers.dateline, applied to plain text and JSON Lines in kg.articles), the format
a file is read as, and which files a folder gives."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kg.articles import FORMATS, InputFormat, input_format, parse_article, parse_jsonl
from kg.models import Article
from kg.readers.dateline import article_date, wire_date

D = dt.date
STORY = "North Korea fired a ballistic missile from Wonsan on Monday, South Korea's military said."


@pytest.mark.parametrize(
    ("body", "published", "default", "hint", "expected"),
    [
        # the dateline's month and day, the year from the publication date
        ("SEOUL, March 7 (Yonhap) -- " + STORY, D(2017, 3, 8), None, None, D(2017, 3, 7)),
        # ... even when the publication date is another day (an update, another time zone)
        ("SEOUL, March 7 (Yonhap) -- " + STORY, D(2017, 3, 9), D(2020, 1, 1), None, D(2017, 3, 7)),
        # filed Dec. 31, published Jan. 1: the year before
        ("SEOUL, Dec. 31 (Yonhap) -- " + STORY, D(2018, 1, 1), None, None, D(2017, 12, 31)),
        # no publication date: the year from --date
        ("TOKYO, Feb. 7 Kyodo - " + STORY, None, D(2017, 3, 10), None, D(2017, 2, 7)),
        # neither: from the hint only (a feed's own date)
        ("TOKYO, Feb. 7 (Kyodo) - " + STORY, None, None, D(2017, 2, 13), D(2017, 2, 7)),
        # no year anywhere: no date
        ("SEOUL, March 7 (Yonhap) -- " + STORY, None, None, None, None),
        # a dateline without a day gives nothing; the publication date, else --date
        ("WASHINGTON (AP) -- " + STORY, D(2017, 3, 5), D(2020, 1, 1), None, D(2017, 3, 5)),
        ("WASHINGTON (AP) -- " + STORY, None, D(2020, 1, 1), None, D(2020, 1, 1)),
        # no dateline
        (STORY, D(2017, 3, 5), D(2020, 1, 1), None, D(2017, 3, 5)),
        (STORY, None, D(2020, 1, 1), D(2019, 1, 1), D(2020, 1, 1)),
        (STORY, None, None, D(2019, 1, 1), None),  # the hint is never a date by itself
        # the dateline must open the text
        ("Officials said. SEOUL, March 7 (Yonhap) -- " + STORY, None, D(2020, 1, 1), None, D(2020, 1, 1)),
        # Feb. 29 needs a leap year near the hint
        ("SEOUL, Feb. 29 (Yonhap) -- " + STORY, D(2017, 3, 1), None, None, D(2016, 2, 29)),
    ],
)
def test_article_date(
    body: str, published: D | None, default: D | None, hint: D | None, expected: D | None
) -> None:
    assert article_date(body, published=published, default=default, year_hint=hint) == expected


def test_wire_date_uses_the_lexicon_agencies() -> None:
    # "Kyodo" without brackets is known only from cues.tsv's wire_agency rows
    assert wire_date("TOKYO, Feb. 7 Kyodo - " + STORY, D(2017, 3, 1)) == D(2017, 2, 7)
    assert wire_date("TOKYO, Feb. 7 Nobody - " + STORY, D(2017, 3, 1)) is None


def test_plain_text_with_a_wire_dateline_takes_its_month_and_day() -> None:
    text = f"SEOUL, March 7 (Yonhap) -- {STORY}\n"
    article = parse_article(text, "w", default_date=D(2017, 6, 1))
    assert (article.date, article.body) == (D(2017, 3, 7), text)  # the dateline stays in the body
    assert parse_article(text, "w").date is None  # no year without --date
    assert parse_article(STORY, "p", default_date=D(2017, 6, 1)).date == D(2017, 6, 1)


def test_a_dateline_header_wins_over_a_wire_dateline() -> None:
    text = f" date 2017-03-08 AP\n\nSEOUL, March 7 (Yonhap) -- {STORY}\n"
    assert parse_article(text, "h", default_date=D(2020, 1, 1)).date == D(2017, 3, 8)


def test_json_lines_without_a_date_use_the_wire_dateline() -> None:
    lines = [
        {"id": "a", "text": f"SEOUL, March 7 (Yonhap) -- {STORY}", "date": None},
        {"id": "b", "text": f"SEOUL, March 7 (Yonhap) -- {STORY}", "date": "2017-03-09"},
    ]
    items = list(parse_jsonl("\n".join(json.dumps(x) for x in lines), default_date=D(2017, 6, 1)))
    assert [i.date for i in items if isinstance(i, Article)] == [D(2017, 3, 7), D(2017, 3, 9)]


def test_formats_by_file_ending() -> None:
    assert {fmt.value for fmt in FORMATS.values()} == {f.value for f in InputFormat}
    assert input_format(Path("a/B.HTM")) is InputFormat.HTML
    assert input_format("feed.atom") is InputFormat.FEED
    assert input_format("notes.md") is InputFormat.TEXT  # named explicitly: read as text


def test_a_saved_pages_resource_folder_is_not_walked(tmp_path: Path) -> None:
    from kg.articles import iter_inputs

    (tmp_path / "story.html").write_text("<p>x</p>", encoding="utf-8")
    (tmp_path / "story_files").mkdir()
    (tmp_path / "story_files" / "ad-frame.html").write_text("<p>ad</p>", encoding="utf-8")
    (tmp_path / "story_files" / "app.js").write_text("x", encoding="utf-8")
    (tmp_path / "notes_files").mkdir()  # no notes.html beside it: walked as any folder
    (tmp_path / "notes_files" / "a.txt").write_text("x", encoding="utf-8")
    files, ignored = iter_inputs([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == ["story.html", "notes_files/a.txt"]
    assert ignored == 0
