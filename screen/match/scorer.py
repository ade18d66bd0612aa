"""Score one query name against one listed name, and say why.

Both names arrive in their comparable form (``screen.names.analyze``). The words of the
query are aligned one-to-one with the words of the listed name, in this order:

1. the same word;
2. a typo: the same word within the edit budget of its length (``lexicon.edit_budget``),
   swapped letters counting as one edit and "x" / "ks" as one change of spelling
   ("alexander" / "aleksandr"); two words the lists both hold two edits apart, two words
   two edits apart that differ in their first letter ("vahdat" / "sadat"), and two pinyin
   syllables a letter apart are two words and align at half that similarity, as do, in a
   person's name, two names the lists both hold a consonant apart ("markovic" /
   "marovic"); in a person's name two family names with one ending ("klochkov" /
   "klobukov") are as alike as their stems; then a name and its derived form ("mongol" /
   "mongolian"), at 0.8;
3. words joined or split: one word on one side equals two or three neighbouring words on
   the other ("hikvision" / "hik vision");
4. an acronym: one word is the initials of neighbouring words on the other side
   ("xpcc" / "xinjiang production construction corps");
5. an initial: a single letter stands for a word starting with it;
6. words that name the same kind of body in translations (academy / college / school /
   institute; bureau / department; directorate / department; prefecture / district), at
   half similarity.

Each aligned pair counts with its similarity times the weight of its words (rare words
weigh more, see ``lexicon``). Words left over lower the score: a word only in the query
counts fully against it (the query says something the listed name does not), a word only
in the listed name counts at ``LISTED_EXTRA`` of its weight (a partner is often written
with a shorter name than its full registered one: "Hikvision" for "Hangzhou Hikvision
Digital Technology Co., Ltd.").

    score = Σ similarity·weight / (Σ weight + Σ query-only weight + LISTED_EXTRA·Σ listed-only weight)

When every query word is aligned, one of them is distinctive (a rare word aligned as the
same word) and none of the listed-only words is, the listed-only words count at
``CONTAINED_EXTRA`` instead: the query names the body by its distinctive part
("Sensetime" for "Beijing Sensetime Technology Development Co., Ltd."). Not for a body
whose listed-only words lie among the aligned ones ("Saint Petersburg [Mining]
University"): they belong to another body's name, not to a longer form of the query's.

A query word that only names the listed body's country ("of the Russian Federation" after
"Federal Security Service", listed in Russia) counts at ``COUNTRY_WORD_EXTRA``: it
places the body where the list places it, it does not name another one; unless the
listed name has a place the query leaves out ("Shandong Police College" is not "Xinjiang
Police College"). The caller gives the word-to-countries look-up and the listed body's
countries; the scorer holds no country data.

Listed words that repeat a matched word, or spell out an acronym matched elsewhere in the
listed name, are not counted. Two numbered bodies whose numbers differ, and a person query
of only common names that leaves out the listed person's rare name, stay below review
(``GENERIC_CAP``), as a query of only everyday words and places does when the listed name
adds a place or a distinctive word; unless at least ``PHRASE_WORDS`` of them (places aside)
are matched, which together name the body. So does a body's listed name with a
distinctive word of its own among the words the query shares ("Wuxi [Jiangnan] Institute
of Technology"): a short form leaves words out at the edges, seldom inside.

Two names whose letters are the same once spaces are removed score as a join. Differing
legal-form classes (LLC vs JSC; a query's bare "Co" differs from none) take off
``LEGAL_FORM_MISMATCH``. Pure functions.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Protocol

from rapidfuzz.distance import OSA

from ..names import spelling_key
from ..names.tables import ADMIN_LEVEL_WORDS
from .lexicon import edit_budget, pinyin_bounds

LISTED_EXTRA = 0.3
CONTAINED_EXTRA = 0.15
QUERY_EVERYDAY_EXTRA = 0.75  # what an everyday word costs that the query adds to a whole listed name
COUNTRY_WORD_EXTRA = 0.15
GENERIC_EXTRA = 0.6
GENERIC_CAP = 0.7
KNOWN_NAMES_SIMILARITY = 0.5
DERIVED_SIMILARITY = 0.8
WHOLE_QUERY_JOINED = 0.10
DERIVED_SUFFIXES = ("n", "an", "ian", "ia", "ese", "ish", "i", "s", "es", "ity")
DISTINCTIVE = 0.9
# A typo this close to a distinctive listed word names the body as the word itself would
# ("Baqiyatolah" / "Baqiyatallah", 0.83)
CLOSE_TYPO = 0.8
# So many everyday words matched (places aside) that together they name one body: "Main
# Directorate for Combating Organized Crime and Corruption" is a title, not a description.
PHRASE_WORDS = 5
INSIDE_MIN = 4  # letters of a listed-only word inside the shared words that sets a body apart
SHORT_WORD = 5  # letters of the longest word whose first letter, changed, makes another word
# In a body's name a word of three letters or fewer is an acronym or a syllable, and a
# letter changed makes another one ("BMW" / "BM", "ZTE" / "ZTC")
ACRONYM_LETTERS = 3

LEGAL_FORM_MISMATCH = 0.03
# "Co" / "Company" says no more than that the name is a company's: it differs from no form.
GENERIC_LEGAL_FORM = "CO"
ACRONYM_SIMILARITY = 0.8
SYNONYM_SIMILARITY = 0.5

# Words used for the same kind of body in translated names ("police academy" / "police
# college" for one Chinese or Sinhala name; "public security bureau" / "department" for
# one Chinese provincial office; "directorate" / "department" for one Russian or Belarusian
# "upravleniye"); "Air" / "Airlines" / "Airways" for one carrier ("Mahan Air"); "plant" /
# "factory" / "works" / "combine" for one Russian "zavod" or "kombinat" ("Kurgan Machine
# Building Plant" / "... FACTORY"). They align, but only at half similarity.
SYNONYMS = frozenset(
    frozenset(p) for p in [("academy", "college"), ("academy", "school"), ("college", "school"), ("institute", "college"), ("institute", "academy"),
                           ("bureau", "department"), ("directorate", "department"), ("prefecture", "district"),
                           ("air", "airlines"), ("air", "airways"), ("airlines", "airways"),
                           ("plant", "factory"), ("plant", "works"), ("factory", "works"), ("combine", "plant"),
                           ("combine", "works")]
)
INITIAL_SIMILARITY = 0.8
# Words an acronym may leave out ("CETC": China Electronics Technology Group Corporation).
ACRONYM_SKIPPED = frozenset({"group"})

Weight = Callable[[str], float]


class Vocabulary(Protocol):
    """What the scorer may ask about a word (``lexicon.Lexicon`` answers from the lists)."""

    def countries_of(self, token: str) -> frozenset[str]: ...
    def known(self, token: str) -> bool: ...
    def common(self, token: str) -> bool: ...
    def syllable(self, token: str) -> bool: ...

    @property
    def country_words(self) -> frozenset[str]: ...


def _names_country(token: str, vocab: Vocabulary) -> frozenset[str]:
    """The countries a word clearly names: a country's own name, or a place of one country
    only (not "central" or "national", which occur in places of many)."""
    codes = vocab.countries_of(token)
    return codes if token in vocab.country_words or len(codes) == 1 else frozenset()


def _names_body(pair: Pair, ordinary: Callable[[str], bool]) -> bool:
    """Whether an aligned pair rests on a word that names a body rather than describing
    one: "hikvision", "sense time" (joined), "kgb" (acronym), not "university" or "hunan"."""
    if pair.how in ("same", "typo", "joined", "derived"):
        return not ordinary(pair.listed.replace(" ", ""))
    if pair.how == "acronym":
        return not ordinary(pair.query if " " not in pair.query else pair.listed)
    return False


def _other_word_than_place(a: str, b: str, vocab: Vocabulary) -> bool:
    """One word is a place and the other a different word the lists also use: "beijing"
    and "beihang" are two names, not a typo of one (checked for two edits or more; one
    edit, as in "Chima" for "China", stays a typo)."""
    pa, pb = vocab.countries_of(a), vocab.countries_of(b)
    return (bool(pa) and not pb and vocab.known(b)) or (bool(pb) and not pa and vocab.known(a))


@dataclass(frozen=True, slots=True)
class Pair:
    """One aligned piece: query word(s) and listed word(s), how they met, how well."""

    query: str
    listed: str
    how: str  # same | typo | other name | derived | joined | acronym | initial | synonym
    similarity: float
    weight: float
    edits: int = 0
    ending: str = ""  # a family-name ending both words share: the similarity is the stems'

    def describe(self) -> str:
        if self.how == "same":
            return f"{self.query!r} = {self.listed!r} (weight {self.weight:.2f})"
        if self.how == "typo":
            s = "s" if self.edits != 1 else ""
            where = f" before the shared ending '-{self.ending}'" if self.ending else ""
            return (f"{self.query!r} ≈ {self.listed!r} ({self.edits} edit{s}{where}, similarity "
                    f"{self.similarity:.2f}, weight {self.weight:.2f})")
        if self.how == "derived":
            return f"{self.query!r} ~ {self.listed!r} (one is the other's derived form, similarity {self.similarity:.2f})"
        if self.how == "other name":
            return (f"{self.query!r} ~ {self.listed!r} (two different words a typo apart, "
                    f"similarity {self.similarity:.2f}, weight {self.weight:.2f})")
        if self.how == "joined":
            if self.edits:
                s = "s" if self.edits != 1 else ""
                return (f"{self.query!r} ≈ {self.listed!r} (words joined or split, {self.edits} edit{s}, "
                        f"similarity {self.similarity:.2f}, weight {self.weight:.2f})")
            return f"{self.query!r} = {self.listed!r} (words joined or split, weight {self.weight:.2f})"
        if self.how == "acronym":
            return f"{self.query!r} ~ {self.listed!r} (acronym: initials of the other side's words, weight {self.weight:.2f})"
        if self.how == "synonym":
            return f"{self.query!r} ~ {self.listed!r} (words for the same kind of body, similarity {self.similarity:.2f})"
        return f"{self.query!r} ~ {self.listed!r} (initial, weight {self.weight:.2f})"


@dataclass(frozen=True, slots=True)
class NameScore:
    """The score of one name pair (0–1) with everything that went into it."""

    score: float
    pairs: tuple[Pair, ...]
    query_only: tuple[tuple[str, float], ...] = ()
    listed_only: tuple[tuple[str, float], ...] = ()
    adjustments: tuple[tuple[str, float], ...] = ()
    country_words: tuple[tuple[str, float], ...] = ()
    patronymics: tuple[tuple[str, float], ...] = ()  # the query's, where the listed name gives none

    def reasons(self) -> list[str]:
        out = [p.describe() for p in self.pairs]
        if self.country_words:
            words = ", ".join(f"{t!r}" for t, _ in self.country_words)
            out.append(f"only in the query: {words}, naming the listed body's country (lowers the score a little)")
        if self.patronymics:
            words = ", ".join(f"{t!r}" for t, _ in self.patronymics)
            out.append(f"only in the query: {words}, a patronymic the listed name leaves out (lowers the score a little)")
        if self.query_only:
            words = ", ".join(f"{t!r}" for t, _ in self.query_only)
            out.append(f"only in the query: {words} (lowers the score)")
        if self.listed_only:
            words = ", ".join(f"{t!r}" for t, _ in self.listed_only)
            out.append(f"only in the listed name: {words} (lowers the score a little)")
        for text, delta in self.adjustments:
            out.append(f"{text} ({delta * 100:+.0f})" if delta else text)
        return out


NO_MATCH = NameScore(0.0, ())
SPELT_MIN = 4  # letters of the shortest word read by its spelling key ("Zeid" / "Zayd"; not "Hai" / "Hei")
SPELT_LENGTHS = 3  # two words of one key differ in length by this much at most ("Husseini" / "Husayni" by 1)


def _typo(a: str, b: str, spelt: bool = False) -> tuple[int, float] | None:
    """The edits between two words and their similarity, or None when they are more edits
    apart than words of their length may be. With ``spelt`` (people's names), two words of
    one spelling key are one name romanised two ways ("Hussein" / "Husayn", "Lissovski" /
    "Lisovsky"), as close as a letter apart; a body's words are not read so ("group" /
    "grupp")."""
    if a[0].isdigit() or b[0].isdigit() or not (a.isalpha() and b.isalpha()):
        return None
    longest = max(len(a), len(b))
    apart = abs(len(a) - len(b))
    if (
        spelt and longest >= SPELT_MIN and apart <= SPELT_LENGTHS
        and (a[0] == b[0] or (a[0] in _VOWELS and b[0] in _VOWELS))  # (a key keeps a first consonant)
        and spelling_key(a) == spelling_key(b)
    ):
        return 1, 1.0 - 1 / longest
    budget = edit_budget(longest)
    # "x" and "ks" are one sound written two ways in romanised names ("Alexander" /
    # "Aleksandr", "Maxim" / "Maksim"): also compared as written the same way, which may
    # make the words a letter closer in length
    x_or_ks = ("x" in a) != ("x" in b)
    if budget == 0 or apart > budget + x_or_ks:
        return None
    d = OSA.distance(a, b, score_cutoff=budget)
    if x_or_ks:
        a2, b2 = a.replace("x", "ks"), b.replace("x", "ks")
        d2 = OSA.distance(a2, b2, score_cutoff=budget)
        if d2 < d:  # one change of spelling at least
            d, longest = max(1, d2), max(len(a2), len(b2))
    if d > budget:
        return None
    return d, 1.0 - d / longest


def _two_words(
    a: str, b: str, edits: int, vocab: Vocabulary | None, organisation: bool, ending: str, person_names: bool,
) -> bool:
    """Whether two words a typo apart (query ``a``, listed ``b``) are two different words,
    not one word mistyped:

    - two edits, one of them the first letter, which a typing slip or another
      romanisation seldom touches ("Vahdat" / "Sadat");
    - two words the lists both hold, two edits apart ("Maria" / "Martha", "Vision" /
      "Isvision"), or in a body's name one edit apart in the first letter of a short word
      ("Keda" / "Neda": two brands; in a person's name "Omar" / "Umar" stays one name);
    - two pinyin syllables, so two characters ("Min" / "Ming"), or two words written
      wholly in pinyin syllables two edits apart, so a character apart ("Huaxia" /
      "Huali"; one edit, "Guangzou" / "Guangzhou", stays a typo);
    - in a person's name, a patronymic and a word that is none ("Petrovna" / "Petrova":
      the father's name, not the surname), a name and a family name made of it
      ("Karaman" / "Karamanov"), and two family names with one ending whose stems are
      more edits apart than a stem of that length may carry ("Mamedova" / "Mamakova";
      ``ending`` is the one they share, see :func:`_shared_ending`), and two names the
      lists both hold one edit apart in their consonants ("Markovic" / "Marovic", "Galkin"
      / "Galin", "Arafat" / "Arafa"): a vowel one edit apart stays one name written
      another way ("Karimi" / "Karami", "Omar" / "Umar"), as do the consonants
      romanisations write differently (see :func:`_consonants`);
    - in a body's name, two words of three letters or fewer, acronyms or syllables ("BMW"
      / "BM": another letter makes another acronym);
    - in a body's name, two edits between a query's English word and a listed word that
      is none ("Inspire" / "Inspur"), or between two compounds that share one part and
      differ in another English word ("FiberCore" / "FiberHome").

    ``person_names`` says whether the rules for people's names apply: to a person's
    listed name, and to a record of unknown kind when the query is a person's."""
    if edits > 1 and a[0] != b[0]:
        return True
    # the South Slavic -ić is written -ic or -ich ("Milosevic" / "Milosevich"): one name,
    # though "-vich" also ends a Russian patronymic
    ic_ich = a + "h" == b or b + "h" == a
    if person_names and ((patronymic(a) != patronymic(b) and not ic_ich) or _surname_formed(a, b)
                         or _stems_differ(a, b, edits, ending)):
        return True
    if vocab is None:
        return False
    if (person_names and edits == 1 and min(len(a), len(b)) >= CONSONANT_NAME and vocab.known(a) and vocab.known(b)
            and _consonants(a) != _consonants(b)):
        return True
    if edits > 1 and vocab.known(a) and vocab.known(b):
        return True
    if organisation and not person_names and max(len(a), len(b)) <= ACRONYM_LETTERS:
        return True
    if organisation and a[0] != b[0] and len(a) <= SHORT_WORD and vocab.known(a) and vocab.known(b):
        return True
    if vocab.syllable(a) and vocab.syllable(b):
        return True
    if edits > 1 and _pinyin_word(a, vocab) and _pinyin_word(b, vocab):
        return True
    if organisation and edits > 1:
        if vocab.common(a) and not vocab.common(b):
            return True  # (the other way round, a mistyped everyday word, stays a typo)
        return _compounds_differ(a, b, vocab)
    return False


# Letters of the shortest names compared by their consonants (three-letter names are
# syllables of Asian names: "Tin" / "Tun" is a vowel apart, "Min" / "Lin" one consonant).
CONSONANT_NAME = 4
# Consonants that romanisations of one name write differently, read as one: "Qaddafi" /
# "Gaddafi", "Kasim" / "Qasim", "Wasim" / "Vasim", "Rezai" / "Resai", and a voiced
# consonant ending the name, devoiced in Turkish and Russian spellings ("Ahmed" / "Ahmet",
# "Yakub" / "Yakup", "Ivanov" / "Ivanoff"; not "Mostafavi" / "Mostafaei").
_SAME_CONSONANT = {"c": "k", "q": "k", "g": "k", "w": "v", "z": "s"}
_DEVOICED = {"d": "t", "b": "p", "v": "f"}
# Spellings of one sound, read as one letter before the vowels are dropped ("Mustapha" /
# "Mustafa", "Djamel" / "Jamel", "Dzhamal" / "Jamal", "Schmidt" / "Shmidt"; "x" / "ks"
# as in :func:`_typo`); "c" before a front vowel is "s" ("Oveici" / "Oveisi").
_SPELLINGS = (("x", "ks"), ("sch", "sh"), ("ph", "f"), ("dzh", "j"), ("dj", "j"), ("ce", "se"), ("ci", "si"), ("cy", "sy"))


def _consonants(word: str) -> str:
    """A name's consonants in order, a doubled one once, with "h" (which only marks a
    sound: "kh", "sh", "th", "Abdullah") and the apostrophes of transliteration left
    out, and the consonants that romanisations write differently read as one: the part
    of a name a typing slip or another spelling of it seldom changes."""
    for spelled, sound in _SPELLINGS:
        word = word.replace(spelled, sound)
    out: list[str] = []
    for ch in word:
        if ch in "aeiouyh'":
            continue
        ch = _SAME_CONSONANT.get(ch, ch)
        if not out or out[-1] != ch:
            out.append(ch)
    if out and word.endswith(tuple(_DEVOICED)):  # the name's last letter, not its last consonant
        out[-1] = _DEVOICED[out[-1]]
        if len(out) > 1 and out[-2] == out[-1]:
            out.pop()
    return "".join(out)


def _pinyin_word(word: str, vocab: Vocabulary) -> bool:
    """Whether the word is written wholly in pinyin syllables ("huaxia" = hua|xia)."""
    return len(word) > 3 and pinyin_bounds(word, vocab.syllable) is not None


# Endings of Russian, Ukrainian and Belarusian patronymics ("Petrovna", "Ivanovich"), and
# the French-style "-ovitch" ("Borisovitch").
PATRONYMIC_ENDINGS = ("ovna", "evna", "ovich", "evich", "ovych", "evych", "ivna", "ichna", "avich", "avna", "ovitch", "evitch")


def patronymic(word: str) -> bool:
    return len(word) > 6 and word.endswith(PATRONYMIC_ENDINGS)


# Endings that make an East Slavic family name of another name or word ("Karaman" /
# "Karamanov", "Ivan" / "Ivanenko"): a name with one of them is another family's name.
SURNAME_ENDINGS = ("ov", "ev", "in", "ova", "eva", "ina", "sky", "skiy", "skaya", "enko", "chuk", "yuk", "uk",
                   # South Slavic: -ović, -ević ("Stojković" / "Stanković": two families)
                   "ovic", "evic")


def _surname_formed(a: str, b: str) -> bool:
    """One name is the other with a family-name ending added ("karamanov" / "karaman")."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return len(short) >= 4 and long_.startswith(short) and long_[len(short):] in FORMED_ENDINGS


# Persian and Armenian family names formed with -(i)an / -yan ("Rezai" / "Rezaian",
# "Ahmadi" / "Ahmadian", "Abraham" / "Abrahamyan"), and Arabic and Persian ones formed with
# the -i of descent or origin ("Harb" / "Harbi", "Mazhar" / "Mazhari"), besides the East
# Slavic endings.
FORMED_ENDINGS = SURNAME_ENDINGS + ("an", "ian", "yan", "i")
_ENDINGS_LONGEST_FIRST = sorted(SURNAME_ENDINGS, key=len, reverse=True)


def _shared_ending(a: str, b: str) -> str:
    """The family-name ending two words share ("ova" for "mamedova" / "mamakova"), or ""
    (the stems must keep at least 3 letters)."""
    for ending in _ENDINGS_LONGEST_FIRST:
        if a.endswith(ending) and b.endswith(ending) and min(len(a), len(b)) - len(ending) >= 3:
            return ending
    return ""


def _stems_differ(a: str, b: str, edits: int, ending: str) -> bool:
    """Two family names with one ending whose stems are further apart than a stem of
    their length may be mistyped ("Mamedova" / "Mamakova", "Sabitov" / "Samatov"): the
    shared ending makes the words look closer than the names are."""
    return edits >= 2 and bool(ending) and edits > edit_budget(max(len(a), len(b)) - len(ending))


COMPOUND_PART = 3  # letters of the smallest part of a compound word ("net", "core")


def _compounds_differ(a: str, b: str, vocab: Vocabulary) -> bool:
    """``a`` and ``b`` share a first (or last) part and differ in the rest, which is an
    English word on both sides ("fiber|core" / "fiber|home", "smart|eye" / "smart|sky")."""
    for reverse in (False, True):
        x, y = (a[::-1], b[::-1]) if reverse else (a, b)
        shared = 0
        while shared < min(len(x), len(y)) and x[shared] == y[shared]:
            shared += 1
        # the parts may share letters next to the cut too ("cor|e" / "hom|e"): every cut
        # within the shared part is tried
        for cut in range(shared, COMPOUND_PART - 1, -1):
            rest_x, rest_y = x[cut:], y[cut:]
            if reverse:  # the shared part is the words' end: the rests are their first parts
                rest_x, rest_y = rest_x[::-1], rest_y[::-1]
            if min(len(rest_x), len(rest_y)) >= COMPOUND_PART and vocab.common(rest_x) and vocab.common(rest_y):
                return True
    return False


# Endings of Russian adjectives in transliteration ("Kurgansky", "Moskovskaya", "Tulskoye").
RUSSIAN_ADJECTIVE_ENDINGS = ("sky", "skiy", "skii", "ski", "skaya", "skoye", "skoe", "skogo")


def _derived(a: str, b: str, organisation: bool = False, person_names: bool = False) -> bool:
    """One word is the other with a suffix that makes a people or a land of a name
    ("mongol" / "mongolian" / "mongolia", "tibet" / "tibetan", "uyghur" / "uyghurs",
    "municipal" / "municipality"); in a body's name also a place and its Russian adjective
    in transliteration, which may drop the place's last letter ("Kurgan" / "Kurgansky",
    "Yaroslavl" / "Yaroslavsky", "Tula" / "Tulsky"). In a person's name (``person_names``)
    a family name formed with one of :data:`FORMED_ENDINGS` is another family's name, not
    a derived form ("Rezai" / "Rezaian")."""
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    if len(short) >= 4 and short.isalpha() and long_.startswith(short) and long_[len(short):] in DERIVED_SUFFIXES:
        return not (person_names and long_[len(short):] in FORMED_ENDINGS)
    if organisation and len(short) >= 4 and short.isalpha() and long_.endswith(RUSSIAN_ADJECTIVE_ENDINGS):
        for ending in RUSSIAN_ADJECTIVE_ENDINGS:
            stem = long_[: -len(ending)]
            if long_.endswith(ending) and len(stem) >= 3 and stem in (short, short[:-1]):
                return True
    return False


def _inside(listed: Sequence[str], free: Sequence[int], aligned: Sequence[Pair]) -> list[int]:
    """Positions of the listed-only words (``free``) that lie among the aligned words
    however a repeated word is placed: an aligned word wholly before and one wholly after
    ("state" in "State Budgetary Educational Institution ... Almetyevsk State Oil
    Institute" may be the second one, so the words after the first are not inside)."""
    spots = []
    for p in aligned:
        for tok in p.listed.split():
            at = [i for i, t in enumerate(listed) if t == tok and i not in free]
            if at:
                spots.append((min(at), max(at)))
    if len(spots) < 2:
        return []
    return [i for i in free if any(hi < i for _, hi in spots) and any(lo > i for lo, _ in spots)]


def _acronym_of(word: str, words: Sequence[str]) -> bool:
    """``word`` is the initials of ``words``, all of them or all but the words acronyms
    tend to leave out ("cetc" / "china electronics technology group corporation")."""
    if words[0][0] != word[0] or len(words) < len(word):
        return False
    if len(words) == len(word) and "".join(w[0] for w in words) == word:
        return True
    kept = [w for w in words[1:] if w not in ACRONYM_SKIPPED]
    return len(kept) + 1 == len(word) and words[0][0] + "".join(w[0] for w in kept) == word


def _spelled_out(listed: Sequence[str], l_free: list[int], acronyms: set[str]) -> list[tuple[str, list[int]]]:
    """Runs of leftover listed words that spell out an acronym matched elsewhere in the
    name ("China Electronics Technology Group Corporation ... (CETC 14)")."""
    found: list[tuple[str, list[int]]] = []
    taken: set[int] = set()
    for acro in sorted(acronyms):
        run = _run_spelling(acro, listed, [i for i in l_free if i not in taken])
        if run:
            found.append((acro, run))
            taken.update(run)
    return found


def _run_spelling(acro: str, listed: Sequence[str], free: list[int]) -> list[int] | None:
    """The first run of neighbouring positions in ``free`` whose words ``acro`` is the
    initials of (see :func:`_acronym_of`)."""
    for k, start in enumerate(free):
        run = [start]
        for nxt in free[k + 1 :]:
            if nxt != run[-1] + 1 or len(run) > len(acro) + 2:
                break
            run.append(nxt)
            if len(run) >= len(acro) and _acronym_of(acro, [listed[i] for i in run]):
                return run
    return None


_VOWELS = frozenset("aeiou")


def _joined_edits(word: str, joined: str) -> int | None:
    """The edits between a word and neighbouring words written as one ("hikvison" / "hik
    vision": 1), or None when they are not one word written two ways: more than the typo
    budget, or two edits one of which changes the first consonant ("libing" / "li bing"
    against "sixing", as :func:`_two_words` reads two single words). A first vowel written
    or not is no such change (a name read by its consonants leaves out the vowel that ع
    stands for: "bdalkhalq" / "abd al khaliq"), nor are consonants romanisations write
    differently ("whabzadh" / "vahab zadeh", see :data:`_SAME_CONSONANT`)."""
    if word == joined:
        return 0
    typo = _typo(word, joined)
    if typo is None:
        return None
    first, other = (_SAME_CONSONANT.get(c, c) for c in (word[0], joined[0]))
    if typo[0] > 1 and first != other and first not in _VOWELS and other not in _VOWELS:
        return None
    return typo[0]


def compare(
    query: Sequence[str],
    listed: Sequence[str],
    weight: Weight,
    query_legal: Sequence[str] = (),
    listed_legal: Sequence[str] = (),
    vocab: Vocabulary | None = None,
    listed_in: frozenset[str] = frozenset(),
    organisation: bool = False,
    query_in: frozenset[str] = frozenset(),
    person_query: bool = False,
) -> NameScore:
    """Align and score two comparable names (word sequences).

    ``vocab`` says which words name places, occur in the lists or are everyday English;
    ``listed_in`` gives the listed body's countries; ``organisation`` says the listed
    name is not a person's (the rules for distinctive words apply to bodies only);
    ``query_in``: countries the caller places the query in besides its own words;
    ``person_query``: the query is a person's name, so the rules for family names also
    apply to a listed name of unknown kind read as a body's (the Entity List's records)."""
    if not query or not listed:
        return NO_MATCH
    q_free = list(range(len(query)))
    l_free = list(range(len(listed)))
    pairs: list[tuple[int, Pair]] = []  # (query position, pair) to keep query order
    person_names = not organisation or person_query  # the rules for family names apply

    # 1. same word
    for qi in list(q_free):
        tok = query[qi]
        for li in l_free:
            if listed[li] == tok:
                w = weight(tok)
                pairs.append((qi, Pair(tok, tok, "same", 1.0, w)))
                q_free.remove(qi)
                l_free.remove(li)
                break

    # 2. typos, best first
    if q_free and l_free:
        options = []
        for qi in q_free:
            for li in l_free:
                t = None if _derived(query[qi], listed[li], organisation, person_names) else _typo(query[qi], listed[li], person_names)
                if t is not None and not (organisation and vocab and t[0] > 1 and _other_word_than_place(query[qi], listed[li], vocab)):
                    # two family names with one ending ("klochkov" / "klobukov") are as
                    # alike as their stems: the ending they share makes them look closer
                    ending = "" if organisation and not person_query else _shared_ending(query[qi], listed[li])
                    sim = 1.0 - t[0] / (max(len(query[qi]), len(listed[li])) - len(ending)) if ending else t[1]
                    options.append((sim, qi, li, t[0], ending))
        options.sort(key=lambda o: (-o[0], o[1], o[2]))
        for sim, qi, li, d, ending in options:
            if qi in q_free and li in l_free:
                w = (weight(query[qi]) + weight(listed[li])) / 2
                how = "typo"
                a, b = query[qi], listed[li]
                if _two_words(a, b, d, vocab, organisation, ending, person_names):
                    sim, how = sim * KNOWN_NAMES_SIMILARITY, "other name"
                pairs.append((qi, Pair(query[qi], listed[li], how, sim, w, d, ending if how == "typo" else "")))
                q_free.remove(qi)
                l_free.remove(li)

    # 2b. a name and its derived form ("mongol" / "mongolian", "tibet" / "tibetan")
    if q_free and l_free:
        for qi in list(q_free):
            for li in list(l_free):
                if _derived(query[qi], listed[li], organisation, person_names):
                    w = (weight(query[qi]) + weight(listed[li])) / 2
                    pairs.append((qi, Pair(query[qi], listed[li], "derived", DERIVED_SIMILARITY, w)))
                    q_free.remove(qi)
                    l_free.remove(li)
                    break

    # 3. joined or split words; 4. acronyms (both directions)
    if q_free and l_free:
        _multi(query, listed, q_free, l_free, pairs, weight, query_side=True)
    if q_free and l_free:
        _multi(listed, query, l_free, q_free, pairs, weight, query_side=False)

    # 5. initials
    if q_free and l_free:
        for qi in list(q_free):
            for li in list(l_free):
                a, b = query[qi], listed[li]
                if (len(a) == 1 and len(b) > 1 and b[0] == a) or (len(b) == 1 and len(a) > 1 and a[0] == b):
                    w = 0.5 * weight(a if len(a) > 1 else b)
                    pairs.append((qi, Pair(a, b, "initial", INITIAL_SIMILARITY, w)))
                    q_free.remove(qi)
                    l_free.remove(li)
                    break

    # 6. synonyms
    if q_free and l_free:
        for qi in list(q_free):
            for li in list(l_free):
                if frozenset((query[qi], listed[li])) in SYNONYMS:
                    w = (weight(query[qi]) + weight(listed[li])) / 2
                    pairs.append((qi, Pair(query[qi], listed[li], "synonym", SYNONYM_SIMILARITY, w)))
                    q_free.remove(qi)
                    l_free.remove(li)
                    break

    pairs.sort(key=lambda p: p[0])
    aligned = tuple(p for _, p in pairs)
    notes: list[tuple[str, float]] = []
    if l_free:
        # Listed words that add nothing: a word the alignment has used already ("cetc 14
        # ... cetc 14"), and the words an acronym matched elsewhere stands for.
        used = {p.listed for p in aligned}
        repeats = [i for i in l_free if listed[i] in used]
        acronyms = {p.listed for p in aligned if p.how in ("same", "typo") and p.listed.isalpha() and 3 <= len(p.listed) <= 8}
        # (an acronym on its own meets the listed acronym as a name of its own instead)
        spelled = _spelled_out(listed, [i for i in l_free if i not in repeats], acronyms) if acronyms and len(aligned) > 1 else []
        if repeats:
            notes.append((f"the listed name repeats {', '.join(repr(listed[i]) for i in repeats)}: not counted again", 0.0))
        for acro, run in spelled:
            notes.append((f"the listed name also spells out {acro!r} as {' '.join(listed[i] for i in run)!r}: not counted again", 0.0))
        gone = set(repeats).union(*(r for _, r in spelled))
        l_free = [i for i in l_free if i not in gone]
    query_only = tuple((query[i], weight(query[i])) for i in q_free)
    listed_only = tuple((listed[i], weight(listed[i])) for i in l_free)
    country_words: tuple[tuple[str, float], ...] = ()
    # A place only in the query that is in the listed body's country counts little, unless
    # the listed name has a word the query leaves out that may be a place of its own
    # (Shandong / Xinjiang; Shanghai / Shihezi, a city no country table holds).
    if (
        vocab is not None and listed_in and query_only
        and not any(vocab.countries_of(t) or w >= DISTINCTIVE for t, w in listed_only)
    ):
        agree = [x for x in query_only if _names_country(x[0], vocab) & listed_in]
        country_words = tuple(agree)
        query_only = tuple(x for x in query_only if x not in agree)
    num = sum(p.similarity * p.weight for p in aligned)

    def ordinary(tok: str) -> bool:
        """An everyday word or a place: it says what kind of body, or where, not which."""
        return organisation and vocab is not None and (vocab.common(tok) or bool(vocab.countries_of(tok)))

    def describes(tok: str) -> bool:
        """Says what kind of body or where, or is one pinyin syllable ("yun", "li": one
        Chinese character of many names): not which body."""
        return ordinary(tok) or (vocab is not None and vocab.syllable(tok))

    def distinctive(tok: str, w: float) -> bool:
        return w >= DISTINCTIVE and not describes(tok)

    extra = LISTED_EXTRA
    contained = generic = False
    # listed-only words among the aligned ones ("Saint Petersburg [Mining] University")
    between = _inside(listed, l_free, aligned) if organisation and listed_only else []
    if (
        not query_only and listed_only
        and any(
            (p.how == "same" and distinctive(p.query, p.weight))
            or (p.how == "typo" and p.similarity >= CLOSE_TYPO and distinctive(p.listed, p.weight))
            for p in aligned
        )
        and not any(distinctive(t, w) for t, w in listed_only)
        # a query word the listed name holds only as an initial is not in it ("Hashem
        # Ansari" / "SAFI A-DIN, Hashem": "a" is no more than a letter of "Ansari")
        and not any(p.how == "initial" and len(p.query) > 1 for p in aligned)
    ):
        if between:
            # "Saint Petersburg [Mining] University": a word among the shared ones is
            # part of another body's name, not a longer form of the query's
            words = ", ".join(repr(listed[i]) for i in between)
            notes.append((f"the listed name has {words} among the words the query shares: its other words count as usual", 0.0))
        else:
            extra, contained = CONTAINED_EXTRA, True
    listed_cost = extra * sum(w for _, w in listed_only)
    unnamed: list[str] = []
    named_country: list[str] = []
    everyday = organisation and vocab is not None and bool(
        listed_only or query_only or any(p.how == "other name" and vocab.common(p.query) for p in aligned)
    ) and not any(
        _names_body(p, describes) for p in aligned
    )
    phrase = sum(1 for p in aligned if not vocab.countries_of(p.query)) if everyday and vocab is not None else 0
    if phrase >= PHRASE_WORDS:
        notes.append((f"{phrase} words matched: together they name the body, though each is an everyday word", 0.0))
    elif everyday and vocab is not None:
        # Only everyday words and places in the query ("Nanjing University", "Rapid
        # Response Team"): what the listed name adds decides which body it is. Words for a
        # level of government ("Municipal") count as little as before; a place or a
        # distinctive word the query leaves out ("Korea", "Terek") keeps the pair below
        # the review level, unless the query is placed in the same country already.
        generic = bool(listed_only)
        listed_cost = sum((GENERIC_EXTRA if t in ADMIN_LEVEL_WORDS else 1.0) * w for t, w in listed_only)
        # A country the query names is what tells one "Ministry of Interior" from another:
        # it counts fully, not as a mere place.
        named_country = [t for t, _ in query_only if t in vocab.country_words]
        query_only = tuple((t, 1.0 if t in named_country else w) for t, w in query_only)
        query_countries = query_in.union(*(vocab.countries_of(t) for t in query))
        unnamed = [
            t for t, w in listed_only
            if t not in ADMIN_LEVEL_WORDS
            and (distinctive(t, w) or (vocab.countries_of(t) and not vocab.countries_of(t) & query_countries))
        ]
        # a distinctive listed word the query only meets with an everyday word a typo
        # away ("skylinks" / "skyline") is one the query leaves out
        unnamed += [
            p.listed for p in aligned
            if p.how == "other name" and vocab.common(p.query) and distinctive(p.listed, weight(p.listed))
        ]
    # The whole listed name, with a distinctive word, and everyday words the query adds
    # ("NSO Group *Technologies*"): a fuller form of the name, so the added words count
    # less (the mirror of the contained rule).
    fuller = bool(
        organisation and vocab is not None and not listed_only and query_only and not everyday
        and any(p.how == "same" and distinctive(p.query, p.weight) for p in aligned)
        and all(vocab.common(t) and not vocab.countries_of(t) for t, _ in query_only)
    )
    if fuller:
        query_only = tuple((t, QUERY_EVERYDAY_EXTRA * w) for t, w in query_only)
    # A patronymic the query gives and the listed name has none of ("Maksim Stanislavovich
    # Liksutov" / "Maksim LIKSUTOV"): the list leaves the father's name out, it does not
    # give another, so the word costs what a listed-only word does.
    spared: tuple[tuple[str, float], ...] = ()
    if person_names and aligned and not any(patronymic(t) for t in listed):
        spared = tuple(x for x in query_only if patronymic(x[0]))
        query_only = tuple(x for x in query_only if x not in spared)
    den = (
        sum(p.weight for p in aligned) + sum(w for _, w in query_only) + listed_cost
        + COUNTRY_WORD_EXTRA * sum(w for _, w in country_words) + LISTED_EXTRA * sum(w for _, w in spared)
    )
    score = num / den if den else 0.0

    # Same letters once the spaces are gone ("hik vision digital" / "hikvision digital").
    if len(query) + len(listed) > 2 and score < 1.0:
        qc, lc = "".join(query), "".join(listed)
        if qc == lc:
            joined = Pair(" ".join(query), " ".join(listed), "joined", 1.0, 1.0)
            return NameScore(1.0, (joined,))

    adjustments: list[tuple[str, float]] = list(notes)
    if generic:
        adjustments.append((
            "the query has only everyday words and places in common with the listed name: the listed "
            "name's other words count more", 0.0,
        ))
    if (
        not organisation and len(query) >= 2 and listed_only
        and any(p.how == "joined" and len(p.query.split()) == len(query) for p in aligned)
    ):
        # "Li Na" against "Lina Al-Kinayeh": a person's whole name read as one of the
        # listed person's names is weak evidence
        adjustments.append(("the whole query is read as one word of a longer listed name", -WHOLE_QUERY_JOINED))
    if not organisation and listed_only and aligned and score > GENERIC_CAP and all(p.weight < DISTINCTIVE for p in aligned):
        # "Maria Garcia" against "Maria Elena Gaxiola Garcia": the query holds only names
        # many listed people share; the rare name it leaves out is what says which person
        rare = [t for t, w in listed_only if w >= DISTINCTIVE and len(t) > 1]
        if rare:
            words = ", ".join(repr(t) for t in rare)
            adjustments.append((
                f"the query holds only names many listed people share; the listed person is set apart by {words}, "
                "which the query leaves out", GENERIC_CAP - score,
            ))
    initialled = [p.query for p in aligned if p.how == "initial" and len(p.query) > 1 and p.weight * 2 >= DISTINCTIVE]
    so_far = score + sum(d for _, d in adjustments)
    if (
        not organisation and initialled and so_far > GENERIC_CAP
        and any(len(t) > 1 for t, _ in listed_only)
    ):
        # "Abdul Rahman Shinwari" / "Abdul Rahman S. TAHA": the query's rare name meets
        # only an initial, and the listed name has a name of its own the query lacks
        adjustments.append((
            f"the query's rare name {', '.join(map(repr, initialled))} meets only an initial, and the listed "
            "person has a name the query lacks", GENERIC_CAP - so_far,
        ))
    if named_country:
        adjustments.append((
            f"the query names a country ({', '.join(map(repr, named_country))}) that the listed name, made of "
            "everyday words, does not: it counts fully", 0.0,
        ))
    q_numbers = [t for t, _ in query_only if t.isdigit()]
    l_numbers = [t for t, _ in listed_only if t.isdigit()]
    if q_numbers and l_numbers and not any(p.query.isdigit() for p in aligned) and score > GENERIC_CAP:
        # "14th Research Institute" / "No. 11 Research Institute", "Unit 61398" / "Unit
        # 61486": numbered bodies of one family are different bodies
        adjustments.append((f"the numbers differ ({', '.join(q_numbers)} / {', '.join(l_numbers)})", GENERIC_CAP - score))
    if organisation and vocab is not None and score > GENERIC_CAP:
        # "Bowne Global Solutions (Spain)" / "... (Netherlands)": each name places the
        # body in a country the other does not; one group's bodies in two countries
        q_places = [t for t, _ in (*query_only, *country_words) if t in vocab.country_words]
        l_places = [t for t, _ in listed_only if t in vocab.country_words]
        q_codes = frozenset().union(*(vocab.countries_of(t) for t in q_places))
        l_codes = frozenset().union(*(vocab.countries_of(t) for t in l_places))
        if q_codes and l_codes and not q_codes & l_codes:
            adjustments.append((
                f"the names place the body in different countries ({', '.join(q_places)} / {', '.join(l_places)})",
                GENERIC_CAP - score,
            ))
    if unnamed and score > GENERIC_CAP:
        words = ", ".join(repr(t) for t in unnamed)
        adjustments.append((f"the listed name is set apart by {words}, which the query leaves out", GENERIC_CAP - score))
    # A distinctive word the listed name holds among the words the query shares ("Wuxi
    # [Jiangnan] Institute of Technology") names another body of that kind; a partner's
    # short form leaves words out at the edges ("Hangzhou", a legal form), seldom inside.
    inside: list[str] = []
    if vocab is not None and score > GENERIC_CAP:
        inside = [
            listed[i] for i in between
            if listed[i].isalpha() and len(listed[i]) >= INSIDE_MIN and not patronymic(listed[i])
            and distinctive(listed[i], weight(listed[i]))
        ]
    so_far = score + sum(d for _, d in adjustments)
    if inside and so_far > GENERIC_CAP:
        words = ", ".join(repr(t) for t in inside)
        adjustments.append((
            f"the listed name has {words} among the words the query shares, which the query leaves out: another "
            "body of that kind", GENERIC_CAP - so_far,
        ))
    if contained:
        adjustments.append(("every query word is in the listed name, with a distinctive one: the listed name's other words count less", 0.0))
    if fuller:
        adjustments.append(("the query is the whole listed name, with a distinctive word, and everyday words: those count less", 0.0))
    if query_legal and listed_legal and not set(query_legal) & set(listed_legal) and GENERIC_LEGAL_FORM not in query_legal:
        adjustments.append(
            (f"legal forms differ ({'/'.join(query_legal)} vs {'/'.join(listed_legal)})", -LEGAL_FORM_MISMATCH)
        )
    total = max(0.0, min(1.0, score + sum(d for _, d in adjustments)))
    return NameScore(total, aligned, query_only, listed_only, tuple(adjustments), country_words, spared)


def _multi(
    a: Sequence[str],
    b: Sequence[str],
    a_free: list[int],
    b_free: list[int],
    pairs: list[tuple[int, Pair]],
    weight: Weight,
    query_side: bool,
) -> None:
    """One free word of ``a`` against a run of 2–8 neighbouring free words of ``b``:
    joined/split words first, then acronyms."""
    for ai in list(a_free):
        word = a[ai]
        best: tuple[str, float, list[int]] | None = None
        for start_pos, start in enumerate(b_free):
            run = [start]
            for nxt in b_free[start_pos + 1 :]:
                if nxt != run[-1] + 1 or len(run) == 8:
                    break
                run.append(nxt)
                words = [b[i] for i in run]
                edits = _joined_edits(word, "".join(words)) if len(run) <= 3 else None
                if edits is not None:
                    best = ("joined", 1.0 if not edits else 0.95, list(run), edits)
                    break
                if len(word) >= 3 and word.isalpha() and _acronym_of(word, words):
                    best = ("acronym", ACRONYM_SIMILARITY, list(run), 0)
                    break
            if best:
                break
        if best is None:
            continue
        how, sim, run, edits = best
        run_words = " ".join(b[i] for i in run)
        w = sum(weight(b[i]) for i in run) if how == "acronym" else max(weight(word), max(weight(b[i]) for i in run))
        if query_side:
            pair = Pair(word, run_words, how, sim, w, edits)
            pairs.append((ai, pair))
        else:
            pair = Pair(run_words, word, how, sim, w, edits)
            pairs.append((run[0], pair))
        a_free.remove(ai)
        for i in run:
            b_free.remove(i)
