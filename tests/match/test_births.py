"""Birth dates as the lists write them, read as spans of years; a query's birth years."""

from __future__ import annotations

import pytest

from screen.births import describe, disagree, listed_spans, query_years


@pytest.mark.parametrize(
    "written,spans",
    [
        (("10 Dec 1948",), ((1948, 1948),)),  # OFAC
        (("1973-03-25",), ((1973, 1973),)),  # CSL, UN
        (("22/08/1990",), ((1990, 1990),)),  # UK
        (("00/00/1962",), ((1962, 1962),)),  # UK, day and month unknown
        (("09/1962",), ((1962, 1962),)),
        (("Sep 1938",), ((1938, 1938),)),
        (("circa 1967",), ((1965, 1969),)),  # approximate: two years each way
        (("circa 07 Jul 1966",), ((1964, 1968),)),
        (("circa 1979-1982",), ((1977, 1984),)),
        (("1951 to 1953",), ((1951, 1953),)),
        (("01 Jan 1961 to 31 Dec 1962",), ((1961, 1962),)),
        (("Mar 1962 to Feb 1963",), ((1962, 1963),)),
        (("1973-1974",), ((1973, 1974),)),  # UN range
        (("1960", "1962", "1960"), ((1960, 1960), (1962, 1962))),  # each alternative, once
        (("", "unknown"), ()),  # no year: nothing to compare
        (("12345",), ()),  # not a year
    ],
)
def test_listed_birth_dates_read_as_spans(written, spans):
    assert listed_spans(written) == spans


@pytest.mark.parametrize(
    "given,years",
    [("1965", (1965,)), ("1965-04-29", (1965,)), ("29/04/1965", (1965,)), ("1965-04-29 00:00:00", (1965,)),
     (" 1965 ", (1965,)), ("1960 or 1962", (1960, 1962)), ("", ()), (None, ())],
)
def test_query_birth_years(given, years):
    assert query_years(given) == years


@pytest.mark.parametrize("given", ["unknown", "n/a", "65", "12345"])
def test_a_query_birth_date_with_no_year_says_so(given):
    with pytest.raises(ValueError, match="holds no year"):
        query_years(given)


@pytest.mark.parametrize(
    "years,spans,differs",
    [
        ((1962,), ((1962, 1962),), False),
        ((1963,), ((1962, 1962),), False),  # a year's slack either way
        ((1961,), ((1962, 1962),), False),
        ((1964,), ((1962, 1962),), True),
        ((1960,), ((1962, 1962),), True),
        ((1985,), ((1960, 1960), (1984, 1984)), False),  # any alternative the record gives
        ((1970, 1962), ((1962, 1962),), False),  # any year the query gives
        ((1985,), (), False),  # the list gives none
        ((), ((1962, 1962),), False),  # the query gives none
    ],
)
def test_years_disagree_only_outside_every_span(years, spans, differs):
    assert disagree(years, spans) is differs


def test_spans_described_as_years():
    assert describe(((1962, 1962), (1958, 1960))) == "1962, 1958–1960"
