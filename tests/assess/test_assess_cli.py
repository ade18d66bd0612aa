"""`hrdd assess`: every exit code, output files, the injected run time, and the report
saying plainly when no list was searched."""

from __future__ import annotations

import json
import shutil

import pytest
from typer.testing import CliRunner

from screen.cli import app
from screen.exitcodes import ExitCode

from .conftest import FIXTURES, ROOT

UK_CHINA = str(ROOT / "examples" / "uk-china-policing.yaml")
LOW = str(ROOT / "examples" / "community-policing-uk.yaml")
RUN_TIME = ["--run-time", "2026-11-23T12:00:00Z"]


@pytest.fixture
def run(tmp_path, monkeypatch):
    monkeypatch.delenv("HRDD_REGISTER", raising=False)
    monkeypatch.delenv("SOURCE_DATE_EPOCH", raising=False)

    def invoke(*args: str, home: str = "empty"):  # type: ignore[no-untyped-def]
        return CliRunner().invoke(app, ["--home", str(tmp_path / home), *args])

    return invoke


@pytest.fixture
def with_lists(run):  # type: ignore[no-untyped-def]
    r = run("lists", "import", str(FIXTURES / "ofac_sdn"), str(FIXTURES / "us_csl"), home="lists")
    assert r.exit_code == 0, r.output
    return lambda *args: run(*args, home="lists")


def test_high_risk_exits_1_at_the_default_fail_on(with_lists):
    r = with_lists("assess", UK_CHINA, *RUN_TIME)
    assert r.exit_code == ExitCode.FLAGGED, r.output
    assert "Overall risk: HIGH" in r.stdout and "overall risk HIGH" in r.stderr


@pytest.mark.parametrize("fail_on, code", [("prohibited", ExitCode.OK), ("never", ExitCode.OK),
                                           ("medium", ExitCode.FLAGGED), ("high", ExitCode.FLAGGED)])
def test_fail_on_levels(with_lists, fail_on, code):
    assert with_lists("assess", UK_CHINA, "--fail-on", fail_on, "--format", "json").exit_code == code


def test_low_risk_with_lists_exits_0(with_lists):
    r = with_lists("assess", LOW, "--fail-on", "medium", "--format", "json")
    assert r.exit_code == ExitCode.OK, r.output
    doc = json.loads(r.stdout)
    assert doc["summary"]["risk"] == "low" and doc["lists_missing"] is False
    assert {u["source"] for u in doc["audit"]["lists"]} == {"ofac_sdn", "us_csl"}
    assert all(len(u["sha256"]) == 64 for u in doc["audit"]["lists"])
    assert any("Not searched (never imported): ofac_cons, uk, eu, un" in w for w in doc["warnings"])


def test_without_lists_the_report_says_so_and_a_clear_result_exits_4(run):
    r = run("assess", LOW, *RUN_TIME)
    assert r.exit_code == ExitCode.LIST_DATA, r.output
    top = r.stdout.split("1. Summary")[0]
    assert "NO OFFICIAL LIST WAS SEARCHED" in top and "hrdd lists update" in top
    assert "Overall risk: LOW" in r.stdout and "no official list has been imported" in r.stderr


def test_without_lists_a_high_risk_still_exits_1(run):
    assert run("assess", UK_CHINA, *RUN_TIME).exit_code == ExitCode.FLAGGED


@pytest.mark.parametrize("args", [("--format", "pdf"), ("--fail-on", "low"), ("--run-time", "yesterday"),
                                  ("--threshold", "95", "--match-at", "90")])
def test_usage_errors_exit_2(run, args):
    r = run("assess", UK_CHINA, *args)
    assert r.exit_code == ExitCode.USAGE, r.output


def test_bad_project_file_exits_3_naming_it(run, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("title: x\nhost_countries: [CN]\nassistance: [forensic]\npartners: [{name: A}]\n", encoding="utf-8")
    r = run("assess", str(bad))
    assert r.exit_code == ExitCode.BAD_INPUT
    assert str(bad) in r.stderr and "did you mean 'forensics'" in r.stderr
    assert run("assess", str(tmp_path / "missing.yaml")).exit_code == ExitCode.BAD_INPUT


def test_broken_snapshot_exits_4(with_lists, tmp_path):
    from screen.store.snapshots import ListStore

    store = ListStore(tmp_path / "lists" / "lists")
    assert store.current("ofac_sdn"), "fixture layout changed"
    shutil.rmtree(store.version_dir("ofac_sdn", store.current("ofac_sdn")))
    r = with_lists("assess", LOW)
    assert r.exit_code == ExitCode.LIST_DATA and "ofac_sdn" in r.stderr


@pytest.mark.parametrize("fmt, marker", [("markdown", "# Human-rights red-flag assessment"),
                                         ("html", "<!DOCTYPE html>"), ("json", '"schema_version": 1')])
def test_output_file(with_lists, tmp_path, fmt, marker):
    out = tmp_path / f"report.{fmt}"
    r = with_lists("assess", UK_CHINA, "--format", fmt, "-o", str(out), "--fail-on", "never")
    assert r.exit_code == 0 and r.stdout == "" and str(out) in r.stderr
    assert out.read_text(encoding="utf-8").startswith(marker) or marker in out.read_text(encoding="utf-8")[:200]


def test_output_to_a_missing_folder_is_a_clear_error(with_lists, tmp_path):
    r = with_lists("assess", UK_CHINA, "-o", str(tmp_path / "no" / "such" / "r.html"))
    assert r.exit_code == ExitCode.USAGE and "does not exist" in r.stderr


def test_run_time_and_source_date_epoch_make_reports_identical(with_lists, monkeypatch):
    a = with_lists("assess", UK_CHINA, "--format", "html", *RUN_TIME).stdout
    b = with_lists("assess", UK_CHINA, "--format", "html", *RUN_TIME).stdout
    assert a == b and "2026-11-23T12:00:00+00:00" in a
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795435200")  # 2026-11-23T12:00:00Z
    assert with_lists("assess", UK_CHINA, "--format", "html").stdout == a


def test_register_assistance_lists_the_types(run):
    r = run("register", "assistance", "--format", "json")
    assert r.exit_code == 0
    ids = {a["id"] for a in json.loads(r.stdout)}
    assert {"investigative-interviewing", "counter-terrorism", "community-policing"} <= ids
