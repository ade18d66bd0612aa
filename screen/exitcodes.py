"""Exit codes of the ``hrdd`` command (documented in README.md) and the mapping from
error types to them."""

from __future__ import annotations

import enum

from .errors import HrddError, InputError, OutputError, UsageError


class ExitCode(enum.IntEnum):
    """What a finished ``hrdd`` run tells a CI gate."""

    OK = 0  # no flag at or above --fail-on; the command did what was asked
    FLAGGED = 1  # hits or red flags at or above --fail-on
    USAGE = 2  # the command was called wrongly
    BAD_INPUT = 3  # an input file is unreadable, malformed or hostile
    LIST_DATA = 4  # list data missing, stale or broken, or an update could not be published
    OUTPUT = 5  # the results could not be written (disk full, no permission); earlier outputs are kept


def exit_code_for(error: HrddError) -> ExitCode:
    """The exit code for an error raised by the library."""
    if isinstance(error, UsageError):
        return ExitCode.USAGE
    if isinstance(error, InputError):
        return ExitCode.BAD_INPUT
    if isinstance(error, OutputError):
        return ExitCode.OUTPUT
    # ListDataError and any other library error: the list data could not be used
    return ExitCode.LIST_DATA
