"""hrdd: human-rights due-diligence screening against sanctions and export-control lists.

The package is named ``screen``; the console command is ``hrdd``.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # pragma: no cover
    from pathlib import Path

    from .match import Hit

_screeners: dict[Any, Any] = {}


def match(
    name: str,
    *,
    kind: str | None = None,
    country: str | None = None,
    born: str | None = None,
    threshold: int | None = None,
    sources: list[str] | None = None,
    home: "Path | str | None" = None,
) -> "list[Hit]":
    """Every listed entity behind ``name`` in the imported lists and the register, best first.

    ``kind`` is "person" or "organisation"; ``country`` an ISO code or a name (listed bodies
    of other countries score lower); ``born`` a person's birth year or date ("1965",
    "1965-04-29"; listed people born in another year score lower); ``threshold`` the lowest
    score returned (default: the review level). Lists come from ``home`` (default: ``$HRDD_HOME`` or the user data folder) and
    are loaded once per process. Each ``Hit`` has ``score``, ``level``, ``card`` (the
    listed entity), ``matched_name`` and ``explanation()``; ``Hit.to_dict()`` gives the
    JSON form used by the CLI.
    """
    from pathlib import Path

    from .match import Query
    from .screening import load_screener
    from .settings import load_settings

    key = (str(home) if home is not None else None, tuple(sources or ()))
    screener = _screeners.get(key)
    if screener is None:
        screener = _screeners[key] = load_screener(load_settings(Path(home) if home is not None else None), sources)
    return screener.matcher.match(Query(name, kind, country, born), threshold).hits
