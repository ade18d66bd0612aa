"""The HTML report in a real headless browser (Debian's Chromium): it parses into its
sections and diagrams, renders to a screenshot (kept as a test artefact) and prints to
PDF. Skipped with a reason when Chromium is not installed; an error instead when
HRDD_REQUIRE_BROWSER=1 (as in CI, whose `.ci/run` installs it)."""

from __future__ import annotations

import os
import re
import shutil
import struct
import subprocess
from pathlib import Path

import pytest

from screen import __version__
from screen.assess import run_assessment
from screen.report.assessment import render

from .conftest import NOW, ROOT

ARTIFACTS = Path(os.environ.get("HRDD_ARTIFACTS", ROOT / "test-artifacts"))
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars"]


@pytest.fixture(scope="module")
def chromium() -> str:
    found = os.environ.get("HRDD_CHROMIUM") or shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        if os.environ.get("HRDD_REQUIRE_BROWSER") == "1":
            pytest.fail("HRDD_REQUIRE_BROWSER=1 but no chromium found (install Debian's chromium package)")
        pytest.skip("chromium not installed (Debian: apt-get install chromium); set HRDD_REQUIRE_BROWSER=1 to require it")
    return found


@pytest.fixture(scope="module")
def page(tmp_path_factory) -> Path:  # type: ignore[no-untyped-def]
    from screen.settings import Settings

    settings = Settings(home=tmp_path_factory.mktemp("browser") / "home")
    cwd = os.getcwd()
    os.chdir(ROOT)
    try:
        doc = run_assessment("examples/uk-china-policing.yaml", settings, lambda: NOW, __version__).doc
    finally:
        os.chdir(cwd)
    path = tmp_path_factory.mktemp("html") / "uk-china-policing.html"
    path.write_text(render(doc, "html"), encoding="utf-8")
    return path


def _run(chromium: str, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([chromium, *FLAGS, f"--user-data-dir={tmp / 'profile'}", *args], capture_output=True,
                          text=True, timeout=120, check=False)


def test_the_browser_parses_every_section_and_the_diagrams(chromium, page, tmp_path):
    r = _run(chromium, tmp_path, "--dump-dom", page.as_uri())
    assert r.returncode == 0, r.stderr[-2000:]
    dom = r.stdout
    for section in ("summary", "host", "assistance", "parties", "flags", "mitigations", "monitoring", "audit"):
        assert f'<section id="{section}">' in dom, section
    assert dom.count("<svg") == 3 and 'class="node flagged"' in dom
    assert "Overall risk: HIGH" in dom and "NO OFFICIAL LIST WAS SEARCHED" in dom


def test_screenshot_is_saved_as_an_artefact(chromium, page, tmp_path):
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / "assess-uk-china-policing.png"
    shot.unlink(missing_ok=True)
    r = _run(chromium, tmp_path, "--window-size=1280,4000", f"--screenshot={shot}", page.as_uri())
    assert r.returncode == 0 and shot.exists(), r.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = struct.unpack(">II", data[16:24])
    assert (width, height) == (1280, 4000)
    assert len(data) > 100_000  # a page of text and diagrams, not a blank image


def test_the_page_prints(chromium, page, tmp_path):
    pdf = tmp_path / "report.pdf"
    r = _run(chromium, tmp_path, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", page.as_uri())
    assert r.returncode == 0 and pdf.exists(), r.stderr[-2000:]
    data = pdf.read_bytes()
    pages = len(re.findall(rb"/Type\s*/Page(?!s)", data))
    assert data.startswith(b"%PDF") and pages >= 3, pages  # a long report breaks into printed pages
