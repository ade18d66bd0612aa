"""One settled row as JSON-shaped data; every batch format is built from these records,
so they all say the same thing."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from ...screening import hit_record

if TYPE_CHECKING:
    from ...batch.outcome import Outcome


def row_record(o: Outcome) -> dict[str, Any]:
    """The JSON form of a row: ``{"file", "row", "input", "status", "hits": [...], ...}``.
    Hits carry the listed primary ``name``, the ``matched_name``, ``score``, ``level``,
    ``programs`` and ``explanation``; a hit with an analyst's decision on it carries
    ``decision`` (its state and the decision); silenced and unchanged hits are listed apart."""
    d: dict[str, Any] = {"file": o.file, "row": o.row, "input": o.input, "status": o.status}
    for key, value in (("id", o.ident), ("country", o.country), ("kind", o.kind), ("born", o.born), ("reason", o.reason)):
        if value is not None:
            d[key] = value
    d["re_review"] = o.re_review
    hits = []
    for h in o.hits:
        rec = hit_record(h, o.register, o.chains)
        ruling = o.rulings.get(h.card.id)
        if ruling is not None:
            rec["decision"] = ruling.to_dict()
        hits.append(rec)
    d["hits"] = hits
    if o.silenced:
        d["silenced"] = [{**_brief(h), "decision": r.to_dict()} for h, r in o.silenced]
    if o.unchanged:
        d["unchanged"] = [_brief(h) for h in o.unchanged]
    return d


def _brief(h: Any) -> dict[str, Any]:
    return {"source": h.card.source, "entity_id": h.card.id, "name": h.card.name, "matched_name": h.matched_name,
            "score": h.score, "level": h.level, "fingerprint": h.card.fingerprint}


def register_note(hit: dict[str, Any]) -> str:
    """Why a register body matters: its first chain of links to a listed or abusive body,
    else its own flags ("" for hits on official lists)."""
    if "register" not in hit:
        return ""
    links = hit.get("links") or []
    if links:
        more = f" (+{len(links) - 1} more link chain(s))" if len(links) > 1 else ""
        return links[0]["text"] + more
    return hit["register"]["flag"]


def best_hit_line(rec: dict[str, Any]) -> str:
    """"NAME (source, score N)" of a record's best hit, with why a register body matters; or ""."""
    if not rec["hits"]:
        return ""
    h = rec["hits"][0]
    note = register_note(h)
    return f"{h['name']} ({h['source']}, score {h['score']})" + (f": {note}" if note else "")


def decision_note(rec: dict[str, Any]) -> str:
    """What analysts' decisions did to a row, in words ("" when nothing)."""
    notes = []
    for h in rec["hits"]:
        dec = h.get("decision")
        if dec is None:
            continue
        if dec["state"] == "confirmed":
            notes.append(f"{h['entity_id']} confirmed by {dec['reviewer']} on {dec['date']}")
        else:
            notes.append(f"{h['entity_id']}: decision of {dec['date']} by {dec['reviewer']} {dec['state']}; re-review")
    n = len(rec.get("silenced", ()))
    if n:
        notes.append(f"{n} hit(s) silenced as false positives")
    n = len(rec.get("unchanged", ()))
    if n:
        notes.append(f"{n} unchanged hit(s) left out")
    return "; ".join(notes)
