"""Merge several publisher rows that describe one listed body into one entity.

The UK lists publish one row per name variant (grouped by Group ID or Unique ID); the
rows repeat the body's other facts. :class:`EntityBuilder` collects the rows' facts
without duplicates, keeping first-seen order so that output is deterministic.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import datetime

from ..model import Address, Entity, EntityKind, Identifier, Link, Name, NameType, Provenance

_DATE_FORMATS = ("%d/%m/%Y", "%d-%b-%Y", "%Y-%m-%d", "%d %b %Y", "%d %B %Y")


def iso_date(value: str) -> str | None:
    """A publisher date (``14/04/2025``, ``24-Jun-2026``, ``2025-04-14``...) as ISO, or None."""
    value = (value or "").strip()
    if not value:
        return None
    head = value.split("T", 1)[0].split(" ", 1)[0] if re.match(r"\d{4}-\d\d-\d\d", value) else value
    for fmt in _DATE_FORMATS:
        try:
            return datetime.strptime(head, fmt).date().isoformat()
        except ValueError:
            continue
    return None


@dataclass(slots=True)
class EntityBuilder:
    """Facts of one listed body gathered from several rows."""

    source: str
    record_id: str
    file: str
    location: str
    kind: EntityKind = EntityKind.UNKNOWN
    names: dict[tuple[str, NameType], Name] = field(default_factory=dict)
    programs: dict[str, None] = field(default_factory=dict)
    lists: dict[str, None] = field(default_factory=dict)
    listed_on: str | None = None
    countries: dict[str, None] = field(default_factory=dict)
    addresses: dict[Address, None] = field(default_factory=dict)
    identifiers: dict[Identifier, None] = field(default_factory=dict)
    birth_dates: dict[str, None] = field(default_factory=dict)
    notices: dict[str, None] = field(default_factory=dict)
    remarks: dict[str, None] = field(default_factory=dict)
    links: dict[Link, None] = field(default_factory=dict)
    other: dict[tuple[str, str], None] = field(default_factory=dict)

    def add_name(self, name: Name) -> None:
        """Add a name unless the same value with the same type is already there."""
        if name.value:
            self.names.setdefault((name.value, name.type), name)

    @staticmethod
    def _add(target: dict, *values: object) -> None:  # type: ignore[type-arg]
        for v in values:
            if v:
                target.setdefault(v, None)

    def add(self, attr: str, *values: object) -> None:
        """Add values to one of the set-like fields (programs, countries, remarks, ...)."""
        self._add(getattr(self, attr), *values)

    def build(self) -> Entity:
        """The merged entity; primary names first."""
        names = sorted(self.names.values(), key=lambda n: n.type is not NameType.PRIMARY)
        if names and all(n.type is not NameType.PRIMARY for n in names):
            first = names[0]
            names[0] = Name(first.value, NameType.PRIMARY, first.weak, first.script, first.lang)
        return Entity(
            source=self.source,
            record_id=self.record_id,
            kind=self.kind,
            names=tuple(names),
            provenance=Provenance(self.source, self.file, self.record_id, self.location),
            programs=tuple(self.programs),
            lists=tuple(self.lists),
            listed_on=self.listed_on,
            countries=tuple(self.countries),
            addresses=tuple(self.addresses),
            identifiers=tuple(self.identifiers),
            birth_dates=tuple(self.birth_dates),
            notices=tuple(self.notices),
            remarks=tuple(self.remarks),
            links=tuple(self.links),
            other=tuple(self.other),
        )
