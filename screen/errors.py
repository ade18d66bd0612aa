"""Error types. Each carries what a user needs to fix the problem and formats its own
one-line message; the CLI maps each family to an exit code (see ``exitcodes``)."""

from __future__ import annotations


class HrddError(Exception):
    """Base class of every error hrdd reports to a user."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message

    def __str__(self) -> str:
        return self.message


class UsageError(HrddError):
    """The command was called wrongly (unknown source, bad option value)."""


class InputError(HrddError):
    """A file given by the user cannot be read or is malformed."""

    def __init__(self, message: str, path: str | None = None, row: int | str | None = None) -> None:
        self.path = path
        self.row = row
        where = ""
        if path:
            where = f"{path}"
            if row is not None:
                where += f", {row if isinstance(row, str) else f'row {row}'}"
            where += ": "
        super().__init__(f"{where}{message}")
        self.reason = message


class OutputError(HrddError):
    """The results could not be written (disk full, no permission, a device error)."""


class SourceFormatError(InputError):
    """A publisher file is malformed, hostile, or not in the format it claims."""


class ListDataError(HrddError):
    """List data is missing, stale, broken, or an update could not be published."""


class DownloadError(ListDataError):
    """A download failed (network, HTTP status, size cap, truncated body)."""

    def __init__(self, message: str, url: str) -> None:
        self.url = url
        super().__init__(f"{url}: {message}")


class SnapshotError(ListDataError):
    """A snapshot is missing, corrupt, or could not be published."""


class LockError(ListDataError):
    """Another hrdd process holds the list store lock."""
