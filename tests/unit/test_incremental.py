"""What decides that `kg build` skips an article (pure): the content hash on the article node
(kg.rdf.content_hash), an article's status against the stored hashes, and the build summary."""

from __future__ import annotations

import dataclasses
import datetime as dt
import re

import pytest
from rdflib import Literal

from kg import rdf
from kg.models import Article, BuildReport, Extraction, Mention, RunInfo
from kg.namespaces import KGO
from kg.pipeline import Status, article_status, format_report

ARTICLE = Article(
    id="a1",
    body="North Korea fired a missile on Monday.",
    date=dt.date(2017, 3, 6),
    source="Yonhap",
    path="corpus/a1.txt",
    body_line=3,
    title="A launch",
    url="https://news.example.org/a1",
)
RUN = RunInfo("2026.1.1", "abc123", "en_core_web_sm", "3.8.0", "0.1.0")
HASH = rdf.content_hash(ARTICLE, RUN)


def test_the_hash_is_a_sha256_and_stable() -> None:
    assert re.fullmatch(r"[0-9a-f]{64}", HASH)
    assert rdf.content_hash(dataclasses.replace(ARTICLE), dataclasses.replace(RUN)) == HASH


@pytest.mark.parametrize(
    "changed",
    [
        {"id": "a2"},
        {"body": "North Korea fired two missiles on Monday."},
        {"body": ARTICLE.body + " "},  # a single character: offsets would move
        {"date": dt.date(2017, 3, 7)},
        {"date": None},
        {"source": "AP"},
        {"source": None},
        {"title": "Another headline"},
        {"url": "https://news.example.org/a1?v=2"},
    ],
    ids=lambda d: ", ".join(f"{k}={v!r}"[:30] for k, v in d.items()),
)
def test_what_the_graph_is_made_from_changes_the_hash(changed: dict[str, object]) -> None:
    assert rdf.content_hash(dataclasses.replace(ARTICLE, **changed), RUN) != HASH  # type: ignore[arg-type]


@pytest.mark.parametrize("field", [f.name for f in dataclasses.fields(RunInfo)])
def test_every_version_of_the_extraction_changes_the_hash(field: str) -> None:
    other = dataclasses.replace(RUN, **{field: getattr(RUN, field) + "+1"})
    assert rdf.content_hash(ARTICLE, other) != HASH


def test_where_the_article_was_read_from_does_not_change_the_hash() -> None:
    moved = dataclasses.replace(ARTICLE, path="elsewhere/a1.txt", body_line=1)
    assert rdf.content_hash(moved, RUN) == HASH


def test_fields_cannot_run_into_each_other() -> None:
    """Source 'a' and title 'b,c' must not hash like source 'a,b' and title 'c'."""
    one = dataclasses.replace(ARTICLE, source="a", title="b|c")
    two = dataclasses.replace(ARTICLE, source="a|b", title="c")
    assert rdf.content_hash(one, RUN) != rdf.content_hash(two, RUN)


def test_the_article_node_carries_the_hash() -> None:
    graph = rdf.article_graph(Extraction(ARTICLE), RUN)
    node = rdf.article_iri(ARTICLE.id)
    assert [o for s, p, o in graph.triples if (s, p) == (node, KGO.contentHash)] == [Literal(HASH)]


def test_no_hash_when_sentences_were_left_out() -> None:
    """Such an article is read again on every build, so its left-out sentences are reported
    each time (and `kg build --strict` keeps failing until they are fixed)."""
    mention = Mention(0, 5, "North")
    graph = rdf.article_graph(Extraction(ARTICLE, (mention,), left_out=((6, 400),)), RUN)
    assert not any(p == KGO.contentHash for _, p, _ in graph.triples)


@pytest.mark.parametrize(
    ("stored", "expected"),
    [
        ({}, Status.NEW),
        ({"other": HASH}, Status.NEW),
        ({"a1": HASH}, Status.UNCHANGED),
        ({"a1": "0" * 64}, Status.CHANGED),
        ({"a1": None}, Status.CHANGED),  # stored by a kg without hashes, or with sentences left out
    ],
)
def test_article_status(stored: dict[str, str | None], expected: Status) -> None:
    assert article_status(ARTICLE, RUN, stored) is expected


def test_a_new_run_makes_every_stored_article_changed() -> None:
    newer = dataclasses.replace(RUN, rules_version="2026.1.2")
    assert article_status(ARTICLE, newer, {"a1": HASH}) is Status.CHANGED


def test_the_summary_counts_new_changed_and_unchanged() -> None:
    report = BuildReport(articles=3, new=2, changed=1, unchanged=40, sentences=9, quads=100)
    report.events = {"Launch (asserted)": 1}
    first = format_report(report).splitlines()[0]
    assert first == (
        "built 3 article(s) (2 new, 1 changed; 40 unchanged, skipped), 9 sentences, 100 quads in the store"
    )


def test_the_summary_of_a_build_with_nothing_to_do() -> None:
    text = format_report(BuildReport(unchanged=7, quads=100))
    assert "(0 new, 0 changed; 7 unchanged, skipped)" in text
    assert "nothing to build" in text and "kg build --force" in text
    assert "events: none" not in text


def test_the_summary_of_a_forced_build() -> None:
    text = format_report(BuildReport(articles=7, unchanged=7, forced=True, quads=100))
    assert text.startswith("built 7 article(s) (0 new, 0 changed, 7 unchanged: --force)")
    assert "nothing to build" not in text
