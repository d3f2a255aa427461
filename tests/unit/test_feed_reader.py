"""RSS and Atom feeds -> one Article per entry (kg.readers.feeds): ids, text cleaned as pages
are, dates in the entry's own time zone, duplicates and empty entries skipped with their line,
and XML that is not a feed never misread.

The feeds in tests/formats/samples/ were written for these tests."""

from __future__ import annotations

import datetime as dt
import io
import socket
from pathlib import Path

import pytest

from kg.articles import Skip, read_articles, read_file
from kg.models import Article
from kg.readers.feeds import entry_date

SAMPLES = Path(__file__).resolve().parents[1] / "formats" / "samples"
RSS = SAMPLES / "defense-rss.xml"
ATOM = SAMPLES / "defense.atom"


def _items(path: Path, **kwargs: object) -> list[Article | Skip]:
    return list(read_articles([path], **kwargs))  # type: ignore[arg-type]


def test_rss_2_entries() -> None:
    items = _items(RSS)
    articles = [i for i in items if isinstance(i, Article)]
    assert [(a.id, a.date, a.body_line) for a in articles] == [
        # Tue, 07 Mar 2017 08:30:00 +0900 is March 7 in Seoul (feedparser's UTC would say March 6)
        ("hdd-2017-0307-01", dt.date(2017, 3, 7), 8),
        # no date: the Kyodo dateline's Feb. 12, in the year of the feed's lastBuildDate
        ("https://news.example.org/asia/2017/02/kyodo-missile", dt.date(2017, 2, 12), 18),
        ("hdd-undated-03", None, 25),  # a missing date stays missing
    ]
    first, kyodo, undated = articles
    assert first.body == (
        "North Korea fired a ballistic missile from Wonsan on Monday, South Korea's military said.\n"
        "The missile flew about 450 kilometers & fell into the sea."
    )  # HTML decoded and cleaned: no tags, no script, no "Share this story"
    assert (first.title, first.source, first.url) == (
        "North Korea fires ballistic missile from Wonsan",
        "Harbour Defense Daily: Asia",
        "https://news.example.org/asia/2017/03/nk-missile-wonsan",
    )
    # content:encoded is the text, not the teaser in description
    assert kyodo.body == (
        "TOKYO, Feb. 12 (Kyodo) -- North Korea launched a ballistic missile into the sea on Sunday, "
        "Japan's defense ministry said.\nThe missile flew for about ten minutes."
    )
    assert undated.url is None and undated.title == "Drills announced"
    skips = [i for i in items if isinstance(i, Skip)]
    assert skips == [
        Skip(
            str(RSS),
            30,
            f"duplicate article id 'hdd-2017-0307-01' (first read from {RSS}:8)",
        ),
        Skip(
            str(RSS), 36, "feed entry 'hdd-gallery-05' has no text in its content or summary; nothing to read"
        ),
    ]


def test_atom_entries() -> None:
    items = _items(ATOM)
    articles = [i for i in items if isinstance(i, Article)]
    assert [(a.id, a.date, a.title) for a in articles] == [
        # published wins over updated; the TASS dateline agrees
        (
            "tag:notes.example.com,2017:russia-cruise",
            dt.date(2017, 8, 3),
            "Russia fires cruise missile in the Barents Sea",
        ),
        (
            "tag:notes.example.com,2017:pakistan-test",
            dt.date(2017, 3, 4),
            "Pakistan tests missile",
        ),  # updated
        ("tag:notes.example.com,2017:undated", None, "Drills, no date"),
    ]
    russia, pakistan, undated = articles
    assert russia.body == (
        "MOSCOW, Aug. 3 (TASS) -- Russia fired a cruise missile from a warship in the Barents Sea on "
        "Thursday, the defense ministry said."
    )
    assert pakistan.body == "Pakistan test-fired a ballistic missile on Friday, the military said."  # xhtml
    assert undated.body == (
        "South Korea and the United States began joint military drills on Monday, officials said."
    )  # type="text"
    assert {a.source for a in articles} == {"Pacific Security Notes"}
    assert russia.url == "https://notes.example.com/2017/08/russia-cruise"
    assert [i for i in items if isinstance(i, Skip)] == [
        Skip(
            str(ATOM),
            29,
            f"duplicate article id 'tag:notes.example.com,2017:pakistan-test' (first read from {ATOM}:17)",
        )
    ]


def test_an_undated_entry_takes_the_default_date() -> None:
    articles = [i for i in _items(ATOM, default_date=dt.date(2017, 3, 10)) if isinstance(i, Article)]
    assert [a.date for a in articles] == [dt.date(2017, 8, 3), dt.date(2017, 3, 4), dt.date(2017, 3, 10)]


RSS_1_0 = b"""<?xml version="1.0"?>
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
         xmlns:dc="http://purl.org/dc/elements/1.1/">
  <channel rdf:about="https://rdf.example.org/">
    <title>RDF Site Summary</title>
    <link>https://rdf.example.org/</link>
    <description>RSS 1.0</description>
    <items><rdf:Seq><rdf:li resource="https://rdf.example.org/1"/></rdf:Seq></items>
  </channel>
  <item rdf:about="https://rdf.example.org/1">
    <title>Launch</title>
    <link>https://rdf.example.org/1</link>
    <dc:date>2017-03-07T08:30:00+09:00</dc:date>
    <description>North Korea fired a ballistic missile from Wonsan on Monday.</description>
  </item>
</rdf:RDF>
"""
RSS_0_91 = b"""<?xml version="1.0"?>
<rss version="0.91">
  <channel>
    <title>Old style</title>
    <link>https://old.example.org/</link>
    <description>RSS 0.91</description>
    <language>en-us</language>
    <item>
      <title>Launch</title>
      <link>https://old.example.org/1</link>
      <description>North Korea fired a ballistic missile from Wonsan on Monday.</description>
    </item>
  </channel>
</rss>
"""


@pytest.mark.parametrize(
    ("name", "data", "expected"),
    [
        ("rss10.rss", RSS_1_0, ("https://rdf.example.org/1", dt.date(2017, 3, 7), "RDF Site Summary", 10)),
        ("rss091.xml", RSS_0_91, ("https://old.example.org/1", None, "Old style", 8)),
    ],
)
def test_rss_1_0_and_0_91(tmp_path: Path, name: str, data: bytes, expected: tuple[object, ...]) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    [article] = list(read_file(path))
    assert isinstance(article, Article)
    assert (article.id, article.date, article.source, article.body_line) == expected
    assert article.body == "North Korea fired a ballistic missile from Wonsan on Monday."


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (
            b'<?xml version="1.0"?>\n<!-- a sitemap -->\n<urlset xmlns="http://www.sitemaps.org/schemas/'
            b'sitemap/0.9"><url><loc>https://example.com/</loc></url></urlset>\n',
            "not an RSS or Atom feed (the root element is <urlset>)",
        ),
        (b"<html><body><p>North Korea fired a missile.</p></body></html>", "the root element is <html>"),
        (b"just some text", "not an RSS or Atom feed (not well-formed XML: Start tag expected"),
    ],
)
def test_xml_that_is_not_a_feed_is_skipped_not_misread(tmp_path: Path, data: bytes, reason: str) -> None:
    path = tmp_path / "data.xml"
    path.write_bytes(data)
    [skip] = list(read_file(path))
    assert isinstance(skip, Skip), skip
    assert reason in skip.reason and skip.reason.endswith(
        "; files ending in .xml, .rss or .atom are read as feeds: rename it or leave it out"
    )


BROKEN = b"""<rss version="2.0">
  <channel>
    <title>Broken feed</title>
    <item>
      <guid>broken-1</guid>
      <pubDate>Tue, 07 Mar 2017 08:30:00 +0900</pubDate>
      <description>North Korea fired a ballistic missile from Wonsan on Monday.</description>
    </item>
    <item>
      <guid>broken-2</guid>
      <description>Iran fired a ballistic missile on Sunday & then</description>
    </item>
    <item>
      <guid>broken-3</guid>
      <description>Pakistan test-fired a ballistic"""


def test_a_broken_feed_gives_what_can_be_read_and_names_the_line_of_the_error(tmp_path: Path) -> None:
    path = tmp_path / "broken.xml"
    path.write_bytes(BROKEN)  # no XML declaration: feedparser adds one, its line numbers are off by one
    items = list(read_file(path))
    assert [(i.id, i.body_line) for i in items if isinstance(i, Article)] == [
        ("broken-1", 4),
        ("broken-2", 9),
    ]
    skips = [i for i in items if isinstance(i, Skip)]
    assert [s.line for s in skips] == [13, 11]
    assert "broken-3" in skips[0].reason and "has no text" in skips[0].reason
    assert skips[1].reason.startswith("the feed is not well-formed XML (xmlParseEntityRef: no name")
    assert skips[1].reason.endswith("repair or re-save the feed")


def test_a_feed_without_entries(tmp_path: Path) -> None:
    path = tmp_path / "empty.atom"
    path.write_bytes(b'<feed xmlns="http://www.w3.org/2005/Atom"><title>Nothing yet</title></feed>')
    assert list(read_file(path)) == [
        Skip(str(path), None, "the feed has no entries; there is no article to read")
    ]


def test_an_entry_without_id_or_link_gets_a_stable_one(tmp_path: Path) -> None:
    path = tmp_path / "noids.rss"
    feed = (
        b'<rss version="2.0"><channel><title>T</title><item><title>A</title>'
        b"<description>North Korea fired a missile.</description></item></channel></rss>"
    )
    path.write_bytes(feed)
    [first] = list(read_file(path))
    [again] = list(read_file(path))
    assert isinstance(first, Article) and first.id == again.id
    assert first.id.startswith("noids-") and len(first.id) == len("noids-") + 12


def test_no_external_entity_or_url_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("kg tried to reach the network")

    for name in ("connect", "connect_ex", "sendto"):
        monkeypatch.setattr(socket.socket, name, refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    secret = tmp_path / "secret.txt"
    secret.write_text("TOP-SECRET-VALUE", encoding="utf-8")
    path = tmp_path / "xxe.xml"
    path.write_bytes(
        b'<?xml version="1.0"?>\n<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file://'
        + str(secret).encode()
        + b'"> <!ENTITY remote SYSTEM "http://feeds.example.org/x.dtd">]>\n'
        b'<rss version="2.0"><channel><title>X</title><item><guid>x1</guid>'
        b"<description>North Korea fired a missile. &xxe; &remote;</description></item></channel></rss>"
    )
    for item in read_file(path):
        assert "TOP-SECRET" not in str(item)
    url_only = tmp_path / "url.rss"
    url_only.write_bytes(b"https://feeds.example.org/defense.xml")
    [skip] = list(read_file(url_only))
    assert isinstance(skip, Skip) and "not an RSS or Atom feed" in skip.reason
    assert len([i for i in read_file(RSS) if isinstance(i, Article)]) == 4


@pytest.mark.parametrize(
    ("fields", "day"),
    [
        ({"published": "Tue, 07 Mar 2017 08:30:00 +0900"}, dt.date(2017, 3, 7)),
        ({"published": "Mon, 06 Mar 2017 23:30:00 -0500"}, dt.date(2017, 3, 6)),  # March 7 in UTC
        ({"published": "2017-03-07T08:30:00+09:00"}, dt.date(2017, 3, 7)),
        ({"published": "2017-03-07"}, dt.date(2017, 3, 7)),
        ({"updated": "2017-03-08T01:00:00Z"}, dt.date(2017, 3, 8)),
        ({"published": "2017-03", "updated": "2017-03-09"}, dt.date(2017, 3, 9)),  # no day: the next one
        ({"published": "2017"}, None),
        ({}, None),
    ],
)
def test_entry_dates_are_read_in_their_own_time_zone(fields: dict[str, str], day: dt.date | None) -> None:
    import feedparser

    items = "".join(f"<{k}>{v}</{k}>" for k, v in fields.items())
    feed = f'<feed xmlns="http://www.w3.org/2005/Atom"><entry><id>x</id>{items}<summary>s</summary></entry></feed>'
    [entry] = feedparser.parse(io.BytesIO(feed.encode())).entries
    assert entry_date(entry) == day
