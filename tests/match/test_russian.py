"""Russian and Ukrainian institutional words in Latin letters read in English, and the
matcher finding a body through that reading either way."""

from __future__ import annotations

import pytest

from screen.match import Matcher, Query
from screen.model import Entity, EntityKind, Name, NameType, Provenance
from screen.names import name_variants
from screen.names.russian import russian_glosses
from screen.store.index import build_index


@pytest.mark.parametrize(
    "case,name,readings",
    [
        ("noun and adjectives", "IZHEVSKY MEKHANICHESKY ZAVOD",
         ["izhevsk mechanical plant", "izhevsk mechanical factory", "izhev mechanical plant", "izhev mechanical factory"]),
        ("two renderings of nauchno", "NAUCHNO-PROIZVODSTVENNOE PREDPRIYATIE SALYUT",
         ["scientific-production enterprise SALYUT", "research-production enterprise SALYUT"]),
        ("another spelling and case", "Nauchno-Proizvodstvennoye Obyedineniye Mashinostroyeniya",
         ["scientific-production association machine building", "research-production association machine building"]),
        ("genitive", "Tsentr Sudoremonta Zvezdochka", ["center ship repair Zvezdochka"]),
        ("security body", "GLAVNOYE RAZVEDYVATELNOYE UPRAVLENIYE",
         ["main intelligence directorate", "main intelligence management"]),
        ("foreign trade", "BANK VNESHNEY TORGOVLI", ["BANK foreign trade"]),
        ("a detention centre", "TSENTR IZOLYATSII PRAVONARUSHITELEY", ["center isolation offenders"]),
        ("Belarusian", "UNITARNAYE PRADPRYEMSTVA BELSHINA", ["unitary enterprise BELSHINA"]),
        ("a word read only beside others", "TORGOVY DOM ASBEST", ["trading house ASBEST"]),
        ("initials", "OKB Sukhoi", ["experimental design bureau Sukhoi"]),
        ("initials read only beside others", "NPP Istok Zavod", ["scientific production enterprise Istok plant",
                                                                 "scientific production enterprise Istok factory"]),
        ("Ukrainian", "Derzhavne Pidpryemstvo Antonov", ["state enterprise Antonov"]),
        ("Cyrillic, through its transliteration", "Ижевский механический завод",
         ["izhevsk mechanical plant", "izhevsk mechanical factory", "izhev mechanical plant", "izhev mechanical factory"]),
        ("Ukrainian in Cyrillic", "Державне підприємство Антонов", ["state enterprise Antonov"]),
        ("place adjective in a Russian-worded name", "Magnitogorskiy Metallurgicheskiy Kombinat",
         ["magnitogorsk metallurgical plant", "magnitogorsk metallurgical combine", "magnitogor metallurgical plant",
          "magnitogor metallurgical combine"]),
        ("a place adjective of a city without -sk", "Kurgansky Mashinostroitelny Zavod",
         ["kurgansk machine building plant", "kurgansk machine building factory", "kurgan machine building plant",
          "kurgan machine building factory"]),
    ],
)
def test_russian_glosses(case, name, readings):
    assert russian_glosses(name) == readings


@pytest.mark.parametrize(
    "name",
    ["Chen Quanguo", "Dom Perignon", "NPO Sunrise Foundation", "Izhevsky", "Moskovsky", "Kurgansky Ivan",
     "Сбербанк", "Hikvision Digital Technology", "Gaza Electricity Company", "Severn Trent Water", "James Polk"],
)
def test_names_without_russian_institutional_words_have_no_reading(name):
    # a brand, a person, a place adjective or initials alone are not read as Russian
    assert russian_glosses(name) == []


def test_the_reading_is_a_name_variant():
    assert ("izhevsk mechanical plant", "russian") in name_variants("Izhevsky Mekhanichesky Zavod")


def _body(rid: str, *names: str) -> Entity:
    ns = tuple(Name(n, NameType.PRIMARY if i == 0 else NameType.AKA) for i, n in enumerate(names))
    return Entity("test", rid, EntityKind.ORGANISATION, ns, Provenance("test", "f.csv", rid, f"row {rid}"),
                  programs=("TEST",))


@pytest.fixture(scope="module")
def matcher():
    bodies = [
        _body("1", "AO IZHEVSKY MEKHANICHESKY ZAVOD"),
        _body("2", "Scientific-Production Enterprise Salyut, JSC"),
        _body("3", "Izhevsk Arms Export Company"),
    ] + [_body(f"f{i}", f"Filler {w} Company") for i, w in enumerate("alpha beta gamma delta epsilon".split())]
    return Matcher([build_index("test", bodies)])


def test_an_english_name_finds_a_body_listed_in_russian(matcher):
    hit = matcher.match(Query("Izhevsk Mechanical Plant")).hits[0]
    assert hit.card.record_id == "1" and hit.level == "match"
    assert ("listed name normalised: Russian institutional words read in English ('izhevsk mechanical plant')"
            in hit.explanation())


def test_a_russian_name_finds_a_body_listed_in_english(matcher):
    hit = matcher.match(Query("Nauchno-Proizvodstvennoe Predpriyatie Salyut")).hits[0]
    assert hit.card.record_id == "2" and hit.level == "match"
    assert any(r.startswith("query normalised: Russian institutional words read in English") for r in hit.explanation())


def test_the_reading_does_not_make_a_different_body_the_same(matcher):
    assert all(h.card.record_id != "3" for h in matcher.match(Query("Izhevsky Mekhanichesky Zavod")).hits)
