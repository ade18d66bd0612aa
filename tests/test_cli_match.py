"""`hrdd check` and `hrdd screen` in-process on lists imported from the fixtures:
output shape, exit codes, bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screen.cli import app
from screen.exitcodes import ExitCode

FIX = Path(__file__).parent / "fixtures"


@pytest.fixture
def home(tmp_path):
    h = tmp_path / "home"
    result = CliRunner().invoke(app, ["--home", str(h), "lists", "import", str(FIX / "us_csl" / "consolidated.csv"),
                                      str(FIX / "ofac_sdn"), str(FIX / "un")])
    assert result.exit_code == 0, result.output
    return h


@pytest.fixture
def run(home):
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, ["--home", str(home), *args], input=input)

    return invoke


def test_check_hit_json_shape_and_exit_1(run):
    r = run("check", "Xinjiang Police College", "--format", "json")
    assert r.exit_code == ExitCode.FLAGGED, r.output
    body = json.loads(r.stdout)
    hit = body["hits"][0]
    assert hit["source"] == "us_csl" and hit["name"] == "Xinjiang Police College"
    assert hit["score"] == 100 and hit["level"] == "match"
    assert hit["listed_on"] == "2019-10-09"
    assert {"source", "entity_id", "name", "matched_name", "score", "level", "programs", "explanation"} <= hit.keys()
    assert {u["source"] for u in body["lists"]} == {"us_csl", "ofac_sdn", "un", "register"}
    assert all(len(u["sha256"]) == 64 for u in body["lists"])


def test_check_explain_names_the_normalisation(run):
    r = run("check", "陈全国", "--explain")
    assert r.exit_code == ExitCode.FLAGGED, r.output
    assert "pinyin" in r.stdout and "CHEN, Quanguo" in r.stdout


def test_check_shows_what_the_list_says_of_a_person(run):
    # the OFAC fixture gives CHEN, Quanguo "DOB 1955; ... nationality China"
    r = run("check", "Chen Quanguo", "--explain", "--no-register", "--source", "ofac_sdn")
    assert "listed: born 1955; countries CN" in r.stdout
    hit = json.loads(run("check", "Chen Quanguo", "--format", "json", "--source", "ofac_sdn").stdout)["hits"][0]
    assert hit["born"] == "1955" and hit["countries"] == ["CN"]
    body = json.loads(run("check", "Xinjiang Police College", "--format", "json", "--no-register").stdout)
    assert body["hits"][0]["born"] is None


def test_check_clear_exits_0(run):
    r = run("check", "Police Scotland")
    assert r.exit_code == ExitCode.OK, r.output
    assert "clear" in r.stdout


def test_check_fail_on_match_ignores_review_hits(run):
    # lists only: the register knows "Xinjiang Police Academy" as a former name (a match)
    r = run("check", "Xinjiang Police Academy", "--format", "json", "--fail-on", "match", "--no-register")
    body = json.loads(r.stdout)
    assert body["hits"] and all(h["level"] == "review" for h in body["hits"])
    assert r.exit_code == ExitCode.OK


@pytest.mark.parametrize("args", [("check", ""), ("check", "x", "--kind", "ship"), ("check", "x", "--source", "nope"),
                                  ("check", "x", "--threshold", "95", "--match-at", "90")])
def test_check_usage_errors_exit_2(run, args):
    r = run(*args)
    assert r.exit_code == ExitCode.USAGE, r.output


def test_check_without_lists_exits_4(tmp_path):
    r = CliRunner().invoke(app, ["--home", str(tmp_path / "empty"), "check", "x"])
    assert r.exit_code == ExitCode.LIST_DATA
    assert "no lists imported" in r.output


def test_screen_every_row_comes_out_in_order(run, tmp_path):
    f = tmp_path / "partners.csv"
    f.write_text("id,partner,country\n1,Hunan Police Academy,CN\n2,Xinjiang Police College,CN\n3,\n"
                 "4,=HYPERLINK(\"x\"),GB\n5,Xinjiang Police Academy,CN\n", encoding="utf-8")
    r = run("screen", str(f), "--format", "json", "--no-register")
    assert r.exit_code == ExitCode.FLAGGED, r.output
    body = json.loads(r.stdout)
    assert [x["row"] for x in body["results"]] == [2, 3, 4, 5, 6]
    assert [x["status"] for x in body["results"]] == ["clear", "match", "skipped", "clear", "review"]
    assert body["results"][2]["reason"] == "empty name"
    assert body["results"][0]["id"] == "1"
    assert {k: body["summary"][k] for k in ("rows", "match", "review", "clear", "skipped")} == {
        "rows": 5, "match": 1, "review": 1, "clear": 2, "skipped": 1}
    assert body["results"][1]["hits"][0]["name"] == "Xinjiang Police College"
    # with the register (the default) the LPC partner is found through its link
    body = json.loads(run("screen", str(f), "--format", "json").stdout)
    assert [x["status"] for x in body["results"]] == ["match", "match", "skipped", "clear", "match"]
    hunan = body["results"][0]["hits"][0]
    assert hunan["source"] == "register" and hunan["register"]["id"] == "cn-hunan-police-academy"
    assert hunan["links"][0]["end"]["name"] == "Xinjiang Police College"


def test_screen_reads_stdin_and_names_the_column(run):
    r = run("screen", "-", "--column", "org", "--format", "json", input="org\nXinjiang Police College\n")
    assert r.exit_code == ExitCode.FLAGGED
    body = json.loads(r.stdout)
    assert body["files"] == [{"path": "-", "format": "csv", "name_column": "org"}]
    assert body["results"][0]["file"] == "-"


def test_screen_missing_column_is_bad_input(run, tmp_path):
    f = tmp_path / "x.csv"
    f.write_text("a,b\n1,2\n", encoding="utf-8")
    r = run("screen", str(f), "--column", "partner")
    assert r.exit_code == ExitCode.BAD_INPUT
    assert f"{f}: no column 'partner'" in r.output


def test_screen_missing_file_is_bad_input(run, tmp_path):
    r = run("screen", str(tmp_path / "nope.csv"))
    assert r.exit_code == ExitCode.BAD_INPUT
    assert "no such file" in r.output


def test_fast_source_order_agrees_with_the_source_registry():
    from screen.screening import SOURCE_ORDER
    from screen.sources import SOURCES

    assert list(SOURCE_ORDER) == list(SOURCES)
