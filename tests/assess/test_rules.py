"""Every red-flag rule, each on a project that should raise it, with its evidence; and the
overall risk each level leads to. The lists are the fixture files (OFAC SDN, CSL), the
register is the shipped one."""

from __future__ import annotations

import pytest

from screen.assess import run_assessment
from screen.assess.rules import RULES

from .conftest import NOW

def _assess(settings, path):  # type: ignore[no-untyped-def]
    return run_assessment(path, settings, lambda: NOW, "test")


def _flags(result, rule_id: str) -> list:  # type: ignore[no-untyped-def]
    return [f for f in result.flags if f.rule == rule_id]


def _evidence(flag) -> str:  # type: ignore[no-untyped-def]
    return "\n".join(e.text + " " + " ".join(f"{c.label} {c.url}" for c in e.cites) for e in flag.evidence)


def test_asset_freeze_target_is_prohibited(fx_settings, project):
    r = _assess(fx_settings, project(host_countries=["BD"], assistance=["investigative-interviewing"],
                                     partners=[{"name": "Rapid Action Battalion", "country": "BD"}]))
    [flag] = _flags(r, "asset-freeze-match")
    assert flag.level == "prohibited" and flag.party == "Rapid Action Battalion"
    ev = _evidence(flag)
    assert "ofac_sdn entry" in ev and "RAPID ACTION BATTALION" in ev  # the list entry
    assert "OFAC SDN List" in ev and "treasury.gov" in ev  # the register's sourced designation
    assert r.risk == "prohibited" and r.doc["summary"]["approval"].startswith("Stop and take legal advice")


def test_export_control_listing_is_high(fx_settings, project):
    r = _assess(fx_settings, project(host_countries=["CN"], partners=[{"name": "Xinjiang Police College", "country": "CN"}]))
    [flag] = _flags(r, "list-match")
    assert flag.level == "high"
    ev = _evidence(flag)
    assert "us_csl entry" in ev and "Entity List" in ev and "84-FR-54002" in ev
    assert not _flags(r, "asset-freeze-match")  # the Entity List is not an asset freeze
    assert r.risk == "high"


def test_possible_match_is_medium_until_an_analyst_decides(fx_settings, project):
    partners = [{"name": "Xinjiang Police School", "country": "CN"}]
    r = _assess(fx_settings, project(host_countries=["CN"], partners=partners))
    [flag] = _flags(r, "possible-match")
    assert flag.level == "medium" and "Xinjiang Police College" in _evidence(flag)
    csl = next(h for h in r.parties[0].hits if h.card.source == "us_csl")

    decided = dict(party="Xinjiang Police School", source="us_csl", entity_id=csl.card.record_id,
                   reviewer="A. Analyst", date="2026-11-20", reason="a different school")
    r2 = _assess(fx_settings, project(host_countries=["CN"], partners=partners,
                                      reviewed=[{**decided, "decision": "false_positive"}]))
    assert all(h.card.source != "us_csl" for h in r2.parties[0].hits)
    assert r2.doc["audit"]["decisions"][0]["decision"] == "false_positive"

    r3 = _assess(fx_settings, project(host_countries=["CN"], partners=partners,
                                      reviewed=[{**decided, "decision": "confirmed"}]))
    assert [f.level for f in _flags(r3, "list-match")] == ["high"]
    assert "confirmed by an analyst" in _evidence(_flags(r3, "list-match")[0])


def test_unit_documented_for_abuses_is_high(fx_settings, project):
    r = _assess(fx_settings, project(host_countries=["LK"], assistance=["sgbv-victim-support"],
                                     beneficiaries=[{"name": "Sri Lanka Police Special Task Force", "country": "LK"}]))
    [flag] = _flags(r, "unit-of-concern")
    assert flag.level == "high" and "sundaypost.com" in _evidence(flag)


def test_direct_link_to_a_listed_body_is_high(fx_settings, project):
    r = _assess(fx_settings, project(host_countries=["CN"], partners=[{"name": "Hunan Police Academy", "country": "CN"}]))
    [flag] = _flags(r, "linked-to-listed")
    assert flag.level == "high"
    ev = _evidence(flag)
    assert "cooperates with Xinjiang Police College" in ev and "US Entity List, 9 Oct 2019" in ev
    assert "dangerous-liaisons" in ev  # the source of the link
    assert not r.parties[0].hits or all(h.card.source == "register" for h in r.parties[0].hits)


def test_longer_chain_to_a_documented_body_is_medium(fx_settings, project):
    r = _assess(fx_settings, project(host_countries=["CN"], partners=[{"name": "Shanghai Police College", "country": "CN"}]))
    [flag] = _flags(r, "linked-to-abuser")
    assert flag.level == "medium"
    assert "trains Shanghai Municipal Public Security Bureau \u2192 is subordinate to Ministry of Public Security" in _evidence(flag)


def test_sanctioned_officers_of_a_party(fx_settings, project):
    r = _assess(fx_settings, project(host_countries=["LK"], partners=[{"name": "Sri Lanka Army", "country": "LK"}]))
    [flag] = _flags(r, "sanctioned-officials")
    assert flag.level == "high" and "Shavendra" in _evidence(flag).title()


def test_assistance_matching_a_documented_abuse_is_high(fx_settings, project):
    r = _assess(fx_settings, project(host_countries=["LK"], assistance=["investigative-interviewing"],
                                     beneficiaries=[{"name": "Sri Lanka Police Special Task Force", "country": "LK"}]))
    [flag] = _flags(r, "capability-matches-abuse")
    assert flag.level == "high" and "can contribute to torture and ill-treatment" in _evidence(flag)
    # the same unit with victim-support training: no capability match
    r2 = _assess(fx_settings, project(host_countries=["LK"], assistance=["sgbv-victim-support"],
                                      beneficiaries=[{"name": "Sri Lanka Police Special Task Force", "country": "LK"}]))
    assert not _flags(r2, "capability-matches-abuse")


def test_unscreenable_party_is_flagged_not_dropped(fx_settings, project, tmp_path):
    (tmp_path / "partners.csv").write_text("name,country,role\nHunan Police Academy,CN,college\n,CN,blank row\n",
                                           encoding="utf-8")
    r = _assess(fx_settings, project(host_countries=["CN"], partners=None, partners_file="partners.csv"))
    assert [p.party.where for p in r.parties] == ["partners.csv row 2", "partners.csv row 3"]
    [flag] = _flags(r, "not-screened")
    assert flag.level == "medium" and "partners.csv row 3: empty name" in flag.finding
    assert r.parties[0].party.detail == "college"


def test_designation_after_the_start_of_ongoing_work(fx_settings, project):
    base = dict(host_countries=["CN"], partners=[{"name": "Hunan Police Academy", "country": "CN"}], start="2018-04")
    r = _assess(fx_settings, project(stage="ongoing", previous_assessment={"date": "2018-03"}, **base))
    [flag] = _flags(r, "designated-since-start")
    assert flag.level == "high" and "9 Oct 2019, after the project start (2018-04)" in _evidence(flag)
    assert not _flags(_assess(fx_settings, project(stage="proposal", **base)), "designated-since-start")


def test_host_country_without_indicators(fx_settings, project):
    r = _assess(fx_settings, project(host_countries=["Norway"]))
    [flag] = _flags(r, "host-not-assessed")
    assert flag.level == "medium" and "NO" in flag.finding
    assert r.doc["host_countries"][0]["recorded"] is False


@pytest.mark.parametrize("rule_id, host, assistance, level, evidence", [
    ("priority-country", "LK", "community-policing", "medium", "gov.uk/government/publications/human-rights-priority"),
    ("political-terror", "CN", "community-policing", "medium", "PTS amnesty 4, hrw 4, state 5"),
    ("death-penalty", "CN", "community-policing", "medium", "retentionist"),
    ("death-penalty", "CN", "judiciary-prosecution", "high", "can contribute to the death penalty"),
    ("armed-conflict", "RU", "community-policing", "medium", "war against Ukraine"),
    ("higher-risk-assistance", "GB", "forensics", "medium", "Entity List"),
])
def test_host_and_assistance_rules(fx_settings, project, rule_id, host, assistance, level, evidence):
    r = _assess(fx_settings, project(host_countries=[host], assistance=[assistance]))
    [flag] = _flags(r, rule_id)
    assert flag.level == level and evidence in _evidence(flag)


def test_sri_lanka_is_not_flagged_for_the_death_penalty(fx_settings, project):
    r = _assess(fx_settings, project(host_countries=["LK"], assistance=["judiciary-prosecution"]))
    assert not _flags(r, "death-penalty")  # abolitionist in practice


def test_renewal_without_an_earlier_assessment(fx_settings, project):
    r = _assess(fx_settings, project(stage="renewal"))
    [flag] = _flags(r, "no-prior-assessment")
    assert flag.level == "medium"
    assert not _flags(_assess(fx_settings, project(stage="renewal", previous_assessment={"date": 2020})),
                      "no-prior-assessment")


def test_low_risk_project_has_no_flag(fx_settings, project):
    r = _assess(fx_settings, project())
    assert r.flags == [] and r.risk == "low" and r.parties[0].status == "clear"
    assert r.doc["summary"]["approval"].startswith("The delivering organisation's accountable lead")


def test_every_rule_has_user_text_and_a_test():
    import re
    from pathlib import Path

    text = Path(__file__).read_text(encoding="utf-8")
    tested = set(re.findall(r'_flags\([^,]+, "([a-z-]+)"\)', text)) | set(re.findall(r'\("([a-z-]+)", "[A-Z]{2}"', text))
    for r in RULES:
        assert r.title and len(r.text) > 40, r.id
    assert {r.id for r in RULES} <= tested, {r.id for r in RULES} - tested


def test_readme_documents_every_rule():
    from .conftest import ROOT

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for r in RULES:
        assert f"| `{r.id}` |" in readme, r.id


def test_host_context_names_individually_sanctioned_people(fx_settings, project):
    r = _assess(fx_settings, project(host_countries=["LK"]))
    officials = r.doc["host_countries"][0]["sanctioned_officials"]
    silva = next(o for o in officials if "SILVA" in o["name"])
    assert silva["served"] == ["Sri Lanka Army"] and "GHR" not in silva["flag"] and "24 Mar 2025" in silva["flag"]
    assert silva["sources"] and all(o["sources"] for o in officials)


def test_two_parties_of_one_name_born_in_different_years_are_screened_apart(fx_settings, project):
    # CHEN, Quanguo is listed born 1955 (OFAC SDN fixture)
    r = _assess(fx_settings, project(partners=[{"name": "Chen Quanguo", "kind": "person", "born": 1955},
                                               {"name": "Chen Quanguo", "kind": "person", "born": 1990}]))
    scores = [max(h.score for h in p.hits if h.card.source == "ofac_sdn") for p in r.parties if p.party.role == "partner"]
    assert scores == [100, 80]
