"""Across articles: the same real-world launch, exercise or treaty told by several articles.

Each article keeps its own event nodes (its graph is replaced whenever the article is rebuilt),
and `kgo:sameEventAs` links the nodes of different articles that tell one event. The links live
in their own graph (`kgr:graph/links`) and are recomputed from the store after every build,
removal and import into a store that holds data, so rebuilding or removing an article never
leaves a stale link. Only events
that happened (asserted or claimed) are linked. What tells one event from another, read from the
light named queries `launch-keys`, `exercise-keys` and `treaty-keys`:

- a launch: the same agent, the same day, and weapons that do not contradict (two named weapons
  are equal; the classes are one the other or broader);
- an exercise, only a named one: the same name once canonicalised (the lexicon's aliases, case,
  spaces and hyphens: "Ulchi-Freedom Guardian", "UFG" and "Ulchi Freedom Guardian" are one),
  editions that do not differ ("Zapad" may be "Zapad-2017", "Zapad-2021" is not), participants
  that overlap, and dates no more than EXERCISE_WINDOW days apart (a month or a year counts as its
  whole span; a year edition is the year of the other's date). An undated exercise stands for
  the one of its edition's year, else for the one going on around its article's dateline;
  without either, only its name and participants are compared;
- a treaty: the same name with parties one within the other, or, when either has no name, the
  same two or more parties; and dates equal at the shorter precision, given on both when either
  has no name (the year of signing is then part of what identifies it).

Every two nodes of a group are compatible and come from different articles (`groups`), and
each node is linked to its group's first (`links`): `kgo:sameEventAs` is transitive in the
ontology, so a chain of links never joins tellings that contradict (a Hwasong-14 and a
Hwasong-15 through a generic "missile", Freedom Edge in June and in November through a "Freedom
Edge" of 2024), and one article that tells two occasions apart keeps them apart. Groups are
formed from the most precisely dated nodes first (the day, the month, the year, undated): a
vaguer node joins the one group it fits, and is left unlinked when it fits several (it cannot
tell which) or only one that already holds a node of its own article. Among nodes dated alike,
the closest pairs are joined first. The named query `distinct-events` counts real-world events
by the step from each node to its group's first (`distinct-launches` the launches).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
from calendar import monthrange
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations
from typing import Protocol, TypeVar

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.evaluate import dates_agree
from kg.factualities import REPORTED
from kg.lexicon import EDITION, Lexicon
from kg.models import EventType, PartialDate
from kg.namespaces import KGO, LINKS_GRAPH
from kg.queries import load_query
from kg.rdf import date_from_literal
from kg.remote import bind_rows
from kg.store import GraphStore, from_ox

# Only events that happened are linked: the factualities kg.factualities.REPORTED names.
COUNTED = frozenset(str(KGO[f.value.capitalize()]) for f in REPORTED)
# How many days apart two dates of one named exercise may be: about a month, what most named
# exercises last (Foal Eagle, the longest of the usual ones, two), and less than the time
# between two occasions of one name (Freedom Edge in June and November 2024, Han Kuang's
# tabletop and live-fire phases three months apart).
EXERCISE_WINDOW = 31
_YEAR_EDITION = re.compile(r"^(?:19|20)\d{2}")
_UNDATED = 3  # the level of an undated node: after the day (0), the month (1) and the year (2)
_LEVEL = {"day": 0, "month": 1, "year": 2}


@dataclass(frozen=True, slots=True)
class LaunchRow:
    iri: str
    article: str
    agent: str | None
    date: PartialDate | None
    weapon: str | None  # a named weapon's label, None for a generic one
    weapon_class: str | None
    factuality: str  # the factuality IRI


@dataclass(frozen=True, slots=True)
class ExerciseRow:
    iri: str
    article: str
    name: str  # as the graph gives it; only named exercises are linked
    date: PartialDate | None
    participants: frozenset[str]  # ISO codes
    factuality: str  # the factuality IRI
    dateline: PartialDate | None = None  # the article's


@dataclass(frozen=True, slots=True)
class TreatyRow:
    iri: str
    article: str
    name: str | None
    date: PartialDate | None
    parties: frozenset[str]  # ISO codes of the signatories
    factuality: str  # the factuality IRI


class _Row(Protocol):
    @property
    def iri(self) -> str: ...
    @property
    def article(self) -> str: ...


R = TypeVar("R", bound=_Row)


# --- launches -----------------------------------------------------------------------------


def same_launch(a: LaunchRow, b: LaunchRow, lexicon: Lexicon) -> bool:
    """Two launch nodes of different articles that tell the same launch."""
    if a.article == b.article or a.agent is None or a.agent != b.agent:
        return False
    if a.factuality not in COUNTED or b.factuality not in COUNTED:
        return False
    if a.date is None or b.date is None or a.date.precision != "day" or a.date != b.date:
        return False
    if a.weapon and b.weapon and a.weapon != b.weapon:
        return False
    return lexicon.classes_compatible(a.weapon_class, b.weapon_class)


def launch_groups(rows: Sequence[LaunchRow], lexicon: Lexicon) -> list[list[str]]:
    """The groups (sorted IRIs, two or more) of launch nodes that tell one launch (pure)."""
    by_key: dict[tuple[str | None, PartialDate | None], list[LaunchRow]] = {}
    for row in rows:
        by_key.setdefault((row.agent, row.date), []).append(row)

    def differences(a: LaunchRow, b: LaunchRow) -> int:
        return int(a.weapon != b.weapon) + int(a.weapon_class != b.weapon_class)

    def compatible(a: LaunchRow, b: LaunchRow) -> bool:
        return same_launch(a, b, lexicon)

    found = [groups(bucket, compatible, lambda _: 0, differences) for bucket in by_key.values()]
    return _linked(g for block in found for g in block)


def same_launches(rows: Sequence[LaunchRow], lexicon: Lexicon) -> list[tuple[str, str]]:
    """Pairs (a, b), a < b, of launch IRIs that tell the same launch (pure)."""
    return pairs(launch_groups(rows, lexicon))


# --- exercises ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class _ExerciseKey:
    name: str  # the canonical name without its edition, folded
    edition: str | None  # folded: "2017", "2024a", "9"
    year: int | None  # the edition's year, when it is one
    span: tuple[dt.date, dt.date] | None  # the days it may fall on: its date, else edition, else dateline
    level: int


def exercise_name(name: str, lexicon: Lexicon) -> tuple[str, str | None]:
    """(name, edition), canonical and folded: "Ulchi-Freedom Guardian" -> ("ulchifreedomguardian",
    None), "Zapad 2017" -> ("zapad", "2017"), "Joint Sword-2024A" -> ("jointsword", "2024a")."""
    canonical = " ".join(lexicon.canonical_event_name("Exercise", name).split())
    edition = EDITION.search(canonical)
    if edition is None or not canonical[: edition.start()].strip():
        return _fold(canonical), None
    return _fold(canonical[: edition.start()]), _fold(edition.group(0))


def _exercise_key(row: ExerciseRow, lexicon: Lexicon) -> _ExerciseKey:
    name, edition = exercise_name(row.name, lexicon)
    year = int(edition[:4]) if edition and _YEAR_EDITION.match(edition) else None
    if row.date is not None:
        return _ExerciseKey(name, edition, year, _span(row.date), _LEVEL[row.date.precision])
    if year is not None:
        return _ExerciseKey(name, edition, year, _span(PartialDate(year)), _LEVEL["year"])
    span = _span(row.dateline) if row.dateline else None
    return _ExerciseKey(name, edition, year, span, _UNDATED)


def exercise_groups(rows: Sequence[ExerciseRow], lexicon: Lexicon) -> list[list[str]]:
    """The groups (sorted IRIs, two or more) of exercise nodes that tell one exercise (pure)."""
    keys = {row.iri: _exercise_key(row, lexicon) for row in rows}

    def compatible(a: ExerciseRow, b: ExerciseRow) -> bool:
        ka, kb = keys[a.iri], keys[b.iri]
        if a.factuality not in COUNTED or b.factuality not in COUNTED or ka.name != kb.name:
            return False
        if ka.edition and kb.edition and ka.edition != kb.edition:
            return False
        if a.participants and b.participants and not a.participants & b.participants:
            return False
        for kx, y in ((ka, b), (kb, a)):
            if kx.year is not None and y.date is not None and y.date.year != kx.year:
                return False  # "Zapad-2017" is not an exercise dated 2021
        return ka.span is None or kb.span is None or _gap(ka.span, kb.span) <= EXERCISE_WINDOW

    def days_apart(a: ExerciseRow, b: ExerciseRow) -> int:
        sa, sb = keys[a.iri].span, keys[b.iri].span
        return 0 if sa is None or sb is None else _gap(sa, sb)

    blocks: dict[str, list[ExerciseRow]] = {}
    for row in rows:
        blocks.setdefault(keys[row.iri].name, []).append(row)
    found = [groups(block, compatible, lambda r: keys[r.iri].level, days_apart) for block in blocks.values()]
    return _linked(g for block in found for g in block)


def same_exercises(rows: Sequence[ExerciseRow], lexicon: Lexicon) -> list[tuple[str, str]]:
    """Pairs (a, b), a < b, of exercise IRIs that tell the same exercise (pure)."""
    return pairs(exercise_groups(rows, lexicon))


# --- treaties -----------------------------------------------------------------------------


def treaty_groups(rows: Sequence[TreatyRow], lexicon: Lexicon) -> list[list[str]]:
    """The groups (sorted IRIs, two or more) of treaty nodes that tell one treaty (pure)."""
    names = {r.iri: _fold(lexicon.canonical_event_name("Treaty", r.name)) if r.name else None for r in rows}

    def compatible(a: TreatyRow, b: TreatyRow) -> bool:
        if a.factuality not in COUNTED or b.factuality not in COUNTED:
            return False
        na, nb = names[a.iri], names[b.iri]
        if na and nb:
            if na != nb:
                return False
            if a.parties and b.parties and not (a.parties <= b.parties or b.parties <= a.parties):
                return False
            return dates_agree(a.date, b.date)
        # an agreement without a name: by its parties and its date
        if len(a.parties) < 2 or a.parties != b.parties or a.date is None or b.date is None:
            return False
        return dates_agree(a.date, b.date)

    def level(row: TreatyRow) -> int:  # named ones before unnamed ones dated alike
        return 2 * (_LEVEL[row.date.precision] if row.date else _UNDATED) + int(names[row.iri] is None)

    def distance(a: TreatyRow, b: TreatyRow) -> int:
        return int(a.date != b.date)

    # blocks, to compare only rows that may match: those that share a name, or two or more
    # parties and a year (what a row without a name is matched by)
    parent = {row.iri: row.iri for row in rows}

    def root(iri: str) -> str:
        while parent[iri] != iri:
            parent[iri] = parent[parent[iri]]
            iri = parent[iri]
        return iri

    def by_parties(row: TreatyRow) -> tuple[object, ...] | None:
        return ("parties", row.parties, row.date.year) if len(row.parties) >= 2 and row.date else None

    unnamed = {by_parties(r) for r in rows if names[r.iri] is None} - {None}
    first: dict[object, str] = {}
    for row in rows:
        keys: list[object] = [("name", names[row.iri])] if names[row.iri] else []
        if by_parties(row) in unnamed:
            keys.append(by_parties(row))
        for key in keys:
            other = first.setdefault(key, row.iri)
            parent[root(row.iri)] = root(other)
    blocks: dict[str, list[TreatyRow]] = {}
    for row in rows:
        blocks.setdefault(root(row.iri), []).append(row)
    found = [groups(block, compatible, level, distance) for block in blocks.values()]
    return _linked(g for block in found for g in block)


def same_treaties(rows: Sequence[TreatyRow], lexicon: Lexicon) -> list[tuple[str, str]]:
    """Pairs (a, b), a < b, of treaty IRIs that tell the same treaty (pure)."""
    return pairs(treaty_groups(rows, lexicon))


# --- groups -------------------------------------------------------------------------------


def groups(
    rows: Sequence[R],
    compatible: Callable[[R, R], bool],
    level: Callable[[R], int],
    distance: Callable[[R, R], int],
) -> list[list[R]]:
    """Rows -> groups in which every two rows are `compatible` and of different articles (pure).

    Levels are taken in order (the lowest, the most precise, first). A row fits a group formed
    at an earlier level when it is compatible with each of its rows; it joins the group if it
    fits that one only and the group holds no row of its article, and otherwise, fitting
    several or that one, stays alone and is offered to no later row. The rows that fit no
    group are joined among themselves, the pairs of least `distance` first (then by IRI), two
    groups being joined only when the result is still such a group.
    """
    ordered = sorted(rows, key=lambda r: r.iri)
    formed: list[list[R]] = []  # open to the rows of later levels
    alone: list[list[R]] = []
    for current in sorted({level(r) for r in ordered}):
        earlier = list(formed)
        loose: list[R] = []
        for row in (r for r in ordered if level(r) == current):
            fits = [g for g in earlier if all(compatible(row, m) for m in g)]
            if not fits:
                loose.append(row)
            elif len(fits) == 1 and all(m.article != row.article for m in fits[0]):
                fits[0].append(row)
            else:
                alone.append([row])
        formed.extend(_join(loose, compatible, distance))
    return formed + alone


def _join(
    rows: Sequence[R], compatible: Callable[[R, R], bool], distance: Callable[[R, R], int]
) -> list[list[R]]:
    """Greedy complete linkage of `rows` (sorted by IRI), closest pairs first."""
    group_of: dict[str, list[R]] = {r.iri: [r] for r in rows}
    candidates = sorted(
        ((distance(a, b), a.iri, b.iri), a, b)
        for a, b in combinations(rows, 2)
        if a.article != b.article and compatible(a, b)
    )
    for _, a, b in candidates:
        ga, gb = group_of[a.iri], group_of[b.iri]
        if ga is gb or any(x.article == y.article or not compatible(x, y) for x in ga for y in gb):
            continue
        ga.extend(gb)
        for r in gb:
            group_of[r.iri] = ga
    unique = {id(g): g for g in group_of.values()}
    return list(unique.values())


def _linked(found: Iterator[list[R]] | Sequence[list[R]]) -> list[list[str]]:
    """The groups of two or more rows, as sorted IRIs, sorted."""
    return sorted(sorted(r.iri for r in g) for g in found if len(g) > 1)


def pairs(found: Sequence[Sequence[str]]) -> list[tuple[str, str]]:
    """Every pair (a, b), a < b, of each group."""
    return sorted(pair for g in found for pair in combinations(sorted(g), 2))


def links(found: Sequence[Sequence[str]]) -> list[tuple[str, str]]:
    """The links written for the groups: each node to its group's first (smallest) IRI.

    Linear in the size of a group, where every pair would be quadratic: "the 1953 armistice" is
    told by most articles on Korea, and a thousand tellings would make half a million pairs.
    `kgo:sameEventAs` is transitive, so a query reaches the rest of a group by a path
    (`kgo:sameEventAs+`), as `distinct-events` does."""
    return sorted((g[0], other) for g in (sorted(g) for g in found) for other in g[1:])


def link_triples(pairs: Sequence[tuple[str, str]]) -> list[tuple[URIRef, URIRef, Node]]:
    """Both directions, so a query needs no reasoner to follow a link."""
    out: list[tuple[URIRef, URIRef, Node]] = []
    for a, b in pairs:
        out.append((URIRef(a), KGO.sameEventAs, URIRef(b)))
        out.append((URIRef(b), KGO.sameEventAs, URIRef(a)))
    return out


def _fold(text: str) -> str:
    """Case, spaces, hyphens and punctuation left out: "Ulchi-Freedom Guardian" = "ulchi freedom guardian"."""
    return re.sub(r"[\W_]+", "", text.casefold())


def _span(date: PartialDate) -> tuple[dt.date, dt.date]:
    """The first and last day a date of any precision covers."""
    if date.month is None:
        return dt.date(date.year, 1, 1), dt.date(date.year, 12, 31)
    if date.day is None:
        last = monthrange(date.year, date.month)[1]
        return dt.date(date.year, date.month, 1), dt.date(date.year, date.month, last)
    day = dt.date(date.year, date.month, date.day)
    return day, day


def _gap(a: tuple[dt.date, dt.date], b: tuple[dt.date, dt.date]) -> int:
    """Days between two spans; 0 when they overlap."""
    return max(0, (b[0] - a[1]).days, (a[0] - b[1]).days)


# --- reading the store --------------------------------------------------------------------


#: Events bound in one query (VALUES) when reading a few of them.
CHUNK = 500


def _solutions(
    store: GraphStore, name: str, events: Iterable[str] | None = None
) -> Iterator[dict[str, object]]:
    """The rows of a named query as {variable: rdflib term or None}: all of them, or those of
    `events` (IRIs bound to ?event by VALUES, CHUNK at a time)."""
    text = load_query(name).text
    if events is None:
        queries: Iterable[str] = [text]
    else:
        wanted = [(URIRef(e),) for e in sorted(set(events))]
        queries = (bind_rows(text, ["event"], wanted[i : i + CHUNK]) for i in range(0, len(wanted), CHUNK))
    for sparql in queries:
        result = store.query(sparql)
        for row in result.rows:
            yield {v: None if t is None else from_ox(t) for v, t in zip(result.variables, row, strict=True)}


def _text(value: object) -> str | None:
    return None if value is None else str(value)


def _date(value: object) -> PartialDate | None:
    """A date literal of any precision; None for one that is not (a graph made by another tool)."""
    if not isinstance(value, Literal):
        return None
    try:
        return date_from_literal(value)
    except ValueError:
        return None


def _codes(value: object) -> frozenset[str]:
    return frozenset(str(value).split()) if value is not None else frozenset()


def launch_rows(store: GraphStore, events: Iterable[str] | None = None) -> list[LaunchRow]:
    """The launches that can be linked, from the light named query `launch-keys`: all, or those
    of `events`."""
    rows: dict[str, LaunchRow] = {}
    for s in _solutions(store, "launch-keys", events):
        iri = _text(s["event"]) or ""
        article, factuality = _text(s["article"]) or "", _text(s["factuality"]) or ""
        row = LaunchRow(
            iri,
            article,
            _text(s["agent"]),
            _date(s["date"]),
            _text(s["weapon"]),
            _text(s["class"]),
            factuality,
        )
        rows.setdefault(iri, row)
    return list(rows.values())


def exercise_rows(store: GraphStore, events: Iterable[str] | None = None) -> list[ExerciseRow]:
    """The named exercises that can be linked, from the light named query `exercise-keys`: all, or
    those of `events`."""
    rows: dict[str, ExerciseRow] = {}
    for s in _solutions(store, "exercise-keys", events):
        iri = _text(s["event"]) or ""
        article, name, factuality = (
            _text(s["article"]) or "",
            _text(s["name"]) or "",
            _text(s["factuality"]) or "",
        )
        row = ExerciseRow(
            iri, article, name, _date(s["date"]), _codes(s["participants"]), factuality, _date(s["dateline"])
        )
        rows.setdefault(iri, row)
    return list(rows.values())


def treaty_rows(store: GraphStore, events: Iterable[str] | None = None) -> list[TreatyRow]:
    """The treaties that can be linked, from the light named query `treaty-keys`: all, or those of
    `events`."""
    rows: dict[str, TreatyRow] = {}
    for s in _solutions(store, "treaty-keys", events):
        iri = _text(s["event"]) or ""
        article, factuality = _text(s["article"]) or "", _text(s["factuality"]) or ""
        row = TreatyRow(
            iri, article, _text(s["name"]), _date(s["date"]), _codes(s["signatories"]), factuality
        )
        rows.setdefault(iri, row)
    return list(rows.values())


def articles_fingerprint(hashes: Mapping[str, str | None]) -> str:
    """SHA-256 (hex) of the articles' ids and content hashes (`GraphStore.article_hashes`)."""
    text = json.dumps(sorted(hashes.items()), ensure_ascii=False)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


_RECORDED = f"SELECT ?hash WHERE {{ GRAPH <{LINKS_GRAPH}> {{ <{LINKS_GRAPH}> kgo:articleSetHash ?hash }} }}"
# The groups by type: the first of each group is linked to the others, all greater than it.
_GROUPS = f"""
SELECT ?class (COUNT(DISTINCT ?first) AS ?n) WHERE {{
  GRAPH <{LINKS_GRAPH}> {{ ?first kgo:sameEventAs ?other }}
  FILTER (STR(?first) < STR(?other))
  ?first a ?class .
  VALUES ?class {{ kgo:Launch kgo:Exercise kgo:Treaty }}
}}
GROUP BY ?class
"""


def relink(
    store: GraphStore,
    lexicon: Lexicon,
    *,
    before: Mapping[str, str | None] | None = None,
    touched: Collection[str] = (),
) -> dict[str, int]:
    """Bring the sameEventAs graph up to date with the store; returns, by event type ("Launch",
    "Exercise", "Treaty"), how many events told by more than one article are linked.

    `before` is what the store held when the build (or removal) started ({article id: content
    hash}, `GraphStore.article_hashes`) and `touched` the ids of the articles it wrote or removed
    since. When the links graph was computed from `before` and nothing was touched, the links
    are those of the store and nothing is done; else every link is computed again."""
    fingerprint = articles_fingerprint(store.article_hashes())
    recorded = _recorded(store)
    if before is not None and not touched and recorded == fingerprint == articles_fingerprint(before):
        return _groups(store)
    found = {
        EventType.LAUNCH.value: launch_groups(launch_rows(store), lexicon),
        EventType.EXERCISE.value: exercise_groups(exercise_rows(store), lexicon),
        EventType.TREATY.value: treaty_groups(treaty_rows(store), lexicon),
    }
    triples = link_triples(links([g for gs in found.values() for g in gs]))
    triples.append((LINKS_GRAPH, KGO.articleSetHash, Literal(fingerprint)))
    if set(triples) != _stored_links(store):  # a build that changes no link writes none
        store.replace_graph(LINKS_GRAPH, triples)
    return {kind: len(gs) for kind, gs in found.items() if gs}


def _recorded(store: GraphStore) -> str | None:
    rows = store.query(_RECORDED).rows
    values = {str(row[0].value) for row in rows if row[0] is not None}  # type: ignore[union-attr]
    return values.pop() if len(values) == 1 else None


def _groups(store: GraphStore) -> dict[str, int]:
    out = {}
    for kind, n in store.query(_GROUPS).rows:
        if kind is not None and n is not None:
            out[str(kind.value).rsplit("#", 1)[-1]] = int(str(n.value))  # type: ignore[union-attr]
    return dict(sorted(out.items()))


def _stored_links(store: GraphStore) -> set[tuple[URIRef, URIRef, Node]]:
    """The triples of the links graph (its links and its mark)."""
    result = store.query(f"SELECT ?s ?p ?o WHERE {{ GRAPH <{LINKS_GRAPH}> {{ ?s ?p ?o }} }}")
    return {(from_ox(s), from_ox(p), from_ox(o)) for s, p, o in result.rows if s and p and o}  # type: ignore[misc]
