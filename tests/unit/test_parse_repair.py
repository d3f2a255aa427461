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


def _parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]):  # type: ignore[no-untyped-def]
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos)


def test_a_subject_parsed_as_an_apposition_of_a_fronted_phrase_is_given_back_to_its_verb() -> None:
    from kg.parse_repair import EventVerbRepair

    # "According to the Kremlin, a Yars missile was launched from Plesetsk." as the model parses
    # it in some contexts: "missile" an apposition of "Kremlin", "launched" with no subject
    words = [
        "According",
        "to",
        "the",
        "Kremlin",
        ",",
        "a",
        "Yars",
        "missile",
        "was",
        "launched",
        "from",
        "Plesetsk",
        ".",
    ]
    heads = [9, 0, 3, 1, 3, 7, 7, 3, 9, 9, 9, 10, 9]
    deps = [
        "prep",
        "prep",
        "det",
        "pobj",
        "punct",
        "det",
        "compound",
        "appos",
        "auxpass",
        "ROOT",
        "prep",
        "pobj",
        "punct",
    ]
    pos = [
        "VERB",
        "ADP",
        "DET",
        "PROPN",
        "PUNCT",
        "DET",
        "PROPN",
        "NOUN",
        "AUX",
        "VERB",
        "ADP",
        "PROPN",
        "PUNCT",
    ]
    doc = EventVerbRepair(set())(_parsed(words, heads, deps, pos))
    assert (doc[7].head.text, doc[7].dep_) == ("launched", "nsubjpass")
    assert doc[3].head.text == "to"


def test_a_verb_with_a_subject_keeps_its_appositions() -> None:
    from kg.parse_repair import EventVerbRepair

    # "Kim, the leader, watched the launch." : nothing to repair
    words = ["Kim", ",", "the", "leader", ",", "watched", "the", "launch", "."]
    heads = [5, 0, 3, 0, 0, 5, 7, 5, 5]
    deps = ["nsubj", "punct", "det", "appos", "punct", "ROOT", "det", "dobj", "punct"]
    pos = ["PROPN", "PUNCT", "DET", "NOUN", "PUNCT", "VERB", "DET", "NOUN", "PUNCT"]
    doc = EventVerbRepair(set())(_parsed(words, heads, deps, pos))
    assert (doc[3].head.text, doc[3].dep_) == ("Kim", "appos")


def _tagged(  # type: ignore[no-untyped-def]
    words: list[str], heads: list[int], deps: list[str], pos: list[str], tags: list[str], lemmas: list[str]
):
    from spacy.tokens import Doc
    from spacy.vocab import Vocab

    return Doc(Vocab(), words=words, heads=heads, deps=deps, pos=pos, tags=tags, lemmas=lemmas)


def test_a_verb_whose_subject_was_hung_on_it_as_a_compound_gets_it_back() -> None:
    from kg.parse_repair import EventVerbRepair

    # "An Unha-2 rocket lifts off from Sohae." as the model parses it in a timeline: "rocket" a
    # compound of the verb, the verb with no subject
    words = ["An", "Unha-2", "rocket", "lifts", "off", "from", "Sohae", "."]
    heads = [1, 3, 3, 3, 3, 3, 5, 3]
    deps = ["det", "poss", "compound", "ROOT", "prt", "prep", "pobj", "punct"]
    pos = ["DET", "ADJ", "NOUN", "VERB", "ADP", "ADP", "PROPN", "PUNCT"]
    tags = ["DT", "JJ", "NN", "VBZ", "RP", "IN", "NNP", "."]
    lemmas = ["an", "unha-2", "rocket", "lift", "off", "from", "Sohae", "."]
    doc = EventVerbRepair({"lift"})(_tagged(words, heads, deps, pos, tags, lemmas))
    assert (doc[2].head.text, doc[2].dep_) == ("lifts", "nsubj")
    assert doc[3].pos_ == "VERB"


def test_a_launch_noun_the_tagger_took_for_a_verb_is_a_noun_again() -> None:
    from kg.parse_repair import EventVerbRepair

    # "it would stop tests and ICBM launches": "launches" a verb conjoined to a noun, with the
    # weapon a compound of it; the subject of no verb
    words = ["it", "would", "stop", "tests", "and", "ICBM", "launches", "."]
    heads = [2, 2, 2, 2, 3, 6, 3, 2]
    deps = ["nsubj", "aux", "ROOT", "dobj", "cc", "compound", "conj", "punct"]
    pos = ["PRON", "AUX", "VERB", "NOUN", "CCONJ", "NOUN", "VERB", "PUNCT"]
    tags = ["PRP", "MD", "VB", "NNS", "CC", "NN", "VBZ", "."]
    lemmas = ["it", "would", "stop", "test", "and", "icbm", "launch", "."]
    doc = EventVerbRepair({"launch"})(_tagged(words, heads, deps, pos, tags, lemmas))
    assert (doc[6].pos_, doc[6].tag_) == ("NOUN", "NNS")
    assert (doc[5].head.text, doc[5].dep_) == ("launches", "compound")


def test_a_passives_subject_hung_on_it_as_a_compound_is_its_passive_subject() -> None:
    from kg.parse_repair import EventVerbRepair

    # "A Yars missile was launched from Plesetsk." with "missile" a compound of the verb
    words = ["A", "Yars", "missile", "was", "launched", "from", "Plesetsk", "."]
    heads = [2, 2, 4, 4, 4, 4, 5, 4]
    deps = ["det", "compound", "compound", "auxpass", "ROOT", "prep", "pobj", "punct"]
    pos = ["DET", "PROPN", "NOUN", "AUX", "VERB", "ADP", "PROPN", "PUNCT"]
    tags = ["DT", "NNP", "NN", "VBD", "VBN", "IN", "NNP", "."]
    lemmas = ["a", "Yars", "missile", "be", "launch", "from", "Plesetsk", "."]
    doc = EventVerbRepair({"launch"})(_tagged(words, heads, deps, pos, tags, lemmas))
    assert (doc[2].head.text, doc[2].dep_) == ("launched", "nsubjpass")


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("China staged drills near Taiwan.", "staged", "stage"),
        ("The navy is staging a drill.", "staging", "stage"),
        ("Iran stages war games every year.", "stages", "stage"),
        ("The two sides were hoping to sign a pact.", "hoping", "hope"),
        ("Seoul hoped to conclude the talks.", "hoped", "hope"),
    ],
)
def test_a_lexicon_verb_the_lemmatizer_misreads_gets_its_lemma(nlp, text: str, word: str, lemma: str) -> None:  # type: ignore[no-untyped-def]
    """en_core_web_sm lemmatizes "staged" as "stag" and "hoping" as "hop"; the rules look verbs
    up by lemma, so the repair gives a lexicon verb's forms their lemma back."""
    doc = nlp(text)
    assert next(t.lemma_ for t in doc if t.text == word) == lemma


def test_a_lemma_outside_the_lexicon_is_left_as_the_lemmatizer_gave_it(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp("The pilots sortied twice and the ships docked.")
    assert [t.lemma_ for t in doc if t.text in ("docked", "sortied")] == ["sortie", "dock"]


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        ("India tested the Agni-V. The missile flew 5,000 km.", 2),
        ("Moscow fired a Kh-X. It hit the target.", 2),
        ("They met John F. Kennedy in Vienna.", 1),
        ("The Agni-V. and the Agni-IV were shown.", 1),
    ],
)
def test_a_full_stop_on_a_weapons_one_letter_mark_ends_the_sentence(nlp, text: str, sentences: int) -> None:  # type: ignore[no-untyped-def]
    """The tokenizer keeps "Agni-V." whole, as it keeps an initial ("John F. Kennedy"); after a
    hyphen, before a capitalised word, it is the end of a sentence."""
    assert len(list(nlp(text).sents)) == sentences


@pytest.mark.parametrize(
    ("text", "root", "participle", "noun"),
    [
        (
            "The first test of the missile, labelled China-specific by some experts, from the same base"
            " on July 9, 2006 was unsuccessful.",
            "was",
            "labelled",
            "test",
        ),
        (
            "The exercises, codenamed Great Prophet-6, are to start Monday, said a commander.",
            "said",
            "codenamed",
            "exercises",
        ),
        (
            "The second launch, watched by Kim Jong Un from a command post, took place on Tuesday.",
            "took",
            "watched",
            "launch",
        ),
        ("The drill, dubbed Freedom Edge by the three allies, began on Monday.", "began", "dubbed", "drill"),
        (
            "The treaty, signed by both leaders in Pyongyang last June, took effect on Wednesday.",
            "took",
            "signed",
            "treaty",
        ),
    ],
)
def test_a_participle_set_off_by_commas_modifies_the_noun_before_it(  # type: ignore[no-untyped-def]
    nlp, text: str, root: str, participle: str, noun: str
) -> None:
    """ "The first test of the missile, labelled ... by some experts, ... was unsuccessful": the
    parser may take the participle for the clause's verb and the verb for its conjunct; the
    repair gives the clause back its verb, with the noun as subject and the participle on it."""
    doc = nlp(text)
    roots = [t.text for t in doc if t.dep_ == "ROOT"]
    part = next(t for t in doc if t.text == participle)
    assert roots == [root] and part.head.text == noun
