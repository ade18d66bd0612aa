"""Compare two versions of one list: entities added, removed and changed."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..model import Entity

# Where a record sits in the file says nothing about the record itself.
_IGNORED = frozenset({"provenance"})


@dataclass(frozen=True, slots=True)
class EntityChange:
    """One entity present in both versions whose content differs."""

    id: str
    name: str
    fields: tuple[str, ...]


@dataclass(slots=True)
class ListDiff:
    """Differences between an older and a newer version of one source."""

    source: str
    old_version: str
    new_version: str
    added: list[tuple[str, str]] = field(default_factory=list)  # (id, name)
    removed: list[tuple[str, str]] = field(default_factory=list)
    changed: list[EntityChange] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready form."""
        return {
            "source": self.source,
            "from": self.old_version,
            "to": self.new_version,
            "added": [{"id": i, "name": n} for i, n in self.added],
            "removed": [{"id": i, "name": n} for i, n in self.removed],
            "changed": [{"id": c.id, "name": c.name, "fields": list(c.fields)} for c in self.changed],
        }


def diff_entities(source: str, old_version: str, new_version: str, old: list[Entity], new: list[Entity]) -> ListDiff:
    """Entities added, removed and changed (by id) between two versions."""
    before = {e.id: e for e in old}
    after = {e.id: e for e in new}
    result = ListDiff(source, old_version, new_version)
    result.added = sorted((i, after[i].name) for i in after.keys() - before.keys())
    result.removed = sorted((i, before[i].name) for i in before.keys() - after.keys())
    for i in sorted(before.keys() & after.keys()):
        a, b = before[i].to_dict(), after[i].to_dict()
        keys = sorted(k for k in a.keys() | b.keys() if k not in _IGNORED and a.get(k) != b.get(k))
        if keys:
            result.changed.append(EntityChange(i, after[i].name, tuple(keys)))
    return result
