"""Name normalisation shared by the index builder and the query side.

The compiled index (``store.index``) and every query run through the same
:func:`analyze`, so the two cannot drift apart. Pure functions, no I/O.

The steps, each reported in :attr:`NameForm.notes` when it changed something:

1. invisible characters out (zero-width, bidi controls, soft hyphen);
2. look-alike Cyrillic/Greek letters folded to Latin in words that also hold Latin letters,
   and Latin look-alikes typed in a Cyrillic word read as Cyrillic;
3. Unicode NFKC (full-width letters, ligatures), diacritics off, case folded;
4. Han characters to pinyin (a personal name as surname + joined given name, so 陈全国
   gives "chen quanguo"; a longer Han name as one joined word), Han legal forms
   (有限公司...) recognised; every other script transliterated to ASCII (anyascii);
5. apostrophes and the US CSL's "?" placeholders inside a word are dropped ("People?s"
   and "People's" both give "peoples"), other punctuation becomes a space; runs of three or more
   single letters ("X.P.C.C.", "H i k v i s i o n") are joined;
6. abbreviations expanded (Dept → department, PSB → public security bureau);
7. place-name spellings unified (Kashi → kashgar);
8. legal forms recognised (Co., Ltd. / LLC / OOO → one class) and set apart;
9. function words (of, the, and...) and titles (Mr, Dr, President, Sheikh...) dropped;
   name particles unified (ibn → bin, el → al).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from anyascii import anyascii

from .russian import CYRILLIC, romanise, russian_glosses
from .tables import (
    ABBREVIATIONS,
    ACADEMY,
    ACADEMY_BODIES,
    ACADEMY_BRANCHES,
    ACADEMY_INITIALS,
    CONFUSABLES,
    GIVEN_NAMES,
    HAN_COMPOUND_SURNAMES,
    HAN_GLOSSARY,
    HAN_LEGAL_FORMS,
    LEGAL_FORM_MAX,
    LEGAL_FORM_PREFIXES,
    LATIN_AS_CYRILLIC,
    LEGAL_FORMS,
    ORDINAL_WORDS,
    PARTICLES,
    PLACES,
    SPELLINGS,
    STOPWORDS,
)

__all__ = [
    "NameForm",
    "analyze",
    "bracket_variants",
    "initials_of",
    "han_glosses",
    "qualifier_variants",
    "name_variants",
    "single_letters",
    "spelling_key",
    "detect_script",
    "fold",
    "normalize",
    "strip_invisible",
    "tokens",
]

# Zero-width and bidi control characters, soft hyphen, BOM: invisible in print and
# used to split a name so that it slips past a matcher.
_INVISIBLE = dict.fromkeys(
    [0x00AD, 0x034F, 0x061C, 0x115F, 0x1160, 0x17B4, 0x17B5, 0x180E, 0x200B, 0x200C, 0x200D, 0x200E, 0x200F]
    + list(range(0x202A, 0x202F))
    + list(range(0x2060, 0x2070))
    + [0xFEFF]
)
_NON_WORD = re.compile(r"[^\w]+", re.UNICODE)
# Apostrophes, and the CSL's "?" standing for a lost character inside a word, join the
# letters on either side: "People's" and "People?s" → "peoples", "Gong'an" → "gongan".
_INNER_MARK = re.compile(r"(?<=\w)['\u2018\u2019\u02bc\u02bb`\u00b4?]+(?=\w)")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# 第 + a Chinese numeral: an ordinal, as in the numbered institutes of one group
# (中国电子科技集团公司第三十八研究所: the 38th Research Institute of CETC).
_HAN_ORDINAL = re.compile(r"第([零〇一二两三四五六七八九十百千万]+)")
_LATIN_LETTER = re.compile(r"[A-Za-z\u00c0-\u024f]")
_CONFUSABLE_CHARS = re.compile("[" + "".join(map(chr, CONFUSABLES)) + "]")


@dataclass(frozen=True, slots=True)
class NameForm:
    """The comparable form of one name.

    ``tokens`` are the words compared (legal forms and function words removed);
    ``legal`` the legal-form classes found (``LLC``, ``JSC``, ``CORP``, ``CO``);
    ``notes`` say in words what normalisation changed, for explanations.
    """

    tokens: tuple[str, ...]
    legal: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    @property
    def text(self) -> str:
        return " ".join(self.tokens)


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


_LETTERS = re.compile(r"[^\W\d_]+")


def _fold_confusables(text: str, notes: list[str]) -> str:
    """Look-alike letters of two scripts in one name, read as the script they stand in.

    A word of Latin letters with Cyrillic or Greek look-alikes among them ("Ηikvisiоn") is
    read as Latin, as is a word made only of look-alikes in a name whose other words are
    Latin. A word holding Cyrillic letters that look like no Latin one, with Latin
    look-alikes typed among them ("Aлександрович", "БАСУРIН"), is read as Cyrillic and
    transliterated whole, as is a word of look-alikes of both scripts in a name with such a
    word ("Андрій ... АНАНЕНКA")."""
    if not (_LATIN_LETTER.search(text) and (_CONFUSABLE_CHARS.search(text) or CYRILLIC.search(text))):
        return text
    words = []  # (start, end, holds Latin, holds Cyrillic, holds a letter with no Latin look-alike)
    for m in _LETTERS.finditer(text):
        word = m.group()
        native = any(ch.isalpha() and not _LATIN_LETTER.match(ch) and ord(ch) not in CONFUSABLES for ch in word)
        words.append((m.start(), m.end(), bool(_LATIN_LETTER.search(word)), bool(CYRILLIC.search(word)), native))
    latin_name = not any(w[4] for w in words)
    out, last, to_latin, to_cyrillic = [], 0, False, False
    for a, b, latin, cyrillic, native in words:
        word = new = text[a:b]
        if latin and cyrillic and (native or not latin_name):
            # a Cyrillic word, or one of look-alikes of both scripts in a Cyrillic name
            # ("АНАНЕНКA", "Iван" beside "Андрій")
            new = word.translate(LATIN_AS_CYRILLIC)
            to_cyrillic |= new != word
        elif not native and (latin or latin_name) and _CONFUSABLE_CHARS.search(word):
            new = word.translate(CONFUSABLES)
            to_latin |= new != word
        out.append(text[last:a] + new)
        last = b
    folded = "".join(out) + text[last:]
    if to_latin:
        notes.append(f"look-alike letters from another script read as Latin ({text!r} → {folded!r})")
    if to_cyrillic:
        notes.append(f"Latin letters typed in a Cyrillic word read as Cyrillic ({text!r} → {folded!r})")
    return folded


def _pinyin(han: str) -> list[str]:
    from pypinyin import lazy_pinyin  # imported only when a name has Han characters

    return [s for s in lazy_pinyin(han) if s.isascii()]


def _han_ordinals(text: str, notes: list[str]) -> str:
    """第 + a Chinese numeral as the number it is (第三十八 → 38, as "38th" is read)."""
    if "第" not in text:
        return text
    import cn2an  # imported only when a Han name holds 第

    def number(match: re.Match[str]) -> str:
        try:
            value = cn2an.cn2an(match.group(1), "smart")
        except ValueError:  # not a well-formed numeral: left to be read as pinyin
            return match.group(0)
        notes.append(f"Chinese ordinal {match.group(0)} read as {value}")
        return f" {value} "

    return _HAN_ORDINAL.sub(number, text)


def _han_to_latin(text: str, notes: list[str], legal: list[str]) -> str:
    """Replace each run of Han characters by pinyin. A name of two to four characters is
    cut after its surname ("陈全国" → "chen quanguo"), unless a part would be a syllable
    that is also a function word of Latin names (大华 → "dahua", not "da hua", which would
    lose "da" and leave a bare "hua")."""
    stripped = text.strip()
    for suffix, cls in HAN_LEGAL_FORMS.items():
        if stripped.endswith(suffix) and len(stripped) > len(suffix):
            stripped = stripped[: -len(suffix)]
            legal.append(cls)
            notes.append(f"legal form {suffix} read as {cls}")
            break
    stripped = _han_ordinals(stripped, notes)
    runs = _HAN_RUN.findall(stripped)
    whole_name = len(runs) == 1 and runs[0] == stripped

    def convert(match: re.Match[str]) -> str:
        run = match.group(0)
        syllables = _pinyin(run)
        if whole_name and 2 <= len(run) <= 4 and len(syllables) == len(run):
            cut = 2 if run[:2] in HAN_COMPOUND_SURNAMES else 1
            parts = (''.join(syllables[:cut]), ''.join(syllables[cut:]))
            if (len(run) - cut in (1, 2) or (len(run) == 4 and cut == 2)) and not STOPWORDS.intersection(parts):
                return f" {parts[0]} {parts[1]} "
        return f" {''.join(syllables)} "

    latin = _HAN_RUN.sub(convert, stripped)
    notes.append(f"Han characters transliterated to pinyin ({text.strip()} → {' '.join(latin.split())})")
    return latin


def _join_spaced_letters(words: list[str], notes: list[str]) -> list[str]:
    """Join runs of three or more single letters: "x p c c" → "xpcc"."""
    out: list[str] = []
    run: list[str] = []

    def flush() -> None:
        if len(run) >= 3:
            out.append("".join(run))
            notes.append(f"spaced letters joined ({' '.join(run)} → {''.join(run)})")
        else:
            out.extend(run)
        run.clear()

    for w in words:
        if len(w) == 1 and w.isalpha():
            run.append(w)
        else:
            flush()
            out.append(w)
    flush()
    return out


def _academy(words: list[str], notes: list[str]) -> list[str]:
    """The Russian Academy of Sciences' initials read out: after a branch's initials
    ("SB RAS") or as the last word of an institution's name ("Lebedev Physical Institute
    RAS"), never elsewhere ("Ras Al Khaimah")."""
    out: list[str] = []
    last = len(words) - 1
    for i, w in enumerate(words):
        if w not in ACADEMY_INITIALS:
            out.append(w)
            continue
        branch = ACADEMY_BRANCHES.get(out[-1]) if out else None
        if branch is not None:
            notes.append(f"initials {out[-1] + ' ' + w!r} expanded to {' '.join(branch + ACADEMY)!r}")
            out[-1:] = [*branch, *ACADEMY]
        elif i == last and ACADEMY_BODIES.intersection(words):
            notes.append(f"initials {w!r} expanded to {' '.join(ACADEMY)!r}")
            out.extend(ACADEMY)
        else:
            out.append(w)
    return out


def _expand(words: list[str], notes: list[str]) -> list[str]:
    out: list[str] = []
    for w in words:
        w = SPELLINGS.get(w, w)
        full = ABBREVIATIONS.get(w)
        if full is not None and len(full) > 1 and len(words) == 1:
            full = None  # "MPS" alone may be any ministry's initials; inside a name it is read out
        if full is not None:
            out.extend(full)
            notes.append(f"abbreviation {w!r} expanded to {' '.join(full)!r}")
            continue
        particle = PARTICLES.get(w)
        if particle is not None:
            out.append(particle)
            continue
        place = PLACES.get(w)
        if place is not None:
            out.append(place)
            notes.append(f"place-name spelling {w!r} read as {place!r}")
            continue
        given = GIVEN_NAMES.get(w)
        if given is not None:
            out.append(given)
            notes.append(f"given-name form {w!r} read as {given!r}")
            continue
        yo = _yo(w)
        if yo != w:
            out.append(yo)
            notes.append(f"transliterated ё {w!r} read as {yo!r}")
            continue
        if len(w) >= 5 and w.endswith(_Y_ENDINGS) and w.isalpha():
            # one Russian ending (-ий, -ый) romanised four ways: "Vitaliy", "Vitalii",
            # "Vitalij", "Vitaly"; "Lebedinskiy" / "Lebedinsky"
            y = w[:-2] + "y"
            out.append(y)
            notes.append(f"transliterated ending {w!r} read as {y!r}")
            continue
        out.append(w)
    return out


_Y_ENDINGS = ("iy", "ij", "ii", "yi", "yy")

# The Russian letter ё, romanised "yo", "io" or "e" ("Zhuravlyov" / "Zhuravlev",
# "Semyonov" / "Semenov", "Potyomkin" / "Potemkin"), read as "e" in an East Slavic family
# name or patronymic ("Fyodorovich" / "Fedorovich"): "yo" after a consonant anywhere in
# the stem, "io" in the ending only (-iov, -iova). Other names keep their "yo" ("Ryong",
# "Kyoto"): only words with a family-name or patronymic ending are read.
_YO_NAME = re.compile(r"[a-z]{3,}(?:ov|ova|ev|eva|in|ina|sky|skiy|skaya|ovich|evich|ovna|evna)")
_YO_STEM = re.compile(r"(?<=[bcdfghjklmnpqrstvwxz])yo")
_IO_ENDING = re.compile(r"(?<=[bcdfghjklmnpqrstvwxz])io(?=va?$)")


def _yo(word: str) -> str:
    """An East Slavic family name with its ё read as "e" ("zhuravlyov" → "zhuravlev")."""
    if len(word) < 6 or not _YO_NAME.fullmatch(word):
        return word
    return _IO_ENDING.sub("e", _YO_STEM.sub("e", word))


_ORDINAL = re.compile(r"(\d+)(?:st|nd|rd|th)")


def _numbers(words: list[str], notes: list[str]) -> list[str]:
    """Ordinals and numbered names read as plain numbers: "14th" → "14", "No. 11" → "11",
    "Second" → "2" ("CETC 14th Research Institute" / "... No. 14 Research Institute")."""
    out: list[str] = []
    for i, w in enumerate(words):
        if (m := _ORDINAL.fullmatch(w)) is not None:
            out.append(m.group(1))
            notes.append(f"ordinal {w!r} read as {m.group(1)!r}")
        elif w in ORDINAL_WORDS:
            out.append(ORDINAL_WORDS[w])
            notes.append(f"ordinal {w!r} read as {ORDINAL_WORDS[w]!r}")
        elif w in ("no", "nr", "number") and i + 1 < len(words) and words[i + 1][:1].isdigit():
            notes.append(f"{w!r} before a number dropped")
        else:
            out.append(w)
    return out


def _legal_forms(words: list[str], notes: list[str], legal: list[str]) -> list[str]:
    """Take legal forms off the end (and the Russian-style ones off the start)."""
    changed = True
    while changed and len(words) > 1:
        changed = False
        for size in range(min(LEGAL_FORM_MAX, len(words) - 1), 0, -1):
            tail = tuple(words[-size:])
            cls = LEGAL_FORMS.get(tail)
            if cls is not None:
                legal.append(cls)
                notes.append(f"legal form {' '.join(tail)!r} read as {cls}")
                words = words[:-size]
                changed = True
                break
        for size in range(min(LEGAL_FORM_MAX, len(words) - 1), 0, -1):
            head = tuple(words[:size])
            if head in LEGAL_FORM_PREFIXES:
                legal.append(LEGAL_FORMS[head])
                notes.append(f"legal form {' '.join(head)!r} read as {legal[-1]}")
                words = words[size:]
                changed = True
                break
    return words


# What a publisher adds to a name to say how far the listing reaches, not what the body is
# called: the CSL's Nonproliferation Sanctions records end "... and any successor,
# sub-unit, or subsidiary thereof" or ", and its sub-units and successors", and the UK and
# UN lists label an alias "... - sub-unit name".
_SCOPE_WORD = r"(?:successors?|sub-?units?|subsidiar(?:y|ies))"
# Matched on the name with its spaces collapsed to one, so that each space of the pattern
# can match in one way only (a pattern of optional spaces backtracks for minutes on a
# hostile name of many spaces).
_SCOPE = re.compile(
    r",? and (?:any|its) " + _SCOPE_WORD + r"(?:,? (?:(?:or|and) )?" + _SCOPE_WORD + r")*(?: thereof)?$"
    r"| - sub-?unit name\b",
    re.IGNORECASE,
)


def _drop_scope(text: str, notes: list[str]) -> str:
    collapsed = " ".join(text.split())
    found = _SCOPE.search(collapsed)
    if found is None:
        return text
    dropped = collapsed[: found.start()] + collapsed[found.end():]
    if not dropped.strip():
        return text
    notes.append(f"the listing's scope words dropped ({found.group(0).strip()})")
    return dropped


@lru_cache(maxsize=32768)
def analyze(text: str) -> NameForm:
    """Normalise one name to its comparable form, noting what was changed."""
    notes: list[str] = []
    legal: list[str] = []
    cleaned = strip_invisible(text)
    if cleaned != text:
        notes.append("invisible characters removed")
    cleaned = _fold_confusables(cleaned, notes)
    cleaned = _drop_scope(cleaned, notes)
    folded = fold(cleaned)
    if _HAN_RUN.search(folded):
        folded = _han_to_latin(folded, notes, legal)
    if not folded.isascii():
        latin = romanise(folded).lower()
        script = detect_script(folded)
        notes.append(f"{script} script transliterated ({folded.strip()} → {' '.join(_NON_WORD.sub(' ', latin).split())})")
        folded = latin
    folded = _INNER_MARK.sub("", folded)
    words = _NON_WORD.sub(" ", folded.replace("_", " ")).split()
    if not words:
        return NameForm((), tuple(legal), tuple(notes))
    # Steps 5-9 are repeated until nothing changes (dropping a function word can bring two
    # single letters together, joining letters can make an abbreviation), so that the
    # comparable form of a comparable form is itself.
    for _ in range(8):
        before = words
        words = _join_spaced_letters(words, notes)
        words = _academy(words, notes)
        words = _expand(words, notes)
        words = _numbers(words, notes)
        words = _legal_forms(words, notes, legal)
        core = [w for w in words if w not in STOPWORDS]
        words = core or words  # a name made only of function words is compared as written
        if words == before:
            break
    return NameForm(tuple(words), tuple(legal), tuple(notes))


_BRACKET = re.compile(r"\s*[(\[]([^()\[\]]*)[)\]]")
_ACRONYM = re.compile(r"[A-Za-z][A-Za-z&\-]{2,9}")


def bracket_variants(text: str) -> list[str]:
    """Other names written inside a listed name's brackets, for the index.

    "National University of Defense Technology (NUDT)" also stands for "National
    University of Defense Technology" and, since NUDT is the initials of its words, for
    "NUDT". A bracketed word counts as an acronym only when its letters are the initials
    of words before it, in order (words may be skipped), so places and legal forms in
    brackets ("(Shenzhen)", "(Pvt)") never become names of their own.
    """
    if "(" not in text and "[" not in text:
        return []
    out: list[str] = []
    outside = " ".join(_BRACKET.sub(" ", text).split())
    if outside and outside != text.strip() and analyze(outside).tokens:
        out.append(outside)
    head = text[: min(i for i in (text.find("("), text.find("[")) if i >= 0)]
    before_words = _NON_WORD.sub(" ", fold(head)).split()
    for inner in _BRACKET.findall(text):
        inner = inner.strip()
        if _ACRONYM.fullmatch(inner) and initials_of(inner.replace("-", "").replace("&", "").casefold(), before_words):
            out.append(inner)
    return out


_CAPITALS = re.compile(r"[A-Z][A-Za-z]{1,7}")  # "FIAN", "TsAGI", "IKCO"


def query_bracket_names(text: str) -> list[str]:
    """Bracketed parts of a query that hold an acronym in capitals, read as names of their
    own even when it is not the initials of the words before it: "Lebedev Physical
    Institute (FIAN)" (the Russian initials), "Iran Khodro France (IKCO France)". The
    matcher reads a query so; the index does not read listed names so (a listed
    "(Shenzhen)" or "(Pvt)" is no name of its own)."""
    out = []
    for inner in _BRACKET.findall(text):
        words = inner.split()
        if 1 <= len(words) <= 3 and any(
            _CAPITALS.fullmatch(w) and sum(c.isupper() for c in w) >= 3 for w in words
        ):
            out.append(inner.strip())
    return out


def initials_of(acronym: str, words: Sequence[str]) -> bool:
    """The letters of ``acronym`` are the first letters of ``words`` in order (some
    words skipped), starting with the first word."""
    if not words or not acronym or acronym[0] != words[0][0]:
        return False
    i = 0
    for w in words:
        if i < len(acronym) and w[0] == acronym[i]:
            i += 1
    return i == len(acronym)


_DOUBLED = re.compile(r"([a-z])\1+")


# Vowels romanisations of one name write differently ("Hussein" / "Husayn", "Zeid" /
# "Zayd", "Sergei" / "Sergey", "Mahmoud" / "Mahmud", "Kareem" / "Karim"), and the
# East Slavic family-name ending written -ski as well as -sky ("Lissovski" / "Lisovsky";
# -skiy and -skii are already -sky in every comparable form, see ``_Y_ENDINGS``), each
# read one way.
_SPELLING_VOWELS = (("ei", "ay"), ("ai", "ay"), ("ey", "ay"), ("ou", "u"), ("oo", "u"), ("ee", "i"))
_SKI = re.compile(r"ski$")


@lru_cache(maxsize=1 << 16)
def spelling_key(word: str) -> str:
    """The word as romanisations of one name meet: doubled letters written once ("ayyub"
    → "ayub", "hassan" → "hasan"), the vowels and the -sky ending they write differently
    read one way ("hussein" → "husayn", "lissovski" → "lisovsky"). A retrieval key, and
    what tells the scorer that two words are one name spelt two ways; the words shown
    keep their letters."""
    for spelled, key in _SPELLING_VOWELS:
        word = word.replace(spelled, key)
    return _SKI.sub("sky", single_letters(word))


def single_letters(word: str) -> str:
    """The word with doubled letters written once ("ayyub" → "ayub", "hassan" → "hasan"),
    the retrieval key of every listed word; :func:`spelling_key` goes further, for the
    words of people's names only ("group" and "grupp" are two words, "Hussein" and
    "Husayn" one name)."""
    return _DOUBLED.sub(r"\1", word)


# What the Chinese names of China's provinces end with in ISO 3166-2 (新疆维吾尔自治区: the
# region of the Uyghurs; 广西壮族自治区), and the same words in their romanised names.
_HAN_PROVINCE_ENDINGS = ("特别行政区", "自治区", "省", "市", "维吾尔", "壮族", "回族")
_PROVINCE_ENDINGS = {"sheng", "shi", "zizhiqu", "sar", "uygur", "zhuangzu", "huizu"}


@lru_cache(maxsize=1)
def han_provinces() -> dict[str, str]:
    """China's provinces and regions by their short Chinese names, each with its romanised
    name (新疆 → "Xinjiang", 广东 → "Guangdong"), from pycountry's ISO 3166-2 names and their
    Chinese translations: a body's name starting with one (新疆协鑫新能源...) is read with
    the province as a word of its own, not run into the brand after it."""
    import gettext

    import pycountry

    zh = gettext.translation("iso3166-2", pycountry.LOCALES_DIR, languages=["zh_CN"], fallback=True)
    out = {}
    for sd in pycountry.subdivisions.get(country_code="CN") or ():
        han = zh.gettext(sd.name)
        for ending in _HAN_PROVINCE_ENDINGS:  # in this order: 新疆维吾尔自治区 → 新疆维吾尔 → 新疆
            han = han.removesuffix(ending)
        english = " ".join(w for w in sd.name.split() if w.casefold() not in _PROVINCE_ENDINGS)
        if han and english and _HAN_RUN.fullmatch(han) and len(han) >= 2:
            out[han] = english
    return out


@lru_cache(maxsize=1)
def _gloss_terms() -> tuple[dict[str, str | tuple[str, ...]], int]:
    """The glossary's terms and the provinces' names (the glossary's rendering first, as
    for 西藏 "Tibet"), and the length of the longest."""
    terms = {**han_provinces(), **HAN_GLOSSARY}
    return terms, max(map(len, terms))


def han_glosses(text: str, limit: int = 4) -> list[str]:
    """The name with the Chinese institutional words it holds put in English
    (``tables.HAN_GLOSSARY``, and China's provinces: :func:`han_provinces`), the rest left
    as written: one reading per rendering of a
    term the lists write several ways (at most ``limit``); empty when it holds none.

    新疆警察学院 → ["新疆 Police College"] (read by :func:`analyze` as "xinjiang police
    college"). A personal name or a brand (陈全国, 海康威视) holds no such word.
    """
    if not _HAN_RUN.search(text):
        return []
    readings: list[list[str]] = [[]]
    found = False
    i = 0
    terms, longest = _gloss_terms()
    while i < len(text):
        for size in range(min(longest, len(text) - i), 0, -1):
            english = terms.get(text[i : i + size])
            if english is not None:
                options = (english,) if isinstance(english, str) else english
                readings = [r + [f" {o} "] for r in readings for o in options][:limit]
                found = True
                i += size
                break
        else:
            for r in readings:
                r.append(text[i])
            i += 1
    return [" ".join("".join(r).split()) for r in readings] if found else []


def qualifier_variants(text: str, strict: bool = False) -> list[str]:
    """A body's name without a short last part after a comma, which mostly says where it is
    or what it belongs to ("Qarchak Women's Prison, Varamin" → "Qarchak Women's Prison").

    Only a last part of one to three words after a name of two words or more (three when
    ``strict``, for a query that may be a person's "SURNAME, Given Names"). The matcher
    reads a query in it; the index does not read listed names so.
    """
    head, sep, tail = text.rpartition(",")
    if not sep:
        return []
    head_words, tail_words = analyze(head).tokens, analyze(tail).tokens
    if not 1 <= len(tail_words) <= 3 or len(head_words) < (3 if strict else 2):
        return []
    return [head.strip()]


def name_variants(text: str) -> list[tuple[str, str]]:
    """Other readings of a name, each with its kind ("bracket", "gloss" or "russian"):
    what its brackets stand for (:func:`bracket_variants`), its Chinese institutional words
    in English (:func:`han_glosses`, one reading per rendering) and its Russian or Ukrainian
    ones written in Latin letters (:func:`.russian.russian_glosses`). The index holds them
    for listed names; the matcher reads a query in them too."""
    out = [(v, "bracket") for v in bracket_variants(text)]
    out.extend((gloss, "gloss") for gloss in han_glosses(text))
    out.extend((gloss, "russian") for gloss in russian_glosses(text))
    return out


def normalize(text: str) -> str:
    """The comparable form of a name as one string (see :func:`analyze`)."""
    return analyze(text).text


def tokens(text: str) -> list[str]:
    """The words of :func:`normalize`'s form."""
    return list(analyze(text).tokens)
