"""A query written in an abjad (Arabic, Persian, Hebrew script) read as the lists spell it
in Latin letters.

Each word of the query gets its *readings*: the listed Latin words with one of its
consonant keys whose long vowels agree (:mod:`screen.names.abjad`): محمد reads as
"mohammed", "muhammad", "mohamed"... A word may also be read together with the next one
("عبد الرحمن" as "abdurrahman"), or with the article of the next one ("عبد الکبیر" as
"abdul kabir"). The readings retrieve candidates; each candidate is then scored with the
query written as the candidate spells it, where a reading allows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ..names.abjad import (
    abjad_gloss, abjad_keys, abjad_tokens, has_article, is_abjad, latin_key, transliterated, vowels_agree,
    without_article,
)
from .lexicon import Lexicon


@dataclass(frozen=True, slots=True)
class AbjadReading:
    """The readings of an abjad-script query's words."""

    words: tuple[str, ...]  # each word transliterated letter by letter ("mhmd")
    single: tuple[frozenset[str], ...]  # listed spellings of each word
    joined: tuple[frozenset[str], ...]  # of each word written as one with the next
    units: tuple[tuple[str, ...], ...]
    parts: tuple[frozenset[str], ...]  # of the two names in a word that joins them (عبدالرحمان)
    english: tuple[tuple[str, ...] | None, ...]  # each word's English, if an institutional word

    def groups(self) -> list[frozenset[str]]:
        """The spellings of each word, of each two neighbouring words written as one, and
        of the names a word written joined holds."""
        return [*self.single, *(j for j in self.joined if j), *(p for p in self.parts if p)]


def _spellings(units: tuple[str, ...], lexicon: Lexicon) -> frozenset[str]:
    return frozenset(
        w for key in abjad_keys(units) for w in lexicon.spelled_as(key) if vowels_agree(units, w)
    )


# Words an Arabic compound name is built on: عبد ("Abd", "Abdul Rahman" / "Abdurrahman"),
# ابو ("Abu"), بن / ابن ("Bin", "Ibn"); as :func:`abjad_words` writes them (ع left out,
# alif as "A").
_COMPOUND_FIRST = frozenset({("b", "d"), ("A", "b", "w"), ("b", "n"), ("A", "b", "n")})


def _compound(a: tuple[str, ...], b: tuple[str, ...]) -> bool:
    """Whether two words may be one name written apart: after عبد, ابو, بن, or before a
    word with the article (نصر الله, "Nasrallah"; شمس الدين, "Shamsuddin")."""
    return a in _COMPOUND_FIRST or has_article(b)


def _joined(a: tuple[str, ...], b: tuple[str, ...], lexicon: Lexicon) -> frozenset[str]:
    """Listed spellings of two words written as one: with the second's article as "l" or
    assimilated ("Abdulrahman", "Abdurrahman": ال before r is spoken "r"). A spelling must
    begin with the consonants of the first word as it is read alone, so that the first word
    cannot vanish into the second (هيا الراشد is not "Rashid")."""
    if not has_article(b):
        found = _spellings(a + b, lexicon)
    else:
        rest = without_article(b)
        found = _spellings(a + ("l",) + rest, lexicon) | _spellings(a + rest, lexicon)
    heads = tuple(k for k in abjad_keys(a) if k)
    return frozenset(w for w in found if latin_key(w).startswith(heads)) if heads else frozenset()


def read_abjad(text: str, lexicon: Lexicon) -> AbjadReading | None:
    """The readings of ``text``, or None when it is not wholly in an abjad script."""
    if not is_abjad(text):
        return None
    tokens = abjad_tokens(text)
    words = tuple(units for _, units in tokens)
    if not words:
        return None
    english = tuple(abjad_gloss(word) for word, _ in tokens)
    single = []
    for i, units in enumerate(words):
        found = set(_spellings(units, lexicon)) | set(english[i] or ())
        nxt = words[i + 1] if i + 1 < len(words) else ()
        if nxt and has_article(nxt):  # the next word's article spelt with this one: "Abdul Kabir"
            found |= _spellings(units + ("l",), lexicon)
        single.append(frozenset(found))
    joined = tuple(_joined(a, b, lexicon) if _compound(a, b) else frozenset() for a, b in zip(words, words[1:]))
    parts: list[frozenset[str]] = []
    for units in words:
        # عبد with the article and a name written as one word ("عبدالرحمان"), which the
        # lists may write as two ("Abdul Rahman"): each part retrieves the listings
        if units[:2] == ("b", "d") and has_article(units[2:]) and len(units) > 5:
            parts += [_spellings(("b", "d", "l"), lexicon), _spellings(without_article(units[2:]), lexicon)]
    return AbjadReading(tuple(transliterated(u) for u in words), tuple(single), joined, words, tuple(parts), english)


def spelt_as_listed(reading: AbjadReading, listed: Sequence[str]) -> tuple[list[str], list[tuple[str, str]]]:
    """The query's words written as the listed name spells them where a reading allows,
    the others as transliterated, and the (transliterated, listed) pairs read.

    A word is read as one listed word, two words as one ("عبد الرحمن" / "abdurrahman"), or one
    word as two listed words ("بنحسين" / "ben hassine"). Each listed word is read as often
    as the listed name holds it ("Mostafa Kamel Mostafa")."""
    listed_set = set(listed)
    pairs = list(zip(listed, listed[1:]))
    out: list[str] = []
    read: list[tuple[str, str]] = []
    left = Counter(listed)
    i = 0
    n = len(reading.words)
    while i < n:
        if i + 1 < n:
            both = sorted(w for w in reading.joined[i] & listed_set if left[w])
            if both and not (reading.single[i] & listed_set and reading.single[i + 1] & listed_set):
                out.append(both[0])
                left[both[0]] -= 1
                read.append((reading.words[i] + " " + reading.words[i + 1], both[0]))
                i += 2
                continue
        one = [w for w in listed if w in reading.single[i] and left[w]]
        if one:
            out.append(one[0])
            left[one[0]] -= 1
            read.append((reading.words[i], one[0]))
        else:
            two = next(
                (p for p in pairs if latin_key(p[0] + p[1]) in abjad_keys(reading.units[i])
                 and vowels_agree(reading.units[i], p[0] + p[1]) and left[p[0]] and left[p[1]]),
                None,
            )
            if two:
                out.extend(two)
                left.subtract(two)
                read.append((reading.words[i], " ".join(two)))
            elif reading.english[i]:
                # an institutional word the listed name does not hold as a word: in English,
                # where it may be a legal form ("company") the listed name holds as one
                out.append(reading.english[i][0])
                read.append((reading.words[i], reading.english[i][0]))
            else:
                out.append(reading.words[i])
        i += 1
    return out, read
