"""The library call behind `hrdd screen`: rows reach the writer one at a time, in order,
with progress reported in rows; settings come from hrdd.toml with env and flags on top."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from screen.batch import ScreenJob, run_screen
from screen.errors import UsageError
from screen.settings import load_settings

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


class ListWriter:
    def __init__(self) -> None:
        self.events: list[tuple[str, object]] = []

    def begin(self, info):
        self.events.append(("begin", info))

    def row(self, outcome):
        self.events.append(("row", (outcome.row, outcome.status)))

    def end(self, summary):
        self.events.append(("end", summary.to_dict()))


class Recorder:
    def __init__(self) -> None:
        self.calls: list[tuple] = []

    def start(self, label, total=None, unit="bytes"):
        self.calls.append(("start", label, total, unit))

    def advance(self, amount=1):
        self.calls.append(("advance", amount))

    def finish(self):
        self.calls.append(("finish",))


def test_rows_stream_to_the_writer_with_progress(home, tmp_path):
    f = tmp_path / "p.csv"
    f.write_text("name\n" + "Xinjiang Police College\nPolice Scotland\n" * 3, encoding="utf-8")
    writer, progress = ListWriter(), Recorder()
    run = run_screen(ScreenJob([str(f)], use_register=False), load_settings(home, {}), lambda: NOW, writer, progress)
    kinds = [e[0] for e in writer.events]
    assert kinds == ["begin"] + ["row"] * 6 + ["end"]
    assert [e[1] for e in writer.events[1:-1]] == [(n, "match" if n % 2 == 0 else "clear") for n in range(2, 8)]
    assert progress.calls[0] == ("start", f"screening {f}", 6, "rows")
    assert progress.calls.count(("advance", 1)) == 6 and progress.calls[-1] == ("finish",)
    assert run.summary.rows == 6 and run.fails("review") and not run.fails("never")


def test_no_progress_bar_when_stderr_is_not_a_terminal(monkeypatch):
    from screen import cli
    from screen.progress import NullProgress

    monkeypatch.setattr("sys.stderr.isatty", lambda: False, raising=False)
    assert isinstance(cli._progress(), NullProgress)


def test_configuration_file_precedence(tmp_path):
    (tmp_path / "hrdd.toml").write_text('home = "data"\nstale_days = 7\nregister = ["reg"]\njobs = 3\n'
                                        'decisions = "d.yaml"\n', encoding="utf-8")
    deep = tmp_path / "a" / "b"
    deep.mkdir(parents=True)
    s = load_settings(None, {}, cwd=deep)
    assert s.home == tmp_path / "data" and s.stale_days == 7 and s.jobs == 3
    assert s.register_dirs == (tmp_path / "reg",) and s.decisions == tmp_path / "d.yaml"
    assert s.config_file == tmp_path / "hrdd.toml"
    # the environment beats the file; --home beats both
    s = load_settings(None, {"HRDD_STALE_DAYS": "9", "HRDD_HOME": "/env/home", "HRDD_REGISTER": "/more"}, cwd=deep)
    assert s.stale_days == 9 and s.home == Path("/env/home") and s.register_dirs == (tmp_path / "reg", Path("/more"))
    assert load_settings(Path("/flag"), {"HRDD_HOME": "/env/home"}, cwd=deep).home == Path("/flag")
    # no file: defaults
    assert load_settings(Path("/x"), {}, cwd=Path("/")).config_file is None


@pytest.mark.parametrize("text,message", [
    ("colour = 1\n", "unknown setting 'colour'"),
    ("threshold = \"high\"\n", "threshold must be a whole number"),
    ("threshold = 101\n", "threshold must be 0 to 100"),
    ("register = \"one\"\n", "register must be a list of folder paths"),
    ("fail_on = \"high\"\n", "fail_on must be one of match, review, never"),
    ("this is not toml", "not a readable TOML file"),
])
def test_bad_configuration_is_named(tmp_path, text, message):
    (tmp_path / "hrdd.toml").write_text(text, encoding="utf-8")
    with pytest.raises(UsageError) as exc:
        load_settings(None, {}, cwd=tmp_path)
    assert str(exc.value).startswith(str(tmp_path / "hrdd.toml")) and message in str(exc.value)
