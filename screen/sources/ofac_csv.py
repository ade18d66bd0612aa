"""OFAC legacy CSV sets: SDN (sdn/alt/add/sdn_comments) and the non-SDN consolidated
list (cons_prim/cons_alt/cons_add/cons_comments), joined on the entity number.

Format: https://ofac.treasury.gov/specially-designated-nationals-list-data-formats-data-schemas
No header row; cp1252 text (older files) or UTF-8; CRLF; a trailing Ctrl-Z byte;
``-0-`` marks an empty field. Primary files have 12 columns, ALT 5, ADD 6, comments 2.
"""

from __future__ import annotations

import csv
import io
from collections import defaultdict
from pathlib import Path

from ..errors import SourceFormatError
from ..model import Address, Entity, EntityKind, Identifier, Link, Name, NameType, Provenance
from ..names import detect_script
from ._readers import csv_rows, decode, is_number, read_bytes
from .base import Detection, FileSet, Format, Leftovers, ParseIssue, ParseResult, Sniff
from .ofac_remarks import parse_remarks

PRIMARY_COLUMNS = (
    "ent_num", "SDN_Name", "SDN_Type", "Program", "Title", "Call_Sign",
    "Vess_type", "Tonnage", "GRT", "Vess_flag", "Vess_owner", "Remarks",
)  # fmt: skip
_KINDS = {
    "individual": EntityKind.PERSON,
    "vessel": EntityKind.VESSEL,
    "aircraft": EntityKind.AIRCRAFT,
    "": EntityKind.ORGANISATION,
}
_ALT_TYPES = {"aka": NameType.AKA, "fka": NameType.FKA, "nka": NameType.NKA}
# Programmes found only (or nearly only) on OFAC's non-SDN lists. A primary file most of
# whose rows carry one of these (or a sectoral Directive) is the consolidated list.
_NON_SDN_MARKERS = frozenset({"NS-PLC", "CMIC-EO13959", "561-RELATED", "NS-ISA", "NS-MBS", "FSE-SY", "FSE-IR"})
_USED_PRIMARY = frozenset({"ent_num", "SDN_Name", "SDN_Type", "Program", "Remarks", "Call_Sign"})


def _empty(value: str) -> str:
    value = value.strip()
    return "" if value == "-0-" else value


def _text(data: bytes, display: str) -> str:
    # OFAC ends its files with a Ctrl-Z (0x1A) byte; older files are cp1252.
    return decode(data.rstrip(b"\x1a\r\n\t "), display, fallback="cp1252")


class OfacCsvFormat(Format):
    """OFAC legacy CSV file sets (SDN and non-SDN consolidated)."""

    NAME = "ofac_csv"
    TITLE = "OFAC legacy CSV (primary, ALT, ADD, comments)"
    ROLES = ("primary", "alt", "add", "comments")
    REQUIRED = ("primary",)

    def detect(self, sniff: Sniff) -> Detection | None:  # noqa: D102 - see Format.detect
        if sniff.zip_members:
            return None
        text = sniff.head.rstrip(b"\x1a").decode("cp1252", errors="replace")
        lines = [ln for ln in text.splitlines() if ln.strip()]
        if not lines or not is_number(lines[0].split(",", 1)[0].strip()):
            return None
        # drop a possibly cut last line of the head
        sample = lines[:-1] if len(lines) > 1 else lines
        rows = [r for r in csv.reader(io.StringIO("\n".join(sample))) if r]
        if not rows or not all(is_number(r[0].strip()) for r in rows):
            return None
        widths = {len(r) for r in rows}
        if widths == {12}:
            return Detection(self.NAME, self._which_list(rows), "primary", "OFAC primary records")
        if widths == {5} and all(_empty(r[2]).lower() in _ALT_TYPES for r in rows):
            return Detection(self.NAME, None, "alt", "OFAC aliases (ALT)")
        if widths == {6} and all(is_number(r[1].strip()) for r in rows):
            return Detection(self.NAME, None, "add", "OFAC addresses (ADD)")
        if widths == {2}:
            return Detection(self.NAME, None, "comments", "OFAC remarks overflow (comments)")
        return None

    @staticmethod
    def _which_list(rows: list[list[str]]) -> str:
        marked = 0
        for r in rows:
            programs = {p.strip().upper() for p in r[3].strip().strip("[]").split("] [")}
            if programs & _NON_SDN_MARKERS or ("UKRAINE-EO13662" in programs and "Directive" in r[11]):
                marked += 1
        return "ofac_cons" if marked * 2 > len(rows) else "ofac_sdn"

    def parse(self, fileset: FileSet) -> ParseResult:  # noqa: D102 - see Format.parse
        primary = fileset.get("primary")
        if primary is None:
            raise SourceFormatError("an OFAC CSV set needs its primary file (SDN.CSV or CONS_PRIM.CSV)", "")
        result = ParseResult(format=self.NAME, entities=[], records=0)
        base: dict[str, dict[str, object]] = {}
        order: list[str] = []
        leftovers = Leftovers()
        display = str(primary)
        for row, cells in csv_rows(_text(read_bytes(primary), display), display):
            if len(cells) != 12:
                raise SourceFormatError(f"expected 12 columns, found {len(cells)}", display, row)
            rec = dict(zip(PRIMARY_COLUMNS, (_empty(c) for c in cells), strict=True))
            ent = rec["ent_num"]
            if not is_number(ent):
                raise SourceFormatError(f"entity number {ent!r} is not a number", display, row)
            if not rec["SDN_Name"]:
                raise SourceFormatError(f"entity {ent} has no name", display, row)
            if ent in base:
                raise SourceFormatError(f"entity number {ent} appears twice", display, row)
            kind = _KINDS.get(rec["SDN_Type"].lower())
            if kind is None:
                raise SourceFormatError(f"unknown SDN_Type {rec['SDN_Type']!r}", display, row)
            result.records += 1
            base[ent] = {"rec": rec, "row": row, "kind": kind, "other": leftovers.take(rec, _USED_PRIMARY)}
            order.append(ent)
        if not base:
            raise SourceFormatError("no records found", display)

        aliases: dict[str, list[Name]] = defaultdict(list)
        addresses: dict[str, list[Address]] = defaultdict(list)
        comments: dict[str, list[str]] = defaultdict(list)
        alt_other: dict[str, list[tuple[str, str]]] = defaultdict(list)

        if alt := fileset.get("alt"):
            d = str(alt)
            for row, cells in csv_rows(_text(read_bytes(alt), d), d):
                if len(cells) != 5:
                    raise SourceFormatError(f"expected 5 columns in an ALT file, found {len(cells)}", d, row)
                ent, _num, typ, name, remark = (_empty(c) for c in cells)
                if ent not in base:
                    result.warnings.append(ParseIssue(d, f"row {row}", f"alias of unknown entity {ent} kept out"))
                    continue
                ntype = _ALT_TYPES.get(typ.lower())
                if ntype is None:
                    raise SourceFormatError(f"unknown alias type {typ!r}", d, row)
                if not name:
                    result.warnings.append(ParseIssue(d, f"row {row}", f"empty alias of entity {ent} skipped"))
                    continue
                aliases[ent].append(Name(value=name, type=ntype, script=detect_script(name)))
                if remark:
                    alt_other[ent].append(("alt_remarks", f"{name}: {remark}"))
        if add := fileset.get("add"):
            d = str(add)
            for row, cells in csv_rows(_text(read_bytes(add), d), d):
                if len(cells) != 6:
                    raise SourceFormatError(f"expected 6 columns in an ADD file, found {len(cells)}", d, row)
                ent, _num, street, city, country, remark = (_empty(c) for c in cells)
                if ent not in base:
                    result.warnings.append(ParseIssue(d, f"row {row}", f"address of unknown entity {ent} kept out"))
                    continue
                text = ", ".join(p for p in (street, city, country) if p)
                if text or remark:
                    addresses[ent].append(Address(text=text or remark, country=country or None))
        if com := fileset.get("comments"):
            d = str(com)
            for row, cells in csv_rows(_text(read_bytes(com), d), d):
                if len(cells) != 2:
                    raise SourceFormatError(f"expected 2 columns in a comments file, found {len(cells)}", d, row)
                ent, text = _empty(cells[0]), _empty(cells[1])
                if ent not in base:
                    result.warnings.append(ParseIssue(d, f"row {row}", f"comment of unknown entity {ent} kept out"))
                    continue
                comments[ent].append(text)

        for ent in order:
            b = base[ent]
            rec: dict[str, str] = b["rec"]  # type: ignore[assignment]
            remarks = rec["Remarks"] + "".join(comments.get(ent, ()))
            facts = parse_remarks(remarks) if remarks else None
            name = rec["SDN_Name"]
            names = [Name(value=name, type=NameType.PRIMARY, script=detect_script(name))]
            names += aliases.get(ent, [])
            identifiers: list[Identifier] = []
            links: list[Link] = []
            countries: list[str] = []
            births: list[str] = []
            if facts:
                seen = {n.value for n in names}
                names += [n for n in facts.names if n.value not in seen]
                identifiers += facts.identifiers
                links += facts.links
                countries += facts.nationalities
                births += facts.birth_dates
            if rec["Call_Sign"]:
                identifiers.append(Identifier(type="Call Sign", value=rec["Call_Sign"]))
            ent_addresses = addresses.get(ent, [])
            countries += [a.country for a in ent_addresses if a.country]
            result.entities.append(
                Entity(
                    source=fileset.source,
                    record_id=ent,
                    kind=b["kind"],  # type: ignore[arg-type]
                    names=tuple(names),
                    provenance=Provenance(fileset.source, Path(display).name, ent, f"row {b['row']}"),
                    programs=tuple(p.strip() for p in rec["Program"].strip("[]").split("] [") if p.strip()),
                    lists=("SDN List",) if fileset.source == "ofac_sdn" else ("Non-SDN Consolidated List",),
                    countries=tuple(dict.fromkeys(countries)),
                    addresses=tuple(ent_addresses),
                    identifiers=tuple(identifiers),
                    birth_dates=tuple(births),
                    remarks=(remarks,) if remarks else (),
                    links=tuple(links),
                    other=b["other"] + tuple(alt_other.get(ent, ())),  # type: ignore[operator]
                )
            )
        result.sequence = max(int(e) for e in order)
        result.unused = leftovers.counts
        return result
