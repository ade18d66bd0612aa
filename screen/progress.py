"""A tiny progress protocol: library code reports progress through it, and only the CLI
attaches a real progress bar. The default does nothing."""

from __future__ import annotations

from typing import Protocol


class Progress(Protocol):
    """Observer of long-running work."""

    def start(self, label: str, total: int | None = None, unit: str = "bytes") -> None:
        """A new task begins; ``total`` in ``unit`` ("bytes", "rows", "files") if known."""

    def advance(self, amount: int = 1) -> None:
        """Some of the current task is done."""

    def finish(self) -> None:
        """The current task is over."""


class NullProgress:
    """Progress that reports nothing."""

    def start(self, label: str, total: int | None = None, unit: str = "bytes") -> None:  # noqa: D102
        pass

    def advance(self, amount: int = 1) -> None:  # noqa: D102
        pass

    def finish(self) -> None:  # noqa: D102
        pass
