"""Making text from lists and inputs safe in each output: Markdown, spreadsheet cells,
XML, GitHub workflow commands. One place, so every renderer escapes the same way."""

from __future__ import annotations

import re
from typing import Any

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]#!|~])")  # [ and ] make links impossible, so ( ) need nothing
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# Characters XML 1.0 (and so XLSX) cannot hold: C0 controls other than tab, LF, CR; lone surrogates; U+FFFE/F.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def md(value: Any) -> str:
    """Escape text for Markdown (inline, one line)."""
    text = "" if value is None else str(value)
    text = " ".join(text.split())
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def neutralise(value: Any) -> Any:
    """A spreadsheet cell that cannot run as a formula: text starting with = + - @ (or a tab
    or carriage return) gets a leading apostrophe. Numbers and None pass through."""
    if isinstance(value, str) and value.startswith(FORMULA_START):
        return "'" + value
    return value


def xml_safe(text: str) -> str:
    """Text with the characters XML cannot hold replaced by U+FFFD."""
    return _XML_ILLEGAL.sub("\ufffd", text)


def gh_data(text: str) -> str:
    """The message of a GitHub workflow command: %, CR and LF escaped, so a name cannot
    start a command of its own."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def gh_property(text: str) -> str:
    """A property of a GitHub workflow command (file, title): also : and , escaped."""
    return gh_data(text).replace(":", "%3A").replace(",", "%2C")
