"""OFAC Enhanced XML (SDN_ENHANCED.XML / CONS_ENHANCED.XML, plain or zipped).

Schema: https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/ENHANCED_XML.xsd
Root ``sanctionsData``: ``publicationInfo/dataAsOf``, ``referenceValues`` and
``entities/entity[@id]``, each with ``generalInfo``, ``sanctionsLists``,
``sanctionsPrograms``, ``legalAuthorities``, ``names`` (translations with
``formattedFullName``, ``aliasType``, ``isLowQuality``), ``addresses``,
``identityDocuments``, ``features`` and ``relationships``. The entity id is the same
entity number as in the legacy CSV.
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element

from ..errors import SourceFormatError
from ..model import Address, Entity, EntityKind, Identifier, Link, Name, NameType, Provenance
from ..names import detect_script
from ._readers import is_number, is_zip, iter_xml, local, read_zip_member
from .base import Detection, FileSet, Format, Leftovers, ParseIssue, ParseResult, Sniff

NAMESPACE_MARK = b"ENHANCED_XML"
_KINDS = {
    "individual": EntityKind.PERSON,
    "entity": EntityKind.ORGANISATION,
    "vessel": EntityKind.VESSEL,
    "aircraft": EntityKind.AIRCRAFT,
}
_ALIASES = {"a.k.a.": NameType.AKA, "f.k.a.": NameType.FKA, "n.k.a.": NameType.NKA}
_USED = frozenset(
    {"generalInfo", "sanctionsLists", "sanctionsPrograms", "legalAuthorities", "names", "addresses",
     "identityDocuments", "features", "relationships"}
)  # fmt: skip
_BIRTH = {"Birthdate"}
_NATIONALITY = {"Nationality Country", "Citizenship Country", "Nationality of Registration"}


def _child(el: Element, name: str) -> Element | None:
    for c in el:
        if local(c.tag) == name:
            return c
    return None


def _children(el: Element | None, name: str) -> list[Element]:
    if el is None:
        return []
    return [c for c in el if local(c.tag) == name]


def _text(el: Element | None, name: str) -> str:
    c = _child(el, name) if el is not None else None
    return (c.text or "").strip() if c is not None else ""


def _flatten(el: Element) -> str:
    """An element's text content, whitespace-collapsed, for keeping unmapped parts."""
    return " ".join(t.strip() for t in el.itertext() if t.strip())


class OfacXmlFormat(Format):
    """OFAC Enhanced XML, SDN or consolidated, plain or in a zip."""

    NAME = "ofac_xml"
    TITLE = "OFAC Enhanced XML"

    def detect(self, sniff: Sniff) -> Detection | None:  # noqa: D102 - see Format.detect
        head = sniff.head
        if b"<sanctionsData" not in head or NAMESPACE_MARK not in head:
            return None
        source = "ofac_cons" if b">Consolidated List<" in head.split(b"</publicationInfo>")[0] else "ofac_sdn"
        return Detection(self.NAME, source, "main", "OFAC Enhanced XML")

    def parse(self, fileset: FileSet) -> ParseResult:  # noqa: D102 - see Format.parse
        path = fileset.get("main")
        assert path is not None
        display = str(path)
        if is_zip(path):
            member, data = read_zip_member(path, (".xml",))
            display = f"{path}!{member}"
            stream: Any = io.BytesIO(data)
        else:
            stream = str(path)
        result = ParseResult(format=self.NAME, entities=[], records=0)
        leftovers = Leftovers()
        count = 0
        stack: list[str] = []
        for event, el in iter_xml(stream, display):
            assert isinstance(el, Element)
            tag = local(el.tag)
            if event == "start":
                stack.append(tag)
                continue
            stack.pop()
            if tag == "dataAsOf" and stack and stack[-1] == "publicationInfo":
                result.published = (el.text or "").strip()[:10] or None
            elif tag == "entity" and stack and stack[-1] == "entities":
                count += 1
                result.entities.append(self._entity(el, fileset.source, path.name, count, leftovers, result))
                result.records += 1
                el.clear()
        if not result.entities:
            raise SourceFormatError("no <entity> records found", display)
        result.sequence = max((int(e.record_id) for e in result.entities if is_number(e.record_id)), default=None)
        result.unused = leftovers.counts
        return result

    def _entity(
        self, el: Element, source: str, file: str, index: int, leftovers: Leftovers, result: ParseResult
    ) -> Entity:
        where = f"element entity[{index}]"
        ent_id = el.get("id", "").strip()
        if not ent_id:
            raise SourceFormatError("entity without an id attribute", file, where)
        general = _child(el, "generalInfo")
        kind_text = _text(general, "entityType").lower()
        kind = _KINDS.get(kind_text)
        if kind is None:
            raise SourceFormatError(f"unknown entityType {kind_text!r} in entity {ent_id}", file, where)
        names: list[Name] = []
        for n in _children(_child(el, "names"), "name"):
            is_primary = _text(n, "isPrimary") == "true"
            alias = _text(n, "aliasType").lower()
            weak = _text(n, "isLowQuality") == "true"
            for t in _children(_child(n, "translations"), "translation"):
                full = _text(t, "formattedFullName")
                if not full:
                    continue
                script = _text(t, "script") or detect_script(full)
                if is_primary and _text(t, "isPrimary") == "true":
                    ntype = NameType.PRIMARY
                elif is_primary:
                    ntype = NameType.VARIANT  # the primary name in another script
                else:
                    ntype = _ALIASES.get(alias, NameType.AKA)
                names.append(Name(value=full, type=ntype, weak=weak, script=script))
        if not names:
            raise SourceFormatError(f"entity {ent_id} has no name", file, where)
        names.sort(key=lambda n: n.type is not NameType.PRIMARY)  # primary first, order kept otherwise
        lists = tuple(_flatten(s) for s in _children(_child(el, "sanctionsLists"), "sanctionsList"))
        dates = sorted(
            s.get("datePublished", "")
            for s in _children(_child(el, "sanctionsLists"), "sanctionsList")
            if s.get("datePublished")
        )
        programs = tuple(_flatten(p) for p in _children(_child(el, "sanctionsPrograms"), "sanctionsProgram"))
        notices = tuple(_flatten(a) for a in _children(_child(el, "legalAuthorities"), "legalAuthority"))
        addresses: list[Address] = []
        for a in _children(_child(el, "addresses"), "address"):
            country = _text(a, "country") or None
            parts = [
                _text(p, "value")
                for t in _children(_child(a, "translations"), "translation")
                for p in _children(_child(t, "addressParts"), "addressPart")
            ]
            text = ", ".join(p for p in [*parts, country or ""] if p)
            if text:
                addresses.append(Address(text=text, country=country))
        identifiers = [
            Identifier(
                type=_text(d, "type"),
                value=_text(d, "documentNumber"),
                country=_text(d, "issuingCountry") or None,
            )
            for d in _children(_child(el, "identityDocuments"), "identityDocument")
            if _text(d, "documentNumber")
        ]
        births: list[str] = []
        countries: list[str] = [a.country for a in addresses if a.country]
        other: list[tuple[str, str]] = []
        for f in _children(_child(el, "features"), "feature"):
            ftype = _text(f, "type").rstrip(":- ").strip()
            value = _text(f, "value")
            if not value:
                vd = _child(f, "valueDate")
                value = _text(vd, "fromDateBegin") if vd is not None else ""
            if not value:
                continue
            if ftype in _BIRTH:
                births.append(value)
            elif ftype in _NATIONALITY:
                countries.append(value)
            else:
                other.append((ftype, value))
                leftovers.counts[f"feature:{ftype}"] += 1
        links = [
            Link(
                relation=_text(r, "type").lower() or "related to",
                target_name=_flatten(rel),
                target_id=f"{source}:{rel.get('entityId')}" if rel.get("entityId") else None,
            )
            for r in _children(_child(el, "relationships"), "relationship")
            if (rel := _child(r, "relatedEntity")) is not None
        ]
        remarks = tuple(x for x in (_text(general, "remarks"),) if x)
        for c in el:
            if local(c.tag) not in _USED and _flatten(c):
                other.append((local(c.tag), _flatten(c)))
                leftovers.counts[local(c.tag)] += 1
        if not programs:
            result.warnings.append(ParseIssue(file, where, f"entity {ent_id} has no sanctions programme"))
        return Entity(
            source=source,
            record_id=ent_id,
            kind=kind,
            names=tuple(names),
            provenance=Provenance(source, Path(file).name, ent_id, where),
            programs=programs,
            lists=lists,
            listed_on=dates[0] if dates else None,
            countries=tuple(dict.fromkeys(countries)),
            addresses=tuple(addresses),
            identifiers=tuple(identifiers),
            birth_dates=tuple(births),
            notices=notices,
            remarks=remarks,
            links=tuple(links),
            other=tuple(other),
        )
