"""Link chains drawn as an inline SVG diagram: one row per chain, a box per body, an
arrow per link with its relation, the flagged body at the end marked. Generated from
the chain data alone; every text is XML-escaped."""

from __future__ import annotations

import textwrap
from html import escape
from typing import Any

BOX_W, BOX_H, GAP, ROW_H, PAD = 190, 62, 120, 96, 12
LINE_CHARS, MAX_LINES = 27, 3


def _lines(text: str, chars: int = LINE_CHARS, most: int = MAX_LINES) -> list[str]:
    lines = textwrap.wrap(text, chars) or [""]
    if len(lines) > most:
        lines = lines[:most]
        lines[-1] = lines[-1][: chars - 1] + "\u2026"
    return lines


def _box(x: int, y: int, text: str, kind: str) -> str:
    lines = _lines(text)
    out = [f'<rect class="node {kind}" x="{x}" y="{y}" width="{BOX_W}" height="{BOX_H}" rx="6"/>']
    first = y + BOX_H / 2 - (len(lines) - 1) * 7.5 + 4
    for i, line in enumerate(lines):
        out.append(f'<text x="{x + BOX_W / 2:g}" y="{first + i * 15:g}" text-anchor="middle">{escape(line)}</text>')
    return "".join(out)


def chains_svg(title: str, chains: list[dict[str, Any]]) -> str:
    """An SVG of ``chains`` (``Chain.to_dict`` form), titled ``title``."""
    if not chains:
        return ""
    cols = max(len(c["steps"]) for c in chains) + 1
    width = PAD * 2 + cols * BOX_W + (cols - 1) * GAP
    height = PAD * 2 + len(chains) * ROW_H
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chains" role="img" width="{width}" height="{height}" '
        f'viewBox="0 0 {width} {height}"><title>{escape(title)}</title>',
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto-start-reverse"><path d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>',
    ]
    for r, chain in enumerate(chains):
        y = PAD + r * ROW_H
        steps = chain["steps"]
        names = [steps[0]["from_name"]] + [s["to_name"] for s in steps]
        for i, name in enumerate(names):
            x = PAD + i * (BOX_W + GAP)
            kind = "start" if i == 0 else ("flagged" if i == len(names) - 1 else "middle")
            parts.append(_box(x, y, name, kind))
            if i < len(steps):
                x1, x2, ym = x + BOX_W, x + BOX_W + GAP, y + BOX_H / 2
                parts.append(f'<line class="link" x1="{x1}" y1="{ym:g}" x2="{x2 - 2}" y2="{ym:g}" marker-end="url(#arrow)"/>')
                for j, line in enumerate(_lines(steps[i]["relation"], 18, 2)):
                    parts.append(f'<text class="rel" x="{x1 + GAP / 2:g}" y="{ym - 8 - (1 - j) * 12:g}" '
                                 f'text-anchor="middle">{escape(line)}</text>')
        flag = _lines(chain["end"]["flag"], 60, 1)[0]
        xe = PAD + (len(names) - 1) * (BOX_W + GAP)
        parts.append(f'<text class="flag" x="{xe + BOX_W:g}" y="{y + BOX_H + 14}" text-anchor="end">{escape(flag)}</text>')
    parts.append("</svg>")
    return "".join(parts)
