"""Which states a story refers to: a capital inside the name of a treaty or accord ("the Budapest
Memorandum", "the Paris Agreement") names the instrument, not the state of that city."""

from __future__ import annotations

import datetime as dt

import pytest

from kg.extract import extract
from kg.models import Article

pytestmark = pytest.mark.model


def _states(nlp, lexicon, text: str) -> set[str]:  # type: ignore[no-untyped-def]
    """The states the sentences of `text` refer to (dateline 2025-06-20)."""
    x = extract(Article(id="case", body=text, date=dt.date(2025, 6, 20)), nlp, lexicon)
    return {s for m in x.mentions for s in m.states}


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("Kyiv marked the anniversary of the Budapest Memorandum on Thursday.", "HUN", "UKR"),
        ("The United States rejoined the Paris Agreement on Friday, Washington said.", "FRA", "USA"),
        ("Russia said the Vienna Document no longer binds it.", "AUT", "RUS"),
        ("Iran cited the Geneva Convention in a letter on Monday.", "CHE", "IRN"),
        ("Moscow honoured the Budapest Memorandum, Lavrov said, and blamed Kyiv.", "HUN", "UKR"),
    ],
)
def test_a_capital_inside_a_treaty_name_is_no_state(
    nlp, lexicon, text: str, absent: str, present: str
) -> None:  # type: ignore[no-untyped-def]
    states = _states(nlp, lexicon, text)
    assert absent not in states and present in states


@pytest.mark.parametrize(
    "text",
    [
        "Nato moved more troops to the Baltic states after the drills.",
        "The exercise was held near the borders of Poland and the Baltic States.",
        "Leaders of the Baltic nations asked for more air defence.",
        "Russia's navy sailed close to the Baltics on Monday.",
        "Defence ministers of the three Baltic countries met in Riga.",
    ],
)
def test_the_baltic_states_are_estonia_latvia_and_lithuania(nlp, lexicon, text: str) -> None:  # type: ignore[no-untyped-def]
    assert {"EST", "LVA", "LTU"} <= _states(nlp, lexicon, text)


@pytest.mark.parametrize(
    "text",
    [
        "Some compared the pact with the North Atlantic Treaty.",
        "Russian submarines sailed in the North Sea on Monday.",
        "The bombers flew over the North Pacific.",
        "The South China Sea dispute flared again.",
        "Ships crossed the South Atlantic.",
    ],
)
def test_the_north_or_south_in_a_longer_name_is_no_korea(text: str, nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    """ "the North" alone is North Korea in Korean copy; "the North Atlantic", "the South China
    Sea" are names of their own."""
    from kg.extract import extract
    from kg.models import Article

    article = Article(id="case", body=text, date=dt.date(2025, 6, 20))
    states = {s for m in extract(article, nlp, lexicon).mentions for s in m.states}
    assert not states & {"PRK", "KOR"}


@pytest.mark.parametrize(
    "text",
    [
        "The PLA wrapped up drills around Taiwan on Monday.",
        "The PLA Navy sent two carriers into the Pacific.",
        "PLA aircraft crossed the median line on Tuesday.",
    ],
)
def test_the_pla_is_china(text: str, nlp, lexicon) -> None:  # type: ignore[no-untyped-def]
    from kg.extract import extract
    from kg.models import Article

    article = Article(id="case", body=text, date=dt.date(2025, 6, 20))
    states = {s for m in extract(article, nlp, lexicon).mentions for s in m.states}
    assert "CHN" in states


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("The destroyer USS John Finn sailed with Japanese warships on Friday.", "FIN", "JPN"),
        ("The cruiser USS Philippine Sea fired Tomahawks at targets in Yemen.", "PHL", "YEM"),
        ("HMS Argentina was a Royal Navy frigate; Britain retired it, London said.", "ARG", "GBR"),
        ("The Indian frigate INS Nepal escorted tankers near Oman on Monday.", "NPL", "OMN"),
        ("The warship USS Mexico Bay docked in Japan on Monday.", "MEX", "JPN"),
    ],
)
def test_a_state_in_a_ships_name_is_no_state(nlp, lexicon, text: str, absent: str, present: str) -> None:  # type: ignore[no-untyped-def]
    """ "USS John Finn": a ship's name after its navy's prefix names no state ("Finn")."""
    states = _states(nlp, lexicon, text)
    assert absent not in states and present in states


@pytest.mark.parametrize(
    ("text", "absent", "present"),
    [
        ("A day later the John Finn joined Japanese destroyers for two days of training.", "FIN", "JPN"),
        ("Analyst Michael Jordan said Iran fired two missiles on Monday.", "JOR", "IRN"),
        ("Retired admiral James Chad told reporters that Russia held drills.", "TCD", "RUS"),
        ("Commander Sarah Israel said the Royal Navy trained with the French navy.", "ISR", "FRA"),
        ("Researcher Anna Georgia wrote that China tested a hypersonic glider.", "GEO", "CHN"),
    ],
)
def test_a_states_word_ending_a_persons_name_is_no_state(
    nlp, lexicon, text: str, absent: str, present: str
) -> None:  # type: ignore[no-untyped-def]
    """ "the John Finn" (a destroyer named after a sailor), "Michael Jordan": a state's word after
    a given name, inside a name the parser tags as a person's, is a surname."""
    states = _states(nlp, lexicon, text)
    assert absent not in states and present in states


@pytest.mark.parametrize(
    ("text", "present"),
    [
        ("MANILA (Jiji Press)--Japan and Vietnam signed a pact on Monday.", {"JPN", "VNM"}),
        ("President Joe Biden met Prime Minister Narendra Modi on Friday.", {"USA", "IND"}),
        ("Chinese President Xi Jinping hosted the talks.", {"CHN"}),
        ("Defence Minister Boris Pistorius flew to Lithuania on Monday.", {"LTU"}),
        ("Kim Jong Un watched the launch, KCNA said.", {"PRK"}),
    ],
)
def test_a_state_beside_a_persons_name_is_still_a_state(nlp, lexicon, text: str, present: set[str]) -> None:  # type: ignore[no-untyped-def]
    """Not a surname: a state glued to a word by punctuation ("Press)--Japan"), a state after a
    name, and leaders named for their state."""
    assert _states(nlp, lexicon, text) >= present


@pytest.mark.parametrize(
    ("text", "present", "absent"),
    [
        ("The Democratic People’s Republic of Korea fired a missile on Monday.", "PRK", "KOR"),
        ("The People’s Liberation Army held drills near Taiwan.", "CHN", None),
        ("The Lao People’s Democratic Republic signed the pact.", "LAO", None),
        ("The People‘s Liberation Army Navy sailed past Japan.", "CHN", None),
        ("Kim Jong Un’s sister Kim Yo Jong warned Seoul.", "PRK", None),
    ],
)
def test_a_typographic_apostrophe_is_an_apostrophe(
    nlp, lexicon, text: str, present: str, absent: str | None
) -> None:  # type: ignore[no-untyped-def]
    """News pages write "People’s" with a typographic apostrophe: the name is still found, and
    "the Democratic People’s Republic of Korea" is not the Republic of Korea."""
    states = _states(nlp, lexicon, text)
    assert present in states and (absent is None or absent not in states)
