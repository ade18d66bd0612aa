"""Names written in an abjad (Arabic, Persian, Urdu, Hebrew script) read against their
Latin spellings by their consonants.

An abjad writes consonants and long vowels, not short ones: محمد is m-ḥ-m-d, which the lists
spell "Mohammed", "Muhammad", "Mohamed". Transliterated letter by letter (anyascii) it is
"mhmd", which shares no word with any of them. So a name in such a script is compared by
its *consonant key*: the consonants in order, a doubled one once, with the vowels (alif,
and ي inside a word) left out and a final h (ة, ه) dropped; و inside a word may be a
consonant ("Marwan") or a vowel ("Mahmoud"), so it is read both ways. A Latin spelling gets
its key the same way ("mohammed" → "mhmd"), "w" and "v" kept as consonants and "y" kept
only as a first letter ("Yasir").

Some letters are spelt more than one way in Latin: ق is "q", "k" or "gh" ("Qasim",
"Ghassem"), ث "th", "t" or "s" ("Uthman", "Sanaullah"), ذ and ظ "dh", "z" or "d" ("Nadhir",
"Nazir"), ج "j" or "g" ("Gamal"), ه may be left out ("Khamenei" for خامنه‌ای) except as a
word's first letter ("Hadi"), ة may also be "t" ("Jabhat"), and a final ى (as a final
Persian ی) may be "a" or "i" ("Musa", "Ali"). So an
abjad word has a set of keys (:func:`abjad_keys`), and a leading ال (the article, "al-")
may be kept or left out.

A key is coarse: محمود read with و as a vowel has the key of "Mohammed". :func:`vowels_agree`
checks that each long vowel the abjad word writes is in the Latin spelling at that place,
and that a word ending in a long vowel is spelt ending in one. A Latin long vowel the abjad
word does not write is not checked ("Mahmoud" is a reading of محمد too).
"""

from __future__ import annotations

import re
from functools import lru_cache
from itertools import product

from anyascii import anyascii

from . import detect_script, strip_invisible
from .tables import ABJAD_GLOSSARY

ABJAD_SCRIPTS = frozenset({"Arabic", "Hebrew", "Syriac", "Thaana"})

# Latin spellings of one sound, read as one unit before the key is taken ("kh" is one
# consonant, "ou" one vowel).
_LATIN_UNITS = (
    ("dzh", "j"), ("kh", "x"), ("gh", "g"), ("sh", "S"), ("ch", "S"), ("zh", "j"), ("th", "t"), ("dh", "d"),
    ("ph", "f"), ("dj", "j"), ("ou", "u"), ("oo", "u"), ("ee", "i"),
)
# Letters read as one: q/c/k, v/w (Persian و is "v"), e/i, o/u.
_LATIN_CLASS = {"q": "k", "c": "k", "v": "w", "e": "i", "o": "u"}
# Vowels, left out of the key. "y" is one except as a word's first letter ("Yasir");
# "w" and "v" are consonants ("Marwan", "Alavi"), as و is where it is not a vowel.
_VOWELS = frozenset(("a", "i", "u", "y", "A"))
# The Latin units an abjad letter (as anyascii writes it) may be spelt with, when not only
# itself; "" when the Latin spelling may leave it out: و and ي inside a word are long
# vowels or consonants.
_ABJAD_SPELLINGS = {
    "kh": ("x", "k"), "gh": ("g", "k"), "sh": ("S",), "ch": ("S",), "zh": ("j",), "th": ("t", "s"),
    "dh": ("z", "d", "t"), "q": ("k", "g"), "j": ("j", "g"), "d": ("d", "z"), "h?": ("h", ""),
    "t?": ("h", "", "t"),
    "v": ("w",), "e": ("i",), "o": ("u",), "w": ("w", ""), "y": ("",), "y?": ("",),
}
_FIRST_SPELLINGS = {"w": ("w",), "y": ("Y",), "y?": ("Y",), "v": ("w",), "h?": ("h",)}  # a word's first letter: a consonant
_KEYS_MAX = 32  # keys of one word, however many of its letters have several spellings
_WORD = re.compile(r"\w+", re.UNICODE)


def is_abjad(text: str) -> bool:
    """Whether every letter of ``text`` is of an abjad script (and there is one)."""
    letters = [ch for ch in text if ch.isalpha()]
    return bool(letters) and all(detect_script(ch) in ABJAD_SCRIPTS for ch in letters)


# ه and ة, which Latin spellings write as "h" or leave out ("Khamenei" for خامنه‌ای,
# "Fatima" for فاطمة); ح, also "h" in anyascii, is always written.
_SOFT_H = frozenset("\u0647\u0629\u06c0\u06c1\u06d5")
_TAA_MARBUTA = "\u0629"  # ة, also spelt "t" where the word is read with the next ("Jabhat al-Nusra")
# Persian ی, which ends a word for "i" or for "a" (موسی, "Musa"), and ى, written for the
# same two in Arabic (موسى, "Musa"; in Egypt also على, "Ali"); Arabic ي ends one for "i".
_PERSIAN_YEH = frozenset("\u06cc\u0649")
# Alif in its forms (ا أ إ آ ٱ), a long "a" (or a vowel-bearing hamza); anyascii writes the
# bare one as nothing.
_ALIF = frozenset("\u0627\u0623\u0625\u0622\u0671")


def abjad_words(text: str) -> list[tuple[str, ...]]:
    """The words of an abjad-script name, each as its letters transliterated one by one
    ("محمد" → ("m", "h", "m", "d"); ه as "h?", an "h" a spelling may leave out; ة as "t?",
    also a "t", as before another word: جبهة النصرة, "Jabhat al-Nusra");
    marks that join letters (hamza, ain) and invisible joiners are left out."""
    return [units for _, units in abjad_tokens(text)]


def abjad_tokens(text: str) -> list[tuple[str, tuple[str, ...]]]:
    """Each word of an abjad-script name as written, with its letters as :func:`abjad_words`
    gives them."""
    words = []
    for word in _WORD.findall(strip_invisible(text)):
        units = tuple(
            u for u in (
                "t?" if ch == _TAA_MARBUTA else "h?" if ch in _SOFT_H else "y?" if ch in _PERSIAN_YEH else "A" if ch in _ALIF
                else "".join(c for c in anyascii(ch).lower() if c.isalpha())
                for ch in word
            ) if u
        )
        if units:
            words.append((word, units))
    return words


# Letters written two ways in Arabic and Persian, read as one when a word is looked up in
# the glossary (ي ى / ی, ك / ک, ة / ه, the hamza seats of alif, ؤ / و).
_GLOSS_FOLD = str.maketrans({"ي": "ی", "ى": "ی", "ك": "ک", "ة": "ه", "أ": "ا", "إ": "ا", "آ": "ا", "ؤ": "و"})


def abjad_gloss(word: str) -> tuple[str, ...] | None:
    """The English of an Arabic or Persian institutional word (``tables.ABJAD_GLOSSARY``:
    شركة "company", سازمان "organization", صنایع "industries"), with or without the article
    or the preposition joined to it (الشركة, للصرافة); None for any other word."""
    folded = word.translate(_GLOSS_FOLD)
    for head in ("", "ال", "لل", "و", "وال", "بال"):
        if folded.startswith(head) and len(folded) - len(head) >= 3:
            found = ABJAD_GLOSSARY.get(folded[len(head):])
            if found is not None:
                return found
    return None


def has_article(units: tuple[str, ...]) -> bool:
    """Whether the word begins with the article ال ("al-"), written with its alif or
    after a word it joins (بال)."""
    return (units[:2] == ("A", "l") and len(units) > 3) or (units[:1] == ("l",) and len(units) > 2)


def without_article(units: tuple[str, ...]) -> tuple[str, ...]:
    return units[2:] if units[:2] == ("A", "l") else units[1:]


def _collapse(units: list[str] | tuple[str, ...]) -> str:
    """The consonants of ``units``, a final "h" left out, a doubled consonant once
    ("mm" in "Mohammed", which Arabic writes once)."""
    if len(units) > 1 and units[-1] == "h":
        units = units[:-1]
    out: list[str] = []
    prev = ""
    for u in units:
        if not u:  # a letter the spelling leaves out (a long vowel, an "h"): what it parted stays apart
            prev = u
            continue
        if u in _VOWELS:
            prev = u
            continue
        if out and out[-1] == u and prev == u:
            continue
        out.append(u)
        prev = u
    return "".join(out)


def _latin_units(word: str) -> list[str]:
    for spelled, unit in _LATIN_UNITS:
        word = word.replace(spelled, unit)
    units = [_LATIN_CLASS.get(ch, ch) for ch in word]
    if units and units[0] == "y":
        units[0] = "Y"
    return units


@lru_cache(maxsize=65536)
def latin_key(word: str) -> str:
    """The consonant key of a Latin spelling ("mohammed" → "mhmd", "chaudhry" → "Sdr")."""
    return _collapse(_latin_units(word))


def _spellings(unit: str, first: bool) -> tuple[str, ...]:
    if first and unit in _FIRST_SPELLINGS:
        return _FIRST_SPELLINGS[unit]
    return _ABJAD_SPELLINGS.get(unit, (unit,))


@lru_cache(maxsize=65536)
def abjad_keys(units: tuple[str, ...]) -> frozenset[str]:
    """The consonant keys a word in an abjad may have in Latin spellings (see the module's
    docstring): one per way of spelling its ambiguous letters, with and without a leading
    article."""
    keys: set[str] = set()
    for combo in product(*(_spellings(u, i == 0) for i, u in enumerate(units))):
        keys.add(_collapse(combo))
        if combo[-1] == "h" and units[-1] in ("h?", "t?"):
            keys.add(_collapse((*combo, "a")))  # a final ه spelt with a vowel after it: طه, "Taha"
        if len(keys) >= _KEYS_MAX:
            break
    if has_article(units):  # ال, "al-"
        keys |= abjad_keys(without_article(units))
    keys.discard("")
    return frozenset(keys)


_VOWELISH = frozenset(("a", "i", "u", "w", "y", "Y", "y?", "A"))  # in the check of long vowels, w and y count as vowels


def _slots(units: list[str] | tuple[str, ...]) -> list[str]:
    """The vowel letters (w and y among them) between consonants: before the first,
    between each two the key keeps apart, after the last."""
    if len(units) > 1 and units[-1] in ("h", "h?", "t?"):
        units = units[:-1]
    slots = [""]
    prev = None
    for u in units:
        if u in _VOWELISH:
            slots[-1] += "Y" if u == "y?" else u.lower()
        elif u != prev or slots[-1]:
            slots.append("")
            prev = u
    return slots


def vowels_agree(units: tuple[str, ...], latin: str) -> bool:
    """Whether each long vowel (و, ي) the abjad word writes between two consonants is in
    the Latin spelling at that place ("محمود" / "Mahmoud", not "Mohammed"). Words whose
    consonants do not line up one to one are not checked, nor is a final Persian ی, which
    may be "a" (موسی, "Musa"). A Latin spelling ending in "i" or "y" needs a final ي, and
    a final ي or ا a final vowel."""
    if latin.endswith(("i", "y")) and units[-1] not in ("y", "y?"):
        return False  # a final "i" writes ي ("Ali", علي; not الله)
    if units[-1] in _VOWELISH and units[-1] != "w" and latin[-1] not in "aeiouy":
        return False  # a final long vowel is written ("Mohammadi", محمدی; not "Muhammad")
    spelt = _slots(_latin_units(latin))
    if has_article(units) and len(_slots(units)) != len(spelt):
        units = without_article(units)  # the article, left out of the Latin spelling
    abjad = _slots(units)
    if len(abjad) != len(spelt):
        return True
    for written, vowels in zip(abjad[1:], spelt[1:]):
        if "w" in written and not set(vowels) & {"u", "w"}:
            return False
        if "y" in written and not set(vowels) & {"i", "y"}:  # (a final Persian ی, "Y" here, may be "a")
            return False
        if "A" in written and not vowels:
            return False
    return True


def transliterated(units: tuple[str, ...]) -> str:
    """The word transliterated letter by letter, alif as "a" ("محمد" → "mhmd", "قاسم" → "qasm")."""
    return "".join(u.rstrip("?").lower() for u in units)
