"""Versioned local snapshots of each list, published atomically.

Layout under the lists folder::

    <source>/versions/v0003-1a2b3c4d/   raw/ (publisher files as received), entities.jsonl.gz,
                                        index.pkl, manifest.json
    <source>/CURRENT                    the current version's id
    .lock                               held while a command changes the store

A new version is written in full into a staging folder, checked, then renamed into
``versions/`` and only then made current by replacing ``CURRENT`` with ``os.replace``.
Whatever step fails or is interrupted, ``CURRENT`` still names the last good version.
"""

from __future__ import annotations

import contextlib
import fcntl
import gzip
import hashlib
import io
import json
import os
import shutil
import tempfile
from collections import Counter
from collections.abc import Callable, Iterator
from pathlib import Path

from ..errors import LockError, SnapshotError
from ..model import Entity
from .index import CompiledIndex, build_index, load_index, save_index
from .manifest import Manifest, RawFile

CURRENT = "CURRENT"
ENTITIES = "entities.jsonl.gz"
INDEX = "index.pkl"


def sha256_file(path: Path) -> str:
    """Hex sha256 of a file, read in chunks."""
    h = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def entities_bytes(entities: list[Entity]) -> bytes:
    """Deterministic gzip'd JSON lines of the entities (gzip mtime fixed at 0)."""
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0) as gz:
        for e in entities:
            gz.write(json.dumps(e.to_dict(), ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n")
    return buf.getvalue()


class ListStore:
    """The folder of all list snapshots."""

    def __init__(self, root: Path) -> None:
        self.root = root

    # -- reading --------------------------------------------------------------------------
    def source_dir(self, source: str) -> Path:
        """Folder of one source."""
        return self.root / source

    def versions(self, source: str) -> list[str]:
        """Complete versions of a source, oldest first."""
        vdir = self.source_dir(source) / "versions"
        if not vdir.is_dir():
            return []
        return sorted(p.name for p in vdir.iterdir() if p.is_dir() and (p / "manifest.json").is_file())

    def version_dir(self, source: str, version: str) -> Path:
        """Folder of one version."""
        return self.source_dir(source) / "versions" / version

    def current(self, source: str) -> str | None:
        """The current version id, or None if the source was never imported."""
        path = self.source_dir(source) / CURRENT
        try:
            version = path.read_text().strip()
        except FileNotFoundError:
            return None
        if not version or not (self.version_dir(source, version) / "manifest.json").is_file():
            raise SnapshotError(f"{path}: names version {version!r}, which is missing; run `hrdd lists rollback`")
        return version

    def sources(self) -> list[str]:
        """Sources that have a current version."""
        if not self.root.is_dir():
            return []
        return sorted(p.name for p in self.root.iterdir() if (p / CURRENT).is_file())

    def manifest(self, source: str, version: str | None = None) -> Manifest:
        """Manifest of a version (the current one by default)."""
        version = version or self.current(source)
        if version is None:
            raise SnapshotError(f"no snapshot of {source!r}; run `hrdd lists update {source}` or `hrdd lists import`")
        return Manifest.read(self.version_dir(source, version))

    def entities(self, source: str, version: str | None = None) -> list[Entity]:
        """Entities of a version, checked against the manifest's checksum."""
        m = self.manifest(source, version)
        path = self.version_dir(source, m.version) / ENTITIES
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise SnapshotError(f"{path}: cannot read snapshot entities ({exc.strerror})") from exc
        if hashlib.sha256(data).hexdigest() != m.entities_sha256:
            raise SnapshotError(f"{path}: snapshot entities do not match their checksum; the snapshot is corrupt")
        with gzip.GzipFile(fileobj=io.BytesIO(data)) as gz:
            return [Entity.from_dict(json.loads(line)) for line in gz]

    def index(self, source: str, version: str | None = None) -> CompiledIndex:
        """The compiled index of a version; a corrupt one is rebuilt from the entities."""
        m = self.manifest(source, version)
        vdir = self.version_dir(source, m.version)
        try:
            return load_index(vdir / INDEX, m.index_sha256)
        except SnapshotError:
            index = build_index(source, self.entities(source, m.version))
            tmp = vdir / (INDEX + ".tmp")
            sha = save_index(index, tmp)
            os.replace(tmp, vdir / INDEX)
            m_new = Manifest(**{**_fields(m), "index_sha256": sha})
            tmpm = vdir / "manifest.json.tmp"
            tmpm.write_text(json.dumps(m_new.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n")
            os.replace(tmpm, vdir / "manifest.json")
            return index

    # -- writing --------------------------------------------------------------------------
    @contextlib.contextmanager
    def lock(self) -> Iterator[None]:
        """Hold the store's lock; ``LockError`` at once if another process holds it."""
        self.root.mkdir(parents=True, exist_ok=True)
        path = self.root / ".lock"
        with path.open("a+") as fh:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                fh.seek(0)
                holder = fh.read().strip()
                raise LockError(
                    f"another hrdd process is changing the lists in {self.root} ({holder or 'pid unknown'}); "
                    "try again when it has finished"
                ) from None
            fh.seek(0)
            fh.truncate()
            fh.write(f"pid {os.getpid()}")
            fh.flush()
            try:
                yield
            finally:
                fh.seek(0)
                fh.truncate()
                fcntl.flock(fh, fcntl.LOCK_UN)

    def next_version(self, source: str, digest: str) -> str:
        """A new version id: a counter that grows per source (not the clock) and a digest."""
        numbers = [int(v[1:5]) for v in self.versions(source) if v[1:5].isdigit()]
        return f"v{max(numbers, default=0) + 1:04d}-{digest[:8]}"

    def publish(
        self,
        source: str,
        entities: list[Entity],
        raw: list[tuple[RawFile, Path]],
        make_manifest: Callable[[str, str, str, Counter[str]], Manifest],
        keep: int,
        step: Callable[[str], None] = lambda _: None,
    ) -> Manifest:
        """Write a complete version and make it current.

        ``raw`` pairs each file's record with its path on disk; ``make_manifest`` gets
        (version, index sha256, entities sha256, kinds). ``step`` is called with the name of
        each step before it runs (tests interrupt publishing there).
        """
        sdir = self.source_dir(source)
        (sdir / "versions").mkdir(parents=True, exist_ok=True)
        digest = hashlib.sha256("".join(f.sha256 for f, _ in raw).encode()).hexdigest()
        version = self.next_version(source, digest)
        staging = Path(tempfile.mkdtemp(prefix=".staging-", dir=sdir))
        try:
            step("copy")
            (staging / "raw").mkdir()
            for record, path in raw:
                shutil.copyfile(path, staging / "raw" / record.name)
                if sha256_file(staging / "raw" / record.name) != record.sha256:
                    raise SnapshotError(f"{path}: file changed while it was being imported")
            step("entities")
            data = entities_bytes(entities)
            (staging / ENTITIES).write_bytes(data)
            step("index")
            index_sha = save_index(build_index(source, entities), staging / INDEX)
            step("manifest")
            kinds = Counter(e.kind.value for e in entities)
            manifest = make_manifest(version, index_sha, hashlib.sha256(data).hexdigest(), kinds)
            manifest.write(staging)
            step("rename")
            final = self.version_dir(source, version)
            os.replace(staging, final)
            _fsync_dir(final.parent)
            step("current")
            self._set_current(source, version)
        except OSError as exc:  # a full disk, a read-only folder, a device error
            shutil.rmtree(staging, ignore_errors=True)
            raise SnapshotError(f"cannot write the new version of {source} in {sdir}: "
                                f"{exc.strerror or exc}") from None
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
        self.prune(source, keep)
        return manifest

    def _set_current(self, source: str, version: str) -> None:
        sdir = self.source_dir(source)
        tmp = sdir / (CURRENT + ".tmp")
        with tmp.open("w") as fh:
            fh.write(version + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, sdir / CURRENT)
        _fsync_dir(sdir)

    def rollback(self, source: str) -> tuple[str, str]:
        """Make the version before the current one current; returns (old, new)."""
        current = self.current(source)
        if current is None:
            raise SnapshotError(f"no snapshot of {source!r} to roll back")
        older = [v for v in self.versions(source) if v < current]
        if not older:
            raise SnapshotError(f"{source}: {current} is the oldest version kept; nothing to roll back to")
        self._set_current(source, older[-1])
        return current, older[-1]

    def previous(self, source: str, version: str) -> str | None:
        """The version kept just before ``version``."""
        older = [v for v in self.versions(source) if v < version]
        return older[-1] if older else None

    def prune(self, source: str, keep: int) -> list[str]:
        """Delete the oldest versions beyond ``keep``, never the current one; also
        leftover staging folders of interrupted runs."""
        current = self.current(source)
        versions = self.versions(source)
        removed = []
        excess = len(versions) - max(keep, 1)
        for v in versions:
            if excess <= 0:
                break
            if v == current:
                continue
            shutil.rmtree(self.version_dir(source, v), ignore_errors=True)
            removed.append(v)
            excess -= 1
        for stale in self.source_dir(source).glob(".staging-*"):
            shutil.rmtree(stale, ignore_errors=True)
        return removed


def _fields(m: Manifest) -> dict[str, object]:
    return {f: getattr(m, f) for f in m.__dataclass_fields__}
