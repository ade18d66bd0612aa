"""Shared fixtures: fixture files, isolated settings, a fixed clock, the real list
files (mandatory when HRDD_REQUIRE_REAL_DATA=1) and a local HTTP server on 127.0.0.1."""

from __future__ import annotations

import http.server
import os
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import settings as hypothesis_settings

from screen.settings import Settings

# CI (.ci/run sets HYPOTHESIS_PROFILE=ci) draws the same examples every run, so that a
# landing is not decided by chance; locally each run explores new ones.
hypothesis_settings.register_profile("ci", derandomize=True, print_blob=True)
hypothesis_settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "default"))

FIXTURES = Path(__file__).parent / "fixtures"
REAL_LISTS = Path(__file__).resolve().parents[2] / "shared" / "data" / "lists"
FIXED_NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture
def fixtures() -> Path:
    return FIXTURES


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "home", retries=1, backoff=0.0, read_timeout=2.0, connect_timeout=2.0)


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return lambda: FIXED_NOW


@pytest.fixture(scope="session")
def real_lists() -> Path:
    """The real publisher files in ../shared/data/lists; skipped with a reason when absent,
    an error when HRDD_REQUIRE_REAL_DATA=1 (as in CI)."""
    if not REAL_LISTS.is_dir():
        if os.environ.get("HRDD_REQUIRE_REAL_DATA") == "1":
            pytest.fail(f"HRDD_REQUIRE_REAL_DATA=1 but the real list files are missing at {REAL_LISTS}")
        pytest.skip(f"real list files not found at {REAL_LISTS} (set HRDD_REQUIRE_REAL_DATA=1 to make this an error)")
    return REAL_LISTS


@dataclass
class Route:
    status: int = 200
    body: bytes = b""
    headers: dict[str, str] = field(default_factory=dict)
    truncate_to: int | None = None  # send a Content-Length for the whole body but only this many bytes
    delay_per_chunk: float = 0.0  # a slow body: sleep between 1 KiB chunks
    etag: str | None = None  # answer 304 when the client sends this ETag


class LocalServer:
    """A stdlib HTTP server on 127.0.0.1 with a route table, for download tests."""

    def __init__(self) -> None:
        self.routes: dict[str, Route] = {}
        self.requests: list[tuple[str, dict[str, str]]] = []
        server = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:  # noqa: N802
                server.requests.append((self.path, dict(self.headers)))
                route = server.routes.get(self.path)
                if route is None:
                    self.send_error(404, "Not Found")
                    return
                if route.etag and self.headers.get("If-None-Match") == route.etag:
                    self.send_response(304)
                    self.end_headers()
                    return
                self.send_response(route.status)
                self.send_header("Content-Length", str(len(route.body)))
                if route.etag:
                    self.send_header("ETag", route.etag)
                for k, v in route.headers.items():
                    self.send_header(k, v)
                self.end_headers()
                body = route.body if route.truncate_to is None else route.body[: route.truncate_to]
                try:
                    if route.delay_per_chunk:
                        for i in range(0, len(body), 1024):
                            self.wfile.write(body[i : i + 1024])
                            self.wfile.flush()
                            time.sleep(route.delay_per_chunk)
                    else:
                        self.wfile.write(body)
                except (BrokenPipeError, ConnectionResetError):
                    pass
                if route.truncate_to is not None:
                    self.close_connection = True

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.httpd.server_address[1]}{path}"


@pytest.fixture
def http_server() -> Iterator[LocalServer]:
    server = LocalServer()
    server.thread.start()
    yield server
    server.httpd.shutdown()
    server.httpd.server_close()
