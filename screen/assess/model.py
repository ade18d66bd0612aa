"""What an assessment is made of: each party's screening, the red flags raised, and the
context the rules read. Plain dataclasses; no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .project import Decision, Party, Project

if TYPE_CHECKING:
    from ..match import Hit
    from ..register.graph import Chain
    from ..register.model import AssistanceType, Body, Country, Register
    from ..screening import ListUsed


@dataclass(frozen=True, slots=True)
class Cite:
    """Where a piece of evidence comes from: a document (with its address when known) or a list entry."""

    label: str
    url: str | None = None


@dataclass(frozen=True, slots=True)
class Evidence:
    text: str
    cites: tuple[Cite, ...] = ()


@dataclass(slots=True)
class PartyResult:
    """One party screened: the hits that stand (after analysts' decisions) and the link chains."""

    party: Party
    status: str  # match, review, clear, not screened
    hits: list[Hit] = field(default_factory=list)
    chains: dict[str, list[Chain]] = field(default_factory=dict)  # hit card id -> chains from that body
    decisions: list[tuple[Decision, Hit]] = field(default_factory=list)  # decisions that applied to a hit
    confirmed: frozenset[str] = frozenset()  # card ids an analyst confirmed

    def counts_as_match(self, hit: Hit) -> bool:
        return hit.level == "match" or hit.card.id in self.confirmed


@dataclass(frozen=True, slots=True)
class Flag:
    """A red flag raised by one rule, for one party or for the project as a whole."""

    rule: str
    level: str
    title: str
    finding: str
    party: str | None = None  # the party's name
    where: str | None = None  # where the party is in the project file
    evidence: tuple[Evidence, ...] = ()


@dataclass(slots=True)
class Context:
    """Everything the red-flag rules read."""

    project: Project
    register: Register
    parties: list[PartyResult]
    hosts: list[tuple[str, Country | None]]
    assistance: list[AssistanceType]
    lists: list[ListUsed]

    def body(self, hit: Hit) -> Body | None:
        from ..screening import REGISTER

        if hit.card.source != REGISTER:
            return None
        return self.register.bodies.get(hit.card.record_id)

    def cite(self, ids: tuple[str, ...]) -> tuple[Cite, ...]:
        out = []
        for i in ids:
            s = self.register.sources.get(i)
            if s is not None:
                out.append(Cite(f"{s.publisher}, \u201c{s.title}\u201d ({s.date})", s.url))
        return tuple(out)

    def list_used(self, source: str) -> ListUsed | None:
        return next((u for u in self.lists if u.source == source), None)
