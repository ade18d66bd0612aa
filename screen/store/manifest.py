"""The manifest written with every snapshot version: where the data came from, what it
holds and the checksums to verify it. It feeds `lists status` and the audit trail."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from ..errors import SnapshotError

MANIFEST = "manifest.json"


@dataclass(frozen=True, slots=True)
class RawFile:
    """One publisher file kept in a snapshot."""

    role: str
    name: str  # file name inside the snapshot's raw/ folder
    sha256: str
    bytes: int
    origin: str  # URL it was downloaded from, or the path it was imported from
    etag: str | None = None
    last_modified: str | None = None


@dataclass(frozen=True, slots=True)
class Manifest:
    """Everything recorded about one snapshot version."""

    source: str
    version: str
    format: str
    mode: str  # "update" (downloaded) or "import" (from disk)
    fetched_at: str  # ISO UTC time the data was fetched or imported
    published: str | None  # the publisher's own date, ISO
    entities: int
    names: int
    records: int
    kinds: dict[str, int]
    files: tuple[RawFile, ...]
    index_sha256: str
    entities_sha256: str
    tool_version: str
    sequence: int | None = None
    warnings: tuple[str, ...] = ()
    unused_fields: dict[str, int] = field(default_factory=dict)
    notes: tuple[str, ...] = ()

    @property
    def sha256(self) -> str:
        """Digest of the main (or OFAC primary) raw file."""
        return self.files[0].sha256 if self.files else ""

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        d = asdict(self)
        d["files"] = [asdict(f) for f in self.files]
        d["warnings"] = list(self.warnings)
        d["notes"] = list(self.notes)
        return d

    def write(self, folder: Path) -> None:
        """Write ``manifest.json`` into a version folder."""
        (folder / MANIFEST).write_text(json.dumps(self.to_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n")

    @classmethod
    def read(cls, folder: Path) -> Manifest:
        """Read a version folder's manifest; ``SnapshotError`` when missing or broken."""
        path = folder / MANIFEST
        try:
            d = json.loads(path.read_text())
            d["files"] = tuple(RawFile(**f) for f in d["files"])
            d["warnings"] = tuple(d.get("warnings", ()))
            d["notes"] = tuple(d.get("notes", ()))
            return cls(**d)
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise SnapshotError(f"{path}: snapshot manifest missing or unreadable ({exc})") from exc
