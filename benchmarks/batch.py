"""`hrdd screen` on 100,000 names against every imported list, beside a brute-force scan.

    python benchmarks/batch.py [--names N] [--jobs N] [--brute N] [--no-dask]

1. writes an input of N names (default 100,000): the 683 typo'd UN-list persons and
   synthetic negatives (the OpenSanctions candidate-generation sets), shuffled with a
   fixed seed, as a CSV in benchmarks/.work/;
2. runs `hrdd screen FILE --format jsonl -o OUT` as a new process with the local engine
   (every core, or --jobs) and reports wall time, names per second, and peak memory
   (the largest single process and the sum over the process tree, sampled from /proc);
3. times a brute-force rapidfuzz scan of every listed name (``process.extract``, WRatio,
   cut-off 85) on a sample of the same input, in the same run;
4. runs the same screen with `--engine dask` on a local Dask cluster and checks that
   its output is byte-identical to the local engine's.

Lists: benchmarks/.home (imported from ../shared/data/lists on first use).
"""

from __future__ import annotations

import argparse
import csv
import filecmp
import os
import random
import subprocess
import sys
import threading
import time
from pathlib import Path

from _common import EVAL, HOME, ROOT, matcher, read_csv

CG = EVAL / "opensanctions_candidate_generation"
WORK = ROOT / "benchmarks" / ".work"


def make_input(n: int) -> Path:
    positives = [r["full_name"] for r in read_csv(CG / "positives_un_treated.csv")]
    negatives = [r["full_name"] for f in ("negatives_global.csv", "negatives_us.csv") for r in read_csv(CG / f)]
    names = positives + negatives[: max(n - len(positives), 0)]
    while len(names) < n:  # more than the eval sets hold: repeat negatives with a suffix
        names.append(f"{negatives[len(names) % len(negatives)]} {len(names)}")
    names = names[:n]
    random.Random(20261123).shuffle(names)
    WORK.mkdir(parents=True, exist_ok=True)
    path = WORK / f"names-{n}.csv"
    with path.open("w", encoding="utf-8", newline="") as fh:
        w = csv.writer(fh)
        w.writerow(["name", "kind"])
        w.writerows([name, "person"] for name in names)
    return path


def _tree_rss(root: int) -> tuple[int, int]:
    """(largest process, sum over the tree) resident memory in KiB, from /proc."""
    parents: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", encoding="ascii", errors="replace") as fh:
                    parents[int(entry)] = int(fh.read().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue
    tree, frontier = {root}, [root]
    while frontier:
        p = frontier.pop()
        for child, parent in parents.items():
            if parent == p and child not in tree:
                tree.add(child)
                frontier.append(child)
    sizes = []
    for pid in tree:
        try:
            with open(f"/proc/{pid}/status", encoding="ascii", errors="replace") as fh:
                for line in fh:
                    if line.startswith("VmRSS:"):
                        sizes.append(int(line.split()[1]))
        except OSError:
            continue
    return (max(sizes, default=0), sum(sizes))


def run_screen(path: Path, out: Path, extra: list[str]) -> tuple[float, int, int, int, str]:
    cmd = [sys.executable, "-m", "screen", "--home", str(HOME), "screen", str(path), "--format", "jsonl",
           "-o", str(out), "--run-time", "2026-11-23T12:00:00+00:00", "--fail-on", "never", *extra]
    t = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    peak = [0, 0]
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            one, total = _tree_rss(proc.pid)
            peak[0], peak[1] = max(peak[0], one), max(peak[1], total)
            done.wait(0.25)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    _, err = proc.communicate()
    wall = time.perf_counter() - t
    done.set()
    sampler.join()
    if proc.returncode != 0:
        sys.exit(f"hrdd screen failed ({proc.returncode}):\n{err}")
    summary = next((line for line in err.splitlines() if " rows: " in line), "")
    return wall, peak[0] // 1024, peak[1] // 1024, proc.returncode, summary


def brute_rate(path: Path, n: int) -> float:
    from rapidfuzz import fuzz, process

    from screen.names import analyze

    m = matcher(sources=("ofac_sdn", "ofac_cons", "us_csl", "uk", "eu", "un", "opensanctions"))
    all_names = [x for idx in m.indexes for x in idx.names]
    with path.open(encoding="utf-8", newline="") as fh:
        sample = [r["name"] for _, r in zip(range(n), csv.DictReader(fh))]
    t = time.perf_counter()
    for q in sample:
        process.extract(analyze(q).text, all_names, scorer=fuzz.WRatio, score_cutoff=85, limit=10)
    return len(sample) / (time.perf_counter() - t)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--names", type=int, default=100_000)
    ap.add_argument("--jobs", type=int, default=0, help="worker processes (default: one per core)")
    ap.add_argument("--brute", type=int, default=200, help="names of the input timed through the brute-force scan")
    ap.add_argument("--no-dask", action="store_true", help="skip the Dask run")
    args = ap.parse_args()

    path = make_input(args.names)
    jobs = ["--jobs", str(args.jobs)] if args.jobs else []
    print(f"input: {path} ({args.names:,} names); lists: {HOME}; {os.cpu_count()} cores; "
          f"Python {sys.version.split()[0]}")
    local_out = WORK / "local.jsonl"
    wall, one, total, _, summary = run_screen(path, local_out, jobs)
    print(f"hrdd screen, local engine: {wall:,.1f} s, {args.names / wall:,.0f} names/s; "
          f"peak memory {one:,} MB largest process, {total:,} MB whole process tree")
    print(f"  {summary.removeprefix('hrdd: ')}")
    rate = brute_rate(path, args.brute)
    print(f"brute force (rapidfuzz WRatio over every listed name, cut-off 85), one process, first {args.brute} "
          f"names: {rate:,.1f} names/s; 100,000 names would take {100_000 / rate / 3600:,.1f} h")
    workers = args.jobs or len(os.sched_getaffinity(0))
    print(f"speed-up of hrdd screen ({workers} worker processes) over the one-process brute force: "
          f"{args.names / wall / rate:,.0f}x; per process: {args.names / wall / rate / workers:,.0f}x")
    if not args.no_dask:
        dask_out = WORK / "dask.jsonl"
        wall_d, one_d, total_d, _, _ = run_screen(path, dask_out, ["--engine", "dask", *jobs])
        same = filecmp.cmp(local_out, dask_out, shallow=False)
        print(f"hrdd screen, Dask local cluster: {wall_d:,.1f} s, {args.names / wall_d:,.0f} names/s; "
              f"peak {total_d:,} MB process tree; output identical to the local engine: {'yes' if same else 'NO'}")
        if not same:
            sys.exit(1)


if __name__ == "__main__":
    main()
