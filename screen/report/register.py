"""Renderers for `hrdd register validate` and `hrdd register show`."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..register.graph import Chain
from ..register.load import Problem
from ..register.model import Body, Register
from ..register.vocab import CONCERNS, LINK_TYPES, SECTORS


def render_validation(folders: list[Path], register: Register | None, problems: list[Problem],
                      console: Console, fmt: str) -> None:
    errors = [p for p in problems if p.severity == "error"]
    warnings = [p for p in problems if p.severity == "warning"]
    if fmt == "json":
        data: dict[str, Any] = {
            "folders": [str(f) for f in folders],
            "valid": register is not None,
            "errors": [{"file": p.file, "where": p.where, "message": p.message} for p in errors],
            "warnings": [{"file": p.file, "where": p.where, "message": p.message} for p in warnings],
        }
        if register is not None:
            data["summary"] = _summary(register)
        console.out(json.dumps(data, indent=2, ensure_ascii=False), highlight=False)
        return
    for p in problems:
        colour = "red" if p.severity == "error" else "yellow"
        console.print(f"[{colour}]{p.severity}[/]: {escape(p.file)}" + (f" ({escape(p.where)})" if p.where else "")
                      + f": {escape(p.message)}")
    if register is None:
        console.print(f"[red]invalid[/]: {len(errors)} error(s), {len(warnings)} warning(s) in "
                      f"{', '.join(escape(str(f)) for f in folders)}")
        return
    s = _summary(register)
    console.print(
        f"[green]valid[/]: register {escape(register.version)}: {s['bodies']} bodies in {s['countries']} countries "
        f"({s['organisations']} organisations, {s['people']} people), {s['links']} links, {s['sources']} sources, "
        f"{s['country_indicators']} countries with indicators, {s['assistance_types']} assistance types; "
        f"{len(warnings)} warning(s)"
    )


def _summary(register: Register) -> dict[str, Any]:
    kinds = Counter(b.kind for b in register.bodies.values())
    return {
        "version": register.version,
        "sha256": register.sha256,
        "bodies": len(register.bodies),
        "organisations": kinds.get("organisation", 0),
        "people": kinds.get("person", 0),
        "countries": len({b.country for b in register.bodies.values()}),
        "on_official_lists": sum(1 for b in register.bodies.values() if any(d.official for d in b.designations)),
        "links": sum(len(b.links) for b in register.bodies.values()),
        "sources": len(register.sources),
        "country_indicators": len(register.countries),
        "assistance_types": len(register.assistance),
    }


def body_dict(register: Register, body: Body, found: list[Chain]) -> dict[str, Any]:
    def cite(ids: tuple[str, ...]) -> list[dict[str, str]]:
        out = []
        for i in ids:
            s = register.sources.get(i)
            if s is not None:
                out.append({"id": s.id, "url": s.url, "publisher": s.publisher, "title": s.title, "date": s.date})
        return out

    return {
        "id": body.id, "name": body.name, "kind": body.kind, "country": body.country, "sector": body.sector,
        "basis": body.basis, "flag": body.flag_summary(), "sources": cite(body.sources),
        "aliases": [{"name": a.name, "type": a.type, "script": a.script, "sources": cite(a.sources)} for a in body.aliases],
        "concerns": [{"category": c.category, "summary": c.summary, "period": c.period, "sources": cite(c.sources)}
                     for c in body.concerns],
        "designations": [{"list": d.list, "program": d.program, "reference": d.reference, "date": d.date,
                          "note": d.note, "sources": cite(d.sources)} for d in body.designations],
        "links": [{"type": k.type, "relation": LINK_TYPES[k.type]["forward"], "target": k.target,
                   "target_name": register.bodies[k.target].name, "summary": k.summary, "sources": cite(k.sources)}
                  for k in body.links],
        "chains": [c.to_dict(register) for c in found],
        "file": body.file,
    }


def render_body(register: Register, body: Body, found: list[Chain], console: Console, fmt: str) -> None:
    if fmt == "json":
        console.out(json.dumps(body_dict(register, body, found), indent=2, ensure_ascii=False), highlight=False)
        return

    def refs(ids: tuple[str, ...]) -> str:
        return "; ".join(escape(register.sources[i].cite()) for i in ids if i in register.sources)

    console.print(f"[bold]{escape(body.name)}[/]  ({escape(body.id)}, {body.kind}, {body.country}, "
                  f"{escape(SECTORS.get(body.sector, body.sector))})")
    console.print(f"why in the register: {escape(body.basis)}")
    console.print(f"  sources: {refs(body.sources)}")
    if body.aliases:
        console.print("[bold]also known as[/]")
        for a in body.aliases:
            console.print(f"  • {escape(a.name)} ({a.type}{', ' + escape(a.script) if a.script else ''}) — {refs(a.sources)}")
    if body.designations:
        console.print("[bold]designations[/]")
        for d in body.designations:
            ref = f", ref {escape(d.reference)}" if d.reference else ""
            console.print(f"  • {escape(d.label())}{ref} — {refs(d.sources)}")
    if body.concerns:
        console.print("[bold]documented concerns[/]")
        for c in body.concerns:
            period = f" ({escape(c.period)})" if c.period else ""
            console.print(f"  • {escape(CONCERNS.get(c.category, c.category))}{period}: {escape(c.summary)} — {refs(c.sources)}")
    if body.links:
        console.print("[bold]links[/]")
        for k in body.links:
            console.print(f"  • {LINK_TYPES[k.type]['forward']} {escape(register.bodies[k.target].name)}: "
                          f"{escape(k.summary)} — {refs(k.sources)}")
    console.print("[bold]chains to listed or abusive bodies[/]")
    if not found:
        console.print("  none")
    for c in found:
        console.print(f"  • {escape(c.describe(register))}")
    console.print(f"file: {escape(body.file)}")


def render_assistance(register: Register, console: Console, fmt: str) -> None:
    """The assistance types a project may name."""
    types = sorted(register.assistance.values(), key=lambda a: a.id)
    if fmt == "json":
        console.out(json.dumps([{"id": a.id, "label": a.label, "higher_risk": a.higher_risk,
                                 "concerns": list(a.concerns), "description": a.description} for a in types],
                               indent=2, ensure_ascii=False), highlight=False)
        return
    table = Table(title="Assistance types (use the id in a project file's assistance:)")
    for col in ("id", "type", "higher risk", "can contribute to"):
        table.add_column(col, overflow="fold")
    for a in types:
        table.add_row(escape(a.id), escape(a.label), "yes" if a.higher_risk else "no",
                      escape(", ".join(CONCERNS.get(c, c) for c in a.concerns)))
    console.print(table)
