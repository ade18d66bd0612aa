"""Resolve ``--changed-since`` to the older list versions a re-screen is compared with.

Accepted forms (repeatable, or comma-separated):
- ``SOURCE=VERSION``, e.g. ``us_csl=v0003-1a2b3c4d`` (``hrdd lists status`` shows versions);
- a date ``YYYY-MM-DD``: for every source, the newest kept version fetched or imported on or
  before that day;
- the path of an earlier ``hrdd screen --format json`` report: the versions it lists.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from ..errors import InputError, UsageError
from ..screening import REGISTER, ListUsed
from ..store.snapshots import ListStore
from .outcome import Baseline


def resolve(specs: list[str], store: ListStore, used: list[ListUsed]) -> tuple[dict[str, str], list[str]]:
    """source -> older version, and warnings (sources with nothing to compare with)."""
    wanted: dict[str, str] = {}
    warnings: list[str] = []
    current = {u.source: u.version for u in used if u.source != REGISTER}
    for spec in (p.strip() for s in specs for p in s.split(",")):
        if not spec:
            continue
        if "=" in spec:
            source, version = (x.strip() for x in spec.split("=", 1))
            if source not in current:
                raise UsageError(f"--changed-since {spec}: {source!r} is not among the lists searched "
                                 f"({', '.join(current)})")
            if version not in store.versions(source):
                raise UsageError(f"--changed-since {spec}: no version {version!r} of {source} is kept; "
                                 f"kept: {', '.join(store.versions(source))}")
            wanted[source] = version
        elif _is_date(spec):
            day = date.fromisoformat(spec)
            for source in current:
                found = _version_on(store, source, day)
                if found is None:
                    warnings.append(f"{source}: no version kept from {spec} or before; all its hits are reported")
                else:
                    wanted.setdefault(source, found)
        elif Path(spec).is_file():
            for source, version in _report_versions(Path(spec)).items():
                if source not in current:
                    continue
                if version not in store.versions(source):
                    warnings.append(f"{source}: version {version} (from {spec}) is no longer kept; "
                                    "all its hits are reported")
                    continue
                wanted.setdefault(source, version)
        else:
            raise UsageError(f"--changed-since {spec!r}: give SOURCE=VERSION, a date (YYYY-MM-DD) or the path "
                             "of an earlier `hrdd screen --format json` report")
    for source in current:
        if source not in wanted and not any(w.startswith(f"{source}:") for w in warnings):
            warnings.append(f"{source}: no earlier version given; all its hits are reported")
    if any(u.source == REGISTER for u in used):
        warnings.append("register: earlier versions are not kept; all register hits are reported")
    return wanted, warnings


def load_baseline(store: ListStore, versions: dict[str, str]) -> Baseline:
    """The fingerprint of every entity in each older version."""
    prints = {s: {e.record_id: e.fingerprint() for e in store.entities(s, v)} for s, v in versions.items()}
    return Baseline(dict(versions), prints)


def _is_date(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return len(text) == 10


def _version_on(store: ListStore, source: str, day: date) -> str | None:
    best = None
    for v in store.versions(source):
        fetched = store.manifest(source, v).fetched_at
        if fetched and date.fromisoformat(fetched[:10]) <= day and (best is None or v > best):
            best = v
    return best


def _report_versions(path: Path) -> dict[str, str]:
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
        return {str(x["source"]): str(x["version"]) for x in doc["lists"]}
    except (OSError, UnicodeDecodeError, json.JSONDecodeError, KeyError, TypeError) as exc:
        raise InputError(f"not an hrdd screen JSON report with a 'lists' section ({type(exc).__name__})",
                         path=str(path)) from None
