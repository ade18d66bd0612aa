"""The `hrdd lists` commands in-process: output, JSON fields and exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screen.cli import app
from screen.exitcodes import ExitCode

FIX = Path(__file__).parent / "fixtures"


@pytest.fixture
def run(tmp_path):
    runner = CliRunner()

    def invoke(*args: str):
        return runner.invoke(app, ["--home", str(tmp_path / "home"), *args])

    return invoke


def test_import_then_status_json_has_the_documented_fields(run):
    result = run("lists", "import", str(FIX / "un"), str(FIX / "eu"), "--format", "json")
    assert result.exit_code == ExitCode.OK, result.output
    body = json.loads(result.stdout)
    assert {s["source"]: s["status"] for s in body["sources"]} == {"un": "published", "eu": "published"}
    result = run("lists", "status", "--format", "json")
    assert result.exit_code == 0
    rows = {r["source"]: r for r in json.loads(result.stdout)}
    for key in ("source", "entities", "names", "published", "sha256"):
        assert key in rows["un"]
    assert rows["un"]["entities"] == 2 and rows["un"]["published"] == "2026-11-20"
    assert rows["ofac_sdn"]["version"] is None


def test_status_table_warns_about_stale_and_missing_lists(run):
    run("lists", "import", str(FIX / "uk_ofsi"))
    result = run("lists", "status", "--stale-days", "10")
    assert result.exit_code == 0
    assert "STALE" in result.stdout and "no data for ofac_sdn" in result.stdout.replace("\n", " ")


def test_malformed_file_exits_3_naming_file_and_row(run, tmp_path):
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "consolidated.xml").write_bytes(b"<CONSOLIDATED_LIST><ENTITIES><ENTITY>\n<DATAID>1</ENTITY>")
    result = run("lists", "import", str(bad), "--format", "json")
    assert result.exit_code == ExitCode.BAD_INPUT
    (outcome,) = json.loads(result.stdout)["sources"]
    assert outcome["status"] == "failed"
    assert "consolidated.xml, row 2: malformed XML" in outcome["message"]


def test_nothing_recognised_exits_3(run, tmp_path):
    (tmp_path / "notes.txt").write_text("hello")
    result = run("lists", "import", str(tmp_path / "notes.txt"))
    assert result.exit_code == ExitCode.BAD_INPUT
    assert "no list files recognised" in result.stderr


def test_refused_drop_exits_4_and_force_accepts(run, tmp_path):
    run("lists", "import", str(FIX / "ofac_sdn"))
    small = tmp_path / "small"
    small.mkdir()
    (small / "sdn.csv").write_bytes(b'1,"ONLY ONE",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n')
    assert run("lists", "import", str(small)).exit_code == ExitCode.LIST_DATA
    assert run("lists", "import", "--force", str(small)).exit_code == ExitCode.OK
    result = run("lists", "diff", "ofac_sdn", "--format", "json")
    assert result.exit_code == 0
    assert len(json.loads(result.stdout)["removed"]) == 5
    result = run("lists", "rollback", "ofac_sdn")
    assert result.exit_code == 0 and "current version is now v0001" in result.stdout


def test_usage_errors_exit_2(run):
    result = run("lists", "diff", "nosuchlist")
    assert result.exit_code == ExitCode.USAGE
    assert "unknown source 'nosuchlist'" in result.stderr
    assert run("lists", "import", "/no/such/path").exit_code == ExitCode.USAGE
    assert run("lists", "frobnicate").exit_code == ExitCode.USAGE


def test_diff_without_two_versions_exits_4(run):
    run("lists", "import", str(FIX / "un"))
    result = run("lists", "diff", "un")
    assert result.exit_code == ExitCode.LIST_DATA and "nothing to compare" in result.stderr


def test_update_failure_exits_4_and_keeps_snapshot(run, http_server):
    run("lists", "import", str(FIX / "un"))
    result = run("lists", "update", "un", "--url", http_server.url("/missing.xml"))
    assert result.exit_code == ExitCode.LIST_DATA
    assert "HTTP 404" in result.stdout
    status = json.loads(run("lists", "status", "--format", "json").stdout)
    assert next(r for r in status if r["source"] == "un")["entities"] == 2


def test_python_dash_m_screen_runs(tmp_path):
    out = subprocess.run([sys.executable, "-m", "screen", "--version"], capture_output=True, text=True, check=True)
    assert out.stdout.startswith("hrdd ")


def test_settings_from_environment():
    from screen.errors import UsageError
    from screen.settings import load_settings

    s = load_settings(Path("/x"), {"HRDD_KEEP_VERSIONS": "2", "HRDD_STALE_DAYS": "7", "HRDD_MAX_DROP": "0.5"})
    assert (s.home, s.keep_versions, s.stale_days, s.max_drop_share) == (Path("/x"), 2, 7, 0.5)
    assert load_settings(None, {"HRDD_HOME": "/data/h"}).home == Path("/data/h")
    with pytest.raises(UsageError, match="HRDD_STALE_DAYS"):
        load_settings(None, {"HRDD_STALE_DAYS": "soon"})


def test_import_reads_a_folder_named_through_dots_and_skips_hidden_files_inside(run, tmp_path, monkeypatch):
    import shutil

    hidden_home = tmp_path / ".cache" / "lists"
    shutil.copytree(FIX / "un", hidden_home / "un")
    shutil.copytree(FIX / "ofac_sdn", hidden_home / ".old" / "ofac_sdn")  # hidden inside: skipped
    (tmp_path / "work").mkdir()
    monkeypatch.chdir(tmp_path / "work")
    result = run("lists", "import", "../.cache/lists", "--format", "json")
    assert result.exit_code == ExitCode.OK, result.output
    assert {s["source"] for s in json.loads(result.stdout)["sources"]} == {"un"}
