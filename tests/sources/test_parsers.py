"""Each publisher-format parser on small fixture files written in the publisher's format."""

from __future__ import annotations

from pathlib import Path

import pytest

from screen import sources
from screen.model import EntityKind, NameType
from screen.sources.base import FileSet

FIX = Path(__file__).parents[1] / "fixtures"


def load(*names: str, source: str | None = None):
    """Detect, group and parse fixture files; return (fileset, result)."""
    detected = []
    for n in names:
        d = sources.detect(FIX / n)
        assert d is not None, f"{n} not recognised"
        detected.append((FIX / n, d))
    sets, problems = sources.group(detected, source)
    assert not problems
    assert len(sets) == 1
    return sets[0], sources.parse(sets[0])


def by_id(result, record_id):
    return next(e for e in result.entities if e.record_id == record_id)


# (files, expected source, expected format, entities, published)
CASES = [
    (("ofac_sdn/sdn.csv", "ofac_sdn/alt.csv", "ofac_sdn/add.csv", "ofac_sdn/sdn_comments.csv"), "ofac_sdn", "ofac_csv", 5, None),
    (("ofac_cons/cons_prim.csv", "ofac_cons/cons_alt.csv"), "ofac_cons", "ofac_csv", 3, None),
    (("ofac_xml/SDN_ENHANCED.XML",), "ofac_sdn", "ofac_xml", 2, "2026-11-20"),
    (("ofac_xml/SDN_ENHANCED.ZIP",), "ofac_sdn", "ofac_xml", 2, "2026-11-20"),
    (("us_csl/consolidated.csv",), "us_csl", "us_csl", 5, None),
    (("us_csl/consolidated.json",), "us_csl", "us_csl", 2, None),
    (("uk_ofsi/ConList.csv",), "uk", "uk_ofsi", 2, "2025-04-14"),
    (("uk_fcdo/UK-Sanctions-List.csv",), "uk", "uk_fcdo", 2, "2026-11-20"),
    (("uk_fcdo/UK-Sanctions-List.xml",), "uk", "uk_fcdo", 2, "2026-11-20"),
    (("eu/xmlFullSanctionsList_1_1.xml",), "eu", "eu_fsf", 2, "2026-11-20"),
    (("un/consolidated.xml",), "un", "un_sc", 2, "2026-11-20"),
    (("opensanctions/targets.simple.csv",), "opensanctions", "opensanctions", 2, "2026-03-13"),
    (("opensanctions/entities.ftm.json",), "opensanctions", "opensanctions", 1, "2026-11-01"),
]


@pytest.mark.parametrize(("files", "source", "fmt", "count", "published"), CASES, ids=lambda v: str(v)[:40])
def test_every_format_detects_and_parses_with_provenance(files, source, fmt, count, published):
    fileset, result = load(*files)
    assert (fileset.source, fileset.format) == (source, fmt)
    assert len(result.entities) == count
    assert result.published == published
    for e in result.entities:
        assert e.source == source
        assert e.names and e.names[0].type is NameType.PRIMARY
        assert e.provenance.file == Path(files[0]).name
        assert e.provenance.location.startswith(("row ", "element ", "results[", "line "))
        assert e.id == f"{source}:{e.record_id}"


def test_ofac_csv_joins_aliases_addresses_comments_and_reads_remarks():
    _, r = load("ofac_sdn/sdn.csv", "ofac_sdn/alt.csv", "ofac_sdn/add.csv", "ofac_sdn/sdn_comments.csv")
    xpcc = by_id(r, "29299")
    names = {(n.value, n.type, n.weak) for n in xpcc.names}
    assert ("XINJIANG PRODUCTION-CONSTRUCTION CORPS", NameType.AKA, False) in names  # strong, from ALT
    assert ("XPCC", NameType.AKA, True) in names  # weak, from remarks
    assert ("BINGTUAN", NameType.AKA, True) in names
    assert [k.target_name for k in xpcc.links] == ["CHEN, Quanguo"]
    assert xpcc.countries == ("China",)
    chen = by_id(r, "29220")
    assert chen.kind is EntityKind.PERSON
    assert chen.birth_dates == ("1955",)
    assert "China" in chen.countries
    assert chen.remarks[0].endswith("Subject to Secondary Sanctions.")  # comments overflow appended
    vessel = by_id(r, "30001")
    assert vessel.name == "OCÉAN STAR"  # cp1252 decoded
    assert vessel.kind is EntityKind.VESSEL and vessel.programs == ("SDGT", "IRAN")
    assert ("Vess_type", "Crude Oil Tanker") in vessel.other  # unmapped field kept, not dropped
    assert r.unused["Vess_type"] == 1
    rab = by_id(r, "30002")
    assert ("RAPID ACTION BATTALION FORCES", NameType.FKA, False) in {(n.value, n.type, n.weak) for n in rab.names}
    assert r.sequence == 30002


def test_ofac_enhanced_xml_keeps_scripts_alias_quality_links_and_dates():
    _, r = load("ofac_xml/SDN_ENHANCED.ZIP")
    xpcc = by_id(r, "29299")
    assert [(n.value, n.type, n.weak, n.script) for n in xpcc.names] == [
        ("XINJIANG PRODUCTION AND CONSTRUCTION CORPS", NameType.PRIMARY, False, "Latin"),
        ("新疆生产建设兵团", NameType.VARIANT, False, "Han"),
        ("XPCC", NameType.AKA, True, "Latin"),
    ]
    assert xpcc.listed_on == "2020-07-31"
    assert xpcc.links[0].target_id == "ofac_sdn:29220"
    assert xpcc.identifiers[0].value == "11650000MB1957000T"
    assert ("Organization Established Date", "1954") in xpcc.other
    assert xpcc.notices == ("Executive Order 13818",)


def test_csl_keeps_sublist_notice_date_and_question_mark_names():
    _, r = load("us_csl/consolidated.csv")
    xpc = next(e for e in r.entities if e.name == "Xinjiang Police College")
    assert xpc.lists == ("Entity List (EL) - Bureau of Industry and Security",)
    assert xpc.record_id.startswith("EL:")
    assert xpc.notices == ("84 FR 54002; 85 FR 44159",)
    assert xpc.listed_on == "2019-10-09"
    assert xpc.kind is EntityKind.UNKNOWN
    psb = next(e for e in r.entities if "People?s" in e.name)
    assert [n.value for n in psb.names][1] == "XUAR PSB"
    # the duplicated CAP row is kept as a second record and reported, not dropped
    assert {e.record_id for e in r.entities} >= {"CAP:15268", "CAP:15268#2"}
    assert any("appears 2 times" in w.message and w.row == "row 6" for w in r.warnings)


def test_uk_lists_group_name_rows_and_keep_native_script():
    for files in (("uk_ofsi/ConList.csv",), ("uk_fcdo/UK-Sanctions-List.csv",), ("uk_fcdo/UK-Sanctions-List.xml",)):
        _, r = load(*files)
        psb = next(e for e in r.entities if "PUBLIC SECURITY BUREAU" in e.name)
        values = {(n.value, n.type, n.weak) for n in psb.names}
        assert ("XPCC PSB", NameType.AKA, True) in values, files
        assert any(n.script == "Han" for n in psb.names), files
        assert psb.listed_on == "2021-03-22"
        assert psb.kind is EntityKind.ORGANISATION


def test_uk_fcdo_reads_links_identifiers_and_keeps_unmapped_fields():
    _, r = load("uk_fcdo/UK-Sanctions-List.csv")
    psb = by_id(r, "GHR0072")
    assert [(k.relation, k.target_name) for k in psb.links] == [
        ("parent company", "Xinjiang Production and Construction Corps")
    ]
    assert ("Website", "www.example.cn") in psb.other
    ship = by_id(r, "RUS2176")
    assert ship.kind is EntityKind.VESSEL
    assert any(i.value == "IMO9826902" for i in ship.identifiers)
    _, rx = load("uk_fcdo/UK-Sanctions-List.xml")
    assert ("PhoneNumber", "+86 991 000000") in by_id(rx, "GHR0072").other


def test_eu_and_un_parse_aliases_quality_and_references():
    _, eu = load("eu/xmlFullSanctionsList_1_1.xml")
    psb = by_id(eu, "130001")
    assert ("XPCC PSB", True) in {(n.value, n.weak) for n in psb.names}
    assert psb.listed_on == "2021-03-22" and psb.programs == ("GHR",)
    wang = by_id(eu, "130002")
    assert wang.kind is EntityKind.PERSON and wang.birth_dates == ("1963-05-01",)
    assert ("function", "Party Secretary of the XPCC") in wang.other
    _, un = load("un/consolidated.xml")
    kim = by_id(un, "KPi.999")
    assert {(n.value, n.weak) for n in kim.names} >= {("Kim Yong-chol", False), ("Kim", True), ("김영철", False)}
    assert kim.links[0].target_id == "un:KPe.999"
    rgb = by_id(un, "KPe.999")
    assert ("Operations Department", NameType.FKA) in {(n.value, n.type) for n in rgb.names}


def test_opensanctions_carries_licence_note():
    _, r = load("opensanctions/targets.simple.csv")
    assert any("CC BY-NC" in n for n in r.notes)
    _, f = load("opensanctions/entities.ftm.json")
    assert any("1 Sanction" in n for n in f.notes)  # non-party records counted, not silently dropped
    assert ("XPC", True) in {(n.value, n.weak) for n in f.entities[0].names}


def test_alias_files_without_their_primary_are_reported():
    d = sources.detect(FIX / "ofac_sdn/alt.csv")
    sets, problems = sources.group([(FIX / "ofac_sdn/alt.csv", d)])
    assert sets == [] and "without the primary file" in problems[0].reason


def test_entity_round_trips_through_dict():
    _, r = load("ofac_xml/SDN_ENHANCED.XML")
    from screen.model import Entity

    for e in r.entities:
        assert Entity.from_dict(e.to_dict()) == e


def test_fileset_source_override():
    fs = FileSet("ofac_cons", "ofac_csv", (("primary", FIX / "ofac_sdn/sdn.csv"),))
    r = sources.parse(fs)
    assert {e.source for e in r.entities} == {"ofac_cons"}
