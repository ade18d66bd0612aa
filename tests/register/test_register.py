"""The curated register: the shipped data validates and meets its coverage, the validator
catches each kind of error with the file named, links are followed as documented, and
register bodies are matched with the same engine as the lists."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from screen.register import check_folders, chains, load_register, shipped_folder
from screen.register.load import RegisterError
from screen.register.model import Body, Concern, Designation, Link, Register, Source
from screen.register.vocab import CONCERNS, LINK_TYPES, LISTS, SECTORS


@pytest.fixture(scope="module")
def shipped() -> Register:
    register, problems = check_folders([shipped_folder()])
    assert register is not None, [str(p) for p in problems]
    return register


def test_shipped_register_validates_without_errors_or_warnings():
    register, problems = check_folders([shipped_folder()])
    assert register is not None
    assert [str(p) for p in problems] == []


def test_shipped_register_coverage(shipped):
    assert len(shipped.bodies) >= 60
    assert len({b.country for b in shipped.bodies.values()}) >= 12
    assert all(b.sources for b in shipped.bodies.values())
    for b in shipped.bodies.values():
        for fact in (*b.aliases, *b.concerns, *b.designations, *b.links):
            assert fact.sources and all(s in shipped.sources for s in fact.sources), (b.id, fact)
        for link in b.links:
            assert link.target in shipped.bodies
        assert b.country in shipped.countries, b.id
    assert all(s.url.startswith(("http://", "https://")) for s in shipped.sources.values())
    # native-script names for the Chinese police institutions
    assert any(a.script == "Han" for a in shipped.bodies["cn-ppsuc"].aliases)
    assert any(a.script == "Han" for a in shipped.bodies["cn-hunan-police-academy"].aliases)
    # each body either is listed, has documented concerns, or says why it is there and links somewhere
    for b in shipped.bodies.values():
        assert b.designations or b.concerns or b.links or any(
            k.target == b.id for o in shipped.bodies.values() for k in o.links), b.id


def test_countries_and_assistance_types(shipped):
    cn, lk = shipped.countries["CN"], shipped.countries["LK"]
    assert cn.indicators["pts"].value == {"amnesty": 4, "hrw": 4, "state": 5} and cn.indicators["pts"].year == 2023
    assert cn.indicators["hrpc"].value is True and lk.indicators["hrpc"].value is True
    assert lk.indicators["death_penalty"].value == "abolitionist in practice"
    assert shipped.countries["GB"].indicators["freedom_house"].value["status"] == "F"
    kinds = set(shipped.assistance)
    assert {"investigative-interviewing", "public-order", "counter-terrorism", "forensics", "surveillance-intelligence",
            "detention-prisons", "border", "judiciary-prosecution", "equipment", "community-policing",
            "human-rights-oversight"} <= kinds
    assert "torture" in shipped.assistance["investigative-interviewing"].concerns
    assert shipped.assistance["investigative-interviewing"].higher_risk


def test_vocabularies_match_the_schema():
    schema = json.loads((shipped_folder() / "schema" / "body.schema.json").read_text())
    props = schema["properties"]
    assert set(props["sector"]["enum"]) == set(SECTORS)
    assert set(props["concerns"]["items"]["properties"]["category"]["enum"]) == set(CONCERNS)
    assert set(props["links"]["items"]["properties"]["type"]["enum"]) == set(LINK_TYPES)
    assert set(props["designations"]["items"]["properties"]["list"]["enum"]) == set(LISTS)


# -- the validator on broken folders ------------------------------------------------------

GOOD_SOURCES = """local-report:
  url: https://example.org/report
  publisher: Example NGO
  title: A report
  date: 2024-01-02
"""

GOOD_BODY = """id: gb-example-unit
name: Example Special Unit
kind: organisation
country: GB
sector: police
basis: An invented body used by the tests of the register validator.
sources: [local-report]
concerns:
  - category: torture
    summary: An invented finding for the tests.
    sources: [local-report]
"""


def _folder(tmp_path: Path, bodies: dict[str, str], sources: str | bytes | None = GOOD_SOURCES) -> Path:
    folder = tmp_path / "mine"
    (folder / "bodies" / "gb").mkdir(parents=True)
    if sources is not None:
        (folder / "sources.yaml").write_bytes(sources if isinstance(sources, bytes) else sources.encode())
    for name, text in bodies.items():
        (folder / "bodies" / "gb" / name).write_bytes(text if isinstance(text, bytes) else text.encode())
    return folder


def _errors(folder: Path) -> list[str]:
    register, problems = check_folders([shipped_folder(), folder])
    errors = [str(p) for p in problems if p.severity == "error"]
    assert (register is None) == bool(errors)
    return errors


def test_a_good_user_folder_adds_its_bodies(tmp_path):
    folder = _folder(tmp_path, {"x.yaml": GOOD_BODY})
    assert _errors(folder) == []
    reg = load_register([folder])
    assert "gb-example-unit" in reg.bodies and reg.version.endswith("+local")


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        (GOOD_BODY.replace("basis: An invented body used by the tests of the register validator.\n", ""),
         "'basis' is a required property"),
        (GOOD_BODY.replace("sector: police", "sector: bakery"), "(sector): error: 'bakery' is not one of"),
        (GOOD_BODY.replace("sources: [local-report]\nconcerns", "sources: [nowhere]\nconcerns"),
         "(sources): error: unknown source id 'nowhere'"),
        (GOOD_BODY + "links:\n  - {type: trains, target: xx-nobody, summary: An invented link here., sources: [local-report]}\n",
         "(links[0].target): error: link to unknown body id 'xx-nobody'"),
        (GOOD_BODY + "links:\n  - {type: befriends, target: cn-ppsuc, summary: An invented link here., sources: [local-report]}\n",
         "(links[0].type): error: 'befriends' is not one of"),
        (GOOD_BODY + "links:\n  - {type: trains, target: gb-example-unit, summary: An invented link here., sources: [local-report]}\n",
         "a body cannot link to itself"),
        (GOOD_BODY.replace("id: gb-example-unit", "id: cn-ppsuc"), "duplicate id 'cn-ppsuc'"),
        ("id: [unclosed\n", "not valid YAML"),
        (b"id: \xff\xfe bad bytes\n", "not UTF-8 text"),
        ("", "empty file"),
        (GOOD_BODY.replace("concerns:", "surprise: 1\nconcerns:"), "Additional properties are not allowed ('surprise'"),
    ],
)
def test_the_validator_names_the_file_and_the_problem(tmp_path, body, expected):
    folder = _folder(tmp_path, {"bad.yaml": body})
    errors = _errors(folder)
    assert any(expected in e and "bad.yaml" in e for e in errors), errors


def test_a_broken_sources_file_is_reported_once_not_per_citation(tmp_path):
    folder = _folder(tmp_path, {"x.yaml": GOOD_BODY}, sources="local-report:\n  url: not a url\n")
    errors = _errors(folder)
    assert errors and all("sources.yaml" in e for e in errors)


@pytest.mark.parametrize("text", ["CN: &c\n  name: China\n  indicators: {}\nLK: *c\n", "CN: [not, a, mapping]\n"])
def test_a_broken_countries_file_is_one_error_not_a_warning_per_body_and_source(tmp_path, text):
    folder = tmp_path / "copy"
    shutil.copytree(shipped_folder(), folder)
    (folder / "countries.yaml").write_text(text)
    register, problems = check_folders([folder])
    assert register is None
    assert problems and all(p.file.endswith("countries.yaml") for p in problems), [str(p) for p in problems]


def test_an_empty_sources_file_does_not_hide_unknown_citations(tmp_path):
    folder = _folder(tmp_path, {"x.yaml": GOOD_BODY}, sources="")
    assert any("unknown source id 'local-report'" in e for e in _errors(folder))


def test_load_register_raises_with_every_error_and_caches_good_results(tmp_path):
    bad = _folder(tmp_path, {"bad.yaml": GOOD_BODY.replace("kind: organisation", "kind: robot")})
    with pytest.raises(RegisterError) as exc:
        load_register([bad], cache_dir=tmp_path / "cache")
    assert "bad.yaml" in str(exc.value) and "hrdd register validate" in str(exc.value)
    good_dir = tmp_path / "good"
    shutil.copytree(bad, good_dir)
    (good_dir / "bodies" / "gb" / "bad.yaml").write_text(GOOD_BODY)
    first = load_register([good_dir], cache_dir=tmp_path / "cache")
    assert list((tmp_path / "cache").glob("register-*.pickle"))
    assert load_register([good_dir], cache_dir=tmp_path / "cache") == first
    # an edited file changes the digest: the cache is not reused
    (good_dir / "bodies" / "gb" / "bad.yaml").write_text(GOOD_BODY.replace("Example Special Unit", "Renamed Unit"))
    assert load_register([good_dir], cache_dir=tmp_path / "cache").bodies["gb-example-unit"].name == "Renamed Unit"


def test_a_missing_folder_is_an_error(tmp_path):
    with pytest.raises(RegisterError, match="register folder not found"):
        load_register([tmp_path / "absent"])


# -- following links ------------------------------------------------------------------------

def _reg(*bodies: Body) -> Register:
    src = {"s": Source("s", "https://example.org", "P", "T", "2024")}
    return Register({b.id: b for b in bodies}, src, {}, {}, (), "test", "0")


def _b(bid: str, *links: tuple[str, str], flagged: bool = False, listed: bool = False) -> Body:
    return Body(
        bid, bid.upper(), "organisation", "XX", "police", "test body for link following", ("s",),
        concerns=(Concern("torture", "a finding", ("s",)),) if flagged else (),
        designations=(Designation("ofac_sdn", "GLOMAG", "1", "2020-01-01", ("s",)),) if listed else (),
        links=tuple(Link(t, target, "a link", ("s",)) for t, target in links),
    )


def test_chain_to_a_listed_body_through_a_cooperation():
    reg = _reg(_b("xx-a", ("cooperates_with", "xx-b")), _b("xx-b", listed=True))
    (c,) = chains(reg, "xx-a")
    assert [s.target for s in c.steps] == ["xx-b"]
    assert c.describe(reg) == "cooperates with XX-B \u2014 OFAC SDN List (GLOMAG), 1 Jan 2020"
    # cooperation reads both ways
    (back,) = chains(_reg(_b("xx-a", listed=True), _b("xx-b", ("cooperates_with", "xx-a"))), "xx-b")
    assert back.steps[0].relation == "cooperates with"


def test_chains_stop_at_the_first_flagged_body_and_respect_depth():
    reg = _reg(_b("xx-a", ("trains", "xx-b")), _b("xx-b", ("subordinate_to", "xx-c")),
               _b("xx-c", ("part_of", "xx-d"), flagged=True), _b("xx-d", listed=True))
    (c,) = chains(reg, "xx-a")
    assert [s.target for s in c.steps] == ["xx-b", "xx-c"]
    assert chains(reg, "xx-a", depth=1) == []


def test_no_sibling_chains_up_and_down_a_hierarchy():
    # a college under a ministry is not linked to the ministry's other (listed) institute
    reg = _reg(_b("xx-college", ("subordinate_to", "xx-ministry")), _b("xx-ministry"),
               _b("xx-institute", ("subordinate_to", "xx-ministry"), listed=True))
    assert chains(reg, "xx-college") == []
    # but the ministry itself reaches its listed unit (inverse of subordinate_to)
    (c,) = chains(reg, "xx-ministry")
    assert c.steps[0].relation == "has as a subordinate" and c.steps[0].inverse


def test_a_flagged_start_only_shows_direct_links():
    reg = _reg(_b("xx-a", ("cooperates_with", "xx-b"), listed=True), _b("xx-b", ("cooperates_with", "xx-c")),
               _b("xx-c", listed=True))
    assert chains(reg, "xx-a") == []
    assert [c.end for c in chains(reg, "xx-b")] == ["xx-a", "xx-c"]


def test_chains_on_the_shipped_register(shipped):
    hunan = [c.describe(shipped) for c in chains(shipped, "cn-hunan-police-academy")]
    assert hunan[0].startswith("cooperates with Xinjiang Police College \u2014 US Entity List, 9 Oct 2019")
    ppsuc = {c.end for c in chains(shipped, "cn-ppsuc")}
    assert {"cn-xinjiang-police-college", "cn-xpcc-psb"} <= ppsuc
    (spc,) = chains(shipped, "cn-shanghai-police-college")
    assert [s.target for s in spc.steps] == ["cn-shanghai-municipal-psb", "cn-ministry-of-public-security"]
    for unit in ("lk-special-task-force", "lk-criminal-investigation-department", "lk-terrorism-investigation-division"):
        assert shipped.bodies[unit].concerns and [c.end for c in chains(shipped, unit)] == ["lk-sri-lanka-police"]
    army = {c.end for c in chains(shipped, "lk-sri-lanka-army")}
    assert {"lk-shavendra-silva", "lk-jagath-jayasuriya"} <= army

