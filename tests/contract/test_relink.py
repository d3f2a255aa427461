"""kg.relink on a store: the links updated around the articles a build wrote or removed are the
links computed from every event, for launches, exercises and treaties (no model: the article
graphs are written from hand-made extractions, as kg build writes them)."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import kg.relink
from kg import rdf
from kg.lexicon import load_lexicon
from kg.link_rows import ASIDE
from kg.models import (
    Article,
    Event,
    Exercise,
    Extraction,
    Factuality,
    Launch,
    Mention,
    PartialDate,
    RunInfo,
    Treaty,
    WeaponRef,
)
from kg.namespaces import LINKS_GRAPH
from kg.relink import Changes, relink
from kg.store import Store

LEXICON = load_lexicon()
RUN = RunInfo("rules-1", "lexhash", "en_core_web_sm", "3.8.0", "0.1.0")
REFERENCE = rdf.reference_graphs(LEXICON)  # the States and Weapons graphs the keys queries read

# Few values, so that articles often tell the same event, or nearly (a vaguer date, a generic
# weapon, an alias, an edition, an unnamed treaty of the same parties and year).
_GENERIC = WeaponRef("ballistic missile", "ballistic missile", generic=True)
_HWASONG_15 = WeaponRef("Hwasong-15", None)
_DATES = [None, PartialDate(2017), PartialDate(2017, 3), PartialDate(2017, 3, 1), PartialDate(2017, 4)]
_launch = st.builds(
    lambda day, weapon, fact: Launch("PRK", weapon, date=PartialDate(2017, 3, day), factuality=fact),
    st.sampled_from([6, 7]),
    st.sampled_from([_GENERIC, WeaponRef("Hwasong-14", "intercontinental ballistic missile"), _HWASONG_15]),
    st.sampled_from([Factuality.ASSERTED, Factuality.ASSERTED, Factuality.EXPECTED]),
)
_exercise = st.builds(
    lambda name, date, parts: Exercise(parts, date, name),
    st.sampled_from(["Foal Eagle", "Foal Eagle 2017", "Foal Eagle 2018", "Ulchi Freedom Guardian", "UFG"]),
    st.sampled_from(_DATES),
    st.sampled_from([("KOR", "USA"), ("USA",), ("JPN",)]),
)
_treaty = st.builds(
    lambda name, date, parts: Treaty(parts, date, name),
    st.sampled_from([None, None, "New START", "INF Treaty"]),
    st.sampled_from([None, PartialDate(2010), PartialDate(2010, 4, 8), PartialDate(2021, 2, 3)]),
    st.sampled_from([("RUS", "USA"), ("RUS",), ("CHN", "RUS")]),
)
_events = st.lists(st.one_of(_launch, _exercise, _treaty), min_size=0, max_size=4)
_IDS = [f"a{i}" for i in range(8)]


def extraction(article_id: str, events: list[Event], version: int = 0) -> Extraction:
    """An article telling `events`, one sentence each (its evidence); `version` changes the text."""
    sentences = [f"Sentence {i} of version {version}." for i in range(len(events))]
    body = " ".join(sentences)
    mentions, told = [], []
    for sentence, event in zip(sentences, events, strict=True):
        start = body.index(sentence)
        mention = Mention(start, start + len(sentence), sentence)
        mentions.append(mention)
        told.append(type(event)(**{**_fields(event), "evidence": (mention,)}))
    article = Article(article_id, body, date=dt.date(2017, 3, 10), source="AP")
    return Extraction(article, tuple(mentions), tuple(told))


def _fields(event: Event) -> dict[str, Any]:
    return {name: getattr(event, name) for name in event.__dataclass_fields__}


def write(store: Store, article_id: str, events: list[Event], version: int = 0) -> None:
    graph = rdf.article_graph(extraction(article_id, events, version), RUN, lexicon=LEXICON)
    store.replace_article(article_id, graph.triples, graph.shared)


def links(store: Store) -> set[tuple[str, str]]:
    rows = store.query(f"SELECT ?a ?b WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?a kgo:sameEventAs ?b }} }}").rows
    return {(str(a.value), str(b.value)) for a, b in rows}  # type: ignore[union-attr]


def new_store() -> Store:
    store = Store.memory()
    for graph, triples in REFERENCE.items():
        store.replace_graph(graph, triples)
    return store


Operation = tuple[str, list[Event]]  # (article id, its events), or (article id, []) removed when "-"


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.dictionaries(st.sampled_from(_IDS), _events, min_size=1, max_size=6),
    then=st.lists(st.tuples(st.sampled_from(_IDS), st.none() | _events), min_size=1, max_size=4),
)
# found by a CI run: every article removed, the store left empty, its (no) rows read in full
@example(first={"a0": [], "a1": [], "a2": []}, then=[("a0", None), ("a1", None), ("a2", None)])
def test_links_updated_around_the_touched_articles_are_those_computed_from_all(
    first: dict[str, list[Event]],
    then: list[tuple[str, list[Event] | None]],
    full_relinks: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A store of a few articles, then some written again (other events, or the same), new ones
    and removed ones (None): the links are those of a store written with the result at once."""
    monkeypatch.setattr(kg.relink, "INCREMENTAL_SHARE", 1e6)  # always around the touched articles
    with new_store() as store:
        for article_id, events in first.items():
            write(store, article_id, events)
        relink(store, LEXICON)
        before = store.article_hashes()
        changes = Changes(store, LEXICON, before)
        final = dict(first)
        for version, (article_id, events) in enumerate(then, 1):
            if events is None and article_id not in final:
                continue  # kg removes only what the store holds
            changes.writing([article_id], soon=[a for a, _ in then[version:]])  # read ahead, as kg build does
            if events is None:
                store.remove_article(article_id)
                del final[article_id]
            else:
                write(store, article_id, events, version)
                final[article_id] = events
        full_relinks.clear()
        linked = relink(store, LEXICON, before=before, touched=changes.articles, held=changes.held)
        assert full_relinks == []
        got = links(store)
    with new_store() as clean:
        for article_id, events in final.items():
            write(clean, article_id, events)
        assert relink(clean, LEXICON) == linked
        assert links(clean) == got


def test_an_article_removed_that_had_no_link_can_change_the_links_of_others() -> None:
    """Foal Eagle on 2017-03-01 in a0 and a1 (one group), on 2017-04-20 in a2 (another, alone),
    and in March 2017 in a3, which fits both groups and so is linked to neither. Removing a2,
    which had no link, lets a3 join the group of a0 and a1: the blocks a removed article's
    events were in are computed again, not only those of its links."""
    day = [Exercise(("KOR", "USA"), PartialDate(2017, 3, 1), "Foal Eagle")]
    with new_store() as store:
        write(store, "a0", day)
        write(store, "a1", day)
        write(store, "a2", [Exercise(("KOR", "USA"), PartialDate(2017, 4, 20), "Foal Eagle")])
        write(store, "a3", [Exercise(("KOR", "USA"), PartialDate(2017, 3), "Foal Eagle")])
        assert relink(store, LEXICON) == {"Exercise": 1}
        assert len(links(store)) == 2  # a0 - a1, both ways
        before = store.article_hashes()
        changes = Changes(store, LEXICON, before)
        changes.writing(["a2"])
        store.remove_article("a2")
        relink(store, LEXICON, before=before, touched=changes.articles, held=changes.held)
        assert len(links(store)) == 4  # a3 joined


_changes = st.lists(st.tuples(st.sampled_from(_IDS), st.none() | _events), min_size=1, max_size=3)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    first=st.dictionaries(st.sampled_from(_IDS), _events, min_size=1, max_size=6),
    rounds=st.lists(_changes, min_size=2, max_size=3),
)
def test_builds_one_after_another_use_the_rows_kept_beside_the_store(
    first: dict[str, list[Event]],
    rounds: list[list[tuple[str, list[Event] | None]]],
    every_row_read: list[str],
    full_relinks: list[int],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Several builds one after another, each writing and removing a few articles: each finds
    the exercises and treaties of the blocks it touches in the rows the one before kept beside
    the store (it reads no other from the store), and the links are those of a clean store.
    Rows a build failed to add, drop or replace would show in a later build's links."""
    monkeypatch.setattr(kg.relink, "INCREMENTAL_SHARE", 1e6)
    final = {article_id: (events, 0) for article_id, events in first.items()}
    with new_store() as store:
        for article_id, events in first.items():
            write(store, article_id, events)
        relink(store, LEXICON)
        for number, then in enumerate(rounds):
            before = store.article_hashes()
            changes = Changes(store, LEXICON, before)
            for version, (article_id, events) in enumerate(then, 3 * number + 1):
                if events is None and article_id not in final:
                    continue
                changes.writing([article_id])
                if events is None:
                    store.remove_article(article_id)
                    del final[article_id]
                else:
                    write(store, article_id, events, version)
                    final[article_id] = (events, version)
            every_row_read.clear()
            full_relinks.clear()
            linked = relink(store, LEXICON, before=before, touched=changes.articles, held=changes.held)
            # every link computed again: a store left with fewer articles than were touched
            assert every_row_read == (["Exercise", "Treaty"] if full_relinks else [])
            got = links(store)
            with new_store() as clean:
                for article_id, (events, version) in final.items():
                    write(clean, article_id, events, version)
                assert relink(clean, LEXICON) == linked
                assert links(clean) == got


def test_rows_kept_for_other_articles_are_not_used(every_row_read: list[str]) -> None:
    """Rows kept beside the store are used only when they were read from the articles the links
    were computed from. Here a0's Foal Eagle is removed and a1's added; the rows kept before the
    removal (which hold a0's exercise) are put back, as a store copied back without its links
    file would have them: the build reads every exercise again, and a1's exercise is linked to
    nothing, as in a clean store (the old rows would link it to a0's, which is gone)."""
    foal_eagle = [Exercise(("KOR", "USA"), PartialDate(2017, 3, 1), "Foal Eagle")]
    with new_store() as store:
        write(store, "a0", foal_eagle)
        relink(store, LEXICON)
        old = store.read_aside(ASIDE)
        assert old is not None and b"Foal Eagle" in old
        for step in ("remove a0", "add a1"):
            before = store.article_hashes()
            changes = Changes(store, LEXICON, before)
            if step == "remove a0":
                changes.writing(["a0"])
                store.remove_article("a0")
            else:
                store.write_aside(ASIDE, old)  # the rows of a store that held a0
                changes.writing(["a1"])
                write(store, "a1", foal_eagle)
            every_row_read.clear()
            relink(store, LEXICON, before=before, touched=changes.articles, held=changes.held)
        assert every_row_read == ["Exercise", "Treaty"]  # the old rows were not used
        assert links(store) == set()
        kept = store.read_aside(ASIDE)
        assert kept is not None and kept != old  # the rows read are kept, for the next build


@pytest.mark.parametrize("damage", [b"", b"{", b'{"format": 1}', b"[1, 2]", "\u00e9".encode("latin-1")])
def test_a_damaged_rows_file_is_read_again_from_the_store(damage: bytes, every_row_read: list[str]) -> None:
    day = [Exercise(("KOR", "USA"), PartialDate(2017, 3, 1), "Foal Eagle")]
    with new_store() as store:
        write(store, "a0", day)
        relink(store, LEXICON)
        store.write_aside(ASIDE, damage)
        before = store.article_hashes()
        changes = Changes(store, LEXICON, before)
        changes.writing(["a1"])
        write(store, "a1", day)
        every_row_read.clear()
        assert relink(store, LEXICON, before=before, touched=changes.articles, held=changes.held) == {
            "Exercise": 1
        }
        assert every_row_read == ["Exercise", "Treaty"]
