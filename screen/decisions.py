"""Analysts' decisions on hits: read them, tie them to the exact listed record, apply them.

A decision says that one input name is (``confirmed``) or is not (``false_positive``) one
listed entity. It silences exactly that pair, and only while the listed record is the one
the analyst saw: each decision stores the record's fingerprint
(:meth:`screen.model.Entity.fingerprint`). When the publisher changes the record, or the
decision's ``expires`` date has passed, the hit comes back flagged for re-review.

Decision files are YAML (a list, or a mapping with a ``decisions`` list) or CSV with the
same column names. Parsing takes the file's bytes; nothing here reads files or clocks.
"""

from __future__ import annotations

import csv
import io
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from .errors import InputError

FALSE_POSITIVE = "false_positive"
CONFIRMED = "confirmed"
VERDICTS = (FALSE_POSITIVE, CONFIRMED)

# Hit states after decisions.
SILENCED = "silenced"  # a false positive, still valid
CONFIRMED_STATE = "confirmed"  # a true match, still valid
EXPIRED = "expired"  # the decision's expiry date has passed
RECORD_CHANGED = "record changed"  # the listed record differs from the one decided on

FIELDS = ("input", "source", "entity_id", "decision", "reviewer", "date", "reason", "expires", "fingerprint",
          "listed_name", "score")
REQUIRED = ("input", "source", "entity_id", "decision", "reviewer", "date", "fingerprint")


class HitLike(Protocol):
    """What a decision is checked against (``screen.match.Hit`` has it)."""

    @property
    def card(self) -> Any: ...


@dataclass(frozen=True, slots=True)
class Decision:
    """One analyst's decision on one (input name, listed entity) pair."""

    input: str
    source: str
    entity_id: str  # the record id within the source (a "source:" prefix is removed)
    decision: str
    reviewer: str
    date: str
    fingerprint: str
    reason: str | None = None
    expires: str | None = None
    where: str = ""  # file and entry, for messages

    def to_dict(self) -> dict[str, object]:
        d: dict[str, object] = {
            "input": self.input, "source": self.source, "entity_id": self.entity_id, "decision": self.decision,
            "reviewer": self.reviewer, "date": self.date, "fingerprint": self.fingerprint,
        }
        if self.reason:
            d["reason"] = self.reason
        if self.expires:
            d["expires"] = self.expires
        return d


def input_key(name: str) -> str:
    """How input names are compared: Unicode-compatible forms, case and spacing folded.
    Deliberately no more than that: a decision covers the name the analyst saw."""
    return " ".join(unicodedata.normalize("NFKC", name).casefold().split())


def _record_id(source: str, entity_id: str) -> str:
    prefix = f"{source}:"
    return entity_id[len(prefix):] if entity_id.startswith(prefix) else entity_id


@dataclass(frozen=True, slots=True)
class Ruling:
    """What a decision does to one hit."""

    state: str  # SILENCED, CONFIRMED_STATE, EXPIRED or RECORD_CHANGED
    decision: Decision

    @property
    def silences(self) -> bool:
        return self.state == SILENCED

    @property
    def needs_review(self) -> bool:
        return self.state in (EXPIRED, RECORD_CHANGED)

    def to_dict(self) -> dict[str, object]:
        return {"state": self.state, **self.decision.to_dict()}


@dataclass(slots=True)
class DecisionBook:
    """Decisions indexed by (input name, source, record id); remembers which were used."""

    decisions: Sequence[Decision] = ()
    file: str | None = None
    undecided: int = 0  # template entries with no decision filled in yet
    _index: dict[tuple[str, str, str], Decision] = field(default_factory=dict)
    _used: set[int] = field(default_factory=set)

    def __post_init__(self) -> None:
        for d in self.decisions:
            self._index[(input_key(d.input), d.source, d.entity_id)] = d

    def __len__(self) -> int:
        return len(self.decisions)

    def rule(self, name: str, hit: HitLike, today: date) -> Ruling | None:
        """The ruling on ``hit`` for input ``name``, or None when no decision covers the pair."""
        card = hit.card
        d = self._index.get((input_key(name), card.source, card.record_id))
        if d is None:
            return None
        self._used.add(id(d))
        if d.expires and date.fromisoformat(d.expires) < today:
            return Ruling(EXPIRED, d)
        if d.fingerprint != card.fingerprint:
            return Ruling(RECORD_CHANGED, d)
        return Ruling(SILENCED if d.decision == FALSE_POSITIVE else CONFIRMED_STATE, d)

    def unused(self) -> list[Decision]:
        """Decisions that matched no hit in this run (the name or the hit is gone)."""
        return [d for d in self.decisions if id(d) not in self._used]


def _date(value: object, what: str, problems: list[str], where: str) -> str | None:
    if value is None or value == "":
        return None
    if isinstance(value, date):
        return value.isoformat()
    try:
        return date.fromisoformat(str(value).strip()).isoformat()
    except ValueError:
        problems.append(f"{where}: {what} {value!r} is not a date (YYYY-MM-DD)")
        return None


def _text(value: object) -> str:
    return "" if value is None else str(value).strip()


def unneutralise(cell: str) -> str:
    """Undo the apostrophe hrdd puts before CSV cells that a spreadsheet would run as a
    formula (``'=x`` -> ``=x``), so that a decisions template written as CSV reads back."""
    if len(cell) > 1 and cell[0] == "'" and cell[1] in ("=", "+", "-", "@", "\t", "\r"):
        return cell[1:]
    return cell


def _entries(data: bytes, path: str) -> list[tuple[str, dict[str, Any]]]:
    """(where, raw entry) for every entry of a YAML or CSV decisions file."""
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"not UTF-8 text (byte {exc.start})", path=path) from None
    if path.casefold().endswith((".csv", ".tsv")):
        reader = csv.DictReader(io.StringIO(text, newline=""), delimiter="\t" if path.endswith(".tsv") else ",")
        missing = [f for f in REQUIRED if f not in (reader.fieldnames or [])]
        if missing:
            raise InputError(f"missing column(s) {', '.join(missing)}; columns are: "
                             f"{', '.join(reader.fieldnames or [])}", path=path)
        try:
            return [(f"{path}, row {n}", {k: unneutralise(v) if isinstance(v, str) else v for k, v in row.items()})
                    for n, row in enumerate(reader, start=2)]
        except csv.Error as exc:
            raise InputError(str(exc), path=path, row=reader.line_num) from None
    import yaml

    from .yamlfile import error_place, load_yaml

    try:
        loaded = load_yaml(text)
    except yaml.YAMLError as exc:
        where, problem = error_place(exc)
        raise InputError(f"not valid YAML ({problem})", path=path, row=where) from None
    if loaded is None:
        return []
    if isinstance(loaded, dict):
        loaded = loaded.get("decisions", None)
    if not isinstance(loaded, list):
        raise InputError("expected a list of decisions (or a mapping with a 'decisions' list)", path=path)
    out = []
    for n, entry in enumerate(loaded, start=1):
        if not isinstance(entry, dict):
            raise InputError(f"entry {n} is not a mapping of fields", path=path)
        out.append((f"{path}, entry {n}", entry))
    return out


def parse_decisions(data: bytes, path: str, sources: Iterable[str]) -> DecisionBook:
    """Every decision in a file; ``InputError`` lists every problem, each with its entry.
    Entries with an empty ``decision`` (a template not yet filled in) are counted, not used."""
    known = tuple(sources)
    problems: list[str] = []
    out: list[Decision] = []
    undecided = 0
    seen: dict[tuple[str, str, str], str] = {}
    for where, raw in _entries(data, path):
        unknown = sorted(set(map(str, raw)) - set(FIELDS))
        if unknown:
            problems.append(f"{where}: unknown field(s) {', '.join(unknown)}")
        verdict = _text(raw.get("decision")).replace("-", "_").replace(" ", "_").casefold()
        if not verdict:
            undecided += 1
            continue
        if verdict not in VERDICTS:
            problems.append(f"{where}: decision must be false_positive or confirmed, not {raw.get('decision')!r}")
            continue
        values = {f: _text(raw.get(f)) for f in REQUIRED}
        empty = [f for f in REQUIRED if not values[f]]
        if empty:
            problems.append(f"{where}: missing {', '.join(empty)}")
            continue
        if values["source"] not in known:
            problems.append(f"{where}: source {values['source']!r} is not one of {', '.join(known)}")
            continue
        if verdict == FALSE_POSITIVE and not _text(raw.get("reason")):
            problems.append(f"{where}: a false_positive decision needs a reason")
            continue
        day = _date(raw.get("date"), "date", problems, where)
        expires = _date(raw.get("expires"), "expires", problems, where)
        if day is None:
            continue
        record = _record_id(values["source"], values["entity_id"])
        key = (input_key(values["input"]), values["source"], record)
        if key in seen:
            problems.append(f"{where}: the same input and entity as {seen[key]}")
            continue
        seen[key] = where
        out.append(Decision(values["input"], values["source"], record, verdict, values["reviewer"], day,
                            values["fingerprint"], _text(raw.get("reason")) or None, expires, where))
    if problems:
        shown = "\n".join(f"  {p}" for p in problems[:30])
        more = f"\n  ... and {len(problems) - 30} more" if len(problems) > 30 else ""
        raise InputError(f"{len(problems)} problem(s) in the decisions file:\n{shown}{more}", path=path)
    return DecisionBook(out, path, undecided)


def template_entry(name: str, hit: Any) -> dict[str, object]:
    """A decisions-file entry for an open hit, with the fields an analyst fills in left empty."""
    card = hit.card
    return {
        "input": name, "source": card.source, "entity_id": card.record_id, "listed_name": card.name,
        "score": hit.score, "fingerprint": card.fingerprint,
        "decision": "", "reviewer": "", "date": "", "reason": "", "expires": "",
    }
