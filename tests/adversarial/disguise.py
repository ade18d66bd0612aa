"""Ways to write a listed name so that it slips past a naive matcher. Each technique is a
deterministic function of the name (a seeded generator where it picks positions), used by
`test_evasion.py` on fixture lists and by `benchmarks/evasion.py` on the real lists."""

from __future__ import annotations

import random
import re
from collections.abc import Callable

HOMOGLYPHS = {"a": "а", "c": "с", "e": "е", "i": "і", "o": "о", "p": "р", "x": "х", "y": "у", "A": "А", "B": "В",
              "C": "С", "E": "Е", "H": "Н", "I": "І", "K": "К", "M": "М", "O": "О", "P": "Р", "T": "Т", "X": "Х"}
ZERO_WIDTH = ["\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"]
BIDI = ["\u202e", "\u202d", "\u2066", "\u2067", "\u2068", "\u2069", "\u200f"]
DIACRITICS = {"a": "á", "e": "é", "i": "í", "o": "ö", "u": "ü", "n": "ñ", "c": "ç", "s": "ş"}


def _rng(name: str) -> random.Random:
    return random.Random(sum(map(ord, name)))


def homoglyphs(name: str) -> str:
    """Every Latin letter that has a Cyrillic look-alike swapped for it."""
    return "".join(HOMOGLYPHS.get(ch, ch) for ch in name)


def zero_width(name: str) -> str:
    """A zero-width character after every second letter."""
    r = _rng(name)
    return "".join(ch + (r.choice(ZERO_WIDTH) if i % 2 else "") for i, ch in enumerate(name))


def bidi(name: str) -> str:
    """Bidirectional controls around and inside words."""
    r = _rng(name)
    words = name.split(" ")
    return " ".join(r.choice(BIDI) + w[: len(w) // 2] + r.choice(BIDI) + w[len(w) // 2:] for w in words)


def full_width(name: str) -> str:
    """Full-width forms of ASCII letters, digits and punctuation."""
    return "".join(chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ("\u3000" if ch == " " else ch) for ch in name)


def spaced_letters(name: str) -> str:
    """The letters of the longest word spaced out (H I K V I S I O N)."""
    words = name.split()
    longest = max(range(len(words)), key=lambda i: len(words[i])) if words else 0
    if words:
        words[longest] = " ".join(words[longest])
    return " ".join(words)


def doubled_punctuation(name: str) -> str:
    """Punctuation doubled and added between words (Xinjiang -- Police,, College..)."""
    out = re.sub(r"([,.\-'])", r"\1\1", name)
    return re.sub(r" ", " -- ", out, count=1) + ".."


def case_mix(name: str) -> str:
    """aLtErNaTiNg case."""
    return "".join(ch.upper() if i % 2 else ch.lower() for i, ch in enumerate(name))


def diacritics(name: str) -> str:
    """Accents added to plain letters (Xínjíáng Pölícé)."""
    return "".join(DIACRITICS.get(ch, ch) for ch in name)


def combining_marks(name: str) -> str:
    """A combining accent after every third letter."""
    return "".join(ch + ("\u0301" if i % 3 == 2 and ch.isalpha() else "") for i, ch in enumerate(name))


def transliteration(name: str) -> str:
    """Common romanisation variants: ou/u, y/i, ph/f, kh/h, dj/j, doubled letters single."""
    out = name
    for a, b in (("ou", "u"), ("Ou", "U"), ("ph", "f"), ("Ph", "F"), ("kh", "h"), ("Kh", "H"), ("dj", "j"),
                 ("Dj", "J"), ("y", "i"), ("Y", "I")):
        out = out.replace(a, b)
    return re.sub(r"([a-z])\1", r"\1", out)


def reordered(name: str) -> str:
    """Words in reverse order, with a comma (CHEN, Quanguo / Quanguo Chen)."""
    words = name.replace(",", " ").split()
    return ", ".join([words[-1], " ".join(words[:-1])]) if len(words) > 1 else name


def one_typo(name: str) -> str:
    """Two neighbouring letters swapped in the longest word."""
    words = name.split()
    if not words:
        return name
    i = max(range(len(words)), key=lambda k: len(words[k]))
    w = words[i]
    if len(w) > 3:
        j = len(w) // 2
        words[i] = w[:j - 1] + w[j] + w[j - 1] + w[j + 1:]
    return " ".join(words)


TECHNIQUES: dict[str, Callable[[str], str]] = {
    "look-alike letters from other scripts": homoglyphs,
    "zero-width characters": zero_width,
    "bidi controls": bidi,
    "full-width letters": full_width,
    "spaced-out letters": spaced_letters,
    "doubled punctuation": doubled_punctuation,
    "mixed case": case_mix,
    "added diacritics": diacritics,
    "combining marks": combining_marks,
    "transliteration variants": transliteration,
    "words reordered": reordered,
    "one typo (letters swapped)": one_typo,
}
