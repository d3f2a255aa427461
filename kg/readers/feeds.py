"""RSS 0.9x/1.0/2.0 and Atom feeds (`*.xml`, `*.rss`, `*.atom`) -> one Article per entry, by feedparser.

A file is read as a feed only when feedparser recognises it as one (its root is `<rss>`,
`<rdf:RDF>` with an RSS channel, or an Atom `<feed>`); any other XML file is skipped, never
misread. Each entry:

- id: the entry's `id` (Atom) or `guid` (RSS), else its link, else a hash of its title, date and
  text (stable while the entry is unchanged); a second entry with an id already read is
  skipped as a duplicate, as for every format;
- text: its full content (`content`, RSS `content:encoded`) or else its summary
  (`description`); HTML is cleaned as a web page's is (`kg.readers.html.html_text`);
  an entry without text is skipped with its line;
- date: published, else updated, as the calendar date in the entry's own time zone (feedparser's
  parsed dates are in UTC: "Tue, 07 Mar 2017 08:30:00 +0900" is March 7 in Seoul, March 6 in
  UTC). A wire dateline in the text goes first (`kg.readers.dateline`), taking its year from
  the entry's date, else --date, else the feed's own date;
- title, source (the entry's `<source>` title, else the feed's title) and url (the link).

feedparser is given the file's bytes as a stream, never a string (a string that looks like a
URL or a path would be fetched or opened) and it reads no external entities. The line of each
entry, for messages, comes from lxml (recovering, no network, no entities).
"""

from __future__ import annotations

import datetime as dt
import email.utils
import hashlib
import io
import re
from collections.abc import Iterator, Sequence
from pathlib import PurePath
from typing import Any

from kg.articles import Skip
from kg.errors import ArticleError
from kg.models import Article
from kg.readers.dateline import article_date
from kg.readers.html import html_text, web_iri

_HTML_TYPES = ("text/html", "application/xhtml+xml")
_ROOT = re.compile(rb"<(?![?!])([A-Za-z_][\w.:\-]*)")  # the first start tag after the prolog
_ENTRY_TAGS = ("item", "entry")
_NO_DAY = re.compile(r"\d{4}(?:-\d{2})?")


def _local(tag: object) -> str:
    """'{http://www.w3.org/2005/Atom}entry' -> 'entry'; '' for comments and processing instructions."""
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def entry_lines(data: bytes) -> list[int]:
    """The line of each `<item>` / `<entry>` element, in document order (lxml, recovering from errors)."""
    from lxml import etree

    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError:
        return []
    if root is None:
        return []
    return [el.sourceline or 1 for el in root.iter() if _local(el.tag) in _ENTRY_TAGS]


def _root_name(data: bytes) -> str | None:
    stripped = re.sub(rb"<!--.*?-->", b"", data[:4096], flags=re.DOTALL)
    m = _ROOT.search(stripped)
    return m[1].decode("ascii", "replace") if m else None


def entry_date(entry: Any) -> dt.date | None:
    """Published, else updated: the date as written, in the entry's own time zone."""
    for key in ("published", "updated", "created"):
        # dict.get: FeedParserDict.get("updated") falls back to "published", with a DeprecationWarning
        raw = dict.get(entry, key)
        if not raw:
            continue
        local = _local_date(raw.strip())
        if local is not None:
            return local
        if _NO_DAY.fullmatch(raw.strip()):
            continue  # "2017" or "2017-03": no day to give (feedparser would make it the 1st)
        parsed = dict.get(entry, f"{key}_parsed")  # feedparser's reading of other formats, in UTC
        if parsed:
            try:
                return dt.date(parsed.tm_year, parsed.tm_mon, parsed.tm_mday)
            except ValueError:
                continue
    return None


def _local_date(raw: str) -> dt.date | None:
    """RFC 822 (RSS) or ISO 8601 / W3C-DTF with at least a day (Atom, Dublin Core), else None."""
    try:
        return email.utils.parsedate_to_datetime(raw).date()
    except (TypeError, ValueError, IndexError):
        pass
    try:
        return dt.datetime.fromisoformat(raw).date()
    except ValueError:
        return None


def entry_text(entry: Any) -> str:
    """The entry's content, else its summary, as text ("" if neither has any)."""
    candidates = [*entry.get("content", ()), entry.get("summary_detail")]
    for detail in candidates:
        if not detail or not (detail.get("value") or "").strip():
            continue
        value = detail["value"]
        if detail.get("type") in _HTML_TYPES:
            text = html_text(value)
        else:
            text = "\n".join(
                line.rstrip() for line in value.replace("\r\n", "\n").split("\n") if line.strip()
            )
        if text.strip():
            return text
    return ""


def _title(entry: Any) -> str | None:
    title = entry.get("title")
    if not title:
        return None
    detail = entry.get("title_detail") or {}
    if detail.get("type") in _HTML_TYPES:
        title = html_text(title) or title
    return " ".join(title.split()) or None


def _entry_id(entry: Any, title: str | None, day: dt.date | None, text: str, stem: str) -> str:
    for key in ("id", "link"):
        value = " ".join((entry.get(key) or "").split())
        if value:
            return value
    digest = hashlib.sha1(f"{title or ''}|{day or ''}|{text}".encode()).hexdigest()[:12]
    return f"{stem}-{digest}"


def parse_feed(
    data: bytes, *, path: str = "<feed>", default_date: dt.date | None = None
) -> Iterator[Article | Skip]:
    """Each entry of a feed -> an Article, or a Skip (an entry without text, a duplicate id is
    left to the caller). A file that is not a feed raises ArticleError; a feed that is not
    well-formed gives the entries read before the error and a Skip that names its line."""
    import feedparser

    parsed = feedparser.parse(io.BytesIO(data), sanitize_html=True, resolve_relative_uris=False)
    broken = parsed.get("bozo_exception") if parsed.get("bozo") else None
    if isinstance(broken, feedparser.ThingsNobodyCaresAboutButMe):  # an encoding note, not an error
        broken = None
    # feedparser's line numbers are off by one when it adds an XML declaration: ask lxml
    error_line, error = xml_error(data) if broken is not None else (None, None)
    error = error or (_error_text(broken) if broken is not None else None)
    if not parsed.get("version"):
        root = _root_name(data)
        what = f"the root element is <{root}>" if root else "no XML element found"
        if error is not None:
            what = f"not well-formed XML: {error}"
        raise ArticleError(
            path,
            error_line,
            f"not an RSS or Atom feed ({what}); files ending in .xml, .rss or .atom are read as feeds: "
            "rename it or leave it out",
        )
    entries: Sequence[Any] = parsed.get("entries", [])
    lines = entry_lines(data)
    lines = lines if len(lines) == len(entries) else []
    stem = PurePath(path).stem
    feed = parsed.get("feed", {})
    feed_date = entry_date(feed)  # lastBuildDate, pubDate, Atom updated
    feed_title = " ".join((feed.get("title") or "").split()) or None
    for i, entry in enumerate(entries):
        line = lines[i] if lines else None
        yield _article(entry, line, path, stem, default_date, feed_date, feed_title)
    if not entries:
        yield Skip(path, error_line, "the feed has no entries; there is no article to read")
    if error is not None:
        yield Skip(
            path,
            error_line,
            f"the feed is not well-formed XML ({error}); {_entries(len(entries))} read from it as well "
            "as they could be, others may be missing or cut short; repair or re-save the feed",
        )


def _article(
    entry: Any,
    line: int | None,
    path: str,
    stem: str,
    default_date: dt.date | None,
    feed_date: dt.date | None,
    feed_title: str | None,
) -> Article | Skip:
    title = _title(entry)
    published = entry_date(entry)
    text = entry_text(entry)
    entry_id = _entry_id(entry, title, published, text, stem)
    if not text.strip():
        return Skip(
            path, line, f"feed entry {entry_id!r} has no text in its content or summary; nothing to read"
        )
    source = entry.get("source") or {}
    return Article(
        id=entry_id,
        body=text,
        date=article_date(text, published=published, default=default_date, year_hint=feed_date),
        source=" ".join((source.get("title") or "").split()) or feed_title,
        path=path,
        body_line=line or 1,
        title=title,
        url=web_iri(entry.get("link")),
    )


def _entries(n: int) -> str:
    return "1 entry was" if n == 1 else f"{n} entries were"


def xml_error(data: bytes) -> tuple[int | None, str | None]:
    """(line, message) of the first XML error in the file (lxml, strict), or (None, None)."""
    from lxml import etree

    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)
    try:
        etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.lineno if isinstance(exc.lineno, int) and exc.lineno >= 1 else None
        return line, str(exc.msg or exc).strip()
    except ValueError as exc:
        return None, str(exc)
    return None, None


def _error_text(error: object) -> str:
    getter = getattr(error, "getMessage", None)
    message = getter() if getter is not None else str(error)
    return str(message).strip() or type(error).__name__


def read_feed(
    data: bytes, *, path: str = "<feed>", default_date: dt.date | None = None
) -> Iterator[Article | Skip]:
    """A feed file's bytes -> its entries (see `parse_feed`); raises ArticleError for a non-feed."""
    if b"\x00" in data and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ArticleError(path, None, "binary file (contains NUL bytes), not a feed")
    return parse_feed(data, path=path, default_date=default_date)
