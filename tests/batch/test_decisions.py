"""Analysts' decisions: parsing with every problem named, and what a decision does to a
hit (silence, confirm, expire, lapse when the record changes)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pytest

from screen.decisions import (CONFIRMED_STATE, EXPIRED, RECORD_CHANGED, SILENCED, DecisionBook, parse_decisions,
                              unneutralise)
from screen.errors import InputError

SOURCES = ("us_csl", "ofac_sdn", "register")
TODAY = date(2026, 11, 23)


@dataclass(frozen=True)
class Card:
    source: str
    record_id: str
    fingerprint: str


@dataclass(frozen=True)
class FakeHit:
    card: Card


YAML = b"""
decisions:
  - input: Hunan Police Academy
    source: us_csl
    entity_id: us_csl:abc
    decision: false_positive
    reviewer: A. Analyst
    date: 2026-11-01
    reason: A provincial academy, not the listed body
    fingerprint: f1
  - input: Xinjiang Police College
    source: us_csl
    entity_id: xpc
    decision: confirmed
    reviewer: B. Analyst
    date: 2026-11-02
    fingerprint: f2
    expires: 2026-12-31
  - input: Old Partner
    source: ofac_sdn
    entity_id: "1"
    decision: false-positive
    reviewer: C
    date: 2025-01-01
    reason: r
    expires: 2026-01-01
    fingerprint: f3
  - input: Not yet reviewed
    source: us_csl
    entity_id: q
    decision: ""
    fingerprint: f4
"""


def test_yaml_decisions_parse_and_rule():
    book = parse_decisions(YAML, "d.yaml", SOURCES)
    assert len(book) == 3 and book.undecided == 1
    # the same pair, whatever the case and spacing of the input name
    r = book.rule("  hunan  POLICE academy", FakeHit(Card("us_csl", "abc", "f1")), TODAY)
    assert r.state == SILENCED and r.silences
    assert book.rule("Xinjiang Police College", FakeHit(Card("us_csl", "xpc", "f2")), TODAY).state == CONFIRMED_STATE
    # another input name, another entity, another list: no decision
    assert book.rule("Hunan Police College", FakeHit(Card("us_csl", "abc", "f1")), TODAY) is None
    assert book.rule("Hunan Police Academy", FakeHit(Card("us_csl", "abd", "f1")), TODAY) is None
    assert book.rule("Hunan Police Academy", FakeHit(Card("ofac_sdn", "abc", "f1")), TODAY) is None
    # the record changed since the decision
    r = book.rule("Hunan Police Academy", FakeHit(Card("us_csl", "abc", "f9")), TODAY)
    assert r.state == RECORD_CHANGED and r.needs_review and not r.silences
    # expired
    assert book.rule("Old Partner", FakeHit(Card("ofac_sdn", "1", "f3")), TODAY).state == EXPIRED
    assert book.rule("Old Partner", FakeHit(Card("ofac_sdn", "1", "f3")), date(2025, 12, 31)).state == SILENCED
    assert [d.input for d in book.unused()] == []


def test_unused_decisions_are_reported():
    book = parse_decisions(YAML, "d.yaml", SOURCES)
    book.rule("Hunan Police Academy", FakeHit(Card("us_csl", "abc", "f1")), TODAY)
    assert [d.input for d in book.unused()] == ["Xinjiang Police College", "Old Partner"]


def test_csv_decisions_read_back_neutralised_cells():
    data = ("input,source,entity_id,decision,reviewer,date,reason,expires,fingerprint\n"
            "'=cmd Ltd,us_csl,abc,false_positive,A,2026-11-01,not it,,f1\n").encode()
    book = parse_decisions(data, "d.csv", SOURCES)
    assert book.rule("=cmd Ltd", FakeHit(Card("us_csl", "abc", "f1")), TODAY).state == SILENCED
    assert unneutralise("'=x") == "=x" and unneutralise("'ok") == "'ok"


def test_every_problem_is_named_with_its_entry():
    data = b"""
- {input: A, source: nowhere, entity_id: x, decision: false_positive, reviewer: r, date: 2026-01-01, reason: x, fingerprint: f}
- {input: B, source: us_csl, entity_id: x, decision: maybe, reviewer: r, date: 2026-01-01, fingerprint: f}
- {input: C, source: us_csl, entity_id: x, decision: confirmed, date: 2026-01-01, fingerprint: f}
- {input: D, source: us_csl, entity_id: x, decision: false_positive, reviewer: r, date: 2026-01-01, fingerprint: f}
- {input: E, source: us_csl, entity_id: x, decision: confirmed, reviewer: r, date: soon, fingerprint: f}
- {input: F, source: us_csl, entity_id: x, decision: confirmed, reviewer: r, date: 2026-01-01, fingerprint: f, colour: red}
- {input: G, source: us_csl, entity_id: x, decision: confirmed, reviewer: r, date: 2026-01-01, fingerprint: f}
- {input: g, source: us_csl, entity_id: "us_csl:x", decision: confirmed, reviewer: r, date: 2026-01-01, fingerprint: f}
"""
    with pytest.raises(InputError) as exc:
        parse_decisions(data, "d.yaml", SOURCES)
    text = str(exc.value)
    assert text.startswith("d.yaml: 7 problem(s) in the decisions file:")
    for expected in ("d.yaml, entry 1: source 'nowhere' is not one of",
                     "d.yaml, entry 2: decision must be false_positive or confirmed, not 'maybe'",
                     "d.yaml, entry 3: missing reviewer",
                     "d.yaml, entry 4: a false_positive decision needs a reason",
                     "d.yaml, entry 5: date 'soon' is not a date",
                     "d.yaml, entry 6: unknown field(s) colour",
                     "d.yaml, entry 8: the same input and entity as d.yaml, entry 7"):
        assert expected in text


@pytest.mark.parametrize("data,message", [
    (b"decisions: [", "not valid YAML"),
    (b"decisions: 3", "expected a list of decisions"),
    (b"- just text", "entry 1 is not a mapping"),
    (b"\xff\xfe", "not UTF-8"),
])
def test_unusable_decision_files(data, message):
    with pytest.raises(InputError, match=message):
        parse_decisions(data, "d.yaml", SOURCES)


def test_csv_without_required_columns():
    with pytest.raises(InputError, match="missing column"):
        parse_decisions(b"input,decision\nA,confirmed\n", "d.csv", SOURCES)


def test_empty_file_is_an_empty_book():
    assert len(parse_decisions(b"", "d.yaml", SOURCES)) == 0 and isinstance(
        parse_decisions(b"", "d.yaml", SOURCES), DecisionBook)
