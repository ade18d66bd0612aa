"""Recall and false alarms of the whole matcher (retrieval + scoring) on real lists.

    python benchmarks/screening_bench.py [--negatives N] [--threshold N]

- Recall: the 683 UN Security Council persons (as OpenSanctions lists them) and the same
  683 with typos, reordering and dropped letters, each screened as a person against the
  UN list; a row counts as found when hrdd raises a hit (review or match) on the UN list.
- False alarms: 1,254 US Congress members and the synthetic negatives (US-style and
  global names, none of them listed), each screened as a person against every official
  list; alerts per 1,000 names at each level.
"""

from __future__ import annotations

import argparse
import time

from _common import EVAL, matcher, read_csv

from screen.match import Query

CG = EVAL / "opensanctions_candidate_generation"


def screened(m, rows):
    """(name, hits) for each row, screened as a person."""
    for r in rows:
        yield r["full_name"], m.match(Query(r["full_name"], kind="person")).hits


def recall(m, rows, label):
    found = matched = 0
    missed = []
    for name, hits in screened(m, rows):
        if hits:
            found += 1
            matched += hits[0].level == "match"
        else:
            missed.append(name)
    n = len(rows)
    print(f"{label:34} {n:6d}  recall {found / n:.3f} (top hit at match level: {matched / n:.3f})")
    return missed


def alerts(m, rows, label):
    t = time.perf_counter()
    review = match = 0
    examples = []
    for name, hits in screened(m, rows):
        if hits:
            review += 1
            if any(h.level == "match" for h in hits):
                match += 1
            if len(examples) < 5:
                examples.append(f"{name} → {hits[0].matched_name} ({hits[0].score})")
    n = len(rows)
    dt = time.perf_counter() - t
    print(f"{label:34} {n:6d}  alerts/1,000: any {1000 * review / n:6.1f}  match {1000 * match / n:6.1f}   ({n / dt:,.0f} names/s)")
    return examples


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--negatives", type=int, default=10000, help="rows of each synthetic negatives file (max 50000)")
    ap.add_argument("--show", action="store_true", help="print misses and example false alarms")
    args = ap.parse_args()
    un = matcher(("un",))
    every = matcher()
    print(f"lists: {', '.join(every.sources)}; thresholds review {every.config.review}, match {every.config.match}")
    print(f"{'set':34} {'rows':>6}")
    m1 = recall(un, read_csv(CG / "positives_un_untreated.csv"), "UN persons (as listed)")
    m2 = recall(un, read_csv(CG / "positives_un_treated.csv"), "UN persons (typos, reordering)")
    e1 = alerts(every, read_csv(CG / "positives_us_congress_untreated.csv"), "US Congress members")
    e2 = alerts(every, read_csv(CG / "negatives_us.csv")[: args.negatives], "synthetic negatives, US")
    e3 = alerts(every, read_csv(CG / "negatives_global.csv")[: args.negatives], "synthetic negatives, global")
    if args.show:
        print("missed (as listed):", m1[:30])
        print("missed (treated):", m2[:30])
        for e in e1 + e2 + e3:
            print("alert:", e)


if __name__ == "__main__":
    main()
