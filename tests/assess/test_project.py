"""Project files: what is read, and a clear message naming the file and the place for
everything that is wrong."""

from __future__ import annotations

import pytest

from screen.assess.project import ProjectError, check_assistance, load_project
from screen.errors import InputError

from .conftest import ROOT


@pytest.mark.parametrize("name", ["uk-china-policing", "sri-lanka-police-training", "community-policing-uk"])
def test_the_examples_load(name):
    p = load_project(ROOT / "examples" / f"{name}.yaml")
    assert p.title and p.host_countries and p.assistance and p.parties
    assert all(party.name and not party.problem for party in p.parties)


def test_parties_in_order_with_roles_and_places(project):
    p = load_project(project(funder="British Council", implementer={"name": "LPC", "country": "United Kingdom"},
                             partners=[{"name": "Hunan Police Academy", "country": "china", "kind": "organisation",
                                        "role": "college"}],
                             beneficiaries=[{"name": "A unit"}], start=2018, end="2023-03"))
    assert [(x.role, x.where) for x in p.parties] == [
        ("funder", "funder"), ("implementer", "implementer"), ("partner", "partners[0]"),
        ("beneficiary", "beneficiaries[0]")]
    assert p.parties[1].country == "GB" and p.parties[2].country == "CN" and p.parties[2].kind == "org"
    assert (p.start, p.end, p.stage) == ("2018", "2023-03", "proposal")
    assert len(p.sha256) == 64


@pytest.mark.parametrize("fields, message", [
    ({"title": None}, "(top level): 'title' is a required property"),
    ({"host_countries": ["Atlantis"]}, "host_countries[0]: country 'Atlantis' is not a country name or ISO code"),
    ({"partners": [{"name": "X", "country": "Narnia"}]}, "partners[0].country: country 'Narnia' is not a country"),
    ({"partners": [{"name": "X", "country": "Korean"}]},
     "partners[0].country: country 'Korean' names more than one country (KP, KR); give an ISO code"),
    ({"partners": [{"name": "X", "kind": "robot"}]}, "partners[0].kind: 'robot' is not one of"),
    ({"partners": [{"nmae": "X"}]}, "partners[0]: Additional properties are not allowed ('nmae' was unexpected)"),
    ({"stage": "done"}, "stage: 'done' is not one of"),
    ({"partners": [{"name": "X", "kind": "person", "born": "sixties"}]}, "partners[0].born: 'sixties' does not match"),
    ({"start": "last year"}, "start: 'last year' does not match"),
    ({"assistance": []}, "assistance: [] should be non-empty"),
    ({"partners": [], "funder": None}, "nothing to screen"),
    ({"reviewed": [{"party": "X", "source": "ofac", "entity_id": "1", "decision": "false_positive",
                    "reviewer": "me", "date": "2026-01-01"}]}, "reviewed[0].source: 'ofac' is not one of"),
    ({"partners_file": "missing.csv"}, "partners_file: cannot read 'missing.csv'"),
])
def test_problems_are_named_with_their_place(project, fields, message):
    with pytest.raises(ProjectError) as err:
        load_project(project(**fields))
    assert "project.yaml" in str(err.value) and message in str(err.value), str(err.value)


def test_every_problem_is_reported_at_once(project):
    with pytest.raises(ProjectError) as err:
        load_project(project(title=None, stage="done", host_countries=["Atlantis"]))
    assert len(err.value.problems) == 2  # schema problems first; country names are checked once the schema passes
    assert "2 problem(s)" in str(err.value)


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"title: [unclosed\n", "line 2: not valid YAML"),
    (b"- a list\n", "a project file is a YAML mapping"),
    (b"title: \xff\xfe bad\n", "line 1: not UTF-8 text"),
    (b"title: a\x00b\n", "NUL byte"),
])
def test_unreadable_files(tmp_path, content, message):
    path = tmp_path / "p.yaml"
    path.write_bytes(content)
    with pytest.raises(InputError) as err:
        load_project(path)
    assert str(path) in str(err.value) and message in str(err.value), str(err.value)


def test_missing_file_and_folder(tmp_path):
    with pytest.raises(InputError, match="no such file"):
        load_project(tmp_path / "nope.yaml")
    with pytest.raises(InputError, match="is a folder"):
        load_project(tmp_path)


def test_unknown_assistance_type_suggests_the_nearest(project):
    p = load_project(project(assistance=["forensic"]))
    with pytest.raises(ProjectError, match="unknown assistance type 'forensic'; did you mean 'forensics'"):
        check_assistance(p, {"forensics": object(), "border": object()})


def test_partners_spreadsheet_rows_keep_their_place(project, tmp_path):
    (tmp_path / "p.csv").write_text("organisation,country,role\nA,CN,x\n,CN,\nB,Narnia,\n", encoding="utf-8")
    with pytest.raises(ProjectError, match=r"p.csv, row 4: country 'Narnia' is not a country"):
        load_project(project(partners=None, partners_file="p.csv"))
    (tmp_path / "p.csv").write_text("organisation,country,role\nA,CN,x\n,CN,\n", encoding="utf-8")
    p = load_project(project(partners=None, partners_file="p.csv"))
    assert [(x.name, x.where, x.problem) for x in p.parties] == [("A", "p.csv row 2", None), (None, "p.csv row 3", "empty name")]


def test_a_country_may_be_given_as_its_people_adjective(project, tmp_path):
    """As for `hrdd check --country` and a spreadsheet's country column, "Chinese" is read
    as CN rather than refused."""
    p = load_project(project(host_countries=["Chinese"], partners=[{"name": "A", "country": "Chinese"}]))
    assert p.host_countries == ("CN",) and [x.country for x in p.parties if x.role == "partner"] == ["CN"]
    (tmp_path / "p.csv").write_text("organisation,country\nA,Russian\n", encoding="utf-8")
    p = load_project(project(partners=None, partners_file="p.csv"))
    assert [x.country for x in p.parties if x.role == "partner"] == ["RU"]


def test_a_persons_birth_date_is_read_from_the_project_and_its_spreadsheet(project, tmp_path):
    p = load_project(project(partners=[{"name": "Chen Quanguo", "kind": "person", "born": 1955},
                                       {"name": "A Person", "kind": "person", "born": "1960-02-01"}]))
    assert [x.born for x in p.parties if x.role == "partner"] == ["1955", "1960-02-01"]
    (tmp_path / "p.csv").write_text("name,kind,date of birth\nChen Quanguo,person,1955\nB,person,unknown\n",
                                    encoding="utf-8")
    with pytest.raises(ProjectError, match=r"p.csv, row 3: birth date 'unknown' holds no year"):
        load_project(project(partners=None, partners_file="p.csv"))
