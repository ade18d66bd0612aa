"""EU consolidated list of persons, groups and entities subject to financial sanctions
(Financial Sanctions Files, XML 1.1).

Download: https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw
Root ``export`` (namespace http://eu.europa.ec/fpi/fsd/export, ``generationDate``);
``sanctionEntity`` (``logicalId``, ``euReferenceNumber``, ``unitedNationId``,
``designationDate``) holds ``remark``, ``regulation`` (``programme``,
``publicationDate``, ``numberTitle``), ``subjectType`` (``code`` person / enterprise,
``classificationCode`` P / E), ``nameAlias`` (``wholeName``, ``strong``,
``nameLanguage``), ``citizenship``, ``birthdate``, ``identification`` and ``address``.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import Element

from ..errors import SourceFormatError
from ..model import Address, EntityKind, Identifier, Name, NameType
from ..names import detect_script
from ._grouping import EntityBuilder
from ._readers import iter_xml, local
from .base import Detection, FileSet, Format, Leftovers, ParseIssue, ParseResult, Sniff

NAMESPACE = "http://eu.europa.ec/fpi/fsd/export"
_KINDS = {"person": EntityKind.PERSON, "enterprise": EntityKind.ORGANISATION, "p": EntityKind.PERSON,
          "e": EntityKind.ORGANISATION}  # fmt: skip
_MAPPED = frozenset({"remark", "regulation", "subjectType", "nameAlias", "citizenship", "birthdate",
                     "identification", "address"})  # fmt: skip


class EuFsfFormat(Format):
    """EU Financial Sanctions Files, XML 1.1."""

    NAME = "eu_fsf"
    TITLE = "EU Financial Sanctions Files (XML 1.1)"

    def detect(self, sniff: Sniff) -> Detection | None:  # noqa: D102 - see Format.detect
        text = sniff.text
        if NAMESPACE in text and "<export" in text:
            return Detection(self.NAME, "eu", "main", "EU consolidated financial sanctions (XML)")
        return None

    def parse(self, fileset: FileSet) -> ParseResult:  # noqa: D102 - see Format.parse
        path = fileset.get("main")
        assert path is not None
        display = str(path)
        result = ParseResult(format=self.NAME, entities=[], records=0)
        leftovers = Leftovers()
        index = 0
        seen: set[str] = set()
        for event, el in iter_xml(str(path), display):
            assert isinstance(el, Element)
            tag = local(el.tag)
            if event == "start":
                if tag == "export":
                    result.published = (el.get("generationDate") or "")[:10] or None
                continue
            if tag != "sanctionEntity":
                continue
            index += 1
            result.records += 1
            entity = self._entity(el, index, path, fileset.source, leftovers, result)
            if entity.record_id in seen:
                raise SourceFormatError(f"logicalId {entity.record_id} appears twice", display, f"sanctionEntity[{index}]")
            seen.add(entity.record_id)
            result.entities.append(entity)
            el.clear()
        if not result.entities:
            raise SourceFormatError("no <sanctionEntity> records found", display)
        result.unused = leftovers.counts
        return result

    @staticmethod
    def _entity(el: Element, index: int, path: Path, source: str, leftovers: Leftovers, result: ParseResult):  # type: ignore[no-untyped-def]
        where = f"element sanctionEntity[{index}]"
        rid = (el.get("logicalId") or "").strip()
        if not rid:
            raise SourceFormatError("sanctionEntity without a logicalId", str(path), where)
        b = EntityBuilder(source, rid, path.name, where)
        children = list(el)
        subject = next((c for c in children if local(c.tag) == "subjectType"), None)
        code = ((subject.get("code") or subject.get("classificationCode") or "") if subject is not None else "").lower()
        kind = _KINDS.get(code)
        if kind is None:
            result.warnings.append(ParseIssue(path.name, where, f"unknown subjectType {code!r}; kind left unknown"))
            kind = EntityKind.UNKNOWN
        b.kind = kind
        first = True
        for c in children:
            t = local(c.tag)
            if t == "nameAlias":
                whole = (c.get("wholeName") or "").strip() or " ".join(
                    p for p in (c.get("firstName"), c.get("middleName"), c.get("lastName")) if p and p.strip()
                )
                if not whole:
                    continue
                lang = (c.get("nameLanguage") or "").strip() or None
                weak = (c.get("strong") or "true").lower() == "false"
                ntype = NameType.PRIMARY if first else NameType.AKA
                first = False
                b.add_name(Name(whole, ntype, weak, detect_script(whole), lang))
                if fn := (c.get("function") or "").strip():
                    b.add("other", ("function", fn))
            elif t == "remark" and (c.text or "").strip():
                b.add("remarks", (c.text or "").strip())
            elif t == "regulation":
                b.add("programs", (c.get("programme") or "").strip())
                b.add("notices", (c.get("numberTitle") or "").strip())
                pub = (c.get("publicationDate") or "").strip()[:10]
                if pub and (b.listed_on is None or pub < b.listed_on):
                    b.listed_on = pub
            elif t == "citizenship":
                b.add("countries", (c.get("countryIso2Code") or c.get("countryDescription") or "").strip())
            elif t == "birthdate":
                b.add("birth_dates", (c.get("birthdate") or c.get("year") or "").strip())
            elif t == "identification":
                if number := (c.get("number") or c.get("latinNumber") or "").strip():
                    b.add(
                        "identifiers",
                        Identifier(
                            (c.get("identificationTypeDescription") or c.get("identificationTypeCode") or "id").strip(),
                            number,
                            (c.get("countryIso2Code") or "").strip() or None,
                        ),
                    )
            elif t == "address":
                parts = [(c.get(k) or "").strip() for k in ("street", "poBox", "city", "zipCode", "region", "place")]
                country = (c.get("countryDescription") or c.get("countryIso2Code") or "").strip()
                text = ", ".join(p for p in [*parts, country] if p)
                if text:
                    b.add("addresses", Address(text, (c.get("countryIso2Code") or "").strip() or None))
            elif t not in _MAPPED and (c.text or "").strip():
                b.add("other", (t, (c.text or "").strip()))
                leftovers.counts[t] += 1
        if not b.names:
            raise SourceFormatError(f"sanctionEntity {rid} has no name", str(path), where)
        if el.get("designationDate"):
            b.listed_on = el.get("designationDate", "")[:10]
        for attr in ("euReferenceNumber", "unitedNationId"):
            if value := (el.get(attr) or "").strip():
                b.add("identifiers", Identifier(attr, value))
        if details := (el.get("designationDetails") or "").strip():
            b.add("other", ("designationDetails", details))
        b.add("lists", "EU Consolidated Financial Sanctions List")
        return b.build()
