"""Settings with their defaults. Environment variables and the configuration file
(``hrdd.toml``, or ``[tool.hrdd]`` in ``pyproject.toml``, found upward from the working
folder) are read here and nowhere else.

Precedence, lowest first: defaults, the configuration file, environment variables, then
command-line flags (applied by the CLI).
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

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
    review: int | None = None  # lowest score raising a hit (None: the matcher's default)
    match: int | None = None  # score from which a hit is a match (None: the matcher's default)
    decisions: Path | None = None  # analysts' decisions applied by `hrdd screen`
    fail_on: str | None = None  # `hrdd screen`/`check`: match, review or never
    assess_fail_on: str | None = None  # `hrdd assess`: medium, high, prohibited or never
    jobs: int = 0  # worker processes of `hrdd screen` (0: one per core)
    config_file: Path | None = None  # the configuration file read, if any

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


CONFIG_NAME = "hrdd.toml"

# key in the file -> (Settings field, accepted values or type)
_CONFIG_KEYS: dict[str, tuple[str, Any]] = {
    "home": ("home", Path),
    "threshold": ("review", int),
    "match_at": ("match", int),
    "register": ("register_dirs", list),
    "decisions": ("decisions", Path),
    "fail_on": ("fail_on", ("match", "review", "never")),
    "assess_fail_on": ("assess_fail_on", ("medium", "high", "prohibited", "never")),
    "stale_days": ("stale_days", int),
    "keep_versions": ("keep_versions", int),
    "max_drop": ("max_drop_share", float),
    "link_depth": ("link_depth", int),
    "jobs": ("jobs", int),
}


def find_config(start: Path) -> tuple[Path, dict[str, Any]] | None:
    """The nearest ``hrdd.toml``, or ``pyproject.toml`` with a ``[tool.hrdd]`` table, in
    ``start`` or a folder above it, with its hrdd table."""
    for folder in (start, *start.parents):
        candidate = folder / CONFIG_NAME
        if candidate.is_file():
            return candidate, _read_toml(candidate)
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file():
            table = _read_toml(pyproject).get("tool", {}).get("hrdd")
            if table is not None:
                if not isinstance(table, dict):
                    raise UsageError(f"{pyproject}: [tool.hrdd] must be a table")
                return pyproject, table
    return None


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise UsageError(f"{path}: not a readable TOML file ({exc})") from None


def config_values(path: Path, table: dict[str, Any]) -> dict[str, Any]:
    """Settings fields from a configuration table; paths are relative to the file's folder.
    ``UsageError`` names the file and key of anything unknown or of the wrong type."""
    out: dict[str, Any] = {}
    base = path.parent
    for key, value in table.items():
        if key not in _CONFIG_KEYS:
            raise UsageError(f"{path}: unknown setting {key!r}; known settings: {', '.join(_CONFIG_KEYS)}")
        name, kind = _CONFIG_KEYS[key]
        if isinstance(kind, tuple):
            if value not in kind:
                raise UsageError(f"{path}: {key} must be one of {', '.join(kind)}, not {value!r}")
        elif kind is Path:
            if not isinstance(value, str) or not value.strip():
                raise UsageError(f"{path}: {key} must be a path (a string)")
            value = base / Path(value).expanduser()
        elif kind is list:
            if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
                raise UsageError(f"{path}: {key} must be a list of folder paths")
            value = tuple(base / Path(v).expanduser() for v in value)
        elif kind is int:
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise UsageError(f"{path}: {key} must be a whole number of 0 or more, not {value!r}")
        elif kind is float:
            if isinstance(value, bool) or not isinstance(value, (int, float)):
                raise UsageError(f"{path}: {key} must be a number, not {value!r}")
            value = float(value)
        out[name] = value
    for name in ("review", "match"):
        if name in out and out[name] > 100:
            raise UsageError(f"{path}: {'threshold' if name == 'review' else 'match_at'} must be 0 to 100")
    return out


def load_settings(
    home: Path | None = None, environ: dict[str, str] | None = None, cwd: Path | None = None
) -> Settings:
    """Settings for a run. With ``cwd``, the configuration file found upward from it is
    read first. ``home`` (from ``--home``) wins over ``HRDD_HOME``, which wins over the
    file's ``home``; ``HRDD_KEEP_VERSIONS``, ``HRDD_STALE_DAYS``, ``HRDD_MAX_DROP`` (a share,
    e.g. 0.2) and ``HRDD_LINK_DEPTH`` override the file and the defaults; ``HRDD_REGISTER``
    adds register folders (separated like PATH) to the file's."""
    env = os.environ if environ is None else environ
    from_file: dict[str, Any] = {}
    config_file = None
    found = find_config(cwd) if cwd is not None else None
    if found is not None:
        config_file, table = found
        from_file = config_values(config_file, table)
    overrides: dict[str, Any] = {}
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
    file_home = from_file.pop("home", None)
    if home is None and not env.get("HRDD_HOME") and file_home is not None:
        home = file_home
    values = {**from_file, **overrides}
    values["register_dirs"] = (*from_file.get("register_dirs", ()), *registers)
    known = {f.name for f in fields(Settings)}
    assert values.keys() <= known, values.keys() - known
    return Settings(home=home if home is not None else default_home(env), config_file=config_file, **values)
