"""Malformed and hostile publisher files fail with a clear message naming file and row."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from screen import sources
from screen.errors import SourceFormatError
from screen.sources.base import FileSet

FIX = Path(__file__).parents[1] / "fixtures"


def parse_as(path: Path, source: str, fmt: str, role: str = "main"):
    return sources.parse(FileSet(source, fmt, ((role, path),)))


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    p = tmp_path / name
    p.write_bytes(data)
    return p


# (file name, content, source, format, role, expected message part, expected row)
MALFORMED = [
    ("sdn.csv", b'1,"A",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n2,"B",-0- ,"X"\r\n',
     "ofac_sdn", "ofac_csv", "primary", "expected 12 columns, found 4", 2),
    ("sdn.csv", b'1,"A",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n1,"B",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n',
     "ofac_sdn", "ofac_csv", "primary", "appears twice", 2),
    ("sdn.csv", b'1,"A",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n2,"B\x00",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n',
     "ofac_sdn", "ofac_csv", "primary", "NUL byte", 2),
    ("sdn.csv", b'1,"A","spaceship","X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n',
     "ofac_sdn", "ofac_csv", "primary", "unknown SDN_Type", 1),
    # a superscript digit (cp1252 0xB9) passes str.isdigit but is no number
    ("sdn.csv", b'1,"A",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n\xb92,"B",-0- ,"X",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n',
     "ofac_sdn", "ofac_csv", "primary", "entity number '\u00b92' is not a number", 2),
    ("consolidated.csv", b"_id,source,name,alt_names,federal_register_notice\nx,EL,\"Acme\",,\ny,EL,\n",
     "us_csl", "us_csl", "main", "expected 5 columns, found 3", 3),
    ("consolidated.csv", b"_id,source,name,alt_names,federal_register_notice\nx,EL,Acme\xff,,\n",
     "us_csl", "us_csl", "main", "not valid UTF-8", 2),
    ("consolidated.json", b'{"results": [{"name": "A", "source": "EL"}, {"source": "EL"}]}',
     "us_csl", "us_csl", "main", "record without a name", "results[1]"),
    ("consolidated.xml", b"<CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>A</FIRST_NAME>\n</INDIVIDUALS>",
     "un", "un_sc", "main", "malformed XML", 2),
    ("consolidated.xml", b"<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>7</DATAID></ENTITY></ENTITIES></CONSOLIDATED_LIST>",
     "un", "un_sc", "main", "has no name", "element ENTITY[1]"),
    ("ConList.csv", b"Last Updated,01/01/2025\nName 6,Group ID,Alias Type,Regime,Group Type\nACME,,Primary name,R,Entity\n",
     "uk", "uk_ofsi", "main", "without a Group ID", 3),
    ("UK.csv", b"Report Date: 01-Jan-2026\nUnique ID,Name 6,Name type,Regime Name,Designation Type\nX1,ACME,Primary Name,R,Spaceship\n",
     "uk", "uk_fcdo", "main", "unknown Designation Type", 3),
    ("eu.xml", b'<export xmlns="http://eu.europa.ec/fpi/fsd/export"><sanctionEntity logicalId="1"><subjectType code="person"/></sanctionEntity></export>',
     "eu", "eu_fsf", "main", "has no name", "element sanctionEntity[1]"),
    ("targets.simple.csv", b'"id","schema","name"\n"a","Person","X"\n"b","Person"\n',
     "opensanctions", "opensanctions", "main", "expected 3 columns, found 2", 3),
]


@pytest.mark.parametrize(("name", "data", "source", "fmt", "role", "message", "row"), MALFORMED,
                         ids=[f"{m[3]}:{m[5][:20]}" for m in MALFORMED])
def test_malformed_file_names_file_and_row(tmp_path, name, data, source, fmt, role, message, row):
    path = write(tmp_path, name, data)
    with pytest.raises(SourceFormatError) as err:
        parse_as(path, source, fmt, role)
    text = str(err.value)
    assert message in text
    assert name in text
    assert err.value.row == row


def test_empty_and_header_only_files_are_refused(tmp_path):
    for data in (b"", b"_id,source,name,alt_names,federal_register_notice\n"):
        path = write(tmp_path, "consolidated.csv", data)
        with pytest.raises(SourceFormatError, match="consolidated.csv"):
            parse_as(path, "us_csl", "us_csl")


BOMB = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>&lol3;</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>&xxe;</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>"""


@pytest.mark.parametrize("data", [BOMB, XXE], ids=["entity-expansion", "external-entity"])
def test_xml_with_dtd_entities_is_refused(tmp_path, data):
    path = write(tmp_path, "consolidated.xml", data)
    with pytest.raises(SourceFormatError, match="DTD or entities"):
        parse_as(path, "un", "un_sc")


def _zip(members: list[tuple[str, bytes]]) -> bytes:
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        for name, data in members:
            z.writestr(name, data)
    return buf.getvalue()


def test_zip_bomb_is_refused(tmp_path):
    path = write(tmp_path, "SDN_ENHANCED.ZIP", _zip([("SDN_ENHANCED.XML", b"<" + b"a" * 60_000_000)]))
    with pytest.raises(SourceFormatError, match="zip bomb"):
        sources.detect(path)


def test_zip_member_escaping_the_folder_is_refused(tmp_path):
    xml = (FIX / "ofac_xml/SDN_ENHANCED.XML").read_bytes()
    path = write(tmp_path, "SDN_ENHANCED.ZIP", _zip([("../../evil/SDN_ENHANCED.XML", xml)]))
    with pytest.raises(SourceFormatError, match="outside the archive folder"):
        sources.detect(path)
    with pytest.raises(SourceFormatError, match="outside the archive folder"):
        parse_as(path, "ofac_sdn", "ofac_xml")


def test_broken_zip_is_refused(tmp_path):
    path = write(tmp_path, "x.zip", b"PK\x03\x04" + b"\x00" * 40)
    with pytest.raises(SourceFormatError, match="broken zip"):
        sources.detect(path)


def test_unknown_content_is_not_detected(tmp_path):
    for data in (b"<html><body>Service unavailable</body></html>", b"hello,world\n1,2\n", b"\x89PNG\r\n"):
        assert sources.detect(write(tmp_path, "f", data)) is None
