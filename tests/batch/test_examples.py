"""The CI gate examples do what they say: the commands of the GitHub Actions workflow and
the pre-commit hook, run on a copy of examples/gate/ with fixture lists, fail on the
partners linked to listed bodies, annotate their rows and write a JUnit report."""

from __future__ import annotations

import re
import shlex
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import yaml
from typer.testing import CliRunner

from screen.cli import app
from screen.exitcodes import ExitCode

GATE = Path(__file__).resolve().parents[2] / "examples" / "gate"


def hrdd_commands(text: str) -> list[list[str]]:
    return [shlex.split(line)[1:] for line in re.findall(r"^\s*(?:run|entry): (hrdd .*)$", text, re.M)]


def test_workflow_and_hook_gate_the_partners(home, tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    shutil.copytree(GATE, repo)
    monkeypatch.chdir(repo)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795435200")
    runner = CliRunner()

    def hrdd(args: list[str]):
        return runner.invoke(app, ["--home", str(home), *args])

    workflow = (repo / "github-workflow.yml").read_text(encoding="utf-8")
    yaml.safe_load(workflow)  # valid YAML
    commands = hrdd_commands(workflow)
    assert [c[:2] for c in commands] == [["lists", "update"], ["screen", "partners.csv"], ["screen", "partners.csv"]]
    gate = hrdd(commands[1])
    assert gate.exit_code == ExitCode.FLAGGED, gate.output  # fail_on = "review" from hrdd.toml
    errors = [x for x in gate.stdout.splitlines() if x.startswith("::error ")]
    assert [re.search(r"line=(\d+)", x).group(1) for x in errors] == ["2", "3", "4"]
    junit = hrdd(commands[2])
    assert junit.exit_code == ExitCode.FLAGGED, junit.output
    root = ET.parse(repo / "hrdd-junit.xml").getroot()
    assert root.get("tests") == "5" and root.get("failures") == "3"

    hook = yaml.safe_load((repo / "pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"][0]
    assert re.search(hook["files"], "partners.csv") and not re.search(hook["files"], "README.md")
    r = hrdd([*shlex.split(hook["entry"])[1:], "partners.csv"])
    assert r.exit_code == ExitCode.FLAGGED and "Hunan Police Academy" in r.stdout

    # an analyst's decision in decisions.yaml (named by hrdd.toml) is applied by the same commands
    template = repo / "open.yaml"
    hrdd(["screen", "partners.csv", "--decisions-template", str(template)])
    entries = yaml.safe_load(template.read_text(encoding="utf-8"))["decisions"]
    assert {e["input"] for e in entries} == {"People's Public Security University of China",
                                              "Shanghai Police College", "Hunan Police Academy"}
    for e in entries:
        e.update(decision="confirmed", reviewer="A. Analyst", date="2026-11-20")
    (repo / "decisions.yaml").write_text(yaml.safe_dump({"decisions": entries}), encoding="utf-8")
    gate = hrdd(commands[1])
    assert gate.exit_code == ExitCode.FLAGGED  # confirmed matches still fail the gate
    assert "confirmed by A. Analyst" in gate.stdout
