"""Faults: a process killed while downloading or at any step of publishing, two updates at
once, a full disk, a corrupted compiled index, a clock set wrong. Each leaves the last good
snapshot current and earlier outputs in place, and says what happened."""

from __future__ import annotations

import errno
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from screen.cli import app
from screen.store.snapshots import ListStore

from .catalogue import FIX, UN
from .test_catalogue import tree_digest

STEPS = ["copy", "entities", "index", "manifest", "rename", "current"]
NEW_UN = UN.replace(b'dateGenerated="2026-11-20', b'dateGenerated="2026-11-21')
# What the README's table counts as fault scenarios (one per test below, steps counted apart).
FAULTS = [*(f"SIGKILL before publish step {s!r}" for s in STEPS), "SIGKILL during a download",
          "a second update while one runs", "a full disk while publishing", "a full disk while writing results",
          "a corrupted compiled index", "a clock set wrong"]

KILL_AT_STEP = textwrap.dedent("""
    import os, signal, sys
    from datetime import UTC, datetime
    from pathlib import Path
    from screen import lists
    from screen.settings import Settings
    from screen.store.snapshots import ListStore

    home, step_name, folder = sys.argv[1:4]
    original = ListStore.publish

    def publish(self, *args, **kwargs):
        def step(name):
            if name == step_name:
                os.kill(os.getpid(), signal.SIGKILL)
        return original(self, *args, **{**kwargs, "step": step})

    ListStore.publish = publish
    lists.import_paths([Path(folder)], Settings(home=Path(home)), lambda: datetime(2026, 11, 23, tzinfo=UTC))
""")


def hrdd(home: Path, *args: str):
    return CliRunner().invoke(app, ["--home", str(home), *args])


@pytest.fixture
def home(tmp_path: Path) -> Path:
    h = tmp_path / "home"
    assert hrdd(h, "lists", "import", str(FIX / "un")).exit_code == 0
    return h


@pytest.fixture
def new_un(tmp_path: Path) -> Path:
    folder = tmp_path / "new-un"
    folder.mkdir()
    (folder / "consolidated.xml").write_bytes(NEW_UN)
    return folder


@pytest.mark.parametrize("step", STEPS)
def test_sigkill_at_any_publish_step_keeps_the_last_good_version(home, new_un, step):
    store = ListStore(home / "lists")
    good = store.current("un")
    r = subprocess.run([sys.executable, "-c", KILL_AT_STEP, str(home), step, str(new_un)], capture_output=True)
    assert r.returncode == -signal.SIGKILL, r.stderr
    assert store.current("un") == good
    assert len(store.entities("un")) == 2 and store.index("un").names
    # the next run works (the lock died with the process) and cleans what the killed one left
    again = hrdd(home, "lists", "import", str(new_un))
    assert again.exit_code == 0, again.output
    assert store.current("un") != good
    assert not list(store.source_dir("un").glob(".staging-*"))


def test_sigkill_during_a_download_and_a_second_update_meanwhile(home, http_server, tmp_path):
    from tests.conftest import Route

    store = ListStore(home / "lists")
    good, before = store.current("un"), tree_digest(home / "lists")
    http_server.routes["/slow"] = Route(body=NEW_UN * 40, delay_per_chunk=0.05)
    http_server.routes["/good"] = Route(body=NEW_UN)
    slow = subprocess.Popen([sys.executable, "-m", "screen", "--home", str(home), "lists", "update", "un", "--url",
                             http_server.url("/slow")], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 20
        while not http_server.requests and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(0.5)  # well into the body
        assert slow.poll() is None, "the slow download ended too early for the test"
        second = hrdd(home, "lists", "update", "un", "--url", http_server.url("/good"))
        assert second.exit_code == 4 and "another hrdd process is changing the lists" in second.output
    finally:
        os.kill(slow.pid, signal.SIGKILL)
        slow.wait()
    assert store.current("un") == good and tree_digest(home / "lists") == before
    after = hrdd(home, "lists", "update", "un", "--url", http_server.url("/good"))
    assert after.exit_code == 0, after.output
    assert store.current("un") != good


def test_full_disk_while_publishing_keeps_the_snapshot(home, new_un, monkeypatch):
    import screen.store.snapshots as snapshots

    store = ListStore(home / "lists")
    good, before = store.current("un"), tree_digest(home / "lists")

    def full(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(snapshots, "save_index", full)
    r = hrdd(home, "lists", "import", str(new_un))
    assert r.exit_code == 4, r.output
    assert "No space left on device" in r.output and "current snapshot is kept" in r.output
    assert store.current("un") == good and tree_digest(home / "lists") == before


def test_full_disk_while_writing_results(home, tmp_path, monkeypatch):
    partners = tmp_path / "p.csv"
    partners.write_text("name\nKim Yong Chol\n", encoding="utf-8")
    r = subprocess.run([sys.executable, "-m", "screen", "--home", str(home), "screen", str(partners), "--format",
                        "csv"], stdout=open("/dev/full", "w"), stderr=subprocess.PIPE, text=True)
    assert r.returncode == 5, r.stderr
    assert r.stderr.strip() == "hrdd: error: cannot write the standard output: No space left on device"
    # into a file on a disk that fills up half-way: the earlier file stays, the temporary file goes
    out = tmp_path / "out.csv"
    out.write_text("earlier\n", encoding="utf-8")
    real_fdopen = os.fdopen

    class FillingUp:
        def __init__(self, fh):
            self.fh, self.written = fh, 0

        def write(self, data):
            self.written += len(data)
            if self.written > 300:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return self.fh.write(data)

        def __getattr__(self, name):
            return getattr(self.fh, name)

        def __enter__(self):
            return self

        def __exit__(self, *exc):
            self.fh.close()

    many = tmp_path / "many.csv"
    many.write_text("name\n" + "Kim Yong Chol\n" * 50, encoding="utf-8")
    monkeypatch.setattr(os, "fdopen", lambda *a, **k: FillingUp(real_fdopen(*a, **k)))
    r = hrdd(home, "screen", str(many), "--format", "csv", "-o", str(out))
    monkeypatch.undo()
    assert r.exit_code == 5 and f"cannot write {out}: No space left on device" in r.output, r.output
    assert out.read_text(encoding="utf-8") == "earlier\n"
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out.csv")] == []


def test_full_disk_on_a_real_device_for_reports(home, tmp_path):
    """Assessment and list commands report a full standard output too (exit 5, one line)."""
    for args in (["assess", str(Path(__file__).resolve().parents[2] / "examples" / "community-policing-uk.yaml")],
                 ["lists", "status"], ["check", "Kim Yong Chol"]):
        r = subprocess.run([sys.executable, "-m", "screen", "--home", str(home), *args],
                           stdout=open("/dev/full", "w"), stderr=subprocess.PIPE, text=True)
        assert r.returncode == 5 and "No space left on device" in r.stderr and "Traceback" not in r.stderr, args


def test_corrupted_index_is_detected_and_rebuilt(home, tmp_path):
    store = ListStore(home / "lists")
    vdir = store.version_dir("un", store.current("un"))
    data = bytearray((vdir / "index.pkl").read_bytes())
    data[len(data) // 2] ^= 0xFF  # one flipped byte
    (vdir / "index.pkl").write_bytes(bytes(data))
    r = hrdd(home, "check", "Kim Yong Chol", "--format", "json")
    assert r.exit_code == 1, r.output  # still found: the index was rebuilt from the snapshot's entities
    assert ListStore(home / "lists").index("un").names


def test_clock_set_wrong_is_named(home, tmp_path):
    partners = tmp_path / "p.csv"
    partners.write_text("name\nKim Yong Chol\n", encoding="utf-8")
    r = hrdd(home, "screen", str(partners), "--run-time", "2020-01-01")
    assert r.exit_code == 1
    assert "un is dated 2026-11-20" in r.output and "check the system clock" in r.output
