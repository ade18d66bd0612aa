"""JSON: the report's content as it is (``schema_version`` at the top level)."""

from __future__ import annotations

import json
from typing import Any

from . import RenderOptions


def render(doc: dict[str, Any], options: RenderOptions) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"
