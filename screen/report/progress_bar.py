"""A rich progress bar on stderr implementing ``screen.progress.Progress``; the CLI
attaches it only when stderr is a terminal, so pipes and CI logs stay clean."""

from __future__ import annotations

from rich.console import Console
from rich.progress import (
    BarColumn, DownloadColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn,
    TimeRemainingColumn,
)


class RichProgress:
    """Progress shown as a transient rich bar (a spinner when the total is unknown)."""

    def __init__(self, console: Console) -> None:
        self._console = console
        self._bar: Progress | None = None
        self._unit = ""
        self._task: int | None = None

    def _make(self, unit: str) -> Progress:
        count = DownloadColumn() if unit == "bytes" else MofNCompleteColumn()
        return Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), count,
                        TextColumn(unit if unit != "bytes" else ""), TimeElapsedColumn(), TimeRemainingColumn(),
                        console=self._console, transient=True)

    def start(self, label: str, total: int | None = None, unit: str = "bytes") -> None:  # noqa: D102
        if self._bar is not None and unit != self._unit:
            self.finish()
        if self._bar is None:
            self._bar, self._unit = self._make(unit), unit
            self._bar.start()
        elif self._task is not None:
            self._bar.remove_task(self._task)  # type: ignore[arg-type]
        self._task = self._bar.add_task(label, total=total)  # type: ignore[assignment]

    def advance(self, amount: int = 1) -> None:  # noqa: D102 - see Progress.advance
        if self._bar is not None and self._task is not None:
            self._bar.advance(self._task, amount)  # type: ignore[arg-type]

    def finish(self) -> None:  # noqa: D102 - see Progress.finish
        if self._bar is not None:
            if self._task is not None:
                self._bar.remove_task(self._task)  # type: ignore[arg-type]
            self._task = None
            self._bar.stop()
            self._bar = None
