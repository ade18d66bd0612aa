"""The compiled match index saved beside each snapshot.

Built once when a version is published, from the parsed entities and the shared
normaliser (``screen.names.analyze``); later commands load it without touching publisher
files or the full entity file. Its sha256 is recorded in the manifest and checked on
load; a corrupt or outdated index is rebuilt from the snapshot's entity file.

What it holds, for the matcher's candidate retrieval:

- every name's comparable form (``names``) and legal-form classes (``legal``), plus the
  forms a name's brackets stand for ("X (XYZ)" is also indexed as "X" and, when XYZ is
  the initials of X's words, as "XYZ"), and a Chinese name's institutional words in
  English (see ``names.name_variants``);
- ``postings``: word → positions of the names holding it;
- ``singles``: for words with doubled letters, the word written with single letters →
  positions ("ayyub" under "ayub", "hassan" under "hasan"), and for the words of names
  that are not a body's also their spelling key (``names.spelling_key``: "hussein" under
  "husayn", "lissovski" under "lisovsky"), so that such transliterations retrieve each
  other;
- ``acronyms``: the initials of the first 3 to 8 words of organisation names ("xpcc" for
  "Xinjiang Production and Construction Corps ...");
- ``places``: the words of these names that name a country or province (ISO 3166), and
  every country's own name, each with the countries (alpha-2 codes, space-separated) it
  may stand for; ``country_words``: the words that on their own name a country (kept
  whole, so that a query naming a country is understood even when no listed name does);
- ``syllables``: the syllables of Mandarin pinyin ("min", "ming"): two of them a letter
  apart are two different characters, not a typo;
- ``common``: the words of these names that are everyday English words ("vision",
  "team", "university"), which say less about which body a name means than words such
  as "hikvision" or "terek" (see :func:`everyday_words`); ``frequent``: every frequent
  English word, listed or not ("inspire", "core"), one per line, so that a query word no
  list holds is known for one too (see :func:`frequent_words`; kept as one string, which
  loads at once, and made a set only when a query asks);
- ``cards``: a short summary of each entity, enough to report a hit without loading the
  full entity file.

Position lists are packed as unsigned 32-bit arrays in bytes; names, legal forms and
cards (JSON) are each one UTF-8 block with an offset table (:class:`Strings`), decoded one
item at a time on demand. Loading then creates a few objects per table instead of one per
name, which is most of what `hrdd check` spends before it can answer.
"""

from __future__ import annotations

import hashlib
import json
import pickle
from array import array
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..births import listed_spans
from ..countries import country_words, place_countries, program_country, to_iso2
from ..errors import SnapshotError
from ..model import Entity, EntityKind
from ..names import analyze, name_variants, single_letters, spelling_key

INDEX_VERSION = 65  # bump when the layout or the normaliser changes; older indexes are rebuilt

ACRONYM_MIN, ACRONYM_MAX = 3, 8


class Strings:
    """A read-only sequence of strings kept as one UTF-8 block and an offset table.

    Unpickling it makes three objects however many strings it holds; an item is decoded
    when it is read.
    """

    __slots__ = ("_blob", "_ends")

    def __init__(self, items: Iterable[str] = ()) -> None:
        ends = array("Q")
        parts: list[bytes] = []
        end = 0
        for item in items:
            b = item.encode("utf-8")
            parts.append(b)
            end += len(b)
            ends.append(end)
        self._blob = b"".join(parts)
        self._ends = ends

    def __len__(self) -> int:
        return len(self._ends)

    def __getitem__(self, i: int) -> str:
        if i < 0:
            i += len(self._ends)
        if not 0 <= i < len(self._ends):
            raise IndexError("Strings index out of range")
        start = self._ends[i - 1] if i else 0
        return self._blob[start : self._ends[i]].decode("utf-8")

    def __iter__(self) -> Iterator[str]:
        return (self[i] for i in range(len(self._ends)))

    def __contains__(self, item: object) -> bool:
        return isinstance(item, str) and any(s == item for s in self)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Strings) and self._blob == other._blob and self._ends == other._ends

    __hash__ = None  # type: ignore[assignment]

    def __getstate__(self) -> tuple[bytes, bytes]:
        return self._blob, self._ends.tobytes()

    def __setstate__(self, state: tuple[bytes, bytes]) -> None:
        self._blob = state[0]
        self._ends = array("Q")
        self._ends.frombytes(state[1])


@dataclass(frozen=True, slots=True)
class EntityCard:
    """What a hit reports about a listed entity."""

    id: str
    source: str
    record_id: str
    name: str
    kind: str
    programs: tuple[str, ...]
    lists: tuple[str, ...]
    listed_on: str | None
    countries: tuple[str, ...]  # ISO alpha-2 codes the lists' country texts resolve to
    names: tuple[tuple[str, str, bool], ...]  # (value, type, weak) as published
    fingerprint: str = ""  # Entity.fingerprint() of the record; analysts' decisions are tied to it
    program_countries: tuple[str, ...] = ()  # when the record gives no country: the one its programmes name
    birth_years: tuple[tuple[int, int], ...] = ()  # spans of years its birth dates allow (screen.births)


@dataclass(slots=True)
class CompiledIndex:
    """Normalised names of one snapshot with the lookup tables used for retrieval.

    ``names[i]`` is the comparable form of name number ``name_index[i]`` of card
    ``name_card[i]``. Lookup tables map a key to packed positions (see :func:`positions`).
    """

    version: int
    source: str
    cards_json: Strings
    names: Strings
    legal: Strings
    name_card: array
    name_index: array
    postings: dict[str, bytes] = field(default_factory=dict)
    acronyms: dict[str, bytes] = field(default_factory=dict)
    places: dict[str, str] = field(default_factory=dict)
    country_words: frozenset[str] = frozenset()
    common: frozenset[str] = frozenset()
    syllables: frozenset[str] = frozenset()
    singles: dict[str, bytes] = field(default_factory=dict)
    frequent: str = ""
    _cards: dict[int, EntityCard] = field(default_factory=dict)

    def card(self, i: int) -> EntityCard:
        found = self._cards.get(i)
        if found is None:
            d = json.loads(self.cards_json[i])
            found = EntityCard(
                d["id"], d["source"], d["record_id"], d["name"], d["kind"], tuple(d["programs"]),
                tuple(d["lists"]), d["listed_on"], tuple(d["countries"]),
                tuple((v, t, bool(w)) for v, t, w in d["names"]), d.get("fingerprint", ""),
                tuple(d.get("program_countries", ())),
                tuple((lo, hi) for lo, hi in d.get("birth_years", ())),
            )
            self._cards[i] = found
        return found

    def __getstate__(self) -> dict[str, object]:
        return {f: getattr(self, f) for f in self.__dataclass_fields__ if f != "_cards"}

    def __setstate__(self, state: dict[str, object]) -> None:
        for k, v in state.items():
            object.__setattr__(self, k, v)
        self._cards = {}


def positions(packed: bytes) -> memoryview:
    """The name positions stored under one key."""
    return memoryview(packed).cast("I")


def _pack(table: dict[str, list[int]]) -> dict[str, bytes]:
    return {k: array("I", v).tobytes() for k, v in table.items()}


def card_for(entity: Entity) -> EntityCard:
    countries = tuple(dict.fromkeys(c for c in (to_iso2(t) for t in entity.countries) if c))
    listed = entity.listed_on
    return EntityCard(
        id=entity.id,
        source=entity.source,
        record_id=entity.record_id,
        name=entity.name,
        kind=str(entity.kind),
        programs=tuple(entity.programs),
        lists=tuple(entity.lists),
        listed_on=str(listed) if listed else None,
        countries=countries,
        names=tuple((n.value, str(n.type), n.weak) for n in entity.names),
        fingerprint=entity.fingerprint(),
        program_countries=() if countries else tuple(dict.fromkeys(
            c for c in (program_country(p) for p in entity.programs) if c
        )),
        birth_years=listed_spans(entity.birth_dates),
    )


def _card_json(card: EntityCard) -> str:
    return json.dumps(
        {
            "id": card.id, "source": card.source, "record_id": card.record_id, "name": card.name,
            "kind": card.kind, "programs": card.programs, "lists": card.lists,
            "listed_on": card.listed_on, "countries": card.countries, "names": card.names,
            "fingerprint": card.fingerprint, "program_countries": card.program_countries,
            "birth_years": card.birth_years,
        },
        ensure_ascii=False,
        separators=(",", ":"),
    )


def build_index(source: str, entities: list[Entity]) -> CompiledIndex:
    """Compile the index of one snapshot's entities."""
    names: list[str] = []
    legal: list[str] = []
    name_card = array("I")
    name_index = array("I")
    postings: dict[str, list[int]] = defaultdict(list)
    acronyms: dict[str, list[int]] = defaultdict(list)
    singles: dict[str, list[int]] = defaultdict(list)
    cards: list[str] = []
    english = frequent_words()
    for ei, entity in enumerate(entities):
        cards.append(_card_json(card_for(entity)))
        is_person = entity.kind == EntityKind.PERSON
        # a body's words, and everyday English words in a record of unknown kind, are not
        # read by their spelling key: "group" is not "grupp"
        spelt = entity.kind in (EntityKind.PERSON, EntityKind.UNKNOWN)
        seen: set[str] = set()
        for ni, name in enumerate(entity.names):
            for value in (name.value, *(v for v, _ in name_variants(name.value))):
                form = analyze(value)
                text = form.text
                if not text or text in seen:
                    continue
                seen.add(text)
                pos = len(names)
                names.append(text)
                legal.append(" ".join(form.legal))
                name_card.append(ei)
                name_index.append(ni)
                toks = form.tokens
                for tok in dict.fromkeys(toks):
                    postings[tok].append(pos)
                    keys = {single_letters(tok)}
                    if spelt and (is_person or tok not in english):
                        keys.add(spelling_key(tok))
                    for key in keys - {tok}:
                        singles[key].append(pos)
                if not is_person and len(toks) >= ACRONYM_MIN:
                    initials = "".join(t[0] for t in toks[:ACRONYM_MAX])
                    for size in range(ACRONYM_MIN, len(initials) + 1):
                        acronyms[initials[:size]].append(pos)
    return CompiledIndex(
        INDEX_VERSION, source, Strings(cards), Strings(names), Strings(legal), name_card, name_index,
        _pack(postings), _pack(acronyms),
        {w: " ".join(sorted(codes)) for w, codes in place_countries().items() if w in postings or w in country_words()},
        country_words(),
        everyday_words(postings.keys()),
        pinyin_syllables(),
        _pack(singles),
        _frequent_text(),
    )


EVERYDAY_ZIPF = 2.0  # at least one in ten million words of ordinary English
FREQUENT_ZIPF = 3.0  # at least one in a million: about 14,500 words


def everyday_words(words: Iterable[str]) -> frozenset[str]:
    """The words that are everyday English: a Zipf frequency (log10 of occurrences per
    billion words) of at least ``EVERYDAY_ZIPF`` in pyspellchecker's English word counts.
    Used by the scorer to tell a distinctive word of a name from an ordinary one; read
    only when an index is built."""
    everyday = _english_everyday()
    return frozenset(w for w in words if w in everyday)


@lru_cache(maxsize=1)
def _frequent_text() -> str:
    """:func:`frequent_words` one per line, as every index stores them (joined once)."""
    return "\n".join(sorted(frequent_words()))


def frequent_words() -> frozenset[str]:
    """The frequent English words (Zipf frequency at least ``FREQUENT_ZIPF``), listed or
    not: the scorer tells a query's "Inspire" from the listed brand "Inspur" by them.
    Read only when an index is built."""
    return _english_everyday(FREQUENT_ZIPF)


@lru_cache(maxsize=1)
def pinyin_syllables() -> frozenset[str]:
    """Every syllable of Mandarin pinyin without tone marks (about 420), from pypinyin's
    dictionary; read only when an index is built."""
    import unicodedata

    from pypinyin.pinyin_dict import pinyin_dict

    out = set()
    for readings in pinyin_dict.values():
        for reading in readings.split(","):
            plain = "".join(c for c in unicodedata.normalize("NFD", reading) if not unicodedata.combining(c))
            if plain.isascii() and plain.isalpha():
                out.add(plain)
    return frozenset(out)


@lru_cache(maxsize=2)
def _english_everyday(zipf: float = EVERYDAY_ZIPF) -> frozenset[str]:
    counts, total = _english_counts()
    floor = 10**zipf * total / 1e9
    return frozenset(w for w, n in counts.items() if n >= floor)


@lru_cache(maxsize=1)
def _english_counts() -> tuple[dict[str, int], int]:
    """pyspellchecker's English word counts (alphabetic words only) and their total, read
    once for both frequency floors."""
    from spellchecker import SpellChecker

    freq = SpellChecker(language="en").word_frequency
    return {w: n for w, n in freq.items() if w.isalpha()}, freq.total_words


def save_index(index: CompiledIndex, path: Path) -> str:
    """Write the index; returns its sha256."""
    data = pickle.dumps(index, protocol=pickle.HIGHEST_PROTOCOL)
    path.write_bytes(data)
    return hashlib.sha256(data).hexdigest()


def load_index(path: Path, sha256: str) -> CompiledIndex:
    """Load an index after checking its checksum; ``SnapshotError`` when it is corrupt."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise SnapshotError(f"{path}: cannot read the compiled index ({exc.strerror})") from exc
    if hashlib.sha256(data).hexdigest() != sha256:
        raise SnapshotError(f"{path}: compiled index does not match its checksum")
    try:
        index = pickle.loads(data)  # noqa: S301 - our own file, checksum verified above
    except Exception as exc:
        raise SnapshotError(f"{path}: compiled index unreadable ({type(exc).__name__})") from exc
    if not isinstance(index, CompiledIndex) or index.version != INDEX_VERSION:
        raise SnapshotError(f"{path}: compiled index is of an older layout")
    return index
