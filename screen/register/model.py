"""The register's data model: bodies (organisations and people) with their concerns,
designations and links, each fact pointing at the sources that support it; country
indicators; assistance types. Plain frozen dataclasses; no I/O."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class Source:
    """A public document a fact rests on."""

    id: str
    url: str
    publisher: str
    title: str
    date: str  # ISO date (or year-month, or year) of publication
    note: str | None = None

    def cite(self) -> str:
        return f"{self.publisher}, \u201c{self.title}\u201d ({self.date}) {self.url}"


@dataclass(frozen=True, slots=True)
class Alias:
    name: str
    type: str = "aka"  # one of vocab.ALIAS_TYPES
    script: str | None = None
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Concern:
    category: str  # one of vocab.CONCERNS
    summary: str
    sources: tuple[str, ...]
    period: str | None = None


@dataclass(frozen=True, slots=True)
class Designation:
    list: str  # one of vocab.LISTS
    program: str | None
    reference: str | None
    date: str | None
    sources: tuple[str, ...]
    note: str | None = None

    @property
    def official(self) -> bool:
        from .vocab import OFFICIAL_LISTS

        return self.list in OFFICIAL_LISTS

    def label(self) -> str:
        """"US Entity List, 9 Oct 2019" / "OFAC SDN List (GLOMAG), 10 Dec 2021"."""
        from .vocab import SHORT_LISTS

        if self.list == "us_csl" and self.program == "Entity List":
            name = "US Entity List"
        else:
            name = SHORT_LISTS.get(self.list, self.list) + (f" ({self.program})" if self.program else "")
        return name + (f", {human_date(self.date)}" if self.date else "")


def human_date(iso: str) -> str:
    """"2019-10-09" -> "9 Oct 2019"; partial dates are returned as given."""
    import datetime as dt

    try:
        d = dt.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{d.day} {d.strftime('%b')} {d.year}"


@dataclass(frozen=True, slots=True)
class Link:
    type: str  # one of vocab.LINK_TYPES
    target: str  # id of another body
    summary: str
    sources: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Body:
    id: str
    name: str
    kind: str
    country: str  # ISO 3166-1 alpha-2
    sector: str
    basis: str  # why the body is in the register, in hrdd's words
    sources: tuple[str, ...]  # sources for the body's name and identity
    aliases: tuple[Alias, ...] = ()
    concerns: tuple[Concern, ...] = ()
    designations: tuple[Designation, ...] = ()
    links: tuple[Link, ...] = ()
    file: str = ""

    @property
    def flagged(self) -> bool:
        """On an official or other list, or with documented concerns."""
        return bool(self.designations or self.concerns)

    def flag_summary(self) -> str:
        """One line: what makes the body a concern
        ("US Entity List, 9 Oct 2019; documented: torture and ill-treatment")."""
        from .vocab import CONCERNS

        parts = [d.label() for d in self.designations]
        cats = list(dict.fromkeys(CONCERNS.get(c.category, c.category) for c in self.concerns))
        if cats:
            parts.append("documented: " + ", ".join(cats))
        return "; ".join(parts) or "no concern of its own recorded"


@dataclass(frozen=True, slots=True)
class Indicator:
    """One country indicator: a value, the year it describes and its sources."""

    value: object
    year: int | None
    sources: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    indicators: dict[str, Indicator] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class AssistanceType:
    id: str
    label: str
    description: str
    concerns: tuple[str, ...]  # abuse categories this assistance can contribute to
    higher_risk: bool
    rationale: str
    sources: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Register:
    """Everything loaded from one or more register folders."""

    bodies: dict[str, Body]
    sources: dict[str, Source]
    countries: dict[str, Country]
    assistance: dict[str, AssistanceType]
    folders: tuple[str, ...]
    version: str  # the shipped register's declared version, plus "+local" when user folders are added
    sha256: str  # digest of every file read

    def body(self, body_id: str) -> Body | None:
        return self.bodies.get(body_id)
