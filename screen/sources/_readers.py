"""Safe readers shared by the parsers: text decoding with row-accurate errors, CSV rows,
XML without DTDs or entity expansion, zip members without bombs or path escapes, and
XLSX sheets. Every failure raises ``SourceFormatError`` naming the file (and row)."""

from __future__ import annotations

import csv
import io
import zipfile
from collections.abc import Iterator
from pathlib import Path, PurePosixPath
from typing import IO

from defusedxml import DefusedXmlException
from defusedxml import ElementTree as SafeET

from ..errors import SourceFormatError
from .base import Sniff

SNIFF_BYTES = 64 * 1024
MAX_MEMBER_BYTES = 2 * 1024 * 1024 * 1024  # an uncompressed zip member larger than this is refused
MAX_RATIO = 200  # uncompressed / compressed: real list files compress ~10-20x, bombs ~1000x
MAX_MEMBERS = 10_000


def sniff(path: Path) -> Sniff:
    """Read the first bytes of a file (and of its first zip member) for detection."""
    try:
        with path.open("rb") as fh:
            head = fh.read(SNIFF_BYTES)
    except OSError as exc:
        raise SourceFormatError(f"cannot read file ({exc.strerror})", str(path)) from exc
    if head.startswith(b"PK\x03\x04"):
        try:
            with zipfile.ZipFile(path) as zf:
                infos = check_zip(zf, str(path))
                members = tuple(i.filename for i in infos)
                first = _first_data_member(infos)
                inner = b""
                if first is not None:
                    with zf.open(first) as fh:
                        inner = fh.read(SNIFF_BYTES)
                return Sniff(path=path, head=inner, zip_members=members)
        except zipfile.BadZipFile as exc:
            raise SourceFormatError(f"broken zip archive ({exc})", str(path)) from exc
    return Sniff(path=path, head=head)


def _first_data_member(infos: list[zipfile.ZipInfo]) -> zipfile.ZipInfo | None:
    for info in infos:
        if not info.is_dir():
            return info
    return None


def check_zip(zf: zipfile.ZipFile, display: str) -> list[zipfile.ZipInfo]:
    """Refuse zip archives that escape the folder or expand like a bomb."""
    infos = zf.infolist()
    if len(infos) > MAX_MEMBERS:
        raise SourceFormatError(f"zip archive has {len(infos)} members; refused", display)
    for info in infos:
        name = info.filename
        pure = PurePosixPath(name.replace("\\", "/"))
        if pure.is_absolute() or ".." in pure.parts or (len(name) > 1 and name[1] == ":"):
            raise SourceFormatError(f"zip member {name!r} has a path outside the archive folder; refused", display)
        if info.file_size > MAX_MEMBER_BYTES:
            raise SourceFormatError(
                f"zip member {name!r} would expand to {info.file_size:,} bytes (limit {MAX_MEMBER_BYTES:,}); refused",
                display,
            )
        if info.compress_size and info.file_size / info.compress_size > MAX_RATIO and info.file_size > 10_000_000:
            raise SourceFormatError(
                f"zip member {name!r} expands {info.file_size // max(info.compress_size, 1)}x; "
                "refused as a likely zip bomb",
                display,
            )
    return infos


def read_zip_member(path: Path, suffixes: tuple[str, ...]) -> tuple[str, bytes]:
    """The single member of a zip whose name ends with one of ``suffixes``, read with a cap."""
    try:
        with zipfile.ZipFile(path) as zf:
            infos = [i for i in check_zip(zf, str(path)) if not i.is_dir()]
            hits = [i for i in infos if i.filename.lower().endswith(suffixes)]
            if len(hits) != 1:
                raise SourceFormatError(
                    f"expected one {'/'.join(suffixes)} file in the zip, found {len(hits)}", str(path)
                )
            info = hits[0]
            with zf.open(info) as fh:
                data = fh.read(info.file_size + 1)
            if len(data) > info.file_size:
                raise SourceFormatError(f"zip member {info.filename!r} is larger than it declares; refused", str(path))
            return info.filename, data
    except zipfile.BadZipFile as exc:
        raise SourceFormatError(f"broken zip archive ({exc})", str(path)) from exc


def is_zip(path: Path) -> bool:
    """True when the file starts with the zip signature (reads four bytes)."""
    with path.open("rb") as fh:
        return fh.read(4) == b"PK\x03\x04"


def read_bytes(path: Path) -> bytes:
    """The whole file; a clear error when it cannot be read."""
    try:
        return path.read_bytes()
    except OSError as exc:
        raise SourceFormatError(f"cannot read file ({exc.strerror})", str(path)) from exc


def is_number(text: str) -> bool:
    """Whether ``text`` is a number written in ASCII digits ("29159"; not "¹29159", whose
    superscript ``str.isdigit`` accepts and ``int`` refuses)."""
    return text.isascii() and text.isdigit()


def line_of(data: bytes | str, offset: int) -> int:
    """1-based line number of a byte or character offset."""
    newline: bytes | str = b"\n" if isinstance(data, bytes) else "\n"
    return data.count(newline, 0, offset) + 1  # type: ignore[arg-type]


def decode(data: bytes, display: str, fallback: str | None = None) -> str:
    """Decode UTF-8 (BOM allowed) or UTF-16 with BOM; ``fallback`` (e.g. cp1252) for
    publishers documented to use it. NUL bytes are refused with their row."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise SourceFormatError(f"invalid UTF-16 ({exc.reason})", display) from exc
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            if fallback is None:
                raise SourceFormatError(
                    f"not valid UTF-8 (byte 0x{data[exc.start]:02x} at offset {exc.start})",
                    display,
                    line_of(data, exc.start),
                ) from exc
            text = data.decode(fallback, errors="strict") if fallback != "cp1252" else _cp1252(data)
    nul = text.find("\x00")
    if nul >= 0:
        raise SourceFormatError("contains a NUL byte; refused", display, line_of(text, nul))
    return text


def _cp1252(data: bytes) -> str:
    # cp1252 leaves five bytes undefined; latin-1 maps them to C1 controls instead of failing.
    try:
        return data.decode("cp1252")
    except UnicodeDecodeError:
        return data.decode("latin-1")


def csv_rows(text: str, display: str, delimiter: str = ",", start_row: int = 1) -> Iterator[tuple[int, list[str]]]:
    """(row number, cells) for each non-empty CSV record; csv errors name the row."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=False)
    try:
        for cells in reader:
            row = reader.line_num + start_row - 1
            if not cells or (len(cells) == 1 and not cells[0].strip()):
                continue
            yield row, cells
    except csv.Error as exc:
        raise SourceFormatError(f"malformed CSV ({exc})", display, reader.line_num + start_row - 1) from exc


def local(tag: str) -> str:
    """An XML tag without its namespace."""
    return tag.rsplit("}", 1)[-1]


def iter_xml(source: IO[bytes] | str, display: str, events: tuple[str, ...] = ("start", "end")) -> Iterator[tuple[str, object]]:
    """iterparse with DTDs, entities and external references forbidden."""
    try:
        yield from SafeET.iterparse(source, events=events, forbid_dtd=True, forbid_entities=True, forbid_external=True)
    except DefusedXmlException as exc:
        raise SourceFormatError(f"XML declares a DTD or entities ({type(exc).__name__}); refused", display) from exc
    except SafeET.ParseError as exc:  # type: ignore[attr-defined]
        line = exc.position[0] if getattr(exc, "position", None) else None
        raise SourceFormatError(f"malformed XML ({exc.msg if hasattr(exc, 'msg') else exc})", display, line) from exc
    except (LookupError, ValueError) as exc:  # an unknown encoding declared, a bad character reference
        raise SourceFormatError(f"malformed XML ({exc})", display) from exc


def xlsx_rows(path: Path) -> Iterator[tuple[int, tuple[object, ...]]]:
    """(row number, values) of the first sheet of an XLSX file, after zip checks."""
    import openpyxl  # imported here: only XLSX parsing needs it

    try:
        with zipfile.ZipFile(path) as zf:
            check_zip(zf, str(path))
    except zipfile.BadZipFile as exc:
        raise SourceFormatError(f"broken XLSX file ({exc})", str(path)) from exc
    try:
        wb = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many types for broken files
        raise SourceFormatError(f"cannot open XLSX ({type(exc).__name__}: {exc})", str(path)) from exc
    try:
        ws = wb.worksheets[0]
        for i, values in enumerate(ws.iter_rows(values_only=True), start=1):
            yield i, values
    finally:
        wb.close()


def cell(value: object) -> str:
    """A spreadsheet or CSV cell as stripped text ('' for empty)."""
    if value is None:
        return ""
    return str(value).strip()
