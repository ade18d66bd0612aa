"""The red-flag rules. Each rule is a function of the assessment :class:`Context` that
yields flags; its docstring is what the report tells the user about the rule (first
line: the title; the rest: what it checks and why). The levels are hrdd's method.

Rules are pure: they read the context and return flags, in a stable order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .model import Cite, Context, Evidence, Flag, PartyResult

if TYPE_CHECKING:
    from ..match import Hit
    from ..register.graph import Chain
    from ..register.model import Body

RuleFn = Callable[[Context], Iterator[Flag]]


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    fn: RuleFn
    levels: tuple[str, ...]  # the levels this rule can raise

    @property
    def title(self) -> str:
        return (self.fn.__doc__ or "").strip().splitlines()[0].strip()

    @property
    def text(self) -> str:
        """The rule's explanation, as one paragraph."""
        lines = (self.fn.__doc__ or "").strip().splitlines()[1:]
        return " ".join(line.strip() for line in lines if line.strip())


RULES: list[Rule] = []


def rule(rule_id: str, *levels: str) -> Callable[[RuleFn], RuleFn]:
    def register(fn: RuleFn) -> RuleFn:
        RULES.append(Rule(rule_id, fn, levels))
        return fn

    return register


def rule_by_id(rule_id: str) -> Rule:
    return next(r for r in RULES if r.id == rule_id)


def _flag(rule_id: str, level: str, finding: str, pr: PartyResult | None = None,
          evidence: list[Evidence] | tuple[Evidence, ...] = ()) -> Flag:
    r = rule_by_id(rule_id)
    return Flag(rule_id, level, r.title, finding, pr.party.name if pr else None, pr.party.where if pr else None,
                tuple(evidence))


# --- helpers -----------------------------------------------------------------------------

def _asset_freeze_list(hit: Hit) -> bool:
    from ..register.vocab import ASSET_FREEZE_LISTS

    if hit.card.source in ASSET_FREEZE_LISTS:
        return True
    # the CSL carries Treasury's SDN rows as one of its sub-lists
    return hit.card.source == "us_csl" and any("Specially Designated Nationals" in x or "(SDN)" in x
                                                for x in hit.card.lists)


def _list_label(ctx: Context, hit: Hit) -> str:
    used = ctx.list_used(hit.card.source)
    when = f", version {used.version}" if used else ""
    sub = f" [{', '.join(hit.card.lists)}]" if hit.card.lists else ""
    return f"{hit.card.source} entry {hit.card.record_id}{sub}{when}"


def _hit_evidence(ctx: Context, pr: PartyResult, hit: Hit) -> Evidence:
    matched = "" if hit.matched_name == hit.card.name else f" (as \u201c{hit.matched_name}\u201d)"
    progs = f"; programmes {', '.join(hit.card.programs)}" if hit.card.programs else ""
    on = f"; listed {hit.card.listed_on}" if hit.card.listed_on else ""
    confirmed = "; confirmed by an analyst" if hit.card.id in pr.confirmed and hit.level != "match" else ""
    text = (f"\u201c{pr.party.name}\u201d scores {hit.score} ({hit.level}) against \u201c{hit.card.name}\u201d"
            f"{matched}{progs}{on}{confirmed}")
    return Evidence(text, (Cite(_list_label(ctx, hit)),))


def _matched_bodies(ctx: Context, pr: PartyResult) -> Iterator[tuple[Hit, Body]]:
    for hit in pr.hits:
        body = ctx.body(hit)
        if body is not None and pr.counts_as_match(hit):
            yield hit, body


def _listing_evidence(ctx: Context, pr: PartyResult, asset_freeze: bool) -> list[Evidence]:
    """The party's list matches, and the designations of register bodies it matches, that
    are (or, with ``asset_freeze`` false, are not) asset freezes."""
    from ..register.vocab import ASSET_FREEZE_LISTS

    ev = [_hit_evidence(ctx, pr, h) for h in pr.hits
          if pr.counts_as_match(h) and ctx.body(h) is None and _asset_freeze_list(h) == asset_freeze]
    for _, body in _matched_bodies(ctx, pr):
        for d in body.designations:
            if (d.list in ASSET_FREEZE_LISTS) == asset_freeze:
                ref = f" (ref. {d.reference})" if d.reference else ""
                ev.append(Evidence(f"register: {body.name} \u2014 {d.label()}{ref}", ctx.cite(d.sources)))
    return ev


def _chain_evidence(ctx: Context, pr: PartyResult, body: Body, chain: Chain) -> list[Evidence]:
    reg = ctx.register
    out = [Evidence(f"{body.name} {chain.describe(reg)}")]
    for s in chain.steps:
        out.append(Evidence(f"{reg.bodies[s.source].name} \u2192 {reg.bodies[s.target].name}: {s.summary}",
                            ctx.cite(s.sources)))
    end = reg.bodies[chain.end]
    for d in end.designations:
        out.append(Evidence(f"{end.name}: {d.label()}" + (f" (ref. {d.reference})" if d.reference else ""),
                            ctx.cite(d.sources)))
    for c in end.concerns:
        out.append(Evidence(f"{end.name}: {c.summary}", ctx.cite(c.sources)))
    return out


def _chains(ctx: Context, pr: PartyResult) -> Iterator[tuple[Body, Chain]]:
    for hit, body in _matched_bodies(ctx, pr):
        for chain in pr.chains.get(hit.card.id, []):
            yield body, chain


def _is_person(ctx: Context, body_id: str) -> bool:
    return ctx.register.bodies[body_id].kind == "person"


# --- partner rules -------------------------------------------------------------------------

@rule("asset-freeze-match", "prohibited")
def asset_freeze_match(ctx: Context) -> Iterator[Flag]:
    """A party is an asset-freeze target
    The party matches an entry on an asset-freeze list (OFAC SDN, UK Sanctions List, EU or UN Security Council
    list), or is a register body recorded as holding such a designation. Making funds or economic resources
    available to it may be prohibited outright, whatever a human-rights assessment concludes."""
    for pr in ctx.parties:
        ev = _listing_evidence(ctx, pr, asset_freeze=True)
        if ev:
            yield _flag("asset-freeze-match", "prohibited", f"{pr.party.name} matches an asset-freeze target", pr, ev)


@rule("list-match", "high")
def list_match(ctx: Context) -> Iterator[Flag]:
    """A party is on an export-control or other official list
    The party matches an entry on an official list that is not an asset freeze (for example the US Commerce
    Entity List, or OFAC's non-SDN lists), or is a register body recorded as holding such a designation or a
    government's individual sanction or visa ban. Such listings are made for a body's part in abuses or in
    threats to security; working with it needs the most senior approval."""
    for pr in ctx.parties:
        ev = _listing_evidence(ctx, pr, asset_freeze=False)
        if ev:
            yield _flag("list-match", "high", f"{pr.party.name} matches a listed body", pr, ev)


@rule("possible-match", "medium")
def possible_match(ctx: Context) -> Iterator[Flag]:
    """A possible match is unresolved
    The party's name is close to a listed entry or a register body, but not close enough for hrdd to call it
    the same body. Until an analyst compares the records (country, identifiers, addresses) and records the
    decision in the project file's `reviewed:` section, it stays open."""
    for pr in ctx.parties:
        ev = [_hit_evidence(ctx, pr, h) for h in pr.hits if not pr.counts_as_match(h)]
        if ev:
            yield _flag("possible-match", "medium", f"{pr.party.name}: {len(ev)} possible match(es) to resolve", pr, ev)


@rule("unit-of-concern", "high")
def unit_of_concern(ctx: Context) -> Iterator[Flag]:
    """A party is documented as committing abuses
    The party matches a register body that UN bodies, courts, governments or major human-rights organisations
    have documented as responsible for abuses such as torture, extrajudicial killing, enforced disappearance or
    arbitrary detention."""
    for pr in ctx.parties:
        ev = []
        for hit, body in _matched_bodies(ctx, pr):
            for c in body.concerns:
                ev.append(Evidence(f"{body.name}: {c.summary}" + (f" ({c.period})" if c.period else ""),
                                   ctx.cite(c.sources)))
        if ev:
            yield _flag("unit-of-concern", "high", f"{pr.party.name} is documented as committing abuses", pr, ev)


def _linked(ctx: Context, listed: bool) -> Iterator[Flag]:
    rule_id = "linked-to-listed" if listed else "linked-to-abuser"
    for pr in ctx.parties:
        direct, indirect = [], []
        for body, chain in _chains(ctx, pr):
            end = ctx.register.bodies[chain.end]
            if len(chain.steps) == 1 and _is_person(ctx, chain.end):
                continue  # officials: see sanctioned-officials
            is_listed = bool(end.designations)
            if is_listed != listed:
                continue
            (direct if len(chain.steps) == 1 else indirect).append(_chain_evidence(ctx, pr, body, chain))
        for group, level, words in ((direct, "high", "directly"), (indirect, "medium", "indirectly")):
            if group:
                what = "a listed body" if listed else "a body documented as committing abuses"
                yield _flag(rule_id, level, f"{pr.party.name} is {words} linked to {what}", pr,
                            [e for chain_ev in group for e in chain_ev])


@rule("linked-to-listed", "high", "medium")
def linked_to_listed(ctx: Context) -> Iterator[Flag]:
    """A party is linked to a listed body
    The register records a link from the party (cooperation, training, a parent body or a unit) to a body on an
    official list. A direct link (the partner cooperates with, trains, belongs to or commands the listed body)
    raises the risk to high: what the project gives the partner can reach the listed body. A chain of two or
    more links raises it to medium."""
    yield from _linked(ctx, listed=True)


@rule("linked-to-abuser", "high", "medium")
def linked_to_abuser(ctx: Context) -> Iterator[Flag]:
    """A party is linked to a body documented as committing abuses
    The register records a link from the party to a body that is on no official list but that UN bodies or
    human-rights organisations have documented as responsible for abuses. A direct link raises the risk to
    high; a chain of two or more links to medium."""
    yield from _linked(ctx, listed=False)


@rule("sanctioned-officials", "high")
def sanctioned_officials(ctx: Context) -> Iterator[Flag]:
    """A party's officials are individually sanctioned or documented
    The register records a person who is or was an officer of the party and who is individually designated (an
    asset freeze, an export-control or visa ban) or documented as responsible for abuses. It points to command
    responsibility within the party."""
    for pr in ctx.parties:
        ev: list[Evidence] = []
        for body, chain in _chains(ctx, pr):
            if len(chain.steps) == 1 and _is_person(ctx, chain.end):
                ev.extend(_chain_evidence(ctx, pr, body, chain))
        if ev:
            yield _flag("sanctioned-officials", "high", f"officials of {pr.party.name} are sanctioned or documented",
                        pr, ev)


@rule("capability-matches-abuse", "high")
def capability_matches_abuse(ctx: Context) -> Iterator[Flag]:
    """The assistance builds a capability a party is documented as abusing
    An abuse the assistance type can contribute to (for example torture, for investigative interviewing) is
    among the abuses documented for the party, or for a body it is directly linked to. This is the case the
    serious-risk test is about: the assistance could directly contribute to a violation."""
    from ..register.vocab import CONCERNS

    for pr in ctx.parties:
        ev = []
        bodies: list[Body] = []
        for hit, body in _matched_bodies(ctx, pr):
            bodies.append(body)
            bodies.extend(ctx.register.bodies[c.end] for c in pr.chains.get(hit.card.id, []) if len(c.steps) == 1)
        seen: set[tuple[str, str, str]] = set()
        for a in ctx.assistance:
            for body in bodies:
                for c in body.concerns:
                    key = (a.id, body.id, c.category)
                    if c.category in a.concerns and key not in seen:
                        seen.add(key)
                        ev.append(Evidence(f"{a.label} can contribute to {CONCERNS.get(c.category, c.category)}; "
                                           f"{body.name}: {c.summary}", ctx.cite(c.sources)))
        if ev:
            yield _flag("capability-matches-abuse", "high",
                        f"the assistance to {pr.party.name} matches abuses documented for it or a linked body", pr, ev)


@rule("not-screened", "medium")
def not_screened(ctx: Context) -> Iterator[Flag]:
    """A party could not be screened
    A name in the project could not be matched (it is empty, unreadable, or has no letters or digits). An
    unscreened party is an unknown, not a clear result."""
    for pr in ctx.parties:
        if pr.status == "not screened":
            yield _flag("not-screened", "medium", f"{pr.party.where}: {pr.party.problem}", pr)


@rule("designated-since-start", "high")
def designated_since_start(ctx: Context) -> Iterator[Flag]:
    """A party or a linked body was designated after the work began
    The project is a renewal or is under way, and a party, or a body the register links it to, was put on an
    official list after the project's start date. The situation has changed since the original decision, and
    the assessment must be redone before the work continues."""
    p = ctx.project
    if p.stage == "proposal" or not p.start:
        return
    for pr in ctx.parties:
        ev = []
        for hit, body in _matched_bodies(ctx, pr):
            ends = [body] + [ctx.register.bodies[c.end] for c in pr.chains.get(hit.card.id, [])]
            for b in dict.fromkeys(ends):
                for d in b.designations:
                    if d.date and d.date > p.start:
                        ev.append(Evidence(f"{b.name}: {d.label()}, after the project start ({p.start})",
                                           ctx.cite(d.sources)))
        for hit in pr.hits:
            if ctx.body(hit) is None and pr.counts_as_match(hit) and hit.card.listed_on and hit.card.listed_on > p.start:
                ev.append(_hit_evidence(ctx, pr, hit))
        if ev:
            yield _flag("designated-since-start", "high",
                        f"{pr.party.name}: designation since the project began ({p.start})", pr, ev)


# --- host-country and assistance rules ------------------------------------------------------

def _indicator_evidence(ctx: Context, code: str, key: str, text: str) -> Evidence:
    country = dict(ctx.hosts)[code]
    ind = country.indicators[key] if country else None
    year = f" ({ind.year})" if ind and ind.year else ""
    return Evidence(text + year, ctx.cite(ind.sources) if ind else ())


@rule("host-not-assessed", "medium")
def host_not_assessed(ctx: Context) -> Iterator[Flag]:
    """The host country has no indicators in the register
    hrdd has no recorded indicators for a host country, so the host-country stage cannot be done from its data.
    Until it is done by hand (or the country is added to a register folder), the risk cannot be called low."""
    for code, country in ctx.hosts:
        if country is None or not country.indicators:
            yield _flag("host-not-assessed", "medium", f"no indicators recorded for {code}")


@rule("priority-country", "medium")
def priority_country(ctx: Context) -> Iterator[Flag]:
    """The host country is a UK human rights priority country
    The FCDO names the country as one of its human rights priority countries, where it is most concerned about
    the human-rights situation."""
    for code, country in ctx.hosts:
        ind = country.indicators.get("hrpc") if country else None
        if ind is not None and ind.value is True:
            yield _flag("priority-country", "medium", f"{country.name} is an FCDO human rights priority country",
                        evidence=[_indicator_evidence(ctx, code, "hrpc", f"{country.name}: FCDO human rights priority country")])


@rule("political-terror", "medium")
def political_terror(ctx: Context) -> Iterator[Flag]:
    """The host country's Political Terror Scale score is 3 or worse
    In at least one of the scale's three sources (Amnesty International, Human Rights Watch, US State Department
    reports) political imprisonment, killings or other state violence are at least widespread (3 on a scale from
    1, secure rule of law, to 5, terror affecting the whole population)."""
    for code, country in ctx.hosts:
        ind = country.indicators.get("pts") if country else None
        if ind is None or not isinstance(ind.value, dict):
            continue
        scores = {k: v for k, v in ind.value.items() if isinstance(v, int)}
        if scores and max(scores.values()) >= 3:
            text = f"{country.name}: PTS " + ", ".join(f"{k} {v}" for k, v in scores.items())
            yield _flag("political-terror", "medium", f"{country.name} scores {max(scores.values())} on the Political Terror Scale",
                        evidence=[_indicator_evidence(ctx, code, "pts", text)])


@rule("death-penalty", "medium", "high")
def death_penalty(ctx: Context) -> Iterator[Flag]:
    """The host country retains and uses the death penalty
    The country keeps the death penalty in law and carries out executions. When the assistance supports
    investigations or prosecutions that can end in a death sentence, hrdd raises this to high: the OSJA guidance
    has Ministers consulted on death-penalty cases, and assurances are the usual mitigation."""
    exposed = [a for a in ctx.assistance if "death-penalty" in a.concerns]
    for code, country in ctx.hosts:
        ind = country.indicators.get("death_penalty") if country else None
        if ind is None or ind.value != "retentionist":
            continue
        ev = [_indicator_evidence(ctx, code, "death_penalty", f"{country.name}: retentionist"
                                  + (f" \u2014 {ind.note}" if ind.note else ""))]
        if exposed:
            ev += [Evidence(f"{a.label} can contribute to the death penalty", ctx.cite(a.sources)) for a in exposed]
            yield _flag("death-penalty", "high", f"{country.name} retains the death penalty and the assistance "
                        "supports cases that can end in it", evidence=ev)
        else:
            yield _flag("death-penalty", "medium", f"{country.name} retains and uses the death penalty", evidence=ev)


@rule("armed-conflict", "medium")
def armed_conflict(ctx: Context) -> Iterator[Flag]:
    """The host country is in armed conflict
    International humanitarian law applies as well as human-rights law, and both must be assessed."""
    for code, country in ctx.hosts:
        ind = country.indicators.get("armed_conflict") if country else None
        if ind is not None and ind.value is True:
            yield _flag("armed-conflict", "medium", f"{country.name} is in armed conflict",
                        evidence=[_indicator_evidence(ctx, code, "armed_conflict", f"{country.name}: armed conflict"
                                                      + (f" \u2014 {ind.note}" if ind.note else ""))])


@rule("higher-risk-assistance", "medium")
def higher_risk_assistance(ctx: Context) -> Iterator[Flag]:
    """The assistance is of a higher-risk type
    Documented cases show skills and equipment of this kind (interviewing, public order, counter-terrorism,
    forensics, surveillance, detention, prosecution support, equipment) used in abuses by the units that
    received them."""
    for a in ctx.assistance:
        if a.higher_risk:
            yield _flag("higher-risk-assistance", "medium", f"{a.label} is a higher-risk type of assistance",
                        evidence=[Evidence(a.rationale, ctx.cite(a.sources))])


@rule("no-prior-assessment", "medium")
def no_prior_assessment(ctx: Context) -> Iterator[Flag]:
    """Work under way with no human-rights assessment on record
    The project is a renewal or is already under way, but the project file records no earlier human-rights
    assessment (an OSJA or equivalent) made before the work began."""
    p = ctx.project
    if p.stage != "proposal" and not p.previous_assessment:
        yield _flag("no-prior-assessment", "medium", f"stage {p.stage}: no earlier assessment recorded")


def run_rules(ctx: Context) -> list[Flag]:
    """Every flag every rule raises, worst first, then in rule order (stable)."""
    from .method import rank

    flags = [f for r in RULES for f in r.fn(ctx)]
    order = {r.id: i for i, r in enumerate(RULES)}
    return sorted(flags, key=lambda f: (-rank(f.level), order[f.rule]))
