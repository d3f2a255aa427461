"""kg.factualities: how a factuality selection is written, read and bound."""

from __future__ import annotations

import pytest

from kg.factualities import ALL, REPORTED, counts, describe, parse_factualities, sparql_value
from kg.models import Factuality

A, C, E, N = Factuality.ASSERTED, Factuality.CLAIMED, Factuality.EXPECTED, Factuality.NEGATED


@pytest.mark.parametrize(
    ("text", "selection"),
    [
        ("reported", {A, C}),
        ("all", {A, C, E, N}),
        ("asserted", {A}),
        ("asserted,expected", {A, E}),
        (" Negated , CLAIMED ", {C, N}),
        ("reported,negated", {A, C, N}),
        ("all,asserted", {A, C, E, N}),
    ],
)
def test_selections_are_read(text: str, selection: set[Factuality]) -> None:
    assert parse_factualities(text) == frozenset(selection)


@pytest.mark.parametrize(("text", "problem"), [("", "empty"), (" , ", "empty"), ("rumoured", "'rumoured'"),
                                               ("asserted;claimed", "'asserted;claimed'")])  # fmt: skip
def test_bad_selections_name_the_problem_and_the_syntax(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem) as err:
        parse_factualities(text)
    assert "reported (asserted and claimed), all, or a comma-separated list" in str(err.value)


def test_what_happened_is_asserted_and_claimed() -> None:
    assert {A, C} == REPORTED
    assert set(Factuality) == ALL
    assert sparql_value(REPORTED) == "asserted claimed"
    assert sparql_value({N, A}) == "asserted negated"  # in the enum's order, whatever the input's
    assert (describe(REPORTED), describe(ALL), describe({E, A})) == ("reported", "all", "asserted, expected")
    assert counts(None, REPORTED) and counts(C, REPORTED) and not counts(E, REPORTED)
    assert not counts(None, frozenset({N}))  # an event without a factuality counts as asserted
