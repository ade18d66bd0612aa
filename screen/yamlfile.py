"""Reading the YAML files users give hrdd (project files, decisions, register folders):
the safe loader, with aliases refused, because a few lines of nested aliases (a "billion
laughs" file) expand into more nodes than any machine can walk, and no hrdd file needs
them; dates become ISO strings so that the data is JSON-shaped."""

from __future__ import annotations

import datetime as _dt
from typing import Any

import yaml


class _NoAliasLoader(yaml.SafeLoader):
    """The safe loader, refusing aliases (``*name``) where they appear."""

    def compose_node(self, parent: Any, index: Any) -> Any:  # noqa: D102
        if self.check_event(yaml.AliasEvent):
            event = self.peek_event()
            raise yaml.composer.ComposerError(
                None, None, "aliases (*name) are not allowed in hrdd files", event.start_mark)
        return super().compose_node(parent, index)


def _timestamp(loader: yaml.SafeLoader, node: yaml.ScalarNode) -> Any:
    """A YAML date, or a YAML error at its line when it is none ("2026-01-00")."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"{node.value!r} is not a valid date ({exc})", node.start_mark) from None


_NoAliasLoader.add_constructor("tag:yaml.org,2002:timestamp", _timestamp)


def load_yaml(text: str) -> Any:
    """Parse YAML text safely (``yaml.YAMLError`` with a mark for bad input)."""
    return yaml_plain(yaml.load(text, Loader=_NoAliasLoader))  # noqa: S506 - a safe loader


def error_place(exc: yaml.YAMLError) -> tuple[str | None, str]:
    """Where a YAML error is ("line N", or None) and what it says, for a user's message."""
    mark = getattr(exc, "problem_mark", None)
    return (f"line {mark.line + 1}" if mark is not None else None), str(getattr(exc, "problem", None) or exc)


def yaml_plain(value: Any) -> Any:
    """YAML dates become ISO strings so that the data is JSON-shaped."""
    if isinstance(value, dict):
        return {str(k): yaml_plain(v) for k, v in value.items()}
    if isinstance(value, list):
        return [yaml_plain(v) for v in value]
    if isinstance(value, (_dt.date, _dt.datetime)):
        return value.isoformat()
    return value
