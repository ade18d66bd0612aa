"""Renderers for `hrdd check`: rich tables for people, JSON for
machines. They only format what ``screen.screening`` computed. Names from lists and
inputs are printed as text, never as console markup."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from typing import TYPE_CHECKING

from ..births import describe
from ..screening import REGISTER, CheckReport, hit_record

if TYPE_CHECKING:
    from ..register.graph import Chain
    from ..register.model import Register

SCHEMA_VERSION = 1


def _print_register(console: Console, hits: list[Any], register: Register | None,
                    chains: dict[str, list[Chain]]) -> None:
    for n, h in enumerate(hits, 1):
        if h.card.source != REGISTER or register is None or h.card.record_id not in register.bodies:
            continue
        body = register.bodies[h.card.record_id]
        console.print(f"\n[bold]#{n} register[/] {escape(body.name)} ({body.country}, {body.sector}): "
                      f"{escape(body.flag_summary())}")
        console.print(f"  why listed: {escape(body.basis)}")
        found = chains.get(h.card.id, [])
        for c in found:
            console.print(f"  [bold]link[/]: {escape(c.describe(register))}")
            for step in c.steps:
                cited = ", ".join(register.sources[i].url for i in step.sources if i in register.sources)
                console.print(f"    evidence ({escape(register.bodies[step.source].name)} \u2192 "
                              f"{escape(register.bodies[step.target].name)}): {escape(step.summary)} "
                              f"(sources: {escape(cited)})")


def _dumps(data: Any) -> str:
    return json.dumps(data, indent=2, ensure_ascii=False)


def check_dict(report: CheckReport) -> dict[str, Any]:
    q = report.query
    return {
        "schema_version": SCHEMA_VERSION,
        "query": {"name": q.name, "kind": q.kind, "country": q.country, "born": q.born, "normalised": report.normalised,
                  "normalisation": list(report.notes)},
        "thresholds": {"match": report.config.match, "review": report.config.review, "shown_from": report.threshold},
        "hits": [hit_record(h, report.register, report.chains) for h in report.hits],
        "lists": [u.to_dict() for u in report.lists],
    }


def render_check(report: CheckReport, console: Console, fmt: str, explain: bool) -> None:
    if fmt == "json":
        console.out(_dumps(check_dict(report)), highlight=False)
        return
    q = report.query
    searched = ", ".join(f"{u.source} ({u.published or (u.fetched_at or '?')[:10]})" for u in report.lists)
    if not report.hits:
        console.print(f"[green]clear[/]: no hit for {escape(q.name)!r} at or above {report.threshold}")
        console.print(f"searched: {escape(searched)}")
        return
    table = Table(title=f"Hits for {escape(q.name)}")
    for col in ("#", "score", "level", "list", "listed name", "matched name", "programs", "listed on"):
        table.add_column(col, overflow="fold", justify="right" if col in ("#", "score") else "left")
    for n, h in enumerate(report.hits, 1):
        level = "[red]match[/]" if h.level == "match" else "[yellow]review[/]"
        matched = escape(h.matched_name) if h.matched_name != h.card.name else "(same)"
        table.add_row(
            str(n), str(h.score), level, h.card.source, escape(h.card.name), matched,
            escape(", ".join(h.card.programs or h.card.lists)), h.card.listed_on or "",
        )
    console.print(table)
    _print_register(console, report.hits, report.register, report.chains)
    if explain:
        for n, h in enumerate(report.hits, 1):
            console.print(f"\n[bold]#{n}[/] {h.score} {h.card.source} {escape(h.card.id)}: {escape(h.card.name)}")
            listed = [f"born {describe(h.card.birth_years)}"] if h.card.birth_years else []
            listed += [f"countries {', '.join(h.card.countries)}"] if h.card.countries else []
            if listed:
                console.print(f"  listed: {escape('; '.join(listed))}")
            for reason in h.explanation():
                console.print(f"  • {escape(reason)}")
    console.print(f"searched: {escape(searched)}")
