"""Reading input files as streams: every format and encoding, row numbers as the user
sees them, hostile cells kept with a reason, unusable files named."""

from __future__ import annotations

import io
import json

import pytest

from screen.errors import InputError
from screen.inputs import MAX_CELL, open_input, read_input

from .conftest import ods_bytes, xlsx_bytes

ROWS = [["Partner", "Country", "Type"], ["Société Générale", "FR", "org"], ["陈全国", "CN", "person"]]


def rows_of(name: str, data: bytes, column: str | None = None):
    stream = open_input(name, io.BytesIO(data), column)
    return stream, [(r.row, r.name, r.country, r.kind) for r in stream.rows]


@pytest.mark.parametrize("encoding,bom", [("utf-8", b""), ("utf-8", b"\xef\xbb\xbf"), ("utf-16-le", b"\xff\xfe"),
                                          ("utf-16-be", b"\xfe\xff")])
def test_text_encodings_stream_the_same_rows(encoding, bom):
    text = "\n".join(",".join(r) for r in ROWS) + "\n"
    stream, rows = rows_of("p.csv", bom + text.encode(encoding))
    assert rows == [(2, "Société Générale", "FR", "org"), (3, "陈全国", "CN", "person")]
    assert stream.format == "csv" and stream.column == "Partner" and not stream.warnings


def test_cp1252_warns_and_names_the_line():
    data = "name\nAlpha\nSociété Générale\n".encode("cp1252")
    stream, rows = rows_of("p.csv", data)
    assert rows[1][1] == "Société Générale"
    assert stream.warnings == ["p.csv: not UTF-8 (first bad byte on line 3); read as Windows-1252 (cp1252)"]


def test_bytes_no_encoding_can_read_are_an_error_with_the_line():
    # 0x81 is undefined in cp1252 and invalid as UTF-8
    with pytest.raises(InputError, match=r"p\.csv, row 3: not UTF-8, UTF-16 or cp1252"):
        rows_of("p.csv", b"name\nAlpha\nBad \x81 name\n")


def test_a_utf16_mark_before_text_that_is_not_utf16_is_an_error():
    # a byte-order mark and then ASCII: an odd number of bytes no UTF-16 reader can take
    with pytest.raises(InputError, match=r"p\.csv: not UTF-16 text, though it starts with a UTF-16 byte-order mark"):
        rows_of("p.csv", b'\xfe\xffname,country\nAlpha,GB\n"Beta, Ltd",FR\n')


def test_xlsx_and_ods_give_the_same_rows(tmp_path):
    _, from_xlsx = rows_of("p.xlsx", xlsx_bytes(ROWS))
    stream, from_ods = rows_of("p.ods", ods_bytes(ROWS, tmp_path))
    assert from_xlsx == from_ods == [(2, "Société Générale", "FR", "org"), (3, "陈全国", "CN", "person")]
    assert stream.format == "ods" and stream.total == 2


def test_workbooks_are_found_by_content_not_name(tmp_path):
    stream, rows = rows_of("upload.bin", ods_bytes(ROWS, tmp_path))
    assert stream.format == "ods" and len(rows) == 2
    stream, rows = rows_of("upload", xlsx_bytes(ROWS))
    assert stream.format == "xlsx" and len(rows) == 2


def test_spreadsheet_error_cells_are_skipped_with_the_reason():
    stream = open_input("p.xlsx", io.BytesIO(xlsx_bytes([["name"], ["#REF!"], ["Alpha"]])))
    rows = list(stream.rows)
    assert rows[0].problem == "unreadable cell (spreadsheet error #REF!)" and rows[1].problem is None


def test_jsonl_streams_and_keeps_broken_lines_in_place():
    data = b'{"organisation": "Alpha", "country": "GB"}\n\n{broken\n"text"\n{"organisation": "Beta"}\n'
    stream, rows = rows_of("p.jsonl", data)
    assert stream.column == "organisation"
    assert [r[:2] for r in rows] == [(1, "Alpha"), (3, None), (4, None), (5, "Beta")]


def test_jsonl_is_recognised_on_stdin_by_content():
    stream, rows = rows_of("-", json.dumps({"name": "Alpha"}).encode() + b"\n")
    assert stream.format == "jsonl" and rows == [(1, "Alpha", None, None)]


def test_plain_text_list_keeps_commas_in_names():
    stream, rows = rows_of("names.txt", b"Hangzhou Hikvision Digital Technology Co., Ltd.\n\nXPCC\n")
    assert stream.format == "lines"
    assert [r[:2] for r in rows] == [(1, "Hangzhou Hikvision Digital Technology Co., Ltd."), (2, None), (3, "XPCC")]


def test_hostile_cells_keep_their_place():
    huge = "A" * 10_000
    data = f'name\n{huge}\n"=HYPERLINK(""http://x"")"\n<script>alert(1)</script>\n"a\x00b"\n'.encode()
    rows = list(open_input("p.csv", io.BytesIO(data)).rows)
    assert [r.row for r in rows] == [2, 3, 4, 5]
    assert rows[0].problem == f"name longer than {MAX_CELL} characters (10000); not screened"
    assert rows[1].name == '=HYPERLINK("http://x")' and rows[1].problem is None
    assert rows[2].name == "<script>alert(1)</script>"
    assert rows[3].problem == "name holds a NUL byte"


def test_more_cells_than_columns_is_not_silently_cut():
    rows = list(open_input("p.csv", io.BytesIO(b"name,country\nHikvision Co., Ltd.,CN\nAlpha,GB,\n")).rows)
    assert rows[0].problem == "3 cells but 2 columns (an unquoted comma in a name?); not screened"
    assert rows[1].name == "Alpha" and rows[1].problem is None  # an empty extra cell is harmless


def test_a_100_kb_cell_is_read_not_fatal():
    rows = list(open_input("p.csv", io.BytesIO(b"name\n" + b"x" * 200_000 + b"\nAlpha\n")).rows)
    assert "longer than" in rows[0].problem and rows[1].name == "Alpha"


def test_total_is_known_for_progress_bars():
    data = b"name\n" + b"".join(f"Name {i}\n".encode() for i in range(1000))
    stream = open_input("p.csv", io.BytesIO(data))
    assert stream.total == 1000 and sum(1 for _ in stream.rows) == 1000


@pytest.mark.parametrize("name,data,message", [
    ("e.csv", b"", "the file is empty"),
    ("e.csv", b"  \n\n", "the file is empty"),
    ("h.csv", b"a,b\n1,2\n", "no name column found"),
    ("z.xlsx", b"PK\x03\x04broken", "not a readable XLSX or ODS workbook"),
    ("z.xlsx", b"name\nAlpha\n", "not a readable XLSX workbook (the file is not a zip archive)"),
    ("j.jsonl", b"[1, 2]\n", "no JSON object found"),
])
def test_unusable_files_are_named(name, data, message):
    with pytest.raises(InputError) as exc:
        list(open_input(name, io.BytesIO(data)).rows)
    assert str(exc.value).startswith(f"{name}: ") and message in str(exc.value)


def test_a_zip_that_is_no_workbook(tmp_path):
    import zipfile

    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("../../evil.txt", "x")
    with pytest.raises(InputError, match="not an XLSX or ODS workbook"):
        open_input("p.xlsx", io.BytesIO(buf.getvalue()))


def test_read_input_still_returns_every_row(tmp_path):
    f = tmp_path / "p.csv"
    f.write_text("name\nAlpha\n\nBeta\n", encoding="utf-8")
    got = read_input(f)
    assert [(r.row, r.name, r.problem) for r in got.rows] == [(2, "Alpha", None), (3, None, "empty name"),
                                                               (4, "Beta", None)]


@pytest.mark.parametrize("header", ["DOB", "Date of birth", "date_of_birth", "Year of birth", "born"])
def test_a_birth_date_column_is_found_by_its_header(header):
    data = f"name,{header}\nChen Quanguo,1955\nAlpha,\n".encode()
    rows = list(open_input("p.csv", io.BytesIO(data)).rows)
    assert [(r.name, r.born) for r in rows] == [("Chen Quanguo", "1955"), ("Alpha", None)]
    xlsx = list(open_input("p.xlsx", io.BytesIO(xlsx_bytes([["name", header], ["Chen Quanguo", "1955-11-01"]]))).rows)
    assert xlsx[0].born == "1955-11-01"
    line = json.dumps({"name": "Chen Quanguo", header: 1955}).encode()
    assert next(open_input("p.jsonl", io.BytesIO(line)).rows).born == "1955"
