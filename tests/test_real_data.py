"""The parsers and the import on the real publisher files in ../shared/data/lists.

Skipped with a reason when the files are absent; mandatory when HRDD_REQUIRE_REAL_DATA=1
(as in CI). Expected counts are the publishers' own (see the data MANIFEST)."""

from __future__ import annotations

from pathlib import Path

import pytest

from screen import lists
from screen.store.snapshots import ListStore

EXPECTED = {"ofac_sdn": 14_965, "ofac_cons": 442, "us_csl": 14_160, "uk": 4_688, "un": 1_003, "opensanctions": 5_600}


@pytest.fixture(scope="module")
def imported(tmp_path_factory, real_lists):
    from datetime import UTC, datetime

    from screen.settings import Settings

    settings = Settings(home=tmp_path_factory.mktemp("real") / "home")
    report = lists.import_paths([real_lists], settings, lambda: datetime(2026, 11, 23, tzinfo=UTC))
    return settings, report


def test_import_of_every_folder_gives_the_publishers_counts(imported):
    settings, report = imported
    published = {o.source: o.manifest for o in report.outcomes if o.status == "published"}
    assert {s: m.entities for s, m in published.items()} == EXPECTED
    assert report.ok
    assert published["uk"].records == 18_798  # name rows, grouped into 4,688 designations
    assert published["uk"].published == "2025-04-14"
    assert published["un"].published == "2026-02-27"
    assert published["ofac_cons"].format == "ofac_csv"
    # the DPL file and the alias-only OFAC folder are reported, not silently dropped
    reasons = {u.path.name: u.reason for u in report.unrecognised}
    assert "Denied Persons" in reasons["dpl.txt"]
    assert "without the primary file" in reasons["alt.csv"]


def test_real_records_carry_what_the_matcher_needs(imported):
    settings, _ = imported
    store = ListStore(settings.lists_dir)
    sdn = {e.record_id: e for e in store.entities("ofac_sdn")}
    assert sdn["29220"].name == "CHEN, Quanguo"
    assert sdn["29299"].links[0].target_name == "CHEN, Quanguo"
    csl = store.entities("us_csl")
    xpc = next(e for e in csl if e.name == "Xinjiang Police College")
    assert xpc.listed_on == "2019-10-09" and "84 FR 54002" in xpc.notices[0]
    assert any("People?s Government Public Security Bureau" in e.name for e in csl)
    un = store.entities("un")
    assert sum(1 for e in un for n in e.names if n.script != "Latin") >= 300
    uk = store.entities("uk")
    assert any("Corps Public Security Bureau".lower() in n.value.lower() for e in uk for n in e.names)


def test_enhanced_xml_and_2021_set_parse_completely(real_lists):
    from screen import sources
    from screen.sources.base import FileSet

    r = sources.parse(FileSet("ofac_cons", "ofac_xml", (("main", real_lists / "ofac_cons/CONS_ENHANCED.ZIP"),)))
    assert len(r.entities) == 443 and r.published == "2025-01-10"
    folder = real_lists / "ofac_sdn/2021-07_complete_set"
    r = sources.parse(FileSet("ofac_sdn", "ofac_csv", tuple(
        (role, folder / name) for role, name in
        (("primary", "sdn.csv"), ("alt", "alt.csv"), ("add", "add.csv"), ("comments", "sdn_comments.csv"))
    )))  # fmt: skip
    assert len(r.entities) == 8_976
    assert sum(len(e.names) for e in r.entities) >= 8_976 + 11_910  # every ALT row joined
    assert not r.warnings


# -- matching on the real lists (cases from ../shared/docs/facts.md, section 5) ---------

@pytest.fixture(scope="module")
def real_matcher(imported):
    from screen.screening import load_screener

    settings, _ = imported
    return load_screener(settings, ["ofac_sdn", "ofac_cons", "us_csl", "uk", "un"]).matcher


@pytest.mark.parametrize(
    "query,source,listed,level",
    [
        ("Xinjiang Police College", "us_csl", "Xinjiang Police College", "match"),  # T3
        ("Xinjiang Police Academy", "us_csl", "Xinjiang Police College", "review"),  # T3, fuzzy
        ("XJ Police College", "us_csl", "Xinjiang Police College", "match"),  # T3, abbreviation
        ("XPCC PSB", "uk", "XINJIANG PRODUCTION AND CONSTRUCTION CORPS PUBLIC SECURITY BUREAU", "match"),  # T4
        ("Bingtuan Gong'an Ju", "uk", "XINJIANG PRODUCTION AND CONSTRUCTION CORPS PUBLIC SECURITY BUREAU", "review"),
        ("XUAR People's Government Public Security Bureau", "us_csl",  # T5; "(XUAR)" is also indexed alone
         "Xinjiang Uighur Autonomous Region (XUAR) People?s Government Public Security Bureau", "match"),
        ("Rapid Action Battalion", "ofac_sdn", "RAPID ACTION BATTALION", "match"),  # T7
        ("Tiger Squad", "ofac_sdn", "RAPID INTERVENTION FORCE", "match"),  # T8
        ("Minsk OMON", "us_csl", "MINSK SPECIAL PURPOSE POLICE UNIT", "match"),  # T9
        ("陈全国", "ofac_sdn", "CHEN, Quanguo", "match"),
        ("Urumqi Municipal PSB", "us_csl", "Urumqi Municipal Public Security Bureau", "match"),
        ("Kashi Prefecture PSB", "us_csl", "Kashgar Prefecture Public Security Bureau", "match"),
        ("Hikvision", "us_csl", "Hangzhou Hikvision Digital Technology Co., Ltd.", "match"),
        ("XPCC", "us_csl", "Xinjiang Production and Construction Corps (XPCC)", "match"),
        # Russian institutional words in Latin letters read in English, either way
        ("Izhevsk Mechanical Plant", "ofac_sdn", "IZHEVSKY MEKHANICHESKY ZAVOD JSC", "match"),
        ("Proton-Elektroteks Trading House", "ofac_sdn", "AKTSIONERNOE OBSHCHESTVO TORGOVYI DOM PROTON-ELEKTROTEKS",
         "match"),
        ("Nauchno-Proizvodstvennoe Predpriyatie Salyut", "us_csl", "Scientific-Production Enterprise Salyut, JSC",
         "match"),
        # Arabic script read by its consonants against Latin-only listings
        ("قاسم سلیمانی", "ofac_sdn", "SOLEIMANI, Qasem", "match"),
        ("حسن نصر الله", "ofac_sdn", "NASRALLAH, Hasan", "match"),
        ("مجتبی خامنه\u200cای", "ofac_sdn", "KHAMENEI, Mojtaba", "match"),
    ],
)
def test_real_lists_find_the_listed_body(real_matcher, query, source, listed, level):
    hits = real_matcher.match(query).hits
    found = [h for h in hits if h.source == source and h.card.name == listed]
    assert found, [(h.source, h.card.name, h.score) for h in hits]
    assert found[0].level == level, (found[0].score, found[0].explanation())


def test_real_birth_dates_weigh_on_a_persons_hits(real_matcher):
    from screen.match import Query

    def scores(name, born=None):
        return {(h.source, h.card.name): h.score for h in real_matcher.match(Query(name, "person", born=born)).hits}

    # listed born 1957 (OFAC "DOB 11 Mar 1957"): the year agrees, nothing changes
    assert scores("Qasem Soleimani", "1957")[("ofac_sdn", "SOLEIMANI, Qasem")] == 100
    assert scores("Qasem Soleimani", "1990")[("ofac_sdn", "SOLEIMANI, Qasem")] == 80  # exact name: still a review
    # one vowel from a listed person: a hit by name alone, cleared by a birth year the
    # records contradict
    assert ("ofac_sdn", "SIRHAN, Hala") in scores("Hala Sarhan")
    assert scores("Hala Sarhan", "1990") == {}


@pytest.mark.parametrize(
    "query",
    ["Police Scotland", "College of Policing", "Zhejiang Police College", "Shanghai Public Security Bureau",  # T10
     "Hunan Police Academy", "People's Public Security University of China", "Shanghai Police College"],
)
def test_real_lists_keep_clean_partners_clear(real_matcher, query):
    assert real_matcher.match(query).hits == []


# -- the curated register against the real lists ---------------------------------------

def test_register_designations_are_on_the_real_lists(imported):
    """Every OFAC entity number and UK reference the register gives exists in the real list
    under the body's name or one of its aliases, and every Entity List designation is
    found by the matcher with the same listing date."""
    from screen.match import Matcher, Query
    from screen.names import analyze
    from screen.register import check_folders, shipped_folder

    settings, _ = imported
    store = ListStore(settings.lists_dir)
    register, problems = check_folders([shipped_folder()])
    assert register is not None, problems
    sdn = {e.record_id: e for e in store.entities("ofac_sdn")}
    uk = store.entities("uk")
    csl = Matcher([store.index("us_csl", store.manifest("us_csl").version)])
    checked = {"ofac_sdn": 0, "uk": 0, "us_csl": 0}
    for body in register.bodies.values():
        mine = {frozenset(analyze(n).tokens) for n in (body.name, *(a.name for a in body.aliases))}  # any word order
        for d in body.designations:
            if d.list == "ofac_sdn":
                listed = sdn.get(d.reference)
                assert listed is not None, (body.id, d.reference)
                assert mine & {frozenset(analyze(n.value).tokens) for n in listed.names}, (body.id, listed.name)
                checked["ofac_sdn"] += 1
            elif d.list == "uk":
                hits = [e for e in uk if any(f"(UK Sanctions List Ref):{d.reference}." in r for r in e.remarks)]
                assert hits, (body.id, d.reference)
                assert mine & {frozenset(analyze(n.value).tokens) for e in hits for n in e.names}, (body.id, d.reference)
                day, month, year = dict(hits[0].other)["UK Sanctions List Date Designated"].split("/")
                assert f"{year}-{month}-{day}" == d.date, (body.id, d.reference)
                checked["uk"] += 1
            elif d.list == "us_csl" and d.program == "Entity List":
                found = [h for n in (body.name, *(a.name for a in body.aliases)) for h in csl.match(Query(n)).hits]
                assert any(h.score >= 90 and h.card.listed_on == d.date for h in found), (body.id, found[:2])
                checked["us_csl"] += 1
    assert checked["ofac_sdn"] >= 35 and checked["uk"] >= 8 and checked["us_csl"] >= 30, checked


def test_lpc_partners_are_clear_on_the_lists_but_flagged_through_the_register(imported):
    from screen.match import Query
    from screen.screening import check, load_screener

    settings, _ = imported
    screener = load_screener(settings)
    for name, end in [("Hunan Police Academy", "cn-xinjiang-police-college"),
                      ("People's Public Security University of China", "cn-xinjiang-police-college"),
                      ("Shanghai Police College", "cn-ministry-of-public-security")]:
        report = check(screener, Query(name, country="CN"))
        assert report.hits and {h.source for h in report.hits} == {"register"}, (name, report.hits)
        top = report.hits[0]
        assert end in {c.end for c in report.chains[top.card.id]}
    for name in ("Sri Lanka Police Special Task Force", "Sri Lanka Police CID"):
        report = check(screener, Query(name, country="LK"))
        assert report.hits[0].source == "register" and report.hits[0].level in ("match", "review"), name
        assert report.chains[report.hits[0].card.id], name


@pytest.mark.parametrize("example, risk, flagged", [
    ("uk-china-policing", "high", {"People's Public Security University of China", "Hunan Police Academy"}),
    ("sri-lanka-police-training", "high", {"Sri Lanka Police Special Task Force",
                                           "Criminal Investigation Department, Sri Lanka Police"}),
    ("community-policing-uk", "low", set()),
])
def test_examples_assessed_on_the_real_lists(imported, example, risk, flagged):
    from datetime import UTC, datetime

    from screen.assess import run_assessment

    settings, _ = imported
    path = Path(__file__).resolve().parents[1] / "examples" / f"{example}.yaml"
    result = run_assessment(path, settings, lambda: datetime(2026, 11, 23, tzinfo=UTC), "test")
    assert not result.lists_missing and result.risk == risk, [(f.level, f.finding) for f in result.flags]
    # none of these parties is on an official list: the findings come through the register
    for pr in result.parties:
        assert all(h.card.source == "register" for h in pr.hits), (pr.party.name, [h.card.name for h in pr.hits])
    high = {f.party for f in result.flags if f.level == "high" and f.party}
    assert flagged <= high, high
    searched = {u["source"] for u in result.doc["audit"]["lists"]}
    assert {"ofac_sdn", "ofac_cons", "us_csl", "uk", "un"} <= searched


def test_batch_screen_on_the_real_lists(imported, tmp_path, monkeypatch):
    """`hrdd screen` on the real lists: the gate example's partners and real listed names,
    on two worker processes and on a local Dask cluster, with the same rows; a decision
    taken from the template silences exactly its pair."""
    import json

    import yaml
    from typer.testing import CliRunner

    from screen.cli import app
    from screen.exitcodes import ExitCode

    settings, _ = imported
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795435200")
    names = ["Xinjiang Police College", "Hangzhou Hikvision Digital Technology Co., Ltd.", "Police Scotland",
             "British Council", "陈全国", "Hunan Police Academy", ""]
    f = tmp_path / "partners.csv"
    import csv

    with f.open("w", encoding="utf-8", newline="") as fh:
        csv.writer(fh).writerows([["name"], *([names[i % len(names)]] for i in range(700))])
    runner = CliRunner()

    def hrdd(*args):
        return runner.invoke(app, ["--home", str(settings.home), "screen", str(f), "--format", "jsonl", *args])

    local = hrdd("--jobs", "2")
    assert local.exit_code == ExitCode.FLAGGED, local.output
    rows = [json.loads(x) for x in local.stdout.splitlines()][1:-1]
    assert len(rows) == 700 and [r["row"] for r in rows] == list(range(2, 702))
    first = {r["input"]: r for r in rows[:7]}
    assert first["Xinjiang Police College"]["status"] == "match"
    assert {h["source"] for h in first["Xinjiang Police College"]["hits"]} >= {"us_csl", "register"}
    assert first["陈全国"]["status"] == "match"
    assert first["Police Scotland"]["status"] == "clear" and first["British Council"]["status"] == "clear"
    assert rows[6]["status"] == "skipped"
    dask = hrdd("--engine", "dask", "--jobs", "2")
    assert dask.exit_code == ExitCode.FLAGGED, dask.output
    assert dask.stdout == local.stdout

    template = tmp_path / "d.yaml"
    runner.invoke(app, ["--home", str(settings.home), "screen", str(f), "--decisions-template", str(template)])
    entries = yaml.safe_load(template.read_text(encoding="utf-8"))["decisions"]
    hik = [e for e in entries if e["input"].startswith("Hangzhou Hikvision")]
    assert hik and all(len(e["fingerprint"]) == 16 for e in hik)
    for e in hik:
        e.update(decision="false_positive", reviewer="T", date="2026-11-20", reason="test")
    template.write_text(yaml.safe_dump({"decisions": hik}), encoding="utf-8")
    decided = [json.loads(x) for x in hrdd("--decisions", str(template)).stdout.splitlines()][1:-1]
    assert all(r["status"] == "clear" and r["silenced"] for r in decided if r["input"] == names[1])
    assert [(r["input"], r["status"]) for r in decided if r["input"] != names[1]] == [(r["input"], 
        r["status"]) for r in rows if r["input"] != names[1]]
