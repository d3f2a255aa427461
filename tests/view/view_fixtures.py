"""Shared data for the view tests: hand-built network rows and a hostile article."""

from __future__ import annotations

from pathlib import Path

from kg.models import Factuality, Outcome, PartialDate
from kg.network import EventInfo, LaunchMention, Link, NetworkRows, NodeClass, Source

ROOT = Path(__file__).resolve().parents[2]
MINI = ROOT / "tests" / "contract" / "fixtures" / "mini.trig"
KGR = "https://w3id.org/kgnews/resource/"
STATE = "https://w3id.org/kgnews/state/"

PAYLOAD_SCRIPT = "<script>window.__pwned=1</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=2">'
HOSTILE_SENTENCE = f"North Korea fired a ballistic missile on Monday {PAYLOAD_SCRIPT} {PAYLOAD_IMG}."
HOSTILE_ARTICLE = (
    " date 2024-07-01 Evil Wire\n\n"
    f"North Korea fired a ballistic missile on Monday {PAYLOAD_SCRIPT} {PAYLOAD_IMG}, "
    "South Korea's military said.\n"
)


def state_link(
    source: str, cls: NodeClass, prop: str, code: str, name: str, label: str | None = None
) -> Link:
    return Link(KGR + source, cls, label, prop, STATE + code, NodeClass.STATE, name, code)


def hand_rows(*, hostile: bool = False) -> NetworkRows:
    """Two launches by PRK (2017, 2024), a KOR-USA exercise, a PRK-USA treaty, a negated treaty.

    With `hostile`, the exercise's name and the 2024 launch's sentence carry script payloads.
    """
    name = f"Foal Eagle {PAYLOAD_IMG}" if hostile else "Foal Eagle"
    sentence = HOSTILE_SENTENCE if hostile else "North Korea fired a ballistic missile on Monday."
    launch, place, weapon = NodeClass.LAUNCH, NodeClass.PLACE, NodeClass.WEAPON
    links = (
        state_link("launch-a", launch, "agent", "PRK", "North Korea"),
        Link(KGR + "launch-a", launch, None, "site", KGR + "place-wonsan", place, "Wonsan"),
        Link(KGR + "place-wonsan", place, "Wonsan", "locatedIn", STATE + "PRK", NodeClass.STATE,
             "North Korea", "PRK"),
        Link(KGR + "launch-a", launch, None, "weapon", KGR + "weapon-missile", weapon, "missile"),
        state_link("launch-b", launch, "agent", "PRK", "North Korea"),
        Link(KGR + "launch-b", launch, None, "weapon", KGR + "weapon-missile", weapon, "missile"),
        state_link("exercise-a", NodeClass.EXERCISE, "participant", "KOR", "South Korea", name),
        state_link("exercise-a", NodeClass.EXERCISE, "participant", "USA", "United States", name),
        state_link("treaty-a", NodeClass.TREATY, "signatory", "PRK", "North Korea"),
        state_link("treaty-a", NodeClass.TREATY, "signatory", "USA", "United States"),
    )  # fmt: skip
    events = (
        EventInfo(KGR + "launch-a", NodeClass.LAUNCH, "art-2017", PartialDate(2017, 3, 22), agent="PRK",
                  weapon_class="missile", site="Wonsan", outcome=Outcome.FAILURE, count=1,
                  factuality=Factuality.ASSERTED, confidence=0.9),
        EventInfo(KGR + "launch-b", NodeClass.LAUNCH, "art-2024", PartialDate(2024, 6, 26), agent="PRK",
                  weapon_class="missile", outcome=Outcome.FAILURE, count=1,
                  factuality=Factuality.ASSERTED, confidence=0.95),
        EventInfo(KGR + "exercise-a", NodeClass.EXERCISE, "art-2017", PartialDate(2017, 3),
                  actors=("KOR", "USA"), factuality=Factuality.ASSERTED, confidence=0.8, name=name),
        EventInfo(KGR + "treaty-a", NodeClass.TREATY, "art-2017", PartialDate(1953), actors=("PRK", "USA"),
                  factuality=Factuality.ASSERTED, confidence=0.6, name="Korean Armistice Agreement"),
        EventInfo(KGR + "treaty-n", NodeClass.TREATY, "art-2017", None, factuality=Factuality.NEGATED,
                  confidence=0.4),
    )  # fmt: skip
    sources = (
        Source(KGR + "launch-a", "art-2017", "2017-03-23", 0, 40, "North Korea fired a missile at Wonsan."),
        Source(KGR + "launch-b", "art-2024", "2024-06-26", 0, len(sentence), sentence),
        Source(KGR + "exercise-a", "art-2017", "2017-03-23", 41, 90, "South Korea and the US held drills."),
        Source(KGR + "treaty-a", "art-2017", "2017-03-23", 91, 140, "The armistice was signed in 1953."),
        Source(KGR + "treaty-n", "art-2017", "2017-03-23", 141, 170, "There is no peace treaty."),
    )
    mentions = (
        LaunchMention(KGR + "launch-a", "PRK", "KOR", "South Korea", 2),
        LaunchMention(KGR + "launch-b", "PRK", "JPN", "Japan", 1),
    )
    return NetworkRows(links, events, sources, mentions)
