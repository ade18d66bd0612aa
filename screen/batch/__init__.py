"""Batch screening (`hrdd screen`): stream rows from files, screen them on every core or a
Dask cluster, apply analysts' decisions and the ``--changed-since`` baseline, and hand each
settled row to a writer in input order."""

from .outcome import Outcome, Summary
from .service import ScreenJob, ScreenRun, run_screen

__all__ = ["Outcome", "ScreenJob", "ScreenRun", "Summary", "run_screen"]
