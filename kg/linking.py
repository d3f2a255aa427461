"""Across articles: the same real-world launch, exercise or treaty told by several articles.

Each article keeps its own event nodes (its graph is replaced whenever the article is rebuilt),
and `kgo:sameEventAs` links the nodes of different articles that tell one event. This module
says which nodes those are (pure); kg.relink reads them from the store (the light named queries
`launch-keys`, `exercise-keys` and `treaty-keys`) and keeps the links graph up to date. Only
events that happened (asserted or claimed) are linked. What tells one event from another:

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

Nodes are compared within blocks only (launches of one agent and day; exercises of one name
whose days are EXERCISE_WINDOW apart at most, transitively; treaties that share a name, or
parties and a year with a node without a name, transitively), so kg.relink can form the groups
of a few blocks again and leave the others' links as they are.
"""

from __future__ import annotations

import datetime as dt
import re
from calendar import monthrange
from collections.abc import Callable, Hashable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from itertools import combinations, islice
from typing import Generic, Protocol, TypeVar

from rdflib import URIRef
from rdflib.term import Node

from kg.evaluate import dates_agree
from kg.factualities import REPORTED
from kg.lexicon import EDITION, Lexicon
from kg.models import PartialDate
from kg.namespaces import KGO

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
    by_key: dict[LaunchKey, list[LaunchRow]] = {}
    for row in rows:
        by_key.setdefault(launch_block(row), []).append(row)

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
    key = (lexicon.version, name)
    if (known := _EXERCISE_NAMES.get(key)) is not None:
        return known
    canonical = " ".join(lexicon.canonical_event_name("Exercise", name).split())
    edition = EDITION.search(canonical)
    if edition is None or not canonical[: edition.start()].strip():
        folded: tuple[str, str | None] = (_fold(canonical), None)
    else:
        folded = (_fold(canonical[: edition.start()]), _fold(edition.group(0)))
    return _remember(_EXERCISE_NAMES, key, folded)


# Names folded, by lexicon version and name: a store repeats a few names over thousands of
# nodes, and the lexicon's lookups took a tenth of the links step of a partial build of the
# 10,000-article benchmark store.
_EXERCISE_NAMES: dict[tuple[str, str], tuple[str, str | None]] = {}
_TREATY_NAMES: dict[tuple[str, str], str] = {}
V = TypeVar("V")


def _remember(cache: dict[tuple[str, str], V], key: tuple[str, str], value: V) -> V:
    if len(cache) > 100_000:  # a long-lived process that reads ever new names
        cache.clear()
    cache[key] = value
    return value


def exercise_spot(row: ExerciseRow, lexicon: Lexicon) -> ExerciseSpot:
    """Where an exercise node lies: its name (canonical, without its edition, folded) and the
    days it may fall on (None: any; see `_exercise_key`)."""
    key = _exercise_key(row, lexicon)
    return key.name, key.span


def spots_near(a: ExerciseSpot, b: ExerciseSpot) -> bool:
    """Whether nodes that lie there may be compatible: one name, days EXERCISE_WINDOW apart at most."""
    return a[0] == b[0] and (a[1] is None or b[1] is None or _gap(a[1], b[1]) <= EXERCISE_WINDOW)


def exercise_pieces(spots: Mapping[str, ExerciseSpot]) -> dict[str, tuple[str, int]]:
    """Each exercise node's block, from where the nodes lie ({IRI: spot}): the nodes of one name
    whose days are near (`spots_near`), transitively; all the nodes of a name when one of them
    may fall on any day. A node is compatible only with nodes near it, so blocks are apart."""
    by_name: dict[str, list[tuple[tuple[dt.date, dt.date] | None, str]]] = {}
    for iri, (name, span) in spots.items():
        by_name.setdefault(name, []).append((span, iri))
    out: dict[str, tuple[str, int]] = {}
    for name, located in by_name.items():
        if any(span is None for span, _ in located):
            out.update((iri, (name, 0)) for _, iri in located)
            continue
        piece, end = 0, None
        for span, iri in sorted(located, key=lambda x: (x[0], x[1])):
            assert span is not None
            if end is not None and (span[0] - end).days > EXERCISE_WINDOW:
                piece += 1
            end = span[1] if end is None else max(end, span[1])
            out[iri] = (name, piece)
    return out


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

    piece = exercise_pieces({iri: (key.name, key.span) for iri, key in keys.items()})
    blocks: dict[tuple[str, int], list[ExerciseRow]] = {}
    for row in rows:
        blocks.setdefault(piece[row.iri], []).append(row)

    def kind(row: ExerciseRow) -> Hashable:  # what compatible and days_apart compare
        return keys[row.iri], row.date, row.participants, row.factuality

    found = [
        groups(block, compatible, lambda r: keys[r.iri].level, days_apart, kind=kind)
        for block in blocks.values()
    ]
    return _linked(g for block in found for g in block)


def same_exercises(rows: Sequence[ExerciseRow], lexicon: Lexicon) -> list[tuple[str, str]]:
    """Pairs (a, b), a < b, of exercise IRIs that tell the same exercise (pure)."""
    return pairs(exercise_groups(rows, lexicon))


# --- treaties -----------------------------------------------------------------------------


def treaty_name(name: str | None, lexicon: Lexicon) -> str | None:
    """A treaty's canonical name, folded; None when it has none."""
    if not name:
        return None
    key = (lexicon.version, name)
    if (known := _TREATY_NAMES.get(key)) is not None:
        return known
    return _remember(_TREATY_NAMES, key, _fold(lexicon.canonical_event_name("Treaty", name)))


def treaty_keys(row: TreatyRow, lexicon: Lexicon) -> tuple[TreatyKey, ...]:
    """What a treaty node may be matched by: its name ("name", folded canonical name), and its
    two or more parties with the year it is dated ("parties", codes, year), what a node without
    a name is matched by."""
    name = treaty_name(row.name, lexicon)
    keys: list[TreatyKey] = [("name", name)] if name else []
    if len(row.parties) >= 2 and row.date is not None:
        keys.append(("parties", row.parties, row.date.year))
    return tuple(keys)


def treaty_blocks(rows: Iterable[TreatyRow], lexicon: Lexicon) -> dict[str, str]:
    """Each node's block, named by one of its IRIs (pure): the nodes that share a name, or two
    or more parties and a year when a node without a name has them, transitively."""
    keyed = [(row, treaty_keys(row, lexicon)) for row in rows]
    unnamed = {k for row, keys in keyed if treaty_name(row.name, lexicon) is None for k in keys}
    return components((row.iri, [k for k in keys if k[0] == "name" or k in unnamed]) for row, keys in keyed)


def treaty_groups(rows: Sequence[TreatyRow], lexicon: Lexicon) -> list[list[str]]:
    """The groups (sorted IRIs, two or more) of treaty nodes that tell one treaty (pure)."""
    names = {r.iri: treaty_name(r.name, lexicon) for r in rows}

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

    # blocks, to compare only rows that may match
    block_of = treaty_blocks(rows, lexicon)
    blocks: dict[str, list[TreatyRow]] = {}
    for row in rows:
        blocks.setdefault(block_of[row.iri], []).append(row)

    def year(row: TreatyRow) -> int | None:  # dates that agree are of one year
        return row.date.year if row.date else None

    def kind(row: TreatyRow) -> Hashable:  # what compatible and distance compare
        return names[row.iri], row.date, row.parties, row.factuality

    found = [groups(block, compatible, level, distance, year, kind) for block in blocks.values()]
    return _linked(g for block in found for g in block)


def same_treaties(rows: Sequence[TreatyRow], lexicon: Lexicon) -> list[tuple[str, str]]:
    """Pairs (a, b), a < b, of treaty IRIs that tell the same treaty (pure)."""
    return pairs(treaty_groups(rows, lexicon))


# --- blocks -------------------------------------------------------------------------------
#
# Nodes are compared within blocks only, and a node of one block is compatible with none of
# another, so the groups of a block depend on its nodes alone: kg.relink forms again only the
# groups of the blocks that hold (or held) the events of the articles a build wrote or removed.
# Exercise blocks are `exercise_pieces`, treaty blocks `treaty_blocks`.

LaunchKey = tuple[str | None, PartialDate | None]
ExerciseSpot = tuple[str, tuple[dt.date, dt.date] | None]  # exercise_spot
TreatyKey = tuple[object, ...]


def launch_block(row: LaunchRow) -> LaunchKey:
    """The block of a launch node: its agent and its day."""
    return (row.agent, row.date)


def components(items: Iterable[tuple[str, Iterable[Hashable]]]) -> dict[str, str]:
    """Items (id, keys) joined when they share a key, transitively (union-find): each id's
    component, named by one of its ids. An id may come several times; its keys are joined."""
    parent: dict[str, str] = {}

    def root(item: str) -> str:
        while parent[item] != item:
            parent[item] = parent[parent[item]]
            item = parent[item]
        return item

    first: dict[Hashable, str] = {}
    for item, keys in items:
        parent.setdefault(item, item)
        for key in keys:
            other = first.setdefault(key, item)
            parent[root(item)] = root(other)
    return {item: root(item) for item in parent}


# --- groups -------------------------------------------------------------------------------


def groups(
    rows: Sequence[R],
    compatible: Callable[[R, R], bool],
    level: Callable[[R], int],
    distance: Callable[[R, R], int],
    bucket: Callable[[R], Hashable] | None = None,
    kind: Callable[[R], Hashable] | None = None,
) -> list[list[R]]:
    """Rows -> groups in which every two rows are `compatible` and of different articles (pure).

    Levels are taken in order (the lowest, the most precise, first). A row fits a group formed
    at an earlier level when it is compatible with each of its rows; it joins the group if it
    fits that one only and the group holds no row of its article, and otherwise, fitting
    several or that one, stays alone and is offered to no later row. The rows that fit no
    group are joined among themselves, the pairs of least `distance` first (then by IRI), two
    groups being joined only when the result is still such a group.

    `bucket` only makes it faster: two rows of different buckets are never compatible, a row
    whose bucket is None may be compatible with any (treaties: the year they are dated).
    `kind` too: `compatible` and `distance` give for two rows what they give for any two rows
    of the same kinds (they compare what the rows tell, not their IRIs or articles), so each is
    asked once for two kinds, and a row is compared with one row of each kind of a group, not
    with all its rows: a block of one treaty told by a thousand articles holds a few dozen
    kinds (what is told of it). `compatible` is symmetric.
    """
    kinds: dict[Hashable, int] = {}
    if kind is None:
        kind_of = {row.iri: i for i, row in enumerate(rows)}
    else:
        kind_of = {row.iri: kinds.setdefault(kind(row), len(kinds)) for row in rows}
        compatible, distance = _by_kind(kind_of, compatible), _by_kind(kind_of, distance)
    ordered = sorted(rows, key=lambda r: r.iri)
    key = bucket or (lambda _: None)
    formed: dict[Hashable, list[_Group[R]]] = {}  # open to the rows of later levels, by bucket of the first
    alone: list[list[R]] = []
    for current in sorted({level(r) for r in ordered}):
        earlier = {b: list(gs) for b, gs in formed.items()}
        anywhere = [g for gs in earlier.values() for g in gs]
        loose: list[R] = []
        for row in (r for r in ordered if level(r) == current):
            b = key(row)
            near = anywhere if b is None else earlier.get(b, []) + earlier.get(None, [])
            fits = list(islice((g for g in near if all(compatible(row, m) for m in g.kinds.values())), 2))
            if not fits:
                loose.append(row)
            elif len(fits) == 1 and row.article not in fits[0].articles:
                fits[0].add(row, kind_of[row.iri])
            else:
                alone.append([row])
        for group in _join(loose, compatible, distance, key, kind_of):
            formed.setdefault(key(group.rows[0]), []).append(group)
    return [g.rows for gs in formed.values() for g in gs] + alone


class _Group(Generic[R]):
    """Rows of a group being formed (`groups`), with their articles and a row of each kind."""

    __slots__ = ("articles", "kinds", "rows")

    def __init__(self, row: R, kind: int) -> None:
        self.rows = [row]
        self.articles = {row.article}
        self.kinds = {kind: row}

    def add(self, row: R, kind: int) -> None:
        self.rows.append(row)
        self.articles.add(row.article)
        self.kinds.setdefault(kind, row)

    def extend(self, other: _Group[R]) -> None:
        self.rows.extend(other.rows)
        self.articles |= other.articles
        for kind, row in other.kinds.items():
            self.kinds.setdefault(kind, row)


def _join(
    rows: Sequence[R],
    compatible: Callable[[R, R], bool],
    distance: Callable[[R, R], int],
    bucket: Callable[[R], Hashable],
    kind_of: Mapping[str, int],
) -> list[_Group[R]]:
    """Greedy complete linkage of `rows` (sorted by IRI), closest pairs first. Two groups are
    joined when no article has rows in both and each kind of row of one is compatible with each
    of the other (`groups`)."""
    group_of: dict[str, _Group[R]] = {r.iri: _Group(r, kind_of[r.iri]) for r in rows}
    by_bucket: dict[Hashable, list[R]] = {}
    for row in rows:
        by_bucket.setdefault(bucket(row), []).append(row)
    pairs_in = [p for b, rs in by_bucket.items() if b is not None for p in combinations(rs, 2)]
    anywhere = by_bucket.get(None, [])
    pairs_in += [
        (a, b) if a.iri < b.iri else (b, a)
        for a in anywhere
        for b in rows
        if a is not b and (bucket(b) is not None or a.iri < b.iri)
    ]
    candidates = sorted(
        ((distance(a, b), a.iri, b.iri), a, b)
        for a, b in pairs_in
        if a.article != b.article and compatible(a, b)
    )
    for _, a, b in candidates:
        ga, gb = group_of[a.iri], group_of[b.iri]
        if ga is gb or not ga.articles.isdisjoint(gb.articles):
            continue
        if not all(compatible(x, y) for x in ga.kinds.values() for y in gb.kinds.values()):
            continue
        ga.extend(gb)
        for r in gb.rows:
            group_of[r.iri] = ga
    unique = {id(g): g for g in group_of.values()}
    return list(unique.values())


def _by_kind(kind_of: Mapping[str, int], compare: Callable[[R, R], V]) -> Callable[[R, R], V]:
    """`compare` asked once for each two kinds of rows (`groups`)."""
    known: dict[tuple[int, int], V] = {}

    def compared(a: R, b: R) -> V:
        pair = (kind_of[a.iri], kind_of[b.iri])
        if pair not in known:
            known[pair] = compare(a, b)
        return known[pair]

    return compared


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
