"""CSV/TSV exports -> one Article per row (kg.readers.table): named columns, quoted commas and
line breaks, a clear error for a missing column, bad rows skipped with their line."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kg.articles import Skip, offset_line, read_articles, read_file, record_line
from kg.errors import ArticleError
from kg.models import Article
from kg.readers.table import Columns, parse_cell_date, parse_table

SAMPLES = Path(__file__).resolve().parents[1] / "formats" / "samples"
EXPORT = SAMPLES / "export.csv"
EXPORT_COLUMNS = Columns(text="body", date="published", id="url", source="site")


def test_the_sample_export() -> None:
    items = list(read_file(EXPORT, columns=EXPORT_COLUMNS))
    articles = [i for i in items if isinstance(i, Article)]
    assert [(a.id, a.date, a.source, a.body_line) for a in articles] == [
        # the PTI dateline's March 2 beats the cell's 20170303 (GDELT style), which gives the year
        ("https://csv.example.org/india-japan", dt.date(2017, 3, 2), "Subcontinent Times, Delhi edition", 2),
        # an ISO date-time: the date as written, in its own time zone
        ("https://csv.example.org/iran-shahab", dt.date(2017, 3, 6), "Gulf Security Wire", 5),
    ]
    india, iran = articles
    assert india.body == (  # quoted commas and a blank line inside the cell, kept
        "NEW DELHI, March 2 (PTI) -- India and Japan signed a defense agreement in Tokyo on Wednesday, "
        "officials said.\n\nThe agreement, which covers training, logistics and exchanges, takes effect "
        "next year."
    )
    assert iran.body == (
        "Iran fired a ballistic missile on Sunday, U.S. officials said.\n"
        "The missile, the officials said, flew about 1,000 kilometers."
    )
    assert [i for i in items if isinstance(i, Skip)] == [
        Skip(
            str(EXPORT),
            7,
            "the 'published' cell is not a date (got 'last week'); write it as YYYY-MM-DD, an ISO 8601 "
            "date-time, YYYYMMDD or an RFC 2822 date",
        ),
        Skip(str(EXPORT), 8, "the 'body' cell is empty; there is no article text to read"),
    ]
    # lines: the record's first line; a sentence in a cell is on the line the file has it on
    assert record_line(iran) == 5
    assert offset_line(iran, iran.body.index("The missile")) == 6
    assert offset_line(india, india.body.index("The agreement")) == 4


def test_a_missing_column_names_it_and_the_columns_there_are() -> None:
    [skip] = list(read_file(EXPORT, columns=Columns(text="story", date="published")))
    assert skip == Skip(
        str(EXPORT),
        1,
        "no column 'story' (--text-column); the columns are 'url', 'published', 'site', 'body'; "
        "pass --text-column with one of them",
    )
    [skip] = list(read_file(EXPORT, columns=Columns(text="body", date="when")))
    assert isinstance(skip, Skip) and skip.reason.startswith(
        "no column 'when' (--date-column); the columns are"
    )
    [skip] = list(read_file(EXPORT))  # no 'text' column and none named
    assert isinstance(skip, Skip)
    assert skip.reason == (
        "no column 'text'; the columns are 'url', 'published', 'site', 'body'; "
        "pass --text-column with one of them"
    )


def test_the_usual_column_names_need_no_options() -> None:
    text = 'ID,Text , date,source\r\na1,"North Korea fired, again.",2017-03-07,AP\r\na2,Iran fired.,,\r\n'
    articles = list(parse_table(text, path="x.csv"))
    assert [(a.id, a.body, a.date, a.source) for a in articles if isinstance(a, Article)] == [
        ("a1", "North Korea fired, again.", dt.date(2017, 3, 7), "AP"),
        ("a2", "Iran fired.", None, None),
    ]


def test_without_an_id_column_rows_are_named_by_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text('text\n"first\nrow"\n\nsecond row\n', encoding="utf-8")
    assert [(a.id, a.body, a.body_line) for a in read_file(path) if isinstance(a, Article)] == [
        ("notes-2", "first\nrow", 2),
        ("notes-5", "second row", 5),
    ]


def test_tsv_and_bad_rows(tmp_path: Path) -> None:
    path = tmp_path / "export.tsv"
    path.write_text(
        "id\ttext\tdate\n"
        'a\t"North Korea fired\ta missile."\t2017-03-07\n'  # a quoted tab
        "b\tIran fired.\n"  # a cell short
        "c\tPakistan fired.\t2017-03-07\textra\n"  # a cell too many
        "\tIndia fired.\t\n"  # no id
        'd\t"unclosed quote\n',
        encoding="utf-8",
    )
    items = list(read_file(path))
    assert [(i.id, i.body) for i in items if isinstance(i, Article)] == [
        ("a", "North Korea fired\ta missile.")
    ]
    assert [(s.line, s.reason.split(";")[0]) for s in items if isinstance(s, Skip)] == [
        (3, "the row has 2 cells, the header 3"),
        (4, "the row has 4 cells, the header 3"),
        (5, "the 'id' cell is empty"),
        (6, "not valid CSV (unexpected end of data)"),
    ]


def test_duplicate_ids_across_rows_follow_the_duplicate_rule(tmp_path: Path) -> None:
    path = tmp_path / "dup.csv"
    path.write_text("id,text\nx,North Korea fired.\ny,Iran fired.\nx,Again.\n", encoding="utf-8")
    items = list(read_articles([path]))
    assert [i.id for i in items if isinstance(i, Article)] == ["x", "y"]
    assert items[-1] == Skip(str(path), 4, f"duplicate article id 'x' (first read from {path}:2)")


def test_a_wire_dateline_in_a_cell_takes_its_year_from_the_date_cell_or_the_default() -> None:
    text = (
        'text,date\n"SEOUL, Dec. 31 (Yonhap) -- North Korea fired.",2018-01-01\n'
        '"SEOUL, Dec. 31 (Yonhap) -- x",\n'
    )
    first, second = parse_table(text, path="w.csv", default_date=dt.date(2020, 6, 1))
    assert isinstance(first, Article) and first.date == dt.date(2017, 12, 31)
    assert isinstance(second, Article) and second.date == dt.date(2019, 12, 31)


def test_a_header_only_file_and_an_empty_one() -> None:
    assert list(parse_table("text,date\n", path="h.csv")) == []
    with pytest.raises(ArticleError, match="empty file"):
        list(parse_table("", path="e.csv"))


@pytest.mark.parametrize(
    ("cell", "day"),
    [
        ("2017-03-07", dt.date(2017, 3, 7)),
        ("2017-03-07T23:30:00-05:00", dt.date(2017, 3, 7)),
        ("2017-03-07 08:00:00Z", dt.date(2017, 3, 7)),
        ("20170307", dt.date(2017, 3, 7)),
        ("20170307093000", dt.date(2017, 3, 7)),
        ("Tue, 07 Mar 2017 08:30:00 +0900", dt.date(2017, 3, 7)),
        (" 2017-03-07 ", dt.date(2017, 3, 7)),
        ("20171307", None),
        ("March 7", None),
        ("2017-03", None),
        ("yesterday", None),
    ],
)
def test_date_cells(cell: str, day: dt.date | None) -> None:
    assert parse_cell_date(cell) == day
