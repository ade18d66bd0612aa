"""OpenSanctions exports: ``targets.simple.csv`` and FollowTheMoney JSON lines.

Download: https://data.opensanctions.org/datasets/latest/sanctions/targets.simple.csv
(and ``entities.ftm.json``). An optional source: OpenSanctions data is licensed
CC BY-NC 4.0 (non-commercial use only); hrdd says so whenever it is imported.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import SourceFormatError
from ..model import Address, Entity, EntityKind, Identifier, Name, NameType, Provenance
from ..names import detect_script
from ._readers import csv_rows, decode, read_bytes
from .base import Detection, FileSet, Format, Leftovers, ParseResult, Sniff

LICENCE_NOTE = (
    "OpenSanctions data is licensed CC BY-NC 4.0: non-commercial use only "
    "(https://www.opensanctions.org/licensing/)"
)
SIMPLE_HEADER = ("id", "schema", "name", "aliases", "countries", "sanctions", "dataset")
_KINDS = {
    "person": EntityKind.PERSON,
    "company": EntityKind.ORGANISATION,
    "organization": EntityKind.ORGANISATION,
    "legalentity": EntityKind.ORGANISATION,
    "publicbody": EntityKind.ORGANISATION,
    "vessel": EntityKind.VESSEL,
    "airplane": EntityKind.AIRCRAFT,
}
_USED = frozenset({"id", "schema", "name", "aliases", "birth_date", "countries", "addresses", "identifiers",
                   "sanctions", "program_ids", "first_seen"})  # fmt: skip


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(";") if v.strip()]


class OpenSanctionsFormat(Format):
    """OpenSanctions targets.simple.csv or FtM JSON lines."""

    NAME = "opensanctions"
    TITLE = "OpenSanctions export (targets.simple.csv / FtM JSON lines)"

    def detect(self, sniff: Sniff) -> Detection | None:  # noqa: D102 - see Format.detect
        if sniff.zip_members:
            return None
        text = sniff.text.lstrip()
        line = text.split("\n", 1)[0]
        if all(h in line.replace('"', "").split(",") for h in SIMPLE_HEADER):
            return Detection(self.NAME, "opensanctions", "main", "OpenSanctions targets.simple.csv")
        if text.startswith("{") and '"schema"' in line and '"properties"' in line:
            return Detection(self.NAME, "opensanctions", "main", "OpenSanctions FtM JSON lines")
        return None

    def parse(self, fileset: FileSet) -> ParseResult:  # noqa: D102 - see Format.parse
        path = fileset.get("main")
        assert path is not None
        display = str(path)
        text = decode(read_bytes(path), display)
        result = ParseResult(format=self.NAME, entities=[], records=0, notes=[LICENCE_NOTE])
        leftovers = Leftovers()
        if text.lstrip().startswith("{"):
            self._ftm(text, path, fileset.source, result, leftovers)
        else:
            self._simple(text, path, fileset.source, result, leftovers)
        if not result.entities:
            raise SourceFormatError("no records found", display)
        seen = [e.other for e in result.entities]
        last = sorted(v for o in seen for k, v in o if k == "last_seen")
        result.published = last[-1][:10] if last else None
        result.unused = leftovers.counts
        return result

    @staticmethod
    def _simple(text: str, path: Path, source: str, result: ParseResult, leftovers: Leftovers) -> None:
        rows = csv_rows(text, str(path))
        try:
            _, header = next(rows)
        except StopIteration:
            raise SourceFormatError("empty file", str(path)) from None
        for row, cells in rows:
            if len(cells) != len(header):
                raise SourceFormatError(f"expected {len(header)} columns, found {len(cells)}", str(path), row)
            rec = dict(zip(header, cells, strict=True))
            result.records += 1
            if not rec.get("id") or not rec.get("name"):
                raise SourceFormatError("record without id or name", str(path), row)
            kind = _KINDS.get(rec.get("schema", "").lower(), EntityKind.UNKNOWN)
            names = [Name(rec["name"], NameType.PRIMARY, False, detect_script(rec["name"]))]
            names += [Name(a, NameType.AKA, False, detect_script(a)) for a in _split(rec.get("aliases", ""))]
            result.entities.append(
                Entity(
                    source=source,
                    record_id=rec["id"],
                    kind=kind,
                    names=tuple(names),
                    provenance=Provenance(source, path.name, rec["id"], f"row {row}"),
                    programs=tuple(_split(rec.get("program_ids", ""))),
                    lists=tuple(_split(rec.get("dataset", ""))),
                    listed_on=rec.get("first_seen", "")[:10] or None,
                    countries=tuple(_split(rec.get("countries", ""))),
                    addresses=tuple(Address(a) for a in _split(rec.get("addresses", ""))),
                    identifiers=tuple(Identifier("id", i) for i in _split(rec.get("identifiers", ""))),
                    birth_dates=tuple(_split(rec.get("birth_date", ""))),
                    remarks=tuple(s for s in _split(rec.get("sanctions", "")) if s.strip('"')),
                    other=leftovers.take(rec, _USED),
                )
            )

    @staticmethod
    def _ftm(text: str, path: Path, source: str, result: ParseResult, leftovers: Leftovers) -> None:
        context: Counter[str] = Counter()
        for row, line in enumerate(text.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                rec: dict[str, Any] = json.loads(line)
            except json.JSONDecodeError as exc:
                raise SourceFormatError(f"malformed JSON line ({exc.msg})", str(path), row) from exc
            result.records += 1
            props: dict[str, list[str]] = rec.get("properties") or {}
            kind = _KINDS.get(str(rec.get("schema", "")).lower())
            if kind is None:
                # Sanction, Address and other non-party records describe the targets; counted, not listed
                context[str(rec.get("schema", "?"))] += 1
                continue
            names_raw = props.get("name") or []
            if not rec.get("id") or not names_raw:
                raise SourceFormatError("party record without id or name", str(path), row)
            names = [Name(names_raw[0], NameType.PRIMARY, False, detect_script(names_raw[0]))]
            names += [Name(n, NameType.AKA, False, detect_script(n)) for n in names_raw[1:]]
            names += [Name(n, NameType.AKA, False, detect_script(n)) for n in props.get("alias", [])]
            names += [Name(n, NameType.FKA, False, detect_script(n)) for n in props.get("previousName", [])]
            names += [Name(n, NameType.AKA, True, detect_script(n)) for n in props.get("weakAlias", [])]
            used = {"name", "alias", "previousName", "weakAlias", "country", "nationality", "birthDate", "program",
                    "programId", "address", "notes", "topics"}  # fmt: skip
            flat = {k: "; ".join(map(str, v)) for k, v in props.items() if k not in used}
            result.entities.append(
                Entity(
                    source=source,
                    record_id=str(rec["id"]),
                    kind=kind,
                    names=tuple(names),
                    provenance=Provenance(source, path.name, str(rec["id"]), f"line {row}"),
                    programs=tuple(props.get("programId", []) or props.get("program", [])),
                    lists=tuple(rec.get("datasets") or ()),
                    listed_on=str(rec.get("first_seen") or "")[:10] or None,
                    countries=tuple(dict.fromkeys(props.get("country", []) + props.get("nationality", []))),
                    addresses=tuple(Address(a) for a in props.get("address", [])),
                    birth_dates=tuple(props.get("birthDate", [])),
                    remarks=tuple(props.get("notes", [])),
                    other=leftovers.take(flat, set())
                    + tuple((k, str(rec[k])) for k in ("last_seen",) if rec.get(k)),
                )
            )
        if context:
            kinds = ", ".join(f"{n} {k}" for k, n in sorted(context.items()))
            result.notes.append(f"non-party records read as context, not as listed parties: {kinds}")
