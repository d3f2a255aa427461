"""Cross-article linking of the same launch, exercise or treaty (pure rules)."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import kg.linking
import kg.relink
from kg.lexicon import load_lexicon
from kg.linking import (
    EXERCISE_WINDOW,
    ExerciseRow,
    LaunchRow,
    TreatyRow,
    exercise_groups,
    exercise_name,
    groups,
    launch_groups,
    link_triples,
    links,
    same_exercises,
    same_launches,
    same_treaties,
    treaty_groups,
)
from kg.models import PartialDate
from kg.namespaces import KGO
from kg.relink import articles_fingerprint

A = str(KGO.Asserted)
LEXICON = load_lexicon()


def row(
    iri: str,
    article: str,
    agent: str | None = "PRK",
    date: str | None = "2024-06-26",
    weapon: str | None = None,
    wclass: str | None = "ballistic missile",
    fact: str = A,
) -> LaunchRow:
    return LaunchRow(iri, article, agent, PartialDate.from_iso(date) if date else None, weapon, wclass, fact)


def _date(text: str | None) -> PartialDate | None:
    return PartialDate.from_iso(text) if text else None


def ex(
    iri: str,
    article: str,
    name: str = "Foal Eagle",
    date: str | None = "2017-03-01",
    participants: str = "KOR USA",
    fact: str = A,
    dateline: str | None = None,
) -> ExerciseRow:
    parts = frozenset(participants.split())
    return ExerciseRow(iri, article, name, _date(date), parts, fact, _date(dateline))


def tr(
    iri: str,
    article: str,
    name: str | None = None,
    date: str | None = "2005-10-03",
    parties: str = "IND PAK",
    fact: str = A,
) -> TreatyRow:
    return TreatyRow(iri, article, name, _date(date), frozenset(parties.split()), fact)


# --- launches -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b", "linked"),
    [
        (row("x:1", "a1"), row("x:2", "a2"), True),
        (row("x:1", "a1"), row("x:2", "a1"), False),  # one article: merged by the extractor, not linked
        (row("x:1", "a1"), row("x:2", "a2", agent="KOR"), False),
        (row("x:1", "a1"), row("x:2", "a2", date="2024-06-25"), False),
        (row("x:1", "a1", date="2024-06"), row("x:2", "a2", date="2024-06"), False),  # a month is too loose
        (row("x:1", "a1", date=None), row("x:2", "a2", date=None), False),
        (row("x:1", "a1", weapon="Hwasong-15"), row("x:2", "a2", weapon="Hwasong-14"), False),
        (row("x:1", "a1", wclass="missile"), row("x:2", "a2", wclass="short-range ballistic missile"), True),
        (row("x:1", "a1", wclass="cruise missile"), row("x:2", "a2", wclass="ballistic missile"), False),
        (row("x:1", "a1", fact=str(KGO.Expected)), row("x:2", "a2"), False),
    ],
)
def test_same_launch_rules(a: LaunchRow, b: LaunchRow, linked: bool) -> None:
    assert bool(same_launches([a, b], LEXICON)) is linked


def test_a_generic_launch_does_not_join_two_named_ones_that_differ() -> None:
    """sameEventAs is transitive: linking the generic missile to both would make one launch of a
    Hwasong-14 and a Hwasong-15."""
    rows = [row("x:1", "a1", weapon="Hwasong-15"), row("x:2", "a2", weapon="Hwasong-14"), row("x:3", "a3")]
    assert launch_groups(rows, LEXICON) == [["x:1", "x:3"]]


def test_two_launches_one_article_tells_apart_stay_two() -> None:
    """Article a1 tells two launches of the day; a2 one of them: two real-world launches."""
    rows = [row("x:1", "a1"), row("x:2", "a1"), row("x:3", "a2")]
    assert same_launches(rows, LEXICON) == [("x:1", "x:3")]


# --- exercises ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Ulchi Freedom Guardian", ("ulchifreedomguardian", None)),
        ("Ulchi-Freedom Guardian", ("ulchifreedomguardian", None)),  # an alias of the lexicon
        ("UFG", ("ulchifreedomguardian", None)),
        ("Rim of the Pacific", ("rimpac", None)),
        ("Zapad-2017", ("zapad", "2017")),
        ("zapad 2017", ("zapad", "2017")),
        ("Joint Sword-2024A", ("jointsword", "2024a")),
        ("Great Prophet 9", ("greatprophet", "9")),
        ("Payambar-e Azam 9", ("greatprophet", "9")),
        ("Maritime Cooperative Activity", ("maritimecooperativeactivity", None)),  # not in the lexicon
    ],
)
def test_exercise_names_are_canonical(name: str, key: tuple[str, str | None]) -> None:
    assert exercise_name(name, LEXICON) == key


@pytest.mark.parametrize(
    ("a", "b", "linked"),
    [
        # the same name told differently (an alias, hyphens), dates that overlap
        (ex("x:1", "a1", "Ulchi Freedom Guardian", "2017-08-21"), ex("x:2", "a2", "UFG", "2017-08-21"), True),
        (ex("x:1", "a1", "Ulchi-Freedom Guardian", "2017-08"),
         ex("x:2", "a2", "ulchi freedom guardian", "2017-08-21"), True),
        (ex("x:1", "a1", "RIMPAC", "2024-06-27"), ex("x:2", "a2", "Rim of the Pacific", "2024-07-10"), True),
        (ex("x:1", "a1", date="2019"), ex("x:2", "a2", date="2019-03"), True),  # a year spans its months
        # the same name in different years: the yearly exercise, not the same occasion
        (ex("x:1", "a1", date="2017-03-01"), ex("x:2", "a2", date="2018-03-01"), False),
        (ex("x:1", "a1", date="2017"), ex("x:2", "a2", date="2018-03"), False),
        # more than EXERCISE_WINDOW days apart
        (ex("x:1", "a1", date="2024-06-27"), ex("x:2", "a2", date="2024-11-13"), False),
        (ex("x:1", "a1", date="2017-03-01"), ex("x:2", "a2", date="2017-03-31"), True),
        (ex("x:1", "a1", date="2017-03-01"), ex("x:2", "a2", date="2017-04-03"), False),
        # other names, editions, participants
        (ex("x:1", "a1", "Foal Eagle"), ex("x:2", "a2", "Key Resolve"), False),
        (ex("x:1", "a1", "Zapad-2017", "2017-09-14"), ex("x:2", "a2", "Zapad", "2017-09"), True),
        (ex("x:1", "a1", "Zapad-2017", None), ex("x:2", "a2", "Zapad", "2021-09"), False),  # edition's year
        (ex("x:1", "a1", "Zapad-2017", "2017-09"), ex("x:2", "a2", "Zapad-2021", "2017-09"), False),
        (ex("x:1", "a1", "Joint Sword-2024A", "2024"), ex("x:2", "a2", "Joint Sword-2024B", "2024"), False),
        (ex("x:1", "a1", participants="KOR USA"), ex("x:2", "a2", participants="USA"), True),
        (ex("x:1", "a1", participants="KOR USA"), ex("x:2", "a2", participants=""), True),
        (ex("x:1", "a1", participants="KOR USA"), ex("x:2", "a2", participants="RUS CHN"), False),
        # undated: the one of its edition's year, else the one around its article's dateline
        (ex("x:1", "a1", "Zapad-2017", None), ex("x:2", "a2", "Zapad", "2017-09-14"), True),
        (ex("x:1", "a1", date=None, dateline="2017-03-10"), ex("x:2", "a2", date="2017-03-01"), True),
        (ex("x:1", "a1", date=None, dateline="2017-06-19"), ex("x:2", "a2", date="2017-03-01"), False),
        (ex("x:1", "a1", date=None, dateline="2017-03-10"), ex("x:2", "a2", date=None, dateline="2017-03-20"),
         True),
        (ex("x:1", "a1", date=None), ex("x:2", "a2", date="2017-03-01"), True),  # nothing contradicts
        # what did not happen, and one article
        (ex("x:1", "a1", fact=str(KGO.Expected)), ex("x:2", "a2"), False),
        (ex("x:1", "a1"), ex("x:2", "a1"), False),
    ],
)  # fmt: skip
def test_same_exercise_rules(a: ExerciseRow, b: ExerciseRow, linked: bool) -> None:
    assert bool(same_exercises([a, b], LEXICON)) is linked
    assert bool(same_exercises([b, a], LEXICON)) is linked


def test_the_window_is_a_month() -> None:
    assert EXERCISE_WINDOW == 31


def test_a_vague_exercise_that_fits_two_occasions_is_left_unlinked() -> None:
    """Freedom Edge was held in June and in November 2024: "Freedom Edge" of 2024 (an article
    that gives only the year) could be either, so it is linked to neither, and an undated one
    with no dateline neither; the two occasions keep their own links."""
    rows = [
        ex("x:june-a", "a1", "Freedom Edge", "2024-06-27", "JPN KOR USA"),
        ex("x:june-b", "a2", "Freedom Edge", "2024-06-28", "JPN KOR USA"),
        ex("x:nov-a", "a3", "Freedom Edge", "2024-11-13", "JPN KOR USA"),
        ex("x:nov-b", "a4", "Freedom Edge", "2024-11", "JPN KOR USA"),
        ex("x:year", "a5", "Freedom Edge", "2024", "JPN KOR USA"),
        ex("x:undated", "a6", "Freedom Edge", None, "JPN KOR USA"),
    ]
    assert exercise_groups(rows, LEXICON) == [["x:june-a", "x:june-b"], ["x:nov-a", "x:nov-b"]]
    # with one occasion only, the vague ones join it
    assert exercise_groups(rows[:2] + rows[4:], LEXICON) == [["x:june-a", "x:june-b", "x:undated", "x:year"]]


def test_an_article_that_tells_two_phases_keeps_them_apart() -> None:
    """Malabar 2020 had two phases, told apart by article a1; a2's telling of the second phase
    joins that one only, and a1's month-dated "Malabar" (it fits a group holding a1's own node)
    stays alone."""
    rows = [
        ex("x:1", "a1", "Malabar 2020", "2020-11-03", "AUS IND JPN USA"),
        ex("x:2", "a1", "Malabar 2020", "2020-11-17", "AUS IND JPN USA"),
        ex("x:3", "a2", "Malabar", "2020-11-17", "IND USA"),
        ex("x:4", "a1", "Malabar", "2020-11", "IND USA"),
    ]
    assert same_exercises(rows, LEXICON) == [("x:2", "x:3")]


# --- treaties -----------------------------------------------------------------------------

RU, KP, RAA, OPEN_SKIES = "RUS USA", "KOR PRK", "Reciprocal Access Agreement", "Open Skies Treaty"
NEW_START_2010 = tr("x:1", "a1", "New START", "2010", RU)
CMA = tr("x:2", "a2", "Comprehensive Military Agreement", "2018-09-19", KP)


@pytest.mark.parametrize(
    ("a", "b", "linked"),
    [
        # no name: the same parties and the same year of signing
        (tr("x:1", "a1", date="2005"), tr("x:2", "a2", date="2005-10-03"), True),
        (tr("x:1", "a1", parties="PAK IND"), tr("x:2", "a2", name="Agreement on Pre-Notification"), True),
        (tr("x:1", "a1", date="2005"), tr("x:2", "a2", date="2006"), False),
        (tr("x:1", "a1", date="2018-04"), tr("x:2", "a2", date="2018-09"), False),
        (tr("x:1", "a1", parties="IND PAK"), tr("x:2", "a2", parties="CHN IND"), False),
        (tr("x:1", "a1", parties="IND PAK"), tr("x:2", "a2", parties="IND PAK USA"), False),
        (tr("x:1", "a1", parties="IND"), tr("x:2", "a2", parties="IND"), False),  # one party: not an identity
        (tr("x:1", "a1", date=None), tr("x:2", "a2"), False),  # no name and no year: nothing to go by
        # a name: the same treaty, told by its aliases too
        (NEW_START_2010, tr("x:2", "a2", "New Strategic Arms Reduction Treaty", "2010-04-08", RU), True),
        (tr("x:1", "a1", "inter-Korean military agreement", "2018", KP), CMA, True),
        (tr("x:1", "a1", OPEN_SKIES, None, RU), tr("x:2", "a2", OPEN_SKIES, None, "USA"), True),
        (NEW_START_2010, tr("x:2", "a2", "New START", "2021-02-03", RU), False),  # the extension
        (tr("x:1", "a1", RAA, "2024-07-08", "JPN PHL"), tr("x:2", "a2", RAA, "2022-01", "AUS JPN"), False),
        (tr("x:1", "a1", RAA, None, "JPN PHL"), tr("x:2", "a2", RAA, None, "AUS JPN"), False),
        (tr("x:1", "a1", "Pyongyang Joint Declaration", "2018-09-19", KP), CMA, False),
        (tr("x:1", "a1", fact=str(KGO.Negated)), tr("x:2", "a2"), False),
        (tr("x:1", "a1"), tr("x:2", "a1"), False),
    ],
)  # fmt: skip
def test_same_treaty_rules(a: TreatyRow, b: TreatyRow, linked: bool) -> None:
    assert bool(same_treaties([a, b], LEXICON)) is linked
    assert bool(same_treaties([b, a], LEXICON)) is linked


def test_an_undated_treaty_joins_the_one_occasion_of_its_name() -> None:
    new_start = [
        tr("x:2010a", "a1", "New START", "2010", "RUS USA"),
        tr("x:2010b", "a2", "New START", "2010-04", "RUS USA"),
        tr("x:2021", "a3", "New START", "2021-02-03", "RUS USA"),  # the extension
        tr("x:undated", "a4", "New START", None, "RUS USA"),
    ]
    assert treaty_groups(new_start, LEXICON) == [["x:2010a", "x:2010b"]]
    assert treaty_groups([new_start[0], new_start[3]], LEXICON) == [["x:2010a", "x:undated"]]


def test_an_agreement_without_a_name_that_fits_two_is_left_unlinked() -> None:
    """The two Koreas signed the Panmunjom Declaration in April 2018 and the Comprehensive
    Military Agreement in September: "an agreement" of theirs from 2018 is neither."""
    rows = [
        tr("x:pan-a", "a1", "Panmunjom Declaration", "2018-04-27", "KOR PRK"),
        tr("x:pan-b", "a2", "Panmunjom Declaration", "2018-04", "KOR PRK"),
        tr("x:cma-a", "a3", "Comprehensive Military Agreement", "2018-09-19", "KOR PRK"),
        tr("x:cma-b", "a4", "inter-Korean military agreement", "2018-09", "KOR PRK"),
        tr("x:2018", "a5", None, "2018", "KOR PRK"),
        tr("x:sept", "a6", None, "2018-09-19", "KOR PRK"),
    ]
    assert treaty_groups(rows, LEXICON) == [["x:cma-a", "x:cma-b", "x:sept"], ["x:pan-a", "x:pan-b"]]
    without_april = [r for r in rows if not r.iri.startswith("x:pan")]
    assert treaty_groups(without_april, LEXICON) == [["x:2018", "x:cma-a", "x:cma-b", "x:sept"]]


# --- groups -------------------------------------------------------------------------------


def test_each_node_of_a_group_is_linked_to_the_first() -> None:
    """Linear in a group's size: all pairs of a thousand tellings would be half a million."""
    assert links([["x:3", "x:1", "x:2"], ["y:2", "y:1"]]) == [("x:1", "x:2"), ("x:1", "x:3"), ("y:1", "y:2")]
    assert len(links([[f"x:{i:04d}" for i in range(1000)]])) == 999


def test_links_go_both_ways() -> None:
    triples = link_triples([("x:1", "x:2")])
    assert {(str(s), str(o)) for s, _, o in triples} == {("x:1", "x:2"), ("x:2", "x:1")}


_NAMES = ["Foal Eagle", "Foal Eagle 2017", "Foal Eagle 2018", "UFG", "Ulchi Freedom Guardian"]
_DATES = [None, "2017", "2018", "2017-03", "2017-04", "2018-03", "2017-03-01", "2017-03-20", "2017-04-15"]
_exercise = st.builds(
    lambda i, article, name, date, parts, dateline: ex(
        f"x:{i:03d}", f"a{article}", name, date, parts, A, dateline
    ),
    st.integers(0, 999),
    st.integers(0, 4),
    st.sampled_from(_NAMES),
    st.sampled_from(_DATES),
    st.sampled_from(["KOR USA", "USA", "", "JPN"]),
    st.sampled_from([None, "2017-03-05", "2018-03-10"]),
)
_treaty = st.builds(
    lambda i, article, name, date, parts: tr(f"x:{i:03d}", f"a{article}", name, date, parts),
    st.integers(0, 999),
    st.integers(0, 4),
    st.sampled_from([None, None, "New START", "New Strategic Arms Reduction Treaty", "INF Treaty"]),
    st.sampled_from([None, "2010", "2010-04", "2010-04-08", "2021-02-03", "1987"]),
    st.sampled_from(["RUS USA", "RUS", "", "CHN RUS"]),
)


def _check_groups(found: list[list[str]], by_iri: dict[str, object], pairwise: object) -> None:
    seen: set[str] = set()
    for group in found:
        assert not seen & set(group), "a node in two groups"
        seen |= set(group)
        for i, a in enumerate(group):
            for b in group[i + 1 :]:
                # every two nodes of a group: different articles, linked had they been alone
                assert pairwise([by_iri[a], by_iri[b]], LEXICON), (a, b)  # type: ignore[operator]


@settings(max_examples=200, deadline=None)
@given(st.lists(_exercise, max_size=12, unique_by=lambda r: r.iri), st.randoms(use_true_random=False))
def test_exercise_groups_are_consistent_and_independent_of_order(
    rows: list[ExerciseRow], rnd: random.Random
) -> None:
    found = exercise_groups(rows, LEXICON)
    _check_groups(found, {r.iri: r for r in rows}, same_exercises)
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert exercise_groups(shuffled, LEXICON) == found


@settings(max_examples=200, deadline=None)
@given(st.lists(_treaty, max_size=12, unique_by=lambda r: r.iri), st.randoms(use_true_random=False))
def test_treaty_groups_are_consistent_and_independent_of_order(
    rows: list[TreatyRow], rnd: random.Random
) -> None:
    found = treaty_groups(rows, LEXICON)
    _check_groups(found, {r.iri: r for r in rows}, same_treaties)
    shuffled = list(rows)
    rnd.shuffle(shuffled)
    assert treaty_groups(shuffled, LEXICON) == found


def _plain_groups(rows: Sequence[Any], compatible: Any, level: Any, distance: Any, *_: Any, **__: Any) -> Any:
    """kg.linking.groups as its docstring tells it, comparing every two rows (no buckets, no
    kinds): what the faster one must give."""
    formed: list[list[Any]] = []
    alone: list[list[Any]] = []
    ordered = sorted(rows, key=lambda r: r.iri)
    for current in sorted({level(r) for r in ordered}):
        earlier = list(formed)
        loose = []
        for row in (r for r in ordered if level(r) == current):
            fits = [g for g in earlier if all(compatible(row, m) for m in g)]
            if not fits:
                loose.append(row)
            elif len(fits) == 1 and all(m.article != row.article for m in fits[0]):
                fits[0].append(row)
            else:
                alone.append([row])
        group_of = {r.iri: [r] for r in loose}
        pairs = [(a, b) for a, b in combinations(loose, 2) if a.article != b.article and compatible(a, b)]
        for _, a, b in sorted(((distance(a, b), a.iri, b.iri), a, b) for a, b in pairs):
            ga, gb = group_of[a.iri], group_of[b.iri]
            if ga is gb or any(x.article == y.article or not compatible(x, y) for x in ga for y in gb):
                continue
            ga.extend(gb)
            for r in gb:
                group_of[r.iri] = ga
        formed += list({id(g): g for g in group_of.values()}.values())
    return formed + alone


def _iris(found: list[list[Any]]) -> list[list[str]]:
    return sorted(sorted(r.iri for r in g) for g in found)


# Many rows of few kinds, from many articles: groups of several kinds, rows that fit some
# kinds of a group and not others.
_many_exercises = st.lists(
    st.builds(
        lambda i, article, name, date, parts: ex(
            f"x:{i:03d}", f"a{article}", name, date, parts, A, "2017-03-05"
        ),
        st.integers(0, 999),
        st.integers(0, 9),
        st.sampled_from(["Foal Eagle", "Foal Eagle 2017", "UFG"]),
        st.sampled_from([None, "2017", "2017-03", "2017-03-01", "2017-03-20", "2017-04-15"]),
        st.sampled_from(["KOR USA", "USA", "JPN"]),
    ),
    max_size=40,
    unique_by=lambda r: r.iri,
)
_many_treaties = st.lists(
    st.builds(
        lambda i, article, name, date, parts: tr(f"x:{i:03d}", f"a{article}", name, date, parts),
        st.integers(0, 999),
        st.integers(0, 9),
        st.sampled_from([None, "New START"]),
        st.sampled_from([None, "2010", "2010-04", "2010-04-08", "2010-05-01"]),
        st.sampled_from(["RUS USA", "RUS", "CHN RUS"]),
    ),
    max_size=40,
    unique_by=lambda r: r.iri,
)


@settings(max_examples=400, deadline=None)
@given(_many_exercises, _many_treaties)
def test_groups_formed_by_kinds_of_rows_are_those_formed_row_by_row(
    exercises: list[ExerciseRow], treaties: list[TreatyRow]
) -> None:
    """exercise_groups and treaty_groups ask `compatible` once for two kinds of rows and compare a
    row with one row of each kind of a group (kg.linking.groups): the groups are those of
    comparing every two rows (`_plain_groups`)."""
    found = exercise_groups(exercises, LEXICON), treaty_groups(treaties, LEXICON)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(kg.linking, "groups", _plain_groups)
        assert (exercise_groups(exercises, LEXICON), treaty_groups(treaties, LEXICON)) == found


@dataclass(frozen=True)
class _Told:
    iri: str
    article: str
    value: int  # what the row tells: its kind
    level: int


@settings(max_examples=400, deadline=None)
@given(
    st.lists(
        st.builds(
            _Told,
            st.from_regex(r"x:[0-9]{3}", fullmatch=True),
            st.sampled_from("abcdefgh"),
            st.integers(0, 6),
            st.integers(0, 2),
        ),
        max_size=40,
        unique_by=lambda r: r.iri,
    ),
    st.booleans(),
)
def test_groups_by_kind_when_compatible_is_not_transitive(rows: list[_Told], bucketed: bool) -> None:
    """kg.linking.groups with `kind` gives the groups it gives comparing every two rows, for
    a `compatible` under which a row may fit some kinds of a group and not others (values
    at most 1 apart: 1 fits 0 and 2, which do not fit each other)."""

    def compatible(a: _Told, b: _Told) -> bool:
        return abs(a.value - b.value) <= 1

    def distance(a: _Told, b: _Told) -> int:
        return abs(a.value - b.value)

    def level(r: _Told) -> int:
        return r.level

    def bucket(r: _Told) -> int | None:  # values 5 and 6 are compatible with none below 4
        return None if r.value < 5 else 1

    buckets = bucket if bucketed else None
    plain = _iris(_plain_groups(rows, compatible, level, distance))
    assert _iris(groups(rows, compatible, level, distance, buckets, kind=lambda r: r.value)) == plain
    assert _iris(groups(rows, compatible, level, distance, buckets)) == plain


def test_the_fingerprint_of_the_articles_is_their_set() -> None:
    hashes: dict[str, str | None] = {"a": "1" * 64, "b": None, "c": "2" * 64}
    fingerprint = articles_fingerprint(hashes)
    assert fingerprint == articles_fingerprint(dict(reversed(list(hashes.items()))))
    assert fingerprint != articles_fingerprint({**hashes, "b": "3" * 64})  # an article changed
    assert fingerprint != articles_fingerprint({k: v for k, v in hashes.items() if k != "c"})  # removed
    assert fingerprint != articles_fingerprint({**hashes, "d": None})  # added
    assert articles_fingerprint({"a\tb": None}) != articles_fingerprint({"a": "b"})  # no ambiguity


def test_the_fingerprint_says_by_which_rules_the_links_were_made(monkeypatch: pytest.MonkeyPatch) -> None:
    """Links made by other rules (main's launch pairs) are all computed again, though no article
    changed."""
    hashes: dict[str, str | None] = {"a": "1" * 64}
    fingerprint = articles_fingerprint(hashes)
    monkeypatch.setattr(kg.relink, "LINKS_SCHEME", "kg-links-1")
    assert articles_fingerprint(hashes) != fingerprint
