"""Publisher files → entities: the registry of sources and formats, detection of a
file's publisher and format from its content, and grouping of files into sets.

A *source* is a list (``ofac_sdn``, ``uk``, ...); a *format* is one publisher file
layout, parsed by one module. Several formats can feed one source (the UK list as the
retired OFSI ConList or the FCDO UK Sanctions List; OFAC as CSV sets or Enhanced XML).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from ..errors import SourceFormatError, UsageError
from ._readers import sniff
from .base import Detection, FileSet, Format, ParseIssue, ParseResult
from .eu_fsf import EuFsfFormat
from .ofac_csv import OfacCsvFormat
from .ofac_xml import OfacXmlFormat
from .opensanctions import LICENCE_NOTE, OpenSanctionsFormat
from .uk_fcdo import UkFcdoFormat
from .uk_ofsi import UkOfsiFormat
from .un_sc import UnScFormat
from .us_csl import UsCslFormat

__all__ = [
    "FORMATS",
    "SOURCES",
    "Detection",
    "FileSet",
    "Format",
    "ParseIssue",
    "ParseResult",
    "SourceInfo",
    "Unrecognised",
    "detect",
    "get_source",
    "group",
]

OFAC_EXPORTS = "https://sanctionslistservice.ofac.treas.gov/api/PublicationPreview/exports/"


@dataclass(frozen=True, slots=True)
class SourceInfo:
    """A list hrdd can screen against, and where its publisher puts it."""

    name: str
    title: str
    publisher: str
    page: str
    downloads: tuple[tuple[str, str], ...]  # (role, official URL) fetched by `lists update`
    download_format: str
    asset_freeze: bool  # a match means dealings may be prohibited outright
    optional: bool = False  # not fetched by a plain `lists update`
    licence: str = ""


SOURCES: dict[str, SourceInfo] = {
    s.name: s
    for s in (
        SourceInfo(
            "ofac_sdn",
            "OFAC Specially Designated Nationals (SDN) List",
            "US Treasury, Office of Foreign Assets Control",
            "https://ofac.treasury.gov/sanctions-list-service",
            (
                ("primary", OFAC_EXPORTS + "SDN.CSV"),
                ("alt", OFAC_EXPORTS + "ALT.CSV"),
                ("add", OFAC_EXPORTS + "ADD.CSV"),
                ("comments", OFAC_EXPORTS + "SDN_COMMENTS.CSV"),
            ),
            "ofac_csv",
            asset_freeze=True,
            licence="US public domain",
        ),
        SourceInfo(
            "ofac_cons",
            "OFAC Consolidated (non-SDN) Sanctions List",
            "US Treasury, Office of Foreign Assets Control",
            "https://ofac.treasury.gov/consolidated-sanctions-list-non-sdn-lists",
            (
                ("primary", OFAC_EXPORTS + "CONS_PRIM.CSV"),
                ("alt", OFAC_EXPORTS + "CONS_ALT.CSV"),
                ("add", OFAC_EXPORTS + "CONS_ADD.CSV"),
                ("comments", OFAC_EXPORTS + "CONS_COMMENTS.CSV"),
            ),
            "ofac_csv",
            asset_freeze=False,
            licence="US public domain",
        ),
        SourceInfo(
            "us_csl",
            "US Consolidated Screening List (incl. the Commerce Entity List)",
            "US International Trade Administration (Commerce, State, Treasury lists)",
            "https://www.trade.gov/consolidated-screening-list",
            (("main", "https://data.trade.gov/downloadable_consolidated_screening_list/v1/consolidated.csv"),),
            "us_csl",
            asset_freeze=False,
            licence="US public domain",
        ),
        SourceInfo(
            "uk",
            "UK Sanctions List",
            "UK Foreign, Commonwealth & Development Office (formerly also HM Treasury OFSI)",
            "https://www.gov.uk/government/publications/the-uk-sanctions-list",
            (("main", "https://sanctionslist.fcdo.gov.uk/docs/UK-Sanctions-List.csv"),),
            "uk_fcdo",
            asset_freeze=True,
            licence="Open Government Licence v3.0",
        ),
        SourceInfo(
            "eu",
            "EU Consolidated Financial Sanctions List",
            "European Commission (DG FISMA)",
            "https://data.europa.eu/data/datasets/consolidated-list-of-persons-groups-and-entities-subject-to-eu-financial-sanctions",
            (
                (
                    "main",
                    "https://webgate.ec.europa.eu/fsd/fsf/public/files/xmlFullSanctionsList_1_1/content?token=dG9rZW4tMjAxNw",
                ),
            ),
            "eu_fsf",
            asset_freeze=True,
            licence="EU reuse policy (Commission Decision 2011/833/EU)",
        ),
        SourceInfo(
            "un",
            "UN Security Council Consolidated List",
            "United Nations Security Council",
            "https://main.un.org/securitycouncil/en/content/un-sc-consolidated-list",
            (("main", "https://scsanctions.un.org/resources/xml/en/consolidated.xml"),),
            "un_sc",
            asset_freeze=True,
            licence="UN public information",
        ),
        SourceInfo(
            "opensanctions",
            "OpenSanctions consolidated sanctions (optional)",
            "OpenSanctions",
            "https://www.opensanctions.org/datasets/sanctions/",
            (("main", "https://data.opensanctions.org/datasets/latest/sanctions/targets.simple.csv"),),
            "opensanctions",
            asset_freeze=False,
            optional=True,
            licence=LICENCE_NOTE,
        ),
    )
}

# Order matters only for tie-breaking in detection; each detector is content-based.
FORMATS: dict[str, Format] = {
    f.NAME: f
    for f in (
        OfacCsvFormat(),
        OfacXmlFormat(),
        UsCslFormat(),
        UkOfsiFormat(),
        UkFcdoFormat(),
        EuFsfFormat(),
        UnScFormat(),
        OpenSanctionsFormat(),
    )
}
# Where one import holds complete sets of one source in several formats with nothing
# else to tell them apart, the format listed first here wins.
FORMAT_PREFERENCE = ("ofac_csv", "ofac_xml", "uk_fcdo", "uk_ofsi", "us_csl", "eu_fsf", "un_sc", "opensanctions")


def get_source(name: str) -> SourceInfo:
    """The source with this name, or a usage error listing the known ones."""
    try:
        return SOURCES[name]
    except KeyError:
        raise UsageError(f"unknown source {name!r}; known sources: {', '.join(SOURCES)}") from None


@dataclass(frozen=True, slots=True)
class Unrecognised:
    """A file that is not (or not a complete part of) any supported list, and why."""

    path: Path
    reason: str


def detect(path: Path) -> Detection | None:
    """Recognise a file's publisher and format from its content (never its name)."""
    s = sniff(path)
    for fmt in FORMATS.values():
        found = fmt.detect(s)
        if found is not None:
            return found
    return None


def group(
    detected: list[tuple[Path, Detection]], source_override: str | None = None
) -> tuple[list[FileSet], list[Unrecognised]]:
    """Group detected files into complete file sets.

    Single-file formats give one set per file. OFAC CSV parts are grouped by folder:
    the alias, address and comment files join the one primary file beside them.
    """
    sets: list[FileSet] = []
    problems: list[Unrecognised] = []
    by_folder: dict[Path, list[tuple[Path, Detection]]] = defaultdict(list)
    for path, det in detected:
        fmt = FORMATS[det.format]
        if fmt.ROLES == ("main",):
            sets.append(FileSet(source_override or det.source or "", det.format, (("main", path),)))
        else:
            by_folder[path.parent].append((path, det))
    for folder, parts in sorted(by_folder.items()):
        primaries = [(p, d) for p, d in parts if d.role == "primary"]
        others = [(p, d) for p, d in parts if d.role != "primary"]
        if len(primaries) != 1:
            why = (
                "OFAC alias/address/comment files without the primary file (SDN.CSV or CONS_PRIM.CSV) "
                "in the same folder"
                if not primaries
                else f"{len(primaries)} OFAC primary files in one folder; put each set in a folder of its own"
            )
            problems += [Unrecognised(p, why) for p, _ in parts]
            continue
        ppath, pdet = primaries[0]
        roles: dict[str, Path] = {"primary": ppath}
        for p, d in others:
            if d.role in roles:
                problems.append(Unrecognised(p, f"a second OFAC {d.role} file in {folder}; only one is used"))
                continue
            roles[d.role] = p
        files = tuple((r, roles[r]) for r in FORMATS[pdet.format].ROLES if r in roles)
        sets.append(FileSet(source_override or pdet.source or "", pdet.format, files))
    return sets, problems


def parse(fileset: FileSet) -> ParseResult:
    """Parse a file set with its format's parser."""
    if fileset.source not in SOURCES:
        raise SourceFormatError(f"unknown source {fileset.source!r}", str(fileset.paths[0]))
    return FORMATS[fileset.format].parse(fileset)
