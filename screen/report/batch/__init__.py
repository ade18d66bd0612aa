"""Writers of `hrdd screen` results, one module per format behind one interface:
``begin(info)``, ``row(outcome)`` for every input row in order, ``end(summary)``. Rows are
written as they arrive, so memory stays flat on long inputs. Every format says the same
thing: it is built from ``records.row_record``; each escapes what it prints (console
markup, Markdown, XML, workflow commands) and spreadsheet formats neutralise formulas."""

from __future__ import annotations

from dataclasses import dataclass
from typing import IO, Any

FORMATS = ("table", "csv", "xlsx", "json", "jsonl", "junit", "github", "markdown")
BINARY = frozenset({"xlsx"})


@dataclass(frozen=True, slots=True)
class WriterOptions:
    fail_on: str = "review"
    color: bool = False
    width: int = 120


def make_writer(fmt: str, out: IO[Any], options: WriterOptions) -> Any:
    """The writer of ``fmt`` on ``out`` (a binary stream for xlsx, text otherwise)."""
    if fmt == "table":
        from .table import TableWriter as cls
    elif fmt == "csv":
        from .csvfmt import CsvWriter as cls
    elif fmt == "xlsx":
        from .xlsx import XlsxWriter as cls
    elif fmt == "json":
        from .jsonfmt import JsonWriter as cls
    elif fmt == "jsonl":
        from .jsonfmt import JsonLinesWriter as cls
    elif fmt == "junit":
        from .junit import JUnitWriter as cls
    elif fmt == "github":
        from .github import GitHubWriter as cls
    elif fmt == "markdown":
        from .markdown import MarkdownWriter as cls
    else:
        raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    return cls(out, options)
