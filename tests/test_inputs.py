"""Reading the user's files of names: encodings, formats, header detection, bad files."""

from __future__ import annotations

import io

import openpyxl
import pytest

from screen.errors import InputError
from screen.inputs import MAX_CELL, read_input

TEXT = "partner,country\nSociété Générale,FR\n陈全国,CN\n"


@pytest.mark.parametrize(
    "encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"), ("utf-16-be", b"\xfe\xff")]
)
def test_unicode_encodings(tmp_path, encoding, bom):
    f = tmp_path / "p.csv"
    f.write_bytes(bom + TEXT.encode(encoding))
    got = read_input(f)
    assert [(r.row, r.name, r.country) for r in got.rows] == [(2, "Société Générale", "FR"), (3, "陈全国", "CN")]
    assert got.column == "partner" and not got.warnings


def test_cp1252_is_read_with_a_warning(tmp_path):
    f = tmp_path / "p.csv"
    f.write_bytes("name\nSociété Générale\n".encode("cp1252"))
    got = read_input(f)
    assert got.rows[0].name == "Société Générale"
    assert "cp1252" in got.warnings[0] and str(f) in got.warnings[0]


def test_semicolon_and_tab_delimiters(tmp_path):
    (tmp_path / "a.csv").write_text("name;country\nAlpha;GB\n", encoding="utf-8")
    (tmp_path / "b.tsv").write_text("name\tcountry\nBeta\tFR\n", encoding="utf-8")
    assert read_input(tmp_path / "a.csv").rows[0].country == "GB"
    assert read_input(tmp_path / "b.tsv").rows[0].country == "FR"


def test_bare_list_without_header(tmp_path):
    f = tmp_path / "names.txt"
    f.write_text("Xinjiang Police College\nHikvision\n", encoding="utf-8")
    assert [(r.row, r.name) for r in read_input(f).rows] == [(1, "Xinjiang Police College"), (2, "Hikvision")]


def test_xlsx_rows_keep_spreadsheet_numbers(tmp_path):
    wb = openpyxl.Workbook()
    ws = wb.active
    ws.append(["Organisation", "Country"])
    ws.append(["Alpha Ltd", "GB"])
    ws.append([None, "FR"])
    ws.append(["Gamma", None])
    buf = io.BytesIO()
    wb.save(buf)
    f = tmp_path / "p.xlsx"
    f.write_bytes(buf.getvalue())
    rows = read_input(f).rows
    assert [(r.row, r.name, r.problem) for r in rows] == [(2, "Alpha Ltd", None), (3, None, "empty name"), (4, "Gamma", None)]


def test_jsonl_with_a_broken_line_keeps_its_place(tmp_path):
    f = tmp_path / "p.jsonl"
    f.write_text('{"name": "Alpha"}\n{broken\n[1]\n{"name": "Beta", "country": "FR"}\n', encoding="utf-8")
    rows = read_input(f).rows
    assert [(r.row, r.name) for r in rows] == [(1, "Alpha"), (2, None), (3, None), (4, "Beta")]
    assert rows[1].problem.startswith("not valid JSON") and rows[2].problem == "not a JSON object"


def test_hostile_cells_are_kept_with_a_reason(tmp_path):
    f = tmp_path / "p.csv"
    f.write_text("name\n" + "A" * (MAX_CELL + 1) + "\n=1+1\n", encoding="utf-8")
    rows = read_input(f).rows
    assert "longer than" in rows[0].problem
    assert rows[1].name == "=1+1" and rows[1].problem is None


@pytest.mark.parametrize(
    "content,message",
    [(b"", "the file is empty"), (b"a,b\n1,2\n", "no name column found"), (b"PK\x03\x04broken", "not a readable XLSX")],
)
def test_unusable_files_name_the_file(tmp_path, content, message):
    f = tmp_path / "bad.csv"
    f.write_bytes(content)
    with pytest.raises(InputError) as exc:
        read_input(f)
    assert str(exc.value).startswith(f"{f}: ") and message in str(exc.value)
