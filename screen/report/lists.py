"""Renderers for the `hrdd lists ...` commands: rich tables for people, JSON for
machines. They only format; every count and decision comes from ``screen.lists``."""

from __future__ import annotations

import json
from typing import Any

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from ..lists import RunReport, StatusRow
from ..store.diff import ListDiff


def run_report_dict(report: RunReport) -> dict[str, Any]:
    """JSON-ready form of an import or update run."""
    return {
        "ok": report.ok,
        "sources": [
            {
                "source": o.source,
                "status": o.status,
                "message": o.message,
                "version": o.manifest.version if o.manifest else None,
                "published": o.manifest.published if o.manifest else None,
                "entities": o.manifest.entities if o.manifest else None,
                "names": o.manifest.names if o.manifest else None,
                "files": list(o.files),
                "warnings": list(o.warnings),
                "notes": list(o.notes),
            }
            for o in report.outcomes
        ],
        "unrecognised": [{"path": str(u.path), "reason": u.reason} for u in report.unrecognised],
    }


def render_run_report(report: RunReport, console: Console, fmt: str) -> None:
    """Print an import or update run."""
    if fmt == "json":
        console.print_json(json.dumps(run_report_dict(report)))
        return
    table = Table(title="List snapshots", show_lines=False)
    for col in ("source", "status", "version", "published", "entities", "names", "detail"):
        table.add_column(col, justify="right" if col in ("entities", "names") else "left", overflow="fold")
    for o in report.outcomes:
        m = o.manifest
        style = {"published": "green", "unchanged": "cyan", "superseded": "dim"}.get(o.status, "bold red")
        table.add_row(
            o.source,
            f"[{style}]{o.status}[/]",
            m.version if m else "",
            (m.published or "undated") if m else "",
            f"{m.entities:,}" if m else "",
            f"{m.names:,}" if m else "",
            escape(o.message or ", ".join(o.files)),
        )
    console.print(table)
    for o in report.outcomes:
        if o.status in ("failed", "refused"):  # in full, on one line, whatever the terminal's width
            console.print(f"[bold red]{o.status}[/] {o.source}: {escape(o.message or '')}", soft_wrap=True)
        for note in o.notes:
            console.print(f"[yellow]note[/] {o.source}: {escape(note)}")
        if o.warnings:
            console.print(f"[yellow]warning[/] {o.source}: {len(o.warnings)} record(s) need attention, e.g.")
            for w in o.warnings[:5]:
                console.print(f"  {escape(w)}")
    for u in report.unrecognised:
        console.print(f"[yellow]skipped[/] {escape(str(u.path))}: {escape(u.reason)}")


def render_status(rows: list[StatusRow], console: Console, fmt: str, stale_days: int) -> None:
    """Print `lists status`."""
    if fmt == "json":
        console.print_json(json.dumps([r.to_dict() for r in rows]))
        return
    table = Table(title="Sanctions and export-control lists")
    for col in ("source", "version", "published", "fetched", "entities", "names", "age", "sha256"):
        table.add_column(col, justify="right" if col in ("entities", "names", "age") else "left")
    for r in rows:
        if r.version is None:
            table.add_row(r.source, f"[red]{escape(r.problem or '')}[/]" if r.problem else "[dim]optional[/]",
                          "", "", "", "", "", "")  # fmt: skip
            continue
        age = f"{r.age_days} d" + ("*" if r.age_basis == "fetched" else "") + (" [bold red]STALE[/]" if r.stale else "")
        table.add_row(
            r.source, r.version, r.published or "undated", (r.fetched_at or "")[:16].replace("T", " "),
            f"{r.entities:,}", f"{r.names:,}", age, (r.sha256 or "")[:12],
        )  # fmt: skip
    console.print(table)
    if any(r.age_basis == "fetched" for r in rows):
        console.print("* the file carries no publication date: age counted from when it was fetched or imported")
    stale = [r.source for r in rows if r.stale and r.version]
    if stale:
        console.print(
            f"[bold red]warning[/]: {', '.join(stale)} older than {stale_days} days "
            "(by the publisher's date, or the fetch date where the file has none); run `hrdd lists update`"
        )
    future = [f"{r.source} ({-r.age_days} d)" for r in rows if r.version and r.age_days is not None and r.age_days < -1]
    if future:
        console.print(f"[bold red]warning[/]: {', '.join(future)} dated after today; check the system clock: "
                      "ages and staleness depend on it")
    missing = [r.source for r in rows if r.version is None and r.problem]
    if missing:
        console.print(f"[bold red]warning[/]: no data for {', '.join(missing)}; run `hrdd lists update` "
                      "or `hrdd lists import DIR`")  # fmt: skip


def render_diff(d: ListDiff, console: Console, fmt: str, limit: int = 50) -> None:
    """Print `lists diff`."""
    if fmt == "json":
        console.print_json(json.dumps(d.to_dict()))
        return
    console.print(
        f"[bold]{d.source}[/]: {d.old_version} → {d.new_version}: "
        f"{len(d.added):,} added, {len(d.removed):,} removed, {len(d.changed):,} changed"
    )
    for label, items in (("+", d.added), ("-", d.removed)):
        for i, name in items[:limit]:
            console.print(f"  {label} {escape(i)}  {escape(name)}")
        if len(items) > limit:
            console.print(f"  {label} … {len(items) - limit:,} more (use --format json for all)")
    for c in d.changed[:limit]:
        console.print(f"  ~ {escape(c.id)}  {escape(c.name)}  ({', '.join(c.fields)})")
    if len(d.changed) > limit:
        console.print(f"  ~ … {len(d.changed) - limit:,} more (use --format json for all)")
