"""Word statistics over every loaded list: how common a word is, and which listed
words are a typo away from a query word.

Common words ("company", "bureau", "ali") say little about identity and weigh less than
rare ones ("hikvision", "quanguo"). The weight of a word falls with the number of list
names that contain it (its document frequency): 1.0 up to 20 names, then a quarter less
for every tenfold more, never below 0.1. A word naming a country or province weighs at
most 0.6.
"""

from __future__ import annotations

import math
from collections import defaultdict
from collections.abc import Callable, Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA

from ..names.abjad import latin_key
from ..store.index import CompiledIndex

RARE_DF = 20
MIN_WEIGHT = 0.1
PLACE_WEIGHT = 0.6  # a country or province in a name locates a body, it does not identify it


PINYIN_SYLLABLE_MAX = 6  # letters of the longest pinyin syllable ("zhuang", "shuang")
LISTED_PART_MIN = 4  # letters of the shortest listed word a pinyin run is cut into


def pinyin_bounds(word: str, syllable: Callable[[str], bool]) -> list[int] | None:
    """The places where a syllable may end in a word written wholly in pinyin syllables
    ("huaxia": [0, 3, 6], hua|xia), or None when the word is not written so."""
    ok = [True] + [False] * len(word)
    for end in range(1, len(word) + 1):
        ok[end] = any(ok[start] and syllable(word[start:end]) for start in range(max(0, end - PINYIN_SYLLABLE_MAX), end))
    return [i for i, v in enumerate(ok) if v] if ok[-1] else None


def edit_budget(length: int) -> int:
    """How many edits (insert, delete, substitute, swap) a word of this length may carry
    and still count as the same word: none up to 2 letters, 1 up to 5, 2 up to 9, then 3.
    (One edit in a three-letter word leaves a similarity of only 0.67.)"""
    if length <= 2:
        return 0
    if length <= 5:
        return 1
    if length <= 9:
        return 2
    return 3


class Lexicon:
    """Document frequencies of words over a set of compiled indexes."""

    def __init__(self, indexes: Iterable[CompiledIndex]) -> None:
        indexes = list(indexes)
        self._tables = [idx.postings for idx in indexes]
        # Every index carries the same place table (it comes from ISO 3166, not from the
        # list); distinct ones are kept only when indexes were built with other data.
        self._place_tables: list[dict[str, str]] = []
        for idx in indexes:
            if idx.places and not any(idx.places == t for t in self._place_tables):
                self._place_tables.append(idx.places)
        self._place_codes: dict[str, frozenset[str]] = {}
        self.country_words: frozenset[str] = frozenset().union(*(idx.country_words for idx in indexes))
        self._common_sets = [idx.common for idx in indexes]
        self._frequent_text = next((idx.frequent for idx in indexes if idx.frequent), "")
        self._frequent: frozenset[str] | None = None
        self._syllables = next((idx.syllables for idx in indexes if idx.syllables), frozenset())
        self._df: dict[str, int] = {}
        self._buckets: dict[tuple[int, str, str], list[str]] | None = None
        self._weights: dict[str, float] = {}
        self._similar: dict[str, list[tuple[str, int]]] = {}
        self._by_key: dict[str, tuple[str, ...]] | None = None

    def df(self, token: str) -> int:
        """In how many list names the word occurs (over all loaded lists)."""
        n = self._df.get(token)
        if n is None:
            n = self._df[token] = sum(len(t.get(token, b"")) for t in self._tables) // 4
        return n

    def countries_of(self, token: str) -> frozenset[str]:
        """The countries (alpha-2) a word may name ("russian" → RU); empty for a word that
        names no country or province."""
        codes = self._place_codes.get(token)
        if codes is None:
            codes = self._place_codes[token] = frozenset(
                c for t in self._place_tables for c in t.get(token, "").split()
            )
        return codes

    def is_place(self, token: str) -> bool:
        return bool(self.countries_of(token))

    def known(self, token: str) -> bool:
        """Whether some list name holds the word."""
        return self.df(token) > 0

    def common(self, token: str) -> bool:
        """Whether the word is an everyday English word ("vision", "team"): a listed one,
        or a frequent one no list holds ("inspire")."""
        if any(token in c for c in self._common_sets):
            return True
        if self._frequent is None:
            self._frequent = frozenset(self._frequent_text.split("\n")) if self._frequent_text else frozenset()
        return token in self._frequent

    def syllable(self, token: str) -> bool:
        """Whether the word is a syllable of Mandarin pinyin ("min", "ming")."""
        return token in self._syllables

    def listed_parts(self, word: str) -> list[str] | None:
        """A word written wholly in pinyin cut, at syllable ends, into the words of four
        letters or more that the lists hold, as many letters as can be, the syllables
        between them kept together: "haerbinchuangyue" → ["haerbin", "chuangyue"] (a
        Chinese company's city and brand read as one run of characters, 哈尔滨创越). None
        when no listed word is found or nothing would be cut."""
        bounds = pinyin_bounds(word, self.syllable)
        if bounds is None:
            return None

        def listed(piece: str) -> bool:
            return len(piece) >= LISTED_PART_MIN and self.df(piece) > 0

        # best[i]: (letters covered by listed words, parts) for word[:i]
        best: dict[int, tuple[int, list[str]]] = {0: (0, [])}
        for i in bounds[1:]:
            options = []
            for j in bounds:
                if j >= i:
                    break
                covered, parts = best[j]
                piece = word[j:i]
                if listed(piece):
                    options.append((covered + len(piece), [*parts, piece]))
                elif parts and not listed(parts[-1]):
                    options.append((covered, [*parts[:-1], parts[-1] + piece]))  # syllables kept together
                else:
                    options.append((covered, [*parts, piece]))
            best[i] = max(options, key=lambda o: (o[0], -len(o[1])))
        covered, parts = best[len(word)]
        return parts if covered and len(parts) > 1 else None

    def vocabulary(self) -> set[str]:
        return {tok for table in self._tables for tok in table}

    def spelled_as(self, key: str) -> tuple[str, ...]:
        """Listed words whose consonant key (:func:`screen.names.abjad.latin_key`) is
        ``key`` ("mhmd" → "mohammed", "muhammad", "mahmoud"...). The table is built on the
        first call, over every listed word."""
        if self._by_key is None:
            table: dict[str, list[str]] = defaultdict(list)
            for tok in sorted(self.vocabulary()):
                if tok.isalpha() and tok.isascii() and len(tok) > 1:
                    table[latin_key(tok)].append(tok)
            self._by_key = {k: tuple(v) for k, v in table.items()}
        return self._by_key.get(key, ())

    def weight(self, token: str) -> float:
        w = self._weights.get(token)
        if w is None:
            if len(token) == 1:
                w = 0.3
            else:
                n = self.df(token)
                w = 1.0 if n <= RARE_DF else max(MIN_WEIGHT, 1.0 - 0.25 * math.log10(n / RARE_DF))
                if self.is_place(token):
                    w = min(w, PLACE_WEIGHT)
            self._weights[token] = w
        return w

    def one_edit(self, token: str) -> list[str]:
        """Listed words one edit (insert, delete, substitute, swap of Latin letters) from
        ``token``, found by generating the edits and looking each up: cheaper at start-up
        than :meth:`similar`, which first sorts the whole vocabulary by length and letter
        (once that is done, as in a batch, :meth:`similar` answers instead)."""
        if self._buckets is not None:  # the typo scan is ready (a batch): it is faster
            return sorted(w for w, d in self.similar(token) if d == 1)
        letters = "abcdefghijklmnopqrstuvwxyz"
        cuts = [(token[:i], token[i:]) for i in range(len(token) + 1)]
        edits = {a + b[1:] for a, b in cuts if b}
        edits |= {a + b[1] + b[0] + b[2:] for a, b in cuts if len(b) > 1}
        edits |= {a + c + b[1:] for a, b in cuts if b for c in letters}
        edits |= {a + c + b for a, b in cuts for c in letters}
        edits.discard(token)
        return sorted(w for w in edits if any(w in t for t in self._tables))

    def similar(self, token: str) -> list[tuple[str, int]]:
        """Listed words within the edit budget of ``token`` (not the word itself)."""
        cached = self._similar.get(token)
        if cached is not None:
            return cached
        found = self._similar[token] = self._scan(token)
        if len(self._similar) > 100_000:
            self._similar.clear()
        return found

    def _scan(self, token: str) -> list[tuple[str, int]]:
        """Words of similar length that share the first or the last letter with ``token``,
        within its edit budget. (A word whose first and last letters are both mistyped is
        found through the query's other words, not through this one.)"""
        budget = edit_budget(len(token))
        if budget == 0 or not token.isalpha():
            return []
        if self._buckets is None:
            buckets: dict[tuple[int, str, str], list[str]] = defaultdict(list)
            for tok in self.vocabulary():
                if tok.isalpha() and len(tok) > 1:
                    buckets[(len(tok), "first", tok[0])].append(tok)
                    buckets[(len(tok), "last", tok[-1])].append(tok)
            self._buckets = dict(buckets)
        words: list[str] = []
        for length in range(len(token) - budget, len(token) + budget + 1):
            words += self._buckets.get((length, "first", token[0]), ())
            words += self._buckets.get((length, "last", token[-1]), ())
        found = {
            word: int(dist)
            for word, dist, _ in process.extract(token, words, scorer=OSA.distance, score_cutoff=budget, limit=None)
            if word != token
        }
        return sorted(found.items(), key=lambda x: (x[1], x[0]))[:20]
