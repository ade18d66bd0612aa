"""`hrdd register ...` and register hits in `hrdd check` / `hrdd screen` (no list needed:
`--source register` searches the register alone)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from screen.cli import app
from screen.exitcodes import ExitCode

from .test_register import GOOD_BODY, GOOD_SOURCES, _folder


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.setenv("HRDD_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("HRDD_REGISTER", raising=False)
    runner = CliRunner()

    def invoke(*args: str, **kw):  # type: ignore[no-untyped-def]
        return runner.invoke(app, list(args), **kw)

    return invoke


def _check(run, name: str) -> dict:
    r = run("check", name, "--source", "register", "--format", "json", "--fail-on", "never")
    assert r.exit_code == ExitCode.OK, r.output
    return json.loads(r.stdout)


def test_validate_the_shipped_register(run):
    r = run("register", "validate")
    assert r.exit_code == ExitCode.OK, r.output
    assert "valid" in r.stdout and "bodies in" in r.stdout
    data = json.loads(run("register", "validate", "--format", "json").stdout)
    assert data["valid"] and data["summary"]["bodies"] >= 60 and data["errors"] == []


def test_validate_a_broken_user_folder_exits_3_naming_the_file(run, tmp_path):
    folder = _folder(tmp_path, {"bad.yaml": GOOD_BODY.replace("kind: organisation", "kind: robot")})
    r = run("register", "validate", str(folder))
    assert r.exit_code == ExitCode.BAD_INPUT
    assert "bad.yaml" in r.stdout and "'robot' is not one of" in r.stdout and "invalid" in r.stdout


def test_show_a_body_with_its_sources_and_chains(run):
    r = run("register", "show", "cn-hunan-police-academy")
    assert r.exit_code == ExitCode.OK, r.output
    assert "湖南警察学院" in r.stdout and "readkong.com" in r.stdout
    assert "cooperates with Xinjiang Police College \u2014 US Entity List, 9 Oct 2019" in r.stdout
    data = json.loads(run("register", "show", "cn-ppsuc", "--format", "json").stdout)
    assert data["links"][0]["target_name"] == "Xinjiang Police College" and data["links"][0]["sources"][0]["url"]
    r = run("register", "show", "cn-hunan-police-acadmy")
    assert r.exit_code == ExitCode.USAGE and "did you mean cn-hunan-police-academy" in r.output


@pytest.mark.parametrize(
    ("query", "body_id", "chain_end"),
    [
        ("Hunan Police Academy", "cn-hunan-police-academy", "Xinjiang Police College"),
        ("湖南警察学院", "cn-hunan-police-academy", "Xinjiang Police College"),
        ("Shanghai Police College", "cn-shanghai-police-college", "Ministry of Public Security of the People's Republic of China"),
        ("People's Public Security University of China", "cn-ppsuc", "Ministry of Public Security of the People's Republic of China"),
        ("Chinese People's Public Security University", "cn-ppsuc", None),
        ("PPSUC", "cn-ppsuc", None),
        ("中国人民公安大学", "cn-ppsuc", None),
        # Chinese names of the listed surveillance companies, which the lists give in English only
        ("海康威视", "cn-hikvision", None),
        ("科大讯飞", "cn-iflytek", None),
        ("商汤科技", "cn-sensetime", None),
        ("旷视科技", "cn-megvii", None),
        ("浙江大华技术股份有限公司", "cn-dahua", None),
        ("美亚柏科", "cn-meiya-pico", None),
        ("Sri Lanka Police Special Task Force", "lk-special-task-force", "Sri Lanka Police"),
        ("Sri Lanka Police Criminal Investigation Department", "lk-criminal-investigation-department", "Sri Lanka Police"),
        ("Terrorism Investigation Division", "lk-terrorism-investigation-division", "Sri Lanka Police"),
    ],
)
def test_partners_found_in_the_register_with_their_chains(run, query, body_id, chain_end):
    data = _check(run, query)
    top = data["hits"][0]
    assert top["source"] == "register" and top["register"]["id"] == body_id, data["hits"][:2]
    assert top["level"] == "match"
    if chain_end:
        assert any(c["end"]["name"] == chain_end for c in top["links"]), top["links"]
        for c in top["links"]:
            assert all(step["sources"] for step in c["steps"])


def test_sri_lankan_units_carry_the_un_finding(run):
    top = _check(run, "Sri Lanka Police CID")["hits"][0]
    assert top["register"]["id"] == "lk-criminal-investigation-department"
    torture = [c for c in top["register"]["concerns"] if c["category"] == "torture"]
    assert torture and "undocs.org/CAT/C/LKA/CO/5" in torture[0]["sources"][0]


@pytest.mark.parametrize("query", ["Police Scotland", "College of Policing", "Zhejiang Police College",
                                   "Hunan Goke Microelectronics", "Shanghai Jiao Tong University"])
def test_unrelated_names_are_clear(run, query):
    assert _check(run, query)["hits"] == [], query


def test_table_output_shows_the_chain_and_evidence(run):
    r = run("check", "Hunan Police Academy", "--source", "register")
    assert r.exit_code == ExitCode.FLAGGED
    assert "link: cooperates with Xinjiang Police College" in r.stdout
    assert "evidence (Hunan Police Academy → Xinjiang Police College)" in r.stdout


def test_a_user_register_folder_is_screened_like_the_shipped_one(run, tmp_path):
    body = GOOD_BODY + ("links:\n  - type: cooperates_with\n    target: cn-xinjiang-police-college\n"
                        "    summary: An invented cooperation for the test.\n    sources: [local-report]\n")
    folder = _folder(tmp_path, {"x.yaml": body}, GOOD_SOURCES)
    r = run("check", "Example Special Unit", "--source", "register", "--register", str(folder), "--format", "json")
    assert r.exit_code == ExitCode.FLAGGED, r.output
    top = json.loads(r.stdout)["hits"][0]
    assert top["register"]["id"] == "gb-example-unit"
    assert [c["end"]["name"] for c in top["links"]] == ["Xinjiang Police College"]
    # a broken user folder is bad input (exit 3), naming the file
    bad = _folder(tmp_path / "b", {"bad.yaml": "id: [\n"})
    r = run("check", "x", "--source", "register", "--register", str(bad))
    assert r.exit_code == ExitCode.BAD_INPUT and "bad.yaml" in r.output
