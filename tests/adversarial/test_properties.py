"""Property-based tests (hypothesis): normalisation is idempotent; every output format
escapes any name; no input row is lost in any format; a publish interrupted at any step
leaves the last good version current; any bytes given to a parser or reader yield records
or a clean error, never a crash."""

from __future__ import annotations

import csv
import io
import json
import shutil
import tempfile
import xml.etree.ElementTree as ET
from datetime import UTC, datetime
from html.parser import HTMLParser
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from screen import lists, sources
from screen.batch.outcome import Outcome, Summary
from screen.errors import HrddError
from screen.names import analyze
from screen.report.batch import FORMATS, WriterOptions, make_writer
from screen.report.escape import xml_safe
from screen.settings import Settings
from screen.sources.base import FileSet
from screen.store.snapshots import ListStore

from .catalogue import FIX

NOW = datetime(2026, 11, 23, tzinfo=UTC)
GOLDEN = Path(__file__).resolve().parents[1] / "assess" / "golden"
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])

# names: any text, and text made of what names are made of in many scripts, with the characters
# used to disguise or break things (markup, formula starts, controls, bidi, zero-width)
NAME_CHARS = st.sampled_from(list("abcXYZ éøßİı陈全国新疆Абвгд ابت=+-@<>&\"'|*_[]()#!`~\\%:,\n\r\t\x00\x07"
                                  "\u200b\u200d\u202e\u2066\ufeff０ＡＢ"))
NAMES = st.one_of(st.text(max_size=60), st.text(NAME_CHARS, max_size=60))
PROPERTIES = ["normalisation is idempotent", "every batch format escapes any name", "the HTML report escapes any name",
              "no input row is lost in any format", "an interrupted publish keeps the last good version",
              "any bytes to a list parser give records or a clean error",
              "any bytes to the input reader give rows or a clean error",
              "any bytes to a decisions or project file give data or a clean error"]


@SETTINGS
@given(NAMES)
def test_normalisation_is_idempotent(name):
    once = analyze(name).text
    assert analyze(once).text == once


def _outcome(name: str, row: int, status: str = "skipped") -> Outcome:
    return Outcome("in.csv", row, name, status, reason="empty name" if status == "skipped" else None)


INFO = {"tool": {"name": "hrdd", "version": "t"}, "run_time": "2026-11-23T12:00:00+00:00",
        "files": [{"path": "in.csv", "format": "csv", "name_column": "name"}],
        "thresholds": {"match": 90, "review": 75, "shown_from": 75}, "fail_on": "review", "lists": [],
        "stale_days": 30, "decisions": None, "changed_since": None}


def _render(fmt: str, names: list[str]) -> str | bytes:
    binary = fmt == "xlsx"
    out = io.BytesIO() if binary else io.StringIO()
    w = make_writer(fmt, out, WriterOptions())
    w.begin(INFO)
    summary = Summary()
    for i, n in enumerate(names, start=2):
        o = _outcome(n, i, "skipped" if i % 2 else "clear")
        w.row(o)
        summary.add(o)
    w.end(summary)
    return out.getvalue()


def _rows_in(fmt: str, text: str | bytes, n: int) -> int:
    """How many input rows an output holds."""
    if fmt == "json":
        return len(json.loads(text)["results"])
    if fmt == "jsonl":
        return sum(1 for line in str(text).splitlines() if json.loads(line)["type"] == "row")
    if fmt == "csv":
        return len(list(csv.DictReader(io.StringIO(str(text), newline=""))))
    if fmt == "xlsx":
        import openpyxl

        return openpyxl.load_workbook(io.BytesIO(bytes(text)))["Results"].max_row - 1
    if fmt == "junit":
        return len(ET.fromstring(str(text)).findall("./testsuite/testcase"))
    if fmt == "markdown":
        return sum(1 for line in str(text).splitlines() if line.startswith("| in.csv |"))
    if fmt == "table":
        return sum(1 for line in str(text).splitlines()
                   if line.split()[:1] and line.split()[0].isdigit() and line.split()[1:2] in (["clear"], ["skipped"]))
    if fmt == "github":  # only rows needing attention are annotated (here the skipped, odd rows); all are counted
        lines = str(text).splitlines()
        assert sum(1 for line in lines if "not screened" in line) == n // 2
        return int(lines[-1].split("::")[2].split()[0])
    raise AssertionError(fmt)


@SETTINGS
@given(st.lists(NAMES, min_size=1, max_size=8))
def test_every_batch_format_escapes_any_name_and_keeps_every_row(names):
    for fmt in FORMATS:
        text = _render(fmt, names)
        assert _rows_in(fmt, text, len(names)) == len(names), fmt
        if fmt == "csv":
            for row in csv.DictReader(io.StringIO(str(text), newline="")):
                assert not row["input"].startswith(("=", "+", "-", "@", "\t", "\r"))
        elif fmt == "json":
            assert [r["input"] for r in json.loads(text)["results"]] == names
        elif fmt == "junit":
            cases = ET.fromstring(str(text)).findall("./testsuite/testcase")
            assert [c.get("name") for c in cases] == [f"row {i}: {xml_safe(n)}" for i, n in enumerate(names, 2)]
        elif fmt == "github":
            assert all(line.startswith(("::warning ", "::error ", "::notice ")) for line in str(text).splitlines())
        elif fmt == "markdown":
            body = [x for x in str(text).splitlines() if x.startswith("| in.csv |")]
            assert all(x.count(" | ") == 5 for x in body) and "<" not in "".join(body)


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, tuple[str, ...]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, tuple(sorted(k for k, _ in attrs))))


@SETTINGS
@given(NAMES)
def test_the_html_report_escapes_any_name(name):
    from screen.report.assessment import render

    assume(name.strip())
    doc = json.loads((GOLDEN / "community-policing-uk.json").read_text(encoding="utf-8"))
    baseline = _Tags()
    baseline.feed(render(doc, "html"))
    doc["parties"][0]["name"] = doc["project"]["funder"] = name
    doc["title"] = name
    tags = _Tags()
    tags.feed(render(doc, "html"))
    assert tags.tags == baseline.tags  # the name added no element and no attribute


@pytest.fixture(scope="module")
def un_home():
    folder = Path(tempfile.mkdtemp(prefix="hrdd-prop-"))
    settings_ = Settings(home=folder / "home")
    assert lists.import_paths([FIX / "un"], settings_, lambda: NOW).ok
    yield settings_
    shutil.rmtree(folder, ignore_errors=True)


@SETTINGS
@given(st.lists(NAMES, max_size=12))
def test_no_input_row_is_lost_from_file_to_output(un_home, names):
    from screen.batch import ScreenJob, run_screen

    folder = Path(tempfile.mkdtemp(prefix="hrdd-rows-"))
    try:
        f = folder / "in.csv"
        with f.open("w", encoding="utf-8", newline="") as fh:
            csv.writer(fh).writerows([["name"], *([n] for n in names)])
        out = io.StringIO()
        job = ScreenJob([str(f)], use_register=False, jobs=1)
        run = run_screen(job, un_home, lambda: NOW, make_writer("jsonl", out, WriterOptions()))
        rows = [json.loads(x) for x in out.getvalue().splitlines() if json.loads(x)["type"] == "row"]
        assert len(rows) == run.summary.rows == len(names)
        assert [r["row"] for r in rows] == list(range(2, len(names) + 2))
        for r, n in zip(rows, names):
            assert r["status"] in ("match", "review", "clear", "skipped")
            assert r["input"] == (n.strip() or None) or r["status"] == "skipped"
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@SETTINGS
@given(st.sampled_from(["copy", "entities", "index", "manifest", "rename", "current"]),
       st.sampled_from([KeyboardInterrupt, MemoryError, OSError, RuntimeError]))
def test_a_publish_interrupted_at_any_step_keeps_the_last_good_version(un_home, step, error):
    store = ListStore(un_home.lists_dir)
    good = store.current("un")
    original = ListStore.publish
    new = Path(tempfile.mkdtemp(prefix="hrdd-new-"))
    (new / "consolidated.xml").write_bytes((FIX / "un" / "consolidated.xml").read_bytes().replace(
        b"2026-11-20", b"2026-11-22", 1))

    def interrupted(self, *args, **kwargs):
        def boom(name):
            if name == step:
                raise error("interrupted")
        return original(self, *args, **{**kwargs, "step": boom})

    ListStore.publish = interrupted  # type: ignore[method-assign]
    try:
        try:
            lists.import_paths([new], un_home, lambda: NOW)
        except (KeyboardInterrupt, MemoryError, RuntimeError):
            pass
    finally:
        ListStore.publish = original  # type: ignore[method-assign]
        shutil.rmtree(new, ignore_errors=True)
    assert store.current("un") == good
    assert len(store.entities("un")) == 2
    assert not list(store.source_dir("un").glob(".staging-*"))


PARSERS = [  # (source, format, role, file name, a valid file to mutate)
    ("ofac_sdn", "ofac_csv", "primary", "sdn.csv", FIX / "ofac_sdn" / "sdn.csv"),
    ("ofac_sdn", "ofac_xml", "main", "SDN_ENHANCED.XML", FIX / "ofac_xml" / "SDN_ENHANCED.XML"),
    ("us_csl", "us_csl", "main", "consolidated.csv", FIX / "us_csl" / "consolidated.csv"),
    ("us_csl", "us_csl", "main", "consolidated.json", FIX / "us_csl" / "consolidated.json"),
    ("uk", "uk_fcdo", "main", "UK-Sanctions-List.csv", FIX / "uk_fcdo" / "UK-Sanctions-List.csv"),
    ("uk", "uk_fcdo", "main", "UK-Sanctions-List.xml", FIX / "uk_fcdo" / "UK-Sanctions-List.xml"),
    ("uk", "uk_ofsi", "main", "ConList.csv", FIX / "uk_ofsi" / "ConList.csv"),
    ("eu", "eu_fsf", "main", "eu.xml", FIX / "eu" / "xmlFullSanctionsList_1_1.xml"),
    ("un", "un_sc", "main", "consolidated.xml", FIX / "un" / "consolidated.xml"),
    ("opensanctions", "opensanctions", "main", "targets.simple.csv", FIX / "opensanctions" / "targets.simple.csv"),
]


@st.composite
def mutated(draw, original: bytes):
    """A valid file cut, with bytes flipped, inserted or deleted; or random bytes."""
    if draw(st.booleans()):
        return draw(st.binary(max_size=400))
    data = bytearray(original)
    for _ in range(draw(st.integers(1, 4))):
        at = draw(st.integers(0, max(len(data) - 1, 0)))
        how = draw(st.sampled_from(["cut", "flip", "insert", "delete"]))
        if how == "cut":
            del data[at:]
        elif how == "flip" and data:
            data[at] ^= draw(st.integers(1, 255))
        elif how == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=8))
        elif data:
            del data[at:at + draw(st.integers(1, 40))]
    return bytes(data)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.data())
@pytest.mark.parametrize("source,fmt,role,name,valid", PARSERS, ids=[f"{p[1]}:{p[3]}" for p in PARSERS])
def test_any_bytes_to_a_list_parser_give_records_or_a_clean_error(source, fmt, role, name, valid, data):
    blob = data.draw(mutated(valid.read_bytes()))
    folder = Path(tempfile.mkdtemp(prefix="hrdd-parse-"))
    try:
        path = folder / name
        path.write_bytes(blob)
        try:
            sources.detect(path)
        except HrddError:
            pass
        try:
            result = sources.parse(FileSet(source, fmt, ((role, path),)))
        except HrddError as exc:
            assert str(exc)
        else:
            assert all(e.names for e in result.entities)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@SETTINGS
@given(st.data(), st.sampled_from(["p.csv", "p.tsv", "p.txt", "p.jsonl", "p.xlsx", "-"]))
def test_any_bytes_to_the_input_reader_give_rows_or_a_clean_error(data, name):
    from screen.inputs import open_input

    valid = b"name,country\nAlpha,GB\n\"Beta, Ltd\",FR\n" if name != "p.jsonl" else b'{"name": "A"}\n{"name": "B"}\n'
    blob = data.draw(mutated(valid))
    try:
        rows = list(open_input(name, io.BytesIO(blob)).rows)
    except HrddError as exc:
        assert str(exc).startswith(name)
    else:
        assert [r.row for r in rows] == sorted({r.row for r in rows})


@SETTINGS
@given(st.data(), st.sampled_from(["d.yaml", "d.csv", "project.yaml"]))
def test_any_bytes_to_a_decisions_or_project_file_give_data_or_a_clean_error(data, name):
    from screen.assess.project import load_project
    from screen.decisions import parse_decisions

    valid = {
        "d.yaml": b"decisions:\n  - {input: A, source: us_csl, entity_id: x, decision: confirmed, reviewer: r, "
                  b"date: 2026-01-01, fingerprint: f}\n",
        "d.csv": b"input,source,entity_id,decision,reviewer,date,reason,fingerprint\nA,us_csl,x,confirmed,r,2026-01-01,,f\n",
        "project.yaml": (Path(__file__).resolve().parents[2] / "examples" / "community-policing-uk.yaml").read_bytes(),
    }[name]
    blob = data.draw(mutated(valid))
    folder = Path(tempfile.mkdtemp(prefix="hrdd-yaml-"))
    try:
        try:
            if name == "project.yaml":
                (folder / name).write_bytes(blob)
                load_project(folder / name)
            else:
                parse_decisions(blob, name, ("us_csl", "register"))
        except HrddError as exc:
            assert str(exc)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


@SETTINGS
@given(st.text(max_size=60))
def test_any_country_or_birth_date_is_read_or_refused_with_a_reason(text):
    from screen.births import query_years
    from screen.countries import query_country

    for read in (query_country, query_years):
        try:
            read(text)
        except ValueError as exc:
            assert repr(text.strip()) in str(exc)
