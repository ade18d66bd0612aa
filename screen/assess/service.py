"""The one call behind `hrdd assess`: read the project file, load the lists and the
register, and assess. It reads files through the settings it is given and the clock it
is given; the assessment itself (``assessment.assess``) is pure."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from ..match import MatchConfig
from ..screening import REGISTER, SOURCE_ORDER, load_screener, stale_warnings
from ..settings import Settings
from .assessment import Assessment, assess
from .project import load_project

OFFICIAL = ("ofac_sdn", "ofac_cons", "us_csl", "uk", "eu", "un")


def run_assessment(path: Path | str, settings: Settings, clock: Callable[[], datetime], tool_version: str,
                   config: MatchConfig | None = None) -> Assessment:
    """Assess the project in ``path`` against every imported list and the register.

    With no list imported the assessment runs on the register alone; the report then
    says so at the top and ``Assessment.lists_missing`` is true. Lists older than
    ``settings.stale_days`` and official lists not imported are named in the warnings.
    ``ProjectError``/``InputError`` for a bad project file, ``RegisterError`` for a bad
    register folder, ``ListDataError`` for a broken snapshot.
    """
    from ..register.load import shipped_folder
    from ..store.snapshots import ListStore

    project = load_project(path)
    store = ListStore(settings.lists_dir)
    imported = [s for s in SOURCE_ORDER if store.current(s)]
    warnings: list[str] = []
    now = clock()
    if imported:
        screener = load_screener(settings, None, config)
        absent = [s for s in OFFICIAL if s not in imported]
        if absent:
            warnings.append(f"Not searched (never imported): {', '.join(absent)}. A party on those lists would not "
                            "be found; run `hrdd lists update` to add them.")
        warnings += stale_warnings(screener.lists, now.date(), settings.stale_days)
    else:
        screener = load_screener(settings, [REGISTER], config)
        warnings.append("NO OFFICIAL LIST WAS SEARCHED: no sanctions or export-control list has been imported, so "
                        "this report covers the curated register and country data only. Run `hrdd lists update` "
                        "(or `hrdd lists import DIR` offline) and assess again before relying on it.")
    return assess(project, screener, run_time=now.isoformat(timespec="seconds"), tool_version=tool_version,
                  warnings=warnings, shipped_folder=str(shipped_folder()), lists_missing=not imported)
