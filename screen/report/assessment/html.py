"""A self-contained, printable HTML page: inline CSS, inline SVG diagrams of the link
chains, no script and no network. Every text from the report is HTML-escaped; only
http(s) addresses become links."""

from __future__ import annotations

from html import escape
from typing import Any

from . import RenderOptions
from .common import STATUS_WORDS, bodies_text, audit_rows, cite_text, flags_line, lists_line, parties_line, party_label, safe_url, section
from .diagram import chains_svg

CSS = """
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;max-width:62rem;margin:2rem auto;
padding:0 1rem;color:#1a1a1a;line-height:1.45}
h1{font-size:1.6rem;margin-bottom:.2rem}h2{border-bottom:2px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
h3{margin-bottom:.3rem}table{border-collapse:collapse;width:100%;margin:.5rem 0}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top;font-size:.92rem}
th{background:#f2f2f2}.warn{background:#fff3cd;border:2px solid #c79100;padding:.6rem 1rem;margin:1rem 0}
.risk{font-size:1.3rem;font-weight:700;padding:.4rem .8rem;display:inline-block;border-radius:4px}
.low{background:#d4edda}.medium{background:#fff3cd}.high{background:#f8d7da}.prohibited{background:#721c24;color:#fff}
.level{font-weight:700;text-transform:uppercase;font-size:.8rem;padding:.1rem .35rem;border-radius:3px}
.flag{border-left:4px solid #999;padding:.2rem .8rem;margin:.8rem 0}.flag.high,.flag.prohibited{border-color:#b00020}
.flag.medium{border-color:#c79100}.src{color:#555;font-size:.85rem}.muted{color:#555}
svg.chains{max-width:100%;height:auto;display:block;margin:.5rem 0}
svg .node{fill:#f7f7f7;stroke:#555;stroke-width:1.2}svg .node.flagged{fill:#fde2e4;stroke:#b00020;stroke-width:2}
svg .node.start{fill:#e8f0fe;stroke:#1a56db}svg text{font:12px system-ui,Arial,sans-serif;fill:#1a1a1a}
svg text.rel{font-size:11px;fill:#333;font-style:italic}svg text.flag{font-size:11px;fill:#b00020}
svg .link{stroke:#333;stroke-width:1.4}blockquote{border-left:3px solid #ccc;margin:.5rem 0;padding-left:.8rem}
@media print{body{margin:0;max-width:none}h2{page-break-after:avoid}.flag,table,svg{page-break-inside:avoid}}
"""


def e(value: Any) -> str:
    return escape("" if value is None else str(value), quote=True)


def _sources(sources: list[dict[str, Any]]) -> str:
    out = []
    for s in sources:
        url = safe_url(s.get("url"))  # any other address is shown as text, never as a link
        out.append(f'{e(s["label"])} <a href="{e(url)}">{e(url)}</a>' if url else e(cite_text(s)))
    return f'<div class="src">Sources: {"; ".join(out)}</div>' if out else ""


def _level(level: str) -> str:
    return f'<span class="level {e(level)}">{e(level)}</span>'


def render(doc: dict[str, Any], options: RenderOptions) -> str:
    p = doc["project"]
    s = doc["summary"]
    h: list[str] = [
        "<!DOCTYPE html>", '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">",
        f"<title>{e(doc['title'])}</title><style>{CSS}</style></head><body>",
        f"<h1>{e(doc['title'])}</h1>",
        f'<p class="muted">Project file {e(p["file"])} \u00b7 assessed {e(doc["audit"]["run_time"])} by hrdd '
        f'{e(doc["audit"]["tool_version"])}</p>',
    ]
    for w in doc["warnings"]:
        h.append(f'<div class="warn" role="alert"><strong>Warning:</strong> {e(w)}</div>')

    h.append(f'<section id="summary"><h2>{e(section(1))}</h2>')
    h.append(f'<p><span class="risk {e(s["risk"])}">Overall risk: {e(s["risk"].upper())}</span> \u2014 {e(s["risk_words"])}</p>')
    h.append(f"<p><strong>Approval:</strong> {e(s['approval'])}</p>")
    if s["top_flags"]:
        h.append("<p><strong>Top red flags:</strong></p><ol>")
        h += [f"<li>{_level(f['level'])} {e(f['finding'])}</li>" for f in s["top_flags"]]
        h.append("</ol>")
    h.append(f"<p>{e(parties_line(doc))}; {e(flags_line(doc))}.</p>")
    rows = [("Funder", p.get("funder")), ("Implementer", p.get("implementer")),
            ("Host countries", ", ".join(p["host_countries"])), ("Assistance", ", ".join(p["assistance"])),
            ("Dates", f"{p.get('start') or '?'} to {p.get('end') or '?'}"), ("Stage", p["stage"])]
    if p.get("description"):
        rows.insert(0, ("Description", p["description"]))
    h.append("<table>" + "".join(f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in rows if v) + "</table></section>")

    h.append(f'<section id="host"><h2>{e(section(2))}</h2>')
    for c in doc["host_countries"]:
        h.append(f"<h3>{e(c['name'])} ({e(c['code'])})</h3>")
        if not c["recorded"]:
            h.append("<p><strong>No indicators are recorded for this country.</strong></p>")
        if c["indicators"]:
            h.append("<table><tr><th>Indicator</th><th>Value</th><th>Year</th><th>Sources</th></tr>")
            for i in c["indicators"]:
                note = f'<div class="muted">{e(i["note"])}</div>' if i.get("note") else ""
                h.append(f"<tr><td>{e(i['label'])}</td><td>{e(i['text'])}{note}</td><td>{e(i.get('year') or '')}</td>"
                         f"<td>{_sources(i['sources'])}</td></tr>")
            h.append("</table>")
        if c["missing"]:
            h.append(f'<p class="muted">Not recorded: {e("; ".join(c["missing"]))}.</p>')
        if c["sanctioned_officials"]:
            h.append("<p><strong>People of this country under individual sanctions (register):</strong></p><ul>")
            for o in c["sanctioned_officials"]:
                served = f" ({e(', '.join(o['served']))})" if o["served"] else ""
                h.append(f"<li>{e(o['name'])}{served}: {e(o['flag'])}{_sources(o['sources'])}</li>")
            h.append("</ul>")
    h.append("</section>")

    h.append(f'<section id="assistance"><h2>{e(section(3))}</h2>')
    for a in doc["assistance"]:
        mark = " (higher risk)" if a["higher_risk"] else ""
        h.append(f"<h3>{e(a['label'])}{e(mark)}</h3><p>{e(a['description'])}</p>")
        cats = ", ".join(c["label"] for c in a["concerns"]) or "none recorded"
        h.append(f"<p><strong>Can contribute to:</strong> {e(cats)}. {e(a['rationale'])}</p>{_sources(a['sources'])}")
        if a["host_record"]:
            h.append("<p><strong>The host country's record in those categories (register):</strong></p><ul>")
            h += [f"<li>{e(r['country'])}, {e(r['label'])}: {e(bodies_text(r))}</li>" for r in a["host_record"]]
            h.append("</ul>")
    h.append("</section>")

    h.append(f'<section id="parties"><h2>{e(section(4))}</h2>')
    h.append(f'<p class="muted">Screened against: {e(lists_line(doc))}.</p>')
    h.append("<table><tr><th>Party</th><th>Role</th><th>Result</th><th>Best hit</th></tr>")
    for party in doc["parties"]:
        best = party["hits"][0] if party["hits"] else None
        result = STATUS_WORDS[party["status"]] + (f": {party['problem']}" if party.get("problem") else "")
        besttext = f"{best['name']} ({best['source']}, {best['score']})" if best else ""
        h.append(f"<tr><td>{e(party['name'] or '(empty)')}</td><td>{e(party_label(party))}</td><td>{e(result)}</td>"
                 f"<td>{e(besttext)}</td></tr>")
    h.append("</table>")
    for party in doc["parties"]:
        if not party["hits"] and not party["decisions"]:
            continue
        h.append(f'<article class="party"><h3>{e(party["name"])}</h3><p class="muted">{e(party["where"])}</p><ul>')
        for hit in party["hits"]:
            matched = "" if hit["matched_name"] == hit["name"] else f" as \u201c{hit['matched_name']}\u201d"
            h.append(f"<li>{_level(hit['level'])} <strong>{e(hit['name'])}</strong>{e(matched)} \u2014 "
                     f"{e(hit['source'])} {e(hit['entity_id'])}, score {e(hit['score'])}"
                     + (f"; {e(', '.join(hit['programs'] or hit['lists']))}" if hit['programs'] or hit['lists'] else "")
                     + (f"; listed {e(hit['listed_on'])}" if hit.get('listed_on') else "")
                     + (" \u2014 confirmed by an analyst" if hit.get("confirmed") else ""))
            h.append(f'<div class="muted">Why: {e("; ".join(hit["explanation"]))}</div>')
            reg = hit.get("register")
            if reg:
                h.append(f"<div>Register: {e(reg['flag'])}. {e(reg['basis'])}</div>")
            h.append("</li>")
        h.append("</ul>")
        for hit in party["hits"]:
            links = hit.get("links") or []
            if links:
                h.append(f"<p><strong>Link chains from {e(hit['name'])} to listed or abusive bodies:</strong></p>")
                h.append(chains_svg(f"Links from {hit['name']}", links))
                h.append("<ol>")
                for c in links:
                    h.append(f"<li>{e(hit['name'])} {e(c['text'])}<ul>")
                    for st in c["steps"]:
                        srcs = [{"label": u, "url": u} for u in st["sources"]]
                        h.append(f"<li>{e(st['from_name'])} \u2192 {e(st['to_name'])}: {e(st['summary'])}"
                                 f"{_sources(srcs)}</li>")
                    h.append("</ul></li>")
                h.append("</ol>")
        for d in party["decisions"]:
            h.append(f'<p class="muted">Decision applied: {e(d["decision"])} for {e(d["source"])} {e(d["entity_id"])} '
                     f'({e(d["listed_name"])}) by {e(d["reviewer"])}, {e(d["date"])}'
                     + (f" \u2014 {e(d['reason'])}" if d.get("reason") else "") + "</p>")
        h.append("</article>")
    h.append("</section>")

    h.append(f'<section id="flags"><h2>{e(section(5))}</h2>')
    if not doc["flags"]:
        h.append("<p>No red flag was raised.</p>")
    for f in doc["flags"]:
        h.append(f'<div class="flag {e(f["level"])}"><p>{_level(f["level"])} <strong>{e(f["title"])}</strong>: '
                 f'{e(f["finding"])}</p><p class="muted">{e(f["rule_text"])} (rule <code>{e(f["rule"])}</code>)</p><ul>')
        for ev in f["evidence"]:
            h.append(f"<li>{e(ev['text'])}{_sources(ev['sources'])}</li>")
        h.append("</ul></div>")
    h.append("</section>")

    h.append(f'<section id="mitigations"><h2>{e(section(6))}</h2>')
    if not doc["mitigations"]:
        h.append("<p>None needed beyond the delivering organisation's usual safeguards.</p>")
    for m in doc["mitigations"]:
        h.append(f"<h3>{e(m['title'])} {_level(m['level'])}</h3><ul>")
        h += [f"<li>{e(x)}</li>" for x in m["measures"]]
        h.append(f"</ul><p><strong>What this would change:</strong> {e(m['changes'])}</p>")
    h.append("</section>")

    h.append(f'<section id="monitoring"><h2>{e(section(7))}</h2><ul>')
    h += [f"<li>{e(x)}</li>" for x in doc["monitoring"]]
    h.append("</ul></section>")

    h.append(f'<section id="audit"><h2>{e(section(8))}</h2><table>')
    h += [f"<tr><th>{e(k)}</th><td>{e(v)}</td></tr>" for k, v in audit_rows(doc)]
    h.append("</table>")
    m = doc["method"]
    h.append(f"<h3>Method</h3><p>{e(m['note'])}</p>")
    h.append("<table><tr><th>Risk</th><th>Approval (hrdd's method)</th></tr>")
    h += [f"<tr><td>{_level(k)}</td><td>{e(v)}</td></tr>" for k, v in m["approval"].items()]
    h.append("</table><h3>Verified wording</h3>")
    for g in m["guidance"]:
        url = safe_url(g.get("url"))
        link = f' <a href="{e(url)}">{e(url)}</a>' if url else ""
        h.append(f"<blockquote>\u201c{e(g['quote'])}\u201d<div class=\"src\">{e(g['source'])}{link}</div></blockquote>")
    h.append("</section></body></html>")
    return "\n".join(h) + "\n"
