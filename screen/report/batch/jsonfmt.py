"""JSON (one document) and JSON Lines (one object per line). The JSON document is
``{"schema_version", "tool", "run_time", "files", "thresholds", "lists", ..., "results":
[...], "summary": {...}}``, written incrementally."""

from __future__ import annotations

import json
from typing import IO, Any

from ...batch.outcome import Outcome, Summary
from . import WriterOptions
from .records import row_record

SCHEMA_VERSION = 2


# Line separators that JSON leaves raw but many line readers split on (str.splitlines, JavaScript).
_LINE_BREAKS = str.maketrans({"\x85": "\\u0085", "\u2028": "\\u2028", "\u2029": "\\u2029"})


def _dumps(data: Any, indent: int | None = None) -> str:
    return json.dumps(data, ensure_ascii=False, indent=indent).translate(_LINE_BREAKS)


class JsonWriter:
    def __init__(self, out: IO[str], options: WriterOptions) -> None:
        self.out, self.options, self.first = out, options, True

    def begin(self, info: dict[str, Any]) -> None:
        head = _dumps({"schema_version": SCHEMA_VERSION, **info}, indent=2)
        self.out.write(head[:-2] + ',\n  "results": [')  # reopen the object after its last field

    def row(self, outcome: Outcome) -> None:
        text = _dumps(row_record(outcome), indent=2).replace("\n", "\n    ")
        self.out.write(("\n    " if self.first else ",\n    ") + text)
        self.first = False

    def end(self, summary: Summary) -> None:
        self.out.write(("\n  " if not self.first else "") + '],\n  "summary": '
                       + _dumps(summary.to_dict(), indent=2).replace("\n", "\n  ") + "\n}\n")


class JsonLinesWriter:
    """A ``{"type": "run", ...}`` line, one ``{"type": "row", ...}`` line per input row, and
    a ``{"type": "summary", ...}`` line."""

    def __init__(self, out: IO[str], options: WriterOptions) -> None:
        self.out, self.options = out, options

    def begin(self, info: dict[str, Any]) -> None:
        self.out.write(_dumps({"type": "run", "schema_version": SCHEMA_VERSION, **info}) + "\n")

    def row(self, outcome: Outcome) -> None:
        self.out.write(_dumps({"type": "row", **row_record(outcome)}) + "\n")

    def end(self, summary: Summary) -> None:
        self.out.write(_dumps({"type": "summary", **summary.to_dict()}) + "\n")
