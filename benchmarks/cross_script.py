"""Names written in Arabic script (Arabic, Persian, Urdu) and in Cyrillic found through
the lists' Latin spellings, and the false alarms Arabic-script names raise.

    python benchmarks/cross_script.py [--show]

- Recall: every person record of the UK and UN lists that holds a name in Arabic script
  beside Latin ones, and apart from those every record of a body that does. Each Arabic-script name is screened as a person against indexes of
  those two lists built *without* their Arabic-script names, so that only the Latin
  spellings can find it; it counts as found when a hit (review or match) is on its own
  record. Reported beside the same screen with the Arabic-script names left in (what the
  lists' own native-script names already find).
- The same for the Cyrillic names of the UK list's person records (Russian, Ukrainian and
  Belarusian people, whose names it gives in both alphabets), screened against every
  official list with the UK's Cyrillic names left out: how well the transliteration meets
  the lists' Latin spellings.
- False alarms: the Arabic-script rows of the synthetic global negatives (names generated
  to match nothing), screened as persons against every official list: alerts per 1,000.
- The cross-script pairs of moov-io/watchman (Arabic, Cyrillic, Chinese, Korean, Japanese,
  Greek, Hebrew, Thai), each scored as a pair: which hrdd reads as the same name (score at
  or above the review level).
"""

from __future__ import annotations

import argparse
import csv
import re
from dataclasses import replace

from _common import EVAL, OFFICIAL, matcher, need, own_record_recall, read_csv, store

from screen.match import Matcher, Query
from screen.names.russian import CYRILLIC
from screen.store.index import build_index

ARABIC = re.compile("[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]")
SOURCES = ("uk", "un")


def without_script(entities, script: re.Pattern[str] = ARABIC, people: bool = True):
    """The entities with their names in ``script`` left out, and those names of person
    records (or, with ``people`` false, of the other records) that also hold a Latin one:
    (source record, name)."""
    kept, queries = [], []
    for e in entities:
        native = [n for n in e.names if script.search(n.value)]
        latin = [n for n in e.names if not script.search(n.value)]
        if native and latin and (e.kind.value == "person") == people:
            queries.extend((e.record_id, n.value) for n in native)
        kept.append(replace(e, names=tuple(latin)) if native and latin else e)
    return kept, queries


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print misses and false alarms")
    args = ap.parse_args()
    st = store()
    indexes, queries = [], []
    for source in SOURCES:
        kept, q = without_script(st.entities(source))
        indexes.append(build_index(source, kept))
        queries.extend(((source, rid), name) for rid, name in q)
    print(f"Arabic-script names of {', '.join(SOURCES)} person records that also hold Latin names: {len(queries)}")
    own_record_recall(Matcher(indexes), queries, "found through the Latin spellings only", args.show, kind="person")
    own_record_recall(Matcher([st.index(s) for s in SOURCES]), queries, "found with the lists' Arabic-script names too", False, kind="person")
    indexes, queries = [], []
    for source in SOURCES:
        kept, q = without_script(st.entities(source), people=False)
        indexes.append(build_index(source, kept))
        queries.extend(((source, rid), name) for rid, name in q)
    print(f"Arabic-script names of {', '.join(SOURCES)} records of bodies that also hold Latin names: {len(queries)}")
    own_record_recall(Matcher(indexes), queries, "found through the Latin names only", args.show)

    # against every official list, the UK's without its Cyrillic names (the other lists
    # give next to none), so that the words are weighed as in a real screen
    kept, q = without_script(st.entities("uk"), CYRILLIC)
    queries = [(("uk", rid), name) for rid, name in q]
    others = [st.index(s) for s in OFFICIAL if s != "uk" and st.current(s)]
    print(f"Cyrillic names of uk person records that also hold Latin names: {len(queries)}")
    own_record_recall(Matcher([build_index("uk", kept), *others]), queries, "found through the Latin spellings only",
                      args.show, kind="person")

    m = matcher()
    rows = [r for r in read_csv(EVAL / "opensanctions_candidate_generation" / "negatives_global.csv") if ARABIC.search(r["full_name"])]
    alerts = match = 0
    examples = []
    for r in rows:
        hits = m.match(Query(r["full_name"], kind="person")).hits
        if hits:
            alerts += 1
            match += any(h.level == "match" for h in hits)
            examples.append(f"{r['full_name']} → {hits[0].matched_name} ({hits[0].score}, {hits[0].card.source})")
    n = len(rows)
    print(f"{'synthetic negatives in Arabic script (global)':46} {n:5d}  alerts/1,000: any {1000 * alerts / n:.1f}  match {1000 * match / n:.1f}")
    if args.show:
        for line in examples[:40]:
            print("  FALSE ALARM", line)

    path = need(EVAL / "watchman_cross_script" / "cross_script_pairs.csv")
    with path.open(encoding="utf-8", newline="") as fh:
        pairs = [r for r in csv.reader(fh) if r and not r[0].startswith("#")]
    same = 0
    print(f"watchman cross-script pairs: {len(pairs)} (score, query, Latin name, what the pair is)")
    for query, latin, _, what in pairs:
        score = round(m.compare(query, latin).score * 100)
        same += score >= m.config.review
        print(f"  {score:4d}  {query} / {latin}  ({what})")
    print(f"read as the same name (score >= {m.config.review}): {same}/{len(pairs)}")


if __name__ == "__main__":
    main()
