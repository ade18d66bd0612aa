"""The project file: a proposed security or justice assistance project in YAML.

``load_project`` reads it, checks it against ``project.schema.json`` and returns a
:class:`Project` whose parties (funder, implementer, partners, beneficiaries, and the
rows of a ``partners_file`` spreadsheet) are the names to screen. Every problem found
is reported at once, each with the file and where in it (``partners[2].country``, or
the spreadsheet row); ``ProjectError`` is a bad-input error (exit 3).

Which assistance ids exist depends on the register in use, so they are checked by
:func:`check_assistance` once the register is loaded.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from ..births import query_years
from ..countries import query_country
from ..errors import InputError
from ..yamlfile import error_place, load_yaml

MAX_PROJECT_BYTES = 2_000_000
KINDS = {"organisation": "org", "organization": "org", "org": "org", "person": "person"}
ROLES_ORDER = ("funder", "implementer", "partner", "beneficiary")


@dataclass(frozen=True, slots=True)
class Party:
    """A name in the project that is screened: funder, implementer, partner or beneficiary."""

    name: str | None
    role: str  # funder, implementer, partner, beneficiary
    where: str  # "partners[2]" or "partners.csv row 4"
    country: str | None = None  # ISO alpha-2
    kind: str | None = None  # "org" or "person"
    detail: str | None = None  # the role as the file words it ("delivery partner")
    problem: str | None = None  # why it cannot be screened
    born: str | None = None  # a person's birth year or date


@dataclass(frozen=True, slots=True)
class Decision:
    """An analyst's decision on one possible match."""

    party: str
    source: str
    entity_id: str
    decision: str  # false_positive or confirmed
    reviewer: str
    date: str
    reason: str | None = None

    def to_dict(self) -> dict[str, object]:
        return {"party": self.party, "source": self.source, "entity_id": self.entity_id, "decision": self.decision,
                "reviewer": self.reviewer, "date": self.date, "reason": self.reason}


@dataclass(frozen=True, slots=True)
class Project:
    title: str
    host_countries: tuple[str, ...]
    assistance: tuple[str, ...]
    parties: tuple[Party, ...]
    file: str
    sha256: str  # of the project file and any partners file, in that order
    description: str | None = None
    funder: str | None = None
    implementer: str | None = None
    start: str | None = None
    end: str | None = None
    stage: str = "proposal"
    previous_assessment: dict[str, str] | None = None
    reviewed: tuple[Decision, ...] = ()
    partners_file: str | None = None
    notes: str | None = None


class ProjectError(InputError):
    """A project file (or its partners file) has errors; ``problems`` lists them all."""

    def __init__(self, file: str, problems: Sequence[str]) -> None:
        self.problems = list(problems)
        shown = "\n".join(f"  {p}" for p in self.problems[:30])
        more = f"\n  ... and {len(self.problems) - 30} more" if len(self.problems) > 30 else ""
        super().__init__(f"{len(self.problems)} problem(s) in the project file:\n{shown}{more}", path=file)


@lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The project file's JSON Schema (shipped with the package)."""
    text = resources.files("screen.assess").joinpath("project.schema.json").read_text(encoding="utf-8")
    return json.loads(text)


def _where(path: Iterable[object]) -> str:
    out = ""
    for p in path:
        out += f"[{p}]" if isinstance(p, int) else (f".{p}" if out else str(p))
    return out or "(top level)"


def _read(path: Path) -> tuple[Any, bytes]:
    import yaml

    from ..inputs import open_path, read_all

    display = str(path)
    with open_path(path) as fh:
        raw = read_all(fh, display)
    if len(raw) > MAX_PROJECT_BYTES:
        raise InputError(f"file is {len(raw):,} bytes; a project file may have at most {MAX_PROJECT_BYTES:,}", path=display)
    if not raw.strip():
        raise InputError("the file is empty", path=display)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise InputError("not UTF-8 text", path=display, row=f"line {line}") from None
    if "\x00" in text:
        raise InputError("holds a NUL byte; not a text file", path=display)
    try:
        data = load_yaml(text)
    except yaml.YAMLError as exc:
        where, problem = error_place(exc)
        raise InputError(f"not valid YAML: {problem}", path=display, row=where) from None
    return data, raw


def _country(value: Any, where: str, problems: list[str]) -> str | None:
    """The ISO code a project's country value gives ("CN", "China", "Chinese"), or None
    with the reason added to ``problems``."""
    try:
        return query_country(str(value))
    except ValueError as exc:
        problems.append(f"{where}: {exc}")
        return None


def load_project(path: Path | str) -> Project:
    """Read and check a project file; ``ProjectError`` lists every problem found."""
    from jsonschema import Draft202012Validator

    path = Path(path)
    display = str(path)
    data, raw = _read(path)
    if not isinstance(data, dict):
        raise ProjectError(display, ["(top level): a project file is a YAML mapping (title:, host_countries:, ...)"])
    problems = [f"{_where(e.absolute_path)}: {e.message}"
                for e in sorted(Draft202012Validator(schema()).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))]
    if problems:
        raise ProjectError(display, problems)

    hosts: list[str] = []
    for i, c in enumerate(data["host_countries"]):
        code = _country(c, f"host_countries[{i}]", problems)
        if code is not None and code not in hosts:
            hosts.append(code)

    parties: list[Party] = []

    def party(entry: Any, role: str, where: str) -> None:
        if isinstance(entry, str):
            entry = {"name": entry}
        name = entry["name"].strip() or None
        country = None
        if entry.get("country"):
            country = _country(entry["country"], f"{where}.country", problems)
        problem = None if name else "empty name"
        if name and "\x00" in name:
            problem = "name holds a NUL byte"
        born = str(entry["born"]) if entry.get("born") is not None else None
        parties.append(Party(name, role, where, country, KINDS.get(entry.get("kind") or "", None),
                             entry.get("role"), problem, born))

    for key in ("funder", "implementer"):
        if data.get(key) is not None:
            party(data[key], key, key)
    for i, entry in enumerate(data.get("partners") or []):
        party(entry, "partner", f"partners[{i}]")
    for i, entry in enumerate(data.get("beneficiaries") or []):
        party(entry, "beneficiary", f"beneficiaries[{i}]")

    digest = hashlib.sha256(raw)
    partners_file = data.get("partners_file")
    if partners_file:
        parties.extend(_partners_file(path.parent / partners_file, partners_file, problems, digest))
    if not parties:
        problems.append("(top level): no funder, implementer, partners, beneficiaries or partners_file: nothing to screen")
    for i, d in enumerate(data.get("reviewed") or []):
        if d["source"] not in _SOURCES:
            problems.append(f"reviewed[{i}].source: {d['source']!r} is not one of {', '.join(_SOURCES)}")
    if problems:
        raise ProjectError(display, problems)

    def when(v: Any) -> str | None:
        return None if v is None else str(v)

    prev = data.get("previous_assessment")
    if prev:
        prev = {k: when(v) if k == "date" else v for k, v in prev.items()}

    def name_of(key: str) -> str | None:
        v = data.get(key)
        return v if isinstance(v, str) or v is None else v["name"]

    return Project(
        title=data["title"].strip(), host_countries=tuple(hosts), assistance=tuple(dict.fromkeys(data["assistance"])),
        parties=tuple(parties), file=display, sha256=digest.hexdigest(), description=data.get("description"),
        funder=name_of("funder"), implementer=name_of("implementer"), start=when(data.get("start")), end=when(data.get("end")),
        stage=data.get("stage", "proposal"), previous_assessment=prev,
        reviewed=tuple(Decision(d["party"], d["source"], d["entity_id"], d["decision"], d["reviewer"], str(d["date"]),
                                d.get("reason")) for d in data.get("reviewed") or []),
        partners_file=partners_file, notes=data.get("notes"),
    )


_SOURCES = ("ofac_sdn", "ofac_cons", "us_csl", "uk", "eu", "un", "opensanctions", "register")


def _partners_file(path: Path, shown: str, problems: list[str], digest: Any) -> list[Party]:
    """The parties in a partners spreadsheet; rows that cannot be screened keep their place with the reason."""
    from ..inputs import read_input

    try:
        data = path.read_bytes()
    except OSError as exc:
        problems.append(f"partners_file: cannot read {shown!r} ({exc.strerror or exc})")
        return []
    digest.update(data)
    try:
        source = read_input(shown, None, data)
    except InputError as exc:
        problems.append(f"partners_file: {exc}")
        return []
    out = []
    for r in source.rows:
        country = _country(r.country, f"partners_file: {shown}, row {r.row}", problems) if r.country else None
        kind = KINDS.get((r.kind or "").strip().casefold()) if r.kind else None
        born = r.born
        if born is not None:
            try:
                query_years(born)
            except ValueError as exc:
                problems.append(f"partners_file: {shown}, row {r.row}: {exc}")
                born = None
        out.append(Party(r.name, "partner", f"{shown} row {r.row}", country, kind, r.role, r.problem, born))
    return out


def check_assistance(project: Project, known: dict[str, Any]) -> None:
    """``ProjectError`` when the project names an assistance type the register does not define."""
    import difflib

    problems = []
    for i, a in enumerate(project.assistance):
        if a not in known:
            near = difflib.get_close_matches(a, list(known), n=1)
            hint = f"; did you mean {near[0]!r}?" if near else f"; known types: {', '.join(sorted(known))}"
            problems.append(f"assistance[{i}]: unknown assistance type {a!r}{hint}")
    if problems:
        raise ProjectError(project.file, problems)
