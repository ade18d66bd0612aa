"""Bodies the lists name both in Russian or Ukrainian words written in Latin letters and
in English, found from one form when the record holds only the other.

    python benchmarks/translations.py [--show]

For every organisation record of the five official lists that holds a name with a Russian
or Ukrainian institutional word ("zavod", "nauchno", "predpriyatie", "byuro",
"obyedinenie", "tsentr", "upravlenie", "torgovy"...; the set is fixed below and does not
depend on hrdd's glossary) and another name of two words or more with none:

- English → Russian: each English-worded name is screened against indexes in which that
  record keeps only its Russian-worded names (every other record unchanged);
- Russian → English: each Russian-worded name is screened against indexes in which that
  record keeps only its English-worded names;
- Cyrillic → English: each name in Cyrillic of an organisation record that also holds an
  English-worded name is screened against indexes in which that record keeps only those.

A name counts as found when a hit (review or match) is on its own record. The pairs are the
lists' own, so they include translations no word list can give ("Magnitogorsk Iron and Steel
Works" for "Magnitogorskiy Metallurgicheskiy Kombinat") and abbreviations.
"""

from __future__ import annotations

import argparse
import re
from dataclasses import replace

from _common import own_record_recall, store

from screen.match import Matcher
from screen.store.index import build_index

SOURCES = ("ofac_sdn", "ofac_cons", "us_csl", "uk", "un")
RUSSIAN = re.compile(
    r"\b(zavod[a-z]?|kombinat|b[yij]uro|predpriyati[ey]+|pidpryemstvo|ob'?y?edineni[ey]+|kontsern|tsentr|"
    r"nauchno|naukovo|proizvodstvenno[ey]+|torgov[a-z]*|upravleni[ey]+|konstruktorsko[ey]+|"
    r"issledovatel'?sk[a-z]*)\b",
    re.IGNORECASE,
)
CYRILLIC = re.compile("[\u0400-\u04ff]")
WORD = re.compile(r"[A-Za-z0-9]+")


def split(entities):
    """Indexes' entities for each direction, and the queries: ((source, record), name)."""
    to_russian, to_english, to_latin = [], [], []
    english_queries, russian_queries, cyrillic_queries = [], [], []
    for e in entities:
        russian = [n for n in e.names if RUSSIAN.search(n.value)]
        cyrillic = [n for n in e.names if CYRILLIC.search(n.value)]
        english = [n for n in e.names if not RUSSIAN.search(n.value) and not CYRILLIC.search(n.value)
                   and len(WORD.findall(n.value)) >= 2]
        organisation = e.kind.value != "person"
        if organisation and russian and english:
            to_russian.append(replace(e, names=tuple(n for n in russian if n not in cyrillic)))
            to_english.append(replace(e, names=tuple(english)))
            english_queries += [(e.record_id, n.value) for n in english]
            russian_queries += [(e.record_id, n.value) for n in russian]
        else:
            to_russian.append(e)
            to_english.append(e)
        if organisation and cyrillic and english:
            to_latin.append(replace(e, names=tuple(english)))
            cyrillic_queries += [(e.record_id, n.value) for n in cyrillic]
        else:
            to_latin.append(e)
    return to_russian, to_english, to_latin, english_queries, russian_queries, cyrillic_queries


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--show", action="store_true", help="print misses")
    args = ap.parse_args()
    st = store()
    to_russian, to_english, to_latin, english_q, russian_q, cyrillic_q = [], [], [], [], [], []
    for source in SOURCES:
        r, e, la, eq, rq, cq = split(st.entities(source))
        to_russian.append(build_index(source, r))
        to_english.append(build_index(source, e))
        to_latin.append(build_index(source, la))
        english_q += [((source, rid), name) for rid, name in eq]
        russian_q += [((source, rid), name) for rid, name in rq]
        cyrillic_q += [((source, rid), name) for rid, name in cq]
    print(f"records named both ways: pairs of names from {', '.join(SOURCES)}")
    own_record_recall(Matcher(to_russian), english_q, "English name → record in Russian words only", args.show)
    own_record_recall(Matcher(to_english), russian_q, "Russian-worded name → record in English only", args.show)
    own_record_recall(Matcher(to_latin), cyrillic_q, "Cyrillic name → record in English only", args.show)


if __name__ == "__main__":
    main()
