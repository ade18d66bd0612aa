"""Parse the free-text Remarks of OFAC's legacy CSV and its comments overflow.

OFAC writes facts into Remarks as ``; ``-separated items, e.g.
``DOB 1962; POB Shati; a.k.a. 'RUSAG'; Linked To: HAMAS.`` OFAC's weak a.k.a.s are
published only here (strong aliases go to ALT.CSV), so every a.k.a. found in remarks is
marked weak. See https://ofac.treasury.gov/faqs/topic/1641 (SDN list data formats).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..model import Identifier, Link, Name, NameType
from ..names import detect_script

# a.k.a. 'NAME' -- the closing quote is followed by ; or . or the end of the remarks
_ALIAS_ANYWHERE = re.compile(r"\b(?P<kind>[afn])\.k\.a\.,?\s+'(?P<name>.+?)'(?=\s*(?:;|\.\s*(?:;|$)|$))", re.I)
_LINK = re.compile(r"^Linked To:\s*(?P<name>.+?)\.?$")
_DOB = re.compile(r"^(?:alt\.\s+)?DOB\s+(?P<v>.+?)\.?$")
_NATIONALITY = re.compile(r"^(?:alt\.\s+)?(?:nationality|citizen)\s+(?P<v>.+?)\.?$", re.IGNORECASE)
# "Passport A1234 (Iraq) issued 2001" / "Tax ID No. 7707083893 (Russia)"
_ID = re.compile(
    r"^(?P<type>Passport|National ID No\.|Tax ID No\.|Registration Number|Registration ID|Cedula No\.|"
    r"C\.U\.R\.P\.|R\.F\.C\.|NIT #|RUC #|Identification Number|SSN|D\.N\.I\.|C\.U\.I\.T\.|"
    r"Business Registration Number|Company Number|Government Gazette Number|Legal Entity Number|"
    r"Vessel Registration Identification|IMO|MMSI|Aircraft Construction Number \(also called L/N or S/N or F/N\)|"
    r"Aircraft Manufacturer's Serial Number \(MSN\)|Digital Currency Address - \w+|SWIFT/BIC|UEI|"
    r"Unified Social Credit Code \(USCC\)|Enterprise Number|Commercial Registry Number|Trade License No\.)"
    r"\s+(?P<value>[^\s;()]+(?:\s[^\s;()]+)*?)(?:\s+\((?P<country>[^)]+)\))?(?:\s+(?P<note>.*?))?\.?$"
)
_ALIAS_TYPES = {"a": NameType.AKA, "f": NameType.FKA, "n": NameType.NKA}


@dataclass(slots=True)
class RemarkFacts:
    """Facts found in one record's remarks."""

    names: list[Name] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    birth_dates: list[str] = field(default_factory=list)
    nationalities: list[str] = field(default_factory=list)
    identifiers: list[Identifier] = field(default_factory=list)


def split_items(remarks: str) -> list[str]:
    """Split a Remarks field into its ``;``-separated items (aliases taken out first)."""
    rest = _ALIAS_ANYWHERE.sub("", remarks)
    return [i.strip() for i in rest.split(";") if i.strip()]


def parse_remarks(remarks: str) -> RemarkFacts:
    """Pull aliases, links, birth dates, nationalities and identifiers out of remarks."""
    facts = RemarkFacts()
    for m in _ALIAS_ANYWHERE.finditer(remarks):
        value = m["name"].strip()
        if value:
            facts.names.append(
                Name(value=value, type=_ALIAS_TYPES[m["kind"].lower()], weak=True, script=detect_script(value))
            )
    for item in split_items(remarks):
        if m := _LINK.match(item):
            facts.links.append(Link(relation="linked to", target_name=m["name"].strip()))
        elif m := _DOB.match(item):
            facts.birth_dates.append(m["v"].strip())
        elif m := _NATIONALITY.match(item):
            facts.nationalities.append(m["v"].strip())
        elif m := _ID.match(item):
            facts.identifiers.append(
                Identifier(type=m["type"].rstrip("."), value=m["value"], country=m["country"], note=m["note"] or None)
            )
    return facts
