"""The entity model every publisher format is parsed into.

One model for all lists: a listed person, organisation, vessel or aircraft with every
name the publisher gives (with its type and script), the programmes and sub-lists it is
on, dates, countries, addresses, identifiers, remarks, stated links to other listed
bodies, and where exactly in which file it came from. Fields a parser does not map are
kept verbatim in ``other`` so that nothing the publisher said is dropped.

This module imports nothing from the rest of the package.
"""

from __future__ import annotations

import enum
import hashlib
import json
from dataclasses import dataclass, field
from typing import Any


class EntityKind(enum.StrEnum):
    """What kind of thing a listed record describes."""

    PERSON = "person"
    ORGANISATION = "organisation"
    VESSEL = "vessel"
    AIRCRAFT = "aircraft"
    UNKNOWN = "unknown"  # the publisher did not say (e.g. CSL Entity List rows)


class NameType(enum.StrEnum):
    """How the publisher labels a name of a listed record."""

    PRIMARY = "primary"
    VARIANT = "variant"  # spelling variant of the primary name (UK "Primary name variation")
    AKA = "aka"
    FKA = "fka"
    NKA = "nka"


@dataclass(frozen=True, slots=True)
class Name:
    """One name of a listed record.

    ``weak`` marks names the publisher itself flags as weak or low quality
    (OFAC weak a.k.a., UN "Low" quality, EU ``strong="false"``, UK "Low quality").
    """

    value: str
    type: NameType = NameType.PRIMARY
    weak: bool = False
    script: str = "Latin"
    lang: str | None = None


@dataclass(frozen=True, slots=True)
class Address:
    """A postal address as published; ``country`` as the publisher wrote it."""

    text: str
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Identifier:
    """An identity or registration document number."""

    type: str
    value: str
    country: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Link:
    """A stated link from a listed record to another body.

    ``target_id`` is the publisher's record id of the other body when it gives one.
    """

    relation: str
    target_name: str
    target_id: str | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where a record came from: source, file, record id and row or element path."""

    source: str
    file: str
    record_id: str
    location: str  # "row 12" or "element /CONSOLIDATED_LIST/INDIVIDUALS/INDIVIDUAL[3]"


@dataclass(frozen=True, slots=True)
class Entity:
    """One listed person, organisation, vessel or aircraft."""

    source: str
    record_id: str
    kind: EntityKind
    names: tuple[Name, ...]
    provenance: Provenance
    programs: tuple[str, ...] = ()
    lists: tuple[str, ...] = ()  # sub-lists, e.g. "Entity List (EL)" inside the CSL
    listed_on: str | None = None  # ISO date of listing where the publisher gives one
    countries: tuple[str, ...] = ()
    addresses: tuple[Address, ...] = ()
    identifiers: tuple[Identifier, ...] = ()
    birth_dates: tuple[str, ...] = ()
    notices: tuple[str, ...] = ()  # legal basis: federal register notice, regulation
    remarks: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    other: tuple[tuple[str, str], ...] = field(default=())  # unmapped fields, verbatim

    @property
    def id(self) -> str:
        """The entity's id, unique across lists: ``source:record_id``."""
        return f"{self.source}:{self.record_id}"

    @property
    def name(self) -> str:
        """The primary name (the first name given as primary, else the first name)."""
        for n in self.names:
            if n.type is NameType.PRIMARY:
                return n.value
        return self.names[0].value if self.names else ""

    def fingerprint(self) -> str:
        """A short digest of what the record says (not where it sits in the file): it
        changes exactly when the publisher changes the record. Analysts' decisions store it
        so that a decision lapses when the record it was made on changes."""
        d = self.to_dict()
        d.pop("provenance", None)
        text = json.dumps(d, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]

    def to_dict(self) -> dict[str, Any]:
        """A JSON-ready dict with empty fields left out (stable key order)."""
        d: dict[str, Any] = {
            "source": self.source,
            "record_id": self.record_id,
            "kind": self.kind.value,
            "names": [_name_to_dict(n) for n in self.names],
            "provenance": {
                "source": self.provenance.source,
                "file": self.provenance.file,
                "record_id": self.provenance.record_id,
                "location": self.provenance.location,
            },
        }
        for key in ("programs", "lists", "countries", "birth_dates", "notices", "remarks"):
            value = getattr(self, key)
            if value:
                d[key] = list(value)
        if self.listed_on:
            d["listed_on"] = self.listed_on
        if self.addresses:
            d["addresses"] = [_drop_none({"text": a.text, "country": a.country}) for a in self.addresses]
        if self.identifiers:
            d["identifiers"] = [
                _drop_none({"type": i.type, "value": i.value, "country": i.country, "note": i.note})
                for i in self.identifiers
            ]
        if self.links:
            d["links"] = [
                _drop_none(
                    {"relation": k.relation, "target_name": k.target_name, "target_id": k.target_id, "note": k.note}
                )
                for k in self.links
            ]
        if self.other:
            d["other"] = [[k, v] for k, v in self.other]
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        """Inverse of :meth:`to_dict`."""
        p = d["provenance"]
        return cls(
            source=d["source"],
            record_id=d["record_id"],
            kind=EntityKind(d["kind"]),
            names=tuple(
                Name(
                    value=n["value"],
                    type=NameType(n.get("type", "primary")),
                    weak=bool(n.get("weak", False)),
                    script=n.get("script", "Latin"),
                    lang=n.get("lang"),
                )
                for n in d["names"]
            ),
            provenance=Provenance(p["source"], p["file"], p["record_id"], p["location"]),
            programs=tuple(d.get("programs", ())),
            lists=tuple(d.get("lists", ())),
            listed_on=d.get("listed_on"),
            countries=tuple(d.get("countries", ())),
            addresses=tuple(Address(a["text"], a.get("country")) for a in d.get("addresses", ())),
            identifiers=tuple(
                Identifier(i["type"], i["value"], i.get("country"), i.get("note")) for i in d.get("identifiers", ())
            ),
            birth_dates=tuple(d.get("birth_dates", ())),
            notices=tuple(d.get("notices", ())),
            remarks=tuple(d.get("remarks", ())),
            links=tuple(
                Link(k["relation"], k["target_name"], k.get("target_id"), k.get("note")) for k in d.get("links", ())
            ),
            other=tuple((k, v) for k, v in d.get("other", ())),
        )


def _name_to_dict(n: Name) -> dict[str, Any]:
    d: dict[str, Any] = {"value": n.value, "type": n.type.value}
    if n.weak:
        d["weak"] = True
    if n.script != "Latin":
        d["script"] = n.script
    if n.lang:
        d["lang"] = n.lang
    return d


def _drop_none(d: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in d.items() if v is not None}
