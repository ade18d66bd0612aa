"""`lists update` against a local HTTP server on 127.0.0.1: good files, HTTP errors, a
slow body, a truncated body, a file of the wrong format and an unchanged file (304).
No test leaves the machine."""

from __future__ import annotations

from pathlib import Path

import pytest

from screen import lists
from screen.store.fetch import make_session
from screen.store.snapshots import ListStore

FIX = Path(__file__).parents[1] / "fixtures"
UN = (FIX / "un/consolidated.xml").read_bytes()


@pytest.fixture
def session():
    return make_session(retries=1, backoff=0.0)


def update(settings, session, clock, url, **kw):
    return lists.update_sources(["un"], settings, session, clock, urls={"un": [url]}, **kw)


def test_good_download_then_304_unchanged(settings, session, clock, http_server):
    from tests.conftest import Route

    http_server.routes["/un.xml"] = Route(body=UN, etag='"v1"')
    report = update(settings, session, clock, http_server.url("/un.xml"))
    assert [o.status for o in report.outcomes] == ["published"]
    m = report.outcomes[0].manifest
    assert m.mode == "update" and m.entities == 2 and m.files[0].etag == '"v1"'
    report = update(settings, session, clock, http_server.url("/un.xml"))
    assert [o.status for o in report.outcomes] == ["unchanged"]
    assert http_server.requests[-1][1].get("If-None-Match") == '"v1"'
    assert len(ListStore(settings.lists_dir).versions("un")) == 1


def test_multi_file_ofac_set_downloads_every_part(settings, session, clock, http_server):
    from tests.conftest import Route

    urls = []
    for name in ("sdn.csv", "alt.csv", "add.csv", "sdn_comments.csv"):
        http_server.routes[f"/{name}"] = Route(body=(FIX / "ofac_sdn" / name).read_bytes())
        urls.append(http_server.url(f"/{name}"))
    report = lists.update_sources(["ofac_sdn"], settings, session, clock, urls={"ofac_sdn": urls})
    assert report.ok
    assert [f.role for f in report.outcomes[0].manifest.files] == ["primary", "alt", "add", "comments"]


@pytest.mark.parametrize(
    ("route", "message"),
    [
        ({"status": 404, "body": b"nope"}, "HTTP 404"),
        ({"status": 500, "body": b"oops"}, "HTTP 500"),
        ({"body": UN, "truncate_to": 300}, "truncated"),
        ({"body": b"<html><body>Maintenance</body></html>"}, "not the expected"),
        ({"body": (FIX / "us_csl/consolidated.csv").read_bytes()}, "not the expected"),
        ({"body": UN.replace(b"</CONSOLIDATED_LIST>", b"")}, "malformed XML"),
    ],
    ids=["404", "500", "truncated", "html", "wrong-list", "broken-xml"],
)
def test_failed_update_keeps_last_good_snapshot(settings, session, clock, http_server, route, message):
    from tests.conftest import Route

    lists.import_paths([FIX / "un"], settings, clock)
    store = ListStore(settings.lists_dir)
    good = store.current("un")
    http_server.routes["/bad"] = Route(**route)
    report = update(settings, session, clock, http_server.url("/bad"))
    outcome = report.outcomes[0]
    assert outcome.status == "failed"
    assert message in outcome.message
    assert "current snapshot is kept" in outcome.message
    assert store.current("un") == good


def test_slow_body_is_stopped_by_the_deadline(settings, session, clock, http_server):
    from tests.conftest import Route

    http_server.routes["/slow"] = Route(body=UN, delay_per_chunk=0.2)
    report = update(settings, session, clock, http_server.url("/slow"), deadline=0.3)
    assert report.outcomes[0].status == "failed"
    assert "took longer than" in report.outcomes[0].message


def test_size_cap(settings, session, clock, http_server):
    from dataclasses import replace

    from tests.conftest import Route

    http_server.routes["/big"] = Route(body=UN)
    report = update(replace(settings, max_download_bytes=100), session, clock, http_server.url("/big"))
    assert "cap" in report.outcomes[0].message


def test_unreachable_server(settings, session, clock):
    report = update(settings, session, clock, "http://127.0.0.1:9/un.xml")
    assert report.outcomes[0].status == "failed"
    assert "could not connect" in report.outcomes[0].message or "gave up" in report.outcomes[0].message


class RecordingProgress:
    """A Progress that keeps what it was told."""

    def __init__(self):
        self.events = []

    def start(self, label, total=None, unit="bytes"):
        self.events.append(("start", label, total, unit))

    def advance(self, amount=1):
        self.events.append(("advance", amount))

    def finish(self):
        self.events.append(("finish",))


def test_update_reports_download_parse_and_publish_progress(settings, session, clock, http_server):
    from tests.conftest import Route

    http_server.routes["/un.xml"] = Route(body=UN)
    progress = RecordingProgress()
    report = update(settings, session, clock, http_server.url("/un.xml"), progress=progress)
    assert report.ok
    starts = [e for e in progress.events if e[0] == "start"]
    assert starts[0][1] == "download un.xml" and starts[0][2] == len(UN)
    assert sum(e[1] for e in progress.events if e[0] == "advance") == len(UN)  # every byte counted
    assert any(e[1] == "parse un" for e in starts) and any(e[1].startswith("publish") for e in starts)
    assert progress.events[-1] == ("finish",)


def test_progress_bar_draws_on_a_terminal():
    import io

    from rich.console import Console

    from screen.report.progress_bar import RichProgress

    out = io.StringIO()
    bar = RichProgress(Console(file=out, force_terminal=True, width=100))
    bar.start("download un.xml", 1000)
    bar.advance(500)
    bar.finish()
    assert "download un.xml" in out.getvalue()
