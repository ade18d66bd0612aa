"""Markdown (GitHub-flavoured). Every text from the report is escaped: HTML-significant
characters become entities and Markdown punctuation is backslash-escaped, so a name
cannot inject markup, links or table cells. Only http(s) addresses are shown as links."""

from __future__ import annotations

from typing import Any

from ..escape import md
from . import RenderOptions
from .common import STATUS_WORDS, bodies_text, audit_rows, flags_line, lists_line, parties_line, party_label, safe_url, section


def _sources(sources: list[dict[str, Any]]) -> str:
    out = []
    for s in sources:
        url = safe_url(s.get("url"))
        out.append(f"{md(s['label'])} <{url}>" if url and s["label"] != s.get("url") else
                   (f"<{url}>" if url else md(s["label"] + (f" {s['url']}" if s.get("url") else ""))))
    return f" (sources: {'; '.join(out)})" if out else ""


def _row(*cells: Any) -> str:
    return "| " + " | ".join(md(c) for c in cells) + " |"


def render(doc: dict[str, Any], options: RenderOptions) -> str:
    p, s = doc["project"], doc["summary"]
    out: list[str] = [f"# {md(doc['title'])}", ""]
    out.append(f"Project file `{md(p['file'])}` · assessed {md(doc['audit']['run_time'])} by hrdd "
               f"{md(doc['audit']['tool_version'])}")
    out.append("")
    for w in doc["warnings"]:
        out += [f"> **Warning:** {md(w)}", ""]

    out += [f"## {section(1)}", "", f"**Overall risk: {s['risk'].upper()}** — {md(s['risk_words'])}", "",
            f"**Approval:** {md(s['approval'])}", ""]
    if s["top_flags"]:
        out.append("Top red flags:")
        out += [f"{i}. **{f['level']}** {md(f['finding'])}" for i, f in enumerate(s["top_flags"], 1)]
        out.append("")
    out += [f"{md(parties_line(doc))}; {md(flags_line(doc))}.", ""]
    out += [_row("Project", ""), "|---|---|"]
    for k, v in (("Description", p.get("description")), ("Funder", p.get("funder")),
                 ("Implementer", p.get("implementer")), ("Host countries", ", ".join(p["host_countries"])),
                 ("Assistance", ", ".join(p["assistance"])), ("Dates", f"{p.get('start') or '?'} to {p.get('end') or '?'}"),
                 ("Stage", p["stage"])):
        if v:
            out.append(_row(k, v))
    out.append("")

    out += [f"## {section(2)}", ""]
    for c in doc["host_countries"]:
        out += [f"### {md(c['name'])} ({md(c['code'])})", ""]
        if not c["recorded"]:
            out += ["**No indicators are recorded for this country.**", ""]
        if c["indicators"]:
            out += ["| Indicator | Value | Year | Sources |", "|---|---|---|---|"]
            for i in c["indicators"]:
                value = i["text"] + (f" ({i['note']})" if i.get("note") else "")
                out.append(f"| {md(i['label'])} | {md(value)} | {md(i.get('year') or '')} | "
                           f"{_sources(i['sources']).removeprefix(' (sources: ').removesuffix(')')} |")
            out.append("")
        if c["missing"]:
            out += [f"Not recorded: {md('; '.join(c['missing']))}.", ""]
        if c["sanctioned_officials"]:
            out.append("People of this country under individual sanctions (register):")
            for o in c["sanctioned_officials"]:
                served = f" ({', '.join(o['served'])})" if o["served"] else ""
                out.append(f"- {md(o['name'] + served)}: {md(o['flag'])}{_sources(o['sources'])}")
            out.append("")

    out += [f"## {section(3)}", ""]
    for a in doc["assistance"]:
        out += [f"### {md(a['label'])}" + (" (higher risk)" if a["higher_risk"] else ""), "", md(a["description"]), ""]
        cats = ", ".join(c["label"] for c in a["concerns"]) or "none recorded"
        out += [f"Can contribute to: {md(cats)}. {md(a['rationale'])}{_sources(a['sources'])}", ""]
        if a["host_record"]:
            out.append("The host country's record in those categories (register):")
            out += [f"- {md(r['country'])}, {md(r['label'])}: {md(bodies_text(r))}" for r in a["host_record"]]
            out.append("")

    out += [f"## {section(4)}", "", f"Screened against: {md(lists_line(doc))}.", "",
            "| Party | Role | Result | Best hit |", "|---|---|---|---|"]
    for party in doc["parties"]:
        best = party["hits"][0] if party["hits"] else None
        result = STATUS_WORDS[party["status"]] + (f": {party['problem']}" if party.get("problem") else "")
        out.append(_row(party["name"] or "(empty)", party_label(party), result,
                        f"{best['name']} ({best['source']}, {best['score']})" if best else ""))
    out.append("")
    for party in doc["parties"]:
        if not party["hits"] and not party["decisions"]:
            continue
        out += [f"### {md(party['name'])}", "", f"_{md(party['where'])}_", ""]
        for hit in party["hits"]:
            matched = "" if hit["matched_name"] == hit["name"] else f" as “{hit['matched_name']}”"
            extra = (f"; {', '.join(hit['programs'] or hit['lists'])}" if hit["programs"] or hit["lists"] else "") + \
                    (f"; listed {hit['listed_on']}" if hit.get("listed_on") else "") + \
                    (" — confirmed by an analyst" if hit.get("confirmed") else "")
            out.append(f"- **{hit['level']}** **{md(hit['name'])}**{md(matched)} — {md(hit['source'])} "
                       f"{md(hit['entity_id'])}, score {hit['score']}{md(extra)}")
            out.append(f"  - why: {md('; '.join(hit['explanation']))}")
            if hit.get("register"):
                out.append(f"  - register: {md(hit['register']['flag'])}. {md(hit['register']['basis'])}")
            for c in hit.get("links") or []:
                out.append(f"  - link: {md(hit['name'])} {md(c['text'])}")
                for st in c["steps"]:
                    srcs = [{"label": u, "url": u} for u in st["sources"]]
                    out.append(f"    - {md(st['from_name'])} → {md(st['to_name'])}: {md(st['summary'])}{_sources(srcs)}")
        for d in party["decisions"]:
            out.append(f"- decision applied: {md(d['decision'])} for {md(d['source'])} {md(d['entity_id'])} "
                       f"({md(d['listed_name'])}) by {md(d['reviewer'])}, {md(d['date'])}"
                       + (f" — {md(d['reason'])}" if d.get("reason") else ""))
        out.append("")

    out += [f"## {section(5)}", ""]
    if not doc["flags"]:
        out += ["No red flag was raised.", ""]
    for f in doc["flags"]:
        out += [f"### **{f['level'].upper()}** {md(f['title'])}", "", f"{md(f['finding'])}", "",
                f"_{md(f['rule_text'])}_ (rule `{f['rule']}`)", ""]
        out += [f"- {md(ev['text'])}{_sources(ev['sources'])}" for ev in f["evidence"]]
        out.append("")

    out += [f"## {section(6)}", ""]
    if not doc["mitigations"]:
        out += ["None needed beyond the delivering organisation's usual safeguards.", ""]
    for m in doc["mitigations"]:
        out += [f"### {md(m['title'])} ({m['level']})", ""]
        out += [f"- {md(x)}" for x in m["measures"]]
        out += ["", f"What this would change: {md(m['changes'])}", ""]

    out += [f"## {section(7)}", ""]
    out += [f"- {md(x)}" for x in doc["monitoring"]]
    out += ["", f"## {section(8)}", "", "| | |", "|---|---|"]
    out += [_row(k, v) for k, v in audit_rows(doc)]
    m = doc["method"]
    out += ["", "### Method", "", md(m["note"]), "", "| Risk | Approval (hrdd's method) |", "|---|---|"]
    out += [_row(k, v) for k, v in m["approval"].items()]
    out += ["", "### Verified wording", ""]
    for g in m["guidance"]:
        url = safe_url(g.get("url"))
        out += [f"> “{md(g['quote'])}” — {md(g['source'])}" + (f" <{url}>" if url else ""), ""]
    return "\n".join(out).rstrip("\n") + "\n"
