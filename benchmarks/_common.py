"""Shared set-up for the benchmarks: the real lists in a local store, the eval data.

The lists are imported once from ../shared/data/lists (the publishers' files) into
``benchmarks/.home`` (or ``$HRDD_BENCH_HOME``) and reused by later runs.
"""

from __future__ import annotations

import csv
import os
import sys
from datetime import UTC, datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("HRDD_SHARED", ROOT.parent / "shared"))
LISTS = SHARED / "data" / "lists"
EVAL = SHARED / "data" / "eval"
HOME = Path(os.environ.get("HRDD_BENCH_HOME", ROOT / "benchmarks" / ".home"))
OFFICIAL = ("ofac_sdn", "ofac_cons", "us_csl", "uk", "eu", "un")


def need(path: Path) -> Path:
    if not path.exists():
        sys.exit(f"benchmark data not found: {path} (set HRDD_SHARED to the shared/ folder)")
    return path


def store():
    """The benchmark's list store, importing the real lists on first use."""
    from screen.lists import import_paths
    from screen.settings import load_settings
    from screen.store.snapshots import ListStore

    settings = load_settings(HOME, {})
    st = ListStore(settings.lists_dir)
    if not st.sources():
        print(f"importing the real lists from {need(LISTS)} into {HOME} ...", file=sys.stderr)
        import_paths([LISTS], settings, clock=lambda: datetime(2026, 11, 23, tzinfo=UTC))
    return st


def matcher(sources=OFFICIAL, config=None):
    """A Matcher over the given sources (the official lists by default)."""
    from screen.match import Matcher

    st = store()
    present = [s for s in sources if st.current(s)]
    return Matcher([st.index(s) for s in present], config)


def read_csv(path: Path) -> list[dict[str, str]]:
    with need(path).open(newline="", encoding="utf-8") as fh:
        return [row for row in csv.DictReader(row for row in fh if not row.startswith("#"))]


def f1(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def own_record_recall(m, queries, label: str, show: bool, kind: str | None = None) -> None:
    """Print the share of ``queries`` ((source, record id), name) found on their own record
    (a hit at review level or above), the share where it is the top hit, and the speed;
    with ``show``, the first 40 misses."""
    import time

    from screen.match import Query

    found = top = 0
    misses = []
    t = time.perf_counter()
    for (source, record), name in queries:
        hits = m.match(Query(name, kind=kind)).hits
        own = [h for h in hits if h.card.source == source and h.card.record_id == record]
        found += bool(own)
        top += bool(hits) and hits[0].card.source == source and hits[0].card.record_id == record
        if not own:
            misses.append(f"{source}:{record} {name} → " + (f"{hits[0].matched_name} ({hits[0].score})" if hits else "no hit"))
    n = len(queries)
    dt = time.perf_counter() - t
    print(f"{label:52} {n:5d}  recall {found / n:.3f} (own record first: {top / n:.3f})  ({n / dt:,.0f} names/s)")
    if show:
        for line in misses[:40]:
            print("  MISS", line)
