"""What one screened row finally says, after analysts' decisions and the ``--changed-since``
baseline are applied, and the run's summary. Pure logic: no files, no clocks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..decisions import CONFIRMED_STATE, DecisionBook, Ruling
from ..match import Hit
from ..screening import REGISTER, STATUSES, RowResult, Screener

if TYPE_CHECKING:
    from ..register.graph import Chain
    from ..register.model import Register


@dataclass(frozen=True, slots=True)
class Baseline:
    """The list versions ``--changed-since`` compares with: for each source, the
    fingerprint of every entity in the older version."""

    versions: Mapping[str, str]  # source -> version compared with
    fingerprints: Mapping[str, Mapping[str, str]]  # source -> record id -> fingerprint

    def is_unchanged(self, hit: Hit) -> bool:
        """True when the hit's record was in the older version exactly as it is now."""
        old = self.fingerprints.get(hit.card.source)
        return old is not None and old.get(hit.card.record_id) == hit.card.fingerprint


@dataclass(slots=True)
class Outcome:
    """One input row as reported: its status, the hits that count, and those set aside."""

    file: str
    row: int
    input: str | None
    status: str  # match, review, clear or skipped
    ident: str | None = None
    country: str | None = None
    kind: str | None = None
    reason: str | None = None
    born: str | None = None
    hits: list[Hit] = field(default_factory=list)  # hits that count, best first
    rulings: dict[str, Ruling] = field(default_factory=dict)  # hit id -> decision on a hit that counts
    silenced: list[tuple[Hit, Ruling]] = field(default_factory=list)  # false positives, still valid
    unchanged: list[Hit] = field(default_factory=list)  # set aside by --changed-since
    chains: dict[str, list[Chain]] = field(default_factory=dict)
    register: Register | None = None  # for the register bodies' records of register hits

    @property
    def re_review(self) -> bool:
        """A decision on one of the hits has expired or its record has changed."""
        return any(r.needs_review for r in self.rulings.values())

    @property
    def open_hits(self) -> list[Hit]:
        """Hits that still need an analyst's decision."""
        return [h for h in self.hits if h.card.id not in self.rulings or self.rulings[h.card.id].needs_review]


def settle(file: str, result: RowResult, screener: Screener, book: DecisionBook | None, today: date,
           baseline: Baseline | None) -> Outcome:
    """Apply decisions and the baseline to one row's hits and work out its status."""
    out = Outcome(file, result.row, result.input, result.status, result.ident, result.country, result.kind,
                  result.reason, result.born)
    if result.status == "skipped":
        return out
    for h in result.hits:
        if baseline is not None and baseline.is_unchanged(h):
            out.unchanged.append(h)
            continue
        ruling = book.rule(result.input or "", h, today) if book is not None else None
        if ruling is not None and ruling.silences:
            out.silenced.append((h, ruling))
            continue
        if ruling is not None:
            out.rulings[h.card.id] = ruling
        out.hits.append(h)
    if any(h.level == "match" or (r := out.rulings.get(h.card.id)) is not None and r.state == CONFIRMED_STATE
           for h in out.hits):
        out.status = "match"
    else:
        out.status = "review" if out.hits else "clear"
    out.chains = {h.card.id: screener.chains(h) for h in out.hits if h.card.source == REGISTER}
    out.register = screener.register
    return out


@dataclass(slots=True)
class Summary:
    """Counts over the whole run."""

    rows: int = 0
    statuses: Counter[str] = field(default_factory=lambda: Counter({s: 0 for s in STATUSES}))
    re_review: int = 0
    silenced: int = 0  # hits silenced by decisions
    unchanged: int = 0  # hits set aside by --changed-since
    skipped_reasons: Counter[str] = field(default_factory=Counter)
    files: dict[str, int] = field(default_factory=dict)  # rows per file

    def add(self, o: Outcome) -> None:
        self.rows += 1
        self.files[o.file] = self.files.get(o.file, 0) + 1
        self.statuses[o.status] += 1
        self.re_review += o.re_review
        self.silenced += len(o.silenced)
        self.unchanged += len(o.unchanged)
        if o.status == "skipped":
            self.skipped_reasons[_reason_kind(o.reason)] += 1

    def worst(self) -> str:
        for s in ("match", "review"):
            if self.statuses[s]:
                return s
        return "clear"

    def line(self) -> str:
        c = self.statuses
        text = f"{self.rows} rows: {c['match']} match, {c['review']} review, {c['clear']} clear, {c['skipped']} skipped"
        extra = []
        if self.re_review:
            extra.append(f"{self.re_review} to re-review")
        if self.silenced:
            extra.append(f"{self.silenced} hit(s) silenced by decisions")
        if self.unchanged:
            extra.append(f"{self.unchanged} unchanged hit(s) left out")
        return text + (f" ({'; '.join(extra)})" if extra else "")

    def to_dict(self) -> dict[str, object]:
        return {
            "rows": self.rows, **{s: self.statuses[s] for s in STATUSES}, "re_review": self.re_review,
            "silenced_hits": self.silenced, "unchanged_hits": self.unchanged,
            "skipped_reasons": dict(sorted(self.skipped_reasons.items())), "files": dict(self.files),
        }


def _reason_kind(reason: str | None) -> str:
    """A short class of skip reason for the summary ("name longer than 1000 characters (5000)..." -> its start)."""
    text = reason or "empty name"
    return text.split(" (")[0].split(";")[0]


def fails(worst: str, fail_on: str) -> bool:
    """Whether a run whose worst row is ``worst`` fails at ``fail_on`` (match, review or never)."""
    if fail_on == "never" or worst == "clear":
        return False
    return fail_on == "review" or worst == "match"
