"""UN Security Council Consolidated List (XML).

Download: https://scsanctions.un.org/resources/xml/en/consolidated.xml
Root ``CONSOLIDATED_LIST`` (``dateGenerated``) with ``INDIVIDUALS/INDIVIDUAL`` and
``ENTITIES/ENTITY``: ``DATAID``, ``FIRST_NAME``–``FOURTH_NAME``, ``NAME_ORIGINAL_SCRIPT``,
``UN_LIST_TYPE`` (regime), ``REFERENCE_NUMBER``, ``LISTED_ON``, ``COMMENTS1``,
``*_ALIAS`` (``QUALITY`` Good / Low / a.k.a. / f.k.a., ``ALIAS_NAME``), ``NATIONALITY``,
``*_ADDRESS``, ``INDIVIDUAL_DATE_OF_BIRTH``, ``INDIVIDUAL_DOCUMENT``.
"""

from __future__ import annotations

import re
from xml.etree.ElementTree import Element

from ..errors import SourceFormatError
from ..model import Address, EntityKind, Identifier, Link, Name, NameType
from ..names import detect_script
from ._grouping import EntityBuilder
from ._readers import iter_xml, local
from .base import Detection, FileSet, Format, Leftovers, ParseIssue, ParseResult, Sniff

_QUALITY = {
    "good": (NameType.AKA, False),
    "a.k.a.": (NameType.AKA, False),
    "low": (NameType.AKA, True),
    "f.k.a.": (NameType.FKA, False),
    "": (NameType.AKA, False),
}
_REF = re.compile(r"\(([A-Z]{2}[ie]\.\d{3})\)")  # references to other UN records in comments
_MAPPED = frozenset(
    {"DATAID", "VERSIONNUM", "FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME", "UN_LIST_TYPE",
     "REFERENCE_NUMBER", "LISTED_ON", "COMMENTS1", "NAME_ORIGINAL_SCRIPT", "NATIONALITY", "LIST_TYPE",
     "LAST_DAY_UPDATED", "INDIVIDUAL_ALIAS", "ENTITY_ALIAS", "INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS",
     "INDIVIDUAL_DATE_OF_BIRTH", "INDIVIDUAL_DOCUMENT", "SORT_KEY", "SORT_KEY_LAST_MOD", "GENDER"}
)  # fmt: skip


def _t(el: Element | None) -> str:
    return (el.text or "").strip() if el is not None else ""


def _leaf_texts(el: Element) -> dict[str, str]:
    return {local(c.tag): _t(c) for c in el if _t(c)}


class UnScFormat(Format):
    """UN Security Council Consolidated List, XML."""

    NAME = "un_sc"
    TITLE = "UN Security Council Consolidated List (XML)"

    def detect(self, sniff: Sniff) -> Detection | None:  # noqa: D102 - see Format.detect
        if "<CONSOLIDATED_LIST" in sniff.text:
            return Detection(self.NAME, "un", "main", "UN Security Council Consolidated List (XML)")
        return None

    def parse(self, fileset: FileSet) -> ParseResult:  # noqa: D102 - see Format.parse
        path = fileset.get("main")
        assert path is not None
        display = str(path)
        result = ParseResult(format=self.NAME, entities=[], records=0)
        leftovers = Leftovers()
        counters = {"INDIVIDUAL": 0, "ENTITY": 0}
        seen: set[str] = set()
        for event, el in iter_xml(str(path), display):
            assert isinstance(el, Element)
            tag = local(el.tag)
            if event == "start":
                if tag == "CONSOLIDATED_LIST":
                    result.published = (el.get("dateGenerated") or "")[:10] or None
                continue
            if tag not in counters:
                continue
            counters[tag] += 1
            result.records += 1
            where = f"element {tag}[{counters[tag]}]"
            entity = self._entity(el, tag, where, path.name, fileset.source, leftovers, result)
            if entity.record_id in seen:
                raise SourceFormatError(f"record {entity.record_id} appears twice", display, where)
            seen.add(entity.record_id)
            result.entities.append(entity)
            el.clear()
        if not result.entities:
            raise SourceFormatError("no INDIVIDUAL or ENTITY records found", display)
        result.unused = leftovers.counts
        return result

    @staticmethod
    def _entity(  # type: ignore[no-untyped-def]
        el: Element, tag: str, where: str, file: str, source: str, leftovers: Leftovers, result: ParseResult
    ):
        fields = {local(c.tag): _t(c) for c in el}
        ref = fields.get("REFERENCE_NUMBER") or fields.get("DATAID", "")
        if not ref:
            raise SourceFormatError(f"{tag} without DATAID or REFERENCE_NUMBER", file, where)
        b = EntityBuilder(source, ref, file, where)
        b.kind = EntityKind.PERSON if tag == "INDIVIDUAL" else EntityKind.ORGANISATION
        primary = " ".join(
            fields[k] for k in ("FIRST_NAME", "SECOND_NAME", "THIRD_NAME", "FOURTH_NAME") if fields.get(k)
        )
        if not primary:
            raise SourceFormatError(f"{tag} {ref} has no name", file, where)
        b.add_name(Name(primary, NameType.PRIMARY, False, detect_script(primary)))
        if native := fields.get("NAME_ORIGINAL_SCRIPT"):
            b.add_name(Name(native, NameType.VARIANT, False, detect_script(native)))
        for c in el:
            t = local(c.tag)
            if t in ("INDIVIDUAL_ALIAS", "ENTITY_ALIAS"):
                parts = _leaf_texts(c)
                alias = parts.get("ALIAS_NAME", "")
                if not alias:
                    continue
                quality = parts.get("QUALITY", "").lower()
                if quality not in _QUALITY:
                    result.warnings.append(ParseIssue(file, where, f"unknown alias quality {quality!r}"))
                ntype, weak = _QUALITY.get(quality, (NameType.AKA, False))
                b.add_name(Name(alias, ntype, weak, detect_script(alias)))
            elif t == "NATIONALITY":
                b.add("countries", *(_t(v) for v in c))
            elif t in ("INDIVIDUAL_ADDRESS", "ENTITY_ADDRESS"):
                parts = _leaf_texts(c)
                order = ("STREET", "CITY", "STATE_PROVINCE", "ZIP_CODE", "COUNTRY", "NOTE")
                text = ", ".join(parts[k] for k in order if parts.get(k))
                if text:
                    b.add("addresses", Address(text, parts.get("COUNTRY")))
                    b.add("countries", parts.get("COUNTRY", ""))
            elif t == "INDIVIDUAL_DATE_OF_BIRTH":
                parts = _leaf_texts(c)
                value = parts.get("DATE") or parts.get("YEAR") or (
                    f"{parts['FROM_YEAR']}-{parts.get('TO_YEAR', '')}" if parts.get("FROM_YEAR") else ""
                )
                b.add("birth_dates", value)
            elif t == "INDIVIDUAL_DOCUMENT":
                parts = _leaf_texts(c)
                if number := parts.get("NUMBER"):
                    b.add(
                        "identifiers",
                        Identifier(parts.get("TYPE_OF_DOCUMENT", "document"), number,
                                   parts.get("ISSUING_COUNTRY") or parts.get("COUNTRY_OF_ISSUE"), parts.get("NOTE")),
                    )  # fmt: skip
            elif t not in _MAPPED:
                value = " ".join(x.strip() for x in c.itertext() if x.strip())
                if value:
                    b.add("other", (t, value))
                    leftovers.counts[t] += 1
        b.add("programs", fields.get("UN_LIST_TYPE", ""))
        b.listed_on = fields.get("LISTED_ON", "")[:10] or None
        comments = fields.get("COMMENTS1", "")
        b.add("remarks", comments)
        for other_ref in dict.fromkeys(_REF.findall(comments)):
            if other_ref != ref:
                b.add("links", Link("mentioned in listing", other_ref, f"{source}:{other_ref}"))
        b.add("identifiers", Identifier("UN reference", ref))
        b.add("lists", "UN Security Council Consolidated List")
        if fields.get("GENDER"):
            b.add("other", ("GENDER", fields["GENDER"]))
        return b.build()
