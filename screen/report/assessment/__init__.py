"""Renderers of an assessment report, one module per format behind one interface:
``render(doc, options) -> str``, where ``doc`` is ``Assessment.doc`` (the JSON-shaped
content) and ``options`` the width and colour of a terminal. Renderers only format: every
name, finding and source shown comes from ``doc``, and each format escapes what it prints
(console markup, Markdown, HTML)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class RenderOptions:
    color: bool = False
    width: int = 100


Renderer = Callable[[dict[str, Any], RenderOptions], str]

FORMATS = ("terminal", "markdown", "html", "json")


def renderer(fmt: str) -> Renderer:
    """The renderer of a format (imported on demand)."""
    if fmt == "terminal":
        from .terminal import render
    elif fmt == "markdown":
        from .markdown import render
    elif fmt == "html":
        from .html import render
    elif fmt == "json":
        from .jsonfmt import render
    else:
        raise ValueError(f"unknown format {fmt!r}; formats: {', '.join(FORMATS)}")
    return render


def render(doc: dict[str, Any], fmt: str, options: RenderOptions | None = None) -> str:
    return renderer(fmt)(doc, options or RenderOptions())
