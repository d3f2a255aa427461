"""The lexicon: every piece of domain knowledge the extractor uses, as data tables.

- `states.tsv`: sovereign states, ISO codes, Wikidata ids, names, aliases, capitals used as
  metonyms, demonyms (derived from mledoze/countries, ODbL; see states.SOURCES.md);
- `weapons.tsv`: named weapon systems and platforms with class and operator (weapons.SOURCES.md),
  the team's shared table as `scripts/sync_shared.py` copies it; `weapons_added.tsv`: rows of
  ours beyond it, same columns (a sync never overwrites them);
- `weapon_users.tsv`: states that field a system besides its main operator (a Trident II fired
  by the Royal Navy is a British launch);
- `weapon_classes.tsv`: the weapon-class SKOS scheme of the ontology (label, concept, broader);
- `cues.tsv`: trigger words, class words, factuality and outcome cues (category, term, value);
- `named_events.tsv`: exercises and treaties news names ("Foal Eagle", "New START"), with the
  states that always take part in them (named_events.SOURCES.md);
- `sites.tsv`: launch sites and the state launching from each ("Plesetsk" -> RUS; sites.SOURCES.md).

Tables are loaded and validated once (`load_lexicon()` is cached). A bad row raises
LexiconError naming file and line. The same tables drive recognition and emit the
kgo:State and kgo:Weapon nodes, so the two cannot drift.
"""

from __future__ import annotations

import csv
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from types import MappingProxyType

from kg.errors import LexiconError

LEXICON_DIR = Path(__file__).parent
#: cues.tsv categories of people named for their state: heads of state and government (who may
#: then go by one word of the name, "Putin") and ministers and chiefs (who do not)
PERSON_CATEGORIES = ("leader", "official")
TABLES = (
    "states.tsv",
    "weapons.tsv",
    "weapons_added.tsv",
    "weapon_users.tsv",
    "weapon_classes.tsv",
    "cues.tsv",
    "named_events.tsv",
    "sites.tsv",
)
NAMED_EVENT_TYPES = ("Exercise", "Treaty")

_ISO3 = re.compile(r"^[A-Z]{3}$")
_QID = re.compile(r"^Q[0-9]+$")
_NO_TERMS: Mapping[str, str] = MappingProxyType({})


def _name_key(name: str) -> str:
    """How a named event's name is looked up: case folded, a hyphen the same as a space
    ("Intermediate Range Nuclear Forces Treaty" is the Intermediate-Range Nuclear Forces Treaty)."""
    return " ".join(name.replace("-", " ").split()).casefold()


@dataclass(frozen=True, slots=True)
class StateEntry:
    iso3: str
    iso2: str
    name: str
    official_name: str
    wikidata: str | None
    capitals: tuple[str, ...]
    demonyms: tuple[str, ...]
    aliases: tuple[str, ...]
    metonyms: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class WeaponEntry:
    name: str
    aliases: tuple[str, ...]
    weapon_class: str
    operator: str | None
    wikidata: str | None
    users: tuple[str, ...] = ()  # states that field it besides the operator (weapon_users.tsv)


@dataclass(frozen=True, slots=True)
class WeaponClass:
    label: str  # "short-range ballistic missile"
    concept: str  # local name in kgo:, "ShortRangeBallisticMissile"
    broader: str | None  # label of the broader class


@dataclass(frozen=True, slots=True)
class Cue:
    category: str
    term: str
    value: str


@dataclass(frozen=True, slots=True)
class NamedEvent:
    """An exercise or treaty news refers to by name."""

    type: str  # "Exercise" or "Treaty"
    name: str  # "Ulchi Freedom Guardian"
    aliases: tuple[str, ...]
    parties: tuple[str, ...]  # ISO codes of the states always taking part; () when they vary
    signed: int | None = None  # a treaty's year of signing, when known


@dataclass(frozen=True, slots=True)
class Site:
    """A place launches fly from, and the state launching from it."""

    name: str  # "Plesetsk"
    state: str  # ISO code
    aliases: tuple[str, ...]


# An edition after an exercise's name: "Zapad-2017", "Malabar 2020", "Joint Sword-2024A",
# "Great Prophet 9", "Aurora 17", "Great Prophet IV" (Roman numerals in capitals only). A
# treaty's name takes figures only: "START III" is not an edition of START I.
_FIGURES = r"[- ]?(?:(?:19|20)\d{2}|\d{1,2})[A-Za-z]?"
EDITION_PATTERN = rf"{_FIGURES}|[- ][IVX]{{1,4}}"
EDITION = re.compile(rf"(?:{EDITION_PATTERN})$")
_EDITIONS = {"Exercise": EDITION, "Treaty": re.compile(rf"(?:{_FIGURES})$")}


@dataclass(frozen=True, slots=True)
class Lexicon:
    states: dict[str, StateEntry]  # by iso3
    weapons: dict[str, WeaponEntry]  # by canonical name
    classes: dict[str, WeaponClass]  # by label
    cues: tuple[Cue, ...]
    named_events: tuple[NamedEvent, ...]
    sites: tuple[Site, ...]
    version: str  # short hash of the table bytes
    # cues by category, built once: the rules ask for them tens of thousands of times a build
    _terms: dict[str, Mapping[str, str]] = field(init=False, repr=False, compare=False)
    _named: dict[tuple[str, str], NamedEvent] = field(init=False, repr=False, compare=False)
    _site_regex: re.Pattern[str] = field(init=False, repr=False, compare=False)
    _site_owner: dict[str, str] = field(init=False, repr=False, compare=False)
    _event_names: dict[str, tuple[str, ...]] = field(init=False, repr=False, compare=False)
    _cities: frozenset[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        terms: dict[str, dict[str, str]] = {}
        for c in self.cues:
            terms.setdefault(c.category, {})[c.term] = c.value
        object.__setattr__(self, "_terms", {k: MappingProxyType(v) for k, v in terms.items()})
        named = {(n.type, _name_key(form)): n for n in self.named_events for form in (n.name, *n.aliases)}
        object.__setattr__(self, "_named", named)
        names: dict[str, list[str]] = {}
        for n in self.named_events:
            names.setdefault(n.type, []).extend((n.name, *n.aliases))
        object.__setattr__(self, "_event_names", {k: tuple(v) for k, v in names.items()})
        cities = frozenset(c for s in self.states.values() for c in (*s.capitals, *s.metonyms))
        object.__setattr__(self, "_cities", cities)
        owner = {form.casefold(): site.state for site in self.sites for form in (site.name, *site.aliases)}
        forms = sorted(owner, key=len, reverse=True)
        regex = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(f) for f in forms) + r")(?![\w-])", re.I)
        object.__setattr__(self, "_site_owner", owner)
        object.__setattr__(self, "_site_regex", regex)

    def fielded_by(self, weapon: str) -> tuple[str, ...]:
        """The states that field a named weapon: its operator first, then its other users."""
        entry = self.weapons.get(weapon)
        if entry is None:
            return ()
        return (*([entry.operator] if entry.operator else []), *entry.users)

    def site_owner(self, place: str) -> str | None:
        """The state launching from a place a text names ("near Hamhung", "the Plesetsk
        cosmodrome", "Dr. A.P.J. Abdul Kalam Island"); None for a place the table does not know."""
        if not self._site_owner:
            return None
        m = self._site_regex.search(" ".join(place.split()))
        return self._site_owner[m.group(0).casefold()] if m else None

    def named_event(self, event_type: str, text: str) -> NamedEvent | None:
        """The named exercise or treaty a name in the text refers to, its edition ignored
        ("Zapad-2017" is Zapad, "the INF treaty" the INF Treaty); None when unknown."""
        text = " ".join(text.split())
        for form in (_name_key(text), _name_key(_EDITIONS.get(event_type, EDITION).sub("", text))):
            found = self._named.get((event_type, form))
            if found is not None:
                return found
        return None

    def canonical_event_name(self, event_type: str, text: str) -> str:
        """The name to report for a named event as written: the lexicon's name with the edition
        the text gives ("Payambar-e Azam 9" -> "Great Prophet 9", "Rim of the Pacific" ->
        "RIMPAC", "Zapad-2017" stays); the text itself when the lexicon does not know it."""
        known = self.named_event(event_type, text)
        if known is None:
            return text
        text = " ".join(text.split())
        edition = _EDITIONS.get(event_type, EDITION).search(text)
        if edition is not None and self._named.get((event_type, _name_key(text[: edition.start()]))) is known:
            return known.name + edition.group(0)  # "Zapad-2017", "Great Prophet 9"
        return known.name

    @staticmethod
    def series_name(name: str) -> str:
        """An exercise's name without its edition: "Cobra Gold 2023" -> "Cobra Gold"."""
        return EDITION.sub("", name).strip() or name

    @staticmethod
    def edition_year(name: str) -> int | None:
        """The year an exercise's edition gives: "Talisman Sabre 2025" -> 2025, "Joint
        Sword-2024A" -> 2024; None for "Aurora 17" or a name with no edition."""
        found = EDITION.search(name)
        year = re.match(r"[- ]?((?:19|20)\d{2})", found.group(0)) if found else None
        return int(year[1]) if year else None

    @property
    def cities(self) -> frozenset[str]:
        """The capitals and city metonyms of the states table ("Budapest", "Pyongyang")."""
        return self._cities

    def is_city(self, text: str) -> bool:
        """True for a capital or city metonym of the states table ("Budapest", "Pyongyang")."""
        return text in self._cities

    def event_names(self, event_type: str) -> tuple[str, ...]:
        """Every name and alias of the named events of one type."""
        return self._event_names.get(event_type, ())

    def cue_terms(self, category: str) -> Mapping[str, str]:
        """term -> value for one category of cues.tsv (read-only; empty for an unknown category)."""
        return self._terms.get(category, _NO_TERMS)

    def class_depth(self, label: str) -> int:
        """How many skos:broader steps a weapon class is below the top ("missile" 0, "SRBM" 2)."""
        depth = 0
        cur = self.classes.get(label)
        while cur is not None and cur.broader is not None:
            depth += 1
            cur = self.classes.get(cur.broader)
        return depth

    def is_broader_or_equal(self, wide: str, narrow: str) -> bool:
        """True if `wide` is `narrow` or one of its broader classes."""
        cur = self.classes.get(narrow)
        while cur is not None:
            if cur.label == wide:
                return True
            cur = self.classes.get(cur.broader) if cur.broader else None
        return False

    def common_class(self, labels: Iterable[str]) -> str | None:
        """The narrowest class broader than or equal to every label ("short-range ballistic missile"
        and "medium-range ballistic missile" -> "ballistic missile"); None for no labels."""
        labels = list(labels)
        if not labels:
            return None
        cur: str | None = labels[0]
        while cur is not None and not all(self.is_broader_or_equal(cur, lab) for lab in labels):
            entry = self.classes.get(cur)
            cur = entry.broader if entry is not None else None
        return cur

    def classes_compatible(self, a: str | None, b: str | None) -> bool:
        """Two reported classes that can name the same weapon (one is the other or broader)."""
        if a is None or b is None:
            return True
        return self.is_broader_or_equal(a, b) or self.is_broader_or_equal(b, a)

    def may_name(self, told: str | None, named: str | None) -> bool:
        """True if a weapon the catalogue files as `named` may be what a launch told as `told`
        fired ("a ballistic missile" ... "it was a Hwasong-15"): compatible classes, or a
        hypersonic missile beside a ballistic one (a glide vehicle rides a ballistic missile, and
        news calls the same weapon either); not a space rocket for a missile, nor a cruise missile
        for a ballistic one."""
        if self.classes_compatible(told, named):
            return True
        pair = {told, named}
        return "hypersonic missile" in pair and any(
            c is not None and self.is_broader_or_equal("ballistic missile", c) for c in pair
        )


def _rows(path: Path) -> Iterator[tuple[int, dict[str, str]]]:
    """(line number, row) of a TSV table with a header; lines starting with '#' are comments
    (each group of cues.tsv says what it is for) and blank lines are left out."""
    with path.open(encoding="utf-8", newline="") as fh:
        numbered = [(n, text) for n, text in enumerate(fh, 1) if text.strip() and not text.startswith("#")]
    if not numbered:
        return
    header = next(csv.reader([numbered[0][1]], delimiter="\t", quoting=csv.QUOTE_NONE))
    header = [h.strip() for h in header]
    for line, text in numbered[1:]:
        values = next(csv.reader([text.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        if len(values) != len(header):
            raise LexiconError(str(path), line, "wrong number of tab-separated fields")
        yield line, {k: v.strip() for k, v in zip(header, values, strict=True)}


def _split(value: str) -> tuple[str, ...]:
    return tuple(v.strip() for v in value.split("|") if v.strip())


def _load_classes(path: Path) -> dict[str, WeaponClass]:
    classes: dict[str, WeaponClass] = {}
    for line, row in _rows(path):
        label = row["label"]
        if label in classes:
            raise LexiconError(str(path), line, f"duplicate class {label!r}")
        classes[label] = WeaponClass(label, row["concept"], row["broader"] or None)
    for wc in classes.values():
        if wc.broader is not None and wc.broader not in classes:
            raise LexiconError(str(path), 0, f"class {wc.label!r} has unknown broader {wc.broader!r}")
    return classes


def _load_states(path: Path) -> dict[str, StateEntry]:
    states: dict[str, StateEntry] = {}
    for line, row in _rows(path):
        iso3 = row["iso3"]
        if not _ISO3.match(iso3):
            raise LexiconError(str(path), line, f"iso3 {iso3!r} is not three capital letters")
        if iso3 in states:
            raise LexiconError(str(path), line, f"duplicate iso3 {iso3!r}")
        wikidata = row["wikidata"] or None
        if wikidata is not None and not _QID.match(wikidata):
            raise LexiconError(str(path), line, f"wikidata {wikidata!r} is not a Q-id")
        states[iso3] = StateEntry(
            iso3=iso3,
            iso2=row["iso2"],
            name=row["name"],
            official_name=row["official_name"],
            wikidata=wikidata,
            capitals=_split(row["capital"]),
            demonyms=_split(row["demonyms"]),
            aliases=_split(row["aliases"]),
            metonyms=_split(row["capital_metonyms"]),
        )
    return states


def _load_weapons(
    paths: tuple[Path, ...], states: dict[str, StateEntry], classes: dict[str, WeaponClass]
) -> dict[str, WeaponEntry]:
    weapons: dict[str, WeaponEntry] = {}
    seen: dict[str, str] = {}
    for path, (line, row) in ((table, numbered) for table in paths for numbered in _rows(table)):
        name = row["name"]
        if name in weapons:
            raise LexiconError(str(path), line, f"duplicate weapon {name!r}")
        if row["weapon_class"] not in classes:
            raise LexiconError(
                str(path),
                line,
                f"unknown weapon_class {row['weapon_class']!r}; use a label of weapon_classes.tsv",
            )
        operator = row["operator"] or None
        if operator is not None and operator not in states:
            raise LexiconError(str(path), line, f"operator {operator!r} is not an iso3 of states.tsv")
        aliases = _split(row["aliases"])
        for form in (name, *aliases):
            key = form.casefold()
            if key in seen and seen[key] != name:
                raise LexiconError(str(path), line, f"{form!r} already names {seen[key]!r}")
            seen[key] = name
        weapons[name] = WeaponEntry(name, aliases, row["weapon_class"], operator, row["wikidata"] or None)
    return weapons


def _load_cues(path: Path, classes: dict[str, WeaponClass]) -> tuple[Cue, ...]:
    cues: list[Cue] = []
    seen: set[tuple[str, str]] = set()
    for line, row in _rows(path):
        key = (row["category"], row["term"])
        if key in seen:
            raise LexiconError(str(path), line, f"duplicate cue {key!r}")
        seen.add(key)
        if row["category"] == "class_word" and row["value"] not in classes:
            raise LexiconError(str(path), line, f"unknown weapon class {row['value']!r}")
        cues.append(Cue(row["category"], row["term"], row["value"]))
    return tuple(cues)


def _load_named_events(path: Path, states: dict[str, StateEntry]) -> tuple[NamedEvent, ...]:
    out: list[NamedEvent] = []
    seen: dict[tuple[str, str], str] = {}
    for line, row in _rows(path):
        kind = row["type"]
        if kind not in NAMED_EVENT_TYPES:
            raise LexiconError(
                str(path), line, f"type {kind!r} must be one of {', '.join(NAMED_EVENT_TYPES)}"
            )
        parties = _split(row["parties"])
        for code in parties:
            if code not in states:
                raise LexiconError(str(path), line, f"party {code!r} is not an iso3 of states.tsv")
        signed = row.get("signed", "")
        if signed and not (signed.isdigit() and len(signed) == 4):
            raise LexiconError(str(path), line, f"signed {signed!r} must be a year (YYYY) or empty")
        event = NamedEvent(
            kind, row["name"], _split(row["aliases"]), parties, int(signed) if signed else None
        )
        for form in (event.name, *event.aliases):
            key = (kind, form.casefold())
            if key in seen:
                raise LexiconError(str(path), line, f"{form!r} already names {seen[key]!r}")
            seen[key] = event.name
        out.append(event)
    return tuple(out)


def _load_sites(path: Path, states: dict[str, StateEntry]) -> tuple[Site, ...]:
    out: list[Site] = []
    seen: dict[str, str] = {}
    for line, row in _rows(path):
        if row["state"] not in states:
            raise LexiconError(str(path), line, f"state {row['state']!r} is not an iso3 of states.tsv")
        site = Site(row["name"], row["state"], _split(row["aliases"]))
        for form in (site.name, *site.aliases):
            if form.casefold() in seen:
                raise LexiconError(str(path), line, f"{form!r} already names {seen[form.casefold()]!r}")
            seen[form.casefold()] = site.name
        out.append(site)
    return tuple(out)


def _add_users(path: Path, weapons: dict[str, WeaponEntry], states: dict[str, StateEntry]) -> None:
    for line, row in _rows(path):
        name = row["name"]
        if name not in weapons:
            raise LexiconError(str(path), line, f"unknown weapon {name!r}; use a name of weapons.tsv")
        users = _split(row["users"])
        for user in users:
            if user not in states:
                raise LexiconError(str(path), line, f"user {user!r} is not an iso3 of states.tsv")
        entry = weapons[name]
        weapons[name] = WeaponEntry(
            entry.name, entry.aliases, entry.weapon_class, entry.operator, entry.wikidata, users
        )


def load_lexicon_from(directory: Path) -> Lexicon:
    """Load and validate the four tables from a folder (tests point this at bad copies)."""
    classes = _load_classes(directory / "weapon_classes.tsv")
    states = _load_states(directory / "states.tsv")
    weapons = _load_weapons((directory / "weapons.tsv", directory / "weapons_added.tsv"), states, classes)
    _add_users(directory / "weapon_users.tsv", weapons, states)
    cues = _load_cues(directory / "cues.tsv", classes)
    named = _load_named_events(directory / "named_events.tsv", states)
    sites = _load_sites(directory / "sites.tsv", states)
    digest = hashlib.sha256()
    for name in TABLES:
        digest.update((directory / name).read_bytes())
    return Lexicon(states, weapons, classes, cues, named, sites, digest.hexdigest()[:12])


@cache
def load_lexicon() -> Lexicon:
    """The package's lexicon, loaded once."""
    return load_lexicon_from(LEXICON_DIR)
