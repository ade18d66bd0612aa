"""Candidate retrieval: the listed names worth scoring for a query, from the compiled
indexes, without looking at every name.

A listed name becomes a candidate when it shares with the query
- a word (words found in more than ``COMMON_DF`` names are used only when the query has
  nothing rarer);
- a word a typo away, for query words that no list holds (a query word that some list
  holds retrieves by itself; other words of the query retrieve names where it is misspelt;
  ``FUZZY_DF`` can widen this to words only a few names hold, at the cost of more false
  alarms, see the README); and for a word of six letters or more that at most
  ``FUZZY_RARE_DF`` names hold, its listed spellings one letter away that as few names
  hold ("submicron" / "submikron": one body, spelt two ways on two lists); for a
  patronymic, however common, its listed spellings one letter away ("anatolevich" /
  "anatolievich");
- a rare word spelt with doubled letters written once, either side ("Ayub" / "Ayyub");
- two neighbouring words written as one, on either side ("hikvision" / "hik vision"):
  a query word is tried cut in two where both halves are listed words;
- an acronym ("xpcc" → organisation names whose first words have those initials);
- the query's rarest word, in a query of three words or more, whatever else the name
  shares ("Andrei Anatolevich Alekhin" / "ALEKHIN, Andrey Anatolyevich": the given name
  and patronymic written another way retrieve nothing).

Candidates are ranked by the summed weight of what they share; the best ``limit`` go on
to the scorer.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence

from ..store.index import ACRONYM_MAX, ACRONYM_MIN, CompiledIndex, positions
from ..names import single_letters, spelling_key
from .lexicon import RARE_DF, Lexicon
from .scorer import patronymic

COMMON_DF = 5000
FUZZY_DF = 0  # a query word held by this few list names is also looked up a typo away
FUZZY_FACTOR = 0.9
FUZZY_RARE_DF = RARE_DF  # a word this rare also retrieves its as rare spellings a letter away
ACRONYM_FACTOR = 0.8
# Words a query needs for its rare words to make candidates whatever their share: with
# two, a rare word's name already holds half the weight unless the other word is rarer
# still, and anchoring those too would score many more names for no name found.
ANCHOR_WORDS = 3
ANCHOR_DF = 10  # the rarest word of the query, if this few names hold it
_STRIDE = 1 << 24  # a candidate's key: index number * _STRIDE + name position


def retrieve(
    tokens: Sequence[str],
    indexes: Sequence[CompiledIndex],
    lexicon: Lexicon,
    limit: int = 50,
    min_share: float = 0.0,
) -> list[tuple[int, int]]:
    """(index number, name position) of the best candidates, best first.

    A candidate must share at least ``min_share`` of the weight of the query words looked
    up: a word too common to look up beside a rarer one ("al" beside "shabaab") can add
    nothing, so it does not count against the share either. A name that holds the query's
    rarest word, when at most ``ANCHOR_DF`` names hold it, is a candidate whatever its
    share, in a query of ``ANCHOR_WORDS`` words or more: its other words may be written
    another way that retrieves nothing ("Andrei Anatolevich Alekhin" / "ALEKHIN, Andrey
    Anatolyevich"), which the scorer then reads.
    """
    lookups: list[tuple[str, str | tuple[str, ...], float]] = []  # (table, key or keys, weight)
    rarest: tuple[int, str] | None = None  # (names holding it, word): a name holding it is a candidate
    toks = list(dict.fromkeys(tokens))
    dfs = {t: lexicon.df(t) for t in toks}
    has_rare = any(0 < n <= COMMON_DF for n in dfs.values())
    searched_weight = 0.0
    for t in toks:
        w = lexicon.weight(t)
        n = dfs[t]
        searched = not n or n <= COMMON_DF or not has_rare  # (a word no list holds is looked up a typo away)
        if searched:
            searched_weight += w
        if n and searched:
            lookups.append(("postings", t, w))
            if n <= ANCHOR_DF and len(toks) >= ANCHOR_WORDS and (rarest is None or (n, t) < rarest):
                rarest = (n, t)
        if 0 < n <= RARE_DF:  # unknown words already look a typo away
            # "Ayub" meets the listed "Ayyub" and "Ayyub" the listed "Ayub", "Lisovsky" the
            # listed "Lissovski" (rare words only: "Mohammed" and "Mohamed" are both common
            # enough to be listed as written)
            keys = tuple(dict.fromkeys((single_letters(t), spelling_key(t))))
            lookups.append(("singles", keys, w))
            lookups.extend(("postings", key, w) for key in keys if key != t)
        if n <= FUZZY_DF:
            for variant, _ in lexicon.similar(t):
                lookups.append(("postings", variant, w * FUZZY_FACTOR))
        elif n <= FUZZY_RARE_DF and len(t) >= 6 and t.isalpha():
            for variant in lexicon.one_edit(t):
                if lexicon.df(variant) <= FUZZY_RARE_DF:
                    lookups.append(("postings", variant, w * FUZZY_FACTOR))
        elif searched and patronymic(t) and t.isalpha():
            # a patronymic is romanised several ways a letter apart, all of them common
            # ("Anatolevich", "Anatolievich", "Anatolyevich"): each retrieves the others
            spelt = {t.replace("ks", "x"), t.replace("x", "ks")} - {t}  # "Aleksandrovich" / "Alexandrovich"
            for variant in [*lexicon.one_edit(t), *(v for v in spelt if lexicon.df(v))]:
                lookups.append(("postings", variant, w * FUZZY_FACTOR))
        if len(t) >= 4:
            for cut in range(2, len(t) - 1):
                a, b = t[:cut], t[cut:]
                if 0 < lexicon.df(a) <= COMMON_DF and 0 < lexicon.df(b) <= COMMON_DF:
                    lookups.append(("split", (a, b), w))
        if ACRONYM_MIN <= len(t) <= ACRONYM_MAX and t.isalpha():
            lookups.append(("acronyms", t, w * ACRONYM_FACTOR))
    for a, b in zip(tokens, tokens[1:]):
        if lexicon.df(a + b):
            lookups.append(("postings", a + b, lexicon.weight(a + b)))

    scores: dict[int, float] = {}
    get = scores.get
    for ii, idx in enumerate(indexes):
        base = ii * _STRIDE
        tables = {"postings": idx.postings, "acronyms": idx.acronyms, "singles": idx.singles}
        for table, key, w in lookups:
            if table == "split":
                a, b = key
                pa, pb = idx.postings.get(a), idx.postings.get(b)
                if not (pa and pb):
                    continue
                found = sorted(set(positions(pa)) & set(positions(pb)))
            elif table == "singles":  # a name under either key counts once
                packs = [packed for k in key if (packed := idx.singles.get(k))]
                if not packs:
                    continue
                found = positions(packs[0]) if len(packs) == 1 else sorted({p for pk in packs for p in positions(pk)})
            else:
                packed = tables[table].get(key)
                if not packed:
                    continue
                found = positions(packed)
            for pos in found:
                k = base + pos
                scores[k] = get(k, 0.0) + w
    floor = min_share * searched_weight
    anchored: set[int] = set()
    if rarest is not None and floor:
        for ii, idx in enumerate(indexes):
            packed = idx.postings.get(rarest[1])
            if packed:
                base = ii * _STRIDE
                anchored.update(base + pos for pos in positions(packed))
    best = heapq.nlargest(limit, ((k, v) for k, v in scores.items() if v >= floor or k in anchored),
                          key=lambda kv: (kv[1], -kv[0]))
    return [(k // _STRIDE, k % _STRIDE) for k, _ in best]


def retrieve_readings(
    readings: Sequence[Sequence[str]],
    indexes: Sequence[CompiledIndex],
    lexicon: Lexicon,
    limit: int = 100,
) -> list[tuple[int, int]]:
    """(index number, name position) of the best candidates for a query whose words each
    have several listed spellings (``readings``, one group per query word: an abjad-script
    name read by its consonants), best first.

    A name scores, for each query word, the weight of the rarest of that word's spellings
    it holds (not their sum: a name holds one spelling of a word). A word whose spellings
    are all too common to look up (``COMMON_DF``) is skipped beside a word with a rarer one.
    """
    groups = [sorted(set(g)) for g in readings]
    has_rare = any(0 < lexicon.df(w) <= COMMON_DF for g in groups for w in g)
    totals: dict[int, float] = {}
    for group in groups:
        words = [w for w in group if lexicon.df(w) and (lexicon.df(w) <= COMMON_DF or not has_rare)]
        best: dict[int, float] = {}
        for w in words:
            weight = lexicon.weight(w)
            for ii, idx in enumerate(indexes):
                packed = idx.postings.get(w)
                if not packed:
                    continue
                base = ii * _STRIDE
                for pos in positions(packed):
                    k = base + pos
                    if best.get(k, 0.0) < weight:
                        best[k] = weight
        for k, weight in best.items():
            totals[k] = totals.get(k, 0.0) + weight
    top = heapq.nlargest(limit, totals.items(), key=lambda kv: (kv[1], -kv[0]))
    return [(k // _STRIDE, k % _STRIDE) for k, _ in top]
