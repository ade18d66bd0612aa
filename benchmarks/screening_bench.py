"""Recall and false alarms of the whole matcher (retrieval + scoring) on real lists.

    python benchmarks/screening_bench.py [--negatives N] [--threshold N]

- Recall: the 683 UN Security Council persons (as OpenSanctions lists them) and the same
  683 with typos, reordering and dropped letters, each screened as a person against the
  UN list; a row counts as found when hrdd raises a hit (review or match) on the UN list.
- False alarms: 1,254 US Congress members and the synthetic negatives (US-style and
  global names, none of them listed), each screened as a person against every official
  list; alerts per 1,000 names at each level.
- Each set is screened twice: by name alone, and with what its rows give beside the name
  (birth date and nationality; Congress members have a birth year and no nationality), as a
  screen of partner records with those columns would be. The UN rows' dates and
  nationalities come from the list itself (the treated ones with some years moved by one);
  the synthetic negatives' are random.
"""

from __future__ import annotations

import argparse
import time

from _common import EVAL, matcher, read_csv

from screen.match import Query

CG = EVAL / "opensanctions_candidate_generation"


def screened(m, rows, facts=False):
    """(name, hits) for each row, screened as a person (``facts``: with its birth date and
    nationality)."""
    for r in rows:
        q = Query(r["full_name"], kind="person")
        if facts:
            q = Query(r["full_name"], "person", r["nationality"] or None, r["date_of_birth"] or None)
        yield r["full_name"], m.match(q).hits


def recall(m, rows, label, facts=False):
    found = matched = 0
    missed = []
    for name, hits in screened(m, rows, facts):
        if hits:
            found += 1
            matched += hits[0].level == "match"
        else:
            missed.append(name)
    n = len(rows)
    print(f"{label:34} {n:6d}  recall {found / n:.3f} (top hit at match level: {matched / n:.3f})")
    return missed


def alerts(m, rows, label, facts=False):
    t = time.perf_counter()
    review = match = 0
    examples = []
    for name, hits in screened(m, rows, facts):
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
    sets = {
        "un": read_csv(CG / "positives_un_untreated.csv"), "un_t": read_csv(CG / "positives_un_treated.csv"),
        "congress": read_csv(CG / "positives_us_congress_untreated.csv"),
        "us": read_csv(CG / "negatives_us.csv")[: args.negatives],
        "global": read_csv(CG / "negatives_global.csv")[: args.negatives],
    }
    for facts in (False, True):
        if facts:
            print("screened, with birth date and nationality:")
        found = [recall(un, sets["un"], "UN persons (as listed)", facts),
                 recall(un, sets["un_t"], "UN persons (typos, reordering)", facts),
                 alerts(every, sets["congress"], "US Congress members", facts),
                 alerts(every, sets["us"], "synthetic negatives, US", facts),
                 alerts(every, sets["global"], "synthetic negatives, global", facts)]
        if not facts:
            m1, m2, e1, e2, e3 = found  # --show prints the name-only pass's misses and alerts
    if args.show:
        print("missed (as listed):", m1[:30])
        print("missed (treated):", m2[:30])
        for e in e1 + e2 + e3:
            print("alert:", e)


if __name__ == "__main__":
    main()
