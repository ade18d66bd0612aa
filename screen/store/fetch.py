"""Downloads: the only module that uses ``requests``.

One session with retries and backoff on transient HTTP errors, connect and read
timeouts, an overall deadline against bodies that trickle in, a size cap, conditional
GET (ETag / Last-Modified) and a check that the body is as long as the server said.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import requests
from requests.adapters import HTTPAdapter
from urllib3.util.retry import Retry

from ..errors import DownloadError
from ..progress import NullProgress, Progress

CHUNK = 64 * 1024


@dataclass(frozen=True, slots=True)
class FetchLimits:
    """Timeouts and caps for one download."""

    max_bytes: int
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    deadline: float = 1800.0  # seconds for the whole body


@dataclass(frozen=True, slots=True)
class FetchResult:
    """Outcome of one download; ``not_modified`` when the server answered 304."""

    url: str
    not_modified: bool
    path: Path | None = None
    sha256: str | None = None
    bytes: int = 0
    etag: str | None = None
    last_modified: str | None = None
    content_type: str | None = None


def make_session(retries: int = 3, backoff: float = 0.5, user_agent: str = "hrdd") -> requests.Session:
    """A session retrying connection errors and 429/5xx answers with exponential backoff."""
    session = requests.Session()
    retry = Retry(
        total=retries,
        connect=retries,
        read=retries,
        status=retries,
        backoff_factor=backoff,
        status_forcelist=(429, 500, 502, 503, 504),
        allowed_methods=frozenset({"GET"}),
        raise_on_status=False,
        respect_retry_after_header=True,
    )
    adapter = HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    session.headers["User-Agent"] = user_agent
    return session


def _cause(exc: Exception) -> str:
    """A short reason for a connection failure (requests nests the real one deep)."""
    text = str(exc)
    for marker, reason in (
        ("NameResolution", "host name could not be resolved"),
        ("Connection refused", "connection refused"),
        ("CERTIFICATE_VERIFY_FAILED", "TLS certificate not trusted"),
        ("Max retries exceeded", "no answer after retries"),
    ):
        if marker in text:
            return reason
    return type(exc).__name__


def download(
    session: requests.Session,
    url: str,
    dest: Path,
    limits: FetchLimits,
    etag: str | None = None,
    last_modified: str | None = None,
    progress: Progress | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> FetchResult:
    """Download ``url`` into ``dest``; raise ``DownloadError`` with the reason."""
    progress = progress or NullProgress()
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    started = clock()
    try:
        response = session.get(
            url, headers=headers, stream=True, timeout=(limits.connect_timeout, limits.read_timeout)
        )
    except requests.exceptions.RetryError as exc:
        raise DownloadError(f"gave up after retries ({exc})", url) from exc
    except requests.exceptions.Timeout as exc:
        raise DownloadError(f"timed out ({type(exc).__name__})", url) from exc
    except requests.exceptions.RequestException as exc:
        raise DownloadError(f"could not connect ({_cause(exc)})", url) from exc
    with response:
        if response.status_code == 304:
            return FetchResult(url, True, etag=etag, last_modified=last_modified)
        if response.status_code >= 400:
            raise DownloadError(f"HTTP {response.status_code} {response.reason or ''}".strip(), url)
        declared = response.headers.get("Content-Length")
        expected = int(declared) if declared and declared.isascii() and declared.isdigit() else None
        if expected is not None and expected > limits.max_bytes:
            raise DownloadError(f"file is {expected:,} bytes, above the {limits.max_bytes:,}-byte cap", url)
        progress.start(f"download {url.rsplit('/', 1)[-1][:40]}", expected)
        h = hashlib.sha256()
        size = 0
        try:
            with dest.open("wb") as fh:
                for chunk in response.iter_content(CHUNK):
                    size += len(chunk)
                    if size > limits.max_bytes:
                        raise DownloadError(f"body exceeds the {limits.max_bytes:,}-byte cap", url)
                    if clock() - started > limits.deadline:
                        raise DownloadError(f"download took longer than {limits.deadline:.0f} s; stopped", url)
                    h.update(chunk)
                    fh.write(chunk)
                    progress.advance(len(chunk))
        except requests.exceptions.RequestException as exc:
            if expected is not None:
                raise DownloadError(
                    f"truncated: the connection closed before the whole file arrived ({expected:,} bytes announced)",
                    url,
                ) from exc
            raise DownloadError(f"connection broken after {size:,} bytes ({type(exc).__name__})", url) from exc
        finally:
            progress.finish()
        if expected is not None and size != expected:
            raise DownloadError(f"truncated: received {size:,} of {expected:,} bytes", url)
        if size == 0:
            raise DownloadError("empty response body", url)
        return FetchResult(
            url,
            False,
            path=dest,
            sha256=h.hexdigest(),
            bytes=size,
            etag=response.headers.get("ETag"),
            last_modified=response.headers.get("Last-Modified"),
            content_type=response.headers.get("Content-Type"),
        )
