"""The curated risk register: security and justice bodies linked to abuses, the links
between them, host-country indicators and assistance types (shipped in ``watchlists/``,
extended by users' own folders in the same format).

Names are exported lazily so that importing one submodule does not load the others.
"""

from __future__ import annotations

from typing import Any

_EXPORTS = {
    "Chain": "graph", "Step": "graph", "chains": "graph", "link_edges": "graph",
    "Problem": "load", "RegisterError": "load", "check_folders": "load", "load_register": "load",
    "shipped_folder": "load",
    "AssistanceType": "model", "Body": "model", "Country": "model", "Register": "model", "Source": "model",
}

__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name not in _EXPORTS:
        raise AttributeError(f"module 'screen.register' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(f".{_EXPORTS[name]}", __name__), name)
