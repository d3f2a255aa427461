"""Behavioural tests (CheckList style): short texts in our own words, one folder of variations
per phenomenon, each asserting the events, roles and attributes the extractor must give.

They are the project's record of what the extractor can do, independent of any one article:
a rule change that breaks one of them breaks a capability, whatever the devset scores say.
`events(text, dateline)` runs the real pipeline (model) and returns the events as compact
tuples, so each case reads as the sentence and what it means.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

import pytest

from kg.extract import extract
from kg.models import Article, Event, Exercise, Launch, Treaty

Row = tuple[object, ...]


def launch_row(e: Launch) -> Row:
    """(agent, date, weapon, class, site, outcome, count, factuality)"""
    weapon = e.weapon.name if e.weapon is not None and not e.weapon.generic else None
    return (
        e.agent,
        e.date.iso() if e.date else None,
        weapon,
        e.weapon_class,
        e.site,
        e.outcome.value,
        e.count,
        e.factuality.value,
    )


def exercise_row(e: Exercise) -> Row:
    """(participants, date, name, factuality)"""
    return (tuple(sorted(e.participants)), e.date.iso() if e.date else None, e.name, e.factuality.value)


def treaty_row(e: Treaty) -> Row:
    """(signatories, date, name, factuality)"""
    return (tuple(sorted(e.signatories)), e.date.iso() if e.date else None, e.name, e.factuality.value)


@pytest.fixture(scope="session")
def events(nlp, lexicon) -> Callable[..., list[Event]]:  # type: ignore[no-untyped-def]
    def run(text: str, dateline: str = "2024-06-26") -> list[Event]:
        article = Article(id="case", body=text, date=dt.date.fromisoformat(dateline))
        extraction = extract(article, nlp, lexicon)
        assert extraction.failed == (), extraction.failed  # a rule raised: a bug, not a miss
        return list(extraction.events)

    return run


@pytest.fixture(scope="session")
def launches(events) -> Callable[..., list[Row]]:  # type: ignore[no-untyped-def]
    def run(text: str, dateline: str = "2024-06-26") -> list[Row]:
        return [launch_row(e) for e in events(text, dateline) if isinstance(e, Launch)]

    return run


@pytest.fixture(scope="session")
def exercises(events) -> Callable[..., list[Row]]:  # type: ignore[no-untyped-def]
    def run(text: str, dateline: str = "2024-06-26") -> list[Row]:
        return [exercise_row(e) for e in events(text, dateline) if isinstance(e, Exercise)]

    return run


@pytest.fixture(scope="session")
def treaties(events) -> Callable[..., list[Row]]:  # type: ignore[no-untyped-def]
    def run(text: str, dateline: str = "2024-06-26") -> list[Row]:
        return [treaty_row(e) for e in events(text, dateline) if isinstance(e, Treaty)]

    return run
