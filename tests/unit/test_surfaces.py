"""The gazetteer's surface forms of the lexicon's names (kg.nlp)."""

from __future__ import annotations

import pytest

from kg.nlp import _arabic_marks


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Hatf-V", ["Hatf-5", "Hatf 5"]),
        ("Minuteman III", ["Minuteman-3", "Minuteman 3"]),
        ("Agni-IV", ["Agni-4", "Agni 4"]),
        ("Scud-C", []),
        ("Hwasong-15", []),
        ("Trident II D5", []),
    ],
)
def test_a_roman_mark_is_also_written_in_figures(form: str, expected: list[str]) -> None:
    """ "Hatf-V" is also "Hatf 5": the forms of a name with its closing Roman mark in figures."""
    assert _arabic_marks(form) == expected
