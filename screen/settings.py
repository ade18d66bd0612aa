"""Settings with their defaults. Environment variables are read here and nowhere else."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs

from .errors import UsageError

APP_NAME = "hrdd"


@dataclass(frozen=True, slots=True)
class Settings:
    """Tunables of the list store and downloads."""

    home: Path
    keep_versions: int = 5  # snapshot versions kept per source (the current one is never pruned)
    max_drop_share: float = 0.2  # refuse a new version with this share fewer records, unless forced
    stale_days: int = 30  # a list older than this is flagged in `lists status`
    max_download_bytes: int = 512 * 1024 * 1024
    connect_timeout: float = 10.0
    read_timeout: float = 60.0
    retries: int = 3
    backoff: float = 0.5
    register_dirs: tuple[Path, ...] = ()  # users' register folders, searched with the shipped register
    link_depth: int = 3  # longest chain of register links followed from a matched body

    @property
    def cache_dir(self) -> Path:
        """Folder for caches that can be rebuilt at any time (the checked register)."""
        return self.home / "cache"

    @property
    def lists_dir(self) -> Path:
        """Folder holding one sub-folder per source with its versions."""
        return self.home / "lists"


def default_home(environ: dict[str, str] | None = None) -> Path:
    """``HRDD_HOME`` if set, else the platform's user data folder for hrdd."""
    env = os.environ if environ is None else environ
    if env.get("HRDD_HOME"):
        return Path(env["HRDD_HOME"]).expanduser()
    return Path(platformdirs.user_data_dir(APP_NAME, appauthor=False))


def load_settings(home: Path | None = None, environ: dict[str, str] | None = None) -> Settings:
    """Settings for a run: ``home`` (from ``--home``) wins over ``HRDD_HOME``;
    ``HRDD_KEEP_VERSIONS``, ``HRDD_STALE_DAYS``, ``HRDD_MAX_DROP`` (a share, e.g. 0.2) and
    ``HRDD_LINK_DEPTH`` override the defaults; ``HRDD_REGISTER`` adds register folders
    (separated like PATH)."""
    env = os.environ if environ is None else environ
    overrides: dict[str, int | float] = {}
    for var, key, kind in (
        ("HRDD_KEEP_VERSIONS", "keep_versions", int),
        ("HRDD_STALE_DAYS", "stale_days", int),
        ("HRDD_MAX_DROP", "max_drop_share", float),
        ("HRDD_LINK_DEPTH", "link_depth", int),
    ):
        if env.get(var):
            try:
                overrides[key] = kind(env[var])
            except ValueError:
                raise UsageError(f"{var}={env[var]!r} is not a number") from None
    registers = tuple(Path(p).expanduser() for p in env.get("HRDD_REGISTER", "").split(os.pathsep) if p.strip())
    return Settings(home=home if home is not None else default_home(env), register_dirs=registers,
                    **overrides)  # type: ignore[arg-type]
