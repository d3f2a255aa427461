"""Fixtures for the network views: hand-built rows and the contract fixture as a store."""

from __future__ import annotations

from collections.abc import Iterator

import pyoxigraph as ox
import pytest
from view_fixtures import MINI, hand_rows

from kg.network import NetworkRows
from kg.store import Store


@pytest.fixture
def rows() -> NetworkRows:
    return hand_rows()


@pytest.fixture
def mini_store() -> Iterator[Store]:
    """The contract fixture (hand-written RDF, as another tool could write it) in a store."""
    oxs = ox.Store()
    oxs.load(path=str(MINI), format=ox.RdfFormat.TRIG)
    store = Store(oxs, None)
    yield store
    store.close()
