"""kg.articles: article files -> Article records, and a Skip for what cannot be read."""

from __future__ import annotations

import codecs
import datetime as dt
import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from kg.articles import (
    DATELINE_HELP,
    NOT_UTF8,
    Skip,
    iter_inputs,
    looks_like_paragraph,
    parse_article,
    read_articles,
    read_file,
)
from kg.errors import ArticleError
from kg.models import Article

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


def _one(path: Path, **kwargs: dt.date) -> Article | Skip:
    [item] = list(read_file(path, **kwargs))
    return item


def _article(path: Path, **kwargs: dt.date) -> Article:
    item = _one(path, **kwargs)
    assert isinstance(item, Article), item
    return item


def _skip(path: Path, **kwargs: dt.date) -> Skip:
    item = _one(path, **kwargs)
    assert isinstance(item, Skip), item
    return item


# ----------------------------------------------------------------------------- the seeds


def test_seed_with_a_byline() -> None:
    path = SEEDS / "seed-2017-03-23-wonsan.txt"
    article = _article(path)
    assert article.id == "seed-2017-03-23-wonsan"
    assert article.date == dt.date(2017, 3, 23)
    assert article.source == "AP, SEOUL"
    assert article.body.startswith("North Korea’s latest missile launch yesterday")
    assert article.body_line == 3
    assert article.path == str(path)
    text = path.read_text(encoding="utf-8")
    assert article.body == text.split("\n", 2)[2]  # everything after the header, untouched


def test_seed_whose_first_paragraph_is_on_the_dateline() -> None:
    path = SEEDS / "seed-2024-06-26-pyongyang.txt"
    article = _article(path)
    assert article.id == "seed-2024-06-26-pyongyang"
    assert article.date == dt.date(2024, 6, 26)
    assert article.source is None
    assert article.body.startswith("North Korea fired a suspected ballistic missile")
    assert article.body_line == 1
    text = path.read_text(encoding="utf-8")
    assert article.body == text[len(" date 2024-06-26 ") :]
    assert "\n\nThe missile was launched at about 5:30 a.m. Wednesday" in article.body


def test_read_articles_on_the_seed_folder() -> None:
    items = list(read_articles([SEEDS]))
    assert [a.id for a in items if isinstance(a, Article)] == [
        "seed-2017-03-23-wonsan",
        "seed-2024-06-26-pyongyang",
    ]
    assert not [s for s in items if isinstance(s, Skip)]


# ----------------------------------------------------------------------------- datelines


@pytest.mark.parametrize(
    ("text", "source", "body", "body_line"),
    [
        (
            " date 2017-02-04 TEHRAN\n\nIran's Guards held a drill.\n",
            "TEHRAN",
            "Iran's Guards held a drill.\n",
            3,
        ),
        ("date 2017-02-04 TEHRAN\n\nText.", "TEHRAN", "Text.", 3),  # the leading space may be absent
        (" date 2017-02-04\n\nText.", None, "Text.", 3),
        (" date 2017-02-04   \n\nText.", None, "Text.", 3),
        (" date 2017-02-04 TEHRAN\nText.", "TEHRAN", "Text.", 2),  # no blank line
        (" date 2017-02-04 TEHRAN\n\n\n  \nText.", "TEHRAN", "Text.", 5),  # several blank lines
        (
            " date 2017-02-04 By Jon Gambrell, Associated Press\n\nText.",
            "By Jon Gambrell, Associated Press",
            "Text.",
            3,
        ),
        (" date 2017-02-04 SEOUL, South Korea (AP) —\n\nText.", "SEOUL, South Korea (AP) —", "Text.", 3),
        (
            " date 2017-02-04 Iran held a drill on Saturday.\n\nMore.",
            None,
            "Iran held a drill on Saturday.\n\nMore.",
            1,
        ),
        (' date 2017-02-04 He said the test "went well."', None, 'He said the test "went well."', 1),
    ],
)
def test_dateline_source_and_body(text: str, source: str | None, body: str, body_line: int) -> None:
    article = parse_article(text, "x")
    assert (article.date, article.source, article.body, article.body_line) == (
        dt.date(2017, 2, 4),
        source,
        body,
        body_line,
    )


@pytest.mark.parametrize(
    ("text", "paragraph"),
    [
        ("AP, SEOUL", False),
        ("TEHRAN", False),
        ("By Kim Tong-hyung, The Associated Press", False),
        ("SEOUL, South Korea (AP) —", False),
        ("Reuters.", False),
        ("North Korea fired a missile.", True),
        ("North Korea fired a suspected ballistic missile that appears to have failed in flight", True),
        ('Officials said it "failed."', True),
    ],
)
def test_byline_or_paragraph(text: str, paragraph: bool) -> None:
    assert looks_like_paragraph(text) is paragraph


@pytest.mark.parametrize(
    ("first_line", "found"),
    [
        (" date 2017-13-45 AP", "got '2017-13-45', not a calendar date"),
        (" date 2017-02-30", "got '2017-02-30', not a calendar date"),
        (" date March 3, 2017 AP", "got 'March', not a calendar date"),
        (" date 20170303 AP", "got '20170303', not a calendar date"),
        (" date", "no date after 'date'"),
        ("date: 2017-03-03", "no date after 'date'"),
    ],
)
def test_invalid_dateline_names_file_and_line_1(first_line: str, found: str) -> None:
    with pytest.raises(ArticleError) as caught:
        parse_article(first_line + "\n\nText.", "x", path="in/x.txt")
    assert caught.value.path == "in/x.txt"
    assert caught.value.line == 1
    assert str(caught.value) == f"in/x.txt:1: {DATELINE_HELP} ({found})"
    assert "fix the date or remove the line and pass --date" in str(caught.value)


def test_invalid_dateline_in_a_file_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(" date 2017-13-45 AP, SEOUL\n\nText.\n", encoding="utf-8")
    skip = _skip(path)
    assert (skip.path, skip.line) == (str(path), 1)
    assert skip.reason.startswith("expected ' date YYYY-MM-DD SOURCE' as the first line; fix the date")
    assert str(skip).startswith(f"{path}:1: expected")


# ----------------------------------------------------------------------------- plain text


def test_plain_text_is_all_body() -> None:
    text = "North Korea fired a missile on Tuesday.\n\nIt failed.\n"
    article = parse_article(text, "plain")
    assert (article.id, article.body, article.date, article.source, article.body_line) == (
        "plain",
        text,
        None,
        None,
        1,
    )


def test_plain_text_takes_the_default_date(tmp_path: Path) -> None:
    path = tmp_path / "plain.txt"
    path.write_text("\nNorth Korea fired a missile.\n", encoding="utf-8")
    article = _article(path, default_date=dt.date(2020, 1, 2))
    assert article.date == dt.date(2020, 1, 2)
    assert article.body == "\nNorth Korea fired a missile.\n"


def test_the_dateline_wins_over_the_default_date() -> None:
    article = parse_article(" date 2017-03-23 AP\n\nText.", "x", default_date=dt.date(2020, 1, 2))
    assert article.date == dt.date(2017, 3, 23)


def test_a_capitalised_date_word_is_text_not_a_dateline() -> None:
    assert parse_article("Date palms grow in Iran.", "x").body == "Date palms grow in Iran."


# ----------------------------------------------------------------------------- encodings and bad files

TEXT = " date 2017-03-23 AP, SEOUL\r\n\r\nNorth Korea’s launch failed.\r\n\r\nIt said so.\r\n"
BODY = "North Korea’s launch failed.\n\nIt said so.\n"


@pytest.mark.parametrize(
    ("name", "data"),
    [
        ("crlf", TEXT.encode("utf-8")),
        ("cr-crlf", TEXT.replace("\r\n", "\r\r\n").encode("utf-8")),  # CRLF converted twice
        ("utf8-bom", codecs.BOM_UTF8 + TEXT.encode("utf-8")),
        ("utf16-le-bom", TEXT.encode("utf-16")),  # Python writes the BOM
        ("utf16-be-bom", codecs.BOM_UTF16_BE + TEXT.encode("utf-16-be")),
        ("utf32-bom", TEXT.encode("utf-32")),
    ],
)
def test_encodings_and_line_endings(tmp_path: Path, name: str, data: bytes) -> None:
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    article = _article(path)
    assert (article.id, article.date, article.source) == (name, dt.date(2017, 3, 23), "AP, SEOUL")
    assert article.body == BODY
    assert article.body_line == 3


@pytest.mark.parametrize(
    ("data", "line", "reason"),
    [
        (b"", None, "empty file"),
        (b"  \n\n \t\n", None, "empty file"),
        (codecs.BOM_UTF8 + b"\n", None, "empty file"),
        (b" date 2017-03-23 AP, SEOUL\n\n", 1, "dateline but no article text"),
        (b" date 2017-03-23 AP, SEOUL", 1, "dateline but no article text"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", None, "binary file"),
        ("North Korea fired.".encode("utf-16-le"), None, "binary file"),  # UTF-16 without a BOM
        ("Line one.\nCaf\u00e9 in Tehran.\n".encode("latin-1"), 2, NOT_UTF8),
    ],
)
def test_unreadable_files_are_skips(tmp_path: Path, data: bytes, line: int | None, reason: str) -> None:
    path = tmp_path / "bad.txt"
    path.write_bytes(data)
    skip = _skip(path)
    assert (skip.path, skip.line) == (str(path), line)
    assert reason in skip.reason


def test_not_utf8_reason_says_what_to_do(tmp_path: Path) -> None:
    path = tmp_path / "latin.txt"
    path.write_bytes("Caf\u00e9".encode("latin-1"))
    assert _skip(path).reason == "not UTF-8 text; re-save it as UTF-8"


# ----------------------------------------------------------------------------- JSON Lines


def test_jsonl_good_and_broken_lines(tmp_path: Path) -> None:
    rows = [
        json.dumps({"id": "a", "text": "North Korea fired.", "date": "2017-03-23", "source": "AP"}),
        json.dumps({"id": "b", "text": "Iran held a drill.\r\nIt ended."}),
        "{not json",
        "",  # blank lines are not articles and not errors
        json.dumps({"text": "no id"}),
        json.dumps({"id": "c"}),
        json.dumps({"id": "d", "text": 5}),
        json.dumps({"id": "e", "text": "x", "date": "2017-13-45"}),
        json.dumps({"id": "f", "text": "x", "date": 20170323}),
        json.dumps({"id": "g", "text": "x", "source": ["AP"]}),
        json.dumps(["h", "x"]),
        json.dumps({"id": "", "text": "x"}),
        json.dumps({"id": "i", "text": "   "}),
        json.dumps({"id": "j", "text": "Last.", "date": None, "source": None, "extra": 1}),
    ]
    path = tmp_path / "batch.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    items = list(read_file(path))
    articles = [a for a in items if isinstance(a, Article)]
    skips = [s for s in items if isinstance(s, Skip)]
    assert [(a.id, a.date, a.source, a.body, a.body_line) for a in articles] == [
        ("a", dt.date(2017, 3, 23), "AP", "North Korea fired.", 1),
        ("b", None, None, "Iran held a drill.\nIt ended.", 2),
        ("j", None, None, "Last.", 14),
    ]
    assert all(a.path == str(path) for a in articles)
    reasons = {s.line: s.reason for s in skips}
    assert all(s.path == str(path) for s in skips)
    assert [s.line for s in skips] == [3, 5, 6, 7, 8, 9, 10, 11, 12, 13]
    assert reasons[3].startswith("not valid JSON")
    assert reasons[5] == "missing required field 'id'"
    assert reasons[6] == "missing required field 'text'"
    assert reasons[7] == "'text' must be a string, got int"
    assert reasons[8] == "'date' must be a date 'YYYY-MM-DD' or null, got '2017-13-45'"
    assert reasons[9].startswith("'date' must be a date")
    assert reasons[10].startswith("'source' must be a string or null")
    assert reasons[11].startswith("expected a JSON object")
    assert reasons[12].startswith("'id' must be a non-empty string")
    assert reasons[13] == "article 'i' has an empty 'text'"
    assert str(skips[0]) == f"{path}:3: {reasons[3]}"


def test_jsonl_takes_the_default_date_when_it_has_none(tmp_path: Path) -> None:
    path = tmp_path / "batch.jsonl"
    path.write_text(json.dumps({"id": "a", "text": "T."}) + "\n", encoding="utf-8")
    assert _article(path, default_date=dt.date(2020, 1, 2)).date == dt.date(2020, 1, 2)


def test_empty_jsonl_is_a_skip(tmp_path: Path) -> None:
    path = tmp_path / "empty.jsonl"
    path.write_text("\n\n", encoding="utf-8")
    assert "empty file" in _skip(path).reason


# ----------------------------------------------------------------------------- inputs and folders


def _tree(root: Path) -> None:
    for name, text in {
        "b.txt": "B text.",
        "a.jsonl": json.dumps({"id": "j1", "text": "J text."}),
        "sub/c.txt": " date 2017-03-23 AP\n\nC text.",
        "sub/deeper/d.TXT": "D text.",
        "notes.md": "not read",
        "sub/image.png": "not read",
        ".hidden/e.txt": "not walked",
        ".DS_Store": "not walked",
    }.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")


def test_folders_are_walked_for_txt_and_jsonl(tmp_path: Path) -> None:
    _tree(tmp_path)
    files, ignored = iter_inputs([tmp_path])
    assert [f.relative_to(tmp_path).as_posix() for f in files] == [
        "a.jsonl",
        "b.txt",
        "sub/c.txt",
        "sub/deeper/d.TXT",
    ]
    assert ignored == 2  # notes.md and image.png; hidden entries are not counted


def test_explicit_files_are_read_whatever_their_extension(tmp_path: Path) -> None:
    _tree(tmp_path)
    notes = tmp_path / "notes.md"
    files, ignored = iter_inputs([notes, tmp_path / "sub", notes])
    assert files[0] == notes
    assert files.count(notes) == 1  # a file reached twice is read once
    assert ignored == 1
    assert _article(notes).body == "not read"


def test_missing_path_is_an_error(tmp_path: Path) -> None:
    missing = tmp_path / "nope"
    with pytest.raises(ArticleError, match="no such file or folder") as caught:
        iter_inputs([missing])
    assert caught.value.path == str(missing)
    with pytest.raises(ArticleError):  # raised at call time, before any reading
        read_articles([SEEDS, missing])


def test_duplicate_ids_are_skipped_not_replaced(tmp_path: Path) -> None:
    (tmp_path / "one").mkdir()
    (tmp_path / "two").mkdir()
    first = tmp_path / "one" / "x.txt"
    second = tmp_path / "two" / "x.txt"
    first.write_text("First.", encoding="utf-8")
    second.write_text("Second.", encoding="utf-8")
    batch = tmp_path / "two" / "y.jsonl"
    batch.write_text(json.dumps({"id": "x", "text": "Third."}) + "\n", encoding="utf-8")
    items = list(read_articles([tmp_path / "one", tmp_path / "two"]))
    assert [(type(i).__name__, getattr(i, "body", None)) for i in items] == [
        ("Article", "First."),
        ("Skip", None),
        ("Skip", None),
    ]
    assert items[1] == Skip(str(second), None, f"duplicate article id 'x' (first read from {first})")
    assert items[2] == Skip(str(batch), 1, f"duplicate article id 'x' (first read from {first})")


# ----------------------------------------------------------------------------- properties


def _starts_with_a_text_line(body: str) -> bool:
    return bool(body.split("\n", 1)[0].strip())


bodies = st.text(max_size=300).filter(lambda b: "\r" not in b and _starts_with_a_text_line(b))
headers = st.sampled_from(
    [" date 2020-01-02 SRC\n\n", " date 2020-01-02\n\n", "date 2020-01-02 AP, SEOUL\n\n\n"]
)


@given(bodies)
def test_the_body_comes_back_unchanged(body: str) -> None:
    article = parse_article(" date 2020-01-02 SRC\n\n" + body, "x")
    assert (article.body, article.date, article.source) == (body, dt.date(2020, 1, 2), "SRC")


@given(headers, bodies)
def test_body_line_points_at_the_body(header: str, body: str) -> None:
    text = header + body
    article = parse_article(text, "x")
    assert "\n".join(text.split("\n")[article.body_line - 1 :]) == article.body == body


@given(st.text(max_size=200))
def test_parse_article_raises_only_article_errors(text: str) -> None:
    try:
        article = parse_article(text, "x")
    except ArticleError:
        return
    assert article.body in text.replace("\r\n", "\n")
