"""The exercise and treaty rows kept beside the store between builds (kg.link_rows): what is read
back is what was kept, and only for the articles it was read from."""

from __future__ import annotations

import pytest

from kg.link_rows import FORMAT, KeptRows, dump_rows, load_rows
from kg.linking import ExerciseRow, TreatyRow
from kg.models import PartialDate

A = "https://w3id.org/kgnews/ontology#Asserted"
KOR_USA = frozenset({"KOR", "USA"})
ROWS = KeptRows.of(
    "f" * 64,
    [
        ExerciseRow(
            "x:1", "a1", "Ulchi-Freedom Guardian", PartialDate(2017, 8, 21), frozenset({"KOR", "USA"}), A
        ),
        ExerciseRow("x:2", "a2", "Zapad 2017", None, frozenset(), A, PartialDate(2017, 9, 14)),
        ExerciseRow("x:3", "a3", "Vostok", PartialDate(2018, 9), frozenset({"RUS"}), A, None),
    ],
    [
        TreatyRow("t:1", "a1", None, PartialDate(1953), frozenset({"PRK", "USA", "CHN"}), A),
        TreatyRow("t:2", "a4", "Договор о РСМД", None, frozenset(), A),
    ],
)


def test_rows_read_back_are_the_rows_kept() -> None:
    data = dump_rows(ROWS)
    assert load_rows(data, ROWS.fingerprint) == ROWS
    assert dump_rows(load_rows(data, ROWS.fingerprint) or ROWS) == data  # the same rows, the same bytes


def test_rows_of_other_articles_are_not_read() -> None:
    assert load_rows(dump_rows(ROWS), "0" * 64) is None
    assert load_rows(None, ROWS.fingerprint) is None


@pytest.mark.parametrize(
    "change",
    [
        lambda t: t.replace(f'"format":{FORMAT}', f'"format":{FORMAT + 1}'),
        lambda t: t.replace('"x:1","a1"', '"x:1",1'),  # an article that is not a string
        lambda t: t.replace("[2017,8,21]", "[2017,2,30]"),  # no such day
        lambda t: t.replace("[2017,8,21]", "[2017,null,21]"),  # a day without a month
        lambda t: t.replace("[2017,8,21]", '["2017",8,21]'),
        lambda t: t.replace("[2017,8,21]", "[2017,8]"),
        lambda t: t.replace('["KOR","USA"]', '"KOR"'),
        lambda t: t[: len(t) // 2],
    ],
)
def test_a_damaged_file_is_not_read(change: object) -> None:
    text = dump_rows(ROWS).decode("utf-8")
    damaged = change(text)  # type: ignore[operator]
    assert damaged != text
    assert load_rows(damaged.encode("utf-8"), ROWS.fingerprint) is None
