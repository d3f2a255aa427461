"""The hostile-input corpus: bad articles, each with the behaviour the user gets.

Generated into a folder by the tests (the 20 MB article is never committed). Every case is
either built (an Article whose graph is in the store) or skipped (named in the build summary
with its file, and line where there is one, and a reason that says what to do); the rest of
the build goes on either way.
"""

from __future__ import annotations

import codecs
import json
from dataclasses import dataclass
from pathlib import Path

GOOD = "North Korea fired a ballistic missile from Wonsan yesterday, but it exploded seconds after launch."
DATELINE = " date 2017-03-23 AP, SEOUL\n\n"
XSS = '<script>alert("kg-xss")</script>'  # the marker the view tests look for

# A run-on "sentence" that keeps spaCy from splitting it: 5,000 words, no full stop.
_CLAUSE_TEXT = (
    "North Korea fired a ballistic missile from Wonsan on Tuesday and Japan said that the United "
    "States would hold drills with South Korea while Iran"
)
_CLAUSE = _CLAUSE_TEXT.split()
LONG_SENTENCE = " ".join(_CLAUSE[i % len(_CLAUSE)] for i in range(5000)) + "."
_PARAGRAPH = f"{GOOD} Officials in Seoul said the launch failed.\n\n"
HUGE_CHARS = 20_000_000


@dataclass(frozen=True)
class Case:
    """One bad input: its file, and what the build does with it."""

    name: str  # the file name in the corpus folder
    data: bytes
    built: tuple[str, ...] = ()  # article ids that end up in the store
    skipped: tuple[tuple[int | None, str], ...] = ()  # (line, text in the reason) per skip
    what: str = ""  # the behaviour, as the README lists it

    @property
    def stem(self) -> str:
        return self.name.rsplit(".", 1)[0]


def _jsonl(*rows: object) -> bytes:
    return "\n".join(r if isinstance(r, str) else json.dumps(r) for r in rows).encode() + b"\n"


def cases() -> list[Case]:
    good = (DATELINE + GOOD + "\n").encode()
    return [
        Case("empty.txt", b"", skipped=((None, "empty file"),), what="skipped: empty file"),
        Case("blank.txt", b" \n\t\n\n", skipped=((None, "empty file"),), what="skipped: empty file"),
        Case(
            "only-dateline.txt",
            b" date 2017-03-23 AP, SEOUL\n",
            skipped=((1, "dateline but no article text"),),
            what="skipped (line 1): a dateline but no text",
        ),
        Case(
            "bad-dateline.txt",
            b" date 2017-13-45 AP\n\n" + GOOD.encode(),
            skipped=((1, "got '2017-13-45', not a calendar date"),),
            what="skipped (line 1): expected ' date YYYY-MM-DD SOURCE'; fix the date or pass --date",
        ),
        Case(
            "no-dateline.txt",
            GOOD.encode() + b"\n",
            built=("no-dateline",),
            what="built: the whole file is the body, no date (or --date); relative dates stay unresolved",
        ),
        Case(
            "binary.txt",
            bytes(range(256)) * 64,
            skipped=((None, "binary file"),),
            what="skipped: binary file (NUL bytes)",
        ),
        Case(
            "binary-no-nul.txt",
            bytes(range(1, 256)) * 64,
            skipped=((2, "not UTF-8"),),  # byte 0x80 comes after the one b"\n" (0x0a)
            what="skipped: not UTF-8, with the line of the first bad byte",
        ),
        Case(
            "latin1.txt",
            (DATELINE + "Café owners in Pyongyang said " + GOOD).encode("latin-1"),
            skipped=((3, "not UTF-8 text; re-save it as UTF-8"),),
            what="skipped (line of the first bad byte): not UTF-8; re-save as UTF-8 (no guessing)",
        ),
        Case("utf16.txt", good.decode().encode("utf-16"), built=("utf16",), what="built (byte-order mark)"),
        Case(
            "utf16-no-bom.txt",
            good.decode().encode("utf-16-le"),
            skipped=((None, "UTF-16 text without a byte-order mark"),),
            what="skipped: binary (NUL bytes); the reason mentions UTF-16 without a BOM",
        ),
        Case("utf8-bom.txt", codecs.BOM_UTF8 + good, built=("utf8-bom",), what="built: the BOM is dropped"),
        Case("crlf.txt", good.replace(b"\n", b"\r\n"), built=("crlf",), what="built: CRLF read as LF"),
        Case(
            "huge.txt",
            DATELINE.encode() + _PARAGRAPH.encode() * (HUGE_CHARS // len(_PARAGRAPH)),
            skipped=((None, "over the limit of 100,000; split it into several articles"),),
            what="skipped: over 100,000 characters (MAX_ARTICLE_CHARS)",
        ),
        Case(
            "long-sentence.txt",
            (DATELINE + "A first paragraph that is fine.\n\n" + LONG_SENTENCE + "\n").encode(),
            built=("long-sentence",),
            skipped=((5, "a sentence of 5,0"),),  # 5,000 words and the full stop
            what="built without that sentence, which is reported with its line (MAX_SENTENCE_TOKENS)",
        ),
        Case(
            "html.txt",
            (
                DATELINE
                + f"<p>North Korea fired a <b>ballistic missile</b> {XSS} &amp; Japan protested.</p>\n\n"
                '<div onclick="x()">North Korea fired <img src=x onerror="alert(1)"> '
                "a missile on Tuesday.</div>\n"
            ).encode(),
            built=("html",),
            what="built: markup and entities kept as text, not stripped or decoded; the view escapes them",
        ),
        Case(
            "control.txt",
            (
                DATELINE + "North Korea fired\x07 a\x0b missile\x1b[31m on\x0c Tuesday\x7f.\u200b\u202e\n"
            ).encode(),
            built=("control",),
            what="built: control characters are kept as text and escaped in every export",
        ),
        Case(
            "nul-in-text.txt",
            (DATELINE + "North Korea fired\x00 a missile.\n").encode(),
            skipped=((None, "binary file"),),
            what="skipped: a NUL byte makes it binary",
        ),
        Case(
            "other-script.txt",
            (
                DATELINE + "북한이 수요일 동해상으로 탄도미사일을 발사했다. 北朝鮮がミサイルを発射した。 "
                "Северная Корея запустила ракету. كوريا الشمالية أطلقت صاروخا.\n"
            ).encode(),
            built=("other-script",),
            what="built: stored as text; the English rules find no events in it",
        ),
        Case(
            "broken.jsonl",
            _jsonl(
                {"id": "jsonl-good", "text": GOOD, "date": "2017-03-23"},
                "{broken",
                {"id": "jsonl-no-text"},
                {"text": GOOD},
                {"id": "jsonl-wrong-type", "text": 5},
                {"id": "jsonl-bad-date", "text": GOOD, "date": 20170323},
                [GOOD],
                {"id": "jsonl-last", "text": GOOD, "date": None, "source": None},
            ),
            built=("jsonl-good", "jsonl-last"),
            skipped=(
                (2, "not valid JSON"),
                (3, "missing required field 'text'"),
                (4, "missing required field 'id'"),
                (5, "'text' must be a string, got int"),
                (6, "'date' must be a date 'YYYY-MM-DD' or null, got 20170323"),
                (7, "expected a JSON object"),
            ),
            what="each bad line skipped with its line number; the good lines are built",
        ),
        Case(
            "broken-page.html",
            b"<html><head><title>Broken</title><body><div><p>" + GOOD.encode() + b"<p>It flew <b>450 "
            b"kilometers</i></table><div class='x",
            built=("broken-page",),
            what="built: the markup is repaired as browsers do (unclosed, mismatched and cut-off tags)",
        ),
        Case(
            "no-story.html",
            b"<html><head><title>Home</title></head><body><nav><a href='/'>Home</a> <a href='/asia'>Asia"
            b"</a></nav><script>var story = 'North Korea fired';</script></body></html>",
            skipped=((None, "no article text found in the page"),),
            what="skipped: no article text found in the page (only navigation, scripts or nothing)",
        ),
        Case(
            "broken-feed.xml",
            b'<rss version="2.0">\n<channel>\n<title>Cut off</title>\n<item>\n<guid>feed-good</guid>\n'
            b"<description>" + GOOD.encode() + b"</description>\n</item>\n<item>\n<guid>feed-cut</guid>\n"
            b"<description>Iran fired & <b>then",
            built=("feed-good",),
            skipped=((8, "has no text"), (10, "the feed is not well-formed XML")),
            what="what feedparser can read is built; the cut entry and the error are reported by line",
        ),
        Case(
            "not-a-feed.xml",
            b'<?xml version="1.0"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            b"<url><loc>https://example.org/</loc></url></urlset>\n",
            skipped=((None, "not an RSS or Atom feed (the root element is <urlset>)"),),
            what="skipped: XML that is not a feed is never misread",
        ),
        Case(
            "wrong-column.csv",
            b"url,published,story\nhttps://example.org/1,2017-03-23," + GOOD.encode() + b"\n",
            skipped=((1, "no column 'text'; the columns are 'url', 'published', 'story'"),),
            what="skipped (line 1): the missing column and the columns there are",
        ),
    ]


def write_corpus(folder: Path) -> list[Case]:
    folder.mkdir(parents=True, exist_ok=True)
    written = cases()
    for case in written:
        (folder / case.name).write_bytes(case.data)
    return written


def small_articles(folder: Path, n: int) -> list[Path]:
    """`n` small, distinct, valid articles (for the crash and concurrency tests)."""
    folder.mkdir(parents=True, exist_ok=True)
    states = ["North Korea", "Iran", "Russia", "China", "Pakistan", "India"]
    paths = []
    for i in range(n):
        state = states[i % len(states)]
        day = 1 + i % 28
        text = (
            f" date 2017-03-{day:02d} AP\n\n{state} fired {i % 5 + 1} ballistic missiles on Tuesday, "
            f"officials said. One of them exploded {i + 2} seconds after launch.\n"
        )
        path = folder / f"art-{i:04d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
    return paths
