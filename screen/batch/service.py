"""The one call behind `hrdd screen`: open the inputs, load the lists, the register and the
decisions, screen every row on the chosen engine, settle each row and hand it to a writer
as soon as it is ready. Files, clock and progress are passed in; the settling is pure."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import IO, Any, Protocol

from ..decisions import DecisionBook, input_key, template_entry
from ..errors import InputError, UsageError
from ..inputs import InputStream, open_input, open_path
from ..match import MatchConfig
from ..progress import NullProgress, Progress
from ..screening import REGISTER, SOURCE_ORDER, list_age, load_screener, stale_warnings
from ..settings import Settings
from .engine import default_jobs, run_engine, spec_for
from .outcome import Baseline, Outcome, Summary, fails, settle

STDIN = "-"


class Writer(Protocol):
    """A renderer that takes the run's rows one at a time (see ``screen.report.batch``)."""

    def begin(self, info: dict[str, Any]) -> None: ...

    def row(self, outcome: Outcome) -> None: ...

    def end(self, summary: Summary) -> None: ...


@dataclass(frozen=True, slots=True)
class ScreenJob:
    """What to screen and how (the command line, after the configuration file)."""

    files: Sequence[str]
    column: str | None = None
    sources: Sequence[str] | None = None
    use_register: bool = True
    config: MatchConfig | None = None
    threshold: int | None = None
    decisions: Path | None = None
    changed_since: Sequence[str] = ()
    engine: str = "local"
    jobs: int = 0
    scheduler: str | None = None
    fail_on: str = "review"
    want_template: bool = False


@dataclass(slots=True)
class ScreenRun:
    """What a run found, beyond the rows the writer received."""

    summary: Summary
    info: dict[str, Any]
    warnings: list[str]
    template: list[dict[str, object]] = field(default_factory=list)

    def fails(self, fail_on: str) -> bool:
        return fails(self.summary.worst(), fail_on)


def run_screen(job: ScreenJob, settings: Settings, clock: Callable[[], datetime], writer: Writer,
               progress: Progress | None = None, stdin: IO[bytes] | None = None, tool_version: str = "") -> ScreenRun:
    """Screen every row of every file in ``job``; each settled row goes to ``writer`` in order.

    ``InputError`` (exit 3) for an unusable input or decisions file, before any row is
    written; ``ListDataError`` (exit 4) when no list has been imported; ``UsageError`` for
    bad options.
    """
    from ..store.snapshots import ListStore

    progress = progress or NullProgress()
    if not job.files:
        raise UsageError("no input file given (use - to read standard input)")
    if list(job.files).count(STDIN) > 1:
        raise UsageError("standard input (-) can be given only once")
    handles: list[IO[bytes]] = []
    try:
        streams: list[InputStream] = []
        for f in job.files:
            if f == STDIN:
                if stdin is None:
                    raise UsageError("no standard input to read")
                fh = stdin
            else:
                fh = open_path(Path(f))
                handles.append(fh)
            streams.append(open_input(f, fh, job.column))
        screener = load_screener(settings, job.sources, job.config, use_register=job.use_register)
        now = clock()
        warnings = [w for s in streams for w in s.warnings]
        warnings += stale_warnings(screener.lists, now.date(), settings.stale_days)
        book = _decisions(job.decisions)
        baseline, baseline_notes = _baseline(job.changed_since, ListStore(settings.lists_dir), screener)
        warnings += baseline_notes
        cfg = screener.matcher.config
        threshold = job.threshold
        info = _info(job, streams, screener, settings, now, book, baseline, tool_version, cfg, threshold)
        jobs = default_jobs(job.jobs or settings.jobs)
        spec = spec_for(screener, settings, job.sources, job.use_register, threshold)
        summary = Summary()
        template: list[dict[str, object]] = []
        in_template: set[tuple[str, str, str]] = set()
        writer.begin(info)
        for stream in streams:
            progress.start(f"screening {stream.path}", stream.total, unit="rows")
            for result in run_engine(job.engine, screener, spec, stream.rows, jobs, job.scheduler, stream.total):
                outcome = settle(stream.path, result, screener, book, now.date(), baseline)
                summary.add(outcome)
                writer.row(outcome)
                if job.want_template:
                    for h in outcome.open_hits:  # each (name, listed record) pair once
                        key = (input_key(outcome.input or ""), h.card.source, h.card.record_id)
                        if key not in in_template:
                            in_template.add(key)
                            template.append(template_entry(outcome.input or "", h))
                progress.advance()
            progress.finish()
            if not summary.files.get(stream.path):
                warnings.append(f"{stream.path}: no data rows (only a header, or blank lines)")
        writer.end(summary)
    finally:
        for fh in handles:
            fh.close()
    unused = len(book.unused()) if book is not None else 0
    if book is not None and book.undecided:
        warnings.append(f"{job.decisions}: {book.undecided} entries have no decision yet and were not applied")
    if unused:
        warnings.append(f"{job.decisions}: {unused} decision(s) matched no hit in this run")
    return ScreenRun(summary, info, warnings, template)


def _decisions(path: Path | None) -> DecisionBook | None:
    from ..decisions import parse_decisions

    if path is None:
        return None
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"cannot read the decisions file ({exc.strerror or exc})", path=str(path)) from None
    return parse_decisions(data, str(path), (*SOURCE_ORDER, REGISTER))


def _baseline(specs: Sequence[str], store: Any, screener: Any) -> tuple[Baseline | None, list[str]]:
    if not specs:
        return None, []
    from .baseline import load_baseline, resolve

    versions, notes = resolve(list(specs), store, screener.lists)
    return load_baseline(store, versions), notes


def _info(job: ScreenJob, streams: list[InputStream], screener: Any, settings: Settings, now: datetime,
          book: DecisionBook | None, baseline: Baseline | None, tool_version: str, cfg: MatchConfig,
          threshold: int | None) -> dict[str, Any]:
    """The run's header: inputs, lists, thresholds and what was applied (JSON-shaped)."""
    lists = []
    for u in screener.lists:
        d = u.to_dict()
        age = list_age(u, now.date()) if u.source != REGISTER else None
        d["age_days"] = age
        d["stale"] = age is not None and age > settings.stale_days
        lists.append(d)
    return {
        "tool": {"name": "hrdd", "version": tool_version},
        "run_time": now.isoformat(timespec="seconds"),
        "files": [{"path": s.path, "format": s.format, "name_column": s.column} for s in streams],
        "thresholds": {"match": cfg.match, "review": cfg.review,
                       "shown_from": cfg.review if threshold is None else threshold},
        "fail_on": job.fail_on,
        "lists": lists,
        "stale_days": settings.stale_days,
        "decisions": None if book is None else {"file": book.file, "count": len(book), "undecided": book.undecided},
        "changed_since": None if baseline is None else dict(baseline.versions),
    }
