"""Read and check register folders.

A register folder holds ``bodies/**/*.yaml`` (one body per file), and optionally
``sources.yaml`` (the documents facts cite, by id), ``countries.yaml`` (host-country
indicators), ``assistance.yaml`` (assistance types) and ``register.yaml`` (name and
version). The shipped register is one such folder; users add their own in the same
format, and their bodies may link to shipped ones and cite shipped sources.

``check_folders`` returns every problem found (schema, YAML syntax, duplicate ids,
unknown source ids, links to unknown bodies, unknown link types); ``load_register``
raises ``RegisterError`` when there is any error and otherwise returns the register.
A loaded register is cached by the digest of its files, so later runs skip parsing.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import tempfile
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Any

from ..errors import InputError
from .model import (
    Alias,
    AssistanceType,
    Body,
    Concern,
    Country,
    Designation,
    Indicator,
    Link,
    Register,
    Source,
)
from .vocab import LINK_TYPES

FORMAT_VERSION = 1  # bump when the cached form changes
MAX_FILE_BYTES = 1_000_000
SCHEMA_DIR = "schema"


class RegisterError(InputError):
    """A register folder has errors; ``problems`` lists them all."""

    def __init__(self, problems: Sequence[Problem]) -> None:
        self.problems = list(problems)
        errors = [p for p in problems if p.severity == "error"]
        shown = "\n".join(f"  {p}" for p in errors[:20])
        more = f"\n  ... and {len(errors) - 20} more" if len(errors) > 20 else ""
        super().__init__(f"the register has {len(errors)} error(s); run `hrdd register validate`:\n{shown}{more}")


@dataclass(frozen=True, slots=True)
class Problem:
    file: str
    where: str  # a path inside the file ("links[0].target"), or ""
    message: str
    severity: str = "error"  # or "warning"

    def __str__(self) -> str:
        loc = f"{self.file}" + (f" ({self.where})" if self.where else "")
        return f"{loc}: {self.severity}: {self.message}"


def shipped_folder() -> Path:
    """The register shipped with hrdd: inside the installed package, or the checkout's
    ``watchlists/`` when running from source."""
    packaged = Path(str(resources.files("screen"))) / "_watchlists"
    if packaged.is_dir():
        return packaged
    return Path(__file__).resolve().parents[2] / "watchlists"


def _files(folder: Path) -> list[Path]:
    out = [folder / n for n in ("register.yaml", "sources.yaml", "countries.yaml", "assistance.yaml")
           if (folder / n).is_file()]
    bodies = folder / "bodies"
    if bodies.is_dir():
        out += sorted(p for p in bodies.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
    return out


def digest(folders: Sequence[Path]) -> str:
    """sha256 over the names and contents of every register file in ``folders``."""
    h = hashlib.sha256(f"hrdd-register-{FORMAT_VERSION}".encode())
    for folder in folders:
        for path in _files(folder):
            h.update(str(path.relative_to(folder)).encode() + b"\0")
            h.update(path.read_bytes())
            h.update(b"\0")
    return h.hexdigest()


def _read_yaml(path: Path, problems: list[Problem]) -> Any:
    import yaml  # only when a file is parsed: a cached register needs no YAML

    from ..yamlfile import error_place, load_yaml

    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            problems.append(Problem(str(path), "", f"file is {size:,} bytes; the limit is {MAX_FILE_BYTES:,}"))
            return None
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        problems.append(Problem(str(path), "", f"not UTF-8 text (byte {exc.start})"))
        return None
    except OSError as exc:
        problems.append(Problem(str(path), "", f"cannot read ({exc.strerror})"))
        return None
    try:
        return load_yaml(text)
    except yaml.YAMLError as exc:
        where, problem = error_place(exc)
        problems.append(Problem(str(path), where or "", f"not valid YAML: {problem}"))
        return None


def _validator(name: str) -> Any:
    from jsonschema import Draft202012Validator

    schema_path = shipped_folder() / SCHEMA_DIR / name
    return Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))


def _schema_problems(validator: Any, data: Any, file: str) -> list[Problem]:
    out = []
    for err in sorted(validator.iter_errors(data), key=lambda e: list(map(str, e.absolute_path))):
        where = "".join(f"[{p}]" if isinstance(p, int) else (f".{p}" if i else str(p))
                        for i, p in enumerate(err.absolute_path))
        out.append(Problem(file, where, err.message))
    return out


@dataclass(slots=True)
class _Raw:
    bodies: dict[str, tuple[str, dict[str, Any]]]
    sources: dict[str, tuple[str, dict[str, Any]]]
    broken: set[str]  # shared files ('sources', 'countries', 'assistance') that could not be read
    countries: dict[str, dict[str, Any]]
    assistance: dict[str, dict[str, Any]]
    versions: list[str]


def _read(folders: Sequence[Path], problems: list[Problem]) -> _Raw:
    validators = {n: _validator(f"{n}.schema.json") for n in ("body", "sources", "countries", "assistance")}
    raw = _Raw({}, {}, set(), {}, {}, [])
    for fi, folder in enumerate(folders):
        if not folder.is_dir():
            problems.append(Problem(str(folder), "", "register folder not found"))
            continue
        files = _files(folder)
        if not files:
            problems.append(Problem(str(folder), "", "no register files (expected bodies/*.yaml, sources.yaml ...)"))
        for path in files:
            data = _read_yaml(path, problems)
            name = path.name
            f = str(path)
            if name == "register.yaml" and path.parent == folder:
                if isinstance(data, dict) and data.get("version"):
                    raw.versions.append(str(data["version"]) if fi == 0 else "local")
                continue
            if path.parent == folder and name in ("sources.yaml", "countries.yaml", "assistance.yaml"):
                kind = name.split(".")[0]
                if data is None:  # unreadable (reported) or empty (nothing to add)
                    if any(p.file == f for p in problems):
                        raw.broken.add(kind)
                    continue
                found = _schema_problems(validators[kind], data, f)
                problems.extend(found)
                if found or not isinstance(data, dict):
                    raw.broken.add(kind)
                    continue
                for key, value in data.items():
                    if kind == "sources":
                        if key in raw.sources and raw.sources[key][1] != value:
                            problems.append(Problem(f, key, f"source id {key!r} is already defined in {raw.sources[key][0]}"))
                        raw.sources[key] = (f, value)
                    elif kind == "countries":
                        raw.countries[key] = value  # a later folder's entry replaces an earlier one
                    else:
                        raw.assistance[key] = value
                continue
            # a body
            if data is None:
                if not any(p.file == f for p in problems):
                    problems.append(Problem(f, "", "empty file"))
                continue
            found = _schema_problems(validators["body"], data, f)
            problems.extend(found)
            if found or not isinstance(data, dict):
                continue
            bid = data["id"]
            if bid in raw.bodies:
                problems.append(Problem(f, "id", f"duplicate id {bid!r}; also in {raw.bodies[bid][0]}"))
                continue
            if not bid.startswith(data["country"].lower() + "-"):
                problems.append(Problem(f, "id", f"id {bid!r} should start with the country code "
                                                 f"{data['country'].lower()!r}-", "warning"))
            raw.bodies[bid] = (f, data)
    return raw


def _cross_check(raw: _Raw, problems: list[Problem]) -> None:
    used: set[str] = set()
    linked = {k["target"] for _, d in raw.bodies.values() for k in d.get("links", ())}

    def cite(ids: Iterable[str], file: str, where: str) -> None:
        for sid in ids:
            used.add(sid)
            if sid not in raw.sources and "sources" not in raw.broken:
                problems.append(Problem(file, where, f"unknown source id {sid!r} (not in any sources.yaml)"))

    for bid, (f, d) in raw.bodies.items():
        cite(d["sources"], f, "sources")
        for section in ("aliases", "concerns", "designations", "links"):
            for i, item in enumerate(d.get(section, ())):
                cite(item["sources"], f, f"{section}[{i}].sources")
        for i, link in enumerate(d.get("links", ())):
            if link["type"] not in LINK_TYPES:
                problems.append(Problem(f, f"links[{i}].type", f"unknown link type {link['type']!r}"))
            if link["target"] == bid:
                problems.append(Problem(f, f"links[{i}].target", "a body cannot link to itself"))
            elif link["target"] not in raw.bodies:
                problems.append(Problem(f, f"links[{i}].target", f"link to unknown body id {link['target']!r}"))
        if d["country"] not in raw.countries and "countries" not in raw.broken:
            problems.append(Problem(f, "country", f"no indicators for {d['country']} in countries.yaml", "warning"))
        if not d.get("concerns") and not d.get("designations") and not d.get("links") and bid not in linked:
            problems.append(Problem(f, "", "no concern, designation or link: nothing for a screen to report", "warning"))
    for code, c in raw.countries.items():
        for key, ind in c["indicators"].items():
            cite(ind["sources"], "countries.yaml", f"{code}.indicators.{key}")
    for key, a in raw.assistance.items():
        cite(a.get("sources", ()), "assistance.yaml", key)
    for sid, (f, _) in raw.sources.items():
        if sid not in used and not raw.broken:  # a broken file's citations are unknown
            problems.append(Problem(f, sid, "source is not cited by any fact", "warning"))


def _build(raw: _Raw, folders: Sequence[Path], sha: str) -> Register:
    t = tuple
    bodies = {}
    for bid, (f, d) in raw.bodies.items():
        bodies[bid] = Body(
            id=bid, name=d["name"].strip(), kind=d["kind"], country=d["country"], sector=d["sector"],
            basis=" ".join(d["basis"].split()), sources=t(d["sources"]),
            aliases=t(Alias(a["name"].strip(), a.get("type", "aka"), a.get("script"), t(a["sources"]))
                      for a in d.get("aliases", ())),
            concerns=t(Concern(c["category"], " ".join(c["summary"].split()), t(c["sources"]), c.get("period"))
                       for c in d.get("concerns", ())),
            designations=t(Designation(x["list"], x.get("program"), x.get("reference"), x.get("date"),
                                       t(x["sources"]), x.get("note")) for x in d.get("designations", ())),
            links=t(Link(k["type"], k["target"], " ".join(k["summary"].split()), t(k["sources"]))
                    for k in d.get("links", ())),
            file=f,
        )
    sources = {sid: Source(sid, s["url"], s["publisher"], s["title"], s["date"], s.get("note"))
               for sid, (_, s) in raw.sources.items()}
    countries = {
        code: Country(code, c["name"], {k: Indicator(v["value"], v.get("year"), t(v["sources"]), v.get("note"))
                                        for k, v in c["indicators"].items()})
        for code, c in sorted(raw.countries.items())
    }
    assistance = {k: AssistanceType(k, a["label"], " ".join(a["description"].split()), t(a["concerns"]),
                                    a["higher_risk"], " ".join(a["rationale"].split()), t(a.get("sources", ())))
                  for k, a in raw.assistance.items()}
    version = raw.versions[0] if raw.versions else "unversioned"
    if len(folders) > 1:
        version += "+local"
    return Register(dict(sorted(bodies.items())), sources, countries, assistance,
                    tuple(str(f) for f in folders), version, sha)


def check_folders(folders: Sequence[Path], key: str | None = None) -> tuple[Register | None, list[Problem]]:
    """Read and check ``folders`` (shipped first, then the user's); every problem found.
    ``key`` is their :func:`digest` when the caller has already computed it."""
    problems: list[Problem] = []
    raw = _read(folders, problems)
    _cross_check(raw, problems)
    if any(p.severity == "error" for p in problems):
        return None, problems
    return _build(raw, folders, key or digest([f for f in folders if f.is_dir()])), problems


def load_register(extra: Sequence[Path] = (), cache_dir: Path | None = None, shipped: bool = True) -> Register:
    """The shipped register plus the folders in ``extra``; ``RegisterError`` on errors.

    With ``cache_dir`` the checked register is kept there, keyed by the digest of its
    files, and reused while no file changes.
    """
    folders = ([shipped_folder()] if shipped else []) + [Path(p) for p in extra]
    for f in folders:
        if not f.is_dir():
            raise RegisterError([Problem(str(f), "", "register folder not found")])
    key = digest(folders)
    cached = cache_get(cache_dir, "register", key)
    if isinstance(cached, Register):
        return cached
    register, problems = check_folders(folders, key)
    if register is None:
        raise RegisterError(problems)
    cache_put(cache_dir, "register", key, register)
    return register


def cache_get(cache_dir: Path | None, name: str, key: str) -> Any:
    """The object cached under ``name`` for ``key``, or None (missing, truncated or stale)."""
    if cache_dir is None:
        return None
    try:
        data = (cache_dir / f"{name}-{key[:32]}.pickle").read_bytes()
        stored_key, obj = pickle.loads(data)  # noqa: S301 - our own cache file, named by the digest of its inputs
    except Exception:
        return None
    return obj if stored_key == key else None


def cache_put(cache_dir: Path | None, name: str, key: str, obj: Any) -> None:
    """Keep ``obj`` under ``name`` for ``key`` (replacing older entries of that name)."""
    if cache_dir is None:
        return
    try:
        cache_dir.mkdir(parents=True, exist_ok=True)
        for old in cache_dir.glob(f"{name}-*.pickle"):
            old.unlink(missing_ok=True)
        fd, tmp = tempfile.mkstemp(dir=cache_dir, prefix=f".{name}-")
        with os.fdopen(fd, "wb") as fh:
            pickle.dump((key, obj), fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, cache_dir / f"{name}-{key[:32]}.pickle")
    except OSError:
        pass  # a read-only home only costs the next run a re-parse
