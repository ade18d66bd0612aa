"""Shared helpers for the batch-screening tests: a home with fixture lists imported, a
CLI runner bound to it, and writers of input files in every format."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screen.cli import app

FIX = Path(__file__).resolve().parents[1] / "fixtures"
RUN_TIME = "2026-11-23T12:00:00+00:00"


def import_lists(home: Path, *paths: Path) -> None:
    r = CliRunner().invoke(app, ["--home", str(home), "lists", "import", *map(str, paths)])
    assert r.exit_code == 0, r.output


@pytest.fixture
def home(tmp_path: Path) -> Path:
    """A home with the CSL, OFAC SDN and UN fixture lists."""
    h = tmp_path / "home"
    import_lists(h, FIX / "us_csl" / "consolidated.csv", FIX / "ofac_sdn", FIX / "un")
    return h


@pytest.fixture
def run(home: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Callable[..., object]:
    """Invoke `hrdd --home HOME ARGS` in-process, in a working folder with no hrdd.toml,
    at a fixed run time."""
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795435200")  # 2026-11-23T12:00:00Z
    runner = CliRunner()

    def invoke(*args: str, input: str | bytes | None = None):
        return runner.invoke(app, ["--home", str(home), *args], input=input)

    return invoke


def changed_csl(tmp_path: Path) -> Path:
    """A copy of the CSL fixture in which the Xinjiang Police College record has a new address."""
    folder = tmp_path / "csl-v2"
    folder.mkdir()
    text = (FIX / "us_csl" / "consolidated.csv").read_text(encoding="utf-8")
    assert "Changsha Road, No. 1108" in text
    (folder / "consolidated.csv").write_text(text.replace("Changsha Road, No. 1108", "Changsha Road, No. 1110"),
                                             encoding="utf-8")
    return folder


def xlsx_bytes(rows: list[list[object]]) -> bytes:
    import openpyxl

    wb = openpyxl.Workbook()
    ws = wb.active
    for r in rows:
        ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def ods_bytes(rows: list[list[object]], tmp_path: Path) -> bytes:
    import pandas as pd

    path = tmp_path / "tmp.ods"
    pd.DataFrame(rows[1:], columns=rows[0]).to_excel(path, engine="odf", index=False)
    data = path.read_bytes()
    path.unlink()
    return data


__all__ = ["FIX", "RUN_TIME", "changed_csl", "import_lists", "ods_bytes", "shutil", "xlsx_bytes"]
