"""kg.parse_repair: the passives en_core_web_sm parses as adjectives come out as passives, and
nothing else changes."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.model


def _arcs(doc) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    return [(t.text, t.dep_, t.head.text) for t in doc]


@pytest.mark.parametrize(
    ("text", "verb", "subject"),
    [
        (
            "Last month, on August 20, the Agni-5 missile was successfully test-fired from the range.",
            "fired",
            "missile",
        ),
        (
            "The Ababeel, a medium-range ballistic missile, was first flight-tested on January 24, 2017.",
            "tested",
            "Ababeel",
        ),
        (
            "On Monday the Agni-5 missile was successfully test-fired from Kalam Island, officials said.",
            "fired",
            "missile",
        ),
    ],
)
def test_an_event_passive_read_as_an_adjective_is_a_passive(nlp, text: str, verb: str, subject: str) -> None:  # type: ignore[no-untyped-def]
    doc = nlp(text)
    [v] = [t for t in doc if t.text == verb]
    [s] = [t for t in doc if t.text == subject]
    assert v.dep_ not in ("acomp",)
    assert s.head.i == v.i and s.dep_ == "nsubjpass"
    assert any(ch.dep_ == "auxpass" and ch.lemma_ == "be" for ch in v.children)


def test_the_repair_keeps_the_sentences_and_a_single_root_each(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "India said on Friday. Last month, on August 20, the Agni-5 ballistic missile was successfully "
        "test-fired from the Integrated Test Range, the Ministry of Defence had said. It flew far."
    )
    doc = nlp(text)
    assert len(list(doc.sents)) == 3
    for sent in doc.sents:
        assert sum(1 for t in sent if t.head.i == t.i) == 1


def test_other_adjectival_participles_are_left_as_parsed(nlp) -> None:  # type: ignore[no-untyped-def]
    import spacy

    from kg.nlp import model_package

    text = "The officials were deeply surprised by the result."
    plain = spacy.load(model_package())
    assert _arcs(nlp(text)) == _arcs(plain(text))
