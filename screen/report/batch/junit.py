"""JUnit XML for CI systems: one test suite per input file, one test case per row. A row
at or above ``--fail-on`` is a failure (with its hits as the failure text), a row that
could not be screened is skipped with the reason, every other row passes."""

from __future__ import annotations

import tempfile
from typing import IO, Any
from xml.sax.saxutils import escape, quoteattr

from ...batch.outcome import Outcome, Summary, fails
from ..escape import xml_safe
from . import WriterOptions
from .records import decision_note, row_record


def _attr(text: Any) -> str:
    return quoteattr(xml_safe("" if text is None else str(text)))


def _text(text: str) -> str:
    return escape(xml_safe(text))


class JUnitWriter:
    def __init__(self, out: IO[str], options: WriterOptions) -> None:
        self.out, self.options = out, options
        self.body = tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8")
        self.suite: str | None = None
        self.cases: tempfile.SpooledTemporaryFile[str] | None = None
        self.counts = [0, 0, 0]  # tests, failures, skipped of the current suite
        self.totals = [0, 0, 0]

    def begin(self, info: dict[str, Any]) -> None:
        self.info = info

    def _close_suite(self) -> None:
        if self.suite is None or self.cases is None:
            return
        t, f, s = self.counts
        self.body.write(f'  <testsuite name={_attr(self.suite)} tests="{t}" failures="{f}" errors="0" '
                        f'skipped="{s}" timestamp={_attr(self.info["run_time"][:19])}>\n')
        self.cases.seek(0)
        while block := self.cases.read(1 << 16):
            self.body.write(block)
        self.cases.close()
        self.body.write("  </testsuite>\n")
        self.totals = [a + b for a, b in zip(self.totals, self.counts)]

    def row(self, outcome: Outcome) -> None:
        if outcome.file != self.suite:
            self._close_suite()
            self.suite = outcome.file
            self.cases = tempfile.SpooledTemporaryFile(max_size=8 << 20, mode="w+", encoding="utf-8")
            self.counts = [0, 0, 0]
        assert self.cases is not None
        rec = row_record(outcome)
        name = f"row {rec['row']}: {rec['input'] or ''}"
        self.counts[0] += 1
        case = f'    <testcase classname={_attr("hrdd.screen." + rec["file"])} name={_attr(name)}'
        hits = "\n".join(f"{h['level']} {h['score']}: {h['name']} ({h['entity_id']}; "
                         f"{', '.join(h['programs'] or h['lists'])})" for h in rec["hits"])
        note = decision_note(rec)
        if rec["status"] == "skipped":
            self.counts[2] += 1
            self.cases.write(f"{case}>\n      <skipped message={_attr(rec.get('reason'))}/>\n    </testcase>\n")
        elif fails(rec["status"], self.options.fail_on):
            self.counts[1] += 1
            best = rec["hits"][0]
            message = f"{rec['status']}: {best['name']} ({best['source']}, score {best['score']})"
            self.cases.write(f"{case}>\n      <failure type={_attr(rec['status'])} message={_attr(message)}>"
                             f"{_text(hits + (chr(10) + note if note else ''))}</failure>\n    </testcase>\n")
        elif rec["hits"] or note:
            self.cases.write(f"{case}>\n      <system-out>{_text(hits + (chr(10) + note if note else ''))}"
                             f"</system-out>\n    </testcase>\n")
        else:
            self.cases.write(f"{case}/>\n")

    def end(self, summary: Summary) -> None:
        self._close_suite()
        t, f, s = self.totals
        self.out.write('<?xml version="1.0" encoding="UTF-8"?>\n')
        self.out.write(f'<testsuites name="hrdd screen" tests="{t}" failures="{f}" errors="0" skipped="{s}">\n')
        self.body.seek(0)
        while block := self.body.read(1 << 16):
            self.out.write(block)
        self.body.close()
        self.out.write("</testsuites>\n")
