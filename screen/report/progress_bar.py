"""A rich progress bar on stderr implementing ``screen.progress.Progress``; the CLI
attaches it only when stderr is a terminal, so pipes and CI logs stay clean."""

from __future__ import annotations

from rich.console import Console
from rich.progress import BarColumn, DownloadColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn


class RichProgress:
    """Progress shown as a transient rich bar (a spinner when the total is unknown)."""

    def __init__(self, console: Console) -> None:
        self._bar = Progress(
            SpinnerColumn(),
            TextColumn("{task.description}"),
            BarColumn(),
            DownloadColumn(),
            TimeElapsedColumn(),
            console=console,
            transient=True,
        )
        self._task: int | None = None

    def start(self, label: str, total: int | None = None) -> None:  # noqa: D102 - see Progress.start
        if self._task is None:
            self._bar.start()
        else:
            self._bar.remove_task(self._task)  # type: ignore[arg-type]
        self._task = self._bar.add_task(label, total=total)  # type: ignore[assignment]

    def advance(self, amount: int = 1) -> None:  # noqa: D102 - see Progress.advance
        if self._task is not None:
            self._bar.advance(self._task, amount)  # type: ignore[arg-type]

    def finish(self) -> None:  # noqa: D102 - see Progress.finish
        if self._task is not None:
            self._bar.remove_task(self._task)  # type: ignore[arg-type]
            self._task = None
            self._bar.stop()
