"""XLSX workbook, written in openpyxl's streaming (write-only) mode: a Summary sheet, a
Results sheet (one row per input row, as the CSV), a Hits sheet (one row per hit with its
explanation) and a Lists sheet (the versions used). Text that a spreadsheet would run as a
formula is neutralised with an apostrophe; characters XML cannot hold become U+FFFD."""

from __future__ import annotations

from typing import IO, Any

from ...batch.outcome import Outcome, Summary
from ..escape import neutralise, xml_safe
from . import WriterOptions
from .csvfmt import COLUMNS, flat_row
from .records import row_record

HIT_COLUMNS = ("file", "row", "input", "rank", "score", "level", "source", "entity_id", "name", "matched_name",
               "programs", "listed_on", "decision", "explanation")
MAX_CELL = 32767  # Excel's limit on the characters of a cell


def cell(value: Any) -> Any:
    if isinstance(value, str):
        value = xml_safe(value)
        if len(value) > MAX_CELL:
            value = value[: MAX_CELL - 1] + "\u2026"
    return neutralise(value)


class XlsxWriter:
    def __init__(self, out: IO[bytes], options: WriterOptions) -> None:
        from openpyxl import Workbook

        self.out, self.options = out, options
        self.wb = Workbook(write_only=True)
        self.summary = self.wb.create_sheet("Summary")
        self.results = self.wb.create_sheet("Results")
        self.hits = self.wb.create_sheet("Hits")
        self.lists = self.wb.create_sheet("Lists")

    def begin(self, info: dict[str, Any]) -> None:
        self.info = info
        self.results.append(list(COLUMNS))
        self.hits.append(list(HIT_COLUMNS))
        self.lists.append(["source", "version", "published", "fetched_at", "entities", "sha256", "age_days", "stale"])
        for u in info["lists"]:
            self.lists.append([cell(u[k]) for k in ("source", "version", "published", "fetched_at", "entities",
                                                     "sha256", "age_days")] + ["yes" if u["stale"] else ""])

    def row(self, outcome: Outcome) -> None:
        rec = row_record(outcome)
        self.results.append([cell(c) for c in flat_row(rec)])
        for rank, h in enumerate(rec["hits"], 1):
            dec = h.get("decision")
            self.hits.append([cell(c) for c in (
                rec["file"], rec["row"], rec["input"], rank, h["score"], h["level"], h["source"], h["entity_id"],
                h["name"], h["matched_name"], ", ".join(h["programs"] or h["lists"]), h["listed_on"],
                f"{dec['state']} ({dec['decision']}, {dec['reviewer']}, {dec['date']})" if dec else None,
                "; ".join(h["explanation"]),
            )])

    def end(self, summary: Summary) -> None:
        info = self.info
        rows: list[list[Any]] = [
            ["hrdd screen", info["tool"]["version"]], ["run time", info["run_time"]],
            ["files", ", ".join(f["path"] for f in info["files"])],
            ["thresholds", f"match {info['thresholds']['match']}, review {info['thresholds']['review']}"],
            ["fail on", info["fail_on"]],
        ]
        rows += [[k, v] for k, v in summary.to_dict().items() if not isinstance(v, dict)]
        rows += [[f"skipped: {k}", v] for k, v in summary.skipped_reasons.items()]
        if info.get("decisions"):
            rows.append(["decisions file", info["decisions"]["file"]])
        if info.get("changed_since"):
            rows.append(["changed since", ", ".join(f"{k}={v}" for k, v in info["changed_since"].items())])
        for r in rows:
            self.summary.append([cell(c) for c in r])
        self.wb.save(self.out)
