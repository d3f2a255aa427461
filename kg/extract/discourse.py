"""What the article has said so far, for pronouns and left-out actors.

"It said the missile...", "the country suffered...", "The missile was launched from...":
these name no state. The rules resolve them against the discourse: the state the article
last made the subject of a sentence, or the agent of the last launch.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.models import WeaponRef


@dataclass(slots=True)
class Discourse:
    topic: str | None = None  # the last state that was a sentence's grammatical subject
    last_agent: str | None = None  # agent of the last launch candidate
    agents_seen: dict[str, int] = field(default_factory=dict)  # launch agents by frequency
    platforms: dict[str, WeaponRef] = field(default_factory=dict)  # class label -> last named weapon

    def saw_weapons(self, weapons: list[WeaponRef]) -> None:
        for w in weapons:
            if w.weapon_class:
                self.platforms[w.weapon_class] = w

    def platform(self, class_label: str) -> WeaponRef | None:
        """The named weapon "the bomber" or "the carrier" refers back to."""
        return self.platforms.get(class_label)

    mentioned: dict[str, int] = field(default_factory=dict)  # state mentions so far, by frequency

    def actor(self) -> str | None:
        """Best guess for a launch agent the sentence leaves out: the state the article has
        named as a launcher most often (the latest of equals), else the state it has talked
        about most. Reports by other states ("Japan said it fell ...") do not change it."""
        if self.agents_seen:
            top = max(self.agents_seen.values())
            if self.last_agent is not None and self.agents_seen.get(self.last_agent) == top:
                return self.last_agent
            return max(self.agents_seen, key=lambda k: (self.agents_seen[k], k == self.last_agent))
        if self.mentioned:
            return max(self.mentioned, key=lambda k: (self.mentioned[k], k == self.topic))
        return self.topic

    def saw_states(self, states: tuple[str, ...]) -> None:
        for code in states:
            self.mentioned[code] = self.mentioned.get(code, 0) + 1

    def saw_agent(self, agent: str) -> None:
        self.last_agent = agent
        self.agents_seen[agent] = self.agents_seen.get(agent, 0) + 1
