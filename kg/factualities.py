"""Which events count: the one definition of "what happened" behind every count.

A count of events, a state's last launch date, a link of the network views, a centrality:
each counts the events whose factuality is in a selection, by default REPORTED, the events
reported as having happened (asserted by the article, or claimed by one party). Expected
("plans to test next month") and negated ("did not sign") events are left out unless the user
asks for them: `--param factuality=...` on the named queries, `--factuality` on `kg analyze`,
`kg view` and `kg export --format graphml|gexf`.

The selection is written the same way everywhere:

    reported                 asserted and claimed (the default)
    all                      every factuality
    asserted,expected        a comma-separated list of factualities

In SPARQL (queries/*.rq) a selection is bound as one string of factuality words separated by
spaces, "asserted claimed" (`sparql_value`); an unbound ?factuality means REPORTED there too.
"""

from __future__ import annotations

from collections.abc import Iterable

from kg.models import Factuality

#: What happened: the default selection everywhere.
REPORTED: frozenset[Factuality] = frozenset({Factuality.ASSERTED, Factuality.CLAIMED})
ALL: frozenset[Factuality] = frozenset(Factuality)
KEYWORDS: dict[str, frozenset[Factuality]] = {"reported": REPORTED, "all": ALL}
DEFAULT = "reported"
SYNTAX = "reported (asserted and claimed), all, or a comma-separated list of " + ", ".join(
    f.value for f in Factuality
)


def parse_factualities(text: str) -> frozenset[Factuality]:
    """A selection as the user writes it ('reported', 'all', 'asserted,expected'); ValueError
    naming what is wrong and the syntax otherwise. Case and spaces do not matter."""
    words = [w.strip().lower() for w in text.split(",")]
    if not any(words):
        raise ValueError(f"an empty factuality selection; give {SYNTAX}")
    selected: set[Factuality] = set()
    for word in words:
        if word in KEYWORDS:
            selected |= KEYWORDS[word]
            continue
        try:
            selected.add(Factuality(word))
        except ValueError:
            raise ValueError(f"unknown factuality {word!r}; give {SYNTAX}") from None
    return frozenset(selected)


def ordered(selection: Iterable[Factuality]) -> list[Factuality]:
    """The selection in the enum's order (asserted, claimed, expected, negated)."""
    chosen = set(selection)
    return [f for f in Factuality if f in chosen]


def describe(selection: Iterable[Factuality]) -> str:
    """'reported', 'all' or 'asserted, expected': how messages name a selection."""
    chosen = frozenset(selection)
    for keyword, members in KEYWORDS.items():
        if chosen == members:
            return keyword
    return ", ".join(f.value for f in ordered(chosen))


def sparql_value(selection: Iterable[Factuality]) -> str:
    """The string a named query's ?factuality is bound to: the words, space-separated."""
    return " ".join(f.value for f in ordered(selection))


def counts(factuality: Factuality | None, selection: frozenset[Factuality]) -> bool:
    """Whether an event of this factuality counts; an event without one counts as asserted
    (as the named queries read it)."""
    return (factuality or Factuality.ASSERTED) in selection
