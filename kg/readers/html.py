"""Saved web pages (`*.html`, `*.htm`) -> Article, by trafilatura.

trafilatura finds the story in the page and leaves out what surrounds it (navigation, ads,
cookie banners, related-links boxes, comments); its metadata gives the headline, the site
name, the canonical URL and, through htmldate, the publication date. The body is the text
trafilatura extracts, one line per paragraph, without the headline when the text starts with
it (the headline is kept as the article's title), so that a wire dateline opening the story
is at the start of the body where the parser looks for it. Offsets index this body.

Deterministic and offline: trafilatura and htmldate get the decoded text and never a URL (given
a string that starts with "http", htmldate would download it), no deduplication cache is
kept between pages, no date is compared with the day of the build, and the date is read from
the page's markup only (meta tags, JSON-LD,
`<time>` elements, date-classed elements, the canonical URL), not guessed from dates in the
story's text (htmldate's "extensive search" would take "on 3 March 2016" in a paragraph for
the publication date).

`html_text` is the same extraction for an HTML fragment (a feed entry's content).
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import urllib.parse
from dataclasses import dataclass
from functools import cache
from typing import Any

from kg.articles import NOT_UTF8, decode, looks_like_paragraph
from kg.errors import ArticleError
from kg.models import Article
from kg.readers.dateline import article_date, wire_agencies, wire_cities
from kg.wire import find_wire_dateline

#: Pages over this many bytes are not read (trafilatura's own MAX_FILE_SIZE: a saved news page
#: is well under 1 MB, a bigger file is a dump or an archive).
MAX_PAGE_BYTES = 20_000_000

#: Short lines (a byline, a time stamp) dropped when a wire dateline follows them.
MAX_LINES_BEFORE_DATELINE = 3

NO_TEXT = (
    "no article text found in the page (only navigation, links or nothing at all); "
    "if it is a story, save the complete page, or put its text into a .txt file"
)

# htmldate: the publication date (not the last update), from the markup only (see above), with
# no upper bound (htmldate's default is today, which would make the date depend on the day of the build).
_DATE_PARAMS = {"original_date": True, "extensive_search": False, "max_date": "9999-12-31"}
_EXTRACT_OPTIONS: dict[str, Any] = {
    "favor_precision": True,  # a share box or a "most read" list left in is worse than a paragraph lost
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "include_formatting": False,
    "deduplicate": False,  # trafilatura's cache would make a page's text depend on the pages before it
}
_LONE_PERCENT = re.compile(r"%(?![0-9A-Fa-f]{2})")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Page:
    """What trafilatura found in a page: the story's text and the page's metadata."""

    text: str  # one line per paragraph, without the headline; "" when nothing was found
    title: str | None = None
    site: str | None = None
    url: str | None = None  # the canonical URL, as a valid http(s) IRI
    date: dt.date | None = None  # the publication date from the markup


@cache
def _quiet() -> None:
    """trafilatura and htmldate log a warning for each page they discard; kg reports skips itself.

    A NullHandler keeps Python's last-resort handler from printing them on stderr, and leaves
    them to any logging configuration the application has.
    """
    for name in ("trafilatura", "htmldate", "courlan", "justext"):
        logging.getLogger(name).addHandler(logging.NullHandler())


def _tidy(text: str | None, title: str | None) -> str:
    """trafilatura's text -> body: lines stripped of trailing white space, blank lines dropped,
    a first line that repeats the headline dropped, and short lines before a wire dateline
    ("By Mina Park", "Published", "UPDATED 10:42") dropped, so that the story starts with its
    dateline, as the parser and the gazetteer expect (they leave the dateline's place out)."""
    lines = [line.rstrip() for line in (text or "").split("\n")]
    lines = [line for line in lines if line.strip()]
    if lines and title and _same(lines[0], title):
        lines = lines[1:]
    for k, line in enumerate(lines[: MAX_LINES_BEFORE_DATELINE + 1]):
        if find_wire_dateline(line, wire_agencies(), wire_cities()) is not None:
            lines = lines[k:]
            break
        if looks_like_paragraph(line):
            break  # the story has begun, without a dateline
    return "\n".join(lines)


def _same(a: str, b: str) -> bool:
    return " ".join(a.split()).casefold() == " ".join(b.split()).casefold()


def web_iri(url: str | None) -> str | None:
    """An absolute http(s) URL as a valid IRI (spaces, quotes and brackets percent-encoded), or None."""
    if not url:
        return None
    url = url.strip()
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return None
    # drop white space and control characters, percent-encode what a URI may not hold (quotes,
    # brackets, non-ASCII) and a "%" that starts no escape; keep the escapes already there
    kept = "".join(c for c in url if c.isprintable() and not c.isspace())
    kept = _LONE_PERCENT.sub("%25", kept)
    return urllib.parse.quote(kept, safe=":/?#[]@!$&'()*+,;=%~-._", encoding="utf-8")


def _parse_iso(text: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def _clean(value: str | None) -> str | None:
    value = " ".join((value or "").split())
    return value or None


def extract_page(html: str) -> Page:
    """The story and metadata of a whole page (pure: the page's text in, a record out)."""
    import trafilatura

    _quiet()
    doc = trafilatura.bare_extraction(
        html, with_metadata=True, date_extraction_params=dict(_DATE_PARAMS), **_EXTRACT_OPTIONS
    )
    if doc is None:
        return Page("")
    assert not isinstance(doc, dict)  # as_dict=False
    title = _clean(doc.title)
    return Page(
        text=_tidy(doc.text, title),
        title=title,
        site=_clean(doc.sitename) or _clean(doc.hostname),
        url=web_iri(doc.url),
        date=_parse_iso(doc.date),
    )


def html_text(fragment: str) -> str:
    """The text of an HTML fragment (a feed entry's content), cleaned as a page's is; "" if none."""
    import trafilatura

    _quiet()
    # trafilatura takes whole documents: a lone block is refused as "not HTML"
    doc = trafilatura.bare_extraction(
        f"<html><body><article>{fragment}</article></body></html>", **_EXTRACT_OPTIONS
    )
    if doc is None:
        return ""
    assert not isinstance(doc, dict)
    return _tidy(doc.text, None)


def decode_page(data: bytes) -> str:
    """A page's bytes -> text: UTF-8 (or a byte-order mark) first, else the charset the page
    declares in a `<meta>` tag. Raises ArticleError (path "<bytes>") when neither works: no
    encoding is guessed."""
    try:
        return decode(data)
    except ArticleError as exc:
        if exc.problem != NOT_UTF8:
            raise
        declared = _CHARSET.search(data[:4096])
        if declared is None:
            problem = "not UTF-8 text and no charset declared in a <meta> tag; re-save the page as UTF-8"
            raise ArticleError("<bytes>", exc.line, problem) from None
        charset = declared[1].decode("ascii")
        try:
            return data.decode(charset)
        except (LookupError, UnicodeDecodeError):
            problem = f"not valid text in the charset it declares ({charset}); re-save the page as UTF-8"
            raise ArticleError("<bytes>", exc.line, problem) from None


def parse_page(
    html: str, article_id: str, *, path: str = "<html>", default_date: dt.date | None = None
) -> Article:
    """One decoded page -> Article. Raises ArticleError when no article text is found."""
    page = extract_page(html)
    if not any(looks_like_paragraph(line) for line in page.text.split("\n")):
        raise ArticleError(path, None, NO_TEXT)  # nothing, or only link lines ("Home Asia World")
    return Article(
        id=article_id,
        body=page.text,
        date=article_date(page.text, published=page.date, default=default_date),
        source=page.site,
        path=path,
        body_line=1,
        title=page.title,
        url=page.url,
    )


def read_page(
    data: bytes, article_id: str, *, path: str = "<html>", default_date: dt.date | None = None
) -> Article:
    """A page's bytes -> Article. Raises ArticleError (with `path`) for what cannot be read."""
    if len(data) > MAX_PAGE_BYTES:
        raise ArticleError(
            path,
            None,
            f"the page is {len(data):,} bytes, over the limit of {MAX_PAGE_BYTES:,}; "
            "save only the story's page, or put its text into a .txt file",
        )
    try:
        html = decode_page(data)
    except ArticleError as exc:
        raise ArticleError(path, exc.line, exc.problem) from None
    return parse_page(html, article_id, path=path, default_date=default_date)
