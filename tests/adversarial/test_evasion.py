"""Names disguised with every evasion technique still find their listed entity (fixture
lists); benchmarks/evasion.py measures the recall of each technique on the real lists."""

from __future__ import annotations

import pytest

from screen import sources
from screen.match import Matcher, Query
from screen.sources.base import FileSet
from screen.store.index import build_index

from .catalogue import FIX
from .disguise import TECHNIQUES

TARGETS = [("Xinjiang Police College", "us_csl"), ("Rapid Action Battalion", "ofac_sdn"),
           ("Xinjiang Production and Construction Corps", "ofac_sdn"), ("Chen Quanguo", "ofac_sdn")]


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    csl = sources.parse(FileSet("us_csl", "us_csl", (("main", FIX / "us_csl" / "consolidated.csv"),))).entities
    sdn_files = tuple((role, FIX / "ofac_sdn" / f) for role, f in (("primary", "sdn.csv"), ("alt", "alt.csv"),
                                                                  ("add", "add.csv"), ("comments", "sdn_comments.csv")))
    sdn = sources.parse(FileSet("ofac_sdn", "ofac_csv", sdn_files)).entities
    return Matcher([build_index("us_csl", csl), build_index("ofac_sdn", sdn)])


CASES = [(t, n, s) for t in TECHNIQUES for n, s in TARGETS if TECHNIQUES[t](n) != n]


def test_every_technique_is_tried():
    assert {t for t, _, _ in CASES} == set(TECHNIQUES)


@pytest.mark.parametrize("technique,name,source", CASES)
def test_disguised_names_are_still_found(matcher, technique, name, source):
    disguised = TECHNIQUES[technique](name)
    hits = matcher.match(Query(disguised)).hits
    found = [h for h in hits if h.card.source == source and h.card.name.casefold().replace(",", "") in (
        name.casefold(), " ".join(reversed(name.casefold().split())))]
    assert found, f"{technique}: {disguised!r} found {[(h.card.name, h.score) for h in hits]}"
