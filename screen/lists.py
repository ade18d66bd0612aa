"""Application service for the list store: import, update, status, diff and rollback.

Each public function is what one `hrdd lists ...` command calls. Sessions, clocks,
progress and settings are passed in; nothing here prints.
"""

from __future__ import annotations

import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from pathlib import Path

import requests

from . import __version__
from .errors import DownloadError, HrddError, InputError, ListDataError, SourceFormatError, UsageError
from .progress import NullProgress, Progress
from .settings import Settings
from .sources import FORMAT_PREFERENCE, FORMATS, SOURCES, Unrecognised, detect, get_source, group, parse
from .sources.base import FileSet, ParseResult
from .store.diff import ListDiff, diff_entities
from .store.fetch import FetchLimits, download
from .store.manifest import Manifest, RawFile
from .store.snapshots import ListStore, sha256_file

Clock = Callable[[], datetime]


def utc_now() -> datetime:
    """The real clock (the CLI passes it in; library code never calls it itself)."""
    return datetime.now(UTC)


@dataclass(slots=True)
class SourceOutcome:
    """What happened to one source in an import or update."""

    source: str
    status: str  # published | unchanged | refused | failed | superseded
    message: str = ""
    manifest: Manifest | None = None
    files: tuple[str, ...] = ()
    warnings: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()
    bad_input: bool = False  # failed because a file given by the user is unreadable or malformed


@dataclass(slots=True)
class RunReport:
    """The outcome of `lists import` or `lists update`."""

    outcomes: list[SourceOutcome] = field(default_factory=list)
    unrecognised: list[Unrecognised] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when nothing failed or was refused."""
        return all(o.status in ("published", "unchanged", "superseded") for o in self.outcomes)


def _store(settings: Settings) -> ListStore:
    return ListStore(settings.lists_dir)


def _check_drop(store: ListStore, source: str, result: ParseResult, settings: Settings, force: bool) -> None:
    """Refuse a version that lost more than the allowed share of records."""
    if force or store.current(source) is None:
        return
    previous = store.manifest(source)
    floor = previous.entities * (1 - settings.max_drop_share)
    if len(result.entities) < floor:
        raise ListDataError(
            f"{source}: the new version has {len(result.entities):,} entities against {previous.entities:,} "
            f"in the current one ({previous.version}), a drop of more than {settings.max_drop_share:.0%}; "
            "refused (pass --force to accept it)"
        )


def _publish(
    store: ListStore,
    fileset: FileSet,
    result: ParseResult,
    raw: list[tuple[RawFile, Path]],
    mode: str,
    clock: Clock,
    settings: Settings,
) -> Manifest:
    fetched_at = clock().astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")

    def make(version: str, index_sha: str, entities_sha: str, kinds: Counter[str]) -> Manifest:
        return Manifest(
            source=fileset.source,
            version=version,
            format=fileset.format,
            mode=mode,
            fetched_at=fetched_at,
            published=result.published,
            entities=len(result.entities),
            names=result.names,
            records=result.records,
            kinds=dict(sorted(kinds.items())),
            files=tuple(r for r, _ in raw),
            index_sha256=index_sha,
            entities_sha256=entities_sha,
            tool_version=__version__,
            sequence=result.sequence,
            warnings=tuple(str(w) for w in result.warnings),
            unused_fields=dict(sorted(result.unused.items())),
            notes=tuple(result.notes),
        )

    return store.publish(fileset.source, result.entities, raw, make, settings.keep_versions)


def _choose(candidates: list[tuple[FileSet, ParseResult]]) -> tuple[tuple[FileSet, ParseResult], str]:
    """Pick the newest of several complete sets of one source, and say how."""
    if all(r.published for _, r in candidates):
        best = max(candidates, key=lambda c: c[1].published or "")
        return best, f"newest publisher date ({best[1].published})"
    if all(r.sequence is not None for _, r in candidates):
        top = max(r.sequence or 0 for _, r in candidates)
        tied = [c for c in candidates if c[1].sequence == top]
        if len(tied) == 1:
            return tied[0], f"highest record number ({top})"
        candidates = tied
    best = min(candidates, key=lambda c: FORMAT_PREFERENCE.index(c[0].format))
    return best, f"same edition in several formats; {FORMATS[best[0].format].TITLE} preferred"


def gather(paths: Iterable[Path]) -> list[Path]:
    """Files named by ``paths`` (folders searched recursively, hidden files skipped)."""
    files: list[Path] = []
    for p in paths:
        if p.is_dir():
            # hidden below the folder given, not in the folder's own path ("../lists",
            # "~/.cache/hrdd/lists" are the user's to name)
            files += sorted(
                f for f in p.rglob("*") if f.is_file() and not any(s.startswith(".") for s in f.relative_to(p).parts)
            )
        elif p.is_file():
            files.append(p)
        else:
            raise UsageError(f"{p}: no such file or folder")
    return files


def import_paths(
    paths: list[Path],
    settings: Settings,
    clock: Clock,
    progress: Progress | None = None,
    force: bool = False,
    source: str | None = None,
) -> RunReport:
    """Import list files from disk: detect, parse, choose, check, publish."""
    progress = progress or NullProgress()
    if source is not None:
        get_source(source)
    report = RunReport()
    detected = []
    for f in gather(paths):
        try:
            d = detect(f)
        except SourceFormatError as exc:
            report.outcomes.append(SourceOutcome(source or "?", "failed", str(exc), files=(str(f),), bad_input=True))
            continue
        if d is None:
            report.unrecognised.append(Unrecognised(f, _unknown_reason(f)))
        else:
            detected.append((f, d))
    sets, problems = group(detected, source)
    report.unrecognised += problems
    if not sets and not report.outcomes:
        raise SourceFormatError("no list files recognised; supported: " + ", ".join(SOURCES), str(paths[0]))
    parsed: dict[str, list[tuple[FileSet, ParseResult]]] = {}
    for fs in sets:
        progress.start(f"parse {fs.source} ({fs.paths[0].name})")
        try:
            result = parse(fs)
            parsed.setdefault(fs.source, []).append((fs, result))
        except HrddError as exc:
            report.outcomes.append(
                SourceOutcome(fs.source, "failed", str(exc), files=tuple(map(str, fs.paths)),
                              bad_input=isinstance(exc, InputError))
            )  # fmt: skip
        finally:
            progress.finish()
    store = _store(settings)
    with store.lock():
        for name in sorted(parsed, key=lambda s: list(SOURCES).index(s)):
            (fs, result), how = _choose(parsed[name])
            for other_fs, _ in parsed[name]:
                if other_fs is not fs:
                    report.outcomes.append(
                        SourceOutcome(name, "superseded", f"not imported; the set imported was chosen by {how}",
                                      files=tuple(map(str, other_fs.paths)))
                    )  # fmt: skip
            try:
                _check_drop(store, name, result, settings, force)
                raw = [
                    (RawFile(role, p.name, sha256_file(p), p.stat().st_size, str(p.resolve())), p)
                    for role, p in fs.files
                ]
                progress.start(f"publish {name}")
                manifest = _publish(store, fs, result, raw, "import", clock, settings)
                report.outcomes.append(
                    SourceOutcome(
                        name,
                        "published",
                        f"chosen by {how}" if len(parsed[name]) > 1 else "",
                        manifest,
                        tuple(map(str, fs.paths)),
                        tuple(str(w) for w in result.warnings),
                        tuple(result.notes),
                    )
                )
            except ListDataError as exc:
                kept = "the current snapshot is kept" if store.current(name) else "no snapshot of it yet"
                report.outcomes.append(SourceOutcome(name, "refused", f"{exc}; {kept}",
                                                     files=tuple(map(str, fs.paths))))
            finally:
                progress.finish()
    return report


def _unknown_reason(path: Path) -> str:
    with path.open("rb") as fh:
        head = fh.read(512)
    if not head.strip():
        return "empty file"
    if b'"Name"\t"Street_Address"' in head:
        return "the BIS Denied Persons List; hrdd reads it as part of the US CSL (us_csl)"
    if head.lstrip().lower().startswith((b"<!doctype html", b"<html")):
        return "an HTML page, not a list file"
    return "not a list format hrdd knows"


def update_sources(
    names: list[str],
    settings: Settings,
    session: requests.Session,
    clock: Clock,
    progress: Progress | None = None,
    force: bool = False,
    urls: dict[str, list[str]] | None = None,
    deadline: float = 1800.0,
) -> RunReport:
    """Download each source from its publisher, parse, check and publish it.

    ``urls`` overrides the official addresses (mirrors, tests), per source, in the order
    of the source's download roles.
    """
    progress = progress or NullProgress()
    wanted = names or [s.name for s in SOURCES.values() if not s.optional]
    infos = [get_source(n) for n in wanted]
    store = _store(settings)
    report = RunReport()
    limits = FetchLimits(settings.max_download_bytes, settings.connect_timeout, settings.read_timeout, deadline)
    with store.lock():
        for info in infos:
            try:
                report.outcomes.append(
                    _update_one(info.name, store, settings, session, clock, progress, force, limits,
                                (urls or {}).get(info.name))
                )  # fmt: skip
            except HrddError as exc:
                kept = "the current snapshot is kept" if store.current(info.name) else "no snapshot of it yet"
                report.outcomes.append(SourceOutcome(info.name, "failed", f"{exc}; {kept}"))
    return report


def _update_one(
    name: str,
    store: ListStore,
    settings: Settings,
    session: requests.Session,
    clock: Clock,
    progress: Progress,
    force: bool,
    limits: FetchLimits,
    url_override: list[str] | None,
) -> SourceOutcome:
    info = get_source(name)
    roles = [r for r, _ in info.downloads]
    urls = url_override or [u for _, u in info.downloads]
    if len(urls) > len(roles):
        raise UsageError(f"{name}: {len(urls)} URLs given, but the source has {len(roles)} files ({', '.join(roles)})")
    current = store.current(name)
    previous = store.manifest(name) if current else None
    prev_files = {f.role: f for f in previous.files} if previous and previous.format == info.download_format else {}
    settings.home.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix="download-", dir=settings.home))
    try:
        fetched: list[tuple[str, str, Path, RawFile]] = []
        unchanged = 0
        for role, url in zip(roles, urls, strict=False):
            old = prev_files.get(role)
            use_validators = old is not None and old.origin == url
            fname = url.split("?", 1)[0].rstrip("/").rsplit("/", 1)[-1] or f"{name}-{role}"
            res = download(
                session, url, tmp / fname, limits,
                etag=old.etag if use_validators and old else None,
                last_modified=old.last_modified if use_validators and old else None,
                progress=progress,
            )  # fmt: skip
            if res.not_modified and old is not None:
                unchanged += 1
                assert previous is not None
                path = store.version_dir(name, previous.version) / "raw" / old.name
                fetched.append((role, url, path, old))
                continue
            assert res.path is not None and res.sha256 is not None
            record = RawFile(role, fname, res.sha256, res.bytes, url, res.etag, res.last_modified)
            fetched.append((role, url, res.path, record))
        if unchanged == len(fetched) and previous is not None:
            return SourceOutcome(name, "unchanged", f"publisher reports no change since {previous.version}",
                                 previous)  # fmt: skip
        for role, url, path, _ in fetched:
            d = detect(path)
            if d is None or d.format != info.download_format or (d.source not in (None, name)) or d.role != role:
                got = "unrecognised content" if d is None else f"{d.label or d.format}"
                raise DownloadError(f"downloaded file is not the expected {info.title} {role} file ({got})", url)
        fileset = FileSet(name, info.download_format, tuple((role, path) for role, _, path, _ in fetched))
        progress.start(f"parse {name}")
        try:
            result = parse(fileset)
        finally:
            progress.finish()
        _check_drop(store, name, result, settings, force)
        raw = [(record, path) for _, _, path, record in fetched]
        progress.start(f"publish {name}")  # builds the match index: seconds on the larger lists
        try:
            manifest = _publish(store, fileset, result, raw, "update", clock, settings)
        finally:
            progress.finish()
        return SourceOutcome(
            name, "published", "", manifest, tuple(urls), tuple(str(w) for w in result.warnings), tuple(result.notes)
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


@dataclass(frozen=True, slots=True)
class StatusRow:
    """One line of `lists status`."""

    source: str
    title: str
    version: str | None
    published: str | None
    fetched_at: str | None
    mode: str | None
    entities: int
    names: int
    sha256: str | None
    files: tuple[dict[str, object], ...]
    age_days: int | None
    stale: bool
    warnings: int
    problem: str | None = None
    age_basis: str | None = None  # "published" (publisher's date) or "fetched" (file carries no date)

    def to_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "source": self.source,
            "title": self.title,
            "version": self.version,
            "published": self.published,
            "fetched_at": self.fetched_at,
            "mode": self.mode,
            "entities": self.entities,
            "names": self.names,
            "sha256": self.sha256,
            "files": list(self.files),
            "age_days": self.age_days,
            "stale": self.stale,
            "warnings": self.warnings,
            "problem": self.problem,
            "age_basis": self.age_basis,
        }


def status(settings: Settings, clock: Clock, stale_days: int | None = None) -> list[StatusRow]:
    """Per source: current version, publisher date, counts, checksums, age."""
    store = _store(settings)
    limit = settings.stale_days if stale_days is None else stale_days
    today = clock().astimezone(UTC).date()
    rows = []
    for info in SOURCES.values():
        try:
            version = store.current(info.name)
            m = store.manifest(info.name) if version else None
        except ListDataError as exc:
            rows.append(StatusRow(info.name, info.title, None, None, None, None, 0, 0, None, (), None, True, 0, str(exc)))
            continue
        if m is None:
            problem = None if info.optional else "not imported"
            rows.append(StatusRow(info.name, info.title, None, None, None, None, 0, 0, None, (), None,
                                  not info.optional, 0, problem))  # fmt: skip
            continue
        ref = m.published or m.fetched_at[:10]
        age = (today - date.fromisoformat(ref[:10])).days
        rows.append(
            StatusRow(
                info.name, info.title, m.version, m.published, m.fetched_at, m.mode, m.entities, m.names, m.sha256,
                tuple({"role": f.role, "name": f.name, "sha256": f.sha256, "bytes": f.bytes, "origin": f.origin}
                      for f in m.files),
                age, age > limit, len(m.warnings), None, "published" if m.published else "fetched",
            )
        )  # fmt: skip
    return rows


def diff(settings: Settings, source: str, old: str | None = None, new: str | None = None) -> ListDiff:
    """Entities added, removed and changed between two versions (default: the current one
    and the one before it)."""
    get_source(source)
    store = _store(settings)
    new = new or store.current(source)
    if new is None:
        raise ListDataError(f"no snapshot of {source!r}")
    old = old or store.previous(source, new)
    if old is None:
        raise ListDataError(f"{source}: only one version ({new}) is kept; nothing to compare")
    for v in (old, new):
        if v not in store.versions(source):
            raise UsageError(f"{source}: no version {v!r}; kept: {', '.join(store.versions(source))}")
    return diff_entities(source, old, new, store.entities(source, old), store.entities(source, new))


def rollback(settings: Settings, source: str) -> tuple[str, str]:
    """Make the previous version of a source current again."""
    get_source(source)
    store = _store(settings)
    with store.lock():
        return store.rollback(source)
