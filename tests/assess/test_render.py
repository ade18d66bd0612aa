"""The report renderers: golden files for every format on the examples, byte-identical
output for the same inputs, and names with markup or formulas escaped in every format.

The golden files are the reports of the examples on the shipped register with no list
imported, at a fixed run time. After a deliberate change to the register or the report,
regenerate them with ``HRDD_UPDATE_GOLDEN=1 python -m pytest tests/assess/test_render.py``
and review the diff."""

from __future__ import annotations

import json
import os
import re
from pathlib import Path

import pytest

from screen import __version__
from screen.assess import run_assessment
from screen.report.assessment import FORMATS, RenderOptions, render

from .conftest import NOW, ROOT

GOLDEN = Path(__file__).parent / "golden"
EXAMPLES = ["uk-china-policing", "sri-lanka-police-training", "community-policing-uk"]
EXT = {"terminal": "txt", "markdown": "md", "html": "html", "json": "json"}


def _doc(settings, name: str, monkeypatch) -> dict:  # type: ignore[no-untyped-def]
    monkeypatch.chdir(ROOT)
    return run_assessment(f"examples/{name}.yaml", settings, lambda: NOW, __version__).doc


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("name", EXAMPLES)
def test_golden(empty_settings, monkeypatch, name, fmt):
    text = render(_doc(empty_settings, name, monkeypatch), fmt)
    path = GOLDEN / f"{name}.{EXT[fmt]}"
    if os.environ.get("HRDD_UPDATE_GOLDEN") == "1":
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8", newline="\n")
    assert path.exists(), f"no golden file {path}; run with HRDD_UPDATE_GOLDEN=1 to create it"
    assert text == path.read_text(encoding="utf-8"), f"{path} differs; if the change is intended, regenerate it"


def test_golden_examples_say_what_the_issue_expects():
    risks = {n: json.loads((GOLDEN / f"{n}.json").read_text(encoding="utf-8"))["summary"]["risk"] for n in EXAMPLES}
    assert risks == {"uk-china-policing": "high", "sri-lanka-police-training": "high", "community-policing-uk": "low"}
    uk = (GOLDEN / "uk-china-policing.txt").read_text(encoding="utf-8")
    assert "NO OFFICIAL LIST WAS SEARCHED" in uk.split("1. Summary")[0]  # said at the top
    assert "Hunan Police Academy cooperates with Xinjiang Police College — US Entity List, 9 Oct 2019" in uk
    for n, ext in ((n, e) for n in EXAMPLES for e in EXT.values()):
        assert "Audit trail" in (GOLDEN / f"{n}.{ext}").read_text(encoding="utf-8") or ext == "json"


def test_same_inputs_give_byte_identical_reports(empty_settings, tmp_path, monkeypatch):
    from screen.settings import Settings

    other = Settings(home=tmp_path / "another-home")  # a different home and a cold cache
    for name in EXAMPLES[:2]:
        a, b = _doc(empty_settings, name, monkeypatch), _doc(other, name, monkeypatch)
        for fmt in FORMATS:
            assert render(a, fmt).encode() == render(b, fmt).encode(), (name, fmt)


def test_json_has_schema_version_and_every_section(empty_settings, monkeypatch):
    doc = json.loads(render(_doc(empty_settings, "uk-china-policing", monkeypatch), "json"))
    assert doc["schema_version"] == 1
    for key in ("summary", "host_countries", "assistance", "parties", "flags", "mitigations", "monitoring", "audit"):
        assert doc[key], key
    assert doc["lists_missing"] is True and doc["audit"]["lists"] == []
    assert doc["audit"]["register"]["folders"] == ["(shipped)"] and len(doc["audit"]["register"]["sha256"]) == 64
    hunan = next(p for p in doc["parties"] if p["name"] == "Hunan Police Academy")
    assert hunan["hits"][0]["links"][0]["end"]["id"] == "cn-xinjiang-police-college"


HOSTILE = [
    "<script>alert(1)</script>",
    '=HYPERLINK("http://evil.invalid","x")',
    "[bold red]Not markup[/bold red]",
    "**bold** | cell | [link](javascript:alert(1))",
    "<img src=x onerror=alert(1)>",
    "Hunan Police Academy </svg><script>x</script>",
]


@pytest.fixture
def hostile_doc(empty_settings, project):  # type: ignore[no-untyped-def]
    path = project(title="<b>Title</b> & [red]x[/red]", host_countries=["CN"],
                   partners=[{"name": n, "country": "CN", "role": "<i>role</i>"} for n in HOSTILE])
    return run_assessment(path, empty_settings, lambda: NOW, __version__).doc


def test_html_escapes_every_name(hostile_doc):
    html = render(hostile_doc, "html")
    assert "<script" not in html and "<img" not in html and "<b>Title" not in html and "<i>role" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("<svg") == html.count("</svg>")  # a name cannot close the diagram early
    assert "javascript:" not in html.split("<body>")[1].replace("javascript:alert(1))", "")  # only as escaped text
    assert 'href="javascript' not in html


def test_markdown_escapes_every_name(hostile_doc):
    md = render(hostile_doc, "markdown")
    assert "<script" not in md and "<img" not in md and "<b>" not in md
    assert "\\*\\*bold\\*\\* \\| cell \\| \\[link\\]" in md
    assert not re.search(r"(?<!\\)\]\(javascript", md)  # "\](" is text, not a link
    rows = [line for line in md.splitlines() if line.startswith("| ") and "cell" in line]
    assert rows and all(line.count(" | ") == 3 for line in rows)  # a name cannot add table cells


def test_terminal_prints_names_as_written(hostile_doc):
    text = render(hostile_doc, "terminal", RenderOptions(width=200))
    assert "[bold red]Not markup[/bold red]" in text and "<b>Title</b> & [red]x[/red]" in text
    assert '=HYPERLINK("http://evil.invalid","x")' in text  # shown as text; no format here runs formulas


def test_json_keeps_names_exactly(hostile_doc):
    doc = json.loads(render(hostile_doc, "json"))
    assert [p["name"] for p in doc["parties"]] == HOSTILE


def test_html_diagram_is_drawn_for_link_chains(empty_settings, monkeypatch):
    html = render(_doc(empty_settings, "uk-china-policing", monkeypatch), "html")
    assert html.count('<svg xmlns="http://www.w3.org/2000/svg" class="chains"') == 3  # one per linked partner
    assert 'class="node flagged"' in html and "Xinjiang Police College" in html
    assert "http://" not in html.split("<body>")[0].replace("http://www.w3.org", "")  # nothing fetched


def test_readme_excerpt_is_the_real_report():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```text\n", 1)[1].split("```", 1)[0]
    golden = (GOLDEN / "uk-china-policing.txt").read_text(encoding="utf-8").splitlines()
    shown = [line for line in block.splitlines() if not line.lstrip().startswith("...")]
    assert len(shown) > 40 and all(line in golden for line in shown), [x for x in shown if x not in golden][:3]
