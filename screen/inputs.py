"""Read the names to screen from a user's file: CSV/TSV (UTF-8 with or without BOM,
UTF-16 with BOM, cp1252 with a warning), XLSX, ODS, JSON Lines, or a plain list of names.

The name column is found by its header (name, organisation, partner, entity...) or given
with ``column``; optional country, kind, id and role columns are picked up by header too.
Every data row becomes one ``InputRow`` numbered as the user sees it in the file (the
header is row 1 of a spreadsheet, a line number in a text file); a row that cannot be read
keeps its place with the reason. ``InputError`` names the file (and row) when the file
itself is unusable.

Rows are produced lazily (:func:`open_input`): CSV, XLSX and JSON Lines files are read in
a streaming way so that memory stays bounded however long the file is. ODS workbooks are
read whole (their format cannot be streamed).
"""

from __future__ import annotations

import codecs
import csv
import io
import json
import sys
import zipfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO

from .errors import InputError
from .screening import InputRow

NAME_HEADERS = ("name", "partner", "partner name", "organisation", "organization", "entity", "entity name",
                "company", "institution", "supplier", "full name", "full_name", "counterparty", "beneficiary")
COUNTRY_HEADERS = ("country", "country code", "nationality", "host country")
KIND_HEADERS = ("kind", "type", "entity type", "schema")
ID_HEADERS = ("id", "ref", "reference", "partner id")
ROLE_HEADERS = ("role", "partner role", "relationship")
BORN_HEADERS = ("date of birth", "birth date", "birthdate", "dob", "d.o.b.", "d.o.b", "born", "year of birth",
                "birth year")
MAX_CELL = 1000  # characters of a name that are matched on; longer cells are skipped with a reason
CHUNK = 1 << 20
# Spreadsheet error values: a cell showing one of these holds no name.
SHEET_ERRORS = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!", "#CALC!"})

# Cells longer than the csv module's default limit (128 KiB) are read and then skipped with
# a reason, rather than stopping the whole file.
csv.field_size_limit(min(sys.maxsize, 1 << 30))


@dataclass(slots=True)
class InputStream:
    """The rows of one input file, read as they are consumed."""

    path: str
    format: str  # csv, tsv, lines, xlsx, ods or jsonl
    column: str
    rows: Iterator[InputRow]
    total: int | None = None  # rows expected (an estimate for text files), for progress bars
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class InputFile:
    """All rows of one input file and what was noticed reading it."""

    path: str
    rows: list[InputRow]
    column: str
    warnings: list[str] = field(default_factory=list)


def _norm_header(h: object) -> str:
    return " ".join(str(h or "").replace("_", " ").strip().casefold().split())


def _pick(headers: list[str], wanted: tuple[str, ...]) -> int | None:
    normed = [_norm_header(h) for h in headers]
    for w in wanted:
        w = _norm_header(w)
        if w in normed:
            return normed.index(w)
    return None


def _problem(name: str | None) -> str | None:
    """Why a name cell cannot be screened, or None."""
    if name is None:
        return "empty name"
    if len(name) > MAX_CELL:
        return f"name longer than {MAX_CELL} characters ({len(name)}); not screened"
    if "\x00" in name:
        return "name holds a NUL byte"
    if name in SHEET_ERRORS:
        return f"unreadable cell (spreadsheet error {name})"
    return None


@dataclass(frozen=True, slots=True)
class _Columns:
    name: int
    country: int | None
    kind: int | None
    ident: int | None
    role: int | None
    header: str
    born: int | None = None

    @classmethod
    def find(cls, headers: list[str], display: str, column: str | None) -> _Columns:
        if column is not None:
            idx = _pick(headers, (column,))
            if idx is None:
                raise InputError(f"no column {column!r}; columns are: {', '.join(map(str, headers))}", path=display)
        else:
            idx = _pick(headers, NAME_HEADERS)
            if idx is None:
                raise InputError(
                    f"no name column found (looked for {', '.join(NAME_HEADERS[:6])}...); "
                    f"columns are: {', '.join(map(str, headers))}; name one with --column",
                    path=display,
                )
        return cls(idx, _pick(headers, COUNTRY_HEADERS), _pick(headers, KIND_HEADERS), _pick(headers, ID_HEADERS),
                   _pick(headers, ROLE_HEADERS), str(headers[idx]), _pick(headers, BORN_HEADERS))

    def row(self, number: int, values: list[object] | tuple[object, ...]) -> InputRow:
        def cell(i: int | None) -> str | None:
            if i is None or i >= len(values) or values[i] is None:
                return None
            v = str(values[i]).strip()
            return v or None

        name = cell(self.name)
        return InputRow(number, name, cell(self.kind), cell(self.country), cell(self.ident), _problem(name),
                        cell(self.role), cell(self.born))


# --- opening -----------------------------------------------------------------------------

def open_input(display: str, fh: IO[bytes], column: str | None = None) -> InputStream:
    """Open one input file from a seekable binary stream; ``display`` names it in messages
    ("-" for stdin). The stream must stay open while the rows are read."""
    head = fh.read(CHUNK)
    fh.seek(0)
    if not head.strip() and not _rest_has_data(fh):
        raise InputError("the file is empty", path=display)
    suffix = Path(display).suffix.casefold()
    if head[:4] == b"PK\x03\x04":
        return _zip_workbook(display, fh, column)
    if suffix in (".xlsx", ".xlsm", ".ods"):
        raise InputError(f"not a readable {suffix[1:].upper()} workbook (the file is not a zip archive)", path=display)
    warnings: list[str] = []
    encoding, lines = _encoding(display, fh, head, warnings)
    fh.seek(0)
    text = io.TextIOWrapper(fh, encoding=encoding, newline="")
    text_head = head.decode(encoding, errors="ignore").lstrip("\ufeff")
    if suffix in (".jsonl", ".ndjson", ".json") or (suffix not in (".csv", ".tsv", ".tab", ".txt")
                                                     and text_head.lstrip().startswith("{")):
        return _jsonl(display, text, column, lines, warnings)
    return _csv(display, text, text_head, column, suffix, lines, warnings)


def _rest_has_data(fh: IO[bytes]) -> bool:
    fh.read(CHUNK)
    while block := fh.read(CHUNK):
        if block.strip():
            fh.seek(0)
            return True
    fh.seek(0)
    return False


def _bad_line(fh: IO[bytes], encoding: str) -> tuple[int | None, int]:
    """Decode the whole stream in chunks: (line of the first undecodable byte or None, lines)."""
    decoder = codecs.getincrementaldecoder(encoding)()
    fh.seek(0)
    lines = 0
    while True:
        block = fh.read(CHUNK)
        try:
            decoder.decode(block, final=not block)
        except UnicodeDecodeError as exc:
            return lines + block[: exc.start].count(b"\n") + 1, lines
        lines += block.count(b"\n")
        if not block:
            return None, lines


def _encoding(display: str, fh: IO[bytes], head: bytes, warnings: list[str]) -> tuple[str, int | None]:
    """The text encoding of the whole file (checked in one streaming pass) and its line count."""
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        bad, _ = _bad_line(fh, "utf-16")
        if bad is not None:  # (its line count is of "\n" bytes, which UTF-16 does not give)
            raise InputError("not UTF-16 text, though it starts with a UTF-16 byte-order mark", path=display)
        return "utf-16", None
    bad, lines = _bad_line(fh, "utf-8")
    if bad is None:
        return "utf-8-sig", lines
    still_bad, lines = _bad_line(fh, "cp1252")
    if still_bad is not None:
        raise InputError("not UTF-8, UTF-16 or cp1252 text", path=display, row=still_bad)
    warnings.append(f"{display}: not UTF-8 (first bad byte on line {bad}); read as Windows-1252 (cp1252)")
    return "cp1252", lines


def _csv(display: str, text: IO[str], head: str, column: str | None, suffix: str, lines: int | None,
         warnings: list[str]) -> InputStream:
    if suffix in (".tsv", ".tab"):
        delimiter = "\t"
    else:
        try:
            delimiter = csv.Sniffer().sniff(head[:65536], delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(text, delimiter=delimiter)
    try:
        headers = next(reader)
    except StopIteration:
        raise InputError("the file is empty", path=display) from None
    except csv.Error as exc:
        raise InputError(f"{exc}", path=display, row=1) from None
    bare = suffix == ".txt" or (len(headers) == 1 and _pick(headers, NAME_HEADERS) is None and column is None)
    if bare:  # a plain list of names, one per line, no header
        cols = _Columns(0, None, None, None, None, "(one name per line)")
        first_line = [headers[0] if len(headers) == 1 else delimiter.join(headers)] if headers else []
        fmt = "lines"
    else:
        cols = _Columns.find(headers, display, column)
        first_line = None
        fmt = "tsv" if delimiter == "\t" else "csv"

    def rows() -> Iterator[InputRow]:
        number = 0
        if first_line is not None:
            number = 1
            yield cols.row(1, first_line)
        else:
            number = 1
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InputError(f"{exc}", path=display, row=reader.line_num) from None
            number += 1
            if fmt == "lines" and len(values) > 1:  # a name with the sniffed delimiter in it
                values = [delimiter.join(values)]
            elif len(values) > len(headers) and any(v.strip() for v in values[len(headers):]):
                yield InputRow(number, cols.row(number, values).name,
                               problem=f"{len(values)} cells but {len(headers)} columns (an unquoted "
                                       f"{'comma' if delimiter == ',' else repr(delimiter)} in a name?); not screened")
                continue
            yield cols.row(number, values if any(v.strip() for v in values) else [])

    total = None if lines is None else max(lines - (0 if bare else 1), 0)
    return InputStream(display, fmt, cols.header, rows(), total, warnings)


def _zip_workbook(display: str, fh: IO[bytes], column: str | None) -> InputStream:
    try:
        with zipfile.ZipFile(fh) as z:
            names = set(z.namelist())
            mimetype = z.read("mimetype")[:100] if "mimetype" in names else b""
    except (zipfile.BadZipFile, OSError, KeyError) as exc:
        raise InputError(f"not a readable XLSX or ODS workbook ({exc})", path=display) from None
    fh.seek(0)
    if b"opendocument.spreadsheet" in mimetype:
        return _ods(display, fh, column)
    if "xl/workbook.xml" not in names:
        raise InputError("a zip archive that is not an XLSX or ODS workbook", path=display)
    return _xlsx(display, fh, column)


def _xlsx(display: str, fh: IO[bytes], column: str | None) -> InputStream:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(fh, read_only=True, data_only=True)
        ws = wb.worksheets[0]
        it = ws.iter_rows(values_only=True)
        first = next(it, None)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise InputError(f"not a readable XLSX workbook ({type(exc).__name__}: {exc})", path=display) from None
    if first is None:
        wb.close()
        raise InputError("the first sheet is empty", path=display)
    headers = ["" if h is None else str(h) for h in first]
    cols = _Columns.find(headers, display, column)
    total = ws.max_row - 1 if isinstance(ws.max_row, int) and ws.max_row > 1 else None

    def rows() -> Iterator[InputRow]:
        try:
            for number, values in enumerate(it, start=2):
                yield cols.row(number, values)
        except Exception as exc:
            raise InputError(f"cannot read the sheet ({type(exc).__name__}: {exc})", path=display) from None
        finally:
            wb.close()

    return InputStream(display, "xlsx", cols.header, rows(), total)


def _ods(display: str, fh: IO[bytes], column: str | None) -> InputStream:
    import pandas as pd

    try:
        frame = pd.read_excel(fh, engine="odf", header=None, dtype=object, sheet_name=0)
    except Exception as exc:  # odfpy and pandas raise many types for broken files
        raise InputError(f"not a readable ODS workbook ({type(exc).__name__}: {exc})", path=display) from None
    records = [[None if _is_blank(v) else v for v in row] for row in frame.itertuples(index=False, name=None)]
    if not records:
        raise InputError("the first sheet is empty", path=display)
    headers = ["" if h is None else str(h) for h in records[0]]
    cols = _Columns.find(headers, display, column)

    def rows() -> Iterator[InputRow]:
        for number, values in enumerate(records[1:], start=2):
            yield cols.row(number, values)

    return InputStream(display, "ods", cols.header, rows(), len(records) - 1)


def _is_blank(v: object) -> bool:
    return v is None or (isinstance(v, float) and v != v)


def _jsonl(display: str, text: IO[str], column: str | None, lines: int | None, warnings: list[str]) -> InputStream:
    """JSON Lines: the name field is chosen from the first object's keys (or ``column``)."""
    it = enumerate(text, start=1)
    pending: list[tuple[int, str]] = []
    keys: list[str] | None = None
    for number, line in it:
        pending.append((number, line))
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError:
            continue
        if isinstance(rec, dict):
            keys = [str(k) for k in rec]
            break
    if keys is None:
        raise InputError("no JSON object found (JSON Lines needs one object per line)", path=display)
    col = _pick(keys, (column,) if column else NAME_HEADERS)
    if col is None:
        raise InputError(f"no name field found; fields are: {', '.join(keys)}", path=display)
    name_key = keys[col]
    extra = {k: (keys[i] if i is not None else None) for k, i in (
        ("country", _pick(keys, COUNTRY_HEADERS)), ("kind", _pick(keys, KIND_HEADERS)),
        ("ident", _pick(keys, ID_HEADERS)), ("role", _pick(keys, ROLE_HEADERS)), ("born", _pick(keys, BORN_HEADERS)))}

    def get(rec: dict[str, object], key: str | None) -> str | None:
        if key is None:
            return None
        v = rec.get(key)
        return None if v is None else (str(v).strip() or None)

    def one(number: int, line: str) -> InputRow | None:
        if not line.strip():
            return None
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            return InputRow(number, None, problem=f"not valid JSON ({exc.msg})")
        if not isinstance(rec, dict):
            return InputRow(number, None, problem="not a JSON object")
        name = get(rec, name_key)
        return InputRow(number, name, get(rec, extra["kind"]), get(rec, extra["country"]), get(rec, extra["ident"]),
                        _problem(name), get(rec, extra["role"]), get(rec, extra["born"]))

    def rows() -> Iterator[InputRow]:
        for number, line in pending:
            r = one(number, line)
            if r is not None:
                yield r
        for number, line in it:
            r = one(number, line)
            if r is not None:
                yield r

    return InputStream(display, "jsonl", name_key, rows(), lines, warnings)


# --- whole files -------------------------------------------------------------------------

def read_input(path: Path | str, column: str | None = None, data: bytes | None = None) -> InputFile:
    """Read every row of one input file (``data`` instead of the file for stdin, shown as "-")."""
    display = str(path)
    if data is None:
        with open_path(Path(path)) as fh:
            data = read_all(fh, display)
    stream = open_input(display, io.BytesIO(data), column)
    rows = list(stream.rows)
    return InputFile(display, rows, stream.column, stream.warnings)


def open_path(path: Path) -> IO[bytes]:
    """Open a user's input file for :func:`open_input`, with a clear error when it cannot be."""
    display = str(path)
    try:
        return path.open("rb")
    except FileNotFoundError:
        raise InputError("no such file", path=display) from None
    except IsADirectoryError:
        raise InputError("is a folder, not a file", path=display) from None
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=display) from None


def read_all(fh: IO[bytes], display: str) -> bytes:
    """The rest of an open file, with a clear error when it cannot be read."""
    try:
        return fh.read()
    except OSError as exc:
        raise InputError(f"cannot read ({exc.strerror})", path=display) from None
