"""Snapshots: import publishes atomically, keeps versions, refuses drops, rolls back,
survives interruption at any step, detects a corrupt index and holds a lock."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from screen import lists
from screen.errors import LockError, SnapshotError
from screen.store.snapshots import ListStore

FIX = Path(__file__).parents[1] / "fixtures"


def test_import_publishes_and_status_reports(settings, clock):
    report = lists.import_paths([FIX / "un", FIX / "ofac_sdn"], settings, clock)
    assert report.ok
    published = {o.source: o.manifest for o in report.outcomes if o.status == "published"}
    assert set(published) == {"un", "ofac_sdn"}
    rows = {r.source: r for r in lists.status(settings, clock)}
    assert rows["un"].entities == 2 and rows["un"].published == "2026-11-20" and rows["un"].age_days == 3
    assert rows["un"].sha256 == published["un"].files[0].sha256
    assert rows["ofac_sdn"].age_basis == "fetched" and len(rows["ofac_sdn"].files) == 4
    assert rows["eu"].problem == "not imported"
    # loading never re-parses publisher files: the snapshot has its own entities and index
    store = ListStore(settings.lists_dir)
    assert len(store.entities("un")) == 2
    assert store.index("un").names[0] == "kim yong chol"


def test_drop_is_refused_unless_forced_and_diff_rollback(settings, clock, tmp_path):
    lists.import_paths([FIX / "ofac_sdn"], settings, clock)
    small = tmp_path / "small"
    small.mkdir()
    lines = (FIX / "ofac_sdn/sdn.csv").read_bytes().split(b"\r\n")
    (small / "sdn.csv").write_bytes(b"\r\n".join(lines[:2]) + b"\r\n")
    report = lists.import_paths([small], settings, clock)
    assert [o.status for o in report.outcomes] == ["refused"]
    assert "drop of more than 20%" in report.outcomes[0].message
    store = ListStore(settings.lists_dir)
    assert store.manifest("ofac_sdn").entities == 5  # the good snapshot stays current
    report = lists.import_paths([small], settings, clock, force=True)
    assert report.ok and store.manifest("ofac_sdn").entities == 2
    d = lists.diff(settings, "ofac_sdn")
    assert {i for i, _ in d.removed} == {"ofac_sdn:29299", "ofac_sdn:30001", "ofac_sdn:30002"}
    assert d.added == []
    changed = {c.id: c.fields for c in d.changed}
    assert "names" in changed["ofac_sdn:29220"]  # lost its ALT alias
    old, new = lists.rollback(settings, "ofac_sdn")
    assert store.current("ofac_sdn") == new and store.manifest("ofac_sdn").entities == 5
    with pytest.raises(SnapshotError, match="oldest version"):
        lists.rollback(settings, "ofac_sdn")


def test_old_versions_are_pruned_to_keep(settings, clock):
    from dataclasses import replace

    s = replace(settings, keep_versions=2)
    for _ in range(4):
        lists.import_paths([FIX / "un"], s, clock)
    store = ListStore(s.lists_dir)
    assert len(store.versions("un")) == 2
    assert store.current("un") == store.versions("un")[-1]


@pytest.mark.parametrize("step", ["copy", "entities", "index", "manifest", "rename", "current"])
def test_interrupted_publish_keeps_last_good_version(settings, clock, step, monkeypatch):
    lists.import_paths([FIX / "un"], settings, clock)
    store = ListStore(settings.lists_dir)
    good = store.current("un")
    original = ListStore.publish

    def interrupted(self, *args, **kwargs):
        def boom(name):
            if name == step:
                raise KeyboardInterrupt
        return original(self, *args, **{**kwargs, "step": boom})

    monkeypatch.setattr(ListStore, "publish", interrupted)
    with pytest.raises(KeyboardInterrupt):
        lists.import_paths([FIX / "un"], settings, clock)
    assert store.current("un") == good
    assert len(store.entities("un")) == 2
    assert not list(store.source_dir("un").glob(".staging-*"))


def test_corrupt_index_is_detected_and_rebuilt_from_the_snapshot(settings, clock):
    lists.import_paths([FIX / "un"], settings, clock)
    store = ListStore(settings.lists_dir)
    vdir = store.version_dir("un", store.current("un"))
    (vdir / "index.pkl").write_bytes(b"garbage")
    for raw in (vdir / "raw").iterdir():
        raw.unlink()  # prove the rebuild does not need the publisher files
    index = store.index("un")
    assert "reconnaissance general bureau" in index.names
    assert store.index("un").names == index.names  # the rebuilt index now passes its checksum


def test_corrupt_entities_are_an_error(settings, clock):
    lists.import_paths([FIX / "un"], settings, clock)
    store = ListStore(settings.lists_dir)
    (store.version_dir("un", store.current("un")) / "entities.jsonl.gz").write_bytes(b"x")
    with pytest.raises(SnapshotError, match="checksum"):
        store.entities("un")


def test_current_pointing_at_a_missing_version_is_an_error(settings, clock):
    lists.import_paths([FIX / "un"], settings, clock)
    store = ListStore(settings.lists_dir)
    shutil.rmtree(store.version_dir("un", store.current("un")))
    with pytest.raises(SnapshotError, match="missing"):
        store.current("un")


def test_second_writer_is_refused_by_the_lock(settings, clock):
    store = ListStore(settings.lists_dir)
    with store.lock(), pytest.raises(LockError, match="another hrdd process"):
        lists.import_paths([FIX / "un"], settings, clock)


def test_import_prefers_newest_set_and_reports_the_other(settings, clock, tmp_path):
    # two complete SDN sets: the one with the higher entity numbers wins
    old = tmp_path / "old"
    old.mkdir()
    (old / "sdn.csv").write_bytes(b'100,"OLD ENTRY",-0- ,"SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \r\n')
    report = lists.import_paths([old, FIX / "ofac_sdn"], settings, clock, force=True)
    statuses = {o.status: o for o in report.outcomes}
    assert statuses["published"].manifest.entities == 5
    assert "highest record number (30002)" in statuses["published"].message
    assert statuses["superseded"].files == (str(old / "sdn.csv"),)
