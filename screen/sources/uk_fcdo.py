"""UK: the FCDO UK Sanctions List (the only official UK list since 28 January 2026).

Download: https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv (also .xml).
Page: https://www.gov.uk/government/publications/the-uk-sanctions-list
CSV: a "Report Date: ..." line, then a 58-column header (Last Updated, Unique ID, OFSI
Group ID, UN Reference Number, Name 6, Name 1–5, Name type, Alias strength, ...); one row
per name, grouped by ``Unique ID``. XML: ``Designation`` elements holding ``UniqueID``,
``Names/Name`` (``Name1``–``Name6``, ``NameType``, ``AliasStrength``), ``NonLatinNames``,
``RegimeName``, ``IndividualEntityShip``, ``Addresses/Address``, ``DateDesignated`` and
more; every other leaf is kept in ``Entity.other``.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from ..errors import SourceFormatError
from ..model import Address, EntityKind, Identifier, Link, Name, NameType
from ..names import detect_script
from ._grouping import EntityBuilder, iso_date
from ._readers import csv_rows, decode, iter_xml, local, read_bytes
from .base import Detection, FileSet, Format, Leftovers, ParseIssue, ParseResult, Sniff
from .uk_ofsi import full_name

CSV_MARKERS = ("Unique ID", "Name 6", "Name type", "Regime Name")
_KINDS = {"individual": EntityKind.PERSON, "entity": EntityKind.ORGANISATION, "ship": EntityKind.VESSEL}
_NAME_TYPES = {
    "primary name": NameType.PRIMARY,
    "primary name variation": NameType.VARIANT,
    "alias": NameType.AKA,
    "aka": NameType.AKA,
    "fka": NameType.FKA,
}
_CSV_USED = frozenset(
    {"Unique ID", "Name 1", "Name 2", "Name 3", "Name 4", "Name 5", "Name 6", "Name type", "Alias strength",
     "Name non-latin script", "Non-latin script language", "Non-latin script type", "Regime Name",
     "Designation Type", "Sanctions Imposed", "Other Information", "UK Statement of Reasons", "Address Line 1",
     "Address Line 2", "Address Line 3", "Address Line 4", "Address Line 5", "Address Line 6",
     "Address Postal Code", "Address Country", "Date Designated", "D.O.B", "Nationality(/ies)",
     "National Identifier number", "National Identifier additional information", "Passport number",
     "Passport additional information", "Subsidiaries", "Parent company", "IMO number",
     "Business registration number (s)", "Country of birth", "UN Reference Number"}
)  # fmt: skip


def _name_type(text: str, file: str, where: str, result: ParseResult) -> NameType:
    ntype = _NAME_TYPES.get(text.strip().lower())
    if ntype is None:
        result.warnings.append(ParseIssue(file, where, f"unknown name type {text!r}; read as alias"))
        return NameType.AKA
    return ntype


class UkFcdoFormat(Format):
    """The FCDO UK Sanctions List, CSV or XML."""

    NAME = "uk_fcdo"
    TITLE = "UK Sanctions List, FCDO (CSV/XML)"

    def detect(self, sniff: Sniff) -> Detection | None:  # noqa: D102 - see Format.detect
        if sniff.zip_members:
            return None
        text = sniff.text
        lines = text.splitlines()[:3]
        for line in lines[:2]:
            if all(m in line for m in CSV_MARKERS):
                return Detection(self.NAME, "uk", "main", "UK Sanctions List (CSV)")
        if text.lstrip().startswith("<") and "<Designation>" in text and "<UniqueID>" in text:
            return Detection(self.NAME, "uk", "main", "UK Sanctions List (XML)")
        return None

    def parse(self, fileset: FileSet) -> ParseResult:  # noqa: D102 - see Format.parse
        path = fileset.get("main")
        assert path is not None
        with path.open("rb") as fh:
            xml = fh.read(512).lstrip().startswith(b"<")
        result = ParseResult(format=self.NAME, entities=[], records=0)
        builders = self._parse_xml(path, result, fileset.source) if xml else self._parse_csv(path, result, fileset.source)
        if not builders:
            raise SourceFormatError("no designations found", str(path))
        result.entities = [b.build() for b in builders.values()]
        return result

    # -- CSV ---------------------------------------------------------------------------
    def _parse_csv(self, path: Path, result: ParseResult, source: str) -> dict[str, EntityBuilder]:
        display = str(path)
        header: list[str] | None = None
        builders: dict[str, EntityBuilder] = {}
        leftovers = Leftovers()
        for row, cells in csv_rows(decode(read_bytes(path), display), display):
            if header is None:
                if cells[0].startswith("Report Date:"):
                    result.published = iso_date(cells[0].split(":", 1)[1])
                    continue
                if not all(m in cells for m in CSV_MARKERS):
                    raise SourceFormatError("header row with Unique ID / Name 6 / Name type not found", display, row)
                header = [c.strip() for c in cells]
                continue
            if len(cells) > len(header):
                raise SourceFormatError(f"expected {len(header)} columns, found {len(cells)}", display, row)
            rec = dict(zip(header, cells + [""] * (len(header) - len(cells)), strict=True))
            result.records += 1
            uid = rec["Unique ID"].strip()
            if not uid:
                raise SourceFormatError("row without a Unique ID", display, row)
            b = builders.get(uid)
            if b is None:
                b = builders[uid] = EntityBuilder(source, uid, path.name, f"row {row}")
            where = f"row {row}"
            value = full_name(rec.get(f"Name {i}", "") for i in (1, 2, 3, 4, 5, 6))
            ntype = _name_type(rec.get("Name type", ""), path.name, where, result)
            weak = "low" in rec.get("Alias strength", "").lower()
            if value:
                b.add_name(Name(value, ntype, weak, detect_script(value)))
            if native := rec.get("Name non-latin script", "").strip():
                lang = rec.get("Non-latin script language", "").strip() or None
                b.add_name(Name(native, NameType.VARIANT, False, detect_script(native), lang))
            if not value and not native:
                result.warnings.append(ParseIssue(path.name, where, f"designation {uid}: row has no name"))
            kind = _KINDS.get(rec.get("Designation Type", "").strip().lower())
            if kind is None:
                raise SourceFormatError(f"unknown Designation Type {rec.get('Designation Type')!r}", display, row)
            b.kind = kind
            b.add("programs", rec.get("Regime Name", "").strip())
            b.add("notices", *(s.strip() for s in rec.get("Sanctions Imposed", "").split("|")))
            b.add("remarks", rec.get("UK Statement of Reasons", "").strip(), rec.get("Other Information", "").strip())
            lines = [rec.get(f"Address Line {i}", "").strip() for i in range(1, 7)]
            country = rec.get("Address Country", "").strip()
            text = ", ".join(p for p in [*lines, rec.get("Address Postal Code", "").strip(), country] if p)
            if text:
                b.add("addresses", Address(text, country or None))
            b.add("countries", country, *(c.strip() for c in rec.get("Nationality(/ies)", "").split(",")))
            listed = iso_date(rec.get("Date Designated", ""))
            if listed and (b.listed_on is None or listed < b.listed_on):
                b.listed_on = listed
            b.add("birth_dates", rec.get("D.O.B", "").strip())
            for label, col, note in (
                ("Passport", "Passport number", "Passport additional information"),
                ("National ID", "National Identifier number", "National Identifier additional information"),
                ("Business registration number", "Business registration number (s)", ""),
                ("IMO", "IMO number", ""),
                ("UN Reference Number", "UN Reference Number", ""),
            ):
                if number := rec.get(col, "").strip():
                    b.add("identifiers", Identifier(label, number, None, rec.get(note, "").strip() or None))
            b.add("identifiers", Identifier("UK Sanctions List Ref", uid))
            for relation, col in (("parent company", "Parent company"), ("subsidiary", "Subsidiaries")):
                for target in (t.strip() for t in rec.get(col, "").split("|")):
                    if target:
                        b.add("links", Link(relation, target))
            b.add("lists", "UK Sanctions List")
            b.add("other", *leftovers.take(rec, _CSV_USED))
        if header is None:
            raise SourceFormatError("no header row found", display)
        result.unused = leftovers.counts
        return builders

    # -- XML ---------------------------------------------------------------------------
    def _parse_xml(self, path: Path, result: ParseResult, source: str) -> dict[str, EntityBuilder]:
        display = str(path)
        builders: dict[str, EntityBuilder] = {}
        leftovers = Leftovers()
        depth = 0
        index = 0
        for event, el in iter_xml(str(path), display):
            assert isinstance(el, Element)
            tag = local(el.tag)
            if event == "start":
                depth += 1
                continue
            depth -= 1
            if tag == "DateGenerated" and depth <= 1:
                result.published = iso_date(el.text or "")
            elif tag == "Designation":
                index += 1
                result.records += 1
                b = self._designation(el, index, path.name, source, result, leftovers)
                if b.record_id in builders:
                    raise SourceFormatError(f"UniqueID {b.record_id} appears twice", display, f"Designation[{index}]")
                builders[b.record_id] = b
                el.clear()
        result.unused = leftovers.counts
        return builders

    @staticmethod
    def _designation(
        el: Element, index: int, file: str, source: str, result: ParseResult, leftovers: Leftovers
    ) -> EntityBuilder:
        where = f"element Designation[{index}]"

        def text(name: str) -> str:
            found = next((c for c in el if local(c.tag) == name), None)
            return (found.text or "").strip() if found is not None else ""

        uid = text("UniqueID")
        if not uid:
            raise SourceFormatError("Designation without a UniqueID", file, where)
        b = EntityBuilder(source, uid, file, where)
        kind = _KINDS.get(text("IndividualEntityShip").lower())
        if kind is None:
            raise SourceFormatError(f"unknown IndividualEntityShip {text('IndividualEntityShip')!r}", file, where)
        b.kind = kind
        used: set[int] = set()
        for name_el in el.iter():
            t = local(name_el.tag)
            if t == "Name" and any(local(c.tag) == "NameType" for c in name_el):
                parts = {local(c.tag): (c.text or "").strip() for c in name_el}
                value = full_name(parts.get(f"Name{i}", "") for i in (1, 2, 3, 4, 5, 6))
                if value:
                    ntype = _name_type(parts.get("NameType", ""), file, where, result)
                    weak = "low" in parts.get("AliasStrength", "").lower()
                    b.add_name(Name(value, ntype, weak, detect_script(value)))
                used.update(id(c) for c in name_el.iter())
            elif t == "NameNonLatinScript" and (name_el.text or "").strip():
                native = (name_el.text or "").strip()
                b.add_name(Name(native, NameType.VARIANT, False, detect_script(native)))
                used.add(id(name_el))
            elif t == "Address":
                parts = {local(c.tag): (c.text or "").strip() for c in name_el}
                country = parts.get("AddressCountry", "")
                lines = [parts.get(f"AddressLine{i}", "") for i in range(1, 7)]
                txt = ", ".join(p for p in [*lines, parts.get("AddressPostalCode", ""), country] if p)
                if txt:
                    b.add("addresses", Address(txt, country or None))
                b.add("countries", country)
                used.update(id(c) for c in name_el.iter())
        if not b.names:
            raise SourceFormatError(f"designation {uid} has no name", file, where)
        b.add("programs", text("RegimeName"))
        b.add("notices", *(s.strip() for s in text("SanctionsImposed").split("|")))
        b.add("remarks", text("UKStatementofReasons"), text("OtherInformation"))
        b.listed_on = iso_date(text("DateDesignated"))
        b.add("identifiers", Identifier("UK Sanctions List Ref", uid))
        b.add("lists", "UK Sanctions List")
        mapped = {"UniqueID", "IndividualEntityShip", "RegimeName", "SanctionsImposed", "UKStatementofReasons",
                  "OtherInformation", "DateDesignated"}  # fmt: skip
        for leaf in el.iter():
            if id(leaf) in used or len(leaf) or leaf is el:
                continue
            t = local(leaf.tag)
            value = (leaf.text or "").strip()
            if t in mapped or not value:
                continue
            if t == "DOB":
                b.add("birth_dates", value)
            elif t == "Nationality":
                b.add("countries", value)
            elif t in {"PassportNumber", "NationalIdentifierNumber", "IMONumber", "UNReferenceNumber"}:
                b.add("identifiers", Identifier(t, value))
            elif t in {"ParentCompany", "Subsidiary"}:
                b.add("links", Link("parent company" if t == "ParentCompany" else "subsidiary", value))
            else:
                b.add("other", (t, value))
                leftovers.counts[t] += 1
        return b
