"""The contract every publisher-format parser meets, and the results it returns.

A *format* (``OfacCsvFormat``, ``UnXmlFormat``, ...) knows how to recognise its files
from their content (:meth:`Format.detect`) and how to parse a complete file set into
entities (:meth:`Format.parse`). Parsing is pure apart from reading the given files.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import ClassVar

from ..model import Entity


@dataclass(frozen=True, slots=True)
class ParseIssue:
    """A problem found in a file that did not stop the parse (a warning)."""

    path: str
    row: str | None
    message: str

    def __str__(self) -> str:
        where = f"{self.path}, {self.row}" if self.row else self.path
        return f"{where}: {self.message}"


@dataclass(slots=True)
class ParseResult:
    """Everything a parser got out of one file set."""

    format: str
    entities: list[Entity]
    records: int  # publisher records read (rows or elements), before grouping
    published: str | None = None  # the publisher's own date for the list, ISO
    sequence: int | None = None  # a number that grows with each edition (OFAC: highest entity number)
    warnings: list[ParseIssue] = field(default_factory=list)
    unused: Counter[str] = field(default_factory=Counter)  # publisher fields kept in Entity.other
    notes: list[str] = field(default_factory=list)  # things the user should know (licence, ...)

    @property
    def names(self) -> int:
        """Number of names across all entities."""
        return sum(len(e.names) for e in self.entities)


@dataclass(frozen=True, slots=True)
class Sniff:
    """What is known about a file before parsing it: its first bytes, and for a zip
    its member names and the first bytes of its first member."""

    path: Path
    head: bytes
    zip_members: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        """The head decoded leniently for detection (never used for parsing)."""
        head = self.head
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            return head.decode("utf-16", errors="replace")
        return head.decode("utf-8-sig", errors="replace")


@dataclass(frozen=True, slots=True)
class Detection:
    """A file recognised as part of a publisher format.

    ``source`` is None where the content alone cannot say which list it is (an OFAC alias
    file belongs to whichever primary file sits beside it). ``role`` names the file's
    part in a multi-file set (OFAC: primary, alt, add, comments); single-file formats use
    "main".
    """

    format: str
    source: str | None
    role: str = "main"
    label: str = ""


@dataclass(frozen=True, slots=True)
class FileSet:
    """The files that together make one edition of one list."""

    source: str
    format: str
    files: tuple[tuple[str, Path], ...]  # (role, path)

    def get(self, role: str) -> Path | None:
        """The file with this role, if present."""
        for r, p in self.files:
            if r == role:
                return p
        return None

    @property
    def paths(self) -> list[Path]:
        """All files of the set."""
        return [p for _, p in self.files]


class Format:
    """Base class of a publisher format parser."""

    NAME: ClassVar[str]
    TITLE: ClassVar[str]
    ROLES: ClassVar[tuple[str, ...]] = ("main",)
    REQUIRED: ClassVar[tuple[str, ...]] = ("main",)

    def detect(self, sniff: Sniff) -> Detection | None:
        """Recognise a file of this format from its content, or return None."""
        raise NotImplementedError

    def parse(self, fileset: FileSet) -> ParseResult:
        """Parse a complete file set; raise ``SourceFormatError`` naming file and row."""
        raise NotImplementedError


class Leftovers:
    """Collects publisher fields a parser did not map, for ``Entity.other`` and the
    parse report, so that no field is silently dropped."""

    def __init__(self) -> None:
        self.counts: Counter[str] = Counter()

    def take(self, record: dict[str, str], used: set[str] | frozenset[str]) -> tuple[tuple[str, str], ...]:
        """The non-empty fields of ``record`` not in ``used``, counted."""
        out = []
        for key, value in record.items():
            if key in used or value is None:
                continue
            value = str(value).strip()
            if value:
                out.append((key, value))
                self.counts[key] += 1
        return tuple(out)
