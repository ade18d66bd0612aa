"""Read the names to screen from a user's file: CSV/TSV (UTF-8 with or without BOM,
UTF-16 with BOM, cp1252 with a warning), XLSX, JSON Lines, or a plain list of names.

The name column is found by its header (name, organisation, partner, entity...) or given
with ``column``; optional country, kind, id and role columns are picked up by header too.
Every data row becomes one ``InputRow`` numbered as the user sees it in the file (the
header is row 1 of a spreadsheet); a row that cannot be read keeps its place with the
reason. ``InputError`` names the file (and row) when the file itself is unusable.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from .errors import InputError
from .screening import InputRow

NAME_HEADERS = ("name", "partner", "partner name", "organisation", "organization", "entity", "entity name",
                "company", "institution", "supplier", "full name", "full_name", "counterparty", "beneficiary")
COUNTRY_HEADERS = ("country", "country code", "nationality", "host country")
KIND_HEADERS = ("kind", "type", "entity type", "schema")
ID_HEADERS = ("id", "ref", "reference", "partner id")
ROLE_HEADERS = ("role", "partner role", "relationship")
MAX_CELL = 1000  # characters of a name that are matched on; longer cells are skipped with a reason


@dataclass(slots=True)
class InputFile:
    """The rows of one input file and what was noticed reading it."""

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


def _decode(raw: bytes, display: str, warnings: list[str]) -> str:
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise InputError(f"not valid UTF-16 ({exc.reason})", path=display) from None
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError:
            raise InputError("not UTF-8, UTF-16 or cp1252 text", path=display, row=line) from None
        warnings.append(f"{display}: not UTF-8 (first bad byte on line {line}); read as Windows-1252 (cp1252)")
        return text


def _problem(name: str | None) -> str | None:
    """Why a name cell cannot be screened, or None."""
    if name is None:
        return "empty name"
    if len(name) > MAX_CELL:
        return f"name longer than {MAX_CELL} characters ({len(name)}); not screened"
    if "\x00" in name:
        return "name holds a NUL byte"
    return None


def _table_rows(headers: list[str], body: Iterator[tuple[int, list[object]]], display: str, column: str | None) -> tuple[list[InputRow], str]:
    if column is not None:
        idx = _pick(headers, (column,))
        if idx is None:
            raise InputError(f"no column {column!r}; columns are: {', '.join(map(str, headers))}", path=display)
    else:
        idx = _pick(headers, NAME_HEADERS)
        if idx is None:
            raise InputError(
                f"{display}: no name column found (looked for {', '.join(NAME_HEADERS[:6])}...); "
                f"columns are: {', '.join(map(str, headers))}; name one with --column",
                path=display,
            )
    ci, ki, ii = _pick(headers, COUNTRY_HEADERS), _pick(headers, KIND_HEADERS), _pick(headers, ID_HEADERS)
    ri = _pick(headers, ROLE_HEADERS)
    rows: list[InputRow] = []

    def cell(values: list[object], i: int | None) -> str | None:
        if i is None or i >= len(values) or values[i] is None:
            return None
        v = str(values[i]).strip()
        return v or None

    for number, values in body:
        name = cell(values, idx)
        rows.append(InputRow(number, name, cell(values, ki), cell(values, ci), cell(values, ii), _problem(name),
                             cell(values, ri)))
    return rows, str(headers[idx])


def read_input(path: Path | str, column: str | None = None, data: bytes | None = None) -> InputFile:
    """Read one input file (``data`` instead of the file for stdin, shown as "-")."""
    display = str(path)
    warnings: list[str] = []
    if data is None:
        p = Path(path)
        try:
            data = p.read_bytes()
        except FileNotFoundError:
            raise InputError(f"no such file", path=display) from None
        except IsADirectoryError:
            raise InputError(f"is a folder, not a file", path=display) from None
        except OSError as exc:
            raise InputError(f"cannot read ({exc.strerror})", path=display) from None
    if not data.strip():
        raise InputError(f"the file is empty", path=display)
    suffix = Path(display).suffix.casefold()
    if data[:4] == b"PK\x03\x04" or suffix in (".xlsx", ".xlsm"):
        rows, col = _xlsx(data, display, column)
    elif suffix in (".jsonl", ".ndjson"):
        rows, col = _jsonl(_decode(data, display, warnings), display, column)
    else:
        rows, col = _csv(_decode(data, display, warnings), display, column, suffix)
    return InputFile(display, rows, col, warnings)


def _csv(text: str, display: str, column: str | None, suffix: str) -> tuple[list[InputRow], str]:
    sample = text[:65536]
    delimiter = "\t" if suffix in (".tsv", ".tab") else None
    if delimiter is None:
        try:
            delimiter = csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
        except csv.Error:
            delimiter = ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    try:
        headers = next(reader)
    except StopIteration:
        raise InputError(f"the file is empty", path=display) from None
    except csv.Error as exc:
        raise InputError(f"{exc}", path=display, row=1) from None
    if len(headers) == 1 and _pick(headers, NAME_HEADERS) is None and column is None:
        # A bare list of names, one per line, no header.
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        headers = ["name"]
        first = 1
    else:
        first = 2

    def body() -> Iterator[tuple[int, list[object]]]:
        number = first - 1
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                raise InputError(f"{exc}", path=display, row=reader.line_num) from None
            number += 1
            if not any(v.strip() for v in values):
                yield number, []
                continue
            yield number, list(values)

    return _table_rows(headers, body(), display, column)


def _xlsx(data: bytes, display: str, column: str | None) -> tuple[list[InputRow], str]:
    import openpyxl

    try:
        wb = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise InputError(f"not a readable XLSX workbook ({type(exc).__name__}: {exc})", path=display) from None
    ws = wb.worksheets[0]
    it = ws.iter_rows(values_only=True)
    try:
        headers = ["" if h is None else str(h) for h in next(it)]
    except StopIteration:
        raise InputError(f"the first sheet is empty", path=display) from None

    def body() -> Iterator[tuple[int, list[object]]]:
        for number, values in enumerate(it, start=2):
            yield number, list(values)

    rows, col = _table_rows(headers, body(), display, column)
    wb.close()
    return rows, col


def _jsonl(text: str, display: str, column: str | None) -> tuple[list[InputRow], str]:
    records: list[tuple[int, dict[str, object] | None, str | None]] = []
    keys: dict[str, None] = {}
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            records.append((number, None, f"not valid JSON ({exc.msg})"))
            continue
        if not isinstance(rec, dict):
            records.append((number, None, "not a JSON object"))
            continue
        records.append((number, rec, None))
        keys.update(dict.fromkeys(rec))
    headers = list(keys) or ["name"]
    col_idx = _pick(headers, (column,) if column else NAME_HEADERS)
    if col_idx is None:
        raise InputError(f"no name field found; fields are: {', '.join(headers)}", path=display)
    out: list[InputRow] = []
    ci, ki, ii = _pick(headers, COUNTRY_HEADERS), _pick(headers, KIND_HEADERS), _pick(headers, ID_HEADERS)
    ri = _pick(headers, ROLE_HEADERS)
    for number, rec, problem in records:
        if rec is None:
            out.append(InputRow(number, None, problem=problem))
            continue

        def get(i: int | None) -> str | None:
            if i is None:
                return None
            v = rec.get(headers[i])
            return None if v is None else (str(v).strip() or None)

        name = get(col_idx)
        out.append(InputRow(number, name, get(ki), get(ci), get(ii), _problem(name), get(ri)))
    return out, headers[col_idx]
