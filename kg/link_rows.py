"""The rows of every linkable exercise and treaty, kept beside the store between builds.

Exercise and treaty blocks (kg.linking) are known only once names are canonicalised and folded
in Python, so a SPARQL query cannot ask for the nodes of a block: without these rows, a build
that touches one block reads every exercise (or treaty) of the store to find the others of that
block (2.4 s of the 10,000-article benchmark store's 4.5 s of links). kg.relink keeps the rows
it read in a file beside the store's graph (`GraphStore.write_aside`), with the fingerprint of
the articles they were read from (kg.relink.articles_fingerprint, the one the links graph
records), and a later build uses them only when that fingerprint is the one its links were
computed from; it reads the rows of the events the build touched from the store and replaces
theirs. Any other file (none, another fingerprint, another format, unreadable) is ignored: the
rows are read from the store again, as before.

The rows are what kg.relink reads from the graph (`exercise-keys`, `treaty-keys`), not what
kg.linking makes of them, so they do not depend on the lexicon. This module is pure: rows to
bytes and back.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from kg.linking import ExerciseRow, TreatyRow
from kg.models import PartialDate

#: The file's name in the store folder.
ASIDE = "kg-link-rows.json"
#: The layout of the file: another one is ignored (and written anew).
FORMAT = 1


@dataclass
class KeptRows:
    """The exercise and treaty rows of a store, by IRI, and the fingerprint of its articles."""

    fingerprint: str
    exercises: dict[str, ExerciseRow] = field(default_factory=dict)
    treaties: dict[str, TreatyRow] = field(default_factory=dict)

    @classmethod
    def of(
        cls, fingerprint: str, exercises: Iterable[ExerciseRow], treaties: Iterable[TreatyRow]
    ) -> KeptRows:
        return cls(fingerprint, {r.iri: r for r in exercises}, {r.iri: r for r in treaties})


def dump_rows(kept: KeptRows) -> bytes:
    """The rows as JSON (sorted by IRI, so the same rows give the same bytes)."""
    data = {
        "format": FORMAT,
        "articles": kept.fingerprint,
        "exercises": [
            [
                r.iri,
                r.article,
                r.name,
                _date_out(r.date),
                sorted(r.participants),
                r.factuality,
                _date_out(r.dateline),
            ]
            for _, r in sorted(kept.exercises.items())
        ],
        "treaties": [
            [r.iri, r.article, r.name, _date_out(r.date), sorted(r.parties), r.factuality]
            for _, r in sorted(kept.treaties.items())
        ],
    }
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")


def load_rows(data: bytes | None, fingerprint: str) -> KeptRows | None:
    """The rows of `data` (`dump_rows`) if they were read from the articles of `fingerprint`;
    None for no data, another fingerprint or format, or anything malformed."""
    if data is None:
        return None
    try:
        found = json.loads(data)
        if found.get("format") != FORMAT or found.get("articles") != fingerprint:
            return None
        exercises = [
            ExerciseRow(
                _str(iri),
                _str(article),
                _str(name),
                _date_in(date),
                _codes(codes),
                _str(fact),
                _date_in(dateline),
            )
            for iri, article, name, date, codes, fact, dateline in found["exercises"]
        ]
        treaties = [
            TreatyRow(_str(iri), _str(article), _opt_str(name), _date_in(date), _codes(codes), _str(fact))
            for iri, article, name, date, codes, fact in found["treaties"]
        ]
    except (ValueError, TypeError, KeyError, AttributeError):
        return None
    return KeptRows.of(fingerprint, exercises, treaties)


def _date_out(date: PartialDate | None) -> list[int | None] | None:
    return None if date is None else [date.year, date.month, date.day]


def _date_in(value: Any) -> PartialDate | None:
    if value is None:
        return None
    year, month, day = value
    if not all(v is None or type(v) is int for v in (year, month, day)) or year is None:
        raise TypeError("a date is [year, month or null, day or null]")
    return PartialDate(year, month, day)  # ValueError for an impossible one


def _str(value: Any) -> str:
    if not isinstance(value, str):
        raise TypeError("expected a string")
    return value


def _opt_str(value: Any) -> str | None:
    return None if value is None else _str(value)


def _codes(value: Any) -> frozenset[str]:
    if not isinstance(value, list):
        raise TypeError("expected a list of codes")
    return frozenset(_str(v) for v in value)


__all__ = ["ASIDE", "FORMAT", "KeptRows", "dump_rows", "load_rows"]
