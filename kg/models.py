"""Typed records handed between the pipeline's stages.

read articles -> nlp -> extract -> normalize -> rdf -> store

Every stage takes and returns these frozen records, never spaCy or rdflib objects,
so this module imports neither.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum


class Factuality(StrEnum):
    """How the article presents an event (ONTOLOGY.md, Values)."""

    ASSERTED = "asserted"
    CLAIMED = "claimed"
    EXPECTED = "expected"
    NEGATED = "negated"


class Outcome(StrEnum):
    SUCCESS = "success"
    FAILURE = "failure"
    UNKNOWN = "unknown"


class EventType(StrEnum):
    LAUNCH = "Launch"
    EXERCISE = "Exercise"
    TREATY = "Treaty"


#: Precisions from the coarsest: how exact one PartialDate is against another.
PRECISION_RANK = {"year": 0, "month": 1, "day": 2}


@dataclass(frozen=True, slots=True, order=True)
class PartialDate:
    """A calendar date known to year, month or day precision (which fields are set)."""

    year: int
    month: int | None = None
    day: int | None = None

    def __post_init__(self) -> None:
        if self.day is not None and self.month is None:
            raise ValueError("a PartialDate with a day needs a month")
        if self.month is not None and not 1 <= self.month <= 12:
            raise ValueError(f"month out of range: {self.month}")
        if self.day is not None:
            assert self.month is not None
            dt.date(self.year, self.month, self.day)  # raises ValueError if impossible

    @property
    def precision(self) -> str:
        """'day', 'month' or 'year'."""
        if self.day is not None:
            return "day"
        return "month" if self.month is not None else "year"

    def iso(self) -> str:
        """'2017-03-22', '2017-03' or '2017'."""
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def __str__(self) -> str:
        return self.iso()

    @classmethod
    def from_iso(cls, text: str) -> PartialDate:
        """Parse 'YYYY', 'YYYY-MM' or 'YYYY-MM-DD'; ValueError otherwise."""
        parts = text.strip().split("-")
        if not 1 <= len(parts) <= 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
            raise ValueError(f"not an ISO date of year, month or day precision: {text!r}")
        nums = [int(p) for p in parts]
        return cls(nums[0], nums[1] if len(nums) > 1 else None, nums[2] if len(nums) > 2 else None)

    @classmethod
    def of(cls, day: dt.date) -> PartialDate:
        return cls(day.year, day.month, day.day)

    def truncate(self, precision: str) -> PartialDate:
        """The same date cut down to a coarser precision ('year', 'month' or 'day')."""
        if precision == "year":
            return PartialDate(self.year)
        if precision == "month":
            return PartialDate(self.year, self.month)
        return self

    def within(self, period: PartialDate) -> bool:
        """True if this date is `period` or lies in it ("2023-06-22" in "2023", "2023-06")."""
        return self.truncate(period.precision) == period


@dataclass(frozen=True, slots=True)
class Article:
    """One input article. Offsets everywhere else index into `body`."""

    id: str
    body: str
    date: dt.date | None = None  # the dateline; None when the input gives none
    source: str | None = None  # byline or source text from the dateline, if any
    path: str | None = None  # where it was read from, for messages
    body_line: int = 1  # the 1-based line of the input file on which `body` starts
    title: str | None = None  # the headline, when the input gives one (a web page, a feed entry)
    url: str | None = None  # the web address of the page or entry it was read from (http or https)


@dataclass(frozen=True, slots=True)
class Mention:
    """A sentence of an article that the graph draws on: body[start:end] == text."""

    start: int
    end: int
    text: str
    states: tuple[str, ...] = ()  # ISO 3166-1 alpha-3 codes of the states it refers to
    weapons: tuple[str, ...] = ()  # canonical names of the weapons it refers to


@dataclass(frozen=True, slots=True)
class WeaponRef:
    """A weapon as an event refers to it: a named system, or a generic class.

    For a generic weapon ('a ballistic missile') `name` is the class label and
    `generic` is True; the RDF then mints kgr:weapon-ballistic-missile.
    """

    name: str
    weapon_class: str | None
    generic: bool = False
    operator: str | None = None  # ISO code of the main operator, when the lexicon knows it


@dataclass(frozen=True, slots=True)
class Launch:
    agent: str | None  # ISO 3166-1 alpha-3, "PRK"
    weapon: WeaponRef | None = None
    weapon_class: str | None = None  # the class as this report gives it (may differ from the catalogue)
    date: PartialDate | None = None
    site: str | None = None  # the launch place as written: "Wonsan", "area near Pyongyang"
    outcome: Outcome = Outcome.UNKNOWN
    count: int | None = None
    factuality: Factuality = Factuality.ASSERTED
    confidence: float = 0.5
    evidence: tuple[Mention, ...] = ()

    type = EventType.LAUNCH


@dataclass(frozen=True, slots=True)
class Exercise:
    participants: tuple[str, ...] = ()
    date: PartialDate | None = None
    name: str | None = None
    weapons: tuple[WeaponRef, ...] = ()
    factuality: Factuality = Factuality.ASSERTED
    confidence: float = 0.5
    evidence: tuple[Mention, ...] = ()

    type = EventType.EXERCISE


@dataclass(frozen=True, slots=True)
class Treaty:
    signatories: tuple[str, ...] = ()
    date: PartialDate | None = None
    name: str | None = None
    factuality: Factuality = Factuality.ASSERTED
    confidence: float = 0.5
    evidence: tuple[Mention, ...] = ()

    type = EventType.TREATY


Event = Launch | Exercise | Treaty


@dataclass(frozen=True, slots=True)
class Extraction:
    """Everything the extractor found in one article."""

    article: Article
    mentions: tuple[Mention, ...] = ()  # every sentence that mentions a State or a Weapon
    events: tuple[Event, ...] = ()
    sentences: int = 0  # sentences read
    unresolved: int = 0  # event-like sentences the rules could not turn into an event
    left_out: tuple[tuple[int, int], ...] = ()  # (start offset, tokens) of sentences over the limit
    # (start offset, "ErrorType: message") of sentences whose rules raised: a bug in kg, reported
    # in the build summary; the article keeps what its other sentences tell
    failed: tuple[tuple[int, str], ...] = ()


@dataclass(frozen=True, slots=True)
class RunInfo:
    """What produced a graph: recorded as a prov:Activity."""

    rules_version: str
    lexicon_version: str
    model_name: str
    model_version: str
    kg_version: str = ""


@dataclass(slots=True)
class BuildReport:
    """What one `kg build` did; printed on stderr, never silently lost."""

    articles: int = 0  # articles built (extracted and written)
    replaced: int = 0  # articles whose earlier graph was replaced
    new: int = 0  # articles built that the store did not hold
    changed: int = 0  # articles built whose stored graph was made from other inputs or versions
    unchanged: int = 0  # articles whose stored graph was made from the same inputs and versions
    forced: bool = False  # --force: the unchanged articles were built too, not skipped
    sentences: int = 0
    events: dict[str, int] = field(default_factory=dict)  # by event type
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    ignored_files: int = 0  # files in walked folders that are not article files (kg.articles.FORMATS)
    unresolved: int = 0
    quads: int = 0  # in the store after the build: triples counted once per graph holding them
    linked: dict[str, int] = field(default_factory=dict)  # by type: events told by several articles
    removed: list[str] = field(default_factory=list)  # articles pruned (kg build --prune)
    not_pruned: str | None = None  # why --prune removed nothing, when it could not tell
