"""Birth years as the lists and the queries write them.

The lists write a person's birth date in many shapes: "10 Dec 1948", "1973-03-25",
"22/08/1990", "00/00/1962", "Sep 1938", "circa 1967", "1951 to 1953", "01 Jan 1961 to
31 Dec 1962", "1973-1974". The matcher uses the year only: a year is what a list and a
partner's record most often both give, and the day and month are where they most often
disagree by mistake. A listed date becomes a span of years (a range as written; a year
the list marks as approximate widens by ``CIRCA`` each way), and a query's year disagrees
with it only when it lies more than ``SLACK`` outside every span the record gives. Pure,
no I/O.
"""

from __future__ import annotations

import re

YEAR = re.compile(r"(?<!\d)(1[89]\d\d|20\d\d)(?!\d)")
CIRCA = 2  # years either side of a year the list marks as approximate
SLACK = 1  # years either side of any listed year: ages rounded, calendars converted, typos
_APPROX = re.compile(r"\b(circa|ca|c|approx|approximately|about|around|abt)\b\.?", re.IGNORECASE)

Span = tuple[int, int]


def listed_spans(texts: tuple[str, ...] | list[str]) -> tuple[Span, ...]:
    """The spans of years a record's birth dates allow, in the order written, without
    repeats; a date holding no year is left out."""
    out: dict[Span, None] = {}
    for text in texts:
        years = [int(y) for y in YEAR.findall(text)]
        if not years:
            continue
        widen = CIRCA if _APPROX.search(text) else 0
        out[(min(years) - widen, max(years) + widen)] = None
    return tuple(out)


def query_years(text: str | None) -> tuple[int, ...]:
    """The birth years a query gives ("1965", "1965-04-29", "29/04/1965", a spreadsheet's
    "1965-04-29 00:00:00"), none for an empty value. A value holding no year raises
    ``ValueError`` saying so, so that a caller reports it rather than ignoring it."""
    if text is None or not text.strip():
        return ()
    years = tuple(dict.fromkeys(int(y) for y in YEAR.findall(text)))
    if not years:
        raise ValueError(f"birth date {text.strip()!r} holds no year (write it as 1965 or 1965-04-29)")
    return years


def disagree(years: tuple[int, ...], spans: tuple[Span, ...]) -> bool:
    """Whether every query year lies more than ``SLACK`` outside every listed span (False
    when either side gives none: nothing to compare)."""
    if not years or not spans:
        return False
    return not any(lo - SLACK <= y <= hi + SLACK for y in years for lo, hi in spans)


def describe(spans: tuple[Span, ...]) -> str:
    """The spans as a reader writes them: "1960", "1958–1960"."""
    return ", ".join(str(lo) if lo == hi else f"{lo}–{hi}" for lo, hi in spans)
