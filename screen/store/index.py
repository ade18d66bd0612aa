"""The compiled match index saved beside each snapshot.

Built once when a version is published, from the parsed entities and the shared
normaliser (``screen.names``); later commands load it without touching publisher files.
Its sha256 is recorded in the manifest and checked on load; a corrupt index is rebuilt
from the snapshot's entity file (not from the publisher files).
"""

from __future__ import annotations

import hashlib
import pickle
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import SnapshotError
from ..model import Entity
from ..names import normalize

INDEX_VERSION = 1  # bump when the layout or the normaliser changes; older indexes are rebuilt


@dataclass(slots=True)
class CompiledIndex:
    """Normalised names of one snapshot with a token → name postings map.

    ``names[i]`` is the comparable form of name ``name_ref[i] = (entity index, name index)``.
    """

    version: int
    source: str
    entity_ids: list[str]
    names: list[str]
    name_ref: list[tuple[int, int]]
    postings: dict[str, list[int]] = field(default_factory=dict)


def build_index(source: str, entities: list[Entity]) -> CompiledIndex:
    """Compile the index of one snapshot's entities."""
    names: list[str] = []
    refs: list[tuple[int, int]] = []
    postings: dict[str, list[int]] = defaultdict(list)
    for ei, entity in enumerate(entities):
        for ni, name in enumerate(entity.names):
            norm = normalize(name.value)
            if not norm:
                continue
            pos = len(names)
            names.append(norm)
            refs.append((ei, ni))
            for tok in dict.fromkeys(norm.split()):
                postings[tok].append(pos)
    return CompiledIndex(INDEX_VERSION, source, [e.id for e in entities], names, refs, dict(postings))


def save_index(index: CompiledIndex, path: Path) -> str:
    """Write the index; returns its sha256."""
    data = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def load_index(path: Path, sha256: str) -> CompiledIndex:
    """Load an index after checking its checksum; ``SnapshotError`` when it is corrupt."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SnapshotError(f"{path}: cannot read the compiled index ({exc.strerror})") from exc
    if hashlib.sha256(data).hexdigest() != sha256:
        raise SnapshotError(f"{path}: compiled index does not match its checksum")
    try:
        index = pickle.loads(data)  # noqa: S301 - our own file, checksum verified above
    except Exception as exc:
        raise SnapshotError(f"{path}: compiled index unreadable ({type(exc).__name__})") from exc
    if not isinstance(index, CompiledIndex) or index.version != INDEX_VERSION:
        raise SnapshotError(f"{path}: compiled index is of an older layout")
    return index
