"""Speed and memory of matching against every official list, beside a brute-force scan.

    python benchmarks/speed.py [--queries N] [--brute N]

1. `hrdd check` wall time including start-up (a new process per call, median of runs),
   with the package's bytecode compiled first, as `pip install` leaves it;
2. batch throughput of the matcher in one process (names per second) on synthetic
   negatives and on the 683 typo'd UN persons;
3. the same queries through a brute-force rapidfuzz scan of every listed name
   (``process.extract`` with its default scorer WRatio, cut-off 85, on the same normalised
   names), timed in the same run on a sample, and both methods' recall on the typo'd UN
   persons (found = any hit on a UN-list name) and their alerts on the negatives;
4. peak resident memory of this process.
"""

from __future__ import annotations

import argparse
import compileall
import os
import resource
import statistics
import subprocess
import sys
import time

from _common import EVAL, HOME, matcher, read_csv, store

import screen
from screen.match import Query
from screen.names import analyze

CG = EVAL / "opensanctions_candidate_generation"


def check_latency(runs: int) -> list[float]:
    store()  # the real lists imported, so that the timed runs only load them
    compileall.compile_dir(os.path.dirname(screen.__file__), quiet=1)
    hrdd = [sys.executable, "-m", "screen", "--home", str(HOME), "check", "Xinjiang Police College"]
    subprocess.run(hrdd, capture_output=True, check=False)  # warm the file cache
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        subprocess.run(hrdd, capture_output=True, check=False)
        times.append(time.perf_counter() - t)
    return times


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--queries", type=int, default=5000, help="synthetic negatives screened by hrdd")
    ap.add_argument("--brute", type=int, default=150, help="queries timed through the brute-force scan")
    ap.add_argument("--runs", type=int, default=10, help="`hrdd check` runs")
    args = ap.parse_args()

    times = check_latency(args.runs)
    print(f"hrdd check (new process, all imported lists): median {statistics.median(times):.3f} s, "
          f"max {max(times):.3f} s over {len(times)} runs")

    t = time.perf_counter()
    m = matcher()
    load = time.perf_counter() - t
    all_names = [n for idx in m.indexes for n in idx.names]
    un_ii = [i for i, idx in enumerate(m.indexes) if idx.source == "un"]
    un_names = set(m.indexes[un_ii[0]].names) if un_ii else set()
    print(f"lists: {', '.join(m.sources)}: {len(all_names):,} names; loaded in {load:.2f} s")

    negatives = [r["full_name"] for r in read_csv(CG / "negatives_us.csv")[: args.queries]]
    treated = [r["full_name"] for r in read_csv(CG / "positives_un_treated.csv")]

    t = time.perf_counter()
    for q in negatives:
        m.match(Query(q, kind="person"))
    ours_neg = len(negatives) / (time.perf_counter() - t)
    t = time.perf_counter()
    found = 0
    for q in treated:
        hits = m.match(Query(q, kind="person")).hits
        found += any(h.source == "un" for h in hits)
    ours_pos = len(treated) / (time.perf_counter() - t)
    ours_recall = found / len(treated)

    from rapidfuzz import fuzz, process

    sample = negatives[: args.brute]
    t = time.perf_counter()
    brute_alerts = 0
    for q in sample:
        brute_alerts += bool(process.extract(analyze(q).text, all_names, scorer=fuzz.WRatio, score_cutoff=85, limit=10))
    brute_rate = len(sample) / (time.perf_counter() - t)
    ours_alerts = sum(bool(m.match(Query(q, kind="person")).hits) for q in sample)
    psample = treated[: args.brute]
    bfound = 0
    for q in psample:
        res = process.extract(analyze(q).text, all_names, scorer=fuzz.WRatio, score_cutoff=85, limit=10)
        bfound += any(name in un_names for name, _, _ in res)
    brute_recall = bfound / len(psample)
    ours_sample_recall = sum(
        any(h.source == "un" for h in m.match(Query(q, kind="person")).hits) for q in psample
    ) / len(psample)

    print(f"hrdd batch, one process: {ours_neg:,.0f} names/s (synthetic negatives), {ours_pos:,.0f} names/s (UN persons)")
    print(f"brute force (rapidfuzz WRatio over every name, cut-off 85): {brute_rate:,.1f} names/s")
    print(f"speed-up: {ours_neg / brute_rate:,.0f}x on the same negatives")
    print(f"synthetic negatives raising a hit, first {len(sample)}: hrdd {ours_alerts}, brute force {brute_alerts}")
    print(f"recall on typo'd UN persons, first {len(psample)}: hrdd {ours_sample_recall:.3f}, brute force {brute_recall:.3f}; "
          f"hrdd on all {len(treated)}: {ours_recall:.3f}")
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"peak memory of this process: {peak:,.0f} MB")
    print(f"(machine: {os.cpu_count()} cores; Python {sys.version.split()[0]})")


if __name__ == "__main__":
    main()
