"""Assess a project: screen every party, read the host-country and assistance context,
run the red-flag rules, and put together the report's content as one JSON-shaped
document that every renderer formats.

Pure: the screener (lists and register), the run time and the tool version are passed
in; nothing here reads files, clocks or the network.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..match import Query
from ..screening import REGISTER, Screener, hit_record
from .method import APPROVAL, GUIDANCE, LEVELS, METHOD_NOTE, RISK_WORDS, rank, worst
from .mitigations import MITIGATIONS
from .model import Cite, Context, Evidence, Flag, PartyResult
from .project import Project, check_assistance
from .rules import RULES, rule_by_id, run_rules

if TYPE_CHECKING:
    from ..match import Hit
    from ..register.model import Country

SCHEMA_VERSION = 1

INDICATORS = {  # key -> label, in report order
    "pts": "Political Terror Scale (Amnesty / HRW / US State Dept; 1 best, 5 worst)",
    "freedom_house": "Freedom House, Freedom in the World",
    "hrpc": "FCDO human rights priority country",
    "death_penalty": "Death penalty",
    "cat_party": "Party to the UN Convention against Torture",
    "armed_conflict": "Armed conflict (international humanitarian law applies)",
}
SHOW_BODIES = 6  # register bodies named per abuse category in the assistance section (the rest are counted)
FH_STATUS = {"F": "Free", "PF": "Partly Free", "NF": "Not Free"}


@dataclass(slots=True)
class Assessment:
    project: Project
    parties: list[PartyResult]
    flags: list[Flag]
    risk: str
    doc: dict[str, Any] = field(default_factory=dict)  # the report's content; what renderers format
    lists_missing: bool = False  # no official list was searched

    def fails(self, fail_on: str) -> bool:
        """True when a red flag is at or above ``fail_on`` ("never" never fails)."""
        return fail_on != "never" and any(rank(f.level) >= rank(fail_on) for f in self.flags)


def screen_parties(project: Project, screener: Screener) -> list[PartyResult]:
    """Every party of the project, in file order, with its hits after analysts' decisions."""
    out = []
    cache: dict[tuple[str, str | None, str | None, str | None], list[Hit] | None] = {}
    for p in project.parties:
        if p.problem or not p.name:
            out.append(PartyResult(p, "not screened"))
            continue
        key = (p.name, p.kind, p.country, p.born)
        if key not in cache:
            res = screener.matcher.match(Query(p.name, p.kind, p.country, p.born))
            cache[key] = res.hits if res.form.tokens else None
        hits = cache[key]
        if hits is None:
            out.append(PartyResult(replace(p, problem="no letters or digits to match on"), "not screened"))
            continue
        applied = []
        kept = []
        confirmed = set()
        for h in hits:
            d = next((d for d in project.reviewed if d.party.casefold() == p.name.casefold()
                      and d.source == h.card.source and d.entity_id in (h.card.record_id, h.card.id)), None)
            if d is not None:
                applied.append((d, h))
                if d.decision == "confirmed":
                    confirmed.add(h.card.id)
            if d is None or d.decision == "confirmed":
                kept.append(h)
        pr = PartyResult(p, "clear", kept, decisions=applied, confirmed=frozenset(confirmed))
        if any(pr.counts_as_match(h) for h in kept):
            pr.status = "match"
        elif kept:
            pr.status = "review"
        pr.chains = {h.card.id: screener.chains(h) for h in kept if h.card.source == REGISTER}
        out.append(pr)
    return out


# --- the report document -------------------------------------------------------------------

def _cites(cites: tuple[Cite, ...]) -> list[dict[str, Any]]:
    return [{"label": c.label, "url": c.url} for c in cites]


def _evidence(ev: tuple[Evidence, ...]) -> list[dict[str, Any]]:
    return [{"text": e.text, "sources": _cites(e.cites)} for e in ev]


def _indicator_text(key: str, value: Any, note: str | None) -> str:
    if key == "pts" and isinstance(value, dict):
        names = {"amnesty": "Amnesty", "hrw": "HRW", "state": "State Dept"}
        return " / ".join(f"{names.get(k, k)} {v}" for k, v in value.items())
    if key == "freedom_house" and isinstance(value, dict):
        status = FH_STATUS.get(str(value.get("status")), str(value.get("status")))
        parts = [f"{status}, {value.get('total')}/100"]
        if "political_rights" in value:
            parts.append(f"political rights {value['political_rights']}/40, civil liberties {value.get('civil_liberties')}/60")
        if "f3_physical_force" in value:
            parts.append(f"protection from illegitimate physical force (F3) {value['f3_physical_force']}/4")
        return "; ".join(parts)
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def _host_doc(ctx: Context) -> list[dict[str, Any]]:
    out = []
    for code, country in ctx.hosts:
        rows, missing = [], []
        for key, label in INDICATORS.items():
            ind = country.indicators.get(key) if country else None
            if ind is None:
                if not (key == "hrpc" and code == "GB"):
                    missing.append(label)
                continue
            rows.append({"key": key, "label": label, "value": ind.value, "text": _indicator_text(key, ind.value, ind.note),
                         "year": ind.year, "note": ind.note, "sources": _cites(ctx.cite(ind.sources))})
        out.append({"code": code, "name": country.name if country else code, "recorded": country is not None,
                    "indicators": rows, "missing": missing, "sanctioned_officials": _officials(ctx, code)})
    return out


def _officials(ctx: Context, code: str) -> list[dict[str, Any]]:
    """People of the host country under individual sanctions (register persons with
    designations), with the bodies they served as officers."""
    out = []
    for b in sorted(ctx.register.bodies.values(), key=lambda b: b.name):
        if b.country != code or b.kind != "person" or not b.designations:
            continue
        served = [ctx.register.bodies[k.target].name for k in b.links if k.type == "officer_of"]
        cites = tuple(c for d in b.designations for c in ctx.cite(d.sources))
        out.append({"id": b.id, "name": b.name, "served": served, "flag": b.flag_summary(),
                    "sources": _cites(tuple(dict.fromkeys(cites)))})
    return out


def _assistance_doc(ctx: Context) -> list[dict[str, Any]]:
    from ..register.vocab import CONCERNS

    out = []
    for a in ctx.assistance:
        record = []
        for code, country in ctx.hosts:
            for cat in a.concerns:
                bodies = sorted(b.name for b in ctx.register.bodies.values()
                                if b.country == code and any(c.category == cat for c in b.concerns))
                if bodies:
                    record.append({"country": code, "category": cat, "label": CONCERNS.get(cat, cat),
                                   "bodies": bodies[:SHOW_BODIES], "count": len(bodies)})
        out.append({
            "id": a.id, "label": a.label, "description": a.description, "higher_risk": a.higher_risk,
            "rationale": a.rationale, "sources": _cites(ctx.cite(a.sources)),
            "concerns": [{"category": c, "label": CONCERNS.get(c, c)} for c in a.concerns],
            "host_record": record,
        })
    return out


def _party_doc(ctx: Context, pr: PartyResult) -> dict[str, Any]:
    p = pr.party
    return {
        "name": p.name, "role": p.role, "detail": p.detail, "where": p.where, "country": p.country, "kind": p.kind,
        "status": pr.status, "problem": p.problem,
        "hits": [{**hit_record(h, ctx.register, pr.chains),
                  "confirmed": h.card.id in pr.confirmed} for h in pr.hits],
        "decisions": [{**d.to_dict(), "listed_name": h.card.name, "score": h.score} for d, h in pr.decisions],
    }


def _top(flags: list[Flag], n: int = 3) -> list[Flag]:
    """The flags for the summary: worst first, preferring a party not yet shown, so that
    the few lines cover more of the project."""
    chosen: list[Flag] = []
    rest = list(flags)
    while rest and len(chosen) < n:
        parties = {f.party for f in chosen}
        best = min(rest, key=lambda f: (-rank(f.level), f.party in parties, flags.index(f)))
        chosen.append(best)
        rest.remove(best)
    return chosen


def _monitoring(ctx: Context, flags: list[Flag]) -> list[str]:
    out = []
    searched = [u for u in ctx.lists if u.source != REGISTER]
    if searched:
        out.append("Re-run this assessment after every list update (`hrdd lists update`, then `hrdd assess`): "
                   "a new designation of any party, or of a body linked to one, changes the result. Lists used: "
                   + ", ".join(f"{u.source} {u.published or (u.fetched_at or '')[:10]}" for u in searched) + ".")
    else:
        out.append("No official list was searched: import the lists (`hrdd lists update` or `hrdd lists import DIR`) "
                   "and run the assessment again before relying on it.")
    # documented but unlisted bodies on the parties' chains: a listing would raise the flag
    seen = set()
    for pr in ctx.parties:
        for hit in pr.hits:
            body = ctx.body(hit)
            if body is None or not pr.counts_as_match(hit):
                continue
            candidates = [(body, 0)] + [(ctx.register.bodies[c.end], len(c.steps)) for c in pr.chains.get(hit.card.id, [])]
            for b, hops in candidates:
                if b.designations or not b.concerns or (pr.party.name, b.id) in seen:
                    continue
                seen.add((pr.party.name, b.id))
                effect = ("list-match (high)" if hops == 0 else
                          "linked-to-listed (high)" if hops == 1 else "linked-to-listed (medium)")
                what = "it" if hops == 0 else f"{b.name}, to which it is linked"
                out.append(f"{pr.party.name}: if {what} is designated on an official list, the flag becomes "
                           f"{effect}.")
    for f in flags:
        if f.rule == "possible-match":
            out.append(f"{f.party}: resolve the possible match(es) and record the decision in `reviewed:`.")
    if ctx.project.end:
        out.append(f"Review before the project ends or is renewed ({ctx.project.end}), and at least once a year "
                   "at the programme's annual review.")
    else:
        out.append("Review at least once a year at the programme's annual review, and before any renewal.")
    years = sorted({(c.name, i.year) for _, c in ctx.hosts if c for k, i in c.indicators.items()
                    if k in ("pts", "freedom_house") and i.year})
    if years:
        out.append("Update the host-country indicators when new editions appear (recorded: "
                   + ", ".join(f"{n} {y}" for n, y in years) + ").")
    out.append("Reassess at once on any serious incident involving a party, new UN or NGO findings about a party, "
               "or a change of recipient unit.")
    return out


def _audit(ctx: Context, run_time: str, tool_version: str, config: Any, link_depth: int,
           shipped: str | None) -> dict[str, Any]:
    reg = ctx.register
    decisions = [{**d.to_dict(), "listed_name": h.card.name} for pr in ctx.parties for d, h in pr.decisions]
    return {
        "tool": "hrdd", "tool_version": tool_version, "run_time": run_time, "schema_version": SCHEMA_VERSION,
        "project_file": ctx.project.file, "project_sha256": ctx.project.sha256,
        "lists": [u.to_dict() for u in ctx.lists if u.source != REGISTER],
        "register": {"version": reg.version, "sha256": reg.sha256, "bodies": len(reg.bodies),
                     "folders": ["(shipped)" if f == shipped else f for f in reg.folders]},
        "thresholds": {"match": config.match, "review": config.review}, "link_depth": link_depth,
        "decisions": decisions,
        "rules": [r.id for r in RULES],
    }


def assess(project: Project, screener: Screener, *, run_time: str, tool_version: str,
           warnings: list[str] | None = None, shipped_folder: str | None = None,
           lists_missing: bool = False) -> Assessment:
    """Assess ``project`` with the lists and register in ``screener``.

    ``run_time`` (ISO 8601) and ``tool_version`` are written into the audit trail;
    ``warnings`` (lists missing or stale) go to the top of the report; ``lists_missing``
    says that no official list was searched. The result is the
    same for the same inputs, list versions, register and run time.
    """
    register = screener.register
    if register is None:
        raise ValueError("assess needs a screener with the register loaded")
    check_assistance(project, register.assistance)
    hosts: list[tuple[str, Country | None]] = [(c, register.countries.get(c)) for c in project.host_countries]
    parties = screen_parties(project, screener)
    ctx = Context(project, register, parties, hosts, [register.assistance[a] for a in project.assistance], screener.lists)
    flags = run_rules(ctx)
    risk = worst([f.level for f in flags])

    by_rule: dict[str, list[Flag]] = {}
    for f in flags:
        by_rule.setdefault(f.rule, []).append(f)
    statuses = Counter(pr.status for pr in parties)
    p = project
    doc: dict[str, Any] = {
        "schema_version": SCHEMA_VERSION,
        "title": f"Human-rights red-flag assessment: {p.title}",
        "warnings": list(warnings or []),
        "lists_missing": lists_missing,
        "project": {
            "title": p.title, "file": p.file, "description": p.description, "funder": p.funder,
            "implementer": p.implementer, "host_countries": list(p.host_countries), "assistance": list(p.assistance),
            "start": p.start, "end": p.end, "stage": p.stage, "previous_assessment": p.previous_assessment,
            "partners_file": p.partners_file, "notes": p.notes,
        },
        "summary": {
            "risk": risk, "risk_words": RISK_WORDS[risk], "approval": APPROVAL[risk],
            "top_flags": [{"rule": f.rule, "level": f.level, "finding": f.finding} for f in _top(flags)],
            "flags": {lvl: sum(1 for f in flags if f.level == lvl) for lvl in reversed(LEVELS)},
            "parties": {s: statuses.get(s, 0) for s in ("match", "review", "clear", "not screened")},
        },
        "host_countries": _host_doc(ctx),
        "assistance": _assistance_doc(ctx),
        "parties": [_party_doc(ctx, pr) for pr in parties],
        "lists_searched": [u.to_dict() for u in screener.lists],
        "flags": [{"rule": f.rule, "level": f.level, "title": f.title, "rule_text": rule_by_id(f.rule).text,
                   "finding": f.finding, "party": f.party, "where": f.where, "evidence": _evidence(f.evidence)}
                  for f in flags],
        "mitigations": [{"rule": rid, "title": fl[0].title, "level": worst([f.level for f in fl]),
                         "findings": [f.finding for f in fl], "measures": list(MITIGATIONS[rid].measures),
                         "changes": MITIGATIONS[rid].changes} for rid, fl in by_rule.items()],
        "monitoring": _monitoring(ctx, flags),
        "method": {
            "note": METHOD_NOTE,
            "approval": dict(APPROVAL),
            "guidance": [{"quote": q, "source": s, "url": u} for q, s, u in GUIDANCE],
            "rules": [{"id": r.id, "title": r.title, "text": r.text, "levels": list(r.levels)} for r in RULES],
        },
        "audit": _audit(ctx, run_time, tool_version, screener.matcher.config, screener.link_depth, shipped_folder),
    }
    return Assessment(project, parties, flags, risk, doc, lists_missing)
