"""A table for people at a terminal: every input row with its status and best hit,
printed in blocks as rows arrive (fixed column widths, so blocks line up), then the
summary. Names are printed as text, never as console markup."""

from __future__ import annotations

from typing import IO, Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from ...batch.outcome import Outcome, Summary
from . import WriterOptions
from .records import best_hit_line, decision_note, row_record

BLOCK = 200
STYLES = {"match": "bold red", "review": "yellow", "clear": "green", "skipped": "magenta"}


class TableWriter:
    def __init__(self, out: IO[str], options: WriterOptions) -> None:
        self.console = Console(file=out, highlight=False, soft_wrap=False, width=options.width,
                               force_terminal=options.color, no_color=not options.color)
        self.options = options
        self.block: list[dict[str, Any]] = []
        self.header = True
        self.multi = False

    def begin(self, info: dict[str, Any]) -> None:
        self.multi = len(info["files"]) > 1
        searched = ", ".join(f"{u['source']} {u['version']}" for u in info["lists"])
        self.console.print(Text(f"searched: {searched}"))

    def _flush(self) -> None:
        if not self.block:
            return
        width = self.console.width
        rest = max(width - 6 - 16 - 8, 30)
        table = Table(box=box.SIMPLE_HEAD, show_header=self.header, pad_edge=False, expand=False)
        table.add_column("row", justify="right", width=6, no_wrap=True)
        table.add_column("status", width=16, no_wrap=True)
        table.add_column("input", width=rest * 2 // 5, overflow="fold")
        table.add_column("best hit / reason", width=rest - rest * 2 // 5, overflow="fold")
        for rec in self.block:
            status = rec["status"] + (" re-review" if rec["re_review"] else "")
            row = f"{rec['file']}:{rec['row']}" if self.multi else str(rec["row"])
            detail = best_hit_line(rec) if rec["hits"] else (rec.get("reason") or "")
            more = len(rec["hits"]) - 1
            if more > 0:
                detail += f" +{more} more"
            note = decision_note(rec)
            if note:
                detail += f" [{note}]"
            table.add_row(Text(row), Text(status, style=STYLES.get(rec["status"], "")), Text(rec["input"] or ""),
                          Text(detail))
        self.console.print(table)
        self.header = False
        self.block = []

    def row(self, outcome: Outcome) -> None:
        self.block.append(row_record(outcome))
        if len(self.block) >= BLOCK:
            self._flush()

    def end(self, summary: Summary) -> None:
        self._flush()
        self.console.print(Text(summary.line()))
