"""The ``hrdd`` command: parses arguments, calls one library function per command, picks
a renderer and maps errors to exit codes. No domain logic lives here."""

from __future__ import annotations

import contextlib
import functools
import sys
from collections.abc import Callable
from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any, TypeVar

import typer
from rich.console import Console

from . import __version__
from .errors import HrddError, OutputError
from .exitcodes import ExitCode, exit_code_for

app = typer.Typer(
    name="hrdd",
    help="Human-rights due-diligence screening against sanctions and export-control lists.",
    add_completion=False,
    no_args_is_help=True,
    pretty_exceptions_enable=False,
)
lists_app = typer.Typer(help="Get, inspect and manage the official list snapshots.", no_args_is_help=True)
app.add_typer(lists_app, name="lists")
register_app = typer.Typer(help="Check and read the curated risk register.", no_args_is_help=True)
app.add_typer(register_app, name="register")

F = TypeVar("F", bound=Callable[..., Any])


class TableOrJson(StrEnum):
    """Output formats of the list commands."""

    table = "table"
    json = "json"


class State:
    """Options given before the command."""

    home: Path | None = None
    debug: bool = False


state = State()


def _err() -> Console:
    return Console(stderr=True, highlight=False)


def _out() -> Console:
    return Console(highlight=False, soft_wrap=True)


def handle_errors(fn: F) -> F:
    """Turn library errors into a one-line message on stderr and an exit code."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except HrddError as exc:
            if state.debug:
                raise
            print(f"hrdd: error: {exc}", file=sys.stderr)
            if isinstance(exc, OutputError) and STDOUT in str(exc):
                _silence_stdout()  # what is still buffered cannot be written either
            raise typer.Exit(int(exit_code_for(exc))) from None
        except KeyboardInterrupt:
            print("hrdd: interrupted; the current list snapshots are unchanged", file=sys.stderr)
            raise typer.Exit(130) from None
        except BrokenPipeError:
            # the reader of our output went away (`| head`): stop quietly, as if killed by SIGPIPE
            _silence_stdout()
            raise typer.Exit(141) from None

    return wrapper  # type: ignore[return-value]


STDOUT = "the standard output"


def _silence_stdout() -> None:
    import os

    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
    except (OSError, ValueError):  # no real file behind stdout (tests)
        pass


def _settings(registers: list[Path] | None = None):  # type: ignore[no-untyped-def]
    import dataclasses

    from .settings import load_settings

    settings = load_settings(state.home, cwd=Path.cwd())
    if registers:
        settings = dataclasses.replace(settings, register_dirs=(*settings.register_dirs, *registers))
    return settings


def _progress():  # type: ignore[no-untyped-def]
    from .progress import NullProgress

    if not sys.stderr.isatty():
        return NullProgress()
    from .report.progress_bar import RichProgress

    return RichProgress(_err())


def _version(value: bool) -> None:
    if value:
        print(f"hrdd {__version__}")
        raise typer.Exit()


@app.callback()
def main_options(
    home: Annotated[
        Path | None, typer.Option("--home", help="Data folder (default: $HRDD_HOME or the user data folder).")
    ] = None,
    debug: Annotated[bool, typer.Option("--debug", help="Show tracebacks of errors.")] = False,
    version: Annotated[
        bool, typer.Option("--version", callback=_version, is_eager=True, help="Show the version and exit.")
    ] = False,
) -> None:
    """Human-rights due-diligence screening against sanctions and export-control lists."""
    state.home = home
    state.debug = debug


@lists_app.command("import")
@handle_errors
def lists_import(
    paths: Annotated[list[Path], typer.Argument(help="List files or folders (searched recursively).")],
    source: Annotated[
        str | None, typer.Option("--source", help="Treat every file as this source (when content cannot tell).")
    ] = None,
    force: Annotated[bool, typer.Option("--force", help="Accept a version with far fewer records.")] = False,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="Output format.")] = TableOrJson.table,
) -> None:
    """Import list files already on disk; publisher and format are detected from content."""
    from .lists import import_paths, utc_now
    from .report.lists import render_run_report

    report = import_paths(paths, _settings(), utc_now, _progress(), force=force, source=source)
    render_run_report(report, _out(), fmt.value)
    _finish(report)


@lists_app.command("update")
@handle_errors
def lists_update(
    sources: Annotated[list[str] | None, typer.Argument(help="Sources to update (default: all official lists).")] = None,
    force: Annotated[bool, typer.Option("--force", help="Accept a version with far fewer records.")] = False,
    url: Annotated[
        list[str] | None,
        typer.Option("--url", help="Download from this address instead (mirror); repeat for multi-file sources."),
    ] = None,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="Output format.")] = TableOrJson.table,
) -> None:
    """Download lists from their publishers, check them and publish new snapshots."""
    from .errors import UsageError
    from .lists import update_sources, utc_now
    from .report.lists import render_run_report
    from .store.fetch import make_session

    settings = _settings()
    names = list(sources or [])
    urls = None
    if url:
        if len(names) != 1:
            raise UsageError("--url needs exactly one source")
        urls = {names[0]: list(url)}
    session = make_session(settings.retries, settings.backoff, f"hrdd/{__version__}")
    report = update_sources(names, settings, session, utc_now, _progress(), force=force, urls=urls)
    render_run_report(report, _out(), fmt.value)
    _finish(report)


def _finish(report) -> None:  # type: ignore[no-untyped-def]
    if any(o.bad_input for o in report.outcomes):
        raise typer.Exit(int(ExitCode.BAD_INPUT))
    if not report.ok:
        raise typer.Exit(int(ExitCode.LIST_DATA))


@lists_app.command("status")
@handle_errors
def lists_status(
    fmt: Annotated[TableOrJson, typer.Option("--format", help="Output format.")] = TableOrJson.table,
    stale_days: Annotated[
        int | None, typer.Option("--stale-days", help="Warn about lists older than this many days (default 30).")
    ] = None,
) -> None:
    """Show each list's version, publisher date, counts, checksums and age."""
    from .lists import status, utc_now
    from .report.lists import render_status

    settings = _settings()
    limit = settings.stale_days if stale_days is None else stale_days
    rows = status(settings, utc_now, limit)
    render_status(rows, _out(), fmt.value, limit)


@lists_app.command("diff")
@handle_errors
def lists_diff(
    source: Annotated[str, typer.Argument(help="Source to compare.")],
    old: Annotated[str | None, typer.Option("--from", help="Older version (default: the one before --to).")] = None,
    new: Annotated[str | None, typer.Option("--to", help="Newer version (default: the current one).")] = None,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="Output format.")] = TableOrJson.table,
) -> None:
    """Entities added, removed and changed between two versions of a list."""
    from .lists import diff
    from .report.lists import render_diff

    render_diff(diff(_settings(), source, old, new), _out(), fmt.value)


@lists_app.command("rollback")
@handle_errors
def lists_rollback(source: Annotated[str, typer.Argument(help="Source to roll back.")]) -> None:
    """Make the previous version of a list current again."""
    from .lists import rollback

    old, new = rollback(_settings(), source)
    _out().print(f"{source}: current version is now {new} (was {old})")


class FailOn(StrEnum):
    """Lowest hit level that makes the command exit with code 1."""

    match = "match"
    review = "review"
    never = "never"


Threshold = Annotated[
    int | None, typer.Option("--threshold", min=0, max=100, help="Lowest score raising a hit (default: the review level, 75).")
]
MatchAt = Annotated[
    int | None, typer.Option("--match-at", min=0, max=100, help="Score from which a hit is a match (default 90).")
]
RegisterDirs = Annotated[
    list[Path] | None,
    typer.Option("--register", help="Also search this register folder (repeatable; same format as watchlists/)."),
]
NoRegister = Annotated[bool, typer.Option("--no-register", help="Search the official lists only, not the register.")]


def _match_config(settings, threshold: int | None, match_at: int | None):  # type: ignore[no-untyped-def]
    """Thresholds: the flags, else the configuration file, else the matcher's defaults."""
    from .match import MatchConfig

    base = MatchConfig()
    match = match_at if match_at is not None else settings.match if settings.match is not None else base.match
    review = threshold if threshold is not None else settings.review if settings.review is not None else base.review
    return MatchConfig(match=match, review=review)


def _flag_exit(worst: str, fail_on: FailOn) -> None:
    if fail_on == FailOn.never or worst == "clear":
        return
    if fail_on == FailOn.review or worst == "match":
        raise typer.Exit(int(ExitCode.FLAGGED))


@register_app.command("validate")
@handle_errors
def register_validate(
    folders: Annotated[
        list[Path] | None,
        typer.Argument(help="Register folders to check with the shipped one (default: the shipped register only)."),
    ] = None,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="Output format.")] = TableOrJson.table,
) -> None:
    """Check register folders: schema, sources, duplicate ids, links to unknown bodies.
    Exit 0 when there is no error (warnings are printed), 3 when there are errors."""
    from .register.load import check_folders, shipped_folder
    from .report.register import render_validation

    dirs = [shipped_folder(), *(folders or [])]
    register, problems = check_folders(dirs)
    render_validation(dirs, register, problems, _out(), fmt.value)
    if register is None:
        raise typer.Exit(int(ExitCode.BAD_INPUT))


@register_app.command("show")
@handle_errors
def register_show(
    body_id: Annotated[str, typer.Argument(help="Id of a register body, e.g. cn-hunan-police-academy.")],
    register: RegisterDirs = None,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="Output format.")] = TableOrJson.table,
) -> None:
    """Show one register body: names, concerns, designations, links and their sources, and
    the chains of links from it to listed or abusive bodies."""
    from .errors import UsageError
    from .register.graph import chains
    from .register.load import load_register
    from .report.register import render_body

    settings = _settings(register)
    reg = load_register(settings.register_dirs, cache_dir=settings.cache_dir)
    body = reg.bodies.get(body_id)
    if body is None:
        import difflib

        near = difflib.get_close_matches(body_id, list(reg.bodies), n=3)
        hint = f"; did you mean {', '.join(near)}?" if near else ""
        raise UsageError(f"no register body with id {body_id!r}{hint}")
    render_body(reg, body, chains(reg, body.id, settings.link_depth), _out(), fmt.value)


@register_app.command("assistance")
@handle_errors
def register_assistance(
    register: RegisterDirs = None,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="Output format.")] = TableOrJson.table,
) -> None:
    """List the assistance types a project file may name, with the abuses each can contribute to."""
    from .register.load import load_register
    from .report.register import render_assistance

    settings = _settings(register)
    render_assistance(load_register(settings.register_dirs, cache_dir=settings.cache_dir), _out(), fmt.value)


class AssessFormat(StrEnum):
    """Output formats of the assessment report."""

    terminal = "terminal"
    markdown = "markdown"
    html = "html"
    json = "json"


class RiskLevel(StrEnum):
    """Lowest red-flag level that makes `hrdd assess` exit with code 1."""

    medium = "medium"
    high = "high"
    prohibited = "prohibited"
    never = "never"


def _run_clock(run_time: str | None):  # type: ignore[no-untyped-def]
    """The clock of a run: --run-time, else $SOURCE_DATE_EPOCH, else now (UTC)."""
    import os
    from datetime import UTC, datetime

    from .errors import UsageError
    from .lists import utc_now

    if run_time:
        try:
            fixed = datetime.fromisoformat(run_time)
        except ValueError:
            raise UsageError(f"--run-time {run_time!r} is not an ISO 8601 date or time") from None
        fixed = fixed if fixed.tzinfo else fixed.replace(tzinfo=UTC)
        return lambda: fixed
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            fixed = datetime.fromtimestamp(int(epoch), UTC)
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH={epoch!r} is not a number of seconds") from None
        return lambda: fixed
    return utc_now


@app.command("assess")
@handle_errors
def assess_cmd(
    project: Annotated[Path, typer.Argument(help="Project file (YAML); see examples/ and the README.")],
    fmt: Annotated[AssessFormat, typer.Option("--format", help="Report format.")] = AssessFormat.terminal,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the report to this file.")] = None,
    fail_on: Annotated[
        RiskLevel | None,
        typer.Option("--fail-on", help="Exit 1 when a red flag is at or above this level (default high, or "
                     "assess_fail_on in hrdd.toml)."),
    ] = None,
    threshold: Threshold = None,
    match_at: MatchAt = None,
    register: RegisterDirs = None,
    run_time: Annotated[
        str | None,
        typer.Option("--run-time", help="Time to record as the run's (ISO 8601; default $SOURCE_DATE_EPOCH or now). "
                     "Same inputs, list versions and run time give a byte-identical report."),
    ] = None,
) -> None:
    """Assess a proposed project: host country, assistance, every party screened against
    the lists and the register, red flags with evidence, overall risk and approval level,
    mitigations, monitoring and an audit trail. Exit 1 at or above --fail-on; 4 when no
    official list has been imported and nothing reached --fail-on."""
    from . import __version__
    from .assess import run_assessment
    from .report.assessment import RenderOptions, render

    settings = _settings(register)
    fail_level = fail_on.value if fail_on is not None else settings.assess_fail_on or RiskLevel.high.value
    result = run_assessment(project, settings, _run_clock(run_time), __version__,
                            _match_config(settings, threshold, match_at))
    color = output is None and fmt == AssessFormat.terminal and sys.stdout.isatty()
    width = 100 if output is not None or not sys.stdout.isatty() else min(_out().width, 120)
    text = render(result.doc, fmt.value, RenderOptions(color=color, width=width))
    _write_text(output, text)
    where = f"; report written to {output}" if output is not None else ""
    print(f"hrdd: overall risk {result.risk.upper()}{where}", file=sys.stderr)
    if result.fails(fail_level):
        raise typer.Exit(int(ExitCode.FLAGGED))
    if result.lists_missing:
        print("hrdd: no official list has been imported; run `hrdd lists update` (exit code 4)", file=sys.stderr)
        raise typer.Exit(int(ExitCode.LIST_DATA))


def _write_text(path: Path | None, text: str) -> None:
    """Write a report to ``path`` so that a reader never sees half of it (or to stdout)."""
    with _output(path, False) as out:
        out.write(text)


@app.command("check")
@handle_errors
def check_cmd(
    name: Annotated[str, typer.Argument(help="The name to check (any script).")],
    kind: Annotated[str | None, typer.Option("--kind", help="person or org: only hits of that kind.")] = None,
    country: Annotated[
        str | None, typer.Option("--country", help="The partner's country, as an ISO code or a name (CN, China); listed bodies and people of other countries score lower.")
    ] = None,
    born: Annotated[
        str | None, typer.Option("--born", help="A person's birth year or date (1965, 1965-04-29); listed people born in another year score lower.")
    ] = None,
    threshold: Threshold = None,
    match_at: MatchAt = None,
    explain: Annotated[bool, typer.Option("--explain", help="Show why each hit scored as it did.")] = False,
    source: Annotated[list[str] | None, typer.Option("--source", help="Search only this list (repeatable).")] = None,
    fmt: Annotated[TableOrJson, typer.Option("--format", help="Output format.")] = TableOrJson.table,
    fail_on: Annotated[
        FailOn | None, typer.Option("--fail-on", help="Exit 1 when a hit reaches this level (default review).")
    ] = None,
    register: RegisterDirs = None,
    no_register: NoRegister = False,
) -> None:
    """Check one name against every imported list and the register; hits best first, with
    reasons, and for register bodies the chains of links to listed or abusive bodies."""
    from .match import Query
    from .report.matches import render_check
    from .screening import check, load_screener, worst_level

    settings = _settings(register)
    config = _match_config(settings, threshold, match_at)
    screener = load_screener(settings, source, config, use_register=not no_register)
    report = check(screener, Query(name, kind, country, born), threshold)
    render_check(report, _out(), fmt.value, explain)
    _flag_exit(worst_level(report.hits), fail_on or FailOn(settings.fail_on or "review"))


class ScreenFormat(StrEnum):
    """Output formats of `hrdd screen`."""

    table = "table"
    csv = "csv"
    xlsx = "xlsx"
    json = "json"
    jsonl = "jsonl"
    junit = "junit"
    github = "github"
    markdown = "markdown"


class Engine(StrEnum):
    """Where `hrdd screen` runs the matcher."""

    local = "local"
    dask = "dask"


@app.command("screen")
@handle_errors
def screen_cmd(
    files: Annotated[
        list[str], typer.Argument(help="CSV/TSV, XLSX, ODS, JSON Lines or plain-text files of names; - reads stdin.")
    ],
    column: Annotated[str | None, typer.Option("--column", help="Column holding the names (default: found by header).")] = None,
    fmt: Annotated[ScreenFormat, typer.Option("--format", help="Output format.")] = ScreenFormat.table,
    output: Annotated[Path | None, typer.Option("-o", "--output", help="Write the results to this file.")] = None,
    fail_on: Annotated[
        FailOn | None,
        typer.Option("--fail-on", help="Exit 1 when a row reaches this level (default review, or fail_on in hrdd.toml)."),
    ] = None,
    threshold: Threshold = None,
    match_at: MatchAt = None,
    source: Annotated[list[str] | None, typer.Option("--source", help="Search only this list (repeatable).")] = None,
    register: RegisterDirs = None,
    no_register: NoRegister = False,
    decisions: Annotated[
        Path | None, typer.Option("--decisions", help="Analysts' decisions (YAML or CSV) to apply; see the README.")
    ] = None,
    decisions_template: Annotated[
        Path | None,
        typer.Option("--decisions-template", help="Also write the open hits to this new file (.yaml or .csv) as "
                     "decisions to fill in."),
    ] = None,
    changed_since: Annotated[
        list[str] | None,
        typer.Option("--changed-since", help="Report only hits new or changed since SOURCE=VERSION, a date "
                     "(YYYY-MM-DD), or an earlier JSON report's versions (repeatable)."),
    ] = None,
    engine: Annotated[Engine, typer.Option("--engine", help="local (every core of this machine) or dask.")] = Engine.local,
    jobs: Annotated[
        int | None, typer.Option("--jobs", "-j", min=0, help="Worker processes (default: one per core; 1: none).")
    ] = None,
    scheduler: Annotated[
        str | None, typer.Option("--scheduler", help="Dask scheduler address (default: a local cluster).")
    ] = None,
    run_time: Annotated[
        str | None, typer.Option("--run-time", help="Date and time of the run (ISO 8601) for decision expiry and the "
                                 "report; default $SOURCE_DATE_EPOCH or now."),
    ] = None,
) -> None:
    """Screen every row of one or more files of names. Every row comes out, in order, with
    its status (match, review, clear, or skipped with the reason). Exit 1 when a row
    reaches --fail-on; 3 for an unusable file; 4 when no list has been imported."""
    import dataclasses
    import tempfile

    from . import __version__
    from .batch.service import ScreenJob, run_screen
    from .errors import UsageError
    from .report.batch import BINARY, WriterOptions, make_writer

    if scheduler and engine != Engine.dask:
        raise UsageError("--scheduler needs --engine dask")
    if decisions_template is not None and decisions_template.exists():
        raise UsageError(f"{decisions_template} exists; --decisions-template writes a new file and will not "
                         "overwrite decisions")
    if fmt.value in BINARY and output is None and sys.stdout.isatty():
        raise UsageError(f"--format {fmt.value} writes a binary file; give -o FILE")
    settings = _settings(register)
    if jobs is not None:
        settings = dataclasses.replace(settings, jobs=jobs)
    fail_level = fail_on.value if fail_on is not None else settings.fail_on or "review"
    job = ScreenJob(
        files, column, source, not no_register, _match_config(settings, threshold, match_at), threshold,
        decisions if decisions is not None else settings.decisions, tuple(changed_since or ()), engine.value,
        settings.jobs, scheduler, fail_level, decisions_template is not None,
    )
    stdin = None
    with contextlib.ExitStack() as stack:
        if "-" in files:
            stdin = stack.enter_context(tempfile.SpooledTemporaryFile(max_size=32 << 20))
            while block := sys.stdin.buffer.read(1 << 20):
                stdin.write(block)
            stdin.seek(0)
        color = output is None and fmt == ScreenFormat.table and sys.stdout.isatty()
        width = min(_out().width, 160) if output is None and sys.stdout.isatty() else 140
        with _output(output, fmt.value in BINARY) as out:
            writer = make_writer(fmt.value, out, WriterOptions(fail_level, color, width))
            run = run_screen(job, settings, _run_clock(run_time), writer, _progress(), stdin, __version__)
    for w in run.warnings:
        print(f"hrdd: warning: {w}", file=sys.stderr)
    if decisions_template is not None:
        from .report.batch.template import render_template

        kind = "csv" if decisions_template.suffix.casefold() in (".csv", ".tsv") else "yaml"
        _write_text(decisions_template, render_template(run.template, kind))
        print(f"hrdd: {len(run.template)} open hit(s) written to {decisions_template}", file=sys.stderr)
    if output is not None or fmt not in (ScreenFormat.table, ScreenFormat.github):
        where = f"; results written to {output}" if output is not None else ""
        print(f"hrdd: {run.summary.line()}{where}", file=sys.stderr)
    if run.fails(fail_level):
        raise typer.Exit(int(ExitCode.FLAGGED))


class _Guarded:
    """A stream whose write errors (disk full, no permission) become ``OutputError``."""

    def __init__(self, stream, shown: str) -> None:  # type: ignore[no-untyped-def]
        self._stream, self._shown = stream, shown

    def _fail(self, exc: OSError):  # type: ignore[no-untyped-def]
        from .errors import OutputError

        if isinstance(exc, BrokenPipeError):
            return exc
        return OutputError(f"cannot write {self._shown}: {exc.strerror or exc}")

    def write(self, data):  # type: ignore[no-untyped-def]
        try:
            return self._stream.write(data)
        except OSError as exc:
            raise self._fail(exc) from None

    def flush(self) -> None:
        try:
            self._stream.flush()
        except OSError as exc:
            raise self._fail(exc) from None

    def __getattr__(self, name: str):  # type: ignore[no-untyped-def]
        return getattr(self._stream, name)


@contextlib.contextmanager
def _output(path: Path | None, binary: bool):  # type: ignore[no-untyped-def]
    """Standard output, or a temporary file beside ``path`` that replaces it only when the
    run finishes: an earlier good output is never replaced by half of one."""
    import os
    import tempfile

    from .errors import UsageError

    if path is None:
        out = _Guarded(sys.stdout.buffer if binary else sys.stdout, STDOUT)
        yield out
        out.flush()
        return
    folder = path.parent if str(path.parent) else Path(".")
    if not folder.is_dir():
        raise UsageError(f"cannot write {path}: folder {folder} does not exist")
    from .errors import OutputError

    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{path.name}.")
    except OSError as exc:
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    try:
        with (os.fdopen(fd, "wb") if binary else os.fdopen(fd, "w", encoding="utf-8", newline="")) as fh:
            guarded = _Guarded(fh, str(path))
            yield guarded
            guarded.flush()
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"cannot write {path}: {exc.strerror or exc}") from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def main() -> None:
    """Entry point of the ``hrdd`` console script."""
    if not isinstance(sys.stdout, _Guarded):
        sys.stdout = _Guarded(sys.stdout, STDOUT)  # type: ignore[assignment]
    app()
