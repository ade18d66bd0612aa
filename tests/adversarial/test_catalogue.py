"""Every hostile input of the catalogue gives its documented exit code and a clear message
naming the file (and row), and changes neither the current list snapshots nor an earlier
output file."""

from __future__ import annotations

import hashlib
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screen.cli import app

from .catalogue import CASES, FIX, Case, table

ROOT = Path(__file__).resolve().parents[2]
PREVIOUS = "an earlier, good output\n"


@pytest.fixture(scope="module")
def good_home(tmp_path_factory) -> Path:
    home = tmp_path_factory.mktemp("adversarial") / "home"
    r = CliRunner().invoke(app, ["--home", str(home), "lists", "import", str(FIX / "un"), str(FIX / "ofac_sdn"),
                                 str(FIX / "us_csl" / "consolidated.csv")])
    assert r.exit_code == 0, r.output
    return home


def tree_digest(folder: Path) -> str:
    h = hashlib.sha256()
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.name != ".lock":  # the lock file holds the pid of its last holder
            h.update(str(p.relative_to(folder)).encode() + b"\0" + p.read_bytes())
    return h.hexdigest()


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_hostile_input_fails_safe(case: Case, good_home, tmp_path, http_server, monkeypatch):
    from tests.conftest import Route

    home = tmp_path / "home"
    shutil.copytree(good_home, home)
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795435200")
    before = tree_digest(home / "lists")
    data = case.data(tmp_path) if callable(case.data) else case.data
    folder = tmp_path / "in"
    folder.mkdir()
    path = folder / case.name
    out = tmp_path / "out.txt"
    out.write_text(PREVIOUS, encoding="utf-8")
    partners = tmp_path / "partners-ok.csv"
    partners.write_text("name\nXinjiang Police College\n", encoding="utf-8")
    if case.command == "update":
        http_server.routes["/list"] = Route(body=data, **case.http)  # type: ignore[arg-type]
        args = ["lists", "update", case.name, "--url", http_server.url("/list")]
        shown = http_server.url("/list")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
        shown = str(path)
        args = {
            "import": ["lists", "import", str(path)],
            "screen": ["screen", str(path), "--format", "csv", "-o", str(out), "--jobs", "1"],
            "assess": ["assess", str(path), "-o", str(out)],
            "decisions": ["screen", str(partners), "--decisions", str(path), "-o", str(out)],
            "register": ["screen", str(partners), "--register", str(folder), "-o", str(out)],
        }[case.command]
    r = CliRunner().invoke(app, ["--home", str(home), *args])
    assert r.exception is None or isinstance(r.exception, SystemExit), repr(r.exception)
    assert r.exit_code == case.exit, r.output
    assert case.message.format(file=shown) in r.output, r.output
    assert "Traceback" not in r.output
    assert tree_digest(home / "lists") == before, "the current snapshots changed"
    if case.exit != 0:
        assert out.read_text(encoding="utf-8") == PREVIOUS, "an earlier output was replaced"
        assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.txt")] == []


def test_readme_table_counts_the_suite():
    from .disguise import TECHNIQUES
    from .test_evasion import CASES as EVASION
    from .test_faults import FAULTS
    from .test_properties import PROPERTIES

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    rows = dict(re.findall(r"^\| ([^|]+?) \| (\d+) \| \2 \|$", readme, re.M))
    assert {t for t, _, _ in EVASION} == set(TECHNIQUES)
    expected = {**dict(table()), "a million-row CSV": 1, "a name of 40,000 spaces": 1, "faults": len(FAULTS),
                "properties (hypothesis)": len(PROPERTIES), "evasion techniques (fixture lists)": len(TECHNIQUES)}
    assert {k: int(v) for k, v in rows.items()} == expected, "update the README's hardening table"
