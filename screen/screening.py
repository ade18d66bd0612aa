"""Screening service: load the current list snapshots into a matcher, check one name or
screen one row of a file, and say which list versions were used.

The CLI and the library API (``screen.match``) both call this module. Reading input
files lives in ``screen.inputs``; matching in ``screen.match``; rendering in
``screen.report``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING, Any

from .births import query_years
from .countries import query_country
from .errors import ListDataError, UsageError
from .match import Hit, MatchConfig, Matcher, Query
from .settings import Settings
from .store.snapshots import ListStore

if TYPE_CHECKING:  # the register modules load only when the register is searched
    from .register.graph import Chain, Step
    from .register.model import Register
    from .store.index import CompiledIndex

REGISTER = "register"

STATUSES = ("match", "review", "clear", "skipped")

# The sources in report order. Kept here rather than imported from ``screen.sources``
# (which loads every parser) so that `hrdd check` starts fast; a test checks that the two
# agree.
SOURCE_ORDER = ("ofac_sdn", "ofac_cons", "us_csl", "uk", "eu", "un", "opensanctions")


def worst_level(hits: Sequence[Hit]) -> str:
    """"match" if any hit is a match, "review" if there are only review hits, else "clear"."""
    if any(h.level == "match" for h in hits):
        return "match"
    return "review" if hits else "clear"


@dataclass(frozen=True, slots=True)
class ListUsed:
    """One list version a result was computed against (for the audit trail)."""

    source: str
    version: str
    published: str | None
    fetched_at: str | None
    entities: int
    sha256: str

    def to_dict(self) -> dict[str, object]:
        return {
            "source": self.source, "version": self.version, "published": self.published,
            "fetched_at": self.fetched_at, "entities": self.entities, "sha256": self.sha256,
        }


def list_age(u: ListUsed, today: date) -> int | None:
    """Days since the publisher's date (else since the list was fetched), or None if unknown."""
    ref = u.published or (u.fetched_at or "")[:10]
    try:
        return (today - date.fromisoformat(ref[:10])).days
    except ValueError:
        return None


def stale_warnings(lists: Sequence[ListUsed], today: date, stale_days: int) -> list[str]:
    """A warning for each official list older than ``stale_days``, and for each dated after
    ``today`` (the clock of this machine, or --run-time, is wrong)."""
    out = []
    for u in lists:
        age = list_age(u, today) if u.source != REGISTER else None
        if age is not None and age < -1:
            ref = u.published or (u.fetched_at or "")[:10]
            out.append(f"{u.source} is dated {ref[:10]}, {-age} days after today ({today}); check the system "
                       "clock (or --run-time): ages, staleness and decision expiry depend on it.")
        elif age is not None and age > stale_days:
            ref = u.published or (u.fetched_at or "")[:10]
            out.append(f"{u.source} is {age} days old (version {u.version}, dated {ref[:10]}); older than "
                       f"{stale_days} days. Run `hrdd lists update` for current data.")
    return out


@dataclass(slots=True)
class Screener:
    """A matcher over the current snapshots (and the register), with the versions it was built from."""

    matcher: Matcher
    lists: list[ListUsed]
    register: Register | None = None
    link_depth: int = 3
    _edges: dict[str, list[Step]] | None = None

    def chains(self, hit: Hit) -> list[Chain]:
        """The chains of register links from a register hit to flagged bodies."""
        if self.register is None or hit.card.source != REGISTER:
            return []
        from .register.graph import chains, link_edges

        if self._edges is None:
            self._edges = link_edges(self.register)
        return chains(self.register, hit.card.record_id, self.link_depth, self._edges)


def load_screener(
    settings: Settings, sources: Sequence[str] | None = None, config: MatchConfig | None = None,
    use_register: bool = True,
) -> Screener:
    """Load the current snapshot of every imported list (or of ``sources``) and the
    register (shipped plus ``settings.register_dirs``; "register" may be named in
    ``sources`` to search it alone or with chosen lists).

    ``ListDataError`` when no list has been imported or a named source has no snapshot;
    ``RegisterError`` (a bad-input error) when a register folder has errors.
    """
    store = ListStore(settings.lists_dir)
    known = [*SOURCE_ORDER, REGISTER]
    if sources:
        for s in sources:
            if s not in known:
                raise UsageError(f"unknown source {s!r}; known sources: {', '.join(known)}")
        with_register = REGISTER in sources
        wanted = [s for s in sources if s != REGISTER]
    else:
        with_register = use_register
        wanted = [s for s in SOURCE_ORDER if store.current(s)]
        if not wanted:
            raise ListDataError(
                f"no lists imported in {settings.lists_dir}; run `hrdd lists update` or `hrdd lists import DIR`"
            )
    indexes = []
    used = []
    for source in wanted:
        if not store.current(source):
            raise ListDataError(f"no snapshot of {source!r}; run `hrdd lists update {source}` or `hrdd lists import`")
        m = store.manifest(source)
        indexes.append(store.index(source, m.version))
        used.append(ListUsed(source, m.version, m.published, m.fetched_at, m.entities, m.sha256))
    register = None
    if with_register:  # last, so that official lists come first in equal-score ties
        register, index = load_register_index(settings)
        indexes.append(index)
        used.append(ListUsed(REGISTER, register.version, register.version, None, len(register.bodies), register.sha256))
    return Screener(Matcher(indexes, config), used, register, settings.link_depth)


def load_register_index(settings: Settings) -> tuple[Register, CompiledIndex]:
    """The checked register (cached under the home folder) and its match index."""
    from .register.entities import to_entities
    from .register.load import cache_get, cache_put, load_register
    from .store.index import INDEX_VERSION, CompiledIndex, build_index

    register = load_register(settings.register_dirs, cache_dir=settings.cache_dir)
    key = f"{register.sha256}-{INDEX_VERSION}"
    index = cache_get(settings.cache_dir, "register-index", key)
    if not isinstance(index, CompiledIndex):
        index = build_index(REGISTER, to_entities(register))
        cache_put(settings.cache_dir, "register-index", key, index)
    return register, index


def hit_record(hit: Hit, register: Register | None, chains: dict[str, list[Chain]]) -> dict[str, object]:
    """A hit as JSON; register hits also carry the body's record and its link chains."""
    d = hit.to_dict()
    if hit.card.source != REGISTER or register is None:
        return d
    body = register.bodies.get(hit.card.record_id)
    if body is None:
        return d
    from .register.vocab import CONCERNS

    def urls(ids: tuple[str, ...]) -> list[str]:
        return [register.sources[i].url for i in ids if i in register.sources]

    d["register"] = {
        "id": body.id, "country": body.country, "sector": body.sector, "basis": body.basis,
        "flag": body.flag_summary(), "sources": urls(body.sources),
        "concerns": [{"category": c.category, "label": CONCERNS.get(c.category, c.category), "summary": c.summary,
                      "sources": urls(c.sources)} for c in body.concerns],
        "designations": [{"list": x.list, "label": x.label(), "program": x.program, "reference": x.reference, "date": x.date,
                          "sources": urls(x.sources)} for x in body.designations],
    }
    d["links"] = [c.to_dict(register) for c in chains.get(hit.card.id, [])]
    return d



@dataclass(slots=True)
class CheckReport:
    """Hits for one name and the list versions searched."""

    query: Query
    normalised: str
    notes: tuple[str, ...]
    hits: list[Hit]
    lists: list[ListUsed]
    threshold: int
    config: MatchConfig
    chains: dict[str, list[Chain]] = field(default_factory=dict)  # register hit id -> link chains
    register: Register | None = None


def check(screener: Screener, query: Query, threshold: int | None = None) -> CheckReport:
    """Every hit for one name."""
    if not query.name or not query.name.strip():
        raise UsageError("the name to check is empty")
    result = screener.matcher.match(query, threshold)
    if not result.form.tokens:
        raise UsageError(f"{query.name!r} has no letters or digits to match on")
    cfg = screener.matcher.config
    found = {h.card.id: screener.chains(h) for h in result.hits if h.card.source == REGISTER}
    return CheckReport(
        query, result.form.text, result.form.notes, result.hits, screener.lists,
        cfg.review if threshold is None else threshold, cfg, found, screener.register,
    )


@dataclass(frozen=True, slots=True)
class InputRow:
    """One row of an input file: its number as the user sees it, and what it says."""

    row: int
    name: str | None
    kind: str | None = None
    country: str | None = None
    ident: str | None = None
    problem: str | None = None  # why the row cannot be screened (empty name, unreadable cell)
    role: str | None = None  # the partner's role in a project, when the file says
    born: str | None = None  # a person's birth date or year, when the file says


@dataclass(slots=True)
class RowResult:
    """One row as the matcher saw it (a worker sends these back; ``screen.batch`` settles
    them with decisions and register link chains)."""

    row: int
    input: str | None
    status: str
    hits: list[Hit] = field(default_factory=list)
    reason: str | None = None
    ident: str | None = None
    country: str | None = None
    kind: str | None = None
    born: str | None = None


MatchCache = dict[tuple[str, str | None, str | None, str | None], list[Hit] | None]
CACHE_LIMIT = 50_000  # distinct names remembered per process before the cache is cleared


def _readable(value: str | None, read: Callable[[str], Any], what: str, notes: list[str]) -> Any:
    """``read(value)``, or None with a note when the value cannot be read ("country 'Chna'
    is not a country name or ISO code; screened without a country")."""
    if value is None:
        return None
    try:
        return read(value)
    except ValueError as exc:
        notes.append(f"{exc}; screened without {what}")
        return None


def screen_row(matcher: Matcher, r: InputRow, threshold: int | None = None,
               cache: MatchCache | None = None) -> RowResult:
    """One row's status and hits (register link chains are added by the caller, which
    holds the register). A row that cannot be screened keeps its place with the reason;
    a kind, country or birth date the matcher cannot read is left out, and the row says so."""

    def result(status: str, hits: list[Hit] | None = None, reason: str | None = None) -> RowResult:
        return RowResult(r.row, r.name, status, hits or [], reason=reason, ident=r.ident, country=r.country,
                         kind=r.kind, born=r.born)

    if r.problem is not None or not r.name or not r.name.strip():
        return result("skipped", reason=r.problem or "empty name")
    notes: list[str] = []
    kind = r.kind
    if kind is not None:
        from .match.engine import canonical_kind

        try:
            canonical_kind(kind)
        except UsageError:
            notes.append(f"kind {kind!r} not understood (person or organisation); screened as any kind")
            kind = None
    country = _readable(r.country, query_country, "a country", notes)
    born = r.born if _readable(r.born, query_years, "a birth date", notes) else None
    key = (r.name, kind, country, born)
    if cache is not None and key in cache:
        hits = cache[key]
    else:
        try:
            res = matcher.match(Query(r.name, kind, country, born), threshold)
        except UsageError as exc:
            return result("skipped", reason=str(exc))
        hits = res.hits if res.form.tokens else None
        if cache is not None:
            if len(cache) >= CACHE_LIMIT:
                cache.clear()
            cache[key] = hits
    if hits is None:
        return result("skipped", reason="no letters or digits to match on")
    return result(worst_level(hits), list(hits), "; ".join(notes) or None)
