"""CSV: one line per input row with its best hit, in input order. Text cells that a
spreadsheet would run as a formula (= + - @ tab CR) are neutralised with an apostrophe."""

from __future__ import annotations

import csv
from typing import IO, Any

from ...batch.outcome import Outcome, Summary
from ..escape import neutralise
from . import WriterOptions
from .records import decision_note, register_note, row_record

# The row's own kind, country and birth date are echoed beside it, and the best hit's
# listed countries and birth years beside its name, so that a reviewer can weigh a hit
# from the spreadsheet alone ("born 1962" against a partner born in 1985).
COLUMNS = ("file", "row", "id", "input", "kind", "country", "born", "status", "reason", "re_review", "hits",
           "best_score", "best_level", "best_source", "best_entity_id", "best_name", "best_matched_name",
           "best_programs", "best_listed_on", "best_countries", "best_born", "best_register_note", "other_hits",
           "decisions")


def flat_row(rec: dict[str, Any]) -> list[Any]:
    """A record as the cells of one spreadsheet row (before neutralising)."""
    best = rec["hits"][0] if rec["hits"] else {}
    others = "; ".join(f"{h['entity_id']} {h['name']} ({h['score']})" for h in rec["hits"][1:])
    return [
        rec["file"], rec["row"], rec.get("id"), rec["input"], rec.get("kind"), rec.get("country"), rec.get("born"),
        rec["status"], rec.get("reason"), "yes" if rec["re_review"] else "", len(rec["hits"]), best.get("score"),
        best.get("level"), best.get("source"), best.get("entity_id"), best.get("name"), best.get("matched_name"),
        ", ".join(best.get("programs", ()) or best.get("lists", ())), best.get("listed_on"),
        ", ".join(best.get("countries", ())) or None, best.get("born"), register_note(best) if best else None, others,
        decision_note(rec),
    ]


class CsvWriter:
    def __init__(self, out: IO[str], options: WriterOptions) -> None:
        self.options = options
        self.w = csv.writer(out, lineterminator="\r\n")  # RFC 4180; a CR or LF in a cell is then quoted

    def begin(self, info: dict[str, Any]) -> None:
        self.w.writerow(COLUMNS)

    def row(self, outcome: Outcome) -> None:
        self.w.writerow([neutralise(c) for c in flat_row(row_record(outcome))])

    def end(self, summary: Summary) -> None:
        pass
