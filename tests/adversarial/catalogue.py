"""The catalogue of hostile inputs hrdd is tried on: files that try to break or exploit it
(XML and zip bombs, external entities, paths outside a folder, truncated and wrong-format
downloads, NUL bytes, invalid or wrong encodings, huge cells, empty and header-only files,
YAML alias bombs). Each case says how it is fed to hrdd, the exit code it must give and
the message it must print (naming the file, and the row where there is one).

`test_catalogue.py` runs every case and checks, besides the exit code and message, that
the current list snapshots and an earlier output file are unchanged. `table()` counts the
cases per category for the README; a test checks that the README shows these counts.
"""

from __future__ import annotations

import io
import zipfile
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from tests.sources.test_malformed import _zip

FIX = Path(__file__).resolve().parents[1] / "fixtures"
UN = (FIX / "un" / "consolidated.xml").read_bytes()
CSL_HEADER = (FIX / "us_csl" / "consolidated.csv").read_bytes().split(b"\n", 1)[0] + b"\n"
CSL = (FIX / "us_csl" / "consolidated.csv").read_bytes()
SDN_ROW = b'1,"ACME",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n'


LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol4 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<CONSOLIDATED_LIST dateGenerated="2026-11-20T00:00:00Z"><ENTITIES><ENTITY><DATAID>1</DATAID>
<FIRST_NAME>&lol4;</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>"""
XXE = b"""<?xml version="1.0"?>
<!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
<CONSOLIDATED_LIST dateGenerated="2026-11-20T00:00:00Z"><ENTITIES><ENTITY><DATAID>1</DATAID>
<FIRST_NAME>&xxe;</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>"""
EXTERNAL_DTD = b"""<?xml version="1.0"?>
<!DOCTYPE CONSOLIDATED_LIST SYSTEM "http://127.0.0.1:9/evil.dtd">
<CONSOLIDATED_LIST dateGenerated="2026-11-20T00:00:00Z"><ENTITIES/></CONSOLIDATED_LIST>"""
QUADRATIC = (b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY a "' + b"x" * 50_000 + b'">]>\n'
             b"<CONSOLIDATED_LIST><ENTITIES><ENTITY><DATAID>1</DATAID><FIRST_NAME>" + b"&a;" * 5_000
             + b"</FIRST_NAME></ENTITY></ENTITIES></CONSOLIDATED_LIST>")
YAML_BOMB = b"""a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
title: *g
decisions: *g
"""


@dataclass(frozen=True)
class Case:
    """One hostile input: how it reaches hrdd and what hrdd must answer."""

    id: str
    category: str
    command: str  # import, update, screen, assess, decisions, register
    data: bytes | Callable[[Path], bytes]  # the file's bytes (or the HTTP body for update)
    name: str  # the file's name
    exit: int
    message: str  # printed on stderr/stdout; {file} is replaced by the file's path
    http: dict[str, object] = field(default_factory=dict)  # Route fields for update cases


CASES: list[Case] = [
    # XML
    Case("xml-billion-laughs", "XML bombs and entities", "import", LAUGHS, "consolidated.xml", 3,
         "{file}: XML declares a DTD or entities"),
    Case("xml-external-entity", "XML bombs and entities", "import", XXE, "consolidated.xml", 3,
         "{file}: XML declares a DTD or entities"),
    Case("xml-external-dtd", "XML bombs and entities", "import", EXTERNAL_DTD, "consolidated.xml", 3,
         "{file}: XML declares a DTD or entities"),
    Case("xml-quadratic-blowup", "XML bombs and entities", "import", QUADRATIC, "consolidated.xml", 3,
         "{file}: XML declares a DTD or entities"),
    # zip
    Case("zip-bomb", "zip bombs and paths", "import", _zip([("SDN_ENHANCED.XML", b"<" + b"a" * 60_000_000)]),
         "SDN_ENHANCED.ZIP", 3, "refused as a likely zip bomb"),
    Case("zip-path-traversal", "zip bombs and paths", "import",
         lambda _: _zip([("../../evil/SDN_ENHANCED.XML", (FIX / "ofac_xml/SDN_ENHANCED.XML").read_bytes())]),
         "SDN_ENHANCED.ZIP", 3, "outside the archive folder"),
    Case("zip-absolute-path", "zip bombs and paths", "import",
         lambda _: _zip([("/tmp/evil/SDN_ENHANCED.XML", (FIX / "ofac_xml/SDN_ENHANCED.XML").read_bytes())]),
         "SDN_ENHANCED.ZIP", 3, "outside the archive folder"),
    Case("zip-broken", "zip bombs and paths", "import", b"PK\x03\x04" + b"\x00" * 40, "SDN_ENHANCED.ZIP", 3,
         "broken zip"),
    # list files: bytes and encodings
    Case("list-nul-byte", "NUL bytes and encodings", "import",
         SDN_ROW + b'2,"B\x00C",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n', "sdn.csv", 3,
         "{file}, row 2: contains a NUL byte"),
    Case("list-invalid-utf8", "NUL bytes and encodings", "import", CSL_HEADER + CSL.split(b"\n", 1)[1].replace(
        b"Xinjiang Police College", b"Xinjiang \xff Police College", 1), "consolidated.csv", 3,
         "{file}, row 2: not valid UTF-8"),
    Case("list-utf16-without-bom", "NUL bytes and encodings", "import", CSL.decode("utf-8").encode("utf-16-le"),
         "consolidated.csv", 3, "{file}: no list files recognised"),
    # truncated, empty and wrong-format files
    Case("list-empty", "empty, truncated and wrong-format files", "import", b"", "consolidated.xml", 3,
         "{file}: no list files recognised"),
    Case("list-headers-only", "empty, truncated and wrong-format files", "import", CSL_HEADER, "consolidated.csv", 3,
         "{file}: no records"),
    Case("list-truncated-xml", "empty, truncated and wrong-format files", "import", UN[: len(UN) // 2],
         "consolidated.xml", 3, "{file}"),
    Case("list-html-page", "empty, truncated and wrong-format files", "import",
         b"<!DOCTYPE html><html><body>Service unavailable</body></html>", "consolidated.xml", 3,
         "{file}: no list files recognised"),
    # downloads (served from 127.0.0.1)
    Case("download-truncated", "broken downloads", "update", UN, "un", 4, "truncated",
         {"truncate_to": len(UN) // 3}),
    Case("download-html-200", "broken downloads", "update", b"<html><body>Maintenance</body></html>", "un", 4,
         "not the expected"),
    Case("download-404", "broken downloads", "update", b"gone", "un", 4, "404", {"status": 404}),
    Case("download-500", "broken downloads", "update", b"oops", "un", 4, "500", {"status": 500}),
    Case("download-empty", "broken downloads", "update", b"", "un", 4, "current snapshot is kept"),
    Case("download-wrong-list", "broken downloads", "update", CSL, "un", 4, "not the expected"),
    Case("download-xml-bomb", "broken downloads", "update", LAUGHS, "un", 4, "DTD or entities"),
    # files of names to screen
    Case("screen-empty", "files of names", "screen", b"", "partners.csv", 3, "{file}: the file is empty"),
    Case("screen-undecodable", "files of names", "screen", b"name\nAlpha\nBad \x81\x8d name\n", "partners.csv", 3,
         "{file}, row 3: not UTF-8, UTF-16 or cp1252 text"),
    Case("screen-broken-xlsx", "files of names", "screen", b"PK\x03\x04" + b"\x00" * 40, "partners.xlsx", 3,
         "{file}: not a readable XLSX or ODS workbook"),
    Case("screen-zip-traversal", "files of names", "screen", _zip([("../../evil.txt", b"x")]), "partners.xlsx", 3,
         "{file}: a zip archive that is not an XLSX or ODS workbook"),
    Case("screen-xlsx-xxe", "files of names", "screen", lambda _: _xlsx_with_entity(), "partners.xlsx", 3,
         "{file}: cannot read the sheet (ParseError: undefined entity"),
    Case("screen-no-name-column", "files of names", "screen", b"a,b\n1,2\n", "partners.csv", 3,
         "{file}: no name column found"),
    Case("screen-headers-only", "files of names", "screen", b"name,country\n", "partners.csv", 0,
         "{file}: no data rows"),
    Case("screen-nul-and-huge-cells", "files of names", "screen",
         b"name\nA\x00B\n" + b"x" * 100_000 + b"\n=cmd|' /C calc'!A0\n", "partners.csv", 0,
         "3 rows: 0 match, 0 review, 1 clear, 2 skipped"),
    Case("screen-binary", "files of names", "screen", bytes(range(256)) * 64, "partners.csv", 3, "{file}"),
    # YAML files
    Case("project-yaml-bomb", "YAML files", "assess", YAML_BOMB, "project.yaml", 3,
         "{file}, line 2: not valid YAML: aliases (*name) are not allowed"),
    Case("project-nul", "YAML files", "assess", b"title: a\x00b\n", "project.yaml", 3, "{file}: holds a NUL byte"),
    Case("project-not-yaml", "YAML files", "assess", b"title: [unclosed\n", "project.yaml", 3,
         "{file}, line 2: not valid YAML"),
    Case("project-huge", "YAML files", "assess", b"title: x\n" + b"# " + b"x" * 3_000_000 + b"\n",
         "project.yaml", 3, "{file}: file is"),
    Case("project-bad-date", "YAML files", "assess", b"title: a\nreviewed: 2026-01-00\n", "project.yaml", 3,
         "{file}, line 2: not valid YAML: '2026-01-00' is not a valid date"),
    Case("decisions-yaml-bomb", "YAML files", "decisions", YAML_BOMB, "decisions.yaml", 3,
         "{file}, line 2: not valid YAML"),
    Case("register-yaml-bomb", "YAML files", "register", YAML_BOMB, "bodies/evil.yaml", 3,
         "aliases (*name) are not allowed"),
]


def _xlsx_with_entity() -> bytes:
    """A workbook whose sheet declares an external entity."""
    import openpyxl

    wb = openpyxl.Workbook()
    wb.active.append(["name"])
    wb.active.append(["Alpha"])
    buf = io.BytesIO()
    wb.save(buf)
    src = zipfile.ZipFile(io.BytesIO(buf.getvalue()))
    out = io.BytesIO()
    sheet = "xl/worksheets/sheet1.xml"
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for item in src.infolist():
            data = src.read(item.filename)
            if item.filename == sheet:
                data = data.replace(b"?>", b'?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>', 1)
                data = data.replace(b"Alpha", b"&xxe;")
            z.writestr(item, data)
    assert b"&xxe;" in zipfile.ZipFile(io.BytesIO(out.getvalue())).read(sheet)
    return out.getvalue()


def table() -> list[tuple[str, int]]:
    """(category, number of cases) in catalogue order."""
    return list(Counter(c.category for c in CASES).items())
