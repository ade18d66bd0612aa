"""`hrdd screen` end to end on fixture lists: every row in every format, exit codes,
decisions that silence, expire and come back when a record changes, --changed-since,
--decisions-template, settings from hrdd.toml, outputs never half-written."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
import yaml

from screen.exitcodes import ExitCode

from .conftest import changed_csl, import_lists

PARTNERS = ("id,partner,country\n1,Xinjiang Police College,CN\n2,Police Scotland,GB\n3,\n"
            "4,Xinjiang Police Academy,CN\n")


@pytest.fixture
def partners(tmp_path: Path) -> Path:
    f = tmp_path / "partners.csv"
    f.write_text(PARTNERS, encoding="utf-8")
    return f


def results(r) -> list[dict]:
    assert r.exit_code in (0, 1), r.output
    return json.loads(r.stdout)["results"]


def test_every_row_in_order_with_status(run, partners):
    r = run("screen", str(partners), "--format", "json", "--no-register")
    assert r.exit_code == ExitCode.FLAGGED
    doc = json.loads(r.stdout)
    assert [(x["row"], x["status"]) for x in doc["results"]] == [(2, "match"), (3, "clear"), (4, "skipped"),
                                                                  (5, "review")]
    assert doc["results"][2]["reason"] == "empty name" and doc["results"][0]["id"] == "1"
    assert doc["summary"]["rows"] == 4 and doc["summary"]["skipped_reasons"] == {"empty name": 1}
    assert doc["run_time"] == "2026-11-23T12:00:00+00:00"
    assert {x["source"] for x in doc["lists"]} == {"us_csl", "ofac_sdn", "un"}
    hit = doc["results"][0]["hits"][0]
    assert {"source", "entity_id", "name", "matched_name", "score", "level", "programs", "explanation",
            "fingerprint"} <= hit.keys()


def test_a_country_column_in_words_is_read_as_its_code(run, tmp_path):
    f = tmp_path / "p.csv"
    f.write_text("partner,country\nXinjiang Police College,CN\nXinjiang Police College,China\n"
                 "Xinjiang Police College,Chna\nXinjiang Police College,United Kingdom\n", encoding="utf-8")
    rows = results(run("screen", str(f), "--format", "json", "--no-register"))
    scores = [r["hits"][0]["score"] for r in rows]
    assert scores[0] == scores[1] == scores[2] == scores[3] + 10  # only the UK row's country differs
    assert rows[1].get("reason") is None
    assert rows[2]["status"] == "match"  # screened all the same, and says why without a country
    assert rows[2]["reason"] == "country 'Chna' is not a country name or ISO code; screened without a country"


def test_a_birth_date_column_weighs_on_a_persons_hits(run, tmp_path):
    # CHEN, Quanguo is listed born 1955 (OFAC SDN fixture)
    f = tmp_path / "people.csv"
    f.write_text("name,kind,date of birth\nChen Quanguo,person,1955-11-01\nChen Quanguo,person,1980\n"
                 "Chen Quanguo,person,unknown\nChen Quanguo,person,\n", encoding="utf-8")
    rows = results(run("screen", str(f), "--format", "json", "--no-register"))
    sdn = [next(h for h in r["hits"] if h["source"] == "ofac_sdn") for r in rows]
    assert [h["score"] for h in sdn] == [100, 80, 100, 100]
    assert "birth year agrees: query 1955, listed 1955" in sdn[0]["explanation"]
    assert "born in another year: query 1980, listed 1955 (-20)" in sdn[1]["explanation"]
    assert rows[0]["born"] == "1955-11-01" and rows[1]["status"] == "review"
    assert rows[2]["reason"].startswith("birth date 'unknown' holds no year") and rows[2]["born"] == "unknown"
    assert "born" not in rows[3] and rows[3].get("reason") is None


def test_csv_output_gives_the_rows_birth_date_beside_the_listed_one(run, tmp_path):
    f = tmp_path / "people.csv"
    f.write_text("name,kind,country,date of birth\nChen Quanguo,person,China,1980\n", encoding="utf-8")
    out = tmp_path / "out.csv"
    run("screen", str(f), "--format", "csv", "--output", str(out), "--no-register")
    row = next(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"), newline="")))
    assert (row["kind"], row["country"], row["born"]) == ("person", "China", "1980")  # as the row gives them
    assert row["best_born"] == "1955" and row["best_countries"] == "CN" and row["best_level"] == "review"


def test_check_takes_a_birth_year(run):
    r = run("check", "Chen Quanguo", "--born", "1980", "--format", "json", "--no-register", "--explain")
    doc = json.loads(r.stdout)
    assert doc["query"]["born"] == "1980"
    sdn = next(h for h in doc["hits"] if h["source"] == "ofac_sdn")
    assert sdn["score"] == 80 and sdn["level"] == "review"
    r = run("check", "Chen Quanguo", "--born", "sometime")
    assert r.exit_code == ExitCode.USAGE and "birth date 'sometime' holds no year" in r.output


def test_exit_codes_follow_fail_on(run, partners, tmp_path):
    assert run("screen", str(partners), "--no-register").exit_code == ExitCode.FLAGGED
    assert run("screen", str(partners), "--no-register", "--fail-on", "never").exit_code == 0
    review_only = tmp_path / "r.csv"
    review_only.write_text("name\nXinjiang Police Academy\nPolice Scotland\n", encoding="utf-8")
    assert run("screen", str(review_only), "--no-register", "--fail-on", "match").exit_code == 0
    assert run("screen", str(review_only), "--no-register").exit_code == ExitCode.FLAGGED
    clear = tmp_path / "c.csv"
    clear.write_text("name\nPolice Scotland\n", encoding="utf-8")
    assert run("screen", str(clear), "--no-register").exit_code == 0


def test_bad_input_usage_and_missing_lists(run, tmp_path, partners):
    r = run("screen", str(tmp_path / "nope.csv"))
    assert r.exit_code == ExitCode.BAD_INPUT and "nope.csv: no such file" in r.output
    r = run("screen", str(partners), "--engine", "local", "--scheduler", "tcp://x:1")
    assert r.exit_code == ExitCode.USAGE
    r = run("screen", str(partners), "--changed-since", "yesterday")
    assert r.exit_code == ExitCode.USAGE and "SOURCE=VERSION" in r.output
    from typer.testing import CliRunner

    from screen.cli import app

    r = CliRunner().invoke(app, ["--home", str(tmp_path / "empty"), "screen", str(partners)])
    assert r.exit_code == ExitCode.LIST_DATA and "no lists imported" in r.output


def test_several_files_and_stdin(run, partners, tmp_path):
    other = tmp_path / "more.tsv"
    other.write_text("organisation\tcountry\nChen Quanguo\tCN\n", encoding="utf-8")
    r = run("screen", str(partners), "-", str(other), "--format", "json", "--no-register",
            input="name\nRapid Action Battalion\n")
    doc = json.loads(r.stdout)
    assert [(x["file"], x["row"]) for x in doc["results"]] == [
        (str(partners), 2), (str(partners), 3), (str(partners), 4), (str(partners), 5), ("-", 2), (str(other), 2)]
    assert doc["results"][4]["status"] == "match" and doc["results"][5]["status"] in ("match", "review")
    assert [f["format"] for f in doc["files"]] == ["csv", "csv", "tsv"]


def test_output_file_is_written_whole_or_not_at_all(run, partners, tmp_path):
    out = tmp_path / "out.csv"
    r = run("screen", str(partners), "--format", "csv", "-o", str(out), "--no-register")
    assert r.exit_code == ExitCode.FLAGGED and out.read_text(encoding="utf-8").count("\n") == 5
    good = out.read_bytes()
    broken = tmp_path / "broken.csv"
    broken.write_bytes(b'name\nAlpha\n"unterminated\x00\n' + b"x\n" * 10)
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(b"PK\x03\x04 not really")
    r = run("screen", str(bad), "--format", "csv", "-o", str(out))
    assert r.exit_code == ExitCode.BAD_INPUT and out.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.csv")] == []


def test_decisions_silence_confirm_and_template(run, partners, tmp_path):
    template = tmp_path / "decisions.yaml"
    r = run("screen", str(partners), "--no-register", "--decisions-template", str(template))
    assert r.exit_code == ExitCode.FLAGGED
    entries = yaml.safe_load(template.read_text(encoding="utf-8"))["decisions"]
    assert [(e["input"], e["source"], e["decision"]) for e in entries] == [
        ("Xinjiang Police College", "us_csl", ""), ("Xinjiang Police Academy", "us_csl", "")]
    assert all(len(e["fingerprint"]) == 16 for e in entries)
    # a template not yet filled in changes nothing
    r = run("screen", str(partners), "--no-register", "--decisions", str(template), "--format", "json")
    assert [x["status"] for x in results(r)] == ["match", "clear", "skipped", "review"]
    assert "2 entries have no decision yet" in r.stderr
    # the analyst rules the academy a false positive and confirms the college
    entries[0].update(decision="confirmed", reviewer="A. Analyst", date="2026-11-20")
    entries[1].update(decision="false_positive", reviewer="A. Analyst", date="2026-11-20",
                      reason="A different academy; not the listed college")
    template.write_text(yaml.safe_dump({"decisions": entries}), encoding="utf-8")
    r = run("screen", str(partners), "--no-register", "--decisions", str(template), "--format", "json")
    rows = results(r)
    assert [x["status"] for x in rows] == ["match", "clear", "skipped", "clear"]
    assert rows[0]["hits"][0]["decision"]["state"] == "confirmed"
    assert rows[3]["silenced"][0]["decision"]["reviewer"] == "A. Analyst"
    # fail-on review now passes on the academy; the confirmed college still fails the run
    assert r.exit_code == ExitCode.FLAGGED
    # the template refuses to overwrite decisions
    r = run("screen", str(partners), "--decisions-template", str(template))
    assert r.exit_code == ExitCode.USAGE and "will not overwrite" in r.output


def test_decisions_expire_and_lapse_when_the_record_changes(run, home, partners, tmp_path):
    template = tmp_path / "d.csv"
    run("screen", str(partners), "--no-register", "--decisions-template", str(template))
    import csv

    entries = list(csv.DictReader(template.open(encoding="utf-8")))
    for e in entries:
        e.update(decision="false_positive", reviewer="A", date="2026-11-01", reason="not it")
    entries[1]["expires"] = "2026-11-22"  # the day before the run
    with template.open("w", encoding="utf-8", newline="") as fh:
        w = csv.DictWriter(fh, fieldnames=list(entries[0]))
        w.writeheader()
        w.writerows(entries)
    rows = results(run("screen", str(partners), "--no-register", "--decisions", str(template), "--format", "json"))
    assert [x["status"] for x in rows] == ["clear", "clear", "skipped", "review"]
    assert rows[3]["re_review"] is True and rows[3]["hits"][0]["decision"]["state"] == "expired"
    # the publisher changes the college's record: its hit comes back for re-review
    import_lists(home, changed_csl(tmp_path))
    r = run("screen", str(partners), "--no-register", "--decisions", str(template), "--format", "json")
    rows = results(r)
    assert rows[0]["status"] == "match" and rows[0]["re_review"] is True
    assert rows[0]["hits"][0]["decision"]["state"] == "record changed"
    assert json.loads(r.stdout)["summary"]["re_review"] == 2


def test_changed_since_reports_only_new_or_changed_hits(run, home, tmp_path):
    partners = tmp_path / "p.csv"
    partners.write_text("name\nXinjiang Police College\nXUAR People's Government Public Security Bureau\n"
                        "Police Scotland\n", encoding="utf-8")
    first = json.loads(run("screen", str(partners), "--format", "json", "--no-register").stdout)
    # the XUAR row meets the listed name through its bracketed "(XUAR)"
    assert [x["status"] for x in first["results"]] == ["match", "match", "clear"]
    csl_v1 = next(x["version"] for x in first["lists"] if x["source"] == "us_csl")
    import_lists(home, changed_csl(tmp_path))
    earlier = tmp_path / "earlier.json"
    earlier.write_text(json.dumps(first), encoding="utf-8")
    second = json.loads(run("screen", str(partners), "--format", "json", "--no-register").stdout)
    imported_on = next(x["fetched_at"] for x in second["lists"] if x["source"] == "us_csl")[:10]
    for spec in (f"us_csl={csl_v1}", str(earlier), imported_on):
        r = run("screen", str(partners), "--format", "json", "--no-register", "--changed-since", spec)
        doc = json.loads(r.stdout)
        rows = doc["results"]
        if spec == imported_on:  # both versions were imported by that day: the newest of them is current
            assert doc["changed_since"]["us_csl"] != csl_v1
            assert [x["status"] for x in rows] == ["clear", "clear", "clear"]
            continue
        # the college's record changed: reported; the bureau's (unchanged) is left out, with the row kept
        assert [x["status"] for x in rows] == ["match", "clear", "clear"], spec
        assert rows[1]["unchanged"][0]["entity_id"].startswith("us_csl:")
        assert doc["changed_since"]["us_csl"] == csl_v1
        assert doc["summary"]["unchanged_hits"] == 1
        if "=" in spec:
            assert doc["changed_since"] == {"us_csl": csl_v1}
            assert "ofac_sdn: no earlier version given; all its hits are reported" in r.stderr
        else:  # an earlier report gives every list's version
            assert doc["changed_since"].keys() == {"us_csl", "ofac_sdn", "un"}
    r = run("screen", str(partners), "--no-register", "--changed-since", "us_csl=v9999-00000000")
    assert r.exit_code == ExitCode.USAGE and "no version 'v9999-00000000' of us_csl is kept" in r.output


def test_settings_from_hrdd_toml_and_flags_override(run, partners, tmp_path, monkeypatch):
    project = tmp_path / "proj"
    sub = project / "data"
    sub.mkdir(parents=True)
    (project / "pyproject.toml").write_text('[project]\nname = "x"\n\n[tool.hrdd]\nfail_on = "match"\nmatch_at = 99\n'
                                            "threshold = 95\n", encoding="utf-8")
    monkeypatch.chdir(sub)
    review_only = sub / "r.csv"
    review_only.write_text("name\nXinjiang Police Academy\n", encoding="utf-8")
    # threshold 95 from [tool.hrdd]: the academy (a review hit) is not even shown
    rows = results(run("screen", str(review_only), "--no-register", "--format", "json"))
    assert rows[0]["status"] == "clear"
    r = run("screen", str(review_only), "--no-register", "--threshold", "75")
    assert r.exit_code == 0  # fail_on = match from the file
    r = run("screen", str(review_only), "--no-register", "--threshold", "75", "--fail-on", "review")
    assert r.exit_code == ExitCode.FLAGGED
    # hrdd.toml nearer the working folder wins over pyproject.toml
    (sub / "hrdd.toml").write_text('decisions = "missing.yaml"\n', encoding="utf-8")
    r = run("screen", str(review_only), "--no-register")
    assert r.exit_code == ExitCode.BAD_INPUT and "missing.yaml: cannot read the decisions file" in r.output
    (sub / "hrdd.toml").write_text('fail_on = "sometimes"\n', encoding="utf-8")
    r = run("screen", str(review_only))
    assert r.exit_code == ExitCode.USAGE and "hrdd.toml: fail_on must be one of match, review, never" in r.output


def test_workers_and_dask_give_the_same_rows(run, tmp_path):
    names = ["Xinjiang Police College", "Police Scotland", "Chen Quanguo", "", "Rapid Action Battalion",
             "Xinjiang Public Security Bureau", "Ocean Star", "=1+1", "Hunan Police Academy"]
    f = tmp_path / "many.csv"
    f.write_text("name\n" + "\n".join(f"{n} {i % 7 or ''}".strip() if n else "" for i in range(1500)
                                      for n in [names[i % len(names)]]) + "\n", encoding="utf-8")
    one = run("screen", str(f), "--format", "jsonl", "--jobs", "1")
    two = run("screen", str(f), "--format", "jsonl", "--jobs", "2")
    assert one.exit_code == two.exit_code == ExitCode.FLAGGED
    assert one.stdout == two.stdout and one.stdout.count("\n") == 1502
    pytest.importorskip("distributed")
    dask = run("screen", str(f), "--format", "jsonl", "--engine", "dask", "--jobs", "2")
    assert dask.exit_code == ExitCode.FLAGGED, dask.output
    assert dask.stdout == one.stdout


def test_a_closed_pipe_stops_quietly_with_141(home, tmp_path):
    import subprocess
    import sys

    f = tmp_path / "many.csv"
    f.write_text("name\n" + "Police Scotland Training Services Limited\n" * 5000, encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "screen", "--home", str(home), "screen", str(f), "--format", "csv",
                             "--jobs", "1"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline().startswith(b"file,row,")
    proc.stdout.close()
    err = proc.stderr.read()
    assert proc.wait(timeout=60) == 141 and err == b""
