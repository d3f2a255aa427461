"""What the article has said so far, for pronouns and left-out actors.

"It said the missile...", "the country suffered...", "The missile was launched from...":
these name no state. The rules resolve them against the discourse: the state the article
last made the subject of a sentence, or the agent of the last launch.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(slots=True)
class Discourse:
    topic: str | None = None  # the last state that was a sentence's grammatical subject
    last_agent: str | None = None  # agent of the last launch candidate
    agents_seen: dict[str, int] = field(default_factory=dict)  # launch agents by frequency

    def actor(self) -> str | None:
        """Best guess for a launch agent the sentence leaves out."""
        if self.last_agent is not None:
            return self.last_agent
        if self.topic is not None:
            return self.topic
        return max(self.agents_seen, key=lambda k: self.agents_seen[k]) if self.agents_seen else None

    def saw_agent(self, agent: str) -> None:
        self.last_agent = agent
        self.agents_seen[agent] = self.agents_seen.get(agent, 0) + 1
