"""Cross-article linking of the same launch (pure rules, and on a real store)."""

from __future__ import annotations

import pytest

from kg.lexicon import load_lexicon
from kg.linking import LaunchRow, articles_fingerprint, link_triples, same_launches
from kg.models import PartialDate
from kg.namespaces import KGO

A = str(KGO.Asserted)


def row(
    iri: str,
    article: str,
    agent: str | None = "PRK",
    date: str | None = "2024-06-26",
    weapon: str | None = None,
    wclass: str | None = "ballistic missile",
    fact: str = A,
) -> LaunchRow:
    return LaunchRow(iri, article, agent, PartialDate.from_iso(date) if date else None, weapon, wclass, fact)


@pytest.mark.parametrize(
    ("a", "b", "linked"),
    [
        (row("x:1", "a1"), row("x:2", "a2"), True),
        (row("x:1", "a1"), row("x:2", "a1"), False),  # one article: merged by the extractor, not linked
        (row("x:1", "a1"), row("x:2", "a2", agent="KOR"), False),
        (row("x:1", "a1"), row("x:2", "a2", date="2024-06-25"), False),
        (row("x:1", "a1", date="2024-06"), row("x:2", "a2", date="2024-06"), False),  # a month is too loose
        (row("x:1", "a1", date=None), row("x:2", "a2", date=None), False),
        (row("x:1", "a1", weapon="Hwasong-15"), row("x:2", "a2", weapon="Hwasong-14"), False),
        (row("x:1", "a1", wclass="missile"), row("x:2", "a2", wclass="short-range ballistic missile"), True),
        (row("x:1", "a1", wclass="cruise missile"), row("x:2", "a2", wclass="ballistic missile"), False),
        (row("x:1", "a1", fact=str(KGO.Expected)), row("x:2", "a2"), False),
    ],
)
def test_same_launch_rules(a: LaunchRow, b: LaunchRow, linked: bool) -> None:
    assert bool(same_launches([a, b], load_lexicon())) is linked


def test_links_go_both_ways() -> None:
    triples = link_triples([("x:1", "x:2")])
    assert {(str(s), str(o)) for s, _, o in triples} == {("x:1", "x:2"), ("x:2", "x:1")}


def test_the_fingerprint_of_the_articles_is_their_set() -> None:
    hashes: dict[str, str | None] = {"a": "1" * 64, "b": None, "c": "2" * 64}
    fingerprint = articles_fingerprint(hashes)
    assert fingerprint == articles_fingerprint(dict(reversed(list(hashes.items()))))
    assert fingerprint != articles_fingerprint({**hashes, "b": "3" * 64})  # an article changed
    assert fingerprint != articles_fingerprint({k: v for k, v in hashes.items() if k != "c"})  # removed
    assert fingerprint != articles_fingerprint({**hashes, "d": None})  # added
    assert articles_fingerprint({"a\tb": None}) != articles_fingerprint({"a": "b"})  # no ambiguity
