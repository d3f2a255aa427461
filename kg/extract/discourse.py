"""What the article has said so far, for pronouns and left-out actors.

"It said the missile...", "the country suffered...", "The missile was launched from...":
these name no state. The rules resolve them against the discourse: the state the article
last made the subject of a sentence, or the agent of the last launch.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from kg.models import Factuality, WeaponRef


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

    launchers: dict[str, int] = field(default_factory=dict)  # "the Indian missile": whose missiles
    # the weapon and class of the last launch that named them: what "it fired two more" fired
    projectile: tuple[WeaponRef | None, str | None] | None = None
    # the sentence that last told an exercise, and how (a plan, a report, a denial)
    exercise_at: tuple[int, Factuality] | None = None

    def exercise_told(self, index: int, within: int, *, here: bool = False) -> Factuality | None:
        """How the exercise told in the `within` sentences before sentence `index` (or in it, with
        `here`) was told; None when none was: what a sentence about taking part or training
        refers to."""
        if self.exercise_at is None:
            return None
        told, how = self.exercise_at
        return how if (0 if here else 1) <= index - told <= within else None

    def saw_launcher(self, state: str) -> None:
        """A state whose projectile the text names ("the Indian missile that crashed", a
        Hwasong-12): a likely launcher of what follows."""
        self.launchers[state] = self.launchers.get(state, 0) + 1

    def actor(self, exclude: frozenset[str] = frozenset()) -> str | None:
        """Best guess for a launch agent the sentence leaves out: the state the article has
        named as a launcher most often (the latest of equals), else the state whose projectiles
        it has named most, else the state it has talked about most. A state in `exclude` (the
        sentence's reporting states: "South Korea's military said two missiles were fired") is
        taken only when no other state launched anything so far ("India's defence ministry said
        a missile had been fired by accident", after "the Indian missile")."""
        for scores in (self.agents_seen, self.launchers):
            allowed = {k: v for k, v in scores.items() if k not in exclude}
            if allowed:
                return max(allowed, key=lambda k: (allowed[k], k == self.last_agent))
            if scores:
                return max(scores, key=lambda k: (scores[k], k == self.last_agent))
        for mentioned in ({k: v for k, v in self.mentioned.items() if k not in exclude}, self.mentioned):
            if mentioned:  # a state reporting a launch when no other is named reports its own
                return max(mentioned, key=lambda k: (mentioned[k], k == self.topic))
        return self.topic

    def pair(self) -> list[str]:
        """The two states the article has talked about most: "each side", "the two countries"
        when no treaty between two parties was told yet."""
        ranked = sorted(self.mentioned, key=lambda k: -self.mentioned[k])
        return ranked[:2] if len(ranked) >= 2 else []

    leaders: list[str] = field(default_factory=list)  # states of the leaders named, latest last
    exercise_parties: list[tuple[str, ...]] = field(default_factory=list)  # of each exercise told

    def counted(self, n: int) -> list[str]:
        """ "The three countries", "the four navies": the participants of the last exercise told
        with that many (none when there is none: the states talked about most are often others)."""
        told = [p for p in self.exercise_parties if len(p) == n]
        return list(told[-1]) if told else []

    def saw_leaders(self, states: list[str]) -> None:
        for code in states:
            if code in self.leaders:
                self.leaders.remove(code)
            self.leaders.append(code)

    def leader_pair(self) -> list[str]:
        """ "the two leaders": the states of the two leaders named last ("after his meeting with
        Kim in Singapore", Trump told before)."""
        return self.leaders[-2:] if len(self.leaders) >= 2 else []

    def saw_states(self, states: tuple[str, ...]) -> None:
        for code in states:
            self.mentioned[code] = self.mentioned.get(code, 0) + 1

    defenders: set[str] = field(default_factory=set)  # states the text has intercepting

    def saw_defender(self, state: str) -> None:
        """A state the text has shooting down what others fired: never the guess for who fired it."""
        self.defenders.add(state)

    def saw_agent(self, agent: str) -> None:
        self.last_agent = agent
        self.agents_seen[agent] = self.agents_seen.get(agent, 0) + 1
