"""CSV and TSV exports (`*.csv`, `*.tsv`) -> one Article per row, by Python's csv module.

The first row names the columns. `Columns` says which to read (`kg build --text-column body
--date-column published --id-column url --source-column site`); a column not named on the
command line is read from its usual name (`text`, `date`, `id`, `source`, as in JSON Lines)
when the file has it. Only the text column is required. Names match without regard to case or
surrounding spaces.

Quoted cells may hold the delimiter and line breaks (the csv module's "excel" dialect, and
"excel-tab" for `.tsv`). A row without text, with a date that is not one, with an empty id,
or with more or fewer cells than the header is skipped with the line it starts on; the other
rows are built. A column named on the command line that the file lacks skips the file with a
message that lists the columns it has.

Ids: the id column's cell, else `<file name>-<line>`. Dates: the date cell is the publication
date (a wire dateline in the text goes first, taking its year from it; `kg.readers.dateline`).
"""

from __future__ import annotations

import csv
import datetime as dt
import email.utils
import io
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import PurePath

from kg.articles import Skip
from kg.errors import ArticleError
from kg.models import Article
from kg.readers.dateline import article_date

_COMPACT = re.compile(r"(\d{4})(\d{2})(\d{2})(?:\d{2}(?:\d{2}(?:\d{2})?)?)?")  # GDELT: 20170307[HHMMSS]


@dataclass(frozen=True, slots=True)
class Columns:
    """The CSV columns to read: a name given here must exist; None means the usual name, if present."""

    text: str | None = None
    date: str | None = None
    id: str | None = None
    source: str | None = None

    def wanted(self) -> list[tuple[str, str, str | None, str]]:
        """(field, column name, the option that named it or None, default name) per field."""
        out = []
        for field, default in (("text", "text"), ("date", "date"), ("id", "id"), ("source", "source")):
            given = getattr(self, field)
            out.append((field, given or default, f"--{field}-column" if given else None, default))
        return out


def parse_cell_date(cell: str) -> dt.date | None:
    """A date cell -> date: ISO 8601 date or date-time (the date as written, in its own time zone),
    YYYYMMDD with an optional HHMMSS (GDELT), or an RFC 2822 date. None when it is none of these."""
    cell = cell.strip()
    try:
        return dt.datetime.fromisoformat(cell).date()
    except ValueError:
        pass
    compact = _COMPACT.fullmatch(cell)
    if compact is not None:
        try:
            return dt.date(int(compact[1]), int(compact[2]), int(compact[3]))
        except ValueError:
            return None
    try:
        return email.utils.parsedate_to_datetime(cell).date()
    except (TypeError, ValueError, IndexError):
        return None


def _index(header: Sequence[str], columns: Columns, path: str) -> dict[str, int]:
    """field -> column index. ArticleError (line 1) when a column asked for is not in the header."""
    names = {name.strip().casefold(): i for i, name in reversed(list(enumerate(header)))}
    found: dict[str, int] = {}
    for field, name, option, _default in columns.wanted():
        i = names.get(name.strip().casefold())
        if i is not None:
            found[field] = i
        elif option is not None or field == "text":
            have = ", ".join(repr(h) for h in header)
            named = f" ({option})" if option else ""
            raise ArticleError(
                path,
                1,
                f"no column {name!r}{named}; the columns are {have}; "
                f"pass {option or '--text-column'} with one of them",
            )
    return found


def parse_table(
    text: str,
    *,
    path: str = "<csv>",
    columns: Columns | None = None,
    default_date: dt.date | None = None,
    delimiter: str | None = None,
) -> Iterator[Article | Skip]:
    """Each row of a CSV/TSV text (already decoded) -> an Article, or a Skip for a bad row.

    `delimiter`: "," or "\\t"; by default a tab for a `.tsv` path, else a comma. Raises
    ArticleError for a file without a header or without a column asked for.
    """
    columns = columns or Columns()
    if text.startswith("\ufeff"):
        text = text[1:]
    tab = delimiter == "\t" or (delimiter is None and path.lower().endswith(".tsv"))
    reader = csv.reader(io.StringIO(text, newline=""), dialect="excel-tab" if tab else "excel", strict=True)
    try:
        header = next(reader)
    except StopIteration:
        raise ArticleError(path, None, "empty file; there is no article to read") from None
    except csv.Error as exc:
        raise ArticleError(path, 1, f"the header row is not valid CSV ({exc}); check its quotes") from None
    index = _index(header, columns, path)
    stem = PurePath(path).stem
    names = {field: header[i].strip() for field, i in index.items()}
    line = reader.line_num + 1  # where the next record starts
    while True:
        start = line
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            line = reader.line_num + 1
            yield Skip(path, start, f"not valid CSV ({exc}); check the quotes of this row")
            continue
        line = reader.line_num + 1
        if not any(cell.strip() for cell in row):
            continue  # a blank line
        yield _row(row, header, index, names, path, start, stem, default_date)


def _row(
    row: list[str],
    header: Sequence[str],
    index: dict[str, int],
    names: dict[str, str],
    path: str,
    line: int,
    stem: str,
    default_date: dt.date | None,
) -> Article | Skip:
    if len(row) != len(header):
        return Skip(
            path,
            line,
            f"the row has {len(row)} cells, the header {len(header)}; quote cells that hold a delimiter",
        )

    def cell(field: str) -> str:
        return row[index[field]].replace("\r\n", "\n") if field in index else ""

    body = cell("text")
    if not body.strip():
        return Skip(path, line, f"the {names['text']!r} cell is empty; there is no article text to read")
    article_id = " ".join(cell("id").split()) if "id" in index else f"{stem}-{line}"
    if not article_id:
        return Skip(path, line, f"the {names['id']!r} cell is empty; give every row an id")
    published = None
    if cell("date").strip():
        published = parse_cell_date(cell("date"))
        if published is None:
            return Skip(
                path,
                line,
                f"the {names['date']!r} cell is not a date (got {cell('date').strip()[:40]!r}); "
                "write it as YYYY-MM-DD, an ISO 8601 date-time, YYYYMMDD or an RFC 2822 date",
            )
    return Article(
        id=article_id,
        body=body,
        date=article_date(body, published=published, default=default_date),
        source=" ".join(cell("source").split()) or None,
        path=path,
        body_line=line,
    )
