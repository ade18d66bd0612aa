"""Name normalisation shared by the index builder and the query side.

The compiled index (``store.index``) and every query run through the same
:func:`normalize`, so the two cannot drift apart. Pure functions, no I/O.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from anyascii import anyascii

# Zero-width and bidi control characters, soft hyphen, BOM: invisible in print and
# used to split a name so that it slips past a matcher.
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F]
    + list(range(0x202A, 0x202F))
    + list(range(0x2060, 0x2070))
    + [0xFEFF]
)
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
_SPACES = re.compile(r"\s+")


def strip_invisible(text: str) -> str:
    """Remove zero-width, bidi-control and other invisible characters."""
    return text.translate(_INVISIBLE)


@lru_cache(maxsize=65536)
def detect_script(text: str) -> str:
    """The Unicode script of the first letter of ``text`` that is not Latin, else "Latin".

    Uses the first word of the character's Unicode name (CJK ideographs → "Han").
    """
    for ch in text:
        if not ch.isalpha():
            continue
        try:
            uname = unicodedata.name(ch)
        except ValueError:
            continue
        word = uname.split(" ", 1)[0]
        if word == "LATIN":
            continue
        if word == "CJK":
            return "Han"
        return word.capitalize()
    return "Latin"


def fold(text: str) -> str:
    """NFKC, invisible characters out, diacritics off, case folded; script kept."""
    text = unicodedata.normalize("NFKC", strip_invisible(text))
    decomposed = unicodedata.normalize("NFD", text)
    text = "".join(c for c in decomposed if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", text).casefold()


def normalize(text: str) -> str:
    """The comparable form of a name: folded, transliterated to ASCII, punctuation and
    the CSL's ``?`` placeholders turned into spaces, whitespace collapsed."""
    folded = fold(text)
    if not folded.isascii():
        folded = anyascii(folded).lower()
    return _SPACES.sub(" ", _NON_WORD.sub(" ", folded.replace("_", " "))).strip()


def tokens(text: str) -> list[str]:
    """The words of :func:`normalize`'s form."""
    norm = normalize(text)
    return norm.split() if norm else []
