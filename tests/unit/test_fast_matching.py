"""The shortcuts that make the gazetteer and the date phrases cheap find what the plain regexes
find: the gazetteer's trie of surface forms against the alternation of the forms longest
first, and the date patterns' word tests (`kg.dates._NEEDS`) against running every pattern."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from kg.dates import _FOLD, _NEEDS, PHRASE_PATTERNS
from kg.nlp import _trie_pattern

TAIL = r"(?:e?s)?(?![\w])"


def _alternation(ends: dict[str, bool]) -> re.Pattern[str]:
    """What the gazetteer compiled before the trie: the forms longest first, 'the'-only forms
    behind a look-behind for the article and not followed by a capitalised word ("the North",
    not "the North Atlantic")."""
    alternatives = [
        (r"(?<=\b[Tt]he )" if ends[text] else "") + re.escape(text) + (r"(?!\s+[A-Z])" if ends[text] else "")
        for text in sorted(ends, key=lambda t: (-len(t), t))
    ]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternatives) + ")" + TAIL)


FORMS = st.dictionaries(
    st.text(alphabet="abAB -.", min_size=1, max_size=6), st.booleans(), min_size=1, max_size=12
)


@settings(max_examples=300)
@given(FORMS, st.lists(st.sampled_from(["a", "b", "A", "B", " ", "-", ".", "s", "es", "the ", "The "])))
def test_trie_matches_the_alternation_longest_first(ends: dict[str, bool], pieces: list[str]) -> None:
    text = "".join(pieces)
    trie = re.compile(r"(?<!\w)" + _trie_pattern(ends) + TAIL)
    expected = [(m.start(), m.end()) for m in _alternation(ends).finditer(text)]
    assert [(m.start(), m.end()) for m in trie.finditer(text)] == expected


def test_trie_prefers_the_longest_form_and_backtracks_to_shorter_ones() -> None:
    trie = re.compile(r"(?<!\w)" + _trie_pattern({"Korea": False, "Korean": False, "North": True}) + TAIL)
    assert [m.group(0) for m in trie.finditer("Koreans and Korea, the North but not North")] == [
        "Koreans",
        "Korea",
        "North",
    ]


WORDS = ["May", "may", "day", "Monday", "week", "later", "that", "year", "2017", "1953", "ago", "two",
         "the", "same", "next", "Sept.", "12", "weekend", "night", "last", "earlier", "\u0130", "\u017f",
         ",", "of"]  # fmt: skip


@settings(max_examples=300)
@given(st.lists(st.sampled_from(WORDS), max_size=12))
def test_a_date_pattern_skipped_for_want_of_its_words_would_not_match(words: list[str]) -> None:
    text = " ".join(words)
    folded = text.translate(_FOLD).lower()
    for name, pattern in PHRASE_PATTERNS.items():
        needs = _NEEDS.get(name)
        if needs is not None and not any(word in folded for word in needs):
            assert pattern.search(text) is None, (name, text)
