"""A million-row CSV: every row comes out, in order, and memory stays flat (the input is
streamed, the output written as rows arrive)."""

from __future__ import annotations

import subprocess
import sys

from typer.testing import CliRunner

from screen.cli import app

from .catalogue import FIX

ROWS = 1_000_000
# runs a command and prints its peak resident memory (KiB) as the last line of stderr
MEASURE = ("import resource, subprocess, sys; r = subprocess.run(sys.argv[1:]); "
           "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr); sys.exit(r.returncode)")
NAMES = ["Kim Yong Chol", "Police Scotland", "", "Acme Trading Ltd", "=cmd|' /C calc'!A0"]


def test_a_million_rows_all_come_out_with_flat_memory(tmp_path):
    home = tmp_path / "home"
    assert CliRunner().invoke(app, ["--home", str(home), "lists", "import", str(FIX / "un")]).exit_code == 0
    f = tmp_path / "million.csv"
    with f.open("w", encoding="utf-8") as fh:
        fh.write("name\n")
        fh.writelines(NAMES[i % len(NAMES)] + "\n" for i in range(ROWS))
    out = tmp_path / "out.csv"
    r = subprocess.run([sys.executable, "-c", MEASURE, sys.executable, "-m", "screen", "--home", str(home), "screen",
                        str(f), "--format", "csv", "-o", str(out), "--jobs", "1", "--no-register"],
                       capture_output=True, text=True)
    peak_mb = int(r.stderr.splitlines()[-1]) / 1024
    assert r.returncode == 1, r.stderr
    assert f"{ROWS} rows: 200000 match, 0 review, 600000 clear, 200000 skipped" in r.stderr
    with out.open(encoding="utf-8") as fh:
        next(fh)
        count = 0
        for count, line in enumerate(fh, start=1):
            if count in (1, ROWS):
                assert line.split(",")[1] == str(count + 1)  # row numbers as in the file
    assert count == ROWS
    # a child that held every row in memory would need far more than this (the input is 14 MB)
    assert peak_mb < 250, f"peak memory {peak_mb:.0f} MB"


def test_a_name_of_many_spaces_is_normalised_without_backtracking():
    # "and any successor" with thousands of spaces around it: a pattern of optional spaces
    # backtracked for minutes on 4,000 characters; the scope words are matched on the name
    # with its spaces collapsed, so this takes milliseconds (the bound only catches a hang)
    code = ("from screen.names import analyze; "
            "f = analyze('a' + ' ' * 20000 + 'and any successor' + ' ' * 20000 + 'x'); "
            "g = analyze('Acme' + ' ' * 5000 + 'and any successor,' + ' ' * 5000 + 'sub-unit'); "
            "print(f.tokens, g.tokens)")
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert r.returncode == 0, r.stderr
    assert r.stdout.split() == ["('a',", "'any',", "'successor',", "'x')", "('acme',)"]
