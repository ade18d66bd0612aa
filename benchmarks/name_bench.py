"""Pairwise name-matching quality on OpenSanctions' 826 labelled name pairs.

    python benchmarks/name_bench.py [--threshold N] [--errors]

Each pair (query name1, listed name2) is scored by hrdd's scorer with word weights from
the real lists; a pair counts as predicted "match" when it reaches the threshold (the
review level by default: the level at which hrdd raises a hit). Reported beside the
logic-v2 scores OpenSanctions froze for the same pairs (logicv2-frozen.csv), per group and
per schema.
"""

from __future__ import annotations

import argparse
from collections import defaultdict

from _common import EVAL, f1, matcher, read_csv


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--threshold", type=int, default=None)
    ap.add_argument("--errors", action="store_true", help="print the pairs hrdd gets wrong")
    args = ap.parse_args()
    m = matcher()
    threshold = args.threshold if args.threshold is not None else m.config.review
    cases = read_csv(EVAL / "opensanctions_name_bench" / "cases.csv")
    frozen = {(r["name1"], r["name2"], r["schema"]): r for r in read_csv(EVAL / "opensanctions_name_bench" / "logicv2-frozen.csv")}
    ours: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # tp fp fn tn
    theirs: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    errors = []
    for row in cases:
        truth = row["is_match"] == "true"
        score = round(m.compare(row["name1"], row["name2"], organisation=row["schema"] != "Person").score * 100)
        pred = score >= threshold
        cell = 0 if truth and pred else 1 if pred else 2 if truth else 3
        for key in ("all", f"group:{row['case_group']}", f"schema:{row['schema']}"):
            ours[key][cell] += 1
        if pred != truth:
            errors.append((row["case_group"], row["schema"], row["name1"], row["name2"], truth, score))
        fz = frozen.get((row["name1"], row["name2"], row["schema"]))
        if fz:
            tpred = fz["predicted_match"] == "true"
            tcell = 0 if truth and tpred else 1 if tpred else 2 if truth else 3
            for key in ("all", f"group:{row['case_group']}", f"schema:{row['schema']}"):
                theirs[key][tcell] += 1
    print(f"OpenSanctions name_bench: {len(cases)} pairs, hrdd threshold {threshold}")
    print(f"{'slice':28} {'pairs':>5} {'hrdd P':>7} {'R':>6} {'F1':>6}   {'logic-v2 F1':>11} (pairs)")
    for key in sorted(ours, key=lambda k: (k != "all", k)):
        tp, fp, fn, tn = ours[key]
        p, r, f = f1(tp, fp, fn)
        t = theirs.get(key)
        tf = f"{f1(t[0], t[1], t[2])[2]:11.3f} ({sum(t)})" if t else ""
        print(f"{key:28} {tp + fp + fn + tn:5d} {p:7.3f} {r:6.3f} {f:6.3f}   {tf}")
    if args.errors:
        for e in sorted(errors):
            print(" ".join(map(str, e)))


if __name__ == "__main__":
    main()
