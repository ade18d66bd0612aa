"""GitHub Actions workflow commands: an annotation on the file and row of every row that
needs attention (an ``error`` at or above ``--fail-on``, a ``warning`` below it, and a
``warning`` for rows that could not be screened), then a ``notice`` with the summary.
Clear rows need no annotation. Names are escaped so that they cannot issue commands."""

from __future__ import annotations

from typing import IO, Any

from ...batch.outcome import Outcome, Summary, fails
from ..escape import gh_data, gh_property
from . import WriterOptions
from .records import best_hit_line, decision_note, row_record

LINE_FORMATS = frozenset({"csv", "tsv", "lines", "jsonl"})  # formats where a row number is a line number


class GitHubWriter:
    def __init__(self, out: IO[str], options: WriterOptions) -> None:
        self.out, self.options = out, options

    def begin(self, info: dict[str, Any]) -> None:
        self.line_files = {f["path"] for f in info["files"] if f["format"] in LINE_FORMATS}
        for u in info["lists"]:
            if u["stale"]:
                self.out.write(f"::warning title=hrdd%3A stale list::{gh_data(u['source'])} is {u['age_days']} days "
                               f"old (version {gh_data(u['version'])})\n")

    def _annotate(self, level: str, file: str, row: int, title: str, message: str) -> None:
        where = f"file={gh_property(file)}"
        if file in self.line_files:
            where += f",line={row}"
        self.out.write(f"::{level} {where},title={gh_property(title)}::{gh_data(message)}\n")

    def row(self, outcome: Outcome) -> None:
        if outcome.status == "clear":
            return
        rec = row_record(outcome)
        name = rec["input"] or ""
        if rec["status"] == "skipped":
            self._annotate("warning", rec["file"], rec["row"], f"hrdd: row {rec['row']} not screened",
                           f"{name!r}: {rec.get('reason')}")
            return
        level = "error" if fails(rec["status"], self.options.fail_on) else "warning"
        more = len(rec["hits"]) - 1
        message = f"{name!r} {rec['status']}: {best_hit_line(rec)}" + (f" and {more} more hit(s)" if more > 0 else "")
        note = decision_note(rec)
        if note:
            message += f". {note}"
        title = f"hrdd: row {rec['row']} {rec['status']}" + (" (re-review)" if rec["re_review"] else "")
        self._annotate(level, rec["file"], rec["row"], title, message)

    def end(self, summary: Summary) -> None:
        self.out.write(f"::notice title=hrdd screen::{gh_data(summary.line())}\n")
