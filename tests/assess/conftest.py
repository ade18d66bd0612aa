"""Shared helpers for the assessment tests: a home with the fixture lists imported, a
project-file writer and a fixed clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from screen.settings import Settings

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures"
ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture(scope="session")
def fx_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """A home with the OFAC SDN and CSL fixture lists imported (dated so that they are fresh at NOW)."""
    from screen import lists

    settings = Settings(home=tmp_path_factory.mktemp("assess") / "home")
    report = lists.import_paths([FIXTURES / "ofac_sdn", FIXTURES / "us_csl"], settings, lambda: NOW)
    assert report.ok, report
    return settings


@pytest.fixture
def empty_settings(tmp_path: Path) -> Settings:
    return Settings(home=tmp_path / "empty-home")


@pytest.fixture
def project(tmp_path: Path) -> Callable[..., Path]:
    """Write a project file; keyword arguments override a minimal valid project."""

    def write(name: str = "project.yaml", **fields: Any) -> Path:
        data: dict[str, Any] = {"title": "Test project", "host_countries": ["GB"], "assistance": ["community-policing"],
                                "partners": [{"name": "Police Scotland", "country": "GB"}]}
        data.update(fields)
        data = {k: v for k, v in data.items() if v is not None}
        path = tmp_path / name
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
        return path

    return write


@pytest.fixture
def clock() -> Callable[[], datetime]:
    return lambda: NOW
