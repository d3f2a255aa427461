"""Saved web pages -> Article (kg.readers.html): the story without what surrounds it, the date,
headline, site and address from the page's markup, and skips for pages without a story.

The pages in tests/formats/samples/ were written for these tests (no real page is copied)."""

from __future__ import annotations

import datetime as dt
import socket
from pathlib import Path

import pytest

from kg.articles import Skip, read_file
from kg.models import Article
from kg.readers.html import NO_TEXT, html_text, parse_page, read_page, web_iri

SAMPLES = Path(__file__).resolve().parents[1] / "formats" / "samples"

NEWS_PAGE_BODY = (
    "SEOUL, March 7 (Yonhap) -- North Korea fired a ballistic missile from Wonsan on Monday, "
    "South Korea's military said.\n"
    "The missile flew about 450 kilometers before falling into the sea east of the Korean Peninsula, "
    "according to the Joint Chiefs of Staff.\n"
    "Officials in Tokyo said the missile did not land in Japan's exclusive economic zone, and the "
    "government lodged a protest through diplomatic channels in Beijing.\n"
    "Analysts said the timing suggested a response to the annual spring drills, which the North "
    "regularly denounces as rehearsals for an invasion."
)


def _one(path: Path, **kwargs: object) -> Article:
    [item] = list(read_file(path, **kwargs))  # type: ignore[arg-type]
    assert isinstance(item, Article), item
    return item


def test_the_story_without_navigation_ads_cookie_banner_byline_or_related_links() -> None:
    article = _one(SAMPLES / "news-page.html")
    assert article.body == NEWS_PAGE_BODY
    for boilerplate in (
        "cookies",
        "Accept all",
        "ADVERTISEMENT",
        "binoculars",
        "Sponsored",
        "Subscribe",
        "Opinion",
        "Related stories",
        "Allies begin spring drills",
        "Most read",
        "Mina Park",
        "Staff Reporter",
        "Copyright",
        "Privacy policy",
        "dataLayer",
    ):
        assert boilerplate not in article.body, boilerplate
    # the headline is the title, not the body's first line: the story opens with its dateline
    assert article.title == "North Korea fires ballistic missile from Wonsan"
    assert (article.id, article.source, article.url) == (
        "news-page",
        "Harbour Defense Daily",
        "https://news.example.org/asia/2017/03/nk-missile-wonsan",
    )
    assert article.date == dt.date(2017, 3, 7)
    assert article.path == str(SAMPLES / "news-page.html")


def test_a_date_only_in_the_metadata() -> None:
    page = (SAMPLES / "metadata-date.html").read_text(encoding="utf-8")
    visible = page.split("<body>", 1)[1]
    assert "2017" not in visible and "March" not in visible  # only the JSON-LD has the date
    article = _one(SAMPLES / "metadata-date.html")
    assert article.date == dt.date(2017, 3, 7)
    assert article.body == (
        "North Korea fired a ballistic missile from Wonsan on Monday, South Korea's military said.\n"
        "The launch was the third this year, officials in Seoul told reporters at a briefing."
    )
    assert (article.title, article.source) == ("Launch from Wonsan", "Peninsula Monitor")
    assert "Write to the editors" not in article.body and "Reports" not in article.body


def test_scripts_in_the_body_are_not_text() -> None:
    article = _one(SAMPLES / "script-page.html")
    assert article.body == (
        "WASHINGTON (AP) -- Iran fired a ballistic missile on Sunday, U.S. officials said.\n"
        "The officials spoke on condition of anonymity because they were not authorized to discuss "
        "intelligence matters."
    )
    for script in ("document.write", "Guam", "Russia fired", "comments.js", "enable JavaScript", "Share on"):
        assert script not in article.body
    # the "Published" stamp before the dateline is dropped; the date comes from the <time> element
    assert article.date == dt.date(2017, 3, 5)
    assert article.url == "https://wire.example.com/2017/03/05/iran-missile"
    assert article.source == "Gulf Security Wire"


PAGE = """<html><head><title>{title}</title>{meta}</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>{title}</h1><p>{text}</p></article></body></html>"""
STORY = "North Korea fired a ballistic missile from Wonsan on Monday, South Korea's military said."
WIRE_STORY = "SEOUL, Dec. 31 (Yonhap) -- " + STORY
DATED = '<meta property="article:published_time" content="2018-01-01T09:00:00+09:00">'


@pytest.mark.parametrize(
    ("meta", "text", "default", "expected"),
    [
        (DATED, STORY, None, dt.date(2018, 1, 1)),  # the page's date
        (DATED, STORY, dt.date(2020, 5, 5), dt.date(2018, 1, 1)),  # --date does not override it
        ("", STORY, dt.date(2020, 5, 5), dt.date(2020, 5, 5)),  # a page without a date takes --date
        ("", STORY, None, None),
        # a wire dateline's month and day, in the year nearest the page's date (filed Dec. 31)
        (DATED, WIRE_STORY, None, dt.date(2017, 12, 31)),
        ("", WIRE_STORY, dt.date(2020, 5, 5), dt.date(2019, 12, 31)),  # nearest --date
        ("", WIRE_STORY, None, None),  # no year to give it
        # not compared with the day of the build: the same page gives the same date every day
        (DATED.replace("2018", "2999"), STORY, None, dt.date(2999, 1, 1)),
    ],
)
def test_which_date_a_page_gets(
    meta: str, text: str, default: dt.date | None, expected: dt.date | None
) -> None:
    page = PAGE.format(title="A launch", meta=meta, text=text)
    article = parse_page(page, "p", default_date=default)
    assert article.body == text
    assert article.date == expected


@pytest.mark.parametrize(
    "page",
    [
        "<html><head><title>Defense Daily</title></head><body><nav><ul><li><a href='/'>Home</a></li>"
        "<li><a href='/asia'>Asia</a></li></ul></nav><footer>Copyright 2017</footer></body></html>",
        "<html><head><title>Gallery</title></head><body><img src='a.jpg'><img src='b.jpg'></body></html>",
        "<html><head><title>Empty</title></head><body></body></html>",
        "<html><body><script>var story = 'North Korea fired a missile';</script></body></html>",
        "<html><body><nav><a href='/'>Home</a> <a href='/asia'>Asia</a></nav></body></html>",
    ],
    ids=["navigation-only", "images-only", "empty-body", "script-only", "link-line"],
)
def test_a_page_without_a_story_is_skipped_with_a_reason(tmp_path: Path, page: str) -> None:
    path = tmp_path / "page.html"
    path.write_text(page, encoding="utf-8")
    [skip] = list(read_file(path))
    assert skip == Skip(str(path), None, NO_TEXT)


def test_broken_markup_is_read_as_well_as_it_can_be(tmp_path: Path) -> None:
    path = tmp_path / "broken.htm"
    path.write_bytes(
        b"<html><head><title>Broken</title><body><div><p>North Korea fired a ballistic missile from "
        b"Wonsan on Monday, South Korea's military said.<p>It flew <b>450 kilometers</i></table><div "
        b'class="x'
    )
    article = _one(path)
    assert article.body.startswith("North Korea fired a ballistic missile from Wonsan on Monday")
    assert "450 kilometers" in article.body


def test_a_declared_charset_is_honoured_and_nothing_is_guessed(tmp_path: Path) -> None:
    text = f"<p>Café owners in Pyongyang said: {STORY}</p>"
    declared = tmp_path / "declared.html"
    declared.write_bytes(
        f'<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1252"></head>'
        f"<body>{text}</body></html>".encode("cp1252")
    )
    assert _one(declared).body == f"Café owners in Pyongyang said: {STORY}"
    undeclared = tmp_path / "undeclared.html"
    undeclared.write_bytes(f"<html><body>{text}</body></html>".encode("latin-1"))
    [skip] = list(read_file(undeclared))
    assert isinstance(skip, Skip) and skip.line == 1
    assert "not UTF-8 text and no charset declared" in skip.reason and "re-save" in skip.reason


def test_an_oversized_page_is_skipped(tmp_path: Path) -> None:
    path = tmp_path / "big.html"
    path.write_bytes(b"<html><body>" + b"<p>x</p>" * 2_600_000 + b"</body></html>")
    [skip] = list(read_file(path))
    assert isinstance(skip, Skip) and "over the limit of 20,000,000" in skip.reason


def test_html_fragments_are_cleaned_like_pages() -> None:
    fragment = (
        '<p>North Korea fired a <b>ballistic missile</b> &amp; more.</p><script>alert("x")</script>'
        '<div class="share"><a href="https://example.org/share">Share this</a></div>'
    )
    assert html_text(fragment) == "North Korea fired a ballistic missile & more."
    assert html_text("<img src='x.jpg'>") == ""
    # a wire dateline after a byline opens the text
    assert html_text(f"<p>By Kim Min-ji</p><p>{WIRE_STORY}</p>") == WIRE_STORY


@pytest.mark.parametrize(
    ("url", "iri"),
    [
        ("https://news.example.org/a/b?c=d#e", "https://news.example.org/a/b?c=d#e"),
        (" http://example.org/a b ", "http://example.org/ab"),
        ('https://example.org/"quoted"<x>', "https://example.org/%22quoted%22%3Cx%3E"),
        ("https://例え.jp/記事", "https://%E4%BE%8B%E3%81%88.jp/%E8%A8%98%E4%BA%8B"),
        ("https://example.org/100%/a%20b%2", "https://example.org/100%25/a%20b%252"),
        ("https://example.org/a\tb\x00c", "https://example.org/abc"),
        ("/relative/path", None),
        ("javascript:alert(1)", None),
        ("ftp://example.org/x", None),
        ("https://", None),
        ("", None),
        (None, None),
    ],
)
def test_web_addresses_become_valid_iris_or_nothing(url: str | None, iri: str | None) -> None:
    assert web_iri(url) == iri
    if iri is not None:
        import pyoxigraph

        pyoxigraph.NamedNode(iri)  # raises if not a valid IRI


def test_nothing_is_fetched(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A page whose whole text is a URL (htmldate downloads a string that starts with "http")
    and pages that link scripts and images: read without touching the network."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("kg tried to reach the network")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    url_only = tmp_path / "url.html"
    url_only.write_text("https://news.example.org/asia/2017/03/nk-missile-wonsan", encoding="utf-8")
    items = list(read_file(url_only))
    assert all(isinstance(i, Skip) or "example.org" in i.body for i in items)
    for name in ("news-page.html", "metadata-date.html", "script-page.html"):
        assert isinstance(_one(SAMPLES / name), Article)
    assert read_page(b"<html><body><p>" + STORY.encode() + b"</p></body></html>", "x").body == STORY
