"""The report for a terminal (rich). Every text from the report goes in as a plain
``Text`` (never parsed as console markup), so names print exactly as written."""

from __future__ import annotations

import io
from typing import Any

from rich.console import Console
from rich.padding import Padding
from rich.panel import Panel
from rich.table import Table
from rich.text import Text

from . import RenderOptions
from .common import STATUS_WORDS, bodies_text, audit_rows, flags_line, lists_line, parties_line, party_label, section

LEVEL_STYLE = {"low": "bold green", "medium": "bold yellow", "high": "bold red", "prohibited": "bold white on red",
               "match": "bold red", "review": "yellow"}
STATUS_STYLE = {"match": "red", "review": "yellow", "clear": "green", "not screened": "bold magenta"}


def _t(*parts: str | tuple[str, str]) -> Text:
    """Text from plain strings and (string, style) pairs; nothing is read as markup."""
    t = Text()
    for p in parts:
        if isinstance(p, tuple):
            t.append(p[0], style=p[1])
        else:
            t.append(p)
    return t


def _level(level: str) -> tuple[str, str]:
    return (level.upper(), LEVEL_STYLE.get(level, "bold"))


def _cites(sources: list[dict[str, Any]]) -> str:
    """Addresses only (the full citations are in the Markdown, HTML and JSON reports)."""
    return " ".join(s.get("url") or s["label"] for s in sources)


def render(doc: dict[str, Any], options: RenderOptions) -> str:
    buf = io.StringIO()
    c = Console(file=buf, width=options.width, force_terminal=options.color, color_system="standard" if options.color else None,
                highlight=False, emoji=False, markup=False, soft_wrap=False, legacy_windows=False)
    p, s = doc["project"], doc["summary"]

    def say(text: Text, indent: int = 0) -> None:
        """Print with a hanging indent: wrapped lines line up under the first."""
        c.print(Padding(text, (0, 0, 0, indent)) if indent else text)

    def head(n: int) -> None:
        c.print()
        c.rule(Text(section(n), style="bold"), align="left")

    c.print(Text(doc["title"], style="bold"))
    c.print(_t(f"project file {p['file']} · assessed {doc['audit']['run_time']} by hrdd {doc['audit']['tool_version']}"),
            style="dim")
    if doc["warnings"]:
        body = Text("\n").join(Text(("• " if len(doc["warnings"]) > 1 else "") + w) for w in doc["warnings"])
        c.print(Panel(body, title="warning" + ("s" if len(doc["warnings"]) > 1 else ""), border_style="yellow",
                      title_align="left"))

    head(1)
    c.print(_t("Overall risk: ", _level(s["risk"]), f" — {s['risk_words']}"))
    c.print(_t(("Approval: ", "bold"), s["approval"]))
    if s["top_flags"]:
        c.print(_t(("Top red flags:", "bold")))
        for i, f in enumerate(s["top_flags"], 1):
            say(_t(f"{i}. ", _level(f["level"]), f" {f['finding']}"), 2)
    c.print(_t(f"{parties_line(doc)}; {flags_line(doc)}."))
    facts = [("funder", p.get("funder")), ("implementer", p.get("implementer")),
             ("host countries", ", ".join(p["host_countries"])), ("assistance", ", ".join(p["assistance"])),
             ("dates", f"{p.get('start') or '?'} to {p.get('end') or '?'}"), ("stage", p["stage"])]
    for k, v in facts:
        if v:
            say(_t((f"{k}: ", "dim"), str(v)), 2)

    head(2)
    for country in doc["host_countries"]:
        c.print(Text(f"{country['name']} ({country['code']})", style="bold"))
        if not country["recorded"]:
            c.print(Text("No indicators are recorded for this country.", style="bold yellow"))
        if country["indicators"]:
            t = Table(show_header=True, header_style="bold", expand=True)
            for col, ratio in (("indicator", 3), ("value", 3), ("year", 1), ("sources", 4)):
                t.add_column(col, ratio=ratio, overflow="fold")
            for i in country["indicators"]:
                value = i["text"] + (f" ({i['note']})" if i.get("note") else "")
                t.add_row(Text(i["label"]), Text(value), Text(str(i.get("year") or "")), Text(_cites(i["sources"])))
            c.print(t)
        if country["missing"]:
            c.print(Text("Not recorded: " + "; ".join(country["missing"]) + ".", style="dim"))
        if country["sanctioned_officials"]:
            c.print(Text("People of this country under individual sanctions (register):", style="bold"))
            for o in country["sanctioned_officials"]:
                served = f" ({', '.join(o['served'])})" if o["served"] else ""
                say(_t(f"• {o['name']}{served}: {o['flag']}",
                       (f" (sources: {_cites(o['sources'])})", "dim") if o["sources"] else ""), 2)

    head(3)
    for a in doc["assistance"]:
        c.print(_t((a["label"], "bold"), (" (higher risk)", "yellow") if a["higher_risk"] else ""))
        cats = ", ".join(x["label"] for x in a["concerns"]) or "none recorded"
        say(_t("can contribute to: ", (cats, "bold")), 2)
        say(_t(a["rationale"]), 2)
        for r in a["host_record"]:
            say(_t(f"in {r['country']}, {r['label']} documented for: ", bodies_text(r)), 2)

    head(4)
    c.print(Text(f"Screened against: {lists_line(doc)}.", style="dim"))
    t = Table(show_header=True, header_style="bold", expand=True)
    for col, ratio in (("party", 4), ("role", 3), ("result", 2), ("best hit", 5)):
        t.add_column(col, ratio=ratio, overflow="fold")
    for party in doc["parties"]:
        best = party["hits"][0] if party["hits"] else None
        result = STATUS_WORDS[party["status"]] + (f": {party['problem']}" if party.get("problem") else "")
        t.add_row(Text(party["name"] or "(empty)"), Text(party_label(party)),
                  Text(result, style=STATUS_STYLE.get(party["status"], "")),
                  Text(f"{best['name']} ({best['source']}, {best['score']})" if best else ""))
    c.print(t)
    for party in doc["parties"]:
        if not party["hits"] and not party["decisions"]:
            continue
        c.print()
        c.print(_t((party["name"], "bold"), (f"  ({party['where']})", "dim")))
        for hit in party["hits"]:
            matched = "" if hit["matched_name"] == hit["name"] else f" as “{hit['matched_name']}”"
            extra = (f"; {', '.join(hit['programs'] or hit['lists'])}" if hit["programs"] or hit["lists"] else "") + \
                    (f"; listed {hit['listed_on']}" if hit.get("listed_on") else "") + \
                    (" — confirmed by an analyst" if hit.get("confirmed") else "")
            say(_t((hit["level"], LEVEL_STYLE[hit["level"]]), f" {hit['source']} ", (hit["name"], "bold"),
                   f"{matched} — score {hit['score']}{extra}"), 2)
            say(_t(("why: ", "dim"), "; ".join(hit["explanation"])), 4)
            reg = hit.get("register")
            if reg:
                say(_t(("register: ", "dim"), f"{reg['flag']}. {reg['basis']}"), 4)
            for chain in hit.get("links") or []:
                say(_t(("link: ", "bold"), f"{hit['name']} {chain['text']}"), 4)
                for st in chain["steps"]:
                    say(_t(("evidence: ", "dim"), f"{st['from_name']} → {st['to_name']}: {st['summary']}",
                           (f" (sources: {' '.join(st['sources'])})", "dim") if st["sources"] else ""), 6)
        for d in party["decisions"]:
            say(_t(("decision applied: ", "dim"), f"{d['decision']} for {d['source']} {d['entity_id']} "
                   f"({d['listed_name']}) by {d['reviewer']}, {d['date']}" + (f" — {d['reason']}" if d.get("reason") else "")), 2)

    head(5)
    if not doc["flags"]:
        c.print("No red flag was raised.")
    for f in doc["flags"]:
        c.print()
        c.print(_t(_level(f["level"]), " ", (f["title"], "bold"), f": {f['finding']}"))
        say(_t((f"{f['rule_text']} (rule {f['rule']})", "dim")), 2)
        for ev in f["evidence"]:
            say(_t(f"• {ev['text']}", (f" (sources: {_cites(ev['sources'])})", "dim") if ev["sources"] else ""), 2)

    head(6)
    if not doc["mitigations"]:
        c.print("None needed beyond the delivering organisation's usual safeguards.")
    for m in doc["mitigations"]:
        c.print(_t((m["title"], "bold"), " (", _level(m["level"]), ")"))
        for x in m["measures"]:
            say(_t(f"• {x}"), 2)
        say(_t(("what this would change: ", "dim"), m["changes"]), 2)

    head(7)
    for x in doc["monitoring"]:
        c.print(_t(f"• {x}"))

    head(8)
    t = Table(show_header=False, expand=True)
    t.add_column("item", ratio=1, style="bold")
    t.add_column("value", ratio=4, overflow="fold")
    for k, v in audit_rows(doc):
        t.add_row(Text(k), Text(v))
    c.print(t)
    m = doc["method"]
    c.print(Text(m["note"], style="dim"))
    for g in m["guidance"]:
        say(_t(f"“{g['quote']}” — {g['source']}" + (f" {g['url']}" if g.get("url") else "")), 2)
    text = buf.getvalue()
    if not options.color:  # padding and tables leave trailing blanks; plain text does not need them
        text = "\n".join(line.rstrip() for line in text.split("\n"))
    return text
