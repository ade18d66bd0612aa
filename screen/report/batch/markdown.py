"""Markdown (GitHub-flavoured): the lists used, one table row per input row, the summary.
Every text is escaped, so a name cannot inject markup, links or table cells."""

from __future__ import annotations

from typing import IO, Any

from ...batch.outcome import Outcome, Summary
from ..escape import md
from . import WriterOptions
from .records import best_hit_line, decision_note, row_record


def _row(*cells: Any) -> str:
    return "| " + " | ".join(md(c) for c in cells) + " |\n"


class MarkdownWriter:
    def __init__(self, out: IO[str], options: WriterOptions) -> None:
        self.out, self.options = out, options

    def begin(self, info: dict[str, Any]) -> None:
        w = self.out.write
        files = ", ".join(f["path"] for f in info["files"])
        w(f"# hrdd screen: {md(files)}\n\n")
        t = info["thresholds"]
        w(f"Run {md(info['run_time'])} by hrdd {md(info['tool']['version'])}; match from {t['match']}, "
          f"review from {t['review']}; fails on {md(info['fail_on'])}.\n\n")
        w("## Lists searched\n\n")
        w(_row("source", "version", "published", "entities", "sha256"))
        w("|---|---|---|---:|---|\n")
        for u in info["lists"]:
            stale = " (stale)" if u["stale"] else ""
            w(_row(u["source"], u["version"], f"{u['published'] or ''}{stale}", u["entities"], u["sha256"][:16]))
        if info.get("changed_since"):
            w("\nOnly hits new or changed since: "
              + md(", ".join(f"{k} {v}" for k, v in info["changed_since"].items())) + "\n")
        w("\n## Rows\n\n")
        w(_row("file", "row", "input", "status", "best hit", "notes"))
        w("|---|---:|---|---|---|---|\n")

    def row(self, outcome: Outcome) -> None:
        rec = row_record(outcome)
        notes = "; ".join(x for x in (rec.get("reason"), decision_note(rec),
                                       f"{len(rec['hits']) - 1} more hit(s)" if len(rec["hits"]) > 1 else "") if x)
        status = rec["status"] + (" (re-review)" if rec["re_review"] else "")
        self.out.write(_row(rec["file"], rec["row"], rec["input"] or "", status, best_hit_line(rec), notes))

    def end(self, summary: Summary) -> None:
        self.out.write(f"\n## Summary\n\n{md(summary.line())}\n")
