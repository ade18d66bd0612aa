"""Following links between register bodies: from a body a partner matched, every chain
of links (up to a depth) that ends at a body on an official list or with documented
abuses, each step with its sources. Pure: the register is passed in."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

from .model import Body, Register
from .vocab import LINK_TYPES

DEFAULT_DEPTH = 3


@dataclass(frozen=True, slots=True)
class Step:
    """One link followed: ``source`` --relation--> ``target``."""

    source: str  # body id
    target: str  # body id
    relation: str  # words for the direction followed ("cooperates with", "has as a unit")
    type: str  # the link type as written in the register
    inverse: bool  # followed against the direction it was written in
    summary: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Chain:
    """A path of links from the matched body to a flagged one."""

    start: str
    steps: tuple[Step, ...]

    @property
    def end(self) -> str:
        return self.steps[-1].target

    def describe(self, register: Register) -> str:
        """"cooperates with Xinjiang Police College — US Consolidated Screening List (Entity List), 2019-10-09"."""
        words = []
        for s in self.steps:
            words.append(f"{s.relation} {register.bodies[s.target].name}")
        end = register.bodies[self.end]
        return " \u2192 ".join(words) + f" \u2014 {end.flag_summary()}"

    def to_dict(self, register: Register) -> dict[str, object]:
        end = register.bodies[self.end]
        return {
            "text": self.describe(register),
            "end": {"id": end.id, "name": end.name, "flag": end.flag_summary()},
            "steps": [
                {"from": s.source, "from_name": register.bodies[s.source].name, "relation": s.relation,
                 "to": s.target, "to_name": register.bodies[s.target].name, "summary": s.summary,
                 "sources": [register.sources[x].url for x in s.sources if x in register.sources]}
                for s in self.steps
            ],
        }


def link_edges(register: Register) -> dict[str, list[Step]]:
    """Every link in both directions, keyed by the body it leaves from (build once, pass
    to :func:`chains` for many starts)."""
    out: dict[str, list[Step]] = {bid: [] for bid in register.bodies}
    for body in register.bodies.values():
        for link in body.links:
            spec = LINK_TYPES[link.type]
            out[body.id].append(Step(body.id, link.target, str(spec["forward"]), link.type, False,
                                     link.summary, link.sources))
            out.setdefault(link.target, []).append(
                Step(link.target, body.id, str(spec["inverse"]), link.type, True, link.summary, link.sources))
    for steps in out.values():
        steps.sort(key=lambda s: (s.target, s.type, s.inverse))
    return out


def _goes_up(step: Step) -> bool:
    return bool(LINK_TYPES[step.type]["up"]) and not step.inverse


def _goes_down(step: Step) -> bool:
    return bool(LINK_TYPES[step.type]["up"]) and step.inverse


def chains(register: Register, start: str, depth: int = DEFAULT_DEPTH,
           edges: dict[str, list[Step]] | None = None) -> list[Chain]:
    """Every chain of at most ``depth`` links from ``start`` to a flagged body.

    A chain stops at the first flagged body it reaches (what lies beyond is that body's
    own record); from a body that is itself flagged only its direct links are followed,
    since its own record is already the finding. A chain never visits a body twice, and never goes up a hierarchy and then down
    again (a college under a ministry is not thereby linked to every other unit of the
    ministry). Shortest chains first, then by the ids along them. ``edges`` is
    :func:`link_edges` of the register, when the caller already has it.
    """
    if start not in register.bodies or depth < 1:
        return []
    if register.bodies[start].flagged:
        depth = 1
    if edges is None:
        edges = link_edges(register)
    found: list[Chain] = []
    queue: deque[tuple[tuple[Step, ...], bool]] = deque([((), False)])
    while queue:
        path, went_up = queue.popleft()
        here = path[-1].target if path else start
        if len(path) >= depth:
            continue
        visited = {start, *(s.target for s in path)}
        for step in edges.get(here, ()):
            if step.target in visited or (went_up and _goes_down(step)):
                continue
            new = path + (step,)
            target: Body = register.bodies[step.target]
            if target.flagged:
                found.append(Chain(start, new))
            else:
                queue.append((new, went_up or _goes_up(step)))
    found.sort(key=lambda c: (len(c.steps), [s.target for s in c.steps]))
    return found
