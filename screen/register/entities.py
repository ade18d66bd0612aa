"""Register bodies as list entities, so that the matcher indexes and scores them with
the same normaliser and engine as the official lists."""

from __future__ import annotations

from ..model import Entity, EntityKind, Name, NameType, Provenance
from .model import Register
from .vocab import LISTS

SOURCE = "register"

_ALIAS_TYPES = {"aka": NameType.AKA, "fka": NameType.FKA, "acronym": NameType.AKA,
                "native": NameType.VARIANT, "translation": NameType.VARIANT}


def to_entities(register: Register) -> list[Entity]:
    out = []
    for body in register.bodies.values():
        names = [Name(body.name)]
        names += [Name(a.name, _ALIAS_TYPES.get(a.type, NameType.AKA), script=a.script or "Latin")
                  for a in body.aliases]
        dates = sorted(d.date for d in body.designations if d.date)
        out.append(Entity(
            source=SOURCE,
            record_id=body.id,
            kind=EntityKind.PERSON if body.kind == "person" else EntityKind.ORGANISATION,
            names=tuple(names),
            provenance=Provenance(SOURCE, body.file, body.id, "body"),
            programs=tuple(dict.fromkeys(d.program or LISTS[d.list] for d in body.designations)),
            lists=("hrdd register",),
            listed_on=dates[0] if dates else None,
            countries=(body.country,),
        ))
    return out
