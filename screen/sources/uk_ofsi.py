"""UK: the OFSI Consolidated List of Financial Sanctions Targets (ConList.xlsx / .csv).

Retired on 28 January 2026 in favour of the FCDO UK Sanctions List (``uk_fcdo``), but
kept readable for older snapshots. Row 1 holds "Last Updated" and the date, row 2 the
header; one row per name variant, grouped by ``Group ID``; ``Alias Type`` is Primary
name / Primary name variation / AKA / FKA. Names: ``Name 1``–``Name 5`` (given names) and
``Name 6`` (surname, or the whole name of an entity); ``Name Non-Latin Script``.
Format guide: https://www.gov.uk/government/publications/financial-sanctions-consolidated-list-of-targets
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from pathlib import Path

from ..errors import SourceFormatError
from ..model import Address, EntityKind, Identifier, Name, NameType
from ..names import detect_script
from ._grouping import EntityBuilder, iso_date
from ._readers import is_zip, cell, csv_rows, decode, read_bytes, xlsx_rows
from .base import Detection, FileSet, Format, Leftovers, ParseIssue, ParseResult, Sniff

HEADER_MARKERS = ("Name 6", "Group ID", "Alias Type", "Regime")
_KINDS = {"individual": EntityKind.PERSON, "entity": EntityKind.ORGANISATION, "ship": EntityKind.VESSEL}
_ALIAS = {
    "primary name": NameType.PRIMARY,
    "primary name variation": NameType.VARIANT,
    "aka": NameType.AKA,
    "fka": NameType.FKA,
}
_UK_REF = re.compile(r"\(UK Sanctions List Ref\):\s*([A-Z]{2,4}\d{3,5})")
_USED = frozenset(
    {"Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6", "Name Non-Latin Script", "Non-Latin Script Type",
     "Non-Latin Script Language", "DOB", "Country of Birth", "Nationality", "Passport Number", "Passport Details",
     "National Identification Number", "National Identification Details", "Address 1", "Address 2", "Address 3",
     "Address 4", "Address 5", "Address 6", "Post/Zip Code", "Country", "Other Information", "Group Type",
     "Alias Type", "Alias Quality", "Regime", "Listed On", "Group ID"}
)  # fmt: skip


def full_name(parts: Iterable[str]) -> str:
    """Join name parts with single spaces, skipping blanks."""
    return " ".join(p.strip() for p in parts if p and p.strip())


class UkOfsiFormat(Format):
    """The OFSI Consolidated List (XLSX or CSV, 2022 format)."""

    NAME = "uk_ofsi"
    TITLE = "UK OFSI Consolidated List (XLSX/CSV)"

    def detect(self, sniff: Sniff) -> Detection | None:  # noqa: D102 - see Format.detect
        if sniff.zip_members:
            if "xl/workbook.xml" not in sniff.zip_members:
                return None
            return self._detect_xlsx(sniff.path)
        lines = sniff.text.splitlines()[:3]
        if len(lines) >= 2 and lines[0].startswith("Last Updated") and all(m in lines[1] for m in HEADER_MARKERS):
            return Detection(self.NAME, "uk", "main", "UK OFSI Consolidated List (CSV)")
        return None

    def _detect_xlsx(self, path: Path) -> Detection | None:
        for i, values in xlsx_rows(path):
            header = [cell(v) for v in values]
            if all(m in header for m in HEADER_MARKERS):
                return Detection(self.NAME, "uk", "main", "UK OFSI Consolidated List (XLSX)")
            if i >= 3:
                return None
        return None

    def parse(self, fileset: FileSet) -> ParseResult:  # noqa: D102 - see Format.parse
        path = fileset.get("main")
        assert path is not None
        display = str(path)
        if is_zip(path):
            rows: Iterator[tuple[int, list[str]]] = (
                (i, [cell(v) for v in values]) for i, values in xlsx_rows(path)
            )
        else:
            rows = csv_rows(decode(read_bytes(path), display), display)
        result = ParseResult(format=self.NAME, entities=[], records=0)
        header: list[str] | None = None
        groups: dict[str, EntityBuilder] = {}
        leftovers = Leftovers()
        for row, cells in rows:
            if header is None:
                if cells and cells[0] == "Last Updated":
                    result.published = iso_date(cells[1]) if len(cells) > 1 else None
                    continue
                if not all(m in cells for m in HEADER_MARKERS):
                    raise SourceFormatError("header row with Name 6 / Group ID / Alias Type not found", display, row)
                header = cells
                continue
            if not any(cells):
                continue
            rec = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=False))
            result.records += 1
            self._row(rec, row, fileset.source, path.name, groups, leftovers, result)
        if header is None:
            raise SourceFormatError("no header row found", display)
        if not groups:
            raise SourceFormatError("no records found", display)
        result.entities = [b.build() for b in groups.values()]
        result.unused = leftovers.counts
        return result

    @staticmethod
    def _row(
        rec: dict[str, str],
        row: int,
        source: str,
        file: str,
        groups: dict[str, EntityBuilder],
        leftovers: Leftovers,
        result: ParseResult,
    ) -> None:
        gid = rec.get("Group ID", "").strip()
        if not gid:
            raise SourceFormatError("row without a Group ID", file, row)
        b = groups.get(gid)
        if b is None:
            b = groups[gid] = EntityBuilder(source, gid, file, f"row {row}")
        kind = _KINDS.get(rec.get("Group Type", "").strip().lower())
        if kind is None:
            raise SourceFormatError(f"unknown Group Type {rec.get('Group Type')!r}", file, row)
        b.kind = kind
        alias = rec.get("Alias Type", "").strip().lower()
        ntype = _ALIAS.get(alias)
        if ntype is None:
            result.warnings.append(ParseIssue(file, f"row {row}", f"unknown Alias Type {alias!r}; read as AKA"))
            ntype = NameType.AKA
        weak = "low" in rec.get("Alias Quality", "").lower()
        value = full_name(rec.get(f"Name {i}", "") for i in (1, 2, 3, 4, 5, 6))
        if value:
            b.add_name(Name(value=value, type=ntype, weak=weak, script=detect_script(value)))
        elif not rec.get("Name Non-Latin Script", "").strip():
            result.warnings.append(ParseIssue(file, f"row {row}", f"group {gid}: row has no name"))
        if native := rec.get("Name Non-Latin Script", "").strip():
            lang = rec.get("Non-Latin Script Language", "").strip() or None
            b.add_name(Name(value=native, type=NameType.VARIANT, script=detect_script(native), lang=lang))
        b.add("programs", rec.get("Regime", "").strip())
        listed = iso_date(rec.get("Listed On", ""))
        if listed and (b.listed_on is None or listed < b.listed_on):
            b.listed_on = listed
        b.add("countries", rec.get("Country", "").strip(), rec.get("Nationality", "").strip())
        address = ", ".join(
            p for p in (rec.get(f"Address {i}", "").strip() for i in range(1, 7)) if p
        )
        extra = ", ".join(p for p in (rec.get("Post/Zip Code", "").strip(), rec.get("Country", "").strip()) if p)
        if address:
            b.add("addresses", Address(", ".join(p for p in (address, extra) if p), rec.get("Country", "").strip() or None))
        b.add("birth_dates", rec.get("DOB", "").strip())
        for kind_label, num, details in (
            ("Passport", "Passport Number", "Passport Details"),
            ("National ID", "National Identification Number", "National Identification Details"),
        ):
            if number := rec.get(num, "").strip():
                b.add("identifiers", Identifier(kind_label, number, None, rec.get(details, "").strip() or None))
        info = rec.get("Other Information", "").strip()
        if info:
            b.add("remarks", info)
            if m := _UK_REF.search(info):
                b.add("identifiers", Identifier("UK Sanctions List Ref", m.group(1)))
        b.add("lists", "OFSI Consolidated List")
        b.add("other", *leftovers.take(rec, _USED))
