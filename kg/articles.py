"""Input articles -> `Article` records (the first arrow of the pipeline).

The formats and their file name endings are in `FORMATS`; this module reads two of them and
hands the others to `kg.readers` (web pages, RSS/Atom feeds, CSV/TSV exports):

- a text file (`*.txt`, or any file named on the command line): an optional dateline
  `" date YYYY-MM-DD SOURCE"` as the first line, a blank line, then paragraphs. Without a
  dateline the whole file is the body and the date is the caller's `default_date`.
- JSON Lines (`*.jsonl`): one object per line, `{"id": str, "text": str, "date": "YYYY-MM-DD"
  | null, "source": str | null}`; `date` and `source` may be absent.

`Article.body` is the text after the dateline header, kept exactly as in the file (so that
every offset the extractor records slices the real article text), with two exceptions: the
bytes are decoded (a UTF-8 or UTF-16/32 byte-order mark is dropped) and Windows line endings
`\\r\\n` become `\\n`. Nothing else is trimmed, not even a trailing newline.

Without an explicit dateline (the header line, a JSON Lines `date`), an article whose text
opens with a wire dateline ("SEOUL, March 7 (Yonhap) --") takes its month and day, with the
year from `default_date` (`kg.readers.dateline`); the dateline stays in the body.

`parse_article` is pure and raises `ArticleError`; `read_file` and `read_articles` never raise
for bad content: what cannot be read becomes a `Skip` (where and why), which the build counts
and reports. Only a path that does not exist is an error (`iter_inputs`).
"""

from __future__ import annotations

import codecs
import json
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING

from kg.errors import ArticleError
from kg.models import Article
from kg.readers.dateline import article_date

if TYPE_CHECKING:
    from kg.readers.table import Columns


class InputFormat(StrEnum):
    TEXT = "text"  # the seed format, or plain text (this module)
    JSONL = "jsonl"  # JSON Lines, one article per line (this module)
    HTML = "html"  # a saved web page (kg.readers.html)
    FEED = "feed"  # an RSS or Atom feed, one article per entry (kg.readers.feeds)
    TABLE = "table"  # a CSV or TSV export, one article per row (kg.readers.table)


#: File name endings and their formats. A folder is walked for these; a file named explicitly
#: is always read, as text when its ending is not here.
FORMATS: dict[str, InputFormat] = {
    ".txt": InputFormat.TEXT,
    ".jsonl": InputFormat.JSONL,
    ".html": InputFormat.HTML,
    ".htm": InputFormat.HTML,
    ".xml": InputFormat.FEED,
    ".rss": InputFormat.FEED,
    ".atom": InputFormat.FEED,
    ".csv": InputFormat.TABLE,
    ".tsv": InputFormat.TABLE,
}
ARTICLE_SUFFIXES = tuple(FORMATS)
#: Formats with several articles per file: an article's record starts on its own line.
_RECORDS = (InputFormat.JSONL, InputFormat.FEED, InputFormat.TABLE)

DATELINE_HELP = (
    "expected ' date YYYY-MM-DD SOURCE' as the first line; fix the date or remove the line and pass --date"
)
NOT_UTF8 = "not UTF-8 text; re-save it as UTF-8"


@dataclass(frozen=True, slots=True)
class Skip:
    """An input that could not be read, with where and why."""

    path: str
    line: int | None
    reason: str

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.reason}"


# --------------------------------------------------------------------------- pure parsing

_DATELINE = re.compile(r"[ \t]*date\b")  # the marker that says "this first line is a dateline"
_DATE_TOKEN = re.compile(r"[ \t]+(\S+)")  # what follows the marker
_ISO_DATE = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_SENTENCE_END = re.compile(r"[.!?][\"'”’)\]]*$")


def _iso_date(token: str) -> date | None:
    """'2017-03-23' -> date; None for anything else (no other ISO 8601 spellings)."""
    m = _ISO_DATE.fullmatch(token)
    if m is None:
        return None
    try:
        return date(int(m[1]), int(m[2]), int(m[3]))
    except ValueError:
        return None


def looks_like_paragraph(text: str) -> bool:
    """Tell article text from a byline by its shape.

    A byline ("AP, SEOUL", "TEHRAN", "By Kim Tong-hyung, The Associated Press") is a few
    words, mostly capitalised, with no sentence-final punctuation. A paragraph is a sentence:
    many words, lower-case words among them, ending in . ! ? (possibly before a closing quote).
    """
    words = text.split()
    if len(words) > 12:
        return True
    lower = sum(1 for w in words[1:] if w[:1].islower())
    return len(words) >= 4 and lower >= 2 and _SENTENCE_END.search(text.rstrip()) is not None


_LINE_END = re.compile(r"\r+\n")


def _normalise(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    # Windows line ends, also doubled by a second conversion ("\r\r\n")
    return _LINE_END.sub("\n", text)


def parse_article(
    text: str, article_id: str, *, path: str = "<text>", default_date: date | None = None
) -> Article:
    """Parse one seed-format or plain-text article (already decoded) into an Article.

    `path` is only used in messages and kept in `Article.path`; `default_date` is the date of
    a text without a dateline (the CLI's --date). Raises ArticleError for an empty text, a
    dateline whose date is not a calendar date `YYYY-MM-DD`, and a dateline with no text after it.
    """
    text = _normalise(text)
    if not text.strip():
        raise ArticleError(path, None, "empty file; there is no article text to read")
    first, newline, _ = text.partition("\n")
    marker = _DATELINE.match(first)
    if marker is None:  # plain text: the whole file is the body
        day = article_date(text, default=default_date)
        return Article(id=article_id, body=text, date=day, source=None, path=path, body_line=1)

    token = _DATE_TOKEN.match(first, marker.end())
    dateline = _iso_date(token[1]) if token else None
    if token is None or dateline is None:
        found = f"got {token[1]!r}, not a calendar date" if token else "no date after 'date'"
        raise ArticleError(path, 1, f"{DATELINE_HELP} ({found})")

    tail_offset = token.end()
    tail_offset += len(first[tail_offset:]) - len(first[tail_offset:].lstrip(" \t"))
    tail = first[tail_offset:].rstrip()
    if tail and looks_like_paragraph(tail):
        # the first paragraph sits on the dateline itself: no source, the body starts there
        return Article(
            id=article_id, body=text[tail_offset:], date=dateline, source=None, path=path, body_line=1
        )

    # the body starts at the first line after the header that is not blank
    start = len(first) + len(newline)
    line = 2
    while start < len(text):
        end = text.find("\n", start)
        if end == -1 or text[start:end].strip():
            break
        start, line = end + 1, line + 1
    body = text[start:]
    if not body.strip():
        raise ArticleError(path, 1, "the file has a dateline but no article text after it; add the text")
    return Article(id=article_id, body=body, date=dateline, source=tail or None, path=path, body_line=line)


def _jsonl_article(raw: str, path: str, line: int, default_date: date | None) -> Article | Skip:
    """One JSON Lines record -> Article, or a Skip saying what is wrong with it."""
    try:
        obj = json.loads(raw)
    except json.JSONDecodeError as exc:
        return Skip(
            path, line, f"not valid JSON ({exc.msg} at column {exc.colno}); write one JSON object per line"
        )
    if not isinstance(obj, dict):
        return Skip(path, line, 'expected a JSON object like {"id": "...", "text": "..."}')
    article_id, text = obj.get("id"), obj.get("text")
    if article_id is None:
        return Skip(path, line, "missing required field 'id'")
    if not isinstance(article_id, str) or not article_id.strip():
        return Skip(path, line, f"'id' must be a non-empty string, got {article_id!r}")
    if text is None:
        return Skip(path, line, "missing required field 'text'")
    if not isinstance(text, str):
        return Skip(path, line, f"'text' must be a string, got {type(text).__name__}")
    if not text.strip():
        return Skip(path, line, f"article {article_id!r} has an empty 'text'")
    raw_date, source = obj.get("date"), obj.get("source")
    day = article_date(text, default=default_date)
    if raw_date is not None:
        day = _iso_date(raw_date) if isinstance(raw_date, str) else None
        if day is None:
            return Skip(path, line, f"'date' must be a date 'YYYY-MM-DD' or null, got {raw_date!r}")
    if source is not None and not isinstance(source, str):
        return Skip(path, line, f"'source' must be a string or null, got {source!r}")
    return Article(
        id=article_id,
        body=text.replace("\r\n", "\n"),
        date=day,
        source=(source.strip() or None) if source is not None else None,
        path=path,
        body_line=line,
    )


def parse_jsonl(
    text: str, *, path: str = "<text>", default_date: date | None = None
) -> Iterator[Article | Skip]:
    """Each non-blank line of a JSON Lines text -> an Article, or a Skip for a broken line."""
    lines = _normalise(text).split("\n")  # not splitlines(): U+2028 may sit inside a JSON string
    if not any(raw.strip() for raw in lines):
        yield Skip(path, None, "empty file; there is no article to read")
        return
    for number, raw in enumerate(lines, start=1):
        if raw.strip():
            yield _jsonl_article(raw, path, number, default_date)


_BOMS = (  # UTF-32 first: its little-endian mark starts with the UTF-16 one
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)


def decode(data: bytes) -> str:
    """Bytes of a text file -> str. Raises ArticleError (path "<bytes>") when they are not text.

    UTF-8 (with or without a byte-order mark) is the format; UTF-16 and UTF-32 are accepted
    only with a byte-order mark, which is what Windows editors write. There is no guessing of
    8-bit encodings: a Latin-1 file decoded as such would silently put wrong characters into
    the graph, so it is refused with a message that says how to fix it.
    """
    for bom, codec in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(codec)
            except UnicodeDecodeError:
                problem = f"not valid {codec.upper()} text despite its byte-order mark; re-save it as UTF-8"
                raise ArticleError("<bytes>", None, problem) from None
    if b"\x00" in data:
        problem = (
            "binary file (contains NUL bytes), not an article; "
            "if it is UTF-16 text without a byte-order mark, re-save it as UTF-8"
        )
        raise ArticleError("<bytes>", None, problem)
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ArticleError("<bytes>", data[: exc.start].count(b"\n") + 1, NOT_UTF8) from None


# --------------------------------------------------------------------------- files (the edge)


def input_format(path: str | Path) -> InputFormat:
    """The format a file is read as, by its name's ending (text when it is not in FORMATS)."""
    return FORMATS.get(Path(path).suffix.lower(), InputFormat.TEXT)


def record_line(article: Article) -> int | None:
    """The line of the article's record in a file of several (JSON Lines, feed, CSV); else None."""
    return article.body_line if input_format(article.path or "") in _RECORDS else None


def offset_line(article: Article, offset: int) -> int | None:
    """The line of the input file that holds `body[offset]`: counted in text and CSV cells, the
    record's line in JSON Lines and feeds, None in a web page (its text is not the file's)."""
    fmt = input_format(article.path or "")
    if fmt in (InputFormat.TEXT, InputFormat.TABLE):
        return article.body_line + article.body.count("\n", 0, offset)
    return article.body_line if fmt in _RECORDS else None


def read_file(
    path: Path, *, default_date: date | None = None, columns: Columns | None = None
) -> Iterator[Article | Skip]:
    """The articles of one file: 0 or 1 for a text file or a page, any number for JSON Lines,
    a feed or a CSV/TSV export (`columns` names the CSV columns to read).

    Never raises for bad content: an unreadable file, an undecodable or empty one, a bad
    dateline, a broken JSON line, feed entry or CSV row is yielded as a Skip.
    """
    where = str(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        yield Skip(where, None, f"cannot read the file ({exc.strerror or exc})")
        return
    if not data.strip():
        yield Skip(where, None, "empty file; there is no article text to read")
        return
    fmt = input_format(path)
    try:
        if fmt is InputFormat.HTML:
            from kg.readers.html import read_page

            yield read_page(data, path.stem, path=where, default_date=default_date)
        elif fmt is InputFormat.FEED:
            from kg.readers.feeds import read_feed

            yield from read_feed(data, path=where, default_date=default_date)
        elif fmt is InputFormat.TABLE:
            from kg.readers.table import Columns, parse_table

            yield from parse_table(
                decode(data), path=where, columns=columns or Columns(), default_date=default_date
            )
        elif fmt is InputFormat.JSONL:
            yield from parse_jsonl(decode(data), path=where, default_date=default_date)
        else:
            yield parse_article(decode(data), path.stem, path=where, default_date=default_date)
    except ArticleError as exc:
        yield Skip(where, exc.line, exc.problem)


def _page_resources(folder: str, files: list[str]) -> bool:
    """A browser's "Save page, complete" folder (`NAME_files/` beside `NAME.html`): its scripts,
    styles and ad frames are not articles."""
    stem = folder[: -len("_files")] if folder.endswith("_files") else None
    return stem is not None and bool({f"{stem}.html", f"{stem}.htm"} & set(files))


def _walk(folder: Path) -> tuple[list[Path], int]:
    """Article files under a folder, recursively, in a stable order; hidden entries and the
    resource folders saved with web pages are left out."""
    found: list[Path] = []
    ignored = 0
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith(".") and not _page_resources(d, files))
        for name in sorted(files):
            if name.startswith("."):
                continue
            if name.lower().endswith(ARTICLE_SUFFIXES):
                found.append(Path(root) / name)
            else:
                ignored += 1
    return found, ignored


def iter_inputs(paths: Sequence[Path]) -> tuple[list[Path], int]:
    """Expand the paths given by the user into the files to read.

    Folders are walked recursively for the endings in FORMATS (sorted; hidden files and
    folders, names starting with '.', and the `NAME_files/` folder a browser saves beside
    `NAME.html` are not walked and not counted); files named
    explicitly are read whatever their extension. A file reached twice is read once.
    Returns (files, number of other files ignored in the folders).
    Raises ArticleError for a path that does not exist or is neither file nor folder.
    """
    files: list[Path] = []
    seen: set[Path] = set()
    ignored = 0
    folders: dict[Path, Path] = {}  # each folder resolved once: 10,000 files cost a walk, not 10,000 resolves
    for path in paths:
        if path.is_dir():
            found, skipped = _walk(path)
            ignored += skipped
        elif path.is_file():
            found = [path]
        elif not path.exists():
            raise ArticleError(str(path), None, "no such file or folder; check the path")
        else:
            raise ArticleError(str(path), None, "not a regular file or folder; give article files or folders")
        for file in found:
            key = _resolved(file, folders)
            if key not in seen:
                seen.add(key)
                files.append(file)
    return files, ignored


def _resolved(file: Path, folders: dict[Path, Path]) -> Path:
    """`file.resolve()`, with its folder's resolution cached (a symbolic link is resolved whole)."""
    if file.is_symlink():
        return file.resolve()
    parent = file.parent
    if parent not in folders:
        folders[parent] = parent.resolve()
    return folders[parent] / file.name


def read_articles(
    paths: Sequence[Path], *, default_date: date | None = None, columns: Columns | None = None
) -> Iterator[Article | Skip]:
    """Every article under `paths`, in order, with a Skip for each input that cannot be read.

    A second article with an id already read is a Skip ("duplicate article id"), never a
    silent replacement. Missing paths raise ArticleError at call time, before any reading.
    """
    files, _ = iter_inputs(paths)
    return read_files(files, default_date=default_date, columns=columns)


def read_files(
    files: Sequence[Path], *, default_date: date | None = None, columns: Columns | None = None
) -> Iterator[Article | Skip]:
    """`read_articles` of the files `iter_inputs` gave (so that a caller walks the folders once)."""
    return _read_all(list(files), default_date, columns)


def _read_all(
    files: list[Path], default_date: date | None, columns: Columns | None
) -> Iterator[Article | Skip]:
    first_seen: dict[str, str] = {}  # article id -> where it was first read
    for file in files:
        for item in read_file(file, default_date=default_date, columns=columns):
            if isinstance(item, Article):
                line = record_line(item)
                if item.id in first_seen:
                    reason = f"duplicate article id {item.id!r} (first read from {first_seen[item.id]})"
                    yield Skip(str(file), line, reason)
                    continue
                first_seen[item.id] = f"{file}:{line}" if line is not None else str(file)
            yield item
