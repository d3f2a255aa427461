"""Shared fixtures: the real spaCy pipeline and a store built from the seeds, each made once;
spies on what kg.relink reads from the store."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEVSET = ROOT / "gold" / "devset"  # the team's devset, copied in by scripts/sync_shared.py


@pytest.fixture(scope="session")
def nlp():  # type: ignore[no-untyped-def]
    from kg.nlp import load_nlp

    return load_nlp()


@pytest.fixture(scope="session")
def lexicon():  # type: ignore[no-untyped-def]
    from kg.lexicon import load_lexicon

    return load_lexicon()


@pytest.fixture(scope="session")
def seed_store() -> Iterator[object]:
    """An in-memory store holding the graph of seeds/ (built once per test session)."""
    from kg.pipeline import build
    from kg.store import Store

    store = Store.memory()
    build([SEEDS], store)
    yield store
    store.close()


@pytest.fixture
def full_relinks(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """One entry each time the links are computed from every launch of the store, not around
    the touched articles (kg.relink)."""
    import kg.relink

    calls: list[int] = []
    original = kg.relink.launch_rows

    def spy(store: Any, events: Any = None) -> Any:
        if events is None:
            calls.append(1)
        return original(store, events)

    monkeypatch.setattr(kg.relink, "launch_rows", spy)
    return calls


@pytest.fixture
def every_row_read(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """One entry, "Exercise" or "Treaty", each time every exercise (or treaty) of the store is
    read: what the rows kept beside the store (kg.link_rows) spare a build that touches their
    blocks."""
    import kg.relink

    calls: list[str] = []
    for kind, name in (("Exercise", "exercise_rows"), ("Treaty", "treaty_rows")):
        original = getattr(kg.relink, name)

        def spy(store: Any, events: Any = None, kind: str = kind, original: Any = original) -> Any:
            if events is None:
                calls.append(kind)
            return original(store, events)

        monkeypatch.setattr(kg.relink, name, spy)
    return calls
