"""Words shared by the assessment renderers, so that every format says the same thing."""

from __future__ import annotations

from typing import Any

SECTIONS = (
    "Summary", "Host country", "The assistance", "Parties screened", "Red flags", "Mitigations",
    "Monitoring and review", "Audit trail",
)
STATUS_WORDS = {"match": "match", "review": "possible match", "clear": "screened, clear", "not screened": "NOT SCREENED"}


def section(n: int) -> str:
    return f"{n}. {SECTIONS[n - 1]}"


def party_label(p: dict[str, Any]) -> str:
    extra = [x for x in (p.get("detail"), p.get("country")) if x]
    return f"{p['role']}" + (f" ({', '.join(extra)})" if extra else "")


def lists_line(doc: dict[str, Any]) -> str:
    """The list versions every party was screened against, in one line."""
    parts = []
    for u in doc["lists_searched"]:
        date = u.get("published") or (u.get("fetched_at") or "")[:10]
        parts.append(f"{u['source']} {date}".strip())
    return ", ".join(parts)


def parties_line(doc: dict[str, Any]) -> str:
    c = doc["summary"]["parties"]
    total = sum(c.values())
    return (f"{total} parties screened: {c['match']} match, {c['review']} possible match, {c['clear']} clear, "
            f"{c['not screened']} not screened")


def flags_line(doc: dict[str, Any]) -> str:
    c = doc["summary"]["flags"]
    shown = [f"{n} {lvl}" for lvl, n in c.items() if n]
    return "red flags: " + (", ".join(shown) if shown else "none")


def hit_line(h: dict[str, Any]) -> str:
    matched = "" if h["matched_name"] == h["name"] else f" as \u201c{h['matched_name']}\u201d"
    progs = f"; {', '.join(h['programs'] or h['lists'])}" if (h["programs"] or h["lists"]) else ""
    on = f"; listed {h['listed_on']}" if h.get("listed_on") else ""
    conf = "; confirmed by an analyst" if h.get("confirmed") else ""
    return f"{h['source']}: {h['name']}{matched} \u2014 score {h['score']} ({h['level']}){progs}{on}{conf}"


def bodies_text(r: dict[str, Any]) -> str:
    """"A, B, C and 4 more"."""
    more = r["count"] - len(r["bodies"])
    return ", ".join(r["bodies"]) + (f" and {more} more" if more > 0 else "")


def cite_text(s: dict[str, Any]) -> str:
    return s["label"] + (f" {s['url']}" if s.get("url") else "")


def safe_url(url: str | None) -> str | None:
    """Only http(s) addresses become links (a user's register folder could hold anything)."""
    if url and (url.startswith("https://") or url.startswith("http://")):
        return url
    return None


def audit_rows(doc: dict[str, Any]) -> list[tuple[str, str]]:
    a = doc["audit"]
    rows = [
        ("tool", f"{a['tool']} {a['tool_version']}"), ("run time", a["run_time"]),
        ("project file", f"{a['project_file']} (sha256 {a['project_sha256']})"),
    ]
    if not a["lists"]:
        rows.append(("official lists", "none searched"))
    for u in a["lists"]:
        rows.append((f"list {u['source']}", f"version {u['version']}, published {u.get('published') or '?'}, fetched "
                     f"{u.get('fetched_at') or '?'}, {u['entities']} entities, sha256 {u['sha256']}"))
    r = a["register"]
    rows.append(("register", f"version {r['version']}, {r['bodies']} bodies, sha256 {r['sha256']}, folders "
                 f"{', '.join(r['folders'])}"))
    rows.append(("thresholds", f"match \u2265 {a['thresholds']['match']}, review \u2265 {a['thresholds']['review']}; "
                 f"links followed to depth {a['link_depth']}"))
    if a["decisions"]:
        for d in a["decisions"]:
            rows.append(("decision applied", f"{d['party']} / {d['source']} {d['entity_id']} ({d['listed_name']}): "
                         f"{d['decision']} by {d['reviewer']} on {d['date']}" + (f" \u2014 {d['reason']}" if d.get("reason") else "")))
    else:
        rows.append(("decisions applied", "none"))
    return rows
