"""Event rules on hand-built spaCy Docs: no statistical model, so these survive a model upgrade.

Each Doc is built with its words, heads, dependency labels, tags and lemmas written out, then
the kg gazetteer marks States, Weapons and class words on it, as it does in the pipeline.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest
import spacy
from spacy.tokens import Doc

from kg.extract import extract_doc
from kg.extract.discourse import Discourse
from kg.extract.launch import find_launches
from kg.extract.sentence import SentenceView
from kg.lexicon import Cue, load_lexicon
from kg.models import Article, Exercise, Factuality, Launch, Outcome, PartialDate
from kg.nlp import Gazetteer

LEX = load_lexicon()
VOCAB = spacy.blank("en").vocab
GAZETTEER = Gazetteer(LEX)

# (word, head index, dep, pos, tag, lemma)
Row = tuple[str, int, str, str, str, str]


def make_doc(rows: list[Row]) -> Doc:
    words = [r[0] for r in rows]
    spaces = [True] * len(rows)
    for i, _r in enumerate(rows):
        if i + 1 < len(rows) and rows[i + 1][0] in (".", ",", "'s"):
            spaces[i] = False
    doc = Doc(
        VOCAB,
        words=words,
        spaces=spaces,
        heads=[r[1] for r in rows],
        deps=[r[2] for r in rows],
        pos=[r[3] for r in rows],
        tags=[r[4] for r in rows],
        lemmas=[r[5] for r in rows],
        sent_starts=[True] + [False] * (len(rows) - 1),
    )
    return GAZETTEER(doc)


FIRED_FOUR = [
    ("North", 1, "compound", "PROPN", "NNP", "North"),
    ("Korea", 2, "nsubj", "PROPN", "NNP", "Korea"),
    ("fired", 2, "ROOT", "VERB", "VBD", "fire"),
    ("four", 5, "nummod", "NUM", "CD", "four"),
    ("ballistic", 5, "amod", "ADJ", "JJ", "ballistic"),
    ("missiles", 2, "dobj", "NOUN", "NNS", "missile"),
    ("yesterday", 2, "npadvmod", "NOUN", "NN", "yesterday"),
    (".", 2, "punct", "PUNCT", ".", "."),
]


def test_launch_agent_count_class_from_a_hand_built_doc() -> None:
    doc = make_doc(FIRED_FOUR)
    view = SentenceView(doc[:], LEX, 0)
    [launch] = find_launches(view, LEX, Discourse())
    assert (launch.actors, launch.count, launch.weapon_class) == (("PRK",), 4, "ballistic missile")
    assert launch.date_phrase == "yesterday"


def test_dates_resolve_against_the_dateline() -> None:
    doc = make_doc(FIRED_FOUR)
    article = Article("a", doc.text, date=dt.date(2017, 3, 23))
    [event] = extract_doc(doc, article, LEX).events
    assert isinstance(event, Launch)
    assert event.date == PartialDate(2017, 3, 22)
    assert event.factuality is Factuality.ASSERTED


def test_a_negated_launch() -> None:
    rows = [
        ("North", 1, "compound", "PROPN", "NNP", "North"),
        ("Korea", 4, "nsubj", "PROPN", "NNP", "Korea"),
        ("has", 4, "aux", "AUX", "VBZ", "have"),
        ("not", 4, "neg", "PART", "RB", "not"),
        ("fired", 4, "ROOT", "VERB", "VBN", "fire"),
        ("a", 6, "det", "DET", "DT", "a"),
        ("missile", 4, "dobj", "NOUN", "NN", "missile"),
        (".", 4, "punct", "PUNCT", ".", "."),
    ]
    [launch] = find_launches(SentenceView(make_doc(rows)[:], LEX, 0), LEX, Discourse())
    assert launch.factuality is Factuality.NEGATED


def test_an_expected_launch() -> None:
    rows = [
        ("Officials", 1, "nsubj", "NOUN", "NNS", "official"),
        ("expect", 1, "ROOT", "VERB", "VBP", "expect"),
        ("another", 5, "det", "DET", "DT", "another"),
        ("North", 4, "amod", "ADJ", "JJ", "north"),
        ("Korean", 6, "amod", "ADJ", "JJ", "korean"),
        ("missile", 6, "compound", "NOUN", "NN", "missile"),
        ("launch", 1, "dobj", "NOUN", "NN", "launch"),
        (".", 1, "punct", "PUNCT", ".", "."),
    ]
    [launch] = find_launches(SentenceView(make_doc(rows)[:], LEX, 0), LEX, Discourse())
    assert launch.factuality is Factuality.EXPECTED
    assert launch.actors == ("PRK",)


def test_failed_launch_outcome() -> None:
    rows = [
        ("The", 1, "det", "DET", "DT", "the"),
        ("launch", 2, "nsubj", "NOUN", "NN", "launch"),
        ("ended", 2, "ROOT", "VERB", "VBD", "end"),
        ("in", 2, "prep", "ADP", "IN", "in"),
        ("failure", 3, "pobj", "NOUN", "NN", "failure"),
        (".", 2, "punct", "PUNCT", ".", "."),
    ]
    discourse = Discourse()
    discourse.saw_agent("PRK")
    [launch] = find_launches(SentenceView(make_doc(rows)[:], LEX, 0), LEX, discourse)
    assert Outcome.FAILURE.value in launch.outcomes
    assert launch.actors == ("PRK",) and launch.needs_actor


def test_exercise_participants_include_the_operator_of_a_named_platform() -> None:
    rows = [
        ("A", 2, "det", "DET", "DT", "a"),
        ("B-1B", 2, "compound", "PROPN", "NNP", "B-1B"),
        ("bomber", 7, "nsubj", "NOUN", "NN", "bomber"),
        ("and", 2, "cc", "CCONJ", "CC", "and"),
        ("Japanese", 6, "amod", "ADJ", "JJ", "japanese"),
        ("fighter", 6, "compound", "NOUN", "NN", "fighter"),
        ("jets", 2, "conj", "NOUN", "NNS", "jet"),
        ("conducted", 7, "ROOT", "VERB", "VBD", "conduct"),
        ("joint", 9, "amod", "ADJ", "JJ", "joint"),
        ("drills", 7, "dobj", "NOUN", "NNS", "drill"),
        (".", 7, "punct", "PUNCT", ".", "."),
    ]
    doc = make_doc(rows)
    [event] = extract_doc(doc, Article("b", doc.text, date=dt.date(2017, 3, 23)), LEX).events
    assert isinstance(event, Exercise)
    assert event.participants == ("JPN", "USA")
    assert [w.name for w in event.weapons] == ["B-1B"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("US-South Korean drills", {"USA", "KOR"}),
        ("the U.S.-led command", {"USA"}),
        ("The North's missile", {"PRK"}),
        ("anti-missile units", set()),
        ("Putin's war in Ukraine", {"RUS", "UKR"}),
        ("trusted us", set()),  # "us" is never the United States
    ],
)
def test_gazetteer_states(text: str, expected: set[str]) -> None:
    found = {s.ref for s0, e0, s in GAZETTEER.find(text) if s.label == "STATE"}
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # after the full name, one word of it names the leader's state
        ("Kim Jong Un arrived. Later Kim and Moon Jae-in spoke; Moon left.", ["PRK", "PRK", "KOR", "KOR"]),
        # not before the full name, and not as the start of another person's name (a minister the
        # lexicon knows is a mention of his own state)
        ("Kim spoke first. Kim Jong Un arrived. Defense Minister Kim Yong-hyun said so.", ["PRK", "KOR"]),
        ("Kim spoke first. Kim Jong Un arrived. Defense Minister Kim Sang-ho said so.", ["PRK"]),
        # a minister's surname is no short form: "Kim" after "Kim Yong-hyun" is still Kim Jong Un
        ("Kim Jong Un arrived. Minister Kim Yong-hyun spoke. Kim left.", ["PRK", "KOR", "PRK"]),
        # a short form two leaders of different states share stays unresolved
        ("Kim Jong Un met Kim Dae Jung. Kim smiled.", ["PRK", "KOR"]),
    ],
)
def test_leaders_short_names(text: str, expected: list[str]) -> None:
    gazetteer = Gazetteer(replace(LEX, cues=(*LEX.cues, Cue("leader", "Kim Dae Jung", "KOR"))))
    assert [s.ref for _, _, s in gazetteer.find(text) if s.label == "STATE"] == expected
