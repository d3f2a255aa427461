"""Shared fixtures: the real spaCy pipeline and a store built from the seeds, each made once."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
DEVSET = ROOT / "gold" / "devset"  # copied from ../shared/devset by scripts/sync_shared.py


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
