"""US Consolidated Screening List (trade.gov), CSV and JSON.

Download: https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv
(also .json). One row per listed party and sub-list: the Commerce Entity List, DPL, UVL
and MEU, State's DTC and ISN, Treasury's SDN, SSI, PLC, CAP, NS-MBS, CMIC and FSE. The
same party can appear once per sub-list; each row is one entity here, keyed by the row's
``_id`` and sub-list. Names and aliases (``alt_names``, ``; ``-separated). Copies of this
list replace non-ASCII characters with ``?`` ("People?s Government"); names are kept as
published and the shared normaliser treats ``?`` as a word break.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from typing import Any

from ..errors import SourceFormatError
from ..model import Address, Entity, EntityKind, Identifier, Name, NameType, Provenance
from ..names import detect_script
from ._readers import csv_rows, decode, read_bytes
from .base import Detection, FileSet, Format, Leftovers, ParseIssue, ParseResult, Sniff

CSV_MARKERS = ("_id", "source", "name", "alt_names", "federal_register_notice")
_KINDS = {
    "individual": EntityKind.PERSON,
    "entity": EntityKind.ORGANISATION,
    "vessel": EntityKind.VESSEL,
    "aircraft": EntityKind.AIRCRAFT,
    "": EntityKind.UNKNOWN,
}
_CODE = re.compile(r"\(([^)]+)\)")
_USED = frozenset(
    {"_id", "id", "source", "entity_number", "type", "programs", "name", "addresses", "federal_register_notice",
     "start_date", "remarks", "alt_names", "citizenships", "dates_of_birth", "nationalities", "ids", "call_sign"}
)  # fmt: skip


def sublist_code(source: str) -> str:
    """The short code of a CSL sub-list: "Entity List (EL) - Bureau ..." -> "EL"."""
    m = _CODE.search(source)
    return m.group(1).replace(" List", "").strip() if m else source.split(" - ")[0].strip()


def _split(value: Any) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list):
        return [str(v).strip() for v in value if str(v).strip()]
    return [v.strip() for v in str(value).split(";") if v.strip()]


class UsCslFormat(Format):
    """The US Consolidated Screening List as CSV or JSON."""

    NAME = "us_csl"
    TITLE = "US Consolidated Screening List (CSV/JSON)"

    def detect(self, sniff: Sniff) -> Detection | None:  # noqa: D102 - see Format.detect
        if sniff.zip_members:
            return None
        text = sniff.text.lstrip()
        first = text.split("\n", 1)[0]
        if all(m in first for m in CSV_MARKERS):
            return Detection(self.NAME, "us_csl", "main", "US CSL (CSV)")
        if text[:1] in "[{" and '"alt_names"' in text and '"federal_register_notice"' in text:
            return Detection(self.NAME, "us_csl", "main", "US CSL (JSON)")
        return None

    def parse(self, fileset: FileSet) -> ParseResult:  # noqa: D102 - see Format.parse
        path = fileset.get("main")
        assert path is not None
        display = str(path)
        text = decode(read_bytes(path), display)
        result = ParseResult(format=self.NAME, entities=[], records=0)
        leftovers = Leftovers()
        seen: Counter[str] = Counter()
        if text.lstrip()[:1] in "[{":
            records = self._json_records(text, display)
        else:
            records = self._csv_records(text, display)
        for where, rec in records:
            result.records += 1
            entity = self._entity(rec, fileset.source, path.name, where, leftovers, seen, result)
            result.entities.append(entity)
        if not result.entities:
            raise SourceFormatError("no records found", display)
        dates = [e.listed_on for e in result.entities if e.listed_on and e.listed_on <= "2100"]
        result.notes.append(
            "the CSL file carries no publication date; the newest listing start date is "
            f"{max(dates) if dates else 'unknown'}"
        )
        result.unused = leftovers.counts
        return result

    @staticmethod
    def _csv_records(text: str, display: str) -> list[tuple[str, dict[str, Any]]]:
        rows = csv_rows(text, display)
        try:
            _, header = next(rows)
        except StopIteration:
            raise SourceFormatError("empty file", display) from None
        header = [h.strip() for h in header]
        missing = [m for m in ("source", "name") if m not in header]
        if missing:
            raise SourceFormatError(f"header lacks column(s) {', '.join(missing)}", display, 1)
        out = []
        for row, cells in rows:
            if len(cells) != len(header):
                raise SourceFormatError(f"expected {len(header)} columns, found {len(cells)}", display, row)
            out.append((f"row {row}", dict(zip(header, cells, strict=True))))
        return out

    @staticmethod
    def _json_records(text: str, display: str) -> list[tuple[str, dict[str, Any]]]:
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise SourceFormatError(f"malformed JSON ({exc.msg})", display, exc.lineno) from exc
        results = data.get("results") if isinstance(data, dict) else data
        if not isinstance(results, list):
            raise SourceFormatError("JSON has no 'results' list", display)
        out = []
        for i, rec in enumerate(results):
            if not isinstance(rec, dict):
                raise SourceFormatError("result is not an object", display, f"results[{i}]")
            out.append((f"results[{i}]", rec))
        return out

    @staticmethod
    def _entity(
        rec: dict[str, Any],
        source: str,
        file: str,
        where: str,
        leftovers: Leftovers,
        seen: Counter[str],
        result: ParseResult,
    ) -> Entity:
        name = str(rec.get("name") or "").strip()
        if not name:
            raise SourceFormatError("record without a name", file, where)
        sub = str(rec.get("source") or "").strip()
        code = sublist_code(sub) if sub else "CSL"
        rid = str(rec.get("_id") or rec.get("id") or "").strip() or name
        key = f"{code}:{rid}"
        seen[key] += 1
        if seen[key] > 1:
            result.warnings.append(
                ParseIssue(file, where, f"{sub or 'record'} {rid} appears {seen[key]} times; kept as {key}#{seen[key]}")
            )
            key = f"{key}#{seen[key]}"
        kind_text = str(rec.get("type") or "").strip().lower()
        kind = _KINDS.get(kind_text)
        if kind is None:
            raise SourceFormatError(f"unknown type {kind_text!r}", file, where)
        names = [Name(value=name, type=NameType.PRIMARY, script=detect_script(name))]
        names += [Name(value=a, type=NameType.AKA, script=detect_script(a)) for a in _split(rec.get("alt_names"))]
        addresses: list[Address] = []
        for a in rec.get("addresses") or []:
            if isinstance(a, dict):
                parts = [str(a.get(k) or "").strip() for k in ("address", "city", "state", "postal_code", "country")]
                text = ", ".join(p for p in parts if p)
                if text:
                    addresses.append(Address(text=text, country=str(a.get("country") or "").strip() or None))
        if isinstance(rec.get("addresses"), str):
            for text in _split(rec["addresses"]):
                country = text.rsplit(",", 1)[-1].strip()
                addresses.append(Address(text=text, country=country if len(country) == 2 else None))
        identifiers: list[Identifier] = []
        ids = rec.get("ids")
        if isinstance(ids, list):
            for i in ids:
                if isinstance(i, dict) and i.get("number"):
                    identifiers.append(
                        Identifier(str(i.get("type") or ""), str(i["number"]), str(i.get("country") or "") or None)
                    )
        else:
            for item in _split(ids):
                parts = [p.strip() for p in item.split(",")]
                if len(parts) >= 3:
                    identifiers.append(Identifier(", ".join(parts[2:]), parts[1], parts[0] or None))
                elif len(parts) == 2:
                    identifiers.append(Identifier(parts[1], parts[0]))
                else:
                    identifiers.append(Identifier("id", parts[0]))
        if rec.get("call_sign"):
            identifiers.append(Identifier("Call Sign", str(rec["call_sign"]).strip()))
        countries = [a.country for a in addresses if a.country]
        countries += _split(rec.get("nationalities")) + _split(rec.get("citizenships"))
        start = str(rec.get("start_date") or "").strip()[:10] or None
        remarks = str(rec.get("remarks") or "").strip()
        notice = str(rec.get("federal_register_notice") or "").strip()
        flat = {
            k: "; ".join(str(x) for x in v) if isinstance(v, list) else json.dumps(v) if isinstance(v, dict) else v
            for k, v in rec.items()
        }
        other = leftovers.take(flat, _USED)
        return Entity(
            source=source,
            record_id=key,
            kind=kind,
            names=tuple(names),
            provenance=Provenance(source, Path(file).name, key, where),
            programs=tuple(_split(rec.get("programs"))),
            lists=(sub,) if sub else (),
            listed_on=start,
            countries=tuple(dict.fromkeys(countries)),
            addresses=tuple(addresses),
            identifiers=tuple(identifiers),
            birth_dates=tuple(_split(rec.get("dates_of_birth"))),
            notices=(notice,) if notice else (),
            remarks=(remarks,) if remarks else (),
            other=other,
        )
